//! The social registry: households, the persons living in them (with the history of who
//! lived where), and the dated registry index values of each household.
//!
//! - Files come in through [`import_households`] and [`import_index_values`], CSV or XLSX
//!   (see [File formats](#file-formats)): every line is checked, every refused value is reported with its line, column and a [`Problem`]
//!   code, and a file with any refused line imports nothing. An import is one transaction
//!   with one audit entry (the file's SHA-256 and the counts); importing the same file
//!   again changes nothing and writes no audit entry. A households file is streamed: its
//!   lines are staged in a temporary table of the import's connection (PostgreSQL's
//!   `COPY`, SQLite's batched inserts) and checked and applied by set-based statements,
//!   so memory does not grow with the file and a stopped import leaves nothing.
//! - Records are read through [`Scoped`], built from the grants of the person asking, like
//!   establishments: a household outside their territory is "not found".
//! - [`load`] fills the targeting engine's columnar [`jisr_targeting::registry::Registry`]
//!   from the database: households, current members and the latest valid index value.
//!
//! # File formats
//!
//! Both files are tables whose first line names the columns, in any order and any case;
//! a file is read as one or the other format from its first bytes, whatever its name:
//!
//! | format | recognised by | lines | values |
//! |---|---|---|---|
//! | CSV | anything else | lines of the file | UTF-8 text (a byte-order mark is accepted), comma-separated |
//! | XLSX | a ZIP archive (`PK\x03\x04`) | row numbers of the sheet | the cells of the first worksheet, read as the text they show (below) |
//!
//! In a workbook only the first worksheet is read, its first row with a value being the
//! header; empty rows are passed over, and a value to the right of the last named column
//! refuses its row ([`Problem::MalformedRow`]). A cell gives:
//!
//! | cell | text |
//! |---|---|
//! | text | as typed: `07.427.01.01` stays a commune code |
//! | number | to the 15 significant digits a spreadsheet shows, in the shortest decimal form: `9.5`, `4` (not `4.0`), `1234567890` |
//! | date (a number with a date format) | `YYYY-MM-DD`, with ` HH:MM:SS` when it has a time (then refused as a date) |
//! | boolean | `true` / `false` |
//! | error (`#N/A`…) | the error as shown, refused as a value |
//! | empty | empty |
//!
//! Keys of more than 15 digits (a long `population_register_id`) must be text cells: a
//! spreadsheet keeps only 15 significant digits of a number. The workbook is held in
//! memory (a ZIP archive is read from its end) while its rows are read one by one; the
//! file's SHA-256 is over its bytes, as for CSV. A ZIP archive that is not a readable
//! workbook (damaged, protected by a password, an OpenDocument or Word file), and a
//! legacy `.xls` workbook, are refused whole with [`ImportError::Spreadsheet`].
//!
//! # Households file
//!
//! One line per person; the household columns are repeated on each line of the household
//! and must agree.
//!
//! | column | | |
//! |---|---|---|
//! | `household_key` | required | registry household number: letters, digits, `-_/.`, ≤ 32 |
//! | `commune_code` | required | HCP commune code of the household, e.g. `07.427.01.01` |
//! | `address` | optional | |
//! | `cin` | one of the | national identity card number: 1–2 letters and 1–6 digits |
//! | `population_register_id` | three keys | population register identifier: 6–20 digits |
//! | `person_key` | per line | the sending system's key for the person, ≤ 64 characters |
//! | `first_name_ar`, `last_name_ar` | names in one | Arabic script |
//! | `first_name_lat`, `last_name_lat` | script at least | Latin script |
//! | `birth_date` | required | `YYYY-MM-DD` or `DD/MM/YYYY`, not in the future |
//! | `sex` | required | `male`/`m`, `female`/`f` |
//! | `relation` | required | to the head: `head`, `spouse`, `child`, `grandchild`, `parent`, `other_relative`, `non_relative` |
//! | `disabled` | optional | `1`/`0`, `yes`/`no`, `true`/`false`, `oui`/`non`; empty: not known |
//! | `disability_card_number`, `disability_card_date` | optional | only with `disabled` = yes |
//! | `schooling` | optional | `enrolled`, `left`, `never` |
//! | `orphan` | optional | as `disabled` |
//! | `member_since` | optional | date the person joined the household; default: the import day |
//!
//! A person is matched to the registry by any of their keys (all the keys given must
//! designate the same person); keys the file leaves empty are kept. Each household of the
//! file is given whole, with exactly one head: a member living there before and absent
//! from the file has left (the stay is closed on the import day), a person listed under
//! another household than before has moved (the old stay closes on `member_since`, or the
//! import day, and a new one opens). Stays are never deleted. Households not in the file
//! are left as they are.
//!
//! # Index file
//!
//! | column | | |
//! |---|---|---|
//! | `household_key` | required | a household already in the registry |
//! | `value` | required | a positive number ≤ [`jisr_domain::registry::INDEX_MAX`] (`.` or `,` decimal) |
//! | `date` | required | day the value was established, not in the future |
//! | `source` | optional | `registry` (default), `declared`, `staff` |
//! | `valid_to` | optional | last day the value may be used |
//!
//! A value is identified by its household, date and source: a second line for the same
//! three is refused, and a value already stored under them is replaced when it differs.
//! Rules use the latest valid value ([`jisr_targeting::registry::latest_valid`]).

mod import;
mod index;
mod load;
mod read;
mod sheet;
mod synthetic;

pub use import::import_households;
pub use index::import_index_values;
pub use load::{
    Declared, LoadError, engine_geo, load, load_as_of, load_household, load_with_declared,
};
pub use read::{
    HouseholdDetail, HouseholdFilter, HouseholdSummary, Member, PAGE_SIZE, Scoped, Stay,
    latest_valid_value,
};
pub use synthetic::{synthetic_files, write_synthetic_files};

use crate::StoreError;
use jisr_domain::registry::FieldError;
use serde::Serialize;

/// Why a line (or one value of it) was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Problem {
    /// A value that does not parse.
    Field { reason: FieldError },
    /// The line is not a CSV record of the file's width, or not UTF-8; or an XLSX row has
    /// a value in a column without a heading.
    MalformedRow,
    /// No commune has this code.
    UnknownCommune,
    /// A household column differs from the household's first line.
    HouseholdMismatch { first_line: u64 },
    /// None of `cin`, `population_register_id`, `person_key` is given.
    NoPersonKey,
    /// Neither the Arabic nor the Latin first and last names are given.
    NameMissing,
    /// A disability card without `disabled` = yes.
    DisabilityCardWithoutFlag,
    /// The person is already on another line of the file.
    DuplicatePerson { first_line: u64 },
    /// The household has no head, or more than one (reported on its first line, or on the
    /// second head).
    HeadCount,
    /// The keys of the line designate different persons of the registry.
    IdentityConflict,
    /// The person's current stay began after the date given for the move.
    MoveBeforeCurrentStay,
    /// No household of the registry has this key.
    UnknownHousehold,
    /// The same household, date and source are on another line of the file.
    DuplicateIndexValue { first_line: u64 },
    /// `valid_to` is before `date`.
    ValidToBeforeDate,
}

impl Problem {
    /// A stable code for the problem, used as a translation key by the web layer.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Field { reason } => reason.code(),
            Problem::MalformedRow => "registry-malformed-row",
            Problem::UnknownCommune => "registry-unknown-commune",
            Problem::HouseholdMismatch { .. } => "registry-household-mismatch",
            Problem::NoPersonKey => "registry-no-person-key",
            Problem::NameMissing => "registry-name-missing",
            Problem::DisabilityCardWithoutFlag => "registry-disability-card-without-flag",
            Problem::DuplicatePerson { .. } => "registry-duplicate-person",
            Problem::HeadCount => "registry-head-count",
            Problem::IdentityConflict => "registry-identity-conflict",
            Problem::MoveBeforeCurrentStay => "registry-move-before-current-stay",
            Problem::UnknownHousehold => "registry-unknown-household",
            Problem::DuplicateIndexValue { .. } => "registry-duplicate-index-value",
            Problem::ValidToBeforeDate => "registry-valid-to-before-date",
        }
    }

    pub(crate) fn field(reason: FieldError) -> Self {
        Problem::Field { reason }
    }
}

/// One refused line or value: its line in the file (the header is line 1), its column
/// when one value is at fault, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub line: u64,
    pub column: Option<&'static str>,
    pub problem: Problem,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The first line lacks required columns or names columns the format does not have.
    #[error("columns: missing {missing:?}, unknown {unknown:?}")]
    Columns {
        missing: Vec<&'static str>,
        unknown: Vec<String>,
    },
    /// The first line is not readable text.
    #[error("unreadable header")]
    Header,
    /// The file could not be read.
    #[error("read error near line {line}")]
    Read { line: u64 },
    /// The file is a ZIP archive (or a legacy `.xls` workbook) but not a readable XLSX
    /// workbook: damaged, protected by a password, or of another format.
    #[error("not a readable XLSX workbook")]
    Spreadsheet,
    /// Lines were refused, in line order; nothing was imported.
    #[error("{} refused values", .0.len())]
    Rows(Vec<RowError>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ImportError {
    /// A stable code for the error, used as a translation key by the web layer.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Columns { .. } => "registry-import-columns",
            ImportError::Header => "registry-import-header",
            ImportError::Read { .. } => "registry-import-read",
            ImportError::Spreadsheet => "registry-import-spreadsheet",
            ImportError::Rows(_) => "registry-import-rows",
            ImportError::Store(e) => e.code(),
        }
    }
}

impl From<sea_orm::DbErr> for ImportError {
    fn from(e: sea_orm::DbErr) -> Self {
        ImportError::Store(e.into())
    }
}

/// Records of one kind an import inserted, updated, or found as they were.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// What an import of a households file did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// SHA-256 of the file, hex.
    pub file_sha256: String,
    /// Person lines read.
    pub rows: u64,
    pub households: Counts,
    pub persons: Counts,
    /// Stays opened (arrivals, moves in, changes of relation).
    pub stays_opened: u64,
    /// Stays closed (departures, moves out, changes of relation).
    pub stays_closed: u64,
}

impl ImportReport {
    /// Whether the import changed anything.
    pub fn changed(&self) -> bool {
        self.households.inserted
            + self.households.updated
            + self.persons.inserted
            + self.persons.updated
            + self.stays_opened
            + self.stays_closed
            > 0
    }
}

/// What an import of an index file did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IndexImportReport {
    pub file_sha256: String,
    pub rows: u64,
    pub values: Counts,
}

/// Rows per multi-row statement: well under both engines' limits on bound values.
pub(crate) const CHUNK: usize = 500;
pub mod entry;
