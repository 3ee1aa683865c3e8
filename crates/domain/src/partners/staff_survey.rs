//! Anonymous staff working-conditions surveys: which groups' results may be published.
//!
//! Answers are grouped (by province). A group's results are shown only when it holds at
//! least [`MIN_GROUP`] answers. The overall results are a total: published beside the
//! shown groups, `total − shown groups` is the results of the hidden groups together, so
//! that remainder must hold no answer or at least [`MIN_GROUP`]; while it does not, the
//! smallest shown group is hidden too, and when no group is left to hide, the total is
//! hidden. A group of zero answers is shown (it reveals nothing).
//!
//! `crates/disclosure` protects each suppressed cell of an additive table (every line
//! has zero or two or more suppressed cells), but two small groups hidden together can
//! still add up to fewer than five people recoverable by subtraction; a survey needs the
//! stronger rule on the sum of what is hidden, hence this function.

/// The fewest answers a published group may hold.
pub const MIN_GROUP: u64 = 5;

/// What may be published of groups of answers and their total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    /// For each group, whether its results are shown.
    pub shown: Vec<bool>,
    /// Whether the overall results are shown.
    pub total_shown: bool,
}

impl Publication {
    /// The answers of the hidden groups, together.
    pub fn hidden_answers(&self, counts: &[u64]) -> u64 {
        counts
            .iter()
            .zip(&self.shown)
            .filter(|(_, s)| !**s)
            .map(|(c, _)| *c)
            .sum()
    }
}

/// Decides which groups (by their answer counts) and whether the total may be shown,
/// with threshold `min` (the surveys use [`MIN_GROUP`]).
pub fn publishable(counts: &[u64], min: u64) -> Publication {
    let mut shown: Vec<bool> = counts.iter().map(|&c| c == 0 || c >= min).collect();
    let total: u64 = counts.iter().sum();
    let mut total_shown = total >= min;
    if total_shown {
        loop {
            let hidden: u64 = counts
                .iter()
                .zip(&shown)
                .filter(|(_, s)| !**s)
                .map(|(c, _)| *c)
                .sum();
            if hidden == 0 || hidden >= min {
                break;
            }
            let smallest = (0..counts.len())
                .filter(|&i| shown[i] && counts[i] > 0)
                .min_by_key(|&i| (counts[i], i));
            match smallest {
                Some(i) => shown[i] = false,
                None => {
                    total_shown = false;
                    break;
                }
            }
        }
    }
    Publication { shown, total_shown }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn three_answers_show_nothing_five_show_their_group() {
        assert_eq!(
            publishable(&[3], MIN_GROUP),
            Publication {
                shown: vec![false],
                total_shown: false
            }
        );
        assert_eq!(
            publishable(&[5], MIN_GROUP),
            Publication {
                shown: vec![true],
                total_shown: true
            }
        );
    }

    #[test]
    fn a_small_group_beside_a_large_one_hides_the_large_one_too() {
        // Total 13 minus the 10 shown would give the 3 away.
        let p = publishable(&[3, 10], MIN_GROUP);
        assert_eq!(p.shown, vec![false, false]);
        assert!(p.total_shown);
        // Two small groups hidden together (1 + 2) are still a small group.
        let p = publishable(&[1, 2, 8, 20], MIN_GROUP);
        assert_eq!(p.shown, vec![false, false, false, true]);
        assert!(p.total_shown);
        assert_eq!(p.hidden_answers(&[1, 2, 8, 20]), 11);
    }

    #[test]
    fn small_groups_that_add_up_to_five_are_hidden_together() {
        let p = publishable(&[2, 3, 9], MIN_GROUP);
        assert_eq!(p.shown, vec![false, false, true]);
        assert!(p.total_shown);
    }

    #[test]
    fn empty_groups_are_shown_and_reveal_nothing() {
        let p = publishable(&[0, 6, 0], MIN_GROUP);
        assert_eq!(p.shown, vec![true, true, true]);
        assert!(p.total_shown);
        assert!(!publishable(&[0, 0], MIN_GROUP).total_shown);
    }

    proptest! {
        #[test]
        fn no_published_group_is_small_and_no_subtraction_reveals_one(
            counts in proptest::collection::vec(0u64..12, 0..8),
        ) {
            let p = publishable(&counts, MIN_GROUP);
            prop_assert_eq!(p.shown.len(), counts.len());
            // No shown group is small.
            for (c, s) in counts.iter().zip(&p.shown) {
                if *s {
                    prop_assert!(*c == 0 || *c >= MIN_GROUP);
                }
            }
            let total: u64 = counts.iter().sum();
            if p.total_shown {
                prop_assert!(total >= MIN_GROUP);
                // Total minus every shown group: the hidden ones together, never small.
                let hidden = p.hidden_answers(&counts);
                prop_assert!(hidden == 0 || hidden >= MIN_GROUP);
                // Nor any hidden group alone: with two or more hidden, no shown figure
                // separates them (the only figures are the groups and the total).
                let hidden_groups = counts.iter().zip(&p.shown).filter(|(c, s)| !**s && **c > 0).count();
                prop_assert!(hidden_groups != 1 || hidden >= MIN_GROUP);
            }
            // Large groups are shown whenever no small one needs cover.
            if counts.iter().all(|&c| c == 0 || c >= MIN_GROUP) {
                prop_assert!(p.shown.iter().all(|s| *s));
            }
        }

        #[test]
        fn the_decision_is_deterministic(counts in proptest::collection::vec(0u64..12, 0..8)) {
            prop_assert_eq!(publishable(&counts, MIN_GROUP), publishable(&counts, MIN_GROUP));
        }
    }
}
