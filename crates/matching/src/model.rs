//! The Fellegi–Sunter model: for each comparison level, the probability `m` of seeing it
//! when two records are the same person and `u` when they are not; a pair's match weight
//! is the sum of `log2(m/u)` over its comparisons, plus the prior's log-odds.
//!
//! `u` is measured on random pairs (nearly all of which are different persons); `m` and
//! the prior are estimated by expectation–maximisation over the blocked candidate pairs,
//! or given as configuration. Names carry a term-frequency adjustment: agreeing on a
//! common name (Mohamed is about 1 man in 8) proves less than agreeing on a rare one, so
//! for the agreeing name levels `u` becomes the name's own frequency.

use crate::compare::{Comparison, MISSING, Vector, name_level};
use crate::prepare::Prepared;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Smallest probability a level is given, so that no weight is infinite.
const FLOOR: f64 = 1e-6;

/// Probabilities per comparison and level, and the prior share of matches among
/// candidate pairs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// `m[comparison][level]`.
    pub m: Vec<Vec<f64>>,
    /// `u[comparison][level]`.
    pub u: Vec<Vec<f64>>,
    /// `u` of the commune and household comparisons among pairs whose family names agree
    /// (same shape as `u`; the other rows are unused). Relatives share a family name, a
    /// commune and a household, so measured on all random pairs these two would count the
    /// same evidence again.
    pub u_related: Vec<Vec<f64>>,
    /// Prior probability that a candidate pair is a match.
    pub prior: f64,
    /// Expectation–maximisation iterations run (0 when configured).
    pub iterations: u32,
}

fn normalise(v: &mut [f64]) {
    for x in v.iter_mut() {
        *x = x.max(FLOOR);
    }
    let s: f64 = v.iter().sum();
    for x in v.iter_mut() {
        *x /= s;
    }
}

impl Model {
    /// A model from starting values written from experience of civil registers; a start
    /// for [`Model::estimate`] and a fallback when there is too little data.
    pub fn default_start() -> Model {
        let m = vec![
            vec![0.40, 0.22, 0.16, 0.14, 0.03, 0.02, 0.03],
            vec![0.70, 0.04, 0.10, 0.06, 0.04, 0.06],
            vec![0.98, 0.02],
            vec![0.85, 0.10, 0.05],
            vec![0.80, 0.13, 0.07],
            vec![0.50, 0.50],
        ];
        let u = vec![
            vec![0.0005, 0.0005, 0.0005, 0.002, 0.01, 0.02, 0.966],
            vec![0.0002, 0.0001, 0.003, 0.004, 0.0005, 0.9922],
            vec![0.5, 0.5],
            vec![0.00001, 0.0001, 0.99989],
            vec![0.001, 0.02, 0.979],
            vec![0.0001, 0.9999],
        ];
        let mut u_related = u.clone();
        u_related[Comparison::Commune.index()] = vec![0.05, 0.1, 0.85];
        u_related[Comparison::Household.index()] = vec![0.05, 0.95];
        Model {
            m,
            u,
            u_related,
            prior: 0.1,
            iterations: 0,
        }
    }

    /// The weight `log2(m/u)` of one level (0 for [`MISSING`]).
    pub fn weight(&self, c: Comparison, level: u8) -> f64 {
        if level == MISSING {
            return 0.0;
        }
        let i = c.index();
        let l = level as usize;
        (self.m[i][l] / self.u[i][l]).log2()
    }

    /// The weight of comparison `c` in a vector. Commune and household depend on the
    /// family: when the family names agree their `u` is the related one; when the names do
    /// not agree in full (one part only, or only similar), a shared commune or household
    /// says the records are relatives (brothers and sisters share both) rather than one
    /// person, so it adds nothing, while a different one still counts against.
    pub fn weight_in(&self, c: Comparison, v: &Vector) -> f64 {
        let level = v[c.index()];
        if level == MISSING {
            return 0.0;
        }
        let name = v[Comparison::Name.index()];
        let place = matches!(c, Comparison::Commune | Comparison::Household);
        let related = place && name <= name_level::FAMILY_ONLY;
        let u = if related { &self.u_related } else { &self.u };
        let (i, l) = (c.index(), level as usize);
        let w = (self.m[i][l] / u[i][l]).log2();
        if place && name > name_level::CROSS_SCRIPT && name != MISSING {
            w.min(0.0)
        } else {
            w
        }
    }

    /// The prior's log-odds, `log2(prior / (1 - prior))`.
    pub fn prior_weight(&self) -> f64 {
        (self.prior / (1.0 - self.prior)).log2()
    }

    /// Measures `u` on comparison vectors of random pairs (Laplace-smoothed).
    pub fn set_u_from(&mut self, random: &[Vector]) {
        self.u = measure(random, &self.u);
    }

    /// Measures the related `u` of commune and household on random pairs of records whose
    /// family names share a key.
    pub fn set_u_related_from(&mut self, same_family: &[Vector]) {
        let measured = measure(same_family, &self.u_related);
        for c in [Comparison::Commune, Comparison::Household] {
            self.u_related[c.index()] = measured[c.index()].clone();
        }
    }

    /// Estimates `m` and the prior from the comparison vectors of candidate pairs (given as
    /// distinct vectors with their counts), `u` held fixed, in two steps:
    ///
    /// 1. `m` of each comparison from *anchor* pairs picked by the other comparisons: pairs
    ///    with the same national ID give `m` of names, birth date, sex, commune and
    ///    household; pairs with strongly agreeing names, the same full birth date and sex
    ///    give `m` of the national ID. Counts are mixed with the starting values (a few
    ///    pseudo-pairs) so that a level never seen keeps a sensible probability.
    /// 2. The prior by expectation–maximisation with `m` and `u` fixed, over every pair of
    ///    records (`total_pairs`), candidates or not: the prior is the probability that two
    ///    random records are one person, consistent with `u` measured on random pairs; a
    ///    pair that was not a candidate counts as a non-match.
    ///
    /// Free EM over all of `m` is [`Model::run_em`]; on registers it finds relatives (a
    /// family name, a commune and a household in common) rather than persons, since
    /// candidate pairs hold many more relatives than duplicates, so it is not used here.
    /// Returns the number of anchor pairs of each kind.
    pub fn estimate(
        &mut self,
        patterns: &HashMap<Vector, u64>,
        iterations: u32,
        total_pairs: f64,
    ) -> (u64, u64) {
        const PSEUDO: f64 = 5.0;
        let id = Comparison::NationalId.index();
        let mut counts: Vec<Vec<f64>> = self
            .m
            .iter()
            .map(|row| row.iter().map(|p| p * PSEUDO).collect())
            .collect();
        let (mut by_id, mut by_fields) = (0u64, 0u64);
        for (v, &n) in patterns {
            let nf = n as f64;
            if v[id] == 0 {
                by_id += n;
                for c in Comparison::ALL {
                    let i = c.index();
                    if i != id && v[i] != MISSING {
                        counts[i][v[i] as usize] += nf;
                    }
                }
            }
            let strong_name = v[Comparison::Name.index()] <= name_level::CROSS_SCRIPT;
            let same_birth = v[Comparison::BirthDate.index()] == 0;
            let same_sex = v[Comparison::Sex.index()] == 0;
            if strong_name && same_birth && same_sex && v[id] != MISSING {
                by_fields += n;
                counts[id][v[id] as usize] += nf;
            }
        }
        for (i, mut row) in counts.into_iter().enumerate() {
            normalise(&mut row);
            self.m[i] = row;
        }
        self.estimate_prior(patterns, iterations, total_pairs);
        (by_id, by_fields)
    }

    /// The prior by expectation–maximisation with `m` and `u` fixed, among `total_pairs`
    /// pairs of which the patterns count the candidates (at least the candidates).
    pub fn estimate_prior(
        &mut self,
        patterns: &HashMap<Vector, u64>,
        iterations: u32,
        total_pairs: f64,
    ) {
        let candidates: f64 = patterns.values().map(|&n| n as f64).sum();
        let total = total_pairs.max(candidates);
        if candidates == 0.0 {
            return;
        }
        // Start from one candidate in ten being a match.
        self.prior = (0.1 * candidates / total).clamp(1e-12, 0.5);
        for it in 0..iterations {
            let matched: f64 = patterns
                .iter()
                .map(|(v, &n)| self.posterior_plain(v) * n as f64)
                .sum();
            let prior = (matched / total).clamp(1e-12, 0.5);
            let done = ((prior - self.prior) / self.prior).abs() < 1e-6;
            self.prior = prior;
            self.iterations = it + 1;
            if done {
                break;
            }
        }
    }

    /// Expectation–maximisation without the check of [`Model::estimate`].
    pub fn run_em(&mut self, patterns: &HashMap<Vector, u64>, iterations: u32) {
        if patterns.is_empty() {
            return;
        }
        let pats: Vec<(Vector, f64)> = patterns.iter().map(|(v, &n)| (*v, n as f64)).collect();
        let total: f64 = pats.iter().map(|p| p.1).sum();
        for it in 0..iterations {
            let mut m_counts: Vec<Vec<f64>> = Comparison::ALL
                .iter()
                .map(|c| vec![0.01; c.levels().len()])
                .collect();
            let mut matched = 0.0;
            for (v, n) in &pats {
                let p = self.posterior_plain(v);
                matched += p * n;
                for c in Comparison::ALL {
                    let i = c.index();
                    if v[i] != MISSING {
                        m_counts[i][v[i] as usize] += p * n;
                    }
                }
            }
            for (i, mut counts) in m_counts.into_iter().enumerate() {
                normalise(&mut counts);
                self.m[i] = counts;
            }
            let prior = (matched / total).clamp(1e-6, 0.999);
            let done = (prior - self.prior).abs() < 1e-7;
            self.prior = prior;
            self.iterations = it + 1;
            if done {
                break;
            }
        }
        // A disagreeing level never counts for a match, whatever the data did.
        for c in Comparison::ALL {
            let i = c.index();
            let last = c.levels().len() - 1;
            if self.m[i][last] > self.u[i][last] {
                self.m[i][last] = self.u[i][last];
                normalise(&mut self.m[i]);
            }
        }
    }

    /// Posterior match probability of a vector without term frequencies.
    fn posterior_plain(&self, v: &Vector) -> f64 {
        let mut w = self.prior_weight();
        for c in Comparison::ALL {
            w += self.weight_in(c, v);
        }
        probability(w)
    }
}

/// Level distributions of vectors, Laplace-smoothed; `fallback` where none was seen.
fn measure(vectors: &[Vector], fallback: &[Vec<f64>]) -> Vec<Vec<f64>> {
    Comparison::ALL
        .iter()
        .map(|&c| {
            let i = c.index();
            let mut counts = vec![0.5; c.levels().len()];
            let mut seen = 0usize;
            for v in vectors {
                if v[i] != MISSING {
                    counts[v[i] as usize] += 1.0;
                    seen += 1;
                }
            }
            if seen == 0 {
                return fallback[i].clone();
            }
            normalise(&mut counts);
            counts
        })
        .collect()
}

/// Probability of a match from a match weight in bits.
pub fn probability(weight: f64) -> f64 {
    1.0 / (1.0 + (-weight).exp2())
}

/// How often each name skeleton key occurs, for the term-frequency adjustment.
#[derive(Clone, Debug, Default)]
pub struct NameFrequencies {
    given: HashMap<u64, u32>,
    family: HashMap<u64, u32>,
    total: f64,
}

impl NameFrequencies {
    /// Counts the given-name and family-name keys of the records (each record once per
    /// key).
    pub fn count(records: &[Prepared]) -> NameFrequencies {
        let mut f = NameFrequencies {
            total: records.len().max(1) as f64,
            ..NameFrequencies::default()
        };
        for r in records {
            if let Some(k) = main_key(&r.given) {
                *f.given.entry(k).or_default() += 1;
            }
            if let Some(k) = main_key(&r.family) {
                *f.family.entry(k).or_default() += 1;
            }
        }
        f
    }

    /// Share of records whose given name has the key of this record's given name.
    pub fn given_share(&self, r: &Prepared) -> Option<f64> {
        let k = main_key(&r.given)?;
        Some(f64::from(*self.given.get(&k)?) / self.total)
    }

    /// Share of records whose family name has the key of this record's family name.
    pub fn family_share(&self, r: &Prepared) -> Option<f64> {
        let k = main_key(&r.family)?;
        Some(f64::from(*self.family.get(&k)?) / self.total)
    }
}

/// The key a name part is counted under: the Latin one when present, else the Arabic.
fn main_key(parts: &[Option<jisr_text::NamePart>; 2]) -> Option<u64> {
    parts
        .iter()
        .flatten()
        .map(|p| p.key())
        .find(|k| !k.is_empty())
        .map(|k| k.0)
}

/// The `u` of a name level adjusted for how common the agreeing names are, from the
/// shares (given, family) of the two records' names, or `None` when no adjustment applies
/// (disagreeing levels, unknown frequencies).
pub fn name_tf_u(
    level: u8,
    a: (Option<f64>, Option<f64>),
    b: (Option<f64>, Option<f64>),
) -> Option<f64> {
    // The larger of the two records' shares: the more common spelling decides.
    let larger = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    };
    let given = larger(a.0, b.0);
    let family = larger(a.1, b.1);
    use name_level::*;
    let u = match level {
        EXACT | VARIANT | CROSS_SCRIPT | SIMILAR => given? * family?,
        FAMILY_ONLY => family?,
        GIVEN_ONLY => given?,
        _ => return None,
    };
    Some(u.max(FLOOR))
}

impl NameFrequencies {
    /// The shares (given, family) of a record's names.
    pub fn shares(&self, r: &Prepared) -> (Option<f64>, Option<f64>) {
        (self.given_share(r), self.family_share(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_follow_m_over_u() {
        let m = Model::default_start();
        assert!(m.weight(Comparison::NationalId, 0) > 10.0);
        assert!(m.weight(Comparison::NationalId, 2) < 0.0);
        assert_eq!(m.weight(Comparison::Name, MISSING), 0.0);
        assert!((probability(0.0) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn em_separates_two_clean_groups() {
        let mut model = Model::default_start();
        // Random pairs disagree on everything.
        let random = vec![[6, 5, 1, 2, 2, 1]; 1000];
        model.set_u_from(&random);
        let mut patterns = HashMap::new();
        patterns.insert([0, 0, 0, 0, 0, 0], 100);
        patterns.insert([6, 5, 1, 2, 2, 1], 900);
        model.run_em(&patterns, 50);
        assert!((model.prior - 0.1).abs() < 0.02, "{}", model.prior);
        assert!(model.m[0][0] > 0.9);
    }

    #[test]
    fn anchors_give_m_and_em_the_prior() {
        let mut model = Model::default_start();
        model.set_u_from(&vec![[6, 5, 1, 2, 2, 1]; 1000]);
        let mut patterns = HashMap::new();
        // Same ID: names cross-script, birth year only.
        patterns.insert([2, 2, 0, 0, 0, MISSING], 80);
        // Same names, birth and sex: the ID agrees.
        patterns.insert([0, 0, 0, 0, 0, MISSING], 20);
        patterns.insert([6, 5, 1, 2, 2, 1], 900);
        // A thousand candidates among a hundred thousand pairs: a hundred matches.
        let (by_id, by_fields) = model.estimate(&patterns, 50, 100_000.0);
        assert_eq!((by_id, by_fields), (100, 20));
        assert!(model.m[0][2] > 0.6, "{:?}", model.m[0]);
        assert!(model.m[3][0] > 0.7, "{:?}", model.m[3]);
        assert!((model.prior - 0.001).abs() < 0.0002, "{}", model.prior);
    }
}
