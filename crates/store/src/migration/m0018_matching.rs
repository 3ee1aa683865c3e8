//! Matching decisions: at a point of entry, a typed record linked to an existing
//! registry person or confirmed as not that person. The same pair (the typed record's
//! key and the person) is not asked again.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MatchingDecisions {
    Table,
    Id,
    EntryKey,
    PersonId,
    Decision,
    SubjectKind,
    SubjectId,
    DecidedBy,
    DecidedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(MatchingDecisions::Table)
                .col(big_pk_auto(MatchingDecisions::Id))
                .col(string_len(MatchingDecisions::EntryKey, 64))
                .col(big_integer(MatchingDecisions::PersonId))
                .col(string_len(MatchingDecisions::Decision, 16))
                .col(string_len(MatchingDecisions::SubjectKind, 32))
                .col(big_integer_null(MatchingDecisions::SubjectId))
                .col(string_len(MatchingDecisions::DecidedBy, 64))
                .col(string_len(MatchingDecisions::DecidedAt, 40))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("matching_decisions_pair")
                .table(MatchingDecisions::Table)
                .col(MatchingDecisions::EntryKey)
                .col(MatchingDecisions::PersonId)
                .unique()
                .to_owned(),
        )
        .await
    }
}
