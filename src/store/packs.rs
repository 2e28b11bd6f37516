//! Snapshots of content packs, kept whole so an assessment always reopens with
//! the pack it was made with.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, Transaction, params};

use super::{Result, Store, StoreError};
use crate::content::PackSource;
use crate::content::cache::{self, CACHE_FORMAT};
use crate::domain::pack::Pack;

/// Stores the pack once per hash, with its cache (inside the caller's
/// transaction). A pack already kept costs one lookup, not a 1 MB copy.
pub(super) fn keep(tx: &Transaction<'_>, source: &PackSource, pack: &Pack, at: &str) -> Result<()> {
    let meta = &pack.meta;
    let known: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM content_packs WHERE hash = ?1)",
        [&meta.hash],
        |r| r.get(0),
    )?;
    if !known {
        let files = serde_json::to_string(&source.files)
            .map_err(|e| StoreError::MissingPack(e.to_string()))?;
        tx.execute(
            "INSERT INTO content_packs (hash, pack_id, version, files, stored_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![meta.hash, meta.id, meta.version, files, at],
        )?;
    }
    let cached: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM pack_cache WHERE hash = ?1 AND format = ?2)",
        params![meta.hash, CACHE_FORMAT],
        |r| r.get(0),
    )?;
    if cached {
        return Ok(());
    }
    put_cache(tx, pack)
}

/// Writes (or replaces: the old one did not decode) the cache of `pack`.
fn put_cache(conn: &rusqlite::Connection, pack: &Pack) -> Result<()> {
    conn.execute(
        "INSERT INTO pack_cache (hash, format, data, structure) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (hash) DO UPDATE SET format = excluded.format, data = excluded.data,
             structure = excluded.structure",
        params![
            pack.meta.hash,
            CACHE_FORMAT,
            cache::encode(pack),
            cache::encode(&cache::structure_of(pack))
        ],
    )?;
    Ok(())
}

impl Store {
    /// The pack stored under `hash` from its cache, when the cache is there and
    /// of this build's format; `None` means parse the TOML (see `bundle`).
    pub fn cached_pack(&self, hash: &str) -> Result<Option<Pack>> {
        self.cached(hash, "data")
    }

    /// [`Store::cached_pack`] without the long texts (see
    /// [`cache::structure_of`]).
    pub fn cached_structure(&self, hash: &str) -> Result<Option<Pack>> {
        self.cached(hash, "structure")
    }

    fn cached(&self, hash: &str, column: &str) -> Result<Option<Pack>> {
        let bytes: Option<Vec<u8>> = self
            .conn
            .query_row(
                &format!("SELECT {column} FROM pack_cache WHERE hash = ?1 AND format = ?2"),
                params![hash, CACHE_FORMAT],
                |r| r.get(0),
            )
            .optional()?;
        Ok(bytes.and_then(|b| cache::decode(&b, hash)))
    }

    /// Keeps `pack`'s cache for next time. Best effort: a read-only or busy
    /// file just parses the TOML again next time.
    pub fn cache_pack(&self, pack: &Pack) {
        if self.read_only {
            return;
        }
        let write = || -> Result<()> {
            let tx = self.conn.unchecked_transaction()?;
            tx.execute("UPDATE meta SET writes = writes + 1", [])?;
            put_cache(&tx, pack)?;
            tx.commit()?;
            Ok(())
        };
        let _ = write();
    }

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
