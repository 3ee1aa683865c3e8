//! Announcements: written as drafts by those who publish in a territory
//! ([`Scoped::create`], [`Scoped::update`]), published ([`Scoped::publish`]: to partners,
//! a message through the outbox to each authorised establishment reached) and withdrawn
//! ([`Scoped::withdraw`]). Staff see those of their own territory only (another
//! province's is not found); the managers of the establishments reached read them on
//! their dashboard ([`Scoped::for_my_establishments`]); public news is read by anyone
//! ([`public_news`], [`public_item`]) from its publication day to its expiry. Every
//! change is audited in its transaction.

use crate::audit::{self, Actor, Change};
use crate::entity::{announcement, establishment, establishment_category};
use crate::outbox::{self, Notification};
use crate::owner::Owner;
use crate::{Store, StoreError};
use jisr_domain::access::{Capability, Scope};
use jisr_domain::announcements::{
    AnnouncementInput, Audience, Checked, Status, check, home_scope, reaches, territory, visible,
};
use jisr_domain::audit::{Action, Entity};
use jisr_domain::geo::ProvinceCode;
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};

/// The kind naming announcements as owners of notifications.
pub const OWNER_KIND: &str = "announcement";

pub fn owner(id: i64) -> Owner {
    Owner::new(OWNER_KIND, id)
}

crate::scoped_handle!(
    /// Announcements within a person's reach.
    Scoped
);

/// What can go wrong.
#[derive(Debug, thiserror::Error)]
pub enum AnnouncementError {
    #[error("invalid fields: {0:?}")]
    Fields(Vec<(&'static str, &'static str)>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for AnnouncementError {
    fn from(e: sea_orm::DbErr) -> Self {
        AnnouncementError::Store(e.into())
    }
}

fn day(s: Option<&str>) -> Option<chrono::NaiveDate> {
    s.and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

/// The stored status.
pub fn status(a: &announcement::Model) -> Status {
    Status::parse(&a.status).unwrap_or(Status::Draft)
}

/// Whether it shows today (published, from its day, not expired).
pub fn shows_today(a: &announcement::Model) -> bool {
    visible(
        status(a),
        day(a.publish_on.as_deref()),
        day(a.expires_on.as_deref()),
        jisr_domain::time::today(),
    )
}

/// The stored target territories.
pub fn territories(a: &announcement::Model) -> Vec<Scope> {
    a.territories.split(',').filter_map(territory).collect()
}

/// The stored target categories.
pub fn categories(a: &announcement::Model) -> Vec<String> {
    a.categories
        .split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

fn scope_code(s: &Scope) -> String {
    s.code().unwrap_or_default()
}

fn join(territories: &[Scope]) -> String {
    territories
        .iter()
        .map(scope_code)
        .collect::<Vec<_>>()
        .join(",")
}

fn after(a: &announcement::Model) -> serde_json::Value {
    serde_json::json!({
        "audience": a.audience, "territories": a.territories, "categories": a.categories,
        "title_ar": a.title_ar, "title_fr": a.title_fr, "status": a.status,
        "publish_on": a.publish_on, "expires_on": a.expires_on,
    })
}

impl Scoped<'_> {
    /// The scopes over which the person publishes.
    fn publishing(&self) -> Vec<Scope> {
        if self.access.is_national() && self.can(Capability::PublishAnnouncements) {
            return vec![Scope::National];
        }
        self.grants()
            .holding(Capability::PublishAnnouncements)
            .scopes()
            .cloned()
            .collect()
    }

    fn covers(&self, home: &Scope) -> bool {
        self.publishing().iter().any(|s| home.is_within(s))
    }

    /// The announcements of the person's territory, as a query condition.
    fn in_scope(&self) -> Condition {
        let mut any = Condition::any().add(Expr::cust("1 = 0"));
        for s in self.publishing() {
            any = match s {
                Scope::National => return Condition::all(),
                Scope::Region(r) => any
                    .add(announcement::Column::ScopeCode.eq(r.as_str()))
                    .add(announcement::Column::ScopeCode.starts_with(format!("{r}."))),
                Scope::Province(p) => any.add(announcement::Column::ScopeCode.eq(p.as_str())),
                Scope::Establishment(_) => any,
            };
        }
        any
    }

    /// Checks what was typed: every error at once, the territories within the person's.
    async fn checked(
        &self,
        input: &AnnouncementInput,
    ) -> Result<(Checked, Scope), AnnouncementError> {
        let checked = check(input);
        let mut errors = checked.clone().err().unwrap_or_default();
        if let Ok(c) = &checked {
            let known: Vec<String> = establishment_category::Entity::find()
                .all(self.store().conn())
                .await?
                .into_iter()
                .map(|c| c.code)
                .collect();
            if c.categories.iter().any(|x| !known.contains(x)) {
                errors.push(("categories", "ann-error-categories"));
            }
            if !self.covers(&home_scope(&c.territories)) {
                errors.push(("territories", "ann-error-territories-outside"));
            }
        }
        match (checked, errors.is_empty()) {
            (Ok(c), true) => {
                let home = home_scope(&c.territories);
                Ok((c, home))
            }
            _ => Err(AnnouncementError::Fields(errors)),
        }
    }

    /// Saves a new draft.
    pub async fn create(
        &self,
        actor: &Actor,
        input: &AnnouncementInput,
    ) -> Result<i64, AnnouncementError> {
        if !self.can(Capability::PublishAnnouncements) {
            return Err(StoreError::NotFound.into());
        }
        let (c, home) = self.checked(input).await?;
        let txn = self.store().begin_write().await?;
        let model = announcement::ActiveModel {
            id: NotSet,
            audience: Set(c.audience.as_str().into()),
            scope_code: Set(scope_code(&home)),
            territories: Set(join(&c.territories)),
            categories: Set(c.categories.join(",")),
            title_ar: Set(c.title_ar),
            title_fr: Set(c.title_fr),
            body_ar: Set(c.body_ar),
            body_fr: Set(c.body_fr),
            status: Set(Status::Draft.as_str().into()),
            publish_on: Set(c.publish_on.map(|d| d.to_string())),
            expires_on: Set(c.expires_on.map(|d| d.to_string())),
            created_by: Set(actor.label.chars().take(80).collect()),
            created_at: Set(crate::now_text()),
            published_at: Set(None),
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: Action::Create,
                entity: Entity::Announcement,
                entity_id: model.id.to_string(),
                before: None,
                after: Some(after(&model)),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(model.id)
    }

    /// The announcements of the person's territory, newest first.
    pub async fn list(&self) -> Result<Vec<announcement::Model>, StoreError> {
        if !self.can(Capability::PublishAnnouncements) {
            return Ok(Vec::new());
        }
        Ok(announcement::Entity::find()
            .filter(self.in_scope())
            .order_by_desc(announcement::Column::Id)
            .all(self.store().conn())
            .await?)
    }

    /// One announcement of the person's territory; another territory's is not found.
    pub async fn find(&self, id: i64) -> Result<announcement::Model, StoreError> {
        if !self.can(Capability::PublishAnnouncements) {
            return Err(StoreError::NotFound);
        }
        announcement::Entity::find_by_id(id)
            .filter(self.in_scope())
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Changes a draft (or a withdrawn announcement): every error at once.
    pub async fn update(
        &self,
        actor: &Actor,
        id: i64,
        input: &AnnouncementInput,
    ) -> Result<(), AnnouncementError> {
        let a = self.find(id).await?;
        let checked = self.checked(input).await;
        let (c, home) = match (checked, status(&a).editable()) {
            (Ok(v), true) => v,
            (Ok(_), false) => {
                return Err(AnnouncementError::Fields(vec![(
                    "status",
                    "ann-error-published",
                )]));
            }
            (Err(AnnouncementError::Fields(mut f)), editable) => {
                if !editable {
                    f.push(("status", "ann-error-published"));
                }
                return Err(AnnouncementError::Fields(f));
            }
            (Err(e), _) => return Err(e),
        };
        let before = after(&a);
        let txn = self.store().begin_write().await?;
        let mut m = a.into_active_model();
        m.audience = Set(c.audience.as_str().into());
        m.scope_code = Set(scope_code(&home));
        m.territories = Set(join(&c.territories));
        m.categories = Set(c.categories.join(","));
        m.title_ar = Set(c.title_ar);
        m.title_fr = Set(c.title_fr);
        m.body_ar = Set(c.body_ar);
        m.body_fr = Set(c.body_fr);
        m.publish_on = Set(c.publish_on.map(|d| d.to_string()));
        m.expires_on = Set(c.expires_on.map(|d| d.to_string()));
        let model = m.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: Action::Update,
                entity: Entity::Announcement,
                entity_id: id.to_string(),
                before: Some(before),
                after: Some(after(&model)),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Publishes a draft or withdrawn announcement, from its day (today when none was
    /// given). To partners: one message through the outbox to each authorised
    /// establishment reached. Publishing a published one changes nothing.
    pub async fn publish(&self, actor: &Actor, id: i64) -> Result<(), AnnouncementError> {
        let a = self.find(id).await?;
        if status(&a) == Status::Published {
            return Ok(());
        }
        let today = jisr_domain::time::today();
        let publish_on = day(a.publish_on.as_deref()).unwrap_or(today);
        if day(a.expires_on.as_deref()).is_some_and(|e| e < today) {
            return Err(AnnouncementError::Fields(vec![(
                "expires_on",
                "ann-error-expired",
            )]));
        }
        let reached = if Audience::parse(&a.audience) == Some(Audience::Partners) {
            let (terr, cats) = (territories(&a), categories(&a));
            establishment::Entity::find()
                .filter(establishment::Column::Status.eq("authorised"))
                .order_by_asc(establishment::Column::Id)
                .all(self.store().conn())
                .await?
                .into_iter()
                .filter(|e| {
                    ProvinceCode::parse(&e.province_code)
                        .is_ok_and(|p| reaches(&terr, &cats, &p, &e.category_code))
                })
                .collect()
        } else {
            Vec::new()
        };
        let before = after(&a);
        let txn = self.store().begin_write().await?;
        let mut m = a.into_active_model();
        m.status = Set(Status::Published.as_str().into());
        m.publish_on = Set(Some(publish_on.to_string()));
        m.published_at = Set(Some(crate::now_text()));
        let model = m.update(&txn).await?;
        for e in &reached {
            outbox::write(
                &txn,
                Notification {
                    owner: Some(owner(id)),
                    province_code: &e.province_code,
                    channel: "staff",
                    recipient: &format!("establishment:{}", e.id),
                    locale: "ar",
                    message: "announcement",
                    body: &serde_json::json!({
                        "title": model.title_ar, "title_fr": model.title_fr,
                        "publish_on": model.publish_on, "id": id,
                    }),
                },
            )
            .await?;
        }
        let mut entry = after(&model);
        entry["sent"] = reached.len().into();
        audit::record(
            &txn,
            actor,
            Change {
                action: Action::Publish,
                entity: Entity::Announcement,
                entity_id: id.to_string(),
                before: Some(before),
                after: Some(entry),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Takes a published announcement down; anything else is left as it is.
    pub async fn withdraw(&self, actor: &Actor, id: i64) -> Result<(), AnnouncementError> {
        let a = self.find(id).await?;
        if status(&a) != Status::Published {
            return Ok(());
        }
        let txn = self.store().begin_write().await?;
        let mut m = a.into_active_model();
        m.status = Set(Status::Withdrawn.as_str().into());
        m.update(&txn).await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: Action::Withdraw,
                entity: Entity::Announcement,
                entity_id: id.to_string(),
                before: Some(serde_json::json!({"status": Status::Published.as_str()})),
                after: Some(serde_json::json!({"status": Status::Withdrawn.as_str()})),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The announcements showing today to the establishments the person manages
    /// (establishment grants), newest first.
    pub async fn for_my_establishments(&self) -> Result<Vec<announcement::Model>, StoreError> {
        let ids: Vec<i64> = self
            .grants()
            .scopes()
            .filter_map(|s| match s {
                Scope::Establishment(id) => Some(*id),
                _ => None,
            })
            .collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let db = self.store().conn();
        let mine = establishment::Entity::find()
            .filter(establishment::Column::Id.is_in(ids))
            .all(db)
            .await?;
        Ok(announcement::Entity::find()
            .filter(announcement::Column::Audience.eq(Audience::Partners.as_str()))
            .filter(announcement::Column::Status.eq(Status::Published.as_str()))
            .order_by_desc(announcement::Column::PublishOn)
            .order_by_desc(announcement::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .filter(shows_today)
            .filter(|a| {
                let (terr, cats) = (territories(a), categories(a));
                mine.iter().any(|e| {
                    ProvinceCode::parse(&e.province_code)
                        .is_ok_and(|p| reaches(&terr, &cats, &p, &e.category_code))
                })
            })
            .collect())
    }
}

/// The public news showing today, newest first.
pub async fn public_news(store: &Store) -> Result<Vec<announcement::Model>, StoreError> {
    Ok(announcement::Entity::find()
        .filter(announcement::Column::Audience.eq(Audience::Public.as_str()))
        .filter(announcement::Column::Status.eq(Status::Published.as_str()))
        .order_by_desc(announcement::Column::PublishOn)
        .order_by_desc(announcement::Column::Id)
        .all(store.conn())
        .await?
        .into_iter()
        .filter(shows_today)
        .collect())
}

/// One item of public news, if it shows today: anything else is not found.
pub async fn public_item(store: &Store, id: i64) -> Result<announcement::Model, StoreError> {
    announcement::Entity::find_by_id(id)
        .filter(announcement::Column::Audience.eq(Audience::Public.as_str()))
        .one(store.conn())
        .await?
        .filter(shows_today)
        .ok_or(StoreError::NotFound)
}
