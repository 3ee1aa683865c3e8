//! Configuration: defaults, then an optional TOML file (`--config` or `JISR_CONFIG`),
//! then `JISR_*` environment variables, then command-line flags. A secret can be given
//! as a file with the `_FILE` suffix (`JISR_DATABASE_URL_FILE`).

use anyhow::{Context, Result, anyhow};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use jisr_store::DatabaseUrl;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// `sqlite://PATH` or `postgres://USER@HOST/DB`; default: `<data_dir>/jisr.db`.
    pub database_url: Option<String>,
    /// A file holding the database URL (for secrets managers).
    pub database_url_file: Option<PathBuf>,
    /// Where the SQLite database and uploaded files live.
    pub data_dir: PathBuf,
    /// Address and port to listen on.
    pub bind: String,
    /// `text` or `json`.
    pub log_format: String,
    /// A tracing filter, e.g. `info` or `jisr_web=debug,info`.
    pub log: String,
    /// Mark cookies Secure (when served over TLS).
    pub secure_cookies: bool,
    /// The largest uploaded document accepted, in bytes (default 10 MiB).
    pub max_upload_bytes: usize,
    /// The data-protection authority's reference (CNDP) for the processing of
    /// applications, shown in the notice of every application form.
    pub data_protection_reference: String,
    /// The key that signs audit checkpoints (64 hexadecimal digits); default
    /// `<data_dir>/audit-signing.key`, created on first use.
    pub audit_signing_key_file: Option<PathBuf>,
    /// Where signed audit checkpoints are written; default `<data_dir>/audit-checkpoints`.
    pub audit_checkpoint_dir: Option<PathBuf>,
    /// Minutes between checkpoints while serving (taken only when the trail grew); 0: none.
    pub audit_checkpoint_minutes: u64,
    /// Proxies whose `X-Forwarded-For` names the client: addresses or ranges separated
    /// by commas (`10.0.0.0/8, ::1`); empty: none (the socket's peer is the client).
    pub trusted_proxies: String,
    /// Tracking look-ups per client address: `N/second|minute|hour|day` or `off`.
    pub limit_tracking: String,
    /// Filings without an account per client address: `N/second|minute|hour|day` or `off`.
    pub limit_filings: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: None,
            database_url_file: None,
            data_dir: PathBuf::from("jisr-data"),
            bind: "127.0.0.1:8080".into(),
            log_format: "text".into(),
            log: "info".into(),
            secure_cookies: false,
            max_upload_bytes: jisr_domain::documents::DEFAULT_MAX_UPLOAD_BYTES,
            data_protection_reference: String::new(),
            audit_signing_key_file: None,
            audit_checkpoint_dir: None,
            audit_checkpoint_minutes: 15,
            trusted_proxies: String::new(),
            limit_tracking: "60/hour".into(),
            limit_filings: "20/hour".into(),
        }
    }
}

impl Config {
    /// Reads the configuration from its sources, in order of precedence.
    pub fn load(file: Option<&Path>) -> Result<Self> {
        let mut fig = Figment::from(Serialized::defaults(Config::default()));
        let file = file
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("JISR_CONFIG").map(PathBuf::from));
        if let Some(path) = file {
            if !path.exists() {
                return Err(anyhow!(
                    "JISR_CONFIG: the file {} does not exist",
                    path.display()
                ));
            }
            fig = fig.merge(Toml::file(path));
        }
        fig = fig.merge(Env::prefixed("JISR_").ignore(&["config", "test_database_url"]));
        let mut cfg: Config = fig.extract().map_err(|e| anyhow!("configuration: {e}"))?;
        if cfg
            .database_url
            .as_deref()
            .is_some_and(|s| s.trim().is_empty())
        {
            cfg.database_url = None;
        }
        if cfg.database_url.is_none()
            && let Some(path) = &cfg.database_url_file
        {
            let text = std::fs::read_to_string(path).with_context(|| {
                format!("JISR_DATABASE_URL_FILE: cannot read {}", path.display())
            })?;
            cfg.database_url = Some(text.trim().to_owned());
        }
        Ok(cfg)
    }

    /// The per-address limits and trusted proxies, checked; an error names the setting.
    pub fn limits(&self) -> Result<jisr_web::limits::LimitSettings> {
        let trusted_proxies = self
            .trusted_proxies
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().map_err(|e| anyhow!("JISR_TRUSTED_PROXIES: {e}")))
            .collect::<Result<Vec<_>>>()?;
        let rate = |name: &str, text: &str| {
            jisr_domain::limits::Rate::parse(text).map_err(|e| anyhow!("{name}: {e}"))
        };
        Ok(jisr_web::limits::LimitSettings {
            trusted_proxies,
            tracking: rate("JISR_LIMIT_TRACKING", &self.limit_tracking)?,
            filings: rate("JISR_LIMIT_FILINGS", &self.limit_filings)?,
        })
    }

    /// Where uploaded documents are kept: `documents` in the data directory.
    pub fn documents_dir(&self) -> PathBuf {
        self.data_dir.join("documents")
    }

    /// The database to use, checked.
    pub fn database(&self) -> Result<DatabaseUrl> {
        match &self.database_url {
            Some(url) => DatabaseUrl::parse(url).map_err(|e| anyhow!("JISR_DATABASE_URL: {e}")),
            None => Ok(DatabaseUrl::sqlite_file(&self.data_dir.join("jisr.db"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_use_sqlite_in_the_data_dir() {
        let cfg = Config::default();
        let db = cfg.database().unwrap();
        assert_eq!(db.sqlite_path(), Some(PathBuf::from("jisr-data/jisr.db")));
    }

    #[test]
    fn a_bad_url_names_the_variable() {
        let cfg = Config {
            database_url: Some("mysql://x/y".into()),
            ..Config::default()
        };
        let err = cfg.database().unwrap_err().to_string();
        assert!(err.starts_with("JISR_DATABASE_URL:"), "{err}");
    }

    #[test]
    fn limits_are_read_and_bad_ones_name_their_setting() {
        let cfg = Config {
            trusted_proxies: "10.0.0.0/8, ::1".into(),
            limit_tracking: "off".into(),
            limit_filings: "5/minute".into(),
            ..Config::default()
        };
        let limits = cfg.limits().unwrap();
        assert_eq!(limits.trusted_proxies.len(), 2);
        assert_eq!(limits.tracking, None);
        assert_eq!(limits.filings.unwrap().count, 5);
        let defaults = Config::default().limits().unwrap();
        assert!(defaults.trusted_proxies.is_empty());
        assert_eq!(defaults, jisr_web::limits::LimitSettings::default());
        for (cfg, name) in [
            (
                Config {
                    trusted_proxies: "10.0.0.0/40".into(),
                    ..Config::default()
                },
                "JISR_TRUSTED_PROXIES:",
            ),
            (
                Config {
                    limit_tracking: "lots".into(),
                    ..Config::default()
                },
                "JISR_LIMIT_TRACKING:",
            ),
            (
                Config {
                    limit_filings: "0/hour".into(),
                    ..Config::default()
                },
                "JISR_LIMIT_FILINGS:",
            ),
        ] {
            let err = cfg.limits().unwrap_err().to_string();
            assert!(err.starts_with(name), "{err}");
        }
    }
}
