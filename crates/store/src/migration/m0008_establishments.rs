use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum EstablishmentCategories {
    Table,
    Code,
    NameAr,
    NameFr,
    Position,
}

#[derive(DeriveIden)]
enum Associations {
    Table,
    Id,
    NameAr,
    NameFr,
    RegistrationNumber,
    RegistrationDate,
    CommuneCode,
    ProvinceCode,
    Address,
    Phone,
    Email,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Establishments {
    Table,
    Id,
    NameAr,
    NameFr,
    CategoryCode,
    AssociationId,
    CommuneCode,
    ProvinceCode,
    Address,
    Phone,
    CapacityMale,
    CapacityFemale,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum EstablishmentEvents {
    Table,
    Id,
    EstablishmentId,
    At,
    FromStatus,
    ToStatus,
    Reason,
    Actor,
}

#[derive(DeriveIden)]
enum Communes {
    Table,
    Code,
}

/// The categories of law 65.15 as first configured; more can be added as data.
const CATEGORIES: &[(&str, &str, &str)] = &[
    (
        "abandoned_children",
        "الأطفال المهملون",
        "Enfants abandonnés",
    ),
    (
        "schooled_children",
        "دور الطالب والطالبة",
        "Dar Talib et Dar Taliba",
    ),
    (
        "women_in_difficulty",
        "النساء في وضعية صعبة",
        "Femmes en situation difficile",
    ),
    ("elderly", "الأشخاص المسنون", "Personnes âgées"),
    (
        "disability",
        "الأشخاص في وضعية إعاقة",
        "Personnes en situation de handicap",
    ),
    ("homeless", "الأشخاص بدون مأوى", "Personnes sans abri"),
    (
        "multipurpose",
        "المركبات الاجتماعية متعددة الاختصاصات",
        "Complexes sociaux polyvalents",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(EstablishmentCategories::Table)
                .col(string_len(EstablishmentCategories::Code, 40).primary_key())
                .col(string(EstablishmentCategories::NameAr))
                .col(string(EstablishmentCategories::NameFr))
                .col(integer(EstablishmentCategories::Position))
                .to_owned(),
        )
        .await?;
        for (i, (code, ar, fr)) in CATEGORIES.iter().enumerate() {
            m.exec_stmt(
                Query::insert()
                    .into_table(EstablishmentCategories::Table)
                    .columns([
                        EstablishmentCategories::Code,
                        EstablishmentCategories::NameAr,
                        EstablishmentCategories::NameFr,
                        EstablishmentCategories::Position,
                    ])
                    .values_panic([
                        (*code).into(),
                        (*ar).into(),
                        (*fr).into(),
                        (i as i32).into(),
                    ])
                    .to_owned(),
            )
            .await?;
        }
        m.create_table(
            Table::create()
                .table(Associations::Table)
                .col(big_pk_auto(Associations::Id))
                .col(string(Associations::NameAr))
                .col(string(Associations::NameFr))
                .col(string_len_uniq(Associations::RegistrationNumber, 64))
                .col(string_len(Associations::RegistrationDate, 10))
                .col(string_len(Associations::CommuneCode, 16))
                .col(string_len(Associations::ProvinceCode, 16))
                .col(string(Associations::Address))
                .col(string(Associations::Phone))
                .col(string(Associations::Email))
                .col(string_len(Associations::CreatedAt, 40))
                .foreign_key(
                    ForeignKey::create()
                        .from(Associations::Table, Associations::CommuneCode)
                        .to(Communes::Table, Communes::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Establishments::Table)
                .col(big_pk_auto(Establishments::Id))
                .col(string(Establishments::NameAr))
                .col(string(Establishments::NameFr))
                .col(string_len(Establishments::CategoryCode, 40))
                .col(big_integer_null(Establishments::AssociationId))
                .col(string_len(Establishments::CommuneCode, 16))
                // Kept beside the commune so every scoped query filters on one column.
                .col(string_len(Establishments::ProvinceCode, 16))
                .col(string(Establishments::Address))
                .col(string(Establishments::Phone))
                .col(integer(Establishments::CapacityMale))
                .col(integer(Establishments::CapacityFemale))
                .col(string_len(Establishments::Status, 32))
                .col(string_len(Establishments::CreatedAt, 40))
                .foreign_key(
                    ForeignKey::create()
                        .from(Establishments::Table, Establishments::CategoryCode)
                        .to(
                            EstablishmentCategories::Table,
                            EstablishmentCategories::Code,
                        ),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Establishments::Table, Establishments::AssociationId)
                        .to(Associations::Table, Associations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Establishments::Table, Establishments::CommuneCode)
                        .to(Communes::Table, Communes::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_establishments_province")
                .table(Establishments::Table)
                .col(Establishments::ProvinceCode)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(EstablishmentEvents::Table)
                .col(big_pk_auto(EstablishmentEvents::Id))
                .col(big_integer(EstablishmentEvents::EstablishmentId))
                .col(string_len(EstablishmentEvents::At, 40))
                .col(string_len_null(EstablishmentEvents::FromStatus, 32))
                .col(string_len(EstablishmentEvents::ToStatus, 32))
                .col(text(EstablishmentEvents::Reason))
                .col(string(EstablishmentEvents::Actor))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            EstablishmentEvents::Table,
                            EstablishmentEvents::EstablishmentId,
                        )
                        .to(Establishments::Table, Establishments::Id),
                )
                .to_owned(),
        )
        .await
    }
}
