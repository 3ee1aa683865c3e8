//! Complaints and grievances. The public side: the form anyone fills without an account
//! (the place first, so the lists stay short on a phone), the receipt with the tracking
//! code and the deadline, and the complaint's progress at `/track` with the appeal of
//! the answer. The staff side: the queue of the territory (escalated and urgent first),
//! recording a complaint received at a counter, by phone or by letter, and the record
//! with its handling steps.

use super::eservices::{KeptFile, files_of, keep, upload_errors};
use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::{Choice, Chrome, FieldErrors};
use crate::views::eservices::notice_version;
use crate::views::grievances::step_error_key;
use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Form, Multipart, Path, Query};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::Capability;
use jisr_domain::applications::TrackingCode;
use jisr_domain::geo::ProvinceCode;
use jisr_domain::grievances::{AnswerBy, Channel, Level, Status, Step, StepError, may_read};
use jisr_store::entity::{grievance, grievance_category};
use jisr_store::grievances::{
    self, EVIDENCE, GrievanceError, GrievanceInput, PAGE_SIZE, QueueFilter, QueueRow, Record,
    Scoped, Tracked,
};
use serde::Deserialize;

/// A category as the form shows it.
pub(crate) struct CategoryChoice {
    pub code: String,
    pub name: String,
    pub needs_identity: bool,
    pub urgent: bool,
}

fn category_choices(chrome: &Chrome, rows: &[grievance_category::Model]) -> Vec<CategoryChoice> {
    rows.iter()
        .map(|c| CategoryChoice {
            code: c.code.clone(),
            name: chrome.name(&c.name_ar, &c.name_fr).to_owned(),
            needs_identity: c.needs_identity,
            urgent: c.urgent,
        })
        .collect()
}

fn category_name(chrome: &Chrome, rows: &[grievance_category::Model], code: &str) -> String {
    rows.iter()
        .find(|c| c.code == code)
        .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

fn display_code(stored: &str) -> String {
    TrackingCode::parse(stored)
        .map(|c| c.display())
        .unwrap_or_default()
}

/// The place lists of a province: its communes and the establishments of the public
/// directory there.
struct Places {
    province: String,
    province_name: String,
    provinces: Vec<Choice>,
    communes: Vec<Choice>,
    establishments: Vec<Choice>,
}

async fn places(
    ctx: &Ctx,
    chrome: &Chrome,
    province: Option<ProvinceCode>,
) -> Result<Places, WebError> {
    let db = ctx.state.store.conn();
    let provinces = jisr_store::geo::provinces(db, None)
        .await?
        .into_iter()
        .map(|p| Choice {
            label: chrome.name(&p.name_ar, &p.name_fr).to_owned(),
            value: p.code,
        })
        .collect();
    let (province_name, communes, establishments) = match &province {
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
            let establishments = jisr_store::establishments::public_directory(
                &ctx.state.store,
                &jisr_store::establishments::DirectoryFilter {
                    province: Some(p.clone()),
                    ..Default::default()
                },
            )
            .await?
            .into_iter()
            .map(|e| Choice {
                label: chrome.name(&e.name_ar, &e.name_fr).to_owned(),
                value: e.id.to_string(),
            })
            .collect();
            (name, communes, establishments)
        }
        None => (String::new(), Vec::new(), Vec::new()),
    };
    Ok(Places {
        province: province.map(|p| p.to_string()).unwrap_or_default(),
        province_name,
        provinces,
        communes,
        establishments,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlaceQuery {
    pub province: String,
}

#[derive(Template)]
#[template(path = "grievances/new.html")]
struct NewPage {
    chrome: Chrome,
    /// Staff recording a complaint (channel asked, no consent box).
    staff: bool,
    action: &'static str,
    categories: Vec<CategoryChoice>,
    answer_by: Vec<&'static str>,
    channels: Vec<&'static str>,
    places: Places,
    form: GrievanceInput,
    kept: Vec<KeptFile>,
    evidence: Vec<&'static str>,
    errors: FieldErrors,
    reference: String,
}

impl NewPage {
    fn kept_for(&self, item: &str) -> Option<&KeptFile> {
        self.kept.iter().find(|k| k.item == item)
    }

    fn doc_field(&self, code: &str) -> String {
        format!("doc_{code}")
    }
}

#[allow(clippy::too_many_arguments)]
async fn new_page(
    ctx: &Ctx,
    staff: bool,
    province: Option<ProvinceCode>,
    form: GrievanceInput,
    kept: Vec<KeptFile>,
    errors: FieldErrors,
) -> Result<NewPage, WebError> {
    let chrome = ctx.chrome(if staff {
        "grv-record-title"
    } else {
        "grv-new-title"
    });
    let categories = grievances::categories(&ctx.state.store).await?;
    Ok(NewPage {
        staff,
        action: if staff {
            "/grievances/new"
        } else {
            "/complaints/new"
        },
        categories: category_choices(&chrome, &categories),
        answer_by: AnswerBy::ALL.iter().map(|a| a.as_str()).collect(),
        channels: Channel::STAFF.iter().map(|c| c.as_str()).collect(),
        places: places(ctx, &chrome, province).await?,
        form,
        kept,
        evidence: EVIDENCE.to_vec(),
        errors,
        reference: ctx.state.config.data_protection_reference.clone(),
        chrome,
    })
}

fn fresh_form() -> GrievanceInput {
    GrievanceInput {
        submission_key: uuid::Uuid::new_v4().simple().to_string(),
        answer_by: "sms".into(),
        ..Default::default()
    }
}

/// The public complaint form.
pub async fn new_form(ctx: Ctx, Query(q): Query<PlaceQuery>) -> Result<Response, WebError> {
    let page = new_page(
        &ctx,
        false,
        ProvinceCode::parse(&q.province).ok(),
        fresh_form(),
        Vec::new(),
        FieldErrors::default(),
    )
    .await?;
    render(page).map(IntoResponse::into_response)
}

fn input_of(parts: &super::uploads::FormParts, locale: &str) -> GrievanceInput {
    GrievanceInput {
        submission_key: parts.text("submission_key"),
        category: parts.text("category"),
        channel: parts.text("channel"),
        commune: parts.text("commune"),
        establishment: parts.text("establishment"),
        anonymous: parts.text("anonymous") == "yes",
        name: parts.text("name"),
        phone: parts.text("phone"),
        email: parts.text("email"),
        address: parts.text("address"),
        answer_by: parts.text("answer_by"),
        facts: parts.text("facts"),
        contested: parts.text("contested"),
        consent: parts.text("consent") == "yes",
        locale: locale.to_owned(),
        received_on: parts.text("received_on"),
    }
}

#[derive(Template)]
#[template(path = "grievances/receipt.html")]
struct ReceiptPage {
    chrome: Chrome,
    code: String,
    category: String,
    tracked: Tracked,
    already_filed: bool,
}

/// Files the complaint: the receipt, or the form again with every error at its field,
/// what was typed and the accepted files kept.
pub async fn file(
    ctx: Ctx,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let parts = super::uploads::read_form(multipart)
        .await
        .unwrap_or_default();
    let input = input_of(&parts, ctx.locale.tag());
    let province = ProvinceCode::parse(&parts.text("province")).ok();
    let uploads = files_of(&ctx, &parts).await;
    let notice = notice_version(&ctx.state.config.data_protection_reference);
    let result = grievances::file(
        &ctx.state.store,
        &ctx.actor,
        &ctx.state.files,
        &notice,
        &input,
        uploads.clone(),
        ctx.state.config.max_upload_bytes,
    )
    .await;
    let chrome = ctx.chrome("grv-new-title");
    let errors = match result {
        Ok(done) => {
            // The receipt reads the complaint as the complainant will at /track.
            let secret = if input.phone.trim().is_empty() {
                input.email.clone()
            } else {
                input.phone.clone()
            };
            let tracked = grievances::track(
                &ctx.state.store,
                &ctx.actor,
                done.tracking_code.as_str(),
                &secret,
            )
            .await?;
            let chrome = ctx.chrome("grv-receipt-title");
            let categories = grievances::categories(&ctx.state.store).await?;
            return render(ReceiptPage {
                code: done.tracking_code.display(),
                category: category_name(&chrome, &categories, &tracked.grievance.category_code),
                tracked,
                already_filed: done.already_filed,
                chrome,
            })
            .map(IntoResponse::into_response);
        }
        Err(GrievanceError::Fields(f)) => FieldErrors::translate(&chrome, f),
        Err(GrievanceError::Uploads(u)) => upload_errors(&chrome, u),
        Err(GrievanceError::Store(e)) => return Err(e.into()),
        Err(GrievanceError::Step(e)) => return Err(WebError::Internal(e.to_string())),
    };
    let kept = keep(&ctx, &uploads).await;
    let page = new_page(&ctx, false, province, input, kept, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

/// A line of a complaint's timeline.
pub(crate) struct Line {
    pub at: String,
    pub status: String,
    pub kind: String,
    pub text: String,
    pub public: bool,
    pub who: String,
}

#[derive(Template)]
#[template(path = "grievances/status.html")]
struct StatusPage {
    chrome: Chrome,
    code: String,
    secret: String,
    category: String,
    tracked: Tracked,
    timeline: Vec<Line>,
    errors: FieldErrors,
    flash: Option<String>,
    reason: String,
}

/// The complaint behind a tracking code at `/track`, when the code is a complaint's;
/// `None` when nothing matches (the tracking page then says "not found").
pub(crate) async fn tracked_page(
    ctx: &Ctx,
    code: &str,
    secret: &str,
    errors: FieldErrors,
    flash: Option<&str>,
    reason: &str,
) -> Result<Option<Response>, WebError> {
    let tracked = match grievances::track(&ctx.state.store, &ctx.actor, code, secret).await {
        Ok(t) => t,
        Err(jisr_store::StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let chrome = ctx.chrome("grv-status-title");
    let categories = grievances::categories(&ctx.state.store).await?;
    let timeline = tracked
        .events
        .iter()
        .map(|e| Line {
            at: chrome.time(&e.at),
            status: e.to_status.clone().unwrap_or_default(),
            kind: e.kind.clone(),
            text: e.text.clone(),
            public: e.public,
            who: String::new(),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = StatusPage {
        code: display_code(&tracked.grievance.tracking_code),
        secret: secret.to_owned(),
        category: category_name(&chrome, &categories, &tracked.grievance.category_code),
        tracked,
        timeline,
        errors,
        flash: flash.map(|k| chrome.t(k)),
        reason: reason.to_owned(),
        chrome,
    };
    Ok(Some((status, render(page)?).into_response()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AppealForm {
    pub code: String,
    pub secret: String,
    pub reason: String,
}

/// The complainant contests the answer (once), from the tracking page.
pub async fn appeal(ctx: Ctx, Form(form): Form<AppealForm>) -> Result<Response, WebError> {
    let chrome = ctx.chrome("grv-status-title");
    let result = grievances::appeal(
        &ctx.state.store,
        &ctx.actor,
        &form.code,
        &form.secret,
        &form.reason,
    )
    .await;
    let (errors, flash, reason) = match result {
        Ok(()) => (FieldErrors::default(), Some("grv-appeal-sent"), ""),
        Err(GrievanceError::Fields(f)) => (
            FieldErrors::translate(&chrome, f),
            None,
            form.reason.as_str(),
        ),
        Err(GrievanceError::Step(e)) => {
            let mut f = FieldErrors::default();
            f.push("reason", chrome.t(step_error_key(e)));
            (f, None, form.reason.as_str())
        }
        Err(GrievanceError::Store(jisr_store::StoreError::NotFound)) => {
            return Err(WebError::NotFound);
        }
        Err(GrievanceError::Store(e)) => return Err(e.into()),
        Err(GrievanceError::Uploads(_)) => return Err(WebError::NotFound),
    };
    tracked_page(&ctx, &form.code, &form.secret, errors, flash, reason)
        .await?
        .ok_or(WebError::NotFound)
}

// ---------------------------------------------------------------------------------
// Staff pages.

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueueQuery {
    pub status: String,
    pub category: String,
    pub escalated: String,
    pub page: Option<u64>,
    /// `csv` or `xlsx`: the queue as a file instead of the page.
    pub format: String,
}

#[derive(Template)]
#[template(path = "grievances/queue.html")]
struct QueuePage {
    chrome: Chrome,
    rows: Vec<QueueRow>,
    categories: Vec<grievance_category::Model>,
    statuses: Vec<&'static str>,
    filter: QueueFilter,
    total: u64,
    escalated: u64,
    can_record: bool,
    page: u64,
    pages: u64,
}

impl QueuePage {
    fn category(&self, code: &str) -> String {
        category_name(&self.chrome, &self.categories, code)
    }

    fn code(&self, stored: &str) -> String {
        display_code(stored)
    }

    fn days(&self, d: &i64) -> String {
        if *d < 0 {
            self.chrome.tn("grv-overdue", d.unsigned_abs() as usize)
        } else {
            self.chrome.tn("grv-days-left", *d as usize)
        }
    }

    fn level(&self, l: &Level) -> String {
        self.chrome.t2("grv-level", l.as_str())
    }

    fn total_count(&self) -> usize {
        self.total as usize
    }

    fn escalated_count(&self) -> usize {
        self.escalated as usize
    }

    /// The export of the queue as filtered (`csv` or `xlsx`).
    fn export_href(&self, format: &str) -> String {
        crate::export::href(
            "/grievances",
            &[
                ("status", &self.filter.status),
                ("category", &self.filter.category),
                ("escalated", if self.filter.escalated { "1" } else { "" }),
            ],
            crate::export::Format::parse(format).unwrap_or(crate::export::Format::Csv),
        )
    }

    /// The queue as an export: the columns the table shows, no more (no name, place
    /// or text of the complaint), one line per complaint.
    fn export(&self) -> crate::export::Export {
        let c = &self.chrome;
        crate::export::Export {
            name: "grievances",
            entity: jisr_domain::audit::Entity::Grievance,
            headers: vec![
                c.t("app-tracking-code"),
                c.t("grv-category"),
                c.t("grv-channel"),
                c.t("app-filed-on"),
                c.t("app-status"),
                c.t("grv-level"),
                c.t("queue-deadline"),
                c.t("grv-urgent"),
            ],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    let g = &r.grievance;
                    vec![
                        self.code(&g.tracking_code),
                        self.category(&g.category_code),
                        c.t2("grv-channel", &g.channel),
                        c.date(&g.filed_at),
                        c.t2("grv-status", &g.status),
                        self.level(&r.level),
                        r.days_left.map(|d| self.days(&d)).unwrap_or_default(),
                        if g.urgent {
                            c.t("grv-urgent")
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect(),
            total: self.total,
            filters: vec![
                ("status", self.filter.status.clone()),
                ("category", self.filter.category.clone()),
                (
                    "escalated",
                    if self.filter.escalated {
                        "1".into()
                    } else {
                        String::new()
                    },
                ),
            ],
        }
    }

    fn page_href(&self, page: u64) -> String {
        format!(
            "/grievances?status={}&category={}&escalated={}&page={page}",
            crate::view::encode_path(&self.filter.status),
            crate::view::encode_path(&self.filter.category),
            if self.filter.escalated { "1" } else { "" },
        )
    }
}

/// The complaints of the person's territory: awaiting an answer first, the overdue
/// (escalated) and urgent ones before the rest.
pub async fn queue(ctx: Ctx, Query(q): Query<QueueQuery>) -> Result<Response, WebError> {
    crate::views::grievances::escalate_overdue(&ctx).await?;
    let scoped = Scoped::from(ctx.access());
    let filter = QueueFilter {
        status: Status::parse(&q.status)
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        category: q.category.trim().to_owned(),
        escalated: q.escalated == "1",
        page: q.page.filter(|p| *p >= 1),
    };
    let export = crate::export::Format::parse(&q.format);
    let (rows, total) = match export {
        Some(_) => scoped.queue_all(&filter, crate::export::MAX_ROWS).await?,
        None => scoped.queue(&filter).await?,
    };
    let escalated = scoped.escalated_count().await?;
    let chrome = ctx.chrome("grv-queue-title");
    let page = QueuePage {
        categories: grievances::categories(&ctx.state.store).await?,
        statuses: Status::ALL.iter().map(|s| s.as_str()).collect(),
        page: filter.page.unwrap_or(1),
        pages: total.div_ceil(PAGE_SIZE).max(1),
        filter,
        rows,
        total,
        escalated,
        can_record: ctx.can(Capability::HandleGrievances),
        chrome,
    };
    match export {
        Some(format) => crate::export::respond(&ctx, format, page.export()).await,
        None => render(page).map(IntoResponse::into_response),
    }
}

#[derive(Template)]
#[template(path = "grievances/figures.html")]
struct FiguresPage {
    chrome: Chrome,
    figures: jisr_domain::grievances::Figures,
    charts: Vec<super::charts::Chart>,
    filter: PeriodQuery,
    years: Vec<(String, bool)>,
    errors: FieldErrors,
}

impl FiguresPage {
    fn count(&self, n: &u64) -> String {
        jisr_i18n::format_count(self.chrome.locale, *n as i64)
    }

    fn in_time(&self) -> String {
        self.chrome.targs(
            "grv-figures-in-time-of",
            &[
                ("in_time", self.count(&self.figures.answered_in_time)),
                ("answered", self.count(&self.figures.answered)),
            ],
        )
    }

    fn median(&self) -> String {
        match self.figures.median_days_to_answer {
            Some(d) => self.chrome.tn("grv-figures-days", d as usize),
            None => self.chrome.t("grv-figures-no-answer"),
        }
    }
}

/// The figures of the complaints the person may read: by category, status and
/// province, overdue, answered in time and the median time to answer, as charts with
/// their tables.
pub async fn figures(ctx: Ctx, Query(q): Query<PeriodQuery>) -> Result<Response, WebError> {
    let chrome = ctx.chrome("grv-figures-title");
    let (period, errors) = match period_of(&chrome, &q, None) {
        Ok(p) => (Some(p), FieldErrors::default()),
        Err(e) => (None, e),
    };
    let figures = match period {
        Some(p) => Scoped::from(ctx.access()).figures(p).await?,
        None => jisr_domain::grievances::Figures::default(),
    };
    let selected = period
        .and_then(|p| p.as_year())
        .map(|y| y.to_string())
        .unwrap_or_default();
    let years = grievances::filing_years(&ctx.state.store, this_year())
        .await?
        .iter()
        .map(|y| (y.to_string(), y.to_string() == selected))
        .collect();
    let store = &ctx.state.store;
    let categories = grievances::categories(store).await?;
    let mut charts = Vec::new();
    if figures.total > 0 {
        let rows = figures
            .by_category
            .iter()
            .map(|(code, n)| {
                let name = categories
                    .iter()
                    .find(|c| &c.code == code)
                    .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
                    .unwrap_or_else(|| code.clone());
                (name, *n as f64)
            })
            .collect();
        charts.push(super::charts::bar_chart(
            &chrome,
            "grv-by-category",
            &chrome.t("grv-figures-by-category"),
            &chrome.t("grv-category"),
            rows,
        ));
        let rows = figures
            .by_status
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| (chrome.t2("grv-status", s.as_str()), *n as f64))
            .collect();
        charts.push(super::charts::bar_chart(
            &chrome,
            "grv-by-status",
            &chrome.t("grv-figures-by-status"),
            &chrome.t("fig-status"),
            rows,
        ));
        if figures.by_province.len() > 1 {
            let mut rows = Vec::new();
            for (code, n) in &figures.by_province {
                let name = match ProvinceCode::parse(code) {
                    Ok(p) => match jisr_store::geo::province(store.conn(), &p).await {
                        Ok(p) => chrome.name(&p.name_ar, &p.name_fr).to_owned(),
                        Err(_) => code.clone(),
                    },
                    Err(_) => code.clone(),
                };
                rows.push((name, *n as f64));
            }
            charts.push(super::charts::bar_chart(
                &chrome,
                "grv-by-province",
                &chrome.t("grv-figures-by-province"),
                &chrome.t("est-province"),
                rows,
            ));
        }
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = FiguresPage {
        chrome,
        figures,
        charts,
        filter: q,
        years,
        errors,
    };
    Ok((status, render(page)?).into_response())
}

/// The form staff fill for a complaint received at a counter, by phone or by letter.
pub async fn record_form(ctx: Ctx, Query(q): Query<PlaceQuery>) -> Result<Response, WebError> {
    let mut form = fresh_form();
    form.channel = "counter".into();
    let page = new_page(
        &ctx,
        true,
        ProvinceCode::parse(&q.province).ok(),
        form,
        Vec::new(),
        FieldErrors::default(),
    )
    .await?;
    render(page).map(IntoResponse::into_response)
}

pub async fn record(
    ctx: Ctx,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let parts = super::uploads::read_form(multipart)
        .await
        .unwrap_or_default();
    let mut input = input_of(&parts, ctx.locale.tag());
    let locale = parts.text("locale");
    if matches!(locale.as_str(), "ar" | "fr" | "zgh") {
        input.locale = locale;
    }
    let province = ProvinceCode::parse(&parts.text("province")).ok();
    let uploads = files_of(&ctx, &parts).await;
    let scoped = Scoped::from(ctx.access());
    let result = scoped
        .record(
            &ctx.actor,
            &ctx.state.files,
            &input,
            uploads.clone(),
            ctx.state.config.max_upload_bytes,
        )
        .await;
    let chrome = ctx.chrome("grv-record-title");
    let errors = match result {
        Ok(done) => {
            return Ok(Redirect::to(&format!("/grievances/{}?done=1", done.id)).into_response());
        }
        Err(GrievanceError::Fields(f)) => FieldErrors::translate(&chrome, f),
        Err(GrievanceError::Uploads(u)) => upload_errors(&chrome, u),
        Err(GrievanceError::Store(e)) => return Err(e.into()),
        Err(GrievanceError::Step(e)) => return Err(WebError::Internal(e.to_string())),
    };
    let kept = keep(&ctx, &uploads).await;
    let page = new_page(&ctx, true, province, input, kept, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

/// A member of staff the complaint may be given to.
pub(crate) struct Handler {
    pub id: i64,
    pub name: String,
}

#[derive(Template)]
#[template(path = "grievances/show.html")]
struct ShowPage {
    chrome: Chrome,
    r: Record,
    code: String,
    category: String,
    place: String,
    establishment: String,
    lines: Vec<Line>,
    handlers: Vec<Handler>,
    assigned: String,
    steps: Vec<&'static str>,
    errors: FieldErrors,
    flash: Option<String>,
}

impl ShowPage {
    fn days(&self, d: &i64) -> String {
        if *d < 0 {
            self.chrome.tn("grv-overdue", d.unsigned_abs() as usize)
        } else {
            self.chrome.tn("grv-days-left", *d as usize)
        }
    }
}

/// The steps that may follow from a status (the page offers only these).
fn steps_from(status: &str) -> Vec<&'static str> {
    match Status::parse(status) {
        Some(Status::Received) => vec!["acknowledge", "examine", "answer"],
        Some(Status::Acknowledged) => vec!["examine", "answer"],
        Some(Status::Examining | Status::Appealed) => vec!["answer"],
        Some(Status::Answered) => vec!["close"],
        _ => Vec::new(),
    }
}

async fn show_page(
    ctx: &Ctx,
    id: i64,
    errors: FieldErrors,
    flash: Option<&str>,
) -> Result<ShowPage, WebError> {
    let scoped = Scoped::from(ctx.access());
    let r = scoped.get(&ctx.actor, id).await?;
    let g = &r.grievance;
    let code = display_code(&g.tracking_code);
    let chrome = ctx.chrome("grv-record-page-title").with_title(code.clone());
    let db = ctx.state.store.conn();
    let labels: Vec<&str> = r.events.iter().map(|e| e.actor.as_str()).collect();
    let names = jisr_store::accounts::names_of_actors(db, &labels).await?;
    let lines = r
        .events
        .iter()
        .map(|e| Line {
            at: chrome.time(&e.at),
            status: e.to_status.clone().unwrap_or_default(),
            kind: e.kind.clone(),
            text: e.text.clone(),
            public: e.public,
            who: chrome.who(&names, &e.actor),
        })
        .collect();
    let place = match g
        .commune_code
        .as_deref()
        .map(jisr_domain::geo::CommuneCode::parse)
    {
        Some(Ok(c)) => jisr_store::geo::commune(db, &c)
            .await
            .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
            .unwrap_or_default(),
        _ => g.province_code.clone(),
    };
    let establishment = r
        .establishment
        .as_ref()
        .map(|e| chrome.name(&e.name_ar, &e.name_fr).to_owned())
        .unwrap_or_default();
    let province = ProvinceCode::parse(&g.province_code).ok();
    let handlers: Vec<Handler> = if r.can_handle {
        jisr_store::accounts::accounts(db)
            .await?
            .into_iter()
            .filter(|a| {
                a.grants.iter().any(|(role, s)| {
                    role.can(Capability::HandleGrievances)
                        && province.as_ref().is_some_and(|p| s.covers_province(p))
                        && may_read(*role, g.confidential)
                })
            })
            .map(|a| Handler {
                id: a.user.id,
                name: a.user.display_name,
            })
            .collect()
    } else {
        Vec::new()
    };
    let assigned = g
        .assigned_to
        .and_then(|uid| handlers.iter().find(|h| h.id == uid))
        .map(|h| h.name.clone())
        .unwrap_or_default();
    let categories = grievances::categories(&ctx.state.store).await?;
    Ok(ShowPage {
        category: category_name(&chrome, &categories, &g.category_code),
        steps: steps_from(&g.status),
        flash: flash.map(|k| chrome.t(k)),
        code,
        place,
        establishment,
        lines,
        handlers,
        assigned,
        errors,
        chrome,
        r,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    pub done: String,
}

pub async fn show(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, WebError> {
    let flash = (!q.done.is_empty()).then_some("grv-step-done");
    render(show_page(&ctx, id, FieldErrors::default(), flash).await?)
        .map(IntoResponse::into_response)
}

async fn after_step(
    ctx: &Ctx,
    id: i64,
    result: Result<(), GrievanceError>,
) -> Result<Response, WebError> {
    let chrome = ctx.chrome("grv-record-page-title");
    let errors = match result {
        Ok(()) => return Ok(Redirect::to(&format!("/grievances/{id}?done=1")).into_response()),
        Err(GrievanceError::Fields(f)) => FieldErrors::translate(&chrome, f),
        Err(GrievanceError::Step(e)) => {
            let mut f = FieldErrors::default();
            let field = if e == StepError::ReasonMissing {
                "reasons"
            } else {
                "step"
            };
            f.push(field, chrome.t(step_error_key(e)));
            f
        }
        Err(GrievanceError::Uploads(u)) => upload_errors(&chrome, u),
        Err(GrievanceError::Store(e)) => return Err(e.into()),
    };
    let page = show_page(ctx, id, errors, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

type Pairs = Form<Vec<(String, String)>>;

fn field(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

fn user_id(ctx: &Ctx) -> Option<i64> {
    ctx.actor.label.strip_prefix("user:")?.parse().ok()
}

pub async fn assign(ctx: Ctx, Path(id): Path<i64>, Form(p): Pairs) -> Result<Response, WebError> {
    let user = match field(&p, "user").as_str() {
        "me" | "" => user_id(&ctx).unwrap_or(0),
        other => other.parse().unwrap_or(0),
    };
    let result = Scoped::from(ctx.access())
        .assign(&ctx.actor, id, user)
        .await;
    after_step(&ctx, id, result).await
}

pub async fn note(ctx: Ctx, Path(id): Path<i64>, Form(p): Pairs) -> Result<Response, WebError> {
    let result = Scoped::from(ctx.access())
        .note(&ctx.actor, id, &field(&p, "text"))
        .await;
    after_step(&ctx, id, result).await
}

pub async fn step(ctx: Ctx, Path(id): Path<i64>, Form(p): Pairs) -> Result<Response, WebError> {
    let step = match field(&p, "step").as_str() {
        "acknowledge" => Some(Step::Acknowledge),
        "examine" => Some(Step::Examine),
        "answer" => Some(Step::Answer),
        "close" => Some(Step::Close),
        _ => None,
    };
    let scoped = Scoped::from(ctx.access());
    let result = match step {
        Some(s) => scoped.step(&ctx.actor, id, s, &field(&p, "reasons")).await,
        None => {
            // Out of scope stays "not found", whatever the form says.
            scoped.get(&ctx.actor, id).await?;
            Err(GrievanceError::Fields(vec![(
                "step".into(),
                "grv-error-step",
            )]))
        }
    };
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
                format!(
                    "attachment; filename=\"{}\"",
                    d.file_name.replace(['"', '\\'], "_")
                ),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// The complaints contesting a record, as that record's page lists them.
pub(crate) struct Contesting {
    pub id: i64,
    pub code: String,
    pub status: String,
    pub filed_at: String,
}

/// The complaints within the person's scope contesting an application (`Some(id)`) or
/// the authorisation decisions of an establishment.
pub(crate) async fn contesting(
    ctx: &Ctx,
    application: Option<i64>,
    establishment: Option<i64>,
) -> Result<Vec<Contesting>, WebError> {
    if !ctx.can(Capability::ReadGrievances) {
        return Ok(Vec::new());
    }
    let scoped = Scoped::from(ctx.access());
    let mut rows: Vec<grievance::Model> = Vec::new();
    if let Some(id) = application {
        rows.extend(
            scoped
                .contesting(jisr_store::grievances::CONTESTS_APPLICATION, &[id])
                .await?,
        );
    }
    if let Some(id) = establishment {
        rows.extend(scoped.contesting_authorisations_of(id).await?);
    }
    Ok(rows
        .into_iter()
        .map(|g| Contesting {
            id: g.id,
            code: display_code(&g.tracking_code),
            status: g.status,
            filed_at: g.filed_at,
        })
        .collect())
}

/// The complaints figures of the dashboard, counted within the person's scope: those
/// awaiting an answer, and those past their deadline (escalated to the region), which
/// stay on the dashboard until answered.
pub(crate) async fn dashboard_figures(
    ctx: &Ctx,
    chrome: &Chrome,
) -> Result<Option<super::account::FigureGroup>, WebError> {
    if !ctx.can(Capability::ReadGrievances) {
        return Ok(None);
    }
    crate::views::grievances::escalate_overdue(ctx).await?;
    let scoped = Scoped::from(ctx.access());
    let num = |n: u64| jisr_i18n::format_count(chrome.locale, i64::try_from(n).unwrap_or(0));
    let escalated = scoped.escalated_count().await?;
    Ok(Some(super::account::FigureGroup {
        title: chrome.t("grv-queue-title"),
        figures: vec![
            super::account::Figure {
                value: num(scoped.awaiting_count().await?),
                label: chrome.t("grv-fig-awaiting"),
                href: "/grievances".into(),
                alert: false,
            },
            super::account::Figure {
                value: num(escalated),
                label: chrome.t("grv-fig-escalated"),
                href: "/grievances?escalated=1".into(),
                alert: escalated > 0,
            },
        ],
    }))
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    Routes::new()
        .add(
            Method::GET,
            "/complaints/new",
            "/complaints/new?province=07.427",
            Public,
            get(new_form),
        )
        .add(
            Method::POST,
            "/complaints/new",
            "/complaints/new",
            Public,
            post(file),
        )
        .add(
            Method::POST,
            "/complaints/appeal",
            "/complaints/appeal",
            Public,
            post(appeal),
        )
        .add(
            Method::GET,
            "/open-data/complaints",
            "/open-data/complaints?year=2026",
            Public,
            get(open_data),
        )
        .add(
            Method::GET,
            "/grievances",
            "/grievances",
            Can(Capability::ReadGrievances),
            get(queue),
        )
        .add(
            Method::GET,
            "/grievances/figures",
            "/grievances/figures",
            Can(Capability::ReadGrievances),
            get(figures),
        )
        .add(
            Method::GET,
            "/grievances/new",
            "/grievances/new?province=07.427",
            Can(Capability::HandleGrievances),
            get(record_form),
        )
        .add(
            Method::POST,
            "/grievances/new",
            "/grievances/new",
            Can(Capability::HandleGrievances),
            post(record),
        )
        // Examples: complaint 1 is in Rehamna about establishment 1, complaint 2 in
        // Casablanca.
        .add_record(
            Method::GET,
            "/grievances/{id}",
            "/grievances/1",
            Some("/grievances/2"),
            Can(Capability::ReadGrievances),
            get(show),
        )
        .add_record(
            Method::GET,
            "/grievances/{id}/documents/{doc}",
            "/grievances/1/documents/17",
            Some("/grievances/2/documents/18"),
            Can(Capability::ReadGrievances),
            get(document),
        )
        .add_record(
            Method::POST,
            "/grievances/{id}/assign",
            "/grievances/1/assign",
            Some("/grievances/2/assign"),
            Can(Capability::HandleGrievances),
            post(assign),
        )
        .add_record(
            Method::POST,
            "/grievances/{id}/note",
            "/grievances/1/note",
            Some("/grievances/2/note"),
            Can(Capability::HandleGrievances),
            post(note),
        )
        .add_record(
            Method::POST,
            "/grievances/{id}/step",
            "/grievances/1/step",
            Some("/grievances/2/step"),
            Can(Capability::HandleGrievances),
            post(step),
        )
}

// ---------------------------------------------------------------------------------
// Public figures (open data).

/// The pooled column of the confidential categories (abuse or danger, staff conduct):
/// never published one by one, so that no count of such reports about a place stands
/// alone.
pub(crate) const POOLED: &str = "confidential";

/// A column of the public table: a category, or the confidential ones pooled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
}

/// One province's line of the public figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Timeliness {
    /// Complaints answered (not published: only whether it is at least the threshold).
    pub answered: u64,
    /// Percent answered within the deadline, of those answered.
    pub in_time_pct: Option<u64>,
    pub median_days: Option<i64>,
}

/// The public figures of a period: volumes by province (rows, only those with some)
/// and category (columns, the confidential categories pooled), published with their
/// margins through disclosure control; and per province and for the whole country the
/// share answered within the deadline and the median days to answer, only where at
/// least the threshold's number were answered.
pub(crate) struct PublicFigures {
    pub rows: Vec<jisr_store::transparency::Heading>,
    pub columns: Vec<Column>,
    pub published: jisr_disclosure::Published,
    pub timeliness: Vec<Timeliness>,
    pub national: Timeliness,
}

fn timeliness(rows: &[jisr_domain::grievances::Counted]) -> Timeliness {
    let f = jisr_domain::grievances::figures(rows, chrono::Utc::now().date_naive());
    let enough = f.answered >= super::transparency::THRESHOLD;
    Timeliness {
        answered: f.answered,
        in_time_pct: (enough && f.answered > 0)
            .then(|| (f.answered_in_time * 100 + f.answered / 2) / f.answered),
        median_days: f.median_days_to_answer.filter(|_| enough),
    }
}

pub(crate) fn publish(
    counted: &[jisr_domain::grievances::Counted],
    categories: &[grievance_category::Model],
    provinces: &[jisr_store::transparency::Heading],
) -> PublicFigures {
    let mut columns: Vec<Column> = categories
        .iter()
        .filter(|c| !c.confidential)
        .map(|c| Column {
            code: c.code.clone(),
            name_ar: c.name_ar.clone(),
            name_fr: c.name_fr.clone(),
        })
        .collect();
    let pooled = categories.iter().any(|c| c.confidential);
    if pooled {
        columns.push(Column {
            code: POOLED.into(),
            name_ar: String::new(),
            name_fr: String::new(),
        });
    }
    let column_of = |code: &str| {
        let confidential = categories
            .iter()
            .find(|c| c.code == code)
            .is_none_or(|c| c.confidential);
        let key = if confidential { POOLED } else { code };
        columns.iter().position(|c| c.code == key)
    };
    let rows: Vec<jisr_store::transparency::Heading> = provinces
        .iter()
        .filter(|p| counted.iter().any(|c| c.province == p.code))
        .cloned()
        .collect();
    let mut cells = vec![vec![0u64; columns.len().max(1)]; rows.len().max(1)];
    for c in counted {
        if let (Some(r), Some(k)) = (
            rows.iter().position(|p| p.code == c.province),
            column_of(&c.category),
        ) {
            cells[r][k] += 1;
        }
    }
    let table = jisr_disclosure::Table::new(cells).expect("a rectangular table");
    let published = jisr_disclosure::suppress(&table, super::transparency::THRESHOLD);
    let timeliness = rows
        .iter()
        .map(|p| {
            let mine: Vec<_> = counted
                .iter()
                .filter(|c| c.province == p.code)
                .cloned()
                .collect();
            self::timeliness(&mine)
        })
        .collect();
    PublicFigures {
        rows,
        columns,
        published,
        timeliness,
        national: self::timeliness(counted),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PeriodQuery {
    pub year: String,
    pub from: String,
    pub to: String,
    /// `csv`: the figures as a file.
    pub format: String,
}

impl PeriodQuery {
    /// The filter's query string (for the download link), without the format.
    fn query(&self) -> String {
        let mut parts = Vec::new();
        for (k, v) in [("year", &self.year), ("from", &self.from), ("to", &self.to)] {
            if !v.trim().is_empty() {
                parts.push(format!("{k}={}", v.trim()));
            }
        }
        parts.join("&")
    }
}

fn this_year() -> i32 {
    use chrono::Datelike;
    chrono::Utc::now()
        .with_timezone(&jisr_domain::time::ZONE)
        .year()
}

/// The period of a filter (this year when none is given), or every error at its field.
fn period_of(
    chrome: &Chrome,
    q: &PeriodQuery,
    default_year: Option<i32>,
) -> Result<jisr_domain::grievances::Period, FieldErrors> {
    use jisr_domain::grievances::Period;
    let empty = q.year.trim().is_empty() && q.from.trim().is_empty() && q.to.trim().is_empty();
    if empty {
        return Ok(default_year.and_then(Period::year).unwrap_or(Period::ALL));
    }
    Period::parse(&q.year, &q.from, &q.to).map_err(|errors| {
        FieldErrors::translate(
            chrome,
            errors.into_iter().map(|(f, k)| (f.to_owned(), k)).collect(),
        )
    })
}

#[derive(Template)]
#[template(path = "grievances/open_data.html")]
struct OpenDataPage {
    chrome: Chrome,
    filter: PeriodQuery,
    years: Vec<(String, bool)>,
    errors: FieldErrors,
    query: String,
    as_of: String,
    headers: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
    timeliness: Vec<(String, String, String)>,
    suppressed: usize,
    total: String,
}

impl OpenDataPage {
    fn suppressed_text(&self) -> String {
        self.chrome.tn("od-suppressed", self.suppressed)
    }
}

fn column_name(chrome: &Chrome, locale: jisr_i18n::Locale, c: &Column) -> String {
    if c.code == POOLED {
        chrome.t_in(locale, "grv-od-pooled")
    } else if locale == jisr_i18n::Locale::Ar {
        c.name_ar.clone()
    } else {
        c.name_fr.clone()
    }
}

fn timeliness_text(chrome: &Chrome, t: &Timeliness) -> (String, String) {
    use super::transparency::SMALL;
    match (t.answered, t.in_time_pct, t.median_days) {
        (0, _, _) => ("—".into(), "—".into()),
        (_, Some(pct), Some(days)) => (
            format!("{} %", jisr_i18n::format_count(chrome.locale, pct as i64)),
            jisr_i18n::format_count(chrome.locale, days),
        ),
        _ => (SMALL.into(), SMALL.into()),
    }
}

/// `/open-data/complaints`: complaints filed in a year (this year by default) or between
/// two days, by province and category with small counts withheld, the share answered
/// within the deadline and the median days to answer; `?format=csv` for the file.
pub async fn open_data(ctx: Ctx, Query(q): Query<PeriodQuery>) -> Result<Response, WebError> {
    let labels =
        || jisr_disclosure::Labels::new(super::transparency::SMALL, super::transparency::WITHHELD);
    let chrome = ctx.chrome("grv-od-title");
    let store = &ctx.state.store;
    let years = grievances::filing_years(store, this_year()).await?;
    let (period, errors) = match period_of(&chrome, &q, Some(this_year())) {
        Ok(p) => (p, FieldErrors::default()),
        Err(e) => (jisr_domain::grievances::Period::ALL, e),
    };
    let categories = grievances::categories(store).await?;
    let provinces = jisr_store::transparency::provinces(store).await?;
    let counted = if errors.is_empty() {
        grievances::public_counts(store, period).await?
    } else {
        Vec::new()
    };
    let figures = publish(&counted, &categories, &provinces);
    let grid = figures.published.grid(&labels());
    let text = |r: &jisr_disclosure::Rendered| match r {
        jisr_disclosure::Rendered::Number(n) => jisr_i18n::format_count(chrome.locale, *n as i64),
        jisr_disclosure::Rendered::Label(l) => l.clone(),
    };
    if q.format == "csv" && errors.is_empty() {
        return open_data_csv(&chrome, &q, &figures, &grid);
    }
    let mut headers = vec![chrome.t("est-province")];
    headers.extend(
        figures
            .columns
            .iter()
            .map(|c| column_name(&chrome, chrome.locale, c)),
    );
    headers.push(chrome.t("od-total"));
    let name =
        |h: &jisr_store::transparency::Heading| chrome.name(&h.name_ar, &h.name_fr).to_owned();
    let mut rows: Vec<(String, Vec<String>)> = figures
        .rows
        .iter()
        .zip(&grid)
        .map(|(h, cells)| (name(h), cells.iter().map(text).collect()))
        .collect();
    if let Some(last) = grid.last() {
        rows.push((chrome.t("od-total"), last.iter().map(text).collect()));
    }
    let mut timeliness: Vec<(String, String, String)> = figures
        .rows
        .iter()
        .zip(&figures.timeliness)
        .map(|(h, t)| {
            let (a, b) = timeliness_text(&chrome, t);
            (name(h), a, b)
        })
        .collect();
    let (a, b) = timeliness_text(&chrome, &figures.national);
    timeliness.push((chrome.t("grv-od-national"), a, b));
    let selected = period.as_year().map(|y| y.to_string()).unwrap_or_default();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = OpenDataPage {
        years: years
            .iter()
            .map(|y| (y.to_string(), y.to_string() == selected))
            .collect(),
        query: q.query(),
        filter: q,
        errors,
        as_of: chrome.time(&jisr_store::now_text()),
        headers,
        rows,
        timeliness,
        suppressed: figures.published.suppressed_count(),
        total: figures
            .published
            .grand_total()
            .shown()
            .map(|n| jisr_i18n::format_count(chrome.locale, n as i64))
            .unwrap_or_else(|| super::transparency::SMALL.into()),
        chrome,
    };
    Ok((status, render(page)?).into_response())
}

/// One record of the file: a cell, a total, or a province's timeliness.
#[derive(serde::Serialize)]
struct OpenRecord<'a> {
    from: String,
    to: String,
    province_code: &'a str,
    province_name_ar: &'a str,
    province_name_fr: &'a str,
    figure: &'a str,
    figure_name_ar: String,
    figure_name_fr: String,
    value: String,
}

fn open_data_csv(
    chrome: &Chrome,
    q: &PeriodQuery,
    figures: &PublicFigures,
    grid: &[Vec<jisr_disclosure::Rendered>],
) -> Result<Response, WebError> {
    use jisr_i18n::Locale;
    let period = period_of(chrome, q, Some(this_year())).unwrap_or_default();
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let value = |r: &jisr_disclosure::Rendered| match r {
        jisr_disclosure::Rendered::Number(n) => n.to_string(),
        jisr_disclosure::Rendered::Label(l) => l.clone(),
    };
    let national = jisr_store::transparency::Heading {
        code: "total".into(),
        name_ar: chrome.t_in(Locale::Ar, "grv-od-national"),
        name_fr: chrome.t_in(Locale::Fr, "grv-od-national"),
    };
    let total = Column {
        code: "total".into(),
        name_ar: "المجموع".into(),
        name_fr: "Total".into(),
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut write = |p: &jisr_store::transparency::Heading,
                     code: &str,
                     ar: String,
                     fr: String,
                     v: String|
     -> Result<(), WebError> {
        w.serialize(OpenRecord {
            from: day(period.from),
            to: day(period.to),
            province_code: &p.code,
            province_name_ar: &p.name_ar,
            province_name_fr: &p.name_fr,
            figure: code,
            figure_name_ar: ar,
            figure_name_fr: fr,
            value: v,
        })
        .map_err(|e| WebError::Internal(e.to_string()))
    };
    let heads: Vec<&jisr_store::transparency::Heading> = figures
        .rows
        .iter()
        .chain(std::iter::once(&national))
        .collect();
    let columns: Vec<&Column> = figures
        .columns
        .iter()
        .chain(std::iter::once(&total))
        .collect();
    for (p, cells) in heads.iter().zip(grid) {
        for (c, v) in columns.iter().zip(cells) {
            let name = |l| {
                if c.code == "total" {
                    if l == Locale::Ar {
                        c.name_ar.clone()
                    } else {
                        c.name_fr.clone()
                    }
                } else {
                    column_name(chrome, l, c)
                }
            };
            write(p, &c.code, name(Locale::Ar), name(Locale::Fr), value(v))?;
        }
    }
    let times = figures
        .timeliness
        .iter()
        .chain(std::iter::once(&figures.national));
    for (p, t) in heads.iter().zip(times) {
        let (pct, days) = match (t.answered, t.in_time_pct, t.median_days) {
            (0, _, _) => (String::new(), String::new()),
            (_, Some(pct), Some(days)) => (pct.to_string(), days.to_string()),
            _ => (
                super::transparency::SMALL.to_owned(),
                super::transparency::SMALL.to_owned(),
            ),
        };
        for (code, key, v) in [
            ("answered_in_time_pct", "grv-od-in-time", pct),
            ("median_days_to_answer", "grv-od-median", days),
        ] {
            write(
                p,
                code,
                chrome.t_in(Locale::Ar, key),
                chrome.t_in(Locale::Fr, key),
                v,
            )?;
        }
    }
    let body = w
        .into_inner()
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let name = match (period.as_year(), period.from, period.to) {
        (Some(y), _, _) => y.to_string(),
        (None, f, t) => format!("{}_{}", day(f), day(t)),
    };
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"jisr-complaints-{name}.csv\""),
            ),
        ],
        body,
    )
        .into_response())
}
