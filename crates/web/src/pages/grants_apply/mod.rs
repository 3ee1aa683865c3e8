//! Grants as associations and the public see them: the published calls for projects
//! (`/calls`), an establishment manager's applications for its association (drafts,
//! documents, filing with a receipt, the eligibility check with each failed condition
//! named, the one reminder for missing documents, an appeal, reports on the convention's
//! tranches), and the public register of awarded grants (`/open-data/grants`, with CSV
//! and JSON after the 360Giving Data Standard).

mod applicant;
mod public;

use crate::view::Chrome;
use jisr_domain::access::Capability;
use jisr_store::entity::grant_call;
use jisr_store::transparency::Heading;
use std::collections::HashMap;

/// The label of a document a call asks: the call's own translation when there is one,
/// else the key itself.
pub(super) fn doc_label(chrome: &Chrome, key: &str) -> String {
    for k in [
        format!("grants-doc-{key}"),
        format!("grants-apply-doc-{key}"),
    ] {
        let t = chrome.t(&k);
        if t != k {
            return t;
        }
    }
    key.to_owned()
}

/// Whole dirhams as shown: grouped digits and the currency.
pub(super) fn mad(chrome: &Chrome, n: i64) -> String {
    chrome.t1("grants-apply-mad", "amount", &chrome.num(&n))
}

/// A call as the pages show it, names not codes.
pub(super) struct CallView {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub fund: String,
    pub provinces: Vec<String>,
    pub categories: Vec<String>,
    pub envelope: String,
    pub max_per_project: String,
    pub cofinancing_pct: i32,
    pub opens_on: String,
    pub closes_on: String,
    pub decision_on: String,
    pub documents: Vec<String>,
    pub criteria: Vec<(String, u32)>,
    /// Whether today is within its dates.
    pub open: bool,
}

pub(super) fn call_view(
    chrome: &Chrome,
    c: &grant_call::Model,
    provinces: &HashMap<String, (String, String)>,
    categories: &[Heading],
) -> CallView {
    let today = jisr_domain::time::today().to_string();
    let list = |s: &str| -> Vec<String> {
        s.split(',')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
            .collect()
    };
    CallView {
        id: c.id,
        title: chrome.name(&c.title_ar, &c.title_fr).to_owned(),
        description: chrome.name(&c.description_ar, &c.description_fr).to_owned(),
        fund: c.fund.clone(),
        provinces: list(&c.provinces)
            .iter()
            .map(|p| {
                provinces
                    .get(p)
                    .map(|(ar, fr)| chrome.name(ar, fr).to_owned())
                    .unwrap_or_else(|| p.clone())
            })
            .collect(),
        categories: list(&c.categories)
            .iter()
            .map(|k| {
                categories
                    .iter()
                    .find(|h| &h.code == k)
                    .map(|h| chrome.name(&h.name_ar, &h.name_fr).to_owned())
                    .unwrap_or_else(|| k.clone())
            })
            .collect(),
        envelope: mad(chrome, c.envelope),
        max_per_project: mad(chrome, c.max_per_project),
        cofinancing_pct: c.cofinancing_pct,
        opens_on: chrome.date(&c.opens_on),
        closes_on: chrome.date(&c.closes_on),
        decision_on: chrome.date(&c.decision_on),
        documents: list(&c.documents)
            .iter()
            .map(|d| doc_label(chrome, d))
            .collect(),
        criteria: jisr_store::grants::criteria(c)
            .into_iter()
            .map(|k| (chrome.name(&k.label_ar, &k.label_fr).to_owned(), k.weight))
            .collect(),
        open: c.opens_on.as_str() <= today.as_str() && today.as_str() <= c.closes_on.as_str(),
    }
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    let apply = Can(Capability::ApplyForGrants);
    let upload = || axum::extract::DefaultBodyLimit::max(super::uploads::UPLOAD_BODY_LIMIT);
    // Examples: call 1 published; application 1 of establishment 1 (Rehamna) with its
    // document 1001, application 2 of establishment 2 (Casablanca) with document 1002.
    Routes::new()
        .add(Method::GET, "/calls", "/calls", Public, get(public::calls))
        .add(
            Method::GET,
            "/calls/{id}",
            "/calls/1",
            Public,
            get(public::call),
        )
        .add(
            Method::GET,
            "/open-data/grants",
            "/open-data/grants?year=2026",
            Public,
            get(public::register),
        )
        .add(
            Method::GET,
            "/grant-applications",
            "/grant-applications",
            apply,
            get(applicant::mine),
        )
        .add(
            Method::GET,
            "/calls/{id}/apply",
            "/calls/1/apply",
            apply,
            get(applicant::new_form),
        )
        .add(
            Method::POST,
            "/calls/{id}/apply",
            "/calls/1/apply",
            apply,
            post(applicant::create).layer(upload()),
        )
        .add_record(
            Method::GET,
            "/grant-applications/{id}",
            "/grant-applications/1",
            Some("/grant-applications/2"),
            apply,
            get(applicant::show),
        )
        .add_record(
            Method::POST,
            "/grant-applications/{id}",
            "/grant-applications/1",
            Some("/grant-applications/2"),
            apply,
            post(applicant::update).layer(upload()),
        )
        .add_record(
            Method::GET,
            "/grant-applications/{id}/receipt",
            "/grant-applications/1/receipt",
            Some("/grant-applications/2/receipt"),
            apply,
            get(applicant::receipt),
        )
        .add_record(
            Method::GET,
            "/grant-applications/{id}/documents/{doc}",
            "/grant-applications/1/documents/1001",
            Some("/grant-applications/2/documents/1002"),
            apply,
            get(applicant::download),
        )
        .add_record(
            Method::POST,
            "/grant-applications/{id}/appeal",
            "/grant-applications/1/appeal",
            Some("/grant-applications/2/appeal"),
            apply,
            post(applicant::appeal),
        )
        .add_record(
            Method::POST,
            "/grant-applications/{id}/reports",
            "/grant-applications/1/reports",
            Some("/grant-applications/2/reports"),
            apply,
            post(applicant::report),
        )
}
