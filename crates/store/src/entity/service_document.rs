use sea_orm::entity::prelude::*;

/// A document a service asks for (and the only ones it may ask for).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_documents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub service_code: String,
    pub code: String,
    pub label_ar: String,
    pub label_fr: String,
    pub mandatory: bool,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
