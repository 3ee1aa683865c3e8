//! The generator. Province, area and commune follow the census household counts; household
//! size, age and sex structure, disability, schooling of 6–11 year olds, marital status,
//! dwelling and amenities follow the census shares of the household's province and area.
//! Relations inside a household, the share of women heads, orphanhood and schooling outside
//! 6–11 are simple assumptions. **Index values are synthetic**: a made-up distribution
//! around the programme thresholds, shifted by dwelling and amenities; they say nothing about
//! real households.

use super::marginals::{AGE_BINS, CellMarginals, Marginals};
use super::rng::{Rng, cumulative};
use crate::date::{Day, day_from_ymd};
use crate::registry::codes::*;
use crate::registry::{
    GeoTables, HouseholdRow, IndexObservation, PersonRow, Registry, RegistryBuilder,
};

/// Assumed share of households headed by a woman (not in the shipped tables).
const FEMALE_HEAD_SHARE: f64 = 0.19;
/// Assumed share of children under 18 with a deceased parent.
const ORPHAN_SHARE: f64 = 0.03;
/// Share of households with no index value yet.
const NO_INDEX_SHARE: f64 = 0.06;

struct Cell<'a> {
    m: &'a CellMarginals,
    province: u16,
    residence: Residence,
    communes: Vec<u16>,
    commune_cum: Vec<f64>,
    child_age_cum: Vec<f64>,
    adult_age_cum: Vec<f64>,
    all_age_cum: Vec<f64>,
    dwelling_cum: Vec<f64>,
    occupancy_cum: Vec<f64>,
}

/// Territory tables for the provinces and communes of `m`.
pub fn geo_tables(m: &Marginals) -> GeoTables {
    let mut geo = GeoTables::default();
    for c in &m.cells {
        if !geo.regions.contains(&c.region) {
            geo.regions.push(c.region.clone());
        }
        if !geo.provinces.contains(&c.province) {
            geo.provinces.push(c.province.clone());
            let r = geo.regions.iter().position(|x| *x == c.region).unwrap_or(0);
            geo.province_region.push(r as u8);
        }
    }
    for c in &m.communes {
        if let Some(p) = geo.provinces.iter().position(|x| *x == c.province) {
            geo.communes.push(c.commune.clone());
            geo.commune_province.push(p as u16);
        }
    }
    geo
}

/// An age drawn from the bins' cumulative weights, uniform inside the bin.
fn draw_age(r: &mut Rng, cumulative: &[f64]) -> u8 {
    let bin = r.pick(cumulative);
    let lo = bin * 5;
    let width = if bin == AGE_BINS - 1 { 20 } else { 5 };
    (lo + r.below(width as u64) as usize) as u8
}

fn poisson(r: &mut Rng, lambda: f64) -> u32 {
    let l = (-lambda).exp();
    let (mut k, mut p) = (0, 1.0);
    loop {
        p *= r.unit();
        if p <= l || k > 30 {
            return k;
        }
        k += 1;
    }
}

/// Generates `households` households with their members from `m`, deterministically from
/// `seed`. Index values, dates and sources are synthetic.
pub fn generate(m: &Marginals, households: usize, seed: u64) -> Registry {
    let geo = geo_tables(m);
    let cells: Vec<Cell<'_>> = m
        .cells
        .iter()
        .map(|c| {
            let province = geo.province_index(&c.province).unwrap_or(0);
            let (communes, weights): (Vec<u16>, Vec<f64>) = m
                .communes
                .iter()
                .filter(|w| w.province == c.province && w.area == c.area)
                .filter_map(|w| Some((geo.commune_index(&w.commune)?, w.households as f64)))
                .unzip();
            let age = &c.age_pct;
            Cell {
                m: c,
                province,
                residence: if c.area == "rural" {
                    Residence::Rural
                } else {
                    Residence::Urban
                },
                commune_cum: cumulative(&weights),
                communes,
                child_age_cum: cumulative(&age[..5]),
                // Heads are rarely under 25.
                adult_age_cum: cumulative(
                    &[0.0, 0.0, 0.0, 0.0, age[4] * 0.3, age[5] * 0.7]
                        .iter()
                        .copied()
                        .chain(age[6..].iter().copied())
                        .collect::<Vec<_>>(),
                ),
                all_age_cum: cumulative(age),
                dwelling_cum: cumulative(&c.dwelling_pct),
                occupancy_cum: cumulative(&c.occupancy_pct),
            }
        })
        .collect();
    let cell_cum = cumulative(
        &m.cells
            .iter()
            .map(|c| c.households as f64)
            .collect::<Vec<_>>(),
    );
    let first_day = day_from_ymd(2023, 1, 1).unwrap_or(0);
    let span_days = day_from_ymd(2025, 6, 30).unwrap_or(0) - first_day;

    let mut r = Rng::new(seed);
    let mut b = RegistryBuilder::new(geo);
    let mean_size = m
        .cells
        .iter()
        .map(|c| c.avg_size * c.households as f64)
        .sum::<f64>()
        / m.cells
            .iter()
            .map(|c| c.households as f64)
            .sum::<f64>()
            .max(1.0);
    b.reserve(households, (households as f64 * mean_size * 1.02) as usize);
    let mut members = Vec::with_capacity(16);
    for id in 0..households as u64 {
        let cell = &cells[r.pick(&cell_cum)];
        let c = cell.m;
        members.clear();
        let size = (1 + poisson(&mut r, (c.avg_size - 1.0).max(0.1))).min(15) as usize;
        let female_head = r.chance(FEMALE_HEAD_SHARE);
        let head_age = draw_age(&mut r, &cell.adult_age_cum).max(18);
        let marital = if female_head {
            *[
                MaritalStatus::Married,
                MaritalStatus::Widowed,
                MaritalStatus::Divorced,
                MaritalStatus::Single,
            ]
            .get(r.pick(&[0.3, 0.75, 0.9, 1.0]))
            .unwrap_or(&MaritalStatus::Widowed)
        } else if r.chance(0.9) {
            MaritalStatus::Married
        } else {
            let mp = &c.marital_pct;
            [
                MaritalStatus::Single,
                MaritalStatus::Divorced,
                MaritalStatus::Widowed,
            ][r.pick(&cumulative(&[mp[0], mp[2], mp[3]]))]
        };
        let disabled_p = c.disability_pct / 100.0;
        let head_sex = if female_head { Sex::Female } else { Sex::Male };
        members.push(PersonRow {
            age: Some(head_age),
            sex: Some(head_sex),
            relation: Some(Relation::Head),
            disabled: Some(r.chance(disabled_p)),
            schooled: Some(false),
            orphan: Some(false),
        });
        if size >= 2 && marital == MaritalStatus::Married {
            let age =
                (i32::from(head_age) + r.below(11) as i32 - 5 - if female_head { 0 } else { 4 })
                    .clamp(18, 99) as u8;
            let sex = if female_head { Sex::Male } else { Sex::Female };
            members.push(PersonRow {
                age: Some(age),
                sex: Some(sex),
                relation: Some(Relation::Spouse),
                disabled: Some(r.chance(disabled_p)),
                schooled: Some(false),
                orphan: Some(false),
            });
        }
        let male_p = c.male_pct / 100.0;
        while members.len() < size {
            let roll = r.unit();
            let (relation, age) = if roll < 0.06 && head_age < 60 {
                (Relation::Parent, 60 + r.below(30) as u8)
            } else if roll < 0.14 {
                let rel = if head_age >= 55 {
                    Relation::Grandchild
                } else {
                    Relation::OtherRelative
                };
                (rel, draw_age(&mut r, &cell.all_age_cum))
            } else {
                let max_child = head_age.saturating_sub(15).max(1);
                (
                    Relation::Child,
                    draw_age(&mut r, &cell.child_age_cum).min(max_child),
                )
            };
            let school_p = match age {
                6..=11 => c.schooling_6_11_pct / 100.0,
                12..=14 => c.schooling_6_11_pct / 100.0 * 0.92,
                15..=17 => c.schooling_6_11_pct / 100.0 * 0.75,
                18..=24 => 0.35,
                _ => 0.0,
            };
            members.push(PersonRow {
                age: Some(age),
                sex: Some(if r.chance(male_p) {
                    Sex::Male
                } else {
                    Sex::Female
                }),
                relation: Some(relation),
                disabled: Some(r.chance(disabled_p)),
                schooled: Some(r.chance(school_p)),
                orphan: Some(age < 18 && r.chance(ORPHAN_SHARE)),
            });
        }
        let dwelling = DwellingType::ALL[r.pick(&cell.dwelling_cum)];
        let electricity = r.chance(c.electricity_pct / 100.0);
        let running_water = r.chance(c.running_water_pct / 100.0);
        let index = (!r.chance(NO_INDEX_SHARE)).then(|| {
            let mut mean = if cell.residence == Residence::Rural {
                9.45
            } else {
                10.15
            };
            mean += match dwelling {
                DwellingType::Villa => 1.2,
                DwellingType::Apartment => 0.5,
                DwellingType::BasicOrSlum => -0.5,
                DwellingType::Rural => -0.3,
                _ => 0.0,
            };
            mean -= if electricity { 0.0 } else { 0.3 } + if running_water { 0.0 } else { 0.2 };
            mean -= 0.06 * (size as f64 - 4.0);
            let date: Day = first_day + r.below(span_days as u64) as i32;
            let roll = r.unit();
            let source = if roll < 0.85 {
                IndexSource::Registry
            } else if roll < 0.95 {
                IndexSource::Declared
            } else {
                IndexSource::Staff
            };
            IndexObservation {
                value: (mean + 0.75 * r.normal()) as f32,
                date,
                source,
                valid_to: None,
            }
        });
        let commune = (!cell.communes.is_empty()).then(|| cell.communes[r.pick(&cell.commune_cum)]);
        let rooms = ((size as f64 / c.people_per_room.max(0.5)) * (0.7 + 0.6 * r.unit()))
            .round()
            .clamp(1.0, 12.0) as u8;
        let row = HouseholdRow {
            id: id + 1,
            province: Some(cell.province),
            commune,
            residence: Some(cell.residence),
            registration_date: index.map(|o| o.date - r.below(90) as i32),
            index,
            head_marital_status: Some(marital),
            dwelling_type: Some(dwelling),
            occupancy: Some(Occupancy::ALL[r.pick(&cell.occupancy_cum)]),
            rooms: Some(rooms),
            electricity: Some(electricity),
            running_water: Some(running_water),
            toilet: Some(r.chance(c.toilet_pct / 100.0)),
        };
        b.push(&row, &members)
            .expect("generated geography is consistent");
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_for_a_seed() {
        let m = Marginals::embedded();
        let a = generate(&m, 2000, 11);
        let b = generate(&m, 2000, 11);
        let bits = |r: &Registry| {
            r.households
                .index
                .iter()
                .map(|v| v.to_bits())
                .collect::<Vec<_>>()
        };
        assert_eq!(bits(&a), bits(&b));
        let (mut a2, mut b2) = (a.clone(), b);
        a2.households.index.clear();
        b2.households.index.clear();
        assert!(a2 == b2, "registries differ");
        assert_ne!(a.households.index, generate(&m, 2000, 12).households.index);
        assert_eq!(a.household_count(), 2000);
        assert_eq!(
            *a.households.first_person.last().unwrap() as usize,
            a.person_count()
        );
    }

    #[test]
    fn follows_the_census_marginals() {
        let m = Marginals::embedded();
        let n = 120_000;
        let reg = generate(&m, n, 5);
        let h = &reg.households;
        let total: f64 = m.cells.iter().map(|c| c.households as f64).sum();
        // Share of households per province.
        for (p, code) in reg.geo.provinces.iter().enumerate() {
            let expected: f64 = m
                .cells
                .iter()
                .filter(|c| &c.province == code)
                .map(|c| c.households as f64)
                .sum::<f64>()
                / total;
            let got = h.province.iter().filter(|&&x| usize::from(x) == p).count() as f64 / n as f64;
            assert!(
                (got - expected).abs() < 0.004,
                "{code}: {got} vs {expected}"
            );
        }
        // Mean household size.
        let expected_size: f64 = m
            .cells
            .iter()
            .map(|c| c.avg_size * c.households as f64)
            .sum::<f64>()
            / total;
        let got_size = reg.person_count() as f64 / n as f64;
        assert!(
            (got_size - expected_size).abs() / expected_size < 0.03,
            "{got_size} vs {expected_size}"
        );
        // Urban share.
        let urban_expected: f64 = m
            .cells
            .iter()
            .filter(|c| c.area == "urban")
            .map(|c| c.households as f64)
            .sum::<f64>()
            / total;
        let urban = h.residence.iter().filter(|&&x| x == 0).count() as f64 / n as f64;
        assert!(
            (urban - urban_expected).abs() < 0.01,
            "{urban} vs {urban_expected}"
        );
        // Disability prevalence among persons, weighted like the census.
        let disabled = reg.persons.disabled.iter().filter(|&&d| d == 1).count() as f64
            / reg.person_count() as f64;
        let expected_dis: f64 = m
            .cells
            .iter()
            .map(|c| c.disability_pct * c.avg_size * c.households as f64)
            .sum::<f64>()
            / m.cells
                .iter()
                .map(|c| c.avg_size * c.households as f64)
                .sum::<f64>()
            / 100.0;
        assert!(
            (disabled - expected_dis).abs() < 0.004,
            "{disabled} vs {expected_dis}"
        );
        // Missing index values exist and the rest straddle the ASD threshold.
        let missing = h.index.iter().filter(|v| v.is_nan()).count() as f64 / n as f64;
        assert!((missing - NO_INDEX_SHARE).abs() < 0.01);
        let below = h.index.iter().filter(|&&v| v <= 9.743_001).count() as f64 / n as f64;
        assert!(below > 0.15 && below < 0.6, "{below}");
        // Every commune belongs to the household's province.
        for row in 0..n {
            if h.commune[row] != MISSING_U16 {
                assert_eq!(
                    reg.geo.commune_province[usize::from(h.commune[row])],
                    h.province[row]
                );
            }
        }
    }
}
