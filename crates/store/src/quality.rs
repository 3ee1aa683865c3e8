//! Quality of care: inspection grids per category (drafts edited, versions published,
//! visits keep the version they used), the risk ranking of a province's establishments,
//! visits scheduled and conducted, and corrective actions answered with evidence.
//!
//! Reached through [`Scoped`]: grids are national records; visits and actions carry
//! their establishment's province and are seen within the grants (an establishment's
//! manager sees those of the establishment); out of scope is "not found".

use crate::audit::{self, Actor, Change};
use crate::entity::{
    admission, care_goal, establishment, grievance, quality_action, quality_grid, quality_visit,
};
use crate::owner::Owner;
use crate::{Store, StoreError};
use chrono::NaiveDate;
use jisr_domain::access::Capability;
use jisr_domain::audit::{Action, Entity};
use jisr_domain::establishments::Status;
use jisr_domain::geo::ProvinceCode;
use jisr_domain::quality::{
    ActionParty, ActionStatus, Criteria, Facts, GridStatus, Level, Measured, Priority, Rating,
    RiskFacts, RiskModel, RiskPart, Scored, VisitStatus, is_overdue, months_between,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The owner of a corrective action's evidence in the shared `documents` table.
pub fn owner(action_id: i64) -> Owner {
    Owner::new("corrective_action", action_id)
}

/// The kinds of document a manager may join to an answer.
pub const EVIDENCE_KINDS: &[&str] = &["evidence"];

/// The longest free text (an observation, an action, an answer).
pub const LONG_TEXT_MAX: usize = 4000;

/// What can go wrong.
#[derive(Debug, thiserror::Error)]
pub enum QualityError {
    /// Fields refused, each with the translation key of its message.
    #[error("invalid fields: {0:?}")]
    Fields(Vec<(String, &'static str)>),
    /// Files refused.
    #[error("files refused")]
    Uploads(Vec<(String, jisr_domain::documents::UploadError)>),
    /// The person's grants do not allow it here.
    #[error("your role may not do this here")]
    Role,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for QualityError {
    fn from(e: sea_orm::DbErr) -> Self {
        QualityError::Store(e.into())
    }
}

fn field(name: &str, key: &'static str) -> (String, &'static str) {
    (name.to_owned(), key)
}

fn today() -> NaiveDate {
    chrono::Utc::now()
        .with_timezone(&jisr_domain::time::ZONE)
        .date_naive()
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// One criterion's score as stored in a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreLine {
    pub level: Level,
    pub observation: String,
    /// Whether the level was the one the platform measured.
    #[serde(default)]
    pub measured: bool,
}

/// A visit's scores, by criterion code.
pub type Scores = BTreeMap<String, ScoreLine>;

/// A grid version with its criteria read.
#[derive(Debug, Clone)]
pub struct Grid {
    pub model: quality_grid::Model,
    pub criteria: Criteria,
}

impl Grid {
    fn read(model: quality_grid::Model) -> Self {
        let criteria = serde_json::from_str(&model.criteria).unwrap_or_default();
        Self { model, criteria }
    }

    pub fn status(&self) -> GridStatus {
        GridStatus::parse(&self.model.status).unwrap_or(GridStatus::Draft)
    }
}

/// One establishment of a province's plan, with its risk explained.
#[derive(Debug, Clone)]
pub struct PlanRow {
    pub establishment: establishment::Model,
    pub risk: u32,
    pub parts: Vec<RiskPart>,
    pub last_visit: Option<quality_visit::Model>,
    pub next_visit: Option<quality_visit::Model>,
}

/// A visit with all a page shows of it.
#[derive(Debug, Clone)]
pub struct VisitFile {
    pub visit: quality_visit::Model,
    pub establishment: establishment::Model,
    pub grid: Grid,
    pub scores: Scores,
    /// What the platform measures today for each measured criterion (`None`: not
    /// measured), shown beside the criterion and pre-filling a scheduled visit.
    pub measured: HashMap<String, Option<Measured>>,
    pub actions: Vec<ActionLine>,
    /// Whether the person asking may fill the grid (the visit is still scheduled).
    pub can_conduct: bool,
    /// Whether the person asking inspects here (opens, closes and reopens actions).
    pub inspects: bool,
}

/// A corrective action with its evidence and whether it is overdue.
#[derive(Debug, Clone)]
pub struct ActionLine {
    pub action: quality_action::Model,
    pub overdue: bool,
    pub documents: Vec<crate::entity::document::Model>,
    /// Whether the person asking may answer it (the establishment's manager).
    pub can_answer: bool,
    /// Whether the person asking may close or reopen it (an inspector of the territory).
    pub can_verify: bool,
}

/// A conducted visit's form, as typed.
#[derive(Debug, Clone, Default)]
pub struct ConductInput {
    pub conducted_on: String,
    /// Criterion code → (level code, observation).
    pub scores: BTreeMap<String, (String, String)>,
    pub findings: String,
}

/// A corrective action's form, as typed.
#[derive(Debug, Clone, Default)]
pub struct ActionInput {
    pub criterion: String,
    pub what: String,
    pub party: String,
    pub due_on: String,
    pub priority: String,
}

/// A draft's criteria, as typed (each criterion's fields as text).
#[derive(Debug, Clone, Default)]
pub struct CriterionInput {
    pub code: String,
    pub section: String,
    pub text_ar: String,
    pub text_fr: String,
    pub weight: String,
    pub critical: bool,
    pub measure: String,
}

crate::scoped_handle!(
    /// Grids, plans, visits and corrective actions within a person's grants.
    Scoped
);

async fn record(
    txn: &DatabaseTransaction,
    actor: &Actor,
    action: Action,
    entity: Entity,
    id: i64,
    after: serde_json::Value,
) -> Result<(), StoreError> {
    audit::record(
        txn,
        actor,
        Change {
            action,
            entity,
            entity_id: id.to_string(),
            before: None,
            after: Some(after),
        },
    )
    .await
    .map(|_| ())
}

impl Scoped<'_> {
    fn establishments(&self) -> crate::establishments::Scoped<'_> {
        self.access.clone().into()
    }

    fn at(&self, capability: Capability, e: &establishment::Model) -> bool {
        ProvinceCode::parse(&e.province_code)
            .is_ok_and(|p| self.can_at_establishment(capability, &p, e.id))
    }

    // ---- grids ----

    /// Every grid version, by category then newest version first.
    pub async fn grids(&self) -> Result<Vec<Grid>, StoreError> {
        if !(self.can(Capability::ReadQualityReports) || self.can(Capability::EditQualityGrids)) {
            return Err(StoreError::NotFound);
        }
        Ok(quality_grid::Entity::find()
            .order_by_asc(quality_grid::Column::CategoryCode)
            .order_by_desc(quality_grid::Column::Version)
            .all(self.store().conn())
            .await?
            .into_iter()
            .map(Grid::read)
            .collect())
    }

    pub async fn grid(&self, id: i64) -> Result<Grid, StoreError> {
        if !(self.can(Capability::ReadQualityReports) || self.can(Capability::EditQualityGrids)) {
            return Err(StoreError::NotFound);
        }
        grid_by_id(self.store(), id).await
    }

    /// A new draft of `from`'s category, starting from its criteria.
    pub async fn new_draft(&self, actor: &Actor, from: i64) -> Result<i64, QualityError> {
        if !self.can(Capability::EditQualityGrids) {
            return Err(QualityError::Role);
        }
        let source = grid_by_id(self.store(), from).await?;
        let txn = self.store().begin_write().await?;
        let last: Option<i32> = quality_grid::Entity::find()
            .select_only()
            .column_as(quality_grid::Column::Version.max(), "v")
            .filter(quality_grid::Column::CategoryCode.eq(&source.model.category_code))
            .into_tuple()
            .one(&txn)
            .await?
            .flatten();
        let now = crate::now_text();
        let version = last.unwrap_or(0) + 1;
        let id = quality_grid::Entity::insert(quality_grid::ActiveModel {
            id: NotSet,
            category_code: Set(source.model.category_code.clone()),
            version: Set(version),
            status: Set(GridStatus::Draft.as_str().into()),
            illustrative: Set(source.model.illustrative),
            title_ar: Set(source.model.title_ar.clone()),
            title_fr: Set(source.model.title_fr.clone()),
            criteria: Set(source.model.criteria.clone()),
            published_on: Set(None),
            created_by: Set(actor.label.clone()),
            created_at: Set(now.clone()),
            updated_at: Set(now),
        })
        .exec(&txn)
        .await?
        .last_insert_id;
        record(
            &txn,
            actor,
            Action::Create,
            Entity::QualityGrid,
            id,
            serde_json::json!({"category": source.model.category_code, "version": version, "from": from}),
        )
        .await?;
        txn.commit().await?;
        Ok(id)
    }

    /// Saves a draft's titles and criteria; every problem is reported at once.
    pub async fn save_draft(
        &self,
        actor: &Actor,
        id: i64,
        title_ar: &str,
        title_fr: &str,
        rows: &[CriterionInput],
    ) -> Result<(), QualityError> {
        if !self.can(Capability::EditQualityGrids) {
            return Err(QualityError::Role);
        }
        let grid = grid_by_id(self.store(), id).await?;
        if grid.status() != GridStatus::Draft {
            return Err(QualityError::Fields(vec![field(
                "grid",
                "quality-error-not-draft",
            )]));
        }
        let mut errors = Vec::new();
        if title_ar.trim().is_empty() {
            errors.push(field("title_ar", "quality-error-title"));
        }
        if title_fr.trim().is_empty() {
            errors.push(field("title_fr", "quality-error-title"));
        }
        let mut criteria = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            let n = i + 1;
            let section = jisr_domain::quality::Section::parse(&r.section);
            if section.is_none() {
                errors.push(field(&format!("section_{n}"), "quality-error-section"));
            }
            let weight = r.weight.trim().parse::<u32>().unwrap_or(0);
            let measure = match r.measure.trim() {
                "" => Some(None),
                m => jisr_domain::quality::Measure::parse(m).map(Some),
            };
            if measure.is_none() {
                errors.push(field(&format!("measure_{n}"), "quality-error-measure"));
            }
            criteria.push(jisr_domain::quality::Criterion {
                code: r.code.trim().to_owned(),
                section: section.unwrap_or(jisr_domain::quality::Section::PremisesSafety),
                text_ar: r.text_ar.trim().to_owned(),
                text_fr: r.text_fr.trim().to_owned(),
                weight,
                critical: r.critical,
                measure: measure.flatten(),
            });
        }
        let criteria = Criteria { criteria };
        for p in criteria.problems() {
            let name = match &p {
                jisr_domain::quality::GridProblem::Empty => "criteria".to_owned(),
                jisr_domain::quality::GridProblem::Code(n)
                | jisr_domain::quality::GridProblem::DuplicateCode(n) => format!("code_{n}"),
                jisr_domain::quality::GridProblem::Text(n) => format!("text_fr_{n}"),
                jisr_domain::quality::GridProblem::Weight(n) => format!("weight_{n}"),
            };
            errors.push((name, p.key()));
        }
        if !errors.is_empty() {
            return Err(QualityError::Fields(errors));
        }
        let json =
            serde_json::to_string(&criteria).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let txn = self.store().begin_write().await?;
        let mut m: quality_grid::ActiveModel = grid.model.into();
        m.title_ar = Set(title_ar.trim().to_owned());
        m.title_fr = Set(title_fr.trim().to_owned());
        m.criteria = Set(json);
        m.updated_at = Set(crate::now_text());
        m.update(&txn).await?;
        record(
            &txn,
            actor,
            Action::Update,
            Entity::QualityGrid,
            id,
            serde_json::json!({"criteria": criteria.criteria.len()}),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Publishes a draft: it becomes the version in force of its category, dated today;
    /// the version it replaces is superseded (visits keep the one they used).
    pub async fn publish(&self, actor: &Actor, id: i64) -> Result<(), QualityError> {
        if !self.can(Capability::EditQualityGrids) {
            return Err(QualityError::Role);
        }
        let grid = grid_by_id(self.store(), id).await?;
        if grid.status() != GridStatus::Draft {
            return Err(QualityError::Fields(vec![field(
                "grid",
                "quality-error-not-draft",
            )]));
        }
        if !grid.criteria.problems().is_empty() {
            return Err(QualityError::Fields(vec![field(
                "grid",
                "quality-error-grid-invalid",
            )]));
        }
        let txn = self.store().begin_write().await?;
        quality_grid::Entity::update_many()
            .col_expr(
                quality_grid::Column::Status,
                Expr::value(GridStatus::Superseded.as_str()),
            )
            .filter(quality_grid::Column::CategoryCode.eq(&grid.model.category_code))
            .filter(quality_grid::Column::Status.eq(GridStatus::Published.as_str()))
            .exec(&txn)
            .await?;
        let mut m: quality_grid::ActiveModel = grid.model.clone().into();
        m.status = Set(GridStatus::Published.as_str().into());
        m.published_on = Set(Some(today().to_string()));
        m.updated_at = Set(crate::now_text());
        m.update(&txn).await?;
        record(
            &txn,
            actor,
            Action::Publish,
            Entity::QualityGrid,
            id,
            serde_json::json!({"category": grid.model.category_code, "version": grid.model.version}),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    // ---- plan ----

    /// The establishments of a province ranked by risk (highest first), each with its
    /// terms, last conducted visit and next scheduled one.
    pub async fn plan(&self, province: &ProvinceCode) -> Result<Vec<PlanRow>, QualityError> {
        if !self.can_in_province(Capability::PlanInspections, province) {
            return Err(QualityError::Store(StoreError::NotFound));
        }
        let db = self.store().conn();
        let rows = establishment::Entity::find()
            .filter(self.establishments().condition())
            .filter(establishment::Column::ProvinceCode.eq(province.as_str()))
            .filter(establishment::Column::Status.is_not_in([
                Status::Project.as_str(),
                Status::Closed.as_str(),
                Status::Withdrawn.as_str(),
            ]))
            .all(db)
            .await?;
        let ids: Vec<i64> = rows.iter().map(|e| e.id).collect();
        let occ = crate::care::occupancy_of(db, &ids).await?;
        let visits = quality_visit::Entity::find()
            .filter(quality_visit::Column::EstablishmentId.is_in(ids.clone()))
            .order_by_asc(quality_visit::Column::Id)
            .all(db)
            .await?;
        let actions = quality_action::Entity::find()
            .filter(quality_action::Column::EstablishmentId.is_in(ids.clone()))
            .filter(quality_action::Column::Status.ne(ActionStatus::Closed.as_str()))
            .all(db)
            .await?;
        let complaints = open_complaints(db, &ids).await?;
        let model = RiskModel::default();
        let now = today();
        let reports = crate::annual_reports::risk_facts(db, &rows, now).await?;
        let mut out: Vec<PlanRow> = rows
            .into_iter()
            .map(|e| {
                let last = visits
                    .iter()
                    .filter(|v| v.establishment_id == e.id && v.conducted_on.is_some())
                    .max_by_key(|v| (v.conducted_on.clone(), v.id))
                    .cloned();
                let next = visits
                    .iter()
                    .filter(|v| {
                        v.establishment_id == e.id && v.status == VisitStatus::Scheduled.as_str()
                    })
                    .min_by_key(|v| (v.planned_on.clone(), v.id))
                    .cloned();
                let open: Vec<&quality_action::Model> = actions
                    .iter()
                    .filter(|a| a.establishment_id == e.id)
                    .collect();
                let overdue = open.iter().filter(|a| action_overdue(a, now)).count() as u32;
                let facts = RiskFacts {
                    over_capacity: occ
                        .get(&e.id)
                        .copied()
                        .unwrap_or_default()
                        .over_capacity(&crate::care::capacity_of(&e)),
                    months_since_visit: last
                        .as_ref()
                        .and_then(|v| v.conducted_on.as_deref().and_then(parse_date))
                        .map(|d| months_between(d, now)),
                    last_rating: last
                        .as_ref()
                        .and_then(|v| v.rating.as_deref().and_then(Rating::parse)),
                    open_actions: open.len() as u32,
                    overdue_actions: overdue,
                    authorised: e.status == Status::Authorised.as_str(),
                    complaints: Some(complaints.get(&e.id).copied().unwrap_or(0)),
                    report_overdue: reports.get(&e.id).and_then(|r| r.0),
                    food_per_beneficiary: reports.get(&e.id).and_then(|r| r.1),
                };
                let (risk, parts) = jisr_domain::quality::risk(&model, &facts);
                PlanRow {
                    establishment: e,
                    risk,
                    parts,
                    last_visit: last,
                    next_visit: next,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.risk
                .cmp(&a.risk)
                .then(a.establishment.id.cmp(&b.establishment.id))
        });
        Ok(out)
    }

    // ---- visits ----

    /// Schedules a visit of an establishment with its category's grid in force.
    pub async fn schedule(
        &self,
        actor: &Actor,
        establishment_id: i64,
        planned_on: &str,
        announced: bool,
        inspector: &str,
    ) -> Result<i64, QualityError> {
        let e = self.establishments().get(establishment_id).await?;
        if !self.at(Capability::PlanInspections, &e) {
            return Err(QualityError::Role);
        }
        let mut errors = Vec::new();
        let on = parse_date(planned_on);
        if on.is_none() {
            errors.push(field("planned_on", "quality-error-date"));
        }
        let grid = published_grid(self.store(), &e.category_code).await?;
        if grid.is_none() {
            errors.push(field("establishment", "quality-error-no-grid"));
        }
        let (Some(on), Some(grid), true) = (on, grid, errors.is_empty()) else {
            return Err(QualityError::Fields(errors));
        };
        let txn = self.store().begin_write().await?;
        let id = quality_visit::Entity::insert(quality_visit::ActiveModel {
            id: NotSet,
            establishment_id: Set(e.id),
            province_code: Set(e.province_code.clone()),
            grid_id: Set(grid.model.id),
            planned_on: Set(on.to_string()),
            announced: Set(announced),
            status: Set(VisitStatus::Scheduled.as_str().into()),
            conducted_on: Set(None),
            inspector: Set(inspector.trim().to_owned()),
            scores: Set("{}".into()),
            findings: Set(String::new()),
            score: Set(None),
            rating: Set(None),
            critical_failure: Set(false),
            created_by: Set(actor.label.clone()),
            created_at: Set(crate::now_text()),
        })
        .exec(&txn)
        .await?
        .last_insert_id;
        record(
            &txn,
            actor,
            Action::Schedule,
            Entity::Visit,
            id,
            serde_json::json!({"establishment": e.id, "grid": grid.model.id, "planned_on": on.to_string(), "announced": announced}),
        )
        .await?;
        txn.commit().await?;
        Ok(id)
    }

    fn visit_condition(&self) -> sea_orm::sea_query::Condition {
        self.access
            .condition(quality_visit::Column::ProvinceCode, |id| {
                Some(quality_visit::Column::EstablishmentId.eq(id))
            })
    }

    async fn visit_model(&self, id: i64) -> Result<quality_visit::Model, StoreError> {
        if !self.can(Capability::ReadQualityReports) {
            return Err(StoreError::NotFound);
        }
        quality_visit::Entity::find_by_id(id)
            .filter(self.visit_condition())
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The visits of an establishment in scope, newest first, and its open actions.
    pub async fn visits_of(
        &self,
        establishment_id: i64,
    ) -> Result<
        (
            establishment::Model,
            Vec<quality_visit::Model>,
            Vec<ActionLine>,
        ),
        StoreError,
    > {
        if !self.can(Capability::ReadQualityReports) {
            return Err(StoreError::NotFound);
        }
        let e = self.establishments().get(establishment_id).await?;
        let db = self.store().conn();
        let visits = quality_visit::Entity::find()
            .filter(quality_visit::Column::EstablishmentId.eq(e.id))
            .order_by_desc(quality_visit::Column::PlannedOn)
            .order_by_desc(quality_visit::Column::Id)
            .all(db)
            .await?;
        let actions = quality_action::Entity::find()
            .filter(quality_action::Column::EstablishmentId.eq(e.id))
            .filter(quality_action::Column::Status.ne(ActionStatus::Closed.as_str()))
            .order_by_asc(quality_action::Column::DueOn)
            .all(db)
            .await?;
        let lines = self.action_lines(&e, actions).await?;
        Ok((e, visits, lines))
    }

    async fn action_lines(
        &self,
        e: &establishment::Model,
        actions: Vec<quality_action::Model>,
    ) -> Result<Vec<ActionLine>, StoreError> {
        let now = today();
        let can_answer = self.at(Capability::AnswerCorrectiveActions, e);
        let can_verify = self.at(Capability::ConductVisits, e);
        let mut out = Vec::new();
        for a in actions {
            let documents = crate::documents::list(self.store(), owner(a.id)).await?;
            out.push(ActionLine {
                overdue: action_overdue(&a, now),
                action: a,
                documents,
                can_answer,
                can_verify,
            });
        }
        Ok(out)
    }

    /// A visit in scope with its grid, scores, what the platform measures and actions.
    pub async fn visit(&self, id: i64) -> Result<VisitFile, StoreError> {
        let visit = self.visit_model(id).await?;
        let establishment = self.establishments().get(visit.establishment_id).await?;
        let grid = grid_by_id(self.store(), visit.grid_id).await?;
        let scores: Scores = serde_json::from_str(&visit.scores).unwrap_or_default();
        let facts = facts_of(self.store(), &establishment).await?;
        let measured = grid
            .criteria
            .criteria
            .iter()
            .filter_map(|c| {
                c.measure
                    .map(|m| (c.code.clone(), jisr_domain::quality::measure(m, &facts)))
            })
            .collect();
        let actions = quality_action::Entity::find()
            .filter(quality_action::Column::VisitId.eq(visit.id))
            .order_by_asc(quality_action::Column::Id)
            .all(self.store().conn())
            .await?;
        let actions = self.action_lines(&establishment, actions).await?;
        let inspects = self.at(Capability::ConductVisits, &establishment);
        let can_conduct = visit.status == VisitStatus::Scheduled.as_str() && inspects;
        Ok(VisitFile {
            visit,
            establishment,
            grid,
            scores,
            measured,
            actions,
            can_conduct,
            inspects,
        })
    }

    /// Records a visit: every criterion scored, the rating computed by the rules.
    pub async fn conduct(
        &self,
        actor: &Actor,
        id: i64,
        input: &ConductInput,
    ) -> Result<(u32, Rating), QualityError> {
        let file = self.visit(id).await?;
        if !self.at(Capability::ConductVisits, &file.establishment) {
            return Err(QualityError::Role);
        }
        if file.visit.status != VisitStatus::Scheduled.as_str() {
            return Err(QualityError::Fields(vec![field(
                "visit",
                "quality-error-already-conducted",
            )]));
        }
        let mut errors = Vec::new();
        let on = parse_date(&input.conducted_on);
        match on {
            None => errors.push(field("conducted_on", "quality-error-date")),
            Some(d) if d > today() => errors.push(field("conducted_on", "quality-error-future")),
            Some(_) => {}
        }
        let mut scores = Scores::new();
        let mut scored = Vec::new();
        for c in &file.grid.criteria.criteria {
            let (level, observation) = input.scores.get(&c.code).cloned().unwrap_or_default();
            let name = format!("level_{}", c.code);
            let Some(level) = Level::parse(&level) else {
                errors.push(field(&name, "quality-error-level"));
                continue;
            };
            if observation.chars().count() > LONG_TEXT_MAX {
                errors.push(field(
                    &format!("observation_{}", c.code),
                    "quality-error-too-long",
                ));
            }
            if level == Level::NotCompliant && observation.trim().is_empty() {
                errors.push(field(
                    &format!("observation_{}", c.code),
                    "quality-error-observation",
                ));
            }
            let measured = file
                .measured
                .get(&c.code)
                .and_then(|m| m.as_ref())
                .is_some_and(|m| m.level == level);
            scored.push(Scored {
                weight: c.weight,
                critical: c.critical,
                level,
            });
            scores.insert(
                c.code.clone(),
                ScoreLine {
                    level,
                    observation: observation.trim().to_owned(),
                    measured,
                },
            );
        }
        if input.findings.chars().count() > LONG_TEXT_MAX {
            errors.push(field("findings", "quality-error-too-long"));
        }
        let rated = jisr_domain::quality::rate(&scored);
        if rated.is_none() && errors.is_empty() {
            errors.push(field("visit", "quality-error-nothing-applies"));
        }
        let (Some(on), Some((score, rating)), true) = (on, rated, errors.is_empty()) else {
            return Err(QualityError::Fields(errors));
        };
        let critical = jisr_domain::quality::critical_failure(&scored);
        let txn = self.store().begin_write().await?;
        let mut m: quality_visit::ActiveModel = file.visit.clone().into();
        m.status = Set(VisitStatus::Conducted.as_str().into());
        m.conducted_on = Set(Some(on.to_string()));
        m.inspector = Set(actor.label.clone());
        m.scores =
            Set(serde_json::to_string(&scores).map_err(|e| StoreError::Invalid(e.to_string()))?);
        m.findings = Set(input.findings.trim().to_owned());
        m.score = Set(Some(score as i32));
        m.rating = Set(Some(rating.as_str().into()));
        m.critical_failure = Set(critical);
        m.update(&txn).await?;
        record(
            &txn,
            actor,
            Action::Conduct,
            Entity::Visit,
            id,
            serde_json::json!({"conducted_on": on.to_string(), "score": score, "rating": rating.as_str(), "critical_failure": critical}),
        )
        .await?;
        txn.commit().await?;
        Ok((score, rating))
    }

    // ---- corrective actions ----

    /// Opens a corrective action from a conducted visit's criterion.
    pub async fn open_action(
        &self,
        actor: &Actor,
        visit_id: i64,
        input: &ActionInput,
    ) -> Result<i64, QualityError> {
        let file = self.visit(visit_id).await?;
        if !self.at(Capability::ConductVisits, &file.establishment) {
            return Err(QualityError::Role);
        }
        let mut errors = Vec::new();
        if file.visit.status != VisitStatus::Conducted.as_str() {
            errors.push(field("criterion", "quality-error-not-conducted"));
        }
        if file.grid.criteria.get(input.criterion.trim()).is_none() {
            errors.push(field("criterion", "quality-error-criterion"));
        }
        let what = input.what.trim();
        if what.is_empty() || what.chars().count() > LONG_TEXT_MAX {
            errors.push(field("what", "quality-error-what"));
        }
        let party = ActionParty::parse(&input.party);
        if party.is_none() {
            errors.push(field("party", "quality-error-party"));
        }
        let priority = Priority::parse(&input.priority);
        if priority.is_none() {
            errors.push(field("priority", "quality-error-priority"));
        }
        let due = parse_date(&input.due_on);
        match due {
            None => errors.push(field("due_on", "quality-error-date")),
            Some(d) if d < today() => errors.push(field("due_on", "quality-error-past")),
            Some(_) => {}
        }
        let (Some(party), Some(priority), Some(due), true) =
            (party, priority, due, errors.is_empty())
        else {
            return Err(QualityError::Fields(errors));
        };
        let txn = self.store().begin_write().await?;
        let id = quality_action::Entity::insert(quality_action::ActiveModel {
            id: NotSet,
            visit_id: Set(visit_id),
            establishment_id: Set(file.establishment.id),
            province_code: Set(file.establishment.province_code.clone()),
            criterion_code: Set(input.criterion.trim().to_owned()),
            what: Set(what.to_owned()),
            party: Set(party.as_str().into()),
            due_on: Set(due.to_string()),
            priority: Set(priority.as_str().into()),
            status: Set(ActionStatus::Open.as_str().into()),
            answer: Set(String::new()),
            answered_at: Set(None),
            closed_at: Set(None),
            created_by: Set(actor.label.clone()),
            created_at: Set(crate::now_text()),
        })
        .exec(&txn)
        .await?
        .last_insert_id;
        record(
            &txn,
            actor,
            Action::Create,
            Entity::CorrectiveAction,
            id,
            serde_json::json!({"visit": visit_id, "criterion": input.criterion.trim(), "party": party.as_str(), "due_on": due.to_string(), "priority": priority.as_str()}),
        )
        .await?;
        txn.commit().await?;
        Ok(id)
    }

    async fn action_model(
        &self,
        id: i64,
    ) -> Result<(quality_action::Model, establishment::Model), StoreError> {
        if !self.can(Capability::ReadQualityReports) {
            return Err(StoreError::NotFound);
        }
        let a = quality_action::Entity::find_by_id(id)
            .filter(
                self.access
                    .condition(quality_action::Column::ProvinceCode, |e| {
                        Some(quality_action::Column::EstablishmentId.eq(e))
                    }),
            )
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let e = self.establishments().get(a.establishment_id).await?;
        Ok((a, e))
    }

    /// The visit an action in scope was opened from.
    pub async fn visit_of_action(&self, id: i64) -> Result<i64, StoreError> {
        Ok(self.action_model(id).await?.0.visit_id)
    }

    /// The manager answers an open action in writing, with evidence files.
    pub async fn answer(
        &self,
        actor: &Actor,
        files: &crate::files::FileStore,
        id: i64,
        text: &str,
        uploads: Vec<crate::documents::Upload>,
        max_bytes: usize,
    ) -> Result<(), QualityError> {
        let (a, e) = self.action_model(id).await?;
        if !self.at(Capability::AnswerCorrectiveActions, &e) {
            return Err(QualityError::Role);
        }
        let mut errors = Vec::new();
        let status = ActionStatus::parse(&a.status).unwrap_or(ActionStatus::Open);
        if !status.may_become(ActionStatus::Answered) {
            errors.push(field("answer", "quality-error-not-open"));
        }
        let text = text.trim();
        if text.is_empty() || text.chars().count() > LONG_TEXT_MAX {
            errors.push(field("answer", "quality-error-answer"));
        }
        if !errors.is_empty() {
            return Err(QualityError::Fields(errors));
        }
        let stored = crate::documents::check_and_keep(files, uploads, EVIDENCE_KINDS, max_bytes)
            .await
            .map_err(|e| match e {
                crate::documents::BatchError::Refused(r) => QualityError::Uploads(r),
                crate::documents::BatchError::Store(e) => e.into(),
            })?;
        let txn = self.store().begin_write().await?;
        let docs =
            crate::documents::record(&txn, actor, owner(id), stored, chrono::Utc::now()).await?;
        let mut m: quality_action::ActiveModel = a.into();
        m.status = Set(ActionStatus::Answered.as_str().into());
        m.answer = Set(text.to_owned());
        m.answered_at = Set(Some(crate::now_text()));
        m.update(&txn).await?;
        record(
            &txn,
            actor,
            Action::Answer,
            Entity::CorrectiveAction,
            id,
            serde_json::json!({"documents": docs}),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The inspector closes an answered action or reopens it (or a closed one).
    pub async fn verify(&self, actor: &Actor, id: i64, close: bool) -> Result<(), QualityError> {
        let (a, e) = self.action_model(id).await?;
        if !self.at(Capability::ConductVisits, &e) {
            return Err(QualityError::Role);
        }
        let from = ActionStatus::parse(&a.status).unwrap_or(ActionStatus::Open);
        let to = if close {
            ActionStatus::Closed
        } else {
            ActionStatus::Open
        };
        if !from.may_become(to) {
            return Err(QualityError::Fields(vec![field(
                "status",
                "quality-error-status",
            )]));
        }
        let txn = self.store().begin_write().await?;
        let mut m: quality_action::ActiveModel = a.into();
        m.status = Set(to.as_str().into());
        m.closed_at = Set(close.then(crate::now_text));
        m.update(&txn).await?;
        record(
            &txn,
            actor,
            if close { Action::Close } else { Action::Reopen },
            Entity::CorrectiveAction,
            id,
            serde_json::json!({"from": from.as_str(), "to": to.as_str()}),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// One evidence document of an action in scope, with its bytes; the read is audited.
    pub async fn document(
        &self,
        actor: &Actor,
        files: &crate::files::FileStore,
        id: i64,
        document_id: i64,
    ) -> Result<(crate::entity::document::Model, Vec<u8>), StoreError> {
        self.action_model(id).await?;
        crate::documents::read(self.store(), actor, files, owner(id), document_id).await
    }
}

fn action_overdue(a: &quality_action::Model, today: NaiveDate) -> bool {
    match (ActionStatus::parse(&a.status), parse_date(&a.due_on)) {
        (Some(s), Some(d)) => is_overdue(s, d, today),
        _ => false,
    }
}

/// The complaints about each establishment not yet closed (confidential ones too: only
/// their number reaches the plan).
async fn open_complaints<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<HashMap<i64, u32>, StoreError> {
    let rows = grievance::Entity::find()
        .filter(grievance::Column::EstablishmentId.is_in(ids.to_vec()))
        .filter(grievance::Column::ClosedAt.is_null())
        .all(db)
        .await?;
    let mut out = HashMap::new();
    for g in rows {
        if let Some(id) = g.establishment_id {
            *out.entry(id).or_insert(0) += 1;
        }
    }
    Ok(out)
}

async fn grid_by_id(store: &Store, id: i64) -> Result<Grid, StoreError> {
    quality_grid::Entity::find_by_id(id)
        .one(store.conn())
        .await?
        .map(Grid::read)
        .ok_or(StoreError::NotFound)
}

/// The grid in force for a category.
pub async fn published_grid(store: &Store, category: &str) -> Result<Option<Grid>, StoreError> {
    Ok(quality_grid::Entity::find()
        .filter(quality_grid::Column::CategoryCode.eq(category))
        .filter(quality_grid::Column::Status.eq(GridStatus::Published.as_str()))
        .order_by_desc(quality_grid::Column::Version)
        .one(store.conn())
        .await?
        .map(Grid::read))
}

/// What the platform knows today to measure an establishment's criteria.
pub async fn facts_of(store: &Store, e: &establishment::Model) -> Result<Facts, StoreError> {
    let db = store.conn();
    let occupancy = crate::care::occupancy_of(db, &[e.id])
        .await?
        .get(&e.id)
        .copied()
        .unwrap_or_default();
    let lines = admission::Entity::find()
        .filter(admission::Column::EstablishmentId.eq(e.id))
        .all(db)
        .await?;
    let latest = lines
        .iter()
        .flat_map(|l| [Some(l.admitted_on.as_str()), l.exit_on.as_deref()])
        .flatten()
        .filter_map(parse_date)
        .max();
    let present: Vec<i64> = lines
        .iter()
        .filter(|l| l.exit_on.is_none())
        .map(|l| l.beneficiary_id)
        .collect();
    let with_plan: std::collections::HashSet<i64> = care_goal::Entity::find()
        .filter(care_goal::Column::BeneficiaryId.is_in(present.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.beneficiary_id)
        .collect();
    Ok(Facts {
        occupancy,
        capacity: crate::care::capacity_of(e),
        days_since_register_entry: latest.map(|d| (today() - d).num_days().max(0)),
        present: present.len() as i64,
        present_without_plan: present.iter().filter(|b| !with_plan.contains(b)).count() as i64,
        staffing: crate::staff::staffing_for_quality(db, e, occupancy.total())
            .await?
            .map(|lines| lines.into_iter().map(|l| l.staffing).collect()),
        food_per_beneficiary: crate::annual_reports::risk_facts(
            db,
            std::slice::from_ref(e),
            today(),
        )
        .await?
        .get(&e.id)
        .and_then(|r| r.1),
    })
}
