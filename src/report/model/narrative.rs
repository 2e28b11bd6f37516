//! The executive summary in words, generated from the data: the overall
//! level and what holds it down, the critical gaps, the change since the
//! previous final assessment, the equipment, what is provisional, the
//! previous plan and this plan. One sentence per fact, in the report's
//! language (templates in `strings::words`).

use super::assessment::Ctx;
use super::compare::{ItemChange, compare_items};
use crate::domain::assessment::{Response, Status};
use crate::domain::scoring::Flag;
use crate::messages::fill;
use crate::report::strings::{percent, score};

/// Up to `max` names joined, then "and N more".
fn listed(ctx: &Ctx<'_>, names: &[String], max: usize) -> String {
    if names.len() <= max {
        return names.join("; ");
    }
    let shown = names[..max].join("; ");
    fill(
        ctx.w.and_more,
        &[("list", &shown), ("n", &(names.len() - max).to_string())],
    )
}

fn question(ctx: &Ctx<'_>, item: &str) -> String {
    ctx.bundle
        .pack
        .item(item)
        .map_or(item.to_string(), |i| i.text.get(ctx.lang).question.clone())
}

/// The overall level and why it is what it is.
fn overall(ctx: &Ctx<'_>) -> Option<String> {
    let w = ctx.w;
    let level = ctx.score.overall_level?;
    let mut text = fill(
        w.overall_is,
        &[
            ("level", &ctx.level_name(level)),
            ("score", &score(ctx.lang, ctx.score.overall_score)),
        ],
    );
    text.push(' ');
    if let (true, Some(gap)) = (
        ctx.score.overall_capped,
        ctx.score.serious_deficiency.first(),
    ) {
        text.push_str(&fill(
            w.capped_by,
            &[
                ("item", &question(ctx, &gap.item)),
                ("level", &gap.level.to_string()),
            ],
        ));
        return Some(text);
    }
    // The pillar with the lowest level (then score) holds the overall down.
    let weakest = ctx
        .score
        .pillars
        .iter()
        .filter(|p| p.level.is_some())
        .min_by(|a, b| {
            (a.level, a.score.unwrap_or(0.0))
                .partial_cmp(&(b.level, b.score.unwrap_or(0.0)))
                .unwrap_or(std::cmp::Ordering::Equal)
        })?;
    let title = ctx.pillar_title(weakest.pillar);
    if weakest.gated {
        // The critical item with the lowest level in that pillar.
        let gate = ctx
            .items()
            .filter(|i| i.pillar == weakest.pillar && i.critical)
            .filter_map(|i| ctx.bundle.response(&i.id).level().map(|l| (l, i)))
            .min_by_key(|(l, _)| *l);
        if let Some((l, item)) = gate {
            text.push_str(&fill(
                w.held_by_gate,
                &[
                    ("pillar", &title),
                    ("level", &ctx.level_name(weakest.level.unwrap_or(0))),
                    ("item", &item.text.get(ctx.lang).question),
                    ("item_level", &l.to_string()),
                ],
            ));
            return Some(text);
        }
    }
    text.push_str(&fill(
        w.weakest_pillar,
        &[
            ("pillar", &title),
            ("score", &score(ctx.lang, weakest.score)),
            ("level", &ctx.level_name(weakest.level.unwrap_or(0))),
        ],
    ));
    Some(text)
}

/// Critical items below their pillar's target: how many, and in which
/// pillars (the table below the text names them).
fn critical_gaps(ctx: &Ctx<'_>) -> String {
    let mut pillars: Vec<u8> = Vec::new();
    let mut n = 0;
    for i in ctx.items().filter(|i| i.critical) {
        if let Response::Level(l) = ctx.bundle.response(&i.id)
            && l < ctx.target_of(i.pillar)
        {
            n += 1;
            if !pillars.contains(&i.pillar) {
                pillars.push(i.pillar);
            }
        }
    }
    if n == 0 {
        return ctx.w.no_critical_gaps.to_string();
    }
    let names: Vec<String> = pillars.iter().map(|p| ctx.pillar_title(*p)).collect();
    fill(
        ctx.w.critical_gaps,
        &[("n", &n.to_string()), ("pillars", &names.join("; "))],
    )
}

/// The change since the previous final assessment, named by its kind and
/// the day it was finalised.
fn change(ctx: &Ctx<'_>) -> Option<String> {
    let w = ctx.w;
    let (previous, previous_score) = ctx.previous.as_ref()?;
    let h = &previous.header;
    let when = h.finalised_at.as_deref().unwrap_or(&h.created_at);
    let items = compare_items(ctx.bundle, previous);
    let improved = items
        .iter()
        .filter(|(_, _, _, c)| *c == ItemChange::Improved)
        .count();
    let regressed: Vec<String> = items
        .iter()
        .filter(|(_, _, _, c)| *c == ItemChange::Regressed)
        .map(|(id, old, now, _)| {
            format!(
                "{} ({} → {now})",
                question(ctx, id),
                old.map_or("—".into(), |o| o.to_string())
            )
        })
        .collect();
    let delta = match (ctx.score.overall_score, previous_score.overall_score) {
        (Some(now), Some(then)) => crate::report::strings::delta(ctx.lang, now - then),
        _ => "—".into(),
    };
    let mut text = fill(
        w.since_previous,
        &[
            ("kind", ctx.s.assessment_kind(h.kind)),
            ("date", &ctx.s.date(when)),
            ("delta", &delta),
            ("improved", &improved.to_string()),
            ("regressed", &regressed.len().to_string()),
        ],
    );
    if !regressed.is_empty() {
        text.push(' ');
        text.push_str(&fill(
            w.regressions_are,
            &[("items", &listed(ctx, &regressed, 3))],
        ));
    }
    if ctx.bundle.header.status != Status::Final {
        text.push(' ');
        text.push_str(w.comparison_provisional);
    }
    Some(text)
}

/// The equipment index, its trend, and what the audit flags.
fn equipment(ctx: &Ctx<'_>) -> Option<String> {
    let w = ctx.w;
    let eq = &ctx.score.equipment;
    let eui = eq.eui?;
    let mut text = fill(w.equipment_index, &[("eui", &score(ctx.lang, Some(eui)))]);
    if let Some(before) = ctx.previous.as_ref().and_then(|(_, s)| s.equipment.eui) {
        text.push(' ');
        text.push_str(&fill(
            w.equipment_before,
            &[("eui", &score(ctx.lang, Some(before)))],
        ));
    }
    let counts: Vec<String> = Flag::ALL
        .iter()
        .filter(|f| eq.count_flag(**f) > 0)
        .map(|f| {
            let n = eq.count_flag(*f).to_string();
            fill(w.flag_count, &[("n", &n), ("flag", ctx.s.flag(*f))])
        })
        .collect();
    text.push(' ');
    if counts.is_empty() {
        text.push_str(w.equipment_no_flags);
    } else {
        text.push_str(&fill(
            w.equipment_flags,
            &[
                ("total", &eq.types.len().to_string()),
                ("counts", &counts.join(", ")),
            ],
        ));
    }
    Some(text)
}

/// Equipment types of the catalogue that apply here and were not audited.
pub fn unaudited(ctx: &Ctx<'_>) -> usize {
    ctx.bundle
        .pack
        .catalogue
        .types
        .iter()
        .filter(|t| t.applicability.applies_to(&ctx.bundle.post))
        .filter(|t| {
            !ctx.bundle
                .equipment
                .iter()
                .any(|r| r.type_id == t.id && r.counts.present.is_some())
        })
        .count()
}

/// Provisional pillars and what they lack.
fn provisional(ctx: &Ctx<'_>) -> Option<String> {
    let parts: Vec<String> = ctx
        .score
        .pillars
        .iter()
        .filter(|p| p.provisional)
        .map(|p| {
            let mut text = fill(
                ctx.w.provisional_pillar,
                &[
                    ("pillar", &ctx.pillar_title(p.pillar)),
                    (
                        "percent",
                        &p.completeness.map_or("—".into(), |c| percent(ctx.lang, c)),
                    ),
                    ("open", &p.checklist.open().to_string()),
                ],
            );
            let missing = unaudited(ctx);
            if p.pillar == crate::domain::pack::EQUIPMENT_PILLAR
                && ctx.bundle.pack.scoring.equipment_in_completeness
                && missing > 0
            {
                text = text.trim_end_matches(')').to_string();
                text.push_str(&fill(
                    ctx.w.types_not_audited,
                    &[("n", &missing.to_string())],
                ));
                text.push(')');
            }
            text
        })
        .collect();
    (!parts.is_empty()).then(|| fill(ctx.w.provisional_intro, &[("list", &parts.join("; "))]))
}

/// What became of the previous plan.
fn previous_plan(ctx: &Ctx<'_>) -> Option<String> {
    let review = ctx.plan.followup.as_ref()?;
    let s = review.summary();
    Some(crate::messages::plan::fill_followup(
        ctx.w.previous_plan_sentence,
        &s,
        &s.closure_rate()
            .map_or_else(|| "—".into(), |r| percent(ctx.lang, r)),
    ))
}

/// This assessment's plan.
fn this_plan(ctx: &Ctx<'_>) -> String {
    let actions = &ctx.plan.actions;
    if actions.is_empty() {
        return ctx.w.no_plan_yet.to_string();
    }
    let critical = actions
        .iter()
        .filter(|a| a.priority == crate::domain::plan::Priority::Critical)
        .count();
    let needed = crate::action_plan::needed_numbers(&ctx.targets).len();
    fill(
        ctx.w.plan_sentence,
        &[
            ("n", &actions.len().to_string()),
            ("critical", &critical.to_string()),
            ("needed", &needed.to_string()),
        ],
    )
}

/// The summary's paragraphs, in reading order.
pub fn paragraphs(ctx: &Ctx<'_>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    out.extend(overall(ctx));
    out.push(critical_gaps(ctx));
    match change(ctx) {
        Some(text) => out.push(text),
        None => out.push(ctx.w.no_previous.to_string()),
    }
    out.extend(equipment(ctx));
    out.extend(provisional(ctx));
    out.extend(previous_plan(ctx));
    out.push(this_plan(ctx));
    out
}

/// The conclusion: the serious deficiency (as a Schengen evaluation report
/// must state it) or its absence, and how many pillars reach their target.
pub fn conclusion(ctx: &Ctx<'_>) -> String {
    let w = ctx.w;
    let reached = ctx
        .targets
        .iter()
        .filter(|t| t.gap.gap() == Some(0))
        .count();
    let targets = fill(
        w.targets_reached,
        &[
            ("n", &reached.to_string()),
            ("of", &ctx.targets.len().to_string()),
        ],
    );
    match ctx.score.serious_deficiency.first() {
        Some(first) => {
            let items: Vec<String> = ctx
                .score
                .serious_deficiency
                .iter()
                .map(|g| format!("{} ({})", question(ctx, &g.item), g.level))
                .collect();
            format!(
                "{} {targets}",
                fill(
                    w.conclusion_serious,
                    &[
                        ("items", &items.join("; ")),
                        ("cap", &ctx.level_name(first.level + 1)),
                    ],
                )
            )
        }
        None => format!("{} {targets}", w.conclusion_no_serious),
    }
}
