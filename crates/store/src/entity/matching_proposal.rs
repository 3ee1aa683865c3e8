use sea_orm::entity::prelude::*;

/// Two registry persons proposed as one: `open`, `merged` or `not_same`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "matching_proposals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub job_id: i64,
    pub province_code: String,
    /// The lower id of the two.
    pub person_a: i64,
    pub person_b: i64,
    /// Match weight in bits.
    pub weight: f64,
    pub status: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
