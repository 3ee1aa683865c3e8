//! The project of a grant application in more detail: the older persons among its
//! beneficiaries (beside women, men and children), its budget by heading (JSON: heading
//! to whole dirhams) and where its co-financing comes from.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum GrantApplications {
    Table,
    Elderly,
    BudgetLines,
    Cofinancing,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column a statement: SQLite alters a table one change at a time.
        m.alter_table(
            Table::alter()
                .table(GrantApplications::Table)
                .add_column(integer(GrantApplications::Elderly).default(0))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(GrantApplications::Table)
                .add_column(text(GrantApplications::BudgetLines).default(""))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(GrantApplications::Table)
                .add_column(text(GrantApplications::Cofinancing).default(""))
                .to_owned(),
        )
        .await
    }
}
