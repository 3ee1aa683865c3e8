use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "care_declarations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub establishment_id: i64,
    pub receipt_number: String,
    pub activity: String,
    pub commune_code: String,
    pub province_code: String,
    pub address: String,
    pub starts_on: String,
    pub ends_on: String,
    pub beneficiaries: i32,
    pub filed_at: String,
    pub filed_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
