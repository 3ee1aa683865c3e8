//! Programmes as data: each programme's dated rule versions (named criteria and a benefit
//! expression), drafts checked by the targeting engine before anything is saved, and
//! activation of a draft, which closes the version in force. Every change is audited in
//! its own transaction.
//!
//! # Rule text
//!
//! One criterion per line, `id: expression`, where `id` is lower-case letters, digits and
//! `-`; empty lines and lines starting with `#` are ignored. A household is eligible when
//! every criterion holds. Errors carry the byte span in the whole text.

use crate::audit::{self, Actor, Change};
use crate::entity::{programme, rule_version};
use crate::registry::{LoadError, engine_geo};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use jisr_targeting::date::{Day, day_from_ymd};
use jisr_targeting::registry::GeoTables;
use jisr_targeting::rules::{
    CompiledVersion, Criterion, Level, Programme, RuleVersion, Schema, check_condition,
    check_number, parse,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde::Serialize;
use serde_json::json;

/// The status of a version.
pub const DRAFT: &str = "draft";
pub const ACTIVE: &str = "active";
pub const RETIRED: &str = "retired";

/// The rule text of a list of criteria, one `id: expression` per line.
pub fn rule_text(criteria: &[Criterion]) -> String {
    criteria
        .iter()
        .map(|c| format!("{}: {}", c.id, c.expr))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One problem in a draft: the form field, a stable code (the engine's rule error codes,
/// or `criterion-syntax`, `criterion-duplicate`, `rule-empty`, `invalid-valid-from`,
/// `valid-from-too-early`), the offending name when there is one, and where in the field's
/// text (byte offsets; line and column are 1-based, the column in characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftError {
    pub field: &'static str,
    pub code: String,
    pub name: Option<String>,
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub column: u32,
}

/// Why a change to a programme was refused.
#[derive(Debug, thiserror::Error)]
pub enum ProgrammeError {
    /// The draft does not check; nothing was saved.
    #[error("{} errors", .0.len())]
    Invalid(Vec<DraftError>),
    /// Only a draft can be activated.
    #[error("not a draft")]
    NotDraft,
    /// A new programme's fields were refused: `(field, message key)` each; nothing saved.
    #[error("{} fields refused", .0.len())]
    Fields(Vec<(&'static str, &'static str)>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for ProgrammeError {
    fn from(e: sea_orm::DbErr) -> Self {
        ProgrammeError::Store(e.into())
    }
}

impl From<LoadError> for ProgrammeError {
    fn from(e: LoadError) -> Self {
        match e {
            LoadError::Store(s) => ProgrammeError::Store(s),
            LoadError::Build(b) => ProgrammeError::Store(StoreError::Invalid(format!("{b:?}"))),
        }
    }
}

/// A new draft as written in the form.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// `YYYY-MM-DD`.
    pub valid_from: String,
    pub rule: String,
    /// Empty when the programme pays no amount.
    pub benefit: String,
}

/// A programme with its versions, newest first.
#[derive(Debug, Clone)]
pub struct ProgrammeDetail {
    pub programme: programme::Model,
    pub versions: Vec<rule_version::Model>,
}

impl ProgrammeDetail {
    pub fn active(&self) -> Option<&rule_version::Model> {
        self.versions.iter().find(|v| v.status == ACTIVE)
    }

    pub fn version(&self, n: i32) -> Option<&rule_version::Model> {
        self.versions.iter().find(|v| v.version == n)
    }
}

/// Every programme with its versions.
pub async fn list(store: &Store) -> Result<Vec<ProgrammeDetail>, StoreError> {
    let programmes = programme::Entity::find()
        .order_by_asc(programme::Column::Code)
        .all(store.conn())
        .await?;
    let mut out = Vec::new();
    for p in programmes {
        out.push(detail_of(store, p).await?);
    }
    Ok(out)
}

/// One programme, or not found.
pub async fn get(store: &Store, code: &str) -> Result<ProgrammeDetail, StoreError> {
    let p = programme::Entity::find_by_id(code.to_owned())
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
    detail_of(store, p).await
}

async fn detail_of(
    store: &Store,
    programme: programme::Model,
) -> Result<ProgrammeDetail, StoreError> {
    let versions = rule_version::Entity::find()
        .filter(rule_version::Column::ProgrammeCode.eq(programme.code.as_str()))
        .order_by_desc(rule_version::Column::Version)
        .all(store.conn())
        .await?;
    Ok(ProgrammeDetail {
        programme,
        versions,
    })
}

fn position(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line as u32, column as u32)
}

fn error_at(
    field: &'static str,
    text: &str,
    code: &str,
    name: Option<String>,
    start: usize,
    end: usize,
) -> DraftError {
    let (line, column) = position(text, start);
    DraftError {
        field,
        code: code.to_owned(),
        name,
        start: start as u32,
        end: end as u32,
        line,
        column,
    }
}

fn rule_error_name(e: &jisr_targeting::rules::RuleError) -> Option<String> {
    use jisr_targeting::rules::RuleError::*;
    match e {
        UnknownField { name, .. } | UnknownFunction { name, .. } | WrongArity { name, .. } => {
            Some(name.clone())
        }
        UnknownCategoryValue { value, .. } => Some(value.clone()),
        _ => None,
    }
}

/// Splits and checks a rule text: its criteria, or every error found.
pub fn parse_rule(text: &str, schema: &Schema) -> Result<Vec<Criterion>, Vec<DraftError>> {
    let mut criteria: Vec<Criterion> = Vec::new();
    let mut errors = Vec::new();
    let mut offset = 0usize;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let lead = line.len() - trimmed.len();
        let Some(colon) = trimmed.find(':') else {
            errors.push(error_at(
                "rule",
                text,
                "criterion-syntax",
                None,
                line_start + lead,
                line_start + line.len(),
            ));
            continue;
        };
        let id = trimmed[..colon].trim();
        let id_ok = !id.is_empty()
            && id.len() <= 64
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !id_ok {
            errors.push(error_at(
                "rule",
                text,
                "criterion-syntax",
                None,
                line_start + lead,
                line_start + lead + colon,
            ));
            continue;
        }
        if criteria.iter().any(|c| c.id == id) {
            errors.push(error_at(
                "rule",
                text,
                "criterion-duplicate",
                Some(id.to_owned()),
                line_start + lead,
                line_start + lead + colon,
            ));
            continue;
        }
        let expr_start = line_start + lead + colon + 1;
        let expr = &trimmed[colon + 1..];
        match parse(expr).and_then(|e| check_condition(&e, schema)) {
            Ok(_) => criteria.push(Criterion {
                id: id.to_owned(),
                expr: expr.trim().to_owned(),
            }),
            Err(e) => {
                let s = e.span();
                errors.push(error_at(
                    "rule",
                    text,
                    e.code(),
                    rule_error_name(&e),
                    expr_start + s.start as usize,
                    expr_start + s.end as usize,
                ));
            }
        }
    }
    if criteria.is_empty() && errors.is_empty() {
        errors.push(error_at("rule", text, "rule-empty", None, 0, 0));
    }
    if errors.is_empty() {
        Ok(criteria)
    } else {
        Err(errors)
    }
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

fn day_of(d: &str) -> Option<Day> {
    let d = parse_date(d)?;
    use chrono::Datelike;
    day_from_ymd(d.year(), d.month(), d.day())
}

/// Checks a draft against the engine: every error, or the criteria and benefit to save.
/// A programme that pays an amount needs a benefit expression; one that does not, none.
pub fn check_draft(
    draft: &Draft,
    geo: &GeoTables,
    level: Level,
    active: Option<&rule_version::Model>,
    pays_benefit: bool,
) -> Result<(Vec<Criterion>, Option<String>), Vec<DraftError>> {
    let schema = Schema::for_level(level, geo);
    let mut errors = Vec::new();
    match parse_date(&draft.valid_from) {
        None => errors.push(error_at("valid_from", "", "invalid-valid-from", None, 0, 0)),
        Some(d) => {
            if active.is_some_and(|a| parse_date(&a.valid_from).is_none_or(|f| d <= f)) {
                errors.push(error_at(
                    "valid_from",
                    "",
                    "valid-from-too-early",
                    None,
                    0,
                    0,
                ));
            }
        }
    }
    let criteria = match parse_rule(&draft.rule, &schema) {
        Ok(c) => Some(c),
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    let benefit = draft.benefit.trim();
    if pays_benefit && benefit.is_empty() {
        errors.push(error_at("benefit", "", "benefit-required", None, 0, 0));
    }
    if !pays_benefit && !benefit.is_empty() {
        errors.push(error_at("benefit", "", "benefit-not-paid", None, 0, 0));
    } else if !benefit.is_empty()
        && let Err(e) = parse(benefit).and_then(|e| check_number(&e, &schema))
    {
        let lead = draft.benefit.len() - draft.benefit.trim_start().len();
        let s = e.span();
        errors.push(error_at(
            "benefit",
            &draft.benefit,
            e.code(),
            rule_error_name(&e),
            lead + s.start as usize,
            lead + s.end as usize,
        ));
    }
    match (criteria, errors.is_empty()) {
        (Some(c), true) => Ok((c, (!benefit.is_empty()).then(|| benefit.to_owned()))),
        _ => Err(errors),
    }
}

/// Saves a new draft version after checking it with the engine; nothing is saved when it
/// has errors. Returns the new version number.
pub async fn save_draft(
    store: &Store,
    actor: &Actor,
    code: &str,
    draft: &Draft,
) -> Result<i32, ProgrammeError> {
    let detail = get(store, code).await?;
    let geo = engine_geo(store).await?;
    let (criteria, benefit) = check_draft(
        draft,
        &geo,
        detail.programme.level(),
        detail.active(),
        detail.programme.pays_benefit,
    )
    .map_err(ProgrammeError::Invalid)?;
    let txn = store.begin_write().await?;
    let last = rule_version::Entity::find()
        .filter(rule_version::Column::ProgrammeCode.eq(code))
        .order_by_desc(rule_version::Column::Version)
        .one(&txn)
        .await?
        .map_or(0, |v| v.version);
    let version = last + 1;
    let rule = rule_text(&criteria);
    let model = rule_version::ActiveModel {
        programme_code: Set(code.to_owned()),
        version: Set(version),
        valid_from: Set(draft.valid_from.trim().to_owned()),
        valid_to: Set(None),
        rule: Set(rule.clone()),
        benefit: Set(benefit.clone()),
        status: Set(DRAFT.to_owned()),
        created_by: Set(actor.label.clone()),
        created_at: Set(crate::now_text()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        Change {
            action: jisr_domain::audit::Action::Create,
            entity: jisr_domain::audit::Entity::RuleVersion,
            entity_id: model.id.to_string(),
            before: None,
            after: Some(json!({
                "programme": code,
                "version": version,
                "valid_from": model.valid_from,
                "rule": rule,
                "benefit": benefit,
                "status": DRAFT,
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(version)
}

/// A new programme as written in the form.
#[derive(Debug, Clone, Default)]
pub struct NewProgramme {
    /// Lower-case letters, digits and `-`, starting with a letter; unique.
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub description_ar: String,
    pub description_fr: String,
    /// Whether it pays a monthly amount (its drafts then need a benefit expression).
    pub pays_benefit: bool,
    /// Whether one decision is about a household or about each person.
    pub level: Level,
}

/// The longest code (the column's width).
pub const CODE_MAX: usize = 32;
const NAME_MAX: usize = 200;
const DESCRIPTION_MAX: usize = 2000;

/// [`valid_code`] as a regular expression (ECMA-262), with lengths 2 to [`CODE_MAX`]:
/// what the API document states.
pub const CODE_PATTERN: &str = "^(?!new$)[a-z](?:-?[a-z0-9])+$";

/// Whether a programme code is well formed: 2 to [`CODE_MAX`] lower-case ASCII letters,
/// digits and single hyphens, starting with a letter and not ending with a hyphen; `new`
/// is the address of the form that creates one.
pub fn valid_code(code: &str) -> bool {
    code != "new"
        && (2..=CODE_MAX).contains(&code.len())
        && code.starts_with(|c: char| c.is_ascii_lowercase())
        && !code.ends_with('-')
        && !code.contains("--")
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Every problem of a new programme's fields, `(field, message key)`, in form order.
pub fn check_new(new: &NewProgramme) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    if !valid_code(new.code.trim()) {
        errors.push(("code", "prog-error-code"));
    }
    for (field, value) in [("name_ar", &new.name_ar), ("name_fr", &new.name_fr)] {
        let v = value.trim();
        if v.is_empty() {
            errors.push((field, "prog-error-name-required"));
        } else if v.chars().count() > NAME_MAX {
            errors.push((field, "prog-error-name-long"));
        }
    }
    for (field, value) in [
        ("description_ar", &new.description_ar),
        ("description_fr", &new.description_fr),
    ] {
        if value.trim().chars().count() > DESCRIPTION_MAX {
            errors.push((field, "prog-error-description-long"));
        }
    }
    errors
}

/// Creates a programme with no version yet; its first rule version is written as a draft
/// afterwards. A code already taken is refused at the field. Audited in the same
/// transaction.
pub async fn create(
    store: &Store,
    actor: &Actor,
    new: &NewProgramme,
) -> Result<String, ProgrammeError> {
    let mut errors = check_new(new);
    let code = new.code.trim().to_owned();
    let txn = store.begin_write().await?;
    if errors.is_empty()
        && programme::Entity::find_by_id(code.clone())
            .one(&txn)
            .await?
            .is_some()
    {
        errors.push(("code", "prog-error-code-taken"));
    }
    if !errors.is_empty() {
        return Err(ProgrammeError::Fields(errors));
    }
    let model = programme::ActiveModel {
        code: Set(code.clone()),
        name_ar: Set(new.name_ar.trim().to_owned()),
        name_fr: Set(new.name_fr.trim().to_owned()),
        description_ar: Set(new.description_ar.trim().to_owned()),
        description_fr: Set(new.description_fr.trim().to_owned()),
        pays_benefit: Set(new.pays_benefit),
        created_at: Set(crate::now_text()),
        level: Set(level_code(new.level).to_owned()),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        Change {
            action: jisr_domain::audit::Action::Create,
            entity: jisr_domain::audit::Entity::Programme,
            entity_id: code.clone(),
            before: None,
            after: Some(json!({
                "code": model.code,
                "name_ar": model.name_ar,
                "name_fr": model.name_fr,
                "description_ar": model.description_ar,
                "description_fr": model.description_fr,
                "pays_benefit": model.pays_benefit,
                "level": model.level,
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(code)
}

fn previous_day(d: &str) -> Option<String> {
    parse_date(d)
        .and_then(|d| d.pred_opt())
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// Activates a draft: it becomes the version in force from its first day, and the version
/// in force until now ends the day before (and is retired).
pub async fn activate(
    store: &Store,
    actor: &Actor,
    code: &str,
    version: i32,
) -> Result<(), ProgrammeError> {
    let txn = store.begin_write().await?;
    let versions = rule_version::Entity::find()
        .filter(rule_version::Column::ProgrammeCode.eq(code))
        .all(&txn)
        .await?;
    let draft = versions
        .iter()
        .find(|v| v.version == version)
        .ok_or(StoreError::NotFound)?
        .clone();
    if draft.status != DRAFT {
        return Err(ProgrammeError::NotDraft);
    }
    if let Some(prev) = versions.iter().find(|v| v.status == ACTIVE) {
        let valid_to = previous_day(&draft.valid_from);
        let mut am: rule_version::ActiveModel = prev.clone().into();
        am.valid_to = Set(valid_to.clone());
        am.status = Set(RETIRED.to_owned());
        am.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::Update,
                entity: jisr_domain::audit::Entity::RuleVersion,
                entity_id: prev.id.to_string(),
                before: Some(json!({"status": ACTIVE, "valid_to": prev.valid_to})),
                after: Some(json!({"status": RETIRED, "valid_to": valid_to})),
            },
        )
        .await?;
    }
    let mut am: rule_version::ActiveModel = draft.clone().into();
    am.status = Set(ACTIVE.to_owned());
    am.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        Change {
            action: jisr_domain::audit::Action::Update,
            entity: jisr_domain::audit::Entity::RuleVersion,
            entity_id: draft.id.to_string(),
            before: Some(json!({"programme": code, "version": version, "status": DRAFT})),
            after: Some(json!({"programme": code, "version": version, "status": ACTIVE})),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The stored criteria of a version (its text was checked when it was saved).
pub fn criteria_of(v: &rule_version::Model) -> Vec<Criterion> {
    v.rule
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            if l.is_empty() || l.starts_with('#') {
                return None;
            }
            let (id, expr) = l.split_once(':')?;
            Some(Criterion {
                id: id.trim().to_owned(),
                expr: expr.trim().to_owned(),
            })
        })
        .collect()
}

/// The stored name of a level.
pub fn level_code(level: Level) -> &'static str {
    match level {
        Level::Household => "household",
        Level::Person => "person",
    }
}

/// Compiles a stored version of a programme at `level` for the engine.
pub fn compile(
    level: Level,
    v: &rule_version::Model,
    geo: &GeoTables,
) -> Result<CompiledVersion, jisr_targeting::rules::VersionError> {
    let version = u32::try_from(v.version).unwrap_or(0);
    let programme = Programme {
        code: v.programme_code.clone(),
        level,
        versions: vec![RuleVersion {
            version,
            valid_from: day_of(&v.valid_from).unwrap_or_default(),
            valid_to: v.valid_to.as_deref().and_then(day_of),
            criteria: criteria_of(v),
            benefit: v.benefit.clone(),
        }],
    };
    programme.compile(version, &Schema::for_level(level, geo))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_carry_positions_in_the_whole_text() {
        let geo = GeoTables::default();
        let schema = Schema::households(&geo);
        let text = "index-threshold: index <= 9.7\nextra: income < 3";
        let errs = parse_rule(text, &schema).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].code, "unknown-field");
        assert_eq!(
            &text[errs[0].start as usize..errs[0].end as usize],
            "income"
        );
        assert_eq!((errs[0].line, errs[0].column), (2, 8));
        assert_eq!(errs[0].name.as_deref(), Some("income"));
    }

    #[test]
    fn seeds_round_trip_through_the_text() {
        let asd = jisr_targeting::seeds::asd();
        let text = rule_text(&asd.versions[0].criteria);
        let schema = Schema::households(&GeoTables::default());
        assert_eq!(
            parse_rule(&text, &schema).unwrap(),
            asd.versions[0].criteria
        );
        assert!(parse_rule("no colon here", &schema).is_err());
        assert_eq!(parse_rule("", &schema).unwrap_err()[0].code, "rule-empty");
    }

    #[test]
    fn codes_and_names_of_a_new_programme() {
        for ok in ["asd", "amo-tadamon", "p2", "school-kits-2027"] {
            assert!(valid_code(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "Asd",
            "2asd",
            "-asd",
            "asd-",
            "a--b",
            "a_b",
            "a b",
            "é-aide",
            "a123456789012345678901234567890123",
        ] {
            assert!(!valid_code(bad), "{bad}");
        }
        let errs = check_new(&NewProgramme {
            code: "Bad Code".into(),
            name_ar: " ".into(),
            name_fr: "x".repeat(201),
            description_fr: "y".repeat(2001),
            ..Default::default()
        });
        assert_eq!(
            errs,
            [
                ("code", "prog-error-code"),
                ("name_ar", "prog-error-name-required"),
                ("name_fr", "prog-error-name-long"),
                ("description_fr", "prog-error-description-long"),
            ]
        );
    }

    #[test]
    fn the_benefit_follows_whether_the_programme_pays() {
        let geo = GeoTables::default();
        let draft = |benefit: &str| Draft {
            valid_from: "2027-01-01".into(),
            rule: "index-threshold: index <= 9.7".into(),
            benefit: benefit.into(),
        };
        let codes = |r: Result<(Vec<Criterion>, Option<String>), Vec<DraftError>>| {
            r.err()
                .unwrap_or_default()
                .into_iter()
                .map(|e| (e.field, e.code))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(check_draft(&draft(""), &geo, Level::Household, None, true)),
            [("benefit", "benefit-required".to_owned())]
        );
        assert_eq!(
            codes(check_draft(
                &draft("500"),
                &geo,
                Level::Household,
                None,
                false
            )),
            [("benefit", "benefit-not-paid".to_owned())]
        );
        let (_, benefit) =
            check_draft(&draft(" 500 "), &geo, Level::Household, None, true).unwrap();
        assert_eq!(benefit.as_deref(), Some("500"));
        let (_, benefit) = check_draft(&draft(""), &geo, Level::Household, None, false).unwrap();
        assert_eq!(benefit, None);
    }
}
