//! The post and the method: the post's profile, how the visit was carried
//! out (team, dates, people interviewed, sites seen, depth, content pack) and
//! the limits of what the report can say.

use super::assessment::Ctx;
use super::{Align, Block, Cell, Column, Row, Table, TextStyle};
use crate::domain::assessment::{Depth, Response};
use crate::messages::fill;
use crate::report::strings::percent;

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text.trim().to_string()
    }
}

fn profile(ctx: &Ctx<'_>) -> Block {
    let s = ctx.s;
    let w = ctx.w;
    let p = &ctx.bundle.post;
    let mut pairs = vec![
        (
            w.country.into(),
            w.country_name(p.country.as_str()).to_string(),
        ),
        (
            w.neighbour.into(),
            w.country_name(p.neighbour.as_str()).to_string(),
        ),
        (
            s.crossing.into(),
            format!(
                "{}, {}",
                s.kind(p.kind),
                if p.cargo {
                    s.with_cargo
                } else {
                    s.without_cargo
                }
            ),
        ),
        (s.control_model.into(), s.model(p.model).into()),
        (
            w.capacity.into(),
            fill(
                w.capacity_value,
                &[
                    ("lanes", &p.profile.lanes.to_string()),
                    ("cargo", &p.profile.cargo_lanes.to_string()),
                    ("booths", &p.profile.booths.to_string()),
                    ("shifts", &p.profile.shifts.to_string()),
                ],
            ),
        ),
        (w.agencies.into(), or_dash(&p.agencies.join(", "))),
    ];
    let traffic = &ctx.bundle.header.method.traffic;
    if !traffic.trim().is_empty() {
        pairs.push((w.traffic.into(), traffic.trim().to_string()));
    }
    Block::KeyValues(pairs)
}

fn method(ctx: &Ctx<'_>) -> Block {
    let s = ctx.s;
    let w = ctx.w;
    let h = &ctx.bundle.header;
    let depth = match h.depth {
        Depth::Core => w.depth_core,
        Depth::Full => w.depth_full,
    };
    let mut pairs = vec![
        (s.assessment_kind.into(), s.assessment_kind(h.kind).into()),
        (s.team.into(), or_dash(&h.evaluators.join(", "))),
        (w.visit.into(), super::cover::visit_dates(ctx)),
        (w.interviewed.into(), or_dash(&h.method.interviewed)),
        (w.sites_seen.into(), or_dash(&h.method.sites_seen)),
        (w.depth.into(), depth.into()),
        (
            s.content_pack.into(),
            format!("{} {}", h.pack_id, h.pack_version),
        ),
        (w.method_how.into(), w.method_text.into()),
    ];
    if let Some(line) = carried_over(ctx) {
        pairs.push((w.carried_over.into(), line));
    }
    Block::KeyValues(pairs)
}

/// How many carried-over answers the team confirmed unchanged, when the
/// assessment was prefilled from the previous final one.
fn carried_over(ctx: &Ctx<'_>) -> Option<String> {
    let carry = &ctx.bundle.carry;
    let from = carry.from.as_ref()?;
    // The previous final assessment is the one carried from, unless the
    // post's history changed since; its id is then the best we can say.
    let date = ctx
        .previous
        .as_ref()
        .filter(|(p, _)| &p.header.id == from)
        .and_then(|(p, _)| p.header.finalised_at.as_deref())
        .map_or_else(|| from.to_string(), |d| ctx.s.date(d));
    Some(fill(
        ctx.w.carried_over_text,
        &[
            ("date", &date),
            ("confirmed", &carry.confirmed.len().to_string()),
            ("pending", &carry.pending.len().to_string()),
        ],
    ))
}

/// What the report cannot say with full weight: provisional pillars, items
/// not answered, items not applicable (with why), the core depth.
fn limitations(ctx: &Ctx<'_>) -> Vec<Block> {
    let w = ctx.w;
    let mut blocks = Vec::new();
    for p in ctx.score.pillars.iter().filter(|p| p.provisional) {
        blocks.push(Block::Paragraph {
            text: format!(
                "• {}",
                fill(
                    w.limitation_provisional,
                    &[
                        ("pillar", &ctx.pillar_title(p.pillar)),
                        (
                            "percent",
                            &p.completeness.map_or("—".into(), |c| percent(ctx.lang, c))
                        ),
                        ("open", &p.checklist.open().to_string()),
                    ],
                )
            ),
            style: TextStyle::Body,
        });
    }
    if ctx.bundle.header.depth == Depth::Core {
        blocks.push(Block::Paragraph {
            text: format!("• {}", ctx.s.core_depth),
            style: TextStyle::Body,
        });
    }
    let na: Vec<Row> = ctx
        .items()
        .filter_map(|i| match ctx.bundle.response(&i.id) {
            Response::NotApplicable { reason } => Some(
                Row::new(vec![
                    Cell::text(i.text.get(ctx.lang).question.clone()),
                    Cell::text(reason.trim().to_string()),
                ])
                .with_anchor(Ctx::item_anchor(&i.id)),
            ),
            _ => None,
        })
        .collect();
    if !na.is_empty() {
        blocks.push(Block::Paragraph {
            text: format!(
                "• {}",
                fill(w.limitation_na, &[("n", &na.len().to_string())])
            ),
            style: TextStyle::Body,
        });
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(ctx.s.item, 5.0, Align::Left),
                Column::new(ctx.s.na_reason, 4.0, Align::Left),
            ],
            rows: na,
        }));
    }
    if blocks.is_empty() {
        blocks.push(Block::Paragraph {
            text: w.no_limitations.into(),
            style: TextStyle::Body,
        });
    }
    blocks
}

pub fn profile_and_method(ctx: &Ctx<'_>) -> Vec<Block> {
    let w = ctx.w;
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: w.post_and_method.into(),
        },
        Block::Heading {
            level: 2,
            text: w.post_profile.into(),
        },
        profile(ctx),
        Block::Heading {
            level: 2,
            text: w.method.into(),
        },
        method(ctx),
        Block::Heading {
            level: 2,
            text: w.limitations.into(),
        },
    ];
    blocks.extend(limitations(ctx));
    blocks
}
