//! The action plan as a manager tracks it: each action with its priority,
//! the responsible agency, the due date, the cost and the status, linked to
//! the findings it answers. Without stored actions, what the scores propose.

use super::assessment::Ctx;
use super::{Align, Block, Cell, Column, Row, RowKind, Table, TextStyle, Tone};
use crate::domain::plan::{Action, ActionStatus, Cite, Priority};
use crate::messages::{fill, terms};

fn priority_cell(ctx: &Ctx<'_>, priority: Priority) -> Cell {
    let mut cell = Cell::text(terms::priority(ctx.lang, priority));
    cell.bold = priority == Priority::Critical;
    if priority == Priority::Critical {
        cell.tone = Tone::Bad;
    }
    cell
}

/// The names of what an action cites (item questions, equipment types).
fn cited(ctx: &Ctx<'_>, cites: &[Cite]) -> String {
    let names: Vec<String> = cites
        .iter()
        .take(4)
        .map(|c| match c {
            Cite::Item(id) => ctx
                .bundle
                .pack
                .item(id)
                .map_or(id.clone(), |i| i.text.get(ctx.lang).question.clone()),
            Cite::Equipment(id) => ctx
                .bundle
                .pack
                .catalogue
                .get(id)
                .map_or(id.clone(), |t| t.name.get(ctx.lang).clone()),
        })
        .collect();
    let mut text = names.join("; ");
    if cites.len() > 4 {
        text.push_str(&format!(" (+{})", cites.len() - 4));
    }
    text
}

/// Where a click on the action goes: the first item it cites.
fn target(cites: &[Cite]) -> Option<String> {
    cites.iter().find_map(|c| match c {
        Cite::Item(id) => Some(Ctx::item_anchor(id)),
        Cite::Equipment(_) => None,
    })
}

fn action_row(ctx: &Ctx<'_>, a: &Action, needed: bool) -> Row {
    let w = ctx.w;
    let mut number = format!("{}", a.number);
    if needed {
        number.push_str(" ▲");
    }
    let mut action = Cell::text(a.title.clone())
        .with_muted(fill(w.answers, &[("cites", &cited(ctx, &a.cites))]));
    if let Some(anchor) = target(&a.cites) {
        action = action.with_link(anchor);
    }
    let overdue = a.overdue_on(crate::report::strings::iso_date(ctx.date));
    let mut status = Cell::text(terms::action_status(ctx.lang, a.status));
    if overdue {
        status = Cell::toned(status.text, Tone::Bad).with_muted(w.overdue);
    }
    if let (ActionStatus::Dropped, Some(reason)) = (a.status, &a.status_reason) {
        status = status.with_muted(reason.trim().to_string());
    }
    // Dates in tables are written YYYY-MM-DD: short and read the same way in
    // every language.
    let mut due = Cell::text(a.due.clone().unwrap_or_else(|| "—".into()));
    if let Some(cost) = &a.cost {
        due = due.with_muted(cost.to_string());
    }
    Row {
        cells: vec![
            Cell::text(number),
            action,
            priority_cell(ctx, a.priority),
            Cell::text(if a.agency.trim().is_empty() {
                "—".to_string()
            } else {
                a.agency.trim().to_string()
            }),
            due,
            status,
        ],
        kind: if a.priority == Priority::Critical {
            RowKind::Alert
        } else {
            RowKind::Normal
        },
        anchor: Some(Ctx::action_anchor(a.number)),
    }
}

fn columns(ctx: &Ctx<'_>) -> Vec<Column> {
    let w = ctx.w;
    vec![
        Column::new("#", 0.7, Align::Right).one_line(),
        Column::new(w.action, 4.1, Align::Left).one_line(),
        Column::new(ctx.s.priority, 0.95, Align::Left).one_line(),
        Column::new(w.responsible, 1.5, Align::Left).one_line(),
        Column::new(w.due_cost, 1.25, Align::Left).one_line(),
        Column::new(ctx.s.status, 1.1, Align::Left).one_line(),
    ]
}

/// What the scores propose, when no action is stored yet.
fn proposals(ctx: &Ctx<'_>) -> Vec<Row> {
    crate::action_plan::proposals(ctx.bundle, &ctx.score, ctx.lang)
        .into_iter()
        .enumerate()
        .map(|(n, (p, _))| {
            let mut action = Cell::text(p.action.title.clone()).with_muted(fill(
                ctx.w.answers,
                &[("cites", &cited(ctx, &p.action.cites))],
            ));
            if let Some(anchor) = target(&p.action.cites) {
                action = action.with_link(anchor);
            }
            Row::new(vec![
                Cell::text(format!("P{}", n + 1)),
                action,
                priority_cell(ctx, p.action.priority),
                Cell::text("—"),
                Cell::text("—"),
                Cell::text(terms::action_status(ctx.lang, ActionStatus::Proposed)),
            ])
        })
        .collect()
}

pub fn plan_blocks(ctx: &Ctx<'_>) -> Vec<Block> {
    let w = ctx.w;
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: ctx.s.action_plan.into(),
    }];
    let needed = crate::action_plan::needed_numbers(&ctx.targets);
    if ctx.plan.actions.is_empty() {
        let rows = proposals(ctx);
        if rows.is_empty() {
            blocks.push(Block::Paragraph {
                text: ctx.s.plan_empty.into(),
                style: TextStyle::Body,
            });
            return blocks;
        }
        blocks.push(Block::Paragraph {
            text: w.plan_not_agreed.into(),
            style: TextStyle::Alert,
        });
        blocks.push(Block::Table(Table {
            columns: columns(ctx),
            rows,
        }));
        return blocks;
    }
    blocks.push(Block::Paragraph {
        text: w.plan_intro.into(),
        style: TextStyle::Note,
    });
    blocks.push(Block::Table(Table {
        columns: columns(ctx),
        rows: ctx
            .plan
            .actions
            .iter()
            .map(|a| action_row(ctx, a, needed.contains(&a.number)))
            .collect(),
    }));
    blocks
}
