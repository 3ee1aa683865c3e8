//! The authorisation dossier in the pages: the checklist with the documents attached,
//! uploads, downloads, the printable receipt of a filed request, and the queue of
//! requests awaiting a decision with their deadlines.

use super::establishments::{ShowState, show_page};
use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::Chrome;
use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::authorisation::days_left;
use jisr_domain::documents::UploadError;
use jisr_domain::establishments::Status;
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_store::authorisation::{self, requested_codes};
use jisr_store::entity::{authorisation_request, document, dossier_requirement, establishment};
use jisr_store::establishments::{self, EstablishmentError, Scoped};
use serde::Deserialize;

pub struct DocView {
    pub id: i64,
    pub file_name: String,
    pub size: i64,
    pub uploaded_at: String,
    pub uploaded_by: String,
}

impl DocView {
    fn from(d: &document::Model) -> Self {
        Self {
            id: d.id,
            file_name: d.file_name.clone(),
            size: d.size_bytes,
            uploaded_at: d.uploaded_at.clone(),
            uploaded_by: d.uploaded_by.clone(),
        }
    }
}

/// One item of the checklist as the establishment's page shows it.
pub struct ChecklistRow {
    pub code: String,
    pub name: String,
    pub mandatory: bool,
    /// Documents attached for this item, newest first.
    pub documents: Vec<DocView>,
    /// Asked for in the current request for documents.
    pub requested: bool,
    pub error: Option<String>,
}

/// The current request as the establishment's page shows it.
pub struct DossierView {
    pub receipt: String,
    pub filed_at: String,
    pub due_on: String,
    /// "N days left" or "overdue by N days", while a decision is awaited.
    pub deadline: Option<String>,
    pub overdue: bool,
    pub requested: Vec<String>,
    pub note: String,
    pub decision: Option<String>,
    pub decision_reasons: String,
    pub appeal_filed_at: Option<String>,
    pub appeal_reasons: String,
}

/// The deadline of a waiting request, in words, and whether it has passed.
pub fn deadline_label(chrome: &Chrome, due_on: &str) -> (String, bool) {
    let today = jisr_domain::time::today();
    match chrono::NaiveDate::parse_from_str(due_on, "%Y-%m-%d") {
        Ok(due) => {
            let left = days_left(today, due);
            if left < 0 {
                (
                    chrome.tn("auth-overdue", left.unsigned_abs() as usize),
                    true,
                )
            } else {
                (chrome.tn("auth-days-left", left as usize), false)
            }
        }
        Err(_) => (String::new(), false),
    }
}

/// The dossier part of an establishment's page.
pub async fn dossier(
    ctx: &Ctx,
    chrome: &Chrome,
    e: &establishment::Model,
    upload_errors: &[(String, UploadError)],
) -> Result<(Option<DossierView>, Vec<ChecklistRow>), WebError> {
    let scoped = Scoped::from(ctx.access());
    let request = scoped.request(e.id).await?;
    let documents = scoped.documents(e.id).await?;
    let list = authorisation::checklist(ctx.state.store.conn(), &e.category_code).await?;
    let asked = request.as_ref().map(requested_codes).unwrap_or_default();
    let status = Status::parse(&e.status);
    let rows = list
        .iter()
        .map(|r: &dossier_requirement::Model| ChecklistRow {
            code: r.code.clone(),
            name: chrome.name(&r.name_ar, &r.name_fr).to_owned(),
            mandatory: r.mandatory,
            documents: documents
                .iter()
                .filter(|d| d.requirement_code.as_deref() == Some(r.code.as_str()))
                .map(DocView::from)
                .collect(),
            requested: status == Some(Status::DocumentsMissing) && asked.contains(&r.code),
            error: upload_errors
                .iter()
                .find(|(code, _)| *code == r.code)
                .map(|(_, err)| chrome.t(super::uploads::upload_error_key(*err))),
        })
        .collect();
    let view = request.map(|r: authorisation_request::Model| {
        let waiting = status.is_some_and(Status::awaits_decision);
        let (label, overdue) = deadline_label(chrome, &r.due_on);
        DossierView {
            requested: asked
                .iter()
                .map(|code| {
                    list.iter()
                        .find(|x| &x.code == code)
                        .map(|x| chrome.name(&x.name_ar, &x.name_fr).to_owned())
                        .unwrap_or_else(|| code.clone())
                })
                .collect(),
            receipt: r.receipt_number,
            filed_at: r.filed_at,
            due_on: r.due_on,
            deadline: waiting.then_some(label),
            overdue: waiting && overdue,
            note: r.documents_note,
            decision: r.decision,
            decision_reasons: r.decision_reasons,
            appeal_filed_at: r.appeal_filed_at,
            appeal_reasons: r.appeal_reasons,
        }
    });
    Ok((view, rows))
}

/// Attaches the files chosen in the checklist form (`file-<code>` fields).
pub async fn attach(
    ctx: Ctx,
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    // Out of scope is "not found" before the body is looked at.
    scoped.get(id).await?;
    let read = super::uploads::read_files(multipart).await;
    let unreadable = read.is_err();
    let uploads = read.unwrap_or_default();
    let state = if unreadable {
        ShowState::error("doc-error-unreadable")
    } else if uploads.is_empty() {
        ShowState::error("doc-error-none")
    } else {
        match scoped
            .attach(
                &ctx.actor,
                &ctx.state.files,
                id,
                uploads,
                ctx.state.config.max_upload_bytes,
            )
            .await
        {
            Ok(_) => {
                return Ok(
                    Redirect::to(&format!("/establishments/{id}?attached=1#dossier"))
                        .into_response(),
                );
            }
            Err(EstablishmentError::Uploads(errors)) => ShowState {
                upload_errors: errors,
                ..ShowState::error("doc-error-batch")
            },
            Err(EstablishmentError::Locked) => ShowState::error("doc-error-locked"),
            Err(EstablishmentError::Transition(_)) => return Err(WebError::Forbidden),
            Err(EstablishmentError::Store(jisr_store::StoreError::Invalid(_))) => {
                ShowState::error("doc-error-item")
            }
            Err(EstablishmentError::Store(e)) => return Err(e.into()),
            Err(other) => return Err(WebError::Internal(other.to_string())),
        }
    };
    let page = show_page(&ctx, id, state).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

/// A document, for someone who may see its establishment; the read is audited.
pub async fn download(
    ctx: Ctx,
    Path((id, document_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let (doc, bytes) = Scoped::from(ctx.access())
        .document(&ctx.actor, &ctx.state.files, id, document_id)
        .await?;
    Ok(super::uploads::file_response(&doc, bytes))
}

#[derive(Template)]
#[template(path = "establishments/receipt.html")]
struct ReceiptPage {
    chrome: Chrome,
    e: establishment::Model,
    r: authorisation_request::Model,
    category: String,
    commune: String,
    province: String,
    /// The documents received with the filing: checklist item and file name.
    received: Vec<(String, String)>,
    filed_by: String,
}

/// The printable receipt of the current authorisation request.
pub async fn receipt(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    let e = scoped.get(id).await?;
    let r = scoped.request(id).await?.ok_or(WebError::NotFound)?;
    let chrome = ctx.chrome("receipt-title");
    let list = authorisation::checklist(ctx.state.store.conn(), &e.category_code).await?;
    // In the checklist's order; for each item, what was attached before filing.
    let documents = scoped.documents(id).await?;
    let received = list
        .iter()
        .flat_map(|item| {
            documents
                .iter()
                .rev()
                .filter(|d| {
                    d.uploaded_at <= r.filed_at
                        && d.requirement_code.as_deref() == Some(item.code.as_str())
                })
                .map(|d| {
                    (
                        chrome.name(&item.name_ar, &item.name_fr).to_owned(),
                        d.file_name.clone(),
                    )
                })
        })
        .collect();
    let names =
        jisr_store::accounts::names_of_actors(ctx.state.store.conn(), &[r.filed_by.as_str()])
            .await?;
    let filed_by = chrome.who(&names, &r.filed_by);
    let category = establishments::categories(&ctx.state.store)
        .await?
        .into_iter()
        .find(|c| c.code == e.category_code)
        .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
        .unwrap_or_default();
    let db = ctx.state.store.conn();
    let (commune, province) = match (
        CommuneCode::parse(&e.commune_code),
        ProvinceCode::parse(&e.province_code),
    ) {
        (Ok(code), Ok(province)) => {
            let c = jisr_store::geo::commune(db, &code).await.ok();
            let p = jisr_store::geo::province(db, &province).await.ok();
            (
                c.map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
                    .unwrap_or_default(),
                p.map(|p| chrome.name(&p.name_ar, &p.name_fr).to_owned())
                    .unwrap_or_default(),
            )
        }
        _ => (String::new(), String::new()),
    };
    render(ReceiptPage {
        chrome,
        e,
        r,
        category,
        commune,
        province,
        received,
        filed_by,
    })
    .map(IntoResponse::into_response)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueueQuery {
    pub status: String,
}

pub struct QueueRowView {
    pub id: i64,
    pub name: String,
    pub receipt: String,
    pub status: String,
    pub filed_at: String,
    pub due_on: String,
    pub deadline: String,
    pub overdue: bool,
}

#[derive(Template)]
#[template(path = "establishments/queue.html")]
struct QueuePage {
    chrome: Chrome,
    rows: Vec<QueueRowView>,
    overdue: usize,
    query: QueueQuery,
    statuses: Vec<crate::view::Choice>,
}

impl QueuePage {
    fn count_label(&self) -> String {
        self.chrome.tn("auth-queue-count", self.rows.len())
    }

    fn overdue_label(&self) -> String {
        self.chrome.tn("auth-queue-overdue", self.overdue)
    }
}

/// Requests awaiting a decision in the person's territory, overdue first.
pub async fn queue(ctx: Ctx, Query(query): Query<QueueQuery>) -> Result<Response, WebError> {
    let chrome = ctx.chrome("auth-queue-title");
    let wanted = Status::parse(&query.status);
    let rows: Vec<QueueRowView> = Scoped::from(ctx.access())
        .queue()
        .await?
        .into_iter()
        .filter(|r| wanted.is_none_or(|s| s.as_str() == r.establishment.status))
        .map(|r| {
            let (deadline, overdue) = deadline_label(&chrome, &r.request.due_on);
            QueueRowView {
                id: r.establishment.id,
                name: chrome
                    .name(&r.establishment.name_ar, &r.establishment.name_fr)
                    .to_owned(),
                receipt: r.request.receipt_number,
                status: r.establishment.status,
                filed_at: r.request.filed_at,
                due_on: r.request.due_on,
                deadline,
                overdue,
            }
        })
        .collect();
    let overdue = rows.iter().filter(|r| r.overdue).count();
    let statuses = Status::ALL
        .into_iter()
        .filter(|s| s.awaits_decision())
        .map(|s| crate::view::Choice {
            value: s.as_str().into(),
            label: chrome.t2("est-status", s.as_str()),
        })
        .collect();
    render(QueuePage {
        chrome,
        rows,
        overdue,
        query,
        statuses,
    })
    .map(IntoResponse::into_response)
}

/// The declaration of care outside the premises, as typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct DeclarationForm {
    pub activity: String,
    pub commune: String,
    pub address: String,
    pub starts_on: String,
    pub ends_on: String,
    pub beneficiaries: String,
}

pub async fn declare(
    ctx: Ctx,
    Path(id): Path<i64>,
    axum::extract::Form(form): axum::extract::Form<DeclarationForm>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.get(id).await?;
    let input = jisr_store::authorisation::DeclarationInput {
        activity: form.activity.clone(),
        commune: form.commune.clone(),
        address: form.address.clone(),
        starts_on: form.starts_on.clone(),
        ends_on: form.ends_on.clone(),
        beneficiaries: form.beneficiaries.clone(),
    };
    let state = match scoped.declare_care(&ctx.actor, id, &input).await {
        Ok(decl) => {
            return Ok(
                Redirect::to(&format!("/establishments/{id}/declarations/{decl}")).into_response(),
            );
        }
        Err(EstablishmentError::Fields(errors)) => ShowState {
            declaration: form,
            declaration_errors: errors,
            ..ShowState::default()
        },
        Err(EstablishmentError::Locked) => ShowState {
            declaration: form,
            declaration_errors: vec![("activity", "decl-error-not-authorised")],
            ..ShowState::default()
        },
        Err(EstablishmentError::Transition(_)) => return Err(WebError::Forbidden),
        Err(EstablishmentError::Store(e)) => return Err(e.into()),
        Err(other) => return Err(WebError::Internal(other.to_string())),
    };
    let page = show_page(&ctx, id, state).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

#[derive(Template)]
#[template(path = "establishments/declaration.html")]
struct DeclarationPage {
    chrome: Chrome,
    e: establishment::Model,
    d: jisr_store::entity::care_declaration::Model,
    commune: String,
    filed_by: String,
}

/// The printable receipt of a declaration of care outside the premises.
pub async fn declaration(
    ctx: Ctx,
    Path((id, declaration_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    let e = scoped.get(id).await?;
    let d = scoped.declaration(id, declaration_id).await?;
    let chrome = ctx.chrome("decl-receipt-title");
    let commune = match CommuneCode::parse(&d.commune_code) {
        Ok(code) => jisr_store::geo::commune(ctx.state.store.conn(), &code)
            .await
            .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    let names =
        jisr_store::accounts::names_of_actors(ctx.state.store.conn(), &[d.filed_by.as_str()])
            .await?;
    let filed_by = chrome.who(&names, &d.filed_by);
    render(DeclarationPage {
        chrome,
        e,
        d,
        commune,
        filed_by,
    })
    .map(IntoResponse::into_response)
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    use jisr_domain::access::Capability;
    Routes::new()
        .add_record(
            Method::POST,
            "/establishments/{id}/documents",
            "/establishments/1/documents",
            Some("/establishments/2/documents"),
            Can(Capability::FileAuthorisations),
            post(attach).layer(axum::extract::DefaultBodyLimit::max(
                super::uploads::UPLOAD_BODY_LIMIT,
            )),
        )
        // Examples: documents 1–5 belong to establishment 1, 6–10 to establishment 2.
        .add_record(
            Method::GET,
            "/establishments/{id}/documents/{document}",
            "/establishments/1/documents/1",
            Some("/establishments/2/documents/6"),
            SignedIn,
            get(download),
        )
        .add_record(
            Method::GET,
            "/establishments/{id}/receipt",
            "/establishments/1/receipt",
            Some("/establishments/2/receipt"),
            SignedIn,
            get(receipt),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/declarations",
            "/establishments/1/declarations",
            Some("/establishments/2/declarations"),
            Can(Capability::FileAuthorisations),
            post(declare),
        )
        // Examples: declaration 1 belongs to establishment 1, 2 to establishment 2.
        .add_record(
            Method::GET,
            "/establishments/{id}/declarations/{declaration}",
            "/establishments/1/declarations/1",
            Some("/establishments/2/declarations/2"),
            SignedIn,
            get(declaration),
        )
        .add(
            Method::GET,
            "/authorisations",
            "/authorisations",
            Can(Capability::DecideAuthorisations),
            get(queue),
        )
}
