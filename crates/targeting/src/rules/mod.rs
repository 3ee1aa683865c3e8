//! The rule language: parsing, type checking against a schema, vectorised evaluation,
//! scalar evaluation with traces (for explanations), and dated programme versions.

mod ast;
mod check;
mod error;
mod interp;
mod lexer;
mod parser;
mod plan;
mod programme;
mod schema;

pub use ast::{ArithOp, CmpOp, Expr, ExprKind};
pub use check::{TExpr, Ty, check_condition, check_number};
pub use error::{Expected, RuleError, Span, TypeName};
pub use interp::{ComparisonTrace, eval_bool, eval_number, read_value};
pub use parser::parse;
pub use plan::{CHUNK, Plan, PlanOutput, max_nan, min_nan};
pub use programme::{
    CompiledVersion, Criterion, Evaluation, Programme, ProgrammeError, RuleVersion, VersionError,
};
pub use schema::{FieldSource, Level, Schema};

#[cfg(test)]
mod tests;
