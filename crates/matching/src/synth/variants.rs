//! Spelling variants made by rules: transliteration habits, particles spaced or glued,
//! the article added or dropped, typos; and in Arabic, hamza and ta marbuta habits, the
//! article dropped, particles glued, typos.

use rand::Rng;
use rand::seq::IndexedRandom;

const VOWELS: &[u8] = b"aeiouy";

fn is_vowel(c: u8) -> bool {
    VOWELS.contains(&c)
}

/// Replaces the first occurrence of `from` at or after a random start, if any.
fn replace_one(s: &str, from: &str, to: &str, rng: &mut impl Rng) -> String {
    let hits: Vec<usize> = s.match_indices(from).map(|(i, _)| i).collect();
    match hits.choose(rng) {
        Some(&i) => format!("{}{}{}", &s[..i], to, &s[i + from.len()..]),
        None => s.to_owned(),
    }
}

/// A Latin spelling of a canonical lower-case name by transliteration habits, each
/// applied with a probability scaled by `intensity` (0..1).
pub fn latin_habits(canonical: &str, intensity: f64, rng: &mut impl Rng) -> String {
    let mut s = canonical.to_lowercase();
    let p = |base: f64| (base * intensity).clamp(0.0, 1.0);
    if rng.random_bool(p(0.3)) && s.contains("ou") {
        s = replace_one(&s, "ou", if rng.random_bool(0.5) { "u" } else { "oo" }, rng);
    } else if rng.random_bool(p(0.15)) && s.contains('u') && !s.contains("ou") {
        s = replace_one(&s, "u", "ou", rng);
    } else if rng.random_bool(p(0.15)) && s.contains('o') && !s.contains("ou") {
        s = replace_one(&s, "o", "ou", rng);
    }
    if rng.random_bool(p(0.35)) {
        // One inner e ↔ a.
        let b = s.as_bytes();
        let spots: Vec<usize> = (1..b.len())
            .filter(|&i| b[i] == b'e' || (b[i] == b'a' && i + 1 < b.len()))
            .collect();
        if let Some(&i) = spots.choose(rng) {
            let to = if b[i] == b'e' { "a" } else { "e" };
            s = format!("{}{}{}", &s[..i], to, &s[i + 1..]);
        }
    }
    if rng.random_bool(p(0.15)) && s.contains('i') {
        s = replace_one(&s, "i", if rng.random_bool(0.6) { "y" } else { "ee" }, rng);
    } else if rng.random_bool(p(0.2)) && s[1..].contains('y') {
        s = format!("{}{}", &s[..1], s[1..].replacen('y', "i", 1));
    }
    if rng.random_bool(p(0.35)) {
        // Collapse one doubled consonant, or double one between vowels.
        let b = s.as_bytes().to_vec();
        let doubled: Vec<usize> = (1..b.len())
            .filter(|&i| b[i] == b[i - 1] && !is_vowel(b[i]))
            .collect();
        if let Some(&i) = doubled.choose(rng) {
            s = format!("{}{}", &s[..i], &s[i + 1..]);
        } else {
            let single: Vec<usize> = (1..b.len().saturating_sub(1))
                .filter(|&i| {
                    !is_vowel(b[i])
                        && is_vowel(b[i - 1])
                        && is_vowel(b[i + 1])
                        && b"lmnrstbdkz".contains(&b[i])
                })
                .collect();
            if let Some(&i) = single.choose(rng) {
                s = format!("{}{}", &s[..=i], &s[i..]);
            }
        }
    }
    if rng.random_bool(p(0.4)) && s.contains("ch") {
        s = replace_one(&s, "ch", "sh", rng);
    }
    if rng.random_bool(p(0.2)) && s.starts_with('j') {
        s = format!("dj{}", &s[1..]);
    }
    if rng.random_bool(p(0.3)) && s.contains('k') && !s.contains("kh") {
        s = replace_one(&s, "k", if rng.random_bool(0.7) { "q" } else { "c" }, rng);
    } else if rng.random_bool(p(0.3)) && s.contains('q') {
        s = replace_one(&s, "q", "k", rng);
    }
    if rng.random_bool(p(0.3)) {
        let last = *s.as_bytes().last().unwrap_or(&b'a');
        if last == b'e' && s.len() > 3 {
            s.pop();
        } else if !is_vowel(last) {
            s.push('e');
        }
    }
    s
}

/// Particles at the start of a Latin name, spaced, hyphenated or glued at random.
pub fn latin_particles(s: &str, intensity: f64, rng: &mut impl Rng) -> String {
    if !rng.random_bool((0.5 * intensity).clamp(0.0, 1.0)) {
        return s.to_owned();
    }
    for prefix in ["abdel", "abd", "ben", "ait", "bou", "ould", "el"] {
        if let Some(rest) = s.strip_prefix(prefix)
            && rest.len() >= 3
        {
            let sep = *[" ", "-", ""].choose(rng).unwrap_or(&" ");
            let head = if prefix == "abdel" && rng.random_bool(0.3) {
                "abd el"
            } else {
                prefix
            };
            return format!("{head}{sep}{rest}");
        }
    }
    s.to_owned()
}

/// A typo: a letter deleted, two neighbours swapped, one replaced or doubled.
pub fn typo(s: &str, rng: &mut impl Rng) -> String {
    let mut c: Vec<char> = s.chars().collect();
    if c.len() < 3 {
        return s.to_owned();
    }
    let i = rng.random_range(1..c.len());
    match rng.random_range(0..4) {
        0 => {
            c.remove(i);
        }
        1 => c.swap(i - 1, i),
        2 => {
            let letters: Vec<char> = if c.iter().any(|&x| x.is_ascii_alphabetic()) {
                "abdefhiklmnorstuz".chars().collect()
            } else {
                "ابتدرسعفقلمنهوي".chars().collect()
            };
            c[i] = *letters.choose(rng).unwrap_or(&'a');
        }
        _ => c.insert(i, c[i]),
    }
    c.into_iter().collect()
}

/// Capitalises each word, or writes the whole name in capitals.
pub fn latin_case(s: &str, rng: &mut impl Rng) -> String {
    if rng.random_bool(0.15) {
        return s.to_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for ch in s.chars() {
        if start {
            out.extend(ch.to_uppercase());
        } else {
            out.push(ch);
        }
        start = ch == ' ' || ch == '-';
    }
    out
}

/// An Arabic spelling with register habits: hamza on the first alef added or dropped,
/// ة ↔ ه and ى ↔ ي at the end, the article dropped, particles glued or spaced, rarely a
/// vowel mark.
pub fn arabic_habits(s: &str, intensity: f64, rng: &mut impl Rng) -> String {
    let p = |base: f64| (base * intensity).clamp(0.0, 1.0);
    let mut out = s.to_owned();
    if rng.random_bool(p(0.3)) {
        if let Some(rest) = out.strip_prefix('أ').or_else(|| out.strip_prefix('إ')) {
            out = format!("ا{rest}");
        } else if let Some(rest) = out.strip_prefix('ا')
            && !rest.starts_with('ل')
        {
            out = format!("أ{rest}");
        }
    }
    if rng.random_bool(p(0.3)) {
        if let Some(rest) = out.strip_suffix('ة') {
            out = format!("{rest}ه");
        } else if let Some(rest) = out.strip_suffix('ى') {
            out = format!("{rest}ي");
        }
    }
    if rng.random_bool(p(0.15))
        && let Some(rest) = out.strip_prefix("ال")
        && rest.chars().count() >= 3
    {
        out = rest.to_owned();
    }
    if rng.random_bool(p(0.4)) {
        for particle in ["عبد", "بن", "آيت", "بو", "ولد"] {
            if let Some(rest) = out.strip_prefix(&format!("{particle} ")) {
                out = format!("{particle}{rest}");
                break;
            } else if let Some(rest) = out.strip_prefix(particle)
                && rest.chars().count() >= 3
                && particle != "بو"
            {
                out = format!("{particle} {rest}");
                break;
            }
        }
    }
    if rng.random_bool(p(0.05)) {
        // A shadda or a fatha after the second letter.
        let mut c: Vec<char> = out.chars().collect();
        if c.len() > 2 {
            c.insert(
                2,
                if rng.random_bool(0.5) {
                    '\u{0651}'
                } else {
                    '\u{064E}'
                },
            );
            out = c.into_iter().collect();
        }
    }
    out
}
