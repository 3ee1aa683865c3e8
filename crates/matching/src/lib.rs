//! Person matching for Jisr: finding one person across records whose names are written in
//! Arabic script, Latin script or both, with spelling variants, typos, swapped name order,
//! birth-date errors, ID typos and moves.
//!
//! Pure code, no I/O; name text rules live in `jisr-text`.
//!
//! # Modules
//!
//! - [`record`]: [`PersonRecord`] and the parsers of its fields (birth date full, year only
//!   or unknown with the 1 January placeholder recognised; sex; Moroccan national ID;
//!   HCP commune code and its province).
//! - [`prepare`]: a record prepared once for comparisons ([`Prepared`]).
//! - [`compare`]: comparisons and their levels, with stable codes.
//! - [`model`]: Fellegi–Sunter `m`/`u` probabilities, estimated by EM (`u` from random
//!   pairs) or configured, and the term-frequency adjustment of names.
//! - [`blocking`]: blocking rules, candidate pairs and blocking recall.
//! - [`cluster`]: clustering linked pairs under the national-ID constraint.
//! - [`explain`]: a score term by term, and its plain-text waterfall.
//! - [`search`]: the in-memory index answering any spelling or a national ID.
//! - [`synth`]: seeded synthetic persons with known duplicates.
//! - [`metrics`]: pairwise precision, recall and F1; B-cubed cluster F1.
//! - [`bench`]: the benchmark behind `jisr bench matching`.
//!
//! # Use
//!
//! [`link`] runs the whole batch (prepare, block, estimate, score, cluster). A
//! [`Matcher`] holds prepared records, a model and the search index; it scores and
//! explains any pair, answers searches and the point-of-entry check ([`Matcher::check`]).

pub mod bench;
pub mod blocking;
pub mod cluster;
pub mod compare;
pub mod explain;
pub mod metrics;
pub mod model;
mod par;
pub mod prepare;
pub mod record;
pub mod search;
pub mod synth;

pub use blocking::Rule;
pub use compare::{Comparison, Vector};
pub use explain::{Explanation, Term, waterfall};
pub use model::Model;
pub use prepare::Prepared;
pub use record::{BirthDate, CommuneCode, FieldError, NationalId, PersonRecord, Sex};
pub use search::{Hit, Query, SearchIndex};

use compare::{compare, name_level};
use model::{NameFrequencies, name_tf_u, probability};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::HashMap;

/// Largest term-frequency adjustment of the name weight, in bits either way.
const MAX_TF_ADJUSTMENT: f64 = 6.0;

/// Settings of a batch run.
#[derive(Clone, Debug)]
pub struct Config {
    /// Probability at or above which a pair is linked.
    pub threshold: f64,
    /// Blocking rules.
    pub rules: Vec<Rule>,
    /// A model to use as given; `None` estimates one from the data.
    pub model: Option<Model>,
    /// Random pairs compared to measure `u`.
    pub random_pairs: usize,
    /// Candidate pairs compared to estimate `m` by EM (a sample when there are more).
    pub em_pairs: usize,
    /// EM iterations at most.
    pub em_iterations: u32,
    /// Seed of the random pair sampling.
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threshold: 0.9,
            rules: Rule::DEFAULT.to_vec(),
            model: None,
            random_pairs: 200_000,
            em_pairs: 500_000,
            em_iterations: 40,
            seed: 1,
        }
    }
}

impl Config {
    /// The threshold as a match weight in bits.
    pub fn threshold_weight(&self) -> f64 {
        let p = self.threshold.clamp(1e-9, 1.0 - 1e-9);
        (p / (1.0 - p)).log2()
    }
}

/// Prepared records with a model: scores, explains, searches.
#[derive(Clone, Debug)]
pub struct Matcher {
    records: Vec<Prepared>,
    freq: NameFrequencies,
    /// Name shares of each record, looked up once.
    shares: Vec<(Option<f32>, Option<f32>)>,
    model: Model,
    index: SearchIndex,
}

/// A likely existing person for a new record.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Index of the existing record.
    pub record: u32,
    /// Match weight in bits.
    pub weight: f64,
    /// Probability of the same person.
    pub probability: f64,
    /// The score term by term.
    pub explanation: Explanation,
}

impl Matcher {
    /// A matcher over prepared records with a model; builds the search index.
    pub fn new(records: Vec<Prepared>, model: Model) -> Matcher {
        let freq = NameFrequencies::count(&records);
        let index = SearchIndex::build(&records);
        let shares = records
            .iter()
            .map(|r| {
                let (g, f) = freq.shares(r);
                (g.map(|x| x as f32), f.map(|x| x as f32))
            })
            .collect();
        Matcher {
            records,
            freq,
            shares,
            model,
            index,
        }
    }

    /// The records, in the order given.
    pub fn records(&self) -> &[Prepared] {
        &self.records
    }

    /// The model in use.
    pub fn model(&self) -> &Model {
        &self.model
    }

    fn shares_of(&self, i: u32) -> (Option<f64>, Option<f64>) {
        let (g, f) = self.shares[i as usize];
        (g.map(f64::from), f.map(f64::from))
    }

    /// The name weight and its term-frequency part for a name level, from the two
    /// records' name shares.
    fn name_weight(
        &self,
        level: u8,
        a: (Option<f64>, Option<f64>),
        b: (Option<f64>, Option<f64>),
    ) -> (f64, f64) {
        let w = self.model.weight(Comparison::Name, level);
        let exact_u = self.model.u[Comparison::Name.index()][name_level::EXACT as usize];
        let tf = match name_tf_u(level, a, b) {
            Some(u_value) => {
                let base = if level >= name_level::FAMILY_ONLY {
                    self.model.u[Comparison::Name.index()][level as usize]
                } else {
                    exact_u
                };
                let tf = (base / u_value)
                    .log2()
                    .clamp(-MAX_TF_ADJUSTMENT, MAX_TF_ADJUSTMENT);
                // One name part agreeing: a common one proves less, a rare one no more
                // than the level says (relatives share it, with their commune and
                // household).
                if level >= name_level::FAMILY_ONLY {
                    tf.min(0.0)
                } else {
                    tf
                }
            }
            None => 0.0,
        };
        (w + tf, tf)
    }

    fn weight_with(
        &self,
        a: &Prepared,
        b: &Prepared,
        sa: (Option<f64>, Option<f64>),
        sb: (Option<f64>, Option<f64>),
    ) -> f64 {
        let (v, _) = compare(a, b);
        let mut w = self.model.prior_weight();
        for c in Comparison::ALL {
            w += if c == Comparison::Name {
                self.name_weight(v[c.index()], sa, sb).0
            } else {
                self.model.weight_in(c, &v)
            };
        }
        w
    }

    /// Match weight of two prepared records (need not be in the matcher).
    pub fn weight_of(&self, a: &Prepared, b: &Prepared) -> f64 {
        self.weight_with(a, b, self.freq.shares(a), self.freq.shares(b))
    }

    /// Match weight of two records of the matcher.
    pub fn weight(&self, a: u32, b: u32) -> f64 {
        self.weight_with(
            &self.records[a as usize],
            &self.records[b as usize],
            self.shares_of(a),
            self.shares_of(b),
        )
    }

    /// The score of two prepared records, explained.
    pub fn explain_of(&self, a: &Prepared, b: &Prepared) -> Explanation {
        let (v, name) = compare(a, b);
        let prior = self.model.prior_weight();
        let mut terms = Vec::with_capacity(Comparison::ALL.len());
        let mut total = prior;
        let (sa, sb) = (self.freq.shares(a), self.freq.shares(b));
        for c in Comparison::ALL {
            let l = v[c.index()];
            let (w, tf) = if c == Comparison::Name {
                self.name_weight(l, sa, sb)
            } else {
                (self.model.weight_in(c, &v), 0.0)
            };
            total += w;
            terms.push(Term::new(c, l, w, tf));
        }
        Explanation {
            prior,
            terms,
            weight: total,
            probability: probability(total),
            swapped: name.swapped,
        }
    }

    /// The score of two records of the matcher, explained.
    pub fn explain(&self, a: u32, b: u32) -> Explanation {
        self.explain_of(&self.records[a as usize], &self.records[b as usize])
    }

    /// Searches by any spelling in either script or a national ID.
    pub fn search(&self, q: &Query, limit: usize) -> Vec<Hit> {
        self.index.search(&self.records, q, limit)
    }

    /// The point-of-entry check: the existing records most likely to be the person of a new
    /// record, with probability at least `min_probability`, best first, explained.
    pub fn check(&self, new: &PersonRecord, limit: usize, min_probability: f64) -> Vec<Candidate> {
        let p = Prepared::new(new);
        let mut words: Vec<jisr_text::NamePart> = Vec::new();
        for part in p.given.iter().chain(&p.family).flatten() {
            words.push(part.clone());
        }
        let mut pool = self.index.candidates(&words, p.birth.year());
        pool.truncate(search::MAX_SCORED);
        if let Some(id) = &p.national_id {
            pool.extend_from_slice(self.index.by_national_id(id));
            pool.sort_unstable();
            pool.dedup();
        }
        let mut out: Vec<Candidate> = pool
            .into_iter()
            .filter_map(|i| {
                let w = self.weight_of(&p, &self.records[i as usize]);
                let prob = probability(w);
                (prob >= min_probability).then(|| Candidate {
                    record: i,
                    weight: w,
                    probability: prob,
                    explanation: self.explain_of(&p, &self.records[i as usize]),
                })
            })
            .collect();
        out.sort_unstable_by(|a, b| b.weight.total_cmp(&a.weight).then(a.record.cmp(&b.record)));
        out.truncate(limit);
        out
    }
}

/// Times of the phases of [`link`], in milliseconds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Phases {
    pub prepare_ms: f64,
    pub blocking_ms: f64,
    pub estimate_ms: f64,
    pub scoring_ms: f64,
    pub clustering_ms: f64,
}

/// What a batch run produced.
#[derive(Clone, Debug)]
pub struct Linkage {
    /// The matcher (prepared records, model, index), for explanations and search.
    pub matcher: Matcher,
    /// Candidate pairs from blocking.
    pub candidates: blocking::Candidates,
    /// Candidate pairs with their weights `(a, b, weight)`.
    pub scored: Vec<(u32, u32, f32)>,
    /// Persons found.
    pub clusters: cluster::Clusters,
    /// Phase times.
    pub phases: Phases,
    /// The threshold used, in bits.
    pub threshold_weight: f64,
}

fn ms(t: std::time::Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// Fewest records from which a model is estimated; below, random pairs would hold too
/// many matches to measure `u`, and the starting model is used.
pub const MIN_RECORDS_TO_ESTIMATE: usize = 1_000;

/// Estimates a model from prepared records and their candidate pairs: `u` from random
/// pairs, `m` from anchor pairs and the prior by EM over (a sample of) the candidates
/// (see [`Model::estimate`]). Below [`MIN_RECORDS_TO_ESTIMATE`] records, the starting
/// model ([`Model::default_start`]) is returned.
pub fn estimate_model(records: &[Prepared], pairs: &[(u32, u32)], config: &Config) -> Model {
    let mut model = Model::default_start();
    let n = records.len();
    if n < MIN_RECORDS_TO_ESTIMATE {
        return model;
    }
    let mut rng = StdRng::seed_from_u64(config.seed);
    let random: Vec<(u32, u32)> = (0..config.random_pairs)
        .filter_map(|_| {
            let a = rng.random_range(0..n as u32);
            let b = rng.random_range(0..n as u32);
            (a != b).then_some((a, b))
        })
        .collect();
    let vectors = par::map_chunks(&random, |&(a, b)| {
        compare(&records[a as usize], &records[b as usize]).0
    });
    model.set_u_from(&vectors);
    // Random pairs within family-name groups, for the related u of commune and household.
    let mut groups: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        if let Some(k) = r.family_keys().first() {
            groups.entry(*k).or_default().push(i as u32);
        }
    }
    let groups: Vec<Vec<u32>> = groups.into_values().filter(|g| g.len() >= 2).collect();
    let weights: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    let total: usize = weights.iter().sum();
    let mut related = Vec::new();
    if total > 0 {
        let cumulative: Vec<usize> = weights
            .iter()
            .scan(0, |acc, &w| {
                *acc += w;
                Some(*acc)
            })
            .collect();
        for _ in 0..config.random_pairs / 2 {
            let x = rng.random_range(0..total);
            let g = &groups[cumulative.partition_point(|&c| c <= x)];
            let a = g[rng.random_range(0..g.len())];
            let b = g[rng.random_range(0..g.len())];
            if a != b {
                related.push((a, b));
            }
        }
    }
    let vectors = par::map_chunks(&related, |&(a, b)| {
        compare(&records[a as usize], &records[b as usize]).0
    });
    model.set_u_related_from(&vectors);
    let step = (pairs.len() / config.em_pairs.max(1)).max(1);
    let sample: Vec<(u32, u32)> = pairs.iter().step_by(step).copied().collect();
    let vectors = par::map_chunks(&sample, |&(a, b)| {
        compare(&records[a as usize], &records[b as usize]).0
    });
    let mut patterns: HashMap<Vector, u64> = HashMap::new();
    for v in vectors {
        *patterns.entry(v).or_default() += 1;
    }
    // The sample stands for all the candidates.
    let scale = pairs.len() as f64 / sample.len().max(1) as f64;
    for count in patterns.values_mut() {
        *count = (*count as f64 * scale).round().max(1.0) as u64;
    }
    let total_pairs = n as f64 * (n as f64 - 1.0) / 2.0;
    model.estimate(&patterns, config.em_iterations, total_pairs);
    model
}

/// Runs the batch: prepare, block, estimate (unless a model is given), score, cluster.
pub fn link(records: &[PersonRecord], config: &Config) -> Linkage {
    link_with_progress(records, config, &|_, _| {})
}

/// As [`link`], calling `progress(phase, done_of_five)` after each phase.
pub fn link_with_progress(
    records: &[PersonRecord],
    config: &Config,
    progress: &dyn Fn(&str, u32),
) -> Linkage {
    let mut phases = Phases::default();
    let t = std::time::Instant::now();
    let prepared = prepare::prepare_all(records);
    phases.prepare_ms = ms(t);
    progress("prepare", 1);

    let t = std::time::Instant::now();
    let candidates = blocking::candidates(&prepared, &config.rules);
    phases.blocking_ms = ms(t);
    progress("blocking", 2);

    let t = std::time::Instant::now();
    let model = match &config.model {
        Some(m) => m.clone(),
        None => estimate_model(&prepared, &candidates.pairs, config),
    };
    phases.estimate_ms = ms(t);
    progress("estimate", 3);

    let t = std::time::Instant::now();
    let ids: Vec<Option<NationalId>> = prepared.iter().map(|p| p.national_id).collect();
    let matcher = Matcher::new(prepared, model);
    let scored: Vec<(u32, u32, f32)> = par::map_chunks(&candidates.pairs, |&(a, b)| {
        (a, b, matcher.weight(a, b) as f32)
    });
    phases.scoring_ms = ms(t);
    progress("scoring", 4);

    let t = std::time::Instant::now();
    let threshold_weight = config.threshold_weight();
    let clusters = cluster::cluster(records.len(), &scored, threshold_weight as f32, &ids);
    phases.clustering_ms = ms(t);
    progress("clustering", 5);

    Linkage {
        matcher,
        candidates,
        scored,
        clusters,
        phases,
        threshold_weight,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(
        id: &str,
        gl: &str,
        fl: &str,
        ga: &str,
        fa: &str,
        birth: &str,
        cin: &str,
    ) -> PersonRecord {
        PersonRecord {
            id: id.into(),
            given_lat: gl.into(),
            family_lat: fl.into(),
            given_ar: ga.into(),
            family_ar: fa.into(),
            birth: BirthDate::parse(birth).unwrap(),
            sex: Some(Sex::Male),
            national_id: NationalId::parse(cin).unwrap(),
            commune: CommuneCode::parse("07.427.01.05").unwrap(),
            household: None,
        }
    }

    #[test]
    fn a_cross_script_duplicate_links_and_a_namesake_does_not() {
        let records = vec![
            person(
                "a",
                "Youssef",
                "Benjelloun",
                "",
                "",
                "1984-05-12",
                "AB123456",
            ),
            person("b", "", "", "يوسف", "بنجلون", "1984-05-12", ""),
            person(
                "c",
                "Youssef",
                "Benjelloun",
                "",
                "",
                "1961-11-02",
                "CD654321",
            ),
            person("d", "Karim", "Tazi", "", "", "1990-01-01", ""),
        ];
        let config = Config {
            model: Some(Model::default_start()),
            ..Config::default()
        };
        let l = link(&records, &config);
        assert_eq!(l.clusters.of[0], l.clusters.of[1]);
        assert_ne!(l.clusters.of[0], l.clusters.of[2]);
        assert_ne!(l.clusters.of[0], l.clusters.of[3]);
        let e = l.matcher.explain(0, 1);
        assert_eq!(e.terms[0].level, "cross-script");
        assert_eq!(e.terms[1].level, "exact");
        assert!(e.probability > 0.9);
        let weights: f64 = e.prior + e.terms.iter().map(|t| t.weight).sum::<f64>();
        assert!((weights - e.weight).abs() < 1e-9);
    }

    #[test]
    fn the_point_of_entry_check_finds_the_existing_person() {
        let records = vec![
            person(
                "a",
                "Fatima",
                "Zahraoui",
                "فاطمة",
                "الزهراوي",
                "1970-02-03",
                "",
            ),
            person("b", "Fatiha", "Zahraoui", "", "", "1972-08-09", ""),
        ];
        let m = Matcher::new(prepare::prepare_all(&records), Model::default_start());
        let new = person("n", "", "", "فاطمه", "زهراوي", "1970-02-03", "");
        let found = m.check(&new, 5, 0.5);
        assert_eq!(found.first().map(|c| c.record), Some(0));
        assert!(found.iter().all(|c| c.record != 1));
    }

    #[test]
    fn common_names_weigh_less_than_rare_ones() {
        let mut records = Vec::new();
        for i in 0..30 {
            records.push(person(&i.to_string(), "Mohamed", "Alaoui", "", "", "", ""));
        }
        for i in 0..30 {
            records.push(person(
                &format!("o{i}"),
                &format!("Other{i}"),
                &format!("Fam{i}"),
                "",
                "",
                "",
                "",
            ));
        }
        records.push(person("r1", "Zineb", "Zniber", "", "", "", ""));
        records.push(person("r2", "Zineb", "Zniber", "", "", "", ""));
        let m = Matcher::new(prepare::prepare_all(&records), Model::default_start());
        let rare = m.explain(60, 61);
        let common = m.explain(0, 1);
        assert!(rare.terms[0].weight > common.terms[0].weight);
    }
}
