//! Managing staff accounts within one's own scope: a national administrator manages
//! everyone; a regional coordinator the provincial staff of the region; a provincial
//! officer the social workers of the province. Accounts outside that answer 404.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::listing::{self, Columns, ListParams, Table, page_number};
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::{Role, Scope, may_grant, may_see_account};
use jisr_domain::ids::UserId;
use jisr_store::StoreError;
use jisr_store::accounts::{self, Account, Password};
use jisr_store::listing::{Direction, Page};
use serde::Deserialize;

fn viewer(ctx: &Ctx) -> &[(Role, Scope)] {
    ctx.user.as_ref().map_or(&[], |u| &u.grants)
}

/// A row of the accounts table.
pub struct Row {
    pub id: i64,
    pub username: String,
    pub name: String,
    pub active: bool,
    pub grants: Vec<String>,
}

fn grant_labels(chrome: &Chrome, grants: &[(Role, Scope)]) -> Vec<String> {
    grants
        .iter()
        .map(|(r, s)| {
            format!(
                "{} · {}",
                chrome.t2("role", r.as_str()),
                chrome.scope_label(s)
            )
        })
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    #[serde(flatten)]
    pub list: ListParams,
}

const COLUMNS: Columns<accounts::Sort> = Columns {
    columns: &[
        ("username", accounts::Sort::Username, Direction::Ascending),
        ("name", accounts::Sort::Name, Direction::Ascending),
        ("status", accounts::Sort::Active, Direction::Ascending),
    ],
    default: ("username", Direction::Ascending),
};

/// Accounts shown on one page.
pub const PAGE_SIZE: u64 = 25;

/// The search, count, table and pager: the part htmx replaces.
#[derive(Template)]
#[template(path = "users/list_region.html")]
struct ListRegion {
    chrome: Chrome,
    rows: Vec<Row>,
    table: Table,
    q: String,
}

impl ListRegion {
    fn count_label(&self) -> String {
        self.chrome.tn("users-count", self.table.total as usize)
    }
}

#[derive(Template)]
#[template(path = "users/list.html")]
struct ListPage {
    chrome: Chrome,
    region: String,
}

/// The accounts the person may manage, sorted and paged by the database.
pub async fn list(ctx: Ctx, Query(q): Query<ListQuery>) -> Result<Response, WebError> {
    let chrome = ctx.chrome("users-title");
    let sorting = COLUMNS.parse(&q.list);
    let db = ctx.state.store.conn();
    let mut page = Page::new(page_number(&q.list), PAGE_SIZE);
    let (mut found, mut total) =
        accounts::visible_page(db, viewer(&ctx), &q.q, sorting.key, sorting.dir, page).await?;
    if page.number > page.count(total) {
        page = Page::new(page.count(total), PAGE_SIZE);
        (found, total) =
            accounts::visible_page(db, viewer(&ctx), &q.q, sorting.key, sorting.dir, page).await?;
    }
    let rows = found
        .into_iter()
        .map(|a| Row {
            id: a.user.id,
            grants: grant_labels(&chrome, &a.grants),
            username: a.user.username,
            name: a.user.display_name,
            active: a.user.active,
        })
        .collect();
    let table = Table::new(
        &chrome,
        "/admin/users",
        "users-region",
        vec![("q", q.q.clone())],
        &COLUMNS,
        &sorting,
        page,
        total,
    );
    let region = render(ListRegion {
        chrome,
        rows,
        table,
        q: q.q,
    })?
    .0;
    listing::respond(ctx.fragment, region, |region| {
        render(ListPage {
            chrome: ctx.chrome("users-title"),
            region,
        })
    })
}

/// A choice in a select.
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The roles and scopes this viewer may grant, for the form's selects.
async fn choices(ctx: &Ctx, chrome: &Chrome) -> Result<(Vec<Choice>, Vec<Choice>), WebError> {
    let v = viewer(ctx);
    let db = ctx.state.store.conn();
    let mut scopes = vec![Scope::National];
    for r in jisr_store::geo::regions(db).await? {
        if let Ok(code) = jisr_domain::geo::RegionCode::parse(&r.code) {
            scopes.push(Scope::Region(code));
        }
    }
    for p in jisr_store::geo::provinces(db, None).await? {
        if let Ok(code) = jisr_domain::geo::ProvinceCode::parse(&p.code) {
            scopes.push(Scope::Province(code));
        }
    }
    let roles: Vec<Choice> = Role::ALL
        .into_iter()
        .filter(|r| *r != Role::EstablishmentManager)
        .filter(|r| scopes.iter().any(|s| may_grant(v, *r, s)))
        .map(|r| Choice {
            value: r.as_str().into(),
            label: chrome.t2("role", r.as_str()),
        })
        .collect();
    let scopes = scopes
        .into_iter()
        .filter(|s| Role::ALL.iter().any(|r| may_grant(v, *r, s)))
        .map(|s| Choice {
            value: s.to_string(),
            label: chrome.scope_label(&s),
        })
        .collect();
    Ok((roles, scopes))
}

/// What was typed in the new-account form, kept when it is shown again with errors.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewUserForm {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub scope: String,
}

#[derive(Template)]
#[template(path = "users/new.html")]
struct NewPage {
    chrome: Chrome,
    form: NewUserForm,
    roles: Vec<Choice>,
    scopes: Vec<Choice>,
    errors: FieldErrors,
}

pub async fn new_form(ctx: Ctx) -> Result<Response, WebError> {
    let chrome = ctx.chrome("users-new-title");
    let (roles, scopes) = choices(&ctx, &chrome).await?;
    Ok(render(NewPage {
        chrome,
        form: NewUserForm::default(),
        roles,
        scopes,
        errors: FieldErrors::default(),
    })?
    .into_response())
}

fn parse_scope(s: &str) -> Option<Scope> {
    let (kind, code) = match s.split_once(':') {
        Some((k, c)) => (k, Some(c)),
        None => (s, None),
    };
    Scope::from_parts(kind, code).ok()
}

#[derive(Template)]
#[template(path = "users/created.html")]
struct CreatedPage {
    chrome: Chrome,
    id: i64,
    username: String,
    password: String,
}

/// Creates an account with one grant and shows its temporary password once.
pub async fn create(ctx: Ctx, Form(form): Form<NewUserForm>) -> Result<Response, WebError> {
    let chrome = ctx.chrome("users-new-title");
    let mut errors: Vec<(&'static str, &'static str)> = Vec::new();
    let username = accounts::parse_username(&form.username);
    if username.is_err() {
        errors.push(("username", "users-error-username"));
    }
    if form.display_name.trim().is_empty() {
        errors.push(("display_name", "users-error-name"));
    }
    let role = Role::parse(&form.role);
    let scope = parse_scope(&form.scope);
    match (role, &scope) {
        (None, _) => errors.push(("role", "users-error-role")),
        (_, None) => errors.push(("scope", "users-error-scope")),
        (Some(r), Some(s)) if !may_grant(viewer(&ctx), r, s) => {
            errors.push(("scope", "users-error-not-allowed"))
        }
        _ => {}
    }
    if let (true, Ok(username), Some(role), Some(scope)) =
        (errors.is_empty(), &username, role, &scope)
    {
        let temporary = Password::temporary();
        let password = Password::parse(&temporary)?;
        match accounts::create_user_with_grant(
            &ctx.state.store,
            &ctx.actor,
            username,
            &form.display_name,
            &password,
            true,
            role,
            scope,
        )
        .await
        {
            Ok(id) => {
                let page = CreatedPage {
                    chrome,
                    id: id.0,
                    username: username.clone(),
                    password: temporary,
                };
                return Ok((StatusCode::CREATED, render(page)?).into_response());
            }
            Err(StoreError::Conflict(_)) => errors.push(("username", "users-error-taken")),
            Err(StoreError::Invalid(_)) => errors.push(("scope", "users-error-scope")),
            Err(e) => return Err(e.into()),
        }
    }
    let (roles, scopes) = choices(&ctx, &chrome).await?;
    let errors = FieldErrors::translate(&chrome, errors);
    let page = NewPage {
        chrome,
        form,
        roles,
        scopes,
        errors,
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

#[derive(Template)]
#[template(path = "users/show.html")]
struct ShowPage {
    chrome: Chrome,
    account: Account,
    grants: Vec<String>,
    roles: Vec<Choice>,
    scopes: Vec<Choice>,
    form: NewUserForm,
    errors: FieldErrors,
}

/// The account, if the viewer may see it; otherwise "not found".
async fn visible_account(ctx: &Ctx, id: i64) -> Result<Account, WebError> {
    let account = accounts::account(ctx.state.store.conn(), UserId(id)).await?;
    if may_see_account(viewer(ctx), &account.grants) {
        Ok(account)
    } else {
        Err(WebError::NotFound)
    }
}

pub async fn show(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let account = visible_account(&ctx, id).await?;
    // A staff account is personal data: opening it is traced.
    jisr_store::audit::record_read(
        &ctx.state.store,
        &ctx.actor,
        jisr_domain::audit::Entity::User,
        &id.to_string(),
    )
    .await?;
    let chrome = ctx
        .chrome("users-title")
        .with_title(account.user.display_name.clone());
    let (roles, scopes) = choices(&ctx, &chrome).await?;
    let grants = grant_labels(&chrome, &account.grants);
    let page = ShowPage {
        chrome,
        account,
        grants,
        roles,
        scopes,
        form: NewUserForm::default(),
        errors: FieldErrors::default(),
    };
    Ok(render(page)?.into_response())
}

/// Adds a grant to an account the viewer may see, within what the viewer may grant.
pub async fn add_grant(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<NewUserForm>,
) -> Result<Response, WebError> {
    let account = visible_account(&ctx, id).await?;
    let mut errors: Vec<(&'static str, &'static str)> = Vec::new();
    let role = Role::parse(&form.role);
    let scope = parse_scope(&form.scope);
    match (role, &scope) {
        (None, _) => errors.push(("role", "users-error-role")),
        (_, None) => errors.push(("scope", "users-error-scope")),
        (Some(r), Some(s)) if !may_grant(viewer(&ctx), r, s) => {
            errors.push(("scope", "users-error-not-allowed"))
        }
        (Some(r), Some(s)) => {
            match accounts::grant_role(&ctx.state.store, &ctx.actor, UserId(id), r, s).await {
                Ok(_) => return Ok(Redirect::to(&format!("/admin/users/{id}")).into_response()),
                Err(StoreError::Conflict(_)) => errors.push(("role", "users-error-duplicate")),
                Err(StoreError::Invalid(_)) => errors.push(("scope", "users-error-scope")),
                Err(e) => return Err(e.into()),
            }
        }
    }
    let chrome = ctx
        .chrome("users-title")
        .with_title(account.user.display_name.clone());
    let (roles, scopes) = choices(&ctx, &chrome).await?;
    let grants = grant_labels(&chrome, &account.grants);
    let errors = FieldErrors::translate(&chrome, errors);
    let page = ShowPage {
        chrome,
        account,
        grants,
        roles,
        scopes,
        form,
        errors,
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    use jisr_domain::access::Capability;
    Routes::new()
        .add(
            Method::GET,
            "/admin/users",
            "/admin/users",
            Can(Capability::AdministerAccounts),
            get(list),
        )
        .add(
            Method::GET,
            "/admin/users/new",
            "/admin/users/new",
            Can(Capability::AdministerAccounts),
            get(new_form),
        )
        .add(
            Method::POST,
            "/admin/users",
            "/admin/users",
            Can(Capability::AdministerAccounts),
            post(create),
        )
        // Examples: account 5 is a Rehamna social worker, account 1 the national administrator.
        .add_record(
            Method::GET,
            "/admin/users/{id}",
            "/admin/users/5",
            Some("/admin/users/1"),
            Can(Capability::AdministerAccounts),
            get(show),
        )
        .add_record(
            Method::POST,
            "/admin/users/{id}/grants",
            "/admin/users/5/grants",
            Some("/admin/users/1/grants"),
            Can(Capability::AdministerAccounts),
            post(add_grant),
        )
}
