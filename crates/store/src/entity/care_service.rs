use sea_orm::entity::prelude::*;

/// A service delivered to a beneficiary (the log).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "care_services")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub beneficiary_id: i64,
    pub on_date: String,
    pub description: String,
    pub actor: String,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
