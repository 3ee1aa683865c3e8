//! Re-evaluation and simulation: compares two rule versions (or two evaluations) over the
//! registry — who enters, leaves or stays, and the cost before and after — per province.
//! Pure: nothing is modified.

use crate::registry::{MISSING_U16, Registry};
use crate::rules::{CompiledVersion, Evaluation, Level};
use serde::{Deserialize, Serialize};

/// What happens to one row between two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
pub enum Transition {
    Outside,
    Enters,
    Leaves,
    Stays,
}

/// Counts and costs for a group of rows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupDelta {
    /// Province code; `None` for the totals and for rows without a province.
    pub province: Option<String>,
    pub entering: u64,
    pub leaving: u64,
    pub staying: u64,
    /// Sum of known amounts under the first version.
    pub cost_before: f64,
    /// Sum of known amounts under the second version.
    pub cost_after: f64,
}

/// Result of a comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    pub level: Level,
    pub totals: GroupDelta,
    /// One entry per province of the territory tables (in table order), then one for rows
    /// without a province if there are any.
    pub by_province: Vec<GroupDelta>,
    /// Per row of the level.
    pub transitions: Vec<Transition>,
}

/// Why two versions cannot be compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum SimulationError {
    LevelMismatch { before: Level, after: Level },
}

/// Evaluates both versions and compares them.
pub fn simulate(
    registry: &Registry,
    before: &CompiledVersion,
    after: &CompiledVersion,
) -> Result<Simulation, SimulationError> {
    if before.level != after.level {
        return Err(SimulationError::LevelMismatch {
            before: before.level,
            after: after.level,
        });
    }
    Ok(compare(
        registry,
        &before.evaluate(registry),
        &after.evaluate(registry),
    ))
}

/// Compares two evaluations of the same level over `registry`.
pub fn compare(registry: &Registry, before: &Evaluation, after: &Evaluation) -> Simulation {
    let provinces = registry.geo.provinces.len();
    let mut groups = vec![GroupDelta::default(); provinces + 1];
    let n = before.eligible.len().min(after.eligible.len());
    let mut transitions = Vec::with_capacity(n);
    let h = &registry.households;
    let amount = |e: &Evaluation, row: usize| e.amounts.as_ref().map_or(0.0, |a| f64::from(a[row]));
    for row in 0..n {
        let household = match before.level {
            Level::Household => row,
            Level::Person => registry.persons.household[row] as usize,
        };
        let p = h.province[household];
        let g = &mut groups[if p == MISSING_U16 {
            provinces
        } else {
            usize::from(p).min(provinces)
        }];
        let (b, a) = (before.eligible[row], after.eligible[row]);
        let t = match (b, a) {
            (false, false) => Transition::Outside,
            (false, true) => Transition::Enters,
            (true, false) => Transition::Leaves,
            (true, true) => Transition::Stays,
        };
        match t {
            Transition::Enters => g.entering += 1,
            Transition::Leaves => g.leaving += 1,
            Transition::Stays => g.staying += 1,
            Transition::Outside => {}
        }
        let (cb, ca) = (amount(before, row), amount(after, row));
        if b && !cb.is_nan() {
            g.cost_before += cb;
        }
        if a && !ca.is_nan() {
            g.cost_after += ca;
        }
        transitions.push(t);
    }
    let mut totals = GroupDelta::default();
    for g in &groups {
        totals.entering += g.entering;
        totals.leaving += g.leaving;
        totals.staying += g.staying;
        totals.cost_before += g.cost_before;
        totals.cost_after += g.cost_after;
    }
    for (i, g) in groups.iter_mut().enumerate().take(provinces) {
        g.province = Some(registry.geo.provinces[i].clone());
    }
    if groups[provinces] == GroupDelta::default() {
        groups.pop();
    }
    Simulation {
        level: before.level,
        totals,
        by_province: groups,
        transitions,
    }
}
