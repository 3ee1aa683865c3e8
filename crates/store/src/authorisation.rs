//! The authorisation dossier of an establishment: its checklist, the documents attached
//! to it, the request with its receipt and deadline, and the queue of requests awaiting
//! a decision. Reached through [`Scoped`], like the establishments themselves.

use crate::StoreError;
use crate::audit::{self, Actor, Change};
use crate::documents::{self, BatchError};
use crate::entity::{
    authorisation_request, care_declaration, document, dossier_requirement, establishment,
    establishment_category,
};
use crate::establishments::owner;
use crate::establishments::{EstablishmentError, Scoped};
use crate::files::FileStore;
use chrono::NaiveDate;
use jisr_domain::access::Capability;
use jisr_domain::authorisation::{
    ReceiptKind, check_document_request, decision_due, missing_mandatory, receipt_number,
    still_requested,
};
use jisr_domain::establishments::{History, Status, TransitionError};
use jisr_domain::geo::ProvinceCode;
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};
use std::collections::BTreeSet;

/// The checklist of a category, in order.
pub async fn checklist(
    db: &impl ConnectionTrait,
    category: &str,
) -> Result<Vec<dossier_requirement::Model>, StoreError> {
    Ok(dossier_requirement::Entity::find()
        .filter(dossier_requirement::Column::CategoryCode.eq(category))
        .order_by_asc(dossier_requirement::Column::Position)
        .all(db)
        .await?)
}

fn pairs(list: &[dossier_requirement::Model]) -> Vec<(String, bool)> {
    list.iter().map(|r| (r.code.clone(), r.mandatory)).collect()
}

/// The latest authorisation request of an establishment.
pub(crate) async fn current_request(
    db: &impl ConnectionTrait,
    establishment_id: i64,
) -> Result<Option<authorisation_request::Model>, StoreError> {
    Ok(authorisation_request::Entity::find()
        .filter(authorisation_request::Column::EstablishmentId.eq(establishment_id))
        .order_by_desc(authorisation_request::Column::Id)
        .one(db)
        .await?)
}

/// What the life-cycle rules need to know of the current request.
pub(crate) fn history(request: Option<&authorisation_request::Model>, from: Status) -> History {
    match request {
        // A new filing starts a new request with a clean history.
        Some(r) if from != Status::Project => History {
            documents_requested: r.documents_requested_at.is_some(),
            appealed: r.appeal_filed_at.is_some(),
        },
        _ => History::default(),
    }
}

fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The codes in a stored comma-separated list.
pub fn requested_codes(request: &authorisation_request::Model) -> BTreeSet<String> {
    request
        .documents_requested
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

async fn decision_days(db: &impl ConnectionTrait, category: &str) -> Result<i32, StoreError> {
    Ok(establishment_category::Entity::find_by_id(category)
        .one(db)
        .await?
        .map(|c| c.decision_days)
        .unwrap_or(jisr_domain::authorisation::DEFAULT_DECISION_DAYS as i32))
}

async fn supplied_codes(
    db: &impl ConnectionTrait,
    establishment_id: i64,
    since: Option<&str>,
) -> Result<BTreeSet<String>, StoreError> {
    let mut q = document::Entity::find().filter(documents::of(owner(establishment_id)));
    if let Some(since) = since {
        q = q.filter(document::Column::UploadedAt.gt(since));
    }
    Ok(q.all(db)
        .await?
        .into_iter()
        .filter_map(|d| d.requirement_code)
        .collect())
}

/// A change of status as the procedure sees it.
pub(crate) struct Step<'a> {
    pub from: Status,
    pub to: Status,
    pub reason: &'a str,
    /// Checklist codes, when documents are asked for.
    pub requested: &'a [String],
    pub at: chrono::DateTime<chrono::Utc>,
}

/// Applies the authorisation procedure's side of a change of status, inside the
/// caller's transaction; returns what it recorded, for the audit entry.
pub(crate) async fn apply_step(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    e: &establishment::Model,
    request: Option<authorisation_request::Model>,
    step: Step<'_>,
) -> Result<Option<serde_json::Map<String, serde_json::Value>>, EstablishmentError> {
    use Status::*;
    let Step {
        from,
        to,
        reason,
        requested,
        at,
    } = step;
    let now = crate::time_text(at);
    let today = jisr_domain::time::date_of(at);
    let days = decision_days(txn, &e.category_code).await?;
    let mut out = serde_json::Map::new();
    match (from, to) {
        (Project, Requested) => {
            let list = checklist(txn, &e.category_code).await?;
            let supplied = supplied_codes(txn, e.id, None).await?;
            let missing: Vec<String> = missing_mandatory(&pairs(&list), &supplied)
                .into_iter()
                .map(str::to_owned)
                .collect();
            if !missing.is_empty() {
                return Err(EstablishmentError::MissingDocuments(missing));
            }
            let province = ProvinceCode::parse(&e.province_code)
                .map_err(|_| StoreError::Invalid("stored province".into()))?;
            let placeholder = format!("pending-{}", uuid::Uuid::new_v4().simple());
            let res = authorisation_request::Entity::insert(authorisation_request::ActiveModel {
                id: NotSet,
                establishment_id: Set(e.id),
                receipt_number: Set(placeholder),
                filed_at: Set(now.clone()),
                filed_by: Set(actor.label.clone()),
                complete_on: Set(day_text(today)),
                due_on: Set(day_text(decision_due(today, days.max(0) as u32))),
                decision_days: Set(days),
                documents_requested: Set(None),
                documents_note: Set(String::new()),
                documents_requested_at: Set(None),
                documents_received_at: Set(None),
                decided_at: Set(None),
                decision: Set(None),
                decision_reasons: Set(String::new()),
                appeal_filed_at: Set(None),
                appeal_reasons: Set(String::new()),
            })
            .exec(txn)
            .await?;
            let number = receipt_number(
                ReceiptKind::Authorisation,
                chrono::Datelike::year(&today),
                &province,
                res.last_insert_id,
            );
            let row = authorisation_request::Entity::find_by_id(res.last_insert_id)
                .one(txn)
                .await?
                .ok_or(StoreError::NotFound)?;
            let mut am = row.into_active_model();
            am.receipt_number = Set(number.clone());
            am.update(txn).await?;
            out.insert("receipt".into(), number.into());
            out.insert(
                "due_on".into(),
                day_text(decision_due(today, days as u32)).into(),
            );
        }
        (UnderReview, DocumentsMissing) => {
            let request = request.ok_or(TransitionError::NotAllowed)?;
            let list = checklist(txn, &e.category_code).await?;
            let asked = check_document_request(&pairs(&list), requested)?;
            let codes = asked.iter().cloned().collect::<Vec<_>>().join(",");
            let mut am = request.into_active_model();
            am.documents_requested = Set(Some(codes.clone()));
            am.documents_note = Set(reason.to_owned());
            am.documents_requested_at = Set(Some(now));
            am.update(txn).await?;
            out.insert("documents_requested".into(), codes.into());
        }
        (DocumentsMissing, UnderReview) => {
            let request = request.ok_or(TransitionError::NotAllowed)?;
            let since =
                supplied_codes(txn, e.id, request.documents_requested_at.as_deref()).await?;
            let left = still_requested(&requested_codes(&request), &since);
            if !left.is_empty() {
                return Err(EstablishmentError::StillRequested(left));
            }
            // The dossier is complete again: the deadline runs from today.
            let due = day_text(decision_due(today, days.max(0) as u32));
            let mut am = request.into_active_model();
            am.documents_received_at = Set(Some(now));
            am.complete_on = Set(day_text(today));
            am.due_on = Set(due.clone());
            am.update(txn).await?;
            out.insert("due_on".into(), due.into());
        }
        (UnderReview | Appealed, Authorised | Refused) => {
            let request = request.ok_or(TransitionError::NotAllowed)?;
            let mut am = request.into_active_model();
            am.decided_at = Set(Some(now));
            am.decision = Set(Some(to.as_str().to_owned()));
            am.decision_reasons = Set(reason.to_owned());
            am.update(txn).await?;
            out.insert("decision".into(), to.as_str().into());
        }
        (Refused, Appealed) => {
            let request = request.ok_or(TransitionError::NotAllowed)?;
            let due = day_text(decision_due(today, days.max(0) as u32));
            let mut am = request.into_active_model();
            am.appeal_filed_at = Set(Some(now));
            am.appeal_reasons = Set(reason.to_owned());
            am.complete_on = Set(day_text(today));
            am.due_on = Set(due.clone());
            am.update(txn).await?;
            out.insert("due_on".into(), due.into());
        }
        _ => return Ok(None),
    }
    Ok(Some(out))
}

pub use crate::documents::Upload;

/// One row of the queue of requests awaiting a decision.
#[derive(Debug, Clone)]
pub struct QueueRow {
    pub establishment: establishment::Model,
    pub request: authorisation_request::Model,
}

impl Scoped<'_> {
    /// The current authorisation request of an establishment in scope.
    pub async fn request(
        &self,
        id: i64,
    ) -> Result<Option<authorisation_request::Model>, StoreError> {
        self.get(id).await?;
        current_request(self.store().conn(), id).await
    }

    /// The documents of an establishment in scope, newest first.
    pub async fn documents(&self, id: i64) -> Result<Vec<document::Model>, StoreError> {
        self.get(id).await?;
        documents::list(self.store(), owner(id)).await
    }

    /// One document of an establishment in scope, with its bytes; the read is audited.
    pub async fn document(
        &self,
        actor: &Actor,
        files: &FileStore,
        id: i64,
        document_id: i64,
    ) -> Result<(document::Model, Vec<u8>), StoreError> {
        self.get(id).await?;
        documents::read(self.store(), actor, files, owner(id), document_id).await
    }

    /// Attaches files to the dossier: all are checked first (type, size, checklist item),
    /// then stored and recorded in one transaction — none is kept if one is refused.
    pub async fn attach(
        &self,
        actor: &Actor,
        files: &FileStore,
        id: i64,
        uploads: Vec<Upload>,
        max_bytes: usize,
    ) -> Result<Vec<i64>, EstablishmentError> {
        self.attach_at(actor, files, id, uploads, max_bytes, chrono::Utc::now())
            .await
    }

    /// [`Self::attach`] dated `at`: for recording a dossier put together earlier
    /// (imports of past dossiers, the demo's history).
    pub async fn attach_at(
        &self,
        actor: &Actor,
        files: &FileStore,
        id: i64,
        uploads: Vec<Upload>,
        max_bytes: usize,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<i64>, EstablishmentError> {
        if !self.can(Capability::FileAuthorisations) {
            return Err(TransitionError::Role.into());
        }
        let e = self.get(id).await?;
        let status = Status::parse(&e.status).unwrap_or(Status::Closed);
        if !matches!(
            status,
            Status::Project | Status::DocumentsMissing | Status::Refused
        ) {
            return Err(EstablishmentError::Locked);
        }
        let list = checklist(self.store().conn(), &e.category_code).await?;
        let allowed: Vec<&str> = list.iter().map(|r| r.code.as_str()).collect();
        documents::attach(
            self.store(),
            actor,
            files,
            owner(id),
            uploads,
            &allowed,
            max_bytes,
            at,
        )
        .await
        .map_err(|e| match e {
            BatchError::Refused(refused) => EstablishmentError::Uploads(refused),
            BatchError::Store(e) => e.into(),
        })
    }

    /// Requests awaiting a decision within the scope, the earliest deadline first (so
    /// overdue ones lead).
    pub async fn queue(&self) -> Result<Vec<QueueRow>, StoreError> {
        let waiting: Vec<&str> = Status::ALL
            .into_iter()
            .filter(|s| s.awaits_decision())
            .map(Status::as_str)
            .collect();
        let db = self.store().conn();
        let rows = establishment::Entity::find()
            .filter(self.condition())
            .filter(establishment::Column::Status.is_in(waiting))
            .all(db)
            .await?;
        let ids: Vec<i64> = rows.iter().map(|e| e.id).collect();
        // The latest request of each establishment (ascending ids: the last one wins).
        let mut latest = std::collections::HashMap::new();
        for r in authorisation_request::Entity::find()
            .filter(authorisation_request::Column::EstablishmentId.is_in(ids))
            .order_by_asc(authorisation_request::Column::Id)
            .all(db)
            .await?
        {
            latest.insert(r.establishment_id, r);
        }
        let mut out: Vec<QueueRow> = rows
            .into_iter()
            .filter_map(|e| {
                latest.remove(&e.id).map(|request| QueueRow {
                    request,
                    establishment: e,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            a.request
                .due_on
                .cmp(&b.request.due_on)
                .then(a.establishment.id.cmp(&b.establishment.id))
        });
        Ok(out)
    }
}

/// A declaration of care outside the premises, as typed.
#[derive(Debug, Clone, Default)]
pub struct DeclarationInput {
    pub activity: String,
    pub commune: String,
    pub address: String,
    pub starts_on: String,
    pub ends_on: String,
    pub beneficiaries: String,
}

impl Scoped<'_> {
    /// Declares care given outside the premises of an authorised establishment, in a
    /// commune of the territory; gives a receipt number.
    pub async fn declare_care(
        &self,
        actor: &Actor,
        id: i64,
        input: &DeclarationInput,
    ) -> Result<i64, EstablishmentError> {
        if !self.can(Capability::FileAuthorisations) {
            return Err(TransitionError::Role.into());
        }
        let e = self.get(id).await?;
        if Status::parse(&e.status) != Some(Status::Authorised) {
            return Err(EstablishmentError::Locked);
        }
        let now = chrono::Utc::now();
        let checked = jisr_domain::authorisation::check_declaration(
            &input.activity,
            &input.starts_on,
            &input.ends_on,
            &input.beneficiaries,
            jisr_domain::time::date_of(now),
        );
        let mut errors = checked.clone().err().unwrap_or_default();
        let db = self.store().conn();
        let place = match jisr_domain::geo::CommuneCode::parse(&input.commune) {
            Ok(code) => {
                crate::entity::commune::Entity::find_by_id(code.as_str())
                    .one(db)
                    .await?
            }
            Err(_) => None,
        };
        let province = match &place {
            None => {
                errors.push(("commune", "est-error-commune"));
                None
            }
            Some(c) => match ProvinceCode::parse(&c.province_code) {
                Ok(p) if self.covers(&p) => Some(p),
                _ => {
                    errors.push(("commune", "est-error-commune-scope"));
                    None
                }
            },
        };
        let (Ok(d), Some(province), true) = (checked, province, errors.is_empty()) else {
            return Err(EstablishmentError::Fields(errors));
        };
        let txn = self.store().begin_write().await?;
        let placeholder = format!("pending-{}", uuid::Uuid::new_v4().simple());
        let res = care_declaration::Entity::insert(care_declaration::ActiveModel {
            id: NotSet,
            establishment_id: Set(id),
            receipt_number: Set(placeholder),
            activity: Set(d.activity.clone()),
            commune_code: Set(input.commune.trim().to_owned()),
            province_code: Set(province.as_str().to_owned()),
            address: Set(input.address.trim().to_owned()),
            starts_on: Set(day_text(d.starts_on)),
            ends_on: Set(day_text(d.ends_on)),
            beneficiaries: Set(d.beneficiaries),
            filed_at: Set(crate::time_text(now)),
            filed_by: Set(actor.label.clone()),
        })
        .exec(&txn)
        .await?;
        let number = receipt_number(
            ReceiptKind::Declaration,
            chrono::Datelike::year(&jisr_domain::time::date_of(now)),
            &province,
            res.last_insert_id,
        );
        let row = care_declaration::Entity::find_by_id(res.last_insert_id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut am = row.into_active_model();
        am.receipt_number = Set(number.clone());
        am.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::Declare,
                entity: jisr_domain::audit::Entity::CareDeclaration,
                entity_id: res.last_insert_id.to_string(),
                before: None,
                after: Some(serde_json::json!({
                    "establishment": id, "receipt": number, "activity": d.activity,
                    "commune": input.commune.trim(), "starts_on": day_text(d.starts_on),
                    "ends_on": day_text(d.ends_on), "beneficiaries": d.beneficiaries,
                })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(res.last_insert_id)
    }

    /// The declarations of an establishment in scope, newest first.
    pub async fn declarations(&self, id: i64) -> Result<Vec<care_declaration::Model>, StoreError> {
        self.get(id).await?;
        Ok(care_declaration::Entity::find()
            .filter(care_declaration::Column::EstablishmentId.eq(id))
            .order_by_desc(care_declaration::Column::Id)
            .all(self.store().conn())
            .await?)
    }

    /// One declaration of an establishment in scope.
    pub async fn declaration(
        &self,
        id: i64,
        declaration_id: i64,
    ) -> Result<care_declaration::Model, StoreError> {
        self.get(id).await?;
        care_declaration::Entity::find_by_id(declaration_id)
            .filter(care_declaration::Column::EstablishmentId.eq(id))
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)
    }
}
