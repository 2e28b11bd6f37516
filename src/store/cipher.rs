//! Encryption at rest with SQLCipher (cargo feature `encryption`): the
//! passphrase this process was given, keying a connection, checking an
//! encrypted file before it is opened, and rewriting a whole database
//! encrypted, decrypted or under a new passphrase. Asking a
//! person for the passphrase is not done here (see `commands::passphrase`).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::StoreError;
use super::migrations::{APPLICATION_ID, stored_version};
use super::open::{Access, check_version, full_check, open_path_keyed};

/// Whether this build can read and write encrypted databases.
pub const AVAILABLE: bool = cfg!(feature = "encryption");

/// A passphrase, never printed: its `Debug` is a placeholder.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl Passphrase {
    /// `None` for an empty passphrase, which would leave the file readable.
    pub fn new(text: String) -> Option<Passphrase> {
        (!text.is_empty()).then_some(Passphrase(text))
    }

    fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// The passphrase given to this process for its database (once per run: the
/// report worker and the interface open the file again and must not ask again).
static GIVEN: Mutex<Option<Passphrase>> = Mutex::new(None);

/// Remembers `key` for every later open in this process.
pub fn remember(key: Passphrase) {
    if let Ok(mut given) = GIVEN.lock() {
        *given = Some(key);
    }
}

/// The remembered passphrase, if any.
pub fn remembered() -> Option<Passphrase> {
    GIVEN.lock().ok().and_then(|g| g.clone())
}

/// Whether the file at `path` exists and does not start as plain SQLite: then
/// it is encrypted (or not a database at all, which opening tells apart).
pub fn looks_encrypted(path: &Path) -> bool {
    use std::io::Read;
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    let mut head = [0u8; 16];
    match file.read_exact(&mut head) {
        Ok(()) => &head != b"SQLite format 3\0",
        Err(_) => false,
    }
}

/// Keys a fresh connection; must come before any other statement on it.
pub(crate) fn apply_key(conn: &Connection, key: &Passphrase) -> rusqlite::Result<()> {
    // SQLCipher logs a failed page check to stderr; frontera says it in one
    // sentence of its own instead.
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    conn.pragma_update(None, "key", key.as_str())
}

/// Checks an encrypted file through a read-only connection keyed with `key`,
/// as the header checks of `open.rs` do for a plain one: a wrong
/// passphrase, a foreign, newer or cut-short file is refused untouched.
pub(super) fn inspect(
    path: &Path,
    key: &Passphrase,
    len: u64,
    wal: bool,
) -> Result<(), StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let fail = |e: rusqlite::Error| StoreError::from_sqlite(Some(path), e);
    let conn = Connection::open_with_flags(path, flags).map_err(fail)?;
    apply_key(&conn, key).map_err(fail)?;
    conn.busy_timeout(Duration::from_secs(5)).map_err(fail)?;
    // The first read decrypts page 1: with another key it is noise, which
    // SQLite reports as "not a database".
    let objects: i64 = match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
    {
        Ok(n) => n,
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            return Err(StoreError::WrongPassphrase {
                path: path.to_path_buf(),
            });
        }
        Err(e) => return Err(fail(e)),
    };
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(fail)?;
    let version = stored_version(&conn).map_err(fail)?;
    check_version(path, app, version)?;
    if app == 0 && objects > 0 {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
        });
    }
    if wal {
        return full_check(&conn).map_err(|detail| StoreError::Corrupt {
            path: path.to_path_buf(),
            detail,
        });
    }
    // SQLCipher answers `page_size` as text (it is its `cipher_page_size`).
    let count = |pragma: &str| {
        conn.pragma_query_value(None, pragma, |r| r.get::<_, rusqlite::types::Value>(0))
            .map(|v| match v {
                rusqlite::types::Value::Integer(n) => u64::try_from(n).unwrap_or(0),
                rusqlite::types::Value::Text(t) => t.trim().parse().unwrap_or(0),
                _ => 0,
            })
            .map_err(fail)
    };
    let (pages, page_size) = (count("page_count")?, count("page_size")?);
    if len < pages.saturating_mul(page_size) {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: format!(
                "the file holds {len} bytes but it counts {pages} pages of {page_size}: it was cut short"
            ),
        });
    }
    Ok(())
}

/// The file the new copy is written to before it replaces the database.
fn temporary(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".frontera-rekey");
    PathBuf::from(name)
}

/// Rows per table, to prove that a rewritten copy kept every row.
fn row_counts(conn: &Connection, schema: &str) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT name FROM {schema}.sqlite_master WHERE type = 'table' ORDER BY name"
    ))?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tables
        .into_iter()
        .map(|t| {
            let quoted = t.replace('"', "\"\"");
            let n: i64 = conn.query_row(
                &format!("SELECT count(*) FROM {schema}.\"{quoted}\""),
                [],
                |r| r.get(0),
            )?;
            Ok((t, n))
        })
        .collect()
}

/// Rewrites the database at `path`, opened with `current` (`None`: a plain
/// file), as a copy keyed with `new` (`None`: plain), then puts the copy in
/// its place in one rename. Until that rename the database is untouched; a
/// wrong `current` is [`StoreError::WrongPassphrase`] with nothing changed.
pub fn rewrite(
    path: &Path,
    current: Option<&Passphrase>,
    new: Option<&Passphrase>,
) -> Result<(), StoreError> {
    if !AVAILABLE {
        return Err(StoreError::NoEncryption);
    }
    let path = std::path::absolute(path).map_err(|e| StoreError::io(path, e))?;
    let opened = open_path_keyed(&path, Access::Existing, current)?;
    if opened.read_only {
        return Err(StoreError::ReadOnly {
            path: Some(path.clone()),
        });
    }
    let conn = opened.conn;
    let fail = |e: rusqlite::Error| StoreError::from_sqlite(Some(&path), e);
    let tmp = temporary(&path);
    // A copy left by an interrupted earlier run is ours (by its name) and stale.
    let _ = fs::remove_file(&tmp);
    let result = (|| -> Result<(), StoreError> {
        let tmp_text = tmp.to_string_lossy().into_owned();
        let key = new.map_or("", Passphrase::as_str);
        conn.execute("ATTACH DATABASE ?1 AS rewritten KEY ?2", [&tmp_text, key])
            .map_err(fail)?;
        conn.query_row("SELECT sqlcipher_export('rewritten')", [], |_| Ok(()))
            .map_err(fail)?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(fail)?;
        conn.pragma_update(Some("rewritten"), "user_version", version)
            .map_err(fail)?;
        conn.pragma_update(Some("rewritten"), "application_id", APPLICATION_ID)
            .map_err(fail)?;
        let before = row_counts(&conn, "main").map_err(fail)?;
        let after = row_counts(&conn, "rewritten").map_err(fail)?;
        conn.execute("DETACH DATABASE rewritten", [])
            .map_err(fail)?;
        if before != after {
            return Err(StoreError::Corrupt {
                path: tmp.clone(),
                detail: "the rewritten copy does not hold every row".into(),
            });
        }
        fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| StoreError::io(&tmp, e))?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    // Closing the last connection checkpoints and removes the -wal file; one
    // still there means another frontera has the database open, and a new
    // file under its feet would lose what it writes.
    drop(conn);
    let mut wal = path.as_os_str().to_os_string();
    wal.push("-wal");
    if Path::new(&wal).exists() {
        let _ = fs::remove_file(&tmp);
        return Err(StoreError::Busy { path: Some(path) });
    }
    fs::rename(&tmp, &path).map_err(|e| StoreError::io(&path, e))?;
    if let Some(dir) = path.parent() {
        // The rename itself survives a power cut once the folder is synced.
        let _ = fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}
