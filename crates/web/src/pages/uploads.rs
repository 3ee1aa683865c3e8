//! Reading the files of a multipart form: every `file-<item>` field that holds a file.

use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use jisr_store::documents::Upload;

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
