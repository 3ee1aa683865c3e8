//! Grants to associations: calls for projects (envelope, ceiling per project,
//! co-financing, dates, documents asked, eligibility and a weighted scoring grid), the life
//! cycle of an application, its eligibility check with each failed condition named, the
//! spread between scorers, decisions that never exceed the envelope, conventions paid in
//! tranches that are released only once their condition is met, and the association's
//! reports. Pure rules; the store keeps the records. Amounts are whole dirhams (MAD).

use chrono::NaiveDate;

/// Whole dirhams.
pub type Mad = i64;

/// Highest mark a scorer gives one criterion.
pub const MARK_MAX: u32 = 10;

/// One criterion of a call's scoring grid.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Criterion {
    pub key: String,
    pub label_ar: String,
    pub label_fr: String,
    /// Weight in percent; the weights of a grid add up to 100.
    pub weight: u32,
}

/// What a call asks and offers, as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CallTerms {
    pub provinces: Vec<String>,
    pub categories: Vec<String>,
    pub envelope: Mad,
    pub max_per_project: Mad,
    /// The share of the project's budget the association brings itself, in percent.
    pub cofinancing_pct: u32,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub decision_on: Option<NaiveDate>,
    pub documents: Vec<String>,
    pub criteria: Vec<Criterion>,
}

/// Checks a call before it is saved or published: every problem at once, each as
/// `(field, translation key)`.
pub fn check_call(t: &CallTerms) -> Vec<(&'static str, &'static str)> {
    let mut e = Vec::new();
    if t.envelope <= 0 {
        e.push(("envelope", "grants-error-envelope"));
    }
    if t.max_per_project <= 0 || t.max_per_project > t.envelope {
        e.push(("max_per_project", "grants-error-max-per-project"));
    }
    if t.cofinancing_pct > 90 {
        e.push(("cofinancing_pct", "grants-error-cofinancing"));
    }
    match (t.opens_on, t.closes_on, t.decision_on) {
        (Some(o), Some(c), Some(d)) if o <= c && c <= d => {}
        _ => e.push(("dates", "grants-error-dates")),
    }
    if t.provinces.is_empty() {
        e.push(("provinces", "grants-error-provinces"));
    }
    if t.criteria.is_empty() || t.criteria.iter().map(|c| c.weight).sum::<u32>() != 100 {
        e.push(("criteria", "grants-error-weights"));
    }
    e
}

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Draft,
    Filed,
    Eligible,
    Ineligible,
    Scored,
    Accepted,
    Reserve,
    Refused,
    Appealed,
}

impl Status {
    pub const ALL: [Status; 9] = [
        Status::Draft,
        Status::Filed,
        Status::Eligible,
        Status::Ineligible,
        Status::Scored,
        Status::Accepted,
        Status::Reserve,
        Status::Refused,
        Status::Appealed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Filed => "filed",
            Status::Eligible => "eligible",
            Status::Ineligible => "ineligible",
            Status::Scored => "scored",
            Status::Accepted => "accepted",
            Status::Reserve => "reserve",
            Status::Refused => "refused",
            Status::Appealed => "appealed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A step of an application's life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    File,
    /// The eligibility check ran; `true` when no condition failed.
    Checked(bool),
    /// Every committee member without a conflict has scored.
    Score,
    Accept,
    Reserve,
    Refuse,
    Appeal,
    /// The appeal is decided: back to scored for a new decision, or refused for good.
    DecideAppeal(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("step {step:?} is not allowed from {from:?}")]
pub struct StepError {
    pub from: Status,
    pub step: Step,
}

/// The status after `step`, or why the step cannot be taken. `appeals` counts the
/// appeals already made: a refusal is appealed once.
pub fn next(from: Status, step: Step, appeals: u32) -> Result<Status, StepError> {
    use Status as S;
    let to = match (from, step) {
        (S::Draft, Step::File) => S::Filed,
        (S::Filed, Step::Checked(true)) => S::Eligible,
        (S::Filed, Step::Checked(false)) => S::Ineligible,
        (S::Eligible, Step::Score) => S::Scored,
        (S::Scored | S::Reserve, Step::Accept) => S::Accepted,
        (S::Scored, Step::Reserve) => S::Reserve,
        (S::Scored | S::Reserve, Step::Refuse) => S::Refused,
        (S::Refused | S::Ineligible, Step::Appeal) if appeals == 0 => S::Appealed,
        (S::Appealed, Step::DecideAppeal(true)) => S::Scored,
        (S::Appealed, Step::DecideAppeal(false)) => S::Refused,
        _ => return Err(StepError { from, step }),
    };
    Ok(to)
}

/// A condition of a call an application fails, named so that the association knows
/// what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failed {
    Province,
    Category,
    AboveCeiling,
    CofinancingTooLow,
    Closed,
    MissingDocument(String),
    EmptyBudget,
}

impl Failed {
    /// The translation key naming the condition.
    pub fn key(&self) -> &'static str {
        match self {
            Failed::Province => "grants-failed-province",
            Failed::Category => "grants-failed-category",
            Failed::AboveCeiling => "grants-failed-ceiling",
            Failed::CofinancingTooLow => "grants-failed-cofinancing",
            Failed::Closed => "grants-failed-closed",
            Failed::MissingDocument(_) => "grants-failed-document",
            Failed::EmptyBudget => "grants-failed-budget",
        }
    }
}

/// What the eligibility check reads of an application.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Candidate {
    pub province: String,
    pub category: String,
    /// The project's whole budget.
    pub budget: Mad,
    /// The amount asked of the fund.
    pub requested: Mad,
    pub filed_on: Option<NaiveDate>,
    pub documents: Vec<String>,
}

/// Every condition of the call the candidate fails (empty: eligible).
pub fn check_eligibility(call: &CallTerms, c: &Candidate) -> Vec<Failed> {
    let mut f = Vec::new();
    if !call.provinces.iter().any(|p| p == &c.province) {
        f.push(Failed::Province);
    }
    if !call.categories.is_empty() && !call.categories.iter().any(|k| k == &c.category) {
        f.push(Failed::Category);
    }
    if c.budget <= 0 || c.requested <= 0 {
        f.push(Failed::EmptyBudget);
    } else {
        if c.requested > call.max_per_project {
            f.push(Failed::AboveCeiling);
        }
        // own share = budget - requested, must be at least cofinancing_pct of the budget
        let own = c.budget - c.requested;
        if own < 0 || (own as i128) * 100 < (c.budget as i128) * call.cofinancing_pct as i128 {
            f.push(Failed::CofinancingTooLow);
        }
    }
    match (c.filed_on, call.opens_on, call.closes_on) {
        (Some(d), Some(o), Some(cl)) if o <= d && d <= cl => {}
        _ => f.push(Failed::Closed),
    }
    for d in &call.documents {
        if !c.documents.iter().any(|x| x == d) {
            f.push(Failed::MissingDocument(d.clone()));
        }
    }
    f
}

/// The documents of the call an application still lacks.
pub fn missing_documents(call: &CallTerms, given: &[String]) -> Vec<String> {
    call.documents
        .iter()
        .filter(|d| !given.contains(d))
        .cloned()
        .collect()
}

/// A scorer's weighted total over the grid, in points out of 100 (marks are out of
/// [`MARK_MAX`]); `None` when a criterion is unmarked or a mark is out of range.
pub fn weighted_score(criteria: &[Criterion], marks: &[(String, u32)]) -> Option<u32> {
    let mut total = 0u32;
    for c in criteria {
        let (_, m) = marks.iter().find(|(k, _)| k == &c.key)?;
        if *m > MARK_MAX {
            return None;
        }
        total += c.weight * m;
    }
    Some(total / MARK_MAX)
}

/// The spread between scorers' totals (highest minus lowest); 0 with fewer than two.
pub fn spread(totals: &[u32]) -> u32 {
    match (totals.iter().max(), totals.iter().min()) {
        (Some(hi), Some(lo)) => hi - lo,
        _ => 0,
    }
}

/// The mean of scorers' totals, rounded down; `None` without scores.
pub fn mean(totals: &[u32]) -> Option<u32> {
    if totals.is_empty() {
        None
    } else {
        Some(totals.iter().sum::<u32>() / totals.len() as u32)
    }
}

/// A spread above this many points is shown as a disagreement to deliberate.
pub const SPREAD_ALERT: u32 = 20;

/// Whether awarding `amount` on top of `awarded` stays within `envelope`.
pub fn fits_envelope(envelope: Mad, awarded: Mad, amount: Mad) -> bool {
    amount > 0
        && awarded >= 0
        && awarded
            .checked_add(amount)
            .is_some_and(|total| total <= envelope)
}

/// Why an award is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AwardError {
    #[error("amount must be positive and at most the request")]
    AboveRequest,
    #[error("amount above the call's ceiling per project")]
    AboveCeiling,
    #[error("the envelope would be exceeded")]
    Envelope,
}

/// Checks an award: at most the request and the ceiling, within the envelope.
pub fn check_award(
    call: &CallTerms,
    awarded: Mad,
    requested: Mad,
    amount: Mad,
) -> Result<(), AwardError> {
    if amount <= 0 || amount > requested {
        return Err(AwardError::AboveRequest);
    }
    if amount > call.max_per_project {
        return Err(AwardError::AboveCeiling);
    }
    if !fits_envelope(call.envelope, awarded, amount) {
        return Err(AwardError::Envelope);
    }
    Ok(())
}

/// What must hold before a tranche is released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TrancheCondition {
    Signature,
    InterimReportApproved,
    FinalReportApproved,
}

impl TrancheCondition {
    pub const ALL: [TrancheCondition; 3] = [
        TrancheCondition::Signature,
        TrancheCondition::InterimReportApproved,
        TrancheCondition::FinalReportApproved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TrancheCondition::Signature => "signature",
            TrancheCondition::InterimReportApproved => "interim_report",
            TrancheCondition::FinalReportApproved => "final_report",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// What is known of a convention when a tranche is to be released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ConventionFacts {
    pub signed: bool,
    pub interim_approved: bool,
    pub final_approved: bool,
}

/// Whether `condition` is met.
pub fn condition_met(condition: TrancheCondition, f: ConventionFacts) -> bool {
    match condition {
        TrancheCondition::Signature => f.signed,
        TrancheCondition::InterimReportApproved => f.signed && f.interim_approved,
        TrancheCondition::FinalReportApproved => f.signed && f.final_approved,
    }
}

/// Why a tranche cannot be released.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReleaseError {
    #[error("the tranche's condition is not met")]
    ConditionUnmet,
    #[error("the tranche is already released")]
    AlreadyReleased,
    #[error("a payment reference is needed")]
    NoReference,
    #[error("an earlier tranche is not released")]
    EarlierPending,
}

/// Checks a tranche's release: its condition met, not already released, earlier ones
/// released, and a payment order reference given (Jisr does not move money).
pub fn check_release(
    condition: TrancheCondition,
    facts: ConventionFacts,
    released: bool,
    earlier_pending: bool,
    reference: &str,
) -> Result<(), ReleaseError> {
    if released {
        return Err(ReleaseError::AlreadyReleased);
    }
    if earlier_pending {
        return Err(ReleaseError::EarlierPending);
    }
    if !condition_met(condition, facts) {
        return Err(ReleaseError::ConditionUnmet);
    }
    if reference.trim().is_empty() {
        return Err(ReleaseError::NoReference);
    }
    Ok(())
}

/// Splits `amount` into two tranches: `first_pct` percent (rounded down), then the rest.
pub fn two_tranches(amount: Mad, first_pct: u32) -> (Mad, Mad) {
    let first = amount * first_pct.min(100) as i64 / 100;
    (first, amount - first)
}

/// Where an association's report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportStatus {
    Submitted,
    Returned,
    Approved,
}

impl ReportStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportStatus::Submitted => "submitted",
            ReportStatus::Returned => "returned",
            ReportStatus::Approved => "approved",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Submitted, Self::Returned, Self::Approved]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// A review of a report: returned with remarks (which must be given) or approved.
/// Only a submitted report is reviewed; a returned one is submitted again.
pub fn review_report(
    from: ReportStatus,
    approve: bool,
    remarks: &str,
) -> Result<ReportStatus, &'static str> {
    if from != ReportStatus::Submitted {
        return Err("grants-error-report-not-submitted");
    }
    if approve {
        Ok(ReportStatus::Approved)
    } else if remarks.trim().is_empty() {
        Err("grants-error-remarks")
    } else {
        Ok(ReportStatus::Returned)
    }
}

/// The receipt number of a filed application: `SUB-<call>-<application>` zero-padded.
pub fn receipt_number(call_id: i64, application_id: i64) -> String {
    format!("SUB-{call_id:04}-{application_id:06}")
}

/// The documents a call may ask, by key (translated as `grants-doc-<key>`).
pub const DOCUMENTS: [&str; 7] = [
    "statutes",
    "budget",
    "board_minutes",
    "activity_report",
    "financial_report",
    "quotes",
    "bank_certificate",
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn grid() -> Vec<Criterion> {
        vec![
            Criterion {
                key: "relevance".into(),
                label_ar: "ملاءمة".into(),
                label_fr: "Pertinence".into(),
                weight: 60,
            },
            Criterion {
                key: "capacity".into(),
                label_ar: "قدرة".into(),
                label_fr: "Capacité".into(),
                weight: 40,
            },
        ]
    }

    fn call() -> CallTerms {
        CallTerms {
            provinces: vec!["001".into()],
            categories: vec!["disability".into()],
            envelope: 1_000_000,
            max_per_project: 300_000,
            cofinancing_pct: 20,
            opens_on: Some(d("2026-01-01")),
            closes_on: Some(d("2026-03-01")),
            decision_on: Some(d("2026-04-01")),
            documents: vec!["statutes".into(), "budget".into()],
            criteria: grid(),
        }
    }

    fn good() -> Candidate {
        Candidate {
            province: "001".into(),
            category: "disability".into(),
            budget: 250_000,
            requested: 200_000,
            filed_on: Some(d("2026-02-01")),
            documents: vec!["statutes".into(), "budget".into()],
        }
    }

    #[test]
    fn a_good_call_passes_and_a_bad_one_names_every_field() {
        assert!(check_call(&call()).is_empty());
        let bad = CallTerms {
            envelope: 0,
            cofinancing_pct: 95,
            closes_on: Some(d("2025-01-01")),
            criteria: vec![],
            provinces: vec![],
            ..call()
        };
        let fields: Vec<_> = check_call(&bad).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "envelope",
                "max_per_project",
                "cofinancing_pct",
                "dates",
                "provinces",
                "criteria"
            ]
        );
    }

    #[test]
    fn eligibility_names_each_failed_condition() {
        assert!(check_eligibility(&call(), &good()).is_empty());
        let c = Candidate {
            province: "002".into(),
            category: "elderly".into(),
            budget: 400_000,
            requested: 350_000,
            filed_on: Some(d("2026-03-02")),
            documents: vec!["statutes".into()],
        };
        assert_eq!(
            check_eligibility(&call(), &c),
            vec![
                Failed::Province,
                Failed::Category,
                Failed::AboveCeiling,
                Failed::CofinancingTooLow,
                Failed::Closed,
                Failed::MissingDocument("budget".into()),
            ]
        );
        assert_eq!(missing_documents(&call(), &c.documents), vec!["budget"]);
    }

    #[test]
    fn life_cycle_and_one_appeal() {
        let mut s = Status::Draft;
        for step in [Step::File, Step::Checked(true), Step::Score, Step::Refuse] {
            s = next(s, step, 0).unwrap();
        }
        assert_eq!(s, Status::Refused);
        assert_eq!(next(s, Step::Appeal, 0), Ok(Status::Appealed));
        assert!(next(s, Step::Appeal, 1).is_err());
        assert_eq!(
            next(Status::Appealed, Step::DecideAppeal(true), 1),
            Ok(Status::Scored)
        );
        assert!(next(Status::Draft, Step::Accept, 0).is_err());
        assert!(next(Status::Accepted, Step::Refuse, 0).is_err());
    }

    #[test]
    fn scores_and_spread() {
        let marks = vec![("relevance".to_string(), 10), ("capacity".to_string(), 5)];
        assert_eq!(weighted_score(&grid(), &marks), Some(80));
        assert_eq!(weighted_score(&grid(), &marks[..1]), None);
        assert_eq!(
            weighted_score(&grid(), &[("relevance".into(), 11), ("capacity".into(), 0)]),
            None
        );
        assert_eq!(spread(&[80, 55, 70]), 25);
        assert_eq!(spread(&[80]), 0);
        assert_eq!(mean(&[80, 60]), Some(70));
    }

    #[test]
    fn awards_stay_within_request_ceiling_and_envelope() {
        let c = call();
        assert_eq!(check_award(&c, 0, 200_000, 150_000), Ok(()));
        assert_eq!(
            check_award(&c, 0, 200_000, 250_000),
            Err(AwardError::AboveRequest)
        );
        assert_eq!(
            check_award(&c, 0, 400_000, 350_000),
            Err(AwardError::AboveCeiling)
        );
        assert_eq!(
            check_award(&c, 900_000, 200_000, 150_000),
            Err(AwardError::Envelope)
        );
        assert!(fits_envelope(100, 60, 40));
        assert!(!fits_envelope(100, 61, 40));
        assert!(!fits_envelope(i64::MAX, i64::MAX, 1));
    }

    #[test]
    fn tranches_wait_for_their_condition() {
        let unsigned = ConventionFacts::default();
        let signed = ConventionFacts {
            signed: true,
            ..Default::default()
        };
        use TrancheCondition as T;
        assert_eq!(
            check_release(T::Signature, unsigned, false, false, "OP-1"),
            Err(ReleaseError::ConditionUnmet)
        );
        assert_eq!(
            check_release(T::Signature, signed, false, false, "OP-1"),
            Ok(())
        );
        assert_eq!(
            check_release(T::Signature, signed, false, false, " "),
            Err(ReleaseError::NoReference)
        );
        assert_eq!(
            check_release(T::InterimReportApproved, signed, false, false, "OP-2"),
            Err(ReleaseError::ConditionUnmet)
        );
        assert_eq!(
            check_release(T::InterimReportApproved, signed, false, true, "OP-2"),
            Err(ReleaseError::EarlierPending)
        );
        assert_eq!(
            check_release(T::Signature, signed, true, false, "OP-1"),
            Err(ReleaseError::AlreadyReleased)
        );
        assert_eq!(two_tranches(150_001, 60), (90_000, 60_001));
    }

    #[test]
    fn reports_are_returned_with_remarks_then_approved() {
        assert_eq!(
            review_report(ReportStatus::Submitted, false, "receipts missing"),
            Ok(ReportStatus::Returned)
        );
        assert!(review_report(ReportStatus::Submitted, false, " ").is_err());
        assert!(review_report(ReportStatus::Returned, true, "").is_err());
        assert_eq!(
            review_report(ReportStatus::Submitted, true, ""),
            Ok(ReportStatus::Approved)
        );
        assert_eq!(receipt_number(3, 42), "SUB-0003-000042");
    }

    proptest! {
        #[test]
        fn decisions_never_exceed_the_envelope(
            envelope in 1i64..10_000_000,
            requests in proptest::collection::vec(1i64..5_000_000, 0..30),
        ) {
            let c = CallTerms { envelope, max_per_project: envelope, ..call() };
            let mut awarded = 0i64;
            for r in requests {
                if check_award(&c, awarded, r, r).is_ok() {
                    awarded += r;
                }
                prop_assert!(awarded <= envelope);
            }
        }

        #[test]
        fn spread_is_bounded_by_the_marks(totals in proptest::collection::vec(0u32..=100, 0..8)) {
            let s = spread(&totals);
            prop_assert!(s <= 100);
            if let Some(m) = mean(&totals) {
                prop_assert!(totals.iter().all(|t| t.abs_diff(m) <= s));
            }
        }

        #[test]
        fn weighted_score_is_out_of_100(a in 0u32..=MARK_MAX, b in 0u32..=MARK_MAX) {
            let s = weighted_score(&grid(), &[("relevance".into(), a), ("capacity".into(), b)]).unwrap();
            prop_assert!(s <= 100);
        }

        #[test]
        fn tranches_add_up(amount in 0i64..100_000_000, pct in 0u32..=120) {
            let (a, b) = two_tranches(amount, pct);
            prop_assert_eq!(a + b, amount);
            prop_assert!(a >= 0 && b >= 0);
        }

        #[test]
        fn an_eligible_candidate_has_every_document(docs in proptest::collection::vec(prop_oneof![Just("statutes".to_string()), Just("budget".to_string()), Just("other".to_string())], 0..4)) {
            let c = Candidate { documents: docs.clone(), ..good() };
            let ok = check_eligibility(&call(), &c).is_empty();
            prop_assert_eq!(ok, docs.contains(&"statutes".to_string()) && docs.contains(&"budget".to_string()));
        }
    }
}
