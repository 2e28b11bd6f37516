//! `frontera export ID --format json [-o FILE]`: the whole assessment, described
//! well enough that a spreadsheet or BI tool needs nothing else.

use std::io::Write as _;

use anyhow::Result;

use super::Context;
use crate::bundle::Bundle;
use crate::cli::ExportArgs;
use crate::json::export::document;

pub use crate::json::export::SCHEMA;

pub fn run(ctx: &Context, args: &ExportArgs) -> Result<()> {
    let Some(id) = &args.id else {
        crate::say!("{}", SCHEMA.trim_end())?;
        return Ok(());
    };
    let store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    let bundle = Bundle::load(&store, &id)?;
    let log = store.change_log(&id)?;
    let plan = crate::action_plan::PlanRecords::load(&store, &id)?;
    let evidence = store.evidence(&id)?;
    let now = crate::domain::time::now();
    let today = crate::domain::time::date_of(&now);
    let text =
        serde_json::to_string_pretty(&document(&bundle, &log, &plan, &evidence, ctx.lang, today))?;
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            crate::output::write_output(path, format!("{text}\n").as_bytes())?;
            // On standard error: standard output may be piped somewhere.
            let line = crate::messages::fill(
                ctx.t().exported,
                &[("id", id.as_str()), ("path", &path.display().to_string())],
            );
            let _ = writeln!(std::io::stderr(), "{line}");
        }
        _ => crate::say!("{text}")?,
    }
    Ok(())
}
