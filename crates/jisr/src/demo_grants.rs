//! Demo grants: call A (open, published, Rehamna) with its committee and four filed
//! applications, one already scored by the programme owner; call B (closed and decided)
//! with one accepted application whose convention is signed and first tranche released,
//! so that the public register shows one grant, and one refused application.

use anyhow::{Result, anyhow};
use jisr_domain::access::{Role, Scope};
use jisr_domain::audit::{Action, Entity};
use jisr_store::Store;
use jisr_store::accounts::{self, Password};
use jisr_store::audit::{self, Actor, Change};
use jisr_store::entity::{establishment, grant_application, grant_call};
use jisr_store::grants::{ApplicationInput, CallInput, Decision, Scoped};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel};

/// The second association's representative: manager of establishment 3.
pub const SECOND_MANAGER: (&str, &str) = ("manager.partner", "Houda Lahlou — هدى لحلو");

const GRID: &str = "relevance | 40 | ملاءمة المشروع | Pertinence du projet\n\
    capacity | 30 | قدرة الجمعية | Capacité de l'association\n\
    impact | 30 | الأثر على المستفيدين | Impact sur les bénéficiaires";

fn call_a() -> CallInput {
    let today = jisr_domain::time::today();
    CallInput {
        fund: "FAS".into(),
        title_ar: "دعم مشاريع إدماج الأشخاص في وضعية إعاقة 2026".into(),
        title_fr: "Soutien aux projets d'inclusion des personnes handicapées 2026".into(),
        description_ar: "يمول صندوق دعم الحماية الاجتماعية مشاريع الجمعيات لفائدة الأشخاص في وضعية إعاقة بإقليم الرحامنة.".into(),
        description_fr: "Le Fonds d'appui à la cohésion sociale finance les projets des associations en faveur des personnes en situation de handicap dans la province de Rehamna.".into(),
        provinces: "07.427".into(),
        categories: String::new(),
        envelope: "1000000".into(),
        max_per_project: "300000".into(),
        cofinancing_pct: "20".into(),
        opens_on: (today - chrono::Days::new(20)).to_string(),
        closes_on: (today + chrono::Days::new(40)).to_string(),
        decision_on: (today + chrono::Days::new(70)).to_string(),
        documents: "statutes,budget".into(),
        criteria: GRID.into(),
    }
}

fn call_b() -> CallInput {
    let today = jisr_domain::time::today();
    CallInput {
        fund: "INDH".into(),
        title_ar: "تأهيل مراكز الإيواء 2026".into(),
        title_fr: "Mise à niveau des centres d'accueil 2026".into(),
        description_ar: "دعم تجهيز وتأهيل مؤسسات الرعاية الاجتماعية بجهة مراكش آسفي.".into(),
        description_fr: "Appui à l'équipement et à la mise à niveau des établissements de protection sociale de Marrakech-Safi.".into(),
        provinces: "07.427".into(),
        categories: String::new(),
        envelope: "500000".into(),
        max_per_project: "250000".into(),
        cofinancing_pct: "10".into(),
        // Open while the demo files its applications; moved to the past afterwards.
        opens_on: (today - chrono::Days::new(1)).to_string(),
        closes_on: today.to_string(),
        decision_on: today.to_string(),
        documents: "statutes".into(),
        criteria: "relevance | 50 | ملاءمة المشروع | Pertinence du projet\n\
            capacity | 50 | قدرة الجمعية | Capacité de l'association"
            .into(),
    }
}

/// (establishment, project title, objectives, place, budget, requested).
const PROJECTS_A: &[(i64, &str, &str, &str, i64, i64)] = &[
    (
        1,
        "Atelier d'éveil et d'inclusion — ورشة الإيقاظ والإدماج",
        "Accueillir 30 enfants en situation de handicap deux après-midi par semaine.",
        "Ben Guerir",
        250_000,
        180_000,
    ),
    (
        3,
        "Transport adapté vers l'école — نقل مكيف نحو المدرسة",
        "Un minibus adapté pour 20 élèves en fauteuil roulant.",
        "Ben Guerir",
        300_000,
        220_000,
    ),
    (
        5,
        "Rééducation de proximité — الترويض عن قرب",
        "Séances de kinésithérapie pour 40 enfants des douars voisins.",
        "Sidi Bou Othmane",
        200_000,
        150_000,
    ),
    (
        7,
        "Formation des aidants familiaux — تكوين المساعدين الأسريين",
        "Former 60 parents aux soins quotidiens et à l'orientation.",
        "Skhour Rehamna",
        150_000,
        110_000,
    ),
];

fn project(p: &(i64, &str, &str, &str, i64, i64), documents: &str) -> ApplicationInput {
    ApplicationInput {
        project_title: p.1.into(),
        objectives: p.2.into(),
        place: p.3.into(),
        duration_months: "12".into(),
        women: "25".into(),
        men: "20".into(),
        children: "30".into(),
        budget: p.4.to_string(),
        requested: p.5.to_string(),
        documents: documents.into(),
        ..Default::default()
    }
}

fn marks(r: u32, c: u32, i: u32) -> Vec<(String, u32)> {
    vec![
        ("relevance".into(), r),
        ("capacity".into(), c),
        ("impact".into(), i),
    ]
}

async fn user_id(store: &Store, username: &str) -> Result<i64> {
    Ok(accounts::find_user(store.conn(), username)
        .await
        .map_err(|e| anyhow!("demo user {username}: {e}"))?
        .id)
}

/// Files a draft for `establishment` on `call` as its manager would.
async fn apply(
    store: &Store,
    actor: &Actor,
    call: i64,
    p: &(i64, &str, &str, &str, i64, i64),
    documents: &str,
) -> Result<i64> {
    let est = establishment::Entity::find_by_id(p.0)
        .one(store.conn())
        .await?
        .ok_or_else(|| anyhow!("demo establishment {}", p.0))?;
    if est.association_id.is_none() {
        return Err(anyhow!("demo establishment {} has no association", p.0));
    }
    let manager = Scoped::new(
        store,
        &[(Role::EstablishmentManager, Scope::Establishment(p.0))],
    );
    let id = manager
        .save_draft(actor, call, p.0, None, &project(p, documents))
        .await
        .map_err(|e| anyhow!("demo grant application: {e}"))?;
    manager
        .file(actor, id)
        .await
        .map_err(|e| anyhow!("demo grant filing: {e}"))?;
    Ok(id)
}

/// Seeds the demo grants; the demo users exist already.
pub async fn seed(store: &Store, actor: &Actor, password: &Password) -> Result<()> {
    let (name, display) = SECOND_MANAGER;
    let second = accounts::create_user(store, actor, name, display, password, false).await?;
    accounts::grant_role(
        store,
        actor,
        second,
        Role::EstablishmentManager,
        &Scope::Establishment(3),
    )
    .await?;

    let owner = Scoped::new(store, &[(Role::ProgrammeOwner, Scope::National)]);
    let programme = user_id(store, "programme").await?;
    let coord = user_id(store, "coord.marrakech").await?;
    let officer = user_id(store, "officer.rehamna").await?;
    let e = |e: jisr_store::grants::GrantError| anyhow!("demo grants: {e}");

    // Call A: open, published, three committee members, four filed applications.
    let a = owner.create_call(actor, &call_a()).await.map_err(e)?;
    owner.publish_call(actor, a).await.map_err(e)?;
    for u in [programme, coord, officer] {
        owner.add_member(actor, a, u).await.map_err(e)?;
    }
    let mut apps = Vec::new();
    for p in PROJECTS_A {
        apps.push(apply(store, actor, a, p, "statutes,budget").await?);
    }
    // The programme owner scored the second and third already.
    owner
        .score(
            actor,
            apps[1],
            programme,
            &marks(9, 8, 9),
            "Projet solide, budget clair.",
        )
        .await
        .map_err(e)?;
    owner
        .score(
            actor,
            apps[2],
            programme,
            &marks(8, 7, 8),
            "Besoin avéré dans les douars.",
        )
        .await
        .map_err(e)?;

    // Call B: decided; the first application accepted, signed, first tranche paid.
    let b = owner.create_call(actor, &call_b()).await.map_err(e)?;
    owner.publish_call(actor, b).await.map_err(e)?;
    for u in [programme, coord] {
        owner.add_member(actor, b, u).await.map_err(e)?;
    }
    let b1 = apply(
        store,
        actor,
        b,
        &(
            1,
            "Rénovation des dortoirs — إصلاح المراقد",
            "Refaire l'étanchéité et l'électricité des dortoirs de 60 élèves.",
            "Ben Guerir",
            220_000,
            180_000,
        ),
        "statutes",
    )
    .await?;
    let b2 = apply(
        store,
        actor,
        b,
        &(
            3,
            "Équipement de la cuisine — تجهيز المطبخ",
            "Remplacer les fourneaux et la chambre froide.",
            "Ben Guerir",
            160_000,
            140_000,
        ),
        "statutes",
    )
    .await?;
    let two = |r, c| vec![("relevance".to_string(), r), ("capacity".to_string(), c)];
    for (app, who, m, comment) in [
        (b1, programme, two(9, 8), "Urgent avant l'hiver."),
        (b1, coord, two(8, 8), "Devis complets."),
        (b2, programme, two(4, 5), "Cofinancement fragile."),
        (b2, coord, two(5, 4), "Devis absents."),
    ] {
        owner.score(actor, app, who, &m, comment).await.map_err(e)?;
    }
    owner
        .decide(actor, b1, &Decision::Accept(160_000))
        .await
        .map_err(e)?;
    owner
        .decide(
            actor,
            b2,
            &Decision::Refuse(
                "Devis non fournis ; cofinancement non démontré. — لم تقدم عروض الأثمان.".into(),
            ),
        )
        .await
        .map_err(e)?;
    let signed = jisr_domain::time::today() - chrono::Days::new(30);
    owner
        .sign_convention(actor, b1, &signed.to_string())
        .await
        .map_err(e)?;
    let first = owner.tranches(b1, 0).await?;
    let first = first
        .first()
        .ok_or_else(|| anyhow!("demo grant without tranche"))?;
    owner
        .release_tranche(actor, first.id, "OP-2026-0142")
        .await
        .map_err(e)?;
    close_call(store, actor, b, b1).await?;
    Ok(())
}

/// Moves call B's dates to the past (it was opened only to file its demo applications)
/// and its decision to the day it was taken.
async fn close_call(store: &Store, actor: &Actor, call: i64, accepted: i64) -> Result<()> {
    let today = jisr_domain::time::today();
    let day = |n: u64| (today - chrono::Days::new(n)).to_string();
    let txn = store.begin_write().await?;
    let c = grant_call::Entity::find_by_id(call)
        .one(&txn)
        .await?
        .ok_or_else(|| anyhow!("demo call {call}"))?;
    let mut am = c.into_active_model();
    am.opens_on = Set(day(150));
    am.closes_on = Set(day(90));
    am.decision_on = Set(day(45));
    am.update(&txn).await?;
    let app = grant_application::Entity::find_by_id(accepted)
        .one(&txn)
        .await?
        .ok_or_else(|| anyhow!("demo application {accepted}"))?;
    let mut am = app.into_active_model();
    am.filed_on = Set(Some(day(100)));
    am.decided_at = Set(Some(jisr_store::time_text(
        chrono::Utc::now() - chrono::Duration::days(45),
    )));
    am.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        Change {
            action: Action::Update,
            entity: Entity::GrantCall,
            entity_id: call.to_string(),
            before: None,
            after: Some(serde_json::json!({"demo_dates": [day(150), day(90), day(45)]})),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
