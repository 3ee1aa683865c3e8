//! Care in establishments: the admissions and exits register, occupancy against the
//! authorised capacity, and the beneficiaries' files. Reached through [`Scoped`], built
//! from the grants of the person asking: the establishment must be within them.

use crate::audit::{self, Actor, Change};
use crate::entity::{admission, beneficiary, establishment};
use crate::{Store, StoreError};
use jisr_domain::access::{Role, Scope};
use jisr_domain::care::{Basis, Candidate, Occupancy, Representative};
use jisr_domain::establishments::Capacity;
use jisr_domain::registry::Sex;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
};
use std::collections::HashMap;

/// A person to admit, as recorded in the register and their file.
#[derive(Debug, Clone)]
pub struct NewBeneficiary {
    pub name_ar: String,
    pub name_fr: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    pub sex: Sex,
    pub national_id: String,
    pub representative: Representative,
    pub representative_name: String,
    pub representative_reference: String,
    pub application_id: Option<i64>,
}

/// The admission itself.
#[derive(Debug, Clone)]
pub struct NewAdmission {
    /// `YYYY-MM-DD`.
    pub admitted_on: String,
    pub basis: Basis,
    /// The placement order's number, the tracking code of a referral, …
    pub basis_reference: String,
}

/// Persons present (admitted, not yet gone out) in each of `establishments`, by sex.
pub async fn occupancy_of<C: ConnectionTrait>(
    db: &C,
    establishments: &[i64],
) -> Result<HashMap<i64, Occupancy>, StoreError> {
    let mut out: HashMap<i64, Occupancy> = establishments
        .iter()
        .map(|id| (*id, Occupancy::default()))
        .collect();
    if establishments.is_empty() {
        return Ok(out);
    }
    let present = admission::Entity::find()
        .filter(admission::Column::EstablishmentId.is_in(establishments.to_vec()))
        .filter(admission::Column::ExitOn.is_null())
        .all(db)
        .await?;
    let sexes: HashMap<i64, String> = beneficiary::Entity::find()
        .filter(
            beneficiary::Column::Id
                .is_in(present.iter().map(|a| a.beneficiary_id).collect::<Vec<_>>()),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b.sex))
        .collect();
    for a in present {
        if let (Some(sex), Some(o)) = (
            sexes.get(&a.beneficiary_id),
            out.get_mut(&a.establishment_id),
        ) && let Ok(sex) = Sex::parse(sex)
        {
            o.count(sex);
        }
    }
    Ok(out)
}

/// The establishments able to deliver `service` in `province` (authorised or
/// suspended-then-restored: operating), with their capacity and occupancy.
pub async fn candidates<C: ConnectionTrait>(
    db: &C,
    service: &str,
    province: &str,
) -> Result<Vec<Candidate>, StoreError> {
    let delivering: Vec<i64> = crate::entity::service_delivery::Entity::find()
        .filter(crate::entity::service_delivery::Column::ServiceCode.eq(service))
        .all(db)
        .await?
        .into_iter()
        .map(|d| d.establishment_id)
        .collect();
    let rows = establishment::Entity::find()
        .filter(establishment::Column::Id.is_in(delivering))
        .filter(establishment::Column::ProvinceCode.eq(province))
        .filter(
            establishment::Column::Status
                .eq(jisr_domain::establishments::Status::Authorised.as_str()),
        )
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|e| e.id).collect();
    let occ = occupancy_of(db, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|e| Candidate {
            establishment_id: e.id,
            commune: e.commune_code,
            capacity: Capacity {
                male: e.capacity_male,
                female: e.capacity_female,
            },
            occupancy: occ.get(&e.id).copied().unwrap_or_default(),
        })
        .collect())
}

/// Admits a person into an establishment inside `txn`: their file and the register's
/// line, each with its audit entry. Returns (beneficiary id, admission id).
pub(crate) async fn admit_in(
    txn: &DatabaseTransaction,
    actor: &Actor,
    establishment: &establishment::Model,
    person: &NewBeneficiary,
    admission: &NewAdmission,
) -> Result<(i64, i64), StoreError> {
    let now = crate::now_text();
    let b = beneficiary::Entity::insert(beneficiary::ActiveModel {
        id: NotSet,
        establishment_id: Set(establishment.id),
        province_code: Set(establishment.province_code.clone()),
        application_id: Set(person.application_id),
        name_ar: Set(person.name_ar.trim().to_owned()),
        name_fr: Set(person.name_fr.trim().to_owned()),
        birth_date: Set(person.birth_date.clone()),
        sex: Set(person.sex.as_str().to_owned()),
        national_id: Set(person.national_id.trim().to_owned()),
        representative_kind: Set(person.representative.as_str().to_owned()),
        representative_name: Set(person.representative_name.trim().to_owned()),
        representative_reference: Set(person.representative_reference.trim().to_owned()),
        health_notes: Set(String::new()),
        disability_notes: Set(String::new()),
        schooling_notes: Set(String::new()),
        created_at: Set(now.clone()),
    })
    .exec(txn)
    .await?
    .last_insert_id;
    audit::record(
        txn,
        actor,
        Change {
            action: "create",
            entity: "beneficiary",
            entity_id: b.to_string(),
            before: None,
            after: Some(serde_json::json!({
                "establishment": establishment.id,
                "application": person.application_id,
                "sex": person.sex.as_str(),
                "representative": person.representative.as_str(),
            })),
        },
    )
    .await?;
    let a = admission::Entity::insert(admission::ActiveModel {
        id: NotSet,
        establishment_id: Set(establishment.id),
        beneficiary_id: Set(b),
        province_code: Set(establishment.province_code.clone()),
        admitted_on: Set(admission.admitted_on.clone()),
        basis: Set(admission.basis.as_str().to_owned()),
        basis_reference: Set(admission.basis_reference.trim().to_owned()),
        exit_on: Set(None),
        exit_reason: Set(None),
        exit_destination: Set(String::new()),
        created_by: Set(actor.label.clone()),
        created_at: Set(now),
    })
    .exec(txn)
    .await?
    .last_insert_id;
    audit::record(
        txn,
        actor,
        Change {
            action: "admit",
            entity: "admission",
            entity_id: a.to_string(),
            before: None,
            after: Some(serde_json::json!({
                "establishment": establishment.id, "beneficiary": b,
                "admitted_on": admission.admitted_on, "basis": admission.basis.as_str(),
                "basis_reference": admission.basis_reference,
            })),
        },
    )
    .await?;
    Ok((b, a))
}

/// The register and files of the establishments a person may see.
pub struct Scoped<'a> {
    store: &'a Store,
    grants: Vec<(Role, Scope)>,
}

impl<'a> Scoped<'a> {
    pub fn new(store: &'a Store, grants: &[(Role, Scope)]) -> Self {
        Self {
            store,
            grants: grants.to_vec(),
        }
    }

    /// Every establishment, for system jobs (demo seed). Never for a request.
    pub fn unscoped_for_system_jobs(store: &'a Store) -> Self {
        Self::new(store, &[(Role::NationalAdministrator, Scope::National)])
    }

    fn establishments(&self) -> crate::establishments::Scoped<'a> {
        crate::establishments::Scoped::new(self.store, &self.grants)
    }

    /// Persons present in an establishment within scope, by sex, and its capacity.
    pub async fn occupancy(
        &self,
        establishment_id: i64,
    ) -> Result<(Occupancy, Capacity), StoreError> {
        let e = self.establishments().get(establishment_id).await?;
        let occ = occupancy_of(self.store.conn(), &[e.id]).await?;
        Ok((
            occ.get(&e.id).copied().unwrap_or_default(),
            Capacity {
                male: e.capacity_male,
                female: e.capacity_female,
            },
        ))
    }

    /// Admits a person directly (a judge's placement order, a family's request at the
    /// door) into an establishment within scope.
    pub async fn admit(
        &self,
        actor: &Actor,
        establishment_id: i64,
        person: &NewBeneficiary,
        admission: &NewAdmission,
    ) -> Result<(i64, i64), StoreError> {
        let e = self.establishments().get(establishment_id).await?;
        let txn = self.store.begin_write().await?;
        let ids = admit_in(&txn, actor, &e, person, admission).await?;
        txn.commit().await?;
        Ok(ids)
    }
}
