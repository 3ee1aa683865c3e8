//! Establishments in JSON, as the caller's grants allow (out of scope: 404).

use crate::WebError;
use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::auth::{Policy::*, Routes};
use crate::ctx::Ctx;
use axum::Json;
use axum::http::StatusCode;
use jisr_domain::access::Capability;
use jisr_domain::bounds::PageNumber;
use jisr_domain::establishments::{Capacity, CapacityError, Status, TransitionError};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_store::entity::establishment;
use jisr_store::establishments::{
    Details, EstablishmentError, ListFilter, NewEstablishment, Scoped,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

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
    /// `refused`, `appealed`, `suspended`, `closed` or `withdrawn`.
    pub status: String,
    pub director: String,
    pub services: String,
    pub opening_hours: String,
    /// The founding association, if recorded.
    pub association_id: Option<i64>,
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
            director: e.director,
            services: e.services,
            opening_hours: e.opening_hours,
            association_id: e.association_id,
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
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct EstablishmentQuery {
    /// Only this province (HCP code, e.g. `07.427`).
    #[param(inline)]
    pub province: Option<ProvinceCode>,
    /// Only this category code.
    pub category: Option<String>,
    /// Only this status.
    #[param(inline)]
    pub status: Option<Status>,
    /// 1-based page of 25.
    #[param(inline)]
    pub page: Option<PageNumber>,
}

/// The statuses of an establishment's life cycle.
fn establishment_status() -> utoipa::openapi::schema::ObjectBuilder {
    crate::api::schema::one_of(Status::ALL.iter().map(|s| s.as_str()))
}

/// Establishments within the caller's scope, filtered and paged.
#[utoipa::path(get, path = "/api/v1/establishments", tag = "establishments", operation_id = "list_establishments",
    security(("bearer" = [])), params(EstablishmentQuery),
    responses((status = 200, body = EstablishmentPage),
              (status = 400, description = "Malformed filter"),
              (status = 401, )))]
pub async fn list_establishments(
    ctx: Ctx,
    ApiQuery(q): ApiQuery<EstablishmentQuery>,
) -> Result<Json<EstablishmentPage>, WebError> {
    let (province, status) = (q.province, q.status);
    let page = q.page.unwrap_or_default().get().into();
    let filter = ListFilter {
        province,
        category: q.category,
        status,
        text: None,
        page,
    };
    let (rows, total) = Scoped::from(ctx.access()).list(&filter).await?;
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
              (status = 404, description = "Unknown or out of scope")))]
pub async fn get_establishment(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<EstablishmentDto>, WebError> {
    Ok(Json(Scoped::from(ctx.access()).get(id).await?.into()))
}

/// An establishment to register (status `project`): a name in Arabic or French, and at
/// least one place in all (refused with 409 otherwise).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewEstablishmentDto {
    #[serde(default)]
    pub name_ar: String,
    #[serde(default)]
    pub name_fr: String,
    /// A category code from the configured list, e.g. `elderly`.
    pub category: String,
    /// HCP commune code, e.g. `07.427.01.01`; must be within the caller's territory.
    #[schema(schema_with = crate::api::schema::commune_code)]
    pub commune_code: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub phone: String,
    /// Authorised places for men or boys; at least one place in all.
    #[schema(schema_with = crate::api::schema::capacity)]
    pub capacity_male: i32,
    /// Authorised places for women or girls.
    #[schema(schema_with = crate::api::schema::capacity)]
    pub capacity_female: i32,
    #[serde(default)]
    pub director: String,
    #[serde(default)]
    pub services: String,
    #[serde(default)]
    pub opening_hours: String,
    pub association_id: Option<i64>,
}

fn invalid(fields: Vec<(&'static str, &'static str)>) -> WebError {
    WebError::Invalid(fields.into_iter().map(|(f, k)| (f.to_owned(), k)).collect())
}

/// Refusals of the platform's rules, past what the document states (409).
fn refused(fields: Vec<(&'static str, &'static str)>) -> WebError {
    WebError::Conflict(
        fields
            .into_iter()
            .map(|(f, k)| {
                (
                    if f == "commune" { "commune_code" } else { f }.to_owned(),
                    k,
                )
            })
            .collect(),
    )
}

/// The capacity refusal: out of range is against the document (422), no place at all
/// against a rule across both fields (409).
fn capacity_refused(e: CapacityError) -> WebError {
    match e {
        CapacityError::OutOfRange => invalid(vec![("capacity_male", "est-error-capacity-range")]),
        CapacityError::Empty => refused(vec![("capacity_male", "est-error-capacity-empty")]),
    }
}

/// Registers an establishment in a commune of the caller's territory.
#[utoipa::path(post, path = "/api/v1/establishments", tag = "establishments", operation_id = "create_establishment",
    security(("bearer" = [])), request_body = NewEstablishmentDto,
    responses((status = 201, body = EstablishmentDto),
              (status = 422, description = "Fields refused, each named in `errors`"),
              (status = 403, description = "The role may not register establishments")))]
pub async fn create_establishment(
    ctx: Ctx,
    body: Result<ApiJson<NewEstablishmentDto>, WebError>,
) -> Result<(StatusCode, Json<EstablishmentDto>), WebError> {
    let ApiJson(b) = body?;
    let mut errors = Vec::new();
    let commune = CommuneCode::parse_exact(&b.commune_code);
    if commune.is_err() {
        errors.push(("commune_code", "est-error-commune"));
    }
    let capacity = Capacity::new(b.capacity_male, b.capacity_female);
    if capacity == Err(CapacityError::OutOfRange) {
        errors.push(("capacity_male", "est-error-capacity-range"));
    }
    let (Ok(commune), true) = (commune, errors.is_empty()) else {
        return Err(invalid(errors));
    };
    let capacity = capacity.map_err(capacity_refused)?;
    let scoped = Scoped::from(ctx.access());
    let new = NewEstablishment {
        name_ar: b.name_ar,
        name_fr: b.name_fr,
        category: b.category,
        commune,
        address: b.address,
        phone: b.phone,
        capacity,
        details: Details {
            association_id: b.association_id,
            director: b.director,
            services: b.services,
            opening_hours: b.opening_hours,
            coordinates: None,
        },
    };
    match scoped.create(&ctx.actor, new).await {
        Ok(id) => Ok((StatusCode::CREATED, Json(scoped.get(id).await?.into()))),
        Err(EstablishmentError::Fields(f)) => Err(refused(f)),
        Err(EstablishmentError::Store(e)) => Err(e.into()),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

/// A move along the life cycle.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionDto {
    /// The status to reach, e.g. `under_review`.
    #[schema(schema_with = establishment_status)]
    pub to: String,
    /// Why (required; shown on the establishment's timeline).
    pub reason: String,
    /// For `documents_missing`: the checklist codes asked for (at least one).
    #[serde(default)]
    pub requested_documents: Vec<String>,
}

/// Moves an establishment along its life cycle, as the caller's role allows. Filing
/// (`requested`) needs the mandatory documents; `documents_missing` names the documents
/// asked for, once; an appeal (`appealed`) is decided by a regional coordinator or above.
#[utoipa::path(post, path = "/api/v1/establishments/{id}/transitions", tag = "establishments", operation_id = "transition_establishment",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Establishment id")), request_body = TransitionDto,
    responses((status = 200, body = EstablishmentDto),
              (status = 404, description = "Unknown or out of scope"),
              (status = 422, description = "The move is refused; `errors` says why")))]
pub async fn transition_establishment(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
    body: Result<ApiJson<TransitionDto>, WebError>,
) -> Result<Json<EstablishmentDto>, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.get(id).await?;
    let ApiJson(b) = body?;
    let to = Status::parse(&b.to)
        .ok_or_else(|| WebError::Invalid(vec![("to".into(), "error-invalid-status")]))?;
    let field = |f: &str, key: &'static str| WebError::Conflict(vec![(f.to_owned(), key)]);
    match scoped
        .transition(&ctx.actor, id, to, &b.reason, &b.requested_documents)
        .await
    {
        Ok(()) => Ok(Json(scoped.get(id).await?.into())),
        Err(EstablishmentError::Transition(TransitionError::ReasonMissing)) => {
            Err(field("reason", "est-error-reason"))
        }
        Err(EstablishmentError::Transition(TransitionError::DocumentsAlreadyRequested)) => {
            Err(field("to", "est-error-documents-once"))
        }
        Err(EstablishmentError::Transition(TransitionError::AppealAlreadyFiled)) => {
            Err(field("to", "est-error-appeal-once"))
        }
        Err(EstablishmentError::Transition(_)) => Err(field("to", "est-error-transition")),
        Err(EstablishmentError::MissingDocuments(codes))
        | Err(EstablishmentError::StillRequested(codes)) => Err(WebError::Conflict(
            codes
                .into_iter()
                .map(|c| (format!("documents.{c}"), "est-error-missing-documents"))
                .collect(),
        )),
        Err(EstablishmentError::DocumentRequest(_)) => {
            Err(field("requested_documents", "est-error-request-documents"))
        }
        Err(EstablishmentError::Store(e)) => Err(e.into()),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

/// Changes to an establishment's facts: only the fields given change. Category and
/// commune never change; the authorised capacity changes only before a decision.
#[derive(Deserialize, ToSchema, Default)]
#[serde(default, deny_unknown_fields)]
pub struct EstablishmentPatchDto {
    pub name_ar: Option<String>,
    pub name_fr: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    #[schema(schema_with = crate::api::schema::nullable_capacity)]
    pub capacity_male: Option<i32>,
    #[schema(schema_with = crate::api::schema::nullable_capacity)]
    pub capacity_female: Option<i32>,
    pub director: Option<String>,
    pub services: Option<String>,
    pub opening_hours: Option<String>,
    /// The founding association (an id the caller may see).
    pub association_id: Option<i64>,
}

/// Changes the facts of an establishment within the caller's scope.
#[utoipa::path(patch, path = "/api/v1/establishments/{id}", tag = "establishments", operation_id = "update_establishment",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Establishment id")), request_body = EstablishmentPatchDto,
    responses((status = 200, body = EstablishmentDto),
              (status = 404, description = "Unknown or out of scope"),
              (status = 422, description = "Fields refused, each named in `errors`")))]
pub async fn update_establishment(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
    body: Result<ApiJson<EstablishmentPatchDto>, WebError>,
) -> Result<Json<EstablishmentDto>, WebError> {
    let scoped = Scoped::from(ctx.access());
    let e = scoped.get(id).await?;
    let ApiJson(p) = body?;
    let capacity = Capacity::new(
        p.capacity_male.unwrap_or(e.capacity_male),
        p.capacity_female.unwrap_or(e.capacity_female),
    )
    .map_err(capacity_refused)?;
    let update = jisr_store::establishments::EstablishmentUpdate {
        name_ar: p.name_ar.unwrap_or(e.name_ar),
        name_fr: p.name_fr.unwrap_or(e.name_fr),
        address: p.address.unwrap_or(e.address),
        phone: p.phone.unwrap_or(e.phone),
        capacity,
        details: Details {
            association_id: p.association_id.or(e.association_id),
            director: p.director.unwrap_or(e.director),
            services: p.services.unwrap_or(e.services),
            opening_hours: p.opening_hours.unwrap_or(e.opening_hours),
            coordinates: e.latitude_micro.zip(e.longitude_micro),
        },
    };
    match scoped.update(&ctx.actor, id, update).await {
        Ok(()) => Ok(Json(scoped.get(id).await?.into())),
        Err(EstablishmentError::Fields(f)) => Err(refused(f)),
        Err(EstablishmentError::Transition(_)) => Err(WebError::Forbidden),
        Err(EstablishmentError::Store(e)) => Err(e.into()),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

/// The API operations of this context, each with its policy.
pub fn routes() -> Routes {
    Routes::new()
        .api(
            "/api/v1/establishments",
            SignedIn,
            routes!(list_establishments),
        )
        .api_record(
            "/api/v1/establishments/1",
            Some("/api/v1/establishments/2"),
            SignedIn,
            routes!(get_establishment),
        )
        .api(
            "/api/v1/establishments",
            Can(Capability::RegisterEstablishments),
            routes!(create_establishment),
        )
        .api_record(
            "/api/v1/establishments/1/transitions",
            Some("/api/v1/establishments/2/transitions"),
            SignedIn,
            routes!(transition_establishment),
        )
        .api_record(
            "/api/v1/establishments/1",
            Some("/api/v1/establishments/2"),
            Can(Capability::EditEstablishments),
            routes!(update_establishment),
        )
}
