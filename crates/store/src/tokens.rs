//! API tokens for programs that call the JSON API. A token acts as its user, with the
//! user's grants (so the same scope filters apply); it is shown once, stored hashed,
//! and can be revoked.

use crate::audit::{self, Actor, Change};
use crate::entity::{api_token, user};
use crate::sessions::SessionUser;
use crate::{Store, StoreError};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};
use sha2::{Digest, Sha256};

const PREFIX: &str = "jisr_";

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Creates a token for `user_id`; returns its id and the token, which is never shown again.
pub async fn create(
    store: &Store,
    actor: &Actor,
    user_id: i64,
    name: &str,
) -> Result<(i64, String), StoreError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::Invalid("a token needs a name".into()));
    }
    let token = format!("{PREFIX}{}", hex::encode(rand::random::<[u8; 32]>()));
    let txn = store.begin_write().await?;
    if user::Entity::find_by_id(user_id).one(&txn).await?.is_none() {
        return Err(StoreError::NotFound);
    }
    let res = api_token::Entity::insert(api_token::ActiveModel {
        id: NotSet,
        user_id: Set(user_id),
        name: Set(name.to_owned()),
        token_hash: Set(hash(&token)),
        created_at: Set(crate::now_text()),
        revoked_at: Set(None),
    })
    .exec(&txn)
    .await?;
    let id = res.last_insert_id;
    audit::record(
        &txn,
        actor,
        Change {
            action: jisr_domain::audit::Action::Create,
            entity: jisr_domain::audit::Entity::ApiToken,
            entity_id: id.to_string(),
            before: None,
            after: Some(serde_json::json!({ "user_id": user_id, "name": name, "token": "***" })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok((id, token))
}

/// Revokes a token; it stops working at once.
pub async fn revoke(store: &Store, actor: &Actor, id: i64) -> Result<(), StoreError> {
    let txn = store.begin_write().await?;
    let t = api_token::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(StoreError::NotFound)?;
    if t.revoked_at.is_some() {
        return Err(StoreError::Conflict(format!(
            "token {id} is already revoked"
        )));
    }
    let mut am = t.into_active_model();
    am.revoked_at = Set(Some(crate::now_text()));
    am.update(&txn).await?;
    audit::record_event(
        &txn,
        actor,
        jisr_domain::audit::Action::Revoke,
        jisr_domain::audit::Entity::ApiToken,
        id.to_string(),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The person a bearer token acts for, if the token is known, not revoked, and its
/// account active.
pub async fn resolve(store: &Store, token: &str) -> Result<Option<SessionUser>, StoreError> {
    if !token.starts_with(PREFIX) {
        return Ok(None);
    }
    let db = store.conn();
    let Some(t) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(hash(token)))
        .filter(api_token::Column::RevokedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(u) = user::Entity::find_by_id(t.user_id)
        .one(db)
        .await?
        .filter(|u| u.active)
    else {
        return Ok(None);
    };
    let grants = crate::accounts::grants(db, jisr_domain::ids::UserId(u.id)).await?;
    Ok(Some(SessionUser::from_model(u, grants, false)))
}

/// Every token, newest first (never the token itself).
pub async fn list(store: &Store) -> Result<Vec<api_token::Model>, StoreError> {
    Ok(api_token::Entity::find()
        .order_by_desc(api_token::Column::Id)
        .all(store.conn())
        .await?)
}
