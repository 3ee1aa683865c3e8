//! Blocking: only pairs of records sharing a key under some rule are compared.
//!
//! Rules (each record gives keys in both scripts, so cross-script pairs are kept):
//!
//! | code | key |
//! |---|---|
//! | `family-year` | family-name skeleton + birth year |
//! | `given-commune` | given-name skeleton + commune |
//! | `family-commune` | family-name skeleton + commune |
//! | `names` | the two skeletons, unordered (so a swapped order meets) |
//! | `national-id` | the national ID |
//!
//! A block larger than the cap of its rule is skipped (it would hold mostly unrelated
//! people sharing a very common name); the number skipped is reported.

use crate::prepare::Prepared;
use jisr_text::parts::text_hash;

/// One blocking rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    FamilyYear,
    GivenCommune,
    FamilyCommune,
    Names,
    NationalId,
}

impl Rule {
    /// Every rule.
    pub const ALL: [Rule; 5] = [
        Rule::FamilyYear,
        Rule::GivenCommune,
        Rule::FamilyCommune,
        Rule::Names,
        Rule::NationalId,
    ];

    /// Stable code of the rule.
    pub fn code(self) -> &'static str {
        match self {
            Rule::FamilyYear => "family-year",
            Rule::GivenCommune => "given-commune",
            Rule::FamilyCommune => "family-commune",
            Rule::Names => "names",
            Rule::NationalId => "national-id",
        }
    }

    /// Largest block compared under this rule.
    pub fn cap(self) -> usize {
        match self {
            Rule::NationalId => 50,
            _ => 300,
        }
    }
}

fn mix(parts: &[u64]) -> u64 {
    // SplitMix64 finaliser over the parts: cheap and well spread.
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
    for &p in parts {
        h ^= p
            .wrapping_add(0x9e37_79b9_7f4a_7c15)
            .wrapping_add(h << 6)
            .wrapping_add(h >> 2);
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^= h >> 31;
    }
    h
}

/// The keys one record gives under one rule (possibly none).
pub fn keys(rule: Rule, r: &Prepared) -> Vec<u64> {
    let tag = rule as u64 + 1;
    let mut out = Vec::new();
    match rule {
        Rule::FamilyYear => {
            if let Some(y) = r.birth.year() {
                for k in r.family_keys() {
                    out.push(mix(&[tag, k, u64::from(y)]));
                }
            }
        }
        Rule::GivenCommune => {
            if let Some(c) = r.commune {
                for k in r.given_keys() {
                    out.push(mix(&[tag, k, c]));
                }
            }
        }
        Rule::FamilyCommune => {
            if let Some(c) = r.commune {
                for k in r.family_keys() {
                    out.push(mix(&[tag, k, c]));
                }
            }
        }
        Rule::Names => {
            let given = r.given_keys();
            for f in r.family_keys() {
                for &g in &given {
                    out.push(mix(&[tag, f.min(g), f.max(g)]));
                }
            }
        }
        Rule::NationalId => {
            if let Some(id) = &r.national_id {
                out.push(mix(&[tag, text_hash(id.as_str())]));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// What blocking produced.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Candidates {
    /// Distinct pairs `(a, b)` with `a < b`, sorted.
    pub pairs: Vec<(u32, u32)>,
    /// Pairs each rule produced before removing duplicates across rules.
    pub per_rule: Vec<(Rule, u64)>,
    /// Blocks skipped for being over their rule's cap.
    pub skipped_blocks: u64,
}

/// Candidate pairs of the records under the given rules.
pub fn candidates(records: &[Prepared], rules: &[Rule]) -> Candidates {
    let mut all: Vec<u64> = Vec::new();
    let mut per_rule = Vec::new();
    let mut skipped = 0u64;
    for &rule in rules {
        let lists = crate::par::map_chunks(records, |r| keys(rule, r));
        let mut entries: Vec<(u64, u32)> = Vec::with_capacity(records.len() * 2);
        for (i, ks) in lists.into_iter().enumerate() {
            entries.extend(ks.into_iter().map(|k| (k, i as u32)));
        }
        entries.sort_unstable();
        let before = all.len();
        let mut start = 0;
        while start < entries.len() {
            let key = entries[start].0;
            let mut end = start + 1;
            while end < entries.len() && entries[end].0 == key {
                end += 1;
            }
            let block = &entries[start..end];
            if block.len() > rule.cap() {
                skipped += 1;
            } else {
                for (i, x) in block.iter().enumerate() {
                    for y in &block[i + 1..] {
                        if x.1 != y.1 {
                            let (a, b) = (x.1.min(y.1), x.1.max(y.1));
                            all.push((u64::from(a) << 32) | u64::from(b));
                        }
                    }
                }
            }
            start = end;
        }
        per_rule.push((rule, (all.len() - before) as u64));
        // Keep memory in check between rules.
        all.sort_unstable();
        all.dedup();
    }
    Candidates {
        pairs: all
            .into_iter()
            .map(|p| ((p >> 32) as u32, p as u32))
            .collect(),
        per_rule,
        skipped_blocks: skipped,
    }
}

/// Share of the true pairs (`(a, b)`, `a < b`) found among sorted candidate pairs.
pub fn recall(candidates: &[(u32, u32)], true_pairs: &[(u32, u32)]) -> f64 {
    if true_pairs.is_empty() {
        return 1.0;
    }
    let found = true_pairs
        .iter()
        .filter(|p| candidates.binary_search(p).is_ok())
        .count();
    found as f64 / true_pairs.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{BirthDate, CommuneCode, PersonRecord};

    fn rec(gl: &str, fl: &str, ga: &str, fa: &str, year: u16, commune: &str) -> Prepared {
        Prepared::new(&PersonRecord {
            given_lat: gl.into(),
            family_lat: fl.into(),
            given_ar: ga.into(),
            family_ar: fa.into(),
            birth: BirthDate::Year(year),
            commune: CommuneCode::parse(commune).unwrap(),
            ..PersonRecord::default()
        })
    }

    #[test]
    fn cross_script_and_swapped_pairs_share_a_block() {
        let recs = vec![
            rec("Mohamed", "El Alaoui", "", "", 1980, "07.427.01.05"),
            rec("", "", "محمد", "العلوي", 1981, "01.011.01.01"),
            rec("Alaoui", "Mohammed", "", "", 1975, "02.021.01.01"),
            rec("Karim", "Bennani", "", "", 1980, "07.427.01.05"),
        ];
        let c = candidates(&recs, &Rule::ALL);
        assert!(c.pairs.contains(&(0, 1)), "{:?}", c.pairs);
        assert!(c.pairs.contains(&(0, 2)));
        assert!(c.pairs.contains(&(1, 2)));
        assert!(!c.pairs.contains(&(0, 3)));
        assert!(c.pairs.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(recall(&c.pairs, &[(0, 1), (1, 2)]), 1.0);
        assert_eq!(recall(&c.pairs, &[(0, 1), (2, 3)]), 0.5);
    }
}
