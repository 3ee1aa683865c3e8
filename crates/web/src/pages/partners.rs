//! Partners: consultations of establishments. The programme owner's side: questionnaires
//! imported from XLSForm (refused rows listed by name and row), and the launch of a
//! consultation to establishments of given categories and territories. The followers'
//! side: the list, and a consultation's progress and results per province with charts.
//! The manager's side: the establishment's answer, saved as a draft, resumed and
//! submitted once — a plain form that works on a phone and without JavaScript.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Form, Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::Capability;
use jisr_domain::partners::campaign::{AnswerStatus, Phase};
use jisr_domain::partners::questionnaire::{
    AnswerError, Answers, Condition, Kind, Questionnaire, Tally, format_number,
};
use jisr_domain::partners::xlsform::XlsFormError;
use jisr_store::partners::{self, LaunchInput, PartnersError, Scoped};
use std::collections::BTreeMap;

/// A choice of a form list.
pub(crate) struct Pick {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

fn phase_label(chrome: &Chrome, p: Phase) -> String {
    chrome.t(&format!("partners-phase-{}", p.code()))
}

fn status_label(chrome: &Chrome, s: AnswerStatus) -> String {
    chrome.t(&format!("partners-status-{}", s.as_str().replace('_', "-")))
}

/// A consultation in the list.
struct Row {
    id: i64,
    title: String,
    phase: String,
    dates: String,
    targeted: u64,
    submitted: u64,
    illustrative: bool,
    /// The manager's own answer: its link and status.
    mine: Option<(i64, String)>,
}

#[derive(Template)]
#[template(path = "partners/list.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Row>,
    runs: bool,
}

pub async fn list(ctx: Ctx) -> Result<Response, WebError> {
    let chrome = ctx.chrome("partners-list-title");
    let listed = Scoped::from(ctx.access()).list().await?;
    let rows = listed
        .into_iter()
        .map(|l| {
            let c = &l.consultation;
            Row {
                id: c.id,
                title: chrome.name(&c.title_ar, &c.title_fr).to_owned(),
                phase: phase_label(&chrome, partners::phase(c)),
                dates: format!(
                    "{} – {}",
                    chrome.date(&c.opens_on),
                    chrome.date(&c.closes_on)
                ),
                targeted: l.targeted,
                submitted: l.submitted,
                illustrative: c.illustrative,
                mine: l.my_target.map(|t| {
                    let s = AnswerStatus::parse(&t.status).unwrap_or(AnswerStatus::NotStarted);
                    (t.id, status_label(&chrome, s))
                }),
            }
        })
        .collect();
    let runs = ctx.access().can(Capability::RunConsultations);
    render(ListPage { chrome, rows, runs }).map(IntoResponse::into_response)
}

/// A questionnaire version in the list.
struct VersionRow {
    title: String,
    form_id: String,
    number: i32,
    label: String,
    imported_at: String,
}

#[derive(Template)]
#[template(path = "partners/questionnaires.html")]
struct QuestionnairesPage {
    chrome: Chrome,
    versions: Vec<VersionRow>,
    /// The refused rows of the last import, as sentences.
    import_errors: Vec<String>,
    imported: bool,
    /// The launch form.
    version_picks: Vec<Pick>,
    categories: Vec<Pick>,
    territories: Vec<Pick>,
    form: LaunchForm,
    errors: FieldErrors,
}

impl QuestionnairesPage {
    fn error(&self, field: &str) -> Option<String> {
        let all = self.errors.all_for(field);
        (!all.is_empty()).then(|| all.join(" "))
    }
}

#[derive(Default, Clone)]
struct LaunchForm {
    title_ar: String,
    title_fr: String,
    opens_on: String,
    closes_on: String,
    illustrative: bool,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct Done {
    imported: Option<String>,
}

async fn questionnaires_page(
    ctx: &Ctx,
    input: Option<&LaunchInput>,
    errors: FieldErrors,
    import_errors: Vec<String>,
) -> Result<QuestionnairesPage, WebError> {
    let chrome = ctx.chrome("partners-questionnaires-title");
    let rows = Scoped::from(ctx.access()).versions().await?;
    let chosen =
        |list: Option<&Vec<String>>, v: &str| list.is_some_and(|l| l.iter().any(|x| x == v));
    let version_picks = rows
        .iter()
        .map(|v| Pick {
            value: v.id.to_string(),
            label: format!(
                "{} · {} {}",
                chrome.name(&v.title_ar, &v.title_fr),
                chrome.t("partners-version"),
                v.number
            ),
            checked: input.is_some_and(|i| i.version == v.id.to_string()),
        })
        .collect();
    let versions = rows
        .into_iter()
        .map(|v| VersionRow {
            title: chrome.name(&v.title_ar, &v.title_fr).to_owned(),
            form_id: v.form_id,
            number: v.number,
            label: v.version_label,
            imported_at: chrome.date(&v.imported_at),
        })
        .collect();
    let categories = jisr_store::establishments::categories(&ctx.state.store)
        .await?
        .into_iter()
        .map(|c| Pick {
            checked: chosen(input.map(|i| &i.categories), &c.code),
            label: chrome.name(&c.name_ar, &c.name_fr).to_owned(),
            value: c.code,
        })
        .collect();
    let territories = jisr_store::geo::regions(ctx.state.store.conn())
        .await?
        .into_iter()
        .map(|r| Pick {
            checked: chosen(input.map(|i| &i.territories), &r.code),
            label: chrome.name(&r.name_ar, &r.name_fr).to_owned(),
            value: r.code,
        })
        .collect();
    let today = jisr_domain::time::today();
    let form = match input {
        Some(i) => LaunchForm {
            title_ar: i.title_ar.clone(),
            title_fr: i.title_fr.clone(),
            opens_on: i.opens_on.clone(),
            closes_on: i.closes_on.clone(),
            illustrative: i.illustrative,
        },
        None => LaunchForm {
            opens_on: today.to_string(),
            closes_on: (today + chrono::Days::new(30)).to_string(),
            ..Default::default()
        },
    };
    Ok(QuestionnairesPage {
        chrome,
        versions,
        import_errors,
        imported: false,
        version_picks,
        categories,
        territories,
        form,
        errors,
    })
}

pub async fn questionnaires(ctx: Ctx, Query(done): Query<Done>) -> Result<Response, WebError> {
    let mut page = questionnaires_page(&ctx, None, FieldErrors::default(), Vec::new()).await?;
    page.imported = done.imported.is_some();
    render(page).map(IntoResponse::into_response)
}

/// A refused row as a sentence: the problem, its name, the sheet and the row.
fn xls_error(chrome: &Chrome, e: &XlsFormError) -> String {
    chrome.targs(
        e.problem.key(),
        &[
            ("name", e.problem.name().to_owned()),
            ("sheet", e.sheet.to_owned()),
            ("row", e.row.to_string()),
        ],
    )
}

pub async fn import(
    ctx: Ctx,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let mut bytes = None;
    if let Ok(mut form) = multipart {
        while let Ok(Some(field)) = form.next_field().await {
            if field.name() == Some("file") {
                bytes = field.bytes().await.ok();
            }
        }
    }
    let chrome = ctx.chrome("partners-questionnaires-title");
    let errors = match bytes.filter(|b| !b.is_empty()) {
        None => vec![chrome.t("partners-import-no-file")],
        Some(bytes) => match Scoped::from(ctx.access())
            .import_xlsform(&ctx.actor, &bytes)
            .await
        {
            Ok(_) => return Ok(Redirect::to("/questionnaires?imported=1").into_response()),
            Err(PartnersError::Unreadable) => vec![chrome.t("partners-import-unreadable")],
            Err(PartnersError::XlsForm(rows)) => {
                rows.iter().map(|e| xls_error(&chrome, e)).collect()
            }
            Err(PartnersError::Store(e)) => return Err(e.into()),
            Err(_) => vec![chrome.t("partners-import-unreadable")],
        },
    };
    let page = questionnaires_page(&ctx, None, FieldErrors::default(), errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

fn launch_input(pairs: &[(String, String)]) -> LaunchInput {
    let mut i = LaunchInput::default();
    for (k, v) in pairs {
        match k.as_str() {
            "version" => i.version.clone_from(v),
            "title_ar" => i.title_ar.clone_from(v),
            "title_fr" => i.title_fr.clone_from(v),
            "categories" => i.categories.push(v.clone()),
            "territories" => i.territories.push(v.clone()),
            "opens_on" => i.opens_on.clone_from(v),
            "closes_on" => i.closes_on.clone_from(v),
            "illustrative" => i.illustrative = !v.is_empty(),
            _ => {}
        }
    }
    i
}

pub async fn launch(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let input = launch_input(&pairs);
    match Scoped::from(ctx.access()).launch(&ctx.actor, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/consultations/{id}")).into_response()),
        Err(PartnersError::Fields(fields)) => {
            let errors =
                FieldErrors::translate(&ctx.chrome("partners-questionnaires-title"), fields);
            let page = questionnaires_page(&ctx, Some(&input), errors, Vec::new()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(PartnersError::Store(e)) => Err(e.into()),
        Err(e) => Err(WebError::Internal(e.to_string())),
    }
}

/// One question's results as shown: its label, the answered count, the counts by
/// value with their share, the mean, and a chart.
pub(super) struct ResultView {
    pub(super) label: String,
    pub(super) answered: u64,
    pub(super) counts: Vec<(String, u64, u64)>,
    pub(super) mean: Option<String>,
    pub(super) chart: Option<String>,
}

pub(super) fn result_views(
    chrome: &Chrome,
    form: &Questionnaire,
    tallies: &[Tally],
    chart_prefix: &str,
) -> Vec<ResultView> {
    use jisr_charts::{Categorical, Frame, Orientation};
    let locale = chrome.lang();
    tallies
        .iter()
        .filter_map(|t| {
            let q = form.question(&t.question)?;
            let choices = form.choices(q);
            let counts: Vec<(String, u64, u64)> = t
                .counts
                .iter()
                .map(|(v, n)| {
                    let label = choices
                        .iter()
                        .find(|c| c.name == *v)
                        .map(|c| c.label.get(locale).to_owned())
                        .unwrap_or_else(|| v.clone());
                    let share = (n * 100).checked_div(t.answered).unwrap_or(0);
                    (label, *n, share)
                })
                .collect();
            let chart = (!counts.is_empty() && t.answered > 0).then(|| {
                let data = Categorical::single(
                    chrome.t("partners-answer-value"),
                    chrome.t("partners-answer-count"),
                    counts
                        .iter()
                        .map(|(l, n, _)| (l.clone(), *n as f64))
                        .collect(),
                );
                let fmt = |v: f64| jisr_i18n::format_count(chrome.locale, v.round() as i64);
                let dir = if chrome.dir() == "rtl" {
                    jisr_charts::Direction::Rtl
                } else {
                    jisr_charts::Direction::Ltr
                };
                let frame = Frame::new(
                    format!("{chart_prefix}-{}", t.question),
                    q.label.get(locale),
                    chrome.t("partners-chart-desc"),
                    dir,
                )
                .size(560.0, 50.0 + 30.0 * counts.len() as f64)
                .lang(chrome.lang());
                jisr_charts::bars(&frame, &data, Orientation::Horizontal, &fmt)
            });
            Some(ResultView {
                label: q.label.get(locale).to_owned(),
                answered: t.answered,
                counts,
                mean: t.mean.map(|m| format_number((m * 100.0).round() / 100.0)),
                chart,
            })
        })
        .collect()
}

struct ProgressRow {
    province: String,
    targeted: u64,
    drafts: u64,
    submitted: u64,
    waiting: u64,
}

#[derive(Template)]
#[template(path = "partners/consultation.html")]
struct ConsultationPage {
    chrome: Chrome,
    phase: String,
    dates: String,
    illustrative: bool,
    questionnaire: String,
    progress: Vec<ProgressRow>,
    results: Vec<ResultView>,
    by_province: Vec<(String, Vec<ResultView>)>,
}

pub async fn consultation(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let o = Scoped::from(ctx.access()).overview(id).await?;
    let chrome = ctx.chrome("partners-list-title");
    let chrome = {
        let title = chrome
            .name(&o.consultation.title_ar, &o.consultation.title_fr)
            .to_owned();
        chrome.with_title(title)
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
    let name = |code: &str| names.get(code).cloned().unwrap_or_else(|| code.to_owned());
    let form = &o.version.questionnaire;
    let page = ConsultationPage {
        phase: phase_label(&chrome, partners::phase(&o.consultation)),
        dates: format!(
            "{} – {}",
            chrome.date(&o.consultation.opens_on),
            chrome.date(&o.consultation.closes_on)
        ),
        illustrative: o.consultation.illustrative,
        questionnaire: format!(
            "{} · {} {}",
            form.title.get(chrome.lang()),
            chrome.t("partners-version"),
            o.version.row.number
        ),
        progress: o
            .progress
            .iter()
            .map(|p| ProgressRow {
                province: name(&p.province_code),
                targeted: p.targeted,
                drafts: p.drafts,
                submitted: p.submitted,
                waiting: p.targeted - p.submitted,
            })
            .collect(),
        results: result_views(&chrome, form, &o.results, "all"),
        by_province: o
            .results_by_province
            .iter()
            .map(|(p, t)| (name(p), result_views(&chrome, form, t, p)))
            .collect(),
        chrome,
    };
    render(page).map(IntoResponse::into_response)
}

/// One question as the answer form shows it.
pub(super) struct FieldView {
    pub(super) name: String,
    pub(super) label: String,
    pub(super) hint: String,
    /// `radio`, `checkbox`, `number`, `date`, `text`, `textarea`.
    pub(super) input: &'static str,
    pub(super) required: bool,
    /// The sentence saying when it applies, for a conditional question.
    pub(super) when: String,
    pub(super) value: String,
    pub(super) choices: Vec<Pick>,
    pub(super) min: String,
    pub(super) max: String,
    pub(super) step: &'static str,
    pub(super) error: Option<String>,
}

pub(super) struct SectionView {
    pub(super) label: String,
    pub(super) fields: Vec<FieldView>,
}

#[derive(Template)]
#[template(path = "partners/answer.html")]
struct AnswerPage {
    chrome: Chrome,
    id: i64,
    establishment: String,
    status: String,
    submitted: bool,
    open: bool,
    phase: String,
    illustrative: bool,
    sections: Vec<SectionView>,
    has_errors: bool,
    refused: Option<String>,
    saved: bool,
}

fn when_text(chrome: &Chrome, form: &Questionnaire, c: &Condition) -> String {
    let locale = chrome.lang();
    let value_label = |q: &str, v: &str| {
        form.question(q)
            .map(|q| {
                form.choices(q)
                    .iter()
                    .find(|c| c.name == v)
                    .map(|c| c.label.get(locale).to_owned())
                    .unwrap_or_else(|| v.to_owned())
            })
            .unwrap_or_else(|| v.to_owned())
    };
    let q_label = |q: &str| {
        form.question(q)
            .map(|q| q.label.get(locale).to_owned())
            .unwrap_or_else(|| q.to_owned())
    };
    match c {
        Condition::Equals { question, value } | Condition::Contains { question, value } => chrome
            .targs(
                "partners-when-is",
                &[
                    ("question", q_label(question)),
                    ("value", value_label(question, value)),
                ],
            ),
        Condition::NotEquals { question, value } => chrome.targs(
            "partners-when-is-not",
            &[
                ("question", q_label(question)),
                ("value", value_label(question, value)),
            ],
        ),
        Condition::All { of } => of
            .iter()
            .map(|c| when_text(chrome, form, c))
            .collect::<Vec<_>>()
            .join(&format!(" {} ", chrome.t("partners-when-and"))),
        Condition::Any { of } => of
            .iter()
            .map(|c| when_text(chrome, form, c))
            .collect::<Vec<_>>()
            .join(&format!(" {} ", chrome.t("partners-when-or"))),
    }
}

pub(super) fn error_text(chrome: &Chrome, e: &AnswerError) -> String {
    match e.bound() {
        Some(n) => chrome.targs(e.key(), &[("bound", format_number(n))]),
        None => chrome.t(e.key()),
    }
}

pub(super) fn sections(
    chrome: &Chrome,
    form: &Questionnaire,
    answers: &Answers,
    errors: &BTreeMap<String, AnswerError>,
) -> Vec<SectionView> {
    let locale = chrome.lang();
    form.sections
        .iter()
        .map(|s| SectionView {
            label: s.label.get(locale).to_owned(),
            fields: s
                .questions
                .iter()
                .map(|q| {
                    let given: Vec<&String> = answers.get(&q.name).into_iter().flatten().collect();
                    let (input, min, max, step) = match &q.kind {
                        Kind::Single { .. } => ("radio", None, None, "1"),
                        Kind::Multiple { .. } => ("checkbox", None, None, "1"),
                        Kind::Number { integer, min, max } => {
                            ("number", *min, *max, if *integer { "1" } else { "any" })
                        }
                        Kind::Scale { min, max } => {
                            ("radio", Some(*min as f64), Some(*max as f64), "1")
                        }
                        Kind::Date => ("date", None, None, "1"),
                        Kind::ShortText => ("text", None, None, "1"),
                        Kind::LongText => ("textarea", None, None, "1"),
                    };
                    let choices = match &q.kind {
                        Kind::Scale { min, max } => (*min..=*max)
                            .map(|n| Pick {
                                checked: given.iter().any(|g| **g == n.to_string()),
                                label: n.to_string(),
                                value: n.to_string(),
                            })
                            .collect(),
                        _ => form
                            .choices(q)
                            .iter()
                            .map(|c| Pick {
                                checked: given.iter().any(|g| **g == c.name),
                                label: c.label.get(locale).to_owned(),
                                value: c.name.clone(),
                            })
                            .collect(),
                    };
                    FieldView {
                        name: q.name.clone(),
                        label: q.label.get(locale).to_owned(),
                        hint: q.hint.get(locale).to_owned(),
                        input,
                        required: q.required,
                        when: q
                            .show_if
                            .as_ref()
                            .map(|c| when_text(chrome, form, c))
                            .unwrap_or_default(),
                        value: given.first().map(|s| s.to_string()).unwrap_or_default(),
                        choices,
                        min: min.map(format_number).unwrap_or_default(),
                        max: max.map(format_number).unwrap_or_default(),
                        step,
                        error: errors.get(&q.name).map(|e| error_text(chrome, e)),
                    }
                })
                .collect(),
        })
        .collect()
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct Saved {
    saved: Option<String>,
}

async fn answer_page(
    ctx: &Ctx,
    id: i64,
    typed: Option<&Answers>,
    errors: &BTreeMap<String, AnswerError>,
    refused: Option<String>,
) -> Result<AnswerPage, WebError> {
    let v = Scoped::from(ctx.access()).target(id).await?;
    let chrome = ctx.chrome("partners-list-title");
    let chrome = {
        let title = chrome
            .name(&v.consultation.title_ar, &v.consultation.title_fr)
            .to_owned();
        chrome.with_title(title)
    };
    let phase = partners::phase(&v.consultation);
    let answers = typed.unwrap_or(&v.answers);
    Ok(AnswerPage {
        id,
        establishment: chrome
            .name(&v.establishment.name_ar, &v.establishment.name_fr)
            .to_owned(),
        status: status_label(&chrome, v.status),
        submitted: v.status == AnswerStatus::Submitted,
        open: phase == Phase::Open,
        phase: phase_label(&chrome, phase),
        illustrative: v.consultation.illustrative,
        sections: sections(&chrome, &v.version.questionnaire, answers, errors),
        has_errors: !errors.is_empty(),
        refused,
        saved: false,
        chrome,
    })
}

pub async fn answer(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(saved): Query<Saved>,
) -> Result<Response, WebError> {
    let mut page = answer_page(&ctx, id, None, &BTreeMap::new(), None).await?;
    page.saved = saved.saved.is_some();
    render(page).map(IntoResponse::into_response)
}

pub async fn save(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut answers = Answers::new();
    let mut submit = false;
    for (k, v) in pairs {
        if k == "action" {
            submit = v == "submit";
        } else if let Some(q) = k.strip_prefix("q.") {
            answers.entry(q.to_owned()).or_default().push(v);
        }
    }
    match Scoped::from(ctx.access())
        .save_answer(&ctx.actor, id, &answers, submit)
        .await
    {
        Ok(AnswerStatus::Submitted) => Ok(Redirect::to(&format!(
            "/consultation-answers/{id}?saved=submitted"
        ))
        .into_response()),
        Ok(_) => {
            Ok(Redirect::to(&format!("/consultation-answers/{id}?saved=draft")).into_response())
        }
        Err(PartnersError::Answers(errors)) => {
            let page = answer_page(&ctx, id, Some(&answers), &errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(PartnersError::Refused(r)) => {
            let chrome = ctx.chrome("partners-list-title");
            let page = answer_page(
                &ctx,
                id,
                Some(&answers),
                &BTreeMap::new(),
                Some(chrome.t(r.key())),
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(PartnersError::Store(e)) => Err(e.into()),
        Err(e) => Err(WebError::Internal(e.to_string())),
    }
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    Routes::new()
        // Examples: consultation 1 reaches establishment 1 in Rehamna (target 1),
        // consultation 2 establishment 2 in Casablanca (target 2).
        .add(
            Method::GET,
            "/consultations",
            "/consultations",
            SignedIn,
            get(list),
        )
        .add(
            Method::POST,
            "/consultations",
            "/consultations",
            Can(Capability::RunConsultations),
            post(launch),
        )
        .add(
            Method::GET,
            "/questionnaires",
            "/questionnaires",
            Can(Capability::RunConsultations),
            get(questionnaires),
        )
        .add(
            Method::POST,
            "/questionnaires",
            "/questionnaires",
            Can(Capability::RunConsultations),
            post(import),
        )
        .add_record(
            Method::GET,
            "/consultations/{id}",
            "/consultations/1",
            Some("/consultations/2"),
            Can(Capability::FollowConsultations),
            get(consultation),
        )
        .add_record(
            Method::GET,
            "/consultation-answers/{id}",
            "/consultation-answers/1",
            Some("/consultation-answers/2"),
            Can(Capability::AnswerConsultations),
            get(answer),
        )
        .add_record(
            Method::POST,
            "/consultation-answers/{id}",
            "/consultation-answers/1",
            Some("/consultation-answers/2"),
            Can(Capability::AnswerConsultations),
            post(save),
        )
}
