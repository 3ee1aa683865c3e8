//! The admissions and exits register of an establishment: its lines, occupancy against
//! the authorised capacity, admitting a person, recording an exit, and the establishments
//! of a territory holding more persons than authorised.

use super::{CareError, NewAdmission, NewBeneficiary, Scoped, admit_in, capacity_of, record};
use crate::StoreError;
use crate::audit;
use crate::entity::{admission, beneficiary, establishment};
use chrono::NaiveDate;
use jisr_domain::care::{
    Basis, ExitReason, Occupancy, Representative, is_arabic_name, is_latin_name,
};
use jisr_domain::establishments::{Capacity, Status};
use jisr_domain::registry::{Cin, Sex, date_text, parse_past_date};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// The longest free text of a register line (a reference, a name, a destination).
const TEXT_MAX: usize = 200;

/// An admission as typed in the form, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AdmissionInput {
    pub name_ar: String,
    pub name_fr: String,
    /// `YYYY-MM-DD` or `DD/MM/YYYY`.
    pub birth_date: String,
    /// `male` or `female`.
    pub sex: String,
    /// The national identity card number, if the person has one.
    pub national_id: String,
    /// A [`Representative`] code.
    pub representative: String,
    pub representative_name: String,
    /// The judgement, kafala order or guardianship reference.
    pub representative_reference: String,
    pub admitted_on: String,
    /// A [`Basis`] code.
    pub basis: String,
    /// The placement order's number, the referral's tracking code, …
    pub basis_reference: String,
}

/// An exit as typed in the form, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExitInput {
    pub exit_on: String,
    /// An [`ExitReason`] code.
    pub reason: String,
    /// Where the person went (a family's town, the establishment of a transfer).
    pub destination: String,
}

/// A line of the register: the admission and who was admitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterLine {
    pub admission: admission::Model,
    pub name_ar: String,
    pub name_fr: String,
    pub sex: String,
    pub birth_date: String,
}

impl RegisterLine {
    /// Whether the person is still in the establishment.
    pub fn is_present(&self) -> bool {
        self.admission.exit_on.is_none()
    }
}

/// An establishment's register: persons present first (earliest admitted first), then
/// those who left (latest exit first), with occupancy and capacity by sex.
#[derive(Debug, Clone)]
pub struct Register {
    pub establishment: establishment::Model,
    pub lines: Vec<RegisterLine>,
    pub occupancy: Occupancy,
    pub capacity: Capacity,
    /// Whether the person asking keeps this register (admits, records exits).
    pub can_keep: bool,
}

impl Register {
    /// More persons present than authorised, for either sex.
    pub fn over_capacity(&self) -> bool {
        self.occupancy.over_capacity(&self.capacity)
    }

    /// Whether the establishment may admit anyone (it is authorised).
    pub fn admits(&self) -> bool {
        self.establishment.status == Status::Authorised.as_str()
    }
}

/// An establishment holding more persons than it is authorised for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverCapacity {
    pub establishment: establishment::Model,
    pub occupancy: Occupancy,
    pub capacity: Capacity,
}

fn today() -> NaiveDate {
    jisr_domain::time::today()
}

fn too_long(s: &str) -> bool {
    s.trim().chars().count() > TEXT_MAX
}

/// Checks an admission against the rules; `today` bounds the dates.
fn check_admission(
    input: &AdmissionInput,
    today: NaiveDate,
) -> Result<(NewBeneficiary, NewAdmission), Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    let (ar, fr) = (input.name_ar.trim(), input.name_fr.trim());
    if ar.is_empty() && fr.is_empty() {
        errors.push(("name_ar", "care-error-name"));
    }
    if !ar.is_empty() && !is_arabic_name(ar) {
        errors.push(("name_ar", "care-error-name-ar"));
    }
    if !fr.is_empty() && !is_latin_name(fr) {
        errors.push(("name_fr", "care-error-name-fr"));
    }
    let birth = parse_past_date(&input.birth_date, today);
    if birth.is_err() {
        errors.push(("birth_date", "care-error-birth-date"));
    }
    let sex = Sex::parse(&input.sex);
    if sex.is_err() {
        errors.push(("sex", "care-error-sex"));
    }
    let national_id = match input.national_id.trim() {
        "" => Some(String::new()),
        s => Cin::parse(s).ok().map(|c| c.as_str().to_owned()),
    };
    if national_id.is_none() {
        errors.push(("national_id", "care-error-cin"));
    }
    let representative = Representative::parse(&input.representative);
    match representative {
        None => errors.push(("representative", "care-error-representative")),
        Some(Representative::Self_) => {}
        Some(kind) => {
            if input.representative_name.trim().is_empty() {
                errors.push(("representative_name", "care-error-representative-name"));
            }
            if matches!(kind, Representative::Kafil | Representative::JudgeOrder)
                && input.representative_reference.trim().is_empty()
            {
                errors.push((
                    "representative_reference",
                    "care-error-representative-reference",
                ));
            }
        }
    }
    let admitted = parse_past_date(&input.admitted_on, today);
    match (&admitted, &birth) {
        (Err(_), _) => errors.push(("admitted_on", "care-error-admitted-on")),
        (Ok(a), Ok(b)) if a < b => errors.push(("admitted_on", "care-error-admitted-before-birth")),
        _ => {}
    }
    let basis = Basis::parse(&input.basis);
    match basis {
        None => errors.push(("basis", "care-error-basis")),
        Some(Basis::JudgeOrder) if input.basis_reference.trim().is_empty() => {
            errors.push(("basis_reference", "care-error-basis-reference"))
        }
        Some(_) => {}
    }
    for (field, value) in [
        ("representative_name", &input.representative_name),
        ("representative_reference", &input.representative_reference),
        ("basis_reference", &input.basis_reference),
    ] {
        if too_long(value) {
            errors.push((field, "care-error-too-long"));
        }
    }
    match (
        birth,
        sex,
        national_id,
        representative,
        admitted,
        basis,
        errors.is_empty(),
    ) {
        (
            Ok(birth),
            Ok(sex),
            Some(national_id),
            Some(representative),
            Ok(admitted),
            Some(basis),
            true,
        ) => Ok((
            NewBeneficiary {
                name_ar: ar.to_owned(),
                name_fr: fr.to_owned(),
                birth_date: date_text(birth),
                sex,
                national_id,
                representative,
                representative_name: input.representative_name.trim().to_owned(),
                representative_reference: input.representative_reference.trim().to_owned(),
                application_id: None,
            },
            NewAdmission {
                admitted_on: date_text(admitted),
                basis,
                basis_reference: input.basis_reference.trim().to_owned(),
            },
        )),
        _ => Err(errors),
    }
}

/// Checks an exit from an admission made on `admitted_on`.
fn check_exit(
    input: &ExitInput,
    admitted_on: &str,
    today: NaiveDate,
) -> Result<(String, ExitReason), Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    let exit_on = parse_past_date(&input.exit_on, today);
    match &exit_on {
        Err(_) => errors.push(("exit_on", "care-error-exit-on")),
        Ok(d) if date_text(*d).as_str() < admitted_on => {
            errors.push(("exit_on", "care-error-exit-before-admission"))
        }
        Ok(_) => {}
    }
    let reason = ExitReason::parse(&input.reason);
    if reason.is_none() {
        errors.push(("reason", "care-error-exit-reason"));
    }
    if reason == Some(ExitReason::Transfer) && input.destination.trim().is_empty() {
        errors.push(("destination", "care-error-destination"));
    }
    if too_long(&input.destination) {
        errors.push(("destination", "care-error-too-long"));
    }
    match (exit_on, reason, errors.is_empty()) {
        (Ok(d), Some(r), true) => Ok((date_text(d), r)),
        _ => Err(errors),
    }
}

impl Scoped<'_> {
    /// The register of an establishment within scope.
    pub async fn register(&self, establishment_id: i64) -> Result<Register, StoreError> {
        let e = self.establishments().get(establishment_id).await?;
        let rows = admission::Entity::find()
            .filter(admission::Column::EstablishmentId.eq(e.id))
            .find_also_related(beneficiary::Entity)
            .all(self.store().conn())
            .await?;
        let mut occupancy = Occupancy::default();
        let mut lines: Vec<RegisterLine> = rows
            .into_iter()
            .filter_map(|(a, b)| {
                let b = b?;
                Some(RegisterLine {
                    admission: a,
                    name_ar: b.name_ar,
                    name_fr: b.name_fr,
                    sex: b.sex,
                    birth_date: b.birth_date,
                })
            })
            .collect();
        for line in lines.iter().filter(|l| l.is_present()) {
            if let Ok(sex) = Sex::parse(&line.sex) {
                occupancy.count(sex);
            }
        }
        lines.sort_by(|x, y| {
            let (a, b) = (&x.admission, &y.admission);
            match (&a.exit_on, &b.exit_on) {
                (None, None) => a.admitted_on.cmp(&b.admitted_on).then(a.id.cmp(&b.id)),
                (None, Some(_)) => std::cmp::Ordering::Less,
                (Some(_), None) => std::cmp::Ordering::Greater,
                (Some(p), Some(q)) => q.cmp(p).then(b.id.cmp(&a.id)),
            }
        });
        Ok(Register {
            capacity: capacity_of(&e),
            can_keep: self.keeps(&e),
            establishment: e,
            lines,
            occupancy,
        })
    }

    /// Admits a person into an establishment within scope: a judge's placement order, a
    /// family's request at the door. Beyond capacity is allowed (an order must be
    /// executed) and shows as over capacity. Returns (beneficiary id, admission id).
    pub async fn admit(
        &self,
        actor: &crate::audit::Actor,
        establishment_id: i64,
        input: &AdmissionInput,
    ) -> Result<(i64, i64), CareError> {
        self.admit_matched(actor, establishment_id, input, None)
            .await
    }

    /// Admits a person as [`Scoped::admit`] does and, in the same transaction, remembers
    /// the point-of-entry decision (the registry person linked, or a new person) about the
    /// persons shown.
    pub async fn admit_matched(
        &self,
        actor: &crate::audit::Actor,
        establishment_id: i64,
        input: &AdmissionInput,
        matched: Option<(
            &crate::matching::EntryRecord,
            crate::matching::Decision,
            &[i64],
        )>,
    ) -> Result<(i64, i64), CareError> {
        let e = self.establishments().get(establishment_id).await?;
        if !self.keeps(&e) {
            return Err(CareError::Role);
        }
        let checked = check_admission(input, today());
        let mut errors = checked.as_ref().err().cloned().unwrap_or_default();
        if e.status != Status::Authorised.as_str() {
            errors.insert(0, ("establishment", "care-error-not-operating"));
        }
        let (person, admission) = match checked {
            Ok(ok) if errors.is_empty() => ok,
            _ => return Err(CareError::Fields(errors)),
        };
        let txn = self.store().begin_write().await?;
        let ids = admit_in(&txn, actor, &e, &person, &admission).await?;
        if let Some((entry, decision, shown)) = matched {
            crate::matching::Scoped::from(self.access().clone())
                .remember(
                    &txn,
                    actor,
                    entry,
                    decision,
                    shown,
                    ("beneficiary", Some(ids.0)),
                )
                .await?;
        }
        txn.commit().await?;
        Ok(ids)
    }

    /// Records that a person present left the establishment, once.
    pub async fn exit(
        &self,
        actor: &crate::audit::Actor,
        establishment_id: i64,
        admission_id: i64,
        input: &ExitInput,
    ) -> Result<(), CareError> {
        let e = self.establishments().get(establishment_id).await?;
        let a = admission::Entity::find_by_id(admission_id)
            .filter(admission::Column::EstablishmentId.eq(e.id))
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        if !self.keeps(&e) {
            return Err(CareError::Role);
        }
        if a.exit_on.is_some() {
            return Err(CareError::Fields(vec![(
                "exit_on",
                "care-error-already-exited",
            )]));
        }
        let (exit_on, reason) =
            check_exit(input, &a.admitted_on, today()).map_err(CareError::Fields)?;
        let destination = input.destination.trim().to_owned();
        let txn = self.store().begin_write().await?;
        // Only a line still open is closed: two exits recorded at once leave one.
        let done = admission::Entity::update_many()
            .col_expr(admission::Column::ExitOn, Expr::value(exit_on.clone()))
            .col_expr(
                admission::Column::ExitReason,
                Expr::value(reason.as_str().to_owned()),
            )
            .col_expr(
                admission::Column::ExitDestination,
                Expr::value(destination.clone()),
            )
            .filter(admission::Column::Id.eq(a.id))
            .filter(admission::Column::ExitOn.is_null())
            .exec(&txn)
            .await?;
        if done.rows_affected != 1 {
            return Err(CareError::Fields(vec![(
                "exit_on",
                "care-error-already-exited",
            )]));
        }
        record(
            &txn,
            actor,
            audit::Action::Exit,
            audit::Entity::Admission,
            a.id,
            Some(serde_json::json!({ "exit_on": null })),
            serde_json::json!({
                "establishment": e.id, "beneficiary": a.beneficiary_id,
                "exit_on": exit_on, "reason": reason.as_str(), "destination": destination,
            }),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The establishments within scope holding more persons than authorised for either
    /// sex, by name.
    pub async fn over_capacity(&self) -> Result<Vec<OverCapacity>, StoreError> {
        let db = self.store().conn();
        let occupied = establishment::Entity::find()
            .filter(self.establishments().condition())
            .filter(
                establishment::Column::Id.in_subquery(
                    Query::select()
                        .column(admission::Column::EstablishmentId)
                        .from(admission::Entity)
                        .and_where(admission::Column::ExitOn.is_null())
                        .to_owned(),
                ),
            )
            .order_by_asc(establishment::Column::NameFr)
            .order_by_asc(establishment::Column::Id)
            .all(db)
            .await?;
        let ids: Vec<i64> = occupied.iter().map(|e| e.id).collect();
        let occupancy = super::occupancy_of(db, &ids).await?;
        Ok(occupied
            .into_iter()
            .filter_map(|e| {
                let occupancy = occupancy.get(&e.id).copied().unwrap_or_default();
                let capacity = capacity_of(&e);
                occupancy.over_capacity(&capacity).then_some(OverCapacity {
                    establishment: e,
                    occupancy,
                    capacity,
                })
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn good() -> AdmissionInput {
        AdmissionInput {
            name_ar: "سلمى العلوي".into(),
            name_fr: "Salma Alaoui".into(),
            birth_date: "12/03/2012".into(),
            sex: "f".into(),
            national_id: String::new(),
            representative: "judge_order".into(),
            representative_name: "Tribunal de première instance de Ben Guerir".into(),
            representative_reference: "OP-2025-118".into(),
            admitted_on: "2026-01-15".into(),
            basis: "judge_order".into(),
            basis_reference: "OP-2025-118".into(),
        }
    }

    #[test]
    fn a_good_admission_is_normalised() {
        let (person, admission) = check_admission(&good(), day("2026-02-01")).unwrap();
        assert_eq!(person.birth_date, "2012-03-12");
        assert_eq!(person.sex, Sex::Female);
        assert_eq!(admission.admitted_on, "2026-01-15");
        assert_eq!(admission.basis, Basis::JudgeOrder);
    }

    #[test]
    fn each_refused_field_is_named() {
        let input = AdmissionInput {
            name_ar: "Salma".into(),
            name_fr: "سلمى".into(),
            birth_date: "2030-01-01".into(),
            sex: "x".into(),
            national_id: "123".into(),
            representative: "kafil".into(),
            representative_name: String::new(),
            representative_reference: String::new(),
            admitted_on: "2026-03-01".into(),
            basis: "judge_order".into(),
            basis_reference: String::new(),
        };
        let fields: Vec<&str> = check_admission(&input, day("2026-02-01"))
            .unwrap_err()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            [
                "name_ar",
                "name_fr",
                "birth_date",
                "sex",
                "national_id",
                "representative_name",
                "representative_reference",
                "admitted_on",
                "basis_reference"
            ]
        );
        let nameless = AdmissionInput {
            name_ar: " ".into(),
            name_fr: String::new(),
            ..good()
        };
        assert_eq!(
            check_admission(&nameless, day("2026-02-01")).unwrap_err(),
            [("name_ar", "care-error-name")]
        );
        let early = AdmissionInput {
            admitted_on: "2011-01-01".into(),
            ..good()
        };
        assert_eq!(
            check_admission(&early, day("2026-02-01")).unwrap_err(),
            [("admitted_on", "care-error-admitted-before-birth")]
        );
    }

    #[test]
    fn an_exit_is_dated_between_admission_and_today() {
        let exit = |on: &str, reason: &str, dest: &str| ExitInput {
            exit_on: on.into(),
            reason: reason.into(),
            destination: dest.into(),
        };
        let today = day("2026-02-01");
        assert_eq!(
            check_exit(&exit("2026-01-20", "kafala", ""), "2026-01-15", today),
            Ok(("2026-01-20".into(), ExitReason::Kafala))
        );
        assert_eq!(
            check_exit(&exit("2026-01-10", "kafala", ""), "2026-01-15", today),
            Err(vec![("exit_on", "care-error-exit-before-admission")])
        );
        assert_eq!(
            check_exit(&exit("2026-03-10", "whim", ""), "2026-01-15", today),
            Err(vec![
                ("exit_on", "care-error-exit-on"),
                ("reason", "care-error-exit-reason")
            ])
        );
        assert_eq!(
            check_exit(&exit("2026-01-20", "transfer", " "), "2026-01-15", today),
            Err(vec![("destination", "care-error-destination")])
        );
    }
}
