//! Staff records in the store, on SQLite and PostgreSQL: adding staff with field checks,
//! a person working in two establishments, ends kept in the history, staffing against
//! the category's standards and the occupancy, accreditations expiring, salaries seen by
//! the manager alone, trainings and attendance, audited openings, and the scope.

use jisr_domain::access::{Role, Scope};
use jisr_domain::establishments::{Capacity, Status};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_domain::staff::{AccreditationState, AssignmentInput, StaffInput, TrainingInput};
use jisr_store::audit::{self, Actor, Search};
use jisr_store::establishments::{self, NewEstablishment};
use jisr_store::files::FileStore;
use jisr_store::geo::{self, GeoSource};
use jisr_store::progress::Silent;
use jisr_store::staff::{Scoped, StaffError};
use jisr_store::testing::each_backend;
use jisr_store::{Store, StoreError};

const MANDATORY: [&str; 5] = [
    "application",
    "statutes",
    "registration_receipt",
    "internal_rules",
    "premises",
];

/// A home for abandoned children in `commune`, not yet filed.
async fn project(store: &Store, commune: &str) -> i64 {
    establishments::Scoped::unscoped_for_system_jobs(store)
        .create(
            &Actor::system("test"),
            NewEstablishment {
                name_ar: "مؤسسة الرعاية".into(),
                name_fr: format!("Foyer {commune}"),
                category: "abandoned_children".into(),
                commune: CommuneCode::parse(commune).unwrap(),
                address: String::new(),
                phone: String::new(),
                capacity: Capacity::new(20, 20).unwrap(),
                details: Default::default(),
            },
        )
        .await
        .unwrap()
}

/// An authorised home for abandoned children in `commune`.
async fn authorised(store: &Store, commune: &str) -> i64 {
    let system = establishments::Scoped::unscoped_for_system_jobs(store);
    let actor = Actor::system("test");
    let id = project(store, commune).await;
    let files = FileStore::new(
        std::env::temp_dir().join(format!("jisr-staff-docs-{}", uuid::Uuid::new_v4().simple())),
    );
    let uploads = MANDATORY
        .iter()
        .map(|c| jisr_store::authorisation::Upload {
            requirement: (*c).into(),
            file_name: format!("{c}.pdf"),
            bytes: format!("%PDF-1.4 {c}").into_bytes(),
        })
        .collect();
    system
        .attach(&actor, &files, id, uploads, 1 << 20)
        .await
        .unwrap();
    for to in [Status::Requested, Status::UnderReview, Status::Authorised] {
        system
            .transition(&actor, id, to, "dossier", &[])
            .await
            .unwrap();
    }
    id
}

async fn admit_children(store: &Store, establishment: i64, n: usize) {
    let care = jisr_store::care::Scoped::unscoped_for_system_jobs(store);
    for i in 0..n {
        care.admit(
            &Actor::system("test"),
            establishment,
            &jisr_store::care::AdmissionInput {
                name_fr: format!("Enfant {}", char::from(b'A' + i as u8)),
                birth_date: "2015-03-12".into(),
                sex: if i % 2 == 0 { "female" } else { "male" }.into(),
                representative: "judge_order".into(),
                representative_name: "Tribunal".into(),
                representative_reference: "J-1".into(),
                admitted_on: "2025-09-01".into(),
                basis: "judge_order".into(),
                basis_reference: "OP-1".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
}

fn day(offset: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(offset)).to_string()
}

fn educator(cin: &str, name_fr: &str, working_time: &str) -> StaffInput {
    StaffInput {
        name_ar: "سعيد الإدريسي".into(),
        name_fr: name_fr.into(),
        national_id: cin.into(),
        sex: "male".into(),
        birth_date: "1988-06-01".into(),
        diploma: "Diplôme d'éducateur spécialisé".into(),
        diploma_field: "Éducation spécialisée".into(),
        diploma_year: "2010".into(),
        assignment: AssignmentInput {
            post: "educator".into(),
            employer: "association".into(),
            employer_name: "Association Al Amal".into(),
            contract: "permanent".into(),
            contract_start: "2024-09-01".into(),
            working_time: working_time.into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn social_worker(cin: &str, expiry: &str) -> StaffInput {
    let mut s = educator(cin, "Nadia Bennani", "100");
    s.name_ar = "نادية بناني".into();
    s.sex = "female".into();
    s.accreditation_number = "AS-45.18-0042".into();
    s.accreditation_date = "2023-01-15".into();
    s.accreditation_expiry = expiry.into();
    s.accreditation_status = "valid".into();
    s.assignment.post = "social_worker".into();
    s.assignment.salary = "7200".into();
    s
}

fn province(code: &str) -> Scope {
    Scope::Province(ProvinceCode::parse(code).unwrap())
}

fn fields(e: StaffError) -> Vec<&'static str> {
    match e {
        StaffError::Fields(f) => f.into_iter().map(|(f, _)| f).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

async fn count(store: &Store, entity: &str, action: &str) -> usize {
    audit::search(
        store,
        &Search {
            entity: Some(entity.into()),
            action: Some(action.into()),
            ..Default::default()
        },
        100,
    )
    .await
    .unwrap()
    .len()
}

#[tokio::test]
async fn a_manager_keeps_the_staff_and_sees_the_shortfall_against_the_ratio() {
    each_backend(|store| async move {
        geo::import(&store, &GeoSource::embedded(), &Actor::system("t"), &Silent)
            .await
            .unwrap();
        let home = authorised(&store, "07.427.01.01").await;
        let other = authorised(&store, "06.141.01.0").await;
        admit_children(&store, home, 12).await;
        let manager_grants = [(Role::EstablishmentManager, Scope::Establishment(home))];
        let manager = Scoped::new(&store, &manager_grants);
        let me = Actor::system("manager");

        // Refused: every field named, nothing written.
        let bad = StaffInput {
            name_fr: "Said 3".into(),
            national_id: "12".into(),
            birth_date: day(1),
            ..educator("", "", "150")
        };
        let err = manager.add(&me, home, &bad).await.unwrap_err();
        assert_eq!(
            fields(err),
            ["name_fr", "national_id", "birth_date", "working_time"]
        );
        let err = manager
            .add(&me, home, &social_worker("EE1", "2020-01-01"))
            .await
            .unwrap_err();
        assert_eq!(fields(err), ["accreditation_expiry"]);
        assert!(manager.roster(home).await.unwrap().current.is_empty());

        // Two educators, one half time: 12 children ask for 2, 1.5 are in post.
        let said = manager
            .add(&me, home, &educator("BK100200", "Said Idrissi", "100"))
            .await
            .unwrap();
        manager
            .add(&me, home, &educator("BK100201", "Karim Tazi", "50"))
            .await
            .unwrap();
        let nadia = manager
            .add(&me, home, &social_worker("EE300400", &day(30)))
            .await
            .unwrap();
        let roster = manager.roster(home).await.unwrap();
        assert_eq!((roster.residents, roster.current.len()), (12, 3));
        assert!(roster.can_keep && roster.sees_salaries);
        let educators = roster
            .staffing
            .iter()
            .find(|s| s.post.code == "educator")
            .unwrap();
        assert_eq!(
            (
                educators.staffing.required,
                educators.staffing.in_post,
                educators.staffing.shortfall()
            ),
            (200, 150, 50)
        );
        let social = roster
            .staffing
            .iter()
            .find(|s| s.post.code == "social_worker")
            .unwrap();
        assert!(!social.staffing.is_short());
        assert!(roster.shortfalls().any(|s| s.post.code == "director"));
        assert_eq!(roster.expiring.len(), 1);
        assert_eq!(roster.expiring[0].staff_id, nadia);
        assert_eq!(
            roster.expiring[0].state,
            AccreditationState::ExpiringSoon(30)
        );

        // The same person twice in post here is refused.
        let err = manager
            .add(&me, home, &educator("bk100200", "Said Idrissi", "100"))
            .await
            .unwrap_err();
        assert_eq!(fields(err), ["national_id"]);

        // The manager sees the salary; the delegation reads the file without it, and may
        // not record one.
        let file = manager.file(&me, nadia).await.unwrap();
        assert_eq!(file.assignments[0].salary, Some(7200));
        assert_eq!(
            file.accreditation,
            Some(AccreditationState::ExpiringSoon(30))
        );
        let officer_grants = [(Role::ProvincialOfficer, province("07.427"))];
        let officer = Scoped::new(&store, &officer_grants);
        let seen = officer.file(&me, nadia).await.unwrap();
        assert_eq!(seen.assignments[0].salary, None);
        assert!(!officer.roster(home).await.unwrap().sees_salaries);
        let err = officer
            .add(&me, home, &social_worker("EE300401", &day(400)))
            .await
            .unwrap_err();
        assert_eq!(fields(err), ["salary"]);
        assert_eq!(
            count(&store, "staff-member", "read").await,
            2,
            "each opening audited"
        );

        // An inspector reads, keeps nothing; a social worker of the province reads nothing.
        let inspector_grants = [(Role::Inspector, province("07.427"))];
        let inspector = Scoped::new(&store, &inspector_grants);
        assert!(!inspector.roster(home).await.unwrap().can_keep);
        assert!(matches!(
            inspector
                .add(&me, home, &educator("BK9", "Omar Alami", "100"))
                .await,
            Err(StaffError::Role)
        ));
        let worker_grants = [(Role::SocialWorker, province("07.427"))];
        let worker = Scoped::new(&store, &worker_grants);
        assert!(matches!(
            worker.roster(home).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            worker.file(&me, said).await,
            Err(StoreError::NotFound)
        ));

        // Another province sees nothing of this establishment nor of its staff.
        let casablanca_grants = [(Role::ProvincialOfficer, province("06.141"))];
        let casablanca = Scoped::new(&store, &casablanca_grants);
        assert!(matches!(
            casablanca.roster(home).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            casablanca.file(&me, said).await,
            Err(StoreError::NotFound)
        ));

        // The delegation's overview lists the shortfall and the accreditation expiring.
        let overview = officer.overview().await.unwrap();
        assert_eq!(overview.shortfalls.len(), 1);
        assert_eq!(overview.shortfalls[0].0.id, home);
        assert_eq!(overview.expiring.len(), 1);
        assert!(
            casablanca
                .overview()
                .await
                .unwrap()
                .shortfalls
                .iter()
                .all(|s| s.0.id != home)
        );
        // A project not yet in operation is not held to the standards.
        let planned = project(&store, "07.427.01.01").await;
        let planned = officer.roster(planned).await.unwrap();
        assert!(!planned.operating() && planned.shortfalls().next().is_none());
        assert!(
            planned.staffing.iter().any(|s| s.staffing.is_short()),
            "still computed"
        );
        assert_eq!(officer.overview().await.unwrap().shortfalls.len(), 1);

        // Said also works in Casablanca: one person, two assignments; each side sees its own.
        let system = Scoped::unscoped_for_system_jobs(&store);
        let again = system
            .add(&me, other, &educator("BK100200", "Said Idrissi", "50"))
            .await
            .unwrap();
        assert_eq!(again, said);
        assert_eq!(system.file(&me, said).await.unwrap().assignments.len(), 2);
        assert_eq!(manager.file(&me, said).await.unwrap().assignments.len(), 1);
        assert_eq!(
            casablanca.file(&me, said).await.unwrap().assignments[0]
                .assignment
                .establishment_id,
            other
        );

        // Ending an assignment keeps it in the history; once only.
        let line = roster
            .current
            .iter()
            .find(|l| l.assignment.staff_id == said)
            .unwrap()
            .assignment
            .id;
        let err = manager
            .end(&me, home, line, "2020-01-01", "x")
            .await
            .unwrap_err();
        assert_eq!(fields(err), ["ended_on", "end_reason"]);
        manager
            .end(&me, home, line, &day(0), "transfer")
            .await
            .unwrap();
        let err = manager
            .end(&me, home, line, &day(0), "transfer")
            .await
            .unwrap_err();
        assert_eq!(fields(err), ["ended_on"]);
        let roster = manager.roster(home).await.unwrap();
        assert_eq!((roster.current.len(), roster.past.len()), (2, 1));
        assert_eq!(
            roster.past[0].assignment.end_reason.as_deref(),
            Some("transfer")
        );
        assert!(matches!(
            casablanca.end(&me, home, line, &day(0), "transfer").await,
            Err(StaffError::Store(StoreError::NotFound))
        ));
        assert!(
            manager.file(&me, said).await.unwrap().assignments[0]
                .assignment
                .ended_on
                .is_some()
        );

        // The accreditation renewed: no longer listed.
        manager
            .set_accreditation(
                &me,
                nadia,
                "AS-45.18-0042",
                "2023-01-15",
                &day(900),
                "valid",
            )
            .await
            .unwrap();
        assert!(manager.roster(home).await.unwrap().expiring.is_empty());
        assert_eq!(count(&store, "staff-member", "update").await, 1);
    })
    .await;
}

#[tokio::test]
async fn trainings_record_who_attended_once_and_show_in_each_history() {
    each_backend(|store| async move {
        geo::import(&store, &GeoSource::embedded(), &Actor::system("t"), &Silent)
            .await
            .unwrap();
        let home = authorised(&store, "07.427.01.01").await;
        let other = authorised(&store, "06.141.01.0").await;
        let grants = [(Role::EstablishmentManager, Scope::Establishment(home))];
        let manager = Scoped::new(&store, &grants);
        let me = Actor::system("manager");
        let said = manager
            .add(&me, home, &educator("BK100200", "Said Idrissi", "100"))
            .await
            .unwrap();
        let karim = manager
            .add(&me, home, &educator("BK100201", "Karim Tazi", "100"))
            .await
            .unwrap();
        let stranger = Scoped::unscoped_for_system_jobs(&store)
            .add(&me, other, &educator("BK7", "Omar Alami", "100"))
            .await
            .unwrap();
        let session = TrainingInput {
            subject: "Écoute active et protection de l'enfance".into(),
            starts_on: "2026-10-05".into(),
            ends_on: "2026-10-06".into(),
            trainer: "Dr Amrani".into(),
            place: "Ben Guerir".into(),
        };
        let err = manager
            .add_training(
                &me,
                home,
                &TrainingInput {
                    subject: String::new(),
                    ..session.clone()
                },
                &[said],
            )
            .await
            .unwrap_err();
        assert_eq!(fields(err), ["subject"]);
        let err = manager
            .add_training(&me, home, &session, &[said, stranger])
            .await
            .unwrap_err();
        assert_eq!(fields(err), ["attendees"]);
        let t = manager
            .add_training(&me, home, &session, &[said])
            .await
            .unwrap();
        assert_eq!(
            manager.attend(&me, home, t, &[said, karim]).await.unwrap(),
            1
        );
        assert_eq!(
            manager.attend(&me, home, t, &[said, karim]).await.unwrap(),
            0
        );
        assert_eq!(
            count(&store, "training", "attend").await,
            2,
            "a no-op writes nothing"
        );
        let roster = manager.roster(home).await.unwrap();
        assert_eq!(roster.trainings[0].attendees, vec![said, karim]);
        let file = manager.file(&me, karim).await.unwrap();
        assert_eq!(file.trainings[0].subject, session.subject);
        assert!(matches!(
            manager.attend(&me, other, t, &[said]).await,
            Err(StaffError::Store(StoreError::NotFound))
        ));
    })
    .await;
}
