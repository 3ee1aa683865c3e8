//! The authorisation procedure end to end in the store, on SQLite and PostgreSQL:
//! documents, filing with a receipt, one request for documents, decision, appeal, queue,
//! and the scope around all of it.

use jisr_domain::access::{Role, Scope};
use jisr_domain::documents::UploadError;
use jisr_domain::establishments::{Capacity, Status, TransitionError};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_store::audit::Actor;
use jisr_store::authorisation::Upload;
use jisr_store::establishments::{self, Details, EstablishmentError, NewEstablishment, Scoped};
use jisr_store::files::FileStore;
use jisr_store::geo::{self, GeoSource};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_store::{Store, StoreError};

const MAX: usize = 1024;

fn pdf(text: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {text}\n").into_bytes()
}

fn upload(code: &str) -> Upload {
    Upload {
        requirement: code.into(),
        file_name: format!("{code}.pdf"),
        bytes: pdf(code),
    }
}

fn files() -> FileStore {
    FileStore::new(std::env::temp_dir().join(format!("jisr-docs-{}", uuid_like())))
}

fn uuid_like() -> String {
    format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    )
}

async fn establishment(store: &Store, commune: &str) -> i64 {
    Scoped::unscoped_for_system_jobs(store)
        .create(
            &Actor::system("test"),
            NewEstablishment {
                name_ar: "دار الطالبة".into(),
                name_fr: "Dar Taliba".into(),
                category: "schooled_children".into(),
                commune: CommuneCode::parse(commune).unwrap(),
                address: String::new(),
                phone: String::new(),
                capacity: Capacity::new(0, 40).unwrap(),
                details: Details::default(),
            },
        )
        .await
        .unwrap()
}

const MANDATORY: [&str; 5] = [
    "application",
    "statutes",
    "registration_receipt",
    "internal_rules",
    "premises",
];

#[tokio::test]
async fn a_dossier_is_filed_completed_once_and_decided_within_its_scope() {
    each_backend(|store| async move {
        geo::import(&store, &GeoSource::embedded(), &Actor::system("t"), &Silent)
            .await
            .unwrap();
        let files = files();
        let id = establishment(&store, "07.427.01.01").await;
        let manager_grants = [(Role::EstablishmentManager, Scope::Establishment(id))];
        let manager = Scoped::new(&store, &manager_grants);
        let officer_grants = [(
            Role::ProvincialOfficer,
            Scope::Province(ProvinceCode::parse("07.427").unwrap()),
        )];
        let officer = Scoped::new(&store, &officer_grants);
        let safi_grants = [(
            Role::ProvincialOfficer,
            Scope::Province(ProvinceCode::parse("07.431").unwrap()),
        )];
        let safi = Scoped::new(&store, &safi_grants);
        let me = Actor::system("manager");
        let them = Actor::system("officer");

        // Filing without the mandatory documents names each missing one.
        match manager
            .transition(&me, id, Status::Requested, "dossier", &[])
            .await
        {
            Err(EstablishmentError::MissingDocuments(m)) => assert_eq!(m.len(), 5),
            other => panic!("{other:?}"),
        }
        // One bad file refuses the whole batch: nothing is recorded.
        let mut batch: Vec<Upload> = MANDATORY.iter().map(|c| upload(c)).collect();
        batch[1].bytes = b"MZ\x90\x00 executable".to_vec();
        batch[2].bytes = vec![b'%'; MAX + 1];
        match manager.attach(&me, &files, id, batch, MAX).await {
            Err(EstablishmentError::Uploads(e)) => assert_eq!(
                e,
                vec![
                    ("statutes".into(), UploadError::ForbiddenType),
                    ("registration_receipt".into(), UploadError::TooLarge)
                ]
            ),
            other => panic!("{other:?}"),
        }
        assert!(manager.documents(id).await.unwrap().is_empty());
        // A checklist item the category does not publish is refused.
        assert!(matches!(
            manager
                .attach(&me, &files, id, vec![upload("tax_clearance")], MAX)
                .await,
            Err(EstablishmentError::Store(StoreError::Invalid(_)))
        ));
        let batch: Vec<Upload> = MANDATORY.iter().map(|c| upload(c)).collect();
        assert_eq!(
            manager
                .attach(&me, &files, id, batch, MAX)
                .await
                .unwrap()
                .len(),
            5
        );
        let docs = manager.documents(id).await.unwrap();
        assert_eq!(docs.len(), 5);
        let (doc, bytes) = manager.document(&me, &files, id, docs[0].id).await.unwrap();
        assert_eq!(bytes, pdf(doc.requirement_code.as_deref().unwrap()));
        assert_eq!(doc.content_type, "application/pdf");

        // Filing gives a receipt and a deadline.
        manager
            .transition(&me, id, Status::Requested, "dossier", &[])
            .await
            .unwrap();
        let request = manager.request(id).await.unwrap().expect("a request");
        assert!(
            request.receipt_number.starts_with("AUT-"),
            "{}",
            request.receipt_number
        );
        assert!(
            request
                .receipt_number
                .ends_with(&format!("-07427-{:06}", request.id))
        );
        assert!(request.due_on > request.complete_on);
        // Once filed, the dossier takes no new documents until asked.
        assert!(matches!(
            manager
                .attach(&me, &files, id, vec![upload("budget")], MAX)
                .await,
            Err(EstablishmentError::Locked)
        ));

        // Another province sees nothing of it.
        assert!(matches!(safi.get(id).await, Err(StoreError::NotFound)));
        assert!(matches!(safi.request(id).await, Err(StoreError::NotFound)));
        assert!(matches!(
            safi.documents(id).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            safi.document(&them, &files, id, docs[0].id).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            safi.transition(&them, id, Status::UnderReview, "x", &[])
                .await,
            Err(EstablishmentError::Store(StoreError::NotFound))
        ));
        assert!(safi.queue().await.unwrap().is_empty());
        assert_eq!(officer.queue().await.unwrap().len(), 1);

        officer
            .transition(&them, id, Status::UnderReview, "instruction", &[])
            .await
            .unwrap();
        // Only checklist items may be asked for, at least one.
        assert!(matches!(
            officer
                .transition(&them, id, Status::DocumentsMissing, "x", &[])
                .await,
            Err(EstablishmentError::DocumentRequest(_))
        ));
        assert!(matches!(
            officer
                .transition(&them, id, Status::DocumentsMissing, "x", &["tax".into()])
                .await,
            Err(EstablishmentError::DocumentRequest(_))
        ));
        officer
            .transition(
                &them,
                id,
                Status::DocumentsMissing,
                "plan illisible",
                &["premises".into()],
            )
            .await
            .unwrap();
        // Answering without the document asked for is refused.
        match manager
            .transition(&me, id, Status::UnderReview, "voilà", &[])
            .await
        {
            Err(EstablishmentError::StillRequested(left)) => assert_eq!(left, vec!["premises"]),
            other => panic!("{other:?}"),
        }
        manager
            .attach(&me, &files, id, vec![upload("premises")], MAX)
            .await
            .unwrap();
        manager
            .transition(&me, id, Status::UnderReview, "plan joint", &[])
            .await
            .unwrap();
        // Documents may be asked for only once.
        assert!(matches!(
            officer
                .transition(
                    &them,
                    id,
                    Status::DocumentsMissing,
                    "encore",
                    &["budget".into()]
                )
                .await,
            Err(EstablishmentError::Transition(
                TransitionError::DocumentsAlreadyRequested
            ))
        ));
        officer
            .transition(&them, id, Status::Refused, "locaux non conformes", &[])
            .await
            .unwrap();
        let request = manager.request(id).await.unwrap().unwrap();
        assert_eq!(request.decision.as_deref(), Some("refused"));
        assert_eq!(request.decision_reasons, "locaux non conformes");

        // The appeal is decided above the delegation, once.
        manager
            .transition(&me, id, Status::Appealed, "travaux faits", &[])
            .await
            .unwrap();
        assert!(matches!(
            officer
                .transition(&them, id, Status::Authorised, "ok", &[])
                .await,
            Err(EstablishmentError::Transition(TransitionError::Role))
        ));
        let region = [(
            Role::RegionalCoordinator,
            Scope::Region(jisr_domain::geo::RegionCode::parse("07").unwrap()),
        )];
        Scoped::new(&store, &region)
            .transition(&them, id, Status::Authorised, "conforme après travaux", &[])
            .await
            .unwrap();
        let public = establishments::public_directory(&store, &Default::default())
            .await
            .unwrap();
        assert_eq!(public.iter().map(|e| e.id).collect::<Vec<_>>(), vec![id]);
        assert!(officer.queue().await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn the_queue_puts_the_earliest_deadline_first() {
    each_backend(|store| async move {
        geo::import(&store, &GeoSource::embedded(), &Actor::system("t"), &Silent)
            .await
            .unwrap();
        let files = files();
        let system = Scoped::unscoped_for_system_jobs(&store);
        let actor = Actor::system("t");
        let mut ids = Vec::new();
        for days_ago in [10i64, 90, 30] {
            let id = establishment(&store, "07.427.01.01").await;
            let batch: Vec<Upload> = MANDATORY.iter().map(|c| upload(c)).collect();
            system.attach(&actor, &files, id, batch, MAX).await.unwrap();
            let at = chrono::Utc::now() - chrono::Duration::days(days_ago);
            system
                .transition_at(&actor, id, Status::Requested, "dossier", &[], at)
                .await
                .unwrap();
            ids.push(id);
        }
        let queue = system.queue().await.unwrap();
        let order: Vec<i64> = queue.iter().map(|r| r.establishment.id).collect();
        assert_eq!(order, vec![ids[1], ids[2], ids[0]]);
        let today = jisr_domain::time::today();
        let due = chrono::NaiveDate::parse_from_str(&queue[0].request.due_on, "%Y-%m-%d").unwrap();
        assert!(due < today, "filed 90 days ago: overdue");
    })
    .await;
}
