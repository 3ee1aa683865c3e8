//! The timeline of a record, whoever owns it (`crate::owner`): one line per step or
//! note, appended inside the transaction of the change it records, read oldest first.
//! Public lines are those the record's outside party (an applicant) may see; the owning
//! context decides who reads which.

use crate::StoreError;
use crate::audit::Actor;
use crate::entity::timeline_event;
use crate::owner::Owner;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
};

/// The kind of a line recording a change of status.
pub const STATUS: &str = "status";

/// A line to append.
#[derive(Debug, Clone, Copy)]
pub struct Event<'a> {
    /// What the line records: [`STATUS`], `note`, …
    pub kind: &'a str,
    pub from_status: Option<&'a str>,
    pub to_status: Option<&'a str>,
    /// The reason or the note (trimmed when stored); empty when there is none.
    pub text: &'a str,
    /// Shown to the record's outside party.
    pub public: bool,
}

impl<'a> Event<'a> {
    /// A change of status from `from` (none when the record is created) to `to`, with
    /// its reason.
    pub fn status(from: Option<&'a str>, to: &'a str, text: &'a str, public: bool) -> Self {
        Self {
            kind: STATUS,
            from_status: from,
            to_status: Some(to),
            text,
            public,
        }
    }
}

/// Which lines to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    All,
    /// The public lines only.
    Public,
}

/// Appends a line to an owner's timeline, dated `at`, inside the caller's transaction.
pub(crate) async fn append(
    txn: &DatabaseTransaction,
    owner: Owner,
    actor: &Actor,
    at: chrono::DateTime<chrono::Utc>,
    event: Event<'_>,
) -> Result<(), StoreError> {
    timeline_event::Entity::insert(timeline_event::ActiveModel {
        id: NotSet,
        owner_kind: Set(owner.kind().to_owned()),
        owner_id: Set(owner.id()),
        at: Set(crate::time_text(at)),
        kind: Set(event.kind.to_owned()),
        from_status: Set(event.from_status.map(str::to_owned)),
        to_status: Set(event.to_status.map(str::to_owned)),
        text: Set(event.text.trim().to_owned()),
        public: Set(event.public),
        actor: Set(actor.label.clone()),
    })
    .exec_without_returning(txn)
    .await?;
    Ok(())
}

/// An owner's timeline, oldest first.
pub(crate) async fn read(
    db: &impl ConnectionTrait,
    owner: Owner,
    lines: Lines,
) -> Result<Vec<timeline_event::Model>, StoreError> {
    let mut q = timeline_event::Entity::find().filter(owner.condition(
        timeline_event::Column::OwnerKind,
        timeline_event::Column::OwnerId,
    ));
    if lines == Lines::Public {
        q = q.filter(timeline_event::Column::Public.eq(true));
    }
    Ok(q.order_by_asc(timeline_event::Column::Id).all(db).await?)
}
