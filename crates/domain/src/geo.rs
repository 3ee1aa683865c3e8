//! Morocco's administrative geography as coded by the Haut-Commissariat au Plan (HCP).
//!
//! Codes are dotted digit groups: region `RR`, province or prefecture `RR.PPP`, cercle
//! `RR.PPP.CC`, commune `RR.PPP.CC.N` or `RR.PPP.CC.NN`, arrondissement `RR.PPP.CC.NN`.
//! The eight prefectures of arrondissements (Casablanca) carry a four-group code
//! `RR.PPP.CC.NN` at the province level. Each code is parsed once, at the edge, into its
//! newtype; a value of the type is always well formed.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a territory code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("empty territory code")]
    Empty,
    #[error("`{code}` is not a valid HCP {level} code (expected {pattern})")]
    Format {
        code: String,
        level: &'static str,
        pattern: &'static str,
    },
}

/// Checks that `s` is dot-separated groups of ASCII digits with the given widths.
/// A width of `(min, max)` allows a variable-length group.
fn groups_match(s: &str, widths: &[(usize, usize)]) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == widths.len()
        && parts.iter().zip(widths).all(|(p, (min, max))| {
            (*min..=*max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        })
}

/// The regular expression of one form of code: its digit groups, dot-separated.
fn groups_pattern(widths: &[(usize, usize)]) -> String {
    widths
        .iter()
        .map(|(min, max)| {
            if min == max {
                format!("[0-9]{{{min}}}")
            } else {
                format!("[0-9]{{{min},{max}}}")
            }
        })
        .collect::<Vec<_>>()
        .join("\\.")
}

macro_rules! territory_code {
    ($(#[$meta:meta])* $name:ident, $level:literal, $pattern:literal, [$($widths:expr),+]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Parses an HCP code of this level.
            pub fn parse(s: &str) -> Result<Self, CodeError> {
                let s = s.trim();
                if s.is_empty() {
                    return Err(CodeError::Empty);
                }
                if $(groups_match(s, $widths))||+ {
                    Ok(Self(s.to_owned()))
                } else {
                    Err(CodeError::Format { code: s.to_owned(), level: $level, pattern: $pattern })
                }
            }

            /// Parses a code as written, refusing surrounding spaces: for codes read
            /// from a document (JSON, a query) rather than typed in a form.
            pub fn parse_exact(s: &str) -> Result<Self, CodeError> {
                if s.trim() != s {
                    return Err(CodeError::Format { code: s.to_owned(), level: $level, pattern: $pattern });
                }
                Self::parse(s)
            }

            /// The regular expression (ECMA-262, anchored) of the codes [`Self::parse`]
            /// accepts once trimmed: what the API document states.
            pub fn pattern() -> String {
                let forms: Vec<String> = vec![$(groups_pattern($widths)),+];
                format!("^(?:{})$", forms.join("|"))
            }

            /// The code as written by the HCP.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = CodeError;
            /// Strict: a code read from a document (JSON, a query) is taken as written,
            /// surrounding spaces refused.
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse_exact(&s)
            }
        }

        impl From<$name> for String {
            fn from(c: $name) -> String {
                c.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = CodeError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }
    };
}

territory_code!(
    /// A region, e.g. `07` (Marrakech-Safi).
    RegionCode, "region", "RR", [&[(2, 2)]]
);
territory_code!(
    /// A province or prefecture, e.g. `07.427` (Rehamna), or a prefecture of
    /// arrondissements such as `06.141.01.10`.
    ProvinceCode, "province", "RR.PPP", [&[(2, 2), (3, 3)], &[(2, 2), (3, 3), (2, 2), (2, 2)]]
);
territory_code!(
    /// A cercle, e.g. `07.427.03`.
    CercleCode, "cercle", "RR.PPP.CC", [&[(2, 2), (3, 3), (2, 2)]]
);
territory_code!(
    /// A commune, e.g. `07.427.01.01` or the urban commune `07.351.01.0`.
    CommuneCode, "commune", "RR.PPP.CC.NN", [&[(2, 2), (3, 3), (2, 2), (1, 2)]]
);
territory_code!(
    /// An arrondissement of a large urban commune, e.g. `06.141.01.05`.
    ArrondissementCode, "arrondissement", "RR.PPP.CC.NN", [&[(2, 2), (3, 3), (2, 2), (2, 2)]]
);

impl ProvinceCode {
    /// The region this province belongs to: the first group of its code.
    pub fn region(&self) -> RegionCode {
        RegionCode(self.0[..2].to_owned())
    }
}

impl CommuneCode {
    /// The region this commune belongs to: the first group of its code.
    pub fn region(&self) -> RegionCode {
        RegionCode(self.0[..2].to_owned())
    }
}

/// The kind of a province-level territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvinceKind {
    Province,
    Prefecture,
    PrefectureOfArrondissements,
}

impl ProvinceKind {
    pub const ALL: [ProvinceKind; 3] = [
        ProvinceKind::Province,
        ProvinceKind::Prefecture,
        ProvinceKind::PrefectureOfArrondissements,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProvinceKind::Province => "province",
            ProvinceKind::Prefecture => "prefecture",
            ProvinceKind::PrefectureOfArrondissements => "prefecture_of_arrondissements",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Urban or rural commune.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommuneKind {
    Urban,
    Rural,
}

impl CommuneKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CommuneKind::Urban => "urban",
            CommuneKind::Rural => "rural",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "urban" => Some(CommuneKind::Urban),
            "rural" => Some(CommuneKind::Rural),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_real_codes() {
        assert_eq!(RegionCode::parse("07").unwrap().as_str(), "07");
        assert_eq!(
            ProvinceCode::parse("07.427").unwrap().region().as_str(),
            "07"
        );
        assert!(ProvinceCode::parse("06.141.01.10").is_ok());
        assert!(CercleCode::parse("07.427.03").is_ok());
        assert!(CommuneCode::parse("07.351.01.0").is_ok());
        assert!(CommuneCode::parse("07.427.03.15").is_ok());
        assert!(ArrondissementCode::parse("06.141.01.05").is_ok());
    }

    fn anchored(p: &str) -> regex::Regex {
        regex::Regex::new(p).unwrap()
    }

    #[test]
    fn documents_read_codes_as_written() {
        let read = |s: &str| serde_json::from_value::<ProvinceCode>(serde_json::json!(s));
        assert!(read("07.427").is_ok());
        assert!(read(" 07.427").is_err());
        assert!(read("07.427\n").is_err());
    }

    proptest! {
        /// What the pattern describes is what parsing accepts, both ways.
        #[test]
        fn the_pattern_states_what_parsing_accepts(
            s in "[0-9.]{0,14}|[0-9]{2}\\.[0-9]{3}(\\.[0-9]{2}\\.[0-9]{1,2})?|.{0,12}"
        ) {
            for (accepted, pattern) in [
                (RegionCode::parse(&s).is_ok(), RegionCode::pattern()),
                (ProvinceCode::parse(&s).is_ok(), ProvinceCode::pattern()),
                (CercleCode::parse(&s).is_ok(), CercleCode::pattern()),
                (CommuneCode::parse(&s).is_ok(), CommuneCode::pattern()),
                (ArrondissementCode::parse(&s).is_ok(), ArrondissementCode::pattern()),
            ] {
                let exact = accepted && s.trim() == s;
                prop_assert_eq!(exact, anchored(&pattern).is_match(&s), "{:?} against {}", s, pattern);
            }
        }
    }

    #[test]
    fn refuses_malformed_codes() {
        assert_eq!(RegionCode::parse(""), Err(CodeError::Empty));
        for bad in [
            "7",
            "007",
            "ab",
            "07.",
            "7.427",
            "07.42",
            "07.4277",
            "07-427",
            "٠٧.٤٢٧",
        ] {
            assert!(ProvinceCode::parse(bad).is_err(), "{bad} should be refused");
        }
        assert!(CommuneCode::parse("07.427.03.150").is_err());
        assert!(CommuneCode::parse("07.427").is_err());
        assert!(ArrondissementCode::parse("06.141.01.5").is_err());
    }

    #[test]
    fn serde_checks_the_format() {
        let ok: ProvinceCode = serde_json::from_str("\"07.427\"").unwrap();
        assert_eq!(ok.as_str(), "07.427");
        assert!(serde_json::from_str::<ProvinceCode>("\"07-427\"").is_err());
    }

    proptest! {
        #[test]
        fn any_well_formed_commune_code_round_trips(r in 0u32..100, p in 0u32..1000, c in 0u32..100, n in 0u32..100) {
            let s = format!("{r:02}.{p:03}.{c:02}.{n:02}");
            let code = CommuneCode::parse(&s).unwrap();
            prop_assert_eq!(code.as_str(), s.as_str());
            let region = code.region();
            prop_assert_eq!(region.as_str(), &s[..2]);
        }

        #[test]
        fn parse_never_panics(s in "\\PC*") {
            let _ = RegionCode::parse(&s);
            let _ = ProvinceCode::parse(&s);
            let _ = CommuneCode::parse(&s);
        }

        #[test]
        fn accepted_province_codes_are_digits_and_dots(s in "[0-9.]{0,14}") {
            if let Ok(code) = ProvinceCode::parse(&s) {
                prop_assert!(code.as_str().len() == 6 || code.as_str().len() == 12);
            }
        }
    }
}
