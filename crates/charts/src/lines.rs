//! Lines over time: several series over the same periods.

use crate::data::{Categorical, Table};
use crate::frame::{
    Direction, FONT, Frame, NumberFormat, Svg, joined, label_value, list_sep, widest,
};
use crate::plot::{self, Area, Swatch};
use crate::scale::{Ticks, band};
use crate::text::estimate_width;

/// A line chart: the categories of `data` are periods in time order (labels formatted by
/// the caller), one line per series, time running right to left in RTL. Missing values
/// break the line. Period labels are thinned out when they would overlap.
///
/// ```
/// use jisr_charts::{lines, Categorical, Direction, Frame, Series};
/// let data = Categorical {
///     category_header: "الشهر".into(),
///     categories: vec!["يناير".into(), "فبراير".into(), "مارس".into()],
///     series: vec![Series::new("طلبات", vec![12.0, 30.0, 21.0])],
/// };
/// let frame = Frame::new("requests", "الطلبات حسب الشهر", "", Direction::Rtl);
/// let svg = lines(&frame, &data, &|v: f64| format!("{v}"));
/// assert!(svg.contains(r#"direction="rtl""#));
/// ```
pub fn lines(frame: &Frame, data: &Categorical, fmt: &dyn NumberFormat) -> String {
    let mut svg = Svg::open(frame, "img", "line-chart");
    let (w, h) = (frame.width, frame.height);
    let mut top = svg.top + 8.0;
    let names: Vec<String> = data.series.iter().map(|s| s.name.clone()).collect();
    top += plot::series_legend(&mut svg, &names, Swatch::Line, top, 8.0, w - 8.0);
    let series = points(data, frame.direction, fmt);
    let values = series
        .iter()
        .flat_map(|(_, p)| p.iter().flatten().map(|(v, _)| *v));
    let ticks = Ticks::for_values(values, ((h - top) / 50.0).clamp(2.0, 8.0) as usize);
    let labels = plot::tick_labels(&ticks, fmt);
    let axis_w = widest(labels.iter().map(|(_, l)| l.as_str()), FONT) + 10.0;
    let (left, right) = match frame.direction {
        Direction::Ltr => (8.0 + axis_w, w - 8.0),
        Direction::Rtl => (8.0, w - 8.0 - axis_w),
    };
    let area = Area {
        left,
        top: top + 6.0,
        right,
        bottom: h - 26.0,
    };
    plot::value_axis_vertical(&mut svg, &area, &ticks, fmt, true);
    period_labels(&mut svg, &area, &data.categories);
    plot::lines(&mut svg, &area, &series, &ticks);
    svg.finish()
}

/// The figures of [`lines`] as a table: period, then one column per series.
pub fn lines_table(frame: &Frame, data: &Categorical, fmt: &dyn NumberFormat) -> Table {
    data.table(&frame.title, usize::MAX, fmt)
}

/// The points of every series with their tooltips.
pub(crate) fn points(
    data: &Categorical,
    dir: Direction,
    fmt: &dyn NumberFormat,
) -> Vec<plot::LineSeries> {
    data.series
        .iter()
        .enumerate()
        .map(|(s, series)| {
            let pts = (0..data.categories.len())
                .map(|i| {
                    data.value(s, i).map(|v| {
                        let title = joined(
                            dir,
                            &[
                                &data.categories[i],
                                &label_value(dir, &series.name, &fmt.format(v)),
                            ],
                            list_sep(dir),
                        );
                        (v, title)
                    })
                })
                .collect();
            (s, pts)
        })
        .collect()
}

/// Period labels under the area, every `k`-th one so that they do not overlap.
pub(crate) fn period_labels(svg: &mut Svg, area: &Area, periods: &[String]) {
    let count = periods.len();
    if count == 0 {
        return;
    }
    let band_w = area.width() / count as f64;
    let widest = periods
        .iter()
        .map(|p| estimate_width(p, FONT))
        .fold(0.0, f64::max)
        + 8.0;
    let every = ((widest / band_w).ceil() as usize).max(1);
    svg.raw(r#"<g class="axis category-axis">"#);
    for (i, p) in periods.iter().enumerate() {
        let (x0, w) = band(i, count, area.left, area.right, svg.dir);
        let x = x0 + w / 2.0;
        svg.line(x, area.bottom, x, area.bottom + 4.0, "tick-mark", "");
        if i % every == 0 {
            svg.text(
                x,
                area.bottom + 17.0,
                crate::frame::Anchor::Middle,
                "category",
                p,
                "",
            );
        }
    }
    svg.raw("</g>");
}
