use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::Chrome;
use askama::Template;
use axum::response::Html;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
    regions: i64,
    provinces: i64,
    communes: i64,
    units: i64,
    news: Vec<super::announcements::Item>,
}

/// The public home page: what the agency offers, and the territory covered.
pub async fn page(ctx: Ctx) -> Result<Html<String>, WebError> {
    let counts = jisr_store::geo::counts(&ctx.state.store).await?;
    let units = jisr_store::org::units(ctx.state.store.conn()).await?.len() as i64;
    let chrome = ctx.chrome("home-title");
    let news = super::announcements::latest_news(&ctx, &chrome, 3).await?;
    render(HomePage {
        news,
        chrome,
        regions: counts.regions as i64,
        provinces: counts.provinces as i64,
        communes: counts.communes as i64,
        units,
    })
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::get;
    Routes::new().add(Method::GET, "/", "/", Public, get(page))
}
