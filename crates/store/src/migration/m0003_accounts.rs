use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Username,
    DisplayName,
    PasswordHash,
    MustChangePassword,
    Active,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RoleGrants {
    Table,
    Id,
    UserId,
    Role,
    ScopeKind,
    ScopeCode,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(big_pk_auto(Users::Id))
                .col(string_len_uniq(Users::Username, 64))
                .col(string(Users::DisplayName))
                .col(string(Users::PasswordHash))
                .col(boolean(Users::MustChangePassword))
                .col(boolean(Users::Active))
                .col(string_len(Users::CreatedAt, 40))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RoleGrants::Table)
                .col(big_pk_auto(RoleGrants::Id))
                .col(big_integer(RoleGrants::UserId))
                .col(string_len(RoleGrants::Role, 40))
                .col(string_len(RoleGrants::ScopeKind, 16))
                .col(string_len_null(RoleGrants::ScopeCode, 32))
                .col(string_len(RoleGrants::CreatedAt, 40))
                .foreign_key(
                    ForeignKey::create()
                        .from(RoleGrants::Table, RoleGrants::UserId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_role_grants_user")
                .table(RoleGrants::Table)
                .col(RoleGrants::UserId)
                .to_owned(),
        )
        .await
    }
}
