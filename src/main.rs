//! The `frontera` binary: install the panic hook, parse the command line, dispatch,
//! and turn errors into one clear line and an exit status.

use std::process::ExitCode;

use std::io::Write as _;

/// mimalloc: decoding a cached pack is thousands of small strings, which it
/// allocates in about two thirds of the system allocator's time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;

use frontera::cli::Cli;
use frontera::commands::{self, Context};
use frontera::output::OutputError;

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
        let _ = writeln!(
            std::io::stderr(),
            "frontera: internal error: {info}\n\
             Your data is safe: every change was saved when it was made. Please report this."
        );
    }));
    let cli = Cli::parse();
    let lang = cli.lang.map_or_else(commands::system_lang, Into::into);
    let result = Context::from_cli(&cli).and_then(|ctx| match &cli.command {
        Some(command) => commands::run(&ctx, command),
        None => commands::run_default(&ctx),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of our output went away (`frontera … | head`): not an
        // error worth a word.
        Err(error)
            if error
                .downcast_ref::<OutputError>()
                .is_some_and(OutputError::is_closed_pipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(error) => {
            // If standard error is gone too there is nobody left to tell.
            let _ = writeln!(
                std::io::stderr(),
                "frontera: {}",
                commands::describe(&error, lang)
            );
            ExitCode::from(commands::exit_code(&error))
        }
    }
}
