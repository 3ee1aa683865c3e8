//! Associations in JSON, as the caller's grants allow (out of scope: 404).

use crate::WebError;
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::auth::{Policy::*, Routes};
use crate::ctx::Ctx;
use axum::Json;
use axum::http::StatusCode;
use jisr_domain::access::Capability;
use jisr_domain::bounds::PageNumber;
use jisr_store::associations::{AssociationError, AssociationInput, Scoped};
use jisr_store::entity::{association, association_board_member};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

#[derive(Serialize, ToSchema)]
pub struct BoardMemberDto {
    pub name: String,
    /// `president`, `vice_president`, `secretary_general`, `treasurer`,
    /// `deputy_treasurer` or `member`.
    pub position: String,
    /// `YYYY-MM-DD`, or empty when not known.
    pub since: String,
}

impl From<association_board_member::Model> for BoardMemberDto {
    fn from(m: association_board_member::Model) -> Self {
        Self {
            name: m.name,
            position: m.position,
            since: m.since,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AssociationDto {
    pub id: i64,
    pub registration_number: String,
    pub name_ar: String,
    pub name_fr: String,
    /// `YYYY-MM-DD`.
    pub registration_date: String,
    pub commune_code: String,
    pub province_code: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    /// Present when one association is read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board: Option<Vec<BoardMemberDto>>,
}

impl From<association::Model> for AssociationDto {
    fn from(a: association::Model) -> Self {
        Self {
            id: a.id,
            registration_number: a.registration_number,
            name_ar: a.name_ar,
            name_fr: a.name_fr,
            registration_date: a.registration_date,
            commune_code: a.commune_code,
            province_code: a.province_code,
            address: a.address,
            phone: a.phone,
            email: a.email,
            board: None,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AssociationPage {
    pub total: u64,
    pub page: u64,
    pub items: Vec<AssociationDto>,
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct AssociationQuery {
    /// Part of the name (either script) or of the registration number.
    pub q: Option<String>,
    /// 1-based page of 25.
    #[param(inline)]
    pub page: Option<PageNumber>,
}

/// Associations within the caller's scope, searched and paged.
#[utoipa::path(get, path = "/api/v1/associations", tag = "associations", operation_id = "list_associations",
    security(("bearer" = [])), params(AssociationQuery),
    responses((status = 200, body = AssociationPage), (status = 401, )))]
pub async fn list_associations(
    ctx: Ctx,
    ApiQuery(q): ApiQuery<AssociationQuery>,
) -> Result<Json<AssociationPage>, WebError> {
    let page = q.page.unwrap_or_default().get().into();
    let (rows, total) = Scoped::from(ctx.access())
        .list(q.q.as_deref().unwrap_or(""), page)
        .await?;
    Ok(Json(AssociationPage {
        total,
        page,
        items: rows.into_iter().map(Into::into).collect(),
    }))
}

/// One association within the caller's scope, with its board.
#[utoipa::path(get, path = "/api/v1/associations/{id}", tag = "associations", operation_id = "get_association",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Association id")),
    responses((status = 200, body = AssociationDto),
              (status = 404, description = "Unknown or out of scope")))]
pub async fn get_association(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<AssociationDto>, WebError> {
    let scoped = Scoped::from(ctx.access());
    let mut dto: AssociationDto = scoped.get(id).await?.into();
    dto.board = Some(
        scoped
            .board(id)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    );
    Ok(Json(dto))
}

/// An association to register: a name in Arabic or French (refused with 409 otherwise).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAssociationDto {
    /// As written on the filing receipt: letters, digits, `/ - .` and spaces, at most 64
    /// characters; unique.
    pub registration_number: String,
    #[serde(default)]
    pub name_ar: String,
    #[serde(default)]
    pub name_fr: String,
    /// Not in the future, not before 1958.
    #[schema(schema_with = crate::api::schema::date)]
    pub registration_date: String,
    /// HCP commune code within the caller's territory.
    #[schema(schema_with = crate::api::schema::commune_code)]
    pub commune_code: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
}

/// Refusals of the platform's rules, past what the document states (409).
fn refused(f: Vec<(&'static str, &'static str)>) -> WebError {
    WebError::Conflict(
        f.into_iter()
            .map(|(field, key)| {
                let field = if field == "commune" {
                    "commune_code"
                } else {
                    field
                };
                (field.to_owned(), key)
            })
            .collect(),
    )
}

/// Registers an association in a commune of the caller's territory.
#[utoipa::path(post, path = "/api/v1/associations", tag = "associations", operation_id = "create_association",
    security(("bearer" = [])), request_body = NewAssociationDto,
    responses((status = 201, body = AssociationDto),
              (status = 422, description = "Fields refused, each named in `errors`"),
              (status = 403, )))]
pub async fn create_association(
    ctx: Ctx,
    body: Result<ApiJson<NewAssociationDto>, WebError>,
) -> Result<(StatusCode, Json<AssociationDto>), WebError> {
    let ApiJson(b) = body?;
    let input = AssociationInput {
        registration_number: b.registration_number,
        name_ar: b.name_ar,
        name_fr: b.name_fr,
        registration_date: b.registration_date,
        commune: b.commune_code,
        address: b.address,
        phone: b.phone,
        email: b.email,
    };
    let scoped = Scoped::from(ctx.access());
    match scoped.create(&ctx.actor, &input).await {
        Ok(id) => Ok((StatusCode::CREATED, Json(scoped.get(id).await?.into()))),
        Err(AssociationError::Fields(f)) => Err(refused(f)),
        Err(AssociationError::Role) => Err(WebError::Forbidden),
        Err(AssociationError::Store(e)) => Err(e.into()),
    }
}

/// Changes to an association: only the fields given change.
#[derive(Deserialize, ToSchema, Default)]
#[serde(default, deny_unknown_fields)]
pub struct AssociationPatchDto {
    pub registration_number: Option<String>,
    pub name_ar: Option<String>,
    pub name_fr: Option<String>,
    #[schema(schema_with = crate::api::schema::nullable_date)]
    pub registration_date: Option<String>,
    #[schema(schema_with = crate::api::schema::nullable_commune_code)]
    pub commune_code: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// Changes an association within the caller's scope.
#[utoipa::path(patch, path = "/api/v1/associations/{id}", tag = "associations", operation_id = "update_association",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Association id")), request_body = AssociationPatchDto,
    responses((status = 200, body = AssociationDto),
              (status = 404, description = "Unknown or out of scope"),
              (status = 422, description = "Fields refused, each named in `errors`")))]
pub async fn update_association(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
    body: Result<ApiJson<AssociationPatchDto>, WebError>,
) -> Result<Json<AssociationDto>, WebError> {
    let scoped = Scoped::from(ctx.access());
    let a = scoped.get(id).await?;
    let ApiJson(p) = body?;
    let input = AssociationInput {
        registration_number: p.registration_number.unwrap_or(a.registration_number),
        name_ar: p.name_ar.unwrap_or(a.name_ar),
        name_fr: p.name_fr.unwrap_or(a.name_fr),
        registration_date: p.registration_date.unwrap_or(a.registration_date),
        commune: p.commune_code.unwrap_or(a.commune_code),
        address: p.address.unwrap_or(a.address),
        phone: p.phone.unwrap_or(a.phone),
        email: p.email.unwrap_or(a.email),
    };
    match scoped.update(&ctx.actor, id, &input).await {
        Ok(()) => Ok(Json(scoped.get(id).await?.into())),
        Err(AssociationError::Fields(f)) => Err(refused(f)),
        Err(AssociationError::Role) => Err(WebError::Forbidden),
        Err(AssociationError::Store(e)) => Err(e.into()),
    }
}

/// The API operations of this context, each with its policy.
pub fn routes() -> Routes {
    Routes::new()
        .api("/api/v1/associations", SignedIn, routes!(list_associations))
        .api_record(
            "/api/v1/associations/1",
            Some("/api/v1/associations/2"),
            SignedIn,
            routes!(get_association),
        )
        .api(
            "/api/v1/associations",
            Can(Capability::EditAssociations),
            routes!(create_association),
        )
        .api_record(
            "/api/v1/associations/1",
            Some("/api/v1/associations/2"),
            Can(Capability::EditAssociations),
            routes!(update_association),
        )
}
