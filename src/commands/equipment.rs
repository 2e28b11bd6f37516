//! `frontera equipment ID TYPE [--present N] …`: one row of the equipment audit.

use anyhow::Result;

use super::{Context, invalid};
use crate::bundle::pinned_pack;
use crate::cli::EquipmentArgs;
use crate::domain::assessment::EquipmentRecord;
use crate::domain::post::PostCode;
use crate::store::EquipmentUpdate;

/// `N` sets an override, `default` returns to the catalogue's figure.
fn overridable(value: &Option<String>, option: &str) -> Result<Option<Option<u32>>> {
    match value.as_deref() {
        None => Ok(None),
        Some("default") => Ok(Some(None)),
        Some(text) => text.parse::<u32>().map(|n| Some(Some(n))).map_err(|_| {
            invalid(format!(
                "--{option} takes a whole number or 'default', not '{text}'"
            ))
        }),
    }
}

pub fn run(ctx: &Context, args: &EquipmentArgs) -> Result<()> {
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, &args.id)?;
    let header = store.assessment(&id)?;
    let (_, pack) = pinned_pack(&store, &header)?;
    let type_id = if args.uncatalogued {
        let name = args.type_id.trim();
        if name.is_empty() {
            return Err(invalid("give the equipment a name"));
        }
        format!("{}{name}", EquipmentRecord::UNCATALOGUED_PREFIX)
    } else {
        let post = store.post(&PostCode::parse(&header.post).map_err(invalid)?)?;
        let kind = pack.catalogue.get(&args.type_id).ok_or_else(|| {
            invalid(format!(
                "no equipment type '{}' in the catalogue; for equipment the catalogue lacks, add --uncatalogued",
                args.type_id
            ))
        })?;
        if !kind.applicability.applies_to(&post) {
            return Err(invalid(format!(
                "equipment type {} does not apply to {} ({} post)",
                kind.id, post.code, post.kind
            )));
        }
        kind.id.clone()
    };
    let update = EquipmentUpdate {
        required: overridable(&args.required, "required")?,
        present: args.present.map(Some),
        functional: args.functional.map(Some),
        in_use: args.in_use.map(Some),
        trained: args.trained.map(Some),
        needed: overridable(&args.needed, "needed")?,
        maintained: args.maintained.map(Some),
        note: args.note.clone(),
    };
    store.update_equipment(&id, &type_id, &update)?;
    println!("Saved equipment {type_id} for {id}.");
    Ok(())
}
