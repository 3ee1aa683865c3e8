//! Complaints and grievances: filed by anyone without an account ([`file`]), recorded by
//! staff from a counter, a call or a letter ([`Scoped::record`]), followed by the
//! complainant with the tracking code ([`track`], [`appeal`]) and handled by the
//! delegation of the complaint's province through [`Scoped`]: assignment,
//! acknowledgement, examination with internal notes, an answer with its reasons, closure.
//! Deadlines come from the category (data) and `jisr_domain::grievances`; overdue ones
//! stand escalated to the region. A confidential complaint (abuse, staff conduct) is
//! never read by the establishment's manager nor by social workers. Every step is on the
//! shared timeline and audited; notifications go to the shared outbox in the same
//! transaction.

use crate::audit::{self, Actor, Change};
use crate::documents::{self, BatchError, Upload};
use crate::entity::{
    application, authorisation_request, commune, document, establishment, grievance,
    grievance_category, timeline_event,
};
use crate::files::FileStore;
use crate::outbox::{self, Notification};
use crate::owner::Owner;
use crate::timeline::{self, Event, Lines};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use jisr_domain::access::{Capability, Role, Scope};
use jisr_domain::applications::TrackingCode;
use jisr_domain::audit::{Action, Entity};
use jisr_domain::documents::UploadError;
use jisr_domain::geo::ProvinceCode;
use jisr_domain::grievances::{
    AnswerBy, CategoryRules, Channel, Counted, FACTS_MAX_CHARS, FACTS_MIN_CHARS, History, Level,
    Period, Status, Step, StepError, check_step, days_left, due_dates, level, may_read,
};
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

/// The kind naming complaints as owners of documents, timeline lines and notifications.
pub const OWNER_KIND: &str = "grievance";

/// A complaint as the owner of documents, timeline lines and notifications.
pub fn owner(id: i64) -> Owner {
    Owner::new(OWNER_KIND, id)
}

/// The document items a complaint accepts (two files at most).
pub const EVIDENCE: &[&str] = &["evidence_1", "evidence_2"];
/// The longest name, contact or answer field, in characters.
pub const FIELD_MAX_CHARS: usize = 200;
/// Complaints per page of the queue.
pub const PAGE_SIZE: u64 = 25;

/// What a complaint contests.
pub const CONTESTS_APPLICATION: &str = "application";
pub const CONTESTS_AUTHORISATION: &str = "authorisation";

/// A complaint as typed in the public form or by staff.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct GrievanceInput {
    /// A key the form carries so that submitting twice files one complaint.
    pub submission_key: String,
    pub category: String,
    /// `counter`, `phone` or `letter` when staff record it; ignored online.
    pub channel: String,
    pub commune: String,
    /// An establishment of the public directory, by id (optional).
    pub establishment: String,
    pub anonymous: bool,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub answer_by: String,
    pub facts: String,
    /// An application's tracking code or an authorisation's receipt number.
    pub contested: String,
    pub consent: bool,
    pub locale: String,
    /// The day a letter or call was received, when staff record it later (empty: today).
    /// Deadlines run from it.
    pub received_on: String,
}

/// How far back staff may date a complaint they record, in days.
pub const RECEIVED_MAX_AGE_DAYS: u64 = 365;

/// What can go wrong with a complaint.
#[derive(Debug, thiserror::Error)]
pub enum GrievanceError {
    /// Fields refused, each with the translation key of its message.
    #[error("invalid fields: {0:?}")]
    Fields(Vec<(String, &'static str)>),
    #[error("files refused: {0:?}")]
    Uploads(Vec<(String, UploadError)>),
    #[error(transparent)]
    Step(#[from] StepError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for GrievanceError {
    fn from(e: sea_orm::DbErr) -> Self {
        GrievanceError::Store(e.into())
    }
}

impl From<BatchError> for GrievanceError {
    fn from(e: BatchError) -> Self {
        match e {
            BatchError::Refused(r) => GrievanceError::Uploads(r),
            BatchError::Store(s) => GrievanceError::Store(s),
        }
    }
}

/// A filed complaint.
#[derive(Debug, Clone)]
pub struct Filed {
    pub id: i64,
    pub tracking_code: TrackingCode,
    pub answer_due: String,
    /// The same submission was already filed (a double click): nothing new was created.
    pub already_filed: bool,
}

/// The categories, in their order.
pub async fn categories(store: &Store) -> Result<Vec<grievance_category::Model>, StoreError> {
    Ok(grievance_category::Entity::find()
        .order_by_asc(grievance_category::Column::Position)
        .all(store.conn())
        .await?)
}

/// A category's rules as the domain reads them.
pub fn rules(c: &grievance_category::Model) -> CategoryRules {
    CategoryRules {
        ack_days: c.ack_days.max(0) as u32,
        answer_days: c.answer_days.max(0) as u32,
        urgent: c.urgent,
        confidential: c.confidential,
        needs_identity: c.needs_identity,
    }
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|_| today())
}

fn phone_digits(s: &str) -> String {
    let d: String = s.chars().filter(char::is_ascii_digit).collect();
    match d.strip_prefix("212") {
        Some(rest) => format!("0{rest}"),
        None => d,
    }
}

fn status_of(g: &grievance::Model) -> Result<Status, StoreError> {
    Status::parse(&g.status)
        .ok_or_else(|| StoreError::Invalid(format!("stored status `{}`", g.status)))
}

/// The decision a complaint contests, found from what the complainant typed.
struct Contested {
    kind: &'static str,
    id: i64,
    province: String,
    establishment: Option<i64>,
}

/// Finds the decision behind a tracking code (an application, whose applicant's phone
/// must be `phone` when `phone_must_match`) or a receipt number (an authorisation).
async fn find_contested(
    db: &impl ConnectionTrait,
    typed: &str,
    phone: &str,
    phone_must_match: bool,
) -> Result<Option<Contested>, StoreError> {
    let typed = typed.trim();
    if let Ok(code) = TrackingCode::parse(typed) {
        let app = application::Entity::find()
            .filter(application::Column::TrackingCode.eq(code.as_str()))
            .one(db)
            .await?;
        return Ok(app
            .filter(|a| {
                !phone_must_match
                    || (phone_digits(phone).len() >= 9
                        && phone_digits(phone) == phone_digits(&a.applicant_phone))
            })
            .map(|a| Contested {
                kind: CONTESTS_APPLICATION,
                id: a.id,
                province: a.province_code,
                establishment: None,
            }));
    }
    let Some(req) = authorisation_request::Entity::find()
        .filter(authorisation_request::Column::ReceiptNumber.eq(typed))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let est = establishment::Entity::find_by_id(req.establishment_id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(Some(Contested {
        kind: CONTESTS_AUTHORISATION,
        id: req.id,
        province: est.province_code,
        establishment: Some(est.id),
    }))
}

/// The checked facts of a complaint.
struct Checked {
    category: grievance_category::Model,
    province: String,
    commune: Option<String>,
    establishment: Option<i64>,
    answer_by: AnswerBy,
    phone: String,
    contested: Option<Contested>,
}

async fn check(
    store: &Store,
    input: &GrievanceInput,
    online: bool,
) -> Result<Checked, GrievanceError> {
    let db = store.conn();
    let mut errors: Vec<(String, &'static str)> = Vec::new();
    let category = grievance_category::Entity::find_by_id(input.category.trim())
        .one(db)
        .await?;
    if category.is_none() {
        errors.push(("category".into(), "grv-error-category"));
    }
    let needs_identity = category.as_ref().is_some_and(|c| c.needs_identity);
    if input.anonymous && needs_identity {
        errors.push(("anonymous".into(), "grv-error-anonymous-decision"));
    }
    let answer_by = AnswerBy::parse(&input.answer_by);
    if answer_by.is_none() {
        errors.push(("answer_by".into(), "grv-error-answer-by"));
    }
    for (field, value) in [
        ("name", &input.name),
        ("phone", &input.phone),
        ("email", &input.email),
        ("address", &input.address),
    ] {
        if value.chars().count() > FIELD_MAX_CHARS {
            errors.push((field.into(), "grv-error-too-long"));
        }
    }
    let phone = match input.phone.trim() {
        "" => Some(String::new()),
        s => crate::applications::parse_phone(s),
    };
    if phone.is_none() {
        errors.push(("phone".into(), "grv-error-phone"));
    }
    let email = input.email.trim();
    if !email.is_empty() && !jisr_domain::associations::email_ok(email) {
        errors.push(("email".into(), "grv-error-email"));
    }
    if input.anonymous {
        if answer_by.is_some_and(|a| a != AnswerBy::None) {
            errors.push(("answer_by".into(), "grv-error-anonymous-answer"));
        }
    } else {
        if input.name.trim().is_empty() {
            errors.push(("name".into(), "grv-error-name"));
        }
        match answer_by.and_then(AnswerBy::needs) {
            Some("phone") if input.phone.trim().is_empty() => {
                errors.push(("phone".into(), "grv-error-contact-needed"))
            }
            Some("email") if email.is_empty() => {
                errors.push(("email".into(), "grv-error-contact-needed"))
            }
            Some("address") if input.address.trim().is_empty() => {
                errors.push(("address".into(), "grv-error-contact-needed"))
            }
            _ => {}
        }
    }
    let facts = input.facts.trim().chars().count();
    if facts < FACTS_MIN_CHARS {
        errors.push(("facts".into(), "grv-error-facts"));
    } else if facts > FACTS_MAX_CHARS {
        errors.push(("facts".into(), "grv-error-too-long"));
    }
    // What it contests: required when the complaint is about a decision.
    let contested = if input.contested.trim().is_empty() {
        if needs_identity && input.category.trim() == "decision_about_me" {
            errors.push(("contested".into(), "grv-error-contested-needed"));
        }
        None
    } else {
        let found = find_contested(db, &input.contested, &input.phone, online).await?;
        if found.is_none() {
            errors.push(("contested".into(), "grv-error-contested"));
        }
        found
    };
    // The place: an establishment of the directory, else a commune (else the contested
    // decision's own place).
    let mut place: Option<(String, Option<String>, Option<i64>)> = None;
    if !input.establishment.trim().is_empty() {
        let est = match input.establishment.trim().parse::<i64>() {
            Ok(id) => {
                establishment::Entity::find_by_id(id)
                    .filter(
                        establishment::Column::Status
                            .eq(jisr_domain::establishments::Status::Authorised.as_str()),
                    )
                    .one(db)
                    .await?
            }
            Err(_) => None,
        };
        match est {
            Some(e) => place = Some((e.province_code, Some(e.commune_code), Some(e.id))),
            None => errors.push(("establishment".into(), "grv-error-establishment")),
        }
    }
    if place.is_none() && !input.commune.trim().is_empty() {
        match commune::Entity::find_by_id(input.commune.trim())
            .one(db)
            .await?
        {
            Some(c) => place = Some((c.province_code, Some(c.code), None)),
            None => errors.push(("commune".into(), "grv-error-commune")),
        }
    }
    if let (Some(c), None) = (&contested, &place) {
        place = Some((c.province.clone(), None, c.establishment));
    }
    if place.is_none()
        && !errors
            .iter()
            .any(|(f, _)| matches!(f.as_str(), "establishment" | "commune" | "contested"))
    {
        errors.push(("commune".into(), "grv-error-place"));
    }
    if online && !input.consent {
        errors.push(("consent".into(), "grv-error-consent"));
    }
    match (category, answer_by, phone, place) {
        (Some(category), Some(answer_by), Some(phone), Some((province, commune, est)))
            if errors.is_empty() =>
        {
            Ok(Checked {
                category,
                province,
                commune,
                establishment: est,
                answer_by,
                phone,
                contested,
            })
        }
        _ => Err(GrievanceError::Fields(errors)),
    }
}

fn new_code() -> TrackingCode {
    let bytes: [u8; jisr_domain::applications::CODE_RANDOM_LEN] = rand::random();
    TrackingCode::from_random(bytes)
}

/// Whether a code is already given, to a complaint or an application (the two share the
/// tracking page).
async fn code_taken(txn: &DatabaseTransaction, code: &TrackingCode) -> Result<bool, StoreError> {
    Ok(grievance::Entity::find()
        .filter(grievance::Column::TrackingCode.eq(code.as_str()))
        .count(txn)
        .await?
        > 0
        || application::Entity::find()
            .filter(application::Column::TrackingCode.eq(code.as_str()))
            .count(txn)
            .await?
            > 0)
}

/// Tells the complainant, by the way they chose (SMS or e-mail), about a step.
async fn notify(
    txn: &DatabaseTransaction,
    g: &grievance::Model,
    message: &str,
) -> Result<(), StoreError> {
    let recipient = match AnswerBy::parse(&g.answer_by) {
        Some(AnswerBy::Sms) => Some(("sms", g.phone.clone())),
        Some(AnswerBy::Email) => Some(("email", g.email.clone())),
        _ => None,
    };
    let Some((channel, to)) = recipient.filter(|(_, to)| !to.is_empty()) else {
        return Ok(());
    };
    let code = TrackingCode::parse(&g.tracking_code)
        .map(|c| c.display())
        .unwrap_or_else(|_| g.tracking_code.clone());
    outbox::write(
        txn,
        Notification {
            owner: Some(owner(g.id)),
            province_code: &g.province_code,
            channel,
            recipient: &to,
            locale: &g.locale,
            message,
            body: &serde_json::json!({ "code": code, "due_on": g.answer_due }),
        },
    )
    .await
}

/// An urgent complaint goes at once to the provincial officer and the inspectors of its
/// province.
async fn alert_staff(txn: &DatabaseTransaction, g: &grievance::Model) -> Result<(), StoreError> {
    let code = TrackingCode::parse(&g.tracking_code)
        .map(|c| c.display())
        .unwrap_or_default();
    for role in [Role::ProvincialOfficer, Role::Inspector] {
        outbox::write(
            txn,
            Notification {
                owner: Some(owner(g.id)),
                province_code: &g.province_code,
                channel: "staff",
                recipient: &format!("{}@{}", role.as_str(), g.province_code),
                locale: "ar",
                message: "grievance-urgent",
                body: &serde_json::json!({ "code": code, "id": g.id }),
            },
        )
        .await?;
    }
    Ok(())
}

async fn event(
    txn: &DatabaseTransaction,
    id: i64,
    actor: &Actor,
    kind: &str,
    (from, to): (Option<Status>, Option<Status>),
    text: &str,
    public: bool,
) -> Result<(), StoreError> {
    timeline::append(
        txn,
        owner(id),
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

/// Files a complaint (online, or recorded by staff with its channel): every field checked
/// and every error reported at once; files checked and kept before anything is written;
/// then the complaint, its documents, its timeline, the audit entries and the
/// notifications in one transaction. The same `submission_key` again gives back the
/// first complaint.
#[allow(clippy::too_many_arguments)]
async fn create(
    store: &Store,
    actor: &Actor,
    files: &FileStore,
    notice_version: &str,
    input: &GrievanceInput,
    uploads: Vec<Upload>,
    max_bytes: usize,
    channel: Channel,
    staff: Option<&Scoped<'_>>,
) -> Result<Filed, GrievanceError> {
    let key = input.submission_key.trim();
    if key.is_empty() || key.len() > 64 {
        return Err(GrievanceError::Fields(vec![(
            "submission_key".into(),
            "grv-error-form-expired",
        )]));
    }
    if let Some(done) = grievance::Entity::find()
        .filter(grievance::Column::SubmissionKey.eq(key))
        .one(store.conn())
        .await?
    {
        return Ok(Filed {
            id: done.id,
            tracking_code: TrackingCode::parse(&done.tracking_code)
                .map_err(|_| StoreError::Invalid("stored tracking code".into()))?,
            answer_due: done.answer_due,
            already_filed: true,
        });
    }
    let c = check(store, input, staff.is_none()).await?;
    if let Some(s) = staff {
        let province = ProvinceCode::parse(&c.province)
            .map_err(|_| StoreError::Invalid("stored province".into()))?;
        if !s.can_in_province(Capability::HandleGrievances, &province) {
            return Err(GrievanceError::Fields(vec![(
                "commune".into(),
                "grv-error-out-of-territory",
            )]));
        }
    }
    let now = chrono::Utc::now();
    // Staff may date a letter or a call from the day it was received.
    let received = match (staff, input.received_on.trim()) {
        (Some(_), s) if !s.is_empty() => {
            match jisr_domain::registry::parse_past_date(s, now.date_naive()) {
                Ok(d) if now.date_naive() - chrono::Days::new(RECEIVED_MAX_AGE_DAYS) <= d => d,
                _ => {
                    return Err(GrievanceError::Fields(vec![(
                        "received_on".into(),
                        "grv-error-received-on",
                    )]));
                }
            }
        }
        _ => now.date_naive(),
    };
    let kept = documents::check_and_keep(files, uploads, EVIDENCE, max_bytes).await?;
    let r = rules(&c.category);
    let (ack_due, answer_due) = due_dates(received, r);
    let locale = match input.locale.as_str() {
        "fr" | "zgh" => input.locale.clone(),
        _ => "ar".into(),
    };
    let anonymous = input.anonymous;
    let keep = |s: &str| {
        if anonymous {
            String::new()
        } else {
            s.trim().to_owned()
        }
    };
    let txn = store.begin_write().await?;
    let mut code = new_code();
    while code_taken(&txn, &code).await? {
        code = new_code();
    }
    let model = grievance::ActiveModel {
        id: NotSet,
        tracking_code: Set(code.as_str().to_owned()),
        submission_key: Set(key.to_owned()),
        category_code: Set(c.category.code.clone()),
        channel: Set(channel.as_str().to_owned()),
        status: Set(Status::Received.as_str().to_owned()),
        province_code: Set(c.province.clone()),
        commune_code: Set(c.commune.clone()),
        establishment_id: Set(c.establishment),
        anonymous: Set(anonymous),
        name: Set(keep(&input.name)),
        phone: Set(if anonymous {
            String::new()
        } else {
            c.phone.clone()
        }),
        email: Set(keep(&input.email)),
        address: Set(keep(&input.address)),
        answer_by: Set(c.answer_by.as_str().to_owned()),
        facts: Set(input.facts.trim().to_owned()),
        locale: Set(locale),
        notice_version: Set(notice_version.to_owned()),
        contests_kind: Set(c.contested.as_ref().map(|x| x.kind.to_owned())),
        contests_id: Set(c.contested.as_ref().map(|x| x.id)),
        urgent: Set(r.urgent),
        confidential: Set(r.confidential),
        filed_at: Set(crate::time_text(now)),
        ack_due: Set(ack_due.to_string()),
        answer_due: Set(answer_due.to_string()),
        assigned_to: Set(None),
        answer: Set(String::new()),
        answered_at: Set(None),
        appeal_reasons: Set(String::new()),
        closed_at: Set(None),
    }
    .insert(&txn)
    .await?;
    documents::record(&txn, actor, owner(model.id), kept, now).await?;
    event(
        &txn,
        model.id,
        actor,
        "status",
        (None, Some(Status::Received)),
        "",
        true,
    )
    .await?;
    audit::record(
        &txn,
        actor,
        Change {
            action: Action::Submit,
            entity: Entity::Grievance,
            entity_id: model.id.to_string(),
            before: None,
            after: Some(serde_json::json!({
                "category": model.category_code, "channel": model.channel,
                "province": model.province_code, "establishment": model.establishment_id,
                "anonymous": anonymous, "contests": model.contests_kind,
                "contests_id": model.contests_id, "answer_due": model.answer_due,
                "notice_version": notice_version, "received_on": received.to_string(),
            })),
        },
    )
    .await?;
    notify(&txn, &model, "grievance-received").await?;
    if model.urgent {
        alert_staff(&txn, &model).await?;
    }
    txn.commit().await?;
    Ok(Filed {
        id: model.id,
        tracking_code: code,
        answer_due: model.answer_due,
        already_filed: false,
    })
}

/// Checks a complaint as the public form would file it, without filing anything: the
/// same checks as [`file`], every error at once (for a client that must report them
/// together with its own, e.g. a missing retry key).
pub async fn check_filing(store: &Store, input: &GrievanceInput) -> Result<(), GrievanceError> {
    check(store, input, true).await.map(|_| ())
}

/// Files a complaint from the public form, without an account.
pub async fn file(
    store: &Store,
    actor: &Actor,
    files: &FileStore,
    notice_version: &str,
    input: &GrievanceInput,
    uploads: Vec<Upload>,
    max_bytes: usize,
) -> Result<Filed, GrievanceError> {
    create(
        store,
        actor,
        files,
        notice_version,
        input,
        uploads,
        max_bytes,
        Channel::Online,
        None,
    )
    .await
}

/// What the complainant sees of a complaint.
#[derive(Debug, Clone)]
pub struct Tracked {
    pub grievance: grievance::Model,
    pub category: grievance_category::Model,
    /// The public lines of the timeline, oldest first.
    pub events: Vec<timeline_event::Model>,
    pub documents: Vec<document::Model>,
    /// The complainant may still contest the answer (once).
    pub can_appeal: bool,
}

fn history_of(g: &grievance::Model, events: &[timeline_event::Model]) -> History {
    History {
        appealed_before: events
            .iter()
            .any(|e| e.to_status.as_deref() == Some(Status::Appealed.as_str())),
        answered_on: g
            .answered_at
            .as_deref()
            .and_then(|t| t.get(..10))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
    }
}

/// Whether `secret` opens a complaint: a complaint that left a phone or an e-mail needs
/// one of them; an anonymous one, or one without contact, opens with its code alone.
fn secret_matches(g: &grievance::Model, secret: &str) -> bool {
    if g.phone.is_empty() && g.email.is_empty() {
        return true;
    }
    let secret = secret.trim();
    if secret.is_empty() {
        return false;
    }
    if !g.email.is_empty() && secret.eq_ignore_ascii_case(&g.email) {
        return true;
    }
    let digits = phone_digits(secret);
    !g.phone.is_empty() && digits.len() >= 9 && digits == phone_digits(&g.phone)
}

async fn find_tracked(
    db: &impl ConnectionTrait,
    code: &str,
    secret: &str,
) -> Result<grievance::Model, StoreError> {
    let code = TrackingCode::parse(code).map_err(|_| StoreError::NotFound)?;
    let g = grievance::Entity::find()
        .filter(grievance::Column::TrackingCode.eq(code.as_str()))
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)?;
    if secret_matches(&g, secret) {
        Ok(g)
    } else {
        Err(StoreError::NotFound)
    }
}

/// The complainant's view of a complaint, from its tracking code (and the phone or
/// e-mail it gave); anything wrong is "not found". The lookup is audited.
pub async fn track(
    store: &Store,
    actor: &Actor,
    code: &str,
    secret: &str,
) -> Result<Tracked, StoreError> {
    let g = find_tracked(store.conn(), code, secret).await?;
    audit::record_read(store, actor, Entity::Grievance, &g.id.to_string()).await?;
    let category = grievance_category::Entity::find_by_id(g.category_code.as_str())
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
    let events = timeline::read(store.conn(), owner(g.id), Lines::Public).await?;
    let documents = documents::list(store, owner(g.id)).await?;
    let status = status_of(&g)?;
    let can_appeal =
        check_step(status, Step::Appeal, "x", history_of(&g, &events), today()).is_ok();
    Ok(Tracked {
        grievance: g,
        category,
        events,
        documents,
        can_appeal,
    })
}

/// The complainant contests the answer, once, within the set time.
pub async fn appeal(
    store: &Store,
    actor: &Actor,
    code: &str,
    secret: &str,
    reasons: &str,
) -> Result<(), GrievanceError> {
    if reasons.trim().is_empty() {
        return Err(GrievanceError::Fields(vec![(
            "reason".into(),
            "grv-error-reasons",
        )]));
    }
    if reasons.chars().count() > FACTS_MAX_CHARS {
        return Err(GrievanceError::Fields(vec![(
            "reason".into(),
            "grv-error-too-long",
        )]));
    }
    let txn = store.begin_write().await?;
    let g = find_tracked(&txn, code, secret).await?;
    let events = timeline::read(&txn, owner(g.id), Lines::All).await?;
    let from = status_of(&g)?;
    let to = check_step(
        from,
        Step::Appeal,
        reasons,
        history_of(&g, &events),
        today(),
    )?;
    let mut am = g.clone().into_active_model();
    am.status = Set(to.as_str().to_owned());
    am.appeal_reasons = Set(reasons.trim().to_owned());
    am.closed_at = Set(None);
    // The appeal is answered within the category's answer time again.
    let cat = grievance_category::Entity::find_by_id(g.category_code.as_str())
        .one(&txn)
        .await?
        .ok_or(StoreError::NotFound)?;
    let (_, due) = due_dates(today(), rules(&cat));
    am.answer_due = Set(due.to_string());
    let updated = am.update(&txn).await?;
    event(
        &txn,
        g.id,
        actor,
        "status",
        (Some(from), Some(to)),
        reasons,
        true,
    )
    .await?;
    audit::record(
        &txn,
        actor,
        Change {
            action: Action::Status,
            entity: Entity::Grievance,
            entity_id: g.id.to_string(),
            before: Some(serde_json::json!({ "status": from.as_str() })),
            after: Some(serde_json::json!({
                "status": to.as_str(), "reasons": reasons.trim(), "answer_due": updated.answer_due,
            })),
        },
    )
    .await?;
    notify(&txn, &updated, "grievance-appealed").await?;
    txn.commit().await?;
    Ok(())
}

crate::scoped_handle!(
    /// Complaints as one member of staff may read and handle them: those of the
    /// provinces their grants cover (an establishment's manager: those about their
    /// establishment), confidential ones only for the roles `may_read` allows.
    Scoped
);

/// A complaint in the queue, with where it stands today.
#[derive(Debug, Clone)]
pub struct QueueRow {
    pub grievance: grievance::Model,
    pub level: Level,
    pub days_left: Option<i64>,
}

/// What the queue is filtered by.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub status: String,
    pub category: String,
    /// Only those past their deadline and still unanswered (escalated to the region).
    pub escalated: bool,
    pub page: Option<u64>,
}

/// A complaint with everything staff need to handle it.
#[derive(Debug, Clone)]
pub struct Record {
    pub grievance: grievance::Model,
    pub category: grievance_category::Model,
    /// Every line of the timeline, internal notes included.
    pub events: Vec<timeline_event::Model>,
    pub documents: Vec<document::Model>,
    pub level: Level,
    pub days_left: Option<i64>,
    /// The contested application's tracking code or authorisation's receipt number, with
    /// the staff page that shows it.
    pub contested: Option<(String, String)>,
    /// The establishment it is about, if any.
    pub establishment: Option<establishment::Model>,
    /// The person may take the handling steps (not only read).
    pub can_handle: bool,
}

fn row(g: grievance::Model) -> QueueRow {
    let status = Status::parse(&g.status).unwrap_or(Status::Received);
    let due = day(&g.answer_due);
    QueueRow {
        level: level(status, g.urgent, due, today()),
        days_left: days_left(status, due, today()),
        grievance: g,
    }
}

fn awaiting() -> Vec<&'static str> {
    Status::ALL
        .iter()
        .filter(|s| s.awaits_answer())
        .map(|s| s.as_str())
        .collect()
}

impl<'a> Scoped<'a> {
    /// The complaints one grant reaches: its territory (an establishment grant, its
    /// establishment), without the confidential ones where the role may not read them.
    fn grant_condition(role: Role, scope: &Scope) -> Condition {
        let territory = crate::access::condition(
            std::iter::once(scope),
            grievance::Column::ProvinceCode,
            |id| Some(grievance::Column::EstablishmentId.eq(id)),
        );
        if may_read(role, true) {
            territory
        } else {
            Condition::all()
                .add(territory)
                .add(grievance::Column::Confidential.eq(false))
        }
    }

    fn condition_for(&self, capability: Capability) -> Condition {
        let mut any = Condition::any().add(Expr::cust("1 = 0"));
        for (role, scope) in self.grants().iter() {
            if role.can(capability) {
                any = any.add(Self::grant_condition(*role, scope));
            }
        }
        any
    }

    fn condition(&self) -> Condition {
        self.condition_for(Capability::ReadGrievances)
    }

    async fn find(
        &self,
        db: &impl ConnectionTrait,
        id: i64,
        capability: Capability,
    ) -> Result<grievance::Model, StoreError> {
        grievance::Entity::find_by_id(id)
            .filter(self.condition_for(capability))
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)
    }

    fn queue_query(&self, f: &QueueFilter) -> sea_orm::Select<grievance::Entity> {
        let mut q = grievance::Entity::find().filter(self.condition());
        if !f.status.is_empty() {
            q = q.filter(grievance::Column::Status.eq(f.status.as_str()));
        }
        if !f.category.is_empty() {
            q = q.filter(grievance::Column::CategoryCode.eq(f.category.as_str()));
        }
        if f.escalated {
            q = q
                .filter(grievance::Column::Status.is_in(awaiting()))
                .filter(grievance::Column::AnswerDue.lt(today().to_string()));
        }
        q
    }

    /// One page of the queue: awaiting an answer first, urgent first, then the nearest
    /// deadline (so the overdue come first); and how many match in all.
    pub async fn queue(&self, f: &QueueFilter) -> Result<(Vec<QueueRow>, u64), StoreError> {
        let q = self.queue_query(f);
        let total = q.clone().count(self.store().conn()).await?;
        let rows = q
            .order_by_desc(grievance::Column::Status.is_in(awaiting()))
            .order_by_asc(grievance::Column::AnswerDue)
            .order_by_desc(grievance::Column::Urgent)
            .order_by_asc(grievance::Column::Id)
            .offset(crate::listing::Page::new(f.page.unwrap_or(1), PAGE_SIZE).offset())
            .limit(PAGE_SIZE)
            .all(self.store().conn())
            .await?;
        Ok((rows.into_iter().map(row).collect(), total))
    }

    /// The whole queue as filtered, in the queue's order, up to `max` rows (an export);
    /// and how many match in all.
    pub async fn queue_all(
        &self,
        f: &QueueFilter,
        max: u64,
    ) -> Result<(Vec<QueueRow>, u64), StoreError> {
        let q = self.queue_query(f);
        let total = q.clone().count(self.store().conn()).await?;
        let rows = q
            .order_by_desc(grievance::Column::Status.is_in(awaiting()))
            .order_by_asc(grievance::Column::AnswerDue)
            .order_by_desc(grievance::Column::Urgent)
            .order_by_asc(grievance::Column::Id)
            .limit(max)
            .all(self.store().conn())
            .await?;
        Ok((rows.into_iter().map(row).collect(), total))
    }

    /// How many complaints of the scope stand escalated (unanswered past their deadline).
    pub async fn escalated_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .queue_query(&QueueFilter {
                escalated: true,
                ..Default::default()
            })
            .count(self.store().conn())
            .await?)
    }

    /// The figures of the complaints within scope (the same complaints as the queue):
    /// by category, status and province, overdue, and time to answer.
    pub async fn figures(
        &self,
        period: Period,
    ) -> Result<jisr_domain::grievances::Figures, StoreError> {
        let counted = counted(self.store(), self.condition(), period).await?;
        Ok(jisr_domain::grievances::figures(&counted, today()))
    }

    /// Whether the complaint exists for the person as one they may handle (nothing is
    /// read, nothing audited): "not found" otherwise.
    pub async fn ensure(&self, id: i64) -> Result<(), StoreError> {
        self.find(self.store().conn(), id, Capability::HandleGrievances)
            .await
            .map(|_| ())
    }

    /// How many complaints of the scope still wait for an answer.
    pub async fn awaiting_count(&self) -> Result<u64, StoreError> {
        Ok(grievance::Entity::find()
            .filter(self.condition())
            .filter(grievance::Column::Status.is_in(awaiting()))
            .count(self.store().conn())
            .await?)
    }

    /// One complaint within scope; opening it is audited.
    pub async fn get(&self, actor: &Actor, id: i64) -> Result<Record, StoreError> {
        let db = self.store().conn();
        let g = self.find(db, id, Capability::ReadGrievances).await?;
        audit::record_read(self.store(), actor, Entity::Grievance, &id.to_string()).await?;
        let can_handle = self
            .find(db, id, Capability::HandleGrievances)
            .await
            .is_ok();
        let category = grievance_category::Entity::find_by_id(g.category_code.as_str())
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let events = timeline::read(db, owner(id), Lines::All).await?;
        let documents = documents::list(self.store(), owner(id)).await?;
        let contested = match (g.contests_kind.as_deref(), g.contests_id) {
            (Some(CONTESTS_APPLICATION), Some(aid)) => application::Entity::find_by_id(aid)
                .one(db)
                .await?
                .map(|a| {
                    (
                        TrackingCode::parse(&a.tracking_code)
                            .map(|c| c.display())
                            .unwrap_or(a.tracking_code),
                        format!("/applications/{}", a.id),
                    )
                }),
            (Some(CONTESTS_AUTHORISATION), Some(rid)) => {
                authorisation_request::Entity::find_by_id(rid)
                    .one(db)
                    .await?
                    .map(|r| {
                        (
                            r.receipt_number,
                            format!("/establishments/{}", r.establishment_id),
                        )
                    })
            }
            _ => None,
        };
        let establishment = match g.establishment_id {
            Some(eid) => establishment::Entity::find_by_id(eid).one(db).await?,
            None => None,
        };
        let QueueRow {
            grievance,
            level,
            days_left,
        } = row(g);
        Ok(Record {
            grievance,
            category,
            events,
            documents,
            level,
            days_left,
            contested,
            establishment,
            can_handle,
        })
    }

    /// The complaints within scope contesting a record (`application` or `authorisation`
    /// with its id), newest first: what that record's page shows.
    pub async fn contesting(
        &self,
        kind: &str,
        ids: &[i64],
    ) -> Result<Vec<grievance::Model>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        Ok(grievance::Entity::find()
            .filter(self.condition())
            .filter(grievance::Column::ContestsKind.eq(kind))
            .filter(grievance::Column::ContestsId.is_in(ids.iter().copied()))
            .order_by_desc(grievance::Column::Id)
            .all(self.store().conn())
            .await?)
    }

    /// The complaints within scope contesting an authorisation decision of the
    /// establishment `id`: what the establishment's page shows.
    pub async fn contesting_authorisations_of(
        &self,
        establishment_id: i64,
    ) -> Result<Vec<grievance::Model>, StoreError> {
        let ids: Vec<i64> = authorisation_request::Entity::find()
            .filter(authorisation_request::Column::EstablishmentId.eq(establishment_id))
            .all(self.store().conn())
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        self.contesting(CONTESTS_AUTHORISATION, &ids).await
    }

    /// One of a complaint's documents with its bytes; the read is audited.
    pub async fn read_document(
        &self,
        actor: &Actor,
        files: &FileStore,
        id: i64,
        document_id: i64,
    ) -> Result<(document::Model, Vec<u8>), StoreError> {
        self.find(self.store().conn(), id, Capability::ReadGrievances)
            .await?;
        documents::read(self.store(), actor, files, owner(id), document_id).await
    }

    /// Records a complaint received at a counter, by phone or by letter.
    pub async fn record(
        &self,
        actor: &Actor,
        files: &FileStore,
        input: &GrievanceInput,
        uploads: Vec<Upload>,
        max_bytes: usize,
    ) -> Result<Filed, GrievanceError> {
        let channel = Channel::parse(&input.channel).filter(|c| Channel::STAFF.contains(c));
        let Some(channel) = channel else {
            // Report the channel together with the form's other errors.
            let mut errors = vec![("channel".to_owned(), "grv-error-channel")];
            if let Err(GrievanceError::Fields(f)) = check(self.store(), input, false).await {
                errors.extend(f);
            }
            return Err(GrievanceError::Fields(errors));
        };
        create(
            self.store(),
            actor,
            files,
            "staff",
            input,
            uploads,
            max_bytes,
            channel,
            Some(self),
        )
        .await
    }

    /// Gives a complaint to a member of staff who may handle it (themselves, or another
    /// handler of its province allowed to read it).
    pub async fn assign(&self, actor: &Actor, id: i64, user_id: i64) -> Result<(), GrievanceError> {
        let txn = self.store().begin_write().await?;
        let g = self.find(&txn, id, Capability::HandleGrievances).await?;
        let worker = crate::accounts::account(&txn, jisr_domain::ids::UserId(user_id))
            .await
            .map_err(|_| GrievanceError::Fields(vec![("user".into(), "grv-error-handler")]))?;
        let province = ProvinceCode::parse(&g.province_code)
            .map_err(|_| StoreError::Invalid("stored province".into()))?;
        let fits = worker.grants.iter().any(|(r, s)| {
            r.can(Capability::HandleGrievances)
                && s.covers_province(&province)
                && may_read(*r, g.confidential)
        });
        if !fits {
            return Err(GrievanceError::Fields(vec![(
                "user".into(),
                "grv-error-handler",
            )]));
        }
        let before = g.assigned_to;
        let mut am = g.into_active_model();
        am.assigned_to = Set(Some(user_id));
        am.update(&txn).await?;
        event(&txn, id, actor, "note", (None, None), "", false).await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: Action::Assign,
                entity: Entity::Grievance,
                entity_id: id.to_string(),
                before: Some(serde_json::json!({ "assigned_to": before })),
                after: Some(serde_json::json!({ "assigned_to": user_id })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// An internal note (a call, a request for information, a visit): never shown to
    /// the complainant.
    pub async fn note(&self, actor: &Actor, id: i64, text: &str) -> Result<(), GrievanceError> {
        if text.trim().is_empty() {
            return Err(GrievanceError::Fields(vec![(
                "text".into(),
                "grv-error-note",
            )]));
        }
        if text.chars().count() > FACTS_MAX_CHARS {
            return Err(GrievanceError::Fields(vec![(
                "text".into(),
                "grv-error-too-long",
            )]));
        }
        let txn = self.store().begin_write().await?;
        self.find(&txn, id, Capability::HandleGrievances).await?;
        event(&txn, id, actor, "note", (None, None), text, false).await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: Action::Note,
                entity: Entity::Grievance,
                entity_id: id.to_string(),
                before: None,
                after: Some(serde_json::json!({ "note": text.trim() })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// A step of the handling: acknowledge, examine, answer (with its reasons), close.
    pub async fn step(
        &self,
        actor: &Actor,
        id: i64,
        step: Step,
        reasons: &str,
    ) -> Result<(), GrievanceError> {
        if step == Step::Appeal {
            return Err(StepError::NotNow.into());
        }
        if reasons.chars().count() > FACTS_MAX_CHARS {
            return Err(GrievanceError::Fields(vec![(
                "reasons".into(),
                "grv-error-too-long",
            )]));
        }
        let txn = self.store().begin_write().await?;
        let g = self.find(&txn, id, Capability::HandleGrievances).await?;
        let events = timeline::read(&txn, owner(id), Lines::All).await?;
        let from = status_of(&g)?;
        let to = check_step(from, step, reasons, history_of(&g, &events), today())?;
        let now = crate::now_text();
        let mut am = g.clone().into_active_model();
        am.status = Set(to.as_str().to_owned());
        match step {
            Step::Answer => {
                am.answer = Set(reasons.trim().to_owned());
                am.answered_at = Set(Some(now.clone()));
            }
            Step::Close => am.closed_at = Set(Some(now.clone())),
            _ => {}
        }
        let updated = am.update(&txn).await?;
        // The answer's reasons are public (the complainant reads them at /track).
        let text = if step == Step::Answer { reasons } else { "" };
        event(
            &txn,
            id,
            actor,
            "status",
            (Some(from), Some(to)),
            text,
            true,
        )
        .await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: Action::Status,
                entity: Entity::Grievance,
                entity_id: id.to_string(),
                before: Some(serde_json::json!({ "status": from.as_str() })),
                after: Some(serde_json::json!({ "status": to.as_str(), "reasons": text.trim() })),
            },
        )
        .await?;
        let message = match to {
            Status::Acknowledged => Some("grievance-acknowledged"),
            Status::Answered => Some("grievance-answered"),
            _ => None,
        };
        if let Some(m) = message {
            notify(&txn, &updated, m).await?;
        }
        txn.commit().await?;
        Ok(())
    }
}

/// The timeline kind of an escalation to the regional coordinator.
pub const ESCALATED_TO_REGION: &str = "escalated-region";

/// Records the escalation of every complaint left unanswered past its deadline, once per
/// complaint and level: a line on its timeline (internal), a notification to the
/// regional coordinator of its region in the shared outbox and an audit entry, in one
/// transaction per complaint. Called again it finds nothing new; a periodic sweep or the
/// queue's read path calls it. Answers how many were escalated now.
pub async fn escalate_overdue(store: &Store, actor: &Actor) -> Result<u64, StoreError> {
    use crate::entity::province;
    let overdue = grievance::Entity::find()
        .filter(grievance::Column::Status.is_in(awaiting()))
        .filter(grievance::Column::AnswerDue.lt(today().to_string()))
        .all(store.conn())
        .await?;
    if overdue.is_empty() {
        return Ok(0);
    }
    let done: std::collections::HashSet<i64> = timeline_event::Entity::find()
        .filter(timeline_event::Column::OwnerKind.eq(OWNER_KIND))
        .filter(timeline_event::Column::Kind.eq(ESCALATED_TO_REGION))
        .filter(timeline_event::Column::OwnerId.is_in(overdue.iter().map(|g| g.id)))
        .all(store.conn())
        .await?
        .into_iter()
        .map(|e| e.owner_id)
        .collect();
    let mut escalated = 0;
    for g in overdue.into_iter().filter(|g| !done.contains(&g.id)) {
        let txn = store.begin_write().await?;
        // Again inside the transaction: a sweep running at the same time may have done it.
        let already = timeline_event::Entity::find()
            .filter(timeline_event::Column::OwnerKind.eq(OWNER_KIND))
            .filter(timeline_event::Column::OwnerId.eq(g.id))
            .filter(timeline_event::Column::Kind.eq(ESCALATED_TO_REGION))
            .count(&txn)
            .await?
            > 0;
        if already {
            continue;
        }
        let region = province::Entity::find_by_id(g.province_code.as_str())
            .one(&txn)
            .await?
            .map(|p| p.region_code)
            .unwrap_or_default();
        event(
            &txn,
            g.id,
            actor,
            ESCALATED_TO_REGION,
            (None, None),
            "",
            false,
        )
        .await?;
        outbox::write(
            &txn,
            Notification {
                owner: Some(owner(g.id)),
                province_code: &g.province_code,
                channel: "staff",
                recipient: &format!("{}@{region}", Role::RegionalCoordinator.as_str()),
                locale: "ar",
                message: "grievance-escalated",
                body: &serde_json::json!({
                    "code": TrackingCode::parse(&g.tracking_code).map(|c| c.display()).unwrap_or_default(),
                    "id": g.id,
                    "answer_due": g.answer_due,
                }),
            },
        )
        .await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: Action::Status,
                entity: Entity::Grievance,
                entity_id: g.id.to_string(),
                before: Some(serde_json::json!({
                    "level": if g.urgent { Level::Provincial } else { Level::Delegation }.as_str(),
                })),
                after: Some(serde_json::json!({
                    "level": Level::Regional.as_str(), "answer_due": g.answer_due,
                })),
            },
        )
        .await?;
        txn.commit().await?;
        escalated += 1;
    }
    Ok(escalated)
}

/// The complaints matching `condition` filed within `period` (the day in Morocco), as
/// the figures count them: no name, contact, place or text.
async fn counted(
    store: &Store,
    condition: Condition,
    period: Period,
) -> Result<Vec<Counted>, StoreError> {
    let mut q = grievance::Entity::find().filter(condition);
    // Stored instants are UTC: a day of margin either side, then the exact day in Morocco.
    if let Some(from) = period.from.and_then(|d| d.pred_opt()) {
        q = q.filter(grievance::Column::FiledAt.gte(from.to_string()));
    }
    if let Some(to) = period
        .to
        .and_then(|d| d.checked_add_days(chrono::Days::new(2)))
    {
        q = q.filter(grievance::Column::FiledAt.lt(to.to_string()));
    }
    let rows: Vec<(String, String, String, String, String, Option<String>)> = q
        .select_only()
        .columns([
            grievance::Column::CategoryCode,
            grievance::Column::Status,
            grievance::Column::ProvinceCode,
            grievance::Column::FiledAt,
            grievance::Column::AnswerDue,
            grievance::Column::AnsweredAt,
        ])
        .into_tuple()
        .all(store.conn())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(category, status, province, filed, due, answered)| {
            Some(Counted {
                category,
                status: Status::parse(&status)?,
                province,
                filed_on: day_of(&filed)?,
                answer_due: day_of(&due)?,
                answered_on: answered.as_deref().and_then(day_of),
            })
        })
        .filter(|c| period.contains(c.filed_on))
        .collect())
}

/// Every complaint filed within `period`, whatever its territory, as the public figures
/// count them (no name, contact, place or text; confidential ones included, for the
/// caller to publish only as the disclosure rules allow).
pub async fn public_counts(store: &Store, period: Period) -> Result<Vec<Counted>, StoreError> {
    counted(store, Condition::all(), period).await
}

/// The years in which complaints were filed, newest first (this year always included).
pub async fn filing_years(store: &Store, this_year: i32) -> Result<Vec<i32>, StoreError> {
    use chrono::Datelike;
    let first: Option<String> = grievance::Entity::find()
        .select_only()
        .column(grievance::Column::FiledAt)
        .order_by_asc(grievance::Column::FiledAt)
        .into_tuple()
        .one(store.conn())
        .await?;
    let first = first
        .as_deref()
        .and_then(day_of)
        .map(|d| d.year())
        .unwrap_or(this_year)
        .min(this_year);
    Ok((first..=this_year).rev().collect())
}

/// The day in Morocco of a stored instant, or a stored date.
fn day_of(stored: &str) -> Option<NaiveDate> {
    match jisr_domain::time::in_morocco(stored) {
        Some(t) => Some(t.date_naive()),
        None => NaiveDate::parse_from_str(stored.get(..10)?, "%Y-%m-%d").ok(),
    }
}
