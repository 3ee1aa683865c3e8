use sea_orm::entity::prelude::*;

/// A person cared for by an establishment; the notes are sensitive.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "beneficiaries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub establishment_id: i64,
    pub province_code: String,
    pub application_id: Option<i64>,
    pub name_ar: String,
    pub name_fr: String,
    pub birth_date: String,
    pub sex: String,
    pub national_id: String,
    pub representative_kind: String,
    pub representative_name: String,
    pub representative_reference: String,
    pub health_notes: String,
    pub disability_notes: String,
    pub schooling_notes: String,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
