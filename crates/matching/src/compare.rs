//! Comparisons of two prepared records, each giving one level with a stable code.
//!
//! | comparison (code) | levels, strongest first |
//! |---|---|
//! | `name` | `exact`, `variant`, `cross-script`, `similar`, `family-only`, `given-only`, `different` |
//! | `birth_date` | `exact`, `day-month-swapped`, `year-only`, `one-year`, `same-year`, `different` |
//! | `sex` | `same`, `different` |
//! | `national_id` | `exact`, `one-off`, `different` |
//! | `commune` | `same`, `same-province`, `different` |
//! | `household` | `same`, `different` |
//!
//! Every comparison also has the level `missing` (a side lacks the field), which weighs
//! nothing. The name is one comparison over both scripts: given and family names are
//! compared in every pair of scripts the two records share (Latin–Latin, Arabic–Arabic,
//! Latin–Arabic, Arabic–Latin) and in both orders (given and family swapped), and the best
//! reading wins.

use crate::prepare::Prepared;
use crate::record::BirthDate;
use jisr_text::{NamePart, PartMatch, part_match};

/// One comparison of two records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Comparison {
    Name,
    BirthDate,
    Sex,
    NationalId,
    Commune,
    Household,
}

/// Number of comparisons.
pub const COMPARISONS: usize = 6;

/// The level index standing for "a side lacks the field".
pub const MISSING: u8 = u8::MAX;

impl Comparison {
    /// Every comparison, in the order of a [`Vector`].
    pub const ALL: [Comparison; COMPARISONS] = [
        Comparison::Name,
        Comparison::BirthDate,
        Comparison::Sex,
        Comparison::NationalId,
        Comparison::Commune,
        Comparison::Household,
    ];

    /// Stable code (`name`, `birth_date`, `sex`, `national_id`, `commune`, `household`).
    pub fn code(self) -> &'static str {
        match self {
            Comparison::Name => "name",
            Comparison::BirthDate => "birth_date",
            Comparison::Sex => "sex",
            Comparison::NationalId => "national_id",
            Comparison::Commune => "commune",
            Comparison::Household => "household",
        }
    }

    /// The codes of its levels, strongest first (`missing` is not among them).
    pub fn levels(self) -> &'static [&'static str] {
        match self {
            Comparison::Name => &[
                "exact",
                "variant",
                "cross-script",
                "similar",
                "family-only",
                "given-only",
                "different",
            ],
            Comparison::BirthDate => &[
                "exact",
                "day-month-swapped",
                "year-only",
                "one-year",
                "same-year",
                "different",
            ],
            Comparison::Sex => &["same", "different"],
            Comparison::NationalId => &["exact", "one-off", "different"],
            Comparison::Commune => &["same", "same-province", "different"],
            Comparison::Household => &["same", "different"],
        }
    }

    /// The code of a level index (`missing` for [`MISSING`]).
    pub fn level_code(self, level: u8) -> &'static str {
        self.levels()
            .get(level as usize)
            .copied()
            .unwrap_or("missing")
    }

    /// The position in a [`Vector`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The level of every comparison for one pair, indexed by [`Comparison::index`].
pub type Vector = [u8; COMPARISONS];

/// Name levels by index.
pub mod name_level {
    pub const EXACT: u8 = 0;
    pub const VARIANT: u8 = 1;
    pub const CROSS_SCRIPT: u8 = 2;
    pub const SIMILAR: u8 = 3;
    pub const FAMILY_ONLY: u8 = 4;
    pub const GIVEN_ONLY: u8 = 5;
    pub const DIFFERENT: u8 = 6;
}

/// How the names of two records compared.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NameOutcome {
    /// Level index (see [`name_level`]) or [`MISSING`].
    pub level: u8,
    /// Whether the best reading swaps given and family names of one record.
    pub swapped: bool,
    /// Best similarity of the given names (0 when absent).
    pub given: f64,
    /// Best similarity of the family names (0 when absent).
    pub family: f64,
}

/// Best match of two parts over every pair of scripts; `cross` tells whether the best one
/// crossed scripts.
fn best_part(
    a: &[Option<NamePart>; 2],
    b: &[Option<NamePart>; 2],
) -> Option<(PartMatch, f64, bool)> {
    let mut best: Option<(PartMatch, f64, bool)> = None;
    for x in a.iter().flatten() {
        for y in b.iter().flatten() {
            let (m, s) = part_match(x, y);
            let cross = x.script != y.script;
            let better = match best {
                None => true,
                Some((bm, bs, bc)) => (m, -s, cross) < (bm, -bs, bc),
            };
            if better {
                best = Some((m, s, cross));
            }
            if m == PartMatch::Exact {
                return best;
            }
        }
    }
    best
}

fn name_reading(
    ga: &[Option<NamePart>; 2],
    fa: &[Option<NamePart>; 2],
    gb: &[Option<NamePart>; 2],
    fb: &[Option<NamePart>; 2],
) -> Option<(u8, f64, f64)> {
    use name_level::*;
    let g = best_part(ga, gb);
    let f = best_part(fa, fb);
    let strong = |m: PartMatch| m <= PartMatch::Key;
    let close = |m: PartMatch| m <= PartMatch::Similar;
    let level = match (g, f) {
        (None, None) => return None,
        (Some((gm, _, gc)), Some((fm, _, fc))) => {
            if gm == PartMatch::Exact && fm == PartMatch::Exact {
                EXACT
            } else if strong(gm) && strong(fm) {
                if gc || fc { CROSS_SCRIPT } else { VARIANT }
            } else if close(gm) && close(fm) {
                SIMILAR
            } else if close(fm) {
                FAMILY_ONLY
            } else if close(gm) {
                GIVEN_ONLY
            } else {
                DIFFERENT
            }
        }
        (None, Some((fm, _, _))) => {
            if close(fm) {
                FAMILY_ONLY
            } else {
                DIFFERENT
            }
        }
        (Some((gm, _, _)), None) => {
            if close(gm) {
                GIVEN_ONLY
            } else {
                DIFFERENT
            }
        }
    };
    Some((level, g.map_or(0.0, |x| x.1), f.map_or(0.0, |x| x.1)))
}

/// Compares the names of two records (see the module doc).
pub fn compare_names(a: &Prepared, b: &Prepared) -> NameOutcome {
    let missing = NameOutcome {
        level: MISSING,
        swapped: false,
        given: 0.0,
        family: 0.0,
    };
    if !a.has_name() || !b.has_name() {
        return missing;
    }
    let straight = name_reading(&a.given, &a.family, &b.given, &b.family);
    let Some((level, given, family)) = straight else {
        return missing;
    };
    let mut out = NameOutcome {
        level,
        swapped: false,
        given,
        family,
    };
    // The swapped reading matters only when the straight one is weak.
    if level >= name_level::SIMILAR {
        if let Some((l, g, f)) = name_reading(&a.given, &a.family, &b.family, &b.given) {
            if l < out.level {
                out = NameOutcome {
                    level: l,
                    swapped: true,
                    given: g,
                    family: f,
                };
            }
        }
    }
    out
}

/// Compares two birth dates.
pub fn compare_birth(a: BirthDate, b: BirthDate) -> u8 {
    use BirthDate::*;
    match (a, b) {
        (Unknown, _) | (_, Unknown) => MISSING,
        (
            Full {
                year: y1,
                month: m1,
                day: d1,
            },
            Full {
                year: y2,
                month: m2,
                day: d2,
            },
        ) => {
            if (y1, m1, d1) == (y2, m2, d2) {
                0
            } else if y1 == y2 && m1 == d2 && d1 == m2 {
                1
            } else if y1.abs_diff(y2) == 1 && (m1, d1) == (m2, d2) {
                3
            } else if y1 == y2 {
                4
            } else {
                5
            }
        }
        _ => {
            let (y1, y2) = (a.year().unwrap_or(0), b.year().unwrap_or(0));
            match y1.abs_diff(y2) {
                0 => 2,
                1 => 3,
                _ => 5,
            }
        }
    }
}

fn same_or_not<T: PartialEq>(a: Option<T>, b: Option<T>) -> u8 {
    match (a, b) {
        (Some(x), Some(y)) => u8::from(x != y),
        _ => MISSING,
    }
}

/// Compares two prepared records on every comparison.
pub fn compare(a: &Prepared, b: &Prepared) -> (Vector, NameOutcome) {
    let name = compare_names(a, b);
    let id = match (&a.national_id, &b.national_id) {
        (Some(x), Some(y)) if x == y => 0,
        (Some(x), Some(y)) if x.one_off(y) => 1,
        (Some(_), Some(_)) => 2,
        _ => MISSING,
    };
    let commune = match (a.commune, b.commune) {
        (Some(x), Some(y)) if x == y => 0,
        (Some(_), Some(_)) if a.province == b.province => 1,
        (Some(_), Some(_)) => 2,
        _ => MISSING,
    };
    let v = [
        name.level,
        compare_birth(a.birth, b.birth),
        same_or_not(a.sex, b.sex),
        id,
        commune,
        same_or_not(a.household, b.household),
    ];
    (v, name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::PersonRecord;

    fn rec(gl: &str, fl: &str, ga: &str, fa: &str, birth: &str) -> Prepared {
        Prepared::new(&PersonRecord {
            given_lat: gl.into(),
            family_lat: fl.into(),
            given_ar: ga.into(),
            family_ar: fa.into(),
            birth: BirthDate::parse(birth).unwrap(),
            ..PersonRecord::default()
        })
    }

    fn level(a: &Prepared, b: &Prepared) -> &'static str {
        Comparison::Name.level_code(compare_names(a, b).level)
    }

    #[test]
    fn names_compare_across_scripts_and_orders() {
        let lat = rec("Mohamed", "El Alaoui", "", "", "");
        let ar = rec("", "", "محمد", "العلوي", "");
        assert_eq!(level(&lat, &ar), "cross-script");
        assert_eq!(
            level(&lat, &rec("Mohamed", "El Alaoui", "", "", "")),
            "exact"
        );
        assert_eq!(
            level(&lat, &rec("Mohammed", "Alaoui", "", "", "")),
            "variant"
        );
        let swapped = rec("Alaoui", "Mohamed", "", "", "");
        let out = compare_names(&lat, &swapped);
        assert!(out.swapped);
        assert!(out.level <= name_level::VARIANT);
        assert_eq!(
            level(&lat, &rec("Ahmed", "Alaoui", "", "", "")),
            "family-only"
        );
        assert_eq!(
            level(&lat, &rec("Karim", "Bennani", "", "", "")),
            "different"
        );
        assert_eq!(level(&lat, &rec("", "", "", "", "")), "missing");
    }

    #[test]
    fn birth_dates_compare_by_level() {
        let d = |s: &str| BirthDate::parse(s).unwrap().effective();
        let code = |a: &str, b: &str| Comparison::BirthDate.level_code(compare_birth(d(a), d(b)));
        assert_eq!(code("1980-03-07", "1980-03-07"), "exact");
        assert_eq!(code("1980-03-07", "1980-07-03"), "day-month-swapped");
        assert_eq!(code("1980-03-07", "1980"), "year-only");
        assert_eq!(code("1980-03-07", "1980-01-01"), "year-only");
        assert_eq!(code("1980-03-07", "1981-03-07"), "one-year");
        assert_eq!(code("1980-03-07", "1980-05-09"), "same-year");
        assert_eq!(code("1980-03-07", "1990-03-07"), "different");
        assert_eq!(code("1980-03-07", ""), "missing");
    }

    #[test]
    fn level_codes_are_stable() {
        for c in Comparison::ALL {
            assert!(!c.levels().is_empty());
            assert_eq!(c.level_code(MISSING), "missing");
            assert_eq!(Comparison::ALL[c.index()], c);
        }
    }
}
