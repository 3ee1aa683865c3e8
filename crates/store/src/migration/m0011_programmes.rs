//! Programmes as data: each programme and the dated versions of its eligibility rules,
//! seeded with Direct Social Aid and AMO Tadamon from the targeting engine's seeds.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Programmes {
    Table,
    Code,
    NameAr,
    NameFr,
    DescriptionAr,
    DescriptionFr,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RuleVersions {
    Table,
    Id,
    ProgrammeCode,
    Version,
    ValidFrom,
    ValidTo,
    Rule,
    Benefit,
    Status,
    CreatedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Programmes::Table)
                .col(string_len(Programmes::Code, 32).primary_key())
                .col(string(Programmes::NameAr))
                .col(string(Programmes::NameFr))
                .col(text(Programmes::DescriptionAr))
                .col(text(Programmes::DescriptionFr))
                .col(string_len(Programmes::CreatedAt, 40))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RuleVersions::Table)
                .col(big_pk_auto(RuleVersions::Id))
                .col(string_len(RuleVersions::ProgrammeCode, 32))
                .col(integer(RuleVersions::Version))
                .col(string_len(RuleVersions::ValidFrom, 10))
                .col(string_len_null(RuleVersions::ValidTo, 10))
                .col(text(RuleVersions::Rule))
                .col(text_null(RuleVersions::Benefit))
                .col(string_len(RuleVersions::Status, 16))
                .col(string_len(RuleVersions::CreatedBy, 64))
                .col(string_len(RuleVersions::CreatedAt, 40))
                .foreign_key(
                    ForeignKey::create()
                        .from(RuleVersions::Table, RuleVersions::ProgrammeCode)
                        .to(Programmes::Table, Programmes::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_rule_versions_unique")
                .table(RuleVersions::Table)
                .col(RuleVersions::ProgrammeCode)
                .col(RuleVersions::Version)
                .unique()
                .to_owned(),
        )
        .await?;

        let now = crate::now_text();
        let seeds = [
            (
                jisr_targeting::seeds::asd(),
                "الدعم الاجتماعي المباشر",
                "Aide sociale directe",
                "دعم شهري للأسر المسجلة في السجل الاجتماعي الموحد التي يقل مؤشرها عن العتبة.",
                "Aide mensuelle aux ménages du Registre social unifié dont l’indice est sous le seuil.",
            ),
            (
                jisr_targeting::seeds::amo_tadamon(),
                "أمو تضامن",
                "AMO Tadamon",
                "تتحمل الدولة اشتراكات التأمين الإجباري الأساسي عن المرض للأسر التي يقل مؤشرها عن العتبة.",
                "Cotisations de l’assurance maladie obligatoire prises en charge par l’État pour les ménages sous le seuil.",
            ),
        ];
        for (p, name_ar, name_fr, desc_ar, desc_fr) in seeds {
            m.exec_stmt(
                Query::insert()
                    .into_table(Programmes::Table)
                    .columns([
                        Programmes::Code,
                        Programmes::NameAr,
                        Programmes::NameFr,
                        Programmes::DescriptionAr,
                        Programmes::DescriptionFr,
                        Programmes::CreatedAt,
                    ])
                    .values_panic([
                        p.code.clone().into(),
                        name_ar.into(),
                        name_fr.into(),
                        desc_ar.into(),
                        desc_fr.into(),
                        now.clone().into(),
                    ])
                    .to_owned(),
            )
            .await?;
            for v in &p.versions {
                m.exec_stmt(
                    Query::insert()
                        .into_table(RuleVersions::Table)
                        .columns([
                            RuleVersions::ProgrammeCode,
                            RuleVersions::Version,
                            RuleVersions::ValidFrom,
                            RuleVersions::ValidTo,
                            RuleVersions::Rule,
                            RuleVersions::Benefit,
                            RuleVersions::Status,
                            RuleVersions::CreatedBy,
                            RuleVersions::CreatedAt,
                        ])
                        .values_panic([
                            p.code.clone().into(),
                            <i32 as TryFrom<u32>>::try_from(v.version)
                                .unwrap_or(1)
                                .into(),
                            jisr_targeting::date::format_day(v.valid_from).into(),
                            Expr::value(v.valid_to.map(jisr_targeting::date::format_day)),
                            crate::programmes::rule_text(&v.criteria).into(),
                            Expr::value(v.benefit.clone()),
                            "active".into(),
                            "system:migration".into(),
                            now.clone().into(),
                        ])
                        .to_owned(),
                )
                .await?;
            }
        }
        Ok(())
    }
}
