//! Staff of establishments: staff members and their assignments (a person may work in
//! several establishments; an assignment that ends keeps its dates), the staffing of
//! each post against the category's standards and the occupancy of the register,
//! accreditations of social workers about to expire, and trainings with who attended.
//!
//! Reached through [`Scoped`]: the establishment must be within the person's grants and
//! they must hold `Capability::ReadStaffRecords` there (the establishment's manager, the
//! delegation, inspectors), or it is "not found". Keeping the records needs
//! `Capability::KeepStaffRecords`; salaries are shown and recorded only with
//! `Capability::ReadStaffSalaries` (the establishment's manager). Every opening of a
//! staff file is in the audit trail.

use crate::audit::{self, Actor, Change};
use crate::entity::{
    establishment, staff_assignment, staff_member, staff_post, staffing_standard, training,
    training_attendance,
};
use crate::owner::Owner;
use crate::{StoreError, now_text};
use chrono::NaiveDate;
use jisr_domain::access::Capability;
use jisr_domain::audit::{Action, Entity};
use jisr_domain::geo::ProvinceCode;
use jisr_domain::registry::{date_text, parse_past_date};
use jisr_domain::staff::{
    AccreditationState, AccreditationStatus, EndReason, StaffInput, Staffing, Standard,
    TrainingInput, accreditation_state, check_staff, check_training, staffing,
};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder,
};
use std::collections::{HashMap, HashSet};

/// The owner of shared records (documents, timeline lines) about a staff member.
pub fn owner(id: i64) -> Owner {
    Owner::new("staff", id)
}

/// What can go wrong when keeping staff records.
#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    /// Fields refused, each with the translation key of its message.
    #[error("invalid fields: {0:?}")]
    Fields(Vec<(&'static str, &'static str)>),
    /// The person's grants over this establishment do not allow it.
    #[error("your role may not do this here")]
    Role,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for StaffError {
    fn from(e: sea_orm::DbErr) -> Self {
        StaffError::Store(e.into())
    }
}

fn today() -> NaiveDate {
    jisr_domain::time::today()
}

/// The posts, in their order.
pub async fn posts<C: ConnectionTrait>(db: &C) -> Result<Vec<staff_post::Model>, StoreError> {
    Ok(staff_post::Entity::find()
        .order_by_asc(staff_post::Column::Position)
        .all(db)
        .await?)
}

/// A line of an establishment's staff: the assignment and who holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterLine {
    pub assignment: staff_assignment::Model,
    pub name_ar: String,
    pub name_fr: String,
    /// Where the person's accreditation stands, for posts that need one.
    pub accreditation: Option<AccreditationState>,
}

/// One post's staffing against the category's standard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffingLine {
    pub post: staff_post::Model,
    pub standard: Standard,
    pub staffing: Staffing,
}

/// An accreditation expiring within the warning period (or expired) of someone in post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiringLine {
    pub staff_id: i64,
    pub name_ar: String,
    pub name_fr: String,
    pub establishment_id: i64,
    pub establishment_name_ar: String,
    pub establishment_name_fr: String,
    pub number: String,
    pub expires_on: String,
    pub state: AccreditationState,
}

/// A training and who attended it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingLine {
    pub training: training::Model,
    pub attendees: Vec<i64>,
}

/// An establishment's staff: in post, gone, the staffing against the standards, the
/// accreditations about to expire and the trainings.
#[derive(Debug, Clone)]
pub struct Roster {
    pub establishment: establishment::Model,
    /// Persons present in the register.
    pub residents: i32,
    pub current: Vec<RosterLine>,
    pub past: Vec<RosterLine>,
    pub staffing: Vec<StaffingLine>,
    pub expiring: Vec<ExpiringLine>,
    pub trainings: Vec<TrainingLine>,
    pub posts: Vec<staff_post::Model>,
    /// Whether the person asking keeps the records (add, end, trainings).
    pub can_keep: bool,
    /// Whether the person asking records and sees salaries here.
    pub sees_salaries: bool,
}

impl Roster {
    /// Whether the establishment is in operation (authorised): only then is it held to
    /// its category's staffing standards.
    pub fn operating(&self) -> bool {
        operating(&self.establishment)
    }

    /// The posts short of their standard, in an establishment in operation.
    pub fn shortfalls(&self) -> impl Iterator<Item = &StaffingLine> {
        let operating = self.operating();
        self.staffing
            .iter()
            .filter(move |s| operating && s.staffing.is_short())
    }
}

/// An assignment as the reader of a staff file sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentView {
    pub assignment: staff_assignment::Model,
    pub establishment_name_ar: String,
    pub establishment_name_fr: String,
    /// The salary, only for those who see salaries at that establishment.
    pub salary: Option<i64>,
    /// Whether the reader may end this assignment.
    pub can_end: bool,
}

/// A staff member's file: identity, qualification, accreditation, assignments within
/// the reader's reach (all of them, ended ones included) and training history.
#[derive(Debug, Clone)]
pub struct StaffFile {
    pub member: staff_member::Model,
    pub accreditation: Option<AccreditationState>,
    pub assignments: Vec<AssignmentView>,
    pub trainings: Vec<training::Model>,
    /// Whether the reader keeps the file (may renew the accreditation).
    pub can_keep: bool,
}

/// The delegation's view: establishments short of staff, accreditations expiring.
#[derive(Debug, Clone, Default)]
pub struct Overview {
    pub shortfalls: Vec<(establishment::Model, i32, Vec<StaffingLine>)>,
    pub expiring: Vec<ExpiringLine>,
}

fn operating(e: &establishment::Model) -> bool {
    e.status == jisr_domain::establishments::Status::Authorised.as_str()
}

fn accreditation_of(m: &staff_member::Model, today: NaiveDate) -> Option<AccreditationState> {
    let status = AccreditationStatus::parse(m.accreditation_status.as_deref()?)?;
    let expires = NaiveDate::parse_from_str(m.accreditation_expiry.as_deref()?, "%Y-%m-%d").ok()?;
    Some(accreditation_state(status, expires, today))
}

fn standard_of(s: &staffing_standard::Model) -> Standard {
    Standard {
        staff: u32::try_from(s.staff).unwrap_or(0),
        per_residents: u32::try_from(s.per_residents).unwrap_or(0),
        minimum: u32::try_from(s.minimum).unwrap_or(0),
    }
}

async fn record(
    txn: &DatabaseTransaction,
    actor: &Actor,
    action: Action,
    entity: Entity,
    id: i64,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
) -> Result<(), StoreError> {
    audit::record(
        txn,
        actor,
        Change {
            action,
            entity,
            entity_id: id.to_string(),
            before,
            after: Some(after),
        },
    )
    .await
    .map(|_| ())
}

/// The staffing of each post of `category` with `residents` present and `current`
/// assignments in post.
async fn staffing_of<C: ConnectionTrait>(
    db: &C,
    category: &str,
    residents: i32,
    current: &[staff_assignment::Model],
    posts: &[staff_post::Model],
) -> Result<Vec<StaffingLine>, StoreError> {
    let standards = staffing_standard::Entity::find()
        .filter(staffing_standard::Column::CategoryCode.eq(category))
        .all(db)
        .await?;
    let residents = u32::try_from(residents).unwrap_or(0);
    Ok(posts
        .iter()
        .filter_map(|post| {
            let s = standards.iter().find(|s| s.post_code == post.code)?;
            let times: Vec<i32> = current
                .iter()
                .filter(|a| a.post_code == post.code)
                .map(|a| a.working_time)
                .collect();
            let standard = standard_of(s);
            Some(StaffingLine {
                post: post.clone(),
                standard,
                staffing: staffing(standard, residents, &times),
            })
        })
        .collect())
}

/// The staffing of an establishment's posts against its category's standards, for the
/// quality grid; `None` when it has no staff record at all (never any assignment).
pub async fn staffing_for_quality<C: ConnectionTrait>(
    db: &C,
    e: &establishment::Model,
    residents: i32,
) -> Result<Option<Vec<StaffingLine>>, StoreError> {
    let assignments = staff_assignment::Entity::find()
        .filter(staff_assignment::Column::EstablishmentId.eq(e.id))
        .all(db)
        .await?;
    if assignments.is_empty() {
        return Ok(None);
    }
    let current: Vec<staff_assignment::Model> = assignments
        .into_iter()
        .filter(|a| a.ended_on.is_none())
        .collect();
    let posts = posts(db).await?;
    staffing_of(db, &e.category_code, residents, &current, &posts)
        .await
        .map(Some)
}

crate::scoped_handle!(
    /// The staff of the establishments a person may see.
    Scoped
);

impl Scoped<'_> {
    fn establishments(&self) -> crate::establishments::Scoped<'_> {
        self.access.clone().into()
    }

    fn holds(&self, capability: Capability, e: &establishment::Model) -> bool {
        ProvinceCode::parse(&e.province_code)
            .is_ok_and(|province| self.can_at_establishment(capability, &province, e.id))
    }

    /// An establishment within scope whose staff records the person reads.
    async fn readable(&self, id: i64) -> Result<establishment::Model, StoreError> {
        let e = self.establishments().get(id).await?;
        if self.holds(Capability::ReadStaffRecords, &e) {
            Ok(e)
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// An establishment whose staff records the person keeps.
    async fn kept(&self, id: i64) -> Result<establishment::Model, StaffError> {
        let e = self.readable(id).await?;
        if self.holds(Capability::KeepStaffRecords, &e) {
            Ok(e)
        } else {
            Err(StaffError::Role)
        }
    }

    /// An establishment's staff, staffing and trainings.
    pub async fn roster(&self, establishment_id: i64) -> Result<Roster, StoreError> {
        let e = self.readable(establishment_id).await?;
        let db = self.store().conn();
        let today = today();
        let assignments = staff_assignment::Entity::find()
            .filter(staff_assignment::Column::EstablishmentId.eq(e.id))
            .order_by_asc(staff_assignment::Column::PostCode)
            .order_by_asc(staff_assignment::Column::Id)
            .all(db)
            .await?;
        let ids: Vec<i64> = assignments.iter().map(|a| a.staff_id).collect();
        let members: HashMap<i64, staff_member::Model> = staff_member::Entity::find()
            .filter(staff_member::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        let posts = posts(db).await?;
        let accredited: HashSet<&str> = posts
            .iter()
            .filter(|p| p.accredited)
            .map(|p| p.code.as_str())
            .collect();
        let (mut current, mut past) = (Vec::new(), Vec::new());
        let mut expiring = Vec::new();
        for a in assignments {
            let Some(m) = members.get(&a.staff_id) else {
                continue;
            };
            let accreditation = accredited
                .contains(a.post_code.as_str())
                .then(|| accreditation_of(m, today))
                .flatten();
            let line = RosterLine {
                name_ar: m.name_ar.clone(),
                name_fr: m.name_fr.clone(),
                accreditation,
                assignment: a,
            };
            if line.assignment.ended_on.is_none() {
                if let Some(
                    state @ (AccreditationState::ExpiringSoon(_) | AccreditationState::Expired),
                ) = accreditation
                {
                    expiring.push(ExpiringLine {
                        staff_id: m.id,
                        name_ar: m.name_ar.clone(),
                        name_fr: m.name_fr.clone(),
                        establishment_id: e.id,
                        establishment_name_ar: e.name_ar.clone(),
                        establishment_name_fr: e.name_fr.clone(),
                        number: m.accreditation_number.clone().unwrap_or_default(),
                        expires_on: m.accreditation_expiry.clone().unwrap_or_default(),
                        state,
                    });
                }
                current.push(line);
            } else {
                past.push(line);
            }
        }
        let occupancy = crate::care::occupancy_of(db, &[e.id]).await?;
        let residents = occupancy.get(&e.id).map(|o| o.total()).unwrap_or(0);
        let in_post: Vec<staff_assignment::Model> =
            current.iter().map(|l| l.assignment.clone()).collect();
        let staffing = staffing_of(db, &e.category_code, residents, &in_post, &posts).await?;
        let trainings = training::Entity::find()
            .filter(training::Column::EstablishmentId.eq(e.id))
            .order_by_desc(training::Column::StartsOn)
            .order_by_desc(training::Column::Id)
            .all(db)
            .await?;
        let attendance = training_attendance::Entity::find()
            .filter(
                training_attendance::Column::TrainingId
                    .is_in(trainings.iter().map(|t| t.id).collect::<Vec<_>>()),
            )
            .all(db)
            .await?;
        let trainings = trainings
            .into_iter()
            .map(|t| TrainingLine {
                attendees: attendance
                    .iter()
                    .filter(|a| a.training_id == t.id)
                    .map(|a| a.staff_id)
                    .collect(),
                training: t,
            })
            .collect();
        expiring.sort_by(|a, b| a.expires_on.cmp(&b.expires_on));
        Ok(Roster {
            can_keep: self.holds(Capability::KeepStaffRecords, &e),
            sees_salaries: self.holds(Capability::ReadStaffSalaries, &e),
            establishment: e,
            residents,
            current,
            past,
            staffing,
            expiring,
            trainings,
            posts,
        })
    }

    /// Adds a person to an establishment's staff: a new staff member, or one already
    /// known by their national ID (who works elsewhere too), with a new assignment.
    /// Returns the staff member's id.
    pub async fn add(
        &self,
        actor: &Actor,
        establishment_id: i64,
        input: &StaffInput,
    ) -> Result<i64, StaffError> {
        let e = self.kept(establishment_id).await?;
        let db = self.store().conn();
        let posts = posts(db).await?;
        let codes: Vec<&str> = posts.iter().map(|p| p.code.as_str()).collect();
        let accredited = posts
            .iter()
            .any(|p| p.accredited && p.code == input.assignment.post.trim());
        let checked = check_staff(input, accredited, &codes, today());
        let mut errors = checked.as_ref().err().cloned().unwrap_or_default();
        if !input.assignment.salary.trim().is_empty()
            && !self.holds(Capability::ReadStaffSalaries, &e)
        {
            errors.push(("salary", "staff-error-salary-not-yours"));
        }
        let (person, assignment) = match checked {
            Ok(ok) if errors.is_empty() => ok,
            _ => return Err(StaffError::Fields(errors)),
        };
        let known = staff_member::Entity::find()
            .filter(staff_member::Column::NationalId.eq(&person.national_id))
            .one(db)
            .await?;
        if let Some(m) = &known {
            let here = staff_assignment::Entity::find()
                .filter(staff_assignment::Column::StaffId.eq(m.id))
                .filter(staff_assignment::Column::EstablishmentId.eq(e.id))
                .filter(staff_assignment::Column::EndedOn.is_null())
                .one(db)
                .await?;
            if here.is_some() {
                return Err(StaffError::Fields(vec![(
                    "national_id",
                    "staff-error-already-here",
                )]));
            }
        }
        let now = now_text();
        let txn = self.store().begin_write().await?;
        let staff_id = match known {
            Some(m) => m.id,
            None => {
                let acc = person.accreditation.as_ref();
                let id = staff_member::Entity::insert(staff_member::ActiveModel {
                    id: NotSet,
                    name_ar: Set(person.name_ar.clone()),
                    name_fr: Set(person.name_fr.clone()),
                    national_id: Set(person.national_id.clone()),
                    sex: Set(person.sex.as_str().to_owned()),
                    birth_date: Set(date_text(person.birth_date)),
                    diploma: Set(person.diploma.clone()),
                    diploma_field: Set(person.diploma_field.clone()),
                    diploma_year: Set(person.diploma_year),
                    accreditation_number: Set(acc.map(|a| a.number.clone())),
                    accreditation_date: Set(acc.map(|a| date_text(a.granted_on))),
                    accreditation_expiry: Set(acc.map(|a| date_text(a.expires_on))),
                    accreditation_status: Set(acc.map(|a| a.status.as_str().to_owned())),
                    created_at: Set(now.clone()),
                })
                .exec(&txn)
                .await?
                .last_insert_id;
                record(
                    &txn,
                    actor,
                    Action::Create,
                    Entity::StaffMember,
                    id,
                    None,
                    serde_json::json!({
                        "sex": person.sex.as_str(),
                        "diploma": person.diploma,
                        "accreditation": acc.map(|a| &a.number),
                    }),
                )
                .await?;
                id
            }
        };
        let assignment_id = staff_assignment::Entity::insert(staff_assignment::ActiveModel {
            id: NotSet,
            staff_id: Set(staff_id),
            establishment_id: Set(e.id),
            province_code: Set(e.province_code.clone()),
            post_code: Set(assignment.post.clone()),
            employer: Set(assignment.employer.as_str().to_owned()),
            employer_name: Set(assignment.employer_name.clone()),
            contract: Set(assignment.contract.as_str().to_owned()),
            contract_start: Set(date_text(assignment.contract_start)),
            contract_end: Set(assignment.contract_end.map(date_text)),
            working_time: Set(assignment.working_time),
            salary: Set(assignment.salary),
            ended_on: Set(None),
            end_reason: Set(None),
            created_by: Set(actor.label.clone()),
            created_at: Set(now),
        })
        .exec(&txn)
        .await?
        .last_insert_id;
        record(
            &txn,
            actor,
            Action::Create,
            Entity::StaffAssignment,
            assignment_id,
            None,
            serde_json::json!({
                "staff": staff_id,
                "establishment": e.id,
                "post": assignment.post,
                "employer": assignment.employer.as_str(),
                "contract": assignment.contract.as_str(),
                "contract_start": date_text(assignment.contract_start),
                "contract_end": assignment.contract_end.map(date_text),
                "working_time": assignment.working_time,
                "salary": assignment.salary.map(|_| "***"),
            }),
        )
        .await?;
        txn.commit().await?;
        Ok(staff_id)
    }

    /// Ends an assignment in post, once: its dates stay in the history.
    pub async fn end(
        &self,
        actor: &Actor,
        establishment_id: i64,
        assignment_id: i64,
        ended_on: &str,
        reason: &str,
    ) -> Result<(), StaffError> {
        let e = self.readable(establishment_id).await?;
        let a = staff_assignment::Entity::find_by_id(assignment_id)
            .filter(staff_assignment::Column::EstablishmentId.eq(e.id))
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        if !self.holds(Capability::KeepStaffRecords, &e) {
            return Err(StaffError::Role);
        }
        let mut errors = Vec::new();
        if a.ended_on.is_some() {
            errors.push(("ended_on", "staff-error-already-ended"));
        }
        let on = parse_past_date(ended_on, today()).ok();
        match on {
            None => errors.push(("ended_on", "staff-error-ended-on")),
            Some(d) if date_text(d) < a.contract_start => {
                errors.push(("ended_on", "staff-error-ended-before-start"))
            }
            _ => {}
        }
        let reason = EndReason::parse(reason);
        if reason.is_none() {
            errors.push(("end_reason", "staff-error-end-reason"));
        }
        let (Some(on), Some(reason)) = (on, reason) else {
            return Err(StaffError::Fields(errors));
        };
        if !errors.is_empty() {
            return Err(StaffError::Fields(errors));
        }
        let txn = self.store().begin_write().await?;
        let mut am = a.clone().into_active_model();
        am.ended_on = Set(Some(date_text(on)));
        am.end_reason = Set(Some(reason.as_str().to_owned()));
        am.update(&txn).await?;
        record(
            &txn,
            actor,
            Action::EndAssignment,
            Entity::StaffAssignment,
            a.id,
            Some(serde_json::json!({ "ended_on": null })),
            serde_json::json!({ "ended_on": date_text(on), "reason": reason.as_str() }),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The establishments within reach where the person reads staff records, for a
    /// staff file: `(establishment, whether they see salaries, whether they keep)`.
    async fn reach(
        &self,
        ids: &[i64],
    ) -> Result<HashMap<i64, (establishment::Model, bool, bool)>, StoreError> {
        let rows = establishment::Entity::find()
            .filter(establishment::Column::Id.is_in(ids.to_vec()))
            .filter(self.establishments().condition())
            .all(self.store().conn())
            .await?;
        Ok(rows
            .into_iter()
            .filter(|e| self.holds(Capability::ReadStaffRecords, e))
            .map(|e| {
                let salaries = self.holds(Capability::ReadStaffSalaries, &e);
                let keeps = self.holds(Capability::KeepStaffRecords, &e);
                (e.id, (e, salaries, keeps))
            })
            .collect())
    }

    /// A staff member's file, when they work or worked in an establishment whose staff
    /// records the person reads. The opening is audited.
    pub async fn file(&self, actor: &Actor, id: i64) -> Result<StaffFile, StoreError> {
        let db = self.store().conn();
        let member = staff_member::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let all = staff_assignment::Entity::find()
            .filter(staff_assignment::Column::StaffId.eq(id))
            .order_by_asc(staff_assignment::Column::ContractStart)
            .order_by_asc(staff_assignment::Column::Id)
            .all(db)
            .await?;
        let ids: Vec<i64> = all.iter().map(|a| a.establishment_id).collect();
        let reach = self.reach(&ids).await?;
        let assignments: Vec<AssignmentView> = all
            .into_iter()
            .filter_map(|a| {
                let (e, salaries, keeps) = reach.get(&a.establishment_id)?;
                Some(AssignmentView {
                    establishment_name_ar: e.name_ar.clone(),
                    establishment_name_fr: e.name_fr.clone(),
                    salary: a.salary.filter(|_| *salaries),
                    can_end: *keeps && a.ended_on.is_none(),
                    assignment: a,
                })
            })
            .collect();
        if assignments.is_empty() {
            return Err(StoreError::NotFound);
        }
        let attended: Vec<i64> = training_attendance::Entity::find()
            .filter(training_attendance::Column::StaffId.eq(id))
            .all(db)
            .await?
            .into_iter()
            .map(|a| a.training_id)
            .collect();
        let reachable: Vec<i64> = reach.keys().copied().collect();
        let trainings = training::Entity::find()
            .filter(training::Column::Id.is_in(attended))
            .filter(training::Column::EstablishmentId.is_in(reachable))
            .order_by_desc(training::Column::StartsOn)
            .all(db)
            .await?;
        let can_keep = assignments
            .iter()
            .any(|a| a.assignment.ended_on.is_none() && reach[&a.assignment.establishment_id].2);
        audit::record_read(self.store(), actor, Entity::StaffMember, &id.to_string()).await?;
        Ok(StaffFile {
            accreditation: accreditation_of(&member, today()),
            member,
            assignments,
            trainings,
            can_keep,
        })
    }

    /// Renews or changes a staff member's accreditation under law 45.18, by someone who
    /// keeps the records of an establishment where they are in post.
    pub async fn set_accreditation(
        &self,
        actor: &Actor,
        id: i64,
        number: &str,
        granted: &str,
        expires: &str,
        status: &str,
    ) -> Result<(), StaffError> {
        let db = self.store().conn();
        let member = staff_member::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let current: Vec<i64> = staff_assignment::Entity::find()
            .filter(staff_assignment::Column::StaffId.eq(id))
            .filter(staff_assignment::Column::EndedOn.is_null())
            .all(db)
            .await?
            .into_iter()
            .map(|a| a.establishment_id)
            .collect();
        let reach = self.reach(&current).await?;
        if reach.is_empty() {
            return Err(StoreError::NotFound.into());
        }
        if !reach.values().any(|(_, _, keeps)| *keeps) {
            return Err(StaffError::Role);
        }
        let mut errors = Vec::new();
        let acc = jisr_domain::staff::check_accreditation(
            number,
            granted,
            expires,
            status,
            today(),
            &mut errors,
        );
        let Some(acc) = acc.filter(|_| errors.is_empty()) else {
            return Err(StaffError::Fields(errors));
        };
        let after = (
            Some(acc.number.clone()),
            Some(date_text(acc.granted_on)),
            Some(date_text(acc.expires_on)),
            Some(acc.status.as_str().to_owned()),
        );
        let before = (
            member.accreditation_number.clone(),
            member.accreditation_date.clone(),
            member.accreditation_expiry.clone(),
            member.accreditation_status.clone(),
        );
        if before == after {
            return Ok(());
        }
        let txn = self.store().begin_write().await?;
        let mut am = member.into_active_model();
        am.accreditation_number = Set(after.0.clone());
        am.accreditation_date = Set(after.1.clone());
        am.accreditation_expiry = Set(after.2.clone());
        am.accreditation_status = Set(after.3.clone());
        am.update(&txn).await?;
        record(
            &txn,
            actor,
            Action::Update,
            Entity::StaffMember,
            id,
            Some(serde_json::json!({
                "accreditation": before.0, "granted": before.1,
                "expires": before.2, "status": before.3,
            })),
            serde_json::json!({
                "accreditation": after.0, "granted": after.1,
                "expires": after.2, "status": after.3,
            }),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Records a training session at an establishment with the staff in post who
    /// attended. Returns the training's id.
    pub async fn add_training(
        &self,
        actor: &Actor,
        establishment_id: i64,
        input: &TrainingInput,
        attendees: &[i64],
    ) -> Result<i64, StaffError> {
        let e = self.kept(establishment_id).await?;
        let t = check_training(input).map_err(StaffError::Fields)?;
        let attendees = self.in_post(&e, attendees).await?;
        let txn = self.store().begin_write().await?;
        let id = training::Entity::insert(training::ActiveModel {
            id: NotSet,
            establishment_id: Set(e.id),
            province_code: Set(e.province_code.clone()),
            subject: Set(t.subject.clone()),
            starts_on: Set(date_text(t.starts_on)),
            ends_on: Set(date_text(t.ends_on)),
            trainer: Set(t.trainer.clone()),
            place: Set(t.place.clone()),
            created_at: Set(now_text()),
        })
        .exec(&txn)
        .await?
        .last_insert_id;
        record(
            &txn,
            actor,
            Action::Create,
            Entity::Training,
            id,
            None,
            serde_json::json!({
                "establishment": e.id, "subject": t.subject,
                "starts_on": date_text(t.starts_on), "ends_on": date_text(t.ends_on),
                "trainer": t.trainer, "place": t.place,
            }),
        )
        .await?;
        attend_in(&txn, actor, id, &attendees).await?;
        txn.commit().await?;
        Ok(id)
    }

    /// Adds attendees to a training of the establishment; those already recorded are
    /// left as they are. Returns how many were added.
    pub async fn attend(
        &self,
        actor: &Actor,
        establishment_id: i64,
        training_id: i64,
        attendees: &[i64],
    ) -> Result<usize, StaffError> {
        let e = self.readable(establishment_id).await?;
        let db = self.store().conn();
        training::Entity::find_by_id(training_id)
            .filter(training::Column::EstablishmentId.eq(e.id))
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !self.holds(Capability::KeepStaffRecords, &e) {
            return Err(StaffError::Role);
        }
        if attendees.is_empty() {
            return Err(StaffError::Fields(vec![(
                "attendees",
                "staff-error-attendees",
            )]));
        }
        let staff = self.in_post(&e, attendees).await?;
        let already: HashSet<i64> = training_attendance::Entity::find()
            .filter(training_attendance::Column::TrainingId.eq(training_id))
            .all(db)
            .await?
            .into_iter()
            .map(|a| a.staff_id)
            .collect();
        let new: Vec<i64> = staff.into_iter().filter(|s| !already.contains(s)).collect();
        if new.is_empty() {
            return Ok(0);
        }
        let txn = self.store().begin_write().await?;
        attend_in(&txn, actor, training_id, &new).await?;
        txn.commit().await?;
        Ok(new.len())
    }

    /// The staff members among `ids` in post at `e` (each once); any other refuses.
    async fn in_post(&self, e: &establishment::Model, ids: &[i64]) -> Result<Vec<i64>, StaffError> {
        let mut wanted: Vec<i64> = ids.to_vec();
        wanted.sort_unstable();
        wanted.dedup();
        let present: HashSet<i64> = staff_assignment::Entity::find()
            .filter(staff_assignment::Column::EstablishmentId.eq(e.id))
            .filter(staff_assignment::Column::EndedOn.is_null())
            .filter(staff_assignment::Column::StaffId.is_in(wanted.clone()))
            .all(self.store().conn())
            .await?
            .into_iter()
            .map(|a| a.staff_id)
            .collect();
        if wanted.iter().all(|id| present.contains(id)) {
            Ok(wanted)
        } else {
            Err(StaffError::Fields(vec![(
                "attendees",
                "staff-error-attendee-not-here",
            )]))
        }
    }

    /// Establishments within reach short of staff against their category's standards,
    /// and the accreditations of staff in post expiring within 90 days (or expired).
    pub async fn overview(&self) -> Result<Overview, StoreError> {
        let db = self.store().conn();
        let establishments: Vec<establishment::Model> = establishment::Entity::find()
            .filter(self.establishments().condition())
            .order_by_asc(establishment::Column::NameFr)
            .all(db)
            .await?
            .into_iter()
            .filter(|e| self.holds(Capability::ReadStaffRecords, e))
            .collect();
        let ids: Vec<i64> = establishments.iter().map(|e| e.id).collect();
        let current = staff_assignment::Entity::find()
            .filter(staff_assignment::Column::EstablishmentId.is_in(ids.clone()))
            .filter(staff_assignment::Column::EndedOn.is_null())
            .all(db)
            .await?;
        let occupancy = crate::care::occupancy_of(db, &ids).await?;
        let posts = posts(db).await?;
        let mut out = Overview::default();
        for e in establishments.iter().filter(|e| operating(e)) {
            let here: Vec<staff_assignment::Model> = current
                .iter()
                .filter(|a| a.establishment_id == e.id)
                .cloned()
                .collect();
            let residents = occupancy.get(&e.id).map(|o| o.total()).unwrap_or(0);
            let short: Vec<StaffingLine> =
                staffing_of(db, &e.category_code, residents, &here, &posts)
                    .await?
                    .into_iter()
                    .filter(|s| s.staffing.is_short())
                    .collect();
            if !short.is_empty() {
                out.shortfalls.push((e.clone(), residents, short));
            }
        }
        let accredited: Vec<&str> = posts
            .iter()
            .filter(|p| p.accredited)
            .map(|p| p.code.as_str())
            .collect();
        let members: HashMap<i64, staff_member::Model> = staff_member::Entity::find()
            .filter(
                staff_member::Column::Id.is_in(
                    current
                        .iter()
                        .filter(|a| accredited.contains(&a.post_code.as_str()))
                        .map(|a| a.staff_id)
                        .collect::<Vec<_>>(),
                ),
            )
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        let today = today();
        let mut seen = HashSet::new();
        for a in current
            .iter()
            .filter(|a| accredited.contains(&a.post_code.as_str()))
        {
            let (Some(m), Some(e)) = (
                members.get(&a.staff_id),
                establishments.iter().find(|e| e.id == a.establishment_id),
            ) else {
                continue;
            };
            if let Some(state @ (AccreditationState::ExpiringSoon(_) | AccreditationState::Expired)) =
                accreditation_of(m, today)
                && seen.insert((m.id, e.id))
            {
                out.expiring.push(ExpiringLine {
                    staff_id: m.id,
                    name_ar: m.name_ar.clone(),
                    name_fr: m.name_fr.clone(),
                    establishment_id: e.id,
                    establishment_name_ar: e.name_ar.clone(),
                    establishment_name_fr: e.name_fr.clone(),
                    number: m.accreditation_number.clone().unwrap_or_default(),
                    expires_on: m.accreditation_expiry.clone().unwrap_or_default(),
                    state,
                });
            }
        }
        out.expiring.sort_by(|a, b| a.expires_on.cmp(&b.expires_on));
        Ok(out)
    }
}

async fn attend_in(
    txn: &DatabaseTransaction,
    actor: &Actor,
    training_id: i64,
    staff: &[i64],
) -> Result<(), StoreError> {
    if staff.is_empty() {
        return Ok(());
    }
    for s in staff {
        training_attendance::Entity::insert(training_attendance::ActiveModel {
            id: NotSet,
            training_id: Set(training_id),
            staff_id: Set(*s),
        })
        .exec(txn)
        .await?;
    }
    record(
        txn,
        actor,
        Action::Attend,
        Entity::Training,
        training_id,
        None,
        serde_json::json!({ "staff": staff }),
    )
    .await
}
