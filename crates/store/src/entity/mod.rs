//! Database entities. Relations are declared only where queries need them; ids and codes
//! are turned into domain types by the repositories, never handed out raw to the web layer.

pub mod api_token;
pub mod arrondissement;
pub mod association;
pub mod association_board_member;
pub mod audit_log;
pub mod authorisation_request;
pub mod care_declaration;
pub mod cercle;
pub mod commune;
pub mod delegation_province;
pub mod document;
pub mod dossier_requirement;
pub mod establishment;
pub mod establishment_category;
pub mod establishment_event;
pub mod household;
pub mod household_index_value;
pub mod login_throttle;
pub mod org_unit;
pub mod person;
pub mod person_household_membership;
pub mod programme;
pub mod province;
pub mod region;
pub mod role_grant;
pub mod rule_version;
pub mod session;
pub mod user;
