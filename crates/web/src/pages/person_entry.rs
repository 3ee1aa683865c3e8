//! Registering one person in the social registry (`/persons/new`): the worker types the
//! person, is shown the registry persons who may be the same one with their reasons
//! (the point-of-entry check, as at admission), and links to one or confirms a new
//! person.

use super::matching::{CheckView, PersonView, check_view, person_view};
use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::person_entry::PersonEntry;
use jisr_store::matching::{Decision, Scoped as MatchScoped};
use jisr_store::registry::entry::{EntryError, Registered, Scoped, entry_record};
use serde::Deserialize;

/// The form, as typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EntryForm {
    pub first_name_ar: String,
    pub last_name_ar: String,
    pub first_name_lat: String,
    pub last_name_lat: String,
    pub birth_date: String,
    pub sex: String,
    pub cin: String,
    pub commune_code: String,
    /// The point-of-entry decision: a registry person's id, `new`, or empty before the
    /// check.
    #[serde(rename = "match")]
    pub matched: String,
    /// The registry persons shown by the check, comma-separated.
    pub shown: String,
}

impl EntryForm {
    fn entry(&self) -> PersonEntry {
        PersonEntry {
            first_name_ar: self.first_name_ar.clone(),
            last_name_ar: self.last_name_ar.clone(),
            first_name_lat: self.first_name_lat.clone(),
            last_name_lat: self.last_name_lat.clone(),
            birth_date: self.birth_date.clone(),
            sex: self.sex.clone(),
            cin: self.cin.clone(),
            commune_code: self.commune_code.clone(),
        }
    }

    fn shown_ids(&self) -> Vec<i64> {
        self.shown
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect()
    }
}

#[derive(Template)]
#[template(path = "matching/entry.html")]
struct EntryPage {
    chrome: Chrome,
    form: EntryForm,
    errors: FieldErrors,
    sexes: Vec<(String, String)>,
    communes: Vec<(String, String)>,
    check: CheckView,
    /// After saving: what was done and to whom.
    done: Option<(String, PersonView)>,
}

async fn page(
    ctx: &Ctx,
    form: EntryForm,
    errors: FieldErrors,
    check: CheckView,
) -> Result<EntryPage, WebError> {
    let chrome = ctx.chrome("person-entry-title");
    let communes = Scoped::from(ctx.access())
        .communes()
        .await?
        .into_iter()
        .map(|c| {
            let name = chrome.name(&c.name_ar, &c.name_fr).to_owned();
            (c.code, name)
        })
        .collect();
    let sexes = jisr_domain::registry::Sex::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), chrome.t2("care-sex", s.as_str())))
        .collect();
    Ok(EntryPage {
        chrome,
        form,
        errors,
        sexes,
        communes,
        check,
        done: None,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneQuery {
    done: String,
    person: Option<i64>,
}

/// The empty form, or what was just saved.
pub async fn new(ctx: Ctx, Query(q): Query<DoneQuery>) -> Result<Response, WebError> {
    let mut p = page(
        &ctx,
        EntryForm::default(),
        FieldErrors::default(),
        CheckView::default(),
    )
    .await?;
    if let Some(id) = q.person
        && matches!(q.done.as_str(), "new" | "linked")
        && let Ok(card) = MatchScoped::from(ctx.access()).person(id).await
    {
        let key = if q.done == "new" {
            "person-entry-done-new"
        } else {
            "person-entry-done-linked"
        };
        p.done = Some((p.chrome.t(key), person_view(&p.chrome, card)));
    }
    render(p).map(IntoResponse::into_response)
}

/// Checks the form, shows the persons who may be the same one, then saves the decision.
pub async fn create(ctx: Ctx, Form(mut form): Form<EntryForm>) -> Result<Response, WebError> {
    let registry = Scoped::from(ctx.access());
    let entry = form.entry();
    let chrome = ctx.chrome("person-entry-title");
    // Every field first: a refused form is shown again with all its errors.
    if let Err(e) = registry.check(&entry).await {
        return refused(&ctx, form, e, &chrome).await;
    }
    let decision = Decision::parse(&form.matched);
    let decision = match decision {
        Some(d) => d,
        None => {
            let found = MatchScoped::from(ctx.access())
                .check(&ctx.actor, "registry", &entry_record(&entry))
                .await?;
            if found.here.is_empty() && found.elsewhere.is_empty() {
                Decision::New
            } else {
                form.shown = found
                    .here
                    .iter()
                    .map(|(c, _)| c.person_id.to_string())
                    .collect::<Vec<_>>()
                    .join(",");
                form.matched = String::new();
                let mut p = page(&ctx, form, FieldErrors::default(), CheckView::default()).await?;
                p.check = check_view(&p.chrome, found);
                return render(p).map(IntoResponse::into_response);
            }
        }
    };
    match registry
        .register(&ctx.actor, &entry, decision, &form.shown_ids())
        .await
    {
        Ok(Registered::Linked(id)) => {
            Ok(Redirect::to(&format!("/persons/new?done=linked&person={id}")).into_response())
        }
        Ok(Registered::New { person_id, .. }) => {
            Ok(Redirect::to(&format!("/persons/new?done=new&person={person_id}")).into_response())
        }
        Err(e) => {
            form.matched = String::new();
            refused(&ctx, form, e, &chrome).await
        }
    }
}

async fn refused(
    ctx: &Ctx,
    form: EntryForm,
    e: EntryError,
    chrome: &Chrome,
) -> Result<Response, WebError> {
    match e {
        EntryError::Fields(fields) => {
            let errors = FieldErrors::translate(chrome, fields);
            let p = page(ctx, form, errors, CheckView::default()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(p)?).into_response())
        }
        EntryError::Store(e) => Err(e.into()),
    }
}

pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    use jisr_domain::access::Capability;
    Routes::new()
        .add(
            Method::GET,
            "/persons/new",
            "/persons/new",
            Can(Capability::RegisterPersons),
            get(new),
        )
        .add(
            Method::POST,
            "/persons/new",
            "/persons/new",
            Can(Capability::RegisterPersons),
            post(create),
        )
}
