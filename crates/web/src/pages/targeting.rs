//! Targeting: programmes and their rule versions (drafts checked by the engine,
//! simulation against the version in force, activation), and the social registry as one
//! person may see it, with why each household is or is not eligible.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::{Capability, Scope};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_store::entity::{household_index_value, rule_version};
use jisr_store::programmes::{self, Draft, DraftError, ProgrammeDetail, ProgrammeError};
use jisr_store::registry::{self, HouseholdDetail, HouseholdFilter, HouseholdSummary, Scoped};
use jisr_targeting::explain::{Explanation, InputValue};
use jisr_targeting::simulate::simulate as engine_simulate;
use serde::Deserialize;
use std::collections::HashMap;

/// The widest territory among the person's grants: the registry they may see whole.
pub(crate) fn widest_scope(ctx: &Ctx) -> Scope {
    ctx.grants()
        .widest_scope_for(Capability::ReadRegistry)
        .unwrap_or(Scope::Establishment(0))
}

pub(crate) fn may_own(ctx: &Ctx) -> bool {
    ctx.can(Capability::OwnProgrammes)
}

/// A draft error in the page's language, with its line and column.
pub(crate) fn draft_message(chrome: &Chrome, e: &DraftError) -> String {
    let reason = chrome.targs(
        &format!("rule-error-{}", e.code),
        &[("name", e.name.clone().unwrap_or_default())],
    );
    // Errors about the whole field have no position worth showing.
    if e.field == "valid_from" || e.code.starts_with("benefit-") {
        reason
    } else {
        chrome.targs(
            "rule-error-at",
            &[
                ("line", e.line.to_string()),
                ("column", e.column.to_string()),
                ("reason", reason),
            ],
        )
    }
}

// ---------------------------------------------------------------- programmes

#[derive(Template)]
#[template(path = "targeting/programmes.html")]
struct ProgrammesPage {
    chrome: Chrome,
    rows: Vec<ProgrammeDetail>,
    can_own: bool,
}

pub async fn programmes_list(ctx: Ctx) -> Result<Response, WebError> {
    let rows = programmes::list(&ctx.state.store).await?;
    render(ProgrammesPage {
        chrome: ctx.chrome("prog-title"),
        rows,
        can_own: may_own(&ctx),
    })
    .map(IntoResponse::into_response)
}

/// A new programme as typed in the form.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewProgrammeForm {
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub description_ar: String,
    pub description_fr: String,
    /// `yes` when ticked.
    pub pays_benefit: Option<String>,
    /// `person` for a programme deciding about each person; else the household.
    pub level: String,
}

impl NewProgrammeForm {
    fn pays(&self) -> bool {
        self.pays_benefit.is_some()
    }

    fn per_person(&self) -> bool {
        self.level == "person"
    }
}

#[derive(Template)]
#[template(path = "targeting/programme_new.html")]
struct NewProgrammePage {
    chrome: Chrome,
    form: NewProgrammeForm,
    errors: FieldErrors,
}

pub async fn programme_new(ctx: Ctx) -> Result<Response, WebError> {
    render(NewProgrammePage {
        chrome: ctx.chrome("prog-new-title"),
        form: NewProgrammeForm::default(),
        errors: FieldErrors::default(),
    })
    .map(IntoResponse::into_response)
}

pub async fn programme_create(
    ctx: Ctx,
    Form(form): Form<NewProgrammeForm>,
) -> Result<Response, WebError> {
    let new = programmes::NewProgramme {
        code: form.code.clone(),
        name_ar: form.name_ar.clone(),
        name_fr: form.name_fr.clone(),
        description_ar: form.description_ar.clone(),
        description_fr: form.description_fr.clone(),
        pays_benefit: form.pays(),
        level: if form.per_person() {
            jisr_targeting::rules::Level::Person
        } else {
            jisr_targeting::rules::Level::Household
        },
    };
    match programmes::create(&ctx.state.store, &ctx.actor, &new).await {
        Ok(code) => Ok(Redirect::to(&format!(
            "/programmes/{}?created=1",
            crate::view::encode_path(&code)
        ))
        .into_response()),
        Err(ProgrammeError::Fields(keys)) => {
            let chrome = ctx.chrome("prog-new-title");
            let errors = FieldErrors::translate(&chrome, keys);
            let page = NewProgrammePage {
                chrome,
                form,
                errors,
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(ProgrammeError::Store(e)) => Err(e.into()),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct DraftForm {
    pub valid_from: String,
    pub rule: String,
    pub benefit: String,
}

/// A criterion of a version, for reading.
pub struct CriterionView {
    pub id: String,
    pub expr: String,
}

#[derive(Template)]
#[template(path = "targeting/programme.html")]
struct ProgrammePage {
    chrome: Chrome,
    p: ProgrammeDetail,
    active_criteria: Vec<CriterionView>,
    form: DraftForm,
    errors: FieldErrors,
    can_own: bool,
    error: Option<String>,
    saved: Option<i32>,
    activated: bool,
    created: bool,
}

impl ProgrammePage {
    fn status(&self, v: &rule_version::Model) -> String {
        self.chrome.t2("prog-status", &v.status)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProgrammeQuery {
    saved: Option<i32>,
    activated: Option<String>,
    created: Option<String>,
}

fn criteria_view(v: Option<&rule_version::Model>) -> Vec<CriterionView> {
    v.map(programmes::criteria_of)
        .unwrap_or_default()
        .into_iter()
        .map(|c| CriterionView {
            id: c.id,
            expr: c.expr,
        })
        .collect()
}

async fn programme_page(
    ctx: &Ctx,
    code: &str,
    form: Option<DraftForm>,
    errors: FieldErrors,
    error: Option<String>,
) -> Result<ProgrammePage, WebError> {
    let p = programmes::get(&ctx.state.store, code).await?;
    let base = ctx.chrome("prog-title");
    let title = base
        .name(&p.programme.name_ar, &p.programme.name_fr)
        .to_owned();
    let chrome = base.with_title(title);
    let active = p.active();
    let form = form.unwrap_or_else(|| DraftForm {
        valid_from: String::new(),
        rule: active.map(|a| a.rule.clone()).unwrap_or_default(),
        benefit: active.and_then(|a| a.benefit.clone()).unwrap_or_default(),
    });
    Ok(ProgrammePage {
        active_criteria: criteria_view(active),
        chrome,
        p,
        form,
        errors,
        can_own: may_own(ctx),
        error,
        saved: None,
        activated: false,
        created: false,
    })
}

pub async fn programme_show(
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<ProgrammeQuery>,
) -> Result<Response, WebError> {
    let mut page = programme_page(&ctx, &code, None, FieldErrors::default(), None).await?;
    page.saved = q.saved;
    page.activated = q.activated.is_some();
    page.created = q.created.is_some();
    render(page).map(IntoResponse::into_response)
}

pub async fn draft_create(
    ctx: Ctx,
    Path(code): Path<String>,
    Form(form): Form<DraftForm>,
) -> Result<Response, WebError> {
    let draft = Draft {
        valid_from: form.valid_from.clone(),
        rule: form.rule.clone(),
        benefit: form.benefit.clone(),
    };
    let errors = match programmes::save_draft(&ctx.state.store, &ctx.actor, &code, &draft).await {
        Ok(v) => {
            return Ok(Redirect::to(&format!(
                "/programmes/{}/simulate?version={v}",
                crate::view::encode_path(&code)
            ))
            .into_response());
        }
        Err(ProgrammeError::Invalid(e)) => e,
        Err(ProgrammeError::Store(e)) => return Err(e.into()),
        Err(other) => return Err(WebError::Internal(other.to_string())),
    };
    let chrome = ctx.chrome("prog-title");
    let mut fe = FieldErrors::default();
    for e in &errors {
        fe.push(e.field, draft_message(&chrome, e));
    }
    let page = programme_page(&ctx, &code, Some(form), fe, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

pub async fn activate(
    ctx: Ctx,
    Path((code, version)): Path<(String, i32)>,
) -> Result<Response, WebError> {
    match programmes::activate(&ctx.state.store, &ctx.actor, &code, version).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/programmes/{}?activated=1",
            crate::view::encode_path(&code)
        ))
        .into_response()),
        Err(ProgrammeError::NotDraft) => {
            let chrome = ctx.chrome("prog-title");
            let error = Some(chrome.t("prog-error-not-draft"));
            let page = programme_page(&ctx, &code, None, FieldErrors::default(), error).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(ProgrammeError::Store(e)) => Err(e.into()),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

// ---------------------------------------------------------------- simulation

pub struct SimRow {
    pub province: String,
    pub entering: i64,
    pub leaving: i64,
    pub staying: i64,
    pub cost_before: i64,
    pub cost_after: i64,
}

#[derive(Template)]
#[template(path = "targeting/simulate.html")]
struct SimulatePage {
    chrome: Chrome,
    p: ProgrammeDetail,
    version: rule_version::Model,
    criteria: Vec<CriterionView>,
    active_version: Option<i32>,
    rows: Vec<SimRow>,
    totals: SimRow,
    households: usize,
    can_activate: bool,
}

impl SimulatePage {
    fn money(&self, n: &i64) -> String {
        self.chrome
            .t1("prog-dirhams", "amount", &self.chrome.num(n))
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SimulateQuery {
    version: Option<i32>,
}

/// A draft (or any version) compared with the version in force over the caller's
/// territory: with none in force, against nobody eligible (everyone enters).
pub(crate) struct SimulationRun {
    pub p: ProgrammeDetail,
    pub version: rule_version::Model,
    pub active: Option<rule_version::Model>,
    pub sim: jisr_targeting::simulate::Simulation,
    pub households: usize,
}

pub(crate) async fn run_simulation(
    ctx: &Ctx,
    code: &str,
    version: Option<i32>,
) -> Result<SimulationRun, WebError> {
    let store = &ctx.state.store;
    let p = programmes::get(store, code).await?;
    let version = version
        .and_then(|n| p.version(n))
        .ok_or(WebError::NotFound)?
        .clone();
    let scope = widest_scope(ctx);
    let reg = registry::load(store, &scope)
        .await
        .map_err(|e| WebError::Internal(format!("load: {e}")))?;
    let level = p.programme.level();
    let after = programmes::compile(level, &version, &reg.geo)
        .map_err(|e| WebError::Internal(format!("compile: {e:?}")))?;
    let active = p.active().cloned();
    let before = match &active {
        Some(a) => programmes::compile(level, a, &reg.geo)
            .map_err(|e| WebError::Internal(format!("compile: {e:?}")))?,
        None => programmes::compile(
            level,
            &rule_version::Model {
                rule: "none: false".into(),
                benefit: None,
                ..version.clone()
            },
            &reg.geo,
        )
        .map_err(|e| WebError::Internal(format!("compile: {e:?}")))?,
    };
    let sim = engine_simulate(&reg, &before, &after)
        .map_err(|e| WebError::Internal(format!("simulate: {e:?}")))?;
    Ok(SimulationRun {
        p,
        version,
        active,
        sim,
        households: reg.household_count(),
    })
}

pub async fn simulate(
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<SimulateQuery>,
) -> Result<Response, WebError> {
    let store = &ctx.state.store;
    let SimulationRun {
        p,
        version,
        active,
        sim,
        households,
    } = run_simulation(&ctx, &code, q.version).await?;
    let chrome = ctx.chrome("prog-simulate-title");
    let names: HashMap<String, String> = jisr_store::geo::provinces(store.conn(), None)
        .await?
        .into_iter()
        .map(|pr| {
            (
                pr.code.clone(),
                chrome.name(&pr.name_ar, &pr.name_fr).to_owned(),
            )
        })
        .collect();
    let row = |g: &jisr_targeting::simulate::GroupDelta, label: String| SimRow {
        province: label,
        entering: g.entering as i64,
        leaving: g.leaving as i64,
        staying: g.staying as i64,
        cost_before: g.cost_before.round() as i64,
        cost_after: g.cost_after.round() as i64,
    };
    let rows = sim
        .by_province
        .iter()
        .filter(|g| g.entering + g.leaving + g.staying > 0)
        .map(|g| {
            let label = match &g.province {
                Some(c) => names.get(c).cloned().unwrap_or_else(|| c.clone()),
                None => chrome.t("prog-no-province"),
            };
            row(g, label)
        })
        .collect();
    let totals = row(&sim.totals, chrome.t("prog-total"));
    let can_activate = may_own(&ctx) && version.status == programmes::DRAFT;
    let title = format!(
        "{} — {}",
        chrome.name(&p.programme.name_ar, &p.programme.name_fr),
        chrome.t1("prog-version-n", "n", &version.version.to_string())
    );
    let chrome = chrome.with_title(title);
    render(SimulatePage {
        chrome,
        criteria: criteria_view(Some(&version)),
        active_version: active.map(|a| a.version),
        households,
        p,
        version,
        rows,
        totals,
        can_activate,
    })
    .map(IntoResponse::into_response)
}

// ---------------------------------------------------------------- registry

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct HouseholdQuery {
    pub province: String,
    pub commune: String,
    pub key: String,
    pub page: Option<u64>,
}

pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "targeting/households.html")]
struct HouseholdsPage {
    chrome: Chrome,
    rows: Vec<HouseholdSummary>,
    total: u64,
    page: u64,
    pages: u64,
    query: HouseholdQuery,
    provinces: Vec<Choice>,
}

impl HouseholdsPage {
    fn count_label(&self) -> String {
        self.chrome.tn("reg-count", self.total as usize)
    }

    fn index_of(&self, h: &HouseholdSummary) -> String {
        h.index
            .as_ref()
            .map(|v| format!("{:.4}", v.value))
            .unwrap_or_else(|| "—".into())
    }

    fn province_name(&self, code: &str) -> String {
        self.provinces
            .iter()
            .find(|p| p.value == code)
            .map(|p| p.label.clone())
            .unwrap_or_else(|| code.to_owned())
    }

    fn page_href(&self, page: u64) -> String {
        let enc = crate::view::encode_path;
        format!(
            "/registry/households?province={}&commune={}&key={}&page={page}",
            enc(&self.query.province),
            enc(&self.query.commune),
            enc(&self.query.key)
        )
    }
}

pub async fn households(
    ctx: Ctx,
    Query(query): Query<HouseholdQuery>,
) -> Result<Response, WebError> {
    let page = query.page.unwrap_or(1).max(1);
    let filter = HouseholdFilter {
        province: ProvinceCode::parse(&query.province).ok(),
        commune: CommuneCode::parse(&query.commune).ok(),
        key: Some(query.key.clone()),
        page,
    };
    let (rows, total) = Scoped::from(ctx.access()).list(&filter).await?;
    let chrome = ctx.chrome("reg-title");
    let scope = widest_scope(&ctx);
    let provinces = jisr_store::geo::provinces(ctx.state.store.conn(), None)
        .await?
        .into_iter()
        .filter(|p| ProvinceCode::parse(&p.code).is_ok_and(|c| scope.covers_province(&c)))
        .map(|p| Choice {
            label: chrome.name(&p.name_ar, &p.name_fr).to_owned(),
            value: p.code,
        })
        .collect();
    let pages = total.div_ceil(registry::PAGE_SIZE).max(1);
    render(HouseholdsPage {
        chrome,
        rows,
        total,
        page,
        pages,
        query,
        provinces,
    })
    .map(IntoResponse::into_response)
}

/// One comparison of a criterion, worded.
pub struct ComparisonView {
    pub text: String,
    /// The values compared and the margin to the threshold, worded.
    pub sentence: String,
    pub holds: bool,
}

pub struct CriterionOutcomeView {
    pub id: String,
    pub expr: String,
    pub passed: bool,
    pub comparisons: Vec<ComparisonView>,
}

pub struct InputView {
    pub field: String,
    pub value: String,
}

pub struct ProgrammeDecision {
    pub name: String,
    pub version: i32,
    pub eligible: bool,
    pub amount: Option<String>,
    pub criteria: Vec<CriterionOutcomeView>,
    pub inputs: Vec<InputView>,
    /// The same decision re-evaluated under the newest draft version, when there is one.
    pub draft: Option<DraftComparison>,
}

/// A decision re-evaluated under a draft version, and what changes.
pub struct DraftComparison {
    pub version: i32,
    pub eligible: bool,
    pub amount: Option<String>,
    /// Each criterion of either version: (id, outcome now, outcome under the draft), as
    /// translated words; "—" where a version has no such criterion.
    pub criteria: Vec<(String, String, String, bool)>,
    pub changed: bool,
}

#[derive(Template)]
#[template(path = "targeting/household.html")]
struct HouseholdPage {
    chrome: Chrome,
    d: HouseholdDetail,
    commune: String,
    decisions: Vec<ProgrammeDecision>,
}

impl HouseholdPage {
    fn person_name(&self, p: &jisr_store::entity::person::Model) -> String {
        let ar = format!("{} {}", p.first_name_ar, p.last_name_ar);
        let fr = format!("{} {}", p.first_name_lat, p.last_name_lat);
        let pick = self.chrome.name(&ar, &fr).trim().to_owned();
        if pick.is_empty() {
            self.chrome.other_name(&ar, &fr).trim().to_owned()
        } else {
            pick
        }
    }

    fn source(&self, v: &household_index_value::Model) -> String {
        self.chrome.t2("reg-source", &v.source)
    }
}

pub(crate) fn number(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

pub(crate) fn input_text(chrome: &Chrome, v: &InputValue) -> String {
    match v {
        InputValue::Missing => chrome.t("reg-missing"),
        InputValue::Number { value } => number(*value),
        InputValue::Flag { value } => chrome.t(if *value { "reg-yes" } else { "reg-no" }),
        InputValue::Date { day } => chrome.date(&jisr_targeting::date::format_day(*day)),
        InputValue::Category { code } => code.clone(),
        InputValue::Index {
            value,
            date,
            source,
        } => chrome.targs(
            "reg-index-input",
            &[
                ("value", number(*value)),
                (
                    "date",
                    date.map(|d| chrome.date(&jisr_targeting::date::format_day(d)))
                        .unwrap_or_default(),
                ),
                (
                    "source",
                    source
                        .map(|s| chrome.t2("reg-source", s.code()))
                        .unwrap_or_default(),
                ),
            ],
        ),
    }
}

pub(crate) fn decision(
    chrome: &Chrome,
    name: String,
    v: &rule_version::Model,
    ex: &Explanation,
) -> ProgrammeDecision {
    let criteria_text: HashMap<String, String> = programmes::criteria_of(v)
        .into_iter()
        .map(|c| (c.id, c.expr))
        .collect();
    let criteria = ex
        .criteria
        .iter()
        .map(|c| {
            let expr = criteria_text.get(&c.id).cloned().unwrap_or_default();
            let comparisons = c
                .comparisons
                .iter()
                .map(|t| {
                    let text = expr
                        .get(t.span.start as usize..t.span.end as usize)
                        .unwrap_or("")
                        .to_owned();
                    let show =
                        |x: Option<f64>| x.map(number).unwrap_or_else(|| chrome.t("reg-missing"));
                    let sentence = chrome.targs(
                        "reg-comparison",
                        &[
                            ("left", show(t.left)),
                            ("right", show(t.right)),
                            ("margin", t.margin.map(number).unwrap_or_else(|| "—".into())),
                        ],
                    );
                    ComparisonView {
                        text,
                        sentence,
                        holds: t.holds,
                    }
                })
                .collect();
            CriterionOutcomeView {
                id: c.id.clone(),
                expr,
                passed: c.passed,
                comparisons,
            }
        })
        .collect();
    let inputs = ex
        .inputs
        .iter()
        .map(|i| InputView {
            field: i.field.clone(),
            value: input_text(chrome, &i.value),
        })
        .collect();
    ProgrammeDecision {
        name,
        version: v.version,
        eligible: ex.eligible,
        amount: ex
            .amount
            .map(|a| chrome.t1("prog-dirhams", "amount", &number(a))),
        criteria,
        inputs,
        draft: None,
    }
}

/// The decision `now` compared with the same one under draft version `d`.
pub(crate) fn compare_with_draft(
    chrome: &Chrome,
    now: &Explanation,
    d: &rule_version::Model,
    draft: &Explanation,
) -> DraftComparison {
    let word = |passed: Option<bool>| match passed {
        Some(true) => chrome.t("reg-passed"),
        Some(false) => chrome.t("reg-failed"),
        None => "—".to_owned(),
    };
    let mut ids: Vec<&str> = now.criteria.iter().map(|c| c.id.as_str()).collect();
    for c in &draft.criteria {
        if !ids.contains(&c.id.as_str()) {
            ids.push(&c.id);
        }
    }
    let criteria = ids
        .into_iter()
        .map(|id| {
            let a = now.criteria.iter().find(|c| c.id == id).map(|c| c.passed);
            let b = draft.criteria.iter().find(|c| c.id == id).map(|c| c.passed);
            (id.to_owned(), word(a), word(b), a != b)
        })
        .collect();
    DraftComparison {
        version: d.version,
        eligible: draft.eligible,
        amount: draft
            .amount
            .map(|a| chrome.t1("prog-dirhams", "amount", &number(a))),
        criteria,
        changed: now.eligible != draft.eligible || now.amount != draft.amount,
    }
}

/// Each programme in force, with why a household (already known to be in the caller's
/// territory) is or is not eligible under it; a programme deciding about persons gives one
/// decision per current member.
pub(crate) struct HouseholdDecision {
    pub programme: jisr_store::entity::programme::Model,
    pub version: rule_version::Model,
    pub explanation: Explanation,
    /// The member the decision is about, for a programme deciding about persons.
    pub person: Option<jisr_store::entity::person::Model>,
    /// The newest draft version and the decision under it.
    pub draft: Option<(rule_version::Model, Explanation)>,
}

pub(crate) async fn household_decisions(
    ctx: &Ctx,
    id: i64,
) -> Result<Vec<HouseholdDecision>, WebError> {
    let store = &ctx.state.store;
    let reg = registry::load_household(store, &widest_scope(ctx), id)
        .await
        .map_err(|e| WebError::Internal(format!("load: {e}")))?;
    let mut out = Vec::new();
    let Some(row) = reg.position_of(id as u64) else {
        return Ok(out);
    };
    // The engine holds the current members in the order of their stays.
    let mut members = Scoped::from(ctx.access()).get(id).await?.members;
    members.sort_by_key(|m| m.stay.id);
    for p in programmes::list(store).await? {
        let Some(v) = p.active() else { continue };
        let level = p.programme.level();
        let Ok(compiled) = programmes::compile(level, v, &reg.geo) else {
            continue;
        };
        // The newest draft after the version in force, re-evaluated for comparison.
        let draft = p
            .versions
            .iter()
            .filter(|d| d.status == programmes::DRAFT && d.version > v.version)
            .max_by_key(|d| d.version)
            .and_then(|d| {
                programmes::compile(level, d, &reg.geo)
                    .ok()
                    .map(|c| (d.clone(), c))
            });
        let rows: Vec<(usize, Option<jisr_store::entity::person::Model>)> = match level {
            jisr_targeting::rules::Level::Household => vec![(row, None)],
            jisr_targeting::rules::Level::Person => reg
                .members(row)
                .zip(&members)
                .map(|(r, m)| (r, Some(m.person.clone())))
                .collect(),
        };
        for (r, person) in rows {
            out.push(HouseholdDecision {
                version: v.clone(),
                programme: p.programme.clone(),
                explanation: compiled.explain(&reg, r),
                person,
                draft: draft.as_ref().map(|(d, c)| (d.clone(), c.explain(&reg, r))),
            });
        }
    }
    Ok(out)
}

/// A member's name in the page's script when known, else in the other one.
fn person_name(chrome: &Chrome, p: &jisr_store::entity::person::Model) -> String {
    let ar = format!("{} {}", p.first_name_ar, p.last_name_ar);
    let lat = format!("{} {}", p.first_name_lat, p.last_name_lat);
    let (ar, lat) = (ar.trim(), lat.trim());
    let name = chrome.name(ar, lat);
    if name.is_empty() {
        chrome.other_name(ar, lat).to_owned()
    } else {
        name.to_owned()
    }
}

pub async fn household(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let g = ctx.grants();
    let store = &ctx.state.store;
    let d = Scoped::new(store, &g).get(id).await?;
    jisr_store::audit::record_read(store, &ctx.actor, "household", &id.to_string()).await?;
    let chrome = ctx.chrome("reg-household-title");
    let title = chrome.t1("reg-household-n", "key", &d.household.household_key);
    let chrome = chrome.with_title(title);
    let commune = match CommuneCode::parse(&d.household.commune_code) {
        Ok(c) => jisr_store::geo::commune(store.conn(), &c)
            .await
            .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    let decisions = household_decisions(&ctx, id)
        .await?
        .into_iter()
        .map(|h| {
            let mut name = chrome
                .name(&h.programme.name_ar, &h.programme.name_fr)
                .to_owned();
            if let Some(person) = &h.person {
                name = chrome.targs(
                    "reg-decision-for",
                    &[
                        ("programme", name),
                        ("person", person_name(&chrome, person)),
                    ],
                );
            }
            let mut dec = decision(&chrome, name, &h.version, &h.explanation);
            dec.draft = h
                .draft
                .as_ref()
                .map(|(d, ex)| compare_with_draft(&chrome, &h.explanation, d, ex));
            dec
        })
        .collect();
    render(HouseholdPage {
        chrome,
        d,
        commune,
        decisions,
    })
    .map(IntoResponse::into_response)
}
