//! The priority of an application on its service's waiting list: the service's own
//! assessment (weights × ratings) plus, when the service has one, its needs-scoring model
//! (the targeting engine's weighted terms, transforms and region coefficients) evaluated on
//! the beneficiary's household.
//!
//! The household is the social registry's record of it when the beneficiary's national ID
//! is found there (members, and the latest valid registry index value, as rules see them
//! today); otherwise it is what the application declared: the commune, the number of
//! people, and the beneficiary. Terms the declaration cannot answer count their `missing`
//! points, and the explanation says so.

use crate::entity::{application, person, person_household_membership as stay, service};
use crate::registry::{Declared, LoadError, load_with_declared};
use crate::{Store, StoreError};
use jisr_targeting::rules::Schema;
use jisr_targeting::score::ScoreExplanation;
use sea_orm::{ColumnTrait, EntityTrait, JoinType, QueryFilter, QuerySelect, RelationTrait};
use std::collections::HashMap;

/// Where the needs model read the household from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// The registry household the beneficiary currently belongs to.
    Registry { household_id: i64 },
    /// What the application declared.
    Declared,
}

/// The needs model's part of a priority, term by term.
#[derive(Debug, Clone, PartialEq)]
pub struct Needs {
    pub source: Source,
    pub explanation: ScoreExplanation,
}

/// An application's priority on the waiting list.
#[derive(Debug, Clone, PartialEq)]
pub struct Priority {
    pub application_id: i64,
    /// The score of the service's assessment as rated (0 before it is rated).
    pub assessment: u32,
    /// The needs model's score; `None` when the service has no model.
    pub needs: Option<Needs>,
    /// `assessment + needs score`, rounded to two decimals: the waiting-list order.
    pub total: f64,
}

/// The priority of each application of `apps` (all of `service`), in the same order.
pub async fn priorities(
    store: &Store,
    service: &service::Model,
    apps: &[application::Model],
) -> Result<Vec<Priority>, StoreError> {
    let assessment = |a: &application::Model| a.score.unwrap_or(0).max(0) as u32;
    let Some(model) = crate::services::needs_model(service) else {
        return Ok(apps
            .iter()
            .map(|a| Priority {
                application_id: a.id,
                assessment: assessment(a),
                needs: None,
                total: f64::from(assessment(a)),
            })
            .collect());
    };
    let linked = registry_households(store, apps).await?;
    let mut ids: Vec<i64> = linked.values().copied().collect();
    ids.sort_unstable();
    ids.dedup();
    let declared: Vec<Declared> = apps
        .iter()
        .filter(|a| !linked.contains_key(&a.id))
        .map(|a| Declared {
            id: a.id as u64,
            commune_code: a.commune_code.clone(),
            size: a.household_size.unwrap_or(1).clamp(1, 30) as u8,
            birth_date: a.beneficiary_birth_date.clone(),
            sex: a.beneficiary_sex.clone(),
            disabled: (service.need == "disability").then_some(true),
        })
        .collect();
    let registry = load_with_declared(store, &ids, &declared)
        .await
        .map_err(load_error)?;
    let compiled = model
        .compile(&Schema::households(&registry.geo))
        .map_err(|_| StoreError::Invalid(format!("needs model of {}", service.code)))?;
    // Registry households come first (by id), then the declared rows in order.
    let first_declared = registry.household_count() - declared.len();
    let mut next_declared = first_declared;
    let mut out = Vec::with_capacity(apps.len());
    for a in apps {
        let (row, source) = match linked.get(&a.id) {
            Some(&hid) => {
                let Some(row) =
                    (0..first_declared).find(|&r| registry.households.id[r] == hid as u64)
                else {
                    return Err(StoreError::NotFound);
                };
                (row, Source::Registry { household_id: hid })
            }
            None => {
                next_declared += 1;
                (next_declared - 1, Source::Declared)
            }
        };
        let explanation = compiled.explain(&registry, row);
        let total = round2(f64::from(assessment(a)) + explanation.score);
        out.push(Priority {
            application_id: a.id,
            assessment: assessment(a),
            needs: Some(Needs {
                source,
                explanation,
            }),
            total,
        });
    }
    Ok(out)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn load_error(e: LoadError) -> StoreError {
    match e {
        LoadError::Store(e) => e,
        LoadError::Build(b) => StoreError::Invalid(format!("{b:?}")),
    }
}

/// Application id → the registry household its beneficiary currently belongs to, found
/// by national ID number.
async fn registry_households(
    store: &Store,
    apps: &[application::Model],
) -> Result<HashMap<i64, i64>, StoreError> {
    let cins: Vec<String> = apps
        .iter()
        .map(|a| a.beneficiary_national_id.trim().to_uppercase())
        .filter(|c| !c.is_empty())
        .collect();
    if cins.is_empty() {
        return Ok(HashMap::new());
    }
    let found: Vec<(String, i64)> = stay::Entity::find()
        .select_only()
        .column(person::Column::Cin)
        .column(stay::Column::HouseholdId)
        .join(JoinType::InnerJoin, stay::Relation::Person.def())
        .filter(stay::Column::ToDate.is_null())
        .filter(person::Column::Cin.is_in(cins))
        .into_tuple()
        .all(store.conn())
        .await?;
    let by_cin: HashMap<String, i64> = found.into_iter().collect();
    Ok(apps
        .iter()
        .filter_map(|a| {
            by_cin
                .get(&a.beneficiary_national_id.trim().to_uppercase())
                .map(|h| (a.id, *h))
        })
        .collect())
}
