//! `frontera score ID [--json]`: the maturity scores, as a table or JSON.

use anyhow::Result;

use super::{Context, print_json};
use crate::bundle::Bundle;
use crate::cli::ScoreArgs;
use crate::domain::lang::Lang;
use crate::json as j;
use crate::messages::terms;
use crate::output::visible_line;
use crate::say;

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
    let (t, lang) = (ctx.t(), ctx.lang);
    say!(
        "{} — {} ({}), {}",
        id,
        visible_line(&bundle.post.name),
        bundle.post.code,
        terms::status(lang, bundle.header.status)
    )?;
    say!(
        "{:<48} {:>10} {:>5} {:>9}  {}",
        t.col_pillar,
        t.col_score,
        t.col_level,
        t.col_complete,
        t.col_notes
    )?;
    for p in &score.pillars {
        let title = bundle
            .pack
            .pillar(p.pillar)
            .map_or(String::new(), |x| x.title.get(lang).clone());
        let mut notes = Vec::new();
        if p.provisional {
            notes.push(t.provisional);
        }
        if p.gated {
            notes.push(t.gated);
        }
        say!(
            "{:<48} {:>10} {:>5} {:>8}%  {}",
            format!("{}. {}", p.pillar, title),
            show(lang, p.score),
            p.level.map_or("—".into(), |l| l.to_string()),
            p.completeness
                .map_or("—".into(), |c| lang.number(c * 100.0, 0)),
            notes.join(", ")
        )?;
    }
    say!(
        "{:<48} {:>10} {:>5}  {}",
        t.overall,
        show(lang, score.overall_score),
        score.overall_level.map_or("—".into(), |l| l.to_string()),
        if score.overall_capped { t.capped } else { "" }
    )?;
    if let (Some(limit), false) = (
        bundle.pack.scoring.serious_deficiency_at_or_below,
        score.serious_deficiency.is_empty(),
    ) {
        say!(
            "{}:",
            crate::messages::fill(t.serious_deficiency, &[("limit", &limit.to_string())])
        )?;
        for gap in &score.serious_deficiency {
            say!("  {} {:<46} {}", gap.pillar, gap.item, gap.level)?;
        }
    }
    say!("{}: {}", t.eui, show(lang, score.equipment.eui))?;
    for ty in score
        .equipment
        .types
        .iter()
        .filter(|ty| !ty.flags.is_empty())
    {
        let flags: Vec<_> = ty.flags.iter().map(|f| terms::flag(lang, *f)).collect();
        say!("  {:<40} {}", visible_line(&ty.type_id), flags.join(", "))?;
    }
    for ty in score
        .equipment
        .types
        .iter()
        .filter(|ty| !ty.problems.is_empty())
    {
        say!("  {:<40} {}", visible_line(&ty.type_id), t.count_problems)?;
    }
    Ok(())
}
