//! Colours: a categorical palette for series and a sequential one for maps.
//!
//! The series colours are the Okabe–Ito set (told apart by the common colour-vision
//! deficiencies), ordered so that neighbours differ in lightness too and stay apart when
//! printed in grey. Lines add dash patterns; stacked segments have light separators.
//! The map colours are ColorBrewer's single-hue "Blues" ramps, light to dark, which keep
//! their order in grey-scale and for colour-blind readers.

/// Series colours, in order of use (wraps around after six).
pub const SERIES: [&str; 6] = [
    "#0072B2", // blue
    "#E69F00", // orange
    "#009E73", // bluish green
    "#F0E442", // yellow
    "#CC79A7", // reddish purple
    "#D55E00", // vermillion
];

/// Dash patterns for line series, in the same order as [`SERIES`].
pub const DASHES: [&str; 6] = ["", "8 4", "2 3", "10 3 2 3", "5 5", "1 2"];

/// The colour of series `i`.
pub fn series_colour(i: usize) -> &'static str {
    SERIES[i % SERIES.len()]
}

/// The dash pattern of line series `i` (empty: solid).
pub fn series_dash(i: usize) -> &'static str {
    DASHES[i % DASHES.len()]
}

/// The largest number of classes a map can have.
pub const MAX_CLASSES: usize = 7;

/// Sequential colours for `k` classes (1 to [`MAX_CLASSES`]; more are clamped), light to
/// dark.
pub fn sequential(k: usize) -> &'static [&'static str] {
    match k.clamp(1, MAX_CLASSES) {
        1 => &["#6baed6"],
        2 => &["#9ecae1", "#2171b5"],
        3 => &["#deebf7", "#9ecae1", "#3182bd"],
        4 => &["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"],
        5 => &["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],
        6 => &[
            "#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c",
        ],
        _ => &[
            "#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let v = |i: usize| {
            let c = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * v(1) + 0.7152 * v(3) + 0.0722 * v(5)
    }

    #[test]
    fn sequential_ramps_get_darker() {
        for k in 1..=MAX_CLASSES {
            let ramp = sequential(k);
            assert_eq!(ramp.len(), k);
            for w in ramp.windows(2) {
                assert!(luminance(w[0]) > luminance(w[1]), "{w:?}");
            }
        }
    }

    #[test]
    fn neighbouring_series_differ_in_grey() {
        for i in 0..SERIES.len() - 1 {
            let (a, b) = (luminance(SERIES[i]), luminance(SERIES[i + 1]));
            assert!((a - b).abs() > 0.05, "{} and {}", SERIES[i], SERIES[i + 1]);
        }
    }
}
