//! Matching persons of the registry in the pages: finding a person by any spelling in
//! either script or a national ID, and the point-of-entry check of a new record against
//! the persons already known, with the engine of `jisr-matching`.
//!
//! The engine's in-memory index is built once per province and kept in the store's
//! [`IndexCache`]; it is rebuilt when the registry changes (a stamp of the persons and
//! stays tables, and a generation bumped by the changes made through this process).
//! A search or a check reads the indices of the provinces it needs; nothing is rebuilt
//! per request.

use crate::audit::{self, Actor, Change};
use crate::entity::{
    household, matching_decision as decision, person, person_household_membership as stay,
};
use crate::{Store, StoreError};
use jisr_domain::access::Capability;
use jisr_domain::geo::ProvinceCode;
use jisr_matching::{
    BirthDate, CommuneCode, Explanation, Matcher, Model, NationalId, PersonRecord, Prepared, Query,
    Sex,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect, Statement,
};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Most results of a search.
pub const SEARCH_LIMIT: usize = 20;
/// Most candidates shown at the point of entry.
pub const CHECK_LIMIT: usize = 5;
/// Probability at or above which an existing person is shown at the point of entry.
pub const CHECK_MIN_PROBABILITY: f64 = 0.5;
/// Shortest query searched, in characters.
pub const MIN_QUERY_CHARS: usize = 2;

/// What the pages show of a registry person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonCard {
    pub person_id: i64,
    pub first_name_ar: String,
    pub last_name_ar: String,
    pub first_name_lat: String,
    pub last_name_lat: String,
    pub birth_date: String,
    pub sex: String,
    pub cin: Option<String>,
    pub household_id: i64,
    pub household_key: String,
    pub commune_code: String,
    pub province_code: String,
}

impl PersonCard {
    /// The full name in Arabic script.
    pub fn name_ar(&self) -> String {
        join(&self.first_name_ar, &self.last_name_ar)
    }

    /// The full name in Latin script.
    pub fn name_lat(&self) -> String {
        join(&self.first_name_lat, &self.last_name_lat)
    }
}

fn join(a: &str, b: &str) -> String {
    format!("{} {}", a.trim(), b.trim()).trim().to_owned()
}

/// The engine's index of one province's persons, with what the pages show of each.
#[derive(Debug)]
pub struct ProvinceIndex {
    stamp: Stamp,
    matcher: Matcher,
    cards: Vec<PersonCard>,
}

impl ProvinceIndex {
    /// How many persons the index holds.
    pub fn len(&self) -> usize {
        self.cards.len()
    }

    /// Whether it holds nobody.
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }
}

/// What tells that the registry changed since an index was built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Stamp {
    generation: u64,
    persons: (i64, i64),
    stays: (i64, i64),
}

/// The indices of the provinces, built on first use and kept while the registry does
/// not change. One per store.
#[derive(Debug, Default)]
pub struct IndexCache {
    generation: AtomicU64,
    provinces: Mutex<HashMap<String, Arc<ProvinceIndex>>>,
}

impl IndexCache {
    /// Marks every index stale: the next search or check rebuilds what it needs.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    fn get(&self, province: &str, stamp: Stamp) -> Option<Arc<ProvinceIndex>> {
        let map = self.provinces.lock().unwrap_or_else(|e| e.into_inner());
        map.get(province).filter(|i| i.stamp == stamp).cloned()
    }

    fn put(&self, province: &str, index: Arc<ProvinceIndex>) {
        let mut map = self.provinces.lock().unwrap_or_else(|e| e.into_inner());
        map.insert(province.to_owned(), index);
    }
}

#[derive(FromQueryResult)]
struct CountMax {
    n: i64,
    top: i64,
}

async fn count_max(db: &impl ConnectionTrait, table: &str) -> Result<(i64, i64), StoreError> {
    let sql = format!("SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS top FROM {table}");
    let row = CountMax::find_by_statement(Statement::from_string(db.get_database_backend(), sql))
        .one(db)
        .await?;
    Ok(row.map(|r| (r.n, r.top)).unwrap_or_default())
}

async fn stamp(store: &Store) -> Result<Stamp, StoreError> {
    let db = store.conn();
    Ok(Stamp {
        generation: store.matching_cache().generation.load(Ordering::SeqCst),
        persons: count_max(db, "persons").await?,
        stays: count_max(db, "person_household_memberships").await?,
    })
}

/// The engine's record of a registry person.
pub fn record_of(card: &PersonCard) -> PersonRecord {
    PersonRecord {
        id: card.person_id.to_string(),
        given_lat: card.first_name_lat.clone(),
        family_lat: card.last_name_lat.clone(),
        given_ar: card.first_name_ar.clone(),
        family_ar: card.last_name_ar.clone(),
        birth: BirthDate::parse(&card.birth_date).unwrap_or_default(),
        sex: Sex::parse(&card.sex).ok().flatten(),
        national_id: card
            .cin
            .as_deref()
            .and_then(|c| NationalId::parse(c).ok().flatten()),
        commune: CommuneCode::parse(&card.commune_code).ok().flatten(),
        household: Some(card.household_key.clone()),
    }
}

/// Splits a full name typed in one field into given and family names: the first word
/// is the given name (two with a connector such as عبد or Abdel), the rest the family
/// name. The engine compares both orders, so a name typed family first still matches.
pub fn split_full_name(full: &str) -> (String, String) {
    let words: Vec<&str> = full.split_whitespace().collect();
    if words.len() < 2 {
        return (words.join(" "), String::new());
    }
    let connector = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "عبد" | "abd" | "abdel" | "abdul" | "abdal" | "abu" | "abou" | "أبو" | "ابو"
        )
    };
    let given = if connector(words[0]) && words.len() > 2 {
        2
    } else {
        1
    };
    (words[..given].join(" "), words[given..].join(" "))
}

/// A record typed at a point of entry, in the form the pages have it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryRecord {
    /// The full name in Arabic script.
    pub name_ar: String,
    /// The full name in Latin script.
    pub name_lat: String,
    /// `YYYY-MM-DD`, a year, or empty.
    pub birth_date: String,
    /// `female`, `male` or empty.
    pub sex: String,
    /// National ID, or empty.
    pub national_id: String,
    /// Commune code where the person is to be recorded, if known.
    pub commune_code: String,
}

impl EntryRecord {
    /// The engine's record; fields that do not parse count as missing.
    pub fn record(&self) -> PersonRecord {
        let (given_ar, family_ar) = split_full_name(&self.name_ar);
        let (given_lat, family_lat) = split_full_name(&self.name_lat);
        PersonRecord {
            id: String::new(),
            given_lat,
            family_lat,
            given_ar,
            family_ar,
            birth: BirthDate::parse(self.birth_date.trim()).unwrap_or_default(),
            sex: Sex::parse(self.sex.trim()).ok().flatten(),
            national_id: NationalId::parse(self.national_id.trim()).ok().flatten(),
            commune: CommuneCode::parse(self.commune_code.trim()).ok().flatten(),
            household: None,
        }
    }

    /// The record's fingerprint: its normalised names, birth date and national ID. The
    /// same typed record checked again has the same key, so a decision about it and a
    /// person is remembered.
    pub fn key(&self) -> String {
        use sha2::{Digest, Sha256};
        let norm = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let text = format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}",
            norm(&self.name_ar),
            norm(&self.name_lat),
            self.birth_date.trim(),
            self.national_id.trim().to_uppercase()
        );
        hex::encode(Sha256::digest(text.as_bytes()))
    }

    /// Whether there is a name to check.
    pub fn has_name(&self) -> bool {
        !self.name_ar.trim().is_empty() || !self.name_lat.trim().is_empty()
    }
}

const CHUNK: usize = 500;

/// Reads a province's persons living there now and builds their index.
async fn build(store: &Store, province: &str, stamp: Stamp) -> Result<ProvinceIndex, StoreError> {
    let db = store.conn();
    let households: HashMap<i64, household::Model> = household::Entity::find()
        .filter(household::Column::ProvinceCode.eq(province))
        .all(db)
        .await?
        .into_iter()
        .map(|h| (h.id, h))
        .collect();
    let ids: Vec<i64> = households.keys().copied().collect();
    let mut cards = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        let rows = stay::Entity::find()
            .filter(stay::Column::HouseholdId.is_in(chunk.to_vec()))
            .filter(stay::Column::ToDate.is_null())
            .find_also_related(person::Entity)
            .all(db)
            .await?;
        for (s, p) in rows {
            let (Some(p), Some(h)) = (p, households.get(&s.household_id)) else {
                continue;
            };
            cards.push(PersonCard {
                person_id: p.id,
                first_name_ar: p.first_name_ar,
                last_name_ar: p.last_name_ar,
                first_name_lat: p.first_name_lat,
                last_name_lat: p.last_name_lat,
                birth_date: p.birth_date,
                sex: p.sex,
                cin: p.cin,
                household_id: h.id,
                household_key: h.household_key.clone(),
                commune_code: h.commune_code.clone(),
                province_code: h.province_code.clone(),
            });
        }
    }
    cards.sort_by_key(|c| c.person_id);
    cards.dedup_by_key(|c| c.person_id);
    let records: Vec<Prepared> = cards.iter().map(|c| Prepared::new(&record_of(c))).collect();
    Ok(ProvinceIndex {
        stamp,
        matcher: Matcher::new(records, Model::default_start()),
        cards,
    })
}

/// The index of a province, from the cache or built now.
async fn index_of(
    store: &Store,
    province: &str,
    stamp: Stamp,
) -> Result<Arc<ProvinceIndex>, StoreError> {
    let cache = store.matching_cache();
    if let Some(i) = cache.get(province, stamp) {
        return Ok(i);
    }
    let built = Arc::new(build(store, province, stamp).await?);
    cache.put(province, built.clone());
    Ok(built)
}

/// The provinces that have households.
async fn provinces_with_households(
    db: &impl ConnectionTrait,
    condition: sea_orm::sea_query::Condition,
) -> Result<Vec<String>, StoreError> {
    let mut codes: Vec<String> = household::Entity::find()
        .select_only()
        .column(household::Column::ProvinceCode)
        .distinct()
        .filter(condition)
        .into_tuple()
        .all(db)
        .await?;
    codes.sort();
    Ok(codes)
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub card: PersonCard,
    /// 0..1, a little more with a birth-year or national-ID bonus.
    pub score: f64,
    pub by_national_id: bool,
}

/// The answer of a point-of-entry check.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Check {
    /// Candidates the worker may see, best first.
    pub here: Vec<(PersonCard, Explanation)>,
    /// Provinces holding a possible match the worker may not see, each once, with the
    /// delegation to ask (its Arabic and French names) when one covers it.
    pub elsewhere: Vec<Elsewhere>,
}

/// A possible match in another province.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Elsewhere {
    pub province_code: String,
    pub province_name_ar: String,
    pub province_name_fr: String,
    pub delegation_ar: Option<String>,
    pub delegation_fr: Option<String>,
}

crate::scoped_handle!(
    /// Matching as one person may use it: searches read only the provinces of their
    /// grants; a check sees every province but shows only those the person may read.
    Scoped
);

impl Scoped<'_> {
    fn condition(&self) -> sea_orm::sea_query::Condition {
        self.access
            .condition(household::Column::ProvinceCode, |_| None)
    }

    /// Finds persons by any spelling of their names in either script, or a national ID,
    /// best first, within the territory. The search and what it found are audited.
    pub async fn search(
        &self,
        actor: &Actor,
        text: &str,
        birth_year: Option<u16>,
    ) -> Result<Vec<Found>, StoreError> {
        if !self.can(Capability::ReadRegistry) {
            return Err(StoreError::NotFound);
        }
        let text = text.trim();
        if text.chars().count() < MIN_QUERY_CHARS {
            return Ok(Vec::new());
        }
        let store = self.store();
        let stamp = stamp(store).await?;
        let query = Query {
            text: text.to_owned(),
            birth_year,
            birth_date: None,
        };
        let mut found = Vec::new();
        for province in provinces_with_households(store.conn(), self.condition()).await? {
            let index = index_of(store, &province, stamp).await?;
            for hit in index.matcher.search(&query, SEARCH_LIMIT) {
                found.push(Found {
                    card: index.cards[hit.record as usize].clone(),
                    score: hit.score,
                    by_national_id: hit.by_national_id,
                });
            }
        }
        found.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.card.person_id.cmp(&b.card.person_id))
        });
        found.truncate(SEARCH_LIMIT);
        let txn = store.begin_write().await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: audit::Action::MatchSearch,
                entity: audit::Entity::Person,
                entity_id: String::new(),
                before: None,
                after: Some(serde_json::json!({
                    "query": text,
                    "birth_year": birth_year,
                    "found": found.iter().map(|f| f.card.person_id).collect::<Vec<_>>(),
                })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(found)
    }

    /// The point-of-entry check: the registry persons most likely to be the person
    /// typed, in every province. Those in provinces where the worker may read the
    /// registry are shown with their explanation; of the others only the province is
    /// told. The check is audited with what it found (ids, never shown ones' data).
    pub async fn check(
        &self,
        actor: &Actor,
        purpose: &str,
        entry: &EntryRecord,
    ) -> Result<Check, StoreError> {
        let mut out = Check::default();
        if !entry.has_name() {
            return Ok(out);
        }
        let store = self.store();
        let stamp = stamp(store).await?;
        let record = entry.record();
        let decided = decided_persons(store.conn(), &entry.key()).await?;
        let mut here: Vec<(f64, PersonCard, Explanation)> = Vec::new();
        let mut elsewhere: Vec<String> = Vec::new();
        let all =
            provinces_with_households(store.conn(), sea_orm::sea_query::Condition::all()).await?;
        for province in all {
            let index = index_of(store, &province, stamp).await?;
            let found: Vec<_> = index
                .matcher
                .check(&record, CHECK_LIMIT + decided.len(), CHECK_MIN_PROBABILITY)
                .into_iter()
                .filter(|c| !decided.contains(&index.cards[c.record as usize].person_id))
                .collect();
            if found.is_empty() {
                continue;
            }
            let readable = ProvinceCode::parse(&province)
                .map(|p| self.can_in_province(Capability::ReadRegistry, &p))
                .unwrap_or(false);
            if readable {
                for c in found {
                    here.push((
                        c.weight,
                        index.cards[c.record as usize].clone(),
                        c.explanation,
                    ));
                }
            } else {
                elsewhere.push(province);
            }
        }
        here.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.person_id.cmp(&b.1.person_id)));
        here.truncate(CHECK_LIMIT);
        out.here = here.into_iter().map(|(_, c, e)| (c, e)).collect();
        for code in elsewhere {
            let p = crate::entity::province::Entity::find_by_id(code.clone())
                .one(store.conn())
                .await?;
            let delegation = match ProvinceCode::parse(&code) {
                Ok(pc) => crate::org::delegation_of(store.conn(), &pc).await?,
                Err(_) => None,
            };
            out.elsewhere.push(Elsewhere {
                province_name_ar: p.as_ref().map(|p| p.name_ar.clone()).unwrap_or_default(),
                province_name_fr: p.map(|p| p.name_fr).unwrap_or_else(|| code.clone()),
                province_code: code,
                delegation_ar: delegation.as_ref().map(|d| d.name_ar.clone()),
                delegation_fr: delegation.map(|d| d.name_fr),
            });
        }
        let txn = store.begin_write().await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: audit::Action::MatchCheck,
                entity: audit::Entity::Person,
                entity_id: String::new(),
                before: None,
                after: Some(serde_json::json!({
                    "purpose": purpose,
                    "shown": out.here.iter().map(|(c, _)| c.person_id).collect::<Vec<_>>(),
                    "elsewhere": out.elsewhere.iter().map(|e| e.province_code.clone()).collect::<Vec<_>>(),
                })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(out)
    }

    /// The person as the worker may see them, or not found.
    pub async fn person(&self, person_id: i64) -> Result<PersonCard, StoreError> {
        let store = self.store();
        let stamp = stamp(store).await?;
        for province in provinces_with_households(store.conn(), self.condition()).await? {
            let index = index_of(store, &province, stamp).await?;
            if let Ok(i) = index
                .cards
                .binary_search_by_key(&person_id, |c| c.person_id)
            {
                return Ok(index.cards[i].clone());
            }
        }
        Err(StoreError::NotFound)
    }
}

/// The persons already decided about for a typed record (linked or not the same).
async fn decided_persons(db: &impl ConnectionTrait, key: &str) -> Result<Vec<i64>, StoreError> {
    Ok(decision::Entity::find()
        .filter(decision::Column::EntryKey.eq(key))
        .all(db)
        .await?
        .into_iter()
        .map(|d| d.person_id)
        .collect())
}

/// What the worker decided at a point of entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The typed record is this registry person.
    Linked(i64),
    /// None of the persons shown: a new person.
    New,
}

impl Decision {
    /// `new`, or a person's id as the form sends it.
    pub fn parse(s: &str) -> Option<Decision> {
        match s.trim() {
            "new" => Some(Decision::New),
            other => other
                .parse()
                .ok()
                .filter(|id| *id > 0)
                .map(Decision::Linked),
        }
    }
}

impl Scoped<'_> {
    /// Whether a person may be linked by this worker: within the provinces whose
    /// registry they read.
    pub async fn may_link(&self, person_id: i64) -> Result<bool, StoreError> {
        match self.person(person_id).await {
            Ok(_) => Ok(true),
            Err(StoreError::NotFound) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Remembers a point-of-entry decision about the persons shown for a typed record,
    /// in `txn` (the transaction saving the record, `subject_kind` `subject_id`): the
    /// linked person, and every other person shown as not the same. None of these pairs
    /// is asked again. Audited.
    pub async fn remember(
        &self,
        txn: &sea_orm::DatabaseTransaction,
        actor: &Actor,
        entry: &EntryRecord,
        decision: Decision,
        shown: &[i64],
        subject: (&str, Option<i64>),
    ) -> Result<(), StoreError> {
        use sea_orm::ActiveValue::{NotSet, Set};
        let key = entry.key();
        let decided = decided_persons(txn, &key).await?;
        let at = crate::now_text();
        let mut pairs: Vec<(i64, &str)> = shown
            .iter()
            .filter(|p| Decision::Linked(**p) != decision)
            .map(|p| (*p, "not_same"))
            .collect();
        if let Decision::Linked(p) = decision {
            pairs.push((p, "linked"));
        }
        pairs.sort();
        pairs.dedup_by_key(|p| p.0);
        for (person_id, what) in &pairs {
            if decided.contains(person_id) {
                continue;
            }
            decision::Entity::insert(decision::ActiveModel {
                id: NotSet,
                entry_key: Set(key.clone()),
                person_id: Set(*person_id),
                decision: Set((*what).to_owned()),
                subject_kind: Set(subject.0.to_owned()),
                subject_id: Set(subject.1),
                decided_by: Set(actor.label.clone()),
                decided_at: Set(at.clone()),
            })
            .exec(txn)
            .await?;
        }
        audit::record(
            txn,
            actor,
            Change {
                action: audit::Action::MatchDecide,
                entity: audit::Entity::Person,
                entity_id: match decision {
                    Decision::Linked(p) => p.to_string(),
                    Decision::New => String::new(),
                },
                before: None,
                after: Some(serde_json::json!({
                    "subject": subject.0,
                    "subject_id": subject.1,
                    "linked": match decision { Decision::Linked(p) => Some(p), Decision::New => None },
                    "not_same": pairs.iter().filter(|p| p.1 == "not_same").map(|p| p.0).collect::<Vec<_>>(),
                })),
            },
        )
        .await?;
        Ok(())
    }

    /// Remembers a decision about a record already saved (`subject_kind` `subject_id`),
    /// in a transaction of its own; see [`Scoped::remember`].
    pub async fn decide(
        &self,
        actor: &Actor,
        entry: &EntryRecord,
        decision: Decision,
        shown: &[i64],
        subject: (&str, i64),
    ) -> Result<(), StoreError> {
        let txn = self.store().begin_write().await?;
        self.remember(
            &txn,
            actor,
            entry,
            decision,
            shown,
            (subject.0, Some(subject.1)),
        )
        .await?;
        // An application linked after its beneficiary was admitted: the files made
        // from it get the same person.
        if subject.0 == crate::applications::OWNER_KIND {
            let files = crate::entity::beneficiary::Entity::find()
                .filter(crate::entity::beneficiary::Column::ApplicationId.eq(subject.1))
                .all(&txn)
                .await?;
            for f in files {
                carry::carry(&txn, actor, subject, ("beneficiary", f.id)).await?;
            }
        }
        txn.commit().await?;
        Ok(())
    }

    /// The registry person a record was linked to, if any.
    pub async fn linked_person(
        &self,
        subject_kind: &str,
        subject_id: i64,
    ) -> Result<Option<i64>, StoreError> {
        Ok(decision::Entity::find()
            .filter(decision::Column::SubjectKind.eq(subject_kind))
            .filter(decision::Column::SubjectId.eq(subject_id))
            .filter(decision::Column::Decision.eq("linked"))
            .one(self.store().conn())
            .await?
            .map(|d| d.person_id))
    }
}

pub mod carry;
pub mod review;
