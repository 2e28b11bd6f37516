//! `frontera answer ID ITEM 0-4|na|clear [--note TEXT] [--reason TEXT]`.

use anyhow::Result;

use super::{Context, invalid};
use crate::bundle::pinned_pack;
use crate::cli::AnswerArgs;
use crate::domain::assessment::Response;
use crate::domain::post::PostCode;

/// What the VALUE argument asks for.
enum Value {
    Set(Response),
    /// Keep the response, change only the note.
    NoteOnly,
}

fn parse_value(args: &AnswerArgs) -> Result<Value> {
    match args.value.as_str() {
        "na" | "n/a" | "NA" => {
            let reason = args.reason.as_deref().map(str::trim).unwrap_or_default();
            if reason.is_empty() {
                return Err(invalid("N/A needs a reason: add --reason TEXT"));
            }
            Ok(Value::Set(Response::NotApplicable {
                reason: reason.to_string(),
            }))
        }
        "clear" | "open" => Ok(Value::Set(Response::Open)),
        "note" if args.note.is_some() => Ok(Value::NoteOnly),
        text => match text.parse::<u8>() {
            Ok(level) if level <= 4 => Ok(Value::Set(Response::Level(level))),
            _ => Err(invalid(format!(
                "'{text}' is not an answer: give a level 0 to 4, na --reason TEXT, or clear"
            ))),
        },
    }
}

pub fn run(ctx: &Context, args: &AnswerArgs) -> Result<()> {
    let value = parse_value(args)?;
    if args.reason.is_some() && !matches!(value, Value::Set(Response::NotApplicable { .. })) {
        return Err(invalid("--reason goes with na only"));
    }
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, &args.id)?;
    let header = store.assessment(&id)?;
    let (_, pack) = pinned_pack(&store, &header)?;
    let post = store.post(&PostCode::parse(&header.post).map_err(invalid)?)?;
    let item = pack.item(&args.item).ok_or_else(|| {
        invalid(format!(
            "no item '{}' in pack {} {}",
            args.item, pack.meta.id, pack.meta.version
        ))
    })?;
    if !item.applicability.applies_to(&post) {
        return Err(invalid(format!(
            "item {} does not apply to {} ({} post{}); it is not asked there",
            item.id,
            post.code,
            post.kind,
            if post.cargo {
                " with cargo"
            } else {
                " without cargo"
            }
        )));
    }
    match value {
        Value::Set(response) => store.set_answer(&id, &item.id, &response, args.note.as_deref())?,
        Value::NoteOnly => {
            store.set_note(&id, &item.id, args.note.as_deref().unwrap_or_default())?
        }
    }
    println!("Saved {} for {}.", item.id, id);
    Ok(())
}
