//! Associations, the partners that found and run establishments, always reached through
//! [`Scoped`]: national, regional and provincial staff see the associations of their
//! territory; an establishment's manager sees the association running it. Out of scope is
//! "not found".

use crate::StoreError;
use crate::audit::{self, Actor, Change};
use crate::entity::{association, association_board_member, commune, establishment};
use crate::listing::{Direction, Page};
use jisr_domain::access::Capability;
use jisr_domain::associations::{Position, RegistrationNumber, email_ok, parse_registration_date};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use sea_orm::sea_query::{Condition, Query};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashSet;

/// An association as typed in a form or a file row, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssociationInput {
    pub registration_number: String,
    pub name_ar: String,
    pub name_fr: String,
    /// `YYYY-MM-DD`.
    pub registration_date: String,
    pub commune: String,
    pub address: String,
    pub phone: String,
    pub email: String,
}

/// What can go wrong with an association.
#[derive(Debug, thiserror::Error)]
pub enum AssociationError {
    /// Fields refused, each with the translation key of its message.
    #[error("invalid fields: {0:?}")]
    Fields(Vec<(&'static str, &'static str)>),
    #[error("your role may not change associations")]
    Role,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for AssociationError {
    fn from(e: sea_orm::DbErr) -> Self {
        AssociationError::Store(e.into())
    }
}

/// A row of an import that was refused: its line in the file, the column, the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub field: String,
    pub key: &'static str,
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Every refused row, in file order.
    #[error("{} rows refused", .0.len())]
    Rows(Vec<RowError>),
    #[error("your role may not change associations")]
    Role,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for ImportError {
    fn from(e: sea_orm::DbErr) -> Self {
        ImportError::Store(e.into())
    }
}

pub const PAGE_SIZE: u64 = 25;

/// What the associations list may be sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    NameFr,
    NameAr,
    /// The registration number.
    Number,
    Province,
}

/// The columns of an import file, in this order, with a header line.
pub const IMPORT_COLUMNS: [&str; 8] = [
    "registration_number",
    "name_ar",
    "name_fr",
    "registration_date",
    "commune_code",
    "address",
    "phone",
    "email",
];

/// A checked association, ready to store.
struct Checked {
    number: RegistrationNumber,
    input: AssociationInput,
    province: String,
}

crate::scoped_handle!(
    /// Associations as one person may see them.
    Scoped
);

impl<'a> Scoped<'a> {
    fn may_edit(&self) -> bool {
        self.can(Capability::EditAssociations)
    }

    fn condition(&self) -> Condition {
        // A manager sees the association running their establishment.
        self.access
            .condition(association::Column::ProvinceCode, |id| {
                Some(
                    association::Column::Id.in_subquery(
                        Query::select()
                            .column(establishment::Column::AssociationId)
                            .from(establishment::Entity)
                            .and_where(establishment::Column::Id.eq(id))
                            .to_owned(),
                    ),
                )
            })
    }

    fn covers(&self, province: &str) -> bool {
        ProvinceCode::parse(province).is_ok_and(|p| self.covers_province(&p))
    }

    /// One page of associations matching a text (name in either script, or number),
    /// by French name.
    pub async fn list(
        &self,
        text: &str,
        page: u64,
    ) -> Result<(Vec<association::Model>, u64), StoreError> {
        self.list_sorted(text, Sort::default(), Direction::Ascending, page)
            .await
    }

    /// One page of associations matching a text, sorted by the database (ties broken
    /// by id).
    pub async fn list_sorted(
        &self,
        text: &str,
        sort: Sort,
        dir: Direction,
        page: u64,
    ) -> Result<(Vec<association::Model>, u64), StoreError> {
        let mut q = association::Entity::find().filter(self.condition());
        let t = text.trim();
        if !t.is_empty() {
            q = q.filter(
                Condition::any()
                    .add(association::Column::NameAr.contains(t))
                    .add(association::Column::NameFr.contains(t))
                    .add(association::Column::RegistrationNumber.contains(t)),
            );
        }
        let total = q.clone().count(self.store().conn()).await?;
        let order = dir.order();
        let q = match sort {
            Sort::NameFr => q.order_by(association::Column::NameFr, order),
            Sort::NameAr => q.order_by(association::Column::NameAr, order),
            Sort::Number => q.order_by(association::Column::RegistrationNumber, order),
            Sort::Province => q
                .order_by(association::Column::ProvinceCode, order)
                .order_by_asc(association::Column::NameFr),
        };
        let page = Page::new(page, PAGE_SIZE);
        let rows = q
            .order_by_asc(association::Column::Id)
            .offset(page.offset())
            .limit(page.size)
            .all(self.store().conn())
            .await?;
        Ok((rows, total))
    }

    /// One association, or "not found" when it is outside the grants.
    pub async fn get(&self, id: i64) -> Result<association::Model, StoreError> {
        association::Entity::find_by_id(id)
            .filter(self.condition())
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The board of an association in scope, by position then name.
    pub async fn board(&self, id: i64) -> Result<Vec<association_board_member::Model>, StoreError> {
        self.get(id).await?;
        let mut rows = association_board_member::Entity::find()
            .filter(association_board_member::Column::AssociationId.eq(id))
            .all(self.store().conn())
            .await?;
        let rank = |p: &str| Position::ALL.iter().position(|x| x.as_str() == p);
        rows.sort_by(|a, b| {
            rank(&a.position)
                .cmp(&rank(&b.position))
                .then(a.name.cmp(&b.name))
        });
        Ok(rows)
    }

    /// Checks an input against the rules and the database; `existing` is the id of the
    /// association being changed, if any.
    async fn check(
        &self,
        db: &impl ConnectionTrait,
        input: &AssociationInput,
        existing: Option<i64>,
    ) -> Result<Checked, Vec<(&'static str, &'static str)>> {
        let mut errors = Vec::new();
        let number = RegistrationNumber::parse(&input.registration_number);
        match &number {
            None => errors.push(("registration_number", "assoc-error-number")),
            Some(n) => {
                let taken = association::Entity::find()
                    .filter(association::Column::RegistrationNumber.eq(n.as_str()))
                    .one(db)
                    .await
                    .ok()
                    .flatten();
                if taken.is_some_and(|t| Some(t.id) != existing) {
                    errors.push(("registration_number", "assoc-error-number-taken"));
                }
            }
        }
        if input.name_ar.trim().is_empty() && input.name_fr.trim().is_empty() {
            errors.push(("name_ar", "assoc-error-name"));
        }
        if parse_registration_date(&input.registration_date, jisr_domain::time::today()).is_none() {
            errors.push(("registration_date", "assoc-error-date"));
        }
        let mut province = String::new();
        match CommuneCode::parse(&input.commune) {
            Err(_) => errors.push(("commune", "est-error-commune")),
            Ok(code) => match commune::Entity::find_by_id(code.as_str()).one(db).await {
                Ok(Some(c)) if self.covers(&c.province_code) => province = c.province_code,
                Ok(Some(_)) => errors.push(("commune", "est-error-commune-scope")),
                _ => errors.push(("commune", "est-error-commune")),
            },
        }
        if !email_ok(&input.email) {
            errors.push(("email", "assoc-error-email"));
        }
        match (number, errors.is_empty()) {
            (Some(number), true) => Ok(Checked {
                number,
                input: input.clone(),
                province,
            }),
            _ => Err(errors),
        }
    }

    /// Registers an association in a commune of the territory.
    pub async fn create(
        &self,
        actor: &Actor,
        input: &AssociationInput,
    ) -> Result<i64, AssociationError> {
        if !self.may_edit() {
            return Err(AssociationError::Role);
        }
        let txn = self.store().begin_write().await?;
        let checked = self
            .check(&txn, input, None)
            .await
            .map_err(AssociationError::Fields)?;
        let id = insert(&txn, actor, &checked).await?;
        txn.commit().await?;
        Ok(id)
    }

    /// Changes an association of the territory (it may not leave the territory).
    pub async fn update(
        &self,
        actor: &Actor,
        id: i64,
        input: &AssociationInput,
    ) -> Result<(), AssociationError> {
        if !self.may_edit() {
            return Err(AssociationError::Role);
        }
        let current = self.get(id).await?;
        let txn = self.store().begin_write().await?;
        let checked = self
            .check(&txn, input, Some(id))
            .await
            .map_err(AssociationError::Fields)?;
        update(&txn, actor, current, &checked).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Adds a person to the board. Positions other than `member` are held by one person.
    pub async fn add_board_member(
        &self,
        actor: &Actor,
        id: i64,
        name: &str,
        position: &str,
        since: &str,
    ) -> Result<i64, AssociationError> {
        if !self.may_edit() {
            return Err(AssociationError::Role);
        }
        self.get(id).await?;
        let mut errors = Vec::new();
        if name.trim().is_empty() {
            errors.push(("member_name", "assoc-error-member-name"));
        }
        let position = Position::parse(position);
        if position.is_none() {
            errors.push(("position", "assoc-error-position"));
        }
        let since_ok = since.trim().is_empty()
            || parse_registration_date(since, jisr_domain::time::today()).is_some();
        if !since_ok {
            errors.push(("since", "assoc-error-date"));
        }
        let txn = self.store().begin_write().await?;
        if let Some(p) = position.filter(|p| p.is_single()) {
            let held = association_board_member::Entity::find()
                .filter(association_board_member::Column::AssociationId.eq(id))
                .filter(association_board_member::Column::Position.eq(p.as_str()))
                .count(&txn)
                .await?;
            if held > 0 {
                errors.push(("position", "assoc-error-position-held"));
            }
        }
        let (Some(position), true) = (position, errors.is_empty()) else {
            return Err(AssociationError::Fields(errors));
        };
        let res = association_board_member::Entity::insert(association_board_member::ActiveModel {
            id: NotSet,
            association_id: Set(id),
            name: Set(name.trim().to_owned()),
            position: Set(position.as_str().to_owned()),
            since: Set(since.trim().to_owned()),
        })
        .exec(&txn)
        .await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::Create,
                entity: jisr_domain::audit::Entity::BoardMember,
                entity_id: res.last_insert_id.to_string(),
                before: None,
                after: Some(serde_json::json!({
                    "association": id, "name": name.trim(), "position": position.as_str(),
                    "since": since.trim(),
                })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(res.last_insert_id)
    }

    /// Removes a person from the board of an association in scope; returns whether they
    /// were on it (removing twice changes nothing the second time).
    pub async fn remove_board_member(
        &self,
        actor: &Actor,
        id: i64,
        member: i64,
    ) -> Result<bool, AssociationError> {
        if !self.may_edit() {
            return Err(AssociationError::Role);
        }
        self.get(id).await?;
        let txn = self.store().begin_write().await?;
        let Some(row) = association_board_member::Entity::find_by_id(member)
            .filter(association_board_member::Column::AssociationId.eq(id))
            .one(&txn)
            .await?
        else {
            return Ok(false);
        };
        association_board_member::Entity::delete_by_id(member)
            .exec(&txn)
            .await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::Delete,
                entity: jisr_domain::audit::Entity::BoardMember,
                entity_id: member.to_string(),
                before: Some(serde_json::json!({
                    "association": id, "name": row.name, "position": row.position,
                })),
                after: None,
            },
        )
        .await?;
        txn.commit().await?;
        Ok(true)
    }

    /// Imports associations from CSV text with a header line ([`IMPORT_COLUMNS`]).
    /// Every row is checked first; any refused row refuses the whole file, each reported
    /// with its line. Rows are matched by registration number, so importing the same file
    /// again changes nothing.
    pub async fn import_csv(&self, actor: &Actor, text: &str) -> Result<ImportReport, ImportError> {
        if !self.may_edit() {
            return Err(ImportError::Role);
        }
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let mut errors = Vec::new();
        let header: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(str::to_owned).collect(),
            Err(_) => Vec::new(),
        };
        if header != IMPORT_COLUMNS {
            return Err(ImportError::Rows(vec![RowError {
                line: 1,
                field: String::new(),
                key: "import-error-header",
            }]));
        }
        let txn = self.store().begin_write().await?;
        let mut seen = HashSet::new();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map(|p| p.line()).unwrap_or(0);
                    errors.push(RowError {
                        line,
                        field: String::new(),
                        key: "import-error-unreadable",
                    });
                    continue;
                }
            };
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            if record.len() != IMPORT_COLUMNS.len() {
                errors.push(RowError {
                    line,
                    field: String::new(),
                    key: "import-error-columns",
                });
                continue;
            }
            let input = AssociationInput {
                registration_number: record[0].to_owned(),
                name_ar: record[1].to_owned(),
                name_fr: record[2].to_owned(),
                registration_date: record[3].to_owned(),
                commune: record[4].to_owned(),
                address: record[5].to_owned(),
                phone: record[6].to_owned(),
                email: record[7].to_owned(),
            };
            if !seen.insert(input.registration_number.trim().to_owned()) {
                errors.push(RowError {
                    line,
                    field: "registration_number".into(),
                    key: "import-error-duplicate",
                });
                continue;
            }
            let existing = match RegistrationNumber::parse(&input.registration_number) {
                Some(n) => {
                    association::Entity::find()
                        .filter(association::Column::RegistrationNumber.eq(n.as_str()))
                        .one(&txn)
                        .await?
                }
                None => None,
            };
            // An association of another territory is not changed from here, nor revealed.
            let visible = match &existing {
                Some(a) => self.covers(&a.province_code),
                None => true,
            };
            if !visible {
                errors.push(RowError {
                    line,
                    field: "registration_number".into(),
                    key: "assoc-error-number-taken",
                });
                continue;
            }
            match self
                .check(&txn, &input, existing.as_ref().map(|a| a.id))
                .await
            {
                Ok(checked) => rows.push((checked, existing)),
                Err(fields) => errors.extend(fields.into_iter().map(|(field, key)| RowError {
                    line,
                    field: field.to_owned(),
                    key,
                })),
            }
        }
        if !errors.is_empty() {
            return Err(ImportError::Rows(errors));
        }
        let mut report = ImportReport::default();
        for (checked, existing) in rows {
            match existing {
                None => {
                    insert(&txn, actor, &checked).await?;
                    report.inserted += 1;
                }
                Some(current) => {
                    if update(&txn, actor, current, &checked).await? {
                        report.updated += 1;
                    } else {
                        report.unchanged += 1;
                    }
                }
            }
        }
        txn.commit().await?;
        Ok(report)
    }
}

async fn insert(db: &DatabaseTransaction, actor: &Actor, c: &Checked) -> Result<i64, StoreError> {
    let i = &c.input;
    let res = association::Entity::insert(association::ActiveModel {
        id: NotSet,
        name_ar: Set(i.name_ar.trim().to_owned()),
        name_fr: Set(i.name_fr.trim().to_owned()),
        registration_number: Set(c.number.as_str().to_owned()),
        registration_date: Set(i.registration_date.trim().to_owned()),
        commune_code: Set(i.commune.trim().to_owned()),
        province_code: Set(c.province.clone()),
        address: Set(i.address.trim().to_owned()),
        phone: Set(i.phone.trim().to_owned()),
        email: Set(i.email.trim().to_owned()),
        created_at: Set(crate::now_text()),
    })
    .exec(db)
    .await?;
    audit::record(
        db,
        actor,
        Change {
            action: jisr_domain::audit::Action::Create,
            entity: jisr_domain::audit::Entity::Association,
            entity_id: res.last_insert_id.to_string(),
            before: None,
            after: Some(snapshot_of_input(c)),
        },
    )
    .await?;
    Ok(res.last_insert_id)
}

fn snapshot_of_input(c: &Checked) -> serde_json::Value {
    let i = &c.input;
    serde_json::json!({
        "registration_number": c.number.as_str(), "name_ar": i.name_ar.trim(),
        "name_fr": i.name_fr.trim(), "registration_date": i.registration_date.trim(),
        "commune": i.commune.trim(), "address": i.address.trim(), "phone": i.phone.trim(),
        "email": i.email.trim(),
    })
}

fn snapshot(a: &association::Model) -> serde_json::Value {
    serde_json::json!({
        "registration_number": a.registration_number, "name_ar": a.name_ar,
        "name_fr": a.name_fr, "registration_date": a.registration_date,
        "commune": a.commune_code, "address": a.address, "phone": a.phone, "email": a.email,
    })
}

/// Writes the changes, if any; returns whether something changed.
async fn update(
    db: &DatabaseTransaction,
    actor: &Actor,
    current: association::Model,
    c: &Checked,
) -> Result<bool, StoreError> {
    let before = snapshot(&current);
    let after = snapshot_of_input(c);
    if before == after {
        return Ok(false);
    }
    let id = current.id;
    let i = &c.input;
    let mut am = current.into_active_model();
    am.name_ar = Set(i.name_ar.trim().to_owned());
    am.name_fr = Set(i.name_fr.trim().to_owned());
    am.registration_number = Set(c.number.as_str().to_owned());
    am.registration_date = Set(i.registration_date.trim().to_owned());
    am.commune_code = Set(i.commune.trim().to_owned());
    am.province_code = Set(c.province.clone());
    am.address = Set(i.address.trim().to_owned());
    am.phone = Set(i.phone.trim().to_owned());
    am.email = Set(i.email.trim().to_owned());
    am.update(db).await?;
    audit::record(
        db,
        actor,
        Change {
            action: jisr_domain::audit::Action::Update,
            entity: jisr_domain::audit::Entity::Association,
            entity_id: id.to_string(),
            before: Some(before),
            after: Some(after),
        },
    )
    .await?;
    Ok(true)
}

/// The kind naming associations as owners of documents.
pub const OWNER_KIND: &str = "association";

/// An association as the owner of documents.
pub fn owner(id: i64) -> crate::owner::Owner {
    crate::owner::Owner::new(OWNER_KIND, id)
}

/// The kinds of document an association's file holds.
pub const DOCUMENT_KINDS: &[&str] = &["statutes", "registration_receipt", "board_minutes"];

impl Scoped<'_> {
    /// Attaches documents (statutes, registration receipt, minutes of the board's election)
    /// to an association in scope: all files checked first, then stored and recorded in one
    /// transaction.
    pub async fn attach(
        &self,
        actor: &Actor,
        files: &crate::files::FileStore,
        id: i64,
        uploads: Vec<crate::authorisation::Upload>,
        max_bytes: usize,
    ) -> Result<Vec<i64>, AttachError> {
        if !self.may_edit() {
            return Err(AttachError::Role);
        }
        self.get(id).await?;
        crate::documents::attach(
            self.store(),
            actor,
            files,
            owner(id),
            uploads,
            DOCUMENT_KINDS,
            max_bytes,
            chrono::Utc::now(),
        )
        .await
        .map_err(|e| match e {
            crate::documents::BatchError::Refused(refused) => AttachError::Uploads(refused),
            crate::documents::BatchError::Store(e) => e.into(),
        })
    }

    /// The documents of an association in scope, newest first.
    pub async fn documents(
        &self,
        id: i64,
    ) -> Result<Vec<crate::entity::document::Model>, StoreError> {
        self.get(id).await?;
        crate::documents::list(self.store(), owner(id)).await
    }

    /// One document of an association in scope, with its bytes; the read is audited.
    pub async fn document(
        &self,
        actor: &Actor,
        files: &crate::files::FileStore,
        id: i64,
        document_id: i64,
    ) -> Result<(crate::entity::document::Model, Vec<u8>), StoreError> {
        self.get(id).await?;
        crate::documents::read(self.store(), actor, files, owner(id), document_id).await
    }
}

/// Why documents were not attached to an association.
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    #[error("files refused: {0:?}")]
    Uploads(Vec<(String, jisr_domain::documents::UploadError)>),
    #[error("your role may not change associations")]
    Role,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for AttachError {
    fn from(e: sea_orm::DbErr) -> Self {
        AttachError::Store(e.into())
    }
}
