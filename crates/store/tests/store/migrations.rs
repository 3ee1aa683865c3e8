//! Migrations applied to databases that already hold rows: the rows written in the old
//! shape are carried over. Rows are written in SQL, as the code of their day wrote them,
//! so these tests do not depend on today's entities.

use jisr_store::Store;
use jisr_store::entity::{document, outbox_message, timeline_event};
use jisr_store::migration::Migrator;
use jisr_store::testing::each_backend_unmigrated;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use sea_orm_migration::MigratorTrait;

/// The migrations before `m0016_shared_records`.
const BEFORE_SHARED_RECORDS: u32 = 15;

async fn exec(store: &Store, sql: &str) {
    store
        .conn()
        .execute_unprepared(sql)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// A region, a province, a commune, an association, two establishments and an
/// application for the old rows to belong to.
async fn owners(store: &Store) {
    for sql in [
        "INSERT INTO regions (code, name_ar, name_fr, population, households)
         VALUES ('07', 'مراكش آسفي', 'Marrakech-Safi', 0, 0)",
        "INSERT INTO provinces (code, region_code, kind, name_ar, name_fr, population, households)
         VALUES ('07.427', '07', 'province', 'آسفي', 'Safi', 0, 0)",
        "INSERT INTO communes (code, province_code, cercle_code, kind, name_ar, name_fr,
                               population, households)
         VALUES ('07.427.01.01', '07.427', NULL, 'urban', 'آسفي', 'Safi', 0, 0)",
        "INSERT INTO associations (id, name_ar, name_fr, registration_number, registration_date,
                                   commune_code, province_code, address, phone, email, created_at)
         VALUES (3, 'جمعية', 'Association', 'R-1', '2020-01-01', '07.427.01.01', '07.427',
                 '', '', '', '2026-01-01T00:00:00.000000Z')",
        "INSERT INTO establishments (id, name_ar, name_fr, category_code, association_id,
                                     commune_code, province_code, address, phone,
                                     capacity_male, capacity_female, status, created_at)
         VALUES (1, 'مركز', 'Centre', 'elderly', 3, '07.427.01.01', '07.427', '', '', 10, 10,
                 'under_review', '2026-01-01T00:00:00.000000Z'),
                (2, 'دار', 'Foyer', 'elderly', NULL, '07.427.01.01', '07.427', '', '', 5, 5,
                 'project', '2026-01-02T00:00:00.000000Z')",
        "INSERT INTO applications (id, tracking_code, submission_key, service_code, status,
             commune_code, province_code, applicant_name_ar, applicant_name_fr,
             applicant_phone, applicant_email, applicant_relation, beneficiary_name_ar,
             beneficiary_name_fr, beneficiary_birth_date, beneficiary_sex,
             beneficiary_national_id, household_size, household_facts, locale,
             notice_version, consent_at, submitted_at, due_on, decision_reason)
         VALUES (10, 'ABCD2345EFGH', 'key-1', 'disability-centre', 'in_review',
             '07.427.01.01', '07.427', 'أمينة', 'Amina', '0612345678', '', 'parent',
             'سلمى', 'Salma', '2015-03-04', 'female', '', 4, '', 'fr', 'v1',
             '2026-02-01T09:00:00.000000Z', '2026-02-01T09:00:00.000000Z', '2026-03-03', '')",
    ] {
        exec(store, sql).await;
    }
}

/// Rows of the shapes before `m0016_shared_records`: two establishments' timelines (their
/// ids interleaved), an application's, documents of each kind of owner (ids with gaps),
/// notifications with and without an application.
async fn old_rows(store: &Store) {
    for sql in [
        "INSERT INTO establishment_events (id, establishment_id, at, from_status, to_status,
                                           reason, actor)
         VALUES (2, 1, '2026-01-01T00:00:00.000000Z', NULL, 'project', '', 'user:1'),
                (3, 2, '2026-01-02T00:00:00.000000Z', NULL, 'project', '', 'user:2'),
                (5, 1, '2026-01-05T00:00:00.000000Z', 'project', 'under_review',
                 'Dossier complet', 'user:1')",
        "INSERT INTO application_events (id, application_id, at, kind, from_status, to_status,
                                         text, public, actor)
         VALUES (1, 10, '2026-02-01T09:00:00.000000Z', 'status', NULL, 'submitted', '',
                 TRUE, 'anonymous'),
                (2, 10, '2026-02-02T09:00:00.000000Z', 'note', NULL, NULL, 'Appel prévu',
                 FALSE, 'user:4'),
                (3, 10, '2026-02-03T09:00:00.000000Z', 'status', 'submitted', 'in_review',
                 '', TRUE, 'user:4')",
        "INSERT INTO documents (id, establishment_id, association_id, application_id,
                                requirement_code, file_name, content_type, size_bytes, sha256,
                                uploaded_by, uploaded_at)
         VALUES (7, 1, NULL, NULL, 'statutes', 'statuts.pdf', 'application/pdf', 120,
                 'aaaa', 'user:1', '2026-01-03T00:00:00.000000Z'),
                (9, NULL, 3, NULL, 'board_minutes', 'pv.png', 'image/png', 80, 'bbbb',
                 'user:1', '2026-01-04T00:00:00.000000Z'),
                (12, NULL, NULL, 10, 'birth_certificate', 'acte.jpg', 'image/jpeg', 60,
                 'cccc', 'anonymous', '2026-02-01T09:00:00.000000Z')",
        "INSERT INTO outbox (id, at, channel, recipient, locale, message, body,
                             application_id, province_code)
         VALUES (4, '2026-02-01T09:00:00.000000Z', 'sms', '0612345678', 'fr', 'submitted',
                 '{\"code\":\"ABCD-2345-EFGH\"}', 10, '07.427'),
                (6, '2026-02-01T10:00:00.000000Z', 'email', 'a@example.org', 'ar', 'test',
                 '{}', NULL, '07.427')",
    ] {
        exec(store, sql).await;
    }
}

async fn timeline_of(store: &Store, kind: &str, id: i64) -> Vec<timeline_event::Model> {
    timeline_event::Entity::find()
        .filter(timeline_event::Column::OwnerKind.eq(kind))
        .filter(timeline_event::Column::OwnerId.eq(id))
        .order_by_asc(timeline_event::Column::Id)
        .all(store.conn())
        .await
        .unwrap()
}

/// A line of a timeline, as compared: kind, from, to, text, public, actor, at.
type Line = (
    String,
    Option<String>,
    Option<String>,
    String,
    bool,
    String,
    String,
);

fn line(e: &timeline_event::Model) -> Line {
    (
        e.kind.clone(),
        e.from_status.clone(),
        e.to_status.clone(),
        e.text.clone(),
        e.public,
        e.actor.clone(),
        e.at.clone(),
    )
}

fn expected(
    kind: &str,
    from: Option<&str>,
    to: Option<&str>,
    text: &str,
    public: bool,
    actor: &str,
    at: &str,
) -> Line {
    (
        kind.into(),
        from.map(Into::into),
        to.map(Into::into),
        text.into(),
        public,
        actor.into(),
        at.into(),
    )
}

#[tokio::test]
async fn shared_records_carry_over_every_timeline_document_and_notification() {
    each_backend_unmigrated(|store| async move {
        Migrator::up(store.conn(), Some(BEFORE_SHARED_RECORDS))
            .await
            .unwrap();
        assert!(store.has_pending_migrations().await.unwrap());
        owners(&store).await;
        old_rows(&store).await;

        Migrator::up(store.conn(), None).await.unwrap();
        assert!(!store.has_pending_migrations().await.unwrap());

        // Establishments' lines: status lines with their reason, public, in their order.
        let first: Vec<Line> = timeline_of(&store, "establishment", 1)
            .await
            .iter()
            .map(line)
            .collect();
        assert_eq!(
            first,
            vec![
                expected(
                    "status",
                    None,
                    Some("project"),
                    "",
                    true,
                    "user:1",
                    "2026-01-01T00:00:00.000000Z"
                ),
                expected(
                    "status",
                    Some("project"),
                    Some("under_review"),
                    "Dossier complet",
                    true,
                    "user:1",
                    "2026-01-05T00:00:00.000000Z"
                ),
            ]
        );
        assert_eq!(timeline_of(&store, "establishment", 2).await.len(), 1);
        // The application's lines as they were, internal notes still internal.
        let app: Vec<Line> = timeline_of(&store, "application", 10)
            .await
            .iter()
            .map(line)
            .collect();
        assert_eq!(
            app,
            vec![
                expected(
                    "status",
                    None,
                    Some("submitted"),
                    "",
                    true,
                    "anonymous",
                    "2026-02-01T09:00:00.000000Z"
                ),
                expected(
                    "note",
                    None,
                    None,
                    "Appel prévu",
                    false,
                    "user:4",
                    "2026-02-02T09:00:00.000000Z"
                ),
                expected(
                    "status",
                    Some("submitted"),
                    Some("in_review"),
                    "",
                    true,
                    "user:4",
                    "2026-02-03T09:00:00.000000Z"
                ),
            ]
        );
        // The timeline reads as before through the establishment's handle.
        let scoped = jisr_store::establishments::Scoped::unscoped_for_system_jobs(&store);
        let events = scoped.events(1).await.unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!(events[1].text, "Dossier complet");

        // Documents keep their ids and every column, with their owner named.
        let docs = document::Entity::find()
            .order_by_asc(document::Column::Id)
            .all(store.conn())
            .await
            .unwrap();
        let owners: Vec<(i64, &str, i64)> = docs
            .iter()
            .map(|d| (d.id, d.owner_kind.as_str(), d.owner_id))
            .collect();
        assert_eq!(
            owners,
            vec![
                (7, "establishment", 1),
                (9, "association", 3),
                (12, "application", 10)
            ]
        );
        let statutes = &docs[0];
        assert_eq!(
            (
                statutes.requirement_code.as_deref(),
                statutes.file_name.as_str(),
                statutes.content_type.as_str(),
                statutes.size_bytes,
                statutes.sha256.as_str(),
                statutes.uploaded_by.as_str(),
                statutes.uploaded_at.as_str()
            ),
            (
                Some("statutes"),
                "statuts.pdf",
                "application/pdf",
                120,
                "aaaa",
                "user:1",
                "2026-01-03T00:00:00.000000Z"
            )
        );
        let listed = scoped_documents(&store).await;
        assert_eq!(listed, vec![7]);

        // Notifications keep their ids and province; the application is their owner.
        let sent = outbox_message::Entity::find()
            .order_by_asc(outbox_message::Column::Id)
            .all(store.conn())
            .await
            .unwrap();
        let rows: Vec<(i64, Option<&str>, Option<i64>, &str)> = sent
            .iter()
            .map(|m| {
                (
                    m.id,
                    m.owner_kind.as_deref(),
                    m.owner_id,
                    m.province_code.as_str(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                (4, Some("application"), Some(10), "07.427"),
                (6, None, None, "07.427"),
            ]
        );
        assert_eq!(sent[0].body, "{\"code\":\"ABCD-2345-EFGH\"}");
        assert_eq!(
            (sent[0].channel.as_str(), sent[0].recipient.as_str()),
            ("sms", "0612345678")
        );

        // The old tables are gone.
        for table in ["establishment_events", "application_events"] {
            assert!(
                store
                    .conn()
                    .execute_unprepared(&format!("SELECT COUNT(*) FROM {table}"))
                    .await
                    .is_err(),
                "{table} still exists"
            );
        }

        // New rows follow the ids copied (PostgreSQL's sequences were moved past them).
        assert_eq!(next_document_id(&store).await, 13);
        assert_eq!(next_timeline_id(&store).await, 7);
        assert_eq!(next_outbox_id(&store).await, 7);
    })
    .await;
}

async fn scoped_documents(store: &Store) -> Vec<i64> {
    jisr_store::establishments::Scoped::unscoped_for_system_jobs(store)
        .documents(1)
        .await
        .unwrap()
        .iter()
        .map(|d| d.id)
        .collect()
}

async fn next_document_id(store: &Store) -> i64 {
    document::Entity::insert(document::ActiveModel {
        id: NotSet,
        owner_kind: Set("establishment".into()),
        owner_id: Set(2),
        requirement_code: Set(None),
        file_name: Set("x.pdf".into()),
        content_type: Set("application/pdf".into()),
        size_bytes: Set(1),
        sha256: Set("dddd".into()),
        uploaded_by: Set("user:1".into()),
        uploaded_at: Set("2026-03-01T00:00:00.000000Z".into()),
    })
    .exec(store.conn())
    .await
    .unwrap()
    .last_insert_id
}

async fn next_timeline_id(store: &Store) -> i64 {
    timeline_event::Entity::insert(timeline_event::ActiveModel {
        id: NotSet,
        owner_kind: Set("establishment".into()),
        owner_id: Set(2),
        at: Set("2026-03-01T00:00:00.000000Z".into()),
        kind: Set("status".into()),
        from_status: Set(Some("project".into())),
        to_status: Set(Some("under_review".into())),
        text: Set(String::new()),
        public: Set(true),
        actor: Set("user:2".into()),
    })
    .exec(store.conn())
    .await
    .unwrap()
    .last_insert_id
}

async fn next_outbox_id(store: &Store) -> i64 {
    outbox_message::Entity::insert(outbox_message::ActiveModel {
        id: NotSet,
        at: Set("2026-03-01T00:00:00.000000Z".into()),
        channel: Set("sms".into()),
        recipient: Set("0612345678".into()),
        locale: Set("fr".into()),
        message: Set("test".into()),
        body: Set("{}".into()),
        owner_kind: Set(None),
        owner_id: Set(None),
        province_code: Set("07.427".into()),
    })
    .exec(store.conn())
    .await
    .unwrap()
    .last_insert_id
}
