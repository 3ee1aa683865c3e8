//! Quality of care in the pages: the inspection grids per category (drafts edited and
//! published), the risk-ranked plan of a province, an establishment's visits, a visit's
//! report (printable) with its grid to fill, and corrective actions answered with
//! evidence, closed or reopened.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Form, Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::Capability;
use jisr_domain::geo::ProvinceCode;
use jisr_domain::quality::{
    ActionParty, Criterion, Level, Measure, Measured, Priority, RiskPart, Section,
};
use jisr_store::entity::{establishment_category, province, quality_visit};
use jisr_store::quality::{
    ActionInput, ActionLine, ConductInput, CriterionInput, Grid, PlanRow, QualityError, Scoped,
    VisitFile,
};
use serde::Deserialize;
use std::collections::HashMap;

/// A form as typed, by field name.
type Typed = HashMap<String, String>;

fn today() -> String {
    chrono::Utc::now()
        .with_timezone(&jisr_domain::time::ZONE)
        .date_naive()
        .to_string()
}

fn category_name(chrome: &Chrome, cats: &[establishment_category::Model], code: &str) -> String {
    cats.iter()
        .find(|c| c.code == code)
        .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

/// The explanation of a measured level, or "not measured".
fn measured_text(chrome: &Chrome, measure: Measure, m: Option<&Measured>) -> String {
    match m {
        Some(m) => chrome.targs(m.key, &m.args),
        None => chrome.t2("quality-not-measured", measure.as_str()),
    }
}

/// The errors of a refused form, translated.
fn translate(chrome: &Chrome, fields: Vec<(String, &'static str)>) -> FieldErrors {
    FieldErrors::translate(chrome, fields)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneQuery {
    done: Option<String>,
    province: Option<String>,
}

fn done_message(chrome: &Chrome, done: Option<&str>) -> Option<String> {
    done.filter(|d| {
        matches!(
            *d,
            "saved"
                | "published"
                | "scheduled"
                | "conducted"
                | "action"
                | "answered"
                | "closed"
                | "reopened"
                | "draft"
        )
    })
    .map(|d| chrome.t2("quality-done", d))
}

// ---------------------------------------------------------------- grids

#[derive(Template)]
#[template(path = "quality/grids.html")]
struct GridsPage {
    chrome: Chrome,
    grids: Vec<Grid>,
    categories: Vec<establishment_category::Model>,
}

impl GridsPage {
    fn category(&self, code: &str) -> String {
        category_name(&self.chrome, &self.categories, code)
    }
    fn title(&self, g: &Grid) -> String {
        self.chrome
            .name(&g.model.title_ar, &g.model.title_fr)
            .to_owned()
    }
}

pub async fn grids(ctx: Ctx) -> Result<Response, WebError> {
    let grids = Scoped::from(ctx.access()).grids().await?;
    let categories = jisr_store::establishments::categories(&ctx.state.store).await?;
    render(GridsPage {
        chrome: ctx.chrome("quality-grids-title"),
        grids,
        categories,
    })
    .map(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "quality/grid.html")]
struct GridPage {
    chrome: Chrome,
    grid: Grid,
    category: String,
    editable: bool,
    /// Whether the person edits grids (new drafts, publishing).
    can_edit: bool,
    /// Rows of the edit form: the criteria, then empty rows to add more.
    rows: usize,
    typed: Option<Typed>,
    errors: FieldErrors,
    sections: Vec<(String, String)>,
    measures: Vec<(String, String)>,
    done: Option<String>,
}

impl GridPage {
    fn text(&self, c: &Criterion) -> String {
        self.chrome.name(&c.text_ar, &c.text_fr).to_owned()
    }
    fn of(&self, section: &str) -> Vec<Criterion> {
        Section::parse(section)
            .map(|s| self.grid.criteria.of(s).cloned().collect())
            .unwrap_or_default()
    }
    /// A field of the edit form: as typed after a refusal, else as stored.
    fn v(&self, name: &str, n: &usize) -> String {
        let key = format!("{name}_{n}");
        if let Some(t) = &self.typed {
            return t.get(&key).cloned().unwrap_or_default();
        }
        let Some(c) = self.grid.criteria.criteria.get(n - 1) else {
            return String::new();
        };
        match name {
            "code" => c.code.clone(),
            "section" => c.section.as_str().to_owned(),
            "text_ar" => c.text_ar.clone(),
            "text_fr" => c.text_fr.clone(),
            "weight" => c.weight.to_string(),
            "critical" => {
                if c.critical {
                    "yes".into()
                } else {
                    String::new()
                }
            }
            "measure" => c.measure.map(|m| m.as_str().to_owned()).unwrap_or_default(),
            _ => String::new(),
        }
    }
    fn title_value(&self, lang: &str) -> String {
        match (&self.typed, lang) {
            (Some(t), _) => t.get(&format!("title_{lang}")).cloned().unwrap_or_default(),
            (None, "ar") => self.grid.model.title_ar.clone(),
            (None, _) => self.grid.model.title_fr.clone(),
        }
    }
    fn err(&self, name: &str, n: &usize) -> Option<String> {
        self.errors
            .error_for(&format!("{name}_{n}"))
            .map(str::to_owned)
    }
    fn edit_fields(&self) -> Vec<(&'static str, &'static str, &'static str)> {
        vec![
            ("code", "text", "ltr"),
            ("text_ar", "text", "rtl"),
            ("text_fr", "text", "ltr"),
            ("weight", "number", "ltr"),
        ]
    }
    fn numbers(&self) -> Vec<usize> {
        (1..=self.rows).collect()
    }
}

async fn grid_page(
    ctx: &Ctx,
    id: i64,
    typed: Option<Typed>,
    errors: FieldErrors,
    done: Option<&str>,
) -> Result<GridPage, WebError> {
    let grid = Scoped::from(ctx.access()).grid(id).await?;
    let categories = jisr_store::establishments::categories(&ctx.state.store).await?;
    let base = ctx.chrome("quality-grid-title");
    let category = category_name(&base, &categories, &grid.model.category_code);
    let title = base
        .name(&grid.model.title_ar, &grid.model.title_fr)
        .to_owned();
    let chrome = base.with_title(title);
    let editable = grid.status() == jisr_domain::quality::GridStatus::Draft
        && ctx.can(Capability::EditQualityGrids);
    let typed_rows = typed
        .as_ref()
        .and_then(|t| t.get("rows"))
        .and_then(|r| r.parse::<usize>().ok())
        .unwrap_or(0)
        .min(200);
    let rows = typed_rows.max(grid.criteria.criteria.len() + 2);
    Ok(GridPage {
        sections: Section::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str().to_owned(),
                    chrome.t2("quality-section", s.as_str()),
                )
            })
            .collect(),
        measures: Measure::ALL
            .iter()
            .map(|m| {
                (
                    m.as_str().to_owned(),
                    chrome.t2("quality-measure", m.as_str()),
                )
            })
            .collect(),
        done: done_message(&chrome, done),
        chrome,
        grid,
        category,
        editable,
        can_edit: ctx.can(Capability::EditQualityGrids),
        rows,
        typed,
        errors,
    })
}

pub async fn grid(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, WebError> {
    let page = grid_page(&ctx, id, None, FieldErrors::default(), q.done.as_deref()).await?;
    render(page).map(IntoResponse::into_response)
}

fn refused(e: QualityError) -> Result<Vec<(String, &'static str)>, WebError> {
    match e {
        QualityError::Fields(f) => Ok(f),
        QualityError::Uploads(_) => Ok(vec![("file-evidence".into(), "doc-error-batch")]),
        QualityError::Role => Err(WebError::Forbidden),
        QualityError::Store(e) => Err(e.into()),
    }
}

pub async fn save_grid(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(typed): Form<Typed>,
) -> Result<Response, WebError> {
    let n = typed
        .get("rows")
        .and_then(|r| r.parse::<usize>().ok())
        .unwrap_or(0)
        .min(200);
    let get = |k: &str| typed.get(k).cloned().unwrap_or_default();
    let rows: Vec<CriterionInput> = (1..=n)
        .map(|i| CriterionInput {
            code: get(&format!("code_{i}")),
            section: get(&format!("section_{i}")),
            text_ar: get(&format!("text_ar_{i}")),
            text_fr: get(&format!("text_fr_{i}")),
            weight: get(&format!("weight_{i}")),
            critical: get(&format!("critical_{i}")) == "yes",
            measure: get(&format!("measure_{i}")),
        })
        // A row left wholly empty is not a criterion.
        .filter(|r| {
            !(r.code.trim().is_empty()
                && r.text_ar.trim().is_empty()
                && r.text_fr.trim().is_empty()
                && r.weight.trim().is_empty())
        })
        .collect();
    match Scoped::from(ctx.access())
        .save_draft(&ctx.actor, id, &get("title_ar"), &get("title_fr"), &rows)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/quality/grids/{id}?done=saved")).into_response()),
        Err(e) => {
            let fields = refused(e)?;
            // Errors name the criteria kept (empty rows dropped): renumber the typed
            // rows the same way so each error stands at its row.
            let mut kept = Typed::new();
            kept.insert("title_ar".into(), get("title_ar"));
            kept.insert("title_fr".into(), get("title_fr"));
            kept.insert("rows".into(), (rows.len() + 2).to_string());
            for (i, r) in rows.iter().enumerate() {
                let k = i + 1;
                kept.insert(format!("code_{k}"), r.code.clone());
                kept.insert(format!("section_{k}"), r.section.clone());
                kept.insert(format!("text_ar_{k}"), r.text_ar.clone());
                kept.insert(format!("text_fr_{k}"), r.text_fr.clone());
                kept.insert(format!("weight_{k}"), r.weight.clone());
                kept.insert(
                    format!("critical_{k}"),
                    if r.critical {
                        "yes".into()
                    } else {
                        String::new()
                    },
                );
                kept.insert(format!("measure_{k}"), r.measure.clone());
            }
            let errors = translate(&ctx.chrome("quality-grid-title"), fields);
            let page = grid_page(&ctx, id, Some(kept), errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
    }
}

pub async fn new_draft(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    match Scoped::from(ctx.access()).new_draft(&ctx.actor, id).await {
        Ok(draft) => {
            Ok(Redirect::to(&format!("/quality/grids/{draft}?done=draft")).into_response())
        }
        Err(e) => {
            refused(e)?;
            Err(WebError::NotFound)
        }
    }
}

pub async fn publish(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    match Scoped::from(ctx.access()).publish(&ctx.actor, id).await {
        Ok(()) => Ok(Redirect::to(&format!("/quality/grids/{id}?done=published")).into_response()),
        Err(e) => {
            let errors = translate(&ctx.chrome("quality-grid-title"), refused(e)?);
            let page = grid_page(&ctx, id, None, errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
    }
}

// ---------------------------------------------------------------- plan

#[derive(Template)]
#[template(path = "quality/plan.html")]
struct PlanPage {
    chrome: Chrome,
    provinces: Vec<province::Model>,
    province: String,
    rows: Vec<PlanRow>,
    categories: Vec<establishment_category::Model>,
    /// Establishments visited within the last twelve months, out of all.
    covered: usize,
    today: String,
}

impl PlanPage {
    fn name(&self, row: &PlanRow) -> String {
        self.chrome
            .name(&row.establishment.name_ar, &row.establishment.name_fr)
            .to_owned()
    }
    fn category(&self, code: &str) -> String {
        category_name(&self.chrome, &self.categories, code)
    }
    fn province_name(&self, p: &province::Model) -> String {
        self.chrome.name(&p.name_ar, &p.name_fr).to_owned()
    }
    fn term(&self, part: &RiskPart) -> String {
        let counted = match part.counted {
            None => {
                return self
                    .chrome
                    .t2("quality-risk-unmeasured", part.term.as_str());
            }
            Some(n) => n,
        };
        let counted = if part.term == jisr_domain::quality::RiskTerm::LastRating {
            jisr_domain::quality::Rating::ALL
                .get(counted as usize)
                .map(|r| self.chrome.t2("quality-rating", r.as_str()))
                .unwrap_or_default()
        } else {
            counted.to_string()
        };
        self.chrome.targs(
            &format!("quality-risk-{}", part.term.as_str()),
            &[("counted", counted), ("points", part.points.to_string())],
        )
    }
    fn coverage(&self) -> String {
        self.chrome.targs(
            "quality-plan-coverage",
            &[
                ("covered", self.covered.to_string()),
                ("total", self.rows.len().to_string()),
            ],
        )
    }
    fn rating(&self, v: &quality_visit::Model) -> String {
        v.rating
            .as_deref()
            .map(|r| self.chrome.t2("quality-rating", r))
            .unwrap_or_default()
    }
}

pub async fn plan(ctx: Ctx, Query(q): Query<DoneQuery>) -> Result<Response, WebError> {
    let grants = ctx.grants();
    let provinces: Vec<province::Model> = jisr_store::geo::provinces(ctx.state.store.conn(), None)
        .await?
        .into_iter()
        .filter(|p| {
            ProvinceCode::parse(&p.code)
                .is_ok_and(|c| grants.can_in_province(Capability::PlanInspections, &c))
        })
        .collect();
    let chosen = match q.province.as_deref().filter(|p| !p.is_empty()) {
        Some(p) => ProvinceCode::parse(p).map_err(|_| WebError::NotFound)?,
        None => match provinces.first() {
            Some(p) => ProvinceCode::parse(&p.code).map_err(|_| WebError::NotFound)?,
            None => return Err(WebError::NotFound),
        },
    };
    let rows = Scoped::from(ctx.access())
        .plan(&chosen)
        .await
        .map_err(|e| refused(e).err().unwrap_or(WebError::NotFound))?;
    let now = chrono::NaiveDate::parse_from_str(&today(), "%Y-%m-%d").unwrap_or_default();
    let covered = rows
        .iter()
        .filter(|r| {
            r.last_visit
                .as_ref()
                .and_then(|v| v.conducted_on.as_deref())
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .is_some_and(|d| jisr_domain::quality::months_between(d, now) < 12)
        })
        .count();
    let categories = jisr_store::establishments::categories(&ctx.state.store).await?;
    render(PlanPage {
        chrome: ctx.chrome("quality-plan-title"),
        provinces,
        province: chosen.as_str().to_owned(),
        rows,
        categories,
        covered,
        today: today(),
    })
    .map(IntoResponse::into_response)
}

// ---------------------------------------------------------------- visits

#[derive(Template)]
#[template(path = "quality/visits.html")]
struct VisitsPage {
    chrome: Chrome,
    establishment: jisr_store::entity::establishment::Model,
    name: String,
    visits: Vec<quality_visit::Model>,
    actions: Vec<ActionLine>,
    can_schedule: bool,
    typed: Typed,
    errors: FieldErrors,
    done: Option<String>,
}

impl VisitsPage {
    /// The latest conducted visit, for its rating.
    fn last_rated(&self) -> Option<&quality_visit::Model> {
        self.visits
            .iter()
            .filter(|v| v.rating.is_some())
            .max_by_key(|v| (v.conducted_on.clone(), v.id))
    }
    fn v(&self, name: &str) -> String {
        self.typed.get(name).cloned().unwrap_or_default()
    }
    fn rating(&self, v: &quality_visit::Model) -> String {
        v.rating
            .as_deref()
            .map(|r| self.chrome.t2("quality-rating", r))
            .unwrap_or_default()
    }
}

async fn visits_page(
    ctx: &Ctx,
    id: i64,
    typed: Typed,
    errors: FieldErrors,
    done: Option<&str>,
) -> Result<VisitsPage, WebError> {
    let (establishment, visits, actions) = Scoped::from(ctx.access()).visits_of(id).await?;
    let base = ctx.chrome("quality-visits-title");
    let name = base
        .name(&establishment.name_ar, &establishment.name_fr)
        .to_owned();
    let chrome = base.with_title(chrome_title(ctx, "quality-visits-of", &name));
    let can_schedule = ProvinceCode::parse(&establishment.province_code).is_ok_and(|p| {
        ctx.grants()
            .can_at_establishment(Capability::PlanInspections, &p, establishment.id)
    });
    Ok(VisitsPage {
        done: done_message(&chrome, done),
        chrome,
        establishment,
        name,
        visits,
        actions,
        can_schedule,
        typed,
        errors,
    })
}

fn chrome_title(ctx: &Ctx, key: &str, name: &str) -> String {
    ctx.chrome(key).t1(key, "name", name)
}

pub async fn visits(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, WebError> {
    let mut typed = Typed::new();
    typed.insert("planned_on".into(), today());
    let page = visits_page(&ctx, id, typed, FieldErrors::default(), q.done.as_deref()).await?;
    render(page).map(IntoResponse::into_response)
}

pub async fn schedule(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(typed): Form<Typed>,
) -> Result<Response, WebError> {
    let get = |k: &str| typed.get(k).cloned().unwrap_or_default();
    match Scoped::from(ctx.access())
        .schedule(
            &ctx.actor,
            id,
            &get("planned_on"),
            get("announced") == "yes",
            &get("inspector"),
        )
        .await
    {
        Ok(visit) => Ok(Redirect::to(&format!("/visits/{visit}?done=scheduled")).into_response()),
        Err(e) => {
            let errors = translate(&ctx.chrome("quality-visits-title"), refused(e)?);
            let page = visits_page(&ctx, id, typed, errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
    }
}

/// Which form of the visit page was refused, with what was typed.
#[derive(Default)]
struct Refused {
    /// `conduct`, `action` or `answer-<id>`.
    form: String,
    typed: Typed,
    errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "quality/visit.html")]
struct VisitPage {
    chrome: Chrome,
    f: VisitFile,
    name: String,
    category: String,
    refused: Refused,
    levels: Vec<(String, String)>,
    parties: Vec<(String, String)>,
    priorities: Vec<(String, String)>,
    done: Option<String>,
    today: String,
}

impl VisitPage {
    fn of(&self, section: &str) -> Vec<Criterion> {
        Section::parse(section)
            .map(|s| self.f.grid.criteria.of(s).cloned().collect())
            .unwrap_or_default()
    }
    fn sections(&self) -> Vec<(String, String)> {
        Section::ALL
            .iter()
            .filter(|s| self.f.grid.criteria.of(**s).next().is_some())
            .map(|s| {
                (
                    s.as_str().to_owned(),
                    self.chrome.t2("quality-section", s.as_str()),
                )
            })
            .collect()
    }
    fn text(&self, c: &Criterion) -> String {
        self.chrome.name(&c.text_ar, &c.text_fr).to_owned()
    }
    fn grid_title(&self) -> String {
        self.chrome
            .name(&self.f.grid.model.title_ar, &self.f.grid.model.title_fr)
            .to_owned()
    }
    /// What the platform measures for a criterion, if it is one it measures.
    fn measured(&self, c: &Criterion) -> Option<String> {
        let m = c.measure?;
        Some(measured_text(
            &self.chrome,
            m,
            self.f.measured.get(&c.code).and_then(|x| x.as_ref()),
        ))
    }
    /// The level chosen in the grid form: as typed, else the measured level.
    fn chosen(&self, c: &Criterion) -> String {
        if self.refused.form == "conduct" {
            return self
                .refused
                .typed
                .get(&format!("level_{}", c.code))
                .cloned()
                .unwrap_or_default();
        }
        self.f
            .measured
            .get(&c.code)
            .and_then(|m| m.as_ref())
            .map(|m| m.level.as_str().to_owned())
            .unwrap_or_default()
    }
    fn typed(&self, form: &str, name: &str) -> String {
        if self.refused.form == form {
            self.refused.typed.get(name).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    }
    fn err(&self, form: &str, name: &str) -> Option<String> {
        (self.refused.form == form)
            .then(|| self.refused.errors.error_for(name).map(str::to_owned))
            .flatten()
    }
    fn form_refused(&self, form: &str) -> bool {
        self.refused.form == form && !self.refused.errors.is_empty()
    }
    /// The stored score of a criterion (a conducted visit).
    fn score_level(&self, c: &Criterion) -> String {
        self.f
            .scores
            .get(&c.code)
            .map(|s| self.chrome.t2("quality-level", s.level.as_str()))
            .unwrap_or_default()
    }
    fn score_class(&self, c: &Criterion) -> String {
        self.f
            .scores
            .get(&c.code)
            .map(|s| s.level.as_str().to_owned())
            .unwrap_or_default()
    }
    fn observation(&self, c: &Criterion) -> String {
        self.f
            .scores
            .get(&c.code)
            .map(|s| s.observation.clone())
            .unwrap_or_default()
    }
    fn was_measured(&self, c: &Criterion) -> bool {
        self.f.scores.get(&c.code).is_some_and(|s| s.measured)
    }
    fn rating(&self) -> String {
        self.f
            .visit
            .rating
            .as_deref()
            .map(|r| self.chrome.t2("quality-rating", r))
            .unwrap_or_default()
    }
    fn criterion_label(&self, code: &str) -> String {
        self.f
            .grid
            .criteria
            .get(code)
            .map(|c| format!("{} — {}", c.code, self.text(c)))
            .unwrap_or_else(|| code.to_owned())
    }
    /// The criteria an action may be opened for, not met ones first.
    fn action_criteria(&self) -> Vec<(String, String)> {
        let mut v: Vec<&Criterion> = self.f.grid.criteria.criteria.iter().collect();
        v.sort_by_key(|c| match self.f.scores.get(&c.code).map(|s| s.level) {
            Some(Level::NotCompliant) => 0,
            Some(Level::Partly) => 1,
            _ => 2,
        });
        v.into_iter()
            .map(|c| (c.code.clone(), format!("{} — {}", c.code, self.text(c))))
            .collect()
    }
    fn is_conducted(&self) -> bool {
        self.f.visit.status == "conducted"
    }
}

async fn visit_page(
    ctx: &Ctx,
    id: i64,
    refused: Refused,
    done: Option<&str>,
) -> Result<VisitPage, WebError> {
    let f = Scoped::from(ctx.access()).visit(id).await?;
    let categories = jisr_store::establishments::categories(&ctx.state.store).await?;
    let base = ctx.chrome("quality-visit-title");
    let name = base
        .name(&f.establishment.name_ar, &f.establishment.name_fr)
        .to_owned();
    let category = category_name(&base, &categories, &f.establishment.category_code);
    let chrome = base.with_title(chrome_title(ctx, "quality-visit-of", &name));
    Ok(VisitPage {
        levels: Level::ALL
            .iter()
            .map(|l| {
                (
                    l.as_str().to_owned(),
                    chrome.t2("quality-level", l.as_str()),
                )
            })
            .collect(),
        parties: ActionParty::ALL
            .iter()
            .map(|p| {
                (
                    p.as_str().to_owned(),
                    chrome.t2("quality-party", p.as_str()),
                )
            })
            .collect(),
        priorities: Priority::ALL
            .iter()
            .map(|p| {
                (
                    p.as_str().to_owned(),
                    chrome.t2("quality-priority", p.as_str()),
                )
            })
            .collect(),
        done: done_message(&chrome, done),
        chrome,
        f,
        name,
        category,
        refused,
        today: today(),
    })
}

pub async fn visit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, WebError> {
    let page = visit_page(&ctx, id, Refused::default(), q.done.as_deref()).await?;
    render(page).map(IntoResponse::into_response)
}

async fn visit_refused(
    ctx: &Ctx,
    id: i64,
    form: &str,
    typed: Typed,
    e: QualityError,
) -> Result<Response, WebError> {
    let errors = translate(&ctx.chrome("quality-visit-title"), refused(e)?);
    let page = visit_page(
        ctx,
        id,
        Refused {
            form: form.to_owned(),
            typed,
            errors,
        },
        None,
    )
    .await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

pub async fn conduct(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(typed): Form<Typed>,
) -> Result<Response, WebError> {
    let mut input = ConductInput {
        conducted_on: typed.get("conducted_on").cloned().unwrap_or_default(),
        findings: typed.get("findings").cloned().unwrap_or_default(),
        ..Default::default()
    };
    for (k, v) in &typed {
        if let Some(code) = k.strip_prefix("level_") {
            let obs = typed
                .get(&format!("observation_{code}"))
                .cloned()
                .unwrap_or_default();
            input.scores.insert(code.to_owned(), (v.clone(), obs));
        }
    }
    // Observations typed without a level are kept with an empty level (refused).
    for (k, v) in &typed {
        if let Some(code) = k.strip_prefix("observation_") {
            input
                .scores
                .entry(code.to_owned())
                .or_insert_with(|| (String::new(), v.clone()));
        }
    }
    match Scoped::from(ctx.access())
        .conduct(&ctx.actor, id, &input)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/visits/{id}?done=conducted")).into_response()),
        Err(e) => visit_refused(&ctx, id, "conduct", typed, e).await,
    }
}

pub async fn open_action(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(typed): Form<Typed>,
) -> Result<Response, WebError> {
    let get = |k: &str| typed.get(k).cloned().unwrap_or_default();
    let input = ActionInput {
        criterion: get("criterion"),
        what: get("what"),
        party: get("party"),
        due_on: get("due_on"),
        priority: get("priority"),
    };
    match Scoped::from(ctx.access())
        .open_action(&ctx.actor, id, &input)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/visits/{id}?done=action#actions")).into_response()),
        Err(e) => visit_refused(&ctx, id, "action", typed, e).await,
    }
}

pub async fn answer(
    ctx: Ctx,
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    let visit = scoped.visit_of_action(id).await?;
    let form = super::uploads::read_form(multipart).await;
    let form_name = format!("answer-{id}");
    let Ok(form) = form else {
        return visit_refused(
            &ctx,
            visit,
            &form_name,
            Typed::new(),
            QualityError::Fields(vec![("file-evidence".into(), "doc-error-unreadable")]),
        )
        .await;
    };
    let text = form.text("answer");
    match scoped
        .answer(
            &ctx.actor,
            &ctx.state.files,
            id,
            &text,
            form.files,
            ctx.state.config.max_upload_bytes,
        )
        .await
    {
        Ok(()) => {
            Ok(Redirect::to(&format!("/visits/{visit}?done=answered#actions")).into_response())
        }
        Err(e) => {
            let mut typed = Typed::new();
            typed.insert("answer".into(), text);
            visit_refused(&ctx, visit, &form_name, typed, e).await
        }
    }
}

async fn verify(ctx: Ctx, id: i64, close: bool) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    let visit = scoped.visit_of_action(id).await?;
    match scoped.verify(&ctx.actor, id, close).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/visits/{visit}?done={}#actions",
            if close { "closed" } else { "reopened" }
        ))
        .into_response()),
        Err(e) => visit_refused(&ctx, visit, &format!("verify-{id}"), Typed::new(), e).await,
    }
}

pub async fn close(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    verify(ctx, id, true).await
}

pub async fn reopen(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    verify(ctx, id, false).await
}

pub async fn download(
    ctx: Ctx,
    Path((id, document_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let (doc, bytes) = Scoped::from(ctx.access())
        .document(&ctx.actor, &ctx.state.files, id, document_id)
        .await?;
    Ok(super::uploads::file_response(&doc, bytes))
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    // Examples: grids 1–7 are the seeded national ones; visit 1 and action 1 (with its
    // evidence, document 15) are of establishment 1, visit 2 and action 2 (document 16)
    // of establishment 2.
    Routes::new()
        .add(
            Method::GET,
            "/quality/grids",
            "/quality/grids",
            Can(Capability::ReadQualityReports),
            get(grids),
        )
        .add(
            Method::GET,
            "/quality/grids/{id}",
            "/quality/grids/1",
            Can(Capability::ReadQualityReports),
            get(grid),
        )
        .add(
            Method::POST,
            "/quality/grids/{id}",
            "/quality/grids/1",
            Can(Capability::EditQualityGrids),
            post(save_grid),
        )
        .add(
            Method::POST,
            "/quality/grids/{id}/draft",
            "/quality/grids/1/draft",
            Can(Capability::EditQualityGrids),
            post(new_draft),
        )
        .add(
            Method::POST,
            "/quality/grids/{id}/publish",
            "/quality/grids/1/publish",
            Can(Capability::EditQualityGrids),
            post(publish),
        )
        .add(
            Method::GET,
            "/quality/plan",
            "/quality/plan",
            Can(Capability::PlanInspections),
            get(plan),
        )
        .add_record(
            Method::GET,
            "/establishments/{id}/visits",
            "/establishments/1/visits",
            Some("/establishments/2/visits"),
            Can(Capability::ReadQualityReports),
            get(visits),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/visits",
            "/establishments/1/visits",
            Some("/establishments/2/visits"),
            Can(Capability::PlanInspections),
            post(schedule),
        )
        .add_record(
            Method::GET,
            "/visits/{id}",
            "/visits/1",
            Some("/visits/2"),
            Can(Capability::ReadQualityReports),
            get(visit),
        )
        .add_record(
            Method::POST,
            "/visits/{id}/conduct",
            "/visits/1/conduct",
            Some("/visits/2/conduct"),
            Can(Capability::ConductVisits),
            post(conduct),
        )
        .add_record(
            Method::POST,
            "/visits/{id}/actions",
            "/visits/1/actions",
            Some("/visits/2/actions"),
            Can(Capability::ConductVisits),
            post(open_action),
        )
        .add_record(
            Method::POST,
            "/actions/{id}/answer",
            "/actions/1/answer",
            Some("/actions/2/answer"),
            Can(Capability::AnswerCorrectiveActions),
            post(answer),
        )
        .add_record(
            Method::POST,
            "/actions/{id}/close",
            "/actions/1/close",
            Some("/actions/2/close"),
            Can(Capability::ConductVisits),
            post(close),
        )
        .add_record(
            Method::POST,
            "/actions/{id}/reopen",
            "/actions/1/reopen",
            Some("/actions/2/reopen"),
            Can(Capability::ConductVisits),
            post(reopen),
        )
        .add_record(
            Method::GET,
            "/actions/{id}/documents/{document}",
            "/actions/1/documents/15",
            Some("/actions/2/documents/16"),
            Can(Capability::ReadQualityReports),
            get(download),
        )
}
