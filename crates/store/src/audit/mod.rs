//! The audit writer and verifier. Entries are appended in the transaction of the change
//! they describe; the chain lock serialises appenders so the hash chain never forks.

pub mod checkpoint;

use crate::entity::audit_log;
use crate::{Store, StoreError};
use jisr_domain::audit::{ChainBreak, ChainedFields, GENESIS_HASH, entry_hash};
use sea_orm::ColumnTrait;
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde_json::Value;

/// Who did something, as recorded in the trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// `user:<id>`, or `system:<job>` for commands and jobs.
    pub label: String,
    pub role: String,
    pub scope: String,
    pub request_id: String,
    pub address: String,
}

impl Actor {
    /// A system job or command-line action, outside any request.
    pub fn system(job: &str) -> Self {
        Self {
            label: format!("system:{job}"),
            role: "system".into(),
            scope: "national".into(),
            request_id: String::new(),
            address: String::new(),
        }
    }
}

/// One change to record.
pub use jisr_domain::audit::{Action, Entity};

#[derive(Debug, Clone)]
pub struct Change {
    pub action: Action,
    pub entity: Entity,
    pub entity_id: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

fn json_text(v: &Option<Value>) -> String {
    v.as_ref().map(Value::to_string).unwrap_or_default()
}

/// Appends an entry to the trail inside `txn`.
pub async fn record(
    txn: &DatabaseTransaction,
    actor: &Actor,
    change: Change,
) -> Result<i64, StoreError> {
    if txn.get_database_backend() == DbBackend::Postgres {
        // Conflicts with itself, not with plain reads: appenders queue, readers do not.
        txn.execute_unprepared("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE")
            .await?;
    }
    let last = audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Id)
        .limit(1)
        .one(txn)
        .await?;
    let (id, prev_hash) = match last {
        Some(l) => (l.id + 1, l.hash),
        None => (1, GENESIS_HASH.to_owned()),
    };
    let at = crate::now_text();
    let before = json_text(&change.before);
    let after = json_text(&change.after);
    let hash = entry_hash(
        &prev_hash,
        &ChainedFields {
            id,
            at: &at,
            actor: &actor.label,
            actor_role: &actor.role,
            actor_scope: &actor.scope,
            action: change.action.as_str(),
            entity: change.entity.as_str(),
            entity_id: &change.entity_id,
            request_id: &actor.request_id,
            address: &actor.address,
            before: &before,
            after: &after,
        },
    );
    audit_log::Entity::insert(audit_log::ActiveModel {
        id: Set(id),
        at: Set(at),
        actor: Set(actor.label.clone()),
        actor_role: Set(actor.role.clone()),
        actor_scope: Set(actor.scope.clone()),
        action: Set(change.action.as_str().to_owned()),
        entity: Set(change.entity.as_str().to_owned()),
        entity_id: Set(change.entity_id),
        request_id: Set(actor.request_id.clone()),
        address: Set(actor.address.clone()),
        before: Set(before),
        after: Set(after),
        prev_hash: Set(prev_hash),
        hash: Set(hash),
    })
    .exec_without_returning(txn)
    .await?;
    Ok(id)
}

/// Records an event that carries no data of its own (a sign-in, a sign-out, a refused
/// attempt, a revocation) about one entity, inside `txn`.
pub async fn record_event(
    txn: &DatabaseTransaction,
    actor: &Actor,
    action: Action,
    entity: Entity,
    entity_id: String,
) -> Result<i64, StoreError> {
    record(
        txn,
        actor,
        Change {
            action,
            entity,
            entity_id,
            before: None,
            after: None,
        },
    )
    .await
}

/// Records that `actor` opened personal data (a file, an account, an export), in a
/// transaction of its own: reads change nothing else, but they are traced.
pub async fn record_read(
    store: &Store,
    actor: &Actor,
    entity: Entity,
    entity_id: &str,
) -> Result<(), StoreError> {
    let txn = store.begin_write().await?;
    record_event(&txn, actor, Action::Read, entity, entity_id.to_owned()).await?;
    txn.commit().await?;
    Ok(())
}

/// The fields of a stored entry that its hash covers.
pub fn chained(e: &audit_log::Model) -> ChainedFields<'_> {
    ChainedFields {
        id: e.id,
        at: &e.at,
        actor: &e.actor,
        actor_role: &e.actor_role,
        actor_scope: &e.actor_scope,
        action: &e.action,
        entity: &e.entity,
        entity_id: &e.entity_id,
        request_id: &e.request_id,
        address: &e.address,
        before: &e.before,
        after: &e.after,
    }
}

/// What a walk of the chain found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub entries: u64,
    pub first_break: Option<ChainBreak>,
}

/// Walks the whole chain in id order and reports the first entry that does not verify.
pub async fn verify(store: &Store) -> Result<Verification, StoreError> {
    const PAGE: u64 = 1000;
    let mut prev = GENESIS_HASH.to_owned();
    let mut expected_id = 1;
    let mut entries = 0;
    loop {
        let page = audit_log::Entity::find()
            .filter(audit_log::Column::Id.gte(expected_id))
            .order_by_asc(audit_log::Column::Id)
            .limit(PAGE)
            .all(store.conn())
            .await?;
        let done = (page.len() as u64) < PAGE;
        for e in page {
            if e.id != expected_id || e.prev_hash != prev {
                return Ok(Verification {
                    entries,
                    first_break: Some(ChainBreak::PrevMismatch { id: e.id }),
                });
            }
            let computed = entry_hash(&prev, &chained(&e));
            if computed != e.hash {
                return Ok(Verification {
                    entries,
                    first_break: Some(ChainBreak::HashMismatch { id: e.id }),
                });
            }
            prev = e.hash;
            expected_id += 1;
            entries += 1;
        }
        if done {
            return Ok(Verification {
                entries,
                first_break: None,
            });
        }
    }
}

/// The number of entries in the trail.
pub async fn count(store: &Store) -> Result<u64, StoreError> {
    use sea_orm::PaginatorTrait;
    Ok(audit_log::Entity::find().count(store.conn()).await?)
}

/// What to look for in the trail; empty fields match everything.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub actor: Option<String>,
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub action: Option<String>,
    /// Inclusive lower bound on the date, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Inclusive upper bound on the date, `YYYY-MM-DD`.
    pub to: Option<String>,
}

fn search_query(q: &Search) -> sea_orm::Select<audit_log::Entity> {
    let mut find = audit_log::Entity::find();
    if let Some(a) = q.actor.as_deref().filter(|s| !s.is_empty()) {
        find = find.filter(audit_log::Column::Actor.eq(a));
    }
    if let Some(e) = q.entity.as_deref().filter(|s| !s.is_empty()) {
        find = find.filter(audit_log::Column::Entity.eq(e));
    }
    if let Some(e) = q.entity_id.as_deref().filter(|s| !s.is_empty()) {
        find = find.filter(audit_log::Column::EntityId.eq(e));
    }
    if let Some(a) = q.action.as_deref().filter(|s| !s.is_empty()) {
        find = find.filter(audit_log::Column::Action.eq(a));
    }
    if let Some(f) = q.from.as_deref().filter(|s| !s.is_empty()) {
        find = find.filter(audit_log::Column::At.gte(f));
    }
    if let Some(t) = q.to.as_deref().filter(|s| !s.is_empty()) {
        // Dates compare as text: everything on day `t` sorts before `t` + "U".
        find = find.filter(audit_log::Column::At.lt(format!("{t}U")));
    }
    find
}

/// The newest entries matching `q`, at most `limit`.
pub async fn search(
    store: &Store,
    q: &Search,
    limit: u64,
) -> Result<Vec<audit_log::Model>, StoreError> {
    Ok(search_query(q)
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(store.conn())
        .await?)
}

/// One page of the entries matching `q` in the order of the chain (`Descending`: newest
/// first), and how many match in all.
pub async fn search_page(
    store: &Store,
    q: &Search,
    dir: crate::listing::Direction,
    page: crate::listing::Page,
) -> Result<(Vec<audit_log::Model>, u64), StoreError> {
    use sea_orm::PaginatorTrait;
    let find = search_query(q);
    let total = find.clone().count(store.conn()).await?;
    let rows = find
        .order_by(audit_log::Column::Id, dir.order())
        .offset(page.offset())
        .limit(page.size)
        .all(store.conn())
        .await?;
    Ok((rows, total))
}
