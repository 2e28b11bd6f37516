//! Opening a database safely and in constant time: refuse foreign, damaged,
//! truncated or newer files *before* anything is written to them, then set the
//! connection's PRAGMAs, migrate under the write lock and check the schema.
//! Reading the whole file (`quick_check`) is left to `frontera db check`, to
//! migrations, and to the rare open that finds a write-ahead log it cannot
//! vouch for.

use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::StoreError;
use super::cipher::{self, Passphrase};
use super::migrations::{
    APPLICATION_ID, MigrateError, latest_version, migrate, missing_schema, stored_version,
};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// The marker before the hex digits of a database id (migration 0002).
const ID_MARKER: &[u8] = b"frontera-db:";

/// Whether a missing file may be created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Create the database if it does not exist (commands that write, the interface).
    Create,
    /// The database must exist (commands that only read): a mistyped path is an
    /// error, not a new empty database.
    Existing,
}

/// An open connection and whether it can write.
pub struct Opened {
    pub conn: Connection,
    pub read_only: bool,
}

/// What the first 100 bytes of an existing file say.
#[derive(Debug, PartialEq, Eq)]
enum Header {
    /// A zero-length file: treated like a new database.
    Empty,
    /// No plain SQLite header, but large enough to be an encrypted database
    /// (whose first page, header included, is ciphertext).
    Opaque,
    Sqlite {
        application_id: i32,
        user_version: i64,
        page_size: u64,
        /// Pages the header says the file holds, when that figure is valid.
        pages: Option<u64>,
    },
}

fn read_header(path: &Path) -> Result<(Header, u64), StoreError> {
    let mut file = fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    let len = file.metadata().map_err(|e| StoreError::io(path, e))?.len();
    let mut bytes = Vec::with_capacity(100);
    file.by_ref()
        .take(100)
        .read_to_end(&mut bytes)
        .map_err(|e| StoreError::io(path, e))?;
    if bytes.is_empty() {
        return Ok((Header::Empty, 0));
    }
    // The smallest SQLCipher file is one page of at least 512 bytes.
    if cipher::AVAILABLE && len >= 512 && bytes.len() == 100 && &bytes[..16] != SQLITE_MAGIC {
        return Ok((Header::Opaque, len));
    }
    if bytes.len() < 100 || &bytes[..16] != SQLITE_MAGIC {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    let int_at = |offset: usize| {
        let mut b = [0u8; 4];
        b.copy_from_slice(&bytes[offset..offset + 4]);
        u32::from_be_bytes(b)
    };
    // Offset 16: the page size, where 1 means 65536.
    let page_size = match u64::from(u16::from_be_bytes([bytes[16], bytes[17]])) {
        1 => 65536,
        size => size,
    };
    // The page count at offset 28 is valid when the "version valid for" number
    // (offset 92) equals the change counter (offset 24).
    let pages = (int_at(92) == int_at(24) && int_at(28) > 0).then(|| u64::from(int_at(28)));
    Ok((
        Header::Sqlite {
            user_version: i64::from(int_at(60) as i32),
            application_id: int_at(68) as i32,
            page_size,
            pages,
        },
        len,
    ))
}

pub(super) fn check_version(
    path: &Path,
    application_id: i32,
    version: i64,
) -> Result<(), StoreError> {
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

/// Settings that write nothing to the file.
fn set_connection_pragmas(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // Reads through memory mapping rather than one system call per page: a
    // pinned pack's cache is a megabyte and more.
    conn.pragma_update(None, "mmap_size", 256 * 1024 * 1024)?;
    conn.pragma_update(None, "foreign_keys", true)
}

/// The journal settings; switching a file to WAL rewrites its header, so this
/// comes only once the file has been accepted.
fn set_journal_pragmas(conn: &Connection) -> rusqlite::Result<()> {
    // WAL lets a second frontera read while one writes. FULL syncs the WAL on
    // every commit: a pulled power cord must not lose a change the screen already
    // called saved. (NORMAL would be ~50× faster per save here, but may lose the
    // last commits on power loss.)
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// The side files SQLite keeps beside a database.
fn side_files(path: &Path) -> [PathBuf; 2] {
    let with = |suffix: &str| {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        PathBuf::from(name)
    };
    [with("-wal"), with("-shm")]
}

/// Removes the side files that opening created, when the file is refused: a
/// refused database is left exactly as it was found.
struct Litter {
    created: Vec<PathBuf>,
}

impl Litter {
    fn before(path: &Path) -> Litter {
        Litter {
            created: side_files(path)
                .into_iter()
                .filter(|p| !p.exists())
                .collect(),
        }
    }

    fn clean(&self) {
        for file in &self.created {
            // Only files that did not exist before this open are removed.
            let _ = fs::remove_file(file);
        }
    }
}

/// Maps an SQLite error met while opening `path` to what it means for a person.
fn opening_error(path: &Path, error: rusqlite::Error) -> StoreError {
    StoreError::from_sqlite(Some(path), error)
}

/// The database id written in the main file's page `page` (not through the
/// WAL), if the page holds one.
fn id_in_main_file(path: &Path, page_size: u64, page: u64) -> Option<String> {
    let mut file = fs::File::open(path).ok()?;
    file.seek(SeekFrom::Start(page.checked_sub(1)? * page_size))
        .ok()?;
    let mut bytes = vec![0u8; usize::try_from(page_size).ok()?];
    file.read_exact(&mut bytes).ok()?;
    let at = bytes
        .windows(ID_MARKER.len())
        .position(|w| w == ID_MARKER)?;
    let hex = bytes.get(at..at + ID_MARKER.len() + 32)?;
    String::from_utf8(hex.to_vec()).ok()
}

/// Checks an existing file that SQLite must look at (a write-ahead log beside
/// it, or a header that has not been written yet) through a read-only
/// connection, which can neither write nor checkpoint.
fn inspect_read_only(path: &Path, header: &Header, wal: bool) -> Result<(), StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let fail = |e: rusqlite::Error| opening_error(path, e);
    let conn = Connection::open_with_flags(path, flags).map_err(fail)?;
    conn.busy_timeout(Duration::from_secs(5)).map_err(fail)?;
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(fail)?;
    let version = stored_version(&conn).map_err(fail)?;
    check_version(path, app, version)?;
    if app == 0 {
        // A file with no application id is ours only while it is still empty.
        let objects: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(fail)?;
        if objects > 0 {
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
            });
        }
        return Ok(());
    }
    if !wal {
        return Ok(());
    }
    // The WAL's changes are seen through the connection; the main file's own
    // copy of the id is read from the file itself. Different ids prove the log
    // was written against another database.
    let in_log: Option<(String, i64)> = conn
        .query_row(
            "SELECT m.database_id, s.rootpage FROM meta m, sqlite_master s
             WHERE s.name = 'meta' AND s.type = 'table'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ok();
    if let (Some((id, root)), Header::Sqlite { page_size, .. }) = (&in_log, header)
        && let Ok(root) = u64::try_from(*root)
        && let Some(main) = id_in_main_file(path, *page_size, root)
    {
        if main != *id {
            return Err(StoreError::WalMismatch {
                path: path.to_path_buf(),
            });
        }
        return Ok(());
    }
    // Nothing to compare (a schema-1 file, or a log whose first checkpoint
    // never happened): read the whole file once instead.
    full_check(&conn).map_err(|detail| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail,
    })
}

/// `PRAGMA quick_check`: every page read, "ok" or what is wrong.
pub fn full_check(conn: &Connection) -> Result<(), String> {
    let mut stmt = conn
        .prepare("PRAGMA quick_check")
        .map_err(|e| e.to_string())?;
    let found: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .map_err(|e| e.to_string())?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| e.to_string())?;
    match found.as_slice() {
        [ok] if ok == "ok" => Ok(()),
        problems => Err(problems.join("; ")),
    }
}

/// `--db` is a plain path, never an SQLite URI: made absolute, `file:x?mode=…`
/// is a file of that name in the current folder.
fn plain_path(path: &Path) -> Result<PathBuf, StoreError> {
    std::path::absolute(path).map_err(|e| StoreError::io(path, e))
}

/// Whether the existing file at `path` can be opened for writing.
fn writable(path: &Path) -> bool {
    fs::OpenOptions::new().write(true).open(path).is_ok()
}

/// Opens (or, with [`Access::Create`], creates) the database at `path`; an
/// encrypted one with the passphrase this process was given.
pub fn open_path(path: &Path, access: Access) -> Result<Opened, StoreError> {
    open_path_keyed(path, access, cipher::remembered().as_ref())
}

/// [`open_path`] with an explicit passphrase (`None`: an encrypted file is
/// refused as [`StoreError::Encrypted`]). The passphrase is used only for a
/// file that has no plain header.
pub fn open_path_keyed(
    path: &Path,
    access: Access,
    key: Option<&Passphrase>,
) -> Result<Opened, StoreError> {
    let path = plain_path(path)?;
    let path = path.as_path();
    let meta = match fs::metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(StoreError::io(path, e)),
    };
    let header = match &meta {
        None if access == Access::Existing => {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        None => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                fs::create_dir_all(parent).map_err(|e| StoreError::io(parent, e))?;
            }
            Header::Empty
        }
        Some(meta) if !meta.is_file() => {
            return Err(StoreError::NotADatabase {
                path: path.to_path_buf(),
            });
        }
        Some(_) => {
            let (header, len) = read_header(path)?;
            if let Header::Sqlite {
                application_id,
                user_version,
                page_size,
                pages,
            } = header
            {
                check_version(path, application_id, user_version)?;
                if let Some(pages) = pages
                    && len < pages.saturating_mul(page_size)
                {
                    return Err(StoreError::Corrupt {
                        path: path.to_path_buf(),
                        detail: format!(
                            "the file holds {len} bytes but its header counts {pages} pages of {page_size}: it was cut short"
                        ),
                    });
                }
            }
            if header == Header::Opaque {
                let Some(key) = key else {
                    return Err(StoreError::Encrypted {
                        path: path.to_path_buf(),
                    });
                };
                let [wal, _] = side_files(path);
                let wal_in_use = fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
                let litter = Litter::before(path);
                let checked = cipher::inspect(path, key, len, wal_in_use);
                if checked.is_err() {
                    litter.clean();
                }
                checked?;
            }
            header
        }
    };
    let key = key.filter(|_| header == Header::Opaque);
    let litter = Litter::before(path);
    let result = open_checked(path, &header, meta.is_some(), key);
    if result.is_err() {
        litter.clean();
    }
    result
}

fn open_checked(
    path: &Path,
    header: &Header,
    existed: bool,
    key: Option<&Passphrase>,
) -> Result<Opened, StoreError> {
    let [wal, _] = side_files(path);
    let wal_in_use = fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    let unwritten = matches!(
        header,
        Header::Sqlite {
            application_id: 0,
            user_version: 0,
            ..
        }
    );
    if matches!(header, Header::Sqlite { .. }) && (wal_in_use || unwritten) {
        inspect_read_only(path, header, wal_in_use)?;
    }
    let read_only = existed && !writable(path);
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let fail = |e: rusqlite::Error| opening_error(path, e);
    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail,
    };
    let mut conn = Connection::open_with_flags(path, flags).map_err(fail)?;
    if let Some(key) = key {
        cipher::apply_key(&conn, key).map_err(fail)?;
        // Sorts and temporary indices stay in memory: a temporary file is
        // not encrypted with the database.
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(fail)?;
    }
    set_connection_pragmas(&conn).map_err(fail)?;
    let version = stored_version(&conn).map_err(fail)?;
    if version < latest_version() {
        if read_only {
            return Err(StoreError::NeedsUpgrade {
                path: path.to_path_buf(),
            });
        }
        if version > 0 {
            // An upgrade reads the whole file once before changing it.
            full_check(&conn).map_err(corrupt)?;
        }
        match migrate(&mut conn) {
            Ok(_) => {}
            Err(MigrateError::Sql(e)) => return Err(fail(e)),
            Err(MigrateError::Schema(detail)) => return Err(corrupt(detail)),
        }
    } else if let Some(detail) = missing_schema(&conn).map_err(fail)? {
        return Err(corrupt(detail));
    }
    if !read_only {
        set_journal_pragmas(&conn).map_err(fail)?;
        if version < latest_version() {
            // Write the new schema into the main file now, so its header tells
            // the next process what it is holding.
            conn.pragma_query(None, "wal_checkpoint", |_| Ok(()))
                .map_err(fail)?;
        }
    }
    Ok(Opened { conn, read_only })
}

/// A fresh in-memory database (tests, benchmarks).
pub fn open_memory() -> Result<Connection, StoreError> {
    let path = Path::new(":memory:");
    let mut conn = Connection::open_in_memory().map_err(|e| opening_error(path, e))?;
    set_connection_pragmas(&conn).map_err(|e| opening_error(path, e))?;
    match migrate(&mut conn) {
        Ok(_) => Ok(conn),
        Err(MigrateError::Sql(e)) => Err(opening_error(path, e)),
        Err(MigrateError::Schema(detail)) => Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail,
        }),
    }
}
