//! Carrying a point-of-entry link from one record to the record made from it: the
//! registry person an application's beneficiary was linked to becomes the person of the
//! beneficiary file admitted from that application (at placement, or when the
//! application is linked after the admission).

use super::decision;
use crate::StoreError;
use crate::audit::{self, Actor, Change};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The key a carried link is remembered under: one per receiving record, so it never
/// stands for a typed record (those keys are fingerprints of what was typed).
fn carried_key(to: (&str, i64)) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(
        format!("carried\u{1f}{}\u{1f}{}", to.0, to.1).as_bytes(),
    ))
}

/// The registry person `subject` was linked to, read inside any connection.
pub(crate) async fn linked_in(
    db: &impl ConnectionTrait,
    subject: (&str, i64),
) -> Result<Option<i64>, StoreError> {
    Ok(decision::Entity::find()
        .filter(decision::Column::SubjectKind.eq(subject.0))
        .filter(decision::Column::SubjectId.eq(subject.1))
        .filter(decision::Column::Decision.eq("linked"))
        .one(db)
        .await?
        .map(|d| d.person_id))
}

/// In `txn`: when `from` is linked to a registry person and `to` is not yet, links
/// `to` to the same person, audited as `matching.decide` with where it came from.
pub(crate) async fn carry(
    txn: &sea_orm::DatabaseTransaction,
    actor: &Actor,
    from: (&str, i64),
    to: (&str, i64),
) -> Result<Option<i64>, StoreError> {
    let Some(person) = linked_in(txn, from).await? else {
        return Ok(None);
    };
    if linked_in(txn, to).await?.is_some() {
        return Ok(None);
    }
    decision::Entity::insert(decision::ActiveModel {
        id: NotSet,
        entry_key: Set(carried_key(to)),
        person_id: Set(person),
        decision: Set("linked".to_owned()),
        subject_kind: Set(to.0.to_owned()),
        subject_id: Set(Some(to.1)),
        decided_by: Set(actor.label.clone()),
        decided_at: Set(crate::now_text()),
    })
    .exec(txn)
    .await?;
    audit::record(
        txn,
        actor,
        Change {
            action: audit::Action::MatchDecide,
            entity: audit::Entity::Person,
            entity_id: person.to_string(),
            before: None,
            after: Some(serde_json::json!({
                "subject": to.0,
                "subject_id": to.1,
                "linked": person,
                "carried_from": { "subject": from.0, "subject_id": from.1 },
            })),
        },
    )
    .await?;
    Ok(Some(person))
}
