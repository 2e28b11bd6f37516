//! `frontera report ID -o FILE.pdf` and `frontera report --programme -o FILE.pdf`.

use anyhow::Result;

use super::{Context, invalid};
use crate::cli::ReportArgs;

pub fn run(_ctx: &Context, _args: &ReportArgs) -> Result<()> {
    Err(invalid("PDF reports are not available yet in this build"))
}
