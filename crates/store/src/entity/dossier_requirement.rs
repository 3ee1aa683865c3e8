use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dossier_requirements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub category_code: String,
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub mandatory: bool,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
