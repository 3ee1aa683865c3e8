//! The web platform: server-rendered HTML pages and the JSON API under `/api/v1`.
//!
//! Pages and API handlers of one context share its name (`pages::geo`, `api::geo`).
//! Every response carries the security headers; every request gets an id that appears
//! in the logs and on error pages. Logs name the route template, never the full URL, so
//! no personal data reaches them through query strings or paths.

pub mod api;
mod assets;
pub mod auth;
mod ctx;
mod error;
mod export;
mod health;
pub mod limits;
mod listing;
mod locale;
mod nav;
mod pages;
mod security;
mod view;
mod views;

use axum::Router;
use axum::extract::MatchedPath;
use axum::http::{HeaderName, Request};
use jisr_i18n::Catalog;
use jisr_store::Store;
use std::sync::Arc;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

pub use error::WebError;
pub use locale::Lang;

/// Settings the web layer needs.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure` (set when served over TLS, directly or behind a proxy).
    pub secure_cookies: bool,
    /// Where uploaded documents are kept.
    pub documents_dir: std::path::PathBuf,
    /// The largest document accepted, in bytes.
    pub max_upload_bytes: usize,
    /// The data-protection authority's reference for the processing of applications,
    /// shown in the notice of every application form.
    pub data_protection_reference: String,
    /// Per-address limits and the proxies trusted to name the client.
    pub limits: limits::LimitSettings,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            documents_dir: std::env::temp_dir().join("jisr-documents"),
            max_upload_bytes: jisr_domain::documents::DEFAULT_MAX_UPLOAD_BYTES,
            data_protection_reference: String::new(),
            limits: limits::LimitSettings::default(),
        }
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub catalog: Arc<Catalog>,
    pub config: Arc<WebConfig>,
    pub files: jisr_store::files::FileStore,
    pub limiter: Arc<limits::Limiter>,
}

impl AppState {
    pub fn new(store: Store, catalog: Catalog, config: WebConfig) -> Self {
        Self {
            store,
            catalog: Arc::new(catalog),
            files: jisr_store::files::FileStore::new(config.documents_dir.clone()),
            limiter: Arc::new(limits::Limiter::new(config.limits.clone())),
            config: Arc::new(config),
        }
    }
}

/// Every route with its policy: pages, API, health probes and assets.
fn declared_routes() -> auth::Routes {
    pages::routes()
        .merge(api::routes())
        .merge(health::routes())
        .merge(assets::routes())
}

/// The table of declared routes, for the permission-matrix test.
pub fn route_table() -> Vec<auth::RouteInfo> {
    declared_routes().table
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The whole application: pages, API, assets, health checks, with logging, request ids
/// and security headers around them.
pub fn router(state: AppState) -> Router {
    let trace = TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
        let route = req
            .extensions()
            .get::<MatchedPath>()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "unmatched".into());
        let request_id = req
            .headers()
            .get(&REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        tracing::info_span!("request", method = %req.method(), route, request_id)
    });
    let secure = state.config.secure_cookies;
    let limiter = state.limiter.clone();
    let app = declared_routes()
        .into_router()
        .fallback(error::not_found)
        // A safety net for the unknown, not the fix for the known: a handler that panics
        // answers a translated 500 with its request id, like any internal error.
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            error::panicked,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::load_session,
        ))
        .layer(axum::middleware::from_fn(auth::csrf_guard))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            error::render_errors,
        ))
        .layer(axum::middleware::from_fn_with_state(
            limiter,
            limits::read_client,
        ))
        .with_state(state);
    security::apply(app, secure)
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(trace)
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        // The request id is always made here: one sent by the client would otherwise be
        // kept, and land in the logs and the audit trail.
        .layer(axum::middleware::map_request(
            |mut req: axum::extract::Request| async move {
                req.headers_mut().remove(&REQUEST_ID);
                req
            },
        ))
}
