use sea_orm::entity::prelude::*;

/// An inspection visit of an establishment, with the grid version it uses; its scores
/// are JSON (criterion code → level and observation).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quality_visits")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub establishment_id: i64,
    pub province_code: String,
    pub grid_id: i64,
    pub planned_on: String,
    pub announced: bool,
    pub status: String,
    pub conducted_on: Option<String>,
    pub inspector: String,
    pub scores: String,
    pub findings: String,
    pub score: Option<i32>,
    pub rating: Option<String>,
    pub critical_failure: bool,
    pub created_by: String,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
