//! Social-welfare establishments (law 65.15): the life cycle of their authorisation and
//! the checks on their declared capacity.

use crate::access::{Capability, Role};
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
    /// A refused founder appealed; a higher role reviews the dossier again.
    Appealed,
    Suspended,
    Closed,
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 10] = [
        Status::Project,
        Status::Requested,
        Status::UnderReview,
        Status::DocumentsMissing,
        Status::Authorised,
        Status::Refused,
        Status::Appealed,
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
            Status::Appealed => "appealed",
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

    /// Whether an authorisation request is pending a decision (the deadline runs).
    pub fn awaits_decision(self) -> bool {
        matches!(
            self,
            Status::Requested | Status::UnderReview | Status::DocumentsMissing | Status::Appealed
        )
    }
}

/// The moves the life cycle allows, and the capability each needs: the manager files
/// and answers, the delegation decides, an appeal is decided above the delegation.
pub fn transition_capability(from: Status, to: Status) -> Option<Capability> {
    use Capability::{DecideAuthorisationAppeals, DecideAuthorisations, FileAuthorisations};
    use Status::*;
    Some(match (from, to) {
        (Project, Requested) => FileAuthorisations,
        (Requested, UnderReview) => DecideAuthorisations,
        (UnderReview, DocumentsMissing) => DecideAuthorisations,
        (DocumentsMissing, UnderReview) => FileAuthorisations,
        (UnderReview, Authorised) | (UnderReview, Refused) => DecideAuthorisations,
        (Refused, Appealed) => FileAuthorisations,
        (Appealed, Authorised) | (Appealed, Refused) => DecideAuthorisationAppeals,
        (Authorised, Suspended) | (Suspended, Authorised) => DecideAuthorisations,
        (Authorised, Withdrawn) | (Suspended, Withdrawn) => DecideAuthorisations,
        (Authorised, Closed) | (Suspended, Closed) => FileAuthorisations,
        _ => return None,
    })
}

/// The statuses reachable from `from`.
pub fn next_statuses(from: Status) -> Vec<Status> {
    Status::ALL
        .into_iter()
        .filter(|to| transition_capability(from, *to).is_some())
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
    #[error("a refusal may be appealed only once")]
    AppealAlreadyFiled,
}

/// What already happened to the current authorisation request, as far as the rules care.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct History {
    /// Documents were already asked for (the law allows one request).
    pub documents_requested: bool,
    /// The refusal was already appealed.
    pub appealed: bool,
}

/// Checks a change of status against the life cycle, the roles and the request's history.
pub fn check_transition(
    from: Status,
    to: Status,
    roles: &[Role],
    reason: &str,
    history: History,
) -> Result<(), TransitionError> {
    let needed = transition_capability(from, to).ok_or(TransitionError::NotAllowed)?;
    if !roles.iter().any(|r| r.can(needed)) {
        return Err(TransitionError::Role);
    }
    if reason.trim().is_empty() {
        return Err(TransitionError::ReasonMissing);
    }
    if to == Status::DocumentsMissing && history.documents_requested {
        return Err(TransitionError::DocumentsAlreadyRequested);
    }
    if to == Status::Appealed && history.appealed {
        return Err(TransitionError::AppealAlreadyFiled);
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

/// Coordinates that are not numbers, not both given, or outside Morocco.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("coordinates are decimal degrees within Morocco, both or neither")]
pub struct CoordinatesError;

/// Coordinates in millionths of a degree, checked to fall within Morocco's extent
/// (about 20.7°N–36°N, 17.2°W–1°W). Both empty means "not given".
pub fn parse_coordinates(lat: &str, lon: &str) -> Result<Option<(i32, i32)>, CoordinatesError> {
    let (lat, lon) = (lat.trim(), lon.trim());
    if lat.is_empty() && lon.is_empty() {
        return Ok(None);
    }
    let degrees = |s: &str| {
        s.replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
    };
    match (degrees(lat), degrees(lon)) {
        (Some(a), Some(o)) if (20.5..=36.1).contains(&a) && (-17.3..=-0.9).contains(&o) => {
            Ok(Some(((a * 1e6).round() as i32, (o * 1e6).round() as i32)))
        }
        _ => Err(CoordinatesError),
    }
}

/// Whether the capacity may still change: once a decision is taken or awaited, the
/// authorised capacity is part of the authorisation and changes through a new request.
pub fn capacity_editable(status: Status) -> bool {
    matches!(
        status,
        Status::Project | Status::DocumentsMissing | Status::Refused
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NONE: History = History {
        documents_requested: false,
        appealed: false,
    };
    const ASKED: History = History {
        documents_requested: true,
        appealed: false,
    };

    #[test]
    fn a_refusal_is_appealed_once_and_decided_above_the_delegation() {
        let officer = [Role::ProvincialOfficer];
        let manager = [Role::EstablishmentManager];
        let coordinator = [Role::RegionalCoordinator];
        assert_eq!(
            check_transition(Status::Refused, Status::Appealed, &manager, "appeal", NONE),
            Ok(())
        );
        let appealed = History {
            documents_requested: false,
            appealed: true,
        };
        assert_eq!(
            check_transition(
                Status::Refused,
                Status::Appealed,
                &manager,
                "again",
                appealed
            ),
            Err(TransitionError::AppealAlreadyFiled)
        );
        assert_eq!(
            check_transition(
                Status::Appealed,
                Status::Authorised,
                &officer,
                "ok",
                appealed
            ),
            Err(TransitionError::Role),
            "the delegation that refused does not decide the appeal"
        );
        assert_eq!(
            check_transition(
                Status::Appealed,
                Status::Authorised,
                &coordinator,
                "ok",
                appealed
            ),
            Ok(())
        );
        assert!(Status::Appealed.awaits_decision() && !Status::Refused.awaits_decision());
    }

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
                NONE
            ),
            Ok(())
        );
        assert_eq!(
            check_transition(Status::Requested, Status::UnderReview, &officer, "r", NONE),
            Ok(())
        );
        assert_eq!(
            check_transition(
                Status::UnderReview,
                Status::DocumentsMissing,
                &officer,
                "plan",
                NONE
            ),
            Ok(())
        );
        assert_eq!(
            check_transition(
                Status::UnderReview,
                Status::DocumentsMissing,
                &officer,
                "again",
                ASKED
            ),
            Err(TransitionError::DocumentsAlreadyRequested)
        );
        assert_eq!(
            check_transition(
                Status::UnderReview,
                Status::Authorised,
                &officer,
                "ok",
                NONE
            ),
            Ok(())
        );
        assert_eq!(
            check_transition(
                Status::UnderReview,
                Status::Authorised,
                &manager,
                "self",
                NONE
            ),
            Err(TransitionError::Role),
            "a manager never authorises their own establishment"
        );
        assert_eq!(
            check_transition(Status::Project, Status::Authorised, &officer, "skip", NONE),
            Err(TransitionError::NotAllowed)
        );
        assert_eq!(
            check_transition(Status::Authorised, Status::Suspended, &officer, "  ", NONE),
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

    #[test]
    fn coordinates_are_checked_within_morocco() {
        assert_eq!(parse_coordinates("", " "), Ok(None));
        assert_eq!(
            parse_coordinates("32.2333", "-7.95"),
            Ok(Some((32_233_300, -7_950_000)))
        );
        assert_eq!(
            parse_coordinates("32,5", "-8,1"),
            Ok(Some((32_500_000, -8_100_000)))
        );
        assert!(parse_coordinates("48.85", "2.35").is_err(), "Paris");
        assert!(parse_coordinates("32.2", "").is_err());
        assert!(parse_coordinates("NaN", "-7").is_err());
        assert!(capacity_editable(Status::Project) && !capacity_editable(Status::Authorised));
    }

    proptest! {
        #[test]
        fn no_status_leads_back_to_project(from in 0usize..Status::ALL.len()) {
            prop_assert!(!next_statuses(Status::ALL[from]).contains(&Status::Project));
        }

        #[test]
        fn statuses_round_trip(i in 0usize..Status::ALL.len()) {
            prop_assert_eq!(Status::parse(Status::ALL[i].as_str()), Some(Status::ALL[i]));
        }
    }
}
