//! Associations in the pages: the scoped registry with search, the record with its board
//! and establishments, registering and changing one, and importing a CSV file with a
//! report of every refused row.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::listing::{self, Columns, ListParams, Table, page_number};
use crate::view::{Chrome, FieldErrors};
use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Form, Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jisr_domain::access::Capability;
use jisr_domain::associations::Position;
use jisr_store::associations::{
    AssociationError, AssociationInput, IMPORT_COLUMNS, ImportError, ImportReport, PAGE_SIZE,
    RowError, Scoped, Sort,
};
use jisr_store::entity::{association, association_board_member, establishment};
use jisr_store::listing::{Direction, Page};
use serde::Deserialize;

fn may_edit(ctx: &Ctx) -> bool {
    ctx.can(Capability::EditAssociations)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    #[serde(flatten)]
    pub list: ListParams,
}

/// The sortable columns; "name" sorts by the name in the page's script.
const COLUMNS: Columns<Sort> = Columns {
    columns: &[
        ("name", Sort::NameFr, Direction::Ascending),
        ("number", Sort::Number, Direction::Ascending),
        ("province", Sort::Province, Direction::Ascending),
    ],
    default: ("name", Direction::Ascending),
};

/// The search, count, table and pager: the part htmx replaces.
#[derive(Template)]
#[template(path = "associations/list_region.html")]
struct ListRegion {
    chrome: Chrome,
    rows: Vec<association::Model>,
    table: Table,
    q: String,
}

#[derive(Template)]
#[template(path = "associations/list.html")]
struct ListPage {
    chrome: Chrome,
    region: String,
    can_edit: bool,
}

impl ListRegion {
    fn count_label(&self) -> String {
        self.chrome.tn("assoc-count", self.table.total as usize)
    }
}

pub async fn list(ctx: Ctx, Query(q): Query<ListQuery>) -> Result<Response, WebError> {
    let mut sorting = COLUMNS.parse(&q.list);
    if sorting.key == Sort::NameFr && ctx.locale == jisr_i18n::Locale::Ar {
        sorting.key = Sort::NameAr;
    }
    let mut page = page_number(&q.list);
    let scoped = Scoped::from(ctx.access());
    let (mut rows, mut total) = scoped
        .list_sorted(&q.q, sorting.key, sorting.dir, page)
        .await?;
    let last = Page::new(1, PAGE_SIZE).count(total);
    if page > last {
        page = last;
        (rows, total) = scoped
            .list_sorted(&q.q, sorting.key, sorting.dir, page)
            .await?;
    }
    let chrome = ctx.chrome("assoc-title");
    let table = Table::new(
        &chrome,
        "/associations",
        "associations-region",
        vec![("q", q.q.clone())],
        &COLUMNS,
        &sorting,
        Page::new(page, PAGE_SIZE),
        total,
    );
    let region = render(ListRegion {
        chrome,
        rows,
        table,
        q: q.q,
    })?
    .0;
    let can_edit = may_edit(&ctx);
    listing::respond(ctx.fragment, region, |region| {
        render(ListPage {
            chrome: ctx.chrome("assoc-title"),
            region,
            can_edit,
        })
    })
}

/// The association form, as typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AssociationForm {
    pub registration_number: String,
    pub name_ar: String,
    pub name_fr: String,
    pub registration_date: String,
    pub commune: String,
    pub address: String,
    pub phone: String,
    pub email: String,
}

impl AssociationForm {
    fn input(&self) -> AssociationInput {
        AssociationInput {
            registration_number: self.registration_number.clone(),
            name_ar: self.name_ar.clone(),
            name_fr: self.name_fr.clone(),
            registration_date: self.registration_date.clone(),
            commune: self.commune.clone(),
            address: self.address.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
        }
    }

    fn from_model(a: &association::Model) -> Self {
        Self {
            registration_number: a.registration_number.clone(),
            name_ar: a.name_ar.clone(),
            name_fr: a.name_fr.clone(),
            registration_date: a.registration_date.clone(),
            commune: a.commune_code.clone(),
            address: a.address.clone(),
            phone: a.phone.clone(),
            email: a.email.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "associations/form.html")]
struct FormPage {
    chrome: Chrome,
    form: AssociationForm,
    errors: FieldErrors,
    /// Where the form posts: `/associations` or `/associations/{id}`.
    action: String,
}

pub async fn new_form(ctx: Ctx) -> Result<Response, WebError> {
    render(FormPage {
        chrome: ctx.chrome("assoc-new-title"),
        form: AssociationForm::default(),
        errors: FieldErrors::default(),
        action: "/associations".into(),
    })
    .map(IntoResponse::into_response)
}

fn form_error(
    ctx: &Ctx,
    title: &str,
    form: AssociationForm,
    action: String,
    err: AssociationError,
) -> Result<Response, WebError> {
    match err {
        AssociationError::Fields(fields) => {
            let chrome = ctx.chrome(title);
            let errors = FieldErrors::translate(&chrome, fields);
            let page = FormPage {
                chrome,
                form,
                errors,
                action,
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        AssociationError::Role => Err(WebError::Forbidden),
        AssociationError::Store(e) => Err(e.into()),
    }
}

pub async fn create(ctx: Ctx, Form(form): Form<AssociationForm>) -> Result<Response, WebError> {
    match Scoped::from(ctx.access())
        .create(&ctx.actor, &form.input())
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/associations/{id}?saved=1")).into_response()),
        Err(e) => form_error(&ctx, "assoc-new-title", form, "/associations".into(), e),
    }
}

pub async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> Result<Response, WebError> {
    let a = Scoped::from(ctx.access()).get(id).await?;
    render(FormPage {
        chrome: ctx.chrome("assoc-edit-title"),
        form: AssociationForm::from_model(&a),
        errors: FieldErrors::default(),
        action: format!("/associations/{id}"),
    })
    .map(IntoResponse::into_response)
}

pub async fn update(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<AssociationForm>,
) -> Result<Response, WebError> {
    match Scoped::from(ctx.access())
        .update(&ctx.actor, id, &form.input())
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/associations/{id}?saved=1")).into_response()),
        Err(e) => form_error(
            &ctx,
            "assoc-edit-title",
            form,
            format!("/associations/{id}"),
            e,
        ),
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct MemberForm {
    pub member_name: String,
    pub position: String,
    pub since: String,
}

#[derive(Template)]
#[template(path = "associations/show.html")]
struct ShowPage {
    chrome: Chrome,
    a: association::Model,
    commune: String,
    board: Vec<association_board_member::Model>,
    establishments: Vec<establishment::Model>,
    positions: Vec<(String, String)>,
    member: MemberForm,
    errors: FieldErrors,
    can_edit: bool,
    saved: bool,
    documents: Vec<jisr_store::entity::document::Model>,
    /// Each kind of document with its label and the error of the last upload, if any.
    document_kinds: Vec<(String, String, Option<String>)>,
    document_error: Option<String>,
    names: std::collections::HashMap<String, String>,
    /// The board member whose removal was sent without "I confirm" ticked.
    remove_refused: Option<i64>,
}

impl ShowPage {
    fn kind_label(&self, code: &str) -> String {
        self.chrome.t2("assoc-doc", code)
    }

    fn who(&self, label: &str) -> String {
        self.chrome.who(&self.names, label)
    }
}

/// What the last upload left on the page.
#[derive(Default)]
struct UploadState {
    error: Option<&'static str>,
    fields: Vec<(String, jisr_domain::documents::UploadError)>,
}

async fn show_page(
    ctx: &Ctx,
    id: i64,
    member: MemberForm,
    errors: FieldErrors,
    saved: bool,
) -> Result<ShowPage, WebError> {
    show_page_with(ctx, id, member, errors, saved, UploadState::default()).await
}

async fn show_page_with(
    ctx: &Ctx,
    id: i64,
    member: MemberForm,
    errors: FieldErrors,
    saved: bool,
    upload: UploadState,
) -> Result<ShowPage, WebError> {
    let scoped = Scoped::from(ctx.access());
    let a = scoped.get(id).await?;
    let board = scoped.board(id).await?;
    let establishments = jisr_store::establishments::Scoped::from(ctx.access())
        .of_association(id)
        .await?;
    let base = ctx.chrome("assoc-title");
    let title = base.name(&a.name_ar, &a.name_fr).to_owned();
    let chrome = base.with_title(title);
    let commune = match jisr_domain::geo::CommuneCode::parse(&a.commune_code) {
        Ok(code) => jisr_store::geo::commune(ctx.state.store.conn(), &code)
            .await
            .map(|c| chrome.name(&c.name_ar, &c.name_fr).to_owned())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    let positions = Position::ALL
        .into_iter()
        .map(|p| {
            (
                p.as_str().to_owned(),
                chrome.t2("assoc-position", p.as_str()),
            )
        })
        .collect();
    let documents = scoped.documents(id).await?;
    let labels: Vec<&str> = documents.iter().map(|d| d.uploaded_by.as_str()).collect();
    let names = jisr_store::accounts::names_of_actors(ctx.state.store.conn(), &labels).await?;
    let document_kinds = jisr_store::associations::DOCUMENT_KINDS
        .iter()
        .map(|k| {
            let error = upload
                .fields
                .iter()
                .find(|(code, _)| code == k)
                .map(|(_, e)| chrome.t(super::uploads::upload_error_key(*e)));
            ((*k).to_owned(), chrome.t2("assoc-doc", k), error)
        })
        .collect();
    let document_error = upload.error.map(|k| chrome.t(k));
    Ok(ShowPage {
        chrome,
        a,
        commune,
        board,
        establishments,
        positions,
        member,
        errors,
        can_edit: may_edit(ctx),
        saved,
        documents,
        document_kinds,
        document_error,
        names,
        remove_refused: None,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    saved: Option<String>,
}

pub async fn show(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, WebError> {
    let page = show_page(
        &ctx,
        id,
        MemberForm::default(),
        FieldErrors::default(),
        q.saved.is_some(),
    )
    .await?;
    render(page).map(IntoResponse::into_response)
}

pub async fn add_member(
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<MemberForm>,
) -> Result<Response, WebError> {
    let result = Scoped::from(ctx.access())
        .add_board_member(
            &ctx.actor,
            id,
            &form.member_name,
            &form.position,
            &form.since,
        )
        .await;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/associations/{id}?saved=1#board")).into_response()),
        Err(AssociationError::Fields(fields)) => {
            let chrome = ctx.chrome("assoc-title");
            let errors = FieldErrors::translate(&chrome, fields);
            let page = show_page(&ctx, id, form, errors, false).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(AssociationError::Role) => Err(WebError::Forbidden),
        Err(AssociationError::Store(e)) => Err(e.into()),
    }
}

/// The confirmation box of a destructive form.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Confirm {
    pub confirm: String,
}

/// Removes a board member once "I confirm" is ticked; without it the record is shown
/// again with the error at that member's form (nothing changes).
pub async fn remove_member(
    ctx: Ctx,
    Path((id, member)): Path<(i64, i64)>,
    Form(form): Form<Confirm>,
) -> Result<Response, WebError> {
    if form.confirm != "yes" {
        let mut page = show_page(
            &ctx,
            id,
            MemberForm::default(),
            FieldErrors::default(),
            false,
        )
        .await?;
        page.remove_refused = Some(member);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response());
    }
    match Scoped::from(ctx.access())
        .remove_board_member(&ctx.actor, id, member)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/associations/{id}?saved=1#board")).into_response()),
        Err(AssociationError::Role) => Err(WebError::Forbidden),
        Err(AssociationError::Store(e)) => Err(e.into()),
        Err(AssociationError::Fields(_)) => Err(WebError::BadRequest("error-bad-request-text")),
    }
}

pub struct RowErrorView {
    pub line: u64,
    pub field: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "associations/import.html")]
struct ImportPage {
    chrome: Chrome,
    columns: String,
    report: Option<ImportReport>,
    rows: Vec<RowErrorView>,
    error: Option<String>,
}

impl ImportPage {
    /// How many lines were refused (a line may have several reasons).
    fn rows_label(&self) -> String {
        let mut lines: Vec<u64> = self.rows.iter().map(|r| r.line).collect();
        lines.dedup();
        self.chrome.tn("import-refused-rows", lines.len())
    }
}

fn import_page(ctx: &Ctx) -> ImportPage {
    ImportPage {
        chrome: ctx.chrome("assoc-import-title"),
        columns: IMPORT_COLUMNS.join(","),
        report: None,
        rows: Vec::new(),
        error: None,
    }
}

pub async fn import_form(ctx: Ctx) -> Result<Response, WebError> {
    render(import_page(&ctx)).map(IntoResponse::into_response)
}

/// The largest import file read.
pub const IMPORT_LIMIT: usize = 5 * 1024 * 1024;

pub async fn import(
    ctx: Ctx,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let mut page = import_page(&ctx);
    let mut text = None;
    if let Ok(mut form) = multipart {
        while let Ok(Some(field)) = form.next_field().await {
            if field.name() == Some("file") {
                text = field.bytes().await.ok();
                break;
            }
        }
    }
    let Some(bytes) = text.filter(|b| !b.is_empty()) else {
        page.error = Some(page.chrome.t("import-error-no-file"));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response());
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        page.error = Some(page.chrome.t("import-error-encoding"));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response());
    };
    match Scoped::from(ctx.access())
        .import_csv(&ctx.actor, text)
        .await
    {
        Ok(report) => {
            page.report = Some(report);
            render(page).map(IntoResponse::into_response)
        }
        Err(ImportError::Rows(rows)) => {
            page.rows = rows
                .into_iter()
                .map(|RowError { line, field, key }| RowErrorView {
                    line,
                    // The file's own column name, not the form's.
                    field: if field == "commune" {
                        "commune_code".into()
                    } else {
                        field
                    },
                    message: page.chrome.t(key),
                })
                .collect();
            page.error = Some(page.chrome.t("import-error-nothing"));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
        }
        Err(ImportError::Role) => Err(WebError::Forbidden),
        Err(ImportError::Store(e)) => Err(e.into()),
    }
}

/// Attaches the files chosen in the documents form (`file-<kind>` fields).
pub async fn attach(
    ctx: Ctx,
    Path(id): Path<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, WebError> {
    let scoped = Scoped::from(ctx.access());
    scoped.get(id).await?;
    let read = super::uploads::read_files(multipart).await;
    let unreadable = read.is_err();
    let uploads = read.unwrap_or_default();
    let upload = if unreadable {
        UploadState {
            error: Some("doc-error-unreadable"),
            ..UploadState::default()
        }
    } else if uploads.is_empty() {
        UploadState {
            error: Some("doc-error-none"),
            ..UploadState::default()
        }
    } else {
        match scoped
            .attach(
                &ctx.actor,
                &ctx.state.files,
                id,
                uploads,
                ctx.state.config.max_upload_bytes,
            )
            .await
        {
            Ok(_) => {
                return Ok(
                    Redirect::to(&format!("/associations/{id}?saved=1#documents")).into_response(),
                );
            }
            Err(jisr_store::associations::AttachError::Uploads(fields)) => UploadState {
                error: Some("doc-error-batch"),
                fields,
            },
            Err(jisr_store::associations::AttachError::Role) => return Err(WebError::Forbidden),
            Err(jisr_store::associations::AttachError::Store(jisr_store::StoreError::Invalid(
                _,
            ))) => UploadState {
                error: Some("doc-error-item"),
                ..UploadState::default()
            },
            Err(jisr_store::associations::AttachError::Store(e)) => return Err(e.into()),
        }
    };
    let page = show_page_with(
        &ctx,
        id,
        MemberForm::default(),
        FieldErrors::default(),
        false,
        upload,
    )
    .await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(page)?).into_response())
}

/// A document of an association, for someone who may see the association.
pub async fn download(
    ctx: Ctx,
    Path((id, document_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let (doc, bytes) = Scoped::from(ctx.access())
        .document(&ctx.actor, &ctx.state.files, id, document_id)
        .await?;
    Ok(super::uploads::file_response(&doc, bytes))
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
            "/associations",
            "/associations",
            SignedIn,
            get(list),
        )
        .add(
            Method::GET,
            "/associations/new",
            "/associations/new",
            Can(Capability::EditAssociations),
            get(new_form),
        )
        .add(
            Method::POST,
            "/associations",
            "/associations",
            Can(Capability::EditAssociations),
            post(create),
        )
        .add(
            Method::GET,
            "/associations/import",
            "/associations/import",
            Can(Capability::EditAssociations),
            get(import_form),
        )
        .add(
            Method::POST,
            "/associations/import",
            "/associations/import",
            Can(Capability::EditAssociations),
            post(import).layer(axum::extract::DefaultBodyLimit::max(IMPORT_LIMIT)),
        )
        // Examples: association 1 is in Rehamna, association 2 in Casablanca; board
        // member 1 sits on the first, 2 on the second.
        .add_record(
            Method::GET,
            "/associations/{id}",
            "/associations/1",
            Some("/associations/2"),
            SignedIn,
            get(show),
        )
        .add_record(
            Method::POST,
            "/associations/{id}",
            "/associations/1",
            Some("/associations/2"),
            Can(Capability::EditAssociations),
            post(update),
        )
        .add_record(
            Method::GET,
            "/associations/{id}/edit",
            "/associations/1/edit",
            Some("/associations/2/edit"),
            Can(Capability::EditAssociations),
            get(edit_form),
        )
        .add_record(
            Method::POST,
            "/associations/{id}/board",
            "/associations/1/board",
            Some("/associations/2/board"),
            Can(Capability::EditAssociations),
            post(add_member),
        )
        .add_record(
            Method::POST,
            "/associations/{id}/board/{member}/delete",
            "/associations/1/board/1/delete",
            Some("/associations/2/board/2/delete"),
            Can(Capability::EditAssociations),
            post(remove_member),
        )
        .add_record(
            Method::POST,
            "/associations/{id}/documents",
            "/associations/1/documents",
            Some("/associations/2/documents"),
            Can(Capability::EditAssociations),
            post(attach).layer(axum::extract::DefaultBodyLimit::max(
                super::uploads::UPLOAD_BODY_LIMIT,
            )),
        )
        // Examples: document 11 belongs to association 1, 12 to association 2.
        .add_record(
            Method::GET,
            "/associations/{id}/documents/{document}",
            "/associations/1/documents/11",
            Some("/associations/2/documents/12"),
            SignedIn,
            get(download),
        )
}
