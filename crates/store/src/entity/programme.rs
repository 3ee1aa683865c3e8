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
    /// `household` or `person`: what one decision is about.
    pub level: String,
}

impl Model {
    /// The level the programme's rules look at.
    pub fn level(&self) -> jisr_targeting::rules::Level {
        if self.level == "person" {
            jisr_targeting::rules::Level::Person
        } else {
            jisr_targeting::rules::Level::Household
        }
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
