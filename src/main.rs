//! The `frontera` binary: install the panic hook, parse the command line, dispatch,
//! and turn errors into one clear line and an exit status.

use std::process::ExitCode;

use clap::Parser;

use frontera::cli::Cli;
use frontera::commands::{self, Context};

/// Lets `frontera … | head` end quietly, as command-line tools do, instead of
/// failing on a write to a closed pipe.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a
    // valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    restore_default_sigpipe();
    std::panic::set_hook(Box::new(|info| {
        eprintln!("frontera: internal error: {info}");
        eprintln!(
            "Your data is safe: every change was saved when it was made. Please report this."
        );
    }));
    let cli = Cli::parse();
    let result = Context::from_cli(&cli).and_then(|ctx| match &cli.command {
        Some(command) => commands::run(&ctx, command),
        None => commands::run_default(&ctx),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("frontera: {error:#}");
            ExitCode::from(commands::exit_code(&error))
        }
    }
}
