//! Partners: questionnaires and consultations. A programme owner imports a questionnaire
//! version from an XLSForm workbook ([`read_workbook`], [`Scoped::import_xlsform`]) and
//! launches a consultation ([`Scoped::launch`]) to the establishments of given
//! categories and territories: one target row per establishment, in its province. The
//! establishment's manager saves a draft answer, resumes it and submits it once
//! ([`Scoped::save_answer`]). Progress and results ([`Scoped::overview`]) count only the
//! targets within the reader's territory. Every change is audited in its transaction.

use crate::audit::{self, Actor, Change};
use crate::entity::{
    consultation, consultation_target, establishment, establishment_category, questionnaire_version,
};
use crate::owner::Owner;
use crate::{Store, StoreError};
use jisr_domain::access::Capability;
use jisr_domain::audit::{Action, Entity};
use jisr_domain::geo::ProvinceCode;
use jisr_domain::partners::campaign::{
    AnswerRefused, AnswerStatus, Phase, check_dates, may_answer,
};
use jisr_domain::partners::questionnaire::{
    AnswerError, Answers, Completeness, Questionnaire, Tally, tally, validate,
};
use jisr_domain::partners::xlsform::{self, Sheet, Workbook, XlsFormError};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::{NotSet, Set},
    ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::BTreeMap;

/// The kind naming consultations as owners of notifications.
pub const OWNER_KIND: &str = "consultation";

/// A consultation as an owner.
pub fn owner(id: i64) -> Owner {
    Owner::new(OWNER_KIND, id)
}

/// The largest workbook accepted, in bytes.
pub const WORKBOOK_MAX_BYTES: usize = 5 << 20;
/// The longest campaign title, in characters.
pub const TITLE_MAX_CHARS: usize = 200;

crate::scoped_handle!(
    /// Questionnaires and consultations within a person's reach.
    Scoped
);

/// What can go wrong.
#[derive(Debug, thiserror::Error)]
pub enum PartnersError {
    /// Fields refused, each with the translation key of its message.
    #[error("invalid fields: {0:?}")]
    Fields(Vec<(String, &'static str)>),
    /// The workbook could not be read as an XLSX file.
    #[error("unreadable workbook")]
    Unreadable,
    /// The workbook was read; these rows are refused.
    #[error("refused workbook: {0:?}")]
    XlsForm(Vec<XlsFormError>),
    /// Answers refused, by question.
    #[error("answers refused: {0:?}")]
    Answers(BTreeMap<String, AnswerError>),
    #[error(transparent)]
    Refused(#[from] AnswerRefused),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for PartnersError {
    fn from(e: sea_orm::DbErr) -> Self {
        PartnersError::Store(e.into())
    }
}

/// Reads every sheet of an XLSX workbook as rows of cell text, with their row numbers.
pub fn read_workbook(bytes: &[u8]) -> Result<Workbook, PartnersError> {
    use calamine::{Reader, Xlsx};
    if bytes.len() > WORKBOOK_MAX_BYTES || !bytes.starts_with(b"PK\x03\x04") {
        return Err(PartnersError::Unreadable);
    }
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|_| PartnersError::Unreadable)?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|_| PartnersError::Unreadable)?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::new();
        for (i, row) in range.rows().enumerate() {
            let mut cells: Vec<String> = vec![String::new(); left as usize];
            cells.extend(row.iter().map(|c| c.to_string()));
            if cells.iter().any(|c| !c.trim().is_empty()) {
                rows.push((top + i as u32 + 1, cells));
            }
        }
        sheets.push((name, Sheet { rows }));
    }
    Ok(Workbook { sheets })
}

/// A campaign as typed in the launch form.
#[derive(Debug, Clone, Default)]
pub struct LaunchInput {
    pub version: String,
    pub title_ar: String,
    pub title_fr: String,
    /// Establishment category codes.
    pub categories: Vec<String>,
    /// Region (`07`) or province (`07.427`) codes.
    pub territories: Vec<String>,
    pub opens_on: String,
    pub closes_on: String,
    pub illustrative: bool,
}

/// A questionnaire version with its definition read.
#[derive(Debug, Clone)]
pub struct Version {
    pub row: questionnaire_version::Model,
    pub questionnaire: Questionnaire,
}

fn definition(row: &questionnaire_version::Model) -> Result<Questionnaire, StoreError> {
    serde_json::from_str(&row.definition)
        .map_err(|e| StoreError::Invalid(format!("stored questionnaire {}: {e}", row.id)))
}

fn answers_of(t: &consultation_target::Model) -> Answers {
    serde_json::from_str(&t.answers).unwrap_or_default()
}

fn status_of(t: &consultation_target::Model) -> AnswerStatus {
    AnswerStatus::parse(&t.status).unwrap_or(AnswerStatus::NotStarted)
}

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

/// Where a campaign stands today.
pub fn phase(c: &consultation::Model) -> Phase {
    Phase::of(
        day(&c.opens_on),
        day(&c.closes_on),
        jisr_domain::time::today(),
    )
}

/// Progress in one province.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub province_code: String,
    pub targeted: u64,
    pub drafts: u64,
    pub submitted: u64,
}

/// A consultation as its followers see it: progress per province and the results of
/// the submitted answers, overall and per province, within their territory.
#[derive(Debug, Clone)]
pub struct Overview {
    pub consultation: consultation::Model,
    pub version: Version,
    pub progress: Vec<Progress>,
    pub results: Vec<Tally>,
    pub results_by_province: Vec<(String, Vec<Tally>)>,
}

/// A list row.
#[derive(Debug, Clone)]
pub struct Listed {
    pub consultation: consultation::Model,
    pub targeted: u64,
    pub submitted: u64,
    /// The reader's own target, for an establishment's manager.
    pub my_target: Option<consultation_target::Model>,
}

/// One establishment's answer with its campaign and questionnaire.
#[derive(Debug, Clone)]
pub struct TargetView {
    pub target: consultation_target::Model,
    pub consultation: consultation::Model,
    pub version: Version,
    pub establishment: establishment::Model,
    pub answers: Answers,
    pub status: AnswerStatus,
}

impl Scoped<'_> {
    fn targets_in_scope(&self) -> sea_orm::sea_query::Condition {
        self.access
            .condition(consultation_target::Column::ProvinceCode, |id| {
                Some(consultation_target::Column::EstablishmentId.eq(id))
            })
    }

    /// Saves a questionnaire as the next version of `form_id`.
    pub async fn save_version(
        &self,
        actor: &Actor,
        form_id: &str,
        version_label: &str,
        questionnaire: &Questionnaire,
        source: &str,
    ) -> Result<i64, PartnersError> {
        if !self.can(Capability::RunConsultations) {
            return Err(StoreError::NotFound.into());
        }
        questionnaire
            .check()
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let form_id = if form_id.trim().is_empty() {
            "questionnaire"
        } else {
            form_id.trim()
        };
        let txn = self.store().begin_write().await?;
        let last = questionnaire_version::Entity::find()
            .filter(questionnaire_version::Column::FormId.eq(form_id))
            .order_by_desc(questionnaire_version::Column::Number)
            .one(&txn)
            .await?;
        let number = last.map(|l| l.number + 1).unwrap_or(1);
        let definition =
            serde_json::to_string(questionnaire).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let model = questionnaire_version::ActiveModel {
            id: NotSet,
            form_id: Set(form_id.chars().take(80).collect()),
            number: Set(number),
            version_label: Set(version_label.chars().take(80).collect()),
            title_ar: Set(questionnaire.title.ar.clone()),
            title_fr: Set(questionnaire.title.fr.clone()),
            definition: Set(definition),
            source: Set(source.into()),
            imported_by: Set(actor.label.chars().take(80).collect()),
            imported_at: Set(crate::now_text()),
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            actor,
            Change {
                action: Action::Create,
                entity: Entity::QuestionnaireVersion,
                entity_id: model.id.to_string(),
                before: None,
                after: Some(serde_json::json!({
                    "form_id": model.form_id, "number": number, "version": model.version_label,
                    "source": source, "questions": questionnaire.questions().count(),
                })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(model.id)
    }

    /// Imports an XLSForm workbook as a new questionnaire version: every refused row at
    /// once, and then nothing is saved.
    pub async fn import_xlsform(&self, actor: &Actor, bytes: &[u8]) -> Result<i64, PartnersError> {
        if !self.can(Capability::RunConsultations) {
            return Err(StoreError::NotFound.into());
        }
        let book = read_workbook(bytes)?;
        let imported = xlsform::read(&book).map_err(PartnersError::XlsForm)?;
        self.save_version(
            actor,
            &imported.form_id,
            &imported.version,
            &imported.questionnaire,
            "xlsform",
        )
        .await
    }

    /// Every questionnaire version, newest first.
    pub async fn versions(&self) -> Result<Vec<questionnaire_version::Model>, StoreError> {
        if !self.can(Capability::RunConsultations) {
            return Err(StoreError::NotFound);
        }
        Ok(questionnaire_version::Entity::find()
            .order_by_desc(questionnaire_version::Column::Id)
            .all(self.store().conn())
            .await?)
    }

    /// One questionnaire version.
    pub async fn version(&self, id: i64) -> Result<Version, StoreError> {
        if !self.can(Capability::RunConsultations) {
            return Err(StoreError::NotFound);
        }
        load_version(self.store(), id).await
    }

    /// Launches a consultation: one target per establishment of the categories in the
    /// territories (authorised ones). Errors by field, all at once.
    pub async fn launch(&self, actor: &Actor, input: &LaunchInput) -> Result<i64, PartnersError> {
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
            } else if text.chars().count() > TITLE_MAX_CHARS {
                errors.push((field.into(), "partners-error-too-long"));
            }
        }
        let known: Vec<String> = establishment_category::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|c| c.code)
            .collect();
        let categories: Vec<&str> = input
            .categories
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if categories.is_empty() || categories.iter().any(|c| !known.iter().any(|k| k == c)) {
            errors.push(("categories".into(), "partners-error-categories"));
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
                place.add(establishment::Column::ProvinceCode.eq(*t))
            } else {
                place.add(establishment::Column::ProvinceCode.starts_with(format!("{t}.")))
            };
        }
        let reached = establishment::Entity::find()
            .filter(establishment::Column::CategoryCode.is_in(categories.iter().copied()))
            .filter(establishment::Column::Status.eq("authorised"))
            .filter(place)
            .order_by_asc(establishment::Column::Id)
            .all(db)
            .await?;
        if reached.is_empty() {
            return Err(PartnersError::Fields(vec![(
                "territories".into(),
                "partners-error-no-target",
            )]));
        }
        let txn = self.store().begin_write().await?;
        let model = consultation::ActiveModel {
            id: NotSet,
            version_id: Set(version.id),
            title_ar: Set(input.title_ar.trim().into()),
            title_fr: Set(input.title_fr.trim().into()),
            categories: Set(categories.join(",")),
            territories: Set(territories.join(",")),
            opens_on: Set(opens.to_string()),
            closes_on: Set(closes.to_string()),
            illustrative: Set(input.illustrative),
            launched_by: Set(actor.label.chars().take(80).collect()),
            launched_at: Set(crate::now_text()),
        }
        .insert(&txn)
        .await?;
        for e in &reached {
            consultation_target::ActiveModel {
                id: NotSet,
                consultation_id: Set(model.id),
                establishment_id: Set(e.id),
                province_code: Set(e.province_code.clone()),
                status: Set(AnswerStatus::NotStarted.as_str().into()),
                answers: Set("{}".into()),
                saved_at: Set(None),
                submitted_at: Set(None),
            }
            .insert(&txn)
            .await?;
        }
        audit::record(
            &txn,
            actor,
            Change {
                action: Action::Create,
                entity: Entity::Consultation,
                entity_id: model.id.to_string(),
                before: None,
                after: Some(serde_json::json!({
                    "version": version.id, "categories": model.categories,
                    "territories": model.territories, "opens_on": model.opens_on,
                    "closes_on": model.closes_on, "targets": reached.len(),
                    "illustrative": model.illustrative,
                })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(model.id)
    }

    /// The consultations reaching the person's territory (followers) or establishment
    /// (managers), newest first.
    pub async fn list(&self) -> Result<Vec<Listed>, StoreError> {
        let follower = self.can(Capability::FollowConsultations);
        let answerer = self.can(Capability::AnswerConsultations);
        if !follower && !answerer {
            return Ok(Vec::new());
        }
        let db = self.store().conn();
        let targets = consultation_target::Entity::find()
            .filter(self.targets_in_scope())
            .all(db)
            .await?;
        let mut out = Vec::new();
        let all = consultation::Entity::find()
            .order_by_desc(consultation::Column::Id)
            .all(db)
            .await?;
        for c in all {
            let mine: Vec<&consultation_target::Model> = targets
                .iter()
                .filter(|t| t.consultation_id == c.id)
                .collect();
            if mine.is_empty() && !(follower && self.is_national()) {
                continue;
            }
            out.push(Listed {
                targeted: mine.len() as u64,
                submitted: mine
                    .iter()
                    .filter(|t| status_of(t) == AnswerStatus::Submitted)
                    .count() as u64,
                my_target: (answerer && !follower)
                    .then(|| mine.first().map(|t| (*t).clone()))
                    .flatten(),
                consultation: c,
            });
        }
        Ok(out)
    }

    /// A consultation's progress and results within the person's territory; not found
    /// when no target lies there.
    pub async fn overview(&self, id: i64) -> Result<Overview, StoreError> {
        if !self.can(Capability::FollowConsultations) {
            return Err(StoreError::NotFound);
        }
        let db = self.store().conn();
        let consultation = consultation::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let targets = consultation_target::Entity::find()
            .filter(consultation_target::Column::ConsultationId.eq(id))
            .filter(self.targets_in_scope())
            .order_by_asc(consultation_target::Column::ProvinceCode)
            .all(db)
            .await?;
        if targets.is_empty() && !self.is_national() {
            return Err(StoreError::NotFound);
        }
        let version = load_version(self.store(), consultation.version_id).await?;
        let mut progress: Vec<Progress> = Vec::new();
        let mut by_province: BTreeMap<String, Vec<Answers>> = BTreeMap::new();
        let mut submitted = Vec::new();
        for t in &targets {
            if progress
                .last()
                .is_none_or(|p| p.province_code != t.province_code)
            {
                progress.push(Progress {
                    province_code: t.province_code.clone(),
                    ..Default::default()
                });
            }
            let p = progress.last_mut().expect("pushed above");
            p.targeted += 1;
            match status_of(t) {
                AnswerStatus::Submitted => {
                    p.submitted += 1;
                    let a = answers_of(t);
                    by_province
                        .entry(t.province_code.clone())
                        .or_default()
                        .push(a.clone());
                    submitted.push(a);
                }
                AnswerStatus::Draft => p.drafts += 1,
                AnswerStatus::NotStarted => {}
            }
        }
        let results = tally(&version.questionnaire, &submitted);
        let results_by_province = by_province
            .into_iter()
            .map(|(p, sets)| (p, tally(&version.questionnaire, &sets)))
            .collect();
        Ok(Overview {
            consultation,
            version,
            progress,
            results,
            results_by_province,
        })
    }

    async fn find_target(&self, id: i64) -> Result<consultation_target::Model, StoreError> {
        if !self.can(Capability::AnswerConsultations) {
            return Err(StoreError::NotFound);
        }
        let t = consultation_target::Entity::find_by_id(id)
            .filter(self.targets_in_scope())
            .one(self.store().conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let province = ProvinceCode::parse(&t.province_code)
            .map_err(|_| StoreError::Invalid(format!("stored province `{}`", t.province_code)))?;
        if !self.can_at_establishment(
            Capability::AnswerConsultations,
            &province,
            t.establishment_id,
        ) {
            return Err(StoreError::NotFound);
        }
        Ok(t)
    }

    /// One establishment's answer, for its manager.
    pub async fn target(&self, id: i64) -> Result<TargetView, StoreError> {
        let target = self.find_target(id).await?;
        let db = self.store().conn();
        let consultation = consultation::Entity::find_by_id(target.consultation_id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let version = load_version(self.store(), consultation.version_id).await?;
        let establishment = establishment::Entity::find_by_id(target.establishment_id)
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(TargetView {
            answers: answers_of(&target),
            status: status_of(&target),
            target,
            consultation,
            version,
            establishment,
        })
    }

    /// Saves the answer as a draft (what is typed is checked, required questions may
    /// wait) or submits it (complete, once). What was typed is kept on refusal by the
    /// caller, never half-saved.
    pub async fn save_answer(
        &self,
        actor: &Actor,
        id: i64,
        answers: &Answers,
        submit: bool,
    ) -> Result<AnswerStatus, PartnersError> {
        let view = self.target(id).await?;
        may_answer(phase(&view.consultation), view.status)?;
        let completeness = if submit {
            Completeness::Final
        } else {
            Completeness::Draft
        };
        let clean = validate(&view.version.questionnaire, answers, completeness)
            .map_err(PartnersError::Answers)?;
        let status = if submit {
            AnswerStatus::Submitted
        } else {
            AnswerStatus::Draft
        };
        let txn = self.store().begin_write().await?;
        // Submitted once: a second submission racing this one finds the row changed.
        let now = crate::now_text();
        let changed = consultation_target::Entity::update_many()
            .col_expr(
                consultation_target::Column::Answers,
                Expr::value(serde_json::to_string(&clean).unwrap_or_else(|_| "{}".into())),
            )
            .col_expr(
                consultation_target::Column::Status,
                Expr::value(status.as_str()),
            )
            .col_expr(
                consultation_target::Column::SavedAt,
                Expr::value(now.clone()),
            )
            .col_expr(
                consultation_target::Column::SubmittedAt,
                Expr::value(submit.then_some(now)),
            )
            .filter(consultation_target::Column::Id.eq(id))
            .filter(consultation_target::Column::Status.ne(AnswerStatus::Submitted.as_str()))
            .exec(&txn)
            .await?;
        if changed.rows_affected != 1 {
            return Err(AnswerRefused::AlreadySubmitted.into());
        }
        audit::record(
            &txn,
            actor,
            Change {
                action: if submit {
                    Action::Submit
                } else {
                    Action::Update
                },
                entity: Entity::ConsultationAnswer,
                entity_id: id.to_string(),
                before: Some(serde_json::json!({ "status": view.status.as_str() })),
                after: Some(serde_json::json!({
                    "status": status.as_str(), "consultation": view.consultation.id,
                    "establishment": view.target.establishment_id,
                    "answered": clean.len(),
                })),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(status)
    }
}

async fn load_version(store: &Store, id: i64) -> Result<Version, StoreError> {
    let row = questionnaire_version::Entity::find_by_id(id)
        .one(store.conn())
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(Version {
        questionnaire: definition(&row)?,
        row,
    })
}
