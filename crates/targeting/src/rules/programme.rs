//! Programmes and their dated rule versions, compiled for evaluation.

use super::check::{TExpr, check_condition, check_number};
use super::error::RuleError;
use super::parser::parse;
use super::plan::Plan;
use super::schema::{Level, Schema};
use crate::date::Day;
use crate::registry::Registry;
use serde::{Deserialize, Serialize};

/// A named condition of eligibility; a version's eligibility is all its criteria together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    /// Stable identifier, used in explanations (`index-threshold`, `has-children`, …).
    pub id: String,
    /// Boolean rule expression.
    pub expr: String,
}

/// One dated version of a programme's rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleVersion {
    pub version: u32,
    /// First day the version applies.
    pub valid_from: Day,
    /// Last day the version applies; open-ended when absent.
    pub valid_to: Option<Day>,
    pub criteria: Vec<Criterion>,
    /// Numeric amount per eligible row (monthly, in dirhams), if the programme pays one.
    pub benefit: Option<String>,
}

impl RuleVersion {
    /// Whether the version applies on `day`.
    pub fn applies_on(&self, day: Day) -> bool {
        self.valid_from <= day && self.valid_to.is_none_or(|t| day <= t)
    }
}

/// A programme: a code, the level its rules look at, and its versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    pub code: String,
    pub level: Level,
    pub versions: Vec<RuleVersion>,
}

/// Inconsistencies in a programme's versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum ProgrammeError {
    EmptyPeriod { version: u32 },
    DuplicateVersion { version: u32 },
    OverlappingVersions { first: u32, second: u32 },
    DuplicateCriterion { version: u32, criterion: String },
}

/// Why a version could not be compiled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum VersionError {
    UnknownVersion {
        version: u32,
    },
    LevelMismatch {
        programme: Level,
        schema: Level,
    },
    /// A criterion (`criterion` set) or the benefit expression (`criterion` absent) is invalid.
    Rule {
        version: u32,
        criterion: Option<String>,
        error: RuleError,
    },
}

impl Programme {
    /// Checks periods, version numbers and criterion identifiers.
    pub fn validate(&self) -> Result<(), Vec<ProgrammeError>> {
        let mut errors = Vec::new();
        for (i, v) in self.versions.iter().enumerate() {
            if v.valid_to.is_some_and(|t| t < v.valid_from) {
                errors.push(ProgrammeError::EmptyPeriod { version: v.version });
            }
            for (j, c) in v.criteria.iter().enumerate() {
                if v.criteria[..j].iter().any(|d| d.id == c.id) {
                    errors.push(ProgrammeError::DuplicateCriterion {
                        version: v.version,
                        criterion: c.id.clone(),
                    });
                }
            }
            for w in &self.versions[..i] {
                if w.version == v.version {
                    errors.push(ProgrammeError::DuplicateVersion { version: v.version });
                }
                let overlap = v.valid_to.is_none_or(|t| w.valid_from <= t)
                    && w.valid_to.is_none_or(|t| v.valid_from <= t);
                if overlap {
                    errors.push(ProgrammeError::OverlappingVersions {
                        first: w.version,
                        second: v.version,
                    });
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The version that applies on `day`.
    pub fn version_at(&self, day: Day) -> Option<&RuleVersion> {
        self.versions.iter().find(|v| v.applies_on(day))
    }

    /// The version numbered `version`.
    pub fn version(&self, version: u32) -> Option<&RuleVersion> {
        self.versions.iter().find(|v| v.version == version)
    }

    /// Parses, checks and compiles one version against `schema`.
    pub fn compile(&self, version: u32, schema: &Schema) -> Result<CompiledVersion, VersionError> {
        let v = self
            .version(version)
            .ok_or(VersionError::UnknownVersion { version })?;
        if schema.level() != self.level {
            return Err(VersionError::LevelMismatch {
                programme: self.level,
                schema: schema.level(),
            });
        }
        let rule_err = |criterion: Option<&str>, error| VersionError::Rule {
            version,
            criterion: criterion.map(str::to_string),
            error,
        };
        let mut criteria = Vec::new();
        for c in &v.criteria {
            let t = parse(&c.expr)
                .and_then(|e| check_condition(&e, schema))
                .map_err(|e| rule_err(Some(&c.id), e))?;
            criteria.push((c.id.clone(), t));
        }
        let benefit = match &v.benefit {
            None => None,
            Some(text) => Some(
                parse(text)
                    .and_then(|e| check_number(&e, schema))
                    .map_err(|e| rule_err(None, e))?,
            ),
        };
        let mut plan = Plan::new(self.level);
        let mut eligible = None;
        for (_, t) in &criteria {
            let r = plan.add_mask(t);
            eligible = Some(match eligible {
                None => r,
                Some(prev) => plan.combine_and(prev, r),
            });
        }
        let eligible = eligible.unwrap_or_else(|| plan.mask_const(true));
        plan.output_mask(eligible);
        if let Some(b) = &benefit {
            let amount = plan.add_number(b);
            let gated = plan.gate(eligible, amount);
            plan.output_number(gated);
        }
        Ok(CompiledVersion {
            programme: self.code.clone(),
            version,
            valid_from: v.valid_from,
            valid_to: v.valid_to,
            level: self.level,
            criteria,
            benefit,
            plan,
        })
    }
}

/// A checked, compiled version ready to evaluate.
#[derive(Clone, Debug)]
pub struct CompiledVersion {
    pub programme: String,
    pub version: u32,
    pub valid_from: Day,
    pub valid_to: Option<Day>,
    pub level: Level,
    /// Criterion identifiers with their checked trees.
    pub criteria: Vec<(String, TExpr)>,
    pub benefit: Option<TExpr>,
    plan: Plan,
}

/// Result of evaluating a version over the whole registry.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub level: Level,
    /// One entry per row of the level.
    pub eligible: Vec<bool>,
    /// Benefit per row, 0 where not eligible; absent when the version has no benefit.
    /// `NaN` where an eligible row's amount depends on a missing value.
    pub amounts: Option<Vec<f32>>,
    pub eligible_count: usize,
    /// Sum of the known amounts.
    pub total_amount: f64,
    /// Eligible rows whose amount could not be computed.
    pub missing_amounts: usize,
}

impl CompiledVersion {
    /// Evaluates eligibility and amounts for every row.
    pub fn evaluate(&self, registry: &Registry) -> Evaluation {
        let out = self.plan.run(registry);
        let mut masks = out.masks.into_iter();
        let eligible = masks.next().unwrap_or_default();
        let amounts = out.numbers.into_iter().next();
        let eligible_count = eligible.iter().filter(|&&e| e).count();
        let (mut total_amount, mut missing_amounts) = (0.0, 0);
        if let Some(a) = &amounts {
            for &x in a {
                if x.is_nan() {
                    missing_amounts += 1;
                } else {
                    total_amount += f64::from(x);
                }
            }
        }
        Evaluation {
            level: self.level,
            eligible,
            amounts,
            eligible_count,
            total_amount,
            missing_amounts,
        }
    }
}
