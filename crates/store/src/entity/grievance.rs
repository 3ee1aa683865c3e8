use sea_orm::entity::prelude::*;

/// A complaint: filed online or recorded by staff, routed to the delegation of its
/// province, with its deadlines, its answer and what it contests.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grievances")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub tracking_code: String,
    pub submission_key: String,
    pub category_code: String,
    pub channel: String,
    pub status: String,
    pub province_code: String,
    pub commune_code: Option<String>,
    pub establishment_id: Option<i64>,
    pub anonymous: bool,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub answer_by: String,
    pub facts: String,
    pub locale: String,
    pub notice_version: String,
    /// `application` or `authorisation` when it contests a decision.
    pub contests_kind: Option<String>,
    pub contests_id: Option<i64>,
    pub urgent: bool,
    pub confidential: bool,
    pub filed_at: String,
    pub ack_due: String,
    pub answer_due: String,
    pub assigned_to: Option<i64>,
    pub answer: String,
    pub answered_at: Option<String>,
    pub appeal_reasons: String,
    pub closed_at: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
