//! The applicant's side of grants in the store, on SQLite and PostgreSQL: a draft keeps
//! the budget by heading, the beneficiaries and the co-financing; documents uploaded for
//! the call's items set what the eligibility check reads; a refused file keeps nothing;
//! another association's manager reaches none of it.

use chrono::Days;
use jisr_domain::access::{Role, Scope};
use jisr_domain::establishments::Capacity;
use jisr_domain::geo::CommuneCode;
use jisr_domain::grants::Status;
use jisr_store::audit::Actor;
use jisr_store::entity::{association, establishment};
use jisr_store::establishments::{self, Details, NewEstablishment};
use jisr_store::files::FileStore;
use jisr_store::geo::{self, GeoSource};
use jisr_store::grants::{self, ApplicationInput, CallInput, GrantError, Scoped};
use jisr_store::grants_apply::AttachError;
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_store::{Store, StoreError};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ActiveValue::Set, EntityTrait, IntoActiveModel,
};

const REHAMNA: &str = "07.427.01.01";

async fn centre(store: &Store, name: &str) -> i64 {
    let system = establishments::Scoped::unscoped_for_system_jobs(store);
    let actor = Actor::system("test");
    let id = system
        .create(
            &actor,
            NewEstablishment {
                name_ar: format!("مركز {name}"),
                name_fr: format!("Centre {name}"),
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
    let a = association::ActiveModel {
        id: NotSet,
        name_ar: Set(format!("جمعية {name}")),
        name_fr: Set(format!("Association {name}")),
        registration_number: Set(format!("RN-{name}")),
        registration_date: Set("2020-01-01".into()),
        commune_code: Set(REHAMNA.into()),
        province_code: Set("07.427".into()),
        address: Set(String::new()),
        phone: Set(String::new()),
        email: Set(String::new()),
        created_at: Set("2020-01-01T00:00:00Z".into()),
    }
    .insert(store.conn())
    .await
    .unwrap();
    let e = establishment::Entity::find_by_id(id)
        .one(store.conn())
        .await
        .unwrap()
        .unwrap();
    let mut am = e.into_active_model();
    am.association_id = Set(Some(a.id));
    am.update(store.conn()).await.unwrap();
    id
}

fn upload(item: &str, bytes: &[u8]) -> jisr_store::documents::Upload {
    jisr_store::documents::Upload {
        requirement: item.into(),
        file_name: format!("{item}.pdf"),
        bytes: bytes.to_vec(),
    }
}

#[tokio::test]
async fn a_draft_keeps_its_project_and_its_documents_set_what_is_checked() {
    each_backend(|store| async move {
        let actor = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &actor, &Silent)
            .await
            .unwrap();
        let owner = Scoped::new(&store, &[(Role::ProgrammeOwner, Scope::National)]);
        let today = chrono::Utc::now().date_naive();
        let call = owner
            .create_call(
                &actor,
                &CallInput {
                    fund: "FAS".into(),
                    title_ar: "دعم".into(),
                    title_fr: "Soutien".into(),
                    provinces: "07.427".into(),
                    envelope: "500000".into(),
                    max_per_project: "200000".into(),
                    cofinancing_pct: "20".into(),
                    opens_on: (today - Days::new(5)).to_string(),
                    closes_on: (today + Days::new(30)).to_string(),
                    decision_on: (today + Days::new(60)).to_string(),
                    documents: "statutes,budget".into(),
                    criteria: "relevance | 100 | ملاءمة | Pertinence".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        owner.publish_call(&actor, call).await.unwrap();
        let e1 = centre(&store, "Amal").await;
        let e2 = centre(&store, "Nour").await;
        let m1 = Scoped::new(
            &store,
            &[(Role::EstablishmentManager, Scope::Establishment(e1))],
        );
        let m2 = Scoped::new(
            &store,
            &[(Role::EstablishmentManager, Scope::Establishment(e2))],
        );
        assert_eq!(
            m1.applicant_establishments()
                .await
                .unwrap()
                .iter()
                .map(|e| e.id)
                .collect::<Vec<_>>(),
            vec![e1]
        );

        // Every number refused at once; nothing saved.
        let mut input = ApplicationInput {
            project_title: "Atelier".into(),
            objectives: "Accueillir".into(),
            place: "Ben Guerir".into(),
            duration_months: "12".into(),
            women: "10".into(),
            elderly: "beaucoup".into(),
            requested: "150000".into(),
            cofinancing: "Fonds propres, commune".into(),
            ..Default::default()
        };
        input.budget_lines.insert("staff".into(), "100000".into());
        input.budget_lines.insert("equipment".into(), "cent".into());
        match m1.save_draft(&actor, call, e1, None, &input).await {
            Err(GrantError::Fields(f)) => {
                let f: Vec<_> = f.into_iter().map(|(f, _)| f).collect();
                assert_eq!(f, vec!["elderly", "budget-equipment"]);
            }
            other => panic!("expected field errors, got {other:?}"),
        }
        assert!(m1.own_applications().await.unwrap().is_empty());

        // The budget is the sum of its headings.
        input.elderly = "4".into();
        input
            .budget_lines
            .insert("equipment".into(), "90000".into());
        let id = m1.save_draft(&actor, call, e1, None, &input).await.unwrap();
        let a = m1.own_application(id).await.unwrap();
        assert_eq!(a.budget, 190_000);
        assert_eq!(a.elderly, 4);
        assert_eq!(a.cofinancing, "Fonds propres, commune");
        assert_eq!(grants::budget_lines(&a).get("equipment"), Some(&90_000));
        assert_eq!(
            ApplicationInput::from_model(&a).budget_lines.get("staff"),
            Some(&"100000".to_string())
        );
        assert_eq!(m1.own_application_call(id).await.unwrap().id, call);

        // Files: a refused one keeps nothing; accepted ones set the documents given.
        let files = FileStore::new(std::env::temp_dir().join(format!(
            "jisr-grant-docs-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        )));
        match m1
            .attach_application_documents(
                &actor,
                &files,
                id,
                vec![upload("statutes", b"%PDF-1.4 s"), upload("budget", b"")],
                1 << 20,
            )
            .await
        {
            Err(AttachError::Refused(r)) => assert_eq!(r.len(), 1),
            other => panic!("expected a refused file, got {other:?}"),
        }
        assert!(m1.application_documents(id).await.unwrap().is_empty());
        m1.attach_application_documents(
            &actor,
            &files,
            id,
            vec![upload("statutes", b"%PDF-1.4 s")],
            1 << 20,
        )
        .await
        .unwrap();
        assert_eq!(m1.own_application(id).await.unwrap().documents, "statutes");

        // Another association's manager reaches nothing.
        assert!(matches!(
            m2.own_application(id).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            m2.application_documents(id).await,
            Err(StoreError::NotFound)
        ));
        assert!(
            m2.attach_application_documents(
                &actor,
                &files,
                id,
                vec![upload("budget", b"%PDF-1.4 b")],
                1 << 20
            )
            .await
            .is_err()
        );

        // Filed without the budget: the one reminder; completed, then eligible.
        let filed = m1.file(&actor, id).await.unwrap();
        assert!(filed.reminded);
        assert_eq!(filed.status, Status::Filed);
        m1.attach_application_documents(
            &actor,
            &files,
            id,
            vec![upload("budget", b"%PDF-1.4 b")],
            1 << 20,
        )
        .await
        .unwrap();
        let doc = m1.application_documents(id).await.unwrap()[0].id;
        let (_, bytes) = m1
            .application_document(&actor, &files, id, doc)
            .await
            .unwrap();
        assert_eq!(bytes, b"%PDF-1.4 b");
        assert_eq!(m1.file(&actor, id).await.unwrap().status, Status::Eligible);
        // Once eligible, nothing more is attached.
        assert!(
            m1.attach_application_documents(
                &actor,
                &files,
                id,
                vec![upload("budget", b"%PDF-1.4 c")],
                1 << 20
            )
            .await
            .is_err()
        );
    })
    .await;
}
