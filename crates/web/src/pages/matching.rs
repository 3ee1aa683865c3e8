//! Matching in the pages: finding a person of the registry by any spelling in either
//! script or a national ID, and the point-of-entry candidates shown with their reasons
//! (used by the register's admission form).

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::Chrome;
use askama::Template;
use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use jisr_matching::Explanation;
use jisr_store::matching::{Check, Found, PersonCard, Scoped};
use serde::Deserialize;

/// One term of a score, translated: "family name: cross-script match +6.1".
pub(crate) struct TermView {
    pub label: String,
    pub level: String,
    pub weight: String,
    /// `plus`, `minus` or `zero`, for the bar's colour.
    pub sign: &'static str,
    /// Width of the bar, 0–100.
    pub width: u32,
}

/// A score explained term by term, like a waterfall, in the page's language.
pub(crate) struct ExplanationView {
    pub terms: Vec<TermView>,
    pub total: String,
    pub probability: String,
}

fn signed(x: f64) -> String {
    format!("{x:+.1}")
}

fn sign(x: f64) -> &'static str {
    if x >= 0.05 {
        "plus"
    } else if x <= -0.05 {
        "minus"
    } else {
        "zero"
    }
}

/// Translates an explanation, term by term.
pub(crate) fn explanation_view(chrome: &Chrome, e: &Explanation) -> ExplanationView {
    let widest = e
        .terms
        .iter()
        .map(|t| t.weight.abs())
        .chain([e.prior.abs()])
        .fold(1.0_f64, f64::max);
    let bar = |w: f64| ((w.abs() / widest) * 100.0).round() as u32;
    let mut terms = vec![TermView {
        label: chrome.t("matching-prior"),
        level: String::new(),
        weight: signed(e.prior),
        sign: sign(e.prior),
        width: bar(e.prior),
    }];
    for t in &e.terms {
        let mut level = chrome.t(&t.level_key());
        if t.frequency_adjustment.abs() >= 0.05 {
            level.push_str(&format!(
                " ({} {})",
                chrome.t("matching-frequency"),
                signed(t.frequency_adjustment)
            ));
        }
        if t.comparison == "name" && e.swapped {
            level.push_str(&format!(" ({})", chrome.t("matching-swapped")));
        }
        terms.push(TermView {
            label: chrome.t(&t.term_key()),
            level,
            weight: signed(t.weight),
            sign: sign(t.weight),
            width: bar(t.weight),
        });
    }
    ExplanationView {
        terms,
        total: signed(e.weight),
        probability: format!("{:.0} %", e.probability * 100.0),
    }
}

/// A registry person as shown in a list of results or candidates.
pub(crate) struct PersonView {
    pub card: PersonCard,
    /// The name in the page's script.
    pub name: String,
    /// The name in the other script, when there is one.
    pub other: String,
    pub sex: String,
}

pub(crate) fn person_view(chrome: &Chrome, card: PersonCard) -> PersonView {
    let (ar, lat) = (card.name_ar(), card.name_lat());
    let name = match chrome.name(&ar, &lat) {
        "" => chrome.other_name(&ar, &lat).to_owned(),
        n => n.to_owned(),
    };
    let other = chrome.other_name(&ar, &lat);
    let other = if other == name {
        String::new()
    } else {
        other.to_owned()
    };
    let sex = if card.sex.is_empty() {
        String::new()
    } else {
        chrome.t2("care-sex", &card.sex)
    };
    PersonView {
        card,
        name,
        other,
        sex,
    }
}

/// A point-of-entry candidate in the page.
pub(crate) struct CandidateView {
    pub person: PersonView,
    pub explanation: ExplanationView,
}

/// A possible match the worker may not see: the province and whom to ask.
pub(crate) struct ElsewhereView {
    pub text: String,
}

/// The point-of-entry check as the page shows it.
pub(crate) struct CheckView {
    pub here: Vec<CandidateView>,
    pub elsewhere: Vec<ElsewhereView>,
    /// The keys of the section's hint and buttons: saving a record (admission) or
    /// linking one already saved (an application being processed).
    pub hint: &'static str,
    pub link: &'static str,
    pub new: &'static str,
    /// Whether the record is in a form the worker may correct and check again.
    pub again: bool,
}

impl Default for CheckView {
    fn default() -> Self {
        CheckView {
            here: Vec::new(),
            elsewhere: Vec::new(),
            hint: "matching-check-hint",
            link: "matching-link-this",
            new: "matching-confirm-new",
            again: true,
        }
    }
}

impl CheckView {
    pub fn any(&self) -> bool {
        !self.here.is_empty() || !self.elsewhere.is_empty()
    }

    /// The same check about a record already filed (an application): linking it saves
    /// nothing else, and there is no form to correct.
    pub fn for_filed_record(self) -> Self {
        CheckView {
            hint: "matching-check-hint-filed",
            link: "matching-link-filed",
            new: "matching-confirm-new-filed",
            again: false,
            ..self
        }
    }
}

pub(crate) fn check_view(chrome: &Chrome, check: Check) -> CheckView {
    CheckView {
        here: check
            .here
            .into_iter()
            .map(|(card, e)| CandidateView {
                explanation: explanation_view(chrome, &e),
                person: person_view(chrome, card),
            })
            .collect(),
        elsewhere: check
            .elsewhere
            .into_iter()
            .map(|e| {
                let province = chrome.name(&e.province_name_ar, &e.province_name_fr);
                let province = if province.is_empty() {
                    e.province_code.clone()
                } else {
                    province.to_owned()
                };
                let text = match (&e.delegation_ar, &e.delegation_fr) {
                    (Some(ar), Some(fr)) => chrome.targs(
                        "matching-elsewhere-ask",
                        &[
                            ("province", province),
                            ("delegation", chrome.name(ar, fr).to_owned()),
                        ],
                    ),
                    _ => chrome.t1("matching-elsewhere", "province", &province),
                };
                ElsewhereView { text }
            })
            .collect(),
        ..CheckView::default()
    }
}

// ---------------------------------------------------------------- search

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SearchQuery {
    pub q: String,
    pub year: String,
}

struct Row {
    person: PersonView,
    score: String,
    by_national_id: bool,
}

#[derive(Template)]
#[template(path = "matching/search.html")]
struct SearchPage {
    chrome: Chrome,
    query: SearchQuery,
    searched: bool,
    rows: Vec<Row>,
    year_error: Option<String>,
}

/// The search page: any spelling in either script, or a national ID.
pub async fn search(ctx: Ctx, Query(query): Query<SearchQuery>) -> Result<Response, WebError> {
    let chrome = ctx.chrome("matching-search-title");
    let year_text = query.year.trim();
    let (year, year_error) = if year_text.is_empty() {
        (None, None)
    } else {
        match year_text.parse::<u16>() {
            Ok(y) if (1900..=2100).contains(&y) => (Some(y), None),
            _ => (None, Some(chrome.t("matching-error-year"))),
        }
    };
    let searched = query.q.trim().chars().count() >= jisr_store::matching::MIN_QUERY_CHARS
        && year_error.is_none();
    let found: Vec<Found> = if searched {
        Scoped::from(ctx.access())
            .search(&ctx.actor, &query.q, year)
            .await?
    } else {
        Vec::new()
    };
    let rows = found
        .into_iter()
        .map(|f| Row {
            score: format!("{:.0} %", (f.score.min(1.0)) * 100.0),
            by_national_id: f.by_national_id,
            person: person_view(&chrome, f.card),
        })
        .collect();
    render(SearchPage {
        chrome,
        query,
        searched,
        rows,
        year_error,
    })
    .map(IntoResponse::into_response)
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::get;
    use axum::routing::post;
    use jisr_domain::access::Capability;
    // Examples: pair 1 and merge 1 are in Rehamna, pair 2 and merge 2 in Casablanca.
    Routes::new()
        .add(
            Method::GET,
            "/persons/search",
            "/persons/search?q=Alaoui",
            Can(Capability::ReadRegistry),
            get(search),
        )
        .add(
            Method::GET,
            "/persons/duplicates",
            "/persons/duplicates",
            Can(Capability::ReviewDuplicates),
            get(duplicates),
        )
        .add_record(
            Method::POST,
            "/persons/duplicates/provinces/{province}/job",
            "/persons/duplicates/provinces/07.427/job",
            Some("/persons/duplicates/provinces/06.141/job"),
            Can(Capability::ReviewDuplicates),
            post(start_job),
        )
        .add_record(
            Method::GET,
            "/persons/duplicates/{id}",
            "/persons/duplicates/1",
            Some("/persons/duplicates/2"),
            Can(Capability::ReviewDuplicates),
            get(pair),
        )
        .add_record(
            Method::POST,
            "/persons/duplicates/{id}/merge",
            "/persons/duplicates/1/merge",
            Some("/persons/duplicates/2/merge"),
            Can(Capability::ReviewDuplicates),
            post(merge),
        )
        .add_record(
            Method::POST,
            "/persons/duplicates/{id}/not-same",
            "/persons/duplicates/1/not-same",
            Some("/persons/duplicates/2/not-same"),
            Can(Capability::ReviewDuplicates),
            post(not_same),
        )
        .add_record(
            Method::POST,
            "/persons/merges/{id}/undo",
            "/persons/merges/1/undo",
            Some("/persons/merges/2/undo"),
            Can(Capability::ReviewDuplicates),
            post(undo),
        )
}

// ---------------------------------------------------------------- duplicates

use axum::extract::{Form, Path};
use axum::response::Redirect;
use jisr_store::entity::{matching_job, matching_merge, person};
use jisr_store::matching::review::{self, FIELDS, Pair};
use std::collections::HashMap;

/// A province's duplicates as the list shows them.
struct ProvinceDuplicates {
    code: String,
    name: String,
    job: Option<matching_job::Model>,
    pairs: Vec<PairRow>,
    merges: Vec<MergeRow>,
}

impl ProvinceDuplicates {
    fn running(&self) -> bool {
        self.job.as_ref().is_some_and(|j| j.status == "running")
    }
}

struct PairRow {
    id: i64,
    a: String,
    b: String,
    probability: String,
}

struct MergeRow {
    merge: matching_merge::Model,
    name: String,
}

#[derive(Template)]
#[template(path = "matching/duplicates.html")]
struct DuplicatesPage {
    chrome: Chrome,
    provinces: Vec<ProvinceDuplicates>,
    done: Option<String>,
}

impl DuplicatesPage {
    fn job_text(&self, j: &matching_job::Model) -> String {
        let key = match j.status.as_str() {
            "running" => "matching-job-running",
            "failed" => "matching-job-failed",
            _ => "matching-job-done",
        };
        self.chrome.targs(
            key,
            &[
                ("done", j.done.to_string()),
                ("total", j.total.to_string()),
                ("pairs", j.proposals.to_string()),
                (
                    "at",
                    j.started_at
                        .chars()
                        .take(16)
                        .collect::<String>()
                        .replace('T', " "),
                ),
            ],
        )
    }
}

fn person_name(chrome: &Chrome, p: &person::Model) -> String {
    let ar = format!("{} {}", p.first_name_ar, p.last_name_ar)
        .trim()
        .to_owned();
    let lat = format!("{} {}", p.first_name_lat, p.last_name_lat)
        .trim()
        .to_owned();
    let first = match chrome.name(&ar, &lat) {
        "" => chrome.other_name(&ar, &lat).to_owned(),
        n => n.to_owned(),
    };
    let other = chrome.other_name(&ar, &lat);
    if other.is_empty() || other == first {
        first
    } else {
        format!("{first} — {other}")
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneQuery {
    done: Option<String>,
}

/// The duplicates of the provinces the person reviews: the job and its progress, the
/// pairs proposed, the merges that can be undone.
pub async fn duplicates(ctx: Ctx, Query(q): Query<DoneQuery>) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    let chrome = ctx.chrome("matching-duplicates-title");
    let names: HashMap<String, String> = jisr_store::geo::provinces(ctx.state.store.conn(), None)
        .await?
        .into_iter()
        .map(|p| {
            (
                p.code.clone(),
                chrome.name(&p.name_ar, &p.name_fr).to_owned(),
            )
        })
        .collect();
    let mut provinces = Vec::new();
    for code in scoped.review_provinces().await? {
        let job = scoped.latest_job(&code).await?;
        let pairs = scoped
            .open_pairs(&code)
            .await?
            .into_iter()
            .map(|p| PairRow {
                id: p.proposal.id,
                a: person_name(&chrome, &p.a),
                b: person_name(&chrome, &p.b),
                probability: format!("{:.0} %", p.explanation.probability * 100.0),
            })
            .collect();
        let mut merges = Vec::new();
        for (m, survivor) in scoped.merges(&code).await? {
            merges.push(MergeRow {
                name: survivor
                    .map(|p| person_name(&chrome, &p))
                    .unwrap_or_default(),
                merge: m,
            });
        }
        provinces.push(ProvinceDuplicates {
            name: names.get(&code).cloned().unwrap_or_else(|| code.clone()),
            code,
            job,
            pairs,
            merges,
        });
    }
    let done = q.done.and_then(|d| match d.as_str() {
        "merged" => Some(chrome.t("matching-merged")),
        "undone" => Some(chrome.t("matching-undone")),
        "not-same" => Some(chrome.t("matching-not-same-done")),
        "started" => Some(chrome.t("matching-job-started")),
        _ => None,
    });
    render(DuplicatesPage {
        chrome,
        provinces,
        done,
    })
    .map(IntoResponse::into_response)
}

/// Starts the duplicate search of a province in the background of the server.
pub async fn start_job(ctx: Ctx, Path(province): Path<String>) -> Result<Response, WebError> {
    let job = Scoped::from(ctx.access())
        .start_job(&ctx.actor, &province)
        .await?;
    if job.status == "running" && job.done == 0 && job.total == 0 {
        let store = ctx.state.store.clone();
        tokio::spawn(async move {
            if let Err(e) = review::run_job(&store, job.id).await {
                tracing::error!(error = %e, job = job.id, "duplicate search failed");
            }
        });
    }
    Ok(Redirect::to("/persons/duplicates?done=started").into_response())
}

struct FieldRow {
    name: &'static str,
    label: String,
    a: String,
    b: String,
    differ: bool,
}

#[derive(Template)]
#[template(path = "matching/pair.html")]
struct PairPage {
    chrome: Chrome,
    id: i64,
    a_name: String,
    b_name: String,
    a_id: i64,
    b_id: i64,
    rows: Vec<FieldRow>,
    explanation: ExplanationView,
}

fn pair_page(chrome: Chrome, pair: Pair) -> PairPage {
    let rows = FIELDS
        .iter()
        .map(|f| {
            let (a, b) = (review::field_of(&pair.a, f), review::field_of(&pair.b, f));
            // The sex is stored as a code: shown in the page's language.
            let shown = |v: String| {
                if *f == "sex" && !v.is_empty() {
                    chrome.t2("care-sex", &v)
                } else {
                    v
                }
            };
            let (a, b) = (shown(a), shown(b));
            FieldRow {
                name: f,
                label: chrome.t(&format!("matching-field-{}", f.replace('_', "-"))),
                differ: a != b,
                a,
                b,
            }
        })
        .collect();
    PairPage {
        id: pair.proposal.id,
        a_name: person_name(&chrome, &pair.a),
        b_name: person_name(&chrome, &pair.b),
        a_id: pair.a.id,
        b_id: pair.b.id,
        rows,
        explanation: explanation_view(&chrome, &pair.explanation),
        chrome,
    }
}

/// Two persons side by side with the explanation of their score.
pub async fn pair(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let pair = Scoped::from(ctx.access()).pair(&ctx.actor, id).await?;
    let chrome = ctx.chrome("matching-pair-title");
    render(pair_page(chrome, pair)).map(IntoResponse::into_response)
}

fn decided(e: jisr_store::StoreError) -> WebError {
    match e {
        jisr_store::StoreError::Conflict(_) => {
            WebError::Conflict(vec![("decision".into(), "matching-error-decided")])
        }
        other => other.into(),
    }
}

/// Merges a pair: each field's side chosen (`a` or `b`), every field required.
pub async fn merge(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    // Out of scope or decided: said before the form is read.
    scoped.pair(&ctx.actor, id).await?;
    let mut choice = Vec::new();
    let mut missing = Vec::new();
    for f in FIELDS {
        match form.get(f).map(String::as_str) {
            Some("a") => choice.push((f.to_owned(), false)),
            Some("b") => choice.push((f.to_owned(), true)),
            _ => missing.push((f.to_owned(), "matching-error-choose")),
        }
    }
    if !missing.is_empty() {
        return Err(WebError::Invalid(missing));
    }
    scoped
        .merge(&ctx.actor, id, &choice)
        .await
        .map_err(decided)?;
    Ok(Redirect::to("/persons/duplicates?done=merged").into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ConfirmForm {
    confirm: String,
}

/// "Not the same person", confirmed.
pub async fn not_same(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.pair(&ctx.actor, id).await?;
    if form.confirm != "yes" {
        return Err(WebError::Invalid(vec![(
            "confirm".into(),
            "matching-error-confirm",
        )]));
    }
    scoped.not_same(&ctx.actor, id).await.map_err(decided)?;
    Ok(Redirect::to("/persons/duplicates?done=not-same").into_response())
}

/// Undoes a merge, confirmed.
pub async fn undo(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ConfirmForm>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.merge_in_scope(id).await?;
    if form.confirm != "yes" {
        return Err(WebError::Invalid(vec![(
            "confirm".into(),
            "matching-error-confirm",
        )]));
    }
    scoped.undo(&ctx.actor, id).await.map_err(decided)?;
    Ok(Redirect::to("/persons/duplicates?done=undone").into_response())
}
