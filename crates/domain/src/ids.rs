//! Typed identifiers: a user id can never be passed where a unit id is expected.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

typed_id!(
    /// A staff account.
    UserId
);
typed_id!(
    /// A unit of the agency (central administration, regional coordination, delegation).
    UnitId
);
typed_id!(
    /// A role granted to a user over a scope.
    GrantId
);
typed_id!(
    /// An entry of the audit trail.
    AuditId
);
