//! Exports of the staff lists: what the person sees, with the filters they used, as CSV
//! or XLSX, under the same scope as the list itself. An export of personal data is a
//! read like opening a file: it is written into the audit trail (who, which list, with
//! which filters, how many rows) in the transaction that hands it out.

use crate::WebError;
use crate::ctx::Ctx;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use jisr_domain::audit::{Action, Entity};
use jisr_store::audit::{self, Change};

/// The most rows one export holds; the file says when the list had more.
pub const MAX_ROWS: u64 = 100_000;

/// The file kinds offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    /// `csv` or `xlsx`; anything else is no export.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// A list laid out for a file: translated headers and the rows as text.
pub struct Export {
    /// The file's name without extension, e.g. `applications`.
    pub name: &'static str,
    /// What the trail records the export as being about.
    pub entity: Entity,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// How many rows the list has in all (more than `rows` when cut at [`MAX_ROWS`]).
    pub total: u64,
    /// The filters of the list, as they were typed, for the trail.
    pub filters: Vec<(&'static str, String)>,
}

fn csv_bytes(e: &Export) -> Result<Vec<u8>, WebError> {
    // A byte-order mark, so that spreadsheet programs read the Arabic as UTF-8.
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let internal = |e: csv::Error| WebError::Internal(e.to_string());
        w.write_record(&e.headers).map_err(internal)?;
        for r in &e.rows {
            w.write_record(r).map_err(internal)?;
        }
        w.flush().map_err(|e| WebError::Internal(e.to_string()))?;
    }
    Ok(out)
}

fn xlsx_bytes(e: &Export, rtl: bool) -> Result<Vec<u8>, WebError> {
    let internal = |e: rust_xlsxwriter::XlsxError| WebError::Internal(e.to_string());
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_right_to_left(rtl);
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (c, h) in e.headers.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, h, &bold)
            .map_err(internal)?;
    }
    for (r, row) in e.rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet
                .write_string(r as u32 + 1, c as u16, v)
                .map_err(internal)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(internal)?;
    book.save_to_buffer().map_err(internal)
}

/// The file, after writing the export into the audit trail.
pub async fn respond(ctx: &Ctx, format: Format, e: Export) -> Result<Response, WebError> {
    let body = match format {
        Format::Csv => csv_bytes(&e)?,
        Format::Xlsx => xlsx_bytes(&e, ctx.locale.dir() == "rtl")?,
    };
    let filters: serde_json::Map<String, serde_json::Value> = e
        .filters
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(v.as_str())))
        .collect();
    let txn = ctx.state.store.begin_write().await?;
    audit::record(
        &txn,
        &ctx.actor,
        Change {
            action: Action::Export,
            entity: e.entity,
            entity_id: e.name.to_owned(),
            before: None,
            after: Some(serde_json::json!({
                "format": format.as_str(),
                "rows": e.rows.len(),
                "total": e.total,
                "filters": filters,
            })),
        },
    )
    .await?;
    txn.commit()
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let (content_type, ext) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "csv"),
        Format::Xlsx => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    let day = chrono::Utc::now()
        .with_timezone(&jisr_domain::time::ZONE)
        .format("%Y-%m-%d");
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"jisr-{}-{day}.{ext}\"", e.name),
            ),
        ],
        body,
    )
        .into_response())
}

/// The address of a list's export: its path, its filters, and `format`.
pub fn href(path: &str, filters: &[(&str, &str)], format: Format) -> String {
    let mut q: Vec<String> = filters
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", crate::view::encode_path(v)))
        .collect();
    q.push(format!("format={}", format.as_str()));
    format!("{path}?{}", q.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Export {
        Export {
            name: "applications",
            entity: Entity::Application,
            headers: vec!["Code".into(), "الاسم".into()],
            rows: vec![vec!["A-1".into(), "محمد, \"ولد\"".into()]],
            total: 1,
            filters: vec![],
        }
    }

    #[test]
    fn csv_files_start_with_a_byte_order_mark_and_quote_what_needs_it() {
        let bytes = csv_bytes(&sample()).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert_eq!(
            text.trim_start_matches('\u{feff}'),
            "Code,الاسم\nA-1,\"محمد, \"\"ولد\"\"\"\n"
        );
    }

    #[test]
    fn xlsx_files_are_workbooks() {
        let bytes = xlsx_bytes(&sample(), true).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }

    #[test]
    fn export_addresses_keep_the_filters() {
        assert_eq!(
            href(
                "/applications",
                &[("status", "submitted"), ("commune", "")],
                Format::Xlsx
            ),
            "/applications?status=submitted&format=xlsx"
        );
    }
}
