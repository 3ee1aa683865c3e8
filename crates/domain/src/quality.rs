//! Quality of care: inspection grids (standards as data), the scoring and rating of a
//! visit, the criteria the platform measures from its own records, the risk score that
//! ranks establishments for inspection, and the life of a corrective action. Pure rules;
//! the store keeps grids, visits and actions.

use crate::care::Occupancy;
use crate::establishments::Capacity;
use serde::{Deserialize, Serialize};

macro_rules! coded {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
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
    /// The sections of every grid, in the order a report shows them.
    Section {
        PremisesSafety => "premises_safety",
        HygieneFood => "hygiene_food",
        CareFiles => "care_files",
        StaffRatios => "staff_ratios",
        GovernanceRegisters => "governance_registers",
        RightsComplaints => "rights_complaints",
    }
);

coded!(
    /// How far an establishment meets one criterion.
    Level {
        Compliant => "compliant",
        Partly => "partly",
        NotCompliant => "not_compliant",
        NotApplicable => "not_applicable",
    }
);

coded!(
    /// The overall rating of a visit, best first.
    Rating {
        Good => "good",
        Fair => "fair",
        Poor => "poor",
        Failing => "failing",
    }
);

coded!(
    /// What the platform can measure itself for a criterion.
    Measure {
        Occupancy => "occupancy",
        RegisterUpToDate => "register_up_to_date",
        CarePlans => "care_plans",
        StaffingRatio => "staffing_ratio",
        FoodSpending => "food_spending",
    }
);

coded!(
    /// Where a grid version is in its life: drafts are edited, published versions are
    /// used by visits and never change.
    GridStatus {
        Draft => "draft",
        Published => "published",
        Superseded => "superseded",
    }
);

coded!(
    /// Where a visit is.
    VisitStatus {
        Scheduled => "scheduled",
        Conducted => "conducted",
    }
);

coded!(
    /// Where a corrective action is.
    ActionStatus {
        Open => "open",
        Answered => "answered",
        Closed => "closed",
    }
);

coded!(
    /// Who is to carry out a corrective action.
    ActionParty {
        Establishment => "establishment",
        Association => "association",
        Delegation => "delegation",
    }
);

coded!(
    /// How urgent a corrective action is.
    Priority {
        High => "high",
        Normal => "normal",
        Low => "low",
    }
);

impl Level {
    /// The points of a level out of 100; `None` for "not applicable", which is left out.
    pub fn points(self) -> Option<u32> {
        match self {
            Level::Compliant => Some(100),
            Level::Partly => Some(50),
            Level::NotCompliant => Some(0),
            Level::NotApplicable => None,
        }
    }
}

/// The heaviest weight a criterion may carry.
pub const WEIGHT_MAX: u32 = 10;
/// The longest text of a criterion.
pub const TEXT_MAX: usize = 400;

/// One criterion of a grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable within a grid: visits store their scores against it.
    pub code: String,
    pub section: Section,
    pub text_ar: String,
    pub text_fr: String,
    /// 1 to [`WEIGHT_MAX`].
    pub weight: u32,
    /// A critical criterion not met caps the rating, whatever the score.
    pub critical: bool,
    /// Measured by the platform, when it can be.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
}

/// The criteria of a grid version, as stored (JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    pub criteria: Vec<Criterion>,
}

/// Why a grid's criteria are refused, each naming the criterion (by position, from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GridProblem {
    Empty,
    Code(usize),
    DuplicateCode(usize),
    Text(usize),
    Weight(usize),
}

impl GridProblem {
    /// The translation key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            GridProblem::Empty => "quality-error-grid-empty",
            GridProblem::Code(_) => "quality-error-criterion-code",
            GridProblem::DuplicateCode(_) => "quality-error-criterion-duplicate",
            GridProblem::Text(_) => "quality-error-criterion-text",
            GridProblem::Weight(_) => "quality-error-criterion-weight",
        }
    }

    /// The criterion concerned (from 1), if any.
    pub fn line(&self) -> Option<usize> {
        match self {
            GridProblem::Empty => None,
            GridProblem::Code(n)
            | GridProblem::DuplicateCode(n)
            | GridProblem::Text(n)
            | GridProblem::Weight(n) => Some(*n),
        }
    }
}

fn code_ok(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 40
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
}

impl Criteria {
    /// Every problem of the criteria at once; empty when they may be saved.
    pub fn problems(&self) -> Vec<GridProblem> {
        let mut out = Vec::new();
        if self.criteria.is_empty() {
            out.push(GridProblem::Empty);
        }
        let mut seen = std::collections::HashSet::new();
        for (i, c) in self.criteria.iter().enumerate() {
            let n = i + 1;
            if !code_ok(&c.code) {
                out.push(GridProblem::Code(n));
            } else if !seen.insert(c.code.as_str()) {
                out.push(GridProblem::DuplicateCode(n));
            }
            let (ar, fr) = (c.text_ar.trim(), c.text_fr.trim());
            if ar.is_empty()
                || fr.is_empty()
                || ar.chars().count() > TEXT_MAX
                || fr.chars().count() > TEXT_MAX
            {
                out.push(GridProblem::Text(n));
            }
            if c.weight == 0 || c.weight > WEIGHT_MAX {
                out.push(GridProblem::Weight(n));
            }
        }
        out
    }

    pub fn get(&self, code: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.code == code)
    }

    /// The criteria of `section`, in grid order.
    pub fn of(&self, section: Section) -> impl Iterator<Item = &Criterion> {
        self.criteria.iter().filter(move |c| c.section == section)
    }
}

/// One scored criterion, as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored {
    pub weight: u32,
    pub critical: bool,
    pub level: Level,
}

/// The score of a visit out of 100 (rounded down): the weighted mean of the points of
/// the criteria that apply. `None` when none applies.
pub fn score(scored: &[Scored]) -> Option<u32> {
    let (mut points, mut weights) = (0u64, 0u64);
    for s in scored {
        if let Some(p) = s.level.points() {
            points += u64::from(p) * u64::from(s.weight);
            weights += u64::from(s.weight);
        }
    }
    (weights > 0).then(|| (points / weights) as u32)
}

/// Whether a critical criterion is not met.
pub fn critical_failure(scored: &[Scored]) -> bool {
    scored
        .iter()
        .any(|s| s.critical && s.level == Level::NotCompliant)
}

/// The band of a score: good from 80, fair from 60, poor from 40, failing below.
pub fn band(score: u32) -> Rating {
    match score {
        80.. => Rating::Good,
        60..=79 => Rating::Fair,
        40..=59 => Rating::Poor,
        _ => Rating::Failing,
    }
}

/// The rating a critical failure may not exceed.
pub const CRITICAL_CAP: Rating = Rating::Poor;

/// The rating of a visit: the band of its score, capped at [`CRITICAL_CAP`] when a
/// critical criterion is not met. `None` when no criterion applies.
pub fn rate(scored: &[Scored]) -> Option<(u32, Rating)> {
    let s = score(scored)?;
    let mut r = band(s);
    if critical_failure(scored) && r < CRITICAL_CAP {
        r = CRITICAL_CAP;
    }
    Some((s, r))
}

/// What the platform knows of an establishment to measure its criteria.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub occupancy: Occupancy,
    pub capacity: Capacity,
    /// Days since the latest admission or exit written in the register; `None` when the
    /// register has no line.
    pub days_since_register_entry: Option<i64>,
    /// Persons present.
    pub present: i64,
    /// Persons present without any goal in their care plan.
    pub present_without_plan: i64,
    /// The staffing of each post the category's standards name, against the staff in
    /// post; `None` when the establishment has no staff record at all.
    pub staffing: Option<Vec<crate::staff::Staffing>>,
    /// Food spending per beneficiary served (whole dirhams) from the latest annual
    /// report filed or accepted (section 13); `None` when there is none.
    pub food_per_beneficiary: Option<u64>,
}

/// A level the platform measured, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measured {
    pub level: Level,
    /// The translation key of the explanation and its arguments.
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

/// A staffing shortfall up to this share of what the standards ask (in percent) is
/// "partly" met; beyond it, not met.
pub const STAFFING_PARTLY_PERCENT: u64 = 25;

/// The staffing ratio of an establishment from its staff records against its
/// category's standards: every post covered is compliant; a shortfall of at most
/// [`STAFFING_PARTLY_PERCENT`] of the full-time equivalents asked is partly; more is not
/// compliant. Not measured without any staff record, or when no standard applies.
pub fn staffing_ratio_measure(facts: &Facts) -> Option<Measured> {
    let posts = facts.staffing.as_ref()?;
    let required: u64 = posts.iter().map(|s| s.required).sum();
    if required == 0 {
        return None;
    }
    let missing: u64 = posts.iter().map(crate::staff::Staffing::shortfall).sum();
    let short = posts.iter().filter(|s| s.is_short()).count();
    let level = if missing == 0 {
        Level::Compliant
    } else if missing * 100 <= required * STAFFING_PARTLY_PERCENT {
        Level::Partly
    } else {
        Level::NotCompliant
    };
    Some(Measured {
        level,
        key: if missing == 0 {
            "quality-measured-staffing-covered"
        } else {
            "quality-measured-staffing-short"
        },
        args: vec![
            ("posts", short.to_string()),
            ("missing", crate::staff::fte_text(missing)),
            ("required", crate::staff::fte_text(required)),
        ],
    })
}

/// Food spending per beneficiary and year at or above this (whole dirhams) is compliant
/// (illustrative threshold, as the grids are).
pub const FOOD_SPENDING_GOOD_MAD: u64 = 3_000;
/// … at or above this, partly; below it, not compliant.
pub const FOOD_SPENDING_MIN_MAD: u64 = 2_000;

/// Food spending per beneficiary and year from the latest annual report filed or
/// accepted: at least [`FOOD_SPENDING_GOOD_MAD`] compliant, at least
/// [`FOOD_SPENDING_MIN_MAD`] partly, less not compliant. Not measured without a report.
pub fn food_spending_measure(facts: &Facts) -> Option<Measured> {
    let per = facts.food_per_beneficiary?;
    Some(Measured {
        level: if per >= FOOD_SPENDING_GOOD_MAD {
            Level::Compliant
        } else if per >= FOOD_SPENDING_MIN_MAD {
            Level::Partly
        } else {
            Level::NotCompliant
        },
        key: "quality-measured-food-spending",
        args: vec![
            ("amount", per.to_string()),
            ("minimum", FOOD_SPENDING_MIN_MAD.to_string()),
        ],
    })
}

/// A register with no movement for this many days is partly kept.
pub const REGISTER_STALE_DAYS: i64 = 180;
/// … and not kept beyond this many.
pub const REGISTER_ABANDONED_DAYS: i64 = 365;

/// The level the platform measures for `measure`, or `None` when it cannot measure it.
pub fn measure(measure: Measure, f: &Facts) -> Option<Measured> {
    match measure {
        Measure::Occupancy => {
            let over = f.occupancy.over_capacity(&f.capacity);
            Some(Measured {
                level: if over {
                    Level::NotCompliant
                } else {
                    Level::Compliant
                },
                key: if over {
                    "quality-measured-over-capacity"
                } else {
                    "quality-measured-within-capacity"
                },
                args: vec![
                    ("male", f.occupancy.male.to_string()),
                    ("female", f.occupancy.female.to_string()),
                    ("capacity_male", f.capacity.male.to_string()),
                    ("capacity_female", f.capacity.female.to_string()),
                ],
            })
        }
        Measure::RegisterUpToDate => Some(match f.days_since_register_entry {
            None => Measured {
                level: Level::NotCompliant,
                key: "quality-measured-register-empty",
                args: vec![],
            },
            Some(d) => Measured {
                level: if d > REGISTER_ABANDONED_DAYS {
                    Level::NotCompliant
                } else if d > REGISTER_STALE_DAYS {
                    Level::Partly
                } else {
                    Level::Compliant
                },
                key: "quality-measured-register-days",
                args: vec![("days", d.to_string())],
            },
        }),
        Measure::CarePlans => Some(if f.present == 0 {
            Measured {
                level: Level::NotApplicable,
                key: "quality-measured-nobody-present",
                args: vec![],
            }
        } else {
            let missing = f.present_without_plan;
            Measured {
                level: if missing == 0 {
                    Level::Compliant
                } else if missing * 5 <= f.present {
                    Level::Partly
                } else {
                    Level::NotCompliant
                },
                key: "quality-measured-without-plan",
                args: vec![
                    ("missing", missing.to_string()),
                    ("present", f.present.to_string()),
                ],
            }
        }),
        Measure::StaffingRatio => staffing_ratio_measure(f),
        Measure::FoodSpending => food_spending_measure(f),
    }
}

coded!(
    /// A term of the risk score.
    RiskTerm {
        OverCapacity => "over_capacity",
        SinceLastVisit => "since_last_visit",
        LastRating => "last_rating",
        OpenActions => "open_actions",
        OverdueActions => "overdue_actions",
        NotAuthorised => "not_authorised",
        Complaints => "complaints",
        ReportMissing => "report_missing",
        LowFoodSpending => "low_food_spending",
    }
);

/// The weights of the risk terms, as data (JSON), like the needs models.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskModel {
    /// Points when more persons are present than authorised.
    pub over_capacity: u32,
    /// Points per month since the last visit, counted up to `months_cap`; never
    /// visited counts as `months_cap`.
    pub per_month_since_visit: u32,
    pub months_cap: u32,
    /// Points of the last rating (good, fair, poor, failing).
    pub last_rating: [u32; 4],
    pub per_open_action: u32,
    pub per_overdue_action: u32,
    /// Points when the establishment is not (or no more) authorised.
    pub not_authorised: u32,
    pub per_complaint: u32,
    /// Points when the annual report of the latest year is overdue (not filed).
    #[serde(default = "default_report_missing")]
    pub report_missing: u32,
    /// Points when the food spending per beneficiary of the latest report is under
    /// [`FOOD_SPENDING_MIN_MAD`].
    #[serde(default = "default_low_food_spending")]
    pub low_food_spending: u32,
}

fn default_report_missing() -> u32 {
    10
}

fn default_low_food_spending() -> u32 {
    10
}

impl Default for RiskModel {
    fn default() -> Self {
        Self {
            over_capacity: 30,
            per_month_since_visit: 1,
            months_cap: 36,
            last_rating: [0, 5, 15, 25],
            per_open_action: 3,
            per_overdue_action: 6,
            not_authorised: 20,
            per_complaint: 4,
            report_missing: default_report_missing(),
            low_food_spending: default_low_food_spending(),
        }
    }
}

/// What the platform knows of an establishment to weigh its risk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RiskFacts {
    pub over_capacity: bool,
    /// Whole months since the last conducted visit; `None` when never visited.
    pub months_since_visit: Option<u32>,
    pub last_rating: Option<Rating>,
    pub open_actions: u32,
    pub overdue_actions: u32,
    pub authorised: bool,
    /// Complaints about the establishment; `None` while the platform records none.
    pub complaints: Option<u32>,
    /// Whether the annual report of the latest year is overdue; `None` before its
    /// deadline has passed or when the platform could not tell.
    pub report_overdue: Option<bool>,
    /// Food spending per beneficiary from the latest report filed or accepted.
    pub food_per_beneficiary: Option<u64>,
}

/// One term of a risk score: its points and what it counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskPart {
    pub term: RiskTerm,
    pub points: u32,
    /// What was counted (months, actions, …), for the explanation; `None` when the term
    /// could not be measured.
    pub counted: Option<u32>,
}

/// The risk score, term by term (every term listed, measured or not).
pub fn risk(model: &RiskModel, f: &RiskFacts) -> (u32, Vec<RiskPart>) {
    let months = f.months_since_visit.unwrap_or(model.months_cap);
    let months = months.min(model.months_cap);
    let rating_points = f
        .last_rating
        .map(|r| model.last_rating[r as usize])
        .unwrap_or(0);
    let parts = vec![
        RiskPart {
            term: RiskTerm::OverCapacity,
            points: if f.over_capacity {
                model.over_capacity
            } else {
                0
            },
            counted: Some(u32::from(f.over_capacity)),
        },
        RiskPart {
            term: RiskTerm::SinceLastVisit,
            points: months.saturating_mul(model.per_month_since_visit),
            counted: f.months_since_visit,
        },
        RiskPart {
            term: RiskTerm::LastRating,
            points: rating_points,
            counted: f.last_rating.map(|r| r as u32),
        },
        RiskPart {
            term: RiskTerm::OpenActions,
            points: f.open_actions.saturating_mul(model.per_open_action),
            counted: Some(f.open_actions),
        },
        RiskPart {
            term: RiskTerm::OverdueActions,
            points: f.overdue_actions.saturating_mul(model.per_overdue_action),
            counted: Some(f.overdue_actions),
        },
        RiskPart {
            term: RiskTerm::NotAuthorised,
            points: if f.authorised {
                0
            } else {
                model.not_authorised
            },
            counted: Some(u32::from(!f.authorised)),
        },
        RiskPart {
            term: RiskTerm::Complaints,
            points: f
                .complaints
                .map(|n| n.saturating_mul(model.per_complaint))
                .unwrap_or(0),
            counted: f.complaints,
        },
        RiskPart {
            term: RiskTerm::ReportMissing,
            points: if f.report_overdue == Some(true) {
                model.report_missing
            } else {
                0
            },
            counted: f.report_overdue.map(u32::from),
        },
        RiskPart {
            term: RiskTerm::LowFoodSpending,
            points: match f.food_per_beneficiary {
                Some(per) if per < FOOD_SPENDING_MIN_MAD => model.low_food_spending,
                _ => 0,
            },
            counted: f
                .food_per_beneficiary
                .map(|p| u32::try_from(p).unwrap_or(u32::MAX)),
        },
    ];
    let total = parts.iter().fold(0u32, |a, p| a.saturating_add(p.points));
    (total, parts)
}

/// Whole months between two dates (`from` before `to`), by calendar month.
pub fn months_between(from: chrono::NaiveDate, to: chrono::NaiveDate) -> u32 {
    use chrono::Datelike;
    if to <= from {
        return 0;
    }
    let mut m = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if to.day() < from.day() {
        m -= 1;
    }
    m.max(0) as u32
}

impl ActionStatus {
    /// The moves an action may make: the manager answers an open action, the inspector
    /// closes an answered one or reopens it (or a closed one).
    pub fn may_become(self, to: ActionStatus) -> bool {
        use ActionStatus::*;
        matches!(
            (self, to),
            (Open, Answered) | (Answered, Closed) | (Answered, Open) | (Closed, Open)
        )
    }
}

/// Whether an action not closed is past its deadline on `today`.
pub fn is_overdue(
    status: ActionStatus,
    due_on: chrono::NaiveDate,
    today: chrono::NaiveDate,
) -> bool {
    status != ActionStatus::Closed && due_on < today
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn s(weight: u32, critical: bool, level: Level) -> Scored {
        Scored {
            weight,
            critical,
            level,
        }
    }

    #[test]
    fn score_is_the_weighted_mean_without_not_applicable() {
        let v = [
            s(3, false, Level::Compliant),
            s(1, false, Level::NotCompliant),
            s(5, false, Level::NotApplicable),
        ];
        assert_eq!(score(&v), Some(75));
        assert_eq!(score(&[s(2, false, Level::Partly)]), Some(50));
        assert_eq!(score(&[s(2, false, Level::NotApplicable)]), None);
        assert_eq!(score(&[]), None);
    }

    #[test]
    fn bands_and_the_critical_cap() {
        assert_eq!(band(100), Rating::Good);
        assert_eq!(band(80), Rating::Good);
        assert_eq!(band(79), Rating::Fair);
        assert_eq!(band(60), Rating::Fair);
        assert_eq!(band(59), Rating::Poor);
        assert_eq!(band(39), Rating::Failing);
        let mostly_good = [
            s(10, false, Level::Compliant),
            s(10, false, Level::Compliant),
            s(1, true, Level::NotCompliant),
        ];
        assert_eq!(score(&mostly_good), Some(95));
        assert_eq!(rate(&mostly_good), Some((95, Rating::Poor)));
        // A failing score stays failing: the cap only lowers.
        assert_eq!(
            rate(&[s(1, true, Level::NotCompliant)]),
            Some((0, Rating::Failing))
        );
        // A critical criterion partly met does not cap.
        assert_eq!(
            rate(&[s(1, true, Level::Partly), s(3, false, Level::Compliant)]),
            Some((87, Rating::Good))
        );
    }

    #[test]
    fn criteria_problems_are_all_reported() {
        let c = Criterion {
            code: "a.1".into(),
            section: Section::HygieneFood,
            text_ar: "نص".into(),
            text_fr: "Texte".into(),
            weight: 2,
            critical: false,
            measure: None,
        };
        assert!(
            Criteria {
                criteria: vec![c.clone()]
            }
            .problems()
            .is_empty()
        );
        let bad = Criteria {
            criteria: vec![
                c.clone(),
                Criterion {
                    weight: 0,
                    text_fr: " ".into(),
                    ..c.clone()
                },
                Criterion {
                    code: "A 1".into(),
                    ..c.clone()
                },
            ],
        };
        assert_eq!(
            bad.problems(),
            vec![
                GridProblem::DuplicateCode(2),
                GridProblem::Text(2),
                GridProblem::Weight(2),
                GridProblem::Code(3),
            ]
        );
        assert_eq!(Criteria::default().problems(), vec![GridProblem::Empty]);
    }

    #[test]
    fn measures_from_the_platforms_records() {
        let mut f = Facts {
            occupancy: Occupancy {
                male: 0,
                female: 41,
            },
            capacity: Capacity {
                male: 0,
                female: 40,
            },
            days_since_register_entry: Some(10),
            present: 41,
            present_without_plan: 5,
            staffing: None,
            food_per_beneficiary: None,
        };
        assert_eq!(
            measure(Measure::Occupancy, &f).unwrap().level,
            Level::NotCompliant
        );
        assert_eq!(
            measure(Measure::RegisterUpToDate, &f).unwrap().level,
            Level::Compliant
        );
        assert_eq!(
            measure(Measure::CarePlans, &f).unwrap().level,
            Level::Partly
        );
        f.present_without_plan = 20;
        assert_eq!(
            measure(Measure::CarePlans, &f).unwrap().level,
            Level::NotCompliant
        );
        f.days_since_register_entry = Some(200);
        assert_eq!(
            measure(Measure::RegisterUpToDate, &f).unwrap().level,
            Level::Partly
        );
        f.days_since_register_entry = None;
        assert_eq!(
            measure(Measure::RegisterUpToDate, &f).unwrap().level,
            Level::NotCompliant
        );
        f.present = 0;
        assert_eq!(
            measure(Measure::CarePlans, &f).unwrap().level,
            Level::NotApplicable
        );
        // Not measured without staff records, nor until annual reports exist.
        assert_eq!(measure(Measure::StaffingRatio, &f), None);
        assert_eq!(measure(Measure::FoodSpending, &f), None);
        // Staffing: covered, short by a quarter at most, short by more.
        let post = |required, in_post| crate::staff::Staffing { required, in_post };
        f.staffing = Some(vec![post(200, 200), post(100, 150)]);
        assert_eq!(
            measure(Measure::StaffingRatio, &f).unwrap().level,
            Level::Compliant
        );
        f.staffing = Some(vec![post(200, 150), post(200, 200)]);
        let m = measure(Measure::StaffingRatio, &f).unwrap();
        assert_eq!(m.level, Level::Partly);
        assert!(m.args.contains(&("missing", "0.5".into())), "{:?}", m.args);
        assert!(m.args.contains(&("posts", "1".into())));
        f.staffing = Some(vec![post(400, 100)]);
        assert_eq!(
            measure(Measure::StaffingRatio, &f).unwrap().level,
            Level::NotCompliant
        );
        // Records, but no standard for the category: not measured.
        f.staffing = Some(vec![]);
        assert_eq!(measure(Measure::StaffingRatio, &f), None);
    }

    #[test]
    fn food_spending_from_the_annual_report() {
        let mut f = Facts {
            occupancy: Occupancy::default(),
            capacity: Capacity { male: 0, female: 0 },
            days_since_register_entry: None,
            present: 0,
            present_without_plan: 0,
            staffing: None,
            food_per_beneficiary: None,
        };
        assert_eq!(measure(Measure::FoodSpending, &f), None);
        f.food_per_beneficiary = Some(1_900);
        assert_eq!(
            measure(Measure::FoodSpending, &f).unwrap().level,
            Level::NotCompliant
        );
        f.food_per_beneficiary = Some(2_500);
        assert_eq!(
            measure(Measure::FoodSpending, &f).unwrap().level,
            Level::Partly
        );
        f.food_per_beneficiary = Some(3_000);
        assert_eq!(
            measure(Measure::FoodSpending, &f).unwrap().level,
            Level::Compliant
        );
    }

    #[test]
    fn a_missing_report_and_low_food_spending_raise_the_risk() {
        let m = RiskModel::default();
        let base = RiskFacts {
            authorised: true,
            months_since_visit: Some(1),
            ..Default::default()
        };
        let (before, _) = risk(&m, &base);
        let (late, _) = risk(
            &m,
            &RiskFacts {
                report_overdue: Some(true),
                ..base.clone()
            },
        );
        assert_eq!(late, before + m.report_missing);
        let (poor, _) = risk(
            &m,
            &RiskFacts {
                food_per_beneficiary: Some(1_900),
                ..base.clone()
            },
        );
        assert_eq!(poor, before + m.low_food_spending);
        let (fed, _) = risk(
            &m,
            &RiskFacts {
                food_per_beneficiary: Some(2_000),
                ..base.clone()
            },
        );
        assert_eq!(fed, before);
        // An older model without the new weights still reads, with their defaults.
        let old = r#"{"over_capacity":30,"per_month_since_visit":1,"months_cap":36,"last_rating":[0,5,15,25],"per_open_action":3,"per_overdue_action":6,"not_authorised":20,"per_complaint":4}"#;
        let read: RiskModel = serde_json::from_str(old).unwrap();
        assert_eq!(read, RiskModel::default());
    }

    #[test]
    fn risk_is_explained_term_by_term() {
        let m = RiskModel::default();
        let (never, parts) = risk(
            &m,
            &RiskFacts {
                authorised: true,
                ..Default::default()
            },
        );
        assert_eq!(never, 36);
        assert_eq!(parts.len(), RiskTerm::ALL.len());
        let (bad, parts) = risk(
            &m,
            &RiskFacts {
                over_capacity: true,
                months_since_visit: Some(4),
                last_rating: Some(Rating::Failing),
                open_actions: 2,
                overdue_actions: 1,
                authorised: true,
                complaints: None,
                ..Default::default()
            },
        );
        assert_eq!(bad, 30 + 4 + 25 + 6 + 6);
        assert_eq!(parts.iter().map(|p| p.points).sum::<u32>(), bad);
        let complaints = parts
            .iter()
            .find(|p| p.term == RiskTerm::Complaints)
            .unwrap();
        assert_eq!(complaints.counted, None);
    }

    #[test]
    fn months_and_overdue() {
        let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(months_between(d("2026-01-31"), d("2026-03-01")), 1);
        assert_eq!(months_between(d("2026-01-15"), d("2027-01-15")), 12);
        assert_eq!(months_between(d("2026-05-01"), d("2026-01-01")), 0);
        assert!(is_overdue(
            ActionStatus::Open,
            d("2026-01-01"),
            d("2026-01-02")
        ));
        assert!(!is_overdue(
            ActionStatus::Open,
            d("2026-01-02"),
            d("2026-01-02")
        ));
        assert!(!is_overdue(
            ActionStatus::Closed,
            d("2026-01-01"),
            d("2026-02-02")
        ));
        assert!(ActionStatus::Open.may_become(ActionStatus::Answered));
        assert!(!ActionStatus::Open.may_become(ActionStatus::Closed));
        assert!(ActionStatus::Closed.may_become(ActionStatus::Open));
    }

    fn level() -> impl Strategy<Value = Level> {
        prop::sample::select(Level::ALL.to_vec())
    }

    fn scored() -> impl Strategy<Value = Vec<Scored>> {
        prop::collection::vec(
            (1..=WEIGHT_MAX, any::<bool>(), level()).prop_map(|(w, c, l)| s(w, c, l)),
            0..20,
        )
    }

    proptest! {
        #[test]
        fn score_stays_within_bounds(v in scored()) {
            if let Some(x) = score(&v) {
                prop_assert!(x <= 100);
            } else {
                prop_assert!(v.iter().all(|s| s.level == Level::NotApplicable));
            }
        }

        #[test]
        fn not_applicable_never_changes_the_score(v in scored(), w in 1..=WEIGHT_MAX) {
            let mut more = v.clone();
            more.push(s(w, true, Level::NotApplicable));
            prop_assert_eq!(score(&v), score(&more));
            prop_assert_eq!(rate(&v), rate(&more));
        }

        #[test]
        fn a_critical_failure_caps_the_rating(v in scored(), w in 1..=WEIGHT_MAX) {
            let mut failed = v.clone();
            failed.push(s(w, true, Level::NotCompliant));
            let (_, r) = rate(&failed).unwrap();
            prop_assert!(r >= CRITICAL_CAP);
        }

        #[test]
        fn improving_a_level_never_lowers_the_score(v in scored(), i in any::<prop::sample::Index>()) {
            prop_assume!(!v.is_empty());
            let i = i.index(v.len());
            prop_assume!(v[i].level == Level::NotCompliant || v[i].level == Level::Partly);
            let mut better = v.clone();
            better[i].level = if v[i].level == Level::NotCompliant { Level::Partly } else { Level::Compliant };
            prop_assert!(score(&better) >= score(&v));
        }

        #[test]
        fn risk_total_is_the_sum_of_its_terms(months in prop::option::of(0u32..100), open in 0u32..50, overdue in 0u32..50, over in any::<bool>(), auth in any::<bool>()) {
            let (total, parts) = risk(&RiskModel::default(), &RiskFacts {
                over_capacity: over, months_since_visit: months, last_rating: None,
                open_actions: open, overdue_actions: overdue, authorised: auth, complaints: None,
                ..Default::default()
            });
            prop_assert_eq!(total, parts.iter().map(|p| p.points).sum::<u32>());
        }
    }
}
