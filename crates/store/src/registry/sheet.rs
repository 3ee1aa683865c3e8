//! Reading an import file by column name, record by record, hashing its bytes on the
//! way, and collecting every refused value with its line.
//!
//! A file is CSV or XLSX, told apart by its first bytes (an XLSX workbook is a ZIP
//! archive), never by its name. Both give the same records: an XLSX row becomes the text
//! its cells show, and its line is the row number of the sheet.

use super::{ImportError, Problem, RowError};
use calamine::{DataRef, Reader, Xlsx};
use jisr_domain::registry::FieldError;
use sha2::{Digest, Sha256};
use std::io::{Cursor, Read};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// The first bytes of a ZIP archive, hence of an XLSX workbook.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The first bytes of an OLE compound file: a legacy `.xls` workbook.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0";
/// Rows read ahead of the import from a workbook.
const XLSX_AHEAD: usize = 256;

/// Passes bytes through while hashing them.
pub(super) struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// A CSV reader over the file, its first bytes put back in front.
type CsvReader<R> = csv::Reader<HashingReader<std::io::Chain<Cursor<Vec<u8>>, R>>>;

/// Where the records come from.
enum Source<R> {
    Csv(Box<CsvReader<R>>),
    Xlsx(XlsxRows),
}

/// The rows of a workbook's first sheet, read on a thread of their own so that the sheet
/// is never held whole in memory: each row arrives as the text of its cells.
struct XlsxRows {
    rows: Receiver<XlsxMsg>,
    /// SHA-256 of the file, hex, computed before reading.
    hash: String,
    /// Columns named by the header row.
    width: usize,
}

enum XlsxMsg {
    /// A row with at least one value: its number in the sheet (1-based) and its cells.
    Row(u64, Vec<String>),
    /// The sheet was read to its end.
    End,
    /// The workbook could not be read.
    Broken,
}

impl XlsxRows {
    /// Starts reading the workbook's first sheet.
    fn start(bytes: Vec<u8>) -> Self {
        let hash = hex::encode(Sha256::digest(&bytes));
        let (tx, rows) = sync_channel(XLSX_AHEAD);
        std::thread::spawn(move || {
            let msg = match read_xlsx(bytes, &tx) {
                Ok(()) => XlsxMsg::End,
                Err(e) => {
                    tracing::debug!(error = %e, "unreadable workbook");
                    XlsxMsg::Broken
                }
            };
            // The import may have stopped listening: nothing to tell then.
            let _ = tx.send(msg);
        });
        Self {
            rows,
            hash,
            width: 0,
        }
    }

    /// The next row with a value, `None` at the end. A reading thread that stopped
    /// without saying so (it panicked) is a broken workbook, never a shorter one.
    fn next(&self) -> Result<Option<(u64, Vec<String>)>, ImportError> {
        match self.rows.recv() {
            Ok(XlsxMsg::Row(line, cells)) => Ok(Some((line, cells))),
            Ok(XlsxMsg::End) => Ok(None),
            Ok(XlsxMsg::Broken) | Err(_) => Err(ImportError::Spreadsheet),
        }
    }
}

/// Sends every row of the first sheet holding a value, in order.
fn read_xlsx(bytes: Vec<u8>, tx: &SyncSender<XlsxMsg>) -> Result<(), calamine::XlsxError> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes))?;
    // A ZIP archive without a workbook (an OpenDocument or Word file) has no sheet.
    let Some(first) = book.sheet_names().into_iter().next() else {
        return Err(calamine::XlsxError::WorksheetNotFound(String::new()));
    };
    let mut cells = book.worksheet_cells_reader(&first)?;
    let mut row: Option<(u32, Vec<String>)> = None;
    let send = |r: Option<(u32, Vec<String>)>| match r {
        Some((n, values)) if values.iter().any(|v| !v.is_empty()) => {
            tx.send(XlsxMsg::Row(u64::from(n) + 1, values)).is_ok()
        }
        _ => true,
    };
    while let Some(cell) = cells.next_cell()? {
        let (r, c) = cell.get_position();
        if row.as_ref().is_none_or(|(n, _)| *n != r) {
            if !send(row.take()) {
                return Ok(());
            }
            row = Some((r, Vec::new()));
        }
        if let Some((_, values)) = row.as_mut() {
            let text = cell_text(cell.get_value());
            let c = c as usize;
            if !text.is_empty() {
                if values.len() <= c {
                    values.resize(c + 1, String::new());
                }
                values[c] = text;
            }
        }
    }
    send(row);
    Ok(())
}

/// The text a person sees in a cell: numbers without a trailing `.0`, dates as
/// `YYYY-MM-DD` (with the time when there is one), booleans as `true`/`false`.
fn cell_text(v: &DataRef<'_>) -> String {
    match v {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DurationIso(s) => s.clone(),
        // A date cell stored as text (`t="d"`): midnight is the day alone.
        DataRef::DateTimeIso(s) => s
            .strip_suffix("T00:00:00")
            .unwrap_or(s)
            .replacen('T', " ", 1),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            if (h, min, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}")
            }
        }
        DataRef::DateTime(d) => number_text(d.as_f64()),
        DataRef::Error(e) => e.to_string(),
    }
}

/// A number as a spreadsheet shows it: to 15 significant digits (so the result of a
/// formula, `0.1 + 0.2`, is `0.3`), in its shortest decimal form: `4`, not `4.0`; `9.5`.
fn number_text(f: f64) -> String {
    let shown: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    format!("{shown}")
}

/// An open file: its records, where each known column is, and the problems found so far.
pub(super) struct Sheet<R> {
    source: Source<R>,
    columns: Vec<(&'static str, usize)>,
    record: csv::StringRecord,
    pub errors: Vec<RowError>,
}

impl<R: Read> Sheet<R> {
    /// Opens a file, CSV or XLSX, whose first line names its columns. Every column must be
    /// one of `known`, and every one of `required` must be there; otherwise nothing is
    /// read.
    pub fn open(
        mut reader: R,
        known: &[&'static str],
        required: &[&'static str],
    ) -> Result<Self, ImportError> {
        let mut head = Vec::with_capacity(ZIP_MAGIC.len());
        (&mut reader)
            .take(ZIP_MAGIC.len() as u64)
            .read_to_end(&mut head)
            .map_err(|_| ImportError::Read { line: 0 })?;
        if head == OLE_MAGIC {
            return Err(ImportError::Spreadsheet);
        }
        let (source, headers) = if head == ZIP_MAGIC {
            let mut bytes = head;
            reader
                .read_to_end(&mut bytes)
                .map_err(|_| ImportError::Read { line: 0 })?;
            let rows = XlsxRows::start(bytes);
            let headers = match rows.next()? {
                Some((_, cells)) => cells,
                None => Vec::new(),
            };
            (Source::Xlsx(rows), headers)
        } else {
            let mut reader = csv::ReaderBuilder::new()
                .flexible(false)
                .from_reader(HashingReader {
                    inner: Cursor::new(head).chain(reader),
                    hasher: Sha256::new(),
                });
            let headers = reader.headers().map_err(read_error)?;
            let headers = headers.iter().map(str::to_owned).collect();
            (Source::Csv(Box::new(reader)), headers)
        };
        let mut columns = Vec::new();
        let mut unknown = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            let h = h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
            match known.iter().find(|k| **k == h) {
                Some(k) if !columns.iter().any(|(c, _)| c == k) => columns.push((*k, i)),
                _ if h.is_empty() => {}
                _ => unknown.push(h),
            }
        }
        let missing: Vec<&'static str> = required
            .iter()
            .copied()
            .filter(|r| !columns.iter().any(|(c, _)| c == r))
            .collect();
        if !missing.is_empty() || !unknown.is_empty() {
            return Err(ImportError::Columns { missing, unknown });
        }
        let mut source = source;
        if let Source::Xlsx(rows) = &mut source {
            rows.width = headers.len();
        }
        Ok(Self {
            source,
            columns,
            record: csv::StringRecord::new(),
            errors: Vec::new(),
        })
    }

    /// Reads the next record; returns its line, or `None` at the end. A malformed record
    /// (a CSV line of another width, or an XLSX row with a value under no heading) is
    /// recorded as a problem and skipped.
    pub fn next(&mut self) -> Result<Option<u64>, ImportError> {
        loop {
            match &mut self.source {
                Source::Csv(reader) => match reader.read_record(&mut self.record) {
                    Ok(false) => return Ok(None),
                    Ok(true) => {
                        let line = self.record.position().map_or(0, csv::Position::line);
                        return Ok(Some(line));
                    }
                    Err(e) if e.is_io_error() => return Err(read_error(e)),
                    Err(e) => {
                        let line = e.position().map_or(0, csv::Position::line);
                        self.errors.push(RowError {
                            line,
                            column: None,
                            problem: Problem::MalformedRow,
                        });
                    }
                },
                Source::Xlsx(rows) => {
                    let Some((line, cells)) = rows.next()? else {
                        return Ok(None);
                    };
                    if cells.iter().skip(rows.width).any(|c| !c.is_empty()) {
                        self.errors.push(RowError {
                            line,
                            column: None,
                            problem: Problem::MalformedRow,
                        });
                        continue;
                    }
                    self.record.clear();
                    for c in &cells {
                        self.record.push_field(c);
                    }
                    return Ok(Some(line));
                }
            }
        }
    }

    /// The trimmed text of a column of the current record ("" when absent).
    pub fn raw(&self, name: &str) -> &str {
        self.columns
            .iter()
            .find(|(c, _)| *c == name)
            .and_then(|(_, i)| self.record.get(*i))
            .unwrap_or("")
            .trim()
    }

    /// Records a problem on a line.
    pub fn refuse(&mut self, line: u64, column: Option<&'static str>, problem: Problem) {
        self.errors.push(RowError {
            line,
            column,
            problem,
        });
    }

    /// A required value, parsed; a refusal is recorded and gives `None`.
    pub fn field<T>(
        &mut self,
        line: u64,
        name: &'static str,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<T> {
        match parse(self.raw(name)) {
            Ok(v) => Some(v),
            Err(e) => {
                self.refuse(line, Some(name), Problem::field(e));
                None
            }
        }
    }

    /// An optional value: empty gives `Some(None)`, a refusal `None`.
    pub fn optional<T>(
        &mut self,
        line: u64,
        name: &'static str,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<Option<T>> {
        if self.raw(name).is_empty() {
            Some(None)
        } else {
            self.field(line, name, parse).map(Some)
        }
    }

    /// The SHA-256 of every byte read, in hex. Call after the last record.
    pub fn finish(self) -> (String, Vec<RowError>) {
        let hash = match self.source {
            Source::Csv(reader) => hex::encode(reader.into_inner().hasher.finalize()),
            Source::Xlsx(rows) => rows.hash,
        };
        (hash, self.errors)
    }
}

fn read_error(e: csv::Error) -> ImportError {
    let line = e.position().map_or(0, csv::Position::line);
    if e.is_io_error() {
        ImportError::Read { line }
    } else {
        ImportError::Header
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn cells_read_as_the_text_a_person_sees() {
        let day = |serial| {
            DataRef::DateTime(ExcelDateTime::new(
                serial,
                ExcelDateTimeType::DateTime,
                false,
            ))
        };
        let cases = [
            (DataRef::Float(9.5), "9.5"),
            (DataRef::Float(4.0), "4"),
            (DataRef::Float(-0.25), "-0.25"),
            (DataRef::Float(1234567890.0), "1234567890"),
            (DataRef::Float(0.1 + 0.2), "0.3"),
            (DataRef::Float(9.120000000000001), "9.12"),
            (DataRef::Float(123456789012345.0), "123456789012345"),
            (DataRef::Float(0.000001), "0.000001"),
            (DataRef::Int(42), "42"),
            (DataRef::SharedString("07.427.01.01"), "07.427.01.01"),
            (DataRef::String(" x ".into()), " x "),
            (DataRef::Bool(true), "true"),
            (DataRef::Bool(false), "false"),
            (DataRef::Empty, ""),
            // 2024-06-15 in the 1900 date system, then half a day later.
            (day(45458.0), "2024-06-15"),
            (day(45458.5), "2024-06-15 12:00:00"),
            (day(1.0), "1900-01-01"),
            (
                DataRef::DateTime(ExcelDateTime::new(0.0, ExcelDateTimeType::DateTime, true)),
                "1904-01-01",
            ),
            (DataRef::Error(CellErrorType::NA), "#N/A"),
            (
                DataRef::DateTimeIso("2024-06-15T00:00:00".into()),
                "2024-06-15",
            ),
            (
                DataRef::DateTimeIso("2024-06-15T08:30:00".into()),
                "2024-06-15 08:30:00",
            ),
        ];
        for (cell, text) in cases {
            assert_eq!(cell_text(&cell), text, "{cell:?}");
        }
    }

    #[test]
    fn the_format_is_told_by_the_content() {
        let csv = "household_key,value,date\nH-1,9.5,2024-01-01\n";
        let mut s = Sheet::open(csv.as_bytes(), &["household_key", "value", "date"], &[]).unwrap();
        assert!(matches!(s.source, Source::Csv(_)));
        assert_eq!(s.next().unwrap(), Some(2));
        assert_eq!(s.raw("value"), "9.5");
        assert_eq!(s.next().unwrap(), None);
        let (hash, errors) = s.finish();
        assert_eq!(hash, hex::encode(Sha256::digest(csv.as_bytes())));
        assert!(errors.is_empty());

        // Shorter than the magic number: still CSV, read whole.
        let s = Sheet::open("a".as_bytes(), &["a"], &["a"]).unwrap();
        assert!(matches!(s.source, Source::Csv(_)));
        assert!(matches!(
            Sheet::open(&b"PK\x03\x04"[..], &["a"], &[]),
            Err(ImportError::Spreadsheet)
        ));
    }
}
