//! A beneficiary's file: identity, legal representative, admissions, the care plan's
//! goals, the log of services delivered, and the sensitive notes (health, disability,
//! schooling), which only those who care for the person read. Every opening of a file is
//! recorded in the audit trail, and the reading of its sensitive notes separately.

use super::{CareError, Scoped, record};
use crate::StoreError;
use crate::audit::{self, Actor};
use crate::entity::{admission, beneficiary, care_goal, care_service, establishment};
use jisr_domain::care::GoalStatus;
use jisr_domain::registry::{date_text, parse_date, parse_past_date};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};

/// The longest goal of a care plan.
const GOAL_MAX: usize = 500;
/// The longest line of the services log.
const SERVICE_MAX: usize = 1000;
/// The longest sensitive note.
const NOTE_MAX: usize = 4000;

/// Health, disability and schooling notes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SensitiveNotes {
    pub health: String,
    pub disability: String,
    pub schooling: String,
}

/// What a person may see of a beneficiary's file.
#[derive(Debug, Clone)]
pub struct BeneficiaryFile {
    pub id: i64,
    /// The establishment caring for the person.
    pub establishment: establishment::Model,
    pub application_id: Option<i64>,
    pub name_ar: String,
    pub name_fr: String,
    pub birth_date: String,
    pub sex: String,
    pub national_id: String,
    pub representative_kind: String,
    pub representative_name: String,
    pub representative_reference: String,
    pub created_at: String,
    /// Every stay, earliest first.
    pub admissions: Vec<admission::Model>,
    /// The care plan, by review date.
    pub goals: Vec<care_goal::Model>,
    /// Services delivered, latest first.
    pub services: Vec<care_service::Model>,
    /// Only for those who care for the person (`Capability::ReadSensitiveNotes`); they may also
    /// change them.
    pub sensitive: Option<SensitiveNotes>,
    /// Whether the person asking keeps the file (care plan, services log).
    pub can_keep: bool,
}

impl BeneficiaryFile {
    /// Whether the person is in the establishment now.
    pub fn is_present(&self) -> bool {
        self.admissions.iter().any(|a| a.exit_on.is_none())
    }
}

fn text(s: &str, max: usize, field: &'static str) -> Result<String, (&'static str, &'static str)> {
    let s = s.trim();
    if s.is_empty() {
        Err((field, "care-error-required"))
    } else if s.chars().count() > max {
        Err((field, "care-error-too-long"))
    } else {
        Ok(s.to_owned())
    }
}

impl Scoped<'_> {
    /// A beneficiary and their establishment, when the establishment is within scope.
    async fn find(
        &self,
        id: i64,
    ) -> Result<(beneficiary::Model, establishment::Model), StoreError> {
        let b = beneficiary::Entity::find_by_id(id)
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let e = self.establishments().get(b.establishment_id).await?;
        Ok((b, e))
    }

    /// A beneficiary's file within scope; the opening is audited, and so is the reading
    /// of the sensitive notes when the person's role shows them.
    pub async fn beneficiary(&self, actor: &Actor, id: i64) -> Result<BeneficiaryFile, StoreError> {
        let (b, e) = self.find(id).await?;
        let db = self.store().conn();
        let admissions = admission::Entity::find()
            .filter(admission::Column::BeneficiaryId.eq(id))
            .order_by_asc(admission::Column::AdmittedOn)
            .order_by_asc(admission::Column::Id)
            .all(db)
            .await?;
        let goals = care_goal::Entity::find()
            .filter(care_goal::Column::BeneficiaryId.eq(id))
            .order_by_asc(care_goal::Column::ReviewOn)
            .order_by_asc(care_goal::Column::Id)
            .all(db)
            .await?;
        let services = care_service::Entity::find()
            .filter(care_service::Column::BeneficiaryId.eq(id))
            .order_by_desc(care_service::Column::OnDate)
            .order_by_desc(care_service::Column::Id)
            .all(db)
            .await?;
        let sensitive = self.reads_sensitive(&e).then(|| SensitiveNotes {
            health: b.health_notes.clone(),
            disability: b.disability_notes.clone(),
            schooling: b.schooling_notes.clone(),
        });
        audit::record_read(
            self.store(),
            actor,
            jisr_domain::audit::Entity::Beneficiary,
            &id.to_string(),
        )
        .await?;
        if sensitive.is_some() {
            audit::record_read(
                self.store(),
                actor,
                jisr_domain::audit::Entity::BeneficiarySensitive,
                &id.to_string(),
            )
            .await?;
        }
        Ok(BeneficiaryFile {
            id: b.id,
            can_keep: self.keeps(&e),
            establishment: e,
            application_id: b.application_id,
            name_ar: b.name_ar,
            name_fr: b.name_fr,
            birth_date: b.birth_date,
            sex: b.sex,
            national_id: b.national_id,
            representative_kind: b.representative_kind,
            representative_name: b.representative_name,
            representative_reference: b.representative_reference,
            created_at: b.created_at,
            admissions,
            goals,
            services,
            sensitive,
        })
    }

    /// Replaces the sensitive notes (those who care for the person only). The trail
    /// names the notes changed, never their content. Returns whether anything changed.
    pub async fn update_sensitive(
        &self,
        actor: &Actor,
        id: i64,
        notes: &SensitiveNotes,
    ) -> Result<bool, CareError> {
        let (b, e) = self.find(id).await?;
        if !self.reads_sensitive(&e) {
            return Err(CareError::Role);
        }
        let mut errors = Vec::new();
        for (field, value) in [
            ("health", &notes.health),
            ("disability", &notes.disability),
            ("schooling", &notes.schooling),
        ] {
            if value.trim().chars().count() > NOTE_MAX {
                errors.push((field, "care-error-too-long"));
            }
        }
        if !errors.is_empty() {
            return Err(CareError::Fields(errors));
        }
        let (health, disability, schooling) = (
            notes.health.trim().to_owned(),
            notes.disability.trim().to_owned(),
            notes.schooling.trim().to_owned(),
        );
        let changed: Vec<&str> = [
            ("health", b.health_notes != health),
            ("disability", b.disability_notes != disability),
            ("schooling", b.schooling_notes != schooling),
        ]
        .into_iter()
        .filter_map(|(name, changed)| changed.then_some(name))
        .collect();
        if changed.is_empty() {
            return Ok(false);
        }
        let txn = self.store().begin_write().await?;
        let mut am = b.into_active_model();
        am.health_notes = Set(health);
        am.disability_notes = Set(disability);
        am.schooling_notes = Set(schooling);
        am.update(&txn).await?;
        record(
            &txn,
            actor,
            audit::Action::Update,
            audit::Entity::BeneficiarySensitive,
            id,
            None,
            serde_json::json!({ "changed": changed }),
        )
        .await?;
        txn.commit().await?;
        Ok(true)
    }

    /// Adds a goal to the care plan, to be reviewed on `review_on`.
    pub async fn add_goal(
        &self,
        actor: &Actor,
        id: i64,
        goal: &str,
        review_on: &str,
    ) -> Result<i64, CareError> {
        let (_, e) = self.find(id).await?;
        if !self.keeps(&e) {
            return Err(CareError::Role);
        }
        let goal = text(goal, GOAL_MAX, "goal");
        let review = parse_date(review_on);
        let mut errors: Vec<_> = goal.clone().err().into_iter().collect();
        if review.is_err() {
            errors.push(("review_on", "care-error-review-on"));
        }
        let (Ok(goal), Ok(review), true) = (goal, review, errors.is_empty()) else {
            return Err(CareError::Fields(errors));
        };
        let review = date_text(review);
        let txn = self.store().begin_write().await?;
        let goal_id = care_goal::Entity::insert(care_goal::ActiveModel {
            id: NotSet,
            beneficiary_id: Set(id),
            goal: Set(goal.clone()),
            review_on: Set(review.clone()),
            status: Set(GoalStatus::Open.as_str().to_owned()),
            created_at: Set(crate::now_text()),
        })
        .exec(&txn)
        .await?
        .last_insert_id;
        record(
            &txn,
            actor,
            audit::Action::Create,
            audit::Entity::CareGoal,
            goal_id,
            None,
            serde_json::json!({ "beneficiary": id, "goal": goal, "review_on": review }),
        )
        .await?;
        txn.commit().await?;
        Ok(goal_id)
    }

    /// Marks a goal of the care plan open, reached or dropped. Returns whether it changed.
    pub async fn set_goal_status(
        &self,
        actor: &Actor,
        id: i64,
        goal_id: i64,
        status: &str,
    ) -> Result<bool, CareError> {
        let (_, e) = self.find(id).await?;
        let goal = care_goal::Entity::find_by_id(goal_id)
            .filter(care_goal::Column::BeneficiaryId.eq(id))
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        if !self.keeps(&e) {
            return Err(CareError::Role);
        }
        let status = GoalStatus::parse(status)
            .ok_or_else(|| CareError::Fields(vec![("status", "care-error-goal-status")]))?;
        if goal.status == status.as_str() {
            return Ok(false);
        }
        let before = goal.status.clone();
        let txn = self.store().begin_write().await?;
        let mut am = goal.into_active_model();
        am.status = Set(status.as_str().to_owned());
        am.update(&txn).await?;
        record(
            &txn,
            actor,
            audit::Action::Status,
            audit::Entity::CareGoal,
            goal_id,
            Some(serde_json::json!({ "status": before })),
            serde_json::json!({ "beneficiary": id, "status": status.as_str() }),
        )
        .await?;
        txn.commit().await?;
        Ok(true)
    }

    /// Logs a service delivered to the person on a day that has passed.
    pub async fn log_service(
        &self,
        actor: &Actor,
        id: i64,
        on_date: &str,
        description: &str,
    ) -> Result<i64, CareError> {
        let (_, e) = self.find(id).await?;
        if !self.keeps(&e) {
            return Err(CareError::Role);
        }
        let on = parse_past_date(on_date, jisr_domain::time::today());
        let description = text(description, SERVICE_MAX, "description");
        let mut errors = Vec::new();
        if on.is_err() {
            errors.push(("on_date", "care-error-service-date"));
        }
        errors.extend(description.clone().err());
        let (Ok(on), Ok(description), true) = (on, description, errors.is_empty()) else {
            return Err(CareError::Fields(errors));
        };
        let on = date_text(on);
        let txn = self.store().begin_write().await?;
        let service_id = care_service::Entity::insert(care_service::ActiveModel {
            id: NotSet,
            beneficiary_id: Set(id),
            on_date: Set(on.clone()),
            description: Set(description.clone()),
            actor: Set(actor.label.clone()),
            created_at: Set(crate::now_text()),
        })
        .exec(&txn)
        .await?
        .last_insert_id;
        record(
            &txn,
            actor,
            audit::Action::Create,
            audit::Entity::CareService,
            service_id,
            None,
            serde_json::json!({ "beneficiary": id, "on_date": on, "description": description }),
        )
        .await?;
        txn.commit().await?;
        Ok(service_id)
    }
}
