//! The citizen's side of the e-services: the catalogue by need and by place, a service's
//! page, the online application (no account; the data-protection notice and consent
//! before submitting), the receipt, and the status page reached with the tracking code
//! and a second fact, from which the applicant sends requested documents or appeals.

use super::render;
use super::uploads::{FormParts, read_form};
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::Choice;
use crate::view::{Chrome, FieldErrors};
use crate::views::eservices::notice_version;
use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Form, Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jisr_domain::applications::TrackingCode;
use jisr_domain::documents::check_upload;
use jisr_domain::geo::ProvinceCode;
use jisr_domain::services::Need;
use jisr_store::applications::{self, ApplicationError, ApplicationInput, RELATIONS, Tracked};
use jisr_store::documents::Upload;
use jisr_store::entity::{establishment, service, service_document};
use serde::Deserialize;

async fn province_choices(ctx: &Ctx, chrome: &Chrome) -> Result<Vec<Choice>, WebError> {
    Ok(jisr_store::geo::provinces(ctx.state.store.conn(), None)
        .await?
        .into_iter()
        .map(|p| Choice {
            label: chrome.name(&p.name_ar, &p.name_fr).to_owned(),
            value: p.code,
        })
        .collect())
}

/// A service in the catalogue, in the page's language.
pub(crate) struct ServiceCard {
    pub code: String,
    pub name: String,
    pub description: String,
    pub need: String,
    pub deadline_days: i32,
}

fn card(chrome: &Chrome, s: &service::Model) -> ServiceCard {
    ServiceCard {
        code: s.code.clone(),
        name: chrome.name(&s.name_ar, &s.name_fr).to_owned(),
        description: chrome.name(&s.description_ar, &s.description_fr).to_owned(),
        need: s.need.clone(),
        deadline_days: s.deadline_days,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CatalogueQuery {
    pub need: String,
    pub province: String,
}

#[derive(Template)]
#[template(path = "eservices/catalogue.html")]
struct CataloguePage {
    chrome: Chrome,
    needs: Vec<&'static str>,
    need: String,
    province: String,
    provinces: Vec<Choice>,
    services: Vec<ServiceCard>,
}

impl CataloguePage {
    fn days(&self, n: &i32) -> String {
        self.chrome.tn("svc-deadline-days", (*n).max(0) as usize)
    }
}

pub async fn catalogue(ctx: Ctx, Query(q): Query<CatalogueQuery>) -> Result<Response, WebError> {
    let chrome = ctx.chrome("svc-title");
    let need = Need::parse(&q.need);
    let rows = jisr_store::services::catalogue(&ctx.state.store, need).await?;
    let province = ProvinceCode::parse(&q.province)
        .map(|p| p.to_string())
        .unwrap_or_default();
    // By place: only the services delivered in the province chosen.
    let mut services = Vec::new();
    for s in &rows {
        if !province.is_empty()
            && jisr_store::services::deliverers(&ctx.state.store, &s.code, Some(&province))
                .await?
                .is_empty()
        {
            continue;
        }
        services.push(card(&chrome, s));
    }
    let provinces = province_choices(&ctx, &chrome).await?;
    render(CataloguePage {
        chrome,
        needs: Need::ALL.iter().map(|n| n.as_str()).collect(),
        need: need.map(|n| n.as_str().to_owned()).unwrap_or_default(),
        province,
        provinces,
        services,
    })
    .map(IntoResponse::into_response)
}

/// An establishment delivering a service, public facts only.
pub(crate) struct Place {
    pub name: String,
    pub commune: String,
    pub address: String,
    pub phone: String,
}

async fn places(
    ctx: &Ctx,
    chrome: &Chrome,
    rows: Vec<establishment::Model>,
) -> Result<Vec<Place>, WebError> {
    let mut out = Vec::new();
    for e in rows {
        let commune = match jisr_domain::geo::CommuneCode::parse(&e.commune_code) {
            Ok(c) => jisr_store::geo::commune(ctx.state.store.conn(), &c)
                .await
                .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
                .unwrap_or_default(),
            Err(_) => String::new(),
        };
        out.push(Place {
            name: chrome.name(&e.name_ar, &e.name_fr).to_owned(),
            commune,
            address: e.address,
            phone: e.phone,
        });
    }
    Ok(out)
}

pub(crate) struct DocumentLine {
    pub code: String,
    pub label: String,
    pub mandatory: bool,
}

pub(crate) fn document_lines(
    chrome: &Chrome,
    docs: &[service_document::Model],
) -> Vec<DocumentLine> {
    docs.iter()
        .map(|d| DocumentLine {
            code: d.code.clone(),
            label: chrome.name(&d.label_ar, &d.label_fr).to_owned(),
            mandatory: d.mandatory,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "eservices/service.html")]
struct ServicePage {
    chrome: Chrome,
    service: ServiceCard,
    eligibility: String,
    documents: Vec<DocumentLine>,
    province: String,
    provinces: Vec<Choice>,
    places: Vec<Place>,
    admission: bool,
}

impl ServicePage {
    fn days(&self) -> String {
        self.chrome.tn(
            "svc-deadline-days",
            self.service.deadline_days.max(0) as usize,
        )
    }
}

pub async fn service_page(
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<CatalogueQuery>,
) -> Result<Response, WebError> {
    let s = jisr_store::services::get(&ctx.state.store, &code).await?;
    let chrome = ctx.chrome("svc-title");
    let title = chrome.name(&s.name_ar, &s.name_fr).to_owned();
    let chrome = chrome.with_title(title);
    let province = ProvinceCode::parse(&q.province)
        .map(|p| p.to_string())
        .unwrap_or_default();
    let docs = jisr_store::services::documents(&ctx.state.store, &s.code).await?;
    let rows = jisr_store::services::deliverers(
        &ctx.state.store,
        &s.code,
        Some(province.as_str()).filter(|p| !p.is_empty()),
    )
    .await?;
    let places = places(&ctx, &chrome, rows).await?;
    let provinces = province_choices(&ctx, &chrome).await?;
    render(ServicePage {
        eligibility: chrome.name(&s.eligibility_ar, &s.eligibility_fr).to_owned(),
        documents: document_lines(&chrome, &docs),
        service: card(&chrome, &s),
        admission: s.admission,
        chrome,
        province,
        provinces,
        places,
    })
    .map(IntoResponse::into_response)
}

/// A file received with a form that was refused for another reason: kept in the file
/// store and carried by the form, so the person does not choose it again.
pub(crate) struct KeptFile {
    pub item: String,
    pub file_name: String,
    /// `sha256|file name`, the hidden field's value.
    pub token: String,
}

#[derive(Template)]
#[template(path = "eservices/apply.html")]
struct ApplyPage {
    chrome: Chrome,
    service: ServiceCard,
    documents: Vec<DocumentLine>,
    province: String,
    province_name: String,
    provinces: Vec<Choice>,
    communes: Vec<Choice>,
    relations: Vec<&'static str>,
    form: ApplicationInput,
    kept: Vec<KeptFile>,
    errors: FieldErrors,
    reference: String,
}

impl ApplyPage {
    fn kept_for(&self, item: &str) -> Option<&KeptFile> {
        self.kept.iter().find(|k| k.item == item)
    }

    fn doc_field(&self, code: &str) -> String {
        format!("doc_{code}")
    }
}

async fn apply_page(
    ctx: &Ctx,
    s: &service::Model,
    province: Option<ProvinceCode>,
    form: ApplicationInput,
    kept: Vec<KeptFile>,
    errors: FieldErrors,
) -> Result<ApplyPage, WebError> {
    let chrome = ctx.chrome("app-title");
    let title = chrome.targs(
        "app-title-for",
        &[("service", chrome.name(&s.name_ar, &s.name_fr).to_owned())],
    );
    let chrome = chrome.with_title(title);
    let docs = jisr_store::services::documents(&ctx.state.store, &s.code).await?;
    let db = ctx.state.store.conn();
    let (communes, province_name) = match &province {
        Some(p) => {
            let name = jisr_store::geo::province(db, p)
                .await
                .map(|x| chrome.name(&x.name_ar, &x.name_fr).to_owned())
                .unwrap_or_default();
            let communes = jisr_store::geo::communes(db, p)
                .await?
                .into_iter()
                .map(|c| Choice {
                    label: chrome.name(&c.name_ar, &c.name_fr).to_owned(),
                    value: c.code,
                })
                .collect();
            (communes, name)
        }
        None => (Vec::new(), String::new()),
    };
    Ok(ApplyPage {
        service: card(&chrome, s),
        documents: document_lines(&chrome, &docs),
        province: province.map(|p| p.to_string()).unwrap_or_default(),
        province_name,
        provinces: province_choices(ctx, &chrome).await?,
        communes,
        relations: RELATIONS.to_vec(),
        form,
        kept,
        errors,
        reference: ctx.state.config.data_protection_reference.clone(),
        chrome,
    })
}

/// The application form. Without a province, the person first says where the
/// beneficiary lives (so the commune list stays short); the processing delegation
/// follows from it.
pub async fn apply_form(
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<CatalogueQuery>,
) -> Result<Response, WebError> {
    let s = jisr_store::services::get(&ctx.state.store, &code).await?;
    let form = ApplicationInput {
        submission_key: uuid::Uuid::new_v4().simple().to_string(),
        applicant_relation: "parent".into(),
        ..Default::default()
    };
    let page = apply_page(
        &ctx,
        &s,
        ProvinceCode::parse(&q.province).ok(),
        form,
        Vec::new(),
        FieldErrors::default(),
    )
    .await?;
    render(page).map(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "eservices/receipt.html")]
struct ReceiptPage {
    chrome: Chrome,
    code: String,
    tracked: Tracked,
    service_name: String,
    already_filed: bool,
}

fn input_of(parts: &FormParts, service: &str, locale: &str) -> ApplicationInput {
    ApplicationInput {
        service: service.to_owned(),
        submission_key: parts.text("submission_key"),
        applicant_relation: parts.text("applicant_relation"),
        applicant_name_ar: parts.text("applicant_name_ar"),
        applicant_name_fr: parts.text("applicant_name_fr"),
        applicant_phone: parts.text("applicant_phone"),
        applicant_email: parts.text("applicant_email"),
        beneficiary_name_ar: parts.text("beneficiary_name_ar"),
        beneficiary_name_fr: parts.text("beneficiary_name_fr"),
        beneficiary_birth_date: parts.text("beneficiary_birth_date"),
        beneficiary_sex: parts.text("beneficiary_sex"),
        beneficiary_national_id: parts.text("beneficiary_national_id"),
        commune: parts.text("commune"),
        household_size: parts.text("household_size"),
        household_facts: parts.text("household_facts"),
        consent: parts.text("consent") == "yes",
        locale: locale.to_owned(),
    }
}

fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The files of the form: those chosen now, and those kept from an earlier try (when
/// not chosen again).
pub(crate) async fn files_of(ctx: &Ctx, parts: &FormParts) -> Vec<Upload> {
    let mut uploads = parts.files.clone();
    for (name, value) in &parts.fields {
        let Some(item) = name.strip_prefix("kept-") else {
            continue;
        };
        if uploads.iter().any(|u| u.requirement == item) {
            continue;
        }
        let Some((sha, file_name)) = value.split_once('|') else {
            continue;
        };
        if !is_sha256(sha) {
            continue;
        }
        if let Ok(bytes) = ctx.state.files.get(sha).await {
            uploads.push(Upload {
                requirement: item.to_owned(),
                file_name: file_name.to_owned(),
                bytes,
            });
        }
    }
    uploads
}

/// Keeps the acceptable files of a refused form so that the next try carries them.
pub(crate) async fn keep(ctx: &Ctx, uploads: &[Upload]) -> Vec<KeptFile> {
    let mut kept = Vec::new();
    for u in uploads {
        if check_upload(&u.bytes, ctx.state.config.max_upload_bytes).is_err() {
            continue;
        }
        if let Ok(sha) = ctx.state.files.put(&u.bytes).await {
            let name: String = u
                .file_name
                .chars()
                .filter(|c| *c != '|')
                .take(120)
                .collect();
            kept.push(KeptFile {
                item: u.requirement.clone(),
                token: format!("{sha}|{name}"),
                file_name: name,
            });
        }
    }
    kept
}

pub(crate) fn upload_errors(
    chrome: &Chrome,
    refused: Vec<(String, jisr_domain::documents::UploadError)>,
) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for (item, e) in refused {
        let key = match e {
            jisr_domain::documents::UploadError::TooLarge => "doc-error-too-large",
            jisr_domain::documents::UploadError::Empty => "doc-error-empty",
            jisr_domain::documents::UploadError::ForbiddenType => "doc-error-type",
        };
        errors.push(format!("doc_{item}"), chrome.t(key));
    }
    errors
}

pub async fn apply(
    ctx: Ctx,
    Path(code): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let s = jisr_store::services::get(&ctx.state.store, &code).await?;
    let parts = read_form(multipart).await.unwrap_or_default();
    let input = input_of(&parts, &s.code, ctx.locale.tag());
    let province = ProvinceCode::parse(&parts.text("province")).ok();
    let uploads = files_of(&ctx, &parts).await;
    let notice = notice_version(&ctx.state.config.data_protection_reference);
    let result = applications::submit(
        &ctx.state.store,
        &ctx.actor,
        &ctx.state.files,
        &notice,
        &input,
        uploads.clone(),
        ctx.state.config.max_upload_bytes,
    )
    .await;
    let chrome = ctx.chrome("app-title");
    let errors = match result {
        Ok(done) => {
            let tracked = applications::track(
                &ctx.state.store,
                &ctx.actor,
                done.tracking_code.as_str(),
                &input.beneficiary_birth_date,
            )
            .await?;
            let chrome = ctx.chrome("app-receipt-title");
            return render(ReceiptPage {
                code: done.tracking_code.display(),
                service_name: chrome.name(&s.name_ar, &s.name_fr).to_owned(),
                tracked,
                already_filed: done.already_filed,
                chrome,
            })
            .map(IntoResponse::into_response);
        }
        Err(ApplicationError::Fields(f)) => FieldErrors::translate(&chrome, f),
        Err(ApplicationError::Uploads(u)) => upload_errors(&chrome, u),
        Err(ApplicationError::Store(e)) => return Err(e.into()),
        Err(other) => return Err(WebError::Internal(other.to_string())),
    };
    let kept = keep(&ctx, &uploads).await;
    let page = apply_page(&ctx, &s, province, input, kept, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TrackForm {
    pub code: String,
    pub secret: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "eservices/track.html")]
struct TrackPage {
    chrome: Chrome,
    form: TrackForm,
    not_found: bool,
}

pub async fn track_form(ctx: Ctx) -> Result<Response, WebError> {
    render(TrackPage {
        chrome: ctx.chrome("track-title"),
        form: TrackForm::default(),
        not_found: false,
    })
    .map(IntoResponse::into_response)
}

/// A line of the applicant's timeline.
pub(crate) struct TimelineLine {
    pub at: String,
    pub status: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "eservices/status.html")]
struct StatusPage {
    chrome: Chrome,
    code: String,
    secret: String,
    tracked: Tracked,
    service_name: String,
    timeline: Vec<TimelineLine>,
    requested: Vec<DocumentLine>,
    place: Option<Place>,
    errors: FieldErrors,
    flash: Option<String>,
    reason: String,
    can_appeal: bool,
}

impl StatusPage {
    fn doc_field(&self, code: &str) -> String {
        format!("doc_{code}")
    }
}

async fn status_page(
    ctx: &Ctx,
    form: &TrackForm,
    errors: FieldErrors,
    flash: Option<&str>,
) -> Result<Response, WebError> {
    let tracked =
        match applications::track(&ctx.state.store, &ctx.actor, &form.code, &form.secret).await {
            Ok(t) => t,
            Err(jisr_store::StoreError::NotFound) => {
                // The code may be a complaint's: its progress is shown instead.
                if let Some(page) = super::grievances::tracked_page(
                    ctx,
                    &form.code,
                    &form.secret,
                    FieldErrors::default(),
                    None,
                    "",
                )
                .await?
                {
                    return Ok(page);
                }
                let page = TrackPage {
                    chrome: ctx.chrome("track-title"),
                    form: TrackForm {
                        code: form.code.clone(),
                        secret: String::new(),
                        reason: String::new(),
                    },
                    not_found: true,
                };
                return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response());
            }
            Err(e) => return Err(e.into()),
        };
    let chrome = ctx.chrome("track-status-title");
    let timeline = tracked
        .events
        .iter()
        .map(|e| TimelineLine {
            at: chrome.time(&e.at),
            status: e.to_status.clone().unwrap_or_default(),
            text: e.text.clone(),
        })
        .collect();
    let place = match &tracked.establishment {
        Some(e) => places(ctx, &chrome, vec![e.clone()]).await?.pop(),
        None => None,
    };
    let appealed = tracked
        .events
        .iter()
        .any(|e| e.to_status.as_deref() == Some("appealed"));
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = StatusPage {
        code: TrackingCode::parse(&tracked.application.tracking_code)
            .map(|c| c.display())
            .unwrap_or_default(),
        secret: form.secret.clone(),
        service_name: chrome
            .name(&tracked.service.name_ar, &tracked.service.name_fr)
            .to_owned(),
        requested: document_lines(&chrome, &tracked.requested),
        can_appeal: tracked.application.status == "refused" && !appealed,
        tracked,
        timeline,
        place,
        errors,
        flash: flash.map(|k| chrome.t(k)),
        reason: form.reason.clone(),
        chrome,
    };
    Ok((status, render(page)?).into_response())
}

pub async fn track(ctx: Ctx, Form(form): Form<TrackForm>) -> Result<Response, WebError> {
    status_page(&ctx, &form, FieldErrors::default(), None).await
}

pub async fn track_documents(
    ctx: Ctx,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let parts = read_form(multipart).await.unwrap_or_default();
    let form = TrackForm {
        code: parts.text("code"),
        secret: parts.text("secret"),
        reason: String::new(),
    };
    let chrome = ctx.chrome("track-title");
    let result = applications::supply_documents(
        &ctx.state.store,
        &ctx.actor,
        &ctx.state.files,
        &form.code,
        &form.secret,
        parts.files,
        ctx.state.config.max_upload_bytes,
    )
    .await;
    match result {
        Ok(()) => {
            status_page(
                &ctx,
                &form,
                FieldErrors::default(),
                Some("track-documents-sent"),
            )
            .await
        }
        Err(ApplicationError::Fields(f)) => {
            status_page(&ctx, &form, FieldErrors::translate(&chrome, f), None).await
        }
        Err(ApplicationError::Uploads(u)) => {
            status_page(&ctx, &form, upload_errors(&chrome, u), None).await
        }
        Err(ApplicationError::Step(_)) => {
            let mut e = FieldErrors::default();
            e.push("documents", chrome.t("track-error-not-now"));
            status_page(&ctx, &form, e, None).await
        }
        Err(ApplicationError::Store(jisr_store::StoreError::NotFound)) => {
            status_page(&ctx, &form, FieldErrors::default(), None).await
        }
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

pub async fn track_appeal(ctx: Ctx, Form(form): Form<TrackForm>) -> Result<Response, WebError> {
    let chrome = ctx.chrome("track-title");
    let result = applications::appeal(
        &ctx.state.store,
        &ctx.actor,
        &form.code,
        &form.secret,
        &form.reason,
    )
    .await;
    match result {
        Ok(()) => {
            let form = TrackForm {
                reason: String::new(),
                ..form
            };
            status_page(
                &ctx,
                &form,
                FieldErrors::default(),
                Some("track-appeal-sent"),
            )
            .await
        }
        Err(ApplicationError::Fields(f)) => {
            status_page(&ctx, &form, FieldErrors::translate(&chrome, f), None).await
        }
        Err(ApplicationError::Step(_)) => {
            let mut e = FieldErrors::default();
            e.push("reason", chrome.t("track-error-not-now"));
            status_page(&ctx, &form, e, None).await
        }
        Err(ApplicationError::Store(jisr_store::StoreError::NotFound)) => {
            status_page(&ctx, &form, FieldErrors::default(), None).await
        }
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use crate::limits::{Limit::*, limited};
    use axum::http::Method;
    use axum::routing::{get, post};
    Routes::new()
        .add(
            Method::GET,
            "/services",
            "/services?need=disability",
            Public,
            get(catalogue),
        )
        .add(
            Method::GET,
            "/services/{code}",
            "/services/disability-centre?province=07.427",
            Public,
            get(service_page),
        )
        .add(
            Method::GET,
            "/services/{code}/apply",
            "/services/disability-centre/apply?province=07.427",
            Public,
            get(apply_form),
        )
        .add(
            Method::POST,
            "/services/{code}/apply",
            "/services/disability-centre/apply",
            Public,
            limited(Filing, post(apply)),
        )
        .add(Method::GET, "/track", "/track", Public, get(track_form))
        .add(
            Method::POST,
            "/track",
            "/track",
            Public,
            limited(Tracking, post(track)),
        )
        .add(
            Method::POST,
            "/track/documents",
            "/track/documents",
            Public,
            limited(Tracking, post(track_documents)),
        )
        .add(
            Method::POST,
            "/track/appeal",
            "/track/appeal",
            Public,
            limited(Tracking, post(track_appeal)),
        )
}
