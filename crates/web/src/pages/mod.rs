//! HTML pages, one module per context.

mod api_docs;
mod geo;
mod home;
mod units;

use crate::locale::LANG_COOKIE;
use crate::{AppState, WebError};
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Redirect};
use axum::routing::get;
use jisr_i18n::Locale;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::page))
        .route("/lang/{tag}", get(switch_language))
        .route("/territories", get(geo::regions_page))
        .route("/territories/regions/{code}", get(geo::region_page))
        .route("/territories/provinces/{code}", get(geo::province_page))
        .route("/units", get(units::page))
        .route("/api", get(api_docs::page))
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
fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n,
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
    }
}
