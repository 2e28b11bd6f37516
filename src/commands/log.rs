//! `frontera log ID [--json]`: who changed what, when.

use anyhow::Result;
use serde_json::json;

use super::{Context, print_json};
use crate::cli::LogArgs;
use crate::json as j;
use crate::output::visible_line;
use crate::say;

pub fn run(ctx: &Context, args: &LogArgs) -> Result<()> {
    let store = ctx.open_store()?;
    let id = ctx.resolve(&store, &args.id)?;
    let changes = store.change_log(&id)?;
    if args.json.json {
        return print_json(&json!(changes.iter().map(j::change).collect::<Vec<_>>()));
    }
    // Stored text may hold anything a person typed or pasted: it is shown,
    // never sent to the terminal as control sequences.
    let shown = |v: &Option<String>| {
        v.as_deref()
            .map_or("—".into(), |v| visible_line(v).into_owned())
    };
    for c in &changes {
        say!(
            "{}  {:<12} {:<10} {:<32} {:<10} {} → {}",
            c.at,
            visible_line(&c.actor),
            c.entity,
            visible_line(&c.entity_id),
            c.field,
            shown(&c.old),
            shown(&c.new)
        )?;
    }
    Ok(())
}
