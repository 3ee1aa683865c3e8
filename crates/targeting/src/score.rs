//! Needs-scoring models: a weighted sum of terms, each a numeric rule expression or a
//! category lookup, passed through transforms, with a per-region coefficient. Computed for
//! every household in one vectorised plan; explained per household term by term; ranked with
//! a deterministic tie-break.
//!
//! `score = region_coefficient × (intercept + Σ weight × transformed(term))`, where a missing
//! term value counts as the term's `missing` points (after transforms).

use crate::registry::HouseholdColumn;
use crate::registry::{FieldKind, Registry};
use crate::rules::{
    ArithOp, FieldSource, Level, Plan, RuleError, Schema, TExpr, check_number, eval_number, parse,
    read_value,
};
use serde::{Deserialize, Serialize};

/// A transform applied to a term's value, in order.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Transform {
    /// `ln(1 + x)`.
    Log1p,
    /// `min(x, max)`.
    Cap { max: f32 },
    /// `max(x, min)`.
    Floor { min: f32 },
    /// `x × scale + offset`.
    Linear { scale: f32, offset: f32 },
}

impl Transform {
    #[inline]
    fn apply(self, x: f32) -> f32 {
        match self {
            Transform::Log1p => x.ln_1p(),
            Transform::Cap { max } => crate::rules::min_nan(x, max),
            Transform::Floor { min } => crate::rules::max_nan(x, min),
            Transform::Linear { scale, offset } => x * scale + offset,
        }
    }
}

/// Where a term's value comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TermInput {
    /// A numeric rule expression (`children_under_18`, `size / max(rooms, 1)`, …).
    Expr { expr: String },
    /// Points per value of a category field; values not listed score `default`.
    Category {
        field: String,
        points: Vec<(String, f32)>,
        default: f32,
    },
}

/// One weighted term.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub id: String,
    pub input: TermInput,
    pub transforms: Vec<Transform>,
    pub weight: f32,
    /// Value used when the input is missing.
    pub missing: f32,
}

/// A household needs-scoring model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreModel {
    pub code: String,
    pub intercept: f32,
    pub terms: Vec<Term>,
    /// Multiplier per region code; regions not listed use 1.
    pub region_coefficients: Vec<(String, f32)>,
}

/// Why a model could not be compiled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum ScoreError {
    Rule {
        term: String,
        error: RuleError,
    },
    UnknownField {
        term: String,
        field: String,
    },
    NotACategory {
        term: String,
        field: String,
    },
    UnknownCategoryValue {
        term: String,
        field: String,
        value: String,
    },
    UnknownRegion {
        region: String,
    },
}

enum Input {
    Expr(TExpr),
    Lookup(FieldSource, Vec<f32>),
}

/// A compiled model.
pub struct CompiledScore {
    pub code: String,
    model: ScoreModel,
    inputs: Vec<Input>,
    region_table: Vec<f32>,
    plan: Plan,
}

/// One term's part of a household's score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TermContribution {
    pub id: String,
    /// The input value; `None` when missing.
    pub raw: Option<f64>,
    /// After transforms (or the missing value).
    pub value: f64,
    pub weight: f64,
    /// `weight × value`, before the region coefficient.
    pub contribution: f64,
}

/// A household's score, term by term.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreExplanation {
    pub model: String,
    pub row: usize,
    pub household_id: u64,
    pub intercept: f64,
    pub terms: Vec<TermContribution>,
    pub region_coefficient: f64,
    pub score: f64,
}

impl ScoreModel {
    /// Checks every term against the household schema and compiles the model.
    pub fn compile(&self, schema: &Schema) -> Result<CompiledScore, ScoreError> {
        let regions = schema.domain_values(crate::registry::CategoryDomain::Region);
        let mut region_table = vec![1.0f32; regions.len()];
        for (code, coef) in &self.region_coefficients {
            let i = regions.iter().position(|r| r == code).ok_or_else(|| {
                ScoreError::UnknownRegion {
                    region: code.clone(),
                }
            })?;
            region_table[i] = *coef;
        }
        let mut inputs = Vec::new();
        for t in &self.terms {
            inputs.push(match &t.input {
                TermInput::Expr { expr } => {
                    Input::Expr(parse(expr).and_then(|e| check_number(&e, schema)).map_err(
                        |error| ScoreError::Rule {
                            term: t.id.clone(),
                            error,
                        },
                    )?)
                }
                TermInput::Category {
                    field,
                    points,
                    default,
                } => {
                    let source = schema
                        .lookup(field)
                        .ok_or_else(|| ScoreError::UnknownField {
                            term: t.id.clone(),
                            field: field.clone(),
                        })?;
                    let FieldKind::Category(domain) = source.kind() else {
                        return Err(ScoreError::NotACategory {
                            term: t.id.clone(),
                            field: field.clone(),
                        });
                    };
                    let values = schema.domain_values(domain);
                    let mut table = vec![*default; values.len()];
                    for (value, p) in points {
                        let i = values.iter().position(|v| v == value).ok_or_else(|| {
                            ScoreError::UnknownCategoryValue {
                                term: t.id.clone(),
                                field: field.clone(),
                                value: value.clone(),
                            }
                        })?;
                        table[i] = *p;
                    }
                    Input::Lookup(source, table)
                }
            });
        }
        let mut plan = Plan::new(Level::Household);
        let mut acc = plan.number_const(self.intercept);
        for (t, input) in self.terms.iter().zip(&inputs) {
            let mut r = match input {
                Input::Expr(e) => plan.add_number(e),
                Input::Lookup(source, table) => plan.lookup(*source, table.clone()),
            };
            for tr in &t.transforms {
                r = match *tr {
                    Transform::Log1p => plan.log1p(r),
                    Transform::Cap { max } => {
                        let c = plan.number_const(max);
                        plan.min(r, c)
                    }
                    Transform::Floor { min } => {
                        let c = plan.number_const(min);
                        plan.max(r, c)
                    }
                    Transform::Linear { scale, offset } => {
                        let (s, o) = (plan.number_const(scale), plan.number_const(offset));
                        let m = plan.arith(ArithOp::Mul, r, s);
                        plan.arith(ArithOp::Add, m, o)
                    }
                };
            }
            let v = plan.coalesce(r, t.missing);
            let w = plan.number_const(t.weight);
            let wv = plan.arith(ArithOp::Mul, v, w);
            acc = plan.arith(ArithOp::Add, acc, wv);
        }
        let coef = plan.lookup(
            FieldSource::Household(HouseholdColumn::Region),
            region_table.clone(),
        );
        let coef = plan.coalesce(coef, 1.0);
        let score = plan.arith(ArithOp::Mul, acc, coef);
        plan.output_number(score);
        Ok(CompiledScore {
            code: self.code.clone(),
            model: self.clone(),
            inputs,
            region_table,
            plan,
        })
    }
}

impl CompiledScore {
    /// Score of every household.
    pub fn scores(&self, registry: &Registry) -> Vec<f32> {
        self.plan
            .run(registry)
            .numbers
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// The score of the household at `row`, term by term. Computed with the same `f32`
    /// operations in the same order as [`CompiledScore::scores`], so `score` is identical.
    pub fn explain(&self, registry: &Registry, row: usize) -> ScoreExplanation {
        let mut acc = self.model.intercept;
        let mut terms = Vec::new();
        for (t, input) in self.model.terms.iter().zip(&self.inputs) {
            let raw = match input {
                Input::Expr(e) => eval_number(e, registry, row),
                Input::Lookup(source, table) => {
                    let code = read_value(*source, registry, row);
                    if code.is_nan() {
                        f32::NAN
                    } else {
                        table.get(code as usize).copied().unwrap_or(f32::NAN)
                    }
                }
            };
            let mut v = raw;
            for tr in &t.transforms {
                v = tr.apply(v);
            }
            if v.is_nan() {
                v = t.missing;
            }
            let contribution = v * t.weight;
            acc += contribution;
            terms.push(TermContribution {
                id: t.id.clone(),
                raw: (!raw.is_nan()).then_some(f64::from(raw)),
                value: f64::from(v),
                weight: f64::from(t.weight),
                contribution: f64::from(contribution),
            });
        }
        let region = read_value(
            FieldSource::Household(HouseholdColumn::Region),
            registry,
            row,
        );
        let coef = if region.is_nan() {
            1.0
        } else {
            self.region_table
                .get(region as usize)
                .copied()
                .unwrap_or(1.0)
        };
        ScoreExplanation {
            model: self.code.clone(),
            row,
            household_id: registry.households.id[row],
            intercept: f64::from(self.model.intercept),
            terms,
            region_coefficient: f64::from(coef),
            score: f64::from(acc * coef),
        }
    }
}

/// Rows of `candidates` (all rows when `None`) ordered by decreasing score, ties broken by
/// increasing household id; missing scores come last. Deterministic for given inputs.
pub fn rank(ids: &[u64], scores: &[f32], candidates: Option<&[bool]>) -> Vec<u32> {
    let mut rows: Vec<u32> = (0..scores.len() as u32)
        .filter(|&r| candidates.is_none_or(|c| c[r as usize]))
        .collect();
    // Sort key: missing last, then decreasing score (order-preserving bits), then id.
    let score_key = |s: f32| -> u64 {
        if s.is_nan() {
            return u64::MAX;
        }
        let bits = (s + 0.0).to_bits();
        let ascending = if bits >> 31 == 1 {
            !bits
        } else {
            bits | 1 << 31
        };
        u64::from(!ascending)
    };
    let mut keyed: Vec<(u64, u64, u32)> = rows
        .iter()
        .map(|&r| (score_key(scores[r as usize]), ids[r as usize], r))
        .collect();
    keyed.sort_unstable();
    rows.clear();
    rows.extend(keyed.into_iter().map(|k| k.2));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::random_registry;
    use proptest::prelude::*;

    pub(crate) fn model() -> ScoreModel {
        ScoreModel {
            code: "needs-test".into(),
            intercept: 1.0,
            terms: vec![
                Term {
                    id: "children".into(),
                    input: TermInput::Expr {
                        expr: "children_under_18".into(),
                    },
                    transforms: vec![Transform::Cap { max: 4.0 }],
                    weight: 2.0,
                    missing: 0.0,
                },
                Term {
                    id: "crowding".into(),
                    input: TermInput::Expr {
                        expr: "size / rooms".into(),
                    },
                    transforms: vec![
                        Transform::Log1p,
                        Transform::Linear {
                            scale: 3.0,
                            offset: -0.5,
                        },
                    ],
                    weight: 1.5,
                    missing: 1.0,
                },
                Term {
                    id: "dwelling".into(),
                    input: TermInput::Category {
                        field: "dwelling_type".into(),
                        points: vec![("basic_or_slum".into(), 5.0), ("rural".into(), 3.0)],
                        default: 0.0,
                    },
                    transforms: vec![],
                    weight: 1.0,
                    missing: 2.0,
                },
                Term {
                    id: "index".into(),
                    input: TermInput::Expr {
                        expr: "10 - index".into(),
                    },
                    transforms: vec![Transform::Floor { min: 0.0 }],
                    weight: 4.0,
                    missing: 0.0,
                },
            ],
            region_coefficients: vec![("02".into(), 1.25)],
        }
    }

    #[test]
    fn compile_errors_are_structured() {
        let schema = Schema::households(&crate::testing::geo());
        let mut m = model();
        m.terms[2].input = TermInput::Category {
            field: "size".into(),
            points: vec![],
            default: 0.0,
        };
        assert_eq!(
            m.compile(&schema).err(),
            Some(ScoreError::NotACategory {
                term: "dwelling".into(),
                field: "size".into()
            })
        );
        let mut m = model();
        m.region_coefficients.push(("99".into(), 2.0));
        assert_eq!(
            m.compile(&schema).err(),
            Some(ScoreError::UnknownRegion {
                region: "99".into()
            })
        );
        let mut m = model();
        m.terms[0].input = TermInput::Expr {
            expr: "income".into(),
        };
        assert!(
            matches!(m.compile(&schema).err(), Some(ScoreError::Rule { term, error }) if term == "children" && error.code() == "unknown-field")
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn explanation_matches_column(n in 1usize..3000, seed in any::<u64>()) {
            let reg = random_registry(n, seed);
            let compiled = model().compile(&Schema::households(&reg.geo)).unwrap();
            let scores = compiled.scores(&reg);
            prop_assert_eq!(scores.len(), n);
            for row in (0..n).step_by(7) {
                let e = compiled.explain(&reg, row);
                prop_assert_eq!(e.score, f64::from(scores[row]), "row {}", row);
                let sum: f64 = e.intercept + e.terms.iter().map(|t| t.contribution).sum::<f64>();
                prop_assert!((sum * e.region_coefficient - e.score).abs() < 1e-3 * e.score.abs().max(1.0));
                let expected_coef = if reg.households.region[row] == 1 { 1.25 } else { 1.0 };
                prop_assert_eq!(e.region_coefficient, expected_coef);
            }
        }

        #[test]
        fn ranking_is_a_sorted_permutation(scores in prop::collection::vec(prop_oneof![Just(f32::NAN), (0u8..6).prop_map(f32::from)], 0..300), mask_seed in any::<u64>()) {
            let ids: Vec<u64> = (0..scores.len() as u64).map(|i| (i * 7919) % 1000 + i * 1000).collect();
            let mask: Vec<bool> = (0..scores.len()).map(|i| (mask_seed >> (i % 64)) & 1 == 1).collect();
            let ranked = rank(&ids, &scores, Some(&mask));
            prop_assert_eq!(ranked.len(), mask.iter().filter(|&&m| m).count());
            prop_assert!(ranked.iter().all(|&r| mask[r as usize]));
            for w in ranked.windows(2) {
                let (a, b) = (w[0] as usize, w[1] as usize);
                let ok = match (scores[a].is_nan(), scores[b].is_nan()) {
                    (false, true) => true,
                    (true, false) => false,
                    (true, true) => ids[a] < ids[b],
                    (false, false) => scores[a] > scores[b] || (scores[a] == scores[b] && ids[a] < ids[b]),
                };
                prop_assert!(ok, "{} before {}", a, b);
            }
            prop_assert_eq!(rank(&ids, &scores, Some(&mask)), ranked);
        }
    }
}
