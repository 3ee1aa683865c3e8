//! The index file: dated registry index values of households already in the registry.

use super::sheet::Sheet;
use super::{CHUNK, ImportError, IndexImportReport, Problem, RowError};
use crate::Store;
use crate::audit::{self, Actor, Change};
use crate::entity::{household, household_index_value as value};
use crate::progress::Progress;
use jisr_domain::registry::{self as r, IndexSource, IndexValue, date_text, parse_past_date};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect,
};
use std::collections::HashMap;
use std::io::Read;

const COLUMNS: &[&str] = &["household_key", "value", "date", "source", "valid_to"];
const REQUIRED: &[&str] = &["household_key", "value", "date"];

/// A value line.
struct ValueIn {
    line: u64,
    household: String,
    value: f64,
    date: String,
    valid_to: Option<String>,
    source: IndexSource,
}

/// Loads an index file: all or nothing, idempotent, audited once (see the module
/// documentation).
pub async fn import_index_values<R: Read>(
    store: &Store,
    actor: &Actor,
    reader: R,
    progress: &dyn Progress,
) -> Result<IndexImportReport, ImportError> {
    let today = jisr_domain::time::today();
    let mut s = Sheet::open(reader, COLUMNS, REQUIRED)?;
    let mut rows = 0;
    let mut lines: Vec<ValueIn> = Vec::new();
    let mut seen: HashMap<(String, String, IndexSource), u64> = HashMap::new();
    while let Some(line) = s.next()? {
        rows += 1;
        let before = s.errors.len();
        let household = s.field(line, "household_key", r::parse_household_key);
        let v = s.field(line, "value", IndexValue::parse);
        let date = s.field(line, "date", |t| parse_past_date(t, today));
        let source = s.optional(line, "source", IndexSource::parse);
        let valid_to = s.optional(line, "valid_to", r::parse_date);
        if let (Some(d), Some(Some(t))) = (date, valid_to)
            && t < d
        {
            s.refuse(line, Some("valid_to"), Problem::ValidToBeforeDate);
        }
        let (Some(household), Some(v), Some(date), Some(source), Some(valid_to)) =
            (household, v, date, source, valid_to)
        else {
            continue;
        };
        let source = source.unwrap_or(IndexSource::Registry);
        let key = (household.clone(), date_text(date), source);
        if let Some(first_line) = seen.get(&key) {
            s.refuse(
                line,
                None,
                Problem::DuplicateIndexValue {
                    first_line: *first_line,
                },
            );
            continue;
        }
        seen.insert(key, line);
        if s.errors.len() > before {
            continue;
        }
        lines.push(ValueIn {
            line,
            household,
            value: v.get(),
            date: date_text(date),
            valid_to: valid_to.map(date_text),
            source,
        });
    }
    let (hash, mut errors) = s.finish();

    let txn = store.begin_write().await?;
    let mut ids: HashMap<String, i64> = HashMap::new();
    let mut keys: Vec<&str> = lines.iter().map(|l| l.household.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    for chunk in keys.chunks(CHUNK) {
        let found = household::Entity::find()
            .select_only()
            .column(household::Column::Id)
            .column(household::Column::HouseholdKey)
            .filter(household::Column::HouseholdKey.is_in(chunk.iter().copied()))
            .into_tuple::<(i64, String)>()
            .all(&txn)
            .await?;
        ids.extend(found.into_iter().map(|(id, k)| (k, id)));
    }
    for l in &lines {
        if !ids.contains_key(&l.household) {
            errors.push(RowError {
                line: l.line,
                column: Some("household_key"),
                problem: Problem::UnknownHousehold,
            });
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(ImportError::Rows(errors));
    }

    progress.start("registry index import", lines.len() as u64);
    let mut existing: HashMap<(i64, String, String), value::Model> = HashMap::new();
    let household_ids: Vec<i64> = ids.values().copied().collect();
    for chunk in household_ids.chunks(CHUNK) {
        for m in value::Entity::find()
            .filter(value::Column::HouseholdId.is_in(chunk.iter().copied()))
            .all(&txn)
            .await?
        {
            existing.insert((m.household_id, m.date.clone(), m.source.clone()), m);
        }
    }
    let now = crate::now_text();
    let mut report = IndexImportReport {
        file_sha256: hash.clone(),
        rows,
        ..Default::default()
    };
    let mut fresh = Vec::new();
    for l in lines {
        let hid = ids[&l.household];
        let key = (hid, l.date.clone(), l.source.as_str().to_owned());
        match existing.get(&key) {
            None => {
                fresh.push(value::ActiveModel {
                    id: NotSet,
                    household_id: Set(hid),
                    value: Set(l.value),
                    date: Set(l.date),
                    valid_to: Set(l.valid_to),
                    source: Set(l.source.as_str().to_owned()),
                    recorded_at: Set(now.clone()),
                });
                report.values.inserted += 1;
            }
            Some(old) if old.value == l.value && old.valid_to == l.valid_to => {
                report.values.unchanged += 1;
            }
            Some(old) => {
                let mut am = old.clone().into_active_model();
                am.value = Set(l.value);
                am.valid_to = Set(l.valid_to);
                am.recorded_at = Set(now.clone());
                am.update(&txn).await?;
                report.values.updated += 1;
            }
        }
        progress.inc(1);
    }
    for chunk in fresh.chunks(CHUNK) {
        value::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&txn)
            .await?;
    }
    if report.values.inserted + report.values.updated > 0 {
        audit::record(
            &txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::RegistryIndexImport,
                entity: jisr_domain::audit::Entity::HouseholdIndexValue,
                entity_id: hash,
                before: None,
                after: Some(serde_json::json!({
                    "file_sha256": report.file_sha256,
                    "rows": report.rows,
                    "values": report.values,
                })),
            },
        )
        .await?;
    }
    txn.commit().await?;
    progress.finish();
    Ok(report)
}
