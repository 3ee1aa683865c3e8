//! End-to-end checks over synthetic registries through the public API.

use jisr_targeting::date::parse_day;
use jisr_targeting::explain::InputValue;
use jisr_targeting::registry::codes::{IndexSource, Relation, Residence};
use jisr_targeting::registry::{
    GeoTables, HouseholdRow, IndexObservation, PersonRow, RegistryBuilder,
};
use jisr_targeting::rules::{
    Criterion, Level, Programme, ProgrammeError, RuleVersion, Schema, VersionError,
};
use jisr_targeting::seeds;
use jisr_targeting::simulate::{Transition, simulate};
use jisr_targeting::synth::{Marginals, generate};
use proptest::prelude::*;

fn version(n: u32, from: &str, to: Option<&str>, threshold: f64, benefit: &str) -> RuleVersion {
    RuleVersion {
        version: n,
        valid_from: parse_day(from).unwrap(),
        valid_to: to.map(|t| parse_day(t).unwrap()),
        criteria: vec![
            Criterion {
                id: "index-threshold".into(),
                expr: format!("index <= {threshold}"),
            },
            Criterion {
                id: "children".into(),
                expr: "children_under_18 >= 1 or head_age >= 60".into(),
            },
        ],
        benefit: Some(benefit.into()),
    }
}

#[test]
fn seeds_validate_and_compile() {
    let reg = generate(&Marginals::embedded(), 500, 3);
    let hh = Schema::households(&reg.geo);
    for p in [seeds::asd(), seeds::amo_tadamon()] {
        p.validate().unwrap();
        p.compile(1, &hh).unwrap();
    }
    seeds::school_support_example()
        .compile(1, &Schema::persons(&reg.geo))
        .unwrap();
    assert_eq!(
        seeds::asd()
            .compile(1, &Schema::persons(&reg.geo))
            .unwrap_err(),
        VersionError::LevelMismatch {
            programme: Level::Household,
            schema: Level::Person
        }
    );
    seeds::needs_model().compile(&hh).unwrap();
}

#[test]
fn versions_are_dated_and_checked() {
    let mut p = Programme {
        code: "test".into(),
        level: Level::Household,
        versions: vec![
            version(1, "2023-12-01", Some("2024-12-31"), 9.743001, "100"),
            version(2, "2025-01-01", None, 9.8, "200"),
        ],
    };
    p.validate().unwrap();
    assert_eq!(
        p.version_at(parse_day("2024-06-01").unwrap())
            .map(|v| v.version),
        Some(1)
    );
    assert_eq!(
        p.version_at(parse_day("2025-01-01").unwrap())
            .map(|v| v.version),
        Some(2)
    );
    assert_eq!(p.version_at(parse_day("2023-01-01").unwrap()), None);
    p.versions
        .push(version(2, "2024-06-01", Some("2024-01-01"), 9.0, "1"));
    let errors = p.validate().unwrap_err();
    assert!(errors.contains(&ProgrammeError::EmptyPeriod { version: 2 }));
    assert!(errors.contains(&ProgrammeError::DuplicateVersion { version: 2 }));
    p.versions.pop();
    p.versions.push(version(3, "2024-06-01", None, 9.0, "1"));
    assert!(
        p.validate()
            .unwrap_err()
            .contains(&ProgrammeError::OverlappingVersions {
                first: 1,
                second: 3
            })
    );
    let mut bad = p.clone();
    bad.versions[0].criteria[1].expr = "children_under_18 >= \"x\"".into();
    let schema = Schema::households(&GeoTables::default());
    match bad.compile(1, &schema).unwrap_err() {
        VersionError::Rule {
            version: 1,
            criterion: Some(c),
            error,
        } => {
            assert_eq!(c, "children");
            assert_eq!(error.code(), "type-mismatch");
            assert_eq!(error.span().start, 21);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn explanation_reports_margin_and_provenance() {
    let geo = GeoTables {
        regions: vec!["01".into()],
        provinces: vec!["01.511".into()],
        province_region: vec![0],
        ..Default::default()
    };
    let mut b = RegistryBuilder::new(geo);
    let head = PersonRow {
        age: Some(40),
        relation: Some(Relation::Head),
        ..Default::default()
    };
    let child = PersonRow {
        age: Some(8),
        relation: Some(Relation::Child),
        ..Default::default()
    };
    let obs = IndexObservation {
        value: 9.5,
        date: 19_700,
        source: IndexSource::Staff,
        valid_to: None,
    };
    let row = HouseholdRow {
        id: 42,
        province: Some(0),
        residence: Some(Residence::Rural),
        index: Some(obs),
        ..Default::default()
    };
    b.push(&row, &[head, child, child]).unwrap();
    let row = HouseholdRow {
        id: 43,
        province: Some(0),
        residence: Some(Residence::Urban),
        ..Default::default()
    };
    b.push(&row, &[head]).unwrap();
    let reg = b.finish();
    let asd = seeds::asd()
        .compile(1, &Schema::households(&reg.geo))
        .unwrap();
    let e = asd.explain(&reg, 0);
    assert!(e.eligible);
    assert_eq!(e.household_id, 42);
    assert_eq!(e.amount, Some(600.0));
    let threshold = &e.criteria[0];
    assert_eq!(threshold.id, "index-threshold");
    let margin = threshold.comparisons[0].margin.unwrap();
    assert!((margin - (9.743001 - 9.5)).abs() < 1e-5, "{margin}");
    assert!(e.inputs.iter().any(|i| i.field == "index"
        && i.value
            == InputValue::Index {
                value: 9.5,
                date: Some(19_700),
                source: Some(IndexSource::Staff)
            }));
    assert!(e.inputs.iter().any(|i| i.field == "residence"
        && i.value
            == InputValue::Category {
                code: "rural".into()
            }));
    let e = asd.explain(&reg, 1);
    assert!(!e.eligible);
    assert!(!e.criteria[0].passed && !e.criteria[1].passed && e.criteria[2].passed);
    assert_eq!(e.criteria[0].comparisons[0].margin, None);
    assert_eq!(e.amount, None);
    assert!(
        e.inputs
            .iter()
            .any(|i| i.field == "index" && i.value == InputValue::Missing)
    );
    let eval = asd.evaluate(&reg);
    assert_eq!(eval.eligible, vec![true, false]);
    assert_eq!(eval.amounts, Some(vec![600.0, 0.0]));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn simulation_accounts_for_everyone(n in 1usize..4000, seed in any::<u64>(), t1 in 900u32..1050, t2 in 900u32..1050) {
        let reg = generate(&Marginals::embedded(), n, seed);
        let schema = Schema::households(&reg.geo);
        let p = Programme {
            code: "sim".into(),
            level: Level::Household,
            versions: vec![
                version(1, "2024-01-01", Some("2024-12-31"), f64::from(t1) / 100.0, "min(children_under_21, 6) * 250 + 100"),
                version(2, "2025-01-01", None, f64::from(t2) / 100.0, "300 + 50 * elderly_60_plus"),
            ],
        };
        let (before, after) = (p.compile(1, &schema).unwrap(), p.compile(2, &schema).unwrap());
        let (eb, ea) = (before.evaluate(&reg), after.evaluate(&reg));
        let sim = simulate(&reg, &before, &after).unwrap();
        let t = &sim.totals;
        prop_assert_eq!((t.staying + t.leaving) as usize, eb.eligible_count);
        prop_assert_eq!((t.staying + t.entering) as usize, ea.eligible_count);
        prop_assert!((t.cost_before - eb.total_amount).abs() < 1e-6 * eb.total_amount.max(1.0));
        prop_assert!((t.cost_after - ea.total_amount).abs() < 1e-6 * ea.total_amount.max(1.0));
        let per: u64 = sim.by_province.iter().map(|g| g.entering + g.leaving + g.staying).sum();
        prop_assert_eq!(per, t.entering + t.leaving + t.staying);
        if t1 <= t2 {
            prop_assert_eq!(t.leaving, 0);
        }
        for (row, tr) in sim.transitions.iter().enumerate() {
            let expected = match (eb.eligible[row], ea.eligible[row]) {
                (false, false) => Transition::Outside,
                (false, true) => Transition::Enters,
                (true, false) => Transition::Leaves,
                (true, true) => Transition::Stays,
            };
            prop_assert_eq!(*tr, expected);
            // The explanation agrees with the bulk evaluation.
            if row % 97 == 0 {
                let e = before.explain(&reg, row);
                prop_assert_eq!(e.eligible, eb.eligible[row]);
                let amount = eb.amounts.as_ref().unwrap()[row];
                prop_assert_eq!(e.amount, eb.eligible[row].then_some(f64::from(amount)));
            }
        }
    }
}

#[test]
fn large_registry_uses_threads_and_matches_explanations() {
    // Enough rows for the plan to split work across threads.
    let reg = generate(&Marginals::embedded(), 300_000, 9);
    let asd = seeds::asd()
        .compile(1, &Schema::households(&reg.geo))
        .unwrap();
    let eval = asd.evaluate(&reg);
    for row in (0..reg.household_count()).step_by(997) {
        assert_eq!(
            asd.explain(&reg, row).eligible,
            eval.eligible[row],
            "row {row}"
        );
    }
    let school = seeds::school_support_example()
        .compile(1, &Schema::persons(&reg.geo))
        .unwrap();
    let pe = school.evaluate(&reg);
    assert_eq!(pe.eligible.len(), reg.person_count());
    for row in (0..reg.person_count()).step_by(4999) {
        let e = school.explain(&reg, row);
        assert_eq!(e.eligible, pe.eligible[row], "person {row}");
        assert_eq!(
            e.household_id,
            reg.households.id[reg.persons.household[row] as usize]
        );
    }
}
