use sea_orm::entity::prelude::*;

/// One staff member's one-time link to a survey: only the hash of its token, and whether it was used (no time).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff_survey_links")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub survey_id: i64,
    pub staff_id: i64,
    pub province_code: String,
    pub token_hash: String,
    pub used: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
