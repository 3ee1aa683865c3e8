use sea_orm::entity::prelude::*;

/// A post in establishments (director, educator, …), as data.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff_posts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub position: i32,
    /// Whether the post needs an accreditation under law 45.18.
    pub accredited: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
