//! The answers clients are built from, pinned: the OpenAPI document as served, and the
//! JSON error bodies. A change to either shows here as a diff to review
//! (`cargo insta review`), never silently.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use jisr_i18n::Catalog;
use jisr_store::testing::each_backend;
use jisr_web::{AppState, WebConfig, router};
use serde_json::Value;
use tower::ServiceExt;

#[test]
fn the_openapi_document_is_what_clients_were_told() {
    let doc = jisr_web::api::document();
    insta::assert_json_snapshot!("openapi", doc);
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, Value) {
    let res = app
        .clone()
        .oneshot(
            Request::get(uri)
                .header("accept-language", "fr")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("{uri}: not JSON ({e}): {}", String::from_utf8_lossy(&bytes)));
    (status, body)
}

#[tokio::test]
async fn api_errors_keep_their_shape() {
    each_backend(|store| async move {
        let app = router(AppState::new(
            store,
            Catalog::load().unwrap(),
            WebConfig::default(),
        ));
        for (name, uri, status) in [
            ("error-unauthorized", "/api/v1/me", StatusCode::UNAUTHORIZED),
            ("error-not-found", "/api/v1/nowhere", StatusCode::NOT_FOUND),
            (
                "error-bad-request",
                "/api/v1/provinces?region=7x",
                StatusCode::BAD_REQUEST,
            ),
        ] {
            let (got, body) = get(&app, uri).await;
            assert_eq!(got, status, "{uri}: {body}");
            insta::assert_json_snapshot!(name, body, {
                ".request_id" => "[request id]",
            });
        }
    })
    .await;
}
