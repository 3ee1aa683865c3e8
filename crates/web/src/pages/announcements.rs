//! Announcements: staff of a territory write drafts to the partners of their territory
//! (by region, province and establishment category) or public news, publish them from a
//! day with an expiry, and withdraw them; another territory's answer "not found". The
//! managers reached read them on their dashboard; anyone reads the news at `/news`.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::Capability;
use jisr_domain::announcements::{AnnouncementInput, Audience};
use jisr_store::announcements::{self as store, AnnouncementError, Scoped};
use jisr_store::entity::announcement;

struct Pick {
    value: String,
    label: String,
    checked: bool,
}

struct Row {
    id: i64,
    title: String,
    audience: String,
    status: String,
    publish_on: String,
    expires_on: String,
}

#[derive(Template)]
#[template(path = "announcements/list.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Row>,
}

fn audience_label(chrome: &Chrome, a: &str) -> String {
    chrome.t(&format!("ann-audience-{a}"))
}

fn status_label(chrome: &Chrome, s: &str) -> String {
    chrome.t(&format!("ann-status-{s}"))
}

pub async fn list(ctx: Ctx) -> Result<Response, WebError> {
    let chrome = ctx.chrome("ann-title");
    let rows = Scoped::from(ctx.access())
        .list()
        .await?
        .into_iter()
        .map(|a| Row {
            id: a.id,
            title: chrome.name(&a.title_ar, &a.title_fr).to_owned(),
            audience: audience_label(&chrome, &a.audience),
            status: status_label(&chrome, &a.status),
            publish_on: a
                .publish_on
                .as_deref()
                .map(|d| chrome.date(d))
                .unwrap_or_default(),
            expires_on: a
                .expires_on
                .as_deref()
                .map(|d| chrome.date(d))
                .unwrap_or_default(),
        })
        .collect();
    render(ListPage { chrome, rows }).map(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "announcements/edit.html")]
struct EditPage {
    chrome: Chrome,
    /// None for a new one.
    id: Option<i64>,
    status: String,
    editable: bool,
    published: bool,
    shows: bool,
    form: AnnouncementInput,
    audiences: Vec<Pick>,
    territories: Vec<Pick>,
    categories: Vec<Pick>,
    errors: FieldErrors,
}

impl EditPage {
    fn error(&self, field: &str) -> Option<String> {
        let all = self.errors.all_for(field);
        (!all.is_empty()).then(|| all.join(" "))
    }

    fn action(&self) -> String {
        match self.id {
            Some(id) => format!("/announcements/{id}"),
            None => "/announcements".into(),
        }
    }
}

async fn edit_page(
    ctx: &Ctx,
    id: Option<i64>,
    row: Option<&announcement::Model>,
    form: AnnouncementInput,
    errors: FieldErrors,
) -> Result<EditPage, WebError> {
    let chrome = ctx.chrome(if id.is_some() {
        "ann-edit-title"
    } else {
        "ann-new-title"
    });
    let chrome = match row {
        Some(a) => {
            let t = chrome.name(&a.title_ar, &a.title_fr).to_owned();
            chrome.with_title(t)
        }
        None => chrome,
    };
    let access = ctx.access();
    let mut territories = Vec::new();
    let regions = jisr_store::geo::regions(ctx.state.store.conn()).await?;
    let provinces = jisr_store::geo::provinces(ctx.state.store.conn(), None).await?;
    for r in &regions {
        let covered = jisr_domain::geo::RegionCode::parse(&r.code).is_ok_and(|code| {
            access.is_national()
                || access
                    .grants()
                    .holding(Capability::PublishAnnouncements)
                    .scopes()
                    .any(|s| jisr_domain::access::Scope::Region(code.clone()).is_within(s))
        });
        if covered {
            territories.push(Pick {
                checked: form.territories.iter().any(|t| t == &r.code),
                label: chrome.name(&r.name_ar, &r.name_fr).to_owned(),
                value: r.code.clone(),
            });
        }
    }
    for p in &provinces {
        if jisr_domain::geo::ProvinceCode::parse(&p.code)
            .is_ok_and(|c| access.can_in_province(Capability::PublishAnnouncements, &c))
        {
            territories.push(Pick {
                checked: form.territories.iter().any(|t| t == &p.code),
                label: chrome.name(&p.name_ar, &p.name_fr).to_owned(),
                value: p.code.clone(),
            });
        }
    }
    let categories = jisr_store::establishments::categories(&ctx.state.store)
        .await?
        .into_iter()
        .map(|c| Pick {
            checked: form.categories.iter().any(|x| x == &c.code),
            label: chrome.name(&c.name_ar, &c.name_fr).to_owned(),
            value: c.code,
        })
        .collect();
    let audiences = Audience::ALL
        .iter()
        .map(|a| Pick {
            value: a.as_str().into(),
            label: audience_label(&chrome, a.as_str()),
            checked: form.audience == a.as_str(),
        })
        .collect();
    let st = row.map(store::status);
    Ok(EditPage {
        id,
        status: row
            .map(|a| status_label(&chrome, &a.status))
            .unwrap_or_default(),
        editable: st.is_none_or(|s| s.editable()),
        published: st == Some(jisr_domain::announcements::Status::Published),
        shows: row.is_some_and(store::shows_today),
        form,
        audiences,
        territories,
        categories,
        errors,
        chrome,
    })
}

fn input_of(pairs: &[(String, String)]) -> AnnouncementInput {
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(x, _)| x == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let all = |k: &str| {
        pairs
            .iter()
            .filter(|(x, _)| x == k)
            .map(|(_, v)| v.clone())
            .collect()
    };
    AnnouncementInput {
        audience: get("audience"),
        title_ar: get("title_ar"),
        title_fr: get("title_fr"),
        body_ar: get("body_ar"),
        body_fr: get("body_fr"),
        territories: all("territories"),
        categories: all("categories"),
        publish_on: get("publish_on"),
        expires_on: get("expires_on"),
    }
}

fn input_from(a: &announcement::Model) -> AnnouncementInput {
    AnnouncementInput {
        audience: a.audience.clone(),
        title_ar: a.title_ar.clone(),
        title_fr: a.title_fr.clone(),
        body_ar: a.body_ar.clone(),
        body_fr: a.body_fr.clone(),
        territories: store::territories(a)
            .iter()
            .filter_map(|s| s.code())
            .collect(),
        categories: store::categories(a),
        publish_on: a.publish_on.clone().unwrap_or_default(),
        expires_on: a.expires_on.clone().unwrap_or_default(),
    }
}

fn fields(ctx: &Ctx, e: AnnouncementError) -> Result<FieldErrors, WebError> {
    match e {
        AnnouncementError::Fields(f) => Ok(FieldErrors::translate(&ctx.chrome("ann-title"), f)),
        AnnouncementError::Store(e) => Err(e.into()),
    }
}

pub async fn new(ctx: Ctx) -> Result<Response, WebError> {
    let form = AnnouncementInput {
        audience: Audience::Partners.as_str().into(),
        ..Default::default()
    };
    render(edit_page(&ctx, None, None, form, FieldErrors::default()).await?)
        .map(IntoResponse::into_response)
}

pub async fn create(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let input = input_of(&pairs);
    match Scoped::from(ctx.access()).create(&ctx.actor, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/announcements/{id}")).into_response()),
        Err(e) => {
            let errors = fields(&ctx, e)?;
            let page = edit_page(&ctx, None, None, input, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
    }
}

pub async fn edit(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let a = Scoped::from(ctx.access()).find(id).await?;
    let form = input_from(&a);
    render(edit_page(&ctx, Some(id), Some(&a), form, FieldErrors::default()).await?)
        .map(IntoResponse::into_response)
}

async fn refused(
    ctx: &Ctx,
    id: i64,
    input: Option<AnnouncementInput>,
    e: AnnouncementError,
) -> Result<Response, WebError> {
    let errors = fields(ctx, e)?;
    let a = Scoped::from(ctx.access()).find(id).await?;
    let form = input.unwrap_or_else(|| input_from(&a));
    let page = edit_page(ctx, Some(id), Some(&a), form, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

pub async fn update(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let input = input_of(&pairs);
    match Scoped::from(ctx.access())
        .update(&ctx.actor, id, &input)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/announcements/{id}")).into_response()),
        Err(e) => refused(&ctx, id, Some(input), e).await,
    }
}

pub async fn publish(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    match Scoped::from(ctx.access()).publish(&ctx.actor, id).await {
        Ok(()) => Ok(Redirect::to(&format!("/announcements/{id}")).into_response()),
        Err(e) => refused(&ctx, id, None, e).await,
    }
}

pub async fn withdraw(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    match Scoped::from(ctx.access()).withdraw(&ctx.actor, id).await {
        Ok(()) => Ok(Redirect::to(&format!("/announcements/{id}")).into_response()),
        Err(e) => refused(&ctx, id, None, e).await,
    }
}

/// An announcement as the dashboard and the news pages show it.
pub(crate) struct Item {
    pub id: i64,
    pub title: String,
    pub body: Vec<String>,
    pub publish_on: String,
}

fn item(chrome: &Chrome, a: &announcement::Model) -> Item {
    Item {
        id: a.id,
        title: chrome.name(&a.title_ar, &a.title_fr).to_owned(),
        body: chrome
            .name(&a.body_ar, &a.body_fr)
            .split('\n')
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect(),
        publish_on: a
            .publish_on
            .as_deref()
            .map(|d| chrome.date(d))
            .unwrap_or_default(),
    }
}

/// The announcements showing today to the establishments the person manages.
pub(crate) async fn dashboard_items(ctx: &Ctx, chrome: &Chrome) -> Result<Vec<Item>, WebError> {
    Ok(Scoped::from(ctx.access())
        .for_my_establishments()
        .await?
        .iter()
        .map(|a| item(chrome, a))
        .collect())
}

/// The latest public news, for the home page.
pub(crate) async fn latest_news(
    ctx: &Ctx,
    chrome: &Chrome,
    n: usize,
) -> Result<Vec<Item>, WebError> {
    Ok(store::public_news(&ctx.state.store)
        .await?
        .iter()
        .take(n)
        .map(|a| item(chrome, a))
        .collect())
}

#[derive(Template)]
#[template(path = "announcements/news.html")]
struct NewsPage {
    chrome: Chrome,
    items: Vec<Item>,
}

pub async fn news(ctx: Ctx) -> Result<Response, WebError> {
    let chrome = ctx.chrome("ann-news-title");
    let items = latest_news(&ctx, &chrome, usize::MAX).await?;
    render(NewsPage { chrome, items }).map(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "announcements/news_item.html")]
struct NewsItemPage {
    chrome: Chrome,
    item: Item,
}

pub async fn news_item(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let a = store::public_item(&ctx.state.store, id).await?;
    let chrome = ctx.chrome("ann-news-title");
    let item = item(&chrome, &a);
    let chrome = chrome.with_title(item.title.clone());
    render(NewsItemPage { chrome, item }).map(IntoResponse::into_response)
}

/// The pages of announcements, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    let publish_cap = Can(Capability::PublishAnnouncements);
    // Examples: announcement 1 to Rehamna's partners, 2 to Casablanca's, 3 public news
    // of the whole country, published.
    Routes::new()
        .add(
            Method::GET,
            "/announcements",
            "/announcements",
            publish_cap,
            get(list),
        )
        .add(
            Method::POST,
            "/announcements",
            "/announcements",
            publish_cap,
            post(create),
        )
        .add(
            Method::GET,
            "/announcements/new",
            "/announcements/new",
            publish_cap,
            get(new),
        )
        .add_record(
            Method::GET,
            "/announcements/{id}",
            "/announcements/1",
            Some("/announcements/2"),
            publish_cap,
            get(edit),
        )
        .add_record(
            Method::POST,
            "/announcements/{id}",
            "/announcements/1",
            Some("/announcements/2"),
            publish_cap,
            post(update),
        )
        .add_record(
            Method::POST,
            "/announcements/{id}/publish",
            "/announcements/1/publish",
            Some("/announcements/2/publish"),
            publish_cap,
            post(publish),
        )
        .add_record(
            Method::POST,
            "/announcements/{id}/withdraw",
            "/announcements/1/withdraw",
            Some("/announcements/2/withdraw"),
            publish_cap,
            post(withdraw),
        )
        .add(Method::GET, "/news", "/news", Public, get(news))
        .add(Method::GET, "/news/{id}", "/news/3", Public, get(news_item))
}
