//! A consultation campaign: a questionnaire version sent to the establishments of given
//! categories and territories, open between two days. Each targeted establishment
//! answers once; a draft may be saved and resumed until it is submitted or the campaign
//! closes.

use chrono::NaiveDate;

/// Where a campaign stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Not open yet.
    Scheduled,
    Open,
    Closed,
}

impl Phase {
    pub fn of(opens_on: NaiveDate, closes_on: NaiveDate, today: NaiveDate) -> Phase {
        if today < opens_on {
            Phase::Scheduled
        } else if today > closes_on {
            Phase::Closed
        } else {
            Phase::Open
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Phase::Scheduled => "scheduled",
            Phase::Open => "open",
            Phase::Closed => "closed",
        }
    }
}

/// Where one target's answer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerStatus {
    /// Nothing saved yet.
    NotStarted,
    /// Saved, not submitted: it can be resumed.
    Draft,
    /// Submitted: final.
    Submitted,
}

impl AnswerStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerStatus::NotStarted => "not_started",
            AnswerStatus::Draft => "draft",
            AnswerStatus::Submitted => "submitted",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            AnswerStatus::NotStarted,
            AnswerStatus::Draft,
            AnswerStatus::Submitted,
        ]
        .into_iter()
        .find(|a| a.as_str() == s)
    }
}

/// Why an answer cannot be saved now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AnswerRefused {
    #[error("the campaign is not open yet")]
    NotOpen,
    #[error("the campaign is closed")]
    Closed,
    #[error("already submitted")]
    AlreadySubmitted,
}

impl AnswerRefused {
    pub fn key(self) -> &'static str {
        match self {
            AnswerRefused::NotOpen => "partners-refused-not-open",
            AnswerRefused::Closed => "partners-refused-closed",
            AnswerRefused::AlreadySubmitted => "partners-refused-submitted",
        }
    }
}

/// Whether a target may save (or submit) its answer on `today`.
pub fn may_answer(phase: Phase, status: AnswerStatus) -> Result<(), AnswerRefused> {
    match (phase, status) {
        (_, AnswerStatus::Submitted) => Err(AnswerRefused::AlreadySubmitted),
        (Phase::Scheduled, _) => Err(AnswerRefused::NotOpen),
        (Phase::Closed, _) => Err(AnswerRefused::Closed),
        (Phase::Open, _) => Ok(()),
    }
}

/// The launch dates checked: both days, the close not before the open. Errors by field
/// (`opens_on`, `closes_on`) with the translation key.
pub fn check_dates(
    opens_on: &str,
    closes_on: &str,
) -> Result<(NaiveDate, NaiveDate), Vec<(&'static str, &'static str)>> {
    let open = NaiveDate::parse_from_str(opens_on.trim(), "%Y-%m-%d");
    let close = NaiveDate::parse_from_str(closes_on.trim(), "%Y-%m-%d");
    let mut errors = Vec::new();
    if open.is_err() {
        errors.push(("opens_on", "partners-error-date"));
    }
    if close.is_err() {
        errors.push(("closes_on", "partners-error-date"));
    }
    match (open, close) {
        (Ok(o), Ok(c)) if c < o => Err(vec![("closes_on", "partners-error-close-before-open")]),
        (Ok(o), Ok(c)) => Ok((o, c)),
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

    #[test]
    fn answers_only_while_open_and_once() {
        let (o, c) = (d("2026-12-01"), d("2026-12-31"));
        assert_eq!(Phase::of(o, c, d("2026-11-30")), Phase::Scheduled);
        assert_eq!(Phase::of(o, c, d("2026-12-31")), Phase::Open);
        assert_eq!(Phase::of(o, c, d("2027-01-01")), Phase::Closed);
        assert_eq!(may_answer(Phase::Open, AnswerStatus::Draft), Ok(()));
        assert_eq!(
            may_answer(Phase::Open, AnswerStatus::Submitted),
            Err(AnswerRefused::AlreadySubmitted)
        );
        assert_eq!(
            may_answer(Phase::Closed, AnswerStatus::NotStarted),
            Err(AnswerRefused::Closed)
        );
    }

    #[test]
    fn dates_are_checked_together() {
        assert!(check_dates("2026-12-01", "2026-12-31").is_ok());
        assert_eq!(
            check_dates("2026-12-31", "2026-12-01").unwrap_err(),
            [("closes_on", "partners-error-close-before-open")]
        );
        assert_eq!(check_dates("x", "").unwrap_err().len(), 2);
    }

    proptest! {
        #[test]
        fn open_exactly_between_the_days(a in 0i64..100, b in 0i64..100, t in 0i64..100) {
            let base = d("2026-01-01");
            let (o, c, today) = (base + chrono::Days::new(a as u64), base + chrono::Days::new(b as u64), base + chrono::Days::new(t as u64));
            let open = Phase::of(o, c, today) == Phase::Open;
            prop_assert_eq!(open, o <= today && today <= c);
            prop_assert!(AnswerStatus::parse(AnswerStatus::Draft.as_str()).is_some());
        }
    }
}
