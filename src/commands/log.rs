//! `frontera log ID [--json]`: who changed what, when.

use anyhow::Result;
use serde_json::json;

use super::{Context, json as j, print_json};
use crate::cli::LogArgs;

pub fn run(ctx: &Context, args: &LogArgs) -> Result<()> {
    let store = ctx.open_store()?;
    let id = ctx.resolve(&store, &args.id)?;
    let changes = store.change_log(&id)?;
    if args.json.json {
        return print_json(&json!(changes.iter().map(j::change).collect::<Vec<_>>()));
    }
    for c in &changes {
        println!(
            "{}  {:<12} {:<10} {:<32} {:<10} {} → {}",
            c.at,
            c.actor,
            c.entity,
            c.entity_id,
            c.field,
            c.old.as_deref().unwrap_or("—"),
            c.new.as_deref().unwrap_or("—")
        );
    }
    Ok(())
}
