//! Partner meetings in the store, on SQLite and PostgreSQL: a provincial officer holds a
//! partners' meeting in their province with invitations through the outbox, answers,
//! attendance, minutes with decisions and a public summary, and two follow-up actions,
//! one closed; another province's officer finds nothing; every change is audited.

use jisr_domain::access::{Role, Scope};
use jisr_domain::geo::ProvinceCode;
use jisr_domain::partners::meetings::{ActionInput, InviteeInput, MeetingInput, overdue};
use jisr_store::StoreError;
use jisr_store::audit::Actor;
use jisr_store::entity::{audit_log, outbox_message};
use jisr_store::geo::{self, GeoSource};
use jisr_store::partners_meetings::{self, MeetingError, MinutesInput, Scoped};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

fn officer(code: &str) -> [(Role, Scope); 1] {
    [(
        Role::ProvincialOfficer,
        Scope::Province(ProvinceCode::parse(code).unwrap()),
    )]
}

#[tokio::test]
async fn an_officer_holds_a_partners_meeting_to_its_follow_up() {
    each_backend(|store| async move {
        let actor = Actor::system("officer");
        geo::import(&store, &GeoSource::embedded(), &actor, &Silent)
            .await
            .unwrap();
        let grants = officer("07.427");
        let rehamna = Scoped::new(&store, &grants);
        let other_grants = officer("07.431");
        let safi = Scoped::new(&store, &other_grants);

        // Every error at once; another province refused.
        match rehamna
            .create(&actor, "07.431", &MeetingInput::default())
            .await
            .unwrap_err()
        {
            MeetingError::Fields(f) => {
                let names: Vec<&str> = f.iter().map(|(n, _)| *n).collect();
                assert_eq!(names, ["title", "place", "kind", "held_on", "province"]);
            }
            other => panic!("{other:?}"),
        }
        let id = rehamna
            .create(
                &actor,
                "07.427",
                &MeetingInput {
                    title: "Présentation des nouveaux services".into(),
                    kind: "partners_meeting".into(),
                    held_on: "2026-12-10".into(),
                    starts_at: "10:00".into(),
                    place: "Ben Guerir".into(),
                    agenda: "Accueil\nLes nouveaux services\nQuestions".into(),
                },
            )
            .await
            .unwrap();
        assert!(matches!(safi.meeting(id).await, Err(StoreError::NotFound)));
        assert!(safi.list().await.unwrap().is_empty());

        // Invitations through the outbox, answers.
        let commune = rehamna
            .invite(
                &actor,
                id,
                &InviteeInput {
                    organisation: "Commune de Ben Guerir".into(),
                    contact: "0612345678".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let association = rehamna
            .invite(
                &actor,
                id,
                &InviteeInput {
                    name: "Fatima Zahra".into(),
                    organisation: "Association Al Amal".into(),
                    contact: "amal@example.ma".into(),
                },
            )
            .await
            .unwrap();
        assert!(matches!(
            rehamna.invite(&actor, id, &InviteeInput::default()).await,
            Err(MeetingError::Fields(_))
        ));
        assert!(matches!(
            safi.invite(
                &actor,
                id,
                &InviteeInput {
                    name: "X".into(),
                    contact: "1".into(),
                    ..Default::default()
                }
            )
            .await,
            Err(MeetingError::Store(StoreError::NotFound))
        ));
        let sent = outbox_message::Entity::find()
            .filter(outbox_message::Column::OwnerKind.eq(partners_meetings::OWNER_KIND))
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(sent.len(), 2);
        assert_eq!(
            (sent[0].channel.as_str(), sent[1].channel.as_str()),
            ("sms", "email")
        );
        rehamna
            .record_answer(&actor, id, commune, "accepted")
            .await
            .unwrap();
        rehamna
            .record_answer(&actor, id, association, "declined")
            .await
            .unwrap();
        assert!(
            rehamna
                .record_answer(&actor, id, commune, "maybe")
                .await
                .is_err()
        );

        // Attendance, minutes, two actions of which one closed.
        rehamna
            .record_attendance(&actor, id, &[commune])
            .await
            .unwrap();
        assert!(matches!(
            rehamna
                .write_minutes(
                    &actor,
                    id,
                    &MinutesInput {
                        is_public: true,
                        ..Default::default()
                    }
                )
                .await,
            Err(MeetingError::Fields(_))
        ));
        rehamna
            .write_minutes(
                &actor,
                id,
                &MinutesInput {
                    minutes: "La délégation a présenté ses services.".into(),
                    decisions: "Un guichet commun\n\nUne réunion par trimestre".into(),
                    is_public: true,
                    public_summary: "La délégation a présenté ses nouveaux services.".into(),
                },
            )
            .await
            .unwrap();
        let first = rehamna
            .add_action(
                &actor,
                id,
                &ActionInput {
                    description: "Envoyer la liste des services".into(),
                    owner: "Délégation".into(),
                    due_on: "2026-12-15".into(),
                },
            )
            .await
            .unwrap();
        rehamna
            .add_action(
                &actor,
                id,
                &ActionInput {
                    description: "Désigner un correspondant".into(),
                    owner: "Commune de Ben Guerir".into(),
                    due_on: "2020-01-31".into(),
                },
            )
            .await
            .unwrap();
        rehamna.close_action(&actor, id, first).await.unwrap();
        assert!(matches!(
            safi.close_action(&actor, id, first).await,
            Err(MeetingError::Store(StoreError::NotFound))
        ));

        let v = rehamna.meeting(id).await.unwrap();
        assert_eq!(
            v.meeting.decisions,
            "Un guichet commun\nUne réunion par trimestre"
        );
        assert_eq!(v.invitees[0].attended, Some(true));
        assert_eq!(v.invitees[1].attended, Some(false));
        assert_eq!(v.invitees[1].answer, "declined");
        let today = jisr_domain::time::today();
        let open: Vec<bool> = v
            .actions
            .iter()
            .map(|a| {
                overdue(
                    chrono::NaiveDate::parse_from_str(&a.due_on, "%Y-%m-%d").unwrap(),
                    a.closed_on.is_some(),
                    today,
                )
            })
            .collect();
        assert_eq!(open, [false, true]);
        assert_eq!(v.actions[0].closed_on, Some(today.to_string()));
        let public = partners_meetings::public_meetings(&store).await.unwrap();
        assert_eq!(public.len(), 1);

        // Audited: creation, two invitations, two answers, attendance, minutes, two
        // actions, one closure.
        let entries = audit_log::Entity::find()
            .filter(audit_log::Column::Entity.is_in([
                "partner_meeting",
                "meeting_invitee",
                "meeting_action",
            ]))
            .count(store.conn())
            .await
            .unwrap();
        assert_eq!(entries, 10);
    })
    .await;
}
