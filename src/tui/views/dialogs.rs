//! Whatever lies over the screen: confirmations, prompts, forms, the notes
//! editor and the search; help and the reader are drawn by `help`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::block;
use super::equipment::type_name;
use super::help;
use super::items::{mark, mark_style};
use super::style::Theme;
use super::text::{cell, fit};
use crate::output::{visible, visible_line};
use crate::tui::i18n::{Texts, fill, texts};
use crate::tui::state::input::LineInput;
use crate::tui::state::{
    AppState, ConfirmKind, NoteTarget, NotesEditor, Overlay, Prompt, PromptKind, Search,
};

/// A centred rectangle of at most `width` × `height` inside `area`. Below 120
/// columns a box takes the full width, so no cut-off text peeks out beside it.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = if area.width < 120 {
        area.width
    } else {
        width.max(area.width * 2 / 3)
    };
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub fn draw_overlay(frame: &mut Frame<'_>, body: Rect, state: &AppState, theme: Theme) {
    let Some(overlay) = &state.overlay else {
        return;
    };
    let t = texts(state.lang);
    // Large overlays take the whole body, so no half-hidden text shows around them.
    let big = body;
    match overlay {
        Overlay::Help { scroll, .. } => help::help(frame, big, state, *scroll, theme),
        Overlay::Reader(reader) => {
            if let Some(ws) = &state.workspace {
                help::reader(frame, big, state, &ws.bundle.pack, reader, theme);
            }
        }
        Overlay::Confirm(kind) => confirm(frame, body, state, kind, t, theme),
        Overlay::Prompt(prompt) => prompt_box(frame, body, state, prompt, t, theme),
        Overlay::Form(form) => super::form::draw(
            frame,
            centred(body, 76, form.fields.len() as u16 + 6),
            form,
            t,
            theme,
        ),
        Overlay::Editor(editor) => notes_editor(frame, body, state, editor, t, theme),
        Overlay::Search(search) => search_box(frame, big, state, search, t, theme),
        Overlay::Choice(choice) => choice_box(frame, body, state, choice, theme),
    }
}

/// A short list to choose from.
fn choice_box(
    frame: &mut Frame<'_>,
    body: Rect,
    state: &AppState,
    choice: &crate::tui::state::Choice,
    theme: Theme,
) {
    let p = crate::tui::i18n::plan_texts(state.lang);
    let area = centred(body, 60, choice.options.len() as u16 + 4);
    frame.render_widget(Clear, area);
    let outer = block(
        format!(
            " {} ",
            fit(&choice.title, area.width.saturating_sub(4) as usize)
        ),
        true,
        theme,
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = inner.width as usize;
    let mut lines: Vec<Line<'_>> = choice
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let style = if i == choice.selected {
                theme.selected()
            } else {
                theme.plain()
            };
            Line::styled(cell(&format!(" {option}"), width), style)
        })
        .collect();
    lines.push(Line::styled(p.choice_hint, theme.dim()));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The title and hint of the plan's prompts.
fn plan_prompt(state: &AppState, kind: &PromptKind) -> Option<(String, &'static str)> {
    let p = crate::tui::i18n::plan_texts(state.lang);
    let t = texts(state.lang);
    use crate::tui::state::plan::PlanField;
    let target_name = |cite: &crate::domain::plan::Cite| match cite {
        crate::domain::plan::Cite::Item(id) => id.clone(),
        crate::domain::plan::Cite::Equipment(id) => state
            .workspace
            .as_ref()
            .map_or(id.clone(), |ws| type_name(ws, id, state.lang)),
    };
    Some(match kind {
        PromptKind::ActionField { number, field } => {
            let hint = match field {
                PlanField::Due => p.hint_due,
                PlanField::Cost => p.hint_cost,
                PlanField::Cites => p.hint_cites,
                _ => t.prompt_hint,
            };
            let mut name = p.fields[field.index()].to_string();
            if let Some(first) = name.get(..1) {
                name = first.to_uppercase() + &name[1..];
            }
            (
                fill(
                    p.prompt_field,
                    &[("field", &name), ("number", &number.to_string())],
                ),
                hint,
            )
        }
        PromptKind::ActionReason { number, status } => (
            fill(
                p.prompt_reason,
                &[
                    ("number", &number.to_string()),
                    (
                        "status",
                        crate::messages::terms::action_status(state.lang, *status),
                    ),
                ],
            ),
            t.prompt_hint,
        ),
        PromptKind::NewAction { cite } => (
            fill(p.prompt_new_action, &[("target", &target_name(cite))]),
            t.prompt_hint,
        ),
        PromptKind::FollowUpNote { number, outcome } => (
            format!(
                "{} — {}",
                fill(p.prompt_followup_note, &[("number", &number.to_string())]),
                crate::messages::terms::outcome(state.lang, *outcome)
            ),
            t.prompt_hint,
        ),
        PromptKind::FlagComment { target } => (
            fill(p.prompt_flag, &[("target", &target_name(target))]),
            t.prompt_hint,
        ),
        PromptKind::FlagReply { flag, comment } => (
            fill(
                p.prompt_reply,
                &[
                    ("flag", &flag.to_string()),
                    ("comment", &visible_line(comment)),
                ],
            ),
            t.prompt_hint,
        ),
        _ => return None,
    })
}

/// The notes editor, with what stands in the way of saving above it: a note
/// changed meanwhile elsewhere (theirs shown below mine, and the three ways
/// out), or a refusal (why, and where the text was kept).
fn notes_editor(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    editor: &NotesEditor,
    t: &Texts,
    theme: Theme,
) {
    let item = match &editor.target {
        NoteTarget::Item(id) => id.clone(),
        NoteTarget::Equipment(id) => state
            .workspace
            .as_ref()
            .map_or(id.clone(), |ws| type_name(ws, id, state.lang)),
    };
    let title = fill(t.editor_title, &[("item", &visible_line(&item))]);
    let outer = block(
        format!(" {} ", fit(&title, area.width.saturating_sub(4) as usize)),
        true,
        theme,
    );
    let inner = outer.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(outer, area);
    let mut banner: Vec<Line<'_>> = Vec::new();
    if let Some(conflict) = &editor.conflict {
        let at = conflict
            .at
            .replace('T', " ")
            .trim_end_matches('Z')
            .to_string();
        banner.push(Line::styled(
            fill(
                t.editor_conflict,
                &[("by", &visible_line(&conflict.by)), ("at", &at)],
            ),
            theme.error(),
        ));
        banner.push(Line::styled(t.editor_conflict_keys, theme.bold()));
    } else if let Some(why) = &editor.refused {
        banner.push(Line::styled(
            fill(t.editor_refused, &[("why", why)]),
            theme.error(),
        ));
        if let Some(path) = &editor.recovery {
            let path = path.display().to_string();
            banner.push(Line::styled(
                fill(t.editor_recovery, &[("path", &path)]),
                theme.bold(),
            ));
        }
    }
    let banner_rows = if banner.is_empty() {
        0
    } else {
        Paragraph::new(banner.clone())
            .wrap(Wrap { trim: true })
            .line_count(inner.width)
            .min(inner.height as usize / 2) as u16
    };
    let theirs_rows = if editor.conflict.is_some() {
        inner.height.saturating_sub(banner_rows) / 2
    } else {
        0
    };
    let [top, text, theirs] = Layout::vertical([
        Constraint::Length(banner_rows),
        Constraint::Min(1),
        Constraint::Length(theirs_rows),
    ])
    .areas(inner);
    if banner_rows > 0 {
        frame.render_widget(Paragraph::new(banner).wrap(Wrap { trim: true }), top);
    }
    frame.render_widget(&editor.textarea, text);
    if let Some(conflict) = &editor.conflict {
        let lines: Vec<Line<'_>> = visible(&conflict.theirs)
            .lines()
            .map(|l| Line::raw(l.to_string()))
            .collect();
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block(format!(" {} ", t.editor_theirs), false, theme)),
            theirs,
        );
    }
}

fn confirm(
    frame: &mut Frame<'_>,
    body: Rect,
    state: &AppState,
    kind: &ConfirmKind,
    t: &Texts,
    theme: Theme,
) {
    let id = state
        .workspace
        .as_ref()
        .map_or(String::new(), |w| w.bundle.header.id.to_string());
    let text = match kind {
        ConfirmKind::Delete { id, post } => fill(
            t.confirm_delete,
            &[("id", id.as_str()), ("post", post.as_str())],
        ),
        ConfirmKind::Submit => fill(t.confirm_submit, &[("id", &id)]),
        ConfirmKind::Finalise => fill(t.confirm_finalise, &[("id", &id)]),
        ConfirmKind::LoadDemo => t.confirm_demo.to_string(),
        ConfirmKind::ClearAnswer { item } => fill(t.confirm_clear, &[("item", item)]),
        ConfirmKind::Overwrite(request) => fill(
            t.confirm_overwrite,
            &[("path", &visible_line(&request.output.display().to_string()))],
        ),
    };
    let area = centred(body, 60, 8);
    let lines = vec![
        Line::raw(text),
        Line::raw(""),
        Line::styled(t.confirm_hint, theme.bold()),
    ];
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(block(String::new(), true, theme)),
        area,
    );
}

/// Draws a one-line input and puts the cursor in it.
pub fn input_line(
    frame: &mut Frame<'_>,
    area: Rect,
    input: &LineInput,
    focused: bool,
    theme: Theme,
) {
    let width = area.width as usize;
    let cursor = input.cursor();
    // Scroll so that the cursor stays visible in long texts.
    let start = cursor.saturating_sub(width.saturating_sub(1));
    let visible: String = input.text().chars().skip(start).take(width).collect();
    let style = if focused {
        theme.selected_unfocused()
    } else {
        theme.plain()
    };
    frame.render_widget(
        Paragraph::new(Line::styled(cell(&visible, width), style)),
        area,
    );
    if focused {
        frame.set_cursor_position(Position::new(area.x + (cursor - start) as u16, area.y));
    }
}

fn prompt_box(
    frame: &mut Frame<'_>,
    body: Rect,
    state: &AppState,
    prompt: &Prompt,
    t: &Texts,
    theme: Theme,
) {
    let planned = plan_prompt(state, &prompt.kind);
    let title = match &prompt.kind {
        _ if planned.is_some() => planned.as_ref().map_or(String::new(), |(t, _)| t.clone()),
        PromptKind::NotApplicable { item } => format!("{} — {item}", t.na_title),
        PromptKind::SectionNotApplicable { section, items } => {
            let name = state.workspace.as_ref().map_or(section.as_str(), |ws| {
                ws.bundle
                    .pack
                    .section_title(section)
                    .map_or(section.as_str(), |s| s.get(state.lang).as_str())
            });
            fill(
                t.section_na_title,
                &[("n", &items.len().to_string()), ("section", name)],
            )
        }
        PromptKind::Reopen => t.reopen_title.to_string(),
        PromptKind::Uncatalogued => t.uncatalogued_title.to_string(),
        PromptKind::Count { type_id, field } => {
            let names = [
                t.col_required,
                t.col_present,
                t.col_functional,
                t.col_in_use,
                t.col_trained,
                t.col_needed,
                t.col_maintained,
            ];
            let index = crate::tui::state::equipment::CountField::ALL
                .iter()
                .position(|f| f == field)
                .unwrap_or(0);
            let name = state
                .workspace
                .as_ref()
                .map_or(type_id.clone(), |ws| type_name(ws, type_id, state.lang));
            fill(t.count_title, &[("field", names[index]), ("type", &name)])
        }
        PromptKind::ExportPath { id } => format!("{} — {id}", t.export_title),
        PromptKind::FinaliseReason { completeness } => fill(
            t.finalise_reason_title,
            &[("percent", &super::text::percent(Some(*completeness)))],
        ),
        _ => String::new(),
    };
    let hint = match (&prompt.kind, &planned) {
        (_, Some((_, hint))) => hint,
        (PromptKind::Count { .. }, _) => t.count_hint,
        _ => t.prompt_hint,
    };
    let area = centred(body, 70, 7);
    frame.render_widget(Clear, area);
    let outer = block(
        format!(" {} ", fit(&title, area.width.saturating_sub(4) as usize)),
        true,
        theme,
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let label = match prompt.kind {
        PromptKind::ExportPath { .. } => format!("{}: ", t.export_file),
        _ => "› ".to_string(),
    };
    let label_w = label.chars().count() as u16;
    frame.render_widget(
        Paragraph::new(label),
        Rect::new(inner.x, inner.y + 1, label_w, 1),
    );
    let field = Rect::new(
        inner.x + label_w,
        inner.y + 1,
        inner.width.saturating_sub(label_w),
        1,
    );
    input_line(frame, field, &prompt.input, true, theme);
    let mut lines = Vec::new();
    if let Some(error) = &prompt.error {
        lines.push(Line::styled(error.clone(), theme.error()));
    } else {
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(hint, theme.dim()));
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(
            inner.x,
            inner.y + 2,
            inner.width,
            inner.height.saturating_sub(2),
        ),
    );
}

fn search_box(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    search: &Search,
    t: &Texts,
    theme: Theme,
) {
    frame.render_widget(Clear, area);
    let outer = block(format!(" {} ", t.search_title), true, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    input_line(
        frame,
        Rect::new(inner.x, inner.y, inner.width, 1),
        &search.input,
        true,
        theme,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(t.search_hint, theme.dim())),
        Rect::new(inner.x, inner.y + 1, inner.width, 1),
    );
    let Some(ws) = &state.workspace else {
        return;
    };
    let height = inner.height.saturating_sub(3) as usize;
    let width = inner.width as usize;
    let offset = super::scroll_offset(search.selected, search.results.len(), height);
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (i, &(p, pos)) in search.results.iter().enumerate().skip(offset).take(height) {
        let Some(item) = ws.item_at(p, pos) else {
            continue;
        };
        let response = ws.response(&item.id);
        let style = if i == search.selected {
            theme.selected()
        } else {
            theme.plain()
        };
        let text = format!(
            "P{} {}",
            p + 1,
            fit(&item.text.get(state.lang).question, width.saturating_sub(8))
        );
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} ", mark(&response, t)),
                mark_style(&response, theme),
            ),
            Span::styled(cell(&text, width.saturating_sub(4)), style),
        ]));
    }
    if lines.is_empty() && !search.input.text().trim().is_empty() {
        lines.push(Line::styled(t.no_match, theme.dim()));
    }
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(
            inner.x,
            inner.y + 3,
            inner.width,
            inner.height.saturating_sub(3),
        ),
    );
}
