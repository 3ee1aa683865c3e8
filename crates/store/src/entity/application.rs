use sea_orm::entity::prelude::*;

/// An application for a service, filed online without an account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "applications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub tracking_code: String,
    pub submission_key: String,
    pub service_code: String,
    pub status: String,
    pub commune_code: String,
    pub province_code: String,
    pub applicant_name_ar: String,
    pub applicant_name_fr: String,
    pub applicant_phone: String,
    pub applicant_email: String,
    pub applicant_relation: String,
    pub beneficiary_name_ar: String,
    pub beneficiary_name_fr: String,
    pub beneficiary_birth_date: String,
    pub beneficiary_sex: String,
    pub beneficiary_national_id: String,
    pub household_size: Option<i32>,
    pub household_facts: String,
    pub locale: String,
    pub notice_version: String,
    pub consent_at: String,
    pub submitted_at: String,
    pub due_on: String,
    pub assigned_to: Option<i64>,
    pub documents_requested: Option<String>,
    pub ratings: Option<String>,
    pub score: Option<i32>,
    pub decision_reason: String,
    pub establishment_id: Option<i64>,
    pub beneficiary_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
