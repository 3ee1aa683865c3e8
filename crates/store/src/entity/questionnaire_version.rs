use sea_orm::entity::prelude::*;

/// A questionnaire version: the engine's definition as JSON.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "questionnaire_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub form_id: String,
    pub number: i32,
    pub version_label: String,
    pub title_ar: String,
    pub title_fr: String,
    pub definition: String,
    pub source: String,
    pub imported_by: String,
    pub imported_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
