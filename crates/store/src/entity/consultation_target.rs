use sea_orm::entity::prelude::*;

/// One establishment reached by a consultation, with its answer.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consultation_targets")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub consultation_id: i64,
    pub establishment_id: i64,
    pub province_code: String,
    pub status: String,
    /// The answers as JSON (question → values).
    pub answers: String,
    pub saved_at: Option<String>,
    pub submitted_at: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
