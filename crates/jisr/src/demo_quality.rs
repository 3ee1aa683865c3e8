//! Demo quality of care: visits of Rehamna establishments with their ratings (one capped
//! by a critical failure), open corrective actions, and one visit still to conduct.

use anyhow::{Result, anyhow};
use jisr_domain::establishments::Status;
use jisr_store::Store;
use jisr_store::audit::Actor;
use jisr_store::quality::{ActionInput, ConductInput, Scoped};

/// A level for every criterion of a visit's grid, some not met, with observations.
fn scores(
    grid: &jisr_store::quality::Grid,
    not_met: &[(&str, &str, &str)],
) -> std::collections::BTreeMap<String, (String, String)> {
    grid.criteria
        .criteria
        .iter()
        .map(|c| {
            let (level, note) = not_met
                .iter()
                .find(|(code, _, _)| *code == c.code)
                .map(|(_, l, n)| ((*l).to_owned(), (*n).to_owned()))
                .unwrap_or_else(|| ("compliant".into(), String::new()));
            (c.code.clone(), (level, note))
        })
        .collect()
}

pub async fn seed(store: &Store, actor: &Actor) -> Result<()> {
    let quality = Scoped::unscoped_for_system_jobs(store);
    let system = jisr_store::establishments::Scoped::unscoped_for_system_jobs(store);
    let (rows, _) = system
        .list(&jisr_store::establishments::ListFilter {
            status: Some(Status::Authorised),
            province: Some(jisr_domain::geo::ProvinceCode::parse("07.427")?),
            page: 1,
            ..Default::default()
        })
        .await?;
    let mut rehamna = rows;
    rehamna.sort_by_key(|e| e.id);
    let today = chrono::Utc::now()
        .with_timezone(&jisr_domain::time::ZONE)
        .date_naive();
    let in_days = |d: i64| (today + chrono::Duration::days(d)).to_string();
    let err = |e: jisr_store::quality::QualityError| anyhow!("demo quality: {e}");

    // The manager's establishment (1): visited five months ago; fire safety not met caps
    // the rating; two corrective actions, one due today.
    if let Some(first) = rehamna.first() {
        let visit = quality
            .schedule(actor, first.id, &in_days(-150), false, "")
            .await
            .map_err(err)?;
        let grid = quality.visit(visit).await?.grid;
        let input = ConductInput {
            conducted_on: in_days(-150),
            scores: scores(
                &grid,
                &[
                    ("p.2", "not_compliant", "Deux extincteurs périmés, aucun exercice d'évacuation consigné."),
                    ("h.2", "partly", "Menus non affichés dans le réfectoire."),
                    ("c.1", "partly", "Trois dossiers sans certificat de scolarité."),
                ],
            ),
            findings: "Entretiens avec la directrice, l'intendante et deux éducatrices. Locaux propres ; la sécurité incendie est à reprendre.".into(),
        };
        quality.conduct(actor, visit, &input).await.map_err(err)?;
        for (criterion, what, due, priority) in [
            (
                "p.2",
                "Remplacer les extincteurs et organiser un exercice d'évacuation",
                in_days(0),
                "high",
            ),
            (
                "h.2",
                "Afficher les menus de la semaine dans le réfectoire",
                in_days(30),
                "normal",
            ),
        ] {
            quality
                .open_action(
                    actor,
                    visit,
                    &ActionInput {
                        criterion: criterion.into(),
                        what: what.into(),
                        party: "establishment".into(),
                        due_on: due,
                        priority: priority.into(),
                    },
                )
                .await
                .map_err(err)?;
        }
    }
    // A second establishment visited well over a year ago, rated good.
    if let Some(second) = rehamna.get(1) {
        let visit = quality
            .schedule(actor, second.id, &in_days(-420), true, "")
            .await
            .map_err(err)?;
        let grid = quality.visit(visit).await?.grid;
        let input = ConductInput {
            conducted_on: in_days(-420),
            scores: scores(
                &grid,
                &[("g.2", "partly", "Règlement intérieur adopté, non affiché.")],
            ),
            findings: "Visite annoncée ; bon accueil, registres tenus.".into(),
        };
        quality.conduct(actor, visit, &input).await.map_err(err)?;
    }
    // A third, never visited: an unannounced visit planned next week.
    if let Some(third) = rehamna.get(2) {
        quality
            .schedule(actor, third.id, &in_days(7), false, "")
            .await
            .map_err(err)?;
    }
    Ok(())
}
