//! Targeting: programmes and their rule versions (drafts checked by the engine,
//! simulation against the version in force, activation), and the social registry as one
//! person may see it, with why each household is or is not eligible.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::Choice;
use crate::view::{Chrome, FieldErrors};
use crate::views::targeting::{
    ProgrammeDecision, SimulationRun, compare_with_draft, decision, draft_message,
    household_decisions, may_own, run_simulation, widest_scope,
};
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_store::entity::{household_index_value, rule_version};
use jisr_store::programmes::{self, Draft, ProgrammeDetail, ProgrammeError};
use jisr_store::registry::{self, HouseholdDetail, HouseholdFilter, HouseholdSummary, Scoped};
use serde::Deserialize;
use std::collections::HashMap;

// ---------------------------------------------------------------- programmes

#[derive(Template)]
#[template(path = "targeting/programmes.html")]
struct ProgrammesPage {
    chrome: Chrome,
    rows: Vec<ProgrammeDetail>,
    can_own: bool,
}

pub async fn programmes_list(ctx: Ctx) -> Result<Response, WebError> {
    let rows = programmes::list(&ctx.state.store).await?;
    render(ProgrammesPage {
        chrome: ctx.chrome("prog-title"),
        rows,
        can_own: may_own(&ctx),
    })
    .map(IntoResponse::into_response)
}

/// A new programme as typed in the form.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewProgrammeForm {
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub description_ar: String,
    pub description_fr: String,
    /// `yes` when ticked.
    pub pays_benefit: Option<String>,
    /// `person` for a programme deciding about each person; else the household.
    pub level: String,
}

impl NewProgrammeForm {
    fn pays(&self) -> bool {
        self.pays_benefit.is_some()
    }

    fn per_person(&self) -> bool {
        self.level == "person"
    }
}

#[derive(Template)]
#[template(path = "targeting/programme_new.html")]
struct NewProgrammePage {
    chrome: Chrome,
    form: NewProgrammeForm,
    errors: FieldErrors,
}

pub async fn programme_new(ctx: Ctx) -> Result<Response, WebError> {
    render(NewProgrammePage {
        chrome: ctx.chrome("prog-new-title"),
        form: NewProgrammeForm::default(),
        errors: FieldErrors::default(),
    })
    .map(IntoResponse::into_response)
}

pub async fn programme_create(
    ctx: Ctx,
    Form(form): Form<NewProgrammeForm>,
) -> Result<Response, WebError> {
    let new = programmes::NewProgramme {
        code: form.code.clone(),
        name_ar: form.name_ar.clone(),
        name_fr: form.name_fr.clone(),
        description_ar: form.description_ar.clone(),
        description_fr: form.description_fr.clone(),
        pays_benefit: form.pays(),
        level: if form.per_person() {
            jisr_targeting::rules::Level::Person
        } else {
            jisr_targeting::rules::Level::Household
        },
    };
    match programmes::create(&ctx.state.store, &ctx.actor, &new).await {
        Ok(code) => Ok(Redirect::to(&format!(
            "/programmes/{}?created=1",
            crate::view::encode_path(&code)
        ))
        .into_response()),
        Err(ProgrammeError::Fields(keys)) => {
            let chrome = ctx.chrome("prog-new-title");
            let errors = FieldErrors::translate(&chrome, keys);
            let page = NewProgrammePage {
                chrome,
                form,
                errors,
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(ProgrammeError::Store(e)) => Err(e.into()),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct DraftForm {
    pub valid_from: String,
    pub rule: String,
    pub benefit: String,
}

/// A criterion of a version, for reading.
pub struct CriterionView {
    pub id: String,
    pub expr: String,
}

#[derive(Template)]
#[template(path = "targeting/programme.html")]
struct ProgrammePage {
    chrome: Chrome,
    p: ProgrammeDetail,
    active_criteria: Vec<CriterionView>,
    form: DraftForm,
    errors: FieldErrors,
    can_own: bool,
    error: Option<String>,
    saved: Option<i32>,
    activated: bool,
    created: bool,
}

impl ProgrammePage {
    fn status(&self, v: &rule_version::Model) -> String {
        self.chrome.t2("prog-status", &v.status)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProgrammeQuery {
    saved: Option<i32>,
    activated: Option<String>,
    created: Option<String>,
}

fn criteria_view(v: Option<&rule_version::Model>) -> Vec<CriterionView> {
    v.map(programmes::criteria_of)
        .unwrap_or_default()
        .into_iter()
        .map(|c| CriterionView {
            id: c.id,
            expr: c.expr,
        })
        .collect()
}

async fn programme_page(
    ctx: &Ctx,
    code: &str,
    form: Option<DraftForm>,
    errors: FieldErrors,
    error: Option<String>,
) -> Result<ProgrammePage, WebError> {
    let p = programmes::get(&ctx.state.store, code).await?;
    let base = ctx.chrome("prog-title");
    let title = base
        .name(&p.programme.name_ar, &p.programme.name_fr)
        .to_owned();
    let chrome = base.with_title(title);
    let active = p.active();
    let form = form.unwrap_or_else(|| DraftForm {
        valid_from: String::new(),
        rule: active.map(|a| a.rule.clone()).unwrap_or_default(),
        benefit: active.and_then(|a| a.benefit.clone()).unwrap_or_default(),
    });
    Ok(ProgrammePage {
        active_criteria: criteria_view(active),
        chrome,
        p,
        form,
        errors,
        can_own: may_own(ctx),
        error,
        saved: None,
        activated: false,
        created: false,
    })
}

pub async fn programme_show(
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<ProgrammeQuery>,
) -> Result<Response, WebError> {
    let mut page = programme_page(&ctx, &code, None, FieldErrors::default(), None).await?;
    page.saved = q.saved;
    page.activated = q.activated.is_some();
    page.created = q.created.is_some();
    render(page).map(IntoResponse::into_response)
}

pub async fn draft_create(
    ctx: Ctx,
    Path(code): Path<String>,
    Form(form): Form<DraftForm>,
) -> Result<Response, WebError> {
    let draft = Draft {
        valid_from: form.valid_from.clone(),
        rule: form.rule.clone(),
        benefit: form.benefit.clone(),
    };
    let errors = match programmes::save_draft(&ctx.state.store, &ctx.actor, &code, &draft).await {
        Ok(v) => {
            return Ok(Redirect::to(&format!(
                "/programmes/{}/simulate?version={v}",
                crate::view::encode_path(&code)
            ))
            .into_response());
        }
        Err(ProgrammeError::Invalid(e)) => e,
        Err(ProgrammeError::Store(e)) => return Err(e.into()),
        Err(other) => return Err(WebError::Internal(other.to_string())),
    };
    let chrome = ctx.chrome("prog-title");
    let mut fe = FieldErrors::default();
    for e in &errors {
        fe.push(e.field, draft_message(&chrome, e));
    }
    let page = programme_page(&ctx, &code, Some(form), fe, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

pub async fn activate(
    ctx: Ctx,
    Path((code, version)): Path<(String, i32)>,
) -> Result<Response, WebError> {
    match programmes::activate(&ctx.state.store, &ctx.actor, &code, version).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/programmes/{}?activated=1",
            crate::view::encode_path(&code)
        ))
        .into_response()),
        Err(ProgrammeError::NotDraft) => {
            let chrome = ctx.chrome("prog-title");
            let error = Some(chrome.t("prog-error-not-draft"));
            let page = programme_page(&ctx, &code, None, FieldErrors::default(), error).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(ProgrammeError::Store(e)) => Err(e.into()),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

// ---------------------------------------------------------------- simulation

pub struct SimRow {
    pub province: String,
    pub entering: i64,
    pub leaving: i64,
    pub staying: i64,
    pub cost_before: i64,
    pub cost_after: i64,
}

#[derive(Template)]
#[template(path = "targeting/simulate.html")]
struct SimulatePage {
    chrome: Chrome,
    p: ProgrammeDetail,
    version: rule_version::Model,
    criteria: Vec<CriterionView>,
    active_version: Option<i32>,
    rows: Vec<SimRow>,
    totals: SimRow,
    households: usize,
    can_activate: bool,
}

impl SimulatePage {
    fn money(&self, n: &i64) -> String {
        self.chrome
            .t1("prog-dirhams", "amount", &self.chrome.num(n))
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SimulateQuery {
    version: Option<i32>,
}

pub async fn simulate(
    ctx: Ctx,
    Path(code): Path<String>,
    Query(q): Query<SimulateQuery>,
) -> Result<Response, WebError> {
    let store = &ctx.state.store;
    let SimulationRun {
        p,
        version,
        active,
        sim,
        households,
    } = run_simulation(&ctx, &code, q.version).await?;
    let chrome = ctx.chrome("prog-simulate-title");
    let names: HashMap<String, String> = jisr_store::geo::provinces(store.conn(), None)
        .await?
        .into_iter()
        .map(|pr| {
            (
                pr.code.clone(),
                chrome.name(&pr.name_ar, &pr.name_fr).to_owned(),
            )
        })
        .collect();
    let row = |g: &jisr_targeting::simulate::GroupDelta, label: String| SimRow {
        province: label,
        entering: g.entering as i64,
        leaving: g.leaving as i64,
        staying: g.staying as i64,
        cost_before: g.cost_before.round() as i64,
        cost_after: g.cost_after.round() as i64,
    };
    let rows = sim
        .by_province
        .iter()
        .filter(|g| g.entering + g.leaving + g.staying > 0)
        .map(|g| {
            let label = match &g.province {
                Some(c) => names.get(c).cloned().unwrap_or_else(|| c.clone()),
                None => chrome.t("prog-no-province"),
            };
            row(g, label)
        })
        .collect();
    let totals = row(&sim.totals, chrome.t("prog-total"));
    let can_activate = may_own(&ctx) && version.status == programmes::DRAFT;
    let title = format!(
        "{} — {}",
        chrome.name(&p.programme.name_ar, &p.programme.name_fr),
        chrome.t1("prog-version-n", "n", &version.version.to_string())
    );
    let chrome = chrome.with_title(title);
    render(SimulatePage {
        chrome,
        criteria: criteria_view(Some(&version)),
        active_version: active.map(|a| a.version),
        households,
        p,
        version,
        rows,
        totals,
        can_activate,
    })
    .map(IntoResponse::into_response)
}

// ---------------------------------------------------------------- registry

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct HouseholdQuery {
    pub province: String,
    pub commune: String,
    pub key: String,
    pub page: Option<u64>,
}

#[derive(Template)]
#[template(path = "targeting/households.html")]
struct HouseholdsPage {
    chrome: Chrome,
    rows: Vec<HouseholdSummary>,
    total: u64,
    page: u64,
    pages: u64,
    query: HouseholdQuery,
    provinces: Vec<Choice>,
}

impl HouseholdsPage {
    fn count_label(&self) -> String {
        self.chrome.tn("reg-count", self.total as usize)
    }

    fn index_of(&self, h: &HouseholdSummary) -> String {
        h.index
            .as_ref()
            .map(|v| format!("{:.4}", v.value))
            .unwrap_or_else(|| "—".into())
    }

    fn province_name(&self, code: &str) -> String {
        self.provinces
            .iter()
            .find(|p| p.value == code)
            .map(|p| p.label.clone())
            .unwrap_or_else(|| code.to_owned())
    }

    fn page_href(&self, page: u64) -> String {
        let enc = crate::view::encode_path;
        format!(
            "/registry/households?province={}&commune={}&key={}&page={page}",
            enc(&self.query.province),
            enc(&self.query.commune),
            enc(&self.query.key)
        )
    }
}

pub async fn households(
    ctx: Ctx,
    Query(query): Query<HouseholdQuery>,
) -> Result<Response, WebError> {
    let page = query.page.unwrap_or(1).max(1);
    let filter = HouseholdFilter {
        province: ProvinceCode::parse(&query.province).ok(),
        commune: CommuneCode::parse(&query.commune).ok(),
        key: Some(query.key.clone()),
        page,
    };
    let (rows, total) = Scoped::from(ctx.access()).list(&filter).await?;
    let chrome = ctx.chrome("reg-title");
    let scope = widest_scope(&ctx);
    let provinces = jisr_store::geo::provinces(ctx.state.store.conn(), None)
        .await?
        .into_iter()
        .filter(|p| ProvinceCode::parse(&p.code).is_ok_and(|c| scope.covers_province(&c)))
        .map(|p| Choice {
            label: chrome.name(&p.name_ar, &p.name_fr).to_owned(),
            value: p.code,
        })
        .collect();
    let pages = total.div_ceil(registry::PAGE_SIZE).max(1);
    render(HouseholdsPage {
        chrome,
        rows,
        total,
        page,
        pages,
        query,
        provinces,
    })
    .map(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "targeting/household.html")]
struct HouseholdPage {
    chrome: Chrome,
    d: HouseholdDetail,
    commune: String,
    decisions: Vec<ProgrammeDecision>,
}

impl HouseholdPage {
    fn person_name(&self, p: &jisr_store::entity::person::Model) -> String {
        let ar = format!("{} {}", p.first_name_ar, p.last_name_ar);
        let fr = format!("{} {}", p.first_name_lat, p.last_name_lat);
        let pick = self.chrome.name(&ar, &fr).trim().to_owned();
        if pick.is_empty() {
            self.chrome.other_name(&ar, &fr).trim().to_owned()
        } else {
            pick
        }
    }

    fn source(&self, v: &household_index_value::Model) -> String {
        self.chrome.t2("reg-source", &v.source)
    }
}

/// A member's name in the page's script when known, else in the other one.
fn person_name(chrome: &Chrome, p: &jisr_store::entity::person::Model) -> String {
    let ar = format!("{} {}", p.first_name_ar, p.last_name_ar);
    let lat = format!("{} {}", p.first_name_lat, p.last_name_lat);
    let (ar, lat) = (ar.trim(), lat.trim());
    let name = chrome.name(ar, lat);
    if name.is_empty() {
        chrome.other_name(ar, lat).to_owned()
    } else {
        name.to_owned()
    }
}

pub async fn household(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let g = ctx.grants();
    let store = &ctx.state.store;
    let d = Scoped::new(store, &g).get(id).await?;
    jisr_store::audit::record_read(
        store,
        &ctx.actor,
        jisr_domain::audit::Entity::Household,
        &id.to_string(),
    )
    .await?;
    let chrome = ctx.chrome("reg-household-title");
    let title = chrome.t1("reg-household-n", "key", &d.household.household_key);
    let chrome = chrome.with_title(title);
    let commune = match CommuneCode::parse(&d.household.commune_code) {
        Ok(c) => jisr_store::geo::commune(store.conn(), &c)
            .await
            .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    let decisions = household_decisions(&ctx, id)
        .await?
        .into_iter()
        .map(|h| {
            let mut name = chrome
                .name(&h.programme.name_ar, &h.programme.name_fr)
                .to_owned();
            if let Some(person) = &h.person {
                name = chrome.targs(
                    "reg-decision-for",
                    &[
                        ("programme", name),
                        ("person", person_name(&chrome, person)),
                    ],
                );
            }
            let mut dec = decision(&chrome, name, &h.version, &h.explanation);
            dec.draft = h
                .draft
                .as_ref()
                .map(|(d, ex)| compare_with_draft(&chrome, &h.explanation, d, ex));
            dec
        })
        .collect();
    render(HouseholdPage {
        chrome,
        d,
        commune,
        decisions,
    })
    .map(IntoResponse::into_response)
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
            "/programmes",
            "/programmes",
            SignedIn,
            get(programmes_list),
        )
        .add(
            Method::GET,
            "/programmes/new",
            "/programmes/new",
            Can(Capability::OwnProgrammes),
            get(programme_new),
        )
        .add(
            Method::POST,
            "/programmes/new",
            "/programmes/new",
            Can(Capability::OwnProgrammes),
            post(programme_create),
        )
        .add(
            Method::GET,
            "/programmes/{code}",
            "/programmes/asd",
            SignedIn,
            get(programme_show),
        )
        .add(
            Method::POST,
            "/programmes/{code}/drafts",
            "/programmes/asd/drafts",
            Can(Capability::OwnProgrammes),
            post(draft_create),
        )
        .add(
            Method::GET,
            "/programmes/{code}/simulate",
            "/programmes/asd/simulate?version=1",
            Can(Capability::ReadRegistry),
            get(simulate),
        )
        // Example: version 1 is in force already, so the page answers with its error.
        .add(
            Method::POST,
            "/programmes/{code}/versions/{version}/activate",
            "/programmes/asd/versions/1/activate",
            Can(Capability::OwnProgrammes),
            post(activate),
        )
        .add(
            Method::GET,
            "/registry/households",
            "/registry/households",
            Can(Capability::ReadRegistry),
            get(households),
        )
        // Examples: household 1 is in Rehamna, household 2 in Casablanca.
        .add_record(
            Method::GET,
            "/registry/households/{id}",
            "/registry/households/1",
            Some("/registry/households/2"),
            Can(Capability::ReadRegistry),
            get(household),
        )
}
