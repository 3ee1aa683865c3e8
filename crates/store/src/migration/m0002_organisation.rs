use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrgUnits {
    Table,
    Id,
    Code,
    Kind,
    NameAr,
    NameFr,
    ParentId,
    RegionCode,
}

#[derive(DeriveIden)]
enum DelegationProvinces {
    Table,
    UnitId,
    ProvinceCode,
}

#[derive(DeriveIden)]
enum Regions {
    Table,
    Code,
}

#[derive(DeriveIden)]
enum Provinces {
    Table,
    Code,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(OrgUnits::Table)
                .col(big_pk_auto(OrgUnits::Id))
                .col(string_len_uniq(OrgUnits::Code, 32))
                .col(string_len(OrgUnits::Kind, 32))
                .col(string(OrgUnits::NameAr))
                .col(string(OrgUnits::NameFr))
                .col(big_integer_null(OrgUnits::ParentId))
                .col(string_len_null(OrgUnits::RegionCode, 16))
                .foreign_key(
                    ForeignKey::create()
                        .from(OrgUnits::Table, OrgUnits::ParentId)
                        .to(OrgUnits::Table, OrgUnits::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OrgUnits::Table, OrgUnits::RegionCode)
                        .to(Regions::Table, Regions::Code),
                )
                .to_owned(),
        )
        .await?;
        // A province is covered by at most one delegation: the province code is the key.
        m.create_table(
            Table::create()
                .table(DelegationProvinces::Table)
                .col(string_len(DelegationProvinces::ProvinceCode, 16).primary_key())
                .col(big_integer(DelegationProvinces::UnitId))
                .foreign_key(
                    ForeignKey::create()
                        .from(DelegationProvinces::Table, DelegationProvinces::UnitId)
                        .to(OrgUnits::Table, OrgUnits::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            DelegationProvinces::Table,
                            DelegationProvinces::ProvinceCode,
                        )
                        .to(Provinces::Table, Provinces::Code),
                )
                .to_owned(),
        )
        .await
    }
}
