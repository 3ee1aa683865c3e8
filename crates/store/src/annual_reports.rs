//! The establishments' annual reports. The establishment's manager starts the report of a
//! year ([`Scoped::start`]: the beneficiaries served, admissions and exits pre-filled
//! from the admissions register, the staff in post from the staff records), edits the
//! draft ([`Scoped::save`]) and files it ([`Scoped::file`]: refused with every problem
//! named); the delegation returns it with remarks or accepts it ([`Scoped::review`]).
//! [`Scoped::list`] gives every establishment due a report and year with where it stands
//! against its deadline. The quality context reads [`risk_facts`].
//!
//! Reached through [`Scoped`]: a report of an establishment outside the person's grants,
//! or one they may not read, is "not found". Every change is audited in its transaction.

use crate::audit::{self, Actor, Change};
use crate::entity::{admission, annual_report, beneficiary, establishment, staff_assignment};
use crate::{StoreError, now_text};
use chrono::NaiveDate;
use jisr_domain::access::Capability;
use jisr_domain::annual_reports::{
    DeadlineRule, Figures, Problem, RegisterLine, Sex, Status, Timeliness, latest_year,
    served_from_register, timeliness,
};
use jisr_domain::audit::{Action, Entity};
use jisr_domain::establishments::Status as EstablishmentStatus;
use jisr_domain::geo::ProvinceCode;
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder,
};
use std::collections::{HashMap, HashSet};

/// How many years back (the latest due year included) a report may be started.
pub const YEARS_OPEN: i32 = 3;

crate::scoped_handle!(
    /// Annual reports within a person's reach.
    Scoped
);

/// What can go wrong.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Fields refused, each with the translation key of its message.
    #[error("invalid fields: {0:?}")]
    Fields(Vec<(&'static str, &'static str)>),
    /// The figures cannot be filed: every problem.
    #[error("the report cannot be filed: {0:?}")]
    Problems(Vec<Problem>),
    /// The report is not in a state allowing this (already filed, accepted, …).
    #[error("the report is {0}")]
    State(&'static str),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for ReportError {
    fn from(e: sea_orm::DbErr) -> Self {
        ReportError::Store(e.into())
    }
}

/// The delegation's decision on a filed report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Return,
    Accept,
}

impl Decision {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "return" => Some(Decision::Return),
            "accept" => Some(Decision::Accept),
            _ => None,
        }
    }
}

/// One line of the list: an establishment and a year, its report if started.
#[derive(Debug, Clone)]
pub struct Row {
    pub establishment: establishment::Model,
    pub year: i32,
    pub deadline: NaiveDate,
    pub report: Option<annual_report::Model>,
    pub timeliness: Timeliness,
}

impl Row {
    pub fn status(&self) -> Option<Status> {
        self.report.as_ref().and_then(|r| Status::parse(&r.status))
    }
}

/// What the list shows.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// One year; every open year when `None`.
    pub year: Option<i32>,
    /// `missing` (not started) or a status code; all when `None`.
    pub status: Option<String>,
}

/// A report with its establishment and what the reader may do with it.
#[derive(Debug, Clone)]
pub struct ReportView {
    pub report: annual_report::Model,
    pub establishment: establishment::Model,
    pub figures: Figures,
    pub status: Status,
    pub deadline: NaiveDate,
    pub timeliness: Timeliness,
    pub can_edit: bool,
    pub can_review: bool,
}

fn today() -> NaiveDate {
    jisr_domain::time::today()
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// Whether an establishment owes annual reports: authorised (or suspended).
pub fn due_reports(e: &establishment::Model) -> bool {
    e.status == EstablishmentStatus::Authorised.as_str()
        || e.status == EstablishmentStatus::Suspended.as_str()
}

/// The years whose report may be started on `today`, latest first.
pub fn open_years(today: NaiveDate) -> Vec<i32> {
    let latest = latest_year(today);
    (0..YEARS_OPEN).map(|i| latest - i).collect()
}

fn figures_of(r: &annual_report::Model) -> Figures {
    serde_json::from_str(&r.figures).unwrap_or_default()
}

fn status_of(r: &annual_report::Model) -> Status {
    Status::parse(&r.status).unwrap_or(Status::Draft)
}

async fn record(
    txn: &DatabaseTransaction,
    actor: &Actor,
    action: Action,
    id: i64,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
) -> Result<(), StoreError> {
    audit::record(
        txn,
        actor,
        Change {
            action,
            entity: Entity::AnnualReport,
            entity_id: id.to_string(),
            before,
            after: Some(after),
        },
    )
    .await
    .map(|_| ())
}

/// What the register and the staff records say of an establishment's year: the figures
/// a new report starts from.
pub async fn prefill<C: ConnectionTrait>(
    db: &C,
    establishment_id: i64,
    year: i32,
) -> Result<Figures, StoreError> {
    let lines = admission::Entity::find()
        .filter(admission::Column::EstablishmentId.eq(establishment_id))
        .all(db)
        .await?;
    let ids: Vec<i64> = lines.iter().map(|l| l.beneficiary_id).collect();
    let people: HashMap<i64, beneficiary::Model> = beneficiary::Entity::find()
        .filter(beneficiary::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b))
        .collect();
    let in_year = |d: Option<NaiveDate>| d.is_some_and(|d| chrono::Datelike::year(&d) == year);
    let mut register: Vec<RegisterLine> = Vec::new();
    let (mut admissions, mut exits) = (0u32, 0u32);
    for l in &lines {
        let Some(admitted) = parse_date(&l.admitted_on) else {
            continue;
        };
        let exit = l.exit_on.as_deref().and_then(parse_date);
        admissions += u32::from(in_year(Some(admitted)));
        exits += u32::from(in_year(exit));
        let person = people.get(&l.beneficiary_id);
        let sex = person
            .and_then(|p| Sex::parse(&p.sex))
            .unwrap_or(Sex::Female);
        register.push((
            l.beneficiary_id,
            admitted,
            exit,
            person.and_then(|p| parse_date(&p.birth_date)),
            sex,
        ));
    }
    let mut f = Figures::prefilled_from(&served_from_register(year, &register), admissions, exits);
    f.staff_in_post = staff_in_post(db, establishment_id, year).await?;
    Ok(f)
}

/// The persons in post at an establishment on 31 December of `year` (0 without staff
/// records).
async fn staff_in_post<C: ConnectionTrait>(
    db: &C,
    establishment_id: i64,
    year: i32,
) -> Result<u32, StoreError> {
    let end = NaiveDate::from_ymd_opt(year, 12, 31).expect("valid date");
    let people: HashSet<i64> = staff_assignment::Entity::find()
        .filter(staff_assignment::Column::EstablishmentId.eq(establishment_id))
        .all(db)
        .await?
        .into_iter()
        .filter(|a| {
            parse_date(&a.contract_start).is_some_and(|s| s <= end)
                && a.ended_on
                    .as_deref()
                    .and_then(parse_date)
                    .is_none_or(|e| e >= end)
        })
        .map(|a| a.staff_id)
        .collect();
    Ok(people.len() as u32)
}

impl Scoped<'_> {
    fn establishments(&self) -> crate::establishments::Scoped<'_> {
        self.access.clone().into()
    }

    fn holds(&self, capability: Capability, e: &establishment::Model) -> bool {
        ProvinceCode::parse(&e.province_code)
            .is_ok_and(|province| self.can_at_establishment(capability, &province, e.id))
    }

    /// The reports and the missing ones of the establishments within reach, each year:
    /// overdue first, then due soon, open, and those in; by year (latest first) and name.
    pub async fn list(&self, f: &ListFilter) -> Result<Vec<Row>, StoreError> {
        if !self.can(Capability::ReadAnnualReports) {
            return Ok(Vec::new());
        }
        let db = self.store().conn();
        let establishments: Vec<establishment::Model> = establishment::Entity::find()
            .filter(self.establishments().condition())
            .all(db)
            .await?
            .into_iter()
            .filter(|e| self.holds(Capability::ReadAnnualReports, e))
            .collect();
        let ids: Vec<i64> = establishments.iter().map(|e| e.id).collect();
        let reports = annual_report::Entity::find()
            .filter(annual_report::Column::EstablishmentId.is_in(ids))
            .all(db)
            .await?;
        let now = today();
        let rule = DeadlineRule::default();
        let years: Vec<i32> = match f.year {
            Some(y) => vec![y],
            None => open_years(now),
        };
        let mut out = Vec::new();
        for e in &establishments {
            let mut seen = HashSet::new();
            for r in reports.iter().filter(|r| r.establishment_id == e.id) {
                if f.year.is_none_or(|y| y == r.year) {
                    seen.insert(r.year);
                    out.push(Row {
                        establishment: e.clone(),
                        year: r.year,
                        deadline: rule.deadline(r.year),
                        timeliness: timeliness(&rule, r.year, Some(status_of(r)), now),
                        report: Some(r.clone()),
                    });
                }
            }
            if !due_reports(e) {
                continue;
            }
            for &y in years.iter().filter(|y| !seen.contains(y)) {
                if y > latest_year(now) {
                    continue;
                }
                out.push(Row {
                    establishment: e.clone(),
                    year: y,
                    deadline: rule.deadline(y),
                    timeliness: timeliness(&rule, y, None, now),
                    report: None,
                });
            }
        }
        if let Some(s) = f.status.as_deref().filter(|s| !s.is_empty()) {
            out.retain(|r| match r.status() {
                None => s == "missing",
                Some(st) => st.as_str() == s,
            });
        }
        let rank = |t: Timeliness| match t {
            Timeliness::Overdue => 0,
            Timeliness::DueSoon => 1,
            Timeliness::Open => 2,
            Timeliness::In => 3,
        };
        out.sort_by(|a, b| {
            rank(a.timeliness)
                .cmp(&rank(b.timeliness))
                .then(b.year.cmp(&a.year))
                .then(a.establishment.name_fr.cmp(&b.establishment.name_fr))
                .then(a.establishment.id.cmp(&b.establishment.id))
        });
        Ok(out)
    }

    /// The establishments within reach whose reports the person files (for the start
    /// form), by name.
    pub async fn fileable(&self) -> Result<Vec<establishment::Model>, StoreError> {
        if !self.can(Capability::FileAnnualReports) {
            return Ok(Vec::new());
        }
        let mut out: Vec<establishment::Model> = establishment::Entity::find()
            .filter(self.establishments().condition())
            .all(self.store().conn())
            .await?
            .into_iter()
            .filter(|e| due_reports(e) && self.holds(Capability::FileAnnualReports, e))
            .collect();
        out.sort_by(|a, b| a.name_fr.cmp(&b.name_fr).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// Starts the report of `year` for an establishment, pre-filled from the register
    /// and the staff records: every problem at once.
    pub async fn start(
        &self,
        actor: &Actor,
        establishment_id: Option<i64>,
        year: Option<i32>,
    ) -> Result<i64, ReportError> {
        if !self.can(Capability::FileAnnualReports) {
            return Err(StoreError::NotFound.into());
        }
        let mut errors = Vec::new();
        let e = match establishment_id {
            Some(id) => match self.establishments().get(id).await {
                Ok(e) if self.holds(Capability::FileAnnualReports, &e) && due_reports(&e) => {
                    Some(e)
                }
                Ok(_) | Err(StoreError::NotFound) => {
                    errors.push(("establishment", "annual-reports-error-establishment"));
                    None
                }
                Err(e) => return Err(e.into()),
            },
            None => {
                errors.push(("establishment", "annual-reports-error-establishment"));
                None
            }
        };
        let year = year.filter(|y| open_years(today()).contains(y));
        if year.is_none() {
            errors.push(("year", "annual-reports-error-year"));
        }
        let (Some(e), Some(year), true) = (e, year, errors.is_empty()) else {
            return Err(ReportError::Fields(errors));
        };
        let db = self.store().conn();
        let exists = annual_report::Entity::find()
            .filter(annual_report::Column::EstablishmentId.eq(e.id))
            .filter(annual_report::Column::Year.eq(year))
            .one(db)
            .await?;
        if exists.is_some() {
            return Err(ReportError::Fields(vec![(
                "year",
                "annual-reports-error-exists",
            )]));
        }
        let figures = prefill(db, e.id, year).await?;
        let txn = self.store().begin_write().await?;
        let now = now_text();
        let model = annual_report::ActiveModel {
            id: NotSet,
            establishment_id: Set(e.id),
            province_code: Set(e.province_code.clone()),
            year: Set(year),
            status: Set(Status::Draft.as_str().into()),
            figures: Set(serde_json::to_string(&figures).unwrap_or_default()),
            total_served: Set(i64::try_from(figures.total_served()).unwrap_or(i64::MAX)),
            food_per_beneficiary: Set(None),
            remarks: Set(String::new()),
            filed_at: Set(None),
            filed_by: Set(None),
            reviewed_at: Set(None),
            reviewed_by: Set(None),
            created_by: Set(actor.label.chars().take(80).collect()),
            created_at: Set(now.clone()),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await?;
        record(
            &txn,
            actor,
            Action::Create,
            model.id,
            None,
            serde_json::json!({"establishment": e.id, "year": year,
                "served": figures.total_served(), "admissions": figures.admissions,
                "exits": figures.exits, "staff_in_post": figures.staff_in_post}),
        )
        .await?;
        txn.commit().await?;
        Ok(model.id)
    }

    async fn find(
        &self,
        id: i64,
    ) -> Result<(annual_report::Model, establishment::Model), StoreError> {
        let r = annual_report::Entity::find_by_id(id)
            .filter(
                self.access
                    .condition(annual_report::Column::ProvinceCode, |e| {
                        Some(annual_report::Column::EstablishmentId.eq(e))
                    }),
            )
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let e = self.establishments().get(r.establishment_id).await?;
        if !self.holds(Capability::ReadAnnualReports, &e) {
            return Err(StoreError::NotFound);
        }
        Ok((r, e))
    }

    /// One report, with what the reader may do with it.
    pub async fn report(&self, id: i64) -> Result<ReportView, StoreError> {
        let (report, establishment) = self.find(id).await?;
        let status = status_of(&report);
        let rule = DeadlineRule::default();
        Ok(ReportView {
            figures: figures_of(&report),
            deadline: rule.deadline(report.year),
            timeliness: timeliness(&rule, report.year, Some(status), today()),
            can_edit: status.editable()
                && self.holds(Capability::FileAnnualReports, &establishment),
            can_review: status == Status::Filed
                && self.holds(Capability::ReviewAnnualReports, &establishment),
            status,
            report,
            establishment,
        })
    }

    async fn editable(
        &self,
        id: i64,
    ) -> Result<(annual_report::Model, establishment::Model), ReportError> {
        let (r, e) = self.find(id).await?;
        if !self.holds(Capability::FileAnnualReports, &e) {
            return Err(StoreError::NotFound.into());
        }
        if !status_of(&r).editable() {
            return Err(ReportError::State(status_of(&r).as_str()));
        }
        Ok((r, e))
    }

    /// Saves a draft's (or a returned report's) figures; the register's figures it
    /// started from are kept.
    pub async fn save(&self, actor: &Actor, id: i64, figures: Figures) -> Result<(), ReportError> {
        let (r, _) = self.editable(id).await?;
        self.write(actor, r, figures, None).await
    }

    /// Files a draft or a returned report with these figures: refused, nothing saved,
    /// with every problem of the figures.
    pub async fn file(&self, actor: &Actor, id: i64, figures: Figures) -> Result<(), ReportError> {
        let (r, _) = self.editable(id).await?;
        let mut figures = figures;
        figures.prefilled = figures_of(&r).prefilled;
        let problems = figures.problems();
        if !problems.is_empty() {
            return Err(ReportError::Problems(problems));
        }
        self.write(actor, r, figures, Some(Status::Filed)).await
    }

    async fn write(
        &self,
        actor: &Actor,
        r: annual_report::Model,
        mut figures: Figures,
        to: Option<Status>,
    ) -> Result<(), ReportError> {
        let before = status_of(&r);
        figures.prefilled = figures_of(&r).prefilled;
        let id = r.id;
        let txn = self.store().begin_write().await?;
        let now = now_text();
        let mut a = r.into_active_model();
        a.figures = Set(serde_json::to_string(&figures).unwrap_or_default());
        a.total_served = Set(i64::try_from(figures.total_served()).unwrap_or(i64::MAX));
        a.food_per_beneficiary = Set(figures
            .food_per_beneficiary()
            .map(|p| i64::try_from(p).unwrap_or(i64::MAX)));
        a.updated_at = Set(now.clone());
        if let Some(to) = to {
            a.status = Set(to.as_str().into());
            a.filed_at = Set(Some(now));
            a.filed_by = Set(Some(actor.label.chars().take(80).collect()));
        }
        a.update(&txn).await?;
        let after = serde_json::json!({
            "status": to.unwrap_or(before).as_str(),
            "served": figures.total_served(),
            "spending": figures.total_spending(),
            "food_per_beneficiary": figures.food_per_beneficiary(),
            "changed_from_register": figures.changed(),
        });
        record(
            &txn,
            actor,
            if to.is_some() {
                Action::Submit
            } else {
                Action::Update
            },
            id,
            Some(serde_json::json!({"status": before.as_str()})),
            after,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The delegation returns a filed report with remarks (required) or accepts it.
    pub async fn review(
        &self,
        actor: &Actor,
        id: i64,
        decision: Option<Decision>,
        remarks: &str,
    ) -> Result<(), ReportError> {
        let (r, e) = self.find(id).await?;
        if !self.holds(Capability::ReviewAnnualReports, &e) {
            return Err(StoreError::NotFound.into());
        }
        let remarks = remarks.trim();
        let mut errors = Vec::new();
        match decision {
            None => errors.push(("decision", "annual-reports-error-decision")),
            Some(Decision::Return) if remarks.is_empty() => {
                errors.push(("remarks", "annual-reports-error-remarks"))
            }
            _ => {}
        }
        if remarks.chars().count() > 4000 {
            errors.push(("remarks", "annual-reports-error-too-long"));
        }
        let (Some(decision), true) = (decision, errors.is_empty()) else {
            return Err(ReportError::Fields(errors));
        };
        let before = status_of(&r);
        let to = match decision {
            Decision::Return => Status::Returned,
            Decision::Accept => Status::Accepted,
        };
        if !before.may_become(to) {
            return Err(ReportError::State(before.as_str()));
        }
        let txn = self.store().begin_write().await?;
        let now = now_text();
        let mut a = r.into_active_model();
        a.status = Set(to.as_str().into());
        if decision == Decision::Return || !remarks.is_empty() {
            a.remarks = Set(remarks.into());
        }
        a.reviewed_at = Set(Some(now.clone()));
        a.reviewed_by = Set(Some(actor.label.chars().take(80).collect()));
        a.updated_at = Set(now);
        a.update(&txn).await?;
        record(
            &txn,
            actor,
            Action::Status,
            id,
            Some(serde_json::json!({"status": before.as_str()})),
            serde_json::json!({"status": to.as_str(), "remarks": remarks}),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

/// What the annual reports tell the quality context of each establishment on `today`:
/// whether the report of the latest due year is overdue (`None` for an establishment
/// that owes none or before the deadline) and the food spending per beneficiary of the
/// latest report filed or accepted.
pub async fn risk_facts<C: ConnectionTrait>(
    db: &C,
    establishments: &[establishment::Model],
    today: NaiveDate,
) -> Result<HashMap<i64, (Option<bool>, Option<u64>)>, StoreError> {
    let ids: Vec<i64> = establishments.iter().map(|e| e.id).collect();
    let reports = annual_report::Entity::find()
        .filter(annual_report::Column::EstablishmentId.is_in(ids))
        .order_by_desc(annual_report::Column::Year)
        .all(db)
        .await?;
    let rule = DeadlineRule::default();
    let year = latest_year(today);
    Ok(establishments
        .iter()
        .map(|e| {
            let mine: Vec<&annual_report::Model> = reports
                .iter()
                .filter(|r| r.establishment_id == e.id)
                .collect();
            let overdue = due_reports(e)
                .then(|| {
                    let status = mine.iter().find(|r| r.year == year).map(|r| status_of(r));
                    match timeliness(&rule, year, status, today) {
                        Timeliness::Overdue => Some(true),
                        Timeliness::In => Some(false),
                        Timeliness::Open | Timeliness::DueSoon => None,
                    }
                })
                .flatten();
            let food = mine
                .iter()
                .find(|r| status_of(r).is_in())
                .and_then(|r| r.food_per_beneficiary)
                .map(|p| u64::try_from(p).unwrap_or(0));
            (e.id, (overdue, food))
        })
        .collect())
}
