//! Property tests: the vectorised plan agrees with the scalar interpreter on random rules and
//! random registries; the canonical text form parses back to the same tree; the parser never
//! panics.

use super::*;
use crate::registry::MISSING_U8;
use crate::testing::{bool_expr, num_expr, random_registry};
use proptest::prelude::*;

fn same(a: f32, b: f32) -> bool {
    (a.is_nan() && b.is_nan()) || a.to_bits() == b.to_bits() || a == b
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn plan_matches_interpreter(cond in bool_expr(), amount in num_expr(), n in 0usize..2600, seed in any::<u64>()) {
        let reg = random_registry(n, seed);
        let schema = Schema::households(&reg.geo);
        let c = check_condition(&parse(&cond).unwrap(), &schema).unwrap();
        let a = check_number(&parse(&amount).unwrap(), &schema).unwrap();
        let mut plan = Plan::new(Level::Household);
        let m = plan.add_mask(&c);
        plan.output_mask(m);
        let x = plan.add_number(&a);
        plan.output_number(x);
        let out = plan.run(&reg);
        prop_assert_eq!(out.masks[0].len(), n);
        for row in 0..n {
            prop_assert_eq!(out.masks[0][row], eval_bool(&c, &reg, row, &mut Vec::new()), "row {}", row);
            let s = eval_number(&a, &reg, row);
            prop_assert!(same(out.numbers[0][row], s), "row {} {} {}", row, out.numbers[0][row], s);
        }
    }

    #[test]
    fn person_plan_matches_interpreter(n in 0usize..400, seed in any::<u64>(), age in 0u32..30, threshold in 800u32..1100) {
        let reg = random_registry(n, seed);
        let schema = Schema::persons(&reg.geo);
        let text = format!("age < {age} and not schooled and household.index <= {} and household.residence == \"rural\" or orphan", f64::from(threshold) / 100.0);
        let c = check_condition(&parse(&text).unwrap(), &schema).unwrap();
        let mut plan = Plan::new(Level::Person);
        let m = plan.add_mask(&c);
        plan.output_mask(m);
        let out = plan.run(&reg);
        prop_assert_eq!(out.masks[0].len(), reg.person_count());
        for row in 0..reg.person_count() {
            prop_assert_eq!(out.masks[0][row], eval_bool(&c, &reg, row, &mut Vec::new()));
        }
    }

    #[test]
    fn canonical_text_round_trips(text in bool_expr()) {
        let e = parse(&text).unwrap();
        let again = parse(&e.to_string()).unwrap();
        prop_assert!(e.same_shape(&again), "{} vs {}", e, again);
    }

    #[test]
    fn parser_never_panics(text in "[a-z_0-9<>=!()\\[\\]\", .+*/-]{0,60}") {
        let schema = Schema::households(&crate::testing::geo());
        if let Ok(e) = parse(&text) {
            let _ = check_condition(&e, &schema);
        } else {
            let err = parse(&text).unwrap_err();
            prop_assert!(err.span().start as usize <= text.len());
        }
    }
}

#[test]
fn missing_values_never_satisfy_comparisons() {
    let reg = random_registry(500, 3);
    let schema = Schema::households(&reg.geo);
    let h = &reg.households;
    let cases: [(&str, &dyn Fn(usize) -> bool); 4] = [
        ("index <= 100", &|row| !h.index[row].is_nan()),
        // `not` negates the comparison's result: a missing index gives false, negated true.
        ("not (index > 100)", &|_| true),
        ("residence != \"urban\"", &|row| h.residence[row] == 1),
        ("head_age not in [1]", &|row| {
            h.head_age[row] != MISSING_U8 && h.head_age[row] != 1
        }),
    ];
    let mut missing_seen = 0;
    for (text, expect) in cases {
        let t = check_condition(&parse(text).unwrap(), &schema).unwrap();
        let mut plan = Plan::new(Level::Household);
        let m = plan.add_mask(&t);
        plan.output_mask(m);
        let out = plan.run(&reg);
        for row in 0..reg.household_count() {
            assert_eq!(out.masks[0][row], expect(row), "{text} row {row}");
            missing_seen += usize::from(read_value(t.fields()[0], &reg, row).is_nan());
        }
    }
    assert!(missing_seen > 50);
}
