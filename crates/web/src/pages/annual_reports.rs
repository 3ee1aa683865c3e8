//! The establishments' annual reports: the list of reports by establishment and year
//! with where each stands against its deadline (overdue first, filters by year and
//! status), the manager's form (figures pre-filled from the register, every error at
//! once, what was typed kept; saved as a draft or filed), the delegation's review
//! (returned with remarks or accepted) and a printable report in Arabic or French.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::Capability;
use jisr_domain::annual_reports::{
    AgeBand, Figures, Heading, Problem, Sex, Status, Timeliness, served_key,
};
use jisr_store::annual_reports::{
    Decision, ListFilter, ReportError, ReportView, Scoped, open_years,
};
use std::collections::HashMap;

/// Funder lines the form always offers.
const FUNDER_LINES: usize = 4;

struct Pick {
    value: String,
    label: String,
    checked: bool,
}

fn status_label(chrome: &Chrome, status: Option<Status>) -> String {
    chrome.t(&format!(
        "annual-reports-status-{}",
        status.map_or("missing", Status::as_str)
    ))
}

fn timeliness_code(t: Timeliness) -> &'static str {
    match t {
        Timeliness::In => "in",
        Timeliness::Open => "open",
        Timeliness::DueSoon => "due-soon",
        Timeliness::Overdue => "overdue",
    }
}

fn band_label(chrome: &Chrome, band: AgeBand) -> String {
    chrome.t(&format!(
        "annual-reports-band-{}",
        band.as_str().replace('_', "-")
    ))
}

fn mad(chrome: &Chrome, n: u64) -> String {
    chrome.num(&i64::try_from(n).unwrap_or(i64::MAX))
}

struct ListRow {
    id: Option<i64>,
    establishment_id: i64,
    establishment: String,
    year: i32,
    deadline: String,
    status: String,
    timeliness: &'static str,
    timeliness_label: String,
    food: Option<String>,
    can_start: bool,
}

#[derive(Template)]
#[template(path = "annual_reports/list.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<ListRow>,
    years: Vec<Pick>,
    statuses: Vec<Pick>,
    errors: FieldErrors,
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    year: Option<String>,
    status: Option<String>,
}

async fn list_page(ctx: &Ctx, q: &ListQuery, errors: FieldErrors) -> Result<ListPage, WebError> {
    let chrome = ctx.chrome("annual-reports-title");
    let scoped = Scoped::from(ctx.access());
    let year = q.year.as_deref().and_then(|y| y.trim().parse::<i32>().ok());
    let status = q
        .status
        .as_deref()
        .map(str::trim)
        .filter(|s| *s == "missing" || Status::parse(s).is_some())
        .map(str::to_owned);
    let rows = scoped
        .list(&ListFilter {
            year,
            status: status.clone(),
        })
        .await?;
    let fileable: Vec<i64> = scoped.fileable().await?.iter().map(|e| e.id).collect();
    let today = jisr_domain::time::today();
    let open = open_years(today);
    let rows = rows
        .into_iter()
        .map(|r| ListRow {
            id: r.report.as_ref().map(|m| m.id),
            establishment_id: r.establishment.id,
            establishment: chrome
                .name(&r.establishment.name_ar, &r.establishment.name_fr)
                .to_owned(),
            year: r.year,
            deadline: chrome.date(&r.deadline.to_string()),
            status: status_label(&chrome, r.status()),
            timeliness: timeliness_code(r.timeliness),
            timeliness_label: chrome.t(&format!(
                "annual-reports-timeliness-{}",
                timeliness_code(r.timeliness)
            )),
            food: r
                .report
                .as_ref()
                .filter(|m| Status::parse(&m.status).is_some_and(Status::is_in))
                .and_then(|m| m.food_per_beneficiary)
                .map(|p| chrome.num(&p)),
            can_start: r.report.is_none()
                && open.contains(&r.year)
                && fileable.contains(&r.establishment.id),
        })
        .collect();
    let years = open
        .iter()
        .map(|y| Pick {
            value: y.to_string(),
            label: y.to_string(),
            checked: year == Some(*y),
        })
        .collect();
    let statuses = std::iter::once("missing")
        .chain(Status::ALL.iter().map(|s| s.as_str()))
        .map(|s| Pick {
            value: s.into(),
            label: status_label(&chrome, Status::parse(s)),
            checked: status.as_deref() == Some(s),
        })
        .collect();
    Ok(ListPage {
        chrome,
        rows,
        years,
        statuses,
        errors,
    })
}

pub async fn list(ctx: Ctx, Query(q): Query<ListQuery>) -> Result<Response, WebError> {
    render(list_page(&ctx, &q, FieldErrors::default()).await?).map(IntoResponse::into_response)
}

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

pub async fn start(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let establishment = get(&pairs, "establishment").trim().parse().ok();
    let year = get(&pairs, "year").trim().parse().ok();
    match Scoped::from(ctx.access())
        .start(&ctx.actor, establishment, year)
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/annual-reports/{id}")).into_response()),
        Err(ReportError::Fields(f)) => {
            let errors = FieldErrors::translate(&ctx.chrome("annual-reports-title"), f);
            let page = list_page(&ctx, &ListQuery::default(), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(ReportError::Store(e)) => Err(e.into()),
        Err(e) => Err(WebError::Internal(e.to_string())),
    }
}

/// One line of beneficiaries served: an age band and a sex.
struct ServedLine {
    key: String,
    /// The key as an element id (`6_11-female`).
    id: String,
    label: String,
    register: u32,
    value: u32,
    reason: String,
}

struct HeadingLine {
    code: &'static str,
    label: String,
    budget: u64,
    spending: u64,
}

struct Funder {
    /// The line in the form, from 0.
    index: usize,
    name: String,
    amount: u64,
}

#[derive(Template)]
#[template(path = "annual_reports/report.html")]
struct ReportPage {
    chrome: Chrome,
    id: i64,
    establishment: String,
    establishment_id: i64,
    year: i32,
    status: String,
    status_code: &'static str,
    deadline: String,
    timeliness: &'static str,
    timeliness_label: String,
    remarks: String,
    filed_at: Option<String>,
    reviewed_at: Option<String>,
    served: Vec<ServedLine>,
    headings: Vec<HeadingLine>,
    funders: Vec<Funder>,
    admissions: u32,
    exits: u32,
    services_delivered: u32,
    staff_in_post: u32,
    total_served: String,
    total_budget: String,
    total_spending: String,
    food: Option<String>,
    can_edit: bool,
    can_review: bool,
    /// What was typed, by field name, when a form was refused.
    typed: HashMap<String, String>,
    review_remarks: String,
    errors: FieldErrors,
    printed_on: String,
    other_lang: &'static str,
    /// The four counts of the year, by field name, for the form.
    counts: Vec<(&'static str, u32)>,
    /// "Print" in the other language.
    print_other: String,
    /// What was just done (`saved`, `filed`, `returned`, `accepted`), for the notice.
    done: String,
}

impl ReportPage {
    fn error(&self, field: &str) -> Option<String> {
        let all = self.errors.all_for(field);
        (!all.is_empty()).then(|| all.join(" "))
    }

    /// The value of a field: as typed when a form was refused, else `stored`.
    fn value(&self, field: &str, stored: &str) -> String {
        self.typed
            .get(field)
            .cloned()
            .unwrap_or_else(|| stored.to_owned())
    }

    fn num(&self, field: &str, stored: impl std::fmt::Display) -> String {
        self.value(field, &stored.to_string())
    }
}

fn report_page(ctx: &Ctx, v: ReportView) -> ReportPage {
    let name = ctx
        .chrome("annual-reports-title")
        .name(&v.establishment.name_ar, &v.establishment.name_fr)
        .to_owned();
    let chrome = ctx
        .chrome("annual-reports-title")
        .with_title(format!("{name} — {}", v.report.year));
    let f = &v.figures;
    let mut served = Vec::new();
    for band in AgeBand::ALL {
        for sex in Sex::ALL {
            let key = served_key(*band, *sex);
            served.push(ServedLine {
                id: key.replace(':', "-"),
                label: format!(
                    "{} — {}",
                    band_label(&chrome, *band),
                    chrome.t(&format!("annual-reports-sex-{}", sex.as_str()))
                ),
                register: f.prefilled.get(&key).copied().unwrap_or(0),
                value: f.served.get(&key).copied().unwrap_or(0),
                reason: f.reasons.get(&key).cloned().unwrap_or_default(),
                key,
            });
        }
    }
    let headings = Heading::ALL
        .iter()
        .map(|h| HeadingLine {
            code: h.as_str(),
            label: chrome.t(&format!("annual-reports-heading-{}", h.as_str())),
            budget: f.budget.get(h).copied().unwrap_or(0),
            spending: f.spending.get(h).copied().unwrap_or(0),
        })
        .collect();
    let mut funders: Vec<Funder> = f
        .funders
        .iter()
        .enumerate()
        .map(|(index, (name, amount))| Funder {
            index,
            name: name.clone(),
            amount: *amount,
        })
        .collect();
    if v.can_edit {
        while funders.len() < FUNDER_LINES.max(f.funders.len() + 1) {
            funders.push(Funder {
                index: funders.len(),
                name: String::new(),
                amount: 0,
            });
        }
    }
    let today = jisr_domain::time::today().to_string();
    ReportPage {
        id: v.report.id,
        establishment: name,
        establishment_id: v.establishment.id,
        year: v.report.year,
        status: status_label(&chrome, Some(v.status)),
        status_code: v.status.as_str(),
        deadline: chrome.date(&v.deadline.to_string()),
        timeliness: timeliness_code(v.timeliness),
        timeliness_label: chrome.t(&format!(
            "annual-reports-timeliness-{}",
            timeliness_code(v.timeliness)
        )),
        remarks: v.report.remarks.clone(),
        filed_at: v.report.filed_at.as_deref().map(|t| chrome.time(t)),
        reviewed_at: v.report.reviewed_at.as_deref().map(|t| chrome.time(t)),
        served,
        headings,
        funders,
        admissions: f.admissions,
        exits: f.exits,
        services_delivered: f.services_delivered,
        staff_in_post: f.staff_in_post,
        total_served: mad(&chrome, f.total_served()),
        total_budget: mad(&chrome, f.total_budget()),
        total_spending: mad(&chrome, f.total_spending()),
        food: f.food_per_beneficiary().map(|p| mad(&chrome, p)),
        can_edit: v.can_edit,
        can_review: v.can_review,
        typed: HashMap::new(),
        review_remarks: String::new(),
        errors: FieldErrors::default(),
        printed_on: chrome.date(&today),
        other_lang: chrome.other_lang(),
        done: String::new(),
        counts: vec![
            ("admissions", f.admissions),
            ("exits", f.exits),
            ("services_delivered", f.services_delivered),
            ("staff_in_post", f.staff_in_post),
        ],
        print_other: chrome.t_in(
            if chrome.lang() == "ar" {
                jisr_i18n::Locale::Fr
            } else {
                jisr_i18n::Locale::Ar
            },
            "annual-reports-print",
        ),
        chrome,
    }
}

#[derive(serde::Deserialize, Default)]
pub struct Done {
    done: Option<String>,
}

pub async fn report(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<Done>,
) -> Result<Response, WebError> {
    let v = Scoped::from(ctx.access()).report(id).await?;
    let mut page = report_page(&ctx, v);
    page.done = q
        .done
        .filter(|d| ["saved", "filed", "returned", "accepted"].contains(&d.as_str()))
        .unwrap_or_default();
    render(page).map(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "annual_reports/print.html")]
struct PrintPage {
    p: ReportPage,
    chrome: Chrome,
}

pub async fn print(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let v = Scoped::from(ctx.access()).report(id).await?;
    let mut p = report_page(&ctx, v);
    p.can_edit = false;
    p.can_review = false;
    let chrome = ctx
        .chrome("annual-reports-print-title")
        .with_title(p.chrome.title.clone());
    render(PrintPage { p, chrome }).map(IntoResponse::into_response)
}

/// Reads the form into figures: every field that is not a whole number is named.
fn read_figures(
    chrome: &Chrome,
    pairs: &[(String, String)],
) -> (Figures, FieldErrors, HashMap<String, String>, Vec<usize>) {
    let mut f = Figures::default();
    let mut errors = FieldErrors::default();
    let typed: HashMap<String, String> = pairs.iter().cloned().collect();
    let mut lines = Vec::new();
    let number = |field: &str, required: bool, errors: &mut FieldErrors| -> u64 {
        let text = get(pairs, field)
            .trim()
            .replace([' ', '\u{a0}', '\u{202f}'], "");
        if text.is_empty() && !required {
            return 0;
        }
        match text.parse::<u64>() {
            Ok(n) if n <= 1_000_000_000_000 => n,
            _ => {
                errors.push(field, chrome.t("annual-reports-error-number"));
                0
            }
        }
    };
    for band in AgeBand::ALL {
        for sex in Sex::ALL {
            let key = served_key(*band, *sex);
            let n = number(&format!("served.{key}"), true, &mut errors);
            f.served
                .insert(key.clone(), u32::try_from(n).unwrap_or(u32::MAX));
            let reason = get(pairs, &format!("reason.{key}")).trim();
            if !reason.is_empty() {
                f.reasons.insert(key, reason.chars().take(500).collect());
            }
        }
    }
    let to32 = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    f.admissions = to32(number("admissions", true, &mut errors));
    f.exits = to32(number("exits", true, &mut errors));
    f.services_delivered = to32(number("services_delivered", true, &mut errors));
    f.staff_in_post = to32(number("staff_in_post", true, &mut errors));
    for h in Heading::ALL {
        let b = number(&format!("budget.{}", h.as_str()), false, &mut errors);
        let s = number(&format!("spending.{}", h.as_str()), false, &mut errors);
        if b > 0 {
            f.budget.insert(*h, b);
        }
        if s > 0 {
            f.spending.insert(*h, s);
        }
    }
    for i in 0..20 {
        let name_field = format!("funder_name.{i}");
        if !typed.contains_key(&name_field) {
            break;
        }
        let name = get(pairs, &name_field).trim().to_owned();
        let amount = number(&format!("funder_amount.{i}"), false, &mut errors);
        if !name.is_empty() || amount > 0 {
            f.funders.push((name.chars().take(200).collect(), amount));
            lines.push(i);
        }
    }
    (f, errors, typed, lines)
}

/// The problems of the figures at their fields; `lines` gives the form's line of each
/// funder read (blank lines are skipped when reading).
fn problem_errors(
    chrome: &Chrome,
    problems: &[Problem],
    lines: &[usize],
    errors: &mut FieldErrors,
) {
    for p in problems {
        let message = match p {
            Problem::FundersDoNotMatch { funded, spent } => chrome.targs(
                p.key(),
                &[
                    ("funded", mad(chrome, *funded)),
                    ("spent", mad(chrome, *spent)),
                ],
            ),
            _ => chrome.t(p.key()),
        };
        let field = match p {
            Problem::ReasonMissing(key) => format!("reason.{key}"),
            Problem::NobodyServed => "served".into(),
            Problem::NoSpending => "spending".into(),
            Problem::FunderUnnamed(i) => {
                format!("funder_name.{}", lines.get(*i).copied().unwrap_or(*i))
            }
            Problem::FundersDoNotMatch { .. } => "funders".into(),
        };
        errors.push(field, message);
    }
}

pub async fn save(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    let v = scoped.report(id).await?;
    let chrome = ctx.chrome("annual-reports-title");
    let (figures, mut errors, typed, lines) = read_figures(&chrome, &pairs);
    let filing = get(&pairs, "action") == "file";
    if errors.is_empty() {
        let done = if filing {
            scoped.file(&ctx.actor, id, figures.clone()).await
        } else {
            scoped.save(&ctx.actor, id, figures.clone()).await
        };
        match done {
            Ok(()) => {
                let to = if filing { "filed" } else { "saved" };
                return Ok(Redirect::to(&format!("/annual-reports/{id}?done={to}")).into_response());
            }
            Err(ReportError::Problems(p)) => problem_errors(&chrome, &p, &lines, &mut errors),
            Err(ReportError::Fields(f)) => {
                for (field, key) in f {
                    errors.push(field, chrome.t(key));
                }
            }
            Err(ReportError::State(_)) => {
                errors.push("state", chrome.t("annual-reports-error-state"))
            }
            Err(ReportError::Store(e)) => return Err(e.into()),
        }
    }
    let mut page = report_page(&ctx, v);
    page.typed = typed;
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

pub async fn review(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    let v = scoped.report(id).await?;
    if !ctx.access().can(Capability::ReviewAnnualReports) {
        return Err(WebError::NotFound);
    }
    let decision = Decision::parse(get(&pairs, "decision"));
    let remarks = get(&pairs, "remarks");
    let chrome = ctx.chrome("annual-reports-title");
    let mut errors = FieldErrors::default();
    match scoped.review(&ctx.actor, id, decision, remarks).await {
        Ok(()) => {
            let to = match decision {
                Some(Decision::Accept) => "accepted",
                _ => "returned",
            };
            return Ok(Redirect::to(&format!("/annual-reports/{id}?done={to}")).into_response());
        }
        Err(ReportError::Fields(f)) => {
            for (field, key) in f {
                errors.push(field, chrome.t(key));
            }
        }
        Err(ReportError::State(_)) => errors.push("state", chrome.t("annual-reports-error-state")),
        Err(ReportError::Store(e)) => return Err(e.into()),
        Err(e) => return Err(WebError::Internal(e.to_string())),
    }
    let mut page = report_page(&ctx, v);
    page.review_remarks = remarks.to_owned();
    page.errors = errors;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

/// The pages of annual reports, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get as g, post};
    let read = Can(Capability::ReadAnnualReports);
    // Examples: report 1 of establishment 1 in Rehamna, report 2 of establishment 2 in
    // Casablanca.
    Routes::new()
        .add(
            Method::GET,
            "/annual-reports",
            "/annual-reports",
            read,
            g(list),
        )
        .add(
            Method::POST,
            "/annual-reports",
            "/annual-reports",
            Can(Capability::FileAnnualReports),
            post(start),
        )
        .add_record(
            Method::GET,
            "/annual-reports/{id}",
            "/annual-reports/1",
            Some("/annual-reports/2"),
            read,
            g(report),
        )
        .add_record(
            Method::POST,
            "/annual-reports/{id}",
            "/annual-reports/1",
            Some("/annual-reports/2"),
            Can(Capability::FileAnnualReports),
            post(save),
        )
        .add_record(
            Method::GET,
            "/annual-reports/{id}/print",
            "/annual-reports/1/print",
            Some("/annual-reports/2/print"),
            read,
            g(print),
        )
        .add_record(
            Method::POST,
            "/annual-reports/{id}/review",
            "/annual-reports/1/review",
            Some("/annual-reports/2/review"),
            Can(Capability::ReviewAnnualReports),
            post(review),
        )
}
