//! The agency's own units. A provincial delegation is its own record that covers one or
//! more provinces; it is never a field of the province.

use serde::{Deserialize, Serialize};

/// The level of a unit of the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// The central administration (national scope).
    Central,
    /// A regional coordination (one region).
    RegionalCoordination,
    /// A provincial delegation (one or more provinces).
    ProvincialDelegation,
}

impl UnitKind {
    pub const ALL: [UnitKind; 3] = [
        UnitKind::Central,
        UnitKind::RegionalCoordination,
        UnitKind::ProvincialDelegation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Central => "central",
            UnitKind::RegionalCoordination => "regional_coordination",
            UnitKind::ProvincialDelegation => "provincial_delegation",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind a unit's parent must have; the central administration has none.
    pub fn parent_kind(self) -> Option<UnitKind> {
        match self {
            UnitKind::Central => None,
            UnitKind::RegionalCoordination => Some(UnitKind::Central),
            UnitKind::ProvincialDelegation => Some(UnitKind::RegionalCoordination),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_nest() {
        for k in UnitKind::ALL {
            assert_eq!(UnitKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(UnitKind::parse("province"), None);
        assert_eq!(UnitKind::Central.parent_kind(), None);
        assert_eq!(
            UnitKind::ProvincialDelegation.parent_kind(),
            Some(UnitKind::RegionalCoordination)
        );
    }
}
