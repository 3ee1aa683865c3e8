use sea_orm::entity::prelude::*;

/// A person of the social registry, known by at least one of the three keys.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "persons")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// National identity card number.
    pub cin: Option<String>,
    pub population_register_id: Option<String>,
    /// The key of the importing system, for persons without an identity number.
    pub person_key: Option<String>,
    pub first_name_ar: String,
    pub last_name_ar: String,
    pub first_name_lat: String,
    pub last_name_lat: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    pub sex: String,
    pub disabled: Option<bool>,
    pub disability_card_number: Option<String>,
    pub disability_card_date: Option<String>,
    pub schooling: Option<String>,
    pub orphan: Option<bool>,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
