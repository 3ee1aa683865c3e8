use super::render;
use crate::view::Chrome;
use crate::{AppState, Lang, WebError};
use askama::Template;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Html;
use jisr_store::org::Unit;

#[derive(Template)]
#[template(path = "units.html")]
struct UnitsPage {
    chrome: Chrome,
    units: Vec<Unit>,
}

/// The agency's organisation: central administration, coordinations, delegations.
pub async fn page(
    State(state): State<AppState>,
    Lang(locale): Lang,
    uri: Uri,
) -> Result<Html<String>, WebError> {
    let units = jisr_store::org::units(state.store.conn()).await?;
    render(UnitsPage {
        chrome: Chrome::new(state.catalog.clone(), locale, &uri, "units-title"),
        units,
    })
}
