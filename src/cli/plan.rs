//! The command line of the action plan (`frontera plan …`) and of the
//! reviewer's pass (`frontera review …`), as clap derive types.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::JsonFlag;

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Create the actions the scores call for (again: adds only what is new,
    /// never touches an action a person edited)
    Propose {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// List the actions, most urgent first, with each pillar's gap to target
    List(PlanListArgs),
    /// Show one action with its status history
    Show {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        /// The action's number in the plan
        number: u32,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Add an action by hand
    Add(PlanAddArgs),
    /// Change an action's fields
    Edit(PlanEditArgs),
    /// Move an action: proposed, agreed, in-progress, done, dropped
    SetStatus {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        /// The action's number in the plan
        number: u32,
        /// proposed, agreed, in-progress, done or dropped
        status: String,
        /// Why (needed to drop an action, or to reopen a done or dropped one)
        #[arg(long)]
        reason: Option<String>,
    },
    /// The previous final assessment's plan under review: list it, or record
    /// what became of one action (done, partly, not-done, not-relevant)
    Followup(PlanFollowupArgs),
    /// Show each pillar's target and gap, or set one pillar's target
    Target {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        /// Pillar 1-4 (with --level)
        #[arg(long, requires = "level")]
        pillar: Option<u8>,
        /// Target level 0-4 (with --pillar)
        #[arg(long, requires = "pillar")]
        level: Option<u8>,
        #[command(flatten)]
        json: JsonFlag,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PlanFormat {
    Text,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct PlanListArgs {
    /// Assessment id (or a unique prefix of 4+ characters)
    pub id: String,
    /// Only actions with this status
    #[arg(long)]
    pub status: Option<String>,
    /// Only actions of this agency or unit (case does not matter)
    #[arg(long)]
    pub agency: Option<String>,
    /// text (a table), json or csv
    #[arg(long, value_enum, default_value = "text")]
    pub format: PlanFormat,
    /// Same as --format json
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The fields of an action, shared by `add` and `edit`.
#[derive(Debug, Args)]
pub struct ActionFieldArgs {
    /// A short title for the action
    #[arg(long)]
    pub title: Option<String>,
    /// The action in full
    #[arg(long)]
    pub text: Option<String>,
    /// critical, high, medium or low
    #[arg(long)]
    pub priority: Option<String>,
    /// The responsible agency or unit
    #[arg(long)]
    pub agency: Option<String>,
    /// Due date, YYYY-MM-DD (`none` to clear)
    #[arg(long)]
    pub due: Option<String>,
    /// Estimated cost in whole units (`none` to clear)
    #[arg(long)]
    pub cost: Option<String>,
    /// Currency of the cost (ISO 4217: EUR, USD, PEN…)
    #[arg(long)]
    pub currency: Option<String>,
    /// Items and equipment types it answers, comma-separated
    /// (p2.checks.database-query,equipment:document-reader)
    #[arg(long, value_delimiter = ',')]
    pub cites: Option<Vec<String>>,
}

#[derive(Debug, Args)]
pub struct PlanAddArgs {
    /// Assessment id (or a unique prefix of 4+ characters)
    pub id: String,
    #[command(flatten)]
    pub fields: ActionFieldArgs,
}

#[derive(Debug, Args)]
pub struct PlanEditArgs {
    /// Assessment id (or a unique prefix of 4+ characters)
    pub id: String,
    /// The action's number in the plan
    pub number: u32,
    #[command(flatten)]
    pub fields: ActionFieldArgs,
}

#[derive(Debug, Args)]
pub struct PlanFollowupArgs {
    /// The later assessment (the follow-up)
    pub id: String,
    /// The earlier action's number (with --outcome)
    #[arg(requires = "outcome")]
    pub number: Option<u32>,
    /// done, partly, not-done or not-relevant
    #[arg(long, requires = "number")]
    pub outcome: Option<String>,
    /// What was found, kept with the outcome
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub json: JsonFlag,
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Flag an item (or equipment:TYPE) of a submitted assessment as needing review
    Flag {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        /// Item id, or equipment:TYPE
        target: String,
        /// What needs review, for the evaluator
        #[arg(long)]
        comment: String,
    },
    /// Answer a flag; it is then resolved
    Resolve {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        /// The flag's number (see `review list`)
        flag: i64,
        /// The answer to the flag, kept with it
        #[arg(long)]
        reply: String,
    },
    /// List the review flags
    List {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        /// Only the open ones
        #[arg(long)]
        open: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
}
