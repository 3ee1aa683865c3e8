//! Complaints and grievances: the categories (data: names, deadlines to acknowledge and
//! answer, urgency, confidentiality, whether the complainant must say who they are),
//! seeded with the agency's own, and the complaints themselves. Documents, timeline
//! lines and notifications use the shared tables with the owner kind `grievance`.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum GrievanceCategories {
    Table,
    Code,
    NameAr,
    NameFr,
    AckDays,
    AnswerDays,
    Urgent,
    Confidential,
    NeedsIdentity,
    Position,
}

#[derive(DeriveIden)]
enum Grievances {
    Table,
    Id,
    TrackingCode,
    SubmissionKey,
    CategoryCode,
    Channel,
    Status,
    ProvinceCode,
    CommuneCode,
    EstablishmentId,
    Anonymous,
    Name,
    Phone,
    Email,
    Address,
    AnswerBy,
    Facts,
    Locale,
    NoticeVersion,
    ContestsKind,
    ContestsId,
    Urgent,
    Confidential,
    FiledAt,
    AckDue,
    AnswerDue,
    AssignedTo,
    Answer,
    AnsweredAt,
    AppealReasons,
    ClosedAt,
}

/// A seeded category: code, Arabic and French names, days to acknowledge and to answer,
/// urgent, confidential, needs the complainant's identity.
type Category = (
    &'static str,
    &'static str,
    &'static str,
    i32,
    i32,
    bool,
    bool,
    bool,
);

/// The agency's categories.
const CATEGORIES: &[Category] = &[
    (
        "decision_about_me",
        "قرار يخصني",
        "Une décision me concernant",
        5,
        30,
        false,
        false,
        true,
    ),
    (
        "care_quality",
        "جودة التكفل في مؤسسة",
        "La qualité de la prise en charge dans un établissement",
        5,
        30,
        false,
        false,
        false,
    ),
    (
        "abuse_danger",
        "سوء معاملة أو خطر على مستفيد",
        "Une maltraitance ou un danger pour un bénéficiaire",
        1,
        7,
        true,
        true,
        false,
    ),
    (
        "staff_conduct",
        "سلوك أحد العاملين",
        "Le comportement d'un membre du personnel",
        5,
        30,
        false,
        true,
        false,
    ),
    (
        "service_access",
        "الولوج إلى خدمة",
        "L'accès à un service",
        5,
        30,
        false,
        false,
        false,
    ),
    (
        "data_protection",
        "طلب يتعلق بحماية المعطيات الشخصية (القانون 09-08)",
        "Une demande sur les données personnelles (loi 09-08)",
        5,
        30,
        false,
        false,
        true,
    ),
    (
        "other",
        "موضوع آخر",
        "Autre sujet",
        5,
        60,
        false,
        false,
        false,
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(GrievanceCategories::Table)
                .col(string_len(GrievanceCategories::Code, 40).primary_key())
                .col(string(GrievanceCategories::NameAr))
                .col(string(GrievanceCategories::NameFr))
                .col(integer(GrievanceCategories::AckDays))
                .col(integer(GrievanceCategories::AnswerDays))
                .col(boolean(GrievanceCategories::Urgent))
                .col(boolean(GrievanceCategories::Confidential))
                .col(boolean(GrievanceCategories::NeedsIdentity))
                .col(integer(GrievanceCategories::Position))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Grievances::Table)
                .col(big_pk_auto(Grievances::Id))
                .col(string_len_uniq(Grievances::TrackingCode, 16))
                .col(string_len_uniq(Grievances::SubmissionKey, 64))
                .col(string_len(Grievances::CategoryCode, 40))
                .col(string_len(Grievances::Channel, 16))
                .col(string_len(Grievances::Status, 24))
                .col(string_len(Grievances::ProvinceCode, 8))
                .col(string_len_null(Grievances::CommuneCode, 16))
                .col(big_integer_null(Grievances::EstablishmentId))
                .col(boolean(Grievances::Anonymous))
                .col(string(Grievances::Name))
                .col(string_len(Grievances::Phone, 32))
                .col(string(Grievances::Email))
                .col(text(Grievances::Address))
                .col(string_len(Grievances::AnswerBy, 8))
                .col(text(Grievances::Facts))
                .col(string_len(Grievances::Locale, 4))
                .col(string_len(Grievances::NoticeVersion, 64))
                .col(string_len_null(Grievances::ContestsKind, 24))
                .col(big_integer_null(Grievances::ContestsId))
                .col(boolean(Grievances::Urgent))
                .col(boolean(Grievances::Confidential))
                .col(string_len(Grievances::FiledAt, 40))
                .col(string_len(Grievances::AckDue, 10))
                .col(string_len(Grievances::AnswerDue, 10))
                .col(big_integer_null(Grievances::AssignedTo))
                .col(text(Grievances::Answer))
                .col(string_len_null(Grievances::AnsweredAt, 40))
                .col(text(Grievances::AppealReasons))
                .col(string_len_null(Grievances::ClosedAt, 40))
                .foreign_key(
                    ForeignKey::create()
                        .from(Grievances::Table, Grievances::CategoryCode)
                        .to(GrievanceCategories::Table, GrievanceCategories::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_grievances_province_status")
                .table(Grievances::Table)
                .col(Grievances::ProvinceCode)
                .col(Grievances::Status)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_grievances_contests")
                .table(Grievances::Table)
                .col(Grievances::ContestsKind)
                .col(Grievances::ContestsId)
                .to_owned(),
        )
        .await?;
        for (position, (code, ar, fr, ack, answer, urgent, confidential, identity)) in
            CATEGORIES.iter().enumerate()
        {
            m.exec_stmt(
                Query::insert()
                    .into_table(GrievanceCategories::Table)
                    .columns([
                        GrievanceCategories::Code,
                        GrievanceCategories::NameAr,
                        GrievanceCategories::NameFr,
                        GrievanceCategories::AckDays,
                        GrievanceCategories::AnswerDays,
                        GrievanceCategories::Urgent,
                        GrievanceCategories::Confidential,
                        GrievanceCategories::NeedsIdentity,
                        GrievanceCategories::Position,
                    ])
                    .values_panic([
                        (*code).into(),
                        (*ar).into(),
                        (*fr).into(),
                        (*ack).into(),
                        (*answer).into(),
                        (*urgent).into(),
                        (*confidential).into(),
                        (*identity).into(),
                        (position as i32).into(),
                    ])
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
