//! The applicant's side of grants, beside `grants`: the establishments a manager applies
//! for, the documents of an application (the shared `documents` records, one per item
//! the call asks, owned by the application), which set the documents the eligibility
//! check reads. Every change is audited in its transaction; what the person may not
//! reach is `StoreError::NotFound`.

use crate::audit::{self, Actor, Change};
use crate::documents::{self, BatchError, Upload};
use crate::entity::{document, establishment, grant_application, grant_call};
use crate::files::FileStore;
use crate::grants::{GrantError, Scoped, documents_of, owner};
use crate::{StoreError, now_text};
use jisr_domain::access::{Capability, Scope};
use jisr_domain::audit::{Action, Entity};
use jisr_domain::documents::UploadError;
use jisr_domain::geo::ProvinceCode;
use jisr_domain::grants::Status;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder,
};

/// Why documents were not attached.
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    /// Files refused, each with the item it answered and why.
    #[error("files refused: {0:?}")]
    Refused(Vec<(String, UploadError)>),
    #[error(transparent)]
    Grant(#[from] GrantError),
}

impl From<StoreError> for AttachError {
    fn from(e: StoreError) -> Self {
        AttachError::Grant(e.into())
    }
}

impl From<sea_orm::DbErr> for AttachError {
    fn from(e: sea_orm::DbErr) -> Self {
        AttachError::Grant(e.into())
    }
}

/// Whether an application can still be completed by its association: a draft, or a
/// filed application after the one reminder for missing documents.
pub fn editable(a: &grant_application::Model) -> bool {
    a.status == Status::Draft.as_str() || (a.status == Status::Filed.as_str() && a.reminded)
}

impl Scoped<'_> {
    fn applies_to(&self, a: &grant_application::Model) -> bool {
        ProvinceCode::parse(&a.province_code).is_ok_and(|p| {
            self.can_at_establishment(Capability::ApplyForGrants, &p, a.establishment_id)
        })
    }

    /// The establishments the person applies for (managers of an association's
    /// establishment), by name.
    pub async fn applicant_establishments(&self) -> Result<Vec<establishment::Model>, StoreError> {
        let ids: Vec<i64> = self
            .grants()
            .scopes_for(Capability::ApplyForGrants)
            .filter_map(|s| match s {
                Scope::Establishment(id) => Some(*id),
                _ => None,
            })
            .collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        Ok(establishment::Entity::find()
            .filter(establishment::Column::Id.is_in(ids))
            .order_by_asc(establishment::Column::NameFr)
            .all(self.store().conn())
            .await?
            .into_iter()
            .filter(|e| {
                ProvinceCode::parse(&e.province_code)
                    .is_ok_and(|p| self.can_at_establishment(Capability::ApplyForGrants, &p, e.id))
            })
            .collect())
    }

    /// One of the person's own applications (as applicant).
    pub async fn own_application(&self, id: i64) -> Result<grant_application::Model, StoreError> {
        let a = grant_application::Entity::find_by_id(id)
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        if self.applies_to(&a) {
            Ok(a)
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// The call an own application answers.
    pub async fn own_application_call(&self, id: i64) -> Result<grant_call::Model, StoreError> {
        let a = self.own_application(id).await?;
        grant_call::Entity::find_by_id(a.call_id)
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The documents of an own application, newest first.
    pub async fn application_documents(&self, id: i64) -> Result<Vec<document::Model>, StoreError> {
        self.own_application(id).await?;
        documents::list(self.store(), owner(id)).await
    }

    /// One document of an own application with its bytes; the read is audited.
    pub async fn application_document(
        &self,
        actor: &Actor,
        files: &FileStore,
        id: i64,
        document_id: i64,
    ) -> Result<(document::Model, Vec<u8>), StoreError> {
        self.own_application(id).await?;
        documents::read(self.store(), actor, files, owner(id), document_id).await
    }

    /// Attaches files to an application still being completed, each answering a
    /// document the call asks: every file is checked first (none is kept if one is
    /// refused), then recorded with the documents given, in one transaction.
    pub async fn attach_application_documents(
        &self,
        actor: &Actor,
        files: &FileStore,
        id: i64,
        uploads: Vec<Upload>,
        max_bytes: usize,
    ) -> Result<(), AttachError> {
        if uploads.is_empty() {
            return Ok(());
        }
        let a = self.own_application(id).await?;
        if !editable(&a) {
            return Err(
                GrantError::Fields(vec![("status".into(), "grants-error-not-draft")]).into(),
            );
        }
        let call = grant_call::Entity::find_by_id(a.call_id)
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let asked = documents_of(&call);
        let allowed: Vec<&str> = asked.iter().map(String::as_str).collect();
        let stored = documents::check_and_keep(files, uploads, &allowed, max_bytes)
            .await
            .map_err(|e| match e {
                BatchError::Refused(r) => AttachError::Refused(r),
                BatchError::Store(e) => e.into(),
            })?;
        let txn = self.store().begin_write().await?;
        let a = grant_application::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .filter(editable)
            .ok_or(StoreError::NotFound)?;
        documents::record(&txn, actor, owner(id), stored, chrono::Utc::now()).await?;
        let given: Vec<String> = document::Entity::find()
            .filter(documents::of(owner(id)))
            .all(&txn)
            .await?
            .into_iter()
            .filter_map(|d| d.requirement_code)
            .collect();
        let keys: Vec<&str> = asked
            .iter()
            .filter(|k| given.contains(k))
            .map(String::as_str)
            .collect();
        let now_given = keys.join(",");
        let before = a.documents.clone();
        if now_given != before {
            let mut am = a.into_active_model();
            am.documents = Set(now_given.clone());
            am.updated_at = Set(now_text());
            am.update(&txn).await?;
            audit::record(
                &txn,
                actor,
                Change {
                    action: Action::Update,
                    entity: Entity::GrantApplication,
                    entity_id: id.to_string(),
                    before: Some(serde_json::json!({"documents": before})),
                    after: Some(serde_json::json!({"documents": now_given})),
                },
            )
            .await?;
        }
        txn.commit().await?;
        Ok(())
    }
}
