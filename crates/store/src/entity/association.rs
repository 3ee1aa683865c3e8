use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "associations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name_ar: String,
    pub name_fr: String,
    pub registration_number: String,
    pub registration_date: String,
    pub commune_code: String,
    pub province_code: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
