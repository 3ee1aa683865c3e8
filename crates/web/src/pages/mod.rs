//! HTML pages, one module per context. Every route is declared with its policy.

mod account;
mod api_docs;
mod applications;
mod associations;
mod audit;
mod authorisation;
mod care;
mod eservices;
mod establishments;
mod geo;
mod home;
mod needs_model;
mod registry_import;
pub(crate) mod targeting;
mod units;
mod uploads;
mod users;
mod waiting;

use crate::auth::{Policy, Routes};
use crate::locale::LANG_COOKIE;
use crate::{AppState, WebError};
use axum::extract::{Path, Query, State};
use axum::http::{Method, header};
use axum::response::{Html, IntoResponse, Redirect};
use axum::routing::{get, post};
pub(crate) use eservices::notice_version;
use jisr_domain::access::Capability;
use jisr_i18n::Locale;

pub fn routes() -> Routes {
    use Policy::*;
    Routes::new()
        .add(Method::GET, "/", "/", Public, get(home::page))
        .add(
            Method::GET,
            "/lang/{tag}",
            "/lang/fr?next=/",
            Public,
            get(switch_language),
        )
        .add(
            Method::GET,
            "/territories",
            "/territories",
            Public,
            get(geo::regions_page),
        )
        .add(
            Method::GET,
            "/territories/regions/{code}",
            "/territories/regions/07",
            Public,
            get(geo::region_page),
        )
        .add(
            Method::GET,
            "/territories/provinces/{code}",
            "/territories/provinces/07.427",
            Public,
            get(geo::province_page),
        )
        .add(Method::GET, "/units", "/units", Public, get(units::page))
        .add(
            Method::GET,
            "/services",
            "/services?need=disability",
            Public,
            get(eservices::catalogue),
        )
        .add(
            Method::GET,
            "/services/{code}",
            "/services/disability-centre?province=07.427",
            Public,
            get(eservices::service_page),
        )
        .add(
            Method::GET,
            "/services/{code}/apply",
            "/services/disability-centre/apply?province=07.427",
            Public,
            get(eservices::apply_form),
        )
        .add(
            Method::POST,
            "/services/{code}/apply",
            "/services/disability-centre/apply",
            Public,
            post(eservices::apply),
        )
        .add(
            Method::GET,
            "/applications",
            "/applications",
            Can(Capability::ProcessApplications),
            get(applications::queue),
        )
        .add(
            Method::GET,
            "/waiting-lists",
            "/waiting-lists",
            Can(Capability::ProcessApplications),
            get(waiting::waiting_lists),
        )
        .add(
            Method::GET,
            "/needs-models",
            "/needs-models",
            Can(Capability::OwnProgrammes),
            get(needs_model::list),
        )
        .add(
            Method::GET,
            "/needs-models/{code}",
            "/needs-models/disability-centre",
            Can(Capability::OwnProgrammes),
            get(needs_model::show),
        )
        .add(
            Method::POST,
            "/needs-models/{code}",
            "/needs-models/disability-centre",
            Can(Capability::OwnProgrammes),
            post(needs_model::save),
        )
        .add(
            Method::GET,
            "/outbox",
            "/outbox",
            Can(Capability::ProcessApplications),
            get(applications::outbox),
        )
        // Examples: application 1 is in Rehamna, application 2 in Casablanca.
        .add_record(
            Method::GET,
            "/applications/{id}",
            "/applications/1",
            Some("/applications/2"),
            Can(Capability::ProcessApplications),
            get(applications::show),
        )
        .add_record(
            Method::GET,
            "/applications/{id}/documents/{doc}",
            "/applications/1/documents/13",
            Some("/applications/2/documents/14"),
            Can(Capability::ProcessApplications),
            get(applications::document),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/assign",
            "/applications/1/assign",
            Some("/applications/2/assign"),
            Can(Capability::ProcessApplications),
            post(applications::assign),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/note",
            "/applications/1/note",
            Some("/applications/2/note"),
            Can(Capability::ProcessApplications),
            post(applications::note),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/assess",
            "/applications/1/assess",
            Some("/applications/2/assess"),
            Can(Capability::ProcessApplications),
            post(applications::assess),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/request-documents",
            "/applications/1/request-documents",
            Some("/applications/2/request-documents"),
            Can(Capability::ProcessApplications),
            post(applications::request_documents),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/decide",
            "/applications/1/decide",
            Some("/applications/2/decide"),
            Can(Capability::ProcessApplications),
            post(applications::decide),
        )
        .add_record(
            Method::POST,
            "/applications/{id}/place",
            "/applications/1/place",
            Some("/applications/2/place"),
            Can(Capability::ProcessApplications),
            post(applications::place),
        )
        .add(
            Method::GET,
            "/track",
            "/track",
            Public,
            get(eservices::track_form),
        )
        .add(
            Method::POST,
            "/track",
            "/track",
            Public,
            post(eservices::track),
        )
        .add(
            Method::POST,
            "/track/documents",
            "/track/documents",
            Public,
            post(eservices::track_documents),
        )
        .add(
            Method::POST,
            "/track/appeal",
            "/track/appeal",
            Public,
            post(eservices::track_appeal),
        )
        .add(Method::GET, "/api", "/api", Public, get(api_docs::page))
        .add(
            Method::GET,
            "/login",
            "/login",
            Public,
            get(account::login_form),
        )
        .add(
            Method::POST,
            "/login",
            "/login",
            Public,
            post(account::login),
        )
        .add(
            Method::POST,
            "/logout",
            "/logout",
            Public,
            post(account::logout),
        )
        .add(
            Method::GET,
            "/dashboard",
            "/dashboard",
            SignedIn,
            get(account::dashboard),
        )
        .add(
            Method::GET,
            "/account/password",
            "/account/password",
            SignedIn,
            get(account::password_form),
        )
        .add(
            Method::POST,
            "/account/password",
            "/account/password",
            SignedIn,
            post(account::change_password),
        )
        .add(
            Method::GET,
            "/audit",
            "/audit",
            Can(Capability::ReadAuditTrail),
            get(audit::page),
        )
        .add(
            Method::POST,
            "/audit/verify",
            "/audit/verify",
            Can(Capability::ReadAuditTrail),
            post(audit::verify),
        )
        .add(
            Method::GET,
            "/admin/users",
            "/admin/users",
            Can(Capability::AdministerAccounts),
            get(users::list),
        )
        .add(
            Method::GET,
            "/admin/users/new",
            "/admin/users/new",
            Can(Capability::AdministerAccounts),
            get(users::new_form),
        )
        .add(
            Method::POST,
            "/admin/users",
            "/admin/users",
            Can(Capability::AdministerAccounts),
            post(users::create),
        )
        // Examples: account 5 is a Rehamna social worker, account 1 the national administrator.
        .add_record(
            Method::GET,
            "/admin/users/{id}",
            "/admin/users/5",
            Some("/admin/users/1"),
            Can(Capability::AdministerAccounts),
            get(users::show),
        )
        .add_record(
            Method::POST,
            "/admin/users/{id}/grants",
            "/admin/users/5/grants",
            Some("/admin/users/1/grants"),
            Can(Capability::AdministerAccounts),
            post(users::add_grant),
        )
        .add(
            Method::GET,
            "/login/totp",
            "/login/totp",
            Public,
            get(account::totp_login_form),
        )
        .add(
            Method::POST,
            "/login/totp",
            "/login/totp",
            Public,
            post(account::totp_login),
        )
        .add(
            Method::GET,
            "/account/totp",
            "/account/totp",
            SignedIn,
            get(account::totp_enrol_form),
        )
        .add(
            Method::POST,
            "/account/totp",
            "/account/totp",
            SignedIn,
            post(account::totp_enrol),
        )
        .add(
            Method::GET,
            "/directory",
            "/directory?province=07.427",
            Public,
            get(establishments::directory),
        )
        .add(
            Method::GET,
            "/establishments",
            "/establishments",
            SignedIn,
            get(establishments::list),
        )
        .add(
            Method::GET,
            "/establishments/new",
            "/establishments/new",
            Can(Capability::RegisterEstablishments),
            get(establishments::new_form),
        )
        .add(
            Method::POST,
            "/establishments",
            "/establishments",
            Can(Capability::RegisterEstablishments),
            post(establishments::create),
        )
        // Examples: establishment 1 is in Rehamna, establishment 2 in Casablanca.
        .add_record(
            Method::GET,
            "/establishments/{id}",
            "/establishments/1",
            Some("/establishments/2"),
            SignedIn,
            get(establishments::show),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/status",
            "/establishments/1/status",
            Some("/establishments/2/status"),
            SignedIn,
            post(establishments::change_status),
        )
        .add_record(
            Method::GET,
            "/establishments/{id}/edit",
            "/establishments/1/edit",
            Some("/establishments/2/edit"),
            Can(Capability::FileAuthorisations),
            get(establishments::edit_form),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/edit",
            "/establishments/1/edit",
            Some("/establishments/2/edit"),
            Can(Capability::FileAuthorisations),
            post(establishments::edit),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/documents",
            "/establishments/1/documents",
            Some("/establishments/2/documents"),
            Can(Capability::FileAuthorisations),
            post(authorisation::attach).layer(axum::extract::DefaultBodyLimit::max(
                authorisation::UPLOAD_BODY_LIMIT,
            )),
        )
        // Examples: documents 1–5 belong to establishment 1, 6–10 to establishment 2.
        .add_record(
            Method::GET,
            "/establishments/{id}/documents/{document}",
            "/establishments/1/documents/1",
            Some("/establishments/2/documents/6"),
            SignedIn,
            get(authorisation::download),
        )
        .add_record(
            Method::GET,
            "/establishments/{id}/receipt",
            "/establishments/1/receipt",
            Some("/establishments/2/receipt"),
            SignedIn,
            get(authorisation::receipt),
        )
        // Examples: admission 1 of beneficiary 1 (with goal 1) is in establishment 1,
        // admission 2 of beneficiary 2 (with goal 2) in establishment 2.
        .add_record(
            Method::GET,
            "/establishments/{id}/register",
            "/establishments/1/register",
            Some("/establishments/2/register"),
            Can(Capability::ReadRegisters),
            get(care::register),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/admissions",
            "/establishments/1/admissions",
            Some("/establishments/2/admissions"),
            Can(Capability::KeepRegisters),
            post(care::admit),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/admissions/{admission}/exit",
            "/establishments/1/admissions/1/exit",
            Some("/establishments/2/admissions/2/exit"),
            Can(Capability::KeepRegisters),
            post(care::exit),
        )
        .add_record(
            Method::GET,
            "/beneficiaries/{id}",
            "/beneficiaries/1",
            Some("/beneficiaries/2"),
            Can(Capability::ReadRegisters),
            get(care::file),
        )
        .add_record(
            Method::POST,
            "/beneficiaries/{id}/goals",
            "/beneficiaries/1/goals",
            Some("/beneficiaries/2/goals"),
            Can(Capability::KeepRegisters),
            post(care::add_goal),
        )
        .add_record(
            Method::POST,
            "/beneficiaries/{id}/goals/{goal}",
            "/beneficiaries/1/goals/1",
            Some("/beneficiaries/2/goals/2"),
            Can(Capability::KeepRegisters),
            post(care::set_goal_status),
        )
        .add_record(
            Method::POST,
            "/beneficiaries/{id}/services",
            "/beneficiaries/1/services",
            Some("/beneficiaries/2/services"),
            Can(Capability::KeepRegisters),
            post(care::log_service),
        )
        .add_record(
            Method::POST,
            "/beneficiaries/{id}/sensitive",
            "/beneficiaries/1/sensitive",
            Some("/beneficiaries/2/sensitive"),
            Can(Capability::ReadSensitiveNotes),
            post(care::update_sensitive),
        )
        .add(
            Method::GET,
            "/associations",
            "/associations",
            SignedIn,
            get(associations::list),
        )
        .add(
            Method::GET,
            "/associations/new",
            "/associations/new",
            Can(Capability::EditAssociations),
            get(associations::new_form),
        )
        .add(
            Method::POST,
            "/associations",
            "/associations",
            Can(Capability::EditAssociations),
            post(associations::create),
        )
        .add(
            Method::GET,
            "/associations/import",
            "/associations/import",
            Can(Capability::EditAssociations),
            get(associations::import_form),
        )
        .add(
            Method::POST,
            "/associations/import",
            "/associations/import",
            Can(Capability::EditAssociations),
            post(associations::import).layer(axum::extract::DefaultBodyLimit::max(
                associations::IMPORT_LIMIT,
            )),
        )
        // Examples: association 1 is in Rehamna, association 2 in Casablanca; board
        // member 1 sits on the first, 2 on the second.
        .add_record(
            Method::GET,
            "/associations/{id}",
            "/associations/1",
            Some("/associations/2"),
            SignedIn,
            get(associations::show),
        )
        .add_record(
            Method::POST,
            "/associations/{id}",
            "/associations/1",
            Some("/associations/2"),
            Can(Capability::EditAssociations),
            post(associations::update),
        )
        .add_record(
            Method::GET,
            "/associations/{id}/edit",
            "/associations/1/edit",
            Some("/associations/2/edit"),
            Can(Capability::EditAssociations),
            get(associations::edit_form),
        )
        .add_record(
            Method::POST,
            "/associations/{id}/board",
            "/associations/1/board",
            Some("/associations/2/board"),
            Can(Capability::EditAssociations),
            post(associations::add_member),
        )
        .add_record(
            Method::POST,
            "/associations/{id}/board/{member}/delete",
            "/associations/1/board/1/delete",
            Some("/associations/2/board/2/delete"),
            Can(Capability::EditAssociations),
            post(associations::remove_member),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/declarations",
            "/establishments/1/declarations",
            Some("/establishments/2/declarations"),
            Can(Capability::FileAuthorisations),
            post(authorisation::declare),
        )
        // Examples: declaration 1 belongs to establishment 1, 2 to establishment 2.
        .add_record(
            Method::GET,
            "/establishments/{id}/declarations/{declaration}",
            "/establishments/1/declarations/1",
            Some("/establishments/2/declarations/2"),
            SignedIn,
            get(authorisation::declaration),
        )
        .add_record(
            Method::POST,
            "/associations/{id}/documents",
            "/associations/1/documents",
            Some("/associations/2/documents"),
            Can(Capability::EditAssociations),
            post(associations::attach).layer(axum::extract::DefaultBodyLimit::max(
                authorisation::UPLOAD_BODY_LIMIT,
            )),
        )
        // Examples: document 11 belongs to association 1, 12 to association 2.
        .add_record(
            Method::GET,
            "/associations/{id}/documents/{document}",
            "/associations/1/documents/11",
            Some("/associations/2/documents/12"),
            SignedIn,
            get(associations::download),
        )
        .add(
            Method::GET,
            "/authorisations",
            "/authorisations",
            Can(Capability::DecideAuthorisations),
            get(authorisation::queue),
        )
        .add(
            Method::GET,
            "/programmes",
            "/programmes",
            SignedIn,
            get(targeting::programmes_list),
        )
        .add(
            Method::GET,
            "/programmes/new",
            "/programmes/new",
            Can(Capability::OwnProgrammes),
            get(targeting::programme_new),
        )
        .add(
            Method::POST,
            "/programmes/new",
            "/programmes/new",
            Can(Capability::OwnProgrammes),
            post(targeting::programme_create),
        )
        .add(
            Method::GET,
            "/programmes/{code}",
            "/programmes/asd",
            SignedIn,
            get(targeting::programme_show),
        )
        .add(
            Method::POST,
            "/programmes/{code}/drafts",
            "/programmes/asd/drafts",
            Can(Capability::OwnProgrammes),
            post(targeting::draft_create),
        )
        .add(
            Method::GET,
            "/programmes/{code}/simulate",
            "/programmes/asd/simulate?version=1",
            Can(Capability::ReadRegistry),
            get(targeting::simulate),
        )
        // Example: version 1 is in force already, so the page answers with its error.
        .add(
            Method::POST,
            "/programmes/{code}/versions/{version}/activate",
            "/programmes/asd/versions/1/activate",
            Can(Capability::OwnProgrammes),
            post(targeting::activate),
        )
        .add(
            Method::GET,
            "/registry/households",
            "/registry/households",
            Can(Capability::ReadRegistry),
            get(targeting::households),
        )
        .add(
            Method::GET,
            "/registry/import",
            "/registry/import",
            Can(Capability::ImportRegistry),
            get(registry_import::form),
        )
        .add(
            Method::POST,
            "/registry/import",
            "/registry/import",
            Can(Capability::ImportRegistry),
            post(registry_import::import).layer(axum::extract::DefaultBodyLimit::max(
                registry_import::IMPORT_LIMIT,
            )),
        )
        // Examples: household 1 is in Rehamna, household 2 in Casablanca.
        .add_record(
            Method::GET,
            "/registry/households/{id}",
            "/registry/households/1",
            Some("/registry/households/2"),
            Can(Capability::ReadRegistry),
            get(targeting::household),
        )
}

/// Renders a template into a response, or an internal error.
pub(crate) fn render(t: impl askama::Template) -> Result<Html<String>, WebError> {
    t.render()
        .map(Html)
        .map_err(|e| WebError::Internal(format!("template: {e}")))
}

#[derive(serde::Deserialize)]
struct Next {
    next: Option<String>,
}

/// A local path to go back to: it must start with one `/` (never another site).
pub(crate) fn safe_next(next: Option<&str>) -> &str {
    // Browsers drop tabs and newlines and read `\` as `/`, so anything but visible ASCII
    // could turn `/\t/host` into `//host`: such values are refused outright.
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && n.bytes().all(|b| b.is_ascii_graphic())
                && !n.contains('\\') =>
        {
            n
        }
        _ => "/",
    }
}

/// Remembers the chosen language in a cookie and goes back to the page.
async fn switch_language(
    State(state): State<AppState>,
    Path(tag): Path<String>,
    Query(q): Query<Next>,
) -> Result<impl IntoResponse, WebError> {
    let locale = Locale::parse(&tag).ok_or(WebError::NotFound)?;
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        locale.tag()
    );
    Ok((
        [(header::SET_COOKIE, cookie)],
        Redirect::to(safe_next(q.next.as_deref())),
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(super::safe_next(Some("/territories")), "/territories");
        assert_eq!(super::safe_next(Some("//evil.example")), "/");
        assert_eq!(super::safe_next(Some("https://evil.example")), "/");
        assert_eq!(super::safe_next(Some("/\\evil.example")), "/");
        assert_eq!(super::safe_next(None), "/");
        assert_eq!(super::safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(super::safe_next(Some("/\n/evil.example")), "/");
        assert_eq!(super::safe_next(Some("/ /evil.example")), "/");
        assert_eq!(
            super::safe_next(Some("/territories?x=1")),
            "/territories?x=1"
        );
    }
}
