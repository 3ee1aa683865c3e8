//! Disclosure control for the figures of the public transparency portal.
//!
//! Small counts can identify people: a published "2 beneficiaries with a disability in
//! this commune" tells neighbours who they are. This crate decides, for a table of counts
//! and its margins, which figures may be shown.
//!
//! # The rule
//!
//! * **Primary suppression.** A count `n` with `1 <= n < threshold` (the portal uses 5)
//!   is suppressed and shown with the caller's label, e.g. `"< 5"`. This applies to inner
//!   cells *and* to totals (a row total of 3 is itself a small count).
//! * **Zero is safe.** A count of 0 is shown as 0: structural zeros are common (no
//!   establishment of a kind in a province) and hiding them would blank most tables.
//!   Zeros are never chosen as complementary cells either (see below).
//! * **Complementary (secondary) suppression.** A published table with its margins is a
//!   set of *lines*: each row says "cells of the row add up to the row total", each
//!   column the same with the column total, the row of column totals adds up to the grand
//!   total, and so does the column of row totals. A line with exactly one suppressed figure
//!   gives it away (total minus the shown figures). So every line must have **zero or at
//!   least two** suppressed figures. While some line has exactly one, the smallest
//!   non-zero shown figure of that line is suppressed too (ties: an inner cell before a
//!   total, then the first in reading order), and the check starts again until it is
//!   stable. A 1-D list with a total is the same problem with one line ([`suppress_list`]).
//!
//! The procedure is deterministic: the same table and threshold always give the same
//! publication.
//!
//! # What is guaranteed, and what is not
//!
//! * Guaranteed: no shown figure is in `1..threshold`; and an attacker who knows every
//!   shown figure and solves rows and columns one at a time (a line's total minus its shown
//!   figures), repeating with what they learned until nothing new comes out, never learns
//!   the exact value of a suppressed figure. (Such an attacker learns nothing at all: no
//!   line ever has exactly one unknown. A line whose unknowns sum to zero would give them
//!   all away as zeros; that cannot happen because suppressed figures are never zero.)
//!   The property tests in `tests/attack.rs` run exactly this attacker on random tables.
//! * Not guaranteed: protection against an attacker who combines *several* equations at
//!   once with the bounds they know (a primary cell is in `1..threshold`, every suppressed
//!   figure is at least 1, a complementary cell is usually at least `threshold`). Such a
//!   linear-programming attack yields an interval for each suppressed figure, and on some
//!   tables the interval is narrow or, rarely, a single value: e.g. a row `1, 5` whose
//!   total 6 is shown, when the labels tell the primary cell (`"< 5"`) from the
//!   complementary one, gives `1 + x = 6` with `x >= 5`, hence both. Using one neutral
//!   label for every suppressed figure ([`Labels::same`]) removes that knowledge, but no
//!   interval width is enforced. Larger or linked tables (the same counts published by
//!   region and by province, or over several periods) need audit by an interval or LP
//!   based method (τ-ARGUS style) before publication; this crate does not do it.
//! * Not guaranteed either: minimal loss of information. The choice is greedy ("the
//!   smallest figure of the line"), which is close to minimal on small tables but not
//!   optimal in general.

mod engine;
mod published;
mod table;

pub use published::{Cell, Labels, Published, PublishedList, Reason, Rendered};
pub use table::{ShapeError, Table};

/// The threshold the portal uses: counts from 1 to 4 are suppressed.
pub const DEFAULT_THRESHOLD: u64 = 5;

/// Suppresses a 2-D table with its margins: row totals, column totals and the grand
/// total are published too and are protected like cells.
///
/// ```
/// use jisr_disclosure::{suppress, Cell, Table};
/// let table = Table::new(vec![vec![3, 10, 20], vec![8, 12, 30]]).unwrap();
/// let published = suppress(&table, 5);
/// assert!(published.cell(0, 0).is_suppressed());
/// assert_eq!(published.cell(0, 2), Cell::Shown(20));
/// assert_eq!(published.grand_total(), Cell::Shown(83));
/// ```
pub fn suppress(table: &Table, threshold: u64) -> Published {
    published::suppress_table(table, threshold)
}

/// Suppresses a 1-D list of counts with its published total (one line).
///
/// ```
/// use jisr_disclosure::{suppress_list, Cell};
/// let published = suppress_list(&[2, 40, 7, 0], 5);
/// assert!(published.values[0].is_suppressed());
/// assert!(published.values[2].is_suppressed()); // the smallest other non-zero count
/// assert_eq!(published.values[3], Cell::Shown(0));
/// assert_eq!(published.total, Cell::Shown(49));
/// ```
pub fn suppress_list(values: &[u64], threshold: u64) -> PublishedList {
    published::suppress_list(values, threshold)
}
