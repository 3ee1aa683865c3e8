//! Documents, timelines and notifications become shared records: each row names its owner
//! by a kind and an id (`owner_kind`, `owner_id`) instead of one column per context.
//!
//! - `timeline_events` replaces `establishment_events` (each line a `status` line, its
//!   reason as text, public) and `application_events` (as they were). Lines get new ids,
//!   numbered establishments' first then applications', each in its old order, so every
//!   owner's timeline reads as before.
//! - `documents` and `outbox` are rebuilt with the owner columns; their ids are kept.
//!
//! The same statements run on SQLite and PostgreSQL; PostgreSQL's id sequences are then
//! moved past the ids copied, and the rebuilt tables' sequence and key get their usual
//! names back.

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TimelineEvents {
    Table,
    Id,
    OwnerKind,
    OwnerId,
    At,
    Kind,
    FromStatus,
    ToStatus,
    Text,
    Public,
    Actor,
}

#[derive(DeriveIden)]
enum EstablishmentEvents {
    Table,
}

#[derive(DeriveIden)]
enum ApplicationEvents {
    Table,
}

#[derive(DeriveIden)]
enum Documents {
    Table,
    Id,
    OwnerKind,
    OwnerId,
    RequirementCode,
    FileName,
    ContentType,
    SizeBytes,
    Sha256,
    UploadedBy,
    UploadedAt,
}

#[derive(DeriveIden)]
enum DocumentsNew {
    Table,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    At,
    Channel,
    Recipient,
    Locale,
    Message,
    Body,
    OwnerKind,
    OwnerId,
    ProvinceCode,
}

#[derive(DeriveIden)]
enum OutboxNew {
    Table,
}

/// The lines of both old timelines, numbered in the order described above.
const COPY_TIMELINES: &str = "
INSERT INTO timeline_events
    (id, owner_kind, owner_id, at, kind, from_status, to_status, text, public, actor)
SELECT ROW_NUMBER() OVER (ORDER BY source, old_id),
       owner_kind, owner_id, at, kind, from_status, to_status, text, public, actor
FROM (
    SELECT 1 AS source, id AS old_id, 'establishment' AS owner_kind,
           establishment_id AS owner_id, at, 'status' AS kind, from_status, to_status,
           reason AS text, TRUE AS public, actor
    FROM establishment_events
    UNION ALL
    SELECT 2, id, 'application', application_id, at, kind, from_status, to_status,
           text, public, actor
    FROM application_events
) AS old";

/// Documents with no owner or more than one: none should exist; the migration stops
/// rather than guess.
const DOCUMENTS_WITHOUT_ONE_OWNER: &str = "
SELECT COUNT(*) AS n FROM documents
WHERE (CASE WHEN establishment_id IS NULL THEN 0 ELSE 1 END)
    + (CASE WHEN association_id IS NULL THEN 0 ELSE 1 END)
    + (CASE WHEN application_id IS NULL THEN 0 ELSE 1 END) <> 1";

const COPY_DOCUMENTS: &str = "
INSERT INTO documents_new
    (id, owner_kind, owner_id, requirement_code, file_name, content_type, size_bytes,
     sha256, uploaded_by, uploaded_at)
SELECT id,
       CASE WHEN establishment_id IS NOT NULL THEN 'establishment'
            WHEN association_id IS NOT NULL THEN 'association'
            ELSE 'application' END,
       COALESCE(establishment_id, association_id, application_id),
       requirement_code, file_name, content_type, size_bytes, sha256, uploaded_by,
       uploaded_at
FROM documents";

const COPY_OUTBOX: &str = "
INSERT INTO outbox_new
    (id, at, channel, recipient, locale, message, body, owner_kind, owner_id, province_code)
SELECT id, at, channel, recipient, locale, message, body,
       CASE WHEN application_id IS NOT NULL THEN 'application' END,
       application_id, province_code
FROM outbox";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// All or nothing, on SQLite too (its schema changes are transactional).
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let postgres = m.get_database_backend() == DbBackend::Postgres;

        m.create_table(
            Table::create()
                .table(TimelineEvents::Table)
                .col(big_pk_auto(TimelineEvents::Id))
                .col(string_len(TimelineEvents::OwnerKind, 32))
                .col(big_integer(TimelineEvents::OwnerId))
                .col(string_len(TimelineEvents::At, 40))
                .col(string_len(TimelineEvents::Kind, 16))
                .col(string_len_null(TimelineEvents::FromStatus, 32))
                .col(string_len_null(TimelineEvents::ToStatus, 32))
                .col(text(TimelineEvents::Text))
                .col(boolean(TimelineEvents::Public))
                .col(string(TimelineEvents::Actor))
                .to_owned(),
        )
        .await?;
        db.execute_unprepared(COPY_TIMELINES).await?;
        m.create_index(
            Index::create()
                .name("idx_timeline_events_owner")
                .table(TimelineEvents::Table)
                .col(TimelineEvents::OwnerKind)
                .col(TimelineEvents::OwnerId)
                .col(TimelineEvents::Id)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(EstablishmentEvents::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(ApplicationEvents::Table).to_owned())
            .await?;
        if postgres {
            reset_sequence(db, "timeline_events").await?;
        }

        let stray = db
            .query_one_raw(Statement::from_string(
                m.get_database_backend(),
                DOCUMENTS_WITHOUT_ONE_OWNER,
            ))
            .await?
            .map(|row| row.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or(0);
        if stray > 0 {
            return Err(DbErr::Migration(format!(
                "{stray} documents have no owner or more than one; fix them before migrating"
            )));
        }
        m.create_table(
            Table::create()
                .table(DocumentsNew::Table)
                .col(big_pk_auto(Documents::Id))
                .col(string_len(Documents::OwnerKind, 32))
                .col(big_integer(Documents::OwnerId))
                .col(string_len_null(Documents::RequirementCode, 40))
                .col(string(Documents::FileName))
                .col(string_len(Documents::ContentType, 64))
                .col(big_integer(Documents::SizeBytes))
                .col(string_len(Documents::Sha256, 64))
                .col(string(Documents::UploadedBy))
                .col(string_len(Documents::UploadedAt, 40))
                .to_owned(),
        )
        .await?;
        db.execute_unprepared(COPY_DOCUMENTS).await?;
        m.drop_table(Table::drop().table(Documents::Table).to_owned())
            .await?;
        m.rename_table(
            Table::rename()
                .table(DocumentsNew::Table, Documents::Table)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_documents_owner")
                .table(Documents::Table)
                .col(Documents::OwnerKind)
                .col(Documents::OwnerId)
                .to_owned(),
        )
        .await?;
        if postgres {
            rename_serial_objects(db, "documents_new", "documents").await?;
            reset_sequence(db, "documents").await?;
        }

        m.create_table(
            Table::create()
                .table(OutboxNew::Table)
                .col(big_pk_auto(Outbox::Id))
                .col(string_len(Outbox::At, 40))
                .col(string_len(Outbox::Channel, 8))
                .col(string(Outbox::Recipient))
                .col(string_len(Outbox::Locale, 4))
                .col(string_len(Outbox::Message, 40))
                .col(text(Outbox::Body))
                .col(string_len_null(Outbox::OwnerKind, 32))
                .col(big_integer_null(Outbox::OwnerId))
                .col(string_len(Outbox::ProvinceCode, 8))
                .to_owned(),
        )
        .await?;
        db.execute_unprepared(COPY_OUTBOX).await?;
        m.drop_table(Table::drop().table(Outbox::Table).to_owned())
            .await?;
        m.rename_table(
            Table::rename()
                .table(OutboxNew::Table, Outbox::Table)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_outbox_owner")
                .table(Outbox::Table)
                .col(Outbox::OwnerKind)
                .col(Outbox::OwnerId)
                .to_owned(),
        )
        .await?;
        if postgres {
            rename_serial_objects(db, "outbox_new", "outbox").await?;
            reset_sequence(db, "outbox").await?;
        }
        Ok(())
    }
}

/// PostgreSQL: the next id of `table` follows the largest one copied.
async fn reset_sequence(db: &impl ConnectionTrait, table: &str) -> Result<(), DbErr> {
    db.execute_unprepared(&format!(
        "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
         COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
    ))
    .await
    .map(drop)
}

/// PostgreSQL: a table rebuilt as `old` and renamed to `new` keeps its sequence and key
/// named after `old`; they get the names a table created as `new` has.
async fn rename_serial_objects(
    db: &impl ConnectionTrait,
    old: &str,
    new: &str,
) -> Result<(), DbErr> {
    db.execute_unprepared(&format!(
        "ALTER SEQUENCE {old}_id_seq RENAME TO {new}_id_seq"
    ))
    .await?;
    db.execute_unprepared(&format!("ALTER INDEX {old}_pkey RENAME TO {new}_pkey"))
        .await
        .map(drop)
}
