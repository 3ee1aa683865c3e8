//! Coverage gaps: the places of each category of establishment set against the persons
//! it serves, per province. Both sides are data: the census indicators of the provinces
//! (HCP, RGPH 2024, `data/geo/indicators_provinces.csv`) and, per category, which of
//! them estimate the persons served and per how many the rate is given
//! (`data/coverage/targets.csv`). This module reads them and computes; it knows no
//! category by name.

use std::collections::BTreeMap;

const INDICATORS: &str = include_str!("../../../data/geo/indicators_provinces.csv");
const TARGETS: &str = include_str!("../../../data/coverage/targets.csv");

/// How a category's target population is estimated from a province's indicators.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub category: String,
    /// Shares (%) of the population summed to estimate the persons served; none: the
    /// whole population.
    pub columns: Vec<String>,
    /// The rate is given per this many persons (1,000: places per 1,000 persons).
    pub per: u32,
}

/// One province's census indicators: its municipal population and the shares (%).
#[derive(Debug, Clone, PartialEq)]
pub struct Indicators {
    pub population: u64,
    pub shares: BTreeMap<String, f64>,
}

/// A line of a data file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct DataError {
    pub line: usize,
    pub reason: String,
}

fn err(line: usize, reason: impl Into<String>) -> DataError {
    DataError {
        line,
        reason: reason.into(),
    }
}

/// Reads the targets file: `category,indicator_columns,per`, columns separated by
/// spaces. Every column named must exist in `known`.
pub fn parse_targets(text: &str, known: &[&str]) -> Result<Vec<Target>, DataError> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, h)) if h.trim() == "category,indicator_columns,per" => {}
        _ => return Err(err(1, "the header must be category,indicator_columns,per")),
    }
    let mut out: Vec<Target> = Vec::new();
    for (i, l) in lines {
        let line = i + 1;
        if l.trim().is_empty() {
            continue;
        }
        let parts: Vec<&str> = l.split(',').collect();
        let [category, columns, per] = parts[..] else {
            return Err(err(line, "expected three fields"));
        };
        let category = category.trim();
        if category.is_empty() {
            return Err(err(line, "the category is empty"));
        }
        if out.iter().any(|t| t.category == category) {
            return Err(err(line, format!("category {category} appears twice")));
        }
        let columns: Vec<String> = columns.split_whitespace().map(str::to_owned).collect();
        if let Some(c) = columns.iter().find(|c| !known.contains(&c.as_str())) {
            return Err(err(line, format!("unknown indicator column {c}")));
        }
        let per = per
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|p| *p > 0)
            .ok_or_else(|| err(line, "per must be a positive whole number"))?;
        out.push(Target {
            category: category.to_owned(),
            columns,
            per,
        });
    }
    Ok(out)
}

/// Reads the indicators file: `code,population_municipal,<share columns…>`. An empty
/// share (HCP's "not available") is left out of the province's shares.
pub fn parse_indicators(
    text: &str,
) -> Result<(Vec<String>, BTreeMap<String, Indicators>), DataError> {
    let mut lines = text.lines().enumerate();
    let header: Vec<String> = match lines.next() {
        Some((_, h)) => h.split(',').map(|s| s.trim().to_owned()).collect(),
        None => return Err(err(1, "empty file")),
    };
    if header.len() < 2 || header[0] != "code" || header[1] != "population_municipal" {
        return Err(err(
            1,
            "the header must start with code,population_municipal",
        ));
    }
    let mut out = BTreeMap::new();
    for (i, l) in lines {
        let line = i + 1;
        if l.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = l.split(',').collect();
        if fields.len() != header.len() {
            return Err(err(line, format!("expected {} fields", header.len())));
        }
        let population = fields[1]
            .trim()
            .parse::<u64>()
            .map_err(|_| err(line, "population_municipal is not a whole number"))?;
        let mut shares = BTreeMap::new();
        for (name, v) in header.iter().zip(&fields).skip(2) {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            let share = v
                .parse::<f64>()
                .ok()
                .filter(|s| (0.0..=100.0).contains(s))
                .ok_or_else(|| err(line, format!("{name} is not a share between 0 and 100")))?;
            shares.insert(name.clone(), share);
        }
        out.insert(
            fields[0].trim().to_owned(),
            Indicators { population, shares },
        );
    }
    Ok((header.into_iter().skip(2).collect(), out))
}

/// The persons a category serves in a province, estimated: the population times the
/// sum of the target's shares; `None` when a share is not available.
pub fn target_population(ind: &Indicators, t: &Target) -> Option<f64> {
    if t.columns.is_empty() {
        return Some(ind.population as f64);
    }
    let mut share = 0.0;
    for c in &t.columns {
        share += ind.shares.get(c)?;
    }
    Some(ind.population as f64 * share / 100.0)
}

/// Places per `per` persons served; `None` when nobody is to be served.
pub fn rate(places: u64, target: f64, per: u32) -> Option<f64> {
    (target > 0.0).then(|| places as f64 * f64::from(per) / target)
}

/// The shipped data, read once.
pub struct Coverage {
    pub targets: Vec<Target>,
    pub provinces: BTreeMap<String, Indicators>,
}

impl Coverage {
    /// The indicators and targets shipped with the platform. Both are checked by a test,
    /// so a failure here is a build defect.
    pub fn shipped() -> &'static Coverage {
        static DATA: std::sync::OnceLock<Coverage> = std::sync::OnceLock::new();
        DATA.get_or_init(|| {
            let (columns, provinces) =
                parse_indicators(INDICATORS).expect("data/geo/indicators_provinces.csv");
            let known: Vec<&str> = columns.iter().map(String::as_str).collect();
            let targets = parse_targets(TARGETS, &known).expect("data/coverage/targets.csv");
            Coverage { targets, provinces }
        })
    }

    pub fn target(&self, category: &str) -> Option<&Target> {
        self.targets.iter().find(|t| t.category == category)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_shipped_data_reads_and_covers_every_province() {
        let c = Coverage::shipped();
        assert_eq!(c.provinces.len(), 83);
        assert!(c.target("disability").is_some());
        let rehamna = &c.provinces["07.427"];
        assert!(rehamna.population > 100_000);
        let d = target_population(rehamna, c.target("disability").unwrap()).unwrap();
        assert!(d > 0.0 && d < rehamna.population as f64 * 0.2);
    }

    #[test]
    fn a_target_sums_its_shares_of_the_population() {
        let ind = Indicators {
            population: 10_000,
            shares: BTreeMap::from([("a".into(), 10.0), ("b".into(), 5.0)]),
        };
        let t = |cols: &[&str]| Target {
            category: "x".into(),
            columns: cols.iter().map(|s| s.to_string()).collect(),
            per: 1000,
        };
        assert_eq!(target_population(&ind, &t(&["a", "b"])), Some(1500.0));
        assert_eq!(target_population(&ind, &t(&[])), Some(10_000.0));
        assert_eq!(target_population(&ind, &t(&["c"])), None);
        assert_eq!(rate(30, 1500.0, 1000), Some(20.0));
        assert_eq!(rate(30, 0.0, 1000), None);
    }

    #[test]
    fn bad_lines_are_named() {
        let known = ["a"];
        assert_eq!(
            parse_targets("category,indicator_columns,per\nx,b,1000\n", &known)
                .unwrap_err()
                .line,
            2
        );
        assert!(
            parse_targets("category,indicator_columns,per\nx,a,0\n", &known)
                .unwrap_err()
                .reason
                .contains("positive")
        );
        assert!(
            parse_targets("category,indicator_columns,per\nx,a,5\nx,,5\n", &known)
                .unwrap_err()
                .reason
                .contains("twice")
        );
        assert_eq!(
            parse_indicators("code,population_municipal,a\n01.051,12,140\n")
                .unwrap_err()
                .line,
            2
        );
    }

    proptest! {
        /// More places never lower the rate; a larger target never raises it.
        #[test]
        fn rates_move_the_right_way(p in 0u64..10_000, extra in 0u64..1000, t in 1.0f64..1e7, grow in 1.0f64..10.0) {
            let r = rate(p, t, 1000).unwrap();
            prop_assert!(rate(p + extra, t, 1000).unwrap() >= r);
            prop_assert!(rate(p, t * grow, 1000).unwrap() <= r + 1e-9);
        }
    }
}
