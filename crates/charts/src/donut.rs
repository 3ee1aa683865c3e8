//! Donut charts: the parts of a whole.

use std::f64::consts::PI;

use crate::data::{Categorical, Table};
use crate::frame::{Anchor, Direction, FONT, Frame, NumberFormat, Svg, label_value, n};
use crate::palette::series_colour;
use crate::text::{escape, truncate};

/// A donut of the first series of `data`: one slice per category, from the top, clockwise
/// in LTR and anticlockwise in RTL, the total in the middle and a legend on the end side.
/// Negative and missing values draw no slice.
///
/// ```
/// use jisr_charts::{donut, Categorical, Direction, Frame};
/// let data = Categorical::single("Sexe", "Bénéficiaires",
///     vec![("Femmes".into(), 540.0), ("Hommes".into(), 460.0)]);
/// let svg = donut(&Frame::new("sex", "Par sexe", "", Direction::Ltr), &data, &|v: f64| format!("{v}"));
/// assert_eq!(svg.matches("class=\"slice series").count(), 2);
/// ```
pub fn donut(frame: &Frame, data: &Categorical, fmt: &dyn NumberFormat) -> String {
    let mut svg = Svg::open(frame, "img", "donut-chart");
    let (w, h) = (frame.width, frame.height);
    let top = svg.top + 8.0;
    let size = (h - top - 8.0).min(w * 0.5);
    let radius = size / 2.0;
    let inner = radius * 0.58;
    let (cx, legend_left, legend_right) = match frame.direction {
        Direction::Ltr => (8.0 + radius, 8.0 + size + 24.0, w - 8.0),
        Direction::Rtl => (w - 8.0 - radius, 8.0, w - 8.0 - size - 24.0),
    };
    let cy = top + radius;
    let values: Vec<f64> = (0..data.categories.len())
        .map(|i| data.value(0, i).unwrap_or(0.0).max(0.0))
        .collect();
    let total: f64 = values.iter().sum();
    let clockwise = frame.direction == Direction::Ltr;
    svg.raw(r#"<g class="slices">"#);
    let mut at = 0.0;
    for (i, v) in values.iter().enumerate() {
        if *v <= 0.0 || total <= 0.0 {
            continue;
        }
        let fraction = v / total;
        let d = slice_path(cx, cy, radius, inner, at, at + fraction, clockwise);
        let title = label_value(frame.direction, &data.categories[i], &fmt.format(*v));
        svg.raw(&format!(
            r#"<path d="{d}" class="slice series-{i}" fill="{}" stroke="white" stroke-width="1.5"><title>{}</title></path>"#,
            series_colour(i),
            escape(&title)
        ));
        at += fraction;
    }
    svg.raw("</g>");
    svg.text(
        cx,
        cy + 6.0,
        Anchor::Middle,
        "total",
        &fmt.format(total),
        r#" font-size="18" font-weight="bold""#,
    );
    // Legend.
    svg.raw(r#"<g class="legend">"#);
    let row_h = FONT + 10.0;
    let rows = values.len().max(1) as f64;
    let mut y = (cy - rows * row_h / 2.0).max(top);
    let text_w = legend_right - legend_left - 20.0;
    for (i, c) in data.categories.iter().enumerate() {
        let label = match data.value(0, i) {
            Some(v) => {
                let value = fmt.format(v);
                let room = text_w - crate::text::estimate_width(&value, FONT) - 10.0;
                label_value(frame.direction, &truncate(c, room, FONT), &value)
            }
            None => truncate(c, text_w, FONT),
        };
        let (sx, tx, anchor) = match frame.direction {
            Direction::Ltr => (legend_left, legend_left + 20.0, Anchor::Left),
            Direction::Rtl => (legend_right - 12.0, legend_right - 20.0, Anchor::Right),
        };
        svg.rect(
            sx,
            y,
            12.0,
            12.0,
            &format!("swatch series-{i}"),
            series_colour(i),
            None,
        );
        svg.text(tx, y + 10.0, anchor, "legend-label", &label, "");
        y += row_h;
    }
    svg.raw("</g>");
    svg.finish()
}

/// The figures of [`donut`] as a table: category and value.
pub fn donut_table(frame: &Frame, data: &Categorical, fmt: &dyn NumberFormat) -> Table {
    data.table(&frame.title, 1, fmt)
}

/// The ring piece between fractions `from` and `to` of a turn, starting at the top.
fn slice_path(cx: f64, cy: f64, r: f64, ri: f64, from: f64, to: f64, clockwise: bool) -> String {
    if to - from >= 0.9999 {
        // A whole ring: two half arcs each way, the inner one cut out (even-odd).
        return format!(
            "M {} {} A {r} {r} 0 1 1 {} {} A {r} {r} 0 1 1 {} {} Z M {} {} A {ri} {ri} 0 1 0 {} {} A {ri} {ri} 0 1 0 {} {} Z",
            n(cx),
            n(cy - r),
            n(cx),
            n(cy + r),
            n(cx),
            n(cy - r),
            n(cx),
            n(cy - ri),
            n(cx),
            n(cy + ri),
            n(cx),
            n(cy - ri),
            r = n(r),
            ri = n(ri)
        );
    }
    let sign = if clockwise { 1.0 } else { -1.0 };
    let point = |radius: f64, f: f64| {
        let a = -PI / 2.0 + sign * f * 2.0 * PI;
        (cx + radius * a.cos(), cy + radius * a.sin())
    };
    let large = if to - from > 0.5 { 1 } else { 0 };
    let (sweep, back) = if clockwise { (1, 0) } else { (0, 1) };
    let (a, b) = (point(r, from), point(r, to));
    let (c, d) = (point(ri, to), point(ri, from));
    format!(
        "M {} {} A {R} {R} 0 {large} {sweep} {} {} L {} {} A {Ri} {Ri} 0 {large} {back} {} {} Z",
        n(a.0),
        n(a.1),
        n(b.0),
        n(b.1),
        n(c.0),
        n(c.1),
        n(d.0),
        n(d.1),
        R = n(r),
        Ri = n(ri)
    )
}
