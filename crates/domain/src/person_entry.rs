//! Registering one person in the social registry from a form (the point of entry of the
//! registry): the fields checked at the edge, every refusal at once with its field.

use crate::geo::{CommuneCode, ProvinceCode};
use crate::registry::{Cin, FieldError, Sex, date_text, parse_past_date};
use chrono::NaiveDate;

/// Longest name part accepted, in characters.
pub const MAX_NAME: usize = 80;

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonEntry {
    pub first_name_ar: String,
    pub last_name_ar: String,
    pub first_name_lat: String,
    pub last_name_lat: String,
    pub birth_date: String,
    pub sex: String,
    pub cin: String,
    pub commune_code: String,
}

/// A person ready to be written to the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPerson {
    pub first_name_ar: String,
    pub last_name_ar: String,
    pub first_name_lat: String,
    pub last_name_lat: String,
    pub birth_date: NaiveDate,
    pub sex: Sex,
    pub cin: Option<Cin>,
    pub commune: CommuneCode,
}

impl NewPerson {
    /// The stored birth date.
    pub fn birth_text(&self) -> String {
        date_text(self.birth_date)
    }

    /// The province of the commune.
    pub fn province(&self) -> ProvinceCode {
        province_of(&self.commune)
    }
}

/// The province a commune belongs to: the first two groups of its code.
pub fn province_of(commune: &CommuneCode) -> ProvinceCode {
    ProvinceCode::parse(&commune.as_str()[..6]).expect("a commune code starts with its province")
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Whether a name part fits its script: letters of that script, spaces, hyphens and
/// apostrophes; no digits.
fn fits(s: &str, arabic: bool) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || matches!(c, '-' | '\'' | '’')
            || (c.is_alphabetic() && is_arabic(c) == arabic)
    })
}

/// A name part's error key, if any.
fn name_error(s: &str, arabic: bool) -> Option<&'static str> {
    if s.chars().count() > MAX_NAME {
        Some(FieldError::TooLong.code())
    } else if !fits(s, arabic) {
        Some(if arabic {
            "person-entry-error-script-ar"
        } else {
            "person-entry-error-script-lat"
        })
    } else {
        None
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks the form: a given and a family name in at least one script (each part in its
/// own script), a birth date not in the future, the sex, a national ID when there is
/// one, and the commune. Every refusal is returned at once, with its field.
pub fn check(
    entry: &PersonEntry,
    today: NaiveDate,
) -> Result<NewPerson, Vec<(&'static str, &'static str)>> {
    let mut errors: Vec<(&'static str, &'static str)> = Vec::new();
    let names = [
        ("first_name_ar", squash(&entry.first_name_ar), true),
        ("last_name_ar", squash(&entry.last_name_ar), true),
        ("first_name_lat", squash(&entry.first_name_lat), false),
        ("last_name_lat", squash(&entry.last_name_lat), false),
    ];
    for (field, value, arabic) in &names {
        if let Some(key) = name_error(value, *arabic) {
            errors.push((field, key));
        }
    }
    let complete = |i: usize| !names[i].1.is_empty() && !names[i + 1].1.is_empty();
    if !complete(0) && !complete(2) {
        // Point at the script begun, or at the Arabic name when none is.
        let field = if names[2].1.is_empty() && names[3].1.is_empty() {
            if names[0].1.is_empty() {
                "first_name_ar"
            } else {
                "last_name_ar"
            }
        } else if names[2].1.is_empty() {
            "first_name_lat"
        } else {
            "last_name_lat"
        };
        if !errors.iter().any(|(f, _)| *f == field) {
            errors.push((field, "person-entry-error-name"));
        }
    }
    let birth = parse_past_date(&entry.birth_date, today).map_err(|e| ("birth_date", e.code()));
    let sex = Sex::parse(&entry.sex).map_err(|e| ("sex", e.code()));
    let cin = match entry.cin.trim() {
        "" => Ok(None),
        s => Cin::parse(s).map(Some).map_err(|e| ("cin", e.code())),
    };
    let commune = match entry.commune_code.trim() {
        "" => Err(("commune_code", FieldError::Empty.code())),
        s => CommuneCode::parse(s).map_err(|_| ("commune_code", "person-entry-error-commune")),
    };
    for e in [
        birth.as_ref().err(),
        sex.as_ref().err(),
        cin.as_ref().err(),
        commune.as_ref().err(),
    ]
    .into_iter()
    .flatten()
    {
        errors.push(*e);
    }
    match (birth, sex, cin, commune) {
        (Ok(birth_date), Ok(sex), Ok(cin), Ok(commune)) if errors.is_empty() => {
            let [(_, far, _), (_, lar, _), (_, flat, _), (_, llat, _)] = names;
            Ok(NewPerson {
                first_name_ar: far,
                last_name_ar: lar,
                first_name_lat: flat,
                last_name_lat: llat,
                birth_date,
                sex,
                cin,
                commune,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
    }

    fn good() -> PersonEntry {
        PersonEntry {
            first_name_ar: "محمد".into(),
            last_name_ar: "العلوي".into(),
            first_name_lat: "Mohammed".into(),
            last_name_lat: "El Alaoui".into(),
            birth_date: "2015-03-04".into(),
            sex: "male".into(),
            cin: String::new(),
            commune_code: "07.427.01.01".into(),
        }
    }

    #[test]
    fn a_complete_entry_is_accepted() {
        let p = check(&good(), today()).unwrap();
        assert_eq!(p.birth_text(), "2015-03-04");
        assert_eq!(p.sex, Sex::Male);
        assert_eq!(p.cin, None);
        assert_eq!(p.province().as_str(), "07.427");
    }

    #[test]
    fn one_script_is_enough() {
        let e = PersonEntry {
            first_name_lat: String::new(),
            last_name_lat: String::new(),
            cin: " ab12345 ".into(),
            ..good()
        };
        let p = check(&e, today()).unwrap();
        assert_eq!(p.cin.unwrap().as_str(), "AB12345");
        assert_eq!(p.first_name_lat, "");
    }

    #[test]
    fn every_error_is_reported_at_once() {
        let e = PersonEntry {
            first_name_ar: "Mohammed".into(),
            last_name_ar: String::new(),
            first_name_lat: String::new(),
            last_name_lat: String::new(),
            birth_date: "2030-01-01".into(),
            sex: "x".into(),
            cin: "123".into(),
            commune_code: "07.427".into(),
        };
        let errors = check(&e, today()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                "first_name_ar",
                "last_name_ar",
                "birth_date",
                "sex",
                "cin",
                "commune_code"
            ]
        );
        assert!(errors.contains(&("first_name_ar", "person-entry-error-script-ar")));
        assert!(errors.contains(&("birth_date", "registry-date-in-future")));
    }

    #[test]
    fn no_name_at_all_points_at_the_arabic_given_name() {
        let e = PersonEntry {
            first_name_ar: String::new(),
            last_name_ar: String::new(),
            first_name_lat: String::new(),
            last_name_lat: String::new(),
            ..good()
        };
        assert_eq!(
            check(&e, today()).unwrap_err(),
            vec![("first_name_ar", "person-entry-error-name")]
        );
    }

    #[test]
    fn a_latin_name_begun_must_be_finished_when_arabic_is_missing() {
        let e = PersonEntry {
            first_name_ar: String::new(),
            last_name_ar: String::new(),
            last_name_lat: String::new(),
            ..good()
        };
        assert_eq!(
            check(&e, today()).unwrap_err(),
            vec![("last_name_lat", "person-entry-error-name")]
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_errors_name_known_fields(
            a in ".{0,20}", b in ".{0,20}", c in ".{0,20}", d in ".{0,20}",
            birth in ".{0,12}", sex in ".{0,6}", cin in ".{0,9}", commune in ".{0,14}",
        ) {
            let e = PersonEntry {
                first_name_ar: a, last_name_ar: b, first_name_lat: c, last_name_lat: d,
                birth_date: birth, sex, cin, commune_code: commune,
            };
            if let Err(errors) = check(&e, today()) {
                prop_assert!(!errors.is_empty());
                for (field, _) in errors {
                    prop_assert!([
                        "first_name_ar", "last_name_ar", "first_name_lat", "last_name_lat",
                        "birth_date", "sex", "cin", "commune_code",
                    ].contains(&field));
                }
            }
        }

        #[test]
        fn spaces_around_values_change_nothing(pad in " {0,3}") {
            let g = good();
            let padded = PersonEntry {
                first_name_ar: format!("{pad}{}{pad}", g.first_name_ar),
                last_name_lat: format!("{pad}{}{pad}", g.last_name_lat),
                birth_date: format!("{pad}{}{pad}", g.birth_date),
                commune_code: format!("{pad}{}{pad}", g.commune_code),
                ..g.clone()
            };
            prop_assert_eq!(check(&padded, today()), check(&g, today()));
        }

        #[test]
        fn a_past_birth_date_is_kept(days in 0i64..40_000) {
            let born = today() - chrono::Duration::days(days);
            let e = PersonEntry { birth_date: date_text(born), ..good() };
            match check(&e, today()) {
                Ok(p) => prop_assert_eq!(p.birth_date, born),
                Err(errors) => prop_assert_eq!(errors, vec![("birth_date", "registry-date-too-old")]),
            }
        }
    }
}
