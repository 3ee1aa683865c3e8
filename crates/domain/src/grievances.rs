//! Complaints and grievances: how a complaint reaches the agency, how its complainant
//! wants an answer, where it stands and which steps may follow, its deadlines (from its
//! category, which is data) and when it escalates, and who may read it. Pure rules; the
//! store keeps the records.

use crate::access::Role;
use chrono::{Days, NaiveDate};

/// How a complaint reached the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// Filed by the person on the public form.
    Online,
    /// Received at a counter of the delegation.
    Counter,
    Phone,
    Letter,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Online,
        Channel::Counter,
        Channel::Phone,
        Channel::Letter,
    ];
    /// The channels staff record complaints from.
    pub const STAFF: [Channel; 3] = [Channel::Counter, Channel::Phone, Channel::Letter];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Counter => "counter",
            Channel::Phone => "phone",
            Channel::Letter => "letter",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s.trim())
    }
}

/// How the complainant wants to be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnswerBy {
    Sms,
    Email,
    Post,
    /// No answer is sent; the complainant follows it with the tracking code.
    None,
}

impl AnswerBy {
    pub const ALL: [AnswerBy; 4] = [
        AnswerBy::Sms,
        AnswerBy::Email,
        AnswerBy::Post,
        AnswerBy::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AnswerBy::Sms => "sms",
            AnswerBy::Email => "email",
            AnswerBy::Post => "post",
            AnswerBy::None => "none",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s.trim())
    }

    /// The contact field this way of answering needs (`phone`, `email`, `address`).
    pub fn needs(self) -> Option<&'static str> {
        match self {
            AnswerBy::Sms => Some("phone"),
            AnswerBy::Email => Some("email"),
            AnswerBy::Post => Some("address"),
            AnswerBy::None => None,
        }
    }
}

/// Where a complaint stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Received,
    Acknowledged,
    /// Under examination: notes, requests for information, a visit.
    Examining,
    /// Answered with reasons.
    Answered,
    /// The complainant contests the answer (once); it is examined again.
    Appealed,
    Closed,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Received,
        Status::Acknowledged,
        Status::Examining,
        Status::Answered,
        Status::Appealed,
        Status::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Acknowledged => "acknowledged",
            Status::Examining => "examining",
            Status::Answered => "answered",
            Status::Appealed => "appealed",
            Status::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether the complaint still waits for an answer (it counts against the deadline).
    pub fn awaits_answer(self) -> bool {
        matches!(
            self,
            Status::Received | Status::Acknowledged | Status::Examining | Status::Appealed
        )
    }
}

/// A step in a complaint's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Acknowledge,
    /// The examination starts (the first visit, request or note that opens it).
    Examine,
    Answer,
    Close,
    /// The complainant contests the answer.
    Appeal,
}

/// Why a step was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StepError {
    #[error("this step does not follow from the complaint's status")]
    NotNow,
    #[error("an answer needs its reasons")]
    ReasonMissing,
    #[error("the answer was already contested once")]
    AlreadyAppealed,
    #[error("the time to contest the answer has passed")]
    AppealTooLate,
}

/// The days after an answer within which the complainant may contest it (once).
pub const APPEAL_WINDOW_DAYS: u64 = 60;

/// What the step needs to know of the complaint besides its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct History {
    pub appealed_before: bool,
    /// The day of the latest answer, if any.
    pub answered_on: Option<NaiveDate>,
}

/// The status a step leads to, or why it may not be taken now. `reasons` is the text the
/// step carries (an answer's reasons, an appeal's grounds).
pub fn check_step(
    status: Status,
    step: Step,
    reasons: &str,
    history: History,
    today: NaiveDate,
) -> Result<Status, StepError> {
    use Status::*;
    match (step, status) {
        (Step::Acknowledge, Received) => Ok(Acknowledged),
        (Step::Examine, Received | Acknowledged) => Ok(Examining),
        (Step::Answer, Received | Acknowledged | Examining | Appealed) => {
            if reasons.trim().is_empty() {
                Err(StepError::ReasonMissing)
            } else {
                Ok(Answered)
            }
        }
        (Step::Close, Answered) => Ok(Closed),
        (Step::Appeal, Answered | Closed) => {
            if history.appealed_before {
                return Err(StepError::AlreadyAppealed);
            }
            if reasons.trim().is_empty() {
                return Err(StepError::ReasonMissing);
            }
            match history.answered_on {
                Some(d) if today <= d + Days::new(APPEAL_WINDOW_DAYS) => Ok(Appealed),
                _ => Err(StepError::AppealTooLate),
            }
        }
        _ => Err(StepError::NotNow),
    }
}

/// A category's rules, as stored with the category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryRules {
    /// Days to acknowledge the complaint.
    pub ack_days: u32,
    /// Days to answer it.
    pub answer_days: u32,
    /// Danger to a person: routed at once to the provincial officer and inspectors.
    pub urgent: bool,
    /// Never read by the establishment's manager nor by social workers.
    pub confidential: bool,
    /// Contests the complainant's own decision: the complainant must say who they are.
    pub needs_identity: bool,
}

/// The days to acknowledge and answer a complaint filed on `filed`.
pub fn due_dates(filed: NaiveDate, rules: CategoryRules) -> (NaiveDate, NaiveDate) {
    let ack = filed + Days::new(u64::from(rules.ack_days));
    let answer = filed + Days::new(u64::from(rules.answer_days.max(rules.ack_days)));
    (ack, answer)
}

/// Who a complaint's handling rests with now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The delegation's staff, within the deadline.
    Delegation,
    /// The provincial officer: an urgent complaint, from the start.
    Provincial,
    /// The regional coordinator: unanswered past its deadline.
    Regional,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Delegation => "delegation",
            Level::Provincial => "provincial",
            Level::Regional => "regional",
        }
    }
}

/// The level a complaint stands at on `today`: one still waiting for its answer past
/// `answer_due` escalates to the regional coordinator; an urgent one sits with the
/// provincial officer from the start.
pub fn level(status: Status, urgent: bool, answer_due: NaiveDate, today: NaiveDate) -> Level {
    if status.awaits_answer() && today > answer_due {
        Level::Regional
    } else if urgent && status.awaits_answer() {
        Level::Provincial
    } else {
        Level::Delegation
    }
}

/// Days left to answer (negative once overdue), when an answer is still awaited.
pub fn days_left(status: Status, answer_due: NaiveDate, today: NaiveDate) -> Option<i64> {
    status
        .awaits_answer()
        .then(|| (answer_due - today).num_days())
}

/// Whether a person of `role` (holding the grievance capabilities over the complaint's
/// territory) may read a complaint that is `confidential`: an abuse or staff complaint is
/// never shown to the establishment's manager, nor to social workers.
pub fn may_read(role: Role, confidential: bool) -> bool {
    !confidential || !matches!(role, Role::EstablishmentManager | Role::SocialWorker)
}

/// The longest account of what happened, in characters.
pub const FACTS_MAX_CHARS: usize = 4000;
/// The shortest account that can be examined, in characters.
pub const FACTS_MIN_CHARS: usize = 10;

/// One complaint as the figures count it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    pub category: String,
    pub status: Status,
    pub province: String,
    /// The day it was filed, in Morocco.
    pub filed_on: NaiveDate,
    /// The day the answer is due.
    pub answer_due: NaiveDate,
    /// The day it was answered, if it was.
    pub answered_on: Option<NaiveDate>,
}

/// The figures of a set of complaints: how many by category, status and province, how
/// many stand past their deadline, and how long answers took.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    pub total: u64,
    pub by_category: std::collections::BTreeMap<String, u64>,
    /// In the order of [`Status::ALL`], every status present (zero included).
    pub by_status: Vec<(Status, u64)>,
    pub by_province: std::collections::BTreeMap<String, u64>,
    /// Waiting for an answer past the day it was due.
    pub overdue: u64,
    /// Answered (whatever happened after).
    pub answered: u64,
    /// Answered on or before the day it was due.
    pub answered_in_time: u64,
    /// The median number of days from filing to answer (the lower middle of an even
    /// count); none when nothing was answered.
    pub median_days_to_answer: Option<i64>,
}

/// Counts `rows` on `today`.
pub fn figures(rows: &[Counted], today: NaiveDate) -> Figures {
    let mut f = Figures {
        by_status: Status::ALL.iter().map(|s| (*s, 0)).collect(),
        ..Figures::default()
    };
    let mut days = Vec::new();
    for r in rows {
        f.total += 1;
        *f.by_category.entry(r.category.clone()).or_default() += 1;
        *f.by_province.entry(r.province.clone()).or_default() += 1;
        if let Some(slot) = f.by_status.iter_mut().find(|(s, _)| *s == r.status) {
            slot.1 += 1;
        }
        if r.status.awaits_answer() && r.answer_due < today {
            f.overdue += 1;
        }
        if let Some(answered) = r.answered_on {
            f.answered += 1;
            if answered <= r.answer_due {
                f.answered_in_time += 1;
            }
            days.push((answered - r.filed_on).num_days().max(0));
        }
    }
    days.sort_unstable();
    f.median_days_to_answer = (!days.is_empty()).then(|| days[(days.len() - 1) / 2]);
    f
}

/// The period figures count: complaints filed from `from` to `to`, both included (either
/// open).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Why a period was refused, as the field it names and the translation key.
pub type PeriodError = (&'static str, &'static str);

impl Period {
    /// Every complaint ever filed.
    pub const ALL: Period = Period {
        from: None,
        to: None,
    };

    /// A calendar year.
    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(year, 1, 1),
            to: Some(NaiveDate::from_ymd_opt(year, 12, 31)?),
        })
    }

    /// The period typed in a filter: a year (`2026`), else a first and a last day
    /// (`YYYY-MM-DD`, either empty). Every error at once, each at its field.
    pub fn parse(year: &str, from: &str, to: &str) -> Result<Period, Vec<PeriodError>> {
        let mut errors = Vec::new();
        let day = |s: &str, field: &'static str, errors: &mut Vec<PeriodError>| {
            let s = s.trim();
            if s.is_empty() {
                return None;
            }
            let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            if d.is_none() {
                errors.push((field, "grv-error-period-day"));
            }
            d
        };
        let year = year.trim();
        if !year.is_empty() {
            let p = year
                .parse::<i32>()
                .ok()
                .filter(|y| (2000..=9999).contains(y))
                .and_then(Period::year);
            return p.ok_or_else(|| vec![("year", "grv-error-period-year")]);
        }
        let from = day(from, "from", &mut errors);
        let to = day(to, "to", &mut errors);
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            errors.push(("to", "grv-error-period-order"));
        }
        if errors.is_empty() {
            Ok(Period { from, to })
        } else {
            Err(errors)
        }
    }

    /// Whether a complaint filed on `day` is counted.
    pub fn contains(self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }

    /// Whether the period is a whole calendar year, and which.
    pub fn as_year(self) -> Option<i32> {
        use chrono::Datelike;
        let f = self.from?;
        (Period::year(f.year()) == Some(self)).then_some(f.year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const ORDINARY: CategoryRules = CategoryRules {
        ack_days: 5,
        answer_days: 30,
        urgent: false,
        confidential: false,
        needs_identity: false,
    };

    #[test]
    fn codes_round_trip() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.as_str()), Some(c));
        }
        for a in AnswerBy::ALL {
            assert_eq!(AnswerBy::parse(a.as_str()), Some(a));
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Channel::parse("fax"), None);
        assert!(!Channel::STAFF.contains(&Channel::Online));
        assert_eq!(AnswerBy::Sms.needs(), Some("phone"));
        assert_eq!(AnswerBy::None.needs(), None);
    }

    #[test]
    fn steps_follow_the_life_cycle() {
        let today = d("2026-12-07");
        let h = History::default();
        assert_eq!(
            check_step(Status::Received, Step::Acknowledge, "", h, today),
            Ok(Status::Acknowledged)
        );
        assert_eq!(
            check_step(Status::Acknowledged, Step::Examine, "", h, today),
            Ok(Status::Examining)
        );
        assert_eq!(
            check_step(Status::Examining, Step::Answer, "", h, today),
            Err(StepError::ReasonMissing)
        );
        assert_eq!(
            check_step(Status::Examining, Step::Answer, "Vu.", h, today),
            Ok(Status::Answered)
        );
        assert_eq!(
            check_step(Status::Answered, Step::Close, "", h, today),
            Ok(Status::Closed)
        );
        assert_eq!(
            check_step(Status::Closed, Step::Acknowledge, "", h, today),
            Err(StepError::NotNow)
        );
        assert_eq!(
            check_step(Status::Received, Step::Close, "", h, today),
            Err(StepError::NotNow)
        );
    }

    #[test]
    fn an_answer_is_contested_once_within_the_window() {
        let answered = d("2026-12-01");
        let h = History {
            appealed_before: false,
            answered_on: Some(answered),
        };
        assert_eq!(
            check_step(Status::Answered, Step::Appeal, "Non", h, d("2026-12-07")),
            Ok(Status::Appealed)
        );
        assert_eq!(
            check_step(Status::Answered, Step::Appeal, " ", h, d("2026-12-07")),
            Err(StepError::ReasonMissing)
        );
        assert_eq!(
            check_step(Status::Closed, Step::Appeal, "Non", h, d("2027-03-01")),
            Err(StepError::AppealTooLate)
        );
        let again = History {
            appealed_before: true,
            ..h
        };
        assert_eq!(
            check_step(
                Status::Answered,
                Step::Appeal,
                "Non",
                again,
                d("2026-12-07")
            ),
            Err(StepError::AlreadyAppealed)
        );
        assert_eq!(
            check_step(Status::Examining, Step::Appeal, "Non", h, d("2026-12-07")),
            Err(StepError::NotNow)
        );
        // The appeal is examined and answered again.
        assert_eq!(
            check_step(
                Status::Appealed,
                Step::Answer,
                "Confirmé",
                again,
                d("2026-12-08")
            ),
            Ok(Status::Answered)
        );
    }

    #[test]
    fn due_dates_come_from_the_category() {
        assert_eq!(
            due_dates(d("2026-12-07"), ORDINARY),
            (d("2026-12-12"), d("2027-01-06"))
        );
        let urgent = CategoryRules {
            ack_days: 1,
            answer_days: 7,
            urgent: true,
            confidential: true,
            needs_identity: false,
        };
        assert_eq!(
            due_dates(d("2026-12-07"), urgent),
            (d("2026-12-08"), d("2026-12-14"))
        );
    }

    #[test]
    fn overdue_complaints_escalate_to_the_region() {
        let due = d("2026-12-10");
        assert_eq!(
            level(Status::Examining, false, due, d("2026-12-10")),
            Level::Delegation
        );
        assert_eq!(
            level(Status::Examining, false, due, d("2026-12-11")),
            Level::Regional
        );
        assert_eq!(
            level(Status::Received, true, due, d("2026-12-07")),
            Level::Provincial
        );
        assert_eq!(
            level(Status::Received, true, due, d("2026-12-11")),
            Level::Regional
        );
        assert_eq!(
            level(Status::Answered, true, due, d("2027-01-01")),
            Level::Delegation,
            "an answered complaint no longer escalates"
        );
        assert_eq!(days_left(Status::Received, due, d("2026-12-12")), Some(-2));
        assert_eq!(days_left(Status::Closed, due, d("2026-12-12")), None);
    }

    #[test]
    fn confidential_complaints_stay_away_from_the_establishment() {
        assert!(!may_read(Role::EstablishmentManager, true));
        assert!(!may_read(Role::SocialWorker, true));
        assert!(may_read(Role::EstablishmentManager, false));
        for r in [
            Role::ProvincialOfficer,
            Role::Inspector,
            Role::RegionalCoordinator,
            Role::NationalAdministrator,
        ] {
            assert!(may_read(r, true), "{r:?}");
        }
    }

    fn counted(
        category: &str,
        status: Status,
        filed: &str,
        due: &str,
        answered: Option<&str>,
    ) -> Counted {
        Counted {
            category: category.into(),
            status,
            province: "07.427".into(),
            filed_on: d(filed),
            answer_due: d(due),
            answered_on: answered.map(d),
        }
    }

    #[test]
    fn figures_count_overdue_and_time_to_answer() {
        let rows = [
            counted("care", Status::Examining, "2026-10-01", "2026-11-01", None),
            counted("care", Status::Received, "2026-11-20", "2026-12-20", None),
            counted(
                "decision",
                Status::Answered,
                "2026-10-01",
                "2026-10-31",
                Some("2026-10-11"),
            ),
            counted(
                "decision",
                Status::Closed,
                "2026-09-01",
                "2026-10-01",
                Some("2026-10-31"),
            ),
            counted(
                "staff",
                Status::Closed,
                "2026-09-01",
                "2026-10-01",
                Some("2026-09-21"),
            ),
        ];
        let f = figures(&rows, d("2026-12-01"));
        assert_eq!(f.total, 5);
        assert_eq!(f.by_category["care"], 2);
        assert_eq!(f.by_category["decision"], 2);
        assert_eq!(f.overdue, 1, "only the examining one is past its day");
        assert_eq!((f.answered, f.answered_in_time), (3, 2));
        // 10, 20 and 60 days.
        assert_eq!(f.median_days_to_answer, Some(20));
        assert_eq!(f.by_status.len(), Status::ALL.len());
        assert_eq!(
            f.by_status
                .iter()
                .find(|(s, _)| *s == Status::Closed)
                .unwrap()
                .1,
            2
        );
        assert_eq!(figures(&[], d("2026-12-01")).median_days_to_answer, None);
    }

    proptest! {
        #[test]
        fn answers_are_due_after_acknowledgements(ack in 0u32..60, answer in 0u32..400, day in 0u64..3000) {
            let filed = d("2024-01-01") + Days::new(day);
            let rules = CategoryRules { ack_days: ack, answer_days: answer, ..ORDINARY };
            let (a, b) = due_dates(filed, rules);
            prop_assert!(filed <= a && a <= b);
        }

        #[test]
        fn escalation_only_grows_with_time(urgent: bool, s in 0usize..6, due in 0u64..100, a in 0u64..200, b in 0u64..200) {
            let status = Status::ALL[s];
            let base = d("2026-01-01");
            let due = base + Days::new(due);
            let (early, late) = (a.min(b), a.max(b));
            prop_assert!(level(status, urgent, due, base + Days::new(early)) <= level(status, urgent, due, base + Days::new(late)));
        }
        #[test]
        fn figures_add_up(rows in proptest::collection::vec((0usize..3, 0usize..6, 0u64..90, 0u64..60, proptest::option::of(0u64..120)), 0..40)) {
            let base = d("2026-01-01");
            let rows: Vec<Counted> = rows.into_iter().map(|(c, s, filed, due, answered)| Counted {
                category: ["a", "b", "c"][c].into(),
                status: Status::ALL[s],
                province: ["07.427", "06.141"][c % 2].into(),
                filed_on: base + Days::new(filed),
                answer_due: base + Days::new(filed + due),
                answered_on: answered.map(|a| base + Days::new(filed + a)),
            }).collect();
            let f = figures(&rows, base + Days::new(100));
            prop_assert_eq!(f.total as usize, rows.len());
            prop_assert_eq!(f.by_category.values().sum::<u64>(), f.total);
            prop_assert_eq!(f.by_province.values().sum::<u64>(), f.total);
            prop_assert_eq!(f.by_status.iter().map(|(_, n)| n).sum::<u64>(), f.total);
            prop_assert!(f.answered_in_time <= f.answered && f.answered <= f.total);
            prop_assert!(f.overdue <= f.total);
            if let Some(m) = f.median_days_to_answer {
                prop_assert!((0..120).contains(&m));
            }
        }
    }

    #[test]
    fn periods_are_a_year_or_two_days_and_refused_at_their_fields() {
        let p = Period::parse("2026", "", "").unwrap();
        assert_eq!(p.as_year(), Some(2026));
        assert!(p.contains(d("2026-01-01")) && p.contains(d("2026-12-31")));
        assert!(!p.contains(d("2025-12-31")) && !p.contains(d("2027-01-01")));
        let open = Period::parse("", "2026-03-01", "").unwrap();
        assert!(open.contains(d("2030-01-01")) && !open.contains(d("2026-02-28")));
        assert_eq!(open.as_year(), None);
        assert_eq!(Period::parse("", "", "").unwrap(), Period::ALL);
        assert_eq!(
            Period::parse("", "2026-13-01", "hier"),
            Err(vec![
                ("from", "grv-error-period-day"),
                ("to", "grv-error-period-day")
            ])
        );
        assert_eq!(
            Period::parse("", "2026-05-01", "2026-04-01"),
            Err(vec![("to", "grv-error-period-order")])
        );
        assert_eq!(
            Period::parse("20x6", "", ""),
            Err(vec![("year", "grv-error-period-year")])
        );
    }
}
