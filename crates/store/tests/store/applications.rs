//! Online applications end to end in the store, on SQLite and PostgreSQL: filing with a
//! tracking code, double submission, tracking with a second fact, one request for
//! documents answered by the applicant, acceptance with placement in an establishment
//! with a free place, the waiting list, refusal and appeal, and the scope around it.

use jisr_domain::access::{Role, Scope};
use jisr_domain::applications::{Decision, Status, StepError};
use jisr_domain::establishments::{Capacity, Status as EstStatus};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_store::applications::{self, ApplicationError, ApplicationInput, QueueFilter, Scoped};
use jisr_store::audit::Actor;
use jisr_store::authorisation::Upload;
use jisr_store::establishments::{self, Details, NewEstablishment};
use jisr_store::files::FileStore;
use jisr_store::geo::{self, GeoSource};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_store::{Store, StoreError};

const MAX: usize = 4096;
const REHAMNA: &str = "07.427.01.01";
const SAFI: &str = "07.431.01.03";

fn upload(code: &str) -> Upload {
    Upload {
        requirement: code.into(),
        file_name: format!("{code}.pdf"),
        bytes: format!("%PDF-1.4\n% {code}\n").into_bytes(),
    }
}

fn files() -> FileStore {
    FileStore::new(std::env::temp_dir().join(format!(
        "jisr-app-docs-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    )))
}

fn input(key: &str, name: &str, sex: &str, commune: &str) -> ApplicationInput {
    ApplicationInput {
        service: "disability-centre".into(),
        submission_key: key.into(),
        applicant_relation: "parent".into(),
        applicant_name_ar: "فاطمة العلوي".into(),
        applicant_phone: "06 12 34 56 78".into(),
        beneficiary_name_ar: name.into(),
        beneficiary_name_fr: "Youssef Alaoui".into(),
        beneficiary_birth_date: "2016-04-09".into(),
        beneficiary_sex: sex.into(),
        commune: commune.into(),
        household_size: "5".into(),
        consent: true,
        locale: "fr".into(),
        ..Default::default()
    }
}

/// An authorised disability centre with `male` places for boys, delivering the service.
async fn centre(store: &Store, male: i32) -> i64 {
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
                capacity: Capacity::new(male, 10).unwrap(),
                details: Details::default(),
            },
        )
        .await
        .unwrap();
    let files = files();
    let checklist = jisr_store::authorisation::checklist(store.conn(), "disability")
        .await
        .unwrap();
    let uploads = checklist
        .iter()
        .filter(|c| c.mandatory)
        .map(|c| upload(&c.code))
        .collect();
    system
        .attach(&actor, &files, id, uploads, MAX)
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
    jisr_store::services::deliver(store, &actor, "disability-centre", id)
        .await
        .unwrap();
    id
}

/// The actor of a signed-in account (a social worker takes an application for themselves).
fn as_user(id: i64) -> Actor {
    Actor {
        label: format!("user:{id}"),
        ..Actor::system("test")
    }
}

fn grants(role: Role, province: &str) -> Vec<(Role, Scope)> {
    vec![(
        role,
        Scope::Province(ProvinceCode::parse(province).unwrap()),
    )]
}

#[tokio::test]
async fn a_parent_applies_is_asked_once_for_a_document_and_the_child_is_admitted() {
    each_backend(|store| async move {
        let system = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &system, &Silent)
            .await
            .unwrap();
        let files = files();
        let centre = centre(&store, 1).await;
        let citizen = Actor::system("applicant");

        // Every bad field is reported at once, and nothing is filed.
        let mut bad = input("k0", "", "x", "99.999");
        bad.beneficiary_name_fr.clear();
        bad.applicant_phone = "12".into();
        bad.beneficiary_birth_date = "2999-01-01".into();
        bad.beneficiary_national_id = "123".into();
        bad.consent = false;
        match applications::submit(&store, &citizen, &files, "v1", &bad, vec![], MAX).await {
            Err(ApplicationError::Fields(f)) => {
                let fields: Vec<&str> = f.iter().map(|(k, _)| k.as_str()).collect();
                for expected in [
                    "beneficiary_name_ar",
                    "applicant_phone",
                    "beneficiary_birth_date",
                    "beneficiary_sex",
                    "beneficiary_national_id",
                    "commune",
                    "doc_birth_certificate",
                    "consent",
                ] {
                    assert!(fields.contains(&expected), "{expected} in {fields:?}");
                }
            }
            other => panic!("{other:?}"),
        }

        // Filed with the mandatory document; a second click files nothing new.
        let first = input("k1", "يوسف العلوي", "male", REHAMNA);
        let filed = applications::submit(
            &store,
            &citizen,
            &files,
            "v1",
            &first,
            vec![upload("birth_certificate")],
            MAX,
        )
        .await
        .unwrap();
        assert!(!filed.already_filed);
        let again = applications::submit(
            &store,
            &citizen,
            &files,
            "v1",
            &first,
            vec![upload("birth_certificate")],
            MAX,
        )
        .await
        .unwrap();
        assert!(again.already_filed);
        assert_eq!(again.tracking_code, filed.tracking_code);
        let code = filed.tracking_code.display();

        // Tracking needs the date of birth or the phone; anything else is "not found".
        assert!(matches!(
            applications::track(&store, &citizen, &code, "2016-04-10").await,
            Err(StoreError::NotFound)
        ));
        let t = applications::track(&store, &citizen, &code, "09/04/2016")
            .await
            .unwrap();
        assert_eq!(t.application.status, "submitted");
        assert_eq!(t.documents.len(), 1);
        applications::track(&store, &citizen, &code.to_lowercase(), "+212612345678")
            .await
            .unwrap();

        // The Rehamna worker sees it; Safi's officer does not.
        let worker_grants = grants(Role::SocialWorker, "07.427");
        let worker = Scoped::new(&store, &worker_grants);
        let safi_grants = grants(Role::ProvincialOfficer, "07.431");
        let safi = Scoped::new(&store, &safi_grants);
        let (rows, total) = worker.queue(&QueueFilter::default()).await.unwrap();
        assert_eq!(total, 1);
        assert!(rows[0].days_left.unwrap() > 0);
        assert_eq!(safi.queue(&QueueFilter::default()).await.unwrap().1, 0);
        assert!(matches!(
            safi.get(&system, filed.id).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            safi.decide(&system, filed.id, Decision::Refuse, "non")
                .await,
            Err(ApplicationError::Store(StoreError::NotFound))
        ));

        // Deciding before taking it up is not possible; documents are asked for once.
        assert!(matches!(
            worker
                .decide(&system, filed.id, Decision::Accept, "ok")
                .await,
            Err(ApplicationError::Step(StepError::NotNow))
        ));
        let worker_id = jisr_store::accounts::create_user_with_grant(
            &store,
            &system,
            "worker.rehamna",
            "Worker",
            &jisr_store::accounts::Password::parse("a long test password").unwrap(),
            false,
            Role::SocialWorker,
            &Scope::Province(ProvinceCode::parse("07.427").unwrap()),
        )
        .await
        .unwrap();
        worker
            .assign(&as_user(worker_id.0), filed.id, worker_id.0)
            .await
            .unwrap();
        assert!(matches!(
            worker
                .request_documents(&system, filed.id, &["tax_form".into()], "x")
                .await,
            Err(ApplicationError::Fields(_))
        ));
        worker
            .request_documents(
                &system,
                filed.id,
                &["medical_certificate".into()],
                "Merci de joindre le certificat médical.",
            )
            .await
            .unwrap();
        // The parent must send what was asked: another document is not an answer.
        assert!(matches!(
            applications::supply_documents(
                &store,
                &citizen,
                &files,
                &code,
                "2016-04-09",
                vec![upload("disability_card")],
                MAX
            )
            .await,
            Err(ApplicationError::Fields(_))
        ));
        applications::supply_documents(
            &store,
            &citizen,
            &files,
            &code,
            "2016-04-09",
            vec![upload("medical_certificate")],
            MAX,
        )
        .await
        .unwrap();
        assert!(matches!(
            worker
                .request_documents(&system, filed.id, &["disability_card".into()], "encore")
                .await,
            Err(ApplicationError::Step(StepError::DocumentsAlreadyRequested))
        ));

        // The worker linked the child to a registry person (id 77) while processing.
        let matching = jisr_store::matching::Scoped::new(&store, &worker_grants);
        matching
            .decide(
                &system,
                &jisr_store::matching::EntryRecord::default(),
                jisr_store::matching::Decision::Linked(77),
                &[77],
                ("application", filed.id),
            )
            .await
            .unwrap();
        // Accepted: admitted where a place is free, and the register shows it.
        worker
            .rate(&system, filed.id, &[("family_support".into(), 2)])
            .await
            .unwrap();
        let status = worker
            .decide(&system, filed.id, Decision::Accept, "Besoin établi")
            .await
            .unwrap();
        assert_eq!(status, Status::Accepted);
        let t = applications::track(&store, &citizen, &code, "2016-04-09")
            .await
            .unwrap();
        assert_eq!(t.establishment.as_ref().map(|e| e.id), Some(centre));
        let occupancy = jisr_store::care::occupancy_of(store.conn(), &[centre])
            .await
            .unwrap();
        assert_eq!(occupancy[&centre].male, 1);
        // The file admitted from the application carries its registry person.
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let file = jisr_store::entity::beneficiary::Entity::find()
            .filter(jisr_store::entity::beneficiary::Column::ApplicationId.eq(filed.id))
            .one(store.conn())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            matching
                .linked_person("beneficiary", file.id)
                .await
                .unwrap(),
            Some(77)
        );
        let carried = jisr_store::entity::audit_log::Entity::find()
            .filter(jisr_store::entity::audit_log::Column::Action.eq("matching.decide"))
            .all(store.conn())
            .await
            .unwrap();
        assert!(
            carried.iter().any(|e| e.after.contains("carried_from")),
            "{carried:?}"
        );

        // A second boy: the only place is taken, so he waits with a rank.
        let second = applications::submit(
            &store,
            &citizen,
            &files,
            "v1",
            &input("k2", "أمين", "male", REHAMNA),
            vec![upload("birth_certificate")],
            MAX,
        )
        .await
        .unwrap();
        worker
            .assign(&as_user(worker_id.0), second.id, worker_id.0)
            .await
            .unwrap();
        let status = worker
            .decide(&system, second.id, Decision::Accept, "Besoin établi")
            .await
            .unwrap();
        assert_eq!(status, Status::Waiting);
        let t = applications::track(
            &store,
            &citizen,
            &second.tracking_code.display(),
            "2016-04-09",
        )
        .await
        .unwrap();
        assert_eq!(t.rank, Some(1));
        assert!(matches!(
            worker.place(&system, second.id).await,
            Err(ApplicationError::NoPlace)
        ));
        let list = worker
            .waiting_list("disability-centre", "07.427")
            .await
            .unwrap();
        assert_eq!(list.len(), 1);
        assert!(matches!(
            safi.waiting_list("disability-centre", "07.427").await,
            Err(StoreError::NotFound)
        ));

        // Every step was notified to the outbox and recorded in a verifiable trail.
        use sea_orm::PaginatorTrait;
        let sent = jisr_store::entity::outbox_message::Entity::find()
            .count(store.conn())
            .await
            .unwrap();
        assert!(sent >= 5, "{sent} messages");
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

#[tokio::test]
async fn a_refusal_is_appealed_once_and_decided_above_the_social_worker() {
    each_backend(|store| async move {
        let system = Actor::system("test");
        geo::import(&store, &GeoSource::embedded(), &system, &Silent)
            .await
            .unwrap();
        let files = files();
        let citizen = Actor::system("applicant");
        let filed = applications::submit(
            &store,
            &citizen,
            &files,
            "v1",
            &input("r1", "سلمى", "female", SAFI),
            vec![upload("birth_certificate")],
            MAX,
        )
        .await
        .unwrap();
        let code = filed.tracking_code.display();
        let worker_grants = grants(Role::SocialWorker, "07.431");
        let worker = Scoped::new(&store, &worker_grants);
        let worker_id = jisr_store::accounts::create_user_with_grant(
            &store,
            &system,
            "worker.safi",
            "Worker",
            &jisr_store::accounts::Password::parse("a long test password").unwrap(),
            false,
            Role::SocialWorker,
            &Scope::Province(ProvinceCode::parse("07.431").unwrap()),
        )
        .await
        .unwrap();
        worker
            .assign(&as_user(worker_id.0), filed.id, worker_id.0)
            .await
            .unwrap();
        assert!(matches!(
            worker
                .decide(&system, filed.id, Decision::Refuse, " ")
                .await,
            Err(ApplicationError::Fields(_))
        ));
        worker
            .decide(&system, filed.id, Decision::Refuse, "Hors critères")
            .await
            .unwrap();
        assert!(matches!(
            applications::appeal(&store, &citizen, &code, "2016-04-09", "").await,
            Err(ApplicationError::Fields(_))
        ));
        applications::appeal(
            &store,
            &citizen,
            &code,
            "2016-04-09",
            "Ma fille a besoin d’aide",
        )
        .await
        .unwrap();
        assert!(matches!(
            worker
                .decide(&system, filed.id, Decision::Accept, "ok")
                .await,
            Err(ApplicationError::Step(StepError::Role))
        ));
        let officer_grants = grants(Role::ProvincialOfficer, "07.431");
        let officer = Scoped::new(&store, &officer_grants);
        // No centre delivers the service in Safi: accepted, she waits for a place.
        let status = officer
            .decide(&system, filed.id, Decision::Accept, "Recours fondé")
            .await
            .unwrap();
        assert_eq!(status, Status::Waiting);
        let t = applications::track(&store, &citizen, &code, "0612345678")
            .await
            .unwrap();
        let steps: Vec<&str> = t
            .events
            .iter()
            .filter_map(|e| e.to_status.as_deref())
            .collect();
        assert_eq!(
            steps,
            vec!["submitted", "in_review", "refused", "appealed", "waiting"]
        );
    })
    .await;
}
