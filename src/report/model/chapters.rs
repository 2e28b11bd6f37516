//! One chapter per pillar (the `--detail full` report): each section's items
//! with their level, the evaluator's evidence and N/A reasons; critical gaps
//! stand out.

use super::assessment::Ctx;
use super::{Align, Block, Cell, Column, Row, RowKind, Table, TextStyle, Tone};
use crate::domain::assessment::Response;
use crate::domain::pack::{Item, Pillar, Scope};
use crate::report::strings::{percent, score};

/// An item's row in its chapter: the question, the level (critical gaps
/// marked), the evidence with the descriptor of the level found, muted.
fn item_row(ctx: &Ctx<'_>, item: &Item) -> Row {
    let s = ctx.s;
    let text = item.text.get(ctx.lang);
    let mut kind = RowKind::Normal;
    let (level_cell, descriptor) = match ctx.bundle.response(&item.id) {
        Response::Level(level) => {
            let mut cell = Cell::toned(ctx.level_name(level), Tone::Level(level));
            if item.critical && level < ctx.target_of(item.pillar) {
                kind = RowKind::Alert;
                cell.text = format!("{}\n{}", cell.text, s.critical_gap);
                cell.bold = true;
            }
            let descriptor = text
                .levels
                .get(usize::from(level))
                .map_or(String::new(), |d| {
                    crate::messages::fill(
                        ctx.w.criterion,
                        &[("level", &level.to_string()), ("text", d.trim())],
                    )
                });
            (cell, descriptor)
        }
        Response::NotApplicable { reason } => (
            Cell::text(s.na),
            format!("{}: {}", s.na_reason, reason.trim()),
        ),
        Response::Open => (Cell::text(s.open), String::new()),
    };
    Row {
        cells: vec![
            Cell::text(text.question.clone()),
            level_cell,
            Cell::text(super::findings::evidence(ctx, item)).with_muted(descriptor),
        ],
        kind,
        anchor: Some(Ctx::item_anchor(&item.id)),
    }
}

pub fn pillar_chapter(ctx: &Ctx<'_>, pillar: &Pillar) -> Vec<Block> {
    let s = ctx.s;
    let lang = ctx.lang;
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: format!("{} {}", s.pillar, ctx.pillar_title(pillar.number)),
    }];
    if let Some(p) = ctx.score.pillar(pillar.number) {
        let mut line = format!(
            "{}: {} · {}: {} · {}: {}",
            s.score,
            score(lang, p.score),
            s.level,
            p.level.map_or("—".into(), |l| ctx.level_name(l)),
            s.completeness,
            p.completeness.map_or("—".into(), |c| percent(lang, c)),
        );
        if p.provisional {
            line.push_str(&format!(" · {}", s.provisional));
        }
        if p.gated {
            line.push_str(&format!(" · {}", s.gated));
        }
        blocks.push(Block::Paragraph {
            text: line,
            style: TextStyle::Body,
        });
    }
    blocks.push(Block::Paragraph {
        text: s.pillar_intro.into(),
        style: TextStyle::Note,
    });
    let asked =
        |i: &&Item| i.applicability.applies_to(&ctx.bundle.post) && ctx.bundle.header.depth.asks(i);
    let table = |rows: Vec<Row>| {
        Block::Table(Table {
            columns: vec![
                Column::new(s.item, 3.4, Align::Left),
                Column::new(s.level, 1.4, Align::Left),
                Column::new(s.finding_and_notes, 4.2, Align::Left),
            ],
            rows,
        })
    };
    // The post's own findings by section, then the national ones apart: they
    // describe the country's law and institutions, answered once for all its
    // posts.
    for section in &pillar.sections {
        let rows: Vec<Row> = pillar
            .items
            .iter()
            .filter(|i| i.section == section.id && i.scope == Scope::Post)
            .filter(asked)
            .map(|i| item_row(ctx, i))
            .collect();
        if rows.is_empty() {
            continue;
        }
        blocks.push(Block::Heading {
            level: 2,
            text: section.title.get(lang).clone(),
        });
        blocks.push(table(rows));
    }
    let national: Vec<Row> = pillar
        .items
        .iter()
        .filter(|i| i.scope == Scope::National)
        .filter(asked)
        .map(|i| item_row(ctx, i))
        .collect();
    if !national.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: s.national_heading.into(),
        });
        blocks.push(table(national));
    }
    blocks
}
