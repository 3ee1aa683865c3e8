//! The sample of observed Latin spellings of Arabic names, embedded from
//! `data/names/name_variants.csv` (sources and licences in `data/names/NOTICE.md`).
//!
//! It is an extra lookup across scripts, never a dictionary: a name absent from it still
//! matches through rules and skeletons. Rows whose role is `unknown` and that were observed
//! once are left out: they hold noise (محمد → Ahmed, محمد → Mahmoud).

use crate::parts::{NamePart, article_removed, name_tokens, text_hash};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The embedded file, as shipped.
pub const CSV: &str = include_str!("../../../data/names/name_variants.csv");

/// One row of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    /// The Arabic spelling (normalised as the file gives it).
    pub arabic: &'static str,
    /// An observed Latin spelling.
    pub latin: &'static str,
    /// Country code of the observation (MA, DZ, TN, MR, LY).
    pub country: &'static str,
    /// `given`, `surname` or `unknown`.
    pub role: &'static str,
    /// How often it was observed.
    pub count: u32,
    /// Where it comes from (`wikidata`, `dzirinames`).
    pub source: &'static str,
}

/// Every row of the embedded table, in file order.
pub fn rows() -> &'static [Variant] {
    static ROWS: OnceLock<Vec<Variant>> = OnceLock::new();
    ROWS.get_or_init(|| {
        CSV.lines()
            .skip(1)
            .filter_map(|line| {
                let f: Vec<&'static str> = line.split(',').collect();
                if f.len() != 7 {
                    return None;
                }
                Some(Variant {
                    arabic: f[0],
                    latin: f[1],
                    country: f[3],
                    role: f[4],
                    count: f[5].parse().unwrap_or(0),
                    source: f[6],
                })
            })
            .collect()
    })
}

/// Whether a row is used as evidence (not a single observation of unknown role).
pub fn is_trusted(v: &Variant) -> bool {
    v.role != "unknown" || v.count >= 2
}

/// Hashes of a spelling's joined tokens, with and without its article.
fn hashes(raw: &str) -> Vec<u64> {
    let tokens = name_tokens(raw);
    let mut out = vec![text_hash(&tokens.concat())];
    if let Some(s) = article_removed(raw, &tokens) {
        out.push(text_hash(&s));
    }
    out
}

fn pairs() -> &'static HashSet<(u64, u64)> {
    static PAIRS: OnceLock<HashSet<(u64, u64)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut set = HashSet::new();
        for v in rows().iter().filter(|v| is_trusted(v)) {
            let lat = hashes(v.latin);
            for a in hashes(v.arabic) {
                for &l in &lat {
                    set.insert((a, l));
                }
            }
        }
        set
    })
}

/// Whether the table holds this Arabic/Latin pair (in either order of the arguments).
pub fn observed(a: &NamePart, b: &NamePart) -> bool {
    let (ar, lat) = match (a.is_arabic(), b.is_arabic()) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return false,
    };
    let set = pairs();
    [ar.hash, ar.hash_full]
        .iter()
        .any(|&x| set.contains(&(x, lat.hash)) || set.contains(&(x, lat.hash_full)))
}

/// The observed Latin spellings of an Arabic name (trusted rows), most observed first.
pub fn latin_spellings(arabic: &str) -> Vec<&'static str> {
    static BY_ARABIC: OnceLock<HashMap<u64, Vec<(&'static str, u32)>>> = OnceLock::new();
    let map = BY_ARABIC.get_or_init(|| {
        let mut m: HashMap<u64, Vec<(&'static str, u32)>> = HashMap::new();
        for v in rows().iter().filter(|v| is_trusted(v)) {
            let key = text_hash(&name_tokens(v.arabic).concat());
            let list = m.entry(key).or_default();
            match list.iter_mut().find(|(l, _)| *l == v.latin) {
                Some(e) => e.1 += v.count,
                None => list.push((v.latin, v.count)),
            }
        }
        for list in m.values_mut() {
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        }
        m
    });
    map.get(&text_hash(&name_tokens(arabic).concat()))
        .map(|l| l.iter().map(|(s, _)| *s).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::{PartMatch, SIMILAR_THRESHOLD, part_match, part_match_rules};
    use proptest::prelude::*;

    fn trusted_named() -> Vec<&'static Variant> {
        rows().iter().filter(|v| v.role != "unknown").collect()
    }

    #[test]
    fn the_table_loads_with_its_sources() {
        assert!(rows().len() > 20_000);
        assert!(
            rows()
                .iter()
                .all(|v| !v.arabic.is_empty() && !v.latin.is_empty())
        );
        assert!(rows().iter().any(|v| v.source == "wikidata"));
        assert!(rows().iter().any(|v| v.source == "dzirinames"));
    }

    #[test]
    fn spellings_are_looked_up() {
        let s = latin_spellings("محمد");
        assert!(s.contains(&"Mohamed") && s.contains(&"Mohammed"), "{s:?}");
        assert!(!s.contains(&"Ahmed"), "noise row kept: {s:?}");
        assert!(latin_spellings("زززز").is_empty());
    }

    #[test]
    fn every_named_pair_compares_above_the_threshold() {
        let mut below = Vec::new();
        for v in trusted_named() {
            let (Some(a), Some(l)) = (NamePart::new(v.arabic), NamePart::new(v.latin)) else {
                continue;
            };
            let (_, sim) = part_match(&a, &l);
            if sim < SIMILAR_THRESHOLD {
                below.push((v.arabic, v.latin, sim));
            }
        }
        assert!(
            below.is_empty(),
            "{} below: {:?}",
            below.len(),
            &below[..below.len().min(10)]
        );
    }

    /// Rules alone, without the table: most observed spellings already match. The share
    /// is a quality figure, not a tuning target: the rules were written from
    /// transliteration habits, not from these rows.
    #[test]
    fn rules_alone_match_most_observed_pairs() {
        let rows = trusted_named();
        let mut hit = 0usize;
        let mut total = 0usize;
        for v in rows {
            let (Some(a), Some(l)) = (NamePart::new(v.arabic), NamePart::new(v.latin)) else {
                continue;
            };
            total += 1;
            let (level, sim) = part_match_rules(&a, &l);
            if level <= PartMatch::Similar && sim >= SIMILAR_THRESHOLD {
                hit += 1;
            }
        }
        let share = hit as f64 / total as f64;
        eprintln!("rules alone: {hit}/{total} = {share:.3}");
        assert!(share >= 0.9, "rules alone match only {share:.3} of {total}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn sampled_rows_compare_above_the_threshold(i in 0usize..100_000) {
            let rows = trusted_named();
            let v = rows[i % rows.len()];
            if let (Some(a), Some(l)) = (NamePart::new(v.arabic), NamePart::new(v.latin)) {
                prop_assert!(part_similarity_with_table(&a, &l) >= SIMILAR_THRESHOLD);
            }
        }
    }

    fn part_similarity_with_table(a: &NamePart, b: &NamePart) -> f64 {
        crate::similarity::part_similarity(a, b)
    }
}
