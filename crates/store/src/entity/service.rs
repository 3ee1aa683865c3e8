use sea_orm::entity::prelude::*;

/// A service of the catalogue; `assessment` is the JSON needs-assessment model.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "services")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub need: String,
    pub name_ar: String,
    pub name_fr: String,
    pub description_ar: String,
    pub description_fr: String,
    pub eligibility_ar: String,
    pub eligibility_fr: String,
    pub deadline_days: i32,
    pub admission: bool,
    pub category_code: Option<String>,
    pub assessment: String,
    pub active: bool,
    pub position: i32,
    /// JSON of the needs-scoring model that ranks the waiting list with the assessment.
    pub needs_model: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
