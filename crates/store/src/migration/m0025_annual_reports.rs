//! The establishments' annual reports: one a year for each establishment
//! (`annual_reports`), its figures as JSON (`domain::annual_reports::Figures`), where it
//! stands (draft, filed, returned, accepted), the delegation's remarks, and two figures
//! kept apart for the quality context and the dashboards: everyone served and the food
//! spending per beneficiary.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AnnualReports {
    Table,
    Id,
    EstablishmentId,
    ProvinceCode,
    Year,
    Status,
    Figures,
    TotalServed,
    FoodPerBeneficiary,
    Remarks,
    FiledAt,
    FiledBy,
    ReviewedAt,
    ReviewedBy,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Establishments {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AnnualReports::Table)
                .col(big_pk_auto(AnnualReports::Id))
                .col(big_integer(AnnualReports::EstablishmentId))
                .col(string_len(AnnualReports::ProvinceCode, 8))
                .col(integer(AnnualReports::Year))
                .col(string_len(AnnualReports::Status, 16))
                .col(text(AnnualReports::Figures))
                .col(big_integer(AnnualReports::TotalServed))
                .col(big_integer_null(AnnualReports::FoodPerBeneficiary))
                .col(text(AnnualReports::Remarks))
                .col(string_len_null(AnnualReports::FiledAt, 40))
                .col(string_len_null(AnnualReports::FiledBy, 80))
                .col(string_len_null(AnnualReports::ReviewedAt, 40))
                .col(string_len_null(AnnualReports::ReviewedBy, 80))
                .col(string_len(AnnualReports::CreatedBy, 80))
                .col(string_len(AnnualReports::CreatedAt, 40))
                .col(string_len(AnnualReports::UpdatedAt, 40))
                .foreign_key(
                    ForeignKey::create()
                        .from(AnnualReports::Table, AnnualReports::EstablishmentId)
                        .to(Establishments::Table, Establishments::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_annual_reports_year")
                .table(AnnualReports::Table)
                .col(AnnualReports::EstablishmentId)
                .col(AnnualReports::Year)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_annual_reports_province")
                .table(AnnualReports::Table)
                .col(AnnualReports::ProvinceCode)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
