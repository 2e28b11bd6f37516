//! A pillar tab: its sections and items with their marks, and the selected
//! item's detail (question, levels, notes, guidance, recommendation, procedures).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::hits::{Hits, Pane, Target};
use super::style::Theme;
use super::text::fit;
use super::{block, scroll_offset};
use crate::domain::assessment::Response;
use crate::domain::pack::Item;
use crate::output::{visible, visible_line};
use crate::tui::i18n::{Texts, texts};
use crate::tui::state::AppState;
use crate::tui::state::workspace::WorkspaceState;

pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    ws: &WorkspaceState,
    pillar: usize,
    theme: Theme,
    hits: &mut Hits,
) {
    let [left, right] = split(area);
    list(frame, left, state, ws, pillar, theme, hits);
    detail(frame, right, state, ws, theme);
    hits.push(right, Target::Detail, false);
}

/// The list on the left and the detail on the right.
pub fn split(area: Rect) -> [Rect; 2] {
    // 45 %: at 80 columns a list row shows a whole label (28 characters).
    let list_width = 45;
    Layout::horizontal([
        Constraint::Percentage(list_width),
        Constraint::Percentage(100 - list_width),
    ])
    .areas(area)
}

/// The mark of a response: `·` open, the level, or N/A.
pub fn mark(response: &Response, t: &Texts) -> String {
    match response {
        Response::Open => "  ·".into(),
        Response::Level(l) => format!("  {l}"),
        Response::NotApplicable { .. } => t.na.into(),
    }
}

/// The list mark of a carried-over answer still to confirm: ` ↺3`, ` ↺x`
/// (N/A), ` ↺·` (only a note).
pub fn carried_mark(response: &Response) -> String {
    match response {
        Response::Level(l) => format!(" ↺{l}"),
        Response::NotApplicable { .. } => " ↺x".into(),
        Response::Open => " ↺·".into(),
    }
}

pub fn mark_style(response: &Response, theme: Theme) -> ratatui::style::Style {
    match response {
        Response::Open => theme.dim(),
        Response::Level(l) => theme.level(*l).add_modifier(ratatui::style::Modifier::BOLD),
        Response::NotApplicable { .. } => theme.plain(),
    }
}

fn list(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    ws: &WorkspaceState,
    pillar: usize,
    theme: Theme,
    hits: &mut Hits,
) {
    let t = texts(state.lang);
    let lang = state.lang;
    let Some(p) = ws.bundle.pack.pillars.get(pillar) else {
        return;
    };
    let score = ws.score.pillar(p.number);
    let (done, total) = score.map_or((0, 0), |s| {
        (
            s.checklist.answered + s.checklist.not_applicable,
            s.checklist.applicable,
        )
    });
    let width = area.width.saturating_sub(2) as usize;
    // The filters on, so a short list never looks like a short pillar.
    let filters = crate::tui::i18n::filter_texts(lang);
    let active: Vec<&str> = crate::tui::state::filters::ItemFilter::ALL
        .iter()
        .zip(filters.names)
        .filter(|(f, _)| ws.filters.is_on(**f))
        .map(|(_, name)| name)
        .collect();
    let suffix = if active.is_empty() {
        format!(" {done}/{total} ")
    } else {
        format!(
            " {done}/{total} · {}: {} ",
            filters.shown,
            active.join(", ")
        )
    };
    let title = format!(
        " {}. {}",
        p.number,
        fit(
            p.title.get(lang),
            width.saturating_sub(suffix.chars().count() + 5)
        )
    ) + &suffix;
    // Rows: a header per section, then its items; remember the selected row.
    let mut rows: Vec<Line<'_>> = Vec::new();
    let mut entries: Vec<Option<usize>> = Vec::new();
    let mut selected_row = 0;
    let mut section = "";
    let selected = ws.selected[pillar];
    for pos in 0..ws.items[pillar].len() {
        let Some(item) = ws.item_at(pillar, pos) else {
            continue;
        };
        if item.section != section {
            section = &item.section;
            let (d, n) = ws.section_progress(section);
            let name = ws
                .bundle
                .pack
                .section_title(section)
                .map_or(section, |s| s.get(lang).as_str());
            let progress = format!(" {d}/{n}");
            let name = fit(name, width.saturating_sub(progress.chars().count()));
            rows.push(Line::from(vec![
                Span::styled(name, theme.heading()),
                Span::styled(progress, theme.dim()),
            ]));
            entries.push(None);
        }
        if pos == selected {
            selected_row = rows.len();
        }
        rows.push(item_row(item, ws, t, lang, width, pos == selected, theme));
        entries.push(Some(pos));
    }
    let height = area.height.saturating_sub(2) as usize;
    let total = rows.len();
    let offset = scroll_offset(selected_row, total, height);
    let visible: Vec<Line<'_>> = rows.into_iter().skip(offset).take(height).collect();
    let inner = Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        height as u16,
    );
    hits.rows(Pane::Items, inner, &entries, offset, selected);
    frame.render_widget(
        Paragraph::new(visible).block(block(title, true, theme)),
        area,
    );
    // The marks count the border rows, as a paragraph's line count does.
    let scroll = u16::try_from(offset).unwrap_or(u16::MAX);
    super::scroll_marks(frame, area, total + 2, scroll, theme, t.more);
}

fn item_row<'a>(
    item: &'a Item,
    ws: &WorkspaceState,
    t: &Texts,
    lang: crate::domain::lang::Lang,
    width: usize,
    selected: bool,
    theme: Theme,
) -> Line<'a> {
    let response = ws.response(&item.id);
    let flag = if item.critical { "!" } else { " " };
    let question = fit(item.text.get(lang).list_text(), width.saturating_sub(6));
    let text_style = if selected {
        theme.selected()
    } else {
        theme.plain()
    };
    let pad = width.saturating_sub(question.chars().count() + 6);
    let review = if ws
        .plan
        .records
        .flagged(&crate::domain::plan::Cite::Item(item.id.clone()))
    {
        "⚑"
    } else {
        " "
    };
    // A proposal waiting for confirmation shows what it would be, marked ↺.
    let (mark_text, mark_look) = match ws.carried(&item.id) {
        Some(carried) if response.is_open() => (carried_mark(&carried.response), theme.warn()),
        _ => (mark(&response, t), mark_style(&response, theme)),
    };
    Line::from(vec![
        Span::styled(mark_text, mark_look),
        Span::styled(flag, theme.warn()),
        Span::styled(review, theme.error()),
        Span::styled(format!("{question}{}", " ".repeat(pad)), text_style),
    ])
}

fn detail(frame: &mut Frame<'_>, area: Rect, state: &AppState, ws: &WorkspaceState, theme: Theme) {
    let Some(paragraph) = detail_paragraph(state, ws, area.width, theme) else {
        frame.render_widget(block(String::new(), false, theme), area);
        return;
    };
    let rows = paragraph.line_count(area.width.saturating_sub(2));
    let scroll = super::bounded(ws.detail_scroll, rows, area);
    frame.render_widget(paragraph.scroll((scroll, 0)), area);
    let more = texts(state.lang).more;
    super::scroll_marks(frame, area, rows, scroll, theme, more);
}

/// The selected item's detail as one paragraph, for a pane `width` wide.
pub fn detail_paragraph<'a>(
    state: &AppState,
    ws: &'a WorkspaceState,
    width: u16,
    theme: Theme,
) -> Option<Paragraph<'a>> {
    let t = texts(state.lang);
    let lang = state.lang;
    let item = ws.current_item()?;
    let text = item.text.get(lang);
    let response = ws.response(&item.id);
    let mut lines: Vec<Line<'_>> = Vec::new();
    let mut facts = format!("{} {}", t.weight, item.weight);
    if item.critical {
        facts.push_str(&format!(" · {}", t.critical));
    }
    lines.push(Line::styled(text.question.clone(), theme.bold()));
    lines.push(Line::styled(facts, theme.dim()));
    // The answer first: on a small screen the levels below may be out of view.
    lines.push(answer_line(ws, &response, t, lang, theme));
    lines.extend(earlier_lines(ws, &item.id, t, lang, theme));
    if let Some(from) = ws.answer(&item.id).and_then(|a| a.copied_from.as_ref()) {
        lines.push(Line::styled(
            crate::tui::i18n::fill(t.national_copied, &[("id", from.as_str())]),
            theme.dim(),
        ));
    }
    lines.extend(flag_lines(
        state,
        ws,
        &crate::domain::plan::Cite::Item(item.id.clone()),
        theme,
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled(t.levels, theme.heading()));
    for (level, descriptor) in text.levels.iter().enumerate() {
        let chosen = response.level() == Some(level as u8);
        let name = ws.level_name(level as u8, lang);
        let marker = if chosen { "▶" } else { " " };
        let style = if chosen {
            theme.chosen()
        } else {
            theme.plain()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{marker}{level} "), theme.level(level as u8)),
            Span::styled(
                format!("{name}: "),
                style.add_modifier(ratatui::style::Modifier::BOLD),
            ),
            Span::styled(descriptor.clone(), style),
        ]));
    }
    lines.extend(tail_lines(ws, item, t, lang, theme));
    let title = format!(" {} ", fit(&item.id, width.saturating_sub(4) as usize));
    Some(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(title, false, theme)),
    )
}

fn section<'a>(lines: &mut Vec<Line<'a>>, heading: &'a str, body: &str, theme: Theme) {
    if body.trim().is_empty() {
        return;
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(heading, theme.heading()));
    lines.extend(body.lines().map(|l| Line::raw(l.to_string())));
}

/// The review flags on `target`: open ones first as they stand out, then the
/// resolved ones with their answers.
pub fn flag_lines(
    state: &AppState,
    ws: &WorkspaceState,
    target: &crate::domain::plan::Cite,
    theme: Theme,
) -> Vec<Line<'static>> {
    let p = crate::tui::i18n::plan_texts(state.lang);
    let mut lines = Vec::new();
    for flag in ws.plan.records.flags.iter().filter(|f| &f.target == target) {
        let by = visible_line(&flag.raised_by).into_owned();
        let comment = visible_line(&flag.comment).into_owned();
        if flag.is_open() {
            lines.push(Line::styled(
                format!("⚑ #{} {} — {by}: {comment}", flag.id, p.flagged),
                theme.error(),
            ));
        } else {
            let answer = flag.resolution.as_deref().map_or_else(
                || p.flag_by_change.to_string(),
                |r| {
                    format!(
                        "{}: {}",
                        visible_line(flag.resolved_by.as_deref().unwrap_or_default()),
                        visible_line(r)
                    )
                },
            );
            lines.push(Line::styled(
                format!("✓ #{} {by}: {comment} → {answer}", flag.id),
                theme.dim(),
            ));
        }
    }
    lines
}

/// What the previous final assessment said of the item: as a proposal to
/// confirm while it is carried over, else beside the current answer.
pub fn earlier_lines(
    ws: &WorkspaceState,
    item: &str,
    t: &Texts,
    lang: crate::domain::lang::Lang,
    theme: Theme,
) -> Vec<Line<'static>> {
    let describe = |response: &Response| match response {
        Response::Open => format!("· {}", t.open),
        Response::Level(l) => format!("{l} {}", ws.level_name(*l, lang)),
        Response::NotApplicable { reason } => format!("{}: {}", t.na, visible_line(reason)),
    };
    let note_line = |note: &str| {
        let first = note.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        (!first.is_empty())
            .then(|| Line::styled(format!("  “{}”", visible_line(first)), theme.dim()))
    };
    if let Some(carried) = ws.carried(item) {
        let mut lines = vec![Line::styled(
            format!("↺ {} · {}", describe(&carried.response), t.carried_confirm),
            theme.warn(),
        )];
        lines.extend(note_line(&carried.note));
        return lines;
    }
    let Some(previous) = ws.previous_answer(item) else {
        return Vec::new();
    };
    let date: String = ws
        .previous
        .as_ref()
        .map_or_else(String::new, |p| p.created_at.chars().take(10).collect());
    let mut lines = vec![Line::styled(
        format!(
            "{}: {}",
            crate::tui::i18n::fill(t.previous_answer, &[("date", &date)]),
            describe(&previous.response)
        ),
        theme.dim(),
    )];
    lines.extend(note_line(&previous.note));
    lines
}

/// The item's answer as one line: `▶ 3 Established`, `· open` or the N/A reason.
pub fn answer_line(
    ws: &WorkspaceState,
    response: &Response,
    t: &Texts,
    lang: crate::domain::lang::Lang,
    theme: Theme,
) -> Line<'static> {
    match response {
        Response::Open => Line::styled(format!("· {}", t.open), theme.dim()),
        Response::Level(l) => {
            let name = ws.level_name(*l, lang);
            Line::styled(
                format!("▶ {l} {name}"),
                theme.level(*l).add_modifier(ratatui::style::Modifier::BOLD),
            )
        }
        Response::NotApplicable { reason } => Line::from(vec![
            Span::styled(format!("{}:", t.na), theme.chosen()),
            Span::raw(" "),
            Span::raw(visible_line(reason).into_owned()),
        ]),
    }
}

/// Below the levels: notes, guidance, recommendation, procedures, sources.
pub fn tail_lines<'a>(
    ws: &'a WorkspaceState,
    item: &'a Item,
    t: &'a Texts,
    lang: crate::domain::lang::Lang,
    theme: Theme,
) -> Vec<Line<'a>> {
    let text = item.text.get(lang);
    let mut lines: Vec<Line<'a>> = Vec::new();
    lines.push(Line::raw(""));
    lines.push(Line::styled(t.notes, theme.heading()));
    let note = ws.note(&item.id);
    if note.trim().is_empty() {
        lines.push(Line::styled(t.no_notes, theme.dim()));
    } else {
        lines.extend(
            visible(note)
                .lines()
                .map(|l| Line::raw(l.to_string()))
                .collect::<Vec<_>>(),
        );
    }
    section(&mut lines, t.guidance, &text.guidance, theme);
    section(&mut lines, t.recommendation, &text.recommendation, theme);
    if !item.procedures.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(t.procedures, theme.heading()),
            Span::styled(format!(" ({})", t.procedures_hint), theme.dim()),
        ]));
        for id in &item.procedures {
            let title = ws
                .bundle
                .pack
                .procedures
                .get(id)
                .map_or(id.as_str(), |p| p.text.get(lang).title.as_str());
            lines.push(Line::raw(format!("• {title}")));
        }
    }
    if !item.sources.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(t.sources, theme.heading()));
        lines.extend(
            item.sources
                .iter()
                .map(|s| Line::styled(format!("• {s}"), theme.dim())),
        );
    }
    lines
}
