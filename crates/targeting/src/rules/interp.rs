//! Scalar evaluation of a checked tree for one row, recording every comparison. Used for
//! explanations; it follows exactly the semantics of the vectorised plan (same `f32`
//! operations in the same order), which the property tests check.

use super::ast::CmpOp;
use super::check::TExpr;
use super::error::Span;
use super::plan::{max_nan, min_nan};
use super::schema::FieldSource;
use crate::registry::{ColumnRef, MISSING_DAY, MISSING_U8, MISSING_U16, Registry};
use serde::{Deserialize, Serialize};

/// One comparison met while evaluating a criterion for a row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComparisonTrace {
    /// Where the comparison is in the rule text.
    pub span: Span,
    pub op: CmpOp,
    /// Left operand; `None` when missing.
    pub left: Option<f64>,
    /// Right operand (the threshold, for `field <= constant`); `None` when missing.
    pub right: Option<f64>,
    pub holds: bool,
    /// Distance to the threshold, positive on the passing side: `right - left` for `<` and
    /// `<=`, `left - right` for `>` and `>=`; none for equality or missing operands.
    pub margin: Option<f64>,
}

/// The stored value of a field at a row of its level, as a number: codes and flags as their
/// stored code, dates as day numbers; `NaN` when missing.
pub fn read_value(source: FieldSource, registry: &Registry, row: usize) -> f32 {
    let (col, gather) = source.bind(registry);
    let i = gather.map_or(row, |g| g[row] as usize);
    match col {
        ColumnRef::U8(c) => {
            if c[i] == MISSING_U8 {
                f32::NAN
            } else {
                f32::from(c[i])
            }
        }
        ColumnRef::U16(c) => {
            if c[i] == MISSING_U16 {
                f32::NAN
            } else {
                f32::from(c[i])
            }
        }
        ColumnRef::I32(c) => {
            if c[i] == MISSING_DAY {
                f32::NAN
            } else {
                c[i] as f32
            }
        }
        ColumnRef::F32(c) => c[i],
    }
}

/// Value of a numeric or date expression at `row`.
pub fn eval_number(t: &TExpr, registry: &Registry, row: usize) -> f32 {
    let n = |e: &TExpr| eval_number(e, registry, row);
    match t {
        TExpr::Const(v) => *v,
        TExpr::Field { source, .. } => read_value(*source, registry, row),
        TExpr::Neg(a) => -n(a),
        TExpr::Arith(op, a, b) => op.apply(n(a), n(b)),
        TExpr::Min(a, b) => min_nan(n(a), n(b)),
        TExpr::Max(a, b) => max_nan(n(a), n(b)),
        TExpr::If(c, a, b) => {
            let (a, b) = (n(a), n(b));
            if eval_bool(c, registry, row, &mut Vec::new()) {
                a
            } else {
                b
            }
        }
        other => f32::from(u8::from(eval_bool(other, registry, row, &mut Vec::new()))),
    }
}

/// Value of a boolean expression at `row`; every comparison evaluated is appended to `trace`
/// (both sides of `and`/`or` are always evaluated).
pub fn eval_bool(
    t: &TExpr,
    registry: &Registry,
    row: usize,
    trace: &mut Vec<ComparisonTrace>,
) -> bool {
    match t {
        TExpr::BoolConst(v) => *v,
        TExpr::Cmp {
            op,
            left,
            right,
            span,
        } => {
            let (l, r) = (
                eval_number(left, registry, row),
                eval_number(right, registry, row),
            );
            let holds = op.holds(l, r);
            let known = |v: f32| (!v.is_nan()).then_some(f64::from(v));
            let margin = match (known(l), known(r), op) {
                (Some(l), Some(r), CmpOp::Lt | CmpOp::Le) => Some(r - l),
                (Some(l), Some(r), CmpOp::Gt | CmpOp::Ge) => Some(l - r),
                _ => None,
            };
            trace.push(ComparisonTrace {
                span: *span,
                op: *op,
                left: known(l),
                right: known(r),
                holds,
                margin,
            });
            holds
        }
        TExpr::Flag { source, .. } => read_value(*source, registry, row) == 1.0,
        TExpr::CatIn { source, table, .. } => {
            let v = read_value(*source, registry, row);
            !v.is_nan() && table.get(v as usize).copied().unwrap_or(false)
        }
        TExpr::Known { source, .. } => !read_value(*source, registry, row).is_nan(),
        TExpr::And(a, b) => {
            let x = eval_bool(a, registry, row, trace);
            eval_bool(b, registry, row, trace) && x
        }
        TExpr::Or(a, b) => {
            let x = eval_bool(a, registry, row, trace);
            eval_bool(b, registry, row, trace) || x
        }
        TExpr::Not(a) => !eval_bool(a, registry, row, trace),
        other => {
            let v = eval_number(other, registry, row);
            CmpOp::Ne.holds(v, 0.0)
        }
    }
}
