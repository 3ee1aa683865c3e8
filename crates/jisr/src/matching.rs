//! `jisr match persons`: reads a file of person records, finds the persons, writes the
//! clusters and, on request, the linked pairs with their explanations.

use crate::progress::Reporter;
use anyhow::{Context, Result, anyhow, bail};
use jisr_matching::{
    BirthDate, CommuneCode, Config, NationalId, PersonRecord, Sex, explain, link_with_progress,
};
use jisr_store::progress::Progress;
use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

/// The columns of a persons file, in any order.
pub const COLUMNS: [&str; 9] = [
    "record_id",
    "first_name_lat",
    "last_name_lat",
    "first_name_ar",
    "last_name_ar",
    "birth_date",
    "sex",
    "cin",
    "commune_code",
];

/// One refused line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    /// Line in the file (row of the sheet in a workbook), from 1 for the header.
    pub line: u64,
    /// The column at fault, when one is.
    pub column: Option<&'static str>,
    /// Why, in English.
    pub reason: String,
}

/// Rows of a CSV or XLSX file (first sheet) as strings, with their line numbers.
fn read_rows(path: &Path) -> Result<Vec<(u64, Vec<String>)>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let is_xlsx = bytes.starts_with(b"PK\x03\x04");
    if is_xlsx {
        use calamine::{Data, Reader, Xlsx};
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
            .map_err(|e| anyhow!("{}: not a readable workbook: {e}", path.display()))?;
        let first = book
            .sheet_names()
            .into_iter()
            .next()
            .ok_or_else(|| anyhow!("{}: the workbook has no sheet", path.display()))?;
        let range = book
            .worksheet_range(&first)
            .map_err(|e| anyhow!("{}: {e}", path.display()))?;
        let start = range.start().map_or(0, |(r, _)| r);
        let mut out = Vec::new();
        for (i, row) in range.rows().enumerate() {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
                        s.trim().to_owned()
                    }
                    Data::Int(i) => i.to_string(),
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    Data::Float(f) => f.to_string(),
                    Data::Bool(b) => b.to_string(),
                    Data::DateTime(d) if d.is_datetime() => {
                        let (y, m, day, ..) = d.to_ymd_hms_milli();
                        format!("{y:04}-{m:02}-{day:02}")
                    }
                    Data::DateTime(d) => d.as_f64().to_string(),
                    Data::Error(e) => e.to_string(),
                })
                .collect();
            if cells.iter().any(|c| !c.is_empty()) {
                out.push((u64::from(start) + i as u64 + 1, cells));
            }
        }
        return Ok(out);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes));
    let mut out = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| anyhow!("{}: {e}", path.display()))?;
        let line = rec.position().map_or(0, |p| p.line());
        let cells: Vec<String> = rec.iter().map(|c| c.trim().to_owned()).collect();
        if cells.iter().any(|c| !c.is_empty()) {
            out.push((line, cells));
        }
    }
    Ok(out)
}

/// Parses the rows of a persons file; every refused line is reported, and no record is
/// returned when any is.
pub fn parse_rows(rows: &[(u64, Vec<String>)]) -> Result<Vec<PersonRecord>, Vec<BadRow>> {
    let Some((header_line, header)) = rows.first() else {
        return Err(vec![BadRow {
            line: 1,
            column: None,
            reason: "the file is empty (a header line is expected)".into(),
        }]);
    };
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut bad = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let name = h.trim().to_lowercase();
        match COLUMNS.iter().find(|c| **c == name) {
            Some(c) if at.contains_key(c) => bad.push(BadRow {
                line: *header_line,
                column: Some(c),
                reason: format!("column {c} appears twice in the header"),
            }),
            Some(c) => {
                at.insert(c, i);
            }
            None => bad.push(BadRow {
                line: *header_line,
                column: None,
                reason: format!("unknown column `{h}` (expected {})", COLUMNS.join(", ")),
            }),
        }
    }
    for c in COLUMNS {
        if !at.contains_key(c) {
            bad.push(BadRow {
                line: *header_line,
                column: Some(c),
                reason: format!("column {c} is missing from the header"),
            });
        }
    }
    if !bad.is_empty() {
        return Err(bad);
    }
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut records = Vec::with_capacity(rows.len());
    for (line, cells) in &rows[1..] {
        let get = |c: &str| cells.get(at[c]).map_or("", String::as_str);
        let mut refuse = |column: &'static str, reason: String| {
            bad.push(BadRow {
                line: *line,
                column: Some(column),
                reason,
            })
        };
        let id = get("record_id").to_owned();
        if id.is_empty() {
            refuse("record_id", "missing record_id".into());
        } else if let Some(first) = seen.get(&id) {
            refuse(
                "record_id",
                format!("duplicate record_id `{id}` (first on line {first})"),
            );
        } else {
            seen.insert(id.clone(), *line);
        }
        let birth = BirthDate::parse(get("birth_date")).unwrap_or_else(|e| {
            refuse("birth_date", format!("`{}`: {e}", get("birth_date")));
            BirthDate::Unknown
        });
        let sex = Sex::parse(get("sex")).unwrap_or_else(|e| {
            refuse("sex", format!("`{}`: {e}", get("sex")));
            None
        });
        let national_id = NationalId::parse(get("cin")).unwrap_or_else(|e| {
            refuse("cin", format!("`{}`: {e}", get("cin")));
            None
        });
        let commune = CommuneCode::parse(get("commune_code")).unwrap_or_else(|e| {
            refuse("commune_code", format!("`{}`: {e}", get("commune_code")));
            None
        });
        records.push(PersonRecord {
            id,
            given_lat: get("first_name_lat").to_owned(),
            family_lat: get("last_name_lat").to_owned(),
            given_ar: get("first_name_ar").to_owned(),
            family_ar: get("last_name_ar").to_owned(),
            birth,
            sex,
            national_id,
            commune,
            household: None,
        });
    }
    if bad.is_empty() {
        Ok(records)
    } else {
        Err(bad)
    }
}

fn write_csv(path: &Path, header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Result<()> {
    let tmp = path.with_extension("partial");
    let mut w =
        csv::Writer::from_path(&tmp).with_context(|| format!("cannot write {}", path.display()))?;
    w.write_record(header)?;
    for r in rows {
        w.write_record(&r)?;
    }
    w.flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    drop(w);
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Runs `jisr match persons`.
pub fn match_persons(file: &Path, out: &Path, pairs: Option<&Path>, threshold: f64) -> Result<()> {
    if !(0.0..1.0).contains(&threshold) || threshold <= 0.0 {
        bail!("--threshold {threshold}: a probability between 0 and 1 (exclusive)");
    }
    let rows = read_rows(file)?;
    let records = match parse_rows(&rows) {
        Ok(r) => r,
        Err(bad) => {
            for b in &bad {
                eprintln!(
                    "{}:{}: {}: {}",
                    file.display(),
                    b.line,
                    b.column.unwrap_or("-"),
                    b.reason
                );
            }
            let mut lines: Vec<u64> = bad.iter().map(|b| b.line).collect();
            lines.dedup();
            let n = lines.len();
            bail!(
                "{}: {n} {} refused; nothing was written",
                file.display(),
                if n == 1 { "line" } else { "lines" }
            );
        }
    };
    let progress = Reporter::new();
    progress.start("matching", 5);
    let config = Config {
        threshold,
        ..Config::default()
    };
    let linkage = link_with_progress(&records, &config, &|_, _| progress.inc(1));
    progress.finish();
    let c = &linkage.clusters;
    write_csv(
        out,
        &["record_id", "cluster_id"],
        records
            .iter()
            .zip(&c.of)
            .map(|(r, k)| vec![r.id.clone(), format!("P{}", k + 1)]),
    )?;
    let linked: Vec<&(u32, u32, f32)> = linkage
        .scored
        .iter()
        .filter(|p| f64::from(p.2) >= linkage.threshold_weight)
        .collect();
    if let Some(pairs_path) = pairs {
        write_csv(
            pairs_path,
            &["record_id_a", "record_id_b", "score", "explanation"],
            linked.iter().map(|&&(a, b, _)| {
                let e = linkage.matcher.explain(a, b);
                vec![
                    records[a as usize].id.clone(),
                    records[b as usize].id.clone(),
                    format!("{:.4}", e.probability),
                    explain::compact(&e),
                ]
            }),
        )?;
    }
    println!(
        "match persons: {} records, {} persons, {} linked pairs ({} links refused for different national IDs); clusters written to {}{}",
        records.len(),
        c.count,
        linked.len(),
        c.refused,
        out.display(),
        pairs.map_or(String::new(), |p| format!(", pairs to {}", p.display()))
    );
    Ok(())
}

/// The machine, for benchmark reports: cores and CPU model.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cores} cores (nproc), {model}")
}

/// Runs `jisr bench matching`.
pub fn bench(records: usize, seed: u64) -> String {
    let mut report = jisr_matching::bench::run(records, seed);
    report.peak_rss_kib = jisr_targeting::bench::peak_rss_kib();
    report.machine = machine();
    report.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&str]) -> Vec<(u64, Vec<String>)> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| ((i + 1) as u64, l.split(',').map(str::to_owned).collect()))
            .collect()
    }

    const HEADER: &str = "record_id,first_name_lat,last_name_lat,first_name_ar,last_name_ar,birth_date,sex,cin,commune_code";

    #[test]
    fn every_bad_row_is_reported() {
        let r = rows(&[
            HEADER,
            "1,Ali,Tazi,,,1980-02-30,M,,",
            ",Ali,Tazi,,,,X,,",
            "1,Ali,Tazi,,,,M,123,07.427.01.05",
            "2,Ali,Tazi,,,1980,F,AB12,07.427.01.05",
        ]);
        let bad = parse_rows(&r).unwrap_err();
        let got: Vec<(u64, Option<&str>)> = bad.iter().map(|b| (b.line, b.column)).collect();
        assert_eq!(
            got,
            vec![
                (2, Some("birth_date")),
                (3, Some("record_id")),
                (3, Some("sex")),
                (4, Some("record_id")),
                (4, Some("cin")),
            ]
        );
    }

    #[test]
    fn a_wrong_header_is_refused() {
        let bad = parse_rows(&rows(&["record_id,name,birth_date"])).unwrap_err();
        assert!(bad.iter().all(|b| b.line == 1));
        assert!(
            bad.iter()
                .any(|b| b.reason.contains("unknown column `name`"))
        );
        assert!(bad.iter().any(|b| b.column == Some("cin")));
    }

    #[test]
    fn good_rows_parse_in_any_column_order() {
        let r = rows(&[
            "cin,record_id,first_name_lat,last_name_lat,first_name_ar,last_name_ar,birth_date,sex,commune_code",
            "AB123,x,Ali,Tazi,علي,التازي,1980,M,07.427.01.05",
        ]);
        let recs = parse_rows(&r).unwrap();
        assert_eq!(recs[0].id, "x");
        assert_eq!(recs[0].national_id.unwrap().as_str(), "AB123");
        assert_eq!(recs[0].family_ar, "التازي");
    }

    #[test]
    fn every_level_has_its_labels_in_arabic_and_french() {
        use jisr_matching::compare::{Comparison, MISSING};
        use jisr_matching::explain::Term;
        let catalog = jisr_i18n::Catalog::load().unwrap();
        for locale in [jisr_i18n::Locale::Ar, jisr_i18n::Locale::Fr] {
            for key in [
                "matching-prior",
                "matching-total",
                "matching-probability",
                "matching-frequency",
                "matching-swapped",
            ] {
                assert!(catalog.has(locale, key), "{locale:?} {key}");
            }
            for c in Comparison::ALL {
                let levels = (0..c.levels().len() as u8).chain([MISSING]);
                for l in levels {
                    let t = Term::new(c, l, 0.0, 0.0);
                    assert!(
                        catalog.has(locale, &t.term_key()),
                        "{locale:?} {}",
                        t.term_key()
                    );
                    assert!(
                        catalog.has(locale, &t.level_key()),
                        "{locale:?} {}",
                        t.level_key()
                    );
                }
            }
        }
    }
}
