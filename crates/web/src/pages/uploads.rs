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
