//! Explanations of one row's decision under a compiled version: every criterion with its
//! outcome, the comparisons inside it with their margins, and the inputs used with their
//! provenance. Structured data only.

use crate::date::Day;
use crate::registry::codes::IndexSource;
use crate::registry::{FieldKind, HouseholdColumn, Registry};
use crate::rules::{
    ComparisonTrace, CompiledVersion, FieldSource, Level, Schema, eval_bool, eval_number,
    read_value,
};
use serde::{Deserialize, Serialize};

/// A value that a decision used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum InputValue {
    Missing,
    Number {
        value: f64,
    },
    Flag {
        value: bool,
    },
    Date {
        day: Day,
    },
    Category {
        code: String,
    },
    /// The registry index value, with when it was established and by whom.
    Index {
        value: f64,
        date: Option<Day>,
        source: Option<IndexSource>,
    },
}

/// A named input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Input {
    pub field: String,
    pub value: InputValue,
}

/// Outcome of one criterion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionOutcome {
    pub id: String,
    pub passed: bool,
    pub comparisons: Vec<ComparisonTrace>,
}

/// Why a row is or is not eligible, and for how much.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    pub programme: String,
    pub version: u32,
    pub valid_from: Day,
    pub valid_to: Option<Day>,
    pub level: Level,
    /// Row position at the version's level.
    pub row: usize,
    /// Id of the household (of the person, for person-level rules).
    pub household_id: u64,
    pub eligible: bool,
    /// Benefit amount when eligible and the version pays one; `None` otherwise or when an
    /// input of the amount is missing.
    pub amount: Option<f64>,
    pub criteria: Vec<CriterionOutcome>,
    pub inputs: Vec<Input>,
}

/// The value of a field at a row, decoded for display by the web layer.
pub fn input_value(
    source: FieldSource,
    registry: &Registry,
    row: usize,
    schema: &Schema,
) -> InputValue {
    let v = read_value(source, registry, row);
    let household_row = match source {
        FieldSource::Household(_) => row,
        FieldSource::HouseholdOfPerson(_) | FieldSource::Person(_) => registry
            .persons
            .household
            .get(row)
            .map_or(row, |&h| h as usize),
    };
    if matches!(
        source,
        FieldSource::Household(HouseholdColumn::Index)
            | FieldSource::HouseholdOfPerson(HouseholdColumn::Index)
    ) {
        if v.is_nan() {
            return InputValue::Missing;
        }
        let h = &registry.households;
        let date = Some(h.index_date[household_row]).filter(|&d| d != crate::registry::MISSING_DAY);
        let source = IndexSource::from_u8(h.index_source[household_row]);
        return InputValue::Index {
            value: f64::from(v),
            date,
            source,
        };
    }
    if v.is_nan() {
        return InputValue::Missing;
    }
    match source.kind() {
        FieldKind::Num => InputValue::Number {
            value: f64::from(v),
        },
        FieldKind::Bool => InputValue::Flag { value: v == 1.0 },
        FieldKind::Date => InputValue::Date { day: v as Day },
        FieldKind::Category(d) => match schema.domain_values(d).get(v as usize) {
            Some(code) => InputValue::Category { code: code.clone() },
            None => InputValue::Missing,
        },
    }
}

impl CompiledVersion {
    /// Explains the decision for the row at `row` (of the version's level).
    pub fn explain(&self, registry: &Registry, row: usize) -> Explanation {
        let schema = Schema::for_level(self.level, &registry.geo);
        let mut criteria = Vec::new();
        let mut fields: Vec<FieldSource> = Vec::new();
        for (id, t) in &self.criteria {
            let mut comparisons = Vec::new();
            let passed = eval_bool(t, registry, row, &mut comparisons);
            criteria.push(CriterionOutcome {
                id: id.clone(),
                passed,
                comparisons,
            });
            fields.extend(
                t.fields()
                    .into_iter()
                    .filter(|f| !fields.contains(f))
                    .collect::<Vec<_>>(),
            );
        }
        let eligible = criteria.iter().all(|c| c.passed);
        let amount = self.benefit.as_ref().and_then(|b| {
            fields.extend(
                b.fields()
                    .into_iter()
                    .filter(|f| !fields.contains(f))
                    .collect::<Vec<_>>(),
            );
            let v = eval_number(b, registry, row);
            (eligible && !v.is_nan()).then_some(f64::from(v))
        });
        let inputs = fields
            .iter()
            .map(|&f| Input {
                field: f.name(),
                value: input_value(f, registry, row, &schema),
            })
            .collect();
        let household_row = match self.level {
            Level::Household => row,
            Level::Person => registry.persons.household[row] as usize,
        };
        Explanation {
            programme: self.programme.clone(),
            version: self.version,
            valid_from: self.valid_from,
            valid_to: self.valid_to,
            level: self.level,
            row,
            household_id: registry.households.id[household_row],
            eligible,
            amount,
            criteria,
            inputs,
        }
    }
}
