//! Liveness and readiness probes.

use crate::AppState;
use crate::auth::{Policy, Routes};
use axum::Json;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use axum::routing::get;
use serde_json::{Value, json};

pub fn routes() -> Routes {
    Routes::new()
        .add(
            Method::GET,
            "/healthz",
            "/healthz",
            Policy::Public,
            get(healthz),
        )
        .add(
            Method::GET,
            "/readyz",
            "/readyz",
            Policy::Public,
            get(readyz),
        )
}

/// The process is alive.
async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// The database answers.
async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let backend = state.store.backend().as_str();
    match state.store.ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({ "status": "ready", "database": backend })),
        ),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "database": backend })),
            )
        }
    }
}
