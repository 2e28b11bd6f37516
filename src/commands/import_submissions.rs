//! `frontera import-submissions ID FILE [--format kobo|odk] [--partial]`:
//! records the answers of KoboToolbox or ODK Central submissions of
//! frontera's XLSForm. Every row is checked before anything is written.

use std::io::Write as _;

use anyhow::Result;

use super::{Context, invalid};
use crate::cli::{ImportSubmissionsArgs, SubmissionFormat};
use crate::interop::import::{ImportError, import};
use crate::interop::submissions::{CellError, Source};
use crate::messages::{fill, interop as m};

/// One line per problem on standard error; cells come from outside, so
/// they are shown without the characters a terminal would act on.
fn report(errors: &[CellError]) {
    let mut stderr = std::io::stderr().lock();
    for e in errors {
        let _ = writeln!(stderr, "{}", crate::output::visible_line(&e.to_string()));
    }
}

pub fn run(ctx: &Context, args: &ImportSubmissionsArgs) -> Result<()> {
    let path = args.file.display().to_string();
    let unreadable = |error: String| {
        invalid(fill(
            m::unreadable(ctx.lang),
            &[("path", &path), ("error", &error)],
        ))
    };
    let bytes = std::fs::read(&args.file).map_err(|e| unreadable(e.to_string()))?;
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, &args.id)?;
    let format = args.format.map(|f| match f {
        SubmissionFormat::Kobo => Source::Kobo,
        SubmissionFormat::Odk => Source::Odk,
    });
    let imported = match import(&mut store, &id, &bytes, format, args.partial) {
        Ok(imported) => imported,
        Err(ImportError::Unreadable(e)) => return Err(unreadable(e.to_string())),
        Err(ImportError::Rows(errors)) => {
            report(&errors);
            return Err(invalid(fill(
                m::nothing_written(ctx.lang),
                &[("n", &errors.len().to_string()), ("path", &path)],
            )));
        }
        Err(ImportError::Bundle(e)) => return Err(e.into()),
        Err(ImportError::Store(e)) => return Err(e.into()),
    };
    if !imported.skipped.is_empty() {
        report(&imported.skipped);
        let n = imported.skipped.len().to_string();
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            fill(m::rows_skipped(ctx.lang), &[("n", &n)])
        );
    }
    ctx.say(
        m::imported(ctx.lang),
        &[
            ("imported", &imported.count.imported.to_string()),
            ("duplicates", &imported.count.duplicates.to_string()),
            ("id", id.as_str()),
        ],
    )
}
