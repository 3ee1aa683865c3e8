//! Small category enums stored as `u8` codes in the registry columns. Each value has a
//! stable identifier (`code()`), which is also how rules name it (`residence == "urban"`).

use serde::{Deserialize, Serialize};

/// Stored code of a missing category, flag or small count.
pub const MISSING_U8: u8 = u8::MAX;
/// Stored code of a missing geographic index.
pub const MISSING_U16: u16 = u16::MAX;
/// Stored value of a missing date.
pub const MISSING_DAY: i32 = i32::MIN;

macro_rules! category {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[repr(u8)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in code order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Stable identifier of the value.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            /// The value with this identifier.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
            /// The value stored as `raw`, if any.
            pub fn from_u8(raw: u8) -> Option<Self> {
                Self::ALL.get(usize::from(raw)).copied()
            }
            /// Identifiers of every value, in code order.
            pub fn codes() -> Vec<String> {
                Self::ALL.iter().map(|v| v.code().to_string()).collect()
            }
        }
    };
}

category!(
    /// Urban or rural area of residence (HCP milieu).
    Residence { Urban => "urban", Rural => "rural" }
);
category!(
    /// Sex as recorded in the registry.
    Sex { Male => "male", Female => "female" }
);
category!(
    /// A person's relation to the head of the household.
    Relation {
        Head => "head",
        Spouse => "spouse",
        Child => "child",
        Grandchild => "grandchild",
        Parent => "parent",
        OtherRelative => "other_relative",
        NonRelative => "non_relative",
    }
);
category!(
    /// Where a household's registry index value comes from.
    IndexSource { Declared => "declared", Registry => "registry", Staff => "staff" }
);
category!(
    /// Marital status of the head of household.
    MaritalStatus { Single => "single", Married => "married", Divorced => "divorced", Widowed => "widowed" }
);
category!(
    /// Type of dwelling (HCP census categories).
    DwellingType {
        Villa => "villa",
        Apartment => "apartment",
        MoroccanHouse => "moroccan_house",
        BasicOrSlum => "basic_or_slum",
        Rural => "rural",
        Other => "other",
    }
);
category!(
    /// Occupancy status of the dwelling.
    Occupancy { Owner => "owner", Tenant => "tenant", Other => "other" }
);

/// Encodes an optional category as its stored code.
pub fn opt_code<T: Copy + Into<u8>>(value: Option<T>) -> u8 {
    value.map_or(MISSING_U8, Into::into)
}

macro_rules! into_u8 {
    ($($t:ty),+) => { $(impl From<$t> for u8 { fn from(v: $t) -> u8 { v as u8 } })+ };
}
into_u8!(
    Residence,
    Sex,
    Relation,
    IndexSource,
    MaritalStatus,
    DwellingType,
    Occupancy
);

/// Encodes an optional flag: 0 false, 1 true, [`MISSING_U8`] unknown.
pub fn flag(value: Option<bool>) -> u8 {
    value.map_or(MISSING_U8, u8::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for v in DwellingType::ALL {
            assert_eq!(DwellingType::from_code(v.code()), Some(*v));
            assert_eq!(DwellingType::from_u8(u8::from(*v)), Some(*v));
        }
        assert_eq!(Relation::from_code("cousin"), None);
        assert_eq!(Sex::from_u8(MISSING_U8), None);
        assert_eq!(opt_code(Some(Residence::Rural)), 1);
        assert_eq!(flag(None), MISSING_U8);
    }
}
