//! Establishments, always reached through [`Scoped`]: a handle built from the grants of
//! the person asking (`crate::access`), which adds their territory to every query. A record
//! outside it is "not found". The only other doors are the system jobs' handle and
//! [`public_directory`], which shows authorised establishments' public fields only.

use crate::audit::{self, Actor, Change};
use crate::entity::{commune, establishment, establishment_category, timeline_event};
use crate::listing::{Direction, Page};
use crate::owner::Owner;
use crate::timeline::{self, Event, Lines};
use crate::{Store, StoreError};
use jisr_domain::access::{Capability, Role};
use jisr_domain::authorisation::DocumentRequestError;
use jisr_domain::documents::UploadError;
use jisr_domain::establishments::{Capacity, Status, TransitionError, check_transition};
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use sea_orm::sea_query::{Condition, Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

/// The kind naming establishments as owners of documents and timeline lines.
pub const OWNER_KIND: &str = "establishment";

/// An establishment as the owner of documents and timeline lines.
pub fn owner(id: i64) -> Owner {
    Owner::new(OWNER_KIND, id)
}

/// An establishment to register.
#[derive(Debug, Clone)]
pub struct NewEstablishment {
    pub name_ar: String,
    pub name_fr: String,
    pub category: String,
    pub commune: CommuneCode,
    pub address: String,
    pub phone: String,
    pub capacity: Capacity,
    /// What else a person looking for care needs to know; empty when not given.
    pub details: Details,
}

/// The facts of an establishment beyond its identity: all optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Details {
    pub association_id: Option<i64>,
    pub director: String,
    pub services: String,
    pub opening_hours: String,
    /// Latitude and longitude in millionths of a degree.
    pub coordinates: Option<(i32, i32)>,
}

/// What can go wrong with an establishment.
#[derive(Debug, thiserror::Error)]
pub enum EstablishmentError {
    /// Fields refused, each with the translation key of its message.
    #[error("invalid fields: {0:?}")]
    Fields(Vec<(&'static str, &'static str)>),
    #[error(transparent)]
    Transition(#[from] TransitionError),
    /// Filing refused: these mandatory checklist documents are not attached.
    #[error("mandatory documents missing: {0:?}")]
    MissingDocuments(Vec<String>),
    /// The answer to a request for documents lacks some of those asked for.
    #[error("requested documents still missing: {0:?}")]
    StillRequested(Vec<String>),
    #[error(transparent)]
    DocumentRequest(#[from] DocumentRequestError),
    /// Uploaded files refused, each with its field (the checklist code) and the reason.
    #[error("files refused: {0:?}")]
    Uploads(Vec<(String, UploadError)>),
    /// The dossier cannot receive documents in its current status.
    #[error("the dossier is closed to new documents")]
    Locked,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for EstablishmentError {
    fn from(e: sea_orm::DbErr) -> Self {
        EstablishmentError::Store(e.into())
    }
}

/// Filters of the establishments list.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub province: Option<ProvinceCode>,
    pub category: Option<String>,
    pub status: Option<Status>,
    /// Part of the name, in either script.
    pub text: Option<String>,
    /// 1-based page of `PAGE_SIZE` rows.
    pub page: u64,
}

pub const PAGE_SIZE: u64 = 25;

/// What the establishments list may be sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// The name in French (the order of the French pages).
    #[default]
    NameFr,
    /// The name in Arabic (the order of the Arabic pages).
    NameAr,
    Province,
    /// Authorised places, both sexes together.
    Capacity,
    Status,
}

crate::scoped_handle!(
    /// Establishments as one person may see them.
    Scoped
);

impl<'a> Scoped<'a> {
    pub(crate) fn roles(&self) -> Vec<Role> {
        self.grants().roles().collect()
    }

    /// The territory of the grants, as a condition on establishments.
    pub(crate) fn condition(&self) -> Condition {
        self.access
            .condition(establishment::Column::ProvinceCode, |id| {
                Some(establishment::Column::Id.eq(id))
            })
    }

    /// Whether the grants cover a commune's province (for registering there).
    pub(crate) fn covers(&self, province: &ProvinceCode) -> bool {
        self.covers_province(province)
    }

    /// One page of establishments and the total count, by French name.
    pub async fn list(
        &self,
        f: &ListFilter,
    ) -> Result<(Vec<establishment::Model>, u64), StoreError> {
        self.list_sorted(f, Sort::default(), Direction::Ascending)
            .await
    }

    /// One page of establishments and the total count, sorted by the database (ties
    /// broken by id, so pages never overlap).
    pub async fn list_sorted(
        &self,
        f: &ListFilter,
        sort: Sort,
        dir: Direction,
    ) -> Result<(Vec<establishment::Model>, u64), StoreError> {
        let page = Page::new(f.page, PAGE_SIZE);
        self.list_window(f, sort, dir, page.offset(), page.size)
            .await
    }

    /// Every establishment matching `f` in the same order (the page ignored), at most
    /// `max`, for an export; and how many match in all.
    pub async fn list_all(
        &self,
        f: &ListFilter,
        sort: Sort,
        dir: Direction,
        max: u64,
    ) -> Result<(Vec<establishment::Model>, u64), StoreError> {
        self.list_window(f, sort, dir, 0, max).await
    }

    async fn list_window(
        &self,
        f: &ListFilter,
        sort: Sort,
        dir: Direction,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<establishment::Model>, u64), StoreError> {
        let mut q = establishment::Entity::find().filter(self.condition());
        if let Some(p) = &f.province {
            q = q.filter(establishment::Column::ProvinceCode.eq(p.as_str()));
        }
        if let Some(c) = f.category.as_deref().filter(|c| !c.is_empty()) {
            q = q.filter(establishment::Column::CategoryCode.eq(c));
        }
        if let Some(s) = f.status {
            q = q.filter(establishment::Column::Status.eq(s.as_str()));
        }
        if let Some(t) = f.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            q = q.filter(
                Condition::any()
                    .add(establishment::Column::NameAr.contains(t))
                    .add(establishment::Column::NameFr.contains(t)),
            );
        }
        let total = q.clone().count(self.store().conn()).await?;
        let order = dir.order();
        let q = match sort {
            Sort::NameFr => q.order_by(establishment::Column::NameFr, order),
            Sort::NameAr => q.order_by(establishment::Column::NameAr, order),
            Sort::Province => q
                .order_by(establishment::Column::ProvinceCode, order)
                .order_by_asc(establishment::Column::NameFr),
            Sort::Capacity => q.order_by(
                Expr::col(establishment::Column::CapacityMale)
                    .add(Expr::col(establishment::Column::CapacityFemale)),
                order,
            ),
            Sort::Status => q
                .order_by(establishment::Column::Status, order)
                .order_by_asc(establishment::Column::NameFr),
        };
        let rows = q
            .order_by_asc(establishment::Column::Id)
            .offset(offset)
            .limit(limit)
            .all(self.store().conn())
            .await?;
        Ok((rows, total))
    }

    /// The establishments an association founded or runs, within the grants.
    pub async fn of_association(
        &self,
        association_id: i64,
    ) -> Result<Vec<establishment::Model>, StoreError> {
        Ok(establishment::Entity::find()
            .filter(self.condition())
            .filter(establishment::Column::AssociationId.eq(association_id))
            .order_by_asc(establishment::Column::NameFr)
            .all(self.store().conn())
            .await?)
    }

    /// One establishment, or "not found" when it is outside the grants.
    pub async fn get(&self, id: i64) -> Result<establishment::Model, StoreError> {
        establishment::Entity::find_by_id(id)
            .filter(self.condition())
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The timeline of an establishment's status, oldest first.
    pub async fn events(&self, id: i64) -> Result<Vec<timeline_event::Model>, StoreError> {
        self.get(id).await?;
        timeline::read(self.store().conn(), owner(id), Lines::All).await
    }

    /// Registers an establishment (status: project) in a commune inside the grants.
    pub async fn create(
        &self,
        actor: &Actor,
        new: NewEstablishment,
    ) -> Result<i64, EstablishmentError> {
        let mut errors = Vec::new();
        if new.name_ar.trim().is_empty() && new.name_fr.trim().is_empty() {
            errors.push(("name_ar", "est-error-name"));
        }
        let db = self.store().conn();
        if establishment_category::Entity::find_by_id(new.category.as_str())
            .one(db)
            .await?
            .is_none()
        {
            errors.push(("category", "est-error-category"));
        }
        let commune = commune::Entity::find_by_id(new.commune.as_str())
            .one(db)
            .await?;
        match &commune {
            None => errors.push(("commune", "est-error-commune")),
            Some(c) => {
                let in_scope = ProvinceCode::parse(&c.province_code).is_ok_and(|p| self.covers(&p));
                if !in_scope {
                    errors.push(("commune", "est-error-commune-scope"));
                }
            }
        }
        if let Some(aid) = new.details.association_id
            && crate::entity::association::Entity::find_by_id(aid)
                .one(db)
                .await?
                .is_none()
        {
            errors.push(("association", "est-error-association"));
        }
        if !errors.is_empty() {
            return Err(EstablishmentError::Fields(errors));
        }
        let province = commune.map(|c| c.province_code).unwrap_or_default();
        let txn = self.store().begin_write().await?;
        let res = establishment::Entity::insert(establishment::ActiveModel {
            id: NotSet,
            name_ar: Set(new.name_ar.trim().to_owned()),
            name_fr: Set(new.name_fr.trim().to_owned()),
            category_code: Set(new.category.clone()),
            association_id: Set(new.details.association_id),
            commune_code: Set(new.commune.to_string()),
            province_code: Set(province.clone()),
            address: Set(new.address.trim().to_owned()),
            phone: Set(new.phone.trim().to_owned()),
            capacity_male: Set(new.capacity.male),
            capacity_female: Set(new.capacity.female),
            status: Set(Status::Project.as_str().to_owned()),
            created_at: Set(crate::now_text()),
            director: Set(new.details.director.trim().to_owned()),
            services: Set(new.details.services.trim().to_owned()),
            opening_hours: Set(new.details.opening_hours.trim().to_owned()),
            latitude_micro: Set(new.details.coordinates.map(|c| c.0)),
            longitude_micro: Set(new.details.coordinates.map(|c| c.1)),
        })
        .exec(&txn)
        .await?;
        let id = res.last_insert_id;
        timeline::append(
            &txn,
            owner(id),
            actor,
            chrono::Utc::now(),
            Event::status(None, Status::Project.as_str(), "", true),
        )
        .await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::Create,
                entity: jisr_domain::audit::Entity::Establishment,
                entity_id: id.to_string(),
                before: None,
                after: Some(serde_json::json!({
                    "name_ar": new.name_ar, "name_fr": new.name_fr, "category": new.category,
                    "commune": new.commune.to_string(), "province": province,
                    "capacity_male": new.capacity.male, "capacity_female": new.capacity.female,
                    "status": Status::Project.as_str(),
                    "association": new.details.association_id,
                    "director": new.details.director, "services": new.details.services,
                    "opening_hours": new.details.opening_hours,
                    "coordinates": new.details.coordinates,
                })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(id)
    }

    /// Moves an establishment along its life cycle, with a reason, as the person's roles
    /// allow. Steps of the authorisation procedure also update the request: filing checks
    /// the mandatory documents and gives a receipt; a request for documents names the
    /// checklist items (`requested`); the answer must supply each of them; a decision and
    /// an appeal are recorded with their reasons.
    pub async fn transition(
        &self,
        actor: &Actor,
        id: i64,
        to: Status,
        reason: &str,
        requested: &[String],
    ) -> Result<(), EstablishmentError> {
        self.transition_at(actor, id, to, reason, requested, chrono::Utc::now())
            .await
    }

    /// [`Self::transition`] dated `at`: for recording a procedure that happened earlier
    /// (imports of past dossiers, the demo's history). Requests use the current time.
    pub async fn transition_at(
        &self,
        actor: &Actor,
        id: i64,
        to: Status,
        reason: &str,
        requested: &[String],
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), EstablishmentError> {
        let txn = self.store().begin_write().await?;
        let current = establishment::Entity::find_by_id(id)
            .filter(self.condition())
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let from = Status::parse(&current.status)
            .ok_or_else(|| StoreError::Invalid(format!("stored status `{}`", current.status)))?;
        let request = crate::authorisation::current_request(&txn, id).await?;
        let history = crate::authorisation::history(request.as_ref(), from);
        check_transition(from, to, &self.roles(), reason, history)?;
        let step = crate::authorisation::apply_step(
            &txn,
            actor,
            &current,
            request,
            crate::authorisation::Step {
                from,
                to,
                reason: reason.trim(),
                requested,
                at,
            },
        )
        .await?;
        let mut am = current.into_active_model();
        am.status = Set(to.as_str().to_owned());
        am.update(&txn).await?;
        timeline::append(
            &txn,
            owner(id),
            actor,
            at,
            Event::status(Some(from.as_str()), to.as_str(), reason, true),
        )
        .await?;
        let mut after = serde_json::json!({ "status": to.as_str(), "reason": reason.trim() });
        if let (Some(obj), Some(step)) = (after.as_object_mut(), step) {
            obj.extend(step);
        }
        audit::record(
            &txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::Status,
                entity: jisr_domain::audit::Entity::Establishment,
                entity_id: id.to_string(),
                before: Some(serde_json::json!({ "status": from.as_str() })),
                after: Some(after),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

/// The facts of an establishment that may change after it is registered (category and
/// commune never change: moving or changing kind means a new establishment).
#[derive(Debug, Clone)]
pub struct EstablishmentUpdate {
    pub name_ar: String,
    pub name_fr: String,
    pub address: String,
    pub phone: String,
    pub capacity: Capacity,
    pub details: Details,
}

impl Scoped<'_> {
    /// Changes the facts of an establishment in scope; the audit entry holds what changed.
    pub async fn update(
        &self,
        actor: &Actor,
        id: i64,
        u: EstablishmentUpdate,
    ) -> Result<(), EstablishmentError> {
        if !self.can(Capability::EditEstablishments) {
            return Err(TransitionError::Role.into());
        }
        let txn = self.store().begin_write().await?;
        let current = establishment::Entity::find_by_id(id)
            .filter(self.condition())
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut errors = Vec::new();
        if u.name_ar.trim().is_empty() && u.name_fr.trim().is_empty() {
            errors.push(("name_ar", "est-error-name"));
        }
        let status = Status::parse(&current.status).unwrap_or(Status::Closed);
        let capacity_changed = (u.capacity.male, u.capacity.female)
            != (current.capacity_male, current.capacity_female);
        if capacity_changed && !jisr_domain::establishments::capacity_editable(status) {
            errors.push(("capacity_male", "est-error-capacity-locked"));
        }
        if let Some(aid) = u.details.association_id {
            let visible = crate::associations::Scoped::from(self.access.clone())
                .get(aid)
                .await
                .is_ok();
            if !visible {
                errors.push(("association", "est-error-association"));
            }
        }
        if !errors.is_empty() {
            return Err(EstablishmentError::Fields(errors));
        }
        let before = serde_json::json!({
            "name_ar": current.name_ar, "name_fr": current.name_fr, "address": current.address,
            "phone": current.phone, "capacity_male": current.capacity_male,
            "capacity_female": current.capacity_female, "association": current.association_id,
            "director": current.director, "services": current.services,
            "opening_hours": current.opening_hours,
            "coordinates": current.latitude_micro.zip(current.longitude_micro),
        });
        let after = serde_json::json!({
            "name_ar": u.name_ar.trim(), "name_fr": u.name_fr.trim(), "address": u.address.trim(),
            "phone": u.phone.trim(), "capacity_male": u.capacity.male,
            "capacity_female": u.capacity.female, "association": u.details.association_id,
            "director": u.details.director.trim(), "services": u.details.services.trim(),
            "opening_hours": u.details.opening_hours.trim(),
            "coordinates": u.details.coordinates,
        });
        if before == after {
            return Ok(());
        }
        let mut am = current.into_active_model();
        am.name_ar = Set(u.name_ar.trim().to_owned());
        am.name_fr = Set(u.name_fr.trim().to_owned());
        am.address = Set(u.address.trim().to_owned());
        am.phone = Set(u.phone.trim().to_owned());
        am.capacity_male = Set(u.capacity.male);
        am.capacity_female = Set(u.capacity.female);
        am.association_id = Set(u.details.association_id);
        am.director = Set(u.details.director.trim().to_owned());
        am.services = Set(u.details.services.trim().to_owned());
        am.opening_hours = Set(u.details.opening_hours.trim().to_owned());
        am.latitude_micro = Set(u.details.coordinates.map(|c| c.0));
        am.longitude_micro = Set(u.details.coordinates.map(|c| c.1));
        am.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::Update,
                entity: jisr_domain::audit::Entity::Establishment,
                entity_id: id.to_string(),
                before: Some(before),
                after: Some(after),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

/// The configured categories, in order.
pub async fn categories(store: &Store) -> Result<Vec<establishment_category::Model>, StoreError> {
    Ok(establishment_category::Entity::find()
        .order_by_asc(establishment_category::Column::Position)
        .all(store.conn())
        .await?)
}

/// What a person looks for in the public directory.
#[derive(Debug, Clone, Default)]
pub struct DirectoryFilter {
    pub province: Option<ProvinceCode>,
    pub commune: Option<CommuneCode>,
    pub category: Option<String>,
    /// A service or a name, in either script.
    pub text: Option<String>,
}

/// Authorised establishments for the public directory (public fields only are used).
pub async fn public_directory(
    store: &Store,
    f: &DirectoryFilter,
) -> Result<Vec<establishment::Model>, StoreError> {
    let mut q = establishment::Entity::find()
        .filter(establishment::Column::Status.eq(Status::Authorised.as_str()));
    if let Some(p) = &f.province {
        q = q.filter(establishment::Column::ProvinceCode.eq(p.as_str()));
    }
    if let Some(c) = &f.commune {
        q = q.filter(establishment::Column::CommuneCode.eq(c.as_str()));
    }
    if let Some(c) = f.category.as_deref().filter(|c| !c.is_empty()) {
        q = q.filter(establishment::Column::CategoryCode.eq(c));
    }
    if let Some(t) = f.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        q = q.filter(
            Condition::any()
                .add(establishment::Column::Services.contains(t))
                .add(establishment::Column::NameAr.contains(t))
                .add(establishment::Column::NameFr.contains(t)),
        );
    }
    Ok(q.order_by_asc(establishment::Column::NameFr)
        .all(store.conn())
        .await?)
}
