//! Scrolling that stops where the text ends: the help, the procedure reader,
//! an item's detail and the summary. How far each may scroll is measured on the
//! same paragraph the view draws, at the terminal's size.

use crate::tui::action::Action;
use crate::tui::state::workspace::Tab;
use crate::tui::state::{AppState, Overlay, Reader};
use crate::tui::views::style::Theme;
use crate::tui::views::{body_rect, help, items, summary};
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

/// The furthest row a paragraph drawn in `area` may start at.
fn max_of(paragraph: &Paragraph<'_>, area: Rect) -> u16 {
    let rows = paragraph.line_count(area.width.saturating_sub(2));
    u16::try_from(rows.saturating_sub(area.height as usize)).unwrap_or(u16::MAX)
}

fn theme(state: &AppState) -> Theme {
    Theme { color: state.color }
}

pub fn help_max(state: &AppState) -> u16 {
    max_of(&help::help_paragraph(state, theme(state)), body_rect(state))
}

pub fn reader_max(state: &AppState, reader: &Reader) -> u16 {
    state.workspace.as_ref().map_or(0, |ws| {
        max_of(
            &help::reader_paragraph(state, &ws.bundle.pack, reader, theme(state)),
            body_rect(state),
        )
    })
}

pub fn detail_max(state: &AppState) -> u16 {
    let Some(ws) = &state.workspace else {
        return 0;
    };
    let [_, pane] = items::split(body_rect(state));
    items::detail_paragraph(state, ws, pane.width, theme(state)).map_or(0, |p| max_of(&p, pane))
}

pub fn summary_max(state: &AppState) -> u16 {
    let Some(ws) = &state.workspace else {
        return 0;
    };
    let [top, _] = summary::split(body_rect(state), ws);
    max_of(
        &summary::scores_paragraph(state, ws, top.width, theme(state)),
        top,
    )
}

/// `current` moved by a scrolling action, within `0..=max`; a page is the
/// visible height less one row of overlap.
pub fn scrolled(current: u16, action: &Action, max: u16, page: u16) -> u16 {
    let page = page.saturating_sub(1).max(1);
    let next = match action {
        Action::MoveUp => current.saturating_sub(1),
        Action::MoveDown => current.saturating_add(1),
        Action::PageUp | Action::ScrollDetailUp => current.saturating_sub(page),
        Action::PageDown | Action::ScrollDetailDown => current.saturating_add(page),
        Action::MoveFirst => 0,
        Action::MoveLast => max,
        _ => current,
    };
    next.min(max)
}

/// The rows a scrolled pane shows at the state's size.
pub fn page(state: &AppState) -> u16 {
    body_rect(state).height.saturating_sub(2)
}

/// After a resize, every scroll position within its new end.
pub fn clamp_all(state: &mut AppState) {
    let help = help_max(state);
    let reader = match &state.overlay {
        Some(Overlay::Reader(r)) => reader_max(state, r),
        _ => 0,
    };
    let (detail, summary) = (detail_max(state), summary_max(state));
    match &mut state.overlay {
        Some(Overlay::Help { scroll, .. }) => *scroll = (*scroll).min(help),
        Some(Overlay::Reader(r)) => r.scroll = r.scroll.min(reader),
        _ => {}
    }
    if let Some(ws) = state.workspace.as_mut() {
        if matches!(ws.tab(), Tab::Pillar(_)) {
            ws.detail_scroll = ws.detail_scroll.min(detail);
        }
        ws.summary_scroll = ws.summary_scroll.min(summary);
    }
}
