//! The households file, streamed: each line is checked on its own as it is read and
//! written to a staging table of the import's connection (`stage`); the checks between
//! lines and against the registry are then queries over that table (`check`), and the
//! registry is written with set-based statements (`apply`), all in one transaction. The
//! memory used does not grow with the file (only the refusals are kept), and an import
//! that fails or is stopped half-way leaves nothing: the staging table belongs to the
//! connection and the writes to a transaction that never commits.

mod apply;
mod check;
mod parse;
mod stage;

use super::sheet::Sheet;
use super::{ImportError, ImportReport, RowError};
use crate::audit::{self, Actor, Change};
use crate::entity::commune;
use crate::progress::Progress;
use crate::{Backend, Store, StoreError};
use chrono::NaiveDate;
use jisr_domain::registry::date_text;
use sea_orm::{
    ConnectionTrait, DatabaseTransaction, EntityTrait, QueryResult, QuerySelect, Statement,
    TransactionTrait,
};
use stage::{Stager, TABLE};
use std::collections::HashMap;
use std::io::Read;

/// The work table: the accepted lines matched to the registry (see `apply::create_work`).
pub(super) const WORK: &str = "registry_import_work";

/// Lines read between two reports of progress.
const PROGRESS_EVERY: u64 = 10_000;

/// Memory PostgreSQL may use per sort or hash of the import's queries.
const PG_WORK_MEM: &str = "128MB";

async fn query_all(txn: &DatabaseTransaction, sql: &str) -> Result<Vec<QueryResult>, StoreError> {
    Ok(txn
        .query_all_raw(Statement::from_string(txn.get_database_backend(), sql))
        .await?)
}

async fn count(txn: &DatabaseTransaction, sql: &str) -> Result<u64, StoreError> {
    let rows = query_all(txn, sql).await?;
    let n = match rows.first() {
        Some(r) => r.try_get_by_index::<i64>(0)?,
        None => 0,
    };
    Ok(n.max(0) as u64)
}

/// Loads a households file into the registry: all or nothing, idempotent, audited once
/// (see the module documentation of [`crate::registry`]).
pub async fn import_households<R: Read>(
    store: &Store,
    actor: &Actor,
    reader: R,
    progress: &dyn Progress,
) -> Result<ImportReport, ImportError> {
    let today = jisr_domain::time::today();
    let communes: HashMap<String, String> = commune::Entity::find()
        .select_only()
        .column(commune::Column::Code)
        .column(commune::Column::ProvinceCode)
        .into_tuple::<(String, String)>()
        .all(store.conn())
        .await?
        .into_iter()
        .collect();
    // The columns are checked before anything is written.
    let sheet = Sheet::open(reader, parse::COLUMNS, parse::REQUIRED)?;
    progress.start("registry import", 0);
    let result = match store.backend() {
        Backend::Sqlite => {
            let txn = store.begin_write().await?;
            for sql in stage::create_sql() {
                txn.execute_unprepared(&sql).await?;
            }
            let mut stager = Stager::sqlite(&txn);
            let read = read_all(sheet, &communes, today, &mut stager, progress).await;
            let read = match read {
                Ok(r) => stager.finish().await.map(|()| r).map_err(ImportError::from),
                Err(e) => Err(e),
            };
            let outcome = match read {
                Ok(read) => {
                    for sql in [
                        format!("CREATE INDEX {TABLE}_line ON {TABLE} (line)"),
                        format!("CREATE INDEX {TABLE}_household ON {TABLE} (household_key)"),
                    ] {
                        txn.execute_unprepared(&sql).await?;
                    }
                    write(&txn, actor, read, today).await
                }
                Err(e) => Err(e),
            };
            settle(txn, outcome).await
        }
        Backend::Postgres => {
            let pool = one_connection(store).await?;
            let outcome = postgres(&pool, actor, sheet, &communes, today, progress).await;
            pool.close().await;
            outcome
        }
    };
    if result.is_ok() {
        store.matching_cache().invalidate();
    }
    progress.finish();
    result
}

/// The PostgreSQL path: the file is copied into the staging table of the pool's one
/// connection, then checked and applied in a transaction on that same connection.
async fn postgres<R: Read>(
    pool: &sqlx::PgPool,
    actor: &Actor,
    sheet: Sheet<R>,
    communes: &HashMap<String, String>,
    today: NaiveDate,
    progress: &dyn Progress,
) -> Result<ImportReport, ImportError> {
    let run = |sql: String| async move {
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(pool)
            .await
            .map_err(stage::copy_error)
    };
    run(format!("SET work_mem = '{PG_WORK_MEM}'")).await?;
    for sql in stage::create_sql() {
        run(sql).await?;
    }
    let mut stager = Stager::postgres(pool).await?;
    let read = read_all(sheet, communes, today, &mut stager, progress).await?;
    stager.finish().await?;
    // A temporary table is never analysed by the server itself.
    run(format!("ANALYZE {TABLE}")).await?;
    let db = sea_orm::SqlxPostgresConnector::from_sqlx_postgres_pool(pool.clone());
    let txn = db.begin().await?;
    let outcome = write(&txn, actor, read, today).await;
    settle(txn, outcome).await
}

/// Commits what succeeded; rolls back what did not.
async fn settle(
    txn: DatabaseTransaction,
    outcome: Result<ImportReport, ImportError>,
) -> Result<ImportReport, ImportError> {
    match outcome {
        Ok(report) => {
            for sql in [
                format!("DROP TABLE IF EXISTS {WORK}"),
                format!("DROP TABLE IF EXISTS {TABLE}"),
            ] {
                txn.execute_unprepared(&sql).await?;
            }
            txn.commit().await?;
            Ok(report)
        }
        Err(e) => {
            // The refusal is what is reported, whatever the rollback says.
            let _ = txn.rollback().await;
            Err(e)
        }
    }
}

/// A pool of one connection on the store's PostgreSQL database: the staging table is a
/// temporary table of that connection.
async fn one_connection(store: &Store) -> Result<sqlx::PgPool, ImportError> {
    let options = (*store
        .conn()
        .get_postgres_connection_pool()
        .connect_options())
    .clone();
    sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .min_connections(0)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect_with(options)
        .await
        .map_err(|e| ImportError::Store(stage::copy_error(e)))
}

/// What reading the file gave.
struct FileRead {
    hash: String,
    rows: u64,
    errors: Vec<RowError>,
}

/// Reads every line into the staging table.
async fn read_all<R: Read>(
    mut sheet: Sheet<R>,
    communes: &HashMap<String, String>,
    today: NaiveDate,
    stager: &mut Stager<'_>,
    progress: &dyn Progress,
) -> Result<FileRead, ImportError> {
    let mut rows = 0;
    while let Some(line) = parse::next_line(&mut sheet, communes, today)? {
        rows += 1;
        stager.push(line).await?;
        if rows % PROGRESS_EVERY == 0 {
            progress.inc(PROGRESS_EVERY);
        }
    }
    progress.inc(rows % PROGRESS_EVERY);
    progress.start("registry import: checks and writes", 0);
    let (hash, errors) = sheet.finish();
    Ok(FileRead { hash, rows, errors })
}

/// Checks the staged file and, when no line is refused, writes it into the registry.
async fn write(
    txn: &DatabaseTransaction,
    actor: &Actor,
    read: FileRead,
    today: NaiveDate,
) -> Result<ImportReport, ImportError> {
    let FileRead {
        hash,
        rows,
        mut errors,
    } = read;
    check::between_lines(txn, &mut errors).await?;
    let now = crate::now_text();
    // Households are written before the registry checks so that the work table can name
    // each line's household; a refusal below rolls them back with the rest.
    let households = apply::households(txn, &now).await?;
    apply::create_work(txn).await?;
    check::against_registry(txn, &mut errors).await?;
    if !errors.is_empty() {
        return Err(ImportError::Rows(parse::sorted(errors)));
    }
    let persons = apply::persons(txn, &now).await?;
    let (stays_opened, stays_closed) = apply::stays(txn, &date_text(today)).await?;
    let report = ImportReport {
        file_sha256: hash.clone(),
        rows,
        households,
        persons,
        stays_opened,
        stays_closed,
    };
    if report.changed() {
        audit::record(
            txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::RegistryImport,
                entity: jisr_domain::audit::Entity::Household,
                entity_id: hash,
                before: None,
                after: Some(serde_json::json!({
                    "file_sha256": report.file_sha256,
                    "rows": report.rows,
                    "households": report.households,
                    "persons": report.persons,
                    "stays_opened": report.stays_opened,
                    "stays_closed": report.stays_closed,
                })),
            },
        )
        .await?;
    }
    Ok(report)
}
