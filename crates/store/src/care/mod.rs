//! Care in establishments: the admissions and exits register, occupancy against the
//! authorised capacity, and the beneficiaries' files. Reached through [`Scoped`], built
//! from the grants of the person asking: the establishment must be within them, or it is
//! "not found". Keeping the register needs a keeper's grant over the establishment
//! (`Capability::KeepRegisters`); the health, disability and schooling notes are read and
//! written with `Capability::ReadSensitiveNotes` only, and every reading of a file is in
//! the audit trail.
//!
//! - [`register`]: the register, admitting, exits, establishments over capacity;
//! - [`file`]: a beneficiary's file, the care plan, the services log, the sensitive notes.

pub mod file;
pub mod register;

pub use file::{BeneficiaryFile, SensitiveNotes};
pub use register::{AdmissionInput, ExitInput, OverCapacity, Register, RegisterLine};

use crate::StoreError;
use crate::audit::{self, Actor, Change};
use crate::entity::{admission, beneficiary, establishment};
use jisr_domain::access::Capability;
use jisr_domain::care::{Basis, Candidate, Occupancy, Representative};
use jisr_domain::establishments::Capacity;
use jisr_domain::geo::ProvinceCode;
use jisr_domain::registry::Sex;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, JoinType, QueryFilter,
    QuerySelect, RelationTrait,
};
use std::collections::HashMap;

/// What can go wrong when keeping the register or a file.
#[derive(Debug, thiserror::Error)]
pub enum CareError {
    /// Fields refused, each with the translation key of its message.
    #[error("invalid fields: {0:?}")]
    Fields(Vec<(&'static str, &'static str)>),
    /// The person's grants over this establishment do not allow it.
    #[error("your role may not do this here")]
    Role,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for CareError {
    fn from(e: sea_orm::DbErr) -> Self {
        CareError::Store(e.into())
    }
}

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
    let counts: Vec<(i64, String, i64)> = admission::Entity::find()
        .select_only()
        .column(admission::Column::EstablishmentId)
        .column(beneficiary::Column::Sex)
        .column_as(admission::Column::Id.count(), "n")
        .join(JoinType::InnerJoin, admission::Relation::Beneficiary.def())
        .filter(admission::Column::EstablishmentId.is_in(establishments.to_vec()))
        .filter(admission::Column::ExitOn.is_null())
        .group_by(admission::Column::EstablishmentId)
        .group_by(beneficiary::Column::Sex)
        .into_tuple()
        .all(db)
        .await?;
    for (establishment, sex, n) in counts {
        if let (Some(o), Ok(sex)) = (out.get_mut(&establishment), Sex::parse(&sex)) {
            let n = i32::try_from(n).unwrap_or(i32::MAX);
            match sex {
                Sex::Male => o.male += n,
                Sex::Female => o.female += n,
            }
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
            action: jisr_domain::audit::Action::Create,
            entity: jisr_domain::audit::Entity::Beneficiary,
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
            action: jisr_domain::audit::Action::Admit,
            entity: jisr_domain::audit::Entity::Admission,
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
    // The registry person the application's beneficiary was linked to is this file's.
    if let Some(application) = person.application_id {
        crate::matching::carry::carry(
            txn,
            actor,
            (crate::applications::OWNER_KIND, application),
            ("beneficiary", b),
        )
        .await?;
    }
    Ok((b, a))
}

crate::scoped_handle!(
    /// The register and files of the establishments a person may see.
    Scoped
);

impl Scoped<'_> {
    fn establishments(&self) -> crate::establishments::Scoped<'_> {
        self.access.clone().into()
    }

    /// Whether `capability` is granted over a scope covering the establishment (a
    /// social worker of another province who inspects here reads no sensitive notes).
    fn holds(&self, capability: Capability, e: &establishment::Model) -> bool {
        ProvinceCode::parse(&e.province_code)
            .is_ok_and(|province| self.can_at_establishment(capability, &province, e.id))
    }

    /// Whether the person keeps this establishment's register and files.
    fn keeps(&self, e: &establishment::Model) -> bool {
        self.holds(Capability::KeepRegisters, e)
    }

    /// Whether the person reads and writes the sensitive notes of its beneficiaries.
    fn reads_sensitive(&self, e: &establishment::Model) -> bool {
        self.holds(Capability::ReadSensitiveNotes, e)
    }

    /// Persons present in an establishment within scope, by sex, and its capacity.
    pub async fn occupancy(
        &self,
        establishment_id: i64,
    ) -> Result<(Occupancy, Capacity), StoreError> {
        let e = self.establishments().get(establishment_id).await?;
        let occ = occupancy_of(self.store().conn(), &[e.id]).await?;
        Ok((occ.get(&e.id).copied().unwrap_or_default(), capacity_of(&e)))
    }
}

/// The authorised capacity of an establishment, by sex.
pub(crate) fn capacity_of(e: &establishment::Model) -> Capacity {
    Capacity {
        male: e.capacity_male,
        female: e.capacity_female,
    }
}

/// One audited change inside `txn`.
pub(crate) async fn record(
    txn: &DatabaseTransaction,
    actor: &Actor,
    action: audit::Action,
    entity: audit::Entity,
    id: i64,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
) -> Result<(), StoreError> {
    audit::record(
        txn,
        actor,
        Change {
            action,
            entity,
            entity_id: id.to_string(),
            before,
            after: Some(after),
        },
    )
    .await
    .map(|_| ())
}
