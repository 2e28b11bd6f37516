//! clap types of the field-team commands: device keys, bundles, conflicts.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::JsonFlag;

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Create this machine's device key (Ed25519, kept in the config folder, never printed)
    Init,
    /// Print the device id and public key
    Show,
}

#[derive(Debug, Subcommand)]
pub enum BundleCommand {
    /// Write assessments, their rows and change chains to one signed bundle file
    Export {
        /// Assessment ids (or unique prefixes of 4+ characters)
        #[arg(required = true)]
        ids: Vec<String>,
        /// The bundle file to write (conventionally NAME.frontera)
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Check a bundle's signature, table hashes and chains, and name its signer
    Verify {
        /// The bundle file
        file: PathBuf,
    },
    /// Merge bundles into the database; conflicting changes go to the conflict queue
    Import {
        /// The bundle files, imported in order
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Accept bundles from signers this database does not know, and remember them
        #[arg(long)]
        trust: bool,
    },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ConflictsArgs {
    #[command(subcommand)]
    pub command: Option<ConflictsCommand>,
    /// Assessment id (or a unique prefix of 4+ characters)
    pub id: Option<String>,
    #[command(flatten)]
    pub json: JsonFlag,
}

#[derive(Debug, Subcommand)]
pub enum ConflictsCommand {
    /// Settle one conflict by keeping one side or a new value (logged with the reason)
    Resolve {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        /// The conflict's number, or the item or equipment id it is about
        item: String,
        /// mine, theirs, or a value (0-4 or `na: REASON` for a response, a number or - for a count)
        #[arg(long, value_name = "mine|theirs|VALUE")]
        take: String,
        /// Why this value is kept (kept in the change log)
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
}
