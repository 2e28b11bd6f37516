//! The evaluator's terminal interface (work in progress).

use std::path::PathBuf;

use crate::domain::lang::Lang;

/// What the interface needs to start.
#[derive(Debug, Clone)]
pub struct Options {
    pub db_path: PathBuf,
    pub content_dir: Option<PathBuf>,
    pub lang: Lang,
    pub actor: String,
    /// An assessment id (or prefix) to open straight away (`frontera open ID`).
    pub open: Option<String>,
}

pub fn run(_options: Options) -> anyhow::Result<()> {
    anyhow::bail!("the terminal interface is not available yet in this build; see `frontera --help`")
}
