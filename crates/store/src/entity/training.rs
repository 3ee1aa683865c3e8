use sea_orm::entity::prelude::*;

/// A training session organised for an establishment's staff.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "trainings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub establishment_id: i64,
    pub province_code: String,
    pub subject: String,
    pub starts_on: String,
    pub ends_on: String,
    pub trainer: String,
    pub place: String,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
