use sea_orm::entity::prelude::*;

/// An establishment's annual report of one year.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "annual_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub establishment_id: i64,
    pub province_code: String,
    pub year: i32,
    /// `draft`, `filed`, `returned`, `accepted`.
    pub status: String,
    /// `domain::annual_reports::Figures` as JSON.
    pub figures: String,
    pub total_served: i64,
    /// Whole dirhams; `None` when nobody was served.
    pub food_per_beneficiary: Option<i64>,
    /// The delegation's remarks when it last returned the report.
    pub remarks: String,
    pub filed_at: Option<String>,
    pub filed_by: Option<String>,
    pub reviewed_at: Option<String>,
    pub reviewed_by: Option<String>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
