//! The JSON API under `/api/v1`, described by the OpenAPI document it serves at
//! `/api/v1/openapi.json`.

pub mod associations;
pub mod care;
pub mod eservices;
pub mod establishments;
pub mod geo;
pub mod me;
pub mod targeting;
pub mod units;

use crate::auth::{Policy, Routes};
use axum::Json;
use axum::http::Method;
use axum::routing::{get, patch, post};
use jisr_domain::access::Capability;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "Jisr API", version = "1", description = "The JSON API of the Jisr social-welfare platform."),
    paths(me::whoami, eservices::list_services, eservices::get_service, eservices::submit_application, eservices::application_status, eservices::list_applications, eservices::get_application, eservices::decide_application, eservices::request_application_documents, eservices::assign_application, establishments::list_establishments, establishments::get_establishment, establishments::create_establishment, establishments::transition_establishment, establishments::update_establishment, associations::list_associations, associations::get_association, associations::create_association, associations::update_association, care::get_register, targeting::list_programmes, targeting::get_programme, targeting::create_programme, targeting::create_draft, targeting::simulation, targeting::activate, targeting::list_households, targeting::get_household, geo::list_regions, geo::list_provinces, geo::list_communes, units::list_units, openapi_json),
    components(schemas(eservices::ServiceDto, eservices::ServiceDocumentDto, eservices::DocumentDto, eservices::NewApplicationDto, eservices::FiledDto, eservices::StatusQueryDto, eservices::StatusDto, eservices::EventDto, eservices::ApplicationDto, eservices::ApplicationPage, eservices::DecisionDto, eservices::DocumentRequestDto, eservices::AssignDto, establishments::EstablishmentDto, establishments::EstablishmentPage, establishments::NewEstablishmentDto, establishments::TransitionDto, establishments::EstablishmentPatchDto, associations::AssociationDto, associations::AssociationPage, associations::BoardMemberDto, associations::NewAssociationDto, associations::AssociationPatchDto, care::RegisterDto, care::RegisterLineDto, care::PlacesDto, targeting::CriterionDto, targeting::RuleVersionDto, targeting::ProgrammeSummaryDto, targeting::ProgrammeDto, targeting::NewProgrammeDto, targeting::NewDraftDto, targeting::SimulationRowDto, targeting::SimulationDto, targeting::IndexValueDto, targeting::HouseholdSummaryDto, targeting::HouseholdPage, targeting::MemberDto, targeting::ComparisonDto, targeting::CriterionOutcomeDto, targeting::InputDto, targeting::DecisionDto, targeting::HouseholdDto, me::MeDto, me::GrantDto, geo::RegionDto, geo::ProvinceDto, geo::CommuneDto, units::UnitDto, ApiErrorBody, ApiErrorDetail)),
    tags((name = "geography", description = "Reference geography (HCP codes)"),
         (name = "organisation", description = "The agency's units"),
         (name = "meta", description = "About the API itself"),
         (name = "access", description = "The caller's account and grants"),
         (name = "establishments", description = "Social-welfare establishments, within the caller's scope"),
         (name = "associations", description = "Partner associations, within the caller's scope"),
         (name = "care", description = "Admissions registers of establishments, within the caller's scope"),
         (name = "programmes", description = "Benefit programmes and the dated versions of their rules"),
         (name = "registry", description = "The social registry's households within the caller's scope, with why each is or is not eligible"),
         (name = "services", description = "The public services catalogue"),
         (name = "applications", description = "Online applications: filed and followed without an account, processed within the caller's scope")),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

/// Declares the bearer-token scheme used by `/api/v1` clients.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document of this API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The body of every API error.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ApiErrorBody {
    pub error: ApiErrorDetail,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ApiErrorDetail {
    /// Stable machine code, e.g. `not-found`.
    pub code: String,
    /// The message in the request's language.
    pub message: String,
    /// The request id, to quote when asking for help.
    pub request_id: String,
}

pub fn routes() -> Routes {
    use Policy::Public;
    Routes::new()
        .add(
            Method::GET,
            "/regions",
            "/regions",
            Public,
            get(geo::list_regions),
        )
        .add(
            Method::GET,
            "/provinces",
            "/provinces?region=07",
            Public,
            get(geo::list_provinces),
        )
        .add(
            Method::GET,
            "/communes",
            "/communes?province=07.427",
            Public,
            get(geo::list_communes),
        )
        .add(
            Method::GET,
            "/units",
            "/units",
            Public,
            get(units::list_units),
        )
        .add(
            Method::GET,
            "/openapi.json",
            "/openapi.json",
            Public,
            get(openapi_json),
        )
        .add(Method::GET, "/me", "/me", Policy::SignedIn, get(me::whoami))
        .add(
            Method::GET,
            "/establishments",
            "/establishments",
            Policy::SignedIn,
            get(establishments::list_establishments),
        )
        .add_record(
            Method::GET,
            "/establishments/{id}",
            "/establishments/1",
            Some("/establishments/2"),
            Policy::SignedIn,
            get(establishments::get_establishment),
        )
        .add(
            Method::POST,
            "/establishments",
            "/establishments",
            Policy::Can(Capability::RegisterEstablishments),
            post(establishments::create_establishment),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/transitions",
            "/establishments/1/transitions",
            Some("/establishments/2/transitions"),
            Policy::SignedIn,
            post(establishments::transition_establishment),
        )
        .add_record(
            Method::PATCH,
            "/establishments/{id}",
            "/establishments/1",
            Some("/establishments/2"),
            Policy::Can(Capability::FileAuthorisations),
            patch(establishments::update_establishment),
        )
        .add_record(
            Method::GET,
            "/establishments/{id}/register",
            "/establishments/1/register",
            Some("/establishments/2/register"),
            Policy::Can(Capability::ReadRegisters),
            get(care::get_register),
        )
        .add(
            Method::GET,
            "/services",
            "/services?need=disability",
            Public,
            get(eservices::list_services),
        )
        .add(
            Method::GET,
            "/services/{code}",
            "/services/disability-centre",
            Public,
            get(eservices::get_service),
        )
        .add(
            Method::POST,
            "/applications",
            "/applications",
            Public,
            post(eservices::submit_application),
        )
        .add(
            Method::POST,
            "/applications/status",
            "/applications/status",
            Public,
            post(eservices::application_status),
        )
        .add(
            Method::GET,
            "/applications",
            "/applications",
            Policy::Can(Capability::ProcessApplications),
            get(eservices::list_applications),
        )
        .add_record(
            Method::GET,
            "/applications/{id}",
            "/applications/1",
            Some("/applications/2"),
            Policy::Can(Capability::ProcessApplications),
            get(eservices::get_application),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/decision",
            "/applications/1/decision",
            Some("/applications/2/decision"),
            Policy::Can(Capability::ProcessApplications),
            post(eservices::decide_application),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/document-request",
            "/applications/1/document-request",
            Some("/applications/2/document-request"),
            Policy::Can(Capability::ProcessApplications),
            post(eservices::request_application_documents),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/assignment",
            "/applications/1/assignment",
            Some("/applications/2/assignment"),
            Policy::Can(Capability::ProcessApplications),
            post(eservices::assign_application),
        )
        .add(
            Method::GET,
            "/programmes",
            "/programmes",
            Policy::SignedIn,
            get(targeting::list_programmes),
        )
        .add(
            Method::POST,
            "/programmes",
            "/programmes",
            Policy::Can(Capability::OwnProgrammes),
            post(targeting::create_programme),
        )
        .add(
            Method::GET,
            "/programmes/{code}",
            "/programmes/asd",
            Policy::SignedIn,
            get(targeting::get_programme),
        )
        .add(
            Method::POST,
            "/programmes/{code}/drafts",
            "/programmes/asd/drafts",
            Policy::Can(Capability::OwnProgrammes),
            post(targeting::create_draft),
        )
        .add(
            Method::GET,
            "/programmes/{code}/simulation",
            "/programmes/asd/simulation?version=1",
            Policy::Can(Capability::ReadRegistry),
            get(targeting::simulation),
        )
        // Example: version 1 is in force already, so the answer is its error.
        .add(
            Method::POST,
            "/programmes/{code}/versions/{version}/activation",
            "/programmes/asd/versions/1/activation",
            Policy::Can(Capability::OwnProgrammes),
            post(targeting::activate),
        )
        .add(
            Method::GET,
            "/registry/households",
            "/registry/households",
            Policy::Can(Capability::ReadRegistry),
            get(targeting::list_households),
        )
        // Examples: household 1 is in Rehamna, household 2 in Casablanca.
        .add_record(
            Method::GET,
            "/registry/households/{id}",
            "/registry/households/1",
            Some("/registry/households/2"),
            Policy::Can(Capability::ReadRegistry),
            get(targeting::get_household),
        )
        .add(
            Method::GET,
            "/associations",
            "/associations",
            Policy::SignedIn,
            get(associations::list_associations),
        )
        .add_record(
            Method::GET,
            "/associations/{id}",
            "/associations/1",
            Some("/associations/2"),
            Policy::SignedIn,
            get(associations::get_association),
        )
        .add(
            Method::POST,
            "/associations",
            "/associations",
            Policy::Can(Capability::EditAssociations),
            post(associations::create_association),
        )
        .add_record(
            Method::PATCH,
            "/associations/{id}",
            "/associations/1",
            Some("/associations/2"),
            Policy::Can(Capability::EditAssociations),
            patch(associations::update_association),
        )
}

/// The OpenAPI document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta", operation_id = "openapi",
    responses((status = 200, description = "OpenAPI 3.1 document")))]
async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi())
}
