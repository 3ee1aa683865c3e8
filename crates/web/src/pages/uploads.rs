//! Documents in the pages, whatever context owns them: reading the files of a multipart
//! form (every `file-<item>` field that holds a file), the message of a refused file, and
//! a stored document as a download.

use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use jisr_domain::documents::UploadError;
use jisr_store::documents::Upload;
use jisr_store::entity::document;

/// The send was cut off or malformed: nothing of it is kept.
pub struct Unreadable;

/// The files chosen in a form, by item; inputs left empty are skipped. A body that is not
/// a multipart form gives no files.
pub async fn read_files(
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Vec<Upload>, Unreadable> {
    let mut uploads = Vec::new();
    let Ok(mut form) = multipart else {
        return Ok(uploads);
    };
    while let Some(field) = form.next_field().await.map_err(|_| Unreadable)? {
        let Some(item) = field.name().and_then(|n| n.strip_prefix("file-")) else {
            continue;
        };
        let item = item.to_owned();
        let file_name = field.file_name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(|_| Unreadable)?;
        // A file input left empty sends no name and no bytes.
        if !(file_name.is_empty() && bytes.is_empty()) {
            uploads.push(Upload {
                requirement: item,
                file_name,
                bytes: bytes.to_vec(),
            });
        }
    }
    Ok(uploads)
}

/// A multipart form read whole: its text fields and its files.
#[derive(Default)]
pub struct FormParts {
    pub fields: std::collections::HashMap<String, String>,
    pub files: Vec<Upload>,
}

impl FormParts {
    /// A text field, empty when absent.
    pub fn text(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

/// Reads a multipart form: every `file-<item>` field that holds a file, and every other
/// field as text (the last value of a name wins). A body that is not a multipart form
/// gives an empty form.
pub async fn read_form(
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<FormParts, Unreadable> {
    let mut out = FormParts::default();
    let Ok(mut form) = multipart else {
        return Ok(out);
    };
    while let Some(field) = form.next_field().await.map_err(|_| Unreadable)? {
        let Some(name) = field.name().map(str::to_owned) else {
            continue;
        };
        if let Some(item) = name.strip_prefix("file-") {
            let item = item.to_owned();
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(|_| Unreadable)?;
            if !(file_name.is_empty() && bytes.is_empty()) {
                out.files.push(Upload {
                    requirement: item,
                    file_name,
                    bytes: bytes.to_vec(),
                });
            }
        } else {
            let text = field.text().await.map_err(|_| Unreadable)?;
            out.fields.insert(name, text);
        }
    }
    Ok(out)
}

/// Requests for uploads larger than this are cut off before they are read in full.
pub const UPLOAD_BODY_LIMIT: usize = 64 * 1024 * 1024;

pub fn upload_error_key(e: UploadError) -> &'static str {
    match e {
        UploadError::Empty => "doc-error-empty",
        UploadError::TooLarge => "doc-error-too-large",
        UploadError::ForbiddenType => "doc-error-type",
    }
}

/// A stored document as a download: its type, and its name for saving it.
pub fn file_response(doc: &document::Model, bytes: Vec<u8>) -> Response {
    let encoded: String = doc
        .file_name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, doc.content_type.clone()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"document-{}\"; filename*=UTF-8''{encoded}",
                    doc.id
                ),
            ),
        ],
        bytes,
    )
        .into_response()
}
