//! What the programme and registry pages and the API both show: simulations, decisions
//! explained criterion by criterion, comparisons with a draft. Views, not handlers.

use crate::WebError;
use crate::ctx::Ctx;
use crate::view::Chrome;
use jisr_domain::access::{Capability, Scope};
use jisr_store::entity::rule_version;
use jisr_store::programmes::{self, DraftError, ProgrammeDetail};
use jisr_store::registry::{self, Scoped};
use jisr_targeting::explain::{Explanation, InputValue};
use jisr_targeting::simulate::simulate as engine_simulate;
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
