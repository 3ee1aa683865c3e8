//! Signed checkpoints of the trail's head (see [`jisr_domain::audit::checkpoint`]).
//! Taking one appends a `checkpoint` entry to the trail and records the signed head
//! (that entry) in `audit_checkpoints`, in one transaction; the caller then writes the
//! text outside the database, where the trail's own administrators cannot reach it.

use super::{Action, Actor, Change, Entity};
use crate::entity::{audit_checkpoint, audit_log};
use crate::{Store, StoreError};
use jisr_domain::audit::checkpoint::{
    Anchoring, Checkpoint, CheckpointError, Signed, SigningKey, TrailState, anchor,
};
use sea_orm::{ActiveValue::Set, EntityTrait, QueryOrder};

fn to_signed(m: audit_checkpoint::Model) -> Result<Signed, StoreError> {
    let mut public_key = [0u8; 32];
    let mut signature = [0u8; 64];
    hex::decode_to_slice(&m.public_key, &mut public_key)
        .and_then(|_| hex::decode_to_slice(&m.signature, &mut signature))
        .map_err(|_| StoreError::Invalid("audit checkpoint row".into()))?;
    Ok(Signed {
        checkpoint: Checkpoint {
            seq: m.seq as u64,
            at: m.at,
            entries: m.entries as u64,
            head_hash: m.head_hash,
        },
        public_key,
        signature,
    })
}

/// The newest checkpoint the database recorded, if any.
pub async fn latest(store: &Store) -> Result<Option<Signed>, StoreError> {
    latest_in(store.conn()).await
}

async fn latest_in(db: &impl sea_orm::ConnectionTrait) -> Result<Option<Signed>, StoreError> {
    audit_checkpoint::Entity::find()
        .order_by_desc(audit_checkpoint::Column::Seq)
        .one(db)
        .await?
        .map(to_signed)
        .transpose()
}

/// A checkpoint of the trail as it stands: a new one if entries were written since the
/// newest, otherwise the newest again (`false`: nothing new to vouch for).
pub async fn take(
    store: &Store,
    actor: &Actor,
    key: &SigningKey,
) -> Result<(Signed, bool), StoreError> {
    take_numbered_from(store, actor, key, 1).await
}

/// As [`take`], numbering the new checkpoint `first` at least: after a restore, the
/// numbers of the checkpoints the backup did not know are not used again.
pub async fn take_numbered_from(
    store: &Store,
    actor: &Actor,
    key: &SigningKey,
    first: u64,
) -> Result<(Signed, bool), StoreError> {
    let txn = store.begin_write().await?;
    let previous = latest_in(&txn).await?;
    let newest = audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Id)
        .one(&txn)
        .await?;
    if let (Some(p), Some(n)) = (&previous, &newest)
        && n.id as u64 == p.checkpoint.entries
        && p.public_key == key.verifying_key().to_bytes()
    {
        txn.rollback().await?;
        return Ok((p.clone(), false));
    }
    let seq = previous.map_or(1, |p| p.checkpoint.seq + 1).max(first);
    let id = super::record(
        &txn,
        actor,
        Change {
            action: Action::Checkpoint,
            entity: Entity::AuditTrail,
            entity_id: seq.to_string(),
            before: None,
            after: None,
        },
    )
    .await?;
    let head = audit_log::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(StoreError::Invalid("audit checkpoint head".into()))?;
    let signed = Checkpoint {
        seq,
        at: head.at.clone(),
        entries: id as u64,
        head_hash: head.hash,
    }
    .sign(key);
    audit_checkpoint::Entity::insert(audit_checkpoint::ActiveModel {
        seq: Set(seq as i64),
        at: Set(signed.checkpoint.at.clone()),
        entries: Set(signed.checkpoint.entries as i64),
        head_hash: Set(signed.checkpoint.head_hash.clone()),
        public_key: Set(hex::encode(signed.public_key)),
        signature: Set(hex::encode(signed.signature)),
    })
    .exec_without_returning(&txn)
    .await?;
    txn.commit().await?;
    Ok((signed, true))
}

/// What the database holds as far as `c` is concerned. Meaningful once the chain itself
/// verified (its ids then run 1..=entries without gaps).
pub async fn trail_state(store: &Store, c: &Checkpoint) -> Result<TrailState, StoreError> {
    let entries = super::count(store).await?;
    let hash_at_checkpoint = match i64::try_from(c.entries) {
        Ok(id) => audit_log::Entity::find_by_id(id)
            .one(store.conn())
            .await?
            .map(|e| e.hash),
        Err(_) => None,
    };
    let newest_recorded_seq = latest(store).await?.map(|s| s.checkpoint.seq);
    let recorded = match i64::try_from(c.seq) {
        Ok(seq) => audit_checkpoint::Entity::find_by_id(seq)
            .one(store.conn())
            .await?
            .is_some_and(|r| r.head_hash == c.head_hash && r.entries as u64 == c.entries),
        Err(_) => false,
    };
    Ok(TrailState {
        entries,
        hash_at_checkpoint,
        recorded,
        newest_recorded_seq,
    })
}

/// Checks a checkpoint's signature (against `trusted` when given), then the trail
/// against it.
pub async fn check(
    store: &Store,
    signed: &Signed,
    trusted: Option<&[u8; 32]>,
) -> Result<Result<Anchoring, CheckpointError>, StoreError> {
    if let Err(e) = signed.verify(trusted) {
        return Ok(Err(e));
    }
    let state = trail_state(store, &signed.checkpoint).await?;
    Ok(Ok(anchor(&signed.checkpoint, &state)))
}
