//! Name parts: the words of a given or family name, with their particles attached, and a
//! [`NamePart`] prepared once for comparisons.
//!
//! Particles are kept as parts of the name and attached to the word after them, so that
//! `Ben Ali`, `Benali` and `بن علي` are one token (`benali`, `بنعلي`) and `عبد الله`,
//! `Abd Allah`, `Abdallah` are one token too. Arabic: ال, بن, ابن, بنت, عبد, ابو, ولد,
//! ايت, بو. Latin: el, al, ben, bin, ibn, bent, bint, ould, ait, abd, abdel, abdul,
//! abdal, abou, abu, bou, ou. A particle standing last stays a word of its own.
//!
//! For keys, a leading article (ال, el, al) is also removed (`El Idrissi` → `idrissi`),
//! when at least two letters remain; both forms are kept since ال also begins names that
//! have no article (الياس).

use crate::normalize::{Script, normalize, script_of};
use crate::phonetic::{Skeleton, fold, skeleton};

const ARABIC_PARTICLES: &[&str] = &["ال", "بن", "ابن", "بنت", "عبد", "ابو", "ولد", "ايت", "بو"];
const LATIN_PARTICLES: &[&str] = &[
    "el", "al", "ben", "bin", "ibn", "bent", "bint", "ould", "ait", "abd", "abdel", "abdul",
    "abdal", "abou", "abu", "bou", "ou",
];

/// Whether a normalised word is a particle attached to the next word.
pub fn is_particle(word: &str) -> bool {
    ARABIC_PARTICLES.contains(&word) || LATIN_PARTICLES.contains(&word)
}

/// What joins a particle to the next word inside a token (`ben_ali`): ignored by hashes,
/// it keeps the letters on either side from reading as a digraph (Ait Hada is not "th").
pub const JOINER: char = '_';

/// The tokens of a name: normalised words with particles attached to the word after them
/// by [`JOINER`].
pub fn name_tokens(s: &str) -> Vec<String> {
    tokens_of_normalized(&normalize(s))
}

/// [`name_tokens`] of text already normalised.
fn tokens_of_normalized(norm: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for w in norm.split(' ').filter(|w| !w.is_empty()) {
        pending.push_str(w);
        if is_particle(w) {
            pending.push(JOINER);
        } else {
            out.push(std::mem::take(&mut pending));
        }
    }
    if !pending.is_empty() {
        pending.pop();
        out.push(pending);
    }
    out
}

/// A token without its leading article, if it has one and two letters or more remain:
/// ال in Arabic, `el` glued in Latin (a glued `al` is left: Alaoui, Alami, Allal are
/// written so without an article).
pub fn strip_article(token: &str) -> Option<&str> {
    let rest = token
        .strip_prefix("ال")
        .or_else(|| token.strip_prefix("el"))?
        .trim_start_matches(JOINER);
    (rest.chars().count() >= 2).then_some(rest)
}

/// The joined tokens of a name without its article: the first word when it is `el`, `al`
/// or ال standing apart (`El Alaoui`, `Al-Idrissi`), else [`strip_article`] of the first
/// token.
pub fn article_removed(raw: &str, tokens: &[String]) -> Option<String> {
    removed_from_normalized(&normalize(raw), tokens)
}

fn removed_from_normalized(norm: &str, tokens: &[String]) -> Option<String> {
    let mut words = norm.split(' ').filter(|w| !w.is_empty());
    let first = words.next()?;
    let rest: String = if matches!(first, "el" | "al" | "ال") && norm.contains(' ') {
        words.collect::<Vec<_>>().join(" ")
    } else {
        let head = strip_article(tokens.first()?)?;
        let mut s = head.to_owned();
        for t in &tokens[1..] {
            s.push_str(t);
        }
        return Some(s);
    };
    let joined = tokens_of_normalized(&rest).concat();
    (joined.chars().count() >= 2).then_some(joined)
}

/// FNV-1a, 64 bits: a stable hash of normalised text ([`JOINER`] ignored).
pub fn text_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes().filter(|&b| b != JOINER as u8) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// One name part (a given name or a family name, possibly of several words) in one
/// script, prepared for comparison.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct NamePart {
    /// The script it is written in.
    pub script: Option<Script>,
    /// Hash of the tokens joined, article removed: equal hashes are the same spelling.
    pub hash: u64,
    /// Hash of the tokens joined, article kept (for the table of observed spellings).
    pub hash_full: u64,
    /// Skeleton of the joined tokens, article removed.
    pub skeleton: Skeleton,
    /// Skeleton of the joined tokens, article kept.
    pub skeleton_full: Skeleton,
    /// Folded spelling of the joined tokens (article removed), compared within a script;
    /// held inline (cut at [`FOLDED_MAX`] units) so that comparing follows no pointer.
    folded: [u8; FOLDED_MAX],
    folded_len: u8,
}

/// Most units of a folded spelling kept in a [`NamePart`].
pub const FOLDED_MAX: usize = 22;

impl NamePart {
    /// Prepares a name part from raw text; `None` when it holds no letter.
    pub fn new(raw: &str) -> Option<NamePart> {
        let norm = normalize(raw);
        let tokens = tokens_of_normalized(&norm);
        if tokens.is_empty() {
            return None;
        }
        let full = tokens.concat();
        let script = script_of(&full);
        let stripped = removed_from_normalized(&norm, &tokens).unwrap_or_else(|| full.clone());
        let units = fold(&stripped, script);
        let mut folded = [0u8; FOLDED_MAX];
        let folded_len = units.len().min(FOLDED_MAX);
        folded[..folded_len].copy_from_slice(&units[..folded_len]);
        Some(NamePart {
            script: Some(script),
            hash: text_hash(&stripped),
            hash_full: text_hash(&full),
            skeleton: skeleton(&stripped, script),
            skeleton_full: skeleton(&full, script),
            folded,
            folded_len: folded_len as u8,
        })
    }

    /// The skeleton used as a key (article removed), or the article-kept one when the
    /// removed form has no consonant.
    pub fn key(&self) -> Skeleton {
        if self.skeleton.is_empty() {
            self.skeleton_full
        } else {
            self.skeleton
        }
    }

    /// The folded spelling (see [`crate::phonetic::fold`]), article removed.
    pub fn folded(&self) -> &[u8] {
        &self.folded[..self.folded_len as usize]
    }

    /// Whether this part is written in Arabic script.
    pub fn is_arabic(&self) -> bool {
        self.script == Some(Script::Arabic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_attach_to_the_next_word() {
        assert_eq!(name_tokens("Ben Ali"), ["ben_ali"]);
        assert_eq!(name_tokens("بن علي"), ["بن_علي"]);
        assert_eq!(name_tokens("عبد الله"), ["عبد_الله"]);
        assert_eq!(name_tokens("Abd El Kader"), ["abd_el_kader"]);
        assert_eq!(name_tokens("El-Idrissi"), ["el_idrissi"]);
        assert_eq!(name_tokens("Ould Cheikh"), ["ould_cheikh"]);
        assert_eq!(name_tokens("أبو بكر"), ["ابو_بكر"]);
        assert_eq!(name_tokens("Fatima Zahra"), ["fatima", "zahra"]);
        assert_eq!(name_tokens("Mohamed Ben"), ["mohamed", "ben"]);
        assert!(name_tokens(" - ").is_empty());
        assert_eq!(text_hash("ben_ali"), text_hash("benali"));
        let k = |s: &str| NamePart::new(s).unwrap().key();
        assert_eq!(k("Ait Hada"), k("آيت حدة"));
        assert_eq!(k("Ben Ali"), k("Benali"));
    }

    #[test]
    fn the_article_is_removed_for_keys() {
        assert_eq!(strip_article("elidrissi"), Some("idrissi"));
        assert_eq!(strip_article("el_idrissi"), Some("idrissi"));
        assert_eq!(strip_article("العلوي"), Some("علوي"));
        assert_eq!(strip_article("ali"), None);
        assert_eq!(strip_article("alaoui"), None);
        let a = NamePart::new("Alaoui").unwrap();
        assert_eq!(a.hash, NamePart::new("El Alaoui").unwrap().hash);
        assert_eq!(a.hash, NamePart::new("Al-Alaoui").unwrap().hash);
        assert_eq!(strip_article("el"), None);
        let a = NamePart::new("El Idrissi").unwrap();
        let b = NamePart::new("Idrissi").unwrap();
        let c = NamePart::new("الإدريسي").unwrap();
        assert_eq!(a.hash, b.hash);
        assert_eq!(a.key(), c.key());
    }

    #[test]
    fn alaoui_shares_one_key_in_both_scripts() {
        let keys: Vec<_> = ["العلوي", "Alaoui", "El Alaoui", "Elalaoui", "علوي"]
            .iter()
            .map(|s| NamePart::new(s).unwrap().key())
            .collect();
        assert!(keys.windows(2).all(|w| w[0] == w[1]), "{keys:?}");
    }

    #[test]
    fn mohamed_and_ahmed_fatima_and_fatiha_have_different_keys() {
        let k = |s: &str| NamePart::new(s).unwrap().key();
        assert_ne!(k("Mohamed"), k("Ahmed"));
        assert_ne!(k("محمد"), k("أحمد"));
        assert_ne!(k("Fatima"), k("Fatiha"));
        assert_ne!(k("فاطمة"), k("فتيحة"));
        assert_eq!(k("Mohamed"), k("محمد"));
        assert_eq!(k("Fatima"), k("فاطمة"));
    }
}
