//! The API's extractors: axum's own, with every refusal answered as problem details in
//! the request's language instead of axum's plain text.

use crate::WebError;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::StatusCode;

/// Query parameters; unreadable or out of bounds: 400.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(WebError))]
pub struct ApiQuery<T>(pub T);

/// Path parameters; unreadable: 400.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(WebError))]
pub struct ApiPath<T>(pub T);

/// A JSON body: not JSON, 400; not `application/json`, 415; too large, 413; not an
/// object, or not of the documented shape (a missing or unknown field, a wrong type, a
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
        if !value.is_object() {
            return Err(WebError::Invalid(vec![("body".into(), "error-invalid-json")]));
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
