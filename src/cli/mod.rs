//! The command line, as clap derive types only. Dispatch lives in `commands`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod bundles;
mod evidence;
mod interop;
mod plan;

#[cfg(test)]
mod help_tests;

pub use bundles::{BundleCommand, ConflictsArgs, ConflictsCommand, KeyCommand};
pub use evidence::{EvidenceAddArgs, EvidenceCommand};
pub use interop::{
    CsvTable, ExportFormat, ImportSubmissionsArgs, ReportFormat, SubmissionFormat, XlsformArgs,
};
pub use plan::{
    ActionFieldArgs, PlanAddArgs, PlanCommand, PlanEditArgs, PlanFollowupArgs, PlanFormat,
    PlanListArgs, ReviewCommand,
};

#[derive(Debug, Parser)]
#[command(
    name = "frontera",
    version,
    about = "Assess border crossing points against EU integrated border management practice",
    long_about = "Assess border crossing points against EU integrated border management (IBM) practice: \
                  checklists per pillar, an equipment-utilisation audit, maturity scores and PDF reports. \
                  Works offline; everything is kept in one SQLite file.\n\n\
                  Run without a command to open the terminal interface."
)]
pub struct Cli {
    /// The database file [default: the platform data folder]
    #[arg(long, global = true, env = "FRONTERA_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// A content pack folder holding checklists/ and procedures/ [default: the built-in pack]
    #[arg(long, global = true, env = "FRONTERA_CONTENT", value_name = "DIR")]
    pub content: Option<PathBuf>,

    /// Language of content texts and the interface [default: from the system locale]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// The person making changes, for the change log [default: FRONTERA_USER, else the OS user]
    #[arg(long = "as", global = true, env = "FRONTERA_USER", value_name = "NAME")]
    pub actor: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    En,
    Es,
    Pt,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Register and list border posts
    #[command(subcommand)]
    Post(PostCommand),
    /// Create, list and move assessments through draft → submitted → final
    #[command(subcommand)]
    Assess(AssessCommand),
    /// Answer an item: a level 0-4, `na --reason TEXT`, or `clear`
    Answer(AnswerArgs),
    /// Record the equipment audit of one equipment type
    Equipment(EquipmentArgs),
    /// Print an assessment's maturity scores
    Score(ScoreArgs),
    /// The action plan: propose, list, edit and follow up actions; pillar targets
    #[command(subcommand)]
    Plan(PlanCommand),
    /// The reviewer's pass between submitted and final: flag, resolve, list
    #[command(subcommand)]
    Review(ReviewCommand),
    /// Evidence files: attach, list, caption, remove, extract
    #[command(subcommand)]
    Evidence(EvidenceCommand),
    /// Export a whole assessment (post, pack, items, answers, equipment, scores, log)
    Export(ExportArgs),
    /// Record the answers of KoboToolbox or ODK submissions of frontera's XLSForm
    ImportSubmissions(ImportSubmissionsArgs),
    /// Print an assessment's change log, or `log verify [ID]` to check the hash chains
    Log(LogArgs),
    /// This machine's device key, which signs bundles
    #[command(subcommand)]
    Key(KeyCommand),
    /// Signed bundles for field teams: export, verify, import (merge)
    #[command(subcommand)]
    Bundle(BundleCommand),
    /// List an assessment's merge conflicts, or resolve one
    Conflicts(ConflictsArgs),
    /// Fill the database with the four EUROFRONT pilot crossings and assessments
    Demo(JsonFlag),
    /// Check content packs
    #[command(subcommand)]
    Content(ContentCommand),
    /// Check the database file for damage
    #[command(subcommand)]
    Db(DbCommand),
    /// Open the terminal interface straight in an assessment's workspace
    Open {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
    },
    /// Export an assessment report, or the programme report, as PDF
    Report(ReportArgs),
    /// List the item ids `frontera answer` takes, from the current content pack
    Items(ItemsArgs),
    /// List the equipment type ids `frontera equipment` takes, from the catalogue
    EquipmentTypes(JsonFlag),
    /// Print a shell completion script to standard output
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to standard output
    Man,
}

#[derive(Debug, Args)]
pub struct ItemsArgs {
    /// Only the items of this pillar (1 to 4)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=4))]
    pub pillar: Option<u8>,
    /// Only the items that apply to this registered post (kind, cargo, control model)
    #[arg(long, value_name = "CODE")]
    pub post: Option<String>,
    #[command(flatten)]
    pub json: JsonFlag,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Assessment id (or a unique prefix); not with --programme
    #[arg(required_unless_present = "programme", conflicts_with = "programme")]
    pub id: Option<String>,
    /// Every post's latest final assessment side by side
    #[arg(long)]
    pub programme: bool,
    /// The file to write (`-` for standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// pdf, or xlsx for the programme table (one row per post and assessment) for BI tools
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: ReportFormat,
    /// A marking printed on every page, e.g. CONFIDENCIAL
    #[arg(long)]
    pub marking: Option<String>,
    /// summary (findings below target in full, the rest compactly) or full
    /// (every item's chapter as well)
    #[arg(long, value_enum, default_value = "summary")]
    pub detail: ReportDetail,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportDetail {
    Summary,
    Full,
}

#[derive(Debug, Args)]
pub struct JsonFlag {
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum PostCommand {
    /// Register a border post
    Add(PostAddArgs),
    /// List the registered posts
    List(JsonFlag),
    /// Show one post and its assessments
    Show {
        /// The post's code, e.g. PE-DES
        code: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Edit a post's register entry; options left out keep their value.
    /// What a final assessment's scores rest on (country, kind, cargo,
    /// model, lanes, booths, shifts) cannot change while it is final
    Edit(PostEditArgs),
}

#[derive(Debug, Args)]
pub struct PostEditArgs {
    /// The post's code, e.g. PE-DES (it never changes)
    pub code: String,
    /// The post's name
    #[arg(long)]
    pub name: Option<String>,
    /// The post's country (ISO 3166 two letters)
    #[arg(long)]
    pub country: Option<String>,
    /// The neighbouring country across the border
    #[arg(long)]
    pub neighbour: Option<String>,
    /// land, air, sea or river
    #[arg(long)]
    pub kind: Option<String>,
    /// Whether the post handles cargo (true or false)
    #[arg(long, value_name = "BOOL")]
    pub cargo: Option<bool>,
    /// none, juxtaposed, single-head or integrated-area
    #[arg(long)]
    pub model: Option<String>,
    /// Passenger lanes
    #[arg(long)]
    pub lanes: Option<u32>,
    /// Cargo lanes
    #[arg(long)]
    pub cargo_lanes: Option<u32>,
    /// First-line booths
    #[arg(long)]
    pub booths: Option<u32>,
    /// Shifts a day
    #[arg(long)]
    pub shifts: Option<u32>,
    /// The agencies present (repeat for several; replaces the list)
    #[arg(long = "agency")]
    pub agencies: Vec<String>,
    #[command(flatten)]
    pub json: JsonFlag,
}

#[derive(Debug, Args)]
pub struct PostAddArgs {
    /// Short code, e.g. PE-DES
    #[arg(long)]
    pub code: String,
    /// The post's name, e.g. Desaguadero
    #[arg(long)]
    pub name: String,
    /// The post's country (ISO 3166 two letters, e.g. PE)
    #[arg(long)]
    pub country: String,
    /// The neighbouring country across the border (e.g. BO)
    #[arg(long)]
    pub neighbour: String,
    /// land, air, sea or river
    #[arg(long)]
    pub kind: String,
    /// The post handles cargo
    #[arg(long)]
    pub cargo: bool,
    /// none, juxtaposed, single-head or integrated-area
    #[arg(long, default_value = "none")]
    pub model: String,
    /// Passenger lanes
    #[arg(long, default_value_t = 1)]
    pub lanes: u32,
    /// Cargo lanes
    #[arg(long, default_value_t = 0)]
    pub cargo_lanes: u32,
    /// First-line booths [default: one per lane]
    #[arg(long)]
    pub booths: Option<u32>,
    /// Shifts a day (3 for a post open around the clock)
    #[arg(long, default_value_t = 3)]
    pub shifts: u32,
    /// An agency present at the post (repeat for several)
    #[arg(long = "agency")]
    pub agencies: Vec<String>,
    #[command(flatten)]
    pub json: JsonFlag,
}

#[derive(Debug, Subcommand)]
pub enum AssessCommand {
    /// Start an assessment of a post; prints its id alone
    New(AssessNewArgs),
    /// List assessments, newest first
    List {
        /// Only the assessments of this post (its code)
        #[arg(long)]
        post: Option<String>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Show an assessment with its progress
    Show {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Submit a draft for review
    Submit {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
    },
    /// Make an assessment final (locked)
    Finalise {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        /// Why it is finalised although incomplete (required below the
        /// completeness threshold; logged and printed in the report)
        #[arg(long)]
        reason: Option<String>,
    },
    /// Reopen a submitted or final assessment as a draft
    Reopen {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        /// Why it is reopened (kept in the change log)
        #[arg(long)]
        reason: String,
    },
    /// Delete a draft
    Delete {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
    },
    /// Record how the visit was carried out (printed in the report's method
    /// section); options left out keep their value, an empty text clears one
    Method(MethodArgs),
}

#[derive(Debug, Args)]
pub struct MethodArgs {
    /// Assessment id (or a unique prefix of 4+ characters)
    pub id: String,
    /// First day of the visit, YYYY-MM-DD
    #[arg(long)]
    pub visit_from: Option<String>,
    /// Last day of the visit, YYYY-MM-DD
    #[arg(long)]
    pub visit_to: Option<String>,
    /// Who was interviewed (functions, agencies)
    #[arg(long)]
    pub interviewed: Option<String>,
    /// Which sites, lanes and rooms were seen
    #[arg(long)]
    pub sites: Option<String>,
    /// The post's traffic as recorded (e.g. travellers and lorries a day)
    #[arg(long)]
    pub traffic: Option<String>,
    /// A member of the evaluation team (repeat for several; replaces the team)
    #[arg(long = "evaluator")]
    pub evaluators: Vec<String>,
    #[command(flatten)]
    pub json: JsonFlag,
}

#[derive(Debug, Args)]
pub struct AssessNewArgs {
    /// The code of the post assessed, e.g. PE-DES
    #[arg(long)]
    pub post: String,
    /// baseline, follow-up, thematic or unannounced
    #[arg(long, default_value = "baseline")]
    pub kind: String,
    /// A member of the evaluation team (repeat for several)
    #[arg(long = "evaluator")]
    pub evaluators: Vec<String>,
    /// core (the core subset, for a one-day visit) or full
    #[arg(long, default_value = "full")]
    pub depth: String,
    /// Copy the answers to national items (answered once per country) from
    /// this assessment of another post of the same country
    #[arg(long, value_name = "ID")]
    pub national_from: Option<String>,
    /// Prefill from the post's previous final assessment: its answers wait as
    /// "carried over — confirm" (and count as open) until each is confirmed
    /// (`answer ID ITEM confirm`) or answered another way
    #[arg(long)]
    pub carry_over: bool,
}

#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// Assessment id (or a unique prefix of 4+ characters)
    pub id: String,
    /// Item id, e.g. p2.checks.database-query
    pub item: String,
    /// 0, 1, 2, 3, 4, na, clear, or confirm (a carried-over answer)
    pub value: String,
    /// Evidence notes for the item
    #[arg(long)]
    pub note: Option<String>,
    /// Why the item does not apply (required with na)
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct EquipmentArgs {
    /// Assessment id (or a unique prefix of 4+ characters)
    pub id: String,
    /// Equipment type id from the catalogue (or a free name with --uncatalogued)
    #[arg(value_name = "TYPE")]
    pub type_id: String,
    /// TYPE is equipment found at the post that the catalogue does not list
    #[arg(long)]
    pub uncatalogued: bool,
    /// Units required (a number, or `default` for what the catalogue asks)
    #[arg(long)]
    pub required: Option<String>,
    /// Units present at the post
    #[arg(long)]
    pub present: Option<u32>,
    /// Units present that work
    #[arg(long)]
    pub functional: Option<u32>,
    /// Working units actually used in the controls
    #[arg(long)]
    pub in_use: Option<u32>,
    /// Trained operators
    #[arg(long)]
    pub trained: Option<u32>,
    /// Operators needed (a number, or `default`)
    #[arg(long)]
    pub needed: Option<String>,
    /// Units present that are maintained
    #[arg(long)]
    pub maintained: Option<u32>,
    /// Evidence notes for the equipment type
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Assessment id (or a unique prefix of 4+ characters)
    pub id: String,
    #[command(flatten)]
    pub json: JsonFlag,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Assessment id (or a unique prefix); not with --schema
    #[arg(required_unless_present = "schema", conflicts_with = "schema")]
    pub id: Option<String>,
    /// Print the JSON Schema that documents the export, instead of an export
    #[arg(long)]
    pub schema: bool,
    /// json (the whole document), xlsx (a workbook of every table) or csv (one table, see --table)
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExportFormat,
    /// The table --format csv writes
    #[arg(long, value_enum, default_value = "items")]
    pub table: CsvTable,
    /// Write to FILE instead of standard output (`-` is standard output)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Assessment id (or a unique prefix of 4+ characters), or `verify`
    pub id: String,
    /// With `verify`: the assessment whose chains to check [default: every chain]
    pub target: Option<String>,
    #[command(flatten)]
    pub json: JsonFlag,
}

#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// Validate the built-in pack, or the pack in DIR
    Check {
        /// The pack folder (holding checklists/ and procedures/) [default: the built-in pack]
        dir: Option<PathBuf>,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Write the pack as an XLSForm for KoboToolbox and ODK Collect
    ExportXlsform(XlsformArgs),
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Read every page of the database and check every stored value: what
    /// opening does not do, to stay fast on a large file
    Check {
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Encrypt the database with a new passphrase, asked twice on the terminal
    /// (FRONTERA_PASSPHRASE for scripts); needs a build with `--features encryption`
    Encrypt,
    /// Write the database back unencrypted; its passphrase is asked on the
    /// terminal (FRONTERA_PASSPHRASE for scripts)
    Decrypt,
    /// Change the passphrase: the current one, then the new one twice
    /// (FRONTERA_PASSPHRASE and FRONTERA_NEW_PASSPHRASE for scripts)
    Rekey,
}
