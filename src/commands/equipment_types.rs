//! `frontera equipment-types [--json]`: the catalogue's type ids that
//! `frontera equipment` takes, with their control line and criticality.

use anyhow::Result;
use serde_json::json;

use super::items::cut;
use super::{Context, invalid, print_json};
use crate::output::visible_line;
use crate::say;

pub fn run(ctx: &Context, json: bool) -> Result<()> {
    // The catalogue new assessments get; no database is needed to read it.
    let (_, pack) = crate::content::load_current(ctx.content_dir.as_deref())
        .map_err(|e| invalid(crate::messages::errors::pack(&e, ctx.lang)))?;
    let types = &pack.catalogue.types;
    if json {
        return print_json(&json!(
            types
                .iter()
                .map(|k| json!({
                    "id": k.id,
                    "line": k.line,
                    "criticality": k.criticality,
                    "name": k.name.get(ctx.lang),
                }))
                .collect::<Vec<_>>()
        ));
    }
    let id_width = types
        .iter()
        .map(|k| k.id.chars().count())
        .max()
        .unwrap_or(0);
    let line_width = types
        .iter()
        .map(|k| k.line.chars().count())
        .max()
        .unwrap_or(0);
    // id, two spaces, line, two spaces, criticality (one digit), two spaces.
    let room = 80usize
        .saturating_sub(id_width + 2 + line_width + 2 + 1 + 2)
        .max(20);
    for k in types {
        say!(
            "{:<id_width$}  {:<line_width$}  {}  {}",
            visible_line(&k.id),
            visible_line(&k.line),
            k.criticality,
            cut(&visible_line(k.name.get(ctx.lang)), room)
        )?;
    }
    Ok(())
}
