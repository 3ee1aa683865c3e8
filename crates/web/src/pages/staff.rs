//! Staff in the pages: an establishment's staff (in post and gone), its staffing against
//! the category's standards with the shortfalls, accreditations about to expire, adding
//! a person, ending an assignment, trainings and attendance; a staff member's file; and
//! the delegation's overview of shortfalls and expiring accreditations.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::Capability;
use jisr_domain::registry::Sex;
use jisr_domain::staff::{
    AccreditationState, AccreditationStatus, AssignmentInput, Contract, Employer, EndReason,
    StaffInput, Standard, TrainingInput, fte_text,
};
use jisr_store::entity::staff_post;
use jisr_store::staff::{
    ExpiringLine, Overview, Roster, RosterLine, Scoped, StaffError, StaffFile, StaffingLine,
};
use serde::Deserialize;

/// The value and label of each choice of a coded field.
type Choices = Vec<(String, String)>;

fn choices<'a>(chrome: &Chrome, prefix: &str, codes: impl Iterator<Item = &'a str>) -> Choices {
    codes
        .map(|c| (c.to_owned(), chrome.t2(prefix, c)))
        .collect()
}

fn today() -> String {
    chrono::Utc::now().date_naive().to_string()
}

/// A person's name in the page's script, or in the other when it is the only one.
fn person_name(chrome: &Chrome, ar: &str, fr: &str) -> String {
    match chrome.name(ar, fr) {
        "" => chrome.other_name(ar, fr).to_owned(),
        name => name.to_owned(),
    }
}

/// The standard of a post as a sentence.
fn standard_text(chrome: &Chrome, s: &Standard) -> String {
    if s.per_residents == 0 {
        chrome.t1("staff-standard-minimum", "minimum", &s.minimum.to_string())
    } else {
        chrome.targs(
            "staff-standard-ratio",
            &[
                ("staff", s.staff.to_string()),
                ("per", s.per_residents.to_string()),
                ("minimum", s.minimum.to_string()),
            ],
        )
    }
}

/// The state of an accreditation as a badge: (class, label).
fn accreditation_badge(chrome: &Chrome, state: &AccreditationState) -> (String, String) {
    match state {
        AccreditationState::Valid => ("status-authorised".into(), chrome.t("staff-acc-valid")),
        AccreditationState::ExpiringSoon(days) => (
            "status-documents_missing".into(),
            chrome.tn("staff-acc-expiring", usize::try_from(*days).unwrap_or(0)),
        ),
        AccreditationState::Expired => ("status-refused".into(), chrome.t("staff-acc-expired")),
        AccreditationState::Inactive => ("status-withdrawn".into(), chrome.t("staff-acc-inactive")),
    }
}

/// The add form, as typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AddForm {
    pub name_ar: String,
    pub name_fr: String,
    pub national_id: String,
    pub sex: String,
    pub birth_date: String,
    pub diploma: String,
    pub diploma_field: String,
    pub diploma_year: String,
    pub accreditation_number: String,
    pub accreditation_date: String,
    pub accreditation_expiry: String,
    pub accreditation_status: String,
    pub post: String,
    pub employer: String,
    pub employer_name: String,
    pub contract: String,
    pub contract_start: String,
    pub contract_end: String,
    pub working_time: String,
    pub salary: String,
}

impl AddForm {
    fn input(&self) -> StaffInput {
        StaffInput {
            name_ar: self.name_ar.clone(),
            name_fr: self.name_fr.clone(),
            national_id: self.national_id.clone(),
            sex: self.sex.clone(),
            birth_date: self.birth_date.clone(),
            diploma: self.diploma.clone(),
            diploma_field: self.diploma_field.clone(),
            diploma_year: self.diploma_year.clone(),
            accreditation_number: self.accreditation_number.clone(),
            accreditation_date: self.accreditation_date.clone(),
            accreditation_expiry: self.accreditation_expiry.clone(),
            accreditation_status: self.accreditation_status.clone(),
            assignment: AssignmentInput {
                post: self.post.clone(),
                employer: self.employer.clone(),
                employer_name: self.employer_name.clone(),
                contract: self.contract.clone(),
                contract_start: self.contract_start.clone(),
                contract_end: self.contract_end.clone(),
                working_time: self.working_time.clone(),
                salary: self.salary.clone(),
            },
        }
    }

    /// What was typed in a field, for the template.
    fn value(&self, field: &str) -> &str {
        match field {
            "name_ar" => &self.name_ar,
            "name_fr" => &self.name_fr,
            "national_id" => &self.national_id,
            "sex" => &self.sex,
            "birth_date" => &self.birth_date,
            "diploma" => &self.diploma,
            "diploma_field" => &self.diploma_field,
            "diploma_year" => &self.diploma_year,
            "accreditation_number" => &self.accreditation_number,
            "accreditation_date" => &self.accreditation_date,
            "accreditation_expiry" => &self.accreditation_expiry,
            "accreditation_status" => &self.accreditation_status,
            "post" => &self.post,
            "employer" => &self.employer,
            "employer_name" => &self.employer_name,
            "contract" => &self.contract,
            "contract_start" => &self.contract_start,
            "contract_end" => &self.contract_end,
            "working_time" => &self.working_time,
            "salary" => &self.salary,
            _ => "",
        }
    }
}

/// The end form of one assignment, as typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EndForm {
    pub ended_on: String,
    pub end_reason: String,
    /// `yes` when "I confirm" is ticked: an end is recorded once and not undone.
    pub confirm: String,
}

/// The training form, as typed, with the staff ticked.
#[derive(Default, Clone)]
pub struct TrainingForm {
    pub input: TrainingInput,
    pub attendees: Vec<i64>,
}

impl TrainingForm {
    fn from_fields(fields: &[(String, String)]) -> (Self, bool) {
        let field = |name: &str| {
            fields
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let (attendees, bad) = attendees(fields);
        (
            Self {
                input: TrainingInput {
                    subject: field("subject"),
                    starts_on: field("starts_on"),
                    ends_on: field("ends_on"),
                    trainer: field("trainer"),
                    place: field("place"),
                },
                attendees,
            },
            bad,
        )
    }
}

/// The staff ticked (`attendee` once per person), and whether any was not a number.
fn attendees(fields: &[(String, String)]) -> (Vec<i64>, bool) {
    let mut bad = false;
    let ids = fields
        .iter()
        .filter(|(k, _)| k == "attendee")
        .filter_map(|(_, v)| {
            let id = v.trim().parse::<i64>().ok();
            bad |= id.is_none();
            id
        })
        .collect();
    (ids, bad)
}

/// What the last refused form left on the roster page.
#[derive(Default)]
struct RosterForms {
    add: AddForm,
    add_errors: FieldErrors,
    /// The assignment whose end was refused, what was typed, why.
    end: Option<(i64, EndForm, FieldErrors)>,
    training: TrainingForm,
    training_errors: FieldErrors,
    /// The training whose attendance was refused, and why.
    attend: Option<(i64, FieldErrors)>,
}

#[derive(Template)]
#[template(path = "staff/roster.html")]
struct RosterPage {
    chrome: Chrome,
    r: Roster,
    establishment_name: String,
    forms: RosterForms,
    posts: Choices,
    sexes: Choices,
    employers: Choices,
    contracts: Choices,
    acc_statuses: Choices,
    end_reasons: Choices,
    done: Option<String>,
    today: String,
}

impl RosterPage {
    fn name(&self, line: &RosterLine) -> String {
        person_name(&self.chrome, &line.name_ar, &line.name_fr)
    }

    fn post(&self, code: &str) -> String {
        post_name(&self.chrome, &self.r.posts, code)
    }

    fn standard(&self, s: &StaffingLine) -> String {
        standard_text(&self.chrome, &s.standard)
    }

    fn required(&self, s: &StaffingLine) -> String {
        fte_text(s.staffing.required)
    }

    fn in_post(&self, s: &StaffingLine) -> String {
        fte_text(s.staffing.in_post)
    }

    fn missing(&self, s: &StaffingLine) -> String {
        fte_text(s.staffing.shortfall())
    }

    fn residents_text(&self) -> String {
        self.chrome.tn(
            "staff-residents",
            usize::try_from(self.r.residents).unwrap_or(0),
        )
    }

    fn attendees_count(&self, ids: &[i64]) -> String {
        self.chrome.tn("staff-attendees-count", ids.len())
    }

    fn shortfall_text(&self, s: &StaffingLine) -> String {
        shortfall_sentence(&self.chrome, &self.r.posts, s)
    }

    fn badge(&self, state: &AccreditationState) -> (String, String) {
        accreditation_badge(&self.chrome, state)
    }

    fn expiring_text(&self, e: &ExpiringLine) -> String {
        expiring_sentence(&self.chrome, e)
    }

    fn value(&self, field: &str) -> String {
        self.forms.add.value(field).to_owned()
    }

    fn error(&self, field: &str) -> Option<String> {
        self.forms.add_errors.error_for(field).map(str::to_owned)
    }

    fn end_open(&self, assignment: &i64) -> bool {
        self.forms
            .end
            .as_ref()
            .is_some_and(|(id, _, _)| id == assignment)
    }

    fn end_value(&self, assignment: &i64, field: &str) -> String {
        match &self.forms.end {
            Some((id, f, _)) if id == assignment => match field {
                "ended_on" => f.ended_on.clone(),
                "confirm" => f.confirm.clone(),
                _ => f.end_reason.clone(),
            },
            _ if field == "ended_on" => self.today.clone(),
            _ => String::new(),
        }
    }

    fn end_error(&self, assignment: &i64, field: &str) -> Option<String> {
        self.forms
            .end
            .as_ref()
            .filter(|(id, _, _)| id == assignment)
            .and_then(|(_, _, e)| e.error_for(field).map(str::to_owned))
    }

    fn training_value(&self, field: &str) -> String {
        let i = &self.forms.training.input;
        match field {
            "subject" => i.subject.clone(),
            "starts_on" => i.starts_on.clone(),
            "ends_on" => i.ends_on.clone(),
            "trainer" => i.trainer.clone(),
            _ => i.place.clone(),
        }
    }

    fn training_error(&self, field: &str) -> Option<String> {
        self.forms
            .training_errors
            .error_for(field)
            .map(str::to_owned)
    }

    fn ticked(&self, staff: &i64) -> bool {
        self.forms.training.attendees.contains(staff)
    }

    fn attend_error(&self, training: &i64) -> Option<String> {
        self.forms
            .attend
            .as_ref()
            .filter(|(id, _)| id == training)
            .and_then(|(_, e)| e.all().first().map(|m| (*m).to_owned()))
    }

    /// The names of a training's attendees, in the page's script.
    fn attendee_names(&self, ids: &[i64]) -> String {
        let mut names: Vec<String> = ids
            .iter()
            .filter_map(|id| {
                self.r
                    .current
                    .iter()
                    .chain(self.r.past.iter())
                    .find(|l| l.assignment.staff_id == *id)
                    .map(|l| self.name(l))
            })
            .collect();
        names.dedup();
        names.join(", ")
    }

    fn attended(&self, training: &[i64], staff: &i64) -> bool {
        training.contains(staff)
    }
}

fn post_name(chrome: &Chrome, posts: &[staff_post::Model], code: &str) -> String {
    posts
        .iter()
        .find(|p| p.code == code)
        .map(|p| chrome.name(&p.name_ar, &p.name_fr).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

fn shortfall_sentence(chrome: &Chrome, posts: &[staff_post::Model], s: &StaffingLine) -> String {
    chrome.targs(
        "staff-shortfall-line",
        &[
            ("post", post_name(chrome, posts, &s.post.code)),
            ("missing", fte_text(s.staffing.shortfall())),
            ("required", fte_text(s.staffing.required)),
            ("in_post", fte_text(s.staffing.in_post)),
        ],
    )
}

fn expiring_sentence(chrome: &Chrome, e: &ExpiringLine) -> String {
    let key = match e.state {
        AccreditationState::Expired => "staff-expired-line",
        _ => "staff-expiring-line",
    };
    chrome.targs(
        key,
        &[
            ("name", person_name(chrome, &e.name_ar, &e.name_fr)),
            ("number", e.number.clone()),
            ("date", chrome.date(&e.expires_on)),
        ],
    )
}

/// What an establishment's page says of its staff: a link, the shortfalls, the
/// accreditations expiring.
pub(crate) struct StaffAlerts {
    pub establishment_id: i64,
    pub shortfalls: Vec<String>,
    pub expiring: Vec<(i64, String)>,
}

/// The staff alerts of an establishment, for those who read its staff records.
pub(super) async fn alerts(
    ctx: &Ctx,
    chrome: &Chrome,
    id: i64,
) -> Result<Option<StaffAlerts>, WebError> {
    if !chrome.can(Capability::ReadStaffRecords) {
        return Ok(None);
    }
    let r = match Scoped::from(ctx.access()).roster(id).await {
        Ok(r) => r,
        Err(jisr_store::StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    Ok(Some(StaffAlerts {
        establishment_id: r.establishment.id,
        shortfalls: r
            .shortfalls()
            .map(|s| shortfall_sentence(chrome, &r.posts, s))
            .collect(),
        expiring: r
            .expiring
            .iter()
            .map(|e| (e.staff_id, expiring_sentence(chrome, e)))
            .collect(),
    }))
}

async fn roster_page(
    ctx: &Ctx,
    id: i64,
    forms: RosterForms,
    done: Option<&str>,
) -> Result<RosterPage, WebError> {
    let r = Scoped::from(ctx.access()).roster(id).await?;
    let base = ctx.chrome("staff-title");
    let establishment_name = base
        .name(&r.establishment.name_ar, &r.establishment.name_fr)
        .to_owned();
    let title = base.t1("staff-of", "name", &establishment_name);
    let chrome = base.with_title(title);
    let done = done.and_then(|d| match d {
        "added" => Some(chrome.t("staff-added")),
        "ended" => Some(chrome.t("staff-ended")),
        "training" => Some(chrome.t("staff-training-added")),
        "attendance" => Some(chrome.t("staff-attendance-recorded")),
        _ => None,
    });
    // A new person starts today, full time, unless something else was typed.
    let forms = if forms.add_errors.is_empty() && forms.add.contract_start.is_empty() {
        RosterForms {
            add: AddForm {
                contract_start: today(),
                working_time: "100".into(),
                ..forms.add
            },
            ..forms
        }
    } else {
        forms
    };
    let posts = r
        .posts
        .iter()
        .map(|p| {
            (
                p.code.clone(),
                chrome.name(&p.name_ar, &p.name_fr).to_owned(),
            )
        })
        .collect();
    Ok(RosterPage {
        posts,
        sexes: choices(&chrome, "staff-sex", Sex::ALL.iter().map(|s| s.as_str())),
        employers: choices(
            &chrome,
            "staff-employer",
            Employer::ALL.iter().map(|s| s.as_str()),
        ),
        contracts: choices(
            &chrome,
            "staff-contract",
            Contract::ALL.iter().map(|s| s.as_str()),
        ),
        acc_statuses: choices(
            &chrome,
            "staff-acc-status",
            AccreditationStatus::ALL.iter().map(|s| s.as_str()),
        ),
        end_reasons: choices(
            &chrome,
            "staff-end-reason",
            EndReason::ALL.iter().map(|s| s.as_str()),
        ),
        chrome,
        r,
        establishment_name,
        forms,
        done,
        today: today(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn roster(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, WebError> {
    let page = roster_page(&ctx, id, RosterForms::default(), q.done.as_deref()).await?;
    render(page).map(IntoResponse::into_response)
}

/// Goes back to the roster after a change, or shows it again with the refused form.
async fn after_roster_change<T>(
    ctx: &Ctx,
    id: i64,
    result: Result<T, StaffError>,
    done: &str,
    anchor: &str,
    refused: impl FnOnce(FieldErrors) -> RosterForms,
) -> Result<Response, WebError> {
    match result {
        Ok(_) => Ok(
            Redirect::to(&format!("/establishments/{id}/staff?done={done}#{anchor}"))
                .into_response(),
        ),
        Err(StaffError::Fields(fields)) => {
            let errors = FieldErrors::translate(&ctx.chrome("staff-title"), fields);
            let page = roster_page(ctx, id, refused(errors), None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(StaffError::Role) => Err(WebError::Forbidden),
        Err(StaffError::Store(e)) => Err(e.into()),
    }
}

pub async fn add(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<AddForm>,
) -> Result<Response, WebError> {
    let result = Scoped::from(ctx.access())
        .add(&ctx.actor, id, &form.input())
        .await;
    after_roster_change(&ctx, id, result, "added", "in-post", |add_errors| {
        RosterForms {
            add: form,
            add_errors,
            ..RosterForms::default()
        }
    })
    .await
}

pub async fn end(
    ctx: Ctx,
    Path((id, assignment)): Path<(i64, i64)>,
    Form(form): Form<EndForm>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    let result = if form.confirm == "yes" {
        scoped
            .end(&ctx.actor, id, assignment, &form.ended_on, &form.end_reason)
            .await
    } else {
        // Nothing is recorded without the confirmation; the line must still be one of
        // this establishment's, in scope.
        let r = scoped.roster(id).await?;
        if !r
            .current
            .iter()
            .chain(r.past.iter())
            .any(|l| l.assignment.id == assignment)
        {
            return Err(WebError::NotFound);
        }
        if !r.can_keep {
            return Err(WebError::Forbidden);
        }
        Err(StaffError::Fields(vec![("confirm", "confirm-required")]))
    };
    after_roster_change(&ctx, id, result, "ended", "past", |errors| RosterForms {
        end: Some((assignment, form, errors)),
        ..RosterForms::default()
    })
    .await
}

pub async fn add_training(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (form, bad) = TrainingForm::from_fields(&fields);
    let scoped = Scoped::from(ctx.access());
    let result = if bad {
        scoped.roster(id).await?;
        Err(StaffError::Fields(vec![(
            "attendees",
            "staff-error-attendee-not-here",
        )]))
    } else {
        scoped
            .add_training(&ctx.actor, id, &form.input, &form.attendees)
            .await
    };
    after_roster_change(
        &ctx,
        id,
        result,
        "training",
        "trainings",
        |training_errors| RosterForms {
            training: form,
            training_errors,
            ..RosterForms::default()
        },
    )
    .await
}

pub async fn attend(
    ctx: Ctx,
    Path((id, training)): Path<(i64, i64)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (ids, bad) = attendees(&fields);
    let scoped = Scoped::from(ctx.access());
    let result = if bad {
        scoped.roster(id).await?;
        Err(StaffError::Fields(vec![(
            "attendees",
            "staff-error-attendee-not-here",
        )]))
    } else {
        scoped.attend(&ctx.actor, id, training, &ids).await
    };
    after_roster_change(
        &ctx,
        id,
        result,
        "attendance",
        &format!("training-{training}"),
        |errors| RosterForms {
            attend: Some((training, errors)),
            ..RosterForms::default()
        },
    )
    .await
}

/// The accreditation form, as typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AccreditationForm {
    pub accreditation_number: String,
    pub accreditation_date: String,
    pub accreditation_expiry: String,
    pub accreditation_status: String,
}

#[derive(Template)]
#[template(path = "staff/file.html")]
struct FilePage {
    chrome: Chrome,
    f: StaffFile,
    posts: Vec<staff_post::Model>,
    form: AccreditationForm,
    errors: FieldErrors,
    acc_statuses: Choices,
    done: Option<String>,
}

impl FilePage {
    fn other_name(&self) -> String {
        let other = self
            .chrome
            .other_name(&self.f.member.name_ar, &self.f.member.name_fr);
        if other == self.chrome.title {
            String::new()
        } else {
            other.to_owned()
        }
    }

    fn post(&self, code: &str) -> String {
        post_name(&self.chrome, &self.posts, code)
    }

    fn establishment(&self, a: &jisr_store::staff::AssignmentView) -> String {
        self.chrome
            .name(&a.establishment_name_ar, &a.establishment_name_fr)
            .to_owned()
    }

    fn badge(&self, state: &AccreditationState) -> (String, String) {
        accreditation_badge(&self.chrome, state)
    }

    fn shows_salaries(&self) -> bool {
        self.f.assignments.iter().any(|a| a.salary.is_some())
    }

    fn accredited_post(&self) -> bool {
        self.f.assignments.iter().any(|a| {
            self.posts
                .iter()
                .any(|p| p.accredited && p.code == a.assignment.post_code)
        })
    }

    fn error(&self, field: &str) -> Option<String> {
        self.errors.error_for(field).map(str::to_owned)
    }

    fn opt(&self, v: &Option<String>) -> String {
        v.clone().unwrap_or_default()
    }
}

async fn file_page(
    ctx: &Ctx,
    id: i64,
    form: Option<AccreditationForm>,
    errors: FieldErrors,
    done: Option<&str>,
) -> Result<FilePage, WebError> {
    let f = Scoped::from(ctx.access()).file(&ctx.actor, id).await?;
    let base = ctx.chrome("staff-file-title");
    let title = person_name(&base, &f.member.name_ar, &f.member.name_fr);
    let chrome = base.with_title(title);
    let posts = jisr_store::staff::posts(ctx.state.store.conn()).await?;
    let m = &f.member;
    let form = form.unwrap_or_else(|| AccreditationForm {
        accreditation_number: m.accreditation_number.clone().unwrap_or_default(),
        accreditation_date: m.accreditation_date.clone().unwrap_or_default(),
        accreditation_expiry: m.accreditation_expiry.clone().unwrap_or_default(),
        accreditation_status: m
            .accreditation_status
            .clone()
            .unwrap_or_else(|| "valid".into()),
    });
    let done = done.and_then(|d| match d {
        "accreditation" => Some(chrome.t("staff-accreditation-saved")),
        _ => None,
    });
    Ok(FilePage {
        acc_statuses: choices(
            &chrome,
            "staff-acc-status",
            AccreditationStatus::ALL.iter().map(|s| s.as_str()),
        ),
        chrome,
        f,
        posts,
        form,
        errors,
        done,
    })
}

pub async fn file(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, WebError> {
    let page = file_page(&ctx, id, None, FieldErrors::default(), q.done.as_deref()).await?;
    render(page).map(IntoResponse::into_response)
}

pub async fn set_accreditation(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<AccreditationForm>,
) -> Result<Response, WebError> {
    match Scoped::from(ctx.access())
        .set_accreditation(
            &ctx.actor,
            id,
            &form.accreditation_number,
            &form.accreditation_date,
            &form.accreditation_expiry,
            &form.accreditation_status,
        )
        .await
    {
        Ok(()) => Ok(
            Redirect::to(&format!("/staff/{id}?done=accreditation#accreditation")).into_response(),
        ),
        Err(StaffError::Fields(fields)) => {
            let errors = FieldErrors::translate(&ctx.chrome("staff-file-title"), fields);
            let page = file_page(&ctx, id, Some(form), errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(StaffError::Role) => Err(WebError::Forbidden),
        Err(StaffError::Store(e)) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "staff/overview.html")]
struct OverviewPage {
    chrome: Chrome,
    o: Overview,
    posts: Vec<staff_post::Model>,
}

impl OverviewPage {
    fn establishment(&self, e: &jisr_store::entity::establishment::Model) -> String {
        self.chrome.name(&e.name_ar, &e.name_fr).to_owned()
    }

    fn shortfall_text(&self, s: &StaffingLine) -> String {
        shortfall_sentence(&self.chrome, &self.posts, s)
    }

    fn person(&self, e: &ExpiringLine) -> String {
        person_name(&self.chrome, &e.name_ar, &e.name_fr)
    }

    fn where_(&self, e: &ExpiringLine) -> String {
        self.chrome
            .name(&e.establishment_name_ar, &e.establishment_name_fr)
            .to_owned()
    }

    fn badge(&self, state: &AccreditationState) -> (String, String) {
        accreditation_badge(&self.chrome, state)
    }
}

pub async fn overview(ctx: Ctx) -> Result<Response, WebError> {
    let o = Scoped::from(ctx.access()).overview().await?;
    let posts = jisr_store::staff::posts(ctx.state.store.conn()).await?;
    let page = OverviewPage {
        chrome: ctx.chrome("staff-overview-title"),
        o,
        posts,
    };
    render(page).map(IntoResponse::into_response)
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    Routes::new()
        // Examples: staff member 1 (assignment 1, training 1) works in establishment 1,
        // staff member 2 (assignment 2, training 2) in establishment 2.
        .add(
            Method::GET,
            "/staffing",
            "/staffing",
            Can(Capability::ReadStaffRecords),
            get(overview),
        )
        .add_record(
            Method::GET,
            "/establishments/{id}/staff",
            "/establishments/1/staff",
            Some("/establishments/2/staff"),
            Can(Capability::ReadStaffRecords),
            get(roster),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/staff",
            "/establishments/1/staff",
            Some("/establishments/2/staff"),
            Can(Capability::KeepStaffRecords),
            post(add),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/staff/{assignment}/end",
            "/establishments/1/staff/1/end",
            Some("/establishments/2/staff/2/end"),
            Can(Capability::KeepStaffRecords),
            post(end),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/trainings",
            "/establishments/1/trainings",
            Some("/establishments/2/trainings"),
            Can(Capability::KeepStaffRecords),
            post(add_training),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/trainings/{training}/attendance",
            "/establishments/1/trainings/1/attendance",
            Some("/establishments/2/trainings/2/attendance"),
            Can(Capability::KeepStaffRecords),
            post(attend),
        )
        .add_record(
            Method::GET,
            "/staff/{id}",
            "/staff/1",
            Some("/staff/2"),
            Can(Capability::ReadStaffRecords),
            get(file),
        )
        .add_record(
            Method::POST,
            "/staff/{id}/accreditation",
            "/staff/1/accreditation",
            Some("/staff/2/accreditation"),
            Can(Capability::KeepStaffRecords),
            post(set_accreditation),
        )
}
