//! Diagnostics: model weights and a few wrong links of a synthetic run.

use jisr_matching::{Comparison, Config, link, synth};

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let data = synth::generate(n, 2024);
    let l = link(&data.records, &Config::default());
    let m = l.matcher.model();
    println!("prior {:.4} iterations {}", m.prior, m.iterations);
    if std::env::var_os("RAW_EM").is_some() {
        let prepared = l.matcher.records();
        let mut raw = m.clone();
        raw.m = jisr_matching::Model::default_start().m;
        raw.prior = 0.1;
        let mut patterns = std::collections::HashMap::new();
        for &(a, b) in &l.candidates.pairs {
            let v = jisr_matching::compare::compare(&prepared[a as usize], &prepared[b as usize]).0;
            *patterns.entry(v).or_insert(0u64) += 1;
        }
        raw.run_em(&patterns, 40);
        println!(
            "raw EM prior {:.4} iterations {}",
            raw.prior, raw.iterations
        );
        for c in Comparison::ALL {
            let i = c.index();
            let w: Vec<String> = raw.m[i].iter().map(|x| format!("{x:.3}")).collect();
            println!("  {} m {}", c.code(), w.join(" "));
        }
    }
    for c in Comparison::ALL {
        let i = c.index();
        for (j, code) in c.levels().iter().enumerate() {
            println!(
                "{:12} {:18} m {:.5} u {:.6} ur {:.6} w {:+.2}",
                c.code(),
                code,
                m.m[i][j],
                m.u[i][j],
                m.u_related[i][j],
                (m.m[i][j] / m.u[i][j]).log2()
            );
        }
    }
    let mut shown = 0;
    for &(a, b, w) in &l.scored {
        if f64::from(w) >= l.threshold_weight && data.person[a as usize] != data.person[b as usize]
        {
            let (x, y) = (&data.records[a as usize], &data.records[b as usize]);
            println!(
                "--- FP w {w:.1}\n{x:?}\n{y:?}\n{}",
                jisr_matching::explain::compact(&l.matcher.explain(a, b))
            );
            shown += 1;
            if shown == 400 {
                break;
            }
        }
    }
}
