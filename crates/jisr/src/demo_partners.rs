//! Demo partners data: the illustrative questionnaire "the difficulties of
//! establishments" (funding, staff, premises, food, health, schooling, administrative
//! procedures, relations with partners), sent as a consultation to the establishments of
//! Marrakech-Safi, and the Rehamna delegation's meeting presenting its new services to
//! its partners.

use anyhow::{Result, anyhow};
use jisr_domain::partners::questionnaire::Questionnaire;
use jisr_store::Store;
use jisr_store::audit::Actor;
use jisr_store::partners::{LaunchInput, Scoped};

/// The themes of the questionnaire: name, Arabic, French.
const THEMES: &[(&str, &str, &str)] = &[
    ("funding", "التمويل", "Le financement"),
    ("staff", "الموارد البشرية", "Le personnel"),
    (
        "premises",
        "البنايات والتجهيزات",
        "Les locaux et équipements",
    ),
    ("food", "التغذية", "L'alimentation"),
    ("health", "الصحة", "La santé"),
    ("schooling", "التمدرس", "La scolarité"),
    (
        "procedures",
        "المساطر الإدارية",
        "Les procédures administratives",
    ),
    (
        "partners",
        "العلاقة مع الشركاء",
        "Les relations avec les partenaires",
    ),
];

fn questionnaire() -> Result<Questionnaire> {
    let mut questions = vec![serde_json::json!({
        "name": "difficulty",
        "label": {"ar": "هل تواجه المؤسسة صعوبات تعيق عملها؟", "fr": "L'établissement rencontre-t-il des difficultés qui le freinent ?"},
        "kind": {"type": "single", "list": "yes_no"}, "required": true
    })];
    questions.push(serde_json::json!({
        "name": "themes",
        "label": {"ar": "في أي مجالات؟", "fr": "Dans quels domaines ?"},
        "kind": {"type": "multiple", "list": "themes"}, "required": true,
        "show_if": {"op": "equals", "question": "difficulty", "value": "yes"}
    }));
    for (name, ar, fr) in THEMES {
        questions.push(serde_json::json!({
            "name": format!("severity_{name}"),
            "label": {"ar": format!("{ar}: ما مدى حدة الصعوبة؟ (1 ضعيفة، 5 حادة)"),
                      "fr": format!("{fr} : gravité de la difficulté (1 faible, 5 grave)")},
            "kind": {"type": "scale", "min": 1, "max": 5}, "required": false,
            "show_if": {"op": "contains", "question": "themes", "value": name}
        }));
    }
    questions.push(serde_json::json!({
        "name": "staff_missing",
        "label": {"ar": "كم عدد المناصب الشاغرة؟", "fr": "Combien de postes manquent ?"},
        "kind": {"type": "number", "integer": true, "min": 0.0, "max": 50.0}, "required": false,
        "show_if": {"op": "contains", "question": "themes", "value": "staff"}
    }));
    questions.push(serde_json::json!({
        "name": "comment",
        "label": {"ar": "ملاحظات واقتراحات", "fr": "Remarques et propositions"},
        "kind": {"type": "long_text"}, "required": false
    }));
    let themes: Vec<_> = THEMES
        .iter()
        .map(|(n, ar, fr)| serde_json::json!({"name": n, "label": {"ar": ar, "fr": fr}}))
        .collect();
    let form = serde_json::json!({
        "title": {"ar": "صعوبات المؤسسات (توضيحي)", "fr": "Les difficultés des établissements (illustratif)"},
        "sections": [{"name": "difficulties", "label": {"ar": "الصعوبات", "fr": "Les difficultés"},
                      "questions": questions}],
        "lists": {
            "yes_no": [{"name": "yes", "label": {"ar": "نعم", "fr": "Oui"}},
                       {"name": "no", "label": {"ar": "لا", "fr": "Non"}}],
            "themes": themes
        }
    });
    Ok(serde_json::from_value(form)?)
}

pub async fn seed(store: &Store, actor: &Actor) -> Result<()> {
    let partners = Scoped::unscoped_for_system_jobs(store);
    let version = partners
        .save_version(actor, "difficulties", "demo", &questionnaire()?, "builtin")
        .await
        .map_err(|e| anyhow!("demo questionnaire: {e}"))?;
    let categories = jisr_store::establishments::categories(store)
        .await?
        .into_iter()
        .map(|c| c.code)
        .collect();
    let today = jisr_domain::time::today();
    partners
        .launch(
            actor,
            &LaunchInput {
                version: version.to_string(),
                title_ar: "صعوبات مؤسسات جهة مراكش آسفي (توضيحي)".into(),
                title_fr: "Les difficultés des établissements de Marrakech-Safi (illustratif)"
                    .into(),
                categories,
                territories: vec!["07".into()],
                opens_on: today.to_string(),
                closes_on: (today + chrono::Days::new(45)).to_string(),
                illustrative: true,
            },
        )
        .await
        .map_err(|e| anyhow!("demo consultation: {e}"))?;
    seed_meeting(store, actor, today).await?;
    seed_announcements(store, actor).await
}

/// Public news of the agency, and an announcement to Marrakech-Safi's establishments.
async fn seed_announcements(store: &Store, actor: &Actor) -> Result<()> {
    use jisr_domain::announcements::AnnouncementInput;
    let announcements = jisr_store::announcements::Scoped::unscoped_for_system_jobs(store);
    let err = |e| anyhow!("demo announcement: {e}");
    for input in [
        AnnouncementInput {
            audience: "public".into(),
            title_ar: "فتح طلب مشاريع إدماج الأشخاص في وضعية إعاقة".into(),
            title_fr: "Ouverture de l'appel à projets pour l'inclusion des personnes en situation de handicap".into(),
            body_ar: "تعلن مؤسسة التعاون الوطني عن فتح طلب مشاريع لفائدة الجمعيات الشريكة.\nتودع الطلبات عبر المنصة.".into(),
            body_fr: "L'Entraide Nationale ouvre un appel à projets aux associations partenaires.\nLes demandes se déposent sur la plateforme.".into(),
            ..Default::default()
        },
        AnnouncementInput {
            audience: "partners".into(),
            title_ar: "استشارة حول صعوبات المؤسسات: شاركوا قبل نهاية الشهر".into(),
            title_fr: "Consultation sur les difficultés des établissements : répondez avant la fin du mois".into(),
            body_ar: "ندعو مسيري مؤسسات جهة مراكش آسفي إلى الإجابة على الاستشارة من لوحة القيادة.".into(),
            body_fr: "Les gestionnaires des établissements de Marrakech-Safi sont invités à répondre à la consultation depuis leur tableau de bord.".into(),
            territories: vec!["07".into()],
            ..Default::default()
        },
    ] {
        let id = announcements.create(actor, &input).await.map_err(err)?;
        announcements.publish(actor, id).await.map_err(err)?;
    }
    Ok(())
}

/// The Rehamna delegation presents its new services to its partners.
async fn seed_meeting(store: &Store, actor: &Actor, today: chrono::NaiveDate) -> Result<()> {
    use jisr_domain::partners::meetings::{ActionInput, InviteeInput, MeetingInput};
    use jisr_store::partners_meetings::{MinutesInput, Scoped};
    let meetings = Scoped::unscoped_for_system_jobs(store);
    let err = |e| anyhow!("demo meeting: {e}");
    let id = meetings
        .create(
            actor,
            "07.427",
            &MeetingInput {
                title: "تقديم الخدمات الجديدة للمندوبية لفائدة الشركاء — Présentation des nouveaux services aux partenaires".into(),
                kind: "partners_meeting".into(),
                held_on: (today - chrono::Days::new(7)).to_string(),
                starts_at: "10:00".into(),
                place: "Délégation de Rehamna, Ben Guerir".into(),
                agenda: "Accueil des partenaires\nLes nouveaux services de la délégation\nLes difficultés des établissements\nQuestions et engagements".into(),
            },
        )
        .await
        .map_err(err)?;
    let mut invited = Vec::new();
    for (name, organisation, contact) in [
        ("", "Commune de Ben Guerir", "0524000001"),
        (
            "Fatima Zahra Alaoui",
            "Association Al Amal",
            "amal@example.ma",
        ),
        ("", "Délégation provinciale de la santé", "0524000002"),
        ("", "Presse régionale", "presse@example.ma"),
    ] {
        invited.push(
            meetings
                .invite(
                    actor,
                    id,
                    &InviteeInput {
                        name: name.into(),
                        organisation: organisation.into(),
                        contact: contact.into(),
                    },
                )
                .await
                .map_err(err)?,
        );
    }
    for (i, answer) in invited
        .iter()
        .zip(["accepted", "accepted", "accepted", "declined"])
    {
        meetings
            .record_answer(actor, id, *i, answer)
            .await
            .map_err(err)?;
    }
    meetings
        .record_attendance(actor, id, &invited[..3])
        .await
        .map_err(err)?;
    meetings
        .write_minutes(
            actor,
            id,
            &MinutesInput {
                minutes: "La délégation a présenté le guichet des e-services, le suivi des dossiers d'autorisation et la consultation sur les difficultés des établissements.".into(),
                decisions: "Un correspondant par partenaire\nUne réunion des partenaires chaque trimestre".into(),
                is_public: true,
                public_summary: "La délégation de Rehamna a présenté ses nouveaux services à ses partenaires.".into(),
            },
        )
        .await
        .map_err(err)?;
    let first = meetings
        .add_action(
            actor,
            id,
            &ActionInput {
                description: "Envoyer aux partenaires la liste des nouveaux services".into(),
                owner: "Délégation de Rehamna".into(),
                due_on: (today - chrono::Days::new(2)).to_string(),
            },
        )
        .await
        .map_err(err)?;
    meetings
        .add_action(
            actor,
            id,
            &ActionInput {
                description: "Désigner un correspondant de la commune".into(),
                owner: "Commune de Ben Guerir".into(),
                due_on: (today - chrono::Days::new(1)).to_string(),
            },
        )
        .await
        .map_err(err)?;
    meetings.close_action(actor, id, first).await.map_err(err)?;
    Ok(())
}
