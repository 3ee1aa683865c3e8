//! Browsing the territory: region → province → commune.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::Chrome;
use askama::Template;
use axum::extract::Path;
use axum::response::Html;
use jisr_domain::geo::{ProvinceCode, RegionCode};
use jisr_store::entity::{commune, province, region};
use jisr_store::geo;

#[derive(Template)]
#[template(path = "geo/regions.html")]
struct RegionsPage {
    chrome: Chrome,
    regions: Vec<region::Model>,
}

pub async fn regions_page(ctx: Ctx) -> Result<Html<String>, WebError> {
    let regions = geo::regions(ctx.state.store.conn()).await?;
    let chrome = ctx.chrome("geo-territories-title");
    render(RegionsPage { chrome, regions })
}

/// A province row with the delegation covering it.
struct ProvinceRow {
    p: province::Model,
    delegation: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "geo/region.html")]
struct RegionPage {
    chrome: Chrome,
    region: region::Model,
    provinces: Vec<ProvinceRow>,
}

pub async fn region_page(ctx: Ctx, Path(code): Path<String>) -> Result<Html<String>, WebError> {
    let code = RegionCode::parse(&code).map_err(|_| WebError::NotFound)?;
    let db = ctx.state.store.conn();
    let region = geo::region(db, &code).await?;
    let mut provinces = Vec::new();
    for p in geo::provinces(db, Some(&code)).await? {
        let pc = ProvinceCode::parse(&p.code).map_err(|e| WebError::Internal(e.to_string()))?;
        let delegation = jisr_store::org::delegation_of(db, &pc)
            .await?
            .map(|u| (u.name_ar, u.name_fr));
        provinces.push(ProvinceRow { p, delegation });
    }
    let base = ctx.chrome("geo-territories-title");
    let title = base.t1(
        "geo-provinces-of",
        "name",
        base.name(&region.name_ar, &region.name_fr),
    );
    let chrome = base.with_title(title);
    render(RegionPage {
        chrome,
        region,
        provinces,
    })
}

#[derive(Template)]
#[template(path = "geo/province.html")]
struct ProvincePage {
    chrome: Chrome,
    region: region::Model,
    province: province::Model,
    communes: Vec<commune::Model>,
}

pub async fn province_page(ctx: Ctx, Path(code): Path<String>) -> Result<Html<String>, WebError> {
    let code = ProvinceCode::parse(&code).map_err(|_| WebError::NotFound)?;
    let db = ctx.state.store.conn();
    let province = geo::province(db, &code).await?;
    let region = geo::region(db, &code.region()).await?;
    let communes = geo::communes(db, &code).await?;
    let base = ctx.chrome("geo-territories-title");
    let title = base.t1(
        "geo-communes-of",
        "name",
        base.name(&province.name_ar, &province.name_fr),
    );
    let chrome = base.with_title(title);
    render(ProvincePage {
        chrome,
        region,
        province,
        communes,
    })
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::get;
    Routes::new()
        .add(
            Method::GET,
            "/territories",
            "/territories",
            Public,
            get(regions_page),
        )
        .add(
            Method::GET,
            "/territories/regions/{code}",
            "/territories/regions/07",
            Public,
            get(region_page),
        )
        .add(
            Method::GET,
            "/territories/provinces/{code}",
            "/territories/provinces/07.427",
            Public,
            get(province_page),
        )
}
