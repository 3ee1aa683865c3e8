//! Staff of establishments: the posts and the categories' staffing standards (data, not
//! code), staff members, their assignments to establishments (each with its start and,
//! once it ends, its end: never overwritten), trainings and who attended them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum EstablishmentCategories {
    Table,
    Code,
}

#[derive(DeriveIden)]
enum Establishments {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum StaffPosts {
    Table,
    Code,
    NameAr,
    NameFr,
    Position,
    /// Whether the post needs an accreditation under law 45.18 (social workers).
    Accredited,
}

#[derive(DeriveIden)]
enum StaffingStandards {
    Table,
    Id,
    CategoryCode,
    PostCode,
    Staff,
    PerResidents,
    Minimum,
}

#[derive(DeriveIden)]
enum StaffMembers {
    Table,
    Id,
    NameAr,
    NameFr,
    NationalId,
    Sex,
    BirthDate,
    Diploma,
    DiplomaField,
    DiplomaYear,
    AccreditationNumber,
    AccreditationDate,
    AccreditationExpiry,
    AccreditationStatus,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StaffAssignments {
    Table,
    Id,
    StaffId,
    EstablishmentId,
    ProvinceCode,
    PostCode,
    Employer,
    EmployerName,
    Contract,
    ContractStart,
    ContractEnd,
    WorkingTime,
    Salary,
    EndedOn,
    EndReason,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Trainings {
    Table,
    Id,
    EstablishmentId,
    ProvinceCode,
    Subject,
    StartsOn,
    EndsOn,
    Trainer,
    Place,
    CreatedAt,
}

#[derive(DeriveIden)]
enum TrainingAttendance {
    Table,
    Id,
    TrainingId,
    StaffId,
}

/// Posts: code, Arabic, French, accreditation needed.
const POSTS: &[(&str, &str, &str, bool)] = &[
    ("director", "مدير(ة)", "Directeur·rice", false),
    ("educator", "مربي(ة)", "Éducateur·rice", false),
    (
        "social_worker",
        "مساعد(ة) اجتماعي(ة)",
        "Travailleur·se social·e",
        true,
    ),
    ("nurse", "ممرض(ة)", "Infirmier·ère", false),
    ("psychologist", "أخصائي(ة) نفسي(ة)", "Psychologue", false),
    ("teacher", "مدرس(ة)", "Enseignant·e", false),
    (
        "administrative",
        "إداري(ة)",
        "Agent·e administratif·ve",
        false,
    ),
    ("cook", "طباخ(ة)", "Cuisinier·ère", false),
    ("cleaner", "عامل(ة) نظافة", "Agent·e d'entretien", false),
    ("guard", "حارس(ة)", "Gardien·ne", false),
];

/// Standards: category, post, staff, per residents present, minimum.
const STANDARDS: &[(&str, &str, i32, i32, i32)] = &[
    ("abandoned_children", "director", 0, 0, 1),
    ("abandoned_children", "educator", 1, 10, 1),
    ("abandoned_children", "social_worker", 1, 40, 1),
    ("abandoned_children", "nurse", 1, 50, 1),
    ("abandoned_children", "cook", 1, 40, 1),
    ("abandoned_children", "guard", 0, 0, 1),
    ("schooled_children", "director", 0, 0, 1),
    ("schooled_children", "educator", 1, 25, 1),
    ("schooled_children", "cook", 1, 50, 1),
    ("schooled_children", "guard", 0, 0, 1),
    ("women_in_difficulty", "director", 0, 0, 1),
    ("women_in_difficulty", "social_worker", 1, 20, 1),
    ("women_in_difficulty", "psychologist", 1, 40, 0),
    ("women_in_difficulty", "guard", 0, 0, 1),
    ("elderly", "director", 0, 0, 1),
    ("elderly", "nurse", 1, 20, 1),
    ("elderly", "educator", 1, 15, 1),
    ("elderly", "social_worker", 1, 50, 1),
    ("elderly", "cook", 1, 40, 1),
    ("disability", "director", 0, 0, 1),
    ("disability", "educator", 1, 6, 1),
    ("disability", "nurse", 1, 20, 1),
    ("disability", "social_worker", 1, 40, 1),
    ("homeless", "director", 0, 0, 1),
    ("homeless", "social_worker", 1, 30, 1),
    ("homeless", "nurse", 1, 40, 1),
    ("homeless", "guard", 0, 0, 1),
    ("multipurpose", "director", 0, 0, 1),
    ("multipurpose", "educator", 1, 15, 1),
    ("multipurpose", "social_worker", 1, 40, 1),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(StaffPosts::Table)
                .col(string_len(StaffPosts::Code, 40).primary_key())
                .col(string(StaffPosts::NameAr))
                .col(string(StaffPosts::NameFr))
                .col(integer(StaffPosts::Position))
                .col(boolean(StaffPosts::Accredited))
                .to_owned(),
        )
        .await?;
        for (i, (code, ar, fr, accredited)) in POSTS.iter().enumerate() {
            m.exec_stmt(
                Query::insert()
                    .into_table(StaffPosts::Table)
                    .columns([
                        StaffPosts::Code,
                        StaffPosts::NameAr,
                        StaffPosts::NameFr,
                        StaffPosts::Position,
                        StaffPosts::Accredited,
                    ])
                    .values_panic([
                        (*code).into(),
                        (*ar).into(),
                        (*fr).into(),
                        (i as i32).into(),
                        (*accredited).into(),
                    ])
                    .to_owned(),
            )
            .await?;
        }
        m.create_table(
            Table::create()
                .table(StaffingStandards::Table)
                .col(big_pk_auto(StaffingStandards::Id))
                .col(string_len(StaffingStandards::CategoryCode, 40))
                .col(string_len(StaffingStandards::PostCode, 40))
                .col(integer(StaffingStandards::Staff))
                .col(integer(StaffingStandards::PerResidents))
                .col(integer(StaffingStandards::Minimum))
                .foreign_key(
                    ForeignKey::create()
                        .from(StaffingStandards::Table, StaffingStandards::CategoryCode)
                        .to(
                            EstablishmentCategories::Table,
                            EstablishmentCategories::Code,
                        ),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(StaffingStandards::Table, StaffingStandards::PostCode)
                        .to(StaffPosts::Table, StaffPosts::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_staffing_standards_unique")
                .table(StaffingStandards::Table)
                .col(StaffingStandards::CategoryCode)
                .col(StaffingStandards::PostCode)
                .unique()
                .to_owned(),
        )
        .await?;
        for (category, post, staff, per, minimum) in STANDARDS {
            m.exec_stmt(
                Query::insert()
                    .into_table(StaffingStandards::Table)
                    .columns([
                        StaffingStandards::CategoryCode,
                        StaffingStandards::PostCode,
                        StaffingStandards::Staff,
                        StaffingStandards::PerResidents,
                        StaffingStandards::Minimum,
                    ])
                    .values_panic([
                        (*category).into(),
                        (*post).into(),
                        (*staff).into(),
                        (*per).into(),
                        (*minimum).into(),
                    ])
                    .to_owned(),
            )
            .await?;
        }
        m.create_table(
            Table::create()
                .table(StaffMembers::Table)
                .col(big_pk_auto(StaffMembers::Id))
                .col(string(StaffMembers::NameAr))
                .col(string(StaffMembers::NameFr))
                .col(string_len_uniq(StaffMembers::NationalId, 16))
                .col(string_len(StaffMembers::Sex, 8))
                .col(string_len(StaffMembers::BirthDate, 10))
                .col(string(StaffMembers::Diploma))
                .col(string(StaffMembers::DiplomaField))
                .col(integer_null(StaffMembers::DiplomaYear))
                .col(string_len_null(StaffMembers::AccreditationNumber, 40))
                .col(string_len_null(StaffMembers::AccreditationDate, 10))
                .col(string_len_null(StaffMembers::AccreditationExpiry, 10))
                .col(string_len_null(StaffMembers::AccreditationStatus, 16))
                .col(string_len(StaffMembers::CreatedAt, 40))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(StaffAssignments::Table)
                .col(big_pk_auto(StaffAssignments::Id))
                .col(big_integer(StaffAssignments::StaffId))
                .col(big_integer(StaffAssignments::EstablishmentId))
                .col(string_len(StaffAssignments::ProvinceCode, 16))
                .col(string_len(StaffAssignments::PostCode, 40))
                .col(string_len(StaffAssignments::Employer, 16))
                .col(string(StaffAssignments::EmployerName))
                .col(string_len(StaffAssignments::Contract, 16))
                .col(string_len(StaffAssignments::ContractStart, 10))
                .col(string_len_null(StaffAssignments::ContractEnd, 10))
                .col(integer(StaffAssignments::WorkingTime))
                .col(big_integer_null(StaffAssignments::Salary))
                .col(string_len_null(StaffAssignments::EndedOn, 10))
                .col(string_len_null(StaffAssignments::EndReason, 16))
                .col(string(StaffAssignments::CreatedBy))
                .col(string_len(StaffAssignments::CreatedAt, 40))
                .foreign_key(
                    ForeignKey::create()
                        .from(StaffAssignments::Table, StaffAssignments::StaffId)
                        .to(StaffMembers::Table, StaffMembers::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(StaffAssignments::Table, StaffAssignments::EstablishmentId)
                        .to(Establishments::Table, Establishments::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(StaffAssignments::Table, StaffAssignments::PostCode)
                        .to(StaffPosts::Table, StaffPosts::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_staff_assignments_establishment")
                .table(StaffAssignments::Table)
                .col(StaffAssignments::EstablishmentId)
                .col(StaffAssignments::EndedOn)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_staff_assignments_staff")
                .table(StaffAssignments::Table)
                .col(StaffAssignments::StaffId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Trainings::Table)
                .col(big_pk_auto(Trainings::Id))
                .col(big_integer(Trainings::EstablishmentId))
                .col(string_len(Trainings::ProvinceCode, 16))
                .col(string(Trainings::Subject))
                .col(string_len(Trainings::StartsOn, 10))
                .col(string_len(Trainings::EndsOn, 10))
                .col(string(Trainings::Trainer))
                .col(string(Trainings::Place))
                .col(string_len(Trainings::CreatedAt, 40))
                .foreign_key(
                    ForeignKey::create()
                        .from(Trainings::Table, Trainings::EstablishmentId)
                        .to(Establishments::Table, Establishments::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(TrainingAttendance::Table)
                .col(big_pk_auto(TrainingAttendance::Id))
                .col(big_integer(TrainingAttendance::TrainingId))
                .col(big_integer(TrainingAttendance::StaffId))
                .foreign_key(
                    ForeignKey::create()
                        .from(TrainingAttendance::Table, TrainingAttendance::TrainingId)
                        .to(Trainings::Table, Trainings::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(TrainingAttendance::Table, TrainingAttendance::StaffId)
                        .to(StaffMembers::Table, StaffMembers::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_training_attendance_unique")
                .table(TrainingAttendance::Table)
                .col(TrainingAttendance::TrainingId)
                .col(TrainingAttendance::StaffId)
                .unique()
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
