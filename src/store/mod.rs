//! The only place with SQL: opening the database, migrations, queries, and row ↔
//! domain conversion. Every user change is one transaction with its change-log rows.

mod answers;
mod assessments;
pub mod bundle;
mod carry;
mod chain;
mod check;
pub mod cipher;
mod conflicts;
mod convert;
mod equipment;
mod evidence;
mod followup;
pub mod migrations;
mod open;
mod packs;
mod plan;
mod posts;
mod review;
mod submissions;
mod team;

use std::path::{Path, PathBuf};

use rusqlite::{
    Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior, params,
};

use crate::domain::counts::CountProblem;
use crate::domain::plan::{ActionStatus, MoveRefusal};
use crate::domain::review::ReviewRefusal;
use crate::domain::time;

pub use assessments::NewAssessment;
pub use chain::ChainReport;
pub use check::CheckReport;
pub use conflicts::{Conflict, Take, shown as shown_conflict_value};
pub use equipment::EquipmentUpdate;
pub use evidence::Added;
pub use open::{Access, full_check};
pub use plan::{NewAction, ProposeSummary, ProposedAction};
pub use submissions::{ImportCount, Submission, SubmittedAnswer};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a frontera database (it is not an SQLite file); it was left untouched")]
    NotADatabase { path: PathBuf },
    #[error(
        "{path} is encrypted (or is not an SQLite file): it needs its passphrase, asked on the \
         terminal or read from FRONTERA_PASSPHRASE; it was left untouched"
    )]
    Encrypted { path: PathBuf },
    #[error(
        "{path} does not open with this passphrase (a wrong passphrase, or the file is not a \
         frontera database); it was left untouched"
    )]
    WrongPassphrase { path: PathBuf },
    #[error(
        "this frontera was built without encryption (build it with `--features encryption`); \
         nothing was changed"
    )]
    NoEncryption,
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
    #[error(
        "{path} is damaged ({detail}); it was left untouched. Run `frontera db check` for details, \
         and restore it from a backup if that confirms the damage"
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "the -wal file beside {path} holds changes made to another database, not to this one; \
         both were left untouched. Move that -wal file away to open the database as it was last saved"
    )]
    WalMismatch { path: PathBuf },
    #[error(
        "there is no database at {path}; check --db (or FRONTERA_DB), or create one with `frontera post add` or `frontera demo`"
    )]
    Missing { path: PathBuf },
    #[error(
        "{path} was made by an older frontera and must be upgraded before it can be read, \
         but it is read-only; make it writable (or copy it somewhere writable) and try again"
    )]
    NeedsUpgrade { path: PathBuf },
    #[error(
        "{} is in use: another program holds a lock on it (a transaction that has not ended); \
         nothing was changed. Try again in a moment",
        shown(.path)
    )]
    Busy { path: Option<PathBuf> },
    #[error(
        "{} is read-only (no write permission, or a read-only disk); nothing was changed. \
         Reading commands still work",
        shown(.path)
    )]
    ReadOnly { path: Option<PathBuf> },
    #[error(
        "the database holds a damaged value or page ({detail}); nothing was changed. \
         Run `frontera db check`"
    )]
    Damaged { detail: String },
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
    Sql(rusqlite::Error),
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
    #[error(
        "a note may hold at most {max} characters (about three printed pages; longer \
         material belongs in an evidence file); this one has {chars}, so it was not saved"
    )]
    NoteTooLong { chars: usize, max: usize },
    #[error("the note of {target} was changed meanwhile by {by} at {at}; nothing was overwritten")]
    NoteChanged {
        target: String,
        stored: String,
        by: String,
        at: String,
    },
    #[error("equipment {type_id}: {}; nothing was saved", counts_en(.problems))]
    InvalidCounts {
        type_id: String,
        problems: Vec<CountProblem>,
    },
    #[error("assessment {id} has no action {number} (see `frontera plan list {id}`)")]
    UnknownAction { id: String, number: u32 },
    #[error("action {number} cannot go from {from} to {to}: {}", move_en(*.from, .refusal))]
    ActionMove {
        number: u32,
        from: ActionStatus,
        to: ActionStatus,
        refusal: MoveRefusal,
    },
    #[error("{}", review_en(.id, .refusal))]
    ReviewRefused { id: String, refusal: ReviewRefusal },
    #[error("assessment {id} has no review flag {flag} (see `frontera review list {id}`)")]
    UnknownFlag { id: String, flag: i64 },
    #[error("review flag {flag} is already resolved")]
    FlagResolved { flag: i64 },
    #[error("a comment or reply cannot be empty")]
    EmptyComment,
    #[error(
        "assessment {id} cannot be finalised while review flags are open: {}; answer each with `frontera review resolve {id} FLAG --reply TEXT`, or change what was flagged",
        .flags.join("; ")
    )]
    OpenFlags { id: String, flags: Vec<String> },
    #[error(
        "the post of assessment {id} has no earlier final assessment, so there is no plan to follow up"
    )]
    NoPreviousPlan { id: String },
    #[error("target levels are 0 to 4 and pillars 1 to 4")]
    BadTarget,
    #[error(
        "{code} has a final assessment whose scores rest on its {}: these cannot change while it is final \
         (reopen it first, or register the changed post under a new code); name, neighbour and agencies can",
        .fields.join(", ")
    )]
    PostInUse { code: String, fields: Vec<String> },
    #[error("assessment {id} has no evidence {evidence} (see `frontera evidence list {id}`)")]
    UnknownEvidence { id: String, evidence: String },
    #[error("evidence {evidence} was already removed")]
    EvidenceRemoved { evidence: String },
    #[error("say why the evidence is removed (--reason TEXT); it was kept")]
    RemovalNeedsReason,
    #[error(
        "assessment {id} cannot be finalised while {count} merge conflicts are open; see `frontera conflicts {id}` and resolve each with `frontera conflicts resolve {id} ITEM --take mine|theirs|VALUE --reason TEXT`"
    )]
    OpenConflicts { id: String, count: i64 },
    #[error("assessment {id} has no open conflict '{item}' (see `frontera conflicts {id}`)")]
    UnknownConflict { id: String, item: String },
    #[error("'{item}' names several open conflicts ({}); give the conflict's number", .numbers.join(", "))]
    AmbiguousConflict { item: String, numbers: Vec<String> },
    #[error(
        "'{value}' is not a value for {field} (a response is 0 to 4 or `na: REASON`, a count a whole number or -)"
    )]
    BadConflictValue { field: String, value: String },
}

/// Why a status move was refused, in English.
fn move_en(from: ActionStatus, refusal: &MoveRefusal) -> String {
    let next: Vec<&str> = from.next_statuses().iter().map(|s| s.code()).collect();
    match refusal {
        MoveRefusal::Same => format!("it is already {from}"),
        MoveRefusal::NotAllowed => format!("from {from} it can go to {}", next.join(", ")),
        MoveRefusal::NeedsReason => "give the reason with --reason TEXT".into(),
    }
}

fn review_en(id: &str, refusal: &ReviewRefusal) -> String {
    match refusal {
        ReviewRefusal::NotSubmitted(status) => format!(
            "assessment {id} is {status}: review flags are raised on a submitted assessment only"
        ),
        ReviewRefusal::OwnWork(actor) => format!(
            "{actor} is an evaluator of assessment {id}; a reviewer must be someone else (--as NAME)"
        ),
    }
}

/// "functional (5) is more than present (2); …" with the counts' field names.
fn counts_en(problems: &[CountProblem]) -> String {
    problems
        .iter()
        .map(|p| {
            let [(a, x), (b, y)] = p.counts();
            format!(
                "{} ({x}) is more than {} ({y})",
                a.replace('_', " "),
                b.replace('_', " ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A path for a message, or "the database" when the error has none.
fn shown(path: &Option<PathBuf>) -> String {
    path.as_ref()
        .map_or_else(|| "the database".to_string(), |p| p.display().to_string())
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        StoreError::from_sqlite(None, error)
    }
}

impl StoreError {
    fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// What an SQLite error means for a person: a lock held elsewhere, a
    /// read-only file and damage each get their own message; `path` names the
    /// file when it is known.
    pub(crate) fn from_sqlite(path: Option<&Path>, error: rusqlite::Error) -> Self {
        let owned = path.map(Path::to_path_buf);
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                return StoreError::Busy { path: owned };
            }
            Some(ErrorCode::ReadOnly) => return StoreError::ReadOnly { path: owned },
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                let detail = error.to_string();
                return match owned {
                    Some(path) => StoreError::Corrupt { path, detail },
                    None => StoreError::Damaged { detail },
                };
            }
            _ => {}
        }
        match (error, owned) {
            (
                e @ (rusqlite::Error::FromSqlConversionFailure(..)
                | rusqlite::Error::IntegralValueOutOfRange(..)
                | rusqlite::Error::InvalidColumnType(..)),
                _,
            ) => StoreError::Damaged {
                detail: e.to_string(),
            },
            (source, Some(path)) => StoreError::Open { path, source },
            (e, None) => StoreError::Sql(e),
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open frontera database and the person acting on it.
pub struct Store {
    conn: Connection,
    actor: String,
    read_only: bool,
    /// The time plan, follow-up and review changes are stamped with, for data
    /// recorded elsewhere first (the demo); `None` is now.
    clock: Option<String>,
    /// The language the person writes notes in (stored with each note).
    lang: Option<crate::domain::lang::Lang>,
}

impl Store {
    /// Opens or creates the database at `path`, refusing (and not touching) a file
    /// that is not a frontera database, is damaged, or comes from a newer version.
    pub fn open(path: &Path, actor: &str) -> Result<Store> {
        Store::open_with(path, actor, Access::Create)
    }

    /// Opens the database at `path`, which must exist (for commands that only
    /// read). A read-only file opens for reading.
    pub fn open_existing(path: &Path, actor: &str) -> Result<Store> {
        Store::open_with(path, actor, Access::Existing)
    }

    fn open_with(path: &Path, actor: &str, access: Access) -> Result<Store> {
        let opened = open::open_path(path, access)?;
        Ok(Store {
            conn: opened.conn,
            actor: actor.to_string(),
            read_only: opened.read_only,
            clock: None,
            lang: None,
        })
    }

    pub fn open_in_memory(actor: &str) -> Result<Store> {
        Ok(Store {
            conn: open::open_memory()?,
            actor: actor.to_string(),
            read_only: false,
            clock: None,
            lang: None,
        })
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Acts as `actor` from now on (the demo records a reviewer's flags).
    pub fn set_actor(&mut self, actor: &str) {
        self.actor = actor.to_string();
    }

    /// Stamps plan, follow-up and review changes with `at` instead of now
    /// (data recorded elsewhere first: the demo); `None` goes back to now.
    pub fn set_clock(&mut self, at: Option<&str>) {
        self.clock = at.map(str::to_string);
    }

    /// Notes written from now on are in `lang` (stored with them, so the
    /// report can say a note's language).
    pub fn set_lang(&mut self, lang: crate::domain::lang::Lang) {
        self.lang = Some(lang);
    }

    /// The language notes are written in, if set.
    pub fn writer_lang(&self) -> Option<crate::domain::lang::Lang> {
        self.lang
    }

    /// Sets or clears the language notes are written in.
    pub fn set_writer_lang(&mut self, lang: Option<crate::domain::lang::Lang>) {
        self.lang = lang;
    }

    fn now(&self) -> String {
        self.clock.clone().unwrap_or_else(now)
    }

    /// Whether the file could only be opened for reading.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Starts a write transaction. IMMEDIATE takes the write lock up front, so two
    /// frontera processes queue (busy timeout) instead of failing half-way.
    /// Every write bumps the identity row, so each commit's log pages carry the
    /// database id (see `open.rs`).
    fn write(&mut self) -> Result<Transaction<'_>> {
        if self.read_only {
            return Err(StoreError::ReadOnly { path: None });
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("UPDATE meta SET writes = writes + 1", [])?;
        Ok(tx)
    }

    /// Reads every page of the file (`PRAGMA quick_check`): "ok", or what is
    /// damaged. For `frontera db check`, and before an import writes.
    pub fn full_check(&self) -> std::result::Result<(), String> {
        open::full_check(&self.conn)
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
    // Each row joins this device's hash chain (see chain.rs).
    chain::append(
        tx,
        chain::Fields {
            at,
            actor,
            assessment: entry.assessment,
            entity: entry.entity,
            entity_id: entry.entity_id,
            field: entry.field,
            old: entry.old,
            new: entry.new,
        },
    )
}

/// Writes the change-log rows of one entity of one assessment inside the
/// caller's transaction: who and when are said once.
pub(crate) struct Logger<'a, 't> {
    pub tx: &'a Transaction<'t>,
    pub actor: &'a str,
    pub at: &'a str,
    pub assessment: &'a str,
    pub entity: &'a str,
}

impl Logger<'_, '_> {
    /// One row; nothing when `old` equals `new`.
    pub fn row(
        &self,
        entity_id: &str,
        field: &str,
        old: Option<String>,
        new: Option<String>,
    ) -> Result<()> {
        log(
            self.tx,
            self.actor,
            self.at,
            LogEntry {
                assessment: Some(self.assessment),
                entity: self.entity,
                entity_id,
                field,
                old,
                new,
            },
        )
    }
}

/// Like [`log`], for a note: a run of edits to the same note by the same
/// person, with nothing else logged in between and within a few minutes, is one
/// change (from the text before the run to the text after it), not one row per
/// keystroke of the interface's continuous saving.
pub(crate) fn log_note(
    tx: &Transaction<'_>,
    actor: &str,
    at: &str,
    entry: LogEntry<'_>,
) -> Result<()> {
    if entry.old == entry.new {
        return Ok(());
    }
    // The newest row of the whole log, if it is this note's by this person,
    // on this device, and not yet handed out in a bundle (a row others hold
    // must keep its hash).
    let device = chain::current_device(tx)?;
    let last: Option<(i64, String, i64)> = tx
        .query_row(
            "SELECT seq, at, device_seq FROM change_log
             WHERE seq = (SELECT max(seq) FROM change_log)
               AND assessment_id IS ?1 AND actor = ?2 AND entity = ?3
               AND entity_id = ?4 AND field = ?5 AND device_id = ?6",
            params![
                entry.assessment,
                actor,
                entry.entity,
                entry.entity_id,
                entry.field,
                device
            ],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    if let Some((seq, last_at, device_seq)) = last
        && time::seconds_between(&last_at, at).is_some_and(|s| (0..=NOTE_RUN_SECONDS).contains(&s))
        && chain::unexported(tx, &device, device_seq)?
    {
        chain::rewrite_head(tx, seq, at, entry.new)?;
        return Ok(());
    }
    log(tx, actor, at, entry)
}

/// How long a pause may be inside one run of note edits.
const NOTE_RUN_SECONDS: i64 = 300;

pub(crate) fn now() -> String {
    time::now()
}

#[cfg(test)]
mod carry_tests;
#[cfg(test)]
mod evidence_tests;
#[cfg(test)]
mod open_tests;
#[cfg(test)]
mod plan_tests;
#[cfg(test)]
mod tests;
