//! Bar charts: one series (vertical or horizontal) and stacked series.

use crate::data::{Categorical, Table};
use crate::frame::{
    Direction, FONT, Frame, NumberFormat, Svg, joined, label_value, list_sep, widest,
};
use crate::plot::{self, Area, Bar, Segment, Swatch};
use crate::scale::Ticks;
use crate::text::truncate;

/// Which way bars run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientation {
    /// Columns: categories along the horizontal axis (right to left in RTL), values up.
    #[default]
    Vertical,
    /// Bars: categories from top to bottom, values growing from the start side.
    Horizontal,
}

/// A bar chart of the first series of `data`, one bar per category, values written at
/// the end of the bars.
///
/// ```
/// use jisr_charts::{bars, bars_table, Categorical, Direction, Frame, Orientation};
/// let data = Categorical::single("Région", "Bénéficiaires", vec![
///     ("Oriental".into(), 1200.0), ("Souss-Massa".into(), 860.0)]);
/// let frame = Frame::new("beneficiaries", "Bénéficiaires par région", "Source : registre, 2026", Direction::Ltr);
/// let fmt = |v: f64| format!("{v}");
/// let svg = bars(&frame, &data, Orientation::Vertical, &fmt);
/// assert!(svg.starts_with("<svg"));
/// assert_eq!(bars_table(&frame, &data, &fmt).rows[1], vec!["Souss-Massa", "860"]);
/// ```
pub fn bars(
    frame: &Frame,
    data: &Categorical,
    orientation: Orientation,
    fmt: &dyn NumberFormat,
) -> String {
    let bars: Vec<Bar> = (0..data.categories.len())
        .map(|i| match data.value(0, i) {
            Some(v) => {
                let text = fmt.format(v);
                Bar {
                    segments: vec![Segment {
                        series: 0,
                        from: 0.0,
                        to: v,
                        title: label_value(frame.direction, &data.categories[i], &text),
                    }],
                    value_label: Some(text),
                    end: v,
                }
            }
            None => Bar {
                segments: vec![],
                value_label: None,
                end: 0.0,
            },
        })
        .collect();
    draw(frame, data, bars, 1, orientation, fmt, "bar-chart")
}

/// The figures of [`bars`] as a table: category and value.
pub fn bars_table(frame: &Frame, data: &Categorical, fmt: &dyn NumberFormat) -> Table {
    data.table(&frame.title, 1, fmt)
}

/// Stacked bars: every series stacked per category, with a legend. Negative values count
/// as zero.
pub fn stacked_bars(
    frame: &Frame,
    data: &Categorical,
    orientation: Orientation,
    fmt: &dyn NumberFormat,
) -> String {
    let bars: Vec<Bar> = (0..data.categories.len())
        .map(|i| {
            let mut at = 0.0;
            let mut segments = Vec::new();
            for (s, series) in data.series.iter().enumerate() {
                let Some(v) = data.value(s, i) else { continue };
                let v = v.max(0.0);
                segments.push(Segment {
                    series: s,
                    from: at,
                    to: at + v,
                    title: joined(
                        frame.direction,
                        &[
                            &data.categories[i],
                            &label_value(frame.direction, &series.name, &fmt.format(v)),
                        ],
                        list_sep(frame.direction),
                    ),
                });
                at += v;
            }
            Bar {
                segments,
                value_label: None,
                end: at,
            }
        })
        .collect();
    draw(
        frame,
        data,
        bars,
        data.series.len(),
        orientation,
        fmt,
        "stacked-bar-chart",
    )
}

/// The figures of [`stacked_bars`] as a table: category, then one column per series.
pub fn stacked_bars_table(frame: &Frame, data: &Categorical, fmt: &dyn NumberFormat) -> Table {
    data.table(&frame.title, usize::MAX, fmt)
}

fn draw(
    frame: &Frame,
    data: &Categorical,
    bars: Vec<Bar>,
    series: usize,
    orientation: Orientation,
    fmt: &dyn NumberFormat,
    class: &str,
) -> String {
    let mut svg = Svg::open(frame, "img", class);
    let (w, h) = (frame.width, frame.height);
    let mut top = svg.top + 8.0;
    if series > 1 {
        let names: Vec<String> = data.series.iter().map(|s| s.name.clone()).collect();
        top += plot::series_legend(&mut svg, &names, Swatch::Box, top, 8.0, w - 8.0);
    }
    let ends: Vec<f64> = bars
        .iter()
        .flat_map(|b| b.segments.iter().map(|s| s.to))
        .collect();
    let value_labels: Vec<&str> = bars
        .iter()
        .filter_map(|b| b.value_label.as_deref())
        .collect();
    match orientation {
        Orientation::Vertical => {
            let ticks = Ticks::for_values(
                ends.iter().copied(),
                ((h - top) / 50.0).clamp(2.0, 8.0) as usize,
            );
            let labels = plot::tick_labels(&ticks, fmt);
            let axis_w = widest(labels.iter().map(|(_, l)| l.as_str()), FONT) + 10.0;
            if !value_labels.is_empty() {
                top += 16.0;
            }
            let (left, right) = match frame.direction {
                Direction::Ltr => (8.0 + axis_w, w - 8.0),
                Direction::Rtl => (8.0, w - 8.0 - axis_w),
            };
            let bottom = h - 4.0 - plot::band_labels_height(&data.categories, right - left, FONT);
            let area = Area {
                left,
                top,
                right,
                bottom: bottom.max(top + 10.0),
            };
            plot::value_axis_vertical(&mut svg, &area, &ticks, fmt, true);
            plot::columns(&mut svg, &area, &bars, &ticks);
            plot::band_labels(&mut svg, &area, &data.categories, FONT);
        }
        Orientation::Horizontal => {
            let label_w =
                (widest(data.categories.iter().map(String::as_str), FONT) + 8.0).min(w * 0.35);
            let ticks = Ticks::for_values(
                ends.iter().copied(),
                ((w - label_w) / 90.0).clamp(2.0, 8.0) as usize,
            );
            // The last tick label is centred on the end of the axis: leave it room.
            let tick_labels = plot::tick_labels(&ticks, fmt);
            let tick_w = widest(tick_labels.iter().map(|(_, l)| l.as_str()), FONT);
            let value_w =
                (widest(value_labels.iter().copied(), FONT) + 8.0).max(tick_w / 2.0 + 4.0);
            let bottom = h - 24.0;
            let (left, right) = match frame.direction {
                Direction::Ltr => (8.0 + label_w + 4.0, w - 8.0 - value_w),
                Direction::Rtl => (8.0 + value_w, w - 8.0 - label_w - 4.0),
            };
            let area = Area {
                left,
                top,
                right,
                bottom,
            };
            plot::value_axis_horizontal(&mut svg, &area, &ticks, fmt);
            plot::rows(&mut svg, &area, &bars, &ticks);
            svg.raw(r#"<g class="axis category-axis">"#);
            let row_h = area.height() / data.categories.len().max(1) as f64;
            for (i, c) in data.categories.iter().enumerate() {
                let y = top + (i as f64 + 0.5) * row_h + 4.0;
                let text = truncate(c, label_w - 8.0, FONT);
                match frame.direction {
                    Direction::Ltr => svg.text(
                        left - 6.0,
                        y,
                        crate::frame::Anchor::Right,
                        "category",
                        &text,
                        "",
                    ),
                    Direction::Rtl => svg.text(
                        right + 6.0,
                        y,
                        crate::frame::Anchor::Left,
                        "category",
                        &text,
                        "",
                    ),
                }
            }
            svg.raw("</g>");
        }
    }
    svg.finish()
}
