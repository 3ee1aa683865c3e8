use sea_orm::entity::prelude::*;

/// A person or organisation invited to a meeting, their answer and attendance.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partner_meeting_invitees")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub meeting_id: i64,
    pub name: String,
    pub organisation: String,
    pub contact: String,
    /// `pending`, `accepted`, `declined`.
    pub answer: String,
    /// Recorded after the meeting.
    pub attended: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
