use sea_orm::entity::prelude::*;

/// A merge of two registry persons, with what it replaced so that an undo restores both.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "matching_merges")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub proposal_id: i64,
    pub survivor_id: i64,
    pub absorbed_id: i64,
    /// Both persons as they were, JSON.
    pub before: String,
    /// Ids of the absorbed person's stays moved to the survivor, JSON.
    pub moved_stays: String,
    pub merged_by: String,
    pub merged_at: String,
    pub undone_by: Option<String>,
    pub undone_at: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
