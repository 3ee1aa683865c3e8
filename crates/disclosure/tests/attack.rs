//! Tries to recover suppressed figures the way a reader of the portal could.
//!
//! The attacker knows every shown figure and that each row, each column, the row of
//! column totals and the column of row totals add up. They solve any line with a single
//! unknown (total minus the shown figures, or the sum of the members), and any line whose
//! unknowns must add up to zero (then all are zero), and repeat with what they learned
//! until nothing new comes out. They must never learn a suppressed figure.

use jisr_disclosure::{Cell, Published, Table, suppress, suppress_list};
use proptest::prelude::*;

/// One additive line: `members` add up to `total` (indices into a flat list of figures).
struct Line {
    members: Vec<usize>,
    total: usize,
}

/// The figures of a publication as the attacker sees them, flat, plus the lines.
fn view(p: &Published) -> (Vec<Option<u64>>, Vec<Line>) {
    let (r, c) = (p.cells.len(), p.cells[0].len());
    let mut known: Vec<Option<u64>> = p.cells.iter().flatten().map(|c| c.shown()).collect();
    known.extend(p.row_totals.iter().map(|c| c.shown()));
    known.extend(p.column_totals.iter().map(|c| c.shown()));
    known.push(p.grand_total.shown());
    let cell = |i: usize, j: usize| i * c + j;
    let (rt, ct, g) = (r * c, r * c + r, r * c + r + c);
    let mut lines = Vec::new();
    for i in 0..r {
        lines.push(Line {
            members: (0..c).map(|j| cell(i, j)).collect(),
            total: rt + i,
        });
    }
    for j in 0..c {
        lines.push(Line {
            members: (0..r).map(|i| cell(i, j)).collect(),
            total: ct + j,
        });
    }
    lines.push(Line {
        members: (0..c).map(|j| ct + j).collect(),
        total: g,
    });
    lines.push(Line {
        members: (0..r).map(|i| rt + i).collect(),
        total: g,
    });
    (known, lines)
}

/// Runs the attack; returns the figures the attacker ends up knowing.
fn attack(mut known: Vec<Option<u64>>, lines: &[Line]) -> Vec<Option<u64>> {
    loop {
        let mut learned = false;
        for line in lines {
            let unknown_members: Vec<usize> = line
                .members
                .iter()
                .copied()
                .filter(|&e| known[e].is_none())
                .collect();
            let shown_sum: u64 = line.members.iter().filter_map(|&e| known[e]).sum();
            match (known[line.total], unknown_members.as_slice()) {
                (None, []) => {
                    known[line.total] = Some(shown_sum);
                    learned = true;
                }
                (Some(total), [only]) => {
                    known[*only] = Some(total - shown_sum);
                    learned = true;
                }
                (Some(total), several) if !several.is_empty() && total == shown_sum => {
                    for &e in several {
                        known[e] = Some(0);
                    }
                    learned = true;
                }
                _ => {}
            }
        }
        if !learned {
            return known;
        }
    }
}

/// The true figures of a table, flat in the same order as [`view`].
fn truth(t: &Table) -> Vec<u64> {
    let mut v: Vec<u64> = t.cells().iter().flatten().copied().collect();
    v.extend(t.row_totals());
    v.extend(t.column_totals());
    v.push(t.grand_total());
    v
}

/// Counts skewed to small values, so most tables have several small cells.
fn count() -> impl Strategy<Value = u64> {
    prop_oneof![3 => 0u64..6, 2 => 0u64..15, 1 => 0u64..200]
}

fn table() -> impl Strategy<Value = Table> {
    (1usize..7, 1usize..7)
        .prop_flat_map(|(r, c)| prop::collection::vec(prop::collection::vec(count(), c), r))
        .prop_map(|rows| Table::new(rows).unwrap())
}

/// A publication with primary suppression only, to show the attacker works.
fn primary_only(t: &Table, threshold: u64) -> Published {
    let mark = |v: u64| {
        if v >= 1 && v < threshold {
            Cell::Suppressed(jisr_disclosure::Reason::Primary)
        } else {
            Cell::Shown(v)
        }
    };
    Published {
        cells: t
            .cells()
            .iter()
            .map(|r| r.iter().map(|&v| mark(v)).collect())
            .collect(),
        row_totals: t.row_totals().into_iter().map(mark).collect(),
        column_totals: t.column_totals().into_iter().map(mark).collect(),
        grand_total: mark(t.grand_total()),
    }
}

#[test]
fn the_attacker_recovers_cells_when_only_small_ones_are_hidden() {
    let t = Table::new(vec![vec![3, 10, 20], vec![8, 12, 30]]).unwrap();
    let (known, lines) = view(&primary_only(&t, 5));
    let found = attack(known, &lines);
    assert_eq!(
        found[0],
        Some(3),
        "total minus shown cells gives the 3 away"
    );
    assert_eq!(found, truth(&t).into_iter().map(Some).collect::<Vec<_>>());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_suppressed_figure_is_ever_recovered(t in table(), threshold in 2u64..8) {
        let published = suppress(&t, threshold);
        let (known, lines) = view(&published);
        let hidden: Vec<usize> = known.iter().enumerate().filter(|(_, k)| k.is_none()).map(|(e, _)| e).collect();
        let found = attack(known, &lines);
        let real = truth(&t);
        for e in hidden {
            prop_assert!(found[e].is_none(), "figure {} (value {}) recovered from {:?}", e, real[e], published);
        }
        // Whatever the attacker did learn is right (the attack itself is sound).
        for (e, f) in found.iter().enumerate() {
            if let Some(v) = f {
                prop_assert_eq!(*v, real[e]);
            }
        }
    }

    #[test]
    fn no_small_count_is_shown(t in table(), threshold in 2u64..8) {
        let published = suppress(&t, threshold);
        let (known, _) = view(&published);
        for v in known.into_iter().flatten() {
            prop_assert!(v == 0 || v >= threshold, "{} shown", v);
        }
    }

    #[test]
    fn shown_figures_are_the_true_ones_and_zeros_stay_shown(t in table()) {
        let published = suppress(&t, 5);
        let (known, _) = view(&published);
        for (k, v) in known.iter().zip(truth(&t)) {
            match k {
                Some(k) => prop_assert_eq!(*k, v),
                None => prop_assert!(v > 0, "a zero was suppressed"),
            }
        }
    }

    #[test]
    fn a_list_never_gives_a_count_away(values in prop::collection::vec(count(), 1..12)) {
        let p = suppress_list(&values, 5);
        let shown: Vec<Option<u64>> = p.values.iter().chain(std::iter::once(&p.total)).map(|c| c.shown()).collect();
        let n = values.len();
        let found = attack(shown.clone(), &[Line { members: (0..n).collect(), total: n }]);
        for (e, s) in shown.iter().enumerate() {
            if s.is_none() {
                prop_assert!(found[e].is_none(), "list {:?}: figure {} recovered", values, e);
            }
        }
        for v in shown.into_iter().flatten() {
            prop_assert!(v == 0 || v >= 5);
        }
    }

    #[test]
    fn without_small_counts_nothing_is_suppressed(rows in (1usize..6, 1usize..6).prop_flat_map(|(r, c)| prop::collection::vec(prop::collection::vec(prop_oneof![Just(0u64), 5u64..100], c), r))) {
        let t = Table::new(rows).unwrap();
        prop_assert_eq!(suppress(&t, 5).suppressed_count(), 0);
    }
}
