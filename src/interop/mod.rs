//! Spreadsheets and phone forms in and out: the assessment as XLSX or CSV
//! tables, the pack as an XLSForm for KoboToolbox and ODK Collect, and the
//! submissions those tools export read back into answers.
//!
//! Pure conversions over domain types and the export document: no SQL (the
//! store records), no terminal output (the commands print).

pub mod grid;
pub mod headers;
pub mod import;
pub mod programme;
pub mod submissions;
#[cfg(test)]
mod submissions_tests;
pub mod table;
pub mod write;
pub mod xlsform;

pub use table::{Cell, Table};
