//! One line of a households file, checked on its own: every value parsed, the checks that
//! need only the line itself. What a line must agree on with other lines and with the
//! registry is checked once the whole file is staged (see `check`).

use super::super::sheet::Sheet;
use super::super::{Problem, RowError};
use chrono::NaiveDate;
use jisr_domain::registry::{
    self as r, Cin, FieldError, Relation, Schooling, Sex, date_text, parse_flag, parse_past_date,
    parse_text,
};
use std::collections::HashMap;
use std::io::Read;

pub(super) const COLUMNS: &[&str] = &[
    "household_key",
    "commune_code",
    "address",
    "cin",
    "population_register_id",
    "person_key",
    "first_name_ar",
    "last_name_ar",
    "first_name_lat",
    "last_name_lat",
    "birth_date",
    "sex",
    "relation",
    "disabled",
    "disability_card_number",
    "disability_card_date",
    "schooling",
    "orphan",
    "member_since",
];
pub(super) const REQUIRED: &[&str] = &[
    "household_key",
    "commune_code",
    "birth_date",
    "sex",
    "relation",
];

const NAME_MAX: usize = 100;
const ADDRESS_MAX: usize = 300;

/// The facts of a person line whose every value was accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Facts {
    pub first_name_ar: String,
    pub last_name_ar: String,
    pub first_name_lat: String,
    pub last_name_lat: String,
    pub birth_date: String,
    pub sex: &'static str,
    pub relation: &'static str,
    pub disabled: Option<bool>,
    pub card_number: Option<String>,
    pub card_date: Option<String>,
    pub schooling: Option<&'static str>,
    pub orphan: Option<bool>,
    /// The first day of the stay the line describes: `member_since`, or the import day.
    pub from_date: String,
    /// Whether `member_since` was given.
    pub since_given: bool,
}

/// A line as it is staged: what the cross-line checks need of every line (its household
/// and its person keys, when they parse), and the facts of an accepted line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Staged {
    pub line: u64,
    /// The household key, when it parses (a refused line still marks its household).
    pub household_key: Option<String>,
    /// The commune, when it is known, with its province.
    pub commune: Option<(String, String)>,
    pub address: Option<String>,
    /// Whether the three key columns parsed (each may still be empty).
    pub keys_parsed: bool,
    pub cin: Option<String>,
    pub register: Option<String>,
    pub key: Option<String>,
    /// Present when no value of the line was refused.
    pub facts: Option<Facts>,
}

/// Reads the next line of the file, `None` at its end. Refusals go to the sheet.
pub(super) fn next_line<R: Read>(
    s: &mut Sheet<R>,
    communes: &HashMap<String, String>,
    today: NaiveDate,
) -> Result<Option<Staged>, super::super::ImportError> {
    let Some(line) = s.next()? else {
        return Ok(None);
    };
    let before = s.errors.len();
    let past = |v: &str| parse_past_date(v, today);
    let household_key = s.field(line, "household_key", r::parse_household_key);
    let commune_raw = s.raw("commune_code").to_owned();
    let commune = match communes.get(&commune_raw) {
        Some(p) => Some((commune_raw, p.clone())),
        None if commune_raw.is_empty() => {
            s.refuse(
                line,
                Some("commune_code"),
                Problem::field(FieldError::Empty),
            );
            None
        }
        None => {
            s.refuse(line, Some("commune_code"), Problem::UnknownCommune);
            None
        }
    };
    let address = s.field(line, "address", |v| parse_text(v, ADDRESS_MAX));
    let cin = s.optional(line, "cin", |v| {
        Cin::parse(v).map(|c| c.as_str().to_owned())
    });
    let register = s.optional(
        line,
        "population_register_id",
        r::parse_population_register_id,
    );
    let key = s.optional(line, "person_key", r::parse_person_key);
    let names: Vec<Option<String>> = ["first_name_ar", "last_name_ar"]
        .into_iter()
        .chain(["first_name_lat", "last_name_lat"])
        .map(|c| s.field(line, c, |v| parse_text(v, NAME_MAX)))
        .collect();
    let birth_date = s.field(line, "birth_date", past);
    let sex = s.field(line, "sex", Sex::parse);
    let relation = s.field(line, "relation", Relation::parse);
    let disabled = s.field(line, "disabled", parse_flag);
    let card_number = s.optional(line, "disability_card_number", |v| parse_text(v, 32));
    let card_date = s.optional(line, "disability_card_date", past);
    let schooling = s.optional(line, "schooling", Schooling::parse);
    let orphan = s.field(line, "orphan", parse_flag);
    let since = s.optional(line, "member_since", past);

    let keys_parsed = cin.is_some() && register.is_some() && key.is_some();
    let (cin, register, key) = (cin.flatten(), register.flatten(), key.flatten());
    if keys_parsed && cin.is_none() && register.is_none() && key.is_none() {
        s.refuse(line, None, Problem::NoPersonKey);
    }
    let names_given = |a: &Option<String>, b: &Option<String>| {
        a.as_deref().is_some_and(|x| !x.is_empty()) && b.as_deref().is_some_and(|x| !x.is_empty())
    };
    if names.iter().all(Option::is_some)
        && !names_given(&names[0], &names[1])
        && !names_given(&names[2], &names[3])
    {
        s.refuse(line, None, Problem::NameMissing);
    }
    if let (Some(d), Some(n), Some(cd)) = (disabled, &card_number, &card_date)
        && (n.is_some() || cd.is_some())
        && d != Some(true)
    {
        let col = if n.is_some() {
            "disability_card_number"
        } else {
            "disability_card_date"
        };
        s.refuse(line, Some(col), Problem::DisabilityCardWithoutFlag);
    }

    let mut staged = Staged {
        line,
        household_key,
        commune,
        address,
        keys_parsed,
        cin,
        register,
        key,
        facts: None,
    };
    if s.errors.len() > before {
        return Ok(Some(staged));
    }
    // Every value parsed: none of these is `None`.
    if let (
        Some(birth_date),
        Some(sex),
        Some(relation),
        Some(disabled),
        Some(card_number),
        Some(card_date),
        Some(schooling),
        Some(orphan),
        Some(since),
    ) = (
        birth_date,
        sex,
        relation,
        disabled,
        card_number,
        card_date,
        schooling,
        orphan,
        since,
    ) {
        let mut names = names.into_iter().map(Option::unwrap_or_default);
        staged.facts = Some(Facts {
            first_name_ar: names.next().unwrap_or_default(),
            last_name_ar: names.next().unwrap_or_default(),
            first_name_lat: names.next().unwrap_or_default(),
            last_name_lat: names.next().unwrap_or_default(),
            birth_date: date_text(birth_date),
            sex: sex.as_str(),
            relation: relation.as_str(),
            disabled,
            card_number,
            card_date: card_date.map(date_text),
            schooling: schooling.map(Schooling::as_str),
            orphan,
            from_date: date_text(since.unwrap_or(today)),
            since_given: since.is_some(),
        });
    }
    Ok(Some(staged))
}

/// Sorts refusals by line, keeping the order in which a line's values were checked.
pub(super) fn sorted(mut errors: Vec<RowError>) -> Vec<RowError> {
    errors.sort_by_key(|e| e.line);
    errors
}
