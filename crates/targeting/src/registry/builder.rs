//! Filling a [`Registry`] from row structs (what a database loader produces). Counts such as
//! children under 18 and the head's age and sex are derived from the members.

use super::codes::{self, DwellingType, IndexSource, MISSING_DAY, MISSING_U8, MISSING_U16};
use super::codes::{MaritalStatus, Occupancy, Relation, Residence, Sex};
use super::{GeoTables, Households, Persons, Registry};
use crate::date::Day;
use serde::{Deserialize, Serialize};

/// One registry index value with its provenance. The national index formula is not public:
/// values are recorded as received, never computed here.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexObservation {
    pub value: f32,
    /// Day the value was established.
    pub date: Day,
    pub source: IndexSource,
    /// Last day the value may be used, when it expires or was superseded administratively.
    pub valid_to: Option<Day>,
}

/// The observation rules must use on `as_of`: the most recent one (by date) that is dated
/// no later than `as_of`, not expired, and has a finite value. Ties keep the later entry.
pub fn latest_valid(observations: &[IndexObservation], as_of: Day) -> Option<IndexObservation> {
    observations
        .iter()
        .filter(|o| o.value.is_finite() && o.date <= as_of && o.valid_to.is_none_or(|t| as_of <= t))
        .fold(None, |best: Option<IndexObservation>, o| match best {
            Some(b) if b.date > o.date => Some(b),
            _ => Some(*o),
        })
}

/// Household-level data as declared or loaded; member-derived counts are computed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HouseholdRow {
    pub id: u64,
    /// Index into [`GeoTables::provinces`].
    pub province: Option<u16>,
    /// Index into [`GeoTables::communes`]; must belong to `province`.
    pub commune: Option<u16>,
    pub residence: Option<Residence>,
    pub index: Option<IndexObservation>,
    pub head_marital_status: Option<MaritalStatus>,
    pub dwelling_type: Option<DwellingType>,
    pub occupancy: Option<Occupancy>,
    pub rooms: Option<u8>,
    pub electricity: Option<bool>,
    pub running_water: Option<bool>,
    pub toilet: Option<bool>,
    pub registration_date: Option<Day>,
}

/// One member of a household.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRow {
    pub age: Option<u8>,
    pub sex: Option<Sex>,
    pub relation: Option<Relation>,
    pub disabled: Option<bool>,
    pub schooled: Option<bool>,
    pub orphan: Option<bool>,
}

/// Why a row was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum BuildError {
    /// The province index is not in the territory tables.
    UnknownProvince { household: u64, province: u16 },
    /// The commune index is not in the territory tables.
    UnknownCommune { household: u64, commune: u16 },
    /// The commune belongs to another province.
    CommuneOutsideProvince {
        household: u64,
        commune: u16,
        province: u16,
    },
    /// The registry cannot hold more persons (u32 row positions).
    TooManyPersons,
}

/// Accumulates rows into columns.
#[derive(Debug, Default)]
pub struct RegistryBuilder {
    geo: GeoTables,
    households: Households,
    persons: Persons,
}

fn count(members: &[PersonRow], pred: impl Fn(&PersonRow) -> bool) -> u8 {
    u8::try_from(members.iter().filter(|p| pred(p)).count()).unwrap_or(MISSING_U8 - 1)
}

fn age_in(p: &PersonRow, lo: u8, hi: u8) -> bool {
    p.age.is_some_and(|a| (lo..=hi).contains(&a))
}

impl RegistryBuilder {
    /// A builder whose geographic indices refer to `geo`.
    pub fn new(geo: GeoTables) -> Self {
        let mut b = RegistryBuilder {
            geo,
            ..Default::default()
        };
        b.households.first_person.push(0);
        b
    }

    /// Reserves room for `households` households and `persons` persons.
    pub fn reserve(&mut self, households: usize, persons: usize) {
        let h = &mut self.households;
        macro_rules! res { ($($c:ident),+) => { $(h.$c.reserve(households);)+ } }
        res!(
            id,
            region,
            province,
            commune,
            residence,
            size,
            index,
            index_date,
            index_source
        );
        res!(
            head_age,
            head_sex,
            head_disabled,
            head_marital_status,
            children_under_6
        );
        res!(
            children_under_18,
            children_under_21,
            schooled_children,
            out_of_school_children
        );
        res!(
            elderly_60_plus,
            disabled_members,
            orphans,
            adults_18_59,
            female_members
        );
        res!(
            dwelling_type,
            occupancy,
            rooms,
            electricity,
            running_water,
            toilet
        );
        res!(registration_date, first_person);
        let p = &mut self.persons;
        for c in [
            &mut p.age,
            &mut p.sex,
            &mut p.relation,
            &mut p.disabled,
            &mut p.schooled,
        ] {
            c.reserve(persons);
        }
        p.orphan.reserve(persons);
        p.household.reserve(persons);
    }

    /// Appends a household and its members; returns its row position.
    pub fn push(&mut self, row: &HouseholdRow, members: &[PersonRow]) -> Result<u32, BuildError> {
        let geo = &self.geo;
        let region = match row.province {
            None => MISSING_U8,
            Some(p) => {
                *geo.province_region
                    .get(usize::from(p))
                    .ok_or(BuildError::UnknownProvince {
                        household: row.id,
                        province: p,
                    })?
            }
        };
        if let Some(c) = row.commune {
            let owner =
                *geo.commune_province
                    .get(usize::from(c))
                    .ok_or(BuildError::UnknownCommune {
                        household: row.id,
                        commune: c,
                    })?;
            if row.province.is_some_and(|p| p != owner) {
                return Err(BuildError::CommuneOutsideProvince {
                    household: row.id,
                    commune: c,
                    province: owner,
                });
            }
        }
        let position =
            u32::try_from(self.households.id.len()).map_err(|_| BuildError::TooManyPersons)?;
        let after = self.persons.household.len() + members.len();
        let after = u32::try_from(after).map_err(|_| BuildError::TooManyPersons)?;

        let head = members.iter().find(|p| p.relation == Some(Relation::Head));
        let h = &mut self.households;
        h.id.push(row.id);
        h.region.push(region);
        h.province.push(row.province.unwrap_or(MISSING_U16));
        h.commune.push(row.commune.unwrap_or(MISSING_U16));
        h.residence.push(codes::opt_code(row.residence));
        h.size.push(count(members, |_| true));
        h.index.push(row.index.map_or(f32::NAN, |o| o.value));
        h.index_date.push(row.index.map_or(MISSING_DAY, |o| o.date));
        h.index_source
            .push(codes::opt_code(row.index.map(|o| o.source)));
        h.head_age
            .push(head.and_then(|p| p.age).unwrap_or(MISSING_U8));
        h.head_sex.push(codes::opt_code(head.and_then(|p| p.sex)));
        h.head_disabled
            .push(codes::flag(head.and_then(|p| p.disabled)));
        h.head_marital_status
            .push(codes::opt_code(row.head_marital_status));
        h.children_under_6.push(count(members, |p| age_in(p, 0, 5)));
        h.children_under_18
            .push(count(members, |p| age_in(p, 0, 17)));
        h.children_under_21
            .push(count(members, |p| age_in(p, 0, 20)));
        h.schooled_children.push(count(members, |p| {
            age_in(p, 0, 17) && p.schooled == Some(true)
        }));
        h.out_of_school_children.push(count(members, |p| {
            age_in(p, 6, 15) && p.schooled == Some(false)
        }));
        h.elderly_60_plus
            .push(count(members, |p| age_in(p, 60, u8::MAX - 1)));
        h.disabled_members
            .push(count(members, |p| p.disabled == Some(true)));
        h.orphans.push(count(members, |p| {
            age_in(p, 0, 17) && p.orphan == Some(true)
        }));
        h.adults_18_59.push(count(members, |p| age_in(p, 18, 59)));
        h.female_members
            .push(count(members, |p| p.sex == Some(Sex::Female)));
        h.dwelling_type.push(codes::opt_code(row.dwelling_type));
        h.occupancy.push(codes::opt_code(row.occupancy));
        h.rooms.push(row.rooms.unwrap_or(MISSING_U8));
        h.electricity.push(codes::flag(row.electricity));
        h.running_water.push(codes::flag(row.running_water));
        h.toilet.push(codes::flag(row.toilet));
        h.registration_date
            .push(row.registration_date.unwrap_or(MISSING_DAY));
        h.first_person.push(after);

        let p = &mut self.persons;
        for m in members {
            p.household.push(position);
            p.age.push(m.age.unwrap_or(MISSING_U8));
            p.sex.push(codes::opt_code(m.sex));
            p.relation.push(codes::opt_code(m.relation));
            p.disabled.push(codes::flag(m.disabled));
            p.schooled.push(codes::flag(m.schooled));
            p.orphan.push(codes::flag(m.orphan));
        }
        Ok(position)
    }

    /// The finished registry.
    pub fn finish(self) -> Registry {
        Registry {
            geo: self.geo,
            households: self.households,
            persons: self.persons,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn geo() -> GeoTables {
        GeoTables {
            regions: vec!["01".into(), "02".into()],
            provinces: vec!["01.511".into(), "02.113".into()],
            province_region: vec![0, 1],
            communes: vec!["01.511.01.0".into(), "02.113.01.0".into()],
            commune_province: vec![0, 1],
        }
    }

    fn person(age: u8, relation: Relation, sex: Sex) -> PersonRow {
        PersonRow {
            age: Some(age),
            sex: Some(sex),
            relation: Some(relation),
            ..Default::default()
        }
    }

    #[test]
    fn derives_counts_from_members() {
        let mut b = RegistryBuilder::new(geo());
        let members = [
            PersonRow {
                disabled: Some(true),
                ..person(64, Relation::Head, Sex::Female)
            },
            person(19, Relation::Child, Sex::Male),
            PersonRow {
                schooled: Some(true),
                orphan: Some(true),
                ..person(9, Relation::Grandchild, Sex::Female)
            },
            PersonRow {
                schooled: Some(false),
                ..person(12, Relation::Child, Sex::Male)
            },
            PersonRow::default(),
        ];
        let row = HouseholdRow {
            id: 7,
            province: Some(1),
            commune: Some(1),
            ..Default::default()
        };
        assert_eq!(b.push(&row, &members), Ok(0));
        let r = b.finish();
        let h = &r.households;
        assert_eq!(
            (h.size[0], h.head_age[0], h.head_sex[0], h.head_disabled[0]),
            (5, 64, 1, 1)
        );
        assert_eq!((h.children_under_18[0], h.children_under_21[0]), (2, 3));
        assert_eq!(
            (
                h.schooled_children[0],
                h.out_of_school_children[0],
                h.orphans[0]
            ),
            (1, 1, 1)
        );
        assert_eq!(
            (h.elderly_60_plus[0], h.female_members[0], h.region[0]),
            (1, 2, 1)
        );
        assert!(h.index[0].is_nan());
        assert_eq!(r.members(0), 0..5);
        assert_eq!(r.persons.household, vec![0; 5]);
    }

    #[test]
    fn refuses_inconsistent_geography() {
        let mut b = RegistryBuilder::new(geo());
        let row = HouseholdRow {
            id: 1,
            province: Some(0),
            commune: Some(1),
            ..Default::default()
        };
        assert_eq!(
            b.push(&row, &[]),
            Err(BuildError::CommuneOutsideProvince {
                household: 1,
                commune: 1,
                province: 1
            })
        );
        let row = HouseholdRow {
            id: 2,
            province: Some(9),
            ..Default::default()
        };
        assert_eq!(
            b.push(&row, &[]),
            Err(BuildError::UnknownProvince {
                household: 2,
                province: 9
            })
        );
    }

    #[test]
    fn latest_valid_picks_newest_usable() {
        let obs = |value, date, valid_to| IndexObservation {
            value,
            date,
            source: IndexSource::Registry,
            valid_to,
        };
        let list = [
            obs(9.0, 100, None),
            obs(8.0, 200, Some(250)),
            obs(f32::NAN, 260, None),
            obs(7.0, 400, None),
        ];
        assert_eq!(latest_valid(&list, 50), None);
        assert_eq!(latest_valid(&list, 150).map(|o| o.value), Some(9.0));
        assert_eq!(latest_valid(&list, 240).map(|o| o.value), Some(8.0));
        assert_eq!(latest_valid(&list, 300).map(|o| o.value), Some(9.0));
        assert_eq!(latest_valid(&list, 400).map(|o| o.value), Some(7.0));
    }
}
