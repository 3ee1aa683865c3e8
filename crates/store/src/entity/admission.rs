use sea_orm::entity::prelude::*;

/// A line of an establishment's admissions and exits register.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "admissions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub establishment_id: i64,
    pub beneficiary_id: i64,
    pub province_code: String,
    pub admitted_on: String,
    pub basis: String,
    pub basis_reference: String,
    pub exit_on: Option<String>,
    pub exit_reason: Option<String>,
    pub exit_destination: String,
    pub created_by: String,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::beneficiary::Entity",
        from = "Column::BeneficiaryId",
        to = "super::beneficiary::Column::Id"
    )]
    Beneficiary,
}

impl Related<super::beneficiary::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Beneficiary.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
