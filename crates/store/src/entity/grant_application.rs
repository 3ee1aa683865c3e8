use sea_orm::entity::prelude::*;

/// An association's application to a call, with its convention.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grant_applications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub call_id: i64,
    pub association_id: i64,
    pub establishment_id: i64,
    pub province_code: String,
    pub category: String,
    pub project_title: String,
    pub objectives: String,
    pub place: String,
    pub duration_months: i32,
    pub women: i32,
    pub men: i32,
    pub children: i32,
    pub budget: i64,
    pub requested: i64,
    pub documents: String,
    pub status: String,
    pub failed: String,
    pub receipt: Option<String>,
    pub reminded: bool,
    pub appeals: i32,
    pub awarded: Option<i64>,
    pub reasons: String,
    pub decided_at: Option<String>,
    pub filed_on: Option<String>,
    pub convention_signed_on: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub elderly: i32,
    /// The budget by heading: JSON object of heading to whole dirhams.
    pub budget_lines: String,
    pub cofinancing: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
