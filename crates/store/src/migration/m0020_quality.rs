//! Quality of care: inspection grids per establishment category (versioned, drafts and
//! published versions, criteria stored as JSON checked by `domain::quality`), visits
//! that keep the grid version they used, and corrective actions opened from findings.
//! One illustrative grid per configured category is seeded, marked as illustrative.

use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum QualityGrids {
    Table,
    Id,
    CategoryCode,
    Version,
    Status,
    Illustrative,
    TitleAr,
    TitleFr,
    Criteria,
    PublishedOn,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum QualityVisits {
    Table,
    Id,
    EstablishmentId,
    ProvinceCode,
    GridId,
    PlannedOn,
    Announced,
    Status,
    ConductedOn,
    Inspector,
    Scores,
    Findings,
    Score,
    Rating,
    CriticalFailure,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum QualityActions {
    Table,
    Id,
    VisitId,
    EstablishmentId,
    ProvinceCode,
    CriterionCode,
    What,
    Party,
    DueOn,
    Priority,
    Status,
    Answer,
    AnsweredAt,
    ClosedAt,
    CreatedBy,
    CreatedAt,
}

/// The illustrative criteria: (code, section, weight, critical, measure, Arabic, French).
const CRITERIA: &[(&str, &str, u32, bool, &str, &str, &str)] = &[
    (
        "p.1",
        "premises_safety",
        2,
        false,
        "",
        "المباني نظيفة ومضاءة ومهواة",
        "Les locaux sont salubres, éclairés et aérés",
    ),
    (
        "p.2",
        "premises_safety",
        3,
        true,
        "",
        "وسائل مكافحة الحريق متوفرة ومراقبة",
        "Les moyens de lutte contre l'incendie sont en place et vérifiés",
    ),
    (
        "p.3",
        "premises_safety",
        3,
        true,
        "occupancy",
        "عدد المستفيدين لا يتجاوز الطاقة الاستيعابية المرخص بها حسب الجنس",
        "Le nombre de personnes accueillies ne dépasse pas la capacité autorisée, par sexe",
    ),
    (
        "h.1",
        "hygiene_food",
        2,
        false,
        "",
        "المطبخ وأماكن تخزين المواد الغذائية نظيفة",
        "La cuisine et les lieux de stockage des aliments sont propres",
    ),
    (
        "h.2",
        "hygiene_food",
        2,
        false,
        "",
        "الوجبات كافية ومتوازنة وقوائم الطعام معلقة",
        "Les repas sont suffisants et équilibrés ; les menus sont affichés",
    ),
    (
        "h.3",
        "hygiene_food",
        2,
        false,
        "food_spending",
        "نفقات التغذية لكل مستفيد في السنة",
        "Dépense alimentaire par bénéficiaire et par an",
    ),
    (
        "c.1",
        "care_files",
        2,
        false,
        "",
        "لكل مستفيد ملف فردي محين",
        "Chaque bénéficiaire a un dossier individuel à jour",
    ),
    (
        "c.2",
        "care_files",
        3,
        false,
        "care_plans",
        "لكل مستفيد حاضر مشروع تكفل",
        "Chaque bénéficiaire présent a un projet de prise en charge",
    ),
    (
        "c.3",
        "care_files",
        2,
        false,
        "",
        "التتبع الطبي مضمون ومدون",
        "Le suivi médical est assuré et consigné",
    ),
    (
        "s.1",
        "staff_ratios",
        3,
        false,
        "staffing_ratio",
        "التأطير كاف بالنظر إلى عدد المستفيدين",
        "L'encadrement est suffisant pour le nombre de bénéficiaires",
    ),
    (
        "s.2",
        "staff_ratios",
        2,
        false,
        "",
        "المستخدمون مؤهلون ومكونون",
        "Le personnel est qualifié et formé",
    ),
    (
        "g.1",
        "governance_registers",
        2,
        false,
        "register_up_to_date",
        "سجل الدخول والخروج ممسوك ومحين",
        "Le registre des entrées et sorties est tenu à jour",
    ),
    (
        "g.2",
        "governance_registers",
        1,
        false,
        "",
        "النظام الداخلي مصادق عليه ومعلق",
        "Le règlement intérieur est adopté et affiché",
    ),
    (
        "r.1",
        "rights_complaints",
        2,
        false,
        "",
        "يمكن للمستفيدين وأسرهم تقديم شكاية",
        "Les bénéficiaires et leurs familles peuvent déposer une réclamation",
    ),
    (
        "r.2",
        "rights_complaints",
        3,
        true,
        "",
        "لم تتم معاينة أي شكل من أشكال سوء المعاملة",
        "Aucune forme de maltraitance n'est constatée",
    ),
];

fn criteria_json() -> String {
    let criteria: Vec<serde_json::Value> = CRITERIA
        .iter()
        .map(|(code, section, weight, critical, measure, ar, fr)| {
            let mut c = serde_json::json!({
                "code": code, "section": section, "text_ar": ar, "text_fr": fr,
                "weight": weight, "critical": critical,
            });
            if !measure.is_empty() {
                c["measure"] = serde_json::json!(measure);
            }
            c
        })
        .collect();
    serde_json::json!({ "criteria": criteria }).to_string()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(QualityGrids::Table)
                .col(big_pk_auto(QualityGrids::Id))
                .col(string_len(QualityGrids::CategoryCode, 40))
                .col(integer(QualityGrids::Version))
                .col(string_len(QualityGrids::Status, 16))
                .col(boolean(QualityGrids::Illustrative))
                .col(string(QualityGrids::TitleAr))
                .col(string(QualityGrids::TitleFr))
                .col(text(QualityGrids::Criteria))
                .col(string_len_null(QualityGrids::PublishedOn, 10))
                .col(string(QualityGrids::CreatedBy))
                .col(string_len(QualityGrids::CreatedAt, 40))
                .col(string_len(QualityGrids::UpdatedAt, 40))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("quality_grids_category_version")
                .table(QualityGrids::Table)
                .col(QualityGrids::CategoryCode)
                .col(QualityGrids::Version)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(QualityVisits::Table)
                .col(big_pk_auto(QualityVisits::Id))
                .col(big_integer(QualityVisits::EstablishmentId))
                .col(string_len(QualityVisits::ProvinceCode, 16))
                .col(big_integer(QualityVisits::GridId))
                .col(string_len(QualityVisits::PlannedOn, 10))
                .col(boolean(QualityVisits::Announced))
                .col(string_len(QualityVisits::Status, 16))
                .col(string_len_null(QualityVisits::ConductedOn, 10))
                .col(string(QualityVisits::Inspector))
                .col(text(QualityVisits::Scores))
                .col(text(QualityVisits::Findings))
                .col(integer_null(QualityVisits::Score))
                .col(string_len_null(QualityVisits::Rating, 16))
                .col(boolean(QualityVisits::CriticalFailure))
                .col(string(QualityVisits::CreatedBy))
                .col(string_len(QualityVisits::CreatedAt, 40))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("quality_visits_establishment")
                .table(QualityVisits::Table)
                .col(QualityVisits::EstablishmentId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(QualityActions::Table)
                .col(big_pk_auto(QualityActions::Id))
                .col(big_integer(QualityActions::VisitId))
                .col(big_integer(QualityActions::EstablishmentId))
                .col(string_len(QualityActions::ProvinceCode, 16))
                .col(string_len(QualityActions::CriterionCode, 40))
                .col(text(QualityActions::What))
                .col(string_len(QualityActions::Party, 16))
                .col(string_len(QualityActions::DueOn, 10))
                .col(string_len(QualityActions::Priority, 16))
                .col(string_len(QualityActions::Status, 16))
                .col(text(QualityActions::Answer))
                .col(string_len_null(QualityActions::AnsweredAt, 40))
                .col(string_len_null(QualityActions::ClosedAt, 40))
                .col(string(QualityActions::CreatedBy))
                .col(string_len(QualityActions::CreatedAt, 40))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("quality_actions_establishment")
                .table(QualityActions::Table)
                .col(QualityActions::EstablishmentId)
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        let backend = db.get_database_backend();
        let categories = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT code, name_ar, name_fr FROM establishment_categories ORDER BY position",
            ))
            .await?;
        let now = chrono::Utc::now()
            .format("%Y-%m-%dT%H:%M:%S%.6fZ")
            .to_string();
        let today = now[..10].to_owned();
        let criteria = criteria_json();
        for row in categories {
            let code: String = row.try_get("", "code")?;
            let name_ar: String = row.try_get("", "name_ar")?;
            let name_fr: String = row.try_get("", "name_fr")?;
            m.exec_stmt(
                Query::insert()
                    .into_table(QualityGrids::Table)
                    .columns([
                        QualityGrids::CategoryCode,
                        QualityGrids::Version,
                        QualityGrids::Status,
                        QualityGrids::Illustrative,
                        QualityGrids::TitleAr,
                        QualityGrids::TitleFr,
                        QualityGrids::Criteria,
                        QualityGrids::PublishedOn,
                        QualityGrids::CreatedBy,
                        QualityGrids::CreatedAt,
                        QualityGrids::UpdatedAt,
                    ])
                    .values_panic([
                        code.into(),
                        1.into(),
                        "published".into(),
                        true.into(),
                        format!("شبكة توضيحية — {name_ar}").into(),
                        format!("Grille illustrative — {name_fr}").into(),
                        criteria.clone().into(),
                        today.clone().into(),
                        "system:migration".into(),
                        now.clone().into(),
                        now.clone().into(),
                    ])
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
