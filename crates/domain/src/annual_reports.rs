//! The establishment's annual report: the activity of a year (beneficiaries served by sex
//! and age band, admissions and exits, services delivered, staff in post), the budget and
//! the spending by heading and by funder, the food spending per beneficiary, the deadline
//! of each year and the life of a report (draft, filed, returned with remarks, accepted).
//! Pure rules; the store keeps the reports.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// Where a report stands.
    Status {
        Draft => "draft",
        Filed => "filed",
        Returned => "returned",
        Accepted => "accepted",
    }
);

coded!(
    /// The age bands of the beneficiaries served (age on 31 December of the year).
    AgeBand {
        Under6 => "under_6",
        From6To11 => "6_11",
        From12To17 => "12_17",
        From18To59 => "18_59",
        From60 => "60_plus",
    }
);

coded!(
    /// The headings of the budget and of the spending.
    Heading {
        Food => "food",
        Staff => "staff",
        Health => "health",
        Education => "education",
        Premises => "premises",
        Other => "other",
    }
);

coded!(
    /// The sex of a figure of beneficiaries served.
    Sex {
        Male => "male",
        Female => "female",
    }
);

impl AgeBand {
    /// The band of a person born on `birth`, by their age on 31 December of `year`.
    pub fn of(birth: NaiveDate, year: i32) -> AgeBand {
        let age = (year - birth.year()).max(0);
        match age {
            0..=5 => AgeBand::Under6,
            6..=11 => AgeBand::From6To11,
            12..=17 => AgeBand::From12To17,
            18..=59 => AgeBand::From18To59,
            _ => AgeBand::From60,
        }
    }
}

/// The beneficiaries served in the year, by age band and sex.
pub type Served = BTreeMap<(AgeBand, Sex), u32>;

/// The key of one figure of beneficiaries served ("12_17:female"), used by forms and reasons.
pub fn served_key(band: AgeBand, sex: Sex) -> String {
    format!("{}:{}", band.as_str(), sex.as_str())
}

/// A line of the register: beneficiary, admitted on, exit on, birth date, sex.
pub type RegisterLine = (i64, NaiveDate, Option<NaiveDate>, Option<NaiveDate>, Sex);

/// Counts of beneficiaries served from the register: each person admitted at some time in
/// the year (admitted on or before 31 December and not gone before 1 January), once.
pub fn served_from_register(year: i32, lines: &[RegisterLine]) -> Served {
    let start = NaiveDate::from_ymd_opt(year, 1, 1).expect("valid date");
    let end = NaiveDate::from_ymd_opt(year, 12, 31).expect("valid date");
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Served::new();
    for (who, admitted, exit, birth, sex) in lines {
        if *admitted > end || exit.is_some_and(|x| x < start) || !seen.insert(*who) {
            continue;
        }
        let band = birth
            .map(|b| AgeBand::of(b, year))
            .unwrap_or(AgeBand::From18To59);
        *out.entry((band, *sex)).or_insert(0) += 1;
    }
    out
}

/// The figures of a report, as the manager files them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// Beneficiaries served, by "band:sex" key (see [`served_key`]).
    pub served: BTreeMap<String, u32>,
    /// The figures as the register gave them when the report was started.
    pub prefilled: BTreeMap<String, u32>,
    /// Why a figure differs from the register's, by "band:sex" key.
    pub reasons: BTreeMap<String, String>,
    pub admissions: u32,
    pub exits: u32,
    pub services_delivered: u32,
    pub staff_in_post: u32,
    /// Budget of the year by heading, in whole dirhams.
    pub budget: BTreeMap<Heading, u64>,
    /// Spending of the year by heading, in whole dirhams.
    pub spending: BTreeMap<Heading, u64>,
    /// Spending by funder (the funder's name, the amount in whole dirhams).
    pub funders: Vec<(String, u64)>,
}

impl Figures {
    /// Starts a report's figures from the register's counts.
    pub fn prefilled_from(served: &Served, admissions: u32, exits: u32) -> Figures {
        let mut map = BTreeMap::new();
        for band in AgeBand::ALL {
            for sex in Sex::ALL {
                map.insert(
                    served_key(*band, *sex),
                    served.get(&(*band, *sex)).copied().unwrap_or(0),
                );
            }
        }
        Figures {
            served: map.clone(),
            prefilled: map,
            admissions,
            exits,
            ..Figures::default()
        }
    }

    /// Everyone served in the year.
    pub fn total_served(&self) -> u64 {
        self.served.values().map(|&n| u64::from(n)).sum()
    }

    pub fn total_spending(&self) -> u64 {
        self.spending.values().sum()
    }

    pub fn total_budget(&self) -> u64 {
        self.budget.values().sum()
    }

    pub fn total_funded(&self) -> u64 {
        self.funders.iter().map(|(_, a)| a).sum()
    }

    /// The figures of beneficiaries served that differ from the register's.
    pub fn changed(&self) -> Vec<String> {
        self.served
            .iter()
            .filter(|(k, v)| self.prefilled.get(*k).copied().unwrap_or(0) != **v)
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// Food spending per beneficiary served, in whole dirhams (rounded down); `None`
    /// when nobody was served.
    pub fn food_per_beneficiary(&self) -> Option<u64> {
        let served = self.total_served();
        if served == 0 {
            return None;
        }
        Some(self.spending.get(&Heading::Food).copied().unwrap_or(0) / served)
    }

    /// What stops the report being filed, every problem at once.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        for key in self.changed() {
            if self.reasons.get(&key).is_none_or(|r| r.trim().is_empty()) {
                out.push(Problem::ReasonMissing(key));
            }
        }
        if self.total_served() == 0 {
            out.push(Problem::NobodyServed);
        }
        if self.total_spending() == 0 {
            out.push(Problem::NoSpending);
        }
        for (i, (name, _)) in self.funders.iter().enumerate() {
            if name.trim().is_empty() {
                out.push(Problem::FunderUnnamed(i));
            }
        }
        if self.total_funded() != self.total_spending() {
            out.push(Problem::FundersDoNotMatch {
                funded: self.total_funded(),
                spent: self.total_spending(),
            });
        }
        out
    }
}

/// A reason the figures cannot be filed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A figure of beneficiaries served differs from the register's without a reason.
    ReasonMissing(String),
    NobodyServed,
    NoSpending,
    /// A funder line has an amount but no name (its index).
    FunderUnnamed(usize),
    /// The spending by funder does not add up to the spending by heading.
    FundersDoNotMatch {
        funded: u64,
        spent: u64,
    },
}

impl Problem {
    /// The translation key of the problem.
    pub fn key(&self) -> &'static str {
        match self {
            Problem::ReasonMissing(_) => "annual-reports-error-reason",
            Problem::NobodyServed => "annual-reports-error-nobody-served",
            Problem::NoSpending => "annual-reports-error-no-spending",
            Problem::FunderUnnamed(_) => "annual-reports-error-funder-name",
            Problem::FundersDoNotMatch { .. } => "annual-reports-error-funders-total",
        }
    }
}

impl Status {
    /// Whether a report may move from this status to `to`.
    pub fn may_become(self, to: Status) -> bool {
        matches!(
            (self, to),
            (Status::Draft, Status::Filed)
                | (Status::Returned, Status::Filed)
                | (Status::Filed, Status::Returned)
                | (Status::Filed, Status::Accepted)
        )
    }

    /// Whether the manager may still change the figures.
    pub fn editable(self) -> bool {
        matches!(self, Status::Draft | Status::Returned)
    }

    /// Whether the report counts as filed by the deadline (filed or accepted).
    pub fn is_in(self) -> bool {
        matches!(self, Status::Filed | Status::Accepted)
    }
}

/// When the report of a year is due, as data: a day of a month of the next year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineRule {
    pub month: u32,
    pub day: u32,
    /// Days before the deadline the manager is reminded.
    pub remind_days: i64,
}

impl Default for DeadlineRule {
    /// 31 March of the next year, reminded 30 days before.
    fn default() -> Self {
        Self {
            month: 3,
            day: 31,
            remind_days: 30,
        }
    }
}

impl DeadlineRule {
    /// The deadline of the report of `year` (the last day of the month when `day` is past it).
    pub fn deadline(&self, year: i32) -> NaiveDate {
        let month = self.month.clamp(1, 12);
        let mut day = self.day.clamp(1, 31);
        loop {
            if let Some(d) = NaiveDate::from_ymd_opt(year + 1, month, day) {
                return d;
            }
            day -= 1;
        }
    }
}

/// Where a report of a year stands against its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timeliness {
    /// Filed or accepted.
    In,
    /// Not in, the deadline not near.
    Open,
    /// Not in, the deadline within the reminder days.
    DueSoon,
    /// Not in, the deadline passed.
    Overdue,
}

/// The timeliness of the report of `year` on `today`; `status` is `None` when the
/// establishment has not started one.
pub fn timeliness(
    rule: &DeadlineRule,
    year: i32,
    status: Option<Status>,
    today: NaiveDate,
) -> Timeliness {
    if status.is_some_and(Status::is_in) {
        return Timeliness::In;
    }
    let deadline = rule.deadline(year);
    if today > deadline {
        Timeliness::Overdue
    } else if (deadline - today).num_days() <= rule.remind_days {
        Timeliness::DueSoon
    } else {
        Timeliness::Open
    }
}

/// The year whose report is the latest due on `today` (the previous calendar year).
pub fn latest_year(today: NaiveDate) -> i32 {
    today.year() - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn filled() -> Figures {
        let mut served = Served::new();
        served.insert((AgeBand::From6To11, Sex::Male), 10);
        served.insert((AgeBand::From12To17, Sex::Female), 10);
        let mut f = Figures::prefilled_from(&served, 5, 2);
        f.spending.insert(Heading::Food, 38_000);
        f.spending.insert(Heading::Staff, 62_000);
        f.funders = vec![("Entraide nationale".into(), 100_000)];
        f
    }

    #[test]
    fn food_spending_per_beneficiary_is_food_over_served() {
        let f = filled();
        assert_eq!(f.total_served(), 20);
        assert_eq!(f.food_per_beneficiary(), Some(1_900));
        assert_eq!(Figures::default().food_per_beneficiary(), None);
    }

    #[test]
    fn a_complete_report_has_no_problem() {
        assert_eq!(filled().problems(), vec![]);
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let mut f = filled();
        f.served.insert(served_key(AgeBand::Under6, Sex::Female), 3);
        f.funders = vec![("".into(), 10)];
        let p = f.problems();
        assert!(p.contains(&Problem::ReasonMissing("under_6:female".into())));
        assert!(p.contains(&Problem::FunderUnnamed(0)));
        assert!(p.contains(&Problem::FundersDoNotMatch {
            funded: 10,
            spent: 100_000
        }));
        f.reasons
            .insert("under_6:female".into(), "arrivées non saisies".into());
        assert!(
            !f.problems()
                .iter()
                .any(|p| p.key() == "annual-reports-error-reason")
        );
        let empty = Figures::prefilled_from(&Served::new(), 0, 0);
        let p = empty.problems();
        assert!(p.contains(&Problem::NobodyServed));
        assert!(p.contains(&Problem::NoSpending));
    }

    #[test]
    fn the_life_of_a_report() {
        assert!(Status::Draft.may_become(Status::Filed));
        assert!(Status::Filed.may_become(Status::Returned));
        assert!(Status::Returned.may_become(Status::Filed));
        assert!(Status::Filed.may_become(Status::Accepted));
        assert!(!Status::Draft.may_become(Status::Accepted));
        assert!(!Status::Accepted.may_become(Status::Returned));
        assert!(!Status::Returned.may_become(Status::Accepted));
        assert!(Status::Returned.editable());
        assert!(!Status::Filed.editable());
    }

    #[test]
    fn deadline_is_31_march_of_the_next_year_by_default() {
        let rule = DeadlineRule::default();
        assert_eq!(rule.deadline(2025), d(2026, 3, 31));
        let feb = DeadlineRule {
            month: 2,
            day: 31,
            remind_days: 10,
        };
        assert_eq!(feb.deadline(2027), d(2028, 2, 29));
        assert_eq!(feb.deadline(2025), d(2026, 2, 28));
    }

    #[test]
    fn timeliness_against_the_deadline() {
        let rule = DeadlineRule::default();
        assert_eq!(
            timeliness(&rule, 2025, None, d(2026, 1, 10)),
            Timeliness::Open
        );
        assert_eq!(
            timeliness(&rule, 2025, Some(Status::Draft), d(2026, 3, 10)),
            Timeliness::DueSoon
        );
        assert_eq!(
            timeliness(&rule, 2025, None, d(2026, 4, 1)),
            Timeliness::Overdue
        );
        assert_eq!(
            timeliness(&rule, 2025, Some(Status::Returned), d(2026, 4, 1)),
            Timeliness::Overdue
        );
        assert_eq!(
            timeliness(&rule, 2025, Some(Status::Filed), d(2026, 4, 1)),
            Timeliness::In
        );
        assert_eq!(latest_year(d(2026, 12, 7)), 2025);
    }

    #[test]
    fn served_from_register_counts_each_person_once_in_the_year() {
        let lines = vec![
            (1, d(2024, 5, 1), None, Some(d(2015, 1, 1)), Sex::Male),
            (1, d(2025, 5, 1), None, Some(d(2015, 1, 1)), Sex::Male),
            (
                2,
                d(2023, 1, 1),
                Some(d(2024, 6, 1)),
                Some(d(2010, 1, 1)),
                Sex::Female,
            ),
            (3, d(2026, 1, 2), None, Some(d(2010, 1, 1)), Sex::Female),
            (
                4,
                d(2025, 2, 1),
                Some(d(2025, 3, 1)),
                Some(d(2010, 6, 1)),
                Sex::Female,
            ),
        ];
        let s = served_from_register(2025, &lines);
        assert_eq!(s.get(&(AgeBand::From6To11, Sex::Male)), Some(&1));
        assert_eq!(s.get(&(AgeBand::From12To17, Sex::Female)), Some(&1));
        assert_eq!(s.values().sum::<u32>(), 2);
    }

    #[test]
    fn age_bands() {
        assert_eq!(AgeBand::of(d(2020, 6, 1), 2025), AgeBand::Under6);
        assert_eq!(AgeBand::of(d(2019, 6, 1), 2025), AgeBand::From6To11);
        assert_eq!(AgeBand::of(d(2008, 1, 1), 2025), AgeBand::From12To17);
        assert_eq!(AgeBand::of(d(1960, 1, 1), 2025), AgeBand::From60);
    }

    proptest! {
        #[test]
        fn food_per_beneficiary_never_exceeds_food_spending(
            food in 0u64..10_000_000, counts in proptest::collection::vec(0u32..500, 10)
        ) {
            let mut f = Figures::default();
            for (i, n) in counts.iter().enumerate() {
                f.served.insert(format!("k{i}"), *n);
            }
            f.spending.insert(Heading::Food, food);
            match f.food_per_beneficiary() {
                None => prop_assert_eq!(f.total_served(), 0),
                Some(per) => {
                    prop_assert!(per <= food);
                    prop_assert!(per * f.total_served() <= food);
                    prop_assert!((per + 1) * f.total_served() > food);
                }
            }
        }

        #[test]
        fn a_filed_report_is_never_late(year in 2000i32..2100, days in 0i64..2000) {
            let rule = DeadlineRule::default();
            let today = d(year, 1, 1) + chrono::Duration::days(days);
            for s in [Status::Filed, Status::Accepted] {
                prop_assert_eq!(timeliness(&rule, year, Some(s), today), Timeliness::In);
            }
            let t = timeliness(&rule, year, None, today);
            prop_assert_eq!(t == Timeliness::Overdue, today > rule.deadline(year));
        }

        #[test]
        fn deadline_is_always_in_the_next_year(year in 2000i32..2100, month in 0u32..15, day in 0u32..40) {
            let rule = DeadlineRule { month, day, remind_days: 30 };
            prop_assert_eq!(rule.deadline(year).year(), year + 1);
        }

        #[test]
        fn unchanged_figures_need_no_reason(counts in proptest::collection::vec(0u32..100, 10)) {
            let mut served = Served::new();
            let mut i = 0;
            for band in AgeBand::ALL {
                for sex in Sex::ALL {
                    served.insert((*band, *sex), counts[i]);
                    i += 1;
                }
            }
            let f = Figures::prefilled_from(&served, 0, 0);
            prop_assert!(f.changed().is_empty());
            prop_assert!(!f.problems().iter().any(|p| matches!(p, Problem::ReasonMissing(_))));
        }
    }
}
