//! The needs-scoring model of each admission service: the targeting engine's weighted
//! terms, transforms and region coefficients (JSON of `jisr_targeting::score::ScoreModel`),
//! added to the assessment's score to rank the service's waiting lists.

use jisr_targeting::score::{ScoreModel, Term, TermInput, Transform};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Services {
    Table,
    Code,
    Admission,
    NeedsModel,
}

/// The first model of a service: the engine's needs model without the dwelling terms (the
/// registry kept in the database does not record the dwelling, so they would score every
/// household alike), with a term for the number of people in the household (the one
/// thing every application declares).
fn service_model(code: &str) -> ScoreModel {
    let mut model = jisr_targeting::seeds::needs_model();
    model.code = format!("needs-{code}");
    model
        .terms
        .retain(|t| !matches!(t.id.as_str(), "crowding" | "dwelling" | "amenities"));
    model.terms.push(Term {
        id: "household-size".into(),
        input: TermInput::Expr {
            expr: "size".into(),
        },
        transforms: vec![Transform::Log1p],
        weight: 3.0,
        missing: 0.0,
    });
    model
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Services::Table)
                .add_column(text_null(Services::NeedsModel))
                .to_owned(),
        )
        .await?;
        let rows = m
            .get_connection()
            .query_all(
                &Query::select()
                    .column(Services::Code)
                    .from(Services::Table)
                    .and_where(Expr::col(Services::Admission).eq(true))
                    .to_owned(),
            )
            .await?;
        for row in rows {
            let code: String = row.try_get("", "code")?;
            let json = serde_json::to_string(&service_model(&code)).expect("model serialises");
            m.exec_stmt(
                Query::update()
                    .table(Services::Table)
                    .value(Services::NeedsModel, json)
                    .and_where(Expr::col(Services::Code).eq(code))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Services::Table)
                .drop_column(Services::NeedsModel)
                .to_owned(),
        )
        .await
    }
}
