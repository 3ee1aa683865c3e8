//! Explanations of a score, term by term, as data with stable codes that the web layer
//! translates, and a plain-text waterfall rendered through a label lookup.
//!
//! Translation keys (in `crates/i18n/locales/{ar,fr}/matching.ftl`):
//! `matching-term-<comparison>` (`matching-term-birth-date`), `matching-level-<comparison>-<level>`
//! (`matching-level-name-cross-script`), and `matching-prior`, `matching-total`,
//! `matching-probability`, `matching-frequency`, `matching-swapped` for the frame.

use crate::compare::{Comparison, MISSING};
use serde::Serialize;

/// One term of a score: a comparison, the level it reached and the weight it added.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Term {
    /// Stable code of the comparison (`name`, `birth_date`…).
    pub comparison: &'static str,
    /// Stable code of the level (`cross-script`, `year-only`, `missing`…).
    pub level: &'static str,
    /// Weight in bits added to the score, term-frequency adjustment included.
    pub weight: f64,
    /// Part of `weight` due to how common the agreeing names are (names only).
    pub frequency_adjustment: f64,
}

impl Term {
    /// A term from a comparison and level index.
    pub fn new(c: Comparison, level: u8, weight: f64, frequency_adjustment: f64) -> Term {
        Term {
            comparison: c.code(),
            level: c.level_code(level),
            weight,
            frequency_adjustment,
        }
    }

    /// Translation key of the comparison: `matching-term-birth-date`.
    pub fn term_key(&self) -> String {
        format!("matching-term-{}", self.comparison.replace('_', "-"))
    }

    /// Translation key of the level: `matching-level-birth-date-year-only`.
    pub fn level_key(&self) -> String {
        format!(
            "matching-level-{}-{}",
            self.comparison.replace('_', "-"),
            self.level
        )
    }

    /// Whether the field was missing on a side (the term weighs nothing).
    pub fn is_missing(&self) -> bool {
        self.level == Comparison::Name.level_code(MISSING)
    }
}

/// A pair's score explained.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// The prior's log-odds, in bits.
    pub prior: f64,
    /// One term per comparison, in the order of [`Comparison::ALL`].
    pub terms: Vec<Term>,
    /// Total match weight in bits (prior plus terms).
    pub weight: f64,
    /// Probability that the two records are the same person.
    pub probability: f64,
    /// Whether the names matched with given and family names swapped.
    pub swapped: bool,
}

fn signed(x: f64) -> String {
    format!("{x:+.1}")
}

/// Renders a waterfall, one line a term, through `label` (a translation key to its text):
///
/// ```text
/// prior: -6.6
/// name: cross-script +9.2 (frequency -1.3)
/// birth date: year only +3.1
/// total: +12.4 (probability 0.999)
/// ```
pub fn waterfall(e: &Explanation, label: impl Fn(&str) -> String) -> String {
    let mut out = format!("{}: {}\n", label("matching-prior"), signed(e.prior));
    for t in &e.terms {
        out.push_str(&format!(
            "{}: {} {}",
            label(&t.term_key()),
            label(&t.level_key()),
            signed(t.weight)
        ));
        if t.frequency_adjustment.abs() >= 0.05 {
            out.push_str(&format!(
                " ({} {})",
                label("matching-frequency"),
                signed(t.frequency_adjustment)
            ));
        }
        if t.comparison == "name" && e.swapped {
            out.push_str(&format!(" ({})", label("matching-swapped")));
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "{}: {} ({} {:.3})\n",
        label("matching-total"),
        signed(e.weight),
        label("matching-probability"),
        e.probability
    ));
    out
}

/// A one-line form for files: `name=cross-script:+9.2;birth_date=year-only:+3.1;…`.
pub fn compact(e: &Explanation) -> String {
    let mut parts: Vec<String> = e
        .terms
        .iter()
        .map(|t| format!("{}={}:{}", t.comparison, t.level, signed(t.weight)))
        .collect();
    if e.swapped {
        parts.push("swapped".into());
    }
    parts.join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Explanation {
        Explanation {
            prior: -6.6,
            terms: vec![
                Term::new(Comparison::Name, 2, 9.2, -1.3),
                Term::new(Comparison::BirthDate, 2, 3.1, 0.0),
                Term::new(Comparison::NationalId, MISSING, 0.0, 0.0),
            ],
            weight: 5.7,
            probability: 0.98,
            swapped: false,
        }
    }

    #[test]
    fn keys_follow_the_codes() {
        let e = sample();
        assert_eq!(e.terms[0].term_key(), "matching-term-name");
        assert_eq!(e.terms[0].level_key(), "matching-level-name-cross-script");
        assert_eq!(
            e.terms[1].level_key(),
            "matching-level-birth-date-year-only"
        );
        assert!(e.terms[2].is_missing());
    }

    #[test]
    fn the_waterfall_uses_the_labels() {
        let text = waterfall(&sample(), |k| k.trim_start_matches("matching-").to_owned());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "prior: -6.6");
        assert_eq!(
            lines[1],
            "term-name: level-name-cross-script +9.2 (frequency -1.3)"
        );
        assert_eq!(lines[2], "term-birth-date: level-birth-date-year-only +3.1");
        assert_eq!(lines[4], "total: +5.7 (probability 0.980)");
        assert_eq!(
            compact(&sample()),
            "name=cross-script:+9.2;birth_date=year-only:+3.1;national_id=missing:+0.0"
        );
    }
}
