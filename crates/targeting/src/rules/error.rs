//! Structured rule errors: a stable code, the offending name or value, and the byte span in
//! the rule text. The web layer turns them into sentences.

use crate::registry::FieldKind;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Byte range `start..end` in the rule text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Span {
            start: clamp(start),
            end: clamp(end),
        }
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// What the parser was looking for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Expected {
    Expression,
    ClosingParen,
    ClosingBracket,
    OpeningBracket,
    Literal,
    EndOfInput,
}

/// The type of an expression, as reported in errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TypeName {
    Number,
    Boolean,
    Date,
    Category,
    Text,
    List,
}

impl TypeName {
    pub fn of_kind(kind: FieldKind) -> TypeName {
        match kind {
            FieldKind::Num => TypeName::Number,
            FieldKind::Bool => TypeName::Boolean,
            FieldKind::Date => TypeName::Date,
            FieldKind::Category(_) => TypeName::Category,
        }
    }
}

/// A rule that cannot be parsed or type-checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum RuleError {
    UnexpectedCharacter {
        span: Span,
    },
    UnterminatedString {
        span: Span,
    },
    InvalidNumber {
        span: Span,
    },
    UnexpectedToken {
        span: Span,
        expected: Expected,
    },
    TooDeep {
        span: Span,
    },
    UnknownField {
        name: String,
        span: Span,
    },
    UnknownFunction {
        name: String,
        span: Span,
    },
    WrongArity {
        name: String,
        min: u8,
        max: u8,
        found: usize,
        span: Span,
    },
    TypeMismatch {
        expected: Vec<TypeName>,
        found: TypeName,
        span: Span,
    },
    UnknownCategoryValue {
        field: String,
        value: String,
        span: Span,
    },
    InvalidDate {
        span: Span,
    },
    ExpectedField {
        span: Span,
    },
}

impl RuleError {
    /// Stable identifier of the error kind (`unknown-field`, `type-mismatch`, …).
    pub fn code(&self) -> &'static str {
        match self {
            RuleError::UnexpectedCharacter { .. } => "unexpected-character",
            RuleError::UnterminatedString { .. } => "unterminated-string",
            RuleError::InvalidNumber { .. } => "invalid-number",
            RuleError::UnexpectedToken { .. } => "unexpected-token",
            RuleError::TooDeep { .. } => "too-deep",
            RuleError::UnknownField { .. } => "unknown-field",
            RuleError::UnknownFunction { .. } => "unknown-function",
            RuleError::WrongArity { .. } => "wrong-arity",
            RuleError::TypeMismatch { .. } => "type-mismatch",
            RuleError::UnknownCategoryValue { .. } => "unknown-category-value",
            RuleError::InvalidDate { .. } => "invalid-date",
            RuleError::ExpectedField { .. } => "expected-field",
        }
    }

    /// Where in the rule text.
    pub fn span(&self) -> Span {
        match self {
            RuleError::UnexpectedCharacter { span }
            | RuleError::UnterminatedString { span }
            | RuleError::InvalidNumber { span }
            | RuleError::UnexpectedToken { span, .. }
            | RuleError::TooDeep { span }
            | RuleError::UnknownField { span, .. }
            | RuleError::UnknownFunction { span, .. }
            | RuleError::WrongArity { span, .. }
            | RuleError::TypeMismatch { span, .. }
            | RuleError::UnknownCategoryValue { span, .. }
            | RuleError::InvalidDate { span }
            | RuleError::ExpectedField { span } => *span,
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.span();
        write!(f, "{}@{}..{}", self.code(), s.start, s.end)
    }
}

impl std::error::Error for RuleError {}
