//! The store's tests, one binary: each module is a context, each test runs on SQLite and,
//! when JISR_TEST_DATABASE_URL is set, on PostgreSQL (`testing::each_backend`).

mod announcements;
mod annual_reports;
mod applications;
mod authorisation;
mod basics;
mod care;
mod grants;
mod grants_apply;
mod grievances;
mod matching;
mod migrations;
mod partners;
mod partners_meetings;
mod partners_surveys;
mod priority;
mod programmes;
mod quality;
mod registry;
mod registry_xlsx;
mod staff;
