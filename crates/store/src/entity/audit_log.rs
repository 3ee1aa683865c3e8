use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub actor_role: String,
    pub actor_scope: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub request_id: String,
    pub address: String,
    pub before: String,
    pub after: String,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
