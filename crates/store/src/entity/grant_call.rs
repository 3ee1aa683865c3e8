use sea_orm::entity::prelude::*;

/// A call for projects.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grant_calls")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub fund: String,
    pub title_ar: String,
    pub title_fr: String,
    pub description_ar: String,
    pub description_fr: String,
    pub provinces: String,
    pub categories: String,
    pub envelope: i64,
    pub max_per_project: i64,
    pub cofinancing_pct: i32,
    pub opens_on: String,
    pub closes_on: String,
    pub decision_on: String,
    pub documents: String,
    pub criteria: String,
    pub status: String,
    pub created_by: String,
    pub created_at: String,
    pub published_at: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
