//! Matching decisions: at a point of entry, a typed record linked to an existing
//! registry person or confirmed as not that person. The same pair (the typed record's
//! key and the person) is not asked again; two registry persons marked "not the same"
//! are kept there too (`entry_key` `person:<id>`). The registry-wide job per province
//! with its progress, the duplicate pairs it proposes, and the merges with what they
//! replaced (so an undo restores both persons).

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

#[derive(DeriveIden)]
enum MatchingJobs {
    Table,
    Id,
    ProvinceCode,
    Status,
    Done,
    Total,
    Proposals,
    StartedBy,
    StartedAt,
    FinishedAt,
}

#[derive(DeriveIden)]
enum MatchingProposals {
    Table,
    Id,
    JobId,
    ProvinceCode,
    PersonA,
    PersonB,
    Weight,
    Status,
}

#[derive(DeriveIden)]
enum MatchingMerges {
    Table,
    Id,
    ProposalId,
    SurvivorId,
    AbsorbedId,
    Before,
    MovedStays,
    MergedBy,
    MergedAt,
    UndoneBy,
    UndoneAt,
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
        .await?;
        m.create_table(
            Table::create()
                .table(MatchingJobs::Table)
                .col(big_pk_auto(MatchingJobs::Id))
                .col(string_len(MatchingJobs::ProvinceCode, 16))
                .col(string_len(MatchingJobs::Status, 16))
                .col(big_integer(MatchingJobs::Done))
                .col(big_integer(MatchingJobs::Total))
                .col(big_integer(MatchingJobs::Proposals))
                .col(string_len(MatchingJobs::StartedBy, 64))
                .col(string_len(MatchingJobs::StartedAt, 40))
                .col(string_len_null(MatchingJobs::FinishedAt, 40))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(MatchingProposals::Table)
                .col(big_pk_auto(MatchingProposals::Id))
                .col(big_integer(MatchingProposals::JobId))
                .col(string_len(MatchingProposals::ProvinceCode, 16))
                .col(big_integer(MatchingProposals::PersonA))
                .col(big_integer(MatchingProposals::PersonB))
                .col(double(MatchingProposals::Weight))
                .col(string_len(MatchingProposals::Status, 16))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("matching_proposals_province")
                .table(MatchingProposals::Table)
                .col(MatchingProposals::ProvinceCode)
                .col(MatchingProposals::Status)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(MatchingMerges::Table)
                .col(big_pk_auto(MatchingMerges::Id))
                .col(big_integer(MatchingMerges::ProposalId))
                .col(big_integer(MatchingMerges::SurvivorId))
                .col(big_integer(MatchingMerges::AbsorbedId))
                .col(text(MatchingMerges::Before))
                .col(text(MatchingMerges::MovedStays))
                .col(string_len(MatchingMerges::MergedBy, 64))
                .col(string_len(MatchingMerges::MergedAt, 40))
                .col(string_len_null(MatchingMerges::UndoneBy, 64))
                .col(string_len_null(MatchingMerges::UndoneAt, 40))
                .to_owned(),
        )
        .await
    }
}
