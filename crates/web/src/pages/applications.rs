//! Processing applications in the delegation: the queue (by service, status, commune and
//! age, overdue first), the record with its documents and timeline, and the steps —
//! assign, note, assess, one request for documents, decide (or decide the appeal), give
//! a freed place — plus the outbox of notifications.

use super::eservices::upload_errors;
use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::Choice;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::Capability;
use jisr_domain::access::Role;
use jisr_domain::applications::{Decision, Status, TrackingCode};
use jisr_store::applications::{
    ApplicationError, PAGE_SIZE, QueueFilter, QueueRow, Record, Scoped,
};
use jisr_store::matching::{Decision as MatchDecision, EntryRecord, Scoped as MatchScoped};
use jisr_store::services;

#[derive(Template)]
#[template(path = "applications/queue.html")]
struct QueuePage {
    chrome: Chrome,
    rows: Vec<QueueRow>,
    services: Vec<Choice>,
    statuses: Vec<&'static str>,
    filter: QueueFilter,
    mine: bool,
    total: u64,
    page: u64,
    pages: u64,
}

impl QueuePage {
    fn total_count(&self) -> usize {
        self.total as usize
    }

    fn service_name(&self, code: &str) -> String {
        self.services
            .iter()
            .find(|s| s.value == code)
            .map(|s| s.label.clone())
            .unwrap_or_else(|| code.to_owned())
    }

    fn days(&self, d: &i64) -> String {
        if *d < 0 {
            self.chrome.tn("queue-overdue", d.unsigned_abs() as usize)
        } else {
            self.chrome.tn("queue-days-left", *d as usize)
        }
    }

    fn code(&self, stored: &str) -> String {
        TrackingCode::parse(stored)
            .map(|c| c.display())
            .unwrap_or_default()
    }

    /// The export of the list as filtered (`csv` or `xlsx`).
    fn export_href(&self, format: &str) -> String {
        let older = self
            .filter
            .older_than
            .map(|d| d.get().to_string())
            .unwrap_or_default();
        crate::export::href(
            "/applications",
            &[
                ("service", &self.filter.service),
                ("status", &self.filter.status),
                ("commune", &self.filter.commune),
                ("older_than", &older),
                ("mine", if self.mine { "1" } else { "" }),
            ],
            crate::export::Format::parse(format).unwrap_or(crate::export::Format::Csv),
        )
    }

    /// The rows as an export: what the table shows, one line each.
    fn export(&self) -> crate::export::Export {
        let c = &self.chrome;
        crate::export::Export {
            name: "applications",
            entity: jisr_domain::audit::Entity::Application,
            headers: vec![
                c.t("app-tracking-code"),
                c.t("app-service"),
                c.t("app-beneficiary"),
                c.t("app-filed-on"),
                c.t("app-status"),
                c.t("queue-deadline"),
            ],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    let a = &r.application;
                    vec![
                        self.code(&a.tracking_code),
                        self.service_name(&a.service_code),
                        c.name(&a.beneficiary_name_ar, &a.beneficiary_name_fr)
                            .to_owned(),
                        c.date(&a.submitted_at),
                        c.t2("app-status", &a.status),
                        r.days_left.map(|d| self.days(&d)).unwrap_or_default(),
                    ]
                })
                .collect(),
            total: self.total,
            filters: vec![
                ("service", self.filter.service.clone()),
                ("status", self.filter.status.clone()),
                ("commune", self.filter.commune.clone()),
                (
                    "older_than",
                    self.filter
                        .older_than
                        .map(|d| d.get().to_string())
                        .unwrap_or_default(),
                ),
                ("mine", if self.mine { "1".into() } else { String::new() }),
            ],
        }
    }

    fn page_href(&self, page: u64) -> String {
        format!(
            "/applications?service={}&status={}&commune={}&older_than={}{}&page={page}",
            crate::view::encode_path(&self.filter.service),
            crate::view::encode_path(&self.filter.status),
            crate::view::encode_path(&self.filter.commune),
            self.filter
                .older_than
                .map(|d| d.get().to_string())
                .unwrap_or_default(),
            if self.mine { "&mine=1" } else { "" },
        )
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct QueueQuery {
    pub service: String,
    pub status: String,
    pub commune: String,
    pub older_than: String,
    pub mine: String,
    pub page: Option<u64>,
    /// `csv` or `xlsx`: the whole list as a file instead of the page.
    pub format: String,
}

fn user_id(ctx: &Ctx) -> Option<i64> {
    ctx.actor.label.strip_prefix("user:")?.parse().ok()
}

async fn service_choices(ctx: &Ctx, chrome: &Chrome) -> Result<Vec<Choice>, WebError> {
    Ok(services::catalogue(&ctx.state.store, None)
        .await?
        .into_iter()
        .map(|s| Choice {
            label: chrome.name(&s.name_ar, &s.name_fr).to_owned(),
            value: s.code,
        })
        .collect())
}

pub async fn queue(ctx: Ctx, Query(q): Query<QueueQuery>) -> Result<Response, WebError> {
    let chrome = ctx.chrome("queue-apps-title");
    let mine = !q.mine.is_empty();
    let filter = QueueFilter {
        service: q.service,
        status: Status::parse(&q.status)
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        commune: q.commune,
        older_than: jisr_domain::bounds::DaysAgo::parse(&q.older_than).ok(),
        assigned_to: if mine { user_id(&ctx) } else { None },
        page: q.page,
    };
    let export = crate::export::Format::parse(&q.format);
    let scoped = Scoped::from(ctx.access());
    let (rows, total) = match export {
        Some(_) => scoped.queue_all(&filter, crate::export::MAX_ROWS).await?,
        None => scoped.queue(&filter).await?,
    };
    let services = service_choices(&ctx, &chrome).await?;
    let page = QueuePage {
        chrome,
        rows,
        services,
        statuses: Status::ALL.iter().map(|s| s.as_str()).collect(),
        page: filter.page.unwrap_or(1).max(1),
        filter,
        mine,
        pages: total.div_ceil(PAGE_SIZE).max(1),
        total,
    };
    match export {
        Some(format) => crate::export::respond(&ctx, format, page.export()).await,
        None => render(page).map(IntoResponse::into_response),
    }
}

/// A social worker who may be given the application.
pub(crate) struct Worker {
    pub id: i64,
    pub name: String,
}

pub(crate) struct Line {
    pub at: String,
    pub kind: String,
    pub status: String,
    pub text: String,
    pub public: bool,
    pub who: String,
}

pub(crate) struct Criterion {
    pub code: String,
    pub rating: u32,
    pub max: u32,
    pub weight: u32,
    pub points: u32,
}

#[derive(Template)]
#[template(path = "applications/show.html")]
struct ShowPage {
    chrome: Chrome,
    r: Record,
    code: String,
    service_name: String,
    commune: String,
    lines: Vec<Line>,
    workers: Vec<Worker>,
    assigned: String,
    documents: Vec<super::eservices::DocumentLine>,
    criteria: Vec<Criterion>,
    errors: FieldErrors,
    flash: Option<String>,
    can_assign: bool,
    /// The complaints contesting this application's decision.
    complaints: Vec<super::grievances::Contesting>,
    may_decide_appeal: bool,
    documents_requested_before: bool,
    establishment: String,
    priority: super::waiting::PriorityView,
    /// The registry person linked to the beneficiary, when the worker may read them.
    linked: Option<super::matching::PersonView>,
    /// The persons the beneficiary may be, while none is linked (`matching/candidates.html`).
    check: super::matching::CheckView,
    /// The ids of the persons shown, sent back with the decision.
    shown: String,
}

/// The registry person this application's beneficiary is, or those they may be.
struct MatchingSection {
    /// The person linked, when the worker may read them.
    linked: Option<super::matching::PersonView>,
    /// The persons the beneficiary may be, while none is linked.
    check: super::matching::CheckView,
    /// The ids of the persons shown, sent back with the decision.
    shown: String,
}

/// What the matching decisions about an application are filed under.
const MATCH_SUBJECT: &str = "application";

/// The beneficiary as typed in the application, as the matching check reads it.
fn entry_of(app: &jisr_store::entity::application::Model) -> EntryRecord {
    EntryRecord {
        name_ar: app.beneficiary_name_ar.clone(),
        name_lat: app.beneficiary_name_fr.clone(),
        birth_date: app.beneficiary_birth_date.clone(),
        sex: app.beneficiary_sex.clone(),
        national_id: app.beneficiary_national_id.clone(),
        commune_code: app.commune_code.clone(),
    }
}

/// The point of entry when processing an application: the person linked, or the
/// registry persons the beneficiary may be (the check is audited).
async fn matching_section(
    ctx: &Ctx,
    chrome: &Chrome,
    app: &jisr_store::entity::application::Model,
) -> Result<MatchingSection, WebError> {
    let matching = MatchScoped::from(ctx.access());
    if let Some(person) = matching.linked_person(MATCH_SUBJECT, app.id).await? {
        let linked = match matching.person(person).await {
            Ok(card) => Some(super::matching::person_view(chrome, card)),
            Err(jisr_store::StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        };
        return Ok(MatchingSection {
            linked,
            check: Default::default(),
            shown: String::new(),
        });
    }
    let found = matching
        .check(&ctx.actor, MATCH_SUBJECT, &entry_of(app))
        .await?;
    let shown = found
        .here
        .iter()
        .map(|(c, _)| c.person_id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    Ok(MatchingSection {
        linked: None,
        check: super::matching::check_view(chrome, found).for_filed_record(),
        shown,
    })
}

impl ShowPage {
    fn days(&self, d: &i64) -> String {
        if *d < 0 {
            self.chrome.tn("queue-overdue", d.unsigned_abs() as usize)
        } else {
            self.chrome.tn("queue-days-left", *d as usize)
        }
    }

    fn score(&self) -> String {
        self.r
            .tracked
            .application
            .score
            .map(|s| s.to_string())
            .unwrap_or_default()
    }

    /// The translated name of the service's document a file answers.
    fn document_label(&self, code: &Option<String>) -> String {
        let code = code.as_deref().unwrap_or_default();
        self.documents
            .iter()
            .find(|d| d.code == code)
            .map(|d| d.label.clone())
            .unwrap_or_else(|| code.to_owned())
    }

    fn range(&self, max: &u32) -> Vec<u32> {
        (0..=*max).collect()
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    pub done: String,
}

async fn show_page(
    ctx: &Ctx,
    id: i64,
    errors: FieldErrors,
    flash: Option<&str>,
) -> Result<ShowPage, WebError> {
    let g = ctx.grants();
    let scoped = Scoped::from(ctx.access());
    let r = scoped.get(&ctx.actor, id).await?;
    let chrome = ctx.chrome("app-record-title");
    let app = &r.tracked.application;
    let code = TrackingCode::parse(&app.tracking_code)
        .map(|c| c.display())
        .unwrap_or_default();
    let chrome = chrome.with_title(code.clone());
    let db = ctx.state.store.conn();
    let labels: Vec<&str> = r.events.iter().map(|e| e.actor.as_str()).collect();
    let names = jisr_store::accounts::names_of_actors(db, &labels).await?;
    let lines = r
        .events
        .iter()
        .map(|e| Line {
            at: chrome.time(&e.at),
            kind: e.kind.clone(),
            status: e.to_status.clone().unwrap_or_default(),
            text: e.text.clone(),
            public: e.public,
            who: chrome.who(&names, &e.actor),
        })
        .collect();
    let province = jisr_domain::geo::ProvinceCode::parse(&app.province_code).ok();
    let workers: Vec<Worker> = jisr_store::accounts::accounts(db)
        .await?
        .into_iter()
        .filter(|a| {
            a.grants.iter().any(|(r, s)| {
                *r == Role::SocialWorker && province.as_ref().is_some_and(|p| s.covers_province(p))
            })
        })
        .map(|a| Worker {
            id: a.user.id,
            name: a.user.display_name,
        })
        .collect();
    let assigned = app
        .assigned_to
        .and_then(|id| workers.iter().find(|w| w.id == id))
        .map(|w| w.name.clone())
        .unwrap_or_default();
    let docs = services::documents(&ctx.state.store, &app.service_code).await?;
    let model = services::assessment(&r.tracked.service);
    let criteria = r
        .score_lines
        .iter()
        .map(|l| Criterion {
            code: l.code.clone(),
            rating: l.rating,
            max: model
                .iter()
                .find(|c| c.code == l.code)
                .map(|c| c.max)
                .unwrap_or(0),
            weight: l.weight,
            points: l.points,
        })
        .collect();
    let commune = match jisr_domain::geo::CommuneCode::parse(&app.commune_code) {
        Ok(c) => jisr_store::geo::commune(db, &c)
            .await
            .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    let establishment = r
        .tracked
        .establishment
        .as_ref()
        .map(|e| chrome.name(&e.name_ar, &e.name_fr).to_owned())
        .unwrap_or_default();
    let roles: Vec<Role> = g.iter().map(|(r, _)| *r).collect();
    let priority = super::waiting::PriorityView::new(&chrome, &r.priority);
    let matching = matching_section(ctx, &chrome, app).await?;
    Ok(ShowPage {
        linked: matching.linked,
        check: matching.check,
        shown: matching.shown,
        priority,
        service_name: chrome
            .name(&r.tracked.service.name_ar, &r.tracked.service.name_fr)
            .to_owned(),
        documents_requested_before: r
            .events
            .iter()
            .any(|e| e.to_status.as_deref() == Some("documents_requested")),
        documents: super::eservices::document_lines(&chrome, &docs),
        can_assign: roles.iter().any(|r| r.can(Capability::AssignApplications)),
        complaints: super::grievances::contesting(ctx, Some(id), None).await?,
        may_decide_appeal: roles
            .iter()
            .any(|r| r.can(Capability::DecideApplicationAppeals)),
        flash: flash.map(|k| chrome.t(k)),
        code,
        commune,
        lines,
        workers,
        assigned,
        criteria,
        errors,
        establishment,
        chrome,
        r,
    })
}

pub async fn show(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, WebError> {
    let flash = match q.done.as_str() {
        "" => None,
        "linked" => Some("matching-linked-done"),
        "new" => Some("matching-new-done"),
        _ => Some("app-step-done"),
    };
    let page = show_page(&ctx, id, FieldErrors::default(), flash).await?;
    render(page).map(IntoResponse::into_response)
}

/// The outcome of a step: back to the record, or the record with the errors (422).
async fn after_step(
    ctx: &Ctx,
    id: i64,
    result: Result<(), ApplicationError>,
) -> Result<Response, WebError> {
    let chrome = ctx.chrome("app-record-title");
    let errors = match result {
        Ok(()) => return Ok(Redirect::to(&format!("/applications/{id}?done=1")).into_response()),
        Err(ApplicationError::Fields(f)) => FieldErrors::translate(&chrome, f),
        Err(ApplicationError::Uploads(u)) => upload_errors(&chrome, u),
        Err(ApplicationError::Step(e)) => {
            let key = match e {
                jisr_domain::applications::StepError::Role => "app-error-step-role",
                jisr_domain::applications::StepError::DocumentsAlreadyRequested => {
                    "app-error-documents-once"
                }
                jisr_domain::applications::StepError::AlreadyAppealed => "app-error-appeal-once",
                jisr_domain::applications::StepError::ReasonMissing => "app-error-reason",
                jisr_domain::applications::StepError::NotNow => "app-error-step-now",
            };
            let mut f = FieldErrors::default();
            f.push("step", chrome.t(key));
            f
        }
        Err(ApplicationError::Rating(_)) => {
            let mut f = FieldErrors::default();
            f.push("ratings", chrome.t("app-error-rating"));
            f
        }
        Err(ApplicationError::NoPlace) => {
            let mut f = FieldErrors::default();
            f.push("step", chrome.t("app-error-no-place"));
            f
        }
        Err(ApplicationError::Store(e)) => return Err(e.into()),
    };
    let page = show_page(ctx, id, errors, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

/// A form's fields in order, repeated names kept (checkbox lists).
type Pairs = Form<Vec<(String, String)>>;

fn field(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct MatchForm {
    /// A person's id, or `new`.
    #[serde(rename = "match")]
    matched: String,
    /// The ids of the persons shown, comma-separated.
    shown: String,
}

/// The worker's decision about the registry persons shown: the beneficiary is one of
/// them, or none. Remembered with the application (audited); refused when the person
/// was not shown, may not be read, or a person is linked already.
pub async fn match_person(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<MatchForm>,
) -> Result<Response, WebError> {
    let record = Scoped::from(ctx.access()).get(&ctx.actor, id).await?;
    let app = &record.tracked.application;
    let matching = MatchScoped::from(ctx.access());
    let shown: Vec<i64> = form
        .shown
        .split(',')
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    let decision = MatchDecision::parse(&form.matched);
    let allowed = match decision {
        _ if matching.linked_person(MATCH_SUBJECT, id).await?.is_some() => false,
        None => false,
        Some(MatchDecision::New) => true,
        Some(MatchDecision::Linked(p)) => shown.contains(&p) && matching.may_link(p).await?,
    };
    let Some(decision) = decision.filter(|_| allowed) else {
        let chrome = ctx.chrome("app-record-title");
        let errors = FieldErrors::translate(&chrome, vec![("step", "matching-error-link")]);
        let page = show_page(&ctx, id, errors, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response());
    };
    matching
        .decide(
            &ctx.actor,
            &entry_of(app),
            decision,
            &shown,
            (MATCH_SUBJECT, id),
        )
        .await?;
    let done = match decision {
        MatchDecision::Linked(_) => "linked",
        MatchDecision::New => "new",
    };
    Ok(Redirect::to(&format!("/applications/{id}?done={done}#matching")).into_response())
}

pub async fn assign(ctx: Ctx, Path(id): Path<i64>, Form(p): Pairs) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    let user = match field(&p, "user").as_str() {
        "me" | "" => user_id(&ctx).unwrap_or(0),
        other => other.parse().unwrap_or(0),
    };
    let result = scoped.assign(&ctx.actor, id, user).await;
    after_step(&ctx, id, result).await
}

pub async fn note(ctx: Ctx, Path(id): Path<i64>, Form(p): Pairs) -> Result<Response, WebError> {
    let result = Scoped::from(ctx.access())
        .note(&ctx.actor, id, &field(&p, "text"))
        .await;
    after_step(&ctx, id, result).await
}

pub async fn assess(ctx: Ctx, Path(id): Path<i64>, Form(p): Pairs) -> Result<Response, WebError> {
    let ratings: Vec<(String, u32)> = p
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("rate-")?.to_owned(), v.parse().ok()?)))
        .collect();
    let result = Scoped::from(ctx.access())
        .rate(&ctx.actor, id, &ratings)
        .await
        .map(|_| ());
    after_step(&ctx, id, result).await
}

pub async fn request_documents(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(p): Pairs,
) -> Result<Response, WebError> {
    let items: Vec<String> = p
        .iter()
        .filter(|(k, _)| k == "items")
        .map(|(_, v)| v.clone())
        .collect();
    let result = Scoped::from(ctx.access())
        .request_documents(&ctx.actor, id, &items, &field(&p, "message"))
        .await;
    after_step(&ctx, id, result).await
}

pub async fn decide(ctx: Ctx, Path(id): Path<i64>, Form(p): Pairs) -> Result<Response, WebError> {
    let result = match Decision::parse(&field(&p, "decision")) {
        Some(d) => Scoped::from(ctx.access())
            .decide(&ctx.actor, id, d, &field(&p, "reason"))
            .await
            .map(|_| ()),
        None => {
            // Out of scope stays "not found" before the fields are looked at.
            Scoped::from(ctx.access()).ensure(id).await?;
            Err(ApplicationError::Fields(vec![(
                "decision".into(),
                "app-error-decision",
            )]))
        }
    };
    after_step(&ctx, id, result).await
}

pub async fn place(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let result = Scoped::from(ctx.access()).place(&ctx.actor, id).await;
    after_step(&ctx, id, result).await
}

pub async fn document(ctx: Ctx, Path((id, doc)): Path<(i64, i64)>) -> Result<Response, WebError> {
    let (d, bytes) = Scoped::from(ctx.access())
        .read_document(&ctx.actor, &ctx.state.files, id, doc)
        .await?;
    Ok((
        [
            (header::CONTENT_TYPE, d.content_type.clone()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", d.file_name),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// A notification as the applicant receives it, in their language.
pub(crate) struct Message {
    pub at: String,
    pub channel: String,
    pub recipient: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "applications/outbox.html")]
struct OutboxPage {
    chrome: Chrome,
    messages: Vec<Message>,
}

pub async fn outbox(ctx: Ctx) -> Result<Response, WebError> {
    let chrome = ctx.chrome("outbox-title");
    let rows = jisr_store::outbox::Scoped::from(ctx.access())
        .latest(200)
        .await?;
    let messages = rows
        .into_iter()
        .map(|m| {
            let locale = jisr_i18n::Locale::parse(&m.locale).unwrap_or(jisr_i18n::Locale::Ar);
            let params: serde_json::Value = serde_json::from_str(&m.body).unwrap_or_default();
            let code = params
                .get("code")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned();
            let mut args = jisr_i18n::Args::new();
            // Every text parameter of the message (a title, a date), then its code.
            if let Some(map) = params.as_object() {
                for (k, v) in map {
                    if let Some(text) = v.as_str() {
                        args.set(k.clone(), text.to_owned());
                    }
                }
            }
            args.set("code".to_owned(), code);
            let text =
                ctx.state
                    .catalog
                    .t_args(locale, &format!("notify-{}", m.message), Some(&args));
            Message {
                at: chrome.time(&m.at),
                channel: m.channel,
                recipient: m.recipient,
                text,
            }
        })
        .collect();
    render(OutboxPage { chrome, messages }).map(IntoResponse::into_response)
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
            "/applications",
            "/applications",
            Can(Capability::ProcessApplications),
            get(queue),
        )
        .add(
            Method::GET,
            "/outbox",
            "/outbox",
            Can(Capability::ProcessApplications),
            get(outbox),
        )
        // Examples: application 1 is in Rehamna, application 2 in Casablanca.
        .add_record(
            Method::GET,
            "/applications/{id}",
            "/applications/1",
            Some("/applications/2"),
            Can(Capability::ProcessApplications),
            get(show),
        )
        .add_record(
            Method::GET,
            "/applications/{id}/documents/{doc}",
            "/applications/1/documents/13",
            Some("/applications/2/documents/14"),
            Can(Capability::ProcessApplications),
            get(document),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/match",
            "/applications/1/match",
            Some("/applications/2/match"),
            Can(Capability::ProcessApplications),
            post(match_person),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/assign",
            "/applications/1/assign",
            Some("/applications/2/assign"),
            Can(Capability::ProcessApplications),
            post(assign),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/note",
            "/applications/1/note",
            Some("/applications/2/note"),
            Can(Capability::ProcessApplications),
            post(note),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/assess",
            "/applications/1/assess",
            Some("/applications/2/assess"),
            Can(Capability::ProcessApplications),
            post(assess),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/request-documents",
            "/applications/1/request-documents",
            Some("/applications/2/request-documents"),
            Can(Capability::ProcessApplications),
            post(request_documents),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/decide",
            "/applications/1/decide",
            Some("/applications/2/decide"),
            Can(Capability::ProcessApplications),
            post(decide),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/place",
            "/applications/1/place",
            Some("/applications/2/place"),
            Can(Capability::ProcessApplications),
            post(place),
        )
}
