//! The action plan: recommendations for the items below the target level,
//! critical items first, then by priority = weight × (target − level).

use super::assessment::Ctx;
use super::{Align, Block, Cell, Column, Row, RowKind, Table, TextStyle, Tone};
use crate::bundle::Bundle;
use crate::domain::assessment::Response;

/// One item of the action plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEntry {
    pub item: String,
    pub pillar: u8,
    pub level: u8,
    pub weight: u8,
    pub critical: bool,
    /// weight × (target − level).
    pub priority: u32,
}

/// The items answered below `target`, in the order the plan lists them:
/// critical first, then higher priority, then pack order.
pub fn action_plan(bundle: &Bundle, target: u8) -> Vec<PlanEntry> {
    let mut entries: Vec<PlanEntry> = bundle
        .applicable_items()
        .filter_map(|item| match bundle.response(&item.id) {
            Response::Level(level) if level < target => Some(PlanEntry {
                item: item.id.clone(),
                pillar: item.pillar,
                level,
                weight: item.weight,
                critical: item.critical,
                priority: u32::from(item.weight) * u32::from(target - level),
            }),
            _ => None,
        })
        .collect();
    // A stable sort keeps pack order among equals.
    entries.sort_by(|a, b| {
        b.critical
            .cmp(&a.critical)
            .then(b.priority.cmp(&a.priority))
    });
    entries
}

/// The plan as a table (also used for the summary's top recommendations).
pub fn plan_table(ctx: &Ctx<'_>, plan: &[PlanEntry]) -> Table {
    let s = ctx.s;
    let lang = ctx.lang;
    let rows = plan
        .iter()
        .enumerate()
        .map(|(n, entry)| {
            let item = ctx.bundle.pack.item(&entry.item);
            let question = item.map_or(String::new(), |i| i.text.get(lang).question.clone());
            let recommendation =
                item.map_or(String::new(), |i| i.text.get(lang).recommendation.clone());
            let mut tag = format!("{} · {} {}", entry.item, s.weight, entry.weight);
            if entry.critical {
                tag.push_str(&format!(" · {}", s.critical));
            }
            Row {
                cells: vec![
                    Cell::text((n + 1).to_string()),
                    Cell::text(format!("{question}\n{tag}")),
                    Cell::toned(ctx.level_name(entry.level), Tone::Level(entry.level)),
                    Cell::text(entry.priority.to_string()),
                    Cell::text(recommendation),
                ],
                kind: if entry.critical {
                    RowKind::Alert
                } else {
                    RowKind::Normal
                },
            }
        })
        .collect();
    Table {
        columns: vec![
            Column::new("#", 0.35, Align::Right),
            Column::new(s.item, 3.6, Align::Left),
            Column::new(s.level, 1.5, Align::Left),
            Column::new(s.priority, 0.9, Align::Right),
            Column::new(s.recommendation, 3.6, Align::Left),
        ],
        rows,
    }
}

pub fn plan_blocks(ctx: &Ctx<'_>, plan: &[PlanEntry]) -> Vec<Block> {
    let s = ctx.s;
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: s.action_plan.into(),
        },
        Block::Paragraph {
            text: format!(
                "{} {}: {}.",
                s.plan_intro,
                s.target,
                ctx.level_name(ctx.target)
            ),
            style: TextStyle::Body,
        },
    ];
    if plan.is_empty() {
        blocks.push(Block::Paragraph {
            text: s.plan_empty.into(),
            style: TextStyle::Body,
        });
    } else {
        blocks.push(Block::Table(plan_table(ctx, plan)));
    }
    blocks
}
