//! Whether a programme pays a monthly amount: its drafts must then have a benefit
//! expression, and must not otherwise. The seeded programmes pay one when a version of
//! theirs has a benefit.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Programmes {
    Table,
    Code,
    PaysBenefit,
}

#[derive(DeriveIden)]
enum RuleVersions {
    Table,
    ProgrammeCode,
    Benefit,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Programmes::Table)
                .add_column(boolean(Programmes::PaysBenefit).default(false))
                .to_owned(),
        )
        .await?;
        m.exec_stmt(
            Query::update()
                .table(Programmes::Table)
                .value(Programmes::PaysBenefit, true)
                .and_where(
                    Expr::col(Programmes::Code).in_subquery(
                        Query::select()
                            .column(RuleVersions::ProgrammeCode)
                            .from(RuleVersions::Table)
                            .and_where(Expr::col(RuleVersions::Benefit).is_not_null())
                            .to_owned(),
                    ),
                )
                .to_owned(),
        )
        .await
    }
}
