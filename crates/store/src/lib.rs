//! Storage for Jisr: entities, migrations, repositories and the audit writer, on SQLite
//! or PostgreSQL through one code base.
//!
//! Every change goes through [`Store::begin_write`] and writes its audit entry with
//! [`audit::record`] inside the same transaction.

pub mod access;
pub mod accounts;
pub mod annual_reports;
pub mod applications;
pub mod associations;
pub mod audit;
pub mod authorisation;
pub mod care;
mod db;
pub mod documents;
pub mod entity;
pub mod establishments;
pub mod figures;
pub mod files;
pub mod geo;
pub mod grievances;
pub mod listing;
pub mod matching;
pub mod migration;
pub mod org;
pub mod outbox;
pub mod owner;
pub mod partners;
pub mod programmes;
pub mod progress;
pub mod quality;
pub mod registry;
pub mod services;
pub mod sessions;
pub mod staff;

pub mod grants;
pub mod partners_meetings;
pub mod partners_surveys;
pub mod testing;
pub mod timeline;
pub mod tokens;
pub mod transparency;

pub mod announcements;
pub mod grants_apply;

pub use db::{Backend, DatabaseUrl, DatabaseUrlError, RestoreRefusal, Store};

/// Errors of the storage layer. Each variant has a stable machine code the web layer
/// translates; internal details never reach a user.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0}")]
    Invalid(String),
    #[error("already exists: {0}")]
    Conflict(String),
}

impl StoreError {
    /// A stable code for the error, used as a translation key by the web layer.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Db(_) => "internal",
            StoreError::NotFound => "not-found",
            StoreError::Invalid(_) => "invalid",
            StoreError::Conflict(_) => "conflict",
        }
    }
}

/// The current time in the fixed textual form stored in the database (UTC, microseconds).
pub fn now_text() -> String {
    time_text(chrono::Utc::now())
}

/// A time in the fixed textual form stored in the database.
pub fn time_text(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}
