//! An in-memory search index: name skeleton keys and national IDs → records.
//!
//! A query is free text: any spelling of a name, in either script, in any order, and
//! possibly a national ID. Each name word gives its skeleton keys; the records holding
//! every word's key are scored (a word typed with a typo may miss: then the records of the
//! rarest word are scored too), by the mean over the words of their best similarity to
//! the record's name parts in any script. A known birth year breaks ties between
//! homonyms. A national ID found in the text ranks its records first.

use crate::prepare::Prepared;
use crate::record::NationalId;
use jisr_text::{NamePart, PartMatch, name_tokens, part_match};
use std::collections::HashMap;

/// Most records scored for one query.
pub const MAX_SCORED: usize = 5_000;

/// What is searched for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Names in any script and order, and possibly a national ID.
    pub text: String,
    /// The birth year when known.
    pub birth_year: Option<u16>,
    /// The full birth date when known (it also gives the year).
    pub birth_date: Option<crate::BirthDate>,
}

/// One result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// Index of the record.
    pub record: u32,
    /// 0..1 (a little more with a birth-year or ID bonus), higher first.
    pub score: f64,
    /// Whether the national ID of the query is the record's.
    pub by_national_id: bool,
}

/// The index.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    names: HashMap<u64, Vec<u32>>,
    ids: HashMap<NationalId, Vec<u32>>,
    /// Birth year of each record, 0 when unknown: a compact column for filtering.
    years: Vec<u16>,
}

/// Sorted union of sorted lists.
fn union(lists: &[&[u32]]) -> Vec<u32> {
    let mut out: Vec<u32> = lists.iter().flat_map(|l| l.iter().copied()).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Sorted intersection of two sorted lists.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn part_keys(p: &NamePart) -> impl Iterator<Item = u64> {
    let k = p.key();
    let full = p.skeleton_full;
    [k, full]
        .into_iter()
        .enumerate()
        .filter(move |(i, s)| !s.is_empty() && (*i == 0 || *s != k))
        .map(|(_, s)| s.0)
}

impl SearchIndex {
    /// Indexes the records by the skeleton keys of their names (given and family alike)
    /// and their national IDs.
    pub fn build(records: &[Prepared]) -> SearchIndex {
        let mut names: HashMap<u64, Vec<u32>> = HashMap::new();
        let mut ids: HashMap<NationalId, Vec<u32>> = HashMap::new();
        let mut keys = Vec::new();
        for (i, r) in records.iter().enumerate() {
            keys.clear();
            for p in r.given.iter().chain(&r.family).flatten() {
                keys.extend(part_keys(p));
            }
            keys.sort_unstable();
            keys.dedup();
            for &k in &keys {
                names.entry(k).or_default().push(i as u32);
            }
            if let Some(id) = r.national_id {
                ids.entry(id).or_default().push(i as u32);
            }
        }
        let years = records
            .iter()
            .map(|r| r.birth.year().unwrap_or(0))
            .collect();
        SearchIndex { names, ids, years }
    }

    fn postings(&self, p: &NamePart) -> Vec<u32> {
        let lists: Vec<&[u32]> = part_keys(p)
            .filter_map(|k| self.names.get(&k).map(Vec::as_slice))
            .collect();
        match lists.as_slice() {
            [] => Vec::new(),
            [one] => one.to_vec(),
            _ => union(&lists),
        }
    }

    /// Records whose names share every word's key, or failing that the rarest word's.
    pub fn name_candidates(&self, words: &[NamePart]) -> Vec<u32> {
        let mut lists: Vec<Vec<u32>> = words.iter().map(|w| self.postings(w)).collect();
        lists.retain(|l| !l.is_empty());
        lists.sort_by_key(Vec::len);
        let Some(first) = lists.first() else {
            return Vec::new();
        };
        let mut all = first.clone();
        for l in &lists[1..] {
            all = intersect(&all, l);
        }
        if all.len() < 10 && lists.len() > 1 {
            let mut more = first.clone();
            more.truncate(MAX_SCORED);
            all = union(&[&all, &more]);
        }
        all
    }

    /// Records sharing at least one word's key and born within a year of `year`: with a
    /// known year, a word mistyped past its key still finds its record through the others.
    fn near_year(&self, words: &[NamePart], year: u16) -> Vec<u32> {
        let mut out = Vec::new();
        for w in words {
            for k in part_keys(w) {
                if let Some(list) = self.names.get(&k) {
                    out.extend(list.iter().copied().filter(|&i| {
                        let y = self.years.get(i as usize).copied().unwrap_or(0);
                        y != 0 && y.abs_diff(year) <= 1
                    }));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The records to score for name words and a birth year when known: those sharing
    /// every word's key (see [`SearchIndex::name_candidates`]) and, with a year, those
    /// sharing one word's key born within a year of it; when there are more than
    /// [`MAX_SCORED`], the ones of the right years come first.
    pub fn candidates(&self, words: &[NamePart], year: Option<u16>) -> Vec<u32> {
        let mut candidates = self.name_candidates(words);
        if let Some(y) = year
            && words.len() > 1
        {
            let near = self.near_year(words, y);
            candidates = union(&[&candidates, &near]);
            if candidates.len() > MAX_SCORED {
                let years = &self.years;
                candidates.sort_by_key(|&i| {
                    let ry = years.get(i as usize).copied().unwrap_or(0);
                    (ry == 0 || ry.abs_diff(y) > 1, i)
                });
            }
        }
        candidates
    }

    /// Records holding a national ID.
    pub fn by_national_id(&self, id: &NationalId) -> &[u32] {
        self.ids.get(id).map_or(&[], Vec::as_slice)
    }

    /// Answers a query with at most `limit` hits, best first.
    pub fn search(&self, records: &[Prepared], q: &Query, limit: usize) -> Vec<Hit> {
        let mut words = Vec::new();
        let mut id_hits: Vec<u32> = Vec::new();
        for t in name_tokens(&q.text) {
            if t.bytes().any(|b| b.is_ascii_digit()) {
                if let Ok(Some(id)) = NationalId::parse(&t) {
                    id_hits.extend_from_slice(self.by_national_id(&id));
                }
                continue;
            }
            if let Some(p) = NamePart::new(&t) {
                words.push(p);
            }
        }
        let year = q.birth_year.or(q.birth_date.and_then(|d| d.year()));
        let mut candidates = self.candidates(&words, year);
        candidates.truncate(MAX_SCORED);
        let mut hits: Vec<Hit> = candidates
            .iter()
            .map(|&i| Hit {
                record: i,
                score: score(&words, &records[i as usize], q),
                by_national_id: false,
            })
            .collect();
        for &i in &id_hits {
            let s = if words.is_empty() {
                0.0
            } else {
                score(&words, &records[i as usize], q)
            };
            match hits.iter_mut().find(|h| h.record == i) {
                Some(h) => {
                    h.by_national_id = true;
                    h.score = s + 1.0;
                }
                None => hits.push(Hit {
                    record: i,
                    score: s + 1.0,
                    by_national_id: true,
                }),
            }
        }
        hits.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.record.cmp(&b.record)));
        hits.truncate(limit);
        hits
    }
}

/// Mean over the query words of their best similarity to the record's name parts, with
/// a small bonus for the birth year.
fn score(words: &[NamePart], r: &Prepared, q: &Query) -> f64 {
    if words.is_empty() {
        return 0.0;
    }
    let parts: Vec<&NamePart> = r.given.iter().chain(&r.family).flatten().collect();
    let mut total = 0.0;
    for w in words {
        // The same name in another spelling or script counts as the same name: a query
        // typed in Arabic must not rank Latin records below Arabic ones for the script.
        let best = parts
            .iter()
            .map(|p| match part_match(w, p) {
                (level, _) if level <= PartMatch::Key => 1.0,
                (_, sim) => sim,
            })
            .fold(0.0, f64::max);
        total += best;
    }
    let mut s = total / words.len() as f64;
    let year = q.birth_year.or(q.birth_date.and_then(|d| d.year()));
    if let (Some(y), Some(ry)) = (year, r.birth.year()) {
        s += match y.abs_diff(ry) {
            0 => 0.05,
            1 => 0.02,
            _ => 0.0,
        };
    }
    if let (Some(d @ crate::BirthDate::Full { .. }), crate::BirthDate::Full { .. }) =
        (q.birth_date.map(|d| d.effective()), r.birth)
        && crate::compare::compare_birth(d, r.birth) <= 1
    {
        // The same day (or day and month swapped) on top of the year.
        s += 0.03;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{BirthDate, PersonRecord};

    fn recs() -> Vec<Prepared> {
        let r = |gl: &str, fl: &str, ga: &str, fa: &str, y: u16, id: &str| {
            Prepared::new(&PersonRecord {
                given_lat: gl.into(),
                family_lat: fl.into(),
                given_ar: ga.into(),
                family_ar: fa.into(),
                birth: BirthDate::Year(y),
                national_id: NationalId::parse(id).unwrap(),
                ..PersonRecord::default()
            })
        };
        vec![
            r("Mohamed", "El Alaoui", "", "", 1980, "AB123456"),
            r("", "", "يوسف", "بنعلي", 1990, ""),
            r("Khadija", "Tazi", "خديجة", "التازي", 1975, ""),
            r("Mohamed", "Alaoui", "", "", 1950, ""),
        ]
    }

    #[test]
    fn any_script_finds_the_person() {
        let records = recs();
        let index = SearchIndex::build(&records);
        let q = |text: &str, y: Option<u16>| Query {
            text: text.into(),
            birth_year: y,
            birth_date: None,
        };
        let top = |text: &str, y| index.search(&records, &q(text, y), 10)[0].record;
        assert_eq!(top("Youssef Benali", None), 1);
        assert_eq!(top("بنعلي يوسف", None), 1);
        assert_eq!(top("خديجة التازي", None), 2);
        assert_eq!(top("Tazi", None), 2);
        assert_eq!(top("محمد العلوي", Some(1980)), 0);
        assert_eq!(top("محمد العلوي", Some(1950)), 3);
        let by_id = index.search(&records, &q("ab123456", None), 10);
        assert_eq!(by_id[0].record, 0);
        assert!(by_id[0].by_national_id);
        assert!(index.search(&records, &q("Zzzz", None), 10).is_empty());
    }

    #[test]
    fn a_typo_still_finds_the_person() {
        let records = recs();
        let index = SearchIndex::build(&records);
        let hits = index.search(
            &records,
            &Query {
                text: "Khadija Tari".into(),
                birth_year: None,
                birth_date: None,
            },
            10,
        );
        assert_eq!(hits[0].record, 2);
    }
}
