//! Reference geography in JSON.

use crate::api::extract::ApiQuery;
use crate::auth::{Policy::*, Routes};
use crate::{AppState, WebError};
use axum::Json;
use axum::extract::State;
use jisr_domain::geo::{ProvinceCode, RegionCode};
use jisr_store::geo;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

#[derive(Serialize, ToSchema)]
pub struct RegionDto {
    /// HCP code, e.g. `07`.
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    /// Population, RGPH 2024.
    pub population: i64,
    /// Households, RGPH 2024.
    pub households: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ProvinceDto {
    /// HCP code, e.g. `07.427`.
    pub code: String,
    pub region_code: String,
    /// `province`, `prefecture` or `prefecture_of_arrondissements`.
    pub kind: String,
    pub name_ar: String,
    pub name_fr: String,
    pub population: i64,
    pub households: i64,
}

#[derive(Serialize, ToSchema)]
pub struct CommuneDto {
    /// HCP code, e.g. `07.427.03.01`.
    pub code: String,
    pub province_code: String,
    pub cercle_code: Option<String>,
    /// `urban` or `rural`.
    pub kind: String,
    pub name_ar: String,
    pub name_fr: String,
    pub population: i64,
    pub households: i64,
}

/// Every region.
#[utoipa::path(get, path = "/api/v1/regions", tag = "geography", operation_id = "list_regions",
    responses((status = 200, body = [RegionDto])))]
pub async fn list_regions(State(state): State<AppState>) -> Result<Json<Vec<RegionDto>>, WebError> {
    let rows = geo::regions(state.store.conn()).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| RegionDto {
                code: r.code,
                name_ar: r.name_ar,
                name_fr: r.name_fr,
                population: r.population,
                households: r.households,
            })
            .collect(),
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProvinceQuery {
    /// Only the provinces of this region (HCP code, e.g. `07`).
    #[param(inline)]
    pub region: Option<RegionCode>,
}

/// Provinces and prefectures, optionally of one region.
#[utoipa::path(get, path = "/api/v1/provinces", tag = "geography", operation_id = "list_provinces",
    params(ProvinceQuery),
    responses((status = 200, body = [ProvinceDto]),
              (status = 400, description = "Malformed region code"),
              (status = 404, description = "Unknown region")))]
pub async fn list_provinces(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ProvinceQuery>,
) -> Result<Json<Vec<ProvinceDto>>, WebError> {
    let db = state.store.conn();
    if let Some(code) = &q.region {
        geo::region(db, code).await?;
    }
    let region = q.region;
    let rows = geo::provinces(db, region.as_ref()).await?;
    Ok(Json(
        rows.into_iter()
            .map(|p| ProvinceDto {
                code: p.code,
                region_code: p.region_code,
                kind: p.kind,
                name_ar: p.name_ar,
                name_fr: p.name_fr,
                population: p.population,
                households: p.households,
            })
            .collect(),
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CommuneQuery {
    /// The province or prefecture (HCP code, e.g. `07.427`).
    #[param(inline)]
    pub province: ProvinceCode,
}

/// The communes of one province or prefecture.
#[utoipa::path(get, path = "/api/v1/communes", tag = "geography", operation_id = "list_communes",
    params(CommuneQuery),
    responses((status = 200, body = [CommuneDto]),
              (status = 400, description = "Missing or malformed province code"),
              (status = 404, description = "Unknown province")))]
pub async fn list_communes(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<CommuneQuery>,
) -> Result<Json<Vec<CommuneDto>>, WebError> {
    let code = q.province;
    let db = state.store.conn();
    geo::province(db, &code).await?;
    let rows = geo::communes(db, &code).await?;
    Ok(Json(
        rows.into_iter()
            .map(|c| CommuneDto {
                code: c.code,
                province_code: c.province_code,
                cercle_code: c.cercle_code,
                kind: c.kind,
                name_ar: c.name_ar,
                name_fr: c.name_fr,
                population: c.population,
                households: c.households,
            })
            .collect(),
    ))
}

/// The API operations of this context, each with its policy.
pub fn routes() -> Routes {
    Routes::new()
        .api("/api/v1/regions", Public, routes!(list_regions))
        .api(
            "/api/v1/provinces?region=07",
            Public,
            routes!(list_provinces),
        )
        .api(
            "/api/v1/communes?province=07.427",
            Public,
            routes!(list_communes),
        )
}
