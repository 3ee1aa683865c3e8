use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "establishment_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub establishment_id: i64,
    pub at: String,
    pub from_status: Option<String>,
    pub to_status: String,
    pub reason: String,
    pub actor: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
