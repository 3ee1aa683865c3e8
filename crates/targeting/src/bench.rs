//! A developer benchmark: generates a synthetic registry and times rule evaluation, needs
//! scoring, ranking and simulation over it.

use crate::rules::{Criterion, Schema};
use crate::score::rank;
use crate::seeds;
use crate::simulate::simulate;
use crate::synth::{Marginals, generate};
use std::fmt;
use std::time::Instant;

/// Repetitions of each timed step.
const RUNS: u32 = 5;

/// Best and mean wall time of repeated runs, in milliseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Timing {
    pub best_ms: f64,
    pub mean_ms: f64,
    pub runs: u32,
}

fn time<T>(mut f: impl FnMut() -> T) -> (Timing, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        let v = f();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        last = Some(v);
    }
    let best_ms = times.iter().copied().fold(f64::INFINITY, f64::min);
    let mean_ms = times.iter().sum::<f64>() / times.len() as f64;
    (
        Timing {
            best_ms,
            mean_ms,
            runs: RUNS,
        },
        last.expect("at least one run"),
    )
}

/// What [`run`] measured.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BenchReport {
    pub households: usize,
    pub persons: usize,
    pub seed: u64,
    pub threads: usize,
    pub generation_ms: f64,
    /// Bytes held by the registry columns.
    pub registry_bytes: usize,
    pub asd: Timing,
    pub asd_eligible: usize,
    pub asd_monthly_cost: f64,
    pub persons_rule: Timing,
    pub persons_eligible: usize,
    pub needs_score: Timing,
    /// Ranking the ASD-eligible households by needs score.
    pub ranking: Timing,
    pub simulation: Timing,
    pub entering: u64,
    pub leaving: u64,
    pub staying: u64,
    /// Explaining one household's ASD decision, in microseconds.
    pub explain_us: f64,
    /// Peak resident memory of the process (VmHWM), in KiB.
    pub peak_rss_kib: Option<u64>,
}

/// Peak resident set size of this process from `/proc/self/status`, in KiB.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Generates `households` synthetic households from the shipped marginals and times the
/// engine over them.
pub fn run(households: usize, seed: u64) -> BenchReport {
    let marginals = Marginals::embedded();
    let t = Instant::now();
    let registry = generate(&marginals, households, seed);
    let generation_ms = t.elapsed().as_secs_f64() * 1000.0;

    let schema = Schema::households(&registry.geo);
    let asd = seeds::asd().compile(1, &schema).expect("seed ASD compiles");
    let (asd_timing, asd_eval) = time(|| asd.evaluate(&registry));

    let persons_schema = Schema::persons(&registry.geo);
    let school = seeds::school_support_example()
        .compile(1, &persons_schema)
        .expect("seed compiles");
    let (persons_timing, persons_eval) = time(|| school.evaluate(&registry));

    let needs = seeds::needs_model()
        .compile(&schema)
        .expect("seed model compiles");
    let (score_timing, scores) = time(|| needs.scores(&registry));
    let (rank_timing, _) =
        time(|| rank(&registry.households.id, &scores, Some(&asd_eval.eligible)));

    let mut draft = seeds::asd();
    let mut v2 = draft.versions[0].clone();
    v2.version = 2;
    v2.criteria[0] = Criterion {
        id: "index-threshold".into(),
        expr: "index <= 9.80".into(),
    };
    v2.benefit = Some("max(min(children_under_21, 6) * 300 + 100, 500)".into());
    draft.versions = vec![draft.versions[0].clone(), v2];
    let before = draft.compile(1, &schema).expect("draft compiles");
    let after = draft.compile(2, &schema).expect("draft compiles");
    let (sim_timing, sim) = time(|| simulate(&registry, &before, &after).expect("same level"));

    let t = Instant::now();
    let reps = 1000.min(households.max(1));
    for row in 0..reps {
        std::hint::black_box(asd.explain(
            &registry,
            row * (households / reps).max(1) % households.max(1),
        ));
    }
    let explain_us = t.elapsed().as_secs_f64() * 1e6 / reps as f64;

    BenchReport {
        households,
        persons: registry.person_count(),
        seed,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        generation_ms,
        registry_bytes: registry.heap_bytes(),
        asd: asd_timing,
        asd_eligible: asd_eval.eligible_count,
        asd_monthly_cost: asd_eval.total_amount,
        persons_rule: persons_timing,
        persons_eligible: persons_eval.eligible_count,
        needs_score: score_timing,
        ranking: rank_timing,
        simulation: sim_timing,
        entering: sim.totals.entering,
        leaving: sim.totals.leaving,
        staying: sim.totals.staying,
        explain_us,
        peak_rss_kib: peak_rss_kib(),
    }
}

impl fmt::Display for BenchReport {
    /// A Markdown developer report.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rate = |rows: usize, t: &Timing| rows as f64 / (t.best_ms / 1000.0) / 1e6;
        writeln!(f, "| | |\n|---|---|")?;
        writeln!(f, "| households | {} |", self.households)?;
        writeln!(f, "| persons | {} |", self.persons)?;
        writeln!(f, "| seed | {} |", self.seed)?;
        writeln!(f, "| threads | {} |", self.threads)?;
        writeln!(
            f,
            "| registry columns | {:.0} MiB |",
            self.registry_bytes as f64 / 1048576.0
        )?;
        writeln!(f, "| generation | {:.0} ms |", self.generation_ms)?;
        if let Some(kib) = self.peak_rss_kib {
            writeln!(
                f,
                "| peak memory (VmHWM) | {:.0} MiB |",
                kib as f64 / 1024.0
            )?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "| step ({} runs) | rows | best | mean | M rows/s | result |",
            self.asd.runs
        )?;
        writeln!(f, "|---|---:|---:|---:|---:|---|")?;
        let mut row = |name: &str, rows: usize, t: &Timing, result: String| {
            writeln!(
                f,
                "| {name} | {rows} | {:.1} ms | {:.1} ms | {:.0} | {result} |",
                t.best_ms,
                t.mean_ms,
                rate(rows, t)
            )
        };
        row(
            "ASD rule (3 criteria + benefit)",
            self.households,
            &self.asd,
            format!(
                "{} eligible, {:.0} MAD/month",
                self.asd_eligible, self.asd_monthly_cost
            ),
        )?;
        row(
            "person-level rule (school support)",
            self.persons,
            &self.persons_rule,
            format!("{} eligible", self.persons_eligible),
        )?;
        row(
            "needs score (10 terms)",
            self.households,
            &self.needs_score,
            String::new(),
        )?;
        row(
            "rank ASD-eligible by score",
            self.asd_eligible,
            &self.ranking,
            String::new(),
        )?;
        row(
            "simulation ASD v1 → draft v2",
            self.households,
            &self.simulation,
            format!("+{} −{} ={}", self.entering, self.leaving, self.staying),
        )?;
        writeln!(f, "\nOne explanation: {:.1} µs.", self.explain_us)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_run_reports_consistent_counts() {
        let r = run(5000, 1);
        assert_eq!(r.households, 5000);
        assert!(r.persons > 5000);
        assert!(r.asd_eligible > 0 && r.asd_eligible < 5000);
        // The draft only raises the threshold: nobody leaves, some enter.
        assert_eq!(r.leaving, 0);
        assert!(r.entering > 0);
        assert_eq!(r.staying, r.asd_eligible as u64);
        assert!(r.staying <= r.asd_eligible as u64);
        assert!(r.asd_monthly_cost >= 500.0 * r.asd_eligible as f64);
        let text = r.to_string();
        assert!(text.contains("| households | 5000 |"));
    }
}
