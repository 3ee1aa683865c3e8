//! One error shape for the whole API: problem details (RFC 9457), served as
//! `application/problem+json`, with the refused fields in `errors`. Which errors an
//! operation can answer is derived here, from its route policy and what it takes, so
//! that no handler lists them by hand and the document cannot forget one.

use crate::auth::Policy;
use serde::Serialize;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{PartialSchema, ToSchema};

/// The media type of every API error.
pub const MEDIA_TYPE: &str = "application/problem+json";

/// An error answered by the API (RFC 9457 problem details).
#[derive(Serialize, ToSchema)]
pub struct Problem {
    /// The kind of problem, as a URN ending in `code`.
    #[serde(rename = "type")]
    #[schema(example = "urn:jisr:problem:not-found")]
    pub kind: String,
    /// A short summary of the kind, in the request's language.
    pub title: String,
    /// The HTTP status code of this answer.
    pub status: u16,
    /// What went wrong, in the request's language.
    pub detail: String,
    /// The path that was asked for.
    pub instance: String,
    /// Stable machine code, e.g. `not-found` or `invalid-fields`.
    pub code: String,
    /// The request id, to quote when asking for help.
    pub request_id: String,
    /// The refused fields (422), each with its own code and message.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One refused field.
#[derive(Serialize, ToSchema)]
pub struct FieldError {
    /// The field, as named in the request (`body` for the body as a whole;
    /// `documents.CODE` for a missing document).
    pub field: String,
    /// Stable machine code of the refusal.
    pub code: String,
    /// The refusal in the request's language.
    pub message: String,
    /// Where in a rule text (rule drafts only): 1-based line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Where in a rule text (rule drafts only): 1-based column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// Where in a rule text (rule drafts only): byte offsets of the faulty span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<u64>,
    /// The unknown name, when a rule text names something that does not exist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The problem type URN of a code.
pub fn type_of(code: &str) -> String {
    format!("urn:jisr:problem:{code}")
}

/// The error answers an operation can give, from what it declares: every operation may
/// be malformed (400), refuse a bad token (401) or fail unexpectedly (500); a policy
/// with a capability refuses other roles (403); an address with a path parameter may
/// name a record that does not exist or is out of scope (404); an operation with a body
/// may find it too large (413), of another media type (415), with refused fields (422),
/// or at odds with the record's current state (409).
fn error_statuses(op: &Operation, policy: Policy) -> Vec<(u16, &'static str)> {
    let has_path_param = op
        .parameters
        .iter()
        .flatten()
        .any(|p| matches!(p.parameter_in, ParameterIn::Path));
    let has_input =
        op.parameters.as_ref().is_some_and(|p| !p.is_empty()) || op.request_body.is_some();
    let mut out = Vec::new();
    if has_input {
        out.push((
            400,
            "The address, a query parameter or the body is malformed",
        ));
    }
    out.push((401, "Not signed in, or the bearer token is not valid"));
    if matches!(policy, Policy::Can(_)) {
        out.push((403, "The caller's role may not do this"));
    }
    if has_path_param {
        out.push((404, "Unknown, or outside the caller's scope"));
    }
    if op.request_body.is_some() {
        out.push((
            409,
            "Refused by the record's current state; `errors` says why",
        ));
        out.push((413, "The body is too large"));
        out.push((415, "The body is not `application/json`"));
        out.push((422, "Fields refused, each named in `errors`"));
    }
    out.push((
        500,
        "Unexpected error; quote `request_id` when asking for help",
    ));
    out
}

fn problem_response(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            MEDIA_TYPE,
            ContentBuilder::new()
                .schema(Some(RefOr::Ref(Ref::from_schema_name(Problem::name()))))
                .build(),
        )
        .build()
}

/// Adds the error answers of `op` (any written by hand are replaced, keeping their
/// description when they have one).
pub fn complete(op: &mut Operation, policy: Policy) {
    for (status, default_description) in error_statuses(op, policy) {
        let key = status.to_string();
        let description = match op.responses.responses.get(&key) {
            Some(RefOr::T(r)) if !r.description.is_empty() => r.description.clone(),
            _ => default_description.to_owned(),
        };
        op.responses
            .responses
            .insert(key, RefOr::T(problem_response(&description)));
    }
}

/// Documents the 429 answer of an operation counted against a per-address limit.
pub fn document_too_many(op: &mut Operation) {
    op.responses.responses.insert(
        "429".into(),
        RefOr::T(problem_response(
            "Too many requests of this kind from the caller's address; `Retry-After` says \
             how many seconds to wait",
        )),
    );
}

/// The schemas the error answers refer to.
pub fn schemas() -> Vec<(String, RefOr<utoipa::openapi::schema::Schema>)> {
    vec![
        (Problem::name().into_owned(), Problem::schema()),
        (FieldError::name().into_owned(), FieldError::schema()),
    ]
}
