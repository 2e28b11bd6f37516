//! The executive summary: the findings in words (readable in two minutes),
//! the pillars against their targets and the previous assessment, one chart,
//! the critical gaps linked to their findings, and the conclusion.

use super::assessment::Ctx;
use super::{Align, Block, Cell, Chart, Column, Row, Series, SeriesStyle, Table, TextStyle, Tone};
use crate::domain::assessment::Response;
use crate::domain::lang::Lang;
use crate::domain::scoring::AssessmentScore;
use crate::report::strings::{delta, percent, score};

fn remarks(ctx: &Ctx<'_>, provisional: bool, gated: bool) -> String {
    let mut notes = Vec::new();
    if provisional {
        notes.push(ctx.s.provisional);
    }
    if gated {
        notes.push(ctx.s.gated);
    }
    notes.join("; ")
}

/// A score's change since the previous assessment, green when it rose, red
/// when it fell, "—" when either score is missing.
pub(super) fn change_cell(lang: Lang, now: Option<f64>, before: Option<f64>) -> Cell {
    match (now, before) {
        (Some(n), Some(b)) => {
            let d = n - b;
            let tone = if d > 0.005 {
                Tone::Good
            } else if d < -0.005 {
                Tone::Bad
            } else {
                Tone::Plain
            };
            Cell::toned(delta(lang, d), tone)
        }
        _ => Cell::text("—"),
    }
}

fn level_cell(ctx: &Ctx<'_>, level: Option<u8>) -> Cell {
    match level {
        Some(l) => Cell::toned(ctx.level_name(l), Tone::Level(l)),
        None => Cell::text("—"),
    }
}

fn pillar_table(ctx: &Ctx<'_>) -> Table {
    let s = ctx.s;
    let previous = ctx.previous.as_ref().map(|(_, sc)| sc);
    // A remarks column only when some pillar has a remark.
    let remarks_used = ctx.score.pillars.iter().any(|p| p.provisional || p.gated);
    let mut rows: Vec<Row> = ctx
        .score
        .pillars
        .iter()
        .map(|p| {
            let before = previous
                .and_then(|sc| sc.pillar(p.pillar))
                .and_then(|x| x.score);
            let mut cells = vec![
                Cell::text(ctx.pillar_title(p.pillar)),
                Cell::text(score(ctx.lang, p.score)),
                level_cell(ctx, p.level),
                Cell::text(ctx.target_of(p.pillar).to_string()),
                Cell::text(p.completeness.map_or("—".into(), |c| percent(ctx.lang, c))),
            ];
            if remarks_used {
                cells.push(Cell::text(remarks(ctx, p.provisional, p.gated)));
            }
            if previous.is_some() {
                cells.push(change_cell(ctx.lang, p.score, before));
            }
            Row::new(cells)
        })
        .collect();
    let mut overall = vec![
        Cell::bold(s.overall),
        Cell::bold(score(ctx.lang, ctx.score.overall_score)),
        level_cell(ctx, ctx.score.overall_level),
        Cell::text(""),
        Cell::text(
            ctx.score
                .completeness()
                .map_or("—".into(), |c| percent(ctx.lang, c)),
        ),
    ];
    overall[2].bold = true;
    if remarks_used {
        let any_provisional = ctx.score.pillars.iter().any(|p| p.provisional);
        overall.push(Cell::text(if any_provisional { s.provisional } else { "" }));
    }
    if previous.is_some() {
        overall.push(change_cell(
            ctx.lang,
            ctx.score.overall_score,
            previous.and_then(|p| p.overall_score),
        ));
    }
    rows.push(Row::new(overall));
    let mut columns = vec![
        Column::new(s.pillar, 3.0, Align::Left),
        Column::new(s.score, 1.0, Align::Right),
        Column::new(s.level, 1.8, Align::Left),
        Column::new(ctx.w.target, 0.9, Align::Right),
        Column::new(s.completeness, 1.4, Align::Right),
    ];
    if remarks_used {
        columns.push(Column::new(s.remarks, 1.6, Align::Left));
    }
    if previous.is_some() {
        columns.push(Column::new(change_title(ctx), 1.3, Align::Right));
    }
    Table { columns, rows }
}

/// "Change since 20 Jun 2025": what the change column compares with.
fn change_title(ctx: &Ctx<'_>) -> String {
    ctx.previous.as_ref().map_or_else(
        || ctx.s.change.to_string(),
        |(p, _)| {
            let when = p
                .header
                .finalised_at
                .as_deref()
                .unwrap_or(&p.header.created_at);
            crate::messages::fill(
                ctx.w.change_since,
                &[("date", crate::report::strings::iso_date(when))],
            )
        },
    )
}

fn series(ctx: &Ctx<'_>, name: &str, style: SeriesStyle, sc: &AssessmentScore) -> Series {
    let values: Vec<Option<f64>> = sc.pillars.iter().map(|p| p.score).collect();
    Series {
        name: name.to_string(),
        style,
        labels: values.iter().map(|v| score(ctx.lang, *v)).collect(),
        values,
    }
}

/// One chart: the pillar scores now and at the previous final assessment.
fn chart(ctx: &Ctx<'_>) -> Block {
    let s = ctx.s;
    let mut all = vec![series(
        ctx,
        s.this_assessment,
        SeriesStyle::Current,
        &ctx.score,
    )];
    if let Some((prev, sc)) = &ctx.previous {
        let when = prev
            .header
            .finalised_at
            .as_deref()
            .unwrap_or(&prev.header.created_at);
        let name = format!("{} ({})", s.previous_assessment, s.date(when));
        all.push(series(ctx, &name, SeriesStyle::Previous, sc));
    }
    let axes: Vec<String> = ctx
        .score
        .pillars
        .iter()
        .map(|p| ctx.pillar_title(p.pillar))
        .collect();
    Block::Chart(Chart::Bars {
        title: s.bars_title.into(),
        categories: axes,
        max: 4.0,
        ticks: super::ticks(ctx.lang, 4.0, 1.0, 0),
        series: all,
    })
}

/// The critical items below target, each linked to its finding.
fn critical_table(ctx: &Ctx<'_>) -> Option<Block> {
    let s = ctx.s;
    let rows: Vec<Row> = ctx
        .items()
        .filter(|i| i.critical)
        .filter_map(|i| match ctx.bundle.response(&i.id) {
            Response::Level(l) if l < ctx.target_of(i.pillar) => Some((i, l)),
            _ => None,
        })
        .map(|(i, l)| {
            Row::new(vec![
                Cell::text(i.text.get(ctx.lang).question.clone())
                    .with_link(Ctx::item_anchor(&i.id)),
                Cell::text(ctx.pillar_title(i.pillar)),
                Cell::toned(ctx.level_name(l), Tone::Level(l)),
            ])
        })
        .collect();
    (!rows.is_empty()).then(|| {
        Block::Table(Table {
            columns: vec![
                Column::new(s.item, 5.0, Align::Left),
                Column::new(s.pillar, 2.4, Align::Left),
                Column::new(s.level, 1.6, Align::Left),
            ],
            rows,
        })
    })
}

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

pub fn executive(ctx: &Ctx<'_>) -> Vec<Block> {
    let s = ctx.s;
    let w = ctx.w;
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: s.summary.into(),
    }];
    blocks.extend(
        super::narrative::paragraphs(ctx)
            .into_iter()
            .map(|text| Block::Paragraph {
                text,
                style: TextStyle::Body,
            }),
    );
    if ctx.bundle.header.depth == crate::domain::assessment::Depth::Core {
        blocks.push(Block::Paragraph {
            text: s.core_depth.into(),
            style: TextStyle::Note,
        });
    }
    blocks.push(Block::Table(pillar_table(ctx)));
    blocks.push(chart(ctx));
    if let Some(table) = critical_table(ctx) {
        blocks.push(Block::Heading {
            level: 2,
            text: w.critical_gaps_heading.into(),
        });
        blocks.push(table);
    }
    blocks.push(Block::Heading {
        level: 2,
        text: w.conclusion.into(),
    });
    blocks.push(Block::Paragraph {
        text: super::narrative::conclusion(ctx),
        style: if ctx.score.serious_deficiency.is_empty() {
            TextStyle::Body
        } else {
            TextStyle::Alert
        },
    });
    blocks
}
