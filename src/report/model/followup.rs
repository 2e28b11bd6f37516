//! The follow-up of the previous final assessment of the post: what became
//! of its action plan, the pillars compared, the items that regressed (first)
//! and improved, and the equipment type by type. On a draft, the rows that
//! rest on provisional pillars say so.

use super::assessment::{Ctx, Detail};
use super::compare::{ItemChange, compare_items};
use super::summary::{capitalise, change_cell};
use super::{Align, Block, Cell, Column, Row, Table, TextStyle, Tone};
use crate::bundle::Bundle;
use crate::domain::assessment::Status;
use crate::domain::plan::Outcome;
use crate::domain::scoring::AssessmentScore;
use crate::messages::{fill, terms};
use crate::report::strings::{percent, score};

/// How many improved items the default report lists.
const TOP_IMPROVED: usize = 10;

fn question(ctx: &Ctx<'_>, id: &str) -> String {
    ctx.bundle
        .pack
        .item(id)
        .map_or(id.to_string(), |i| i.text.get(ctx.lang).question.clone())
}

fn pillar_of(ctx: &Ctx<'_>, item: &str) -> u8 {
    ctx.bundle.pack.item(item).map_or(0, |i| i.pillar)
}

/// Whether a row about `pillar` is provisional (on a draft, or a pillar
/// below the completeness threshold).
fn provisional(ctx: &Ctx<'_>, pillar: Option<u8>) -> bool {
    let draft = ctx.bundle.header.status != Status::Final;
    let weak = match pillar {
        Some(p) => ctx.score.pillar(p).is_some_and(|x| x.provisional),
        None => ctx.score.pillars.iter().any(|x| x.provisional),
    };
    draft && weak
}

fn previous_plan(ctx: &Ctx<'_>) -> Vec<Block> {
    let w = ctx.w;
    let Some(review) = &ctx.plan.followup else {
        return Vec::new();
    };
    let s = review.summary();
    let mut blocks = vec![
        Block::Heading {
            level: 2,
            text: w.previous_plan.into(),
        },
        Block::Paragraph {
            text: crate::messages::plan::fill_followup(
                w.previous_plan_sentence,
                &s,
                &s.closure_rate()
                    .map_or_else(|| "—".into(), |r| percent(ctx.lang, r)),
            ),
            style: TextStyle::Body,
        },
    ];
    // The default report lists what is still open; the full one, everything.
    let open = |found: &Option<crate::domain::plan::FollowUp>| {
        !matches!(
            found.as_ref().map(|f| f.outcome),
            Some(Outcome::Done | Outcome::NotRelevant)
        )
    };
    let rows: Vec<Row> = review
        .entries
        .iter()
        .filter(|(a, found)| {
            ctx.detail == Detail::Full
                || (a.status != crate::domain::plan::ActionStatus::Dropped && open(found))
        })
        .map(|(a, found)| {
            let outcome = found
                .as_ref()
                .map_or(w.to_review, |f| terms::outcome(ctx.lang, f.outcome));
            let tone = match found.as_ref().map(|f| f.outcome) {
                Some(Outcome::Done) => Tone::Good,
                Some(Outcome::NotDone) => Tone::Bad,
                _ => Tone::Plain,
            };
            let mut outcome_cell = Cell::toned(outcome, tone);
            if let Some(note) = found
                .as_ref()
                .map(|f| f.note.trim())
                .filter(|n| !n.is_empty() && ctx.detail == Detail::Full)
            {
                outcome_cell = outcome_cell.with_muted(note.to_string());
            }
            let due = a.due.clone().unwrap_or_else(|| "—".into());
            // The default report shows an overdue date in red only (its note
            // says so), keeping each action on one line.
            let due = if review.is_overdue(a, found.as_ref()) {
                let cell = Cell::toned(due, Tone::Bad);
                match ctx.detail {
                    Detail::Full => cell.with_muted(w.overdue),
                    Detail::Summary => cell,
                }
            } else {
                Cell::text(due)
            };
            Row::new(vec![
                Cell::text(a.number.to_string()),
                Cell::text(a.title.clone()),
                Cell::text(if a.agency.is_empty() {
                    "—".into()
                } else {
                    a.agency.clone()
                }),
                due,
                Cell::text(terms::action_status(ctx.lang, a.status)),
                outcome_cell,
            ])
        })
        .collect();
    if ctx.detail == Detail::Summary {
        blocks.push(Block::Paragraph {
            text: w.previous_plan_open_only.into(),
            style: TextStyle::Note,
        });
    }
    if rows.is_empty() {
        return blocks;
    }
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("#", 0.5, Align::Right).one_line(),
            Column::new(w.action, 3.2, Align::Left).one_line(),
            Column::new(w.responsible, 1.4, Align::Left).one_line(),
            Column::new(ctx.w.due, 1.2, Align::Left).one_line(),
            Column::new(w.status_in_plan, 1.4, Align::Left).one_line(),
            Column::new(w.outcome, 2.1, Align::Left).one_line(),
        ],
        rows,
    }));
    blocks
}

fn pillars(
    ctx: &Ctx<'_>,
    previous_score: &AssessmentScore,
    items: &[(String, Option<u8>, u8, ItemChange)],
) -> Table {
    let s = ctx.s;
    let lang = ctx.lang;
    let count = |pillar: u8, what: ItemChange| {
        let n = items
            .iter()
            .filter(|(id, _, _, c)| *c == what && pillar_of(ctx, id) == pillar)
            .count();
        Cell::text(n.to_string())
    };
    let mark = |pillar: Option<u8>, text: String| {
        if provisional(ctx, pillar) {
            format!("{text}\n({})", s.provisional)
        } else {
            text
        }
    };
    let mut rows: Vec<Row> = ctx
        .score
        .pillars
        .iter()
        .map(|p| {
            let before = previous_score.pillar(p.pillar).and_then(|x| x.score);
            Row::new(vec![
                Cell::text(mark(Some(p.pillar), ctx.pillar_title(p.pillar))),
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
    rows.push(Row::new(vec![
        Cell::bold(mark(None, s.overall.to_string())),
        Cell::bold(score(lang, previous_score.overall_score)),
        Cell::bold(score(lang, ctx.score.overall_score)),
        change_cell(lang, ctx.score.overall_score, previous_score.overall_score),
        Cell::text(""),
        Cell::text(""),
        Cell::text(""),
        Cell::text(""),
    ]));
    Table {
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
        rows,
    }
}

/// Items that changed one way, the largest changes first.
fn changed_table(ctx: &Ctx<'_>, changed: &[&(String, Option<u8>, u8, ItemChange)]) -> Table {
    let s = ctx.s;
    let rows = changed
        .iter()
        .map(|(id, old, now, _)| {
            let mut text = question(ctx, id);
            if provisional(ctx, Some(pillar_of(ctx, id))) {
                text.push_str(&format!(" ({})", s.provisional));
            }
            Row::new(vec![
                Cell::text(text).with_link(Ctx::item_anchor(id)),
                Cell::text(ctx.pillar_title(pillar_of(ctx, id))),
                old.map_or(Cell::text("—"), |l| {
                    Cell::toned(l.to_string(), Tone::Level(l))
                }),
                Cell::toned(now.to_string(), Tone::Level(*now)),
            ])
        })
        .collect();
    Table {
        columns: vec![
            Column::new(s.item, 5.0, Align::Left).one_line(),
            Column::new(s.pillar, 2.2, Align::Left).one_line(),
            Column::new(s.previous, 0.9, Align::Center).one_line(),
            Column::new(s.current, 0.9, Align::Center).one_line(),
        ],
        rows,
    }
}

/// Each equipment type audited now or then: its index before and now.
/// The equipment compared type by type: a table of the types whose count or
/// index changed and, in the default report, the names of the types audited
/// for the first time (they have nothing to compare with).
fn equipment(ctx: &Ctx<'_>, previous_score: &AssessmentScore) -> Vec<Block> {
    use crate::domain::scoring::TypeScore;
    let s = ctx.s;
    let lang = ctx.lang;
    let mut ids: Vec<&str> = ctx
        .score
        .equipment
        .types
        .iter()
        .map(|t| t.type_id.as_str())
        .chain(
            previous_score
                .equipment
                .types
                .iter()
                .map(|t| t.type_id.as_str()),
        )
        .collect();
    // Catalogue order, then the types the catalogue lacks.
    let order = |id: &str| {
        ctx.bundle
            .pack
            .catalogue
            .types
            .iter()
            .position(|t| t.id == id)
            .unwrap_or(usize::MAX)
    };
    ids.sort_by_key(|id| (order(id), id.to_string()));
    ids.dedup();
    let now_of = |id: &str| ctx.score.equipment.types.iter().find(|t| t.type_id == id);
    let then_of = |id: &str| {
        previous_score
            .equipment
            .types
            .iter()
            .find(|t| t.type_id == id)
    };
    let present = |t: Option<&TypeScore>| t.and_then(|t| t.counts.present);
    let index = |t: Option<&TypeScore>| t.and_then(|t| t.index);
    let name = |id: &str| {
        ctx.bundle
            .pack
            .catalogue
            .get(id)
            .map_or_else(|| id.to_string(), |t| t.name.get(lang).clone())
    };
    // Only the types that changed (units present, or index by 0.05 or more).
    let changed = |id: &str| {
        let (now, then) = (now_of(id), then_of(id));
        present(now) != present(then)
            || match (index(now), index(then)) {
                (Some(a), Some(b)) => (a - b).abs() >= 0.05,
                (a, b) => a.is_some() != b.is_some(),
            }
    };
    let first_time = |id: &str| {
        ctx.detail == Detail::Summary
            && present(then_of(id)).is_none()
            && present(now_of(id)).is_some()
    };
    let firsts: Vec<String> = ids
        .iter()
        .filter(|id| first_time(id))
        .map(|id| name(id))
        .collect();
    let rows: Vec<Row> = ids
        .iter()
        .filter(|id| changed(id) && !first_time(id))
        .map(|id| {
            let (now, then) = (now_of(id), then_of(id));
            let shown = |t: Option<&TypeScore>| present(t).map_or("—".into(), |p| p.to_string());
            Row::new(vec![
                Cell::text(name(id)),
                Cell::text(format!("{} → {}", shown(then), shown(now))),
                Cell::text(score(lang, index(then))),
                Cell::text(score(lang, index(now))),
                change_cell(lang, index(now), index(then)),
            ])
        })
        .collect();
    if rows.is_empty() && firsts.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![Block::Heading {
        level: 2,
        text: ctx.w.equipment_compared.into(),
    }];
    if !rows.is_empty() {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(s.equipment_type, 3.6, Align::Left).one_line(),
                Column::new(s.present, 1.3, Align::Center).one_line(),
                Column::new(s.previous, 1.0, Align::Right).one_line(),
                Column::new(s.current, 1.0, Align::Right).one_line(),
                Column::new(s.change, 1.0, Align::Right).one_line(),
            ],
            rows,
        }));
    }
    if !firsts.is_empty() {
        blocks.push(Block::Paragraph {
            text: fill(ctx.w.first_audited, &[("list", &firsts.join("; "))]),
            style: TextStyle::Note,
        });
    }
    blocks
}

pub fn followup_blocks(
    ctx: &Ctx<'_>,
    previous: &Bundle,
    previous_score: &AssessmentScore,
) -> Vec<Block> {
    let s = ctx.s;
    let w = ctx.w;
    let h = &previous.header;
    let when = h.finalised_at.as_deref().unwrap_or(&h.created_at);
    let items = compare_items(ctx.bundle, previous);
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: w.followup.into(),
        },
        Block::Paragraph {
            text: fill(
                w.followup_intro,
                &[
                    ("kind", s.assessment_kind(h.kind)),
                    ("id", h.id.as_str()),
                    ("date", &s.date(when)),
                ],
            ),
            style: TextStyle::Body,
        },
    ];
    if ctx.bundle.header.status != Status::Final {
        blocks.push(Block::Paragraph {
            text: w.comparison_provisional.into(),
            style: TextStyle::Alert,
        });
    }
    blocks.extend(previous_plan(ctx));
    blocks.push(Block::Heading {
        level: 2,
        text: w.pillars_compared.into(),
    });
    blocks.push(Block::Table(pillars(ctx, previous_score, &items)));
    let drop = |(_, old, now, _): &&(String, Option<u8>, u8, ItemChange)| {
        old.map_or(0, |o| i16::from(o) - i16::from(*now))
    };
    let mut regressed: Vec<_> = items
        .iter()
        .filter(|(_, _, _, c)| *c == ItemChange::Regressed)
        .collect();
    regressed.sort_by_key(|x| std::cmp::Reverse(drop(x)));
    blocks.push(Block::Heading {
        level: 2,
        text: w.regressions.into(),
    });
    if regressed.is_empty() {
        blocks.push(Block::Paragraph {
            text: w.no_regressions.into(),
            style: TextStyle::Body,
        });
    } else {
        blocks.push(Block::Table(changed_table(ctx, &regressed)));
    }
    let mut improved: Vec<_> = items
        .iter()
        .filter(|(_, _, _, c)| *c == ItemChange::Improved)
        .collect();
    improved.sort_by_key(|x| drop(x));
    blocks.push(Block::Heading {
        level: 2,
        text: w.improvements.into(),
    });
    let shown = match ctx.detail {
        Detail::Full => improved.len(),
        Detail::Summary => improved.len().min(TOP_IMPROVED),
    };
    blocks.push(Block::Paragraph {
        text: fill(
            w.improvements_count,
            &[
                ("n", &improved.len().to_string()),
                ("shown", &shown.to_string()),
            ],
        ),
        style: TextStyle::Note,
    });
    if shown > 0 {
        blocks.push(Block::Table(changed_table(ctx, &improved[..shown])));
    }
    blocks.extend(equipment(ctx, previous_score));
    blocks
}
