//! Partners: questionnaire versions (the engine's definition as JSON, imported from
//! XLSForm or built in), consultation campaigns sending one version to establishments of
//! given categories and territories, and one target row per establishment reached,
//! holding its answer (draft or submitted) with the province it lies in.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum QuestionnaireVersions {
    Table,
    Id,
    FormId,
    Number,
    VersionLabel,
    TitleAr,
    TitleFr,
    Definition,
    Source,
    ImportedBy,
    ImportedAt,
}

#[derive(DeriveIden)]
enum Consultations {
    Table,
    Id,
    VersionId,
    TitleAr,
    TitleFr,
    Categories,
    Territories,
    OpensOn,
    ClosesOn,
    Illustrative,
    LaunchedBy,
    LaunchedAt,
}

#[derive(DeriveIden)]
enum ConsultationTargets {
    Table,
    Id,
    ConsultationId,
    EstablishmentId,
    ProvinceCode,
    Status,
    Answers,
    SavedAt,
    SubmittedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(QuestionnaireVersions::Table)
                .col(big_pk_auto(QuestionnaireVersions::Id))
                .col(string_len(QuestionnaireVersions::FormId, 80))
                .col(integer(QuestionnaireVersions::Number))
                .col(string_len(QuestionnaireVersions::VersionLabel, 80))
                .col(string(QuestionnaireVersions::TitleAr))
                .col(string(QuestionnaireVersions::TitleFr))
                .col(text(QuestionnaireVersions::Definition))
                .col(string_len(QuestionnaireVersions::Source, 16))
                .col(string_len(QuestionnaireVersions::ImportedBy, 80))
                .col(string_len(QuestionnaireVersions::ImportedAt, 40))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_questionnaire_versions_form_number")
                .table(QuestionnaireVersions::Table)
                .col(QuestionnaireVersions::FormId)
                .col(QuestionnaireVersions::Number)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Consultations::Table)
                .col(big_pk_auto(Consultations::Id))
                .col(big_integer(Consultations::VersionId))
                .col(string(Consultations::TitleAr))
                .col(string(Consultations::TitleFr))
                .col(text(Consultations::Categories))
                .col(text(Consultations::Territories))
                .col(string_len(Consultations::OpensOn, 10))
                .col(string_len(Consultations::ClosesOn, 10))
                .col(boolean(Consultations::Illustrative))
                .col(string_len(Consultations::LaunchedBy, 80))
                .col(string_len(Consultations::LaunchedAt, 40))
                .foreign_key(
                    ForeignKey::create()
                        .from(Consultations::Table, Consultations::VersionId)
                        .to(QuestionnaireVersions::Table, QuestionnaireVersions::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ConsultationTargets::Table)
                .col(big_pk_auto(ConsultationTargets::Id))
                .col(big_integer(ConsultationTargets::ConsultationId))
                .col(big_integer(ConsultationTargets::EstablishmentId))
                .col(string_len(ConsultationTargets::ProvinceCode, 8))
                .col(string_len(ConsultationTargets::Status, 16))
                .col(text(ConsultationTargets::Answers))
                .col(string_len_null(ConsultationTargets::SavedAt, 40))
                .col(string_len_null(ConsultationTargets::SubmittedAt, 40))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            ConsultationTargets::Table,
                            ConsultationTargets::ConsultationId,
                        )
                        .to(Consultations::Table, Consultations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_consultation_targets_once")
                .table(ConsultationTargets::Table)
                .col(ConsultationTargets::ConsultationId)
                .col(ConsultationTargets::EstablishmentId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_consultation_targets_province")
                .table(ConsultationTargets::Table)
                .col(ConsultationTargets::ProvinceCode)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
