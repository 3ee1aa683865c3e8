//! The checks that need more than one line, run as queries over the staged file: lines
//! of one household that disagree, a person on two lines, a household without exactly
//! one head; then, against the registry, keys designating different persons, one person
//! matched by two lines, and moves dated before the current stay.

use super::super::{Problem, RowError};
use super::stage::TABLE;
use super::{WORK, query_all};
use crate::StoreError;
use sea_orm::{ConnectionTrait, DatabaseTransaction};
use std::collections::{BTreeMap, HashMap};

/// Lines marked refused per statement.
const MARK_CHUNK: usize = 500;

/// The checks between lines of the file. Lines refused here are marked so that their
/// households' head counts are not checked and the registry checks pass them over.
pub(super) async fn between_lines(
    txn: &DatabaseTransaction,
    errors: &mut Vec<RowError>,
) -> Result<(), StoreError> {
    let mut found: Vec<RowError> = Vec::new();

    // The same person on two lines, by any key: reported once, against the first key
    // (in matching order) seen before.
    let mut dup: BTreeMap<u64, u64> = BTreeMap::new();
    for col in ["cin", "population_register_id", "person_key"] {
        let sql = format!(
            "WITH firsts AS (SELECT {col} AS v, MIN(line) AS first FROM {TABLE} \
               WHERE keys_parsed AND {col} IS NOT NULL GROUP BY {col}) \
             SELECT s.line, f.first FROM {TABLE} s JOIN firsts f ON f.v = s.{col} \
             WHERE s.keys_parsed AND s.line > f.first"
        );
        for row in query_all(txn, &sql).await? {
            let (line, first) = (
                row.try_get_by_index::<i64>(0)?,
                row.try_get_by_index::<i64>(1)?,
            );
            dup.entry(line as u64).or_insert(first as u64);
        }
    }
    found.extend(dup.into_iter().map(|(line, first_line)| RowError {
        line,
        column: None,
        problem: Problem::DuplicatePerson { first_line },
    }));

    // Household columns differing from the household's first line.
    let sql = format!(
        "WITH firsts AS (SELECT household_key AS k, MIN(line) AS first FROM {TABLE} \
           WHERE household_key IS NOT NULL AND commune_code IS NOT NULL AND address IS NOT NULL \
           GROUP BY household_key) \
         SELECT s.line, f.first, \
           CASE WHEN s.commune_code <> h.commune_code THEN 1 ELSE 0 END, \
           CASE WHEN s.address <> h.address THEN 1 ELSE 0 END \
         FROM {TABLE} s JOIN firsts f ON f.k = s.household_key JOIN {TABLE} h ON h.line = f.first \
         WHERE s.commune_code IS NOT NULL AND s.address IS NOT NULL \
           AND (s.commune_code <> h.commune_code OR s.address <> h.address)"
    );
    for row in query_all(txn, &sql).await? {
        let line = row.try_get_by_index::<i64>(0)? as u64;
        let first_line = row.try_get_by_index::<i64>(1)? as u64;
        let problem = Problem::HouseholdMismatch { first_line };
        for (i, column) in [(2, "commune_code"), (3, "address")] {
            if row.try_get_by_index::<i32>(i)? == 1 {
                found.push(RowError {
                    line,
                    column: Some(column),
                    problem,
                });
            }
        }
    }
    mark_refused(txn, found.iter().map(|e| e.line)).await?;
    errors.extend(found);

    // Households all of whose lines were accepted, without exactly one head: reported on
    // the second head, or on the household's first line when it has none.
    let heads = "SUM(CASE WHEN relation = 'head' THEN 1 ELSE 0 END)";
    let sql = format!(
        "SELECT household_key, MIN(line), {heads} FROM {TABLE} WHERE household_key IS NOT NULL \
         GROUP BY household_key \
         HAVING MIN(CASE WHEN accepted THEN 1 ELSE 0 END) = 1 AND {heads} <> 1"
    );
    let mut wrong: Vec<(String, u64, i64)> = Vec::new();
    for row in query_all(txn, &sql).await? {
        wrong.push((
            row.try_get_by_index::<String>(0)?,
            row.try_get_by_index::<i64>(1)? as u64,
            row.try_get_by_index::<i64>(2)?,
        ));
    }
    let mut second: HashMap<String, u64> = HashMap::new();
    if wrong.iter().any(|(_, _, n)| *n > 1) {
        let sql = format!(
            "SELECT household_key, line FROM (SELECT household_key, line, \
               ROW_NUMBER() OVER (PARTITION BY household_key ORDER BY line) AS n \
               FROM {TABLE} WHERE accepted AND relation = 'head') t WHERE n = 2"
        );
        for row in query_all(txn, &sql).await? {
            second.insert(
                row.try_get_by_index::<String>(0)?,
                row.try_get_by_index::<i64>(1)? as u64,
            );
        }
    }
    for (key, first, _) in wrong {
        errors.push(RowError {
            line: second.get(&key).copied().unwrap_or(first),
            column: Some("relation"),
            problem: Problem::HeadCount,
        });
    }
    Ok(())
}

/// Marks lines as refused.
async fn mark_refused(
    txn: &DatabaseTransaction,
    lines: impl Iterator<Item = u64>,
) -> Result<(), StoreError> {
    let lines: Vec<String> = lines.map(|l| l.to_string()).collect();
    for chunk in lines.chunks(MARK_CHUNK) {
        txn.execute_unprepared(&format!(
            "UPDATE {TABLE} SET accepted = false WHERE line IN ({})",
            chunk.join(",")
        ))
        .await?;
    }
    Ok(())
}

/// The checks of the accepted lines against the registry, over the work table.
pub(super) async fn against_registry(
    txn: &DatabaseTransaction,
    errors: &mut Vec<RowError>,
) -> Result<(), StoreError> {
    let sql = format!("SELECT line FROM {WORK} WHERE conflict");
    for row in query_all(txn, &sql).await? {
        errors.push(RowError {
            line: row.try_get_by_index::<i64>(0)? as u64,
            column: None,
            problem: Problem::IdentityConflict,
        });
    }
    let sql = format!(
        "WITH firsts AS (SELECT person_id, MIN(line) AS first FROM {WORK} \
           WHERE NOT is_new AND NOT conflict GROUP BY person_id) \
         SELECT w.line, f.first FROM {WORK} w JOIN firsts f ON f.person_id = w.person_id \
         WHERE NOT w.is_new AND NOT w.conflict AND w.line > f.first"
    );
    for row in query_all(txn, &sql).await? {
        errors.push(RowError {
            line: row.try_get_by_index::<i64>(0)? as u64,
            column: None,
            problem: Problem::DuplicatePerson {
                first_line: row.try_get_by_index::<i64>(1)? as u64,
            },
        });
    }
    let sql = format!(
        "SELECT line, CASE WHEN since_given THEN 1 ELSE 0 END FROM {WORK} \
         WHERE cur_stay IS NOT NULL AND NOT cur_same AND NOT conflict AND from_date < cur_from"
    );
    for row in query_all(txn, &sql).await? {
        let given = row.try_get_by_index::<i32>(1)? == 1;
        errors.push(RowError {
            line: row.try_get_by_index::<i64>(0)? as u64,
            column: given.then_some("member_since"),
            problem: Problem::MoveBeforeCurrentStay,
        });
    }
    Ok(())
}
