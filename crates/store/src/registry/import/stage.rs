//! The staging table: every line of the file, written as it is read, so that memory does
//! not grow with the file. It is a temporary table of the import's own connection: it
//! disappears with the connection, whatever happens to the process.
//!
//! On PostgreSQL the lines go in with `COPY … FROM STDIN` (text format) before the
//! import's transaction begins, on the connection that will run it; on SQLite with
//! multi-row `INSERT`s inside the write transaction.

use super::parse::Staged;
use crate::StoreError;
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, Statement, Value};
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgCopyIn, PgPoolCopyExt};

pub(super) const TABLE: &str = "registry_import_rows";

/// The staged columns, in the order [`values`] gives them.
const COLUMNS: &[&str] = &[
    "line",
    "accepted",
    "household_key",
    "commune_code",
    "province_code",
    "address",
    "keys_parsed",
    "cin",
    "population_register_id",
    "person_key",
    "first_name_ar",
    "last_name_ar",
    "first_name_lat",
    "last_name_lat",
    "birth_date",
    "sex",
    "relation",
    "disabled",
    "disability_card_number",
    "disability_card_date",
    "schooling",
    "orphan",
    "from_date",
    "since_given",
];

/// Lines per `INSERT` on SQLite: 24 values each, well under its limit of bound values.
const SQLITE_BATCH: usize = 1_000;
/// Bytes sent per `COPY` message on PostgreSQL.
const COPY_CHUNK: usize = 1 << 20;

/// The statement creating the staging table (dropped first if a previous import on the
/// same connection left it).
pub(super) fn create_sql() -> [String; 2] {
    [
        format!("DROP TABLE IF EXISTS {TABLE}"),
        format!(
            "CREATE TEMPORARY TABLE {TABLE} (\
             line BIGINT NOT NULL, accepted BOOLEAN NOT NULL, \
             household_key TEXT, commune_code TEXT, province_code TEXT, address TEXT, \
             keys_parsed BOOLEAN NOT NULL, cin TEXT, population_register_id TEXT, person_key TEXT, \
             first_name_ar TEXT, last_name_ar TEXT, first_name_lat TEXT, last_name_lat TEXT, \
             birth_date TEXT, sex TEXT, relation TEXT, disabled BOOLEAN, \
             disability_card_number TEXT, disability_card_date TEXT, schooling TEXT, \
             orphan BOOLEAN, from_date TEXT, since_given BOOLEAN)"
        ),
    ]
}

/// One value of a staged line.
enum Cell<'a> {
    Int(i64),
    Bool(Option<bool>),
    Text(Option<&'a str>),
}

/// A staged line's values, in the order of [`COLUMNS`].
fn values(s: &Staged) -> [Cell<'_>; 24] {
    let f = s.facts.as_ref();
    let fact = |g: fn(&super::parse::Facts) -> &str| Cell::Text(f.map(g));
    [
        Cell::Int(s.line as i64),
        Cell::Bool(Some(f.is_some())),
        Cell::Text(s.household_key.as_deref()),
        Cell::Text(s.commune.as_ref().map(|(c, _)| c.as_str())),
        Cell::Text(s.commune.as_ref().map(|(_, p)| p.as_str())),
        Cell::Text(s.address.as_deref()),
        Cell::Bool(Some(s.keys_parsed)),
        Cell::Text(s.cin.as_deref()),
        Cell::Text(s.register.as_deref()),
        Cell::Text(s.key.as_deref()),
        fact(|f| &f.first_name_ar),
        fact(|f| &f.last_name_ar),
        fact(|f| &f.first_name_lat),
        fact(|f| &f.last_name_lat),
        fact(|f| &f.birth_date),
        fact(|f| f.sex),
        fact(|f| f.relation),
        Cell::Bool(f.and_then(|f| f.disabled)),
        Cell::Text(f.and_then(|f| f.card_number.as_deref())),
        Cell::Text(f.and_then(|f| f.card_date.as_deref())),
        Cell::Text(f.and_then(|f| f.schooling)),
        Cell::Bool(f.and_then(|f| f.orphan)),
        fact(|f| &f.from_date),
        Cell::Bool(f.map(|f| f.since_given)),
    ]
}

/// Writes staged lines.
pub(super) enum Stager<'a> {
    Sqlite {
        txn: &'a DatabaseTransaction,
        pending: Vec<Staged>,
    },
    Postgres {
        copy: PgCopyIn<PoolConnection<sqlx::Postgres>>,
        buf: Vec<u8>,
    },
}

pub(super) fn copy_error(e: sqlx::Error) -> StoreError {
    // The server's message may quote a value of the file: it is not kept.
    let kind = match e {
        sqlx::Error::Database(_) => "database",
        sqlx::Error::Io(_) => "io",
        _ => "other",
    };
    StoreError::Db(DbErr::Custom(format!("registry staging: {kind} error")))
}

impl<'a> Stager<'a> {
    pub fn sqlite(txn: &'a DatabaseTransaction) -> Self {
        Stager::Sqlite {
            txn,
            pending: Vec::with_capacity(SQLITE_BATCH),
        }
    }

    /// Starts a `COPY` on the pool's connection (the pool has one).
    pub async fn postgres(pool: &sqlx::PgPool) -> Result<Self, StoreError> {
        let sql = format!("COPY {TABLE} ({}) FROM STDIN", COLUMNS.join(", "));
        let copy = pool.copy_in_raw(&sql).await.map_err(copy_error)?;
        Ok(Stager::Postgres {
            copy,
            buf: Vec::with_capacity(COPY_CHUNK + 4096),
        })
    }

    pub async fn push(&mut self, row: Staged) -> Result<(), StoreError> {
        match self {
            Stager::Sqlite { txn, pending } => {
                pending.push(row);
                if pending.len() >= SQLITE_BATCH {
                    insert(txn, pending).await?;
                }
            }
            Stager::Postgres { copy, buf } => {
                copy_line(buf, &row);
                if buf.len() >= COPY_CHUNK {
                    copy.send(buf.as_slice()).await.map_err(copy_error)?;
                    buf.clear();
                }
            }
        }
        Ok(())
    }

    /// Writes what is pending and ends the `COPY`.
    pub async fn finish(self) -> Result<(), StoreError> {
        match self {
            Stager::Sqlite { txn, mut pending } => insert(txn, &mut pending).await,
            Stager::Postgres { mut copy, buf } => {
                if !buf.is_empty() {
                    copy.send(buf.as_slice()).await.map_err(copy_error)?;
                }
                copy.finish().await.map_err(copy_error)?;
                Ok(())
            }
        }
    }
}

/// Inserts the pending lines in one statement.
async fn insert(txn: &DatabaseTransaction, pending: &mut Vec<Staged>) -> Result<(), StoreError> {
    if pending.is_empty() {
        return Ok(());
    }
    let one = format!("({})", vec!["?"; COLUMNS.len()].join(","));
    let sql = format!(
        "INSERT INTO {TABLE} ({}) VALUES {}",
        COLUMNS.join(", "),
        vec![one.as_str(); pending.len()].join(",")
    );
    let mut bound: Vec<Value> = Vec::with_capacity(pending.len() * COLUMNS.len());
    for row in pending.iter() {
        for cell in values(row) {
            bound.push(match cell {
                Cell::Int(i) => Value::from(i),
                Cell::Bool(b) => Value::from(b),
                Cell::Text(t) => Value::from(t.map(str::to_owned)),
            });
        }
    }
    txn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        sql,
        bound,
    ))
    .await?;
    pending.clear();
    Ok(())
}

/// Appends one line in `COPY`'s text format: tab-separated, `\N` for null, backslash,
/// tab, newline and carriage return escaped.
fn copy_line(buf: &mut Vec<u8>, row: &Staged) {
    for (i, cell) in values(row).into_iter().enumerate() {
        if i > 0 {
            buf.push(b'\t');
        }
        match cell {
            Cell::Int(v) => buf.extend_from_slice(v.to_string().as_bytes()),
            Cell::Bool(None) | Cell::Text(None) => buf.extend_from_slice(b"\\N"),
            Cell::Bool(Some(b)) => buf.push(if b { b't' } else { b'f' }),
            Cell::Text(Some(t)) => escape(buf, t),
        }
    }
    buf.push(b'\n');
}

fn escape(buf: &mut Vec<u8>, text: &str) {
    for &b in text.as_bytes() {
        match b {
            b'\\' => buf.extend_from_slice(b"\\\\"),
            b'\t' => buf.extend_from_slice(b"\\t"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            b'\r' => buf.extend_from_slice(b"\\r"),
            _ => buf.push(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_text_escapes_what_the_format_reserves() {
        let mut buf = Vec::new();
        escape(&mut buf, "a\\b\tc\nd\re ابن");
        assert_eq!(buf, "a\\\\b\\tc\\nd\\re ابن".as_bytes());
    }

    #[test]
    fn a_refused_line_is_staged_with_nulls_for_its_facts() {
        let row = Staged {
            line: 7,
            household_key: Some("H-1".into()),
            keys_parsed: true,
            cin: Some("AB12".into()),
            ..Default::default()
        };
        let mut buf = Vec::new();
        copy_line(&mut buf, &row);
        let text = String::from_utf8(buf).unwrap();
        let cells: Vec<&str> = text.trim_end_matches('\n').split('\t').collect();
        assert_eq!(cells.len(), COLUMNS.len());
        assert_eq!(&cells[..4], ["7", "f", "H-1", "\\N"]);
        assert_eq!(cells[6], "t");
        assert_eq!(cells[7], "AB12");
        assert!(cells[10..].iter().all(|c| *c == "\\N"));
    }
}
