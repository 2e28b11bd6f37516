//! Writing a bundle: the carried tables copied into a fresh SQLite file, the
//! device chains behind them (rows of other assessments reduced to their
//! hashes), a signed manifest; written beside the target and renamed into place.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, params};
use serde_json::json;

use super::digest::{columns, has_table, table_digest};
use super::tables::{TABLES, condition};
use super::{BUNDLE_APPLICATION_ID, TransferError};
use crate::device::DeviceKey;
use crate::domain::assessment::AssessmentId;
use crate::store::Store;

/// What an export wrote.
#[derive(Debug, Clone)]
pub struct ExportSummary {
    pub path: PathBuf,
    pub assessments: usize,
    pub bytes: u64,
    pub device_id: String,
}

/// The tables holding the chains and conflicts, hashed like the others.
pub(crate) const CHAIN_TABLES: &[(&str, &str)] = &[
    ("change_log", "device_id, device_seq"),
    ("chain_stubs", "device_id, device_seq"),
    ("conflicts", "uid"),
];

impl Store {
    /// Writes a bundle of `ids` to `out`, signed with `key`.
    pub fn export_bundle(
        &mut self,
        ids: &[AssessmentId],
        key: &DeviceKey,
        out: &Path,
    ) -> Result<ExportSummary, TransferError> {
        let source = match self.conn.path() {
            Some(p) if !p.is_empty() => PathBuf::from(p),
            _ => return Err(TransferError::InMemory),
        };
        let name = out.file_name().map(|n| n.to_string_lossy().into_owned());
        let Some(name) = name else {
            return Err(write_error(out, "not a file name"));
        };
        let tmp = out.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        let written = write_file(&tmp, &source, ids, key, &self.now());
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            // The temporary name means nothing to a person: name the target.
            return Err(match e {
                TransferError::Write { detail, .. } => write_error(out, &detail),
                other => other,
            });
        }
        if let Err(e) = std::fs::rename(&tmp, out) {
            let _ = std::fs::remove_file(&tmp);
            return Err(write_error(out, &e.to_string()));
        }
        self.mark_exported()?;
        let bytes = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
        Ok(ExportSummary {
            path: out.to_path_buf(),
            assessments: ids.len(),
            bytes,
            device_id: key.device_id(),
        })
    }

    /// Every chain head this database holds has now left in a bundle: those
    /// rows must keep their hash (no note run is folded into them).
    fn mark_exported(&mut self) -> Result<(), TransferError> {
        if self.read_only {
            return Ok(());
        }
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO device_exports (device_id, through_seq)
             SELECT device_id, max(device_seq) FROM change_log WHERE device_id IS NOT NULL
             GROUP BY device_id
             ON CONFLICT (device_id) DO UPDATE SET through_seq = excluded.through_seq",
            [],
        )?;
        tx.commit()?;
        Ok(())
    }
}

fn write_error(path: &Path, detail: &str) -> TransferError {
    TransferError::Write {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    }
}

fn write_file(
    tmp: &Path,
    source: &Path,
    ids: &[AssessmentId],
    key: &DeviceKey,
    now: &str,
) -> Result<(), TransferError> {
    let conn = Connection::open(tmp).map_err(|e| write_error(tmp, &e.to_string()))?;
    conn.pragma_update(None, "application_id", BUNDLE_APPLICATION_ID)?;
    conn.execute("ATTACH DATABASE ?1 AS src", [source.to_string_lossy()])?;
    conn.execute_batch("CREATE TEMP TABLE bundle_ids (id TEXT PRIMARY KEY);")?;
    for id in ids {
        conn.execute(
            "INSERT OR IGNORE INTO temp.bundle_ids (id) VALUES (?1)",
            [id.as_str()],
        )?;
    }
    let tx = conn.unchecked_transaction()?;
    let mut manifest_tables = serde_json::Map::new();
    for table in TABLES {
        if !has_table(&tx, "src", table.name)? {
            if table.optional {
                continue;
            }
            return Err(TransferError::MissingTable {
                table: table.name.into(),
            });
        }
        let cols: Vec<String> = columns(&tx, "src", table.name)?
            .into_iter()
            .filter(|c| !table.skip.contains(&c.as_str()))
            .collect();
        let cols = cols.join(", ");
        tx.execute_batch(&format!(
            "CREATE TABLE main.{t} AS SELECT {cols} FROM src.{t} WHERE 0;
             INSERT INTO main.{t} SELECT {cols} FROM src.{t} WHERE {cond};",
            t = table.name,
            cond = condition(table, "src"),
        ))?;
    }
    copy_chains(&tx)?;
    let digests = TABLES
        .iter()
        .map(|t| (t.name, t.order))
        .chain(CHAIN_TABLES.iter().copied());
    for (name, order) in digests {
        if !has_table(&tx, "main", name)? {
            continue;
        }
        let (rows, sha256) = table_digest(&tx, "main", name, order)?;
        manifest_tables.insert(name.into(), json!({ "rows": rows, "sha256": sha256 }));
    }
    let mut chains = serde_json::Map::new();
    let mut stmt = tx.prepare(
        "SELECT device_id, max(device_seq), count(*) FROM (
             SELECT device_id, device_seq FROM change_log UNION ALL
             SELECT device_id, device_seq FROM chain_stubs) GROUP BY device_id ORDER BY device_id",
    )?;
    let heads: Vec<(String, i64, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    for (device, head, count) in heads {
        let hash: String = tx.query_row(
            "SELECT row_hash FROM change_log WHERE device_id = ?1 AND device_seq = ?2
             UNION ALL SELECT row_hash FROM chain_stubs WHERE device_id = ?1 AND device_seq = ?2",
            params![device, head],
            |r| r.get(0),
        )?;
        chains.insert(device, json!({ "length": count, "head": hash }));
    }
    let body = json!({
        "format": 1,
        "created_at": now,
        "signer": { "device_id": key.device_id(), "public_key": key.public_hex() },
        "assessments": ids.iter().map(AssessmentId::as_str).collect::<Vec<_>>(),
        "tables": manifest_tables,
        "chains": chains,
    })
    .to_string();
    let signature = key.sign(body.as_bytes());
    tx.execute_batch("CREATE TABLE manifest (body TEXT NOT NULL, signature TEXT NOT NULL);")?;
    tx.execute(
        "INSERT INTO manifest (body, signature) VALUES (?1, ?2)",
        params![body, signature],
    )?;
    tx.commit()?;
    conn.execute("DETACH DATABASE src", [])?;
    conn.close()
        .map_err(|(_, e)| write_error(tmp, &e.to_string()))?;
    std::fs::File::open(tmp)
        .and_then(|f| f.sync_all())
        .map_err(|e| write_error(tmp, &e.to_string()))?;
    Ok(())
}

/// The chains of every device that wrote about the exported assessments:
/// their rows about those assessments in full, every other link as a stub.
fn copy_chains(tx: &rusqlite::Transaction<'_>) -> Result<(), TransferError> {
    tx.execute_batch(
        "CREATE TEMP TABLE bundle_devices AS
             SELECT DISTINCT device_id FROM src.change_log
             WHERE assessment_id IN (SELECT id FROM temp.bundle_ids) AND device_id IS NOT NULL;
         CREATE TABLE main.change_log (
             device_id TEXT NOT NULL, device_seq INTEGER NOT NULL, prev_hash TEXT NOT NULL,
             row_hash TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL, assessment_id TEXT,
             entity TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL,
             old_value TEXT, new_value TEXT, PRIMARY KEY (device_id, device_seq));
         CREATE TABLE main.chain_stubs (
             device_id TEXT NOT NULL, device_seq INTEGER NOT NULL, prev_hash TEXT NOT NULL,
             row_hash TEXT NOT NULL, PRIMARY KEY (device_id, device_seq));
         INSERT INTO main.change_log
             SELECT device_id, device_seq, prev_hash, row_hash, at, actor, assessment_id,
                    entity, entity_id, field, old_value, new_value
             FROM src.change_log
             WHERE device_id IN (SELECT device_id FROM temp.bundle_devices)
               AND assessment_id IN (SELECT id FROM temp.bundle_ids);
         INSERT INTO main.chain_stubs
             SELECT device_id, device_seq, prev_hash, row_hash FROM src.change_log
             WHERE device_id IN (SELECT device_id FROM temp.bundle_devices)
               AND (assessment_id IS NULL OR assessment_id NOT IN (SELECT id FROM temp.bundle_ids))
             UNION ALL
             SELECT device_id, device_seq, prev_hash, row_hash FROM src.chain_stubs
             WHERE device_id IN (SELECT device_id FROM temp.bundle_devices);
         CREATE TABLE main.conflicts AS SELECT * FROM src.conflicts WHERE 0;
         INSERT INTO main.conflicts SELECT * FROM src.conflicts
             WHERE assessment_id IN (SELECT id FROM temp.bundle_ids);",
    )?;
    Ok(())
}
