//! View models shared by the pages and the API of a context: what both show, computed
//! once. Handlers stay in `pages/` and `api/`; neither imports the other.

pub(crate) mod eservices;
pub(crate) mod grants_apply;
pub(crate) mod grievances;
pub(crate) mod targeting;
