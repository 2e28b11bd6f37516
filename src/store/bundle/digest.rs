//! The digest of a table's rows as a bundle signs them: every value typed and
//! length-prefixed, rows in the table's key order, so the same rows give the
//! same hash on any machine.

use rusqlite::Connection;
use rusqlite::types::ValueRef;
use sha2::{Digest, Sha256};

use crate::store::Result;

/// Row count and SHA-256 (hex) of `table` in `schema`, ordered by `order`.
pub(crate) fn table_digest(
    conn: &Connection,
    schema: &str,
    table: &str,
    order: &str,
) -> Result<(i64, String)> {
    let mut stmt = conn.prepare(&format!("SELECT * FROM {schema}.{table} ORDER BY {order}"))?;
    let columns = stmt.column_count();
    let mut h = Sha256::new();
    h.update(table.as_bytes());
    let mut rows = stmt.query([])?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        count += 1;
        h.update(b"\x1erow");
        for i in 0..columns {
            match row.get_ref(i)? {
                ValueRef::Null => h.update(b"N"),
                ValueRef::Integer(n) => {
                    h.update(b"I");
                    h.update(n.to_be_bytes());
                }
                ValueRef::Real(x) => {
                    h.update(b"R");
                    h.update(x.to_bits().to_be_bytes());
                }
                ValueRef::Text(t) => {
                    h.update(b"T");
                    h.update((t.len() as u64).to_be_bytes());
                    h.update(t);
                }
                ValueRef::Blob(b) => {
                    h.update(b"B");
                    h.update((b.len() as u64).to_be_bytes());
                    h.update(b);
                }
            }
        }
    }
    Ok((count, hex::encode(h.finalize())))
}

/// The column names of `table` in `schema`, in table order.
pub(crate) fn columns(conn: &Connection, schema: &str, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1, ?2)")?;
    let names = stmt
        .query_map([table, schema], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// Whether `schema` has a table called `table`.
pub(crate) fn has_table(conn: &Connection, schema: &str, table: &str) -> Result<bool> {
    Ok(conn.query_row(
        &format!("SELECT count(*) FROM {schema}.sqlite_master WHERE type = 'table' AND name = ?1"),
        [table],
        |r| r.get::<_, i64>(0),
    )? > 0)
}
