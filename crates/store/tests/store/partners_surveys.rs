//! Anonymous staff surveys in the store, on SQLite and PostgreSQL: one link per staff
//! member through the outbox, one answer per link, answers that nothing in the database
//! joins to a person or a link, and results published only for groups of five or more.

use jisr_domain::access::{Role, Scope};
use jisr_domain::establishments::{Capacity, Status};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_domain::partners::questionnaire::{Answers, Questionnaire};
use jisr_domain::staff::{AssignmentInput, StaffInput};
use jisr_store::audit::Actor;
use jisr_store::entity::{audit_log, outbox_message, staff_survey_answer, staff_survey_link};
use jisr_store::establishments::{self, NewEstablishment};
use jisr_store::files::FileStore;
use jisr_store::geo::{self, GeoSource};
use jisr_store::partners_surveys::{self, Scoped, SurveyInput};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_store::{Store, StoreError};
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Statement};

const MANDATORY: [&str; 5] = [
    "application",
    "statutes",
    "registration_receipt",
    "internal_rules",
    "premises",
];

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
    let files = FileStore::new(std::env::temp_dir().join(format!(
        "jisr-survey-docs-{}",
        uuid::Uuid::new_v4().simple()
    )));
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

async fn hire(store: &Store, establishment: i64, n: usize, prefix: &str) {
    let staff = jisr_store::staff::Scoped::unscoped_for_system_jobs(store);
    for i in 0..n {
        staff
            .add(
                &Actor::system("test"),
                establishment,
                &StaffInput {
                    name_ar: "سعيد الإدريسي".into(),
                    name_fr: format!("Said {}{}", &prefix[..1], char::from(b'a' + i as u8)),
                    national_id: format!("{prefix}{}", 100_000 + i),
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
                        working_time: "100".into(),
                        ..Default::default()
                    },
                    ..Default::default()
                },
            )
            .await
            .unwrap();
    }
}

fn form() -> Questionnaire {
    serde_json::from_value(serde_json::json!({
        "title": {"ar": "ظروف العمل", "fr": "Conditions de travail"},
        "sections": [{"name": "main", "label": {"ar": "", "fr": ""}, "questions": [
            {"name": "workload", "label": {"ar": "عبء العمل", "fr": "Charge de travail"},
             "kind": {"type": "scale", "min": 1, "max": 5}, "required": true},
            {"name": "safe", "label": {"ar": "آمن؟", "fr": "En sécurité ?"},
             "kind": {"type": "single", "list": "yes_no"}, "required": true}
        ]}],
        "lists": {"yes_no": [{"name": "yes", "label": {"ar": "نعم", "fr": "Oui"}},
                             {"name": "no", "label": {"ar": "لا", "fr": "Non"}}]}
    }))
    .unwrap()
}

fn answers(workload: &str) -> Answers {
    [
        ("workload".to_owned(), vec![workload.to_owned()]),
        ("safe".to_owned(), vec!["yes".to_owned()]),
    ]
    .into_iter()
    .collect()
}

async fn columns(store: &Store, table: &str) -> Vec<String> {
    let backend = store.conn().get_database_backend();
    let sql = match backend {
        DbBackend::Sqlite => format!("SELECT name FROM pragma_table_info('{table}') ORDER BY name"),
        _ => format!(
            "SELECT column_name AS name FROM information_schema.columns \
             WHERE table_name = '{table}' AND table_schema = current_schema() ORDER BY column_name"
        ),
    };
    store
        .conn()
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.try_get::<String>("", "name").unwrap())
        .collect()
}

#[tokio::test]
async fn staff_answer_once_through_their_link_and_nothing_joins_an_answer_to_anyone() {
    each_backend(|store| async move {
        let actor = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &actor, &Silent)
            .await
            .unwrap();
        let rehamna = authorised(&store, "07.427.01.01").await;
        let safi = authorised(&store, "07.431.01.03").await;
        hire(&store, rehamna, 6, "RH").await;
        hire(&store, safi, 2, "SF").await;
        let version = jisr_store::partners::Scoped::unscoped_for_system_jobs(&store)
            .save_version(&actor, "conditions", "1", &form(), "builtin")
            .await
            .unwrap();
        let owner = Scoped::new(&store, &[(Role::ProgrammeOwner, Scope::National)]);
        let today = jisr_domain::time::today();
        let input = SurveyInput {
            version: version.to_string(),
            title_ar: "ظروف العمل".into(),
            title_fr: "Conditions de travail".into(),
            territories: vec!["07".into()],
            opens_on: today.to_string(),
            closes_on: (today + chrono::Days::new(10)).to_string(),
            illustrative: false,
        };
        // Errors at once; a provincial officer may not launch.
        let bad = owner
            .launch(&actor, &SurveyInput::default())
            .await
            .unwrap_err();
        match bad {
            jisr_store::partners::PartnersError::Fields(f) => {
                let names: Vec<&str> = f.iter().map(|(n, _)| n.as_str()).collect();
                assert!(names.contains(&"version") && names.contains(&"title_ar"));
                assert!(names.contains(&"territories"), "{names:?}");
            }
            other => panic!("{other:?}"),
        }
        let officer_grants = [(
            Role::ProvincialOfficer,
            Scope::Province(ProvinceCode::parse("07.431").unwrap()),
        )];
        let officer = Scoped::new(&store, &officer_grants);
        assert!(matches!(
            officer.launch(&actor, &input).await,
            Err(jisr_store::partners::PartnersError::Store(
                StoreError::NotFound
            ))
        ));
        let id = owner.launch(&actor, &input).await.unwrap();

        // One link each, through the outbox; the token is not kept, only its hash.
        let sent = outbox_message::Entity::find()
            .filter(outbox_message::Column::OwnerKind.eq(partners_surveys::OWNER_KIND))
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(sent.len(), 8);
        let tokens: Vec<(String, String)> = sent
            .iter()
            .map(|m| {
                let body: serde_json::Value = serde_json::from_str(&m.body).unwrap();
                let link = body["link"].as_str().unwrap().to_owned();
                (
                    m.province_code.clone(),
                    link.trim_start_matches("/staff-survey/").to_owned(),
                )
            })
            .collect();
        let links = staff_survey_link::Entity::find()
            .all(store.conn())
            .await
            .unwrap();
        assert!(
            links
                .iter()
                .all(|l| tokens.iter().all(|(_, t)| l.token_hash != *t))
        );
        let rehamna_tokens: Vec<&str> = tokens
            .iter()
            .filter(|(p, _)| p == "07.427")
            .map(|(_, t)| t.as_str())
            .collect();
        assert_eq!(rehamna_tokens.len(), 6);

        // An unknown link opens nothing; an incomplete answer is refused and the link
        // stays usable.
        assert!(matches!(
            partners_surveys::open(&store, "nope").await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            partners_surveys::answer(&store, rehamna_tokens[0], &Answers::new()).await,
            Err(jisr_store::partners::PartnersError::Answers(_))
        ));
        for (i, t) in rehamna_tokens.iter().take(3).enumerate() {
            partners_surveys::open(&store, t).await.unwrap();
            partners_surveys::answer(&store, t, &answers(&(i + 2).to_string()))
                .await
                .unwrap();
        }
        // Once only.
        assert!(
            partners_surveys::answer(&store, rehamna_tokens[0], &answers("1"))
                .await
                .is_err()
        );
        assert!(matches!(
            partners_surveys::open(&store, rehamna_tokens[0]).await,
            Err(StoreError::NotFound)
        ));

        // Three answers: nothing is shown, neither the group nor the total.
        let r = owner.results(id).await.unwrap();
        assert_eq!((r.sent, r.used), (8, 3));
        let group = r
            .groups
            .iter()
            .find(|g| g.province_code == "07.427")
            .unwrap();
        assert!(group.answers.is_none() && group.results.is_none());
        assert!(r.total.is_none());

        for t in rehamna_tokens.iter().skip(3).take(2) {
            partners_surveys::answer(&store, t, &answers("4"))
                .await
                .unwrap();
        }
        // Five: Rehamna's results show; Safi (no answer) shows zero and reveals nothing.
        let r = owner.results(id).await.unwrap();
        let group = r
            .groups
            .iter()
            .find(|g| g.province_code == "07.427")
            .unwrap();
        assert_eq!(group.answers, Some(5));
        let tallies = group.results.as_ref().unwrap();
        let workload = tallies.iter().find(|t| t.question == "workload").unwrap();
        assert_eq!(workload.answered, 5);
        let safi_group = r
            .groups
            .iter()
            .find(|g| g.province_code == "07.431")
            .unwrap();
        assert_eq!(safi_group.answers, Some(0));
        assert_eq!(r.total.as_ref().map(|t| t.0), Some(5));

        // One answer in Safi: Safi's single answer hidden, and so Rehamna too (the
        // total minus Rehamna would give it away); the total of six is shown.
        let safi_token = tokens
            .iter()
            .find(|(p, _)| p == "07.431")
            .unwrap()
            .1
            .clone();
        partners_surveys::answer(&store, &safi_token, &answers("1"))
            .await
            .unwrap();
        let r = owner.results(id).await.unwrap();
        assert!(
            r.groups.iter().all(|g| g.answers.is_none()),
            "{:?}",
            r.groups
        );
        assert_eq!(r.total.as_ref().map(|t| t.0), Some(6));
        // Safi's officer sees Safi's group only, suppressed, and no total.
        let r = officer.results(id).await.unwrap();
        assert_eq!(r.groups.len(), 1);
        assert!(r.groups[0].answers.is_none() && r.total.is_none());
        assert_eq!((r.sent, r.used), (2, 1));
        // Another region's officer does not find it.
        let casa = [(
            Role::ProvincialOfficer,
            Scope::Province(ProvinceCode::parse("06.141").unwrap()),
        )];
        assert!(matches!(
            Scoped::new(&store, &casa).results(id).await,
            Err(StoreError::NotFound)
        ));

        // Nothing joins an answer to a person or a link. The answers table has the survey,
        // the province, the day and the answers only; the link table keeps no time.
        assert_eq!(
            columns(&store, "staff_survey_answers").await,
            ["answered_on", "answers", "id", "province_code", "survey_id"]
        );
        assert_eq!(
            columns(&store, "staff_survey_links").await,
            [
                "id",
                "province_code",
                "staff_id",
                "survey_id",
                "token_hash",
                "used"
            ]
        );
        let stored = staff_survey_answer::Entity::find()
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(stored.len(), 6);
        let links = staff_survey_link::Entity::find()
            .all(store.conn())
            .await
            .unwrap();
        for a in &stored {
            assert_eq!(a.answered_on, today.to_string(), "the day only");
            let value: serde_json::Value = serde_json::from_str(&a.answers).unwrap();
            let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["safe", "workload"]);
            for l in &links {
                assert!(!a.answers.contains(&l.token_hash));
            }
            for (_, t) in &tokens {
                assert!(!a.answers.contains(t.as_str()));
            }
        }
        // The audit trail names the survey only, from nobody and nowhere.
        let entries = audit_log::Entity::find()
            .filter(audit_log::Column::Entity.eq("staff_survey_answer"))
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(entries.len(), 6);
        for e in &entries {
            assert_eq!(e.entity_id, id.to_string());
            assert_eq!(e.actor, "anonymous");
            assert!(e.address.is_empty() && e.request_id.is_empty());
            let text = format!("{:?}", e);
            assert!(tokens.iter().all(|(_, t)| !text.contains(t.as_str())));
            assert!(links.iter().all(|l| !text.contains(&l.token_hash)));
        }
    })
    .await;
}
