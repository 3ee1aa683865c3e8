//! The services catalogue: what a person may ask the agency for, grouped by the need it
//! answers, and the needs assessment a service may define to rank its waiting list.
//! Pure rules; the catalogue itself is data in the store.

use serde::{Deserialize, Serialize};

/// The need a service answers, as a person looking for help says it ("I am looking for
/// help for…").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    Child,
    Disability,
    Women,
    Elderly,
    Youth,
    Homeless,
}

impl Need {
    pub const ALL: [Need; 6] = [
        Need::Child,
        Need::Disability,
        Need::Women,
        Need::Elderly,
        Need::Youth,
        Need::Homeless,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Need::Child => "child",
            Need::Disability => "disability",
            Need::Women => "women",
            Need::Elderly => "elderly",
            Need::Youth => "youth",
            Need::Homeless => "homeless",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.as_str() == s.trim())
    }
}

/// One criterion of a service's needs assessment: the social worker rates it from 0
/// (no need) to `max`; the score adds `weight × rating`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub code: String,
    pub weight: u32,
    pub max: u32,
}

/// A service's needs assessment, stored as JSON with the service.
pub type Assessment = Vec<Criterion>;

/// Why a rating was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RatingError {
    #[error("unknown criterion `{0}`")]
    Unknown(String),
    #[error("criterion `{code}` rated {value}, above its maximum {max}")]
    TooHigh { code: String, value: u32, max: u32 },
}

/// One line of a score's explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreLine {
    pub code: String,
    pub rating: u32,
    pub weight: u32,
    pub points: u32,
}

/// The needs score of a set of ratings, with one explanation line per criterion (a
/// criterion not rated counts 0). Ratings of unknown criteria or above the maximum are
/// refused, so a stored score always matches its explanation.
pub fn score(
    assessment: &[Criterion],
    ratings: &[(String, u32)],
) -> Result<(u32, Vec<ScoreLine>), RatingError> {
    for (code, value) in ratings {
        let c = assessment
            .iter()
            .find(|c| &c.code == code)
            .ok_or_else(|| RatingError::Unknown(code.clone()))?;
        if *value > c.max {
            return Err(RatingError::TooHigh {
                code: code.clone(),
                value: *value,
                max: c.max,
            });
        }
    }
    let lines: Vec<ScoreLine> = assessment
        .iter()
        .map(|c| {
            let rating = ratings
                .iter()
                .find(|(code, _)| code == &c.code)
                .map(|(_, v)| *v)
                .unwrap_or(0);
            ScoreLine {
                code: c.code.clone(),
                rating,
                weight: c.weight,
                points: rating.saturating_mul(c.weight),
            }
        })
        .collect();
    let total = lines
        .iter()
        .map(|l| l.points)
        .fold(0u32, u32::saturating_add);
    Ok((total, lines))
}

/// The bounds of a needs model's parameters as staff may set them.
pub mod parameter {
    /// A term's weight or its points when the input is missing.
    pub const WEIGHT: (f32, f32) = (-100.0, 100.0);
    /// The constant added before the region coefficient.
    pub const INTERCEPT: (f32, f32) = (-1000.0, 1000.0);
    /// A region's coefficient (1 leaves the score unchanged).
    pub const COEFFICIENT: (f32, f32) = (0.0, 10.0);
}

/// Why a model parameter was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ParameterError {
    #[error("not a number")]
    NotANumber,
    #[error("outside the allowed range")]
    OutOfRange,
}

impl ParameterError {
    pub fn code(self) -> &'static str {
        match self {
            ParameterError::NotANumber => "needs-model-error-number",
            ParameterError::OutOfRange => "needs-model-error-range",
        }
    }
}

/// Reads a model parameter as typed: a decimal number with a point or a comma, at most
/// six decimals, within `bounds` (inclusive).
pub fn parse_parameter(text: &str, bounds: (f32, f32)) -> Result<f32, ParameterError> {
    let t = text.trim().replace(',', ".");
    let digits = t.strip_prefix('-').unwrap_or(&t);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let well_formed = !int.is_empty()
        && int.len() <= 6
        && frac.len() <= 6
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !(digits.contains('.') && frac.is_empty());
    if !well_formed {
        return Err(ParameterError::NotANumber);
    }
    let v: f32 = t.parse().map_err(|_| ParameterError::NotANumber)?;
    if v < bounds.0 || v > bounds.1 {
        return Err(ParameterError::OutOfRange);
    }
    Ok(v + 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parameters_are_read_with_a_point_or_a_comma_within_bounds() {
        assert_eq!(parse_parameter(" 2,5 ", parameter::WEIGHT), Ok(2.5));
        assert_eq!(parse_parameter("-0.75", parameter::WEIGHT), Ok(-0.75));
        assert_eq!(parse_parameter("1.1", parameter::COEFFICIENT), Ok(1.1));
        assert_eq!(parse_parameter("-0", parameter::COEFFICIENT), Ok(0.0));
        for bad in [
            "", "abc", "1e3", "1.", ".5", "1.2.3", "NaN", "inf", "--1", "1,000,0",
        ] {
            assert_eq!(
                parse_parameter(bad, parameter::WEIGHT),
                Err(ParameterError::NotANumber),
                "{bad}"
            );
        }
        assert_eq!(
            parse_parameter("101", parameter::WEIGHT),
            Err(ParameterError::OutOfRange)
        );
        assert_eq!(
            parse_parameter("-0.1", parameter::COEFFICIENT),
            Err(ParameterError::OutOfRange)
        );
    }

    proptest! {
        #[test]
        fn written_parameters_read_back(v in -100_000i32..=100_000) {
            let x = v as f32 / 1000.0;
            let text = format!("{:.3}", x);
            let read = parse_parameter(&text, parameter::WEIGHT).unwrap();
            prop_assert!((read - x).abs() < 1e-4);
            prop_assert!(read.is_finite());
        }
    }

    fn model() -> Assessment {
        vec![
            Criterion {
                code: "family_support".into(),
                weight: 3,
                max: 3,
            },
            Criterion {
                code: "disability_severity".into(),
                weight: 2,
                max: 3,
            },
        ]
    }

    #[test]
    fn needs_round_trip() {
        for n in Need::ALL {
            assert_eq!(Need::parse(n.as_str()), Some(n));
        }
        assert_eq!(Need::parse("pets"), None);
    }

    #[test]
    fn the_score_adds_weighted_ratings_and_explains_each() {
        let (total, lines) = score(&model(), &[("family_support".into(), 2)]).unwrap();
        assert_eq!(total, 6);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].points, 6);
        assert_eq!(lines[1].rating, 0);
    }

    #[test]
    fn unknown_or_too_high_ratings_are_refused() {
        assert_eq!(
            score(&model(), &[("income".into(), 1)]),
            Err(RatingError::Unknown("income".into()))
        );
        assert!(matches!(
            score(&model(), &[("family_support".into(), 4)]),
            Err(RatingError::TooHigh { max: 3, .. })
        ));
    }

    proptest! {
        #[test]
        fn the_total_is_the_sum_of_the_lines(a in 0u32..=3, b in 0u32..=3) {
            let (total, lines) = score(
                &model(),
                &[("family_support".into(), a), ("disability_severity".into(), b)],
            ).unwrap();
            prop_assert_eq!(total, lines.iter().map(|l| l.points).sum::<u32>());
            prop_assert_eq!(total, 3 * a + 2 * b);
        }
    }
}
