//! Complaints end to end in the store, on SQLite and PostgreSQL: filing without an
//! account (all errors at once, anonymous except when contesting one's own decision,
//! double submission), tracking, the link to a contested application, the handling
//! steps on the timeline and in the audit trail, the appeal once, the urgent alert in
//! the outbox, escalation past the deadline, and who may read what.

use jisr_domain::access::{Role, Scope};
use jisr_domain::establishments::{Capacity, Status as EstStatus};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_domain::grievances::{Level, Status, Step, StepError};
use jisr_store::audit::Actor;
use jisr_store::authorisation::Upload;
use jisr_store::entity::{audit_log, grievance, outbox_message};
use jisr_store::establishments::{self, Details, NewEstablishment};
use jisr_store::files::FileStore;
use jisr_store::geo::{self, GeoSource};
use jisr_store::grievances::{self, GrievanceError, GrievanceInput, QueueFilter, Scoped};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_store::{Store, StoreError};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

const MAX: usize = 4096;
const REHAMNA: &str = "07.427.01.01";
const SAFI: &str = "07.431.01.03";

fn files() -> FileStore {
    FileStore::new(std::env::temp_dir().join(format!(
        "jisr-grv-docs-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    )))
}

fn input(key: &str, category: &str, commune: &str) -> GrievanceInput {
    GrievanceInput {
        submission_key: key.into(),
        category: category.into(),
        commune: commune.into(),
        name: "Fatima Alaoui".into(),
        phone: "06 12 34 56 78".into(),
        answer_by: "sms".into(),
        facts: "Le centre ne répond pas à mes appels depuis un mois.".into(),
        consent: true,
        locale: "fr".into(),
        ..Default::default()
    }
}

fn grants(role: Role, scope: Scope) -> Vec<(Role, Scope)> {
    vec![(role, scope)]
}

fn province(code: &str) -> Scope {
    Scope::Province(ProvinceCode::parse(code).unwrap())
}

/// An authorised establishment in Rehamna.
async fn centre(store: &Store) -> i64 {
    let system = establishments::Scoped::unscoped_for_system_jobs(store);
    let actor = Actor::system("test");
    let id = system
        .create(
            &actor,
            NewEstablishment {
                name_ar: "مركز الأمل".into(),
                name_fr: "Centre Al Amal".into(),
                category: "disability".into(),
                commune: CommuneCode::parse(REHAMNA).unwrap(),
                address: String::new(),
                phone: String::new(),
                capacity: Capacity::new(5, 5).unwrap(),
                details: Details::default(),
            },
        )
        .await
        .unwrap();
    let checklist = jisr_store::authorisation::checklist(store.conn(), "disability")
        .await
        .unwrap();
    let uploads = checklist
        .iter()
        .filter(|c| c.mandatory)
        .map(|c| Upload {
            requirement: c.code.clone(),
            file_name: format!("{}.pdf", c.code),
            bytes: format!("%PDF-1.4 {}", c.code).into_bytes(),
        })
        .collect();
    system
        .attach(&actor, &files(), id, uploads, MAX)
        .await
        .unwrap();
    for to in [
        EstStatus::Requested,
        EstStatus::UnderReview,
        EstStatus::Authorised,
    ] {
        system
            .transition(&actor, id, to, "dossier", &[])
            .await
            .unwrap();
    }
    id
}

fn fields(r: Result<grievances::Filed, GrievanceError>) -> Vec<String> {
    match r {
        Err(GrievanceError::Fields(f)) => f.into_iter().map(|(f, _)| f).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[tokio::test]
async fn a_complaint_is_filed_tracked_answered_and_contested_once() {
    each_backend(|store| async move {
        let system = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &system, &Silent)
            .await
            .unwrap();
        let files = files();
        let citizen = Actor::system("complainant");

        // Every bad field at once, nothing filed.
        let bad = GrievanceInput {
            submission_key: "k0".into(),
            category: "nonsense".into(),
            commune: "99.999".into(),
            phone: "12".into(),
            email: "not-an-address".into(),
            answer_by: "pigeon".into(),
            facts: "court".into(),
            ..Default::default()
        };
        let mut refused =
            fields(grievances::file(&store, &citizen, &files, "v1", &bad, vec![], MAX).await);
        refused.sort();
        assert_eq!(
            refused,
            [
                "answer_by",
                "category",
                "commune",
                "consent",
                "email",
                "facts",
                "name",
                "phone"
            ]
        );
        // A file of the wrong type is refused with the rest kept for another try.
        let wrong = Upload {
            requirement: "evidence_1".into(),
            file_name: "x.exe".into(),
            bytes: b"MZ....".to_vec(),
        };
        assert!(matches!(
            grievances::file(
                &store,
                &citizen,
                &files,
                "v1",
                &input("k1", "care_quality", REHAMNA),
                vec![wrong],
                MAX
            )
            .await,
            Err(GrievanceError::Uploads(_))
        ));
        assert_eq!(
            grievance::Entity::find()
                .all(store.conn())
                .await
                .unwrap()
                .len(),
            0
        );

        let photo = Upload {
            requirement: "evidence_1".into(),
            file_name: "photo.png".into(),
            bytes: b"\x89PNG\r\n\x1a\nrest".to_vec(),
        };
        let filed = grievances::file(
            &store,
            &citizen,
            &files,
            "v1",
            &input("k1", "care_quality", REHAMNA),
            vec![photo],
            MAX,
        )
        .await
        .unwrap();
        assert!(!filed.already_filed);
        // A double submit gives the same complaint back.
        let again = grievances::file(
            &store,
            &citizen,
            &files,
            "v1",
            &input("k1", "care_quality", REHAMNA),
            vec![],
            MAX,
        )
        .await
        .unwrap();
        assert!(again.already_filed);
        assert_eq!(again.tracking_code, filed.tracking_code);

        // Tracked with the code and the phone given; a wrong phone finds nothing.
        let code = filed.tracking_code.display();
        let t = grievances::track(&store, &citizen, &code, "0612345678")
            .await
            .unwrap();
        assert_eq!(t.grievance.status, "received");
        assert_eq!(t.grievance.province_code, "07.427");
        assert_eq!(t.documents.len(), 1);
        assert!(matches!(
            grievances::track(&store, &citizen, &code, "0699999999").await,
            Err(StoreError::NotFound)
        ));
        // The complainant was told by SMS.
        let sms = outbox_message::Entity::find()
            .filter(outbox_message::Column::Message.eq("grievance-received"))
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(sms.len(), 1);
        assert_eq!(sms[0].channel, "sms");

        // Handled by Rehamna's officer; Safi's does not see it.
        let rehamna = Scoped::new(&store, &grants(Role::ProvincialOfficer, province("07.427")));
        let safi = Scoped::new(&store, &grants(Role::ProvincialOfficer, province("07.431")));
        let officer = Actor::system("officer");
        assert!(matches!(
            safi.get(&officer, filed.id).await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(safi.queue(&QueueFilter::default()).await.unwrap().1, 0);
        assert!(matches!(
            safi.step(&officer, filed.id, Step::Acknowledge, "").await,
            Err(GrievanceError::Store(StoreError::NotFound))
        ));
        let (rows, total) = rehamna.queue(&QueueFilter::default()).await.unwrap();
        assert_eq!((rows.len(), total), (1, 1));
        assert_eq!(rows[0].level, Level::Delegation);

        rehamna
            .step(&officer, filed.id, Step::Acknowledge, "")
            .await
            .unwrap();
        rehamna
            .note(&officer, filed.id, "Appel au directeur du centre.")
            .await
            .unwrap();
        assert!(matches!(
            rehamna.step(&officer, filed.id, Step::Answer, " ").await,
            Err(GrievanceError::Step(StepError::ReasonMissing))
        ));
        rehamna
            .step(&officer, filed.id, Step::Examine, "")
            .await
            .unwrap();
        rehamna
            .step(
                &officer,
                filed.id,
                Step::Answer,
                "Le centre a changé de numéro ; le nouveau vous a été envoyé.",
            )
            .await
            .unwrap();
        let record = rehamna.get(&officer, filed.id).await.unwrap();
        assert!(record.can_handle);
        assert_eq!(record.grievance.status, "answered");
        // The internal note is not on the complainant's timeline; the answer is.
        let t = grievances::track(&store, &citizen, &code, "+212612345678")
            .await
            .unwrap();
        assert!(t.events.iter().all(|e| !e.text.contains("directeur")));
        assert!(t.events.iter().any(|e| e.text.contains("nouveau")));
        assert!(record.events.iter().any(|e| e.text.contains("directeur")));
        assert!(t.can_appeal);

        // Contested once.
        grievances::appeal(
            &store,
            &citizen,
            &code,
            "0612345678",
            "Le numéro ne répond pas.",
        )
        .await
        .unwrap();
        rehamna
            .step(&officer, filed.id, Step::Answer, "Une visite a eu lieu.")
            .await
            .unwrap();
        assert!(matches!(
            grievances::appeal(&store, &citizen, &code, "0612345678", "Encore").await,
            Err(GrievanceError::Step(StepError::AlreadyAppealed))
        ));
        rehamna
            .step(&officer, filed.id, Step::Close, "")
            .await
            .unwrap();
        let t = grievances::track(&store, &citizen, &code, "0612345678")
            .await
            .unwrap();
        assert_eq!(t.grievance.status, Status::Closed.as_str());
        assert!(!t.can_appeal);

        // Every step is in the audit trail.
        let entries = audit_log::Entity::find()
            .filter(audit_log::Column::Entity.eq("grievance"))
            .filter(audit_log::Column::EntityId.eq(filed.id.to_string()))
            .all(store.conn())
            .await
            .unwrap();
        let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
        for a in ["submit", "status", "note", "read"] {
            assert!(actions.contains(&a), "{a} in {actions:?}");
        }
        assert_eq!(
            jisr_store::audit::verify(&store).await.unwrap().first_break,
            None
        );
    })
    .await;
}

#[tokio::test]
async fn a_parent_contests_a_decision_from_its_tracking_code_and_cannot_stay_anonymous() {
    each_backend(|store| async move {
        let system = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &system, &Silent)
            .await
            .unwrap();
        let files = files();
        let citizen = Actor::system("complainant");
        let app = jisr_store::applications::submit(
            &store,
            &citizen,
            &files,
            "v1",
            &jisr_store::applications::ApplicationInput {
                service: "disability-centre".into(),
                submission_key: "a1".into(),
                applicant_relation: "parent".into(),
                applicant_name_fr: "Fatima Alaoui".into(),
                applicant_phone: "0612345678".into(),
                beneficiary_name_fr: "Youssef Alaoui".into(),
                beneficiary_birth_date: "2016-04-09".into(),
                beneficiary_sex: "male".into(),
                commune: SAFI.into(),
                consent: true,
                locale: "fr".into(),
                ..Default::default()
            },
            vec![Upload {
                requirement: "birth_certificate".into(),
                file_name: "acte.pdf".into(),
                bytes: b"%PDF-1.4 acte".to_vec(),
            }],
            MAX,
        )
        .await
        .unwrap();
        let mut about = input("g1", "decision_about_me", "");
        about.anonymous = true;
        about.answer_by = "none".into();
        about.contested = app.tracking_code.display();
        let refused =
            fields(grievances::file(&store, &citizen, &files, "v1", &about, vec![], MAX).await);
        assert!(refused.contains(&"anonymous".to_owned()), "{refused:?}");
        // Without what it contests, or with a phone that is not the applicant's.
        let mut about = input("g1", "decision_about_me", "");
        let refused =
            fields(grievances::file(&store, &citizen, &files, "v1", &about, vec![], MAX).await);
        assert!(refused.contains(&"contested".to_owned()), "{refused:?}");
        about.contested = app.tracking_code.display();
        about.phone = "0700000000".into();
        let refused =
            fields(grievances::file(&store, &citizen, &files, "v1", &about, vec![], MAX).await);
        assert_eq!(refused, ["contested"]);
        about.phone = "0612345678".into();
        let filed = grievances::file(&store, &citizen, &files, "v1", &about, vec![], MAX)
            .await
            .unwrap();
        let g = grievance::Entity::find_by_id(filed.id)
            .one(store.conn())
            .await
            .unwrap()
            .unwrap();
        // Routed to the application's province, linked to it.
        assert_eq!(g.province_code, "07.431");
        assert_eq!(g.contests_kind.as_deref(), Some("application"));
        assert_eq!(g.contests_id, Some(app.id));
        let safi = Scoped::new(&store, &grants(Role::SocialWorker, province("07.431")));
        let linked = safi.contesting("application", &[app.id]).await.unwrap();
        assert_eq!(linked.len(), 1);
        let rehamna = Scoped::new(&store, &grants(Role::SocialWorker, province("07.427")));
        assert!(
            rehamna
                .contesting("application", &[app.id])
                .await
                .unwrap()
                .is_empty()
        );
        let record = safi.get(&Actor::system("w"), filed.id).await.unwrap();
        assert_eq!(
            record.contested.map(|c| c.1),
            Some(format!("/applications/{}", app.id))
        );
    })
    .await;
}

#[tokio::test]
async fn danger_is_urgent_confidential_and_escalates_when_overdue() {
    each_backend(|store| async move {
        let system = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &system, &Silent)
            .await
            .unwrap();
        let files = files();
        let centre = centre(&store).await;
        let citizen = Actor::system("complainant");
        let mut report = input("d1", "abuse_danger", "");
        report.anonymous = true;
        report.name.clear();
        report.phone.clear();
        report.answer_by = "none".into();
        report.establishment = centre.to_string();
        report.facts = "Un enfant est laissé seul la nuit dans le centre.".into();
        let filed = grievances::file(&store, &citizen, &files, "v1", &report, vec![], MAX)
            .await
            .unwrap();
        let g = grievance::Entity::find_by_id(filed.id)
            .one(store.conn())
            .await
            .unwrap()
            .unwrap();
        assert!(g.urgent && g.confidential && g.anonymous);
        assert_eq!(g.establishment_id, Some(centre));
        let today = chrono::Utc::now().date_naive();
        assert_eq!(g.answer_due, (today + chrono::Days::new(7)).to_string());
        // The provincial officer and the inspectors are alerted at once.
        let alerts = outbox_message::Entity::find()
            .filter(outbox_message::Column::Message.eq("grievance-urgent"))
            .all(store.conn())
            .await
            .unwrap();
        let to: Vec<&str> = alerts.iter().map(|a| a.recipient.as_str()).collect();
        assert_eq!(to, ["provincial_officer@07.427", "inspector@07.427"]);
        // Anonymous: tracked with the code alone.
        grievances::track(&store, &citizen, &filed.tracking_code.display(), "")
            .await
            .unwrap();

        // Visible to few: the officer and the inspector, never the manager nor a social
        // worker; a quality complaint about the same centre is the manager's to read.
        let officer = Scoped::new(&store, &grants(Role::ProvincialOfficer, province("07.427")));
        let inspector = Scoped::new(&store, &grants(Role::Inspector, province("07.427")));
        let worker = Scoped::new(&store, &grants(Role::SocialWorker, province("07.427")));
        let manager = Scoped::new(
            &store,
            &grants(Role::EstablishmentManager, Scope::Establishment(centre)),
        );
        let a = Actor::system("reader");
        let rows = officer.queue(&QueueFilter::default()).await.unwrap().0;
        assert_eq!(rows[0].level, Level::Provincial);
        inspector.get(&a, filed.id).await.unwrap();
        assert!(!inspector.get(&a, filed.id).await.unwrap().can_handle);
        for hidden in [&worker, &manager] {
            assert!(matches!(
                hidden.get(&a, filed.id).await,
                Err(StoreError::NotFound)
            ));
        }
        let mut quality = input("q1", "care_quality", "");
        quality.establishment = centre.to_string();
        let q = grievances::file(&store, &citizen, &files, "v1", &quality, vec![], MAX)
            .await
            .unwrap();
        let seen = manager.queue(&QueueFilter::default()).await.unwrap().0;
        assert_eq!(
            seen.iter().map(|r| r.grievance.id).collect::<Vec<_>>(),
            [q.id]
        );
        assert!(!manager.get(&a, q.id).await.unwrap().can_handle);
        // Nor may the social worker be given the danger report.
        let worker_id = jisr_store::accounts::create_user(
            &store,
            &system,
            "worker.rehamna",
            "Social Worker",
            &jisr_store::accounts::Password::parse("a long enough password").unwrap(),
            false,
        )
        .await
        .unwrap();
        jisr_store::accounts::grant_role(
            &store,
            &system,
            worker_id,
            Role::SocialWorker,
            &province("07.427"),
        )
        .await
        .unwrap();
        assert!(matches!(
            officer.assign(&a, filed.id, worker_id.0).await,
            Err(GrievanceError::Fields(_))
        ));
        officer.assign(&a, q.id, worker_id.0).await.unwrap();

        // Past its deadline, unanswered: escalated to the region, first in the queue.
        let mut am: grievance::ActiveModel = g.into();
        am.answer_due = Set((today - chrono::Days::new(1)).to_string());
        am.update(store.conn()).await.unwrap();
        let coordinator = Scoped::new(
            &store,
            &grants(
                Role::RegionalCoordinator,
                Scope::Region(jisr_domain::geo::RegionCode::parse("07").unwrap()),
            ),
        );
        assert_eq!(coordinator.escalated_count().await.unwrap(), 1);
        let escalated = coordinator
            .queue(&QueueFilter {
                escalated: true,
                ..Default::default()
            })
            .await
            .unwrap()
            .0;
        assert_eq!(escalated.len(), 1);
        assert_eq!(escalated[0].level, Level::Regional);
        assert!(escalated[0].days_left.unwrap() < 0);
        let safi = Scoped::new(&store, &grants(Role::ProvincialOfficer, province("07.431")));
        assert_eq!(safi.escalated_count().await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn staff_record_complaints_with_their_channel_within_their_territory() {
    each_backend(|store| async move {
        let system = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &system, &Silent)
            .await
            .unwrap();
        let files = files();
        let officer = Scoped::new(&store, &grants(Role::ProvincialOfficer, province("07.427")));
        let a = Actor::system("officer");
        let mut letter = input("s1", "service_access", REHAMNA);
        letter.consent = false;
        let refused = fields(officer.record(&a, &files, &letter, vec![], MAX).await);
        assert_eq!(refused, ["channel"]);
        letter.channel = "letter".into();
        let filed = officer
            .record(&a, &files, &letter, vec![], MAX)
            .await
            .unwrap();
        let g = grievance::Entity::find_by_id(filed.id)
            .one(store.conn())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(g.channel, "letter");
        assert_eq!(g.notice_version, "staff");
        // Not in another province.
        let mut elsewhere = input("s2", "service_access", SAFI);
        elsewhere.channel = "phone".into();
        let refused = fields(officer.record(&a, &files, &elsewhere, vec![], MAX).await);
        assert_eq!(refused, ["commune"]);
    })
    .await;
}

#[tokio::test]
async fn an_overdue_complaint_is_escalated_once_and_figures_count_a_period() {
    each_backend(|store| async move {
        let system = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &system, &Silent)
            .await
            .unwrap();
        let files = files();
        let citizen = Actor::system("complainant");
        let mut ids = Vec::new();
        for key in ["late", "answered-late", "in-time", "safi-late"] {
            let commune = if key == "safi-late" { SAFI } else { REHAMNA };
            let filed = grievances::file(
                &store,
                &citizen,
                &files,
                "v1",
                &input(key, "service_access", commune),
                vec![],
                MAX,
            )
            .await
            .unwrap();
            ids.push(filed.id);
        }
        let officer = Scoped::new(&store, &grants(Role::ProvincialOfficer, province("07.427")));
        officer
            .step(&system, ids[1], Step::Answer, "Réglé.")
            .await
            .unwrap();
        let yesterday = chrono::Utc::now().date_naive() - chrono::Days::new(1);
        for id in [ids[0], ids[1], ids[3]] {
            let g = grievance::Entity::find_by_id(id)
                .one(store.conn())
                .await
                .unwrap()
                .unwrap();
            let mut am: grievance::ActiveModel = g.into();
            am.answer_due = Set(yesterday.to_string());
            am.update(store.conn()).await.unwrap();
        }
        // The two unanswered past their deadline are escalated; a second sweep finds none.
        let sweep = Actor::system("grievance-escalation");
        assert_eq!(
            grievances::escalate_overdue(&store, &sweep).await.unwrap(),
            2
        );
        assert_eq!(
            grievances::escalate_overdue(&store, &sweep).await.unwrap(),
            0
        );
        let alerts = outbox_message::Entity::find()
            .filter(outbox_message::Column::Message.eq("grievance-escalated"))
            .all(store.conn())
            .await
            .unwrap();
        let mut to: Vec<&str> = alerts.iter().map(|a| a.recipient.as_str()).collect();
        to.sort_unstable();
        assert_eq!(
            to,
            ["regional_coordinator@07", "regional_coordinator@07"],
            "Rehamna and Safi are both in Marrakech-Safi"
        );
        let record = officer.get(&system, ids[0]).await.unwrap();
        let lines: Vec<_> = record
            .events
            .iter()
            .filter(|e| e.kind == grievances::ESCALATED_TO_REGION)
            .collect();
        assert_eq!(lines.len(), 1);
        assert!(!lines[0].public, "an internal line");
        assert_eq!(record.level, Level::Regional);
        // Not for the answered one, nor the one within its deadline.
        for id in [ids[1], ids[2]] {
            let r = officer.get(&system, id).await.unwrap();
            assert!(
                r.events
                    .iter()
                    .all(|e| e.kind != grievances::ESCALATED_TO_REGION)
            );
        }
        let audited = audit_log::Entity::find()
            .filter(audit_log::Column::Actor.eq("system:grievance-escalation"))
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(audited.len(), 2);

        // Figures by period: this year counts Rehamna's three, another year none.
        use chrono::Datelike;
        use jisr_domain::grievances::Period;
        let year = chrono::Utc::now()
            .with_timezone(&jisr_domain::time::ZONE)
            .year();
        let now = officer.figures(Period::year(year).unwrap()).await.unwrap();
        assert_eq!((now.total, now.answered), (3, 1));
        let before = officer.figures(Period::year(2001).unwrap()).await.unwrap();
        assert_eq!(before.total, 0);
        let all = grievances::public_counts(&store, Period::ALL)
            .await
            .unwrap();
        assert_eq!(all.len(), 4, "public counts cover every province");
        assert_eq!(
            grievances::filing_years(&store, year).await.unwrap(),
            [year]
        );
    })
    .await;
}
