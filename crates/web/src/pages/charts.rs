//! Charts in the pages: an SVG drawn by the server and the same figures as a table
//! (`templates/charts/grid.html` shows both, the table behind a toggle that works
//! without JavaScript).

use crate::view::Chrome;

/// A chart and the same figures as a table.
pub struct Chart {
    pub svg: String,
    pub table: jisr_charts::Table,
}

/// The page's direction, as the charts draw it.
pub(crate) fn direction(chrome: &Chrome) -> jisr_charts::Direction {
    if chrome.dir() == "rtl" {
        jisr_charts::Direction::Rtl
    } else {
        jisr_charts::Direction::Ltr
    }
}

/// Counts by label as horizontal bars; `heading` names the labels' column.
pub(crate) fn bar_chart(
    chrome: &Chrome,
    id: &str,
    title: &str,
    heading: &str,
    rows: Vec<(String, f64)>,
) -> Chart {
    use jisr_charts::{Categorical, Frame, Orientation};
    let height = 60.0 + 34.0 * rows.len().max(1) as f64;
    let data = Categorical::single(heading.to_owned(), chrome.t("fig-count"), rows);
    let fmt = |v: f64| jisr_i18n::format_count(chrome.locale, v.round() as i64);
    let frame = Frame::new(id, title, chrome.t("fig-chart-desc"), direction(chrome))
        .size(640.0, height)
        .lang(chrome.lang());
    Chart {
        svg: jisr_charts::bars(&frame, &data, Orientation::Horizontal, &fmt),
        table: jisr_charts::bars_table(&frame, &data, &fmt),
    }
}
