use sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    Actor,
    ActorRole,
    ActorScope,
    Action,
    Entity,
    EntityId,
    RequestId,
    Address,
    Before,
    After,
    PrevHash,
    Hash,
}

const SQLITE_GUARDS: &[&str] = &[
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log \
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log \
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
];

const POSTGRES_GUARDS: &[&str] = &[
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log \
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log \
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log \
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // The id is assigned by the writer (last id + 1, under the chain lock) so that it
        // is part of the hashed content and gaps are detectable.
        m.create_table(
            Table::create()
                .table(AuditLog::Table)
                .col(big_integer(AuditLog::Id).primary_key())
                .col(string_len(AuditLog::At, 40))
                .col(string(AuditLog::Actor))
                .col(string(AuditLog::ActorRole))
                .col(string(AuditLog::ActorScope))
                .col(string(AuditLog::Action))
                .col(string(AuditLog::Entity))
                .col(string(AuditLog::EntityId))
                .col(string(AuditLog::RequestId))
                .col(string(AuditLog::Address))
                .col(text(AuditLog::Before))
                .col(text(AuditLog::After))
                .col(string_len(AuditLog::PrevHash, 64))
                .col(string_len(AuditLog::Hash, 64))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_audit_entity")
                .table(AuditLog::Table)
                .col(AuditLog::Entity)
                .col(AuditLog::EntityId)
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        let guards = match db.get_database_backend() {
            DbBackend::Sqlite => SQLITE_GUARDS,
            _ => POSTGRES_GUARDS,
        };
        for sql in guards {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }
}
