//! Schema migrations: one file each, the same for SQLite and PostgreSQL. Where the two
//! engines need different SQL (triggers), the migration branches on the backend.

use sea_orm_migration::prelude::*;

mod m0001_geography;
mod m0002_organisation;
mod m0003_accounts;
mod m0004_audit;
mod m0005_sessions;
mod m0006_api_tokens;
mod m0007_second_factor;
mod m0008_establishments;
mod m0009_dossiers;
mod m0010_registry;
mod m0011_programmes;
mod m0012_eservices;
mod m0013_needs_models;
mod m0014_programme_benefit;
mod m0015_programme_level;
mod m0016_shared_records;
mod m0017_audit_checkpoints;
mod m0018_matching;
mod m0019_staff;
mod m0020_quality;
mod m0021_grievances;
mod m0023_partners;
mod m0024_grants;
mod m0025_annual_reports;
mod m0026_partners_meetings;
mod m0029_announcements;
mod m0030_grant_project_details;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_geography::Migration),
            Box::new(m0002_organisation::Migration),
            Box::new(m0003_accounts::Migration),
            Box::new(m0004_audit::Migration),
            Box::new(m0005_sessions::Migration),
            Box::new(m0006_api_tokens::Migration),
            Box::new(m0007_second_factor::Migration),
            Box::new(m0008_establishments::Migration),
            Box::new(m0009_dossiers::Migration),
            Box::new(m0010_registry::Migration),
            Box::new(m0011_programmes::Migration),
            Box::new(m0012_eservices::Migration),
            Box::new(m0013_needs_models::Migration),
            Box::new(m0014_programme_benefit::Migration),
            Box::new(m0015_programme_level::Migration),
            Box::new(m0016_shared_records::Migration),
            Box::new(m0017_audit_checkpoints::Migration),
            Box::new(m0018_matching::Migration),
            Box::new(m0019_staff::Migration),
            Box::new(m0020_quality::Migration),
            Box::new(m0021_grievances::Migration),
            Box::new(m0023_partners::Migration),
            Box::new(m0026_partners_meetings::Migration),
            Box::new(m0024_grants::Migration),
            Box::new(m0025_annual_reports::Migration),
            Box::new(m0030_grant_project_details::Migration),
            Box::new(m0029_announcements::Migration),
        ]
    }
}
