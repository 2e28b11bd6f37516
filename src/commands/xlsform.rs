//! `frontera content export-xlsform [--pillar N] -o FILE.xlsx`: the current
//! pack as an XLSForm for KoboToolbox and ODK Collect (labels in en/es/pt;
//! the form opens in the `--lang` language).

use anyhow::Result;

use super::Context;
use crate::cli::XlsformArgs;
use crate::interop::{write, xlsform};
use crate::messages::interop as m;

pub fn run(ctx: &Context, args: &XlsformArgs) -> Result<()> {
    // The pack new assessments are made with; no database is needed.
    let (_, pack) = crate::content::load_current(ctx.content_dir.as_deref())
        .map_err(|e| super::invalid(crate::messages::errors::pack(&e, ctx.lang)))?;
    let bytes = write::xlsx(&xlsform::form(&pack, args.pillar, ctx.lang))?;
    crate::output::write_output(&args.output, &bytes)?;
    if args.output.as_os_str() != "-" {
        ctx.say(
            m::written(ctx.lang),
            &[("path", &args.output.display().to_string())],
        )?;
    }
    Ok(())
}
