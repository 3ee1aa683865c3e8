//! The applicant's side: an establishment manager applies for its association, saves
//! drafts, attaches the documents the call asks, files (a receipt with its number), sees
//! each failed condition of the eligibility check and the one reminder for missing
//! documents, appeals a refusal once, and reports on the convention's tranches.

use super::{CallView, call_view, doc_label, mad};
use crate::WebError;
use crate::ctx::Ctx;
use crate::pages::render;
use crate::pages::uploads::{FormParts, read_form, upload_error_key};
use crate::view::{Chrome, FieldErrors};
use crate::views::grants_apply as giving;
use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Form, Multipart, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::grants::{Failed, Status};
use jisr_store::entity::{grant_application, grant_call};
use jisr_store::grants::{ApplicationInput, BUDGET_HEADINGS, GrantError, Scoped};
use jisr_store::grants_apply::{AttachError, editable};

fn user_id(ctx: &Ctx) -> i64 {
    ctx.user.as_ref().map(|u| u.user_id).unwrap_or(0)
}

pub(super) fn status_label(chrome: &Chrome, status: &str) -> String {
    chrome.t2("grants-apply-status", status)
}

/// The conditions an application failed, each named, from what the store kept
/// (`grants-failed-…` keys, `document:<key>` for a missing document).
fn failed_lines(chrome: &Chrome, stored: &str) -> Vec<String> {
    stored
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|f| match f.strip_prefix("document:") {
            Some(d) => chrome.t1(
                Failed::MissingDocument(d.into()).key(),
                "document",
                &doc_label(chrome, d),
            ),
            None => chrome.t(f),
        })
        .collect()
}

fn missing_documents(chrome: &Chrome, stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter_map(|f| f.trim().strip_prefix("document:"))
        .map(|d| doc_label(chrome, d))
        .collect()
}

struct MineRow {
    id: i64,
    call: String,
    project: String,
    status: String,
    status_code: String,
    receipt: String,
    updated: String,
}

struct OpenCall {
    id: i64,
    title: String,
    closes_on: String,
}

#[derive(Template)]
#[template(path = "grants_apply/mine.html")]
struct MinePage {
    chrome: Chrome,
    rows: Vec<MineRow>,
    calls: Vec<OpenCall>,
}

/// The applications of the person's establishments, and the calls open to apply to.
pub async fn mine(ctx: Ctx) -> Result<Response, WebError> {
    let chrome = ctx.chrome("grants-apply-mine-title");
    let store = &ctx.state.store;
    let scoped = Scoped::from(ctx.access());
    let calls = jisr_store::grants::published_calls(store).await?;
    let title = |id: i64| {
        calls
            .iter()
            .find(|c| c.id == id)
            .map(|c| chrome.name(&c.title_ar, &c.title_fr).to_owned())
            .unwrap_or_default()
    };
    let rows = scoped
        .own_applications()
        .await?
        .into_iter()
        .map(|a| MineRow {
            id: a.id,
            call: title(a.call_id),
            project: a.project_title.clone(),
            status: status_label(&chrome, &a.status),
            receipt: a.receipt.clone().unwrap_or_default(),
            updated: chrome.time(&a.updated_at),
            status_code: a.status,
        })
        .collect();
    let today = jisr_domain::time::today().to_string();
    let open = jisr_store::grants::published_calls(store)
        .await?
        .into_iter()
        .filter(|c| c.opens_on <= today && today <= c.closes_on)
        .map(|c| OpenCall {
            id: c.id,
            title: chrome.name(&c.title_ar, &c.title_fr).to_owned(),
            closes_on: chrome.date(&c.closes_on),
        })
        .collect();
    render(MinePage {
        chrome,
        rows,
        calls: open,
    })
    .map(IntoResponse::into_response)
}

/// One budget heading of the form.
struct HeadingField {
    key: &'static str,
    label: String,
    value: String,
}

struct DocItem {
    key: String,
    label: String,
    given: Vec<(i64, String)>,
    missing: bool,
}

struct Pick {
    value: String,
    label: String,
    selected: bool,
}

/// The project form, shared by a new application and a draft.
struct ProjectForm {
    action: String,
    form: ApplicationInput,
    headings: Vec<HeadingField>,
    /// The beneficiaries' fields: (name, value typed).
    beneficiaries: Vec<(&'static str, String)>,
    establishments: Vec<Pick>,
    documents: Vec<DocItem>,
    /// Only documents may still be given (filed, after the reminder).
    documents_only: bool,
    errors: FieldErrors,
    /// The draft was kept though the filing was refused.
    saved: bool,
}

impl ProjectForm {
    fn error(&self, field: &str) -> Option<String> {
        let all = self.errors.all_for(field);
        (!all.is_empty()).then(|| all.join(" "))
    }

    fn budget_error(&self, heading: &str) -> Option<String> {
        self.error(&format!("budget-{heading}"))
    }

    fn file_error(&self, item: &str) -> Option<String> {
        self.error(&format!("file-{item}"))
    }
}

async fn project_form(
    ctx: &Ctx,
    chrome: &Chrome,
    call: &grant_call::Model,
    application: Option<&grant_application::Model>,
    form: ApplicationInput,
    establishment: Option<i64>,
    errors: FieldErrors,
) -> Result<ProjectForm, WebError> {
    let scoped = Scoped::from(ctx.access());
    // An application stays with the establishment it was drafted for.
    let establishments = if application.is_some() {
        Vec::new()
    } else {
        scoped.applicant_establishments().await?
    };
    let establishments = establishments
        .into_iter()
        .map(|e| Pick {
            selected: Some(e.id) == establishment,
            label: chrome.name(&e.name_ar, &e.name_fr).to_owned(),
            value: e.id.to_string(),
        })
        .collect();
    let docs = match application {
        Some(a) => scoped.application_documents(a.id).await?,
        None => Vec::new(),
    };
    let given: Vec<String> = application
        .map(|a| {
            a.documents
                .split(',')
                .map(|s| s.trim().to_owned())
                .collect()
        })
        .unwrap_or_default();
    let documents = jisr_store::grants::documents_of(call)
        .into_iter()
        .map(|key| DocItem {
            label: doc_label(chrome, &key),
            given: docs
                .iter()
                .filter(|d| d.requirement_code.as_deref() == Some(key.as_str()))
                .map(|d| (d.id, d.file_name.clone()))
                .collect(),
            missing: !given.contains(&key),
            key,
        })
        .collect();
    let headings = BUDGET_HEADINGS
        .iter()
        .map(|h| HeadingField {
            key: h,
            label: chrome.t2("grants-apply-heading", h),
            value: form.budget_lines.get(*h).cloned().unwrap_or_default(),
        })
        .collect();
    Ok(ProjectForm {
        action: match application {
            Some(a) => format!("/grant-applications/{}", a.id),
            None => format!("/calls/{}/apply", call.id),
        },
        documents_only: application.is_some_and(|a| a.status == Status::Filed.as_str()),
        beneficiaries: vec![
            ("women", form.women.clone()),
            ("men", form.men.clone()),
            ("children", form.children.clone()),
            ("elderly", form.elderly.clone()),
        ],
        form,
        headings,
        establishments,
        documents,
        errors,
        saved: false,
    })
}

#[derive(Template)]
#[template(path = "grants_apply/new.html")]
struct NewPage {
    chrome: Chrome,
    call: CallView,
    p: ProjectForm,
}

async fn open_call(ctx: &Ctx, id: &str) -> Result<grant_call::Model, WebError> {
    let id: i64 = id.parse().map_err(|_| WebError::NotFound)?;
    Ok(jisr_store::grants::published_call(&ctx.state.store, id).await?)
}

async fn call_of(ctx: &Ctx, chrome: &Chrome, c: &grant_call::Model) -> Result<CallView, WebError> {
    let store = &ctx.state.store;
    let provinces = giving::province_names(store).await?;
    let categories = jisr_store::transparency::categories(store).await?;
    Ok(call_view(chrome, c, &provinces, &categories))
}

/// A new application's form on a published call.
pub async fn new_form(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let c = open_call(&ctx, &id).await?;
    let chrome = ctx.chrome("grants-apply-new-title");
    let call = call_of(&ctx, &chrome, &c).await?;
    let p = project_form(
        &ctx,
        &chrome,
        &c,
        None,
        ApplicationInput::default(),
        None,
        FieldErrors::default(),
    )
    .await?;
    render(NewPage { chrome, call, p }).map(IntoResponse::into_response)
}

fn input_from(parts: &FormParts) -> ApplicationInput {
    ApplicationInput {
        project_title: parts.text("project_title"),
        objectives: parts.text("objectives"),
        place: parts.text("place"),
        duration_months: parts.text("duration_months"),
        women: parts.text("women"),
        men: parts.text("men"),
        children: parts.text("children"),
        elderly: parts.text("elderly"),
        budget: String::new(),
        requested: parts.text("requested"),
        documents: String::new(),
        budget_lines: BUDGET_HEADINGS
            .iter()
            .map(|h| ((*h).to_owned(), parts.text(&format!("budget-{h}"))))
            .collect(),
        cofinancing: parts.text("cofinancing"),
    }
}

/// What filing needs beyond what a draft may hold: every problem at once.
fn filing_checks(i: &ApplicationInput) -> Vec<(String, &'static str)> {
    let mut e = Vec::new();
    for (f, v) in [
        ("project_title", &i.project_title),
        ("objectives", &i.objectives),
        ("place", &i.place),
    ] {
        if v.trim().is_empty() {
            e.push((f.to_owned(), "grants-error-required"));
        }
    }
    let duration = i.duration_months.trim();
    if duration.is_empty() || duration.parse::<i64>().is_ok_and(|n| n <= 0) {
        e.push(("duration_months".into(), "grants-error-required"));
    }
    if i.requested.trim().is_empty() || i.requested.trim() == "0" {
        e.push(("requested".into(), "grants-error-required"));
    }
    if i.budget_lines.values().all(|v| v.trim().is_empty()) {
        e.push(("budget".into(), "grants-apply-error-budget"));
    }
    e
}

fn upload_errors(chrome: &Chrome, e: AttachError) -> Result<FieldErrors, WebError> {
    match e {
        AttachError::Refused(r) => {
            let mut errors = FieldErrors::default();
            errors.push("files", chrome.t("doc-error-batch"));
            for (item, err) in r {
                errors.push(format!("file-{item}"), chrome.t(upload_error_key(err)));
            }
            Ok(errors)
        }
        AttachError::Grant(g) => grant_errors(chrome, g),
    }
}

fn grant_errors(chrome: &Chrome, e: GrantError) -> Result<FieldErrors, WebError> {
    match e {
        GrantError::Fields(f) => Ok(FieldErrors::translate(chrome, f)),
        GrantError::Store(jisr_store::StoreError::NotFound) => Err(WebError::NotFound),
        GrantError::Store(jisr_store::StoreError::Invalid(_)) => {
            let mut errors = FieldErrors::default();
            errors.push("files", chrome.t("doc-error-item"));
            Ok(errors)
        }
        GrantError::Store(e) => Err(e.into()),
        other => {
            let mut errors = FieldErrors::default();
            errors.push("status", chrome.t(other.key()));
            Ok(errors)
        }
    }
}

fn merge(mut a: FieldErrors, chrome: &Chrome, more: Vec<(String, &'static str)>) -> FieldErrors {
    for (f, k) in more {
        if a.all_for(&f).is_empty() {
            a.push(f, chrome.t(k));
        }
    }
    a
}

/// The form again with its refusals, 422: the application's page once a draft exists.
#[allow(clippy::too_many_arguments)]
async fn refuse(
    ctx: &Ctx,
    c: &grant_call::Model,
    establishment: i64,
    app: Option<grant_application::Model>,
    input: ApplicationInput,
    errors: FieldErrors,
    saved: bool,
) -> Result<Response, WebError> {
    let chrome = ctx.chrome("grants-apply-new-title");
    let mut p = project_form(
        ctx,
        &chrome,
        c,
        app.as_ref(),
        input,
        Some(establishment),
        errors,
    )
    .await?;
    p.saved = saved;
    let html = match app {
        Some(a) => render(show_page(ctx, a, Some(p)).await?)?,
        None => {
            let call = call_of(ctx, &chrome, c).await?;
            render(NewPage { chrome, call, p })?
        }
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
}

/// Saves the project (a new draft when `existing` is `None`), attaches the files, and
/// files it when asked: every refusal is shown at once with what was typed.
async fn save(
    ctx: &Ctx,
    c: &grant_call::Model,
    existing: Option<grant_application::Model>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let chrome = ctx.chrome("grants-apply-new-title");
    let parts = read_form(multipart)
        .await
        .map_err(|_| WebError::BadRequest("doc-error-unreadable"))?;
    let scoped = Scoped::from(ctx.access());
    let mut input = input_from(&parts);
    let filing = parts.text("action") == "file";
    let own = scoped.applicant_establishments().await?;
    let establishment = match &existing {
        Some(a) => a.establishment_id,
        None => {
            let chosen = parts.text("establishment").trim().parse::<i64>().ok();
            match chosen.filter(|id| own.iter().any(|e| e.id == *id)) {
                Some(id) => id,
                None => own.first().map(|e| e.id).ok_or(WebError::NotFound)?,
            }
        }
    };
    if let Some(a) = &existing {
        input.documents = a.documents.clone();
        if a.status == Status::Filed.as_str() {
            // After the reminder only documents change: the project stays as filed.
            input = ApplicationInput {
                documents: a.documents.clone(),
                ..ApplicationInput::from_model(a)
            };
        }
    }
    let required = if filing {
        filing_checks(&input)
    } else {
        Vec::new()
    };
    let id = match scoped
        .save_draft(
            &ctx.actor,
            c.id,
            establishment,
            existing.as_ref().map(|a| a.id),
            &input,
        )
        .await
    {
        Ok(id) => id,
        Err(e) => {
            let errors = merge(grant_errors(&chrome, e)?, &chrome, required);
            return refuse(ctx, c, establishment, existing, input, errors, false).await;
        }
    };
    if let Err(e) = scoped
        .attach_application_documents(
            &ctx.actor,
            &ctx.state.files,
            id,
            parts.files,
            ctx.state.config.max_upload_bytes,
        )
        .await
    {
        let errors = merge(upload_errors(&chrome, e)?, &chrome, required);
        let a = scoped.own_application(id).await?;
        return refuse(ctx, c, establishment, Some(a), input, errors, true).await;
    }
    if !required.is_empty() {
        let a = scoped.own_application(id).await?;
        let errors = FieldErrors::translate(&chrome, required);
        return refuse(ctx, c, establishment, Some(a), input, errors, true).await;
    }
    if filing {
        match scoped.file(&ctx.actor, id).await {
            Ok(_) => Ok(Redirect::to(&format!("/grant-applications/{id}/receipt")).into_response()),
            Err(e) => {
                let errors = grant_errors(&chrome, e)?;
                let a = scoped.own_application(id).await?;
                refuse(ctx, c, establishment, Some(a), input, errors, true).await
            }
        }
    } else {
        Ok(Redirect::to(&format!("/grant-applications/{id}?saved=1")).into_response())
    }
}

/// Saves a new application on a published call (and files it when asked).
pub async fn create(
    ctx: Ctx,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let c = open_call(&ctx, &id).await?;
    save(&ctx, &c, None, multipart).await
}

async fn own(ctx: &Ctx, id: &str) -> Result<grant_application::Model, WebError> {
    let id: i64 = id.parse().map_err(|_| WebError::NotFound)?;
    Ok(Scoped::from(ctx.access()).own_application(id).await?)
}

async fn call_by_id(ctx: &Ctx, application: i64) -> Result<grant_call::Model, WebError> {
    Ok(Scoped::from(ctx.access())
        .own_application_call(application)
        .await?)
}

/// Saves a draft (or, after the reminder, its documents) and files it when asked.
pub async fn update(
    ctx: Ctx,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let a = own(&ctx, &id).await?;
    let c = call_by_id(&ctx, a.id).await?;
    if !editable(&a) {
        let chrome = ctx.chrome("grants-apply-new-title");
        let mut errors = FieldErrors::default();
        errors.push("status", chrome.t("grants-error-not-draft"));
        let mut page = show_page(&ctx, a, None).await?;
        page.errors = errors;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response());
    }
    save(&ctx, &c, Some(a), multipart).await
}

struct TrancheView {
    number: i32,
    amount: String,
    condition: String,
    released: Option<String>,
    reference: String,
}

struct ReportView {
    kind: String,
    status: String,
    status_code: String,
    submitted: String,
    remarks: String,
}

#[derive(Template)]
#[template(path = "grants_apply/show.html")]
struct ShowPage {
    chrome: Chrome,
    a: grant_application::Model,
    call_id: i64,
    call_title: String,
    establishment: String,
    status: String,
    failed: Vec<String>,
    missing: Vec<String>,
    reminded: bool,
    budget: String,
    requested: String,
    own_share: String,
    budget_lines: Vec<(String, String)>,
    awarded: String,
    tranches: Vec<TrancheView>,
    reports: Vec<ReportView>,
    report_kinds: Vec<Pick>,
    can_appeal: bool,
    /// The project form, while it can be completed.
    p: Option<ProjectForm>,
    saved: bool,
    errors: FieldErrors,
    /// Which form the errors belong to.
    failed_form: &'static str,
    grounds: String,
    narrative: String,
    financial: String,
}

impl ShowPage {
    fn error(&self, field: &str) -> Option<String> {
        let all = self.errors.all_for(field);
        (!all.is_empty()).then(|| all.join(" "))
    }
}

async fn show_page(
    ctx: &Ctx,
    a: grant_application::Model,
    p: Option<ProjectForm>,
) -> Result<ShowPage, WebError> {
    let scoped = Scoped::from(ctx.access());
    let c = call_by_id(ctx, a.id).await?;
    let chrome = ctx.chrome("grants-apply-show-title");
    let title = if a.project_title.trim().is_empty() {
        chrome.t("grants-apply-untitled")
    } else {
        a.project_title.clone()
    };
    let chrome = chrome.with_title(title);
    let p = match p {
        Some(p) => Some(p),
        None if editable(&a) => Some(
            project_form(
                ctx,
                &chrome,
                &c,
                Some(&a),
                ApplicationInput::from_model(&a),
                Some(a.establishment_id),
                FieldErrors::default(),
            )
            .await?,
        ),
        None => None,
    };
    let establishment = scoped
        .applicant_establishments()
        .await?
        .into_iter()
        .find(|e| e.id == a.establishment_id)
        .map(|e| chrome.name(&e.name_ar, &e.name_fr).to_owned())
        .unwrap_or_default();
    let uid = user_id(ctx);
    let accepted = a.status == Status::Accepted.as_str();
    let tranches = if accepted {
        scoped
            .tranches(a.id, uid)
            .await?
            .into_iter()
            .map(|t| TrancheView {
                number: t.number,
                amount: mad(&chrome, t.amount),
                condition: chrome.t2("grants-apply-condition", &t.release_condition),
                released: t.released_at.as_deref().map(|d| chrome.date(d)),
                reference: t.payment_reference.unwrap_or_default(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let reports: Vec<ReportView> = if accepted {
        scoped
            .reports(a.id, uid)
            .await?
            .into_iter()
            .map(|r| ReportView {
                kind: chrome.t2("grants-apply-report-kind", &r.kind),
                status: chrome.t2("grants-apply-report-status", &r.status),
                status_code: r.status,
                submitted: chrome.time(&r.submitted_at),
                remarks: r.remarks,
            })
            .collect()
    } else {
        Vec::new()
    };
    let report_kinds = ["interim", "final"]
        .iter()
        .map(|k| Pick {
            value: (*k).into(),
            label: chrome.t2("grants-apply-report-kind", k),
            selected: false,
        })
        .collect();
    let lines = jisr_store::grants::budget_lines(&a);
    Ok(ShowPage {
        call_id: c.id,
        call_title: chrome.name(&c.title_ar, &c.title_fr).to_owned(),
        establishment,
        status: status_label(&chrome, &a.status),
        failed: failed_lines(&chrome, &a.failed),
        missing: missing_documents(&chrome, &a.failed),
        reminded: a.reminded && a.status == Status::Filed.as_str(),
        budget: mad(&chrome, a.budget),
        requested: mad(&chrome, a.requested),
        own_share: mad(&chrome, (a.budget - a.requested).max(0)),
        budget_lines: BUDGET_HEADINGS
            .iter()
            .filter_map(|h| {
                lines
                    .get(*h)
                    .map(|v| (chrome.t2("grants-apply-heading", h), mad(&chrome, *v)))
            })
            .collect(),
        awarded: a.awarded.map(|n| mad(&chrome, n)).unwrap_or_default(),
        tranches,
        reports,
        report_kinds,
        can_appeal: a.appeals == 0
            && (a.status == Status::Refused.as_str() || a.status == Status::Ineligible.as_str()),
        p,
        saved: false,
        errors: FieldErrors::default(),
        failed_form: "",
        grounds: String::new(),
        narrative: String::new(),
        financial: String::new(),
        chrome,
        a,
    })
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct SavedQuery {
    saved: Option<String>,
}

/// One of the person's applications: where it stands, what failed, the form while it
/// can be completed, the appeal, the convention's tranches and the reports.
pub async fn show(
    ctx: Ctx,
    Path(id): Path<String>,
    axum::extract::Query(q): axum::extract::Query<SavedQuery>,
) -> Result<Response, WebError> {
    let a = own(&ctx, &id).await?;
    let mut page = show_page(&ctx, a, None).await?;
    page.saved = q.saved.is_some();
    render(page).map(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "grants_apply/receipt.html")]
struct ReceiptPage {
    chrome: Chrome,
    a: grant_application::Model,
    receipt: String,
    call_title: String,
    status: String,
    filed_on: String,
    failed: Vec<String>,
    missing: Vec<String>,
    reminded: bool,
    requested: String,
}

/// The receipt of a filed application, with its number and the result of the check.
pub async fn receipt(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let a = own(&ctx, &id).await?;
    let receipt = a.receipt.clone().ok_or(WebError::NotFound)?;
    let c = call_by_id(&ctx, a.id).await?;
    let chrome = ctx.chrome("grants-apply-receipt-title");
    render(ReceiptPage {
        call_title: chrome.name(&c.title_ar, &c.title_fr).to_owned(),
        status: status_label(&chrome, &a.status),
        filed_on: a
            .filed_on
            .as_deref()
            .map(|d| chrome.date(d))
            .unwrap_or_default(),
        failed: failed_lines(&chrome, &a.failed),
        missing: missing_documents(&chrome, &a.failed),
        reminded: a.reminded && a.status == Status::Filed.as_str(),
        requested: mad(&chrome, a.requested),
        receipt,
        chrome,
        a,
    })
    .map(IntoResponse::into_response)
}

/// One document of the person's application, as a download.
pub async fn download(
    ctx: Ctx,
    Path((id, doc)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let id: i64 = id.parse().map_err(|_| WebError::NotFound)?;
    let doc: i64 = doc.parse().map_err(|_| WebError::NotFound)?;
    let (d, bytes) = Scoped::from(ctx.access())
        .application_document(&ctx.actor, &ctx.state.files, id, doc)
        .await?;
    Ok(crate::pages::uploads::file_response(&d, bytes))
}

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// Appeals a refusal, once, with its grounds.
pub async fn appeal(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let a = own(&ctx, &id).await?;
    let grounds = get(&pairs, "grounds").to_owned();
    match Scoped::from(ctx.access())
        .appeal(&ctx.actor, a.id, &grounds)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/grant-applications/{}#appeal", a.id)).into_response()),
        Err(e) => {
            let chrome = ctx.chrome("grants-apply-show-title");
            let errors = grant_errors(&chrome, e)?;
            let mut page = show_page(&ctx, a, None).await?;
            page.errors = errors;
            page.failed_form = "appeal";
            page.grounds = grounds;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
    }
}

/// Submits a narrative and financial report on the convention (interim or final).
pub async fn report(
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let a = own(&ctx, &id).await?;
    let kind = get(&pairs, "kind").to_owned();
    let narrative = get(&pairs, "narrative").to_owned();
    let financial = get(&pairs, "financial").to_owned();
    let scoped = Scoped::from(ctx.access());
    let result = if a.status == Status::Accepted.as_str() {
        scoped
            .submit_report(&ctx.actor, a.id, &kind, &narrative, &financial)
            .await
            .map(|_| ())
    } else {
        Err(GrantError::Fields(vec![(
            "kind".into(),
            "grants-apply-error-no-convention",
        )]))
    };
    match result {
        Ok(()) => {
            Ok(Redirect::to(&format!("/grant-applications/{}#reports", a.id)).into_response())
        }
        Err(e) => {
            let chrome = ctx.chrome("grants-apply-show-title");
            let errors = grant_errors(&chrome, e)?;
            let mut page = show_page(&ctx, a, None).await?;
            page.errors = errors;
            page.failed_form = "report";
            for k in &mut page.report_kinds {
                k.selected = k.value == kind;
            }
            page.narrative = narrative;
            page.financial = financial;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
    }
}
