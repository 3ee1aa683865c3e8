//! The figures of the staff dashboards, each counted by the database within the
//! territory of the grants given (the same condition as the scoped lists they link to):
//! establishments by status, places authorised and occupied, applications by status and
//! overdue, registry households, programmes, audit entries of a day.

use crate::entity::{admission, application, audit_log, establishment, household, programme};
use crate::{Store, StoreError};
use jisr_domain::access::{Role, Scope};
use jisr_domain::applications::Status as AppStatus;
use jisr_domain::establishments::Status as EstStatus;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};

/// A count per stored status, in the order of the status enum, zeros left out.
pub type ByStatus = Vec<(&'static str, u64)>;

fn ordered(all: impl IntoIterator<Item = &'static str>, counted: &[(String, i64)]) -> ByStatus {
    all.into_iter()
        .filter_map(|s| {
            counted
                .iter()
                .find(|(c, _)| c == s)
                .map(|(_, n)| (s, u64::try_from(*n).unwrap_or(0)))
                .filter(|(_, n)| *n > 0)
        })
        .collect()
}

/// Establishments of the territory of `grants` (a manager's: their own), by status.
pub async fn establishments_by_status(
    store: &Store,
    grants: &[(Role, Scope)],
) -> Result<ByStatus, StoreError> {
    let scoped = crate::establishments::Scoped::new(store, grants);
    let counted: Vec<(String, i64)> = establishment::Entity::find()
        .filter(scoped.condition())
        .select_only()
        .column(establishment::Column::Status)
        .column_as(establishment::Column::Id.count(), "n")
        .group_by(establishment::Column::Status)
        .into_tuple()
        .all(store.conn())
        .await?;
    Ok(ordered(EstStatus::ALL.map(|s| s.as_str()), &counted))
}

/// Places of the territory's authorised establishments: (occupied, authorised).
/// Occupied counts the persons in the register who have not left.
pub async fn places(store: &Store, grants: &[(Role, Scope)]) -> Result<(u64, u64), StoreError> {
    let scoped = crate::establishments::Scoped::new(store, grants);
    let authorised: Option<i64> = establishment::Entity::find()
        .filter(scoped.condition())
        .filter(establishment::Column::Status.eq(EstStatus::Authorised.as_str()))
        .select_only()
        .column_as(
            Expr::col(establishment::Column::CapacityMale)
                .add(Expr::col(establishment::Column::CapacityFemale))
                .sum(),
            "n",
        )
        .into_tuple()
        .one(store.conn())
        .await?
        .flatten();
    let occupied = admission::Entity::find()
        .filter(admission::Column::ExitOn.is_null())
        .filter(
            admission::Column::EstablishmentId.in_subquery(
                Query::select()
                    .column(establishment::Column::Id)
                    .from(establishment::Entity)
                    .cond_where(scoped.condition())
                    .and_where(establishment::Column::Status.eq(EstStatus::Authorised.as_str()))
                    .to_owned(),
            ),
        )
        .count(store.conn())
        .await?;
    Ok((
        occupied,
        u64::try_from(authorised.unwrap_or(0)).unwrap_or(0),
    ))
}

/// Places of the territory's authorised establishments, by province: (province code,
/// places), provinces without any left out.
pub async fn places_by_province(
    store: &Store,
    grants: &[(Role, Scope)],
) -> Result<Vec<(String, u64)>, StoreError> {
    let scoped = crate::establishments::Scoped::new(store, grants);
    Ok(authorised_places_by_province(store, scoped.condition())
        .await?
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect())
}

/// Authorised places (both sexes) of the establishments matching `condition`, by
/// province.
pub(crate) async fn authorised_places_by_province(
    store: &Store,
    condition: sea_orm::Condition,
) -> Result<Vec<(String, u64)>, StoreError> {
    let rows: Vec<(String, Option<i64>)> = establishment::Entity::find()
        .filter(condition)
        .filter(establishment::Column::Status.eq(EstStatus::Authorised.as_str()))
        .select_only()
        .column(establishment::Column::ProvinceCode)
        .column_as(
            Expr::col(establishment::Column::CapacityMale)
                .add(Expr::col(establishment::Column::CapacityFemale))
                .sum(),
            "n",
        )
        .group_by(establishment::Column::ProvinceCode)
        .into_tuple()
        .all(store.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(p, n)| (p, u64::try_from(n.unwrap_or(0)).unwrap_or(0)))
        .collect())
}

fn applications_in(grants: &[(Role, Scope)]) -> sea_orm::Select<application::Entity> {
    application::Entity::find().filter(crate::access::condition(
        grants.iter().map(|(_, s)| s),
        application::Column::ProvinceCode,
        |_| None,
    ))
}

/// Applications of the territory by status.
pub async fn applications_by_status(
    store: &Store,
    grants: &[(Role, Scope)],
) -> Result<ByStatus, StoreError> {
    let counted: Vec<(String, i64)> = applications_in(grants)
        .select_only()
        .column(application::Column::Status)
        .column_as(application::Column::Id.count(), "n")
        .group_by(application::Column::Status)
        .into_tuple()
        .all(store.conn())
        .await?;
    Ok(ordered(AppStatus::ALL.map(|s| s.as_str()), &counted))
}

/// Applications of the territory awaiting a decision whose deadline (`YYYY-MM-DD`) is
/// before `today`.
pub async fn applications_overdue(
    store: &Store,
    grants: &[(Role, Scope)],
    today: &str,
) -> Result<u64, StoreError> {
    let awaiting: Vec<&str> = AppStatus::ALL
        .iter()
        .filter(|s| s.awaits_decision())
        .map(|s| s.as_str())
        .collect();
    Ok(applications_in(grants)
        .filter(application::Column::Status.is_in(awaiting))
        .filter(application::Column::DueOn.lt(today))
        .count(store.conn())
        .await?)
}

/// Applications of the territory assigned to one account.
pub async fn applications_assigned(
    store: &Store,
    grants: &[(Role, Scope)],
    user_id: i64,
) -> Result<u64, StoreError> {
    Ok(applications_in(grants)
        .filter(application::Column::AssignedTo.eq(user_id))
        .count(store.conn())
        .await?)
}

/// Registry households of the territory.
pub async fn households(store: &Store, grants: &[(Role, Scope)]) -> Result<u64, StoreError> {
    Ok(household::Entity::find()
        .filter(crate::access::condition(
            grants.iter().map(|(_, s)| s),
            household::Column::ProvinceCode,
            |_| None,
        ))
        .count(store.conn())
        .await?)
}

/// Programmes defined (they are national).
pub async fn programmes(store: &Store) -> Result<u64, StoreError> {
    Ok(programme::Entity::find().count(store.conn()).await?)
}

/// Audit entries written on a day (`YYYY-MM-DD`, UTC).
pub async fn audit_entries_on(store: &Store, day: &str) -> Result<u64, StoreError> {
    Ok(audit_log::Entity::find()
        .filter(audit_log::Column::At.gte(day))
        .filter(audit_log::Column::At.lt(format!("{day}U")))
        .count(store.conn())
        .await?)
}
