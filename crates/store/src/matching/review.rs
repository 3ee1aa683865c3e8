//! Duplicates across the registry of a province: a job, run in the server, proposes pairs
//! of persons who are likely one (its progress kept in `matching_jobs`); a reviewer
//! merges a pair (which values survive chosen field by field; the absorbed person's stays
//! move to the survivor, so the history is kept; an undo restores both exactly) or marks
//! it "not the same person" (never proposed again). Everything is audited and follows the
//! reviewer's scope.

use super::{Scoped, index_of, stamp};
use crate::audit::{self, Actor, Change};
use crate::entity::{
    matching_decision as decision, matching_job as job, matching_merge as merge,
    matching_proposal as proposal, person, person_household_membership as stay,
};
use crate::{Store, StoreError};
use jisr_domain::access::Capability;
use jisr_domain::geo::ProvinceCode;
use jisr_matching::Explanation;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde_json::json;

/// Probability at or above which the job proposes a pair.
pub const PROPOSE_MIN_PROBABILITY: f64 = 0.9;
/// Records between two progress updates.
const PROGRESS_EVERY: usize = 50;

/// The fields a reviewer chooses between when merging.
pub const FIELDS: [&str; 7] = [
    "first_name_ar",
    "last_name_ar",
    "first_name_lat",
    "last_name_lat",
    "birth_date",
    "sex",
    "cin",
];

/// A field's value on a person.
pub fn field_of(p: &person::Model, field: &str) -> String {
    match field {
        "first_name_ar" => p.first_name_ar.clone(),
        "last_name_ar" => p.last_name_ar.clone(),
        "first_name_lat" => p.first_name_lat.clone(),
        "last_name_lat" => p.last_name_lat.clone(),
        "birth_date" => p.birth_date.clone(),
        "sex" => p.sex.clone(),
        "cin" => p.cin.clone().unwrap_or_default(),
        _ => String::new(),
    }
}

/// A proposed pair as the review page shows it.
#[derive(Debug, Clone)]
pub struct Pair {
    pub proposal: proposal::Model,
    pub a: person::Model,
    pub b: person::Model,
    pub explanation: Explanation,
}

/// Which side each field takes its value from when merging: `true` for the second.
pub type Choice = Vec<(String, bool)>;

fn not_same_key(a: i64) -> String {
    format!("person:{a}")
}

impl Scoped<'_> {
    fn reviews(&self, province: &str) -> bool {
        ProvinceCode::parse(province)
            .is_ok_and(|p| self.can_in_province(Capability::ReviewDuplicates, &p))
    }

    /// The provinces whose duplicates this person may review (those with households).
    pub async fn review_provinces(&self) -> Result<Vec<String>, StoreError> {
        let all = super::provinces_with_households(self.store().conn(), self.condition()).await?;
        Ok(all.into_iter().filter(|p| self.reviews(p)).collect())
    }

    /// The latest job of a province.
    pub async fn latest_job(&self, province: &str) -> Result<Option<job::Model>, StoreError> {
        if !self.reviews(province) {
            return Err(StoreError::NotFound);
        }
        Ok(job::Entity::find()
            .filter(job::Column::ProvinceCode.eq(province))
            .order_by_desc(job::Column::Id)
            .one(self.store().conn())
            .await?)
    }

    /// Starts the duplicate search of a province: records the job (audited) and returns
    /// it; [`run_job`] does the work. A job already running is returned as it is.
    pub async fn start_job(&self, actor: &Actor, province: &str) -> Result<job::Model, StoreError> {
        if !self.reviews(province) {
            return Err(StoreError::NotFound);
        }
        if let Some(j) = self.latest_job(province).await?
            && j.status == "running"
        {
            return Ok(j);
        }
        let txn = self.store().begin_write().await?;
        let j = job::ActiveModel {
            id: NotSet,
            province_code: Set(province.to_owned()),
            status: Set("running".into()),
            done: Set(0),
            total: Set(0),
            proposals: Set(0),
            started_by: Set(actor.label.clone()),
            started_at: Set(crate::now_text()),
            finished_at: Set(None),
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: audit::Action::MatchJob,
                entity: audit::Entity::Territory,
                entity_id: province.to_owned(),
                before: None,
                after: Some(json!({ "job": j.id })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(j)
    }

    /// The open pairs of a province, most likely first.
    pub async fn open_pairs(&self, province: &str) -> Result<Vec<Pair>, StoreError> {
        if !self.reviews(province) {
            return Err(StoreError::NotFound);
        }
        let rows = proposal::Entity::find()
            .filter(proposal::Column::ProvinceCode.eq(province))
            .filter(proposal::Column::Status.eq("open"))
            .order_by_desc(proposal::Column::Weight)
            .limit(200)
            .all(self.store().conn())
            .await?;
        let mut out = Vec::new();
        for p in rows {
            if let Ok(pair) = self.pair_of(p).await {
                out.push(pair);
            }
        }
        Ok(out)
    }

    async fn pair_of(&self, p: proposal::Model) -> Result<Pair, StoreError> {
        let db = self.store().conn();
        let a = person::Entity::find_by_id(p.person_a)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let b = person::Entity::find_by_id(p.person_b)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let stamp = stamp(self.store()).await?;
        let index = index_of(self.store(), &p.province_code, stamp).await?;
        let card = |m: &person::Model| super::PersonCard {
            person_id: m.id,
            first_name_ar: m.first_name_ar.clone(),
            last_name_ar: m.last_name_ar.clone(),
            first_name_lat: m.first_name_lat.clone(),
            last_name_lat: m.last_name_lat.clone(),
            birth_date: m.birth_date.clone(),
            sex: m.sex.clone(),
            cin: m.cin.clone(),
            household_id: 0,
            household_key: String::new(),
            commune_code: String::new(),
            province_code: p.province_code.clone(),
        };
        let pa = jisr_matching::Prepared::new(&super::record_of(&card(&a)));
        let pb = jisr_matching::Prepared::new(&super::record_of(&card(&b)));
        let explanation = index.matcher.explain_of(&pa, &pb);
        Ok(Pair {
            proposal: p,
            a,
            b,
            explanation,
        })
    }

    /// One pair, if the reviewer may see it; its opening is audited.
    pub async fn pair(&self, actor: &Actor, id: i64) -> Result<Pair, StoreError> {
        let p = proposal::Entity::find_by_id(id)
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        if !self.reviews(&p.province_code) {
            return Err(StoreError::NotFound);
        }
        let pair = self.pair_of(p).await?;
        audit::record_read(
            self.store(),
            actor,
            audit::Entity::Person,
            &format!("{},{}", pair.a.id, pair.b.id),
        )
        .await?;
        Ok(pair)
    }

    async fn open_proposal(&self, id: i64) -> Result<proposal::Model, StoreError> {
        let p = proposal::Entity::find_by_id(id)
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        if !self.reviews(&p.province_code) {
            return Err(StoreError::NotFound);
        }
        if p.status != "open" {
            return Err(StoreError::Conflict("already decided".into()));
        }
        Ok(p)
    }

    /// "Not the same person": the pair is closed and never proposed again. Audited.
    pub async fn not_same(&self, actor: &Actor, id: i64) -> Result<(), StoreError> {
        let p = self.open_proposal(id).await?;
        let txn = self.store().begin_write().await?;
        proposal::Entity::update_many()
            .col_expr(proposal::Column::Status, Expr::value("not_same"))
            .filter(proposal::Column::Id.eq(p.id))
            .exec(&txn)
            .await?;
        decision::Entity::insert(decision::ActiveModel {
            id: NotSet,
            entry_key: Set(not_same_key(p.person_a)),
            person_id: Set(p.person_b),
            decision: Set("not_same".into()),
            subject_kind: Set("person".into()),
            subject_id: Set(Some(p.person_a)),
            decided_by: Set(actor.label.clone()),
            decided_at: Set(crate::now_text()),
        })
        .exec(&txn)
        .await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: audit::Action::MatchNotSame,
                entity: audit::Entity::Person,
                entity_id: format!("{},{}", p.person_a, p.person_b),
                before: None,
                after: Some(json!({ "proposal": p.id })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Merges a pair into its first person: each field takes the side chosen, the
    /// second person's stays move to the first (the history is kept), and the second
    /// person, left without stays, no longer appears. Returns the merge's id. Audited.
    pub async fn merge(&self, actor: &Actor, id: i64, choice: &Choice) -> Result<i64, StoreError> {
        let p = self.open_proposal(id).await?;
        let db = self.store().conn();
        let txn = self.store().begin_write().await?;
        let a = person::Entity::find_by_id(p.person_a)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let b = person::Entity::find_by_id(p.person_b)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let _ = db;
        let from_b = |f: &str| choice.iter().any(|(k, second)| k == f && *second);
        let before = json!({ "a": person_json(&a), "b": person_json(&b) });
        // The second person gives up a national ID the first takes (it is unique).
        if from_b("cin") && b.cin.is_some() {
            let mut bm = b.clone().into_active_model();
            bm.cin = Set(None);
            bm.update(&txn).await?;
        }
        let mut am = a.clone().into_active_model();
        if from_b("first_name_ar") {
            am.first_name_ar = Set(b.first_name_ar.clone());
        }
        if from_b("last_name_ar") {
            am.last_name_ar = Set(b.last_name_ar.clone());
        }
        if from_b("first_name_lat") {
            am.first_name_lat = Set(b.first_name_lat.clone());
        }
        if from_b("last_name_lat") {
            am.last_name_lat = Set(b.last_name_lat.clone());
        }
        if from_b("birth_date") {
            am.birth_date = Set(b.birth_date.clone());
        }
        if from_b("sex") {
            am.sex = Set(b.sex.clone());
        }
        if from_b("cin") {
            am.cin = Set(b.cin.clone());
        }
        let merged = am.update(&txn).await?;
        let stays = stay::Entity::find()
            .filter(stay::Column::PersonId.eq(b.id))
            .all(&txn)
            .await?;
        let moved: Vec<i64> = stays.iter().map(|s| s.id).collect();
        // A person lives in one household at a time: the absorbed person's current stay
        // ends today and joins the survivor's history (an undo reopens it).
        let open: Vec<i64> = stays
            .iter()
            .filter(|s| s.to_date.is_none())
            .map(|s| s.id)
            .collect();
        stay::Entity::update_many()
            .col_expr(
                stay::Column::ToDate,
                Expr::value(chrono::Utc::now().date_naive().to_string()),
            )
            .filter(stay::Column::Id.is_in(open.clone()))
            .exec(&txn)
            .await?;
        stay::Entity::update_many()
            .col_expr(stay::Column::PersonId, Expr::value(a.id))
            .filter(stay::Column::Id.is_in(moved.clone()))
            .exec(&txn)
            .await?;
        proposal::Entity::update_many()
            .col_expr(proposal::Column::Status, Expr::value("merged"))
            .filter(proposal::Column::Id.eq(p.id))
            .exec(&txn)
            .await?;
        let m = merge::ActiveModel {
            id: NotSet,
            proposal_id: Set(p.id),
            survivor_id: Set(a.id),
            absorbed_id: Set(b.id),
            before: Set(before.to_string()),
            moved_stays: Set(json!({ "moved": moved, "reopen": open }).to_string()),
            merged_by: Set(actor.label.clone()),
            merged_at: Set(crate::now_text()),
            undone_by: Set(None),
            undone_at: Set(None),
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: audit::Action::MatchMerge,
                entity: audit::Entity::Person,
                entity_id: a.id.to_string(),
                before: Some(before),
                after: Some(json!({ "merge": m.id, "person": person_json(&merged), "absorbed": b.id, "moved_stays": moved, "ended_stays": open })),
            },
        )
        .await?;
        txn.commit().await?;
        self.store().matching_cache().invalidate();
        Ok(m.id)
    }

    /// The merges of a province not undone, newest first, with the merged person.
    pub async fn merges(
        &self,
        province: &str,
    ) -> Result<Vec<(merge::Model, Option<person::Model>)>, StoreError> {
        if !self.reviews(province) {
            return Err(StoreError::NotFound);
        }
        let ids: Vec<i64> = proposal::Entity::find()
            .filter(proposal::Column::ProvinceCode.eq(province))
            .filter(proposal::Column::Status.eq("merged"))
            .all(self.store().conn())
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
        let merges = merge::Entity::find()
            .filter(merge::Column::ProposalId.is_in(ids))
            .filter(merge::Column::UndoneAt.is_null())
            .order_by_desc(merge::Column::Id)
            .all(self.store().conn())
            .await?;
        let mut out = Vec::new();
        for m in merges {
            let p = person::Entity::find_by_id(m.survivor_id)
                .one(self.store().conn())
                .await?;
            out.push((m, p));
        }
        Ok(out)
    }

    /// A merge, if the reviewer may see it.
    pub async fn merge_in_scope(&self, merge_id: i64) -> Result<merge::Model, StoreError> {
        let db = self.store().conn();
        let m = merge::Entity::find_by_id(merge_id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let p = proposal::Entity::find_by_id(m.proposal_id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !self.reviews(&p.province_code) {
            return Err(StoreError::NotFound);
        }
        Ok(m)
    }

    /// Undoes a merge: both persons as they were, the stays back with their person, the
    /// pair open again. Audited.
    pub async fn undo(&self, actor: &Actor, merge_id: i64) -> Result<(), StoreError> {
        let db = self.store().conn();
        let m = merge::Entity::find_by_id(merge_id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let p = proposal::Entity::find_by_id(m.proposal_id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !self.reviews(&p.province_code) {
            return Err(StoreError::NotFound);
        }
        if m.undone_at.is_some() {
            return Err(StoreError::Conflict("already undone".into()));
        }
        let before: serde_json::Value =
            serde_json::from_str(&m.before).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let stays: serde_json::Value =
            serde_json::from_str(&m.moved_stays).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let ids = |k: &str| -> Vec<i64> {
            stays[k]
                .as_array()
                .map(|a| a.iter().filter_map(|v| v.as_i64()).collect())
                .unwrap_or_default()
        };
        let (moved, reopen) = (ids("moved"), ids("reopen"));
        let txn = self.store().begin_write().await?;
        // The survivor first gives back a national ID the absorbed person held.
        person::Entity::update_many()
            .col_expr(person::Column::Cin, Expr::value(Option::<String>::None))
            .filter(person::Column::Id.eq(m.survivor_id))
            .exec(&txn)
            .await?;
        for side in ["b", "a"] {
            restore(&txn, &before[side]).await?;
        }
        stay::Entity::update_many()
            .col_expr(stay::Column::PersonId, Expr::value(m.absorbed_id))
            .filter(stay::Column::Id.is_in(moved))
            .exec(&txn)
            .await?;
        stay::Entity::update_many()
            .col_expr(stay::Column::ToDate, Expr::value(Option::<String>::None))
            .filter(stay::Column::Id.is_in(reopen))
            .exec(&txn)
            .await?;
        proposal::Entity::update_many()
            .col_expr(proposal::Column::Status, Expr::value("open"))
            .filter(proposal::Column::Id.eq(p.id))
            .exec(&txn)
            .await?;
        merge::Entity::update_many()
            .col_expr(merge::Column::UndoneBy, Expr::value(actor.label.clone()))
            .col_expr(merge::Column::UndoneAt, Expr::value(crate::now_text()))
            .filter(merge::Column::Id.eq(m.id))
            .exec(&txn)
            .await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: audit::Action::MatchUndo,
                entity: audit::Entity::Person,
                entity_id: m.survivor_id.to_string(),
                before: None,
                after: Some(json!({ "merge": m.id, "restored": before })),
            },
        )
        .await?;
        txn.commit().await?;
        self.store().matching_cache().invalidate();
        Ok(())
    }
}

fn person_json(p: &person::Model) -> serde_json::Value {
    json!({
        "id": p.id,
        "first_name_ar": p.first_name_ar,
        "last_name_ar": p.last_name_ar,
        "first_name_lat": p.first_name_lat,
        "last_name_lat": p.last_name_lat,
        "birth_date": p.birth_date,
        "sex": p.sex,
        "cin": p.cin,
    })
}

async fn restore(
    txn: &sea_orm::DatabaseTransaction,
    v: &serde_json::Value,
) -> Result<(), StoreError> {
    let text = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
    let id = v["id"]
        .as_i64()
        .ok_or(StoreError::Invalid("merge record".into()))?;
    person::Entity::update_many()
        .col_expr(
            person::Column::FirstNameAr,
            Expr::value(text("first_name_ar")),
        )
        .col_expr(
            person::Column::LastNameAr,
            Expr::value(text("last_name_ar")),
        )
        .col_expr(
            person::Column::FirstNameLat,
            Expr::value(text("first_name_lat")),
        )
        .col_expr(
            person::Column::LastNameLat,
            Expr::value(text("last_name_lat")),
        )
        .col_expr(person::Column::BirthDate, Expr::value(text("birth_date")))
        .col_expr(person::Column::Sex, Expr::value(text("sex")))
        .col_expr(
            person::Column::Cin,
            Expr::value(v["cin"].as_str().map(str::to_owned)),
        )
        .filter(person::Column::Id.eq(id))
        .exec(txn)
        .await?;
    Ok(())
}

/// Runs a job started by [`Scoped::start_job`]: scores every person of the province
/// against the others, proposes the likely pairs (not those marked not the same, nor two
/// different national IDs), replaces the province's open proposals, and keeps the job's
/// progress up to date. Meant to run in the background of the server.
pub async fn run_job(store: &Store, job_id: i64) -> Result<(), StoreError> {
    let result = run(store, job_id).await;
    let status = if result.is_ok() { "done" } else { "failed" };
    job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(status))
        .col_expr(job::Column::FinishedAt, Expr::value(crate::now_text()))
        .filter(job::Column::Id.eq(job_id))
        .exec(store.conn())
        .await?;
    result
}

async fn run(store: &Store, job_id: i64) -> Result<(), StoreError> {
    let j = job::Entity::find_by_id(job_id)
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
    let stamp = stamp(store).await?;
    let index = index_of(store, &j.province_code, stamp).await?;
    let total = index.cards.len();
    job::Entity::update_many()
        .col_expr(job::Column::Total, Expr::value(total as i64))
        .filter(job::Column::Id.eq(job_id))
        .exec(store.conn())
        .await?;
    let not_same: std::collections::HashSet<(i64, i64)> = decision::Entity::find()
        .filter(decision::Column::SubjectKind.eq("person"))
        .filter(decision::Column::Decision.eq("not_same"))
        .all(store.conn())
        .await?
        .into_iter()
        .filter_map(|d| d.subject_id.map(|a| (a, d.person_id)))
        .collect();
    let mut pairs: Vec<(i64, i64, f64)> = Vec::new();
    for (i, card) in index.cards.iter().enumerate() {
        let rec = super::record_of(card);
        for c in index.matcher.check(&rec, 6, PROPOSE_MIN_PROBABILITY) {
            let other = &index.cards[c.record as usize];
            if other.person_id <= card.person_id {
                continue;
            }
            if let (Some(x), Some(y)) = (&card.cin, &other.cin)
                && x != y
            {
                continue;
            }
            let pair = (card.person_id, other.person_id);
            if !not_same.contains(&pair) {
                pairs.push((pair.0, pair.1, c.weight));
            }
        }
        if (i + 1) % PROGRESS_EVERY == 0 {
            job::Entity::update_many()
                .col_expr(job::Column::Done, Expr::value((i + 1) as i64))
                .filter(job::Column::Id.eq(job_id))
                .exec(store.conn())
                .await?;
            tokio::task::yield_now().await;
        }
    }
    let txn = store.begin_write().await?;
    proposal::Entity::delete_many()
        .filter(proposal::Column::ProvinceCode.eq(&j.province_code))
        .filter(proposal::Column::Status.eq("open"))
        .exec(&txn)
        .await?;
    // Pairs already merged stay as they are.
    let merged: std::collections::HashSet<(i64, i64)> = proposal::Entity::find()
        .filter(proposal::Column::ProvinceCode.eq(&j.province_code))
        .all(&txn)
        .await?
        .into_iter()
        .map(|p| (p.person_a, p.person_b))
        .collect();
    let mut n = 0;
    for (a, b, w) in pairs {
        if merged.contains(&(a, b)) {
            continue;
        }
        proposal::Entity::insert(proposal::ActiveModel {
            id: NotSet,
            job_id: Set(job_id),
            province_code: Set(j.province_code.clone()),
            person_a: Set(a),
            person_b: Set(b),
            weight: Set(w),
            status: Set("open".into()),
        })
        .exec(&txn)
        .await?;
        n += 1;
    }
    job::Entity::update_many()
        .col_expr(job::Column::Done, Expr::value(total as i64))
        .col_expr(job::Column::Proposals, Expr::value(n as i64))
        .filter(job::Column::Id.eq(job_id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}
