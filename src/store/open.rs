//! Opening a database safely: refuse foreign, corrupt or newer files *before*
//! anything is written to them, then set the connection's PRAGMAs and migrate.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::StoreError;
use super::migrations::{APPLICATION_ID, latest_version, migrate};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What the first 100 bytes of an existing file say.
#[derive(Debug, PartialEq, Eq)]
enum Header {
    /// A zero-length file: treated like a new database.
    Empty,
    Sqlite {
        application_id: i32,
        user_version: i64,
    },
}

fn read_header(path: &Path) -> Result<Header, StoreError> {
    let mut file = fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    let mut bytes = Vec::with_capacity(100);
    file.by_ref()
        .take(100)
        .read_to_end(&mut bytes)
        .map_err(|e| StoreError::io(path, e))?;
    if bytes.is_empty() {
        return Ok(Header::Empty);
    }
    if bytes.len() < 100 || &bytes[..16] != SQLITE_MAGIC {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    let int_at = |offset: usize| {
        let mut b = [0u8; 4];
        b.copy_from_slice(&bytes[offset..offset + 4]);
        i32::from_be_bytes(b)
    };
    Ok(Header::Sqlite {
        user_version: i64::from(int_at(60)),
        application_id: int_at(68),
    })
}

fn check_version(path: &Path, application_id: i32, version: i64) -> Result<(), StoreError> {
    // 0/0 in the file header is what a frontera database looks like while its
    // first migration still sits in the WAL; SQLite itself decides that case.
    if application_id == 0 && version == 0 {
        return Ok(());
    }
    if application_id != APPLICATION_ID {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
        });
    }
    if version > latest_version() {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: version,
            supported: latest_version(),
        });
    }
    Ok(())
}

fn set_pragmas(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // WAL lets a second frontera read while one writes. FULL syncs the WAL on
    // every commit: a pulled power cord must not lose a change the screen already
    // called saved. (NORMAL would be ~50× faster per save here, but may lose the
    // last commits on power loss.)
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Checks an existing file through a read-only connection, which can neither
/// write nor checkpoint: the header may lag behind a WAL that was never
/// checkpointed, so SQLite is asked too, and the whole file is checked.
fn inspect_read_only(path: &Path) -> Result<(), StoreError> {
    let corrupt = |e: rusqlite::Error| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(corrupt)?;
    conn.busy_timeout(Duration::from_secs(5)).map_err(corrupt)?;
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(corrupt)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(corrupt)?;
    check_version(path, app, version)?;
    if app == 0 {
        // A file with no application id is ours only while it is still empty.
        let objects: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(corrupt)?;
        if objects > 0 {
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
            });
        }
    }
    let check: String = conn
        .pragma_query_value(None, "quick_check", |r| r.get(0))
        .map_err(corrupt)?;
    if check != "ok" {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: check,
        });
    }
    Ok(())
}

/// Opens (or creates) the database at `path`.
pub fn open_path(path: &Path) -> Result<Connection, StoreError> {
    let existing = path.exists();
    let header = if existing {
        Some(read_header(path)?)
    } else {
        None
    };
    if let Some(Header::Sqlite {
        application_id,
        user_version,
    }) = header
    {
        check_version(path, application_id, user_version)?;
    }
    if !existing && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    if let Some(Header::Sqlite { .. }) = header {
        inspect_read_only(path)?;
    }
    let mut conn =
        Connection::open_with_flags(path, flags).map_err(|e| StoreError::sqlite(path, e))?;
    set_pragmas(&conn).map_err(|e| StoreError::sqlite(path, e))?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| StoreError::sqlite(path, e))?;
    if version < latest_version() {
        migrate(&mut conn, version).map_err(|e| StoreError::sqlite(path, e))?;
        // Write the new schema into the main file now, so its header tells the
        // next process what it is holding.
        conn.pragma_query(None, "wal_checkpoint", |_| Ok(()))
            .map_err(|e| StoreError::sqlite(path, e))?;
    }
    Ok(conn)
}

/// A fresh in-memory database (tests, benchmarks).
pub fn open_memory() -> Result<Connection, StoreError> {
    let path = Path::new(":memory:");
    let mut conn = Connection::open_in_memory().map_err(|e| StoreError::sqlite(path, e))?;
    set_pragmas(&conn).map_err(|e| StoreError::sqlite(path, e))?;
    migrate(&mut conn, 0).map_err(|e| StoreError::sqlite(path, e))?;
    Ok(conn)
}
