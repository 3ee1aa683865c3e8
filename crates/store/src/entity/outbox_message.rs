use sea_orm::entity::prelude::*;

/// A notification written by the default sender, for staff to read (`crate::outbox`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: String,
    pub channel: String,
    pub recipient: String,
    pub locale: String,
    pub message: String,
    pub body: String,
    /// The record it is about (`crate::owner`), if any.
    pub owner_kind: Option<String>,
    pub owner_id: Option<i64>,
    pub province_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
