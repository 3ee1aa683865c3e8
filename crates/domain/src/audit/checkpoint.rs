//! Signed checkpoints of the audit chain's head. A hash chain alone cannot see its own
//! tail cut off, nor tell an old copy of itself from the real one: a checkpoint kept
//! outside the database (by operators, by a witness) says "on this date the trail held
//! this many entries and its newest entry had this hash", signed with the platform's
//! key, so a shorter, older or rewritten trail no longer passes for the real one.
//!
//! The text form is line based and stable:
//!
//! ```text
//! jisr audit checkpoint v1
//! seq: 12
//! at: 2026-12-06T23:00:00Z
//! entries: 921
//! head-hash: 5f1c…
//! public-key: 9a0b…
//! signature: 77de…
//! ```
//!
//! The signature (Ed25519) covers every line before it, each ending in `\n`.

pub use ed25519_dalek::SigningKey;
use ed25519_dalek::{Signature, Signer, Verifier, VerifyingKey};

const MAGIC: &str = "jisr audit checkpoint v1";

/// What a checkpoint vouches for. The trail's ids run 1, 2, … without gaps, so the
/// number of entries is also the id of the newest one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// The checkpoint's number, 1 for the first one a database takes.
    pub seq: u64,
    /// When it was taken (RFC 3339, UTC).
    pub at: String,
    /// How many entries the trail held: the newest is entry number `entries`.
    pub entries: u64,
    /// The hash of that newest entry.
    pub head_hash: String,
}

/// A checkpoint with the key that signed it and its signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub checkpoint: Checkpoint,
    pub public_key: [u8; 32],
    pub signature: [u8; 64],
}

/// Why a checkpoint text cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    #[error("not a Jisr audit checkpoint (the first line must be \"{MAGIC}\")")]
    NotACheckpoint,
    #[error("line {line}: expected \"{field}: …\"")]
    MissingField { line: usize, field: &'static str },
    #[error("line {line}: the value of \"{field}\" is not valid")]
    BadValue { line: usize, field: &'static str },
    #[error("the checkpoint has text after its signature")]
    TrailingText,
    #[error("the signature does not match the checkpoint: it was altered or forged")]
    BadSignature,
    #[error("the checkpoint was signed by another key ({found}), not the trusted one ({trusted})")]
    OtherKey { found: String, trusted: String },
}

impl Checkpoint {
    /// The signed lines, without the key and signature.
    fn body(&self) -> String {
        format!(
            "{MAGIC}\nseq: {}\nat: {}\nentries: {}\nhead-hash: {}\n",
            self.seq, self.at, self.entries, self.head_hash
        )
    }

    /// Signs the checkpoint with the platform's key.
    pub fn sign(self, key: &SigningKey) -> Signed {
        let public_key = key.verifying_key().to_bytes();
        let payload = payload(&self, &public_key);
        let signature = key.sign(payload.as_bytes()).to_bytes();
        Signed {
            checkpoint: self,
            public_key,
            signature,
        }
    }
}

fn payload(c: &Checkpoint, public_key: &[u8; 32]) -> String {
    format!("{}public-key: {}\n", c.body(), hex::encode(public_key))
}

/// A short, readable name of a public key: its first 8 bytes in hex.
pub fn fingerprint(public_key: &[u8; 32]) -> String {
    hex::encode(&public_key[..8])
}

impl Signed {
    /// The checkpoint as text, to write to a file or print for a witness.
    pub fn to_text(&self) -> String {
        format!(
            "{}signature: {}\n",
            payload(&self.checkpoint, &self.public_key),
            hex::encode(self.signature)
        )
    }

    /// Reads a checkpoint written by [`Signed::to_text`]. The signature is not checked
    /// here: see [`Signed::verify`].
    pub fn parse(text: &str) -> Result<Self, CheckpointError> {
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
        match lines.next() {
            Some((_, l)) if l.trim_end() == MAGIC => {}
            _ => return Err(CheckpointError::NotACheckpoint),
        }
        let mut field = |name: &'static str| -> Result<(usize, &str), CheckpointError> {
            let (line, l) = lines.next().ok_or(CheckpointError::MissingField {
                line: 0,
                field: name,
            })?;
            let value = l
                .strip_prefix(name)
                .and_then(|r| r.strip_prefix(": "))
                .ok_or(CheckpointError::MissingField { line, field: name })?;
            Ok((line, value.trim_end()))
        };
        let number = |(line, v): (usize, &str), name| {
            v.parse::<u64>()
                .ok()
                .filter(|_| v.bytes().all(|b| b.is_ascii_digit()))
                .ok_or(CheckpointError::BadValue { line, field: name })
        };
        let seq = number(field("seq")?, "seq")?;
        let (line, at) = field("at")?;
        if chrono::DateTime::parse_from_rfc3339(at).is_err() {
            return Err(CheckpointError::BadValue { line, field: "at" });
        }
        let at = at.to_owned();
        let entries = number(field("entries")?, "entries")?;
        let (line, head_hash) = field("head-hash")?;
        if head_hash.len() != 64 || !head_hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(CheckpointError::BadValue {
                line,
                field: "head-hash",
            });
        }
        let head_hash = head_hash.to_ascii_lowercase();
        let public_key = hex_array::<32>(field("public-key")?, "public-key")?;
        let signature = hex_array::<64>(field("signature")?, "signature")?;
        if lines.any(|(_, l)| !l.trim().is_empty()) {
            return Err(CheckpointError::TrailingText);
        }
        Ok(Signed {
            checkpoint: Checkpoint {
                seq,
                at,
                entries,
                head_hash,
            },
            public_key,
            signature,
        })
    }

    /// Checks the signature, and that the signing key is the trusted one when one is
    /// given (a witness keeps the platform's public key; without it, anyone could sign a
    /// checkpoint of a forged trail with a key of their own).
    pub fn verify(&self, trusted: Option<&[u8; 32]>) -> Result<(), CheckpointError> {
        if let Some(t) = trusted
            && t != &self.public_key
        {
            return Err(CheckpointError::OtherKey {
                found: fingerprint(&self.public_key),
                trusted: fingerprint(t),
            });
        }
        let key = VerifyingKey::from_bytes(&self.public_key)
            .map_err(|_| CheckpointError::BadSignature)?;
        let payload = payload(&self.checkpoint, &self.public_key);
        key.verify(payload.as_bytes(), &Signature::from_bytes(&self.signature))
            .map_err(|_| CheckpointError::BadSignature)
    }
}

fn hex_array<const N: usize>(
    (line, v): (usize, &str),
    field: &'static str,
) -> Result<[u8; N], CheckpointError> {
    let mut out = [0u8; N];
    hex::decode_to_slice(v, &mut out).map_err(|_| CheckpointError::BadValue { line, field })?;
    Ok(out)
}

/// A signing key from its 32-byte seed written as 64 hexadecimal digits (the form of the
/// key file).
pub fn signing_key_from_hex(text: &str) -> Option<SigningKey> {
    let mut seed = [0u8; 32];
    hex::decode_to_slice(text.trim(), &mut seed).ok()?;
    Some(SigningKey::from_bytes(&seed))
}

/// A public key written as 64 hexadecimal digits.
pub fn public_key_from_hex(text: &str) -> Option<[u8; 32]> {
    let mut key = [0u8; 32];
    hex::decode_to_slice(text.trim(), &mut key).ok()?;
    VerifyingKey::from_bytes(&key).ok()?;
    Some(key)
}

/// What the database holds, as far as a checkpoint is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrailState {
    /// Entries in the trail (the chain itself verified).
    pub entries: u64,
    /// The hash of entry number `checkpoint.entries`, if the trail has it.
    pub hash_at_checkpoint: Option<String>,
    /// Whether the database itself recorded taking this very checkpoint (same number,
    /// same head).
    pub recorded: bool,
    /// The newest checkpoint the database recorded taking, if any.
    pub newest_recorded_seq: Option<u64>,
}

/// How the trail stands against a checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchoring {
    /// The trail holds the entry the checkpoint vouches for, unchanged; `since` entries
    /// were written after it.
    Holds { since: u64 },
    /// The database does not know this checkpoint: it was restored from a copy older
    /// than it (`newest_recorded_seq` is the newest checkpoint the copy knows).
    RolledBack {
        newest_recorded_seq: Option<u64>,
        missing: u64,
    },
    /// The database took this checkpoint, but the newest `missing` entries it vouches
    /// for are gone.
    Truncated { missing: u64 },
    /// The entry the checkpoint vouches for is there with another hash: the trail was
    /// rewritten (every hash recomputed so the chain looks intact) from that entry back.
    Rewritten { entry: u64 },
}

/// Compares the trail with a checkpoint it should still hold. Pure: the caller reads
/// the state from the database after verifying the chain.
pub fn anchor(c: &Checkpoint, trail: &TrailState) -> Anchoring {
    if !trail.recorded {
        return Anchoring::RolledBack {
            newest_recorded_seq: trail.newest_recorded_seq,
            missing: c.entries.saturating_sub(trail.entries),
        };
    }
    match &trail.hash_at_checkpoint {
        None => Anchoring::Truncated {
            missing: c.entries.saturating_sub(trail.entries),
        },
        Some(h) if *h != c.head_hash => Anchoring::Rewritten { entry: c.entries },
        Some(_) => Anchoring::Holds {
            since: trail.entries.saturating_sub(c.entries),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(n: u8) -> SigningKey {
        SigningKey::from_bytes(&[n; 32])
    }

    fn sample() -> Checkpoint {
        Checkpoint {
            seq: 3,
            at: "2026-12-06T23:00:00Z".into(),
            entries: 921,
            head_hash: "ab".repeat(32),
        }
    }

    #[test]
    fn a_signed_checkpoint_reads_back_and_verifies() {
        let s = sample().sign(&key(7));
        let text = s.to_text();
        assert!(text.starts_with("jisr audit checkpoint v1\nseq: 3\n"));
        let back = Signed::parse(&text).unwrap();
        assert_eq!(back, s);
        back.verify(None).unwrap();
        back.verify(Some(&key(7).verifying_key().to_bytes()))
            .unwrap();
    }

    #[test]
    fn an_altered_checkpoint_fails_its_signature() {
        let text = sample().sign(&key(7)).to_text();
        let forged = text.replace("entries: 921", "entries: 918");
        let s = Signed::parse(&forged).unwrap();
        assert_eq!(s.verify(None), Err(CheckpointError::BadSignature));
    }

    #[test]
    fn a_checkpoint_signed_with_another_key_is_refused_when_a_key_is_trusted() {
        let s = sample().sign(&key(8));
        assert!(s.verify(None).is_ok());
        let trusted = key(7).verifying_key().to_bytes();
        assert!(matches!(
            s.verify(Some(&trusted)),
            Err(CheckpointError::OtherKey { .. })
        ));
    }

    #[test]
    fn malformed_texts_say_which_line() {
        assert_eq!(Signed::parse("hello"), Err(CheckpointError::NotACheckpoint));
        let text = sample().sign(&key(7)).to_text();
        let bad = text.replace("entries: 921", "entries: -1");
        assert_eq!(
            Signed::parse(&bad),
            Err(CheckpointError::BadValue {
                line: 4,
                field: "entries"
            })
        );
        let bad = text.replace("at: ", "when: ");
        assert_eq!(
            Signed::parse(&bad),
            Err(CheckpointError::MissingField {
                line: 3,
                field: "at"
            })
        );
        assert_eq!(
            Signed::parse(&format!("{text}more\n")),
            Err(CheckpointError::TrailingText)
        );
    }

    #[test]
    fn key_files_read_back() {
        let k = key(9);
        let text = hex::encode(k.to_bytes());
        assert_eq!(
            signing_key_from_hex(&format!("{text}\n"))
                .unwrap()
                .to_bytes(),
            k.to_bytes()
        );
        assert!(signing_key_from_hex("zz").is_none());
        let public = hex::encode(k.verifying_key().to_bytes());
        assert_eq!(
            public_key_from_hex(&public),
            Some(k.verifying_key().to_bytes())
        );
    }

    /// The checkpoint under test is number 3: the database recorded it when its newest
    /// recorded checkpoint is 3 or later.
    fn state(entries: u64, hash: Option<&str>, seq: Option<u64>) -> TrailState {
        TrailState {
            entries,
            hash_at_checkpoint: hash.map(str::to_owned),
            recorded: seq.is_some_and(|s| s >= 3),
            newest_recorded_seq: seq,
        }
    }

    #[test]
    fn each_tamper_is_named() {
        let c = sample();
        let h = c.head_hash.clone();
        assert_eq!(
            anchor(&c, &state(925, Some(&h), Some(3))),
            Anchoring::Holds { since: 4 }
        );
        assert_eq!(
            anchor(&c, &state(918, None, Some(3))),
            Anchoring::Truncated { missing: 3 }
        );
        assert_eq!(
            anchor(&c, &state(700, None, Some(2))),
            Anchoring::RolledBack {
                newest_recorded_seq: Some(2),
                missing: 221
            }
        );
        // Restored from an old copy and written to since: longer, but unknown checkpoint.
        assert_eq!(
            anchor(&c, &state(990, Some(&"cd".repeat(32)), Some(2))),
            Anchoring::RolledBack {
                newest_recorded_seq: Some(2),
                missing: 0
            }
        );
        assert_eq!(
            anchor(&c, &state(921, Some(&"cd".repeat(32)), Some(3))),
            Anchoring::Rewritten { entry: 921 }
        );
    }

    proptest! {
        #[test]
        fn any_checkpoint_reads_back(seq in 1u64.., entries in 0u64.., h in "[0-9a-f]{64}", k in any::<u8>()) {
            let c = Checkpoint { seq, at: "2026-01-01T00:00:00Z".into(), entries, head_hash: h };
            let s = c.sign(&key(k));
            let back = Signed::parse(&s.to_text()).unwrap();
            prop_assert!(back.verify(None).is_ok());
            prop_assert_eq!(back, s);
        }

        #[test]
        fn parsing_any_text_never_panics(text in "\\PC{0,300}") {
            let _ = Signed::parse(&text);
        }

        /// The trail holds a checkpoint only when it has the vouched entry unchanged and
        /// knows the checkpoint.
        #[test]
        fn holds_only_when_everything_agrees(entries in 0u64..2000, recorded in any::<bool>(), same in any::<bool>(), present in any::<bool>()) {
            let c = sample();
            let hash = present.then(|| if same { c.head_hash.clone() } else { "cd".repeat(32) });
            let a = anchor(&c, &TrailState { entries, hash_at_checkpoint: hash, recorded, newest_recorded_seq: Some(3) });
            let holds = matches!(a, Anchoring::Holds { .. });
            prop_assert_eq!(holds, present && same && recorded);
        }
    }
}
