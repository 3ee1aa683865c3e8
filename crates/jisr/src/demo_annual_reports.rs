//! Demo annual reports in Rehamna, so that the list, the review and the quality plan's
//! two report terms can be tried: the manager's establishment (1) with the report of
//! two years ago accepted and the latest year's still to start (overdue); the next
//! establishments with the latest report accepted, filed with food spending under
//! 2,000 MAD per beneficiary, and returned with remarks; the others overdue.

use anyhow::{Result, anyhow};
use jisr_domain::annual_reports::{Heading, latest_year};
use jisr_domain::establishments::Status;
use jisr_store::Store;
use jisr_store::annual_reports::{Decision, ReportError, Scoped};
use jisr_store::audit::Actor;

/// Fills a started report: beneficiaries (when the register has none), spending by
/// heading with `food` per beneficiary, and the funders.
async fn fill(
    reports: &Scoped<'_>,
    id: i64,
    food_each: u64,
) -> Result<jisr_domain::annual_reports::Figures> {
    let mut f = reports.report(id).await?.figures;
    if f.total_served() == 0 {
        f.served.insert("12_17:female".into(), 24);
        f.served.insert("12_17:male".into(), 16);
        for key in ["12_17:female", "12_17:male"] {
            f.reasons.insert(
                key.into(),
                "Registre saisi sur la plateforme en cours d'année — السجل أدخل خلال السنة".into(),
            );
        }
    }
    let served = f.total_served();
    let food = food_each * served;
    f.admissions = f.admissions.max(12);
    f.exits = f.exits.max(9);
    f.services_delivered = 640;
    f.staff_in_post = f.staff_in_post.max(6);
    for (h, budget, spent) in [
        (Heading::Food, food + 4_000, food),
        (Heading::Staff, 190_000, 184_500),
        (Heading::Health, 12_000, 9_800),
        (Heading::Education, 20_000, 18_200),
        (Heading::Premises, 25_000, 27_300),
        (Heading::Other, 6_000, 4_100),
    ] {
        f.budget.insert(h, budget);
        f.spending.insert(h, spent);
    }
    let total = f.total_spending();
    let agency = total * 6 / 10;
    let commune = total / 4;
    f.funders = vec![
        ("Entraide nationale — التعاون الوطني".into(), agency),
        ("Commune — الجماعة".into(), commune),
        (
            "INDH — المبادرة الوطنية للتنمية البشرية".into(),
            total - agency - commune,
        ),
    ];
    Ok(f)
}

pub async fn seed(store: &Store, actor: &Actor) -> Result<()> {
    let reports = Scoped::unscoped_for_system_jobs(store);
    let system = jisr_store::establishments::Scoped::unscoped_for_system_jobs(store);
    let (mut rehamna, _) = system
        .list(&jisr_store::establishments::ListFilter {
            status: Some(Status::Authorised),
            province: Some(jisr_domain::geo::ProvinceCode::parse("07.427")?),
            page: 1,
            ..Default::default()
        })
        .await?;
    rehamna.sort_by_key(|e| e.id);
    let err = |e: ReportError| anyhow!("demo annual reports: {e}");
    let latest = latest_year(jisr_domain::time::today());
    // (establishment index, year, food per beneficiary, what becomes of it)
    let plan: [(usize, i32, u64, &str); 4] = [
        (0, latest - 2, 2_400, "accept"),
        (1, latest, 2_650, "accept"),
        (2, latest, 1_700, "file"),
        (3, latest, 2_100, "return"),
    ];
    for (index, year, food, end) in plan {
        let Some(e) = rehamna.get(index) else {
            continue;
        };
        let id = reports
            .start(actor, Some(e.id), Some(year))
            .await
            .map_err(err)?;
        let figures = fill(&reports, id, food).await?;
        reports.file(actor, id, figures).await.map_err(err)?;
        match end {
            "accept" => reports
                .review(actor, id, Some(Decision::Accept), "")
                .await
                .map_err(err)?,
            "return" => reports
                .review(
                    actor,
                    id,
                    Some(Decision::Return),
                    "Détailler les prestations et joindre les relevés bancaires — يرجى تفصيل الخدمات وإرفاق الكشوف البنكية",
                )
                .await
                .map_err(err)?,
            _ => {}
        }
    }
    Ok(())
}
