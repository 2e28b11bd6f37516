//! `frontera score ID [--json]`: the maturity scores, as a table or JSON.

use anyhow::Result;

use super::{Context, json as j, print_json};
use crate::bundle::Bundle;
use crate::cli::ScoreArgs;
use crate::domain::lang::Lang;

/// A score with two decimals in the context's language, or "—" when there is none.
pub fn show(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| lang.number(v, 2))
}

pub fn run(ctx: &Context, args: &ScoreArgs) -> Result<()> {
    let store = ctx.open_store()?;
    let id = ctx.resolve(&store, &args.id)?;
    let bundle = Bundle::load(&store, &id)?;
    let score = bundle.score();
    if args.json.json {
        return print_json(&j::score(id.as_str(), &score));
    }
    let lang = ctx.lang;
    println!(
        "{} — {} ({}), {}",
        id, bundle.post.name, bundle.post.code, bundle.header.status
    );
    println!(
        "{:<48} {:>6} {:>5} {:>9}  notes",
        "pillar", "score", "level", "complete"
    );
    for p in &score.pillars {
        let title = bundle
            .pack
            .pillar(p.pillar)
            .map_or(String::new(), |x| x.title.get(lang).clone());
        let mut notes = Vec::new();
        if p.provisional {
            notes.push("provisional");
        }
        if p.gated {
            notes.push("gated by a critical item");
        }
        println!(
            "{:<48} {:>6} {:>5} {:>8}%  {}",
            format!("{}. {}", p.pillar, title),
            show(lang, p.score),
            p.level.map_or("—".into(), |l| l.to_string()),
            p.completeness
                .map_or("—".into(), |c| format!("{:.0}", c * 100.0)),
            notes.join(", ")
        );
    }
    println!(
        "{:<48} {:>6} {:>5}",
        "overall",
        show(lang, score.overall_score),
        score.overall_level.map_or("—".into(), |l| l.to_string())
    );
    println!(
        "equipment utilisation index: {}",
        show(lang, score.equipment.eui)
    );
    for t in score.equipment.types.iter().filter(|t| !t.flags.is_empty()) {
        let flags: Vec<_> = t.flags.iter().map(|f| f.code()).collect();
        println!("  {:<40} {}", t.type_id, flags.join(", "));
    }
    Ok(())
}
