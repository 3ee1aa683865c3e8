//! Seeded synthetic persons with known duplicates, for the benchmark and tests.
//!
//! Persons live in households (a family name shared by the children, a spouse with her
//! own family name, one commune, close birth years: the hard negatives). Names come from
//! [`pools`] (written for this generator) with realistic weights (Mohamed about one man in
//! eight) and family names following a Zipf law; each record writes them in Latin, in
//! Arabic or both, spelled by rules ([`variants`]). About a third of the persons get one to
//! three more records: another spelling, a typo, given and family names swapped, the
//! article dropped, one script only, a birth date swapped, year-only, on the 1 January
//! placeholder or a year off, the national ID mistyped or missing, a move to another commune.

pub mod pools;
pub mod variants;

use crate::record::{BirthDate, CommuneCode, NationalId, PersonRecord, Sex};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use variants::{arabic_habits, latin_case, latin_habits, latin_particles, typo};

/// A generated data set: the records and, for each, the person it belongs to.
#[derive(Clone, Debug, Default)]
pub struct Synthetic {
    /// The records, duplicates mixed in.
    pub records: Vec<PersonRecord>,
    /// The true person of each record.
    pub person: Vec<u32>,
}

impl Synthetic {
    /// Every pair `(a, b)`, `a < b`, of records of the same person, sorted.
    pub fn true_pairs(&self) -> Vec<(u32, u32)> {
        let mut by_person: std::collections::HashMap<u32, Vec<u32>> = Default::default();
        for (i, &p) in self.person.iter().enumerate() {
            by_person.entry(p).or_default().push(i as u32);
        }
        let mut out = Vec::new();
        for list in by_person.values() {
            for (i, &a) in list.iter().enumerate() {
                for &b in &list[i + 1..] {
                    out.push((a.min(b), a.max(b)));
                }
            }
        }
        out.sort_unstable();
        out
    }
}

/// A name in its canonical Latin spelling and its Arabic spelling.
#[derive(Clone, Debug)]
struct Name {
    latin: String,
    arabic: String,
    /// Whether the Arabic has the article (Latin may then add El).
    article: bool,
}

/// Weighted choice by cumulative weights.
struct Weighted {
    names: Vec<Name>,
    cumulative: Vec<f64>,
}

impl Weighted {
    fn new(items: Vec<(Name, f64)>) -> Weighted {
        let mut total = 0.0;
        let mut names = Vec::with_capacity(items.len());
        let mut cumulative = Vec::with_capacity(items.len());
        for (n, w) in items {
            total += w;
            names.push(n);
            cumulative.push(total);
        }
        Weighted { names, cumulative }
    }

    fn pick(&self, rng: &mut impl Rng) -> &Name {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let x = rng.random::<f64>() * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.names[i.min(self.names.len() - 1)]
    }
}

fn name(latin: &str, arabic: &str) -> Name {
    Name {
        latin: latin.to_lowercase(),
        arabic: arabic.to_owned(),
        article: arabic.starts_with("ال"),
    }
}

fn given_pools() -> (Weighted, Weighted) {
    let others: u32 = pools::MALE.iter().map(|m| m.2).sum();
    let mut male: Vec<(Name, f64)> = pools::MALE
        .iter()
        .map(|&(l, a, w)| (name(l, a), f64::from(w)))
        .collect();
    // Mohamed is one man in eight: weight / (weight + others) = 1/8.
    male.push((
        name(pools::MOHAMED.0, pools::MOHAMED.1),
        f64::from(others) / 7.0,
    ));
    let female = pools::FEMALE
        .iter()
        .map(|&(l, a, w)| (name(l, a), f64::from(w)))
        .collect();
    (Weighted::new(male), Weighted::new(female))
}

fn family_pool() -> Weighted {
    let mut names: Vec<Name> = Vec::new();
    for &(l, a) in pools::FAMILY_ARTICLE.iter().chain(pools::FAMILY_PLAIN) {
        names.push(name(l, a));
    }
    for &(l, a) in pools::ROOTS {
        names.push(name(&format!("ben{l}"), &format!("بن{a}")));
        names.push(name(&format!("ait {l}"), &format!("آيت {a}")));
        names.push(name(&format!("bou{l}"), &format!("بو{a}")));
        names.push(name(&format!("ould {l}"), &format!("ولد {a}")));
    }
    // A Zipf law over a fixed shuffled order: a few common names, a long tail.
    let mut rng = StdRng::seed_from_u64(7);
    let mut order: Vec<usize> = (0..names.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.random_range(0..=i));
    }
    let items = order
        .iter()
        .enumerate()
        .map(|(rank, &i)| (names[i].clone(), 1.0 / ((rank + 1) as f64).powf(0.6)))
        .collect();
    Weighted::new(items)
}

/// A synthetic HCP-like commune code: 12 regions, 6 provinces each, 20 communes each.
fn commune(rng: &mut impl Rng) -> String {
    let region = rng.random_range(1..=12u32);
    let province = 100 + 10 * rng.random_range(1..=6u32);
    let cercle = rng.random_range(1..=4u32);
    let n = rng.random_range(1..=5u32);
    format!("{region:02}.{province:03}.{cercle:02}.{n:02}")
}

/// Another commune of the same province.
fn commune_nearby(code: &str, rng: &mut impl Rng) -> String {
    let province = &code[..6];
    loop {
        let c = format!(
            "{province}.{:02}.{:02}",
            rng.random_range(1..=4u32),
            rng.random_range(1..=5u32)
        );
        if c != code {
            return c;
        }
    }
}

const CIN_PREFIXES: &[&str] = &[
    "A", "AB", "B", "BE", "BH", "BJ", "BK", "C", "CB", "D", "DA", "E", "EE", "F", "G", "GA", "H",
    "HA", "I", "IA", "J", "JA", "K", "L", "LA", "M", "N", "P", "Q", "R", "S", "T", "U", "V", "W",
    "X", "Y", "Z",
];

/// A national ID unique to the person number: the digits are a permutation of the
/// number below a million, the prefix moves on with each further million, so persons
/// numbered one after the other (a household) get unrelated IDs.
fn cin_of(person: u32) -> String {
    let n = CIN_PREFIXES.len() as u32;
    let low = person % 1_000_000;
    let prefix = CIN_PREFIXES[((low * 7 + person / 1_000_000) % n) as usize];
    let digits = (u64::from(low) * 7919 + 13) % 1_000_000;
    format!("{prefix}{digits:06}")
}

/// The person as truth holds them.
#[derive(Clone, Debug)]
struct Person {
    given: Name,
    family: Name,
    birth: (u16, u8, u8),
    sex: Sex,
    cin: Option<String>,
    commune: String,
    household: String,
}

/// Writes one record of a person; `dup` asks for the errors of a later record.
fn write(p: &Person, id: String, dup: bool, rng: &mut impl Rng) -> PersonRecord {
    let intensity = if dup { 1.0 } else { 0.4 };
    let script = rng.random::<f64>();
    let (lat, ar) = if dup {
        (script < 0.75, script >= 0.45)
    } else {
        (script < 0.85, script >= 0.25)
    };
    let latin = |n: &Name, family: bool, rng: &mut StdRng| {
        let mut s = latin_habits(&n.latin, intensity, rng);
        s = latin_particles(&s, intensity, rng);
        if family && n.article && rng.random_bool(0.35) {
            s = format!(
                "{}{s}",
                ["el ", "el-", "al ", "el"].choose(rng).unwrap_or(&"el ")
            );
        }
        if dup && rng.random_bool(0.08) {
            s = typo(&s, rng);
        }
        latin_case(&s, rng)
    };
    let arabic = |n: &Name, rng: &mut StdRng| {
        let mut s = arabic_habits(&n.arabic, intensity, rng);
        if dup && rng.random_bool(0.04) {
            s = typo(&s, rng);
        }
        s
    };
    let mut r = StdRng::seed_from_u64(rng.random());
    let mut rec = PersonRecord {
        id,
        ..PersonRecord::default()
    };
    if lat {
        rec.given_lat = latin(&p.given, false, &mut r);
        rec.family_lat = latin(&p.family, true, &mut r);
    }
    if ar {
        rec.given_ar = arabic(&p.given, &mut r);
        rec.family_ar = arabic(&p.family, &mut r);
    }
    if dup && rng.random_bool(0.05) {
        std::mem::swap(&mut rec.given_lat, &mut rec.family_lat);
        std::mem::swap(&mut rec.given_ar, &mut rec.family_ar);
    }
    let (y, m, d) = p.birth;
    let full = BirthDate::Full {
        year: y,
        month: m,
        day: d,
    };
    let x = rng.random::<f64>();
    rec.birth = if !dup {
        if x < 0.85 {
            full
        } else if x < 0.92 {
            BirthDate::Year(y)
        } else {
            BirthDate::Full {
                year: y,
                month: 1,
                day: 1,
            }
        }
    } else if x < 0.70 {
        full
    } else if x < 0.75 && d <= 12 {
        BirthDate::Full {
            year: y,
            month: d,
            day: m,
        }
    } else if x < 0.83 {
        BirthDate::Year(y)
    } else if x < 0.87 {
        BirthDate::Full {
            year: y,
            month: 1,
            day: 1,
        }
    } else if x < 0.92 {
        BirthDate::Full {
            year: if rng.random_bool(0.5) { y + 1 } else { y - 1 },
            month: m,
            day: d,
        }
    } else if x < 0.96 {
        BirthDate::Full {
            year: y,
            month: rng.random_range(1..=12),
            day: rng.random_range(1..=28),
        }
    } else {
        BirthDate::Unknown
    };
    rec.sex = if dup && rng.random_bool(0.01) {
        None
    } else {
        Some(p.sex)
    };
    rec.national_id = match &p.cin {
        Some(c) if !dup || rng.random_bool(0.72) => NationalId::parse(c).ok().flatten(),
        Some(c) if rng.random_bool(0.3) => NationalId::parse(&typo_digits(c, rng)).ok().flatten(),
        _ => None,
    };
    let commune = if dup {
        let x = rng.random::<f64>();
        if x < 0.8 {
            p.commune.clone()
        } else if x < 0.92 {
            commune_nearby(&p.commune, rng)
        } else {
            commune(rng)
        }
    } else {
        p.commune.clone()
    };
    rec.commune = CommuneCode::parse(&commune).ok().flatten();
    rec.household = if !dup || rng.random_bool(0.4) {
        Some(p.household.clone())
    } else if rng.random_bool(0.5) {
        None
    } else {
        Some(format!("{}-b", p.household))
    };
    rec
}

/// One digit of a national ID changed, or two neighbours swapped.
fn typo_digits(c: &str, rng: &mut impl Rng) -> String {
    let mut b: Vec<u8> = c.bytes().collect();
    let digits: Vec<usize> = (0..b.len()).filter(|&i| b[i].is_ascii_digit()).collect();
    let i = *digits.choose(rng).unwrap_or(&0);
    if rng.random_bool(0.5) && i + 1 < b.len() && b[i + 1] != b[i] {
        b.swap(i, i + 1);
    } else {
        b[i] = b'0' + ((b[i] - b'0' + rng.random_range(1..10)) % 10);
    }
    String::from_utf8(b).unwrap_or_default()
}

/// Generates about `records` records (exactly that many) from a seed: the same seed gives
/// the same data.
pub fn generate(records: usize, seed: u64) -> Synthetic {
    let mut rng = StdRng::seed_from_u64(seed);
    let (male, female) = given_pools();
    let family = family_pool();
    let mut out = Synthetic::default();
    let mut person_no = 0u32;
    let mut household_no = 0u32;
    while out.records.len() < records {
        household_no += 1;
        let household = format!("H{household_no}");
        let home = commune(&mut rng);
        let father_family = family.pick(&mut rng).clone();
        let head_year = rng.random_range(1940..=1995u16);
        let size = [1usize, 2, 3, 4, 4, 5, 5, 6, 7]
            .choose(&mut rng)
            .copied()
            .unwrap_or(4);
        let mut used: Vec<String> = Vec::new();
        for member in 0..size {
            let (sex, fam, year) = match member {
                0 => (Sex::Male, father_family.clone(), head_year),
                1 => (
                    Sex::Female,
                    family.pick(&mut rng).clone(),
                    head_year + rng.random_range(0..8),
                ),
                _ => (
                    if rng.random_bool(0.5) {
                        Sex::Male
                    } else {
                        Sex::Female
                    },
                    father_family.clone(),
                    (head_year + rng.random_range(20..40)).min(2023),
                ),
            };
            // Brothers and sisters get different given names.
            let given = loop {
                let g = match sex {
                    Sex::Male => male.pick(&mut rng),
                    Sex::Female => female.pick(&mut rng),
                };
                if !used.contains(&g.latin) {
                    break g.clone();
                }
            };
            used.push(given.latin.clone());
            let adult = year <= 2006;
            let person = Person {
                given,
                family: fam,
                birth: (year, rng.random_range(1..=12), rng.random_range(1..=28)),
                sex,
                cin: (adult && rng.random_bool(0.9)).then(|| cin_of(person_no)),
                commune: home.clone(),
                household: household.clone(),
            };
            let extra = match rng.random::<f64>() {
                x if x < 0.68 => 0,
                x if x < 0.88 => 1,
                x if x < 0.96 => 2,
                _ => 3,
            };
            for k in 0..=extra {
                if out.records.len() >= records {
                    break;
                }
                let id = format!("R{}", out.records.len() + 1);
                out.records.push(write(&person, id, k > 0, &mut rng));
                out.person.push(person_no);
            }
            person_no += 1;
        }
    }
    // Duplicates are not next to their original in a real file.
    let mut order: Vec<usize> = (0..out.records.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.random_range(0..=i));
    }
    let mut slots: Vec<Option<PersonRecord>> = out.records.into_iter().map(Some).collect();
    let records = order
        .iter()
        .map(|&i| slots[i].take().unwrap_or_default())
        .collect();
    let person = order.iter().map(|&i| out.person[i]).collect();
    Synthetic { records, person }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_records() {
        let a = generate(500, 3);
        let b = generate(500, 3);
        assert_eq!(a.records, b.records);
        assert_eq!(a.person, b.person);
        assert_eq!(a.records.len(), 500);
        assert_ne!(generate(500, 4).records, a.records);
    }

    #[test]
    fn mohamed_is_about_one_man_in_eight() {
        let s = generate(20_000, 1);
        let men: Vec<&PersonRecord> = s
            .records
            .iter()
            .filter(|r| r.sex == Some(Sex::Male) && !r.given_ar.is_empty())
            .collect();
        let mohamed = men.iter().filter(|r| r.given_ar == "محمد").count();
        let share = mohamed as f64 / men.len() as f64;
        assert!((0.09..0.16).contains(&share), "{share}");
    }

    #[test]
    fn there_are_duplicates_in_both_scripts() {
        let s = generate(5_000, 2);
        let pairs = s.true_pairs();
        assert!(pairs.len() > 1_000, "{}", pairs.len());
        let cross = pairs
            .iter()
            .filter(|&&(a, b)| {
                let (x, y) = (&s.records[a as usize], &s.records[b as usize]);
                (x.given_ar.is_empty() && y.given_lat.is_empty())
                    || (x.given_lat.is_empty() && y.given_ar.is_empty())
            })
            .count();
        assert!(cross > 50, "{cross}");
        assert!(
            s.records
                .iter()
                .all(|r| r.sex.is_some() || r.id.starts_with('R'))
        );
    }

    #[test]
    fn national_ids_are_unique_per_person() {
        let mut seen = std::collections::HashSet::new();
        for p in (0..100_000).chain(1_000_000..1_100_000) {
            assert!(seen.insert(cin_of(p)));
        }
    }
}
