use sea_orm::entity::prelude::*;

/// One dated version of a programme's rules: its named criteria (one `id: expression`
/// per line) and its benefit expression.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rule_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub programme_code: String,
    pub version: i32,
    /// First day the version applies, `YYYY-MM-DD`.
    pub valid_from: String,
    /// Last day it applies, set when a later version is activated.
    pub valid_to: Option<String>,
    pub rule: String,
    pub benefit: Option<String>,
    /// `draft`, `active` or `retired`.
    pub status: String,
    pub created_by: String,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
