use sea_orm::entity::prelude::*;

/// An establishment that delivers a service.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub service_code: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub establishment_id: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
