use sea_orm::entity::prelude::*;

/// An anonymous staff working-conditions survey.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff_surveys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub version_id: i64,
    pub title_ar: String,
    pub title_fr: String,
    /// Region or province codes, comma-separated.
    pub territories: String,
    pub opens_on: String,
    pub closes_on: String,
    pub illustrative: bool,
    pub launched_by: String,
    pub launched_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
