//! Numbers that come from outside (an address, a query, a form) and become an offset, a
//! date or a bound in SQL: parsed once at the edge into a type whose range is written
//! here, so that no arithmetic on them can overflow. The API document states the same
//! bounds, read from these constants.

use serde::Deserialize;

/// Why a number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("expected a whole number from {min} to {max}")]
pub struct OutOfBounds {
    pub min: u64,
    pub max: u64,
}

macro_rules! bounded {
    ($(#[$meta:meta])* $name:ident, $min:expr, $max:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
        #[serde(try_from = "u64")]
        pub struct $name(u32);

        impl $name {
            pub const MIN: u32 = $min;
            pub const MAX: u32 = $max;

            pub fn new(n: u64) -> Result<Self, OutOfBounds> {
                if (u64::from(Self::MIN)..=u64::from(Self::MAX)).contains(&n) {
                    Ok(Self(n as u32))
                } else {
                    Err(OutOfBounds { min: Self::MIN.into(), max: Self::MAX.into() })
                }
            }

            /// Parses a decimal number as typed (surrounding spaces allowed).
            pub fn parse(s: &str) -> Result<Self, OutOfBounds> {
                s.trim()
                    .parse::<u64>()
                    .map_err(|_| OutOfBounds { min: Self::MIN.into(), max: Self::MAX.into() })
                    .and_then(Self::new)
            }

            /// The number, nearest in range.
            pub fn clamped(n: u64) -> Self {
                Self(n.clamp(u64::from(Self::MIN), u64::from(Self::MAX)) as u32)
            }

            pub fn get(self) -> u32 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl TryFrom<u64> for $name {
            type Error = OutOfBounds;
            fn try_from(n: u64) -> Result<Self, OutOfBounds> {
                Self::new(n)
            }
        }
    };
}

bounded!(
    /// A 1-based page of a list. A million pages of a hundred rows is beyond any list
    /// the platform holds; the offset it makes always fits a SQL bind.
    PageNumber, 1, 1_000_000
);

impl Default for PageNumber {
    fn default() -> Self {
        Self(1)
    }
}

impl PageNumber {
    /// Rows to skip before this page, for pages of `size` rows.
    pub fn offset(self, size: u64) -> u64 {
        u64::from(self.0 - 1).saturating_mul(size)
    }
}

bounded!(
    /// A count of days looking back from today (e.g. "filed at least N days ago"): up to
    /// a century, so that today minus it is always a date.
    DaysAgo, 0, 36_600
);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pages_start_at_one_and_stop_at_the_bound() {
        assert!(PageNumber::new(0).is_err());
        assert_eq!(PageNumber::new(1).unwrap().offset(25), 0);
        assert_eq!(PageNumber::new(3).unwrap().offset(25), 50);
        assert!(PageNumber::new(u64::from(PageNumber::MAX) + 1).is_err());
        assert!(PageNumber::parse("9223372036854775809").is_err());
        assert!(PageNumber::parse("-1").is_err());
        assert_eq!(PageNumber::parse(" 2 ").unwrap().get(), 2);
        assert_eq!(PageNumber::clamped(u64::MAX).get(), PageNumber::MAX);
        assert_eq!(PageNumber::clamped(0).get(), 1);
    }

    #[test]
    fn days_reach_back_a_century_at_most() {
        assert_eq!(DaysAgo::new(0).unwrap().get(), 0);
        assert!(DaysAgo::new(2_147_483_648).is_err());
    }

    #[test]
    fn numbers_in_a_query_are_bounded_when_read() {
        #[derive(Deserialize)]
        struct Q {
            page: PageNumber,
        }
        let ok: Q = serde_json::from_str(r#"{"page": 7}"#).unwrap();
        assert_eq!(ok.page.get(), 7);
        assert!(serde_json::from_str::<Q>(r#"{"page": 0}"#).is_err());
        assert!(serde_json::from_str::<Q>(r#"{"page": 9223372036854775808}"#).is_err());
    }

    proptest! {
        #[test]
        fn every_page_offset_fits_a_sql_bind(n in 1u64..=u64::from(PageNumber::MAX), size in 1u64..=1000) {
            let offset = PageNumber::new(n).unwrap().offset(size);
            prop_assert!(i64::try_from(offset).is_ok());
        }

        #[test]
        fn a_number_is_accepted_exactly_when_in_range(n in any::<u64>()) {
            prop_assert_eq!(PageNumber::new(n).is_ok(), (1..=u64::from(PageNumber::MAX)).contains(&n));
            prop_assert_eq!(DaysAgo::new(n).is_ok(), n <= u64::from(DaysAgo::MAX));
        }
    }
}
