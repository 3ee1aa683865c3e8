//! The authorisation dossier: checklists per category, requests with their receipt and
//! deadline, uploaded documents, declarations of care outside the premises, the boards of
//! associations, and the remaining facts of an establishment.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum EstablishmentCategories {
    Table,
    Code,
    DecisionDays,
}

#[derive(DeriveIden)]
enum Establishments {
    Table,
    Id,
    Director,
    Services,
    OpeningHours,
    LatitudeMicro,
    LongitudeMicro,
}

#[derive(DeriveIden)]
enum Associations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Communes {
    Table,
    Code,
}

#[derive(DeriveIden)]
enum DossierRequirements {
    Table,
    Id,
    CategoryCode,
    Code,
    NameAr,
    NameFr,
    Mandatory,
    Position,
}

#[derive(DeriveIden)]
enum AuthorisationRequests {
    Table,
    Id,
    EstablishmentId,
    ReceiptNumber,
    FiledAt,
    FiledBy,
    CompleteOn,
    DueOn,
    DecisionDays,
    DocumentsRequested,
    DocumentsNote,
    DocumentsRequestedAt,
    DocumentsReceivedAt,
    DecidedAt,
    Decision,
    DecisionReasons,
    AppealFiledAt,
    AppealReasons,
}

#[derive(DeriveIden)]
enum Documents {
    Table,
    Id,
    EstablishmentId,
    AssociationId,
    RequirementCode,
    FileName,
    ContentType,
    SizeBytes,
    Sha256,
    UploadedBy,
    UploadedAt,
}

#[derive(DeriveIden)]
enum CareDeclarations {
    Table,
    Id,
    EstablishmentId,
    ReceiptNumber,
    Activity,
    CommuneCode,
    ProvinceCode,
    Address,
    StartsOn,
    EndsOn,
    Beneficiaries,
    FiledAt,
    FiledBy,
}

#[derive(DeriveIden)]
enum AssociationBoardMembers {
    Table,
    Id,
    AssociationId,
    Name,
    Position,
    Since,
}

/// The documents the procedure publishes, as first configured for every category
/// (code, Arabic, French, mandatory). Categories can be given their own list as data.
const CHECKLIST: &[(&str, &str, &str, bool)] = &[
    (
        "application",
        "طلب الترخيص موقع من رئيس الجمعية",
        "Demande d'autorisation signée par le président de l'association",
        true,
    ),
    (
        "statutes",
        "النظام الأساسي للجمعية",
        "Statuts de l'association",
        true,
    ),
    (
        "registration_receipt",
        "وصل الإيداع النهائي للجمعية",
        "Récépissé définitif de dépôt de l'association",
        true,
    ),
    (
        "internal_rules",
        "النظام الداخلي للمؤسسة",
        "Règlement intérieur de l'établissement",
        true,
    ),
    (
        "premises",
        "وثيقة تثبت حق استغلال المقر مع تصميمه",
        "Justificatif de jouissance des locaux et leur plan",
        true,
    ),
    (
        "staff_list",
        "لائحة المستخدمين ومؤهلاتهم",
        "Liste du personnel et de ses qualifications",
        false,
    ),
    (
        "budget",
        "الميزانية التوقعية للسنة الأولى",
        "Budget prévisionnel de la première année",
        false,
    ),
];

const CATEGORIES: &[&str] = &[
    "abandoned_children",
    "schooled_children",
    "women_in_difficulty",
    "elderly",
    "disability",
    "homeless",
    "multipurpose",
];

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
        m.alter_table(
            Table::alter()
                .table(EstablishmentCategories::Table)
                .add_column(integer(EstablishmentCategories::DecisionDays).default(60))
                .to_owned(),
        )
        .await?;
        // SQLite changes one column per statement.
        for col in [
            string(Establishments::Director).default("").to_owned(),
            text(Establishments::Services).default("").to_owned(),
            string(Establishments::OpeningHours).default("").to_owned(),
            integer_null(Establishments::LatitudeMicro),
            integer_null(Establishments::LongitudeMicro),
        ] {
            let mut col = col;
            m.alter_table(
                Table::alter()
                    .table(Establishments::Table)
                    .add_column(&mut col)
                    .to_owned(),
            )
            .await?;
        }
        m.create_table(
            Table::create()
                .table(DossierRequirements::Table)
                .col(big_pk_auto(DossierRequirements::Id))
                .col(string_len(DossierRequirements::CategoryCode, 40))
                .col(string_len(DossierRequirements::Code, 40))
                .col(string(DossierRequirements::NameAr))
                .col(string(DossierRequirements::NameFr))
                .col(boolean(DossierRequirements::Mandatory))
                .col(integer(DossierRequirements::Position))
                .foreign_key(&mut fk(
                    (
                        DossierRequirements::Table,
                        DossierRequirements::CategoryCode,
                    ),
                    (
                        EstablishmentCategories::Table,
                        EstablishmentCategories::Code,
                    ),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_dossier_requirements_unique")
                .table(DossierRequirements::Table)
                .col(DossierRequirements::CategoryCode)
                .col(DossierRequirements::Code)
                .unique()
                .to_owned(),
        )
        .await?;
        for category in CATEGORIES {
            for (i, (code, ar, fr, mandatory)) in CHECKLIST.iter().enumerate() {
                m.exec_stmt(
                    Query::insert()
                        .into_table(DossierRequirements::Table)
                        .columns([
                            DossierRequirements::CategoryCode,
                            DossierRequirements::Code,
                            DossierRequirements::NameAr,
                            DossierRequirements::NameFr,
                            DossierRequirements::Mandatory,
                            DossierRequirements::Position,
                        ])
                        .values_panic([
                            (*category).into(),
                            (*code).into(),
                            (*ar).into(),
                            (*fr).into(),
                            (*mandatory).into(),
                            (i as i32).into(),
                        ])
                        .to_owned(),
                )
                .await?;
            }
        }
        m.create_table(
            Table::create()
                .table(AuthorisationRequests::Table)
                .col(big_pk_auto(AuthorisationRequests::Id))
                .col(big_integer(AuthorisationRequests::EstablishmentId))
                .col(string_len_uniq(AuthorisationRequests::ReceiptNumber, 40))
                .col(string_len(AuthorisationRequests::FiledAt, 40))
                .col(string(AuthorisationRequests::FiledBy))
                .col(string_len(AuthorisationRequests::CompleteOn, 10))
                .col(string_len(AuthorisationRequests::DueOn, 10))
                .col(integer(AuthorisationRequests::DecisionDays))
                // The checklist codes asked for, comma-separated (at most one request).
                .col(string_null(AuthorisationRequests::DocumentsRequested))
                .col(text(AuthorisationRequests::DocumentsNote).default(""))
                .col(string_len_null(
                    AuthorisationRequests::DocumentsRequestedAt,
                    40,
                ))
                .col(string_len_null(
                    AuthorisationRequests::DocumentsReceivedAt,
                    40,
                ))
                .col(string_len_null(AuthorisationRequests::DecidedAt, 40))
                .col(string_len_null(AuthorisationRequests::Decision, 32))
                .col(text(AuthorisationRequests::DecisionReasons).default(""))
                .col(string_len_null(AuthorisationRequests::AppealFiledAt, 40))
                .col(text(AuthorisationRequests::AppealReasons).default(""))
                .foreign_key(&mut fk(
                    (
                        AuthorisationRequests::Table,
                        AuthorisationRequests::EstablishmentId,
                    ),
                    (Establishments::Table, Establishments::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_authorisation_requests_establishment")
                .table(AuthorisationRequests::Table)
                .col(AuthorisationRequests::EstablishmentId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Documents::Table)
                .col(big_pk_auto(Documents::Id))
                .col(big_integer_null(Documents::EstablishmentId))
                .col(big_integer_null(Documents::AssociationId))
                .col(string_len_null(Documents::RequirementCode, 40))
                .col(string(Documents::FileName))
                .col(string_len(Documents::ContentType, 64))
                .col(big_integer(Documents::SizeBytes))
                .col(string_len(Documents::Sha256, 64))
                .col(string(Documents::UploadedBy))
                .col(string_len(Documents::UploadedAt, 40))
                .foreign_key(&mut fk(
                    (Documents::Table, Documents::EstablishmentId),
                    (Establishments::Table, Establishments::Id),
                ))
                .foreign_key(&mut fk(
                    (Documents::Table, Documents::AssociationId),
                    (Associations::Table, Associations::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_documents_establishment")
                .table(Documents::Table)
                .col(Documents::EstablishmentId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CareDeclarations::Table)
                .col(big_pk_auto(CareDeclarations::Id))
                .col(big_integer(CareDeclarations::EstablishmentId))
                .col(string_len_uniq(CareDeclarations::ReceiptNumber, 40))
                .col(text(CareDeclarations::Activity))
                .col(string_len(CareDeclarations::CommuneCode, 16))
                .col(string_len(CareDeclarations::ProvinceCode, 16))
                .col(string(CareDeclarations::Address))
                .col(string_len(CareDeclarations::StartsOn, 10))
                .col(string_len(CareDeclarations::EndsOn, 10))
                .col(integer(CareDeclarations::Beneficiaries))
                .col(string_len(CareDeclarations::FiledAt, 40))
                .col(string(CareDeclarations::FiledBy))
                .foreign_key(&mut fk(
                    (CareDeclarations::Table, CareDeclarations::EstablishmentId),
                    (Establishments::Table, Establishments::Id),
                ))
                .foreign_key(&mut fk(
                    (CareDeclarations::Table, CareDeclarations::CommuneCode),
                    (Communes::Table, Communes::Code),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AssociationBoardMembers::Table)
                .col(big_pk_auto(AssociationBoardMembers::Id))
                .col(big_integer(AssociationBoardMembers::AssociationId))
                .col(string(AssociationBoardMembers::Name))
                .col(string_len(AssociationBoardMembers::Position, 32))
                .col(string_len(AssociationBoardMembers::Since, 10))
                .foreign_key(&mut fk(
                    (
                        AssociationBoardMembers::Table,
                        AssociationBoardMembers::AssociationId,
                    ),
                    (Associations::Table, Associations::Id),
                ))
                .to_owned(),
        )
        .await
    }
}
