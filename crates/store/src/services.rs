//! The services catalogue: public reading (by need, by place), the documents each service
//! asks for, and which establishments deliver it.

use crate::audit::{self, Actor, Change};
use crate::entity::{establishment, service, service_delivery, service_document};
use crate::{Store, StoreError};
use jisr_domain::establishments::Status;
use jisr_domain::services::{Assessment, Need};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

/// The active services, optionally only those answering `need`, in catalogue order.
pub async fn catalogue(
    store: &Store,
    need: Option<Need>,
) -> Result<Vec<service::Model>, StoreError> {
    let mut q = service::Entity::find().filter(service::Column::Active.eq(true));
    if let Some(n) = need {
        q = q.filter(service::Column::Need.eq(n.as_str()));
    }
    Ok(q.order_by_asc(service::Column::Position)
        .all(store.conn())
        .await?)
}

/// One active service.
pub async fn get(store: &Store, code: &str) -> Result<service::Model, StoreError> {
    service::Entity::find_by_id(code)
        .filter(service::Column::Active.eq(true))
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)
}

/// The documents a service asks for, in order.
pub async fn documents(
    store: &Store,
    code: &str,
) -> Result<Vec<service_document::Model>, StoreError> {
    Ok(service_document::Entity::find()
        .filter(service_document::Column::ServiceCode.eq(code))
        .order_by_asc(service_document::Column::Position)
        .all(store.conn())
        .await?)
}

/// A service's needs assessment (empty when it defines none).
pub fn assessment(s: &service::Model) -> Assessment {
    serde_json::from_str(&s.assessment).unwrap_or_default()
}

/// The authorised establishments delivering a service, optionally in one province:
/// public facts only are shown from them.
pub async fn deliverers(
    store: &Store,
    code: &str,
    province: Option<&str>,
) -> Result<Vec<establishment::Model>, StoreError> {
    let ids = delivered_to(store, code).await?;
    let mut q = establishment::Entity::find()
        .filter(establishment::Column::Id.is_in(ids))
        .filter(establishment::Column::Status.eq(Status::Authorised.as_str()));
    if let Some(p) = province.filter(|p| !p.is_empty()) {
        q = q.filter(establishment::Column::ProvinceCode.eq(p));
    }
    Ok(q.order_by_asc(establishment::Column::ProvinceCode)
        .order_by_asc(establishment::Column::NameFr)
        .all(store.conn())
        .await?)
}

/// The services an establishment delivers.
pub async fn delivered_by(store: &Store, establishment_id: i64) -> Result<Vec<String>, StoreError> {
    Ok(service_delivery::Entity::find()
        .filter(service_delivery::Column::EstablishmentId.eq(establishment_id))
        .all(store.conn())
        .await?
        .into_iter()
        .map(|d| d.service_code)
        .collect())
}

/// Records that an establishment delivers a service (idempotent), audited.
pub async fn deliver(
    store: &Store,
    actor: &Actor,
    code: &str,
    establishment_id: i64,
) -> Result<(), StoreError> {
    get(store, code).await?;
    let txn = store.begin_write().await?;
    let exists = service_delivery::Entity::find_by_id((code.to_owned(), establishment_id))
        .one(&txn)
        .await?
        .is_some();
    if !exists {
        service_delivery::Entity::insert(service_delivery::ActiveModel {
            service_code: Set(code.to_owned()),
            establishment_id: Set(establishment_id),
        })
        .exec_without_returning(&txn)
        .await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::Deliver,
                entity: jisr_domain::audit::Entity::Service,
                entity_id: code.to_owned(),
                before: None,
                after: Some(serde_json::json!({ "establishment": establishment_id })),
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Records, for every service that admits to a category of establishment, that each
/// authorised establishment of that category delivers it (for a first set-up; each
/// delivery is audited). Returns how many deliveries were added.
pub async fn deliver_by_category(store: &Store, actor: &Actor) -> Result<usize, StoreError> {
    let mut added = 0;
    for s in catalogue(store, None).await? {
        let Some(category) = s.category_code.clone() else {
            continue;
        };
        let already = delivered_to(store, &s.code).await?;
        let rows = establishment::Entity::find()
            .filter(establishment::Column::CategoryCode.eq(category))
            .filter(establishment::Column::Status.eq(Status::Authorised.as_str()))
            .all(store.conn())
            .await?;
        for e in rows.into_iter().filter(|e| !already.contains(&e.id)) {
            deliver(store, actor, &s.code, e.id).await?;
            added += 1;
        }
    }
    Ok(added)
}

async fn delivered_to(store: &Store, code: &str) -> Result<Vec<i64>, StoreError> {
    Ok(service_delivery::Entity::find()
        .filter(service_delivery::Column::ServiceCode.eq(code))
        .all(store.conn())
        .await?
        .into_iter()
        .map(|d| d.establishment_id)
        .collect())
}

/// Why a needs model was not saved.
#[derive(Debug, thiserror::Error)]
pub enum NeedsModelError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The model does not fit the registry's fields (an unknown field, category value or
    /// region, a type error).
    #[error("{0:?}")]
    Model(jisr_targeting::score::ScoreError),
}

impl From<sea_orm::DbErr> for NeedsModelError {
    fn from(e: sea_orm::DbErr) -> Self {
        NeedsModelError::Store(e.into())
    }
}

/// A service's needs model, when it has one.
pub fn needs_model(s: &service::Model) -> Option<jisr_targeting::score::ScoreModel> {
    s.needs_model
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok())
}

/// Replaces a service's needs model after checking it against the registry's fields;
/// the change, before and after, is audited in the same transaction. Waiting lists are
/// ranked with it from the next reading.
pub async fn set_needs_model(
    store: &Store,
    actor: &Actor,
    code: &str,
    model: &jisr_targeting::score::ScoreModel,
) -> Result<(), NeedsModelError> {
    let service = get(store, code).await?;
    let geo = crate::registry::engine_geo(store)
        .await
        .map_err(|e| match e {
            crate::registry::LoadError::Store(e) => NeedsModelError::Store(e),
            crate::registry::LoadError::Build(b) => {
                NeedsModelError::Store(StoreError::Invalid(format!("{b:?}")))
            }
        })?;
    model
        .compile(&jisr_targeting::rules::Schema::households(&geo))
        .map_err(NeedsModelError::Model)?;
    let json = serde_json::to_string(model)
        .map_err(|e| NeedsModelError::Store(StoreError::Invalid(e.to_string())))?;
    let txn = store.begin_write().await?;
    let before = service.needs_model.clone();
    service::Entity::update(service::ActiveModel {
        code: Set(code.to_owned()),
        needs_model: Set(Some(json.clone())),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        Change {
            action: jisr_domain::audit::Action::Update,
            entity: jisr_domain::audit::Entity::NeedsModel,
            entity_id: code.to_owned(),
            before: before.and_then(|b| serde_json::from_str(&b).ok()),
            after: serde_json::from_str(&json).ok(),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
