//! Partner meetings: a delegation meets its partners (a provincial committee, a partners'
//! meeting, a press meeting), invites people, records who attended, writes minutes with
//! decisions and follows actions to closure.

use chrono::NaiveDate;

/// The longest title, place or name, in characters.
pub const SHORT_MAX_CHARS: usize = 200;
/// The longest agenda, minutes or summary, in characters.
pub const LONG_MAX_CHARS: usize = 20_000;

/// What kind of meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingKind {
    ProvincialCommittee,
    PartnersMeeting,
    Press,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 3] = [
        MeetingKind::ProvincialCommittee,
        MeetingKind::PartnersMeeting,
        MeetingKind::Press,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::ProvincialCommittee => "provincial_committee",
            MeetingKind::PartnersMeeting => "partners_meeting",
            MeetingKind::Press => "press",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// An invitee's answer to the invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationAnswer {
    Pending,
    Accepted,
    Declined,
}

impl InvitationAnswer {
    pub const ALL: [InvitationAnswer; 3] = [
        InvitationAnswer::Pending,
        InvitationAnswer::Accepted,
        InvitationAnswer::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InvitationAnswer::Pending => "pending",
            InvitationAnswer::Accepted => "accepted",
            InvitationAnswer::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A meeting as typed in its form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingInput {
    pub title: String,
    pub kind: String,
    pub held_on: String,
    pub starts_at: String,
    pub place: String,
    /// One agenda item a line.
    pub agenda: String,
}

/// A meeting checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub title: String,
    pub kind: MeetingKind,
    pub held_on: NaiveDate,
    pub starts_at: String,
    pub place: String,
    pub agenda: Vec<String>,
}

/// Every error of a field list, keyed by field, with its translation key.
pub type FieldErrors = Vec<(&'static str, &'static str)>;

fn short(errors: &mut FieldErrors, field: &'static str, text: &str, required: bool) {
    if required && text.trim().is_empty() {
        errors.push((field, "meetings-error-required"));
    } else if text.chars().count() > SHORT_MAX_CHARS {
        errors.push((field, "meetings-error-too-long"));
    }
}

fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Splits a text into its non-empty lines.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Checks a meeting: every error at once.
pub fn check_meeting(input: &MeetingInput) -> Result<Meeting, FieldErrors> {
    let mut errors = FieldErrors::new();
    short(&mut errors, "title", &input.title, true);
    short(&mut errors, "place", &input.place, true);
    let kind = MeetingKind::parse(input.kind.trim());
    if kind.is_none() {
        errors.push(("kind", "meetings-error-kind"));
    }
    let held_on = day(&input.held_on);
    if held_on.is_none() {
        errors.push(("held_on", "meetings-error-date"));
    }
    let starts_at = input.starts_at.trim();
    let time_ok = starts_at.is_empty()
        || chrono::NaiveTime::parse_from_str(starts_at, "%H:%M").is_ok() && starts_at.len() == 5;
    if !time_ok {
        errors.push(("starts_at", "meetings-error-time"));
    }
    if input.agenda.chars().count() > LONG_MAX_CHARS {
        errors.push(("agenda", "meetings-error-too-long"));
    }
    match (kind, held_on, errors.is_empty()) {
        (Some(kind), Some(held_on), true) => Ok(Meeting {
            title: input.title.trim().to_owned(),
            kind,
            held_on,
            starts_at: starts_at.to_owned(),
            place: input.place.trim().to_owned(),
            agenda: lines(&input.agenda),
        }),
        _ => Err(errors),
    }
}

/// An invitee as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InviteeInput {
    pub name: String,
    pub organisation: String,
    /// A phone number or an e-mail address, where the invitation goes.
    pub contact: String,
}

/// Checks an invitee: a name or an organisation, and a contact.
pub fn check_invitee(input: &InviteeInput) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if input.name.trim().is_empty() && input.organisation.trim().is_empty() {
        errors.push(("name", "meetings-error-name"));
    }
    short(&mut errors, "name", &input.name, false);
    short(&mut errors, "organisation", &input.organisation, false);
    short(&mut errors, "contact", &input.contact, true);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// A follow-up action as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionInput {
    pub description: String,
    pub owner: String,
    pub due_on: String,
}

/// Checks a follow-up action: what, who, by when.
pub fn check_action(input: &ActionInput) -> Result<NaiveDate, FieldErrors> {
    let mut errors = FieldErrors::new();
    short(&mut errors, "description", &input.description, true);
    short(&mut errors, "owner", &input.owner, true);
    let due = day(&input.due_on);
    if due.is_none() {
        errors.push(("due_on", "meetings-error-date"));
    }
    match (due, errors.is_empty()) {
        (Some(d), true) => Ok(d),
        _ => Err(errors),
    }
}

/// Whether an action is overdue on `today`: still open after its deadline.
pub fn overdue(due_on: NaiveDate, closed: bool, today: NaiveDate) -> bool {
    !closed && today > due_on
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_meeting_gives_every_error_at_once() {
        let e = check_meeting(&MeetingInput {
            kind: "party".into(),
            held_on: "demain".into(),
            starts_at: "25:00".into(),
            ..Default::default()
        })
        .unwrap_err();
        let fields: Vec<&str> = e.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec!["title", "place", "kind", "held_on", "starts_at"]
        );
    }

    #[test]
    fn a_meeting_keeps_its_agenda_items() {
        let m = check_meeting(&MeetingInput {
            title: " Présentation des services ".into(),
            kind: "partners_meeting".into(),
            held_on: "2026-12-10".into(),
            starts_at: "10:00".into(),
            place: "Ben Guerir".into(),
            agenda: "Accueil\n\n  Les nouveaux services \n".into(),
        })
        .unwrap();
        assert_eq!(m.title, "Présentation des services");
        assert_eq!(m.kind, MeetingKind::PartnersMeeting);
        assert_eq!(m.agenda, vec!["Accueil", "Les nouveaux services"]);
    }

    #[test]
    fn invitees_and_actions_are_checked() {
        assert!(check_invitee(&InviteeInput::default()).is_err());
        assert!(
            check_invitee(&InviteeInput {
                organisation: "Commune de Ben Guerir".into(),
                contact: "0612345678".into(),
                ..Default::default()
            })
            .is_ok()
        );
        let e = check_action(&ActionInput::default()).unwrap_err();
        assert_eq!(e.len(), 3);
        assert_eq!(
            check_action(&ActionInput {
                description: "Envoyer la liste".into(),
                owner: "Délégation".into(),
                due_on: "2026-12-20".into(),
            }),
            Ok(d("2026-12-20"))
        );
    }

    #[test]
    fn overdue_is_open_after_the_deadline() {
        assert!(overdue(d("2026-12-01"), false, d("2026-12-02")));
        assert!(!overdue(d("2026-12-01"), false, d("2026-12-01")));
        assert!(!overdue(d("2026-12-01"), true, d("2026-12-09")));
    }

    proptest! {
        #[test]
        fn a_closed_action_is_never_overdue(due in 0i64..4000, today in 0i64..4000) {
            let base = d("2020-01-01");
            let due = base + chrono::Days::new(due as u64);
            let today = base + chrono::Days::new(today as u64);
            prop_assert!(!overdue(due, true, today));
            prop_assert_eq!(overdue(due, false, today), today > due);
        }

        #[test]
        fn lines_are_never_blank(text in ".{0,200}") {
            prop_assert!(lines(&text).iter().all(|l| !l.trim().is_empty() && l.trim() == l));
        }

        #[test]
        fn kinds_read_back(i in 0usize..3) {
            let k = MeetingKind::ALL[i];
            prop_assert_eq!(MeetingKind::parse(k.as_str()), Some(k));
        }
    }
}
