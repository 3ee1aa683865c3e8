//! Small multiples: a grid of small charts sharing one value scale.

use crate::data::{Categorical, Table};
use crate::frame::{
    Anchor, Direction, FONT, Frame, NumberFormat, Svg, joined, label_value, list_sep, widest,
};
use crate::plot::{self, Area, Bar, Segment};
use crate::scale::Ticks;
use crate::text::truncate;

/// The kind of the small charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PanelKind {
    /// Columns, one per category (first series of each panel).
    #[default]
    Bars,
    /// Lines over the categories (every series of each panel).
    Lines,
}

/// Panels of the same shape (same categories, same series), e.g. one per region.
#[derive(Debug, Clone, PartialEq)]
pub struct SmallMultiples {
    /// Header of the panel column in the table (e.g. "Région").
    pub panel_header: String,
    /// The panels: a title and its data.
    pub panels: Vec<(String, Categorical)>,
    /// Bars or lines.
    pub kind: PanelKind,
    /// Number of panels per row of the grid (at least 1).
    pub columns: usize,
}

/// A grid of small charts in reading order (from the right in RTL), all on one value
/// scale so that they compare at a glance; value labels on the start column only, and a
/// legend above the grid for lines of several series.
pub fn small_multiples(frame: &Frame, data: &SmallMultiples, fmt: &dyn NumberFormat) -> String {
    let mut svg = Svg::open(frame, "img", "small-multiples");
    let (w, h) = (frame.width, frame.height);
    let columns = data.columns.max(1);
    let rows = data.panels.len().div_ceil(columns).max(1);
    let all = data.panels.iter().flat_map(|(_, d)| {
        let series = match data.kind {
            PanelKind::Bars => 1,
            PanelKind::Lines => d.series.len(),
        };
        (0..series).flat_map(move |s| (0..d.categories.len()).filter_map(move |i| d.value(s, i)))
    });
    let mut top0 = svg.top + 4.0;
    // Lines of several series: one legend for every panel, from the first panel's names.
    let first = data.panels.first().map(|(_, d)| d);
    if let Some(first) = first.filter(|d| data.kind == PanelKind::Lines && d.series.len() > 1) {
        let names: Vec<String> = first.series.iter().map(|s| s.name.clone()).collect();
        top0 += plot::series_legend(
            &mut svg,
            &names,
            plot::Swatch::Line,
            top0 + 4.0,
            8.0,
            w - 8.0,
        );
    }
    let cell_h = (h - top0) / rows as f64;
    let ticks = Ticks::for_values(all, (cell_h / 40.0).clamp(2.0, 4.0) as usize);
    let labels = plot::tick_labels(&ticks, fmt);
    let axis_w = widest(labels.iter().map(|(_, l)| l.as_str()), FONT) + 10.0;
    let cell_w = (w - 8.0 - axis_w) / columns as f64;
    for (p, (title, panel)) in data.panels.iter().enumerate() {
        let (row, col) = (p / columns, p % columns);
        let start_col = col == 0;
        let (x0, x1) = match frame.direction {
            Direction::Ltr => {
                let x0 = axis_w + col as f64 * cell_w;
                (x0, x0 + cell_w - 12.0)
            }
            Direction::Rtl => {
                let x1 = w - axis_w - col as f64 * cell_w;
                (x1 - cell_w + 12.0, x1)
            }
        };
        let y0 = top0 + row as f64 * cell_h;
        svg.raw(&format!(r#"<g class="panel" data-index="{p}">"#));
        let (tx, anchor) = match frame.direction {
            Direction::Ltr => (x0, Anchor::Left),
            Direction::Rtl => (x1, Anchor::Right),
        };
        svg.text(
            tx,
            y0 + 14.0,
            anchor,
            "panel-title",
            &truncate(title, x1 - x0, FONT),
            r#" font-weight="bold""#,
        );
        let label_h = match data.kind {
            PanelKind::Bars => plot::band_labels_height(&panel.categories, x1 - x0, FONT - 2.0),
            PanelKind::Lines => 20.0,
        };
        let area = Area {
            left: x0,
            top: y0 + 24.0,
            right: x1,
            bottom: y0 + cell_h - label_h - 4.0,
        };
        plot::value_axis_vertical(&mut svg, &area, &ticks, fmt, start_col);
        match data.kind {
            PanelKind::Bars => {
                let bars: Vec<Bar> = (0..panel.categories.len())
                    .map(|i| {
                        let v = panel.value(0, i);
                        Bar {
                            segments: v
                                .map(|v| Segment {
                                    series: 0,
                                    from: 0.0,
                                    to: v,
                                    title: joined(
                                        frame.direction,
                                        &[
                                            title,
                                            &label_value(
                                                frame.direction,
                                                &panel.categories[i],
                                                &fmt.format(v),
                                            ),
                                        ],
                                        list_sep(frame.direction),
                                    ),
                                })
                                .into_iter()
                                .collect(),
                            value_label: None,
                            end: v.unwrap_or(0.0),
                        }
                    })
                    .collect();
                plot::columns(&mut svg, &area, &bars, &ticks);
                plot::band_labels(&mut svg, &area, &panel.categories, FONT - 2.0);
            }
            PanelKind::Lines => {
                let series = crate::lines::points(panel, frame.direction, fmt);
                crate::lines::period_labels(&mut svg, &area, &panel.categories);
                plot::lines(&mut svg, &area, &series, &ticks);
            }
        }
        svg.raw("</g>");
    }
    svg.finish()
}

/// The figures of [`small_multiples`] as one long table: panel, category, then the
/// values (one column per series of the first panel).
pub fn small_multiples_table(
    frame: &Frame,
    data: &SmallMultiples,
    fmt: &dyn NumberFormat,
) -> Table {
    let series = match data.kind {
        PanelKind::Bars => 1,
        PanelKind::Lines => usize::MAX,
    };
    let mut table = Table {
        caption: frame.title.clone(),
        label_columns: 2,
        ..Table::default()
    };
    for (title, panel) in &data.panels {
        let t = panel.table(&frame.title, series, fmt);
        if table.headers.is_empty() {
            table.headers = std::iter::once(data.panel_header.clone())
                .chain(t.headers)
                .collect();
        }
        table.rows.extend(
            t.rows
                .into_iter()
                .map(|r| std::iter::once(title.clone()).chain(r).collect()),
        );
    }
    table
}
