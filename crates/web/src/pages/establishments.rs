//! The registry of establishments (staff, scoped) and the public directory.

use super::authorisation::{ChecklistRow, DossierView};
use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::listing::{self, Columns, ListParams, Table, page_number};
use crate::view::Choice;
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::Capability;
use jisr_domain::access::Role;
use jisr_domain::establishments::{
    Capacity, Status, TransitionError, next_statuses, transition_capability,
};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_store::entity::{establishment, establishment_category, timeline_event};
use jisr_store::establishments::{
    self, Details, EstablishmentError, ListFilter, NewEstablishment, PAGE_SIZE, Scoped, Sort,
};
use jisr_store::listing::{Direction, Page};
use serde::Deserialize;

/// The statuses a change to needs an explicit confirmation: they stop an establishment.
pub const CONFIRMED_STATUSES: [Status; 4] = [
    Status::Refused,
    Status::Suspended,
    Status::Withdrawn,
    Status::Closed,
];

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub category: String,
    pub status: String,
    /// `csv` or `xlsx`: the whole list as a file instead of the page.
    pub format: String,
    #[serde(flatten)]
    pub list: ListParams,
}

/// The sortable columns of the list; "name" sorts by the name in the page's script.
const COLUMNS: Columns<Sort> = Columns {
    columns: &[
        ("name", Sort::NameFr, Direction::Ascending),
        ("province", Sort::Province, Direction::Ascending),
        ("capacity", Sort::Capacity, Direction::Descending),
        ("status", Sort::Status, Direction::Ascending),
    ],
    default: ("name", Direction::Ascending),
};

/// The filters, count, table and pager: the part htmx replaces.
#[derive(Template)]
#[template(path = "establishments/list_region.html")]
struct ListRegion {
    chrome: Chrome,
    rows: Vec<establishment::Model>,
    table: Table,
    query: ListQuery,
    categories: Vec<establishment_category::Model>,
    statuses: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "establishments/list.html")]
struct ListPage {
    chrome: Chrome,
    region: String,
    can_register: bool,
}

impl ListRegion {
    fn count_label(&self) -> String {
        self.chrome.tn("est-count", self.table.total as usize)
    }

    /// The export of the list as filtered and sorted (`csv` or `xlsx`).
    fn export_href(&self, format: &str) -> String {
        crate::export::href(
            "/establishments",
            &[
                ("q", &self.query.q),
                ("category", &self.query.category),
                ("status", &self.query.status),
                ("sort", &self.query.list.sort),
                ("dir", &self.query.list.dir),
            ],
            crate::export::Format::parse(format).unwrap_or(crate::export::Format::Csv),
        )
    }

    fn category_name(&self, code: &str) -> String {
        self.categories
            .iter()
            .find(|c| c.code == code)
            .map(|c| self.chrome.name(&c.name_ar, &c.name_fr).to_owned())
            .unwrap_or_else(|| code.to_owned())
    }
}

fn status_choices(chrome: &Chrome) -> Vec<Choice> {
    Status::ALL
        .into_iter()
        .map(|s| Choice {
            value: s.as_str().into(),
            label: chrome.t2("est-status", s.as_str()),
        })
        .collect()
}

pub async fn list(ctx: Ctx, Query(query): Query<ListQuery>) -> Result<Response, WebError> {
    let g = ctx.grants();
    let mut sorting = COLUMNS.parse(&query.list);
    if sorting.key == Sort::NameFr && ctx.locale == jisr_i18n::Locale::Ar {
        sorting.key = Sort::NameAr;
    }
    let mut filter = ListFilter {
        province: None,
        category: Some(query.category.clone()),
        status: Status::parse(&query.status),
        text: Some(query.q.clone()),
        page: page_number(&query.list),
    };
    let scoped = Scoped::from(ctx.access());
    if let Some(format) = crate::export::Format::parse(&query.format) {
        let (rows, total) = scoped
            .list_all(&filter, sorting.key, sorting.dir, crate::export::MAX_ROWS)
            .await?;
        let chrome = ctx.chrome("est-title");
        let categories = establishments::categories(&ctx.state.store).await?;
        let category = |code: &str| {
            categories
                .iter()
                .find(|c| c.code == code)
                .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
                .unwrap_or_else(|| code.to_owned())
        };
        let export = crate::export::Export {
            name: "establishments",
            entity: jisr_domain::audit::Entity::Establishment,
            headers: vec![
                chrome.t("geo-col-name"),
                chrome.t("est-category"),
                chrome.t("est-province"),
                chrome.t("est-capacity-male"),
                chrome.t("est-capacity-female"),
                chrome.t("est-status"),
            ],
            rows: rows
                .iter()
                .map(|e| {
                    vec![
                        chrome.name(&e.name_ar, &e.name_fr).to_owned(),
                        category(&e.category_code),
                        e.province_code.clone(),
                        e.capacity_male.to_string(),
                        e.capacity_female.to_string(),
                        chrome.t2("est-status", &e.status),
                    ]
                })
                .collect(),
            total,
            filters: vec![
                ("q", query.q.clone()),
                ("category", query.category.clone()),
                ("status", query.status.clone()),
                ("sort", sorting.name.to_owned()),
            ],
        };
        return crate::export::respond(&ctx, format, export).await;
    }
    let (mut rows, mut total) = scoped
        .list_sorted(&filter, sorting.key, sorting.dir)
        .await?;
    let last = Page::new(1, PAGE_SIZE).count(total);
    if filter.page > last {
        // Past the end (the list shrank, or a typed address): the last page.
        filter.page = last;
        (rows, total) = scoped
            .list_sorted(&filter, sorting.key, sorting.dir)
            .await?;
    }
    let chrome = ctx.chrome("est-title");
    let categories = establishments::categories(&ctx.state.store).await?;
    let statuses = status_choices(&chrome);
    let table = Table::new(
        &chrome,
        "/establishments",
        "establishments-region",
        vec![
            ("q", query.q.clone()),
            ("category", query.category.clone()),
            ("status", query.status.clone()),
        ],
        &COLUMNS,
        &sorting,
        Page::new(filter.page, PAGE_SIZE),
        total,
    );
    let region = ListRegion {
        chrome,
        rows,
        table,
        query,
        categories,
        statuses,
    };
    let region = render(region)?.0;
    let can_register = g.can(Capability::RegisterEstablishments);
    listing::respond(ctx.fragment, region, |region| {
        render(ListPage {
            chrome: ctx.chrome("est-title"),
            region,
            can_register,
        })
    })
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewForm {
    pub name_ar: String,
    pub name_fr: String,
    pub category: String,
    pub commune: String,
    pub address: String,
    pub phone: String,
    pub capacity_male: String,
    pub capacity_female: String,
}

#[derive(Template)]
#[template(path = "establishments/new.html")]
struct NewPage {
    chrome: Chrome,
    form: NewForm,
    categories: Vec<establishment_category::Model>,
    errors: FieldErrors,
}

pub async fn new_form(ctx: Ctx) -> Result<Response, WebError> {
    let categories = establishments::categories(&ctx.state.store).await?;
    let page = NewPage {
        chrome: ctx.chrome("est-new-title"),
        form: NewForm::default(),
        categories,
        errors: FieldErrors::default(),
    };
    render(page).map(IntoResponse::into_response)
}

/// Parses the form at the edge: every field error is collected, nothing is saved.
fn parse_new(f: &NewForm) -> Result<NewEstablishment, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    let commune = CommuneCode::parse(&f.commune);
    if commune.is_err() {
        errors.push(("commune", "est-error-commune"));
    }
    let number = |s: &str| s.trim().parse::<i32>().ok();
    let capacity = match (number(&f.capacity_male), number(&f.capacity_female)) {
        (Some(m), Some(w)) => Capacity::new(m, w).map_err(|e| match e {
            jisr_domain::establishments::CapacityError::OutOfRange => "est-error-capacity-range",
            jisr_domain::establishments::CapacityError::Empty => "est-error-capacity-empty",
        }),
        _ => Err("est-error-capacity-range"),
    };
    if let Err(key) = capacity {
        errors.push(("capacity_male", key));
    }
    if f.name_ar.trim().is_empty() && f.name_fr.trim().is_empty() {
        errors.push(("name_ar", "est-error-name"));
    }
    match (commune, capacity, errors.is_empty()) {
        (Ok(commune), Ok(capacity), true) => Ok(NewEstablishment {
            name_ar: f.name_ar.clone(),
            name_fr: f.name_fr.clone(),
            category: f.category.clone(),
            commune,
            address: f.address.clone(),
            phone: f.phone.clone(),
            capacity,
            details: Details::default(),
        }),
        _ => Err(errors),
    }
}

pub async fn create(ctx: Ctx, Form(form): Form<NewForm>) -> Result<Response, WebError> {
    let errors = match parse_new(&form) {
        Ok(new) => match Scoped::from(ctx.access()).create(&ctx.actor, new).await {
            Ok(id) => return Ok(Redirect::to(&format!("/establishments/{id}")).into_response()),
            Err(EstablishmentError::Fields(e)) => e,
            Err(EstablishmentError::Store(e)) => return Err(e.into()),
            Err(other) => {
                return Err(WebError::Internal(format!("registering: {other}")));
            }
        },
        Err(e) => e,
    };
    let chrome = ctx.chrome("est-new-title");
    let categories = establishments::categories(&ctx.state.store).await?;
    let errors = FieldErrors::translate(&chrome, errors);
    let page = NewPage {
        chrome,
        form,
        categories,
        errors,
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

#[derive(Template)]
#[template(path = "establishments/show.html")]
pub(crate) struct ShowPage {
    chrome: Chrome,
    e: establishment::Model,
    category: String,
    commune: String,
    events: Vec<timeline_event::Model>,
    next: Vec<Choice>,
    dossier: Option<DossierView>,
    checklist: Vec<ChecklistRow>,
    can_attach: bool,
    can_request_documents: bool,
    state: ShowState,
    /// The translated error of the last form, if any.
    error: Option<String>,
    /// Display names of the people in the timeline and the documents.
    names: std::collections::HashMap<String, String>,
    declarations: Vec<jisr_store::entity::care_declaration::Model>,
    can_declare: bool,
    can_edit: bool,
    /// The founding association's name, when the person may see it.
    association: Option<String>,
    decl_errors: FieldErrors,
    /// The complaints contesting its authorisation decisions.
    complaints: Vec<super::grievances::Contesting>,
    /// Staffing shortfalls and accreditations expiring, for those who read staff records.
    staffing: Option<super::staff::StaffAlerts>,
}

/// What the last form left on the page: an error, what was typed, a confirmation.
#[derive(Default)]
pub(crate) struct ShowState {
    pub error: Option<&'static str>,
    /// Checklist items named by the error (missing or still requested documents).
    pub error_items: Vec<String>,
    pub reason: String,
    /// The status chosen in the form, kept when it is shown again with an error.
    pub chosen: String,
    /// The documents ticked for a request, kept likewise.
    pub requested: Vec<String>,
    /// Whether "I confirm" was ticked, kept likewise.
    pub confirmed: bool,
    pub upload_errors: Vec<(String, jisr_domain::documents::UploadError)>,
    pub changed: bool,
    pub attached: bool,
    /// The declaration form as typed, and its errors.
    pub declaration: super::authorisation::DeclarationForm,
    pub declaration_errors: Vec<(&'static str, &'static str)>,
}

impl ShowState {
    pub fn error(key: &'static str) -> Self {
        Self {
            error: Some(key),
            ..Self::default()
        }
    }
}

impl ShowPage {
    /// Whether the last error belongs to the status form (not to the upload form).
    /// Whether the status form was refused for want of the confirmation.
    fn confirm_error(&self) -> bool {
        self.state.error == Some("est-error-confirm")
    }

    fn status_error(&self) -> bool {
        self.error.is_some()
            && self.state.upload_errors.is_empty()
            && !self.state.error.unwrap_or("").starts_with("doc-")
    }

    /// Whether the last error belongs to the upload form.
    fn upload_error(&self) -> bool {
        self.error.is_some() && !self.status_error()
    }

    fn who(&self, label: &str) -> String {
        self.chrome.who(&self.names, label)
    }

    fn is_requested(&self, code: &str) -> bool {
        self.state.requested.iter().any(|c| c == code)
    }

    /// The names of the checklist items an error names.
    fn error_item_names(&self) -> Vec<String> {
        self.state
            .error_items
            .iter()
            .map(|code| {
                self.checklist
                    .iter()
                    .find(|r| &r.code == code)
                    .map(|r| r.name.clone())
                    .unwrap_or_else(|| code.clone())
            })
            .collect()
    }
}

pub(crate) async fn show_page(ctx: &Ctx, id: i64, state: ShowState) -> Result<ShowPage, WebError> {
    let g = ctx.grants();
    let scoped = Scoped::from(ctx.access());
    let e = scoped.get(id).await?;
    let events = scoped.events(id).await?;
    let base = ctx.chrome("est-title");
    // The name in the page's language, else the one there is.
    let arabic =
        (ctx.locale == jisr_i18n::Locale::Ar && !e.name_ar.is_empty()) || e.name_fr.is_empty();
    let chrome = base.with_title(if arabic {
        e.name_ar.clone()
    } else {
        e.name_fr.clone()
    });
    let categories = establishments::categories(&ctx.state.store).await?;
    let category = categories
        .iter()
        .find(|c| c.code == e.category_code)
        .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
        .unwrap_or_default();
    let commune = match CommuneCode::parse(&e.commune_code) {
        Ok(code) => jisr_store::geo::commune(ctx.state.store.conn(), &code)
            .await
            .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    let roles: Vec<Role> = g.iter().map(|(r, _)| *r).collect();
    let status = Status::parse(&e.status);
    let next: Vec<Choice> = status
        .map(next_statuses)
        .unwrap_or_default()
        .into_iter()
        .filter(|to| {
            status
                .and_then(|from| transition_capability(from, *to))
                .is_some_and(|needed| roles.iter().any(|r| r.can(needed)))
        })
        .map(|s| Choice {
            value: s.as_str().into(),
            label: chrome.t2("est-status", s.as_str()),
        })
        .collect();
    let can_request_documents = next
        .iter()
        .any(|c| c.value == Status::DocumentsMissing.as_str());
    let can_attach = g.can(Capability::FileAuthorisations)
        && matches!(
            status,
            Some(Status::Project | Status::DocumentsMissing | Status::Refused)
        );
    let (dossier, checklist) =
        super::authorisation::dossier(ctx, &chrome, &e, &state.upload_errors).await?;
    let error = state.error.map(|k| chrome.t(k));
    let mut labels: Vec<&str> = events.iter().map(|e| e.actor.as_str()).collect();
    labels.extend(
        checklist
            .iter()
            .flat_map(|r| r.documents.iter().map(|d| d.uploaded_by.as_str())),
    );
    let names = jisr_store::accounts::names_of_actors(ctx.state.store.conn(), &labels).await?;
    let declarations = scoped.declarations(id).await?;
    let association = match e.association_id {
        Some(aid) => jisr_store::associations::Scoped::from(ctx.access())
            .get(aid)
            .await
            .ok()
            .map(|a| chrome.name(&a.name_ar, &a.name_fr).to_owned()),
        None => None,
    };
    let can_declare = status == Some(Status::Authorised) && g.can(Capability::FileAuthorisations);
    let decl_errors = FieldErrors::translate(&chrome, state.declaration_errors.clone());
    let staffing = super::staff::alerts(ctx, &chrome, id).await?;
    Ok(ShowPage {
        chrome,
        e,
        category,
        commune,
        events,
        next,
        dossier,
        checklist,
        can_attach,
        can_request_documents,
        state,
        error,
        names,
        declarations,
        can_declare,
        can_edit: g.can(Capability::FileAuthorisations),
        association,
        decl_errors,
        complaints: super::grievances::contesting(ctx, None, Some(id)).await?,
        staffing,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    changed: Option<String>,
    attached: Option<String>,
}

pub async fn show(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, WebError> {
    let state = ShowState {
        changed: q.changed.is_some(),
        attached: q.attached.is_some(),
        ..ShowState::default()
    };
    render(show_page(&ctx, id, state).await?).map(IntoResponse::into_response)
}

/// The status form: `to`, `reason`, and `requested` once per document asked for.
pub async fn change_status(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let (to_text, reason) = (field("to"), field("reason"));
    let confirmed = field("confirm") == "yes";
    let requested: Vec<String> = fields
        .iter()
        .filter(|(k, _)| k == "requested")
        .map(|(_, v)| v.clone())
        .collect();
    let scoped = Scoped::from(ctx.access());
    // Out of scope is "not found" before anything else is looked at.
    scoped.get(id).await?;
    let mut items = Vec::new();
    let key = match Status::parse(&to_text) {
        None => "est-error-transition",
        // Refusing, suspending, withdrawing or closing is not undone from the page: it needs the box
        // "I confirm" ticked (the form works the same without JavaScript).
        Some(to) if CONFIRMED_STATUSES.contains(&to) && !confirmed => "est-error-confirm",
        Some(to) => {
            // Documents are named only when asking for them.
            let asked: &[String] = if to == Status::DocumentsMissing {
                &requested
            } else {
                &[]
            };
            match scoped.transition(&ctx.actor, id, to, &reason, asked).await {
                Ok(()) => {
                    return Ok(
                        Redirect::to(&format!("/establishments/{id}?changed=1")).into_response()
                    );
                }
                Err(EstablishmentError::Transition(TransitionError::ReasonMissing)) => {
                    "est-error-reason"
                }
                Err(EstablishmentError::Transition(TransitionError::DocumentsAlreadyRequested)) => {
                    "est-error-documents-once"
                }
                Err(EstablishmentError::Transition(TransitionError::AppealAlreadyFiled)) => {
                    "est-error-appeal-once"
                }
                Err(EstablishmentError::MissingDocuments(m)) => {
                    items = m;
                    "est-error-missing-documents"
                }
                Err(EstablishmentError::StillRequested(m)) => {
                    items = m;
                    "est-error-still-requested"
                }
                Err(EstablishmentError::DocumentRequest(_)) => "est-error-request-documents",
                Err(EstablishmentError::Store(e)) => return Err(e.into()),
                Err(_) => "est-error-transition",
            }
        }
    };
    let state = ShowState {
        error: Some(key),
        error_items: items,
        reason,
        chosen: to_text,
        requested,
        confirmed,
        ..ShowState::default()
    };
    let page = show_page(&ctx, id, state).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DirectoryQuery {
    pub province: String,
    pub commune: String,
    pub category: String,
    /// A service or a name.
    pub q: String,
}

pub struct DirectoryRow {
    pub name: String,
    pub other_name: String,
    pub category: String,
    pub commune: String,
    pub address: String,
    pub phone: String,
    pub services: String,
    pub opening_hours: String,
    /// "N places", with the language's plural forms.
    pub places: String,
}

#[derive(Template)]
#[template(path = "establishments/directory.html")]
struct DirectoryPage {
    chrome: Chrome,
    rows: Vec<DirectoryRow>,
    query: DirectoryQuery,
    categories: Vec<Choice>,
    provinces: Vec<Choice>,
    /// The communes of the chosen province, to narrow the search.
    communes: Vec<Choice>,
}

/// Authorised establishments for everyone: name, category, place, contact, services,
/// capacity — never personal data.
pub async fn directory(
    ctx: Ctx,
    Query(query): Query<DirectoryQuery>,
) -> Result<Response, WebError> {
    let chrome = ctx.chrome("dir-title");
    let province = ProvinceCode::parse(&query.province).ok();
    let commune = CommuneCode::parse(&query.commune).ok().filter(|c| {
        province
            .as_ref()
            .is_some_and(|p| c.as_str().starts_with(&format!("{p}.")))
    });
    let db = ctx.state.store.conn();
    let cats = establishments::categories(&ctx.state.store).await?;
    let filter = establishments::DirectoryFilter {
        province: province.clone(),
        commune,
        category: Some(query.category.clone()),
        text: Some(query.q.clone()),
    };
    let rows_raw = establishments::public_directory(&ctx.state.store, &filter).await?;
    let communes = match &province {
        Some(p) => jisr_store::geo::communes(db, p)
            .await?
            .into_iter()
            .map(|c| Choice {
                label: chrome.name(&c.name_ar, &c.name_fr).to_owned(),
                value: c.code,
            })
            .collect(),
        None => Vec::new(),
    };
    let mut rows = Vec::new();
    for e in rows_raw {
        let commune = match CommuneCode::parse(&e.commune_code) {
            Ok(c) => jisr_store::geo::commune(db, &c)
                .await
                .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
                .unwrap_or_default(),
            Err(_) => String::new(),
        };
        let category = cats
            .iter()
            .find(|c| c.code == e.category_code)
            .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
            .unwrap_or_default();
        rows.push(DirectoryRow {
            name: chrome.name(&e.name_ar, &e.name_fr).to_owned(),
            other_name: chrome.other_name(&e.name_ar, &e.name_fr).to_owned(),
            category,
            commune,
            address: e.address,
            phone: e.phone,
            services: e.services,
            opening_hours: e.opening_hours,
            places: chrome.tn(
                "dir-capacity",
                (e.capacity_male + e.capacity_female).max(0) as usize,
            ),
        });
    }
    let categories = cats
        .iter()
        .map(|c| Choice {
            value: c.code.clone(),
            label: chrome.name(&c.name_ar, &c.name_fr).to_owned(),
        })
        .collect();
    let provinces = jisr_store::geo::provinces(db, None)
        .await?
        .into_iter()
        .map(|p| Choice {
            label: chrome.name(&p.name_ar, &p.name_fr).to_owned(),
            value: p.code,
        })
        .collect();
    render(DirectoryPage {
        chrome,
        rows,
        query,
        categories,
        provinces,
        communes,
    })
    .map(IntoResponse::into_response)
}

/// The facts of an establishment, as typed in the edit form.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EditForm {
    pub name_ar: String,
    pub name_fr: String,
    pub address: String,
    pub phone: String,
    pub capacity_male: String,
    pub capacity_female: String,
    /// The founding association's id, or empty.
    pub association: String,
    pub director: String,
    pub services: String,
    pub opening_hours: String,
    pub latitude: String,
    pub longitude: String,
}

impl EditForm {
    fn from_model(e: &establishment::Model) -> Self {
        let degrees = |v: Option<i32>| v.map(|m| format!("{:.6}", f64::from(m) / 1e6));
        Self {
            name_ar: e.name_ar.clone(),
            name_fr: e.name_fr.clone(),
            address: e.address.clone(),
            phone: e.phone.clone(),
            capacity_male: e.capacity_male.to_string(),
            capacity_female: e.capacity_female.to_string(),
            association: e.association_id.map(|a| a.to_string()).unwrap_or_default(),
            director: e.director.clone(),
            services: e.services.clone(),
            opening_hours: e.opening_hours.clone(),
            latitude: degrees(e.latitude_micro).unwrap_or_default(),
            longitude: degrees(e.longitude_micro).unwrap_or_default(),
        }
    }

    /// Parses the form at the edge, collecting every field error.
    fn parse(
        &self,
    ) -> Result<establishments::EstablishmentUpdate, Vec<(&'static str, &'static str)>> {
        let mut errors = Vec::new();
        let number = |s: &str| s.trim().parse::<i32>().ok();
        let capacity = match (number(&self.capacity_male), number(&self.capacity_female)) {
            (Some(m), Some(w)) => Capacity::new(m, w).map_err(|e| match e {
                jisr_domain::establishments::CapacityError::OutOfRange => {
                    "est-error-capacity-range"
                }
                jisr_domain::establishments::CapacityError::Empty => "est-error-capacity-empty",
            }),
            _ => Err("est-error-capacity-range"),
        };
        if let Err(key) = capacity {
            errors.push(("capacity_male", key));
        }
        let association = match self.association.trim() {
            "" => Ok(None),
            s => s.parse::<i64>().map(Some).map_err(|_| ()),
        };
        if association.is_err() {
            errors.push(("association", "est-error-association"));
        }
        let coordinates =
            jisr_domain::establishments::parse_coordinates(&self.latitude, &self.longitude);
        if coordinates.is_err() {
            errors.push(("latitude", "est-error-coordinates"));
        }
        match (capacity, association, coordinates, errors.is_empty()) {
            (Ok(capacity), Ok(association_id), Ok(coordinates), true) => {
                Ok(establishments::EstablishmentUpdate {
                    name_ar: self.name_ar.clone(),
                    name_fr: self.name_fr.clone(),
                    address: self.address.clone(),
                    phone: self.phone.clone(),
                    capacity,
                    details: Details {
                        association_id,
                        director: self.director.clone(),
                        services: self.services.clone(),
                        opening_hours: self.opening_hours.clone(),
                        coordinates,
                    },
                })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "establishments/edit.html")]
struct EditPage {
    chrome: Chrome,
    id: i64,
    name: String,
    form: EditForm,
    errors: FieldErrors,
    capacity_locked: bool,
}

async fn edit_page(
    ctx: &Ctx,
    id: i64,
    form: Option<EditForm>,
    errors: Vec<(&'static str, &'static str)>,
) -> Result<EditPage, WebError> {
    let e = Scoped::from(ctx.access()).get(id).await?;
    let chrome = ctx.chrome("est-edit-title");
    let errors = FieldErrors::translate(&chrome, errors);
    Ok(EditPage {
        name: chrome.name(&e.name_ar, &e.name_fr).to_owned(),
        id,
        form: form.unwrap_or_else(|| EditForm::from_model(&e)),
        errors,
        capacity_locked: !Status::parse(&e.status)
            .is_some_and(jisr_domain::establishments::capacity_editable),
        chrome,
    })
}

pub async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    render(edit_page(&ctx, id, None, Vec::new()).await?).map(IntoResponse::into_response)
}

pub async fn edit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<EditForm>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.get(id).await?;
    let errors = match form.parse() {
        Ok(update) => match scoped.update(&ctx.actor, id, update).await {
            Ok(()) => {
                return Ok(Redirect::to(&format!("/establishments/{id}?changed=1")).into_response());
            }
            Err(EstablishmentError::Fields(e)) => e,
            Err(EstablishmentError::Transition(_)) => return Err(WebError::Forbidden),
            Err(EstablishmentError::Store(e)) => return Err(e.into()),
            Err(other) => return Err(WebError::Internal(other.to_string())),
        },
        Err(e) => e,
    };
    let page = edit_page(&ctx, id, Some(form), errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    use jisr_domain::access::Capability;
    Routes::new()
        .add(
            Method::GET,
            "/directory",
            "/directory?province=07.427",
            Public,
            get(directory),
        )
        .add(
            Method::GET,
            "/establishments",
            "/establishments",
            SignedIn,
            get(list),
        )
        .add(
            Method::GET,
            "/establishments/new",
            "/establishments/new",
            Can(Capability::RegisterEstablishments),
            get(new_form),
        )
        .add(
            Method::POST,
            "/establishments",
            "/establishments",
            Can(Capability::RegisterEstablishments),
            post(create),
        )
        // Examples: establishment 1 is in Rehamna, establishment 2 in Casablanca.
        .add_record(
            Method::GET,
            "/establishments/{id}",
            "/establishments/1",
            Some("/establishments/2"),
            SignedIn,
            get(show),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/status",
            "/establishments/1/status",
            Some("/establishments/2/status"),
            SignedIn,
            post(change_status),
        )
        .add_record(
            Method::GET,
            "/establishments/{id}/edit",
            "/establishments/1/edit",
            Some("/establishments/2/edit"),
            Can(Capability::FileAuthorisations),
            get(edit_form),
        )
        .add_record(
            Method::POST,
            "/establishments/{id}/edit",
            "/establishments/1/edit",
            Some("/establishments/2/edit"),
            Can(Capability::FileAuthorisations),
            post(edit),
        )
}
