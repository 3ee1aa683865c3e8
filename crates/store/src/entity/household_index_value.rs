use sea_orm::entity::prelude::*;

/// One dated registry index value of a household, as received.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "household_index_values")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub household_id: i64,
    pub value: f64,
    /// Day the value was established, `YYYY-MM-DD`.
    pub date: String,
    /// Last day the value may be used, when it expires.
    pub valid_to: Option<String>,
    /// `declared`, `registry` or `staff`.
    pub source: String,
    pub recorded_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::household::Entity",
        from = "Column::HouseholdId",
        to = "super::household::Column::Id"
    )]
    Household,
}

impl Related<super::household::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Household.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
