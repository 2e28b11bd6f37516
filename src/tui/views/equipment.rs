//! The equipment audit tab: types by control line with their counts, index and
//! flags, and the selected type's indices and note.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::hits::{Hits, Pane};
use super::style::Theme;
use super::text::{cell, fit, right};
use super::{block, scroll_offset};
use crate::domain::assessment::EquipmentRecord;
use crate::domain::scoring::TypeScore;
use crate::domain::scoring::equipment::effective_counts;
use crate::tui::i18n::{Texts, texts};
use crate::tui::state::AppState;
use crate::tui::state::equipment::{CountField, record};
use crate::tui::state::workspace::WorkspaceState;

const COUNT_W: usize = 5;

fn headers(t: &Texts) -> [&'static str; 7] {
    [
        t.col_required,
        t.col_present,
        t.col_functional,
        t.col_in_use,
        t.col_trained,
        t.col_needed,
        t.col_maintained,
    ]
}

/// A type's display name: the catalogue's, or the free name of a found one.
pub fn type_name(ws: &WorkspaceState, type_id: &str, lang: crate::domain::lang::Lang) -> String {
    match ws.bundle.pack.catalogue.get(type_id) {
        Some(kind) => kind.name.get(lang).clone(),
        None => type_id
            .strip_prefix(EquipmentRecord::UNCATALOGUED_PREFIX)
            .unwrap_or(type_id)
            .to_string(),
    }
}

pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    ws: &WorkspaceState,
    theme: Theme,
    hits: &mut Hits,
) {
    let [table_area, detail_area] =
        Layout::vertical([Constraint::Min(6), Constraint::Length(7)]).areas(area);
    table(frame, table_area, state, ws, theme, hits);
    detail(frame, detail_area, state, ws, theme);
}

fn table(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    ws: &WorkspaceState,
    theme: Theme,
    hits: &mut Hits,
) {
    let t = texts(state.lang);
    let lang = state.lang;
    let eq = &ws.equipment;
    let width = area.width.saturating_sub(2) as usize;
    let flags_w = 8;
    let index_w = 7;
    // Wide screens keep the counts next to the names rather than far right.
    let name_w = width
        .saturating_sub(7 * COUNT_W + index_w + flags_w + 1)
        .min(56);
    let mut header = vec![Span::raw(format!(" {}", cell("", name_w)))];
    for (i, h) in headers(t).iter().enumerate() {
        let style = if i == eq.column {
            theme.chosen()
        } else {
            theme.dim()
        };
        header.push(Span::styled(right(h, COUNT_W), style));
    }
    header.push(Span::styled(right(t.col_index, index_w), theme.dim()));
    header.push(Span::styled(
        format!(" {}", cell(t.col_flags, flags_w - 1)),
        theme.dim(),
    ));
    let mut rows: Vec<Line<'_>> = Vec::new();
    let mut entries: Vec<Option<usize>> = Vec::new();
    let mut selected_row = 0;
    let mut group = String::new();
    for (i, type_id) in eq.rows.iter().enumerate() {
        let line_id = ws
            .bundle
            .pack
            .catalogue
            .get(type_id)
            .map_or_else(|| "other".to_string(), |k| k.line.clone());
        if line_id != group {
            group = line_id.clone();
            let name = ws
                .bundle
                .pack
                .catalogue
                .lines
                .iter()
                .find(|l| l.id == line_id)
                .map_or(t.other_equipment.to_string(), |l| l.name.get(lang).clone());
            rows.push(Line::styled(fit(&name, width), theme.heading()));
            entries.push(None);
        }
        if i == eq.selected {
            selected_row = rows.len();
        }
        rows.push(row(
            ws,
            type_id,
            i == eq.selected,
            name_w,
            flags_w,
            index_w,
            state,
            theme,
        ));
        entries.push(Some(i));
    }
    let height = area.height.saturating_sub(3) as usize;
    let offset = scroll_offset(selected_row, rows.len(), height);
    // Below the border and the column headings.
    let inner = Rect::new(
        area.x + 1,
        area.y + 2,
        area.width.saturating_sub(2),
        height as u16,
    );
    hits.rows(Pane::Equipment, inner, &entries, offset, eq.selected);
    let mut lines = vec![Line::from(header)];
    lines.extend(rows.into_iter().skip(offset).take(height));
    let title = format!(" {} ", t.equipment);
    frame.render_widget(Paragraph::new(lines).block(block(title, true, theme)), area);
}

#[allow(clippy::too_many_arguments)]
fn row<'a>(
    ws: &WorkspaceState,
    type_id: &str,
    selected: bool,
    name_w: usize,
    flags_w: usize,
    index_w: usize,
    state: &AppState,
    theme: Theme,
) -> Line<'a> {
    let t = texts(state.lang);
    let name = type_name(ws, type_id, state.lang);
    let recorded = record(&ws.bundle, type_id);
    let counts = recorded.map(|r| r.counts.clone()).unwrap_or_default();
    let effective = effective_counts(
        &counts,
        &ws.bundle.pack.catalogue,
        type_id,
        &ws.bundle.post.profile,
    );
    let scored = ws
        .score
        .equipment
        .types
        .iter()
        .find(|s| s.type_id == type_id);
    let name_style = if selected {
        theme.selected()
    } else {
        theme.plain()
    };
    let mut spans = vec![Span::styled(
        format!(" {}", cell(&name, name_w)),
        name_style,
    )];
    for (i, field) in CountField::ALL.iter().enumerate() {
        let own = field.get(&counts);
        let shown = match field {
            CountField::Required => effective.required,
            CountField::Needed => effective.needed,
            _ => own,
        };
        let text = shown.map_or("·".to_string(), |v| v.to_string());
        let mut style = if own.is_none() {
            theme.dim()
        } else {
            theme.plain()
        };
        if selected && i == ws.equipment.column {
            style = theme.chosen();
        }
        spans.push(Span::styled(right(&text, COUNT_W), style));
    }
    let index = scored
        .and_then(|s| s.index)
        .map_or("—".to_string(), |v| state.lang.number(v, 2));
    spans.push(Span::raw(right(&index, index_w)));
    let flags: String = scored.map_or(String::new(), |s| {
        s.flags.iter().map(|f| t.flag_letter(*f)).collect()
    });
    spans.push(Span::styled(
        format!(" {}", cell(&flags, flags_w - 1)),
        theme.error(),
    ));
    Line::from(spans)
}

fn detail(frame: &mut Frame<'_>, area: Rect, state: &AppState, ws: &WorkspaceState, theme: Theme) {
    let t = texts(state.lang);
    let lang = state.lang;
    let Some(type_id) = ws.equipment.selected_type() else {
        frame.render_widget(block(String::new(), false, theme), area);
        return;
    };
    let name = type_name(ws, type_id, lang);
    let scored: Option<&TypeScore> = ws
        .score
        .equipment
        .types
        .iter()
        .find(|s| s.type_id == type_id);
    let mut lines: Vec<Line<'_>> = Vec::new();
    if let Some(kind) = ws.bundle.pack.catalogue.get(type_id) {
        lines.push(Line::styled(
            kind.description.get(lang).clone(),
            theme.dim(),
        ));
    }
    match scored {
        Some(s) => {
            let show = |v: Option<f64>| v.map_or("—".to_string(), |v| lang.number(v, 2));
            // No-break spaces keep each index next to its value when the line wraps.
            lines.push(Line::raw(format!(
                "{}\u{a0}{} · {}\u{a0}{} · {}\u{a0}{} · {}\u{a0}{} · {}\u{a0}{}",
                t.coverage,
                show(s.coverage),
                t.availability,
                show(s.availability),
                t.use_,
                show(s.use_),
                t.readiness,
                show(s.readiness),
                t.maintenance,
                show(s.maintenance)
            )));
            if !s.flags.is_empty() {
                let words: Vec<String> = s
                    .flags
                    .iter()
                    .map(|f| format!("{} {}", t.flag_letter(*f), t.flag(*f)))
                    .collect();
                lines.push(Line::styled(words.join(" · "), theme.error()));
            }
        }
        None => lines.push(Line::styled(t.no_data, theme.dim())),
    }
    lines.extend(super::items::flag_lines(
        state,
        ws,
        &crate::domain::plan::Cite::Equipment(type_id.to_string()),
        theme,
    ));
    let note = record(&ws.bundle, type_id).map_or("", |r| r.note.as_str());
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", t.notes), theme.heading()),
        Span::raw(if note.is_empty() {
            "—".to_string()
        } else {
            crate::output::visible(note).replace('\n', " ")
        }),
    ]));
    let title = format!(" {} ", fit(&name, area.width.saturating_sub(4) as usize));
    let paragraph = Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(block(title, false, theme));
    frame.render_widget(paragraph, area);
}
