//! The agency's units in JSON.

use crate::auth::{Policy::*, Routes};
use crate::{AppState, WebError};
use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::routes;

#[derive(Serialize, ToSchema)]
pub struct UnitDto {
    pub id: i64,
    pub code: String,
    /// `central`, `regional_coordination` or `provincial_delegation`.
    pub kind: String,
    pub name_ar: String,
    pub name_fr: String,
    pub parent_id: Option<i64>,
    pub region_code: Option<String>,
    /// Provinces covered by a delegation.
    pub provinces: Vec<String>,
}

/// Every unit of the agency.
#[utoipa::path(get, path = "/api/v1/units", tag = "organisation", operation_id = "list_units",
    responses((status = 200, body = [UnitDto])))]
pub async fn list_units(State(state): State<AppState>) -> Result<Json<Vec<UnitDto>>, WebError> {
    let units = jisr_store::org::units(state.store.conn()).await?;
    Ok(Json(
        units
            .into_iter()
            .map(|u| UnitDto {
                id: u.id,
                code: u.code,
                kind: u.kind,
                name_ar: u.name_ar,
                name_fr: u.name_fr,
                parent_id: u.parent_id,
                region_code: u.region_code,
                provinces: u.provinces,
            })
            .collect(),
    ))
}

/// The API operations of this context, each with its policy.
pub fn routes() -> Routes {
    Routes::new().api("/api/v1/units", Public, routes!(list_units))
}
