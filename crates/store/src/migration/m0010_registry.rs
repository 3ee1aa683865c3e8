//! The social registry: households, persons, who lives where (with history) and the
//! dated registry index values of each household.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Households {
    Table,
    Id,
    HouseholdKey,
    CommuneCode,
    ProvinceCode,
    Address,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Persons {
    Table,
    Id,
    Cin,
    PopulationRegisterId,
    PersonKey,
    FirstNameAr,
    LastNameAr,
    FirstNameLat,
    LastNameLat,
    BirthDate,
    Sex,
    Disabled,
    DisabilityCardNumber,
    DisabilityCardDate,
    Schooling,
    Orphan,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PersonHouseholdMemberships {
    Table,
    Id,
    PersonId,
    HouseholdId,
    Relation,
    FromDate,
    ToDate,
}

#[derive(DeriveIden)]
enum HouseholdIndexValues {
    Table,
    Id,
    HouseholdId,
    Value,
    Date,
    ValidTo,
    Source,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Communes {
    Table,
    Code,
}

fn fk(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Households::Table)
                .col(big_pk_auto(Households::Id))
                .col(string_len_uniq(Households::HouseholdKey, 32))
                .col(string_len(Households::CommuneCode, 16))
                // Kept beside the commune so every scoped query filters on one column.
                .col(string_len(Households::ProvinceCode, 16))
                .col(string(Households::Address))
                .col(string_len(Households::CreatedAt, 40))
                .foreign_key(&mut fk(
                    (Households::Table, Households::CommuneCode),
                    (Communes::Table, Communes::Code),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_households_province")
                .table(Households::Table)
                .col(Households::ProvinceCode)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Persons::Table)
                .col(big_pk_auto(Persons::Id))
                // At least one of the three keys is given (checked by the import).
                .col(string_len_null(Persons::Cin, 8))
                .col(string_len_null(Persons::PopulationRegisterId, 20))
                .col(string_len_null(Persons::PersonKey, 64))
                .col(string(Persons::FirstNameAr))
                .col(string(Persons::LastNameAr))
                .col(string(Persons::FirstNameLat))
                .col(string(Persons::LastNameLat))
                .col(string_len(Persons::BirthDate, 10))
                .col(string_len(Persons::Sex, 8))
                .col(boolean_null(Persons::Disabled))
                .col(string_len_null(Persons::DisabilityCardNumber, 32))
                .col(string_len_null(Persons::DisabilityCardDate, 10))
                .col(string_len_null(Persons::Schooling, 16))
                .col(boolean_null(Persons::Orphan))
                .col(string_len(Persons::CreatedAt, 40))
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("idx_persons_cin", Persons::Cin),
            (
                "idx_persons_population_register_id",
                Persons::PopulationRegisterId,
            ),
            ("idx_persons_person_key", Persons::PersonKey),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Persons::Table)
                    .col(col)
                    .unique()
                    .to_owned(),
            )
            .await?;
        }

        m.create_table(
            Table::create()
                .table(PersonHouseholdMemberships::Table)
                .col(big_pk_auto(PersonHouseholdMemberships::Id))
                .col(big_integer(PersonHouseholdMemberships::PersonId))
                .col(big_integer(PersonHouseholdMemberships::HouseholdId))
                // Relation to the head of this household, for this stay.
                .col(string_len(PersonHouseholdMemberships::Relation, 16))
                .col(string_len(PersonHouseholdMemberships::FromDate, 10))
                // Open (null) while the person lives there.
                .col(string_len_null(PersonHouseholdMemberships::ToDate, 10))
                .foreign_key(&mut fk(
                    (
                        PersonHouseholdMemberships::Table,
                        PersonHouseholdMemberships::PersonId,
                    ),
                    (Persons::Table, Persons::Id),
                ))
                .foreign_key(&mut fk(
                    (
                        PersonHouseholdMemberships::Table,
                        PersonHouseholdMemberships::HouseholdId,
                    ),
                    (Households::Table, Households::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_memberships_household")
                .table(PersonHouseholdMemberships::Table)
                .col(PersonHouseholdMemberships::HouseholdId)
                .col(PersonHouseholdMemberships::ToDate)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_memberships_person")
                .table(PersonHouseholdMemberships::Table)
                .col(PersonHouseholdMemberships::PersonId)
                .to_owned(),
        )
        .await?;
        // A person belongs to one household at a time: one open membership each. Partial
        // indexes are written the same way on both engines.
        m.get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX idx_memberships_one_open \
                 ON person_household_memberships (person_id) WHERE to_date IS NULL",
            )
            .await?;

        m.create_table(
            Table::create()
                .table(HouseholdIndexValues::Table)
                .col(big_pk_auto(HouseholdIndexValues::Id))
                .col(big_integer(HouseholdIndexValues::HouseholdId))
                .col(double(HouseholdIndexValues::Value))
                .col(string_len(HouseholdIndexValues::Date, 10))
                .col(string_len_null(HouseholdIndexValues::ValidTo, 10))
                .col(string_len(HouseholdIndexValues::Source, 16))
                .col(string_len(HouseholdIndexValues::RecordedAt, 40))
                .foreign_key(&mut fk(
                    (
                        HouseholdIndexValues::Table,
                        HouseholdIndexValues::HouseholdId,
                    ),
                    (Households::Table, Households::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_household_index_values_unique")
                .table(HouseholdIndexValues::Table)
                .col(HouseholdIndexValues::HouseholdId)
                .col(HouseholdIndexValues::Date)
                .col(HouseholdIndexValues::Source)
                .unique()
                .to_owned(),
        )
        .await
    }
}
