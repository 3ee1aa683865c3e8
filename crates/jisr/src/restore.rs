//! `jisr restore FILE`: a SQLite backup put back as the platform's database.
//!
//! The file is checked on a copy beside the database (SQLite's own header, its integrity
//! check, that it is a Jisr database of this version or older, that its audit chain
//! verifies), migrated, and only then swapped in; the database it replaces is kept beside
//! it. A backup is older than the trail it replaces, so the checkpoints taken after it no
//! longer hold: they are moved aside (kept, not deleted), the restore is written into the
//! trail, and a fresh checkpoint anchors the restored trail. A witness's copy of a later
//! checkpoint still shows the rollback, which is true, and the trail says who did it.

use crate::checkpoints;
use crate::config::Config;
use anyhow::{Context, Result, anyhow, bail};
use jisr_domain::audit::{Action, Entity};
use jisr_store::audit::{self, Actor, Change};
use jisr_store::{DatabaseUrl, Store};
use std::path::{Path, PathBuf};

/// What a restore did, for the operator.
pub struct Restored {
    pub entries: u64,
    pub kept_previous: Option<PathBuf>,
    pub superseded: Vec<u64>,
    pub checkpoint_seq: u64,
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

fn stamp() -> String {
    chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string()
}

fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Restores `file` over the configured SQLite database. The server must be stopped.
pub async fn run(cfg: &Config, file: &Path) -> Result<Restored> {
    let target = cfg
        .database()?
        .sqlite_path()
        .ok_or_else(|| anyhow!("restore replaces a SQLite database; for PostgreSQL use pg_restore (see docs/operations.md)"))?;
    let name = file.display().to_string();
    let mut header = [0u8; 16];
    {
        use std::io::Read;
        let mut f = std::fs::File::open(file).with_context(|| format!("{name}: cannot read"))?;
        if f.read_exact(&mut header).is_err() || &header != SQLITE_HEADER {
            bail!("{name}: not a SQLite database: nothing restored");
        }
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let staging = side(&target, ".restoring");
    remove_with_sides(&staging);
    std::fs::copy(file, &staging)
        .with_context(|| format!("cannot copy {name} to {}", staging.display()))?;
    match check_and_prepare(&staging, &name).await {
        Ok(r) => swap_in(cfg, &staging, &target, &name, r).await,
        Err(e) => {
            remove_with_sides(&staging);
            Err(e)
        }
    }
}

struct Prepared {
    entries: u64,
    newest_known_seq: Option<u64>,
}

async fn check_and_prepare(staging: &Path, name: &str) -> Result<Prepared> {
    let store = Store::connect(&DatabaseUrl::sqlite_file(staging))
        .await
        .map_err(|e| {
            anyhow!(
                "{name}: it is damaged ({}): nothing restored",
                e.to_string().rsplit(": ").next().unwrap_or("")
            )
        })?;
    let outcome = async {
        if let Err(why) = store.inspect_for_restore().await? {
            bail!("{name}: {why}: nothing restored");
        }
        store
            .migrate()
            .await
            .with_context(|| format!("{name}: cannot bring its schema up to date"))?;
        let v = audit::verify(&store).await?;
        if let Some(b) = v.first_break {
            let id = match b {
                jisr_domain::audit::ChainBreak::PrevMismatch { id }
                | jisr_domain::audit::ChainBreak::HashMismatch { id } => id,
            };
            bail!("{name}: its audit trail is broken at entry {id}: nothing restored");
        }
        let newest_known_seq = audit::checkpoint::latest(&store)
            .await?
            .map(|s| s.checkpoint.seq);
        Ok(Prepared {
            entries: v.entries,
            newest_known_seq,
        })
    }
    .await;
    store.close().await.ok();
    outcome
}

async fn swap_in(
    cfg: &Config,
    staging: &Path,
    target: &Path,
    name: &str,
    prepared: Prepared,
) -> Result<Restored> {
    // Checkpoints the backup does not know no longer hold once it is restored.
    let dir = checkpoints::dir(cfg);
    let aside = dir.join(format!("superseded-{}", stamp()));
    let mut superseded = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let path = e.path();
            if !path.is_file() {
                continue;
            }
            let Ok(s) = checkpoints::read(&path) else {
                continue;
            };
            if prepared
                .newest_known_seq
                .is_none_or(|known| s.checkpoint.seq > known)
            {
                std::fs::create_dir_all(&aside)?;
                let file_name = path.file_name().map(PathBuf::from).unwrap_or_default();
                std::fs::rename(&path, aside.join(file_name))?;
                superseded.push(s.checkpoint.seq);
            }
        }
    }
    superseded.sort_unstable();

    let kept_previous = if target.exists() {
        let kept = side(target, &format!(".before-restore-{}", stamp()));
        // A consistent copy of what is replaced (its write-ahead log included).
        let old = Store::connect(&DatabaseUrl::sqlite_file(target)).await?;
        old.backup_sqlite(&kept).await?;
        old.close().await.ok();
        Some(kept)
    } else {
        None
    };
    remove_with_sides(target);
    std::fs::rename(staging, target)
        .with_context(|| format!("cannot move the restored database to {}", target.display()))?;

    let store = Store::connect(&DatabaseUrl::sqlite_file(target)).await?;
    let txn = store.begin_write().await?;
    audit::record(
        &txn,
        &Actor::system("restore"),
        Change {
            action: Action::Restore,
            entity: Entity::AuditTrail,
            entity_id: String::new(),
            before: None,
            after: Some(serde_json::json!({
                "file": Path::new(name).file_name().map(|n| n.to_string_lossy().into_owned()),
                "entries": prepared.entries,
                "superseded_checkpoints": superseded,
            })),
        },
    )
    .await?;
    txn.commit().await?;
    let key = checkpoints::signing_key(cfg)?;
    let first = superseded.last().map_or(1, |n| n + 1);
    let (signed, _, _) = checkpoints::take(&store, &key, &dir, "restore", first).await?;
    store.close().await.ok();
    Ok(Restored {
        entries: prepared.entries,
        kept_previous,
        superseded,
        checkpoint_seq: signed.checkpoint.seq,
    })
}

fn remove_with_sides(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(side(path, suffix));
    }
}
