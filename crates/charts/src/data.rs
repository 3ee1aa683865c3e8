//! Chart inputs, and the same figures as a table.

use crate::frame::NumberFormat;

/// A named series of values, one per category (labels translated by the caller).
///
/// Non-finite values (`f64::NAN`) are missing: no bar or point, an empty table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The series' name (legend, table header).
    pub name: String,
    /// One value per category.
    pub values: Vec<f64>,
}

impl Series {
    /// A series.
    pub fn new(name: impl Into<String>, values: Vec<f64>) -> Series {
        Series {
            name: name.into(),
            values,
        }
    }
}

/// Values by category: the input of bars, stacked bars, lines and donuts.
#[derive(Debug, Clone, PartialEq)]
pub struct Categorical {
    /// Header of the category column in the table (e.g. "Région", "Mois").
    pub category_header: String,
    /// The categories (or periods, for lines), in order.
    pub categories: Vec<String>,
    /// The series; bars and donuts use the first one.
    pub series: Vec<Series>,
}

impl Categorical {
    /// One series from `(category, value)` pairs.
    pub fn single(
        category_header: impl Into<String>,
        value_header: impl Into<String>,
        pairs: Vec<(String, f64)>,
    ) -> Categorical {
        let (categories, values) = pairs.into_iter().unzip();
        Categorical {
            category_header: category_header.into(),
            categories,
            series: vec![Series::new(value_header, values)],
        }
    }

    /// The finite value of series `s` at category `i`.
    pub(crate) fn value(&self, s: usize, i: usize) -> Option<f64> {
        self.series
            .get(s)
            .and_then(|s| s.values.get(i))
            .copied()
            .filter(|v| v.is_finite())
    }

    /// The figures as a table with the first `series` series.
    pub(crate) fn table(&self, caption: &str, series: usize, fmt: &dyn NumberFormat) -> Table {
        let shown = self.series.len().min(series);
        let mut headers = vec![self.category_header.clone()];
        headers.extend(self.series.iter().take(shown).map(|s| s.name.clone()));
        let rows = self
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut row = vec![c.clone()];
                row.extend(
                    (0..shown).map(|s| self.value(s, i).map(|v| fmt.format(v)).unwrap_or_default()),
                );
                row
            })
            .collect();
        Table {
            caption: caption.to_string(),
            headers,
            rows,
            label_columns: 1,
        }
    }
}

/// The same figures as a chart, as a plain table for the page to show beside it.
///
/// Strings are not escaped: the page's template escapes them.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Table {
    /// The chart's title, for `<caption>`.
    pub caption: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of formatted cells, as many as headers; an empty string is a missing value.
    pub rows: Vec<Vec<String>>,
    /// How many leading columns are labels (row headers, `<th scope="row">`); the others
    /// hold formatted numbers (aligned to the end of the cell, say).
    pub label_columns: usize,
}
