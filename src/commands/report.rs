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
    if matches!(args.format, crate::cli::ReportFormat::Xlsx) {
        return programme_xlsx(ctx, args);
    }
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

/// `report --programme --format xlsx`: every assessment of every post, one
/// row each, for BI tools (the PDF compares final assessments only; a table
/// can be filtered by its status column).
fn programme_xlsx(ctx: &Context, args: &ReportArgs) -> Result<()> {
    if !args.programme {
        return Err(invalid(crate::messages::pick(
            ctx.lang,
            [
                "--format xlsx is for --programme; for one assessment use `frontera export ID --format xlsx`",
                "--format xlsx es para --programme; para una evaluación use `frontera export ID --format xlsx`",
                "--format xlsx é para --programme; para uma avaliação use `frontera export ID --format xlsx`",
            ],
        )));
    }
    let store = ctx.open_store()?;
    let mut all = store.assessments(None)?;
    all.sort_by(|a, b| {
        (a.post.as_str(), a.created_at.as_str(), a.id.as_str()).cmp(&(
            b.post.as_str(),
            b.created_at.as_str(),
            b.id.as_str(),
        ))
    });
    let bundles = all
        .iter()
        .map(|a| crate::bundle::Bundle::load(&store, &a.id))
        .collect::<Result<Vec<_>, _>>()?;
    let table = crate::interop::programme::table(&bundles, ctx.lang);
    let bytes = crate::interop::write::xlsx(&[table])?;
    crate::output::write_output(&args.output, &bytes)?;
    if args.output.as_os_str() != "-" {
        crate::say!("{}", args.output.display())?;
    }
    Ok(())
}
