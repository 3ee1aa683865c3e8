//! A person record as the matcher sees it, and the parsers of its fields.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a field was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum FieldError {
    /// Not a date: `YYYY-MM-DD`, `DD/MM/YYYY`, `YYYY` or empty.
    BadDate,
    /// Not a sex: `M`, `F` (also `H`, `male`, `female`, `homme`, `femme`, `ذكر`, `أنثى`) or empty.
    BadSex,
    /// Not a national ID: one or two letters then digits.
    BadNationalId,
    /// Not a commune code: two to four groups of digits separated by dots.
    BadCommune,
}

impl FieldError {
    /// A stable code for the error.
    pub fn code(self) -> &'static str {
        match self {
            FieldError::BadDate => "bad-date",
            FieldError::BadSex => "bad-sex",
            FieldError::BadNationalId => "bad-national-id",
            FieldError::BadCommune => "bad-commune",
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FieldError::BadDate => "not a date (YYYY-MM-DD, DD/MM/YYYY or YYYY)",
            FieldError::BadSex => "not a sex (M or F)",
            FieldError::BadNationalId => "not a national ID (one or two letters then digits)",
            FieldError::BadCommune => "not a commune code (like 07.427.01.05)",
        })
    }
}

/// A birth date as registers hold it: full, year only, or unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BirthDate {
    /// A full date.
    Full { year: u16, month: u8, day: u8 },
    /// Only the year is known.
    Year(u16),
    /// Not known.
    #[default]
    Unknown,
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl BirthDate {
    /// A full date, checked.
    pub fn full(year: u16, month: u8, day: u8) -> Result<BirthDate, FieldError> {
        if !(1850..=2200).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return Err(FieldError::BadDate);
        }
        Ok(BirthDate::Full { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, `DD/MM/YYYY`, `YYYY`, or an empty field (unknown).
    pub fn parse(s: &str) -> Result<BirthDate, FieldError> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(BirthDate::Unknown);
        }
        let num = |p: &str| -> Result<u16, FieldError> {
            if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(FieldError::BadDate);
            }
            p.parse().map_err(|_| FieldError::BadDate)
        };
        if s.len() == 4 {
            let y = num(s)?;
            if !(1850..=2200).contains(&y) {
                return Err(FieldError::BadDate);
            }
            return Ok(BirthDate::Year(y));
        }
        let parts: Vec<&str> = s.split(['-', '/']).collect();
        if parts.len() != 3 {
            return Err(FieldError::BadDate);
        }
        let (y, m, d) = if parts[0].len() == 4 {
            (num(parts[0])?, num(parts[1])?, num(parts[2])?)
        } else if parts[2].len() == 4 {
            (num(parts[2])?, num(parts[1])?, num(parts[0])?)
        } else {
            return Err(FieldError::BadDate);
        };
        if m > 12 || d > 31 {
            return Err(FieldError::BadDate);
        }
        BirthDate::full(y, m as u8, d as u8)
    }

    /// The year, when known.
    pub fn year(self) -> Option<u16> {
        match self {
            BirthDate::Full { year, .. } | BirthDate::Year(year) => Some(year),
            BirthDate::Unknown => None,
        }
    }

    /// Whether this is the 1 January placeholder registers write when only the year is
    /// known.
    pub fn is_placeholder(self) -> bool {
        matches!(
            self,
            BirthDate::Full {
                month: 1,
                day: 1,
                ..
            }
        )
    }

    /// The date as comparisons read it: the 1 January placeholder counts as year only.
    pub fn effective(self) -> BirthDate {
        match self {
            BirthDate::Full { year, .. } if self.is_placeholder() => BirthDate::Year(year),
            other => other,
        }
    }
}

impl fmt::Display for BirthDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BirthDate::Full { year, month, day } => write!(f, "{year:04}-{month:02}-{day:02}"),
            BirthDate::Year(y) => write!(f, "{y:04}"),
            BirthDate::Unknown => Ok(()),
        }
    }
}

/// Sex as recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    /// Parses `M`/`F` and common words in French, English and Arabic; empty is `None`.
    pub fn parse(s: &str) -> Result<Option<Sex>, FieldError> {
        match s.trim().to_lowercase().as_str() {
            "" => Ok(None),
            "m" | "h" | "male" | "homme" | "masculin" | "ذكر" => Ok(Some(Sex::Male)),
            "f" | "female" | "femme" | "féminin" | "feminin" | "أنثى" | "انثى" => {
                Ok(Some(Sex::Female))
            }
            _ => Err(FieldError::BadSex),
        }
    }

    /// `M` or `F`.
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Male => "M",
            Sex::Female => "F",
        }
    }
}

/// A Moroccan national ID (CIN): one or two letters then one to eight digits, kept upper
/// case without spaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NationalId {
    bytes: [u8; 10],
    len: u8,
}

impl NationalId {
    /// Parses a CIN; empty is `None`.
    pub fn parse(s: &str) -> Result<Option<NationalId>, FieldError> {
        let clean: Vec<u8> = s
            .bytes()
            .filter(|b| !b.is_ascii_whitespace() && *b != b'-')
            .map(|b| b.to_ascii_uppercase())
            .collect();
        if clean.is_empty() {
            return Ok(None);
        }
        let letters = clean.iter().take_while(|b| b.is_ascii_uppercase()).count();
        let digits = &clean[letters..];
        if !(1..=2).contains(&letters)
            || digits.is_empty()
            || digits.len() > 8
            || !digits.iter().all(u8::is_ascii_digit)
        {
            return Err(FieldError::BadNationalId);
        }
        let mut bytes = [0u8; 10];
        bytes[..clean.len()].copy_from_slice(&clean);
        Ok(Some(NationalId {
            bytes,
            len: clean.len() as u8,
        }))
    }

    /// The ID as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }

    /// Whether two IDs differ by one character: one substituted, inserted, deleted, or two
    /// neighbours transposed.
    pub fn one_off(&self, other: &NationalId) -> bool {
        let a = &self.bytes[..self.len as usize];
        let b = &other.bytes[..other.len as usize];
        if a == b {
            return false;
        }
        if a.len() == b.len() {
            let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            return diff.len() == 1
                || (diff.len() == 2
                    && diff[1] == diff[0] + 1
                    && a[diff[0]] == b[diff[1]]
                    && a[diff[1]] == b[diff[0]]);
        }
        jisr_text::levenshtein(a, b) == 1
    }
}

impl fmt::Display for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An HCP commune code such as `07.427.01.05`; its province is the first two groups.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CommuneCode(String);

impl CommuneCode {
    /// Parses two to four dot-separated groups of digits; empty is `None`.
    pub fn parse(s: &str) -> Result<Option<CommuneCode>, FieldError> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        let parts: Vec<&str> = s.split('.').collect();
        if !(2..=4).contains(&parts.len())
            || parts
                .iter()
                .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(FieldError::BadCommune);
        }
        Ok(Some(CommuneCode(s.to_owned())))
    }

    /// The code as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The province: the first two groups (`07.427`).
    pub fn province(&self) -> &str {
        match self.0.match_indices('.').nth(1) {
            Some((i, _)) => &self.0[..i],
            None => &self.0,
        }
    }
}

/// One person record: any field may be empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonRecord {
    /// The record's identifier in its source.
    pub id: String,
    /// Given name in Latin script.
    pub given_lat: String,
    /// Family name in Latin script.
    pub family_lat: String,
    /// Given name in Arabic script.
    pub given_ar: String,
    /// Family name in Arabic script.
    pub family_ar: String,
    /// Birth date.
    pub birth: BirthDate,
    /// Sex.
    pub sex: Option<Sex>,
    /// National ID.
    pub national_id: Option<NationalId>,
    /// Commune of residence.
    pub commune: Option<CommuneCode>,
    /// Household the person belongs to, in the source.
    pub household: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dates_parse_in_three_forms() {
        assert_eq!(BirthDate::parse("1980-03-07"), BirthDate::full(1980, 3, 7));
        assert_eq!(BirthDate::parse("07/03/1980"), BirthDate::full(1980, 3, 7));
        assert_eq!(BirthDate::parse("1980"), Ok(BirthDate::Year(1980)));
        assert_eq!(BirthDate::parse(" "), Ok(BirthDate::Unknown));
        for bad in [
            "1980-02-30",
            "31/04/1990",
            "80",
            "1980-13-01",
            "yesterday",
            "1980-1-1-1",
        ] {
            assert_eq!(BirthDate::parse(bad), Err(FieldError::BadDate), "{bad}");
        }
    }

    #[test]
    fn the_first_of_january_is_a_placeholder() {
        let d = BirthDate::parse("1975-01-01").unwrap();
        assert!(d.is_placeholder());
        assert_eq!(d.effective(), BirthDate::Year(1975));
        assert!(!BirthDate::parse("1975-01-02").unwrap().is_placeholder());
    }

    #[test]
    fn sex_and_national_id_parse() {
        assert_eq!(Sex::parse("f"), Ok(Some(Sex::Female)));
        assert_eq!(Sex::parse("ذكر"), Ok(Some(Sex::Male)));
        assert_eq!(Sex::parse(""), Ok(None));
        assert_eq!(Sex::parse("x"), Err(FieldError::BadSex));
        let id = NationalId::parse(" ab 123456").unwrap().unwrap();
        assert_eq!(id.as_str(), "AB123456");
        assert_eq!(NationalId::parse(""), Ok(None));
        for bad in ["123456", "ABC123", "AB", "A12B"] {
            assert_eq!(
                NationalId::parse(bad),
                Err(FieldError::BadNationalId),
                "{bad}"
            );
        }
    }

    #[test]
    fn ids_one_character_off() {
        let p = |s: &str| NationalId::parse(s).unwrap().unwrap();
        assert!(p("AB123456").one_off(&p("AB123457")));
        assert!(p("AB123456").one_off(&p("AB124356")));
        assert!(p("AB123456").one_off(&p("AB12345")));
        assert!(!p("AB123456").one_off(&p("AB123456")));
        assert!(!p("AB123456").one_off(&p("AB654321")));
    }

    #[test]
    fn commune_codes_give_their_province() {
        let c = CommuneCode::parse("07.427.01.05").unwrap().unwrap();
        assert_eq!(c.province(), "07.427");
        assert_eq!(
            CommuneCode::parse("07.427").unwrap().unwrap().province(),
            "07.427"
        );
        assert_eq!(CommuneCode::parse("07-427"), Err(FieldError::BadCommune));
    }

    proptest! {
        #[test]
        fn full_dates_round_trip(y in 1900u16..2100, m in 1u8..=12, d in 1u8..=28) {
            let date = BirthDate::full(y, m, d).unwrap();
            prop_assert_eq!(BirthDate::parse(&date.to_string()), Ok(date));
        }

        #[test]
        fn one_off_is_symmetric(a in "[A-Z]{1,2}[0-9]{1,8}", b in "[A-Z]{1,2}[0-9]{1,8}") {
            let (x, y) = (NationalId::parse(&a).unwrap().unwrap(), NationalId::parse(&b).unwrap().unwrap());
            prop_assert_eq!(x.one_off(&y), y.one_off(&x));
        }
    }
}
