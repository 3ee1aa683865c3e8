//! An establishment's admissions register in JSON, as the caller's grants allow (out of
//! scope: 404). Identity and stays only: the sensitive notes never leave through the API.

use crate::WebError;
use crate::api::extract::ApiPath;
use crate::auth::{Policy::*, Routes};
use crate::ctx::Ctx;
use axum::Json;
use jisr_domain::access::Capability;
use jisr_store::care::{RegisterLine, Scoped};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::routes;

/// Places by sex.
#[derive(Serialize, ToSchema)]
pub struct PlacesDto {
    pub male: i32,
    pub female: i32,
    pub total: i32,
}

/// One line of the register.
#[derive(Serialize, ToSchema)]
pub struct RegisterLineDto {
    pub admission_id: i64,
    pub beneficiary_id: i64,
    pub name_ar: String,
    pub name_fr: String,
    /// `male` or `female`.
    pub sex: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// `YYYY-MM-DD`.
    pub admitted_on: String,
    /// `judge_order`, `family_request`, `referral` or `own_request`.
    pub basis: String,
    pub basis_reference: String,
    /// `YYYY-MM-DD`; absent while the person is present.
    pub exit_on: Option<String>,
    /// `return_to_family`, `kafala`, `autonomy`, `transfer`, `death` or `other`.
    pub exit_reason: Option<String>,
    pub exit_destination: String,
}

impl From<RegisterLine> for RegisterLineDto {
    fn from(l: RegisterLine) -> Self {
        let a = l.admission;
        Self {
            admission_id: a.id,
            beneficiary_id: a.beneficiary_id,
            name_ar: l.name_ar,
            name_fr: l.name_fr,
            sex: l.sex,
            birth_date: l.birth_date,
            admitted_on: a.admitted_on,
            basis: a.basis,
            basis_reference: a.basis_reference,
            exit_on: a.exit_on,
            exit_reason: a.exit_reason,
            exit_destination: a.exit_destination,
        }
    }
}

/// An establishment's register: occupancy against capacity, and its lines (persons
/// present first, earliest admitted first; then those who left, latest first).
#[derive(Serialize, ToSchema)]
pub struct RegisterDto {
    pub establishment_id: i64,
    /// Persons present.
    pub occupancy: PlacesDto,
    /// Authorised places.
    pub capacity: PlacesDto,
    /// More persons present than authorised, for either sex.
    pub over_capacity: bool,
    pub lines: Vec<RegisterLineDto>,
}

/// The admissions and exits register of an establishment within the caller's scope.
#[utoipa::path(get, path = "/api/v1/establishments/{id}/register", tag = "care", operation_id = "get_establishment_register",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Establishment id")),
    responses((status = 200, body = RegisterDto),
              (status = 401, ),
              (status = 403, description = "The caller's role does not read registers"),
              (status = 404, description = "Unknown or out of scope")))]
pub async fn get_register(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<RegisterDto>, WebError> {
    let reg = Scoped::from(ctx.access()).register(id).await?;
    let over_capacity = reg.over_capacity();
    let (o, c) = (reg.occupancy, reg.capacity);
    Ok(Json(RegisterDto {
        establishment_id: reg.establishment.id,
        occupancy: PlacesDto {
            male: o.male,
            female: o.female,
            total: o.total(),
        },
        capacity: PlacesDto {
            male: c.male,
            female: c.female,
            total: c.total(),
        },
        over_capacity,
        lines: reg.lines.into_iter().map(Into::into).collect(),
    }))
}

/// The API operations of this context, each with its policy.
pub fn routes() -> Routes {
    Routes::new().api_record(
        "/api/v1/establishments/1/register",
        Some("/api/v1/establishments/2/register"),
        Can(Capability::ReadRegisters),
        routes!(get_register),
    )
}
