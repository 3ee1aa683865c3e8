//! The demo: a fresh SQLite database with realistic, deterministic data, concentrated in
//! Marrakech-Safi (Rehamna, 07.427), then the server.

use crate::config::Config;
use crate::progress::Reporter;
use anyhow::{Context, Result, bail};
use jisr_domain::access::{Role, Scope};
use jisr_domain::documents::DEFAULT_MAX_UPLOAD_BYTES;
use jisr_domain::establishments::{Capacity, Status};
use jisr_domain::geo::CommuneCode;
use jisr_domain::geo::{ProvinceCode, RegionCode};
use jisr_domain::ids::UnitId;
use jisr_domain::org::UnitKind;
use jisr_store::accounts::{self, Password};
use jisr_store::audit::Actor;
use jisr_store::authorisation::Upload;
use jisr_store::establishments::{Details, NewEstablishment, Scoped};
use jisr_store::files::FileStore;
use jisr_store::geo::{self, GeoSource};
use jisr_store::org::{self, NewUnit};
use jisr_store::{DatabaseUrl, Store};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "jisr-demo-2026";

/// One demo login per role.
pub const DEMO_USERS: &[(&str, &str, Role, &str)] = &[
    (
        "admin",
        "Nadia Benali — نادية بنعلي",
        Role::NationalAdministrator,
        "national",
    ),
    (
        "programme",
        "Karim Alaoui — كريم العلوي",
        Role::ProgrammeOwner,
        "national",
    ),
    (
        "coord.marrakech",
        "Samira Idrissi — سميرة الإدريسي",
        Role::RegionalCoordinator,
        "region:07",
    ),
    (
        "officer.rehamna",
        "Youssef Amrani — يوسف العمراني",
        Role::ProvincialOfficer,
        "province:07.427",
    ),
    (
        "officer.safi",
        "Hanane Tazi — حنان التازي",
        Role::ProvincialOfficer,
        "province:07.431",
    ),
    (
        "social.rehamna",
        "Fatima Zahra Ouali — فاطمة الزهراء الوالي",
        Role::SocialWorker,
        "province:07.427",
    ),
    (
        "inspector.rehamna",
        "Mohamed Berrada — محمد برادة",
        Role::Inspector,
        "province:07.427",
    ),
    (
        "auditor",
        "Rachid Chraibi — رشيد الشرايبي",
        Role::Auditor,
        "national",
    ),
    (
        "manager.demo",
        "Latifa Bennani — لطيفة بناني",
        Role::EstablishmentManager,
        "establishment:1",
    ),
];

/// Demo establishments: (category, Arabic name, French name, male, female places).
const ESTABLISHMENTS: &[(&str, &str, &str, i32, i32)] = &[
    ("schooled_children", "دار الطالب", "Dar Talib", 60, 0),
    ("schooled_children", "دار الطالبة", "Dar Taliba", 0, 55),
    (
        "elderly",
        "مؤسسة الرعاية الاجتماعية للأشخاص المسنين",
        "Établissement pour personnes âgées",
        25,
        25,
    ),
    (
        "disability",
        "مركز الأشخاص في وضعية إعاقة",
        "Centre pour personnes en situation de handicap",
        20,
        20,
    ),
    (
        "women_in_difficulty",
        "مركز الاستماع والإيواء للنساء",
        "Centre d'écoute et d'accueil des femmes",
        0,
        30,
    ),
    (
        "abandoned_children",
        "مؤسسة رعاية الطفولة",
        "Foyer de l'enfance",
        18,
        18,
    ),
    (
        "homeless",
        "مركز إيواء الأشخاص بدون مأوى",
        "Centre d'hébergement des sans-abri",
        30,
        10,
    ),
    (
        "multipurpose",
        "المركب الاجتماعي متعدد الاختصاصات",
        "Complexe social polyvalent",
        40,
        40,
    ),
];

/// The path each demo establishment has walked, by index (cycled).
/// Paths through the authorisation procedure: each step with its reason and, for a
/// request for documents, the checklist items asked for.
type Procedure = &'static [(Status, &'static str, &'static [&'static str])];
const PATHS: &[Procedure] = &[
    &[
        (Status::Requested, "Dossier déposé", &[]),
        (Status::UnderReview, "Instruction", &[]),
        (Status::Authorised, "Conforme au cahier des charges", &[]),
    ],
    &[(Status::Requested, "Dossier déposé", &[])],
    &[
        (Status::Requested, "Dossier déposé", &[]),
        (Status::UnderReview, "Instruction", &[]),
        (
            Status::DocumentsMissing,
            "Plan des locaux illisible",
            &["premises"],
        ),
    ],
    &[
        (Status::Requested, "Dossier déposé", &[]),
        (Status::UnderReview, "Instruction", &[]),
    ],
    &[
        (Status::Requested, "Dossier déposé", &[]),
        (Status::UnderReview, "Instruction", &[]),
        (Status::Authorised, "Conforme", &[]),
        (Status::Suspended, "Dépassement de capacité constaté", &[]),
    ],
    &[],
    &[
        (Status::Requested, "Dossier déposé", &[]),
        (Status::UnderReview, "Instruction", &[]),
        (Status::Authorised, "Conforme au cahier des charges", &[]),
    ],
    &[
        (Status::Requested, "Dossier déposé", &[]),
        (Status::UnderReview, "Instruction", &[]),
        (
            Status::Refused,
            "Locaux non conformes aux normes de sécurité",
            &[],
        ),
        (
            Status::Appealed,
            "Travaux de mise en conformité réalisés",
            &[],
        ),
    ],
];

/// The mandatory documents of the seeded checklist, attached before filing.
const DEMO_DOCUMENTS: &[&str] = &[
    "application",
    "statutes",
    "registration_receipt",
    "internal_rules",
    "premises",
];

/// A small, valid PDF standing for a scanned document.
fn demo_pdf(title: &str) -> Vec<u8> {
    let text = format!("BT /F1 18 Tf 72 720 Td (Jisr demo - {title}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

const ASSOCIATIONS: &[(&str, &str)] = &[
    (
        "جمعية الأمل للتنمية الاجتماعية",
        "Association Al Amal pour le développement social",
    ),
    (
        "جمعية الخير للرعاية",
        "Association Al Khair de bienfaisance",
    ),
    ("جمعية النور للتضامن", "Association Nour de solidarité"),
    (
        "الجمعية الخيرية الإسلامية",
        "Association de bienfaisance islamique",
    ),
];

const BOARD: &[(&str, &str)] = &[
    ("Abdelkader Tazi — عبد القادر التازي", "president"),
    ("Naima Berrada — نعيمة برادة", "vice_president"),
    ("Hassan Ouali — حسن الوالي", "secretary_general"),
    ("Souad Lahlou — سعاد لحلو", "treasurer"),
    ("Rachid Amrani — رشيد العمراني", "member"),
];

const DIRECTORS: &[&str] = &[
    "Fatima Zahra El Idrissi — فاطمة الزهراء الإدريسي",
    "Mohamed Amrani — محمد العمراني",
    "Khadija Ouazzani — خديجة الوزاني",
    "Youssef Bennani — يوسف بناني",
];

const SERVICES: &[&str] = &[
    "Hébergement, restauration, soutien scolaire — إيواء، إطعام، دعم مدرسي",
    "Accueil, écoute, orientation — استقبال، إنصات، توجيه",
    "Hébergement, soins, animation — إيواء، رعاية، تنشيط",
    "Rééducation, formation, accompagnement — ترويض، تكوين، مواكبة",
];

/// Prefectures of arrondissements share the delegation of their city's prefecture.
fn delegation_parent(province: &jisr_store::entity::province::Model) -> Option<&'static str> {
    (province.kind == "prefecture_of_arrondissements").then_some("06.141")
}

/// Seeds a migrated, empty store.
pub async fn seed(store: &Store, files: &FileStore, households: usize) -> Result<()> {
    let actor = Actor::system("demo");
    geo::import(store, &GeoSource::embedded(), &actor, &Reporter::new()).await?;

    let central = org::create_unit(
        store,
        &actor,
        NewUnit {
            code: "CENTRAL".into(),
            kind: UnitKind::Central,
            name_ar: "الإدارة المركزية للتعاون الوطني".into(),
            name_fr: "Administration centrale de l'Entraide Nationale".into(),
            parent: None,
            region: None,
            provinces: vec![],
        },
    )
    .await?;
    let db = store.conn();
    let provinces = geo::provinces(db, None).await?;
    for region in geo::regions(db).await? {
        let code = RegionCode::parse(&region.code)?;
        let coordination: UnitId = org::create_unit(
            store,
            &actor,
            NewUnit {
                code: format!("RC-{}", region.code),
                kind: UnitKind::RegionalCoordination,
                name_ar: format!("التنسيقية الجهوية للتعاون الوطني - {}", region.name_ar),
                name_fr: format!(
                    "Coordination régionale de l'Entraide Nationale – {}",
                    region.name_fr
                ),
                parent: Some(central),
                region: Some(code.clone()),
                provinces: vec![],
            },
        )
        .await?;
        for p in provinces.iter().filter(|p| p.region_code == region.code) {
            if delegation_parent(p).is_some() {
                continue;
            }
            let mut covered = vec![ProvinceCode::parse(&p.code)?];
            covered.extend(
                provinces
                    .iter()
                    .filter(|q| delegation_parent(q) == Some(p.code.as_str()))
                    .map(|q| ProvinceCode::parse(&q.code))
                    .collect::<Result<Vec<_>, _>>()?,
            );
            org::create_unit(
                store,
                &actor,
                NewUnit {
                    code: format!("DP-{}", p.code),
                    kind: UnitKind::ProvincialDelegation,
                    name_ar: format!("المندوبية الإقليمية للتعاون الوطني - {}", p.name_ar),
                    name_fr: format!(
                        "Délégation provinciale de l'Entraide Nationale – {}",
                        p.name_fr
                    ),
                    parent: Some(coordination),
                    region: Some(code.clone()),
                    provinces: covered,
                },
            )
            .await?;
        }
    }

    let projects = seed_establishments(store, files, &actor).await?;
    seed_care(store, &actor).await?;
    crate::demo_quality::seed(store, &actor).await?;
    crate::demo_staff::seed_staff(store, &actor).await?;
    if households > DEMO_HOUSEHOLDS {
        seed_national_registry(store, &actor, households).await?;
    } else {
        seed_registry(store, &actor, households).await?;
    }
    crate::demo_matching::seed(store, &actor).await?;

    let password = Password::parse(DEMO_PASSWORD)?;
    for (username, name, role, scope) in DEMO_USERS {
        let id = accounts::create_user(store, &actor, username, name, &password, false).await?;
        let (kind, code) = scope
            .split_once(':')
            .map_or((*scope, None), |(k, c)| (k, Some(c)));
        let scope = Scope::from_parts(kind, code)?;
        accounts::grant_role(store, &actor, id, *role, &scope).await?;
        // The manager's association also prepares new establishments, not yet filed.
        if *role == Role::EstablishmentManager {
            for project in &projects {
                let scope = Scope::Establishment(*project);
                accounts::grant_role(store, &actor, id, *role, &scope).await?;
            }
        }
    }
    seed_applications(store, files, &actor).await?;
    crate::demo_grievances::seed(store, files, &actor).await?;
    crate::demo_partners::seed(store, &actor).await?;
    crate::demo_grants::seed(store, &actor, &password).await?;
    crate::demo_annual_reports::seed(store, &actor).await?;
    Ok(())
}

/// Services delivered by the authorised establishments of their category, and online
/// applications in Rehamna at every step (and one in Safi).
async fn seed_applications(store: &Store, files: &FileStore, actor: &Actor) -> Result<()> {
    use jisr_domain::applications::Decision;
    use jisr_store::applications::{self, ApplicationInput};
    // Two small authorised centres in Ben Guerir that take applicants: one place per sex
    // in the disability centre, so that a second applicant waits.
    let system = Scoped::unscoped_for_system_jobs(store);
    for (category, ar, fr, male, female) in [
        (
            "disability",
            "مركز الأمل للأطفال في وضعية إعاقة",
            "Centre Al Amal pour enfants en situation de handicap",
            1,
            1,
        ),
        (
            "abandoned_children",
            "مؤسسة حماية الطفولة بنجرير",
            "Établissement de protection de l'enfance de Ben Guerir",
            10,
            10,
        ),
    ] {
        let id = system
            .create(
                actor,
                NewEstablishment {
                    name_ar: ar.into(),
                    name_fr: fr.into(),
                    category: category.into(),
                    commune: CommuneCode::parse("07.427.01.01")?,
                    address: "Hay Al Massira, Ben Guerir".into(),
                    phone: "05 24 31 00 40".into(),
                    capacity: Capacity::new(male, female)?,
                    details: Details {
                        director: DIRECTORS[0].to_owned(),
                        opening_hours: "08:30–16:30".to_owned(),
                        ..Default::default()
                    },
                },
            )
            .await
            .map_err(|e| anyhow::anyhow!("demo centre: {e}"))?;
        let checklist = jisr_store::authorisation::checklist(store.conn(), category).await?;
        let uploads = checklist
            .iter()
            .filter(|c| c.mandatory)
            .map(|c| Upload {
                requirement: c.code.clone(),
                file_name: format!("{}.pdf", c.code),
                bytes: demo_pdf(&c.code),
            })
            .collect();
        system
            .attach(actor, files, id, uploads, DEFAULT_MAX_UPLOAD_BYTES)
            .await
            .map_err(|e| anyhow::anyhow!("demo centre documents: {e}"))?;
        for to in [Status::Requested, Status::UnderReview, Status::Authorised] {
            system
                .transition(actor, id, to, "Dossier complet.", &[])
                .await
                .map_err(|e| anyhow::anyhow!("demo centre {id}: {e}"))?;
        }
    }
    jisr_store::services::deliver_by_category(store, actor).await?;
    let social = accounts::find_user(store.conn(), "social.rehamna").await?;
    let worker = Actor {
        label: format!("user:{}", social.id),
        ..actor.clone()
    };
    let rehamna = Scope::Province(ProvinceCode::parse("07.427")?);
    let grants = [(Role::SocialWorker, rehamna)];
    let scoped = applications::Scoped::new(store, &grants);
    // (service, beneficiary ar, fr, birth, sex, commune, what happens)
    let cases: [(&str, &str, &str, &str, &str, &str, &str); 7] = [
        (
            "disability-centre",
            "ياسين بنعلي",
            "Yassine Benali",
            "2015-02-11",
            "male",
            "07.427.01.01",
            "submitted",
        ),
        (
            "elderly-care",
            "الزهرة المرابط",
            "Zahra Mrabet",
            "1948-07-01",
            "female",
            "07.427.01.01",
            "submitted",
        ),
        (
            "schooled-boarding",
            "سكينة أيت علي",
            "Sakina Ait Ali",
            "2011-09-20",
            "female",
            "07.427.07.07",
            "documents",
        ),
        (
            "child-protection",
            "إلياس",
            "Ilyas",
            "2019-05-02",
            "male",
            "07.427.01.01",
            "accept",
        ),
        (
            "women-listening",
            "نادية",
            "Nadia",
            "1990-12-12",
            "female",
            "07.427.01.01",
            "refuse",
        ),
        (
            "disability-centre",
            "هشام الإدريسي",
            "Hicham Idrissi",
            "2012-03-30",
            "male",
            "07.427.01.01",
            "review",
        ),
        (
            "disability-centre",
            "مريم الصافي",
            "Meryem Safi",
            "2014-08-08",
            "female",
            "07.431.01.03",
            "submitted",
        ),
    ];
    for (i, (service, ar, fr, birth, sex, commune, step)) in cases.iter().enumerate() {
        let docs = jisr_store::services::documents(store, service).await?;
        let uploads = docs
            .iter()
            .filter(|d| d.mandatory)
            .map(|d| jisr_store::documents::Upload {
                requirement: d.code.clone(),
                file_name: format!("{}.pdf", d.code),
                bytes: demo_pdf(&d.label_fr),
            })
            .collect();
        let filed = applications::submit(
            store,
            actor,
            files,
            "2026-11/demo",
            &ApplicationInput {
                service: (*service).into(),
                submission_key: format!("demo-{i}"),
                applicant_relation: if *birth < "1960" { "child" } else { "parent" }.into(),
                applicant_name_ar: "فاطمة الزهراء".into(),
                applicant_name_fr: "Fatima Zahra".into(),
                applicant_phone: format!("06 61 00 00 {:02}", i),
                beneficiary_name_ar: (*ar).into(),
                beneficiary_name_fr: (*fr).into(),
                beneficiary_birth_date: (*birth).into(),
                beneficiary_sex: (*sex).into(),
                commune: (*commune).into(),
                household_size: "5".into(),
                consent: true,
                locale: if i % 2 == 0 { "ar" } else { "fr" }.into(),
                ..Default::default()
            },
            uploads,
            DEFAULT_MAX_UPLOAD_BYTES,
        )
        .await
        .map_err(|e| anyhow::anyhow!("demo application: {e}"))?;
        if *step == "submitted" {
            continue;
        }
        scoped
            .assign(&worker, filed.id, social.id)
            .await
            .map_err(|e| anyhow::anyhow!("demo assignment: {e}"))?;
        let done = match *step {
            "documents" => {
                let optional: Vec<String> = docs
                    .iter()
                    .filter(|d| !d.mandatory)
                    .map(|d| d.code.clone())
                    .take(1)
                    .collect();
                let items = if optional.is_empty() {
                    docs.iter().map(|d| d.code.clone()).take(1).collect()
                } else {
                    optional
                };
                scoped
                    .request_documents(&worker, filed.id, &items, "Merci de joindre cette pièce.")
                    .await
            }
            "accept" => scoped
                .decide(
                    &worker,
                    filed.id,
                    Decision::Accept,
                    "Situation de danger établie.",
                )
                .await
                .map(|_| ()),
            "refuse" => scoped
                .decide(
                    &worker,
                    filed.id,
                    Decision::Refuse,
                    "La situation relève d'un autre service.",
                )
                .await
                .map(|_| ()),
            _ => Ok(()),
        };
        done.map_err(|e| anyhow::anyhow!("demo processing: {e}"))?;
    }
    Ok(())
}

/// Households of the demo registry.
pub const DEMO_HOUSEHOLDS: usize = 400;

/// Synthetic households of the whole country in the census proportions, written to
/// files as they are made and loaded through the normal import (which streams them).
async fn seed_national_registry(store: &Store, actor: &Actor, households: usize) -> Result<()> {
    let dir = std::env::temp_dir().join(format!("jisr-demo-registry-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let result = async {
        let (persons_path, index_path) = (dir.join("households.csv"), dir.join("index.csv"));
        {
            let registry = jisr_targeting::synth::generate(
                &jisr_targeting::synth::Marginals::embedded(),
                households,
                2024,
            );
            let mut persons = std::io::BufWriter::new(std::fs::File::create(&persons_path)?);
            let mut index = std::io::BufWriter::new(std::fs::File::create(&index_path)?);
            jisr_store::registry::write_synthetic_files(
                &registry,
                chrono::Utc::now().date_naive(),
                &mut persons,
                &mut index,
            )?;
            std::io::Write::flush(&mut persons)?;
            std::io::Write::flush(&mut index)?;
        }
        let progress = Reporter::new();
        let open = |p: &std::path::Path| -> Result<std::io::BufReader<std::fs::File>> {
            Ok(std::io::BufReader::with_capacity(
                1 << 20,
                std::fs::File::open(p)?,
            ))
        };
        jisr_store::registry::import_households(store, actor, open(&persons_path)?, &progress)
            .await
            .map_err(|e| anyhow::anyhow!("demo households: {e:?}"))?;
        jisr_store::registry::import_index_values(store, actor, open(&index_path)?, &progress)
            .await
            .map_err(|e| anyhow::anyhow!("demo index values: {e:?}"))?;
        Ok(())
    }
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Synthetic households of Marrakech-Safi, three in four in Rehamna (07.427), with index
/// values around the programme thresholds, written as extract files and loaded through
/// the normal import.
pub async fn seed_registry(store: &Store, actor: &Actor, households: usize) -> Result<()> {
    let mut m = jisr_targeting::synth::Marginals::embedded();
    m.cells.retain(|c| c.province.starts_with("07."));
    m.communes.retain(|c| c.province.starts_with("07."));
    let weight = |rehamna: bool| -> u64 {
        m.cells
            .iter()
            .filter(|c| (c.province == "07.427") == rehamna)
            .map(|c| c.households)
            .sum()
    };
    let (rehamna, others) = (weight(true), weight(false));
    if rehamna > 0 && others > 0 {
        // The other provinces together weigh a third of Rehamna.
        for c in m.cells.iter_mut().filter(|c| c.province != "07.427") {
            c.households = (c.households * rehamna / 3 / others).max(1);
        }
    }
    let registry = jisr_targeting::synth::generate(&m, households, 2024);
    let (persons, index) =
        jisr_store::registry::synthetic_files(&registry, chrono::Utc::now().date_naive());
    let progress = Reporter::new();
    jisr_store::registry::import_households(store, actor, persons.as_slice(), &progress)
        .await
        .map_err(|e| anyhow::anyhow!("demo households: {e:?}"))?;
    jisr_store::registry::import_index_values(store, actor, index.as_slice(), &progress)
        .await
        .map_err(|e| anyhow::anyhow!("demo index values: {e:?}"))?;
    Ok(())
}

/// Establishments of every category, most in Rehamna, some elsewhere in Marrakech-Safi,
/// in every state of the life cycle. The first one is Rehamna's, managed by `manager.demo`,
/// as are the Rehamna projects returned (not yet filed, for the manager to file).
async fn seed_establishments(store: &Store, files: &FileStore, actor: &Actor) -> Result<Vec<i64>> {
    let mut projects = Vec::new();
    let system = Scoped::unscoped_for_system_jobs(store);
    let db = store.conn();
    let rehamna = geo::communes(db, &ProvinceCode::parse("07.427")?).await?;
    let mut places: Vec<(String, String, String)> = rehamna
        .iter()
        .map(|c| (c.code.clone(), c.name_ar.clone(), c.name_fr.clone()))
        .collect();
    for other in ["07.431", "07.351", "07.585", "07.191"] {
        for c in geo::communes(db, &ProvinceCode::parse(other)?)
            .await?
            .into_iter()
            .take(2)
        {
            places.push((c.code, c.name_ar, c.name_fr));
        }
    }
    let mut index = 0usize;
    let partners = jisr_store::associations::Scoped::unscoped_for_system_jobs(store);
    for (place, (code, place_ar, place_fr)) in places.iter().enumerate() {
        // One association in each place, running its establishments, with a board.
        let (kind_ar, kind_fr) = ASSOCIATIONS[place % ASSOCIATIONS.len()];
        let association = partners
            .create(
                actor,
                &jisr_store::associations::AssociationInput {
                    registration_number: format!(
                        "{}/{}/{}",
                        code.replace('.', ""),
                        2008 + place % 15,
                        100 + place * 7
                    ),
                    name_ar: format!("{kind_ar} {place_ar}"),
                    name_fr: format!("{kind_fr} {place_fr}"),
                    registration_date: format!(
                        "{}-{:02}-{:02}",
                        2008 + place % 15,
                        1 + place % 12,
                        1 + place % 28
                    ),
                    commune: code.clone(),
                    address: format!("Centre, {place_fr}"),
                    phone: format!("05 24 {:02} {:02} 10", 20 + place % 70, place % 100),
                    email: String::new(),
                },
            )
            .await
            .map_err(|e| anyhow::anyhow!("demo association: {e}"))?;
        for (i, (name, position)) in BOARD.iter().enumerate() {
            if (place + i) % 4 != 3 {
                partners
                    .add_board_member(actor, association, name, position, "")
                    .await
                    .map_err(|e| anyhow::anyhow!("demo board: {e}"))?;
            }
        }
        // Two establishments in each Rehamna commune, one in each of the others.
        let count = if code.starts_with("07.427.") { 2 } else { 1 };
        for _ in 0..count {
            let (category, ar, fr, male, female) = ESTABLISHMENTS[index % ESTABLISHMENTS.len()];
            let id = system
                .create(
                    actor,
                    NewEstablishment {
                        name_ar: format!("{ar} {place_ar}"),
                        name_fr: format!("{fr} de {place_fr}"),
                        category: category.to_owned(),
                        commune: CommuneCode::parse(code)?,
                        address: format!("Centre, {place_fr}"),
                        phone: format!(
                            "05 24 {:02} {:02} {:02}",
                            30 + index % 60,
                            index % 100,
                            (index * 7) % 100
                        ),
                        capacity: Capacity::new(male, female)?,
                        details: Details {
                            association_id: Some(association),
                            director: DIRECTORS[index % DIRECTORS.len()].to_owned(),
                            services: SERVICES[index % SERVICES.len()].to_owned(),
                            opening_hours: "08:30–16:30".to_owned(),
                            coordinates: None,
                        },
                    },
                )
                .await
                .map_err(|e| anyhow::anyhow!("demo establishment: {e}"))?;
            let path = PATHS[index % PATHS.len()];
            // Filed between 5 and 95 days ago, each later step ten days on: some
            // requests are overdue.
            let filed_days_ago = 5 + (index as i64 * 17) % 91;
            if path.is_empty() && code.starts_with("07.427.") && projects.len() < 4 {
                projects.push(id);
            }
            if !path.is_empty() {
                let uploads = DEMO_DOCUMENTS
                    .iter()
                    .map(|code| Upload {
                        requirement: (*code).to_owned(),
                        file_name: format!("{code}.pdf"),
                        bytes: demo_pdf(code),
                    })
                    .collect();
                let put_together = chrono::Utc::now() - chrono::Duration::days(filed_days_ago + 3);
                system
                    .attach_at(
                        actor,
                        files,
                        id,
                        uploads,
                        DEFAULT_MAX_UPLOAD_BYTES,
                        put_together,
                    )
                    .await
                    .map_err(|e| anyhow::anyhow!("demo documents {id}: {e}"))?;
            }
            for (step, (to, reason, requested)) in path.iter().enumerate() {
                let days_ago = (filed_days_ago - 10 * step as i64).max(0);
                let at = chrono::Utc::now() - chrono::Duration::days(days_ago);
                let requested: Vec<String> = requested.iter().map(|c| (*c).to_owned()).collect();
                system
                    .transition_at(actor, id, *to, reason, &requested, at)
                    .await
                    .map_err(|e| anyhow::anyhow!("demo establishment {id}: {e}"))?;
            }
            // Some authorised establishments also care for people outside their premises.
            if path
                .last()
                .is_some_and(|(to, _, _)| *to == Status::Authorised)
                && index.is_multiple_of(3)
            {
                let today = chrono::Utc::now().date_naive();
                system
                    .declare_care(
                        actor,
                        id,
                        &jisr_store::authorisation::DeclarationInput {
                            activity: "Caravane médicale et sociale — قافلة طبية واجتماعية".into(),
                            commune: code.clone(),
                            address: format!("Souk hebdomadaire, {place_fr}"),
                            starts_on: (today + chrono::Days::new(7)).to_string(),
                            ends_on: (today + chrono::Days::new(9)).to_string(),
                            beneficiaries: "150".into(),
                        },
                    )
                    .await
                    .map_err(|e| anyhow::anyhow!("demo declaration {id}: {e}"))?;
            }
            index += 1;
        }
    }
    Ok(projects)
}

/// Demo residents: (Arabic name, Latin name, sex, birth date).
const RESIDENTS: &[(&str, &str, &str, &str)] = &[
    ("يوسف العلوي", "Youssef Alaoui", "male", "2010-04-12"),
    ("حمزة بنعلي", "Hamza Benali", "male", "2011-09-03"),
    ("أيوب التازي", "Ayoub Tazi", "male", "2009-01-27"),
    ("مهدي الإدريسي", "Mehdi Idrissi", "male", "2012-06-18"),
    ("أنس برادة", "Anas Berrada", "male", "2010-11-30"),
    ("إلياس الوالي", "Ilyas Ouali", "male", "2011-02-14"),
    (
        "فاطمة الزهراء الشرايبي",
        "Fatima Zahra Chraibi",
        "female",
        "1958-03-09",
    ),
    ("خديجة لحلو", "Khadija Lahlou", "female", "1961-07-21"),
    ("عائشة العمراني", "Aicha Amrani", "female", "1990-12-02"),
    ("مليكة بناني", "Malika Bennani", "female", "1985-05-15"),
    ("نعيمة الوزاني", "Naima Ouazzani", "female", "1979-08-08"),
    ("سعاد التازي", "Souad Tazi", "female", "1994-10-01"),
    ("زينب العلوي", "Zineb Alaoui", "female", "1988-02-23"),
    ("حليمة برادة", "Halima Berrada", "female", "1972-04-04"),
    ("رشيدة الإدريسي", "Rachida Idrissi", "female", "1967-09-19"),
    ("لطيفة بنعلي", "Latifa Benali", "female", "1983-01-11"),
    ("مريم الوالي", "Meryem Ouali", "female", "1998-06-30"),
    ("حسناء الشرايبي", "Hasnaa Chraibi", "female", "2001-03-17"),
    ("عبد الله لحلو", "Abdellah Lahlou", "male", "1950-12-25"),
    ("محمد العمراني", "Mohamed Amrani", "male", "1947-05-05"),
    ("سلمى بنعلي", "Salma Benali", "female", "2008-02-02"),
    ("هند التازي", "Hind Tazi", "female", "2009-07-14"),
    ("نادية العلوي", "Nadia Alaoui", "female", "1956-11-20"),
    ("إيمان برادة", "Imane Berrada", "female", "1999-04-09"),
    ("كريم الوزاني", "Karim Ouazzani", "male", "2008-08-28"),
    ("عمر لحلو", "Omar Lahlou", "male", "2007-01-16"),
    ("إدريس الشرايبي", "Driss Chraibi", "male", "1952-03-03"),
    ("سعيد العمراني", "Said Amrani", "male", "1960-10-10"),
];

/// The care plan of a demo resident: (goal, review in so many days from today; negative:
/// the review is overdue).
const GOALS: &[(&str, i64)] = &[
    ("Réussir l'année scolaire — النجاح في السنة الدراسية", 120),
    (
        "Renouer le lien avec la famille — إعادة ربط الصلة بالأسرة",
        45,
    ),
    ("Suivi médical régulier — تتبع طبي منتظم", -10),
    ("Formation professionnelle — تكوين مهني", 200),
];

const SERVICE_LOG: &[&str] = &[
    "Hébergement et restauration — إيواء وإطعام",
    "Soutien scolaire — دعم مدرسي",
    "Consultation médicale — فحص طبي",
    "Entretien avec l'assistante sociale — مقابلة مع المساعدة الاجتماعية",
];

/// Residents in some authorised establishments, with a care plan and a services log:
/// establishment 1 (Rehamna, run by `manager.demo`) within capacity, a Rehamna shelter
/// over it (more women placed than its places for women), and two establishments
/// elsewhere in Marrakech-Safi.
async fn seed_care(store: &Store, actor: &Actor) -> Result<()> {
    let establishments = Scoped::unscoped_for_system_jobs(store);
    let mut authorised = Vec::new();
    for page in 1.. {
        let (rows, total) = establishments
            .list(&jisr_store::establishments::ListFilter {
                status: Some(Status::Authorised),
                page,
                ..Default::default()
            })
            .await?;
        let done = rows.is_empty() || page * jisr_store::establishments::PAGE_SIZE >= total;
        authorised.extend(rows);
        if done {
            break;
        }
    }
    authorised.sort_by_key(|e| e.id);
    let rehamna = |e: &&jisr_store::entity::establishment::Model| e.province_code == "07.427";
    let first = authorised.iter().find(|e| e.id == 1);
    let shelter = authorised
        .iter()
        .filter(rehamna)
        .find(|e| e.category_code == "homeless" && e.capacity_female > 0);
    let elsewhere = authorised.iter().filter(|e| !rehamna(e)).take(2);
    let mut plan: Vec<(i64, Vec<usize>)> = Vec::new();
    if let Some(e) = first {
        plan.push((e.id, (0..6).collect()));
    }
    if let Some(e) = shelter {
        // One woman more than the places for women: an emergency placement.
        let women = (e.capacity_female + 1).clamp(1, 12) as usize;
        plan.push((e.id, (6..6 + women).chain([18]).collect()));
    }
    // Two persons in each, of the sex it has places for.
    let (mut women, mut men) = (20..24, 24..28);
    for e in elsewhere {
        let pool = if e.capacity_female >= 2 {
            &mut women
        } else {
            &mut men
        };
        plan.push((e.id, pool.by_ref().take(2).collect()));
    }
    let care = jisr_store::care::Scoped::unscoped_for_system_jobs(store);
    let today = chrono::Utc::now().date_naive();
    let mut n = 0usize;
    for (establishment, residents) in plan {
        for r in residents {
            let (name_ar, name_fr, sex, birth) = RESIDENTS[r % RESIDENTS.len()];
            let minor = birth > "2005";
            let admitted = today - chrono::Days::new(20 + (n as u64 * 37) % 400);
            // A minor is represented by a judge (placement order) or a parent.
            let representative = match n % 3 {
                _ if !minor => "self",
                0 => "judge_order",
                _ => "parent",
            };
            let (basis, reference) = match n % 3 {
                0 if minor => ("judge_order", format!("OP-2025/{:03}", 40 + n)),
                1 => ("referral", format!("EN-{:04}", 1200 + n)),
                _ if minor => ("family_request", String::new()),
                _ => ("own_request", String::new()),
            };
            let (representative_name, representative_reference) = match representative {
                "judge_order" => (
                    "Tribunal de première instance de Ben Guerir".to_owned(),
                    reference.clone(),
                ),
                "parent" => {
                    let family = name_fr.split_whitespace().last().unwrap_or_default();
                    let parent = ["Abdelkader", "Naima", "Hassan", "Souad"][n % 4];
                    (format!("{parent} {family}"), String::new())
                }
                _ => (String::new(), String::new()),
            };
            let (beneficiary, admission) = care
                .admit(
                    actor,
                    establishment,
                    &jisr_store::care::AdmissionInput {
                        name_ar: name_ar.into(),
                        name_fr: name_fr.into(),
                        birth_date: birth.into(),
                        sex: sex.into(),
                        national_id: if minor {
                            String::new()
                        } else {
                            format!("EE{}", 120_000 + n * 7)
                        },
                        representative: representative.into(),
                        representative_name,
                        representative_reference,
                        admitted_on: admitted.to_string(),
                        basis: basis.into(),
                        basis_reference: reference,
                    },
                )
                .await
                .map_err(|e| anyhow::anyhow!("demo admission: {e}"))?;
            for k in 0..=(n % 2) {
                let (goal, days) = GOALS[(n + k) % GOALS.len()];
                let review = if days < 0 {
                    today - chrono::Days::new(days.unsigned_abs())
                } else {
                    today + chrono::Days::new(days as u64)
                };
                let goal_id = care
                    .add_goal(actor, beneficiary, goal, &review.to_string())
                    .await
                    .map_err(|e| anyhow::anyhow!("demo goal: {e}"))?;
                if (n + k) % 5 == 4 {
                    care.set_goal_status(actor, beneficiary, goal_id, "reached")
                        .await
                        .map_err(|e| anyhow::anyhow!("demo goal: {e}"))?;
                }
            }
            for k in 0..2 {
                let on = admitted + chrono::Days::new(3 + 7 * k as u64);
                care.log_service(
                    actor,
                    beneficiary,
                    &on.min(today).to_string(),
                    SERVICE_LOG[(n + k) % SERVICE_LOG.len()],
                )
                .await
                .map_err(|e| anyhow::anyhow!("demo service: {e}"))?;
            }
            if n % 4 == 1 {
                care.update_sensitive(
                    actor,
                    beneficiary,
                    &jisr_store::care::SensitiveNotes {
                        health: "Asthme, suivi au centre de santé — ربو، تتبع بالمركز الصحي".into(),
                        disability: String::new(),
                        schooling: if minor {
                            "Collège, bon niveau — إعدادي، مستوى جيد".into()
                        } else {
                            String::new()
                        },
                    },
                )
                .await
                .map_err(|e| anyhow::anyhow!("demo notes: {e}"))?;
            }
            // One boy of establishment 1 went back to his family.
            if n == 5 {
                care.exit(
                    actor,
                    establishment,
                    admission,
                    &jisr_store::care::ExitInput {
                        exit_on: (admitted + chrono::Days::new(15)).min(today).to_string(),
                        reason: "return_to_family".into(),
                        destination: "Ben Guerir".into(),
                    },
                )
                .await
                .map_err(|e| anyhow::anyhow!("demo exit: {e}"))?;
            }
            n += 1;
        }
    }
    Ok(())
}

/// Removes a previous demo database in `dir` (only the database files).
fn reset(dir: &std::path::Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let documents = dir.join("documents");
    if documents.exists() {
        std::fs::remove_dir_all(&documents)
            .with_context(|| format!("cannot remove {}", documents.display()))?;
    }
    for name in ["jisr.db", "jisr.db-wal", "jisr.db-shm"] {
        let p = dir.join(name);
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("cannot remove {}", p.display()))?;
        }
    }
    Ok(())
}

/// Runs the platform with demo data: on a fresh SQLite database in the data directory,
/// or, when a PostgreSQL database is configured, on that database if it is empty (it is
/// migrated and seeded; one that holds any account is refused, never overwritten).
pub async fn run(cfg: Config, households: usize) -> Result<()> {
    reset(&cfg.data_dir)?;
    let postgres = cfg
        .database_url
        .as_deref()
        .filter(|u| u.starts_with("postgres://") || u.starts_with("postgresql://"))
        .map(str::to_owned);
    let cfg = match postgres {
        Some(url) => Config {
            database_url: Some(url),
            ..cfg
        },
        None => Config {
            database_url: Some(
                DatabaseUrl::sqlite_file(&cfg.data_dir.join("jisr.db"))
                    .as_str()
                    .to_owned(),
            ),
            ..cfg
        },
    };
    let store = crate::cli::connect(&cfg).await?;
    store.migrate().await.context("migrating the database")?;
    if jisr_store::accounts::count_users(&store).await? > 0 {
        bail!("the demo seeds an empty database only, and this one holds accounts");
    }
    seed(&store, &FileStore::new(cfg.documents_dir()), households).await?;
    let data_dir = cfg.data_dir.clone();
    crate::serve::run(
        &cfg,
        store,
        Some(Box::new(move |addr: &str| {
            println!();
            println!("Jisr demo is running: http://{addr}/");
            println!("Data directory: {}", data_dir.display());
            println!("Demo logins (password for all: {DEMO_PASSWORD}):");
            for (username, _, role, scope) in DEMO_USERS {
                println!("  {username:<20} {:<24} {scope}", role.as_str());
            }
            println!("National administrators set up a one-time-code (TOTP) app at first sign-in.");
            println!("Stop with Ctrl-C.");
        })),
    )
    .await
}
