//! Reading an import file by column name, record by record, hashing its bytes on the
//! way, and collecting every refused value with its line.

use super::{ImportError, Problem, RowError};
use jisr_domain::registry::FieldError;
use sha2::{Digest, Sha256};
use std::io::Read;

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

/// An open file: its reader, where each known column is, and the problems found so far.
pub(super) struct Sheet<R> {
    reader: csv::Reader<HashingReader<R>>,
    columns: Vec<(&'static str, usize)>,
    record: csv::StringRecord,
    pub errors: Vec<RowError>,
}

impl<R: Read> Sheet<R> {
    /// Opens a file whose first line names its columns. Every column must be one of
    /// `known`, and every one of `required` must be there; otherwise nothing is read.
    pub fn open(
        reader: R,
        known: &[&'static str],
        required: &[&'static str],
    ) -> Result<Self, ImportError> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(HashingReader {
                inner: reader,
                hasher: Sha256::new(),
            });
        let headers = reader.headers().map_err(read_error)?.clone();
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
        Ok(Self {
            reader,
            columns,
            record: csv::StringRecord::new(),
            errors: Vec::new(),
        })
    }

    /// Reads the next record; returns its line, or `None` at the end. A malformed record
    /// is recorded as a problem and skipped.
    pub fn next(&mut self) -> Result<Option<u64>, ImportError> {
        loop {
            match self.reader.read_record(&mut self.record) {
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
        let hash = hex::encode(self.reader.into_inner().hasher.finalize());
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
