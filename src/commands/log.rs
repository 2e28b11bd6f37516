//! `frontera log ID [--json]`: who changed what, when.

use anyhow::Result;
use serde_json::json;

use super::{Context, print_json};
use crate::cli::LogArgs;
use crate::json as j;
use crate::output::visible_line;
use crate::say;

pub fn run(ctx: &Context, args: &LogArgs) -> Result<()> {
    if args.id == "verify" {
        return verify(ctx, args.target.as_deref());
    }
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

/// `frontera log verify [ID]`: every device chain, and where one breaks.
fn verify(ctx: &Context, target: Option<&str>) -> Result<()> {
    use crate::domain::chain::Break;
    let store = ctx.open_store()?;
    let id = target.map(|t| ctx.resolve(&store, t)).transpose()?;
    let reports = store.verify_chains(id.as_ref().map(|i| i.as_str()))?;
    let mut broken = 0;
    for r in &reports {
        let at =
            |local: &Option<i64>| local.map_or(String::new(), |s| format!(" (change-log row {s})"));
        match &r.broken {
            None => say!("chain {}: {} rows, intact", r.device_id, r.length)?,
            Some((_, local)) if r.device_id.is_empty() => {
                broken += 1;
                say!(
                    "{} change-log rows belong to no chain: added behind frontera's back{}",
                    r.length,
                    at(local)
                )?
            }
            Some((Break::Content { seq }, local)) => {
                broken += 1;
                say!(
                    "chain {}: row {seq}{} was changed after it was written",
                    r.device_id,
                    at(local)
                )?
            }
            Some((Break::Link { seq }, local)) => {
                broken += 1;
                say!(
                    "chain {}: row {seq}{} does not follow the row before it (reordered or replaced)",
                    r.device_id,
                    at(local)
                )?
            }
            Some((Break::Gap { expected, found }, local)) => {
                broken += 1;
                say!(
                    "chain {}: row {expected} is missing before row {found}{}: a row was removed",
                    r.device_id,
                    at(local)
                )?
            }
        }
    }
    if broken > 0 {
        anyhow::bail!("{broken} chain(s) broken: the change log was altered outside frontera");
    }
    Ok(())
}
