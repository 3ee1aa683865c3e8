//! Uploaded documents of any owner (`crate::owner`: an establishment, an association, an
//! application, …): one way to check a batch, store its bytes, record it with its audit
//! entries, list it and read it back. The owners' scoped handles decide who may do this
//! and to which record.

use crate::audit::{self, Actor, Change};
use crate::entity::document;
use crate::files::FileStore;
use crate::owner::Owner;
use crate::{Store, StoreError};
use jisr_domain::documents::{UploadError, check_upload, safe_file_name};
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
};

/// A file handed in: the item or kind it answers, its name, its bytes.
#[derive(Debug, Clone)]
pub struct Upload {
    pub requirement: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Why a batch was not attached.
#[derive(Debug)]
pub(crate) enum BatchError {
    /// Files refused, each with its item and the reason.
    Refused(Vec<(String, UploadError)>),
    Store(StoreError),
}

impl From<StoreError> for BatchError {
    fn from(e: StoreError) -> Self {
        BatchError::Store(e)
    }
}

impl From<sea_orm::DbErr> for BatchError {
    fn from(e: sea_orm::DbErr) -> Self {
        BatchError::Store(e.into())
    }
}

/// A checked file whose bytes are kept in the file store, not yet recorded.
#[derive(Debug, Clone)]
pub(crate) struct Stored {
    requirement: String,
    file_name: String,
    size: usize,
    kind: jisr_domain::documents::FileKind,
    sha256: String,
}

/// Checks every file (an `allowed` item, an accepted type, not too large) before any is
/// kept, then keeps their bytes (content-addressed, so keeping them twice is harmless).
pub(crate) async fn check_and_keep(
    files: &FileStore,
    uploads: Vec<Upload>,
    allowed: &[&str],
    max_bytes: usize,
) -> Result<Vec<Stored>, BatchError> {
    let mut refused = Vec::new();
    let mut checked = Vec::new();
    for u in uploads {
        if !allowed.contains(&u.requirement.as_str()) {
            return Err(StoreError::Invalid(format!("document item `{}`", u.requirement)).into());
        }
        match check_upload(&u.bytes, max_bytes) {
            Ok(kind) => checked.push((u, kind)),
            Err(err) => refused.push((u.requirement, err)),
        }
    }
    if !refused.is_empty() {
        return Err(BatchError::Refused(refused));
    }
    let mut stored = Vec::new();
    for (u, kind) in checked {
        let sha = files
            .put(&u.bytes)
            .await
            .map_err(|err| StoreError::Invalid(format!("storing a document: {err}")))?;
        stored.push(Stored {
            requirement: u.requirement,
            file_name: u.file_name,
            size: u.bytes.len(),
            kind,
            sha256: sha,
        });
    }
    Ok(stored)
}

/// Records kept files as the owner's documents, dated `at`, with their audit entries,
/// inside the caller's transaction.
pub(crate) async fn record(
    txn: &DatabaseTransaction,
    actor: &Actor,
    owner: Owner,
    stored: Vec<Stored>,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::new();
    for f in stored {
        let name = safe_file_name(&f.file_name, f.kind);
        let res = document::Entity::insert(document::ActiveModel {
            id: NotSet,
            owner_kind: Set(owner.kind().to_owned()),
            owner_id: Set(owner.id()),
            requirement_code: Set(Some(f.requirement.clone())),
            file_name: Set(name.clone()),
            content_type: Set(f.kind.content_type().to_owned()),
            size_bytes: Set(f.size as i64),
            sha256: Set(f.sha256.clone()),
            uploaded_by: Set(actor.label.clone()),
            uploaded_at: Set(crate::time_text(at)),
        })
        .exec(txn)
        .await?;
        audit::record(
            txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::Attach,
                entity: jisr_domain::audit::Entity::Document,
                entity_id: res.last_insert_id.to_string(),
                before: None,
                after: Some(serde_json::json!({
                    owner.kind(): owner.id(), "requirement": f.requirement,
                    "file_name": name, "size": f.size, "sha256": f.sha256,
                })),
            },
        )
        .await?;
        ids.push(res.last_insert_id);
    }
    Ok(ids)
}

/// Checks and keeps a batch ([`check_and_keep`]), then records it in one transaction.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn attach(
    store: &Store,
    actor: &Actor,
    files: &FileStore,
    owner: Owner,
    uploads: Vec<Upload>,
    allowed: &[&str],
    max_bytes: usize,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<i64>, BatchError> {
    let stored = check_and_keep(files, uploads, allowed, max_bytes).await?;
    let txn = store.begin_write().await?;
    let ids = record(&txn, actor, owner, stored, at).await?;
    txn.commit().await?;
    Ok(ids)
}

/// The documents of an owner, as a condition on `documents`.
pub(crate) fn of(owner: Owner) -> Condition {
    owner.condition(document::Column::OwnerKind, document::Column::OwnerId)
}

/// The documents of an owner, newest first.
pub(crate) async fn list(store: &Store, owner: Owner) -> Result<Vec<document::Model>, StoreError> {
    Ok(document::Entity::find()
        .filter(of(owner))
        .order_by_desc(document::Column::Id)
        .all(store.conn())
        .await?)
}

/// One document of an owner with its bytes (checked against their hash); the read is
/// audited.
pub(crate) async fn read(
    store: &Store,
    actor: &Actor,
    files: &FileStore,
    owner: Owner,
    document_id: i64,
) -> Result<(document::Model, Vec<u8>), StoreError> {
    let doc = document::Entity::find_by_id(document_id)
        .filter(of(owner))
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
    let bytes = files
        .get(&doc.sha256)
        .await
        .map_err(|e| StoreError::Invalid(format!("stored document {}: {e}", doc.id)))?;
    audit::record_read(
        store,
        actor,
        jisr_domain::audit::Entity::Document,
        &doc.id.to_string(),
    )
    .await?;
    Ok((doc, bytes))
}
