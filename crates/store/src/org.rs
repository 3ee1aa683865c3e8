//! The agency's units: the central administration, regional coordinations and provincial
//! delegations, with the provinces each delegation covers.

use crate::audit::{self, Actor, Change};
use crate::entity::{delegation_province, org_unit, province};
use crate::{Store, StoreError};
use jisr_domain::geo::{ProvinceCode, RegionCode};
use jisr_domain::ids::UnitId;
use jisr_domain::org::UnitKind;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

/// A unit to create.
#[derive(Debug, Clone)]
pub struct NewUnit {
    pub code: String,
    pub kind: UnitKind,
    pub name_ar: String,
    pub name_fr: String,
    pub parent: Option<UnitId>,
    pub region: Option<RegionCode>,
    /// Provinces covered, for a delegation.
    pub provinces: Vec<ProvinceCode>,
}

/// A unit with the provinces it covers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unit {
    pub id: i64,
    pub code: String,
    pub kind: String,
    pub name_ar: String,
    pub name_fr: String,
    pub parent_id: Option<i64>,
    pub region_code: Option<String>,
    pub provinces: Vec<String>,
}

/// Creates a unit, checking its shape: a delegation covers at least one province of its
/// region, none already covered; a coordination has a region; the parent has the right kind.
pub async fn create_unit(store: &Store, actor: &Actor, new: NewUnit) -> Result<UnitId, StoreError> {
    let txn = store.begin_write().await?;
    if new.code.trim().is_empty() {
        return Err(StoreError::Invalid("unit code is empty".into()));
    }
    if org_unit::Entity::find()
        .filter(org_unit::Column::Code.eq(&new.code))
        .one(&txn)
        .await?
        .is_some()
    {
        return Err(StoreError::Conflict(format!("unit `{}`", new.code)));
    }
    match (new.kind.parent_kind(), new.parent) {
        (None, None) => {}
        (Some(kind), Some(pid)) => {
            let parent = org_unit::Entity::find_by_id(pid.0)
                .one(&txn)
                .await?
                .ok_or(StoreError::NotFound)?;
            if parent.kind != kind.as_str() {
                return Err(StoreError::Invalid(format!(
                    "the parent of a {} must be a {}",
                    new.kind.as_str(),
                    kind.as_str()
                )));
            }
        }
        (None, Some(_)) => {
            return Err(StoreError::Invalid("the central unit has no parent".into()));
        }
        (Some(kind), None) => {
            return Err(StoreError::Invalid(format!(
                "a {} needs a parent {}",
                new.kind.as_str(),
                kind.as_str()
            )));
        }
    }
    let needs_region = new.kind != UnitKind::Central;
    if needs_region != new.region.is_some() {
        return Err(StoreError::Invalid(
            "only coordinations and delegations have a region".into(),
        ));
    }
    if (new.kind == UnitKind::ProvincialDelegation) == new.provinces.is_empty() {
        return Err(StoreError::Invalid(
            "only a delegation covers provinces, at least one".into(),
        ));
    }
    for p in &new.provinces {
        let prov = province::Entity::find_by_id(p.as_str())
            .one(&txn)
            .await?
            .ok_or_else(|| StoreError::Invalid(format!("unknown province `{p}`")))?;
        if Some(prov.region_code.as_str()) != new.region.as_ref().map(RegionCode::as_str) {
            return Err(StoreError::Invalid(format!(
                "province `{p}` is outside the unit's region"
            )));
        }
        if delegation_province::Entity::find_by_id(p.as_str())
            .one(&txn)
            .await?
            .is_some()
        {
            return Err(StoreError::Conflict(format!(
                "province `{p}` already has a delegation"
            )));
        }
    }
    let res = org_unit::Entity::insert(org_unit::ActiveModel {
        id: NotSet,
        code: Set(new.code.clone()),
        kind: Set(new.kind.as_str().to_owned()),
        name_ar: Set(new.name_ar.clone()),
        name_fr: Set(new.name_fr.clone()),
        parent_id: Set(new.parent.map(|p| p.0)),
        region_code: Set(new.region.as_ref().map(|r| r.to_string())),
    })
    .exec(&txn)
    .await?;
    let id = res.last_insert_id;
    for p in &new.provinces {
        delegation_province::Entity::insert(delegation_province::ActiveModel {
            province_code: Set(p.to_string()),
            unit_id: Set(id),
        })
        .exec_without_returning(&txn)
        .await?;
    }
    audit::record(
        &txn,
        actor,
        Change {
            action: jisr_domain::audit::Action::Create,
            entity: jisr_domain::audit::Entity::OrgUnit,
            entity_id: id.to_string(),
            before: None,
            after: Some(serde_json::json!({
                "code": new.code, "kind": new.kind.as_str(), "name_ar": new.name_ar,
                "name_fr": new.name_fr, "parent_id": new.parent.map(|p| p.0),
                "region_code": new.region.map(String::from),
                "provinces": new.provinces.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(UnitId(id))
}

/// Every unit, central first, then by code, with the provinces each covers.
pub async fn units(db: &impl ConnectionTrait) -> Result<Vec<Unit>, StoreError> {
    let links = delegation_province::Entity::find()
        .order_by_asc(delegation_province::Column::ProvinceCode)
        .all(db)
        .await?;
    let rows = org_unit::Entity::find()
        .order_by_asc(org_unit::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|u| Unit {
            provinces: links
                .iter()
                .filter(|l| l.unit_id == u.id)
                .map(|l| l.province_code.clone())
                .collect(),
            id: u.id,
            code: u.code,
            kind: u.kind,
            name_ar: u.name_ar,
            name_fr: u.name_fr,
            parent_id: u.parent_id,
            region_code: u.region_code,
        })
        .collect())
}

/// The delegation covering a province, if any.
pub async fn delegation_of(
    db: &impl ConnectionTrait,
    province: &ProvinceCode,
) -> Result<Option<org_unit::Model>, StoreError> {
    let Some(link) = delegation_province::Entity::find_by_id(province.as_str())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(org_unit::Entity::find_by_id(link.unit_id).one(db).await?)
}
