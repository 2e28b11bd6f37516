//! `frontera equipment ID TYPE [--present N] …`: one row of the equipment audit.

use anyhow::Result;

use super::{Context, invalid, suggest};
use crate::bundle::pinned_structure;
use crate::cli::EquipmentArgs;
use crate::domain::assessment::EquipmentRecord;
use crate::domain::post::PostCode;
use crate::messages::{fill, terms};
use crate::store::EquipmentUpdate;

/// `N` sets an override, `default` returns to the catalogue's figure.
fn overridable(ctx: &Context, value: &Option<String>, option: &str) -> Result<Option<Option<u32>>> {
    match value.as_deref() {
        None => Ok(None),
        Some("default") => Ok(Some(None)),
        Some(text) => text.parse::<u32>().map(|n| Some(Some(n))).map_err(|_| {
            invalid(fill(
                ctx.t().count_or_default,
                &[("option", option), ("text", text)],
            ))
        }),
    }
}

pub fn run(ctx: &Context, args: &EquipmentArgs) -> Result<()> {
    let t = ctx.t();
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, &args.id)?;
    let header = store.assessment(&id)?;
    let pack = pinned_structure(&store, &header)?;
    let type_id = if args.uncatalogued {
        let name = args.type_id.trim();
        if name.is_empty() {
            return Err(invalid(t.needs_name));
        }
        format!("{}{name}", EquipmentRecord::UNCATALOGUED_PREFIX)
    } else {
        let post = store.post(&PostCode::parse(&header.post).map_err(invalid)?)?;
        let kind = pack.catalogue.get(&args.type_id).ok_or_else(|| {
            let known = pack
                .catalogue
                .types
                .iter()
                .filter(|k| k.applicability.applies_to(&post))
                .map(|k| k.id.as_str());
            let hint = suggest::hint(&args.type_id, known, t.did_you_mean, t.types_lists_ids);
            invalid(fill(
                t.unknown_type,
                &[
                    ("type", &crate::output::visible_line(&args.type_id)),
                    ("hint", &hint),
                ],
            ))
        })?;
        if !kind.applicability.applies_to(&post) {
            return Err(invalid(fill(
                t.type_not_here,
                &[
                    ("type", &kind.id),
                    ("post", post.code.as_str()),
                    ("kind", terms::post_kind(ctx.lang, post.kind)),
                ],
            )));
        }
        kind.id.clone()
    };
    let update = EquipmentUpdate {
        required: overridable(ctx, &args.required, "required")?,
        present: args.present.map(Some),
        functional: args.functional.map(Some),
        in_use: args.in_use.map(Some),
        trained: args.trained.map(Some),
        needed: overridable(ctx, &args.needed, "needed")?,
        maintained: args.maintained.map(Some),
        note: args.note.clone(),
    };
    store.update_equipment(&id, &type_id, &update)?;
    ctx.say(
        t.saved_equipment,
        &[
            ("type", &crate::output::visible_line(&type_id)),
            ("id", id.as_str()),
        ],
    )
}
