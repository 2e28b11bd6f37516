//! Bundles: one SQLite file carrying assessments, their rows and change-log
//! chains, with a manifest signed by the device key (`frontera bundle
//! export|verify|import`). SQL for bundles lives here and nowhere else.

mod digest;
mod export;
mod merge;
mod tables;
pub(crate) mod units;
mod verify;

use std::path::PathBuf;

use crate::store::StoreError;

pub use export::ExportSummary;
pub use merge::ImportSummary;
pub use verify::{Verified, verify_file};

/// Marks a bundle file ("FRNB"), apart from a database ("FRNT").
pub const BUNDLE_APPLICATION_ID: i32 = 0x4652_4E42;

/// What went wrong with a bundle; each failure of a check has its own message.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{path} is not a frontera bundle ({detail}); nothing was read from it or changed")]
    NotABundle { path: PathBuf, detail: String },
    #[error(
        "the manifest's signature does not match: the manifest was changed after signing, or not signed by device {device}"
    )]
    Signature { device: String },
    #[error("the manifest names device {device}, but its public key belongs to another device")]
    SignerMismatch { device: String },
    #[error("change-log chain of device {device} is broken: {detail}")]
    Chain { device: String, detail: String },
    #[error("table {table}: {} (the manifest signed {signed} rows, the file has {found})", if .found < .signed { "rows were removed" } else { "rows were added" })]
    Rows {
        table: String,
        signed: i64,
        found: i64,
    },
    #[error(
        "table {table}: a value differs from what was signed (the file was changed after signing)"
    )]
    Content { table: String },
    #[error("table {table} is missing from the bundle")]
    MissingTable { table: String },
    #[error("evidence file {sha256} does not match its SHA-256")]
    Blob { sha256: String },
    #[error(
        "the bundle is signed by {device} ({actor}), a device this database does not know; nothing was imported. If you know who sent it, import it again with --trust (the signer is then remembered)"
    )]
    Untrusted { device: String, actor: String },
    #[error(
        "the bundle claims device {device}, which this database knows with another public key; nothing was imported"
    )]
    KeyChanged { device: String },
    #[error(
        "device {device}'s history differs between the bundle and this database at row {seq} (the same row number with other content); nothing was imported"
    )]
    Fork { device: String, seq: i64 },
    #[error("the bundle could not be written to {path}: {detail}; nothing was left behind")]
    Write { path: PathBuf, detail: String },
    #[error("bundles are exported from a database file, not an in-memory database")]
    InMemory,
}

impl From<rusqlite::Error> for TransferError {
    fn from(e: rusqlite::Error) -> Self {
        TransferError::Store(e.into())
    }
}
