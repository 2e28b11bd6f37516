//! The `?` help, generated from the key table, and the procedure reader.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::block;
use super::style::Theme;
use super::text::cell;
use crate::domain::pack::Pack;
use crate::tui::i18n::texts;
use crate::tui::keymap::{self, Section};
use crate::tui::state::{AppState, Reader};

pub fn help(frame: &mut Frame<'_>, area: Rect, state: &AppState, scroll: u16, theme: Theme) {
    let paragraph = help_paragraph(state, theme);
    let rows = paragraph.line_count(area.width.saturating_sub(2));
    frame.render_widget(Clear, area);
    frame.render_widget(
        paragraph.scroll((super::bounded(scroll, rows, area), 0)),
        area,
    );
}

/// The help as one paragraph (to draw it, and to know how far it scrolls).
pub fn help_paragraph(state: &AppState, theme: Theme) -> Paragraph<'static> {
    let t = texts(state.lang);
    let sections = [
        (Section::Everywhere, t.help_everywhere),
        (Section::Home, t.help_home),
        (Section::Items, t.help_items),
        (Section::Equipment, t.help_equipment),
        (
            Section::Plan,
            crate::tui::i18n::plan_texts(state.lang).help_plan,
        ),
        (Section::Summary, t.help_summary),
        (Section::Reader, t.help_reader),
        (Section::Editor, t.help_editor),
        (Section::Dialogs, t.help_dialogs),
    ];
    let mut lines = vec![Line::raw(t.help_intro), Line::raw("")];
    for (section, title) in sections {
        lines.push(Line::styled(title, theme.heading()));
        let mut shown: Vec<(String, &str)> = Vec::new();
        for binding in keymap::section(section) {
            let entry = (
                keymap::keys_label(binding, state.lang),
                keymap::help_text(binding, state.lang),
            );
            if !shown.contains(&entry) {
                shown.push(entry);
            }
        }
        for (keys, help) in shown {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", cell(&keys, 20)), theme.bold()),
                Span::raw(help),
            ]));
        }
        lines.push(Line::raw(""));
    }
    let legend: Vec<String> = crate::domain::scoring::Flag::ALL
        .iter()
        .map(|f| format!("{} {}", t.flag_letter(*f), t.flag(*f)))
        .collect();
    lines.push(Line::styled(
        format!("{}: {}", t.col_flags, legend.join(" · ")),
        theme.dim(),
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled(t.help_mouse, theme.dim()));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block(format!(" {} ", t.keys_title), true, theme))
}

pub fn reader(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    pack: &Pack,
    reader: &Reader,
    theme: Theme,
) {
    let paragraph = reader_paragraph(state, pack, reader, theme);
    let rows = paragraph.line_count(area.width.saturating_sub(2));
    frame.render_widget(Clear, area);
    frame.render_widget(
        paragraph.scroll((super::bounded(reader.scroll, rows, area), 0)),
        area,
    );
}

/// A cited procedure as one paragraph.
pub fn reader_paragraph<'a>(
    state: &AppState,
    pack: &'a Pack,
    reader: &Reader,
    theme: Theme,
) -> Paragraph<'a> {
    let t = texts(state.lang);
    let lang = state.lang;
    let id = reader
        .procedures
        .get(reader.index)
        .map_or("", String::as_str);
    let mut lines: Vec<Line<'_>> = Vec::new();
    let title = match pack.procedures.get(id) {
        Some(procedure) => {
            let text = procedure.text.get(lang);
            let mut part = |heading: &'static str, body: Vec<String>, numbered: bool| {
                if body.iter().all(|b| b.trim().is_empty()) {
                    return;
                }
                lines.push(Line::styled(heading, theme.heading()));
                for (i, entry) in body.into_iter().enumerate() {
                    let lead = if numbered {
                        format!("{}. ", i + 1)
                    } else {
                        "• ".to_string()
                    };
                    lines.push(Line::raw(format!("{lead}{entry}")));
                }
                lines.push(Line::raw(""));
            };
            part(t.purpose, vec![text.purpose.clone()], false);
            part(t.basis, vec![text.basis.clone()], false);
            part(t.roles, text.roles.clone(), false);
            part(t.steps, text.steps.clone(), true);
            part(t.records, text.records.clone(), false);
            part(t.failures, text.common_failures.clone(), false);
            if !procedure.sources.is_empty() {
                part(t.sources, procedure.sources.clone(), false);
            }
            text.title.clone()
        }
        None => id.to_string(),
    };
    let position = format!(" ({}/{})", reader.index + 1, reader.procedures.len());
    lines.push(Line::styled(t.reader_hint, theme.dim()));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block(format!(" {title}{position} "), true, theme))
}
