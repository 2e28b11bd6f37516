//! `frontera export ID --format json|xlsx|csv [-o FILE]`: the whole assessment,
//! described well enough that a spreadsheet or BI tool needs nothing else.

use std::io::Write as _;

use anyhow::Result;

use super::{Context, invalid};
use crate::bundle::Bundle;
use crate::cli::{CsvTable, ExportArgs, ExportFormat};
use crate::interop::{table, write};
use crate::json::export::document;
use crate::messages::{fill, interop as m};

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
    // The spreadsheets are cut from the JSON document, so their numbers are
    // the document's, which are `score --json`'s.
    let doc = document(&bundle, &log, &plan, &evidence, ctx.lang, today);
    let bytes = match args.format {
        ExportFormat::Json => format!("{}\n", serde_json::to_string_pretty(&doc)?).into_bytes(),
        ExportFormat::Xlsx => {
            use std::io::IsTerminal;
            let to_stdout = args.output.as_ref().is_none_or(|p| p.as_os_str() == "-");
            if to_stdout && std::io::stdout().is_terminal() {
                return Err(invalid(m::binary_on_terminal(ctx.lang)));
            }
            write::xlsx(&table::all(&doc, ctx.lang))?
        }
        ExportFormat::Csv => {
            let t = match args.table {
                CsvTable::Items => table::items(&doc, ctx.lang),
                CsvTable::Summary => table::summary(&doc, ctx.lang),
                CsvTable::Equipment => table::equipment(&doc, ctx.lang),
                CsvTable::Plan => table::plan(&doc, ctx.lang),
                CsvTable::Log => table::change_log(&doc, ctx.lang),
            };
            write::csv(&t)?
        }
    };
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            crate::output::write_output(path, &bytes)?;
            // On standard error: standard output may be piped somewhere.
            let line = fill(
                ctx.t().exported,
                &[("id", id.as_str()), ("path", &path.display().to_string())],
            );
            let _ = writeln!(std::io::stderr(), "{line}");
        }
        _ => {
            if matches!(args.format, ExportFormat::Json) {
                // Through say!: control characters never reach a terminal raw.
                crate::say!("{}", String::from_utf8_lossy(&bytes).trim_end())?;
            } else {
                crate::output::write_output(std::path::Path::new("-"), &bytes)?;
            }
        }
    }
    Ok(())
}
