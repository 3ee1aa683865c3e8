//! Class breaks for choropleth maps: quantiles, Jenks natural breaks, equal intervals.
//!
//! Every method returns the bounds of the classes, `k + 1` values at most, ascending,
//! from the smallest value to the largest; class `i` holds the values in
//! `breaks[i]..=breaks[i + 1]` (a value on a bound goes to the lower class). Fewer
//! classes come back when the data have fewer distinct values. Non-finite values are
//! ignored; no value gives no breaks.

/// How to cut the values into classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Classification {
    /// About as many areas in each class: good for ranking.
    Quantiles(usize),
    /// Jenks natural breaks (Fisher's optimal grouping): classes as homogeneous as
    /// possible, good for clustered or skewed data.
    Jenks(usize),
    /// Classes of equal width: good for rates with a natural scale.
    EqualIntervals(usize),
}

impl Classification {
    /// The breaks of `values` by this method.
    pub fn breaks(self, values: &[f64]) -> Vec<f64> {
        match self {
            Classification::Quantiles(k) => quantile_breaks(values, k),
            Classification::Jenks(k) => jenks_breaks(values, k),
            Classification::EqualIntervals(k) => equal_interval_breaks(values, k),
        }
    }
}

fn sorted(values: &[f64]) -> Vec<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    v
}

fn dedup(mut breaks: Vec<f64>) -> Vec<f64> {
    breaks.dedup();
    if breaks.len() == 1 {
        // One distinct value: one class from it to itself.
        breaks.push(breaks[0]);
    }
    breaks
}

/// Quantile breaks: the `i/k` quantiles (linear interpolation between order statistics).
pub fn quantile_breaks(values: &[f64], k: usize) -> Vec<f64> {
    let v = sorted(values);
    if v.is_empty() {
        return vec![];
    }
    let k = k.max(1);
    let last = (v.len() - 1) as f64;
    let q = |p: f64| {
        let pos = p * last;
        let (i, frac) = (pos.floor() as usize, pos - pos.floor());
        if i + 1 < v.len() {
            v[i] + (v[i + 1] - v[i]) * frac
        } else {
            v[i]
        }
    };
    let mut b: Vec<f64> = (0..=k).map(|i| q(i as f64 / k as f64)).collect();
    b[0] = v[0];
    b[k] = v[v.len() - 1];
    dedup(b)
}

/// Equal-interval breaks from the smallest to the largest value.
pub fn equal_interval_breaks(values: &[f64], k: usize) -> Vec<f64> {
    let v = sorted(values);
    if v.is_empty() {
        return vec![];
    }
    let k = k.max(1);
    let (lo, hi) = (v[0], v[v.len() - 1]);
    let mut b: Vec<f64> = (0..=k)
        .map(|i| lo + (hi - lo) * i as f64 / k as f64)
        .collect();
    b[k] = hi;
    dedup(b)
}

/// Jenks natural breaks: the grouping of the sorted values into `k` runs that minimises
/// the sum of squared deviations from the class means (Fisher's dynamic programme,
/// O(k·n²), fine for a few hundred areas).
pub fn jenks_breaks(values: &[f64], k: usize) -> Vec<f64> {
    let v = sorted(values);
    if v.is_empty() {
        return vec![];
    }
    let mut distinct = v.clone();
    distinct.dedup();
    let k = k.clamp(1, distinct.len());
    let n = v.len();
    // lower[l][j]: 1-based index of the first value of the last class when the first l
    // values are cut into j classes; cost[l][j]: the least sum of squared deviations.
    let mut lower = vec![vec![0usize; k + 1]; n + 1];
    let mut cost = vec![vec![f64::INFINITY; k + 1]; n + 1];
    for j in 1..=k {
        lower[1][j] = 1;
        cost[1][j] = 0.0;
    }
    for l in 2..=n {
        let (mut sum, mut sum_sq, mut w) = (0.0, 0.0, 0.0);
        let mut ssd = 0.0;
        for m in 1..=l {
            let first = l - m + 1;
            let x = v[first - 1];
            w += 1.0;
            sum += x;
            sum_sq += x * x;
            ssd = (sum_sq - sum * sum / w).max(0.0);
            let before = first - 1;
            if before != 0 {
                for j in 2..=k {
                    let c = ssd + cost[before][j - 1];
                    if c <= cost[l][j] {
                        lower[l][j] = first;
                        cost[l][j] = c;
                    }
                }
            }
        }
        lower[l][1] = 1;
        cost[l][1] = ssd;
    }
    let mut b = vec![0.0; k + 1];
    b[0] = v[0];
    b[k] = v[n - 1];
    let mut end = n;
    for j in (2..=k).rev() {
        let first = lower[end][j];
        b[j - 1] = v[first - 2];
        end = first - 1;
    }
    dedup(b)
}

/// The class of `value` for `breaks` (0-based), `None` when there are no breaks.
pub fn class_of(value: f64, breaks: &[f64]) -> Option<usize> {
    if breaks.len() < 2 || !value.is_finite() {
        return None;
    }
    let classes = breaks.len() - 1;
    Some(
        (1..breaks.len())
            .find(|&i| value <= breaks[i])
            .map(|i| i - 1)
            .unwrap_or(classes - 1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn jenks_finds_obvious_clusters() {
        let v = [1.0, 2.0, 3.0, 10.0, 11.0, 12.0, 20.0, 21.0, 22.0];
        assert_eq!(jenks_breaks(&v, 3), vec![1.0, 3.0, 12.0, 22.0]);
        assert_eq!(
            jenks_breaks(&[22.0, 1.0, 21.0, 2.0, 20.0, 3.0], 2),
            vec![1.0, 3.0, 22.0]
        );
    }

    #[test]
    fn jenks_beats_or_matches_every_other_two_way_cut() {
        let v = [0.0, 4.0, 5.0, 6.0, 30.0, 31.0, 90.0];
        let b = jenks_breaks(&v, 2);
        let ssd = |c: &[f64]| {
            let m = c.iter().sum::<f64>() / c.len() as f64;
            c.iter().map(|x| (x - m).powi(2)).sum::<f64>()
        };
        let best = (1..v.len())
            .map(|i| ssd(&v[..i]) + ssd(&v[i..]))
            .fold(f64::MAX, f64::min);
        let cut = v.iter().position(|x| *x > b[1]).unwrap();
        assert!((ssd(&v[..cut]) + ssd(&v[cut..]) - best).abs() < 1e-9);
    }

    #[test]
    fn quantiles_split_evenly() {
        let v: Vec<f64> = (1..=8).map(f64::from).collect();
        assert_eq!(quantile_breaks(&v, 4), vec![1.0, 2.75, 4.5, 6.25, 8.0]);
        assert_eq!(quantile_breaks(&[5.0, 5.0, 5.0], 4), vec![5.0, 5.0]);
        assert_eq!(
            equal_interval_breaks(&[0.0, 10.0], 5),
            vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
        );
        assert!(quantile_breaks(&[], 4).is_empty());
        assert!(jenks_breaks(&[f64::NAN], 4).is_empty());
    }

    #[test]
    fn classes_include_their_upper_bound() {
        let b = [0.0, 10.0, 20.0];
        assert_eq!(class_of(0.0, &b), Some(0));
        assert_eq!(class_of(10.0, &b), Some(0));
        assert_eq!(class_of(10.5, &b), Some(1));
        assert_eq!(class_of(20.0, &b), Some(1));
        assert_eq!(class_of(5.0, &[5.0, 5.0]), Some(0));
        assert_eq!(class_of(5.0, &[]), None);
    }

    fn methods(k: usize) -> [Classification; 3] {
        [
            Classification::Quantiles(k),
            Classification::Jenks(k),
            Classification::EqualIntervals(k),
        ]
    }

    proptest! {
        #[test]
        fn breaks_are_monotone_and_cover_the_data(
            values in prop::collection::vec(prop_oneof![0.0f64..100.0, (0u32..5).prop_map(f64::from), -1e6f64..1e6], 1..60),
            k in 1usize..8,
        ) {
            let lo = values.iter().copied().fold(f64::MAX, f64::min);
            let hi = values.iter().copied().fold(f64::MIN, f64::max);
            for m in methods(k) {
                let b = m.breaks(&values);
                prop_assert!(b.len() >= 2 && b.len() <= k + 1, "{:?}: {:?}", m, b);
                prop_assert_eq!(b[0], lo);
                prop_assert_eq!(*b.last().unwrap(), hi);
                for w in b.windows(2) {
                    prop_assert!(w[0] <= w[1], "{:?}: {:?}", m, b);
                }
                if b.len() > 2 {
                    for w in b.windows(2) {
                        prop_assert!(w[0] < w[1], "{:?}: repeated bound {:?}", m, b);
                    }
                }
                for v in &values {
                    let c = class_of(*v, &b).unwrap();
                    prop_assert!(c < b.len() - 1);
                    prop_assert!(*v >= b[c] && *v <= b[c + 1]);
                }
            }
        }

        #[test]
        fn jenks_classes_are_never_empty(values in prop::collection::vec(0u32..50, 1..40), k in 1usize..7) {
            let values: Vec<f64> = values.into_iter().map(f64::from).collect();
            let b = jenks_breaks(&values, k);
            for c in 0..b.len() - 1 {
                prop_assert!(values.iter().any(|v| class_of(*v, &b) == Some(c)), "class {} of {:?} empty", c, b);
            }
        }
    }
}
