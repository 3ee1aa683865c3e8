//! Anonymous staff working-conditions surveys. A programme owner launches a survey on a
//! questionnaire version to the staff of the establishments of given territories
//! ([`Scoped::launch`]): each staff member with an open assignment there gets one link,
//! a random token sent through the outbox, of which only the hash is kept. Answering
//! through the link ([`answer`]) marks the link used and stores the answer with only the
//! survey, the province and the day: no column of `staff_survey_answers` names the person
//! or the link, the link keeps no time, and the audit entry names the survey only, with
//! no address. Results ([`Scoped::results`]) are published only for groups (provinces) of
//! at least five answers, decided on the whole country by
//! `domain::partners::staff_survey::publishable` so that no two readers' views subtract
//! into a small group.

use crate::audit::{self, Actor, Change};
use crate::entity::{
    questionnaire_version, staff_assignment, staff_survey, staff_survey_answer, staff_survey_link,
};
use crate::outbox::{self, Notification};
use crate::owner::Owner;
use crate::partners::{PartnersError, Version};
use crate::{Store, StoreError};
use jisr_domain::access::Capability;
use jisr_domain::audit::{Action, Entity};
use jisr_domain::geo::ProvinceCode;
use jisr_domain::partners::campaign::{Phase, check_dates};
use jisr_domain::partners::questionnaire::{Answers, Completeness, Tally, tally, validate};
use jisr_domain::partners::staff_survey::{MIN_GROUP, publishable};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The kind naming staff surveys as owners of notifications.
pub const OWNER_KIND: &str = "staff_survey";

pub fn owner(id: i64) -> Owner {
    Owner::new(OWNER_KIND, id)
}

crate::scoped_handle!(
    /// Staff surveys within a person's reach.
    Scoped
);

/// A survey as typed in the launch form.
#[derive(Debug, Clone, Default)]
pub struct SurveyInput {
    pub version: String,
    pub title_ar: String,
    pub title_fr: String,
    /// Region (`07`) or province (`07.427`) codes.
    pub territories: Vec<String>,
    pub opens_on: String,
    pub closes_on: String,
    pub illustrative: bool,
}

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.trim().as_bytes()))
}

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

/// Where a survey stands today.
pub fn phase(s: &staff_survey::Model) -> Phase {
    Phase::of(
        day(&s.opens_on),
        day(&s.closes_on),
        jisr_domain::time::today(),
    )
}

/// One group's published results.
#[derive(Debug, Clone)]
pub struct Group {
    pub province_code: String,
    /// `None` when suppressed.
    pub answers: Option<u64>,
    pub results: Option<Vec<Tally>>,
}

/// A survey's results as a reader may see them.
#[derive(Debug, Clone)]
pub struct Results {
    pub survey: staff_survey::Model,
    pub version: Version,
    /// Links sent within the reader's territory, and used.
    pub sent: u64,
    pub used: u64,
    /// The groups of the reader's territory.
    pub groups: Vec<Group>,
    /// The overall results, for a national reader, when publishable.
    pub total: Option<(u64, Vec<Tally>)>,
}

/// A list row.
#[derive(Debug, Clone)]
pub struct Listed {
    pub survey: staff_survey::Model,
    pub sent: u64,
    pub used: u64,
}

/// What the person holding a link sees.
#[derive(Debug, Clone)]
pub struct Opened {
    pub survey: staff_survey::Model,
    pub version: Version,
}

impl Scoped<'_> {
    fn links_in_scope(&self) -> sea_orm::sea_query::Condition {
        self.access
            .condition(staff_survey_link::Column::ProvinceCode, |_| None)
    }

    /// Launches a survey: one link per staff member with an open assignment in an
    /// establishment of the territories, sent through the outbox. Returns the survey id.
    pub async fn launch(&self, actor: &Actor, input: &SurveyInput) -> Result<i64, PartnersError> {
        if !self.can(Capability::RunConsultations) {
            return Err(StoreError::NotFound.into());
        }
        let db = self.store().conn();
        let mut errors: Vec<(String, &'static str)> = Vec::new();
        let version = match input.version.trim().parse::<i64>() {
            Ok(id) => {
                questionnaire_version::Entity::find_by_id(id)
                    .one(db)
                    .await?
            }
            Err(_) => None,
        };
        if version.is_none() {
            errors.push(("version".into(), "partners-error-version"));
        }
        for (field, text) in [("title_ar", &input.title_ar), ("title_fr", &input.title_fr)] {
            if text.trim().is_empty() {
                errors.push((field.into(), "partners-error-required"));
            } else if text.chars().count() > crate::partners::TITLE_MAX_CHARS {
                errors.push((field.into(), "partners-error-too-long"));
            }
        }
        let territories: Vec<&str> = input
            .territories
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        let territory_ok = |t: &&str| {
            ProvinceCode::parse(t).is_ok() || jisr_domain::geo::RegionCode::parse(t).is_ok()
        };
        if territories.is_empty() || !territories.iter().all(territory_ok) {
            errors.push(("territories".into(), "partners-error-territories"));
        }
        let dates = check_dates(&input.opens_on, &input.closes_on);
        if let Err(e) = &dates {
            errors.extend(e.iter().map(|(f, k)| ((*f).to_owned(), *k)));
        }
        let (Some(version), Ok((opens, closes)), true) = (version, dates, errors.is_empty()) else {
            return Err(PartnersError::Fields(errors));
        };
        let mut place = sea_orm::sea_query::Condition::any();
        for t in &territories {
            place = if t.contains('.') {
                place.add(staff_assignment::Column::ProvinceCode.eq(*t))
            } else {
                place.add(staff_assignment::Column::ProvinceCode.starts_with(format!("{t}.")))
            };
        }
        let assignments = staff_assignment::Entity::find()
            .filter(staff_assignment::Column::EndedOn.is_null())
            .filter(place)
            .order_by_asc(staff_assignment::Column::StaffId)
            .all(db)
            .await?;
        // One link per person, in the province of their first open assignment.
        let mut staff: BTreeMap<i64, String> = BTreeMap::new();
        for a in &assignments {
            staff
                .entry(a.staff_id)
                .or_insert_with(|| a.province_code.clone());
        }
        if staff.is_empty() {
            return Err(PartnersError::Fields(vec![(
                "territories".into(),
                "surveys-error-no-staff",
            )]));
        }
        let txn = self.store().begin_write().await?;
        let model = staff_survey::ActiveModel {
            id: NotSet,
            version_id: Set(version.id),
            title_ar: Set(input.title_ar.trim().into()),
            title_fr: Set(input.title_fr.trim().into()),
            territories: Set(territories.join(",")),
            opens_on: Set(opens.to_string()),
            closes_on: Set(closes.to_string()),
            illustrative: Set(input.illustrative),
            launched_by: Set(actor.label.chars().take(80).collect()),
            launched_at: Set(crate::now_text()),
        }
        .insert(&txn)
        .await?;
        for (staff_id, province) in &staff {
            let token = hex::encode(rand::random::<[u8; 24]>());
            staff_survey_link::ActiveModel {
                id: NotSet,
                survey_id: Set(model.id),
                staff_id: Set(*staff_id),
                province_code: Set(province.clone()),
                token_hash: Set(hash(&token)),
                used: Set(false),
            }
            .insert(&txn)
            .await?;
            outbox::write(
                &txn,
                Notification {
                    owner: Some(owner(model.id)),
                    province_code: province,
                    channel: "staff",
                    recipient: &format!("staff-member:{staff_id}"),
                    locale: "ar",
                    message: "staff-survey-link",
                    body: &serde_json::json!({
                        "link": format!("/staff-survey/{token}"),
                        "closes_on": model.closes_on,
                    }),
                },
            )
            .await?;
        }
        audit::record(
            &txn,
            actor,
            Change {
                action: Action::Create,
                entity: Entity::StaffSurvey,
                entity_id: model.id.to_string(),
                before: None,
                after: Some(serde_json::json!({
                    "version": version.id, "territories": model.territories,
                    "opens_on": model.opens_on, "closes_on": model.closes_on,
                    "links": staff.len(), "illustrative": model.illustrative,
                })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(model.id)
    }

    /// The surveys with links in the person's territory (every one for national readers).
    pub async fn list(&self) -> Result<Vec<Listed>, StoreError> {
        if !self.can(Capability::FollowConsultations) {
            return Ok(Vec::new());
        }
        let db = self.store().conn();
        let links = staff_survey_link::Entity::find()
            .filter(self.links_in_scope())
            .all(db)
            .await?;
        let mut out = Vec::new();
        for s in staff_survey::Entity::find()
            .order_by_desc(staff_survey::Column::Id)
            .all(db)
            .await?
        {
            let mine: Vec<_> = links.iter().filter(|l| l.survey_id == s.id).collect();
            if mine.is_empty() && !self.is_national() {
                continue;
            }
            out.push(Listed {
                sent: mine.len() as u64,
                used: mine.iter().filter(|l| l.used).count() as u64,
                survey: s,
            });
        }
        Ok(out)
    }

    /// A survey's publishable results within the person's territory; not found when no
    /// link lies there.
    pub async fn results(&self, id: i64) -> Result<Results, StoreError> {
        if !self.can(Capability::FollowConsultations) {
            return Err(StoreError::NotFound);
        }
        let db = self.store().conn();
        let survey = staff_survey::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let links = staff_survey_link::Entity::find()
            .filter(staff_survey_link::Column::SurveyId.eq(id))
            .filter(self.links_in_scope())
            .all(db)
            .await?;
        if links.is_empty() && !self.is_national() {
            return Err(StoreError::NotFound);
        }
        let version = load_version(self.store(), survey.version_id).await?;
        // Decided on every answer of the country, then cut to the reader's territory.
        let answers = staff_survey_answer::Entity::find()
            .filter(staff_survey_answer::Column::SurveyId.eq(id))
            .all(db)
            .await?;
        let mut by_province: BTreeMap<String, Vec<Answers>> = BTreeMap::new();
        for l in staff_survey_link::Entity::find()
            .filter(staff_survey_link::Column::SurveyId.eq(id))
            .all(db)
            .await?
        {
            by_province.entry(l.province_code).or_default();
        }
        for a in &answers {
            by_province
                .entry(a.province_code.clone())
                .or_default()
                .push(serde_json::from_str(&a.answers).unwrap_or_default());
        }
        let counts: Vec<u64> = by_province.values().map(|v| v.len() as u64).collect();
        let publication = publishable(&counts, MIN_GROUP);
        let in_scope = |code: &str| {
            self.is_national()
                || ProvinceCode::parse(code)
                    .is_ok_and(|p| self.can_in_province(Capability::FollowConsultations, &p))
        };
        let form = &version.questionnaire;
        let groups = by_province
            .iter()
            .zip(&publication.shown)
            .filter(|((code, _), _)| in_scope(code))
            .map(|((code, sets), shown)| Group {
                province_code: code.clone(),
                answers: shown.then_some(sets.len() as u64),
                results: (*shown && !sets.is_empty()).then(|| tally(form, sets)),
            })
            .collect();
        let total = (self.is_national() && publication.total_shown).then(|| {
            let all: Vec<&Answers> = by_province.values().flatten().collect();
            (all.len() as u64, tally(form, all))
        });
        Ok(Results {
            sent: links.len() as u64,
            used: links.iter().filter(|l| l.used).count() as u64,
            survey,
            version,
            groups,
            total,
        })
    }
}

async fn load_version(store: &Store, id: i64) -> Result<Version, StoreError> {
    let row = questionnaire_version::Entity::find_by_id(id)
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(Version {
        questionnaire: serde_json::from_str(&row.definition)
            .map_err(|e| StoreError::Invalid(format!("stored questionnaire {}: {e}", row.id)))?,
        row,
    })
}

async fn find_link(
    store: &Store,
    token: &str,
) -> Result<(staff_survey_link::Model, staff_survey::Model), StoreError> {
    let link = staff_survey_link::Entity::find()
        .filter(staff_survey_link::Column::TokenHash.eq(hash(token)))
        .filter(staff_survey_link::Column::Used.eq(false))
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
    let survey = staff_survey::Entity::find_by_id(link.survey_id)
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
    if phase(&survey) != Phase::Open {
        return Err(StoreError::NotFound);
    }
    Ok((link, survey))
}

/// The survey a link opens: not found when the link is unknown, used, or the survey
/// not open.
pub async fn open(store: &Store, token: &str) -> Result<Opened, StoreError> {
    let (_, survey) = find_link(store, token).await?;
    let version = load_version(store, survey.version_id).await?;
    Ok(Opened { survey, version })
}

/// The one actor every anonymous answer is recorded with: no request id, no address.
fn anonymous() -> Actor {
    Actor {
        label: "anonymous".into(),
        role: "anonymous".into(),
        scope: String::new(),
        request_id: String::new(),
        address: String::new(),
    }
}

/// Answers through a link, once: the link is marked used and the answer stored with
/// the survey, the province and the day only.
pub async fn answer(store: &Store, token: &str, answers: &Answers) -> Result<(), PartnersError> {
    let (link, survey) = find_link(store, token).await?;
    let version = load_version(store, survey.version_id).await?;
    let clean = validate(&version.questionnaire, answers, Completeness::Final)
        .map_err(PartnersError::Answers)?;
    let txn = store.begin_write().await?;
    let changed = staff_survey_link::Entity::update_many()
        .col_expr(staff_survey_link::Column::Used, Expr::value(true))
        .filter(staff_survey_link::Column::Id.eq(link.id))
        .filter(staff_survey_link::Column::Used.eq(false))
        .exec(&txn)
        .await?;
    if changed.rows_affected != 1 {
        return Err(StoreError::NotFound.into());
    }
    staff_survey_answer::Entity::insert(staff_survey_answer::ActiveModel {
        id: NotSet,
        survey_id: Set(survey.id),
        province_code: Set(link.province_code.clone()),
        answered_on: Set(jisr_domain::time::today().to_string()),
        answers: Set(serde_json::to_string(&clean).unwrap_or_else(|_| "{}".into())),
    })
    .exec_without_returning(&txn)
    .await?;
    audit::record(
        &txn,
        &anonymous(),
        Change {
            action: Action::Submit,
            entity: Entity::StaffSurveyAnswer,
            entity_id: survey.id.to_string(),
            before: None,
            after: Some(serde_json::json!({ "survey": survey.id })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
