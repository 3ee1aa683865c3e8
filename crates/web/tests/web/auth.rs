//! Sign-in, sessions, CSRF, throttling and the permission matrix, on SQLite and
//! PostgreSQL.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use jisr_domain::access::{Role, Scope};
use jisr_domain::geo::{ProvinceCode, RegionCode};
use jisr_i18n::Catalog;
use jisr_store::Store;
use jisr_store::accounts::{self, Password};
use jisr_store::audit::Actor;
use jisr_store::geo::{self, GeoSource};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_web::auth::Policy;
use jisr_web::{AppState, WebConfig, route_table, router};
use tower::ServiceExt;

const PASSWORD: &str = "a long demo password";

/// One account per role, named after it.
fn people() -> Vec<(&'static str, Role, Scope)> {
    let rehamna = Scope::Province(ProvinceCode::parse("07.427").unwrap());
    vec![
        (
            "national_administrator",
            Role::NationalAdministrator,
            Scope::National,
        ),
        ("programme_owner", Role::ProgrammeOwner, Scope::National),
        (
            "regional_coordinator",
            Role::RegionalCoordinator,
            Scope::Region(RegionCode::parse("07").unwrap()),
        ),
        (
            "provincial_officer",
            Role::ProvincialOfficer,
            rehamna.clone(),
        ),
        ("social_worker", Role::SocialWorker, rehamna.clone()),
        ("inspector", Role::Inspector, rehamna),
        (
            "establishment_manager",
            Role::EstablishmentManager,
            Scope::Establishment(1),
        ),
        ("auditor", Role::Auditor, Scope::National),
    ]
}

async fn app(store: &Store) -> axum::Router {
    STORE.with(|s| *s.borrow_mut() = Some(store.clone()));
    let actor = Actor::system("test");
    geo::import(store, &GeoSource::embedded(), &actor, &Silent)
        .await
        .unwrap();
    let pw = Password::parse(PASSWORD).unwrap();
    for (name, role, scope) in people() {
        let id = accounts::create_user(store, &actor, name, name, &pw, false)
            .await
            .unwrap();
        accounts::grant_role(store, &actor, id, role, &scope)
            .await
            .unwrap();
    }
    // Association 1 in Rehamna, association 2 in Casablanca, each with one board member.
    let partners = jisr_store::associations::Scoped::unscoped_for_system_jobs(store);
    for (number, name, commune) in [
        ("BG/2015/7", "Association Al Amal", "07.427.01.01"),
        ("CA/2010/3", "Association Anfa Solidarité", "06.141.01.0"),
    ] {
        let id = partners
            .create(
                &actor,
                &jisr_store::associations::AssociationInput {
                    registration_number: number.into(),
                    name_fr: name.into(),
                    registration_date: "2015-03-02".into(),
                    commune: commune.into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        partners
            .add_board_member(&actor, id, "Fatima Zahra", "president", "")
            .await
            .unwrap();
    }
    // Establishment 1 in Rehamna, establishment 2 in Casablanca (the matrix's examples),
    // run by associations 1 and 2.
    let system = jisr_store::establishments::Scoped::unscoped_for_system_jobs(store);
    for (association, name, commune) in [
        (1, "Dar Taliba Ben Guerir", "07.427.01.01"),
        (2, "Dar Talib Anfa", "06.141.01.0"),
    ] {
        system
            .create(
                &actor,
                jisr_store::establishments::NewEstablishment {
                    name_ar: String::new(),
                    name_fr: name.into(),
                    category: "schooled_children".into(),
                    commune: jisr_domain::geo::CommuneCode::parse(commune).unwrap(),
                    address: String::new(),
                    phone: String::new(),
                    capacity: jisr_domain::establishments::Capacity::new(0, 40).unwrap(),
                    details: jisr_store::establishments::Details {
                        association_id: Some(association),
                        ..Default::default()
                    },
                },
            )
            .await
            .unwrap();
    }
    // Both filed with their five mandatory documents (ids 1–5 and 6–10).
    let files = jisr_store::files::FileStore::new(WebConfig::default().documents_dir);
    for id in [1, 2] {
        let uploads = MANDATORY
            .iter()
            .map(|code| jisr_store::authorisation::Upload {
                requirement: (*code).into(),
                file_name: format!("{code}.pdf"),
                bytes: format!("%PDF-1.4 {code}").into_bytes(),
            })
            .collect();
        system
            .attach(&actor, &files, id, uploads, 1 << 20)
            .await
            .unwrap();
        use jisr_domain::establishments::Status;
        for to in [Status::Requested, Status::UnderReview, Status::Authorised] {
            system
                .transition(&actor, id, to, "dossier", &[])
                .await
                .unwrap();
        }
        // Declarations 1 and 2: care outside the premises, in the establishment's province.
        let commune = if id == 1 {
            "07.427.01.01"
        } else {
            "06.141.01.0"
        };
        let today = jisr_domain::time::today();
        system
            .declare_care(
                &actor,
                id,
                &jisr_store::authorisation::DeclarationInput {
                    activity: "Caravane".into(),
                    commune: commune.into(),
                    address: String::new(),
                    starts_on: today.to_string(),
                    ends_on: today.to_string(),
                    beneficiaries: "40".into(),
                },
            )
            .await
            .unwrap();
    }
    // Beneficiary 1 (admission 1, goal 1) in establishment 1, beneficiary 2 (admission 2,
    // goal 2) in establishment 2: girls, within both establishments' capacity.
    let care = jisr_store::care::Scoped::unscoped_for_system_jobs(store);
    for (establishment, name_ar, name_fr) in [
        (1, "سلمى العلوي", "Salma Alaoui"),
        (2, "نادية بناني", "Nadia Bennani"),
    ] {
        let (beneficiary, _) = care
            .admit(
                &actor,
                establishment,
                &jisr_store::care::AdmissionInput {
                    name_ar: name_ar.into(),
                    name_fr: name_fr.into(),
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
        care.add_goal(
            &actor,
            beneficiary,
            "Réussir l'année scolaire",
            "2026-06-30",
        )
        .await
        .unwrap();
    }
    // Staff member 1 (assignment 1, training 1) in establishment 1, staff member 2
    // (assignment 2, training 2) in establishment 2; the first with a salary.
    let staff = jisr_store::staff::Scoped::unscoped_for_system_jobs(store);
    for (establishment, cin, name_ar, name_fr, salary) in [
        (1, "BK100200", "سعيد الإدريسي", "Said Idrissi", "6500"),
        (2, "BE300400", "كريم التازي", "Karim Tazi", ""),
    ] {
        let id = staff
            .add(
                &actor,
                establishment,
                &jisr_domain::staff::StaffInput {
                    name_ar: name_ar.into(),
                    name_fr: name_fr.into(),
                    national_id: cin.into(),
                    sex: "male".into(),
                    birth_date: "1988-06-01".into(),
                    assignment: jisr_domain::staff::AssignmentInput {
                        post: "educator".into(),
                        employer: "association".into(),
                        contract: "permanent".into(),
                        contract_start: "2024-09-01".into(),
                        working_time: "100".into(),
                        salary: salary.into(),
                        ..Default::default()
                    },
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        staff
            .add_training(
                &actor,
                establishment,
                &jisr_domain::staff::TrainingInput {
                    subject: "Protection de l'enfance".into(),
                    starts_on: "2026-10-05".into(),
                    ends_on: "2026-10-06".into(),
                    trainer: "Dr Amrani".into(),
                    place: String::new(),
                },
                &[id],
            )
            .await
            .unwrap();
    }
    // Household 1 in Rehamna, household 2 in Casablanca (the matrix's examples), imported
    // the way extracts are. Household 1 is under both thresholds; its index is dated.
    let households = "household_key,commune_code,person_key,first_name_ar,last_name_ar,first_name_lat,last_name_lat,birth_date,sex,relation\n\
        RH-0001,07.427.01.01,P-1,فاطمة,العلوي,Fatima,Alaoui,1980-03-02,female,head\n\
        RH-0001,07.427.01.01,P-2,يوسف,العلوي,Youssef,Alaoui,2015-06-10,male,child\n\
        CA-0001,06.141.01.0,P-3,كريم,بناني,Karim,Bennani,1975-01-20,male,head\n";
    jisr_store::registry::import_households(store, &actor, households.as_bytes(), &Silent)
        .await
        .unwrap();
    let index = "household_key,value,date,source\nRH-0001,9.1,2025-06-01,registry\nCA-0001,10.2,2025-06-01,registry\n";
    jisr_store::registry::import_index_values(store, &actor, index.as_bytes(), &Silent)
        .await
        .unwrap();
    // Duplicate pair 1 and merge 1 in Rehamna, pair 2 and merge 2 in Casablanca (the
    // matrix's examples; already merged, so a search job leaves them).
    {
        use jisr_store::entity::{matching_merge as merge, matching_proposal as proposal};
        use sea_orm::{ActiveValue::Set, EntityTrait};
        for (id, province, a, b) in [(1, "07.427", 1, 2), (2, "06.141", 3, 3)] {
            proposal::Entity::insert(proposal::ActiveModel {
                id: Set(id),
                job_id: Set(0),
                province_code: Set(province.into()),
                person_a: Set(a),
                person_b: Set(b),
                weight: Set(1.0),
                status: Set("merged".into()),
            })
            .exec(store.conn())
            .await
            .unwrap();
            merge::Entity::insert(merge::ActiveModel {
                id: Set(id),
                proposal_id: Set(id),
                survivor_id: Set(a),
                absorbed_id: Set(b),
                before: Set("{}".into()),
                moved_stays: Set("{}".into()),
                merged_by: Set("system:test".into()),
                merged_at: Set("2025-01-01T00:00:00Z".into()),
                undone_by: Set(None),
                undone_at: Set(None),
            })
            .exec(store.conn())
            .await
            .unwrap();
        }
        if store.backend() == jisr_store::Backend::Postgres {
            use sea_orm::ConnectionTrait;
            for t in ["matching_proposals", "matching_merges"] {
                store
                    .conn()
                    .execute_unprepared(&format!(
                        "SELECT setval(pg_get_serial_sequence('{t}', 'id'), 2)"
                    ))
                    .await
                    .unwrap();
            }
        }
    }
    // Documents 11 and 12: the statutes of associations 1 and 2.
    for id in [1, 2] {
        partners
            .attach(
                &actor,
                &files,
                id,
                vec![jisr_store::authorisation::Upload {
                    requirement: "statutes".into(),
                    file_name: "statuts.pdf".into(),
                    bytes: format!("%PDF-1.4 statuts {id}").into_bytes(),
                }],
                1 << 20,
            )
            .await
            .unwrap();
    }
    // Applications 1 (Rehamna) and 2 (Casablanca), each with its birth certificate
    // (documents 13 and 14).
    for (key, commune) in [("fixture-1", "07.427.01.01"), ("fixture-2", "06.141.01.0")] {
        jisr_store::applications::submit(
            store,
            &actor,
            &files,
            "2026-11/test",
            &jisr_store::applications::ApplicationInput {
                service: "disability-centre".into(),
                submission_key: key.into(),
                applicant_relation: "parent".into(),
                applicant_name_fr: "Fatima Alaoui".into(),
                applicant_phone: "0612345678".into(),
                beneficiary_name_fr: "Youssef Alaoui".into(),
                beneficiary_birth_date: "2016-04-09".into(),
                beneficiary_sex: "male".into(),
                commune: commune.into(),
                consent: true,
                locale: "fr".into(),
                ..Default::default()
            },
            vec![jisr_store::authorisation::Upload {
                requirement: "birth_certificate".into(),
                file_name: "acte.pdf".into(),
                bytes: format!("%PDF-1.4 acte {key}").into_bytes(),
            }],
            1 << 20,
        )
        .await
        .unwrap();
    }
    // Visits 1 and 2 of establishments 1 and 2, conducted; corrective actions 1 and 2,
    // answered with their evidence (documents 15 and 16).
    let quality = jisr_store::quality::Scoped::unscoped_for_system_jobs(store);
    for id in [1, 2] {
        let visit = quality
            .schedule(&actor, id, "2026-11-02", false, "")
            .await
            .unwrap();
        let grid = quality.visit(visit).await.unwrap().grid;
        let mut input = jisr_store::quality::ConductInput {
            conducted_on: "2026-11-02".into(),
            ..Default::default()
        };
        for c in &grid.criteria.criteria {
            input
                .scores
                .insert(c.code.clone(), ("compliant".into(), String::new()));
        }
        quality.conduct(&actor, visit, &input).await.unwrap();
        let action = quality
            .open_action(
                &actor,
                visit,
                &jisr_store::quality::ActionInput {
                    criterion: "p.1".into(),
                    what: "Aérer les dortoirs".into(),
                    party: "establishment".into(),
                    due_on: "2099-01-31".into(),
                    priority: "normal".into(),
                },
            )
            .await
            .unwrap();
        quality
            .answer(
                &actor,
                &files,
                action,
                "Fait",
                vec![jisr_store::documents::Upload {
                    requirement: "evidence".into(),
                    file_name: "preuve.pdf".into(),
                    bytes: format!("%PDF-1.4 preuve {id}").into_bytes(),
                }],
                1 << 20,
            )
            .await
            .unwrap();
    }
    // Complaints 1 (Rehamna, about establishment 1) and 2 (Casablanca, about
    // establishment 2), each with one piece of evidence (documents 17 and 18).
    for (key, establishment) in [("complaint-1", "1"), ("complaint-2", "2")] {
        jisr_store::grievances::file(
            store,
            &actor,
            &files,
            "2026-11/test",
            &jisr_store::grievances::GrievanceInput {
                submission_key: key.into(),
                category: "care_quality".into(),
                establishment: establishment.into(),
                name: "Fatima Alaoui".into(),
                phone: "0612345678".into(),
                answer_by: "sms".into(),
                facts: "Les repas ne sont pas servis à l'heure.".into(),
                consent: true,
                locale: "fr".into(),
                ..Default::default()
            },
            vec![jisr_store::authorisation::Upload {
                requirement: "evidence_1".into(),
                file_name: "photo.pdf".into(),
                bytes: format!("%PDF-1.4 photo {key}").into_bytes(),
            }],
            1 << 20,
        )
        .await
        .unwrap();
    }
    // National administrators must use a second factor: enrol the test one.
    let admin = accounts::find_user(store.conn(), "national_administrator")
        .await
        .unwrap();
    let secret = jisr_store::sessions::totp_secret_for_enrolment(store, admin.id, &actor)
        .await
        .unwrap();
    let key = jisr_domain::totp::base32_decode(&secret).unwrap();
    let code = jisr_domain::totp::code_at(&key, chrono::Utc::now().timestamp());
    assert!(
        jisr_store::sessions::confirm_totp(store, admin.id, &code, &actor, chrono::Utc::now())
            .await
            .unwrap()
    );
    // Questionnaire version 1; consultation 1 reaches establishment 1 in Rehamna (target
    // 1), consultation 2 establishment 2 in Casablanca (target 2).
    let consultations = jisr_store::partners::Scoped::unscoped_for_system_jobs(store);
    let form: jisr_domain::partners::questionnaire::Questionnaire = serde_json::from_value(serde_json::json!({
        "title": {"ar": "صعوبات", "fr": "Difficultés"},
        "sections": [{"name": "main", "label": {"ar": "", "fr": ""}, "questions": [
            {"name": "difficulty", "label": {"ar": "صعوبات؟", "fr": "Des difficultés ?"},
             "kind": {"type": "single", "list": "yes_no"}, "required": true},
            {"name": "staff_missing", "label": {"ar": "عدد", "fr": "Postes manquants"},
             "kind": {"type": "number", "integer": true, "min": 0.0, "max": 50.0}, "required": false,
             "show_if": {"op": "equals", "question": "difficulty", "value": "yes"}}
        ]}],
        "lists": {"yes_no": [{"name": "yes", "label": {"ar": "نعم", "fr": "Oui"}},
                             {"name": "no", "label": {"ar": "لا", "fr": "Non"}}]}
    }))
    .unwrap();
    let version = consultations
        .save_version(&actor, "difficulties", "1", &form, "builtin")
        .await
        .unwrap();
    let today = jisr_domain::time::today();
    for territory in ["07.427", "06.141"] {
        consultations
            .launch(
                &actor,
                &jisr_store::partners::LaunchInput {
                    version: version.to_string(),
                    title_ar: "صعوبات المؤسسات".into(),
                    title_fr: "Difficultés des établissements".into(),
                    categories: vec!["schooled_children".into()],
                    territories: vec![territory.into()],
                    opens_on: today.to_string(),
                    closes_on: (today + chrono::Days::new(30)).to_string(),
                    illustrative: false,
                },
            )
            .await
            .unwrap();
    }
    // Meeting 1 in Rehamna, meeting 2 in Casablanca, each with one invitee and one
    // follow-up action (ids 1 and 2).
    let meetings = jisr_store::partners_meetings::Scoped::unscoped_for_system_jobs(store);
    for province in ["07.427", "06.141"] {
        let id = meetings
            .create(
                &actor,
                province,
                &jisr_domain::partners::meetings::MeetingInput {
                    title: "Réunion des partenaires".into(),
                    kind: "partners_meeting".into(),
                    held_on: "2026-12-10".into(),
                    place: "Délégation".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        meetings
            .invite(
                &actor,
                id,
                &jisr_domain::partners::meetings::InviteeInput {
                    organisation: "Commune".into(),
                    contact: "0612345678".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        meetings
            .add_action(
                &actor,
                id,
                &jisr_domain::partners::meetings::ActionInput {
                    description: "Envoyer la liste".into(),
                    owner: "Délégation".into(),
                    due_on: "2026-12-20".into(),
                },
            )
            .await
            .unwrap();
    }
    // Announcement 1 to Rehamna's partners, 2 to Casablanca's (drafts), 3 public news of
    // the whole country, published.
    {
        use jisr_domain::announcements::AnnouncementInput;
        let ann = jisr_store::announcements::Scoped::unscoped_for_system_jobs(store);
        for (audience, territory) in [
            ("partners", "07.427"),
            ("partners", "06.141"),
            ("public", ""),
        ] {
            let id = ann
                .create(
                    &actor,
                    &AnnouncementInput {
                        audience: audience.into(),
                        title_ar: "إعلان".into(),
                        title_fr: "Annonce".into(),
                        body_ar: "نص".into(),
                        body_fr: "Texte".into(),
                        territories: vec![territory.into()],
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
            if audience == "public" {
                ann.publish(&actor, id).await.unwrap();
            }
        }
    }
    // Staff survey 1 reaches staff member 1 in Rehamna, survey 2 staff member 2 in
    // Casablanca (questionnaire version 1).
    let surveys = jisr_store::partners_surveys::Scoped::unscoped_for_system_jobs(store);
    for territory in ["07.427", "06.141"] {
        surveys
            .launch(
                &actor,
                &jisr_store::partners_surveys::SurveyInput {
                    version: version.to_string(),
                    title_ar: "ظروف العمل".into(),
                    title_fr: "Conditions de travail".into(),
                    territories: vec![territory.into()],
                    opens_on: today.to_string(),
                    closes_on: (today + chrono::Days::new(30)).to_string(),
                    illustrative: false,
                },
            )
            .await
            .unwrap();
    }
    // Grant call 1 in Rehamna (committee: the programme owner, the regional coordinator
    // and the provincial officer) with application 1 of establishment 1: accepted,
    // signed, tranche 1 paid, interim report 1 submitted. Call 2 in Casablanca, without
    // members, with application 2 of establishment 2, filed.
    {
        use jisr_store::grants::{ApplicationInput, CallInput, Decision, Scoped};
        let owner = Scoped::new(store, &[(Role::ProgrammeOwner, Scope::National)]);
        let today = jisr_domain::time::today();
        for province in ["07.427", "06.141"] {
            let call = owner
                .create_call(
                    &actor,
                    &CallInput {
                        fund: "FAS".into(),
                        title_ar: "دعم".into(),
                        title_fr: "Soutien".into(),
                        provinces: province.into(),
                        envelope: "500000".into(),
                        max_per_project: "200000".into(),
                        cofinancing_pct: "10".into(),
                        opens_on: (today - chrono::Days::new(5)).to_string(),
                        closes_on: (today + chrono::Days::new(30)).to_string(),
                        decision_on: (today + chrono::Days::new(60)).to_string(),
                        documents: "statutes".into(),
                        criteria: "relevance | 100 | ملاءمة | Pertinence".into(),
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
            owner.publish_call(&actor, call).await.unwrap();
        }
        let mut members = Vec::new();
        for name in [
            "programme_owner",
            "regional_coordinator",
            "provincial_officer",
        ] {
            let id = accounts::find_user(store.conn(), name).await.unwrap().id;
            owner.add_member(&actor, 1, id).await.unwrap();
            members.push(id);
        }
        for (call, establishment) in [(1, 1), (2, 2)] {
            let manager = Scoped::new(
                store,
                &[(
                    Role::EstablishmentManager,
                    Scope::Establishment(establishment),
                )],
            );
            let id = manager
                .save_draft(
                    &actor,
                    call,
                    establishment,
                    None,
                    &ApplicationInput {
                        project_title: "Atelier".into(),
                        objectives: "Accueillir".into(),
                        duration_months: "12".into(),
                        budget: "200000".into(),
                        requested: "150000".into(),
                        documents: "statutes".into(),
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
            manager.file(&actor, id).await.unwrap();
            if id == 1 {
                owner
                    .score(&actor, 1, members[0], &[("relevance".into(), 8)], "")
                    .await
                    .unwrap();
                owner
                    .decide(&actor, 1, &Decision::Accept(150_000))
                    .await
                    .unwrap();
                owner
                    .sign_convention(&actor, 1, &today.to_string())
                    .await
                    .unwrap();
                let first = owner.tranches(1, 0).await.unwrap()[0].id;
                owner.release_tranche(&actor, first, "OP-1").await.unwrap();
                manager
                    .submit_report(&actor, 1, "interim", "Activités", "Dépenses")
                    .await
                    .unwrap();
            }
        }
    }
    // Annual report 1 (establishment 1, Rehamna) and 2 (establishment 2, Casablanca):
    // drafts of the latest due year, pre-filled from the register.
    let reports = jisr_store::annual_reports::Scoped::unscoped_for_system_jobs(store);
    let year = jisr_domain::annual_reports::latest_year(jisr_domain::time::today());
    for establishment in [1, 2] {
        reports
            .start(&actor, Some(establishment), Some(year))
            .await
            .unwrap();
    }
    // Documents 1001 and 1002: the statutes given with grant applications 1 and 2 (ids
    // set apart from the other fixtures' documents).
    {
        use jisr_store::entity::document;
        use sea_orm::{ActiveValue::Set, EntityTrait};
        for application in [1i64, 2] {
            let bytes = format!("%PDF-1.4 statuts {application}").into_bytes();
            let sha = files.put(&bytes).await.unwrap();
            document::Entity::insert(document::ActiveModel {
                id: Set(1000 + application),
                owner_kind: Set(jisr_store::grants::OWNER_KIND.into()),
                owner_id: Set(application),
                requirement_code: Set(Some("statutes".into())),
                file_name: Set("statuts.pdf".into()),
                content_type: Set("application/pdf".into()),
                size_bytes: Set(bytes.len() as i64),
                sha256: Set(sha),
                uploaded_by: Set("system:test".into()),
                uploaded_at: Set("2026-01-05T10:00:00.000000Z".into()),
            })
            .exec(store.conn())
            .await
            .unwrap();
        }
    }
    router(AppState::new(
        store.clone(),
        Catalog::load().unwrap(),
        WebConfig::default(),
    ))
}

/// The current one-time code of an account. Tests sign in many times a minute, so the
/// replay guard is reset behind the application's back first.
async fn current_code(store: &Store, username: &str) -> String {
    use sea_orm::ConnectionTrait;
    store
        .conn()
        .execute_unprepared(&format!(
            "UPDATE users SET totp_last_step = NULL WHERE username = '{username}'"
        ))
        .await
        .unwrap();
    let u = accounts::find_user(store.conn(), username).await.unwrap();
    let key = jisr_domain::totp::base32_decode(&u.totp_secret.unwrap()).unwrap();
    jisr_domain::totp::code_at(&key, chrono::Utc::now().timestamp())
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    /// Whether the answer sets or clears the session cookie.
    fn sets_session(&self) -> bool {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|v| v.to_str().is_ok_and(|c| c.starts_with("jisr_session=")))
    }

    fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The session token the response set, if any.
    fn session(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .find_map(|v| {
                let v = v.to_str().ok()?;
                let token = v.strip_prefix("jisr_session=")?.split(';').next()?;
                (!token.is_empty()).then(|| token.to_owned())
            })
    }
}

async fn send(
    app: &axum::Router,
    method: Method,
    uri: &str,
    cookie: Option<&str>,
    form: Option<&str>,
    headers: &[(&str, &str)],
) -> Reply {
    let mut req = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, "jisr.test");
    if let Some(token) = cookie {
        req = req.header(
            header::COOKIE,
            format!("jisr_session={token}; jisr_lang={}", lang()),
        );
    } else {
        req = req.header(header::COOKIE, format!("jisr_lang={}", lang()));
    }
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let body = match form {
        Some(f) => {
            req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(f.to_owned())
        }
        None => Body::empty(),
    };
    let res = app.clone().oneshot(req.body(body).unwrap()).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

const SAME_ORIGIN: &[(&str, &str)] = &[("sec-fetch-site", "same-origin")];

const MANDATORY: [&str; 5] = [
    "application",
    "statutes",
    "registration_receipt",
    "internal_rules",
    "premises",
];

/// Posts files as a browser's multipart form does: `(field, file name, bytes)`.
async fn send_files(
    app: &axum::Router,
    uri: &str,
    cookie: &str,
    files: &[(&str, &str, &[u8])],
) -> Reply {
    let parts: Vec<(&str, Option<&str>, &[u8])> =
        files.iter().map(|(f, n, b)| (*f, Some(*n), *b)).collect();
    send_files_with(app, uri, cookie, &parts).await
}

async fn sign_in(app: &axum::Router, user: &str, password: &str) -> Reply {
    let form = format!(
        "username={user}&password={}&next=%2F",
        password.replace(' ', "+")
    );
    send(app, Method::POST, "/login", None, Some(&form), SAME_ORIGIN).await
}

async fn token_for(app: &axum::Router, user: &str) -> String {
    let r = sign_in(app, user, PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{user}: {}", r.body);
    let token = r.session().expect("session cookie");
    if r.location() == "/login/totp" {
        let store = STORE
            .with(|s| s.borrow().clone())
            .expect("store set by app()");
        let code = current_code(&store, user).await;
        let done = send(
            app,
            Method::POST,
            "/login/totp",
            Some(&token),
            Some(&format!("code={code}")),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(
            (done.status, done.location()),
            (StatusCode::SEE_OTHER, "/dashboard"),
            "{}",
            done.body
        );
        // The second factor gives a new session token; the first one opens nothing more.
        let fresh = done
            .session()
            .expect("a new session token after the second factor");
        assert_ne!(fresh, token);
        let stale = send(app, Method::GET, "/dashboard", Some(&token), None, &[]).await;
        assert!(stale.location().starts_with("/login"), "{}", stale.status);
        return fresh;
    }
    token
}

thread_local! {
    // The language of the requests of the test running on this thread.
    static LANG: std::cell::Cell<&'static str> = const { std::cell::Cell::new("fr") };
}

fn lang() -> &'static str {
    LANG.with(|l| l.get())
}

fn set_lang(tag: &'static str) {
    LANG.with(|l| l.set(tag));
}

thread_local! {
    // The store of the test running on this thread, for signing in with a second factor.
    static STORE: std::cell::RefCell<Option<Store>> = const { std::cell::RefCell::new(None) };
}

#[tokio::test]
async fn a_person_signs_in_sees_their_role_and_signs_out() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let r = sign_in(&app, "provincial_officer", PASSWORD).await;
        assert_eq!(
            (r.status, r.location()),
            (StatusCode::SEE_OTHER, "/dashboard")
        );
        let cookie = r.headers[header::SET_COOKIE].to_str().unwrap();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        let token = r.session().unwrap();

        let dash = send(&app, Method::GET, "/dashboard", Some(&token), None, &[]).await;
        assert_eq!(dash.status, StatusCode::OK);
        assert!(
            dash.body
                .contains("Cadre de délégation provinciale · Province 07.427"),
            "{}",
            dash.body
        );

        let out = send(
            &app,
            Method::POST,
            "/logout",
            Some(&token),
            None,
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        // The session is gone on the server, not just in the browser.
        let again = send(&app, Method::GET, "/dashboard", Some(&token), None, &[]).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        assert!(
            again.location().starts_with("/login?next=/dashboard"),
            "{}",
            again.location()
        );
    })
    .await;
}

#[tokio::test]
async fn unknown_user_and_wrong_password_get_the_same_answer() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let wrong = sign_in(&app, "auditor", "not the password at all").await;
        let unknown = sign_in(&app, "nobody", "not the password at all").await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(unknown.status, wrong.status);
        assert!(
            wrong
                .body
                .contains("Nom d&#39;utilisateur ou mot de passe incorrect.")
        );
        assert!(
            unknown
                .body
                .contains("Nom d&#39;utilisateur ou mot de passe incorrect.")
        );
        assert!(wrong.session().is_none() && unknown.session().is_none());
        // What was typed in the username field is kept; the password never is.
        assert!(wrong.body.contains(r#"value="auditor""#));
        assert!(!wrong.body.contains("not the password"));
    })
    .await;
}

#[tokio::test]
async fn repeated_failures_lock_the_account_even_for_the_right_password() {
    each_backend(|store| async move {
        let app = app(&store).await;
        for _ in 0..5 {
            let r = sign_in(&app, "inspector", "wrong password here").await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        }
        let locked = sign_in(&app, "inspector", PASSWORD).await;
        assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(locked.body.contains("Trop de tentatives"));
        assert!(locked.session().is_none());
        // Another account is not affected.
        assert_eq!(
            sign_in(&app, "auditor", PASSWORD).await.status,
            StatusCode::SEE_OTHER
        );
    })
    .await;
}

#[tokio::test]
async fn signing_in_never_keeps_a_planted_session() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let planted = token_for(&app, "auditor").await;
        let form = format!("username=inspector&password={}", PASSWORD.replace(' ', "+"));
        let r = send(
            &app,
            Method::POST,
            "/login",
            Some(&planted),
            Some(&form),
            SAME_ORIGIN,
        )
        .await;
        let fresh = r.session().unwrap();
        assert_ne!(fresh, planted);
        let old = send(&app, Method::GET, "/dashboard", Some(&planted), None, &[]).await;
        assert_eq!(
            old.status,
            StatusCode::SEE_OTHER,
            "the planted session is ended"
        );
        let new = send(&app, Method::GET, "/dashboard", Some(&fresh), None, &[]).await;
        assert!(new.body.contains("Inspecteur"));
    })
    .await;
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let token = token_for(&app, "auditor").await;
        for headers in [
            vec![("sec-fetch-site", "cross-site")],
            vec![("origin", "https://evil.example")],
            vec![],
        ] {
            let r = send(&app, Method::POST, "/logout", Some(&token), None, &headers).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{headers:?}");
            assert!(
                r.body.contains("provient d&#39;un autre site"),
                "{headers:?}"
            );
        }
        // The session survived every refused attempt.
        let dash = send(&app, Method::GET, "/dashboard", Some(&token), None, &[]).await;
        assert_eq!(dash.status, StatusCode::OK);
        let same_host = send(
            &app,
            Method::POST,
            "/logout",
            Some(&token),
            None,
            &[("origin", "http://jisr.test")],
        )
        .await;
        assert_eq!(same_host.status, StatusCode::SEE_OTHER);
    })
    .await;
}

#[tokio::test]
async fn an_account_made_by_an_administrator_must_change_its_password_first() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let actor = Actor::system("test");
        let pw = Password::parse("temporary password 1").unwrap();
        let id = accounts::create_user(&store, &actor, "newcomer", "Newcomer", &pw, true)
            .await
            .unwrap();
        accounts::grant_role(&store, &actor, id, Role::Auditor, &Scope::National)
            .await
            .unwrap();
        let r = sign_in(&app, "newcomer", "temporary password 1").await;
        assert_eq!(r.location(), "/account/password");
        let token = r.session().unwrap();
        let blocked = send(&app, Method::GET, "/audit", Some(&token), None, &[]).await;
        assert_eq!(
            (blocked.status, blocked.location()),
            (StatusCode::SEE_OTHER, "/account/password")
        );

        let bad = send(
            &app,
            Method::POST,
            "/account/password",
            Some(&token),
            Some("current=temporary+password+1&new=short&confirm=other"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("au moins douze caractères")
                && bad.body.contains("ne correspondent pas")
        );
        let wrong = send(
            &app,
            Method::POST,
            "/account/password",
            Some(&token),
            Some("current=guess+guess+guess&new=a+brand+new+secret&confirm=a+brand+new+secret"),
            SAME_ORIGIN,
        )
        .await;
        assert!(wrong.body.contains("Le mot de passe actuel est incorrect."));
        let ok = send(
            &app,
            Method::POST,
            "/account/password",
            Some(&token),
            Some("current=temporary+password+1&new=a+brand+new+secret&confirm=a+brand+new+secret"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        // A new session token with the new password; the old one opens nothing more.
        let fresh = ok.session().expect("a new session token");
        let stale = send(&app, Method::GET, "/audit", Some(&token), None, &[]).await;
        assert!(stale.location().starts_with("/login"));
        let now = send(&app, Method::GET, "/audit", Some(&fresh), None, &[]).await;
        assert_eq!(now.status, StatusCode::OK);
        assert_eq!(
            sign_in(&app, "newcomer", "a brand new secret").await.status,
            StatusCode::SEE_OTHER
        );
    })
    .await;
}

#[tokio::test]
async fn the_auditor_searches_the_trail_and_verifies_it() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let token = token_for(&app, "auditor").await;
        let page = send(
            &app,
            Method::GET,
            "/audit?action=grant",
            Some(&token),
            None,
            &[],
        )
        .await;
        assert_eq!(page.status, StatusCode::OK);
        // Eight roles granted to the fixture's people, three committee members named on
        // grant call 1.
        assert_eq!(
            page.body.matches("<td>Habilitation accordée</td>").count(),
            11
        );
        let v = send(
            &app,
            Method::POST,
            "/audit/verify",
            Some(&token),
            None,
            SAME_ORIGIN,
        )
        .await;
        assert!(v.body.contains("La chaîne est intacte"), "{}", v.body);
        assert!(
            v.body.contains("Aucun point de contrôle signé"),
            "{}",
            v.body
        );

        // A signed checkpoint: the page names it, verification checks the trail against it.
        let key = jisr_domain::audit::checkpoint::SigningKey::from_bytes(&[3; 32]);
        let (c, _) = jisr_store::audit::checkpoint::take(
            &store,
            &jisr_store::audit::Actor::system("test"),
            &key,
        )
        .await
        .unwrap();
        let verify = || {
            send(
                &app,
                Method::POST,
                "/audit/verify",
                Some(&token),
                None,
                SAME_ORIGIN,
            )
        };
        let v = verify().await;
        assert!(
            v.body
                .contains("Dernier point de contrôle signé\u{a0}: n° 1")
                && v.body.contains("elle contient le point de contrôle n° 1"),
            "{}",
            v.body
        );
        // The newest entries deleted behind the application's back.
        jisr_store::testing::behind_the_back(
            &store,
            &[format!(
                "DELETE FROM audit_log WHERE id > {}",
                c.checkpoint.entries - 2
            )],
        )
        .await;
        let v = verify().await;
        assert!(
            v.body
                .contains("les 2 entrées les plus récentes ont été supprimées"),
            "{}",
            v.body
        );
        let officer = token_for(&app, "provincial_officer").await;
        let denied = send(&app, Method::GET, "/audit", Some(&officer), None, &[]).await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN);
    })
    .await;
}

/// Every declared route, for anonymous visitors and each role: public routes answer,
/// signed-in routes send anonymous visitors to the sign-in form (or 401 under /api),
/// role-restricted routes refuse other roles with 403.
/// An allowed route refusing what it was sent (the matrix sends no fields): a form's
/// validation errors (422), or an API operation refusing its body or parameters
/// (400, 409, 415, 422) — never a refusal of access.
fn refused_input(route: &jisr_web::auth::RouteInfo, status: StatusCode) -> bool {
    status == StatusCode::UNPROCESSABLE_ENTITY
        || (route.path.starts_with("/api/")
            && matches!(
                status,
                StatusCode::BAD_REQUEST | StatusCode::CONFLICT | StatusCode::UNSUPPORTED_MEDIA_TYPE
            ))
}

#[tokio::test]
async fn permission_matrix_over_every_declared_route() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let table = route_table();
        assert!(table.len() >= 20, "the route table lists every route");
        let mut who: Vec<(Option<Role>, Option<&str>, Option<String>)> = vec![(None, None, None)];
        for (name, role, _) in people() {
            who.push((Some(role), Some(name), Some(token_for(&app, name).await)));
        }
        for route in &table {
            for entry in who.iter_mut() {
                let (role, name, token) = entry.clone();
                let (role, name) = (&role, &name);
                let headers: &[(&str, &str)] = if route.method == Method::GET {
                    &[]
                } else {
                    SAME_ORIGIN
                };
                let form = (route.method != Method::GET).then_some("");
                let r = send(
                    &app,
                    route.method.clone(),
                    route.example,
                    token.as_deref(),
                    form,
                    headers,
                )
                .await;
                // A state-changing route may end or replace the session (sign-in,
                // sign-out, password): sign in again only then, once per role otherwise.
                if let Some(name) = name.filter(|_| route.method != Method::GET && r.sets_session())
                {
                    entry.2 = Some(token_for(&app, name).await);
                }
                let label = format!("{} {} as {role:?}", route.method, route.example);
                match (route.policy, role) {
                    (Policy::Public, _) => assert!(
                        !matches!(r.status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN)
                            && !r.location().starts_with("/login?next="),
                        "{label}: {}",
                        r.status
                    ),
                    (_, None) if route.path.starts_with("/api/") => {
                        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{label}")
                    }
                    (_, None) => assert!(
                        r.status == StatusCode::SEE_OTHER && r.location().starts_with("/login"),
                        "{label}: {}",
                        r.status
                    ),
                    (Policy::SignedIn, Some(_)) => assert!(
                        r.status.is_success() || refused_input(route, r.status),
                        "{label}: {}",
                        r.status
                    ),
                    // Allowed: the page answers (an empty form gets its validation errors;
                    // an action needing no fields is done and goes back to its record).
                    (Policy::Can(capability), Some(role)) if role.can(capability) => assert!(
                        r.status.is_success()
                            || refused_input(route, r.status)
                            || (r.status == StatusCode::SEE_OTHER
                                && !r.location().starts_with("/login")),
                        "{label}: {}",
                        r.status
                    ),
                    (Policy::Can(_), Some(_)) => {
                        assert_eq!(r.status, StatusCode::FORBIDDEN, "{label}")
                    }
                }
                // A record outside a provincial or regional scope does not exist for them.
                if let (Some(out), Some(role)) = (route.out_of_scope, role) {
                    let allowed = match route.policy {
                        Policy::Can(capability) => role.can(capability),
                        _ => true,
                    };
                    let national = people()
                        .iter()
                        .any(|(_, r, s)| r == role && *s == Scope::National);
                    if allowed && !national {
                        let token = entry.2.clone();
                        let r = send(
                            &app,
                            route.method.clone(),
                            out,
                            token.as_deref(),
                            form,
                            headers,
                        )
                        .await;
                        if let Some(name) =
                            name.filter(|_| route.method != Method::GET && r.sets_session())
                        {
                            entry.2 = Some(token_for(&app, name).await);
                        }
                        assert_eq!(
                            r.status,
                            StatusCode::NOT_FOUND,
                            "{} {out} as {role:?}",
                            route.method
                        );
                    }
                }
            }
        }
    })
    .await;
}

#[tokio::test]
async fn api_tokens_act_as_their_user_until_revoked() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let officer = accounts::find_user(store.conn(), "provincial_officer")
            .await
            .unwrap();
        let admin = Actor::system("test");
        let (id, token) = jisr_store::tokens::create(&store, &admin, officer.id, "sync")
            .await
            .unwrap();
        let bearer = format!("Bearer {token}");

        let me = send(
            &app,
            Method::GET,
            "/api/v1/me",
            None,
            None,
            &[("authorization", &bearer)],
        )
        .await;
        assert_eq!(me.status, StatusCode::OK, "{}", me.body);
        let v: serde_json::Value = serde_json::from_str(&me.body).unwrap();
        assert_eq!(v["username"], "provincial_officer");
        assert_eq!(v["grants"][0]["role"], "provincial_officer");
        assert_eq!(v["grants"][0]["scope_code"], "07.427");

        let anonymous = send(&app, Method::GET, "/api/v1/me", None, None, &[]).await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
        assert_eq!(anonymous.headers[header::WWW_AUTHENTICATE], "Bearer");
        let forged = send(
            &app,
            Method::GET,
            "/api/v1/me",
            None,
            None,
            &[("authorization", "Bearer jisr_0000")],
        )
        .await;
        assert_eq!(forged.status, StatusCode::UNAUTHORIZED);

        jisr_store::tokens::revoke(&store, &admin, id)
            .await
            .unwrap();
        let revoked = send(
            &app,
            Method::GET,
            "/api/v1/me",
            None,
            None,
            &[("authorization", &bearer)],
        )
        .await;
        assert_eq!(revoked.status, StatusCode::UNAUTHORIZED);
        let v: serde_json::Value = serde_json::from_str(&revoked.body).unwrap();
        assert_eq!(v["code"], "unauthorized");
        // Only the hash is stored.
        let stored = jisr_store::tokens::list(&store).await.unwrap();
        assert!(
            stored
                .iter()
                .all(|t| t.token_hash != token && !t.token_hash.starts_with("jisr_"))
        );
    })
    .await;
}

#[tokio::test]
async fn a_regional_coordinator_manages_accounts_of_the_region_only() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let token = token_for(&app, "regional_coordinator").await;
        let list = send(&app, Method::GET, "/admin/users", Some(&token), None, &[]).await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains(">social_worker<") && list.body.contains(">provincial_officer<"));
        assert!(!list.body.contains(">national_administrator<") && !list.body.contains(">auditor<"), "national accounts are out of scope");

        // Bad input: every error at its field, what was typed kept.
        let bad = send(&app, Method::POST, "/admin/users", Some(&token),
            Some("username=No+Spaces+Allowed&display_name=&role=national_administrator&scope=national"), SAME_ORIGIN).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains(r#"value="No Spaces Allowed""#));
        assert!(bad.body.contains("Le nom d&#39;utilisateur compte de 3 à 64 caractères"));
        assert!(bad.body.contains("Saisissez le nom complet."));
        assert!(bad.body.contains("Vous ne pouvez pas accorder ce rôle sur ce périmètre."));
        let casablanca = send(&app, Method::POST, "/admin/users", Some(&token),
            Some("username=officer.casa&display_name=Officer&role=provincial_officer&scope=province%3A06.141"), SAME_ORIGIN).await;
        assert_eq!(casablanca.status, StatusCode::UNPROCESSABLE_ENTITY, "outside the region");

        let ok = send(&app, Method::POST, "/admin/users", Some(&token),
            Some("username=officer.safi2&display_name=Hanane+Tazi&role=provincial_officer&scope=province%3A07.431"), SAME_ORIGIN).await;
        assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
        let password = ok.body.split(r#"<code dir="ltr" class="secret">"#).nth(1).unwrap().split('<').next().unwrap().to_owned();
        assert_eq!(password.len(), 16);
        let taken = send(&app, Method::POST, "/admin/users", Some(&token),
            Some("username=officer.safi2&display_name=Again&role=provincial_officer&scope=province%3A07.431"), SAME_ORIGIN).await;
        assert!(taken.body.contains("Ce nom d&#39;utilisateur est déjà pris."));

        // The new account signs in and must change its password first.
        let first = sign_in(&app, "officer.safi2", &password).await;
        assert_eq!(first.location(), "/account/password");

        // The national administrator's account does not exist for the coordinator.
        let new_id = accounts::find_user(store.conn(), "officer.safi2").await.unwrap().id;
        let opened = send(&app, Method::GET, &format!("/admin/users/{new_id}"), Some(&token), None, &[]).await;
        assert_eq!(opened.status, StatusCode::OK);
        let reads = jisr_store::audit::search(&store, &jisr_store::audit::Search {
            action: Some("read".into()), entity: Some("user".into()), entity_id: Some(new_id.to_string()), ..Default::default()
        }, 10).await.unwrap();
        assert_eq!(reads.len(), 1, "opening an account is traced");
        assert_eq!(reads[0].actor, format!("user:{}", accounts::find_user(store.conn(), "regional_coordinator").await.unwrap().id));
        let hidden = send(&app, Method::GET, "/admin/users/1", Some(&token), None, &[]).await;
        assert_eq!(hidden.status, StatusCode::NOT_FOUND);
        // A provincial officer of Rehamna does not see Safi's new officer either.
        let rehamna = token_for(&app, "provincial_officer").await;
        let safi_list = send(&app, Method::GET, "/admin/users", Some(&rehamna), None, &[]).await;
        assert!(!safi_list.body.contains("officer.safi2"));
        let other = send(&app, Method::GET, &format!("/admin/users/{new_id}"), Some(&rehamna), None, &[]).await;
        assert_eq!(other.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn national_administrators_need_a_second_factor() {
    each_backend(|store| async move {
        let app = app(&store).await;
        // The enrolled administrator: password, then a code; a wrong or replayed code fails.
        let r = sign_in(&app, "national_administrator", PASSWORD).await;
        assert_eq!(r.location(), "/login/totp");
        let pending = r.session().unwrap();
        let blocked = send(&app, Method::GET, "/dashboard", Some(&pending), None, &[]).await;
        assert_eq!(
            blocked.location(),
            "/login/totp",
            "nothing else before the code"
        );
        let wrong = send(
            &app,
            Method::POST,
            "/login/totp",
            Some(&pending),
            Some("code=000000"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.body.contains("Le code est incorrect ou a expiré."));
        let code = current_code(&store, "national_administrator").await;
        let ok = send(
            &app,
            Method::POST,
            "/login/totp",
            Some(&pending),
            Some(&format!("code={code}")),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(ok.location(), "/dashboard");
        let again = sign_in(&app, "national_administrator", PASSWORD)
            .await
            .session()
            .unwrap();
        let replay = send(
            &app,
            Method::POST,
            "/login/totp",
            Some(&again),
            Some(&format!("code={code}")),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(
            replay.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a code is used once"
        );

        // A new national administrator is sent to enrolment until a code confirms it.
        let actor = Actor::system("test");
        let pw = Password::parse(PASSWORD).unwrap();
        let id = accounts::create_user(&store, &actor, "admin2", "Admin Two", &pw, false)
            .await
            .unwrap();
        accounts::grant_role(
            &store,
            &actor,
            id,
            Role::NationalAdministrator,
            &Scope::National,
        )
        .await
        .unwrap();
        let token = sign_in(&app, "admin2", PASSWORD).await.session().unwrap();
        let forced = send(&app, Method::GET, "/admin/users", Some(&token), None, &[]).await;
        assert_eq!(forced.location(), "/account/totp");
        let page = send(&app, Method::GET, "/account/totp", Some(&token), None, &[]).await;
        let secret = page
            .body
            .split(r#"<code dir="ltr" class="secret">"#)
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_owned();
        assert!(page.body.contains("otpauth://totp/"));
        let bad = send(
            &app,
            Method::POST,
            "/account/totp",
            Some(&token),
            Some("code=123"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let key = jisr_domain::totp::base32_decode(&secret).unwrap();
        let code = jisr_domain::totp::code_at(&key, chrono::Utc::now().timestamp());
        let done = send(
            &app,
            Method::POST,
            "/account/totp",
            Some(&token),
            Some(&format!("code={code}")),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(done.location(), "/dashboard");
        let now = send(&app, Method::GET, "/admin/users", Some(&token), None, &[]).await;
        assert_eq!(now.status, StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn establishments_live_in_their_province_and_follow_their_life_cycle() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let officer = token_for(&app, "provincial_officer").await;
        let list = send(&app, Method::GET, "/establishments", Some(&officer), None, &[]).await;
        assert!(list.body.contains("Dar Taliba Ben Guerir") && !list.body.contains("Dar Talib Anfa"));
        assert_eq!(send(&app, Method::GET, "/establishments/2", Some(&officer), None, &[]).await.status, StatusCode::NOT_FOUND);
        let foreign = send(&app, Method::POST, "/establishments/2/status", Some(&officer), Some("to=requested&reason=x"), SAME_ORIGIN).await;
        assert_eq!(foreign.status, StatusCode::NOT_FOUND, "no change out of scope");

        // Bad input: errors at their fields, what was typed kept, nothing saved.
        let bad = send(&app, Method::POST, "/establishments", Some(&officer),
            Some("name_ar=&name_fr=Centre+Safi&category=elderly&commune=07.431.01.03&capacity_male=-3&capacity_female=10"), SAME_ORIGIN).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("La capacité est un nombre entier de 0 à 2000."));
        assert!(bad.body.contains(r#"value="Centre Safi""#));
        let safi = send(&app, Method::POST, "/establishments", Some(&officer),
            Some("name_fr=Centre+Safi&category=elderly&commune=07.431.01.03&capacity_male=3&capacity_female=10"), SAME_ORIGIN).await;
        assert!(safi.body.contains("Cette commune est hors de votre périmètre."), "{}", safi.status);
        let unknown = send(&app, Method::POST, "/establishments", Some(&officer),
            Some("name_fr=X&category=elderly&commune=07.427.99.99&capacity_male=3&capacity_female=10"), SAME_ORIGIN).await;
        assert!(unknown.body.contains("Ce code de commune n&#39;existe pas."));
        let made = send(&app, Method::POST, "/establishments", Some(&officer),
            Some("name_fr=Maison+des+seniors&category=elderly&commune=07.427.01.01&capacity_male=12&capacity_female=14"), SAME_ORIGIN).await;
        assert_eq!(made.status, StatusCode::SEE_OTHER);
        let id = made.location().rsplit('/').next().unwrap().to_owned();
        let path = format!("/establishments/{id}/status");

        let step = |to: &'static str, reason: &'static str| {
            let app = app.clone();
            let officer = officer.clone();
            let path = path.clone();
            async move { send(&app, Method::POST, &path, Some(&officer), Some(&format!("to={to}&reason={reason}")), SAME_ORIGIN).await }
        };
        assert_eq!(step("authorised", "skip").await.status, StatusCode::UNPROCESSABLE_ENTITY, "no skipping");
        // Filing needs the mandatory documents; each missing one is named.
        let unfiled = step("requested", "dossier").await;
        assert_eq!(unfiled.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unfiled.body.contains("ces pièces obligatoires manquent") && unfiled.body.contains("Statuts de l&#39;association"));
        let docs = format!("/establishments/{id}/documents");
        // A forbidden file refuses the batch: nothing is attached.
        let refused = send_files(&app, &docs, &officer, &[
            ("file-application", "demande.pdf", b"%PDF-1.4 demande"),
            ("file-statutes", "statuts.exe", b"MZ\x90\x00"),
        ]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("ni une image PNG ou JPEG"));
        assert!(refused.body.contains("Aucune pièce jointe."));
        assert!(!refused.body.contains("demande.pdf"), "nothing of the batch is kept");
        let none = send_files(&app, &docs, &officer, &[("file-application", "", b"")]).await;
        assert!(none.body.contains("Choisissez au moins un fichier."));
        let files: Vec<(String, String, Vec<u8>)> = MANDATORY.iter()
            .map(|c| (format!("file-{c}"), format!("{c}.pdf"), format!("%PDF-1.4 {c} {id}").into_bytes()))
            .collect();
        let files: Vec<(&str, &str, &[u8])> = files.iter().map(|(f, n, b)| (f.as_str(), n.as_str(), b.as_slice())).collect();
        let attached = send_files(&app, &docs, &officer, &files).await;
        assert_eq!((attached.status, attached.location()), (StatusCode::SEE_OTHER, format!("/establishments/{id}?attached=1#dossier").as_str()));
        assert_eq!(step("requested", "dossier").await.status, StatusCode::SEE_OTHER);
        let receipt = send(&app, Method::GET, &format!("/establishments/{id}/receipt"), Some(&officer), None, &[]).await;
        assert_eq!(receipt.status, StatusCode::OK);
        assert!(receipt.body.contains("AUT-") && receipt.body.contains("Récépissé de dépôt") && receipt.body.contains("statutes.pdf"));
        let queue = send(&app, Method::GET, "/authorisations", Some(&officer), None, &[]).await;
        assert!(queue.body.contains("Maison des seniors") && queue.body.contains("jours restants"));
        // An officer of another province sees none of it.
        let pw = Password::parse(PASSWORD).unwrap();
        let system = Actor::system("test");
        let safi_id = accounts::create_user(&store, &system, "officer_safi", "Safi", &pw, false).await.unwrap();
        accounts::grant_role(&store, &system, safi_id, Role::ProvincialOfficer, &Scope::Province(ProvinceCode::parse("07.431").unwrap())).await.unwrap();
        let safi_officer = token_for(&app, "officer_safi").await;
        let their_queue = send(&app, Method::GET, "/authorisations", Some(&safi_officer), None, &[]).await;
        assert_eq!(their_queue.status, StatusCode::OK);
        assert!(!their_queue.body.contains("Maison des seniors"));
        for path in [format!("/establishments/{id}"), format!("/establishments/{id}/receipt"), format!("/establishments/{id}/documents/11")] {
            assert_eq!(send(&app, Method::GET, &path, Some(&safi_officer), None, &[]).await.status, StatusCode::NOT_FOUND, "{path}");
        }
        assert_eq!(send_files(&app, &docs, &safi_officer, &files).await.status, StatusCode::NOT_FOUND);
        assert_eq!(step("under_review", "instruction").await.status, StatusCode::SEE_OTHER);
        let no_reason = step("documents_missing", "").await;
        assert!(no_reason.body.contains("Le motif est obligatoire."));
        let unnamed = step("documents_missing", "plan").await;
        assert!(unnamed.body.contains("Cochez au moins une pièce"), "documents must be named");
        let ask = send(&app, Method::POST, &path, Some(&officer), Some("to=documents_missing&reason=plan&requested=premises"), SAME_ORIGIN).await;
        assert_eq!(ask.status, StatusCode::SEE_OTHER);
        let early = step("under_review", "plan+received").await;
        assert!(early.body.contains("Joignez d&#39;abord les pièces demandées") && early.body.contains("Justificatif de jouissance"));
        let plan = send_files(&app, &docs, &officer, &[("file-premises", "plan.png", b"\x89PNG\r\n\x1a\nplan")]).await;
        assert_eq!(plan.status, StatusCode::SEE_OTHER);
        assert_eq!(step("under_review", "plan+received").await.status, StatusCode::SEE_OTHER);
        let twice = step("documents_missing", "again").await;
        assert!(twice.body.contains("qu&#39;une fois"), "documents are asked for once");
        assert!(!send(&app, Method::GET, "/directory", None, None, &[]).await.body.contains("Maison des seniors"));
        assert_eq!(step("authorised", "conforme").await.status, StatusCode::SEE_OTHER);
        let page = send(&app, Method::GET, &format!("/establishments/{id}"), Some(&officer), None, &[]).await;
        assert!(page.body.contains("Pièces manquantes") && page.body.contains("Autorisé"), "timeline");

        // Its facts change, but not its authorised capacity; bad coordinates are refused.
        let edit = format!("/establishments/{id}/edit");
        let locked = send(&app, Method::POST, &edit, Some(&officer),
            Some("name_fr=Maison+des+seniors&capacity_male=40&capacity_female=14&latitude=48.85&longitude=2.35&services=Accueil+de+jour"), SAME_ORIGIN).await;
        assert_eq!(locked.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(locked.body.contains("ne change qu&#39;avec une nouvelle demande") && locked.body.contains("Des coordonnées au Maroc"));
        assert!(locked.body.contains("Accueil de jour"), "what was typed is kept");
        let edited = send(&app, Method::POST, &edit, Some(&officer),
            Some("name_fr=Maison+des+seniors&capacity_male=12&capacity_female=14&latitude=32.2333&longitude=-7.95&services=Accueil+de+jour&association=1"), SAME_ORIGIN).await;
        assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
        let page = send(&app, Method::GET, &format!("/establishments/{id}"), Some(&officer), None, &[]).await;
        assert!(page.body.contains("Accueil de jour") && page.body.contains("Association Al Amal"));

        // Authorised: care outside the premises can be declared, with a receipt.
        let decl = format!("/establishments/{id}/declarations");
        let wrong = send(&app, Method::POST, &decl, Some(&officer),
            Some("activity=Caravane+m%C3%A9dicale&commune=07.431.01.03&starts_on=2020-01-01&ends_on=2019-01-01&beneficiaries=0"), SAME_ORIGIN).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        for msg in ["hors de votre périmètre", "au plus tôt 30 jours", "Le dernier jour suit le premier", "Un nombre entier de 1 à 10"] {
            assert!(wrong.body.contains(msg), "{msg}");
        }
        assert!(wrong.body.contains("Caravane médicale"), "what was typed is kept");
        let today = jisr_domain::time::today();
        let declared = send(&app, Method::POST, &decl, Some(&officer),
            Some(&format!("activity=Caravane+m%C3%A9dicale&commune=07.427.01.01&starts_on={today}&ends_on={today}&beneficiaries=120")), SAME_ORIGIN).await;
        assert_eq!(declared.status, StatusCode::SEE_OTHER, "{}", declared.body);
        let receipt = send(&app, Method::GET, declared.location(), Some(&officer), None, &[]).await;
        assert!(receipt.body.contains("DEC-") && receipt.body.contains("Caravane médicale") && receipt.body.contains("120"));

        // Authorised: in the public directory, without signing in.
        let dir = send(&app, Method::GET, "/directory?province=07.427", None, None, &[]).await;
        assert!(dir.body.contains("Maison des seniors") && dir.body.contains("26 places"));
        // Narrowed by commune and by a service or a name; public fields only.
        let narrowed = send(&app, Method::GET, "/directory?province=07.427&commune=07.427.01.01&q=seniors", None, None, &[]).await;
        assert!(narrowed.body.contains("Maison des seniors") && !narrowed.body.contains("Dar Taliba Ben Guerir"));
        let elsewhere = send(&app, Method::GET, "/directory?province=07.427&commune=07.427.01.03", None, None, &[]).await;
        assert!(!elsewhere.body.contains("Maison des seniors"));
        let tifinagh = send(&app, Method::GET, "/lang/zgh?next=/directory", None, None, &[]).await;
        let cookie = tifinagh.headers.get(header::SET_COOKIE).unwrap().to_str().unwrap().split(';').next().unwrap().to_owned();
        let req = Request::builder().uri("/directory?province=07.427").header(header::HOST, "jisr.test").header(header::COOKIE, cookie).body(Body::empty()).unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        let body = String::from_utf8_lossy(&res.into_body().collect().await.unwrap().to_bytes()).into_owned();
        assert!(body.contains("ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵜⵙⵏⵙⵉⵡⵉⵏ") && body.contains("Maison des seniors"), "the directory in Tifinagh");
        // The establishment manager sees only their own establishment and cannot authorise.
        let manager = token_for(&app, "establishment_manager").await;
        let mine = send(&app, Method::GET, "/establishments", Some(&manager), None, &[]).await;
        assert!(mine.body.contains("Dar Taliba Ben Guerir") && !mine.body.contains("Maison des seniors"));
        let trail = jisr_store::audit::search(&store, &jisr_store::audit::Search {
            entity: Some("establishment".into()), entity_id: Some(id.clone()), ..Default::default()
        }, 50).await.unwrap();
        assert_eq!(trail.len(), 7, "creation, five changes of status and one edit, each audited");
    })
    .await;
}

#[tokio::test]
async fn the_first_administrator_changes_the_password_then_enrols_a_second_factor() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let actor = Actor::system("cli");
        let pw = Password::parse("temporary password 9").unwrap();
        accounts::create_user_with_grant(
            &store,
            &actor,
            "first",
            "First",
            &pw,
            true,
            Role::NationalAdministrator,
            &Scope::National,
        )
        .await
        .unwrap();
        let r = sign_in(&app, "first", "temporary password 9").await;
        assert_eq!(r.location(), "/account/password");
        let token = r.session().unwrap();
        let form = send(
            &app,
            Method::GET,
            "/account/password",
            Some(&token),
            None,
            &[],
        )
        .await;
        assert_eq!(
            form.status,
            StatusCode::OK,
            "the password form is reachable, no loop"
        );
        let changed = send(
            &app,
            Method::POST,
            "/account/password",
            Some(&token),
            Some("current=temporary+password+9&new=first+admin+secret&confirm=first+admin+secret"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(changed.status, StatusCode::SEE_OTHER);
        let token = changed.session().expect("a new session token");
        let next = send(&app, Method::GET, "/dashboard", Some(&token), None, &[]).await;
        assert_eq!(next.location(), "/account/totp", "then the second factor");
        let page = send(&app, Method::GET, "/account/totp", Some(&token), None, &[]).await;
        assert_eq!(
            page.status,
            StatusCode::OK,
            "the enrolment page is reachable, no loop"
        );
    })
    .await;
}

#[tokio::test]
async fn tokens_work_only_on_the_api_and_request_ids_are_made_by_the_server() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let admin = accounts::find_user(store.conn(), "auditor").await.unwrap();
        let (_, token) = jisr_store::tokens::create(&store, &Actor::system("test"), admin.id, "x")
            .await
            .unwrap();
        let bearer = format!("Bearer {token}");
        let page = send(
            &app,
            Method::GET,
            "/audit",
            None,
            None,
            &[("authorization", &bearer)],
        )
        .await;
        assert_eq!(
            page.status,
            StatusCode::SEE_OTHER,
            "a token does not open pages"
        );
        let post = send(
            &app,
            Method::POST,
            "/logout",
            None,
            None,
            &[("authorization", &bearer)],
        )
        .await;
        assert_eq!(
            post.status,
            StatusCode::FORBIDDEN,
            "nor skips the CSRF check outside /api"
        );
        let r = send(
            &app,
            Method::GET,
            "/",
            None,
            None,
            &[("x-request-id", "forged<script>")],
        )
        .await;
        let id = r.headers["x-request-id"].to_str().unwrap();
        assert_ne!(id, "forged<script>");
        assert_eq!(id.len(), 36);
        assert_eq!(r.headers[header::CACHE_CONTROL], "no-store");
    })
    .await;
}

#[tokio::test]
async fn the_establishments_api_answers_within_the_token_s_scope() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let officer = accounts::find_user(store.conn(), "provincial_officer")
            .await
            .unwrap();
        let (_, token) =
            jisr_store::tokens::create(&store, &Actor::system("test"), officer.id, "sync")
                .await
                .unwrap();
        let bearer = format!("Bearer {token}");
        let list = send(
            &app,
            Method::GET,
            "/api/v1/establishments",
            None,
            None,
            &[("authorization", &bearer)],
        )
        .await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        let v: serde_json::Value = serde_json::from_str(&list.body).unwrap();
        assert_eq!(v["total"], 1);
        assert_eq!(v["items"][0]["province_code"], "07.427");
        let one = send(
            &app,
            Method::GET,
            "/api/v1/establishments/1",
            None,
            None,
            &[("authorization", &bearer)],
        )
        .await;
        assert_eq!(one.status, StatusCode::OK);
        let other = send(
            &app,
            Method::GET,
            "/api/v1/establishments/2",
            None,
            None,
            &[("authorization", &bearer)],
        )
        .await;
        assert_eq!(
            other.status,
            StatusCode::NOT_FOUND,
            "Casablanca is out of scope"
        );
        let safi = send(
            &app,
            Method::GET,
            "/api/v1/establishments?province=07.431",
            None,
            None,
            &[("authorization", &bearer)],
        )
        .await;
        let v: serde_json::Value = serde_json::from_str(&safi.body).unwrap();
        assert_eq!(
            v["total"], 0,
            "another province's list is empty, not an error"
        );
        let bad = send(
            &app,
            Method::GET,
            "/api/v1/establishments?status=open",
            None,
            None,
            &[("authorization", &bearer)],
        )
        .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        let v: serde_json::Value = serde_json::from_str(&bad.body).unwrap();
        assert_eq!(v["code"], "malformed-query");
    })
    .await;
}

/// Sends a JSON body with a bearer token.
async fn send_json(
    app: &axum::Router,
    method: Method,
    uri: &str,
    bearer: &str,
    body: &str,
) -> Reply {
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, "jisr.test")
        .header(header::AUTHORIZATION, format!("Bearer {bearer}"))
        .header(header::ACCEPT_LANGUAGE, "fr")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

#[tokio::test]
async fn the_establishments_api_registers_and_moves_establishments_within_scope() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let token_of = |name: &'static str| {
            let store = store.clone();
            async move {
                let user = accounts::find_user(store.conn(), name).await.unwrap();
                jisr_store::tokens::create(&store, &Actor::system("test"), user.id, "sync")
                    .await
                    .unwrap()
                    .1
            }
        };
        let officer = token_of("provincial_officer").await;
        // Every refused field is named, with a translated message; nothing is saved.
        let bad = send_json(&app, Method::POST, "/api/v1/establishments", &officer,
            r#"{"name_fr":"Centre","category":"elderly","commune_code":"07.427.99.99","capacity_male":-1,"capacity_female":3}"#).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        let v: serde_json::Value = serde_json::from_str(&bad.body).unwrap();
        assert_eq!(v["code"], "invalid-fields");
        assert_eq!(v["errors"][0]["field"], "capacity_male");
        assert_eq!(v["errors"][0]["message"], "La capacité est un nombre entier de 0 à 2000.");
        let unknown = send_json(&app, Method::POST, "/api/v1/establishments", &officer,
            r#"{"name_fr":"Centre","category":"elderly","commune_code":"07.427.99.99","capacity_male":1,"capacity_female":3}"#).await;
        assert!(unknown.body.contains(r#""field":"commune_code""#), "{}", unknown.body);
        let outside = send_json(&app, Method::POST, "/api/v1/establishments", &officer,
            r#"{"name_fr":"Centre","category":"elderly","commune_code":"07.431.01.03","capacity_male":1,"capacity_female":3}"#).await;
        assert!(outside.body.contains("hors de votre périmètre"), "{}", outside.body);
        let garbled = send_json(&app, Method::POST, "/api/v1/establishments", &officer, "{not json").await;
        assert_eq!(garbled.status, StatusCode::BAD_REQUEST);
        assert!(garbled.body.contains(r#""code":"malformed-json""#), "{}", garbled.body);
        let worker = token_of("social_worker").await;
        let refused = send_json(&app, Method::POST, "/api/v1/establishments", &worker,
            r#"{"name_fr":"Centre","category":"elderly","commune_code":"07.427.01.01","capacity_male":1,"capacity_female":3}"#).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);

        let made = send_json(&app, Method::POST, "/api/v1/establishments", &officer,
            r#"{"name_fr":"Foyer des anciens","category":"elderly","commune_code":"07.427.01.01","capacity_male":10,"capacity_female":12,"services":"Hébergement"}"#).await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        let e: serde_json::Value = serde_json::from_str(&made.body).unwrap();
        assert_eq!((e["status"].as_str(), e["province_code"].as_str()), (Some("project"), Some("07.427")));
        let id = e["id"].as_i64().unwrap();
        let moves = format!("/api/v1/establishments/{id}/transitions");
        // Filing without the documents names each missing one.
        let unfiled = send_json(&app, Method::POST, &moves, &officer, r#"{"to":"requested","reason":"dossier"}"#).await;
        assert_eq!(unfiled.status, StatusCode::CONFLICT);
        assert!(unfiled.body.contains("documents.statutes"), "{}", unfiled.body);
        let skip = send_json(&app, Method::POST, &moves, &officer, r#"{"to":"authorised","reason":"x"}"#).await;
        assert!(skip.body.contains(r#""field":"to""#));
        // Filed with its documents: review, ask for a document, once.
        let files = jisr_store::files::FileStore::new(WebConfig::default().documents_dir);
        let system = jisr_store::establishments::Scoped::unscoped_for_system_jobs(&store);
        let uploads = MANDATORY
            .iter()
            .map(|code| jisr_store::authorisation::Upload {
                requirement: (*code).into(),
                file_name: format!("{code}.pdf"),
                bytes: format!("%PDF-1.4 {code}").into_bytes(),
            })
            .collect();
        system.attach(&Actor::system("test"), &files, id, uploads, 1 << 20).await.unwrap();
        let filed = send_json(&app, Method::POST, &moves, &officer, r#"{"to":"requested","reason":"dossier"}"#).await;
        assert_eq!(filed.status, StatusCode::OK, "{}", filed.body);
        let one = moves.as_str();
        let review = send_json(&app, Method::POST, one, &officer, r#"{"to":"under_review","reason":"instruction"}"#).await;
        assert_eq!(review.status, StatusCode::OK, "{}", review.body);
        let unnamed = send_json(&app, Method::POST, one, &officer, r#"{"to":"documents_missing","reason":"plan"}"#).await;
        assert!(unnamed.body.contains("requested_documents"), "{}", unnamed.body);
        let ask = send_json(&app, Method::POST, one, &officer,
            r#"{"to":"documents_missing","reason":"plan","requested_documents":["premises"]}"#).await;
        assert_eq!(ask.status, StatusCode::OK, "{}", ask.body);
        assert!(ask.body.contains(r#""status":"documents_missing""#));
        // Out of scope: not found, whatever the body.
        let casablanca = send_json(&app, Method::POST, "/api/v1/establishments/2/transitions", &officer,
            r#"{"to":"under_review","reason":"x"}"#).await;
        assert_eq!(casablanca.status, StatusCode::NOT_FOUND);
        // Facts change through PATCH; the capacity only before a decision is awaited.
        let fact = format!("/api/v1/establishments/{id}");
        let patched = send_json(&app, Method::PATCH, &fact, &officer, r#"{"services":"Accueil de jour","opening_hours":"09:00–17:00"}"#).await;
        assert_eq!(patched.status, StatusCode::OK, "{}", patched.body);
        assert!(patched.body.contains("Accueil de jour") && patched.body.contains(r#""capacity_male":10"#));
        // While documents are missing the capacity may still change; once authorised, not.
        let capacity = send_json(&app, Method::PATCH, &fact, &officer, r#"{"capacity_male":12}"#).await;
        assert_eq!(capacity.status, StatusCode::OK, "{}", capacity.body);
        let locked = send_json(&app, Method::PATCH, "/api/v1/establishments/1", &officer, r#"{"capacity_male":30}"#).await;
        assert_eq!(locked.status, StatusCode::CONFLICT);
        assert!(locked.body.contains("nouvelle demande"), "{}", locked.body);
        let unknown_field = send_json(&app, Method::PATCH, &fact, &officer, r#"{"category":"elderly"}"#).await;
        assert_eq!(unknown_field.status, StatusCode::UNPROCESSABLE_ENTITY, "category never changes");
        assert_eq!(send_json(&app, Method::PATCH, "/api/v1/establishments/2", &officer, r#"{"services":"x"}"#).await.status, StatusCode::NOT_FOUND);
        let trail = jisr_store::audit::search(&store, &jisr_store::audit::Search {
            entity: Some("establishment".into()), entity_id: Some(id.to_string()), ..Default::default()
        }, 50).await.unwrap();
        assert_eq!(trail.len(), 6, "creation, filing, review, request for documents, two changes");
    })
    .await;
}

/// Posts a CSV file to the associations import.
async fn import_associations(app: &axum::Router, cookie: &str, csv: &str) -> Reply {
    send_files(
        app,
        "/associations/import",
        cookie,
        &[("file", "associations.csv", csv.as_bytes())],
    )
    .await
}

#[tokio::test]
async fn associations_are_registered_imported_and_kept_within_their_province() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let officer = token_for(&app, "provincial_officer").await;
        // Bad input: each error at its field, what was typed kept, nothing saved.
        let bad = send(&app, Method::POST, "/associations", Some(&officer),
            Some("registration_number=BG%2F2015%2F7&name_fr=Nouvelle&registration_date=2099-01-01&commune=07.431.01.03&email=x%40"), SAME_ORIGIN).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        for msg in ["Une association est déjà enregistrée sous ce numéro.", "qui ne soit pas dans le futur", "hors de votre périmètre", "adresse de courriel n&#39;est pas valide"] {
            assert!(bad.body.contains(msg), "{msg}");
        }
        assert!(bad.body.contains(r#"value="Nouvelle""#));
        let made = send(&app, Method::POST, "/associations", Some(&officer),
            Some("registration_number=BG%2F2020%2F41&name_ar=%D8%AC%D9%85%D8%B9%D9%8A%D8%A9&name_fr=Association+Nour&registration_date=2020-06-01&commune=07.427.01.01&email=nour%40example.ma"), SAME_ORIGIN).await;
        assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
        let path = made.location().split('?').next().unwrap().to_owned();
        let board = format!("{path}/board");
        assert_eq!(send(&app, Method::POST, &board, Some(&officer), Some("member_name=Khadija+Alaoui&position=president&since=2020-06-01"), SAME_ORIGIN).await.status, StatusCode::SEE_OTHER);
        let second = send(&app, Method::POST, &board, Some(&officer), Some("member_name=Omar&position=president"), SAME_ORIGIN).await;
        assert!(second.body.contains("Cette fonction est déjà occupée au bureau.") && second.body.contains(r#"value="Omar""#));
        let page = send(&app, Method::GET, &path, Some(&officer), None, &[]).await;
        assert!(page.body.contains("Khadija Alaoui") && page.body.contains("Président(e)"));
        // Its documents: a forbidden file refuses the batch; statutes attached, then read.
        let docs = format!("{path}/documents");
        let refused = send_files(&app, &docs, &officer, &[("file-statutes", "statuts.exe", b"MZ\x90\x00")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("ni une image PNG ou JPEG"));
        let attached = send_files(&app, &docs, &officer, &[("file-statutes", "statuts.pdf", b"%PDF-1.4 statuts Nour")]).await;
        assert_eq!(attached.status, StatusCode::SEE_OTHER, "{}", attached.body);
        let page = send(&app, Method::GET, &path, Some(&officer), None, &[]).await;
        let href = page.body.split(&format!("href=\"{path}/documents/")).nth(1).and_then(|r| r.split('"').next()).map(|id| format!("{path}/documents/{id}")).expect("a document link");
        let file = send(&app, Method::GET, &href, Some(&officer), None, &[]).await;
        assert_eq!((file.status, file.body.as_str()), (StatusCode::OK, "%PDF-1.4 statuts Nour"));

        // An association of Rehamna runs establishment 1: listed on its page.
        let one = send(&app, Method::GET, "/associations/1", Some(&officer), None, &[]).await;
        assert!(one.body.contains("Dar Taliba Ben Guerir"));

        // An import with bad rows reports each with its line and imports nothing.
        let header = "registration_number,name_ar,name_fr,registration_date,commune_code,address,phone,email";
        let bad_file = format!("{header}\nBG/2021/1,,Association Atlas,2021-02-03,07.427.01.01,,,\nBG/2021/2,,,2021-02-03,07.427.01.01,,,\nBG/2021/3,,Association Safi,2021-02-03,07.431.01.03,,,\nBG/2021/1,,Doublon,2021-02-03,07.427.01.01,,,\nCA/2010/3,,Anfa,2021-02-03,07.427.01.01,,,\n");
        let refused = import_associations(&app, &officer, &bad_file).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("4 lignes refusées"), "{}", refused.body);
        for line in ["<td class=\"num\">3</td>", "<td class=\"num\">4</td>", "<td class=\"num\">5</td>", "<td class=\"num\">6</td>"] {
            assert!(refused.body.contains(line), "{line}");
        }
        assert!(refused.body.contains("Ce numéro figure déjà sur une ligne précédente du fichier."));
        let list = send(&app, Method::GET, "/associations?q=Atlas", Some(&officer), None, &[]).await;
        assert!(!list.body.contains("Association Atlas"), "nothing of a refused file is imported");

        let good_file = format!("{header}\nBG/2021/1,جمعية الأطلس,Association Atlas,2021-02-03,07.427.01.01,Ben Guerir,0524000000,\nBG/2020/41,جمعية,Association Nour,2020-06-01,07.427.01.01,Nouvelle adresse,,nour@example.ma\n");
        let done = import_associations(&app, &officer, &good_file).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        assert!(done.body.contains("1 ajoutée") && done.body.contains("1 mise à jour"), "{}", done.body);
        let again = import_associations(&app, &officer, &good_file).await;
        assert!(again.body.contains("2 inchangées"), "the same file twice changes nothing");

        // Another province sees none of it.
        let pw = Password::parse(PASSWORD).unwrap();
        let system = Actor::system("test");
        let safi_id = accounts::create_user(&store, &system, "officer_safi", "Safi", &pw, false).await.unwrap();
        accounts::grant_role(&store, &system, safi_id, Role::ProvincialOfficer, &Scope::Province(ProvinceCode::parse("07.431").unwrap())).await.unwrap();
        let safi = token_for(&app, "officer_safi").await;
        assert_eq!(send(&app, Method::GET, &path, Some(&safi), None, &[]).await.status, StatusCode::NOT_FOUND);
        assert_eq!(send(&app, Method::GET, &href, Some(&safi), None, &[]).await.status, StatusCode::NOT_FOUND);
        assert!(!send(&app, Method::GET, "/associations", Some(&safi), None, &[]).await.body.contains("Association Atlas"));
        let trail = jisr_store::audit::search(&store, &jisr_store::audit::Search {
            entity: Some("association".into()), ..Default::default()
        }, 50).await.unwrap();
        assert_eq!(trail.len(), 2 + 1 + 2, "fixture, form, import (one created, one updated)");
    })
    .await;
}

#[tokio::test]
async fn the_associations_api_answers_within_scope() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let officer = accounts::find_user(store.conn(), "provincial_officer").await.unwrap();
        let (_, token) = jisr_store::tokens::create(&store, &Actor::system("test"), officer.id, "sync").await.unwrap();
        let list = send_json(&app, Method::GET, "/api/v1/associations", &token, "").await;
        let v: serde_json::Value = serde_json::from_str(&list.body).unwrap();
        assert_eq!(v["total"], 1, "{}", list.body);
        assert_eq!(v["items"][0]["registration_number"], "BG/2015/7");
        let one = send_json(&app, Method::GET, "/api/v1/associations/1", &token, "").await;
        let v: serde_json::Value = serde_json::from_str(&one.body).unwrap();
        assert_eq!(v["board"][0]["position"], "president");
        assert_eq!(send_json(&app, Method::GET, "/api/v1/associations/2", &token, "").await.status, StatusCode::NOT_FOUND);
        let bad = send_json(&app, Method::POST, "/api/v1/associations", &token,
            r#"{"registration_number":"BG/2015/7","registration_date":"2015-01-01","commune_code":"07.427.01.01"}"#).await;
        assert_eq!(bad.status, StatusCode::CONFLICT, "a number taken, no name: the platform's rules");
        assert!(bad.body.contains(r#""field":"registration_number""#) && bad.body.contains(r#""field":"name_ar""#), "{}", bad.body);
        let made = send_json(&app, Method::POST, "/api/v1/associations", &token,
            r#"{"registration_number":"BG/2022/9","name_fr":"Association Atlas","registration_date":"2022-01-01","commune_code":"07.427.01.01"}"#).await;
        assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
        // Only the fields given change; a commune out of the territory is refused.
        let patched = send_json(&app, Method::PATCH, "/api/v1/associations/1", &token, r#"{"phone":"0524 11 22 33"}"#).await;
        assert_eq!(patched.status, StatusCode::OK, "{}", patched.body);
        assert!(patched.body.contains("0524 11 22 33") && patched.body.contains("BG/2015/7"));
        let moved = send_json(&app, Method::PATCH, "/api/v1/associations/1", &token, r#"{"commune_code":"07.431.01.03"}"#).await;
        assert_eq!(moved.status, StatusCode::CONFLICT);
        assert!(moved.body.contains(r#""field":"commune_code""#), "{}", moved.body);
        assert_eq!(send_json(&app, Method::PATCH, "/api/v1/associations/2", &token, r#"{"phone":"x"}"#).await.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn guesses_of_the_current_password_are_throttled() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let token = token_for(&app, "inspector").await;
        let form = |current: &str| {
            format!(
                "current={}&new=another+long+secret&confirm=another+long+secret",
                current.replace(' ', "+")
            )
        };
        for _ in 0..5 {
            let r = send(
                &app,
                Method::POST,
                "/account/password",
                Some(&token),
                Some(&form("not the password")),
                SAME_ORIGIN,
            )
            .await;
            assert!(r.body.contains("Le mot de passe actuel est incorrect."));
        }
        let locked = send(
            &app,
            Method::POST,
            "/account/password",
            Some(&token),
            Some(&form(PASSWORD)),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(locked.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            locked.body.contains("Trop de tentatives échouées"),
            "even the right password waits"
        );
        let trail = jisr_store::audit::search(
            &store,
            &jisr_store::audit::Search {
                action: Some("password.change.failed".into()),
                ..Default::default()
            },
            50,
        )
        .await
        .unwrap();
        assert_eq!(trail.len(), 5);
    })
    .await;
}

#[tokio::test]
async fn a_programme_owner_writes_a_draft_simulates_it_and_activates_it() {
    each_backend(|store| async move {
        let app = app(&store).await;
        set_lang("fr");
        let owner = token_for(&app, "programme_owner").await;
        // A draft naming an unknown field: refused at the field, in French, text kept.
        let form = "valid_from=2027-01-01&rule=index-threshold%3A+index+%3C%3D+9.9%0Aincome%3A+income+%3C+3&benefit=";
        let r = send(
            &app,
            Method::POST,
            "/programmes/asd/drafts",
            Some(&owner),
            Some(form),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains(r#"id="rule-error""#), "{}", r.body);
        assert!(
            r.body
                .contains("Ligne 2, colonne 9\u{a0}: champ inconnu «\u{a0}income\u{a0}»."),
            "{}",
            r.body
        );
        assert!(
            ["&lt;", "&#60;", "&#x3c;"]
                .iter()
                .any(|lt| r.body.contains(&format!("\nincome: income {lt} 3</textarea>"))),
            "the text is kept: {}",
            r.body
        );
        assert!(r.body.contains(r#"aria-invalid="true""#));
        let p = jisr_store::programmes::get(&store, "asd").await.unwrap();
        assert_eq!(p.versions.len(), 1, "nothing saved");

        // In Arabic, the same error in Arabic.
        set_lang("ar");
        let r = send(
            &app,
            Method::POST,
            "/programmes/asd/drafts",
            Some(&owner),
            Some(form),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("السطر 2، العمود 9: حقل غير معروف «income»."),
            "{}",
            r.body
        );
        set_lang("fr");

        // A valid draft (a lower threshold) is saved and simulated.
        let form = "valid_from=2027-01-01&rule=index-threshold%3A+index+%3C%3D+9.0&benefit=500";
        let r = send(
            &app,
            Method::POST,
            "/programmes/asd/drafts",
            Some(&owner),
            Some(form),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), "/programmes/asd/simulate?version=2");
        let r = send(&app, Method::GET, r.location(), Some(&owner), None, &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        // Household 1 (index 9.1, a child) leaves; Casablanca's household stays outside.
        assert!(r.body.contains("Rehamna"), "{}", r.body);
        assert!(r.body.contains("Sortent"));
        assert!(r.body.contains("Activer cette version"));
        assert_eq!(
            jisr_store::programmes::get(&store, "asd")
                .await
                .unwrap()
                .version(2)
                .unwrap()
                .status,
            "draft",
            "simulating changes nothing"
        );

        // A social worker may simulate within their province but not activate.
        let worker = token_for(&app, "social_worker").await;
        let r = send(
            &app,
            Method::POST,
            "/programmes/asd/versions/2/activate",
            Some(&worker),
            Some(""),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);

        let r = send(
            &app,
            Method::POST,
            "/programmes/asd/versions/2/activate",
            Some(&owner),
            Some(""),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), "/programmes/asd?activated=1");
        let p = jisr_store::programmes::get(&store, "asd").await.unwrap();
        assert_eq!(p.active().unwrap().version, 2);
        assert_eq!(p.version(1).unwrap().valid_to.as_deref(), Some("2026-12-31"));
        let r = send(&app, Method::GET, "/programmes/asd?activated=1", Some(&owner), None, &[]).await;
        assert!(r.body.contains("La version a été activée."), "{}", r.body);
    })
    .await;
}

#[tokio::test]
async fn a_social_worker_reads_why_a_household_is_eligible_in_french_and_arabic() {
    each_backend(|store| async move {
        let app = app(&store).await;
        set_lang("fr");
        let worker = token_for(&app, "social_worker").await;
        let r = send(
            &app,
            Method::GET,
            "/registry/households",
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("RH-0001"));
        assert!(
            !r.body.contains("CA-0001"),
            "another province is not listed"
        );

        let r = send(
            &app,
            Method::GET,
            "/registry/households/1",
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("Ménage RH-0001"));
        assert!(r.body.contains("Aide sociale directe"));
        assert!(r.body.contains("Éligible"));
        assert!(r.body.contains("index-threshold"));
        assert!(r.body.contains("Rempli"));
        // The index with its date and source, and the margin to the threshold.
        assert!(
            r.body
                .contains("9.1 (établi le 01/06/2025, source\u{a0}: Registre social unifié)"),
            "{}",
            r.body
        );
        assert!(
            r.body
                .contains("valeur 9.1, seuil 9.743001, marge 0.643001"),
            "{}",
            r.body
        );
        assert!(r.body.contains("Youssef Alaoui"));

        set_lang("ar");
        let r = send(
            &app,
            Method::GET,
            "/registry/households/1",
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("الأسرة RH-0001"));
        assert!(r.body.contains("الدعم الاجتماعي المباشر"));
        assert!(r.body.contains("مستحقة"));
        assert!(r.body.contains("متحقق"));
        assert!(
            r.body
                .contains("القيمة 9.1، العتبة 9.743001، الهامش 0.643001")
        );
        set_lang("fr");

        // Another province: not found, and nothing read is recorded for it.
        let r = send(
            &app,
            Method::GET,
            "/registry/households/2",
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let reads = jisr_store::entity::audit_log::Entity::find()
            .filter(jisr_store::entity::audit_log::Column::Action.eq("read"))
            .filter(jisr_store::entity::audit_log::Column::Entity.eq("household"))
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(reads.len(), 2);
        assert!(reads.iter().all(|e| e.entity_id == "1"));

        // The Casablanca household is above the threshold: not eligible, and why.
        let admin = token_for(&app, "national_administrator").await;
        let r = send(
            &app,
            Method::GET,
            "/registry/households/2",
            Some(&admin),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("Non éligible"));
        assert!(r.body.contains("Non rempli"));
        assert!(r.body.contains("marge -0.456999"), "{}", r.body);
    })
    .await;
}

#[tokio::test]
async fn a_programme_owner_creates_a_programme_in_the_pages_then_simulates_and_applies_it() {
    each_backend(|store| async move {
        let app = app(&store).await;
        set_lang("fr");
        let owner = token_for(&app, "programme_owner").await;
        let r = send(&app, Method::GET, "/programmes", Some(&owner), None, &[]).await;
        assert!(r.body.contains(r#"href="/programmes/new""#), "{}", r.body);
        let worker = token_for(&app, "social_worker").await;
        let r = send(&app, Method::GET, "/programmes", Some(&worker), None, &[]).await;
        assert!(!r.body.contains(r#"href="/programmes/new""#));
        let r = send(&app, Method::GET, "/programmes/new", Some(&worker), None, &[]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = send(&app, Method::GET, "/programmes/new", Some(&owner), None, &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains(r#"name="pays_benefit""#));

        // Mistakes: each at its field, in French, with what was typed kept.
        let bad = "code=School+Kits&name_ar=&name_fr=Kits+scolaires&description_fr=Un+kit+par+enfant&pays_benefit=yes";
        let r = send(&app, Method::POST, "/programmes/new", Some(&owner), Some(bad), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains(r#"id="code-error""#), "{}", r.body);
        assert!(r.body.contains("Le code doit compter 2 à 32 lettres minuscules"), "{}", r.body);
        assert!(r.body.contains(r#"id="name_ar-error""#));
        assert!(r.body.contains("Indiquer le nom."));
        assert!(r.body.contains(r#"value="School Kits""#));
        assert!(r.body.contains(r#"value="Kits scolaires""#));
        assert!(r.body.contains(">Un kit par enfant</textarea>"));
        assert!(r.body.contains(r#"value="yes" aria-describedby="pays_benefit-hint" checked"#), "{}", r.body);
        // In Arabic, the same errors in Arabic.
        set_lang("ar");
        let r = send(&app, Method::POST, "/programmes/new", Some(&owner), Some(bad), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("يجب أن يتكون الرمز من 2 إلى 32 حرفاً"), "{}", r.body);
        assert!(r.body.contains("يرجى إدخال الاسم."));
        set_lang("fr");
        // A code already taken.
        let taken = "code=asd&name_ar=%D8%A8%D8%B1%D9%86%D8%A7%D9%85%D8%AC&name_fr=Autre";
        let r = send(&app, Method::POST, "/programmes/new", Some(&owner), Some(taken), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Ce code est déjà celui d’un autre programme."), "{}", r.body);
        assert!(r.body.contains(r#"value="asd""#));
        assert_eq!(jisr_store::programmes::list(&store).await.unwrap().len(), 2, "nothing saved");

        let good = "code=school-kits&name_ar=%D8%A7%D9%84%D8%AD%D9%82%D9%8A%D8%A8%D8%A9+%D8%A7%D9%84%D9%85%D8%AF%D8%B1%D8%B3%D9%8A%D8%A9&name_fr=Kits+scolaires&description_fr=Un+kit+par+enfant&pays_benefit=yes";
        let r = send(&app, Method::POST, "/programmes/new", Some(&owner), Some(good), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), "/programmes/school-kits?created=1");
        let r = send(&app, Method::GET, r.location(), Some(&owner), None, &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("Le programme a été créé."));
        assert!(r.body.contains("Aucune version en vigueur."));
        assert!(r.body.contains(r#"id="benefit""#), "it pays an amount: {}", r.body);
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let created = jisr_store::entity::audit_log::Entity::find()
            .filter(jisr_store::entity::audit_log::Column::Entity.eq("programme"))
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(created.len(), 1);
        assert_eq!((created[0].action.as_str(), created[0].entity_id.as_str()), ("create", "school-kits"));

        // Its first draft: the amount is required; then saved and simulated with nothing
        // in force, so every eligible household enters (Rehamna's, which has a child).
        let no_amount = "valid_from=2027-09-01&rule=has-children%3A+children_under_21+%3E%3D+1&benefit=";
        let r = send(&app, Method::POST, "/programmes/school-kits/drafts", Some(&owner), Some(no_amount), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Ce programme verse un montant\u{a0}: indiquer son expression."), "{}", r.body);
        let draft = "valid_from=2027-09-01&rule=has-children%3A+children_under_21+%3E%3D+1&benefit=children_under_21+*+200";
        let r = send(&app, Method::POST, "/programmes/school-kits/drafts", Some(&owner), Some(draft), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), "/programmes/school-kits/simulate?version=1");
        let r = send(&app, Method::GET, r.location(), Some(&owner), None, &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(
            r.body.contains("Aucune version en vigueur\u{a0}: tous les ménages éligibles entrent."),
            "{}",
            r.body
        );
        assert!(r.body.contains("première version"));
        assert!(r.body.contains("Rehamna"), "{}", r.body);
        assert!(r.body.contains("200 DH"), "{}", r.body);
        assert!(r.body.contains("Activer cette version"));

        let r = send(&app, Method::POST, "/programmes/school-kits/versions/1/activate", Some(&owner), Some(""), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let p = jisr_store::programmes::get(&store, "school-kits").await.unwrap();
        assert_eq!(p.active().unwrap().version, 1);
        // The social worker reads the new programme's decision on Rehamna's household.
        let r = send(&app, Method::GET, "/registry/households/1", Some(&worker), None, &[]).await;
        assert!(r.body.contains("Kits scolaires"), "{}", r.body);
        assert!(r.body.contains("has-children"));
    })
    .await;
}

#[tokio::test]
async fn the_programmes_api_creates_checks_simulates_and_activates_within_scope() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let token_of = |name: &'static str| {
            let store = store.clone();
            async move {
                let user = accounts::find_user(store.conn(), name).await.unwrap();
                jisr_store::tokens::create(&store, &Actor::system("test"), user.id, "sync")
                    .await
                    .unwrap()
                    .1
            }
        };
        let owner = token_of("programme_owner").await;
        let worker = token_of("social_worker").await;
        let list = send_json(&app, Method::GET, "/api/v1/programmes", &worker, "").await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        let v: serde_json::Value = serde_json::from_str(&list.body).unwrap();
        assert_eq!(v[1]["code"], "asd");
        assert_eq!(v[1]["active"]["version"], 1);
        assert_eq!(v[1]["pays_benefit"], true);
        assert_eq!(v[1]["active"]["criteria"][0]["id"], "index-threshold");

        // A social worker may not create a programme.
        let body = r#"{"code":"school-kits","name_ar":"الحقيبة المدرسية","name_fr":"Kits scolaires","pays_benefit":true}"#;
        let r = send_json(&app, Method::POST, "/api/v1/programmes", &worker, body).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        // Every refused field named, translated; a duplicate code at the field.
        let r = send_json(&app, Method::POST, "/api/v1/programmes", &owner, r#"{"code":"asd","name_fr":"Autre"}"#).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["code"], "conflict");
        assert_eq!(v["errors"][0]["field"], "name_ar");
        assert_eq!(v["errors"][0]["code"], "prog-error-name-required");
        assert_eq!(v["errors"][0]["message"], "Indiquer le nom.");
        let r = send_json(&app, Method::POST, "/api/v1/programmes", &owner, r#"{"code":"asd","name_ar":"برنامج","name_fr":"Autre"}"#).await;
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["errors"][0]["field"], "code");
        assert_eq!(v["errors"][0]["code"], "prog-error-code-taken");
        let r = send_json(&app, Method::POST, "/api/v1/programmes", &owner, body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["code"], "school-kits");
        assert_eq!(v["versions"].as_array().unwrap().len(), 0);

        // A draft naming an unknown field: the engine's code, line and column.
        let r = send_json(&app, Method::POST, "/api/v1/programmes/school-kits/drafts", &owner,
            r#"{"valid_from":"2027-09-01","rule":"has-children: children_under_21 >= 1\nincome: income < 3","benefit":"200"}"#).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        let f = &v["errors"][0];
        assert_eq!(f["field"], "rule");
        assert_eq!(f["code"], "unknown-field");
        assert_eq!(f["name"], "income");
        assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(2), Some(9)));
        assert_eq!(f["message"], "Ligne 2, colonne 9\u{a0}: champ inconnu «\u{a0}income\u{a0}».");
        assert_eq!(v["errors"].as_array().unwrap().len(), 1);
        let r = send_json(&app, Method::POST, "/api/v1/programmes/school-kits/drafts", &owner,
            r#"{"valid_from":"2027-09-01","rule":"has-children: children_under_21 >= 1","benefit":"children_under_21 * 200"}"#).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!((v["version"].as_i64(), v["status"].as_str()), (Some(1), Some("draft")));

        // Simulated over the caller's territory, with nothing in force: everyone enters.
        let r = send_json(&app, Method::GET, "/api/v1/programmes/school-kits/simulation?version=1", &owner, "").await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["compared_with"], serde_json::Value::Null);
        assert_eq!(v["households"], 2);
        // Only provinces where anything enters, leaves or stays: not Casablanca's.
        assert_eq!(v["provinces"].as_array().unwrap().len(), 1, "{}", r.body);
        assert_eq!(v["totals"]["entering"], 1);
        assert_eq!(v["totals"]["cost_after"], 200.0);
        let rehamna = v["provinces"].as_array().unwrap().iter().find(|p| p["province_code"] == "07.427").unwrap();
        assert_eq!((rehamna["entering"].as_u64(), rehamna["name_fr"].as_str()), (Some(1), Some("Rehamna")));
        // The social worker sees only Rehamna.
        let r = send_json(&app, Method::GET, "/api/v1/programmes/school-kits/simulation?version=1", &worker, "").await;
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["households"], 1, "{}", r.body);
        assert_eq!(v["provinces"].as_array().unwrap().len(), 1);
        let r = send_json(&app, Method::GET, "/api/v1/programmes/school-kits/simulation?version=9", &owner, "").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);

        // Activation: the worker may not; the owner does; twice is refused.
        let r = send_json(&app, Method::POST, "/api/v1/programmes/school-kits/versions/1/activation", &worker, "").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = send_json(&app, Method::POST, "/api/v1/programmes/school-kits/versions/1/activation", &owner, "").await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["versions"][0]["status"], "active");
        let r = send_json(&app, Method::POST, "/api/v1/programmes/school-kits/versions/1/activation", &owner, "").await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(r.body.contains("prog-error-not-draft"), "{}", r.body);
        let r = send_json(&app, Method::GET, "/api/v1/programmes/school-kits", &worker, "").await;
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["versions"][0]["rule"], "has-children: children_under_21 >= 1");
        assert_eq!(v["versions"][0]["valid_from"], "2027-09-01");
    })
    .await;
}

#[tokio::test]
async fn the_registry_api_explains_a_household_within_the_province_only() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let token_of = |name: &'static str| {
            let store = store.clone();
            async move {
                let user = accounts::find_user(store.conn(), name).await.unwrap();
                jisr_store::tokens::create(&store, &Actor::system("test"), user.id, "sync")
                    .await
                    .unwrap()
                    .1
            }
        };
        let worker = token_of("social_worker").await;
        let r = send_json(
            &app,
            Method::GET,
            "/api/v1/registry/households",
            &worker,
            "",
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["total"], 1);
        assert_eq!(v["items"][0]["household_key"], "RH-0001");
        assert_eq!(v["items"][0]["members"], 2);
        let r = send_json(
            &app,
            Method::GET,
            "/api/v1/registry/households?key=CA",
            &worker,
            "",
        )
        .await;
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["total"], 0, "another province is not listed");
        let r = send_json(
            &app,
            Method::GET,
            "/api/v1/registry/households?province=x",
            &worker,
            "",
        )
        .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);

        let r = send_json(
            &app,
            Method::GET,
            "/api/v1/registry/households/1",
            &worker,
            "",
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["members"][1]["first_name_lat"], "Youssef");
        assert_eq!(v["index_history"][0]["date"], "2025-06-01");
        assert_eq!(v["index_history"][0]["source"], "registry");
        let asd = v["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["programme"] == "asd")
            .unwrap();
        assert_eq!(asd["eligible"], true);
        let c = &asd["criteria"][0];
        assert_eq!(
            (c["id"].as_str(), c["passed"].as_bool()),
            (Some("index-threshold"), Some(true))
        );
        assert_eq!(c["comparisons"][0]["left"], 9.1);
        assert_eq!(c["comparisons"][0]["right"], 9.743001);
        assert_eq!(c["comparisons"][0]["margin"], 0.643001);
        assert_eq!(
            c["comparisons"][0]["sentence"],
            "valeur 9.1, seuil 9.743001, marge 0.643001"
        );
        let index = asd["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["field"] == "index")
            .unwrap();
        assert_eq!(
            (
                index["kind"].as_str(),
                index["source"].as_str(),
                index["date"].as_str()
            ),
            (Some("index"), Some("registry"), Some("2025-06-01"))
        );

        // Another province does not exist for them, and nothing read is recorded for it.
        let r = send_json(
            &app,
            Method::GET,
            "/api/v1/registry/households/2",
            &worker,
            "",
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let reads = jisr_store::entity::audit_log::Entity::find()
            .filter(jisr_store::entity::audit_log::Column::Action.eq("read"))
            .filter(jisr_store::entity::audit_log::Column::Entity.eq("household"))
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(reads.len(), 1);
        assert_eq!(reads[0].entity_id, "1");
        // A role that does not read the registry.
        let manager = token_of("establishment_manager").await;
        let r = send_json(
            &app,
            Method::GET,
            "/api/v1/registry/households/1",
            &manager,
            "",
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn registry_files_are_imported_from_the_pages_all_or_nothing() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let owner = token_for(&app, "programme_owner").await;
        let post = |file: &'static str, kind: &'static str| {
            let app = app.clone();
            let owner = owner.clone();
            async move {
                let body = std::fs::read(format!(
                    "{}/../store/tests/data/registry/{file}",
                    env!("CARGO_MANIFEST_DIR")
                ))
                .unwrap();
                send_files_with(
                    &app,
                    "/registry/import",
                    &owner,
                    &[("kind", None, kind.as_bytes()), ("file", Some(file), &body)],
                )
                .await
            }
        };
        let bad = post("households-bad.csv", "households").await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("Rien n&#39;a été importé"),
            "{}",
            bad.body
        );
        assert!(
            bad.body.contains("Aucune commune n&#39;a ce code.")
                && bad.body.contains("Numéro de CIN invalide")
        );
        assert!(
            bad.body.contains("<td class=\"num\">3</td>")
                && bad.body.contains("<td class=\"num\">4</td>")
        );
        let good = post("households.csv", "households").await;
        assert_eq!(good.status, StatusCode::OK, "{}", good.body);
        assert!(
            good.body.contains("ménages ajoutés") || good.body.contains("ménage ajouté"),
            "{}",
            good.body
        );
        let again = post("households.csv", "households").await;
        assert!(
            again.body.contains("0 ménage ajouté") && again.body.contains("0 personne ajoutée"),
            "the same file twice changes nothing"
        );
        let index = post("index.csv", "index").await;
        assert!(
            index.body.contains("5 indices ajoutés") && index.body.contains("0 indice inchangé"),
            "{}",
            index.body
        );
        // Staff of a province do not import national extracts.
        let officer = token_for(&app, "provincial_officer").await;
        assert_eq!(
            send(
                &app,
                Method::GET,
                "/registry/import",
                Some(&officer),
                None,
                &[]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
    })
    .await;
}

/// Posts a multipart form of plain fields (`None` file name) and files.
/// A households workbook: one household of two, birth dates as date cells, the register
/// id as a number; `bad_birth` replaces the spouse's birth date (row 3) with text.
fn households_workbook(bad_birth: Option<&str>) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let sheet = book.add_worksheet();
    let header = [
        "household_key",
        "commune_code",
        "cin",
        "population_register_id",
        "first_name_lat",
        "last_name_lat",
        "birth_date",
        "sex",
        "relation",
    ];
    for (c, h) in header.into_iter().enumerate() {
        sheet.write_string(0, c as u16, h).unwrap();
    }
    let people = [
        (
            "XL-07-0001",
            "EE700001",
            0.0,
            "Hassan",
            "Berrada",
            (1970, 3, 4),
            "male",
            "head",
        ),
        (
            "XL-07-0001",
            "",
            9876543210.0,
            "Nadia",
            "Berrada",
            (1974, 8, 9),
            "female",
            "spouse",
        ),
    ];
    for (i, (key, cin, register, first, last, (y, m, d), sex, relation)) in
        people.into_iter().enumerate()
    {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, key).unwrap();
        sheet.write_string(row, 1, "07.427.01.01").unwrap();
        if !cin.is_empty() {
            sheet.write_string(row, 2, cin).unwrap();
        }
        if register > 0.0 {
            sheet.write_number(row, 3, register).unwrap();
        }
        sheet.write_string(row, 4, first).unwrap();
        sheet.write_string(row, 5, last).unwrap();
        match bad_birth.filter(|_| row == 2) {
            Some(text) => {
                sheet.write_string(row, 6, text).unwrap();
            }
            None => {
                let day = rust_xlsxwriter::ExcelDateTime::from_ymd(y, m, d).unwrap();
                sheet
                    .write_datetime_with_format(row, 6, &day, &date)
                    .unwrap();
            }
        }
        sheet.write_string(row, 7, sex).unwrap();
        sheet.write_string(row, 8, relation).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[tokio::test]
async fn registry_workbooks_are_imported_from_the_page_like_csv_files() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let owner = token_for(&app, "programme_owner").await;
        let form = send(
            &app,
            Method::GET,
            "/registry/import",
            Some(&owner),
            None,
            &[],
        )
        .await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(
            form.body.contains("accept=\".csv,text/csv,.xlsx,")
                && form.body.contains("Fichier CSV ou XLSX"),
            "{}",
            form.body
        );
        let post = |name: &'static str, kind: &'static str, body: Vec<u8>| {
            let app = app.clone();
            let owner = owner.clone();
            async move {
                send_files_with(
                    &app,
                    "/registry/import",
                    &owner,
                    &[("kind", None, kind.as_bytes()), ("file", Some(name), &body)],
                )
                .await
            }
        };
        let before = jisr_store::audit::count(&store).await.unwrap();

        // A bad row: its row number, column and reason, and nothing imported.
        let bad = post(
            "menages.xlsx",
            "households",
            households_workbook(Some("31/02/1974")),
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("Rien n&#39;a été importé"),
            "{}",
            bad.body
        );
        assert!(
            bad.body
                .contains("<td class=\"num\">3</td><td class=\"code\">birth_date</td>"),
            "{}",
            bad.body
        );
        assert_eq!(jisr_store::audit::count(&store).await.unwrap(), before);

        // The good workbook, under a name that says nothing of its format.
        let good = post("extract.dat", "households", households_workbook(None)).await;
        assert_eq!(good.status, StatusCode::OK, "{}", good.body);
        assert!(
            good.body.contains("1 ménage ajouté") && good.body.contains("2 personnes ajoutées"),
            "{}",
            good.body
        );
        let scoped = jisr_store::registry::Scoped::unscoped_for_system_jobs(&store);
        let h = scoped.household_by_key("XL-07-0001").await.unwrap();
        let detail = scoped.get(h.id).await.unwrap();
        let people: Vec<(Option<&str>, Option<&str>, &str)> = detail
            .members
            .iter()
            .map(|m| {
                (
                    m.person.cin.as_deref(),
                    m.person.population_register_id.as_deref(),
                    m.person.birth_date.as_str(),
                )
            })
            .collect();
        assert_eq!(
            people,
            vec![
                (Some("EE700001"), None, "1970-03-04"),
                (None, Some("9876543210"), "1974-08-09"),
            ]
        );
        let again = post("menages.xlsx", "households", households_workbook(None)).await;
        assert!(
            again.body.contains("0 ménage ajouté") && again.body.contains("0 personne ajoutée"),
            "the same workbook twice changes nothing: {}",
            again.body
        );
        assert_eq!(jisr_store::audit::count(&store).await.unwrap(), before + 1);

        // Index values from a workbook.
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in ["household_key", "value", "date"].into_iter().enumerate() {
            sheet.write_string(0, c as u16, h).unwrap();
        }
        sheet.write_string(1, 0, "XL-07-0001").unwrap();
        sheet.write_number(1, 1, 9.5).unwrap();
        sheet.write_string(1, 2, "2024-05-01").unwrap();
        let index = post("indices.xlsx", "index", book.save_to_buffer().unwrap()).await;
        assert_eq!(index.status, StatusCode::OK, "{}", index.body);
        assert!(index.body.contains("1 indice ajouté"), "{}", index.body);
        let detail = scoped.get(h.id).await.unwrap();
        assert_eq!(detail.index.map(|v| v.value), Some(9.5));

        // A damaged workbook: a clear reason, nothing imported.
        let whole = households_workbook(None);
        let broken = post(
            "menages.xlsx",
            "households",
            whole[..whole.len() / 3].to_vec(),
        )
        .await;
        assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            broken
                .body
                .contains("Ce fichier ne peut pas être lu comme un classeur XLSX"),
            "{}",
            broken.body
        );
        let empty = post("menages.xlsx", "households", Vec::new()).await;
        assert!(empty.body.contains("Choisissez un fichier CSV ou XLSX."));
    })
    .await;
}

async fn send_files_with(
    app: &axum::Router,
    uri: &str,
    cookie: &str,
    parts: &[(&str, Option<&str>, &[u8])],
) -> Reply {
    let boundary = "jisr-test-boundary-9c1";
    let mut body = Vec::new();
    for (field, name, bytes) in parts {
        let disposition = match name {
            Some(n) => {
                format!("form-data; name=\"{field}\"; filename=\"{n}\"\r\nContent-Type: text/csv")
            }
            None => format!("form-data; name=\"{field}\""),
        };
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let req = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::HOST, "jisr.test")
        .header(
            header::COOKIE,
            format!("jisr_session={cookie}; jisr_lang=fr"),
        )
        .header("sec-fetch-site", "same-origin")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// The line of the register of establishment 1 where `name` was admitted.
async fn admission_of(store: &Store, name: &str) -> i64 {
    jisr_store::care::Scoped::unscoped_for_system_jobs(store)
        .register(1)
        .await
        .unwrap()
        .lines
        .into_iter()
        .find(|l| l.name_fr == name)
        .map(|l| l.admission.id)
        .expect("admitted")
}

#[tokio::test]
async fn an_establishment_keeps_its_register_of_admissions_and_exits() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let worker = token_for(&app, "social_worker").await;
        let page = send(&app, Method::GET, "/establishments/1/register", Some(&worker), None, &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Salma Alaoui") && page.body.contains("1 personne présente"), "{}", page.body);
        assert!(!page.body.contains("Capacité autorisée dépassée"));
        let show = send(&app, Method::GET, "/establishments/1", Some(&worker), None, &[]).await;
        assert!(show.body.contains(r#"href="/establishments/1/register""#), "linked from the establishment");

        // Refused: each error at its field, what was typed kept, the alert focused.
        let bad = send(&app, Method::POST, "/establishments/1/admissions", Some(&worker),
            Some("name_ar=&name_fr=Imane+3&birth_date=2090-01-01&sex=&representative=judge_order&representative_name=Tribunal&admitted_on=2025-10-01&basis=judge_order&basis_reference="),
            SAME_ORIGIN).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        for msg in [
            "Le nom en lettres latines ne s&#39;écrit qu&#39;en lettres latines",
            "Saisissez une date de naissance valide qui ne soit pas dans le futur",
            "Choisissez le sexe.",
            "Le numéro de l&#39;ordonnance est obligatoire.",
            "La référence du jugement ou de l&#39;acte est obligatoire",
        ] {
            assert!(bad.body.contains(msg), "{msg}");
        }
        assert!(bad.body.contains(r#"value="Imane 3""#) && bad.body.contains(r#"value="Tribunal""#));
        assert!(bad.body.contains(r#"role="alert" tabindex="-1" autofocus"#));
        assert!(bad.body.contains(r#"<option value="judge_order" selected>"#));

        // Admitted: the register shows the person and the occupancy.
        let ok = send(&app, Method::POST, "/establishments/1/admissions", Some(&worker),
            Some("name_ar=%D8%A5%D9%8A%D9%85%D8%A7%D9%86&name_fr=Imane+Tazi&birth_date=12%2F05%2F2011&sex=female&national_id=&representative=judge_order&representative_name=Tribunal+de+Ben+Guerir&representative_reference=J-77&admitted_on=2025-10-01&basis=judge_order&basis_reference=OP-2025-77"),
            SAME_ORIGIN).await;
        assert_eq!((ok.status, ok.location()), (StatusCode::SEE_OTHER, "/establishments/1/register?done=admitted#present"), "{}", ok.body);
        let page = send(&app, Method::GET, "/establishments/1/register", Some(&worker), None, &[]).await;
        assert!(page.body.contains("Imane Tazi") && page.body.contains("OP-2025-77"));
        assert!(page.body.contains("2 personnes présentes"), "{}", page.body);
        assert!(page.body.contains(r#"<td class="num">2</td>"#) && page.body.contains(r#"<td class="num">40</td>"#));

        // A boy placed by a judge in a house with no place for boys: over capacity.
        let over = send(&app, Method::POST, "/establishments/1/admissions", Some(&worker),
            Some("name_fr=Omar+Bennani&birth_date=2013-01-02&sex=male&representative=judge_order&representative_name=Tribunal&representative_reference=J-78&admitted_on=2025-10-02&basis=judge_order&basis_reference=OP-2025-78"),
            SAME_ORIGIN).await;
        assert_eq!(over.status, StatusCode::SEE_OTHER, "{}", over.body);
        let page = send(&app, Method::GET, "/establishments/1/register", Some(&worker), None, &[]).await;
        assert!(page.body.contains("Capacité autorisée dépassée.") && page.body.contains("hommes et garçons 1 (capacité 0)"), "{}", page.body);
        let officer = token_for(&app, "provincial_officer").await;
        let dash = send(&app, Method::GET, "/dashboard", Some(&officer), None, &[]).await;
        assert!(dash.body.contains("Établissements en dépassement de capacité"));
        assert!(dash.body.contains(r#"<a href="/establishments/1/register">Dar Taliba Ben Guerir</a>"#), "{}", dash.body);
        let coordinator = token_for(&app, "regional_coordinator").await;
        assert!(send(&app, Method::GET, "/dashboard", Some(&coordinator), None, &[]).await.body.contains("Dar Taliba Ben Guerir"));
        assert!(!send(&app, Method::GET, "/dashboard", Some(&worker), None, &[]).await.body.contains("dépassement de capacité"));

        // Exits: refused before the admission (the line's form open, what was typed kept),
        // recorded once.
        let omar = admission_of(&store, "Omar Bennani").await;
        let exit = format!("/establishments/1/admissions/{omar}/exit");
        let early = send(&app, Method::POST, &exit, Some(&worker), Some("exit_on=2025-09-01&reason=transfer&destination=&confirm=yes"), SAME_ORIGIN).await;
        assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(early.body.contains("La date de sortie précède la date d&#39;admission.") && early.body.contains("Indiquez l&#39;établissement d&#39;accueil."));
        assert!(early.body.contains(r#"<details class="exit" open>"#) && early.body.contains(r#"value="2025-09-01""#));
        let done = send(&app, Method::POST, &exit, Some(&worker), Some("exit_on=2025-10-03&reason=transfer&destination=Foyer+de+l%27enfance+de+Safi&confirm=yes"), SAME_ORIGIN).await;
        assert_eq!((done.status, done.location()), (StatusCode::SEE_OTHER, "/establishments/1/register?done=exited#register"));
        let again = send(&app, Method::POST, &exit, Some(&worker), Some("exit_on=2025-10-04&reason=autonomy&confirm=yes"), SAME_ORIGIN).await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.body.contains("La sortie de cette personne est déjà inscrite."));
        let page = send(&app, Method::GET, "/establishments/1/register?done=exited", Some(&worker), None, &[]).await;
        assert!(page.body.contains("La sortie a été inscrite au registre."));
        assert!(!page.body.contains("Capacité autorisée dépassée"));
        assert!(page.body.contains("Transfert vers un autre établissement") && page.body.contains("Foyer de l&#39;enfance de Safi"));
        assert!(page.body.contains("2 personnes présentes"));
        // Present lines first, the one who left last.
        let (salma, gone) = (page.body.find("Salma Alaoui").unwrap(), page.body.find("Omar Bennani").unwrap());
        assert!(salma < gone);
        let dash = send(&app, Method::GET, "/dashboard", Some(&officer), None, &[]).await;
        assert!(dash.body.contains("Aucun établissement de votre périmètre ne dépasse sa capacité autorisée."));

        // In Arabic; an inspector reads the register but keeps nothing.
        set_lang("ar");
        let inspector = token_for(&app, "inspector").await;
        let page = send(&app, Method::GET, "/establishments/1/register", Some(&inspector), None, &[]).await;
        set_lang("fr");
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("سجل الدخول والخروج") && page.body.contains("شخصان حاضران"), "{}", page.body);
        assert!(!page.body.contains("/admissions\"") && !page.body.contains("/exit\""), "no forms for a reader");
        let refused = send(&app, Method::POST, "/establishments/1/admissions", Some(&inspector), Some(""), SAME_ORIGIN).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);

        let trail = jisr_store::audit::search(&store, &jisr_store::audit::Search {
            entity: Some("admission".into()), ..Default::default()
        }, 50).await.unwrap();
        assert_eq!(trail.len(), 2 + 2 + 1, "fixture, two admissions, one exit");
    })
    .await;
}

#[tokio::test]
async fn a_beneficiary_file_shows_its_sensitive_notes_to_those_who_care_only() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let worker = token_for(&app, "social_worker").await;
        let file = send(&app, Method::GET, "/beneficiaries/1", Some(&worker), None, &[]).await;
        assert_eq!(file.status, StatusCode::OK);
        assert!(file.body.contains("Salma Alaoui") && file.body.contains("Réussir l&#39;année scolaire"));
        assert!(file.body.contains(r#"href="/establishments/1/register""#), "breadcrumbs back to the register");

        // The care plan and the services log.
        let empty = send(&app, Method::POST, "/beneficiaries/1/goals", Some(&worker), Some("goal=&review_on=2026-13-01"), SAME_ORIGIN).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.body.contains("Ce champ est obligatoire.") && empty.body.contains(r#"value="2026-13-01""#));
        let goal = send(&app, Method::POST, "/beneficiaries/1/goals", Some(&worker), Some("goal=Renouer+avec+la+famille&review_on=2026-03-01"), SAME_ORIGIN).await;
        assert_eq!((goal.status, goal.location()), (StatusCode::SEE_OTHER, "/beneficiaries/1?done=goal#plan"));
        let reached = send(&app, Method::POST, "/beneficiaries/1/goals/1", Some(&worker), Some("status=reached"), SAME_ORIGIN).await;
        assert_eq!(reached.status, StatusCode::SEE_OTHER);
        let wrong = send(&app, Method::POST, "/beneficiaries/1/goals/2", Some(&worker), Some("status=reached"), SAME_ORIGIN).await;
        assert_eq!(wrong.status, StatusCode::NOT_FOUND, "goal 2 belongs to another file");
        let service = send(&app, Method::POST, "/beneficiaries/1/services", Some(&worker), Some("on_date=2025-10-05&description=Bilan+de+sant%C3%A9"), SAME_ORIGIN).await;
        assert_eq!(service.status, StatusCode::SEE_OTHER);

        // The social worker writes and reads the sensitive notes.
        let saved = send(&app, Method::POST, "/beneficiaries/1/sensitive", Some(&worker),
            Some("health=Asthme+s%C3%A9v%C3%A8re&disability=&schooling=Coll%C3%A8ge%2C+1re+ann%C3%A9e"), SAME_ORIGIN).await;
        assert_eq!((saved.status, saved.location()), (StatusCode::SEE_OTHER, "/beneficiaries/1?done=sensitive#sensitive"));
        let file = send(&app, Method::GET, "/beneficiaries/1", Some(&worker), None, &[]).await;
        for text in ["Asthme sévère", "Collège, 1re année", "Renouer avec la famille", "Atteint", "Bilan de santé", "chaque consultation est inscrite au journal"] {
            assert!(file.body.contains(text), "{text}");
        }
        let manager = token_for(&app, "establishment_manager").await;
        assert!(send(&app, Method::GET, "/beneficiaries/1", Some(&manager), None, &[]).await.body.contains("Asthme sévère"));

        // An inspector and a provincial officer read the file without them.
        for who in ["inspector", "provincial_officer", "regional_coordinator"] {
            let token = token_for(&app, who).await;
            let file = send(&app, Method::GET, "/beneficiaries/1", Some(&token), None, &[]).await;
            assert_eq!(file.status, StatusCode::OK, "{who}");
            assert!(!file.body.contains("Asthme") && !file.body.contains("Collège, 1re"), "{who}");
            assert!(file.body.contains("ne sont visibles que par la direction de l&#39;établissement"), "{who}");
            assert!(file.body.contains("Renouer avec la famille"), "{who}");
        }
        let inspector = token_for(&app, "inspector").await;
        let refused = send(&app, Method::POST, "/beneficiaries/1/sensitive", Some(&inspector), Some("health=x"), SAME_ORIGIN).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        let officer = token_for(&app, "provincial_officer").await;
        let refused = send(&app, Method::POST, "/beneficiaries/1/sensitive", Some(&officer), Some("health=x"), SAME_ORIGIN).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);

        // Every opening is in the trail; the sensitive notes' reading separately.
        let count = |entity: &'static str| {
            let store = store.clone();
            async move {
                jisr_store::audit::search(&store, &jisr_store::audit::Search {
                    entity: Some(entity.into()), action: Some("read".into()), entity_id: Some("1".into()),
                    ..Default::default()
                }, 100).await.unwrap().len()
            }
        };
        // The social worker opened it three times (once again with a refused goal).
        assert_eq!(count("beneficiary").await, 3 + 1 + 3);
        assert_eq!(count("beneficiary-sensitive").await, 3 + 1);
        let written = jisr_store::audit::search(&store, &jisr_store::audit::Search {
            entity: Some("beneficiary-sensitive".into()), action: Some("update".into()), ..Default::default()
        }, 10).await.unwrap();
        assert!(written.len() == 1 && !written[0].after.contains("Asthme"), "the trail names the notes, never their content");
    })
    .await;
}

#[tokio::test]
async fn registers_and_files_of_another_province_answer_not_found() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let worker = token_for(&app, "social_worker").await;
        for (method, path, form) in [
            (Method::GET, "/establishments/2/register", None),
            (Method::GET, "/beneficiaries/2", None),
            (
                Method::POST,
                "/establishments/2/admissions",
                Some("name_fr=Omar"),
            ),
            (
                Method::POST,
                "/establishments/2/admissions/2/exit",
                Some("exit_on=2025-10-01&reason=kafala"),
            ),
            // A line of another establishment is not reached through one's own.
            (
                Method::POST,
                "/establishments/1/admissions/2/exit",
                Some("exit_on=2025-10-01&reason=kafala"),
            ),
            (
                Method::POST,
                "/beneficiaries/2/goals",
                Some("goal=x&review_on=2026-01-01"),
            ),
            (
                Method::POST,
                "/beneficiaries/2/goals/2",
                Some("status=reached"),
            ),
            (
                Method::POST,
                "/beneficiaries/2/services",
                Some("on_date=2025-10-01&description=x"),
            ),
            (Method::POST, "/beneficiaries/2/sensitive", Some("health=x")),
        ] {
            let headers = if form.is_some() { SAME_ORIGIN } else { &[] };
            let r = send(&app, method.clone(), path, Some(&worker), form, headers).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{method} {path}");
        }
        let nothing = jisr_store::audit::search(
            &store,
            &jisr_store::audit::Search {
                entity: Some("beneficiary".into()),
                action: Some("read".into()),
                entity_id: Some("2".into()),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
        assert!(nothing.is_empty(), "a file not shown is not read");

        // The API: the register without sensitive notes, within scope only.
        let officer = accounts::find_user(store.conn(), "provincial_officer")
            .await
            .unwrap();
        let (_, token) =
            jisr_store::tokens::create(&store, &Actor::system("test"), officer.id, "sync")
                .await
                .unwrap();
        let care = jisr_store::care::Scoped::unscoped_for_system_jobs(&store);
        care.update_sensitive(
            &Actor::system("test"),
            1,
            &jisr_store::care::SensitiveNotes {
                health: "Asthme".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let reg = send_json(
            &app,
            Method::GET,
            "/api/v1/establishments/1/register",
            &token,
            "",
        )
        .await;
        assert_eq!(reg.status, StatusCode::OK, "{}", reg.body);
        let v: serde_json::Value = serde_json::from_str(&reg.body).unwrap();
        assert_eq!(v["occupancy"]["female"], 1);
        assert_eq!(v["capacity"]["female"], 40);
        assert_eq!(v["over_capacity"], false);
        assert_eq!(v["lines"][0]["name_fr"], "Salma Alaoui");
        assert_eq!(v["lines"][0]["basis"], "family_request");
        assert!(!reg.body.contains("Asthme") && !reg.body.contains("health"));
        let other = send_json(
            &app,
            Method::GET,
            "/api/v1/establishments/2/register",
            &token,
            "",
        )
        .await;
        assert_eq!(other.status, StatusCode::NOT_FOUND);
        let doc = send(&app, Method::GET, "/api/v1/openapi.json", None, None, &[]).await;
        assert!(doc.body.contains("/api/v1/establishments/{id}/register"));
    })
    .await;
}

/// A JSON call with no cookie and no token, as a citizen's application would make.
async fn send_public_json(app: &axum::Router, uri: &str, body: &str) -> Reply {
    let req = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::HOST, "jisr.test")
        .header(header::ACCEPT_LANGUAGE, "fr")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn tracking_code_in(body: &str) -> String {
    let start = body
        .find("<strong class=\"code\" dir=\"ltr\">")
        .expect("tracking code")
        + 31;
    body[start..start + 12].to_owned()
}

#[tokio::test]
async fn a_parent_applies_online_is_asked_once_for_a_document_and_follows_the_decision() {
    each_backend(|store| async move {
        set_lang("fr");
        let app = app(&store).await;
        let page = send(
            &app,
            Method::GET,
            "/services?need=disability",
            None,
            None,
            &[],
        )
        .await;
        assert!(
            page.body
                .contains("Place dans un centre pour personnes en situation de handicap")
        );
        let form = send(
            &app,
            Method::GET,
            "/services/disability-centre/apply?province=07.427",
            None,
            None,
            &[],
        )
        .await;
        assert!(form.body.contains("Protection des données personnelles"));
        assert!(form.body.contains("Ben Guerir"));
        let pdf: &[u8] = b"%PDF-1.4 acte de naissance";
        let fields = |consent: &'static str,
                      key: &'static str|
         -> Vec<(&'static str, Option<&'static str>, &'static [u8])> {
            vec![
                ("submission_key", None, key.as_bytes()),
                ("province", None, b"07.427"),
                ("applicant_relation", None, b"parent"),
                ("applicant_name_fr", None, b"Fatima Alaoui"),
                ("applicant_phone", None, b"06 12 34 56 78"),
                ("beneficiary_name_fr", None, b"Amine Alaoui"),
                ("beneficiary_birth_date", None, b"2017-02-03"),
                ("beneficiary_sex", None, b"male"),
                ("commune", None, b"07.427.01.01"),
                ("consent", None, consent.as_bytes()),
            ]
        };
        // Without consent: refused at the field, what was typed kept, the file kept.
        let mut parts = fields("", "web-key-1");
        parts.push(("file-birth_certificate", Some("acte.pdf"), pdf));
        let refused = send_files_with(&app, "/services/disability-centre/apply", "", &parts).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("cochez la case"), "{}", refused.body);
        assert!(refused.body.contains("value=\"Amine Alaoui\""));
        assert!(refused.body.contains("Déjà reçu"));
        let kept_start = refused
            .body
            .find("name=\"kept-birth_certificate\" value=\"")
            .unwrap()
            + 37;
        let kept = refused.body[kept_start..]
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        // Corrected, with the kept file carried by the form: filed, with a receipt.
        let mut parts = fields("yes", "web-key-1");
        parts.push(("kept-birth_certificate", None, kept.as_bytes()));
        let filed = send_files_with(&app, "/services/disability-centre/apply", "", &parts).await;
        assert_eq!(filed.status, StatusCode::OK, "{}", filed.body);
        let code = tracking_code_in(&filed.body);
        assert!(filed.body.contains("acte.pdf"));
        // A second click files nothing new.
        let again = send_files_with(&app, "/services/disability-centre/apply", "", &parts).await;
        assert!(again.body.contains(&code));
        assert!(again.body.contains("déjà été reçue"));

        // Tracking needs the right second fact.
        let wrong = send(
            &app,
            Method::POST,
            "/track",
            None,
            Some(&format!("code={code}&secret=2017-02-04")),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.body.contains("Aucune demande ne correspond"));
        let status = send(
            &app,
            Method::POST,
            "/track",
            None,
            Some(&format!("code={code}&secret=2017-02-03")),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(status.status, StatusCode::OK);
        assert!(status.body.contains("Reçue"));

        // The social worker takes it and asks once for the medical certificate.
        let worker = token_for(&app, "social_worker").await;
        let queue = send(&app, Method::GET, "/applications", Some(&worker), None, &[]).await;
        assert!(queue.body.contains(&code), "{}", queue.body);
        let id = 3; // after the two fixture applications
        let r = send(
            &app,
            Method::POST,
            &format!("/applications/{id}/assign"),
            Some(&worker),
            Some("user=me"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = send(
            &app,
            Method::POST,
            &format!("/applications/{id}/request-documents"),
            Some(&worker),
            Some("items=medical_certificate&message="),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Indiquez le motif"));
        let r = send(
            &app,
            Method::POST,
            &format!("/applications/{id}/request-documents"),
            Some(&worker),
            Some("items=medical_certificate&message=Merci+du+certificat"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = send(
            &app,
            Method::POST,
            &format!("/applications/{id}/decide"),
            Some(&worker),
            Some("decision=accept&reason=ok"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "no decision while waiting for the document"
        );

        // The parent sends it from the status page.
        let sent = send_files_with(
            &app,
            "/track/documents",
            "",
            &[
                ("code", None, code.as_bytes()),
                ("secret", None, b"06 12 34 56 78"),
                (
                    "file-medical_certificate",
                    Some("certificat.pdf"),
                    b"%PDF-1.4 certificat",
                ),
            ],
        )
        .await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
        assert!(sent.body.contains("Les pièces ont été reçues"));

        // Accepted: no centre delivers the service here, so the child waits with a rank.
        let r = send(
            &app,
            Method::POST,
            &format!("/applications/{id}/decide"),
            Some(&worker),
            Some("decision=accept&reason=Besoin+%C3%A9tabli"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let status = send(
            &app,
            Method::POST,
            "/track",
            None,
            Some(&format!("code={code}&secret=2017-02-03")),
            SAME_ORIGIN,
        )
        .await;
        assert!(
            status.body.contains("Rang sur la liste d"),
            "{}",
            status.body
        );
        let outbox = send(&app, Method::GET, "/outbox", Some(&worker), None, &[]).await;
        assert!(outbox.body.contains("une pièce manque"), "{}", outbox.body);

        // The record explains the priority: assessment plus the needs model, term by term,
        // read from what the application declared (no national ID was given).
        let record = send(
            &app,
            Method::GET,
            &format!("/applications/{id}"),
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert!(
            record.body.contains("Priorité sur la liste d’attente"),
            "{}",
            record.body
        );
        assert!(record.body.contains("ce que la demande déclare"));
        assert!(record.body.contains("Enfants de moins de 18 ans"));
        assert!(record.body.contains("coefficient régional"));
        // The waiting list of the province ranks it, with the same explanation.
        let list = send(
            &app,
            Method::GET,
            "/waiting-lists?service=disability-centre&province=07.427",
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains(&code), "{}", list.body);
        assert!(list.body.contains("1 demande en attente"), "{}", list.body);
        assert!(list.body.contains("Pourquoi le rang 1"));
        set_lang("ar");
        let list = send(
            &app,
            Method::GET,
            "/waiting-lists?service=disability-centre&province=07.427",
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert!(list.body.contains("لماذا الرتبة 1"), "{}", list.body);
        assert!(list.body.contains("الأطفال دون 18 سنة"));
        set_lang("fr");
        // Another province's list is not found; a service without places shows nothing.
        let other = send(
            &app,
            Method::GET,
            "/waiting-lists?service=disability-centre&province=06.141",
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert_eq!(other.status, StatusCode::NOT_FOUND);

        // The same through the API, without an account.
        let body = serde_json::json!({
            "service": "disability-centre", "submission_key": "api-1",
            "applicant_relation": "parent", "applicant_name_fr": "Aicha", "applicant_phone": "0612345678",
            "beneficiary_name_fr": "Salma", "beneficiary_birth_date": "2018-01-01",
            "beneficiary_sex": "female", "commune_code": "07.427.01.01", "consent": true,
            "documents": [{"requirement": "birth_certificate", "file_name": "a.pdf",
                           "content_base64": "JVBERi0xLjQgYWN0ZQ=="}]
        });
        let r = send_public_json(&app, "/api/v1/applications", &body.to_string()).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        let api_code = v["tracking_code"].as_str().unwrap().to_owned();
        let r = send_public_json(&app, "/api/v1/applications", &body.to_string()).await;
        assert_eq!(r.status, StatusCode::OK);
        let mut bad = body.clone();
        bad["submission_key"] = "api-2".into();
        bad["consent"] = false.into();
        bad["commune_code"] = "99".into();
        let r = send_public_json(&app, "/api/v1/applications", &bad.to_string()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        let named: Vec<&str> = v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["field"].as_str())
            .collect();
        assert!(
            named.contains(&"consent") && named.contains(&"commune_code"),
            "{}",
            r.body
        );
        let r = send_public_json(
            &app,
            "/api/v1/applications/status",
            &serde_json::json!({"tracking_code": api_code, "secret": "2018-01-01"}).to_string(),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let r = send_public_json(
            &app,
            "/api/v1/applications/status",
            &serde_json::json!({"tracking_code": api_code, "secret": "2018-01-02"}).to_string(),
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn a_programme_owner_tunes_a_needs_model_with_errors_kept_at_their_fields() {
    each_backend(|store| async move {
        set_lang("fr");
        let app = app(&store).await;
        let owner = token_for(&app, "programme_owner").await;
        let list = send(&app, Method::GET, "/needs-models", Some(&owner), None, &[]).await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("/needs-models/disability-centre"));
        let form = send(
            &app,
            Method::GET,
            "/needs-models/disability-centre",
            Some(&owner),
            None,
            &[],
        )
        .await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("Taille du ménage"), "{}", form.body);
        assert!(form.body.contains("ln(1 + x)"));

        // A weight that is not a number and a coefficient out of range: both named, both
        // kept as typed, nothing saved.
        let bad = "intercept=0&weight-household-size=beaucoup&missing-household-size=0&coef-07=20";
        let r = send(
            &app,
            Method::POST,
            "/needs-models/disability-centre",
            Some(&owner),
            Some(bad),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Saisissez un nombre"), "{}", r.body);
        assert!(r.body.contains("hors de l’intervalle"));
        assert!(r.body.contains("value=\"beaucoup\""));
        assert!(r.body.contains("value=\"20\""));
        let model = |store: Store| async move {
            jisr_store::services::needs_model(
                &jisr_store::services::get(&store, "disability-centre")
                    .await
                    .unwrap(),
            )
            .unwrap()
        };
        let before = model(store.clone()).await;
        assert!(before.region_coefficients.iter().all(|(c, _)| c != "07"));

        // Corrected (a comma or a point as decimal mark): saved and audited.
        let mut good = String::from("intercept=0,5&coef-07=1,25");
        for t in &before.terms {
            good.push_str(&format!("&weight-{}=2&missing-{}=0", t.id, t.id));
        }
        for code in [
            "01", "02", "03", "04", "05", "06", "08", "09", "10", "11", "12",
        ] {
            good.push_str(&format!("&coef-{code}=1"));
        }
        let r = send(
            &app,
            Method::POST,
            "/needs-models/disability-centre",
            Some(&owner),
            Some(&good),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let after = model(store.clone()).await;
        assert_eq!(after.intercept, 0.5);
        assert_eq!(after.region_coefficients, vec![("07".to_string(), 1.25)]);
        assert!(after.terms.iter().all(|t| t.weight == 2.0));
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let trail = jisr_store::entity::audit_log::Entity::find()
            .filter(jisr_store::entity::audit_log::Column::Entity.eq("needs_model"))
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(trail.len(), 1);
        assert_eq!(trail[0].entity_id, "disability-centre");

        // A social worker may read waiting lists but not change the model.
        let worker = token_for(&app, "social_worker").await;
        let r = send(
            &app,
            Method::GET,
            "/needs-models/disability-centre",
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        // A service without a model is not found.
        let r = send(
            &app,
            Method::GET,
            "/needs-models/women-training",
            Some(&owner),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn a_programme_deciding_about_persons_explains_each_member() {
    each_backend(|store| async move {
        set_lang("fr");
        let app = app(&store).await;
        let api_token = |name: &'static str| {
            let store = store.clone();
            async move {
                let user = accounts::find_user(store.conn(), name).await.unwrap();
                jisr_store::tokens::create(&store, &Actor::system("test"), user.id, "sync")
                    .await
                    .unwrap()
                    .1
            }
        };
        let owner = api_token("programme_owner").await;
        let body = r#"{"code":"school-support","name_ar":"دعم التمدرس","name_fr":"Aide scolaire","pays_benefit":true,"level":"person"}"#;
        let r = send_json(&app, Method::POST, "/api/v1/programmes", &owner, body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["level"], "person");
        // A person's fields are known to a person programme; household ones need their prefix.
        let r = send_json(&app, Method::POST, "/api/v1/programmes/school-support/drafts", &owner,
            r#"{"valid_from":"2027-09-01","rule":"school-age: age >= 6 and age <= 17\npoor: index <= 9.743001","benefit":"200"}"#).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["errors"][0]["name"], "index");
        let r = send_json(&app, Method::POST, "/api/v1/programmes/school-support/drafts", &owner,
            r#"{"valid_from":"2027-09-01","rule":"school-age: age >= 6 and age <= 17\npoor: household.index <= 9.743001","benefit":"if(age >= 15, 300, 200)"}"#).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        // Simulated: one child of school age in a poor household enters (household 1's son).
        let r = send_json(&app, Method::GET, "/api/v1/programmes/school-support/simulation?version=1", &owner, "").await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(v["totals"]["entering"], 1, "{}", r.body);
        assert_eq!(v["totals"]["cost_after"], 200.0);
        let r = send_json(&app, Method::POST, "/api/v1/programmes/school-support/versions/1/activation", &owner, "").await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);

        // The household's page gives one decision per member, named, and why.
        let worker = token_for(&app, "social_worker").await;
        let page = send(&app, Method::GET, "/registry/households/1", Some(&worker), None, &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Aide scolaire — Youssef Alaoui"), "{}", page.body);
        assert!(page.body.contains("Aide scolaire — Fatima Alaoui"));
        let youssef = page.body.split("Aide scolaire — Youssef Alaoui").nth(1).unwrap();
        let youssef = youssef.split("</h3>").next().unwrap();
        assert!(youssef.contains("Éligible") || youssef.contains("éligible"), "{youssef}");
        set_lang("ar");
        let page = send(&app, Method::GET, "/registry/households/1", Some(&worker), None, &[]).await;
        assert!(page.body.contains("دعم التمدرس — يوسف العلوي"), "{}", page.body);
        set_lang("fr");
        // The API carries the member of each person decision.
        let api_worker = api_token("social_worker").await;
        let r = send_json(&app, Method::GET, "/api/v1/registry/households/1", &api_worker, "").await;
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        let persons: Vec<&serde_json::Value> = v["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["programme"] == "school-support")
            .collect();
        assert_eq!(persons.len(), 2, "{}", r.body);
        assert!(persons.iter().all(|d| d["person_id"].is_i64()));
        assert_eq!(persons.iter().filter(|d| d["eligible"] == true).count(), 1);

        // A draft raising the school age: the household page re-evaluates each member
        // under it and shows what changes, without changing any decision.
        let r = send_json(&app, Method::POST, "/api/v1/programmes/school-support/drafts", &owner,
            r#"{"valid_from":"2028-09-01","rule":"school-age: age >= 12 and age <= 17\npoor: household.index <= 9.743001","benefit":"200"}"#).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let page = send(&app, Method::GET, "/registry/households/1", Some(&worker), None, &[]).await;
        let youssef = page.body.split_once("Aide scolaire — Youssef Alaoui").unwrap().1;
        let youssef = youssef.split("</section>").next().unwrap();
        assert!(youssef.contains("Réévaluation selon le projet de version 2"), "{youssef}");
        assert!(youssef.contains("la décision change"), "{youssef}");
        let fatima = page.body.split_once("Aide scolaire — Fatima Alaoui").unwrap().1;
        let fatima = fatima.split("</section>").next().unwrap();
        assert!(fatima.contains("la décision ne change pas"), "{fatima}");
        let r = send_json(&app, Method::GET, "/api/v1/registry/households/1", &api_worker, "").await;
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        let still = v["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["programme"] == "school-support" && d["eligible"] == true)
            .count();
        assert_eq!(still, 1, "the version in force still decides");
    })
    .await;
}

/// The names of the rows of a list, in order: the text of each link to `prefix{id}`.
fn row_names(body: &str, prefix: &str) -> Vec<String> {
    let table = body.split("<tbody>").nth(1).unwrap_or("");
    let table = table.split("</tbody>").next().unwrap_or("");
    table
        .split(&format!("<a href=\"{prefix}"))
        .skip(1)
        .filter_map(|s| Some(s.split_once("\">")?.1.split_once("</a>")?.0.to_owned()))
        .collect()
}

/// The value and label of the dashboard figure linking to `href`.
fn figure(body: &str, href: &str) -> Option<(String, String)> {
    let rest = body
        .split(&format!("<a href=\"{href}\"><span class=\"figure-value\">"))
        .nth(1)?;
    let (value, rest) = rest.split_once("</span> <span class=\"figure-label\">")?;
    let (label, _) = rest.split_once("</span>")?;
    Some((value.to_owned(), label.to_owned()))
}

#[tokio::test]
async fn lists_are_sorted_and_paged_by_the_database_with_their_filters() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let actor = Actor::system("test");
        // 30 more associations in Rehamna (31 with the fixture's): two pages of 25.
        let partners = jisr_store::associations::Scoped::unscoped_for_system_jobs(&store);
        for n in 1..=30 {
            partners
                .create(
                    &actor,
                    &jisr_store::associations::AssociationInput {
                        registration_number: format!("BG/2020/{:02}", 31 - n),
                        name_fr: format!("Association Test {n:02}"),
                        registration_date: "2020-01-02".into(),
                        commune: "07.427.01.01".into(),
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
        }
        let officer = token_for(&app, "provincial_officer").await;
        let get = |path: &'static str| send(&app, Method::GET, path, Some(&officer), None, &[]);

        // The default order: by name, ascending, first page.
        let first = get("/associations").await;
        assert_eq!(first.status, StatusCode::OK);
        let names = row_names(&first.body, "/associations/");
        assert_eq!(names.len(), 25);
        assert_eq!(names[0], "Association Al Amal");
        assert_eq!(names[24], "Association Test 24");
        assert!(first.body.contains("31 associations"));
        assert!(first.body.contains("Page 1 sur 2"));
        assert!(first.body.contains(r#"aria-sort="ascending"><a class="sort" id="sort-name" href="/associations?sort=name&#38;dir=desc""#), "{}", first.body);
        assert!(first.body.contains(r#"id="pager-next" href="/associations?sort=name&#38;dir=asc&#38;page=2" hx-get="/associations?sort=name&#38;dir=asc&#38;page=2" rel="next""#));

        // Page 2: the next rows, none of the first page.
        let second = get("/associations?sort=name&dir=asc&page=2").await;
        let names2 = row_names(&second.body, "/associations/");
        assert_eq!(names2, (25..=30).map(|n| format!("Association Test {n:02}")).collect::<Vec<_>>());
        assert!(second.body.contains("Page 2 sur 2") && second.body.contains(r#"rel="prev""#));

        // Descending: the order turns over.
        let desc = get("/associations?sort=name&dir=desc").await;
        let names_desc = row_names(&desc.body, "/associations/");
        assert_eq!(names_desc[0], "Association Test 30");
        assert!(desc.body.contains(r#"aria-sort="descending""#));

        // Sorting by number with a search: only the matches, by number (the reverse of
        // their names), and the links keep the search.
        let found = get("/associations?q=Test+0&sort=number&dir=asc").await;
        let names_found = row_names(&found.body, "/associations/");
        assert_eq!(names_found, (1..=9).rev().map(|n| format!("Association Test {n:02}")).collect::<Vec<_>>());
        assert!(found.body.contains("9 associations"));
        assert!(found.body.contains(r#"href="/associations?q=Test%200&#38;sort=number&#38;dir=desc""#));
        assert!(found.body.contains(r#"<input type="hidden" name="sort" value="number">"#));

        // An unknown sort or direction falls back to the default order; a page past the
        // end shows the last one.
        let bad = get("/associations?sort=password&dir=sideways&page=abc").await;
        assert_eq!(bad.status, StatusCode::OK);
        assert_eq!(row_names(&bad.body, "/associations/"), names);
        let past = get("/associations?page=99").await;
        assert_eq!(row_names(&past.body, "/associations/"), names2);

        // htmx asks for the table region alone; restoring history gets the whole page.
        let part = send(&app, Method::GET, "/associations?sort=name&dir=desc", Some(&officer), None, &[("hx-request", "true")]).await;
        assert_eq!(part.status, StatusCode::OK);
        assert!(part.body.trim_start().starts_with(r#"<div id="associations-region""#), "{}", part.body);
        assert!(!part.body.contains("<html") && !part.body.contains("<h1>"));
        assert_eq!(row_names(&part.body, "/associations/"), names_desc);
        assert_eq!(part.headers.get(header::VARY).unwrap(), "HX-Request");
        let restore = send(&app, Method::GET, "/associations", Some(&officer), None, &[("hx-request", "true"), ("hx-history-restore-request", "true")]).await;
        assert!(restore.body.contains("<html") && restore.body.contains(r#"<div id="associations-region""#));
        // Without JavaScript the same form is a plain GET that renders the whole page.
        assert!(first.body.contains(r#"<form method="get" action="/associations" hx-get="/associations""#));
        assert!(first.body.contains(r#"<script src="/static/js/htmx-2.0.11.min.js" defer></script>"#));

        // Establishments: by capacity, largest first, within the officer's province.
        let system = jisr_store::establishments::Scoped::unscoped_for_system_jobs(&store);
        for (name, places, commune) in [("Centre A", 10, "07.427.01.01"), ("Centre B", 25, "07.427.01.01"), ("Centre C", 60, "07.427.01.01"), ("Centre Safi", 90, "07.431.01.03")] {
            system
                .create(&actor, jisr_store::establishments::NewEstablishment {
                    name_ar: String::new(),
                    name_fr: name.into(),
                    category: "elderly".into(),
                    commune: jisr_domain::geo::CommuneCode::parse(commune).unwrap(),
                    address: String::new(),
                    phone: String::new(),
                    capacity: jisr_domain::establishments::Capacity::new(places, 0).unwrap(),
                    details: Default::default(),
                })
                .await
                .unwrap();
        }
        let by_capacity = get("/establishments?sort=capacity").await;
        assert_eq!(row_names(&by_capacity.body, "/establishments/"), ["Centre C", "Dar Taliba Ben Guerir", "Centre B", "Centre A"]);
        let smallest = get("/establishments?sort=capacity&dir=asc&status=project").await;
        assert_eq!(row_names(&smallest.body, "/establishments/"), ["Centre A", "Centre B", "Centre C"]);
        assert!(smallest.body.contains(r#"href="/establishments?status=project&#38;sort=name&#38;dir=asc""#));
    })
    .await;
}

#[tokio::test]
async fn the_accounts_list_shows_in_the_database_what_each_administrator_may_see() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let everyone = accounts::accounts(store.conn()).await.unwrap();
        for (name, role, scope) in people() {
            if !matches!(
                role,
                Role::NationalAdministrator | Role::RegionalCoordinator | Role::ProvincialOfficer
            ) {
                continue;
            }
            let viewer = [(role, scope)];
            let mut expected: Vec<String> = everyone
                .iter()
                .filter(|a| jisr_domain::access::may_see_account(&viewer, &a.grants))
                .map(|a| a.user.username.clone())
                .collect();
            expected.sort();
            let token = token_for(&app, name).await;
            let page = send(&app, Method::GET, "/admin/users", Some(&token), None, &[]).await;
            assert_eq!(row_names(&page.body, "/admin/users/"), expected, "{name}");
            // Reversed by username, and searched.
            let desc = send(
                &app,
                Method::GET,
                "/admin/users?sort=username&dir=desc",
                Some(&token),
                None,
                &[],
            )
            .await;
            expected.reverse();
            assert_eq!(row_names(&desc.body, "/admin/users/"), expected, "{name}");
        }
        let coordinator = token_for(&app, "regional_coordinator").await;
        let found = send(
            &app,
            Method::GET,
            "/admin/users?q=social",
            Some(&coordinator),
            None,
            &[],
        )
        .await;
        assert_eq!(row_names(&found.body, "/admin/users/"), ["social_worker"]);
        assert!(found.body.contains("1 compte"));
    })
    .await;
}

#[tokio::test]
async fn the_audit_trail_is_paged_newest_first() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let token = token_for(&app, "auditor").await;
        let total = jisr_store::audit::count(&store).await.unwrap();
        assert!(total > 50, "{total}");
        let first = send(&app, Method::GET, "/audit", Some(&token), None, &[]).await;
        let ids = |body: &str| -> Vec<u64> {
            let rows = body.split("<tbody>").nth(1).unwrap_or("");
            rows.split("<tr>\n    <td class=\"code\">")
                .skip(1)
                .filter_map(|s| s.split_once("</td>")?.0.parse().ok())
                .collect()
        };
        let newest = ids(&first.body);
        assert_eq!(newest.len(), 50);
        assert_eq!(newest[0], total);
        assert!(
            first
                .body
                .contains(&format!("Page 1 sur {}", total.div_ceil(50)))
        );
        let second = send(&app, Method::GET, "/audit?page=2", Some(&token), None, &[]).await;
        assert_eq!(ids(&second.body)[0], total - 50);
        // Oldest first, with a filter kept in the pager's links.
        let oldest = send(
            &app,
            Method::GET,
            "/audit?action=grant&sort=at&dir=asc",
            Some(&token),
            None,
            &[],
        )
        .await;
        let grants = ids(&oldest.body);
        // Eight roles granted and three grant-committee members named.
        assert_eq!(grants.len(), 11);
        assert!(grants.windows(2).all(|w| w[0] < w[1]));
        assert!(oldest.body.contains("11 entrées"));
        assert!(
            oldest
                .body
                .contains(r#"href="/audit?action=grant&#38;sort=at&#38;dir=desc""#)
        );
    })
    .await;
}

#[tokio::test]
async fn destructive_forms_need_their_confirmation_ticked() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let officer = token_for(&app, "provincial_officer").await;
        // Removing a board member: without the box, nothing happens and the form says why.
        let refused = send(&app, Method::POST, "/associations/1/board/1/delete", Some(&officer), Some(""), SAME_ORIGIN).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains(r#"<details class="confirm" open>"#));
        assert!(refused.body.contains(r#"id="confirm-1-error" role="alert">Cochez la case pour confirmer.</p>"#));
        assert!(refused.body.contains("Fatima Zahra"));
        let board = jisr_store::associations::Scoped::unscoped_for_system_jobs(&store);
        assert_eq!(board.board(1).await.unwrap().len(), 1);
        let done = send(&app, Method::POST, "/associations/1/board/1/delete", Some(&officer), Some("confirm=yes"), SAME_ORIGIN).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        assert!(board.board(1).await.unwrap().is_empty());
        // Out of scope is still "not found", ticked or not.
        let foreign = send(&app, Method::POST, "/associations/2/board/2/delete", Some(&officer), Some(""), SAME_ORIGIN).await;
        assert_eq!(foreign.status, StatusCode::NOT_FOUND);

        // Suspending an establishment: refused without the box, what was typed kept.
        let status = send(&app, Method::POST, "/establishments/1/status", Some(&officer), Some("to=suspended&reason=Locaux+insalubres"), SAME_ORIGIN).await;
        assert_eq!(status.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(status.body.contains(r#"<p class="field-error" id="confirm-error">Pour refuser, suspendre, retirer ou fermer, cochez la case de confirmation.</p>"#));
        assert!(status.body.contains("Locaux insalubres") && status.body.contains(r#"value="suspended" selected"#));
        let system = jisr_store::establishments::Scoped::unscoped_for_system_jobs(&store);
        assert_eq!(system.get(1).await.unwrap().status, "authorised");
        let suspended = send(&app, Method::POST, "/establishments/1/status", Some(&officer), Some("to=suspended&reason=Locaux+insalubres&confirm=yes"), SAME_ORIGIN).await;
        assert_eq!(suspended.status, StatusCode::SEE_OTHER, "{}", suspended.body);
        assert_eq!(system.get(1).await.unwrap().status, "suspended");

        // An exit from the register: refused without the box, the line's form open.
        let worker = token_for(&app, "social_worker").await;
        let salma = admission_of(&store, "Salma Alaoui").await;
        let exit = format!("/establishments/1/admissions/{salma}/exit");
        let unconfirmed = send(&app, Method::POST, &exit, Some(&worker), Some("exit_on=2025-10-03&reason=autonomy"), SAME_ORIGIN).await;
        assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unconfirmed.body.contains(&format!(r#"id="confirm-{salma}-error">Cochez la case pour confirmer.</p>"#)));
        assert!(unconfirmed.body.contains(r#"value="2025-10-03""#));
        let register = jisr_store::care::Scoped::unscoped_for_system_jobs(&store).register(1).await.unwrap();
        assert!(register.lines.iter().all(|l| l.is_present()));
    })
    .await;
}

#[tokio::test]
async fn each_role_lands_on_the_figures_of_its_own_territory() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let dash = |token: String| {
            let app = app.clone();
            async move { send(&app, Method::GET, "/dashboard", Some(&token), None, &[]).await.body }
        };
        // Rehamna's officer: establishment 1 authorised with one girl of 40 places, and
        // application 1.
        let officer = dash(token_for(&app, "provincial_officer").await).await;
        assert_eq!(figure(&officer, "/establishments?status=authorised"), Some(("1".into(), "Autorisé".into())));
        assert!(officer.contains(r#"<span class="figure-value">1 / 40</span> <span class="figure-label">Places occupées / autorisées</span>"#));
        assert_eq!(figure(&officer, "/applications?status=submitted"), Some(("1".into(), "Reçue".into())));
        assert_eq!(figure(&officer, "/applications"), Some(("0".into(), "Demandes en retard (délai dépassé)".into())));

        // Safi's officer: one project of their own, nothing of Rehamna's.
        let system = jisr_store::establishments::Scoped::unscoped_for_system_jobs(&store);
        system
            .create(&Actor::system("test"), jisr_store::establishments::NewEstablishment {
                name_ar: String::new(),
                name_fr: "Centre Safi".into(),
                category: "elderly".into(),
                commune: jisr_domain::geo::CommuneCode::parse("07.431.01.03").unwrap(),
                address: String::new(),
                phone: String::new(),
                capacity: jisr_domain::establishments::Capacity::new(12, 0).unwrap(),
                details: Default::default(),
            })
            .await
            .unwrap();
        let pw = Password::parse(PASSWORD).unwrap();
        let system_actor = Actor::system("test");
        let safi_id = accounts::create_user(&store, &system_actor, "officer_safi", "Safi", &pw, false).await.unwrap();
        accounts::grant_role(&store, &system_actor, safi_id, Role::ProvincialOfficer, &Scope::Province(ProvinceCode::parse("07.431").unwrap())).await.unwrap();
        let safi = dash(token_for(&app, "officer_safi").await).await;
        assert_eq!(figure(&safi, "/establishments?status=project"), Some(("1".into(), "Projet".into())));
        assert_eq!(figure(&safi, "/establishments?status=authorised"), None);
        assert!(safi.contains(r#"<span class="figure-value">0 / 0</span>"#));
        assert_eq!(figure(&safi, "/applications?status=submitted"), None);
        // The same counts from the store, for Safi and for Rehamna.
        let safi_grants = [(Role::ProvincialOfficer, Scope::Province(ProvinceCode::parse("07.431").unwrap()))];
        let rehamna_grants = [(Role::ProvincialOfficer, Scope::Province(ProvinceCode::parse("07.427").unwrap()))];
        assert_eq!(jisr_store::figures::establishments_by_status(&store, &safi_grants).await.unwrap(), [("project", 1)]);
        assert_eq!(jisr_store::figures::establishments_by_status(&store, &rehamna_grants).await.unwrap(), [("authorised", 1)]);
        assert_eq!(jisr_store::figures::places(&store, &safi_grants).await.unwrap(), (0, 0));
        assert!(jisr_store::figures::applications_by_status(&store, &safi_grants).await.unwrap().is_empty());
        assert_eq!(jisr_store::figures::households(&store, &safi_grants).await.unwrap(), 0);
        assert_eq!(jisr_store::figures::households(&store, &rehamna_grants).await.unwrap(), 1);

        // The regional coordinator counts both provinces of the region, not Casablanca.
        let region = dash(token_for(&app, "regional_coordinator").await).await;
        assert_eq!(figure(&region, "/establishments?status=authorised"), Some(("1".into(), "Autorisé".into())));
        assert_eq!(figure(&region, "/establishments?status=project"), Some(("1".into(), "Projet".into())));
        // The national administrator counts both authorised establishments.
        let national = dash(token_for(&app, "national_administrator").await).await;
        assert_eq!(figure(&national, "/establishments?status=authorised"), Some(("2".into(), "Autorisé".into())));
        assert!(national.contains(r#"<span class="figure-value">2 / 80</span>"#));

        // The social worker: what is assigned to them, and the province's applications.
        let worker = dash(token_for(&app, "social_worker").await).await;
        assert_eq!(figure(&worker, "/applications?mine=1"), Some(("0".into(), "Demandes qui vous sont confiées".into())));
        assert_eq!(figure(&worker, "/applications?status=submitted"), Some(("1".into(), "Reçue".into())));
        assert_eq!(figure(&worker, "/establishments?status=authorised"), None);
        // The inspector: establishments of the province, no applications.
        let inspector = dash(token_for(&app, "inspector").await).await;
        assert_eq!(figure(&inspector, "/establishments?status=authorised"), Some(("1".into(), "Autorisé".into())));
        assert_eq!(figure(&inspector, "/applications?status=submitted"), None);
        // The manager: their establishment's occupancy.
        let manager = dash(token_for(&app, "establishment_manager").await).await;
        assert!(manager.contains(r#"<span class="figure-value">1 / 40</span>"#));
        // The programme owner: the programmes and the registry.
        let owner = dash(token_for(&app, "programme_owner").await).await;
        let programmes = jisr_store::figures::programmes(&store).await.unwrap();
        assert!(programmes > 0);
        assert_eq!(figure(&owner, "/programmes"), Some((programmes.to_string(), "Programmes".into())));
        assert_eq!(figure(&owner, "/registry/households"), Some(("2".into(), "Ménages du registre".into())));
        // The auditor: today's entries, linking to the trail of the day.
        let auditor = dash(token_for(&app, "auditor").await).await;
        let today = jisr_domain::time::today();
        let (value, _) = figure(&auditor, &format!("/audit?from={today}&#38;to={today}")).unwrap();
        assert!(value.parse::<u64>().unwrap() > 0, "{value}");
    })
    .await;
}

/// Reads an open-data CSV into `(row_code, column_code) → value`.
fn open_data(csv_text: &str) -> std::collections::BTreeMap<(String, String), String> {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = r.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "dataset",
            "period",
            "row_code",
            "row_name_ar",
            "row_name_fr",
            "column_code",
            "column_name_ar",
            "column_name_fr",
            "value"
        ]
    );
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            ((rec[2].to_owned(), rec[5].to_owned()), rec[8].to_owned())
        })
        .collect()
}

#[tokio::test]
async fn open_data_publishes_national_figures_with_small_counts_withheld() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let index = send(&app, Method::GET, "/open-data", None, None, &[]).await;
        assert_eq!(index.status, StatusCode::OK);
        assert!(index.body.contains("/open-data/places"), "{}", index.body);

        // Two authorised establishments, one in each of two regions: every figure of
        // the category is small, and none can be worked out from another.
        let csv_reply = send(
            &app,
            Method::GET,
            "/open-data/establishments/latest.csv",
            None,
            None,
            &[],
        )
        .await;
        assert_eq!(csv_reply.status, StatusCode::OK);
        assert!(
            csv_reply.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let cells = open_data(&csv_reply.body);
        let v = |r: &str, c: &str| cells[&(r.to_owned(), c.to_owned())].clone();
        assert_eq!(v("schooled_children", "07"), "< 5");
        assert_eq!(v("schooled_children", "06"), "< 5");
        assert_eq!(v("schooled_children", "total"), "< 5");
        assert_eq!(v("total", "total"), "< 5");
        assert_eq!(v("schooled_children", "01"), "0");
        // No row or column has a single withheld figure (cells and total): subtracting
        // what is shown from the total never isolates one.
        let rows: std::collections::BTreeSet<_> = cells.keys().map(|k| k.0.clone()).collect();
        let columns: std::collections::BTreeSet<_> = cells.keys().map(|k| k.1.clone()).collect();
        let withheld = |s: &String| s == "< 5" || s == "s";
        for r in &rows {
            let n = columns.iter().filter(|c| withheld(&v(r, c))).count();
            assert_ne!(n, 1, "row {r}");
        }
        for c in &columns {
            let n = rows.iter().filter(|r| withheld(&v(r, c))).count();
            assert_ne!(n, 1, "column {c}");
        }

        // Places are not small: shown, with their totals.
        let places = send(
            &app,
            Method::GET,
            "/open-data/places/latest.csv",
            None,
            None,
            &[],
        )
        .await;
        let cells = open_data(&places.body);
        assert_eq!(cells[&("schooled_children".into(), "07".into())], "40");
        assert_eq!(cells[&("total".into(), "total".into())], "80");

        let json = send(
            &app,
            Method::GET,
            "/open-data/places/latest.json",
            None,
            None,
            &[],
        )
        .await;
        let doc: serde_json::Value = serde_json::from_str(&json.body).unwrap();
        assert_eq!(doc["suppression"]["threshold"], 5);
        assert_eq!(doc["licence"], "CC-BY-4.0");
        let records = doc["records"].as_array().unwrap();
        assert_eq!(records.len() % 13, 0, "12 regions and the total per row");
        assert!(
            records.iter().any(|r| r["row_code"] == "total"
                && r["column_code"] == "total"
                && r["value"] == 80)
        );

        // The page: chart, map and table, right to left in Arabic.
        set_lang("ar");
        let page = send(
            &app,
            Method::GET,
            "/open-data/establishments",
            None,
            None,
            &[],
        )
        .await;
        set_lang("fr");
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains(r#"direction="rtl""#),
            "chart drawn right to left"
        );
        assert_eq!(
            page.body.matches("data-code=").count(),
            12,
            "a map of the regions"
        );
        assert!(
            page.body.contains(r#"<bdi dir="ltr">&lt; 5</bdi>"#)
                || page.body.contains(r#"<bdi dir="ltr">&#60; 5</bdi>"#),
            "a small count reads left to right inside Arabic"
        );

        // Coverage gaps: every province ranked, the method stated, a map of provinces.
        let cov = send(
            &app,
            Method::GET,
            "/open-data/coverage?category=schooled_children",
            None,
            None,
            &[],
        )
        .await;
        assert_eq!(cov.status, StatusCode::OK);
        assert_eq!(
            cov.body
                .matches("<th scope=\"row\"><a href=\"/territories/provinces/")
                .count(),
            83
        );
        assert_eq!(cov.body.matches("data-code=").count(), 83);
        assert!(cov.body.contains("Méthode"));
        // Rehamna and Casablanca have 40 places each: they rank after the 81 provinces
        // with none.
        let order: Vec<&str> = cov
            .body
            .split("<th scope=\"row\"><a href=\"/territories/provinces/")
            .skip(1)
            .map(|r| r.split('"').next().unwrap())
            .collect();
        assert_eq!(order.len(), 83);
        let mut last_two = order[81..].to_vec();
        last_two.sort();
        assert_eq!(last_two, ["06.141", "07.427"]);

        for missing in [
            "/open-data/coverage?category=unknown",
            "/open-data/nothing",
            "/open-data/places/2020.csv",
            "/open-data/applications/1999.json",
            "/open-data/places/latest.xml",
            "/open-data/applications?period=abc",
        ] {
            let r = send(&app, Method::GET, missing, None, None, &[]).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{missing}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_list_exports_what_its_reader_sees_and_the_export_is_audited() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let officer = token_for(&app, "provincial_officer").await;
        let page = send(
            &app,
            Method::GET,
            "/applications",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert!(
            page.body.contains("/applications?format=csv"),
            "{}",
            page.body
        );

        let csv_reply = send(
            &app,
            Method::GET,
            "/applications?service=disability-centre&format=csv",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(csv_reply.status, StatusCode::OK);
        assert!(
            csv_reply.headers[header::CONTENT_DISPOSITION]
                .to_str()
                .unwrap()
                .contains(".csv")
        );
        let text = csv_reply.body.trim_start_matches('\u{feff}');
        let lines: Vec<&str> = text.lines().collect();
        // The header and Rehamna's application; Casablanca's is out of the province.
        assert_eq!(lines.len(), 2, "{text}");
        assert!(
            lines[0].starts_with("Code de suivi,Service,"),
            "{}",
            lines[0]
        );
        assert!(lines[1].contains("Youssef Alaoui"));

        let xlsx = send(
            &app,
            Method::GET,
            "/applications?format=xlsx",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(xlsx.status, StatusCode::OK);
        assert!(
            xlsx.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .contains("spreadsheetml")
        );

        // Both exports are in the trail: who, which list, which filters, how many rows.
        let exports = jisr_store::audit::search(
            &store,
            &jisr_store::audit::Search {
                action: Some("export".into()),
                ..Default::default()
            },
            10,
        )
        .await
        .unwrap();
        assert_eq!(exports.len(), 2);
        let csv_entry = &exports[1];
        assert_eq!(csv_entry.entity_id, "applications");
        assert_eq!(csv_entry.entity, "application");
        let after: serde_json::Value = serde_json::from_str(&csv_entry.after).unwrap();
        assert_eq!(after["format"], "csv");
        assert_eq!(after["rows"], 1);
        assert_eq!(after["filters"]["service"], "disability-centre");
        assert!(csv_entry.actor.starts_with("user:"));

        // The establishments list too, within the province.
        let est = send(
            &app,
            Method::GET,
            "/establishments?format=csv&sort=name",
            Some(&officer),
            None,
            &[],
        )
        .await;
        let text = est.body.trim_start_matches('\u{feff}');
        assert!(text.contains("Dar Taliba Ben Guerir"), "{text}");
        assert!(!text.contains("Anfa"), "{text}");
        assert_eq!(text.lines().count(), 2, "{text}");

        // An unknown format is the page itself, and nothing is recorded.
        let other = send(
            &app,
            Method::GET,
            "/applications?format=pdf",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert!(other.body.contains("<table"));
        assert_eq!(
            jisr_store::audit::search(
                &store,
                &jisr_store::audit::Search {
                    action: Some("export".into()),
                    ..Default::default()
                },
                10,
            )
            .await
            .unwrap()
            .len(),
            3
        );
    })
    .await;
}

/// Quality of care through the pages: a programme owner drafts and publishes a grid
/// (errors at their fields, what was typed kept); an inspector ranks the province,
/// schedules and conducts a visit whose critical failure caps the rating, and opens a
/// corrective action; the manager answers it with evidence; the inspector closes it.
/// Another province's visits are not found; a manager closes nothing.
#[tokio::test]
async fn quality_grids_plan_visit_and_corrective_action() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let owner = token_for(&app, "programme_owner").await;
        let grids = send(&app, Method::GET, "/quality/grids", Some(&owner), None, &[]).await;
        assert_eq!(grids.status, StatusCode::OK);
        assert!(grids.body.contains("Grille illustrative — Dar Talib et Dar Taliba"));
        let draft = send(&app, Method::POST, "/quality/grids/2/draft", Some(&owner), Some(""), SAME_ORIGIN).await;
        assert_eq!((draft.status, draft.location()), (StatusCode::SEE_OTHER, "/quality/grids/8?done=draft"));
        let bad = send(&app, Method::POST, "/quality/grids/8", Some(&owner),
            Some("rows=3&title_ar=&title_fr=Grille+2027&code_1=p.1&section_1=premises_safety&text_ar_1=%D9%86%D8%B5&text_fr_1=Locaux+sains&weight_1=0&code_2=p.1&section_2=&text_ar_2=x&text_fr_2=y&weight_2=2"),
            SAME_ORIGIN).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        for msg in ["Indiquez le titre.", "Le poids est un nombre de 1 à 10.", "Choisissez la rubrique.", "Ce code est déjà celui d&#39;un autre critère."] {
            assert!(bad.body.contains(msg), "{msg}");
        }
        assert!(bad.body.contains(r#"value="Grille 2027""#) && bad.body.contains(r#"value="Locaux sains""#));
        let ok = send(&app, Method::POST, "/quality/grids/8", Some(&owner),
            Some("rows=1&title_ar=%D8%B4%D8%A8%D9%83%D8%A9&title_fr=Grille+2027&code_1=p.1&section_1=premises_safety&text_ar_1=%D9%86%D8%B5&text_fr_1=Locaux+sains&weight_1=2&critical_1=yes"),
            SAME_ORIGIN).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let inspector = token_for(&app, "inspector").await;
        assert_eq!(send(&app, Method::POST, "/quality/grids/8/publish", Some(&inspector), Some(""), SAME_ORIGIN).await.status, StatusCode::FORBIDDEN);

        // The plan of Rehamna: its establishment, explained; nothing of Casablanca.
        let plan = send(&app, Method::GET, "/quality/plan", Some(&inspector), None, &[]).await;
        assert_eq!(plan.status, StatusCode::OK);
        assert!(plan.body.contains("Dar Taliba Ben Guerir") && !plan.body.contains("Dar Talib Anfa"));
        assert!(plan.body.contains("Mois depuis la dernière visite"), "{}", plan.body);
        assert_eq!(send(&app, Method::GET, "/quality/plan?province=06.141", Some(&inspector), None, &[]).await.status, StatusCode::NOT_FOUND);

        // Scheduling: a bad date is refused at its field; then visit 3.
        let bad = send(&app, Method::POST, "/establishments/1/visits", Some(&inspector), Some("planned_on=31%2F02%2F2026&announced=yes"), SAME_ORIGIN).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("Indiquez une date valide.") && bad.body.contains(r#"value="31/02/2026""#));
        let ok = send(&app, Method::POST, "/establishments/1/visits", Some(&inspector), Some("planned_on=2026-12-01"), SAME_ORIGIN).await;
        assert_eq!((ok.status, ok.location()), (StatusCode::SEE_OTHER, "/visits/3?done=scheduled"));
        let page = send(&app, Method::GET, "/visits/3", Some(&inspector), None, &[]).await;
        assert!(page.body.contains("non mesuré\u{a0}: aucun rapport annuel déposé"), "{}", page.body);
        assert!(page.body.contains("Postes sous la norme d&#39;encadrement") || page.body.contains("Chaque poste atteint la norme"), "{}", page.body);
        assert!(page.body.contains("dans la capacité autorisée"));

        // Conducting: levels missing are refused at their criterion, typed text kept.
        let bad = send(&app, Method::POST, "/visits/3/conduct", Some(&inspector), Some("conducted_on=2026-12-01&level_p.1=compliant&observation_p.2=Extincteurs+p%C3%A9rim%C3%A9s"), SAME_ORIGIN).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("Choisissez un niveau pour ce critère.") && bad.body.contains("Extincteurs périmés"));
        let codes = ["p.1", "p.3", "h.1", "h.2", "h.3", "c.1", "c.2", "c.3", "s.1", "s.2", "g.1", "g.2", "r.1", "r.2"];
        let mut body = String::from("conducted_on=2026-12-01&level_p.2=not_compliant&observation_p.2=Extincteurs+p%C3%A9rim%C3%A9s&findings=Entretien+avec+la+directrice");
        for c in codes {
            body.push_str(&format!("&level_{c}=compliant"));
        }
        let done = send(&app, Method::POST, "/visits/3/conduct", Some(&inspector), Some(&body), SAME_ORIGIN).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let report = send(&app, Method::GET, "/visits/3", Some(&inspector), None, &[]).await;
        assert!(report.body.contains("Insuffisante") && report.body.contains("Critère critique non conforme"));
        assert!(report.body.contains("Entretien avec la directrice"));

        // A corrective action: every field checked, then opened.
        let bad = send(&app, Method::POST, "/visits/3/actions", Some(&inspector), Some("criterion=p.2&what=Remplacer+les+extincteurs"), SAME_ORIGIN).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("Choisissez qui doit le faire.") && bad.body.contains("Remplacer les extincteurs"));
        let ok = send(&app, Method::POST, "/visits/3/actions", Some(&inspector), Some("criterion=p.2&what=Remplacer+les+extincteurs&party=establishment&due_on=2099-01-31&priority=high"), SAME_ORIGIN).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);

        // The manager reads the report and answers with evidence (action 3).
        let manager = token_for(&app, "establishment_manager").await;
        let page = send(&app, Method::GET, "/visits/3", Some(&manager), None, &[]).await;
        assert!(page.body.contains("Remplacer les extincteurs") && page.body.contains(r#"action="/actions/3/answer""#));
        assert_eq!(send(&app, Method::POST, "/actions/3/close", Some(&manager), Some(""), SAME_ORIGIN).await.status, StatusCode::FORBIDDEN);
        let empty = send_files_with(&app, "/actions/3/answer", &manager, &[("answer", None, b"")]).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.body.contains("Écrivez la réponse."));
        let answered = send_files_with(&app, "/actions/3/answer", &manager,
            &[("answer", None, "Extincteurs remplacés le 3 décembre".as_bytes()), ("file-evidence", Some("facture.pdf"), b"%PDF-1.4 facture")]).await;
        assert_eq!(answered.status, StatusCode::SEE_OTHER, "{}", answered.body);
        let page = send(&app, Method::GET, "/visits/3", Some(&inspector), None, &[]).await;
        assert!(page.body.contains("Extincteurs remplacés") && page.body.contains("facture.pdf"));
        let closed = send(&app, Method::POST, "/actions/3/close", Some(&inspector), Some(""), SAME_ORIGIN).await;
        assert_eq!(closed.location(), "/visits/3?done=closed#actions");

        // Another province's visit is not found, for the inspector and the manager.
        assert_eq!(send(&app, Method::GET, "/visits/2", Some(&inspector), None, &[]).await.status, StatusCode::NOT_FOUND);
        assert_eq!(send(&app, Method::GET, "/visits/2", Some(&manager), None, &[]).await.status, StatusCode::NOT_FOUND);
        assert_eq!(send(&app, Method::POST, "/establishments/2/visits", Some(&inspector), Some("planned_on=2026-12-01"), SAME_ORIGIN).await.status, StatusCode::NOT_FOUND);

        // In Arabic.
        set_lang("ar");
        let page = send(&app, Method::GET, "/visits/3", Some(&inspector), None, &[]).await;
        set_lang("fr");
        assert!(page.body.contains("تقرير الزيارة") && page.body.contains("غير كاف"));
    })
    .await;
}

#[tokio::test]
async fn a_citizen_files_a_complaint_follows_it_and_the_officer_answers() {
    each_backend(|store| async move {
        set_lang("fr");
        let app = app(&store).await;
        let form = send(
            &app,
            Method::GET,
            "/complaints/new?province=07.427",
            None,
            None,
            &[],
        )
        .await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("Déposer une réclamation"));
        assert!(
            form.body.contains("Dar Taliba Ben Guerir"),
            "the directory's establishments"
        );
        let pdf: &[u8] = b"%PDF-1.4 photo du repas";
        let fields = |category: &'static str,
                      facts: &'static str|
         -> Vec<(&'static str, Option<&'static str>, &'static [u8])> {
            vec![
                ("submission_key", None, b"web-grv-1"),
                ("province", None, b"07.427"),
                ("category", None, category.as_bytes()),
                ("establishment", None, b"1"),
                ("name", None, b"Khadija Bennani"),
                ("phone", None, b"06 61 22 33 44"),
                ("answer_by", None, b"sms"),
                ("facts", None, facts.as_bytes()),
                ("consent", None, b"yes"),
            ]
        };
        // Every error at its field, what was typed and the accepted file kept.
        let mut parts = fields("", "court");
        parts.push(("file-evidence_1", Some("repas.pdf"), pdf));
        let refused = send_files_with(&app, "/complaints/new", "", &parts).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused
                .body
                .contains("Choisissez l&#39;objet de la réclamation"),
            "{}",
            refused.body
        );
        assert!(refused.body.contains("Décrivez ce qui s&#39;est passé"));
        assert!(refused.body.contains("value=\"Khadija Bennani\""));
        assert!(refused.body.contains(">court</textarea>"));
        let needle = "name=\"kept-evidence_1\" value=\"";
        let kept_start = refused.body.find(needle).expect("the file is kept") + needle.len();
        let kept = refused.body[kept_start..]
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        let mut parts = fields(
            "care_quality",
            "Les repas arrivent froids depuis deux semaines.",
        );
        parts.push(("kept-evidence_1", None, kept.as_bytes()));
        let filed = send_files_with(&app, "/complaints/new", "", &parts).await;
        assert_eq!(filed.status, StatusCode::OK, "{}", filed.body);
        assert!(filed.body.contains("Récépissé de réclamation"));
        assert!(filed.body.contains("repas.pdf"));
        let code = tracking_code_in(&filed.body);
        // Followed at /track with the code and the phone; a wrong phone finds nothing.
        let track = |secret: &'static str| format!("code={code}&secret={secret}");
        let seen = send(
            &app,
            Method::POST,
            "/track",
            None,
            Some(&track("0661223344")),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(seen.status, StatusCode::OK);
        assert!(seen.body.contains("Suivi de la réclamation") && seen.body.contains("Reçue"));
        let wrong = send(
            &app,
            Method::POST,
            "/track",
            None,
            Some(&track("0600000000")),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        // The officer of Rehamna finds it in the queue and answers it with reasons.
        let officer = token_for(&app, "provincial_officer").await;
        let queue = send(&app, Method::GET, "/grievances", Some(&officer), None, &[]).await;
        assert!(queue.body.contains(&code), "{}", queue.body);
        let id = 3;
        let record = send(
            &app,
            Method::GET,
            &format!("/grievances/{id}"),
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert!(record.body.contains("Les repas arrivent froids"));
        let empty = send(
            &app,
            Method::POST,
            &format!("/grievances/{id}/step"),
            Some(&officer),
            Some("step=answer&reasons="),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.body.contains("Écrivez les motifs"));
        let answered = send(
            &app,
            Method::POST,
            &format!("/grievances/{id}/step"),
            Some(&officer),
            Some("step=answer&reasons=Le+traiteur+a+%C3%A9t%C3%A9+chang%C3%A9."),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(answered.status, StatusCode::SEE_OTHER, "{}", answered.body);
        let seen = send(
            &app,
            Method::POST,
            "/track",
            None,
            Some(&track("0661223344")),
            SAME_ORIGIN,
        )
        .await;
        assert!(seen.body.contains("Le traiteur a été changé."));
        assert!(seen.body.contains("Contester la réponse"));
        // Another province's complaint does not exist for this officer.
        let other = send(
            &app,
            Method::GET,
            "/grievances/2",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(other.status, StatusCode::NOT_FOUND);
        // The figures count the complaints of Rehamna only, with their charts.
        {
            use jisr_store::entity::grievance;
            use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
            let here = grievance::Entity::find()
                .filter(grievance::Column::ProvinceCode.eq("07.427"))
                .count(store.conn())
                .await
                .unwrap();
            assert!(here >= 2, "{here}");
            let figures = send(
                &app,
                Method::GET,
                "/grievances/figures",
                Some(&officer),
                None,
                &[],
            )
            .await;
            assert_eq!(figures.status, StatusCode::OK);
            let total = figures.body.split("<dt>Réclamations</dt>").nth(1).unwrap();
            assert!(
                total.starts_with(&format!(r#"<dd class="num"><bdi>{here}</bdi>"#)),
                "{}",
                figures.body
            );
            assert!(
                figures.body.contains("Réclamations par catégorie")
                    && figures.body.contains("<svg")
            );
            assert!(
                figures.body.contains("1 sur 1 répondues"),
                "{}",
                figures.body
            );
            assert!(
                !figures.body.contains("Réclamations par province"),
                "one province only"
            );
            set_lang("ar");
            let figures = send(
                &app,
                Method::GET,
                "/grievances/figures",
                Some(&officer),
                None,
                &[],
            )
            .await;
            assert!(
                figures.body.contains("أرقام الشكايات")
                    && figures.body.contains("الشكايات حسب الصنف")
            );
            set_lang("fr");
        }
        // The e-services' own tracking still answers for applications.
        let still = send(
            &app,
            Method::POST,
            "/track",
            None,
            Some("code=&secret="),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(still.status, StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn a_danger_report_reaches_few_and_never_the_establishment_s_manager() {
    each_backend(|store| async move {
        set_lang("fr");
        let app = app(&store).await;
        let parts: Vec<(&str, Option<&str>, &[u8])> = vec![
            ("submission_key", None, b"web-grv-danger"),
            ("province", None, b"07.427"),
            ("category", None, b"abuse_danger"),
            ("establishment", None, b"1"),
            ("anonymous", None, b"yes"),
            ("answer_by", None, b"none"),
            (
                "facts",
                None,
                "Une fille a été frappée hier soir.".as_bytes(),
            ),
            ("consent", None, b"yes"),
        ];
        let filed = send_files_with(&app, "/complaints/new", "", &parts).await;
        assert_eq!(filed.status, StatusCode::OK, "{}", filed.body);
        assert!(filed.body.contains("traité en urgence"));
        let code = tracking_code_in(&filed.body);
        // Anonymous: followed with the code alone.
        let seen = send(
            &app,
            Method::POST,
            "/track",
            None,
            Some(&format!("code={code}&secret=")),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(seen.status, StatusCode::OK);
        let id = 3;
        for (who, status) in [
            ("provincial_officer", StatusCode::OK),
            ("inspector", StatusCode::OK),
            ("regional_coordinator", StatusCode::OK),
            ("social_worker", StatusCode::NOT_FOUND),
            ("establishment_manager", StatusCode::NOT_FOUND),
        ] {
            let token = token_for(&app, who).await;
            let r = send(
                &app,
                Method::GET,
                &format!("/grievances/{id}"),
                Some(&token),
                None,
                &[],
            )
            .await;
            assert_eq!(r.status, status, "{who}");
            let queue = send(&app, Method::GET, "/grievances", Some(&token), None, &[]).await;
            assert_eq!(
                queue.body.contains(&code),
                status == StatusCode::OK,
                "{who}"
            );
        }
        // The manager reads the quality complaint about the establishment, not the report.
        let manager = token_for(&app, "establishment_manager").await;
        let quality = send(
            &app,
            Method::GET,
            "/grievances/1",
            Some(&manager),
            None,
            &[],
        )
        .await;
        assert_eq!(quality.status, StatusCode::OK);
        assert!(
            !quality.body.contains("Enregistrer l&#39;étape"),
            "the manager does not handle it"
        );
    })
    .await;
}

/// How often a staff file was opened, from the audit trail.
async fn staff_file_reads(store: &Store, id: i64) -> usize {
    jisr_store::audit::search(
        store,
        &jisr_store::audit::Search {
            entity: Some("staff-member".into()),
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
async fn a_manager_keeps_the_staff_and_the_delegation_sees_shortfalls_without_salaries() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let manager = token_for(&app, "establishment_manager").await;
        let page = send(&app, Method::GET, "/establishments/1/staff", Some(&manager), None, &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("Said Idrissi") && page.body.contains("Personnel en deçà des normes"), "{}", page.body);
        assert!(page.body.contains(r#"name="salary""#), "the manager records salaries");
        let show = send(&app, Method::GET, "/establishments/1", Some(&manager), None, &[]).await;
        assert!(show.body.contains(r#"href="/establishments/1/staff""#) && show.body.contains("staff-shortfall"), "{}", show.body);

        // Refused: each error at its field, what was typed kept.
        let bad = send(&app, Method::POST, "/establishments/1/staff", Some(&manager),
            Some("name_ar=&name_fr=Nadia+3&national_id=12&sex=female&birth_date=1990-01-01&post=social_worker&employer=association&contract=fixed_term&contract_start=2025-01-01&working_time=100&accreditation_number=&accreditation_date=&accreditation_expiry=&accreditation_status=valid"),
            SAME_ORIGIN).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        for msg in [
            "Le nom en lettres arabes est obligatoire.",
            "Le nom en lettres latines ne s&#39;écrit qu&#39;en lettres latines.",
            "Saisissez un numéro de CIN",
            "Un contrat à durée déterminée a une date de fin.",
            "Le numéro d&#39;agrément est obligatoire pour un travailleur social.",
            "Saisissez la date d&#39;expiration de l&#39;agrément.",
        ] {
            assert!(bad.body.contains(msg), "{msg}");
        }
        assert!(bad.body.contains(r#"value="Nadia 3""#) && bad.body.contains(r#"<option value="social_worker" selected>"#));
        assert!(bad.body.contains(r#"role="alert" tabindex="-1" autofocus"#));

        // A social worker whose accreditation expires in 40 days, with her salary.
        let expiry = (chrono::Utc::now().date_naive() + chrono::Duration::days(40)).to_string();
        let ok = send(&app, Method::POST, "/establishments/1/staff", Some(&manager),
            Some(&format!("name_ar=%D9%86%D8%A7%D8%AF%D9%8A%D8%A9&name_fr=Nadia+Bennani&national_id=EE300400&sex=female&birth_date=1990-01-01&post=social_worker&employer=association&contract=permanent&contract_start=2025-01-01&working_time=100&salary=7200&accreditation_number=AS-0042&accreditation_date=2023-01-15&accreditation_expiry={expiry}&accreditation_status=valid")),
            SAME_ORIGIN).await;
        assert_eq!((ok.status, ok.location()), (StatusCode::SEE_OTHER, "/establishments/1/staff?done=added#in-post"), "{}", ok.body);
        let page = send(&app, Method::GET, "/establishments/1/staff?done=added", Some(&manager), None, &[]).await;
        assert!(page.body.contains("Nadia Bennani") && page.body.contains("Agréments qui expirent dans les 90 jours"), "{}", page.body);
        assert!(page.body.contains("Expire dans 40 jours"));

        // The file: the manager sees the salary; the delegation and inspectors do not.
        let file = send(&app, Method::GET, "/staff/1", Some(&manager), None, &[]).await;
        assert_eq!(file.status, StatusCode::OK);
        assert!(file.body.contains("BK100200") && file.body.contains(r#"class="num salary""#), "{}", file.body);
        assert!(file.body.contains("Protection de l&#39;enfance"), "the training history");
        for who in ["provincial_officer", "inspector"] {
            let token = token_for(&app, who).await;
            let seen = send(&app, Method::GET, "/staff/1", Some(&token), None, &[]).await;
            assert_eq!(seen.status, StatusCode::OK, "{who}");
            assert!(seen.body.contains("BK100200") && !seen.body.contains("salary") && !seen.body.contains("6 500") && !seen.body.contains("6500"), "{who}: {}", seen.body);
            let roster = send(&app, Method::GET, "/establishments/1/staff", Some(&token), None, &[]).await;
            assert!(!roster.body.contains(r#"name="salary""#), "{who}");
        }
        assert_eq!(staff_file_reads(&store, 1).await, 3, "every opening is audited");
        let officer = token_for(&app, "provincial_officer").await;
        let refused = send(&app, Method::POST, "/establishments/1/staff", Some(&officer),
            Some("name_ar=%D8%B9%D9%85%D8%B1&name_fr=Omar+Alami&national_id=EE1&sex=male&birth_date=1990-01-01&post=cook&employer=association&contract=permanent&contract_start=2025-01-01&working_time=100&salary=3000"),
            SAME_ORIGIN).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Seul le directeur de l&#39;établissement enregistre les salaires."));

        // The delegation's overview: the shortfall and the accreditation expiring.
        let overview = send(&app, Method::GET, "/staffing", Some(&officer), None, &[]).await;
        assert_eq!(overview.status, StatusCode::OK);
        assert!(overview.body.contains("Dar Taliba Ben Guerir") && overview.body.contains("AS-0042"), "{}", overview.body);
        assert!(!overview.body.contains("Dar Talib Anfa"), "another province is not listed");

        // Another province, another establishment: not found; no capability: forbidden.
        for uri in ["/establishments/2/staff", "/staff/2"] {
            assert_eq!(send(&app, Method::GET, uri, Some(&officer), None, &[]).await.status, StatusCode::NOT_FOUND, "{uri}");
            assert_eq!(send(&app, Method::GET, uri, Some(&manager), None, &[]).await.status, StatusCode::NOT_FOUND, "{uri}");
        }
        let worker = token_for(&app, "social_worker").await;
        assert_eq!(send(&app, Method::GET, "/staff/1", Some(&worker), None, &[]).await.status, StatusCode::FORBIDDEN);

        // A training: refused with its fields kept, then recorded with who attended.
        let bad = send(&app, Method::POST, "/establishments/1/trainings", Some(&manager),
            Some("subject=&starts_on=2026-11-03&ends_on=2026-11-02&trainer=Dr+Amrani&place=Ben+Guerir&attendee=1"), SAME_ORIGIN).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("Le thème de la formation est obligatoire.") && bad.body.contains("Le dernier jour ne peut pas précéder le premier."));
        assert!(bad.body.contains(r#"value="Dr Amrani""#) && bad.body.contains(r#"value="1" checked"#));
        let ok = send(&app, Method::POST, "/establishments/1/trainings", Some(&manager),
            Some("subject=%C3%89coute+active&starts_on=2026-11-02&ends_on=2026-11-03&trainer=Dr+Amrani&place=Ben+Guerir&attendee=1&attendee=3"), SAME_ORIGIN).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let file = send(&app, Method::GET, "/staff/3", Some(&manager), None, &[]).await;
        assert!(file.body.contains("Écoute active"), "{}", file.body);

        // Ending an assignment needs the box ticked; then it stays in the history.
        let unconfirmed = send(&app, Method::POST, "/establishments/1/staff/1/end", Some(&manager),
            Some("ended_on=2026-01-31&end_reason=transfer"), SAME_ORIGIN).await;
        assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unconfirmed.body.contains(r#"<option value="transfer" selected>"#));
        let ended = send(&app, Method::POST, "/establishments/1/staff/1/end", Some(&manager),
            Some("ended_on=2026-01-31&end_reason=transfer&confirm=yes"), SAME_ORIGIN).await;
        assert_eq!(ended.status, StatusCode::SEE_OTHER);
        let page = send(&app, Method::GET, "/establishments/1/staff", Some(&manager), None, &[]).await;
        assert!(page.body.contains("Mutation vers un autre établissement"));

        // In Arabic.
        set_lang("ar");
        let page = send(&app, Method::GET, "/establishments/1/staff", Some(&manager), None, &[]).await;
        assert!(page.body.contains("مستخدمون دون معايير الفئة") && page.body.contains(r#"dir="rtl""#), "{}", page.body);
        set_lang("fr");
    })
    .await;
}

#[tokio::test]
async fn a_social_worker_finds_a_person_by_any_spelling_within_the_province_only() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let worker = token_for(&app, "social_worker").await;
        let search = |q: &str| {
            let enc: String = q
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (b as char).to_string(),
                    _ => format!("%{b:02X}"),
                })
                .collect();
            format!("/persons/search?q={enc}")
        };
        // Typed in Arabic, found with its Latin spelling; typed in Latin, found too.
        set_lang("fr");
        let r = send(
            &app,
            Method::GET,
            &search("يوسف العلوي"),
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("Youssef Alaoui"), "{}", r.body);
        assert!(r.body.contains("RH-0001"));
        let r = send(
            &app,
            Method::GET,
            &search("ALAOUI Youssef"),
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert!(r.body.contains("Youssef Alaoui"), "{}", r.body);
        set_lang("ar");
        let r = send(
            &app,
            Method::GET,
            &search("Youssef Alaoui"),
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("يوسف العلوي"), "{}", r.body);
        assert!(r.body.contains("البحث عن شخص"));
        set_lang("fr");
        // Casablanca's person is outside the province: never found.
        let r = send(
            &app,
            Method::GET,
            &search("Karim Bennani"),
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(!r.body.contains("CA-0001"), "{}", r.body);
        assert!(r.body.contains("Aucune personne de votre territoire"));
        // A bad year is said at its field, what was typed kept.
        let r = send(
            &app,
            Method::GET,
            "/persons/search?q=Alaoui&year=19x",
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert!(r.body.contains("quatre chiffres"));
        assert!(r.body.contains("value=\"19x\""));
        // Each search is in the trail with what it found.
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let searches = jisr_store::entity::audit_log::Entity::find()
            .filter(jisr_store::entity::audit_log::Column::Action.eq("matching.search"))
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(searches.len(), 4);
        assert!(!searches.iter().any(|e| e.after.contains("\"found\":[3]")));
        // The national administrator finds Casablanca's person.
        let admin = token_for(&app, "national_administrator").await;
        let r = send(
            &app,
            Method::GET,
            &search("كريم بناني"),
            Some(&admin),
            None,
            &[],
        )
        .await;
        assert!(r.body.contains("Karim Bennani"), "{}", r.body);
    })
    .await;
}

#[tokio::test]
async fn admitting_a_child_already_in_the_registry_shows_the_match_with_its_reasons() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    each_backend(|store| async move {
        let app = app(&store).await;
        let worker = token_for(&app, "social_worker").await;
        set_lang("fr");
        // Typed in Arabic only, under another spelling of the registry's يوسف العلوي.
        let typed = "name_ar=%D9%8A%D9%88%D8%B3%D9%81+%D8%A7%D9%84%D8%B9%D9%84%D9%88%D9%8A&name_fr=Youssouf+El+Alaoui&birth_date=2015-06-10&sex=male&national_id=&representative=judge_order&representative_name=Tribunal&representative_reference=J-90&admitted_on=2025-10-01&basis=judge_order&basis_reference=OP-2025-90";
        let r = send(&app, Method::POST, "/establishments/1/admissions", Some(&worker), Some(typed), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("Cette personne est peut-être déjà connue"), "{}", r.body);
        assert!(r.body.contains("RH-0001") && r.body.contains("Youssef Alaoui"));
        for reason in ["Nom et prénom", "Date de naissance", "identique", "Ménage"] {
            assert!(r.body.contains(reason), "{reason}");
        }
        assert!(r.body.contains(r#"name="match" value="2""#), "{}", r.body);
        // Nothing saved yet.
        assert!(!send(&app, Method::GET, "/establishments/1/register", Some(&worker), None, &[]).await.body.contains("Youssouf El Alaoui"));
        // In Arabic, the reasons too.
        set_lang("ar");
        let r = send(&app, Method::POST, "/establishments/1/admissions", Some(&worker), Some(typed), SAME_ORIGIN).await;
        assert!(r.body.contains("قد يكون هذا الشخص معروفًا من قبل"), "{}", r.body);
        set_lang("fr");
        // A person the worker may not link (not shown) is refused at the form.
        let r = send(&app, Method::POST, "/establishments/1/admissions", Some(&worker), Some(&format!("{typed}&match=3&shown=2")), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("ne peut pas être reliée"));
        // Linked: saved, and remembered.
        let r = send(&app, Method::POST, "/establishments/1/admissions", Some(&worker), Some(&format!("{typed}&match=2&shown=2")), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let b = jisr_store::entity::beneficiary::Entity::find()
            .filter(jisr_store::entity::beneficiary::Column::NameFr.eq("Youssouf El Alaoui"))
            .one(store.conn()).await.unwrap().unwrap();
        let linked = jisr_store::matching::Scoped::unscoped_for_system_jobs(&store)
            .linked_person("beneficiary", b.id).await.unwrap();
        assert_eq!(linked, Some(2));

        // A new person confirmed: the same pair is not asked again.
        let fatima = "name_fr=Fatima+Alaoui&birth_date=1980-03-02&sex=female&representative=judge_order&representative_name=Tribunal&representative_reference=J-91&admitted_on=2025-10-01&basis=judge_order&basis_reference=OP-2025-91";
        let r = send(&app, Method::POST, "/establishments/1/admissions", Some(&worker), Some(fatima), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains(r#"name="match" value="1""#));
        let r = send(&app, Method::POST, "/establishments/1/admissions", Some(&worker), Some(&format!("{fatima}&match=new&shown=1")), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = send(&app, Method::POST, "/establishments/1/admissions", Some(&worker), Some(fatima), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "not asked again: {}", r.body);

        // Casablanca's person, typed in Rehamna: only that a match exists elsewhere.
        let karim = "name_fr=Karim+Bennani&name_ar=%D9%83%D8%B1%D9%8A%D9%85+%D8%A8%D9%86%D8%A7%D9%86%D9%8A&birth_date=1975-01-20&sex=male&representative=judge_order&representative_name=Tribunal&representative_reference=J-92&admitted_on=2025-10-01&basis=judge_order&basis_reference=OP-2025-92";
        let r = send(&app, Method::POST, "/establishments/1/admissions", Some(&worker), Some(karim), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("Une correspondance possible existe dans le registre d’une province que vous ne consultez pas"), "{}", r.body);
        assert!(!r.body.contains("CA-0001") && !r.body.contains(r#"name="match" value="3""#));
        // Every check is in the trail.
        let checks = jisr_store::entity::audit_log::Entity::find()
            .filter(jisr_store::entity::audit_log::Column::Action.eq("matching.check"))
            .all(store.conn()).await.unwrap();
        assert!(checks.len() >= 4, "{}", checks.len());
        assert!(checks.iter().any(|c| c.after.contains("\"elsewhere\":[\"06.141\"]")), "{:?}", checks.last());
        let decisions = jisr_store::entity::audit_log::Entity::find()
            .filter(jisr_store::entity::audit_log::Column::Action.eq("matching.decide"))
            .all(store.conn()).await.unwrap();
        assert_eq!(decisions.len(), 2);
    })
    .await;
}

#[tokio::test]
async fn a_provincial_officer_reviews_a_pair_side_by_side_within_the_province() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let officer = token_for(&app, "provincial_officer").await;
        set_lang("fr");
        let r = send(
            &app,
            Method::GET,
            "/persons/duplicates",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("Doublons du registre") && r.body.contains("Rehamna"));
        assert!(
            r.body.contains("/persons/merges/1/undo") && !r.body.contains("/persons/merges/2/undo")
        );
        let r = send(
            &app,
            Method::GET,
            "/persons/duplicates/1",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(
            r.body.contains("Fatima")
                && r.body.contains("Youssef")
                && r.body.contains("Date de naissance")
        );
        assert!(r.body.contains(r#"name="birth_date" value="b""#));
        set_lang("ar");
        let r = send(
            &app,
            Method::GET,
            "/persons/duplicates/1",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert!(r.body.contains("شخصان، ربما شخص واحد"));
        set_lang("fr");
        // Another province: not found.
        let r = send(
            &app,
            Method::GET,
            "/persons/duplicates/2",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // Starting the search runs it in the server; its progress is in the page.
        let r = send(
            &app,
            Method::POST,
            "/persons/duplicates/provinces/07.427/job",
            Some(&officer),
            Some(""),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(
            (r.status, r.location()),
            (StatusCode::SEE_OTHER, "/persons/duplicates?done=started")
        );
        let mut text = String::new();
        for _ in 0..50 {
            text = send(
                &app,
                Method::GET,
                "/persons/duplicates",
                Some(&officer),
                None,
                &[],
            )
            .await
            .body;
            if text.contains("Dernière recherche") {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(text.contains("2 personnes comparées"), "{text}");
        // A merge without a choice for each field is refused.
        let r = send(
            &app,
            Method::POST,
            "/persons/duplicates/1/merge",
            Some(&officer),
            Some("first_name_ar=a"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn processing_an_application_links_its_beneficiary_to_the_registry_person() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    each_backend(|store| async move {
        let app = app(&store).await;
        let worker = token_for(&app, "social_worker").await;
        set_lang("fr");
        // Application 1's Youssef Alaoui may be the registry's يوسف العلوي (person 2).
        let r = send(
            &app,
            Method::GET,
            "/applications/1",
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.body
                .contains("Le bénéficiaire de cette demande est peut-être déjà dans le registre"),
            "{}",
            r.body
        );
        assert!(r.body.contains("RH-0001") && r.body.contains("Nom et prénom"));
        assert!(r.body.contains(r#"name="match" value="2""#), "{}", r.body);
        assert!(r.body.contains(r#"name="shown" value="2""#), "{}", r.body);
        // In Arabic too.
        set_lang("ar");
        let r = send(
            &app,
            Method::GET,
            "/applications/1",
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert!(r.body.contains("إنه هذا الشخص: ربط الطلب"), "{}", r.body);
        set_lang("fr");
        // A person not shown, or no choice, is refused and nothing is remembered.
        for form in ["match=3&shown=2", "match=&shown=2", "shown=2"] {
            let r = send(
                &app,
                Method::POST,
                "/applications/1/match",
                Some(&worker),
                Some(form),
                SAME_ORIGIN,
            )
            .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{form}");
            assert!(r.body.contains("ne peut pas être reliée"), "{form}");
        }
        let matching = jisr_store::matching::Scoped::unscoped_for_system_jobs(&store);
        assert_eq!(
            matching.linked_person("application", 1).await.unwrap(),
            None
        );
        // Linked: the page shows the registry person, and no longer asks.
        let r = send(
            &app,
            Method::POST,
            "/applications/1/match",
            Some(&worker),
            Some("match=2&shown=2"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), "/applications/1?done=linked#matching");
        assert_eq!(
            matching.linked_person("application", 1).await.unwrap(),
            Some(2)
        );
        let r = send(
            &app,
            Method::GET,
            "/applications/1?done=linked",
            Some(&worker),
            None,
            &[],
        )
        .await;
        assert!(
            r.body
                .contains("La demande est reliée à la personne du registre.")
        );
        assert!(r.body.contains("Le bénéficiaire dans le registre"));
        assert!(!r.body.contains(r#"name="match" value="2""#));
        // A second decision is refused.
        let r = send(
            &app,
            Method::POST,
            "/applications/1/match",
            Some(&worker),
            Some("match=new&shown=2"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        // Casablanca's application does not exist for Rehamna's worker.
        let r = send(
            &app,
            Method::POST,
            "/applications/2/match",
            Some(&worker),
            Some("match=new&shown="),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // The decision is in the trail, under the application.
        let decided = jisr_store::entity::audit_log::Entity::find()
            .filter(jisr_store::entity::audit_log::Column::Action.eq("matching.decide"))
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(decided.len(), 1);
        assert!(
            decided[0].after.contains("\"subject\":\"application\""),
            "{}",
            decided[0].after
        );
    })
    .await;
}

#[tokio::test]
async fn a_manager_saves_resumes_and_submits_a_consultation_answer() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let manager = token_for(&app, "establishment_manager").await;
        let r = send(
            &app,
            Method::GET,
            "/consultations",
            Some(&manager),
            None,
            &[],
        )
        .await;
        assert!(r.body.contains("/consultation-answers/1"), "{}", r.body);
        // Half an answer: saved as a draft, shown again when resumed.
        let r = send(
            &app,
            Method::POST,
            "/consultation-answers/1",
            Some(&manager),
            Some("q.difficulty=yes&action=save"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = send(
            &app,
            Method::GET,
            "/consultation-answers/1",
            Some(&manager),
            None,
            &[],
        )
        .await;
        assert!(r.body.contains(r#"value="yes" checked"#), "{}", r.body);
        // Out of range: refused at its field, what was typed kept.
        let r = send(
            &app,
            Method::POST,
            "/consultation-answers/1",
            Some(&manager),
            Some("q.difficulty=yes&q.staff_missing=99&action=submit"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("q-staff_missing-error") && r.body.contains(r#"value="99""#));
        let r = send(
            &app,
            Method::POST,
            "/consultation-answers/1",
            Some(&manager),
            Some("q.difficulty=yes&q.staff_missing=4&action=submit"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // Once only.
        let r = send(
            &app,
            Method::POST,
            "/consultation-answers/1",
            Some(&manager),
            Some("q.difficulty=no&action=submit"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        // The programme owner sees the answer counted in Rehamna, with the mean.
        let owner = token_for(&app, "programme_owner").await;
        let r = send(
            &app,
            Method::GET,
            "/consultations/1",
            Some(&owner),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("<svg"), "a chart");
        assert!(r.body.contains("<bdi>4</bdi>"), "the mean: {}", r.body);
        // The province's officer follows it; Casablanca's consultation is not theirs.
        let officer = token_for(&app, "provincial_officer").await;
        let r = send(
            &app,
            Method::GET,
            "/consultations/1",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        let r = send(
            &app,
            Method::GET,
            "/consultations/2",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn a_provincial_officer_holds_a_partners_meeting_with_its_follow_up() {
    each_backend(|store| async move {
        let app = app(&store).await;
        set_lang("fr");
        let officer = token_for(&app, "provincial_officer").await;
        let post = |path: &'static str, body: String| {
            let app = app.clone();
            let officer = officer.clone();
            async move {
                send(
                    &app,
                    Method::POST,
                    path,
                    Some(&officer),
                    Some(&body),
                    SAME_ORIGIN,
                )
                .await
            }
        };
        // Every error at once, what was typed kept.
        let r = post("/meetings", "title=Pr%C3%A9sentation&kind=&held_on=x&place=".into()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        for id in ["kind-error", "held_on-error", "place-error"] {
            assert!(r.body.contains(id), "{id}: {}", r.body);
        }
        assert!(r.body.contains(r#"value="Présentation""#));
        // Another province is refused.
        let r = post(
            "/meetings",
            "province=06.141&title=T&kind=press&held_on=2026-12-10&place=P".into(),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("province-error"));
        let r = post(
            "/meetings",
            "province=07.427&title=Nouveaux+services&kind=partners_meeting&held_on=2026-12-10&starts_at=10%3A00&place=Ben+Guerir&agenda=Accueil%0AServices".into(),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), "/meetings/3");
        // Invitations, answers, attendance.
        let r = post("/meetings/3/invitees", "name=&organisation=&contact=".into()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("name-error") && r.body.contains("contact-error"));
        for body in [
            "organisation=Commune+de+Ben+Guerir&contact=0612345678",
            "name=Fatima&organisation=Association+Al+Amal&contact=amal%40example.ma",
        ] {
            let r = post("/meetings/3/invitees", body.into()).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let r = post("/meetings/3/answers", "answer.3=accepted&answer.4=declined".into()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = post("/meetings/3/attendance", "present=3".into()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // Minutes: public needs a summary.
        let r = post("/meetings/3/minutes", "minutes=PV&decisions=D1&is_public=1".into()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("public_summary-error"));
        let r = post(
            "/meetings/3/minutes",
            "minutes=PV&decisions=Un+guichet+commun%0AUne+r%C3%A9union+par+trimestre&is_public=1&public_summary=Les+nouveaux+services+pr%C3%A9sent%C3%A9s".into(),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // Two actions, one closed, the other overdue.
        for body in [
            "description=Envoyer+la+liste&owner=D%C3%A9l%C3%A9gation&due_on=2026-12-15",
            "description=D%C3%A9signer+un+correspondant&owner=Commune&due_on=2020-01-31",
        ] {
            let r = post("/meetings/3/actions", body.into()).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let r = post("/meetings/3/actions/3/close", String::new()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = send(&app, Method::GET, "/meetings/3", Some(&officer), None, &[]).await;
        assert_eq!(r.status, StatusCode::OK);
        for text in [
            "Nouveaux services",
            "Un guichet commun",
            "Une réunion par trimestre",
            "En retard",
            "Close le",
            "Excusé",
            "Présent",
        ] {
            assert!(r.body.contains(text), "{text}: {}", r.body);
        }
        assert_eq!(r.body.matches("/actions/4/close").count(), 1);
        assert_eq!(r.body.matches("/actions/3/close").count(), 0);
        // The printable sheet lists the invitees; the public page the summary.
        let r = send(
            &app,
            Method::GET,
            "/meetings/3/attendance-sheet",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert!(r.body.contains("Association Al Amal") && r.body.contains("Signature"));
        let r = send(&app, Method::GET, "/partner-meetings", None, None, &[]).await;
        assert!(r.body.contains("Les nouveaux services présentés"), "{}", r.body);
        assert!(!r.body.contains("Envoyer la liste"));
        // Another province's meeting does not exist for them.
        let r = send(&app, Method::GET, "/meetings/2", Some(&officer), None, &[]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // Invitations went through the outbox.
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        let sent = jisr_store::entity::outbox_message::Entity::find()
            .filter(jisr_store::entity::outbox_message::Column::OwnerKind.eq("partner_meeting"))
            .filter(jisr_store::entity::outbox_message::Column::OwnerId.eq(3))
            .count(store.conn())
            .await
            .unwrap();
        assert_eq!(sent, 2);
    })
    .await;
}

#[tokio::test]
async fn a_staff_member_answers_a_survey_once_and_small_groups_show_nothing() {
    each_backend(|store| async move {
        let app = app(&store).await;
        set_lang("fr");
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let links: Vec<String> = jisr_store::entity::outbox_message::Entity::find()
            .filter(jisr_store::entity::outbox_message::Column::OwnerKind.eq("staff_survey"))
            .all(store.conn())
            .await
            .unwrap()
            .into_iter()
            .map(|m| {
                let v: serde_json::Value = serde_json::from_str(&m.body).unwrap();
                v["link"].as_str().unwrap().to_owned()
            })
            .collect();
        assert_eq!(links.len(), 2);
        let link: &'static str = Box::leak(links[0].clone().into_boxed_str());
        // No account needed; the form shows the questionnaire.
        let r = send(&app, Method::GET, link, None, None, &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("q.difficulty"));
        // Incomplete: refused at its field.
        let r = send(&app, Method::POST, link, None, Some(""), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("field-error"));
        let r = send(
            &app,
            Method::POST,
            link,
            None,
            Some("q.difficulty=no"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("Votre réponse anonyme est enregistrée"));
        // Once only: the link is spent.
        let r = send(&app, Method::GET, link, None, None, &[]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = send(
            &app,
            Method::POST,
            link,
            None,
            Some("q.difficulty=yes"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // One answer: the owner sees nothing of it.
        let owner = token_for(&app, "programme_owner").await;
        let r = send(
            &app,
            Method::GET,
            "/staff-surveys/1",
            Some(&owner),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("Moins de cinq réponses"), "{}", r.body);
        assert!(!r.body.contains("figure class=\"chart\""));
        assert!(r.body.contains("1 / 1"));
        // The list and launch form; a launch with nothing chosen gets every error.
        let r = send(
            &app,
            Method::POST,
            "/staff-surveys",
            Some(&owner),
            Some(""),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        for id in ["title_ar-error", "title_fr-error", "territories-error"] {
            assert!(r.body.contains(id), "{id}");
        }
        // Casablanca's survey is not the Rehamna officer's.
        let officer = token_for(&app, "provincial_officer").await;
        let r = send(
            &app,
            Method::GET,
            "/staff-surveys/2",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn registering_one_person_shows_who_they_may_be_then_links_or_adds() {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    each_backend(|store| async move {
        let app = app(&store).await;
        let worker = token_for(&app, "social_worker").await;
        set_lang("fr");
        let r = send(&app, Method::GET, "/persons/new", Some(&worker), None, &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("Inscrire une personne au registre") && r.body.contains(r#"value="07.427.01.01""#));
        assert!(!r.body.contains(r#"value="07.431.01.03""#), "Safi's communes are not offered");
        let persons = || async { jisr_store::entity::person::Entity::find().count(store.conn()).await.unwrap() };
        let before = persons().await;
        // Every error at once, what was typed kept.
        let bad = "first_name_ar=Youssef&last_name_ar=&first_name_lat=&last_name_lat=&birth_date=2090-01-01&sex=&cin=12&commune_code=07.427.01.01";
        let r = send(&app, Method::POST, "/persons/new", Some(&worker), Some(bad), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        for msg in ["Lettres arabes seulement", "dans le futur", "Numéro de CIN invalide", "Saisissez le prénom et le nom"] {
            assert!(r.body.contains(msg), "{msg}: {}", r.body);
        }
        assert!(r.body.contains(r#"value="Youssef""#) && r.body.contains(r#"value="2090-01-01""#));
        // Another province's commune: not found.
        let safi = "first_name_lat=Ali&last_name_lat=Tazi&birth_date=2001-01-01&sex=male&commune_code=07.431.01.03";
        let r = send(&app, Method::POST, "/persons/new", Some(&worker), Some(safi), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // The registry's يوسف العلوي typed under another spelling: shown with reasons.
        let typed = "first_name_ar=%D9%8A%D9%88%D8%B3%D9%81&last_name_ar=%D8%A7%D9%84%D8%B9%D9%84%D9%88%D9%8A&first_name_lat=Youssouf&last_name_lat=El+Alaoui&birth_date=2015-06-10&sex=male&cin=&commune_code=07.427.01.01";
        let r = send(&app, Method::POST, "/persons/new", Some(&worker), Some(typed), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("Cette personne est peut-être déjà connue") && r.body.contains("Youssef Alaoui"), "{}", r.body);
        assert!(r.body.contains("Date de naissance") && r.body.contains(r#"name="match" value="2""#));
        assert_eq!(persons().await, before, "nothing saved before the decision");
        set_lang("ar");
        let r = send(&app, Method::POST, "/persons/new", Some(&worker), Some(typed), SAME_ORIGIN).await;
        assert!(r.body.contains("قد يكون هذا الشخص معروفًا من قبل") && r.body.contains("تسجيل شخص في السجل"));
        set_lang("fr");
        // A person not shown cannot be linked.
        let r = send(&app, Method::POST, "/persons/new", Some(&worker), Some(&format!("{typed}&match=3&shown=2")), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("ne peut pas être reliée") && r.body.contains(r#"value="Youssouf""#));
        // Linked: nothing new in the registry, the decision remembered.
        let r = send(&app, Method::POST, "/persons/new", Some(&worker), Some(&format!("{typed}&match=2&shown=2")), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(persons().await, before);
        let r = send(&app, Method::GET, "/persons/new?done=linked&person=2", Some(&worker), None, &[]).await;
        assert!(r.body.contains("déjà inscrite") && r.body.contains("RH-0001"), "{}", r.body);
        // A new person confirmed: written with a household of their own, then searchable.
        let amina = "first_name_ar=&last_name_ar=&first_name_lat=Amina&last_name_lat=Zerouali&birth_date=2012-02-02&sex=female&cin=&commune_code=07.427.01.01";
        let r = send(&app, Method::POST, "/persons/new", Some(&worker), Some(amina), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "no one like her: saved at once: {}", r.body);
        assert_eq!(persons().await, before + 1);
        let p = jisr_store::entity::person::Entity::find()
            .filter(jisr_store::entity::person::Column::LastNameLat.eq("Zerouali"))
            .one(store.conn()).await.unwrap().unwrap();
        let found = send(&app, Method::GET, "/persons/search?q=Zerouali", Some(&worker), None, &[]).await;
        assert!(found.body.contains("Amina Zerouali"), "{}", found.body);
        let r = send(&app, Method::GET, &format!("/persons/new?done=new&person={}", p.id), Some(&worker), None, &[]).await;
        assert!(r.body.contains("Nouvelle personne inscrite"));
        // A national ID already in the registry is refused, the form kept.
        let first = "first_name_lat=Said&last_name_lat=Kettani&birth_date=1990-05-05&sex=male&cin=ZZ123&commune_code=07.427.01.01&match=new";
        let r = send(&app, Method::POST, "/persons/new", Some(&worker), Some(first), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let again = "first_name_lat=Hamid&last_name_lat=Berrada&birth_date=1970-07-07&sex=male&cin=zz123&commune_code=07.427.01.01&match=new";
        let r = send(&app, Method::POST, "/persons/new", Some(&worker), Some(again), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("déjà inscrit au registre") && r.body.contains(r#"value="Berrada""#), "{}", r.body);
        assert_eq!(persons().await, before + 2);
        // Audited: the persons and households created, the decisions.
        let trail = jisr_store::entity::audit_log::Entity::find().all(store.conn()).await.unwrap();
        let count = |action: &str, entity: &str| trail.iter().filter(|e| e.action == action && e.entity == entity).count();
        assert_eq!(count("create", "person"), 2);
        assert_eq!(count("create", "household"), 2);
        assert_eq!(count("matching.decide", "person"), 3);
        // Who may not register: an inspector is refused.
        let inspector = token_for(&app, "inspector").await;
        let r = send(&app, Method::GET, "/persons/new", Some(&inspector), None, &[]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn a_beneficiary_file_shows_the_registry_person_it_was_linked_to() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    each_backend(|store| async move {
        let app = app(&store).await;
        let worker = token_for(&app, "social_worker").await;
        set_lang("fr");
        let typed = "name_ar=%D9%8A%D9%88%D8%B3%D9%81+%D8%A7%D9%84%D8%B9%D9%84%D9%88%D9%8A&name_fr=Youssouf+El+Alaoui&birth_date=2015-06-10&sex=male&national_id=&representative=judge_order&representative_name=Tribunal&representative_reference=J-90&admitted_on=2025-10-01&basis=judge_order&basis_reference=OP-2025-90&match=2&shown=2";
        let r = send(&app, Method::POST, "/establishments/1/admissions", Some(&worker), Some(typed), SAME_ORIGIN).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let b = jisr_store::entity::beneficiary::Entity::find()
            .filter(jisr_store::entity::beneficiary::Column::NameFr.eq("Youssouf El Alaoui"))
            .one(store.conn()).await.unwrap().unwrap();
        let r = send(&app, Method::GET, &format!("/beneficiaries/{}", b.id), Some(&worker), None, &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("Personne du registre social") && r.body.contains("RH-0001") && r.body.contains("Youssef Alaoui"), "{}", r.body);
        set_lang("ar");
        let r = send(&app, Method::GET, &format!("/beneficiaries/{}", b.id), Some(&worker), None, &[]).await;
        assert!(r.body.contains("الشخص في السجل الاجتماعي"));
        // The establishment's manager keeps the file but does not read the registry.
        set_lang("fr");
        let manager = token_for(&app, "establishment_manager").await;
        let r = send(&app, Method::GET, &format!("/beneficiaries/{}", b.id), Some(&manager), None, &[]).await;
        if r.status == StatusCode::OK {
            assert!(r.body.contains("que vous ne consultez pas") && !r.body.contains("RH-0001"), "{}", r.body);
        }
        // A file with no link shows no registry section.
        let r = send(&app, Method::GET, "/beneficiaries/1", Some(&worker), None, &[]).await;
        assert!(!r.body.contains("Personne du registre social"));
    })
    .await;
}

#[tokio::test]
async fn grant_committees_see_only_their_calls_and_conflicts_hide_an_application() {
    each_backend(|store| async move {
        let app = app(&store).await;
        set_lang("fr");
        // The provincial officer sits on call 1 (Rehamna) only.
        let officer = token_for(&app, "provincial_officer").await;
        let r = send(
            &app,
            Method::GET,
            "/grants/committee",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.body.contains(r#"href="/grants/applications/1""#),
            "{}",
            r.body
        );
        assert!(
            !r.body.contains(r#"href="/grants/applications/2""#),
            "{}",
            r.body
        );
        // A member of another call, in another province, gets not found.
        for (method, uri, form) in [
            (Method::GET, "/grants/applications/2", None),
            (
                Method::POST,
                "/grants/applications/2/score",
                Some("mark.relevance=5"),
            ),
            (
                Method::POST,
                "/grants/applications/2/conflict",
                Some("confirm=yes"),
            ),
        ] {
            let r = send(&app, method, uri, Some(&officer), form, SAME_ORIGIN).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        }
        // A provincial officer of Safi, holding the capability but named on no committee,
        // reaches no application of Rehamna.
        let actor = Actor::system("test");
        let id = accounts::create_user(
            &store,
            &actor,
            "officer_safi",
            "officer_safi",
            &Password::parse(PASSWORD).unwrap(),
            false,
        )
        .await
        .unwrap();
        let safi = Scope::Province(ProvinceCode::parse("07.431").unwrap());
        accounts::grant_role(&store, &actor, id, Role::ProvincialOfficer, &safi)
            .await
            .unwrap();
        let other = token_for(&app, "officer_safi").await;
        let r = send(
            &app,
            Method::GET,
            "/grants/committee",
            Some(&other),
            None,
            &[],
        )
        .await;
        assert!(!r.body.contains("/grants/applications/"), "{}", r.body);
        for (method, uri, form) in [
            (Method::GET, "/grants/applications/1", None),
            (Method::GET, "/grants/applications/1/convention", None),
            (
                Method::POST,
                "/grants/applications/1/conflict",
                Some("confirm=yes"),
            ),
        ] {
            let r = send(&app, method, uri, Some(&other), form, SAME_ORIGIN).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        }
        // A conflict needs its box ticked, then hides the application from the member,
        // though they follow the province.
        let r = send(
            &app,
            Method::POST,
            "/grants/applications/1/conflict",
            Some(&officer),
            Some(""),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("Cochez la case"), "{}", r.body);
        let r = send(
            &app,
            Method::POST,
            "/grants/applications/1/conflict",
            Some(&officer),
            Some("confirm=yes"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = send(
            &app,
            Method::GET,
            "/grants/applications/1",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // The secretariat sees the declared conflict on the score sheet; the second
        // tranche waits for the interim report, refused with its reason.
        let owner = token_for(&app, "programme_owner").await;
        let r = send(
            &app,
            Method::GET,
            "/grants/applications/1",
            Some(&owner),
            None,
            &[],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("Conflits déclarés"), "{}", r.body);
        let r = send(
            &app,
            Method::POST,
            "/grants/applications/1/tranches/2/release",
            Some(&owner),
            Some("reference=OP-2"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body
                .contains("La condition de cette tranche n&#39;est pas remplie"),
            "{}",
            r.body
        );
        // The report returned needs remarks; approved, the second tranche is released.
        let r = send(
            &app,
            Method::POST,
            "/grants/applications/1/reports/1/review",
            Some(&owner),
            Some("review=return&remarks="),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = send(
            &app,
            Method::POST,
            "/grants/applications/1/reports/1/review",
            Some(&owner),
            Some("review=approve"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = send(
            &app,
            Method::POST,
            "/grants/applications/1/tranches/2/release",
            Some(&owner),
            Some("reference=OP-2"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = send(
            &app,
            Method::GET,
            "/grants/applications/1",
            Some(&owner),
            None,
            &[],
        )
        .await;
        assert!(r.body.contains("OP-2"), "{}", r.body);
    })
    .await;
}

#[tokio::test]
async fn the_manager_files_the_annual_report_and_the_delegation_returns_then_accepts_it() {
    each_backend(|store| async move {
        let app = app(&store).await;
        set_lang("fr");
        let manager = token_for(&app, "establishment_manager").await;
        let officer = token_for(&app, "provincial_officer").await;
        let form = |extra: &str| {
            let mut body = String::new();
            for band in jisr_domain::annual_reports::AgeBand::ALL {
                for sex in ["female", "male"] {
                    let n = if band.as_str() == "6_11" && sex == "female" {
                        5
                    } else {
                        0
                    };
                    body.push_str(&format!("served.{}%3A{sex}={n}&", band.as_str()));
                }
            }
            body.push_str("admissions=5&exits=1&services_delivered=120&staff_in_post=4");
            body.push_str("&spending.food=9000&funder_amount.0=9000");
            body.push_str("&funder_name.1=&funder_amount.1=");
            body.push_str(extra);
            body
        };
        // A reason for every figure, whatever the register gave.
        let mut reasons = String::new();
        for band in jisr_domain::annual_reports::AgeBand::ALL {
            for sex in ["female", "male"] {
                reasons.push_str(&format!(
                    "&reason.{}%3A{sex}=Accueils+d%27urgence",
                    band.as_str()
                ));
            }
        }
        let list = send(
            &app,
            Method::GET,
            "/annual-reports",
            Some(&manager),
            None,
            &[],
        )
        .await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(
            list.body.contains("/annual-reports/1") && list.body.contains("Dar Taliba Ben Guerir")
        );
        assert!(!list.body.contains("Dar Talib Anfa"));

        // Filed with problems: each named at its field, what was typed kept.
        let bad = send(
            &app,
            Method::POST,
            "/annual-reports/1",
            Some(&manager),
            Some(&form("&action=file&funder_name.0=")),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
        assert!(
            bad.body.contains("Ce chiffre diffère du registre")
                && bad.body.contains("Nommez le financeur"),
            "{}",
            bad.body
        );
        assert!(
            bad.body
                .contains(r#"name="spending.food" inputmode="numeric" dir="ltr" size="9""#)
                && bad.body.contains(r#"value="9000""#)
        );
        let ok = send(
            &app,
            Method::POST,
            "/annual-reports/1",
            Some(&manager),
            Some(&form(&format!(
                "&action=file{reasons}&funder_name.0=Entraide+nationale"
            ))),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(
            (ok.status, ok.location()),
            (StatusCode::SEE_OTHER, "/annual-reports/1?done=filed"),
            "{}",
            ok.body
        );

        // The officer returns it: a remark is required.
        let bad = send(
            &app,
            Method::POST,
            "/annual-reports/1/review",
            Some(&officer),
            Some("decision=return&remarks="),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("Écrivez les remarques"));
        let ok = send(
            &app,
            Method::POST,
            "/annual-reports/1/review",
            Some(&officer),
            Some("decision=return&remarks=D%C3%A9tailler+les+prestations"),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let page = send(
            &app,
            Method::GET,
            "/annual-reports/1",
            Some(&manager),
            None,
            &[],
        )
        .await;
        assert!(
            page.body.contains("Détailler les prestations")
                && page.body.contains("Renvoyé avec remarques")
        );

        // Filed again, accepted, printable; the other province's report is not found.
        let ok = send(
            &app,
            Method::POST,
            "/annual-reports/1",
            Some(&manager),
            Some(&form(&format!(
                "&action=file{reasons}&funder_name.0=Entraide+nationale"
            ))),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
        let ok = send(
            &app,
            Method::POST,
            "/annual-reports/1/review",
            Some(&officer),
            Some("decision=accept&remarks="),
            SAME_ORIGIN,
        )
        .await;
        assert_eq!(
            (ok.status, ok.location()),
            (StatusCode::SEE_OTHER, "/annual-reports/1?done=accepted")
        );
        let print = send(
            &app,
            Method::GET,
            "/annual-reports/1/print",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(print.status, StatusCode::OK);
        assert!(
            print.body.contains("Rapport annuel imprimable")
                && print.body.contains("Approuvé")
                && print.body.contains("Entraide nationale")
        );
        set_lang("ar");
        let print = send(
            &app,
            Method::GET,
            "/annual-reports/1/print",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert!(print.body.contains("التقرير السنوي للطباعة") && print.body.contains("مصادق عليه"));
        assert_eq!(
            send(
                &app,
                Method::GET,
                "/annual-reports/2",
                Some(&officer),
                None,
                &[]
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        // The quality plan now reads the food spending of the accepted report (1,800 MAD).
        let inspector = token_for(&app, "inspector").await;
        set_lang("fr");
        let plan = send(
            &app,
            Method::GET,
            "/quality/plan",
            Some(&inspector),
            None,
            &[],
        )
        .await;
        assert!(
            plan.body
                .contains("Dépense alimentaire par bénéficiaire (MAD)"),
            "{}",
            plan.body
        );
    })
    .await;
}

/// Grants as an association and the public see them: the manager of establishment 1 files
/// a half-typed application (every refusal at once, what was typed kept, the draft kept),
/// completes it, attaches the statutes the call asks and gets a receipt, eligible;
/// another establishment's application answers 404; the public register lists the grant in
/// 360Giving CSV and JSON, and refuses a malformed filter.
#[tokio::test]
async fn grant_applications_are_drafted_filed_and_the_register_is_public() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let token = token_for(&app, "establishment_manager").await;
        let form = send(&app, Method::GET, "/calls/1/apply", Some(&token), None, &[]).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert!(form.body.contains("name=\"file-statutes\""));

        let t = |s: &'static str| -> &'static [u8] { s.as_bytes() };
        let half = [
            ("project_title", None, t("Atelier de lecture")),
            ("duration_months", None, t("douze")),
            ("budget-staff", None, t("50000")),
            ("requested", None, t("40000")),
            ("action", None, t("file")),
        ];
        let r = send_files_with(&app, "/calls/1/apply", &token, &half).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(
            r.body.contains("id=\"duration_months-error\""),
            "{}",
            r.body
        );
        assert!(r.body.contains("id=\"objectives-error\""), "{}", r.body);
        assert!(r.body.contains("value=\"Atelier de lecture\""));
        assert!(r.body.contains("value=\"50000\""));

        let good = [
            ("project_title", None, t("Atelier de lecture")),
            ("objectives", None, t("Lire avec trente enfants")),
            ("place", None, t("Ben Guerir")),
            ("duration_months", None, t("12")),
            ("women", None, t("10")),
            ("budget-staff", None, t("50000")),
            ("requested", None, t("40000")),
            ("file-statutes", Some("statuts.pdf"), t("%PDF-1.4 statuts")),
            ("action", None, t("save")),
        ];
        let r = send_files_with(&app, "/calls/1/apply", &token, &good).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = r.location().trim_end_matches("?saved=1").to_owned();
        assert!(page.starts_with("/grant-applications/"), "{page}");
        let shown = send(&app, Method::GET, &page, Some(&token), None, &[]).await;
        assert!(shown.body.contains("statuts.pdf"), "{}", shown.body);
        // Filed with the whole form, as the page sends it.
        let mut filing: Vec<_> = good[..7].to_vec();
        filing.push(("action", None, t("file")));
        let r = send_files_with(&app, &page, &token, &filing).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), format!("{page}/receipt"));
        let receipt = send(&app, Method::GET, r.location(), Some(&token), None, &[]).await;
        assert!(receipt.body.contains("SUB-0001-"), "{}", receipt.body);
        // The fixtures' call asks the statutes only: given, so eligible.
        assert!(receipt.body.contains("id=\"eligible\""), "{}", receipt.body);
        let mine = send(
            &app,
            Method::GET,
            "/grant-applications",
            Some(&token),
            None,
            &[],
        )
        .await;
        assert!(mine.body.contains("Atelier de lecture"));
        let other = send(
            &app,
            Method::GET,
            "/grant-applications/2",
            Some(&token),
            None,
            &[],
        )
        .await;
        assert_eq!(other.status, StatusCode::NOT_FOUND);
        let api = send(
            &app,
            Method::GET,
            "/api/v1/grant-applications",
            Some(&token),
            None,
            &[],
        )
        .await;
        assert_eq!(api.status, StatusCode::OK, "{}", api.body);
        assert!(api.body.contains("\"status\":\"eligible\""), "{}", api.body);

        // The public register: application 1 of the fixtures, accepted for 150 000.
        let csv = send(
            &app,
            Method::GET,
            "/open-data/grants?format=csv&province=07.427",
            None,
            None,
            &[],
        )
        .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.body
                .starts_with("Identifier,Title,Description,Currency,Amount Awarded")
        );
        assert!(
            csv.body
                .contains("360G-jisr-1,Atelier,Accueillir,MAD,150000,"),
            "{}",
            csv.body
        );
        let json = send(
            &app,
            Method::GET,
            "/api/v1/grants-register",
            None,
            None,
            &[],
        )
        .await;
        let v: serde_json::Value = serde_json::from_str(&json.body).unwrap();
        assert_eq!(v["grants"][0]["amountAwarded"], 150000);
        assert_eq!(
            v["grants"][0]["beneficiaryLocation"][0]["geoCode"],
            "07.427"
        );
        let none = send(
            &app,
            Method::GET,
            "/open-data/grants?format=json&province=06.141",
            None,
            None,
            &[],
        )
        .await;
        assert_eq!(none.body, "{\"grants\":[]}");
        let bad = send(
            &app,
            Method::GET,
            "/open-data/grants?year=20x6&format=csv",
            None,
            None,
            &[],
        )
        .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        let calls = send(&app, Method::GET, "/calls", None, None, &[]).await;
        assert!(calls.body.contains("href=\"/calls/1\""));
    })
    .await;
}

#[tokio::test]
async fn an_officer_publishes_an_announcement_to_the_province_s_managers_and_news_shows_only_when_due()
 {
    each_backend(|store| async move {
        let app = app(&store).await;
        set_lang("fr");
        let officer = token_for(&app, "provincial_officer").await;
        let post = |path: &'static str, body: String| {
            let app = app.clone();
            let officer = officer.clone();
            async move {
                send(&app, Method::POST, path, Some(&officer), Some(&body), SAME_ORIGIN).await
            }
        };
        // Every error at once, what was typed kept.
        let r = post("/announcements", "audience=partners&title_fr=R%C3%A9union&publish_on=x".into()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        for id in ["title_ar-error", "body_ar-error", "body_fr-error", "publish_on-error"] {
            assert!(r.body.contains(id), "{id}: {}", r.body);
        }
        assert!(r.body.contains(r#"value="Réunion""#));
        // Outside the province: refused.
        let full = "audience=partners&title_ar=%D8%A5%D8%B9%D9%84%D8%A7%D9%86&title_fr=R%C3%A9union&body_ar=%D9%86%D8%B5&body_fr=Texte";
        let r = post("/announcements", format!("{full}&territories=06.141")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("territories-error"));
        let r = post("/announcements", format!("{full}&territories=07.427&categories=schooled_children")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), "/announcements/4");
        // Not yet published: not on the manager's dashboard.
        let manager = token_for(&app, "establishment_manager").await;
        let r = send(&app, Method::GET, "/dashboard", Some(&manager), None, &[]).await;
        assert!(!r.body.contains("Réunion"));
        let r = post("/announcements/4/publish", String::new()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = send(&app, Method::GET, "/dashboard", Some(&manager), None, &[]).await;
        assert!(r.body.contains(r#"id="announcements""#) && r.body.contains("Réunion"), "{}", r.body);
        // One message to establishment 1, through the outbox.
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let sent = jisr_store::entity::outbox_message::Entity::find()
            .filter(jisr_store::entity::outbox_message::Column::OwnerKind.eq("announcement"))
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].recipient, "establishment:1");
        // Another province's announcement does not exist for the officer.
        for path in ["/announcements/2"] {
            let r = send(&app, Method::GET, path, Some(&officer), None, &[]).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        }
        let r = post("/announcements/2/publish", String::new()).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // Public news: a draft, a future one and an expired one do not show.
        let today = jisr_domain::time::today();
        let news = |title: &str, publish: chrono::NaiveDate, expires: Option<chrono::NaiveDate>| {
            format!(
                "audience=public&title_ar=%D8%AE%D8%A8%D8%B1&title_fr={title}&body_ar=%D9%86%D8%B5&body_fr=Texte&territories=07.427&publish_on={publish}&expires_on={}",
                expires.map(|d| d.to_string()).unwrap_or_default()
            )
        };
        let r = post("/announcements", news("Brouillon", today, None)).await;
        assert_eq!(r.location(), "/announcements/5");
        let r = post("/announcements", news("Prochainement", today + chrono::Days::new(3), None)).await;
        assert_eq!(r.location(), "/announcements/6");
        post("/announcements/6/publish", String::new()).await;
        let r = post("/announcements", news("Aujourdhui", today, Some(today))).await;
        assert_eq!(r.location(), "/announcements/7");
        post("/announcements/7/publish", String::new()).await;
        // An expired one cannot be published.
        let r = post("/announcements", news("Perime", today - chrono::Days::new(5), Some(today - chrono::Days::new(1)))).await;
        assert_eq!(r.location(), "/announcements/8");
        let r = post("/announcements/8/publish", String::new()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("expires_on-error") || r.body.contains("expir"), "{}", r.body);
        let r = send(&app, Method::GET, "/news", None, None, &[]).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("Aujourdhui"), "{}", r.body);
        for hidden in ["Brouillon", "Prochainement", "Perime"] {
            assert!(!r.body.contains(hidden), "{hidden}");
        }
        for (id, status) in [(7, StatusCode::OK), (5, StatusCode::NOT_FOUND), (6, StatusCode::NOT_FOUND), (8, StatusCode::NOT_FOUND), (4, StatusCode::NOT_FOUND)] {
            let r = send(&app, Method::GET, &format!("/news/{id}"), None, None, &[]).await;
            assert_eq!(r.status, status, "/news/{id}");
        }
        // Withdrawn: gone from the news.
        let r = post("/announcements/7/withdraw", String::new()).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = send(&app, Method::GET, "/news/7", None, None, &[]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // Every change audited.
        let entries = jisr_store::entity::audit_log::Entity::find()
            .filter(jisr_store::entity::audit_log::Column::Entity.eq("announcement"))
            .all(store.conn())
            .await
            .unwrap();
        let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
        for a in ["create", "publish", "withdraw"] {
            assert!(actions.contains(&a), "{a}: {actions:?}");
        }
    })
    .await;
}

mod grievances_api;
