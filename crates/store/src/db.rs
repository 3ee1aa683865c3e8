use crate::StoreError;
use crate::migration::Migrator;
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use sea_orm_migration::MigratorTrait;
use std::path::PathBuf;
use std::time::Duration;

/// Which engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A database address that has been checked: `sqlite://PATH` or `postgres://...`.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    url: String,
    backend: Backend,
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DatabaseUrl({})", self.redacted())
    }
}

/// Why a database address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DatabaseUrlError {
    #[error("it is empty")]
    Empty,
    #[error("it must start with sqlite:// or postgres:// (got `{0}`)")]
    Scheme(String),
    #[error("a sqlite:// address needs a file path")]
    MissingPath,
    #[error("a postgres:// address needs a host")]
    MissingHost,
}

impl DatabaseUrl {
    pub fn parse(s: &str) -> Result<Self, DatabaseUrlError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(DatabaseUrlError::Empty);
        }
        if let Some(rest) = s
            .strip_prefix("sqlite://")
            .or_else(|| s.strip_prefix("sqlite:"))
        {
            let path = rest.split('?').next().unwrap_or("");
            if path.is_empty() {
                return Err(DatabaseUrlError::MissingPath);
            }
            return Ok(Self {
                url: s.to_owned(),
                backend: Backend::Sqlite,
            });
        }
        if let Some(rest) = s
            .strip_prefix("postgres://")
            .or_else(|| s.strip_prefix("postgresql://"))
        {
            let authority = rest.split(['/', '?']).next().unwrap_or("");
            let host = authority.rsplit('@').next().unwrap_or("");
            if host.is_empty() {
                return Err(DatabaseUrlError::MissingHost);
            }
            return Ok(Self {
                url: s.to_owned(),
                backend: Backend::Postgres,
            });
        }
        let scheme = s.split(':').next().unwrap_or(s);
        Err(DatabaseUrlError::Scheme(format!("{scheme}:")))
    }

    /// The address of a SQLite file.
    pub fn sqlite_file(path: &std::path::Path) -> Self {
        Self {
            url: format!("sqlite://{}", path.display()),
            backend: Backend::Sqlite,
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The file path of a SQLite address.
    pub fn sqlite_path(&self) -> Option<PathBuf> {
        (self.backend == Backend::Sqlite).then(|| {
            let rest = self
                .url
                .strip_prefix("sqlite://")
                .or_else(|| self.url.strip_prefix("sqlite:"))
                .unwrap_or(&self.url);
            PathBuf::from(rest.split('?').next().unwrap_or(rest))
        })
    }

    /// The address with any password replaced, safe to print or log.
    pub fn redacted(&self) -> String {
        match (self.url.find("://"), self.url.rfind('@')) {
            (Some(start), Some(at)) if at > start => {
                let userinfo = &self.url[start + 3..at];
                let user = userinfo.split(':').next().unwrap_or("");
                format!("{}{}:***{}", &self.url[..start + 3], user, &self.url[at..])
            }
            _ => self.url.clone(),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }
}

/// A connection pool on one database.
#[derive(Clone, Debug)]
pub struct Store {
    db: DatabaseConnection,
    backend: Backend,
    matching: std::sync::Arc<crate::matching::IndexCache>,
}

impl Store {
    /// The persons' matching indices of this database.
    pub fn matching_cache(&self) -> &crate::matching::IndexCache {
        &self.matching
    }

    /// Connects and checks the database answers. SQLite files are created if missing and
    /// run in WAL mode with foreign keys on and a busy timeout.
    pub async fn connect(url: &DatabaseUrl) -> Result<Self, StoreError> {
        let mut opts = ConnectOptions::new(url.as_str().to_owned());
        opts.sqlx_logging(false)
            .connect_timeout(Duration::from_secs(5))
            .acquire_timeout(Duration::from_secs(10));
        match url.backend() {
            Backend::Sqlite => {
                let path = url.sqlite_path().unwrap_or_default();
                opts.max_connections(8).map_sqlx_sqlite_opts(move |_| {
                    SqliteConnectOptions::new()
                        .filename(&path)
                        .create_if_missing(true)
                        .journal_mode(SqliteJournalMode::Wal)
                        .synchronous(SqliteSynchronous::Normal)
                        .foreign_keys(true)
                        .busy_timeout(Duration::from_secs(10))
                });
            }
            Backend::Postgres => {
                opts.max_connections(16);
            }
        }
        let db = Database::connect(opts).await?;
        let store = Self {
            db,
            backend: url.backend(),
            matching: Default::default(),
        };
        store.ping().await?;
        Ok(store)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The connection for reads. Writes go through [`Store::begin_write`].
    pub fn conn(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Checks the database answers a trivial query.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.db.execute_unprepared("SELECT 1").await?;
        Ok(())
    }

    /// Begins a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`) so two writers never deadlock on a lock upgrade.
    pub async fn begin_write(&self) -> Result<DatabaseTransaction, StoreError> {
        let options = TransactionOptions {
            sqlite_transaction_mode: (self.backend == Backend::Sqlite)
                .then_some(SqliteTransactionMode::Immediate),
            ..Default::default()
        };
        Ok(self.db.begin_with_options(options).await?)
    }

    /// Applies every pending migration.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        Migrator::up(&self.db, None).await?;
        Ok(())
    }

    /// Each known migration with whether it is applied.
    pub async fn migration_status(&self) -> Result<Vec<(String, bool)>, StoreError> {
        let list = Migrator::get_migration_with_status(&self.db).await?;
        Ok(list
            .iter()
            .map(|m| {
                let applied = matches!(m.status(), sea_orm_migration::MigrationStatus::Applied);
                (m.name().to_owned(), applied)
            })
            .collect())
    }

    /// Whether migrations are pending.
    pub async fn has_pending_migrations(&self) -> Result<bool, StoreError> {
        Ok(!Migrator::get_pending_migrations(&self.db).await?.is_empty())
    }

    /// What a database file offered for restoring is: checked on a copy, never on the
    /// live database. Answers why it cannot be restored, if it cannot.
    pub async fn inspect_for_restore(&self) -> Result<Result<(), RestoreRefusal>, StoreError> {
        use sea_orm::{FromQueryResult, Statement};
        #[derive(FromQueryResult)]
        struct Text {
            v: String,
        }
        let rows = |sql: &str| {
            Text::find_by_statement(Statement::from_string(self.db.get_database_backend(), sql))
                .all(&self.db)
        };
        let check = match rows("SELECT integrity_check AS v FROM pragma_integrity_check").await {
            Ok(r) => r,
            Err(e) => return Ok(Err(RestoreRefusal::Damaged(e.to_string()))),
        };
        if check.first().is_none_or(|r| r.v != "ok") {
            let why = check.into_iter().next().map(|r| r.v).unwrap_or_default();
            return Ok(Err(RestoreRefusal::Damaged(why)));
        }
        let tables: Vec<String> = rows("SELECT name AS v FROM sqlite_master WHERE type = 'table'")
            .await?
            .into_iter()
            .map(|r| r.v)
            .collect();
        if !["seaql_migrations", "audit_log"]
            .iter()
            .all(|t| tables.iter().any(|n| n == t))
        {
            return Ok(Err(RestoreRefusal::Foreign));
        }
        let known: Vec<String> = Migrator::migrations()
            .iter()
            .map(|m| m.name().to_owned())
            .collect();
        let applied = rows("SELECT version AS v FROM seaql_migrations").await?;
        if let Some(newer) = applied.into_iter().find(|r| !known.contains(&r.v)) {
            return Ok(Err(RestoreRefusal::Newer(newer.v)));
        }
        Ok(Ok(()))
    }

    /// Writes a consistent copy of a SQLite database to `dest` while others keep using it.
    pub async fn backup_sqlite(&self, dest: &std::path::Path) -> Result<(), StoreError> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::Invalid(
                "backup copies SQLite databases; use pg_dump for PostgreSQL".into(),
            ));
        }
        let dest = dest.display().to_string().replace('\'', "''");
        self.db
            .execute_unprepared(&format!("VACUUM INTO '{dest}'"))
            .await?;
        Ok(())
    }

    /// Closes the pool.
    pub async fn close(self) -> Result<(), StoreError> {
        self.db.close().await?;
        Ok(())
    }
}

/// Why a file cannot be restored as the platform's database.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RestoreRefusal {
    #[error("it is damaged (SQLite integrity check: {0})")]
    Damaged(String),
    #[error("it is a SQLite database, but not a Jisr one (no migrations table or audit trail)")]
    Foreign,
    #[error("it was made by a newer version of Jisr (migration {0} is unknown here)")]
    Newer(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked() {
        assert_eq!(
            DatabaseUrl::parse("sqlite:///tmp/a.db").unwrap().backend(),
            Backend::Sqlite
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///tmp/a.db?mode=rwc")
                .unwrap()
                .sqlite_path(),
            Some(PathBuf::from("/tmp/a.db"))
        );
        assert_eq!(
            DatabaseUrl::parse("postgres://u:p@127.0.0.1/jisr")
                .unwrap()
                .backend(),
            Backend::Postgres
        );
        assert_eq!(DatabaseUrl::parse(""), Err(DatabaseUrlError::Empty));
        assert_eq!(
            DatabaseUrl::parse("sqlite://"),
            Err(DatabaseUrlError::MissingPath)
        );
        assert_eq!(
            DatabaseUrl::parse("postgres:///x"),
            Err(DatabaseUrlError::MissingHost)
        );
        assert!(matches!(
            DatabaseUrl::parse("mysql://h/x"),
            Err(DatabaseUrlError::Scheme(_))
        ));
        assert!(matches!(
            DatabaseUrl::parse("nonsense"),
            Err(DatabaseUrlError::Scheme(_))
        ));
    }

    #[test]
    fn passwords_are_redacted() {
        let u = DatabaseUrl::parse("postgres://jisr:s3cret@db:5432/jisr").unwrap();
        assert_eq!(u.redacted(), "postgres://jisr:***@db:5432/jisr");
        assert!(!format!("{u:?}").contains("s3cret"));
    }
}
