//! Database entities. Relations are declared only where queries need them; ids and codes
//! are turned into domain types by the repositories, never handed out raw to the web layer.

pub mod api_token;
pub mod arrondissement;
pub mod association;
pub mod audit_log;
pub mod cercle;
pub mod commune;
pub mod delegation_province;
pub mod establishment;
pub mod establishment_category;
pub mod establishment_event;
pub mod login_throttle;
pub mod org_unit;
pub mod province;
pub mod region;
pub mod role_grant;
pub mod session;
pub mod user;
