//! Blocking: only pairs of records sharing a key under some rule are compared.
//!
//! Rules (each record gives keys in both scripts, so cross-script pairs are kept; "names"
//! is the given-name and family-name skeletons taken unordered, so a swapped order meets):
//!
//! | code | key | catches |
//! |---|---|---|
//! | `names-year` | names + birth year | spelling variants, scripts, date typos within the year, year-only and 1 January dates |
//! | `names-commune` | names + commune | a year off, an unknown date |
//! | `family-birth-date` | family skeleton + full birth date | a given name changed or mistyped |
//! | `given-birth-date` | given skeleton + full birth date | a family name changed or mistyped |
//! | `national-id` | the national ID | anything else, when both have it |
//! | `names` | names alone, small blocks only | a move together with a date error, for uncommon names |
//! | `family-year` | family skeleton + birth year | (optional: its blocks grow with the register) |
//! | `given-commune` | given skeleton + commune | (optional: its blocks grow with the register) |
//!
//! Every default rule's blocks stay small as the register grows, so the number of pairs
//! grows about linearly with it. A block larger than the cap of its rule is skipped (it
//! would hold mostly unrelated people sharing a very common name); the number skipped is
//! reported.

use crate::prepare::Prepared;
use jisr_text::parts::text_hash;

/// One blocking rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    NamesYear,
    NamesCommune,
    FamilyBirthDate,
    GivenBirthDate,
    NationalId,
    Names,
    FamilyYear,
    GivenCommune,
}

impl Rule {
    /// The rules used by default.
    pub const DEFAULT: [Rule; 6] = [
        Rule::NamesYear,
        Rule::NamesCommune,
        Rule::FamilyBirthDate,
        Rule::GivenBirthDate,
        Rule::NationalId,
        Rule::Names,
    ];

    /// Stable code of the rule.
    pub fn code(self) -> &'static str {
        match self {
            Rule::NamesYear => "names-year",
            Rule::NamesCommune => "names-commune",
            Rule::FamilyBirthDate => "family-birth-date",
            Rule::GivenBirthDate => "given-birth-date",
            Rule::NationalId => "national-id",
            Rule::Names => "names",
            Rule::FamilyYear => "family-year",
            Rule::GivenCommune => "given-commune",
        }
    }

    /// Largest block compared under this rule.
    pub fn cap(self) -> usize {
        match self {
            Rule::NationalId => 50,
            Rule::Names => 25,
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
    let names = |out: &mut Vec<u64>, extra: &[u64]| {
        let given = r.given_keys();
        for f in r.family_keys() {
            for &g in &given {
                let mut parts = vec![tag, f.min(g), f.max(g)];
                parts.extend_from_slice(extra);
                out.push(mix(&parts));
            }
        }
    };
    let full_date = match r.birth {
        crate::BirthDate::Full { year, month, day } => {
            Some(u64::from(year) * 10_000 + u64::from(month) * 100 + u64::from(day))
        }
        _ => None,
    };
    match rule {
        Rule::NamesYear => {
            if let Some(y) = r.birth.year() {
                names(&mut out, &[u64::from(y)]);
            }
        }
        Rule::NamesCommune => {
            if let Some(c) = r.commune {
                names(&mut out, &[c]);
            }
        }
        Rule::Names => names(&mut out, &[]),
        Rule::FamilyBirthDate => {
            if let Some(d) = full_date {
                for k in r.family_keys() {
                    out.push(mix(&[tag, k, d]));
                }
            }
        }
        Rule::GivenBirthDate => {
            if let Some(d) = full_date {
                for k in r.given_keys() {
                    out.push(mix(&[tag, k, d]));
                }
            }
        }
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
            rec("Alaoui", "Mohammed", "", "", 1980, "02.021.01.01"),
            rec("Karim", "Bennani", "", "", 1980, "07.427.01.05"),
        ];
        let c = candidates(&recs, &Rule::DEFAULT);
        // A year off and a move: met by names alone (a small block).
        assert!(c.pairs.contains(&(0, 1)), "{:?}", c.pairs);
        assert!(c.pairs.contains(&(0, 2)));
        assert!(c.pairs.contains(&(1, 2)));
        assert!(!c.pairs.contains(&(0, 3)));
        assert!(c.pairs.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(recall(&c.pairs, &[(0, 1), (1, 2)]), 1.0);
        assert_eq!(recall(&c.pairs, &[(0, 1), (2, 3)]), 0.5);
    }
}
