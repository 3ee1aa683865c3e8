//! The authorisation dossier of an establishment: the checklist, the single request for
//! missing documents, the decision deadline and receipt numbers. Pure rules; the store
//! keeps the records. The checks on uploaded files are in [`crate::documents`].

use crate::geo::ProvinceCode;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// The decision is due this many days after the dossier is complete, unless the
/// category configures another deadline.
pub const DEFAULT_DECISION_DAYS: u32 = 60;

/// The day a decision is due: `days` after the dossier became complete (filed, or the
/// day the requested documents arrived: the clock starts again from a complete dossier).
pub fn decision_due(complete_on: NaiveDate, days: u32) -> NaiveDate {
    complete_on + chrono::Days::new(u64::from(days))
}

/// Days left until `due` (negative once overdue).
pub fn days_left(today: NaiveDate, due: NaiveDate) -> i64 {
    (due - today).num_days()
}

/// What kind of filing a receipt acknowledges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptKind {
    /// An authorisation request (law 65.15).
    Authorisation,
    /// A declaration of care given outside the premises.
    Declaration,
}

impl ReceiptKind {
    fn prefix(self) -> &'static str {
        match self {
            ReceiptKind::Authorisation => "AUT",
            ReceiptKind::Declaration => "DEC",
        }
    }
}

/// A receipt number: kind, year, province and a serial, e.g. `AUT-2026-07427-000012`.
/// Unique because the serial is the filing's own identifier.
pub fn receipt_number(
    kind: ReceiptKind,
    year: i32,
    province: &ProvinceCode,
    serial: i64,
) -> String {
    let province: String = province
        .as_str()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    format!("{}-{year:04}-{province}-{serial:06}", kind.prefix())
}

/// The mandatory checklist items not yet supplied.
pub fn missing_mandatory<'a>(
    checklist: &'a [(String, bool)],
    supplied: &BTreeSet<String>,
) -> Vec<&'a str> {
    checklist
        .iter()
        .filter(|(code, mandatory)| *mandatory && !supplied.contains(code))
        .map(|(code, _)| code.as_str())
        .collect()
}

/// Why a request for documents was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentRequestError {
    #[error("name at least one document of the checklist")]
    Empty,
    /// Only documents the procedure publishes may be asked for.
    #[error("`{0}` is not on the category's checklist")]
    NotOnChecklist(String),
}

/// Checks the documents an officer asks for: at least one, all from the checklist.
pub fn check_document_request(
    checklist: &[(String, bool)],
    requested: &[String],
) -> Result<BTreeSet<String>, DocumentRequestError> {
    if requested.is_empty() {
        return Err(DocumentRequestError::Empty);
    }
    let mut out = BTreeSet::new();
    for code in requested {
        if !checklist.iter().any(|(c, _)| c == code) {
            return Err(DocumentRequestError::NotOnChecklist(code.clone()));
        }
        out.insert(code.clone());
    }
    Ok(out)
}

/// The requested documents still to be supplied: those without an upload since the request.
pub fn still_requested(
    requested: &BTreeSet<String>,
    supplied_since_request: &BTreeSet<String>,
) -> Vec<String> {
    requested
        .difference(supplied_since_request)
        .cloned()
        .collect()
}

/// The most persons one declaration of care outside the premises may cover.
pub const MAX_DECLARED_BENEFICIARIES: i32 = 10_000;

/// A declaration of care outside the premises, checked: what, when, for how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub activity: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub beneficiaries: i32,
}

/// Checks a declaration; each refused field with the translation key of its message.
pub fn check_declaration(
    activity: &str,
    starts_on: &str,
    ends_on: &str,
    beneficiaries: &str,
    today: NaiveDate,
) -> Result<Declaration, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    let day = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    if activity.trim().is_empty() {
        errors.push(("activity", "decl-error-activity"));
    }
    let start = day(starts_on);
    // A declaration is made before the activity, or while it runs (not long after).
    let start_ok = start.is_some_and(|d| d >= today - chrono::Days::new(30));
    if !start_ok {
        errors.push(("starts_on", "decl-error-start"));
    }
    let end = day(ends_on);
    let end_ok = match (start, end) {
        (Some(s), Some(e)) => e >= s && e <= s + chrono::Days::new(366),
        _ => false,
    };
    if !end_ok {
        errors.push(("ends_on", "decl-error-end"));
    }
    let count = beneficiaries.trim().parse::<i32>().ok();
    let count_ok = count.is_some_and(|n| (1..=MAX_DECLARED_BENEFICIARIES).contains(&n));
    if !count_ok {
        errors.push(("beneficiaries", "decl-error-beneficiaries"));
    }
    match (start, end, count, errors.is_empty()) {
        (Some(starts_on), Some(ends_on), Some(beneficiaries), true) => Ok(Declaration {
            activity: activity.trim().to_owned(),
            starts_on,
            ends_on,
            beneficiaries,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_decision_is_due_sixty_days_after_a_complete_dossier() {
        let due = decision_due(day("2026-01-15"), DEFAULT_DECISION_DAYS);
        assert_eq!(due, day("2026-03-16"));
        assert_eq!(days_left(day("2026-03-10"), due), 6);
        assert_eq!(days_left(day("2026-03-16"), due), 0);
        assert_eq!(days_left(day("2026-03-20"), due), -4);
    }

    #[test]
    fn receipt_numbers_carry_kind_year_province_and_serial() {
        let p = ProvinceCode::parse("07.427").unwrap();
        assert_eq!(
            receipt_number(ReceiptKind::Authorisation, 2026, &p, 12),
            "AUT-2026-07427-000012"
        );
        assert_eq!(
            receipt_number(ReceiptKind::Declaration, 2027, &p, 1_234_567),
            "DEC-2027-07427-1234567"
        );
    }

    #[test]
    fn only_checklist_documents_may_be_requested() {
        let list = vec![("statutes".to_owned(), true), ("budget".to_owned(), false)];
        assert_eq!(
            check_document_request(&list, &[]),
            Err(DocumentRequestError::Empty)
        );
        assert_eq!(
            check_document_request(&list, &["tax_clearance".into()]),
            Err(DocumentRequestError::NotOnChecklist("tax_clearance".into()))
        );
        let asked = check_document_request(&list, &["budget".into(), "budget".into()]).unwrap();
        assert_eq!(asked.len(), 1);
        let supplied: BTreeSet<String> = ["statutes".to_owned()].into();
        assert_eq!(missing_mandatory(&list, &supplied), Vec::<&str>::new());
        assert_eq!(missing_mandatory(&list, &BTreeSet::new()), vec!["statutes"]);
        assert_eq!(
            still_requested(&asked, &supplied),
            vec!["budget".to_owned()]
        );
        assert!(still_requested(&asked, &["budget".to_owned()].into()).is_empty());
    }

    #[test]
    fn declarations_are_dated_bounded_and_counted() {
        let today = day("2026-11-30");
        let ok = check_declaration(
            "Caravane médicale",
            "2026-12-05",
            "2026-12-07",
            "120",
            today,
        )
        .unwrap();
        assert_eq!(ok.beneficiaries, 120);
        assert_eq!(
            check_declaration(" ", "2026-12-05", "2026-12-01", "0", today).unwrap_err(),
            vec![
                ("activity", "decl-error-activity"),
                ("ends_on", "decl-error-end"),
                ("beneficiaries", "decl-error-beneficiaries")
            ]
        );
        assert_eq!(
            check_declaration("x", "2026-01-01", "2026-01-02", "5", today).unwrap_err(),
            vec![("starts_on", "decl-error-start")],
            "not months after the fact"
        );
        assert!(check_declaration("x", "2026-12-01", "2028-01-01", "5", today).is_err());
        assert!(check_declaration("x", "2026-12-01", "2026-12-01", "10001", today).is_err());
    }

    proptest! {
        #[test]
        fn days_left_and_due_date_agree(offset in 0u32..400, today in 0i64..800) {
            let start = day("2026-01-01");
            let due = decision_due(start, offset);
            let t = start + chrono::Days::new(today as u64);
            prop_assert_eq!(days_left(t, due), i64::from(offset) - today);
        }
    }
}
