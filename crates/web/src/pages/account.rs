//! Signing in and out, the forced password change, and the dashboard each role lands on.

use super::{render, safe_next};
use crate::WebError;
use crate::auth::{PendingSecondFactor, SESSION_COOKIE};
use crate::ctx::Ctx;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Query};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::{Capability, Grants, Role};
use jisr_store::StoreError;
use jisr_store::access::Access;
use jisr_store::accounts::Password;
use jisr_store::figures;
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
            let target = if user.pending_second_factor {
                "/login/totp".to_owned()
            } else if user.must_change_password {
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
    changed: bool,
    /// Requests awaiting a decision in the person's territory, and how many are overdue.
    queue: Option<(usize, usize)>,
    /// For those who oversee a territory: its establishments holding more persons than
    /// authorised.
    over_capacity: Option<Vec<jisr_store::care::OverCapacity>>,
    /// The figures of the person's territory, by subject, each linking to its list.
    figures: Vec<FigureGroup>,
    /// Charts and a map of the same figures (SVG drawn by the server), each with its
    /// table.
    charts: Vec<DashboardChart>,
    /// The announcements showing today to the establishments the person manages.
    announcements: Vec<super::announcements::Item>,
}

pub use super::charts::Chart as DashboardChart;
use super::charts::direction;

/// Counts by status as a bar chart.
fn status_chart(
    chrome: &Chrome,
    id: &str,
    title: &str,
    prefix: &str,
    counts: &[(&'static str, u64)],
) -> DashboardChart {
    let rows = counts
        .iter()
        .map(|(s, n)| (chrome.t2(prefix, s), *n as f64))
        .collect();
    super::charts::bar_chart(chrome, id, title, &chrome.t("fig-status"), rows)
}

/// The charts of the person's territory: establishments and applications by status, and
/// a map of authorised places in the provinces of the regions they work in.
async fn charts(
    ctx: &Ctx,
    chrome: &Chrome,
    counted: &ByStatus,
) -> Result<Vec<DashboardChart>, WebError> {
    use jisr_domain::access::Scope;
    let store = &ctx.state.store;
    let grants = ctx.grants();
    let mut out = Vec::new();
    let watched = grants.holding(Capability::FollowEstablishments);
    if !watched.is_empty() {
        if let Some(by_status) = counted.establishments.as_ref().filter(|c| !c.is_empty()) {
            out.push(status_chart(
                chrome,
                "dash-establishments",
                &chrome.t("fig-chart-establishments"),
                "est-status",
                by_status,
            ));
        }
        // The regions the person works in; a national scope sees the whole country.
        let mut regions: Vec<String> = Vec::new();
        let mut national = false;
        for (_, scope) in watched.iter() {
            match scope {
                Scope::National => national = true,
                Scope::Region(r) => regions.push(r.as_str().to_owned()),
                Scope::Province(p) => regions.push(p.region().as_str().to_owned()),
                Scope::Establishment(_) => {}
            }
        }
        if national || !regions.is_empty() {
            let areas: Vec<jisr_charts::Area> =
                jisr_charts::boundaries(jisr_charts::Level::Province)
                    .iter()
                    .filter(|a| {
                        national || regions.iter().any(|r| a.code.split('.').next() == Some(r))
                    })
                    .cloned()
                    .collect();
            let values: std::collections::BTreeMap<String, f64> =
                figures::places_by_province(store, &watched)
                    .await?
                    .into_iter()
                    .map(|(p, n)| (p, n as f64))
                    .collect();
            let name = |a: &jisr_charts::Area| chrome.name(&a.name_ar, &a.name_fr).to_owned();
            let link = |a: &jisr_charts::Area| Some(format!("/territories/provinces/{}", a.code));
            let fmt = |v: f64| jisr_i18n::format_count(chrome.locale, v.round() as i64);
            let map = jisr_charts::Choropleth {
                areas: &areas,
                values: &values,
                classification: jisr_charts::Classification::Jenks(4),
                name: &name,
                link: Some(&link),
                legend_title: chrome.t("fig-map-legend"),
                no_data: chrome.t("fig-map-none"),
                area_header: chrome.t("fig-province"),
                value_header: chrome.t("fig-map-legend"),
            };
            let frame = jisr_charts::Frame::new(
                "dash-places-map",
                chrome.t("fig-map-title"),
                chrome.t("fig-map-desc"),
                direction(chrome),
            )
            .size(560.0, 480.0)
            .lang(chrome.lang());
            out.push(DashboardChart {
                svg: jisr_charts::choropleth(&frame, &map, &fmt),
                table: jisr_charts::choropleth_table(&frame, &map, &fmt),
            });
        }
    }
    if let Some(by_status) = counted.applications.as_ref().filter(|c| !c.is_empty()) {
        out.push(status_chart(
            chrome,
            "dash-applications",
            &chrome.t("fig-chart-applications"),
            "app-status",
            by_status,
        ));
    }
    Ok(out)
}

/// A titled set of figures on the dashboard.
pub struct FigureGroup {
    pub title: String,
    pub figures: Vec<Figure>,
}

/// One figure: its value, what it counts, and the list it counts.
pub struct Figure {
    pub value: String,
    pub label: String,
    pub href: String,
    /// Something needs attention (overdue, over capacity).
    pub alert: bool,
}

/// The figures a person lands on, each counted by the database within their territory.
/// The counts by status the figures were made of, drawn again as charts.
#[derive(Default)]
struct ByStatus {
    establishments: Option<figures::ByStatus>,
    applications: Option<figures::ByStatus>,
}

async fn figures(ctx: &Ctx, chrome: &Chrome) -> Result<(Vec<FigureGroup>, ByStatus), WebError> {
    let mut counted = ByStatus::default();
    let store = &ctx.state.store;
    let grants = ctx.grants();
    let num = |n: u64| jisr_i18n::format_count(chrome.locale, i64::try_from(n).unwrap_or(0));
    let today = jisr_domain::time::today().to_string();
    let mut groups = Vec::new();

    let watched = grants.holding(Capability::FollowEstablishments);
    if !watched.is_empty() {
        let by_status = figures::establishments_by_status(store, &watched).await?;
        let mut figures: Vec<Figure> = by_status
            .iter()
            .map(|&(status, n)| Figure {
                value: num(n),
                label: chrome.t2("est-status", status),
                href: format!("/establishments?status={status}"),
                alert: false,
            })
            .collect();
        let (occupied, authorised) = figures::places(store, &watched).await?;
        figures.push(Figure {
            value: format!("{} / {}", num(occupied), num(authorised)),
            label: chrome.t("fig-places"),
            href: "/establishments?status=authorised&sort=capacity&dir=desc".into(),
            alert: occupied > authorised,
        });
        counted.establishments = Some(by_status);
        groups.push(FigureGroup {
            title: chrome.t("fig-establishments-title"),
            figures,
        });
    }

    let processing = grants.holding(Capability::ProcessApplications);
    if !processing.is_empty() {
        let mut figures = Vec::new();
        if let Some(me) = ctx
            .actor
            .label
            .strip_prefix("user:")
            .and_then(|id| id.parse::<i64>().ok())
            .filter(|_| grants.iter().any(|(r, _)| *r == Role::SocialWorker))
        {
            figures.push(Figure {
                value: num(figures::applications_assigned(store, &processing, me).await?),
                label: chrome.t("fig-applications-mine"),
                href: "/applications?mine=1".into(),
                alert: false,
            });
        }
        let overdue = figures::applications_overdue(store, &processing, &today).await?;
        figures.push(Figure {
            value: num(overdue),
            label: chrome.t("fig-applications-overdue"),
            href: "/applications".into(),
            alert: overdue > 0,
        });
        let by_status = figures::applications_by_status(store, &processing).await?;
        figures.extend(by_status.iter().map(|&(status, n)| Figure {
            value: num(n),
            label: chrome.t2("app-status", status),
            href: format!("/applications?status={status}"),
            alert: false,
        }));
        counted.applications = Some(by_status);
        groups.push(FigureGroup {
            title: chrome.t("fig-applications-title"),
            figures,
        });
    }

    if let Some(group) = super::grievances::dashboard_figures(ctx, chrome).await? {
        groups.push(group);
    }

    let owners: Grants = grants
        .iter()
        .filter(|(r, _)| *r == Role::ProgrammeOwner)
        .cloned()
        .collect();
    if !owners.is_empty() {
        groups.push(FigureGroup {
            title: chrome.t("fig-programmes-title"),
            figures: vec![
                Figure {
                    value: num(figures::programmes(store).await?),
                    label: chrome.t("nav-programmes"),
                    href: "/programmes".into(),
                    alert: false,
                },
                Figure {
                    value: num(figures::households(store, &owners).await?),
                    label: chrome.t("fig-households"),
                    href: "/registry/households".into(),
                    alert: false,
                },
            ],
        });
    }

    if super::audit::may_read_trail(ctx.user.as_ref()) {
        groups.push(FigureGroup {
            title: chrome.t("audit-title"),
            figures: vec![Figure {
                value: num(figures::audit_entries_on(store, &today).await?),
                label: chrome.t("fig-audit-today"),
                href: format!("/audit?from={today}&to={today}"),
                alert: false,
            }],
        });
    }
    Ok((groups, counted))
}

impl DashboardPage {
    fn queue_text(&self) -> String {
        match self.queue {
            Some((waiting, overdue)) if overdue > 0 => format!(
                "{} — {}",
                self.chrome.tn("auth-queue-count", waiting),
                self.chrome.tn("auth-queue-overdue", overdue)
            ),
            Some((waiting, _)) => self.chrome.tn("auth-queue-count", waiting),
            None => String::new(),
        }
    }

    fn over_line(&self, o: &jisr_store::care::OverCapacity) -> String {
        self.chrome.targs(
            "care-over-capacity-line",
            &[
                ("male", o.occupancy.male.to_string()),
                ("female", o.occupancy.female.to_string()),
                ("capacity_male", o.capacity.male.to_string()),
                ("capacity_female", o.capacity.female.to_string()),
            ],
        )
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DashboardQuery {
    changed: Option<String>,
}

pub async fn dashboard(ctx: Ctx, Query(q): Query<DashboardQuery>) -> Result<Response, WebError> {
    let audit_reader = super::audit::may_read_trail(ctx.user.as_ref());
    let user_admin = ctx.can(Capability::AdministerAccounts);
    let chrome = ctx.chrome("dashboard-title");
    let changed = q.changed.is_some();
    let grants = ctx.grants();
    let queue = if grants.can(Capability::DecideAuthorisations) {
        let rows = jisr_store::establishments::Scoped::from(ctx.access())
            .queue()
            .await?;
        let today = jisr_domain::time::today();
        let overdue = rows
            .iter()
            .filter(|r| {
                chrono::NaiveDate::parse_from_str(&r.request.due_on, "%Y-%m-%d")
                    .is_ok_and(|due| due < today)
            })
            .count();
        Some((rows.len(), overdue))
    } else {
        None
    };
    let overseen = grants.holding(Capability::OverseeCapacity);
    let over_capacity = if overseen.is_empty() {
        None
    } else {
        Some(
            jisr_store::care::Scoped::from(Access::new(&ctx.state.store, overseen))
                .over_capacity()
                .await?,
        )
    };
    let (figures, counted) = figures(&ctx, &chrome).await?;
    let charts = charts(&ctx, &chrome, &counted).await?;
    let announcements = super::announcements::dashboard_items(&ctx, &chrome).await?;
    Ok(render(DashboardPage {
        announcements,
        charts,
        chrome,
        audit_reader,
        user_admin,
        changed,
        queue,
        over_capacity,
        figures,
    })?
    .into_response())
}

#[derive(Template)]
#[template(path = "account/password.html")]
struct PasswordPage {
    chrome: Chrome,
    forced: bool,
    errors: FieldErrors,
}

pub async fn password_form(ctx: Ctx) -> Result<Response, WebError> {
    let forced = ctx.user.as_ref().is_some_and(|u| u.must_change_password);
    Ok(render(PasswordPage {
        chrome: ctx.chrome("password-title"),
        forced,
        errors: FieldErrors::default(),
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
            Ok(fresh) => {
                let cookie = session_cookie(&ctx, &fresh, None);
                return Ok((
                    [(header::SET_COOKIE, cookie)],
                    Redirect::to("/dashboard?changed=1"),
                )
                    .into_response());
            }
            Err(StoreError::Invalid(code)) if code == "current-password" => {
                errors.push(("current", "password-error-current"))
            }
            Err(StoreError::Invalid(code)) if code == "locked" => {
                errors.push(("current", "login-error-locked"))
            }
            Err(StoreError::Invalid(code)) if code == "same-password" => {
                errors.push(("new", "password-error-same"))
            }
            Err(e) => return Err(e.into()),
        }
    }
    let forced = user.must_change_password;
    let errors = FieldErrors::translate(&chrome, errors);
    let page = render(PasswordPage {
        chrome,
        forced,
        errors,
    })?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Template)]
#[template(path = "account/totp_login.html")]
struct TotpLoginPage {
    chrome: Chrome,
    error: Option<String>,
}

/// The one-time code form, for a session whose password was right.
pub async fn totp_login_form(
    ctx: Ctx,
    pending: Option<axum::Extension<PendingSecondFactor>>,
) -> Result<Response, WebError> {
    if pending.is_none() {
        return Ok(Redirect::to("/login").into_response());
    }
    Ok(render(TotpLoginPage {
        chrome: ctx.chrome("totp-login-title"),
        error: None,
    })?
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeForm {
    code: String,
}

pub async fn totp_login(
    ctx: Ctx,
    pending: Option<axum::Extension<PendingSecondFactor>>,
    Form(f): Form<CodeForm>,
) -> Result<Response, WebError> {
    let (Some(_), Some(token)) = (pending, ctx.token.as_deref()) else {
        return Ok(Redirect::to("/login").into_response());
    };
    let outcome = sessions::complete_second_factor(
        &ctx.state.store,
        token,
        &f.code,
        &ctx.actor,
        chrono::Utc::now(),
    )
    .await?;
    let (status, key) = match outcome {
        SignIn::Ok { user, token } => {
            let target = if user.must_change_password {
                "/account/password"
            } else {
                "/dashboard"
            };
            let cookie = session_cookie(&ctx, &token, None);
            return Ok(([(header::SET_COOKIE, cookie)], Redirect::to(target)).into_response());
        }
        SignIn::Invalid => (StatusCode::UNPROCESSABLE_ENTITY, "totp-error-invalid"),
        SignIn::Locked => (StatusCode::TOO_MANY_REQUESTS, "login-error-locked"),
    };
    let chrome = ctx.chrome("totp-login-title");
    let error = Some(chrome.t(key));
    Ok((status, render(TotpLoginPage { chrome, error })?).into_response())
}

#[derive(Template)]
#[template(path = "account/totp_enrol.html")]
struct TotpEnrolPage {
    chrome: Chrome,
    enabled: bool,
    required: bool,
    secret: String,
    uri: String,
    error: Option<String>,
}

async fn enrol_page(ctx: &Ctx, error: Option<&str>) -> Result<TotpEnrolPage, WebError> {
    let user = ctx.user.as_ref().ok_or(WebError::Unauthorized)?;
    let chrome = ctx.chrome("totp-enrol-title");
    let required = user.needs_second_factor_enrolment();
    if user.totp_enabled {
        return Ok(TotpEnrolPage {
            chrome,
            enabled: true,
            required,
            secret: String::new(),
            uri: String::new(),
            error: None,
        });
    }
    let secret =
        sessions::totp_secret_for_enrolment(&ctx.state.store, user.user_id, &ctx.actor).await?;
    let uri = jisr_domain::totp::otpauth_uri(&chrome.t("site-name"), &user.username, &secret);
    let error = error.map(|k| chrome.t(k));
    Ok(TotpEnrolPage {
        chrome,
        enabled: false,
        required,
        secret,
        uri,
        error,
    })
}

/// Enrolment of the second factor: the secret to type or import, then a first code.
pub async fn totp_enrol_form(ctx: Ctx) -> Result<Response, WebError> {
    Ok(render(enrol_page(&ctx, None).await?)?.into_response())
}

pub async fn totp_enrol(ctx: Ctx, Form(f): Form<CodeForm>) -> Result<Response, WebError> {
    let user = ctx.user.as_ref().ok_or(WebError::Unauthorized)?;
    if sessions::confirm_totp(
        &ctx.state.store,
        user.user_id,
        &f.code,
        &ctx.actor,
        chrono::Utc::now(),
    )
    .await?
    {
        return Ok(Redirect::to("/dashboard").into_response());
    }
    let page = enrol_page(&ctx, Some("totp-error-invalid")).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    Routes::new()
        .add(Method::GET, "/login", "/login", Public, get(login_form))
        .add(Method::POST, "/login", "/login", Public, post(login))
        .add(Method::POST, "/logout", "/logout", Public, post(logout))
        .add(
            Method::GET,
            "/dashboard",
            "/dashboard",
            SignedIn,
            get(dashboard),
        )
        .add(
            Method::GET,
            "/account/password",
            "/account/password",
            SignedIn,
            get(password_form),
        )
        .add(
            Method::POST,
            "/account/password",
            "/account/password",
            SignedIn,
            post(change_password),
        )
        .add(
            Method::GET,
            "/login/totp",
            "/login/totp",
            Public,
            get(totp_login_form),
        )
        .add(
            Method::POST,
            "/login/totp",
            "/login/totp",
            Public,
            post(totp_login),
        )
        .add(
            Method::GET,
            "/account/totp",
            "/account/totp",
            SignedIn,
            get(totp_enrol_form),
        )
        .add(
            Method::POST,
            "/account/totp",
            "/account/totp",
            SignedIn,
            post(totp_enrol),
        )
}
