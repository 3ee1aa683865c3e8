//! The produced SVG parsed as XML: structure, direction, escaping, accessibility.

use std::collections::BTreeMap;

use jisr_charts::text::{FSI, PDI};
use jisr_charts::{
    Categorical, Choropleth, Classification, Direction, Frame, Level, Orientation, PanelKind,
    Series, SmallMultiples, bars, bars_table, boundaries, choropleth, choropleth_table, donut,
    donut_table, lines, lines_table, small_multiples, small_multiples_table, stacked_bars,
    stacked_bars_table,
};
use proptest::prelude::*;
use roxmltree::{Document, Node};

fn fmt(v: f64) -> String {
    format!("{v}")
}

fn has_class(n: &Node, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|x| x == class))
}

fn all<'a>(doc: &'a Document, tag: &str, class: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag) && has_class(n, class))
        .collect()
}

fn num(n: &Node, attr: &str) -> f64 {
    n.attribute(attr).unwrap().parse().unwrap()
}

/// The centre x of a rect.
fn centre(n: &Node) -> f64 {
    num(n, "x") + num(n, "width") / 2.0
}

fn text_of(n: &Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect()
}

fn frame(dir: Direction) -> Frame {
    Frame::new("chart-1", "Bénéficiaires", "Source : registre", dir)
}

fn regions() -> Categorical {
    Categorical::single(
        "Région",
        "Bénéficiaires",
        vec![
            ("Oriental".into(), 120.0),
            ("Souss-Massa".into(), 80.0),
            ("Drâa-Tafilalet".into(), 45.0),
            ("Fès-Meknès".into(), 260.0),
        ],
    )
}

fn two_series() -> Categorical {
    Categorical {
        category_header: "Mois".into(),
        categories: vec!["janv.".into(), "févr.".into(), "mars".into()],
        series: vec![
            Series::new("Femmes", vec![10.0, 20.0, 30.0]),
            Series::new("Hommes", vec![5.0, f64::NAN, 15.0]),
        ],
    }
}

/// Every chart the crate draws, in one direction.
fn every_chart(dir: Direction) -> Vec<(&'static str, String)> {
    let f = frame(dir);
    let sm = SmallMultiples {
        panel_header: "Région".into(),
        panels: vec![
            ("A".into(), regions()),
            ("B".into(), regions()),
            ("C".into(), regions()),
        ],
        kind: PanelKind::Bars,
        columns: 2,
    };
    let sm_lines = SmallMultiples {
        kind: PanelKind::Lines,
        panels: vec![("A".into(), two_series()), ("B".into(), two_series())],
        ..sm.clone()
    };
    let values = BTreeMap::from([("01".to_string(), 3.0), ("02".to_string(), 9.0)]);
    let map = Choropleth {
        areas: boundaries(Level::Region),
        values: &values,
        classification: Classification::Quantiles(3),
        name: &|a| a.name_fr.clone(),
        link: None,
        legend_title: "Établissements".into(),
        no_data: "Pas de données".into(),
        area_header: "Région".into(),
        value_header: "Établissements".into(),
    };
    vec![
        ("bars-v", bars(&f, &regions(), Orientation::Vertical, &fmt)),
        (
            "bars-h",
            bars(&f, &regions(), Orientation::Horizontal, &fmt),
        ),
        (
            "stacked-v",
            stacked_bars(&f, &two_series(), Orientation::Vertical, &fmt),
        ),
        (
            "stacked-h",
            stacked_bars(&f, &two_series(), Orientation::Horizontal, &fmt),
        ),
        ("lines", lines(&f, &two_series(), &fmt)),
        ("donut", donut(&f, &regions(), &fmt)),
        ("multiples", small_multiples(&f, &sm, &fmt)),
        ("multiples-lines", small_multiples(&f, &sm_lines, &fmt)),
        ("map", choropleth(&f, &map, &fmt)),
    ]
}

#[test]
fn every_chart_is_an_accessible_sized_image() {
    for dir in [Direction::Ltr, Direction::Rtl] {
        for (name, svg) in every_chart(dir) {
            let doc = Document::parse(&svg).unwrap_or_else(|e| panic!("{name}: {e}"));
            let root = doc.root_element();
            assert!(root.has_tag_name("svg"), "{name}");
            assert_eq!(root.attribute("role"), Some("img"), "{name}");
            assert_eq!(root.attribute("viewBox"), Some("0 0 640 360"), "{name}");
            assert_eq!(root.attribute("width"), Some("640"), "{name}");
            assert_eq!(root.attribute("height"), Some("360"), "{name}");
            assert_eq!(root.attribute("direction"), Some(dir.as_str()), "{name}");
            let title_id = root.attribute("aria-labelledby").unwrap();
            let title = doc
                .descendants()
                .find(|n| n.attribute("id") == Some(title_id))
                .unwrap();
            assert!(title.has_tag_name("title"), "{name}");
            assert_eq!(title.text(), Some("Bénéficiaires"), "{name}");
            assert_eq!(
                title.parent(),
                Some(root),
                "{name}: the title is a child of the root"
            );
            let desc_id = root.attribute("aria-describedby").unwrap();
            let desc = doc
                .descendants()
                .find(|n| n.attribute("id") == Some(desc_id))
                .unwrap();
            assert!(desc.has_tag_name("desc"));
            assert_eq!(desc.text(), Some("Source : registre"));
            assert!(
                !svg.contains("<script") && !svg.contains("@import") && !svg.contains("<style"),
                "{name}"
            );
            assert_eq!(
                svg.matches("://").count(),
                1,
                "{name}: the SVG namespace is the only URL"
            );
        }
    }
}

#[test]
fn every_drawn_text_is_isolated() {
    for dir in [Direction::Ltr, Direction::Rtl] {
        for (name, svg) in every_chart(dir) {
            let doc = Document::parse(&svg).unwrap();
            let texts: Vec<Node> = doc
                .descendants()
                .filter(|n| n.has_tag_name("text") || n.has_tag_name("tspan"))
                .filter(|n| n.children().any(|c| c.is_text()))
                .collect();
            assert!(!texts.is_empty(), "{name}");
            for t in texts {
                let s: String = t
                    .children()
                    .filter(|c| c.is_text())
                    .filter_map(|c| c.text())
                    .collect();
                assert!(
                    s.starts_with(FSI) && s.ends_with(PDI),
                    "{name}: {s:?} not isolated"
                );
                assert_eq!(
                    s.matches(FSI).count(),
                    s.matches(PDI).count(),
                    "{name}: {s:?} unbalanced"
                );
            }
        }
    }
}

#[test]
fn one_bar_per_value() {
    for dir in [Direction::Ltr, Direction::Rtl] {
        for o in [Orientation::Vertical, Orientation::Horizontal] {
            let svg = bars(&frame(dir), &regions(), o, &fmt);
            let doc = Document::parse(&svg).unwrap();
            assert_eq!(all(&doc, "rect", "bar").len(), 4);
            // A missing value draws no bar, but still its label.
            let mut data = regions();
            data.series[0].values[1] = f64::NAN;
            let svg = bars(&frame(dir), &data, o, &fmt);
            let doc = Document::parse(&svg).unwrap();
            assert_eq!(all(&doc, "rect", "bar").len(), 3);
            assert_eq!(all(&doc, "text", "category").len(), 4);
        }
    }
    // Stacked: one segment per finite value.
    let svg = stacked_bars(
        &frame(Direction::Ltr),
        &two_series(),
        Orientation::Vertical,
        &fmt,
    );
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(all(&doc, "rect", "bar").len(), 5);
    assert_eq!(
        all(&doc, "rect", "series-1")
            .iter()
            .filter(|n| has_class(n, "bar"))
            .count(),
        2
    );
}

#[test]
fn rtl_puts_the_first_category_right_of_the_second() {
    for (dir, first_right) in [(Direction::Ltr, false), (Direction::Rtl, true)] {
        let doc_v = bars(&frame(dir), &regions(), Orientation::Vertical, &fmt);
        let doc = Document::parse(&doc_v).unwrap();
        let b = all(&doc, "rect", "bar");
        assert_eq!(centre(&b[0]) > centre(&b[1]), first_right, "{dir:?} bars");
        let labels = all(&doc, "text", "category");
        assert_eq!(
            num(&labels[0], "x") > num(&labels[1], "x"),
            first_right,
            "{dir:?} labels"
        );

        let svg = stacked_bars(&frame(dir), &two_series(), Orientation::Vertical, &fmt);
        let doc = Document::parse(&svg).unwrap();
        let b = all(&doc, "rect", "series-0");
        let b: Vec<_> = b.iter().filter(|n| has_class(n, "bar")).collect();
        assert_eq!(centre(b[0]) > centre(b[1]), first_right, "{dir:?} stacked");

        let svg = lines(&frame(dir), &two_series(), &fmt);
        let doc = Document::parse(&svg).unwrap();
        let p = all(&doc, "circle", "series-0");
        assert_eq!(
            num(&p[0], "cx") > num(&p[1], "cx"),
            first_right,
            "{dir:?} lines"
        );
    }
}

#[test]
fn the_value_axis_sits_on_the_start_side_with_mirrored_anchors() {
    for dir in [Direction::Ltr, Direction::Rtl] {
        let svg = bars(&frame(dir), &regions(), Orientation::Vertical, &fmt);
        let doc = Document::parse(&svg).unwrap();
        let ticks = all(&doc, "text", "tick");
        let bar_rects = all(&doc, "rect", "bar");
        let tick_x = num(&ticks[0], "x");
        for b in &bar_rects {
            match dir {
                Direction::Ltr => assert!(tick_x < num(b, "x")),
                Direction::Rtl => assert!(tick_x > num(b, "x") + num(b, "width")),
            }
        }
        // Right-aligned on the left in LTR ("end"); left-aligned on the right in RTL,
        // which under direction="rtl" is written "end" too (start is the right end).
        for t in &ticks {
            assert_eq!(t.attribute("text-anchor"), Some("end"), "{dir:?}");
        }
        // Category labels of horizontal bars: flush against the bars, on the start side.
        let svg = bars(&frame(dir), &regions(), Orientation::Horizontal, &fmt);
        let doc = Document::parse(&svg).unwrap();
        let label = &all(&doc, "text", "category")[0];
        let bar = &all(&doc, "rect", "bar")[0];
        match dir {
            Direction::Ltr => assert!(num(label, "x") <= num(bar, "x")),
            Direction::Rtl => assert!(num(label, "x") >= num(bar, "x") + num(bar, "width")),
        }
        assert_eq!(label.attribute("text-anchor"), Some("end"));
    }
}

#[test]
fn caller_strings_are_escaped_everywhere() {
    let nasty = "a<b & \"c\" 'd' </svg>";
    let data = Categorical {
        category_header: nasty.into(),
        categories: vec![nasty.into(), "x".into()],
        series: vec![
            Series::new(nasty, vec![1.0, 2.0]),
            Series::new("y", vec![3.0, 4.0]),
        ],
    };
    let f = Frame::new("id\"><script>", nasty, nasty, Direction::Rtl).lang("ar\"x");
    let fmt_nasty = |v: f64| format!("<{v}&>");
    for svg in [
        bars(&f, &data, Orientation::Vertical, &fmt_nasty),
        bars(&f, &data, Orientation::Horizontal, &fmt_nasty),
        stacked_bars(&f, &data, Orientation::Vertical, &fmt_nasty),
        lines(&f, &data, &fmt_nasty),
        donut(&f, &data, &fmt_nasty),
    ] {
        assert!(!svg.contains("<b") && !svg.contains("<script") && !svg.contains("<1&>"));
        let doc = Document::parse(&svg).unwrap();
        assert!(
            doc.root_element()
                .children()
                .filter(|n| n.is_element())
                .count()
                >= 2
        );
        assert_eq!(
            doc.descendants()
                .find(|n| n.has_tag_name("title"))
                .unwrap()
                .text(),
            Some(nasty)
        );
        let shown: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| text_of(&n))
            .collect();
        let isolated = format!("{FSI}{nasty}{PDI}");
        assert!(
            shown
                .iter()
                .any(|s| s.contains(&isolated) || s.contains(&format!("{FSI}<1&>{PDI}"))),
            "{shown:?}"
        );
        assert!(
            doc.descendants()
                .all(|n| n.attribute("id").is_none_or(|id| id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')))
        );
    }
}

#[test]
fn ticks_step_by_one_two_or_five() {
    let data = Categorical::single("c", "v", vec![("a".into(), 870.0), ("b".into(), 20.0)]);
    let svg = bars(&frame(Direction::Ltr), &data, Orientation::Vertical, &fmt);
    let doc = Document::parse(&svg).unwrap();
    let ticks: Vec<f64> = all(&doc, "text", "tick")
        .iter()
        .map(|t| text_of(t).trim_matches([FSI, PDI]).parse().unwrap())
        .collect();
    assert_eq!(ticks.first(), Some(&0.0), "zero baseline");
    assert!(*ticks.last().unwrap() >= 870.0);
    let step = ticks[1] - ticks[0];
    assert!([100.0, 200.0, 500.0].contains(&step), "step {step}");
    for w in ticks.windows(2) {
        assert_eq!(w[1] - w[0], step);
    }
    // The baseline is drawn at zero: the bottom of every bar.
    let base = &all(&doc, "line", "baseline")[0];
    for b in all(&doc, "rect", "bar") {
        assert!((num(&b, "y") + num(&b, "height") - num(base, "y1")).abs() < 0.02);
    }
}

#[test]
fn donut_slices_and_a_whole_ring() {
    let svg = donut(&frame(Direction::Rtl), &regions(), &fmt);
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(all(&doc, "path", "slice").len(), 4);
    assert_eq!(
        text_of(&all(&doc, "text", "total")[0]),
        format!("{FSI}505{PDI}")
    );
    let one = Categorical::single("c", "v", vec![("tout".into(), 7.0), ("rien".into(), 0.0)]);
    let svg = donut(&frame(Direction::Ltr), &one, &fmt);
    let doc = Document::parse(&svg).unwrap();
    let slices = all(&doc, "path", "slice");
    assert_eq!(slices.len(), 1);
    assert!(
        slices[0].attribute("d").unwrap().matches('A').count() == 4,
        "two half arcs each way"
    );
}

#[test]
fn tables_hold_the_same_figures() {
    let f = frame(Direction::Ltr);
    let t = bars_table(&f, &regions(), &fmt);
    assert_eq!(t.caption, "Bénéficiaires");
    assert_eq!(t.headers, vec!["Région", "Bénéficiaires"]);
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.rows[3], vec!["Fès-Meknès", "260"]);
    assert_eq!(donut_table(&f, &regions(), &fmt), t);
    let t = stacked_bars_table(&f, &two_series(), &fmt);
    assert_eq!(t.headers, vec!["Mois", "Femmes", "Hommes"]);
    assert_eq!(t.rows[1], vec!["févr.", "20", ""]);
    assert_eq!(lines_table(&f, &two_series(), &fmt), t);
    let sm = SmallMultiples {
        panel_header: "Région".into(),
        panels: vec![("A".into(), regions()), ("B".into(), regions())],
        kind: PanelKind::Bars,
        columns: 2,
    };
    let t = small_multiples_table(&f, &sm, &fmt);
    assert_eq!(t.headers, vec!["Région", "Région", "Bénéficiaires"]);
    assert_eq!(t.rows.len(), 8);
    assert_eq!(t.rows[4], vec!["B", "Oriental", "120"]);
}

#[test]
fn small_multiples_share_one_scale_and_mirror() {
    let small = Categorical::single("c", "v", vec![("a".into(), 10.0), ("b".into(), 5.0)]);
    let big = Categorical::single("c", "v", vec![("a".into(), 100.0), ("b".into(), 50.0)]);
    for dir in [Direction::Ltr, Direction::Rtl] {
        let sm = SmallMultiples {
            panel_header: "p".into(),
            panels: vec![("small".into(), small.clone()), ("big".into(), big.clone())],
            kind: PanelKind::Bars,
            columns: 2,
        };
        let svg = small_multiples(&frame(dir), &sm, &fmt);
        let doc = Document::parse(&svg).unwrap();
        let bars = all(&doc, "rect", "bar");
        assert_eq!(bars.len(), 4);
        let (h_small, h_big) = (num(&bars[0], "height"), num(&bars[2], "height"));
        assert!(
            (h_big / h_small - 10.0).abs() < 0.05,
            "one scale: {h_small} vs {h_big}"
        );
        // The first panel is at the start side.
        let first_right = dir == Direction::Rtl;
        assert_eq!(centre(&bars[0]) > centre(&bars[2]), first_right);
        assert_eq!(all(&doc, "g", "panel").len(), 2);
    }
}

fn map_for(level: Level, values: &BTreeMap<String, f64>, linked: bool, dir: Direction) -> String {
    let link = |a: &jisr_charts::Area| Some(format!("/ar/regions/{}?x=1&y=2", a.code));
    let map = Choropleth {
        areas: boundaries(level),
        values,
        classification: Classification::Jenks(5),
        name: &|a| a.name_ar.clone(),
        link: if linked { Some(&link) } else { None },
        legend_title: "المؤسسات".into(),
        no_data: "لا توجد معطيات".into(),
        area_header: "الجهة".into(),
        value_header: "المؤسسات".into(),
    };
    choropleth(&frame(dir).size(600.0, 640.0), &map, &fmt)
}

#[test]
fn every_area_has_a_path_with_its_code() {
    for (level, count) in [(Level::Region, 12), (Level::Province, 83)] {
        let areas = boundaries(level);
        assert_eq!(areas.len(), count);
        let values: BTreeMap<String, f64> = areas
            .iter()
            .enumerate()
            .map(|(i, a)| (a.code.clone(), i as f64))
            .collect();
        let svg = map_for(level, &values, false, Direction::Rtl);
        let doc = Document::parse(&svg).unwrap();
        let paths = all(&doc, "path", "area");
        assert_eq!(paths.len(), count);
        for a in areas {
            let p = paths
                .iter()
                .find(|p| p.attribute("data-code") == Some(a.code.as_str()))
                .unwrap_or_else(|| panic!("{} missing", a.code));
            let d = p.attribute("d").unwrap();
            assert!(d.starts_with('M') && d.ends_with('Z'));
            let title = p.children().find(|c| c.has_tag_name("title")).unwrap();
            assert!(title.text().unwrap().contains(&a.name_ar));
        }
        // Every value has a value, so no "no data" and 5 classes in the legend.
        assert!(all(&doc, "path", "no-data").is_empty());
        assert!(!svg.contains("لا توجد معطيات"));
        assert_eq!(
            doc.descendants()
                .filter(|n| n.has_tag_name("rect") && has_class(n, "swatch"))
                .count(),
            5
        );
        assert_eq!(doc.root_element().attribute("role"), Some("img"));
    }
}

#[test]
fn areas_without_values_are_hatched_and_listed_as_no_data() {
    let values = BTreeMap::from([
        ("01".to_string(), 5.0),
        ("02".to_string(), 15.0),
        ("03".to_string(), f64::NAN),
    ]);
    let svg = map_for(Level::Region, &values, true, Direction::Ltr);
    let doc = Document::parse(&svg).unwrap();
    let no_data = all(&doc, "path", "no-data");
    assert_eq!(no_data.len(), 10);
    let pattern = doc
        .descendants()
        .find(|n| n.has_tag_name("pattern"))
        .unwrap();
    let url = format!("url(#{})", pattern.attribute("id").unwrap());
    assert!(
        no_data
            .iter()
            .all(|p| p.attribute("fill") == Some(url.as_str()))
    );
    assert!(
        all(&doc, "rect", "no-data")
            .iter()
            .any(|r| r.attribute("fill") == Some(url.as_str()))
    );
    assert!(
        doc.descendants()
            .any(|n| n.has_tag_name("text") && text_of(&n).contains("لا توجد معطيات"))
    );
    // Links: one per area, escaped, named, and the root is a group.
    let links: Vec<Node> = doc.descendants().filter(|n| n.has_tag_name("a")).collect();
    assert_eq!(links.len(), 12);
    assert_eq!(links[0].attribute("href"), Some("/ar/regions/01?x=1&y=2"));
    assert!(links[0].attribute("aria-label").unwrap().contains("5"));
    assert_eq!(doc.root_element().attribute("role"), Some("group"));
    let values_and_table = choropleth_table(
        &frame(Direction::Ltr),
        &Choropleth {
            areas: boundaries(Level::Region),
            values: &values,
            classification: Classification::Quantiles(4),
            name: &|a| a.code.clone(),
            link: None,
            legend_title: String::new(),
            no_data: "n/d".into(),
            area_header: "Région".into(),
            value_header: "Valeur".into(),
        },
        &fmt,
    );
    assert_eq!(values_and_table.rows.len(), 12);
    assert_eq!(values_and_table.rows[0], vec!["01", "5"]);
    assert_eq!(values_and_table.rows[2], vec!["03", "n/d"]);
}

#[test]
fn the_legend_mirrors_in_rtl() {
    let values = BTreeMap::from([("01".to_string(), 5.0), ("02".to_string(), 15.0)]);
    for dir in [Direction::Ltr, Direction::Rtl] {
        let svg = map_for(Level::Region, &values, false, dir);
        let doc = Document::parse(&svg).unwrap();
        let swatch = &all(&doc, "rect", "swatch")[0];
        let label = &all(&doc, "text", "legend-label")[0];
        match dir {
            Direction::Ltr => assert!(num(label, "x") > num(swatch, "x")),
            Direction::Rtl => assert!(num(label, "x") < num(swatch, "x")),
        }
        assert_eq!(label.attribute("text-anchor"), Some("start"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_labels_give_well_formed_svg(
        labels in prop::collection::vec(any::<String>(), 1..8),
        values in prop::collection::vec(prop_oneof![0.0f64..1e6, -1e3f64..1e3, Just(f64::NAN)], 8),
        rtl in any::<bool>(),
    ) {
        let dir = if rtl { Direction::Rtl } else { Direction::Ltr };
        let data = Categorical {
            category_header: labels[0].clone(),
            categories: labels.clone(),
            series: vec![Series::new(labels[0].clone(), values[..labels.len()].to_vec())],
        };
        let f = Frame::new(&labels[0], &labels[0], labels.join(" "), dir);
        let finite = data.series[0].values.iter().filter(|v| v.is_finite()).count();
        for o in [Orientation::Vertical, Orientation::Horizontal] {
            let svg = bars(&f, &data, o, &fmt);
            let doc = Document::parse(&svg);
            prop_assert!(doc.is_ok(), "{:?}", doc.err());
            let doc = doc.unwrap();
            prop_assert_eq!(all(&doc, "rect", "bar").len(), finite);
        }
        for svg in [lines(&f, &data, &fmt), donut(&f, &data, &fmt), stacked_bars(&f, &data, Orientation::Vertical, &fmt)] {
            prop_assert!(Document::parse(&svg).is_ok());
        }
    }
}

#[test]
fn composite_texts_lead_with_the_frame_direction() {
    use jisr_charts::text::{LRM, RLM};
    let values = BTreeMap::from([
        ("01".to_string(), 5.0),
        ("02".to_string(), 15.0),
        ("03".to_string(), 25.0),
    ]);
    for (dir, mark) in [(Direction::Ltr, LRM), (Direction::Rtl, RLM)] {
        let svg = map_for(Level::Region, &values, false, dir);
        let doc = Document::parse(&svg).unwrap();
        // "name: value" tooltips and "from – to" legend ranges are made of isolates only:
        // the mark gives them the page's direction.
        let area = all(&doc, "path", "area")[0];
        let title = area
            .children()
            .find(|c| c.has_tag_name("title"))
            .unwrap()
            .text()
            .unwrap();
        assert!(title.starts_with(mark), "{dir:?}: {title:?}");
        let range = text_of(&all(&doc, "text", "legend-label")[0]);
        assert!(
            range.starts_with(&format!("{FSI}{mark}{FSI}")),
            "{dir:?}: {range:?}"
        );
        assert!(range.contains(" – "));
        let svg = stacked_bars(&frame(dir), &two_series(), Orientation::Vertical, &fmt);
        let doc = Document::parse(&svg).unwrap();
        let bar = all(&doc, "rect", "bar")[0];
        let title = bar
            .children()
            .find(|c| c.has_tag_name("title"))
            .unwrap()
            .text()
            .unwrap();
        let sep = if dir == Direction::Rtl {
            "\u{060C} "
        } else {
            ", "
        };
        assert_eq!(
            title,
            format!("{mark}{FSI}janv.{PDI}{sep}{FSI}{mark}{FSI}Femmes{PDI}: {FSI}10{PDI}{PDI}")
        );
    }
}

#[test]
fn empty_and_degenerate_data_still_give_valid_svg() {
    let empty = Categorical {
        category_header: "c".into(),
        categories: vec![],
        series: vec![],
    };
    let zeros = Categorical::single("c", "v", vec![("a".into(), 0.0), ("b".into(), 0.0)]);
    let negative = Categorical::single("c", "v", vec![("a".into(), -5.0), ("b".into(), 3.0)]);
    for dir in [Direction::Ltr, Direction::Rtl] {
        let f = frame(dir);
        for data in [&empty, &zeros, &negative] {
            let sm = SmallMultiples {
                panel_header: "p".into(),
                panels: vec![("x".into(), data.clone())],
                kind: PanelKind::Lines,
                columns: 3,
            };
            let empty_sm = SmallMultiples {
                panels: vec![],
                ..sm.clone()
            };
            for svg in [
                bars(&f, data, Orientation::Vertical, &fmt),
                bars(&f, data, Orientation::Horizontal, &fmt),
                stacked_bars(&f, data, Orientation::Vertical, &fmt),
                lines(&f, data, &fmt),
                donut(&f, data, &fmt),
                small_multiples(&f, &sm, &fmt),
                small_multiples(&f, &empty_sm, &fmt),
            ] {
                assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
                Document::parse(&svg).unwrap();
            }
        }
    }
    // A negative bar hangs below the baseline.
    let svg = bars(
        &frame(Direction::Ltr),
        &negative,
        Orientation::Vertical,
        &fmt,
    );
    let doc = Document::parse(&svg).unwrap();
    let base = num(&all(&doc, "line", "baseline")[0], "y1");
    let b = all(&doc, "rect", "bar");
    assert!((num(&b[0], "y") - base).abs() < 0.02 && num(&b[1], "y") < base);
    // No value at all on a map: every area hatched, only "no data" in the legend.
    let svg = map_for(Level::Region, &BTreeMap::new(), false, Direction::Rtl);
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(all(&doc, "path", "no-data").len(), 12);
    assert_eq!(all(&doc, "rect", "swatch").len(), 1);
}

#[test]
fn lines_in_small_multiples_have_one_legend() {
    let sm = SmallMultiples {
        panel_header: "p".into(),
        panels: vec![("A".into(), two_series()), ("B".into(), two_series())],
        kind: PanelKind::Lines,
        columns: 2,
    };
    let svg = small_multiples(&frame(Direction::Rtl), &sm, &fmt);
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(all(&doc, "g", "legend").len(), 1);
    assert_eq!(all(&doc, "line", "swatch").len(), 2);
    assert_eq!(all(&doc, "path", "line").len(), 4);
}

#[test]
fn horizontal_axis_labels_stay_inside_the_view() {
    let data = Categorical::single("c", "v", vec![("a".into(), 11_300.0), ("b".into(), 20.0)]);
    for dir in [Direction::Ltr, Direction::Rtl] {
        let svg = stacked_bars(&frame(dir), &data, Orientation::Horizontal, &fmt);
        let doc = Document::parse(&svg).unwrap();
        for t in all(&doc, "text", "tick") {
            // Half the label's width at about 0.58 em per character of a 12-unit font.
            let half =
                text_of(&t).trim_matches([FSI, PDI]).chars().count() as f64 * 12.0 * 0.58 / 2.0;
            let x = num(&t, "x");
            assert!(x - half >= 0.0 && x + half <= 640.0, "{dir:?}: tick at {x}");
        }
    }
}

#[test]
fn tables_say_which_columns_are_labels() {
    let f = frame(Direction::Ltr);
    assert_eq!(bars_table(&f, &regions(), &fmt).label_columns, 1);
    let sm = SmallMultiples {
        panel_header: "p".into(),
        panels: vec![("A".into(), regions())],
        kind: PanelKind::Bars,
        columns: 1,
    };
    assert_eq!(small_multiples_table(&f, &sm, &fmt).label_columns, 2);
}

#[test]
fn category_labels_fit_their_bands() {
    let names: Vec<(String, f64)> = boundaries(Level::Region)
        .iter()
        .map(|a| (a.name_fr.clone(), 10.0))
        .collect();
    let data = Categorical::single("Région", "v", names);
    for dir in [Direction::Ltr, Direction::Rtl] {
        let svg = bars(
            &frame(dir).size(720.0, 400.0),
            &data,
            Orientation::Vertical,
            &fmt,
        );
        let doc = Document::parse(&svg).unwrap();
        let bars = all(&doc, "rect", "bar");
        let labels = all(&doc, "text", "category");
        assert_eq!(labels.len(), 12);
        // Bands are equal: the distance between two bar centres.
        let band = (centre(&bars[0]) - centre(&bars[1])).abs();
        for l in labels {
            for line in l.children().filter(|c| c.has_tag_name("tspan")) {
                let text = line.text().unwrap().trim_matches([FSI, PDI]);
                let width = text.chars().count() as f64 * 12.0 * 0.58;
                assert!(
                    width <= band,
                    "{text:?} ({width}) wider than its band ({band})"
                );
            }
        }
    }
}
