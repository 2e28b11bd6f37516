//! Device hash chains in the database: which device this session writes as,
//! appending a chained change-log row, chaining rows from before schema 10, and
//! checking every chain (`frontera log verify`).

use rusqlite::{Connection, OptionalExtension, params};

use super::{Result, Store};
use crate::domain::chain::{self, Break, ChainRow, GENESIS, Link};

/// The device this connection writes as: the one set with
/// [`Store::set_device`] (the device key's), else the database's own id.
pub(crate) fn current_device(conn: &Connection) -> Result<String> {
    let has_session: bool = conn.query_row(
        "SELECT count(*) FROM temp.sqlite_master WHERE name = 'device_session'",
        [],
        |r| r.get::<_, i64>(0).map(|n| n > 0),
    )?;
    if has_session
        && let Some(id) = conn
            .query_row("SELECT id FROM temp.device_session", [], |r| r.get(0))
            .optional()?
    {
        return Ok(id);
    }
    Ok(conn.query_row("SELECT database_id FROM meta", [], |r| r.get(0))?)
}

/// The newest link of `device`'s chain (rows and stubs): its number and hash.
pub(crate) fn head(conn: &Connection, device: &str) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT device_seq, row_hash FROM (
                 SELECT device_seq, row_hash FROM change_log WHERE device_id = ?1
                 UNION ALL
                 SELECT device_seq, row_hash FROM chain_stubs WHERE device_id = ?1)
             ORDER BY device_seq DESC LIMIT 1",
            [device],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The fields of a row to append, before its place in a chain is known.
pub(crate) struct Fields<'a> {
    pub at: &'a str,
    pub actor: &'a str,
    pub assessment: Option<&'a str>,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub field: &'a str,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Appends one row to the current device's chain.
pub(crate) fn append(conn: &Connection, fields: Fields<'_>) -> Result<()> {
    let device = current_device(conn)?;
    let (seq, prev) =
        head(conn, &device)?.map_or((1, GENESIS.to_string()), |(seq, hash)| (seq + 1, hash));
    let row = ChainRow {
        device_id: device,
        device_seq: seq,
        prev_hash: prev,
        at: fields.at.to_string(),
        actor: fields.actor.to_string(),
        assessment_id: fields.assessment.map(str::to_string),
        entity: fields.entity.to_string(),
        entity_id: fields.entity_id.to_string(),
        field: fields.field.to_string(),
        old: fields.old,
        new: fields.new,
    };
    insert(conn, &row, &row.hash())
}

/// Stores a chained row (this device's new one, or one received in a bundle).
pub(crate) fn insert(conn: &Connection, row: &ChainRow, hash: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO change_log (at, actor, assessment_id, entity, entity_id, field,
             old_value, new_value, device_id, device_seq, prev_hash, row_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            row.at,
            row.actor,
            row.assessment_id,
            row.entity,
            row.entity_id,
            row.field,
            row.old,
            row.new,
            row.device_id,
            row.device_seq,
            row.prev_hash,
            hash
        ],
    )?;
    Ok(())
}

/// The chain row stored under local `seq`.
pub(crate) fn row_at(conn: &Connection, seq: i64) -> Result<ChainRow> {
    Ok(conn.query_row(
        &format!("SELECT {ROW_COLUMNS} FROM change_log WHERE seq = ?1"),
        [seq],
        read_row,
    )?)
}

/// The columns [`read_row`] reads, in its order.
pub(crate) const ROW_COLUMNS: &str = "device_id, device_seq, prev_hash, at, actor, assessment_id, \
     entity, entity_id, field, old_value, new_value";

pub(crate) fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ChainRow> {
    Ok(ChainRow {
        device_id: r.get(0)?,
        device_seq: r.get(1)?,
        prev_hash: r.get(2)?,
        at: r.get(3)?,
        actor: r.get(4)?,
        assessment_id: r.get(5)?,
        entity: r.get(6)?,
        entity_id: r.get(7)?,
        field: r.get(8)?,
        old: r.get(9)?,
        new: r.get(10)?,
    })
}

/// Whether `device`'s row `seq` may still be rewritten (a note run folded into
/// it): no bundle has carried it away yet.
pub(crate) fn unexported(conn: &Connection, device: &str, seq: i64) -> Result<bool> {
    let through: i64 = conn
        .query_row(
            "SELECT through_seq FROM device_exports WHERE device_id = ?1",
            [device],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0);
    Ok(seq > through)
}

/// Rewrites the head row at local `seq` with a later time and value, and its hash.
pub(crate) fn rewrite_head(
    conn: &Connection,
    seq: i64,
    at: &str,
    new: Option<String>,
) -> Result<()> {
    let mut row = row_at(conn, seq)?;
    row.at = at.to_string();
    row.new = new;
    conn.execute(
        "UPDATE change_log SET at = ?2, new_value = ?3, row_hash = ?4 WHERE seq = ?1",
        params![seq, row.at, row.new, row.hash()],
    )?;
    Ok(())
}

/// Chains the rows written before schema 10, in their local order, as the
/// database's own device (the migration runs this inside its transaction).
pub(crate) fn seal_legacy(conn: &Connection) -> rusqlite::Result<()> {
    let device: String = conn.query_row("SELECT database_id FROM meta", [], |r| r.get(0))?;
    let seqs: Vec<i64> = {
        let mut stmt =
            conn.prepare("SELECT seq FROM change_log WHERE device_id IS NULL ORDER BY seq")?;
        stmt.query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut prev = GENESIS.to_string();
    for (index, seq) in seqs.iter().enumerate() {
        let device_seq = index as i64 + 1;
        conn.execute(
            "UPDATE change_log SET device_id = ?2, device_seq = ?3, prev_hash = ?4 WHERE seq = ?1",
            params![seq, device, device_seq, prev],
        )?;
        let row = conn.query_row(
            &format!("SELECT {ROW_COLUMNS} FROM change_log WHERE seq = ?1"),
            [seq],
            read_row,
        )?;
        prev = row.hash();
        conn.execute(
            "UPDATE change_log SET row_hash = ?2 WHERE seq = ?1",
            params![seq, prev],
        )?;
    }
    Ok(())
}

/// Every link of `device`'s chain, rows and stubs, in chain order.
pub(crate) fn links(conn: &Connection, device: &str) -> Result<Vec<Link>> {
    let mut links: Vec<Link> = Vec::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT {ROW_COLUMNS}, row_hash FROM change_log WHERE device_id = ?1"
    ))?;
    let rows = stmt.query_map([device], |r| {
        let row = read_row(r)?;
        Ok(Link {
            device_seq: row.device_seq,
            prev_hash: row.prev_hash.clone(),
            row_hash: r.get(11)?,
            row: Some(row),
        })
    })?;
    for link in rows {
        links.push(link?);
    }
    let mut stmt = conn
        .prepare("SELECT device_seq, prev_hash, row_hash FROM chain_stubs WHERE device_id = ?1")?;
    let stubs = stmt.query_map([device], |r| {
        Ok(Link {
            device_seq: r.get(0)?,
            prev_hash: r.get(1)?,
            row_hash: r.get(2)?,
            row: None,
        })
    })?;
    for link in stubs {
        links.push(link?);
    }
    links.sort_by_key(|l| l.device_seq);
    Ok(links)
}

/// One device's chain as `log verify` reports it.
#[derive(Debug, Clone)]
pub struct ChainReport {
    pub device_id: String,
    pub length: i64,
    /// Where it breaks, with the local `seq` of the row concerned when known.
    pub broken: Option<(Break, Option<i64>)>,
}

impl Store {
    /// Writes from now on go to `device`'s chain (the device key's id).
    pub fn set_device(&mut self, device: &str) -> Result<()> {
        self.conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS device_session (id TEXT NOT NULL);
             DELETE FROM temp.device_session;",
        )?;
        self.conn
            .execute("INSERT INTO temp.device_session (id) VALUES (?1)", [device])?;
        Ok(())
    }

    /// The device this session writes as.
    pub fn device(&self) -> Result<String> {
        current_device(&self.conn)
    }

    /// Checks every device chain; with `assessment`, only the chains holding
    /// rows of it.
    pub fn verify_chains(&self, assessment: Option<&str>) -> Result<Vec<ChainReport>> {
        let devices: Vec<String> = {
            let mut stmt = self.conn.prepare(
                "SELECT DISTINCT device_id FROM change_log
                 WHERE ?1 IS NULL OR assessment_id = ?1
                 UNION SELECT device_id FROM chain_stubs WHERE ?1 IS NULL
                 ORDER BY 1",
            )?;
            stmt.query_map([assessment], |r| r.get::<_, Option<String>>(0))?
                .filter_map(|d| d.transpose())
                .collect::<rusqlite::Result<_>>()?
        };
        let mut reports = Vec::new();
        for device in devices {
            let links = links(&self.conn, &device)?;
            let broken = chain::check(&links).err().map(|b| {
                let seq = match &b {
                    Break::Gap { found, .. } => *found,
                    Break::Link { seq } | Break::Content { seq } => *seq,
                };
                let local: Option<i64> = self
                    .conn
                    .query_row(
                        "SELECT seq FROM change_log WHERE device_id = ?1 AND device_seq = ?2",
                        params![device, seq],
                        |r| r.get(0),
                    )
                    .optional()
                    .ok()
                    .flatten();
                (b, local)
            });
            reports.push(ChainReport {
                device_id: device,
                length: links.len() as i64,
                broken,
            });
        }
        // Rows left unchained (inserted with plain SQL) belong to no chain.
        let loose: Vec<i64> = {
            let mut stmt = self.conn.prepare(
                "SELECT seq FROM change_log WHERE (device_id IS NULL OR row_hash IS NULL)
                 AND (?1 IS NULL OR assessment_id = ?1) ORDER BY seq",
            )?;
            stmt.query_map([assessment], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        if let Some(seq) = loose.first() {
            reports.push(ChainReport {
                device_id: String::new(),
                length: loose.len() as i64,
                broken: Some((Break::Content { seq: 0 }, Some(*seq))),
            });
        }
        Ok(reports)
    }
}
