//! Drawing: a pure function of `&AppState` (no database, file or clock). The
//! frame: a header line, the screen, an optional message, the status line and
//! the footer of key hints generated from the key table.

mod dialogs;
mod equipment;
mod focus;
mod form;
pub mod help;
pub mod hits;
mod home;
pub mod items;
mod plan;
pub mod style;
pub mod summary;
pub mod text;

pub use equipment::type_name;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::i18n::{fill, texts};
use super::keymap;
use super::state::workspace::Tab;
use super::state::{AppState, SaveState, Screen, Tone};
use hits::{Hits, Target};
use style::Theme;
use text::fit;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the frame and says where its rows, tabs and panes went (for the mouse).
pub fn draw(frame: &mut Frame<'_>, state: &AppState) -> Hits {
    let area = frame.area();
    let theme = Theme { color: state.color };
    let mut hits = Hits::default();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, state, theme);
        return hits;
    }
    let [header, body, message, status, footer] = frame_areas(state, area);
    match (state.screen, &state.workspace) {
        (Screen::Workspace, Some(ws)) => {
            tabs(frame, header, state, ws, theme, &mut hits);
            let h = &mut hits;
            match ws.tab() {
                Tab::Pillar(_) if ws.focus => focus::draw(frame, body, state, ws, theme, h),
                Tab::Pillar(p) => items::draw(frame, body, state, ws, p, theme, h),
                Tab::Equipment => equipment::draw(frame, body, state, ws, theme, h),
                Tab::Plan => plan::draw_plan(frame, body, state, ws, theme, h),
                Tab::FollowUp => plan::draw_followup(frame, body, state, ws, theme, h),
                Tab::Summary => summary::draw(frame, body, state, ws, theme, h),
            }
        }
        _ => {
            let t = texts(state.lang);
            let title = Line::from(vec![
                Span::styled(" frontera", theme.heading()),
                Span::raw(format!(" · {}", t.posts)),
            ]);
            frame.render_widget(Paragraph::new(title), header);
            home::draw(frame, body, state, theme, &mut hits);
        }
    }
    if let Some(m) = &state.message {
        let style = match m.tone {
            Tone::Info => theme.ok(),
            Tone::Error => theme.error(),
        };
        frame.render_widget(message_paragraph(&m.text, theme).style(style), message);
    }
    status_line(frame, status, state, theme);
    footer_line(frame, footer, state, theme);
    dialogs::draw_overlay(frame, body, state, theme);
    hits
}

/// The frame's rows: header, body, message (when there is one, on as many
/// rows as it needs, up to three), status, keys.
fn frame_areas(state: &AppState, area: Rect) -> [Rect; 5] {
    let message_rows = state.message.as_ref().map_or(0, |m| {
        message_paragraph(&m.text, Theme { color: false })
            .line_count(area.width)
            .clamp(1, 3) as u16
    });
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(message_rows),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// Where the screen's body goes at the state's terminal size (for `update`,
/// which bounds scrolling by what fits).
pub fn body_rect(state: &AppState) -> Rect {
    let [_, body, ..] = frame_areas(state, Rect::new(0, 0, state.size.0, state.size.1));
    body
}

/// The first row to show of content `rows` tall in a bordered `area`, given
/// the wanted `scroll`: never past the end.
pub fn bounded(scroll: u16, rows: usize, area: Rect) -> u16 {
    let max = rows.saturating_sub(area.height as usize);
    scroll.min(u16::try_from(max).unwrap_or(u16::MAX))
}

/// Marks on a scrolled pane's foot: "more ↓" while rows remain below, "↑"
/// once it is scrolled, so text that goes on past the pane never looks
/// finished. Both go on the bottom border, where no title is.
pub fn scroll_marks(
    frame: &mut Frame<'_>,
    area: Rect,
    rows: usize,
    scroll: u16,
    theme: Theme,
    more: &str,
) {
    if area.width < 12 || area.height < 3 {
        return;
    }
    let mut marks = Vec::new();
    if scroll > 0 {
        marks.push("↑".to_string());
    }
    if rows > usize::from(scroll) + usize::from(area.height) {
        marks.push(format!("{more} ↓"));
    }
    if marks.is_empty() {
        return;
    }
    let mark = format!(" {} ", marks.join(" · "));
    let width = u16::try_from(mark.chars().count()).unwrap_or(u16::MAX);
    if width + 2 < area.width {
        let right = area.x + area.width - 1;
        let at = Rect::new(right - width, area.y + area.height - 1, width, 1);
        frame.render_widget(Paragraph::new(Span::styled(mark, theme.bold())), at);
    }
}

/// A message, wrapped (never cut: it may say why something failed).
fn message_paragraph(text: &str, _theme: Theme) -> Paragraph<'static> {
    Paragraph::new(Line::raw(format!(" {}", crate::output::visible_line(text))))
        .wrap(Wrap { trim: false })
}

fn too_small(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let t = texts(state.lang);
    let text = fill(
        t.too_small,
        &[
            ("w", &area.width.to_string()),
            ("h", &area.height.to_string()),
        ],
    );
    let height = 4.min(area.height);
    let y = area.y + area.height.saturating_sub(height) / 2;
    let paragraph = Paragraph::new(Line::styled(text, theme.bold()))
        .wrap(Wrap { trim: true })
        .centered();
    frame.render_widget(paragraph, Rect::new(area.x, y, area.width, height));
}

fn tabs(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    ws: &super::state::workspace::WorkspaceState,
    theme: Theme,
    hits: &mut Hits,
) {
    let t = texts(state.lang);
    let mut names: Vec<String> = ws
        .bundle
        .pack
        .pillars
        .iter()
        .map(|p| format!("{} {}", t.pillar, p.number))
        .collect();
    names.push(t.equipment.to_string());
    let p = super::i18n::plan_texts(state.lang);
    names.push(p.tab_plan.to_string());
    if ws.plan.records.followup.is_some() {
        names.push(p.tab_followup.to_string());
    }
    names.push(t.summary.to_string());
    // Too wide for the terminal: pillars by number only ("P1"), then every
    // name cut to fit.
    let width = area.width as usize;
    let total = |names: &[String]| names.iter().map(|n| n.chars().count() + 3).sum::<usize>() + 1;
    if total(&names) > width {
        for (i, pillar) in ws.bundle.pack.pillars.iter().enumerate() {
            names[i] = format!("P{}", pillar.number);
        }
    }
    if total(&names) > width {
        let each = (width.saturating_sub(1) / names.len().max(1))
            .saturating_sub(3)
            .max(2);
        for name in &mut names {
            *name = fit(name, each);
        }
    }
    let mut spans = vec![Span::raw(" ")];
    let mut x = area.x + 1;
    for (i, name) in names.iter().enumerate() {
        let style = if i == ws.tab {
            theme.chosen()
        } else {
            theme.plain()
        };
        let label = format!(" {name} ");
        let w = u16::try_from(label.chars().count()).unwrap_or(u16::MAX);
        let w = w.min((area.x + area.width).saturating_sub(x));
        hits.push(Rect::new(x, area.y, w, 1), Target::Tab(i), i == ws.tab);
        x = x.saturating_add(w).saturating_add(1);
        spans.push(Span::styled(label, style));
        spans.push(Span::styled("│", theme.dim()));
    }
    spans.pop();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn status_line(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let t = texts(state.lang);
    // The post's name goes in only when the rest leaves room for it.
    let (mut left, name) = if let (Screen::Workspace, Some(ws)) = (state.screen, &state.workspace) {
        let header = &ws.bundle.header;
        let mut text = format!(
            " {} · {} · {}",
            ws.bundle.post.code,
            header.id,
            t.status(header.status)
        );
        if ws.locked() {
            text.push_str(&format!(" ({})", t.read_only));
        }
        (text, ws.bundle.post.name.as_str())
    } else if let Some(post) = state.home.selected_post() {
        (format!(" {}", post.code), post.name.as_str())
    } else {
        (String::new(), "")
    };
    let save = match &state.save_shown() {
        SaveState::Idle => String::new(),
        SaveState::Saving => t.saving.to_string(),
        SaveState::Saved => t.saved.to_string(),
        SaveState::Failed(_) => t.not_saved.trim_end_matches(':').to_string(),
    };
    let export = if state.export.is_some() {
        const SPINNER: [&str; 4] = ["◐", "◓", "◑", "◒"];
        format!("{} {} ", SPINNER[(state.ticks % 4) as usize], t.exporting)
    } else {
        String::new()
    };
    let save = if save.is_empty() {
        save
    } else {
        format!("{save} · ")
    };
    let right = format!("{export}{save}{}: {} ", t.evaluator, state.actor);
    let width = area.width as usize;
    let right_width = right.chars().count();
    let room = width.saturating_sub(right_width + left.chars().count() + 4);
    if !name.is_empty() && room >= 10 {
        left.push_str(&format!(" · {}", fit(name, room)));
    }
    let left = text::cell(&left, width.saturating_sub(right_width + 1));
    let line = Line::from(vec![Span::raw(left), Span::raw(" "), Span::raw(right)]);
    frame.render_widget(Paragraph::new(line).style(theme.status_bar()), area);
}

fn footer_line(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme) {
    let hints = keymap::footer(
        state.mode(),
        state.lang,
        &crate::tui::availability::KeyContext::of(state),
    );
    let mut spans = vec![Span::raw(" ")];
    let width = area.width as usize + 2; // the last hint needs no separator
    let cost = |(k, h): &(String, &str)| k.chars().count() + h.chars().count() + 3;
    // Help and quit (the last two) always show; the others in table order
    // while they fit.
    let split = hints.len().saturating_sub(2);
    let reserve: usize = hints[split..].iter().map(cost).sum();
    let mut used = 1;
    let mut shown: Vec<&(String, &str)> = Vec::new();
    for hint in &hints[..split] {
        if used + cost(hint) + reserve > width {
            break;
        }
        used += cost(hint);
        shown.push(hint);
    }
    shown.extend(&hints[split..]);
    for (keys, help) in shown {
        spans.push(Span::styled(keys.clone(), theme.bold()));
        spans.push(Span::raw(format!(" {help}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A bordered block with a title, focused or not.
pub fn block(title: String, focused: bool, theme: Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focused()
        } else {
            theme.border()
        })
        .title(Span::styled(title, theme.bold()))
}

/// The first visible row of a list of `len` rows showing `height`, keeping
/// `selected` in view (centred when the list scrolls).
pub fn scroll_offset(selected: usize, len: usize, height: usize) -> usize {
    if len <= height || height == 0 {
        return 0;
    }
    selected.saturating_sub(height / 2).min(len - height)
}
