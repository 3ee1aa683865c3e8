//! The in-memory social registry, stored column by column (struct of arrays).
//!
//! Households and persons live in parallel vectors indexed by row position. Missing values
//! are stored in-band: `NaN` for the index value, [`MISSING_U8`] for small categories,
//! counts and flags, [`MISSING_U16`] for geographic indices and [`MISSING_DAY`] for dates.
//! Persons are grouped by household: the members of household `h` are the rows
//! `first_person[h]..first_person[h + 1]`.

mod builder;
pub mod codes;
mod columns;

pub use builder::{
    BuildError, HouseholdRow, IndexObservation, PersonRow, RegistryBuilder, latest_valid,
};
pub use codes::{MISSING_DAY, MISSING_U8, MISSING_U16};
pub use columns::{CategoryDomain, ColumnRef, FieldKind, HouseholdColumn, PersonColumn};

use serde::{Deserialize, Serialize};

/// HCP territory tables that the geographic columns index into.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GeoTables {
    /// Region codes (`"01"` …).
    pub regions: Vec<String>,
    /// Province and prefecture codes (`"01.511"` …).
    pub provinces: Vec<String>,
    /// Region index of each province.
    pub province_region: Vec<u8>,
    /// Commune codes.
    pub communes: Vec<String>,
    /// Province index of each commune.
    pub commune_province: Vec<u16>,
}

impl GeoTables {
    /// Index of a province code.
    pub fn province_index(&self, code: &str) -> Option<u16> {
        self.provinces
            .iter()
            .position(|c| c == code)
            .and_then(|i| u16::try_from(i).ok())
    }

    /// Index of a commune code.
    pub fn commune_index(&self, code: &str) -> Option<u16> {
        self.communes
            .iter()
            .position(|c| c == code)
            .and_then(|i| u16::try_from(i).ok())
    }
}

/// Household columns. Every vector has one entry per household.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Households {
    pub id: Vec<u64>,
    pub region: Vec<u8>,
    pub province: Vec<u16>,
    pub commune: Vec<u16>,
    pub residence: Vec<u8>,
    pub size: Vec<u8>,
    /// Latest valid registry index value; `NaN` when the household has none yet.
    pub index: Vec<f32>,
    pub index_date: Vec<i32>,
    pub index_source: Vec<u8>,
    pub head_age: Vec<u8>,
    pub head_sex: Vec<u8>,
    pub head_disabled: Vec<u8>,
    pub head_marital_status: Vec<u8>,
    pub children_under_6: Vec<u8>,
    pub children_under_18: Vec<u8>,
    pub children_under_21: Vec<u8>,
    pub schooled_children: Vec<u8>,
    pub out_of_school_children: Vec<u8>,
    pub elderly_60_plus: Vec<u8>,
    pub disabled_members: Vec<u8>,
    pub orphans: Vec<u8>,
    pub adults_18_59: Vec<u8>,
    pub female_members: Vec<u8>,
    pub dwelling_type: Vec<u8>,
    pub occupancy: Vec<u8>,
    pub rooms: Vec<u8>,
    pub electricity: Vec<u8>,
    pub running_water: Vec<u8>,
    pub toilet: Vec<u8>,
    pub registration_date: Vec<i32>,
    /// Offsets into the person columns; one more entry than there are households.
    pub first_person: Vec<u32>,
}

/// Person columns. Every vector has one entry per person.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Persons {
    /// Row position of the person's household.
    pub household: Vec<u32>,
    pub age: Vec<u8>,
    pub sex: Vec<u8>,
    pub relation: Vec<u8>,
    pub disabled: Vec<u8>,
    pub schooled: Vec<u8>,
    pub orphan: Vec<u8>,
}

/// A whole registry: territory tables, households and persons.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Registry {
    pub geo: GeoTables,
    pub households: Households,
    pub persons: Persons,
}

impl Registry {
    /// Number of households.
    pub fn household_count(&self) -> usize {
        self.households.id.len()
    }

    /// Number of persons.
    pub fn person_count(&self) -> usize {
        self.persons.household.len()
    }

    /// Row position of the household with this id (linear scan).
    pub fn position_of(&self, id: u64) -> Option<usize> {
        self.households.id.iter().position(|&x| x == id)
    }

    /// Person rows of the household at `row`.
    pub fn members(&self, row: usize) -> std::ops::Range<usize> {
        let f = &self.households.first_person;
        f[row] as usize..f[row + 1] as usize
    }

    /// The stored column of a household field.
    pub fn household_column(&self, column: HouseholdColumn) -> ColumnRef<'_> {
        column.column(&self.households)
    }

    /// The stored column of a person field.
    pub fn person_column(&self, column: PersonColumn) -> ColumnRef<'_> {
        column.column(&self.persons)
    }

    /// Approximate bytes held by the columns.
    pub fn heap_bytes(&self) -> usize {
        let h = &self.households;
        let n = h.id.len();
        let hh = n * (8 + 1 + 2 + 2 + 4 + 4 + 4) + n * 23 + h.first_person.len() * 4;
        hh + self.persons.household.len() * (4 + 6)
    }
}
