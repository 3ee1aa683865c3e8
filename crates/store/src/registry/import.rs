//! The households file: parsed whole, matched against the registry, then written in one
//! transaction (see the module documentation for the format and the rules).

use super::sheet::Sheet;
use super::{CHUNK, ImportError, ImportReport, Problem, RowError};
use crate::Store;
use crate::audit::{self, Actor, Change};
use crate::entity::{commune, household, person, person_household_membership as stay};
use crate::progress::Progress;
use chrono::NaiveDate;
use jisr_domain::registry::{
    self as r, Cin, FieldError, Relation, Schooling, Sex, date_text, parse_flag, parse_past_date,
    parse_text,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;

const COLUMNS: &[&str] = &[
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
const REQUIRED: &[&str] = &[
    "household_key",
    "commune_code",
    "birth_date",
    "sex",
    "relation",
];

const NAME_MAX: usize = 100;
const ADDRESS_MAX: usize = 300;

/// A household as the file gives it.
struct HouseholdIn {
    line: u64,
    key: String,
    commune: String,
    province: String,
    address: String,
    /// Lines of its heads.
    heads: Vec<u64>,
}

/// The keys a person is known by.
#[derive(Debug, Clone, Default)]
struct Keys {
    cin: Option<String>,
    register: Option<String>,
    key: Option<String>,
}

impl Keys {
    /// The first key given, in matching order (the import refuses lines without one).
    fn first(&self) -> (KeyKind, &String) {
        static NONE: String = String::new();
        KeyKind::ALL
            .into_iter()
            .find_map(|k| k.of(self).map(|v| (k, v)))
            .unwrap_or((KeyKind::Key, &NONE))
    }
}

/// The facts of a person that are not keys.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Facts {
    first_name_ar: String,
    last_name_ar: String,
    first_name_lat: String,
    last_name_lat: String,
    birth_date: String,
    sex: &'static str,
    disabled: Option<bool>,
    card_number: Option<String>,
    card_date: Option<String>,
    schooling: Option<&'static str>,
    orphan: Option<bool>,
}

/// A person line.
struct PersonIn {
    line: u64,
    household: usize,
    keys: Keys,
    facts: Facts,
    relation: Relation,
    since: Option<NaiveDate>,
}

struct Parsed {
    households: Vec<HouseholdIn>,
    persons: Vec<PersonIn>,
    rows: u64,
}

/// Reads and checks every line; returns the file's hash and every refusal.
fn parse<R: Read>(
    reader: R,
    communes: &HashMap<String, String>,
    today: NaiveDate,
) -> Result<(Parsed, String, Vec<RowError>), ImportError> {
    let mut s = Sheet::open(reader, COLUMNS, REQUIRED)?;
    let mut out = Parsed {
        households: Vec::new(),
        persons: Vec::new(),
        rows: 0,
    };
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut broken: HashSet<String> = HashSet::new();
    // First line of each person key seen, per kind.
    let mut seen: [HashMap<String, u64>; 3] = Default::default();
    let past = |v: &str| parse_past_date(v, today);
    while let Some(line) = s.next()? {
        out.rows += 1;
        let before = s.errors.len();
        let hh_key = s.field(line, "household_key", r::parse_household_key);
        let commune_raw = s.raw("commune_code").to_owned();
        let province = match communes.get(&commune_raw) {
            Some(p) => Some(p.clone()),
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

        let keys = match (cin, register, key) {
            (Some(cin), Some(register), Some(key)) => Some(Keys { cin, register, key }),
            _ => None,
        };
        if let Some(k) = &keys
            && k.cin.is_none()
            && k.register.is_none()
            && k.key.is_none()
        {
            s.refuse(line, None, Problem::NoPersonKey);
        }
        if let Some(k) = &keys {
            let values = [&k.cin, &k.register, &k.key];
            let mut dup = None;
            for (i, v) in values.into_iter().enumerate() {
                if let Some(v) = v {
                    match seen[i].get(v) {
                        Some(first) => dup = dup.or(Some(*first)),
                        None => {
                            seen[i].insert(v.clone(), line);
                        }
                    }
                }
            }
            if let Some(first_line) = dup {
                s.refuse(line, None, Problem::DuplicatePerson { first_line });
            }
        }
        let names_given = |a: &Option<String>, b: &Option<String>| {
            a.as_deref().is_some_and(|x| !x.is_empty())
                && b.as_deref().is_some_and(|x| !x.is_empty())
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

        // The household, created by its first line; later lines must agree with it.
        let household = match (hh_key, &province, &address) {
            (Some(k), Some(p), Some(a)) => {
                let i = *by_key.entry(k.clone()).or_insert_with(|| {
                    out.households.push(HouseholdIn {
                        line,
                        key: k,
                        commune: commune_raw.clone(),
                        province: p.clone(),
                        address: a.clone(),
                        heads: Vec::new(),
                    });
                    out.households.len() - 1
                });
                let h = &out.households[i];
                let first_line = h.line;
                if h.commune != commune_raw {
                    s.refuse(
                        line,
                        Some("commune_code"),
                        Problem::HouseholdMismatch { first_line },
                    );
                }
                if h.address != *a {
                    s.refuse(
                        line,
                        Some("address"),
                        Problem::HouseholdMismatch { first_line },
                    );
                }
                Some(i)
            }
            _ => None,
        };
        if s.errors.len() > before {
            // The head count of a household with a refused line is not checked.
            if let Ok(k) = r::parse_household_key(s.raw("household_key")) {
                broken.insert(k);
            }
            continue;
        }
        let Some(h) = household else { continue };
        // Every value parsed: none of these is `None`.
        let (
            Some(keys),
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
            keys,
            birth_date,
            sex,
            relation,
            disabled,
            card_number,
            card_date,
            schooling,
            orphan,
            since,
        )
        else {
            continue;
        };
        let mut names = names.into_iter().map(Option::unwrap_or_default);
        if relation == Relation::Head {
            out.households[h].heads.push(line);
        }
        out.persons.push(PersonIn {
            line,
            household: h,
            keys,
            facts: Facts {
                first_name_ar: names.next().unwrap_or_default(),
                last_name_ar: names.next().unwrap_or_default(),
                first_name_lat: names.next().unwrap_or_default(),
                last_name_lat: names.next().unwrap_or_default(),
                birth_date: date_text(birth_date),
                sex: sex.as_str(),
                disabled,
                card_number,
                card_date: card_date.map(date_text),
                schooling: schooling.map(Schooling::as_str),
                orphan,
            },
            relation,
            since,
        });
    }
    for h in &out.households {
        if !broken.contains(&h.key) && h.heads.len() != 1 {
            let line = h.heads.get(1).copied().unwrap_or(h.line);
            s.refuse(line, Some("relation"), Problem::HeadCount);
        }
    }
    let (hash, mut errors) = s.finish();
    errors.sort_by_key(|e| e.line);
    Ok((out, hash, errors))
}

/// The kinds of person key, in matching order.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KeyKind {
    Cin,
    Register,
    Key,
}

impl KeyKind {
    const ALL: [KeyKind; 3] = [KeyKind::Cin, KeyKind::Register, KeyKind::Key];

    fn column(self) -> person::Column {
        match self {
            KeyKind::Cin => person::Column::Cin,
            KeyKind::Register => person::Column::PopulationRegisterId,
            KeyKind::Key => person::Column::PersonKey,
        }
    }

    fn of(self, k: &Keys) -> Option<&String> {
        match self {
            KeyKind::Cin => k.cin.as_ref(),
            KeyKind::Register => k.register.as_ref(),
            KeyKind::Key => k.key.as_ref(),
        }
    }

    fn of_model(self, m: &person::Model) -> Option<&String> {
        match self {
            KeyKind::Cin => m.cin.as_ref(),
            KeyKind::Register => m.population_register_id.as_ref(),
            KeyKind::Key => m.person_key.as_ref(),
        }
    }
}

/// Persons of the registry holding any of `values` as their key of kind `kind`.
async fn persons_by(
    txn: &DatabaseTransaction,
    kind: KeyKind,
    values: &[&String],
) -> Result<HashMap<String, person::Model>, ImportError> {
    let mut out = HashMap::new();
    for chunk in values.chunks(CHUNK) {
        for m in person::Entity::find()
            .filter(kind.column().is_in(chunk.iter().map(|v| v.as_str())))
            .all(txn)
            .await?
        {
            if let Some(k) = kind.of_model(&m) {
                out.insert(k.clone(), m);
            }
        }
    }
    Ok(out)
}

/// The closing day of a stay being replaced on `day`.
struct Close {
    stay: i64,
    on: String,
}

/// A stay to open.
struct Open {
    person: usize,
    from: String,
}

/// Loads a households file into the registry: all or nothing, idempotent, audited once
/// (see the module documentation).
pub async fn import_households<R: Read>(
    store: &Store,
    actor: &Actor,
    reader: R,
    progress: &dyn Progress,
) -> Result<ImportReport, ImportError> {
    let today = jisr_domain::time::today();
    let communes: HashMap<String, String> = commune::Entity::find()
        .select_only()
        .column(commune::Column::Code)
        .column(commune::Column::ProvinceCode)
        .into_tuple::<(String, String)>()
        .all(store.conn())
        .await?
        .into_iter()
        .collect();
    // Lines refused here are reported together with those refused against the registry
    // below (identity conflicts, moves dated too early), which checks the accepted lines.
    let (parsed, hash, mut errors) = parse(reader, &communes, today)?;
    let Parsed {
        households,
        persons,
        rows,
    } = parsed;
    progress.start("registry import", persons.len() as u64);
    let mut report = ImportReport {
        file_sha256: hash.clone(),
        rows,
        ..Default::default()
    };
    let today_text = date_text(today);
    let now = crate::now_text();
    let txn = store.begin_write().await?;

    // What the registry holds of the file's households and persons.
    let mut existing_h: HashMap<String, household::Model> = HashMap::new();
    let keys: Vec<&str> = households.iter().map(|h| h.key.as_str()).collect();
    for chunk in keys.chunks(CHUNK) {
        for m in household::Entity::find()
            .filter(household::Column::HouseholdKey.is_in(chunk.iter().copied()))
            .all(&txn)
            .await?
        {
            existing_h.insert(m.household_key.clone(), m);
        }
    }
    let mut found: Vec<HashMap<String, person::Model>> = Vec::new();
    for kind in KeyKind::ALL {
        let values: Vec<&String> = persons.iter().filter_map(|p| kind.of(&p.keys)).collect();
        found.push(persons_by(&txn, kind, &values).await?);
    }
    // Each line's person in the registry, if any.
    let mut matched: Vec<Option<person::Model>> = Vec::with_capacity(persons.len());
    let mut matched_line: HashMap<i64, u64> = HashMap::new();
    for p in &persons {
        let mut hits: Vec<&person::Model> = KeyKind::ALL
            .iter()
            .enumerate()
            .filter_map(|(i, k)| k.of(&p.keys).and_then(|v| found[i].get(v)))
            .collect();
        hits.sort_by_key(|m| m.id);
        hits.dedup_by_key(|m| m.id);
        match hits.as_slice() {
            [] => matched.push(None),
            [m] => {
                if let Some(first_line) = matched_line.insert(m.id, p.line) {
                    errors.push(RowError {
                        line: p.line,
                        column: None,
                        problem: Problem::DuplicatePerson { first_line },
                    });
                }
                matched.push(Some((*m).clone()));
            }
            _ => {
                errors.push(RowError {
                    line: p.line,
                    column: None,
                    problem: Problem::IdentityConflict,
                });
                matched.push(None);
            }
        }
    }

    // Current stays of those persons and of those households.
    let mut current: BTreeMap<i64, stay::Model> = BTreeMap::new();
    let person_ids: Vec<i64> = matched.iter().flatten().map(|m| m.id).collect();
    let household_ids: Vec<i64> = existing_h.values().map(|h| h.id).collect();
    for (col, ids) in [
        (stay::Column::PersonId, &person_ids),
        (stay::Column::HouseholdId, &household_ids),
    ] {
        for chunk in ids.chunks(CHUNK) {
            for m in stay::Entity::find()
                .filter(stay::Column::ToDate.is_null())
                .filter(col.is_in(chunk.iter().copied()))
                .all(&txn)
                .await?
            {
                current.insert(m.id, m);
            }
        }
    }
    let stay_of: HashMap<i64, &stay::Model> = current.values().map(|s| (s.person_id, s)).collect();

    // The moves: which stays close, which open.
    let mut closes: Vec<Close> = Vec::new();
    let mut opens: Vec<Open> = Vec::new();
    for (i, p) in persons.iter().enumerate() {
        let household_id = existing_h.get(&households[p.household].key).map(|h| h.id);
        let from = p.since.map_or_else(|| today_text.clone(), date_text);
        match matched[i].as_ref().and_then(|m| stay_of.get(&m.id)) {
            Some(s)
                if Some(s.household_id) == household_id && s.relation == p.relation.as_str() => {}
            Some(s) => {
                if from < s.from_date {
                    errors.push(RowError {
                        line: p.line,
                        column: p.since.map(|_| "member_since"),
                        problem: Problem::MoveBeforeCurrentStay,
                    });
                }
                closes.push(Close {
                    stay: s.id,
                    on: from.clone(),
                });
                opens.push(Open { person: i, from });
            }
            None => opens.push(Open { person: i, from }),
        }
    }
    let listed: HashSet<i64> = matched.iter().flatten().map(|m| m.id).collect();
    let file_households: HashSet<i64> = household_ids.iter().copied().collect();
    for s in current.values() {
        if file_households.contains(&s.household_id) && !listed.contains(&s.person_id) {
            closes.push(Close {
                stay: s.id,
                on: today_text.clone().max(s.from_date.clone()),
            });
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(ImportError::Rows(errors));
    }

    // Households.
    let mut household_id: HashMap<String, i64> = HashMap::new();
    let mut fresh = Vec::new();
    for h in &households {
        match existing_h.get(&h.key) {
            None => {
                fresh.push(household::ActiveModel {
                    id: NotSet,
                    household_key: Set(h.key.clone()),
                    commune_code: Set(h.commune.clone()),
                    province_code: Set(h.province.clone()),
                    address: Set(h.address.clone()),
                    created_at: Set(now.clone()),
                });
                report.households.inserted += 1;
            }
            Some(old) => {
                household_id.insert(h.key.clone(), old.id);
                let new = household::Model {
                    commune_code: h.commune.clone(),
                    province_code: h.province.clone(),
                    address: h.address.clone(),
                    ..old.clone()
                };
                if new == *old {
                    report.households.unchanged += 1;
                } else {
                    new.into_active_model().reset_all().update(&txn).await?;
                    report.households.updated += 1;
                }
            }
        }
    }
    let new_keys: Vec<String> = households
        .iter()
        .filter(|h| !existing_h.contains_key(&h.key))
        .map(|h| h.key.clone())
        .collect();
    for chunk in fresh.chunks(CHUNK) {
        household::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    for chunk in new_keys.chunks(CHUNK) {
        let rows = household::Entity::find()
            .select_only()
            .column(household::Column::Id)
            .column(household::Column::HouseholdKey)
            .filter(household::Column::HouseholdKey.is_in(chunk.iter().cloned()))
            .into_tuple::<(i64, String)>()
            .all(&txn)
            .await?;
        household_id.extend(rows.into_iter().map(|(id, k)| (k, id)));
    }

    // Persons.
    let mut person_id: Vec<Option<i64>> =
        matched.iter().map(|m| m.as_ref().map(|m| m.id)).collect();
    let mut fresh = Vec::new();
    for (i, p) in persons.iter().enumerate() {
        let f = &p.facts;
        match &matched[i] {
            None => {
                fresh.push(person::ActiveModel {
                    id: NotSet,
                    cin: Set(p.keys.cin.clone()),
                    population_register_id: Set(p.keys.register.clone()),
                    person_key: Set(p.keys.key.clone()),
                    first_name_ar: Set(f.first_name_ar.clone()),
                    last_name_ar: Set(f.last_name_ar.clone()),
                    first_name_lat: Set(f.first_name_lat.clone()),
                    last_name_lat: Set(f.last_name_lat.clone()),
                    birth_date: Set(f.birth_date.clone()),
                    sex: Set(f.sex.to_owned()),
                    disabled: Set(f.disabled),
                    disability_card_number: Set(f.card_number.clone()),
                    disability_card_date: Set(f.card_date.clone()),
                    schooling: Set(f.schooling.map(str::to_owned)),
                    orphan: Set(f.orphan),
                    created_at: Set(now.clone()),
                });
                report.persons.inserted += 1;
            }
            Some(old) => {
                let new = person::Model {
                    cin: p.keys.cin.clone().or_else(|| old.cin.clone()),
                    population_register_id: p
                        .keys
                        .register
                        .clone()
                        .or_else(|| old.population_register_id.clone()),
                    person_key: p.keys.key.clone().or_else(|| old.person_key.clone()),
                    first_name_ar: f.first_name_ar.clone(),
                    last_name_ar: f.last_name_ar.clone(),
                    first_name_lat: f.first_name_lat.clone(),
                    last_name_lat: f.last_name_lat.clone(),
                    birth_date: f.birth_date.clone(),
                    sex: f.sex.to_owned(),
                    disabled: f.disabled,
                    disability_card_number: f.card_number.clone(),
                    disability_card_date: f.card_date.clone(),
                    schooling: f.schooling.map(str::to_owned),
                    orphan: f.orphan,
                    ..old.clone()
                };
                if new == *old {
                    report.persons.unchanged += 1;
                } else {
                    new.into_active_model().reset_all().update(&txn).await?;
                    report.persons.updated += 1;
                }
            }
        }
        progress.inc(1);
    }
    for chunk in fresh.chunks(CHUNK) {
        person::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    if store.backend() == crate::Backend::Postgres && !fresh.is_empty() {
        // The planner's statistics still describe the tables before this import: without
        // fresh ones it scans whole tables to find the rows just added (and to check the
        // stays' foreign keys).
        txn.execute_unprepared("ANALYZE households, persons")
            .await?;
    }
    // The ids of new persons, by the first key each has.
    for kind in KeyKind::ALL {
        let wanted: Vec<(usize, &String)> = persons
            .iter()
            .enumerate()
            .filter(|(i, p)| person_id[*i].is_none() && p.keys.first().0 == kind)
            .map(|(i, p)| (i, p.keys.first().1))
            .collect();
        let values: Vec<&String> = wanted.iter().map(|(_, v)| *v).collect();
        let ids = persons_by(&txn, kind, &values).await?;
        for (i, v) in wanted {
            person_id[i] = ids.get(v).map(|m| m.id);
        }
    }

    // Stays: close first (one open stay per person), then open.
    let mut by_day: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    for c in &closes {
        by_day.entry(c.on.as_str()).or_default().push(c.stay);
    }
    for (day, ids) in by_day {
        for chunk in ids.chunks(CHUNK) {
            stay::Entity::update_many()
                .col_expr(stay::Column::ToDate, Expr::value(day.to_owned()))
                .filter(stay::Column::Id.is_in(chunk.iter().copied()))
                .exec(&txn)
                .await?;
        }
    }
    report.stays_closed = closes.len() as u64;
    let mut fresh = Vec::with_capacity(opens.len());
    for o in &opens {
        let p = &persons[o.person];
        let (Some(pid), Some(hid)) = (
            person_id[o.person],
            household_id.get(&households[p.household].key),
        ) else {
            return Err(ImportError::Store(crate::StoreError::NotFound));
        };
        fresh.push(stay::ActiveModel {
            id: NotSet,
            person_id: Set(pid),
            household_id: Set(*hid),
            relation: Set(p.relation.as_str().to_owned()),
            from_date: Set(o.from.clone()),
            to_date: Set(None),
        });
    }
    for chunk in fresh.chunks(CHUNK) {
        stay::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    report.stays_opened = opens.len() as u64;

    if report.changed() {
        audit::record(
            &txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::RegistryImport,
                entity: jisr_domain::audit::Entity::Household,
                entity_id: hash,
                before: None,
                after: Some(serde_json::json!({
                    "file_sha256": report.file_sha256,
                    "rows": report.rows,
                    "households": report.households,
                    "persons": report.persons,
                    "stays_opened": report.stays_opened,
                    "stays_closed": report.stays_closed,
                })),
            },
        )
        .await?;
    }
    txn.commit().await?;
    store.matching_cache().invalidate();
    progress.finish();
    Ok(report)
}
