//! What every chart shares: direction, size, accessible name, number formatting.

use crate::text::{escape, estimate_width, isolate};

/// Reading direction of the page the chart is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    /// Left to right (French).
    #[default]
    Ltr,
    /// Right to left (Arabic): category axes run right to left, the value axis is on the
    /// right, legends start at the right.
    Rtl,
}

impl Direction {
    /// `"ltr"` or `"rtl"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Formats numbers for display; the web layer supplies one per locale (digits, grouping,
/// decimal sign). Any `Fn(f64) -> String` is one.
pub trait NumberFormat {
    /// The text of `value`.
    fn format(&self, value: f64) -> String;
}

impl<F: Fn(f64) -> String> NumberFormat for F {
    fn format(&self, value: f64) -> String {
        self(value)
    }
}

/// The frame of a chart: its id (for `aria-labelledby`), accessible name and description,
/// direction and size.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// Prefix of the ids inside the SVG; unique on the page (only `A-Za-z0-9_-` are kept).
    pub id: String,
    /// Accessible name (`<title>`), also drawn as a heading when `heading` is set.
    pub title: String,
    /// Longer description (`<desc>`), e.g. the source and period of the figures.
    pub description: String,
    /// Reading direction.
    pub direction: Direction,
    /// Width in user units (also the `viewBox` width).
    pub width: f64,
    /// Height in user units (also the `viewBox` height).
    pub height: f64,
    /// Language tag of the texts (`xml:lang`), e.g. `"ar"` or `"fr"`.
    pub lang: Option<String>,
    /// Whether to draw the title at the top of the chart (pages usually give their own
    /// heading, so the default is no).
    pub heading: bool,
}

impl Frame {
    /// A 640 × 360 frame without a drawn heading.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        description: impl Into<String>,
        direction: Direction,
    ) -> Frame {
        Frame {
            id: id.into(),
            title: title.into(),
            description: description.into(),
            direction,
            width: 640.0,
            height: 360.0,
            lang: None,
            heading: false,
        }
    }

    /// The same frame with another size.
    pub fn size(mut self, width: f64, height: f64) -> Frame {
        self.width = width.max(80.0);
        self.height = height.max(60.0);
        self
    }

    /// The same frame with a language tag.
    pub fn lang(mut self, lang: impl Into<String>) -> Frame {
        self.lang = Some(lang.into());
        self
    }

    /// The same frame, drawing its title as a heading.
    pub fn with_heading(mut self) -> Frame {
        self.heading = true;
        self
    }

    /// The id prefix with unsafe characters removed.
    pub(crate) fn safe_id(&self) -> String {
        let mut id: String = self
            .id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if !id.starts_with(|c: char| c.is_ascii_alphabetic()) {
            id.insert(0, 'c');
        }
        id
    }
}

/// Where text is anchored, physically (the `text-anchor` written depends on direction).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Left,
    Middle,
    Right,
}

/// Writes numbers for coordinates: two decimals at most, no `-0`.
pub(crate) fn n(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    let r = if r == 0.0 { 0.0 } else { r };
    let s = format!("{r:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// An SVG document being written.
pub(crate) struct Svg {
    out: String,
    pub dir: Direction,
    pub id: String,
    /// Top of the drawing area below the heading, if any.
    pub top: f64,
}

pub(crate) const FONT: f64 = 12.0;

impl Svg {
    /// Opens the root element with its title and description. `role` is `img` for
    /// charts, `group` for a map whose areas are links.
    pub fn open(frame: &Frame, role: &str, class: &str) -> Svg {
        let id = frame.safe_id();
        let mut out = String::with_capacity(8 * 1024);
        out.push_str(&format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="jisr-chart {class}" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="{role}" aria-labelledby="{id}-title" aria-describedby="{id}-desc" direction="{dir}" font-family="system-ui, sans-serif" font-size="{FONT}""#,
            w = n(frame.width),
            h = n(frame.height),
            dir = frame.direction.as_str(),
        ));
        if let Some(lang) = &frame.lang {
            out.push_str(&format!(r#" xml:lang="{}""#, escape(lang)));
        }
        out.push('>');
        out.push_str(&format!(
            r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
            escape(&frame.title),
            escape(&frame.description)
        ));
        let mut svg = Svg {
            out,
            dir: frame.direction,
            id,
            top: 0.0,
        };
        if frame.heading {
            let (x, anchor) = match frame.direction {
                Direction::Ltr => (8.0, Anchor::Left),
                Direction::Rtl => (frame.width - 8.0, Anchor::Right),
            };
            svg.text(
                x,
                20.0,
                anchor,
                "chart-heading",
                &frame.title,
                r#" font-size="15" font-weight="bold""#,
            );
            svg.top = 30.0;
        }
        svg
    }

    /// Appends raw markup (already escaped).
    pub fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// The `text-anchor` value for a physical anchor: with `direction="rtl"` on the root,
    /// `start` is the right end of the text.
    pub fn anchor(&self, anchor: Anchor) -> &'static str {
        match (anchor, self.dir) {
            (Anchor::Middle, _) => "middle",
            (Anchor::Left, Direction::Ltr) | (Anchor::Right, Direction::Rtl) => "start",
            (Anchor::Right, Direction::Ltr) | (Anchor::Left, Direction::Rtl) => "end",
        }
    }

    /// A one-line text, escaped and isolated; `extra` holds further attributes.
    pub fn text(
        &mut self,
        x: f64,
        y: f64,
        anchor: Anchor,
        class: &str,
        content: &str,
        extra: &str,
    ) {
        let a = self.anchor(anchor);
        self.out.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="{a}" class="{class}" fill="currentColor"{extra}>{}</text>"#,
            n(x),
            n(y),
            escape(&isolate(content))
        ));
    }

    /// A text of several lines (one `<tspan>` each), escaped and isolated line by line.
    pub fn text_lines(
        &mut self,
        x: f64,
        y: f64,
        anchor: Anchor,
        class: &str,
        lines: &[String],
        line_height: f64,
    ) {
        let a = self.anchor(anchor);
        self.out.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="{a}" class="{class}" fill="currentColor">"#,
            n(x),
            n(y)
        ));
        for (i, line) in lines.iter().enumerate() {
            let dy = if i == 0 { 0.0 } else { line_height };
            self.out.push_str(&format!(
                r#"<tspan x="{}" dy="{}">{}</tspan>"#,
                n(x),
                n(dy),
                escape(&isolate(line))
            ));
        }
        self.out.push_str("</text>");
    }

    /// A straight line.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, class: &str, extra: &str) {
        self.out.push_str(&format!(
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" class="{class}" stroke="currentColor"{extra}/>"#,
            n(x1),
            n(y1),
            n(x2),
            n(y2)
        ));
    }

    /// A rectangle with an optional tooltip (`<title>`).
    #[allow(clippy::too_many_arguments)]
    pub fn rect(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        class: &str,
        fill: &str,
        title: Option<&str>,
    ) {
        self.out.push_str(&format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" class="{class}" fill="{fill}""#,
            n(x),
            n(y),
            n(w.max(0.0)),
            n(h.max(0.0))
        ));
        match title {
            Some(t) => self
                .out
                .push_str(&format!("><title>{}</title></rect>", escape(t))),
            None => self.out.push_str("/>"),
        }
    }

    /// Closes the document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

/// Parts joined by `sep`, each isolated, the whole led by a strong mark of the frame's
/// direction (RLM or LRM): a text made only of isolates has no strong character of its
/// own, so without the mark it would be laid out left to right even in Arabic, putting
/// "name: value" or "from – to" in the wrong order for a right-to-left reader.
pub(crate) fn joined(dir: Direction, parts: &[&str], sep: &str) -> String {
    let mut out = String::from(match dir {
        Direction::Ltr => crate::text::LRM,
        Direction::Rtl => crate::text::RLM,
    });
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(&isolate(p));
    }
    out
}

/// A "label: value" text (tooltips, legends).
pub(crate) fn label_value(dir: Direction, label: &str, value: &str) -> String {
    joined(dir, &[label, value], ": ")
}

/// The separator between a category and its "series: value" in tooltips: the Arabic
/// comma in right-to-left charts.
pub(crate) fn list_sep(dir: Direction) -> &'static str {
    match dir {
        Direction::Ltr => ", ",
        Direction::Rtl => "\u{060C} ",
    }
}

/// The widest estimate among `items` at the chart font.
pub(crate) fn widest<'a>(items: impl IntoIterator<Item = &'a str>, font: f64) -> f64 {
    items
        .into_iter()
        .map(|s| estimate_width(s, font))
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_short() {
        assert_eq!(n(1.0), "1");
        assert_eq!(n(1.256), "1.26");
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(12.5), "12.5");
    }

    #[test]
    fn ids_are_sanitised() {
        let f = Frame::new("a b\"<1>", "t", "d", Direction::Ltr);
        assert_eq!(f.safe_id(), "ab1");
        let f = Frame::new("9x", "t", "d", Direction::Ltr);
        assert_eq!(f.safe_id(), "c9x");
    }
}
