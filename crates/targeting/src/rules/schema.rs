//! The fields a rule may use, with their types and the category values they accept.

use crate::registry::codes::{
    DwellingType, IndexSource, MaritalStatus, Occupancy, Relation, Residence, Sex,
};
use crate::registry::{
    CategoryDomain, ColumnRef, FieldKind, GeoTables, HouseholdColumn, PersonColumn, Registry,
};
use serde::{Deserialize, Serialize};

/// The rows a rule is evaluated over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    #[default]
    Household,
    Person,
}

/// Where a field's values come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldSource {
    Household(HouseholdColumn),
    Person(PersonColumn),
    /// A household field read from a person-level rule (`household.<name>`).
    HouseholdOfPerson(HouseholdColumn),
}

impl FieldSource {
    /// The field's type.
    pub fn kind(self) -> FieldKind {
        match self {
            FieldSource::Household(c) | FieldSource::HouseholdOfPerson(c) => c.kind(),
            FieldSource::Person(c) => c.kind(),
        }
    }

    /// The name rules use.
    pub fn name(self) -> String {
        match self {
            FieldSource::Household(c) => c.name().to_string(),
            FieldSource::Person(c) => c.name().to_string(),
            FieldSource::HouseholdOfPerson(c) => format!("household.{}", c.name()),
        }
    }

    /// The stored column, and for household fields of persons the person → household map.
    pub fn bind(self, registry: &Registry) -> (ColumnRef<'_>, Option<&[u32]>) {
        match self {
            FieldSource::Household(c) => (registry.household_column(c), None),
            FieldSource::Person(c) => (registry.person_column(c), None),
            FieldSource::HouseholdOfPerson(c) => (
                registry.household_column(c),
                Some(registry.persons.household.as_slice()),
            ),
        }
    }

    /// Row position of the household a row of this level belongs to.
    pub fn level(self) -> Level {
        match self {
            FieldSource::Household(_) => Level::Household,
            _ => Level::Person,
        }
    }
}

/// Known fields at one level and the category values of their domains.
#[derive(Clone, Debug, PartialEq)]
pub struct Schema {
    level: Level,
    geo: GeoTables,
}

impl Schema {
    /// Household-level fields; geographic categories take the codes of `geo`.
    pub fn households(geo: &GeoTables) -> Schema {
        Schema {
            level: Level::Household,
            geo: geo.clone(),
        }
    }

    /// Person-level fields, plus every household field as `household.<name>`.
    pub fn persons(geo: &GeoTables) -> Schema {
        Schema {
            level: Level::Person,
            geo: geo.clone(),
        }
    }

    /// The schema for `level`.
    pub fn for_level(level: Level, geo: &GeoTables) -> Schema {
        Schema {
            level,
            geo: geo.clone(),
        }
    }

    pub fn level(&self) -> Level {
        self.level
    }

    /// The field called `name`, if known at this level.
    pub fn lookup(&self, name: &str) -> Option<FieldSource> {
        match self.level {
            Level::Household => HouseholdColumn::from_name(name).map(FieldSource::Household),
            Level::Person => match name.strip_prefix("household.") {
                Some(rest) => HouseholdColumn::from_name(rest).map(FieldSource::HouseholdOfPerson),
                None => PersonColumn::from_name(name).map(FieldSource::Person),
            },
        }
    }

    /// Every field known at this level.
    pub fn fields(&self) -> Vec<FieldSource> {
        match self.level {
            Level::Household => HouseholdColumn::ALL
                .iter()
                .map(|&c| FieldSource::Household(c))
                .collect(),
            Level::Person => PersonColumn::ALL
                .iter()
                .map(|&c| FieldSource::Person(c))
                .chain(
                    HouseholdColumn::ALL
                        .iter()
                        .map(|&c| FieldSource::HouseholdOfPerson(c)),
                )
                .collect(),
        }
    }

    /// The values of a category domain, in stored-code order.
    pub fn domain_values(&self, domain: CategoryDomain) -> Vec<String> {
        match domain {
            CategoryDomain::Residence => Residence::codes(),
            CategoryDomain::Sex => Sex::codes(),
            CategoryDomain::Relation => Relation::codes(),
            CategoryDomain::IndexSource => IndexSource::codes(),
            CategoryDomain::MaritalStatus => MaritalStatus::codes(),
            CategoryDomain::DwellingType => DwellingType::codes(),
            CategoryDomain::Occupancy => Occupancy::codes(),
            CategoryDomain::Region => self.geo.regions.clone(),
            CategoryDomain::Province => self.geo.provinces.clone(),
            CategoryDomain::Commune => self.geo.communes.clone(),
        }
    }
}
