//! Who is asking: the session cookie, the route policies, and CSRF protection.
//!
//! Every route is declared through [`Routes`] with a [`Policy`] and an example path; the
//! policy is enforced by a layer on that route, and the table of declarations drives the
//! permission-matrix test, so a route cannot exist without a declared policy.

use crate::locale::cookie_value;
use crate::{AppState, WebError};
use axum::Router;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::MethodRouter;
use jisr_domain::access::Capability;
use jisr_domain::session::SessionPolicy;
use jisr_store::audit::Actor;
use jisr_store::sessions::SessionUser;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use utoipa::openapi::RefOr;
use utoipa::openapi::path::{PathItem, Paths};
use utoipa::openapi::schema::Schema;

pub const SESSION_COOKIE: &str = "jisr_session";

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in person.
    SignedIn,
    /// A signed-in person whose role holds this capability (over some scope: which
    /// records they reach is the store's scoped handles' business).
    Can(Capability),
}

impl Policy {
    /// Whether a person with these grants passes.
    pub fn allows(&self, user: Option<&SessionUser>) -> Result<(), Denied> {
        match (self, user) {
            (Policy::Public, _) => Ok(()),
            (_, None) => Err(Denied::SignInFirst),
            (Policy::SignedIn, Some(_)) => Ok(()),
            (Policy::Can(capability), Some(u)) => {
                if u.grants.can(*capability) {
                    Ok(())
                } else {
                    Err(Denied::Forbidden)
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    SignInFirst,
    Forbidden,
}

/// One declared route.
#[derive(Debug, Clone)]
pub struct RouteInfo {
    pub method: Method,
    pub path: &'static str,
    /// A concrete path to request in tests.
    pub example: &'static str,
    /// For a route about one record: a concrete path to a record that people with a
    /// provincial or regional scope must not see (answers 404 to them).
    pub out_of_scope: Option<&'static str>,
    pub policy: Policy,
}

/// A router under construction that records every route with its policy, and for API
/// routes their OpenAPI description, taken from the handler's own `#[utoipa::path]`.
/// Each context builds one and the top merges them.
pub struct Routes {
    methods: BTreeMap<&'static str, MethodRouter<AppState>>,
    pub table: Vec<RouteInfo>,
    api_paths: Paths,
    api_schemas: Vec<(String, RefOr<Schema>)>,
}

/// What `utoipa_axum::routes!(handler)` gives: the handler's schemas, its documented
/// path and the method router serving it.
pub type ApiRoute = utoipa_axum::router::UtoipaMethodRouter<AppState>;

impl Routes {
    pub fn new() -> Self {
        Self {
            methods: BTreeMap::new(),
            table: Vec::new(),
            api_paths: Paths::new(),
            api_schemas: Vec::new(),
        }
    }

    /// Declares `method path` with its policy; `route` is e.g. `get(handler)`.
    pub fn add(
        self,
        method: Method,
        path: &'static str,
        example: &'static str,
        policy: Policy,
        route: MethodRouter<AppState>,
    ) -> Self {
        self.add_record(method, path, example, None, policy, route)
    }

    /// Declares a route about one record, with an example outside a provincial scope.
    pub fn add_record(
        mut self,
        method: Method,
        path: &'static str,
        example: &'static str,
        out_of_scope: Option<&'static str>,
        policy: Policy,
        route: MethodRouter<AppState>,
    ) -> Self {
        let guarded = route.route_layer(axum::middleware::from_fn(
            move |req: Request, next: Next| enforce(policy, req, next),
        ));
        let merged = match self.methods.remove(path) {
            Some(existing) => existing.merge(guarded),
            None => guarded,
        };
        self.methods.insert(path, merged);
        self.table.push(RouteInfo {
            method,
            path,
            example,
            out_of_scope,
            policy,
        });
        self
    }

    /// Declares an API operation: its path, method and documentation are the handler's
    /// `#[utoipa::path]`, written once (`utoipa_axum::routes!(handler)`).
    pub fn api(self, example: &'static str, policy: Policy, route: ApiRoute) -> Self {
        self.api_record(example, None, policy, route)
    }

    /// Declares an API operation about one record, with an example outside a provincial
    /// scope.
    pub fn api_record(
        mut self,
        example: &'static str,
        out_of_scope: Option<&'static str>,
        policy: Policy,
        (schemas, paths, router): ApiRoute,
    ) -> Self {
        let declared: Vec<(String, Vec<Method>)> = paths
            .paths
            .iter()
            .map(|(path, item)| (path.clone(), methods_of(item)))
            .collect();
        let [(path, methods)] = declared.as_slice() else {
            panic!("one API operation per declaration, got {declared:?}");
        };
        let [method] = methods.as_slice() else {
            panic!("{path}: one method per API operation, got {methods:?}");
        };
        let path: &'static str = Box::leak(path.clone().into_boxed_str());
        self = self.add_record(method.clone(), path, example, out_of_scope, policy, router);
        let mut paths = paths;
        for item in paths.paths.values_mut() {
            for op in operations_mut(item) {
                crate::api::problem::complete(op, policy);
            }
        }
        self.api_paths.merge(paths);
        self.api_schemas.extend(schemas);
        self
    }

    pub fn nest(mut self, prefix: &'static str, other: Routes) -> Self {
        for (path, mr) in other.methods {
            let full: &'static str = Box::leak(format!("{prefix}{path}").into_boxed_str());
            self.methods.insert(full, mr);
        }
        for mut info in other.table {
            info.path = Box::leak(format!("{prefix}{}", info.path).into_boxed_str());
            info.example = Box::leak(format!("{prefix}{}", info.example).into_boxed_str());
            info.out_of_scope = info
                .out_of_scope
                .map(|p| &*Box::leak(format!("{prefix}{p}").into_boxed_str()));
            self.table.push(info);
        }
        self
    }

    pub fn merge(mut self, other: Routes) -> Self {
        for (path, mr) in other.methods {
            let merged = match self.methods.remove(path) {
                Some(existing) => existing.merge(mr),
                None => mr,
            };
            self.methods.insert(path, merged);
        }
        self.table.extend(other.table);
        self.api_paths.merge(other.api_paths);
        self.api_schemas.extend(other.api_schemas);
        self
    }

    /// Adds the declared API operations and the schemas they use to `doc`.
    pub fn document(&self, doc: &mut utoipa::openapi::OpenApi) {
        doc.paths.merge(self.api_paths.clone());
        let components = doc.components.get_or_insert_with(Default::default);
        for (name, schema) in &self.api_schemas {
            components
                .schemas
                .entry(name.clone())
                .or_insert_with(|| schema.clone());
        }
    }

    pub fn into_router(self) -> Router<AppState> {
        self.methods
            .into_iter()
            .fold(Router::new(), |r, (path, mr)| r.route(path, mr))
    }
}

/// The operations of a documented path item.
fn operations_mut(
    item: &mut PathItem,
) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    [
        &mut item.get,
        &mut item.post,
        &mut item.put,
        &mut item.patch,
        &mut item.delete,
        &mut item.head,
        &mut item.options,
        &mut item.trace,
    ]
    .into_iter()
    .filter_map(Option::as_mut)
}

/// The HTTP methods a documented path item has operations for.
fn methods_of(item: &PathItem) -> Vec<Method> {
    [
        (&item.get, Method::GET),
        (&item.post, Method::POST),
        (&item.put, Method::PUT),
        (&item.patch, Method::PATCH),
        (&item.delete, Method::DELETE),
        (&item.head, Method::HEAD),
        (&item.options, Method::OPTIONS),
        (&item.trace, Method::TRACE),
    ]
    .into_iter()
    .filter(|(op, _)| op.is_some())
    .map(|(_, m)| m)
    .collect()
}

impl Default for Routes {
    fn default() -> Self {
        Self::new()
    }
}

async fn enforce(policy: Policy, req: Request, next: Next) -> Response {
    let user = req.extensions().get::<SessionUser>();
    match policy.allows(user) {
        Ok(()) => next.run(req).await,
        Err(Denied::SignInFirst) if req.uri().path().starts_with("/api/") => {
            WebError::Unauthorized.into_response()
        }
        Err(Denied::SignInFirst) => {
            let next_path = req
                .uri()
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/");
            let target = format!("/login?next={}", crate::view::encode_path(next_path));
            Redirect::to(&target).into_response()
        }
        Err(Denied::Forbidden) => WebError::Forbidden.into_response(),
    }
}

/// The session token in the request's cookie, if any.
pub fn session_token(parts: &axum::http::request::Parts) -> Option<String> {
    cookie_value(parts, SESSION_COOKIE)
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_owned)
}

/// The token of an `Authorization: Bearer` header.
pub fn bearer_token(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_owned())
}

/// Paths reachable in the middle of signing in (code to give, password to change).
fn always_reachable(path: &str) -> bool {
    path == "/logout" || path.starts_with("/static/") || path.starts_with("/lang/")
}

/// The page a signed-in person must pass first: a password to change, then (for national
/// administrators) a second factor to enrol. One at a time, so they never send each
/// other back and forth.
fn due_step(user: &SessionUser) -> Option<&'static str> {
    if user.must_change_password {
        Some("/account/password")
    } else if user.needs_second_factor_enrolment() {
        Some("/account/totp")
    } else {
        None
    }
}

/// A session whose password was right but whose one-time code is still due.
#[derive(Clone)]
pub struct PendingSecondFactor(pub SessionUser);

/// Resolves the session cookie into a [`SessionUser`] in the request's extensions, and
/// sends a person who must change their password to the form that does it.
pub async fn load_session(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let api = parts.uri.path().starts_with("/api/");
    if let Some(bearer) = bearer_token(&parts.headers).filter(|_| api) {
        match jisr_store::tokens::resolve(&state.store, &bearer).await {
            // A token acts only for an account that has nothing left to settle.
            Ok(Some(user)) if due_step(&user).is_none() => {
                parts.extensions.insert(user);
            }
            Ok(_) => return WebError::Unauthorized.into_response(),
            Err(e) => return WebError::Internal(e.to_string()).into_response(),
        }
    } else if let Some(token) = session_token(&parts) {
        match jisr_store::sessions::resolve(
            &state.store,
            &token,
            &SessionPolicy::default(),
            chrono::Utc::now(),
        )
        .await
        {
            Ok(Some(user)) => {
                let path = parts.uri.path();
                if user.pending_second_factor {
                    // Password given, code not yet: only the code form (and leaving) work.
                    if path != "/login/totp" && !always_reachable(path) {
                        return Redirect::to("/login/totp").into_response();
                    }
                    parts.extensions.insert(PendingSecondFactor(user));
                } else if let Some(due) =
                    due_step(&user).filter(|due| path != *due && !always_reachable(path))
                {
                    return Redirect::to(due).into_response();
                } else {
                    parts.extensions.insert(user);
                }
            }
            Ok(None) => {}
            Err(e) => return WebError::Internal(e.to_string()).into_response(),
        }
    }
    let user = parts.extensions.get::<SessionUser>().cloned();
    let mut res = next.run(Request::from_parts(parts, body)).await;
    // Error pages are rendered outside this layer: tell them who is signed in.
    if let Some(user) = user {
        res.extensions_mut().insert(user);
    }
    res
}

/// Refuses cross-site state-changing requests: the browser's `Sec-Fetch-Site` must say
/// same-origin (or a direct navigation), else the `Origin` must be this host. A request
/// with neither is refused too. Session cookies are also `SameSite=Lax`.
pub async fn csrf_guard(req: Request, next: Next) -> Response {
    // A bearer token is never sent by a browser on its own, so it cannot be forged
    // cross-site; an invalid one is refused by `load_session`.
    // An API call that carries no cookie has no ambient authority to abuse (a public
    // call such as filing an application), so it needs no same-origin proof either.
    let api = req.uri().path().starts_with("/api/");
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || (api && bearer_token(req.headers()).is_some())
        || (api && !req.headers().contains_key(header::COOKIE))
    {
        return next.run(req).await;
    }
    let h = req.headers();
    let fetch_site = h.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let origin = h.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let host = h.get(header::HOST).and_then(|v| v.to_str().ok());
    let same_origin = match (fetch_site, origin) {
        (Some(site), _) => site == "same-origin" || site == "none",
        (None, Some(origin)) => host.is_some_and(|host| {
            origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"))
                == Some(host)
        }),
        (None, None) => false,
    };
    if same_origin {
        next.run(req).await
    } else {
        tracing::warn!("cross-site request refused");
        (StatusCode::FORBIDDEN, WebError::CrossSite).into_response()
    }
}

/// The actor recorded in the audit trail for a request.
pub fn actor(
    user: Option<&SessionUser>,
    parts_ext: &axum::http::Extensions,
    headers: &axum::http::HeaderMap,
) -> Actor {
    let request_id = headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    // The client as the limits read it (behind a trusted proxy, the forwarded address);
    // the socket's peer when no layer read it.
    let address = parts_ext
        .get::<crate::limits::ClientAddress>()
        .map(|c| c.0.to_string())
        .or_else(|| {
            parts_ext
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip().to_string())
        })
        .unwrap_or_default();
    match user {
        Some(u) => Actor {
            label: format!("user:{}", u.user_id),
            role: u
                .grants
                .iter()
                .map(|(r, _)| r.as_str())
                .collect::<Vec<_>>()
                .join(","),
            scope: u
                .grants
                .iter()
                .map(|(_, s)| s.to_string())
                .collect::<Vec<_>>()
                .join(","),
            request_id,
            address,
        },
        None => Actor {
            label: "anonymous".into(),
            role: String::new(),
            scope: String::new(),
            request_id,
            address,
        },
    }
}
