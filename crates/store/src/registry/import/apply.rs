//! Writing the staged file into the registry with set-based statements: households
//! inserted or updated, the work table matching each accepted line to its household, its
//! person (or the id a new person will have) and their current stay, then persons
//! inserted or updated and stays closed and opened.
//!
//! Everything runs in the import's transaction: when a check refuses a line afterwards,
//! the transaction is rolled back and nothing of this stays.

use super::super::Counts;
use super::stage::TABLE;
use super::{WORK, count, query_all};
use crate::StoreError;
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend};

/// SQL that differs between the two engines.
struct Dialect(DbBackend);

impl Dialect {
    /// `a` and `b` differ, nulls compared as values.
    fn differs(&self, a: &str, b: &str) -> String {
        match self.0 {
            DbBackend::Postgres => format!("{a} IS DISTINCT FROM {b}"),
            _ => format!("{a} IS NOT {b}"),
        }
    }

    fn greatest(&self, a: &str, b: &str) -> String {
        match self.0 {
            DbBackend::Postgres => format!("GREATEST({a}, {b})"),
            _ => format!("MAX({a}, {b})"),
        }
    }
}

async fn exec(txn: &DatabaseTransaction, sql: &str) -> Result<u64, StoreError> {
    Ok(txn.execute_unprepared(sql).await?.rows_affected())
}

/// Inserts the file's new households and updates those whose commune or address changed.
pub(super) async fn households(txn: &DatabaseTransaction, now: &str) -> Result<Counts, StoreError> {
    let total = count(
        txn,
        &format!("SELECT COUNT(DISTINCT household_key) FROM {TABLE} WHERE accepted"),
    )
    .await?;
    let updated = exec(
        txn,
        &format!(
            "UPDATE households SET commune_code = g.c, province_code = g.p, address = g.a \
             FROM (SELECT household_key AS k, MIN(commune_code) AS c, MIN(province_code) AS p, \
                   MIN(address) AS a FROM {TABLE} WHERE accepted GROUP BY household_key) AS g \
             WHERE households.household_key = g.k \
               AND (households.commune_code <> g.c OR households.province_code <> g.p \
                    OR households.address <> g.a)"
        ),
    )
    .await?;
    let inserted = exec(
        txn,
        &format!(
            "INSERT INTO households (household_key, commune_code, province_code, address, created_at) \
             SELECT household_key, MIN(commune_code), MIN(province_code), MIN(address), '{now}' \
             FROM {TABLE} s WHERE accepted \
               AND NOT EXISTS (SELECT 1 FROM households h WHERE h.household_key = s.household_key) \
             GROUP BY household_key ORDER BY MIN(line)"
        ),
    )
    .await?;
    Ok(Counts {
        inserted,
        updated,
        unchanged: total.saturating_sub(inserted + updated),
    })
}

/// The work table: one row per accepted line with its household's id, the persons its
/// keys designate, the person's id (a new one drawn for a new person), whether the keys
/// conflict, and the person's current stay. The computed id is cast so that SQLite gives
/// the column an integer affinity: without it, no index on the column could serve a
/// comparison with an integer column.
pub(super) async fn create_work(txn: &DatabaseTransaction) -> Result<(), StoreError> {
    let backend = txn.get_database_backend();
    let matched = "COALESCE(pc.id, pr.id, pk.id)";
    // New persons are numbered in the order of the file's lines: PostgreSQL evaluates a
    // volatile `nextval` after the `ORDER BY`.
    let new_id = match backend {
        DbBackend::Postgres => {
            let rows = query_all(txn, "SELECT pg_get_serial_sequence('persons', 'id')").await?;
            let seq: String = rows
                .first()
                .map(|r| r.try_get_by_index::<String>(0))
                .transpose()?
                .unwrap_or_else(|| "persons_id_seq".to_owned());
            // A sequence name is an identifier of the schema, never data of the file.
            format!("nextval('{}')", seq.replace('\'', "''"))
        }
        // One writer at a time on SQLite: ids above the largest are free.
        _ => "(SELECT COALESCE(MAX(id), 0) FROM persons) + ROW_NUMBER() OVER (ORDER BY s.line)"
            .to_owned(),
    };
    exec(txn, &format!("DROP TABLE IF EXISTS {WORK}")).await?;
    exec(
        txn,
        &format!(
            "CREATE TEMPORARY TABLE {WORK} AS SELECT \
               s.line, h.id AS household_id, s.cin, s.population_register_id, s.person_key, \
               s.first_name_ar, s.last_name_ar, s.first_name_lat, s.last_name_lat, \
               s.birth_date, s.sex, s.relation, s.disabled, s.disability_card_number, \
               s.disability_card_date, s.schooling, s.orphan, s.from_date, s.since_given, \
               CAST(COALESCE(pc.id, pr.id, pk.id, {new_id}) AS BIGINT) AS person_id, \
               CASE WHEN {matched} IS NULL THEN true ELSE false END AS is_new, \
               COALESCE(pc.id <> pr.id OR pc.id <> pk.id OR pr.id <> pk.id, false) AS conflict, \
               m.id AS cur_stay, m.from_date AS cur_from, \
               COALESCE(m.household_id = h.id AND m.relation = s.relation, false) AS cur_same \
             FROM {TABLE} s \
             JOIN households h ON h.household_key = s.household_key \
             LEFT JOIN persons pc ON pc.cin = s.cin \
             LEFT JOIN persons pr ON pr.population_register_id = s.population_register_id \
             LEFT JOIN persons pk ON pk.person_key = s.person_key \
             LEFT JOIN person_household_memberships m \
               ON m.person_id = {matched} AND m.to_date IS NULL \
             WHERE s.accepted ORDER BY s.line"
        ),
    )
    .await?;
    if backend == DbBackend::Postgres {
        // A temporary table is never analysed by the server itself.
        exec(txn, &format!("ANALYZE {WORK}")).await?;
    } else {
        // Without them SQLite would scan the work table once per stay or person.
        for col in ["person_id", "cur_stay"] {
            exec(txn, &format!("CREATE INDEX {WORK}_{col} ON {WORK} ({col})")).await?;
        }
    }
    Ok(())
}

/// Inserts new persons and updates those whose facts changed (keys the file leaves
/// empty are kept).
pub(super) async fn persons(txn: &DatabaseTransaction, now: &str) -> Result<Counts, StoreError> {
    let d = Dialect(txn.get_database_backend());
    let matched = count(
        txn,
        &format!("SELECT COUNT(*) FROM {WORK} WHERE NOT is_new"),
    )
    .await?;
    let keys = ["cin", "population_register_id", "person_key"];
    let facts = [
        "first_name_ar",
        "last_name_ar",
        "first_name_lat",
        "last_name_lat",
        "birth_date",
        "sex",
        "disabled",
        "disability_card_number",
        "disability_card_date",
        "schooling",
        "orphan",
    ];
    let mut set: Vec<String> = keys
        .iter()
        .map(|k| format!("{k} = COALESCE(w.{k}, persons.{k})"))
        .collect();
    set.extend(facts.iter().map(|f| format!("{f} = w.{f}")));
    let mut changed: Vec<String> = keys
        .iter()
        .map(|k| {
            d.differs(
                &format!("persons.{k}"),
                &format!("COALESCE(w.{k}, persons.{k})"),
            )
        })
        .collect();
    changed.extend(
        facts
            .iter()
            .map(|f| d.differs(&format!("persons.{f}"), &format!("w.{f}"))),
    );
    let updated = exec(
        txn,
        &format!(
            "UPDATE persons SET {} FROM {WORK} AS w \
             WHERE NOT w.is_new AND w.person_id = persons.id AND ({})",
            set.join(", "),
            changed.join(" OR ")
        ),
    )
    .await?;
    let columns = keys
        .iter()
        .chain(facts.iter())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let inserted = exec(
        txn,
        &format!(
            "INSERT INTO persons (id, {columns}, created_at) \
             SELECT person_id, {columns}, '{now}' FROM {WORK} WHERE is_new ORDER BY line"
        ),
    )
    .await?;
    Ok(Counts {
        inserted,
        updated,
        unchanged: matched.saturating_sub(updated),
    })
}

/// Closes the stays that end (moves, changes of relation, members no longer listed in
/// their household) and opens the new ones: (opened, closed).
pub(super) async fn stays(
    txn: &DatabaseTransaction,
    today: &str,
) -> Result<(u64, u64), StoreError> {
    let d = Dialect(txn.get_database_backend());
    let t = "person_household_memberships";
    let moved = exec(
        txn,
        &format!(
            "UPDATE {t} SET to_date = w.from_date FROM {WORK} AS w \
             WHERE w.cur_stay = {t}.id AND NOT w.cur_same"
        ),
    )
    .await?;
    let left = exec(
        txn,
        &format!(
            "UPDATE {t} SET to_date = {} WHERE id IN (\
               SELECT m.id FROM {t} m \
               JOIN (SELECT DISTINCT household_id FROM {WORK}) h ON h.household_id = m.household_id \
               LEFT JOIN {WORK} w ON w.person_id = m.person_id \
               WHERE m.to_date IS NULL AND w.person_id IS NULL)",
            d.greatest(&format!("'{today}'"), "from_date")
        ),
    )
    .await?;
    let opened = exec(
        txn,
        &format!(
            "INSERT INTO {t} (person_id, household_id, relation, from_date, to_date) \
             SELECT person_id, household_id, relation, from_date, NULL FROM {WORK} \
             WHERE NOT cur_same ORDER BY line"
        ),
    )
    .await?;
    Ok((opened, moved + left))
}
