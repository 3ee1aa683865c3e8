//! The matching benchmark: synthetic persons with known duplicates, the whole batch, the
//! quality figures and the search, beside a reference measured in the same run (exact-key
//! matching: records grouped by their normalised names and birth date, one hash each).
//!
//! Pure apart from the clock: the caller adds the machine and the peak memory.

use crate::metrics::{self, Scores};
use crate::record::PersonRecord;
use crate::search::Query;
use crate::synth::{self, Synthetic};
use crate::{Config, Phases, link};
use jisr_text::normalize;
use jisr_text::parts::text_hash;
use std::collections::HashMap;
use std::fmt;
use std::time::Instant;

/// What [`run`] measured.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub records: usize,
    pub persons: usize,
    pub true_pairs: usize,
    pub seed: u64,
    pub threads: usize,
    pub generation_ms: f64,
    pub phases: Phases,
    /// Building the search index.
    pub index_ms: f64,
    pub candidate_pairs: usize,
    pub skipped_blocks: u64,
    pub per_rule: Vec<(&'static str, u64)>,
    pub blocking_recall: f64,
    pub threshold: f64,
    pub prior: f64,
    pub em_iterations: u32,
    pub pairwise: Scores,
    pub cluster_pairwise: Scores,
    pub b_cubed: Scores,
    pub refused_links: u64,
    pub reference_ms: f64,
    pub reference_pairwise: Scores,
    pub reference_b_cubed: Scores,
    pub queries: usize,
    /// Cross-script queries: names only.
    pub recall_at_10_names: f64,
    /// Cross-script queries: names and birth year.
    pub recall_at_10_with_year: f64,
    /// Cross-script queries: names and the birth date as the source record has it.
    pub recall_at_10_with_date: f64,
    pub search_p50_ms: f64,
    pub search_p95_ms: f64,
    pub check_p50_ms: f64,
    pub check_p95_ms: f64,
    /// Set by the caller: peak resident memory in KiB.
    pub peak_rss_kib: Option<u64>,
    /// Set by the caller: a description of the machine.
    pub machine: String,
}

impl Report {
    /// Time of the batch, all phases.
    pub fn batch_ms(&self) -> f64 {
        let p = &self.phases;
        p.prepare_ms + p.blocking_ms + p.estimate_ms + p.scoring_ms + p.clustering_ms
    }
}

/// Groups records by normalised names (Latin, else Arabic) and birth date: the exact-key
/// reference. Records without a name or date stay alone.
pub fn exact_key_clusters(records: &[PersonRecord]) -> Vec<u32> {
    let mut ids: HashMap<u64, u32> = HashMap::new();
    let mut out = Vec::with_capacity(records.len());
    for (i, r) in records.iter().enumerate() {
        let names = if r.given_lat.is_empty() && r.family_lat.is_empty() {
            format!("{}|{}", normalize(&r.given_ar), normalize(&r.family_ar))
        } else {
            format!("{}|{}", normalize(&r.given_lat), normalize(&r.family_lat))
        };
        if names == "|" || r.birth.year().is_none() {
            out.push(u32::MAX - i as u32);
            continue;
        }
        let key = text_hash(&format!("{names}|{}", r.birth));
        let next = ids.len() as u32;
        out.push(*ids.entry(key).or_insert(next));
    }
    out
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[i]
}

/// Cross-script queries: for a record written in Arabic only whose person has a record in
/// Latin only (or the reverse), the query is the first record's names; the second must
/// be in the top ten.
fn cross_script_queries(s: &Synthetic, limit: usize) -> Vec<(u32, u32)> {
    let lat_only = |r: &PersonRecord| {
        r.given_ar.is_empty() && r.family_ar.is_empty() && !r.family_lat.is_empty()
    };
    let ar_only = |r: &PersonRecord| {
        r.given_lat.is_empty() && r.family_lat.is_empty() && !r.family_ar.is_empty()
    };
    let mut out = Vec::new();
    for (a, b) in s.true_pairs() {
        let (x, y) = (&s.records[a as usize], &s.records[b as usize]);
        if ar_only(x) && lat_only(y) {
            out.push((a, b));
        } else if lat_only(x) && ar_only(y) {
            out.push((b, a));
        }
        if out.len() >= limit {
            break;
        }
    }
    out
}

/// Generates `records` synthetic records from `seed` and measures the engine on them.
pub fn run(records: usize, seed: u64) -> Report {
    let t = Instant::now();
    let data = synth::generate(records, seed);
    let generation_ms = t.elapsed().as_secs_f64() * 1000.0;
    let true_pairs = data.true_pairs();
    let persons = {
        let mut p = data.person.clone();
        p.sort_unstable();
        p.dedup();
        p.len()
    };

    let t = Instant::now();
    let reference = exact_key_clusters(&data.records);
    let reference_ms = t.elapsed().as_secs_f64() * 1000.0;

    let config = Config::default();
    let linkage = link(&data.records, &config);
    let blocking_recall = crate::blocking::recall(&linkage.candidates.pairs, &true_pairs);
    let links: Vec<(u32, u32)> = linkage
        .scored
        .iter()
        .filter(|p| f64::from(p.2) >= linkage.threshold_weight)
        .map(|p| (p.0, p.1))
        .collect();

    let matcher = &linkage.matcher;
    let queries = cross_script_queries(&data, 1000);
    let mut found_names = 0usize;
    let mut found_year = 0usize;
    let mut found_date = 0usize;
    let mut times = Vec::with_capacity(queries.len() * 3);
    for &(src, target) in &queries {
        let r = &data.records[src as usize];
        let text = format!(
            "{} {} {} {}",
            r.given_ar, r.family_ar, r.given_lat, r.family_lat
        );
        let queries = [
            (None, None, &mut found_names),
            (r.birth.year(), None, &mut found_year),
            (None, Some(r.birth), &mut found_date),
        ];
        for (year, date, found) in queries {
            let t = Instant::now();
            let hits = matcher.search(
                &Query {
                    text: text.clone(),
                    birth_year: year,
                    birth_date: date,
                },
                11,
            );
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            let top: Vec<u32> = hits
                .iter()
                .map(|h| h.record)
                .filter(|&i| i != src)
                .take(10)
                .collect();
            if top.contains(&target) {
                *found += 1;
            }
        }
    }
    times.sort_by(f64::total_cmp);

    let mut check_times = Vec::new();
    for &(src, _) in queries.iter().take(200) {
        let t = Instant::now();
        let _ = matcher.check(&data.records[src as usize], 10, 0.5);
        check_times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    check_times.sort_by(f64::total_cmp);

    let t = Instant::now();
    let _index = crate::SearchIndex::build(matcher.records());
    let index_ms = t.elapsed().as_secs_f64() * 1000.0;

    let q = queries.len().max(1) as f64;
    Report {
        records: data.records.len(),
        persons,
        true_pairs: true_pairs.len(),
        seed,
        threads: crate::par::threads(),
        generation_ms,
        phases: linkage.phases.clone(),
        index_ms,
        candidate_pairs: linkage.candidates.pairs.len(),
        skipped_blocks: linkage.candidates.skipped_blocks,
        per_rule: linkage
            .candidates
            .per_rule
            .iter()
            .map(|(r, n)| (r.code(), *n))
            .collect(),
        blocking_recall,
        threshold: config.threshold,
        prior: matcher.model().prior,
        em_iterations: matcher.model().iterations,
        pairwise: metrics::pairwise(&links, &data.person, true_pairs.len()),
        cluster_pairwise: metrics::cluster_pairwise(&linkage.clusters.of, &data.person),
        b_cubed: metrics::b_cubed(&linkage.clusters.of, &data.person),
        refused_links: linkage.clusters.refused,
        reference_ms,
        reference_pairwise: metrics::cluster_pairwise(&reference, &data.person),
        reference_b_cubed: metrics::b_cubed(&reference, &data.person),
        queries: queries.len(),
        recall_at_10_names: found_names as f64 / q,
        recall_at_10_with_year: found_year as f64 / q,
        recall_at_10_with_date: found_date as f64 / q,
        search_p50_ms: percentile(&times, 0.5),
        search_p95_ms: percentile(&times, 0.95),
        check_p50_ms: percentile(&check_times, 0.5),
        check_p95_ms: percentile(&check_times, 0.95),
        peak_rss_kib: None,
        machine: String::new(),
    }
}

impl fmt::Display for Report {
    /// A Markdown report.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = |x: &Scores| format!("P {:.4} · R {:.4} · F1 {:.4}", x.precision, x.recall, x.f1);
        let p = &self.phases;
        writeln!(f, "| | |\n|---|---|")?;
        writeln!(f, "| machine | {} |", self.machine)?;
        writeln!(
            f,
            "| records | {} ({} persons, {} true pairs), seed {} |",
            self.records, self.persons, self.true_pairs, self.seed
        )?;
        writeln!(f, "| threads | {} |", self.threads)?;
        writeln!(
            f,
            "| generation | {:.0} ms (not counted) |",
            self.generation_ms
        )?;
        writeln!(f, "| prepare | {:.0} ms |", p.prepare_ms)?;
        writeln!(
            f,
            "| blocking | {:.0} ms: {} candidate pairs, {} blocks over their cap skipped |",
            p.blocking_ms, self.candidate_pairs, self.skipped_blocks
        )?;
        let rules: Vec<String> = self
            .per_rule
            .iter()
            .map(|(r, n)| format!("{r} {n}"))
            .collect();
        writeln!(f, "| pairs per rule | {} |", rules.join(", "))?;
        writeln!(
            f,
            "| estimate (u on random pairs, m by EM) | {:.0} ms: prior {:.3e}, {} iterations |",
            p.estimate_ms, self.prior, self.em_iterations
        )?;
        writeln!(f, "| scoring (and index) | {:.0} ms |", p.scoring_ms)?;
        writeln!(
            f,
            "| clustering | {:.0} ms ({} links refused: different national IDs) |",
            p.clustering_ms, self.refused_links
        )?;
        writeln!(
            f,
            "| **batch total** | **{:.2} s** |",
            self.batch_ms() / 1000.0
        )?;
        writeln!(f, "| search index alone | {:.0} ms |", self.index_ms)?;
        writeln!(f, "| blocking recall | {:.4} |", self.blocking_recall)?;
        writeln!(
            f,
            "| pairwise (links at p ≥ {}) | {} |",
            self.threshold,
            s(&self.pairwise)
        )?;
        writeln!(f, "| clusters, pairwise | {} |", s(&self.cluster_pairwise))?;
        writeln!(f, "| **clusters, B-cubed** | {} |", s(&self.b_cubed))?;
        writeln!(
            f,
            "| reference: exact key (names + birth date) | {:.0} ms; clusters pairwise {}; B-cubed {} |",
            self.reference_ms,
            s(&self.reference_pairwise),
            s(&self.reference_b_cubed)
        )?;
        writeln!(
            f,
            "| search recall@10, cross-script ({} queries) | names only {:.4}; names + birth year {:.4}; names + birth date {:.4} |",
            self.queries,
            self.recall_at_10_names,
            self.recall_at_10_with_year,
            self.recall_at_10_with_date
        )?;
        writeln!(
            f,
            "| search latency | p50 {:.2} ms, p95 {:.2} ms |",
            self.search_p50_ms, self.search_p95_ms
        )?;
        writeln!(
            f,
            "| point-of-entry check | p50 {:.2} ms, p95 {:.2} ms |",
            self.check_p50_ms, self.check_p95_ms
        )?;
        match self.peak_rss_kib {
            Some(k) => writeln!(f, "| peak memory | {:.0} MiB |", k as f64 / 1024.0)?,
            None => writeln!(f, "| peak memory | unknown |")?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_run_reports_sane_figures() {
        let r = run(3_000, 5);
        assert_eq!(r.records, 3_000);
        assert!(r.blocking_recall > 0.8, "{}", r.blocking_recall);
        assert!(r.b_cubed.f1 > r.reference_b_cubed.f1, "{r}");
        assert!(r.queries > 0);
        let text = r.to_string();
        assert!(text.contains("B-cubed") && text.contains("recall@10"));
    }

    #[test]
    fn the_exact_key_reference_groups_identical_records() {
        let mut a = PersonRecord {
            given_lat: "Ali".into(),
            family_lat: "Tazi".into(),
            birth: crate::BirthDate::Year(1980),
            ..PersonRecord::default()
        };
        let b = a.clone();
        a.id = "x".into();
        let c = exact_key_clusters(&[a, b, PersonRecord::default()]);
        assert_eq!(c[0], c[1]);
        assert_ne!(c[0], c[2]);
    }
}
