use sea_orm::entity::prelude::*;

/// A corrective action opened from a visit's finding.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quality_actions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub visit_id: i64,
    pub establishment_id: i64,
    pub province_code: String,
    pub criterion_code: String,
    pub what: String,
    pub party: String,
    pub due_on: String,
    pub priority: String,
    pub status: String,
    pub answer: String,
    pub answered_at: Option<String>,
    pub closed_at: Option<String>,
    pub created_by: String,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
