//! Grants, the staff side: programme owners make, edit and publish calls and name their
//! committee; committee members see only the calls they sit on, declare conflicts and
//! score against the grid; the secretariat reads the score sheet with its spread and the
//! flags, records decisions and appeals, signs conventions (printable in Arabic and
//! French), releases tranches with their payment order and reviews reports. Provincial
//! officers follow their territory and auditors read.

mod application;
mod calls;

use crate::WebError;
use crate::ctx::Ctx;
use crate::view::{Chrome, FieldErrors};
use jisr_store::grants::GrantError;

/// A form's fields as sent.
pub(super) fn get<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// Every value sent under `key` (checkboxes).
pub(super) fn all<'a>(pairs: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// The signed-in person's account id (0 when signed out: the routes need a session).
pub(super) fn me(ctx: &Ctx) -> i64 {
    ctx.user.as_ref().map_or(0, |u| u.user_id)
}

/// A grant error shown on the form: field errors at their fields, every other refusal
/// (a step, an award, a release) under `field`; not found stays not found.
pub(super) fn refusal(chrome: &Chrome, e: GrantError, field: &str) -> Result<FieldErrors, WebError> {
    match e {
        GrantError::Fields(f) => Ok(FieldErrors::translate(chrome, f)),
        GrantError::Store(e) => Err(e.into()),
        other => {
            let mut errors = FieldErrors::default();
            errors.push(field, chrome.t(other.key()));
            Ok(errors)
        }
    }
}

/// An amount in dirhams with the locale's grouping.
pub(super) fn mad(chrome: &Chrome, n: i64) -> String {
    chrome.t1("grants-mad", "amount", &chrome.num(&n))
}

/// The label of an application's status.
pub(super) fn status_label(chrome: &Chrome, status: &str) -> String {
    chrome.t2("grants-status", status)
}

/// The pages of grants for staff, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get as g, post};
    use jisr_domain::access::Capability;
    let run = Can(Capability::RunGrantCalls);
    let score = Can(Capability::ScoreGrantApplications);
    let follow = Can(Capability::FollowGrants);
    // Examples: call 1 in Rehamna (its committee: the programme owner, the regional
    // coordinator and the provincial officer) with application 1 of establishment 1,
    // accepted, signed, tranche 1 paid and interim report 1 submitted; call 2 in
    // Casablanca without members, with application 2 of establishment 2.
    Routes::new()
        .add(Method::GET, "/grants", "/grants", follow, g(calls::list))
        .add(
            Method::GET,
            "/grants/calls/new",
            "/grants/calls/new",
            run,
            g(calls::new_form),
        )
        .add(
            Method::POST,
            "/grants/calls",
            "/grants/calls",
            run,
            post(calls::create),
        )
        .add(
            Method::GET,
            "/grants/calls/{id}",
            "/grants/calls/1",
            follow,
            g(calls::call),
        )
        .add(
            Method::GET,
            "/grants/calls/{id}/edit",
            "/grants/calls/1/edit",
            run,
            g(calls::edit_form),
        )
        .add(
            Method::POST,
            "/grants/calls/{id}",
            "/grants/calls/1",
            run,
            post(calls::update),
        )
        .add(
            Method::POST,
            "/grants/calls/{id}/publish",
            "/grants/calls/1/publish",
            run,
            post(calls::publish),
        )
        .add(
            Method::POST,
            "/grants/calls/{id}/members",
            "/grants/calls/1/members",
            run,
            post(calls::add_member),
        )
        .add(
            Method::GET,
            "/grants/committee",
            "/grants/committee",
            score,
            g(calls::committee),
        )
        .add_record(
            Method::GET,
            "/grants/applications/{id}",
            "/grants/applications/1",
            Some("/grants/applications/2"),
            follow,
            g(application::show),
        )
        .add_record(
            Method::POST,
            "/grants/applications/{id}/conflict",
            "/grants/applications/1/conflict",
            Some("/grants/applications/2/conflict"),
            score,
            post(application::conflict),
        )
        .add_record(
            Method::POST,
            "/grants/applications/{id}/score",
            "/grants/applications/1/score",
            Some("/grants/applications/2/score"),
            score,
            post(application::score),
        )
        .add_record(
            Method::POST,
            "/grants/applications/{id}/decision",
            "/grants/applications/1/decision",
            Some("/grants/applications/2/decision"),
            run,
            post(application::decide),
        )
        .add_record(
            Method::POST,
            "/grants/applications/{id}/appeal-decision",
            "/grants/applications/1/appeal-decision",
            Some("/grants/applications/2/appeal-decision"),
            run,
            post(application::decide_appeal),
        )
        .add_record(
            Method::POST,
            "/grants/applications/{id}/convention",
            "/grants/applications/1/convention",
            Some("/grants/applications/2/convention"),
            run,
            post(application::sign),
        )
        .add_record(
            Method::GET,
            "/grants/applications/{id}/convention",
            "/grants/applications/1/convention",
            Some("/grants/applications/2/convention"),
            follow,
            g(application::convention),
        )
        .add_record(
            Method::POST,
            "/grants/applications/{id}/tranches/{number}/release",
            "/grants/applications/1/tranches/2/release",
            Some("/grants/applications/2/tranches/1/release"),
            run,
            post(application::release),
        )
        .add_record(
            Method::POST,
            "/grants/applications/{id}/reports/{report}/review",
            "/grants/applications/1/reports/1/review",
            Some("/grants/applications/2/reports/1/review"),
            run,
            post(application::review),
        )
}
