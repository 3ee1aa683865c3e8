//! Drawing pieces shared by the charts: axes, bars, lines, legends.

use crate::frame::{Anchor, Direction, FONT, NumberFormat, Svg, n};
use crate::palette::{series_colour, series_dash};
use crate::scale::{Ticks, band};
use crate::text::{escape, estimate_width, wrap};

/// A drawing area.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Area {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Area {
    pub fn width(&self) -> f64 {
        self.right - self.left
    }
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
}

/// A point of a line: value and tooltip, or missing.
pub(crate) type Point = Option<(f64, String)>;

/// A line: its series index and one point per category.
pub(crate) type LineSeries = (usize, Vec<Point>);

/// One stacked piece of a bar: series, from and to values, tooltip.
pub(crate) struct Segment {
    pub series: usize,
    pub from: f64,
    pub to: f64,
    pub title: String,
}

/// The bar of one category.
pub(crate) struct Bar {
    pub segments: Vec<Segment>,
    /// Text drawn at the end of the bar (single series only).
    pub value_label: Option<String>,
    /// The end value, where the label goes.
    pub end: f64,
}

/// The y of value `v` in a vertical scale.
pub(crate) fn y_of(v: f64, ticks: &Ticks, area: &Area) -> f64 {
    area.bottom - ticks.fraction(v) * area.height()
}

/// The x of value `v` in a horizontal scale (zero at the start side).
pub(crate) fn x_of(v: f64, ticks: &Ticks, area: &Area, dir: Direction) -> f64 {
    match dir {
        Direction::Ltr => area.left + ticks.fraction(v) * area.width(),
        Direction::Rtl => area.right - ticks.fraction(v) * area.width(),
    }
}

/// Formatted tick labels.
pub(crate) fn tick_labels(ticks: &Ticks, fmt: &dyn NumberFormat) -> Vec<(f64, String)> {
    ticks
        .values()
        .into_iter()
        .map(|v| (v, fmt.format(v)))
        .collect()
}

/// A vertical value axis: grid lines across `area`, labels on the start side (left in
/// LTR, right in RTL), and the zero baseline.
pub(crate) fn value_axis_vertical(
    svg: &mut Svg,
    area: &Area,
    ticks: &Ticks,
    fmt: &dyn NumberFormat,
    labels: bool,
) {
    svg.raw(r#"<g class="axis value-axis">"#);
    for (v, label) in tick_labels(ticks, fmt) {
        let y = y_of(v, ticks, area);
        svg.line(
            area.left,
            y,
            area.right,
            y,
            "grid",
            r#" stroke-opacity="0.15""#,
        );
        if labels {
            let (x, anchor) = match svg.dir {
                Direction::Ltr => (area.left - 6.0, Anchor::Right),
                Direction::Rtl => (area.right + 6.0, Anchor::Left),
            };
            svg.text(x, y + 4.0, anchor, "tick", &label, "");
        }
    }
    let y0 = y_of(0.0, ticks, area);
    svg.line(area.left, y0, area.right, y0, "baseline", "");
    svg.raw("</g>");
}

/// A horizontal value axis below `area`, zero at the start side.
pub(crate) fn value_axis_horizontal(
    svg: &mut Svg,
    area: &Area,
    ticks: &Ticks,
    fmt: &dyn NumberFormat,
) {
    svg.raw(r#"<g class="axis value-axis">"#);
    for (v, label) in tick_labels(ticks, fmt) {
        let x = x_of(v, ticks, area, svg.dir);
        svg.line(
            x,
            area.top,
            x,
            area.bottom,
            "grid",
            r#" stroke-opacity="0.15""#,
        );
        svg.text(x, area.bottom + 16.0, Anchor::Middle, "tick", &label, "");
    }
    let x0 = x_of(0.0, ticks, area, svg.dir);
    svg.line(x0, area.top, x0, area.bottom, "baseline", "");
    svg.raw("</g>");
}

/// Vertical bars (columns), one band per bar, first band at the start side.
pub(crate) fn columns(svg: &mut Svg, area: &Area, bars: &[Bar], ticks: &Ticks) {
    svg.raw(r#"<g class="bars">"#);
    let count = bars.len();
    for (i, bar) in bars.iter().enumerate() {
        let (x0, w) = band(i, count, area.left, area.right, svg.dir);
        let pad = (w * 0.2).min(24.0).max(w * 0.1);
        let (x, bw) = (x0 + pad, w - 2.0 * pad);
        for s in &bar.segments {
            let (a, b) = (y_of(s.from, ticks, area), y_of(s.to, ticks, area));
            let class = format!("bar series-{}", s.series);
            svg.rect(
                x,
                a.min(b),
                bw,
                (a - b).abs(),
                &class,
                series_colour(s.series),
                Some(&s.title),
            );
        }
        if let Some(label) = &bar.value_label {
            let y = y_of(bar.end, ticks, area);
            let y = if bar.end < 0.0 { y + 14.0 } else { y - 4.0 };
            svg.text(x + bw / 2.0, y, Anchor::Middle, "value", label, "");
        }
    }
    svg.raw("</g>");
}

/// Horizontal bars, first category at the top, growing from the start side.
pub(crate) fn rows(svg: &mut Svg, area: &Area, bars: &[Bar], ticks: &Ticks) {
    svg.raw(r#"<g class="bars">"#);
    let h = area.height() / bars.len().max(1) as f64;
    for (i, bar) in bars.iter().enumerate() {
        let pad = (h * 0.18).min(10.0);
        let (y, bh) = (area.top + i as f64 * h + pad, h - 2.0 * pad);
        for s in &bar.segments {
            let (a, b) = (
                x_of(s.from, ticks, area, svg.dir),
                x_of(s.to, ticks, area, svg.dir),
            );
            let class = format!("bar series-{}", s.series);
            svg.rect(
                a.min(b),
                y,
                (a - b).abs(),
                bh,
                &class,
                series_colour(s.series),
                Some(&s.title),
            );
        }
        if let Some(label) = &bar.value_label {
            let x = x_of(bar.end, ticks, area, svg.dir);
            // Past the end of the bar, on the side it grows to.
            let forward = (bar.end >= 0.0) == (svg.dir == Direction::Ltr);
            let (x, anchor) = if forward {
                (x + 4.0, Anchor::Left)
            } else {
                (x - 4.0, Anchor::Right)
            };
            svg.text(x, y + bh / 2.0 + 4.0, anchor, "value", label, "");
        }
    }
    svg.raw("</g>");
}

/// Category labels under the bands of `area`, wrapped to two lines (three when narrow).
pub(crate) fn band_labels(svg: &mut Svg, area: &Area, labels: &[String], font: f64) {
    svg.raw(r#"<g class="axis category-axis">"#);
    let count = labels.len();
    for (i, label) in labels.iter().enumerate() {
        let (x0, w) = band(i, count, area.left, area.right, svg.dir);
        let lines = wrap(label, (w - 4.0).max(font), font, max_lines(w));
        svg.text_lines(
            x0 + w / 2.0,
            area.bottom + font + 4.0,
            Anchor::Middle,
            "category",
            &lines,
            font + 2.0,
        );
    }
    svg.raw("</g>");
}

/// Narrow bands get a third line.
fn max_lines(band_width: f64) -> usize {
    if band_width < 80.0 { 3 } else { 2 }
}

/// The room band labels need below the area.
pub(crate) fn band_labels_height(labels: &[String], width: f64, font: f64) -> f64 {
    let w = width / labels.len().max(1) as f64;
    let lines = labels
        .iter()
        .map(|l| wrap(l, (w - 4.0).max(font), font, max_lines(w)).len())
        .max()
        .unwrap_or(1);
    lines as f64 * (font + 2.0) + 6.0
}

/// Lines through the centres of the bands, one path per series (broken where a value is
/// missing), with a marker per point.
pub(crate) fn lines(svg: &mut Svg, area: &Area, series: &[LineSeries], ticks: &Ticks) {
    svg.raw(r#"<g class="lines">"#);
    for (s, points) in series {
        let count = points.len();
        let mut d = String::new();
        let mut pen_down = false;
        let mut markers = String::new();
        for (i, p) in points.iter().enumerate() {
            let Some((v, title)) = p else {
                pen_down = false;
                continue;
            };
            let (x0, w) = band(i, count, area.left, area.right, svg.dir);
            let (x, y) = (x0 + w / 2.0, y_of(*v, ticks, area));
            d.push_str(&format!(
                "{}{} {} ",
                if pen_down { "L" } else { "M" },
                n(x),
                n(y)
            ));
            pen_down = true;
            markers.push_str(&format!(
                r#"<circle cx="{}" cy="{}" r="3.5" class="point series-{s}" fill="{}" stroke="white" stroke-width="1"><title>{}</title></circle>"#,
                n(x),
                n(y),
                series_colour(*s),
                escape(title)
            ));
        }
        let dash = series_dash(*s);
        let dash = if dash.is_empty() {
            String::new()
        } else {
            format!(r#" stroke-dasharray="{dash}""#)
        };
        svg.raw(&format!(
            r#"<path d="{}" class="line series-{s}" fill="none" stroke="{}" stroke-width="2.5" stroke-linejoin="round"{dash}/>"#,
            d.trim_end(),
            series_colour(*s)
        ));
        svg.raw(&markers);
    }
    svg.raw("</g>");
}

/// What a legend swatch looks like.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Swatch {
    Box,
    Line,
}

/// A legend of series names in one or more rows from the start side; returns its height.
pub(crate) fn series_legend(
    svg: &mut Svg,
    names: &[String],
    swatch: Swatch,
    top: f64,
    left: f64,
    right: f64,
) -> f64 {
    svg.raw(r#"<g class="legend">"#);
    let row_h = FONT + 8.0;
    let sw = if swatch == Swatch::Line { 24.0 } else { 12.0 };
    let mut row = 0.0;
    let mut used = 0.0;
    for (i, name) in names.iter().enumerate() {
        let w = sw + 6.0 + estimate_width(name, FONT) + 16.0;
        if used > 0.0 && used + w > right - left {
            row += 1.0;
            used = 0.0;
        }
        let y = top + row * row_h;
        let (sx, tx, anchor) = match svg.dir {
            Direction::Ltr => (left + used, left + used + sw + 6.0, Anchor::Left),
            Direction::Rtl => (right - used - sw, right - used - sw - 6.0, Anchor::Right),
        };
        match swatch {
            Swatch::Box => svg.rect(
                sx,
                y,
                sw,
                12.0,
                &format!("swatch series-{i}"),
                series_colour(i),
                None,
            ),
            Swatch::Line => {
                let dash = series_dash(i);
                let dash = if dash.is_empty() {
                    String::new()
                } else {
                    format!(r#" stroke-dasharray="{dash}""#)
                };
                svg.raw(&format!(
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" class="swatch series-{i}" stroke="{}" stroke-width="2.5"{dash}/>"#,
                    n(sx),
                    n(y + 6.0),
                    n(sx + sw),
                    n(y + 6.0),
                    series_colour(i)
                ));
            }
        }
        svg.text(tx, y + 10.0, anchor, "legend-label", name, "");
        used += w;
    }
    svg.raw("</g>");
    (row + 1.0) * row_h + 10.0
}
