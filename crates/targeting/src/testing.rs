//! Test helpers: small random registries with many missing values, and random rule texts.

use crate::registry::codes::*;
use crate::registry::{
    GeoTables, HouseholdRow, IndexObservation, PersonRow, Registry, RegistryBuilder,
};
use crate::synth::rng::Rng;
use proptest::prelude::*;

pub fn geo() -> GeoTables {
    GeoTables {
        regions: vec!["01".into(), "02".into()],
        provinces: vec!["01.511".into(), "01.571".into(), "02.113".into()],
        province_region: vec![0, 0, 1],
        communes: vec![
            "01.511.01.0".into(),
            "01.571.01.0".into(),
            "02.113.01.0".into(),
        ],
        commune_province: vec![0, 1, 2],
    }
}

macro_rules! maybe {
    ($r:ident, $v:expr) => {{
        let v = $v;
        if $r.chance(0.15) { None } else { Some(v) }
    }};
}

fn one_of<T: Copy>(r: &mut Rng, all: &[T]) -> T {
    all[r.below(all.len() as u64) as usize]
}

/// `n` households with random members; every optional value is missing about 15% of the time.
pub fn random_registry(n: usize, seed: u64) -> Registry {
    let mut r = Rng::new(seed);
    let mut b = RegistryBuilder::new(geo());
    for id in 0..n as u64 {
        let province = r.below(3) as u16;
        let row = HouseholdRow {
            id: id * 7 + 1,
            province: maybe!(r, province),
            commune: if r.chance(0.5) { None } else { Some(province) },
            residence: maybe!(r, one_of(&mut r, Residence::ALL)),
            index: maybe!(
                r,
                IndexObservation {
                    value: (8.0 + r.unit() * 3.0) as f32,
                    date: 19_000 + r.below(1000) as i32,
                    source: one_of(&mut r, IndexSource::ALL),
                    valid_to: None,
                }
            ),
            head_marital_status: maybe!(r, one_of(&mut r, MaritalStatus::ALL)),
            dwelling_type: maybe!(r, one_of(&mut r, DwellingType::ALL)),
            occupancy: maybe!(r, one_of(&mut r, Occupancy::ALL)),
            rooms: maybe!(r, r.below(6) as u8),
            electricity: maybe!(r, r.chance(0.8)),
            running_water: maybe!(r, r.chance(0.6)),
            toilet: maybe!(r, r.chance(0.9)),
            registration_date: maybe!(r, 18_000 + r.below(3000) as i32),
        };
        let members: Vec<PersonRow> = (0..r.below(9))
            .map(|i| PersonRow {
                age: maybe!(r, r.below(95) as u8),
                sex: maybe!(r, one_of(&mut r, Sex::ALL)),
                relation: if i == 0 {
                    Some(Relation::Head)
                } else {
                    maybe!(r, one_of(&mut r, &Relation::ALL[1..]))
                },
                disabled: maybe!(r, r.chance(0.1)),
                schooled: maybe!(r, r.chance(0.7)),
                orphan: maybe!(r, r.chance(0.1)),
            })
            .collect();
        b.push(&row, &members).expect("consistent test rows");
    }
    b.finish()
}

const NUM_FIELDS: &[&str] = &[
    "index",
    "size",
    "head_age",
    "children_under_18",
    "children_under_21",
    "elderly_60_plus",
    "disabled_members",
    "orphans",
    "rooms",
];
const FLAG_FIELDS: &[&str] = &["electricity", "running_water", "head_disabled", "toilet"];

fn leaf_num() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(NUM_FIELDS).prop_map(str::to_string),
        (0u32..40).prop_map(|n| n.to_string()),
        (0u32..2000).prop_map(|n| format!("{}", f64::from(n) / 100.0 + 8.0)),
    ]
}

/// Random numeric rule text over household fields.
pub fn num_expr() -> impl Strategy<Value = String> {
    leaf_num().prop_recursive(3, 16, 3, |inner| {
        prop_oneof![
            (
                inner.clone(),
                prop::sample::select(&["+", "-", "*", "/"][..]),
                inner.clone()
            )
                .prop_map(|(a, op, b)| format!("({a} {op} {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("min({a}, {b})")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| format!("max({a}, {b}, {c})")),
            inner.clone().prop_map(|a| format!("-{a}")),
            (inner.clone(), inner.clone(), inner)
                .prop_map(|(a, b, c)| format!("if({a} > {b}, {b}, {c})")),
        ]
    })
}

fn leaf_bool() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            num_expr(),
            prop::sample::select(&["<", "<=", ">", ">=", "==", "!="][..]),
            num_expr()
        )
            .prop_map(|(a, op, b)| format!("{a} {op} {b}")),
        prop::sample::select(FLAG_FIELDS).prop_map(str::to_string),
        prop::sample::subsequence(vec!["\"urban\"", "\"rural\""], 0..=2)
            .prop_map(|v| format!("residence in [{}]", v.join(", "))),
        prop::sample::subsequence(vec!["\"01.511\"", "\"01.571\"", "\"02.113\""], 0..=3)
            .prop_map(|v| format!("province not in [{}]", v.join(", "))),
        prop::sample::select(
            &[
                "head_sex != \"female\"",
                "dwelling_type == \"rural\"",
                "region == \"02\""
            ][..]
        )
        .prop_map(str::to_string),
        prop::sample::select(
            &[
                "known(index)",
                "known(head_age)",
                "known(residence)",
                "true",
                "false"
            ][..]
        )
        .prop_map(str::to_string),
        prop::sample::select(
            &[
                "index_date >= date(\"2023-01-01\")",
                "size in [1, 2, 3]",
                "head_age not in [30, 40]",
                "electricity == running_water",
                "registration_date - index_date < 100"
            ][..]
        )
        .prop_map(str::to_string),
    ]
}

/// Random boolean rule text over household fields.
pub fn bool_expr() -> impl Strategy<Value = String> {
    leaf_bool().prop_recursive(3, 12, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} and {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} or {b})")),
            inner.prop_map(|a| format!("not ({a})")),
        ]
    })
}
