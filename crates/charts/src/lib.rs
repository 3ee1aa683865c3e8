//! Server-side SVG charts and choropleth maps for Jisr's transparency pages.
//!
//! Every function is pure: data in, SVG markup (a string) out, with no script, no
//! external font, stylesheet or image. The web layer translates labels, formats numbers
//! per locale (a [`NumberFormat`], any `Fn(f64) -> String`) and gives the accessible name
//! and description in a [`Frame`].
//!
//! * Accessibility: the root has `role="img"`, a `<title>` and `<desc>` referenced by
//!   `aria-labelledby` and `aria-describedby`; each chart has a companion `*_table`
//!   function giving the same figures as a [`Table`] for the page to show beside it.
//! * Right to left: in [`Direction::Rtl`] the root has `direction="rtl"`, category axes
//!   run right to left (first category at the right), the value axis sits on the right and
//!   legends start at the right; `text-anchor` is written for that direction (`start` is
//!   the right end). Every caller string drawn as text is wrapped in FSI … PDI (U+2068,
//!   U+2069), so Latin names and numbers inside Arabic keep their order.
//! * Styling: text and axes use `currentColor`; marks carry classes (`bar series-0`,
//!   `line series-1`, `area class-2`, `area no-data`, `legend`, `tick`, …) that the page's
//!   CSS can restyle; colours are in [`palette`].
//! * Size: `width`, `height` and `viewBox` are set; CSS `width: 100%; height: auto`
//!   makes a chart responsive.
//! * Safety: every caller string is XML-escaped ([`text::escape`]).

mod bars;
pub mod classify;
mod data;
mod donut;
mod frame;
pub mod geo;
mod lines;
mod map;
mod multiples;
pub mod palette;
mod plot;
pub mod scale;
pub mod text;

pub use bars::{Orientation, bars, bars_table, stacked_bars, stacked_bars_table};
pub use classify::Classification;
pub use data::{Categorical, Series, Table};
pub use donut::{donut, donut_table};
pub use frame::{Direction, Frame, NumberFormat};
pub use geo::{Area, Level, boundaries};
pub use lines::{lines, lines_table};
pub use map::{AreaLink, AreaName, Choropleth, choropleth, choropleth_table};
pub use multiples::{PanelKind, SmallMultiples, small_multiples, small_multiples_table};
