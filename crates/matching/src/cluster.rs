//! Clustering linked pairs into persons without chaining unrelated people.
//!
//! Pairs at or above the threshold are taken strongest first and their clusters joined
//! (union–find), except when the two clusters hold different national IDs (two IDs that
//! are one character apart count as one, a typo): one bad link can then not pull two
//! identified people into one person, however many pairs follow.

use crate::record::NationalId;

/// Union–find over record indices, each root keeping the national IDs of its cluster.
struct Forest {
    parent: Vec<u32>,
    size: Vec<u32>,
    ids: Vec<Vec<NationalId>>,
}

impl Forest {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[x as usize];
            self.parent[x as usize] = self.parent[p as usize];
            x = p;
        }
        x
    }

    fn conflict(&self, a: u32, b: u32) -> bool {
        let (x, y) = (&self.ids[a as usize], &self.ids[b as usize]);
        x.iter().any(|i| y.iter().any(|j| i != j && !i.one_off(j)))
    }

    fn union(&mut self, a: u32, b: u32) {
        let (big, small) = if self.size[a as usize] >= self.size[b as usize] {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        let moved = std::mem::take(&mut self.ids[small as usize]);
        for id in moved {
            if !self.ids[big as usize].contains(&id) {
                self.ids[big as usize].push(id);
            }
        }
    }
}

/// What clustering did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clusters {
    /// Cluster number of each record (0-based, in order of first appearance).
    pub of: Vec<u32>,
    /// Number of clusters.
    pub count: usize,
    /// Links refused because the clusters held different national IDs.
    pub refused: u64,
}

/// Clusters `n` records from scored pairs `(a, b, weight)`: pairs with weight at least
/// `threshold` are joined strongest first, under the national-ID constraint.
pub fn cluster(
    n: usize,
    pairs: &[(u32, u32, f32)],
    threshold: f32,
    ids: &[Option<NationalId>],
) -> Clusters {
    let mut forest = Forest {
        parent: (0..n as u32).collect(),
        size: vec![1; n],
        ids: ids.iter().map(|i| i.iter().copied().collect()).collect(),
    };
    let mut order: Vec<&(u32, u32, f32)> = pairs.iter().filter(|p| p.2 >= threshold).collect();
    order.sort_unstable_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut refused = 0;
    for &&(a, b, _) in &order {
        let (ra, rb) = (forest.find(a), forest.find(b));
        if ra == rb {
            continue;
        }
        if forest.conflict(ra, rb) {
            refused += 1;
            continue;
        }
        forest.union(ra, rb);
    }
    let mut number = vec![u32::MAX; n];
    let mut of = Vec::with_capacity(n);
    let mut count = 0u32;
    for i in 0..n as u32 {
        let r = forest.find(i) as usize;
        if number[r] == u32::MAX {
            number[r] = count;
            count += 1;
        }
        of.push(number[r]);
    }
    Clusters {
        of,
        count: count as usize,
        refused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn id(s: &str) -> Option<NationalId> {
        NationalId::parse(s).unwrap()
    }

    #[test]
    fn different_ids_are_never_chained() {
        // 0 and 2 hold different IDs; 1 (no ID) links strongly to both.
        let ids = [id("AB123456"), None, id("CD999999")];
        let c = cluster(3, &[(0, 1, 10.0), (1, 2, 9.0)], 5.0, &ids);
        assert_ne!(c.of[0], c.of[2]);
        assert_eq!(c.of[0], c.of[1]);
        assert_eq!(c.refused, 1);
    }

    #[test]
    fn a_typo_in_the_id_does_not_block() {
        let ids = [id("AB123456"), id("AB123457")];
        let c = cluster(2, &[(0, 1, 10.0)], 5.0, &ids);
        assert_eq!(c.of[0], c.of[1]);
    }

    #[test]
    fn weak_pairs_are_ignored() {
        let c = cluster(2, &[(0, 1, 1.0)], 5.0, &[None, None]);
        assert_eq!(c.count, 2);
    }

    proptest! {
        #[test]
        fn no_cluster_holds_two_unrelated_ids(
            edges in proptest::collection::vec((0u32..20, 0u32..20, 0f32..20.0), 0..60),
            with_id in proptest::collection::vec(proptest::bool::ANY, 20),
        ) {
            let ids: Vec<Option<NationalId>> = (0..20)
                .map(|i| if with_id[i] { id(&format!("X{}", 1000 + i * 11)) } else { None })
                .collect();
            let c = cluster(20, &edges, 5.0, &ids);
            for i in 0..20 {
                for j in 0..20 {
                    if c.of[i] == c.of[j] {
                        if let (Some(a), Some(b)) = (&ids[i], &ids[j]) {
                            prop_assert!(a == b || a.one_off(b));
                        }
                    }
                }
            }
        }
    }
}
