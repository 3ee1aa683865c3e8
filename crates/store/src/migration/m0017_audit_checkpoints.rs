//! Signed checkpoints of the audit chain's head, as the database recorded taking them.
//! The signed texts also go outside the database; this table lets a verifier tell a
//! trail cut short (the database knows the checkpoint) from an older copy restored over
//! it (it does not). Append-only, like the trail.

use sea_orm::DbBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditCheckpoints {
    Table,
    Seq,
    At,
    Entries,
    HeadHash,
    PublicKey,
    Signature,
}

const SQLITE_GUARDS: &[&str] = &[
    "CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints \
     BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END",
    "CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints \
     BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END",
];

const POSTGRES_GUARDS: &[&str] = &[
    "CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints \
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints \
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints \
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AuditCheckpoints::Table)
                .col(big_integer(AuditCheckpoints::Seq).primary_key())
                .col(string_len(AuditCheckpoints::At, 40))
                .col(big_integer(AuditCheckpoints::Entries))
                .col(string_len(AuditCheckpoints::HeadHash, 64))
                .col(string_len(AuditCheckpoints::PublicKey, 64))
                .col(string_len(AuditCheckpoints::Signature, 128))
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
