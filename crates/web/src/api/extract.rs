//! The API's extractors: axum's own, with every refusal answered as problem details in
//! the request's language instead of axum's plain text.

use crate::WebError;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::StatusCode;

/// Query parameters; unreadable, out of bounds or holding a NUL character: 400.
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, WebError> {
        if parts.uri.query().is_some_and(holds_nul) {
            return Err(WebError::BadRequest("error-malformed-query"));
        }
        let axum::extract::Query(v) =
            axum::extract::Query::<T>::from_request_parts(parts, state).await?;
        Ok(ApiQuery(v))
    }
}

/// Path parameters; unreadable or holding a NUL character: 400.
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: serde::de::DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, WebError> {
        if holds_nul(parts.uri.path()) {
            return Err(WebError::BadRequest("error-malformed-path"));
        }
        let axum::extract::Path(v) =
            axum::extract::Path::<T>::from_request_parts(parts, state).await?;
        Ok(ApiPath(v))
    }
}

/// Whether a percent-encoded address part decodes to a NUL character, which no text
/// of the platform holds (PostgreSQL cannot store it).
fn holds_nul(encoded: &str) -> bool {
    encoded.as_bytes().windows(3).any(|w| w == b"%00")
}

/// Whether a JSON value holds a NUL character in a string or a key.
fn value_holds_nul(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::String(s) => s.contains('\0'),
        serde_json::Value::Array(items) => items.iter().any(value_holds_nul),
        serde_json::Value::Object(map) => map
            .iter()
            .any(|(k, v)| k.contains('\0') || value_holds_nul(v)),
        _ => false,
    }
}

/// A JSON body: not JSON, 400; not `application/json`, 415; too large, 413; not an
/// object, a text holding a NUL character, or not of the documented shape (a missing or unknown field, a wrong type, a
/// value out of bounds), 422. A number written with a zero fraction (`5.0`) is the
/// integer it equals, as JSON Schema says.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, WebError> {
        let axum::Json(mut value) =
            axum::Json::<serde_json::Value>::from_request(req, state).await?;
        if !value.is_object() || value_holds_nul(&value) {
            return Err(WebError::Invalid(vec![(
                "body".into(),
                "error-invalid-json",
            )]));
        }
        integral_numbers(&mut value);
        serde_json::from_value(value)
            .map(ApiJson)
            .map_err(|_| WebError::Invalid(vec![("body".into(), "error-invalid-json")]))
    }
}

/// Rewrites every float with no fraction (within the range of `i64`) as an integer.
fn integral_numbers(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && f >= i64::MIN as f64
                && f < i64::MAX as f64
            {
                *v = serde_json::Value::from(f as i64);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(integral_numbers),
        serde_json::Value::Object(map) => map.values_mut().for_each(integral_numbers),
        _ => {}
    }
}

impl From<QueryRejection> for WebError {
    fn from(_: QueryRejection) -> Self {
        WebError::BadRequest("error-malformed-query")
    }
}

impl From<PathRejection> for WebError {
    fn from(_: PathRejection) -> Self {
        WebError::BadRequest("error-malformed-path")
    }
}

impl From<JsonRejection> for WebError {
    fn from(r: JsonRejection) -> Self {
        match r {
            JsonRejection::JsonDataError(_) => {
                WebError::Invalid(vec![("body".into(), "error-invalid-json")])
            }
            JsonRejection::MissingJsonContentType(_) => WebError::MediaType,
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => WebError::TooLarge,
            _ => WebError::BadRequest("error-malformed-json"),
        }
    }
}
