//! Value scales with nice ticks, and category bands.

use crate::frame::Direction;

/// Ticks of a value axis: from `min` to `max` by `step`, where `step` is 1, 2 or 5 times
/// a power of ten and zero is always inside `min..=max` (bars start at zero).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ticks {
    /// First tick (zero or below).
    pub min: f64,
    /// Last tick (zero or above).
    pub max: f64,
    /// Distance between ticks.
    pub step: f64,
}

impl Ticks {
    /// Nice ticks covering `lo..=hi` and zero, with about `target` intervals (at least 1).
    /// Non-finite bounds are ignored; an empty or all-zero range gives `0..=1`.
    pub fn nice(lo: f64, hi: f64, target: usize) -> Ticks {
        Ticks::nice_with_min_step(lo, hi, target, 0.0)
    }

    /// Nice ticks for `values`: whole numbers only (steps of at least 1) when every value
    /// is a whole number, so counts never get a "0.5" tick, nor a formatter for whole
    /// numbers two ticks with the same label.
    pub fn for_values(values: impl IntoIterator<Item = f64>, target: usize) -> Ticks {
        let (mut lo, mut hi, mut whole) = (0.0f64, 0.0f64, true);
        for v in values.into_iter().filter(|v| v.is_finite()) {
            lo = lo.min(v);
            hi = hi.max(v);
            whole &= v.fract() == 0.0;
        }
        Ticks::nice_with_min_step(lo, hi, target, if whole { 1.0 } else { 0.0 })
    }

    /// Like [`Ticks::nice`], with a step of at least `min_step` (itself a nice step, e.g.
    /// 1 for counts).
    pub fn nice_with_min_step(lo: f64, hi: f64, target: usize, min_step: f64) -> Ticks {
        let lo = if lo.is_finite() { lo.min(0.0) } else { 0.0 };
        let hi = if hi.is_finite() { hi.max(0.0) } else { 0.0 };
        let (lo, hi) = if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
            (lo, lo + 1.0)
        } else {
            (lo, hi)
        };
        let raw = (hi - lo) / target.max(1) as f64;
        let magnitude = 10f64.powf(raw.log10().floor());
        let normalized = raw / magnitude;
        let mantissa = if normalized <= 1.0 {
            1.0
        } else if normalized <= 2.0 {
            2.0
        } else if normalized <= 5.0 {
            5.0
        } else {
            10.0
        };
        let step = (mantissa * magnitude).max(min_step);
        let mut min = clean((lo / step + 1e-9).floor() * step, step);
        let mut max = clean((hi / step - 1e-9).ceil() * step, step);
        if min > lo {
            min = clean(min - step, step);
        }
        if max < hi {
            max = clean(max + step, step);
        }
        Ticks { min, max, step }
    }

    /// The tick values, from `min` to `max`.
    pub fn values(&self) -> Vec<f64> {
        let count = ((self.max - self.min) / self.step).round() as i64;
        (0..=count)
            .map(|i| clean(self.min + i as f64 * self.step, self.step))
            .collect()
    }

    /// Where `v` falls between `min` (0.0) and `max` (1.0).
    pub fn fraction(&self, v: f64) -> f64 {
        (v - self.min) / (self.max - self.min)
    }
}

/// Rounds away the float noise of `k * step` (e.g. 0.30000000000000004).
fn clean(v: f64, step: f64) -> f64 {
    let decimals = (-step.log10().floor()).max(0.0) as i32 + 1;
    let p = 10f64.powi(decimals);
    let r = (v * p).round() / p;
    if r == 0.0 { 0.0 } else { r }
}

/// The band of category `i` of `count` in `left..right`: `(start x, width)`. In RTL the
/// first category is at the right.
pub(crate) fn band(i: usize, count: usize, left: f64, right: f64, dir: Direction) -> (f64, f64) {
    let w = (right - left) / count.max(1) as f64;
    match dir {
        Direction::Ltr => (left + i as f64 * w, w),
        Direction::Rtl => (right - (i + 1) as f64 * w, w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_ranges() {
        assert_eq!(
            Ticks::nice(0.0, 87.0, 5),
            Ticks {
                min: 0.0,
                max: 100.0,
                step: 20.0
            }
        );
        assert_eq!(Ticks::nice(3.0, 12_400.0, 5).step, 5000.0);
        assert_eq!(
            Ticks::nice(0.0, 0.0, 5),
            Ticks {
                min: 0.0,
                max: 1.0,
                step: 0.2
            }
        );
        assert_eq!(
            Ticks::nice(-3.0, 7.0, 5),
            Ticks {
                min: -4.0,
                max: 8.0,
                step: 2.0
            }
        );
        assert_eq!(
            Ticks::nice(0.0, 1.0, 5).values(),
            vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        );
        assert_eq!(Ticks::nice(0.0, 0.3, 3).values(), vec![0.0, 0.1, 0.2, 0.3]);
    }

    #[test]
    fn counts_get_whole_ticks() {
        assert_eq!(
            Ticks::for_values([1.0, 3.0, 2.0], 5),
            Ticks {
                min: 0.0,
                max: 3.0,
                step: 1.0
            }
        );
        assert_eq!(Ticks::for_values([0.5, 1.5], 5).step, 0.5);
        assert_eq!(
            Ticks::for_values([], 5),
            Ticks {
                min: 0.0,
                max: 1.0,
                step: 1.0
            }
        );
        assert_eq!(Ticks::for_values([f64::NAN, 4.0], 4).step, 1.0);
    }

    #[test]
    fn bands_mirror_in_rtl() {
        assert_eq!(band(0, 4, 0.0, 100.0, Direction::Ltr), (0.0, 25.0));
        assert_eq!(band(0, 4, 0.0, 100.0, Direction::Rtl), (75.0, 25.0));
        assert_eq!(band(3, 4, 0.0, 100.0, Direction::Rtl), (0.0, 25.0));
    }

    proptest! {
        #[test]
        fn ticks_are_nice_and_cover_the_data(a in -1e7f64..1e7, b in -1e7f64..1e7, target in 2usize..10) {
            let (lo, hi) = (a.min(b), a.max(b));
            let t = Ticks::nice(lo, hi, target);
            prop_assert!(t.min <= lo.min(0.0) && t.max >= hi.max(0.0));
            prop_assert!(t.min <= 0.0 && t.max >= 0.0);
            let m = t.step / 10f64.powf(t.step.log10().floor());
            prop_assert!([1.0, 2.0, 5.0, 10.0].iter().any(|x| (m - x).abs() < 1e-6), "step {}", t.step);
            let v = t.values();
            prop_assert!(v.len() >= 2 && v.len() <= 2 * target + 3, "{} ticks for {}", v.len(), target);
            prop_assert!(v.contains(&0.0), "zero is a tick");
            for w in v.windows(2) {
                prop_assert!(((w[1] - w[0]) - t.step).abs() <= t.step * 1e-6);
            }
        }
    }
}
