//! Uploaded documents, whoever owns them (an establishment, an association, an
//! application, …): the accepted file types, recognised from the content, the size limit
//! and the file name kept. Pure rules; the store keeps the files and their records.

/// File types accepted for documents (checked from the content, not the name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
}

impl FileKind {
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Png => "png",
            FileKind::Jpeg => "jpg",
        }
    }

    /// The kind a file's first bytes show, if it is an accepted one.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(FileKind::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileKind::Jpeg)
        } else {
            None
        }
    }
}

/// The largest document accepted, unless configured otherwise.
pub const DEFAULT_MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

/// Why an uploaded file was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UploadError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than allowed")]
    TooLarge,
    #[error("only PDF, PNG and JPEG files are accepted")]
    ForbiddenType,
}

/// Checks an uploaded file's size and type.
pub fn check_upload(bytes: &[u8], max_bytes: usize) -> Result<FileKind, UploadError> {
    if bytes.is_empty() {
        return Err(UploadError::Empty);
    }
    if bytes.len() > max_bytes {
        return Err(UploadError::TooLarge);
    }
    FileKind::sniff(bytes).ok_or(UploadError::ForbiddenType)
}

/// A file name safe to store and show: no directories, no control characters, at most
/// 120 characters, never empty.
pub fn safe_file_name(name: &str, kind: FileKind) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ':' | '|' | '?' | '*'))
        .take(120)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        format!("document.{}", kind.extension())
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn uploads_are_checked_by_content_and_size() {
        assert_eq!(check_upload(b"", 100), Err(UploadError::Empty));
        assert_eq!(check_upload(b"%PDF-1.7 ...", 100), Ok(FileKind::Pdf));
        assert_eq!(check_upload(b"%PDF-1.7 ...", 5), Err(UploadError::TooLarge));
        assert_eq!(
            check_upload(b"MZ\x90\x00 not a document", 100),
            Err(UploadError::ForbiddenType)
        );
        assert_eq!(
            check_upload(b"\x89PNG\r\n\x1a\nrest", 100),
            Ok(FileKind::Png)
        );
        assert_eq!(
            check_upload(&[0xFF, 0xD8, 0xFF, 0xE0], 100),
            Ok(FileKind::Jpeg)
        );
    }

    #[test]
    fn file_names_lose_their_directories_and_controls() {
        assert_eq!(safe_file_name("../../etc/passwd", FileKind::Pdf), "passwd");
        assert_eq!(
            safe_file_name("C:\\dossier\\statuts.pdf", FileKind::Pdf),
            "statuts.pdf"
        );
        assert_eq!(safe_file_name("..", FileKind::Png), "document.png");
        assert_eq!(safe_file_name("a\u{0}b\r\n.pdf", FileKind::Pdf), "ab.pdf");
        assert_eq!(
            safe_file_name("النظام الأساسي.pdf", FileKind::Pdf),
            "النظام الأساسي.pdf"
        );
    }

    proptest! {
        #[test]
        fn stored_names_never_hold_a_path(name in ".{0,300}") {
            let s = safe_file_name(&name, FileKind::Pdf);
            prop_assert!(!s.is_empty() && s.chars().count() <= 120);
            prop_assert!(!s.contains('/') && !s.contains('\\') && !s.starts_with('.'));
            prop_assert!(!s.chars().any(char::is_control));
        }
    }
}
