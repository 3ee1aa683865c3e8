//! The caller's own account, for API clients to check their token.

use crate::auth::{Policy::*, Routes};
use crate::{WebError, ctx::Ctx};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::routes;

#[derive(Serialize, ToSchema)]
pub struct GrantDto {
    /// e.g. `provincial_officer`.
    pub role: String,
    /// `national`, `region`, `province` or `establishment`.
    pub scope_kind: String,
    /// The territory code or establishment id, absent for national.
    pub scope_code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MeDto {
    pub username: String,
    pub display_name: String,
    pub grants: Vec<GrantDto>,
}

/// Who the caller is, and what they may do.
#[utoipa::path(get, path = "/api/v1/me", tag = "access", operation_id = "whoami",
    security(("bearer" = [])),
    responses((status = 200, body = MeDto),
              (status = 401, description = "No valid token or session")))]
pub async fn whoami(ctx: Ctx) -> Result<Json<MeDto>, WebError> {
    let u = ctx.user.ok_or(WebError::Unauthorized)?;
    Ok(Json(MeDto {
        username: u.username,
        display_name: u.display_name,
        grants: u
            .grants
            .iter()
            .map(|(r, s)| GrantDto {
                role: r.as_str().into(),
                scope_kind: s.kind().into(),
                scope_code: s.code(),
            })
            .collect(),
    }))
}

/// The API operations of this context, each with its policy.
pub fn routes() -> Routes {
    Routes::new().api("/api/v1/me", SignedIn, routes!(whoami))
}
