//! A questionnaire as data: sections of questions, each of a [`Kind`] (single or
//! multiple choice from a shared choice list, number with its range, date, short or long
//! text, scale), required or not, shown only when its [`Condition`] holds. Labels are in
//! Arabic and French. An answer set is the text typed for each question (several values
//! for a multiple choice); [`validate`] checks it against a questionnaire and gives every
//! error at once, keyed by question; [`tally`] sums answer sets per question.
//!
//! The skip-logic language is small and parsed into a [`Condition`]: comparisons of an
//! answer with a value (`${q} = 'v'`, `${q} != 'v'`), choices (`selected(${q}, 'v')`),
//! joined with `and`, `or` and parentheses. It reads and writes the XLSForm spelling.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The longest short text answer, in characters.
pub const SHORT_TEXT_MAX_CHARS: usize = 200;
/// The longest long text answer, in characters.
pub const LONG_TEXT_MAX_CHARS: usize = 4000;
/// The most questions a questionnaire holds.
pub const MAX_QUESTIONS: usize = 300;

/// A text in Arabic and French.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub ar: String,
    pub fr: String,
}

impl Label {
    pub fn new(ar: impl Into<String>, fr: impl Into<String>) -> Self {
        Self {
            ar: ar.into(),
            fr: fr.into(),
        }
    }

    /// The text in `locale` (`ar` or `fr`), the other one when it is empty.
    pub fn get(&self, locale: &str) -> &str {
        let (first, second) = if locale == "ar" {
            (&self.ar, &self.fr)
        } else {
            (&self.fr, &self.ar)
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    pub fn is_empty(&self) -> bool {
        self.ar.trim().is_empty() && self.fr.trim().is_empty()
    }
}

/// One choice of a list: the value stored and its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub name: String,
    pub label: Label,
}

/// What a question asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Kind {
    /// One choice of the named list.
    Single {
        list: String,
    },
    /// Any number of choices of the named list.
    Multiple {
        list: String,
    },
    /// A number, whole when `integer`, within `min..=max` where given.
    Number {
        integer: bool,
        min: Option<f64>,
        max: Option<f64>,
    },
    /// A day, `YYYY-MM-DD`.
    Date,
    ShortText,
    LongText,
    /// A whole number from `min` to `max` (a rating).
    Scale {
        min: i64,
        max: i64,
    },
}

impl Kind {
    /// The code naming the kind in translations (`partners-kind-…`).
    pub fn code(&self) -> &'static str {
        match self {
            Kind::Single { .. } => "single",
            Kind::Multiple { .. } => "multiple",
            Kind::Number { .. } => "number",
            Kind::Date => "date",
            Kind::ShortText => "short-text",
            Kind::LongText => "long-text",
            Kind::Scale { .. } => "scale",
        }
    }

    /// The choice list it draws from, for a choice question.
    pub fn list(&self) -> Option<&str> {
        match self {
            Kind::Single { list } | Kind::Multiple { list } => Some(list),
            _ => None,
        }
    }
}

/// A question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Its name, unique in the questionnaire: the key of its answer.
    pub name: String,
    pub label: Label,
    #[serde(default)]
    pub hint: Label,
    pub kind: Kind,
    pub required: bool,
    /// Shown (and answered) only when this holds.
    #[serde(default)]
    pub show_if: Option<Condition>,
}

/// A section: a titled group of questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub name: String,
    pub label: Label,
    pub questions: Vec<Question>,
}

/// A questionnaire version as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Questionnaire {
    pub title: Label,
    pub sections: Vec<Section>,
    /// The shared choice lists, by name.
    pub lists: BTreeMap<String, Vec<Choice>>,
}

/// Why a questionnaire does not hold together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DefinitionError {
    #[error("no question")]
    NoQuestion,
    #[error("too many questions")]
    TooManyQuestions,
    #[error("question `{0}` defined twice")]
    DuplicateName(String),
    #[error("question `{0}` has no label")]
    MissingLabel(String),
    #[error("question `{question}` uses the unknown list `{list}`")]
    UnknownList { question: String, list: String },
    #[error("list `{0}` is empty")]
    EmptyList(String),
    #[error("question `{question}` depends on `{on}`, which is not asked before it")]
    UnknownReference { question: String, on: String },
    #[error("question `{0}` has an empty range")]
    EmptyRange(String),
}

impl Questionnaire {
    /// Every question, in order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, name: &str) -> Option<&Question> {
        self.questions().find(|q| q.name == name)
    }

    /// The choices of a choice question (empty for other kinds).
    pub fn choices(&self, q: &Question) -> &[Choice] {
        q.kind
            .list()
            .and_then(|l| self.lists.get(l))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Checks that it holds together: names unique and labelled, lists known and not
    /// empty, ranges not empty, conditions about questions asked before.
    pub fn check(&self) -> Result<(), DefinitionError> {
        let mut seen = BTreeSet::new();
        let mut count = 0;
        for q in self.questions() {
            count += 1;
            if let Some(c) = &q.show_if {
                for on in c.references() {
                    if !seen.contains(on) {
                        return Err(DefinitionError::UnknownReference {
                            question: q.name.clone(),
                            on: on.to_owned(),
                        });
                    }
                }
            }
            if !seen.insert(q.name.as_str()) {
                return Err(DefinitionError::DuplicateName(q.name.clone()));
            }
            if q.label.is_empty() {
                return Err(DefinitionError::MissingLabel(q.name.clone()));
            }
            if let Some(list) = q.kind.list() {
                match self.lists.get(list) {
                    None => {
                        return Err(DefinitionError::UnknownList {
                            question: q.name.clone(),
                            list: list.to_owned(),
                        });
                    }
                    Some(c) if c.is_empty() => {
                        return Err(DefinitionError::EmptyList(list.to_owned()));
                    }
                    Some(_) => {}
                }
            }
            let empty = match &q.kind {
                Kind::Number {
                    min: Some(a),
                    max: Some(b),
                    ..
                } => a > b,
                Kind::Scale { min, max } => min >= max,
                _ => false,
            };
            if empty {
                return Err(DefinitionError::EmptyRange(q.name.clone()));
            }
        }
        if count == 0 {
            return Err(DefinitionError::NoQuestion);
        }
        if count > MAX_QUESTIONS {
            return Err(DefinitionError::TooManyQuestions);
        }
        Ok(())
    }
}

/// A skip-logic condition over earlier answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Condition {
    /// The answer to `question` is `value`.
    Equals {
        question: String,
        value: String,
    },
    /// The answer to `question` is not `value`.
    NotEquals {
        question: String,
        value: String,
    },
    /// The multiple-choice answer to `question` includes `value`.
    Contains {
        question: String,
        value: String,
    },
    All {
        of: Vec<Condition>,
    },
    Any {
        of: Vec<Condition>,
    },
}

/// Why a condition could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported expression at character {at}")]
pub struct ConditionError {
    /// Where reading stopped, in characters from the start.
    pub at: usize,
}

/// Answers as typed: for each question, its values (one, or several for a multiple
/// choice). Absent or blank means not answered.
pub type Answers = BTreeMap<String, Vec<String>>;

fn values<'a>(answers: &'a Answers, q: &str) -> impl Iterator<Item = &'a str> {
    answers
        .get(q)
        .into_iter()
        .flatten()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
}

impl Condition {
    /// Whether it holds for `answers`. An unanswered question equals nothing.
    pub fn holds(&self, answers: &Answers) -> bool {
        match self {
            Condition::Equals { question, value } => {
                let v: Vec<&str> = values(answers, question).collect();
                v.len() == 1 && same_value(v[0], value)
            }
            Condition::NotEquals { question, value } => {
                let v: Vec<&str> = values(answers, question).collect();
                !(v.len() == 1 && same_value(v[0], value))
            }
            Condition::Contains { question, value } => {
                values(answers, question).any(|v| same_value(v, value))
            }
            Condition::All { of } => of.iter().all(|c| c.holds(answers)),
            Condition::Any { of } => of.iter().any(|c| c.holds(answers)),
        }
    }

    /// The questions it reads.
    pub fn references(&self) -> Vec<&str> {
        match self {
            Condition::Equals { question, .. }
            | Condition::NotEquals { question, .. }
            | Condition::Contains { question, .. } => vec![question.as_str()],
            Condition::All { of } | Condition::Any { of } => {
                of.iter().flat_map(|c| c.references()).collect()
            }
        }
    }

    /// Reads the XLSForm spelling: `${q} = 'v'`, `${q} != 'v'`, `selected(${q}, 'v')`,
    /// joined by `and` / `or` (and binding tighter) and parentheses. Numbers may stand
    /// unquoted as values.
    pub fn parse(text: &str) -> Result<Condition, ConditionError> {
        let tokens = tokenize(text)?;
        let mut p = Parser { tokens, pos: 0 };
        let c = p.or()?;
        match p.tokens.get(p.pos) {
            None => Ok(c),
            Some((at, _)) => Err(ConditionError { at: *at }),
        }
    }
}

/// Two answer values are the same when equal as text, or as numbers (`2` and `2.0`).
fn same_value(a: &str, b: &str) -> bool {
    a == b || matches!((a.parse::<f64>(), b.parse::<f64>()), (Ok(x), Ok(y)) if x == y)
}

fn quote(v: &str) -> String {
    format!("'{v}'")
}

impl std::fmt::Display for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Condition::Equals { question, value } => {
                write!(f, "${{{question}}} = {}", quote(value))
            }
            Condition::NotEquals { question, value } => {
                write!(f, "${{{question}}} != {}", quote(value))
            }
            Condition::Contains { question, value } => {
                write!(f, "selected(${{{question}}}, {})", quote(value))
            }
            Condition::All { of } | Condition::Any { of } => {
                let joint = if matches!(self, Condition::All { .. }) {
                    " and "
                } else {
                    " or "
                };
                for (i, c) in of.iter().enumerate() {
                    if i > 0 {
                        f.write_str(joint)?;
                    }
                    if matches!(c, Condition::All { .. } | Condition::Any { .. }) {
                        write!(f, "({c})")?;
                    } else {
                        write!(f, "{c}")?;
                    }
                }
                Ok(())
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ref(String),
    Str(String),
    Selected,
    And,
    Or,
    Eq,
    Ne,
    Open,
    Close,
    Comma,
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-' || c == '.'
}

fn tokenize(text: &str) -> Result<Vec<(usize, Token)>, ConditionError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at = i;
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                out.push((at, Token::Open));
                i += 1;
            }
            ')' => {
                out.push((at, Token::Close));
                i += 1;
            }
            ',' => {
                out.push((at, Token::Comma));
                i += 1;
            }
            '=' => {
                out.push((at, Token::Eq));
                i += 1;
            }
            '!' if chars.get(i + 1) == Some(&'=') => {
                out.push((at, Token::Ne));
                i += 2;
            }
            '$' if chars.get(i + 1) == Some(&'{') => {
                let start = i + 2;
                let end = (start..chars.len())
                    .find(|&j| chars[j] == '}')
                    .ok_or(ConditionError { at })?;
                let name: String = chars[start..end].iter().collect();
                if name.is_empty() || !name.chars().all(is_name_char) {
                    return Err(ConditionError { at });
                }
                out.push((at, Token::Ref(name)));
                i = end + 1;
            }
            '\'' | '"' => {
                let end = (i + 1..chars.len())
                    .find(|&j| chars[j] == c)
                    .ok_or(ConditionError { at })?;
                out.push((at, Token::Str(chars[i + 1..end].iter().collect())));
                i = end + 1;
            }
            c if c.is_ascii_digit() || c == '-' => {
                let end = (i + 1..chars.len())
                    .find(|&j| !(chars[j].is_ascii_digit() || chars[j] == '.'))
                    .unwrap_or(chars.len());
                let n: String = chars[i..end].iter().collect();
                if n.parse::<f64>().is_err() {
                    return Err(ConditionError { at });
                }
                out.push((at, Token::Str(n)));
                i = end;
            }
            c if c.is_alphabetic() => {
                let end = (i..chars.len())
                    .find(|&j| !(chars[j].is_alphanumeric() || chars[j] == '-'))
                    .unwrap_or(chars.len());
                let word: String = chars[i..end].iter().collect();
                let t = match word.as_str() {
                    "and" => Token::And,
                    "or" => Token::Or,
                    "selected" => Token::Selected,
                    _ => return Err(ConditionError { at }),
                };
                out.push((at, t));
                i = end;
            }
            _ => return Err(ConditionError { at }),
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos).map(|(_, t)| t)
    }

    fn here(&self) -> usize {
        self.tokens
            .get(self.pos)
            .map(|(at, _)| *at)
            .unwrap_or_else(|| self.tokens.last().map(|(at, _)| at + 1).unwrap_or(0))
    }

    fn expect(&mut self, t: Token) -> Result<(), ConditionError> {
        if self.peek() == Some(&t) {
            self.pos += 1;
            Ok(())
        } else {
            Err(ConditionError { at: self.here() })
        }
    }

    fn or(&mut self) -> Result<Condition, ConditionError> {
        let mut of = vec![self.and()?];
        while self.peek() == Some(&Token::Or) {
            self.pos += 1;
            of.push(self.and()?);
        }
        Ok(if of.len() == 1 {
            of.remove(0)
        } else {
            Condition::Any { of }
        })
    }

    fn and(&mut self) -> Result<Condition, ConditionError> {
        let mut of = vec![self.atom()?];
        while self.peek() == Some(&Token::And) {
            self.pos += 1;
            of.push(self.atom()?);
        }
        Ok(if of.len() == 1 {
            of.remove(0)
        } else {
            Condition::All { of }
        })
    }

    fn reference(&mut self) -> Result<String, ConditionError> {
        match self.peek().cloned() {
            Some(Token::Ref(name)) => {
                self.pos += 1;
                Ok(name)
            }
            _ => Err(ConditionError { at: self.here() }),
        }
    }

    fn value(&mut self) -> Result<String, ConditionError> {
        match self.peek().cloned() {
            Some(Token::Str(v)) => {
                self.pos += 1;
                Ok(v)
            }
            _ => Err(ConditionError { at: self.here() }),
        }
    }

    fn atom(&mut self) -> Result<Condition, ConditionError> {
        match self.peek() {
            Some(Token::Open) => {
                self.pos += 1;
                let c = self.or()?;
                self.expect(Token::Close)?;
                Ok(c)
            }
            Some(Token::Selected) => {
                self.pos += 1;
                self.expect(Token::Open)?;
                let question = self.reference()?;
                self.expect(Token::Comma)?;
                let value = self.value()?;
                self.expect(Token::Close)?;
                Ok(Condition::Contains { question, value })
            }
            Some(Token::Ref(_)) => {
                let question = self.reference()?;
                let negated = match self.peek() {
                    Some(Token::Eq) => false,
                    Some(Token::Ne) => true,
                    _ => return Err(ConditionError { at: self.here() }),
                };
                self.pos += 1;
                let value = self.value()?;
                Ok(if negated {
                    Condition::NotEquals { question, value }
                } else {
                    Condition::Equals { question, value }
                })
            }
            _ => Err(ConditionError { at: self.here() }),
        }
    }
}

/// What is wrong with one answer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum AnswerError {
    Required,
    NotANumber,
    NotWhole,
    BelowMin(f64),
    AboveMax(f64),
    NotADate,
    UnknownChoice,
    OneChoiceOnly,
    TooLong(usize),
}

impl AnswerError {
    /// The translation key of its message.
    pub fn key(&self) -> &'static str {
        match self {
            AnswerError::Required => "partners-error-required",
            AnswerError::NotANumber => "partners-error-number",
            AnswerError::NotWhole => "partners-error-whole",
            AnswerError::BelowMin(_) => "partners-error-min",
            AnswerError::AboveMax(_) => "partners-error-max",
            AnswerError::NotADate => "partners-error-date",
            AnswerError::UnknownChoice => "partners-error-choice",
            AnswerError::OneChoiceOnly => "partners-error-one-choice",
            AnswerError::TooLong(_) => "partners-error-too-long",
        }
    }

    /// The number its message names (the bound, the length), if any.
    pub fn bound(&self) -> Option<f64> {
        match self {
            AnswerError::BelowMin(n) | AnswerError::AboveMax(n) => Some(*n),
            AnswerError::TooLong(n) => Some(*n as f64),
            _ => None,
        }
    }
}

/// How far to check: a draft keeps what is typed (required questions may wait), a
/// submission needs every shown required question answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    Draft,
    Final,
}

/// Whether `q` is shown for `answers`.
pub fn shown(q: &Question, answers: &Answers) -> bool {
    q.show_if.as_ref().is_none_or(|c| c.holds(answers))
}

fn parse_number(v: &str) -> Option<f64> {
    v.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

/// The answer to one question checked, `Ok(None)` when blank.
fn check_one(
    form: &Questionnaire,
    q: &Question,
    given: &[&str],
) -> Result<Option<Vec<String>>, AnswerError> {
    if given.is_empty() {
        return Ok(None);
    }
    let one = || -> Result<&str, AnswerError> {
        match given {
            [v] => Ok(*v),
            _ => Err(AnswerError::OneChoiceOnly),
        }
    };
    let clean = match &q.kind {
        Kind::Single { .. } | Kind::Multiple { .. } => {
            if matches!(q.kind, Kind::Single { .. }) {
                one()?;
            }
            let choices = form.choices(q);
            let mut out = Vec::new();
            for v in given {
                if !choices.iter().any(|c| c.name == *v) {
                    return Err(AnswerError::UnknownChoice);
                }
                if !out.iter().any(|o| o == v) {
                    out.push((*v).to_owned());
                }
            }
            out
        }
        Kind::Number { integer, min, max } => {
            let v = one()?;
            let n = parse_number(v).ok_or(AnswerError::NotANumber)?;
            if *integer && n.fract() != 0.0 {
                return Err(AnswerError::NotWhole);
            }
            if let Some(m) = min.filter(|m| n < *m) {
                return Err(AnswerError::BelowMin(m));
            }
            if let Some(m) = max.filter(|m| n > *m) {
                return Err(AnswerError::AboveMax(m));
            }
            vec![format_number(n)]
        }
        Kind::Scale { min, max } => {
            let v = one()?;
            let n = parse_number(v).ok_or(AnswerError::NotANumber)?;
            if n.fract() != 0.0 {
                return Err(AnswerError::NotWhole);
            }
            if n < *min as f64 {
                return Err(AnswerError::BelowMin(*min as f64));
            }
            if n > *max as f64 {
                return Err(AnswerError::AboveMax(*max as f64));
            }
            vec![format_number(n)]
        }
        Kind::Date => {
            let v = one()?;
            let d = chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
                .map_err(|_| AnswerError::NotADate)?;
            vec![d.to_string()]
        }
        Kind::ShortText | Kind::LongText => {
            let v = one()?;
            let limit = if matches!(q.kind, Kind::ShortText) {
                SHORT_TEXT_MAX_CHARS
            } else {
                LONG_TEXT_MAX_CHARS
            };
            if v.chars().count() > limit {
                return Err(AnswerError::TooLong(limit));
            }
            vec![v.to_owned()]
        }
    };
    Ok(Some(clean))
}

/// A number as stored: without a trailing `.0`.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Checks `answers` against `form`: the clean answers (blank and hidden questions
/// dropped, numbers and dates normalised), or every error at once, keyed by question.
/// Answers to unknown questions are ignored.
pub fn validate(
    form: &Questionnaire,
    answers: &Answers,
    completeness: Completeness,
) -> Result<Answers, BTreeMap<String, AnswerError>> {
    let mut clean = Answers::new();
    let mut errors = BTreeMap::new();
    for q in form.questions() {
        // Conditions read the clean answers of the questions before: a hidden question
        // hides those depending on it.
        if !shown(q, &clean) {
            continue;
        }
        let given: Vec<&str> = values(answers, &q.name).collect();
        match check_one(form, q, &given) {
            Ok(Some(v)) => {
                clean.insert(q.name.clone(), v);
            }
            Ok(None) if q.required && completeness == Completeness::Final => {
                errors.insert(q.name.clone(), AnswerError::Required);
            }
            Ok(None) => {}
            Err(e) => {
                errors.insert(q.name.clone(), e);
            }
        }
    }
    if errors.is_empty() {
        Ok(clean)
    } else {
        Err(errors)
    }
}

/// The sums of one question over many answer sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    pub question: String,
    /// Answer sets answering it.
    pub answered: u64,
    /// For choice and scale questions: each value with its count, in the list's order.
    pub counts: Vec<(String, u64)>,
    /// For number and scale questions: the mean of the answers.
    pub mean: Option<f64>,
}

/// Sums clean answer sets per question.
pub fn tally<'a>(form: &Questionnaire, sets: impl IntoIterator<Item = &'a Answers>) -> Vec<Tally> {
    let sets: Vec<&Answers> = sets.into_iter().collect();
    form.questions()
        .map(|q| {
            let mut counts: Vec<(String, u64)> = match &q.kind {
                Kind::Single { .. } | Kind::Multiple { .. } => form
                    .choices(q)
                    .iter()
                    .map(|c| (c.name.clone(), 0))
                    .collect(),
                Kind::Scale { min, max } => (*min..=*max).map(|n| (n.to_string(), 0)).collect(),
                _ => Vec::new(),
            };
            let mut answered = 0;
            let mut sum = 0.0;
            let mut numbers = 0u64;
            for set in &sets {
                let given: Vec<&str> = values(set, &q.name).collect();
                if given.is_empty() {
                    continue;
                }
                answered += 1;
                for v in &given {
                    if let Some(c) = counts.iter_mut().find(|(n, _)| same_value(n, v)) {
                        c.1 += 1;
                    }
                    if matches!(q.kind, Kind::Number { .. } | Kind::Scale { .. })
                        && let Some(n) = parse_number(v)
                    {
                        sum += n;
                        numbers += 1;
                    }
                }
            }
            Tally {
                question: q.name.clone(),
                answered,
                counts,
                mean: (numbers > 0).then(|| sum / numbers as f64),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(name: &str, kind: Kind, required: bool, show_if: Option<&str>) -> Question {
        Question {
            name: name.into(),
            label: Label::new(format!("س {name}"), format!("Q {name}")),
            hint: Label::default(),
            kind,
            required,
            show_if: show_if.map(|s| Condition::parse(s).unwrap()),
        }
    }

    fn form() -> Questionnaire {
        let yes_no = vec![
            Choice {
                name: "yes".into(),
                label: Label::new("نعم", "Oui"),
            },
            Choice {
                name: "no".into(),
                label: Label::new("لا", "Non"),
            },
        ];
        let themes = vec![
            Choice {
                name: "funding".into(),
                label: Label::new("التمويل", "Financement"),
            },
            Choice {
                name: "staff".into(),
                label: Label::new("الموارد البشرية", "Personnel"),
            },
        ];
        Questionnaire {
            title: Label::new("استشارة", "Consultation"),
            sections: vec![Section {
                name: "main".into(),
                label: Label::new("عام", "Général"),
                questions: vec![
                    q(
                        "difficulty",
                        Kind::Single {
                            list: "yes_no".into(),
                        },
                        true,
                        None,
                    ),
                    q(
                        "themes",
                        Kind::Multiple {
                            list: "themes".into(),
                        },
                        true,
                        Some("${difficulty} = 'yes'"),
                    ),
                    q(
                        "staff_missing",
                        Kind::Number {
                            integer: true,
                            min: Some(0.0),
                            max: Some(50.0),
                        },
                        false,
                        Some("selected(${themes}, 'staff')"),
                    ),
                    q("visit", Kind::Date, false, None),
                    q("rating", Kind::Scale { min: 1, max: 5 }, true, None),
                    q("comment", Kind::LongText, false, None),
                ],
            }],
            lists: BTreeMap::from([("yes_no".into(), yes_no), ("themes".into(), themes)]),
        }
    }

    fn answers(pairs: &[(&str, &[&str])]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn the_sample_holds_together() {
        assert_eq!(form().check(), Ok(()));
    }

    #[test]
    fn a_condition_on_a_later_question_is_refused() {
        let mut f = form();
        f.sections[0].questions[0].show_if = Some(Condition::parse("${rating} = '2'").unwrap());
        assert!(matches!(
            f.check(),
            Err(DefinitionError::UnknownReference { .. })
        ));
    }

    #[test]
    fn every_error_comes_at_once_keyed_by_question() {
        let a = answers(&[
            ("difficulty", &["yes"]),
            ("themes", &["staff", "food"]),
            ("visit", &["31/12/2026"]),
            ("rating", &["9"]),
        ]);
        let e = validate(&form(), &a, Completeness::Final).unwrap_err();
        assert_eq!(e.get("themes"), Some(&AnswerError::UnknownChoice));
        assert_eq!(e.get("visit"), Some(&AnswerError::NotADate));
        assert_eq!(e.get("rating"), Some(&AnswerError::AboveMax(5.0)));
        assert_eq!(e.len(), 3);
    }

    #[test]
    fn required_waits_for_a_draft_not_for_a_submission() {
        let a = answers(&[("difficulty", &["no"])]);
        assert!(validate(&form(), &a, Completeness::Draft).is_ok());
        let e = validate(&form(), &a, Completeness::Final).unwrap_err();
        assert_eq!(e.keys().collect::<Vec<_>>(), ["rating"]);
    }

    #[test]
    fn hidden_questions_are_dropped_and_never_required() {
        let a = answers(&[
            ("difficulty", &["no"]),
            ("themes", &["staff"]),
            ("staff_missing", &["3"]),
            ("rating", &["4"]),
        ]);
        let clean = validate(&form(), &a, Completeness::Final).unwrap();
        assert!(!clean.contains_key("themes"));
        assert!(!clean.contains_key("staff_missing"));
        assert_eq!(clean["rating"], ["4"]);
    }

    #[test]
    fn numbers_are_checked_against_their_range() {
        let base = [
            ("difficulty", &["yes"][..]),
            ("themes", &["staff"][..]),
            ("rating", &["3"][..]),
        ];
        for (typed, expected) in [
            ("-1", Some(AnswerError::BelowMin(0.0))),
            ("51", Some(AnswerError::AboveMax(50.0))),
            ("2.5", Some(AnswerError::NotWhole)),
            ("deux", Some(AnswerError::NotANumber)),
            ("12", None),
        ] {
            let mut a = answers(&base);
            a.insert("staff_missing".into(), vec![typed.into()]);
            let r = validate(&form(), &a, Completeness::Final);
            assert_eq!(
                r.err().and_then(|e| e.get("staff_missing").copied()),
                expected
            );
        }
    }

    #[test]
    fn a_single_choice_takes_one_value() {
        let a = answers(&[("difficulty", &["yes", "no"]), ("rating", &["3"])]);
        let e = validate(&form(), &a, Completeness::Draft).unwrap_err();
        assert_eq!(e["difficulty"], AnswerError::OneChoiceOnly);
    }

    #[test]
    fn conditions_read_and_combine() {
        let c = Condition::parse("${a} = 'x' and (selected(${b}, 'y') or ${c} != 3)").unwrap();
        let a = answers(&[("a", &["x"]), ("b", &["z"]), ("c", &["4"])]);
        assert!(c.holds(&a));
        let a = answers(&[("a", &["x"]), ("b", &["z"]), ("c", &["3"])]);
        assert!(!c.holds(&a));
        assert_eq!(c.references(), ["a", "b", "c"]);
    }

    #[test]
    fn unsupported_expressions_are_refused_with_their_place() {
        for bad in [
            "${a} > 3",
            "count-selected(${a}) = 2",
            "${a} = 'x' and",
            "not(${a} = 'x')",
            "${a} = ${b}",
            "",
        ] {
            assert!(Condition::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Condition::parse("${a} > 3").unwrap_err().at, 5);
    }

    #[test]
    fn tally_counts_choices_and_averages_numbers() {
        let f = form();
        let sets = [
            answers(&[
                ("difficulty", &["yes"]),
                ("themes", &["staff", "funding"]),
                ("staff_missing", &["2"]),
                ("rating", &["2"]),
            ]),
            answers(&[
                ("difficulty", &["yes"]),
                ("themes", &["staff"]),
                ("staff_missing", &["4"]),
                ("rating", &["4"]),
            ]),
            answers(&[("difficulty", &["no"]), ("rating", &["5"])]),
        ];
        let t = tally(&f, &sets);
        let themes = t.iter().find(|t| t.question == "themes").unwrap();
        assert_eq!(themes.answered, 2);
        assert_eq!(themes.counts, [("funding".into(), 1), ("staff".into(), 2)]);
        let staff = t.iter().find(|t| t.question == "staff_missing").unwrap();
        assert_eq!(staff.mean, Some(3.0));
        let rating = t.iter().find(|t| t.question == "rating").unwrap();
        assert_eq!(rating.counts[1], ("2".into(), 1));
        assert_eq!(rating.answered, 3);
    }

    #[test]
    fn a_questionnaire_survives_json() {
        let f = form();
        let text = serde_json::to_string(&f).unwrap();
        assert_eq!(serde_json::from_str::<Questionnaire>(&text).unwrap(), f);
    }

    fn name() -> impl Strategy<Value = String> {
        "[a-z][a-z0-9_]{0,8}"
    }

    fn condition() -> impl Strategy<Value = Condition> {
        let leaf = prop_oneof![
            (name(), "[a-z0-9 ]{0,6}")
                .prop_map(|(question, value)| Condition::Equals { question, value }),
            (name(), "[a-z0-9 ]{0,6}")
                .prop_map(|(question, value)| Condition::NotEquals { question, value }),
            (name(), "[a-z0-9]{0,6}")
                .prop_map(|(question, value)| Condition::Contains { question, value }),
        ];
        leaf.prop_recursive(3, 12, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 2..4).prop_map(|of| Condition::All { of }),
                prop::collection::vec(inner, 2..4).prop_map(|of| Condition::Any { of }),
            ]
        })
    }

    /// `All` inside `All` (or `Any` inside `Any`) reads back flattened: compare the
    /// flattened forms.
    fn flat(c: Condition) -> Condition {
        match c {
            Condition::All { of } => Condition::All {
                of: of
                    .into_iter()
                    .map(flat)
                    .flat_map(|c| match c {
                        Condition::All { of } => of,
                        c => vec![c],
                    })
                    .collect(),
            },
            Condition::Any { of } => Condition::Any {
                of: of
                    .into_iter()
                    .map(flat)
                    .flat_map(|c| match c {
                        Condition::Any { of } => of,
                        c => vec![c],
                    })
                    .collect(),
            },
            c => c,
        }
    }

    proptest! {
        #[test]
        fn conditions_read_back_what_they_write(c in condition()) {
            let text = c.to_string();
            let back = Condition::parse(&text).unwrap();
            prop_assert_eq!(flat(back), flat(c));
        }

        #[test]
        fn parsing_never_panics(text in ".{0,40}") {
            let _ = Condition::parse(&text);
        }

        #[test]
        fn a_valid_answer_set_is_its_own_clean_form(
            difficulty in prop::sample::select(vec!["yes", "no"]),
            staff in prop::bool::ANY,
            missing in 0i64..=50,
            rating in 1i64..=5,
        ) {
            let mut a = answers(&[("difficulty", &[difficulty]), ("rating", &[&rating.to_string()])]);
            if difficulty == "yes" {
                let themes = if staff { vec!["staff".to_string()] } else { vec!["funding".to_string()] };
                a.insert("themes".into(), themes);
                if staff {
                    a.insert("staff_missing".into(), vec![missing.to_string()]);
                }
            }
            let clean = validate(&form(), &a, Completeness::Final).unwrap();
            prop_assert_eq!(&clean, &a);
            prop_assert_eq!(validate(&form(), &clean, Completeness::Final).unwrap(), clean);
        }

        #[test]
        fn errors_only_name_known_questions(
            typed in prop::collection::btree_map(
                prop::sample::select(vec!["difficulty", "themes", "staff_missing", "visit", "rating", "comment", "other"]),
                prop::collection::vec(".{0,6}", 0..3),
                0..7,
            )
        ) {
            let a: Answers = typed.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            if let Err(e) = validate(&form(), &a, Completeness::Final) {
                for k in e.keys() {
                    prop_assert!(form().question(k).is_some());
                }
            }
        }
    }
}
