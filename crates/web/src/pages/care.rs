//! Care in the pages: an establishment's admissions and exits register (printable, with
//! occupancy against capacity by sex and an alert when over it), admitting a person,
//! recording an exit, and a beneficiary's file with its care plan, services log and
//! sensitive notes.

use super::matching::{CheckView, check_view};
use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::care::{Basis, ExitReason, GoalStatus, Representative};
use jisr_domain::registry::Sex;
use jisr_store::care::{
    AdmissionInput, BeneficiaryFile, CareError, ExitInput, Register, RegisterLine, Scoped,
    SensitiveNotes,
};
use jisr_store::matching::{Decision, EntryRecord, Scoped as MatchScoped};
use serde::Deserialize;

/// The value and label of each choice of a coded field.
type Choices = Vec<(String, String)>;

fn choices<'a>(chrome: &Chrome, prefix: &str, codes: impl Iterator<Item = &'a str>) -> Choices {
    codes
        .map(|c| (c.to_owned(), chrome.t2(prefix, c)))
        .collect()
}

fn today() -> String {
    jisr_domain::time::today().to_string()
}

/// A person's name in the page's script, or in the other when it is the only one.
fn person_name(chrome: &Chrome, ar: &str, fr: &str) -> String {
    match chrome.name(ar, fr) {
        "" => chrome.other_name(ar, fr).to_owned(),
        name => name.to_owned(),
    }
}

/// The admission form, as typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AdmitForm {
    pub name_ar: String,
    pub name_fr: String,
    pub birth_date: String,
    pub sex: String,
    pub national_id: String,
    pub representative: String,
    pub representative_name: String,
    pub representative_reference: String,
    pub admitted_on: String,
    pub basis: String,
    pub basis_reference: String,
    /// The point-of-entry decision: a registry person's id, `new`, or empty before the
    /// check.
    #[serde(rename = "match")]
    pub matched: String,
    /// The registry persons shown by the check, comma-separated.
    pub shown: String,
}

impl AdmitForm {
    fn entry(&self) -> EntryRecord {
        EntryRecord {
            name_ar: self.name_ar.clone(),
            name_lat: self.name_fr.clone(),
            birth_date: self.birth_date.clone(),
            sex: self.sex.clone(),
            national_id: self.national_id.clone(),
            commune_code: String::new(),
        }
    }

    fn shown_ids(&self) -> Vec<i64> {
        self.shown
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect()
    }

    fn input(&self) -> AdmissionInput {
        AdmissionInput {
            name_ar: self.name_ar.clone(),
            name_fr: self.name_fr.clone(),
            birth_date: self.birth_date.clone(),
            sex: self.sex.clone(),
            national_id: self.national_id.clone(),
            representative: self.representative.clone(),
            representative_name: self.representative_name.clone(),
            representative_reference: self.representative_reference.clone(),
            admitted_on: self.admitted_on.clone(),
            basis: self.basis.clone(),
            basis_reference: self.basis_reference.clone(),
        }
    }
}

/// The exit form of one line, as typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ExitForm {
    pub exit_on: String,
    pub reason: String,
    pub destination: String,
    /// `yes` when "I confirm" is ticked: an exit is recorded once and not undone.
    pub confirm: String,
}

/// The exit form that was refused, to show again at its line.
struct ExitState {
    admission_id: i64,
    form: ExitForm,
    errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "care/register.html")]
struct RegisterPage {
    chrome: Chrome,
    reg: Register,
    establishment_name: String,
    form: AdmitForm,
    errors: FieldErrors,
    exit: Option<ExitState>,
    sexes: Choices,
    representatives: Choices,
    bases: Choices,
    reasons: Choices,
    done: Option<String>,
    today: String,
    check: CheckView,
}

impl RegisterPage {
    fn name(&self, line: &RegisterLine) -> String {
        person_name(&self.chrome, &line.name_ar, &line.name_fr)
    }

    fn other(&self, line: &RegisterLine) -> String {
        let first = self.name(line);
        let other = self.chrome.other_name(&line.name_ar, &line.name_fr);
        if other == first {
            String::new()
        } else {
            other.to_owned()
        }
    }

    fn exit_open(&self, admission_id: &i64) -> bool {
        self.exit
            .as_ref()
            .is_some_and(|e| e.admission_id == *admission_id)
    }

    /// What was typed in the exit form of a line, if it was refused.
    fn exit_value(&self, admission_id: &i64, field: &str) -> String {
        match &self.exit {
            Some(e) if e.admission_id == *admission_id => match field {
                "exit_on" => e.form.exit_on.clone(),
                "reason" => e.form.reason.clone(),
                "confirm" => e.form.confirm.clone(),
                _ => e.form.destination.clone(),
            },
            _ if field == "exit_on" => self.today.clone(),
            _ => String::new(),
        }
    }

    /// The refusal of an exit whose line has no form any more (recorded meanwhile).
    fn exit_alert(&self) -> Option<String> {
        let e = self.exit.as_ref()?;
        let open = self
            .reg
            .lines
            .iter()
            .any(|l| l.admission.id == e.admission_id && l.is_present());
        (!open).then(|| e.errors.all().join(" "))
    }

    fn exit_error(&self, admission_id: &i64, field: &str) -> Option<String> {
        self.exit
            .as_ref()
            .filter(|e| e.admission_id == *admission_id)
            .and_then(|e| e.errors.error_for(field).map(str::to_owned))
    }

    fn present_label(&self) -> String {
        self.chrome
            .tn("care-present-count", self.reg.occupancy.total() as usize)
    }

    fn over_text(&self) -> String {
        let o = &self.reg.occupancy;
        let c = &self.reg.capacity;
        self.chrome.targs(
            "care-over-capacity-text",
            &[
                ("male", o.male.to_string()),
                ("female", o.female.to_string()),
                ("capacity_male", c.male.to_string()),
                ("capacity_female", c.female.to_string()),
            ],
        )
    }

    fn free(&self, sex: &str) -> i32 {
        let sex = if sex == "male" {
            Sex::Male
        } else {
            Sex::Female
        };
        self.reg.occupancy.free(&self.reg.capacity, sex)
    }

    fn over(&self, sex: &str) -> bool {
        let (o, c) = (&self.reg.occupancy, &self.reg.capacity);
        if sex == "male" {
            o.male > c.male
        } else {
            o.female > c.female
        }
    }
}

async fn register_page(
    ctx: &Ctx,
    id: i64,
    form: AdmitForm,
    errors: FieldErrors,
    exit: Option<ExitState>,
    done: Option<&str>,
) -> Result<RegisterPage, WebError> {
    let reg = Scoped::from(ctx.access()).register(id).await?;
    let base = ctx.chrome("care-register-title");
    let establishment_name = base
        .name(&reg.establishment.name_ar, &reg.establishment.name_fr)
        .to_owned();
    let title = base.t1("care-register-of", "name", &establishment_name);
    let chrome = base.with_title(title);
    let form = if form.admitted_on.is_empty() && errors.is_empty() {
        AdmitForm {
            admitted_on: today(),
            ..form
        }
    } else {
        form
    };
    let done = done.and_then(|d| match d {
        "admitted" => Some(chrome.t("care-admitted")),
        "exited" => Some(chrome.t("care-exited")),
        _ => None,
    });
    Ok(RegisterPage {
        sexes: choices(&chrome, "care-sex", Sex::ALL.iter().map(|s| s.as_str())),
        representatives: choices(
            &chrome,
            "care-representative",
            Representative::ALL.iter().map(|r| r.as_str()),
        ),
        bases: choices(&chrome, "care-basis", Basis::ALL.iter().map(|b| b.as_str())),
        reasons: choices(
            &chrome,
            "care-exit-reason",
            ExitReason::ALL.iter().map(|r| r.as_str()),
        ),
        chrome,
        reg,
        establishment_name,
        form,
        errors,
        exit,
        done,
        today: today(),
        check: CheckView::default(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn register(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, WebError> {
    let page = register_page(
        &ctx,
        id,
        AdmitForm::default(),
        FieldErrors::default(),
        None,
        q.done.as_deref(),
    )
    .await?;
    render(page).map(IntoResponse::into_response)
}

pub async fn admit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(mut form): Form<AdmitForm>,
) -> Result<Response, WebError> {
    let matching = MatchScoped::from(ctx.access());
    let entry = form.entry();
    let decision = Decision::parse(&form.matched);
    // Before saving, the persons already known who may be this one; the worker links
    // or confirms a new person, and the decision is remembered.
    if decision.is_none() && entry.has_name() {
        let found = matching.check(&ctx.actor, "admission", &entry).await?;
        if !found.here.is_empty() || !found.elsewhere.is_empty() {
            form.shown = found
                .here
                .iter()
                .map(|(c, _)| c.person_id.to_string())
                .collect::<Vec<_>>()
                .join(",");
            form.matched = String::new();
            let mut page =
                register_page(&ctx, id, form, FieldErrors::default(), None, None).await?;
            page.check = check_view(&page.chrome, found);
            return render(page).map(IntoResponse::into_response);
        }
    }
    if let Some(Decision::Linked(p)) = decision
        && !(form.shown_ids().contains(&p) && matching.may_link(p).await?)
    {
        let chrome = ctx.chrome("care-register-title");
        let errors =
            FieldErrors::translate(&chrome, vec![("establishment", "matching-error-link")]);
        form.matched = String::new();
        let page = register_page(&ctx, id, form, errors, None, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response());
    }
    let shown = form.shown_ids();
    let matched = decision.map(|d| (&entry, d, shown.as_slice()));
    match Scoped::from(ctx.access())
        .admit_matched(&ctx.actor, id, &form.input(), matched)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/establishments/{id}/register?done=admitted#present"
        ))
        .into_response()),
        Err(CareError::Fields(fields)) => {
            let errors = FieldErrors::translate(&ctx.chrome("care-register-title"), fields);
            let page = register_page(&ctx, id, form, errors, None, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(CareError::Role) => Err(WebError::Forbidden),
        Err(CareError::Store(e)) => Err(e.into()),
    }
}

pub async fn exit(
    ctx: Ctx,
    Path((id, admission_id)): Path<(i64, i64)>,
    Form(form): Form<ExitForm>,
) -> Result<Response, WebError> {
    let input = ExitInput {
        exit_on: form.exit_on.clone(),
        reason: form.reason.clone(),
        destination: form.destination.clone(),
    };
    let outcome = if form.confirm == "yes" {
        Scoped::from(ctx.access())
            .exit(&ctx.actor, id, admission_id, &input)
            .await
    } else {
        // Nothing is recorded without the confirmation; the line must still be one of
        // this establishment's, in scope.
        let register = Scoped::from(ctx.access()).register(id).await?;
        if !register
            .lines
            .iter()
            .any(|l| l.admission.id == admission_id)
        {
            return Err(WebError::NotFound);
        }
        Err(CareError::Fields(vec![("confirm", "confirm-required")]))
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!(
            "/establishments/{id}/register?done=exited#register"
        ))
        .into_response()),
        Err(CareError::Fields(fields)) => {
            let errors = FieldErrors::translate(&ctx.chrome("care-register-title"), fields);
            let exit = ExitState {
                admission_id,
                form,
                errors,
            };
            let page = register_page(
                &ctx,
                id,
                AdmitForm::default(),
                FieldErrors::default(),
                Some(exit),
                None,
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(CareError::Role) => Err(WebError::Forbidden),
        Err(CareError::Store(e)) => Err(e.into()),
    }
}

/// The forms of a file, as typed, and which one was refused.
#[derive(Default)]
struct FileForms {
    goal: GoalForm,
    goal_errors: FieldErrors,
    /// The goal whose status change was refused.
    status_error: Option<(i64, String)>,
    service: ServiceForm,
    service_errors: FieldErrors,
    sensitive: Option<SensitiveForm>,
    sensitive_errors: FieldErrors,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct GoalForm {
    pub goal: String,
    pub review_on: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct StatusForm {
    pub status: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ServiceForm {
    pub on_date: String,
    pub description: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SensitiveForm {
    pub health: String,
    pub disability: String,
    pub schooling: String,
}

#[derive(Template)]
#[template(path = "care/file.html")]
struct FilePage {
    chrome: Chrome,
    f: BeneficiaryFile,
    establishment_name: String,
    forms: FileForms,
    /// The notes shown in the form: as typed after a refusal, else as stored.
    notes: SensitiveNotes,
    statuses: Choices,
    done: Option<String>,
    today: String,
    /// The registry person this file was linked to, as the reader may see them; `None`
    /// inside when linked to a person of a registry the reader does not read.
    registry: Option<Option<super::matching::PersonView>>,
}

impl FilePage {
    fn other_name(&self) -> String {
        let other = self.chrome.other_name(&self.f.name_ar, &self.f.name_fr);
        if other == self.chrome.title {
            String::new()
        } else {
            other.to_owned()
        }
    }

    fn age(&self) -> String {
        let born = chrono::NaiveDate::parse_from_str(&self.f.birth_date, "%Y-%m-%d");
        match born
            .ok()
            .and_then(|b| jisr_domain::registry::age_on(b, jisr_domain::time::today()))
        {
            Some(years) => self.chrome.tn("care-age", years as usize),
            None => String::new(),
        }
    }

    fn overdue(&self, goal: &jisr_store::entity::care_goal::Model) -> bool {
        goal.status == GoalStatus::Open.as_str() && goal.review_on < self.today
    }

    fn status_error_for(&self, goal_id: &i64) -> Option<&str> {
        self.forms
            .status_error
            .as_ref()
            .filter(|(id, _)| id == goal_id)
            .map(|(_, m)| m.as_str())
    }

    fn has_sensitive(&self) -> bool {
        self.f.sensitive.is_some()
    }
}

async fn file_page(
    ctx: &Ctx,
    id: i64,
    forms: FileForms,
    done: Option<&str>,
) -> Result<FilePage, WebError> {
    let f = Scoped::from(ctx.access())
        .beneficiary(&ctx.actor, id)
        .await?;
    let base = ctx.chrome("care-file-title");
    let title = person_name(&base, &f.name_ar, &f.name_fr);
    let chrome = base.with_title(title);
    let establishment_name = chrome
        .name(&f.establishment.name_ar, &f.establishment.name_fr)
        .to_owned();
    let notes = match (&forms.sensitive, &f.sensitive) {
        (Some(typed), _) => SensitiveNotes {
            health: typed.health.clone(),
            disability: typed.disability.clone(),
            schooling: typed.schooling.clone(),
        },
        (None, Some(stored)) => stored.clone(),
        (None, None) => SensitiveNotes::default(),
    };
    let done = done.and_then(|d| match d {
        "goal" => Some(chrome.t("care-goal-added")),
        "status" => Some(chrome.t("care-goal-status-changed")),
        "service" => Some(chrome.t("care-service-logged")),
        "sensitive" => Some(chrome.t("care-sensitive-saved")),
        _ => None,
    });
    let matching = MatchScoped::from(ctx.access());
    let registry = match matching.linked_person("beneficiary", f.id).await? {
        None => None,
        Some(p) => Some(
            matching
                .person(p)
                .await
                .ok()
                .map(|card| super::matching::person_view(&chrome, card)),
        ),
    };
    Ok(FilePage {
        registry,
        statuses: choices(
            &chrome,
            "care-goal-status",
            GoalStatus::ALL.iter().map(|s| s.as_str()),
        ),
        chrome,
        f,
        establishment_name,
        forms,
        notes,
        done,
        today: today(),
    })
}

pub async fn file(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, WebError> {
    let page = file_page(&ctx, id, FileForms::default(), q.done.as_deref()).await?;
    render(page).map(IntoResponse::into_response)
}

/// Goes back to the file after a change, or shows it again with the refused form.
async fn after_change<T>(
    ctx: &Ctx,
    id: i64,
    result: Result<T, CareError>,
    done: &str,
    anchor: &str,
    refused: impl FnOnce(FieldErrors) -> FileForms,
) -> Result<Response, WebError> {
    match result {
        Ok(_) => {
            Ok(Redirect::to(&format!("/beneficiaries/{id}?done={done}#{anchor}")).into_response())
        }
        Err(CareError::Fields(fields)) => {
            let errors = FieldErrors::translate(&ctx.chrome("care-file-title"), fields);
            let page = file_page(ctx, id, refused(errors), None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(CareError::Role) => Err(WebError::Forbidden),
        Err(CareError::Store(e)) => Err(e.into()),
    }
}

pub async fn add_goal(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<GoalForm>,
) -> Result<Response, WebError> {
    let result = Scoped::from(ctx.access())
        .add_goal(&ctx.actor, id, &form.goal, &form.review_on)
        .await;
    after_change(&ctx, id, result, "goal", "plan", |goal_errors| FileForms {
        goal: form,
        goal_errors,
        ..FileForms::default()
    })
    .await
}

pub async fn set_goal_status(
    ctx: Ctx,
    Path((id, goal_id)): Path<(i64, i64)>,
    Form(form): Form<StatusForm>,
) -> Result<Response, WebError> {
    let result = Scoped::from(ctx.access())
        .set_goal_status(&ctx.actor, id, goal_id, &form.status)
        .await;
    after_change(&ctx, id, result, "status", "plan", |errors| FileForms {
        status_error: errors.error_for("status").map(|m| (goal_id, m.to_owned())),
        ..FileForms::default()
    })
    .await
}

pub async fn log_service(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<ServiceForm>,
) -> Result<Response, WebError> {
    let result = Scoped::from(ctx.access())
        .log_service(&ctx.actor, id, &form.on_date, &form.description)
        .await;
    after_change(&ctx, id, result, "service", "services", |service_errors| {
        FileForms {
            service: form,
            service_errors,
            ..FileForms::default()
        }
    })
    .await
}

pub async fn update_sensitive(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<SensitiveForm>,
) -> Result<Response, WebError> {
    let notes = SensitiveNotes {
        health: form.health.clone(),
        disability: form.disability.clone(),
        schooling: form.schooling.clone(),
    };
    let result = Scoped::from(ctx.access())
        .update_sensitive(&ctx.actor, id, &notes)
        .await;
    after_change(
        &ctx,
        id,
        result,
        "sensitive",
        "sensitive",
        |sensitive_errors| FileForms {
            sensitive: Some(form),
            sensitive_errors,
            ..FileForms::default()
        },
    )
    .await
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    use jisr_domain::access::Capability;
    Routes::new()
        // Examples: admission 1 of beneficiary 1 (with goal 1) is in establishment 1,
        // admission 2 of beneficiary 2 (with goal 2) in establishment 2.
        .add_record(
            Method::GET,
            "/establishments/{id}/register",
            "/establishments/1/register",
            Some("/establishments/2/register"),
            Can(Capability::ReadRegisters),
            get(register),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/admissions",
            "/establishments/1/admissions",
            Some("/establishments/2/admissions"),
            Can(Capability::KeepRegisters),
            post(admit),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/admissions/{admission}/exit",
            "/establishments/1/admissions/1/exit",
            Some("/establishments/2/admissions/2/exit"),
            Can(Capability::KeepRegisters),
            post(exit),
        )
        .add_record(
            Method::GET,
            "/beneficiaries/{id}",
            "/beneficiaries/1",
            Some("/beneficiaries/2"),
            Can(Capability::ReadRegisters),
            get(file),
        )
        .add_record(
            Method::POST,
            "/beneficiaries/{id}/goals",
            "/beneficiaries/1/goals",
            Some("/beneficiaries/2/goals"),
            Can(Capability::KeepRegisters),
            post(add_goal),
        )
        .add_record(
            Method::POST,
            "/beneficiaries/{id}/goals/{goal}",
            "/beneficiaries/1/goals/1",
            Some("/beneficiaries/2/goals/2"),
            Can(Capability::KeepRegisters),
            post(set_goal_status),
        )
        .add_record(
            Method::POST,
            "/beneficiaries/{id}/services",
            "/beneficiaries/1/services",
            Some("/beneficiaries/2/services"),
            Can(Capability::KeepRegisters),
            post(log_service),
        )
        .add_record(
            Method::POST,
            "/beneficiaries/{id}/sensitive",
            "/beneficiaries/1/sensitive",
            Some("/beneficiaries/2/sensitive"),
            Can(Capability::ReadSensitiveNotes),
            post(update_sensitive),
        )
}
