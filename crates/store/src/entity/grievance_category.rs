use sea_orm::entity::prelude::*;

/// A category of complaint, with its deadlines and rules (data, seeded by migration).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grievance_categories")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub ack_days: i32,
    pub answer_days: i32,
    pub urgent: bool,
    pub confidential: bool,
    pub needs_identity: bool,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
