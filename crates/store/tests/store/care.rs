//! The admissions register and the beneficiaries' files in the store, on SQLite and
//! PostgreSQL: admitting with field checks, occupancy and over capacity, exits, the file
//! with its care plan and services log, sensitive notes by role, and the scope around
//! all of it.

use jisr_domain::access::{Role, Scope};
use jisr_domain::establishments::{Capacity, Status};
use jisr_domain::geo::{CommuneCode, ProvinceCode, RegionCode};
use jisr_store::audit::{self, Actor, Search};
use jisr_store::care::{AdmissionInput, CareError, ExitInput, Scoped, SensitiveNotes};
use jisr_store::establishments::{self, NewEstablishment};
use jisr_store::files::FileStore;
use jisr_store::geo::{self, GeoSource};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_store::{Store, StoreError};

const MANDATORY: [&str; 5] = [
    "application",
    "statutes",
    "registration_receipt",
    "internal_rules",
    "premises",
];

/// An authorised establishment with `male` and `female` places in `commune`.
async fn authorised(store: &Store, commune: &str, male: i32, female: i32) -> i64 {
    let system = establishments::Scoped::unscoped_for_system_jobs(store);
    let actor = Actor::system("test");
    let id = system
        .create(
            &actor,
            NewEstablishment {
                name_ar: "مؤسسة الرعاية".into(),
                name_fr: format!("Foyer {commune}"),
                category: "abandoned_children".into(),
                commune: CommuneCode::parse(commune).unwrap(),
                address: String::new(),
                phone: String::new(),
                capacity: Capacity::new(male, female).unwrap(),
                details: Default::default(),
            },
        )
        .await
        .unwrap();
    let files = FileStore::new(
        std::env::temp_dir().join(format!("jisr-care-docs-{}", uuid::Uuid::new_v4().simple())),
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

fn person(name_fr: &str, sex: &str) -> AdmissionInput {
    AdmissionInput {
        name_ar: "سلمى العلوي".into(),
        name_fr: name_fr.into(),
        birth_date: "2012-03-12".into(),
        sex: sex.into(),
        national_id: String::new(),
        representative: "judge_order".into(),
        representative_name: "Tribunal de première instance".into(),
        representative_reference: "OP-118".into(),
        admitted_on: "2025-09-01".into(),
        basis: "judge_order".into(),
        basis_reference: "OP-118".into(),
    }
}

fn province(code: &str) -> Scope {
    Scope::Province(ProvinceCode::parse(code).unwrap())
}

fn fields(e: CareError) -> Vec<&'static str> {
    match e {
        CareError::Fields(f) => f.into_iter().map(|(f, _)| f).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

async fn reads(store: &Store, entity: &str, id: i64) -> usize {
    audit::search(
        store,
        &Search {
            entity: Some(entity.into()),
            entity_id: Some(id.to_string()),
            action: Some("read".into()),
            ..Default::default()
        },
        100,
    )
    .await
    .unwrap()
    .len()
}

#[tokio::test]
async fn the_register_admits_counts_and_records_exits() {
    each_backend(|store| async move {
        geo::import(&store, &GeoSource::embedded(), &Actor::system("t"), &Silent)
            .await
            .unwrap();
        let id = authorised(&store, "07.427.01.01", 1, 2).await;
        let grants = [(Role::SocialWorker, province("07.427"))];
        let worker = Scoped::new(&store, &grants);
        let me = Actor::system("worker");

        // Refused fields are named; nothing is written.
        let bad = AdmissionInput {
            name_ar: String::new(),
            name_fr: String::new(),
            birth_date: "2090-01-01".into(),
            sex: "?".into(),
            basis: "whim".into(),
            ..person("", "f")
        };
        let err = worker.admit(&me, id, &bad).await.unwrap_err();
        assert_eq!(fields(err), ["name_ar", "birth_date", "sex", "basis"]);
        assert!(worker.register(id).await.unwrap().lines.is_empty());

        let (b1, a1) = worker
            .admit(&me, id, &person("Salma Alaoui", "f"))
            .await
            .unwrap();
        worker
            .admit(&me, id, &person("Imane Tazi", "female"))
            .await
            .unwrap();
        let (_, a3) = worker
            .admit(&me, id, &person("Omar Bennani", "m"))
            .await
            .unwrap();
        let register = worker.register(id).await.unwrap();
        assert_eq!(register.lines.len(), 3);
        assert_eq!((register.occupancy.male, register.occupancy.female), (1, 2));
        assert!(!register.over_capacity() && register.can_keep && register.admits());
        assert_eq!(register.lines[0].name_fr, "Salma Alaoui");
        assert_eq!(
            worker.occupancy(id).await.unwrap().0,
            register.occupancy,
            "the grouped count agrees with the register"
        );

        // A judge's order is executed beyond capacity: the establishment is over it.
        worker
            .admit(&me, id, &person("Youssef Amrani", "male"))
            .await
            .unwrap();
        let register = worker.register(id).await.unwrap();
        assert!(register.over_capacity());
        let over = worker.over_capacity().await.unwrap();
        assert_eq!(over.len(), 1);
        assert_eq!((over[0].establishment.id, over[0].occupancy.male), (id, 2));

        // Exits: dated between admission and today, once; present lines come first.
        let exit = |on: &str, reason: &str| ExitInput {
            exit_on: on.into(),
            reason: reason.into(),
            destination: "Ben Guerir".into(),
        };
        let err = worker
            .exit(&me, id, a3, &exit("2025-08-01", "return_to_family"))
            .await
            .unwrap_err();
        assert_eq!(fields(err), ["exit_on"]);
        let tomorrow = (jisr_domain::time::today() + chrono::Days::new(1)).to_string();
        let err = worker
            .exit(&me, id, a3, &exit(&tomorrow, "return_to_family"))
            .await
            .unwrap_err();
        assert_eq!(fields(err), ["exit_on"]);
        worker
            .exit(&me, id, a3, &exit("2025-10-01", "return_to_family"))
            .await
            .unwrap();
        match worker
            .exit(&me, id, a3, &exit("2025-10-02", "autonomy"))
            .await
        {
            Err(CareError::Fields(f)) => assert_eq!(f, [("exit_on", "care-error-already-exited")]),
            other => panic!("{other:?}"),
        }
        let register = worker.register(id).await.unwrap();
        assert!(
            !register.over_capacity(),
            "one man left: back within capacity"
        );
        assert!(worker.over_capacity().await.unwrap().is_empty());
        let last = register.lines.last().unwrap();
        assert_eq!(last.admission.id, a3);
        assert_eq!(
            last.admission.exit_reason.as_deref(),
            Some("return_to_family")
        );
        assert!(register.lines[..3].iter().all(|l| l.is_present()));

        // The trail has every change: four admissions (file and line each), one exit.
        let trail = |entity: &'static str, action: &'static str| {
            let store = store.clone();
            async move {
                audit::search(
                    &store,
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
        };
        assert_eq!(trail("beneficiary", "create").await, 4);
        assert_eq!(trail("admission", "admit").await, 4);
        assert_eq!(trail("admission", "exit").await, 1);
        assert!(audit::verify(&store).await.unwrap().first_break.is_none());
        let _ = (b1, a1);

        // An establishment not authorised admits nobody.
        let system = establishments::Scoped::unscoped_for_system_jobs(&store);
        system
            .transition(&Actor::system("t"), id, Status::Suspended, "contrôle", &[])
            .await
            .unwrap();
        let err = worker
            .admit(&me, id, &person("Nadia Idrissi", "f"))
            .await
            .unwrap_err();
        assert_eq!(fields(err), ["establishment"]);
    })
    .await;
}

#[tokio::test]
async fn the_register_and_files_stay_within_the_territory() {
    each_backend(|store| async move {
        geo::import(&store, &GeoSource::embedded(), &Actor::system("t"), &Silent)
            .await
            .unwrap();
        let rehamna = authorised(&store, "07.427.01.01", 10, 10).await;
        let casa = authorised(&store, "06.141.01.0", 10, 10).await;
        let system = Scoped::unscoped_for_system_jobs(&store);
        let t = Actor::system("t");
        let (b_casa, a_casa) = system
            .admit(&t, casa, &person("Karim Bennani", "m"))
            .await
            .unwrap();
        let (b_reh, _) = system
            .admit(&t, rehamna, &person("Salma Alaoui", "f"))
            .await
            .unwrap();
        let casa_goal = system
            .add_goal(&t, b_casa, "Scolarisation", "2026-06-30")
            .await
            .unwrap();

        let me = Actor::system("officer");
        let officer_grants = [(Role::ProvincialOfficer, province("07.427"))];
        let officer = Scoped::new(&store, &officer_grants);
        let exit = ExitInput {
            exit_on: "2025-10-01".into(),
            reason: "kafala".into(),
            destination: String::new(),
        };
        assert!(matches!(
            officer.register(casa).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            officer.occupancy(casa).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            officer.admit(&me, casa, &person("Omar", "m")).await,
            Err(CareError::Store(StoreError::NotFound))
        ));
        assert!(matches!(
            officer.exit(&me, casa, a_casa, &exit).await,
            Err(CareError::Store(StoreError::NotFound))
        ));
        // A line of another establishment is not reached through one's own.
        assert!(matches!(
            officer.exit(&me, rehamna, a_casa, &exit).await,
            Err(CareError::Store(StoreError::NotFound))
        ));
        assert!(matches!(
            officer.beneficiary(&me, b_casa).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            officer.add_goal(&me, b_casa, "x", "2026-01-01").await,
            Err(CareError::Store(StoreError::NotFound))
        ));
        assert!(matches!(
            officer
                .set_goal_status(&me, b_casa, casa_goal, "reached")
                .await,
            Err(CareError::Store(StoreError::NotFound))
        ));
        assert!(matches!(
            officer
                .set_goal_status(&me, b_reh, casa_goal, "reached")
                .await,
            Err(CareError::Store(StoreError::NotFound))
        ));
        assert!(matches!(
            officer.log_service(&me, b_casa, "2025-10-01", "x").await,
            Err(CareError::Store(StoreError::NotFound))
        ));
        assert_eq!(
            reads(&store, "beneficiary", b_casa).await,
            0,
            "nothing read, nothing traced"
        );

        // Over capacity is seen within the territory only.
        for name in [
            "Ali", "Hamza", "Mehdi", "Anas", "Ilyas", "Adam", "Rayan", "Yassine", "Amine",
            "Zakaria",
        ] {
            system.admit(&t, casa, &person(name, "m")).await.unwrap();
        }
        assert!(officer.over_capacity().await.unwrap().is_empty());
        let national = [(Role::NationalAdministrator, Scope::National)];
        let over = Scoped::new(&store, &national)
            .over_capacity()
            .await
            .unwrap();
        assert_eq!(
            over.iter().map(|o| o.establishment.id).collect::<Vec<_>>(),
            [casa]
        );
        let region = [(
            Role::RegionalCoordinator,
            Scope::Region(RegionCode::parse("06").unwrap()),
        )];
        assert_eq!(
            Scoped::new(&store, &region)
                .over_capacity()
                .await
                .unwrap()
                .len(),
            1
        );

        // A manager reaches their own establishment only; an inspector reads, never writes.
        let manager_grants = [(Role::EstablishmentManager, Scope::Establishment(rehamna))];
        let manager = Scoped::new(&store, &manager_grants);
        assert!(manager.register(rehamna).await.unwrap().can_keep);
        assert!(matches!(
            manager.register(casa).await,
            Err(StoreError::NotFound)
        ));
        let inspector_grants = [(Role::Inspector, province("07.427"))];
        let inspector = Scoped::new(&store, &inspector_grants);
        assert!(!inspector.register(rehamna).await.unwrap().can_keep);
        assert!(matches!(
            inspector.admit(&me, rehamna, &person("Omar", "m")).await,
            Err(CareError::Role)
        ));
        assert!(matches!(
            inspector
                .add_goal(&me, b_reh, "Autonomie", "2026-01-01")
                .await,
            Err(CareError::Role)
        ));
    })
    .await;
}

#[tokio::test]
async fn a_file_shows_its_sensitive_notes_only_to_those_who_care() {
    each_backend(|store| async move {
        geo::import(&store, &GeoSource::embedded(), &Actor::system("t"), &Silent)
            .await
            .unwrap();
        let id = authorised(&store, "07.427.01.01", 10, 10).await;
        let worker_grants = [(Role::SocialWorker, province("07.427"))];
        let worker = Scoped::new(&store, &worker_grants);
        let me = Actor::system("worker");
        let (b, _) = worker
            .admit(&me, id, &person("Salma Alaoui", "f"))
            .await
            .unwrap();

        // The care plan and the services log.
        let err = worker.add_goal(&me, b, " ", "someday").await.unwrap_err();
        assert_eq!(fields(err), ["goal", "review_on"]);
        let g1 = worker
            .add_goal(&me, b, "Réintégrer l'école", "2026-09-01")
            .await
            .unwrap();
        let g2 = worker
            .add_goal(&me, b, "Renouer avec la famille", "2026-03-01")
            .await
            .unwrap();
        assert!(worker.set_goal_status(&me, b, g1, "reached").await.unwrap());
        assert!(
            !worker.set_goal_status(&me, b, g1, "reached").await.unwrap(),
            "no change"
        );
        assert_eq!(
            fields(
                worker
                    .set_goal_status(&me, b, g2, "forgotten")
                    .await
                    .unwrap_err()
            ),
            ["status"]
        );
        let tomorrow = (jisr_domain::time::today() + chrono::Days::new(1)).to_string();
        assert_eq!(
            fields(worker.log_service(&me, b, &tomorrow, "").await.unwrap_err()),
            ["on_date", "description"]
        );
        worker
            .log_service(&me, b, "2025-09-02", "Bilan de santé")
            .await
            .unwrap();
        worker
            .log_service(&me, b, "2025-09-10", "Inscription au collège")
            .await
            .unwrap();

        // Sensitive notes: written by the social worker, the trail names the notes only.
        let notes = SensitiveNotes {
            health: "Asthme, traitement de fond".into(),
            disability: String::new(),
            schooling: "6e année, bon niveau".into(),
        };
        assert!(worker.update_sensitive(&me, b, &notes).await.unwrap());
        assert!(
            !worker.update_sensitive(&me, b, &notes).await.unwrap(),
            "no change"
        );
        let trail = audit::search(
            &store,
            &Search {
                entity: Some("beneficiary-sensitive".into()),
                action: Some("update".into()),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
        assert_eq!(trail.len(), 1);
        assert!(trail[0].after.contains("health") && !trail[0].after.contains("Asthme"));

        let file = worker.beneficiary(&me, b).await.unwrap();
        assert_eq!(file.sensitive.as_ref(), Some(&notes));
        assert_eq!(
            file.goals.iter().map(|g| g.id).collect::<Vec<_>>(),
            [g2, g1],
            "by review date"
        );
        assert_eq!(file.goals[1].status, "reached");
        assert_eq!(
            file.services[0].description, "Inscription au collège",
            "latest first"
        );
        assert_eq!(file.admissions.len(), 1);
        assert!(file.is_present() && file.can_keep);
        assert_eq!(
            (
                reads(&store, "beneficiary", b).await,
                reads(&store, "beneficiary-sensitive", b).await
            ),
            (1, 1)
        );

        // The manager of the establishment reads them too.
        let manager_grants = [(Role::EstablishmentManager, Scope::Establishment(id))];
        let file = Scoped::new(&store, &manager_grants)
            .beneficiary(&me, b)
            .await
            .unwrap();
        assert!(file.sensitive.is_some());

        // An inspector, a provincial officer, a national administrator: the file without them.
        for grants in [
            vec![(Role::Inspector, province("07.427"))],
            vec![(Role::ProvincialOfficer, province("07.427"))],
            vec![(Role::NationalAdministrator, Scope::National)],
            // A social worker elsewhere who inspects here reads no notes here.
            vec![
                (Role::SocialWorker, province("07.431")),
                (Role::Inspector, province("07.427")),
            ],
        ] {
            let scoped = Scoped::new(&store, &grants);
            let file = scoped.beneficiary(&me, b).await.unwrap();
            assert!(file.sensitive.is_none(), "{grants:?}");
            assert_eq!(file.goals.len(), 2);
            assert!(matches!(
                scoped
                    .update_sensitive(&me, b, &SensitiveNotes::default())
                    .await,
                Err(CareError::Role)
            ));
        }
        assert_eq!(reads(&store, "beneficiary", b).await, 1 + 1 + 4);
        assert_eq!(reads(&store, "beneficiary-sensitive", b).await, 2);
        let unchanged = worker.beneficiary(&me, b).await.unwrap();
        assert_eq!(unchanged.sensitive, Some(notes));
    })
    .await;
}
