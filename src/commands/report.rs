//! `frontera report ID -o FILE.pdf` and `frontera report --programme -o FILE.pdf`.

use anyhow::Result;

use super::{Context, invalid};
use crate::cli::ReportArgs;
use crate::report::{self, ExportRequest, ProgrammeRequest};

pub fn run(ctx: &Context, args: &ReportArgs) -> Result<()> {
    use std::io::IsTerminal;
    if args.output.as_os_str() == "-" && std::io::stdout().is_terminal() {
        return Err(invalid(ctx.t().stdout_is_terminal));
    }
    let marking = args
        .marking
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(str::to_string);
    let written = if args.programme {
        report::export_programme(&ProgrammeRequest {
            db_path: ctx.db_path.clone(),
            output: args.output.clone(),
            lang: ctx.lang,
            marking,
            actor: ctx.actor.clone(),
        })?
    } else {
        let Some(id) = &args.id else {
            return Err(invalid(ctx.t().give_id_or_programme));
        };
        let store = ctx.open_store()?;
        let id = ctx.resolve(&store, id)?;
        report::write_assessment(
            &store,
            &ExportRequest {
                db_path: ctx.db_path.clone(),
                assessment: id.to_string(),
                output: args.output.clone(),
                lang: ctx.lang,
                marking,
                actor: ctx.actor.clone(),
                detail: match args.detail {
                    crate::cli::ReportDetail::Summary => crate::report::model::Detail::Summary,
                    crate::cli::ReportDetail::Full => crate::report::model::Detail::Full,
                },
            },
            &mut |_| {},
        )?
    };
    // With `-o -` the PDF itself went to standard output.
    if written.as_os_str() != "-" {
        crate::say!("{}", written.display())?;
    }
    Ok(())
}
