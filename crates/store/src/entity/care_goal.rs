use sea_orm::entity::prelude::*;

/// A goal of a beneficiary's care plan, with its review date.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "care_goals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub beneficiary_id: i64,
    pub goal: String,
    pub review_on: String,
    pub status: String,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
