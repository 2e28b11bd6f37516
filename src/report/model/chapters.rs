//! One chapter per pillar: each section's items with their level, finding,
//! the evaluator's notes and N/A reasons; critical gaps stand out.

use super::assessment::Ctx;
use super::{Align, Block, Cell, Column, Row, RowKind, Table, TextStyle, Tone};
use crate::domain::assessment::Response;
use crate::domain::pack::{Item, Pillar, Scope};
use crate::report::strings::{percent, score};

fn item_row(ctx: &Ctx<'_>, item: &Item) -> Row {
    let s = ctx.s;
    let text = item.text.get(ctx.lang);
    let answer = ctx.bundle.answer(&item.id);
    let note = answer.map_or("", |a| a.note.trim());
    let mut tag = format!("{} · {} {}", item.id, s.weight, item.weight);
    if item.critical {
        tag.push_str(&format!(" · {}", s.critical));
    }
    let mut kind = RowKind::Normal;
    let (level_cell, mut finding) = match ctx.bundle.response(&item.id) {
        Response::Level(level) => {
            let descriptor = text
                .levels
                .get(usize::from(level))
                .map_or("", |d| d.as_str());
            let mut cell = Cell::toned(ctx.level_name(level), Tone::Level(level));
            if item.critical && level < ctx.target {
                kind = RowKind::Alert;
                cell.text = format!("{}\n{}", cell.text, s.critical_gap);
                cell.bold = true;
            }
            let finding = if descriptor.is_empty() {
                String::new()
            } else {
                format!("{}: {descriptor}", s.finding)
            };
            (cell, finding)
        }
        Response::NotApplicable { reason } => (
            Cell::text(s.na),
            format!("{}: {}", s.na_reason, reason.trim()),
        ),
        Response::Open => (Cell::text(s.open), String::new()),
    };
    if !note.is_empty() {
        if !finding.is_empty() {
            finding.push('\n');
        }
        finding.push_str(&format!("{}: {note}", s.notes));
    }
    if let Some(from) = answer.and_then(|a| a.copied_from.as_ref()) {
        if !finding.is_empty() {
            finding.push('\n');
        }
        finding.push_str(&crate::messages::fill(
            s.copied_from,
            &[("id", from.as_str())],
        ));
    }
    Row {
        cells: vec![
            Cell::text(format!("{}\n{tag}", text.question)),
            level_cell,
            Cell::text(finding),
        ],
        kind,
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
