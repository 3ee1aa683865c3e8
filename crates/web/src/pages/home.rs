use super::render;
use crate::view::Chrome;
use crate::{AppState, Lang, WebError};
use askama::Template;
use axum::extract::State;
use axum::http::Uri;
use axum::response::Html;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
    regions: i64,
    provinces: i64,
    communes: i64,
    units: i64,
}

/// The public home page: what the agency offers, and the territory covered.
pub async fn page(
    State(state): State<AppState>,
    Lang(locale): Lang,
    uri: Uri,
) -> Result<Html<String>, WebError> {
    let counts = jisr_store::geo::counts(&state.store).await?;
    let units = jisr_store::org::units(state.store.conn()).await?.len() as i64;
    render(HomePage {
        chrome: Chrome::new(state.catalog.clone(), locale, &uri, "home-title"),
        regions: counts.regions as i64,
        provinces: counts.provinces as i64,
        communes: counts.communes as i64,
        units,
    })
}
