use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::Chrome;
use askama::Template;
use axum::response::Html;
use jisr_store::org::Unit;

#[derive(Template)]
#[template(path = "units.html")]
struct UnitsPage {
    chrome: Chrome,
    units: Vec<Unit>,
}

/// The agency's organisation: central administration, coordinations, delegations.
pub async fn page(ctx: Ctx) -> Result<Html<String>, WebError> {
    let units = jisr_store::org::units(ctx.state.store.conn()).await?;
    render(UnitsPage {
        chrome: ctx.chrome("units-title"),
        units,
    })
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::get;
    Routes::new().add(Method::GET, "/units", "/units", Public, get(page))
}
