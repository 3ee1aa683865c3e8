//! Isolated databases for tests: a fresh SQLite file for every test, and a fresh
//! PostgreSQL database as well when `JISR_TEST_DATABASE_URL` is set.
//!
//! Migrating takes longer than most tests, so each test process migrates one template
//! per engine once and every test gets a copy of it: the SQLite file is copied, the
//! PostgreSQL database is created `TEMPLATE` the migrated one. A template belongs to its
//! process (its name carries the process id), so it is never stale after a new
//! migration; templates of processes that have ended are dropped by the next one.

use crate::{DatabaseUrl, Store};
use sea_orm::{ConnectionTrait, Database};
use std::future::Future;

/// A migrated, empty store and what to clean up after it.
pub struct TestDb {
    pub store: Store,
    cleanup: Cleanup,
}

enum Cleanup {
    SqliteFile(std::path::PathBuf),
    PostgresDatabase { admin_url: String, name: String },
}

impl TestDb {
    /// A fresh, migrated SQLite database in a temporary file (a copy of the process's
    /// migrated template).
    pub async fn sqlite() -> Self {
        let template = SQLITE_TEMPLATE
            .get_or_init(|| async {
                let db = Self::sqlite_unmigrated().await;
                db.store.migrate().await.expect("migrate sqlite");
                db.store
                    .conn()
                    .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
                    .await
                    .expect("checkpoint the template");
                let _ = db.store.close().await;
                match db.cleanup {
                    Cleanup::SqliteFile(path) => path,
                    Cleanup::PostgresDatabase { .. } => unreachable!("a SQLite template"),
                }
            })
            .await;
        let path = std::env::temp_dir().join(format!("jisr-test-{}.db", uuid::Uuid::new_v4()));
        std::fs::copy(template, &path).expect("copy the migrated template");
        let store = Store::connect(&DatabaseUrl::sqlite_file(&path))
            .await
            .expect("sqlite test db");
        Self {
            store,
            cleanup: Cleanup::SqliteFile(path),
        }
    }

    /// A fresh SQLite database with no migration applied.
    pub async fn sqlite_unmigrated() -> Self {
        let path = std::env::temp_dir().join(format!("jisr-test-{}.db", uuid::Uuid::new_v4()));
        let store = Store::connect(&DatabaseUrl::sqlite_file(&path))
            .await
            .expect("sqlite test db");
        Self {
            store,
            cleanup: Cleanup::SqliteFile(path),
        }
    }

    /// A fresh, migrated PostgreSQL database created through `admin_url`, as a copy of
    /// the process's migrated template.
    pub async fn postgres(admin_url: &str) -> Self {
        let template = POSTGRES_TEMPLATE
            .get_or_init(|| postgres_template(admin_url))
            .await;
        Self::postgres_created(admin_url, &format!("TEMPLATE {template}")).await
    }

    /// A fresh PostgreSQL database created through `admin_url`, with no migration applied.
    pub async fn postgres_unmigrated(admin_url: &str) -> Self {
        Self::postgres_created(admin_url, "").await
    }

    /// A new PostgreSQL database, created with `options` (e.g. `TEMPLATE name`).
    async fn postgres_created(admin_url: &str, options: &str) -> Self {
        let name = format!("jisr_test_{}", uuid::Uuid::new_v4().simple());
        let admin = Database::connect(admin_url)
            .await
            .expect("connect to JISR_TEST_DATABASE_URL");
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name} {options}"))
            .await
            .expect("create test database");
        admin.close().await.ok();
        let url = with_database(admin_url, &name);
        let store = Store::connect(&DatabaseUrl::parse(&url).expect("test url"))
            .await
            .expect("pg test db");
        Self {
            store,
            cleanup: Cleanup::PostgresDatabase {
                admin_url: admin_url.to_owned(),
                name,
            },
        }
    }

    /// Closes the store and removes the database.
    pub async fn finish(self) {
        let _ = self.store.close().await;
        match self.cleanup {
            Cleanup::SqliteFile(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::PostgresDatabase { admin_url, name } => {
                if let Ok(admin) = Database::connect(&admin_url).await {
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                    let _ = admin.close().await;
                }
            }
        }
    }
}

/// The migrated SQLite file this process copies for each test.
static SQLITE_TEMPLATE: tokio::sync::OnceCell<std::path::PathBuf> =
    tokio::sync::OnceCell::const_new();

/// The migrated PostgreSQL database this process clones for each test.
static POSTGRES_TEMPLATE: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();

const TEMPLATE_PREFIX: &str = "jisr_template_";

/// Creates and migrates this process's PostgreSQL template, after dropping the templates
/// of test processes that have ended.
async fn postgres_template(admin_url: &str) -> String {
    let admin = Database::connect(admin_url)
        .await
        .expect("connect to JISR_TEST_DATABASE_URL");
    let rows = admin
        .query_all_raw(sea_orm::Statement::from_string(
            admin.get_database_backend(),
            format!("SELECT datname FROM pg_database WHERE datname LIKE '{TEMPLATE_PREFIX}%'"),
        ))
        .await
        .unwrap_or_default();
    for row in rows {
        let Ok(name) = row.try_get::<String>("", "datname") else {
            continue;
        };
        let pid = name
            .strip_prefix(TEMPLATE_PREFIX)
            .and_then(|rest| rest.split('_').next())
            .and_then(|p| p.parse::<u32>().ok());
        let ended = pid.is_some_and(|p| !std::path::Path::new(&format!("/proc/{p}")).exists());
        if ended {
            let _ = admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await;
        }
    }
    admin.close().await.ok();
    let db = TestDb::postgres_unmigrated(admin_url).await;
    db.store.migrate().await.expect("migrate postgres");
    let _ = db.store.close().await;
    let Cleanup::PostgresDatabase { name, .. } = &db.cleanup else {
        unreachable!("a PostgreSQL template")
    };
    let template = format!(
        "{TEMPLATE_PREFIX}{}_{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    );
    let admin = Database::connect(admin_url)
        .await
        .expect("connect to JISR_TEST_DATABASE_URL");
    admin
        .execute_unprepared(&format!("ALTER DATABASE {name} RENAME TO {template}"))
        .await
        .expect("name the template");
    admin.close().await.ok();
    template
}

/// Replaces the database name of a PostgreSQL address.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[scheme_end..]
        .find('/')
        .map(|i| i + scheme_end)
        .unwrap_or(base.len());
    let mut out = format!("{}/{}", &base[..host_end], name);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// The PostgreSQL address tests also run against, if any.
pub fn postgres_url() -> Option<String> {
    std::env::var("JISR_TEST_DATABASE_URL")
        .ok()
        .filter(|s| !s.trim().is_empty())
}

/// Runs `test` on a fresh SQLite store, then on a fresh PostgreSQL store when
/// `JISR_TEST_DATABASE_URL` is set. The backend is passed so failures name it.
pub async fn each_backend<F, Fut>(test: F)
where
    F: Fn(Store) -> Fut,
    Fut: Future<Output = ()>,
{
    on_each(true, test).await
}

/// [`each_backend`] on databases with no migration applied: for testing migrations on
/// rows written before them.
pub async fn each_backend_unmigrated<F, Fut>(test: F)
where
    F: Fn(Store) -> Fut,
    Fut: Future<Output = ()>,
{
    on_each(false, test).await
}

async fn on_each<F, Fut>(migrated: bool, test: F)
where
    F: Fn(Store) -> Fut,
    Fut: Future<Output = ()>,
{
    let db = if migrated {
        TestDb::sqlite().await
    } else {
        TestDb::sqlite_unmigrated().await
    };
    test(db.store.clone()).await;
    db.finish().await;
    if let Some(url) = postgres_url() {
        let db = if migrated {
            TestDb::postgres(&url).await
        } else {
            TestDb::postgres_unmigrated(&url).await
        };
        test(db.store.clone()).await;
        db.finish().await;
    }
}

/// Runs `sql` with the append-only guards of the audit trail and its checkpoints lifted,
/// as someone with file or superuser access to the database could: for tests that the
/// trail detects what the guards would have refused.
pub async fn behind_the_back(store: &Store, sql: &[String]) {
    use sea_orm::{FromQueryResult, Statement};
    #[derive(FromQueryResult)]
    struct Trigger {
        name: String,
        sql: String,
    }
    let txn = store.begin_write().await.expect("begin");
    let mut restore = Vec::new();
    for t in ["audit_log", "audit_checkpoints"] {
        match store.backend() {
            crate::Backend::Sqlite => {
                let triggers = Trigger::find_by_statement(Statement::from_string(
                    sea_orm::DbBackend::Sqlite,
                    format!(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '{t}'"
                    ),
                ))
                .all(&txn)
                .await
                .expect("list triggers");
                for tr in triggers {
                    txn.execute_unprepared(&format!("DROP TRIGGER {}", tr.name))
                        .await
                        .expect("drop trigger");
                    restore.push(tr.sql);
                }
            }
            crate::Backend::Postgres => {
                txn.execute_unprepared(&format!("ALTER TABLE {t} DISABLE TRIGGER USER"))
                    .await
                    .expect("disable triggers");
                restore.push(format!("ALTER TABLE {t} ENABLE TRIGGER USER"));
            }
        }
    }
    for s in sql {
        txn.execute_unprepared(s).await.expect("tamper");
    }
    for s in restore {
        txn.execute_unprepared(&s).await.expect("restore guard");
    }
    txn.commit().await.expect("commit");
}

#[cfg(test)]
mod tests {
    #[test]
    fn database_names_are_replaced() {
        assert_eq!(
            super::with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(
            super::with_database("postgres://h", "t1"),
            "postgres://h/t1"
        );
        assert_eq!(
            super::with_database("postgres://h/x?sslmode=disable", "t1"),
            "postgres://h/t1?sslmode=disable"
        );
    }
}
