//! Sorting and paging of the lists shown to staff, done by the database: each list has
//! its own typed sort key (`establishments::Sort`, `associations::Sort`,
//! `accounts::Sort`); they share the direction and the page.

use sea_orm::Order;

/// Which way a list is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Direction {
    #[default]
    Ascending,
    Descending,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ascending => "asc",
            Direction::Descending => "desc",
        }
    }

    /// `asc` or `desc`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "asc" => Some(Direction::Ascending),
            "desc" => Some(Direction::Descending),
            _ => None,
        }
    }

    pub fn flipped(self) -> Self {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }

    pub fn order(self) -> Order {
        match self {
            Direction::Ascending => Order::Asc,
            Direction::Descending => Order::Desc,
        }
    }
}

use jisr_domain::bounds::PageNumber;

/// One page of a list: 1-based number and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub number: u64,
    pub size: u64,
}

impl Page {
    /// Page `number` (nearest in the bounds of [`PageNumber`]) of `size` rows.
    pub fn new(number: u64, size: u64) -> Self {
        Self {
            number: u64::from(PageNumber::clamped(number).get()),
            size: size.clamp(1, 1000),
        }
    }

    /// Rows to skip before this page: always a valid SQL offset.
    pub fn offset(self) -> u64 {
        (self.number - 1).saturating_mul(self.size)
    }

    /// How many pages `total` rows fill (at least one, so an empty list has page 1 of 1).
    pub fn count(self, total: u64) -> u64 {
        total.div_ceil(self.size).max(1)
    }
}
