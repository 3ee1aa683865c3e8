//! Tokens of the rule language.

use super::error::{RuleError, Span};

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok {
    Num(f64),
    Str(String),
    Ident(String),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Lt,
    Le,
    Gt,
    Ge,
    EqEq,
    Ne,
}

pub(crate) fn lex(text: &str) -> Result<Vec<(Tok, Span)>, RuleError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let two = |next: u8| bytes.get(i + 1) == Some(&next);
        let tok = match b {
            b'(' => Tok::LParen,
            b')' => Tok::RParen,
            b'[' => Tok::LBracket,
            b']' => Tok::RBracket,
            b',' => Tok::Comma,
            b'+' => Tok::Plus,
            b'-' => Tok::Minus,
            b'*' => Tok::Star,
            b'/' => Tok::Slash,
            b'<' if two(b'=') => Tok::Le,
            b'<' => Tok::Lt,
            b'>' if two(b'=') => Tok::Ge,
            b'>' => Tok::Gt,
            b'=' if two(b'=') => Tok::EqEq,
            b'!' if two(b'=') => Tok::Ne,
            b'"' => {
                let end = text[i + 1..]
                    .find('"')
                    .ok_or(RuleError::UnterminatedString {
                        span: Span::new(i, text.len()),
                    })?;
                let s = text[i + 1..i + 1 + end].to_string();
                i += end + 2;
                out.push((Tok::Str(s), Span::new(start, i)));
                continue;
            }
            b'0'..=b'9' | b'.' => {
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                    i += 1;
                }
                let span = Span::new(start, i);
                let n: f64 = text[start..i]
                    .parse()
                    .map_err(|_| RuleError::InvalidNumber { span })?;
                out.push((Tok::Num(n), span));
                continue;
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'.')
                {
                    i += 1;
                }
                out.push((Tok::Ident(text[start..i].to_string()), Span::new(start, i)));
                continue;
            }
            _ => {
                let len = text[i..].chars().next().map_or(1, char::len_utf8);
                return Err(RuleError::UnexpectedCharacter {
                    span: Span::new(i, i + len),
                });
            }
        };
        i += if matches!(tok, Tok::Le | Tok::Ge | Tok::EqEq | Tok::Ne) {
            2
        } else {
            1
        };
        out.push((tok, Span::new(start, i)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_spans() {
        let toks = lex("index <= 9.743001 and residence in [\"urban\"]").unwrap();
        let kinds: Vec<_> = toks.iter().map(|t| t.0.clone()).collect();
        assert_eq!(kinds[1], Tok::Le);
        assert_eq!(kinds[2], Tok::Num(9.743001));
        assert_eq!(kinds[7], Tok::Str("urban".into()));
        assert_eq!(toks[1].1, Span::new(6, 8));
        assert_eq!(
            lex("a # b"),
            Err(RuleError::UnexpectedCharacter {
                span: Span::new(2, 3)
            })
        );
        assert_eq!(
            lex("1.2.3"),
            Err(RuleError::InvalidNumber {
                span: Span::new(0, 5)
            })
        );
        assert_eq!(
            lex("x == \"ab"),
            Err(RuleError::UnterminatedString {
                span: Span::new(5, 8)
            })
        );
    }
}
