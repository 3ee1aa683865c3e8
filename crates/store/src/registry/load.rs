//! Filling the targeting engine's columnar registry from the database, in batches of
//! households ordered by id: one query for the households, one for their current
//! members, one for their index values, per batch.

use crate::entity::{
    commune, household, household_index_value as value, person,
    person_household_membership as stay, province, region,
};
use crate::{Store, StoreError};
use chrono::{Datelike, NaiveDate};
use jisr_domain::access::Scope;
use jisr_targeting::date::{Day, parse_day};
use jisr_targeting::registry::codes::{IndexSource, Relation, Residence, Sex};
use jisr_targeting::registry::{
    BuildError, GeoTables, HouseholdRow, IndexObservation, PersonRow, Registry, RegistryBuilder,
    latest_valid,
};
use sea_orm::{
    ColumnTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
    RelationTrait,
};
use std::collections::HashMap;

/// Households read per batch.
const BATCH: u64 = 20_000;

/// Why the registry could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The engine refused a household (inconsistent geography, too many persons).
    #[error("{0:?}")]
    Build(BuildError),
}

impl LoadError {
    /// A stable code for the error, used as a translation key by the web layer.
    pub fn code(&self) -> &'static str {
        match self {
            LoadError::Store(e) => e.code(),
            LoadError::Build(_) => "registry-load-build",
        }
    }
}

impl From<sea_orm::DbErr> for LoadError {
    fn from(e: sea_orm::DbErr) -> Self {
        LoadError::Store(e.into())
    }
}

/// The registry within `scope` as rules see it today.
pub async fn load(store: &Store, scope: &Scope) -> Result<Registry, LoadError> {
    load_as_of(store, scope, jisr_domain::time::today()).await
}

/// The registry within `scope` as rules see it on `as_of`: households, their members on
/// that day's composition (current stays), ages on `as_of`, and the latest index value
/// valid on `as_of`.
pub async fn load_as_of(
    store: &Store,
    scope: &Scope,
    as_of: NaiveDate,
) -> Result<Registry, LoadError> {
    load_filtered(store, scope, as_of, None).await
}

/// One household of `scope` as rules see it today (an empty registry when it is outside
/// the scope), for explaining its decisions without loading the territory.
pub async fn load_household(store: &Store, scope: &Scope, id: i64) -> Result<Registry, LoadError> {
    load_filtered(store, scope, jisr_domain::time::today(), Some(&[id])).await
}

/// A household known only from what an application declared: where it lives, how many
/// people it counts, and the one member described (the beneficiary). The other members
/// are counted with nothing known about them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declared {
    /// The row's id in the engine (the application's id).
    pub id: u64,
    pub commune_code: String,
    pub size: u8,
    pub birth_date: String,
    /// `female` or `male`.
    pub sex: String,
    pub disabled: Option<bool>,
}

/// The registry households `ids` as rules see them today (whatever their territory: for
/// scoring applications, whose readers are scoped by the application), followed by one
/// row per declared household, in the order given. Rows of `ids` come first, by id.
pub async fn load_with_declared(
    store: &Store,
    ids: &[i64],
    declared: &[Declared],
) -> Result<Registry, LoadError> {
    let as_of = jisr_domain::time::today();
    let (geo, commune_ix, residence) = geo_tables(store).await?;
    let mut builder = RegistryBuilder::new(geo);
    if !ids.is_empty() {
        push_households(
            store,
            &Scope::National,
            as_of,
            Some(ids),
            &mut builder,
            (&commune_ix, &residence),
        )
        .await?;
    }
    let mut members = Vec::new();
    for d in declared {
        let commune = commune_ix.get(d.commune_code.as_str()).copied();
        members.clear();
        members.push(PersonRow {
            age: age(&d.birth_date, as_of),
            sex: Sex::from_code(&d.sex),
            disabled: d.disabled,
            ..Default::default()
        });
        members.resize(usize::from(d.size.max(1)), PersonRow::default());
        let row = HouseholdRow {
            id: d.id,
            province: commune.map(|c| c.1),
            commune: commune.map(|c| c.0),
            residence: commune.and_then(|c| residence[usize::from(c.0)]),
            ..Default::default()
        };
        builder.push(&row, &members).map_err(LoadError::Build)?;
    }
    Ok(builder.finish())
}

async fn load_filtered(
    store: &Store,
    scope: &Scope,
    as_of: NaiveDate,
    only: Option<&[i64]>,
) -> Result<Registry, LoadError> {
    let (geo, commune_ix, residence) = geo_tables(store).await?;
    let mut builder = RegistryBuilder::new(geo);
    push_households(
        store,
        scope,
        as_of,
        only,
        &mut builder,
        (&commune_ix, &residence),
    )
    .await?;
    Ok(builder.finish())
}

/// Pushes the households of `scope` (only those of `only` when given) into `builder`.
async fn push_households(
    store: &Store,
    scope: &Scope,
    as_of: NaiveDate,
    only: Option<&[i64]>,
    builder: &mut RegistryBuilder,
    (commune_ix, residence): (&CommuneIndex, &[Option<Residence>]),
) -> Result<(), LoadError> {
    // The territory was chosen from the grants by the caller.
    let territory = || {
        crate::access::condition(
            std::iter::once(scope),
            household::Column::ProvinceCode,
            |_| None,
        )
    };
    let national = *scope == Scope::National;
    let db = store.conn();
    let as_of_day = day_of(as_of);
    let mut last = 0i64;
    loop {
        let page: Vec<(i64, String, String)> = household::Entity::find()
            .select_only()
            .column(household::Column::Id)
            .column(household::Column::CommuneCode)
            .column(household::Column::CreatedAt)
            .filter(territory())
            .filter(household::Column::Id.gt(last))
            .apply_if(only, |q, ids| {
                q.filter(household::Column::Id.is_in(ids.iter().copied()))
            })
            .order_by_asc(household::Column::Id)
            .limit(BATCH)
            .into_tuple()
            .all(db)
            .await?;
        let Some(&(first_id, _, _)) = page.first() else {
            break;
        };
        last = page.last().map_or(last, |h| h.0);

        // Current members of the batch, grouped by household in id order.
        let mut members = stay::Entity::find()
            .select_only()
            .column(stay::Column::HouseholdId)
            .column(stay::Column::Relation)
            .column(person::Column::BirthDate)
            .column(person::Column::Sex)
            .column(person::Column::Disabled)
            .column(person::Column::Schooling)
            .column(person::Column::Orphan)
            .join(JoinType::InnerJoin, stay::Relation::Person.def())
            .filter(stay::Column::ToDate.is_null())
            .filter(stay::Column::HouseholdId.between(first_id, last));
        if !national {
            members = members
                .join(JoinType::InnerJoin, stay::Relation::Household.def())
                .filter(territory());
        }
        let members: Vec<MemberRow> = members
            .order_by_asc(stay::Column::HouseholdId)
            .order_by_asc(stay::Column::Id)
            .into_tuple()
            .all(db)
            .await?;

        let mut values = value::Entity::find()
            .select_only()
            .column(value::Column::HouseholdId)
            .column(value::Column::Value)
            .column(value::Column::Date)
            .column(value::Column::Source)
            .column(value::Column::ValidTo)
            .filter(value::Column::HouseholdId.between(first_id, last));
        if !national {
            values = values
                .join(JoinType::InnerJoin, value::Relation::Household.def())
                .filter(territory());
        }
        let mut observations: HashMap<i64, Vec<IndexObservation>> = HashMap::new();
        for (hid, v, date, source, valid_to) in values
            .order_by_asc(value::Column::Id)
            .into_tuple::<(i64, f64, String, String, Option<String>)>()
            .all(db)
            .await?
        {
            let (Some(date), Some(source)) = (parse_day(&date), IndexSource::from_code(&source))
            else {
                continue;
            };
            observations.entry(hid).or_default().push(IndexObservation {
                value: v as f32,
                date,
                source,
                valid_to: valid_to.as_deref().and_then(parse_day),
            });
        }

        let mut rest = members.as_slice();
        let mut rows: Vec<PersonRow> = Vec::new();
        for (id, commune_code, created_at) in &page {
            let n = rest.iter().take_while(|m| m.0 < *id).count();
            rest = &rest[n..];
            let n = rest.iter().take_while(|m| m.0 == *id).count();
            rows.clear();
            rows.extend(rest[..n].iter().map(|m| person_row(m, as_of)));
            rest = &rest[n..];
            let commune = commune_ix.get(commune_code.as_str()).copied();
            let row = HouseholdRow {
                id: u64::try_from(*id).unwrap_or_default(),
                province: commune.map(|c| c.1),
                commune: commune.map(|c| c.0),
                residence: commune.and_then(|c| residence[usize::from(c.0)]),
                index: observations
                    .get(id)
                    .and_then(|o| latest_valid(o, as_of_day)),
                registration_date: created_at.get(..10).and_then(parse_day),
                ..Default::default()
            };
            builder.push(&row, &rows).map_err(LoadError::Build)?;
        }
        if (page.len() as u64) < BATCH {
            break;
        }
    }
    Ok(())
}

/// A current member: household id, relation, birth date, sex, disabled, schooling, orphan.
type MemberRow = (
    i64,
    String,
    String,
    String,
    Option<bool>,
    Option<String>,
    Option<bool>,
);

fn person_row(m: &MemberRow, as_of: NaiveDate) -> PersonRow {
    let (_, relation, birth, sex, disabled, schooling, orphan) = m;
    PersonRow {
        age: age(birth, as_of),
        sex: Sex::from_code(sex),
        relation: Relation::from_code(relation),
        disabled: *disabled,
        schooled: schooling.as_deref().map(|s| s == "enrolled"),
        orphan: *orphan,
    }
}

/// Whole years on `as_of` of a person born on `birth` (`YYYY-MM-DD`), capped below the
/// engine's missing marker.
fn age(birth: &str, as_of: NaiveDate) -> Option<u8> {
    let num = |r: std::ops::Range<usize>| birth.get(r).and_then(|s| s.parse::<i32>().ok());
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let mut years = as_of.year() - y;
    if (as_of.month() as i32, as_of.day() as i32) < (m, d) {
        years -= 1;
    }
    (years >= 0).then(|| years.min(i32::from(u8::MAX - 1)) as u8)
}

fn day_of(d: NaiveDate) -> Day {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    Day::try_from((d - epoch).num_days()).unwrap_or(Day::MAX)
}

/// Commune code → (commune index, province index).
type CommuneIndex = HashMap<String, (u16, u16)>;

/// The engine's territory tables (codes in order), where each commune sits in them, and
/// each commune's residence (urban or rural).
async fn geo_tables(
    store: &Store,
) -> Result<(GeoTables, CommuneIndex, Vec<Option<Residence>>), LoadError> {
    let db = store.conn();
    let regions: Vec<String> = region::Entity::find()
        .select_only()
        .column(region::Column::Code)
        .order_by_asc(region::Column::Code)
        .into_tuple()
        .all(db)
        .await?;
    let provinces: Vec<(String, String)> = province::Entity::find()
        .select_only()
        .column(province::Column::Code)
        .column(province::Column::RegionCode)
        .order_by_asc(province::Column::Code)
        .into_tuple()
        .all(db)
        .await?;
    let communes: Vec<(String, String, String)> = commune::Entity::find()
        .select_only()
        .column(commune::Column::Code)
        .column(commune::Column::ProvinceCode)
        .column(commune::Column::Kind)
        .order_by_asc(commune::Column::Code)
        .into_tuple()
        .all(db)
        .await?;
    let region_ix: HashMap<&str, u8> = regions
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), u8::try_from(i).unwrap_or(u8::MAX)))
        .collect();
    let province_ix: HashMap<&str, u16> = provinces
        .iter()
        .enumerate()
        .map(|(i, (c, _))| (c.as_str(), u16::try_from(i).unwrap_or(u16::MAX)))
        .collect();
    let mut index = CommuneIndex::new();
    let mut residence = Vec::with_capacity(communes.len());
    let mut commune_province = Vec::with_capacity(communes.len());
    for (i, (code, prov, kind)) in communes.iter().enumerate() {
        let p = province_ix.get(prov.as_str()).copied().unwrap_or(u16::MAX);
        index.insert(code.clone(), (u16::try_from(i).unwrap_or(u16::MAX), p));
        commune_province.push(p);
        residence.push(Residence::from_code(kind));
    }
    let geo = GeoTables {
        province_region: provinces
            .iter()
            .map(|(_, r)| region_ix.get(r.as_str()).copied().unwrap_or(u8::MAX))
            .collect(),
        regions,
        provinces: provinces.into_iter().map(|(c, _)| c).collect(),
        communes: communes.into_iter().map(|(c, _, _)| c).collect(),
        commune_province,
    };
    Ok((geo, index, residence))
}

/// The engine's territory tables, for checking rules against the schema (category values
/// such as province codes) without loading households.
pub async fn engine_geo(store: &Store) -> Result<GeoTables, LoadError> {
    Ok(geo_tables(store).await?.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_are_whole_years() {
        let on = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        assert_eq!(age("2000-03-01", on), Some(25));
        assert_eq!(age("2000-03-02", on), Some(24));
        assert_eq!(age("2025-03-02", on), None);
        assert_eq!(age("1700-01-01", on), Some(254));
        assert_eq!(age("x", on), None);
        assert_eq!(
            day_of(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()),
            19_782
        );
    }
}
