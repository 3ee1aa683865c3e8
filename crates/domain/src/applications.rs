//! Online applications for a service: the tracking code a citizen receives, the life
//! cycle of an application and who may move it, and the ranking of a waiting list.
//! Pure rules; the store keeps the records.

use crate::access::{Capability, Role};
use serde::{Deserialize, Serialize};

/// The letters of a tracking code: digits and capitals without those read alike
/// (0/O, 1/I/L, U/V), so a code read over the phone or copied by hand is not mistaken.
pub const CODE_ALPHABET: &[u8; 29] = b"23456789ABCDEFGHJKMNPQRSTWXYZ";
/// Random letters in a code (29⁹ ≈ 1.5 × 10¹³ codes), plus one check letter.
pub const CODE_RANDOM_LEN: usize = 9;

/// A tracking code: nine random letters of [`CODE_ALPHABET`] and a check letter that
/// catches any single mistyped letter and any swap of two neighbours. Written in groups
/// of four, e.g. `K7QM-4TXD-9P`; read back in any case, with or without dashes and spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TrackingCode(String);

/// Why a typed tracking code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("a tracking code has ten letters")]
    Length,
    #[error("a tracking code has no such letter")]
    Letter,
    #[error("the code is mistyped")]
    Check,
}

fn value_of(b: u8) -> Option<usize> {
    CODE_ALPHABET.iter().position(|&c| c == b)
}

/// The weighted sum of a code's letter values (weights 1, 2, 3, …) modulo 29.
fn weighted(values: &[usize]) -> usize {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (i + 1) * v)
        .sum::<usize>()
        % CODE_ALPHABET.len()
}

/// The check letter: the one that makes the weighted sum of all ten letters 0 modulo 29.
/// 29 is prime and every weight is below it, so changing any one letter, or swapping two
/// neighbours (the check letter included), changes the sum.
fn check_letter(body: &[usize]) -> u8 {
    // The check letter's weight is 10, and 3 × 10 ≡ 1 (mod 29).
    let n = CODE_ALPHABET.len();
    CODE_ALPHABET[(n - (3 * weighted(body)) % n) % n]
}

impl TrackingCode {
    /// A code from random bytes (one letter per byte; the caller supplies randomness
    /// from the operating system's generator).
    pub fn from_random(bytes: [u8; CODE_RANDOM_LEN]) -> Self {
        let body: Vec<usize> = bytes
            .iter()
            .map(|b| usize::from(*b) % CODE_ALPHABET.len())
            .collect();
        let mut s: String = body.iter().map(|&v| char::from(CODE_ALPHABET[v])).collect();
        s.push(char::from(check_letter(&body)));
        TrackingCode(s)
    }

    pub fn parse(s: &str) -> Result<Self, CodeError> {
        let cleaned: String = s
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if cleaned.chars().count() != CODE_RANDOM_LEN + 1 {
            return Err(CodeError::Length);
        }
        let values: Vec<usize> = cleaned
            .bytes()
            .map(value_of)
            .collect::<Option<_>>()
            .ok_or(CodeError::Letter)?;
        if weighted(&values) != 0 {
            return Err(CodeError::Check);
        }
        Ok(TrackingCode(cleaned))
    }

    /// The code as stored: ten letters, no dashes.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as shown: `XXXX-XXXX-XX`.
    pub fn display(&self) -> String {
        format!("{}-{}-{}", &self.0[..4], &self.0[4..8], &self.0[8..])
    }
}

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Received, waiting for a social worker.
    Submitted,
    /// A social worker is assessing it.
    InReview,
    /// Missing documents were asked for (once); waiting for the applicant.
    DocumentsRequested,
    /// Accepted; for an admission, waiting for a free place (on the waiting list).
    Waiting,
    /// Accepted and, for an admission, placed in an establishment.
    Accepted,
    /// Sent to another service or body better placed to help.
    Referred,
    Refused,
    /// The applicant contests the refusal; a higher role decides.
    Appealed,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Submitted,
        Status::InReview,
        Status::DocumentsRequested,
        Status::Waiting,
        Status::Accepted,
        Status::Referred,
        Status::Refused,
        Status::Appealed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::InReview => "in_review",
            Status::DocumentsRequested => "documents_requested",
            Status::Waiting => "waiting",
            Status::Accepted => "accepted",
            Status::Referred => "referred",
            Status::Refused => "refused",
            Status::Appealed => "appealed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether the application still waits for a decision (it counts in the queue's
    /// deadlines).
    pub fn awaits_decision(self) -> bool {
        matches!(
            self,
            Status::Submitted | Status::InReview | Status::DocumentsRequested | Status::Appealed
        )
    }
}

/// A first-instance or appeal decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Accept,
    Refuse,
    Refer,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Accept, Decision::Refuse, Decision::Refer];

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Accept => "accept",
            Decision::Refuse => "refuse",
            Decision::Refer => "refer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == s.trim())
    }
}

/// A step in an application's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A social worker takes it (or is given it).
    Assign,
    /// The single request for missing documents.
    RequestDocuments,
    /// The applicant supplies what was asked.
    SupplyDocuments,
    Decide(Decision),
    /// The applicant contests a refusal.
    Appeal,
    DecideAppeal(Decision),
    /// A waiting applicant gets a freed place.
    Place,
}

/// Why a step was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StepError {
    #[error("this step is not possible now")]
    NotNow,
    #[error("your role may not take this step")]
    Role,
    #[error("a reason is required")]
    ReasonMissing,
    #[error("documents may be requested only once")]
    DocumentsAlreadyRequested,
    #[error("a refusal may be appealed only once")]
    AlreadyAppealed,
}

/// What already happened, as far as the rules care.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct History {
    pub documents_requested: bool,
    pub appealed: bool,
}

/// Checks a step against the current status, the person's roles (`None` for the
/// applicant, who has no account) and the history; gives the status before placement
/// (an accepted admission then becomes [`Status::Accepted`] or [`Status::Waiting`]).
pub fn check_step(
    from: Status,
    step: Step,
    roles: Option<&[Role]>,
    reason: &str,
    history: History,
) -> Result<Status, StepError> {
    use Status::*;
    let staff = |needed: Capability| match roles {
        Some(rs) if rs.iter().any(|r| r.can(needed)) => Ok(()),
        _ => Err(StepError::Role),
    };
    let applicant = || match roles {
        None => Ok(()),
        Some(_) => Err(StepError::Role),
    };
    let needs_reason = || {
        if reason.trim().is_empty() {
            Err(StepError::ReasonMissing)
        } else {
            Ok(())
        }
    };
    let outcome = |d: Decision| match d {
        Decision::Accept => Accepted,
        Decision::Refuse => Refused,
        Decision::Refer => Referred,
    };
    match (from, step) {
        (Submitted | InReview, Step::Assign) => {
            staff(Capability::ProcessApplications)?;
            Ok(InReview)
        }
        (InReview, Step::RequestDocuments) => {
            staff(Capability::ProcessApplications)?;
            if history.documents_requested {
                return Err(StepError::DocumentsAlreadyRequested);
            }
            needs_reason()?;
            Ok(DocumentsRequested)
        }
        (DocumentsRequested, Step::SupplyDocuments) => {
            applicant()?;
            Ok(InReview)
        }
        (InReview, Step::Decide(d)) => {
            staff(Capability::ProcessApplications)?;
            needs_reason()?;
            Ok(outcome(d))
        }
        (Refused, Step::Appeal) => {
            applicant()?;
            if history.appealed {
                return Err(StepError::AlreadyAppealed);
            }
            needs_reason()?;
            Ok(Appealed)
        }
        (Appealed, Step::DecideAppeal(d)) => {
            staff(Capability::DecideApplicationAppeals)?;
            needs_reason()?;
            Ok(outcome(d))
        }
        (Waiting, Step::Place) => {
            staff(Capability::ProcessApplications)?;
            Ok(Accepted)
        }
        (_, Step::RequestDocuments) if history.documents_requested => {
            Err(StepError::DocumentsAlreadyRequested)
        }
        (_, Step::Appeal) if history.appealed => Err(StepError::AlreadyAppealed),
        _ => Err(StepError::NotNow),
    }
}

/// One applicant on a waiting list.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    pub id: i64,
    /// The priority: the assessment's score plus the needs model's score, when the
    /// service has one (higher: more urgent). A score that is not a number ranks last.
    pub score: f64,
    /// When the application was filed, as sortable text.
    pub submitted_at: String,
}

/// Orders a waiting list: the highest needs score first, then the earliest application,
/// then the identifier (so the order is total and stable). Returns ids by rank.
pub fn rank(list: &[Waiting]) -> Vec<i64> {
    let mut v: Vec<&Waiting> = list.iter().collect();
    let key = |s: f64| if s.is_nan() { f64::NEG_INFINITY } else { s };
    v.sort_by(|a, b| {
        key(b.score)
            .total_cmp(&key(a.score))
            .then_with(|| a.submitted_at.cmp(&b.submitted_at))
            .then(a.id.cmp(&b.id))
    });
    v.into_iter().map(|w| w.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_are_read_back_however_they_are_typed() {
        let c = TrackingCode::from_random([0, 1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(c.as_str().len(), 10);
        let shown = c.display();
        assert_eq!(shown.len(), 12);
        assert_eq!(TrackingCode::parse(&shown), Ok(c.clone()));
        assert_eq!(
            TrackingCode::parse(&format!(" {} ", shown.to_lowercase().replace('-', " "))),
            Ok(c)
        );
        assert_eq!(TrackingCode::parse("ABC"), Err(CodeError::Length));
        assert_eq!(TrackingCode::parse("O000000000"), Err(CodeError::Letter));
    }

    #[test]
    fn the_applicant_appeals_once_and_a_higher_role_decides() {
        let worker: &[Role] = &[Role::SocialWorker];
        let officer: &[Role] = &[Role::ProvincialOfficer];
        let h = History::default();
        assert_eq!(
            check_step(Status::Refused, Step::Appeal, None, "je conteste", h),
            Ok(Status::Appealed)
        );
        assert_eq!(
            check_step(Status::Refused, Step::Appeal, Some(worker), "x", h),
            Err(StepError::Role)
        );
        let appealed = History {
            appealed: true,
            ..h
        };
        assert_eq!(
            check_step(Status::Refused, Step::Appeal, None, "again", appealed),
            Err(StepError::AlreadyAppealed)
        );
        assert_eq!(
            check_step(
                Status::Appealed,
                Step::DecideAppeal(Decision::Accept),
                Some(worker),
                "ok",
                appealed
            ),
            Err(StepError::Role)
        );
        assert_eq!(
            check_step(
                Status::Appealed,
                Step::DecideAppeal(Decision::Accept),
                Some(officer),
                "ok",
                appealed
            ),
            Ok(Status::Accepted)
        );
    }

    #[test]
    fn documents_are_requested_once_with_a_reason() {
        let worker: &[Role] = &[Role::SocialWorker];
        let h = History::default();
        assert_eq!(
            check_step(
                Status::InReview,
                Step::RequestDocuments,
                Some(worker),
                " ",
                h
            ),
            Err(StepError::ReasonMissing)
        );
        assert_eq!(
            check_step(
                Status::InReview,
                Step::RequestDocuments,
                Some(worker),
                "certificat",
                h
            ),
            Ok(Status::DocumentsRequested)
        );
        let asked = History {
            documents_requested: true,
            ..h
        };
        assert_eq!(
            check_step(
                Status::InReview,
                Step::RequestDocuments,
                Some(worker),
                "encore",
                asked
            ),
            Err(StepError::DocumentsAlreadyRequested)
        );
        assert_eq!(
            check_step(
                Status::DocumentsRequested,
                Step::SupplyDocuments,
                None,
                "",
                asked
            ),
            Ok(Status::InReview)
        );
    }

    #[test]
    fn decisions_need_a_reason_and_a_processing_role() {
        let inspector: &[Role] = &[Role::Inspector];
        let worker: &[Role] = &[Role::SocialWorker];
        let h = History::default();
        assert_eq!(
            check_step(
                Status::InReview,
                Step::Decide(Decision::Refuse),
                Some(inspector),
                "non",
                h
            ),
            Err(StepError::Role)
        );
        assert_eq!(
            check_step(
                Status::InReview,
                Step::Decide(Decision::Refuse),
                Some(worker),
                "",
                h
            ),
            Err(StepError::ReasonMissing)
        );
        assert_eq!(
            check_step(
                Status::Submitted,
                Step::Decide(Decision::Accept),
                Some(worker),
                "ok",
                h
            ),
            Err(StepError::NotNow)
        );
        assert_eq!(
            check_step(
                Status::InReview,
                Step::Decide(Decision::Refer),
                Some(worker),
                "ok",
                h
            ),
            Ok(Status::Referred)
        );
    }

    #[test]
    fn waiting_lists_rank_by_need_then_by_date() {
        let w = |id, score, at: &str| Waiting {
            id,
            score,
            submitted_at: at.into(),
        };
        let list = [
            w(1, 5.0, "2026-01-02"),
            w(2, 9.5, "2026-01-05"),
            w(3, 5.0, "2026-01-01"),
            w(4, f64::NAN, "2025-12-01"),
            w(5, 9.25, "2025-12-01"),
        ];
        assert_eq!(rank(&list), vec![2, 5, 3, 1, 4]);
    }

    proptest! {
        #[test]
        fn every_generated_code_parses_and_single_changes_are_caught(
            bytes in proptest::array::uniform9(any::<u8>()),
            pos in 0usize..10,
            letter in 0usize..29,
        ) {
            let c = TrackingCode::from_random(bytes);
            prop_assert_eq!(TrackingCode::parse(c.as_str()), Ok(c.clone()));
            let mut typed: Vec<u8> = c.as_str().bytes().collect();
            let replacement = CODE_ALPHABET[letter];
            prop_assume!(typed[pos] != replacement);
            typed[pos] = replacement;
            let typed = String::from_utf8(typed).unwrap();
            prop_assert!(TrackingCode::parse(&typed).is_err());
        }

        #[test]
        fn neighbour_swaps_are_caught(
            bytes in proptest::array::uniform9(any::<u8>()),
            pos in 0usize..9,
        ) {
            let c = TrackingCode::from_random(bytes);
            let mut typed: Vec<u8> = c.as_str().bytes().collect();
            prop_assume!(typed[pos] != typed[pos + 1]);
            typed.swap(pos, pos + 1);
            let typed = String::from_utf8(typed).unwrap();
            prop_assert!(TrackingCode::parse(&typed).is_err());
        }

        #[test]
        fn ranking_is_a_permutation(scores in proptest::collection::vec(0u32..40, 0..30)) {
            let list: Vec<Waiting> = scores.iter().enumerate().map(|(i, s)| Waiting {
                id: i as i64, score: f64::from(*s) / 4.0, submitted_at: format!("2026-01-{:02}", i % 28 + 1),
            }).collect();
            let mut ranked = rank(&list);
            let first_scores: Vec<u32> = ranked.iter().map(|id| scores[*id as usize]).collect();
            prop_assert!(first_scores.windows(2).all(|w| w[0] >= w[1]));
            ranked.sort();
            prop_assert_eq!(ranked, (0..scores.len() as i64).collect::<Vec<_>>());
        }
    }
}
