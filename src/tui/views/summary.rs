//! The summary tab: per-pillar score and level as bars, completeness, marks for
//! provisional and gated pillars, the equipment index, the change since the
//! previous final assessment, critical gaps and the weakest items.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::block;
use super::hits::{Hits, Pane};
use super::style::Theme;
use super::text::{bar, cell, fit, percent, right};
use crate::domain::pack::Item;
use crate::tui::i18n::{fill, texts};
use crate::tui::state::AppState;
use crate::tui::state::workspace::WorkspaceState;

pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    ws: &WorkspaceState,
    theme: Theme,
    hits: &mut Hits,
) {
    let [top, bottom] = split(area, ws);
    scores(frame, top, state, ws, theme);
    let [gaps_area, weak_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(bottom);
    lists(frame, gaps_area, weak_area, state, ws, theme);
    // Both lists are one selection: the weakest items number on from the gaps.
    let (gaps, weak) = ws.summary_items();
    let selected = ws.summary_selected;
    for (area, first, len) in [
        (gaps_area, 0, gaps.len()),
        (weak_area, gaps.len(), weak.len()),
    ] {
        let inner = Rect::new(
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            area.height.saturating_sub(2),
        );
        let here = selected.checked_sub(first).filter(|n| *n < len);
        let offset = super::scroll_offset(here.unwrap_or(0), len, inner.height.into());
        let entries: Vec<Option<usize>> = (first..first + len).map(Some).collect();
        hits.rows(Pane::Summary, inner, &entries, offset, selected);
    }
}

/// The scores above, the lists below.
pub fn split(area: Rect, ws: &WorkspaceState) -> [Rect; 2] {
    let pillars = ws.score.pillars.len() as u16;
    let records = &ws.plan.records;
    let plan_rows = 1
        + u16::from(records.followup.is_some())
        + u16::from(records.open_flags().next().is_some());
    let top_height = (pillars * 2 + 6 + plan_rows).min(area.height.saturating_sub(4));
    Layout::vertical([Constraint::Length(top_height), Constraint::Min(0)]).areas(area)
}

fn scores(frame: &mut Frame<'_>, area: Rect, state: &AppState, ws: &WorkspaceState, theme: Theme) {
    let paragraph = scores_paragraph(state, ws, area.width, theme);
    let rows = paragraph.line_count(area.width.saturating_sub(2));
    let scroll = super::bounded(ws.summary_scroll, rows, area);
    frame.render_widget(paragraph.scroll((scroll, 0)), area);
    let more = crate::tui::i18n::texts(state.lang).more;
    super::scroll_marks(frame, area, rows, scroll, theme, more);
}

/// The per-pillar scores, the overall line and the comparison, for a pane
/// `width` wide.
pub fn scores_paragraph<'a>(
    state: &AppState,
    ws: &'a WorkspaceState,
    width: u16,
    theme: Theme,
) -> Paragraph<'a> {
    let area = Rect::new(0, 0, width, 0);
    let t = texts(state.lang);
    let lang = state.lang;
    let width = area.width.saturating_sub(2) as usize;
    let bar_w = if width >= 120 { 40 } else { 16 };
    let mut lines: Vec<Line<'_>> = Vec::new();
    let show = |v: Option<f64>| v.map_or("—".to_string(), |v| lang.number(v, 2));
    for p in &ws.score.pillars {
        let title = ws
            .bundle
            .pack
            .pillar(p.pillar)
            .map_or(String::new(), |x| x.title.get(lang).clone());
        let mut marks: Vec<&str> = Vec::new();
        if p.provisional {
            marks.push(t.provisional);
        }
        if p.gated {
            marks.push(t.gated);
        }
        let marks = if marks.is_empty() {
            String::new()
        } else {
            format!(" ({})", marks.join(", "))
        };
        let heading = format!("{}. {}", p.pillar, title);
        lines.push(Line::from(vec![
            Span::styled(
                fit(&heading, width.saturating_sub(marks.chars().count())),
                theme.bold(),
            ),
            Span::styled(marks, theme.warn()),
        ]));
        let level = p
            .level
            .map_or("—".to_string(), |l| format!("{l} {}", t.level_name(l)));
        let level_style = p.level.map_or(theme.dim(), |l| theme.level(l));
        let mut spans = vec![
            Span::raw("   "),
            Span::styled(bar(p.score.unwrap_or(0.0) / 4.0, bar_w), level_style),
            Span::raw(format!(" {} ", right(&show(p.score), 4))),
            Span::styled(cell(&level, 17), level_style),
            target_span(ws, p.pillar, p.level, theme),
            Span::styled(bar(p.completeness.unwrap_or(0.0), bar_w / 2), theme.dim()),
            Span::raw(format!(" {}", right(&percent(p.completeness), 5))),
        ];
        if let Some(prev) = ws.previous.as_ref().and_then(|x| x.score.pillar(p.pillar)) {
            let change = match (p.score, prev.score) {
                (Some(now), Some(then)) => {
                    let d = now - then;
                    let sign = if d > 0.0 {
                        "+"
                    } else if d < 0.0 {
                        "−"
                    } else {
                        "±"
                    };
                    format!("  {sign}{}", lang.number(d.abs(), 2))
                }
                _ => "  —".to_string(),
            };
            spans.push(Span::styled(change, theme.bold()));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    let overall_level = ws
        .score
        .overall_level
        .map_or("—".to_string(), |l| format!("{l} {}", t.level_name(l)));
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", t.overall), theme.heading()),
        Span::styled(
            format!("{} · {}", show(ws.score.overall_score), overall_level),
            theme.bold(),
        ),
    ]));
    if let (Some(limit), Some(first)) = (
        ws.bundle.pack.scoring.serious_deficiency_at_or_below,
        ws.score.serious_deficiency.first(),
    ) {
        let text = fill(
            t.serious_deficiency,
            &[
                ("n", &ws.score.serious_deficiency.len().to_string()),
                ("limit", &limit.to_string()),
                ("cap", &(first.level + 1).to_string()),
            ],
        );
        lines.push(Line::styled(fit(&text, width), theme.error()));
    }
    lines.push(Line::from(vec![
        Span::styled(
            format!("{}: ", fit(t.eui, width.saturating_sub(bar_w + 8))),
            theme.heading(),
        ),
        Span::raw(format!("{} ", show(ws.score.equipment.eui))),
        Span::styled(
            bar(ws.score.equipment.eui.unwrap_or(0.0), bar_w),
            theme.ok(),
        ),
    ]));
    let compare = match &ws.previous {
        Some(prev) => fill(
            t.change_since,
            &[(
                "date",
                &prev.created_at.chars().take(10).collect::<String>(),
            )],
        ),
        None => t.no_previous.to_string(),
    };
    lines.push(Line::styled(fit(&compare, width), theme.dim()));
    lines.extend(plan_lines(state, ws, width, theme));
    Paragraph::new(lines).block(block(format!(" {} ", t.summary), true, theme))
}

/// "→3" after a pillar's level: its target, with the gap when not reached.
fn target_span(ws: &WorkspaceState, pillar: u8, level: Option<u8>, theme: Theme) -> Span<'static> {
    let target = crate::domain::plan::propose::target_of(&ws.bundle.header.targets, pillar);
    let style = if level.is_some_and(|l| l >= target) {
        theme.ok()
    } else {
        theme.warn()
    };
    // The gap, when there is one: "→3 −2".
    let gap = level.map_or(0, |l| target.saturating_sub(l));
    let text = if gap > 0 {
        format!("→{target} −{gap} ")
    } else {
        format!("→{target}    ")
    };
    Span::styled(text, style)
}

/// The plan's figures: actions open and overdue, the previous plan's
/// closure, open review flags.
fn plan_lines(
    state: &AppState,
    ws: &WorkspaceState,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let p = crate::tui::i18n::plan_texts(state.lang);
    let records = &ws.plan.records;
    let today = state.today.as_str();
    let open = records
        .actions
        .iter()
        .filter(|a| a.status.is_open())
        .count();
    let overdue = records
        .actions
        .iter()
        .filter(|a| a.overdue_on(today))
        .count();
    let mut lines = vec![Line::styled(
        fit(
            &fill(
                p.summary_plan,
                &[
                    ("n", &records.actions.len().to_string()),
                    ("open", &open.to_string()),
                    ("overdue", &overdue.to_string()),
                ],
            ),
            width,
        ),
        theme.bold(),
    )];
    if let Some(review) = &records.followup {
        let s = review.summary();
        lines.push(Line::raw(fit(
            &fill(
                p.summary_followup,
                &[
                    ("previous", &review.previous),
                    ("rate", &percent(s.closure_rate())),
                    ("overdue", &s.overdue.to_string()),
                    ("pending", &s.pending().to_string()),
                ],
            ),
            width,
        )));
    }
    let flags = records.open_flags().count();
    if flags > 0 {
        lines.push(Line::styled(
            fit(&fill(p.summary_flags, &[("n", &flags.to_string())]), width),
            theme.error(),
        ));
    }
    lines
}

fn lists(
    frame: &mut Frame<'_>,
    gaps_area: Rect,
    weak_area: Rect,
    state: &AppState,
    ws: &WorkspaceState,
    theme: Theme,
) {
    let t = texts(state.lang);
    let lang = state.lang;
    let (gaps, weak) = ws.summary_items();
    // One figure when every pillar has the same target, the highest otherwise.
    let target = ws
        .bundle
        .header
        .targets
        .iter()
        .max()
        .copied()
        .unwrap_or(ws.bundle.header.target_level)
        .to_string();
    let selected = ws.summary_selected;
    // `first`: the list's first line's place in the selection order.
    let render = |frame: &mut Frame<'_>,
                  items: &[(&Item, u8, Option<u8>)],
                  first: usize,
                  area: Rect,
                  title: String| {
        let width = area.width.saturating_sub(2) as usize;
        let height = area.height.saturating_sub(2) as usize;
        let here = selected.checked_sub(first).filter(|n| *n < items.len());
        let offset = super::scroll_offset(here.unwrap_or(0), items.len(), height);
        let mut lines: Vec<Line<'_>> = items
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(n, (item, level, before))| {
                // A regression says from where: "1 ↓3".
                let was = before.map_or_else(String::new, |b| format!("↓{b} "));
                let question = fit(
                    item.text.get(lang).list_text(),
                    width.saturating_sub(2 + was.chars().count()),
                );
                let text = if here == Some(n) {
                    Span::styled(question, theme.selected())
                } else {
                    Span::raw(question)
                };
                Line::from(vec![
                    Span::styled(format!("{level} "), theme.level(*level)),
                    Span::styled(was, theme.warn()),
                    text,
                ])
            })
            .collect();
        if lines.is_empty() {
            lines.push(Line::styled(t.none, theme.dim()));
        }
        frame.render_widget(
            Paragraph::new(lines).block(block(fit(&title, width), false, theme)),
            area,
        );
        let scroll = u16::try_from(offset).unwrap_or(u16::MAX);
        super::scroll_marks(frame, area, items.len() + 2, scroll, theme, t.more);
    };
    render(
        frame,
        &gaps,
        0,
        gaps_area,
        format!(" {} ", fill(t.critical_gaps, &[("level", &target)])),
    );
    render(
        frame,
        &weak,
        gaps.len(),
        weak_area,
        format!(" {} ", t.weakest),
    );
}
