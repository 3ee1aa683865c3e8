//! Uploaded files on disk, addressed by the SHA-256 of their content: the same file
//! uploaded twice is stored once, and a stored file can be checked against its hash.
//! Records in the database say who uploaded what; this module only keeps bytes.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A directory of content-addressed files.
#[derive(Debug, Clone)]
pub struct FileStore {
    root: PathBuf,
}

impl FileStore {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The SHA-256 of some bytes, in lower-case hex.
    pub fn hash(bytes: &[u8]) -> String {
        hex::encode(Sha256::digest(bytes))
    }

    fn path_of(&self, sha256: &str) -> Option<PathBuf> {
        let valid = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit());
        valid.then(|| self.root.join(&sha256[..2]).join(sha256))
    }

    /// Stores bytes and returns their hash. Written to a temporary file first, then
    /// renamed, so a reader never sees half a file.
    pub async fn put(&self, bytes: &[u8]) -> std::io::Result<String> {
        let sha = Self::hash(bytes);
        let path = self.path_of(&sha).expect("a computed hash is valid");
        if tokio::fs::try_exists(&path).await.unwrap_or(false) {
            return Ok(sha);
        }
        let dir = path.parent().expect("a file has a directory");
        tokio::fs::create_dir_all(dir).await?;
        let tmp = dir.join(format!(".{sha}.{}", uuid::Uuid::new_v4().simple()));
        tokio::fs::write(&tmp, bytes).await?;
        tokio::fs::rename(&tmp, &path).await?;
        Ok(sha)
    }

    /// Reads a stored file back, checking it still matches its hash.
    pub async fn get(&self, sha256: &str) -> std::io::Result<Vec<u8>> {
        let path = self
            .path_of(sha256)
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "bad hash"))?;
        let bytes = tokio::fs::read(path).await?;
        if Self::hash(&bytes) != sha256 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "stored file does not match its hash",
            ));
        }
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn files_round_trip_and_tampering_is_detected() {
        let dir = std::env::temp_dir().join(format!("jisr-files-{}", uuid::Uuid::new_v4()));
        let fs = FileStore::new(&dir);
        let sha = fs.put(b"%PDF-1.4 statuts").await.unwrap();
        assert_eq!(sha, FileStore::hash(b"%PDF-1.4 statuts"));
        assert_eq!(fs.put(b"%PDF-1.4 statuts").await.unwrap(), sha);
        assert_eq!(fs.get(&sha).await.unwrap(), b"%PDF-1.4 statuts");
        std::fs::write(dir.join(&sha[..2]).join(&sha), b"changed").unwrap();
        assert_eq!(
            fs.get(&sha).await.unwrap_err().kind(),
            std::io::ErrorKind::InvalidData
        );
        assert_eq!(
            fs.get("../../etc/passwd").await.unwrap_err().kind(),
            std::io::ErrorKind::InvalidInput
        );
        std::fs::remove_dir_all(dir).ok();
    }
}
