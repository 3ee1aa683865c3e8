//! Programmes and the social registry in JSON: programmes with their dated rule versions,
//! new programmes and drafts (checked by the engine; errors with line and column),
//! simulation of a version per province over the caller's territory, activation; and the
//! registry's households within the caller's territory, each with why it is or is not
//! eligible under every programme in force (out of scope: 404).

use crate::api::extract::{ApiJson, ApiPath, ApiQuery};
use crate::auth::{Policy::*, Routes};
use crate::ctx::Ctx;
use crate::error::FieldProblem;
use crate::views::targeting::{
    self as views, HouseholdDecision, SimulationRun, decision, draft_message,
};
use crate::{WebError, view::Chrome};
use axum::Json;
use axum::http::StatusCode;
use jisr_domain::access::Capability;
use jisr_domain::bounds::PageNumber;
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_store::entity::{household_index_value, programme, rule_version};
use jisr_store::programmes::{self, Draft, NewProgramme, ProgrammeDetail, ProgrammeError};
use jisr_store::registry::{HouseholdFilter, HouseholdSummary, Member, Scoped};
use jisr_targeting::date::format_day;
use jisr_targeting::explain::InputValue;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::routes;

// ---------------------------------------------------------------- programmes

/// A criterion: all must hold for a household to be eligible.
#[derive(Serialize, ToSchema)]
pub struct CriterionDto {
    pub id: String,
    /// The condition in the rule language, e.g. `index <= 9.743001`.
    pub expr: String,
}

/// One dated version of a programme's rules.
#[derive(Serialize, ToSchema)]
pub struct RuleVersionDto {
    pub version: i32,
    /// First day it applies, `YYYY-MM-DD`.
    pub valid_from: String,
    /// Last day it applies, once a later version was activated.
    pub valid_to: Option<String>,
    /// `draft`, `active` or `retired`.
    pub status: String,
    /// The rule text, one `id: expression` per line.
    pub rule: String,
    pub criteria: Vec<CriterionDto>,
    /// The monthly amount as an expression, for programmes that pay one.
    pub benefit: Option<String>,
    pub created_by: String,
    pub created_at: String,
}

impl From<&rule_version::Model> for RuleVersionDto {
    fn from(v: &rule_version::Model) -> Self {
        Self {
            version: v.version,
            valid_from: v.valid_from.clone(),
            valid_to: v.valid_to.clone(),
            status: v.status.clone(),
            rule: v.rule.clone(),
            criteria: programmes::criteria_of(v)
                .into_iter()
                .map(|c| CriterionDto {
                    id: c.id,
                    expr: c.expr,
                })
                .collect(),
            benefit: v.benefit.clone(),
            created_by: v.created_by.clone(),
            created_at: v.created_at.clone(),
        }
    }
}

/// A programme in a list, with the version in force.
#[derive(Serialize, ToSchema)]
pub struct ProgrammeSummaryDto {
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub pays_benefit: bool,
    /// `household` (one decision per household) or `person` (one per member).
    pub level: String,
    /// The version in force, if any.
    pub active: Option<RuleVersionDto>,
    /// How many versions it has (drafts and retired ones included).
    pub versions: usize,
}

/// A programme with every version, the newest first.
#[derive(Serialize, ToSchema)]
pub struct ProgrammeDto {
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub description_ar: String,
    pub description_fr: String,
    /// Whether it pays a monthly amount (its versions then have a benefit expression).
    pub pays_benefit: bool,
    /// `household` (one decision per household) or `person` (one per member).
    pub level: String,
    pub created_at: String,
    pub versions: Vec<RuleVersionDto>,
}

impl From<&ProgrammeDetail> for ProgrammeDto {
    fn from(d: &ProgrammeDetail) -> Self {
        let p: &programme::Model = &d.programme;
        Self {
            code: p.code.clone(),
            name_ar: p.name_ar.clone(),
            name_fr: p.name_fr.clone(),
            description_ar: p.description_ar.clone(),
            description_fr: p.description_fr.clone(),
            pays_benefit: p.pays_benefit,
            level: p.level.clone(),
            created_at: p.created_at.clone(),
            versions: d.versions.iter().map(Into::into).collect(),
        }
    }
}

/// Every programme with the version in force.
#[utoipa::path(get, path = "/api/v1/programmes", tag = "programmes", operation_id = "list_programmes",
    security(("bearer" = [])),
    responses((status = 200, body = [ProgrammeSummaryDto]),
              (status = 401, )))]
pub async fn list_programmes(ctx: Ctx) -> Result<Json<Vec<ProgrammeSummaryDto>>, WebError> {
    let rows = programmes::list(&ctx.state.store).await?;
    Ok(Json(
        rows.iter()
            .map(|d| ProgrammeSummaryDto {
                code: d.programme.code.clone(),
                name_ar: d.programme.name_ar.clone(),
                name_fr: d.programme.name_fr.clone(),
                pays_benefit: d.programme.pays_benefit,
                level: d.programme.level.clone(),
                active: d.active().map(Into::into),
                versions: d.versions.len(),
            })
            .collect(),
    ))
}

/// One programme with its versions, their rule text, dates and status.
#[utoipa::path(get, path = "/api/v1/programmes/{code}", tag = "programmes", operation_id = "get_programme",
    security(("bearer" = [])), params(("code" = String, Path, description = "Programme code, e.g. `asd`")),
    responses((status = 200, body = ProgrammeDto),
              (status = 404, description = "Unknown programme")))]
pub async fn get_programme(
    ctx: Ctx,
    ApiPath(code): ApiPath<String>,
) -> Result<Json<ProgrammeDto>, WebError> {
    let d = programmes::get(&ctx.state.store, &code).await?;
    Ok(Json((&d).into()))
}

/// A programme to create, with no rule yet: its first version is then sent as a draft.
///
/// Past what the schema states, the platform's rules refuse with 409: a code already
/// taken, a name missing in either script or too long.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewProgrammeDto {
    /// Lower-case letters, digits and single hyphens, starting with a letter; unique.
    #[schema(schema_with = crate::api::schema::programme_code)]
    pub code: String,
    #[serde(default)]
    pub name_ar: String,
    #[serde(default)]
    pub name_fr: String,
    #[serde(default)]
    pub description_ar: String,
    #[serde(default)]
    pub description_fr: String,
    /// Whether it pays a monthly amount.
    #[serde(default)]
    pub pays_benefit: bool,
    /// What one decision is about: `household` (the default) or `person` (each member,
    /// with rules over the person's fields and `household.` ones).
    #[serde(default)]
    pub level: LevelDto,
}

/// The level of a programme's rules.
#[derive(Deserialize, ToSchema, Default, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum LevelDto {
    #[default]
    Household,
    Person,
}

/// Creates a programme (audited). A code already taken is refused at the field `code`.
#[utoipa::path(post, path = "/api/v1/programmes", tag = "programmes", operation_id = "create_programme",
    security(("bearer" = [])), request_body = NewProgrammeDto,
    responses((status = 201, body = ProgrammeDto),
              (status = 422, description = "Fields refused, each named in `errors`"),
              (status = 403, description = "The role may not create programmes")))]
pub async fn create_programme(
    ctx: Ctx,
    body: Result<ApiJson<NewProgrammeDto>, WebError>,
) -> Result<(StatusCode, Json<ProgrammeDto>), WebError> {
    let ApiJson(b) = body?;
    let new = NewProgramme {
        code: b.code,
        name_ar: b.name_ar,
        name_fr: b.name_fr,
        description_ar: b.description_ar,
        description_fr: b.description_fr,
        pays_benefit: b.pays_benefit,
        level: match b.level {
            LevelDto::Household => jisr_targeting::rules::Level::Household,
            LevelDto::Person => jisr_targeting::rules::Level::Person,
        },
    };
    match programmes::create(&ctx.state.store, &ctx.actor, &new).await {
        Ok(code) => {
            let d = programmes::get(&ctx.state.store, &code).await?;
            Ok((StatusCode::CREATED, Json((&d).into())))
        }
        Err(ProgrammeError::Fields(f)) => {
            let f: Vec<(String, &'static str)> =
                f.into_iter().map(|(f, k)| (f.to_owned(), k)).collect();
            // A malformed code is against the document; anything else against a rule.
            if f.iter().any(|(_, k)| *k == "prog-error-code") {
                Err(WebError::Invalid(f))
            } else {
                Err(WebError::Conflict(f))
            }
        }
        Err(ProgrammeError::Store(e)) => Err(e.into()),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

/// A new rule version, saved as a draft when the engine accepts it.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDraftDto {
    /// First day it would apply, `YYYY-MM-DD`, after the start of the version in force.
    #[serde(default)]
    pub valid_from: String,
    /// One criterion per line, `id: expression`; `#` starts a comment line.
    #[serde(default)]
    pub rule: String,
    /// The monthly amount as a numeric expression: required when the programme pays
    /// one, refused otherwise.
    #[serde(default)]
    pub benefit: Option<String>,
}

/// Saves a draft rule version after the engine checked it. Each error names its field
/// (`valid_from`, `rule`, `benefit`) and the engine's code; errors inside an expression
/// also give `line` and `column` (1-based, in characters) and `start`/`end` (bytes).
#[utoipa::path(post, path = "/api/v1/programmes/{code}/drafts", tag = "programmes", operation_id = "create_programme_draft",
    security(("bearer" = [])), params(("code" = String, Path, description = "Programme code")), request_body = NewDraftDto,
    responses((status = 201, body = RuleVersionDto),
              (status = 404, description = "Unknown programme"),
              (status = 409, description = "The draft does not check; `errors` says where and why")))]
pub async fn create_draft(
    ctx: Ctx,
    ApiPath(code): ApiPath<String>,
    body: Result<ApiJson<NewDraftDto>, WebError>,
) -> Result<(StatusCode, Json<RuleVersionDto>), WebError> {
    programmes::get(&ctx.state.store, &code).await?;
    let ApiJson(b) = body?;
    let draft = Draft {
        valid_from: b.valid_from,
        rule: b.rule,
        benefit: b.benefit.unwrap_or_default(),
    };
    match programmes::save_draft(&ctx.state.store, &ctx.actor, &code, &draft).await {
        Ok(n) => {
            let d = programmes::get(&ctx.state.store, &code).await?;
            let v = d.version(n).ok_or(WebError::NotFound)?;
            Ok((StatusCode::CREATED, Json(v.into())))
        }
        Err(ProgrammeError::Invalid(errors)) => {
            let chrome = ctx.chrome("prog-title");
            Err(WebError::RefusedAt(
                errors
                    .iter()
                    .map(|e| {
                        let mut extra = serde_json::Map::new();
                        let positioned = e.field != "valid_from" && !e.code.starts_with("benefit-");
                        if positioned {
                            extra.insert("line".into(), e.line.into());
                            extra.insert("column".into(), e.column.into());
                            extra.insert("start".into(), e.start.into());
                            extra.insert("end".into(), e.end.into());
                        }
                        if let Some(n) = &e.name {
                            extra.insert("name".into(), n.clone().into());
                        }
                        FieldProblem {
                            field: e.field.to_owned(),
                            code: e.code.clone(),
                            message: draft_message(&chrome, e),
                            extra,
                        }
                    })
                    .collect(),
            ))
        }
        Err(ProgrammeError::Store(e)) => Err(e.into()),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct SimulationQuery {
    /// The version to simulate (usually a draft).
    pub version: Option<i32>,
}

/// Households entering, leaving and staying, and the monthly cost, in one province (or
/// in all, for the totals).
#[derive(Serialize, ToSchema)]
pub struct SimulationRowDto {
    /// HCP province code; none for the totals and for households without a province.
    pub province_code: Option<String>,
    pub name_ar: Option<String>,
    pub name_fr: Option<String>,
    pub entering: u64,
    pub leaving: u64,
    pub staying: u64,
    /// Monthly cost under the version in force, in dirhams.
    pub cost_before: f64,
    /// Monthly cost under the simulated version, in dirhams.
    pub cost_after: f64,
}

/// A version compared with the version in force, over the caller's territory.
#[derive(Serialize, ToSchema)]
pub struct SimulationDto {
    pub programme: String,
    pub version: i32,
    /// The version in force it is compared with; with none, everyone eligible enters.
    pub compared_with: Option<i32>,
    /// Households of the caller's territory that were loaded.
    pub households: usize,
    /// Provinces where anything changes or stays, in code order.
    pub provinces: Vec<SimulationRowDto>,
    pub totals: SimulationRowDto,
}

/// Simulates a version against the version in force on the registry of the caller's
/// territory: who enters, leaves and stays, and the cost, per province. Changes nothing.
#[utoipa::path(get, path = "/api/v1/programmes/{code}/simulation", tag = "programmes", operation_id = "simulate_programme_version",
    security(("bearer" = [])), params(("code" = String, Path, description = "Programme code"), SimulationQuery),
    responses((status = 200, body = SimulationDto),
              (status = 404, description = "Unknown programme or version")))]
pub async fn simulation(
    ctx: Ctx,
    ApiPath(code): ApiPath<String>,
    ApiQuery(q): ApiQuery<SimulationQuery>,
) -> Result<Json<SimulationDto>, WebError> {
    let SimulationRun {
        p,
        version,
        active,
        sim,
        households,
    } = views::run_simulation(&ctx, &code, q.version).await?;
    let names: HashMap<String, (String, String)> =
        jisr_store::geo::provinces(ctx.state.store.conn(), None)
            .await?
            .into_iter()
            .map(|pr| (pr.code, (pr.name_ar, pr.name_fr)))
            .collect();
    let row = |g: &jisr_targeting::simulate::GroupDelta| {
        let name = g.province.as_ref().and_then(|c| names.get(c));
        SimulationRowDto {
            province_code: g.province.clone(),
            name_ar: name.map(|n| n.0.clone()),
            name_fr: name.map(|n| n.1.clone()),
            entering: g.entering,
            leaving: g.leaving,
            staying: g.staying,
            cost_before: g.cost_before,
            cost_after: g.cost_after,
        }
    };
    Ok(Json(SimulationDto {
        programme: p.programme.code.clone(),
        version: version.version,
        compared_with: active.map(|a| a.version),
        households,
        provinces: sim
            .by_province
            .iter()
            .filter(|g| g.entering + g.leaving + g.staying > 0)
            .map(row)
            .collect(),
        totals: row(&sim.totals),
    }))
}

/// Activates a draft: it applies from its first day and the version in force ends the
/// day before (audited). Only a draft can be activated (`409` otherwise).
#[utoipa::path(post, path = "/api/v1/programmes/{code}/versions/{version}/activation", tag = "programmes", operation_id = "activate_programme_version",
    security(("bearer" = [])), params(("code" = String, Path, description = "Programme code"), ("version" = i32, Path, description = "Version number")),
    responses((status = 200, body = ProgrammeDto),
              (status = 404, description = "Unknown programme or version"),
              (status = 409, description = "Not a draft")))]
pub async fn activate(
    ctx: Ctx,
    ApiPath((code, version)): ApiPath<(String, i32)>,
) -> Result<Json<ProgrammeDto>, WebError> {
    match programmes::activate(&ctx.state.store, &ctx.actor, &code, version).await {
        Ok(()) => {
            let d = programmes::get(&ctx.state.store, &code).await?;
            Ok(Json((&d).into()))
        }
        Err(ProgrammeError::NotDraft) => Err(WebError::Conflict(vec![(
            "version".into(),
            "prog-error-not-draft",
        )])),
        Err(ProgrammeError::Store(e)) => Err(e.into()),
        Err(other) => Err(WebError::Internal(other.to_string())),
    }
}

// ---------------------------------------------------------------- registry

/// An index value with when it was established and by whom.
#[derive(Serialize, ToSchema)]
pub struct IndexValueDto {
    pub value: f64,
    /// Day it was established, `YYYY-MM-DD`.
    pub date: String,
    /// `declared`, `registry` or `staff`.
    pub source: String,
    /// Last day it may be used, when it expires.
    pub valid_to: Option<String>,
}

impl From<&household_index_value::Model> for IndexValueDto {
    fn from(v: &household_index_value::Model) -> Self {
        Self {
            value: v.value,
            date: v.date.clone(),
            source: v.source.clone(),
            valid_to: v.valid_to.clone(),
        }
    }
}

/// A household in a list.
#[derive(Serialize, ToSchema)]
pub struct HouseholdSummaryDto {
    pub id: i64,
    pub household_key: String,
    pub commune_code: String,
    pub province_code: String,
    /// Members living there now.
    pub members: u64,
    /// The index value rules use today.
    pub index: Option<IndexValueDto>,
}

impl From<&HouseholdSummary> for HouseholdSummaryDto {
    fn from(h: &HouseholdSummary) -> Self {
        Self {
            id: h.household.id,
            household_key: h.household.household_key.clone(),
            commune_code: h.household.commune_code.clone(),
            province_code: h.household.province_code.clone(),
            members: h.members,
            index: h.index.as_ref().map(Into::into),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct HouseholdPage {
    pub total: u64,
    pub page: u64,
    pub items: Vec<HouseholdSummaryDto>,
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct HouseholdQuery {
    /// Only this province (HCP code, e.g. `07.427`).
    #[param(inline)]
    pub province: Option<ProvinceCode>,
    /// Only this commune (HCP code).
    #[param(inline)]
    pub commune: Option<CommuneCode>,
    /// Households whose number starts with this.
    pub key: Option<String>,
    /// 1-based page of 25.
    #[param(inline)]
    pub page: Option<PageNumber>,
}

/// Households of the caller's territory, filtered and paged.
#[utoipa::path(get, path = "/api/v1/registry/households", tag = "registry", operation_id = "list_households",
    security(("bearer" = [])), params(HouseholdQuery),
    responses((status = 200, body = HouseholdPage),
              (status = 400, description = "Malformed filter"),
              (status = 403, description = "The role does not read the registry")))]
pub async fn list_households(
    ctx: Ctx,
    ApiQuery(q): ApiQuery<HouseholdQuery>,
) -> Result<Json<HouseholdPage>, WebError> {
    let (province, commune) = (q.province, q.commune);
    let page = q.page.unwrap_or_default().get().into();
    let filter = HouseholdFilter {
        province,
        commune,
        key: q.key,
        page,
    };
    let (rows, total) = Scoped::from(ctx.access()).list(&filter).await?;
    Ok(Json(HouseholdPage {
        total,
        page,
        items: rows.iter().map(Into::into).collect(),
    }))
}

/// A person's stay in the household.
#[derive(Serialize, ToSchema)]
pub struct MemberDto {
    pub person_id: i64,
    pub first_name_ar: String,
    pub last_name_ar: String,
    pub first_name_lat: String,
    pub last_name_lat: String,
    pub birth_date: String,
    /// `female` or `male`.
    pub sex: String,
    /// Relation to the head, e.g. `head`, `spouse`, `child`.
    pub relation: String,
    pub from_date: String,
    pub to_date: Option<String>,
}

impl From<&Member> for MemberDto {
    fn from(m: &Member) -> Self {
        Self {
            person_id: m.person.id,
            first_name_ar: m.person.first_name_ar.clone(),
            last_name_ar: m.person.last_name_ar.clone(),
            first_name_lat: m.person.first_name_lat.clone(),
            last_name_lat: m.person.last_name_lat.clone(),
            birth_date: m.person.birth_date.clone(),
            sex: m.person.sex.clone(),
            relation: m.stay.relation.clone(),
            from_date: m.stay.from_date.clone(),
            to_date: m.stay.to_date.clone(),
        }
    }
}

/// One comparison inside a criterion, with its margin to the threshold.
#[derive(Serialize, ToSchema)]
pub struct ComparisonDto {
    /// The comparison as written in the criterion.
    pub text: String,
    /// Left operand; none when the input is missing.
    pub left: Option<f64>,
    /// Right operand (the threshold, for `field <= constant`).
    pub right: Option<f64>,
    /// Distance to the threshold, positive on the passing side.
    pub margin: Option<f64>,
    pub holds: bool,
    /// Values, threshold and margin worded in the request's language.
    pub sentence: String,
}

#[derive(Serialize, ToSchema)]
pub struct CriterionOutcomeDto {
    pub id: String,
    pub expr: String,
    pub passed: bool,
    pub comparisons: Vec<ComparisonDto>,
}

/// A value the decision used.
#[derive(Serialize, ToSchema)]
pub struct InputDto {
    /// The field of the rule language, e.g. `index`.
    pub field: String,
    /// `missing`, `number`, `flag`, `date`, `category` or `index`.
    pub kind: String,
    /// For numbers and the index.
    pub number: Option<f64>,
    /// For flags.
    pub flag: Option<bool>,
    /// For dates, and the day the index was established (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// For categories: the stored code.
    pub code: Option<String>,
    /// For the index: who established it (`declared`, `registry` or `staff`).
    pub source: Option<String>,
    /// The value worded in the request's language.
    pub text: String,
}

/// Why the household is or is not eligible under one programme in force.
#[derive(Serialize, ToSchema)]
#[schema(as = ProgrammeDecisionDto)]
pub struct DecisionDto {
    pub programme: String,
    /// The member the decision is about, for a programme deciding about persons.
    pub person_id: Option<i64>,
    pub name_ar: String,
    pub name_fr: String,
    pub version: i32,
    pub eligible: bool,
    /// The monthly amount in dirhams, when eligible and the programme pays one.
    pub amount: Option<f64>,
    pub criteria: Vec<CriterionOutcomeDto>,
    pub inputs: Vec<InputDto>,
}

/// A household with its members, index history and eligibility.
#[derive(Serialize, ToSchema)]
pub struct HouseholdDto {
    pub id: i64,
    pub household_key: String,
    pub commune_code: String,
    pub province_code: String,
    /// Members living there now, the head first.
    pub members: Vec<MemberDto>,
    /// Stays that ended, the latest first.
    pub former_members: Vec<MemberDto>,
    /// The index value rules use today.
    pub index: Option<IndexValueDto>,
    /// Every index value received, the newest first.
    pub index_history: Vec<IndexValueDto>,
    /// One per programme in force.
    pub decisions: Vec<DecisionDto>,
}

/// The engine keeps single-precision columns: values are given to six decimals, as the
/// pages word them, rather than with the noise of the conversion.
fn six(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn input_dto(chrome: &Chrome, field: &str, v: &InputValue) -> InputDto {
    let mut dto = InputDto {
        field: field.to_owned(),
        kind: String::new(),
        number: None,
        flag: None,
        date: None,
        code: None,
        source: None,
        text: views::input_text(chrome, v),
    };
    dto.kind = match v {
        InputValue::Missing => "missing",
        InputValue::Number { value } => {
            dto.number = Some(six(*value));
            "number"
        }
        InputValue::Flag { value } => {
            dto.flag = Some(*value);
            "flag"
        }
        InputValue::Date { day } => {
            dto.date = Some(format_day(*day));
            "date"
        }
        InputValue::Category { code } => {
            dto.code = Some(code.clone());
            "category"
        }
        InputValue::Index {
            value,
            date,
            source,
        } => {
            dto.number = Some(six(*value));
            dto.date = date.map(format_day);
            dto.source = source.map(|s| s.code().to_owned());
            "index"
        }
    }
    .to_owned();
    dto
}

fn decision_dto(chrome: &Chrome, h: &HouseholdDecision) -> DecisionDto {
    let ex = &h.explanation;
    // The page's worded explanation, in the same order as the engine's.
    let worded = decision(chrome, String::new(), &h.version, ex);
    DecisionDto {
        programme: h.programme.code.clone(),
        person_id: h.person.as_ref().map(|p| p.id),
        name_ar: h.programme.name_ar.clone(),
        name_fr: h.programme.name_fr.clone(),
        version: h.version.version,
        eligible: ex.eligible,
        amount: ex.amount.map(six),
        criteria: ex
            .criteria
            .iter()
            .zip(worded.criteria)
            .map(|(c, w)| CriterionOutcomeDto {
                id: c.id.clone(),
                expr: w.expr,
                passed: c.passed,
                comparisons: c
                    .comparisons
                    .iter()
                    .zip(w.comparisons)
                    .map(|(t, wt)| ComparisonDto {
                        text: wt.text,
                        left: t.left.map(six),
                        right: t.right.map(six),
                        margin: t.margin.map(six),
                        holds: t.holds,
                        sentence: wt.sentence,
                    })
                    .collect(),
            })
            .collect(),
        inputs: ex
            .inputs
            .iter()
            .map(|i| input_dto(chrome, &i.field, &i.value))
            .collect(),
    }
}

/// One household of the caller's territory: members, index history with dates and
/// sources, and why it is or is not eligible under each programme in force, criterion by
/// criterion. The read is recorded in the audit trail.
#[utoipa::path(get, path = "/api/v1/registry/households/{id}", tag = "registry", operation_id = "get_household",
    security(("bearer" = [])), params(("id" = i64, Path, description = "Household id")),
    responses((status = 200, body = HouseholdDto),
              (status = 404, description = "Unknown or out of scope")))]
pub async fn get_household(
    ctx: Ctx,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<HouseholdDto>, WebError> {
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
    let decisions = views::household_decisions(&ctx, id)
        .await?
        .iter()
        .map(|h| decision_dto(&chrome, h))
        .collect();
    Ok(Json(HouseholdDto {
        id: d.household.id,
        household_key: d.household.household_key.clone(),
        commune_code: d.household.commune_code.clone(),
        province_code: d.household.province_code.clone(),
        members: d.members.iter().map(Into::into).collect(),
        former_members: d.former_members.iter().map(Into::into).collect(),
        index: d.index.as_ref().map(Into::into),
        index_history: d.index_history.iter().map(Into::into).collect(),
        decisions,
    }))
}

/// The API operations of this context, each with its policy.
pub fn routes() -> Routes {
    Routes::new()
        .api("/api/v1/programmes", SignedIn, routes!(list_programmes))
        .api(
            "/api/v1/programmes",
            Can(Capability::OwnProgrammes),
            routes!(create_programme),
        )
        .api("/api/v1/programmes/asd", SignedIn, routes!(get_programme))
        .api(
            "/api/v1/programmes/asd/drafts",
            Can(Capability::OwnProgrammes),
            routes!(create_draft),
        )
        .api(
            "/api/v1/programmes/asd/simulation?version=1",
            Can(Capability::ReadRegistry),
            routes!(simulation),
        )
        // Example: version 1 is in force already, so the answer is its error.
        .api(
            "/api/v1/programmes/asd/versions/1/activation",
            Can(Capability::OwnProgrammes),
            routes!(activate),
        )
        .api(
            "/api/v1/registry/households",
            Can(Capability::ReadRegistry),
            routes!(list_households),
        )
        // Examples: household 1 is in Rehamna, household 2 in Casablanca.
        .api_record(
            "/api/v1/registry/households/1",
            Some("/api/v1/registry/households/2"),
            Can(Capability::ReadRegistry),
            routes!(get_household),
        )
}
