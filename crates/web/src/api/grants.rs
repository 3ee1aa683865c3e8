//! Grants in JSON: the published calls (public), the register of awarded grants after the
//! 360Giving Data Standard (public), and the applications of the caller's establishments.

use crate::WebError;
use crate::api::extract::{ApiPath, ApiQuery};
use crate::auth::{Policy::*, Routes};
use crate::ctx::Ctx;
use crate::views::grants_apply::{self as giving, GivingPackage};
use axum::Json;
use jisr_domain::access::Capability;
use jisr_domain::geo::ProvinceCode;
use jisr_store::entity::{grant_application, grant_call};
use jisr_store::grants::{self, Scoped};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

/// One criterion of a call's scoring grid.
#[derive(Serialize, ToSchema)]
pub struct GrantCriterionDto {
    pub key: String,
    pub label_ar: String,
    pub label_fr: String,
    /// Percent; a grid's weights add up to 100.
    pub weight: u32,
}

/// A published call for projects.
#[derive(Serialize, ToSchema)]
pub struct GrantCallDto {
    pub id: i64,
    pub fund: String,
    pub title_ar: String,
    pub title_fr: String,
    pub description_ar: String,
    pub description_fr: String,
    /// HCP codes of the eligible provinces.
    pub provinces: Vec<String>,
    /// Eligible establishment categories (empty: all).
    pub categories: Vec<String>,
    /// Whole dirhams (MAD).
    pub envelope: i64,
    pub max_per_project: i64,
    /// The share of the budget the association brings, in percent.
    pub cofinancing_pct: i32,
    /// `YYYY-MM-DD`.
    pub opens_on: String,
    pub closes_on: String,
    pub decision_on: String,
    /// The documents asked, by key.
    pub documents: Vec<String>,
    pub criteria: Vec<GrantCriterionDto>,
}

fn split(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

impl From<grant_call::Model> for GrantCallDto {
    fn from(c: grant_call::Model) -> Self {
        let criteria = grants::criteria(&c)
            .into_iter()
            .map(|k| GrantCriterionDto {
                key: k.key,
                label_ar: k.label_ar,
                label_fr: k.label_fr,
                weight: k.weight,
            })
            .collect();
        Self {
            id: c.id,
            provinces: split(&c.provinces),
            categories: split(&c.categories),
            documents: split(&c.documents),
            fund: c.fund,
            title_ar: c.title_ar,
            title_fr: c.title_fr,
            description_ar: c.description_ar,
            description_fr: c.description_fr,
            envelope: c.envelope,
            max_per_project: c.max_per_project,
            cofinancing_pct: c.cofinancing_pct,
            opens_on: c.opens_on,
            closes_on: c.closes_on,
            decision_on: c.decision_on,
            criteria,
        }
    }
}

/// The published calls for projects, newest first.
#[utoipa::path(get, path = "/api/v1/grant-calls", tag = "grants", operation_id = "list_grant_calls",
    responses((status = 200, body = [GrantCallDto])))]
pub async fn list_grant_calls(ctx: Ctx) -> Result<Json<Vec<GrantCallDto>>, WebError> {
    Ok(Json(
        grants::published_calls(&ctx.state.store)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// One published call for projects.
#[utoipa::path(get, path = "/api/v1/grant-calls/{id}", tag = "grants", operation_id = "get_grant_call",
    params(("id" = i64, Path, description = "Call id")),
    responses((status = 200, body = GrantCallDto),
              (status = 404, description = "Unknown or not published")))]
pub async fn get_grant_call(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<GrantCallDto>, WebError> {
    Ok(Json(
        grants::published_call(&ctx.state.store, id).await?.into(),
    ))
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct RegisterQuery {
    /// Only the grants awarded this year.
    #[param(minimum = 1956, maximum = 9999)]
    pub year: Option<u16>,
    /// Only the grants of this province (HCP code, e.g. `07.427`).
    #[param(inline)]
    pub province: Option<ProvinceCode>,
    /// Only the grants of this fund or programme.
    #[param(max_length = 100)]
    pub fund: Option<String>,
}

/// Every grant awarded, after the 360Giving Data Standard (no personal data).
#[utoipa::path(get, path = "/api/v1/grants-register", tag = "grants", operation_id = "grants_register",
    params(RegisterQuery),
    responses((status = 200, body = GivingPackage),
              (status = 400, description = "A filter out of its bounds")))]
pub async fn grants_register(
    ctx: Ctx,
    ApiQuery(q): ApiQuery<RegisterQuery>,
) -> Result<Json<GivingPackage>, WebError> {
    let year = q.year.map(|y| y.to_string());
    let province = q.province.map(|p| p.as_str().to_owned());
    let filter = giving::checked_filter(year.as_deref(), province.as_deref(), q.fund.as_deref())
        .map_err(|_| WebError::BadRequest("error-malformed-query"))?;
    let store = &ctx.state.store;
    let names = giving::province_names(store).await?;
    let rows = grants::register(store, &filter).await?;
    Ok(Json(GivingPackage {
        grants: rows
            .iter()
            .map(|r| giving::giving_grant(r, &names))
            .collect(),
    }))
}

/// One of the caller's applications.
#[derive(Serialize, ToSchema)]
pub struct OwnApplicationDto {
    pub id: i64,
    pub call_id: i64,
    pub establishment_id: i64,
    pub project_title: String,
    /// `draft`, `filed`, `eligible`, `ineligible`, `scored`, `accepted`, `reserve`,
    /// `refused` or `appealed`.
    pub status: String,
    /// The receipt number, once filed.
    pub receipt: Option<String>,
    /// Whole dirhams.
    pub budget: i64,
    pub requested: i64,
    pub awarded: Option<i64>,
    /// The conditions failed at the eligibility check (`grants-failed-…`, or
    /// `document:<key>` for a missing document).
    pub failed: Vec<String>,
    /// Whether the one reminder for missing documents was given.
    pub reminded: bool,
    pub updated_at: String,
}

impl From<grant_application::Model> for OwnApplicationDto {
    fn from(a: grant_application::Model) -> Self {
        Self {
            id: a.id,
            call_id: a.call_id,
            establishment_id: a.establishment_id,
            failed: split(&a.failed),
            project_title: a.project_title,
            status: a.status,
            receipt: a.receipt,
            budget: a.budget,
            requested: a.requested,
            awarded: a.awarded,
            reminded: a.reminded,
            updated_at: a.updated_at,
        }
    }
}

/// The applications of the establishments the caller applies for, newest first.
#[utoipa::path(get, path = "/api/v1/grant-applications", tag = "grants", operation_id = "list_own_grant_applications",
    security(("bearer" = [])),
    responses((status = 200, body = [OwnApplicationDto])))]
pub async fn list_own_grant_applications(
    ctx: Ctx,
) -> Result<Json<Vec<OwnApplicationDto>>, WebError> {
    Ok(Json(
        Scoped::from(ctx.access())
            .own_applications()
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

/// The API operations of this context, each with its policy.
pub fn routes() -> Routes {
    Routes::new()
        .api("/api/v1/grant-calls", Public, routes!(list_grant_calls))
        .api("/api/v1/grant-calls/1", Public, routes!(get_grant_call))
        .api(
            "/api/v1/grants-register?year=2026",
            Public,
            routes!(grants_register),
        )
        .api(
            "/api/v1/grant-applications",
            Can(Capability::ApplyForGrants),
            routes!(list_own_grant_applications),
        )
}
