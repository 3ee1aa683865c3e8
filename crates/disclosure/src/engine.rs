//! The suppression procedure on any set of additive lines.
//!
//! A publication is a list of figures (entries) and a list of lines; each line is a set of
//! entries of which one is the sum of the others. Which one is the sum does not matter to
//! the rule: a line with exactly one unknown entry gives it away, whichever it is.

use crate::published::Reason;

/// Figures and the lines that tie them.
pub(crate) struct Problem {
    /// The value of each entry.
    pub values: Vec<u64>,
    /// Whether each entry is a total (used only to break ties: inner cells go first).
    pub is_total: Vec<bool>,
    /// The entries of each line.
    pub lines: Vec<Vec<usize>>,
}

/// Decides which entries are suppressed, and why.
pub(crate) fn solve(problem: &Problem, threshold: u64) -> Vec<Option<Reason>> {
    let mut state: Vec<Option<Reason>> = problem
        .values
        .iter()
        .map(|&v| (v >= 1 && v < threshold).then_some(Reason::Primary))
        .collect();
    // Every pass adds one suppression, so this ends after at most `values.len()` passes.
    while let Some(line) = problem
        .lines
        .iter()
        .find(|line| line.iter().filter(|&&e| state[e].is_some()).count() == 1)
    {
        let choice = line
            .iter()
            .copied()
            .filter(|&e| state[e].is_none() && problem.values[e] > 0)
            .min_by_key(|&e| (problem.values[e], problem.is_total[e], e));
        match choice {
            Some(e) => state[e] = Some(Reason::Secondary),
            // Cannot happen: the single suppressed entry is non-zero, so either it is a
            // member and the line's total is a non-zero shown entry, or it is the total
            // and some member is non-zero and shown. Stop rather than loop if it did.
            None => break,
        }
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_small_entry_takes_the_smallest_other_non_zero_one() {
        let p = Problem {
            values: vec![2, 0, 9, 6, 17],
            is_total: vec![false, false, false, false, true],
            lines: vec![vec![0, 1, 2, 3, 4]],
        };
        let s = solve(&p, 5);
        assert_eq!(
            s,
            vec![
                Some(Reason::Primary),
                None,
                None,
                Some(Reason::Secondary),
                None
            ]
        );
    }

    #[test]
    fn nothing_small_means_nothing_suppressed() {
        let p = Problem {
            values: vec![0, 5, 5],
            is_total: vec![false, false, true],
            lines: vec![vec![0, 1, 2]],
        };
        assert!(solve(&p, 5).iter().all(Option::is_none));
    }
}
