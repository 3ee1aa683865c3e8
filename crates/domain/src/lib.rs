//! Pure rules of Jisr: typed identifiers, geography codes, roles and scopes, and the
//! audit-chain hash. No web or database crate is used here, so every rule can be unit
//! and property tested in isolation.

pub mod access;
pub mod announcements;
pub mod annual_reports;
pub mod applications;
pub mod associations;
pub mod audit;
pub mod authorisation;
pub mod bounds;
pub mod care;
pub mod coverage;
pub mod documents;
pub mod establishments;
pub mod geo;
pub mod grants;
pub mod grievances;
pub mod ids;
pub mod limits;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod org;
pub mod partners;
pub mod person_entry;
pub mod quality;
pub mod registry;
pub mod services;
pub mod session;
pub mod staff;
pub mod time;
pub mod totp;
