//! One file per subcommand, each a `run` function; this file holds what they
//! share: the context (database, pack, language, acting person) and exit codes.

mod answer;
mod assess;
mod bundle;
mod conflicts;
mod content;
mod db;
mod demo;
mod equipment;
mod equipment_types;
mod evidence;
mod export;
mod generate;
mod import_submissions;
mod items;
mod key;
mod log;
mod overview;
pub mod passphrase;
mod plan;
mod post;
mod report;
mod review;
mod score;
mod suggest;
mod xlsform;

use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{Cli, Command, LangArg};
use crate::content::{PackError, PackSource};
use crate::domain::assessment::AssessmentId;
use crate::domain::lang::Lang;
use crate::domain::pack::Pack;
use crate::messages::cli::{CliTexts, texts};
use crate::messages::{Surface, errors};
use crate::store::{Store, StoreError};

/// Input that is wrong (exit status 2), as opposed to a failure (exit status 1).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct InvalidInput(pub String);

pub fn invalid(message: impl Into<String>) -> anyhow::Error {
    InvalidInput(message.into()).into()
}

/// 2 for bad usage or invalid input, 1 for any other failure.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    if error.downcast_ref::<InvalidInput>().is_some() {
        return 2;
    }
    // A file that is not acceptable evidence is invalid input; one that could
    // not be read or written is a failure.
    if let Some(e) = error.downcast_ref::<crate::evidence::EvidenceFileError>() {
        use crate::evidence::EvidenceFileError as E;
        return match e {
            E::NotAFile { .. } | E::Empty { .. } | E::TooLarge { .. } | E::Unsupported { .. } => 2,
            _ => 1,
        };
    }
    let store = error.downcast_ref::<StoreError>().or_else(|| {
        match error.downcast_ref::<crate::bundle::BundleError>() {
            Some(crate::bundle::BundleError::Store(e)) => Some(e),
            _ => None,
        }
    });
    match store {
        Some(
            StoreError::UnknownPost(_)
            | StoreError::DuplicatePost(_)
            | StoreError::UnknownAssessment(_)
            | StoreError::AmbiguousAssessment { .. }
            | StoreError::Locked(_)
            | StoreError::Transition { .. }
            | StoreError::NotDraft(_)
            | StoreError::Missing { .. }
            | StoreError::NoteTooLong { .. }
            | StoreError::NoteChanged { .. }
            | StoreError::InvalidCounts { .. }
            | StoreError::UnknownAction { .. }
            | StoreError::ActionMove { .. }
            | StoreError::ReviewRefused { .. }
            | StoreError::UnknownFlag { .. }
            | StoreError::FlagResolved { .. }
            | StoreError::EmptyComment
            | StoreError::OpenFlags { .. }
            | StoreError::NoPreviousPlan { .. }
            | StoreError::BadTarget
            | StoreError::PostInUse { .. }
            | StoreError::UnknownEvidence { .. }
            | StoreError::EvidenceRemoved { .. }
            | StoreError::RemovalNeedsReason
            | StoreError::OpenConflicts { .. }
            | StoreError::UnknownConflict { .. }
            | StoreError::AmbiguousConflict { .. }
            | StoreError::BadConflictValue { .. },
        ) => 2,
        _ => 1,
    }
}

/// The error for a person, in their language (one line, causes included).
pub fn describe(error: &anyhow::Error, lang: Lang) -> String {
    errors::describe(error, lang, Surface::Cli)
}

/// What every command needs, resolved from options, environment and platform.
#[derive(Debug, Clone)]
pub struct Context {
    pub db_path: PathBuf,
    pub content_dir: Option<PathBuf>,
    pub lang: Lang,
    pub actor: String,
}

impl Context {
    pub fn from_cli(cli: &Cli) -> Result<Context> {
        let db_path = match &cli.db {
            Some(path) => path.clone(),
            None => default_db_path()?,
        };
        let lang = cli.lang.map_or_else(system_lang, Into::into);
        let actor = cli
            .actor
            .clone()
            .filter(|a| !a.trim().is_empty())
            .or_else(os_user_name)
            .unwrap_or_else(|| "unknown".into());
        Ok(Context {
            db_path,
            content_dir: cli.content.clone(),
            lang,
            actor,
        })
    }

    /// The database, which must exist: a mistyped `--db` is an error, not a
    /// new empty database.
    pub fn open_store(&self) -> Result<Store> {
        with_device(self.unlocked(|| Store::open_existing(&self.db_path, &self.actor))?)
    }

    /// The database, created when missing (commands that register something).
    pub fn create_store(&self) -> Result<Store> {
        with_device(self.unlocked(|| Store::open(&self.db_path, &self.actor))?)
    }

    /// Opens with `open`; an encrypted file is opened again once its
    /// passphrase is given (remembered for the rest of the process).
    fn unlocked(&self, open: impl Fn() -> crate::store::Result<Store>) -> Result<Store> {
        match open() {
            Err(StoreError::Encrypted { .. }) => {
                self.unlock()?;
                Ok(open()?)
            }
            other => Ok(other?),
        }
    }

    /// Asks for the passphrase of an encrypted database before the interface
    /// takes the terminal (a prompt cannot be typed into its screens).
    pub fn unlock(&self) -> Result<()> {
        use crate::store::cipher;
        if cipher::AVAILABLE
            && cipher::remembered().is_none()
            && cipher::looks_encrypted(&self.db_path)
        {
            if !passphrase::can_ask() {
                // Nobody to ask: say what the file needs, as opening does.
                return Err(StoreError::Encrypted {
                    path: self.db_path.clone(),
                }
                .into());
            }
            cipher::remember(passphrase::current(self.lang, &self.db_path)?);
        }
        Ok(())
    }

    /// The command line's texts in the chosen language.
    pub fn t(&self) -> &'static CliTexts {
        texts(self.lang)
    }

    /// The pack new assessments are made with: `--content DIR` or the built-in one.
    pub fn current_pack(&self, store: &Store) -> Result<(PackSource, Pack)> {
        crate::bundle::current_pack(store, self.content_dir.as_deref())
            .map_err(|e: PackError| invalid(errors::pack(&e, self.lang)))
    }

    /// What the terminal interface needs to start.
    pub fn tui_options(&self, open: Option<String>) -> crate::tui::Options {
        crate::tui::Options {
            db_path: self.db_path.clone(),
            content_dir: self.content_dir.clone(),
            lang: self.lang,
            actor: self.actor.clone(),
            open,
        }
    }

    pub fn resolve(&self, store: &Store, id: &str) -> Result<AssessmentId> {
        Ok(store.resolve(id)?)
    }

    /// `template` with its placeholders filled, in the chosen language.
    pub fn say(&self, template: &str, values: &[(&str, &str)]) -> Result<()> {
        crate::say!("{}", crate::messages::fill(template, values))?;
        Ok(())
    }
}

/// Writes go to this machine's device chain when it has a device key (else
/// to the database's own chain).
pub fn with_device(mut store: Store) -> Result<Store> {
    if let Some(key) = crate::device::current()? {
        store.set_device(&key.device_id())?;
    }
    Ok(store)
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::En => Lang::En,
            LangArg::Es => Lang::Es,
            LangArg::Pt => Lang::Pt,
        }
    }
}

/// The OS user: the usual environment variables, else the account database.
fn os_user_name() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .or_else(account_name)
}

/// The account's name from `/etc/passwd`, read directly: `getpwuid` would ask
/// the name service, which on many systems means a socket (nscd), and
/// frontera never opens one.
#[cfg(unix)]
fn account_name() -> Option<String> {
    // SAFETY: getuid has no preconditions and cannot fail.
    let uid = unsafe { libc::getuid() }.to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let id = fields.nth(1)?;
        (id == uid && !name.is_empty()).then(|| name.to_string())
    })
}

#[cfg(not(unix))]
fn account_name() -> Option<String> {
    None
}

fn default_db_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("org", "EUROFRONT", "frontera").ok_or_else(|| {
        anyhow::anyhow!("no home folder found for the database; give one with --db PATH")
    })?;
    Ok(dirs.data_dir().join("frontera.db"))
}

/// The language of LC_ALL, LC_MESSAGES or LANG, falling back to English.
pub fn system_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .map_or(Lang::En, |v| Lang::from_locale(&v))
}

/// Runs a subcommand; `None` is handled by the caller (the interface).
pub fn run(ctx: &Context, command: &Command) -> Result<()> {
    match command {
        Command::Post(cmd) => post::run(ctx, cmd),
        Command::Assess(cmd) => assess::run(ctx, cmd),
        Command::Answer(args) => answer::run(ctx, args),
        Command::Equipment(args) => equipment::run(ctx, args),
        Command::Score(args) => score::run(ctx, args),
        Command::Plan(cmd) => plan::run(ctx, cmd),
        Command::Review(cmd) => review::run(ctx, cmd),
        Command::Evidence(cmd) => evidence::run(ctx, cmd),
        Command::Export(args) => export::run(ctx, args),
        Command::ImportSubmissions(args) => import_submissions::run(ctx, args),
        Command::Log(args) => log::run(ctx, args),
        Command::Key(cmd) => key::run(ctx, cmd),
        Command::Bundle(cmd) => bundle::run(ctx, cmd),
        Command::Conflicts(args) => conflicts::run(ctx, args),
        Command::Demo(args) => demo::run(ctx, args.json),
        Command::Content(cmd) => content::run(ctx, cmd),
        Command::Db(cmd) => db::run(ctx, cmd),
        Command::Report(args) => report::run(ctx, args),
        Command::Items(args) => items::run(ctx, args),
        Command::EquipmentTypes(args) => equipment_types::run(ctx, args.json),
        Command::Completions { shell } => generate::completions(*shell),
        Command::Man => generate::man(),
        Command::Open { id } => {
            ctx.unlock()?;
            crate::tui::run(ctx.tui_options(Some(id.clone())))
        }
    }
}

/// What `frontera` with no command does: the interface, or an overview when
/// there is no terminal to draw on.
pub fn run_default(ctx: &Context) -> Result<()> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        ctx.unlock()?;
        crate::tui::run(ctx.tui_options(None))
    } else {
        overview::run(ctx)
    }
}

/// Prints JSON to standard output (strings escaped as JSON does, so no
/// control character reaches a terminal raw).
pub fn print_json(value: &serde_json::Value) -> Result<()> {
    crate::say!("{}", serde_json::to_string_pretty(value)?)?;
    Ok(())
}
