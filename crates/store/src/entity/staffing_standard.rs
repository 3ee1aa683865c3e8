use sea_orm::entity::prelude::*;

/// A category's staffing standard for one post: `staff` per `per_residents` residents
/// present, at least `minimum`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staffing_standards")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub category_code: String,
    pub post_code: String,
    pub staff: i32,
    pub per_residents: i32,
    pub minimum: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
