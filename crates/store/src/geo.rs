//! The reference geography: loading the HCP files and reading territories.
//!
//! An import parses every file completely before touching the database; any malformed
//! value stops it with the file, line and column, and nothing is written. A second import
//! of the same files changes nothing and writes no audit entry.

use crate::audit::{self, Actor, Change};
use crate::entity::{arrondissement, cercle, commune, province, region};
use crate::progress::Progress;
use crate::{Store, StoreError};
use jisr_domain::geo::{
    ArrondissementCode, CercleCode, CommuneCode, CommuneKind, ProvinceCode, ProvinceKind,
    RegionCode,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// The five territory files, by name and content.
#[derive(Debug, Clone)]
pub struct GeoSource {
    files: [(String, String); 5],
}

const FILE_NAMES: [&str; 5] = [
    "regions.csv",
    "provinces.csv",
    "cercles.csv",
    "communes.csv",
    "arrondissements.csv",
];

impl GeoSource {
    /// The reference files shipped inside the binary.
    pub fn embedded() -> Self {
        let texts = [
            include_str!("../../../data/geo/regions.csv"),
            include_str!("../../../data/geo/provinces.csv"),
            include_str!("../../../data/geo/cercles.csv"),
            include_str!("../../../data/geo/communes.csv"),
            include_str!("../../../data/geo/arrondissements.csv"),
        ];
        Self {
            files: std::array::from_fn(|i| (FILE_NAMES[i].to_owned(), texts[i].to_owned())),
        }
    }

    /// The same five files read from a directory.
    pub fn from_dir(dir: &Path) -> Result<Self, GeoImportError> {
        let mut files: [(String, String); 5] = Default::default();
        for (i, name) in FILE_NAMES.iter().enumerate() {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path).map_err(|e| GeoImportError {
                file: path.display().to_string(),
                line: 0,
                column: 0,
                message: e.to_string(),
            })?;
            files[i] = (path.display().to_string(), text);
        }
        Ok(Self { files })
    }
}

/// A refused import: where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct GeoImportError {
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub message: String,
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// A CSV file being read by column name.
struct Sheet<'a> {
    file: &'a str,
    headers: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl<'a> Sheet<'a> {
    fn read(file: &'a str, text: &str, required: &[&str]) -> Result<Self, GeoImportError> {
        let err = |line, column, message: String| GeoImportError {
            file: file.to_owned(),
            line,
            column,
            message,
        };
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| err(1, 1, e.to_string()))?
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_owned())
            .collect();
        for r in required {
            if !headers.iter().any(|h| h == r) {
                return Err(err(
                    1,
                    headers.len() as u64 + 1,
                    format!("missing column `{r}`"),
                ));
            }
        }
        let mut rows = Vec::new();
        for rec in reader.records() {
            let rec = rec.map_err(|e| {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                err(line, 1, e.to_string())
            })?;
            let line = rec.position().map(|p| p.line()).unwrap_or(0);
            rows.push((line, rec));
        }
        Ok(Self {
            file,
            headers,
            rows,
        })
    }

    fn col(&self, name: &str) -> usize {
        self.headers
            .iter()
            .position(|h| h == name)
            .unwrap_or(usize::MAX)
    }

    fn error(&self, line: u64, col: usize, message: String) -> GeoImportError {
        GeoImportError {
            file: self.file.to_owned(),
            line,
            column: col as u64 + 1,
            message,
        }
    }

    /// A field parsed by `parse`, with its position on error.
    fn field<T, E: std::fmt::Display>(
        &self,
        line: u64,
        rec: &csv::StringRecord,
        name: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<T, GeoImportError> {
        let c = self.col(name);
        let raw = rec.get(c).unwrap_or("").trim();
        parse(raw).map_err(|e| self.error(line, c, e.to_string()))
    }

    fn text(
        &self,
        line: u64,
        rec: &csv::StringRecord,
        name: &str,
    ) -> Result<String, GeoImportError> {
        self.field(line, rec, name, |s| {
            if s.is_empty() {
                Err(format!("`{name}` is empty"))
            } else {
                Ok(s.to_owned())
            }
        })
    }

    fn count(&self, line: u64, rec: &csv::StringRecord, name: &str) -> Result<i64, GeoImportError> {
        self.field(line, rec, name, |s| {
            s.parse::<i64>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| format!("`{s}` is not a whole number ≥ 0 for `{name}`"))
        })
    }

    /// A code that must already be known (`known`), e.g. a commune's province.
    fn reference(
        &self,
        line: u64,
        rec: &csv::StringRecord,
        name: &str,
        known: &HashSet<String>,
        parse: impl FnOnce(&str) -> Result<String, jisr_domain::geo::CodeError>,
    ) -> Result<String, GeoImportError> {
        let code = self.field(line, rec, name, parse)?;
        if known.contains(&code) {
            Ok(code)
        } else {
            Err(self.error(line, self.col(name), format!("unknown {name} `{code}`")))
        }
    }
}

/// Every territory of the files, parsed and cross-checked.
#[derive(Debug, Default)]
struct Parsed {
    regions: Vec<region::Model>,
    provinces: Vec<province::Model>,
    cercles: Vec<cercle::Model>,
    communes: Vec<commune::Model>,
    arrondissements: Vec<arrondissement::Model>,
}

fn codes<'a>(it: impl Iterator<Item = &'a String>) -> HashSet<String> {
    it.cloned().collect()
}

fn ensure_unique(
    sheet: &Sheet<'_>,
    seen: &mut HashSet<String>,
    line: u64,
    code: &str,
) -> Result<(), GeoImportError> {
    if seen.insert(code.to_owned()) {
        Ok(())
    } else {
        Err(sheet.error(line, sheet.col("code"), format!("duplicate code `{code}`")))
    }
}

fn parse_source(src: &GeoSource) -> Result<Parsed, GeoImportError> {
    let [r, p, c, m, a] = &src.files;
    let names = [
        "code",
        "name_fr",
        "name_ar",
        "population_2024",
        "households_2024",
    ];
    let mut out = Parsed::default();

    let sheet = Sheet::read(&r.0, &r.1, &names)?;
    let mut seen = HashSet::new();
    for (line, rec) in &sheet.rows {
        let code = sheet.field(*line, rec, "code", |s| {
            RegionCode::parse(s).map(String::from)
        })?;
        ensure_unique(&sheet, &mut seen, *line, &code)?;
        out.regions.push(region::Model {
            code,
            name_ar: sheet.text(*line, rec, "name_ar")?,
            name_fr: sheet.text(*line, rec, "name_fr")?,
            population: sheet.count(*line, rec, "population_2024")?,
            households: sheet.count(*line, rec, "households_2024")?,
        });
    }
    let regions = codes(out.regions.iter().map(|x| &x.code));

    let sheet = Sheet::read(&p.0, &p.1, &[&names[..], &["type", "region_code"]].concat())?;
    let mut seen = HashSet::new();
    for (line, rec) in &sheet.rows {
        let code = sheet.field(*line, rec, "code", |s| {
            ProvinceCode::parse(s).map(String::from)
        })?;
        ensure_unique(&sheet, &mut seen, *line, &code)?;
        out.provinces.push(province::Model {
            region_code: sheet.reference(*line, rec, "region_code", &regions, |s| {
                RegionCode::parse(s).map(String::from)
            })?,
            kind: sheet.field(*line, rec, "type", |s| {
                ProvinceKind::parse(s)
                    .map(|k| k.as_str().to_owned())
                    .ok_or_else(|| format!("unknown province type `{s}`"))
            })?,
            code,
            name_ar: sheet.text(*line, rec, "name_ar")?,
            name_fr: sheet.text(*line, rec, "name_fr")?,
            population: sheet.count(*line, rec, "population_2024")?,
            households: sheet.count(*line, rec, "households_2024")?,
        });
    }
    let provinces = codes(out.provinces.iter().map(|x| &x.code));

    let sheet = Sheet::read(&c.0, &c.1, &[&names[..], &["province_code"]].concat())?;
    let mut seen = HashSet::new();
    for (line, rec) in &sheet.rows {
        let code = sheet.field(*line, rec, "code", |s| {
            CercleCode::parse(s).map(String::from)
        })?;
        ensure_unique(&sheet, &mut seen, *line, &code)?;
        out.cercles.push(cercle::Model {
            province_code: sheet.reference(*line, rec, "province_code", &provinces, |s| {
                ProvinceCode::parse(s).map(String::from)
            })?,
            code,
            name_ar: sheet.text(*line, rec, "name_ar")?,
            name_fr: sheet.text(*line, rec, "name_fr")?,
            population: sheet.count(*line, rec, "population_2024")?,
            households: sheet.count(*line, rec, "households_2024")?,
        });
    }
    let cercles = codes(out.cercles.iter().map(|x| &x.code));

    let sheet = Sheet::read(
        &m.0,
        &m.1,
        &[&names[..], &["type", "province_code", "cercle_code"]].concat(),
    )?;
    let mut seen = HashSet::new();
    for (line, rec) in &sheet.rows {
        let code = sheet.field(*line, rec, "code", |s| {
            CommuneCode::parse(s).map(String::from)
        })?;
        ensure_unique(&sheet, &mut seen, *line, &code)?;
        let cercle_raw = rec.get(sheet.col("cercle_code")).unwrap_or("").trim();
        let cercle_code = if cercle_raw.is_empty() {
            None
        } else {
            Some(sheet.reference(*line, rec, "cercle_code", &cercles, |s| {
                CercleCode::parse(s).map(String::from)
            })?)
        };
        out.communes.push(commune::Model {
            province_code: sheet.reference(*line, rec, "province_code", &provinces, |s| {
                ProvinceCode::parse(s).map(String::from)
            })?,
            cercle_code,
            kind: sheet.field(*line, rec, "type", |s| {
                CommuneKind::parse(s)
                    .map(|k| k.as_str().to_owned())
                    .ok_or_else(|| format!("unknown commune type `{s}`"))
            })?,
            code,
            name_ar: sheet.text(*line, rec, "name_ar")?,
            name_fr: sheet.text(*line, rec, "name_fr")?,
            population: sheet.count(*line, rec, "population_2024")?,
            households: sheet.count(*line, rec, "households_2024")?,
        });
    }
    let communes = codes(out.communes.iter().map(|x| &x.code));

    let sheet = Sheet::read(&a.0, &a.1, &[&names[..], &["commune_code"]].concat())?;
    let mut seen = HashSet::new();
    for (line, rec) in &sheet.rows {
        let code = sheet.field(*line, rec, "code", |s| {
            ArrondissementCode::parse(s).map(String::from)
        })?;
        ensure_unique(&sheet, &mut seen, *line, &code)?;
        out.arrondissements.push(arrondissement::Model {
            commune_code: sheet.reference(*line, rec, "commune_code", &communes, |s| {
                CommuneCode::parse(s).map(String::from)
            })?,
            code,
            name_ar: sheet.text(*line, rec, "name_ar")?,
            name_fr: sheet.text(*line, rec, "name_fr")?,
            population: sheet.count(*line, rec, "population_2024")?,
            households: sheet.count(*line, rec, "households_2024")?,
        });
    }
    Ok(out)
}

/// Why an import failed: the files, or the database.
#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    #[error(transparent)]
    File(#[from] GeoImportError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for ImportFailure {
    fn from(e: sea_orm::DbErr) -> Self {
        ImportFailure::Store(e.into())
    }
}

/// Inserts new rows and updates changed ones of one level, in the open transaction.
macro_rules! upsert_level {
    ($txn:expr, $entity:ident, $rows:expr, $summary:expr, $changed:expr, $progress:expr) => {{
        let existing: BTreeMap<String, $entity::Model> = $entity::Entity::find()
            .all($txn)
            .await?
            .into_iter()
            .map(|m| (m.code.clone(), m))
            .collect();
        let mut fresh = Vec::new();
        for row in $rows {
            match existing.get(&row.code) {
                None => {
                    $changed.push(row.code.clone());
                    fresh.push(row.into_active_model());
                    $summary.inserted += 1;
                }
                Some(old) if *old != row => {
                    $changed.push(row.code.clone());
                    let mut am = row.into_active_model();
                    am = am.reset_all();
                    am.update($txn).await?;
                    $summary.updated += 1;
                }
                Some(_) => $summary.unchanged += 1,
            }
            $progress.inc(1);
        }
        for chunk in fresh.chunks(400) {
            $entity::Entity::insert_many(chunk.to_vec())
                .exec_without_returning($txn)
                .await?;
        }
    }};
}

/// Loads the reference geography. All or nothing: one transaction, one audit entry
/// listing what changed, nothing at all when nothing changed.
pub async fn import(
    store: &Store,
    source: &GeoSource,
    actor: &Actor,
    progress: &dyn Progress,
) -> Result<ImportSummary, ImportFailure> {
    let parsed = parse_source(source)?;
    let total = (parsed.regions.len()
        + parsed.provinces.len()
        + parsed.cercles.len()
        + parsed.communes.len()
        + parsed.arrondissements.len()) as u64;
    progress.start("geo import", total);
    let txn = store.begin_write().await?;
    let mut summary = ImportSummary::default();
    let mut changed: Vec<String> = Vec::new();
    upsert_level!(&txn, region, parsed.regions, summary, changed, progress);
    upsert_level!(&txn, province, parsed.provinces, summary, changed, progress);
    upsert_level!(&txn, cercle, parsed.cercles, summary, changed, progress);
    upsert_level!(&txn, commune, parsed.communes, summary, changed, progress);
    upsert_level!(
        &txn,
        arrondissement,
        parsed.arrondissements,
        summary,
        changed,
        progress
    );
    if !changed.is_empty() {
        audit::record(
            &txn,
            actor,
            Change {
                action: jisr_domain::audit::Action::GeoImport,
                entity: jisr_domain::audit::Entity::Territory,
                entity_id: "*".into(),
                before: None,
                after: Some(serde_json::json!({
                    "inserted": summary.inserted,
                    "updated": summary.updated,
                    "codes": changed,
                })),
            },
        )
        .await?;
    }
    txn.commit().await?;
    progress.finish();
    Ok(summary)
}

/// How many territories of each level are loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub regions: u64,
    pub provinces: u64,
    pub cercles: u64,
    pub communes: u64,
    pub arrondissements: u64,
}

pub async fn counts(store: &Store) -> Result<Counts, StoreError> {
    let db = store.conn();
    Ok(Counts {
        regions: region::Entity::find().count(db).await?,
        provinces: province::Entity::find().count(db).await?,
        cercles: cercle::Entity::find().count(db).await?,
        communes: commune::Entity::find().count(db).await?,
        arrondissements: arrondissement::Entity::find().count(db).await?,
    })
}

pub async fn regions(db: &impl ConnectionTrait) -> Result<Vec<region::Model>, StoreError> {
    Ok(region::Entity::find()
        .order_by_asc(region::Column::Code)
        .all(db)
        .await?)
}

pub async fn region(
    db: &impl ConnectionTrait,
    code: &RegionCode,
) -> Result<region::Model, StoreError> {
    region::Entity::find_by_id(code.as_str())
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

pub async fn provinces(
    db: &impl ConnectionTrait,
    region: Option<&RegionCode>,
) -> Result<Vec<province::Model>, StoreError> {
    let mut q = province::Entity::find().order_by_asc(province::Column::Code);
    if let Some(r) = region {
        q = q.filter(province::Column::RegionCode.eq(r.as_str()));
    }
    Ok(q.all(db).await?)
}

pub async fn province(
    db: &impl ConnectionTrait,
    code: &ProvinceCode,
) -> Result<province::Model, StoreError> {
    province::Entity::find_by_id(code.as_str())
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

pub async fn communes(
    db: &impl ConnectionTrait,
    province: &ProvinceCode,
) -> Result<Vec<commune::Model>, StoreError> {
    Ok(commune::Entity::find()
        .filter(commune::Column::ProvinceCode.eq(province.as_str()))
        .order_by_asc(commune::Column::Code)
        .all(db)
        .await?)
}

pub async fn commune(
    db: &impl ConnectionTrait,
    code: &CommuneCode,
) -> Result<commune::Model, StoreError> {
    commune::Entity::find_by_id(code.as_str())
        .one(db)
        .await?
        .ok_or(StoreError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_files_parse_completely() {
        let p = parse_source(&GeoSource::embedded()).unwrap();
        assert_eq!(p.regions.len(), 12);
        assert_eq!(p.provinces.len(), 83);
        assert_eq!(p.cercles.len(), 213);
        assert_eq!(p.communes.len(), 1503);
        assert_eq!(p.arrondissements.len(), 41);
        let rehamna = p
            .communes
            .iter()
            .filter(|c| c.province_code == "07.427")
            .count();
        assert_eq!(rehamna, 25);
    }

    fn with_communes(text: &str) -> GeoSource {
        let mut s = GeoSource::embedded();
        s.files[3].1 = text.to_owned();
        s
    }

    #[test]
    fn a_bad_code_is_reported_with_file_line_and_column() {
        let mut text = GeoSource::embedded().files[3].1.clone();
        text = text.replacen("01.511.01.01,", "01-511,", 1);
        let line = text.lines().position(|l| l.starts_with("01-511,")).unwrap() as u64 + 1;
        let err = parse_source(&with_communes(&text)).unwrap_err();
        assert_eq!(err.file, "communes.csv");
        assert_eq!(err.line, line);
        assert_eq!(err.column, 1);
        assert!(err.message.contains("01-511"), "{}", err.message);
    }

    #[test]
    fn an_unknown_parent_and_a_negative_count_are_refused() {
        let header = "code,code_digits,slug,name_fr,name_ar,type,region_code,province_code,cercle_code,population_2024,households_2024";
        let err = parse_source(&with_communes(&format!(
            "{header}\n07.999.01.01,x,x,Nulle,لا,rural,07,07.999,,10,2\n"
        )))
        .unwrap_err();
        assert_eq!((err.line, err.column), (2, 8));
        assert!(err.message.contains("unknown province_code"));
        let err = parse_source(&with_communes(&format!(
            "{header}\n07.427.01.01,x,x,A,ا,rural,07,07.427,,-3,2\n"
        )))
        .unwrap_err();
        assert_eq!((err.line, err.column), (2, 10));
        let err = parse_source(&with_communes("code,name_fr\n")).unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.message.contains("missing column"));
    }
}
