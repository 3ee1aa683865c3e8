//! Reading the registry as one person may see it.

use crate::StoreError;
use crate::entity::{
    household, household_index_value as value, person, person_household_membership as stay,
};
use chrono::NaiveDate;
use jisr_domain::geo::{CommuneCode, ProvinceCode};
use jisr_targeting::date::parse_day;
use jisr_targeting::registry::{IndexObservation, latest_valid};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

pub const PAGE_SIZE: u64 = 25;

/// Filters of the households list.
#[derive(Debug, Clone, Default)]
pub struct HouseholdFilter {
    pub province: Option<ProvinceCode>,
    pub commune: Option<CommuneCode>,
    /// The beginning of the household number.
    pub key: Option<String>,
    /// 1-based page of [`PAGE_SIZE`] rows.
    pub page: u64,
}

/// A household in a list: how many live there now and the index value rules use today.
#[derive(Debug, Clone, PartialEq)]
pub struct HouseholdSummary {
    pub household: household::Model,
    pub members: u64,
    pub index: Option<value::Model>,
}

/// A person's stay in a household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub person: person::Model,
    pub stay: stay::Model,
}

/// A household with its members, past members and index values.
#[derive(Debug, Clone, PartialEq)]
pub struct HouseholdDetail {
    pub household: household::Model,
    /// Members living there now, the head first.
    pub members: Vec<Member>,
    /// Stays that ended, the latest first.
    pub former_members: Vec<Member>,
    /// Every index value received, the newest first.
    pub index_history: Vec<value::Model>,
    /// The value rules use today ([`latest_valid_value`]).
    pub index: Option<value::Model>,
}

/// One stay of a person, with its household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stay {
    pub stay: stay::Model,
    pub household: household::Model,
}

/// The value rules use on `as_of`: the most recent one dated no later than `as_of` and
/// not expired (the engine's [`latest_valid`]).
pub fn latest_valid_value(values: &[value::Model], as_of: NaiveDate) -> Option<value::Model> {
    let day = |t: &str| parse_day(t);
    let as_of = parse_day(&jisr_domain::registry::date_text(as_of))?;
    let observations: Vec<(usize, IndexObservation)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            Some((
                i,
                IndexObservation {
                    value: v.value as f32,
                    date: day(&v.date)?,
                    source: jisr_targeting::registry::codes::IndexSource::from_code(&v.source)?,
                    valid_to: v.valid_to.as_deref().and_then(day),
                },
            ))
        })
        .collect();
    let only: Vec<IndexObservation> = observations.iter().map(|(_, o)| *o).collect();
    let best = latest_valid(&only, as_of)?;
    // Ties keep the later entry, as the engine does.
    observations
        .iter()
        .rev()
        .find(|(_, o)| *o == best)
        .map(|(i, _)| values[*i].clone())
}

crate::scoped_handle!(
    /// The registry as one person may see it: every query is limited to the territory
    /// of their grants; a household outside it is "not found".
    Scoped
);

impl Scoped<'_> {
    /// The territory of the grants, as a condition on households. Establishment scopes
    /// cover no household.
    pub(crate) fn condition(&self) -> Condition {
        self.access
            .condition(household::Column::ProvinceCode, |_| None)
    }

    /// One page of households and the total count, by household number.
    pub async fn list(
        &self,
        f: &HouseholdFilter,
    ) -> Result<(Vec<HouseholdSummary>, u64), StoreError> {
        let db = self.store().conn();
        let mut q = household::Entity::find().filter(self.condition());
        if let Some(p) = &f.province {
            q = q.filter(household::Column::ProvinceCode.eq(p.as_str()));
        }
        if let Some(c) = &f.commune {
            q = q.filter(household::Column::CommuneCode.eq(c.as_str()));
        }
        if let Some(k) = f.key.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            q = q.filter(household::Column::HouseholdKey.starts_with(k));
        }
        let total = q.clone().count(db).await?;
        let rows = q
            .order_by_asc(household::Column::HouseholdKey)
            .offset(crate::listing::Page::new(f.page, PAGE_SIZE).offset())
            .limit(PAGE_SIZE)
            .all(db)
            .await?;
        let ids: Vec<i64> = rows.iter().map(|h| h.id).collect();
        let counts: HashMap<i64, i64> = stay::Entity::find()
            .select_only()
            .column(stay::Column::HouseholdId)
            .column_as(stay::Column::Id.count(), "n")
            .filter(stay::Column::HouseholdId.is_in(ids.clone()))
            .filter(stay::Column::ToDate.is_null())
            .group_by(stay::Column::HouseholdId)
            .into_tuple::<(i64, i64)>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let mut values: HashMap<i64, Vec<value::Model>> = HashMap::new();
        for v in value::Entity::find()
            .filter(value::Column::HouseholdId.is_in(ids))
            .order_by_asc(value::Column::Id)
            .all(db)
            .await?
        {
            values.entry(v.household_id).or_default().push(v);
        }
        let today = jisr_domain::time::today();
        let list = rows
            .into_iter()
            .map(|h| HouseholdSummary {
                members: counts.get(&h.id).copied().unwrap_or(0).max(0) as u64,
                index: values.get(&h.id).and_then(|v| latest_valid_value(v, today)),
                household: h,
            })
            .collect();
        Ok((list, total))
    }

    /// One household, or "not found" when it is outside the scopes.
    pub async fn household(&self, id: i64) -> Result<household::Model, StoreError> {
        household::Entity::find_by_id(id)
            .filter(self.condition())
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The household with this registry number, or "not found".
    pub async fn household_by_key(&self, key: &str) -> Result<household::Model, StoreError> {
        household::Entity::find()
            .filter(household::Column::HouseholdKey.eq(key.trim()))
            .filter(self.condition())
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// A household with its members (current and former) and its index values.
    pub async fn get(&self, id: i64) -> Result<HouseholdDetail, StoreError> {
        let db = self.store().conn();
        let household = self.household(id).await?;
        let stays = stay::Entity::find()
            .filter(stay::Column::HouseholdId.eq(id))
            .find_also_related(person::Entity)
            .order_by_asc(stay::Column::Id)
            .all(db)
            .await?;
        let mut members = Vec::new();
        let mut former_members = Vec::new();
        for (s, p) in stays {
            let Some(person) = p else { continue };
            let m = Member { person, stay: s };
            if m.stay.to_date.is_none() {
                members.push(m);
            } else {
                former_members.push(m);
            }
        }
        members.sort_by_key(|m| (m.stay.relation != "head", m.stay.id));
        former_members
            .sort_by(|a, b| (&b.stay.to_date, b.stay.id).cmp(&(&a.stay.to_date, a.stay.id)));
        let mut index_history = value::Entity::find()
            .filter(value::Column::HouseholdId.eq(id))
            .order_by_asc(value::Column::Id)
            .all(db)
            .await?;
        let index = latest_valid_value(&index_history, jisr_domain::time::today());
        index_history.sort_by(|a, b| (&b.date, b.id).cmp(&(&a.date, a.id)));
        Ok(HouseholdDetail {
            household,
            members,
            former_members,
            index_history,
            index,
        })
    }

    /// Every stay of a person, oldest first. The person is visible when the household
    /// they live in now (or, having none, their last one) is inside the scopes.
    pub async fn stays_of(&self, person_id: i64) -> Result<Vec<Stay>, StoreError> {
        let rows = stay::Entity::find()
            .filter(stay::Column::PersonId.eq(person_id))
            .find_also_related(household::Entity)
            .order_by_asc(stay::Column::FromDate)
            .order_by_asc(stay::Column::Id)
            .all(self.store().conn())
            .await?;
        let stays: Vec<Stay> = rows
            .into_iter()
            .filter_map(|(stay, h)| h.map(|household| Stay { stay, household }))
            .collect();
        let latest = stays
            .iter()
            .find(|s| s.stay.to_date.is_none())
            .or_else(|| stays.last())
            .ok_or(StoreError::NotFound)?;
        self.household(latest.household.id).await?;
        Ok(stays)
    }
}
