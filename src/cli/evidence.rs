//! The command line of evidence files (`frontera evidence …`), as clap derive types.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::JsonFlag;

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Attach files (photos, scans, documents) to an assessment, an item or an equipment type
    Add(EvidenceAddArgs),
    /// List an assessment's evidence files, removed ones included
    List {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Set the caption of one evidence file
    Caption {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        /// The evidence id (see `frontera evidence list ID`)
        evidence: String,
        /// The new caption (empty to clear it)
        caption: String,
    },
    /// Take an evidence file off the record; its entry stays, marked removed
    Remove {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        /// The evidence id (see `frontera evidence list ID`)
        evidence: String,
        /// Why it is removed (kept with the record)
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Write an assessment's evidence files into DIR, checking each one's SHA-256
    Extract {
        /// Assessment id (or a unique prefix of 4+ characters)
        id: String,
        /// The folder to write into (made if missing); a different file already there is never overwritten
        dir: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct EvidenceAddArgs {
    /// Assessment id (or a unique prefix of 4+ characters)
    pub id: String,
    /// The files to attach (JPEG, PNG, PDF, plain text, DOCX, XLSX; at most 25 MB each)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Attach to this checklist item (see `frontera items`)
    #[arg(long, value_name = "ITEM", conflicts_with = "equipment")]
    pub item: Option<String>,
    /// Attach to this equipment type (see `frontera equipment-types`)
    #[arg(long, value_name = "TYPE")]
    pub equipment: Option<String>,
    /// A caption saying what the file shows
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub caption: String,
}
