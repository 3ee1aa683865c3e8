//! Quality against known truth.
//!
//! - Pairwise precision, recall and F1 of a set of linked pairs: a linked pair is right
//!   when both records are of one person; recall is over every true pair, blocked or not.
//! - Cluster F1 is **B-cubed**: for each record, the share of its predicted cluster that
//!   is its person (precision) and the share of its person found in its cluster (recall),
//!   averaged over records; F1 of the two averages. The pairwise measures of the
//!   clusters (every pair inside a predicted cluster counts as linked) are given too.

use std::collections::HashMap;

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Scores {
    fn from(precision: f64, recall: f64) -> Scores {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Scores {
            precision,
            recall,
            f1,
        }
    }
}

/// Pairwise scores of linked pairs against the truth (`person` of each record), with
/// `true_pairs` the number of pairs of records of one person.
pub fn pairwise(links: &[(u32, u32)], person: &[u32], true_pairs: usize) -> Scores {
    let right = links
        .iter()
        .filter(|&&(a, b)| person[a as usize] == person[b as usize])
        .count();
    let precision = if links.is_empty() {
        1.0
    } else {
        right as f64 / links.len() as f64
    };
    let recall = if true_pairs == 0 {
        1.0
    } else {
        right as f64 / true_pairs as f64
    };
    Scores::from(precision, recall)
}

fn choose2(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// Pairwise scores of a clustering (every pair inside a cluster linked).
pub fn cluster_pairwise(cluster: &[u32], person: &[u32]) -> Scores {
    let mut both: HashMap<(u32, u32), u64> = HashMap::new();
    let mut pred: HashMap<u32, u64> = HashMap::new();
    let mut truth: HashMap<u32, u64> = HashMap::new();
    for (&c, &p) in cluster.iter().zip(person) {
        *both.entry((c, p)).or_default() += 1;
        *pred.entry(c).or_default() += 1;
        *truth.entry(p).or_default() += 1;
    }
    let tp: u64 = both.values().map(|&n| choose2(n)).sum();
    let linked: u64 = pred.values().map(|&n| choose2(n)).sum();
    let real: u64 = truth.values().map(|&n| choose2(n)).sum();
    let precision = if linked == 0 {
        1.0
    } else {
        tp as f64 / linked as f64
    };
    let recall = if real == 0 {
        1.0
    } else {
        tp as f64 / real as f64
    };
    Scores::from(precision, recall)
}

/// B-cubed precision, recall and F1 of a clustering.
pub fn b_cubed(cluster: &[u32], person: &[u32]) -> Scores {
    let mut both: HashMap<(u32, u32), u64> = HashMap::new();
    let mut pred: HashMap<u32, u64> = HashMap::new();
    let mut truth: HashMap<u32, u64> = HashMap::new();
    for (&c, &p) in cluster.iter().zip(person) {
        *both.entry((c, p)).or_default() += 1;
        *pred.entry(c).or_default() += 1;
        *truth.entry(p).or_default() += 1;
    }
    let n = cluster.len().max(1) as f64;
    let mut precision = 0.0;
    let mut recall = 0.0;
    for (&(c, p), &k) in &both {
        let k = k as f64;
        // Each of the k records of this cell shares k records with its cluster and person.
        precision += k * k / pred[&c] as f64;
        recall += k * k / truth[&p] as f64;
    }
    Scores::from(precision / n, recall / n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_broken_clusterings() {
        let person = [0, 0, 1, 1, 2];
        let s = b_cubed(&[5, 5, 6, 6, 7], &person);
        assert!((s.f1 - 1.0).abs() < 1e-12);
        let all_one = b_cubed(&[0; 5], &person);
        assert!((all_one.recall - 1.0).abs() < 1e-12);
        assert!(all_one.precision < 0.5);
        let singletons = b_cubed(&[0, 1, 2, 3, 4], &person);
        assert!((singletons.precision - 1.0).abs() < 1e-12);
        assert!((singletons.recall - 0.6).abs() < 1e-12);
        let p = cluster_pairwise(&[0, 0, 0, 1, 2], &person);
        assert!((p.precision - 1.0 / 3.0).abs() < 1e-12);
        assert!((p.recall - 0.5).abs() < 1e-12);
    }

    #[test]
    fn pairwise_counts_right_links() {
        let person = [0, 0, 1, 1];
        let s = pairwise(&[(0, 1), (1, 2)], &person, 2);
        assert!((s.precision - 0.5).abs() < 1e-12);
        assert!((s.recall - 0.5).abs() < 1e-12);
    }
}
