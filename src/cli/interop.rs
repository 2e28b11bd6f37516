//! The options of the spreadsheet and phone-form commands (issue 15).

use std::path::PathBuf;

use clap::{Args, ValueEnum};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Json,
    Xlsx,
    Csv,
}

/// The table `export --format csv` writes.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum CsvTable {
    #[default]
    Items,
    Summary,
    Equipment,
    Plan,
    Log,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum ReportFormat {
    #[default]
    Pdf,
    Xlsx,
}

#[derive(Debug, Args)]
pub struct XlsformArgs {
    /// Only the items of this pillar (1 to 4) [default: the whole pack]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=4))]
    pub pillar: Option<u8>,
    /// The XLSForm file to write
    #[arg(short, long, value_name = "FILE.xlsx")]
    pub output: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SubmissionFormat {
    Kobo,
    Odk,
}

#[derive(Debug, Args)]
pub struct ImportSubmissionsArgs {
    /// Assessment id (or a unique prefix of 4+ characters)
    pub id: String,
    /// The submissions exported from KoboToolbox or ODK Central (CSV or XLSX)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Which tool exported FILE [default: told from its columns]
    #[arg(long, value_enum)]
    pub format: Option<SubmissionFormat>,
    /// Record the valid rows even if other rows have errors
    #[arg(long)]
    pub partial: bool,
}
