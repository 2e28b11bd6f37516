//! A submissions file into an assessment, whole: read, check every row, and
//! record the valid submissions in one transaction, or nothing when a row is
//! wrong (unless partial). The command prints; the fuzz target calls this.

use super::grid::{self, GridError};
use super::submissions::{self, CellError, Source};
use crate::bundle::{Bundle, BundleError};
use crate::domain::assessment::AssessmentId;
use crate::store::{ImportCount, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Unreadable(#[from] GridError),
    #[error("{} error(s)", .0.len())]
    Rows(Vec<CellError>),
    #[error(transparent)]
    Bundle(#[from] BundleError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What was recorded, and the rows left out (with `partial` only).
#[derive(Debug)]
pub struct Imported {
    pub count: ImportCount,
    pub skipped: Vec<CellError>,
}

pub fn import(
    store: &mut Store,
    id: &AssessmentId,
    bytes: &[u8],
    format: Option<Source>,
    partial: bool,
) -> Result<Imported, ImportError> {
    let grid = grid::read(bytes)?;
    let bundle = Bundle::load(store, id)?;
    let reading = submissions::read(&grid, format, &bundle.pack, &bundle.post);
    if !reading.errors.is_empty() && !partial {
        return Err(ImportError::Rows(reading.errors));
    }
    let count = store.import_submissions(id, &reading.submissions)?;
    Ok(Imported {
        count,
        skipped: reading.errors,
    })
}
