//! Choropleth maps of regions or provinces.

use std::collections::BTreeMap;

use crate::classify::{Classification, class_of};
use crate::data::Table;
use crate::frame::{Anchor, Direction, FONT, Frame, NumberFormat, Svg, joined, label_value, n};
use crate::geo::{Area, Projection};
use crate::palette::{MAX_CLASSES, sequential};
use crate::text::{escape, estimate_width};

/// The name shown for an area.
pub type AreaName<'a> = &'a dyn Fn(&Area) -> String;

/// The link of an area, if it has one.
pub type AreaLink<'a> = &'a dyn Fn(&Area) -> Option<String>;

/// What to draw on a map.
pub struct Choropleth<'a> {
    /// The areas, e.g. [`crate::boundaries`]`(Level::Region)`.
    pub areas: &'a [Area],
    /// Values by area code; an area without a (finite) value is drawn as "no data".
    pub values: &'a BTreeMap<String, f64>,
    /// How values are cut into classes (at most 7).
    pub classification: Classification,
    /// The name shown for an area (e.g. `|a| a.name_ar.clone()`).
    pub name: AreaName<'a>,
    /// An optional link per area (e.g. to its page); linked areas are focusable.
    pub link: Option<AreaLink<'a>>,
    /// Title of the legend (what the values are).
    pub legend_title: String,
    /// Label of areas without a value, e.g. "Pas de données".
    pub no_data: String,
    /// Header of the area column in the table.
    pub area_header: String,
    /// Header of the value column in the table.
    pub value_header: String,
}

impl Choropleth<'_> {
    fn value(&self, area: &Area) -> Option<f64> {
        self.values
            .get(&area.code)
            .copied()
            .filter(|v| v.is_finite())
    }

    /// The class bounds used for the areas' values.
    pub fn breaks(&self) -> Vec<f64> {
        let values: Vec<f64> = self.areas.iter().filter_map(|a| self.value(a)).collect();
        let k = match self.classification {
            Classification::Quantiles(k) => Classification::Quantiles(k.clamp(1, MAX_CLASSES)),
            Classification::Jenks(k) => Classification::Jenks(k.clamp(1, MAX_CLASSES)),
            Classification::EqualIntervals(k) => {
                Classification::EqualIntervals(k.clamp(1, MAX_CLASSES))
            }
        };
        k.breaks(&values)
    }
}

/// A choropleth: one `<path>` per area (`data-code` is its code) with a tooltip (name and
/// formatted value), coloured by class light to dark, areas without a value hatched, and
/// a legend in the bottom-right corner (empty land and sea on a map of Morocco).
///
/// When areas have links, the root's role is `group` rather than `img` (an image's
/// content is hidden from assistive technology, which would hide the links too) and each
/// link is named by its area and value.
///
/// ```
/// use std::collections::BTreeMap;
/// use jisr_charts::{boundaries, choropleth, Choropleth, Classification, Direction, Frame, Level};
/// let values = BTreeMap::from([("01".to_string(), 120.0), ("02".to_string(), 80.0)]);
/// let map = Choropleth {
///     areas: boundaries(Level::Region),
///     values: &values,
///     classification: Classification::Jenks(4),
///     name: &|a| a.name_fr.clone(),
///     link: Some(&|a| Some(format!("/fr/regions/{}", a.code))),
///     legend_title: "Établissements".into(),
///     no_data: "Pas de données".into(),
///     area_header: "Région".into(),
///     value_header: "Établissements".into(),
/// };
/// let frame = Frame::new("map", "Établissements par région", "", Direction::Ltr).size(600.0, 640.0);
/// let svg = choropleth(&frame, &map, &|v: f64| format!("{v}"));
/// assert_eq!(svg.matches("<path").count(), 12);
/// ```
pub fn choropleth(frame: &Frame, map: &Choropleth<'_>, fmt: &dyn NumberFormat) -> String {
    let linked = map.link.is_some();
    let mut svg = Svg::open(frame, if linked { "group" } else { "img" }, "choropleth");
    let id = svg.id.clone();
    let (w, h) = (frame.width, frame.height);
    let breaks = map.breaks();
    let classes = breaks.len().saturating_sub(1);
    let colours = sequential(classes.max(1));
    svg.raw(&format!(
        r##"<defs><pattern id="{id}-nodata" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#eeeeee"/><line x1="0" y1="0" x2="0" y2="6" stroke="#888888" stroke-width="2"/></pattern></defs>"##
    ));
    let top = svg.top + 8.0;
    let projection = Projection::fit(map.areas, 8.0, top, w - 16.0, h - top - 8.0);
    svg.raw(r#"<g class="areas">"#);
    let mut missing = false;
    for area in map.areas {
        let name = (map.name)(area);
        let value = map.value(area);
        let (fill, class, text) = match value.and_then(|v| class_of(v, &breaks)) {
            Some(c) => (
                colours[c.min(colours.len() - 1)].to_string(),
                format!("area class-{c}"),
                fmt.format(value.unwrap_or_default()),
            ),
            None => {
                missing = true;
                (
                    format!("url(#{id}-nodata)"),
                    "area no-data".to_string(),
                    map.no_data.clone(),
                )
            }
        };
        let title = label_value(frame.direction, &name, &text);
        let path = format!(
            r#"<path d="{}" class="{class}" data-code="{}" fill="{fill}" fill-rule="evenodd" stroke="white" stroke-width="0.7" stroke-linejoin="round"><title>{}</title></path>"#,
            path_data(area, &projection),
            escape(&area.code),
            escape(&title)
        );
        match map.link.and_then(|l| l(area)) {
            Some(href) => svg.raw(&format!(
                r#"<a href="{}" class="area-link" aria-label="{}">{path}</a>"#,
                escape(&href),
                escape(&title)
            )),
            None => svg.raw(&path),
        }
    }
    svg.raw("</g>");
    legend(&mut svg, frame, map, &breaks, colours, missing, fmt);
    svg.finish()
}

/// The figures of [`choropleth`] as a table: area and value (or the "no data" label), in
/// the order of the areas.
pub fn choropleth_table(frame: &Frame, map: &Choropleth<'_>, fmt: &dyn NumberFormat) -> Table {
    Table {
        caption: frame.title.clone(),
        label_columns: 1,
        headers: vec![map.area_header.clone(), map.value_header.clone()],
        rows: map
            .areas
            .iter()
            .map(|a| {
                let v = map
                    .value(a)
                    .map(|v| fmt.format(v))
                    .unwrap_or_else(|| map.no_data.clone());
                vec![(map.name)(a), v]
            })
            .collect(),
    }
}

/// The outline of an area as path data, one closed subpath per ring.
fn path_data(area: &Area, projection: &Projection) -> String {
    let mut d = String::new();
    for ring in area.polygons.iter().flatten() {
        for (i, p) in ring.iter().enumerate() {
            let (x, y) = projection.project(*p);
            d.push_str(if i == 0 { "M" } else { "L" });
            d.push_str(&format!("{} {}", n1(x), n1(y)));
        }
        d.push('Z');
    }
    d
}

/// One decimal is plenty for outlines at screen sizes.
fn n1(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    format!("{r}")
}

fn legend(
    svg: &mut Svg,
    frame: &Frame,
    map: &Choropleth<'_>,
    breaks: &[f64],
    colours: &[&str],
    missing: bool,
    fmt: &dyn NumberFormat,
) {
    let id = svg.id.clone();
    let mut entries: Vec<(String, String)> = breaks
        .windows(2)
        .enumerate()
        .map(|(i, b)| {
            let label = if b[0] == b[1] {
                fmt.format(b[0])
            } else {
                joined(
                    frame.direction,
                    &[&fmt.format(b[0]), &fmt.format(b[1])],
                    " – ",
                )
            };
            (colours[i.min(colours.len() - 1)].to_string(), label)
        })
        .collect();
    if missing {
        entries.push((format!("url(#{id}-nodata)"), map.no_data.clone()));
    }
    let row_h = FONT + 8.0;
    let widest = entries
        .iter()
        .map(|(_, l)| 20.0 + estimate_width(l, FONT))
        .chain(std::iter::once(estimate_width(&map.legend_title, FONT)))
        .fold(0.0, f64::max);
    let (w, h) = (frame.width, frame.height);
    let height = row_h * (entries.len() as f64 + 1.0);
    let (right, bottom) = (w - 12.0, h - 12.0);
    let left = right - widest;
    let top = bottom - height;
    svg.raw(r#"<g class="legend">"#);
    let (x_text, anchor) = match frame.direction {
        Direction::Ltr => (left, Anchor::Left),
        Direction::Rtl => (right, Anchor::Right),
    };
    svg.text(
        x_text,
        top + FONT,
        anchor,
        "legend-title",
        &map.legend_title,
        r#" font-weight="bold""#,
    );
    for (i, (fill, label)) in entries.iter().enumerate() {
        let y = top + row_h * (i as f64 + 1.0);
        let (sx, tx) = match frame.direction {
            Direction::Ltr => (left, left + 20.0),
            Direction::Rtl => (right - 14.0, right - 20.0),
        };
        let class = if fill.starts_with("url(") {
            "swatch no-data".to_string()
        } else {
            format!("swatch class-{i}")
        };
        svg.raw(&format!(
            r#"<rect x="{}" y="{}" width="14" height="14" class="{class}" fill="{fill}" stroke="currentColor" stroke-opacity="0.3"/>"#,
            n(sx),
            n(y)
        ));
        // Range labels are already isolated piecewise; the whole is isolated again.
        svg.text(tx, y + 11.0, anchor, "legend-label", label, "");
    }
    svg.raw("</g>");
}
