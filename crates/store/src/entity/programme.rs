use sea_orm::entity::prelude::*;

/// A benefit programme whose eligibility rules are data ([`super::rule_version`]).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "programmes")]
pub struct Model {
    /// Stable code, e.g. `asd`, `amo-tadamon`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
    pub description_ar: String,
    pub description_fr: String,
    /// Whether the programme pays a monthly amount (its versions then have a benefit).
    pub pays_benefit: bool,
    pub created_at: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
