use sea_orm::entity::prelude::*;

/// A version of an inspection grid of one establishment category; its criteria are
/// JSON read by `jisr_domain::quality::Criteria`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quality_grids")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub category_code: String,
    pub version: i32,
    pub status: String,
    pub illustrative: bool,
    pub title_ar: String,
    pub title_fr: String,
    pub criteria: String,
    pub published_on: Option<String>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
