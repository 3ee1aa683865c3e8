use sea_orm::entity::prelude::*;

/// A household of the social registry, located in a commune.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "households")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The registry's household number.
    #[sea_orm(unique)]
    pub household_key: String,
    pub commune_code: String,
    pub province_code: String,
    pub address: String,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
