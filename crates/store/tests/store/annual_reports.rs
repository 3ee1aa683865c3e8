//! Annual reports in the store, on SQLite and PostgreSQL: the manager starts a year's
//! report pre-filled from the register and the staff records, files it (refused with
//! every problem named, nothing saved), the delegation returns it with remarks and then
//! accepts it; the list with timeliness; the audit trail; the scope; and the two risk
//! terms of the quality plan measured from the reports.

use jisr_domain::access::{Role, Scope};
use jisr_domain::annual_reports::{Heading, Problem, Status, Timeliness, latest_year};
use jisr_domain::establishments::{Capacity, Status as EstablishmentStatus};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_domain::quality::RiskTerm;
use jisr_domain::staff::{AssignmentInput, StaffInput};
use jisr_store::annual_reports::{Decision, ListFilter, ReportError, Scoped};
use jisr_store::audit::{self, Actor, Search};
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

/// An authorised home for abandoned children in `commune`.
async fn authorised(store: &Store, commune: &str) -> i64 {
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
                capacity: Capacity::new(20, 20).unwrap(),
                details: Default::default(),
            },
        )
        .await
        .unwrap();
    let files = FileStore::new(
        std::env::temp_dir().join(format!("jisr-ar-docs-{}", uuid::Uuid::new_v4().simple())),
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
    for to in [
        EstablishmentStatus::Requested,
        EstablishmentStatus::UnderReview,
        EstablishmentStatus::Authorised,
    ] {
        system
            .transition(&actor, id, to, "dossier", &[])
            .await
            .unwrap();
    }
    id
}

/// Children admitted on `admitted_on`, born in 2015, girls and boys in turn.
async fn admit_children(store: &Store, establishment: i64, n: usize, admitted_on: &str) {
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
                admitted_on: admitted_on.into(),
                basis: "judge_order".into(),
                basis_reference: "OP-1".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
}

fn educator(cin: &str) -> StaffInput {
    StaffInput {
        name_ar: "سعيد الإدريسي".into(),
        name_fr: "Said Idrissi".into(),
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
            contract_start: "2020-09-01".into(),
            working_time: "100".into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn province(code: &str) -> Scope {
    Scope::Province(ProvinceCode::parse(code).unwrap())
}

async fn count(store: &Store, action: &str) -> usize {
    audit::search(
        store,
        &Search {
            entity: Some("annual_report".into()),
            action: Some(action.into()),
            ..Default::default()
        },
        100,
    )
    .await
    .unwrap()
    .len()
}

fn today() -> chrono::NaiveDate {
    jisr_domain::time::today()
}

#[tokio::test]
async fn a_manager_files_the_report_and_the_delegation_returns_then_accepts_it() {
    each_backend(|store| async move {
        geo::import(&store, &GeoSource::embedded(), &Actor::system("t"), &Silent)
            .await
            .unwrap();
        let year = latest_year(today());
        let home = authorised(&store, "07.427.01.01").await;
        let other = authorised(&store, "06.141.01.0").await;
        // Six children in the register through the year, one admitted after it.
        admit_children(&store, home, 6, &format!("{year}-02-01")).await;
        admit_children(&store, home, 1, &format!("{}-01-05", year + 1)).await;
        let staff_grants = [(Role::EstablishmentManager, Scope::Establishment(home))];
        let staff = jisr_store::staff::Scoped::new(&store, &staff_grants);
        for cin in ["BK100200", "BK100201"] {
            staff
                .add(&Actor::system("manager"), home, &educator(cin))
                .await
                .unwrap();
        }

        let manager = Scoped::new(&store, &staff_grants);
        let me = Actor::system("manager");
        // The list: this year's report missing (overdue once the deadline passed).
        let rows = manager.list(&ListFilter::default()).await.unwrap();
        assert!(rows.iter().all(|r| r.establishment.id == home));
        let latest = rows.iter().find(|r| r.year == year).unwrap();
        assert!(latest.report.is_none());
        assert_eq!(
            latest.timeliness,
            jisr_domain::annual_reports::timeliness(&Default::default(), year, None, today())
        );

        // Starting: refused for the other province's home and a future year.
        match manager.start(&me, Some(other), Some(year + 1)).await {
            Err(ReportError::Fields(f)) => assert_eq!(
                f.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
                ["establishment", "year"]
            ),
            other => panic!("expected field errors, got {other:?}"),
        }
        let id = manager.start(&me, Some(home), Some(year)).await.unwrap();
        assert!(matches!(
            manager.start(&me, Some(home), Some(year)).await,
            Err(ReportError::Fields(f)) if f == [("year", "annual-reports-error-exists")]
        ));
        let view = manager.report(id).await.unwrap();
        assert_eq!(view.status, Status::Draft);
        assert!(view.can_edit && !view.can_review);
        // Pre-filled: six children of 6–11 (three girls, three boys), two educators.
        let f = &view.figures;
        assert_eq!(f.total_served(), 6);
        assert_eq!(f.served["6_11:female"], 3);
        assert_eq!(f.served["6_11:male"], 3);
        assert_eq!((f.admissions, f.exits, f.staff_in_post), (6, 0, 2));

        // Filing with problems: every problem named, nothing saved.
        let mut figures = f.clone();
        figures.served.insert("6_11:female".into(), 4);
        figures.spending.insert(Heading::Food, 9_000);
        figures.funders = vec![("".into(), 5_000)];
        match manager.file(&me, id, figures.clone()).await {
            Err(ReportError::Problems(p)) => {
                assert!(p.contains(&Problem::ReasonMissing("6_11:female".into())));
                assert!(p.contains(&Problem::FunderUnnamed(0)));
                assert!(p.contains(&Problem::FundersDoNotMatch {
                    funded: 5_000,
                    spent: 9_000
                }));
            }
            other => panic!("expected problems, got {other:?}"),
        }
        assert_eq!(manager.report(id).await.unwrap().figures, *f);
        assert_eq!(count(&store, "submit").await, 0);

        // A draft saved, then filed: food 9,000 MAD for 7 served is 1,285 each.
        figures.reasons.insert(
            "6_11:female".into(),
            "Une fille accueillie en urgence".into(),
        );
        figures.funders = vec![("Entraide nationale".into(), 9_000)];
        manager.save(&me, id, figures.clone()).await.unwrap();
        manager.file(&me, id, figures.clone()).await.unwrap();
        let view = manager.report(id).await.unwrap();
        assert_eq!(view.status, Status::Filed);
        assert_eq!(view.timeliness, Timeliness::In);
        assert_eq!(view.report.food_per_beneficiary, Some(1_285));
        assert!(!view.can_edit);
        assert!(matches!(
            manager.save(&me, id, figures.clone()).await,
            Err(ReportError::State("filed"))
        ));

        // The manager does not review; another province's officer does not find it.
        assert!(matches!(
            manager.review(&me, id, Some(Decision::Accept), "").await,
            Err(ReportError::Store(StoreError::NotFound))
        ));
        let casablanca = [(Role::ProvincialOfficer, province("06.141"))];
        let far = Scoped::new(&store, &casablanca);
        assert!(matches!(far.report(id).await, Err(StoreError::NotFound)));
        assert!(
            far.list(&ListFilter::default())
                .await
                .unwrap()
                .iter()
                .all(|r| r.establishment.id == other)
        );
        let other_manager_grants = [(Role::EstablishmentManager, Scope::Establishment(other))];
        assert!(matches!(
            Scoped::new(&store, &other_manager_grants).report(id).await,
            Err(StoreError::NotFound)
        ));

        // The officer of Rehamna returns it: a remark is required.
        let rehamna = [(Role::ProvincialOfficer, province("07.427"))];
        let officer = Scoped::new(&store, &rehamna);
        let boss = Actor::system("officer");
        assert!(officer.report(id).await.unwrap().can_review);
        assert!(matches!(
            officer.review(&boss, id, Some(Decision::Return), "  ").await,
            Err(ReportError::Fields(f)) if f == [("remarks", "annual-reports-error-remarks")]
        ));
        assert!(matches!(
            officer.review(&boss, id, None, "").await,
            Err(ReportError::Fields(f)) if f == [("decision", "annual-reports-error-decision")]
        ));
        officer
            .review(
                &boss,
                id,
                Some(Decision::Return),
                "Détailler les financeurs",
            )
            .await
            .unwrap();
        let view = manager.report(id).await.unwrap();
        assert_eq!(view.status, Status::Returned);
        assert_eq!(view.report.remarks, "Détailler les financeurs");
        assert!(view.can_edit);

        // Corrected and filed again, then accepted; accepted is final.
        figures.funders = vec![
            ("Entraide nationale".into(), 6_000),
            ("Commune".into(), 3_000),
        ];
        manager.file(&me, id, figures).await.unwrap();
        officer
            .review(&boss, id, Some(Decision::Accept), "")
            .await
            .unwrap();
        assert_eq!(manager.report(id).await.unwrap().status, Status::Accepted);
        assert!(matches!(
            officer
                .review(&boss, id, Some(Decision::Return), "Non")
                .await,
            Err(ReportError::State("accepted"))
        ));
        let rows = officer
            .list(&ListFilter {
                year: Some(year),
                status: Some("accepted".into()),
            })
            .await
            .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].report.as_ref().unwrap().id, id);

        // Every change in the trail.
        assert_eq!(count(&store, "create").await, 1);
        assert_eq!(count(&store, "update").await, 1);
        assert_eq!(count(&store, "submit").await, 2);
        assert_eq!(count(&store, "status").await, 2);
    })
    .await;
}

#[tokio::test]
async fn the_quality_plan_measures_the_missing_report_and_the_food_spending() {
    each_backend(|store| async move {
        geo::import(&store, &GeoSource::embedded(), &Actor::system("t"), &Silent)
            .await
            .unwrap();
        let now = today();
        let year = latest_year(now);
        let home = authorised(&store, "07.427.01.01").await;
        admit_children(&store, home, 4, &format!("{year}-03-01")).await;
        let rehamna = [(Role::ProvincialOfficer, province("07.427"))];
        let quality = jisr_store::quality::Scoped::new(&store, &rehamna);
        let p = ProvinceCode::parse("07.427").unwrap();
        let term = |parts: &[jisr_domain::quality::RiskPart], t: RiskTerm| {
            parts.iter().find(|x| x.term == t).cloned().unwrap()
        };
        let deadline_passed =
            now > jisr_domain::annual_reports::DeadlineRule::default().deadline(year);

        let plan = quality.plan(&p).await.unwrap();
        let missing = term(&plan[0].parts, RiskTerm::ReportMissing);
        if deadline_passed {
            assert_eq!((missing.counted, missing.points), (Some(1), 10));
        } else {
            assert_eq!(missing.counted, None);
        }
        assert_eq!(
            term(&plan[0].parts, RiskTerm::LowFoodSpending).counted,
            None
        );

        // Filed with 6,000 MAD of food for 4 children: 1,500 each, under 2,000.
        let grants = [(Role::EstablishmentManager, Scope::Establishment(home))];
        let manager = Scoped::new(&store, &grants);
        let me = Actor::system("manager");
        let id = manager.start(&me, Some(home), Some(year)).await.unwrap();
        let mut f = manager.report(id).await.unwrap().figures;
        f.spending.insert(Heading::Food, 6_000);
        f.funders = vec![("Entraide nationale".into(), 6_000)];
        manager.file(&me, id, f).await.unwrap();

        let plan = quality.plan(&p).await.unwrap();
        let missing = term(&plan[0].parts, RiskTerm::ReportMissing);
        assert_eq!((missing.counted, missing.points), (Some(0), 0));
        let food = term(&plan[0].parts, RiskTerm::LowFoodSpending);
        assert_eq!((food.counted, food.points), (Some(1_500), 10));
        let e = establishments::Scoped::unscoped_for_system_jobs(&store)
            .get(home)
            .await
            .unwrap();
        let facts = jisr_store::quality::facts_of(&store, &e).await.unwrap();
        assert_eq!(facts.food_per_beneficiary, Some(1_500));
    })
    .await;
}
