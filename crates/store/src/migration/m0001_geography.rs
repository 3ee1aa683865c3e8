use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Regions {
    Table,
    Code,
    NameAr,
    NameFr,
    Population,
    Households,
}

#[derive(DeriveIden)]
enum Provinces {
    Table,
    Code,
    RegionCode,
    Kind,
    NameAr,
    NameFr,
    Population,
    Households,
}

#[derive(DeriveIden)]
enum Cercles {
    Table,
    Code,
    ProvinceCode,
    NameAr,
    NameFr,
    Population,
    Households,
}

#[derive(DeriveIden)]
enum Communes {
    Table,
    Code,
    ProvinceCode,
    CercleCode,
    Kind,
    NameAr,
    NameFr,
    Population,
    Households,
}

#[derive(DeriveIden)]
enum Arrondissements {
    Table,
    Code,
    CommuneCode,
    NameAr,
    NameFr,
    Population,
    Households,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Regions::Table)
                .col(string_len(Regions::Code, 16).primary_key())
                .col(string(Regions::NameAr))
                .col(string(Regions::NameFr))
                .col(big_integer(Regions::Population))
                .col(big_integer(Regions::Households))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Provinces::Table)
                .col(string_len(Provinces::Code, 16).primary_key())
                .col(string_len(Provinces::RegionCode, 16))
                .col(string_len(Provinces::Kind, 32))
                .col(string(Provinces::NameAr))
                .col(string(Provinces::NameFr))
                .col(big_integer(Provinces::Population))
                .col(big_integer(Provinces::Households))
                .foreign_key(
                    ForeignKey::create()
                        .from(Provinces::Table, Provinces::RegionCode)
                        .to(Regions::Table, Regions::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Cercles::Table)
                .col(string_len(Cercles::Code, 16).primary_key())
                .col(string_len(Cercles::ProvinceCode, 16))
                .col(string(Cercles::NameAr))
                .col(string(Cercles::NameFr))
                .col(big_integer(Cercles::Population))
                .col(big_integer(Cercles::Households))
                .foreign_key(
                    ForeignKey::create()
                        .from(Cercles::Table, Cercles::ProvinceCode)
                        .to(Provinces::Table, Provinces::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Communes::Table)
                .col(string_len(Communes::Code, 16).primary_key())
                .col(string_len(Communes::ProvinceCode, 16))
                .col(string_len_null(Communes::CercleCode, 16))
                .col(string_len(Communes::Kind, 16))
                .col(string(Communes::NameAr))
                .col(string(Communes::NameFr))
                .col(big_integer(Communes::Population))
                .col(big_integer(Communes::Households))
                .foreign_key(
                    ForeignKey::create()
                        .from(Communes::Table, Communes::ProvinceCode)
                        .to(Provinces::Table, Provinces::Code),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Communes::Table, Communes::CercleCode)
                        .to(Cercles::Table, Cercles::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_communes_province")
                .table(Communes::Table)
                .col(Communes::ProvinceCode)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Arrondissements::Table)
                .col(string_len(Arrondissements::Code, 16).primary_key())
                .col(string_len(Arrondissements::CommuneCode, 16))
                .col(string(Arrondissements::NameAr))
                .col(string(Arrondissements::NameFr))
                .col(big_integer(Arrondissements::Population))
                .col(big_integer(Arrondissements::Households))
                .foreign_key(
                    ForeignKey::create()
                        .from(Arrondissements::Table, Arrondissements::CommuneCode)
                        .to(Communes::Table, Communes::Code),
                )
                .to_owned(),
        )
        .await
    }
}
