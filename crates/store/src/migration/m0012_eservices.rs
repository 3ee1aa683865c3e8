//! E-services and care: the services catalogue (seeded with the agency's own services,
//! the documents each needs and its needs assessment), online applications with their
//! timeline, the notifications outbox, and each establishment's admissions register
//! with the beneficiaries' files.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Services {
    Table,
    Code,
    Need,
    NameAr,
    NameFr,
    DescriptionAr,
    DescriptionFr,
    EligibilityAr,
    EligibilityFr,
    DeadlineDays,
    Admission,
    CategoryCode,
    Assessment,
    Active,
    Position,
}

#[derive(DeriveIden)]
enum ServiceDocuments {
    Table,
    Id,
    ServiceCode,
    Code,
    LabelAr,
    LabelFr,
    Mandatory,
    Position,
}

#[derive(DeriveIden)]
enum ServiceDeliveries {
    Table,
    ServiceCode,
    EstablishmentId,
}

#[derive(DeriveIden)]
enum Applications {
    Table,
    Id,
    TrackingCode,
    SubmissionKey,
    ServiceCode,
    Status,
    CommuneCode,
    ProvinceCode,
    ApplicantNameAr,
    ApplicantNameFr,
    ApplicantPhone,
    ApplicantEmail,
    ApplicantRelation,
    BeneficiaryNameAr,
    BeneficiaryNameFr,
    BeneficiaryBirthDate,
    BeneficiarySex,
    BeneficiaryNationalId,
    HouseholdSize,
    HouseholdFacts,
    Locale,
    NoticeVersion,
    ConsentAt,
    SubmittedAt,
    DueOn,
    AssignedTo,
    DocumentsRequested,
    Ratings,
    Score,
    DecisionReason,
    EstablishmentId,
    BeneficiaryId,
}

#[derive(DeriveIden)]
enum ApplicationEvents {
    Table,
    Id,
    ApplicationId,
    At,
    Kind,
    FromStatus,
    ToStatus,
    Text,
    Public,
    Actor,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    At,
    Channel,
    Recipient,
    Locale,
    Message,
    Body,
    ApplicationId,
    ProvinceCode,
}

#[derive(DeriveIden)]
enum Documents {
    Table,
    ApplicationId,
}

#[derive(DeriveIden)]
enum Beneficiaries {
    Table,
    Id,
    EstablishmentId,
    ProvinceCode,
    ApplicationId,
    NameAr,
    NameFr,
    BirthDate,
    Sex,
    NationalId,
    RepresentativeKind,
    RepresentativeName,
    RepresentativeReference,
    HealthNotes,
    DisabilityNotes,
    SchoolingNotes,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Admissions {
    Table,
    Id,
    EstablishmentId,
    BeneficiaryId,
    ProvinceCode,
    AdmittedOn,
    Basis,
    BasisReference,
    ExitOn,
    ExitReason,
    ExitDestination,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CareGoals {
    Table,
    Id,
    BeneficiaryId,
    Goal,
    ReviewOn,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CareServices {
    Table,
    Id,
    BeneficiaryId,
    OnDate,
    Description,
    Actor,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Establishments {
    Table,
    Id,
}

/// One seeded service.
struct Seed {
    code: &'static str,
    need: &'static str,
    names: (&'static str, &'static str),
    descriptions: (&'static str, &'static str),
    eligibility: (&'static str, &'static str),
    deadline_days: i32,
    /// Accepting places the beneficiary in an establishment of this category.
    category: Option<&'static str>,
    documents: &'static [(&'static str, &'static str, &'static str, bool)],
    /// The needs assessment: (criterion, weight, maximum rating).
    assessment: &'static [(&'static str, u32, u32)],
}

const BIRTH: (&str, &str, &str, bool) = (
    "birth_certificate",
    "نسخة موجزة من رسم الولادة",
    "Extrait d’acte de naissance",
    true,
);
const ID_CARD: (&str, &str, &str, bool) = (
    "id_card",
    "نسخة من البطاقة الوطنية للتعريف",
    "Copie de la carte nationale d’identité",
    false,
);
const MEDICAL: (&str, &str, &str, bool) = (
    "medical_certificate",
    "شهادة طبية",
    "Certificat médical",
    false,
);
const SUPPORT: (&str, u32, u32) = ("family_support", 3, 3);
const INCOME: (&str, u32, u32) = ("household_income", 2, 3);

const SEEDS: &[Seed] = &[
    Seed {
        code: "disability-centre",
        need: "disability",
        names: (
            "مكان في مركز للأشخاص في وضعية إعاقة",
            "Place dans un centre pour personnes en situation de handicap",
        ),
        descriptions: (
            "استقبال وتكفل نهاري أو داخلي بالأطفال والبالغين في وضعية إعاقة: ترويض، تربية خاصة، مواكبة الأسر.",
            "Accueil de jour ou en internat d’enfants et d’adultes en situation de handicap : rééducation, éducation spécialisée, accompagnement des familles.",
        ),
        eligibility: (
            "الشخص في وضعية إعاقة أو وليه أو كافله.",
            "La personne en situation de handicap, son parent, son tuteur ou son kafil.",
        ),
        deadline_days: 30,
        category: Some("disability"),
        documents: &[
            BIRTH,
            (
                "disability_card",
                "بطاقة الشخص في وضعية إعاقة",
                "Carte de personne en situation de handicap",
                false,
            ),
            MEDICAL,
        ],
        assessment: &[
            SUPPORT,
            ("disability_severity", 3, 3),
            INCOME,
            ("distance", 1, 3),
        ],
    },
    Seed {
        code: "child-protection",
        need: "child",
        names: (
            "إيواء طفل في وضعية صعبة",
            "Accueil d’un enfant en situation difficile",
        ),
        descriptions: (
            "إيواء ورعاية الأطفال المهملين أو في وضعية صعبة في مؤسسة للرعاية الاجتماعية.",
            "Accueil et prise en charge d’enfants abandonnés ou en situation difficile dans un établissement de protection sociale.",
        ),
        eligibility: (
            "الأسرة أو الوصي أو مصالح الحماية بناء على أمر قضائي.",
            "La famille, le tuteur ou les services de protection sur ordonnance du juge.",
        ),
        deadline_days: 15,
        category: Some("abandoned_children"),
        documents: &[
            BIRTH,
            (
                "judge_order",
                "أمر قاضي الأحداث",
                "Ordonnance du juge des mineurs",
                false,
            ),
        ],
        assessment: &[SUPPORT, ("danger", 4, 3), INCOME],
    },
    Seed {
        code: "schooled-boarding",
        need: "youth",
        names: (
            "إيواء التلاميذ بدار الطالب والطالبة",
            "Hébergement d’élèves en Dar Talib / Dar Taliba",
        ),
        descriptions: (
            "إيواء وإطعام التلاميذ القادمين من العالم القروي لمتابعة دراستهم.",
            "Hébergement et restauration des élèves venant du monde rural pour poursuivre leur scolarité.",
        ),
        eligibility: (
            "التلميذ المتمدرس أو وليه.",
            "L’élève scolarisé ou son parent.",
        ),
        deadline_days: 30,
        category: Some("schooled_children"),
        documents: &[
            BIRTH,
            (
                "school_certificate",
                "شهادة مدرسية",
                "Certificat de scolarité",
                true,
            ),
        ],
        assessment: &[("distance", 3, 3), INCOME],
    },
    Seed {
        code: "elderly-care",
        need: "elderly",
        names: ("التكفل بشخص مسن", "Accueil d’une personne âgée"),
        descriptions: (
            "إيواء ورعاية الأشخاص المسنين بدون سند عائلي في مؤسسة للرعاية الاجتماعية.",
            "Hébergement et soins des personnes âgées sans soutien familial dans un établissement de protection sociale.",
        ),
        eligibility: (
            "الشخص المسن أو أحد أقاربه.",
            "La personne âgée ou un proche.",
        ),
        deadline_days: 30,
        category: Some("elderly"),
        documents: &[ID_CARD, MEDICAL],
        assessment: &[SUPPORT, ("dependency", 3, 3), INCOME],
    },
    Seed {
        code: "women-listening",
        need: "women",
        names: (
            "الاستماع والتوجيه والإيواء للنساء",
            "Écoute, orientation et hébergement des femmes",
        ),
        descriptions: (
            "استماع وتوجيه قانوني ونفسي وإيواء مؤقت للنساء في وضعية صعبة.",
            "Écoute, orientation juridique et psychologique et hébergement temporaire des femmes en situation difficile.",
        ),
        eligibility: ("المرأة المعنية.", "La femme concernée."),
        deadline_days: 7,
        category: Some("women_in_difficulty"),
        documents: &[ID_CARD],
        assessment: &[("danger", 4, 3), SUPPORT],
    },
    Seed {
        code: "kindergarten",
        need: "child",
        names: ("مكان في روض للأطفال", "Place en jardin d’enfants"),
        descriptions: (
            "التعليم الأولي للأطفال من 4 إلى 6 سنوات في المركبات الاجتماعية متعددة الاختصاصات.",
            "Préscolaire des enfants de 4 à 6 ans dans les complexes sociaux pluridisciplinaires.",
        ),
        eligibility: ("ولي الطفل.", "Le parent de l’enfant."),
        deadline_days: 30,
        category: Some("multipurpose"),
        documents: &[BIRTH],
        assessment: &[INCOME],
    },
    Seed {
        code: "women-training",
        need: "women",
        names: (
            "التكوين المهني للنساء والفتيات",
            "Formation professionnelle des femmes et des filles",
        ),
        descriptions: (
            "تكوين في الخياطة والطبخ والحلاقة والإعلاميات في مراكز التربية والتكوين.",
            "Formation en couture, cuisine, coiffure et informatique dans les centres d’éducation et de formation.",
        ),
        eligibility: (
            "النساء والفتيات من 15 سنة فما فوق.",
            "Les femmes et les filles de 15 ans et plus.",
        ),
        deadline_days: 30,
        category: None,
        documents: &[ID_CARD],
        assessment: &[INCOME],
    },
    Seed {
        code: "homeless-shelter",
        need: "homeless",
        names: (
            "إيواء الأشخاص بدون مأوى",
            "Hébergement des personnes sans abri",
        ),
        descriptions: (
            "إيواء مؤقت ومواكبة الأشخاص بدون مأوى نحو الإدماج.",
            "Hébergement temporaire et accompagnement des personnes sans abri vers l’insertion.",
        ),
        eligibility: (
            "الشخص المعني أو من يرافقه.",
            "La personne concernée ou celle qui l’accompagne.",
        ),
        deadline_days: 7,
        category: Some("homeless"),
        documents: &[],
        assessment: &[SUPPORT],
    },
];

fn fk_establishment<T: IntoIden + 'static, C: IntoIden + 'static>(
    table: T,
    col: C,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(Establishments::Table, Establishments::Id)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Services::Table)
                .col(string_len(Services::Code, 40).primary_key())
                .col(string_len(Services::Need, 16))
                .col(string(Services::NameAr))
                .col(string(Services::NameFr))
                .col(text(Services::DescriptionAr))
                .col(text(Services::DescriptionFr))
                .col(text(Services::EligibilityAr))
                .col(text(Services::EligibilityFr))
                .col(integer(Services::DeadlineDays))
                .col(boolean(Services::Admission))
                .col(string_len_null(Services::CategoryCode, 40))
                .col(text(Services::Assessment))
                .col(boolean(Services::Active))
                .col(integer(Services::Position))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ServiceDocuments::Table)
                .col(big_pk_auto(ServiceDocuments::Id))
                .col(string_len(ServiceDocuments::ServiceCode, 40))
                .col(string_len(ServiceDocuments::Code, 40))
                .col(string(ServiceDocuments::LabelAr))
                .col(string(ServiceDocuments::LabelFr))
                .col(boolean(ServiceDocuments::Mandatory))
                .col(integer(ServiceDocuments::Position))
                .foreign_key(
                    ForeignKey::create()
                        .from(ServiceDocuments::Table, ServiceDocuments::ServiceCode)
                        .to(Services::Table, Services::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_service_documents_unique")
                .table(ServiceDocuments::Table)
                .col(ServiceDocuments::ServiceCode)
                .col(ServiceDocuments::Code)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ServiceDeliveries::Table)
                .col(string_len(ServiceDeliveries::ServiceCode, 40))
                .col(big_integer(ServiceDeliveries::EstablishmentId))
                .primary_key(
                    Index::create()
                        .col(ServiceDeliveries::ServiceCode)
                        .col(ServiceDeliveries::EstablishmentId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ServiceDeliveries::Table, ServiceDeliveries::ServiceCode)
                        .to(Services::Table, Services::Code),
                )
                .foreign_key(&mut fk_establishment(
                    ServiceDeliveries::Table,
                    ServiceDeliveries::EstablishmentId,
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Applications::Table)
                .col(big_pk_auto(Applications::Id))
                .col(string_len_uniq(Applications::TrackingCode, 16))
                .col(string_len_uniq(Applications::SubmissionKey, 64))
                .col(string_len(Applications::ServiceCode, 40))
                .col(string_len(Applications::Status, 24))
                .col(string_len(Applications::CommuneCode, 16))
                .col(string_len(Applications::ProvinceCode, 8))
                .col(string(Applications::ApplicantNameAr))
                .col(string(Applications::ApplicantNameFr))
                .col(string_len(Applications::ApplicantPhone, 32))
                .col(string(Applications::ApplicantEmail))
                .col(string_len(Applications::ApplicantRelation, 24))
                .col(string(Applications::BeneficiaryNameAr))
                .col(string(Applications::BeneficiaryNameFr))
                .col(string_len(Applications::BeneficiaryBirthDate, 10))
                .col(string_len(Applications::BeneficiarySex, 8))
                .col(string_len(Applications::BeneficiaryNationalId, 16))
                .col(integer_null(Applications::HouseholdSize))
                .col(text(Applications::HouseholdFacts))
                .col(string_len(Applications::Locale, 4))
                .col(string_len(Applications::NoticeVersion, 64))
                .col(string_len(Applications::ConsentAt, 40))
                .col(string_len(Applications::SubmittedAt, 40))
                .col(string_len(Applications::DueOn, 10))
                .col(big_integer_null(Applications::AssignedTo))
                .col(text_null(Applications::DocumentsRequested))
                .col(text_null(Applications::Ratings))
                .col(integer_null(Applications::Score))
                .col(text(Applications::DecisionReason))
                .col(big_integer_null(Applications::EstablishmentId))
                .col(big_integer_null(Applications::BeneficiaryId))
                .foreign_key(
                    ForeignKey::create()
                        .from(Applications::Table, Applications::ServiceCode)
                        .to(Services::Table, Services::Code),
                )
                .foreign_key(&mut fk_establishment(
                    Applications::Table,
                    Applications::EstablishmentId,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_applications_province_status")
                .table(Applications::Table)
                .col(Applications::ProvinceCode)
                .col(Applications::Status)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ApplicationEvents::Table)
                .col(big_pk_auto(ApplicationEvents::Id))
                .col(big_integer(ApplicationEvents::ApplicationId))
                .col(string_len(ApplicationEvents::At, 40))
                .col(string_len(ApplicationEvents::Kind, 16))
                .col(string_len_null(ApplicationEvents::FromStatus, 24))
                .col(string_len_null(ApplicationEvents::ToStatus, 24))
                .col(text(ApplicationEvents::Text))
                .col(boolean(ApplicationEvents::Public))
                .col(string_len(ApplicationEvents::Actor, 64))
                .foreign_key(
                    ForeignKey::create()
                        .from(ApplicationEvents::Table, ApplicationEvents::ApplicationId)
                        .to(Applications::Table, Applications::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Outbox::Table)
                .col(big_pk_auto(Outbox::Id))
                .col(string_len(Outbox::At, 40))
                .col(string_len(Outbox::Channel, 8))
                .col(string(Outbox::Recipient))
                .col(string_len(Outbox::Locale, 4))
                .col(string_len(Outbox::Message, 40))
                .col(text(Outbox::Body))
                .col(big_integer_null(Outbox::ApplicationId))
                .col(string_len(Outbox::ProvinceCode, 8))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Documents::Table)
                .add_column(big_integer_null(Documents::ApplicationId))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Beneficiaries::Table)
                .col(big_pk_auto(Beneficiaries::Id))
                .col(big_integer(Beneficiaries::EstablishmentId))
                .col(string_len(Beneficiaries::ProvinceCode, 8))
                .col(big_integer_null(Beneficiaries::ApplicationId))
                .col(string(Beneficiaries::NameAr))
                .col(string(Beneficiaries::NameFr))
                .col(string_len(Beneficiaries::BirthDate, 10))
                .col(string_len(Beneficiaries::Sex, 8))
                .col(string_len(Beneficiaries::NationalId, 16))
                .col(string_len(Beneficiaries::RepresentativeKind, 16))
                .col(string(Beneficiaries::RepresentativeName))
                .col(string(Beneficiaries::RepresentativeReference))
                .col(text(Beneficiaries::HealthNotes))
                .col(text(Beneficiaries::DisabilityNotes))
                .col(text(Beneficiaries::SchoolingNotes))
                .col(string_len(Beneficiaries::CreatedAt, 40))
                .foreign_key(&mut fk_establishment(
                    Beneficiaries::Table,
                    Beneficiaries::EstablishmentId,
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Admissions::Table)
                .col(big_pk_auto(Admissions::Id))
                .col(big_integer(Admissions::EstablishmentId))
                .col(big_integer(Admissions::BeneficiaryId))
                .col(string_len(Admissions::ProvinceCode, 8))
                .col(string_len(Admissions::AdmittedOn, 10))
                .col(string_len(Admissions::Basis, 24))
                .col(string(Admissions::BasisReference))
                .col(string_len_null(Admissions::ExitOn, 10))
                .col(string_len_null(Admissions::ExitReason, 24))
                .col(string(Admissions::ExitDestination))
                .col(string_len(Admissions::CreatedBy, 64))
                .col(string_len(Admissions::CreatedAt, 40))
                .foreign_key(&mut fk_establishment(
                    Admissions::Table,
                    Admissions::EstablishmentId,
                ))
                .foreign_key(
                    ForeignKey::create()
                        .from(Admissions::Table, Admissions::BeneficiaryId)
                        .to(Beneficiaries::Table, Beneficiaries::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_admissions_establishment")
                .table(Admissions::Table)
                .col(Admissions::EstablishmentId)
                .col(Admissions::ExitOn)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CareGoals::Table)
                .col(big_pk_auto(CareGoals::Id))
                .col(big_integer(CareGoals::BeneficiaryId))
                .col(text(CareGoals::Goal))
                .col(string_len(CareGoals::ReviewOn, 10))
                .col(string_len(CareGoals::Status, 16))
                .col(string_len(CareGoals::CreatedAt, 40))
                .foreign_key(
                    ForeignKey::create()
                        .from(CareGoals::Table, CareGoals::BeneficiaryId)
                        .to(Beneficiaries::Table, Beneficiaries::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CareServices::Table)
                .col(big_pk_auto(CareServices::Id))
                .col(big_integer(CareServices::BeneficiaryId))
                .col(string_len(CareServices::OnDate, 10))
                .col(text(CareServices::Description))
                .col(string_len(CareServices::Actor, 64))
                .col(string_len(CareServices::CreatedAt, 40))
                .foreign_key(
                    ForeignKey::create()
                        .from(CareServices::Table, CareServices::BeneficiaryId)
                        .to(Beneficiaries::Table, Beneficiaries::Id),
                )
                .to_owned(),
        )
        .await?;

        for (position, s) in SEEDS.iter().enumerate() {
            let assessment = serde_json::to_string(
                &s.assessment
                    .iter()
                    .map(|(code, weight, max)| jisr_domain::services::Criterion {
                        code: (*code).into(),
                        weight: *weight,
                        max: *max,
                    })
                    .collect::<Vec<_>>(),
            )
            .expect("criteria serialise");
            m.exec_stmt(
                Query::insert()
                    .into_table(Services::Table)
                    .columns([
                        Services::Code,
                        Services::Need,
                        Services::NameAr,
                        Services::NameFr,
                        Services::DescriptionAr,
                        Services::DescriptionFr,
                        Services::EligibilityAr,
                        Services::EligibilityFr,
                        Services::DeadlineDays,
                        Services::Admission,
                        Services::CategoryCode,
                        Services::Assessment,
                        Services::Active,
                        Services::Position,
                    ])
                    .values_panic([
                        s.code.into(),
                        s.need.into(),
                        s.names.0.into(),
                        s.names.1.into(),
                        s.descriptions.0.into(),
                        s.descriptions.1.into(),
                        s.eligibility.0.into(),
                        s.eligibility.1.into(),
                        s.deadline_days.into(),
                        s.category.is_some().into(),
                        Expr::value(s.category),
                        assessment.into(),
                        true.into(),
                        (position as i32).into(),
                    ])
                    .to_owned(),
            )
            .await?;
            for (i, (code, ar, fr, mandatory)) in s.documents.iter().enumerate() {
                m.exec_stmt(
                    Query::insert()
                        .into_table(ServiceDocuments::Table)
                        .columns([
                            ServiceDocuments::ServiceCode,
                            ServiceDocuments::Code,
                            ServiceDocuments::LabelAr,
                            ServiceDocuments::LabelFr,
                            ServiceDocuments::Mandatory,
                            ServiceDocuments::Position,
                        ])
                        .values_panic([
                            s.code.into(),
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
        Ok(())
    }
}
