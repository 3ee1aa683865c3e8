use sea_orm::entity::prelude::*;

/// A point-of-entry decision about a typed record and a registry person: `linked` (the
/// record is that person) or `not_same`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "matching_decisions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Fingerprint of the typed record (normalised names, birth date, national ID).
    pub entry_key: String,
    pub person_id: i64,
    pub decision: String,
    /// What the typed record became (`beneficiary`…) and its id.
    pub subject_kind: String,
    pub subject_id: Option<i64>,
    pub decided_by: String,
    pub decided_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
