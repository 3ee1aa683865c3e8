//! HTML pages, one module per context. Every route is declared with its policy.

mod account;
mod announcements;
mod annual_reports;
mod api_docs;
mod applications;
mod associations;
mod audit;
mod authorisation;
mod care;
mod charts;
mod eservices;
mod establishments;
mod geo;
mod grants;
mod grants_apply;
mod grievances;
mod home;
mod matching;
mod needs_model;
mod partners;
mod partners_meetings;
mod partners_surveys;
mod person_entry;
mod quality;
mod registry_import;
mod staff;
pub(crate) mod targeting;
mod transparency;
mod units;
mod uploads;
mod users;
mod waiting;

use crate::auth::{Policy, Routes};
use crate::locale::LANG_COOKIE;
use crate::{AppState, WebError};
use axum::extract::{Path, Query, State};
use axum::http::{Method, header};
use axum::response::{Html, IntoResponse, Redirect};
use axum::routing::get;
use jisr_i18n::Locale;

pub fn routes() -> Routes {
    use Policy::*;
    Routes::new()
        .add(
            Method::GET,
            "/lang/{tag}",
            "/lang/fr?next=/",
            Public,
            get(switch_language),
        )
        .merge(home::routes())
        .merge(geo::routes())
        .merge(units::routes())
        .merge(transparency::routes())
        .merge(eservices::routes())
        .merge(applications::routes())
        .merge(waiting::routes())
        .merge(needs_model::routes())
        .merge(api_docs::routes())
        .merge(account::routes())
        .merge(audit::routes())
        .merge(users::routes())
        .merge(establishments::routes())
        .merge(authorisation::routes())
        .merge(care::routes())
        .merge(associations::routes())
        .merge(quality::routes())
        .merge(targeting::routes())
        .merge(registry_import::routes())
        .merge(grievances::routes())
        .merge(staff::routes())
        .merge(partners::routes())
        .merge(matching::routes())
        .merge(partners_meetings::routes())
        .merge(partners_surveys::routes())
        .merge(person_entry::routes())
        .merge(grants::routes())
        .merge(annual_reports::routes())
        .merge(grants_apply::routes())
        .merge(announcements::routes())
}

/// Renders a template into a response, or an internal error.
pub(crate) fn render(t: impl askama::Template) -> Result<Html<String>, WebError> {
    t.render()
        .map(Html)
        .map_err(|e| WebError::Internal(format!("template: {e}")))
}

#[derive(serde::Deserialize)]
struct Next {
    next: Option<String>,
}

/// A local path to go back to: it must start with one `/` (never another site).
pub(crate) fn safe_next(next: Option<&str>) -> &str {
    // Browsers drop tabs and newlines and read `\` as `/`, so anything but visible ASCII
    // could turn `/\t/host` into `//host`: such values are refused outright.
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && n.bytes().all(|b| b.is_ascii_graphic())
                && !n.contains('\\') =>
        {
            n
        }
        _ => "/",
    }
}

/// Remembers the chosen language in a cookie and goes back to the page.
async fn switch_language(
    State(state): State<AppState>,
    Path(tag): Path<String>,
    Query(q): Query<Next>,
) -> Result<impl IntoResponse, WebError> {
    let locale = Locale::parse(&tag).ok_or(WebError::NotFound)?;
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        locale.tag()
    );
    Ok((
        [(header::SET_COOKIE, cookie)],
        Redirect::to(safe_next(q.next.as_deref())),
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(super::safe_next(Some("/territories")), "/territories");
        assert_eq!(super::safe_next(Some("//evil.example")), "/");
        assert_eq!(super::safe_next(Some("https://evil.example")), "/");
        assert_eq!(super::safe_next(Some("/\\evil.example")), "/");
        assert_eq!(super::safe_next(None), "/");
        assert_eq!(super::safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(super::safe_next(Some("/\n/evil.example")), "/");
        assert_eq!(super::safe_next(Some("/ /evil.example")), "/");
        assert_eq!(
            super::safe_next(Some("/territories?x=1")),
            "/territories?x=1"
        );
    }
}
