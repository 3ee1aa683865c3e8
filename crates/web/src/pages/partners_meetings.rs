//! Partner meetings: a provincial officer lists and creates the meetings of their
//! province, invites people and organisations (the invitation goes through the outbox),
//! records their answers and attendance, writes the minutes with decisions and a public
//! summary, and follows the actions to closure (overdue ones flagged). A printable
//! attendance sheet; the public summaries at `/partner-meetings`.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::Capability;
use jisr_domain::partners::meetings::{
    ActionInput, InvitationAnswer, InviteeInput, MeetingInput, MeetingKind, overdue,
};
use jisr_store::partners_meetings::{MeetingError, MinutesInput, Scoped};

fn kind_label(chrome: &Chrome, kind: &str) -> String {
    chrome.t(&format!("meetings-kind-{}", kind.replace('_', "-")))
}

struct Pick {
    value: String,
    label: String,
    checked: bool,
}

struct Row {
    id: i64,
    title: String,
    kind: String,
    held_on: String,
    place: String,
}

#[derive(Template)]
#[template(path = "partners/meetings.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Row>,
    provinces: Vec<Pick>,
    kinds: Vec<Pick>,
    form: MeetingInput,
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
    form: MeetingInput,
    province: &str,
    errors: FieldErrors,
) -> Result<ListPage, WebError> {
    let chrome = ctx.chrome("meetings-title");
    let rows = Scoped::from(ctx.access())
        .list()
        .await?
        .into_iter()
        .map(|m| Row {
            id: m.id,
            kind: kind_label(&chrome, &m.kind),
            held_on: chrome.date(&m.held_on),
            title: m.title,
            place: m.place,
        })
        .collect();
    let access = ctx.access();
    let provinces = jisr_store::geo::provinces(ctx.state.store.conn(), None)
        .await?
        .into_iter()
        .filter(|p| {
            jisr_domain::geo::ProvinceCode::parse(&p.code)
                .is_ok_and(|c| access.can_in_province(Capability::HoldPartnerMeetings, &c))
        })
        .map(|p| Pick {
            checked: p.code == province,
            label: chrome.name(&p.name_ar, &p.name_fr).to_owned(),
            value: p.code,
        })
        .collect();
    let kinds = MeetingKind::ALL
        .iter()
        .map(|k| Pick {
            value: k.as_str().into(),
            label: kind_label(&chrome, k.as_str()),
            checked: form.kind == k.as_str(),
        })
        .collect();
    Ok(ListPage {
        chrome,
        rows,
        provinces,
        kinds,
        form,
        errors,
    })
}

pub async fn list(ctx: Ctx) -> Result<Response, WebError> {
    let page = list_page(&ctx, MeetingInput::default(), "", FieldErrors::default()).await?;
    render(page).map(IntoResponse::into_response)
}

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

fn fields_error(ctx: &Ctx, e: MeetingError) -> Result<FieldErrors, WebError> {
    match e {
        MeetingError::Fields(f) => Ok(FieldErrors::translate(&ctx.chrome("meetings-title"), f)),
        MeetingError::Store(e) => Err(e.into()),
    }
}

pub async fn create(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let input = MeetingInput {
        title: get(&pairs, "title").into(),
        kind: get(&pairs, "kind").into(),
        held_on: get(&pairs, "held_on").into(),
        starts_at: get(&pairs, "starts_at").into(),
        place: get(&pairs, "place").into(),
        agenda: get(&pairs, "agenda").into(),
    };
    let province = get(&pairs, "province");
    match Scoped::from(ctx.access())
        .create(&ctx.actor, province, &input)
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/meetings/{id}")).into_response()),
        Err(e) => {
            let errors = fields_error(&ctx, e)?;
            let page = list_page(&ctx, input, province, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
    }
}

struct InviteeView {
    id: i64,
    name: String,
    organisation: String,
    contact: String,
    answers: Vec<Pick>,
    attended: Option<bool>,
}

struct ActionView {
    id: i64,
    description: String,
    owner: String,
    due_on: String,
    closed_on: Option<String>,
    overdue: bool,
}

#[derive(Template)]
#[template(path = "partners/meeting.html")]
struct MeetingPage {
    chrome: Chrome,
    id: i64,
    kind: String,
    held_on: String,
    starts_at: String,
    place: String,
    agenda: Vec<String>,
    invitees: Vec<InviteeView>,
    actions: Vec<ActionView>,
    minutes: String,
    decisions: String,
    decision_list: Vec<String>,
    is_public: bool,
    public_summary: String,
    invite: InviteeInput,
    action: ActionInput,
    errors: FieldErrors,
    /// Which form the errors belong to.
    failed: &'static str,
}

impl MeetingPage {
    fn error(&self, field: &str) -> Option<String> {
        let all = self.errors.all_for(field);
        (!all.is_empty()).then(|| all.join(" "))
    }
}

async fn meeting_page(ctx: &Ctx, id: i64, title_key: &str) -> Result<MeetingPage, WebError> {
    let v = Scoped::from(ctx.access()).meeting(id).await?;
    let chrome = ctx.chrome(title_key).with_title(v.meeting.title.clone());
    let today = jisr_domain::time::today();
    let m = &v.meeting;
    Ok(MeetingPage {
        id,
        kind: kind_label(&chrome, &m.kind),
        held_on: chrome.date(&m.held_on),
        starts_at: m.starts_at.clone(),
        place: m.place.clone(),
        agenda: jisr_domain::partners::meetings::lines(&m.agenda),
        invitees: v
            .invitees
            .iter()
            .map(|i| InviteeView {
                id: i.id,
                name: i.name.clone(),
                organisation: i.organisation.clone(),
                contact: i.contact.clone(),
                answers: InvitationAnswer::ALL
                    .iter()
                    .map(|a| Pick {
                        value: a.as_str().into(),
                        label: chrome.t(&format!("meetings-answer-{}", a.as_str())),
                        checked: i.answer == a.as_str(),
                    })
                    .collect(),
                attended: i.attended,
            })
            .collect(),
        actions: v
            .actions
            .iter()
            .map(|a| ActionView {
                id: a.id,
                description: a.description.clone(),
                owner: a.owner.clone(),
                due_on: chrome.date(&a.due_on),
                closed_on: a.closed_on.as_deref().map(|d| chrome.date(d)),
                overdue: chrono::NaiveDate::parse_from_str(&a.due_on, "%Y-%m-%d")
                    .is_ok_and(|d| overdue(d, a.closed_on.is_some(), today)),
            })
            .collect(),
        minutes: m.minutes.clone(),
        decisions: m.decisions.clone(),
        decision_list: jisr_domain::partners::meetings::lines(&m.decisions),
        is_public: m.is_public,
        public_summary: m.public_summary.clone(),
        invite: InviteeInput::default(),
        action: ActionInput::default(),
        errors: FieldErrors::default(),
        failed: "",
        chrome,
    })
}

pub async fn meeting(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    render(meeting_page(&ctx, id, "meetings-title").await?).map(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "partners/attendance_sheet.html")]
struct SheetPage {
    chrome: Chrome,
    id: i64,
    kind: String,
    held_on: String,
    place: String,
    invitees: Vec<InviteeView>,
    blank: Vec<usize>,
}

pub async fn sheet(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let p = meeting_page(&ctx, id, "meetings-sheet-title").await?;
    let first = p.invitees.len() + 1;
    render(SheetPage {
        chrome: p.chrome,
        id: p.id,
        kind: p.kind,
        held_on: p.held_on,
        place: p.place,
        invitees: p.invitees,
        blank: (first..first + 5).collect(),
    })
    .map(IntoResponse::into_response)
}

fn back(id: i64, done: &str) -> Response {
    Redirect::to(&format!("/meetings/{id}#{done}")).into_response()
}

async fn refused(
    ctx: &Ctx,
    id: i64,
    e: MeetingError,
    failed: &'static str,
    fill: impl FnOnce(&mut MeetingPage),
) -> Result<Response, WebError> {
    let errors = fields_error(ctx, e)?;
    let mut page = meeting_page(ctx, id, "meetings-title").await?;
    page.errors = errors;
    page.failed = failed;
    fill(&mut page);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

pub async fn invite(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let input = InviteeInput {
        name: get(&pairs, "name").into(),
        organisation: get(&pairs, "organisation").into(),
        contact: get(&pairs, "contact").into(),
    };
    match Scoped::from(ctx.access())
        .invite(&ctx.actor, id, &input)
        .await
    {
        Ok(_) => Ok(back(id, "invitees")),
        Err(e) => refused(&ctx, id, e, "invite", |p| p.invite = input).await,
    }
}

pub async fn answers(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.meeting(id).await?;
    for (k, v) in &pairs {
        if let Some(Ok(invitee)) = k.strip_prefix("answer.").map(str::parse::<i64>)
            && let Err(e) = scoped.record_answer(&ctx.actor, id, invitee, v).await
        {
            return refused(&ctx, id, e, "answers", |_| {}).await;
        }
    }
    Ok(back(id, "invitees"))
}

pub async fn attendance(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let present: Vec<i64> = pairs
        .iter()
        .filter(|(k, _)| k == "present")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    match Scoped::from(ctx.access())
        .record_attendance(&ctx.actor, id, &present)
        .await
    {
        Ok(()) => Ok(back(id, "invitees")),
        Err(e) => refused(&ctx, id, e, "attendance", |_| {}).await,
    }
}

pub async fn minutes(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let input = MinutesInput {
        minutes: get(&pairs, "minutes").into(),
        decisions: get(&pairs, "decisions").into(),
        is_public: !get(&pairs, "is_public").is_empty(),
        public_summary: get(&pairs, "public_summary").into(),
    };
    match Scoped::from(ctx.access())
        .write_minutes(&ctx.actor, id, &input)
        .await
    {
        Ok(()) => Ok(back(id, "minutes")),
        Err(e) => {
            refused(&ctx, id, e, "minutes", |p| {
                p.minutes = input.minutes;
                p.decisions = input.decisions;
                p.is_public = input.is_public;
                p.public_summary = input.public_summary;
            })
            .await
        }
    }
}

pub async fn add_action(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let input = ActionInput {
        description: get(&pairs, "description").into(),
        owner: get(&pairs, "owner").into(),
        due_on: get(&pairs, "due_on").into(),
    };
    match Scoped::from(ctx.access())
        .add_action(&ctx.actor, id, &input)
        .await
    {
        Ok(_) => Ok(back(id, "actions")),
        Err(e) => refused(&ctx, id, e, "action", |p| p.action = input).await,
    }
}

pub async fn close_action(
    ctx: Ctx,
    Path((id, action)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    match Scoped::from(ctx.access())
        .close_action(&ctx.actor, id, action)
        .await
    {
        Ok(()) => Ok(back(id, "actions")),
        Err(e) => refused(&ctx, id, e, "actions", |_| {}).await,
    }
}

struct PublicRow {
    title: String,
    kind: String,
    held_on: String,
    place: String,
    summary: String,
}

#[derive(Template)]
#[template(path = "partners/public_meetings.html")]
struct PublicPage {
    chrome: Chrome,
    rows: Vec<PublicRow>,
}

pub async fn public(ctx: Ctx) -> Result<Response, WebError> {
    let chrome = ctx.chrome("meetings-public-title");
    let rows = jisr_store::partners_meetings::public_meetings(&ctx.state.store)
        .await?
        .into_iter()
        .map(|m| PublicRow {
            kind: kind_label(&chrome, &m.kind),
            held_on: chrome.date(&m.held_on),
            title: m.title,
            place: m.place,
            summary: m.public_summary,
        })
        .collect();
    render(PublicPage { chrome, rows }).map(IntoResponse::into_response)
}

/// The pages of partner meetings, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get as g, post};
    let hold = Can(Capability::HoldPartnerMeetings);
    // Examples: meeting 1 in Rehamna (action 1, invitee 1), meeting 2 in Casablanca
    // (action 2, invitee 2).
    Routes::new()
        .add(Method::GET, "/meetings", "/meetings", hold, g(list))
        .add(Method::POST, "/meetings", "/meetings", hold, post(create))
        .add_record(
            Method::GET,
            "/meetings/{id}",
            "/meetings/1",
            Some("/meetings/2"),
            hold,
            g(meeting),
        )
        .add_record(
            Method::GET,
            "/meetings/{id}/attendance-sheet",
            "/meetings/1/attendance-sheet",
            Some("/meetings/2/attendance-sheet"),
            hold,
            g(sheet),
        )
        .add_record(
            Method::POST,
            "/meetings/{id}/invitees",
            "/meetings/1/invitees",
            Some("/meetings/2/invitees"),
            hold,
            post(invite),
        )
        .add_record(
            Method::POST,
            "/meetings/{id}/answers",
            "/meetings/1/answers",
            Some("/meetings/2/answers"),
            hold,
            post(answers),
        )
        .add_record(
            Method::POST,
            "/meetings/{id}/attendance",
            "/meetings/1/attendance",
            Some("/meetings/2/attendance"),
            hold,
            post(attendance),
        )
        .add_record(
            Method::POST,
            "/meetings/{id}/minutes",
            "/meetings/1/minutes",
            Some("/meetings/2/minutes"),
            hold,
            post(minutes),
        )
        .add_record(
            Method::POST,
            "/meetings/{id}/actions",
            "/meetings/1/actions",
            Some("/meetings/2/actions"),
            hold,
            post(add_action),
        )
        .add_record(
            Method::POST,
            "/meetings/{id}/actions/{action}/close",
            "/meetings/1/actions/1/close",
            Some("/meetings/2/actions/2/close"),
            hold,
            post(close_action),
        )
        .add(
            Method::GET,
            "/partner-meetings",
            "/partner-meetings",
            Public,
            g(public),
        )
}
