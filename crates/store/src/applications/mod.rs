//! Online applications for a service: filed without an account ([`submit`]), followed by
//! the applicant with the tracking code and a second fact ([`track`], [`supply_documents`],
//! [`appeal`]), and processed by the delegation of the beneficiary's province through
//! [`Scoped`]. Every step is audited and on the timeline; notifications are written to
//! the outbox in the same transaction (a gateway that sends SMS or e-mail reads it).

pub mod priority;

use crate::audit::{self, Actor, Change};
use crate::care::{NewAdmission, NewBeneficiary};
use crate::documents::{self, BatchError, Upload};
use crate::entity::{
    application, commune, document, establishment, service, service_document, timeline_event,
};
use crate::files::FileStore;
use crate::outbox::{self, Notification};
use crate::owner::Owner;
use crate::timeline::{self, Event, Lines};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use jisr_domain::access::{Capability, Role};
use jisr_domain::applications::{
    Decision, History, Status, Step, StepError, TrackingCode, Waiting, check_step, rank,
};
use jisr_domain::authorisation::{days_left, decision_due};
use jisr_domain::care::{Basis, Representative, choose_placement};
use jisr_domain::documents::UploadError;
use jisr_domain::registry::{Cin, Sex, parse_past_date};
use jisr_domain::services::{RatingError, ScoreLine, score};
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

/// The kind naming applications as owners of documents, timeline lines and
/// notifications.
pub const OWNER_KIND: &str = "application";

/// An application as the owner of documents, timeline lines and notifications.
pub fn owner(id: i64) -> Owner {
    Owner::new(OWNER_KIND, id)
}

/// Who the applicant is to the beneficiary.
/// The longest name of an applicant or beneficiary, in characters.
pub const NAME_MAX_CHARS: usize = 120;
/// The household sizes an application may state.
pub const HOUSEHOLD_SIZES: std::ops::RangeInclusive<i32> = 1..=30;
/// The longest description of the household's situation, in characters.
pub const FACTS_MAX_CHARS: usize = 2000;

pub const RELATIONS: &[&str] = &["self", "parent", "guardian", "child", "relative", "other"];

/// An application as typed in the form (or sent to the API).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct ApplicationInput {
    pub service: String,
    /// A key the form carries so that submitting twice files one application.
    pub submission_key: String,
    pub applicant_relation: String,
    pub applicant_name_ar: String,
    pub applicant_name_fr: String,
    pub applicant_phone: String,
    pub applicant_email: String,
    pub beneficiary_name_ar: String,
    pub beneficiary_name_fr: String,
    pub beneficiary_birth_date: String,
    pub beneficiary_sex: String,
    pub beneficiary_national_id: String,
    pub commune: String,
    pub household_size: String,
    pub household_facts: String,
    /// The person read the data-protection notice and agrees.
    pub consent: bool,
    pub locale: String,
}

/// What can go wrong with an application.
#[derive(Debug, thiserror::Error)]
pub enum ApplicationError {
    /// Fields refused, each with the translation key of its message.
    #[error("invalid fields: {0:?}")]
    Fields(Vec<(String, &'static str)>),
    #[error("files refused: {0:?}")]
    Uploads(Vec<(String, UploadError)>),
    #[error(transparent)]
    Step(#[from] StepError),
    #[error(transparent)]
    Rating(#[from] RatingError),
    /// No establishment delivering the service has a free place.
    #[error("no free place")]
    NoPlace,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for ApplicationError {
    fn from(e: sea_orm::DbErr) -> Self {
        ApplicationError::Store(e.into())
    }
}

impl From<BatchError> for ApplicationError {
    fn from(e: BatchError) -> Self {
        match e {
            BatchError::Refused(r) => ApplicationError::Uploads(r),
            BatchError::Store(s) => ApplicationError::Store(s),
        }
    }
}

/// A filed application.
#[derive(Debug, Clone)]
pub struct Submitted {
    pub id: i64,
    pub tracking_code: TrackingCode,
    /// The same submission was already filed (a double click): nothing new was created.
    pub already_filed: bool,
}

/// A phone number: digits with an optional leading `+`, 9 to 15 digits once spaces,
/// dots and dashes are removed. Returns the digits (with `+` when given).
pub fn parse_phone(s: &str) -> Option<String> {
    let cleaned: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    let digits = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    (digits.chars().all(|c| c.is_ascii_digit()) && (9..=15).contains(&digits.len()))
        .then_some(cleaned)
}

fn phone_digits(s: &str) -> String {
    let d: String = s.chars().filter(char::is_ascii_digit).collect();
    // Compare national numbers: 0612345678 and +212612345678 are the same phone.
    match d.strip_prefix("212") {
        Some(rest) => format!("0{rest}"),
        None => d,
    }
}

fn today() -> NaiveDate {
    jisr_domain::time::today()
}

/// The checked facts of an application.
struct Checked {
    service: service::Model,
    province: String,
    birth: NaiveDate,
    sex: Sex,
    national_id: String,
    phone: String,
    household_size: Option<i32>,
}

async fn check(
    store: &Store,
    input: &ApplicationInput,
    uploads: &[Upload],
) -> Result<Checked, ApplicationError> {
    let db = store.conn();
    let mut errors: Vec<(String, &'static str)> = Vec::new();
    let service = crate::services::get(store, input.service.trim()).await?;
    if !RELATIONS.contains(&input.applicant_relation.trim()) {
        errors.push(("applicant_relation".into(), "app-error-relation"));
    }
    let self_applying = input.applicant_relation.trim() == "self";
    if !self_applying
        && input.applicant_name_ar.trim().is_empty()
        && input.applicant_name_fr.trim().is_empty()
    {
        errors.push(("applicant_name_ar".into(), "app-error-name"));
    }
    if input.beneficiary_name_ar.trim().is_empty() && input.beneficiary_name_fr.trim().is_empty() {
        errors.push(("beneficiary_name_ar".into(), "app-error-name"));
    }
    for (field, value) in [
        ("applicant_name_ar", &input.applicant_name_ar),
        ("applicant_name_fr", &input.applicant_name_fr),
        ("beneficiary_name_ar", &input.beneficiary_name_ar),
        ("beneficiary_name_fr", &input.beneficiary_name_fr),
    ] {
        if value.chars().count() > NAME_MAX_CHARS {
            errors.push((field.into(), "app-error-too-long"));
        }
    }
    let phone = parse_phone(&input.applicant_phone);
    if phone.is_none() {
        errors.push(("applicant_phone".into(), "app-error-phone"));
    }
    let email = input.applicant_email.trim();
    if !email.is_empty() && !jisr_domain::associations::email_ok(email) {
        errors.push(("applicant_email".into(), "app-error-email"));
    }
    let birth = parse_past_date(&input.beneficiary_birth_date, today()).ok();
    if birth.is_none() {
        errors.push(("beneficiary_birth_date".into(), "app-error-birth-date"));
    }
    let sex = Sex::parse(&input.beneficiary_sex).ok();
    if sex.is_none() {
        errors.push(("beneficiary_sex".into(), "app-error-sex"));
    }
    let national_id = match input.beneficiary_national_id.trim() {
        "" => Some(String::new()),
        s => Cin::parse(s).ok().map(|c| c.as_str().to_owned()),
    };
    if national_id.is_none() {
        errors.push(("beneficiary_national_id".into(), "app-error-cin"));
    }
    let commune = commune::Entity::find_by_id(input.commune.trim())
        .one(db)
        .await?;
    if commune.is_none() {
        errors.push(("commune".into(), "app-error-commune"));
    }
    let household_size = match input.household_size.trim() {
        "" => Some(None),
        s => s
            .parse::<i32>()
            .ok()
            .filter(|n| HOUSEHOLD_SIZES.contains(n))
            .map(Some),
    };
    if household_size.is_none() {
        errors.push(("household_size".into(), "app-error-household-size"));
    }
    if input.household_facts.chars().count() > FACTS_MAX_CHARS {
        errors.push(("household_facts".into(), "app-error-too-long"));
    }
    let required = crate::services::documents(store, &service.code).await?;
    for d in required.iter().filter(|d| d.mandatory) {
        if !uploads.iter().any(|u| u.requirement == d.code) {
            errors.push((format!("doc_{}", d.code), "app-error-document-missing"));
        }
    }
    if !input.consent {
        errors.push(("consent".into(), "app-error-consent"));
    }
    match (birth, sex, national_id, phone, household_size, commune) {
        (Some(birth), Some(sex), Some(national_id), Some(phone), Some(household_size), Some(c))
            if errors.is_empty() =>
        {
            Ok(Checked {
                service,
                province: c.province_code,
                birth,
                sex,
                national_id,
                phone,
                household_size,
            })
        }
        _ => Err(ApplicationError::Fields(errors)),
    }
}

fn new_code() -> TrackingCode {
    let bytes: [u8; jisr_domain::applications::CODE_RANDOM_LEN] = rand::random();
    TrackingCode::from_random(bytes)
}

/// Writes a notification to the outbox for each way of reaching the applicant.
async fn notify(
    txn: &DatabaseTransaction,
    app: &application::Model,
    message: &str,
    params: serde_json::Value,
) -> Result<(), StoreError> {
    let mut channels = vec![("sms", app.applicant_phone.clone())];
    if !app.applicant_email.is_empty() {
        channels.push(("email", app.applicant_email.clone()));
    }
    let mut body = params;
    if let Some(o) = body.as_object_mut() {
        o.insert(
            "code".into(),
            TrackingCode::parse(&app.tracking_code)
                .map(|c| c.display())
                .unwrap_or_else(|_| app.tracking_code.clone())
                .into(),
        );
    }
    for (channel, recipient) in channels {
        outbox::write(
            txn,
            Notification {
                owner: Some(owner(app.id)),
                province_code: &app.province_code,
                channel,
                recipient: &recipient,
                locale: &app.locale,
                message,
                body: &body,
            },
        )
        .await?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn event(
    txn: &DatabaseTransaction,
    app_id: i64,
    actor: &Actor,
    kind: &str,
    from: Option<Status>,
    to: Option<Status>,
    text: &str,
    public: bool,
) -> Result<(), StoreError> {
    timeline::append(
        txn,
        owner(app_id),
        actor,
        chrono::Utc::now(),
        Event {
            kind,
            from_status: from.map(Status::as_str),
            to_status: to.map(Status::as_str),
            text,
            public,
        },
    )
    .await
}

/// Files an application with its documents. Every field is checked first and every
/// error reported; files are checked and kept before anything is recorded; then the
/// application, its documents, its timeline, the audit entries and the notification are
/// written in one transaction. Submitting the same `submission_key` again gives back the
/// first application.
pub async fn submit(
    store: &Store,
    actor: &Actor,
    files: &FileStore,
    notice_version: &str,
    input: &ApplicationInput,
    uploads: Vec<Upload>,
    max_bytes: usize,
) -> Result<Submitted, ApplicationError> {
    let key = input.submission_key.trim();
    if key.is_empty() || key.len() > 64 {
        return Err(ApplicationError::Fields(vec![(
            "submission_key".into(),
            "app-error-form-expired",
        )]));
    }
    if let Some(done) = application::Entity::find()
        .filter(application::Column::SubmissionKey.eq(key))
        .one(store.conn())
        .await?
    {
        return Ok(Submitted {
            id: done.id,
            tracking_code: TrackingCode::parse(&done.tracking_code)
                .map_err(|_| StoreError::Invalid("stored tracking code".into()))?,
            already_filed: true,
        });
    }
    let c = check(store, input, &uploads).await?;
    let allowed_rows = crate::services::documents(store, &c.service.code).await?;
    let allowed: Vec<&str> = allowed_rows.iter().map(|d| d.code.as_str()).collect();
    let kept = documents::check_and_keep(files, uploads, &allowed, max_bytes).await?;
    let now = chrono::Utc::now();
    let due = decision_due(
        jisr_domain::time::date_of(now),
        c.service.deadline_days.max(1) as u32,
    );
    let self_applying = input.applicant_relation.trim() == "self";
    let (applicant_ar, applicant_fr) = if self_applying {
        (&input.beneficiary_name_ar, &input.beneficiary_name_fr)
    } else {
        (&input.applicant_name_ar, &input.applicant_name_fr)
    };
    let locale = match input.locale.as_str() {
        "fr" | "zgh" => input.locale.clone(),
        _ => "ar".into(),
    };
    let txn = store.begin_write().await?;
    // A code already given is drawn again (29⁹ codes make this rare).
    let mut code = new_code();
    while application::Entity::find()
        .filter(application::Column::TrackingCode.eq(code.as_str()))
        .one(&txn)
        .await?
        .is_some()
    {
        code = new_code();
    }
    let model = application::ActiveModel {
        id: NotSet,
        tracking_code: Set(code.as_str().to_owned()),
        submission_key: Set(key.to_owned()),
        service_code: Set(c.service.code.clone()),
        status: Set(Status::Submitted.as_str().to_owned()),
        commune_code: Set(input.commune.trim().to_owned()),
        province_code: Set(c.province.clone()),
        applicant_name_ar: Set(applicant_ar.trim().to_owned()),
        applicant_name_fr: Set(applicant_fr.trim().to_owned()),
        applicant_phone: Set(c.phone.clone()),
        applicant_email: Set(input.applicant_email.trim().to_owned()),
        applicant_relation: Set(input.applicant_relation.trim().to_owned()),
        beneficiary_name_ar: Set(input.beneficiary_name_ar.trim().to_owned()),
        beneficiary_name_fr: Set(input.beneficiary_name_fr.trim().to_owned()),
        beneficiary_birth_date: Set(c.birth.to_string()),
        beneficiary_sex: Set(c.sex.as_str().to_owned()),
        beneficiary_national_id: Set(c.national_id.clone()),
        household_size: Set(c.household_size),
        household_facts: Set(input.household_facts.trim().to_owned()),
        locale: Set(locale),
        notice_version: Set(notice_version.to_owned()),
        consent_at: Set(crate::time_text(now)),
        submitted_at: Set(crate::time_text(now)),
        due_on: Set(due.to_string()),
        assigned_to: Set(None),
        documents_requested: Set(None),
        ratings: Set(None),
        score: Set(None),
        decision_reason: Set(String::new()),
        establishment_id: Set(None),
        beneficiary_id: Set(None),
    }
    .insert(&txn)
    .await?;
    documents::record(&txn, actor, owner(model.id), kept, now).await?;
    event(
        &txn,
        model.id,
        actor,
        "status",
        None,
        Some(Status::Submitted),
        "",
        true,
    )
    .await?;
    audit::record(
        &txn,
        actor,
        Change {
            action: jisr_domain::audit::Action::Submit,
            entity: jisr_domain::audit::Entity::Application,
            entity_id: model.id.to_string(),
            before: None,
            after: Some(serde_json::json!({
                "service": c.service.code, "province": c.province,
                "commune": model.commune_code, "notice_version": notice_version,
                "consent": true, "due_on": model.due_on,
            })),
        },
    )
    .await?;
    notify(
        &txn,
        &model,
        "submitted",
        serde_json::json!({ "service": c.service.code, "due_on": model.due_on }),
    )
    .await?;
    txn.commit().await?;
    Ok(Submitted {
        id: model.id,
        tracking_code: code,
        already_filed: false,
    })
}

/// Whether `secret` (a date of birth, or a phone number) matches the application.
fn secret_matches(app: &application::Model, secret: &str) -> bool {
    let secret = secret.trim();
    if secret.is_empty() {
        return false;
    }
    if let Ok(d) = jisr_domain::registry::parse_date(secret) {
        return d.to_string() == app.beneficiary_birth_date;
    }
    let digits = phone_digits(secret);
    digits.len() >= 9 && digits == phone_digits(&app.applicant_phone)
}

/// The application behind a tracking code and its second fact; anything wrong is "not
/// found", with no hint of which part was wrong.
async fn find_tracked(
    store: &Store,
    code: &str,
    secret: &str,
) -> Result<application::Model, StoreError> {
    let code = TrackingCode::parse(code).map_err(|_| StoreError::NotFound)?;
    let app = application::Entity::find()
        .filter(application::Column::TrackingCode.eq(code.as_str()))
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
    if secret_matches(&app, secret) {
        Ok(app)
    } else {
        Err(StoreError::NotFound)
    }
}

/// What the applicant sees of their application.
#[derive(Debug, Clone)]
pub struct Tracked {
    pub application: application::Model,
    pub service: service::Model,
    /// The public lines of the timeline, oldest first.
    pub events: Vec<timeline_event::Model>,
    /// The documents handed in (names only).
    pub documents: Vec<document::Model>,
    /// The documents asked for, when a request is pending.
    pub requested: Vec<service_document::Model>,
    /// 1-based rank on the waiting list, when waiting.
    pub rank: Option<usize>,
    /// Where the beneficiary was admitted, when placed.
    pub establishment: Option<establishment::Model>,
}

async fn tracked(store: &Store, app: application::Model) -> Result<Tracked, StoreError> {
    let db = store.conn();
    let service = service::Entity::find_by_id(app.service_code.as_str())
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    let events = timeline::read(db, owner(app.id), Lines::Public).await?;
    let documents = documents::list(store, owner(app.id)).await?;
    let requested_codes = requested_of(&app);
    let requested = if app.status == Status::DocumentsRequested.as_str() {
        crate::services::documents(store, &app.service_code)
            .await?
            .into_iter()
            .filter(|d| requested_codes.contains(&d.code))
            .collect()
    } else {
        Vec::new()
    };
    let rank = if app.status == Status::Waiting.as_str() {
        waiting_ids(store, &app.service_code, &app.province_code)
            .await?
            .iter()
            .position(|id| *id == app.id)
            .map(|p| p + 1)
    } else {
        None
    };
    let establishment = match app.establishment_id {
        Some(id) => establishment::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    Ok(Tracked {
        application: app,
        service,
        events,
        documents,
        requested,
        rank,
        establishment,
    })
}

/// The applicant's view of their application: the tracking code and the beneficiary's
/// date of birth or the applicant's phone. Every lookup that finds it is audited.
pub async fn track(
    store: &Store,
    actor: &Actor,
    code: &str,
    secret: &str,
) -> Result<Tracked, StoreError> {
    let app = find_tracked(store, code, secret).await?;
    audit::record_read(
        store,
        actor,
        jisr_domain::audit::Entity::Application,
        &app.id.to_string(),
    )
    .await?;
    tracked(store, app).await
}

fn requested_of(app: &application::Model) -> Vec<String> {
    app.documents_requested
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default()
}

fn history_of(events: &[timeline_event::Model]) -> History {
    History {
        documents_requested: events
            .iter()
            .any(|e| e.to_status.as_deref() == Some(Status::DocumentsRequested.as_str())),
        appealed: events
            .iter()
            .any(|e| e.to_status.as_deref() == Some(Status::Appealed.as_str())),
    }
}

async fn events_of(
    txn: &DatabaseTransaction,
    id: i64,
) -> Result<Vec<timeline_event::Model>, StoreError> {
    timeline::read(txn, owner(id), Lines::All).await
}

fn status_of(app: &application::Model) -> Result<Status, StoreError> {
    Status::parse(&app.status)
        .ok_or_else(|| StoreError::Invalid(format!("stored status `{}`", app.status)))
}

/// Moves an application, inside `txn`: status, timeline line, audit entry.
async fn move_to(
    txn: &DatabaseTransaction,
    actor: &Actor,
    app: application::Model,
    to: Status,
    text: &str,
    extra: serde_json::Value,
) -> Result<application::Model, StoreError> {
    let from = status_of(&app)?;
    let id = app.id;
    let mut am = app.into_active_model();
    am.status = Set(to.as_str().to_owned());
    let updated = am.update(txn).await?;
    event(txn, id, actor, "status", Some(from), Some(to), text, true).await?;
    let mut after = serde_json::json!({ "status": to.as_str(), "reason": text.trim() });
    if let (Some(o), Some(x)) = (after.as_object_mut(), extra.as_object()) {
        o.extend(x.clone());
    }
    audit::record(
        txn,
        actor,
        Change {
            action: jisr_domain::audit::Action::Status,
            entity: jisr_domain::audit::Entity::Application,
            entity_id: id.to_string(),
            before: Some(serde_json::json!({ "status": from.as_str() })),
            after: Some(after),
        },
    )
    .await?;
    Ok(updated)
}

/// The applicant hands in the documents asked for, from the status page. Each requested
/// document must be among the files; the batch is all or nothing, and the decision
/// deadline starts again from the complete file.
#[allow(clippy::too_many_arguments)]
pub async fn supply_documents(
    store: &Store,
    actor: &Actor,
    files: &FileStore,
    code: &str,
    secret: &str,
    uploads: Vec<Upload>,
    max_bytes: usize,
) -> Result<(), ApplicationError> {
    let app = find_tracked(store, code, secret).await?;
    let requested = requested_of(&app);
    let missing: Vec<(String, &'static str)> = requested
        .iter()
        .filter(|r| !uploads.iter().any(|u| &u.requirement == *r))
        .map(|r| (format!("doc_{r}"), "app-error-document-missing"))
        .collect();
    if status_of(&app)? == Status::DocumentsRequested && !missing.is_empty() {
        return Err(ApplicationError::Fields(missing));
    }
    let allowed: Vec<&str> = requested.iter().map(String::as_str).collect();
    let txn = store.begin_write().await?;
    let current = application::Entity::find_by_id(app.id)
        .one(&txn)
        .await?
        .ok_or(StoreError::NotFound)?;
    let history = history_of(&events_of(&txn, app.id).await?);
    check_step(
        status_of(&current)?,
        Step::SupplyDocuments,
        None,
        "",
        history,
    )?;
    drop(txn);
    let kept = documents::check_and_keep(files, uploads, &allowed, max_bytes).await?;
    let now = chrono::Utc::now();
    let txn = store.begin_write().await?;
    let current = application::Entity::find_by_id(app.id)
        .one(&txn)
        .await?
        .ok_or(StoreError::NotFound)?;
    let history = history_of(&events_of(&txn, app.id).await?);
    let to = check_step(
        status_of(&current)?,
        Step::SupplyDocuments,
        None,
        "",
        history,
    )?;
    documents::record(&txn, actor, owner(app.id), kept, now).await?;
    let deadline = service::Entity::find_by_id(current.service_code.as_str())
        .one(&txn)
        .await?
        .map(|s| s.deadline_days)
        .unwrap_or(30);
    let due = decision_due(jisr_domain::time::date_of(now), deadline.max(1) as u32);
    let mut am = current.into_active_model();
    am.due_on = Set(due.to_string());
    let current = am.update(&txn).await?;
    move_to(
        &txn,
        actor,
        current,
        to,
        "",
        serde_json::json!({ "due_on": due.to_string() }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The applicant contests a refusal, once, with their reasons; a higher role decides.
pub async fn appeal(
    store: &Store,
    actor: &Actor,
    code: &str,
    secret: &str,
    reason: &str,
) -> Result<(), ApplicationError> {
    let app = find_tracked(store, code, secret).await?;
    let txn = store.begin_write().await?;
    let current = application::Entity::find_by_id(app.id)
        .one(&txn)
        .await?
        .ok_or(StoreError::NotFound)?;
    let history = history_of(&events_of(&txn, app.id).await?);
    if reason.chars().count() > 2000 {
        return Err(ApplicationError::Fields(vec![(
            "reason".into(),
            "app-error-too-long",
        )]));
    }
    let to = match check_step(status_of(&current)?, Step::Appeal, None, reason, history) {
        Err(StepError::ReasonMissing) => {
            return Err(ApplicationError::Fields(vec![(
                "reason".into(),
                "app-error-reason",
            )]));
        }
        other => other?,
    };
    let updated = move_to(&txn, actor, current, to, reason, serde_json::json!({})).await?;
    notify(&txn, &updated, "appealed", serde_json::json!({})).await?;
    txn.commit().await?;
    Ok(())
}

/// The applications waiting for a place in a service and province, with their
/// priorities, by rank.
async fn waiting(
    store: &Store,
    service_code: &str,
    province: &str,
) -> Result<Vec<(application::Model, priority::Priority)>, StoreError> {
    let db = store.conn();
    let service = service::Entity::find_by_id(service_code)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    let rows = application::Entity::find()
        .filter(application::Column::ServiceCode.eq(service_code))
        .filter(application::Column::ProvinceCode.eq(province))
        .filter(application::Column::Status.eq(Status::Waiting.as_str()))
        .all(db)
        .await?;
    let priorities = priority::priorities(store, &service, &rows).await?;
    let list: Vec<Waiting> = rows
        .iter()
        .zip(&priorities)
        .map(|(a, p)| Waiting {
            id: a.id,
            score: p.total,
            submitted_at: a.submitted_at.clone(),
        })
        .collect();
    let order = rank(&list);
    let mut both: Vec<_> = rows.into_iter().zip(priorities).collect();
    both.sort_by_key(|(a, _)| order.iter().position(|id| *id == a.id));
    Ok(both)
}

/// Ids of the applications waiting for a place in a service and province, by rank.
async fn waiting_ids(
    store: &Store,
    service_code: &str,
    province: &str,
) -> Result<Vec<i64>, StoreError> {
    Ok(waiting(store, service_code, province)
        .await?
        .into_iter()
        .map(|(a, _)| a.id)
        .collect())
}

/// Filters of the processing queue.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct QueueFilter {
    pub service: String,
    pub status: String,
    pub commune: String,
    /// Only applications filed at least this many days ago.
    pub older_than: Option<jisr_domain::bounds::DaysAgo>,
    /// Only those assigned to this account.
    pub assigned_to: Option<i64>,
    pub page: Option<u64>,
}

pub const PAGE_SIZE: u64 = 25;

/// One row of the queue.
#[derive(Debug, Clone)]
pub struct QueueRow {
    pub application: application::Model,
    /// Days left to the deadline (negative when overdue), while a decision is awaited.
    pub days_left: Option<i64>,
}

crate::scoped_handle!(
    /// Applications as one member of staff may see and process them: those of the
    /// provinces their grants cover.
    Scoped
);

/// An application with everything staff need to process it.
#[derive(Debug, Clone)]
pub struct Record {
    pub tracked: Tracked,
    /// Every line of the timeline, internal notes included.
    pub events: Vec<timeline_event::Model>,
    pub days_left: Option<i64>,
    /// The needs assessment as rated, with one line per criterion.
    pub score_lines: Vec<ScoreLine>,
    /// The priority on the waiting list: the assessment plus the needs model's score.
    pub priority: priority::Priority,
}

impl<'a> Scoped<'a> {
    fn roles(&self) -> Vec<Role> {
        self.grants().roles().collect()
    }

    fn condition(&self) -> Condition {
        // Establishment grants see no applications: the delegation processes them.
        self.access
            .condition(application::Column::ProvinceCode, |_| None)
    }

    async fn find(
        &self,
        txn: &DatabaseTransaction,
        id: i64,
    ) -> Result<application::Model, StoreError> {
        application::Entity::find_by_id(id)
            .filter(self.condition())
            .one(txn)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// One page of the queue: awaiting a decision first, the nearest deadline first.
    /// The applications of the scope matching `f`, in the queue's order (awaiting a
    /// decision first, soonest deadline first).
    fn queue_query(&self, f: &QueueFilter) -> sea_orm::Select<application::Entity> {
        let mut q = application::Entity::find().filter(self.condition());
        if !f.service.is_empty() {
            q = q.filter(application::Column::ServiceCode.eq(f.service.as_str()));
        }
        if !f.status.is_empty() {
            q = q.filter(application::Column::Status.eq(f.status.as_str()));
        }
        if !f.commune.trim().is_empty() {
            q = q.filter(application::Column::CommuneCode.eq(f.commune.trim()));
        }
        if let Some(days) = f.older_than {
            let before = chrono::Utc::now() - chrono::Duration::days(i64::from(days.get()));
            q = q.filter(application::Column::SubmittedAt.lte(crate::time_text(before)));
        }
        if let Some(user) = f.assigned_to {
            q = q.filter(application::Column::AssignedTo.eq(user));
        }
        q
    }

    fn ordered(q: sea_orm::Select<application::Entity>) -> sea_orm::Select<application::Entity> {
        let awaiting: Vec<&str> = Status::ALL
            .iter()
            .filter(|s| s.awaits_decision())
            .map(|s| s.as_str())
            .collect();
        q.order_by_desc(application::Column::Status.is_in(awaiting))
            .order_by_asc(application::Column::DueOn)
            .order_by_asc(application::Column::Id)
    }

    fn queue_rows(rows: Vec<application::Model>) -> Vec<QueueRow> {
        let today = today();
        rows.into_iter()
            .map(|a| QueueRow {
                days_left: Status::parse(&a.status)
                    .filter(|s| s.awaits_decision())
                    .and_then(|_| NaiveDate::parse_from_str(&a.due_on, "%Y-%m-%d").ok())
                    .map(|due| days_left(today, due)),
                application: a,
            })
            .collect()
    }

    pub async fn queue(&self, f: &QueueFilter) -> Result<(Vec<QueueRow>, u64), StoreError> {
        let q = self.queue_query(f);
        let total = q.clone().count(self.store().conn()).await?;
        let rows = Self::ordered(q)
            .offset(crate::listing::Page::new(f.page.unwrap_or(1), PAGE_SIZE).offset())
            .limit(PAGE_SIZE)
            .all(self.store().conn())
            .await?;
        Ok((Self::queue_rows(rows), total))
    }

    /// Every application matching `f` (the page ignored), at most `max`, for an export
    /// of what the person sees; and how many match in all.
    pub async fn queue_all(
        &self,
        f: &QueueFilter,
        max: u64,
    ) -> Result<(Vec<QueueRow>, u64), StoreError> {
        let q = self.queue_query(f);
        let total = q.clone().count(self.store().conn()).await?;
        let rows = Self::ordered(q).limit(max).all(self.store().conn()).await?;
        Ok((Self::queue_rows(rows), total))
    }

    /// Whether an application lies within scope ("not found" otherwise), without reading
    /// it: for refusing out-of-scope requests before their body is looked at.
    pub async fn ensure(&self, id: i64) -> Result<(), StoreError> {
        application::Entity::find_by_id(id)
            .filter(self.condition())
            .count(self.store().conn())
            .await?
            .gt(&0)
            .then_some(())
            .ok_or(StoreError::NotFound)
    }

    /// One application within scope; opening it is audited.
    pub async fn get(&self, actor: &Actor, id: i64) -> Result<Record, StoreError> {
        let app = application::Entity::find_by_id(id)
            .filter(self.condition())
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        audit::record_read(
            self.store(),
            actor,
            jisr_domain::audit::Entity::Application,
            &id.to_string(),
        )
        .await?;
        let events = timeline::read(self.store().conn(), owner(id), Lines::All).await?;
        let days = Status::parse(&app.status)
            .filter(|s| s.awaits_decision())
            .and_then(|_| NaiveDate::parse_from_str(&app.due_on, "%Y-%m-%d").ok())
            .map(|due| days_left(today(), due));
        let ratings: Vec<(String, u32)> = app
            .ratings
            .as_deref()
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default();
        let tracked = tracked(self.store(), app).await?;
        let model = crate::services::assessment(&tracked.service);
        let score_lines = score(&model, &ratings).map(|(_, l)| l).unwrap_or_default();
        let priority = priority::priorities(
            self.store(),
            &tracked.service,
            std::slice::from_ref(&tracked.application),
        )
        .await?
        .pop()
        .ok_or(StoreError::NotFound)?;
        Ok(Record {
            tracked,
            events,
            days_left: days,
            score_lines,
            priority,
        })
    }

    /// One of an application's documents with its bytes; the read is audited.
    pub async fn read_document(
        &self,
        actor: &Actor,
        files: &FileStore,
        id: i64,
        document_id: i64,
    ) -> Result<(document::Model, Vec<u8>), StoreError> {
        application::Entity::find_by_id(id)
            .filter(self.condition())
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        documents::read(self.store(), actor, files, owner(id), document_id).await
    }

    /// Gives the application to a social worker whose grants cover its province (a social
    /// worker may take it for themselves).
    pub async fn assign(
        &self,
        actor: &Actor,
        id: i64,
        user_id: i64,
    ) -> Result<(), ApplicationError> {
        let roles = self.roles();
        let txn = self.store().begin_write().await?;
        let app = self.find(&txn, id).await?;
        let worker = crate::accounts::account(&txn, jisr_domain::ids::UserId(user_id))
            .await
            .map_err(|_| ApplicationError::Fields(vec![("user".into(), "app-error-worker")]))?;
        let province = jisr_domain::geo::ProvinceCode::parse(&app.province_code)
            .map_err(|_| StoreError::Invalid("stored province".into()))?;
        let covers = worker
            .grants
            .iter()
            .any(|(r, s)| *r == Role::SocialWorker && s.covers_province(&province));
        if !covers {
            return Err(ApplicationError::Fields(vec![(
                "user".into(),
                "app-error-worker",
            )]));
        }
        let self_assign = actor.label == format!("user:{user_id}");
        if !self_assign && !roles.iter().any(|r| r.can(Capability::AssignApplications)) {
            return Err(StepError::Role.into());
        }
        let history = history_of(&events_of(&txn, id).await?);
        let from = status_of(&app)?;
        let to = check_step(from, Step::Assign, Some(&roles), "", history)?;
        let before = app.assigned_to;
        let mut am = app.into_active_model();
        am.assigned_to = Set(Some(user_id));
        let app = am.update(&txn).await?;
        if from != to {
            move_to(
                &txn,
                actor,
                app,
                to,
                "",
                serde_json::json!({ "assigned_to": user_id }),
            )
            .await?;
        } else {
            audit::record(
                &txn,
                actor,
                Change {
                    action: jisr_domain::audit::Action::Assign,
                    entity: jisr_domain::audit::Entity::Application,
                    entity_id: id.to_string(),
                    before: Some(serde_json::json!({ "assigned_to": before })),
                    after: Some(serde_json::json!({ "assigned_to": user_id })),
                },
            )
            .await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// An internal note on the application (not shown to the applicant).
    pub async fn note(&self, actor: &Actor, id: i64, text: &str) -> Result<(), ApplicationError> {
        if !self.can(Capability::ProcessApplications) {
            return Err(StepError::Role.into());
        }
        let text = text.trim();
        if text.is_empty() || text.chars().count() > 4000 {
            return Err(ApplicationError::Fields(vec![(
                "text".into(),
                "app-error-note",
            )]));
        }
        let txn = self.store().begin_write().await?;
        let app = self.find(&txn, id).await?;
        event(&txn, app.id, actor, "note", None, None, text, false).await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::Note,
                entity: jisr_domain::audit::Entity::Application,
                entity_id: id.to_string(),
                before: None,
                after: Some(serde_json::json!({ "text": text })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Rates the service's needs assessment; the score ranks the waiting list.
    pub async fn rate(
        &self,
        actor: &Actor,
        id: i64,
        ratings: &[(String, u32)],
    ) -> Result<u32, ApplicationError> {
        if !self.can(Capability::ProcessApplications) {
            return Err(StepError::Role.into());
        }
        let txn = self.store().begin_write().await?;
        let app = self.find(&txn, id).await?;
        let service = service::Entity::find_by_id(app.service_code.as_str())
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let (total, _) = score(&crate::services::assessment(&service), ratings)?;
        let before = serde_json::json!({ "ratings": app.ratings, "score": app.score });
        let mut am = app.into_active_model();
        am.ratings = Set(Some(serde_json::to_string(ratings).unwrap_or_default()));
        am.score = Set(Some(total as i32));
        am.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::Assess,
                entity: jisr_domain::audit::Entity::Application,
                entity_id: id.to_string(),
                before: Some(before),
                after: Some(serde_json::json!({ "ratings": ratings, "score": total })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(total)
    }

    /// The single request for missing documents: only documents the service publishes
    /// may be asked for, with a message to the applicant.
    pub async fn request_documents(
        &self,
        actor: &Actor,
        id: i64,
        items: &[String],
        message: &str,
    ) -> Result<(), ApplicationError> {
        let roles = self.roles();
        let txn = self.store().begin_write().await?;
        let app = self.find(&txn, id).await?;
        let published: Vec<String> = service_document::Entity::find()
            .filter(service_document::Column::ServiceCode.eq(app.service_code.as_str()))
            .all(&txn)
            .await?
            .into_iter()
            .map(|d| d.code)
            .collect();
        if items.is_empty() || items.iter().any(|i| !published.contains(i)) {
            return Err(ApplicationError::Fields(vec![(
                "items".into(),
                "app-error-items",
            )]));
        }
        let history = history_of(&events_of(&txn, id).await?);
        let to = match check_step(
            status_of(&app)?,
            Step::RequestDocuments,
            Some(&roles),
            message,
            history,
        ) {
            Err(StepError::ReasonMissing) => {
                return Err(ApplicationError::Fields(vec![(
                    "message".into(),
                    "app-error-reason",
                )]));
            }
            other => other?,
        };
        let mut am = app.into_active_model();
        am.documents_requested = Set(Some(serde_json::to_string(items).unwrap_or_default()));
        let app = am.update(&txn).await?;
        let app = move_to(
            &txn,
            actor,
            app,
            to,
            message,
            serde_json::json!({ "requested": items }),
        )
        .await?;
        notify(
            &txn,
            &app,
            "documents_requested",
            serde_json::json!({ "items": items }),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Decides at first instance, or on appeal (a higher role). Accepting an admission
    /// places the beneficiary in an establishment delivering the service with a free
    /// place for their sex; if there is none they go on the waiting list.
    pub async fn decide(
        &self,
        actor: &Actor,
        id: i64,
        decision: Decision,
        reason: &str,
    ) -> Result<Status, ApplicationError> {
        let roles = self.roles();
        let txn = self.store().begin_write().await?;
        let app = self.find(&txn, id).await?;
        let from = status_of(&app)?;
        let step = if from == Status::Appealed {
            Step::DecideAppeal(decision)
        } else {
            Step::Decide(decision)
        };
        let history = history_of(&events_of(&txn, id).await?);
        let to = match check_step(from, step, Some(&roles), reason, history) {
            Err(StepError::ReasonMissing) => {
                return Err(ApplicationError::Fields(vec![(
                    "reason".into(),
                    "app-error-reason",
                )]));
            }
            other => other?,
        };
        let mut am = app.into_active_model();
        am.decision_reason = Set(reason.trim().to_owned());
        let app = am.update(&txn).await?;
        let service = service::Entity::find_by_id(app.service_code.as_str())
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let app = if to == Status::Accepted && service.admission {
            match place_in(&txn, actor, app.clone()).await? {
                Some(placed) => {
                    move_to(
                        &txn,
                        actor,
                        placed.clone(),
                        Status::Accepted,
                        reason,
                        serde_json::json!({ "decision": decision.as_str(), "establishment": placed.establishment_id }),
                    )
                    .await?
                }
                None => {
                    move_to(
                        &txn,
                        actor,
                        app,
                        Status::Waiting,
                        reason,
                        serde_json::json!({ "decision": decision.as_str() }),
                    )
                    .await?
                }
            }
        } else {
            move_to(
                &txn,
                actor,
                app,
                to,
                reason,
                serde_json::json!({ "decision": decision.as_str() }),
            )
            .await?
        };
        let status = status_of(&app)?;
        notify(
            &txn,
            &app,
            status.as_str(),
            serde_json::json!({ "service": app.service_code }),
        )
        .await?;
        txn.commit().await?;
        Ok(status)
    }

    /// Gives a waiting applicant a place that has become free.
    pub async fn place(&self, actor: &Actor, id: i64) -> Result<(), ApplicationError> {
        let roles = self.roles();
        let txn = self.store().begin_write().await?;
        let app = self.find(&txn, id).await?;
        let history = history_of(&events_of(&txn, id).await?);
        let to = check_step(status_of(&app)?, Step::Place, Some(&roles), "", history)?;
        let Some(placed) = place_in(&txn, actor, app).await? else {
            return Err(ApplicationError::NoPlace);
        };
        let placed = move_to(
            &txn,
            actor,
            placed.clone(),
            to,
            "",
            serde_json::json!({ "establishment": placed.establishment_id }),
        )
        .await?;
        notify(
            &txn,
            &placed,
            "accepted",
            serde_json::json!({ "service": placed.service_code }),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The waiting list of a service in a province within scope, by rank, with each
    /// application's priority explained.
    pub async fn waiting_list(
        &self,
        service_code: &str,
        province: &str,
    ) -> Result<Vec<(application::Model, priority::Priority)>, StoreError> {
        let p =
            jisr_domain::geo::ProvinceCode::parse(province).map_err(|_| StoreError::NotFound)?;
        if !self.covers_province(&p) {
            return Err(StoreError::NotFound);
        }
        waiting(self.store(), service_code, province).await
    }
}

/// Finds a free place for the application's beneficiary and admits them there (file and
/// register line); `None` when every establishment delivering the service is full.
async fn place_in(
    txn: &DatabaseTransaction,
    actor: &Actor,
    app: application::Model,
) -> Result<Option<application::Model>, StoreError> {
    let sex =
        Sex::parse(&app.beneficiary_sex).map_err(|_| StoreError::Invalid("stored sex".into()))?;
    let candidates = crate::care::candidates(txn, &app.service_code, &app.province_code).await?;
    let Some(chosen) = choose_placement(&candidates, sex, &app.commune_code) else {
        return Ok(None);
    };
    let est = establishment::Entity::find_by_id(chosen)
        .one(txn)
        .await?
        .ok_or(StoreError::NotFound)?;
    let representative = match app.applicant_relation.as_str() {
        "self" => Representative::Self_,
        "parent" => Representative::Parent,
        _ => Representative::Guardian,
    };
    let (beneficiary, _) = crate::care::admit_in(
        txn,
        actor,
        &est,
        &NewBeneficiary {
            name_ar: app.beneficiary_name_ar.clone(),
            name_fr: app.beneficiary_name_fr.clone(),
            birth_date: app.beneficiary_birth_date.clone(),
            sex,
            national_id: app.beneficiary_national_id.clone(),
            representative,
            representative_name: if app.applicant_name_ar.is_empty() {
                app.applicant_name_fr.clone()
            } else {
                app.applicant_name_ar.clone()
            },
            representative_reference: String::new(),
            application_id: Some(app.id),
        },
        &NewAdmission {
            admitted_on: today().to_string(),
            basis: Basis::Referral,
            basis_reference: TrackingCode::parse(&app.tracking_code)
                .map(|c| c.display())
                .unwrap_or_default(),
        },
    )
    .await?;
    let mut am = app.into_active_model();
    am.establishment_id = Set(Some(est.id));
    am.beneficiary_id = Set(Some(beneficiary));
    Ok(Some(am.update(txn).await?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_checked_and_compared_as_national_numbers() {
        assert_eq!(parse_phone("06 12 34 56 78").as_deref(), Some("0612345678"));
        assert_eq!(
            parse_phone("+212 6 12 34 56 78").as_deref(),
            Some("+212612345678")
        );
        assert_eq!(parse_phone("12345"), None);
        assert_eq!(parse_phone("06-12-AB-56-78"), None);
        assert_eq!(phone_digits("+212612345678"), phone_digits("0612345678"));
    }
}
