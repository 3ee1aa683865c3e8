//! Calls for projects: the list, the form to make or edit one (every error at once, what
//! was typed kept), publication, the committee, and the committee member's own calls.

use super::{all, get, mad, me, refusal, status_label};
use crate::WebError;
use crate::ctx::Ctx;
use crate::pages::render;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::{Capability, Scope};
use jisr_domain::geo::ProvinceCode;
use jisr_domain::grants::{Criterion, DOCUMENTS};
use jisr_store::entity::grant_call;
use jisr_store::grants::{self, CallInput, Scoped};

pub(super) struct Pick {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

struct CallRow {
    id: i64,
    title: String,
    fund: String,
    status: String,
    closes_on: String,
    envelope: String,
}

fn call_status(chrome: &Chrome, c: &grant_call::Model) -> String {
    let today = jisr_domain::time::today().to_string();
    let key = if c.status != "published" {
        "draft"
    } else if c.closes_on.as_str() < today.as_str() {
        "closed"
    } else {
        "open"
    };
    chrome.t2("grants-call-status", key)
}

fn rows(chrome: &Chrome, calls: Vec<grant_call::Model>) -> Vec<CallRow> {
    calls
        .into_iter()
        .map(|c| CallRow {
            id: c.id,
            status: call_status(chrome, &c),
            title: chrome.name(&c.title_ar, &c.title_fr).to_owned(),
            closes_on: chrome.date(&c.closes_on),
            envelope: mad(chrome, c.envelope),
            fund: c.fund,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "grants/calls.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<CallRow>,
    can_run: bool,
    sits: bool,
}

pub(super) async fn list(ctx: Ctx) -> Result<Response, WebError> {
    let chrome = ctx.chrome("grants-calls-title");
    let calls = Scoped::from(ctx.access()).calls(me(&ctx)).await?;
    render(ListPage {
        rows: rows(&chrome, calls),
        can_run: ctx.can(Capability::RunGrantCalls),
        sits: ctx.can(Capability::ScoreGrantApplications),
        chrome,
    })
    .map(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "grants/committee.html")]
struct CommitteePage {
    chrome: Chrome,
    calls: Vec<CommitteeCall>,
}

struct CommitteeCall {
    id: i64,
    title: String,
    status: String,
    apps: Vec<AppRow>,
}

pub(super) struct AppRow {
    pub id: i64,
    pub title: String,
    pub association: String,
    pub requested: String,
    pub status: String,
    pub scored: Option<u32>,
}

pub(super) async fn app_rows(
    ctx: &Ctx,
    chrome: &Chrome,
    call: i64,
    with_my_score: bool,
) -> Result<Vec<AppRow>, WebError> {
    let scoped = Scoped::from(ctx.access());
    let mut out = Vec::new();
    for a in scoped.applications(call, me(ctx)).await? {
        let (_, assoc, _) = scoped.parties(&a).await?;
        let scored = if with_my_score {
            scoped.my_score(a.id, me(ctx)).await?.map(|s| s.total)
        } else {
            None
        };
        out.push(AppRow {
            id: a.id,
            association: assoc
                .map(|x| chrome.name(&x.name_ar, &x.name_fr).to_owned())
                .unwrap_or_default(),
            requested: mad(chrome, a.requested),
            status: status_label(chrome, &a.status),
            title: a.project_title,
            scored,
        })
    }
    Ok(out)
}

pub(super) async fn committee(ctx: Ctx) -> Result<Response, WebError> {
    let chrome = ctx.chrome("grants-committee-title");
    let scoped = Scoped::from(ctx.access());
    let db = ctx.state.store.conn();
    let mut calls = Vec::new();
    for c in scoped.calls(me(&ctx)).await? {
        if !scoped.is_member(db, c.id, me(&ctx)).await? {
            continue;
        }
        calls.push(CommitteeCall {
            id: c.id,
            status: call_status(&chrome, &c),
            title: chrome.name(&c.title_ar, &c.title_fr).to_owned(),
            apps: app_rows(&ctx, &chrome, c.id, true).await?,
        });
    }
    render(CommitteePage { chrome, calls }).map(IntoResponse::into_response)
}

/// One line of the grid in the form.
struct GridRow {
    key: String,
    label_ar: String,
    label_fr: String,
    weight: String,
}

/// Rows of the grid shown in the form.
const GRID_ROWS: usize = 6;

#[derive(Template)]
#[template(path = "grants/call_form.html")]
struct FormPage {
    chrome: Chrome,
    /// The call edited, `None` for a new one.
    id: Option<i64>,
    form: CallInput,
    provinces: Vec<Pick>,
    categories: Vec<Pick>,
    documents: Vec<Pick>,
    grid: Vec<GridRow>,
    published: bool,
    errors: FieldErrors,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<String> {
        let all = self.errors.all_for(field);
        (!all.is_empty()).then(|| all.join(" "))
    }

    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/grants/calls/{id}"),
            None => "/grants/calls".into(),
        }
    }
}

fn grid_rows(criteria: &str) -> Vec<GridRow> {
    let mut rows: Vec<GridRow> = criteria
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let p: Vec<&str> = l.split('|').map(str::trim).collect();
            let at = |i: usize| p.get(i).copied().unwrap_or("").to_owned();
            GridRow {
                key: at(0),
                weight: at(1),
                label_ar: at(2),
                label_fr: at(3),
            }
        })
        .collect();
    while rows.len() < GRID_ROWS {
        rows.push(GridRow {
            key: String::new(),
            label_ar: String::new(),
            label_fr: String::new(),
            weight: String::new(),
        });
    }
    rows
}

async fn form_page(
    ctx: &Ctx,
    id: Option<i64>,
    form: CallInput,
    published: bool,
    errors: FieldErrors,
) -> Result<FormPage, WebError> {
    let chrome = ctx.chrome(if id.is_some() {
        "grants-call-edit-title"
    } else {
        "grants-call-new-title"
    });
    let chosen = |list: &str, v: &str| list.split(',').any(|x| x.trim() == v);
    let provinces = jisr_store::geo::provinces(ctx.state.store.conn(), None)
        .await?
        .into_iter()
        .map(|p| Pick {
            checked: chosen(&form.provinces, &p.code),
            label: chrome.name(&p.name_ar, &p.name_fr).to_owned(),
            value: p.code,
        })
        .collect();
    let categories = jisr_store::establishments::categories(&ctx.state.store)
        .await?
        .into_iter()
        .map(|c| Pick {
            checked: chosen(&form.categories, &c.code),
            label: chrome.name(&c.name_ar, &c.name_fr).to_owned(),
            value: c.code,
        })
        .collect();
    let documents = DOCUMENTS
        .iter()
        .map(|d| Pick {
            checked: chosen(&form.documents, d),
            label: chrome.t2("grants-doc", d),
            value: (*d).to_owned(),
        })
        .collect();
    Ok(FormPage {
        grid: grid_rows(&form.criteria),
        chrome,
        id,
        form,
        provinces,
        categories,
        documents,
        published,
        errors,
    })
}

pub(super) async fn new_form(ctx: Ctx) -> Result<Response, WebError> {
    let page = form_page(&ctx, None, CallInput::default(), false, FieldErrors::default()).await?;
    render(page).map(IntoResponse::into_response)
}

/// The call as typed: lists from the checkboxes, the grid from its rows.
fn input(pairs: &[(String, String)]) -> CallInput {
    let mut criteria = Vec::new();
    for i in 0..GRID_ROWS {
        let f = |name: &str| get(pairs, &format!("grid.{i}.{name}")).trim().to_owned();
        let (label_ar, label_fr, weight) = (f("label_ar"), f("label_fr"), f("weight"));
        if label_ar.is_empty() && label_fr.is_empty() && weight.is_empty() {
            continue;
        }
        let key = match f("key") {
            k if k.is_empty() => format!("c{}", i + 1),
            k => k,
        };
        // `|` separates the columns of the stored grid: it cannot be part of a label.
        let clean = |s: String| s.replace('|', "/");
        criteria.push(format!(
            "{key} | {weight} | {} | {}",
            clean(label_ar),
            clean(label_fr)
        ));
    }
    CallInput {
        fund: get(pairs, "fund").into(),
        title_ar: get(pairs, "title_ar").into(),
        title_fr: get(pairs, "title_fr").into(),
        description_ar: get(pairs, "description_ar").into(),
        description_fr: get(pairs, "description_fr").into(),
        provinces: all(pairs, "provinces").join(","),
        categories: all(pairs, "categories").join(","),
        envelope: get(pairs, "envelope").into(),
        max_per_project: get(pairs, "max_per_project").into(),
        cofinancing_pct: get(pairs, "cofinancing_pct").into(),
        opens_on: get(pairs, "opens_on").into(),
        closes_on: get(pairs, "closes_on").into(),
        decision_on: get(pairs, "decision_on").into(),
        documents: all(pairs, "documents")
            .into_iter()
            .filter(|d| DOCUMENTS.contains(d))
            .collect::<Vec<_>>()
            .join(","),
        criteria: criteria.join("\n"),
    }
}

pub(super) async fn create(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let form = input(&pairs);
    match Scoped::from(ctx.access())
        .create_call(&ctx.actor, &form)
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/grants/calls/{id}")).into_response()),
        Err(e) => {
            let errors = refusal(&ctx.chrome("grants-call-new-title"), e, "fund")?;
            let page = form_page(&ctx, None, form, false, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
    }
}

pub(super) async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let c = Scoped::from(ctx.access()).call(id, me(&ctx)).await?;
    let published = c.status != "draft";
    let page = form_page(
        &ctx,
        Some(id),
        CallInput::from_model(&c),
        published,
        FieldErrors::default(),
    )
    .await?;
    render(page).map(IntoResponse::into_response)
}

pub(super) async fn update(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    let c = scoped.call(id, me(&ctx)).await?;
    let form = input(&pairs);
    match scoped.update_call(&ctx.actor, id, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/grants/calls/{id}")).into_response()),
        Err(e) => {
            let errors = refusal(&ctx.chrome("grants-call-edit-title"), e, "fund")?;
            let page = form_page(&ctx, Some(id), form, c.status != "draft", errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
    }
}

struct Member {
    name: String,
    roles: String,
}

struct GridView {
    label: String,
    weight: u32,
}

#[derive(Template)]
#[template(path = "grants/call.html")]
struct CallPage {
    chrome: Chrome,
    id: i64,
    status: String,
    draft: bool,
    fund: String,
    description: String,
    other_title: String,
    provinces: Vec<String>,
    categories: Vec<String>,
    documents: Vec<String>,
    envelope: String,
    max_per_project: String,
    cofinancing_pct: i32,
    awarded: String,
    remaining: String,
    opens_on: String,
    closes_on: String,
    decision_on: String,
    grid: Vec<GridView>,
    members: Vec<Member>,
    candidates: Vec<Pick>,
    apps: Vec<AppRow>,
    can_run: bool,
    errors: FieldErrors,
}

impl CallPage {
    fn error(&self, field: &str) -> Option<String> {
        let all = self.errors.all_for(field);
        (!all.is_empty()).then(|| all.join(" "))
    }
}

/// Whether a grant's scope reaches one of the call's provinces (national reaches all).
fn reaches(scope: &Scope, provinces: &[String]) -> bool {
    matches!(scope, Scope::National)
        || provinces
            .iter()
            .filter_map(|p| ProvinceCode::parse(p).ok())
            .any(|p| scope.covers_province(&p))
}

async fn call_page(ctx: &Ctx, id: i64, errors: FieldErrors) -> Result<CallPage, WebError> {
    let scoped = Scoped::from(ctx.access());
    let c = scoped.call(id, me(ctx)).await?;
    let chrome = ctx
        .chrome("grants-calls-title")
        .with_title(ctx.chrome("grants-calls-title").name(&c.title_ar, &c.title_fr).to_owned());
    let db = ctx.state.store.conn();
    let terms = grants::terms(&c);
    let province_names = jisr_store::geo::provinces(db, None).await?;
    let provinces = terms
        .provinces
        .iter()
        .map(|code| {
            province_names
                .iter()
                .find(|p| &p.code == code)
                .map_or(code.clone(), |p| chrome.name(&p.name_ar, &p.name_fr).to_owned())
        })
        .collect();
    let cats = jisr_store::establishments::categories(&ctx.state.store).await?;
    let categories = terms
        .categories
        .iter()
        .map(|code| {
            cats.iter()
                .find(|k| &k.code == code)
                .map_or(code.clone(), |k| chrome.name(&k.name_ar, &k.name_fr).to_owned())
        })
        .collect();
    let awarded = scoped.awarded(db, id).await?;
    let can_run = ctx.can(Capability::RunGrantCalls);
    let member_ids = scoped.members(id).await?;
    let accounts = if can_run {
        jisr_store::accounts::accounts(db).await?
    } else {
        Vec::new()
    };
    let roles = |grants: &[(jisr_domain::access::Role, Scope)]| {
        grants
            .iter()
            .filter(|(r, _)| r.can(Capability::ScoreGrantApplications))
            .map(|(r, s)| format!("{} · {}", chrome.t2("role", r.as_str()), chrome.scope_label(s)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut members = Vec::new();
    for uid in &member_ids {
        let account = match accounts.iter().find(|a| a.user.id == *uid) {
            Some(a) => a.clone(),
            None => jisr_store::accounts::account(db, jisr_domain::ids::UserId(*uid)).await?,
        };
        members.push(Member {
            name: account.user.display_name.clone(),
            roles: roles(&account.grants),
        });
    }
    let candidates = accounts
        .iter()
        .filter(|a| !member_ids.contains(&a.user.id))
        .filter(|a| {
            a.grants.iter().any(|(r, s)| {
                r.can(Capability::ScoreGrantApplications) && reaches(s, &terms.provinces)
            })
        })
        .map(|a| Pick {
            value: a.user.id.to_string(),
            label: format!("{} ({})", a.user.display_name, roles(&a.grants)),
            checked: false,
        })
        .collect();
    let grid = terms
        .criteria
        .iter()
        .map(|k: &Criterion| GridView {
            label: chrome.name(&k.label_ar, &k.label_fr).to_owned(),
            weight: k.weight,
        })
        .collect();
    Ok(CallPage {
        id,
        status: call_status(&chrome, &c),
        draft: c.status == "draft",
        description: chrome.name(&c.description_ar, &c.description_fr).to_owned(),
        other_title: chrome.other_name(&c.title_ar, &c.title_fr).to_owned(),
        provinces,
        categories,
        documents: terms
            .documents
            .iter()
            .map(|d| chrome.t2("grants-doc", d))
            .collect(),
        envelope: mad(&chrome, c.envelope),
        max_per_project: mad(&chrome, c.max_per_project),
        cofinancing_pct: c.cofinancing_pct,
        awarded: mad(&chrome, awarded),
        remaining: mad(&chrome, c.envelope - awarded),
        opens_on: chrome.date(&c.opens_on),
        closes_on: chrome.date(&c.closes_on),
        decision_on: chrome.date(&c.decision_on),
        apps: app_rows(ctx, &chrome, id, false).await?,
        fund: c.fund,
        grid,
        members,
        candidates,
        can_run,
        errors,
        chrome,
    })
}

pub(super) async fn call(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    render(call_page(&ctx, id, FieldErrors::default()).await?).map(IntoResponse::into_response)
}

pub(super) async fn publish(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.call(id, me(&ctx)).await?;
    match scoped.publish_call(&ctx.actor, id).await {
        Ok(()) => Ok(Redirect::to(&format!("/grants/calls/{id}")).into_response()),
        Err(e) => {
            let errors = refusal(&ctx.chrome("grants-calls-title"), e, "status")?;
            let page = call_page(&ctx, id, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
    }
}

pub(super) async fn add_member(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.call(id, me(&ctx)).await?;
    let result = match get(&pairs, "user").trim().parse::<i64>() {
        Ok(user) => scoped.add_member(&ctx.actor, id, user).await,
        Err(_) => Err(jisr_store::grants::GrantError::Fields(vec![(
            "user".into(),
            "grants-error-member",
        )])),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/grants/calls/{id}#committee")).into_response()),
        Err(e) => {
            let errors = refusal(&ctx.chrome("grants-calls-title"), e, "user")?;
            let page = call_page(&ctx, id, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
    }
}
