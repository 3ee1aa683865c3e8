//! Partner meetings held by a delegation in its province ([`Scoped::create`]): invited
//! people and organisations, each sent an invitation through the outbox
//! ([`Scoped::invite`]) with their answer recorded; the attendance recorded after the
//! meeting; minutes with decisions and a public summary when the meeting is public; and
//! follow-up actions with an owner and a deadline, closed when done (overdue ones are
//! flagged by `domain::partners::meetings::overdue`). A meeting of another province is
//! not found. Every change is audited in its transaction.

use crate::audit::{self, Actor, Change};
use crate::entity::{partner_meeting, partner_meeting_action, partner_meeting_invitee};
use crate::outbox::{self, Notification};
use crate::owner::Owner;
use crate::{Store, StoreError};
use jisr_domain::access::Capability;
use jisr_domain::audit::{Action, Entity};
use jisr_domain::geo::ProvinceCode;
use jisr_domain::partners::meetings::{
    ActionInput, InvitationAnswer, InviteeInput, LONG_MAX_CHARS, MeetingInput, check_action,
    check_invitee, check_meeting, lines,
};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};

/// The kind naming meetings as owners of notifications.
pub const OWNER_KIND: &str = "partner_meeting";

pub fn owner(id: i64) -> Owner {
    Owner::new(OWNER_KIND, id)
}

crate::scoped_handle!(
    /// Partner meetings within a person's reach.
    Scoped
);

/// What can go wrong.
#[derive(Debug, thiserror::Error)]
pub enum MeetingError {
    #[error("invalid fields: {0:?}")]
    Fields(Vec<(&'static str, &'static str)>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for MeetingError {
    fn from(e: sea_orm::DbErr) -> Self {
        MeetingError::Store(e.into())
    }
}

/// A meeting with its invitees and actions.
#[derive(Debug, Clone)]
pub struct MeetingView {
    pub meeting: partner_meeting::Model,
    pub invitees: Vec<partner_meeting_invitee::Model>,
    pub actions: Vec<partner_meeting_action::Model>,
}

/// Minutes as typed.
#[derive(Debug, Clone, Default)]
pub struct MinutesInput {
    pub minutes: String,
    /// One decision a line.
    pub decisions: String,
    pub is_public: bool,
    pub public_summary: String,
}

async fn record(
    txn: &DatabaseTransaction,
    actor: &Actor,
    action: Action,
    entity: Entity,
    id: i64,
    after: serde_json::Value,
) -> Result<(), StoreError> {
    audit::record(
        txn,
        actor,
        Change {
            action,
            entity,
            entity_id: id.to_string(),
            before: None,
            after: Some(after),
        },
    )
    .await
    .map(|_| ())
}

impl Scoped<'_> {
    fn allowed(&self, province: &str) -> bool {
        ProvinceCode::parse(province)
            .is_ok_and(|p| self.can_in_province(Capability::HoldPartnerMeetings, &p))
    }

    /// Creates a meeting in `province`: every error at once.
    pub async fn create(
        &self,
        actor: &Actor,
        province: &str,
        input: &MeetingInput,
    ) -> Result<i64, MeetingError> {
        if !self.can(Capability::HoldPartnerMeetings) {
            return Err(StoreError::NotFound.into());
        }
        let checked = check_meeting(input);
        let mut errors = checked.clone().err().unwrap_or_default();
        if !self.allowed(province) {
            errors.push(("province", "meetings-error-province"));
        }
        let (Ok(m), true) = (checked, errors.is_empty()) else {
            return Err(MeetingError::Fields(errors));
        };
        let txn = self.store().begin_write().await?;
        let model = partner_meeting::ActiveModel {
            id: NotSet,
            province_code: Set(province.to_owned()),
            title: Set(m.title.clone()),
            kind: Set(m.kind.as_str().into()),
            held_on: Set(m.held_on.to_string()),
            starts_at: Set(m.starts_at.clone()),
            place: Set(m.place.clone()),
            agenda: Set(m.agenda.join("\n")),
            minutes: Set(String::new()),
            decisions: Set(String::new()),
            is_public: Set(false),
            public_summary: Set(String::new()),
            created_by: Set(actor.label.chars().take(80).collect()),
            created_at: Set(crate::now_text()),
        }
        .insert(&txn)
        .await?;
        record(
            &txn,
            actor,
            Action::Create,
            Entity::PartnerMeeting,
            model.id,
            serde_json::json!({"title": model.title, "kind": model.kind, "held_on": model.held_on,
                "province": province, "agenda": m.agenda.len()}),
        )
        .await?;
        txn.commit().await?;
        Ok(model.id)
    }

    /// The meetings of the person's territory, latest first.
    pub async fn list(&self) -> Result<Vec<partner_meeting::Model>, StoreError> {
        if !self.can(Capability::HoldPartnerMeetings) {
            return Ok(Vec::new());
        }
        Ok(partner_meeting::Entity::find()
            .filter(
                self.access
                    .condition(partner_meeting::Column::ProvinceCode, |_| None),
            )
            .order_by_desc(partner_meeting::Column::HeldOn)
            .order_by_desc(partner_meeting::Column::Id)
            .all(self.store().conn())
            .await?)
    }

    async fn find(&self, id: i64) -> Result<partner_meeting::Model, StoreError> {
        let m = partner_meeting::Entity::find_by_id(id)
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        if !self.allowed(&m.province_code) {
            return Err(StoreError::NotFound);
        }
        Ok(m)
    }

    /// One meeting with its invitees and actions.
    pub async fn meeting(&self, id: i64) -> Result<MeetingView, StoreError> {
        let meeting = self.find(id).await?;
        let db = self.store().conn();
        Ok(MeetingView {
            invitees: partner_meeting_invitee::Entity::find()
                .filter(partner_meeting_invitee::Column::MeetingId.eq(id))
                .order_by_asc(partner_meeting_invitee::Column::Id)
                .all(db)
                .await?,
            actions: partner_meeting_action::Entity::find()
                .filter(partner_meeting_action::Column::MeetingId.eq(id))
                .order_by_asc(partner_meeting_action::Column::Id)
                .all(db)
                .await?,
            meeting,
        })
    }

    /// Invites a person or an organisation: the invitation goes through the outbox.
    pub async fn invite(
        &self,
        actor: &Actor,
        id: i64,
        input: &InviteeInput,
    ) -> Result<i64, MeetingError> {
        let m = self.find(id).await?;
        check_invitee(input).map_err(MeetingError::Fields)?;
        let txn = self.store().begin_write().await?;
        let inv = partner_meeting_invitee::ActiveModel {
            id: NotSet,
            meeting_id: Set(id),
            name: Set(input.name.trim().into()),
            organisation: Set(input.organisation.trim().into()),
            contact: Set(input.contact.trim().into()),
            answer: Set(InvitationAnswer::Pending.as_str().into()),
            attended: Set(None),
        }
        .insert(&txn)
        .await?;
        outbox::write(
            &txn,
            Notification {
                owner: Some(owner(id)),
                province_code: &m.province_code,
                channel: if inv.contact.contains('@') {
                    "email"
                } else {
                    "sms"
                },
                recipient: &inv.contact,
                locale: "ar",
                message: "meeting-invitation",
                body: &serde_json::json!({
                    "title": m.title, "held_on": m.held_on, "starts_at": m.starts_at,
                    "place": m.place,
                }),
            },
        )
        .await?;
        record(
            &txn,
            actor,
            Action::Create,
            Entity::MeetingInvitee,
            inv.id,
            serde_json::json!({"meeting": id, "name": inv.name, "organisation": inv.organisation}),
        )
        .await?;
        txn.commit().await?;
        Ok(inv.id)
    }

    async fn invitee(
        &self,
        id: i64,
        invitee: i64,
    ) -> Result<partner_meeting_invitee::Model, StoreError> {
        self.find(id).await?;
        partner_meeting_invitee::Entity::find_by_id(invitee)
            .filter(partner_meeting_invitee::Column::MeetingId.eq(id))
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Records an invitee's answer to the invitation.
    pub async fn record_answer(
        &self,
        actor: &Actor,
        id: i64,
        invitee: i64,
        answer: &str,
    ) -> Result<(), MeetingError> {
        let inv = self.invitee(id, invitee).await?;
        let Some(answer) = InvitationAnswer::parse(answer.trim()) else {
            return Err(MeetingError::Fields(vec![(
                "answer",
                "meetings-error-answer",
            )]));
        };
        let txn = self.store().begin_write().await?;
        let mut a = inv.into_active_model();
        a.answer = Set(answer.as_str().into());
        a.update(&txn).await?;
        record(
            &txn,
            actor,
            Action::Answer,
            Entity::MeetingInvitee,
            invitee,
            serde_json::json!({"meeting": id, "answer": answer.as_str()}),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Records who attended: every invitee listed attended, the others did not.
    pub async fn record_attendance(
        &self,
        actor: &Actor,
        id: i64,
        present: &[i64],
    ) -> Result<(), MeetingError> {
        let view = self.meeting(id).await?;
        let txn = self.store().begin_write().await?;
        for inv in view.invitees {
            let here = present.contains(&inv.id);
            let mut a = inv.into_active_model();
            a.attended = Set(Some(here));
            a.update(&txn).await?;
        }
        record(
            &txn,
            actor,
            Action::Attend,
            Entity::PartnerMeeting,
            id,
            serde_json::json!({"present": present.len()}),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Writes the minutes, the decisions and, for a public meeting, its public summary.
    pub async fn write_minutes(
        &self,
        actor: &Actor,
        id: i64,
        input: &MinutesInput,
    ) -> Result<(), MeetingError> {
        let m = self.find(id).await?;
        let mut errors = Vec::new();
        for (field, text) in [
            ("minutes", &input.minutes),
            ("decisions", &input.decisions),
            ("public_summary", &input.public_summary),
        ] {
            if text.chars().count() > LONG_MAX_CHARS {
                errors.push((field, "meetings-error-too-long"));
            }
        }
        if input.is_public && input.public_summary.trim().is_empty() {
            errors.push(("public_summary", "meetings-error-summary"));
        }
        if !errors.is_empty() {
            return Err(MeetingError::Fields(errors));
        }
        let txn = self.store().begin_write().await?;
        let mut a = m.into_active_model();
        a.minutes = Set(input.minutes.trim().into());
        a.decisions = Set(lines(&input.decisions).join("\n"));
        a.is_public = Set(input.is_public);
        a.public_summary = Set(input.public_summary.trim().into());
        a.update(&txn).await?;
        record(
            &txn,
            actor,
            Action::Update,
            Entity::PartnerMeeting,
            id,
            serde_json::json!({"decisions": lines(&input.decisions).len(), "public": input.is_public}),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Adds a follow-up action.
    pub async fn add_action(
        &self,
        actor: &Actor,
        id: i64,
        input: &ActionInput,
    ) -> Result<i64, MeetingError> {
        self.find(id).await?;
        let due = check_action(input).map_err(MeetingError::Fields)?;
        let txn = self.store().begin_write().await?;
        let a = partner_meeting_action::ActiveModel {
            id: NotSet,
            meeting_id: Set(id),
            description: Set(input.description.trim().into()),
            owner: Set(input.owner.trim().into()),
            due_on: Set(due.to_string()),
            closed_on: Set(None),
        }
        .insert(&txn)
        .await?;
        record(
            &txn,
            actor,
            Action::Create,
            Entity::MeetingAction,
            a.id,
            serde_json::json!({"meeting": id, "owner": a.owner, "due_on": a.due_on}),
        )
        .await?;
        txn.commit().await?;
        Ok(a.id)
    }

    /// Closes a follow-up action, today.
    pub async fn close_action(
        &self,
        actor: &Actor,
        id: i64,
        action: i64,
    ) -> Result<(), MeetingError> {
        self.find(id).await?;
        let a = partner_meeting_action::Entity::find_by_id(action)
            .filter(partner_meeting_action::Column::MeetingId.eq(id))
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        if a.closed_on.is_some() {
            return Ok(());
        }
        let txn = self.store().begin_write().await?;
        let today = jisr_domain::time::today().to_string();
        let mut m = a.into_active_model();
        m.closed_on = Set(Some(today.clone()));
        m.update(&txn).await?;
        record(
            &txn,
            actor,
            Action::Close,
            Entity::MeetingAction,
            action,
            serde_json::json!({"meeting": id, "closed_on": today}),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

/// The public meetings, with their summaries, latest first: for the public pages.
pub async fn public_meetings(store: &Store) -> Result<Vec<partner_meeting::Model>, StoreError> {
    Ok(partner_meeting::Entity::find()
        .filter(partner_meeting::Column::IsPublic.eq(true))
        .order_by_desc(partner_meeting::Column::HeldOn)
        .all(store.conn())
        .await?)
}
