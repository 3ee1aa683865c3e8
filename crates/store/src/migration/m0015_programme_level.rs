//! The level a programme's rules look at: the household (`household`: a rule over the
//! household's fields and member counts, one decision per household) or the person
//! (`person`: a rule over each member's fields and their household's, one decision per
//! person). The seeded programmes are household programmes.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Programmes {
    Table,
    Level,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Programmes::Table)
                .add_column(string_len(Programmes::Level, 16).default("household"))
                .to_owned(),
        )
        .await
    }
}
