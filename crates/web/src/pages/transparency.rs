//! The public open-data portal: national figures anyone may read and download, each
//! dataset described (fields, period, source, licence), as a chart, a map where the
//! columns are regions, a table, and CSV and JSON files at a stable address per dataset
//! and period. Every count is published through disclosure control: counts from 1 to 4
//! show as "< 5", and other cells are withheld ("s") where a small count could
//! otherwise be worked out from the totals.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::Chrome;
use askama::Template;
use axum::extract::{Path, Query};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use jisr_charts::{
    Categorical, Choropleth, Classification, Direction, Frame, Level, Orientation, Series,
};
use jisr_disclosure::{Labels, Published, Rendered};
use jisr_store::transparency::{self, Count, Heading};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Counts below this are withheld.
pub const THRESHOLD: u64 = 5;
/// What stands for a withheld small count, in every language and file.
pub const SMALL: &str = "< 5";
/// What stands for a figure withheld to protect a small one.
pub const WITHHELD: &str = "s";

/// The datasets the portal publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dataset {
    Establishments,
    Places,
    Applications,
    Decisions,
}

impl Dataset {
    pub const ALL: [Dataset; 4] = [
        Dataset::Establishments,
        Dataset::Places,
        Dataset::Applications,
        Dataset::Decisions,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Dataset::Establishments => "establishments",
            Dataset::Places => "places",
            Dataset::Applications => "applications",
            Dataset::Decisions => "decisions",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.slug() == s)
    }

    /// Counted per calendar year (else: the register as it stands, period `latest`).
    fn yearly(self) -> bool {
        matches!(self, Dataset::Applications | Dataset::Decisions)
    }

    /// Whether the columns are the regions (then a map is drawn).
    fn by_region(self) -> bool {
        !matches!(self, Dataset::Decisions)
    }
}

/// A dataset's period: a year, or the register as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    Year(i32),
    Latest,
}

impl Period {
    fn as_string(self) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Latest => "latest".into(),
        }
    }
}

fn this_year() -> i32 {
    use chrono::Datelike;
    chrono::Utc::now()
        .with_timezone(&jisr_domain::time::ZONE)
        .year()
}

/// The periods a dataset is published for, newest first.
async fn periods(ctx: &Ctx, d: Dataset) -> Result<Vec<Period>, WebError> {
    if !d.yearly() {
        return Ok(vec![Period::Latest]);
    }
    Ok(
        transparency::application_years(&ctx.state.store, this_year())
            .await?
            .into_iter()
            .map(Period::Year)
            .collect(),
    )
}

async fn parse_period(ctx: &Ctx, d: Dataset, s: &str) -> Result<Period, WebError> {
    periods(ctx, d)
        .await?
        .into_iter()
        .find(|p| p.as_string() == s)
        .ok_or(WebError::NotFound)
}

/// A dataset laid out and published.
struct Laid {
    rows: Vec<Heading>,
    columns: Vec<Heading>,
    published: Published,
    /// When the figures were read (stored instant).
    at: String,
}

fn outcome_headings(chrome: &Chrome) -> Vec<Heading> {
    transparency::OUTCOMES
        .iter()
        .map(|s| {
            let code = s.as_str().to_owned();
            let name = |l| chrome.t_in(l, &format!("app-status-{code}"));
            Heading {
                name_ar: name(jisr_i18n::Locale::Ar),
                name_fr: name(jisr_i18n::Locale::Fr),
                code,
            }
        })
        .collect()
}

/// The counts as a rows × columns table (headings in their order; a count whose row or
/// column is unknown is left out), published with disclosure control.
pub fn lay_out(rows: &[Heading], columns: &[Heading], counts: &[Count]) -> Published {
    let mut cells = vec![vec![0u64; columns.len()]; rows.len()];
    for c in counts {
        let r = rows.iter().position(|h| h.code == c.row);
        let k = columns.iter().position(|h| h.code == c.column);
        if let (Some(r), Some(k)) = (r, k) {
            cells[r][k] += c.n;
        }
    }
    if rows.is_empty() || columns.is_empty() {
        cells = vec![vec![0]];
    }
    let table = jisr_disclosure::Table::new(cells).expect("a rectangular table");
    jisr_disclosure::suppress(&table, THRESHOLD)
}

async fn read(ctx: &Ctx, chrome: &Chrome, d: Dataset, p: Period) -> Result<Laid, WebError> {
    let store = &ctx.state.store;
    let at = jisr_store::now_text();
    let year = match p {
        Period::Year(y) => y,
        Period::Latest => this_year(),
    };
    let (rows, columns, counts) = match d {
        Dataset::Establishments => (
            transparency::categories(store).await?,
            transparency::regions(store).await?,
            transparency::establishments(store).await?,
        ),
        Dataset::Places => (
            transparency::categories(store).await?,
            transparency::regions(store).await?,
            transparency::places(store).await?,
        ),
        Dataset::Applications => (
            transparency::services(store).await?,
            transparency::regions(store).await?,
            transparency::applications(store, year).await?,
        ),
        Dataset::Decisions => (
            transparency::services(store).await?,
            outcome_headings(chrome),
            transparency::decisions(store, year).await?,
        ),
    };
    let published = lay_out(&rows, &columns, &counts);
    Ok(Laid {
        rows,
        columns,
        published,
        at,
    })
}

fn labels() -> Labels {
    Labels::new(SMALL, WITHHELD)
}

fn rendered_text(r: &Rendered, chrome: &Chrome) -> String {
    match r {
        Rendered::Number(n) => jisr_i18n::format_count(chrome.locale, *n as i64),
        Rendered::Label(l) => l.clone(),
    }
}

#[derive(Template)]
#[template(path = "transparency/index.html")]
struct IndexPage {
    chrome: Chrome,
    datasets: Vec<DatasetLine>,
}

struct DatasetLine {
    slug: &'static str,
    title: String,
    lead: String,
}

/// The list of datasets.
pub async fn index(ctx: Ctx) -> Result<Html<String>, WebError> {
    let chrome = ctx.chrome("od-title");
    let datasets = Dataset::ALL
        .iter()
        .map(|d| DatasetLine {
            slug: d.slug(),
            title: chrome.t2("od-dataset", d.slug()),
            lead: chrome.t2("od-lead", d.slug()),
        })
        .collect();
    render(IndexPage { chrome, datasets })
}

#[derive(Template)]
#[template(path = "transparency/dataset.html")]
struct DatasetPage {
    chrome: Chrome,
    slug: &'static str,
    lead: String,
    fields: String,
    period: String,
    periods: Vec<(String, String, bool)>,
    as_of: String,
    headers: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
    chart: String,
    map: Option<String>,
    suppressed: usize,
}

impl DatasetPage {
    fn suppressed_text(&self) -> String {
        self.chrome.tn("od-suppressed", self.suppressed)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PeriodQuery {
    period: Option<String>,
}

fn period_label(chrome: &Chrome, p: Period) -> String {
    match p {
        Period::Year(y) => y.to_string(),
        Period::Latest => chrome.t("od-period-latest"),
    }
}

/// One dataset: description, chart, map, table and downloads.
pub async fn dataset(
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Html<String>, WebError> {
    let d = Dataset::parse(&slug).ok_or(WebError::NotFound)?;
    let all = periods(&ctx, d).await?;
    let period = match q.period.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => parse_period(&ctx, d, s).await?,
        None => all[0],
    };
    let title = ctx.chrome("od-title").t2("od-dataset", d.slug());
    let chrome = ctx.chrome("od-title").with_title(title.clone());
    let laid = read(&ctx, &chrome, d, period).await?;
    let name = |h: &Heading| chrome.name(&h.name_ar, &h.name_fr).to_owned();
    let mut headers = vec![chrome.t2("od-rows", d.slug())];
    headers.extend(laid.columns.iter().map(name));
    headers.push(chrome.t("od-total"));
    let grid = laid.published.grid(&labels());
    let mut rows: Vec<(String, Vec<String>)> = laid
        .rows
        .iter()
        .zip(&grid)
        .map(|(h, cells)| {
            (
                name(h),
                cells.iter().map(|c| rendered_text(c, &chrome)).collect(),
            )
        })
        .collect();
    if let Some(last) = grid.last() {
        rows.push((
            chrome.t("od-total"),
            last.iter().map(|c| rendered_text(c, &chrome)).collect(),
        ));
    }

    let direction = if chrome.dir() == "rtl" {
        Direction::Rtl
    } else {
        Direction::Ltr
    };
    let fmt = |v: f64| jisr_i18n::format_count(chrome.locale, v.round() as i64);
    let row_totals: Vec<f64> = laid
        .published
        .row_totals
        .iter()
        .map(|c| c.shown().map_or(f64::NAN, |n| n as f64))
        .collect();
    let data = Categorical {
        category_header: chrome.t2("od-rows", d.slug()),
        categories: laid.rows.iter().map(name).collect(),
        series: vec![Series::new(chrome.t("od-total"), row_totals)],
    };
    let chart_height = 60.0 + 34.0 * laid.rows.len().max(1) as f64;
    let chart = jisr_charts::bars(
        &Frame::new(
            format!("od-{}-bars", d.slug()),
            chrome.t2("od-chart", d.slug()),
            chrome.t("od-chart-desc"),
            direction,
        )
        .size(720.0, chart_height)
        .lang(chrome.lang()),
        &data,
        Orientation::Horizontal,
        &fmt,
    );
    let map = d.by_region().then(|| {
        let values: BTreeMap<String, f64> = laid
            .columns
            .iter()
            .zip(&laid.published.column_totals)
            // A region with none is drawn with the withheld ones ("none, or withheld"):
            // classes then separate the regions that have some.
            .filter_map(|(h, c)| {
                c.shown()
                    .filter(|n| *n > 0)
                    .map(|n| (h.code.clone(), n as f64))
            })
            .collect();
        let area_name = |a: &jisr_charts::Area| chrome.name(&a.name_ar, &a.name_fr).to_owned();
        let link = |a: &jisr_charts::Area| Some(format!("/territories/regions/{}", a.code));
        jisr_charts::choropleth(
            &Frame::new(
                format!("od-{}-map", d.slug()),
                chrome.t2("od-map", d.slug()),
                chrome.t("od-map-desc"),
                direction,
            )
            .size(640.0, 560.0)
            .lang(chrome.lang()),
            &Choropleth {
                areas: jisr_charts::boundaries(Level::Region),
                values: &values,
                classification: Classification::Jenks(5),
                name: &area_name,
                link: Some(&link),
                legend_title: chrome.t2("od-dataset", d.slug()),
                no_data: chrome.t("od-no-data"),
                area_header: chrome.t("od-region"),
                value_header: chrome.t("od-total"),
            },
            &fmt,
        )
    });
    let periods = all
        .iter()
        .map(|p| (p.as_string(), period_label(&chrome, *p), *p == period))
        .collect();
    render(DatasetPage {
        lead: chrome.t2("od-lead", d.slug()),
        fields: chrome.t2("od-fields", d.slug()),
        period: period.as_string(),
        periods,
        as_of: chrome.time(&laid.at),
        headers,
        rows,
        chart,
        map,
        suppressed: laid.published.suppressed_count(),
        slug: d.slug(),
        chrome,
    })
}

/// One record of the tidy files: a cell of the table, or a total (`total` as code).
#[derive(serde::Serialize)]
struct Record<'a> {
    dataset: &'static str,
    period: &'a str,
    row_code: &'a str,
    row_name_ar: &'a str,
    row_name_fr: &'a str,
    column_code: &'a str,
    column_name_ar: &'a str,
    column_name_fr: &'a str,
    value: &'a Rendered,
}

fn total_heading() -> Heading {
    Heading {
        code: "total".into(),
        name_ar: "المجموع".into(),
        name_fr: "Total".into(),
    }
}

/// `/open-data/<dataset>/<period>.csv` or `.json`: the same figures as the page, one
/// record per cell and per total, names in both languages.
pub async fn download(
    ctx: Ctx,
    Path((slug, file)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let d = Dataset::parse(&slug).ok_or(WebError::NotFound)?;
    let (period_text, csv) = match (file.strip_suffix(".csv"), file.strip_suffix(".json")) {
        (Some(p), _) => (p, true),
        (_, Some(p)) => (p, false),
        _ => return Err(WebError::NotFound),
    };
    let period = parse_period(&ctx, d, period_text).await?;
    let chrome = ctx.chrome("od-title");
    let laid = read(&ctx, &chrome, d, period).await?;
    let grid = laid.published.grid(&labels());
    let total = total_heading();
    let period = period.as_string();
    let mut records = Vec::new();
    let row_heads: Vec<&Heading> = laid.rows.iter().chain(std::iter::once(&total)).collect();
    let column_heads: Vec<&Heading> = laid.columns.iter().chain(std::iter::once(&total)).collect();
    for (r, cells) in row_heads.iter().zip(&grid) {
        for (c, value) in column_heads.iter().zip(cells) {
            records.push(Record {
                dataset: d.slug(),
                period: &period,
                row_code: &r.code,
                row_name_ar: &r.name_ar,
                row_name_fr: &r.name_fr,
                column_code: &c.code,
                column_name_ar: &c.name_ar,
                column_name_fr: &c.name_fr,
                value,
            });
        }
    }
    let name = format!("jisr-{}-{}", d.slug(), period);
    if csv {
        let mut w = csv::Writer::from_writer(Vec::new());
        for r in &records {
            w.serialize(r)
                .map_err(|e| WebError::Internal(e.to_string()))?;
        }
        let body = w
            .into_inner()
            .map_err(|e| WebError::Internal(e.to_string()))?;
        Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.csv\""),
                ),
            ],
            body,
        )
            .into_response())
    } else {
        let body = serde_json::json!({
            "dataset": d.slug(),
            "period": period,
            "as_of": laid.at,
            "source": "Jisr",
            "licence": "CC-BY-4.0",
            "suppression": {
                "threshold": THRESHOLD,
                "small": SMALL,
                "withheld": WITHHELD,
            },
            "records": records,
        });
        Ok((
            [
                (header::CONTENT_TYPE, "application/json".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("inline; filename=\"{name}.json\""),
                ),
            ],
            body.to_string(),
        )
            .into_response())
    }
}

#[derive(Template)]
#[template(path = "transparency/coverage.html")]
struct CoveragePage {
    chrome: Chrome,
    categories: Vec<(String, String, bool)>,
    method: String,
    map: String,
    rows: Vec<CoverageRow>,
    as_of: String,
}

/// One province of the ranking.
struct CoverageRow {
    rank: usize,
    code: String,
    name: String,
    target: String,
    places: String,
    rate: String,
    waiting: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CoverageQuery {
    category: String,
}

/// Need against supply: per province, a category's authorised places against the
/// persons it serves (estimated from the census), ranked from the widest gap; the
/// applications waiting for a place beside them.
pub async fn coverage(ctx: Ctx, Query(q): Query<CoverageQuery>) -> Result<Html<String>, WebError> {
    use jisr_domain::coverage::{Coverage, rate, target_population};
    let data = Coverage::shipped();
    let store = &ctx.state.store;
    let categories = transparency::categories(store).await?;
    let category = if q.category.is_empty() {
        "disability".to_owned()
    } else {
        q.category.clone()
    };
    let goal = data.target(&category).ok_or(WebError::NotFound)?;
    if !categories.iter().any(|c| c.code == category) {
        return Err(WebError::NotFound);
    }
    let chrome = ctx.chrome("cov-title");
    let places: BTreeMap<String, u64> = transparency::category_places_by_province(store, &category)
        .await?
        .into_iter()
        .collect();
    let waiting: BTreeMap<String, u64> = transparency::waiting_by_province(store, &category)
        .await?
        .into_iter()
        .collect();
    let provinces = transparency::provinces(store).await?;
    // Waiting counts are persons: published with disclosure control over the list.
    let waiting_list: Vec<u64> = provinces
        .iter()
        .map(|p| waiting.get(&p.code).copied().unwrap_or(0))
        .collect();
    let waiting_published = jisr_disclosure::suppress_list(&waiting_list, THRESHOLD);
    let waiting_cells = waiting_published.render(&labels());
    struct Line<'a> {
        heading: &'a Heading,
        target: Option<f64>,
        places: u64,
        rate: Option<f64>,
        waiting: String,
    }
    let mut lines: Vec<Line> = provinces
        .iter()
        .zip(&waiting_cells)
        .map(|(h, w)| {
            let target = data
                .provinces
                .get(&h.code)
                .and_then(|ind| target_population(ind, goal));
            let places = places.get(&h.code).copied().unwrap_or(0);
            Line {
                heading: h,
                target,
                places,
                rate: target.and_then(|t| rate(places, t, goal.per)),
                waiting: rendered_text(w, &chrome),
            }
        })
        .collect();
    // The widest gaps first: the lowest rate, and among equal rates the most persons.
    lines.sort_by(|a, b| {
        let ra = a.rate.unwrap_or(f64::INFINITY);
        let rb = b.rate.unwrap_or(f64::INFINITY);
        ra.total_cmp(&rb)
            .then(b.target.unwrap_or(0.0).total_cmp(&a.target.unwrap_or(0.0)))
    });
    let num = |n: i64| jisr_i18n::format_count(chrome.locale, n);
    let per = goal.per;
    let rows: Vec<CoverageRow> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| CoverageRow {
            rank: i + 1,
            code: l.heading.code.clone(),
            name: chrome
                .name(&l.heading.name_ar, &l.heading.name_fr)
                .to_owned(),
            // Estimates: to the nearest hundred persons.
            target: l
                .target
                .map(|t| num(((t / 100.0).round() * 100.0) as i64))
                .unwrap_or_else(|| "—".into()),
            places: num(l.places as i64),
            rate: l
                .rate
                .map(|r| format!("{r:.1}"))
                .unwrap_or_else(|| "—".into()),
            waiting: l.waiting.clone(),
        })
        .collect();
    let values: BTreeMap<String, f64> = lines
        .iter()
        .filter_map(|l| {
            l.rate
                .filter(|r| *r > 0.0)
                .map(|r| (l.heading.code.clone(), r))
        })
        .collect();
    let direction = if chrome.dir() == "rtl" {
        Direction::Rtl
    } else {
        Direction::Ltr
    };
    let fmt = |v: f64| format!("{v:.1}");
    let area_name = |a: &jisr_charts::Area| chrome.name(&a.name_ar, &a.name_fr).to_owned();
    let link = |a: &jisr_charts::Area| Some(format!("/territories/provinces/{}", a.code));
    let rate_label = chrome.t1("cov-rate", "per", &num(i64::from(per)));
    let map = jisr_charts::choropleth(
        &Frame::new(
            "cov-map",
            chrome.t("cov-map-title"),
            chrome.t("cov-map-desc"),
            direction,
        )
        .size(640.0, 620.0)
        .lang(chrome.lang()),
        &Choropleth {
            areas: jisr_charts::boundaries(Level::Province),
            values: &values,
            classification: Classification::Jenks(5),
            name: &area_name,
            link: Some(&link),
            legend_title: rate_label.clone(),
            no_data: chrome.t("cov-no-places"),
            area_header: chrome.t("fig-province"),
            value_header: rate_label,
        },
        &fmt,
    );
    let category_choices = categories
        .iter()
        .filter(|c| data.target(&c.code).is_some())
        .map(|c| {
            (
                c.code.clone(),
                chrome.name(&c.name_ar, &c.name_fr).to_owned(),
                c.code == category,
            )
        })
        .collect();
    render(CoveragePage {
        method: chrome.targs(
            "cov-method",
            &[
                ("target", chrome.t2("cov-target", &category)),
                ("per", num(i64::from(per))),
            ],
        ),
        categories: category_choices,
        map,
        rows,
        as_of: chrome.time(&jisr_store::now_text()),
        chrome,
    })
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::get;
    Routes::new()
        .add(Method::GET, "/open-data", "/open-data", Public, get(index))
        .add(
            Method::GET,
            "/open-data/coverage",
            "/open-data/coverage?category=disability",
            Public,
            get(coverage),
        )
        .add(
            Method::GET,
            "/open-data/{dataset}",
            "/open-data/establishments",
            Public,
            get(dataset),
        )
        .add(
            Method::GET,
            "/open-data/{dataset}/{file}",
            "/open-data/places/latest.csv",
            Public,
            get(download),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(code: &str) -> Heading {
        Heading {
            code: code.into(),
            name_ar: code.into(),
            name_fr: code.into(),
        }
    }

    #[test]
    fn counts_are_laid_out_by_heading_and_small_ones_withheld() {
        let rows = [h("a"), h("b")];
        let columns = [h("x"), h("y")];
        let counts = [
            Count {
                row: "a".into(),
                column: "x".into(),
                n: 3,
            },
            Count {
                row: "a".into(),
                column: "y".into(),
                n: 20,
            },
            Count {
                row: "b".into(),
                column: "x".into(),
                n: 30,
            },
            Count {
                row: "b".into(),
                column: "y".into(),
                n: 40,
            },
            Count {
                row: "unknown".into(),
                column: "x".into(),
                n: 7,
            },
        ];
        let p = lay_out(&rows, &columns, &counts);
        assert!(p.cell(0, 0).is_suppressed(), "3 is withheld");
        // Its row and column each hold a second withheld figure, so it cannot be
        // recovered from the totals.
        assert!(
            p.cells[0]
                .iter()
                .chain([&p.row_totals[0]])
                .filter(|c| c.is_suppressed())
                .count()
                >= 2
        );
        assert!(
            [p.cell(0, 0), p.cell(1, 0), p.column_totals[0]]
                .iter()
                .filter(|c| c.is_suppressed())
                .count()
                >= 2
        );
        assert_eq!(p.row_totals[1].shown(), Some(70));
        assert_eq!(
            p.grand_total().shown(),
            Some(93),
            "the unknown row is left out"
        );
    }
}
