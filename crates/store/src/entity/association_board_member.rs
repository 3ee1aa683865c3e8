use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "association_board_members")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub association_id: i64,
    pub name: String,
    pub position: String,
    pub since: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
