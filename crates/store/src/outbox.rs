//! Notifications, whatever record they are about: rows of `outbox` written in the
//! transaction of the step they announce (the outbox pattern), for a gateway sending SMS
//! or e-mail to read; staff read those of their territory through [`Scoped`].

use crate::StoreError;
use crate::entity::outbox_message;
use crate::owner::Owner;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

/// A notification to write: to whom, by which channel, in which language, which
/// message (a translation key under `notify-`) with its parameters.
#[derive(Debug, Clone)]
pub struct Notification<'a> {
    /// The record it is about, if any.
    pub owner: Option<Owner>,
    /// The province whose staff may read it.
    pub province_code: &'a str,
    pub channel: &'a str,
    pub recipient: &'a str,
    pub locale: &'a str,
    pub message: &'a str,
    /// The message's parameters, as JSON.
    pub body: &'a serde_json::Value,
}

/// Writes a notification inside the transaction of the step it announces.
pub(crate) async fn write(
    txn: &DatabaseTransaction,
    n: Notification<'_>,
) -> Result<(), StoreError> {
    outbox_message::Entity::insert(outbox_message::ActiveModel {
        id: NotSet,
        at: Set(crate::now_text()),
        channel: Set(n.channel.to_owned()),
        recipient: Set(n.recipient.to_owned()),
        locale: Set(n.locale.to_owned()),
        message: Set(n.message.to_owned()),
        body: Set(n.body.to_string()),
        owner_kind: Set(n.owner.map(|o| o.kind().to_owned())),
        owner_id: Set(n.owner.map(|o| o.id())),
        province_code: Set(n.province_code.to_owned()),
    })
    .exec_without_returning(txn)
    .await?;
    Ok(())
}

crate::scoped_handle!(
    /// The notifications one member of staff may read: those of the provinces their
    /// grants cover.
    Scoped
);

impl Scoped<'_> {
    /// The latest notifications within scope, newest first.
    pub async fn latest(&self, limit: u64) -> Result<Vec<outbox_message::Model>, StoreError> {
        // Establishment grants read none: notifications go out from the delegation.
        let condition = self
            .access
            .condition(outbox_message::Column::ProvinceCode, |_| None);
        Ok(outbox_message::Entity::find()
            .filter(condition)
            .order_by_desc(outbox_message::Column::Id)
            .limit(limit)
            .all(self.store().conn())
            .await?)
    }
}
