//! Checking a bundle before anything trusts it: the manifest's signature, then
//! each device chain, then each table's row count and digest, then evidence
//! blobs against their SHA-256. Each failure names what failed.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use serde::Deserialize;
use std::collections::BTreeMap;

use super::digest::{has_table, table_digest};
use super::export::CHAIN_TABLES;
use super::tables::TABLES;
use super::{BUNDLE_APPLICATION_ID, TransferError};
use crate::domain::chain::{self, Break, Link};
use crate::store::chain::{ROW_COLUMNS, read_row};

#[derive(Debug, Deserialize)]
struct Manifest {
    format: i64,
    created_at: String,
    signer: Signer,
    assessments: Vec<String>,
    tables: BTreeMap<String, TableSeal>,
    chains: BTreeMap<String, ChainSeal>,
}

#[derive(Debug, Deserialize)]
struct Signer {
    device_id: String,
    public_key: String,
}

#[derive(Debug, Deserialize)]
struct TableSeal {
    rows: i64,
    sha256: String,
}

#[derive(Debug, Deserialize)]
struct ChainSeal {
    length: i64,
    head: String,
}

/// A bundle that passed every check.
#[derive(Debug, Clone)]
pub struct Verified {
    pub signer_device: String,
    pub signer_key: String,
    /// Who made the export, as its newest change-log row names them.
    pub created_at: String,
    pub assessments: Vec<String>,
    pub tables: Vec<(String, i64)>,
    pub chains: Vec<(String, i64)>,
}

/// Opens `path` read-only and checks it.
pub fn verify_file(path: &Path) -> Result<(Connection, Verified), TransferError> {
    let not_bundle = |detail: &str| TransferError::NotABundle {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    };
    if !path.is_file() {
        return Err(not_bundle("no such file"));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| not_bundle(&e.to_string()))?;
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| not_bundle("not an SQLite file"))?;
    if app != BUNDLE_APPLICATION_ID {
        return Err(not_bundle("not made by `frontera bundle export`"));
    }
    let verified = check(&conn).map_err(|e| match e {
        TransferError::Store(s) => not_bundle(&s.to_string()),
        other => other,
    })?;
    Ok((conn, verified))
}

fn check(conn: &Connection) -> Result<Verified, TransferError> {
    let (body, signature): (String, String) = conn
        .query_row("SELECT body, signature FROM manifest", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .map_err(|_| TransferError::MissingTable {
            table: "manifest".into(),
        })?;
    let manifest: Manifest = serde_json::from_str(&body).map_err(|_| TransferError::Signature {
        device: "(unreadable manifest)".into(),
    })?;
    let device = manifest.signer.device_id.clone();
    if !crate::device::verify(&manifest.signer.public_key, body.as_bytes(), &signature) {
        return Err(TransferError::Signature { device });
    }
    if manifest.format != 1 {
        return Err(TransferError::NotABundle {
            path: "bundle".into(),
            detail: format!(
                "format {} is newer than this frontera reads",
                manifest.format
            ),
        });
    }
    if crate::device::device_id_of(&manifest.signer.public_key) != device {
        return Err(TransferError::SignerMismatch { device });
    }
    check_chains(conn, &manifest)?;
    check_tables(conn, &manifest)?;
    Ok(Verified {
        signer_device: device,
        signer_key: manifest.signer.public_key,
        created_at: manifest.created_at,
        assessments: manifest.assessments,
        tables: manifest
            .tables
            .iter()
            .map(|(n, s)| (n.clone(), s.rows))
            .collect(),
        chains: manifest
            .chains
            .iter()
            .map(|(n, s)| (n.clone(), s.length))
            .collect(),
    })
}

fn check_chains(conn: &Connection, manifest: &Manifest) -> Result<(), TransferError> {
    for (device, seal) in &manifest.chains {
        let links = bundle_links(conn, device)?;
        let broken = |detail: String| TransferError::Chain {
            device: device.clone(),
            detail,
        };
        if let Err(b) = chain::check(&links) {
            return Err(broken(match b {
                Break::Gap { expected, found } => {
                    format!(
                        "row {expected} is missing (the next row is {found}): a row was removed"
                    )
                }
                Break::Link { seq } => {
                    format!(
                        "row {seq} does not follow row {}: rows were reordered or replaced",
                        seq - 1
                    )
                }
                Break::Content { seq } => format!("row {seq} was changed after it was written"),
            }));
        }
        let head = links
            .last()
            .map(|l| l.row_hash.as_str())
            .unwrap_or_default();
        if links.len() as i64 != seal.length || head != seal.head {
            return Err(broken(format!(
                "it has {} rows, the manifest signed {}: rows were removed at its end or added",
                links.len(),
                seal.length
            )));
        }
    }
    Ok(())
}

/// A device's links in the bundle file, rows and stubs, in chain order.
pub(crate) fn bundle_links(conn: &Connection, device: &str) -> Result<Vec<Link>, TransferError> {
    let mut links = Vec::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT {ROW_COLUMNS}, row_hash FROM change_log WHERE device_id = ?1"
    ))?;
    for link in stmt.query_map([device], |r| {
        let row = read_row(r)?;
        Ok(Link {
            device_seq: row.device_seq,
            prev_hash: row.prev_hash.clone(),
            row_hash: r.get(11)?,
            row: Some(row),
        })
    })? {
        links.push(link?);
    }
    let mut stmt = conn
        .prepare("SELECT device_seq, prev_hash, row_hash FROM chain_stubs WHERE device_id = ?1")?;
    for link in stmt.query_map([device], |r| {
        Ok(Link {
            device_seq: r.get(0)?,
            prev_hash: r.get(1)?,
            row_hash: r.get(2)?,
            row: None,
        })
    })? {
        links.push(link?);
    }
    links.sort_by_key(|l| l.device_seq);
    Ok(links)
}

fn check_tables(conn: &Connection, manifest: &Manifest) -> Result<(), TransferError> {
    let known = TABLES
        .iter()
        .map(|t| (t.name, t.order))
        .chain(CHAIN_TABLES.iter().copied());
    for (name, order) in known {
        let Some(seal) = manifest.tables.get(name) else {
            if has_table(conn, "main", name)? {
                return Err(TransferError::Content { table: name.into() });
            }
            continue;
        };
        if !has_table(conn, "main", name)? {
            return Err(TransferError::MissingTable { table: name.into() });
        }
        let (rows, sha256) = table_digest(conn, "main", name, order)?;
        if rows != seal.rows {
            return Err(TransferError::Rows {
                table: name.into(),
                signed: seal.rows,
                found: rows,
            });
        }
        if sha256 != seal.sha256 {
            return Err(TransferError::Content { table: name.into() });
        }
    }
    for table in TABLES {
        let Some((data, sha)) = table.blob else {
            continue;
        };
        if !has_table(conn, "main", table.name)? {
            continue;
        }
        let mut stmt = conn.prepare(&format!("SELECT {sha}, {data} FROM {}", table.name))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let claimed: String = row.get(0)?;
            let bytes = row.get_ref(1)?.as_blob().unwrap_or_default();
            use sha2::Digest;
            if hex::encode(sha2::Sha256::digest(bytes)) != claimed {
                return Err(TransferError::Blob { sha256: claimed });
            }
        }
    }
    Ok(())
}
