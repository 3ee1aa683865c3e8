//! Untyped syntax tree, as parsed, and its canonical text form.

use super::error::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
        }
    }

    /// The comparison on two numbers; false when either is missing (`NaN`).
    #[inline(always)]
    pub fn holds(self, a: f32, b: f32) -> bool {
        match self {
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b && !a.is_nan() && !b.is_nan(),
        }
    }
}

/// Arithmetic operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl ArithOp {
    pub fn symbol(self) -> &'static str {
        match self {
            ArithOp::Add => "+",
            ArithOp::Sub => "-",
            ArithOp::Mul => "*",
            ArithOp::Div => "/",
        }
    }

    /// Applies the operator; division by zero gives a missing value (`NaN`).
    #[inline(always)]
    pub fn apply(self, a: f32, b: f32) -> f32 {
        match self {
            ArithOp::Add => a + b,
            ArithOp::Sub => a - b,
            ArithOp::Mul => a * b,
            ArithOp::Div => {
                if b == 0.0 {
                    f32::NAN
                } else {
                    a / b
                }
            }
        }
    }
}

/// A parsed expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Num(f64),
    Str(String),
    Bool(bool),
    Field(String),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    Arith(ArithOp, Box<Expr>, Box<Expr>),
    In {
        value: Box<Expr>,
        list: Vec<Expr>,
        negated: bool,
    },
    Call {
        name: String,
        args: Vec<Expr>,
    },
}

impl fmt::Display for Expr {
    /// Fully parenthesised canonical form; parsing it gives back the same tree.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ExprKind::Num(n) => write!(f, "{n}"),
            ExprKind::Str(s) => write!(f, "\"{s}\""),
            ExprKind::Bool(b) => write!(f, "{b}"),
            ExprKind::Field(name) => write!(f, "{name}"),
            ExprKind::Neg(e) => write!(f, "(-{e})"),
            ExprKind::Not(e) => write!(f, "(not {e})"),
            ExprKind::And(a, b) => write!(f, "({a} and {b})"),
            ExprKind::Or(a, b) => write!(f, "({a} or {b})"),
            ExprKind::Cmp(op, a, b) => write!(f, "({a} {} {b})", op.symbol()),
            ExprKind::Arith(op, a, b) => write!(f, "({a} {} {b})", op.symbol()),
            ExprKind::In {
                value,
                list,
                negated,
            } => {
                write!(f, "({value} {}in [", if *negated { "not " } else { "" })?;
                write_list(f, list)?;
                write!(f, "])")
            }
            ExprKind::Call { name, args } => {
                write!(f, "{name}(")?;
                write_list(f, args)?;
                write!(f, ")")
            }
        }
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, items: &[Expr]) -> fmt::Result {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            write!(f, ", ")?;
        }
        write!(f, "{e}")?;
    }
    Ok(())
}

impl Expr {
    /// Structural equality ignoring spans.
    pub fn same_shape(&self, other: &Expr) -> bool {
        use ExprKind::*;
        let all = |a: &[Expr], b: &[Expr]| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_shape(y))
        };
        match (&self.kind, &other.kind) {
            (Num(a), Num(b)) => a == b,
            (Str(a), Str(b)) => a == b,
            (Bool(a), Bool(b)) => a == b,
            (Field(a), Field(b)) => a == b,
            (Neg(a), Neg(b)) | (Not(a), Not(b)) => a.same_shape(b),
            (And(a, b), And(c, d)) | (Or(a, b), Or(c, d)) => a.same_shape(c) && b.same_shape(d),
            (Cmp(o, a, b), Cmp(p, c, d)) => o == p && a.same_shape(c) && b.same_shape(d),
            (Arith(o, a, b), Arith(p, c, d)) => o == p && a.same_shape(c) && b.same_shape(d),
            (
                In {
                    value: a,
                    list: l,
                    negated: n,
                },
                In {
                    value: b,
                    list: m,
                    negated: o,
                },
            ) => n == o && a.same_shape(b) && all(l, m),
            (Call { name: a, args: x }, Call { name: b, args: y }) => a == b && all(x, y),
            _ => false,
        }
    }
}
