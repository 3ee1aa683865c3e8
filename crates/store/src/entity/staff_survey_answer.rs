use sea_orm::entity::prelude::*;

/// An anonymous answer: the survey, the province and the day only.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff_survey_answers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub survey_id: i64,
    pub province_code: String,
    /// The day only, `YYYY-MM-DD`.
    pub answered_on: String,
    /// The answers as JSON (question → values).
    pub answers: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
