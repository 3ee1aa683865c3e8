//! The counts behind the public open-data datasets: national aggregates, never a row
//! about a person. Each query answers `(row, column, count)` triples; the web layer lays
//! them out as a table and suppresses small counts before anything is published.

use crate::entity::{application, establishment, establishment_category, region, service};
use crate::{Store, StoreError};
use jisr_domain::applications::Status as AppStatus;
use jisr_domain::establishments::Status as EstStatus;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// One count of a dataset: a row key (a category, a service), a column key (a region,
/// an outcome) and how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub row: String,
    pub column: String,
    pub n: u64,
}

/// A row or column heading: its code and its names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub code: String,
    pub name_ar: String,
    pub name_fr: String,
}

/// The region of a province code (`07.427` → `07`).
fn region_of(province: &str) -> String {
    province.split('.').next().unwrap_or(province).to_owned()
}

/// Sums `(row, province, n)` into `(row, region, n)`.
fn by_region(rows: Vec<(String, String, i64)>) -> Vec<Count> {
    let mut sums: std::collections::BTreeMap<(String, String), u64> = Default::default();
    for (row, province, n) in rows {
        *sums.entry((row, region_of(&province))).or_default() += u64::try_from(n).unwrap_or(0);
    }
    sums.into_iter()
        .map(|((row, column), n)| Count { row, column, n })
        .collect()
}

/// The twelve regions, in code order.
pub async fn regions(store: &Store) -> Result<Vec<Heading>, StoreError> {
    Ok(region::Entity::find()
        .order_by_asc(region::Column::Code)
        .all(store.conn())
        .await?
        .into_iter()
        .map(|r| Heading {
            code: r.code,
            name_ar: r.name_ar,
            name_fr: r.name_fr,
        })
        .collect())
}

/// The establishment categories, in their order.
pub async fn categories(store: &Store) -> Result<Vec<Heading>, StoreError> {
    Ok(establishment_category::Entity::find()
        .order_by_asc(establishment_category::Column::Position)
        .all(store.conn())
        .await?
        .into_iter()
        .map(|c| Heading {
            code: c.code,
            name_ar: c.name_ar,
            name_fr: c.name_fr,
        })
        .collect())
}

/// The services of the catalogue, in their order.
pub async fn services(store: &Store) -> Result<Vec<Heading>, StoreError> {
    Ok(service::Entity::find()
        .order_by_asc(service::Column::Position)
        .all(store.conn())
        .await?
        .into_iter()
        .map(|s| Heading {
            code: s.code,
            name_ar: s.name_ar,
            name_fr: s.name_fr,
        })
        .collect())
}

/// Authorised establishments by category and region.
pub async fn establishments(store: &Store) -> Result<Vec<Count>, StoreError> {
    let rows: Vec<(String, String, i64)> = establishment::Entity::find()
        .filter(establishment::Column::Status.eq(EstStatus::Authorised.as_str()))
        .select_only()
        .column(establishment::Column::CategoryCode)
        .column(establishment::Column::ProvinceCode)
        .column_as(establishment::Column::Id.count(), "n")
        .group_by(establishment::Column::CategoryCode)
        .group_by(establishment::Column::ProvinceCode)
        .into_tuple()
        .all(store.conn())
        .await?;
    Ok(by_region(rows))
}

/// Places (authorised capacity, both sexes) of authorised establishments by category
/// and region.
pub async fn places(store: &Store) -> Result<Vec<Count>, StoreError> {
    let rows: Vec<(String, String, Option<i64>)> = establishment::Entity::find()
        .filter(establishment::Column::Status.eq(EstStatus::Authorised.as_str()))
        .select_only()
        .column(establishment::Column::CategoryCode)
        .column(establishment::Column::ProvinceCode)
        .column_as(
            Expr::col(establishment::Column::CapacityMale)
                .add(Expr::col(establishment::Column::CapacityFemale))
                .sum(),
            "n",
        )
        .group_by(establishment::Column::CategoryCode)
        .group_by(establishment::Column::ProvinceCode)
        .into_tuple()
        .all(store.conn())
        .await?;
    Ok(by_region(
        rows.into_iter()
            .map(|(c, p, n)| (c, p, n.unwrap_or(0)))
            .collect(),
    ))
}

/// The bounds of a year as stored instants: `[YYYY-01-01, YYYY+1-01-01)`.
fn year_bounds(year: i32) -> (String, String) {
    (format!("{year:04}-01-01"), format!("{:04}-01-01", year + 1))
}

/// Applications filed in `year` (UTC) by service and region.
pub async fn applications(store: &Store, year: i32) -> Result<Vec<Count>, StoreError> {
    let (from, to) = year_bounds(year);
    let rows: Vec<(String, String, i64)> = application::Entity::find()
        .filter(application::Column::SubmittedAt.gte(from))
        .filter(application::Column::SubmittedAt.lt(to))
        .select_only()
        .column(application::Column::ServiceCode)
        .column(application::Column::ProvinceCode)
        .column_as(application::Column::Id.count(), "n")
        .group_by(application::Column::ServiceCode)
        .group_by(application::Column::ProvinceCode)
        .into_tuple()
        .all(store.conn())
        .await?;
    Ok(by_region(rows))
}

/// The outcomes the decisions dataset counts, in order.
pub const OUTCOMES: [AppStatus; 4] = [
    AppStatus::Accepted,
    AppStatus::Waiting,
    AppStatus::Referred,
    AppStatus::Refused,
];

/// Applications filed in `year` that were decided, by service and outcome (their
/// status now: accepted, waiting for a place, referred, refused).
pub async fn decisions(store: &Store, year: i32) -> Result<Vec<Count>, StoreError> {
    let (from, to) = year_bounds(year);
    let rows: Vec<(String, String, i64)> = application::Entity::find()
        .filter(application::Column::SubmittedAt.gte(from))
        .filter(application::Column::SubmittedAt.lt(to))
        .filter(application::Column::Status.is_in(OUTCOMES.map(|s| s.as_str())))
        .select_only()
        .column(application::Column::ServiceCode)
        .column(application::Column::Status)
        .column_as(application::Column::Id.count(), "n")
        .group_by(application::Column::ServiceCode)
        .group_by(application::Column::Status)
        .into_tuple()
        .all(store.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(row, column, n)| Count {
            row,
            column,
            n: u64::try_from(n).unwrap_or(0),
        })
        .collect())
}

/// The years in which applications were filed, newest first (at least the current one).
pub async fn application_years(store: &Store, current: i32) -> Result<Vec<i32>, StoreError> {
    let first: Option<String> = application::Entity::find()
        .select_only()
        .column(application::Column::SubmittedAt)
        .order_by_asc(application::Column::SubmittedAt)
        .into_tuple()
        .one(store.conn())
        .await?;
    let first = first
        .and_then(|s| s.get(..4).and_then(|y| y.parse::<i32>().ok()))
        .unwrap_or(current);
    let first = std::cmp::min(first, current);
    Ok((first..=current).rev().collect())
}

/// Authorised places of one category by province (provinces without any left out).
pub async fn category_places_by_province(
    store: &Store,
    category: &str,
) -> Result<Vec<(String, u64)>, StoreError> {
    crate::figures::authorised_places_by_province(
        store,
        sea_orm::Condition::all().add(establishment::Column::CategoryCode.eq(category)),
    )
    .await
}

/// Applications accepted but waiting for a place in an establishment of one category,
/// by province.
pub async fn waiting_by_province(
    store: &Store,
    category: &str,
) -> Result<Vec<(String, u64)>, StoreError> {
    let services: Vec<String> = service::Entity::find()
        .filter(service::Column::CategoryCode.eq(category))
        .select_only()
        .column(service::Column::Code)
        .into_tuple()
        .all(store.conn())
        .await?;
    if services.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(String, i64)> = application::Entity::find()
        .filter(application::Column::Status.eq(AppStatus::Waiting.as_str()))
        .filter(application::Column::ServiceCode.is_in(services))
        .select_only()
        .column(application::Column::ProvinceCode)
        .column_as(application::Column::Id.count(), "n")
        .group_by(application::Column::ProvinceCode)
        .into_tuple()
        .all(store.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(p, n)| (p, u64::try_from(n).unwrap_or(0)))
        .collect())
}

/// The provinces, in code order.
pub async fn provinces(store: &Store) -> Result<Vec<Heading>, StoreError> {
    use crate::entity::province;
    Ok(province::Entity::find()
        .order_by_asc(province::Column::Code)
        .all(store.conn())
        .await?
        .into_iter()
        .map(|p| Heading {
            code: p.code,
            name_ar: p.name_ar,
            name_fr: p.name_fr,
        })
        .collect())
}
