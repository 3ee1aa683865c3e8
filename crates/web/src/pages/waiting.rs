//! Waiting lists: the applications accepted for an admission service that wait for a free
//! place, per service and province, ranked by priority (the service's assessment plus its
//! needs model), each priority explained term by term.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::Choice;
use crate::view::Chrome;
use askama::Template;
use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use jisr_domain::access::Capability;
use jisr_domain::applications::TrackingCode;
use jisr_domain::geo::ProvinceCode;
use jisr_store::applications::Scoped;
use jisr_store::applications::priority::{Priority, Source};
use jisr_store::entity::application;

/// A number as shown in explanations: at most two decimals, trailing zeros dropped.
pub(crate) fn decimal(v: f64) -> String {
    let s = format!("{:.2}", (v * 100.0).round() / 100.0);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// One term of the needs model, worded.
pub(crate) struct TermView {
    pub label: String,
    /// The input value, or "missing".
    pub raw: String,
    pub missing: bool,
    pub value: String,
    pub weight: String,
    pub points: String,
}

/// A priority as the pages show it.
pub(crate) struct PriorityView {
    pub total: String,
    pub assessment: String,
    /// The needs model's score; empty when the service has none.
    pub needs: String,
    /// Where the household was read from, worded.
    pub source: String,
    /// The registry household, when it was found there.
    pub household: Option<i64>,
    pub terms: Vec<TermView>,
    pub intercept: String,
    pub coefficient: String,
}

impl PriorityView {
    pub fn new(chrome: &Chrome, p: &Priority) -> Self {
        let (needs, source, household, terms, intercept, coefficient) = match &p.needs {
            None => (
                String::new(),
                String::new(),
                None,
                Vec::new(),
                String::new(),
                String::new(),
            ),
            Some(n) => {
                let e = &n.explanation;
                let (source, household) = match n.source {
                    Source::Registry { household_id } => {
                        (chrome.t("prio-source-registry"), Some(household_id))
                    }
                    Source::Declared => (chrome.t("prio-source-declared"), None),
                };
                let terms = e
                    .terms
                    .iter()
                    .map(|t| TermView {
                        label: chrome.t2("needs-term", &t.id),
                        raw: t
                            .raw
                            .map(decimal)
                            .unwrap_or_else(|| chrome.t("prio-missing")),
                        missing: t.raw.is_none(),
                        value: decimal(t.value),
                        weight: decimal(t.weight),
                        points: decimal(t.contribution),
                    })
                    .collect();
                (
                    decimal(e.score),
                    source,
                    household,
                    terms,
                    decimal(e.intercept),
                    decimal(e.region_coefficient),
                )
            }
        };
        PriorityView {
            total: decimal(p.total),
            assessment: p.assessment.to_string(),
            needs,
            source,
            household,
            terms,
            intercept,
            coefficient,
        }
    }

    pub fn has_model(&self) -> bool {
        !self.needs.is_empty()
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct WaitingQuery {
    pub service: String,
    pub province: String,
}

pub(crate) struct WaitingRow {
    pub rank: usize,
    pub id: i64,
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub submitted_at: String,
    pub priority: PriorityView,
}

#[derive(Template)]
#[template(path = "applications/waiting.html")]
struct WaitingPage {
    chrome: Chrome,
    query: WaitingQuery,
    services: Vec<Choice>,
    provinces: Vec<Choice>,
    rows: Vec<WaitingRow>,
    /// Whether a service and a province were chosen.
    chosen: bool,
    may_edit_models: bool,
}

pub async fn waiting_lists(
    ctx: Ctx,
    Query(mut query): Query<WaitingQuery>,
) -> Result<Response, WebError> {
    let chrome = ctx.chrome("waiting-title");
    let g = ctx.grants();
    let store = &ctx.state.store;
    let services: Vec<Choice> = jisr_store::services::catalogue(store, None)
        .await?
        .into_iter()
        .filter(|s| s.admission)
        .map(|s| Choice {
            label: chrome.name(&s.name_ar, &s.name_fr).to_owned(),
            value: s.code,
        })
        .collect();
    let scope = g.widest_scope_for(Capability::ProcessApplications);
    let provinces: Vec<Choice> = jisr_store::geo::provinces(store.conn(), None)
        .await?
        .into_iter()
        .filter(|p| {
            ProvinceCode::parse(&p.code)
                .is_ok_and(|c| scope.as_ref().is_some_and(|s| s.covers_province(&c)))
        })
        .map(|p| Choice {
            label: chrome.name(&p.name_ar, &p.name_fr).to_owned(),
            value: p.code,
        })
        .collect();
    // A province outside the person's territory is not found, like its applications.
    if !query.province.is_empty() && !provinces.iter().any(|p| p.value == query.province) {
        return Err(WebError::NotFound);
    }
    // One province in scope: it is the list's province without asking.
    if query.province.is_empty() && provinces.len() == 1 {
        query.province = provinces[0].value.clone();
    }
    if query.service.is_empty() {
        query.service = services
            .first()
            .map(|s| s.value.clone())
            .unwrap_or_default();
    }
    let chosen = services.iter().any(|s| s.value == query.service)
        && provinces.iter().any(|p| p.value == query.province);
    let rows = if chosen {
        Scoped::new(store, &g)
            .waiting_list(&query.service, &query.province)
            .await?
            .into_iter()
            .enumerate()
            .map(|(i, (a, p))| row(&chrome, i + 1, &a, &p))
            .collect()
    } else {
        Vec::new()
    };
    render(WaitingPage {
        may_edit_models: super::needs_model::may_edit(&ctx),
        chrome,
        query,
        services,
        provinces,
        rows,
        chosen,
    })
    .map(IntoResponse::into_response)
}

fn row(chrome: &Chrome, rank: usize, a: &application::Model, p: &Priority) -> WaitingRow {
    WaitingRow {
        rank,
        id: a.id,
        code: TrackingCode::parse(&a.tracking_code)
            .map(|c| c.display())
            .unwrap_or_default(),
        name_ar: a.beneficiary_name_ar.clone(),
        name_fr: a.beneficiary_name_fr.clone(),
        submitted_at: a.submitted_at.clone(),
        priority: PriorityView::new(chrome, p),
    }
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::get;
    use jisr_domain::access::Capability;
    Routes::new().add(
        Method::GET,
        "/waiting-lists",
        "/waiting-lists",
        Can(Capability::ProcessApplications),
        get(waiting_lists),
    )
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn decimals_are_short() {
        assert_eq!(decimal(17.5), "17.5");
        assert_eq!(decimal(3.0), "3");
        assert_eq!(decimal(2.0794415), "2.08");
        assert_eq!(decimal(-0.001), "0");
        assert_eq!(decimal(1.005), "1");
    }
}
