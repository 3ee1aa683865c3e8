use sea_orm::entity::prelude::*;

/// A person working in one or more establishments.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff_members")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name_ar: String,
    pub name_fr: String,
    pub national_id: String,
    pub sex: String,
    pub birth_date: String,
    pub diploma: String,
    pub diploma_field: String,
    pub diploma_year: Option<i32>,
    pub accreditation_number: Option<String>,
    pub accreditation_date: Option<String>,
    pub accreditation_expiry: Option<String>,
    pub accreditation_status: Option<String>,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
