//! Errors of the web layer. A handler returns a [`WebError`]; the `render_errors`
//! middleware turns it into a translated HTML page, or a JSON body under `/api`, in the
//! request's language. Internal details are logged with the request id and never shown.

use crate::AppState;
use crate::locale::negotiate;
use crate::view::Chrome;
use askama::Template;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use jisr_store::StoreError;

/// What went wrong, with a stable code that is also the translation key.
#[derive(Debug, Clone)]
pub enum WebError {
    NotFound,
    /// Not signed in (API only; pages redirect to the sign-in form).
    Unauthorized,
    /// Signed in, but the role does not allow this.
    Forbidden,
    /// A state-changing request from another site.
    CrossSite,
    /// Bad input; the key names the translated message.
    BadRequest(&'static str),
    /// Fields refused: `(field, message key)` each, answered 422.
    Invalid(Vec<(String, &'static str)>),
    /// Fields refused with more than a message key (e.g. where in a rule text): answered
    /// 422 like [`WebError::Invalid`], each problem already in the request's language.
    InvalidAt(Vec<FieldProblem>),
    /// The address exists, but not for this method (e.g. reloading a form's target).
    MethodNotAllowed,
    /// The request body is larger than the address accepts.
    TooLarge,
    /// Something the user cannot fix; the detail goes to the log only.
    Internal(String),
}

/// One refused field with its stable code, its message in the request's language, and
/// members to add to its JSON object (e.g. `line`, `column`).
#[derive(Debug, Clone)]
pub struct FieldProblem {
    pub field: String,
    pub code: String,
    pub message: String,
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl WebError {
    fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Unauthorized => StatusCode::UNAUTHORIZED,
            WebError::Forbidden | WebError::CrossSite => StatusCode::FORBIDDEN,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Invalid(_) | WebError::InvalidAt(_) => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            WebError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The translation key of the message shown to the user.
    fn message_key(&self) -> &'static str {
        match self {
            WebError::NotFound => "error-not-found-text",
            WebError::Unauthorized => "error-unauthorized-text",
            WebError::Forbidden => "error-forbidden-text",
            WebError::CrossSite => "error-cross-site-text",
            WebError::BadRequest(key) => key,
            WebError::Invalid(_) | WebError::InvalidAt(_) => "error-invalid-fields-text",
            WebError::MethodNotAllowed => "error-method-text",
            WebError::TooLarge => "error-too-large-text",
            WebError::Internal(_) => "error-internal-text",
        }
    }

    fn code(&self) -> &'static str {
        match self {
            WebError::NotFound => "not-found",
            WebError::Unauthorized => "unauthorized",
            WebError::Forbidden => "forbidden",
            WebError::CrossSite => "cross-site",
            WebError::BadRequest(key) => key.trim_start_matches("error-"),
            WebError::Invalid(_) | WebError::InvalidAt(_) => "invalid-fields",
            WebError::MethodNotAllowed => "method-not-allowed",
            WebError::TooLarge => "too-large",
            WebError::Internal(_) => "internal",
        }
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => WebError::NotFound,
            other => WebError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if let WebError::Internal(detail) = &self {
            tracing::error!(error = %detail, "internal error");
        }
        let mut res = self.status().into_response();
        res.extensions_mut().insert(self);
        res
    }
}

/// The fallback for unknown paths.
pub async fn not_found() -> WebError {
    WebError::NotFound
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    message: String,
    reference: Option<String>,
}

/// Renders a [`WebError`] left in a response's extensions.
pub async fn render_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let locale = negotiate(&parts);
    let uri = parts.uri.clone();
    let request_id = parts
        .headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let mut res = next.run(Request::from_parts(parts, body)).await;
    // The router's own refusals carry no error: give them the same translated answer.
    let err = match res.extensions_mut().remove::<WebError>() {
        Some(err) => err,
        None if res.status() == StatusCode::METHOD_NOT_ALLOWED => WebError::MethodNotAllowed,
        None if res.status() == StatusCode::PAYLOAD_TOO_LARGE => WebError::TooLarge,
        None => return res,
    };
    let status = res.status();
    let user = res
        .extensions_mut()
        .remove::<jisr_store::sessions::SessionUser>();
    let message = state.catalog.t(locale, err.message_key());
    if uri.path().starts_with("/api/") {
        let mut body = serde_json::json!({
            "error": { "code": err.code(), "message": message, "request_id": request_id }
        });
        if let WebError::Invalid(fields) = &err {
            body["error"]["fields"] = fields
                .iter()
                .map(|(field, key)| {
                    serde_json::json!({
                        "field": field,
                        "code": key.trim_start_matches("error-"),
                        "message": state.catalog.t(locale, key),
                    })
                })
                .collect();
        }
        if let WebError::InvalidAt(problems) = &err {
            body["error"]["fields"] = problems
                .iter()
                .map(|p| {
                    let mut o = p.extra.clone();
                    o.insert("field".into(), p.field.clone().into());
                    o.insert("code".into(), p.code.clone().into());
                    o.insert("message".into(), p.message.clone().into());
                    serde_json::Value::Object(o)
                })
                .collect();
        }
        let mut res = (status, axum::Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        return res;
    }
    let title_key = match status {
        StatusCode::NOT_FOUND => "error-not-found-title",
        StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => "error-bad-request-title",
        StatusCode::METHOD_NOT_ALLOWED => "error-method-title",
        StatusCode::PAYLOAD_TOO_LARGE => "error-too-large-title",
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => "error-forbidden-title",
        _ => "error-internal-title",
    };
    let page = ErrorPage {
        chrome: Chrome::new(state.catalog.clone(), locale, &uri, title_key)
            .with_user(user.as_ref()),
        message,
        reference: matches!(err, WebError::Internal(_)).then_some(request_id),
    };
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => Response::builder()
            .status(status)
            .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
            .body(Body::from(status.as_str().to_owned()))
            .unwrap_or_default(),
    }
}
