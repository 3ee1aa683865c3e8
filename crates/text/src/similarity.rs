//! String similarity, and the similarity of two name parts in any pair of scripts.

use crate::parts::NamePart;
use crate::phonetic::Skeleton;
use crate::variants;

/// Similarity at or above which two name parts are taken for spellings of one name.
pub const SIMILAR_THRESHOLD: f64 = 0.85;

/// Levenshtein distance between two byte strings.
pub fn levenshtein(a: &[u8], b: &[u8]) -> usize {
    if a.is_empty() {
        return b.len();
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Jaro–Winkler similarity (0..1) of two byte strings, prefix scale 0.1 over at most 4
/// bytes. Strings longer than 64 bytes are cut.
pub fn jaro_winkler(a: &[u8], b: &[u8]) -> f64 {
    let a = &a[..a.len().min(64)];
    let b = &b[..b.len().min(64)];
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_hit = [false; 64];
    let mut b_hit = [false; 64];
    let mut matches = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_hit[j] && b[j] == ca {
                a_hit[i] = true;
                b_hit[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut j = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        if !a_hit[i] {
            continue;
        }
        while !b_hit[j] {
            j += 1;
        }
        if ca != b[j] {
            transpositions += 1;
        }
        j += 1;
    }
    let m = matches as f64;
    let jaro =
        (m / a.len() as f64 + m / b.len() as f64 + (m - (transpositions / 2) as f64) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

fn skeleton_jw(a: Skeleton, b: Skeleton) -> f64 {
    let (x, n) = a.classes();
    let (y, m) = b.classes();
    jaro_winkler(&x[..n], &y[..m])
}

/// How two name parts agree, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartMatch {
    /// The same spelling in the same script (article aside).
    Exact,
    /// The pair is in the table of observed spellings (Arabic ↔ Latin).
    Observed,
    /// The same consonant skeleton (another spelling, or the other script).
    Key,
    /// Close but not the same skeleton (a typo, a dropped letter…): similarity ≥
    /// [`SIMILAR_THRESHOLD`].
    Similar,
    /// Below the threshold.
    Different,
}

fn same_key(a: &NamePart, b: &NamePart) -> bool {
    let nonempty = |s: Skeleton| !s.is_empty();
    [a.skeleton, a.skeleton_full]
        .iter()
        .any(|&x| nonempty(x) && (x == b.skeleton || x == b.skeleton_full))
}

/// The match level and similarity (0..1) of two name parts, using rules, skeletons and,
/// across scripts, the table of observed spellings.
pub fn part_match(a: &NamePart, b: &NamePart) -> (PartMatch, f64) {
    compare(a, b, true)
}

/// As [`part_match`] without the table of observed spellings: rules and skeletons only.
pub fn part_match_rules(a: &NamePart, b: &NamePart) -> (PartMatch, f64) {
    compare(a, b, false)
}

/// The similarity (0..1) of two name parts in any pair of scripts (see [`part_match`]).
pub fn part_similarity(a: &NamePart, b: &NamePart) -> f64 {
    part_match(a, b).1
}

fn compare(a: &NamePart, b: &NamePart, table: bool) -> (PartMatch, f64) {
    let same_script = a.script == b.script;
    if same_script && a.hash == b.hash {
        return (PartMatch::Exact, 1.0);
    }
    if !same_script && table && variants::observed(a, b) {
        return (PartMatch::Observed, 0.97);
    }
    let key = same_key(a, b);
    if key && !same_script {
        return (PartMatch::Key, 0.95);
    }
    let folded = if same_script {
        jaro_winkler(a.folded(), b.folded())
    } else {
        0.0
    };
    if key && folded >= 0.8 {
        return (PartMatch::Key, 0.95);
    }
    let skel = skeleton_jw(a.skeleton, b.skeleton)
        .max(skeleton_jw(a.skeleton_full, b.skeleton_full))
        .max(skeleton_jw(a.skeleton, b.skeleton_full))
        .max(skeleton_jw(a.skeleton_full, b.skeleton));
    // Below the key level: a near spelling is never as strong as the same skeleton.
    let sim = if same_script {
        folded.max(skel * 0.95)
    } else {
        skel
    } * 0.94;
    let level = if sim >= SIMILAR_THRESHOLD {
        PartMatch::Similar
    } else {
        PartMatch::Different
    };
    (level, sim)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p(s: &str) -> NamePart {
        NamePart::new(s).unwrap()
    }

    #[test]
    fn string_measures_behave() {
        assert_eq!(levenshtein(b"kitten", b"sitting"), 3);
        assert_eq!(levenshtein(b"", b"abc"), 3);
        assert!((jaro_winkler(b"MARTHA", b"MARHTA") - 0.961).abs() < 0.001);
        assert_eq!(jaro_winkler(b"abc", b"xyz"), 0.0);
    }

    #[test]
    fn cross_script_spellings_match() {
        for (ar, lat) in [
            ("محمد", "Mohammed"),
            ("العلوي", "El Alaoui"),
            ("يوسف", "Youssef"),
            ("خديجة", "Khadija"),
            ("الإدريسي", "Idrissi"),
            ("عبد الرحيم", "Abderrahim"),
        ] {
            let (level, sim) = part_match_rules(&p(ar), &p(lat));
            assert!(sim >= SIMILAR_THRESHOLD, "{ar} {lat} {level:?} {sim}");
        }
    }

    #[test]
    fn a_typo_is_similar_not_a_key() {
        let (level, sim) = part_match(&p("Mohamed"), &p("Mohamd"));
        assert!(
            level <= PartMatch::Similar && sim >= SIMILAR_THRESHOLD,
            "{level:?} {sim}"
        );
        let (level, _) = part_match(&p("Benjelloun"), &p("Benjeloun"));
        assert_eq!(level, PartMatch::Key);
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("Karim", "Samira"),
            ("خالد", "Rachid"),
            ("Fatima", "Khadija"),
        ] {
            let (level, sim) = part_match(&p(a), &p(b));
            assert_eq!(level, PartMatch::Different, "{a} {b} {sim}");
        }
    }

    proptest! {
        #[test]
        fn similarity_is_symmetric_and_bounded(a in "[a-z]{1,10}", b in "[a-z]{1,10}") {
            let (x, y) = (p(&a), p(&b));
            let s = part_similarity(&x, &y);
            prop_assert!((0.0..=1.0).contains(&s));
            prop_assert!((s - part_similarity(&y, &x)).abs() < 1e-9);
        }

        #[test]
        fn a_name_matches_itself_exactly(a in "[a-z]{1,10}( [a-z]{1,10})?") {
            prop_assert_eq!(part_match(&p(&a), &p(&a)).0, PartMatch::Exact);
        }
    }
}
