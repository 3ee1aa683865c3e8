//! Services and applications in JSON: the public catalogue, filing an application and
//! reading its status with the tracking code and a second fact (no account), and the
//! delegation's processing within the caller's scope.

use crate::WebError;
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::auth::{Policy::*, Routes};
use crate::ctx::Ctx;
use axum::Json;
use axum::http::StatusCode;
use base64::Engine;
use jisr_domain::access::Capability;
use jisr_domain::applications::{Decision, Status, TrackingCode};
use jisr_domain::bounds::{DaysAgo, PageNumber};
use jisr_domain::geo::CommuneCode;
use jisr_store::applications::{self, ApplicationError, ApplicationInput, QueueFilter, Scoped};
use jisr_store::documents::Upload;
use jisr_store::entity::{application, service};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

#[derive(Serialize, ToSchema)]
pub struct ServiceDocumentDto {
    pub code: String,
    pub label_ar: String,
    pub label_fr: String,
    pub mandatory: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ServiceDto {
    pub code: String,
    /// `child`, `disability`, `women`, `elderly`, `youth` or `homeless`.
    pub need: String,
    pub name_ar: String,
    pub name_fr: String,
    pub description_ar: String,
    pub description_fr: String,
    pub eligibility_ar: String,
    pub eligibility_fr: String,
    /// Days within which a decision is due.
    pub deadline_days: i32,
    /// Whether accepting places the beneficiary in an establishment.
    pub admission: bool,
    /// The only documents the service may ask for.
    pub documents: Vec<ServiceDocumentDto>,
}

async fn service_dto(ctx: &Ctx, s: service::Model) -> Result<ServiceDto, WebError> {
    let documents = jisr_store::services::documents(&ctx.state.store, &s.code)
        .await?
        .into_iter()
        .map(|d| ServiceDocumentDto {
            code: d.code,
            label_ar: d.label_ar,
            label_fr: d.label_fr,
            mandatory: d.mandatory,
        })
        .collect();
    Ok(ServiceDto {
        code: s.code,
        need: s.need,
        name_ar: s.name_ar,
        name_fr: s.name_fr,
        description_ar: s.description_ar,
        description_fr: s.description_fr,
        eligibility_ar: s.eligibility_ar,
        eligibility_fr: s.eligibility_fr,
        deadline_days: s.deadline_days,
        admission: s.admission,
        documents,
    })
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ServiceQuery {
    /// Only the services answering this need.
    pub need: Option<String>,
}

/// The services catalogue (public).
#[utoipa::path(get, path = "/api/v1/services", tag = "services", operation_id = "list_services",
    params(ServiceQuery), responses((status = 200, body = [ServiceDto])))]
pub async fn list_services(
    ctx: Ctx,
    ApiQuery(q): ApiQuery<ServiceQuery>,
) -> Result<Json<Vec<ServiceDto>>, WebError> {
    let need = q
        .need
        .as_deref()
        .and_then(jisr_domain::services::Need::parse);
    let mut out = Vec::new();
    for s in jisr_store::services::catalogue(&ctx.state.store, need).await? {
        out.push(service_dto(&ctx, s).await?);
    }
    Ok(Json(out))
}

/// One service (public).
#[utoipa::path(get, path = "/api/v1/services/{code}", tag = "services", operation_id = "get_service",
    params(("code" = String, Path, description = "Service code")),
    responses((status = 200, body = ServiceDto), (status = 404, )))]
pub async fn get_service(
    ctx: Ctx,
    ApiPath(code): ApiPath<String>,
) -> Result<Json<ServiceDto>, WebError> {
    let s = jisr_store::services::get(&ctx.state.store, &code).await?;
    Ok(Json(service_dto(&ctx, s).await?))
}

/// The relations of an applicant to the beneficiary.
fn relations() -> utoipa::openapi::schema::ObjectBuilder {
    crate::api::schema::one_of(applications::RELATIONS.iter().copied())
}

/// A document sent with an application, its bytes in base64.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentDto {
    /// One of the service's document codes.
    pub requirement: String,
    pub file_name: String,
    /// The file (PDF, PNG or JPEG), base64-encoded.
    pub content_base64: String,
}

/// An application to file. `submission_key` makes a retry safe: the same key gives back
/// the first application.
///
/// Past what the schema states, the platform's rules refuse with 409, naming each field:
/// an unknown service, a name in neither script (the applicant's, unless applying for
/// oneself; the beneficiary's), a phone that is not a Moroccan number, an e-mail address
/// or national ID that is malformed, a birth date in the future, an unknown commune, a
/// missing mandatory document or a file that is not PDF, PNG or JPEG, no consent.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewApplicationDto {
    pub service: String,
    /// Any text of 1 to 64 characters, unique per application.
    pub submission_key: String,
    #[schema(schema_with = relations)]
    pub applicant_relation: String,
    #[serde(default)]
    #[schema(schema_with = crate::api::schema::person_name)]
    pub applicant_name_ar: String,
    #[serde(default)]
    #[schema(schema_with = crate::api::schema::person_name)]
    pub applicant_name_fr: String,
    pub applicant_phone: String,
    #[serde(default)]
    pub applicant_email: String,
    #[serde(default)]
    #[schema(schema_with = crate::api::schema::person_name)]
    pub beneficiary_name_ar: String,
    #[serde(default)]
    #[schema(schema_with = crate::api::schema::person_name)]
    pub beneficiary_name_fr: String,
    #[schema(schema_with = crate::api::schema::date)]
    pub beneficiary_birth_date: String,
    /// `male` or `female`.
    pub beneficiary_sex: String,
    #[serde(default)]
    pub beneficiary_national_id: String,
    /// HCP commune code where the beneficiary lives.
    #[schema(schema_with = crate::api::schema::commune_code)]
    pub commune_code: String,
    #[serde(default)]
    #[schema(schema_with = crate::api::schema::household_size)]
    pub household_size: Option<u32>,
    #[serde(default)]
    #[schema(schema_with = crate::api::schema::household_facts)]
    pub household_facts: String,
    /// `ar`, `fr` or `zgh`: the language of the notifications.
    #[serde(default)]
    pub locale: String,
    /// The applicant read the data-protection notice (see `/services/{code}/apply`) and
    /// agrees; required.
    pub consent: bool,
    #[serde(default)]
    pub documents: Vec<DocumentDto>,
}

#[derive(Serialize, ToSchema)]
pub struct FiledDto {
    /// `XXXX-XXXX-XX`: with the birth date or the phone, it opens the status.
    pub tracking_code: String,
    pub status: String,
    pub due_on: String,
    /// True when the same `submission_key` had already filed it.
    pub already_filed: bool,
}

/// Refusals of the document's constraints (422) or, past them, of the platform's rules
/// (409), each field named; `malformed` says whether the body broke a stated format.
fn fields(f: Vec<(String, &'static str)>, malformed: bool) -> WebError {
    let named: Vec<(String, &'static str)> = f
        .into_iter()
        .map(|(field, key)| {
            let field = if field == "commune" {
                "commune_code".to_owned()
            } else if let Some(item) = field.strip_prefix("doc_") {
                format!("documents.{item}")
            } else {
                field
            };
            (field, key)
        })
        .collect();
    if malformed || named.iter().any(|(_, key)| STATED.contains(key)) {
        WebError::Invalid(named)
    } else {
        WebError::Conflict(named)
    }
}

/// The refusals whose rule the document states (an enumeration, a bound, a length).
const STATED: &[&str] = &[
    "app-error-relation",
    "app-error-too-long",
    "app-error-household-size",
];

fn application_error(e: ApplicationError) -> WebError {
    match e {
        ApplicationError::Fields(f) => fields(f, false),
        ApplicationError::Uploads(u) => WebError::Conflict(
            u.into_iter()
                .map(|(item, _)| (format!("documents.{item}"), "doc-error-type"))
                .collect(),
        ),
        ApplicationError::Step(_) => {
            WebError::Conflict(vec![("step".into(), "app-error-step-now")])
        }
        ApplicationError::Rating(_) => {
            WebError::Conflict(vec![("ratings".into(), "app-error-rating")])
        }
        ApplicationError::NoPlace => {
            WebError::Conflict(vec![("step".into(), "app-error-no-place")])
        }
        ApplicationError::Store(s) => s.into(),
    }
}

/// Files an application (public, no account).
#[utoipa::path(post, path = "/api/v1/applications", tag = "applications", operation_id = "submit_application",
    request_body = NewApplicationDto,
    responses((status = 201, body = FiledDto),
              (status = 422, description = "Fields refused, each named in `errors`"),
              (status = 404, description = "Unknown service")))]
pub async fn submit_application(
    ctx: Ctx,
    body: Result<ApiJson<NewApplicationDto>, WebError>,
) -> Result<(StatusCode, Json<FiledDto>), WebError> {
    let ApiJson(b) = body?;
    // The formats the document states (a commune code, a date), checked as written.
    let malformed = CommuneCode::parse_exact(&b.commune_code).is_err()
        || chrono::NaiveDate::parse_from_str(&b.beneficiary_birth_date, "%Y-%m-%d").is_err();
    let mut uploads = Vec::new();
    let mut bad = Vec::new();
    for d in b.documents {
        match base64::engine::general_purpose::STANDARD.decode(d.content_base64.trim()) {
            Ok(bytes) => uploads.push(Upload {
                requirement: d.requirement,
                file_name: d.file_name,
                bytes,
            }),
            Err(_) => bad.push((format!("documents.{}", d.requirement), "doc-error-type")),
        }
    }
    if !bad.is_empty() {
        return Err(WebError::Conflict(bad));
    }
    let input = ApplicationInput {
        service: b.service,
        submission_key: b.submission_key,
        applicant_relation: b.applicant_relation,
        applicant_name_ar: b.applicant_name_ar,
        applicant_name_fr: b.applicant_name_fr,
        applicant_phone: b.applicant_phone,
        applicant_email: b.applicant_email,
        beneficiary_name_ar: b.beneficiary_name_ar,
        beneficiary_name_fr: b.beneficiary_name_fr,
        beneficiary_birth_date: b.beneficiary_birth_date,
        beneficiary_sex: b.beneficiary_sex,
        beneficiary_national_id: b.beneficiary_national_id,
        commune: b.commune_code,
        household_size: b.household_size.map(|n| n.to_string()).unwrap_or_default(),
        household_facts: b.household_facts,
        consent: b.consent,
        locale: if b.locale.is_empty() {
            ctx.locale.tag().to_owned()
        } else {
            b.locale
        },
    };
    let notice =
        crate::views::eservices::notice_version(&ctx.state.config.data_protection_reference);
    let done = applications::submit(
        &ctx.state.store,
        &ctx.actor,
        &ctx.state.files,
        &notice,
        &input,
        uploads,
        ctx.state.config.max_upload_bytes,
    )
    .await
    .map_err(|e| match e {
        ApplicationError::Fields(f) => fields(f, malformed),
        other => application_error(other),
    })?;
    let t = applications::track(
        &ctx.state.store,
        &ctx.actor,
        done.tracking_code.as_str(),
        &input.beneficiary_birth_date,
    )
    .await?;
    let status = if done.already_filed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((
        status,
        Json(FiledDto {
            tracking_code: done.tracking_code.display(),
            status: t.application.status,
            due_on: t.application.due_on,
            already_filed: done.already_filed,
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusQueryDto {
    pub tracking_code: String,
    /// The beneficiary's date of birth, or the applicant's phone.
    pub secret: String,
}

#[derive(Serialize, ToSchema)]
pub struct EventDto {
    pub at: String,
    /// The status reached, when the line is a change of status.
    pub status: Option<String>,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct StatusDto {
    pub tracking_code: String,
    pub service: String,
    pub status: String,
    pub submitted_at: String,
    pub due_on: String,
    pub decision_reason: String,
    /// Rank on the waiting list, when waiting.
    pub rank: Option<usize>,
    /// Where the beneficiary was admitted, when placed.
    pub establishment: Option<String>,
    /// Documents asked for, when a request is pending.
    pub requested: Vec<String>,
    pub events: Vec<EventDto>,
}

/// The status of an application, for its applicant (public: tracking code and second
/// fact; anything wrong answers 404).
#[utoipa::path(post, path = "/api/v1/applications/status", tag = "applications", operation_id = "application_status",
    request_body = StatusQueryDto,
    responses((status = 200, body = StatusDto), (status = 404, )))]
pub async fn application_status(
    ctx: Ctx,
    body: Result<ApiJson<StatusQueryDto>, WebError>,
) -> Result<Json<StatusDto>, WebError> {
    let ApiJson(b) = body?;
    let t = applications::track(&ctx.state.store, &ctx.actor, &b.tracking_code, &b.secret).await?;
    Ok(Json(StatusDto {
        tracking_code: TrackingCode::parse(&t.application.tracking_code)
            .map(|c| c.display())
            .unwrap_or_default(),
        service: t.application.service_code.clone(),
        status: t.application.status.clone(),
        submitted_at: t.application.submitted_at.clone(),
        due_on: t.application.due_on.clone(),
        decision_reason: t.application.decision_reason.clone(),
        rank: t.rank,
        establishment: t.establishment.as_ref().map(|e| e.name_fr.clone()),
        requested: t.requested.iter().map(|d| d.code.clone()).collect(),
        events: t
            .events
            .iter()
            .map(|e| EventDto {
                at: e.at.clone(),
                status: e.to_status.clone(),
                text: e.text.clone(),
            })
            .collect(),
    }))
}

/// An application as the delegation sees it.
#[derive(Serialize, ToSchema)]
pub struct ApplicationDto {
    pub id: i64,
    pub tracking_code: String,
    pub service: String,
    pub status: String,
    pub commune_code: String,
    pub province_code: String,
    pub submitted_at: String,
    pub due_on: String,
    /// Days left to the deadline (negative once overdue), while a decision is awaited.
    pub days_left: Option<i64>,
    pub beneficiary_name_ar: String,
    pub beneficiary_name_fr: String,
    pub beneficiary_birth_date: String,
    pub beneficiary_sex: String,
    pub assigned_to: Option<i64>,
    pub score: Option<i32>,
    pub establishment_id: Option<i64>,
}

fn dto(a: application::Model, days_left: Option<i64>) -> ApplicationDto {
    ApplicationDto {
        id: a.id,
        tracking_code: TrackingCode::parse(&a.tracking_code)
            .map(|c| c.display())
            .unwrap_or_default(),
        service: a.service_code,
        status: a.status,
        commune_code: a.commune_code,
        province_code: a.province_code,
        submitted_at: a.submitted_at,
        due_on: a.due_on,
        days_left,
        beneficiary_name_ar: a.beneficiary_name_ar,
        beneficiary_name_fr: a.beneficiary_name_fr,
        beneficiary_birth_date: a.beneficiary_birth_date,
        beneficiary_sex: a.beneficiary_sex,
        assigned_to: a.assigned_to,
        score: a.score,
        establishment_id: a.establishment_id,
    }
}

#[derive(Serialize, ToSchema)]
pub struct ApplicationPage {
    pub total: u64,
    pub page: u64,
    pub items: Vec<ApplicationDto>,
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct QueueQuery {
    /// Only applications to this service (its code).
    pub service: Option<String>,
    /// Only applications in this status.
    #[param(inline)]
    pub status: Option<Status>,
    /// Only applications about this commune (HCP code).
    #[param(inline)]
    pub commune: Option<CommuneCode>,
    /// Only applications filed at least this many days ago.
    #[param(inline)]
    pub older_than: Option<DaysAgo>,
    /// 1-based page of 25.
    #[param(inline)]
    pub page: Option<PageNumber>,
}

/// The processing queue within the caller's scope: awaiting a decision first, nearest
/// deadline first.
#[utoipa::path(get, path = "/api/v1/applications", tag = "applications", operation_id = "list_applications",
    security(("bearer" = [])), params(QueueQuery),
    responses((status = 200, body = ApplicationPage), (status = 401, )))]
pub async fn list_applications(
    ctx: Ctx,
    ApiQuery(q): ApiQuery<QueueQuery>,
) -> Result<Json<ApplicationPage>, WebError> {
    let filter = QueueFilter {
        service: q.service.unwrap_or_default(),
        status: q.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        commune: q.commune.map(String::from).unwrap_or_default(),
        older_than: q.older_than,
        assigned_to: None,
        page: q.page.map(|p| p.get().into()),
    };
    let (rows, total) = Scoped::from(ctx.access()).queue(&filter).await?;
    Ok(Json(ApplicationPage {
        total,
        page: q.page.unwrap_or_default().get().into(),
        items: rows
            .into_iter()
            .map(|r| dto(r.application, r.days_left))
            .collect(),
    }))
}

/// One application within the caller's scope (reading it is audited).
#[utoipa::path(get, path = "/api/v1/applications/{id}", tag = "applications", operation_id = "get_application",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Application id")),
    responses((status = 200, body = ApplicationDto), (status = 404, )))]
pub async fn get_application(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ApplicationDto>, WebError> {
    let r = Scoped::from(ctx.access()).get(&ctx.actor, id).await?;
    Ok(Json(dto(r.tracked.application, r.days_left)))
}

/// The application as it stands after a step (the read is audited, like any opening).
async fn current(
    ctx: &Ctx,
    scoped: &Scoped<'_>,
    id: i64,
) -> Result<Json<ApplicationDto>, WebError> {
    let r = scoped.get(&ctx.actor, id).await?;
    Ok(Json(dto(r.tracked.application, r.days_left)))
}

/// A decision (or the decision on an appeal), with its reasons.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionDto {
    pub decision: Decision,
    pub reason: String,
}

/// Decides an application within scope; accepting an admission places the beneficiary
/// or puts them on the waiting list.
#[utoipa::path(post, path = "/api/v1/applications/{id}/decision", tag = "applications", operation_id = "decide_application",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Application id")), request_body = DecisionDto,
    responses((status = 200, body = ApplicationDto), (status = 422, ),
              (status = 404, )))]
pub async fn decide_application(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
    body: Result<ApiJson<DecisionDto>, WebError>,
) -> Result<Json<ApplicationDto>, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.ensure(id).await?;
    let ApiJson(b) = body?;
    let decision = b.decision;
    scoped
        .decide(&ctx.actor, id, decision, &b.reason)
        .await
        .map_err(application_error)?;
    current(&ctx, &scoped, id).await
}

/// The single request for missing documents.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentRequestDto {
    /// Codes of the service's documents.
    pub items: Vec<String>,
    /// The message to the applicant.
    pub message: String,
}

/// Asks the applicant, once, for documents the service publishes.
#[utoipa::path(post, path = "/api/v1/applications/{id}/document-request", tag = "applications", operation_id = "request_application_documents",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Application id")), request_body = DocumentRequestDto,
    responses((status = 200, body = ApplicationDto), (status = 422, ),
              (status = 404, )))]
pub async fn request_application_documents(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
    body: Result<ApiJson<DocumentRequestDto>, WebError>,
) -> Result<Json<ApplicationDto>, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.ensure(id).await?;
    let ApiJson(b) = body?;
    scoped
        .request_documents(&ctx.actor, id, &b.items, &b.message)
        .await
        .map_err(application_error)?;
    current(&ctx, &scoped, id).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignDto {
    /// The account of a social worker covering the application's province.
    pub user_id: i64,
}

/// Gives the application to a social worker.
#[utoipa::path(post, path = "/api/v1/applications/{id}/assignment", tag = "applications", operation_id = "assign_application",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Application id")), request_body = AssignDto,
    responses((status = 200, body = ApplicationDto), (status = 422, ),
              (status = 404, )))]
pub async fn assign_application(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
    body: Result<ApiJson<AssignDto>, WebError>,
) -> Result<Json<ApplicationDto>, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.ensure(id).await?;
    let ApiJson(b) = body?;
    scoped
        .assign(&ctx.actor, id, b.user_id)
        .await
        .map_err(application_error)?;
    current(&ctx, &scoped, id).await
}

/// The API operations of this context, each with its policy.
pub fn routes() -> Routes {
    use crate::limits::{Limit, limited_api};
    Routes::new()
        .api(
            "/api/v1/services?need=disability",
            Public,
            routes!(list_services),
        )
        .api(
            "/api/v1/services/disability-centre",
            Public,
            routes!(get_service),
        )
        .api(
            "/api/v1/applications",
            Public,
            limited_api(Limit::Filing, routes!(submit_application)),
        )
        .api(
            "/api/v1/applications/status",
            Public,
            limited_api(Limit::Tracking, routes!(application_status)),
        )
        .api(
            "/api/v1/applications",
            Can(Capability::ProcessApplications),
            routes!(list_applications),
        )
        .api_record(
            "/api/v1/applications/1",
            Some("/api/v1/applications/2"),
            Can(Capability::ProcessApplications),
            routes!(get_application),
        )
        .api_record(
            "/api/v1/applications/1/decision",
            Some("/api/v1/applications/2/decision"),
            Can(Capability::ProcessApplications),
            routes!(decide_application),
        )
        .api_record(
            "/api/v1/applications/1/document-request",
            Some("/api/v1/applications/2/document-request"),
            Can(Capability::ProcessApplications),
            routes!(request_application_documents),
        )
        .api_record(
            "/api/v1/applications/1/assignment",
            Some("/api/v1/applications/2/assignment"),
            Can(Capability::ProcessApplications),
            routes!(assign_application),
        )
}
