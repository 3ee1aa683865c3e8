//! Signing in and out, the forced password change, and the dashboard each role lands on.

use super::{render, safe_next};
use crate::WebError;
use crate::auth::SESSION_COOKIE;
use crate::ctx::Ctx;
use crate::view::Chrome;
use askama::Template;
use axum::extract::{Form, Query};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use jisr_store::StoreError;
use jisr_store::accounts::Password;
use jisr_store::sessions::{self, SignIn};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "account/login.html")]
struct LoginPage {
    chrome: Chrome,
    username: String,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
}

pub async fn login_form(ctx: Ctx, Query(q): Query<LoginQuery>) -> Result<Response, WebError> {
    if ctx.user.is_some() {
        return Ok(Redirect::to("/dashboard").into_response());
    }
    let next = safe_next(q.next.as_deref()).to_owned();
    Ok(render(LoginPage {
        chrome: ctx.chrome("login-title"),
        username: String::new(),
        next,
        error: None,
    })?
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    username: String,
    password: String,
    next: Option<String>,
}

fn session_cookie(ctx: &Ctx, token: &str, max_age: Option<i64>) -> String {
    let secure = if ctx.state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let age = max_age
        .map(|a| format!("; Max-Age={a}"))
        .unwrap_or_default();
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{age}{secure}")
}

/// Checks the credentials and opens a fresh session; any session the browser presented
/// is ended first, so a planted session id is never promoted (no session fixation).
pub async fn login(ctx: Ctx, Form(f): Form<LoginForm>) -> Result<Response, WebError> {
    if let Some(old) = &ctx.token {
        sessions::sign_out(&ctx.state.store, old, &ctx.actor).await?;
    }
    let next = safe_next(f.next.as_deref()).to_owned();
    let outcome = sessions::sign_in(
        &ctx.state.store,
        &f.username,
        &f.password,
        &ctx.actor,
        chrono::Utc::now(),
    )
    .await?;
    let (status, key) = match outcome {
        SignIn::Ok { token, user } => {
            let target = if user.must_change_password {
                "/account/password".to_owned()
            } else if next == "/" {
                "/dashboard".to_owned()
            } else {
                next
            };
            return Ok((
                [(header::SET_COOKIE, session_cookie(&ctx, &token, None))],
                Redirect::to(&target),
            )
                .into_response());
        }
        SignIn::Invalid => (StatusCode::UNPROCESSABLE_ENTITY, "login-error-invalid"),
        SignIn::Locked => (StatusCode::TOO_MANY_REQUESTS, "login-error-locked"),
    };
    let chrome = ctx.chrome("login-title");
    let error = Some(chrome.t(key));
    let page = render(LoginPage {
        chrome,
        username: f.username,
        next,
        error,
    })?;
    Ok((status, page).into_response())
}

pub async fn logout(ctx: Ctx) -> Result<Response, WebError> {
    if let Some(token) = &ctx.token {
        sessions::sign_out(&ctx.state.store, token, &ctx.actor).await?;
    }
    Ok((
        [(header::SET_COOKIE, session_cookie(&ctx, "", Some(0)))],
        Redirect::to("/"),
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "account/dashboard.html")]
struct DashboardPage {
    chrome: Chrome,
    audit_reader: bool,
    user_admin: bool,
}

pub async fn dashboard(ctx: Ctx) -> Result<Response, WebError> {
    let audit_reader = super::audit::may_read_trail(ctx.user.as_ref());
    let user_admin = ctx.user.as_ref().is_some_and(|u| {
        u.grants
            .iter()
            .any(|(r, _)| super::users::USER_ADMINS.contains(r))
    });
    let chrome = ctx.chrome("dashboard-title");
    Ok(render(DashboardPage {
        chrome,
        audit_reader,
        user_admin,
    })?
    .into_response())
}

#[derive(Template)]
#[template(path = "account/password.html")]
struct PasswordPage {
    chrome: Chrome,
    forced: bool,
    errors: Vec<(&'static str, String)>,
}

impl PasswordPage {
    /// The error shown at a field, if any.
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

pub async fn password_form(ctx: Ctx) -> Result<Response, WebError> {
    let forced = ctx.user.as_ref().is_some_and(|u| u.must_change_password);
    Ok(render(PasswordPage {
        chrome: ctx.chrome("password-title"),
        forced,
        errors: vec![],
    })?
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    current: String,
    new: String,
    confirm: String,
}

pub async fn change_password(ctx: Ctx, Form(f): Form<PasswordForm>) -> Result<Response, WebError> {
    let (Some(user), Some(token)) = (ctx.user.as_ref(), ctx.token.as_deref()) else {
        return Err(WebError::Unauthorized);
    };
    let chrome = ctx.chrome("password-title");
    let mut errors: Vec<(&'static str, &'static str)> = Vec::new();
    let parsed = Password::parse(&f.new);
    if parsed.is_err() {
        errors.push(("new", "password-error-short"));
    }
    if f.new != f.confirm {
        errors.push(("confirm", "password-error-mismatch"));
    }
    if errors.is_empty()
        && let Ok(new) = &parsed
    {
        match sessions::change_password(
            &ctx.state.store,
            user.user_id,
            &f.current,
            new,
            token,
            &ctx.actor,
        )
        .await
        {
            Ok(()) => return Ok(Redirect::to("/dashboard?changed=1").into_response()),
            Err(StoreError::Invalid(code)) if code == "current-password" => {
                errors.push(("current", "password-error-current"))
            }
            Err(StoreError::Invalid(code)) if code == "same-password" => {
                errors.push(("new", "password-error-same"))
            }
            Err(e) => return Err(e.into()),
        }
    }
    let forced = user.must_change_password;
    let errors = errors.into_iter().map(|(f, k)| (f, chrome.t(k))).collect();
    let page = render(PasswordPage {
        chrome,
        forced,
        errors,
    })?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
