//! `frontera conflicts ID [--json]` and `frontera conflicts resolve`: the
//! queue of fields changed on both sides of a merge.

use anyhow::Result;
use serde_json::json;

use super::{Context, invalid, print_json};
use crate::cli::{ConflictsArgs, ConflictsCommand};
use crate::output::visible_line;
use crate::say;
use crate::store::{Conflict, Take, shown_conflict_value};

pub fn run(ctx: &Context, args: &ConflictsArgs) -> Result<()> {
    if let Some(ConflictsCommand::Resolve {
        id,
        item,
        take,
        reason,
    }) = &args.command
    {
        let mut store = ctx.open_store()?;
        let id = ctx.resolve(&store, id)?;
        let done = store.resolve_conflict(&id, item, &Take::parse(take), reason)?;
        say!(
            "conflict {} ({} {}) resolved: took {}; logged with the reason",
            done.number,
            visible_line(&done.entity_id),
            done.field,
            done.resolution.as_deref().unwrap_or("")
        )?;
        return Ok(());
    }
    let Some(id) = &args.id else {
        return Err(invalid("give an assessment id: frontera conflicts ID"));
    };
    let store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    let list = store.conflicts(&id)?;
    if args.json.json {
        return print_json(&json!(list.iter().map(to_json).collect::<Vec<_>>()));
    }
    if list.is_empty() {
        say!("no merge conflicts")?;
    }
    for c in &list {
        let state = match &c.resolved_at {
            None => "open".to_string(),
            Some(_) => format!("resolved ({})", c.resolution.as_deref().unwrap_or("")),
        };
        say!(
            "#{} {} {} {} [{state}]\n    mine:   {}  ({} {} {})\n    theirs: {}  ({} {} {})",
            c.number,
            c.entity,
            visible_line(&c.entity_id),
            c.field,
            visible_line(&shown_conflict_value(&c.field, c.mine.as_deref())),
            visible_line(&c.mine_by),
            c.mine_at,
            c.mine_device,
            visible_line(&shown_conflict_value(&c.field, c.theirs.as_deref())),
            visible_line(&c.theirs_by),
            c.theirs_at,
            c.theirs_device
        )?;
    }
    Ok(())
}

fn to_json(c: &Conflict) -> serde_json::Value {
    json!({
        "number": c.number,
        "entity": c.entity,
        "item": c.entity_id,
        "field": c.field,
        "open": c.resolved_at.is_none(),
        "mine": { "value": shown_conflict_value(&c.field, c.mine.as_deref()), "by": c.mine_by, "at": c.mine_at, "device": c.mine_device },
        "theirs": { "value": shown_conflict_value(&c.field, c.theirs.as_deref()), "by": c.theirs_by, "at": c.theirs_at, "device": c.theirs_device },
        "resolved_by": c.resolved_by,
        "resolved_at": c.resolved_at,
        "resolution": c.resolution,
        "reason": c.reason,
    })
}
