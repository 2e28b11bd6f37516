//! The comparison with the previous final assessment of the same post: per
//! pillar and per item (improved, regressed, unchanged, new).

use super::assessment::Ctx;
use super::summary::{capitalise, change_cell};
use super::{Align, Block, Cell, Column, Row, Table, TextStyle, Tone};
use crate::bundle::Bundle;
use crate::domain::scoring::AssessmentScore;
use crate::report::strings::score;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemChange {
    Improved,
    Regressed,
    Unchanged,
    /// Answered with a level now, but not before (open, N/A or not in its pack).
    New,
}

/// Each item answered with a level now: (item id, level before, level now, change).
pub fn compare_items(now: &Bundle, before: &Bundle) -> Vec<(String, Option<u8>, u8, ItemChange)> {
    now.applicable_items()
        .filter_map(|item| {
            let level = now.response(&item.id).level()?;
            let old = before.response(&item.id).level();
            let change = match old {
                None => ItemChange::New,
                Some(o) if level > o => ItemChange::Improved,
                Some(o) if level < o => ItemChange::Regressed,
                Some(_) => ItemChange::Unchanged,
            };
            Some((item.id.clone(), old, level, change))
        })
        .collect()
}

fn change_name(ctx: &Ctx<'_>, change: ItemChange) -> &'static str {
    match change {
        ItemChange::Improved => ctx.s.improved,
        ItemChange::Regressed => ctx.s.regressed,
        ItemChange::Unchanged => ctx.s.unchanged,
        ItemChange::New => ctx.s.new_item,
    }
}

fn tone(change: ItemChange) -> Tone {
    match change {
        ItemChange::Improved => Tone::Good,
        ItemChange::Regressed => Tone::Bad,
        _ => Tone::Plain,
    }
}

pub fn comparison_blocks(
    ctx: &Ctx<'_>,
    previous: &Bundle,
    previous_score: &AssessmentScore,
) -> Vec<Block> {
    let s = ctx.s;
    let lang = ctx.lang;
    let items = compare_items(ctx.bundle, previous);
    let count = |pillar: u8, what: ItemChange| {
        let n = items
            .iter()
            .filter(|(id, _, _, c)| *c == what && pillar_of(ctx, id) == pillar)
            .count();
        Cell::text(n.to_string())
    };
    let mut pillar_rows: Vec<Row> = ctx
        .score
        .pillars
        .iter()
        .map(|p| {
            let before = previous_score.pillar(p.pillar).and_then(|x| x.score);
            Row::new(vec![
                Cell::text(ctx.pillar_title(p.pillar)),
                Cell::text(score(lang, before)),
                Cell::text(score(lang, p.score)),
                change_cell(lang, p.score, before),
                count(p.pillar, ItemChange::Improved),
                count(p.pillar, ItemChange::Regressed),
                count(p.pillar, ItemChange::Unchanged),
                count(p.pillar, ItemChange::New),
            ])
        })
        .collect();
    pillar_rows.push(Row::new(vec![
        Cell::bold(s.overall),
        Cell::bold(score(lang, previous_score.overall_score)),
        Cell::bold(score(lang, ctx.score.overall_score)),
        change_cell(lang, ctx.score.overall_score, previous_score.overall_score),
        Cell::text(""),
        Cell::text(""),
        Cell::text(""),
        Cell::text(""),
    ]));
    let pillar_table = Table {
        columns: vec![
            Column::new(s.pillar, 2.4, Align::Left),
            Column::new(s.previous, 0.95, Align::Right),
            Column::new(s.current, 0.95, Align::Right),
            Column::new(s.change, 0.95, Align::Right),
            Column::new(capitalise(s.improved), 1.3, Align::Right),
            Column::new(capitalise(s.regressed), 1.3, Align::Right),
            Column::new(capitalise(s.unchanged), 1.3, Align::Right),
            Column::new(capitalise(s.new_item), 0.9, Align::Right),
        ],
        rows: pillar_rows,
    };
    let mut item_rows = Vec::new();
    for pillar in &ctx.bundle.pack.pillars {
        let changed: Vec<_> = items
            .iter()
            .filter(|(id, _, _, c)| {
                *c != ItemChange::Unchanged && pillar_of(ctx, id) == pillar.number
            })
            .collect();
        if changed.is_empty() {
            continue;
        }
        item_rows.push(Row::group(ctx.pillar_title(pillar.number)));
        for (id, old, now, change) in changed {
            let question = ctx
                .bundle
                .pack
                .item(id)
                .map_or(String::new(), |i| i.text.get(lang).question.clone());
            item_rows.push(Row::new(vec![
                Cell::text(format!("{question}\n{id}")),
                old.map_or(Cell::text("—"), |l| {
                    Cell::toned(l.to_string(), Tone::Level(l))
                }),
                Cell::toned(now.to_string(), Tone::Level(*now)),
                Cell::toned(change_name(ctx, *change), tone(*change)),
            ]));
        }
    }
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: s.comparison.into(),
        },
        Block::Paragraph {
            text: format!(
                "{} {} ({}, {}).",
                s.comparison_intro,
                s.date(&previous.header.created_at),
                previous.header.id,
                s.assessment_kind(previous.header.kind)
            ),
            style: TextStyle::Body,
        },
        Block::Table(pillar_table),
        Block::Heading {
            level: 2,
            text: s.item_changes.into(),
        },
    ];
    if !item_rows.is_empty() {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(s.item, 6.0, Align::Left),
                Column::new(s.previous, 1.1, Align::Center),
                Column::new(s.current, 1.1, Align::Center),
                Column::new(s.change, 1.5, Align::Left),
            ],
            rows: item_rows,
        }));
    }
    blocks.push(Block::Paragraph {
        text: s.unchanged_note.into(),
        style: TextStyle::Note,
    });
    blocks
}

fn pillar_of(ctx: &Ctx<'_>, item: &str) -> u8 {
    ctx.bundle.pack.item(item).map_or(0, |i| i.pillar)
}
