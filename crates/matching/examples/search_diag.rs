//! Diagnostics: cross-script searches that miss their target.

use jisr_matching::{Config, Query, link, synth};

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let data = synth::generate(n, 2024);
    let l = link(&data.records, &Config::default());
    let lat_only = |r: &jisr_matching::PersonRecord| {
        r.given_ar.is_empty() && r.family_ar.is_empty() && !r.family_lat.is_empty()
    };
    let ar_only = |r: &jisr_matching::PersonRecord| {
        r.given_lat.is_empty() && r.family_lat.is_empty() && !r.family_ar.is_empty()
    };
    let mut shown = 0;
    for (a, b) in data.true_pairs() {
        let (x, y) = (&data.records[a as usize], &data.records[b as usize]);
        let (src, target) = if ar_only(x) && lat_only(y) {
            (a, b)
        } else if lat_only(x) && ar_only(y) {
            (b, a)
        } else {
            continue;
        };
        let r = &data.records[src as usize];
        let text = format!(
            "{} {} {} {}",
            r.given_ar, r.family_ar, r.given_lat, r.family_lat
        );
        let hits = l.matcher.search(
            &Query {
                text: text.clone(),
                birth_year: r.birth.year(),
            },
            11,
        );
        let top: Vec<u32> = hits
            .iter()
            .map(|h| h.record)
            .filter(|&i| i != src)
            .take(10)
            .collect();
        if !top.contains(&target) {
            let t = &data.records[target as usize];
            println!(
                "MISS {text:?} {:?} -> target {} {} {:?}",
                r.birth.year(),
                t.given_lat,
                t.family_lat,
                t.birth.year()
            );
            for h in hits.iter().take(4) {
                let z = &data.records[h.record as usize];
                println!(
                    "   {:.3} {} {} {} {} {:?}",
                    h.score,
                    z.given_lat,
                    z.family_lat,
                    z.given_ar,
                    z.family_ar,
                    z.birth.year()
                );
            }
            shown += 1;
            if shown == 12 {
                break;
            }
        }
    }
}
