//! Waiting lists ranked by the service's assessment plus its needs model, on SQLite and
//! PostgreSQL: the registry household of a beneficiary found by national ID (with its
//! latest index value) or, failing that, what the application declared; each priority
//! explained term by term.

use jisr_domain::access::{Role, Scope};
use jisr_domain::applications::{Decision, Status};
use jisr_domain::geo::ProvinceCode;
use jisr_store::applications::priority::Source;
use jisr_store::applications::{self, ApplicationInput, Scoped};
use jisr_store::audit::Actor;
use jisr_store::authorisation::Upload;
use jisr_store::files::FileStore;
use jisr_store::geo::{self, GeoSource};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_store::{Store, registry};

const REHAMNA: &str = "07.427.01.01";

fn data(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/registry/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn files() -> FileStore {
    FileStore::new(std::env::temp_dir().join(format!(
        "jisr-priority-docs-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    )))
}

fn input(key: &str, national_id: &str, household_size: &str) -> ApplicationInput {
    ApplicationInput {
        service: "disability-centre".into(),
        submission_key: key.into(),
        applicant_relation: "parent".into(),
        applicant_name_ar: "فاطمة العلوي".into(),
        applicant_phone: "06 12 34 56 78".into(),
        beneficiary_name_ar: "يوسف".into(),
        beneficiary_birth_date: "2016-04-09".into(),
        beneficiary_sex: "male".into(),
        beneficiary_national_id: national_id.into(),
        commune: REHAMNA.into(),
        household_size: household_size.into(),
        consent: true,
        locale: "fr".into(),
        ..Default::default()
    }
}

/// Files an application and takes it to the waiting list (no establishment delivers the
/// service here, so an acceptance waits).
async fn waiting(
    store: &Store,
    worker: &Scoped<'_>,
    worker_id: i64,
    input: ApplicationInput,
) -> i64 {
    let filed = applications::submit(
        store,
        &Actor::system("applicant"),
        &files(),
        "v1",
        &input,
        vec![Upload {
            requirement: "birth_certificate".into(),
            file_name: "b.pdf".into(),
            bytes: b"%PDF-1.4\n% b\n".to_vec(),
        }],
        4096,
    )
    .await
    .unwrap();
    let me = Actor {
        label: format!("user:{worker_id}"),
        ..Actor::system("test")
    };
    worker.assign(&me, filed.id, worker_id).await.unwrap();
    let status = worker
        .decide(&me, filed.id, Decision::Accept, "Besoin établi")
        .await
        .unwrap();
    assert_eq!(status, Status::Waiting);
    filed.id
}

#[tokio::test]
async fn the_needs_model_ranks_the_waiting_list_and_explains_each_place() {
    each_backend(|store| async move {
        let system = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &system, &Silent)
            .await
            .unwrap();
        registry::import_households(&store, &system, data("households.csv").as_slice(), &Silent)
            .await
            .unwrap();
        registry::import_index_values(&store, &system, data("index.csv").as_slice(), &Silent)
            .await
            .unwrap();
        let rehamna = Scope::Province(ProvinceCode::parse("07.427").unwrap());
        let worker_id = jisr_store::accounts::create_user_with_grant(
            &store,
            &system,
            "worker.rehamna",
            "Worker",
            &jisr_store::accounts::Password::parse("a long test password").unwrap(),
            false,
            Role::SocialWorker,
            &rehamna,
        )
        .await
        .unwrap()
        .0;
        let grants = vec![(Role::SocialWorker, rehamna)];
        let worker = Scoped::new(&store, &grants);

        // One alone, one in a household of eight, one found in the registry by national ID
        // (household RSU-07-0001, latest index 8.75, a disabled child).
        let alone = waiting(&store, &worker, worker_id, input("k1", "", "1")).await;
        let large = waiting(&store, &worker, worker_id, input("k2", "", "8")).await;
        let known = waiting(&store, &worker, worker_id, input("k3", "EE234567", "2")).await;

        let list = worker
            .waiting_list("disability-centre", "07.427")
            .await
            .unwrap();
        let order: Vec<i64> = list.iter().map(|(a, _)| a.id).collect();
        assert_eq!(order, vec![known, large, alone]);
        let by_id = |id: i64| &list.iter().find(|(a, _)| a.id == id).unwrap().1;

        // The registry household's index gap counts; the declarations have no index.
        let known_p = by_id(known);
        let needs = known_p.needs.as_ref().unwrap();
        assert!(matches!(needs.source, Source::Registry { .. }));
        let gap = needs
            .explanation
            .terms
            .iter()
            .find(|t| t.id == "index-gap")
            .unwrap();
        assert_eq!(gap.raw, Some(10.5 - 8.75));
        assert!((gap.contribution - 17.5).abs() < 1e-4);
        let size = |p: &applications::priority::Priority| {
            p.needs
                .as_ref()
                .unwrap()
                .explanation
                .terms
                .iter()
                .find(|t| t.id == "household-size")
                .unwrap()
                .raw
        };
        // The registry's composition is used, not the declared size.
        assert_eq!(size(known_p), Some(4.0));
        assert_eq!(size(by_id(large)), Some(8.0));
        assert_eq!(size(by_id(alone)), Some(1.0));
        for id in [large, alone] {
            let p = by_id(id);
            let needs = p.needs.as_ref().unwrap();
            assert_eq!(needs.source, Source::Declared);
            let gap = needs
                .explanation
                .terms
                .iter()
                .find(|t| t.id == "index-gap")
                .unwrap();
            assert_eq!(gap.raw, None);
            assert_eq!(gap.contribution, 0.0);
        }
        // The total is the assessment plus the model's score, and it orders the list.
        for (_, p) in &list {
            let model = p.needs.as_ref().unwrap().explanation.score;
            assert!((p.total - (f64::from(p.assessment) + model)).abs() < 0.01);
        }
        assert!(list.windows(2).all(|w| w[0].1.total >= w[1].1.total));

        // Rating the assessment moves an application up: "alone" gets the highest ratings.
        worker
            .rate(
                &system,
                alone,
                &[
                    ("family_support".into(), 3),
                    ("disability_severity".into(), 3),
                    ("household_income".into(), 3),
                    ("distance".into(), 3),
                ],
            )
            .await
            .unwrap();
        let list = worker
            .waiting_list("disability-centre", "07.427")
            .await
            .unwrap();
        assert_eq!(list[0].0.id, alone);
        assert_eq!(list[0].1.assessment, 3 * 3 + 3 * 3 + 2 * 3 + 3);

        // The applicant's rank follows the same order, and the record carries the priority.
        let t = applications::track(
            &store,
            &Actor::system("applicant"),
            &list[1].0.tracking_code,
            "2016-04-09",
        )
        .await
        .unwrap();
        assert_eq!(t.rank, Some(2));
        let record = worker.get(&system, known).await.unwrap();
        assert_eq!(record.priority.total, known_p.total);

        // The model is data: a model that does not fit the registry is refused, a new
        // weight ranks the next reading (and the change is audited).
        let service = jisr_store::services::get(&store, "disability-centre")
            .await
            .unwrap();
        let mut model = jisr_store::services::needs_model(&service).unwrap();
        model.region_coefficients.push(("99".into(), 2.0));
        assert!(matches!(
            jisr_store::services::set_needs_model(&store, &system, "disability-centre", &model)
                .await,
            Err(jisr_store::services::NeedsModelError::Model(_))
        ));
        model.region_coefficients.pop();
        model
            .terms
            .iter_mut()
            .find(|t| t.id == "index-gap")
            .unwrap()
            .weight = 0.0;
        jisr_store::services::set_needs_model(&store, &system, "disability-centre", &model)
            .await
            .unwrap();
        let record = worker.get(&system, known).await.unwrap();
        assert!((known_p.total - record.priority.total - 17.5).abs() < 0.01);
        assert!(
            jisr_store::audit::verify(&store)
                .await
                .unwrap()
                .first_break
                .is_none()
        );
    })
    .await;
}
