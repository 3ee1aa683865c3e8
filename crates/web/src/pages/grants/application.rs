//! One application for staff: what the association asks, the flags for the committee,
//! the member's conflict and score, the secretariat's score sheet with the spread and
//! its decision, the appeal, the convention (signed date, printable in Arabic and
//! French), the tranches released with their payment order and the reports reviewed.

use super::{get, mad, me, refusal, status_label};
use crate::WebError;
use crate::ctx::Ctx;
use crate::pages::render;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::Capability;
use jisr_domain::grants::{MARK_MAX, SPREAD_ALERT, Status};
use jisr_i18n::Locale;
use jisr_store::entity::{association, establishment, grant_application, grant_call};
use jisr_store::grants::{self, Decision, Flags, GrantError, Scoped};

struct MarkRow {
    key: String,
    label: String,
    weight: u32,
    given: Option<u32>,
}

struct SheetLine {
    scorer: String,
    marks: Vec<String>,
    total: u32,
    comment: String,
}

struct TrancheView {
    number: i32,
    amount: String,
    condition: String,
    released: Option<String>,
    reference: String,
}

struct ReportView {
    id: i64,
    kind: String,
    status: String,
    submitted: bool,
    narrative: String,
    financial: String,
    remarks: String,
    submitted_at: String,
}

#[derive(Template)]
#[template(path = "grants/application.html")]
struct AppPage {
    chrome: Chrome,
    id: i64,
    call_id: i64,
    call_title: String,
    status: String,
    receipt: String,
    association: String,
    establishment: String,
    province: String,
    objectives: String,
    place: String,
    duration: i32,
    women: i32,
    men: i32,
    children: i32,
    budget: String,
    requested: String,
    requested_raw: i64,
    documents: Vec<String>,
    failed: Vec<String>,
    filed_on: String,
    awarded: Option<String>,
    reasons: String,
    flags: Flags,
    overdue: usize,
    unjustified: usize,
    /// The person sits on the call's committee.
    member: bool,
    can_score: bool,
    marks: Vec<MarkRow>,
    my_total: Option<u32>,
    my_comment: String,
    can_run: bool,
    sheet: Vec<SheetLine>,
    criteria: Vec<String>,
    mean: Option<u32>,
    spread: u32,
    spread_alert: bool,
    conflicts: usize,
    remaining: String,
    can_decide: bool,
    appealed: bool,
    accepted: bool,
    signed_on: Option<String>,
    tranches: Vec<TrancheView>,
    reports: Vec<ReportView>,
    errors: FieldErrors,
    /// The form the errors belong to, and what was typed in it.
    failed_form: &'static str,
    typed: Vec<(String, String)>,
}

impl AppPage {
    fn error(&self, field: &str) -> Option<String> {
        let all = self.errors.all_for(field);
        (!all.is_empty()).then(|| all.join(" "))
    }

    /// What was typed in a field of the form that failed.
    fn typed(&self, field: &str) -> &str {
        get(&self.typed, field)
    }

    fn mark_options(&self) -> Vec<u32> {
        (0..=MARK_MAX).collect()
    }

    /// Whether mark `m` is the one shown for criterion `key`: what was typed after a
    /// refusal, else the member's own score.
    fn mark_selected(
        &self,
        key: &str,
        given: &Option<u32>,
        m: impl std::borrow::Borrow<u32>,
    ) -> bool {
        let m = *m.borrow();
        if self.failed_form == "score" {
            self.typed(&format!("mark.{key}")) == m.to_string()
        } else {
            *given == Some(m)
        }
    }

    /// A field of `form` as typed after a refusal, else `default`.
    fn value(&self, form: &str, field: &str, default: String) -> String {
        if self.failed_form == form {
            self.typed(field).to_owned()
        } else {
            default
        }
    }

    fn comment(&self) -> String {
        self.value("score", "comment", self.my_comment.clone())
    }

    fn amount(&self) -> String {
        self.value("decision", "amount", self.requested_raw.to_string())
    }

    fn checked(&self, form: &str, field: &str, v: &str) -> bool {
        self.failed_form == form && self.typed(field) == v
    }
}

fn failed_label(chrome: &Chrome, f: &str) -> String {
    match f.strip_prefix("document:") {
        Some(d) => chrome.t1(
            "grants-failed-document",
            "document",
            &chrome.t2("grants-doc", d),
        ),
        None => chrome.t(f),
    }
}

fn condition_label(chrome: &Chrome, c: &str) -> String {
    chrome.t2("grants-condition", &c.replace('_', "-"))
}

struct Loaded {
    a: grant_application::Model,
    call: grant_call::Model,
    assoc: Option<association::Model>,
    est: Option<establishment::Model>,
}

async fn load(ctx: &Ctx, id: i64) -> Result<Loaded, WebError> {
    let scoped = Scoped::from(ctx.access());
    let a = scoped.application(id, me(ctx)).await?;
    let (call, assoc, est) = scoped.parties(&a).await?;
    Ok(Loaded {
        a,
        call,
        assoc,
        est,
    })
}

async fn page(ctx: &Ctx, id: i64) -> Result<AppPage, WebError> {
    let Loaded {
        a,
        call,
        assoc,
        est,
    } = load(ctx, id).await?;
    let scoped = Scoped::from(ctx.access());
    let db = ctx.state.store.conn();
    let chrome = ctx
        .chrome("grants-application-title")
        .with_title(a.project_title.clone());
    let user = me(ctx);
    let member = scoped.is_member(db, a.call_id, user).await?;
    let criteria = grants::criteria(&call);
    let mine = if member {
        scoped.my_score(id, user).await?
    } else {
        None
    };
    let marks = criteria
        .iter()
        .map(|c| MarkRow {
            key: c.key.clone(),
            label: chrome.name(&c.label_ar, &c.label_fr).to_owned(),
            weight: c.weight,
            given: mine
                .as_ref()
                .and_then(|s| s.marks.iter().find(|(k, _)| k == &c.key).map(|(_, m)| *m)),
        })
        .collect();
    let can_run = ctx.can(Capability::RunGrantCalls);
    let (sheet, mean, spread, conflicts) = if can_run {
        let s = scoped.score_sheet(id).await?;
        let ids: Vec<String> = s
            .lines
            .iter()
            .map(|l| format!("user:{}", l.user_id))
            .collect();
        let labels: Vec<&str> = ids.iter().map(String::as_str).collect();
        let names = jisr_store::accounts::names_of_actors(db, &labels).await?;
        let lines = s
            .lines
            .iter()
            .map(|l| SheetLine {
                scorer: chrome.who(&names, &format!("user:{}", l.user_id)),
                marks: criteria
                    .iter()
                    .map(|c| {
                        l.marks
                            .iter()
                            .find(|(k, _)| k == &c.key)
                            .map_or("—".into(), |(_, m)| m.to_string())
                    })
                    .collect(),
                total: l.total,
                comment: l.comment.clone(),
            })
            .collect();
        (lines, s.mean, s.spread, s.conflicts)
    } else {
        (Vec::new(), None, 0, 0)
    };
    let awarded_so_far = scoped.awarded(db, a.call_id).await?;
    let flags = scoped.flags(id, user).await?;
    let status = Status::parse(&a.status).unwrap_or(Status::Draft);
    let accepted = status == Status::Accepted;
    let tranches = if accepted {
        scoped
            .tranches(id, user)
            .await?
            .into_iter()
            .map(|t| TrancheView {
                number: t.number,
                amount: mad(&chrome, t.amount),
                condition: condition_label(&chrome, &t.release_condition),
                released: t.released_at.as_deref().map(|d| chrome.date(d)),
                reference: t.payment_reference.unwrap_or_default(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let reports = scoped
        .reports(id, user)
        .await?
        .into_iter()
        .map(|r| ReportView {
            id: r.id,
            kind: chrome.t2("grants-report-kind", &r.kind),
            status: chrome.t2("grants-report-status", &r.status),
            submitted: r.status == "submitted",
            narrative: r.narrative,
            financial: r.financial,
            remarks: r.remarks,
            submitted_at: chrome.date(&r.submitted_at),
        })
        .collect();
    let province = jisr_store::geo::provinces(db, None)
        .await?
        .into_iter()
        .find(|p| p.code == a.province_code)
        .map_or(a.province_code.clone(), |p| {
            chrome.name(&p.name_ar, &p.name_fr).to_owned()
        });
    Ok(AppPage {
        id,
        call_id: a.call_id,
        call_title: chrome.name(&call.title_ar, &call.title_fr).to_owned(),
        status: status_label(&chrome, &a.status),
        receipt: a.receipt.clone().unwrap_or_default(),
        association: assoc
            .map(|x| chrome.name(&x.name_ar, &x.name_fr).to_owned())
            .unwrap_or_default(),
        establishment: est
            .map(|x| chrome.name(&x.name_ar, &x.name_fr).to_owned())
            .unwrap_or_default(),
        province,
        objectives: a.objectives.clone(),
        place: a.place.clone(),
        duration: a.duration_months,
        women: a.women,
        men: a.men,
        children: a.children,
        budget: mad(&chrome, a.budget),
        requested: mad(&chrome, a.requested),
        requested_raw: a.requested,
        documents: a
            .documents
            .split(',')
            .filter(|d| !d.trim().is_empty())
            .map(|d| chrome.t2("grants-doc", d.trim()))
            .collect(),
        failed: a
            .failed
            .split(',')
            .filter(|f| !f.trim().is_empty())
            .map(|f| failed_label(&chrome, f.trim()))
            .collect(),
        filed_on: a
            .filed_on
            .as_deref()
            .map(|d| chrome.date(d))
            .unwrap_or_default(),
        awarded: a.awarded.map(|n| mad(&chrome, n)),
        reasons: a.reasons.clone(),
        overdue: flags.overdue_reports,
        unjustified: flags.unjustified_tranches,
        flags,
        member,
        can_score: member && status == Status::Eligible,
        my_total: mine.as_ref().map(|s| s.total),
        my_comment: mine.map(|s| s.comment).unwrap_or_default(),
        marks,
        can_run,
        criteria: criteria
            .iter()
            .map(|c| chrome.name(&c.label_ar, &c.label_fr).to_owned())
            .collect(),
        sheet,
        mean,
        spread,
        spread_alert: spread > SPREAD_ALERT,
        conflicts,
        remaining: mad(&chrome, call.envelope - awarded_so_far),
        can_decide: can_run
            && matches!(status, Status::Eligible | Status::Scored | Status::Reserve),
        appealed: status == Status::Appealed,
        accepted,
        signed_on: a.convention_signed_on.as_deref().map(|d| chrome.date(d)),
        tranches,
        reports,
        errors: FieldErrors::default(),
        failed_form: "",
        typed: Vec::new(),
        chrome,
    })
}

pub(super) async fn show(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    render(page(&ctx, id).await?).map(IntoResponse::into_response)
}

fn back(id: i64, anchor: &str) -> Response {
    Redirect::to(&format!("/grants/applications/{id}#{anchor}")).into_response()
}

/// The page again with the refusal shown at the form that failed, what was typed kept.
async fn refused(
    ctx: &Ctx,
    id: i64,
    errors: FieldErrors,
    form: &'static str,
    typed: Vec<(String, String)>,
) -> Result<Response, WebError> {
    let mut p = page(ctx, id).await?;
    p.errors = errors;
    p.failed_form = form;
    p.typed = typed;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(p)?).into_response())
}

/// Back to the section `anchor` when the step is done; otherwise the page again with the
/// refusal at `field` of `form`, what was typed kept.
async fn settle<T>(
    ctx: &Ctx,
    id: i64,
    done: Result<T, GrantError>,
    anchor: &str,
    form: &'static str,
    field: &str,
    typed: Vec<(String, String)>,
) -> Result<Response, WebError> {
    match done {
        Ok(_) => Ok(back(id, anchor)),
        Err(e) => {
            let e = refusal(&ctx.chrome("grants-application-title"), e, field)?;
            refused(ctx, id, e, form, typed).await
        }
    }
}

fn one(ctx: &Ctx, field: &str, key: &str) -> FieldErrors {
    let mut e = FieldErrors::default();
    e.push(field, ctx.chrome("grants-application-title").t(key));
    e
}

pub(super) async fn conflict(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.application(id, me(&ctx)).await?;
    if get(&pairs, "confirm") != "yes" {
        let e = one(&ctx, "confirm", "grants-error-confirm-conflict");
        return refused(&ctx, id, e, "conflict", pairs).await;
    }
    match scoped.declare_conflict(&ctx.actor, id, me(&ctx)).await {
        Ok(()) => Ok(Redirect::to("/grants/committee?conflict=1").into_response()),
        Err(e) => {
            let e = refusal(&ctx.chrome("grants-application-title"), e, "confirm")?;
            refused(&ctx, id, e, "conflict", pairs).await
        }
    }
}

pub(super) async fn score(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let marks: Vec<(String, u32)> = pairs
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("mark.")?.to_owned(), v.trim().parse().ok()?)))
        .collect();
    let done = Scoped::from(ctx.access())
        .score(&ctx.actor, id, me(&ctx), &marks, get(&pairs, "comment"))
        .await;
    settle(&ctx, id, done, "score", "score", "marks", pairs).await
}

pub(super) async fn decide(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.application(id, me(&ctx)).await?;
    let decision = match get(&pairs, "outcome") {
        "accept" => match get(&pairs, "amount").trim().parse::<i64>() {
            Ok(n) => Decision::Accept(n),
            Err(_) => {
                let e = one(&ctx, "amount", "grants-error-number");
                return refused(&ctx, id, e, "decision", pairs).await;
            }
        },
        "reserve" => Decision::Reserve,
        "refuse" => Decision::Refuse(get(&pairs, "reasons").into()),
        _ => {
            let e = one(&ctx, "outcome", "grants-error-outcome");
            return refused(&ctx, id, e, "decision", pairs).await;
        }
    };
    let done = scoped.decide(&ctx.actor, id, &decision).await;
    settle(&ctx, id, done, "decision", "decision", "amount", pairs).await
}

pub(super) async fn decide_appeal(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.application(id, me(&ctx)).await?;
    let upheld = match get(&pairs, "appeal") {
        "uphold" => true,
        "reject" => false,
        _ => {
            let e = one(&ctx, "appeal", "grants-error-outcome");
            return refused(&ctx, id, e, "appeal", pairs).await;
        }
    };
    let done = scoped
        .decide_appeal(&ctx.actor, id, upheld, get(&pairs, "appeal_reasons"))
        .await;
    settle(&ctx, id, done, "decision", "appeal", "appeal", pairs).await
}

pub(super) async fn sign(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.application(id, me(&ctx)).await?;
    let done = scoped
        .sign_convention(&ctx.actor, id, get(&pairs, "signed_on"))
        .await;
    settle(
        &ctx,
        id,
        done,
        "convention",
        "convention",
        "signed_on",
        pairs,
    )
    .await
}

pub(super) async fn release(
    ctx: Ctx,
    Path((id, number)): Path<(i64, i32)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    let tranche = scoped
        .tranches(id, me(&ctx))
        .await?
        .into_iter()
        .find(|t| t.number == number)
        .ok_or(WebError::NotFound)?;
    match scoped
        .release_tranche(&ctx.actor, tranche.id, get(&pairs, "reference"))
        .await
    {
        Ok(()) => Ok(back(id, "tranches")),
        Err(e) => {
            let field = format!("reference.{number}");
            let chrome = ctx.chrome("grants-application-title");
            let e = match e {
                GrantError::Store(e) => return Err(e.into()),
                other => {
                    let mut errors = FieldErrors::default();
                    errors.push(field, chrome.t(other.key()));
                    errors
                }
            };
            refused(&ctx, id, e, "tranches", pairs).await
        }
    }
}

pub(super) async fn review(
    ctx: Ctx,
    Path((id, report)): Path<(i64, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    if !scoped
        .reports(id, me(&ctx))
        .await?
        .iter()
        .any(|r| r.id == report)
    {
        return Err(WebError::NotFound);
    }
    let field = format!("review.{report}");
    let approve = match get(&pairs, "review") {
        "approve" => true,
        "return" => false,
        _ => {
            let e = one(&ctx, &field, "grants-error-outcome");
            return refused(&ctx, id, e, "reports", pairs).await;
        }
    };
    match scoped
        .review_report(&ctx.actor, report, approve, get(&pairs, "remarks"))
        .await
    {
        Ok(()) => Ok(back(id, "reports")),
        Err(e) => {
            let chrome = ctx.chrome("grants-application-title");
            let e = match e {
                GrantError::Store(e) => return Err(e.into()),
                GrantError::Fields(f) => {
                    let mut errors = FieldErrors::default();
                    for (_, k) in f {
                        errors.push(field.clone(), chrome.t(k));
                    }
                    errors
                }
                other => {
                    let mut errors = FieldErrors::default();
                    errors.push(field, chrome.t(other.key()));
                    errors
                }
            };
            refused(&ctx, id, e, "reports", pairs).await
        }
    }
}

/// The convention in one language.
struct ConventionText {
    lang: &'static str,
    dir: &'static str,
    title: String,
    between: String,
    agency: String,
    association: String,
    registration: String,
    project: String,
    object: String,
    amount: String,
    duration: String,
    tranches_title: String,
    tranches: Vec<(String, String, String)>,
    obligations_title: String,
    obligations: Vec<String>,
    dates_title: String,
    dates: Vec<(String, String)>,
    signatures: (String, String),
}

#[derive(Template)]
#[template(path = "grants/convention.html")]
struct ConventionPage {
    chrome: Chrome,
    id: i64,
    reference: String,
    texts: Vec<ConventionText>,
}

const OBLIGATIONS: [&str; 5] = [
    "grants-obligation-use",
    "grants-obligation-reports",
    "grants-obligation-receipts",
    "grants-obligation-visibility",
    "grants-obligation-control",
];

pub(super) async fn convention(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let Loaded {
        a,
        call,
        assoc,
        est: _,
    } = load(&ctx, id).await?;
    if a.status != Status::Accepted.as_str() {
        return Err(WebError::NotFound);
    }
    let tranches = Scoped::from(ctx.access()).tranches(id, me(&ctx)).await?;
    let chrome = ctx.chrome("grants-convention-title");
    let signed = a
        .convention_signed_on
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let texts = [Locale::Ar, Locale::Fr]
        .into_iter()
        .map(|l| {
            let t = |k: &str| chrome.t_in(l, k);
            let name = |ar: &str, fr: &str| match l {
                Locale::Ar => ar.to_owned(),
                _ => fr.to_owned(),
            };
            let with = |k: &str, name: &str, v: String| {
                let mut args = jisr_i18n::Args::new();
                args.set(name.to_owned(), v);
                ctx.state.catalog.t_args(l, k, Some(&args))
            };
            let num = |n: i64| with("grants-mad", "amount", jisr_i18n::format_count(l, n));
            let mut dates = vec![(
                t("grants-convention-signed-on"),
                a.convention_signed_on
                    .as_deref()
                    .map_or(t("grants-convention-not-signed"), jisr_domain::time::day),
            )];
            if let Some(s) = signed {
                for k in ["interim", "final"] {
                    if let Some(d) = grants::report_due(s, a.duration_months, k) {
                        dates.push((
                            t(&format!("grants-convention-due-{k}")),
                            d.format("%d/%m/%Y").to_string(),
                        ));
                    }
                }
            }
            ConventionText {
                lang: l.tag(),
                dir: l.dir(),
                title: t("grants-convention-title"),
                between: t("grants-convention-between"),
                agency: t("grants-convention-agency"),
                association: assoc
                    .as_ref()
                    .map(|x| name(&x.name_ar, &x.name_fr))
                    .unwrap_or_default(),
                registration: assoc
                    .as_ref()
                    .map(|x| x.registration_number.clone())
                    .unwrap_or_default(),
                project: a.project_title.clone(),
                object: format!(
                    "{} — {}",
                    t("grants-convention-call"),
                    name(&call.title_ar, &call.title_fr)
                ),
                amount: num(a.awarded.unwrap_or(0)),
                duration: with(
                    "grants-convention-months",
                    "count",
                    a.duration_months.to_string(),
                ),
                tranches_title: t("grants-convention-tranches"),
                tranches: tranches
                    .iter()
                    .map(|tr| {
                        (
                            tr.number.to_string(),
                            num(tr.amount),
                            t(&format!(
                                "grants-condition-{}",
                                tr.release_condition.replace('_', "-")
                            )),
                        )
                    })
                    .collect(),
                obligations_title: t("grants-convention-obligations"),
                obligations: OBLIGATIONS.iter().map(|k| t(k)).collect(),
                dates_title: t("grants-convention-dates"),
                dates,
                signatures: (
                    t("grants-convention-sign-agency"),
                    t("grants-convention-sign-association"),
                ),
            }
        })
        .collect();
    render(ConventionPage {
        chrome,
        id,
        reference: a.receipt.clone().unwrap_or_default(),
        texts,
    })
    .map(IntoResponse::into_response)
}
