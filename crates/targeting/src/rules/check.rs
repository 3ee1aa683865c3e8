//! Type checking: resolves field names against a [`Schema`] and produces a typed tree.

use super::ast::{ArithOp, CmpOp, Expr, ExprKind};
use super::error::{RuleError, Span, TypeName};
use super::schema::{FieldSource, Schema};
use crate::date::parse_day;
use crate::registry::FieldKind;

/// Type of a checked expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Num,
    Date,
    Bool,
}

/// A type-checked expression. Numbers and dates evaluate to `f32` (dates as day numbers,
/// exact below 2^24); missing values are `NaN`; booleans are plain flags.
#[derive(Clone, Debug, PartialEq)]
pub enum TExpr {
    Const(f32),
    Field {
        source: FieldSource,
        span: Span,
    },
    Neg(Box<TExpr>),
    Arith(ArithOp, Box<TExpr>, Box<TExpr>),
    Min(Box<TExpr>, Box<TExpr>),
    Max(Box<TExpr>, Box<TExpr>),
    If(Box<TExpr>, Box<TExpr>, Box<TExpr>),
    Cmp {
        op: CmpOp,
        left: Box<TExpr>,
        right: Box<TExpr>,
        span: Span,
    },
    BoolConst(bool),
    /// A flag field; a missing flag reads as false.
    Flag {
        source: FieldSource,
        span: Span,
    },
    /// Category membership; `table[code]` tells whether a stored code is accepted. A missing
    /// category is never accepted (also under `!=` and `not in`).
    CatIn {
        source: FieldSource,
        table: Vec<bool>,
        span: Span,
    },
    /// Whether a field has a value.
    Known {
        source: FieldSource,
        span: Span,
    },
    And(Box<TExpr>, Box<TExpr>),
    Or(Box<TExpr>, Box<TExpr>),
    Not(Box<TExpr>),
}

impl TExpr {
    /// Every field the expression reads, in first-use order, without repeats.
    pub fn fields(&self) -> Vec<FieldSource> {
        let mut out = Vec::new();
        self.visit_fields(&mut |f| {
            if !out.contains(&f) {
                out.push(f);
            }
        });
        out
    }

    fn visit_fields(&self, f: &mut impl FnMut(FieldSource)) {
        match self {
            TExpr::Const(_) | TExpr::BoolConst(_) => {}
            TExpr::Field { source, .. }
            | TExpr::Flag { source, .. }
            | TExpr::CatIn { source, .. }
            | TExpr::Known { source, .. } => f(*source),
            TExpr::Neg(a) | TExpr::Not(a) => a.visit_fields(f),
            TExpr::Arith(_, a, b)
            | TExpr::Min(a, b)
            | TExpr::Max(a, b)
            | TExpr::And(a, b)
            | TExpr::Or(a, b) => {
                a.visit_fields(f);
                b.visit_fields(f);
            }
            TExpr::Cmp { left, right, .. } => {
                left.visit_fields(f);
                right.visit_fields(f);
            }
            TExpr::If(c, a, b) => {
                c.visit_fields(f);
                a.visit_fields(f);
                b.visit_fields(f);
            }
        }
    }
}

fn mismatch(expected: &[TypeName], found: TypeName, span: Span) -> RuleError {
    RuleError::TypeMismatch {
        expected: expected.to_vec(),
        found,
        span,
    }
}

fn type_name(t: Ty) -> TypeName {
    match t {
        Ty::Num => TypeName::Number,
        Ty::Date => TypeName::Date,
        Ty::Bool => TypeName::Boolean,
    }
}

/// Checks a boolean expression (an eligibility criterion).
pub fn check_condition(expr: &Expr, schema: &Schema) -> Result<TExpr, RuleError> {
    let (t, ty) = check(expr, schema)?;
    if ty != Ty::Bool {
        return Err(mismatch(&[TypeName::Boolean], type_name(ty), expr.span));
    }
    Ok(t)
}

/// Checks a numeric expression (a benefit amount or score input).
pub fn check_number(expr: &Expr, schema: &Schema) -> Result<TExpr, RuleError> {
    let (t, ty) = check(expr, schema)?;
    if ty != Ty::Num {
        return Err(mismatch(&[TypeName::Number], type_name(ty), expr.span));
    }
    Ok(t)
}

fn field(schema: &Schema, name: &str, span: Span) -> Result<FieldSource, RuleError> {
    schema.lookup(name).ok_or_else(|| RuleError::UnknownField {
        name: name.to_string(),
        span,
    })
}

/// The category field and accepted-code table for `name in values`.
fn category_table(
    schema: &Schema,
    value: &Expr,
    items: &[&Expr],
    negated: bool,
) -> Result<Option<TExpr>, RuleError> {
    let ExprKind::Field(name) = &value.kind else {
        return Ok(None);
    };
    let source = field(schema, name, value.span)?;
    let FieldKind::Category(domain) = source.kind() else {
        return Ok(None);
    };
    let values = schema.domain_values(domain);
    let mut table = vec![negated; values.len()];
    for item in items {
        let ExprKind::Str(s) = &item.kind else {
            return Err(mismatch(&[TypeName::Text], literal_type(item), item.span));
        };
        let code =
            values
                .iter()
                .position(|v| v == s)
                .ok_or_else(|| RuleError::UnknownCategoryValue {
                    field: name.clone(),
                    value: s.clone(),
                    span: item.span,
                })?;
        table[code] = !negated;
    }
    Ok(Some(TExpr::CatIn {
        source,
        table,
        span: value.span.join(items.last().map_or(value.span, |i| i.span)),
    }))
}

fn literal_type(e: &Expr) -> TypeName {
    match e.kind {
        ExprKind::Str(_) => TypeName::Text,
        ExprKind::Bool(_) => TypeName::Boolean,
        ExprKind::Num(_) => TypeName::Number,
        _ => TypeName::Number,
    }
}

fn check(expr: &Expr, schema: &Schema) -> Result<(TExpr, Ty), RuleError> {
    let span = expr.span;
    Ok(match &expr.kind {
        ExprKind::Num(n) => (TExpr::Const(*n as f32), Ty::Num),
        ExprKind::Bool(b) => (TExpr::BoolConst(*b), Ty::Bool),
        ExprKind::Str(_) => {
            return Err(mismatch(
                &[TypeName::Number, TypeName::Boolean],
                TypeName::Text,
                span,
            ));
        }
        ExprKind::Field(name) => {
            let source = field(schema, name, span)?;
            match source.kind() {
                FieldKind::Num => (TExpr::Field { source, span }, Ty::Num),
                FieldKind::Date => (TExpr::Field { source, span }, Ty::Date),
                FieldKind::Bool => (TExpr::Flag { source, span }, Ty::Bool),
                FieldKind::Category(_) => {
                    return Err(mismatch(
                        &[TypeName::Number, TypeName::Boolean],
                        TypeName::Category,
                        span,
                    ));
                }
            }
        }
        ExprKind::Neg(a) => {
            let (a, ty) = check(a, schema)?;
            if ty != Ty::Num {
                return Err(mismatch(&[TypeName::Number], type_name(ty), span));
            }
            (TExpr::Neg(Box::new(a)), Ty::Num)
        }
        ExprKind::Not(a) => (TExpr::Not(Box::new(check_condition(a, schema)?)), Ty::Bool),
        ExprKind::And(a, b) => (
            TExpr::And(
                Box::new(check_condition(a, schema)?),
                Box::new(check_condition(b, schema)?),
            ),
            Ty::Bool,
        ),
        ExprKind::Or(a, b) => (
            TExpr::Or(
                Box::new(check_condition(a, schema)?),
                Box::new(check_condition(b, schema)?),
            ),
            Ty::Bool,
        ),
        ExprKind::Arith(op, a, b) => {
            let (ta, ya) = check(a, schema)?;
            let (tb, yb) = check(b, schema)?;
            let ty = match (op, ya, yb) {
                (_, Ty::Num, Ty::Num) => Ty::Num,
                (ArithOp::Sub, Ty::Date, Ty::Date) => Ty::Num,
                (ArithOp::Add | ArithOp::Sub, Ty::Date, Ty::Num) => Ty::Date,
                (ArithOp::Add, Ty::Num, Ty::Date) => Ty::Date,
                (_, Ty::Num | Ty::Date, bad) if bad != Ty::Num => {
                    return Err(mismatch(&[TypeName::Number], type_name(bad), b.span));
                }
                (_, bad, _) => return Err(mismatch(&[TypeName::Number], type_name(bad), a.span)),
            };
            (TExpr::Arith(*op, Box::new(ta), Box::new(tb)), ty)
        }
        ExprKind::Cmp(op, a, b) => {
            if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                let (field_side, lit_side) = match (&a.kind, &b.kind) {
                    (_, ExprKind::Str(_)) => (a, b),
                    (ExprKind::Str(_), _) => (b, a),
                    _ => (a, b),
                };
                if let ExprKind::Str(_) = lit_side.kind {
                    if let Some(t) =
                        category_table(schema, field_side, &[lit_side], *op == CmpOp::Ne)?
                    {
                        return Ok((t, Ty::Bool));
                    }
                    return Err(mismatch(
                        &[TypeName::Category],
                        TypeName::Text,
                        field_side.span,
                    ));
                }
            }
            let (ta, ya) = check(a, schema)?;
            let (tb, yb) = check(b, schema)?;
            if ya == Ty::Bool || yb == Ty::Bool {
                if ya != yb || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
                    let bad = if ya == Ty::Bool { b.span } else { a.span };
                    return Err(mismatch(
                        &[TypeName::Boolean],
                        type_name(if ya == Ty::Bool { yb } else { ya }),
                        bad,
                    ));
                }
                // a == b  ⇔  (a and b) or (not a and not b)
                let same = TExpr::Or(
                    Box::new(TExpr::And(Box::new(ta.clone()), Box::new(tb.clone()))),
                    Box::new(TExpr::And(
                        Box::new(TExpr::Not(Box::new(ta))),
                        Box::new(TExpr::Not(Box::new(tb))),
                    )),
                );
                let e = if *op == CmpOp::Eq {
                    same
                } else {
                    TExpr::Not(Box::new(same))
                };
                return Ok((e, Ty::Bool));
            }
            if ya != yb {
                return Err(mismatch(&[type_name(ya)], type_name(yb), b.span));
            }
            (
                TExpr::Cmp {
                    op: *op,
                    left: Box::new(ta),
                    right: Box::new(tb),
                    span,
                },
                Ty::Bool,
            )
        }
        ExprKind::In {
            value,
            list,
            negated,
        } => {
            let items: Vec<&Expr> = list.iter().collect();
            if let Some(t) = category_table(schema, value, &items, *negated)? {
                return Ok((t, Ty::Bool));
            }
            let (tv, ty) = check(value, schema)?;
            if ty == Ty::Bool {
                return Err(mismatch(
                    &[TypeName::Number, TypeName::Category],
                    TypeName::Boolean,
                    value.span,
                ));
            }
            let mut acc: Option<TExpr> = None;
            for item in list {
                let (ti, yi) = check(item, schema)?;
                if yi != ty {
                    return Err(mismatch(&[type_name(ty)], type_name(yi), item.span));
                }
                let eq = TExpr::Cmp {
                    op: CmpOp::Eq,
                    left: Box::new(tv.clone()),
                    right: Box::new(ti),
                    span: item.span,
                };
                acc = Some(match acc {
                    None => eq,
                    Some(prev) => TExpr::Or(Box::new(prev), Box::new(eq)),
                });
            }
            let any = acc.unwrap_or(TExpr::BoolConst(false));
            // A missing value is never "not in" a list either.
            let e = if *negated {
                TExpr::And(
                    Box::new(TExpr::Not(Box::new(any))),
                    Box::new(known_of(&tv, value.span)),
                )
            } else {
                any
            };
            (e, Ty::Bool)
        }
        ExprKind::Call { name, args } => return call(name, args, span, schema),
    })
}

/// Whether a numeric expression has a value: `value == value` is false only for `NaN`.
fn known_of(t: &TExpr, span: Span) -> TExpr {
    TExpr::Cmp {
        op: CmpOp::Eq,
        left: Box::new(t.clone()),
        right: Box::new(t.clone()),
        span,
    }
}

fn arity(name: &str, args: &[Expr], min: u8, max: u8, span: Span) -> Result<(), RuleError> {
    if args.len() < usize::from(min) || args.len() > usize::from(max) {
        return Err(RuleError::WrongArity {
            name: name.to_string(),
            min,
            max,
            found: args.len(),
            span,
        });
    }
    Ok(())
}

fn call(name: &str, args: &[Expr], span: Span, schema: &Schema) -> Result<(TExpr, Ty), RuleError> {
    match name {
        "min" | "max" => {
            arity(name, args, 1, u8::MAX, span)?;
            let (mut acc, ty) = check(&args[0], schema)?;
            if ty == Ty::Bool {
                return Err(mismatch(
                    &[TypeName::Number, TypeName::Date],
                    TypeName::Boolean,
                    args[0].span,
                ));
            }
            for a in &args[1..] {
                let (t, y) = check(a, schema)?;
                if y != ty {
                    return Err(mismatch(&[type_name(ty)], type_name(y), a.span));
                }
                acc = if name == "min" {
                    TExpr::Min(Box::new(acc), Box::new(t))
                } else {
                    TExpr::Max(Box::new(acc), Box::new(t))
                };
            }
            Ok((acc, ty))
        }
        "if" => {
            arity(name, args, 3, 3, span)?;
            let c = check_condition(&args[0], schema)?;
            let (a, ya) = check(&args[1], schema)?;
            let (b, yb) = check(&args[2], schema)?;
            if ya == Ty::Bool {
                return Err(mismatch(
                    &[TypeName::Number, TypeName::Date],
                    TypeName::Boolean,
                    args[1].span,
                ));
            }
            if ya != yb {
                return Err(mismatch(&[type_name(ya)], type_name(yb), args[2].span));
            }
            Ok((TExpr::If(Box::new(c), Box::new(a), Box::new(b)), ya))
        }
        "date" => {
            arity(name, args, 1, 1, span)?;
            let ExprKind::Str(text) = &args[0].kind else {
                return Err(mismatch(
                    &[TypeName::Text],
                    literal_type(&args[0]),
                    args[0].span,
                ));
            };
            let day = parse_day(text).ok_or(RuleError::InvalidDate { span: args[0].span })?;
            Ok((TExpr::Const(day as f32), Ty::Date))
        }
        "known" => {
            arity(name, args, 1, 1, span)?;
            let ExprKind::Field(f) = &args[0].kind else {
                return Err(RuleError::ExpectedField { span: args[0].span });
            };
            let source = field(schema, f, args[0].span)?;
            Ok((TExpr::Known { source, span }, Ty::Bool))
        }
        _ => Err(RuleError::UnknownFunction {
            name: name.to_string(),
            span,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;
    use crate::registry::GeoTables;

    fn schema() -> Schema {
        let geo = GeoTables {
            regions: vec!["01".into()],
            provinces: vec!["01.511".into()],
            province_region: vec![0],
            ..Default::default()
        };
        Schema::households(&geo)
    }

    fn err(text: &str) -> RuleError {
        check_condition(&parse(text).unwrap(), &schema()).unwrap_err()
    }

    #[test]
    fn accepts_the_issue_example() {
        let text = "index <= 9.743001 and (children_under_18 >= 1 or head_age >= 60) and residence in [\"urban\",\"rural\"]";
        let t = check_condition(&parse(text).unwrap(), &schema()).unwrap();
        assert_eq!(t.fields().len(), 4);
        let amount = check_number(
            &parse("min(children_under_21, 6) * 250 + 100").unwrap(),
            &schema(),
        );
        assert!(amount.is_ok());
    }

    #[test]
    fn structured_errors() {
        assert_eq!(
            err("income < 3"),
            RuleError::UnknownField {
                name: "income".into(),
                span: Span::new(0, 6)
            }
        );
        assert_eq!(
            err("residence in [\"urban\", \"desert\"]"),
            RuleError::UnknownCategoryValue {
                field: "residence".into(),
                value: "desert".into(),
                span: Span::new(23, 31)
            }
        );
        assert_eq!(
            err("index + electricity > 1"),
            RuleError::TypeMismatch {
                expected: vec![TypeName::Number],
                found: TypeName::Boolean,
                span: Span::new(8, 19)
            }
        );
        assert_eq!(err("size").code(), "type-mismatch");
        assert_eq!(err("index_date > 3").code(), "type-mismatch");
        assert_eq!(
            err("index_date > date(\"2024-02-30\")").code(),
            "invalid-date"
        );
        assert_eq!(err("foo(1) > 2").code(), "unknown-function");
        assert_eq!(err("if(true, 1) > 2").code(), "wrong-arity");
        assert_eq!(err("known(1 + 2)").code(), "expected-field");
        assert_eq!(
            err("province == \"99.999\"").code(),
            "unknown-category-value"
        );
        assert!(check_condition(&parse("province == \"01.511\"").unwrap(), &schema()).is_ok());
        let persons = Schema::persons(&GeoTables::default());
        assert!(
            check_condition(
                &parse("age < 18 and household.index < 9").unwrap(),
                &persons
            )
            .is_ok()
        );
        assert_eq!(
            check_condition(&parse("index < 9").unwrap(), &persons)
                .unwrap_err()
                .code(),
            "unknown-field"
        );
    }
}
