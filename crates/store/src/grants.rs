//! Grants to associations: calls for projects made and published by programme owners,
//! a committee per call (members named per call: a staff role holding
//! `ScoreGrantApplications` only scores the calls it sits on), applications by the
//! manager of an association's establishment (drafts, filing with a receipt number, the
//! eligibility check with each failed condition named, one reminder for missing
//! documents), conflicts of interest that hide an application from the member, scores,
//! decisions within the envelope, the convention with two tranches released on their
//! condition with a payment reference, reports returned or approved, and the public
//! register of awarded grants. Every change and every score is audited in the same
//! transaction; what is out of scope is `StoreError::NotFound`.

use crate::audit::{self, Actor, Change};
use crate::entity::{
    association, establishment, grant_application, grant_call, grant_committee_member,
    grant_conflict, grant_report, grant_score, grant_tranche,
};
use crate::owner::Owner;
use crate::{Store, StoreError, now_text};
use chrono::NaiveDate;
use jisr_domain::access::{Capability, Scope};
use jisr_domain::audit::{Action, Entity};
use jisr_domain::geo::ProvinceCode;
use jisr_domain::grants::{
    AwardError, CallTerms, Candidate, ConventionFacts, Criterion, Failed, Mad, ReleaseError,
    ReportStatus, Status, Step, StepError, TrancheCondition, check_award, check_call,
    check_eligibility, check_release, mean, next, receipt_number, review_report, spread,
    two_tranches, weighted_score,
};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};

/// The kind naming grant applications as owners of documents and timeline lines.
pub const OWNER_KIND: &str = "grant_application";

/// An application as the owner of documents, timeline lines and notifications.
pub fn owner(id: i64) -> Owner {
    Owner::new(OWNER_KIND, id)
}

/// The share of the award paid as the first tranche, on signature.
pub const FIRST_TRANCHE_PCT: u32 = 60;

/// What can go wrong with a grant.
#[derive(Debug, thiserror::Error)]
pub enum GrantError {
    /// Fields refused, each with the translation key of its message.
    #[error("invalid fields: {0:?}")]
    Fields(Vec<(String, &'static str)>),
    #[error(transparent)]
    Step(#[from] StepError),
    #[error(transparent)]
    Award(#[from] AwardError),
    #[error(transparent)]
    Release(#[from] ReleaseError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for GrantError {
    fn from(e: sea_orm::DbErr) -> Self {
        GrantError::Store(e.into())
    }
}

impl GrantError {
    /// The translation key of the error, for the pages.
    pub fn key(&self) -> &'static str {
        match self {
            GrantError::Fields(_) => "grants-error-fields",
            GrantError::Step(_) => "grants-error-step",
            GrantError::Award(AwardError::AboveRequest) => "grants-error-above-request",
            GrantError::Award(AwardError::AboveCeiling) => "grants-error-above-ceiling",
            GrantError::Award(AwardError::Envelope) => "grants-error-envelope-exceeded",
            GrantError::Release(ReleaseError::ConditionUnmet) => "grants-error-condition",
            GrantError::Release(ReleaseError::AlreadyReleased) => "grants-error-released",
            GrantError::Release(ReleaseError::NoReference) => "grants-error-reference",
            GrantError::Release(ReleaseError::EarlierPending) => "grants-error-earlier",
            GrantError::Store(_) => "grants-error-store",
        }
    }
}

/// A call as typed in the form.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct CallInput {
    pub fund: String,
    pub title_ar: String,
    pub title_fr: String,
    pub description_ar: String,
    pub description_fr: String,
    /// Province codes, comma-separated.
    pub provinces: String,
    /// Establishment categories, comma-separated (empty: all).
    pub categories: String,
    pub envelope: String,
    pub max_per_project: String,
    pub cofinancing_pct: String,
    pub opens_on: String,
    pub closes_on: String,
    pub decision_on: String,
    /// Documents asked, comma-separated keys.
    pub documents: String,
    /// Criteria, one a line: `key | weight | label ar | label fr`.
    pub criteria: String,
}

fn list(s: &str) -> Vec<String> {
    s.split([',', '\n'])
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Reads the criteria lines `key | weight | label ar | label fr`.
pub fn parse_criteria(s: &str) -> Option<Vec<Criterion>> {
    let mut out = Vec::new();
    for line in s.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        if parts.len() != 4 || parts[0].is_empty() {
            return None;
        }
        out.push(Criterion {
            key: parts[0].to_string(),
            weight: parts[1].parse().ok()?,
            label_ar: parts[2].to_string(),
            label_fr: parts[3].to_string(),
        });
    }
    Some(out)
}

/// The criteria as the form shows them again.
pub fn criteria_text(c: &[Criterion]) -> String {
    c.iter()
        .map(|c| format!("{} | {} | {} | {}", c.key, c.weight, c.label_ar, c.label_fr))
        .collect::<Vec<_>>()
        .join("\n")
}

impl CallInput {
    /// The terms, or every problem at once.
    pub fn terms(&self) -> Result<CallTerms, Vec<(String, &'static str)>> {
        let mut e: Vec<(String, &'static str)> = Vec::new();
        for (f, v) in [
            ("fund", &self.fund),
            ("title_ar", &self.title_ar),
            ("title_fr", &self.title_fr),
        ] {
            if v.trim().is_empty() {
                e.push((f.into(), "grants-error-required"));
            }
        }
        let criteria = parse_criteria(&self.criteria);
        if criteria.is_none() {
            e.push(("criteria".into(), "grants-error-criteria"));
        }
        let t = CallTerms {
            provinces: list(&self.provinces),
            categories: list(&self.categories),
            envelope: self.envelope.trim().parse().unwrap_or(0),
            max_per_project: self.max_per_project.trim().parse().unwrap_or(0),
            cofinancing_pct: self.cofinancing_pct.trim().parse().unwrap_or(1000),
            opens_on: date(&self.opens_on),
            closes_on: date(&self.closes_on),
            decision_on: date(&self.decision_on),
            documents: list(&self.documents),
            criteria: criteria.clone().unwrap_or_default(),
        };
        for p in &t.provinces {
            if ProvinceCode::parse(p).is_err() {
                e.push(("provinces".into(), "grants-error-provinces"));
                break;
            }
        }
        for (f, k) in check_call(&t) {
            if !(f == "criteria" && criteria.is_none()) {
                e.push((f.into(), k));
            }
        }
        if e.is_empty() { Ok(t) } else { Err(e) }
    }

    /// The form filled again from a stored call.
    pub fn from_model(c: &grant_call::Model) -> Self {
        Self {
            fund: c.fund.clone(),
            title_ar: c.title_ar.clone(),
            title_fr: c.title_fr.clone(),
            description_ar: c.description_ar.clone(),
            description_fr: c.description_fr.clone(),
            provinces: c.provinces.clone(),
            categories: c.categories.clone(),
            envelope: c.envelope.to_string(),
            max_per_project: c.max_per_project.to_string(),
            cofinancing_pct: c.cofinancing_pct.to_string(),
            opens_on: c.opens_on.clone(),
            closes_on: c.closes_on.clone(),
            decision_on: c.decision_on.clone(),
            documents: c.documents.clone(),
            criteria: criteria_text(&criteria(c)),
        }
    }
}

/// A stored call's grid.
pub fn criteria(c: &grant_call::Model) -> Vec<Criterion> {
    serde_json::from_str(&c.criteria).unwrap_or_default()
}

/// A stored call's terms.
pub fn terms(c: &grant_call::Model) -> CallTerms {
    CallTerms {
        provinces: list(&c.provinces),
        categories: list(&c.categories),
        envelope: c.envelope,
        max_per_project: c.max_per_project,
        cofinancing_pct: c.cofinancing_pct as u32,
        opens_on: date(&c.opens_on),
        closes_on: date(&c.closes_on),
        decision_on: date(&c.decision_on),
        documents: list(&c.documents),
        criteria: criteria(c),
    }
}

/// The documents asked by a call.
pub fn documents_of(c: &grant_call::Model) -> Vec<String> {
    list(&c.documents)
}

/// An application as typed in the form.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct ApplicationInput {
    pub project_title: String,
    pub objectives: String,
    pub place: String,
    pub duration_months: String,
    pub women: String,
    pub men: String,
    pub children: String,
    pub budget: String,
    pub requested: String,
    /// The documents given, comma-separated keys.
    pub documents: String,
    /// Older persons (60 and over) among the beneficiaries.
    pub elderly: String,
    /// The budget by heading (one of [`BUDGET_HEADINGS`]) as typed; when any is given,
    /// the budget is their sum.
    pub budget_lines: std::collections::BTreeMap<String, String>,
    /// Where the association's own share comes from.
    pub cofinancing: String,
}

/// The headings of a project's budget.
pub const BUDGET_HEADINGS: [&str; 5] = ["staff", "equipment", "operations", "activities", "other"];

/// A stored application's budget by heading (whole dirhams).
pub fn budget_lines(a: &grant_application::Model) -> std::collections::BTreeMap<String, Mad> {
    serde_json::from_str(&a.budget_lines).unwrap_or_default()
}

impl ApplicationInput {
    pub fn from_model(a: &grant_application::Model) -> Self {
        Self {
            project_title: a.project_title.clone(),
            objectives: a.objectives.clone(),
            place: a.place.clone(),
            duration_months: a.duration_months.to_string(),
            women: a.women.to_string(),
            men: a.men.to_string(),
            children: a.children.to_string(),
            budget: a.budget.to_string(),
            requested: a.requested.to_string(),
            documents: a.documents.clone(),
            elderly: a.elderly.to_string(),
            budget_lines: budget_lines(a)
                .into_iter()
                .map(|(k, v)| (k, v.to_string()))
                .collect(),
            cofinancing: a.cofinancing.clone(),
        }
    }

    /// The budget by heading as stored (JSON), the headings typed only.
    fn budget_json(&self) -> String {
        let lines: std::collections::BTreeMap<&str, i64> = BUDGET_HEADINGS
            .iter()
            .filter_map(|h| {
                let v = self.budget_lines.get(*h)?.trim();
                Some((*h, v.parse::<i64>().ok()?))
            })
            .collect();
        if lines.is_empty() {
            String::new()
        } else {
            serde_json::to_string(&lines).unwrap_or_default()
        }
    }

    /// The sum of the budget's headings when any is typed (each a whole amount, its
    /// field `budget-<heading>` refused otherwise).
    fn budget_total(&self, e: &mut Vec<(String, &'static str)>) -> Option<i64> {
        let mut total: Option<i64> = None;
        for h in BUDGET_HEADINGS {
            let Some(v) = self.budget_lines.get(h).map(|v| v.trim()) else {
                continue;
            };
            if v.is_empty() {
                continue;
            }
            match v.parse::<i64>() {
                Ok(n) if (0..=1_000_000_000_000).contains(&n) => {
                    total = Some(total.unwrap_or(0) + n);
                }
                _ => e.push((format!("budget-{h}"), "grants-error-number")),
            }
        }
        total
    }

    /// Checks what a draft may hold: numbers where numbers are asked (blank is 0).
    fn numbers(&self) -> Result<[i64; 7], Vec<(String, &'static str)>> {
        let mut e = Vec::new();
        let mut out = [0i64; 7];
        for (i, (f, v)) in [
            ("duration_months", &self.duration_months),
            ("women", &self.women),
            ("men", &self.men),
            ("children", &self.children),
            ("budget", &self.budget),
            ("requested", &self.requested),
            ("elderly", &self.elderly),
        ]
        .into_iter()
        .enumerate()
        {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            match v.parse::<i64>() {
                Ok(n)
                    if (0..=i64::from(i32::MAX)).contains(&n) || ((i == 4 || i == 5) && n >= 0) =>
                {
                    out[i] = n
                }
                _ => e.push((f.to_string(), "grants-error-number")),
            }
        }
        if let Some(total) = self.budget_total(&mut e) {
            out[4] = total;
        }
        if self.cofinancing.chars().count() > 2000 {
            e.push(("cofinancing".into(), "grants-error-too-long"));
        }
        if self.project_title.chars().count() > 200 {
            e.push(("project_title".into(), "grants-error-too-long"));
        }
        if e.is_empty() { Ok(out) } else { Err(e) }
    }
}

/// What the filing of an application gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filed {
    pub receipt: String,
    pub status: Status,
    /// The conditions failed (ineligible), or the documents still missing when the
    /// one reminder was given.
    pub failed: Vec<Failed>,
    pub reminded: bool,
}

/// The committee's decision on an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Accept(Mad),
    Reserve,
    Refuse(String),
}

/// One scorer's score, for the secretariat.
#[derive(Debug, Clone)]
pub struct ScoreLine {
    pub user_id: i64,
    pub total: u32,
    pub marks: Vec<(String, u32)>,
    pub comment: String,
}

/// The scores of an application with their spread.
#[derive(Debug, Clone)]
pub struct ScoreSheet {
    pub lines: Vec<ScoreLine>,
    pub mean: Option<u32>,
    pub spread: u32,
    pub conflicts: usize,
}

/// One awarded grant in the public register (no personal data).
#[derive(Debug, Clone, serde::Serialize)]
pub struct RegisterRow {
    pub application_id: i64,
    pub call_id: i64,
    pub fund: String,
    pub project_title: String,
    pub objectives: String,
    pub amount: Mad,
    pub award_date: String,
    pub association_id: i64,
    pub association_name_ar: String,
    pub association_name_fr: String,
    pub province_code: String,
    pub duration_months: i32,
    pub tranches_paid: Mad,
}

/// Filter of the public register.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct RegisterFilter {
    pub year: String,
    pub province: String,
    pub fund: String,
}

fn change(
    action: Action,
    entity: Entity,
    id: i64,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
) -> Change {
    Change {
        action,
        entity,
        entity_id: id.to_string(),
        before,
        after: Some(after),
    }
}

/// The published calls, newest first (public).
pub async fn published_calls(store: &Store) -> Result<Vec<grant_call::Model>, StoreError> {
    Ok(grant_call::Entity::find()
        .filter(grant_call::Column::Status.eq("published"))
        .order_by_desc(grant_call::Column::Id)
        .all(store.conn())
        .await?)
}

/// One published call (public); a draft is not found.
pub async fn published_call(store: &Store, id: i64) -> Result<grant_call::Model, StoreError> {
    grant_call::Entity::find_by_id(id)
        .filter(grant_call::Column::Status.eq("published"))
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)
}

/// The public register: every accepted application, filtered.
pub async fn register(store: &Store, f: &RegisterFilter) -> Result<Vec<RegisterRow>, StoreError> {
    let db = store.conn();
    let calls = grant_call::Entity::find().all(db).await?;
    let mut q = grant_application::Entity::find()
        .filter(grant_application::Column::Status.eq(Status::Accepted.as_str()))
        .order_by_desc(grant_application::Column::DecidedAt)
        .order_by_asc(grant_application::Column::Id);
    if !f.province.trim().is_empty() {
        q = q.filter(grant_application::Column::ProvinceCode.eq(f.province.trim()));
    }
    let apps = q.all(db).await?;
    let mut out = Vec::new();
    for a in apps {
        let Some(call) = calls.iter().find(|c| c.id == a.call_id) else {
            continue;
        };
        let award_date: String = a
            .decided_at
            .clone()
            .unwrap_or_default()
            .chars()
            .take(10)
            .collect();
        if !f.year.trim().is_empty() && !award_date.starts_with(f.year.trim()) {
            continue;
        }
        if !f.fund.trim().is_empty() && call.fund != f.fund.trim() {
            continue;
        }
        let assoc = association::Entity::find_by_id(a.association_id)
            .one(db)
            .await?;
        let paid: Mad = grant_tranche::Entity::find()
            .filter(grant_tranche::Column::ApplicationId.eq(a.id))
            .all(db)
            .await?
            .iter()
            .filter(|t| t.released_at.is_some())
            .map(|t| t.amount)
            .sum();
        out.push(RegisterRow {
            application_id: a.id,
            call_id: a.call_id,
            fund: call.fund.clone(),
            project_title: a.project_title.clone(),
            objectives: a.objectives.clone(),
            amount: a.awarded.unwrap_or(0),
            award_date,
            association_id: a.association_id,
            association_name_ar: assoc
                .as_ref()
                .map(|x| x.name_ar.clone())
                .unwrap_or_default(),
            association_name_fr: assoc
                .as_ref()
                .map(|x| x.name_fr.clone())
                .unwrap_or_default(),
            province_code: a.province_code.clone(),
            duration_months: a.duration_months,
            tranches_paid: paid,
        });
    }
    Ok(out)
}

crate::scoped_handle!(
    /// Grants as one person may reach them.
    Scoped
);

impl Scoped<'_> {
    fn run_calls(&self) -> Result<(), StoreError> {
        if self.can(Capability::RunGrantCalls) {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// Whether the person sits on the committee of `call_id`.
    pub async fn is_member<C: ConnectionTrait>(
        &self,
        db: &C,
        call_id: i64,
        user_id: i64,
    ) -> Result<bool, StoreError> {
        if !self.can(Capability::ScoreGrantApplications) {
            return Ok(false);
        }
        Ok(grant_committee_member::Entity::find()
            .filter(grant_committee_member::Column::CallId.eq(call_id))
            .filter(grant_committee_member::Column::UserId.eq(user_id))
            .one(db)
            .await?
            .is_some())
    }

    async fn conflicted<C: ConnectionTrait>(
        &self,
        db: &C,
        application_id: i64,
        user_id: i64,
    ) -> Result<bool, StoreError> {
        Ok(grant_conflict::Entity::find()
            .filter(grant_conflict::Column::ApplicationId.eq(application_id))
            .filter(grant_conflict::Column::UserId.eq(user_id))
            .one(db)
            .await?
            .is_some())
    }

    /// Whether the person may read `a`: the programme owners, followers of its
    /// province, the manager of its establishment, a committee member of its call
    /// without a declared conflict.
    async fn may_read<C: ConnectionTrait>(
        &self,
        db: &C,
        a: &grant_application::Model,
        user_id: i64,
    ) -> Result<bool, StoreError> {
        // A declared conflict hides the application from that person, whatever else.
        if user_id != 0 && self.conflicted(db, a.id, user_id).await? {
            return Ok(false);
        }
        if self.can(Capability::RunGrantCalls) && self.is_national() {
            return Ok(true);
        }
        if let Ok(p) = ProvinceCode::parse(&a.province_code) {
            if self.can_in_province(Capability::FollowGrants, &p) {
                return Ok(true);
            }
            if self.can_at_establishment(Capability::ApplyForGrants, &p, a.establishment_id) {
                return Ok(true);
            }
        }
        if a.status != Status::Draft.as_str()
            && self.is_member(db, a.call_id, user_id).await?
            && !self.conflicted(db, a.id, user_id).await?
        {
            return Ok(true);
        }
        Ok(false)
    }

    fn applies_for(&self, a: &grant_application::Model) -> bool {
        ProvinceCode::parse(&a.province_code).is_ok_and(|p| {
            self.can_at_establishment(Capability::ApplyForGrants, &p, a.establishment_id)
        })
    }

    /// One application the person may read.
    pub async fn application(
        &self,
        id: i64,
        user_id: i64,
    ) -> Result<grant_application::Model, StoreError> {
        let db = self.store().conn();
        let a = grant_application::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        if self.may_read(db, &a, user_id).await? {
            Ok(a)
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// The calls the person may see: all for programme owners and followers, those
    /// one sits on for committee members, the published ones for applicants.
    pub async fn calls(&self, user_id: i64) -> Result<Vec<grant_call::Model>, StoreError> {
        let db = self.store().conn();
        let all = grant_call::Entity::find()
            .order_by_desc(grant_call::Column::Id)
            .all(db)
            .await?;
        if self.can(Capability::RunGrantCalls) || self.can(Capability::FollowGrants) {
            return Ok(all);
        }
        let mut out = Vec::new();
        for c in all {
            if self.is_member(db, c.id, user_id).await?
                || (self.can(Capability::ApplyForGrants) && c.status == "published")
            {
                out.push(c);
            }
        }
        Ok(out)
    }

    /// One call the person may see.
    pub async fn call(&self, id: i64, user_id: i64) -> Result<grant_call::Model, StoreError> {
        self.calls(user_id)
            .await?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or(StoreError::NotFound)
    }

    /// The applications of a call the person may read (filed ones for the committee,
    /// without those it declared a conflict on).
    pub async fn applications(
        &self,
        call_id: i64,
        user_id: i64,
    ) -> Result<Vec<grant_application::Model>, StoreError> {
        let db = self.store().conn();
        let apps = grant_application::Entity::find()
            .filter(grant_application::Column::CallId.eq(call_id))
            .order_by_asc(grant_application::Column::Id)
            .all(db)
            .await?;
        let mut out = Vec::new();
        for a in apps {
            let shows = if self.can(Capability::RunGrantCalls) && self.is_national() {
                a.status != Status::Draft.as_str()
                    && !(user_id != 0 && self.conflicted(db, a.id, user_id).await?)
            } else {
                self.may_read(db, &a, user_id).await?
            };
            if shows {
                out.push(a);
            }
        }
        Ok(out)
    }

    /// The applications of the establishments the person applies for.
    pub async fn own_applications(&self) -> Result<Vec<grant_application::Model>, StoreError> {
        if !self.can(Capability::ApplyForGrants) {
            return Ok(Vec::new());
        }
        let apps = grant_application::Entity::find()
            .order_by_desc(grant_application::Column::Id)
            .all(self.store().conn())
            .await?;
        Ok(apps.into_iter().filter(|a| self.applies_for(a)).collect())
    }

    /// Creates a draft call.
    pub async fn create_call(&self, actor: &Actor, input: &CallInput) -> Result<i64, GrantError> {
        self.run_calls()?;
        let t = input.terms().map_err(GrantError::Fields)?;
        let txn = self.store().begin_write().await?;
        let m = grant_call::ActiveModel {
            id: NotSet,
            fund: Set(input.fund.trim().into()),
            title_ar: Set(input.title_ar.trim().into()),
            title_fr: Set(input.title_fr.trim().into()),
            description_ar: Set(input.description_ar.trim().into()),
            description_fr: Set(input.description_fr.trim().into()),
            provinces: Set(t.provinces.join(",")),
            categories: Set(t.categories.join(",")),
            envelope: Set(t.envelope),
            max_per_project: Set(t.max_per_project),
            cofinancing_pct: Set(t.cofinancing_pct as i32),
            opens_on: Set(input.opens_on.trim().into()),
            closes_on: Set(input.closes_on.trim().into()),
            decision_on: Set(input.decision_on.trim().into()),
            documents: Set(t.documents.join(",")),
            criteria: Set(serde_json::to_string(&t.criteria).unwrap_or_default()),
            status: Set("draft".into()),
            created_by: Set(actor.label.clone()),
            created_at: Set(now_text()),
            published_at: Set(None),
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            actor,
            change(
                Action::Create,
                Entity::GrantCall,
                m.id,
                None,
                serde_json::to_value(input).unwrap_or_default(),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(m.id)
    }

    /// Edits a call while it is a draft.
    pub async fn update_call(
        &self,
        actor: &Actor,
        id: i64,
        input: &CallInput,
    ) -> Result<(), GrantError> {
        self.run_calls()?;
        let t = input.terms().map_err(GrantError::Fields)?;
        let txn = self.store().begin_write().await?;
        let c = grant_call::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        if c.status != "draft" {
            return Err(GrantError::Fields(vec![(
                "status".into(),
                "grants-error-published",
            )]));
        }
        let before = serde_json::to_value(CallInput::from_model(&c)).ok();
        let mut am = c.into_active_model();
        am.fund = Set(input.fund.trim().into());
        am.title_ar = Set(input.title_ar.trim().into());
        am.title_fr = Set(input.title_fr.trim().into());
        am.description_ar = Set(input.description_ar.trim().into());
        am.description_fr = Set(input.description_fr.trim().into());
        am.provinces = Set(t.provinces.join(","));
        am.categories = Set(t.categories.join(","));
        am.envelope = Set(t.envelope);
        am.max_per_project = Set(t.max_per_project);
        am.cofinancing_pct = Set(t.cofinancing_pct as i32);
        am.opens_on = Set(input.opens_on.trim().into());
        am.closes_on = Set(input.closes_on.trim().into());
        am.decision_on = Set(input.decision_on.trim().into());
        am.documents = Set(t.documents.join(","));
        am.criteria = Set(serde_json::to_string(&t.criteria).unwrap_or_default());
        am.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            change(
                Action::Update,
                Entity::GrantCall,
                id,
                before,
                serde_json::to_value(input).unwrap_or_default(),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Publishes a draft call on the public pages.
    pub async fn publish_call(&self, actor: &Actor, id: i64) -> Result<(), GrantError> {
        self.run_calls()?;
        let txn = self.store().begin_write().await?;
        let c = grant_call::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        if c.status != "draft" {
            return Err(GrantError::Fields(vec![(
                "status".into(),
                "grants-error-published",
            )]));
        }
        let mut am = c.into_active_model();
        am.status = Set("published".into());
        am.published_at = Set(Some(now_text()));
        am.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            change(
                Action::Publish,
                Entity::GrantCall,
                id,
                Some(serde_json::json!({"status": "draft"})),
                serde_json::json!({"status": "published"}),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Names a member of staff holding `ScoreGrantApplications` to a call's committee.
    pub async fn add_member(
        &self,
        actor: &Actor,
        call_id: i64,
        user_id: i64,
    ) -> Result<(), GrantError> {
        self.run_calls()?;
        let txn = self.store().begin_write().await?;
        grant_call::Entity::find_by_id(call_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let account = crate::accounts::account(&txn, jisr_domain::ids::UserId(user_id))
            .await
            .map_err(|_| GrantError::Fields(vec![("user".into(), "grants-error-member")]))?;
        if !account
            .grants
            .iter()
            .any(|(r, _)| r.can(Capability::ScoreGrantApplications))
        {
            return Err(GrantError::Fields(vec![(
                "user".into(),
                "grants-error-member",
            )]));
        }
        let exists = grant_committee_member::Entity::find()
            .filter(grant_committee_member::Column::CallId.eq(call_id))
            .filter(grant_committee_member::Column::UserId.eq(user_id))
            .one(&txn)
            .await?
            .is_some();
        if !exists {
            let m = grant_committee_member::ActiveModel {
                id: NotSet,
                call_id: Set(call_id),
                user_id: Set(user_id),
            }
            .insert(&txn)
            .await?;
            audit::record(
                &txn,
                actor,
                change(
                    Action::Grant,
                    Entity::GrantCall,
                    call_id,
                    None,
                    serde_json::json!({"committee_member": user_id, "row": m.id}),
                ),
            )
            .await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// The committee members of a call (user ids).
    pub async fn members(&self, call_id: i64) -> Result<Vec<i64>, StoreError> {
        Ok(grant_committee_member::Entity::find()
            .filter(grant_committee_member::Column::CallId.eq(call_id))
            .order_by_asc(grant_committee_member::Column::Id)
            .all(self.store().conn())
            .await?
            .into_iter()
            .map(|m| m.user_id)
            .collect())
    }

    /// Saves a draft application of the establishment `establishment_id` to a
    /// published call: a new one when `id` is `None`, else the draft `id`.
    pub async fn save_draft(
        &self,
        actor: &Actor,
        call_id: i64,
        establishment_id: i64,
        id: Option<i64>,
        input: &ApplicationInput,
    ) -> Result<i64, GrantError> {
        let n = input.numbers().map_err(GrantError::Fields)?;
        let txn = self.store().begin_write().await?;
        let call = grant_call::Entity::find_by_id(call_id)
            .filter(grant_call::Column::Status.eq("published"))
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let est = establishment::Entity::find_by_id(establishment_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let p = ProvinceCode::parse(&est.province_code)
            .map_err(|_| StoreError::Invalid("stored province".into()))?;
        if !self.can_at_establishment(Capability::ApplyForGrants, &p, est.id) {
            return Err(StoreError::NotFound.into());
        }
        let Some(association_id) = est.association_id else {
            return Err(GrantError::Fields(vec![(
                "establishment".into(),
                "grants-error-no-association",
            )]));
        };
        let docs = list(&input.documents)
            .into_iter()
            .filter(|d| documents_of(&call).contains(d))
            .collect::<Vec<_>>()
            .join(",");
        let now = now_text();
        let (app_id, action, before) = match id {
            None => {
                let m = grant_application::ActiveModel {
                    id: NotSet,
                    call_id: Set(call_id),
                    association_id: Set(association_id),
                    establishment_id: Set(est.id),
                    province_code: Set(est.province_code.clone()),
                    category: Set(est.category_code.clone()),
                    project_title: Set(input.project_title.trim().into()),
                    objectives: Set(input.objectives.trim().into()),
                    place: Set(input.place.trim().into()),
                    duration_months: Set(n[0] as i32),
                    women: Set(n[1] as i32),
                    men: Set(n[2] as i32),
                    children: Set(n[3] as i32),
                    budget: Set(n[4]),
                    requested: Set(n[5]),
                    elderly: Set(n[6] as i32),
                    budget_lines: Set(input.budget_json()),
                    cofinancing: Set(input.cofinancing.trim().into()),
                    documents: Set(docs.clone()),
                    status: Set(Status::Draft.as_str().into()),
                    failed: Set(String::new()),
                    receipt: Set(None),
                    reminded: Set(false),
                    appeals: Set(0),
                    awarded: Set(None),
                    reasons: Set(String::new()),
                    decided_at: Set(None),
                    filed_on: Set(None),
                    convention_signed_on: Set(None),
                    created_at: Set(now.clone()),
                    updated_at: Set(now),
                }
                .insert(&txn)
                .await?;
                (m.id, Action::Create, None)
            }
            Some(id) => {
                let a = grant_application::Entity::find_by_id(id)
                    .one(&txn)
                    .await?
                    .filter(|a| a.establishment_id == est.id && a.call_id == call_id)
                    .ok_or(StoreError::NotFound)?;
                let editable = a.status == Status::Draft.as_str()
                    || (a.status == Status::Filed.as_str() && a.reminded);
                if !editable {
                    return Err(GrantError::Fields(vec![(
                        "status".into(),
                        "grants-error-not-draft",
                    )]));
                }
                let before = serde_json::to_value(ApplicationInput::from_model(&a)).ok();
                let filed = a.status == Status::Filed.as_str();
                let mut am = a.into_active_model();
                if filed {
                    // after the reminder only documents may be added
                    am.documents = Set(docs);
                } else {
                    am.project_title = Set(input.project_title.trim().into());
                    am.objectives = Set(input.objectives.trim().into());
                    am.place = Set(input.place.trim().into());
                    am.duration_months = Set(n[0] as i32);
                    am.women = Set(n[1] as i32);
                    am.men = Set(n[2] as i32);
                    am.children = Set(n[3] as i32);
                    am.budget = Set(n[4]);
                    am.requested = Set(n[5]);
                    am.elderly = Set(n[6] as i32);
                    am.budget_lines = Set(input.budget_json());
                    am.cofinancing = Set(input.cofinancing.trim().into());
                    am.documents = Set(docs);
                }
                am.updated_at = Set(now);
                am.update(&txn).await?;
                (id, Action::Update, before)
            }
        };
        audit::record(
            &txn,
            actor,
            change(
                action,
                Entity::GrantApplication,
                app_id,
                before,
                serde_json::to_value(input).unwrap_or_default(),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(app_id)
    }

    /// Files a draft (or, after the reminder, a completed filed application): gives
    /// the receipt number and checks eligibility. Missing documents alone are asked
    /// once (the application stays filed, reminded); any other failed condition, or
    /// documents still missing after the reminder, makes it ineligible with each
    /// condition named.
    pub async fn file(&self, actor: &Actor, id: i64) -> Result<Filed, GrantError> {
        let txn = self.store().begin_write().await?;
        let a = grant_application::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !self.applies_for(&a) {
            return Err(StoreError::NotFound.into());
        }
        let call = grant_call::Entity::find_by_id(a.call_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let from = Status::parse(&a.status).unwrap_or(Status::Draft);
        let refile = from == Status::Filed && a.reminded;
        if !refile {
            next(from, Step::File, 0)?;
        }
        let mut e = Vec::new();
        if a.project_title.trim().is_empty() {
            e.push(("project_title".to_string(), "grants-error-required"));
        }
        if a.objectives.trim().is_empty() {
            e.push(("objectives".to_string(), "grants-error-required"));
        }
        if a.duration_months <= 0 {
            e.push(("duration_months".to_string(), "grants-error-required"));
        }
        if !e.is_empty() {
            return Err(GrantError::Fields(e));
        }
        let filed_on = if refile {
            a.filed_on.as_deref().and_then(date).unwrap_or_else(today)
        } else {
            today()
        };
        let given = list(&a.documents);
        let failed = check_eligibility(
            &terms(&call),
            &Candidate {
                province: a.province_code.clone(),
                category: a.category.clone(),
                budget: a.budget,
                requested: a.requested,
                filed_on: Some(filed_on),
                documents: given.clone(),
            },
        );
        let only_documents = !failed.is_empty()
            && failed
                .iter()
                .all(|f| matches!(f, Failed::MissingDocument(_)));
        let (status, reminded) = if failed.is_empty() {
            (next(Status::Filed, Step::Checked(true), 0)?, a.reminded)
        } else if only_documents && !a.reminded {
            (Status::Filed, true)
        } else {
            (next(Status::Filed, Step::Checked(false), 0)?, a.reminded)
        };
        let receipt = a
            .receipt
            .clone()
            .unwrap_or_else(|| receipt_number(a.call_id, a.id));
        let failed_text = failed
            .iter()
            .map(|f| match f {
                Failed::MissingDocument(d) => format!("document:{d}"),
                other => other.key().to_string(),
            })
            .collect::<Vec<_>>()
            .join(",");
        let before = a.status.clone();
        let mut am = a.into_active_model();
        am.status = Set(status.as_str().into());
        am.receipt = Set(Some(receipt.clone()));
        am.reminded = Set(reminded);
        am.failed = Set(failed_text.clone());
        am.filed_on = Set(Some(filed_on.to_string()));
        am.updated_at = Set(now_text());
        am.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            change(
                Action::Submit,
                Entity::GrantApplication,
                id,
                Some(serde_json::json!({"status": before})),
                serde_json::json!({"status": status.as_str(), "receipt": receipt,
                    "failed": failed_text, "reminded": reminded}),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(Filed {
            receipt,
            status,
            failed,
            reminded,
        })
    }

    async fn member_application(
        &self,
        txn: &sea_orm::DatabaseTransaction,
        id: i64,
        user_id: i64,
    ) -> Result<grant_application::Model, GrantError> {
        let a = grant_application::Entity::find_by_id(id)
            .one(txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        if a.status == Status::Draft.as_str() || !self.is_member(txn, a.call_id, user_id).await? {
            return Err(StoreError::NotFound.into());
        }
        Ok(a)
    }

    /// A committee member declares a conflict of interest: the application is hidden
    /// from them from then on.
    pub async fn declare_conflict(
        &self,
        actor: &Actor,
        id: i64,
        user_id: i64,
    ) -> Result<(), GrantError> {
        let txn = self.store().begin_write().await?;
        let a = self.member_application(&txn, id, user_id).await?;
        if self.conflicted(&txn, a.id, user_id).await? {
            return Err(StoreError::NotFound.into());
        }
        grant_conflict::ActiveModel {
            id: NotSet,
            application_id: Set(a.id),
            user_id: Set(user_id),
            declared_at: Set(now_text()),
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            actor,
            change(
                Action::Declare,
                Entity::GrantApplication,
                a.id,
                None,
                serde_json::json!({"conflict_of_interest": user_id}),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// A committee member scores an eligible application against the grid (one score
    /// per member; scoring again replaces it until the decision).
    pub async fn score(
        &self,
        actor: &Actor,
        id: i64,
        user_id: i64,
        marks: &[(String, u32)],
        comment: &str,
    ) -> Result<u32, GrantError> {
        let txn = self.store().begin_write().await?;
        let a = self.member_application(&txn, id, user_id).await?;
        if self.conflicted(&txn, a.id, user_id).await? {
            return Err(StoreError::NotFound.into());
        }
        if a.status != Status::Eligible.as_str() {
            return Err(GrantError::Step(StepError {
                from: Status::parse(&a.status).unwrap_or(Status::Draft),
                step: Step::Score,
            }));
        }
        let call = grant_call::Entity::find_by_id(a.call_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let Some(total) = weighted_score(&criteria(&call), marks) else {
            return Err(GrantError::Fields(vec![(
                "marks".into(),
                "grants-error-marks",
            )]));
        };
        let existing = grant_score::Entity::find()
            .filter(grant_score::Column::ApplicationId.eq(a.id))
            .filter(grant_score::Column::UserId.eq(user_id))
            .one(&txn)
            .await?;
        let marks_json = serde_json::to_string(marks).unwrap_or_default();
        let before = existing
            .as_ref()
            .map(|s| serde_json::json!({"total": s.total, "marks": s.marks}));
        let score_id = match existing {
            Some(s) => {
                let sid = s.id;
                let mut am = s.into_active_model();
                am.marks = Set(marks_json.clone());
                am.total = Set(total as i32);
                am.comment = Set(comment.trim().into());
                am.scored_at = Set(now_text());
                am.update(&txn).await?;
                sid
            }
            None => {
                grant_score::ActiveModel {
                    id: NotSet,
                    application_id: Set(a.id),
                    user_id: Set(user_id),
                    marks: Set(marks_json.clone()),
                    total: Set(total as i32),
                    comment: Set(comment.trim().into()),
                    scored_at: Set(now_text()),
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        audit::record(
            &txn,
            actor,
            change(
                Action::Assess,
                Entity::GrantScore,
                score_id,
                before,
                serde_json::json!({"application": a.id, "scorer": user_id, "total": total,
                    "marks": marks_json, "comment": comment.trim()}),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(total)
    }

    /// The scores of an application with their spread, for the secretariat.
    pub async fn score_sheet(&self, id: i64) -> Result<ScoreSheet, StoreError> {
        self.run_calls()?;
        let db = self.store().conn();
        let scores = grant_score::Entity::find()
            .filter(grant_score::Column::ApplicationId.eq(id))
            .order_by_asc(grant_score::Column::Id)
            .all(db)
            .await?;
        let conflicts = grant_conflict::Entity::find()
            .filter(grant_conflict::Column::ApplicationId.eq(id))
            .all(db)
            .await?
            .len();
        let lines: Vec<ScoreLine> = scores
            .into_iter()
            .map(|s| ScoreLine {
                user_id: s.user_id,
                total: s.total.max(0) as u32,
                marks: serde_json::from_str(&s.marks).unwrap_or_default(),
                comment: s.comment,
            })
            .collect();
        let totals: Vec<u32> = lines.iter().map(|l| l.total).collect();
        Ok(ScoreSheet {
            mean: mean(&totals),
            spread: spread(&totals),
            lines,
            conflicts,
        })
    }

    /// The total awarded so far on a call.
    pub async fn awarded<C: ConnectionTrait>(
        &self,
        db: &C,
        call_id: i64,
    ) -> Result<Mad, StoreError> {
        Ok(grant_application::Entity::find()
            .filter(grant_application::Column::CallId.eq(call_id))
            .filter(grant_application::Column::Status.eq(Status::Accepted.as_str()))
            .all(db)
            .await?
            .iter()
            .filter_map(|a| a.awarded)
            .sum())
    }

    /// Records the committee's decision. An acceptance stays within the request, the
    /// ceiling and the envelope, and opens the convention with two tranches (on
    /// signature, then on the interim report approved).
    pub async fn decide(
        &self,
        actor: &Actor,
        id: i64,
        decision: &Decision,
    ) -> Result<(), GrantError> {
        self.run_calls()?;
        let txn = self.store().begin_write().await?;
        let a = grant_application::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let call = grant_call::Entity::find_by_id(a.call_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut from = Status::parse(&a.status).unwrap_or(Status::Draft);
        if from == Status::Eligible {
            let scored = grant_score::Entity::find()
                .filter(grant_score::Column::ApplicationId.eq(a.id))
                .one(&txn)
                .await?
                .is_some();
            if scored {
                from = next(from, Step::Score, a.appeals as u32)?;
            }
        }
        let step = match decision {
            Decision::Accept(_) => Step::Accept,
            Decision::Reserve => Step::Reserve,
            Decision::Refuse(_) => Step::Refuse,
        };
        let to = next(from, step, a.appeals as u32)?;
        let mut awarded = None;
        let mut reasons = String::new();
        match decision {
            Decision::Accept(amount) => {
                let so_far = self.awarded(&txn, a.call_id).await?;
                check_award(&terms(&call), so_far, a.requested, *amount)?;
                awarded = Some(*amount);
            }
            Decision::Refuse(r) => {
                if r.trim().is_empty() {
                    return Err(GrantError::Fields(vec![(
                        "reasons".into(),
                        "grants-error-reasons",
                    )]));
                }
                reasons = r.trim().to_string();
            }
            Decision::Reserve => {}
        }
        let before = a.status.clone();
        let mut am = a.into_active_model();
        am.status = Set(to.as_str().into());
        am.awarded = Set(awarded);
        am.reasons = Set(reasons.clone());
        am.decided_at = Set(Some(now_text()));
        am.updated_at = Set(now_text());
        am.update(&txn).await?;
        if let Some(amount) = awarded {
            let (first, second) = two_tranches(amount, FIRST_TRANCHE_PCT);
            for (n, amt, cond) in [
                (1, first, TrancheCondition::Signature),
                (2, second, TrancheCondition::InterimReportApproved),
            ] {
                let t = grant_tranche::ActiveModel {
                    id: NotSet,
                    application_id: Set(id),
                    number: Set(n),
                    amount: Set(amt),
                    release_condition: Set(cond.as_str().into()),
                    released_at: Set(None),
                    payment_reference: Set(None),
                }
                .insert(&txn)
                .await?;
                audit::record(
                    &txn,
                    actor,
                    change(
                        Action::Create,
                        Entity::GrantTranche,
                        t.id,
                        None,
                        serde_json::json!({"application": id, "number": n, "amount": amt,
                            "condition": cond.as_str()}),
                    ),
                )
                .await?;
            }
        }
        audit::record(
            &txn,
            actor,
            change(
                Action::Status,
                Entity::GrantApplication,
                id,
                Some(serde_json::json!({"status": before})),
                serde_json::json!({"status": to.as_str(), "awarded": awarded, "reasons": reasons}),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The association appeals a refusal (once).
    pub async fn appeal(&self, actor: &Actor, id: i64, grounds: &str) -> Result<(), GrantError> {
        if grounds.trim().is_empty() {
            return Err(GrantError::Fields(vec![(
                "grounds".into(),
                "grants-error-required",
            )]));
        }
        let txn = self.store().begin_write().await?;
        let a = grant_application::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !self.applies_for(&a) {
            return Err(StoreError::NotFound.into());
        }
        let from = Status::parse(&a.status).unwrap_or(Status::Draft);
        let to = next(from, Step::Appeal, a.appeals as u32)?;
        let appeals = a.appeals + 1;
        let mut am = a.into_active_model();
        am.status = Set(to.as_str().into());
        am.appeals = Set(appeals);
        am.updated_at = Set(now_text());
        am.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            change(
                Action::Submit,
                Entity::GrantApplication,
                id,
                Some(serde_json::json!({"status": from.as_str()})),
                serde_json::json!({"status": to.as_str(), "appeal": grounds.trim()}),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Records the day the convention was signed.
    pub async fn sign_convention(
        &self,
        actor: &Actor,
        id: i64,
        signed_on: &str,
    ) -> Result<(), GrantError> {
        self.run_calls()?;
        let Some(d) = date(signed_on) else {
            return Err(GrantError::Fields(vec![(
                "signed_on".into(),
                "grants-error-date",
            )]));
        };
        let txn = self.store().begin_write().await?;
        let a = grant_application::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .filter(|a| a.status == Status::Accepted.as_str())
            .ok_or(StoreError::NotFound)?;
        let before = a.convention_signed_on.clone();
        let mut am = a.into_active_model();
        am.convention_signed_on = Set(Some(d.to_string()));
        am.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            change(
                Action::Update,
                Entity::GrantApplication,
                id,
                Some(serde_json::json!({"convention_signed_on": before})),
                serde_json::json!({"convention_signed_on": d.to_string()}),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The tranches of an application the person may read.
    pub async fn tranches(
        &self,
        id: i64,
        user_id: i64,
    ) -> Result<Vec<grant_tranche::Model>, StoreError> {
        self.application(id, user_id).await?;
        Ok(grant_tranche::Entity::find()
            .filter(grant_tranche::Column::ApplicationId.eq(id))
            .order_by_asc(grant_tranche::Column::Number)
            .all(self.store().conn())
            .await?)
    }

    /// The reports of an application the person may read.
    pub async fn reports(
        &self,
        id: i64,
        user_id: i64,
    ) -> Result<Vec<grant_report::Model>, StoreError> {
        self.application(id, user_id).await?;
        Ok(grant_report::Entity::find()
            .filter(grant_report::Column::ApplicationId.eq(id))
            .order_by_asc(grant_report::Column::Id)
            .all(self.store().conn())
            .await?)
    }

    async fn facts<C: ConnectionTrait>(
        &self,
        db: &C,
        a: &grant_application::Model,
    ) -> Result<ConventionFacts, StoreError> {
        let reports = grant_report::Entity::find()
            .filter(grant_report::Column::ApplicationId.eq(a.id))
            .filter(grant_report::Column::Status.eq(ReportStatus::Approved.as_str()))
            .all(db)
            .await?;
        Ok(ConventionFacts {
            signed: a.convention_signed_on.is_some(),
            interim_approved: reports.iter().any(|r| r.kind == "interim"),
            final_approved: reports.iter().any(|r| r.kind == "final"),
        })
    }

    /// Releases a tranche with the reference of its payment order, once its condition
    /// is met and the earlier tranches are released.
    pub async fn release_tranche(
        &self,
        actor: &Actor,
        tranche_id: i64,
        reference: &str,
    ) -> Result<(), GrantError> {
        self.run_calls()?;
        let txn = self.store().begin_write().await?;
        let t = grant_tranche::Entity::find_by_id(tranche_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let a = grant_application::Entity::find_by_id(t.application_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let earlier_pending = grant_tranche::Entity::find()
            .filter(grant_tranche::Column::ApplicationId.eq(a.id))
            .filter(grant_tranche::Column::Number.lt(t.number))
            .all(&txn)
            .await?
            .iter()
            .any(|x| x.released_at.is_none());
        let cond =
            TrancheCondition::parse(&t.release_condition).unwrap_or(TrancheCondition::Signature);
        check_release(
            cond,
            self.facts(&txn, &a).await?,
            t.released_at.is_some(),
            earlier_pending,
            reference,
        )?;
        let mut am = t.into_active_model();
        am.released_at = Set(Some(now_text()));
        am.payment_reference = Set(Some(reference.trim().into()));
        am.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            change(
                Action::Deliver,
                Entity::GrantTranche,
                tranche_id,
                None,
                serde_json::json!({"payment_reference": reference.trim(), "application": a.id}),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The association submits a report (`interim` or `final`): narrative and
    /// financial. A returned report is submitted again in place.
    pub async fn submit_report(
        &self,
        actor: &Actor,
        id: i64,
        kind: &str,
        narrative: &str,
        financial: &str,
    ) -> Result<i64, GrantError> {
        let mut e = Vec::new();
        if !matches!(kind, "interim" | "final") {
            e.push(("kind".to_string(), "grants-error-required"));
        }
        if narrative.trim().is_empty() {
            e.push(("narrative".to_string(), "grants-error-required"));
        }
        if financial.trim().is_empty() {
            e.push(("financial".to_string(), "grants-error-required"));
        }
        if !e.is_empty() {
            return Err(GrantError::Fields(e));
        }
        let txn = self.store().begin_write().await?;
        let a = grant_application::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !self.applies_for(&a) || a.status != Status::Accepted.as_str() {
            return Err(StoreError::NotFound.into());
        }
        let existing = grant_report::Entity::find()
            .filter(grant_report::Column::ApplicationId.eq(id))
            .filter(grant_report::Column::Kind.eq(kind))
            .one(&txn)
            .await?;
        let rid = match existing {
            Some(r) if r.status == ReportStatus::Returned.as_str() => {
                let rid = r.id;
                let mut am = r.into_active_model();
                am.narrative = Set(narrative.trim().into());
                am.financial = Set(financial.trim().into());
                am.status = Set(ReportStatus::Submitted.as_str().into());
                am.submitted_at = Set(now_text());
                am.update(&txn).await?;
                rid
            }
            Some(_) => {
                return Err(GrantError::Fields(vec![(
                    "kind".into(),
                    "grants-error-report-exists",
                )]));
            }
            None => {
                grant_report::ActiveModel {
                    id: NotSet,
                    application_id: Set(id),
                    kind: Set(kind.into()),
                    narrative: Set(narrative.trim().into()),
                    financial: Set(financial.trim().into()),
                    status: Set(ReportStatus::Submitted.as_str().into()),
                    remarks: Set(String::new()),
                    submitted_at: Set(now_text()),
                    reviewed_at: Set(None),
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        audit::record(
            &txn,
            actor,
            change(
                Action::Submit,
                Entity::GrantReport,
                rid,
                None,
                serde_json::json!({"application": id, "kind": kind}),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(rid)
    }

    /// Reviews a report: returned with remarks, or approved.
    pub async fn review_report(
        &self,
        actor: &Actor,
        report_id: i64,
        approve: bool,
        remarks: &str,
    ) -> Result<(), GrantError> {
        self.run_calls()?;
        let txn = self.store().begin_write().await?;
        let r = grant_report::Entity::find_by_id(report_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let from = ReportStatus::parse(&r.status).unwrap_or(ReportStatus::Submitted);
        let to = review_report(from, approve, remarks)
            .map_err(|k| GrantError::Fields(vec![("remarks".into(), k)]))?;
        let mut am = r.into_active_model();
        am.status = Set(to.as_str().into());
        am.remarks = Set(remarks.trim().into());
        am.reviewed_at = Set(Some(now_text()));
        am.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            change(
                Action::Assess,
                Entity::GrantReport,
                report_id,
                Some(serde_json::json!({"status": from.as_str()})),
                serde_json::json!({"status": to.as_str(), "remarks": remarks.trim()}),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

/// Whether `scope` is one an applicant works from (an establishment).
pub fn establishment_of(scope: &Scope) -> Option<i64> {
    match scope {
        Scope::Establishment(id) => Some(*id),
        _ => None,
    }
}

/// What the committee is told about the association behind an application.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    /// The establishment applying is not authorised.
    pub unauthorised_establishment: bool,
    /// Earlier grants of the association whose report is past due and not in.
    pub overdue_reports: usize,
    /// Earlier grants of the association with a tranche paid and not yet justified by
    /// its approved report.
    pub unjustified_tranches: usize,
}

impl Flags {
    pub fn any(&self) -> bool {
        self.unauthorised_establishment || self.overdue_reports > 0 || self.unjustified_tranches > 0
    }
}

/// The day a report of a convention signed on `signed` is due: the interim one halfway
/// through the project, the final one at its end.
pub fn report_due(signed: NaiveDate, duration_months: i32, kind: &str) -> Option<NaiveDate> {
    let months = duration_months.max(1) as u32;
    let months = if kind == "interim" {
        months.div_ceil(2)
    } else {
        months
    };
    signed.checked_add_months(chrono::Months::new(months))
}

impl Scoped<'_> {
    /// The flags of an application the person may read, for the committee: an
    /// unauthorised establishment, the association's overdue reports and unjustified
    /// tranches on its other grants.
    pub async fn flags(&self, id: i64, user_id: i64) -> Result<Flags, StoreError> {
        let a = self.application(id, user_id).await?;
        let db = self.store().conn();
        let est = establishment::Entity::find_by_id(a.establishment_id)
            .one(db)
            .await?;
        let mut flags = Flags {
            unauthorised_establishment: est.is_none_or(|e| e.status != "authorised"),
            ..Flags::default()
        };
        let earlier = grant_application::Entity::find()
            .filter(grant_application::Column::AssociationId.eq(a.association_id))
            .filter(grant_application::Column::Status.eq(Status::Accepted.as_str()))
            .filter(grant_application::Column::Id.ne(a.id))
            .all(db)
            .await?;
        let today = today();
        for g in earlier {
            let reports = grant_report::Entity::find()
                .filter(grant_report::Column::ApplicationId.eq(g.id))
                .all(db)
                .await?;
            let has = |kind: &str, approved_only: bool| {
                reports.iter().any(|r| {
                    r.kind == kind
                        && (r.status == ReportStatus::Approved.as_str()
                            || (!approved_only && r.status == ReportStatus::Submitted.as_str()))
                })
            };
            if let Some(signed) = g.convention_signed_on.as_deref().and_then(date) {
                let overdue = ["interim", "final"].into_iter().any(|k| {
                    report_due(signed, g.duration_months, k).is_some_and(|d| d < today)
                        && !has(k, false)
                });
                if overdue {
                    flags.overdue_reports += 1;
                }
            }
            let tranches = grant_tranche::Entity::find()
                .filter(grant_tranche::Column::ApplicationId.eq(g.id))
                .all(db)
                .await?;
            let unjustified = tranches.iter().any(|t| {
                t.released_at.is_some()
                    && match t.number {
                        1 => !has("interim", true),
                        _ => !has("final", true),
                    }
            });
            if unjustified {
                flags.unjustified_tranches += 1;
            }
        }
        Ok(flags)
    }

    /// The person's own score of an application (a committee member reads back what
    /// they gave).
    pub async fn my_score(&self, id: i64, user_id: i64) -> Result<Option<ScoreLine>, StoreError> {
        self.application(id, user_id).await?;
        Ok(grant_score::Entity::find()
            .filter(grant_score::Column::ApplicationId.eq(id))
            .filter(grant_score::Column::UserId.eq(user_id))
            .one(self.store().conn())
            .await?
            .map(|s| ScoreLine {
                user_id: s.user_id,
                total: s.total.max(0) as u32,
                marks: serde_json::from_str(&s.marks).unwrap_or_default(),
                comment: s.comment,
            }))
    }

    /// Whether the person declared a conflict on an application.
    pub async fn has_conflict(&self, id: i64, user_id: i64) -> Result<bool, StoreError> {
        self.conflicted(self.store().conn(), id, user_id).await
    }

    /// The call, association and establishment of an application the person may read.
    pub async fn parties(
        &self,
        a: &grant_application::Model,
    ) -> Result<
        (
            grant_call::Model,
            Option<association::Model>,
            Option<establishment::Model>,
        ),
        StoreError,
    > {
        let db = self.store().conn();
        let call = grant_call::Entity::find_by_id(a.call_id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let assoc = association::Entity::find_by_id(a.association_id)
            .one(db)
            .await?;
        let est = establishment::Entity::find_by_id(a.establishment_id)
            .one(db)
            .await?;
        Ok((call, assoc, est))
    }

    /// Decides an appeal: upheld, the application goes back to the committee for a new
    /// decision; rejected, the refusal stands for good (with the reasons given).
    pub async fn decide_appeal(
        &self,
        actor: &Actor,
        id: i64,
        upheld: bool,
        reasons: &str,
    ) -> Result<(), GrantError> {
        self.run_calls()?;
        if !upheld && reasons.trim().is_empty() {
            return Err(GrantError::Fields(vec![(
                "appeal_reasons".into(),
                "grants-error-reasons",
            )]));
        }
        let txn = self.store().begin_write().await?;
        let a = grant_application::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let from = Status::parse(&a.status).unwrap_or(Status::Draft);
        let to = next(from, Step::DecideAppeal(upheld), a.appeals as u32)?;
        let mut am = a.into_active_model();
        am.status = Set(to.as_str().into());
        if !upheld {
            am.reasons = Set(reasons.trim().into());
        }
        am.updated_at = Set(now_text());
        am.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            change(
                Action::Status,
                Entity::GrantApplication,
                id,
                Some(serde_json::json!({"status": from.as_str()})),
                serde_json::json!({"status": to.as_str(), "appeal_upheld": upheld,
                    "reasons": reasons.trim()}),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}
