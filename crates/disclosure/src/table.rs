//! The table of counts to publish.

use std::fmt;

/// A rectangular table of non-negative counts (rows × columns), with its margins.
///
/// The margins are computed from the cells, so they always add up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    cells: Vec<Vec<u64>>,
    columns: usize,
}

/// Why a table could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShapeError {
    /// The table has no row or no column.
    Empty,
    /// Row `row` has `found` cells where the first row has `expected`.
    Ragged {
        /// Index of the offending row.
        row: usize,
        /// Number of cells of the first row.
        expected: usize,
        /// Number of cells of this row.
        found: usize,
    },
    /// A total does not fit in 64 bits.
    Overflow,
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShapeError::Empty => write!(f, "the table has no cell"),
            ShapeError::Ragged {
                row,
                expected,
                found,
            } => write!(f, "row {row} has {found} cells, expected {expected}"),
            ShapeError::Overflow => write!(f, "a total does not fit in 64 bits"),
        }
    }
}

impl std::error::Error for ShapeError {}

impl Table {
    /// Builds a table from its rows; every row must have the same, non-zero, length.
    pub fn new(cells: Vec<Vec<u64>>) -> Result<Table, ShapeError> {
        let columns = cells.first().map(Vec::len).unwrap_or(0);
        if cells.is_empty() || columns == 0 {
            return Err(ShapeError::Empty);
        }
        if let Some((row, r)) = cells.iter().enumerate().find(|(_, r)| r.len() != columns) {
            return Err(ShapeError::Ragged {
                row,
                expected: columns,
                found: r.len(),
            });
        }
        let mut grand: u64 = 0;
        for r in &cells {
            for &v in r {
                grand = grand.checked_add(v).ok_or(ShapeError::Overflow)?;
            }
        }
        Ok(Table { cells, columns })
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.cells.len()
    }

    /// Number of columns.
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// The count at `row`, `column` (panics out of range).
    pub fn cell(&self, row: usize, column: usize) -> u64 {
        self.cells[row][column]
    }

    /// The cells, row by row.
    pub fn cells(&self) -> &[Vec<u64>] {
        &self.cells
    }

    /// The total of each row.
    pub fn row_totals(&self) -> Vec<u64> {
        self.cells.iter().map(|r| r.iter().sum()).collect()
    }

    /// The total of each column.
    pub fn column_totals(&self) -> Vec<u64> {
        (0..self.columns)
            .map(|j| self.cells.iter().map(|r| r[j]).sum())
            .collect()
    }

    /// The total of every cell.
    pub fn grand_total(&self) -> u64 {
        self.cells.iter().flatten().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_add_up() {
        let t = Table::new(vec![vec![1, 2, 3], vec![4, 5, 6]]).unwrap();
        assert_eq!(t.row_totals(), vec![6, 15]);
        assert_eq!(t.column_totals(), vec![5, 7, 9]);
        assert_eq!(t.grand_total(), 21);
    }

    #[test]
    fn bad_shapes_are_refused() {
        assert_eq!(Table::new(vec![]), Err(ShapeError::Empty));
        assert_eq!(Table::new(vec![vec![]]), Err(ShapeError::Empty));
        assert_eq!(
            Table::new(vec![vec![1, 2], vec![3]]),
            Err(ShapeError::Ragged {
                row: 1,
                expected: 2,
                found: 1
            })
        );
        assert_eq!(
            Table::new(vec![vec![u64::MAX, 1]]),
            Err(ShapeError::Overflow)
        );
    }
}
