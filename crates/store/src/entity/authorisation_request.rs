use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "authorisation_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub establishment_id: i64,
    pub receipt_number: String,
    pub filed_at: String,
    pub filed_by: String,
    /// The day the dossier became complete (filed, or the requested documents arrived).
    pub complete_on: String,
    pub due_on: String,
    pub decision_days: i32,
    /// Checklist codes asked for, comma-separated.
    pub documents_requested: Option<String>,
    pub documents_note: String,
    pub documents_requested_at: Option<String>,
    pub documents_received_at: Option<String>,
    pub decided_at: Option<String>,
    pub decision: Option<String>,
    pub decision_reasons: String,
    pub appeal_filed_at: Option<String>,
    pub appeal_reasons: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
