use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    TotpSecret,
    TotpEnabled,
    TotpLastStep,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    PendingSecondFactor,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        for col in [
            string_null(Users::TotpSecret),
            boolean(Users::TotpEnabled).default(false).to_owned(),
            big_integer_null(Users::TotpLastStep),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(col)
                    .to_owned(),
            )
            .await?;
        }
        m.alter_table(
            Table::alter()
                .table(Sessions::Table)
                .add_column(boolean(Sessions::PendingSecondFactor).default(false))
                .to_owned(),
        )
        .await
    }
}
