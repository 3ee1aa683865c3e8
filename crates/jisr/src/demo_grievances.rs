//! Demo complaints, so the complaint journeys can be tried: in Rehamna, a quality
//! complaint about an authorised centre (online), an anonymous report of danger in a
//! centre (urgent: the officer and inspectors are alerted), a letter recorded late whose
//! deadline has passed (escalated to the regional coordinator), a parent contesting the
//! refusal of an application from its tracking code, and one complaint in Safi.

use anyhow::{Context, Result};
use jisr_domain::documents::DEFAULT_MAX_UPLOAD_BYTES;
use jisr_store::Store;
use jisr_store::audit::Actor;
use jisr_store::files::FileStore;
use jisr_store::grievances::{self, GrievanceInput, Scoped};

pub async fn seed(store: &Store, files: &FileStore, actor: &Actor) -> Result<()> {
    let rehamna = jisr_domain::geo::ProvinceCode::parse("07.427")?;
    let centre = jisr_store::establishments::public_directory(
        store,
        &jisr_store::establishments::DirectoryFilter {
            province: Some(rehamna),
            ..Default::default()
        },
    )
    .await?
    .into_iter()
    .min_by_key(|e| e.id)
    .context("an authorised establishment in Rehamna")?;
    let base = |key: &str, category: &str| GrievanceInput {
        submission_key: format!("demo-grievance-{key}"),
        category: category.into(),
        establishment: centre.id.to_string(),
        consent: true,
        locale: "ar".into(),
        ..Default::default()
    };
    let file = |input: GrievanceInput| async move {
        grievances::file(
            store,
            actor,
            files,
            "2026-11/demo",
            &input,
            Vec::new(),
            DEFAULT_MAX_UPLOAD_BYTES,
        )
        .await
        .map_err(|e| anyhow::anyhow!("demo complaint: {e}"))
    };
    file(GrievanceInput {
        name: "خديجة بناني".into(),
        phone: "06 61 22 33 44".into(),
        answer_by: "sms".into(),
        facts: "الوجبات تصل باردة منذ أسبوعين ولا أحد يجيب عن اتصالاتنا.".into(),
        ..base("quality", "care_quality")
    })
    .await?;
    file(GrievanceInput {
        anonymous: true,
        answer_by: "none".into(),
        facts: "Un enfant est laissé seul la nuit dans le dortoir, sans surveillant.".into(),
        locale: "fr".into(),
        ..base("danger", "abuse_danger")
    })
    .await?;
    // A refused application of Rehamna, contested by its applicant.
    let refused = jisr_store::applications::Scoped::unscoped_for_system_jobs(store)
        .queue(&jisr_store::applications::QueueFilter {
            status: "refused".into(),
            ..Default::default()
        })
        .await?
        .0
        .into_iter()
        .map(|r| r.application)
        .find(|a| a.province_code == "07.427");
    if let Some(app) = refused {
        file(GrievanceInput {
            establishment: String::new(),
            name: app.applicant_name_fr.clone(),
            phone: app.applicant_phone.clone(),
            answer_by: "sms".into(),
            contested: app.tracking_code.clone(),
            facts: "Le refus ne tient pas compte de la situation de la famille.".into(),
            locale: "fr".into(),
            ..base("decision", "decision_about_me")
        })
        .await?;
    }
    // A letter received forty days ago, recorded now: past its deadline, escalated.
    let system = Scoped::unscoped_for_system_jobs(store);
    let forty_days_ago = chrono::Utc::now().date_naive() - chrono::Days::new(40);
    system
        .record(
            actor,
            files,
            &GrievanceInput {
                channel: "letter".into(),
                establishment: String::new(),
                commune: centre.commune_code.clone(),
                name: "Ahmed Ouazzani".into(),
                address: "Hay Al Massira, Ben Guerir".into(),
                answer_by: "post".into(),
                facts: "Ma demande de carte de handicap attend depuis six mois.".into(),
                received_on: forty_days_ago.to_string(),
                locale: "fr".into(),
                ..base("letter", "service_access")
            },
            Vec::new(),
            DEFAULT_MAX_UPLOAD_BYTES,
        )
        .await
        .map_err(|e| anyhow::anyhow!("demo complaint: {e}"))?;
    file(GrievanceInput {
        establishment: String::new(),
        commune: "07.431.01.03".into(),
        name: "Said Amrani".into(),
        phone: "06 70 11 22 33".into(),
        answer_by: "sms".into(),
        facts: "Le guichet de la délégation était fermé mardi matin.".into(),
        locale: "fr".into(),
        ..base("safi", "service_access")
    })
    .await?;
    Ok(())
}
