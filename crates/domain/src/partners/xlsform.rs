//! Reading a questionnaire from the sheets of an XLSForm workbook (the `survey`,
//! `choices` and `settings` sheets ODK and KoboToolbox use). The sheets arrive as rows
//! of cell text (the store reads the file); labels come from `label::Arabic (ar)` and
//! `label::French (fr)` columns (or `label::ar`, `label::fr`, or a plain `label` for
//! both). What the engine does not support is refused by name and row — a type such as
//! `geopoint`, a `calculate`, a repeat, a relevance outside the small language of
//! [`Condition`], a constraint other than a number range — and then nothing is read.

use super::questionnaire::{
    Choice, Condition, DefinitionError, Kind, Label, MAX_QUESTIONS, Question, Questionnaire,
    Section,
};
use std::collections::{BTreeMap, BTreeSet};

/// One sheet: its rows with a value, each with its row number in the sheet (1-based,
/// the header being the first).
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub rows: Vec<Row>,
}

/// A row of a sheet: its line number in the workbook and its cells as text.
pub type Row = (u32, Vec<String>);

/// The sheets of a workbook, by name (any case).
#[derive(Debug, Clone, Default)]
pub struct Workbook {
    pub sheets: Vec<(String, Sheet)>,
}

impl Workbook {
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets
            .iter()
            .find(|(n, _)| n.trim().eq_ignore_ascii_case(name))
            .map(|(_, s)| s)
    }
}

/// What is wrong at one place of the workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The sheet is missing (or has no header).
    MissingSheet,
    /// The sheet lacks this column.
    MissingColumn(String),
    /// A question type the engine does not support (`geopoint`, `calculate`, …).
    UnsupportedType(String),
    /// A column the engine does not support, filled on this row (`calculation`, …).
    UnsupportedColumn(String),
    /// A relevance expression outside the supported language.
    UnsupportedRelevance(String),
    /// A constraint other than a number range.
    UnsupportedConstraint(String),
    /// A `required` value other than yes or no.
    UnsupportedRequired(String),
    /// Range parameters other than whole `start`, `end` and `step=1`.
    UnsupportedParameters(String),
    /// A group opened inside another.
    NestedGroup,
    /// An `end group` without its `begin group`.
    UnopenedGroup,
    /// A `begin group` never closed.
    UnclosedGroup,
    MissingName,
    MissingLabel,
    DuplicateName(String),
    UnknownList(String),
    EmptyList(String),
    /// A relevance reading a question not asked before.
    UnknownReference(String),
    EmptyRange,
    NoQuestion,
    TooManyQuestions,
}

impl Problem {
    /// The translation key of its message (which takes `name`, `sheet` and `row`).
    pub fn key(&self) -> &'static str {
        match self {
            Problem::MissingSheet => "partners-xls-missing-sheet",
            Problem::MissingColumn(_) => "partners-xls-missing-column",
            Problem::UnsupportedType(_) => "partners-xls-unsupported-type",
            Problem::UnsupportedColumn(_) => "partners-xls-unsupported-column",
            Problem::UnsupportedRelevance(_) => "partners-xls-unsupported-relevance",
            Problem::UnsupportedConstraint(_) => "partners-xls-unsupported-constraint",
            Problem::UnsupportedRequired(_) => "partners-xls-unsupported-required",
            Problem::UnsupportedParameters(_) => "partners-xls-unsupported-parameters",
            Problem::NestedGroup => "partners-xls-nested-group",
            Problem::UnopenedGroup => "partners-xls-unopened-group",
            Problem::UnclosedGroup => "partners-xls-unclosed-group",
            Problem::MissingName => "partners-xls-missing-name",
            Problem::MissingLabel => "partners-xls-missing-label",
            Problem::DuplicateName(_) => "partners-xls-duplicate-name",
            Problem::UnknownList(_) => "partners-xls-unknown-list",
            Problem::EmptyList(_) => "partners-xls-empty-list",
            Problem::UnknownReference(_) => "partners-xls-unknown-reference",
            Problem::EmptyRange => "partners-xls-empty-range",
            Problem::NoQuestion => "partners-xls-no-question",
            Problem::TooManyQuestions => "partners-xls-too-many",
        }
    }

    /// The name the message quotes (a type, a column, an expression, a list).
    pub fn name(&self) -> &str {
        match self {
            Problem::MissingColumn(n)
            | Problem::UnsupportedType(n)
            | Problem::UnsupportedColumn(n)
            | Problem::UnsupportedRelevance(n)
            | Problem::UnsupportedConstraint(n)
            | Problem::UnsupportedRequired(n)
            | Problem::UnsupportedParameters(n)
            | Problem::DuplicateName(n)
            | Problem::UnknownList(n)
            | Problem::EmptyList(n)
            | Problem::UnknownReference(n) => n,
            _ => "",
        }
    }
}

/// A refusal: the sheet, the row (0 for the sheet as a whole) and the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsFormError {
    pub sheet: &'static str,
    pub row: u32,
    pub problem: Problem,
}

/// A questionnaire read from a workbook, with the form's id and version as the
/// `settings` sheet gives them (empty when absent).
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub form_id: String,
    pub version: String,
    pub questionnaire: Questionnaire,
}

/// Types carrying no question: device metadata ODK fills by itself. Skipped.
const METADATA: &[&str] = &[
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "email",
    "audit",
    "start-geopoint",
];

/// Survey columns the engine does not support, refused when filled.
const UNSUPPORTED_COLUMNS: &[&str] = &[
    "calculation",
    "repeat_count",
    "choice_filter",
    "trigger",
    "default",
    "read_only",
];

/// The header of a sheet: each column's name (lower case) by position.
struct Header(Vec<String>);

impl Header {
    fn of(sheet: &Sheet) -> Option<(Header, &[Row])> {
        let ((_, first), rest) = sheet.rows.split_first()?;
        Some((
            Header(first.iter().map(|c| c.trim().to_lowercase()).collect()),
            rest,
        ))
    }

    fn has(&self, name: &str) -> bool {
        self.0.iter().any(|c| c == name)
    }

    fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        self.0
            .iter()
            .position(|c| c == name)
            .and_then(|i| row.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    /// The label in Arabic and French from the columns `base`, `base::… (ar)`, …
    fn label(&self, row: &[String], base: &str) -> Label {
        let mut plain = String::new();
        let mut label = Label::default();
        for (i, col) in self.0.iter().enumerate() {
            let cell = row.get(i).map(|s| s.trim()).unwrap_or("");
            if cell.is_empty() {
                continue;
            }
            if col == base {
                plain = cell.to_owned();
            } else if let Some(lang) = col.strip_prefix(base).and_then(|r| r.strip_prefix("::")) {
                match language(lang) {
                    Some("ar") => label.ar = cell.to_owned(),
                    Some("fr") => label.fr = cell.to_owned(),
                    _ => {}
                }
            }
        }
        if label.ar.is_empty() {
            label.ar.clone_from(&plain);
        }
        if label.fr.is_empty() {
            label.fr = plain;
        }
        label
    }
}

/// The language code of a label column's suffix: `Arabic (ar)`, `ar`, `French (fr)`.
fn language(suffix: &str) -> Option<&'static str> {
    let s = suffix.trim();
    let code = match (s.rfind('('), s.ends_with(')')) {
        (Some(i), true) => &s[i + 1..s.len() - 1],
        _ => s,
    };
    match code.trim() {
        "ar" | "arabic" | "العربية" => Some("ar"),
        "fr" | "french" | "français" | "francais" => Some("fr"),
        _ => None,
    }
}

fn required(text: &str) -> Option<bool> {
    match text.to_lowercase().as_str() {
        "" | "no" | "false" | "false()" | "0" => Some(false),
        "yes" | "true" | "true()" | "1" => Some(true),
        _ => None,
    }
}

/// A number range constraint: `. >= a`, `. <= b`, or both joined by `and`.
fn range_constraint(text: &str) -> Option<(Option<f64>, Option<f64>)> {
    let (mut min, mut max) = (None, None);
    for part in text.split(" and ") {
        let p: String = part.chars().filter(|c| !c.is_whitespace()).collect();
        let rest = p.strip_prefix('.')?;
        if let Some(n) = rest.strip_prefix(">=") {
            min = Some(n.parse::<f64>().ok().filter(|n| n.is_finite())?);
        } else if let Some(n) = rest.strip_prefix("<=") {
            max = Some(n.parse::<f64>().ok().filter(|n| n.is_finite())?);
        } else {
            return None;
        }
    }
    Some((min, max))
}

/// Range parameters: `start=1 end=5 step=1` (whole, step 1).
fn scale_parameters(text: &str) -> Option<(i64, i64)> {
    let (mut start, mut end) = (1, 5);
    for part in text.split_whitespace() {
        let (k, v) = part.split_once('=')?;
        let n: i64 = v.trim().parse().ok()?;
        match k.trim() {
            "start" => start = n,
            "end" => end = n,
            "step" if n == 1 => {}
            _ => return None,
        }
    }
    Some((start, end))
}

/// Reads the workbook; every problem at once, or the questionnaire.
pub fn read(book: &Workbook) -> Result<Imported, Vec<XlsFormError>> {
    let mut errors = Vec::new();
    let mut err = |sheet: &'static str, row: u32, problem: Problem| {
        errors.push(XlsFormError {
            sheet,
            row,
            problem,
        })
    };

    // Choices.
    let mut lists: BTreeMap<String, Vec<Choice>> = BTreeMap::new();
    let mut list_rows: BTreeMap<String, u32> = BTreeMap::new();
    if let Some((h, rows)) = book.sheet("choices").and_then(Header::of) {
        for col in ["list_name", "name"] {
            if !h.has(col) {
                err("choices", 1, Problem::MissingColumn(col.into()));
            }
        }
        for (n, row) in rows {
            let list = h.get(row, "list_name");
            let name = h.get(row, "name");
            if list.is_empty() && name.is_empty() {
                continue;
            }
            if name.is_empty() {
                err("choices", *n, Problem::MissingName);
                continue;
            }
            let label = h.label(row, "label");
            if label.is_empty() {
                err("choices", *n, Problem::MissingLabel);
            }
            list_rows.entry(list.to_owned()).or_insert(*n);
            let choices = lists.entry(list.to_owned()).or_default();
            if choices.iter().any(|c| c.name == name) {
                err("choices", *n, Problem::DuplicateName(name.into()));
                continue;
            }
            choices.push(Choice {
                name: name.into(),
                label,
            });
        }
    }

    // Settings.
    let (mut title, mut form_id, mut version) = (Label::default(), String::new(), String::new());
    if let Some((h, rows)) = book.sheet("settings").and_then(Header::of)
        && let Some((_, row)) = rows.first()
    {
        title = h.label(row, "form_title");
        form_id = h.get(row, "form_id").to_owned();
        version = h.get(row, "version").to_owned();
    }

    // Survey.
    let mut sections: Vec<Section> = Vec::new();
    let mut open_group: Option<(u32, Section)> = None;
    let mut loose: Option<Section> = None;
    let mut names = BTreeSet::new();
    let mut used_lists = BTreeSet::new();
    let mut count = 0usize;
    match book.sheet("survey").and_then(Header::of) {
        None => err("survey", 0, Problem::MissingSheet),
        Some((h, rows)) => {
            for col in ["type", "name"] {
                if !h.has(col) {
                    err("survey", 1, Problem::MissingColumn(col.into()));
                }
            }
            for (n, row) in rows {
                let n = *n;
                let ty = h.get(row, "type").to_lowercase();
                let words: Vec<&str> = ty.split_whitespace().collect();
                let name = h.get(row, "name");
                let label = h.label(row, "label");
                let head = match words.as_slice() {
                    [] => continue,
                    ["begin", "group"] | ["begin_group"] => "begin group",
                    ["end", "group"] | ["end_group"] => "end group",
                    [w, ..] => w,
                };
                for col in UNSUPPORTED_COLUMNS {
                    if !h.get(row, col).is_empty() {
                        err("survey", n, Problem::UnsupportedColumn((*col).into()));
                    }
                }
                if METADATA.contains(&head) {
                    continue;
                }
                match head {
                    "begin group" => {
                        if open_group.is_some() {
                            err("survey", n, Problem::NestedGroup);
                            continue;
                        }
                        if !h.get(row, "relevant").is_empty() {
                            err(
                                "survey",
                                n,
                                Problem::UnsupportedRelevance(h.get(row, "relevant").into()),
                            );
                        }
                        if let Some(s) = loose.take() {
                            sections.push(s);
                        }
                        open_group = Some((
                            n,
                            Section {
                                name: name.into(),
                                label,
                                questions: Vec::new(),
                            },
                        ));
                        continue;
                    }
                    "end group" => {
                        match open_group.take() {
                            Some((_, s)) => sections.push(s),
                            None => err("survey", n, Problem::UnopenedGroup),
                        }
                        continue;
                    }
                    _ => {}
                }
                let kind = match (head, words.get(1)) {
                    ("select_one", Some(list)) if words.len() == 2 => Kind::Single {
                        list: (*list).into(),
                    },
                    ("select_multiple", Some(list)) if words.len() == 2 => Kind::Multiple {
                        list: (*list).into(),
                    },
                    ("integer" | "decimal", None) => Kind::Number {
                        integer: head == "integer",
                        min: None,
                        max: None,
                    },
                    ("date", None) => Kind::Date,
                    ("text", None) => {
                        if h.get(row, "appearance").contains("multiline") {
                            Kind::LongText
                        } else {
                            Kind::ShortText
                        }
                    }
                    ("range", None) => match scale_parameters(h.get(row, "parameters")) {
                        Some((min, max)) => Kind::Scale { min, max },
                        None => {
                            err(
                                "survey",
                                n,
                                Problem::UnsupportedParameters(h.get(row, "parameters").into()),
                            );
                            continue;
                        }
                    },
                    _ => {
                        err("survey", n, Problem::UnsupportedType(ty.clone()));
                        continue;
                    }
                };
                let kind = match (kind, h.get(row, "constraint")) {
                    (k, "") => k,
                    (Kind::Number { integer, .. }, text) => match range_constraint(text) {
                        Some((min, max)) => Kind::Number { integer, min, max },
                        None => {
                            err("survey", n, Problem::UnsupportedConstraint(text.into()));
                            continue;
                        }
                    },
                    (_, text) => {
                        err("survey", n, Problem::UnsupportedConstraint(text.into()));
                        continue;
                    }
                };
                if matches!(&kind, Kind::Number { min: Some(a), max: Some(b), .. } if a > b)
                    || matches!(&kind, Kind::Scale { min, max } if min >= max)
                {
                    err("survey", n, Problem::EmptyRange);
                }
                if name.is_empty() {
                    err("survey", n, Problem::MissingName);
                    continue;
                }
                if label.is_empty() {
                    err("survey", n, Problem::MissingLabel);
                }
                let Some(required) = required(h.get(row, "required")) else {
                    err(
                        "survey",
                        n,
                        Problem::UnsupportedRequired(h.get(row, "required").into()),
                    );
                    continue;
                };
                let relevant = h.get(row, "relevant");
                let show_if = if relevant.is_empty() {
                    None
                } else {
                    match Condition::parse(relevant) {
                        Ok(c) => {
                            for on in c.references() {
                                if !names.contains(on) {
                                    err("survey", n, Problem::UnknownReference(on.into()));
                                }
                            }
                            Some(c)
                        }
                        Err(_) => {
                            err("survey", n, Problem::UnsupportedRelevance(relevant.into()));
                            None
                        }
                    }
                };
                if let Some(list) = kind.list() {
                    match lists.get(list) {
                        None => err("survey", n, Problem::UnknownList(list.into())),
                        Some(c) if c.is_empty() => {
                            err("survey", n, Problem::EmptyList(list.into()))
                        }
                        Some(_) => {}
                    }
                    used_lists.insert(list.to_owned());
                }
                if !names.insert(name.to_owned()) {
                    err("survey", n, Problem::DuplicateName(name.into()));
                    continue;
                }
                count += 1;
                let question = Question {
                    name: name.into(),
                    label,
                    hint: h.label(row, "hint"),
                    kind,
                    required,
                    show_if,
                };
                match open_group.as_mut() {
                    Some((_, s)) => s.questions.push(question),
                    None => loose
                        .get_or_insert_with(|| Section {
                            name: String::new(),
                            label: Label::default(),
                            questions: Vec::new(),
                        })
                        .questions
                        .push(question),
                }
            }
            if let Some((n, _)) = &open_group {
                err("survey", *n, Problem::UnclosedGroup);
            }
            if count == 0 {
                err("survey", 0, Problem::NoQuestion);
            } else if count > MAX_QUESTIONS {
                err("survey", 0, Problem::TooManyQuestions);
            }
        }
    }
    if let Some(s) = loose.take() {
        sections.push(s);
    }
    sections.retain(|s| !s.questions.is_empty());
    // Only the lists questions use are kept.
    lists.retain(|l, _| used_lists.contains(l));
    drop(list_rows);
    if !errors.is_empty() {
        errors.sort_by_key(|e| (e.sheet != "survey", e.row));
        return Err(errors);
    }
    let questionnaire = Questionnaire {
        title,
        sections,
        lists,
    };
    // What the rows above let through holds together; a last check, by the engine.
    if let Err(e) = questionnaire.check() {
        let problem = match e {
            DefinitionError::NoQuestion => Problem::NoQuestion,
            DefinitionError::TooManyQuestions => Problem::TooManyQuestions,
            DefinitionError::DuplicateName(n) => Problem::DuplicateName(n),
            DefinitionError::MissingLabel(_) => Problem::MissingLabel,
            DefinitionError::UnknownList { list, .. } => Problem::UnknownList(list),
            DefinitionError::EmptyList(l) => Problem::EmptyList(l),
            DefinitionError::UnknownReference { on, .. } => Problem::UnknownReference(on),
            DefinitionError::EmptyRange(_) => Problem::EmptyRange,
        };
        return Err(vec![XlsFormError {
            sheet: "survey",
            row: 0,
            problem,
        }]);
    }
    Ok(Imported {
        form_id,
        version,
        questionnaire,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| (i as u32 + 1, r.iter().map(|c| c.to_string()).collect()))
                .collect(),
        }
    }

    const SURVEY_HEAD: &[&str] = &[
        "type",
        "name",
        "label::Arabic (ar)",
        "label::French (fr)",
        "required",
        "relevant",
        "constraint",
        "appearance",
        "parameters",
    ];

    fn book(survey: &[&[&str]]) -> Workbook {
        let mut rows = vec![SURVEY_HEAD];
        rows.extend_from_slice(survey);
        Workbook {
            sheets: vec![
                ("survey".into(), sheet(&rows)),
                (
                    "choices".into(),
                    sheet(&[
                        &[
                            "list_name",
                            "name",
                            "label::Arabic (ar)",
                            "label::French (fr)",
                        ],
                        &["yes_no", "yes", "نعم", "Oui"],
                        &["yes_no", "no", "لا", "Non"],
                        &["themes", "funding", "التمويل", "Financement"],
                        &["themes", "staff", "الموارد البشرية", "Personnel"],
                    ]),
                ),
                (
                    "settings".into(),
                    sheet(&[
                        &["form_title", "form_id", "version"],
                        &["Difficultés", "difficulties", "2026-12"],
                    ]),
                ),
            ],
        }
    }

    const GOOD: &[&[&str]] = &[
        &["start", "start", "", "", "", "", "", "", ""],
        &[
            "begin group",
            "general",
            "عام",
            "Général",
            "",
            "",
            "",
            "",
            "",
        ],
        &[
            "select_one yes_no",
            "difficulty",
            "صعوبات؟",
            "Des difficultés ?",
            "yes",
            "",
            "",
            "",
            "",
        ],
        &[
            "select_multiple themes",
            "themes",
            "المجالات",
            "Les domaines",
            "yes",
            "${difficulty} = 'yes'",
            "",
            "",
            "",
        ],
        &[
            "integer",
            "staff_missing",
            "عدد",
            "Nombre",
            "",
            "selected(${themes}, 'staff')",
            ". >= 0 and . <= 50",
            "",
            "",
        ],
        &["end group", "", "", "", "", "", "", "", ""],
        &[
            "range",
            "rating",
            "تقييم",
            "Note",
            "true",
            "",
            "",
            "",
            "start=1 end=5 step=1",
        ],
        &[
            "text",
            "comment",
            "ملاحظات",
            "Remarques",
            "",
            "",
            "",
            "multiline",
            "",
        ],
        &["date", "visit", "تاريخ", "Date", "", "", "", "", ""],
    ];

    #[test]
    fn a_supported_form_reads_into_the_engine() {
        let i = read(&book(GOOD)).unwrap();
        assert_eq!(i.form_id, "difficulties");
        assert_eq!(i.version, "2026-12");
        let q = &i.questionnaire;
        assert_eq!(q.title.fr, "Difficultés");
        assert_eq!(q.sections.len(), 2);
        assert_eq!(q.sections[0].label.ar, "عام");
        assert_eq!(q.sections[0].questions.len(), 3);
        let staff = q.question("staff_missing").unwrap();
        assert_eq!(
            staff.kind,
            Kind::Number {
                integer: true,
                min: Some(0.0),
                max: Some(50.0)
            }
        );
        assert!(staff.show_if.is_some());
        assert_eq!(
            q.question("rating").unwrap().kind,
            Kind::Scale { min: 1, max: 5 }
        );
        assert!(q.question("rating").unwrap().required);
        assert_eq!(q.question("comment").unwrap().kind, Kind::LongText);
        assert_eq!(
            q.question("difficulty").unwrap().label.fr,
            "Des difficultés ?"
        );
        assert_eq!(q.lists.len(), 2);
        assert!(q.question("start").is_none());
    }

    #[test]
    fn unsupported_features_are_refused_by_name_and_row() {
        let mut rows: Vec<&[&str]> = GOOD.to_vec();
        rows.push(&["geopoint", "where", "أين", "Où", "", "", "", "", ""]);
        rows.push(&["calculate", "total", "", "", "", "", "", "", ""]);
        rows.push(&["integer", "n", "ع", "N", "", "${rating} > 3", "", "", ""]);
        rows.push(&[
            "integer",
            "m",
            "ع",
            "M",
            "",
            "",
            "regex(., '^[0-9]+$')",
            "",
            "",
        ]);
        let e = read(&book(&rows)).unwrap_err();
        assert_eq!(
            e,
            [
                XlsFormError {
                    sheet: "survey",
                    row: 11,
                    problem: Problem::UnsupportedType("geopoint".into())
                },
                XlsFormError {
                    sheet: "survey",
                    row: 12,
                    problem: Problem::UnsupportedType("calculate".into())
                },
                XlsFormError {
                    sheet: "survey",
                    row: 13,
                    problem: Problem::UnsupportedRelevance("${rating} > 3".into())
                },
                XlsFormError {
                    sheet: "survey",
                    row: 14,
                    problem: Problem::UnsupportedConstraint("regex(., '^[0-9]+$')".into())
                },
            ]
        );
    }

    #[test]
    fn lists_groups_and_names_are_checked() {
        let rows: &[&[&str]] = &[
            &["begin group", "g", "م", "G", "", "", "", "", ""],
            &["begin group", "h", "م", "H", "", "", "", "", ""],
            &["select_one colours", "c", "ل", "C", "", "", "", "", ""],
            &["text", "c", "ل", "C", "", "", "", "", ""],
            &["text", "d", "", "", "maybe", "", "", "", ""],
            &["text", "e", "ه", "E", "", "${later} = 'x'", "", "", ""],
        ];
        let e = read(&book(rows)).unwrap_err();
        let problems: Vec<(u32, Problem)> = e.into_iter().map(|e| (e.row, e.problem)).collect();
        assert_eq!(
            problems,
            [
                (2, Problem::UnclosedGroup),
                (3, Problem::NestedGroup),
                (4, Problem::UnknownList("colours".into())),
                (5, Problem::DuplicateName("c".into())),
                (6, Problem::MissingLabel),
                (6, Problem::UnsupportedRequired("maybe".into())),
                (7, Problem::UnknownReference("later".into())),
            ]
        );
    }

    #[test]
    fn a_plain_label_serves_both_languages_and_a_missing_survey_is_named() {
        let w = Workbook {
            sheets: vec![(
                "Survey".into(),
                sheet(&[&["type", "name", "label"], &["text", "who", "Nom / الاسم"]]),
            )],
        };
        let q = read(&w).unwrap().questionnaire;
        assert_eq!(
            q.question("who").unwrap().label,
            Label::new("Nom / الاسم", "Nom / الاسم")
        );
        let e = read(&Workbook::default()).unwrap_err();
        assert_eq!(e[0].problem, Problem::MissingSheet);
        assert_eq!(language("Arabic (ar)"), Some("ar"));
        assert_eq!(language("fr"), Some("fr"));
        assert_eq!(language("Tamazight (zgh)"), None);
    }
}
