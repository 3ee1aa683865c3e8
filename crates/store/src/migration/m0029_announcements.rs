//! Announcements (`announcements`): to the partners of given territories and
//! establishment categories, or public news; a draft, published from a day, hidden after
//! its expiry, or withdrawn. `scope_code` is the territory it belongs to (empty for the
//! whole country, a region or a province code): who may see and change it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Announcements {
    Table,
    Id,
    Audience,
    ScopeCode,
    Territories,
    Categories,
    TitleAr,
    TitleFr,
    BodyAr,
    BodyFr,
    Status,
    PublishOn,
    ExpiresOn,
    CreatedBy,
    CreatedAt,
    PublishedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Announcements::Table)
                .col(big_pk_auto(Announcements::Id))
                .col(string_len(Announcements::Audience, 16))
                .col(string_len(Announcements::ScopeCode, 8))
                .col(text(Announcements::Territories))
                .col(text(Announcements::Categories))
                .col(string(Announcements::TitleAr))
                .col(string(Announcements::TitleFr))
                .col(text(Announcements::BodyAr))
                .col(text(Announcements::BodyFr))
                .col(string_len(Announcements::Status, 16))
                .col(string_len_null(Announcements::PublishOn, 10))
                .col(string_len_null(Announcements::ExpiresOn, 10))
                .col(string_len(Announcements::CreatedBy, 80))
                .col(string_len(Announcements::CreatedAt, 40))
                .col(string_len_null(Announcements::PublishedAt, 40))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_announcements_scope")
                .table(Announcements::Table)
                .col(Announcements::ScopeCode)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_announcements_status")
                .table(Announcements::Table)
                .col(Announcements::Status)
                .col(Announcements::PublishOn)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
