//! Needs models of the admission services: the weights, the points of a missing value,
//! the constant and the region coefficients that rank waiting lists, read and changed by
//! programme owners and national administrators. The terms themselves (inputs and
//! transforms) are shown, not edited here.

use super::render;
use super::waiting::decimal;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::Capability;
use jisr_domain::services::{parameter, parse_parameter};
use jisr_store::services::{self, NeedsModelError};
use jisr_targeting::score::{ScoreModel, TermInput, Transform};
use std::collections::HashMap;

pub(crate) struct ServiceRow {
    pub code: String,
    pub name: String,
    pub terms: usize,
}

#[derive(Template)]
#[template(path = "applications/needs_models.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<ServiceRow>,
}

pub async fn list(ctx: Ctx) -> Result<Response, WebError> {
    let chrome = ctx.chrome("needs-models-title");
    let rows = services::catalogue(&ctx.state.store, None)
        .await?
        .into_iter()
        .filter_map(|s| {
            services::needs_model(&s).map(|m| ServiceRow {
                name: chrome.name(&s.name_ar, &s.name_fr).to_owned(),
                code: s.code,
                terms: m.terms.len(),
            })
        })
        .collect();
    render(ListPage { chrome, rows }).map(IntoResponse::into_response)
}

/// One term as the form shows it.
pub(crate) struct TermRow {
    pub id: String,
    pub label: String,
    /// The input as written in the rule language (an expression, or a category field with
    /// its points).
    pub input: String,
    /// For a category input: the points of values not listed, worded.
    pub others: Option<String>,
    pub transforms: String,
    pub weight: String,
    pub missing: String,
}

pub(crate) struct RegionRow {
    pub code: String,
    pub name: String,
    pub coefficient: String,
}

#[derive(Template)]
#[template(path = "applications/needs_model.html")]
struct EditPage {
    chrome: Chrome,
    code: String,
    intercept: String,
    terms: Vec<TermRow>,
    regions: Vec<RegionRow>,
    errors: FieldErrors,
    saved: bool,
}

/// A region's coefficient in a model (1 when the model does not name the region).
fn coefficient(model: &ScoreModel, region: &str) -> f32 {
    model
        .region_coefficients
        .iter()
        .find(|(c, _)| c == region)
        .map_or(1.0, |(_, v)| *v)
}

fn transform_text(t: &Transform) -> String {
    match t {
        Transform::Log1p => "ln(1 + x)".into(),
        Transform::Cap { max } => format!("min(x, {})", decimal(f64::from(*max))),
        Transform::Floor { min } => format!("max(x, {})", decimal(f64::from(*min))),
        Transform::Linear { scale, offset } => format!(
            "x × {} + {}",
            decimal(f64::from(*scale)),
            decimal(f64::from(*offset))
        ),
    }
}

fn input_text(chrome: &Chrome, input: &TermInput) -> (String, Option<String>) {
    match input {
        TermInput::Expr { expr } => (expr.clone(), None),
        TermInput::Category {
            field,
            points,
            default,
        } => (
            format!(
                "{field}: {}",
                points
                    .iter()
                    .map(|(v, p)| format!("{v} = {}", decimal(f64::from(*p))))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Some(chrome.t1(
                "needs-model-others",
                "default",
                &decimal(f64::from(*default)),
            )),
        ),
    }
}

async fn page(
    ctx: &Ctx,
    code: &str,
    typed: Option<&HashMap<String, String>>,
    errors: FieldErrors,
    saved: bool,
) -> Result<EditPage, WebError> {
    let service = services::get(&ctx.state.store, code).await?;
    let model = services::needs_model(&service).ok_or(WebError::NotFound)?;
    let chrome = ctx.chrome("needs-models-title");
    let title = chrome.t1(
        "needs-model-title",
        "service",
        chrome.name(&service.name_ar, &service.name_fr),
    );
    let chrome = chrome.with_title(title);
    let value = |key: String, stored: f32| match typed.and_then(|t| t.get(&key)) {
        Some(v) => v.clone(),
        None => decimal(f64::from(stored)),
    };
    let terms = model
        .terms
        .iter()
        .map(|t| {
            let (input, others) = input_text(&chrome, &t.input);
            TermRow {
                label: chrome.t2("needs-term", &t.id),
                input,
                others,
                transforms: if t.transforms.is_empty() {
                    chrome.t("needs-model-none")
                } else {
                    t.transforms
                        .iter()
                        .map(transform_text)
                        .collect::<Vec<_>>()
                        .join(" → ")
                },
                weight: value(format!("weight-{}", t.id), t.weight),
                missing: value(format!("missing-{}", t.id), t.missing),
                id: t.id.clone(),
            }
        })
        .collect();
    let regions = jisr_store::geo::regions(ctx.state.store.conn())
        .await?
        .into_iter()
        .map(|r| {
            let stored = coefficient(&model, &r.code);
            RegionRow {
                coefficient: value(format!("coef-{}", r.code), stored),
                name: chrome.name(&r.name_ar, &r.name_fr).to_owned(),
                code: r.code,
            }
        })
        .collect();
    Ok(EditPage {
        intercept: value("intercept".into(), model.intercept),
        code: code.to_owned(),
        terms,
        regions,
        errors,
        saved,
        chrome,
    })
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct EditQuery {
    pub saved: String,
}

pub async fn show(
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<EditQuery>,
) -> Result<Response, WebError> {
    let p = page(
        &ctx,
        &code,
        None,
        FieldErrors::default(),
        !q.saved.is_empty(),
    )
    .await?;
    render(p).map(IntoResponse::into_response)
}

/// Reads the form into a new model: every parameter parsed within its bounds, every
/// refused one named at its field.
fn read(
    model: &ScoreModel,
    form: &HashMap<String, String>,
    regions: &[String],
) -> Result<ScoreModel, Vec<(String, &'static str)>> {
    let mut errors = Vec::new();
    let mut field = |key: String, bounds: (f32, f32), stored: f32| -> f32 {
        match parse_parameter(form.get(&key).map_or("", String::as_str), bounds) {
            Ok(v) => v,
            Err(e) => {
                errors.push((key, e.code()));
                stored
            }
        }
    };
    let mut next = model.clone();
    next.intercept = field("intercept".into(), parameter::INTERCEPT, model.intercept);
    for t in &mut next.terms {
        t.weight = field(format!("weight-{}", t.id), parameter::WEIGHT, t.weight);
        t.missing = field(format!("missing-{}", t.id), parameter::WEIGHT, t.missing);
    }
    next.region_coefficients = regions
        .iter()
        .filter_map(|code| {
            let stored = coefficient(model, code);
            let v = field(format!("coef-{code}"), parameter::COEFFICIENT, stored);
            (v != 1.0).then(|| (code.clone(), v))
        })
        .collect();
    if errors.is_empty() {
        Ok(next)
    } else {
        Err(errors)
    }
}

pub async fn save(
    ctx: Ctx,
    Path(code): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let store = &ctx.state.store;
    let service = services::get(store, &code).await?;
    let model = services::needs_model(&service).ok_or(WebError::NotFound)?;
    let form: HashMap<String, String> = form.into_iter().collect();
    let regions: Vec<String> = jisr_store::geo::regions(store.conn())
        .await?
        .into_iter()
        .map(|r| r.code)
        .collect();
    let refused = match read(&model, &form, &regions) {
        Ok(next) => match services::set_needs_model(store, &ctx.actor, &code, &next).await {
            Ok(()) => {
                return Ok(Redirect::to(&format!("/needs-models/{code}?saved=1")).into_response());
            }
            Err(NeedsModelError::Store(e)) => return Err(e.into()),
            Err(NeedsModelError::Model(e)) => {
                let chrome = ctx.chrome("needs-models-title");
                let mut errors = FieldErrors::default();
                errors.push(
                    "model",
                    chrome.t1("needs-model-error-invalid", "detail", &format!("{e:?}")),
                );
                errors
            }
        },
        Err(list) => {
            let chrome = ctx.chrome("needs-models-title");
            FieldErrors::translate(&chrome, list)
        }
    };
    let p = page(&ctx, &code, Some(&form), refused, false).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(p)?).into_response())
}

/// Whether the person may change needs models (for links).
pub fn may_edit(ctx: &Ctx) -> bool {
    ctx.can(Capability::OwnProgrammes)
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
            "/needs-models",
            "/needs-models",
            Can(Capability::OwnProgrammes),
            get(list),
        )
        .add(
            Method::GET,
            "/needs-models/{code}",
            "/needs-models/disability-centre",
            Can(Capability::OwnProgrammes),
            get(show),
        )
        .add(
            Method::POST,
            "/needs-models/{code}",
            "/needs-models/disability-centre",
            Can(Capability::OwnProgrammes),
            post(save),
        )
}
