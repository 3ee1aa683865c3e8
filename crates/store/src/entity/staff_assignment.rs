use sea_orm::entity::prelude::*;

/// A staff member's assignment to an establishment; an ended one keeps its dates.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff_assignments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub staff_id: i64,
    pub establishment_id: i64,
    pub province_code: String,
    pub post_code: String,
    pub employer: String,
    pub employer_name: String,
    pub contract: String,
    pub contract_start: String,
    pub contract_end: Option<String>,
    /// Percent of full time.
    pub working_time: i32,
    /// Monthly gross, dirhams.
    pub salary: Option<i64>,
    pub ended_on: Option<String>,
    pub end_reason: Option<String>,
    pub created_by: String,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
