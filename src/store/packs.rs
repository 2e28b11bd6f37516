//! Snapshots of content packs, kept whole so an assessment always reopens with
//! the pack it was made with.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, Transaction, params};

use super::{Result, Store, StoreError};
use crate::content::PackSource;
use crate::domain::pack::PackMeta;

/// Stores the pack once per hash (inside the caller's transaction).
pub(super) fn keep(
    tx: &Transaction<'_>,
    source: &PackSource,
    meta: &PackMeta,
    at: &str,
) -> Result<()> {
    let files =
        serde_json::to_string(&source.files).map_err(|e| StoreError::MissingPack(e.to_string()))?;
    tx.execute(
        "INSERT OR IGNORE INTO content_packs (hash, pack_id, version, files, stored_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![meta.hash, meta.id, meta.version, files, at],
    )?;
    Ok(())
}

impl Store {
    /// The files of a stored pack, to load it again.
    pub fn pack_source(&self, hash: &str) -> Result<PackSource> {
        let files: Option<String> = self
            .conn
            .query_row(
                "SELECT files FROM content_packs WHERE hash = ?1",
                [hash],
                |r| r.get(0),
            )
            .optional()?;
        let files = files.ok_or_else(|| StoreError::MissingPack(hash.to_string()))?;
        let files: BTreeMap<String, String> =
            serde_json::from_str(&files).map_err(|_| StoreError::MissingPack(hash.to_string()))?;
        Ok(PackSource::from_files(
            &format!("pack {}", &hash[..hash.len().min(12)]),
            files,
        ))
    }
}
