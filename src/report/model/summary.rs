//! The cover and the executive summary of the assessment report.

use super::assessment::Ctx;
use super::plan::PlanEntry;
use super::{Align, Block, Cell, Chart, Column, Row, Series, SeriesStyle, Table, TextStyle, Tone};
use crate::domain::lang::Lang;
use crate::domain::scoring::{AssessmentScore, Flag};
use crate::report::strings::{delta, percent, score};

/// How many recommendations the summary repeats from the action plan.
const TOP_RECOMMENDATIONS: usize = 5;

pub fn cover(ctx: &Ctx<'_>) -> Vec<Block> {
    let s = ctx.s;
    let b = ctx.bundle;
    let h = &b.header;
    let cargo = if b.post.cargo {
        s.with_cargo
    } else {
        s.without_cargo
    };
    let mut dates = vec![format!("{} {}", s.created, s.date(&h.created_at))];
    if let Some(at) = &h.submitted_at {
        dates.push(format!("{} {}", s.submitted, s.date(at)));
    }
    if let Some(at) = &h.finalised_at {
        dates.push(format!("{} {}", s.finalised, s.date(at)));
    }
    let mut facts = vec![
        (s.post.into(), format!("{} ({})", b.post.name, b.post.code)),
        (
            s.countries.into(),
            format!("{} – {}", b.post.country, b.post.neighbour),
        ),
        (
            s.crossing.into(),
            format!("{}, {}", s.kind(b.post.kind), cargo),
        ),
        (s.control_model.into(), s.model(b.post.model).into()),
        (s.assessment_kind.into(), s.assessment_kind(h.kind).into()),
        (s.assessment_id.into(), h.id.to_string()),
        (s.dates.into(), dates.join("; ")),
        (s.team.into(), h.evaluators.join(", ")),
        (s.status.into(), s.status(h.status).into()),
        (
            s.content_pack.into(),
            format!("{} {} (SHA-256 {})", h.pack_id, h.pack_version, h.pack_hash),
        ),
        (s.report_date.into(), s.date(ctx.date)),
    ];
    if let (crate::domain::assessment::Status::Final, Some(reason)) =
        (h.status, ctx.finalisation_reason)
    {
        let done = percent(ctx.lang, ctx.score.completeness().unwrap_or(0.0));
        facts.push((s.finalised_incomplete.into(), format!("{reason} ({done})")));
    }
    let mut blocks = vec![
        Block::Title {
            title: s.report_title.to_string(),
            subtitle: format!("{} ({})", b.post.name, b.post.code),
        },
        Block::KeyValues(facts),
    ];
    blocks.extend(serious_deficiency(ctx));
    blocks
}

/// The serious-deficiency alert (title page and executive summary), when a
/// critical item is at the pack's serious-deficiency level or below.
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
        text: crate::messages::fill(
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
    let mut rows: Vec<Row> = ctx
        .score
        .pillars
        .iter()
        .map(|p| {
            let before = previous
                .and_then(|sc| sc.pillar(p.pillar))
                .and_then(|x| x.score);
            Row::new(vec![
                Cell::text(ctx.pillar_title(p.pillar)),
                Cell::text(score(ctx.lang, p.score)),
                level_cell(ctx, p.level),
                Cell::text(p.completeness.map_or("—".into(), |c| percent(ctx.lang, c))),
                Cell::text(remarks(ctx, p.provisional, p.gated)),
                change_cell(ctx.lang, p.score, before),
            ])
        })
        .collect();
    let mut overall = Row::new(vec![
        Cell::bold(s.overall),
        Cell::bold(score(ctx.lang, ctx.score.overall_score)),
        level_cell(ctx, ctx.score.overall_level),
        Cell::text(""),
        Cell::text(""),
        change_cell(
            ctx.lang,
            ctx.score.overall_score,
            previous.and_then(|p| p.overall_score),
        ),
    ]);
    overall.cells[2].bold = true;
    rows.push(overall);
    Table {
        columns: vec![
            Column::new(s.pillar, 3.0, Align::Left),
            Column::new(s.score, 1.1, Align::Right),
            Column::new(s.level, 1.8, Align::Left),
            Column::new(s.completeness, 1.5, Align::Right),
            Column::new(s.remarks, 1.6, Align::Left),
            Column::new(s.change, 1.0, Align::Right),
        ],
        rows,
    }
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

fn charts(ctx: &Ctx<'_>) -> Vec<Block> {
    let s = ctx.s;
    let mut all = vec![series(
        ctx,
        s.this_assessment,
        SeriesStyle::Current,
        &ctx.score,
    )];
    if let Some((prev, sc)) = &ctx.previous {
        let name = format!(
            "{} ({})",
            s.previous_assessment,
            s.date(&prev.header.created_at)
        );
        all.push(series(ctx, &name, SeriesStyle::Previous, sc));
    }
    let axes: Vec<String> = ctx
        .score
        .pillars
        .iter()
        .map(|p| ctx.pillar_title(p.pillar))
        .collect();
    let ticks = super::ticks(ctx.lang, 4.0, 1.0, 0);
    vec![
        Block::Chart(Chart::Radar {
            title: s.radar_title.into(),
            axes: axes.clone(),
            max: 4.0,
            ticks: ticks.clone(),
            series: all.clone(),
        }),
        Block::Chart(Chart::Bars {
            title: s.bars_title.into(),
            categories: axes,
            max: 4.0,
            ticks,
            series: all,
        }),
    ]
}

fn equipment_headline(ctx: &Ctx<'_>) -> Vec<Block> {
    let s = ctx.s;
    let eq = &ctx.score.equipment;
    let total = eq.types.len();
    let mut pairs = vec![(s.eui.to_string(), score(ctx.lang, eq.eui))];
    for flag in [Flag::Missing, Flag::Broken, Flag::Idle, Flag::Untrained] {
        pairs.push((
            capitalise(s.flag(flag)),
            format!("{} / {} {}", eq.count_flag(flag), total, s.types_flagged),
        ));
    }
    vec![
        Block::Heading {
            level: 2,
            text: s.equipment_headline.into(),
        },
        Block::KeyValues(pairs),
    ]
}

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

pub fn executive(ctx: &Ctx<'_>, plan: &[PlanEntry]) -> Vec<Block> {
    let s = ctx.s;
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: s.summary.into(),
        },
        Block::KeyValues(vec![
            (
                s.overall_score.into(),
                score(ctx.lang, ctx.score.overall_score),
            ),
            (
                s.overall_level.into(),
                ctx.score
                    .overall_level
                    .map_or("—".into(), |l| ctx.level_name(l)),
            ),
        ]),
        Block::Table(pillar_table(ctx)),
    ];
    blocks.extend(serious_deficiency(ctx));
    if ctx.bundle.header.depth == crate::domain::assessment::Depth::Core {
        blocks.push(Block::Paragraph {
            text: s.core_depth.into(),
            style: TextStyle::Note,
        });
    }
    if ctx.previous.is_none() {
        blocks.push(Block::Paragraph {
            text: s.no_previous.into(),
            style: TextStyle::Note,
        });
    }
    blocks.extend(charts(ctx));
    blocks.push(Block::Heading {
        level: 2,
        text: s.top_recommendations.into(),
    });
    if plan.is_empty() {
        blocks.push(Block::Paragraph {
            text: s.plan_empty.into(),
            style: TextStyle::Body,
        });
    } else {
        blocks.push(Block::Table(super::plan::plan_table(
            ctx,
            &plan[..plan.len().min(TOP_RECOMMENDATIONS)],
        )));
    }
    blocks.extend(equipment_headline(ctx));
    blocks
}
