//! Audit checkpoints outside the database: the signing key's file, the directory the
//! signed texts are written to (for operators to ship elsewhere), the periodic job of
//! `jisr serve`, and the words `jisr audit verify` uses for what it finds.

use crate::config::Config;
use anyhow::{Context, Result, anyhow, bail};
use jisr_domain::audit::checkpoint::{
    Anchoring, Signed, SigningKey, fingerprint, public_key_from_hex, signing_key_from_hex,
};
use jisr_store::Store;
use jisr_store::audit::{Actor, checkpoint};
use std::path::{Path, PathBuf};

/// The key file: configured, or `audit-signing.key` in the data directory.
pub fn key_path(cfg: &Config) -> PathBuf {
    cfg.audit_signing_key_file
        .clone()
        .unwrap_or_else(|| cfg.data_dir.join("audit-signing.key"))
}

/// The signing key. A configured key file must exist; the default one is created (32
/// random bytes, readable by its owner only) the first time a checkpoint is taken.
pub fn signing_key(cfg: &Config) -> Result<SigningKey> {
    let path = key_path(cfg);
    if !path.exists() {
        if cfg.audit_signing_key_file.is_some() {
            bail!(
                "JISR_AUDIT_SIGNING_KEY_FILE: the file {} does not exist",
                path.display()
            );
        }
        create_key(&path)?;
    }
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("audit signing key: cannot read {}", path.display()))?;
    signing_key_from_hex(&text).ok_or_else(|| {
        anyhow!(
            "audit signing key: {} must hold 64 hexadecimal digits",
            path.display()
        )
    })
}

/// The public key to trust when verifying: given on the command line, or that of the
/// configured key when its file exists.
pub fn trusted_key(cfg: &Config, given: Option<&str>) -> Result<Option<[u8; 32]>> {
    if let Some(hex) = given {
        return public_key_from_hex(hex)
            .map(Some)
            .ok_or_else(|| anyhow!("--public-key: expected 64 hexadecimal digits"));
    }
    if key_path(cfg).exists() {
        return Ok(Some(signing_key(cfg)?.verifying_key().to_bytes()));
    }
    Ok(None)
}

fn create_key(path: &Path) -> Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let seed: [u8; 32] = rand::random();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options
        .open(path)
        .with_context(|| format!("cannot create the audit signing key {}", path.display()))?;
    writeln!(f, "{}", hex::encode(seed))?;
    tracing::info!(path = %path.display(), "audit signing key created");
    Ok(())
}

/// The directory checkpoints are written to.
pub fn dir(cfg: &Config) -> PathBuf {
    cfg.audit_checkpoint_dir
        .clone()
        .unwrap_or_else(|| cfg.data_dir.join("audit-checkpoints"))
}

/// Writes a checkpoint as `checkpoint-<seq>.txt` (write then rename: a reader never
/// sees half a file). An existing file for the same number is left as it is.
pub fn write(dir: &Path, signed: &Signed) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join(format!("checkpoint-{:06}.txt", signed.checkpoint.seq));
    if path.exists() {
        return Ok(path);
    }
    let tmp = dir.join(format!(".checkpoint-{}.tmp", signed.checkpoint.seq));
    std::fs::write(&tmp, signed.to_text())
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// Reads one checkpoint file.
pub fn read(path: &Path) -> Result<Signed> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Signed::parse(&text).map_err(|e| anyhow!("{}: {e}", path.display()))
}

/// The newest checkpoint (highest number) among the readable files of `dir`.
pub fn newest(dir: &Path) -> Result<Option<(PathBuf, Signed)>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(None);
    };
    let mut best: Option<(PathBuf, Signed)> = None;
    for e in entries {
        let path = e?.path();
        let is_checkpoint = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("checkpoint-") && n.ends_with(".txt"));
        if !is_checkpoint {
            continue;
        }
        let s = read(&path)?;
        if best
            .as_ref()
            .is_none_or(|(_, b)| s.checkpoint.seq > b.checkpoint.seq)
        {
            best = Some((path, s));
        }
    }
    Ok(best)
}

/// Takes a checkpoint now (numbered `first` at least) and writes it to the directory.
pub async fn take(
    store: &Store,
    key: &SigningKey,
    dir: &Path,
    job: &str,
    first: u64,
) -> Result<(Signed, bool, PathBuf)> {
    let (signed, new) =
        checkpoint::take_numbered_from(store, &Actor::system(job), key, first).await?;
    let path = write(dir, &signed)?;
    Ok((signed, new, path))
}

/// Takes a checkpoint every `minutes` while the server runs (only when the trail grew).
pub fn spawn_periodic(store: Store, key: SigningKey, dir: PathBuf, minutes: u64) {
    if minutes == 0 {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(minutes * 60));
        loop {
            tick.tick().await;
            match take(&store, &key, &dir, "audit-checkpoint", 1).await {
                Ok((s, true, path)) => tracing::info!(
                    seq = s.checkpoint.seq,
                    entries = s.checkpoint.entries,
                    path = %path.display(),
                    "audit checkpoint written"
                ),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "audit checkpoint failed"),
            }
        }
    });
}

/// A line naming a checkpoint: `checkpoint #3 of 2026-12-06T23:00:00Z (921 entries, key 9a0b…)`.
pub fn describe(s: &Signed) -> String {
    format!(
        "checkpoint #{} of {} ({} entries, key {})",
        s.checkpoint.seq,
        s.checkpoint.at,
        s.checkpoint.entries,
        fingerprint(&s.public_key)
    )
}

/// What `jisr audit verify` says of the trail against a checkpoint: `Ok` when it holds.
pub fn verdict(s: &Signed, entries: u64, a: &Anchoring) -> Result<String, String> {
    let c = &s.checkpoint;
    let named = describe(s);
    match a {
        Anchoring::Holds { since } => Ok(format!(
            "audit trail verified: {entries} entries, chain intact; it holds {named}, {since} entries written since"
        )),
        Anchoring::Truncated { missing } => Err(format!(
            "audit trail truncated: {named} vouches for {} entries but the trail has {entries}: the newest {missing} were deleted",
            c.entries
        )),
        Anchoring::RolledBack {
            newest_recorded_seq,
            missing,
        } => {
            let knows = newest_recorded_seq.map_or_else(|| "none".to_owned(), |n| format!("#{n}"));
            let lost = if *missing > 0 {
                format!("{missing} of the entries it vouches for are missing")
            } else {
                "the entries written since are not the ones it vouches for".to_owned()
            };
            Err(format!(
                "audit trail rolled back: the database does not know {named} (the newest checkpoint it knows is {knows}): it was restored from an older copy; {lost}"
            ))
        }
        Anchoring::Rewritten { entry } => Err(format!(
            "audit trail rewritten: entry {entry} is not the one {named} vouches for: entries were altered and their hashes recomputed"
        )),
    }
}
