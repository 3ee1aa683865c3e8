//! Importing the social registry from the pages: a households file or an index file, CSV
//! or XLSX (told apart by the content, not the name), each line checked; a file with any
//! refused line imports nothing and every refused value is listed with its line (in a
//! workbook, the row number of the sheet), column and translated reason.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::Chrome;
use askama::Template;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jisr_store::progress::Silent;
use jisr_store::registry::{self, ImportError};

/// The largest file read from the page.
pub const IMPORT_LIMIT: usize = 64 * 1024 * 1024;

pub struct RefusedView {
    pub line: u64,
    pub column: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "registry/import.html")]
struct ImportPage {
    chrome: Chrome,
    kind: String,
    /// Counts of a successful import, in words.
    done: Vec<String>,
    error: Option<String>,
    refused: Vec<RefusedView>,
}

impl ImportPage {
    fn refused_label(&self) -> String {
        let mut lines: Vec<u64> = self.refused.iter().map(|r| r.line).collect();
        lines.dedup();
        self.chrome.tn("import-refused-rows", lines.len())
    }
}

fn page(ctx: &Ctx, kind: &str) -> ImportPage {
    ImportPage {
        chrome: ctx.chrome("registry-import-title"),
        kind: kind.to_owned(),
        done: Vec::new(),
        error: None,
        refused: Vec::new(),
    }
}

pub async fn form(ctx: Ctx) -> Result<Response, WebError> {
    render(page(&ctx, "households")).map(IntoResponse::into_response)
}

pub async fn import(
    ctx: Ctx,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let mut kind = String::from("households");
    let mut bytes = None;
    if let Ok(mut form) = multipart {
        while let Ok(Some(field)) = form.next_field().await {
            match field.name() {
                Some("kind") => kind = field.text().await.unwrap_or_default(),
                Some("file") => bytes = field.bytes().await.ok(),
                _ => {}
            }
        }
    }
    let mut p = page(&ctx, &kind);
    let Some(bytes) = bytes.filter(|b| !b.is_empty()) else {
        p.error = Some(p.chrome.t("registry-import-no-file"));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(p)?).into_response());
    };
    let reader: &[u8] = &bytes;
    let store = &ctx.state.store;
    let outcome = match kind.as_str() {
        "index" => registry::import_index_values(store, &ctx.actor, reader, &Silent)
            .await
            .map(|r| {
                vec![
                    p.chrome.tn(
                        "registry-import-values-inserted",
                        r.values.inserted as usize,
                    ),
                    p.chrome
                        .tn("registry-import-values-updated", r.values.updated as usize),
                    p.chrome.tn(
                        "registry-import-values-unchanged",
                        r.values.unchanged as usize,
                    ),
                ]
            }),
        _ => registry::import_households(store, &ctx.actor, reader, &Silent)
            .await
            .map(|r| {
                vec![
                    p.chrome.tn(
                        "registry-import-households-inserted",
                        r.households.inserted as usize,
                    ),
                    p.chrome.tn(
                        "registry-import-households-updated",
                        r.households.updated as usize,
                    ),
                    p.chrome.tn(
                        "registry-import-persons-inserted",
                        r.persons.inserted as usize,
                    ),
                    p.chrome.tn(
                        "registry-import-persons-updated",
                        r.persons.updated as usize,
                    ),
                    p.chrome
                        .tn("registry-import-moves", r.stays_opened as usize),
                ]
            }),
    };
    match outcome {
        Ok(done) => {
            p.done = done;
            render(p).map(IntoResponse::into_response)
        }
        Err(ImportError::Store(e)) => Err(e.into()),
        Err(ImportError::Rows(rows)) => {
            p.refused = rows
                .into_iter()
                .map(|r| RefusedView {
                    line: r.line,
                    column: r.column.unwrap_or("").to_owned(),
                    message: p.chrome.t(r.problem.code()),
                })
                .collect();
            p.error = Some(p.chrome.t("import-error-nothing"));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(p)?).into_response())
        }
        Err(ImportError::Columns { missing, unknown }) => {
            let mut msg = p.chrome.t("registry-import-columns");
            if !missing.is_empty() {
                msg.push(' ');
                msg.push_str(&p.chrome.t1(
                    "registry-import-missing",
                    "columns",
                    &missing.join(", "),
                ));
            }
            if !unknown.is_empty() {
                msg.push(' ');
                msg.push_str(&p.chrome.t1(
                    "registry-import-unknown",
                    "columns",
                    &unknown.join(", "),
                ));
            }
            p.error = Some(msg);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(p)?).into_response())
        }
        Err(other) => {
            p.error = Some(p.chrome.t(other.code()));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(p)?).into_response())
        }
    }
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    use jisr_domain::access::Capability;
    Routes::new()
        .add(
            Method::GET,
            "/registry/import",
            "/registry/import",
            Can(Capability::ImportRegistry),
            get(form),
        )
        .add(
            Method::POST,
            "/registry/import",
            "/registry/import",
            Can(Capability::ImportRegistry),
            post(import).layer(axum::extract::DefaultBodyLimit::max(IMPORT_LIMIT)),
        )
}
