//! What is published: each figure shown or suppressed, and its rendering for CSV or JSON.

use serde::Serialize;

use crate::engine::{Problem, solve};
use crate::table::Table;

/// Why a figure is suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The figure itself is a small count (`1..threshold`).
    Primary,
    /// The figure is not small, but showing it would let a small one be recomputed.
    Secondary,
}

/// One published figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    /// The figure is published as it is.
    Shown(u64),
    /// The figure is withheld.
    Suppressed(Reason),
}

impl Cell {
    /// Whether the figure is withheld.
    pub fn is_suppressed(self) -> bool {
        matches!(self, Cell::Suppressed(_))
    }

    /// The figure, if shown.
    pub fn shown(self) -> Option<u64> {
        match self {
            Cell::Shown(n) => Some(n),
            Cell::Suppressed(_) => None,
        }
    }

    /// The figure rendered with the caller's labels.
    pub fn render(self, labels: &Labels) -> Rendered {
        match self {
            Cell::Shown(n) => Rendered::Number(n),
            Cell::Suppressed(Reason::Primary) => Rendered::Label(labels.primary.clone()),
            Cell::Suppressed(Reason::Secondary) => Rendered::Label(labels.secondary.clone()),
        }
    }
}

/// The texts shown in place of suppressed figures (translated by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// For a small count, e.g. `"< 5"`.
    pub primary: String,
    /// For a figure withheld to protect a small one, e.g. `"s"` or `"…"`.
    pub secondary: String,
}

impl Labels {
    /// Different labels for small counts and for complementary cells.
    ///
    /// Honest (a complementary cell is not "< 5"), but it tells a reader which withheld
    /// figures are the small ones, which narrows what they can infer.
    pub fn new(primary: impl Into<String>, secondary: impl Into<String>) -> Labels {
        Labels {
            primary: primary.into(),
            secondary: secondary.into(),
        }
    }

    /// One neutral label for every withheld figure (e.g. `"s"`, explained in a note).
    pub fn same(label: impl Into<String>) -> Labels {
        let label = label.into();
        Labels {
            primary: label.clone(),
            secondary: label,
        }
    }
}

/// A rendered figure: a number, or the label of a withheld one.
///
/// Serialises to JSON as a bare number or string (`12` or `"< 5"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Rendered {
    /// A shown count.
    Number(u64),
    /// The label of a withheld figure.
    Label(String),
}

impl std::fmt::Display for Rendered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rendered::Number(n) => write!(f, "{n}"),
            Rendered::Label(s) => f.write_str(s),
        }
    }
}

/// A 2-D table as published: cells, row totals, column totals and the grand total.
///
/// Its own `Serialize` keeps the reason of each suppression (for internal review and
/// tests); what goes to the public is [`Published::grid`] or [`Published::string_grid`]
/// with the caller's [`Labels`], which show only what the labels say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Published {
    /// The cells, row by row.
    pub cells: Vec<Vec<Cell>>,
    /// The total of each row.
    pub row_totals: Vec<Cell>,
    /// The total of each column.
    pub column_totals: Vec<Cell>,
    /// The grand total.
    pub grand_total: Cell,
}

impl Published {
    /// The published cell at `row`, `column` (panics out of range).
    pub fn cell(&self, row: usize, column: usize) -> Cell {
        self.cells[row][column]
    }

    /// The published grand total.
    pub fn grand_total(&self) -> Cell {
        self.grand_total
    }

    /// Number of suppressed figures, margins included.
    pub fn suppressed_count(&self) -> usize {
        self.cells
            .iter()
            .flatten()
            .chain(&self.row_totals)
            .chain(&self.column_totals)
            .chain(std::iter::once(&self.grand_total))
            .filter(|c| c.is_suppressed())
            .count()
    }

    /// The table with its margins as a grid: each row followed by its total, then the
    /// row of column totals ending with the grand total. Ready for a CSV writer (with
    /// `to_string`) or JSON (`serde_json::to_value`); headers are the caller's.
    pub fn grid(&self, labels: &Labels) -> Vec<Vec<Rendered>> {
        let mut out: Vec<Vec<Rendered>> = self
            .cells
            .iter()
            .zip(&self.row_totals)
            .map(|(row, total)| {
                row.iter()
                    .chain(std::iter::once(total))
                    .map(|c| c.render(labels))
                    .collect()
            })
            .collect();
        out.push(
            self.column_totals
                .iter()
                .chain(std::iter::once(&self.grand_total))
                .map(|c| c.render(labels))
                .collect(),
        );
        out
    }

    /// Same as [`Published::grid`], every figure as a string (for CSV).
    pub fn string_grid(&self, labels: &Labels) -> Vec<Vec<String>> {
        self.grid(labels)
            .into_iter()
            .map(|r| r.into_iter().map(|c| c.to_string()).collect())
            .collect()
    }
}

/// A 1-D list as published: each count, and the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublishedList {
    /// The counts, in the given order.
    pub values: Vec<Cell>,
    /// The total of the list.
    pub total: Cell,
}

impl PublishedList {
    /// The counts followed by the total, rendered with the caller's labels.
    pub fn render(&self, labels: &Labels) -> Vec<Rendered> {
        self.values
            .iter()
            .chain(std::iter::once(&self.total))
            .map(|c| c.render(labels))
            .collect()
    }
}

fn to_cell(value: u64, state: Option<Reason>) -> Cell {
    match state {
        None => Cell::Shown(value),
        Some(reason) => Cell::Suppressed(reason),
    }
}

pub(crate) fn suppress_table(table: &Table, threshold: u64) -> Published {
    let (r, c) = (table.rows(), table.columns());
    // Entries: cells in reading order, then row totals, then column totals, then grand.
    let cell = |i: usize, j: usize| i * c + j;
    let row_total = |i: usize| r * c + i;
    let column_total = |j: usize| r * c + r + j;
    let grand = r * c + r + c;

    let mut values: Vec<u64> = table.cells().iter().flatten().copied().collect();
    values.extend(table.row_totals());
    values.extend(table.column_totals());
    values.push(table.grand_total());
    let mut is_total = vec![false; r * c];
    is_total.resize(values.len(), true);

    let mut lines = Vec::with_capacity(r + c + 2);
    for i in 0..r {
        let mut line: Vec<usize> = (0..c).map(|j| cell(i, j)).collect();
        line.push(row_total(i));
        lines.push(line);
    }
    for j in 0..c {
        let mut line: Vec<usize> = (0..r).map(|i| cell(i, j)).collect();
        line.push(column_total(j));
        lines.push(line);
    }
    let mut line: Vec<usize> = (0..c).map(column_total).collect();
    line.push(grand);
    lines.push(line);
    let mut line: Vec<usize> = (0..r).map(row_total).collect();
    line.push(grand);
    lines.push(line);

    let problem = Problem {
        values,
        is_total,
        lines,
    };
    let state = solve(&problem, threshold);
    let at = |e: usize| to_cell(problem.values[e], state[e]);
    Published {
        cells: (0..r)
            .map(|i| (0..c).map(|j| at(cell(i, j))).collect())
            .collect(),
        row_totals: (0..r).map(|i| at(row_total(i))).collect(),
        column_totals: (0..c).map(|j| at(column_total(j))).collect(),
        grand_total: at(grand),
    }
}

pub(crate) fn suppress_list(values: &[u64], threshold: u64) -> PublishedList {
    let n = values.len();
    let mut all = values.to_vec();
    all.push(values.iter().fold(0u64, |a, &v| a.saturating_add(v)));
    let mut is_total = vec![false; n];
    is_total.push(true);
    let problem = Problem {
        values: all,
        is_total,
        lines: vec![(0..=n).collect()],
    };
    let state = solve(&problem, threshold);
    PublishedList {
        values: (0..n)
            .map(|e| to_cell(problem.values[e], state[e]))
            .collect(),
        total: to_cell(problem.values[n], state[n]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: Cell = Cell::Suppressed(Reason::Primary);
    const S: Cell = Cell::Suppressed(Reason::Secondary);

    fn t(rows: Vec<Vec<u64>>) -> Table {
        Table::new(rows).unwrap()
    }

    #[test]
    fn a_table_without_small_counts_is_shown_whole() {
        let p = suppress_table(&t(vec![vec![5, 0], vec![7, 12]]), 5);
        assert_eq!(p.suppressed_count(), 0);
        assert_eq!(p.row_totals, vec![Cell::Shown(5), Cell::Shown(19)]);
    }

    #[test]
    fn one_small_cell_costs_a_rectangle_of_four() {
        // 3 is small; the smallest partner in its row is 10, in its column 8; then 12
        // closes the rectangle, and every margin stays shown.
        let p = suppress_table(&t(vec![vec![3, 10, 20], vec![8, 12, 30]]), 5);
        assert_eq!(
            p.cells,
            vec![vec![P, S, Cell::Shown(20)], vec![S, S, Cell::Shown(30)]]
        );
        assert_eq!(p.suppressed_count(), 4);
        assert!(p.row_totals.iter().all(|c| !c.is_suppressed()));
        assert!(p.column_totals.iter().all(|c| !c.is_suppressed()));
    }

    #[test]
    fn two_small_cells_in_a_row_and_a_column_protect_each_other() {
        // 1 and 2 share row 0; 1 and 4 share column 0: 4 needs a partner in row 1 (7),
        // then 2's column has only 2 and 7 ... each line ends with two suppressed.
        let p = suppress_table(&t(vec![vec![1, 2, 50], vec![4, 7, 60], vec![9, 8, 70]]), 5);
        assert_eq!(p.cell(0, 0), P);
        assert_eq!(p.cell(0, 1), P);
        assert_eq!(p.cell(1, 0), P);
        assert_eq!(p.cell(1, 1), S);
        assert_eq!(p.suppressed_count(), 4);
    }

    #[test]
    fn a_small_total_is_suppressed_with_its_row() {
        // Row 0 adds up to 3: its cells and its total are all small.
        let p = suppress_table(&t(vec![vec![1, 2], vec![20, 30]]), 5);
        assert_eq!(p.row_totals[0], P);
        assert_eq!(p.cell(0, 0), P);
        assert_eq!(p.cell(0, 1), P);
        // Columns then need a partner each: 20 and 30, and the column of row totals
        // needs one more: the row total 50 (the smallest other figure of that line).
        assert_eq!(p.cell(1, 0), S);
        assert_eq!(p.cell(1, 1), S);
        assert_eq!(p.row_totals[1], S);
        assert_eq!(p.grand_total, Cell::Shown(53));
    }

    #[test]
    fn zeros_are_shown_and_never_used_as_partners() {
        let p = suppress_table(&t(vec![vec![3, 0, 9], vec![0, 0, 11]]), 5);
        assert_eq!(p.cell(0, 1), Cell::Shown(0));
        assert_eq!(p.cell(1, 0), Cell::Shown(0));
        // 3's column has only zeros beside it: its column total (3, itself small) is
        // suppressed, so the row of column totals needs a partner.
        assert_eq!(p.column_totals[0], P);
        assert!(p.cell(0, 2).is_suppressed());
    }

    #[test]
    fn a_list_suppresses_the_smallest_other_count() {
        let p = suppress_list(&[12, 3, 8, 30], 5);
        assert_eq!(p.values, vec![Cell::Shown(12), P, S, Cell::Shown(30)]);
        assert_eq!(p.total, Cell::Shown(53));
        let p = suppress_list(&[3], 5);
        assert_eq!(p.values, vec![P]);
        assert_eq!(p.total, P);
        let p = suppress_list(&[1, 2, 40], 5);
        assert_eq!(p.values, vec![P, P, Cell::Shown(40)]);
    }

    #[test]
    fn rendering_uses_the_callers_labels() {
        let p = suppress_table(&t(vec![vec![3, 10], vec![8, 12]]), 5);
        let grid = p.string_grid(&Labels::new("< 5", "s"));
        assert_eq!(
            grid,
            vec![
                vec!["< 5", "s", "13"],
                vec!["s", "s", "20"],
                vec!["11", "22", "33"]
            ]
        );
        let json = serde_json::to_string(&p.grid(&Labels::same("x"))).unwrap();
        assert_eq!(json, r#"[["x","x",13],["x","x",20],[11,22,33]]"#);
    }

    #[test]
    fn it_is_deterministic() {
        let table = t(vec![
            vec![3, 10, 10, 4],
            vec![10, 3, 10, 10],
            vec![4, 10, 10, 3],
        ]);
        assert_eq!(suppress_table(&table, 5), suppress_table(&table, 5));
    }
}

#[cfg(test)]
mod limits {
    use super::*;

    /// The limit stated in the crate's documentation, pinned down: with labels that tell
    /// a small count from a complementary one, bounds can give a pair away.
    #[test]
    fn bounds_can_pin_a_pair_when_labels_differ() {
        let p = suppress_list(&[1, 5, 40], 5);
        assert_eq!(
            p.values,
            vec![
                Cell::Suppressed(Reason::Primary),
                Cell::Suppressed(Reason::Secondary),
                Cell::Shown(40)
            ]
        );
        assert_eq!(p.total, Cell::Shown(46));
        // Total minus shown: the two withheld add up to 6. A reader who knows the first
        // is in 1..=4 and the second at least 5 finds 1 and 5. With one label for both
        // they only know both are at least 1: anything from 1 + 5 to 5 + 1.
        let residual = 46 - 40;
        let pairs: Vec<(u64, u64)> = (1..=4u64)
            .filter_map(|x| (residual - x >= 5).then_some((x, residual - x)))
            .collect();
        assert_eq!(pairs, vec![(1, 5)]);
    }
}
