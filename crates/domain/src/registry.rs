//! The social registry's values as they arrive from files and forms: identity numbers,
//! dates, coded answers and the registry index. Each parser trims its input and refuses
//! with a [`FieldError`] whose [`FieldError::code`] the web layer translates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Why a value was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "kebab-case")]
pub enum FieldError {
    #[error("required value missing")]
    Empty,
    #[error("value too long")]
    TooLong,
    #[error("not a household key")]
    HouseholdKey,
    #[error("not a person key")]
    PersonKey,
    #[error("not a national identity card number")]
    Cin,
    #[error("not a population register identifier")]
    PopulationRegisterId,
    #[error("not a date")]
    Date,
    #[error("date in the future")]
    DateInFuture,
    #[error("date too far in the past")]
    DateTooOld,
    #[error("not a sex code")]
    Sex,
    #[error("not a relation code")]
    Relation,
    #[error("not a schooling code")]
    Schooling,
    #[error("not a yes/no value")]
    Flag,
    #[error("not an index source")]
    IndexSource,
    #[error("index value out of range")]
    IndexValue,
}

impl FieldError {
    /// A stable code, used as a translation key by the web layer.
    pub fn code(self) -> &'static str {
        match self {
            FieldError::Empty => "registry-empty",
            FieldError::TooLong => "registry-too-long",
            FieldError::HouseholdKey => "registry-household-key",
            FieldError::PersonKey => "registry-person-key",
            FieldError::Cin => "registry-cin",
            FieldError::PopulationRegisterId => "registry-population-register-id",
            FieldError::Date => "registry-date",
            FieldError::DateInFuture => "registry-date-in-future",
            FieldError::DateTooOld => "registry-date-too-old",
            FieldError::Sex => "registry-sex",
            FieldError::Relation => "registry-relation",
            FieldError::Schooling => "registry-schooling",
            FieldError::Flag => "registry-flag",
            FieldError::IndexSource => "registry-index-source",
            FieldError::IndexValue => "registry-index-value",
        }
    }
}

/// A key made of letters, digits, `-`, `_`, `/` and `.`, 1 to `max` characters.
fn key(s: &str, max: usize, err: FieldError) -> Result<String, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(FieldError::Empty);
    }
    if s.len() > max {
        return Err(FieldError::TooLong);
    }
    if s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'/' | b'.'))
    {
        Ok(s.to_owned())
    } else {
        Err(err)
    }
}

/// The registry's household number (at most 32 characters: letters, digits, `-_/.`).
pub fn parse_household_key(s: &str) -> Result<String, FieldError> {
    key(s, 32, FieldError::HouseholdKey)
}

/// The key a person is known by in the importing system when they have no identity
/// number (at most 64 characters: letters, digits, `-_/.`).
pub fn parse_person_key(s: &str) -> Result<String, FieldError> {
    key(s, 64, FieldError::PersonKey)
}

/// The population register identifier (digits only, 6 to 20 of them).
pub fn parse_population_register_id(s: &str) -> Result<String, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(FieldError::Empty);
    }
    if (6..=20).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s.to_owned())
    } else {
        Err(FieldError::PopulationRegisterId)
    }
}

/// A national identity card number (CIN): one or two letters then one to six digits,
/// e.g. `BK123456` or `A9876`. Letters are stored upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Cin(String);

impl Cin {
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(FieldError::Empty);
        }
        let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
        let digits = &s[letters..];
        let ok = (1..=2).contains(&letters)
            && (1..=6).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit());
        if ok {
            Ok(Cin(s.to_ascii_uppercase()))
        } else {
            Err(FieldError::Cin)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Cin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A date written `YYYY-MM-DD` or `DD/MM/YYYY`.
pub fn parse_date(s: &str) -> Result<NaiveDate, FieldError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(FieldError::Empty);
    }
    let strict = |fmt: &str, len: usize| {
        (s.len() == len)
            .then(|| NaiveDate::parse_from_str(s, fmt).ok())
            .flatten()
    };
    strict("%Y-%m-%d", 10)
        .or_else(|| strict("%d/%m/%Y", 10))
        .ok_or(FieldError::Date)
}

/// A date of an event that has happened: not after `today`, not before 1900.
pub fn parse_past_date(s: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    let d = parse_date(s)?;
    if d > today {
        Err(FieldError::DateInFuture)
    } else if d < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN) {
        Err(FieldError::DateTooOld)
    } else {
        Ok(d)
    }
}

/// The stored form of a date.
pub fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A yes/no answer; empty means not known.
pub fn parse_flag(s: &str) -> Result<Option<bool>, FieldError> {
    match s.trim().to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "1" | "true" | "yes" | "y" | "oui" | "o" => Ok(Some(true)),
        "0" | "false" | "no" | "n" | "non" => Ok(Some(false)),
        _ => Err(FieldError::Flag),
    }
}

macro_rules! coded {
    ($(#[$doc:meta])* $name:ident, $err:expr, { $($variant:ident => $code:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored code, also the code the targeting engine uses.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The value written as its code (or an accepted abbreviation), any case.
            pub fn parse(s: &str) -> Result<Self, FieldError> {
                let s = s.trim().to_ascii_lowercase();
                if s.is_empty() {
                    return Err(FieldError::Empty);
                }
                match s.as_str() {
                    $($code $(| $alias)* => Ok($name::$variant),)+
                    _ => Err($err),
                }
            }
        }
    };
}

coded!(
    /// Sex as recorded in the registry.
    Sex, FieldError::Sex, {
        Male => "male" | "m",
        Female => "female" | "f",
    }
);

coded!(
    /// A member's relation to the head of their household.
    Relation, FieldError::Relation, {
        Head => "head",
        Spouse => "spouse",
        Child => "child",
        Grandchild => "grandchild",
        Parent => "parent",
        OtherRelative => "other_relative",
        NonRelative => "non_relative",
    }
);

coded!(
    /// Whether a person goes to school: enrolled now, left school, or never schooled.
    Schooling, FieldError::Schooling, {
        Enrolled => "enrolled",
        Left => "left",
        Never => "never",
    }
);

coded!(
    /// Where a registry index value comes from: declared by the household, received from
    /// the national registry, or entered by staff after a visit.
    IndexSource, FieldError::IndexSource, {
        Declared => "declared",
        Registry => "registry",
        Staff => "staff",
    }
);

/// The largest index value accepted. The published eligibility thresholds are near 9–10;
/// the bound only catches values that cannot be an index (a misplaced decimal point).
pub const INDEX_MAX: f64 = 100.0;

/// A registry index value: a positive finite number no larger than [`INDEX_MAX`]. It is
/// stored as received; its formula is not public and is never computed here.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
pub struct IndexValue(f64);

impl IndexValue {
    /// Reads a decimal number; a comma is accepted as the decimal separator.
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(FieldError::Empty);
        }
        let v: f64 = s
            .replace(',', ".")
            .parse()
            .map_err(|_| FieldError::IndexValue)?;
        Self::new(v)
    }

    pub fn new(v: f64) -> Result<Self, FieldError> {
        if v.is_finite() && v > 0.0 && v <= INDEX_MAX {
            Ok(IndexValue(v))
        } else {
            Err(FieldError::IndexValue)
        }
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

/// Age in whole years on `on` of a person born on `born`; `None` before birth.
pub fn age_on(born: NaiveDate, on: NaiveDate) -> Option<u32> {
    on.years_since(born)
}

/// Free text (a name, an address): trimmed, at most `max` characters.
pub fn parse_text(s: &str, max: usize) -> Result<String, FieldError> {
    let s = s.trim();
    if s.chars().count() > max {
        Err(FieldError::TooLong)
    } else {
        Ok(s.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn cin_numbers() {
        assert_eq!(Cin::parse(" bk123456 ").unwrap().as_str(), "BK123456");
        assert_eq!(Cin::parse("A1").unwrap().as_str(), "A1");
        for bad in [
            "123456",
            "ABC12",
            "AB1234567",
            "AB",
            "AB12C",
            "A-123",
            "ب123",
        ] {
            assert_eq!(Cin::parse(bad), Err(FieldError::Cin), "{bad}");
        }
        assert_eq!(Cin::parse("  "), Err(FieldError::Empty));
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-02-29"), Ok(day(2024, 2, 29)));
        assert_eq!(parse_date("29/02/2024"), Ok(day(2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), Err(FieldError::Date));
        assert_eq!(parse_date("2024-2-9"), Err(FieldError::Date));
        assert_eq!(parse_date(""), Err(FieldError::Empty));
        let today = day(2025, 1, 1);
        assert_eq!(
            parse_past_date("2025-01-02", today),
            Err(FieldError::DateInFuture)
        );
        assert_eq!(
            parse_past_date("1899-12-31", today),
            Err(FieldError::DateTooOld)
        );
        assert_eq!(age_on(day(2000, 3, 1), day(2025, 2, 28)), Some(24));
        assert_eq!(age_on(day(2000, 3, 1), day(2025, 3, 1)), Some(25));
    }

    #[test]
    fn codes() {
        assert_eq!(Sex::parse("F"), Ok(Sex::Female));
        assert_eq!(
            Relation::parse("Other_Relative"),
            Ok(Relation::OtherRelative)
        );
        assert_eq!(Relation::parse("cousin"), Err(FieldError::Relation));
        assert_eq!(IndexSource::parse("staff"), Ok(IndexSource::Staff));
        assert_eq!(Schooling::parse("x"), Err(FieldError::Schooling));
        assert_eq!(parse_flag("Oui"), Ok(Some(true)));
        assert_eq!(parse_flag(""), Ok(None));
        assert_eq!(parse_flag("maybe"), Err(FieldError::Flag));
        for r in Relation::ALL {
            assert_eq!(Relation::parse(r.as_str()), Ok(*r));
        }
    }

    #[test]
    fn index_values() {
        assert_eq!(IndexValue::parse("9,743001").unwrap().get(), 9.743001);
        for bad in ["0", "-1", "NaN", "inf", "100.5", "abc"] {
            assert_eq!(IndexValue::parse(bad), Err(FieldError::IndexValue), "{bad}");
        }
    }

    #[test]
    fn keys() {
        assert_eq!(
            parse_household_key(" RSU-2024/0001 "),
            Ok("RSU-2024/0001".into())
        );
        assert_eq!(parse_household_key("a b"), Err(FieldError::HouseholdKey));
        assert_eq!(
            parse_household_key(&"x".repeat(33)),
            Err(FieldError::TooLong)
        );
        assert_eq!(
            parse_population_register_id("12345"),
            Err(FieldError::PopulationRegisterId)
        );
        assert_eq!(
            parse_population_register_id("1234567890"),
            Ok("1234567890".into())
        );
    }

    proptest! {
        #[test]
        fn well_formed_cins_are_accepted(letters in "[A-Za-z]{1,2}", digits in "[0-9]{1,6}") {
            let cin = Cin::parse(&format!("{letters}{digits}")).unwrap();
            prop_assert_eq!(cin.as_str(), format!("{}{digits}", letters.to_ascii_uppercase()));
        }

        #[test]
        fn index_round_trips(v in 0.000_001f64..100.0) {
            prop_assert_eq!(IndexValue::parse(&v.to_string()).unwrap().get(), v);
        }
    }
}
