//! Importing a verified bundle: new assessments arrive whole; one that exists
//! on both sides is merged unit by unit over the change chains. A unit changed
//! only in the bundle since the common history is taken; one changed on both
//! sides to different values becomes a conflict; a final assessment here is
//! never changed (its differences become conflicts). Then the bundle's chain
//! rows and conflicts are stored, so importing it again changes nothing.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

use super::TransferError;
use super::digest::{columns, has_table};
use super::tables::{Merge, TABLES, condition};
use super::units::{Unit, conflict_target, unit_of};
use super::verify::verify_file;
use crate::store::{LogEntry, Store, log};

/// What an import did.
#[derive(Debug, Clone, Default)]
pub struct ImportSummary {
    pub signer: String,
    /// Whether the signer was trusted by this import (`--trust`).
    pub newly_trusted: bool,
    pub new_assessments: usize,
    pub merged_assessments: usize,
    pub taken: usize,
    pub conflicts: usize,
    pub chain_rows: usize,
}

impl ImportSummary {
    /// Whether the import changed nothing (the bundle was already here).
    pub fn is_noop(&self) -> bool {
        self.new_assessments == 0 && self.taken == 0 && self.conflicts == 0 && self.chain_rows == 0
    }
}

/// The newest change of one unit on one side: who, when, which device row.
#[derive(Debug, Clone)]
struct Change {
    actor: String,
    at: String,
    device: String,
    seq: i64,
}

impl Store {
    /// Verifies and imports the bundle at `path`. Unknown signers are refused
    /// unless `trust`, which remembers them.
    pub fn import_bundle(
        &mut self,
        path: &Path,
        trust: bool,
    ) -> Result<ImportSummary, TransferError> {
        let (bundle, verified) = verify_file(path)?;
        let signer = verified.signer_device.clone();
        let signer_actor: String = bundle
            .query_row(
                "SELECT actor FROM change_log WHERE device_id = ?1 ORDER BY device_seq DESC LIMIT 1",
                [&signer],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_else(|| "unknown".into());
        drop(bundle);
        let mut summary = ImportSummary {
            signer: signer.clone(),
            ..ImportSummary::default()
        };
        let own = self.device()? == signer;
        let known: Option<String> = self
            .conn
            .query_row(
                "SELECT public_key FROM trusted_signers WHERE device_id = ?1",
                [&signer],
                |r| r.get(0),
            )
            .optional()?;
        match known {
            Some(key) if key != verified.signer_key => {
                return Err(TransferError::KeyChanged { device: signer });
            }
            None if !own && !trust => {
                return Err(TransferError::Untrusted {
                    device: signer,
                    actor: signer_actor,
                });
            }
            None if !own => summary.newly_trusted = true,
            _ => {}
        }
        self.conn
            .execute("ATTACH DATABASE ?1 AS b", [path.to_string_lossy()])?;
        let result = self.merge_attached(&verified.assessments, &mut summary, &verified.signer_key);
        let _ = self.conn.execute("DETACH DATABASE b", []);
        result.map(|()| summary)
    }

    fn merge_attached(
        &mut self,
        ids: &[String],
        summary: &mut ImportSummary,
        signer_key: &str,
    ) -> Result<(), TransferError> {
        let fork: Option<(String, i64)> = self
            .conn
            .query_row(
                "WITH bl AS (SELECT device_id, device_seq, row_hash FROM b.change_log
                             UNION ALL SELECT device_id, device_seq, row_hash FROM b.chain_stubs),
                      ml AS (SELECT device_id, device_seq, row_hash FROM main.change_log
                             UNION ALL SELECT device_id, device_seq, row_hash FROM main.chain_stubs)
                 SELECT bl.device_id, bl.device_seq FROM bl JOIN ml
                   ON ml.device_id = bl.device_id AND ml.device_seq = bl.device_seq
                 WHERE ml.row_hash IS NOT bl.row_hash LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((device, seq)) = fork {
            return Err(TransferError::Fork { device, seq });
        }
        let actor = self.actor.clone();
        let at = self.now();
        let tx = self.write()?;
        if summary.newly_trusted {
            tx.execute(
                "INSERT INTO trusted_signers (device_id, public_key, trusted_at, trusted_by)
                 VALUES (?1, ?2, ?3, ?4)",
                params![summary.signer, signer_key, at, actor],
            )?;
        }
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS bundle_ids (id TEXT PRIMARY KEY);
             DELETE FROM temp.bundle_ids;",
        )?;
        for id in ids {
            tx.execute("DELETE FROM temp.bundle_ids", [])?;
            tx.execute("INSERT INTO temp.bundle_ids (id) VALUES (?1)", [id])?;
            let status: Option<String> = tx
                .query_row(
                    "SELECT status FROM main.assessments WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            match status {
                None => {
                    for table in TABLES {
                        insert_missing(&tx, table)?;
                    }
                    summary.new_assessments += 1;
                }
                Some(status) => {
                    let final_here = status == "final";
                    for table in TABLES.iter().filter(|t| t.merge == Merge::Shared) {
                        insert_missing(&tx, table)?;
                    }
                    let (taken, conflicts) = merge_fields(&tx, id, final_here, &at)?;
                    summary.taken += taken;
                    summary.conflicts += conflicts;
                    if !final_here {
                        for table in TABLES.iter().filter(|t| t.merge == Merge::InsertMissing) {
                            summary.taken += insert_missing(&tx, table)?;
                        }
                    }
                    summary.merged_assessments += 1;
                }
            }
            summary.conflicts += import_conflicts(&tx, id, &at)?;
        }
        summary.chain_rows = store_chains(&tx)?;
        if !summary.is_noop() {
            log(
                &tx,
                &actor,
                &at,
                LogEntry {
                    assessment: None,
                    entity: "bundle",
                    entity_id: &summary.signer,
                    field: "import",
                    old: None,
                    new: Some(format!(
                        "{} new, {} merged, {} taken, {} conflicts",
                        summary.new_assessments,
                        summary.merged_assessments,
                        summary.taken,
                        summary.conflicts
                    )),
                },
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// Inserts the bundle's rows of `table` (for the ids in `temp.bundle_ids`)
/// whose key is not here yet; returns how many.
fn insert_missing(
    tx: &Transaction<'_>,
    table: &super::tables::BundleTable,
) -> Result<usize, TransferError> {
    if !has_table(tx, "b", table.name)? || !has_table(tx, "main", table.name)? {
        return Ok(0);
    }
    let cols = columns(tx, "b", table.name)?.join(", ");
    let same_key = table
        .key
        .iter()
        .map(|k| format!("m.{k} IS bt.{k}"))
        .collect::<Vec<_>>()
        .join(" AND ");
    let cond = condition(table, "b");
    let n = tx.execute(
        &format!(
            "INSERT INTO main.{t} ({cols}) SELECT {cols} FROM b.{t} bt
             WHERE {cond} AND NOT EXISTS (SELECT 1 FROM main.{t} m WHERE {same_key})",
            t = table.name
        ),
        [],
    )?;
    Ok(n)
}

/// Units changed on one side, by (entity, unit, row key): the unit and its newest change.
type Changed = BTreeMap<(&'static str, &'static str, String), (&'static Unit, Change)>;

/// The units changed since the common history on one side: `side` is the
/// schema whose rows are new, `other` the one that lacks them.
fn changed(
    tx: &Transaction<'_>,
    id: &str,
    side: &str,
    other: &str,
) -> Result<Changed, TransferError> {
    let mut stmt = tx.prepare(&format!(
        "SELECT entity, entity_id, field, actor, at, device_id, device_seq FROM {side}.change_log s
         WHERE assessment_id = ?1 AND device_id IS NOT NULL AND NOT EXISTS
           (SELECT 1 FROM {other}.change_log o WHERE o.device_id = s.device_id AND o.device_seq = s.device_seq)
         ORDER BY at, device_id, device_seq"
    ))?;
    let mut out = BTreeMap::new();
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            Change {
                actor: r.get(3)?,
                at: r.get(4)?,
                device: r.get(5)?,
                seq: r.get(6)?,
            },
        ))
    })?;
    for row in rows {
        let (entity, entity_id, field, change) = row?;
        if let Some((unit, key)) = unit_of(&entity, &entity_id, &field) {
            out.insert((unit.entity, unit.name, key), (unit, change));
        }
    }
    Ok(out)
}

/// The unit's value in `schema` as a JSON array of its columns (None: no row).
fn value(
    tx: &Transaction<'_>,
    schema: &str,
    unit: &Unit,
    id: &str,
    key: &str,
) -> Result<Option<String>, TransferError> {
    Ok(tx
        .query_row(
            &format!(
                "SELECT json_array({}) FROM {schema}.{} WHERE assessment_id = ?1 AND {} = ?2",
                unit.columns.join(", "),
                unit.table,
                unit.key
            ),
            params![id, key],
            |r| r.get(0),
        )
        .optional()?)
}

/// Merges the `Fields` tables of assessment `id`; returns (taken, conflicts).
fn merge_fields(
    tx: &Transaction<'_>,
    id: &str,
    final_here: bool,
    now: &str,
) -> Result<(usize, usize), TransferError> {
    let theirs = changed(tx, id, "b", "main")?;
    let mine = changed(tx, id, "main", "b")?;
    let (mut taken, mut conflicts) = (0, 0);
    let here = crate::store::chain::current_device(tx)?;
    for ((_, _, key), (unit, their_change)) in &theirs {
        let their_value = value(tx, "b", unit, id, key)?;
        let my_value = value(tx, "main", unit, id, key)?;
        if their_value == my_value || their_value.is_none() {
            continue;
        }
        let my_change = mine
            .get(&(unit.entity, unit.name, key.clone()))
            .map(|(_, c)| c.clone());
        if my_change.is_none() && !final_here {
            take(tx, unit, id, key)?;
            settle_open(tx, id, unit, key, their_change, now)?;
            taken += 1;
            continue;
        }
        let my_change = match my_change {
            Some(c) => c,
            None => tx.query_row(
                &format!("SELECT updated_by, updated_at FROM main.{} WHERE assessment_id = ?1 AND {} = ?2", unit.table, unit.key),
                params![id, key],
                |r| Ok(Change { actor: r.get(0)?, at: r.get(1)?, device: here.clone(), seq: 0 }),
            ).optional()?.unwrap_or(Change { actor: String::new(), at: String::new(), device: here.clone(), seq: 0 }),
        };
        let target = conflict_target(unit, key);
        let uid = conflict_uid(id, &target, &my_change, their_change);
        let added = tx.execute(
            "INSERT OR IGNORE INTO conflicts (uid, assessment_id, entity, entity_id, field,
                 mine, mine_by, mine_at, mine_device, theirs, theirs_by, theirs_at, theirs_device, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                uid, id, unit.entity, key, unit.name, my_value, my_change.actor, my_change.at, my_change.device,
                their_value, their_change.actor, their_change.at, their_change.device, now
            ],
        )?;
        conflicts += added;
    }
    Ok((taken, conflicts))
}

/// The same on every database that meets the same two changes.
fn conflict_uid(id: &str, target: &str, a: &Change, b: &Change) -> String {
    let mut sides = [
        format!("{}#{}", a.device, a.seq),
        format!("{}#{}", b.device, b.seq),
    ];
    sides.sort();
    let digest = Sha256::digest(format!("{id}\n{target}\n{}\n{}", sides[0], sides[1]).as_bytes());
    hex::encode(&digest[..12])
}

/// Sets the unit's columns (and who/when) from the bundle, or inserts its row.
fn take(tx: &Transaction<'_>, unit: &Unit, id: &str, key: &str) -> Result<(), TransferError> {
    let exists: bool = tx.query_row(
        &format!(
            "SELECT count(*) FROM main.{} WHERE assessment_id = ?1 AND {} = ?2",
            unit.table, unit.key
        ),
        params![id, key],
        |r| r.get::<_, i64>(0).map(|n| n > 0),
    )?;
    let from = |col: &str| {
        format!(
            "{col} = (SELECT {col} FROM b.{t} WHERE assessment_id = ?1 AND {k} = ?2)",
            t = unit.table,
            k = unit.key
        )
    };
    if exists {
        let sets: Vec<String> = unit
            .columns
            .iter()
            .chain(&["updated_at", "updated_by"])
            .map(|c| from(c))
            .collect();
        tx.execute(
            &format!(
                "UPDATE main.{} SET {} WHERE assessment_id = ?1 AND {} = ?2",
                unit.table,
                sets.join(", "),
                unit.key
            ),
            params![id, key],
        )?;
    } else {
        let cols = columns(tx, "b", unit.table)?.join(", ");
        tx.execute(
            &format!("INSERT INTO main.{t} ({cols}) SELECT {cols} FROM b.{t} WHERE assessment_id = ?1 AND {k} = ?2", t = unit.table, k = unit.key),
            params![id, key],
        )?;
    }
    Ok(())
}

/// A unit taken from a later change settles the open conflict about it here.
fn settle_open(
    tx: &Transaction<'_>,
    id: &str,
    unit: &Unit,
    key: &str,
    by: &Change,
    now: &str,
) -> Result<(), TransferError> {
    tx.execute(
        "UPDATE conflicts SET resolved_at = ?5, resolved_by = ?6, resolution = 'theirs',
             reason = 'settled by a later change on ' || ?7
         WHERE assessment_id = ?1 AND entity = ?2 AND entity_id = ?3 AND field = ?4 AND resolved_at IS NULL",
        params![id, unit.entity, key, unit.name, now, by.actor, by.device],
    )?;
    Ok(())
}

/// The bundle's conflicts about `id` that are not here yet, seen from here
/// ("mine" is the value this database holds); returns how many arrived.
fn import_conflicts(tx: &Transaction<'_>, id: &str, now: &str) -> Result<usize, TransferError> {
    let added = tx.execute(
        "INSERT INTO main.conflicts (uid, assessment_id, entity, entity_id, field,
             mine, mine_by, mine_at, mine_device, theirs, theirs_by, theirs_at, theirs_device,
             created_at, resolved_at, resolved_by, resolution, reason)
         SELECT uid, assessment_id, entity, entity_id, field,
             mine, mine_by, mine_at, mine_device, theirs, theirs_by, theirs_at, theirs_device,
             ?2, resolved_at, resolved_by, resolution, reason
         FROM b.conflicts bc WHERE assessment_id = ?1
           AND NOT EXISTS (SELECT 1 FROM main.conflicts m WHERE m.uid = bc.uid)",
        params![id, now],
    )?;
    // Turn the arrived ones round where this database holds "theirs".
    tx.execute(
        "UPDATE main.conflicts SET
             mine = theirs, mine_by = theirs_by, mine_at = theirs_at, mine_device = theirs_device,
             theirs = mine, theirs_by = mine_by, theirs_at = mine_at, theirs_device = mine_device
         WHERE assessment_id = ?1 AND created_at = ?2 AND resolved_at IS NULL
           AND uid IN (SELECT uid FROM b.conflicts)
           AND theirs IS (SELECT json_array(level, na_reason, confirmed_from) FROM main.answers a
                          WHERE entity = 'answer' AND field = 'response'
                            AND a.assessment_id = ?1 AND a.item_id = entity_id)",
        params![id, now],
    )?;
    // Settled there, open here: settled here too.
    tx.execute(
        "UPDATE main.conflicts SET
             resolved_at = (SELECT resolved_at FROM b.conflicts bc WHERE bc.uid = main.conflicts.uid),
             resolved_by = (SELECT resolved_by FROM b.conflicts bc WHERE bc.uid = main.conflicts.uid),
             resolution = (SELECT resolution FROM b.conflicts bc WHERE bc.uid = main.conflicts.uid),
             reason = (SELECT reason FROM b.conflicts bc WHERE bc.uid = main.conflicts.uid)
         WHERE assessment_id = ?1 AND resolved_at IS NULL
           AND uid IN (SELECT uid FROM b.conflicts WHERE resolved_at IS NOT NULL)",
        [id],
    )?;
    Ok(added)
}

/// Stores the bundle's chain rows and stubs this database lacks (a stub here
/// gives way to the full row); returns how many links were new.
fn store_chains(tx: &Transaction<'_>) -> Result<usize, TransferError> {
    tx.execute(
        "DELETE FROM main.chain_stubs WHERE EXISTS (SELECT 1 FROM b.change_log bc
           WHERE bc.device_id = main.chain_stubs.device_id AND bc.device_seq = main.chain_stubs.device_seq)",
        [],
    )?;
    let rows = tx.execute(
        "INSERT INTO main.change_log (at, actor, assessment_id, entity, entity_id, field,
             old_value, new_value, device_id, device_seq, prev_hash, row_hash)
         SELECT at, actor, assessment_id, entity, entity_id, field, old_value, new_value,
             device_id, device_seq, prev_hash, row_hash FROM b.change_log bc
         WHERE NOT EXISTS (SELECT 1 FROM main.change_log m
                           WHERE m.device_id = bc.device_id AND m.device_seq = bc.device_seq)
         ORDER BY device_id, device_seq",
        [],
    )?;
    let stubs = tx.execute(
        "INSERT INTO main.chain_stubs (device_id, device_seq, prev_hash, row_hash)
         SELECT device_id, device_seq, prev_hash, row_hash FROM b.chain_stubs bs
         WHERE NOT EXISTS (SELECT 1 FROM main.change_log m
                           WHERE m.device_id = bs.device_id AND m.device_seq = bs.device_seq)
           AND NOT EXISTS (SELECT 1 FROM main.chain_stubs m
                           WHERE m.device_id = bs.device_id AND m.device_seq = bs.device_seq)",
        [],
    )?;
    Ok(rows + stubs)
}
