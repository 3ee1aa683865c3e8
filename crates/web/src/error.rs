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
    /// Refused by the platform's rules with more than a message key, answered 409 like
    /// [`WebError::Conflict`] (e.g. a rule text the engine does not accept).
    RefusedAt(Vec<FieldProblem>),
    /// The address exists, but not for this method (e.g. reloading a form's target).
    MethodNotAllowed,
    /// The request body is larger than the address accepts.
    TooLarge,
    /// The request body is not of the media type the address takes (API only).
    MediaType,
    /// Well-formed, but refused by the record's current state (e.g. a move its status
    /// does not allow): `(field, message key)` each, answered 409.
    Conflict(Vec<(String, &'static str)>),
    /// Too many requests of this kind from the client's address; the seconds to wait.
    TooManyRequests(u64),
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
            WebError::MediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            WebError::Conflict(_) | WebError::RefusedAt(_) => StatusCode::CONFLICT,
            WebError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
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
            WebError::MediaType => "error-media-type-text",
            WebError::Conflict(_) | WebError::RefusedAt(_) => "error-conflict-text",
            WebError::TooManyRequests(_) => "error-too-many-text",
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
            WebError::MediaType => "unsupported-media-type",
            WebError::Conflict(_) | WebError::RefusedAt(_) => "conflict",
            WebError::TooManyRequests(_) => "too-many-requests",
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

/// The answer of a handler that panicked. Its message may hold the values it worked on,
/// so only the fact is logged (in the request's span, with its id).
pub fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    WebError::Internal("a handler panicked".into()).into_response()
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
    /// What was refused, one translated line per problem.
    details: Vec<String>,
    reference: Option<String>,
}

/// The translation key of the title of an error answer.
fn title_key(status: StatusCode) -> &'static str {
    match status {
        StatusCode::NOT_FOUND => "error-not-found-title",
        StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => "error-bad-request-title",
        StatusCode::METHOD_NOT_ALLOWED => "error-method-title",
        StatusCode::PAYLOAD_TOO_LARGE => "error-too-large-title",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "error-media-type-title",
        StatusCode::CONFLICT => "error-conflict-title",
        StatusCode::TOO_MANY_REQUESTS => "error-too-many-title",
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => "error-forbidden-title",
        _ => "error-internal-title",
    }
}

/// An API error as problem details (RFC 9457), in the request's language.
fn api_problem(
    state: &AppState,
    locale: jisr_i18n::Locale,
    err: &WebError,
    status: StatusCode,
    title_key: &str,
    path: &str,
    request_id: String,
) -> Response {
    use crate::api::problem::{FieldError, MEDIA_TYPE, Problem, type_of};
    let t = |key: &str| state.catalog.t(locale, key);
    let errors = match err {
        WebError::Invalid(fields) | WebError::Conflict(fields) => fields
            .iter()
            .map(|(field, key)| FieldError {
                field: field.clone(),
                code: key.trim_start_matches("error-").to_owned(),
                message: t(key),
                line: None,
                column: None,
                start: None,
                end: None,
                name: None,
            })
            .collect(),
        WebError::InvalidAt(problems) | WebError::RefusedAt(problems) => problems
            .iter()
            .map(|p| {
                let n = |k: &str| p.extra.get(k).and_then(serde_json::Value::as_u64);
                FieldError {
                    field: p.field.clone(),
                    code: p.code.clone(),
                    message: p.message.clone(),
                    line: n("line"),
                    column: n("column"),
                    start: n("start"),
                    end: n("end"),
                    name: p
                        .extra
                        .get("name")
                        .and_then(serde_json::Value::as_str)
                        .map(str::to_owned),
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    let problem = Problem {
        kind: type_of(err.code()),
        title: t(title_key),
        status: status.as_u16(),
        detail: t(err.message_key()),
        instance: path.to_owned(),
        code: err.code().to_owned(),
        request_id,
        errors,
    };
    let mut res = (status, axum::Json(problem)).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static(MEDIA_TYPE),
    );
    if status == StatusCode::UNAUTHORIZED {
        res.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            axum::http::HeaderValue::from_static("Bearer"),
        );
    }
    res
}

fn is_json(res: &Response) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"))
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
        None if res.status() == StatusCode::UNSUPPORTED_MEDIA_TYPE => WebError::MediaType,
        // An API answer refused by a layer below the handlers (the router, an
        // extractor not wrapped): never plain text under `/api`.
        None if uri.path().starts_with("/api/")
            && (res.status().is_client_error() || res.status().is_server_error())
            && !is_json(&res) =>
        {
            if res.status().is_server_error() {
                WebError::Internal(format!("unwrapped {} answer", res.status()))
            } else {
                WebError::BadRequest("error-malformed-request")
            }
        }
        None => return res,
    };
    let status = res.status();
    let user = res
        .extensions_mut()
        .remove::<jisr_store::sessions::SessionUser>();
    let message = state.catalog.t(locale, err.message_key());
    let title_key = title_key(status);
    if uri.path().starts_with("/api/") {
        return with_retry_after(
            &err,
            api_problem(
                &state,
                locale,
                &err,
                status,
                title_key,
                uri.path(),
                request_id,
            ),
        );
    }
    let page = ErrorPage {
        chrome: Chrome::new(state.catalog.clone(), locale, &uri, title_key)
            .with_user(user.as_ref()),
        message,
        details: match &err {
            WebError::Invalid(fields) | WebError::Conflict(fields) => fields
                .iter()
                .map(|(_, key)| state.catalog.t(locale, key))
                .collect(),
            WebError::InvalidAt(problems) | WebError::RefusedAt(problems) => {
                problems.iter().map(|p| p.message.clone()).collect()
            }
            _ => Vec::new(),
        },
        reference: matches!(err, WebError::Internal(_)).then_some(request_id),
    };
    match page.render() {
        Ok(html) => with_retry_after(&err, (status, Html(html)).into_response()),
        Err(_) => Response::builder()
            .status(status)
            .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
            .body(Body::from(status.as_str().to_owned()))
            .unwrap_or_default(),
    }
}

/// A refusal for too many requests says when to come back.
fn with_retry_after(err: &WebError, mut res: Response) -> Response {
    if let WebError::TooManyRequests(seconds) = err {
        res.headers_mut()
            .insert(header::RETRY_AFTER, axum::http::HeaderValue::from(*seconds));
    }
    res
}
