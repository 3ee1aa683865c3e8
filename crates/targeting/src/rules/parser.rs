//! Recursive-descent parser. See the crate documentation for the grammar.

use super::ast::{ArithOp, CmpOp, Expr, ExprKind};
use super::error::{Expected, RuleError, Span};
use super::lexer::{Tok, lex};

const MAX_DEPTH: usize = 64;

/// Parses a rule expression.
pub fn parse(text: &str) -> Result<Expr, RuleError> {
    let toks = lex(text)?;
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
        len: text.len(),
    };
    let e = p.or()?;
    match p.toks.get(p.pos) {
        None => Ok(e),
        Some((_, span)) => Err(RuleError::UnexpectedToken {
            span: *span,
            expected: Expected::EndOfInput,
        }),
    }
}

struct Parser {
    toks: Vec<(Tok, Span)>,
    pos: usize,
    depth: usize,
    len: usize,
}

fn node(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.0)
    }

    fn here(&self) -> Span {
        self.toks
            .get(self.pos)
            .map_or(Span::new(self.len, self.len), |t| t.1)
    }

    fn is_word(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(w)) if w == word)
    }

    fn expect(&mut self, tok: Tok, expected: Expected) -> Result<Span, RuleError> {
        if self.peek() == Some(&tok) {
            self.pos += 1;
            Ok(self.toks[self.pos - 1].1)
        } else {
            Err(RuleError::UnexpectedToken {
                span: self.here(),
                expected,
            })
        }
    }

    fn enter(&mut self) -> Result<(), RuleError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(RuleError::TooDeep { span: self.here() });
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, RuleError> {
        self.enter()?;
        let mut left = self.and()?;
        while self.is_word("or") {
            self.pos += 1;
            let right = self.and()?;
            let span = left.span.join(right.span);
            left = node(ExprKind::Or(Box::new(left), Box::new(right)), span);
        }
        self.depth -= 1;
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, RuleError> {
        let mut left = self.not()?;
        while self.is_word("and") {
            self.pos += 1;
            let right = self.not()?;
            let span = left.span.join(right.span);
            left = node(ExprKind::And(Box::new(left), Box::new(right)), span);
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, RuleError> {
        if self.is_word("not") {
            let start = self.here();
            self.pos += 1;
            self.enter()?;
            let inner = self.not()?;
            self.depth -= 1;
            let span = start.join(inner.span);
            return Ok(node(ExprKind::Not(Box::new(inner)), span));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, RuleError> {
        let left = self.sum()?;
        let op = match self.peek() {
            Some(Tok::Lt) => CmpOp::Lt,
            Some(Tok::Le) => CmpOp::Le,
            Some(Tok::Gt) => CmpOp::Gt,
            Some(Tok::Ge) => CmpOp::Ge,
            Some(Tok::EqEq) => CmpOp::Eq,
            Some(Tok::Ne) => CmpOp::Ne,
            Some(Tok::Ident(w)) if w == "in" || w == "not" => return self.membership(left),
            _ => return Ok(left),
        };
        self.pos += 1;
        let right = self.sum()?;
        let span = left.span.join(right.span);
        Ok(node(
            ExprKind::Cmp(op, Box::new(left), Box::new(right)),
            span,
        ))
    }

    fn membership(&mut self, value: Expr) -> Result<Expr, RuleError> {
        let negated = self.is_word("not");
        if negated {
            self.pos += 1;
        }
        if !self.is_word("in") {
            return Err(RuleError::UnexpectedToken {
                span: self.here(),
                expected: Expected::Expression,
            });
        }
        self.pos += 1;
        self.expect(Tok::LBracket, Expected::OpeningBracket)?;
        let list = self.items(Tok::RBracket, Expected::ClosingBracket)?;
        let end = self.toks[self.pos - 1].1;
        let span = value.span.join(end);
        Ok(node(
            ExprKind::In {
                value: Box::new(value),
                list,
                negated,
            },
            span,
        ))
    }

    /// Comma-separated expressions up to `close` (consumed).
    fn items(&mut self, close: Tok, expected: Expected) -> Result<Vec<Expr>, RuleError> {
        let mut items = Vec::new();
        if self.peek() == Some(&close) {
            self.pos += 1;
            return Ok(items);
        }
        loop {
            items.push(self.or()?);
            match self.peek() {
                Some(Tok::Comma) => self.pos += 1,
                Some(t) if *t == close => {
                    self.pos += 1;
                    return Ok(items);
                }
                _ => {
                    return Err(RuleError::UnexpectedToken {
                        span: self.here(),
                        expected,
                    });
                }
            }
        }
    }

    fn sum(&mut self) -> Result<Expr, RuleError> {
        let mut left = self.product()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Plus) => ArithOp::Add,
                Some(Tok::Minus) => ArithOp::Sub,
                _ => return Ok(left),
            };
            self.pos += 1;
            let right = self.product()?;
            let span = left.span.join(right.span);
            left = node(ExprKind::Arith(op, Box::new(left), Box::new(right)), span);
        }
    }

    fn product(&mut self) -> Result<Expr, RuleError> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Star) => ArithOp::Mul,
                Some(Tok::Slash) => ArithOp::Div,
                _ => return Ok(left),
            };
            self.pos += 1;
            let right = self.unary()?;
            let span = left.span.join(right.span);
            left = node(ExprKind::Arith(op, Box::new(left), Box::new(right)), span);
        }
    }

    fn unary(&mut self) -> Result<Expr, RuleError> {
        if self.peek() == Some(&Tok::Minus) {
            let start = self.here();
            self.pos += 1;
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            let span = start.join(inner.span);
            return Ok(node(ExprKind::Neg(Box::new(inner)), span));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, RuleError> {
        let span = self.here();
        let Some(tok) = self.peek().cloned() else {
            return Err(RuleError::UnexpectedToken {
                span,
                expected: Expected::Expression,
            });
        };
        self.pos += 1;
        match tok {
            Tok::Num(n) => Ok(node(ExprKind::Num(n), span)),
            Tok::Str(s) => Ok(node(ExprKind::Str(s), span)),
            Tok::LParen => {
                let inner = self.or()?;
                let end = self.expect(Tok::RParen, Expected::ClosingParen)?;
                Ok(Expr {
                    kind: inner.kind,
                    span: span.join(end),
                })
            }
            Tok::Ident(w) if w == "true" || w == "false" => {
                Ok(node(ExprKind::Bool(w == "true"), span))
            }
            Tok::Ident(w) if matches!(w.as_str(), "and" | "or" | "not" | "in") => {
                Err(RuleError::UnexpectedToken {
                    span,
                    expected: Expected::Expression,
                })
            }
            Tok::Ident(name) => {
                if self.peek() == Some(&Tok::LParen) {
                    self.pos += 1;
                    let args = self.items(Tok::RParen, Expected::ClosingParen)?;
                    let end = self.toks[self.pos - 1].1;
                    Ok(node(ExprKind::Call { name, args }, span.join(end)))
                } else {
                    Ok(node(ExprKind::Field(name), span))
                }
            }
            _ => Err(RuleError::UnexpectedToken {
                span,
                expected: Expected::Expression,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence() {
        let e = parse("a + b * 2 <= 3 and not c or d in [\"x\", \"y\"]").unwrap();
        assert_eq!(
            e.to_string(),
            "((((a + (b * 2)) <= 3) and (not c)) or (d in [\"x\", \"y\"]))"
        );
        let e = parse("min(children_under_21, 6) * 250 + 100").unwrap();
        assert_eq!(e.to_string(), "((min(children_under_21, 6) * 250) + 100)");
        assert_eq!(parse("x not in []").unwrap().to_string(), "(x not in [])");
        assert_eq!(parse("-(a - 1)").unwrap().to_string(), "(-(a - 1))");
    }

    #[test]
    fn positions_of_errors() {
        assert_eq!(
            parse("index <= "),
            Err(RuleError::UnexpectedToken {
                span: Span::new(9, 9),
                expected: Expected::Expression
            })
        );
        assert_eq!(
            parse("(a and b"),
            Err(RuleError::UnexpectedToken {
                span: Span::new(8, 8),
                expected: Expected::ClosingParen
            })
        );
        assert_eq!(
            parse("a b"),
            Err(RuleError::UnexpectedToken {
                span: Span::new(2, 3),
                expected: Expected::EndOfInput
            })
        );
        let deep = format!("{}1{}", "(".repeat(200), ")".repeat(200));
        assert_eq!(parse(&deep).unwrap_err().code(), "too-deep");
    }
}
