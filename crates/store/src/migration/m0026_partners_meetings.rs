//! Partners, continued: anonymous staff working-conditions surveys and partner meetings.
//!
//! A staff survey sends a questionnaire version to the staff of the establishments of
//! given territories. Each staff member gets one link (`staff_survey_links`: the hash of
//! its token, used or not — no time). An answer (`staff_survey_answers`) holds only the
//! survey, the province of the establishment and the day: no column names the person or
//! the link, so nothing joins them.
//!
//! A partner meeting (`partner_meetings`) is held by a delegation in its province, with
//! its invited people (`partner_meeting_invitees`: answer, attendance) and follow-up
//! actions (`partner_meeting_actions`: owner, deadline, closure).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum QuestionnaireVersions {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum StaffSurveys {
    Table,
    Id,
    VersionId,
    TitleAr,
    TitleFr,
    Territories,
    OpensOn,
    ClosesOn,
    Illustrative,
    LaunchedBy,
    LaunchedAt,
}

#[derive(DeriveIden)]
enum StaffSurveyLinks {
    Table,
    Id,
    SurveyId,
    StaffId,
    ProvinceCode,
    TokenHash,
    Used,
}

#[derive(DeriveIden)]
enum StaffSurveyAnswers {
    Table,
    Id,
    SurveyId,
    ProvinceCode,
    AnsweredOn,
    Answers,
}

#[derive(DeriveIden)]
enum PartnerMeetings {
    Table,
    Id,
    ProvinceCode,
    Title,
    Kind,
    HeldOn,
    StartsAt,
    Place,
    Agenda,
    Minutes,
    Decisions,
    IsPublic,
    PublicSummary,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PartnerMeetingInvitees {
    Table,
    Id,
    MeetingId,
    Name,
    Organisation,
    Contact,
    Answer,
    Attended,
}

#[derive(DeriveIden)]
enum PartnerMeetingActions {
    Table,
    Id,
    MeetingId,
    Description,
    Owner,
    DueOn,
    ClosedOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(StaffSurveys::Table)
                .col(big_pk_auto(StaffSurveys::Id))
                .col(big_integer(StaffSurveys::VersionId))
                .col(string(StaffSurveys::TitleAr))
                .col(string(StaffSurveys::TitleFr))
                .col(text(StaffSurveys::Territories))
                .col(string_len(StaffSurveys::OpensOn, 10))
                .col(string_len(StaffSurveys::ClosesOn, 10))
                .col(boolean(StaffSurveys::Illustrative))
                .col(string_len(StaffSurveys::LaunchedBy, 80))
                .col(string_len(StaffSurveys::LaunchedAt, 40))
                .foreign_key(
                    ForeignKey::create()
                        .from(StaffSurveys::Table, StaffSurveys::VersionId)
                        .to(QuestionnaireVersions::Table, QuestionnaireVersions::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(StaffSurveyLinks::Table)
                .col(big_pk_auto(StaffSurveyLinks::Id))
                .col(big_integer(StaffSurveyLinks::SurveyId))
                .col(big_integer(StaffSurveyLinks::StaffId))
                .col(string_len(StaffSurveyLinks::ProvinceCode, 8))
                .col(string_len(StaffSurveyLinks::TokenHash, 64))
                .col(boolean(StaffSurveyLinks::Used))
                .foreign_key(
                    ForeignKey::create()
                        .from(StaffSurveyLinks::Table, StaffSurveyLinks::SurveyId)
                        .to(StaffSurveys::Table, StaffSurveys::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_staff_survey_links_token")
                .table(StaffSurveyLinks::Table)
                .col(StaffSurveyLinks::TokenHash)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_staff_survey_links_once")
                .table(StaffSurveyLinks::Table)
                .col(StaffSurveyLinks::SurveyId)
                .col(StaffSurveyLinks::StaffId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(StaffSurveyAnswers::Table)
                .col(big_pk_auto(StaffSurveyAnswers::Id))
                .col(big_integer(StaffSurveyAnswers::SurveyId))
                .col(string_len(StaffSurveyAnswers::ProvinceCode, 8))
                .col(string_len(StaffSurveyAnswers::AnsweredOn, 10))
                .col(text(StaffSurveyAnswers::Answers))
                .foreign_key(
                    ForeignKey::create()
                        .from(StaffSurveyAnswers::Table, StaffSurveyAnswers::SurveyId)
                        .to(StaffSurveys::Table, StaffSurveys::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PartnerMeetings::Table)
                .col(big_pk_auto(PartnerMeetings::Id))
                .col(string_len(PartnerMeetings::ProvinceCode, 8))
                .col(string(PartnerMeetings::Title))
                .col(string_len(PartnerMeetings::Kind, 24))
                .col(string_len(PartnerMeetings::HeldOn, 10))
                .col(string_len(PartnerMeetings::StartsAt, 5))
                .col(string(PartnerMeetings::Place))
                .col(text(PartnerMeetings::Agenda))
                .col(text(PartnerMeetings::Minutes))
                .col(text(PartnerMeetings::Decisions))
                .col(boolean(PartnerMeetings::IsPublic))
                .col(text(PartnerMeetings::PublicSummary))
                .col(string_len(PartnerMeetings::CreatedBy, 80))
                .col(string_len(PartnerMeetings::CreatedAt, 40))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_partner_meetings_province")
                .table(PartnerMeetings::Table)
                .col(PartnerMeetings::ProvinceCode)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PartnerMeetingInvitees::Table)
                .col(big_pk_auto(PartnerMeetingInvitees::Id))
                .col(big_integer(PartnerMeetingInvitees::MeetingId))
                .col(string(PartnerMeetingInvitees::Name))
                .col(string(PartnerMeetingInvitees::Organisation))
                .col(string(PartnerMeetingInvitees::Contact))
                .col(string_len(PartnerMeetingInvitees::Answer, 16))
                .col(boolean_null(PartnerMeetingInvitees::Attended))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            PartnerMeetingInvitees::Table,
                            PartnerMeetingInvitees::MeetingId,
                        )
                        .to(PartnerMeetings::Table, PartnerMeetings::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PartnerMeetingActions::Table)
                .col(big_pk_auto(PartnerMeetingActions::Id))
                .col(big_integer(PartnerMeetingActions::MeetingId))
                .col(text(PartnerMeetingActions::Description))
                .col(string(PartnerMeetingActions::Owner))
                .col(string_len(PartnerMeetingActions::DueOn, 10))
                .col(string_len_null(PartnerMeetingActions::ClosedOn, 10))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            PartnerMeetingActions::Table,
                            PartnerMeetingActions::MeetingId,
                        )
                        .to(PartnerMeetings::Table, PartnerMeetings::Id),
                )
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
