//! `frontera answer ID ITEM 0-4|na|clear [--note TEXT] [--reason TEXT]`.

use anyhow::Result;

use super::{Context, invalid, suggest};
use crate::bundle::pinned_structure;
use crate::cli::AnswerArgs;
use crate::domain::assessment::Response;
use crate::domain::post::PostCode;
use crate::messages::{fill, terms};
use crate::output::visible_line;

/// What the VALUE argument asks for.
enum Value {
    Set(Response),
    /// Take the carried-over answer as it is.
    Confirm,
    /// Keep the response, change only the note.
    NoteOnly,
}

fn parse_value(ctx: &Context, args: &AnswerArgs) -> Result<Value> {
    match args.value.as_str() {
        "na" | "n/a" | "NA" => {
            let reason = args.reason.as_deref().map(str::trim).unwrap_or_default();
            if reason.is_empty() {
                return Err(invalid(ctx.t().na_needs_reason));
            }
            Ok(Value::Set(Response::NotApplicable {
                reason: reason.to_string(),
            }))
        }
        "clear" | "open" => Ok(Value::Set(Response::Open)),
        "confirm" => Ok(Value::Confirm),
        "note" if args.note.is_some() => Ok(Value::NoteOnly),
        text => match text.parse::<u8>() {
            Ok(level) if level <= 4 => Ok(Value::Set(Response::Level(level))),
            _ => Err(invalid(fill(ctx.t().bad_answer, &[("value", text)]))),
        },
    }
}

pub fn run(ctx: &Context, args: &AnswerArgs) -> Result<()> {
    let t = ctx.t();
    let value = parse_value(ctx, args)?;
    if args.reason.is_some() && !matches!(value, Value::Set(Response::NotApplicable { .. })) {
        return Err(invalid(t.reason_only_with_na));
    }
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, &args.id)?;
    let header = store.assessment(&id)?;
    let pack = pinned_structure(&store, &header)?;
    let post = store.post(&PostCode::parse(&header.post).map_err(invalid)?)?;
    let item = pack.item(&args.item).ok_or_else(|| {
        // Offered from the items asked here, so no suggestion is refused next.
        let known = pack.applicable_items(&post).map(|i| i.id.as_str());
        let hint = suggest::hint(&args.item, known, t.did_you_mean, t.items_lists_ids);
        invalid(fill(
            t.unknown_item,
            &[
                ("item", &visible_line(&args.item)),
                ("pack", &pack.meta.id),
                ("version", &pack.meta.version),
                ("hint", &hint),
            ],
        ))
    })?;
    if !item.applicability.applies_to(&post) {
        return Err(invalid(fill(
            t.item_not_here,
            &[
                ("item", &item.id),
                ("post", post.code.as_str()),
                ("kind", terms::post_kind(ctx.lang, post.kind)),
                ("cargo", if post.cargo { t.with_cargo } else { "" }),
            ],
        )));
    }
    if !header.depth.asks(item) {
        return Err(invalid(fill(t.not_at_depth, &[("item", &item.id)])));
    }
    match value {
        Value::Set(response) => store.set_answer(&id, &item.id, &response, args.note.as_deref())?,
        Value::Confirm => {
            if args.note.is_some() {
                store.set_note(&id, &item.id, args.note.as_deref().unwrap_or_default())?;
            }
            if !store.confirm_carried(&id, &item.id)? {
                return Err(invalid(fill(t.nothing_to_confirm, &[("item", &item.id)])));
            }
        }
        Value::NoteOnly => {
            store.set_note(&id, &item.id, args.note.as_deref().unwrap_or_default())?
        }
    }
    ctx.say(t.saved_answer, &[("item", &item.id), ("id", id.as_str())])
}
