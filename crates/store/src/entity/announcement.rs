use sea_orm::entity::prelude::*;

/// An announcement to partners, or public news.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "announcements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `partners` or `public`.
    pub audience: String,
    /// The territory it belongs to: empty (national), a region or a province code.
    pub scope_code: String,
    /// Target region or province codes, comma-separated; empty for the whole country.
    pub territories: String,
    /// Target establishment categories, comma-separated; empty for all.
    pub categories: String,
    pub title_ar: String,
    pub title_fr: String,
    pub body_ar: String,
    pub body_fr: String,
    /// `draft`, `published`, `withdrawn`.
    pub status: String,
    pub publish_on: Option<String>,
    pub expires_on: Option<String>,
    pub created_by: String,
    pub created_at: String,
    pub published_at: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
