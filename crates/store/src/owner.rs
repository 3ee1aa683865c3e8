//! Whose record a shared row is. Documents, timeline lines and notifications are kept in
//! one table each, whatever context they belong to; a row names its owner by a kind and
//! an id. Each context declares its kind in its own module (`establishments::owner(id)`,
//! `applications::owner(id)`, …), so a new context adds no column and edits no list.

use sea_orm::ColumnTrait;
use sea_orm::sea_query::Condition;

/// The owner of a shared row: the kind of record (`establishment`, `application`, …) and
/// its id in its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Owner {
    kind: &'static str,
    id: i64,
}

impl Owner {
    /// The record `id` of the context whose rows are of `kind`.
    pub const fn new(kind: &'static str, id: i64) -> Self {
        Self { kind, id }
    }

    /// The kind of record, as stored in `owner_kind`.
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The record's id in its context, as stored in `owner_id`.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// The rows of this owner, given a table's owner columns.
    pub(crate) fn condition<C: ColumnTrait>(self, kind: C, id: C) -> Condition {
        Condition::all().add(kind.eq(self.kind)).add(id.eq(self.id))
    }
}
