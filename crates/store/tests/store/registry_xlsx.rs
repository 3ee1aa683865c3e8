//! Social registry imports from XLSX workbooks: the same columns, checks and reports as
//! CSV, with the sheet's row numbers as lines. Each test runs on a fresh SQLite database,
//! and again on PostgreSQL when `JISR_TEST_DATABASE_URL` is set.

use jisr_store::Store;
use jisr_store::audit::{self, Actor};
use jisr_store::geo::{self, GeoSource};
use jisr_store::progress::Silent;
use jisr_store::registry::{self, Counts, HouseholdFilter, ImportError, Scoped};
use jisr_store::testing::each_backend;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use sha2::{Digest, Sha256};

fn cli() -> Actor {
    Actor::system("test")
}

fn data(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/registry/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

async fn with_geography(store: &Store) {
    geo::import(store, &GeoSource::embedded(), &cli(), &Silent)
        .await
        .unwrap();
}

fn national(store: &Store) -> Scoped<'_> {
    Scoped::unscoped_for_system_jobs(store)
}

fn counts(inserted: u64, updated: u64, unchanged: u64) -> Counts {
    Counts {
        inserted,
        updated,
        unchanged,
    }
}

/// (line, column, code) of each refusal.
fn refusals(err: ImportError) -> Vec<(u64, Option<&'static str>, &'static str)> {
    match err {
        ImportError::Rows(rows) => rows
            .iter()
            .map(|r| (r.line, r.column, r.problem.code()))
            .collect(),
        other => panic!("expected refused rows, got {other:?}"),
    }
}

/// A workbook holding a CSV file's lines on its first sheet, each value typed as a person
/// typing it into a spreadsheet would get it: `YYYY-MM-DD` days are date cells, numbers
/// are number cells (so `1234567890` and `8.75` are numbers, `07.427.01.01` stays text),
/// `0`/`1` under `disabled` and `orphan` are booleans. A second sheet holds nothing of
/// the import.
fn workbook_from_csv(csv_bytes: &[u8]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_bytes);
    let mut header: Vec<String> = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.unwrap();
        let row = row as u32;
        if row == 0 {
            header = record.iter().map(str::to_owned).collect();
        }
        for (col, value) in record.iter().enumerate() {
            let c = col as u16;
            let name = header.get(col).map(String::as_str).unwrap_or("");
            if value.is_empty() {
                continue;
            }
            if row > 0 && ["disabled", "orphan"].contains(&name) && ["0", "1"].contains(&value) {
                sheet.write_boolean(row, c, value == "1").unwrap();
            } else if row > 0
                && value.len() == 10
                && value.as_bytes()[4] == b'-'
                && let Ok(d) = ExcelDateTime::parse_from_str(value)
            {
                sheet.write_datetime_with_format(row, c, &d, &date).unwrap();
            } else if row > 0
                && let Ok(n) = value.parse::<f64>()
            {
                sheet.write_number(row, c, n).unwrap();
            } else {
                sheet.write_string(row, c, value).unwrap();
            }
        }
    }
    book.add_worksheet()
        .write_string(0, 0, "not imported")
        .unwrap();
    book.save_to_buffer().unwrap()
}

/// `bytes` with every `from` replaced by `to`, of the same length.
fn replace_all(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i + from.len() <= out.len() {
        if &out[i..i + from.len()] == from {
            out[i..i + from.len()].copy_from_slice(to);
            i += from.len();
        } else {
            i += 1;
        }
    }
    out
}

#[tokio::test]
async fn a_workbook_imports_as_its_csv_and_a_second_import_changes_nothing() {
    each_backend(|store| async move {
        with_geography(&store).await;
        let audit_before = audit::count(&store).await.unwrap();
        let xlsx = workbook_from_csv(&data("households.csv"));
        let first = registry::import_households(&store, &cli(), xlsx.as_slice(), &Silent)
            .await
            .unwrap();
        assert_eq!(first.rows, 8);
        assert_eq!(first.households, counts(3, 0, 0));
        assert_eq!(first.persons, counts(8, 0, 0));
        assert_eq!((first.stays_opened, first.stays_closed), (8, 0));
        assert_eq!(first.file_sha256, hex::encode(Sha256::digest(&xlsx)));
        assert_eq!(audit::count(&store).await.unwrap(), audit_before + 1);

        let scoped = national(&store);
        let h = scoped.household_by_key("RSU-07-0001").await.unwrap();
        assert_eq!(h.commune_code, "07.427.01.01");
        let detail = scoped.get(h.id).await.unwrap();
        assert_eq!(detail.members.len(), 4);
        assert_eq!(detail.members[0].stay.from_date, "2020-01-15");
        assert_eq!(detail.members[0].person.birth_date, "1975-04-12");
        let youssef = detail
            .members
            .iter()
            .find(|m| m.person.population_register_id.as_deref() == Some("1234567890"))
            .expect("a register id typed as a number reads as its digits");
        assert_eq!(youssef.person.disabled, Some(true));
        assert_eq!(youssef.person.orphan, Some(false));

        // The same workbook again: nothing changes, nothing is audited.
        let second = registry::import_households(&store, &cli(), xlsx.as_slice(), &Silent)
            .await
            .unwrap();
        assert!(!second.changed(), "{second:?}");
        assert_eq!(second.persons, counts(0, 0, 8));
        assert_eq!(second.file_sha256, first.file_sha256);
        assert_eq!(audit::count(&store).await.unwrap(), audit_before + 1);

        // The CSV it was made from finds every household and person as the workbook left
        // them.
        let csv =
            registry::import_households(&store, &cli(), data("households.csv").as_slice(), &Silent)
                .await
                .unwrap();
        assert_eq!(csv.households, counts(0, 0, 3));
        assert_eq!(csv.persons, counts(0, 0, 8));
        assert!(!csv.changed(), "{csv:?}");
        assert_ne!(csv.file_sha256, first.file_sha256);
    })
    .await;
}

#[tokio::test]
async fn a_workbook_with_bad_rows_reports_each_by_its_row_and_imports_nothing() {
    each_backend(|store| async move {
        with_geography(&store).await;
        let audit_before = audit::count(&store).await.unwrap();
        let xlsx = workbook_from_csv(&data("households-bad.csv"));
        let err = registry::import_households(&store, &cli(), xlsx.as_slice(), &Silent)
            .await
            .unwrap_err();
        assert_eq!(err.code(), "registry-import-rows");
        assert_eq!(
            refusals(err),
            vec![
                (2, Some("cin"), "registry-cin"),
                (3, Some("commune_code"), "registry-unknown-commune"),
                (4, Some("birth_date"), "registry-date-in-future"),
                (4, Some("sex"), "registry-sex"),
                (5, None, "registry-no-person-key"),
                (7, None, "registry-duplicate-person"),
                (
                    8,
                    Some("disability_card_number"),
                    "registry-disability-card-without-flag"
                ),
                (10, None, "registry-name-missing"),
                (11, Some("commune_code"), "registry-household-mismatch"),
                (12, Some("relation"), "registry-head-count"),
                // A value to the right of the last named column.
                (13, None, "registry-malformed-row"),
            ]
        );
        let (_, total) = national(&store)
            .list(&HouseholdFilter::default())
            .await
            .unwrap();
        assert_eq!(total, 0);
        assert_eq!(audit::count(&store).await.unwrap(), audit_before);

        // Empty rows are passed over, and lines stay the sheet's row numbers.
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in ["household_key", "commune_code", "cin"]
            .into_iter()
            .chain(["first_name_lat", "last_name_lat", "birth_date", "sex"])
            .chain(["relation"])
            .enumerate()
        {
            sheet.write_string(0, c as u16, h).unwrap();
        }
        let line = |sheet: &mut rust_xlsxwriter::Worksheet, row: u32, values: [&str; 8]| {
            for (c, v) in values.into_iter().enumerate() {
                sheet.write_string(row, c as u16, v).unwrap();
            }
        };
        line(
            sheet,
            1,
            [
                "X-1",
                "07.427.01.01",
                "EE1",
                "Ali",
                "Amrani",
                "1980-01-01",
                "male",
                "head",
            ],
        );
        line(
            sheet,
            4,
            [
                "X-2",
                "07.427.01.01",
                "EE2",
                "Hind",
                "Amrani",
                "1980-02-30",
                "female",
                "head",
            ],
        );
        let err = registry::import_households(
            &store,
            &cli(),
            book.save_to_buffer().unwrap().as_slice(),
            &Silent,
        )
        .await
        .unwrap_err();
        assert_eq!(
            refusals(err),
            vec![(5, Some("birth_date"), "registry-date")]
        );

        // Columns are checked on the first row before any line.
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "household_key").unwrap();
        sheet.write_string(0, 1, "commune").unwrap();
        match registry::import_households(
            &store,
            &cli(),
            book.save_to_buffer().unwrap().as_slice(),
            &Silent,
        )
        .await
        .unwrap_err()
        {
            ImportError::Columns { missing, unknown } => {
                assert_eq!(
                    missing,
                    vec!["commune_code", "birth_date", "sex", "relation"]
                );
                assert_eq!(unknown, vec!["commune".to_owned()]);
            }
            other => panic!("{other:?}"),
        }
    })
    .await;
}

#[tokio::test]
async fn index_values_import_from_a_workbook() {
    each_backend(|store| async move {
        with_geography(&store).await;
        registry::import_households(&store, &cli(), data("households.csv").as_slice(), &Silent)
            .await
            .unwrap();
        let xlsx = workbook_from_csv(&data("index.csv"));
        let first = registry::import_index_values(&store, &cli(), xlsx.as_slice(), &Silent)
            .await
            .unwrap();
        assert_eq!(first.rows, 5);
        assert_eq!(first.values, counts(5, 0, 0));
        let again = registry::import_index_values(&store, &cli(), xlsx.as_slice(), &Silent)
            .await
            .unwrap();
        assert_eq!(again.values, counts(0, 0, 5));
        // The CSV gives the very same values.
        let csv =
            registry::import_index_values(&store, &cli(), data("index.csv").as_slice(), &Silent)
                .await
                .unwrap();
        assert_eq!(csv.values, counts(0, 0, 5));

        let scoped = national(&store);
        let h = scoped.household_by_key("RSU-07-0001").await.unwrap();
        let detail = scoped.get(h.id).await.unwrap();
        let history: Vec<(f64, &str, Option<&str>)> = detail
            .index_history
            .iter()
            .map(|v| (v.value, v.date.as_str(), v.valid_to.as_deref()))
            .collect();
        assert_eq!(
            history,
            vec![
                (7.5, "2025-01-10", Some("2025-02-10")),
                (8.75, "2024-06-15", None),
                (9.12, "2022-03-01", None),
            ]
        );

        let xlsx = workbook_from_csv(&data("index-bad.csv"));
        let err = registry::import_index_values(&store, &cli(), xlsx.as_slice(), &Silent)
            .await
            .unwrap_err();
        assert_eq!(
            refusals(err),
            vec![
                (2, Some("value"), "registry-index-value"),
                (3, Some("household_key"), "registry-unknown-household"),
                (5, None, "registry-duplicate-index-value"),
                (6, Some("date"), "registry-date"),
                (6, Some("source"), "registry-index-source"),
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn a_damaged_or_foreign_archive_is_refused_whole() {
    each_backend(|store| async move {
        with_geography(&store).await;
        let audit_before = audit::count(&store).await.unwrap();
        let good = workbook_from_csv(&data("households.csv"));
        let damaged = good[..good.len() / 2].to_vec();
        let not_a_workbook = b"PK\x03\x04 this is no spreadsheet".to_vec();
        // A sound ZIP archive whose workbook part is missing.
        let without_workbook = replace_all(&good, b"xl/workbook.xml", b"xl/workbook.xmX");
        assert_ne!(without_workbook, good);
        let legacy_xls = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old workbook".to_vec();
        for bytes in [damaged, not_a_workbook, without_workbook, legacy_xls] {
            let err = registry::import_households(&store, &cli(), bytes.as_slice(), &Silent)
                .await
                .unwrap_err();
            assert!(matches!(err, ImportError::Spreadsheet), "{err:?}");
            assert_eq!(err.code(), "registry-import-spreadsheet");
            let err = registry::import_index_values(&store, &cli(), bytes.as_slice(), &Silent)
                .await
                .unwrap_err();
            assert_eq!(err.code(), "registry-import-spreadsheet");
        }
        let (_, total) = national(&store)
            .list(&HouseholdFilter::default())
            .await
            .unwrap();
        assert_eq!(total, 0);
        assert_eq!(audit::count(&store).await.unwrap(), audit_before);
    })
    .await;
}
