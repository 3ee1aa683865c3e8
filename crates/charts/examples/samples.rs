//! Writes a sample of every chart, in Arabic (RTL) and French (LTR), and both maps, to
//! `target/charts-samples/*.svg` (or `$CARGO_TARGET_DIR/charts-samples`), to open in a
//! browser: `cargo run -p jisr-charts --example samples`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use jisr_charts::{
    Area, Categorical, Choropleth, Classification, Direction, Frame, Level, Orientation, PanelKind,
    Series, SmallMultiples, bars, boundaries, choropleth, donut, lines, small_multiples,
    stacked_bars,
};

/// Groups thousands with `sep` (Latin digits in both locales here).
fn grouped(v: f64, sep: &str, decimal: &str) -> String {
    let neg = v < 0.0;
    let tenths = (v.abs() * 10.0).round() as u64;
    let (int, frac) = (tenths / 10, tenths % 10);
    let digits = int.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    if frac > 0 {
        out.push_str(decimal);
        out.push_str(&frac.to_string());
    }
    if neg { format!("-{out}") } else { out }
}

struct Locale {
    code: &'static str,
    dir: Direction,
    fmt: fn(f64) -> String,
    name: fn(&Area) -> String,
}

fn fr(v: f64) -> String {
    grouped(v, "\u{202F}", ",")
}
fn ar(v: f64) -> String {
    grouped(v, ",", ".")
}

fn main() -> std::io::Result<()> {
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
        .join("charts-samples");
    std::fs::create_dir_all(&dir)?;
    let locales = [
        Locale {
            code: "fr",
            dir: Direction::Ltr,
            fmt: fr,
            name: |a| a.name_fr.clone(),
        },
        Locale {
            code: "ar",
            dir: Direction::Rtl,
            fmt: ar,
            name: |a| a.name_ar.clone(),
        },
    ];
    let regions = boundaries(Level::Region);
    let region_values: Vec<f64> = vec![
        18_420.0, 12_310.0, 25_880.0, 31_200.0, 15_040.0, 40_120.0, 27_560.0, 9_870.0, 21_430.0,
        4_310.0, 2_150.0, 1_240.0,
    ];
    for l in &locales {
        let t = |fr: &str, ar: &str| {
            if l.code == "fr" {
                fr.to_string()
            } else {
                ar.to_string()
            }
        };
        let write = |name: &str, svg: String| {
            std::fs::write(dir.join(format!("{name}-{}.svg", l.code)), svg)
        };
        let frame = |id: &str, title: String| {
            Frame::new(
                id,
                title,
                t(
                    "Source : registre social, données fictives",
                    "المصدر: السجل الاجتماعي، معطيات تجريبية",
                ),
                l.dir,
            )
            .lang(l.code)
            .with_heading()
        };
        let fmt = l.fmt;

        // Horizontal bars: beneficiaries by region.
        let by_region = Categorical::single(
            t("Région", "الجهة"),
            t("Bénéficiaires", "المستفيدون"),
            regions
                .iter()
                .map(|a| (l.name)(a))
                .zip(region_values.iter().copied())
                .collect(),
        );
        write(
            "bars-horizontal",
            bars(
                &frame("h", t("Bénéficiaires par région", "المستفيدون حسب الجهة"))
                    .size(720.0, 480.0),
                &by_region,
                Orientation::Horizontal,
                &fmt,
            ),
        )?;

        write(
            "bars-vertical-regions",
            bars(
                &frame("vr", t("Bénéficiaires par région", "المستفيدون حسب الجهة"))
                    .size(720.0, 400.0),
                &by_region,
                Orientation::Vertical,
                &fmt,
            ),
        )?;

        // Vertical bars: applications by programme (Latin acronyms inside Arabic).
        let programmes = Categorical::single(
            t("Programme", "البرنامج"),
            t("Demandes", "الطلبات"),
            vec![
                (t("Aide directe", "الدعم المباشر"), 48_200.0),
                (t("AMO Tadamon", "AMO تضامن"), 36_900.0),
                (t("Tayssir", "تيسير"), 21_450.0),
                (t("Handicap", "الإعاقة"), 7_320.0),
                (t("Veuves (DAAM)", "الأرامل (DAAM)"), 12_080.0),
            ],
        );
        write(
            "bars-vertical",
            bars(
                &frame(
                    "v",
                    t("Demandes par programme, 2026", "الطلبات حسب البرنامج، 2026"),
                ),
                &programmes,
                Orientation::Vertical,
                &fmt,
            ),
        )?;

        // Stacked bars: age group × sex.
        let ages = Categorical {
            category_header: t("Âge", "السن"),
            categories: ["0-14", "15-24", "25-44", "45-64", "65+"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            series: vec![
                Series::new(
                    t("Femmes", "النساء"),
                    vec![5400.0, 3200.0, 6100.0, 4300.0, 2500.0],
                ),
                Series::new(
                    t("Hommes", "الرجال"),
                    vec![5600.0, 3000.0, 5200.0, 3900.0, 1900.0],
                ),
            ],
        };
        write(
            "stacked-vertical",
            stacked_bars(
                &frame(
                    "s",
                    t(
                        "Bénéficiaires par âge et sexe",
                        "المستفيدون حسب السن والجنس",
                    ),
                ),
                &ages,
                Orientation::Vertical,
                &fmt,
            ),
        )?;
        write(
            "stacked-horizontal",
            stacked_bars(
                &frame(
                    "sh",
                    t(
                        "Bénéficiaires par âge et sexe",
                        "المستفيدون حسب السن والجنس",
                    ),
                ),
                &ages,
                Orientation::Horizontal,
                &fmt,
            ),
        )?;

        // Lines over twelve months, three series, one gap.
        let months_fr = [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ];
        let months_ar = [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "ماي",
            "يونيو",
            "يوليوز",
            "غشت",
            "شتنبر",
            "أكتوبر",
            "نونبر",
            "دجنبر",
        ];
        let months: Vec<String> = if l.code == "fr" {
            months_fr.iter().map(|s| s.to_string()).collect()
        } else {
            months_ar.iter().map(|s| s.to_string()).collect()
        };
        let trend = Categorical {
            category_header: t("Mois", "الشهر"),
            categories: months,
            series: vec![
                Series::new(
                    t("Demandes déposées", "الطلبات المودعة"),
                    vec![
                        3200.0, 3500.0, 4100.0, 3900.0, 4400.0, 5200.0, 4800.0, 4600.0, 5900.0,
                        6100.0, 5700.0, 6300.0,
                    ],
                ),
                Series::new(
                    t("Acceptées", "المقبولة"),
                    vec![
                        2100.0,
                        2500.0,
                        2900.0,
                        2800.0,
                        3300.0,
                        3900.0,
                        f64::NAN,
                        3500.0,
                        4200.0,
                        4600.0,
                        4300.0,
                        4900.0,
                    ],
                ),
                Series::new(
                    t("Refusées", "المرفوضة"),
                    vec![
                        600.0, 520.0, 700.0, 640.0, 610.0, 800.0, 760.0, 690.0, 900.0, 850.0,
                        780.0, 820.0,
                    ],
                ),
            ],
        };
        write(
            "lines",
            lines(
                &frame("l", t("Demandes par mois, 2026", "الطلبات حسب الشهر، 2026")),
                &trend,
                &fmt,
            ),
        )?;

        // Donut: parts by channel.
        let channels = Categorical::single(
            t("Canal", "القناة"),
            t("Demandes", "الطلبات"),
            vec![
                (t("Guichet", "الشباك"), 41_200.0),
                (t("Portail web", "البوابة الإلكترونية"), 28_700.0),
                (t("Application mobile", "التطبيق"), 12_900.0),
                (t("Courrier", "البريد"), 2_400.0),
            ],
        );
        write(
            "donut",
            donut(
                &frame("d", t("Demandes par canal", "الطلبات حسب القناة")),
                &channels,
                &fmt,
            ),
        )?;

        // Small multiples: six regions over four years.
        let years: Vec<String> = ["2023", "2024", "2025", "2026"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let panels: Vec<(String, Categorical)> = regions
            .iter()
            .take(6)
            .enumerate()
            .map(|(i, a)| {
                let base = region_values[i] / 4.0;
                let values = (0..4)
                    .map(|y| (base * (1.0 + 0.15 * y as f64 + 0.05 * (i % 3) as f64)).round())
                    .collect();
                (
                    (l.name)(a),
                    Categorical {
                        category_header: t("Année", "السنة"),
                        categories: years.clone(),
                        series: vec![Series::new(t("Bénéficiaires", "المستفيدون"), values)],
                    },
                )
            })
            .collect();
        for (kind, name) in [
            (PanelKind::Bars, "multiples-bars"),
            (PanelKind::Lines, "multiples-lines"),
        ] {
            let sm = SmallMultiples {
                panel_header: t("Région", "الجهة"),
                panels: panels.clone(),
                kind,
                columns: 3,
            };
            write(
                name,
                small_multiples(
                    &frame(
                        name,
                        t(
                            "Bénéficiaires par région et par année",
                            "المستفيدون حسب الجهة والسنة",
                        ),
                    )
                    .size(720.0, 460.0),
                    &sm,
                    &fmt,
                ),
            )?;
        }

        // Maps: regions (every value) and provinces (some missing, with links).
        let values: BTreeMap<String, f64> = regions
            .iter()
            .map(|a| a.code.clone())
            .zip(region_values.iter().copied())
            .collect();
        let name = l.name;
        let link = |a: &Area| Some(format!("/{}/transparence/regions/{}", l.code, a.code));
        let map = Choropleth {
            areas: regions,
            values: &values,
            classification: Classification::Jenks(5),
            name: &name,
            link: Some(&link),
            legend_title: t("Bénéficiaires", "المستفيدون"),
            no_data: t("Pas de données", "لا توجد معطيات"),
            area_header: t("Région", "الجهة"),
            value_header: t("Bénéficiaires", "المستفيدون"),
        };
        write(
            "map-regions",
            choropleth(
                &frame("mr", t("Bénéficiaires par région", "المستفيدون حسب الجهة"))
                    .size(600.0, 640.0),
                &map,
                &fmt,
            ),
        )?;
        let provinces = boundaries(Level::Province);
        let values: BTreeMap<String, f64> = provinces
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 9 != 4)
            .map(|(i, a)| (a.code.clone(), ((i * 37) % 50) as f64 * 12.5 + 40.0))
            .collect();
        let map = Choropleth {
            areas: provinces,
            values: &values,
            classification: Classification::Quantiles(5),
            legend_title: t(
                "Établissements pour 100 000 hab.",
                "المؤسسات لكل 100.000 نسمة",
            ),
            area_header: t("Province", "الإقليم"),
            ..map
        };
        write(
            "map-provinces",
            choropleth(
                &frame(
                    "mp",
                    t("Établissements par province", "المؤسسات حسب الإقليم"),
                )
                .size(600.0, 640.0),
                &map,
                &fmt,
            ),
        )?;
    }
    println!("{}", dir.display());
    Ok(())
}
