//! Anonymous staff working-conditions surveys: the programme owner launches one on a
//! questionnaire version to the staff of given regions (each gets a one-time link
//! through the outbox); followers read the results of their territory, shown only for
//! groups of at least five answers; the staff member answers once at the link, without
//! an account, and nothing kept joins the answer to them.

use super::partners::{ResultView, SectionView, result_views, sections};
use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::Capability;
use jisr_domain::partners::questionnaire::Answers;
use jisr_store::partners::PartnersError;
use jisr_store::partners_surveys::{self, Scoped, SurveyInput};
use std::collections::BTreeMap;

struct Pick {
    value: String,
    label: String,
    checked: bool,
}

struct Row {
    id: i64,
    title: String,
    dates: String,
    sent: u64,
    used: u64,
    illustrative: bool,
}

#[derive(Template)]
#[template(path = "partners/surveys.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Row>,
    runs: bool,
    versions: Vec<Pick>,
    regions: Vec<Pick>,
    title_ar: String,
    title_fr: String,
    opens_on: String,
    closes_on: String,
    errors: FieldErrors,
}

impl ListPage {
    fn error(&self, field: &str) -> Option<String> {
        let all = self.errors.all_for(field);
        (!all.is_empty()).then(|| all.join(" "))
    }
}

async fn list_page(
    ctx: &Ctx,
    input: Option<&SurveyInput>,
    errors: FieldErrors,
) -> Result<ListPage, WebError> {
    let chrome = ctx.chrome("surveys-title");
    let rows = Scoped::from(ctx.access())
        .list()
        .await?
        .into_iter()
        .map(|l| Row {
            id: l.survey.id,
            title: chrome
                .name(&l.survey.title_ar, &l.survey.title_fr)
                .to_owned(),
            dates: format!(
                "{} – {}",
                chrome.date(&l.survey.opens_on),
                chrome.date(&l.survey.closes_on)
            ),
            sent: l.sent,
            used: l.used,
            illustrative: l.survey.illustrative,
        })
        .collect();
    let runs = ctx.access().can(Capability::RunConsultations);
    let versions = if runs {
        jisr_store::partners::Scoped::from(ctx.access())
            .versions()
            .await?
            .into_iter()
            .map(|v| Pick {
                checked: input.is_some_and(|i| i.version == v.id.to_string()),
                label: format!(
                    "{} · {} {}",
                    chrome.name(&v.title_ar, &v.title_fr),
                    chrome.t("partners-version"),
                    v.number
                ),
                value: v.id.to_string(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let regions = jisr_store::geo::regions(ctx.state.store.conn())
        .await?
        .into_iter()
        .map(|r| Pick {
            checked: input.is_some_and(|i| i.territories.contains(&r.code)),
            label: chrome.name(&r.name_ar, &r.name_fr).to_owned(),
            value: r.code,
        })
        .collect();
    let today = jisr_domain::time::today();
    Ok(ListPage {
        rows,
        runs,
        versions,
        regions,
        title_ar: input.map(|i| i.title_ar.clone()).unwrap_or_default(),
        title_fr: input.map(|i| i.title_fr.clone()).unwrap_or_default(),
        opens_on: input
            .map(|i| i.opens_on.clone())
            .unwrap_or_else(|| today.to_string()),
        closes_on: input
            .map(|i| i.closes_on.clone())
            .unwrap_or_else(|| (today + chrono::Days::new(21)).to_string()),
        errors,
        chrome,
    })
}

pub async fn list(ctx: Ctx) -> Result<Response, WebError> {
    render(list_page(&ctx, None, FieldErrors::default()).await?).map(IntoResponse::into_response)
}

pub async fn launch(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut input = SurveyInput::default();
    for (k, v) in &pairs {
        match k.as_str() {
            "version" => input.version.clone_from(v),
            "title_ar" => input.title_ar.clone_from(v),
            "title_fr" => input.title_fr.clone_from(v),
            "territories" => input.territories.push(v.clone()),
            "opens_on" => input.opens_on.clone_from(v),
            "closes_on" => input.closes_on.clone_from(v),
            "illustrative" => input.illustrative = !v.is_empty(),
            _ => {}
        }
    }
    match Scoped::from(ctx.access()).launch(&ctx.actor, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/staff-surveys/{id}")).into_response()),
        Err(PartnersError::Fields(f)) => {
            let errors = FieldErrors::translate(&ctx.chrome("surveys-title"), f);
            let page = list_page(&ctx, Some(&input), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(PartnersError::Store(e)) => Err(e.into()),
        Err(e) => Err(WebError::Internal(e.to_string())),
    }
}

struct GroupView {
    province: String,
    answers: Option<u64>,
    results: Vec<ResultView>,
}

#[derive(Template)]
#[template(path = "partners/survey.html")]
struct ResultsPage {
    chrome: Chrome,
    dates: String,
    illustrative: bool,
    sent: u64,
    used: u64,
    groups: Vec<GroupView>,
    total: Option<u64>,
    total_results: Vec<ResultView>,
    national: bool,
}

pub async fn results(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let r = Scoped::from(ctx.access()).results(id).await?;
    let chrome = ctx.chrome("surveys-title");
    let chrome = {
        let t = chrome
            .name(&r.survey.title_ar, &r.survey.title_fr)
            .to_owned();
        chrome.with_title(t)
    };
    let names: BTreeMap<String, String> = jisr_store::geo::provinces(ctx.state.store.conn(), None)
        .await?
        .into_iter()
        .map(|p| {
            (
                p.code.clone(),
                chrome.name(&p.name_ar, &p.name_fr).to_owned(),
            )
        })
        .collect();
    let form = &r.version.questionnaire;
    let page = ResultsPage {
        dates: format!(
            "{} – {}",
            chrome.date(&r.survey.opens_on),
            chrome.date(&r.survey.closes_on)
        ),
        illustrative: r.survey.illustrative,
        sent: r.sent,
        used: r.used,
        groups: r
            .groups
            .iter()
            .map(|g| GroupView {
                province: names
                    .get(&g.province_code)
                    .cloned()
                    .unwrap_or_else(|| g.province_code.clone()),
                answers: g.answers,
                results: g
                    .results
                    .as_ref()
                    .map(|t| result_views(&chrome, form, t, &g.province_code))
                    .unwrap_or_default(),
            })
            .collect(),
        total: r.total.as_ref().map(|(n, _)| *n),
        total_results: r
            .total
            .as_ref()
            .map(|(_, t)| result_views(&chrome, form, t, "all"))
            .unwrap_or_default(),
        national: ctx.access().is_national(),
        chrome,
    };
    render(page).map(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "partners/survey_answer.html")]
struct AnswerPage {
    chrome: Chrome,
    token: String,
    sections: Vec<SectionView>,
    has_errors: bool,
    done: bool,
}

async fn answer_page(
    ctx: &Ctx,
    token: &str,
    typed: &Answers,
    errors: &BTreeMap<String, jisr_domain::partners::questionnaire::AnswerError>,
) -> Result<AnswerPage, WebError> {
    let o = partners_surveys::open(&ctx.state.store, token).await?;
    let chrome = ctx.chrome("surveys-title");
    let chrome = {
        let t = chrome
            .name(&o.survey.title_ar, &o.survey.title_fr)
            .to_owned();
        chrome.with_title(t)
    };
    Ok(AnswerPage {
        token: token.to_owned(),
        sections: sections(&chrome, &o.version.questionnaire, typed, errors),
        has_errors: !errors.is_empty(),
        done: false,
        chrome,
    })
}

pub async fn answer(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    render(answer_page(&ctx, &token, &Answers::new(), &BTreeMap::new()).await?)
        .map(IntoResponse::into_response)
}

pub async fn submit(
    ctx: Ctx,
    Path(token): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut answers = Answers::new();
    for (k, v) in pairs {
        if let Some(q) = k.strip_prefix("q.") {
            answers.entry(q.to_owned()).or_default().push(v);
        }
    }
    match partners_surveys::answer(&ctx.state.store, &token, &answers).await {
        Ok(()) => {
            let chrome = ctx.chrome("surveys-thanks");
            render(AnswerPage {
                chrome,
                token: String::new(),
                sections: Vec::new(),
                has_errors: false,
                done: true,
            })
            .map(IntoResponse::into_response)
        }
        Err(PartnersError::Answers(errors)) => {
            let page = answer_page(&ctx, &token, &answers, &errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(PartnersError::Store(e)) => Err(e.into()),
        Err(e) => Err(WebError::Internal(e.to_string())),
    }
}

/// The pages of staff surveys, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    // Examples: survey 1 reaches staff member 1 in Rehamna, survey 2 staff member 2 in
    // Casablanca.
    Routes::new()
        .add(
            Method::GET,
            "/staff-surveys",
            "/staff-surveys",
            Can(Capability::FollowConsultations),
            get(list),
        )
        .add(
            Method::POST,
            "/staff-surveys",
            "/staff-surveys",
            Can(Capability::RunConsultations),
            post(launch),
        )
        .add_record(
            Method::GET,
            "/staff-surveys/{id}",
            "/staff-surveys/1",
            Some("/staff-surveys/2"),
            Can(Capability::FollowConsultations),
            get(results),
        )
        .add(
            Method::GET,
            "/staff-survey/{token}",
            "/staff-survey/unknown",
            Public,
            get(answer),
        )
        .add(
            Method::POST,
            "/staff-survey/{token}",
            "/staff-survey/unknown",
            Public,
            post(submit),
        )
}
