//! The only place with SQL: opening the database, migrations, queries, and row ↔
//! domain conversion. Every user change is one transaction with its change-log rows.

mod answers;
mod assessments;
mod convert;
mod equipment;
pub mod migrations;
mod open;
mod packs;
mod posts;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use crate::domain::time;

pub use assessments::NewAssessment;
pub use equipment::EquipmentUpdate;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a frontera database (it is not an SQLite file); it was left untouched")]
    NotADatabase { path: PathBuf },
    #[error(
        "{path} is an SQLite database of another program, not frontera's; it was left untouched"
    )]
    Foreign { path: PathBuf },
    #[error(
        "{path} was written by a newer frontera (schema {found}; this one reads up to {supported}); \
         update frontera to open it. The file was left untouched"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path} is damaged ({detail}); it was left untouched. Restore it from a backup")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("no post with code '{0}' (see `frontera post list`)")]
    UnknownPost(String),
    #[error("a post with code '{0}' already exists")]
    DuplicatePost(String),
    #[error("no assessment with id '{0}' (see `frontera assess list`)")]
    UnknownAssessment(String),
    #[error("assessment id '{prefix}' is ambiguous: it starts {}; give more characters", .matches.join(", "))]
    AmbiguousAssessment {
        prefix: String,
        matches: Vec<String>,
    },
    #[error(
        "assessment {0} is final and cannot be changed; reopen it first: frontera assess reopen {0} --reason TEXT"
    )]
    Locked(String),
    #[error("assessment {id} cannot be {action}: {why}")]
    Transition {
        id: String,
        action: String,
        why: String,
    },
    #[error("assessment {0} is not a draft; only drafts can be deleted")]
    NotDraft(String),
    #[error("the stored content pack {0} is missing or unreadable")]
    MissingPack(String),
}

impl StoreError {
    fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    fn sqlite(path: &Path, source: rusqlite::Error) -> Self {
        StoreError::Open {
            path: path.to_path_buf(),
            source,
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open frontera database and the person acting on it.
pub struct Store {
    conn: Connection,
    actor: String,
}

impl Store {
    /// Opens or creates the database at `path`, refusing (and not touching) a file
    /// that is not a frontera database, is damaged, or comes from a newer version.
    pub fn open(path: &Path, actor: &str) -> Result<Store> {
        Ok(Store {
            conn: open::open_path(path)?,
            actor: actor.to_string(),
        })
    }

    pub fn open_in_memory(actor: &str) -> Result<Store> {
        Ok(Store {
            conn: open::open_memory()?,
            actor: actor.to_string(),
        })
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Starts a write transaction. IMMEDIATE takes the write lock up front, so two
    /// frontera processes queue (busy timeout) instead of failing half-way.
    fn write(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }
}

/// One change-log row written inside the caller's transaction.
pub(crate) struct LogEntry<'a> {
    pub assessment: Option<&'a str>,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub field: &'a str,
    pub old: Option<String>,
    pub new: Option<String>,
}

pub(crate) fn log(tx: &Transaction<'_>, actor: &str, at: &str, entry: LogEntry<'_>) -> Result<()> {
    if entry.old == entry.new {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO change_log (at, actor, assessment_id, entity, entity_id, field, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![at, actor, entry.assessment, entry.entity, entry.entity_id, entry.field, entry.old, entry.new],
    )?;
    Ok(())
}

pub(crate) fn now() -> String {
    time::now()
}

#[cfg(test)]
mod tests;
