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
#[derive(Default)]
pub(crate) struct CheckView {
    pub here: Vec<CandidateView>,
    pub elsewhere: Vec<ElsewhereView>,
}

impl CheckView {
    pub fn any(&self) -> bool {
        !self.here.is_empty() || !self.elsewhere.is_empty()
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
    use jisr_domain::access::Capability;
    Routes::new().add(
        Method::GET,
        "/persons/search",
        "/persons/search?q=Alaoui",
        Can(Capability::ReadRegistry),
        get(search),
    )
}
