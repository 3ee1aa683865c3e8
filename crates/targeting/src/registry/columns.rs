//! The named fields of the registry, their kinds, and typed access to their columns.

use super::{Households, Persons};
use serde::{Deserialize, Serialize};

/// Category sets that a category field draws its values from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryDomain {
    Residence,
    Sex,
    Relation,
    IndexSource,
    MaritalStatus,
    DwellingType,
    Occupancy,
    Region,
    Province,
    Commune,
}

/// How a field is typed in rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// Numbers (counts, ages, the index value).
    Num,
    /// Flags.
    Bool,
    /// Days since 1970-01-01.
    Date,
    /// A value of a category set.
    Category(CategoryDomain),
}

/// A borrowed column with its storage type.
#[derive(Clone, Copy, Debug)]
pub enum ColumnRef<'a> {
    U8(&'a [u8]),
    U16(&'a [u16]),
    I32(&'a [i32]),
    F32(&'a [f32]),
}

impl ColumnRef<'_> {
    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            ColumnRef::U8(c) => c.len(),
            ColumnRef::U16(c) => c.len(),
            ColumnRef::I32(c) => c.len(),
            ColumnRef::F32(c) => c.len(),
        }
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

macro_rules! fields {
    ($(#[$doc:meta])* $name:ident for $store:ident {
        $($variant:ident => $field:ident : $kind:expr, $storage:ident;)+
    }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every field.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The name rules use for the field.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => stringify!($field)),+ }
            }
            /// The field's type in rules.
            pub fn kind(self) -> FieldKind {
                use CategoryDomain::*;
                match self { $($name::$variant => $kind),+ }
            }
            /// The field with this name.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|f| f.name() == name)
            }
            /// The stored column of this field.
            pub fn column(self, store: &$store) -> ColumnRef<'_> {
                match self { $($name::$variant => ColumnRef::$storage(&store.$field)),+ }
            }
        }
    };
}

use FieldKind::{Bool, Date, Num};

fields!(
    /// Household fields usable in rules and scoring models.
    HouseholdColumn for Households {
        Region => region: FieldKind::Category(Region), U8;
        Province => province: FieldKind::Category(Province), U16;
        Commune => commune: FieldKind::Category(Commune), U16;
        Residence => residence: FieldKind::Category(Residence), U8;
        Size => size: Num, U8;
        Index => index: Num, F32;
        IndexDate => index_date: Date, I32;
        IndexSource => index_source: FieldKind::Category(IndexSource), U8;
        HeadAge => head_age: Num, U8;
        HeadSex => head_sex: FieldKind::Category(Sex), U8;
        HeadDisabled => head_disabled: Bool, U8;
        HeadMaritalStatus => head_marital_status: FieldKind::Category(MaritalStatus), U8;
        ChildrenUnder6 => children_under_6: Num, U8;
        ChildrenUnder18 => children_under_18: Num, U8;
        ChildrenUnder21 => children_under_21: Num, U8;
        SchooledChildren => schooled_children: Num, U8;
        OutOfSchoolChildren => out_of_school_children: Num, U8;
        Elderly60Plus => elderly_60_plus: Num, U8;
        DisabledMembers => disabled_members: Num, U8;
        Orphans => orphans: Num, U8;
        Adults18To59 => adults_18_59: Num, U8;
        FemaleMembers => female_members: Num, U8;
        DwellingType => dwelling_type: FieldKind::Category(DwellingType), U8;
        Occupancy => occupancy: FieldKind::Category(Occupancy), U8;
        Rooms => rooms: Num, U8;
        Electricity => electricity: Bool, U8;
        RunningWater => running_water: Bool, U8;
        Toilet => toilet: Bool, U8;
        RegistrationDate => registration_date: Date, I32;
    }
);

fields!(
    /// Person fields usable in person-level rules.
    PersonColumn for Persons {
        Age => age: Num, U8;
        Sex => sex: FieldKind::Category(Sex), U8;
        Relation => relation: FieldKind::Category(Relation), U8;
        Disabled => disabled: Bool, U8;
        Schooled => schooled: Bool, U8;
        Orphan => orphan: Bool, U8;
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_resolve() {
        for f in HouseholdColumn::ALL {
            assert_eq!(HouseholdColumn::from_name(f.name()), Some(*f));
        }
        for f in PersonColumn::ALL {
            assert_eq!(PersonColumn::from_name(f.name()), Some(*f));
        }
        assert_eq!(HouseholdColumn::from_name("income"), None);
        assert_eq!(HouseholdColumn::Index.kind(), FieldKind::Num);
        assert_eq!(
            HouseholdColumn::Residence.kind(),
            FieldKind::Category(CategoryDomain::Residence)
        );
    }
}
