//! The findings: items below their pillar's target, by pillar and severity,
//! each with the evaluator's evidence, the criterion it is measured against,
//! the recommendation (from the audit when the item is about equipment) and
//! the actions that answer it; then what meets the target, compactly, and
//! the best practices.

use super::assessment::Ctx;
use super::{Align, Block, Cell, Column, Row, RowKind, Table, TextStyle, Tone};
use crate::domain::assessment::Response;
use crate::domain::pack::{Item, Pillar};
use crate::domain::plan::propose::PriorityRule;
use crate::messages::fill;

/// "Evidence: …" from the evaluator's note (marked with its language when
/// it is not the report's), or "No evidence recorded".
pub fn evidence(ctx: &Ctx<'_>, item: &Item) -> String {
    evidence_text(ctx, item, true)
}

/// The evaluator's note as [`evidence`] gives it, with the "Evidence:" label
/// only when `labelled` (a column headed "Evidence" does not need it).
fn evidence_text(ctx: &Ctx<'_>, item: &Item, labelled: bool) -> String {
    let w = ctx.w;
    let answer = ctx.bundle.answer(&item.id);
    let note = answer.map_or("", |a| a.note.trim());
    let mut text = if note.is_empty() {
        w.no_evidence.to_string()
    } else {
        let mut text = if labelled {
            format!("{}: {note}", w.evidence)
        } else {
            note.to_string()
        };
        if let Some(lang) = answer.and_then(|a| a.note_lang)
            && lang != ctx.lang
        {
            text.push_str(&format!(
                " ({})",
                fill(w.written_in, &[("lang", w.language_name(lang))])
            ));
        }
        text
    };
    if let Some(from) = answer.and_then(|a| a.copied_from.as_ref()) {
        text.push('\n');
        text.push_str(&fill(ctx.s.copied_from, &[("id", from.as_str())]));
    }
    text
}

/// "Criterion for level 3: …": the pack's descriptor of the target level,
/// printed once, muted.
fn criterion(ctx: &Ctx<'_>, item: &Item, target: u8) -> String {
    let descriptor = item
        .text
        .get(ctx.lang)
        .levels
        .get(usize::from(target.min(4)))
        .map_or("", |d| d.trim());
    if descriptor.is_empty() {
        return String::new();
    }
    fill(
        ctx.w.criterion,
        &[("level", &target.to_string()), ("text", descriptor)],
    )
}

/// The severity of a finding in words.
fn severity(ctx: &Ctx<'_>, rule: PriorityRule, level: u8, target: u8) -> String {
    let w = ctx.w;
    match rule {
        PriorityRule::SeriousDeficiency => w.serious_deficiency_label.into(),
        PriorityRule::CriticalGate | PriorityRule::CriticalBelowTarget => ctx.s.critical_gap.into(),
        _ => fill(w.gap_of, &[("n", &(target - level).to_string())]),
    }
}

fn finding_row(ctx: &Ctx<'_>, item: &Item, level: u8) -> Row {
    let w = ctx.w;
    let target = ctx.target_of(item.pillar);
    let rule = ctx.rule(item, level);
    let question = item.text.get(ctx.lang).question.clone();
    let finding = Cell::text(format!("{question}\n{}", evidence(ctx, item)))
        .with_muted(criterion(ctx, item, target));
    let critical = item.critical;
    let mut level_cell = Cell::toned(
        format!(
            "{}\n{}",
            ctx.level_name(level),
            severity(ctx, rule, level, target)
        ),
        Tone::Level(level),
    );
    level_cell.bold = critical;
    let mut recommendation =
        crate::action_plan::item_recommendation(ctx.bundle, &ctx.score, item, target, ctx.lang);
    let actions = ctx.actions_citing(&item.id);
    let mut rec_cell = if actions.is_empty() {
        Cell::text(recommendation)
    } else {
        let numbers: Vec<String> = actions.iter().map(|n| format!("#{n}")).collect();
        recommendation.push_str(&format!(
            "\n{}",
            fill(w.in_plan, &[("actions", &numbers.join(", "))])
        ));
        Cell::text(recommendation).with_link(Ctx::action_anchor(actions[0]))
    };
    if rec_cell.text.is_empty() {
        rec_cell.text = "—".into();
    }
    Row {
        cells: vec![finding, level_cell, rec_cell],
        kind: if critical {
            RowKind::Alert
        } else {
            RowKind::Normal
        },
        anchor: Some(Ctx::item_anchor(&item.id)),
    }
}

/// (item, level) of a pillar's items answered below target, most severe
/// first, then in pack order.
fn below<'a>(ctx: &'a Ctx<'_>, pillar: &Pillar) -> Vec<(&'a Item, u8)> {
    let mut found: Vec<(&Item, u8)> = ctx
        .items()
        .filter(|i| i.pillar == pillar.number)
        .filter_map(|i| match ctx.bundle.response(&i.id) {
            Response::Level(l) if l < ctx.target_of(i.pillar) => Some((i, l)),
            _ => None,
        })
        .collect();
    found.sort_by_key(|(i, l)| {
        let rule = ctx.rule(i, *l);
        let strength = match rule {
            PriorityRule::WeightedGap(n) => std::cmp::Reverse(n),
            _ => std::cmp::Reverse(u32::MAX),
        };
        (rule.priority(), rule, strength)
    });
    found
}

fn finding_columns(ctx: &Ctx<'_>) -> Vec<Column> {
    vec![
        Column::new(ctx.w.finding, 5.3, Align::Left),
        Column::new(ctx.s.level, 1.25, Align::Left),
        Column::new(ctx.s.recommendation, 3.2, Align::Left),
    ]
}

pub fn below_target(ctx: &Ctx<'_>) -> Vec<Block> {
    let w = ctx.w;
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: w.findings_below.into(),
        },
        Block::Paragraph {
            text: w.findings_intro.into(),
            style: TextStyle::Note,
        },
    ];
    let mut any = false;
    for pillar in &ctx.bundle.pack.pillars {
        let found = below(ctx, pillar);
        if found.is_empty() {
            continue;
        }
        any = true;
        let level = ctx
            .score
            .pillar(pillar.number)
            .and_then(|p| p.level)
            .map_or("—".into(), |l| ctx.level_name(l));
        blocks.push(Block::Heading {
            level: 2,
            text: fill(
                w.pillar_heading,
                &[
                    ("pillar", &ctx.pillar_title(pillar.number)),
                    ("level", &level),
                    ("target", &ctx.target_of(pillar.number).to_string()),
                ],
            ),
        });
        blocks.push(Block::Table(Table {
            columns: finding_columns(ctx),
            rows: found
                .into_iter()
                .map(|(i, l)| finding_row(ctx, i, l))
                .collect(),
        }));
    }
    if !any {
        blocks.push(Block::Paragraph {
            text: w.nothing_below.into(),
            style: TextStyle::Body,
        });
    }
    blocks
}

/// One table for all pillars: the items at or above target, not applicable
/// or not answered, one line each (their evidence is in `--detail full`).
pub fn at_target(ctx: &Ctx<'_>) -> Vec<Block> {
    let w = ctx.w;
    let s = ctx.s;
    let mut rows = Vec::new();
    for pillar in &ctx.bundle.pack.pillars {
        let mut group: Vec<Row> = Vec::new();
        for item in ctx.items().filter(|i| i.pillar == pillar.number) {
            let question = Cell::text(item.text.get(ctx.lang).question.clone());
            let row = match ctx.bundle.response(&item.id) {
                // Items at the highest level are in the best practices.
                Response::Level(4) => continue,
                Response::Level(l) if l >= ctx.target_of(item.pillar) => Row::new(vec![
                    question,
                    Cell::toned(ctx.level_name(l), Tone::Level(l)),
                ]),
                Response::Level(_) => continue,
                Response::NotApplicable { .. } => Row::new(vec![question, Cell::text(s.na)]),
                Response::Open => Row::new(vec![question, Cell::text(w.not_answered)]),
            };
            group.push(row.with_anchor(Ctx::item_anchor(&item.id)));
        }
        if !group.is_empty() {
            rows.push(Row::group(ctx.pillar_title(pillar.number)));
            rows.extend(group);
        }
    }
    if rows.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading {
            level: 1,
            text: w.at_target.into(),
        },
        Block::Paragraph {
            text: w.at_target_intro.into(),
            style: TextStyle::Note,
        },
        Block::Table(Table {
            columns: vec![
                Column::new(s.item, 7.4, Align::Left).one_line(),
                Column::new(s.level, 1.8, Align::Left).one_line(),
            ],
            rows,
        }),
    ]
}

/// Items at the highest level, with what the evaluator saw: practice worth
/// passing on to other posts.
pub fn best_practices(ctx: &Ctx<'_>) -> Vec<Block> {
    let w = ctx.w;
    let mut rows: Vec<Row> = Vec::new();
    for pillar in &ctx.bundle.pack.pillars {
        let best: Vec<Row> = ctx
            .items()
            .filter(|i| i.pillar == pillar.number)
            .filter(|i| ctx.bundle.response(&i.id) == Response::Level(4))
            .map(|i| {
                Row::new(vec![
                    Cell::text(i.text.get(ctx.lang).question.clone()),
                    Cell::text(evidence_text(ctx, i, false)),
                ])
            })
            .collect();
        if !best.is_empty() {
            rows.push(Row::group(ctx.pillar_title(pillar.number)));
            rows.extend(best);
        }
    }
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: w.best_practices.into(),
    }];
    if rows.is_empty() {
        blocks.push(Block::Paragraph {
            text: w.no_best_practices.into(),
            style: TextStyle::Body,
        });
    } else {
        blocks.push(Block::Paragraph {
            text: w.best_practices_intro.into(),
            style: TextStyle::Note,
        });
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(ctx.s.item, 5.4, Align::Left),
                Column::new(w.evidence, 3.9, Align::Left),
            ],
            rows,
        }));
    }
    blocks
}
