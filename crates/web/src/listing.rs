//! The shared sortable, paged table of the staff lists. Each list names its sortable
//! columns (query value → the store's typed sort key); the sort, direction and page come
//! from the query string and go to the database query; the links of the column headers
//! and of the pager keep the list's filters. An unknown sort or direction falls back to
//! the list's default order, an unreadable or too large page to the nearest one.

use crate::view::{Chrome, encode_path};
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use jisr_store::listing::{Direction, Page};
use serde::Deserialize;

/// The sort, direction and page of a list, as typed in the address.
#[derive(Deserialize, Default, Clone, Debug)]
#[serde(default)]
pub struct ListParams {
    pub sort: String,
    pub dir: String,
    pub page: String,
}

/// A list's sortable columns: the query value, the store's key and the direction a
/// first click sorts in.
pub struct Columns<K: 'static> {
    pub columns: &'static [(&'static str, K, Direction)],
    /// The query value of the default order, with its direction.
    pub default: (&'static str, Direction),
}

/// The order chosen: query value, the store's key and the direction.
pub struct Sorting<K> {
    pub name: &'static str,
    pub key: K,
    pub dir: Direction,
}

impl<K: Copy> Columns<K> {
    /// Reads the sort and direction of `p`, falling back to the default order.
    pub fn parse(&self, p: &ListParams) -> Sorting<K> {
        let found = self.columns.iter().find(|(name, _, _)| *name == p.sort);
        let (name, key, first) = match found {
            Some(c) => *c,
            None => *self
                .columns
                .iter()
                .find(|(name, _, _)| *name == self.default.0)
                .expect("the default order is one of the columns"),
        };
        let fallback = if found.is_some() {
            first
        } else {
            self.default.1
        };
        Sorting {
            name,
            key,
            dir: Direction::parse(&p.dir).unwrap_or(fallback),
        }
    }

    fn first_direction(&self, name: &str) -> Direction {
        self.columns
            .iter()
            .find(|(n, _, _)| *n == name)
            .map_or(Direction::Ascending, |(_, _, d)| *d)
    }
}

/// The page asked for (1 when missing or unreadable).
pub fn page_number(p: &ListParams) -> u64 {
    p.page.trim().parse::<u64>().unwrap_or(1).max(1)
}

/// What a list's template needs to draw its sortable headers and its pager.
pub struct Table {
    path: &'static str,
    /// The list's filters, kept in every link (empty ones left out).
    filters: Vec<(&'static str, String)>,
    sort: &'static str,
    dir: Direction,
    /// For each sortable column, the direction its first click sorts in.
    first: Vec<(&'static str, Direction)>,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
    /// "Page 2 of 5", translated.
    pub position: String,
    /// The id of the region htmx replaces.
    pub region: &'static str,
}

impl Table {
    #[allow(clippy::too_many_arguments)]
    pub fn new<K: Copy>(
        chrome: &Chrome,
        path: &'static str,
        region: &'static str,
        filters: Vec<(&'static str, String)>,
        columns: &Columns<K>,
        sorting: &Sorting<K>,
        page: Page,
        total: u64,
    ) -> Self {
        let pages = page.count(total);
        let fmt = |n: u64| jisr_i18n::format_count(chrome.locale, i64::try_from(n).unwrap_or(0));
        Self {
            path,
            filters: filters.into_iter().filter(|(_, v)| !v.is_empty()).collect(),
            sort: sorting.name,
            dir: sorting.dir,
            first: columns
                .columns
                .iter()
                .map(|(n, _, _)| (*n, columns.first_direction(n)))
                .collect(),
            page: page.number,
            pages,
            total,
            position: chrome.targs(
                "pager-position",
                &[("page", fmt(page.number)), ("pages", fmt(pages))],
            ),
            region,
        }
    }

    fn href(&self, sort: &str, dir: Direction, page: u64) -> String {
        let mut out = format!("{}?", self.path);
        for (name, value) in &self.filters {
            out.push_str(&format!("{name}={}&", encode_path(value)));
        }
        out.push_str(&format!("sort={sort}&dir={}", dir.as_str()));
        if page > 1 {
            out.push_str(&format!("&page={page}"));
        }
        out
    }

    /// The link of a column header: sorts by it, or flips the order when it is the
    /// sorted column; back to the first page.
    pub fn sort_href(&self, column: &str) -> String {
        let dir = if column == self.sort {
            self.dir.flipped()
        } else {
            self.first
                .iter()
                .find(|(n, _)| *n == column)
                .map_or(Direction::Ascending, |(_, d)| *d)
        };
        self.href(column, dir, 1)
    }

    pub fn is_sorted(&self, column: &str) -> bool {
        column == self.sort
    }

    /// The value of `aria-sort` on the sorted column.
    pub fn aria_sort(&self) -> &'static str {
        match self.dir {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }

    /// The arrow beside a header: up or down for the sorted column (vertical, so the
    /// same in both directions of writing), a double arrow for the others.
    pub fn arrow(&self, column: &str) -> &'static str {
        match (column == self.sort, self.dir) {
            (true, Direction::Ascending) => "↑",
            (true, Direction::Descending) => "↓",
            (false, _) => "↕",
        }
    }

    /// The link to another page of the same list and order.
    pub fn page_href(&self, page: u64) -> String {
        self.href(self.sort, self.dir, page)
    }

    pub fn has_prev(&self) -> bool {
        self.page > 1
    }

    pub fn has_next(&self) -> bool {
        self.page < self.pages
    }

    pub fn prev_href(&self) -> String {
        self.page_href(self.page.saturating_sub(1).max(1))
    }

    pub fn next_href(&self) -> String {
        self.page_href(self.page + 1)
    }

    /// The hidden fields of the filter form, so filtering keeps the order.
    pub fn sort_fields(&self) -> [(&'static str, &'static str); 2] {
        [("sort", self.sort), ("dir", self.dir.as_str())]
    }
}

/// The answer of a list: its table region alone for htmx (`fragment`), else the whole
/// page built around the region.
pub fn respond(
    fragment: bool,
    region: String,
    page: impl FnOnce(String) -> Result<Html<String>, crate::WebError>,
) -> Result<Response, crate::WebError> {
    let mut response = if fragment {
        Html(region).into_response()
    } else {
        page(region)?.into_response()
    };
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("HX-Request"));
    Ok(response)
}
