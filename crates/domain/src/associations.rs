//! Associations, the partners that found and run establishments: the checks on what is
//! recorded about them, and the positions on their boards.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The registration number of an association's filing (dahir 1-58-376): kept as written,
/// trimmed, at most 64 characters of letters, digits and `/ - .` and spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RegistrationNumber(String);

impl RegistrationNumber {
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim();
        let ok = !t.is_empty()
            && t.chars().count() <= 64
            && t.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | ' '));
        ok.then(|| Self(t.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A registration date: a real day, not in the future, not before 1958 (the law on
/// associations).
pub fn parse_registration_date(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()?;
    let earliest = NaiveDate::from_ymd_opt(1958, 1, 1)?;
    (d >= earliest && d <= today).then_some(d)
}

/// A plausible e-mail address (one `@`, a dot in the domain, no spaces); empty is allowed.
pub fn email_ok(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() {
        return true;
    }
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// A position on an association's board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    President,
    VicePresident,
    SecretaryGeneral,
    Treasurer,
    DeputyTreasurer,
    Member,
}

impl Position {
    pub const ALL: [Position; 6] = [
        Position::President,
        Position::VicePresident,
        Position::SecretaryGeneral,
        Position::Treasurer,
        Position::DeputyTreasurer,
        Position::Member,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Position::President => "president",
            Position::VicePresident => "vice_president",
            Position::SecretaryGeneral => "secretary_general",
            Position::Treasurer => "treasurer",
            Position::DeputyTreasurer => "deputy_treasurer",
            Position::Member => "member",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s.trim())
    }

    /// Whether a board holds at most one person in this position.
    pub fn is_single(self) -> bool {
        self != Position::Member
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn registration_numbers_are_kept_as_written_and_checked() {
        assert_eq!(
            RegistrationNumber::parse("  BG/2019/123 ")
                .unwrap()
                .as_str(),
            "BG/2019/123"
        );
        assert!(RegistrationNumber::parse("").is_none());
        assert!(RegistrationNumber::parse("12;DROP").is_none());
        assert!(RegistrationNumber::parse(&"9".repeat(65)).is_none());
        assert!(
            RegistrationNumber::parse("٣٤٥/ب").is_some(),
            "Arabic digits and letters"
        );
    }

    #[test]
    fn registration_dates_are_real_and_past() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert!(parse_registration_date("2019-05-14", today).is_some());
        assert!(parse_registration_date("2027-01-01", today).is_none());
        assert!(parse_registration_date("2019-02-30", today).is_none());
        assert!(parse_registration_date("1950-01-01", today).is_none());
        assert!(parse_registration_date("14/05/2019", today).is_none());
    }

    #[test]
    fn emails_are_plausible_or_empty() {
        assert!(email_ok("") && email_ok("contact@assoc.ma"));
        assert!(!email_ok("contact@") && !email_ok("contact.ma") && !email_ok("a b@c.ma"));
        assert!(!email_ok("a@b@c.ma") && !email_ok("a@.ma"));
    }

    proptest! {
        #[test]
        fn positions_round_trip(i in 0usize..Position::ALL.len()) {
            prop_assert_eq!(Position::parse(Position::ALL[i].as_str()), Some(Position::ALL[i]));
        }

        #[test]
        fn parsed_numbers_are_trimmed_and_bounded(s in ".{0,80}") {
            if let Some(n) = RegistrationNumber::parse(&s) {
                prop_assert_eq!(n.as_str(), n.as_str().trim());
                prop_assert!(!n.as_str().is_empty() && n.as_str().chars().count() <= 64);
            }
        }
    }
}
