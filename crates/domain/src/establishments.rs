//! Social-welfare establishments (law 65.15): the life cycle of their authorisation and
//! the checks on their declared capacity.

use crate::access::Role;
use serde::{Deserialize, Serialize};

/// Where an establishment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being prepared by its founder; not yet filed.
    Project,
    /// Authorisation requested (dossier filed, receipt given).
    Requested,
    /// The delegation is examining the dossier.
    UnderReview,
    /// Documents were asked for (once); waiting for them.
    DocumentsMissing,
    Authorised,
    Refused,
    Suspended,
    Closed,
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 9] = [
        Status::Project,
        Status::Requested,
        Status::UnderReview,
        Status::DocumentsMissing,
        Status::Authorised,
        Status::Refused,
        Status::Suspended,
        Status::Closed,
        Status::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Project => "project",
            Status::Requested => "requested",
            Status::UnderReview => "under_review",
            Status::DocumentsMissing => "documents_missing",
            Status::Authorised => "authorised",
            Status::Refused => "refused",
            Status::Suspended => "suspended",
            Status::Closed => "closed",
            Status::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether the establishment may operate and appears in the public directory.
    pub fn is_operating(self) -> bool {
        self == Status::Authorised
    }
}

/// Officers of the delegation decide; the establishment's manager files and answers.
const DECIDERS: &[Role] = &[
    Role::ProvincialOfficer,
    Role::RegionalCoordinator,
    Role::NationalAdministrator,
];
const FILERS: &[Role] = &[
    Role::EstablishmentManager,
    Role::ProvincialOfficer,
    Role::RegionalCoordinator,
    Role::NationalAdministrator,
];

/// The moves the life cycle allows, and who may make each.
pub fn transition_roles(from: Status, to: Status) -> Option<&'static [Role]> {
    use Status::*;
    Some(match (from, to) {
        (Project, Requested) => FILERS,
        (Requested, UnderReview) => DECIDERS,
        (UnderReview, DocumentsMissing) => DECIDERS,
        (DocumentsMissing, UnderReview) => FILERS,
        (UnderReview, Authorised) | (UnderReview, Refused) => DECIDERS,
        (Authorised, Suspended) | (Suspended, Authorised) => DECIDERS,
        (Authorised, Withdrawn) | (Suspended, Withdrawn) => DECIDERS,
        (Authorised, Closed) | (Suspended, Closed) => FILERS,
        _ => return None,
    })
}

/// The statuses reachable from `from`.
pub fn next_statuses(from: Status) -> Vec<Status> {
    Status::ALL
        .into_iter()
        .filter(|to| transition_roles(from, *to).is_some())
        .collect()
}

/// Why a change of status was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("this change of status is not part of the life cycle")]
    NotAllowed,
    #[error("your role may not make this change")]
    Role,
    #[error("a reason is required")]
    ReasonMissing,
    #[error("documents may be requested only once")]
    DocumentsAlreadyRequested,
}

/// Checks a change of status. `documents_requested_before` says whether documents were
/// already asked for on this dossier (the law allows one request).
pub fn check_transition(
    from: Status,
    to: Status,
    roles: &[Role],
    reason: &str,
    documents_requested_before: bool,
) -> Result<(), TransitionError> {
    let allowed = transition_roles(from, to).ok_or(TransitionError::NotAllowed)?;
    if !roles.iter().any(|r| allowed.contains(r)) {
        return Err(TransitionError::Role);
    }
    if reason.trim().is_empty() {
        return Err(TransitionError::ReasonMissing);
    }
    if to == Status::DocumentsMissing && documents_requested_before {
        return Err(TransitionError::DocumentsAlreadyRequested);
    }
    Ok(())
}

/// The largest capacity one establishment may declare per sex (configuration would
/// raise it; nothing in the field comes near).
pub const MAX_CAPACITY: i32 = 2000;

/// Authorised capacity split by sex, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capacity {
    pub male: i32,
    pub female: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CapacityError {
    #[error("a capacity is a whole number from 0 to {MAX_CAPACITY}")]
    OutOfRange,
    #[error("an establishment has at least one place")]
    Empty,
}

impl Capacity {
    pub fn new(male: i32, female: i32) -> Result<Self, CapacityError> {
        let range = 0..=MAX_CAPACITY;
        if !range.contains(&male) || !range.contains(&female) {
            return Err(CapacityError::OutOfRange);
        }
        if male + female == 0 {
            return Err(CapacityError::Empty);
        }
        Ok(Self { male, female })
    }

    pub fn total(&self) -> i32 {
        self.male + self.female
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_life_cycle_runs_from_project_to_authorisation() {
        let officer = [Role::ProvincialOfficer];
        let manager = [Role::EstablishmentManager];
        assert_eq!(
            check_transition(
                Status::Project,
                Status::Requested,
                &manager,
                "dossier",
                false
            ),
            Ok(())
        );
        assert_eq!(
            check_transition(Status::Requested, Status::UnderReview, &officer, "r", false),
            Ok(())
        );
        assert_eq!(
            check_transition(
                Status::UnderReview,
                Status::DocumentsMissing,
                &officer,
                "plan",
                false
            ),
            Ok(())
        );
        assert_eq!(
            check_transition(
                Status::UnderReview,
                Status::DocumentsMissing,
                &officer,
                "again",
                true
            ),
            Err(TransitionError::DocumentsAlreadyRequested)
        );
        assert_eq!(
            check_transition(
                Status::UnderReview,
                Status::Authorised,
                &officer,
                "ok",
                false
            ),
            Ok(())
        );
        assert_eq!(
            check_transition(
                Status::UnderReview,
                Status::Authorised,
                &manager,
                "self",
                false
            ),
            Err(TransitionError::Role),
            "a manager never authorises their own establishment"
        );
        assert_eq!(
            check_transition(Status::Project, Status::Authorised, &officer, "skip", false),
            Err(TransitionError::NotAllowed)
        );
        assert_eq!(
            check_transition(Status::Authorised, Status::Suspended, &officer, "  ", false),
            Err(TransitionError::ReasonMissing)
        );
        assert!(Status::Authorised.is_operating() && !Status::Suspended.is_operating());
    }

    #[test]
    fn capacity_is_checked() {
        assert_eq!(Capacity::new(20, 15).unwrap().total(), 35);
        assert_eq!(Capacity::new(-1, 10), Err(CapacityError::OutOfRange));
        assert_eq!(Capacity::new(0, 2001), Err(CapacityError::OutOfRange));
        assert_eq!(Capacity::new(0, 0), Err(CapacityError::Empty));
    }

    proptest! {
        #[test]
        fn no_status_leads_back_to_project(from in 0usize..9) {
            prop_assert!(!next_statuses(Status::ALL[from]).contains(&Status::Project));
        }

        #[test]
        fn statuses_round_trip(i in 0usize..9) {
            prop_assert_eq!(Status::parse(Status::ALL[i].as_str()), Some(Status::ALL[i]));
        }
    }
}
