//! Registering one person in the registry from a form, after the point-of-entry check:
//! the worker links the typed record to a person already known (nothing is written to
//! the registry) or confirms a new person, who is written with a household of their own
//! in the commune given. The decision is remembered (`matching_decisions`) and audited in
//! the same transaction.

use crate::StoreError;
use crate::audit::{self, Actor, Change};
use crate::entity::{commune, household, person, person_household_membership as stay};
use crate::matching::{Decision, EntryRecord};
use jisr_domain::access::Capability;
use jisr_domain::person_entry::{self, NewPerson, PersonEntry};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// What the matching decisions of a registered person are remembered under.
pub const SUBJECT: &str = "person";

/// Why a person was not registered.
#[derive(Debug)]
pub enum EntryError {
    /// Refused fields, each with the key of its message.
    Fields(Vec<(&'static str, &'static str)>),
    Store(StoreError),
}

impl From<StoreError> for EntryError {
    fn from(e: StoreError) -> Self {
        EntryError::Store(e)
    }
}

impl From<sea_orm::DbErr> for EntryError {
    fn from(e: sea_orm::DbErr) -> Self {
        EntryError::Store(e.into())
    }
}

/// What became of the typed record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    /// The record is this person, already in the registry: nothing new was written.
    Linked(i64),
    /// A new person (and their household), by id.
    New { person_id: i64, household_id: i64 },
}

/// The engine's view of a typed form, for the point-of-entry check.
pub fn entry_record(entry: &PersonEntry) -> EntryRecord {
    let join = |a: &str, b: &str| format!("{} {}", a.trim(), b.trim()).trim().to_owned();
    EntryRecord {
        name_ar: join(&entry.first_name_ar, &entry.last_name_ar),
        name_lat: join(&entry.first_name_lat, &entry.last_name_lat),
        birth_date: entry.birth_date.trim().to_owned(),
        sex: entry.sex.trim().to_ascii_lowercase(),
        national_id: entry.cin.trim().to_owned(),
        commune_code: entry.commune_code.trim().to_owned(),
    }
}

crate::scoped_handle!(
    /// Registering persons as one worker may: only in the provinces where they hold
    /// `RegisterPersons`; another province is "not found".
    Scoped
);

impl Scoped<'_> {
    /// Whether the person may register anyone, anywhere.
    pub fn may_register(&self) -> bool {
        self.can(Capability::RegisterPersons)
    }

    /// The communes where the person may register someone, by province then name.
    pub async fn communes(&self) -> Result<Vec<commune::Model>, StoreError> {
        if !self.may_register() {
            return Err(StoreError::NotFound);
        }
        let rows = commune::Entity::find()
            .filter(
                self.access
                    .condition(commune::Column::ProvinceCode, |_| None),
            )
            .order_by_asc(commune::Column::Code)
            .all(self.store().conn())
            .await?;
        Ok(rows
            .into_iter()
            .filter(|c| {
                jisr_domain::geo::ProvinceCode::parse(&c.province_code)
                    .is_ok_and(|p| self.can_in_province(Capability::RegisterPersons, &p))
            })
            .collect())
    }

    /// Checks the form against the registry: every field, the commune (out of the
    /// person's provinces: not found) and the national ID not already recorded.
    pub async fn check(&self, entry: &PersonEntry) -> Result<NewPerson, EntryError> {
        if !self.may_register() {
            return Err(StoreError::NotFound.into());
        }
        let db = self.store().conn();
        let checked = person_entry::check(entry, jisr_domain::time::today());
        let mut errors = checked.as_ref().err().cloned().unwrap_or_default();
        // The commune decides the province, even when another field is refused.
        if let Ok(code) = jisr_domain::geo::CommuneCode::parse(entry.commune_code.trim()) {
            match commune::Entity::find_by_id(code.as_str().to_owned())
                .one(db)
                .await?
            {
                None => errors.push(("commune_code", "person-entry-error-commune")),
                Some(c) => {
                    let ok = jisr_domain::geo::ProvinceCode::parse(&c.province_code)
                        .is_ok_and(|p| self.can_in_province(Capability::RegisterPersons, &p));
                    if !ok {
                        return Err(StoreError::NotFound.into());
                    }
                }
            }
        }
        if let Ok(p) = &checked
            && let Some(cin) = &p.cin
            && person::Entity::find()
                .filter(person::Column::Cin.eq(cin.as_str()))
                .one(db)
                .await?
                .is_some()
        {
            errors.push(("cin", "person-entry-error-cin-taken"));
        }
        match checked {
            Ok(p) if errors.is_empty() => Ok(p),
            _ => Err(EntryError::Fields(errors)),
        }
    }

    /// Registers the typed person after the worker's decision about the persons shown:
    /// linked to one of them (which must be one shown and one they may read), or a new
    /// person. One transaction: the person, their household and stay (each audited) and
    /// the decision (audited as `matching.decide`).
    pub async fn register(
        &self,
        actor: &Actor,
        entry: &PersonEntry,
        decision: Decision,
        shown: &[i64],
    ) -> Result<Registered, EntryError> {
        let new = self.check(entry).await?;
        let matching = crate::matching::Scoped::from(self.access.clone());
        if let Decision::Linked(p) = decision
            && !(shown.contains(&p) && matching.may_link(p).await?)
        {
            return Err(EntryError::Fields(vec![("match", "matching-error-link")]));
        }
        let record = entry_record(entry);
        let store = self.store();
        let txn = store.begin_write().await?;
        let out = match decision {
            Decision::Linked(p) => {
                matching
                    .remember(&txn, actor, &record, decision, shown, (SUBJECT, Some(p)))
                    .await?;
                Registered::Linked(p)
            }
            Decision::New => {
                let now = crate::now_text();
                let today = jisr_domain::registry::date_text(jisr_domain::time::today());
                let key = household_key(&record, &now);
                let household_id = household::Entity::insert(household::ActiveModel {
                    id: NotSet,
                    household_key: Set(key.clone()),
                    commune_code: Set(new.commune.as_str().to_owned()),
                    province_code: Set(new.province().as_str().to_owned()),
                    address: Set(String::new()),
                    created_at: Set(now.clone()),
                })
                .exec(&txn)
                .await?
                .last_insert_id;
                audit::record(
                    &txn,
                    actor,
                    Change {
                        action: audit::Action::Create,
                        entity: audit::Entity::Household,
                        entity_id: household_id.to_string(),
                        before: None,
                        after: Some(serde_json::json!({
                            "household_key": key,
                            "commune": new.commune.as_str(),
                            "source": "entry",
                        })),
                    },
                )
                .await?;
                let person_id = person::Entity::insert(person::ActiveModel {
                    id: NotSet,
                    cin: Set(new.cin.as_ref().map(|c| c.as_str().to_owned())),
                    population_register_id: Set(None),
                    person_key: Set(None),
                    first_name_ar: Set(new.first_name_ar.clone()),
                    last_name_ar: Set(new.last_name_ar.clone()),
                    first_name_lat: Set(new.first_name_lat.clone()),
                    last_name_lat: Set(new.last_name_lat.clone()),
                    birth_date: Set(new.birth_text()),
                    sex: Set(new.sex.as_str().to_owned()),
                    disabled: Set(None),
                    disability_card_number: Set(None),
                    disability_card_date: Set(None),
                    schooling: Set(None),
                    orphan: Set(None),
                    created_at: Set(now.clone()),
                })
                .exec(&txn)
                .await?
                .last_insert_id;
                stay::Entity::insert(stay::ActiveModel {
                    id: NotSet,
                    person_id: Set(person_id),
                    household_id: Set(household_id),
                    relation: Set(jisr_domain::registry::Relation::Head.as_str().to_owned()),
                    from_date: Set(today),
                    to_date: Set(None),
                })
                .exec(&txn)
                .await?;
                audit::record(
                    &txn,
                    actor,
                    Change {
                        action: audit::Action::Create,
                        entity: audit::Entity::Person,
                        entity_id: person_id.to_string(),
                        before: None,
                        after: Some(serde_json::json!({
                            "household": household_id,
                            "birth_date": new.birth_text(),
                            "sex": new.sex.as_str(),
                            "cin": new.cin.as_ref().map(|c| c.as_str()),
                            "source": "entry",
                        })),
                    },
                )
                .await?;
                matching
                    .remember(
                        &txn,
                        actor,
                        &record,
                        decision,
                        shown,
                        (SUBJECT, Some(person_id)),
                    )
                    .await?;
                Registered::New {
                    person_id,
                    household_id,
                }
            }
        };
        txn.commit().await?;
        store.matching_cache().invalidate();
        Ok(out)
    }
}

/// A household number for a person registered from a form: `E-` and 16 hex digits of a
/// hash of the record and the moment, within the registry's key rules.
fn household_key(record: &EntryRecord, now: &str) -> String {
    use sha2::{Digest, Sha256};
    let h = Sha256::digest(format!("{}\u{1f}{now}", record.key()).as_bytes());
    format!("E-{}", &hex::encode(h)[..16])
}
