use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "establishments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name_ar: String,
    pub name_fr: String,
    pub category_code: String,
    pub association_id: Option<i64>,
    pub commune_code: String,
    pub province_code: String,
    pub address: String,
    pub phone: String,
    pub capacity_male: i32,
    pub capacity_female: i32,
    pub status: String,
    pub created_at: String,
    pub director: String,
    pub services: String,
    pub opening_hours: String,
    pub latitude_micro: Option<i32>,
    pub longitude_micro: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
