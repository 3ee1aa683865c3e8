//! Care in establishments: the admissions register's coded values, occupancy against the
//! authorised capacity, the choice of an establishment with a free place, and who may
//! read a beneficiary's sensitive notes. Pure rules; the store keeps the records.

use crate::establishments::Capacity;
use crate::registry::Sex;
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
    /// On what basis a person is admitted.
    Basis {
        JudgeOrder => "judge_order",
        FamilyRequest => "family_request",
        Referral => "referral",
        OwnRequest => "own_request",
    }
);

coded!(
    /// Who represents the beneficiary in law.
    Representative {
        Parent => "parent",
        Kafil => "kafil",
        JudgeOrder => "judge_order",
        Guardian => "guardian",
        Self_ => "self",
    }
);

coded!(
    /// Why a beneficiary left.
    ExitReason {
        ReturnToFamily => "return_to_family",
        Kafala => "kafala",
        Autonomy => "autonomy",
        Transfer => "transfer",
        Death => "death",
        Other => "other",
    }
);

coded!(
    /// The state of a care-plan goal.
    GoalStatus {
        Open => "open",
        Reached => "reached",
        Dropped => "dropped",
    }
);

/// The longest name kept in the register.
pub const NAME_MAX: usize = 120;

fn name_in(s: &str, letter: impl Fn(char) -> bool) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars().count() <= NAME_MAX
        && s.chars().any(&letter)
        && s.chars()
            .all(|c| letter(c) || matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '.'))
}

/// Whether a name is written in Arabic script: Arabic letters and their vowel marks,
/// spaces, hyphens and apostrophes.
pub fn is_arabic_name(s: &str) -> bool {
    name_in(s, |c| {
        matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
            && (c.is_alphabetic() || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}'))
    })
}

/// Whether a name is written in Latin script (with the accents of French and of the
/// usual transcriptions), spaces, hyphens, apostrophes and dots.
pub fn is_latin_name(s: &str) -> bool {
    name_in(s, |c| {
        c.is_ascii_alphabetic()
            || (c.is_alphabetic() && matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}'))
    })
}

/// Persons present, by sex.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occupancy {
    pub male: i32,
    pub female: i32,
}

impl Occupancy {
    pub fn total(&self) -> i32 {
        self.male + self.female
    }

    pub fn count(&mut self, sex: Sex) {
        match sex {
            Sex::Male => self.male += 1,
            Sex::Female => self.female += 1,
        }
    }

    /// Places left for a person of `sex` (0 when full or over).
    pub fn free(&self, capacity: &Capacity, sex: Sex) -> i32 {
        let (cap, used) = match sex {
            Sex::Male => (capacity.male, self.male),
            Sex::Female => (capacity.female, self.female),
        };
        (cap - used).max(0)
    }

    /// Whether more persons are present than authorised, for either sex.
    pub fn over_capacity(&self, capacity: &Capacity) -> bool {
        self.male > capacity.male || self.female > capacity.female
    }
}

/// An establishment that could take a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub establishment_id: i64,
    pub commune: String,
    pub capacity: Capacity,
    pub occupancy: Occupancy,
}

/// Chooses where to admit a person of `sex` living in `commune`: an establishment with a
/// free place for that sex, in the same commune first, then the one with the most free
/// places, then the smallest identifier. `None` when every place is taken.
pub fn choose_placement(candidates: &[Candidate], sex: Sex, commune: &str) -> Option<i64> {
    candidates
        .iter()
        .filter(|c| c.occupancy.free(&c.capacity, sex) > 0)
        .min_by(|a, b| {
            (b.commune == commune)
                .cmp(&(a.commune == commune))
                .then_with(|| {
                    b.occupancy
                        .free(&b.capacity, sex)
                        .cmp(&a.occupancy.free(&a.capacity, sex))
                })
                .then(a.establishment_id.cmp(&b.establishment_id))
        })
        .map(|c| c.establishment_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cand(id: i64, commune: &str, cap: (i32, i32), occ: (i32, i32)) -> Candidate {
        Candidate {
            establishment_id: id,
            commune: commune.into(),
            capacity: Capacity {
                male: cap.0,
                female: cap.1,
            },
            occupancy: Occupancy {
                male: occ.0,
                female: occ.1,
            },
        }
    }

    #[test]
    fn codes_round_trip() {
        for b in Basis::ALL {
            assert_eq!(Basis::parse(b.as_str()), Some(*b));
        }
        for r in Representative::ALL {
            assert_eq!(Representative::parse(r.as_str()), Some(*r));
        }
        for e in ExitReason::ALL {
            assert_eq!(ExitReason::parse(e.as_str()), Some(*e));
        }
        assert_eq!(Basis::parse("whim"), None);
    }

    #[test]
    fn names_are_checked_by_script() {
        assert!(is_arabic_name("فاطمة الزهراء العلوي"));
        assert!(is_arabic_name(" مُحَمَّد بن عبد الله "));
        assert!(!is_arabic_name("Fatima"));
        assert!(!is_arabic_name("فاطمة 12"));
        assert!(!is_arabic_name("  "));
        assert!(is_latin_name("Fatima-Zahra El Ouali"));
        assert!(is_latin_name("Aït Ben Haddou"));
        assert!(is_latin_name("M'hamed O\u{2019}Brien Jr."));
        assert!(!is_latin_name("فاطمة"));
        assert!(!is_latin_name("Fatima <b>"));
        assert!(!is_latin_name(&"a".repeat(NAME_MAX + 1)));
        assert!(!is_latin_name("..."));
    }

    #[test]
    fn places_are_counted_by_sex_and_over_capacity_is_seen() {
        let cap = Capacity::new(2, 3).unwrap();
        let occ = Occupancy { male: 2, female: 1 };
        assert_eq!(occ.free(&cap, Sex::Male), 0);
        assert_eq!(occ.free(&cap, Sex::Female), 2);
        assert!(!occ.over_capacity(&cap));
        assert!(Occupancy { male: 3, female: 0 }.over_capacity(&cap));
        assert_eq!(Occupancy { male: 5, female: 0 }.free(&cap, Sex::Male), 0);
    }

    #[test]
    fn placement_prefers_the_same_commune_then_the_most_free_places() {
        let list = [
            cand(1, "A", (0, 10), (0, 2)),
            cand(2, "B", (5, 5), (5, 0)),
            cand(3, "B", (5, 5), (1, 0)),
        ];
        assert_eq!(choose_placement(&list, Sex::Male, "B"), Some(3));
        assert_eq!(choose_placement(&list, Sex::Female, "B"), Some(2));
        assert_eq!(choose_placement(&list, Sex::Female, "Z"), Some(1));
        let full = [cand(1, "A", (1, 0), (1, 0))];
        assert_eq!(choose_placement(&full, Sex::Male, "A"), None);
        assert_eq!(choose_placement(&[], Sex::Male, "A"), None);
    }

    proptest! {
        #[test]
        fn a_chosen_establishment_always_has_a_free_place(
            rows in proptest::collection::vec((0i32..5, 0i32..5, 0i32..7, 0i32..7, 0u8..3), 0..12),
            male in any::<bool>(),
        ) {
            let list: Vec<Candidate> = rows.iter().enumerate().map(|(i, (cm, cf, om, of, c))| {
                cand(i as i64, &c.to_string(), (*cm, *cf), (*om, *of))
            }).collect();
            let sex = if male { Sex::Male } else { Sex::Female };
            match choose_placement(&list, sex, "0") {
                Some(id) => {
                    let c = &list[id as usize];
                    prop_assert!(c.occupancy.free(&c.capacity, sex) > 0);
                }
                None => prop_assert!(list.iter().all(|c| c.occupancy.free(&c.capacity, sex) == 0)),
            }
        }
    }
}
