//! Name text for person matching, pure and without I/O: one person's name written in
//! Arabic script, in Latin script (French or English transliteration habits), or both.
//!
//! # Modules
//!
//! - [`normalize`]: Arabic normalisation (diacritics, tatweel, alef and hamza forms, ta
//!   marbuta, alef maqsura, digits) and Latin normalisation (case, accents, apostrophes,
//!   hyphens), one function for text in either script or both.
//! - [`parts`]: name parts: particles (ال, بن, عبد, أبو, ولد, El, Ben, Ould, Ait, Abdel, Bou…)
//!   attached to the word after them, and the article stripped for keys.
//! - [`phonetic`]: the class alphabet shared by both scripts: a consonant skeleton
//!   (محمد, Mohammed, Muhamad → `MHMD`) and a folded spelling that keeps vowels.
//! - [`similarity`]: Jaro–Winkler and Levenshtein, and the 0..1 similarity of two name
//!   parts in any pair of scripts ([`similarity::part_similarity`]).
//! - [`variants`]: the embedded sample of observed Latin spellings of Arabic names
//!   (`data/names/name_variants.csv`), an extra cross-script lookup, never a dictionary.
//!
//! A name part is prepared once into a [`NamePart`] (hashes, skeletons, folded spelling)
//! so that comparing two parts allocates nothing.

pub mod normalize;
pub mod parts;
pub mod phonetic;
pub mod similarity;
pub mod variants;

pub use normalize::{Script, normalize, script_of};
pub use parts::{NamePart, name_tokens};
pub use phonetic::{Skeleton, fold, skeleton};
pub use similarity::{
    PartMatch, SIMILAR_THRESHOLD, jaro_winkler, levenshtein, part_match, part_similarity,
};
