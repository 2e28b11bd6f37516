//! `frontera completions SHELL` and `frontera man`: generated from the clap
//! definitions, so they always match `--help`.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::Cli;
use crate::output::print_text;

/// The completion script for `shell`, on standard output.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "frontera", &mut script);
    write_stdout(&script)
}

/// The man page (roff), on standard output.
pub fn man() -> Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    write_stdout(&page)
}

/// Both generators write UTF-8 text; checked like every other write.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    print_text(&String::from_utf8_lossy(bytes))?;
    Ok(())
}
