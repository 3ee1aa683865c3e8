//! Targeting engine for Jisr: the social registry held column by column, programmes whose
//! eligibility rules are dated, versioned data, explanations, simulation of rule changes,
//! needs scoring, and a synthetic registry generator with a benchmark.
//!
//! Pure code: no I/O except reading `/proc/self/status` in [`bench`]. Errors and
//! explanations are structured values with stable codes; the web layer words them.
//!
//! # Modules
//!
//! - [`registry`]: households and persons as struct-of-arrays columns, filled from row
//!   structs by [`registry::RegistryBuilder`]; member counts are derived. The registry index
//!   value is stored as received, with its date and source ([`registry::latest_valid`] picks
//!   the value rules use); its formula is not public and is never computed here.
//! - [`rules`]: the rule language below, programmes and dated [`rules::RuleVersion`]s,
//!   compiled to a vectorised [`rules::Plan`].
//! - [`explain`]: per-row decisions criterion by criterion, with margins and inputs.
//! - [`simulate`]: entering / leaving / staying and cost per province between two versions.
//! - [`score`]: needs-scoring models, their per-household explanation, and ranking.
//! - [`synth`]: seeded synthetic registries following the 2024 census marginals shipped in
//!   `data/` (HCP, RGPH 2024, CC BY 4.0). Index values there are synthetic.
//! - [`seeds`]: Direct Social Aid, AMO Tadamon and example programmes and model.
//! - [`bench`]: timings over a synthetic registry (`cargo run --release --example bench -- N`).
//!
//! # Rule language
//!
//! ```text
//! expr       := or
//! or         := and ("or" and)*
//! and        := not ("and" not)*
//! not        := "not" not | comparison
//! comparison := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
//!             | sum "not"? "in" "[" (expr ("," expr)*)? "]"
//! sum        := product (("+" | "-") product)*
//! product    := unary (("*" | "/") unary)*
//! unary      := "-" unary | primary
//! primary    := number | "string" | "true" | "false" | field | name "(" args ")" | "(" expr ")"
//! field      := [A-Za-z_][A-Za-z0-9_.]*        e.g. index, household.residence
//! ```
//!
//! Types are number, date, boolean and category. Fields come from a [`rules::Schema`]:
//! household fields (`index`, `children_under_18`, `residence`, `province`, …) or, for
//! person-level rules, person fields (`age`, `sex`, `schooled`, …) and household fields as
//! `household.<name>`. Category fields are compared with text literals naming a value of
//! their domain (`residence == "rural"`, `province in ["01.511", "02.113"]`); an unknown value
//! is an `unknown-category-value` error. Functions: `min(a, …)`, `max(a, …)`,
//! `if(cond, a, b)`, `date("YYYY-MM-DD")`, `known(field)`. Arithmetic works on numbers;
//! `date - date` is a number of days, `date ± number` a date. Division by zero gives a missing
//! value.
//!
//! Missing values: a missing number or date propagates through arithmetic, `min` and `max`;
//! any comparison with a missing value is false; a missing category matches neither `in` nor
//! `not in`, `==` nor `!=`; a missing flag reads as false. `not` negates the result, so
//! `not (index > 9)` holds when the index is missing: write `known(index)` to require one.
//!
//! Errors carry a code (`unexpected-token`, `unknown-field`, `type-mismatch`, …), the
//! offending name or value, and the byte span in the text ([`rules::RuleError`]).
//!
//! Example eligibility and benefit:
//!
//! ```
//! use jisr_targeting::registry::GeoTables;
//! use jisr_targeting::rules::{check_condition, check_number, parse, Schema};
//! let schema = Schema::households(&GeoTables::default());
//! let rule = parse(r#"index <= 9.743001 and (children_under_18 >= 1 or head_age >= 60)
//!                     and residence in ["urban", "rural"]"#).unwrap();
//! assert!(check_condition(&rule, &schema).is_ok());
//! let amount = parse("min(children_under_21, 6) * 250 + 100").unwrap();
//! assert!(check_number(&amount, &schema).is_ok());
//! let err = check_condition(&parse("income < 3").unwrap(), &schema).unwrap_err();
//! assert_eq!((err.code(), err.span().start, err.span().end), ("unknown-field", 0, 6));
//! ```
//!
//! # Evaluation
//!
//! A checked rule is compiled once into a flat list of operations over chunk-sized registers
//! (1024 rows). Execution walks the rows chunk by chunk, each operation a tight loop over the
//! chunk, across the available cores. The scalar evaluator used for explanations follows the
//! same `f32` semantics; property tests check that both agree.

pub mod bench;
pub mod date;
pub mod explain;
pub mod registry;
pub mod rules;
pub mod score;
pub mod seeds;
pub mod simulate;
pub mod synth;

#[cfg(test)]
mod testing;
