//! Staff of establishments: the coded values of a staff record (employer, contract,
//! accreditation of social workers under law 45.18), the checks of a new staff member
//! and of an assignment, the staffing ratios of a category against the staff in post and
//! the occupancy, and the accreditations about to expire. Pure rules; the store keeps
//! the records.

use crate::care::{is_arabic_name, is_latin_name};
use crate::registry::{Cin, Sex, parse_date, parse_past_date};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

macro_rules! coded {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s.trim())
            }
        }
    };
}

coded!(
    /// Who employs the person working in the establishment.
    Employer {
        Association => "association",
        Agency => "agency",
        Partner => "partner",
    }
);

coded!(
    /// The kind of contract.
    Contract {
        Permanent => "permanent",
        FixedTerm => "fixed_term",
        Service => "service",
        Secondment => "secondment",
        Volunteer => "volunteer",
    }
);

coded!(
    /// Where an accreditation of a social worker (law 45.18) stands.
    AccreditationStatus {
        Valid => "valid",
        Suspended => "suspended",
        Withdrawn => "withdrawn",
    }
);

coded!(
    /// Why an assignment ended.
    EndReason {
        Resignation => "resignation",
        ContractEnd => "contract_end",
        Dismissal => "dismissal",
        Transfer => "transfer",
        Retirement => "retirement",
        Other => "other",
    }
);

/// How many days ahead an accreditation about to expire is listed.
pub const EXPIRY_WARNING_DAYS: i64 = 90;

/// The longest free text of a staff record (names, fields, places).
const TEXT_MAX: usize = 200;

/// A field refused: the form's field name and the translation key of the reason.
pub type FieldRefusal = (&'static str, &'static str);

/// A staff member and their assignment as typed, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffInput {
    pub name_ar: String,
    pub name_fr: String,
    pub national_id: String,
    pub sex: String,
    pub birth_date: String,
    pub diploma: String,
    pub diploma_field: String,
    pub diploma_year: String,
    pub accreditation_number: String,
    pub accreditation_date: String,
    pub accreditation_expiry: String,
    pub accreditation_status: String,
    pub assignment: AssignmentInput,
}

/// An assignment to an establishment as typed: post, employer, contract, working time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssignmentInput {
    /// A post code of the posts table.
    pub post: String,
    pub employer: String,
    /// The association, partner or agency service's name.
    pub employer_name: String,
    pub contract: String,
    pub contract_start: String,
    /// Empty for a contract without end.
    pub contract_end: String,
    /// Percent of full time, 1–100.
    pub working_time: String,
    /// Monthly gross salary in dirhams, empty when not recorded.
    pub salary: String,
}

/// An accreditation under law 45.18, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accreditation {
    pub number: String,
    pub granted_on: NaiveDate,
    pub expires_on: NaiveDate,
    pub status: AccreditationStatus,
}

/// A staff member, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStaff {
    pub name_ar: String,
    pub name_fr: String,
    /// The CIN, upper case.
    pub national_id: String,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    pub diploma: String,
    pub diploma_field: String,
    pub diploma_year: Option<i32>,
    pub accreditation: Option<Accreditation>,
}

/// An assignment, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAssignment {
    pub post: String,
    pub employer: Employer,
    pub employer_name: String,
    pub contract: Contract,
    pub contract_start: NaiveDate,
    pub contract_end: Option<NaiveDate>,
    pub working_time: i32,
    pub salary: Option<i64>,
}

fn optional_text(s: &str, field: &'static str, errors: &mut Vec<FieldRefusal>) -> String {
    let s = s.trim();
    if s.chars().count() > TEXT_MAX {
        errors.push((field, "staff-error-too-long"));
    }
    s.to_owned()
}

/// Checks a staff member as typed; `accredited` says whether the post needs an
/// accreditation under law 45.18 (a social worker's). Every refusal at once.
pub fn check_staff(
    input: &StaffInput,
    accredited: bool,
    known_posts: &[&str],
    today: NaiveDate,
) -> Result<(NewStaff, NewAssignment), Vec<FieldRefusal>> {
    let mut errors = Vec::new();
    let (ar, fr) = (input.name_ar.trim(), input.name_fr.trim());
    if ar.is_empty() {
        errors.push(("name_ar", "staff-error-name-ar-required"));
    } else if !is_arabic_name(ar) {
        errors.push(("name_ar", "staff-error-name-ar"));
    }
    if fr.is_empty() {
        errors.push(("name_fr", "staff-error-name-fr-required"));
    } else if !is_latin_name(fr) {
        errors.push(("name_fr", "staff-error-name-fr"));
    }
    let cin = Cin::parse(&input.national_id);
    if cin.is_err() {
        errors.push(("national_id", "staff-error-cin"));
    }
    let sex = Sex::parse(&input.sex);
    if sex.is_err() {
        errors.push(("sex", "staff-error-sex"));
    }
    let birth = parse_past_date(&input.birth_date, today)
        .ok()
        .filter(|b| crate::registry::age_on(*b, today).is_some_and(|a| (15..=80).contains(&a)));
    if birth.is_none() {
        errors.push(("birth_date", "staff-error-birth-date"));
    }
    let diploma = optional_text(&input.diploma, "diploma", &mut errors);
    let diploma_field = optional_text(&input.diploma_field, "diploma_field", &mut errors);
    let diploma_year = match input.diploma_year.trim() {
        "" => Some(None),
        y => y
            .parse::<i32>()
            .ok()
            .filter(|y| (1950..=today.format("%Y").to_string().parse().unwrap_or(9999)).contains(y))
            .map(Some),
    };
    if diploma_year.is_none() {
        errors.push(("diploma_year", "staff-error-diploma-year"));
    }
    let accreditation = if accredited {
        check_accreditation(
            &input.accreditation_number,
            &input.accreditation_date,
            &input.accreditation_expiry,
            &input.accreditation_status,
            today,
            &mut errors,
        )
    } else {
        None
    };
    let assignment = check_assignment(&input.assignment, known_posts, &mut errors);
    match (cin, sex, birth, diploma_year, assignment) {
        (Ok(cin), Ok(sex), Some(birth_date), Some(diploma_year), Some(assignment))
            if errors.is_empty() =>
        {
            Ok((
                NewStaff {
                    name_ar: ar.to_owned(),
                    name_fr: fr.to_owned(),
                    national_id: cin.as_str().to_owned(),
                    sex,
                    birth_date,
                    diploma,
                    diploma_field,
                    diploma_year,
                    accreditation,
                },
                assignment,
            ))
        }
        _ => Err(errors),
    }
}

/// Checks an accreditation's fields, adding every refusal to `errors`.
pub fn check_accreditation(
    number: &str,
    granted: &str,
    expires: &str,
    status: &str,
    today: NaiveDate,
    errors: &mut Vec<FieldRefusal>,
) -> Option<Accreditation> {
    let number = number.trim();
    if number.is_empty() {
        errors.push(("accreditation_number", "staff-error-accreditation-number"));
    } else if number.chars().count() > 40 {
        errors.push(("accreditation_number", "staff-error-too-long"));
    }
    let granted = parse_past_date(granted, today).ok();
    if granted.is_none() {
        errors.push(("accreditation_date", "staff-error-accreditation-date"));
    }
    let expires = parse_date(expires).ok();
    match (granted, expires) {
        (_, None) => errors.push(("accreditation_expiry", "staff-error-accreditation-expiry")),
        (Some(g), Some(e)) if e <= g => {
            errors.push(("accreditation_expiry", "staff-error-expiry-before-grant"))
        }
        _ => {}
    }
    let status = AccreditationStatus::parse(status);
    if status.is_none() {
        errors.push(("accreditation_status", "staff-error-accreditation-status"));
    }
    match (granted, expires, status) {
        (Some(granted_on), Some(expires_on), Some(status))
            if !number.is_empty() && expires_on > granted_on =>
        {
            Some(Accreditation {
                number: number.to_owned(),
                granted_on,
                expires_on,
                status,
            })
        }
        _ => None,
    }
}

/// Checks an assignment's fields, adding every refusal to `errors`.
pub fn check_assignment(
    input: &AssignmentInput,
    known_posts: &[&str],
    errors: &mut Vec<FieldRefusal>,
) -> Option<NewAssignment> {
    let post = input.post.trim();
    let post_ok = known_posts.contains(&post);
    if !post_ok {
        errors.push(("post", "staff-error-post"));
    }
    let employer = Employer::parse(&input.employer);
    if employer.is_none() {
        errors.push(("employer", "staff-error-employer"));
    }
    let employer_name = optional_text(&input.employer_name, "employer_name", errors);
    let contract = Contract::parse(&input.contract);
    if contract.is_none() {
        errors.push(("contract", "staff-error-contract"));
    }
    let start = parse_date(&input.contract_start).ok();
    if start.is_none() {
        errors.push(("contract_start", "staff-error-contract-start"));
    }
    let end = match input.contract_end.trim() {
        "" => Some(None),
        s => parse_date(s).ok().map(Some),
    };
    match (start, end) {
        (_, None) => errors.push(("contract_end", "staff-error-contract-end")),
        (Some(s), Some(Some(e))) if e < s => {
            errors.push(("contract_end", "staff-error-contract-end-before"))
        }
        (_, Some(None)) if contract == Some(Contract::FixedTerm) => {
            errors.push(("contract_end", "staff-error-contract-end-required"))
        }
        _ => {}
    }
    let working_time = input
        .working_time
        .trim()
        .trim_end_matches('%')
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|w| (1..=100).contains(w));
    if working_time.is_none() {
        errors.push(("working_time", "staff-error-working-time"));
    }
    let salary = match input.salary.trim().replace([' ', '\u{a0}', '\u{202f}'], "") {
        s if s.is_empty() => Some(None),
        s => s
            .parse::<i64>()
            .ok()
            .filter(|v| (1..=1_000_000).contains(v))
            .map(Some),
    };
    if salary.is_none() {
        errors.push(("salary", "staff-error-salary"));
    }
    match (employer, contract, start, end, working_time, salary) {
        (
            Some(employer),
            Some(contract),
            Some(contract_start),
            Some(contract_end),
            Some(w),
            Some(salary),
        ) if post_ok && contract_end.is_none_or(|e| e >= contract_start) => Some(NewAssignment {
            post: post.to_owned(),
            employer,
            employer_name,
            contract,
            contract_start,
            contract_end,
            working_time: w,
            salary,
        }),
        _ => None,
    }
}

/// A staffing standard of a category: at least `staff` persons of a post for every
/// `per_residents` residents present (rounded up), and never fewer than `minimum`.
/// `per_residents` 0 means the minimum alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standard {
    pub staff: u32,
    pub per_residents: u32,
    pub minimum: u32,
}

/// The staff a standard asks for with `residents` present, in full-time equivalents
/// counted in hundredths (percent of one full-time person).
pub fn required_percent(standard: Standard, residents: u32) -> u64 {
    let by_ratio = if standard.per_residents == 0 {
        0
    } else {
        (u64::from(residents) * u64::from(standard.staff))
            .div_ceil(u64::from(standard.per_residents))
    };
    by_ratio.max(u64::from(standard.minimum)) * 100
}

/// One post's staffing against its standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Staffing {
    /// Full-time equivalents asked for, in hundredths.
    pub required: u64,
    /// Full-time equivalents in post, in hundredths (each person's working time).
    pub in_post: u64,
}

impl Staffing {
    /// The full-time equivalents missing, in hundredths (0 when the post is covered).
    pub fn shortfall(&self) -> u64 {
        self.required.saturating_sub(self.in_post)
    }

    pub fn is_short(&self) -> bool {
        self.shortfall() > 0
    }
}

/// The staffing of a post: what the standard asks with `residents` present against the
/// working times (percent) of the persons in post.
pub fn staffing(standard: Standard, residents: u32, working_times: &[i32]) -> Staffing {
    Staffing {
        required: required_percent(standard, residents),
        in_post: working_times
            .iter()
            .map(|w| u64::try_from((*w).clamp(0, 100)).unwrap_or(0))
            .sum(),
    }
}

/// Full-time equivalents in hundredths as text: `2`, `1.5`, `0.75`.
pub fn fte_text(hundredths: u64) -> String {
    let (whole, part) = (hundredths / 100, hundredths % 100);
    match part {
        0 => whole.to_string(),
        p if p % 10 == 0 => format!("{whole}.{}", p / 10),
        p => format!("{whole}.{p:02}"),
    }
}

/// Where an accreditation stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccreditationState {
    /// Valid beyond the warning period.
    Valid,
    /// Valid, but expiring within [`EXPIRY_WARNING_DAYS`]: the days left.
    ExpiringSoon(i64),
    Expired,
    /// Suspended or withdrawn.
    Inactive,
}

pub fn accreditation_state(
    status: AccreditationStatus,
    expires_on: NaiveDate,
    today: NaiveDate,
) -> AccreditationState {
    if status != AccreditationStatus::Valid {
        return AccreditationState::Inactive;
    }
    let left = (expires_on - today).num_days();
    if left < 0 {
        AccreditationState::Expired
    } else if left <= EXPIRY_WARNING_DAYS {
        AccreditationState::ExpiringSoon(left)
    } else {
        AccreditationState::Valid
    }
}

/// A training session as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrainingInput {
    pub subject: String,
    pub starts_on: String,
    pub ends_on: String,
    pub trainer: String,
    pub place: String,
}

/// A training session, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTraining {
    pub subject: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub trainer: String,
    pub place: String,
}

/// Checks a training session: a subject and a trainer, dates in order. Every refusal
/// at once.
pub fn check_training(input: &TrainingInput) -> Result<NewTraining, Vec<FieldRefusal>> {
    let mut errors = Vec::new();
    let subject = optional_text(&input.subject, "subject", &mut errors);
    if subject.is_empty() {
        errors.push(("subject", "staff-error-subject"));
    }
    let trainer = optional_text(&input.trainer, "trainer", &mut errors);
    if trainer.is_empty() {
        errors.push(("trainer", "staff-error-trainer"));
    }
    let place = optional_text(&input.place, "place", &mut errors);
    let starts = parse_date(&input.starts_on).ok();
    if starts.is_none() {
        errors.push(("starts_on", "staff-error-starts-on"));
    }
    let ends = parse_date(&input.ends_on).ok();
    match (starts, ends) {
        (_, None) => errors.push(("ends_on", "staff-error-ends-on")),
        (Some(s), Some(e)) if e < s => errors.push(("ends_on", "staff-error-ends-before")),
        _ => {}
    }
    match (starts, ends) {
        (Some(starts_on), Some(ends_on)) if errors.is_empty() => Ok(NewTraining {
            subject,
            starts_on,
            ends_on,
            trainer,
            place,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const POSTS: &[&str] = &["director", "educator", "social_worker"];

    fn input() -> StaffInput {
        StaffInput {
            name_ar: "فاطمة الزهراء".into(),
            name_fr: "Fatima Zahra".into(),
            national_id: "ee123456".into(),
            sex: "female".into(),
            birth_date: "1990-04-02".into(),
            diploma: "Licence".into(),
            diploma_field: "Sociologie".into(),
            diploma_year: "2012".into(),
            accreditation_number: "AS-2024-17".into(),
            accreditation_date: "2024-01-10".into(),
            accreditation_expiry: "2027-01-10".into(),
            accreditation_status: "valid".into(),
            assignment: AssignmentInput {
                post: "social_worker".into(),
                employer: "association".into(),
                employer_name: "Association Al Amal".into(),
                contract: "permanent".into(),
                contract_start: "2024-02-01".into(),
                contract_end: String::new(),
                working_time: "100".into(),
                salary: "6 500".into(),
            },
        }
    }

    #[test]
    fn a_complete_record_is_accepted() {
        let (s, a) = check_staff(&input(), true, POSTS, d("2026-12-01")).unwrap();
        assert_eq!(s.national_id, "EE123456");
        assert_eq!(s.diploma_year, Some(2012));
        assert_eq!(s.accreditation.unwrap().number, "AS-2024-17");
        assert_eq!(
            (a.working_time, a.salary, a.contract_end),
            (100, Some(6500), None)
        );
        // Not a social worker: the accreditation is neither asked for nor kept.
        let (s, _) = check_staff(&input(), false, POSTS, d("2026-12-01")).unwrap();
        assert!(s.accreditation.is_none());
    }

    #[test]
    fn every_refusal_is_given_at_once() {
        let bad = StaffInput {
            name_ar: "Fatima".into(),
            name_fr: String::new(),
            national_id: "123".into(),
            sex: String::new(),
            birth_date: "2020-01-01".into(),
            diploma_year: "12".into(),
            accreditation_number: String::new(),
            accreditation_date: "2024-01-10".into(),
            accreditation_expiry: "2023-01-10".into(),
            accreditation_status: "maybe".into(),
            assignment: AssignmentInput {
                post: "astronaut".into(),
                contract: "fixed_term".into(),
                contract_start: "2024-02-01".into(),
                working_time: "120".into(),
                salary: "-3".into(),
                ..Default::default()
            },
            ..input()
        };
        let errors = check_staff(&bad, true, POSTS, d("2026-12-01")).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        for f in [
            "name_ar",
            "name_fr",
            "national_id",
            "sex",
            "birth_date",
            "diploma_year",
            "accreditation_number",
            "accreditation_expiry",
            "accreditation_status",
            "post",
            "employer",
            "contract_end",
            "working_time",
            "salary",
        ] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
        assert!(errors.contains(&("contract_end", "staff-error-contract-end-required")));
        assert!(errors.contains(&("accreditation_expiry", "staff-error-expiry-before-grant")));
    }

    #[test]
    fn a_contract_cannot_end_before_it_starts() {
        let mut i = input();
        i.assignment.contract_end = "2023-01-01".into();
        let errors = check_staff(&i, false, POSTS, d("2026-12-01")).unwrap_err();
        assert_eq!(
            errors,
            vec![("contract_end", "staff-error-contract-end-before")]
        );
    }

    #[test]
    fn ratios_round_up_and_keep_the_minimum() {
        let educators = Standard {
            staff: 1,
            per_residents: 10,
            minimum: 1,
        };
        assert_eq!(required_percent(educators, 0), 100);
        assert_eq!(required_percent(educators, 10), 100);
        assert_eq!(required_percent(educators, 11), 200);
        assert_eq!(required_percent(educators, 35), 400);
        let director = Standard {
            staff: 0,
            per_residents: 0,
            minimum: 1,
        };
        assert_eq!(required_percent(director, 200), 100);
        let none = Standard {
            staff: 1,
            per_residents: 30,
            minimum: 0,
        };
        assert_eq!(required_percent(none, 0), 0);
    }

    #[test]
    fn part_time_counts_by_its_share() {
        let educators = Standard {
            staff: 1,
            per_residents: 10,
            minimum: 1,
        };
        let s = staffing(educators, 35, &[100, 100, 50]);
        assert_eq!((s.required, s.in_post, s.shortfall()), (400, 250, 150));
        assert_eq!(fte_text(s.shortfall()), "1.5");
        assert!(!staffing(educators, 5, &[100]).is_short());
        assert_eq!(fte_text(75), "0.75");
        assert_eq!(fte_text(300), "3");
    }

    #[test]
    fn accreditations_expiring_within_ninety_days_are_flagged() {
        let today = d("2026-12-01");
        let valid = AccreditationStatus::Valid;
        assert_eq!(
            accreditation_state(valid, d("2027-06-01"), today),
            AccreditationState::Valid
        );
        assert_eq!(
            accreditation_state(valid, d("2027-01-15"), today),
            AccreditationState::ExpiringSoon(45)
        );
        assert_eq!(
            accreditation_state(valid, d("2027-03-01"), today),
            AccreditationState::ExpiringSoon(90)
        );
        assert_eq!(
            accreditation_state(valid, d("2026-11-30"), today),
            AccreditationState::Expired
        );
        assert_eq!(
            accreditation_state(AccreditationStatus::Suspended, d("2027-01-15"), today),
            AccreditationState::Inactive
        );
    }

    #[test]
    fn a_training_needs_a_subject_a_trainer_and_dates_in_order() {
        let ok = check_training(&TrainingInput {
            subject: "Écoute active".into(),
            starts_on: "2026-11-02".into(),
            ends_on: "2026-11-03".into(),
            trainer: "Dr Amrani".into(),
            place: String::new(),
        })
        .unwrap();
        assert_eq!(ok.ends_on, d("2026-11-03"));
        let errors = check_training(&TrainingInput {
            starts_on: "2026-11-02".into(),
            ends_on: "2026-11-01".into(),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("subject", "staff-error-subject"),
                ("trainer", "staff-error-trainer"),
                ("ends_on", "staff-error-ends-before"),
            ]
        );
    }

    proptest! {
        #[test]
        fn the_shortfall_is_what_is_missing_and_never_more(
            staff in 0u32..5, per in 0u32..40, minimum in 0u32..4,
            residents in 0u32..500, times in proptest::collection::vec(1i32..=100, 0..30),
        ) {
            let standard = Standard { staff, per_residents: per, minimum };
            let s = staffing(standard, residents, &times);
            // Covered exactly when what is in post reaches what is required.
            prop_assert_eq!(s.is_short(), s.in_post < s.required);
            prop_assert!(s.shortfall() <= s.required);
            prop_assert_eq!(s.shortfall() + s.in_post.min(s.required), s.required);
            // Adding someone never makes the shortfall larger.
            let mut more = times.clone();
            more.push(100);
            prop_assert!(staffing(standard, residents, &more).shortfall() <= s.shortfall());
            // More residents never ask for fewer staff.
            prop_assert!(required_percent(standard, residents + 1) >= s.required);
        }

        #[test]
        fn the_ratio_is_met_by_whole_persons_at_the_rounded_up_count(
            per in 1u32..40, residents in 0u32..500,
        ) {
            let standard = Standard { staff: 1, per_residents: per, minimum: 0 };
            let needed = residents.div_ceil(per) as usize;
            prop_assert!(!staffing(standard, residents, &vec![100; needed]).is_short());
            if needed > 0 {
                prop_assert!(staffing(standard, residents, &vec![100; needed - 1]).is_short());
            }
        }
    }
}
