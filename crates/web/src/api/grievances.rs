//! Complaints in JSON: the categories and filing without an account (a retry with the
//! same key files one complaint and answers the same receipt), the complainant's status
//! with the tracking code and the phone or e-mail given, and the delegation's handling
//! within the caller's scope (queue, record, assignment, notes, steps). Every check is
//! the public form's own (`jisr_store::grievances`); another territory's complaint, or a
//! confidential one the caller's role may not read, answers 404.

use crate::WebError;
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::auth::{Policy::*, Routes};
use crate::ctx::Ctx;
use crate::views::grievances::step_error_key;
use axum::Json;
use axum::http::{HeaderMap, StatusCode};
use base64::Engine;
use jisr_domain::access::Capability;
use jisr_domain::applications::TrackingCode;
use jisr_domain::bounds::PageNumber;
use jisr_domain::geo::CommuneCode;
use jisr_domain::grievances::{AnswerBy, FACTS_MAX_CHARS, Status, Step, StepError};
use jisr_store::documents::Upload;
use jisr_store::entity::{grievance, grievance_category, timeline_event};
use jisr_store::grievances::{
    self, FIELD_MAX_CHARS, GrievanceError, GrievanceInput, QueueFilter, QueueRow, Scoped,
};
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

/// The longest retry key, in bytes.
const KEY_MAX: usize = 64;

fn display_code(stored: &str) -> String {
    TrackingCode::parse(stored)
        .map(|c| c.display())
        .unwrap_or_default()
}

fn text(max: usize) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .max_length(Some(max))
}

fn short_text() -> ObjectBuilder {
    text(FIELD_MAX_CHARS)
}

fn long_text() -> ObjectBuilder {
    text(FACTS_MAX_CHARS)
}

fn retry_key() -> ObjectBuilder {
    text(KEY_MAX)
}

fn answer_by() -> ObjectBuilder {
    crate::api::schema::one_of(AnswerBy::ALL.iter().map(|a| a.as_str()))
}

fn statuses() -> ObjectBuilder {
    crate::api::schema::one_of(Status::ALL.iter().map(|s| s.as_str()))
}

fn steps() -> ObjectBuilder {
    crate::api::schema::one_of(["acknowledge", "examine", "answer", "close"])
}

fn nullable_commune() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    crate::api::schema::nullable_commune_code()
}

fn evidence_items() -> ObjectBuilder {
    crate::api::schema::one_of(grievances::EVIDENCE.iter().copied())
}

/// A category of complaint, with its deadlines.
#[derive(Serialize, ToSchema)]
pub struct GrievanceCategoryDto {
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    /// Days to acknowledge the complaint.
    pub ack_days: i32,
    /// Days to answer it.
    pub answer_days: i32,
    /// Handled at once by the provincial officer and the inspectors.
    pub urgent: bool,
    /// Read by few roles (never the establishment's manager nor social workers).
    pub confidential: bool,
    /// The complainant must give their name: no anonymous filing.
    pub needs_identity: bool,
}

impl From<grievance_category::Model> for GrievanceCategoryDto {
    fn from(c: grievance_category::Model) -> Self {
        Self {
            code: c.code,
            name_ar: c.name_ar,
            name_fr: c.name_fr,
            ack_days: c.ack_days,
            answer_days: c.answer_days,
            urgent: c.urgent,
            confidential: c.confidential,
            needs_identity: c.needs_identity,
        }
    }
}

/// The categories of complaint, in their order (public).
#[utoipa::path(get, path = "/api/v1/complaint-categories", tag = "complaints", operation_id = "list_grievance_categories",
    responses((status = 200, body = [GrievanceCategoryDto])))]
pub async fn list_grievance_categories(
    ctx: Ctx,
) -> Result<Json<Vec<GrievanceCategoryDto>>, WebError> {
    Ok(Json(
        grievances::categories(&ctx.state.store)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// A piece of evidence sent with a complaint, its bytes in base64.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrievanceDocumentDto {
    #[schema(schema_with = evidence_items)]
    pub item: String,
    pub file_name: String,
    /// The file (PDF, PNG or JPEG), base64-encoded.
    pub content_base64: String,
}

/// A complaint to file, without an account. A retry is safe: the same key (the
/// `Idempotency-Key` header, else `submission_key`) files one complaint and answers the
/// same receipt.
///
/// Past what the schema states, the platform's rules refuse with 409, naming every
/// field at once: an unknown category, anonymous filing for a category that needs the
/// complainant's identity (or with a way to be answered), no name, a phone that is not
/// a Moroccan number, a malformed e-mail address, the contact the chosen answer needs,
/// facts shorter than 10 characters, an unknown commune or establishment, a contested
/// tracking code or receipt number that is unknown (or whose applicant's phone is not
/// the one given), no place, no consent; then files that are not PDF, PNG or JPEG.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrievanceFilingDto {
    /// Any text of 1 to 64 characters, unique per complaint (when no `Idempotency-Key`
    /// header is sent).
    #[serde(default)]
    #[schema(schema_with = retry_key)]
    pub submission_key: String,
    /// A category code (see `/api/v1/complaint-categories`).
    pub category: String,
    /// Where it happened, when no establishment is named (HCP commune code).
    #[serde(default)]
    #[schema(schema_with = nullable_commune)]
    pub commune_code: Option<String>,
    /// An establishment of the public directory.
    #[serde(default)]
    pub establishment_id: Option<i64>,
    #[serde(default)]
    pub anonymous: bool,
    #[serde(default)]
    #[schema(schema_with = short_text)]
    pub name: String,
    #[serde(default)]
    #[schema(schema_with = short_text)]
    pub phone: String,
    #[serde(default)]
    #[schema(schema_with = short_text)]
    pub email: String,
    #[serde(default)]
    #[schema(schema_with = short_text)]
    pub address: String,
    /// How the complainant is answered (`none` when anonymous).
    #[schema(schema_with = answer_by)]
    pub answer_by: String,
    /// What happened (10 characters at least).
    #[schema(schema_with = long_text)]
    pub facts: String,
    /// The decision contested: an application's tracking code or an authorisation's
    /// receipt number.
    #[serde(default)]
    #[schema(schema_with = short_text)]
    pub contested: String,
    /// The complainant read the data-protection notice (see `/complaints/new`) and
    /// agrees; required.
    pub consent: bool,
    /// `ar`, `fr` or `zgh`: the language of the notifications.
    #[serde(default)]
    pub locale: String,
    #[serde(default)]
    pub documents: Vec<GrievanceDocumentDto>,
}

/// The receipt of a filed complaint.
#[derive(Serialize, ToSchema)]
pub struct GrievanceReceiptDto {
    /// `XXXX-XXXX-XX`: with the phone or e-mail given (alone when none was), it opens
    /// the status.
    pub tracking_code: String,
    /// The day the answer is due.
    pub answer_due: String,
    /// True when the same key had already filed it: nothing new was filed.
    pub already_filed: bool,
}

/// The refusals whose rule the document states (a bound, a list).
const STATED: &[&str] = &["grv-error-too-long", "grv-error-answer-by"];

fn api_field(field: String) -> String {
    match field.as_str() {
        "commune" => "commune_code".into(),
        "establishment" => "establishment_id".into(),
        "user" => "user_id".into(),
        _ => field,
    }
}

fn fields(f: Vec<(String, &'static str)>, malformed: bool) -> WebError {
    let named: Vec<(String, &'static str)> =
        f.into_iter().map(|(k, v)| (api_field(k), v)).collect();
    if malformed || named.iter().any(|(_, key)| STATED.contains(key)) {
        WebError::Invalid(named)
    } else {
        WebError::Conflict(named)
    }
}

fn refused(e: GrievanceError) -> WebError {
    match e {
        GrievanceError::Fields(f) => fields(f, false),
        GrievanceError::Uploads(u) => WebError::Conflict(
            u.into_iter()
                .map(|(item, _)| (format!("documents.{item}"), "doc-error-type"))
                .collect(),
        ),
        GrievanceError::Step(s) => {
            let field = if s == StepError::ReasonMissing {
                "reasons"
            } else {
                "step"
            };
            WebError::Conflict(vec![(field.into(), step_error_key(s))])
        }
        GrievanceError::Store(s) => s.into(),
    }
}

/// Files a complaint (public, no account).
#[utoipa::path(post, path = "/api/v1/complaints", tag = "complaints", operation_id = "file_grievance",
    params(("Idempotency-Key" = Option<String>, Header, max_length = 64,
            description = "Makes a retry safe: the same key answers the first receipt")),
    request_body = GrievanceFilingDto,
    responses((status = 201, body = GrievanceReceiptDto, description = "Filed"),
              (status = 200, body = GrievanceReceiptDto, description = "Already filed with this key: the same receipt")))]
pub async fn file_grievance(
    ctx: Ctx,
    headers: HeaderMap,
    body: Result<ApiJson<GrievanceFilingDto>, WebError>,
) -> Result<(StatusCode, Json<GrievanceReceiptDto>), WebError> {
    let ApiJson(b) = body?;
    let header_key = headers
        .get("idempotency-key")
        .map(|v| v.to_str().map(str::trim).map(str::to_owned));
    let key = match header_key {
        Some(Ok(k)) if !k.is_empty() => k,
        Some(Err(_)) => return Err(WebError::BadRequest("error-malformed-json")),
        _ => b.submission_key.trim().to_owned(),
    };
    // The formats the document states (a commune code), checked as written.
    let malformed = b
        .commune_code
        .as_deref()
        .is_some_and(|c| CommuneCode::parse_exact(c).is_err());
    let mut uploads = Vec::new();
    let mut bad = Vec::new();
    for d in b.documents {
        match base64::engine::general_purpose::STANDARD.decode(d.content_base64.trim()) {
            Ok(bytes) => uploads.push(Upload {
                requirement: d.item,
                file_name: d.file_name,
                bytes,
            }),
            Err(_) => bad.push((format!("documents.{}", d.item), "doc-error-type")),
        }
    }
    let input = GrievanceInput {
        submission_key: key.clone(),
        category: b.category,
        channel: String::new(),
        commune: b.commune_code.unwrap_or_default(),
        establishment: b
            .establishment_id
            .map(|i| i.to_string())
            .unwrap_or_default(),
        anonymous: b.anonymous,
        name: b.name,
        phone: b.phone,
        email: b.email,
        address: b.address,
        answer_by: b.answer_by,
        facts: b.facts,
        contested: b.contested,
        consent: b.consent,
        locale: if b.locale.is_empty() {
            ctx.locale.tag().to_owned()
        } else {
            b.locale
        },
        received_on: String::new(),
    };
    // No key, or one too long: refused with every other error of the complaint. A key
    // longer than the document states breaks the schema; a missing one (header and body
    // both being optional there) is the platform's rule.
    if key.is_empty() || key.len() > KEY_MAX {
        let malformed = malformed || key.len() > KEY_MAX;
        let mut errors = vec![("submission_key".to_owned(), "grv-error-retry-key")];
        if let Err(GrievanceError::Fields(f)) =
            grievances::check_filing(&ctx.state.store, &input).await
        {
            errors.extend(f);
        }
        return Err(fields(errors, malformed));
    }
    if !bad.is_empty() {
        return Err(WebError::Conflict(bad));
    }
    let notice =
        crate::views::eservices::notice_version(&ctx.state.config.data_protection_reference);
    let done = grievances::file(
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
        GrievanceError::Fields(f) => fields(f, malformed),
        other => refused(other),
    })?;
    let status = if done.already_filed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((
        status,
        Json(GrievanceReceiptDto {
            tracking_code: done.tracking_code.display(),
            answer_due: done.answer_due,
            already_filed: done.already_filed,
        }),
    ))
}

/// What opens a complaint's status.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrievanceStatusQueryDto {
    pub tracking_code: String,
    /// The phone or e-mail given when filing (empty when none was given).
    #[serde(default)]
    pub secret: String,
}

/// A line of a complaint's timeline.
#[derive(Serialize, ToSchema)]
pub struct GrievanceEventDto {
    pub at: String,
    /// `status` (a change of status), `note` (an internal note, staff only) or
    /// `escalated-region` (past the deadline, staff only).
    pub kind: String,
    /// The status reached, when the line is a change of status.
    pub status: Option<String>,
    pub text: String,
    /// Shown to the complainant.
    pub public: bool,
}

fn event_dto(e: &timeline_event::Model) -> GrievanceEventDto {
    GrievanceEventDto {
        at: e.at.clone(),
        kind: e.kind.clone(),
        status: e.to_status.clone(),
        text: e.text.clone(),
        public: e.public,
    }
}

/// A complaint as its complainant follows it.
#[derive(Serialize, ToSchema)]
pub struct GrievanceStatusDto {
    pub tracking_code: String,
    pub category: String,
    pub status: String,
    pub filed_at: String,
    pub answer_due: String,
    /// The answer with its reasons, once answered.
    pub answer: String,
    /// The answer may still be contested (once, from `/track`).
    pub can_appeal: bool,
    /// The public lines of the timeline, oldest first.
    pub events: Vec<GrievanceEventDto>,
}

/// The status of a complaint, for its complainant (public: the tracking code and the
/// phone or e-mail given; anything wrong answers 404). The look-up is audited.
#[utoipa::path(post, path = "/api/v1/complaints/status", tag = "complaints", operation_id = "grievance_status",
    request_body = GrievanceStatusQueryDto,
    responses((status = 200, body = GrievanceStatusDto), (status = 404, description = "No complaint with this code and contact")))]
pub async fn grievance_status(
    ctx: Ctx,
    body: Result<ApiJson<GrievanceStatusQueryDto>, WebError>,
) -> Result<Json<GrievanceStatusDto>, WebError> {
    let ApiJson(b) = body?;
    let t = grievances::track(&ctx.state.store, &ctx.actor, &b.tracking_code, &b.secret).await?;
    Ok(Json(GrievanceStatusDto {
        tracking_code: display_code(&t.grievance.tracking_code),
        category: t.grievance.category_code.clone(),
        status: t.grievance.status.clone(),
        filed_at: t.grievance.filed_at.clone(),
        answer_due: t.grievance.answer_due.clone(),
        answer: t.grievance.answer.clone(),
        can_appeal: t.can_appeal,
        events: t.events.iter().map(event_dto).collect(),
    }))
}

/// A complaint as the queue shows it (no name, contact, place or text).
#[derive(Serialize, ToSchema)]
pub struct GrievanceDto {
    pub id: i64,
    pub tracking_code: String,
    pub category: String,
    /// `online`, `counter`, `phone` or `letter`.
    pub channel: String,
    pub status: String,
    /// `normal`, `urgent` or `escalated` (unanswered past the deadline: the region).
    pub level: String,
    pub province_code: String,
    pub commune_code: Option<String>,
    pub establishment_id: Option<i64>,
    pub urgent: bool,
    pub confidential: bool,
    pub filed_at: String,
    pub ack_due: String,
    pub answer_due: String,
    /// Days left to the deadline (negative once overdue), while an answer is awaited.
    pub days_left: Option<i64>,
    pub assigned_to: Option<i64>,
    /// `application` or `authorisation`, when it contests a decision.
    pub contests_kind: Option<String>,
    pub contests_id: Option<i64>,
}

fn dto(r: &QueueRow) -> GrievanceDto {
    let g: &grievance::Model = &r.grievance;
    GrievanceDto {
        id: g.id,
        tracking_code: display_code(&g.tracking_code),
        category: g.category_code.clone(),
        channel: g.channel.clone(),
        status: g.status.clone(),
        level: r.level.as_str().to_owned(),
        province_code: g.province_code.clone(),
        commune_code: g.commune_code.clone(),
        establishment_id: g.establishment_id,
        urgent: g.urgent,
        confidential: g.confidential,
        filed_at: g.filed_at.clone(),
        ack_due: g.ack_due.clone(),
        answer_due: g.answer_due.clone(),
        days_left: r.days_left,
        assigned_to: g.assigned_to,
        contests_kind: g.contests_kind.clone(),
        contests_id: g.contests_id,
    }
}

#[derive(Serialize, ToSchema)]
pub struct GrievancePage {
    pub total: u64,
    pub page: u64,
    pub items: Vec<GrievanceDto>,
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct GrievanceQueueQuery {
    /// Only complaints in this status.
    #[param(schema_with = statuses)]
    pub status: Option<String>,
    /// Only complaints of this category (its code).
    #[param(max_length = 64)]
    pub category: Option<String>,
    /// Only those unanswered past their deadline (escalated to the region).
    pub escalated: Option<bool>,
    /// 1-based page of 25.
    #[param(inline)]
    pub page: Option<PageNumber>,
}

/// The queue within the caller's scope: awaiting an answer first, urgent first, then
/// the nearest deadline (the overdue first). Confidential complaints only for the roles
/// that read them.
#[utoipa::path(get, path = "/api/v1/complaints", tag = "complaints", operation_id = "list_grievances",
    security(("bearer" = [])), params(GrievanceQueueQuery),
    responses((status = 200, body = GrievancePage)))]
pub async fn list_grievances(
    ctx: Ctx,
    ApiQuery(q): ApiQuery<GrievanceQueueQuery>,
) -> Result<Json<GrievancePage>, WebError> {
    if q.category
        .as_ref()
        .is_some_and(|c| c.chars().count() > KEY_MAX)
    {
        return Err(WebError::BadRequest("error-malformed-query"));
    }
    let status = match q.status.as_deref() {
        None => String::new(),
        Some(s) => Status::parse(s)
            .ok_or(WebError::BadRequest("error-malformed-query"))?
            .as_str()
            .to_owned(),
    };
    let filter = QueueFilter {
        status,
        category: q.category.unwrap_or_default(),
        escalated: q.escalated.unwrap_or(false),
        page: q.page.map(|p| p.get().into()),
    };
    crate::views::grievances::escalate_overdue(&ctx).await?;
    let (rows, total) = Scoped::from(ctx.access()).queue(&filter).await?;
    Ok(Json(GrievancePage {
        total,
        page: q.page.unwrap_or_default().get().into(),
        items: rows.iter().map(dto).collect(),
    }))
}

/// A piece of evidence kept with a complaint.
#[derive(Serialize, ToSchema)]
pub struct GrievanceFileDto {
    pub id: i64,
    pub item: Option<String>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
}

/// A complaint with everything staff need to handle it.
#[derive(Serialize, ToSchema)]
pub struct GrievanceRecordDto {
    #[serde(flatten)]
    pub complaint: GrievanceDto,
    pub anonymous: bool,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub answer_by: String,
    pub facts: String,
    pub answer: String,
    pub answered_at: Option<String>,
    pub appeal_reasons: String,
    pub closed_at: Option<String>,
    /// The caller may take the handling steps (not only read).
    pub can_handle: bool,
    /// Every line of the timeline, internal notes included, oldest first.
    pub events: Vec<GrievanceEventDto>,
    pub documents: Vec<GrievanceFileDto>,
}

async fn record(ctx: &Ctx, scoped: &Scoped<'_>, id: i64) -> Result<GrievanceRecordDto, WebError> {
    let r = scoped.get(&ctx.actor, id).await?;
    let row = QueueRow {
        grievance: r.grievance.clone(),
        level: r.level,
        days_left: r.days_left,
    };
    let g = r.grievance;
    Ok(GrievanceRecordDto {
        complaint: dto(&row),
        anonymous: g.anonymous,
        name: g.name,
        phone: g.phone,
        email: g.email,
        address: g.address,
        answer_by: g.answer_by,
        facts: g.facts,
        answer: g.answer,
        answered_at: g.answered_at,
        appeal_reasons: g.appeal_reasons,
        closed_at: g.closed_at,
        can_handle: r.can_handle,
        events: r.events.iter().map(event_dto).collect(),
        documents: r
            .documents
            .into_iter()
            .map(|d| GrievanceFileDto {
                id: d.id,
                item: d.requirement_code,
                file_name: d.file_name,
                content_type: d.content_type,
                size_bytes: d.size_bytes,
            })
            .collect(),
    })
}

/// One complaint within the caller's scope; opening it is audited, as on the page.
#[utoipa::path(get, path = "/api/v1/complaints/{id}", tag = "complaints", operation_id = "get_grievance",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Complaint id")),
    responses((status = 200, body = GrievanceRecordDto)))]
pub async fn get_grievance(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<GrievanceRecordDto>, WebError> {
    let scoped = Scoped::from(ctx.access());
    Ok(Json(record(&ctx, &scoped, id).await?))
}

/// A step of the handling.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrievanceStepDto {
    #[schema(schema_with = steps)]
    pub step: String,
    /// The reasons (required to answer; shown to the complainant).
    #[serde(default)]
    #[schema(schema_with = long_text)]
    pub reasons: String,
}

/// Acknowledges, opens the examination of, answers (with its reasons) or closes a
/// complaint; the complainant is told as they chose.
#[utoipa::path(post, path = "/api/v1/complaints/{id}/steps", tag = "complaints", operation_id = "step_grievance",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Complaint id")),
    request_body = GrievanceStepDto,
    responses((status = 200, body = GrievanceRecordDto)))]
pub async fn step_grievance(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
    body: Result<ApiJson<GrievanceStepDto>, WebError>,
) -> Result<Json<GrievanceRecordDto>, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.ensure(id).await?;
    let ApiJson(b) = body?;
    let step = match b.step.as_str() {
        "acknowledge" => Step::Acknowledge,
        "examine" => Step::Examine,
        "answer" => Step::Answer,
        "close" => Step::Close,
        _ => return Err(WebError::Invalid(vec![("step".into(), "grv-error-step")])),
    };
    scoped
        .step(&ctx.actor, id, step, &b.reasons)
        .await
        .map_err(refused)?;
    Ok(Json(record(&ctx, &scoped, id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrievanceAssignDto {
    /// The account of a handler of the complaint's province allowed to read it.
    pub user_id: i64,
}

/// Gives a complaint to a handler.
#[utoipa::path(post, path = "/api/v1/complaints/{id}/assignment", tag = "complaints", operation_id = "assign_grievance",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Complaint id")),
    request_body = GrievanceAssignDto,
    responses((status = 200, body = GrievanceRecordDto)))]
pub async fn assign_grievance(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
    body: Result<ApiJson<GrievanceAssignDto>, WebError>,
) -> Result<Json<GrievanceRecordDto>, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.ensure(id).await?;
    let ApiJson(b) = body?;
    scoped
        .assign(&ctx.actor, id, b.user_id)
        .await
        .map_err(refused)?;
    Ok(Json(record(&ctx, &scoped, id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GrievanceNoteDto {
    /// A call, a request for information, a visit: never shown to the complainant.
    #[schema(schema_with = long_text)]
    pub text: String,
}

/// Adds an internal note to a complaint.
#[utoipa::path(post, path = "/api/v1/complaints/{id}/notes", tag = "complaints", operation_id = "note_grievance",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Complaint id")),
    request_body = GrievanceNoteDto,
    responses((status = 200, body = GrievanceRecordDto)))]
pub async fn note_grievance(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
    body: Result<ApiJson<GrievanceNoteDto>, WebError>,
) -> Result<Json<GrievanceRecordDto>, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.ensure(id).await?;
    let ApiJson(b) = body?;
    scoped
        .note(&ctx.actor, id, &b.text)
        .await
        .map_err(refused)?;
    Ok(Json(record(&ctx, &scoped, id).await?))
}

/// The API operations of this context, each with its policy. Examples: complaint 1 is
/// in Rehamna about establishment 1, complaint 2 in Casablanca.
pub fn routes() -> Routes {
    use crate::limits::{Limit, limited_api};
    Routes::new()
        .api(
            "/api/v1/complaint-categories",
            Public,
            routes!(list_grievance_categories),
        )
        .api(
            "/api/v1/complaints",
            Public,
            limited_api(Limit::Filing, routes!(file_grievance)),
        )
        .api(
            "/api/v1/complaints/status",
            Public,
            limited_api(Limit::Tracking, routes!(grievance_status)),
        )
        .api(
            "/api/v1/complaints?escalated=true",
            Can(Capability::ReadGrievances),
            routes!(list_grievances),
        )
        .api_record(
            "/api/v1/complaints/1",
            Some("/api/v1/complaints/2"),
            Can(Capability::ReadGrievances),
            routes!(get_grievance),
        )
        .api_record(
            "/api/v1/complaints/1/steps",
            Some("/api/v1/complaints/2/steps"),
            Can(Capability::HandleGrievances),
            routes!(step_grievance),
        )
        .api_record(
            "/api/v1/complaints/1/assignment",
            Some("/api/v1/complaints/2/assignment"),
            Can(Capability::HandleGrievances),
            routes!(assign_grievance),
        )
        .api_record(
            "/api/v1/complaints/1/notes",
            Some("/api/v1/complaints/2/notes"),
            Can(Capability::HandleGrievances),
            routes!(note_grievance),
        )
}
