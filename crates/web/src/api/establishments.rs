//! Establishments in JSON, as the caller's grants allow (out of scope: 404).

use crate::WebError;
use crate::ctx::Ctx;
use axum::Json;
use axum::extract::{Path, Query};
use jisr_domain::establishments::Status;
use jisr_domain::geo::ProvinceCode;
use jisr_store::entity::establishment;
use jisr_store::establishments::{ListFilter, Scoped};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct EstablishmentDto {
    pub id: i64,
    pub name_ar: String,
    pub name_fr: String,
    /// A category code, e.g. `elderly`.
    pub category: String,
    pub commune_code: String,
    pub province_code: String,
    pub address: String,
    pub phone: String,
    pub capacity_male: i32,
    pub capacity_female: i32,
    /// `project`, `requested`, `under_review`, `documents_missing`, `authorised`,
    /// `refused`, `suspended`, `closed` or `withdrawn`.
    pub status: String,
}

impl From<establishment::Model> for EstablishmentDto {
    fn from(e: establishment::Model) -> Self {
        Self {
            id: e.id,
            name_ar: e.name_ar,
            name_fr: e.name_fr,
            category: e.category_code,
            commune_code: e.commune_code,
            province_code: e.province_code,
            address: e.address,
            phone: e.phone,
            capacity_male: e.capacity_male,
            capacity_female: e.capacity_female,
            status: e.status,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct EstablishmentPage {
    pub total: u64,
    pub page: u64,
    pub items: Vec<EstablishmentDto>,
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct EstablishmentQuery {
    /// Only this province (HCP code, e.g. `07.427`).
    pub province: Option<String>,
    /// Only this category code.
    pub category: Option<String>,
    /// Only this status.
    pub status: Option<String>,
    /// 1-based page of 25.
    pub page: Option<u64>,
}

fn grants(ctx: &Ctx) -> Vec<(jisr_domain::access::Role, jisr_domain::access::Scope)> {
    ctx.user
        .as_ref()
        .map(|u| u.grants.clone())
        .unwrap_or_default()
}

/// Establishments within the caller's scope, filtered and paged.
#[utoipa::path(get, path = "/api/v1/establishments", tag = "establishments", operation_id = "list_establishments",
    security(("bearer" = [])), params(EstablishmentQuery),
    responses((status = 200, body = EstablishmentPage),
              (status = 400, body = crate::api::ApiErrorBody, description = "Malformed filter"),
              (status = 401, body = crate::api::ApiErrorBody)))]
pub async fn list_establishments(
    ctx: Ctx,
    Query(q): Query<EstablishmentQuery>,
) -> Result<Json<EstablishmentPage>, WebError> {
    let province = match q.province.as_deref().filter(|s| !s.is_empty()) {
        Some(p) => Some(
            ProvinceCode::parse(p)
                .map_err(|_| WebError::BadRequest("error-invalid-territory-code"))?,
        ),
        None => None,
    };
    let status = match q.status.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => Some(Status::parse(s).ok_or(WebError::BadRequest("error-invalid-status"))?),
        None => None,
    };
    let page = q.page.unwrap_or(1).max(1);
    let filter = ListFilter {
        province,
        category: q.category,
        status,
        text: None,
        page,
    };
    let g = grants(&ctx);
    let (rows, total) = Scoped::new(&ctx.state.store, &g).list(&filter).await?;
    Ok(Json(EstablishmentPage {
        total,
        page,
        items: rows.into_iter().map(Into::into).collect(),
    }))
}

/// One establishment within the caller's scope.
#[utoipa::path(get, path = "/api/v1/establishments/{id}", tag = "establishments", operation_id = "get_establishment",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Establishment id")),
    responses((status = 200, body = EstablishmentDto),
              (status = 404, body = crate::api::ApiErrorBody, description = "Unknown or out of scope")))]
pub async fn get_establishment(
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Json<EstablishmentDto>, WebError> {
    let g = grants(&ctx);
    Ok(Json(
        Scoped::new(&ctx.state.store, &g).get(id).await?.into(),
    ))
}
