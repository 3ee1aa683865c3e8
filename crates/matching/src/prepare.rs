//! A record prepared once for comparisons: name parts with their skeletons, compact
//! codes for the other fields.

use crate::record::{BirthDate, NationalId, PersonRecord, Sex};
use jisr_text::NamePart;
use jisr_text::parts::text_hash;

/// Index of the Latin rendering in [`Prepared::given`] and [`Prepared::family`].
pub const LAT: usize = 0;
/// Index of the Arabic rendering.
pub const AR: usize = 1;

/// The comparable form of a [`PersonRecord`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prepared {
    /// Given name: Latin, Arabic.
    pub given: [Option<NamePart>; 2],
    /// Family name: Latin, Arabic.
    pub family: [Option<NamePart>; 2],
    /// Birth date, the 1 January placeholder read as year only.
    pub birth: BirthDate,
    /// Sex.
    pub sex: Option<Sex>,
    /// National ID.
    pub national_id: Option<NationalId>,
    /// Hash of the commune code.
    pub commune: Option<u64>,
    /// Hash of the province code.
    pub province: Option<u64>,
    /// Hash of the household id.
    pub household: Option<u64>,
}

impl Prepared {
    /// Prepares one record.
    pub fn new(r: &PersonRecord) -> Prepared {
        Prepared {
            given: [NamePart::new(&r.given_lat), NamePart::new(&r.given_ar)],
            family: [NamePart::new(&r.family_lat), NamePart::new(&r.family_ar)],
            birth: r.birth.effective(),
            sex: r.sex,
            national_id: r.national_id,
            commune: r.commune.as_ref().map(|c| text_hash(c.as_str())),
            province: r.commune.as_ref().map(|c| text_hash(c.province())),
            household: r
                .household
                .as_deref()
                .filter(|h| !h.trim().is_empty())
                .map(|h| text_hash(h.trim())),
        }
    }

    /// The skeleton keys of the given name, in both scripts (duplicates removed).
    pub fn given_keys(&self) -> Vec<u64> {
        keys(&self.given)
    }

    /// The skeleton keys of the family name, in both scripts (duplicates removed).
    pub fn family_keys(&self) -> Vec<u64> {
        keys(&self.family)
    }

    /// Whether the record has any name at all.
    pub fn has_name(&self) -> bool {
        self.given.iter().chain(&self.family).any(Option::is_some)
    }
}

/// Skeleton keys of a name part in both scripts: the key with the article removed and the
/// one with it kept (ال also begins names without an article).
fn keys(parts: &[Option<NamePart>; 2]) -> Vec<u64> {
    let mut out = Vec::with_capacity(4);
    for p in parts.iter().flatten() {
        for s in [p.key(), p.skeleton_full] {
            if !s.is_empty() && !out.contains(&s.0) {
                out.push(s.0);
            }
        }
    }
    out
}

/// Prepares many records on all cores.
pub fn prepare_all(records: &[PersonRecord]) -> Vec<Prepared> {
    crate::par::map_chunks(records, Prepared::new)
}
