//! The plan tab (the actions, each pillar against its target, the selected
//! action's fields) and the follow-up tab (the previous plan under review).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::hits::{Hits, Pane};
use super::style::Theme;
use super::text::{cell, fit, percent};
use super::{block, scroll_offset};
use crate::domain::plan::{Action, Cite, Priority};
use crate::domain::time;
use crate::messages::terms;
use crate::output::visible_line;
use crate::tui::i18n::{PlanTexts, fill, plan_texts, texts};
use crate::tui::state::AppState;
use crate::tui::state::plan::PlanField;
use crate::tui::state::workspace::WorkspaceState;

fn priority_style(priority: Priority, theme: Theme) -> ratatui::style::Style {
    match priority {
        Priority::Critical => theme.error(),
        Priority::High => theme.warn(),
        _ => theme.plain(),
    }
}

/// "P1 3/3 ✓ · P2 2/3 ▲1 2 · …": each pillar's level against its target.
fn targets_line(ws: &WorkspaceState, p: &PlanTexts) -> String {
    let parts: Vec<String> = ws
        .plan
        .targets
        .iter()
        .map(|v| {
            let level = v.gap.level.map_or("—".to_string(), |l| l.to_string());
            let mut text = fill(
                p.target_line,
                &[
                    ("pillar", &v.gap.pillar.to_string()),
                    ("level", &level),
                    ("target", &v.gap.target.to_string()),
                ],
            );
            if v.gap.gap() == Some(0) {
                text.push_str(" ✓");
            } else if !v.actions.is_empty() {
                text.push_str(&format!(" ▲{}", v.actions.len()));
            }
            text
        })
        .collect();
    format!("{}: {}", p.targets, parts.join(" · "))
}

pub fn draw_plan(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    ws: &WorkspaceState,
    theme: Theme,
    hits: &mut Hits,
) {
    let p = plan_texts(state.lang);
    let [head, list_area, detail_area] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(5),
        Constraint::Length(10),
    ])
    .areas(area);
    let width = head.width as usize;
    let filters = format!(
        "{}: {} · {}: {}",
        p.filter_status,
        ws.plan
            .status_filter
            .map_or(p.all, |s| terms::action_status(state.lang, s)),
        p.filter_agency,
        ws.plan.agency_shown().unwrap_or_else(|| p.all.to_string()),
    );
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(
                fit(&format!(" {}", targets_line(ws, p)), width),
                theme.bold(),
            ),
            Line::styled(fit(&format!(" {filters}"), width), theme.dim()),
        ]),
        head,
    );
    list(frame, list_area, state, ws, theme);
    detail(frame, detail_area, state, ws, theme);
    one_row_each(
        hits,
        Pane::Plan,
        list_area,
        ws.plan.visible().len(),
        ws.plan.selected,
    );
}

/// The zones of a bordered list that gives each entry one row.
fn one_row_each(hits: &mut Hits, pane: Pane, area: Rect, len: usize, selected: usize) {
    let inner = Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    let entries: Vec<Option<usize>> = (0..len).map(Some).collect();
    let offset = scroll_offset(selected, len, inner.height.into());
    hits.rows(pane, inner, &entries, offset, selected);
}

fn list(frame: &mut Frame<'_>, area: Rect, state: &AppState, ws: &WorkspaceState, theme: Theme) {
    let p = plan_texts(state.lang);
    let lang = state.lang;
    let visible = ws.plan.visible();
    let needed = crate::action_plan::needed_numbers(&ws.plan.targets);
    let today = state.today.clone();
    let width = area.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line<'_>> = Vec::new();
    if visible.is_empty() {
        let text = if ws.plan.records.actions.is_empty() {
            p.no_actions
        } else {
            p.no_match
        };
        let empty = Paragraph::new(Line::styled(text, theme.dim()))
            .wrap(Wrap { trim: true })
            .block(block(format!(" {} ", p.tab_plan), true, theme));
        frame.render_widget(empty, area);
        return;
    }
    let height = area.height.saturating_sub(2) as usize;
    let offset = scroll_offset(ws.plan.selected, visible.len(), height);
    for (i, action) in visible.iter().enumerate().skip(offset).take(height) {
        let selected = i == ws.plan.selected;
        let mark = format!(
            "{}{}",
            if needed.contains(&action.number) {
                "▲"
            } else {
                " "
            },
            if action.overdue_on(&today) { "!" } else { " " }
        );
        let row_style = if selected {
            theme.selected()
        } else {
            theme.plain()
        };
        let fixed = 2 + 4 + 10 + 12 + 11;
        lines.push(Line::from(vec![
            Span::styled(mark, theme.warn()),
            Span::styled(format!("{:>3} ", action.number), row_style),
            Span::styled(
                cell(terms::priority(lang, action.priority), 10),
                priority_style(action.priority, theme),
            ),
            Span::styled(
                cell(terms::action_status(lang, action.status), 12),
                row_style,
            ),
            Span::styled(
                cell(action.due.as_deref().unwrap_or("—"), 11),
                if action.overdue_on(&today) {
                    theme.error()
                } else {
                    row_style
                },
            ),
            Span::styled(
                cell(&visible_line(&action.title), width.saturating_sub(fixed)),
                row_style,
            ),
        ]));
    }
    let title = format!(
        " {} · {} · {} ",
        p.tab_plan,
        crate::messages::count(
            ws.plan.records.actions.len() as u32,
            crate::messages::pick(
                lang,
                [
                    ["action", "actions"],
                    ["acción", "acciones"],
                    ["ação", "ações"]
                ]
            )
        ),
        p.needed_mark
    );
    frame.render_widget(Paragraph::new(lines).block(block(title, true, theme)), area);
}

/// What a cite says: an item's question, an equipment type's name.
fn cite_text(ws: &WorkspaceState, cite: &Cite, lang: crate::domain::lang::Lang) -> String {
    match cite {
        Cite::Item(id) => ws.bundle.pack.item(id).map_or(id.clone(), |i| {
            format!("{id} — {}", i.text.get(lang).question)
        }),
        Cite::Equipment(id) => super::type_name(ws, id, lang),
    }
}

fn detail(frame: &mut Frame<'_>, area: Rect, state: &AppState, ws: &WorkspaceState, theme: Theme) {
    let p = plan_texts(state.lang);
    let lang = state.lang;
    let Some(action) = ws.plan.selected_action() else {
        frame.render_widget(block(String::new(), false, theme), area);
        return;
    };
    let today = state.today.clone();
    let width = area.width.saturating_sub(2) as usize;
    let label_w = p
        .fields
        .iter()
        .map(|f| f.chars().count())
        .max()
        .unwrap_or(8)
        + 1;
    let value = |field: PlanField, a: &Action| -> String {
        match field {
            PlanField::Title => visible_line(&a.title).into_owned(),
            PlanField::Priority => {
                let mut text = terms::priority(lang, a.priority).to_string();
                if let Some(proposed) = a.proposed_priority.filter(|x| *x != a.priority) {
                    let was = fill(
                        p.proposed_as,
                        &[("priority", terms::priority(lang, proposed))],
                    );
                    text.push_str(&format!(" ({was})"));
                }
                text
            }
            PlanField::Status => {
                let mut text = terms::action_status(lang, a.status).to_string();
                if let Some(reason) = &a.status_reason {
                    text.push_str(&format!(" — {}", visible_line(reason)));
                }
                if a.overdue_on(&today) {
                    text.push_str(&format!(" · {}", p.overdue));
                }
                text
            }
            PlanField::Agency => visible_line(&a.agency).into_owned(),
            PlanField::Due => a.due.clone().unwrap_or_default(),
            PlanField::Cost => a.cost.as_ref().map_or(String::new(), ToString::to_string),
            PlanField::Text => visible_line(&a.body.replace('\n', " ")).into_owned(),
            PlanField::Cites => a
                .cites
                .iter()
                .map(|c| cite_text(ws, c, lang))
                .collect::<Vec<_>>()
                .join(" · "),
        }
    };
    let lines: Vec<Line<'_>> = PlanField::ALL
        .iter()
        .map(|field| {
            let chosen = *field == ws.plan.field();
            let label_style = if chosen { theme.chosen() } else { theme.dim() };
            let text = value(*field, action);
            Line::from(vec![
                Span::styled(cell(p.fields[field.index()], label_w), label_style),
                Span::raw(" "),
                Span::raw(fit(
                    if text.is_empty() { "—" } else { &text },
                    width.saturating_sub(label_w + 1),
                )),
            ])
        })
        .collect();
    let title = format!(
        " #{} · {} ",
        action.number,
        fill(
            p.edited_by,
            &[
                ("by", &visible_line(&action.updated_by)),
                ("at", time::date_of(&action.updated_at)),
            ]
        )
    );
    frame.render_widget(
        Paragraph::new(lines).block(block(fit(&title, width), false, theme)),
        area,
    );
}

pub fn draw_followup(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    ws: &WorkspaceState,
    theme: Theme,
    hits: &mut Hits,
) {
    let p = plan_texts(state.lang);
    let lang = state.lang;
    let Some(review) = &ws.plan.records.followup else {
        return;
    };
    let len = review.entries.len();
    let s = review.summary();
    let [head, list_area, detail_area] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(5),
        Constraint::Length(6),
    ])
    .areas(area);
    let figures =
        crate::messages::plan::fill_followup(p.followup_figures, &s, &percent(s.closure_rate()));
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(
                format!(
                    " {}",
                    fill(p.followup_title, &[("previous", &review.previous)])
                ),
                theme.bold(),
            ),
            Line::raw(format!(" {figures}")),
        ])
        .wrap(Wrap { trim: false }),
        head,
    );
    let width = list_area.width.saturating_sub(2) as usize;
    let height = list_area.height.saturating_sub(2) as usize;
    let selected = ws.plan.followup_selected;
    one_row_each(hits, Pane::FollowUp, list_area, len, selected);
    let offset = scroll_offset(selected, review.entries.len(), height);
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (i, (action, found)) in review.entries.iter().enumerate().skip(offset).take(height) {
        let row_style = if i == selected {
            theme.selected()
        } else {
            theme.plain()
        };
        let outcome = found
            .as_ref()
            .map_or(p.to_review, |f| terms::outcome(lang, f.outcome));
        let outcome_style = match found.as_ref().map(|f| f.outcome) {
            Some(crate::domain::plan::Outcome::Done) => theme.ok(),
            Some(crate::domain::plan::Outcome::NotDone) => theme.error(),
            Some(_) => theme.warn(),
            None => theme.dim(),
        };
        let overdue = review.is_overdue(action, found.as_ref());
        let fixed = 1 + 4 + 12 + 19;
        lines.push(Line::from(vec![
            Span::styled(if overdue { "!" } else { " " }, theme.error()),
            Span::styled(format!("{:>3} ", action.number), row_style),
            Span::styled(
                cell(terms::action_status(lang, action.status), 12),
                theme.dim(),
            ),
            Span::styled(cell(outcome, 19), outcome_style),
            Span::styled(
                cell(&visible_line(&action.title), width.saturating_sub(fixed)),
                row_style,
            ),
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines).block(block(format!(" {} ", p.tab_followup), true, theme)),
        list_area,
    );
    let mut detail: Vec<Line<'_>> = Vec::new();
    if let Some((action, found)) = review.entries.get(selected) {
        let t = texts(lang);
        detail.push(Line::raw(format!(
            "{}: {} · {}: {} · {}: {}",
            p.status_then,
            terms::action_status(lang, action.status),
            p.fields[3],
            if action.agency.is_empty() {
                "—"
            } else {
                &action.agency
            },
            p.fields[4],
            action.due.as_deref().unwrap_or("—"),
        )));
        let note = found.as_ref().map_or("", |f| f.note.as_str());
        detail.push(Line::from(vec![
            Span::styled(format!("{}: ", t.notes), theme.heading()),
            Span::raw(if note.is_empty() {
                "—".to_string()
            } else {
                visible_line(note).into_owned()
            }),
        ]));
        if !action.body.is_empty() {
            detail.push(Line::styled(
                visible_line(&action.body.replace('\n', " ")).into_owned(),
                theme.dim(),
            ));
        }
    }
    frame.render_widget(
        Paragraph::new(detail)
            .wrap(Wrap { trim: true })
            .block(block(String::new(), false, theme)),
        detail_area,
    );
}
