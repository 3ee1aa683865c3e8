//! Quality of care in the store, on SQLite and PostgreSQL: the seeded illustrative grids,
//! drafts edited and published (visits keep their version), the risk ranking of a
//! province, visits scheduled and conducted with a computed rating, corrective actions
//! answered with evidence, closed and reopened, and the scope around all of it.

use jisr_domain::access::{Role, Scope};
use jisr_domain::establishments::{Capacity, Status};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_domain::quality::{Rating, RiskTerm};
use jisr_store::audit::Actor;
use jisr_store::care::AdmissionInput;
use jisr_store::documents::Upload;
use jisr_store::establishments::{self, NewEstablishment};
use jisr_store::files::FileStore;
use jisr_store::geo::{self, GeoSource};
use jisr_store::progress::Silent;
use jisr_store::quality::{ActionInput, ConductInput, CriterionInput, QualityError, Scoped};
use jisr_store::testing::each_backend;
use jisr_store::{Store, StoreError};

const MANDATORY: [&str; 5] = [
    "application",
    "statutes",
    "registration_receipt",
    "internal_rules",
    "premises",
];

fn files() -> FileStore {
    FileStore::new(std::env::temp_dir().join(format!(
        "jisr-quality-docs-{}",
        uuid::Uuid::new_v4().simple()
    )))
}

async fn authorised(store: &Store, commune: &str, female: i32) -> i64 {
    let system = establishments::Scoped::unscoped_for_system_jobs(store);
    let actor = Actor::system("test");
    let id = system
        .create(
            &actor,
            NewEstablishment {
                name_ar: "دار الطالبة".into(),
                name_fr: format!("Dar Taliba {commune}"),
                category: "schooled_children".into(),
                commune: CommuneCode::parse(commune).unwrap(),
                address: String::new(),
                phone: String::new(),
                capacity: Capacity::new(0, female).unwrap(),
                details: Default::default(),
            },
        )
        .await
        .unwrap();
    let uploads = MANDATORY
        .iter()
        .map(|c| jisr_store::authorisation::Upload {
            requirement: (*c).into(),
            file_name: format!("{c}.pdf"),
            bytes: format!("%PDF-1.4 {c}").into_bytes(),
        })
        .collect();
    system
        .attach(&actor, &files(), id, uploads, 1 << 20)
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

fn province(code: &str) -> Scope {
    Scope::Province(ProvinceCode::parse(code).unwrap())
}

fn fields(e: QualityError) -> Vec<String> {
    match e {
        QualityError::Fields(f) => f.into_iter().map(|(n, _)| n).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

fn all_compliant_but(grid: &jisr_store::quality::Grid, code: &str, level: &str) -> ConductInput {
    let mut input = ConductInput {
        conducted_on: jisr_domain::time::ZONE
            .from_utc_datetime(&chrono::Utc::now().naive_utc())
            .date_naive()
            .to_string(),
        ..Default::default()
    };
    for c in &grid.criteria.criteria {
        let l = if c.code == code { level } else { "compliant" };
        input
            .scores
            .insert(c.code.clone(), (l.into(), "Constaté sur place".into()));
    }
    input
}

use chrono::TimeZone;

#[tokio::test]
async fn grids_visits_and_actions() {
    each_backend(|store| async move {
        let actor = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &actor, &Silent)
            .await
            .unwrap();
        let here = authorised(&store, "07.427.01.01", 2).await;
        let crowded = authorised(&store, "07.427.01.01", 1).await;
        let elsewhere = authorised(&store, "06.141.01.0", 10).await;
        // Two girls where one is authorised: over capacity.
        let care = jisr_store::care::Scoped::unscoped_for_system_jobs(&store);
        for name in ["Salma Alaoui", "Nadia Bennani"] {
            care.admit(
                &actor,
                crowded,
                &AdmissionInput {
                    name_fr: name.into(),
                    birth_date: "2012-03-12".into(),
                    sex: "female".into(),
                    representative: "parent".into(),
                    representative_name: "Khadija".into(),
                    admitted_on: "2025-09-01".into(),
                    basis: "family_request".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        }

        let owner = Scoped::new(&store, &[(Role::ProgrammeOwner, Scope::National)]);
        let inspector = Scoped::new(&store, &[(Role::Inspector, province("07.427"))]);
        let safi = Scoped::new(&store, &[(Role::Inspector, province("07.421"))]);
        let manager = Scoped::new(
            &store,
            &[(Role::EstablishmentManager, Scope::Establishment(crowded))],
        );

        // One illustrative published grid per seeded category.
        let grids = owner.grids().await.unwrap();
        assert_eq!(grids.len(), 7);
        assert!(
            grids
                .iter()
                .all(|g| g.model.illustrative && g.model.status == "published")
        );
        let first = grids
            .iter()
            .find(|g| g.model.category_code == "schooled_children")
            .unwrap()
            .clone();
        assert!(first.criteria.problems().is_empty());

        // The risk ranking: the crowded establishment first, explained term by term.
        let p = ProvinceCode::parse("07.427").unwrap();
        let plan = inspector.plan(&p).await.unwrap();
        assert_eq!(plan.len(), 2);
        assert_eq!(plan[0].establishment.id, crowded);
        let over = plan[0]
            .parts
            .iter()
            .find(|t| t.term == RiskTerm::OverCapacity)
            .unwrap();
        assert!(over.points > 0);
        assert!(matches!(
            safi.plan(&p).await,
            Err(QualityError::Store(StoreError::NotFound))
        ));

        // A visit, with every field checked at once.
        let bad = inspector
            .schedule(&actor, crowded, "tomorrow", false, "")
            .await;
        assert_eq!(fields(bad.unwrap_err()), ["planned_on"]);
        let visit = inspector
            .schedule(&actor, crowded, "2026-12-01", false, "")
            .await
            .unwrap();
        assert!(matches!(
            safi.schedule(&actor, crowded, "2026-12-01", false, "")
                .await,
            Err(QualityError::Store(StoreError::NotFound))
        ));
        assert!(matches!(safi.visit(visit).await, Err(StoreError::NotFound)));
        assert!(matches!(
            inspector
                .schedule(&actor, elsewhere, "2026-12-01", false, "")
                .await,
            Err(QualityError::Store(StoreError::NotFound))
        ));

        // The platform measures occupancy: not compliant here.
        let file = inspector.visit(visit).await.unwrap();
        assert!(file.can_conduct);
        let occ = file.measured.get("p.3").unwrap().as_ref().unwrap();
        assert_eq!(occ.level, jisr_domain::quality::Level::NotCompliant);
        assert_eq!(
            file.measured.get("s.1"),
            Some(&None),
            "no staff records yet"
        );

        // Missing levels are refused at their criterion; a critical failure caps.
        let empty = inspector
            .conduct(&actor, visit, &ConductInput::default())
            .await
            .unwrap_err();
        let names = fields(empty);
        assert!(names.contains(&"conducted_on".to_string()));
        assert!(names.contains(&"level_p.3".to_string()));
        let mut input = all_compliant_but(&file.grid, "p.3", "not_compliant");
        input.scores.get_mut("p.3").unwrap().1 = String::new();
        assert_eq!(
            fields(inspector.conduct(&actor, visit, &input).await.unwrap_err()),
            ["observation_p.3"]
        );
        let input = all_compliant_but(&file.grid, "p.3", "not_compliant");
        let (score, rating) = inspector.conduct(&actor, visit, &input).await.unwrap();
        assert!(score >= 80);
        assert_eq!(rating, Rating::Poor);
        assert!(inspector.conduct(&actor, visit, &input).await.is_err());

        // A corrective action; the manager answers with evidence; the inspector closes.
        let bad = inspector
            .open_action(&actor, visit, &ActionInput::default())
            .await
            .unwrap_err();
        assert_eq!(
            fields(bad),
            ["criterion", "what", "party", "priority", "due_on"]
        );
        let action = inspector
            .open_action(
                &actor,
                visit,
                &ActionInput {
                    criterion: "p.3".into(),
                    what: "Ramener l'effectif à la capacité autorisée".into(),
                    party: "establishment".into(),
                    due_on: "2099-01-31".into(),
                    priority: "high".into(),
                },
            )
            .await
            .unwrap();
        let fs = files();
        assert!(matches!(
            inspector
                .answer(&actor, &fs, action, "Fait", vec![], 1 << 20)
                .await,
            Err(QualityError::Role)
        ));
        let refused = manager
            .answer(
                &actor,
                &fs,
                action,
                "Transfert",
                vec![Upload {
                    requirement: "evidence".into(),
                    file_name: "x.exe".into(),
                    bytes: b"MZ not a document".to_vec(),
                }],
                1 << 20,
            )
            .await;
        assert!(matches!(refused, Err(QualityError::Uploads(_))));
        manager
            .answer(
                &actor,
                &fs,
                action,
                "Une bénéficiaire transférée à Dar Taliba Skhour",
                vec![Upload {
                    requirement: "evidence".into(),
                    file_name: "transfert.pdf".into(),
                    bytes: b"%PDF-1.4 transfert".to_vec(),
                }],
                1 << 20,
            )
            .await
            .unwrap();
        let (_, _, open) = manager.visits_of(crowded).await.unwrap();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].action.status, "answered");
        assert_eq!(open[0].documents.len(), 1);
        assert!(open[0].can_answer && !open[0].can_verify);
        let doc = open[0].documents[0].id;
        assert!(manager.document(&actor, &fs, action, doc).await.is_ok());
        assert!(matches!(
            safi.document(&actor, &fs, action, doc).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            manager.verify(&actor, action, true).await,
            Err(QualityError::Role)
        ));
        inspector.verify(&actor, action, true).await.unwrap();
        assert!(inspector.verify(&actor, action, true).await.is_err());
        inspector.verify(&actor, action, false).await.unwrap();
        // The manager sees the establishment's visits, not another's.
        assert!(manager.visit(visit).await.is_ok());
        assert!(matches!(
            manager.visits_of(here).await,
            Err(StoreError::NotFound)
        ));

        // A draft edited (errors at their fields) and published; the visit keeps v1.
        let draft = owner.new_draft(&actor, first.model.id).await.unwrap();
        let bad = owner
            .save_draft(
                &actor,
                draft,
                "",
                "Grille",
                &[CriterionInput {
                    code: "p.1".into(),
                    section: "nowhere".into(),
                    weight: "0".into(),
                    ..Default::default()
                }],
            )
            .await
            .unwrap_err();
        assert_eq!(
            fields(bad),
            ["title_ar", "section_1", "text_fr_1", "weight_1"]
        );
        owner
            .save_draft(
                &actor,
                draft,
                "شبكة",
                "Grille 2027",
                &[CriterionInput {
                    code: "p.1".into(),
                    section: "premises_safety".into(),
                    text_ar: "المباني سليمة".into(),
                    text_fr: "Les locaux sont sûrs".into(),
                    weight: "3".into(),
                    critical: true,
                    measure: String::new(),
                }],
            )
            .await
            .unwrap();
        assert!(matches!(
            inspector.publish(&actor, draft).await,
            Err(QualityError::Role)
        ));
        owner.publish(&actor, draft).await.unwrap();
        let grids = owner.grids().await.unwrap();
        let v1 = grids.iter().find(|g| g.model.id == first.model.id).unwrap();
        assert_eq!(v1.model.status, "superseded");
        let v2 = grids.iter().find(|g| g.model.id == draft).unwrap();
        assert_eq!(
            (v2.model.version, v2.model.status.as_str()),
            (2, "published")
        );
        assert_eq!(
            inspector.visit(visit).await.unwrap().grid.model.id,
            first.model.id
        );
        let next = inspector
            .schedule(&actor, here, "2026-12-10", true, "")
            .await
            .unwrap();
        assert_eq!(inspector.visit(next).await.unwrap().grid.model.id, draft);

        // Every change is in the audit trail.
        let entries = jisr_store::audit::search(
            &store,
            &jisr_store::audit::Search {
                entity: Some("corrective_action".into()),
                ..Default::default()
            },
            100,
        )
        .await
        .unwrap();
        assert!(entries.len() >= 4);
    })
    .await;
}
