//! Questionnaires and consultations in the store, on SQLite and PostgreSQL: an XLSForm
//! workbook (built here) imported as a version, an unsupported one refused by name and
//! row with nothing saved, a consultation launched to a territory's establishments, a
//! draft saved, resumed and submitted once, progress and results per province, and who
//! may reach what (another province finds nothing).

use jisr_domain::access::{Role, Scope};
use jisr_domain::establishments::{Capacity, Status as EstStatus};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_domain::partners::campaign::AnswerStatus;
use jisr_domain::partners::questionnaire::{AnswerError, Answers};
use jisr_domain::partners::xlsform::Problem;
use jisr_store::audit::Actor;
use jisr_store::authorisation::Upload;
use jisr_store::entity::{audit_log, questionnaire_version};
use jisr_store::establishments::{self, Details, NewEstablishment};
use jisr_store::files::FileStore;
use jisr_store::geo::{self, GeoSource};
use jisr_store::partners::{LaunchInput, PartnersError, Scoped};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_store::{Store, StoreError};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const REHAMNA: &str = "07.427.01.01";
const SAFI: &str = "07.431.01.03";

/// An XLSForm workbook: the survey rows after the header, the choices and settings.
pub fn workbook(survey: &[&[&str]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let write = |sheet: &mut rust_xlsxwriter::Worksheet, rows: &[&[&str]]| {
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    sheet.write_string(r as u32, c as u16, *cell).unwrap();
                }
            }
        }
    };
    let mut rows: Vec<&[&str]> = vec![&[
        "type",
        "name",
        "label::Arabic (ar)",
        "label::French (fr)",
        "required",
        "relevant",
        "constraint",
    ]];
    rows.extend_from_slice(survey);
    write(book.add_worksheet().set_name("survey").unwrap(), &rows);
    write(
        book.add_worksheet().set_name("choices").unwrap(),
        &[
            &[
                "list_name",
                "name",
                "label::Arabic (ar)",
                "label::French (fr)",
            ],
            &["yes_no", "yes", "نعم", "Oui"],
            &["yes_no", "no", "لا", "Non"],
            &["themes", "funding", "التمويل", "Le financement"],
            &["themes", "staff", "الموارد البشرية", "Le personnel"],
            &["themes", "premises", "البنايات", "Les locaux"],
        ],
    );
    write(
        book.add_worksheet().set_name("settings").unwrap(),
        &[
            &[
                "form_title::Arabic (ar)",
                "form_title::French (fr)",
                "form_id",
                "version",
            ],
            &[
                "صعوبات المؤسسات",
                "Les difficultés des établissements",
                "difficulties",
                "1",
            ],
        ],
    );
    book.save_to_buffer().unwrap()
}

pub const GOOD: &[&[&str]] = &[
    &["begin group", "general", "عام", "Général", "", "", ""],
    &[
        "select_one yes_no",
        "difficulty",
        "هل تواجه المؤسسة صعوبات؟",
        "L'établissement rencontre-t-il des difficultés ?",
        "yes",
        "",
        "",
    ],
    &[
        "select_multiple themes",
        "themes",
        "في أي مجالات؟",
        "Dans quels domaines ?",
        "yes",
        "${difficulty} = 'yes'",
        "",
    ],
    &[
        "integer",
        "staff_missing",
        "كم عدد المناصب الشاغرة؟",
        "Combien de postes manquent ?",
        "",
        "selected(${themes}, 'staff')",
        ". >= 0 and . <= 50",
    ],
    &["end group", "", "", "", "", "", ""],
    &["text", "comment", "ملاحظات", "Remarques", "", "", ""],
];

pub const UNSUPPORTED: &[&[&str]] = &[
    &[
        "select_one yes_no",
        "difficulty",
        "صعوبات؟",
        "Des difficultés ?",
        "yes",
        "",
        "",
    ],
    &["geopoint", "location", "الموقع", "Position", "", "", ""],
    &["integer", "n", "عدد", "Nombre", "", "${difficulty} > 2", ""],
];

fn files() -> FileStore {
    FileStore::new(std::env::temp_dir().join(format!(
        "jisr-partners-docs-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    )))
}

/// An authorised establishment for children in school in `commune`.
async fn centre(store: &Store, commune: &str) -> i64 {
    let system = establishments::Scoped::unscoped_for_system_jobs(store);
    let actor = Actor::system("test");
    let id = system
        .create(
            &actor,
            NewEstablishment {
                name_ar: "دار الطالبة".into(),
                name_fr: "Dar Taliba".into(),
                category: "schooled_children".into(),
                commune: CommuneCode::parse(commune).unwrap(),
                address: String::new(),
                phone: String::new(),
                capacity: Capacity::new(5, 5).unwrap(),
                details: Details::default(),
            },
        )
        .await
        .unwrap();
    let checklist = jisr_store::authorisation::checklist(store.conn(), "schooled_children")
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
        .attach(&actor, &files(), id, uploads, 1 << 20)
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

fn answers(pairs: &[(&str, &[&str])]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
        .collect()
}

fn launch_input(version: i64) -> LaunchInput {
    let today = jisr_domain::time::today();
    LaunchInput {
        version: version.to_string(),
        title_ar: "صعوبات المؤسسات".into(),
        title_fr: "Les difficultés des établissements".into(),
        categories: vec!["schooled_children".into()],
        territories: vec!["07".into()],
        opens_on: today.to_string(),
        closes_on: (today + chrono::Days::new(30)).to_string(),
        illustrative: false,
    }
}

#[tokio::test]
async fn a_consultation_from_import_to_results() {
    if let Ok(dir) = std::env::var("JISR_WRITE_XLSFORM_FIXTURES") {
        std::fs::write(format!("{dir}/difficulties.xlsx"), workbook(GOOD)).unwrap();
        std::fs::write(format!("{dir}/unsupported.xlsx"), workbook(UNSUPPORTED)).unwrap();
    }
    each_backend(|store| async move {
        let actor = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &actor, &Silent)
            .await
            .unwrap();
        let rehamna = centre(&store, REHAMNA).await;
        let safi = centre(&store, SAFI).await;
        let owner = Scoped::new(&store, &[(Role::ProgrammeOwner, Scope::National)]);

        // The unsupported workbook: refused by name and row, nothing saved.
        let Err(PartnersError::XlsForm(e)) =
            owner.import_xlsform(&actor, &workbook(UNSUPPORTED)).await
        else {
            panic!("an unsupported workbook is refused");
        };
        let refused: Vec<(u32, Problem)> = e.into_iter().map(|e| (e.row, e.problem)).collect();
        assert_eq!(
            refused,
            [
                (3, Problem::UnsupportedType("geopoint".into())),
                (4, Problem::UnsupportedRelevance("${difficulty} > 2".into())),
            ]
        );
        assert_eq!(
            questionnaire_version::Entity::find()
                .count(store.conn())
                .await
                .unwrap(),
            0
        );
        assert!(matches!(
            owner.import_xlsform(&actor, b"not a workbook").await,
            Err(PartnersError::Unreadable)
        ));

        // The supported one: a version, then a second version of the same form.
        let v1 = owner.import_xlsform(&actor, &workbook(GOOD)).await.unwrap();
        let v2 = owner.import_xlsform(&actor, &workbook(GOOD)).await.unwrap();
        let version = owner.version(v2).await.unwrap();
        assert_eq!(version.row.number, 2);
        assert_eq!(version.row.form_id, "difficulties");
        assert_eq!(version.questionnaire.title.ar, "صعوبات المؤسسات");
        assert_eq!(version.questionnaire.sections.len(), 2);
        assert_ne!(v1, v2);

        // Launch: every error at once, then the targets of the region.
        let Err(PartnersError::Fields(f)) = owner.launch(&actor, &LaunchInput::default()).await
        else {
            panic!("an empty launch is refused");
        };
        let fields: Vec<&str> = f.iter().map(|(f, _)| f.as_str()).collect();
        for field in [
            "version",
            "title_ar",
            "title_fr",
            "categories",
            "territories",
            "opens_on",
            "closes_on",
        ] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
        let id = owner.launch(&actor, &launch_input(v2)).await.unwrap();
        let overview = owner.overview(id).await.unwrap();
        let provinces: Vec<&str> = overview
            .progress
            .iter()
            .map(|p| p.province_code.as_str())
            .collect();
        assert_eq!(provinces, ["07.427", "07.431"]);

        // The manager of the Rehamna centre: a draft, resumed, then submitted once.
        let manager = Scoped::new(
            &store,
            &[(Role::EstablishmentManager, Scope::Establishment(rehamna))],
        );
        let listed = manager.list().await.unwrap();
        assert_eq!(listed.len(), 1);
        let target = listed[0].my_target.clone().unwrap();
        assert_eq!(target.establishment_id, rehamna);
        let half = answers(&[("difficulty", &["yes"]), ("themes", &["staff"])]);
        assert_eq!(
            manager
                .save_answer(&actor, target.id, &half, false)
                .await
                .unwrap(),
            AnswerStatus::Draft
        );
        let resumed = manager.target(target.id).await.unwrap();
        assert_eq!(resumed.status, AnswerStatus::Draft);
        assert_eq!(resumed.answers, half);
        // Submitting needs the shown required questions and keeps to the range.
        let bad = answers(&[("difficulty", &["yes"]), ("staff_missing", &["80"])]);
        let Err(PartnersError::Answers(e)) =
            manager.save_answer(&actor, target.id, &bad, true).await
        else {
            panic!("an incomplete answer is refused");
        };
        assert_eq!(e.get("themes"), Some(&AnswerError::Required));
        assert!(
            !e.contains_key("staff_missing"),
            "hidden while themes is blank"
        );
        let full = answers(&[
            ("difficulty", &["yes"]),
            ("themes", &["staff", "funding"]),
            ("staff_missing", &["3"]),
        ]);
        manager
            .save_answer(&actor, target.id, &full, true)
            .await
            .unwrap();
        assert!(matches!(
            manager.save_answer(&actor, target.id, &full, true).await,
            Err(PartnersError::Refused(_))
        ));

        // Progress and results per province.
        let overview = owner.overview(id).await.unwrap();
        assert_eq!(overview.progress[0].submitted, 1);
        assert_eq!(overview.progress[1].submitted, 0);
        let staff = overview
            .results
            .iter()
            .find(|t| t.question == "staff_missing")
            .unwrap();
        assert_eq!(staff.mean, Some(3.0));
        assert_eq!(overview.results_by_province.len(), 1);
        assert_eq!(overview.results_by_province[0].0, "07.427");

        // Another province: nothing there, not even the consultation.
        let safi_officer = Scoped::new(
            &store,
            &[(
                Role::ProvincialOfficer,
                Scope::Province(ProvinceCode::parse("07.431").unwrap()),
            )],
        );
        let seen = safi_officer.overview(id).await.unwrap();
        assert_eq!(seen.progress.len(), 1);
        assert!(seen.results.iter().all(|t| t.answered == 0));
        let casablanca = Scoped::new(
            &store,
            &[(
                Role::ProvincialOfficer,
                Scope::Province(ProvinceCode::parse("06.141").unwrap()),
            )],
        );
        assert!(matches!(
            casablanca.overview(id).await,
            Err(StoreError::NotFound)
        ));
        assert!(casablanca.list().await.unwrap().is_empty());
        let other_manager = Scoped::new(
            &store,
            &[(Role::EstablishmentManager, Scope::Establishment(safi))],
        );
        assert!(matches!(
            other_manager.target(target.id).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            safi_officer.target(target.id).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            manager.versions().await,
            Err(StoreError::NotFound)
        ));

        // Every change audited.
        for entity in [
            "questionnaire_version",
            "consultation",
            "consultation_answer",
        ] {
            let n = audit_log::Entity::find()
                .filter(audit_log::Column::Entity.eq(entity))
                .count(store.conn())
                .await
                .unwrap();
            assert!(n > 0, "{entity} audited");
        }
    })
    .await;
}
