//! `frontera import-submissions ID FILE [--format kobo|odk] [--partial]`:
//! records the answers of KoboToolbox or ODK Central submissions of
//! frontera's XLSForm. Every row is checked before anything is written.

use std::io::Write as _;

use anyhow::Result;

use super::{Context, invalid};
use crate::bundle::Bundle;
use crate::cli::{ImportSubmissionsArgs, SubmissionFormat};
use crate::interop::grid;
use crate::interop::submissions::{self, Source};
use crate::messages::{fill, interop as m};

pub fn run(ctx: &Context, args: &ImportSubmissionsArgs) -> Result<()> {
    let path = args.file.display().to_string();
    let unreadable = |error: String| {
        invalid(fill(
            m::unreadable(ctx.lang),
            &[("path", &path), ("error", &error)],
        ))
    };
    let bytes = std::fs::read(&args.file).map_err(|e| unreadable(e.to_string()))?;
    let grid = grid::read(&bytes).map_err(|e| unreadable(e.to_string()))?;
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, &args.id)?;
    let bundle = Bundle::load(&store, &id)?;
    let format = args.format.map(|f| match f {
        SubmissionFormat::Kobo => Source::Kobo,
        SubmissionFormat::Odk => Source::Odk,
    });
    let reading = submissions::read(&grid, format, &bundle.pack, &bundle.post);
    let mut stderr = std::io::stderr().lock();
    for e in &reading.errors {
        // Cells come from outside: shown without the characters a terminal acts on.
        let _ = writeln!(stderr, "{}", crate::output::visible_line(&e.to_string()));
    }
    let errors = reading.errors.len().to_string();
    if !reading.errors.is_empty() {
        if !args.partial {
            return Err(invalid(fill(
                m::nothing_written(ctx.lang),
                &[("n", &errors), ("path", &path)],
            )));
        }
        let _ = writeln!(
            stderr,
            "{}",
            fill(m::rows_skipped(ctx.lang), &[("n", &errors)])
        );
    }
    let count = store.import_submissions(&id, &reading.submissions)?;
    ctx.say(
        m::imported(ctx.lang),
        &[
            ("imported", &count.imported.to_string()),
            ("duplicates", &count.duplicates.to_string()),
            ("id", id.as_str()),
        ],
    )
}
