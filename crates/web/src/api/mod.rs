//! The JSON API under `/api/v1`, described by the OpenAPI document it serves at
//! `/api/v1/openapi.json`.

pub mod associations;
pub mod care;
pub mod eservices;
pub mod establishments;
pub mod extract;
pub mod geo;
pub mod grants;
pub mod grievances;
pub mod links;
pub mod me;
pub mod problem;
pub mod schema;
pub mod targeting;
pub mod units;

use crate::auth::{Policy, Routes};
use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "Jisr API", version = "1", description = "The JSON API of the Jisr social-welfare platform."),
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
         (name = "applications", description = "Online applications: filed and followed without an account, processed within the caller's scope"),
         (name = "grants", description = "Calls for projects, the public register of awarded grants (360Giving), and the caller's own grant applications"),
         (name = "complaints", description = "Complaints and grievances: filed and followed without an account, handled within the caller's scope")),
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

/// The OpenAPI document of this API: the frame above with every operation declared by
/// the contexts' `routes()`, as their handlers document themselves.
pub fn openapi() -> utoipa::openapi::OpenApi {
    static DOC: std::sync::OnceLock<utoipa::openapi::OpenApi> = std::sync::OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = ApiDoc::openapi();
        routes().document(&mut doc);
        let components = doc.components.get_or_insert_with(Default::default);
        components.schemas.extend(problem::schemas());
        links::declare(&mut doc);
        doc
    })
    .clone()
}

pub fn routes() -> Routes {
    Routes::new()
        .api(
            "/api/v1/openapi.json",
            Policy::Public,
            utoipa_axum::routes!(openapi_json),
        )
        .merge(geo::routes())
        .merge(units::routes())
        .merge(me::routes())
        .merge(establishments::routes())
        .merge(care::routes())
        .merge(eservices::routes())
        .merge(targeting::routes())
        .merge(associations::routes())
        .merge(grants::routes())
        .merge(grievances::routes())
}

/// The OpenAPI document as served: [`openapi`] in JSON, with the members of its links
/// named as the specification names them (`operationId`, `requestBody`).
pub fn document() -> serde_json::Value {
    static DOC: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    DOC.get_or_init(|| {
        let mut v = serde_json::to_value(openapi()).unwrap_or_default();
        if let Some(paths) = v.get_mut("paths").and_then(|p| p.as_object_mut()) {
            let responses = paths
                .values_mut()
                .filter_map(|item| item.as_object_mut())
                .flat_map(|item| item.values_mut())
                .filter_map(|op| op.get_mut("responses").and_then(|r| r.as_object_mut()))
                .flat_map(|r| r.values_mut());
            for response in responses {
                let links = response.get_mut("links").and_then(|l| l.as_object_mut());
                for link in links.into_iter().flat_map(|l| l.values_mut()) {
                    let Some(link) = link.as_object_mut() else {
                        continue;
                    };
                    for (from, to) in [
                        ("operation_id", "operationId"),
                        ("request_body", "requestBody"),
                    ] {
                        if let Some(value) = link.remove(from) {
                            link.insert(to.to_owned(), value);
                        }
                    }
                }
            }
        }
        no_nul_in_texts(&mut v);
        v
    })
    .clone()
}

/// The rule every text the API takes follows, stated on every string schema that has no
/// pattern, format or list of its own: no NUL character.
const NO_NUL: &str = r"^[^\x00]*$";

fn no_nul_in_texts(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            let is_string = map.get("type").is_some_and(|t| {
                t == "string"
                    || t.as_array()
                        .is_some_and(|a| a.iter().any(|x| x == "string"))
            });
            let free = ["pattern", "format", "enum"]
                .iter()
                .all(|k| !map.contains_key(*k));
            if is_string && free {
                map.insert("pattern".into(), NO_NUL.into());
            }
            map.values_mut().for_each(no_nul_in_texts);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(no_nul_in_texts),
        _ => {}
    }
}

/// The OpenAPI document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta", operation_id = "openapi",
    responses((status = 200, description = "OpenAPI 3.1 document")))]
async fn openapi_json() -> Json<serde_json::Value> {
    Json(document())
}
