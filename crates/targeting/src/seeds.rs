//! Seed programmes and a default needs-scoring model.
//!
//! The thresholds are the published ones (Direct Social Aid: index ≤ 9.743001; AMO Tadamon:
//! about 9.32). Benefit amounts and the extra criteria are **illustrative** placeholders for
//! the agency to replace with the texts in force.

use crate::date::{Day, day_from_ymd};
use crate::rules::{Criterion, Level, Programme, RuleVersion};
use crate::score::{ScoreModel, Term, TermInput, Transform};

/// Direct Social Aid threshold on the registry index.
pub const ASD_THRESHOLD: f64 = 9.743001;
/// AMO Tadamon threshold on the registry index (approximate value).
pub const AMO_TADAMON_THRESHOLD: f64 = 9.32;

fn day(y: i32, m: u32, d: u32) -> Day {
    day_from_ymd(y, m, d).unwrap_or_default()
}

fn criterion(id: &str, expr: &str) -> Criterion {
    Criterion {
        id: id.to_string(),
        expr: expr.to_string(),
    }
}

/// Direct Social Aid (ASD), household level.
pub fn asd() -> Programme {
    Programme {
        code: "asd".into(),
        level: Level::Household,
        versions: vec![RuleVersion {
            version: 1,
            valid_from: day(2023, 12, 1),
            valid_to: None,
            criteria: vec![
                criterion("index-threshold", &format!("index <= {ASD_THRESHOLD}")),
                criterion(
                    "target-group",
                    "children_under_18 >= 1 or head_age >= 60 or disabled_members >= 1",
                ),
                criterion("residence", "residence in [\"urban\", \"rural\"]"),
            ],
            benefit: Some("max(min(children_under_21, 6) * 250 + 100, 500)".into()),
        }],
    }
}

/// AMO Tadamon (health insurance contributions paid by the State), household level.
pub fn amo_tadamon() -> Programme {
    Programme {
        code: "amo-tadamon".into(),
        level: Level::Household,
        versions: vec![RuleVersion {
            version: 1,
            valid_from: day(2022, 12, 1),
            valid_to: None,
            criteria: vec![criterion(
                "index-threshold",
                &format!("index <= {AMO_TADAMON_THRESHOLD}"),
            )],
            benefit: None,
        }],
    }
}

/// An illustrative person-level programme: school support for children of ASD-level
/// households.
pub fn school_support_example() -> Programme {
    Programme {
        code: "school-support-example".into(),
        level: Level::Person,
        versions: vec![RuleVersion {
            version: 1,
            valid_from: day(2024, 9, 1),
            valid_to: None,
            criteria: vec![
                criterion("school-age", "age >= 6 and age <= 17"),
                criterion("schooled", "schooled"),
                criterion(
                    "household-index",
                    &format!("household.index <= {ASD_THRESHOLD}"),
                ),
            ],
            benefit: Some("if(age >= 15, 300, 200) + if(orphan or disabled, 100, 0)".into()),
        }],
    }
}

/// An illustrative needs-scoring model for ranking waiting lists.
pub fn needs_model() -> ScoreModel {
    let expr = |e: &str| TermInput::Expr {
        expr: e.to_string(),
    };
    let term = |id: &str, input, transforms, weight, missing| Term {
        id: id.to_string(),
        input,
        transforms,
        weight,
        missing,
    };
    ScoreModel {
        code: "needs-example".into(),
        intercept: 0.0,
        terms: vec![
            term(
                "index-gap",
                expr("10.5 - index"),
                vec![Transform::Floor { min: 0.0 }, Transform::Cap { max: 3.0 }],
                10.0,
                0.0,
            ),
            term(
                "children",
                expr("children_under_18"),
                vec![Transform::Log1p],
                6.0,
                0.0,
            ),
            term(
                "elderly",
                expr("elderly_60_plus"),
                vec![Transform::Cap { max: 2.0 }],
                3.0,
                0.0,
            ),
            term(
                "disability",
                expr("disabled_members + if(head_disabled, 1, 0)"),
                vec![Transform::Cap { max: 3.0 }],
                5.0,
                0.0,
            ),
            term(
                "orphans",
                expr("orphans"),
                vec![Transform::Cap { max: 3.0 }],
                4.0,
                0.0,
            ),
            term(
                "crowding",
                expr("size / max(rooms, 1)"),
                vec![
                    Transform::Linear {
                        scale: 1.0,
                        offset: -1.0,
                    },
                    Transform::Floor { min: 0.0 },
                ],
                2.0,
                0.0,
            ),
            term(
                "dwelling",
                TermInput::Category {
                    field: "dwelling_type".into(),
                    points: vec![
                        ("basic_or_slum".into(), 6.0),
                        ("rural".into(), 4.0),
                        ("moroccan_house".into(), 1.0),
                    ],
                    default: 0.0,
                },
                vec![],
                1.0,
                2.0,
            ),
            term(
                "amenities",
                expr("if(electricity, 0, 2) + if(running_water, 0, 2) + if(toilet, 0, 1)"),
                vec![],
                1.5,
                0.0,
            ),
            term(
                "female-head",
                TermInput::Category {
                    field: "head_sex".into(),
                    points: vec![("female".into(), 2.0)],
                    default: 0.0,
                },
                vec![],
                1.0,
                0.0,
            ),
            term(
                "rural",
                TermInput::Category {
                    field: "residence".into(),
                    points: vec![("rural".into(), 1.0)],
                    default: 0.0,
                },
                vec![],
                2.0,
                0.0,
            ),
        ],
        region_coefficients: vec![("10".into(), 1.1), ("11".into(), 1.1), ("12".into(), 1.1)],
    }
}
