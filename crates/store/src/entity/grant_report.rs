use sea_orm::entity::prelude::*;

/// An association's report on a convention.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grant_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub application_id: i64,
    pub kind: String,
    pub narrative: String,
    pub financial: String,
    pub status: String,
    pub remarks: String,
    pub submitted_at: String,
    pub reviewed_at: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
