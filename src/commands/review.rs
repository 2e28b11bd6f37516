//! `frontera review flag|resolve|list`: the reviewer's pass between submitted
//! and final.

use anyhow::Result;
use serde_json::json;

use super::{Context, invalid, print_json};
use crate::action_plan;
use crate::bundle::Bundle;
use crate::cli::ReviewCommand;
use crate::domain::plan::check::PlanProblem;
use crate::domain::plan::{ActionEdit, Cite};
use crate::json::plan as pj;
use crate::messages::plan_cli::texts;
use crate::messages::{fill, plan as words};
use crate::output::visible_line;
use crate::say;

pub fn run(ctx: &Context, command: &ReviewCommand) -> Result<()> {
    match command {
        ReviewCommand::Flag {
            id,
            target,
            comment,
        } => flag(ctx, id, target, comment),
        ReviewCommand::Resolve { id, flag, reply } => resolve(ctx, id, *flag, reply),
        ReviewCommand::List { id, open, json } => list(ctx, id, *open, json.json),
    }
}

fn flag(ctx: &Context, id: &str, target: &str, comment: &str) -> Result<()> {
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    let bundle = Bundle::load(&store, &id)?;
    let cite = Cite::parse(target);
    // The same rule as an action's cites: an item asked here, or a type of
    // the catalogue (or one recorded as uncatalogued).
    let edit = ActionEdit {
        cites: Some(vec![cite.clone()]),
        ..ActionEdit::default()
    };
    let mut problems = action_plan::scope(&bundle).problems(&edit, false);
    if let Cite::Equipment(type_id) = &cite
        && bundle.equipment.iter().any(|r| &r.type_id == type_id)
    {
        problems.retain(|p| !matches!(p, PlanProblem::UnknownType(_)));
    }
    if !problems.is_empty() {
        return Err(invalid(words::problems(ctx.lang, &problems)));
    }
    let raised = store.raise_flag(&id, &cite, comment)?;
    ctx.say(
        texts(ctx.lang).flag_raised,
        &[
            ("flag", &raised.id.to_string()),
            ("target", &cite.to_string()),
            ("id", id.as_str()),
        ],
    )
}

fn resolve(ctx: &Context, id: &str, flag: i64, reply: &str) -> Result<()> {
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    store.resolve_flag(&id, flag, reply)?;
    ctx.say(
        texts(ctx.lang).flag_resolved,
        &[("flag", &flag.to_string()), ("id", id.as_str())],
    )
}

fn list(ctx: &Context, id: &str, open: bool, json: bool) -> Result<()> {
    let store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    let flags = store.review_flags(&id, open)?;
    if json {
        return print_json(&json!({
            "assessment": id.as_str(),
            "review_flags": flags.iter().map(pj::flag).collect::<Vec<_>>(),
        }));
    }
    let t = texts(ctx.lang);
    if flags.is_empty() {
        return ctx.say(t.no_flags, &[("id", id.as_str())]);
    }
    let c = &t.flag_columns;
    say!("{:>3}  {:<40} {}", c[0], c[1], c[2])?;
    for f in &flags {
        say!(
            "{:>3}  {:<40} {}",
            f.id,
            visible_line(&f.target.to_string()),
            visible_line(&f.comment)
        )?;
        say!("{:>5}{} {}", "", visible_line(&f.raised_by), f.raised_at)?;
        let answer = match (&f.resolution, f.is_open()) {
            (_, true) => t.flag_open.to_string(),
            (Some(reply), false) => format!(
                "{}: {}",
                visible_line(f.resolved_by.as_deref().unwrap_or_default()),
                visible_line(reply)
            ),
            (None, false) => fill(t.by_change, &[]),
        };
        say!("{:>5}{} {answer}", "", c[3])?;
    }
    Ok(())
}
