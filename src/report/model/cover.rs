//! The title page: what was assessed, by whom, when and with what result, the
//! serious deficiency when there is one, and the document's reference.

use super::assessment::Ctx;
use super::{Block, TextStyle};
use crate::domain::assessment::Status;
use crate::messages::fill;
use crate::report::strings::percent;

/// "DEMO-PE-DES · ec7fd7e81359 · eurofront-ibm 2.0.0 · final": what every
/// footer prints, so a loose page can be traced.
pub fn reference(ctx: &Ctx<'_>) -> String {
    let h = &ctx.bundle.header;
    format!(
        "{} · {} · {} {} · {}",
        ctx.bundle.post.code,
        h.id,
        h.pack_id,
        h.pack_version,
        ctx.s.status(h.status)
    )
}

/// The visit's dates as the cover prints them: "12–14 May 2025", or the day
/// the assessment was started when no visit dates were recorded.
pub fn visit_dates(ctx: &Ctx<'_>) -> String {
    let m = &ctx.bundle.header.method;
    match (&m.visit_from, &m.visit_to) {
        (Some(from), Some(to)) if from != to => {
            format!("{} – {}", ctx.s.date(from), ctx.s.date(to))
        }
        (Some(day), _) | (None, Some(day)) => ctx.s.date(day),
        (None, None) => ctx.s.date(&ctx.bundle.header.created_at),
    }
}

pub fn cover(ctx: &Ctx<'_>) -> Vec<Block> {
    let s = ctx.s;
    let w = ctx.w;
    let b = ctx.bundle;
    let h = &b.header;
    let mut facts = vec![
        (s.post.into(), format!("{} ({})", b.post.name, b.post.code)),
        (
            w.countries.into(),
            format!(
                "{} – {}",
                w.country_name(b.post.country.as_str()),
                w.country_name(b.post.neighbour.as_str())
            ),
        ),
        (
            s.crossing.into(),
            format!(
                "{}, {}",
                s.kind(b.post.kind),
                if b.post.cargo {
                    s.with_cargo
                } else {
                    s.without_cargo
                }
            ),
        ),
        (s.assessment_kind.into(), s.assessment_kind(h.kind).into()),
        (w.visit.into(), visit_dates(ctx)),
        (s.team.into(), h.evaluators.join(", ")),
        (s.status.into(), s.status(h.status).into()),
    ];
    if let Some(at) = &h.finalised_at {
        facts.push((w.finalised_on.into(), s.date(at)));
    }
    if let Some(level) = ctx.score.overall_level {
        facts.push((s.overall_level.into(), ctx.level_name(level)));
    }
    if let (Status::Final, Some(reason)) = (h.status, ctx.finalisation_reason) {
        let done = percent(ctx.lang, ctx.score.completeness().unwrap_or(0.0));
        facts.push((s.finalised_incomplete.into(), format!("{reason} ({done})")));
    }
    facts.push((w.reference.into(), reference(ctx)));
    facts.push((s.report_date.into(), s.date(ctx.date)));
    let mut blocks = vec![
        Block::Title {
            title: s.report_title.to_string(),
            subtitle: format!("{} ({})", b.post.name, b.post.code),
        },
        Block::Paragraph {
            text: w.programme.into(),
            style: TextStyle::Note,
        },
        Block::KeyValues(facts),
    ];
    blocks.extend(serious_deficiency(ctx));
    if h.status != Status::Final {
        blocks.push(Block::Paragraph {
            text: fill(w.not_final, &[("status", s.status(h.status))]),
            style: TextStyle::Note,
        });
    }
    blocks
}

/// The serious-deficiency alert (title page and conclusion), when a critical
/// item is at the pack's serious-deficiency level or below.
pub fn serious_deficiency(ctx: &Ctx<'_>) -> Option<Block> {
    let limit = ctx.bundle.pack.scoring.serious_deficiency_at_or_below?;
    let gaps = &ctx.score.serious_deficiency;
    let first = gaps.first()?;
    let items: Vec<String> = gaps
        .iter()
        .map(|g| {
            let question = ctx
                .bundle
                .pack
                .item(&g.item)
                .map_or(g.item.clone(), |i| i.text.get(ctx.lang).question.clone());
            format!("{question} ({})", g.level)
        })
        .collect();
    Some(Block::Paragraph {
        text: fill(
            ctx.s.serious_deficiency,
            &[
                ("n", &gaps.len().to_string()),
                ("limit", &limit.to_string()),
                ("items", &items.join("; ")),
                ("cap", &ctx.level_name(first.level + 1)),
            ],
        ),
        style: TextStyle::Alert,
    })
}
