use sea_orm::entity::prelude::*;

/// A meeting a delegation holds with its partners.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partner_meetings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub province_code: String,
    pub title: String,
    /// `provincial_committee`, `partners_meeting`, `press`.
    pub kind: String,
    pub held_on: String,
    pub starts_at: String,
    pub place: String,
    /// Agenda items, one a line.
    pub agenda: String,
    pub minutes: String,
    /// Decisions, one a line.
    pub decisions: String,
    pub is_public: bool,
    pub public_summary: String,
    pub created_by: String,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
