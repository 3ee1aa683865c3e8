//! Deterministic synthetic registries whose marginals follow the 2024 census.

mod generate;
pub mod marginals;
pub mod rng;

pub use generate::{generate, geo_tables};
pub use marginals::Marginals;
