//! The focused item view (`Enter` in a pillar tab): the selected item on the
//! whole pane. Its first screen holds the question, the answer and all five
//! level descriptors even at 80×24 — descriptors share the rows left, the
//! current level first, and a shortened one ends in "…" and is given in full
//! further down, with the notes, guidance and the rest.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::block;
use super::hits::{Hits, Target};
use super::items::{answer_line, earlier_lines, tail_lines};
use super::style::Theme;
use super::text::fit;
use crate::domain::lang::Lang;
use crate::domain::pack::Item;
use crate::tui::i18n::{Texts, texts};
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
    hits.push(area, Target::Detail, false);
    let t = texts(state.lang);
    let Some(item) = ws.current_item() else {
        frame.render_widget(block(String::new(), true, theme), area);
        return;
    };
    let width = usize::from(area.width.saturating_sub(2)).max(10);
    let height = usize::from(area.height.saturating_sub(2));
    let lines = focus_lines(ws, item, t, state.lang, width, height, theme);
    let mut facts = format!(" {} · {} {}", item.id, t.weight, item.weight);
    if item.critical {
        facts.push_str(&format!(" · {}", t.critical));
    }
    let title = fit(&facts, width.saturating_sub(2)) + " ";
    let paragraph = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block(title, true, theme));
    let rows = paragraph.line_count(area.width.saturating_sub(2));
    let scroll = super::bounded(ws.detail_scroll, rows, area);
    frame.render_widget(paragraph.scroll((scroll, 0)), area);
    super::scroll_marks(frame, area, rows, scroll, theme, t.more);
}

/// The rows the answer line and each line about the previous answer may take.
const HEAD_LINE_ROWS: usize = 2;

/// Every line of the view, the first `height` rows being the compact head.
fn focus_lines<'a>(
    ws: &'a WorkspaceState,
    item: &'a Item,
    t: &'a Texts,
    lang: Lang,
    width: usize,
    height: usize,
    theme: Theme,
) -> Vec<Line<'a>> {
    let text = item.text.get(lang);
    let response = ws.response(&item.id);
    let mut lines: Vec<Line<'a>> = wrap(&text.question, width)
        .into_iter()
        .map(|l| Line::styled(l, theme.bold()))
        .collect();
    let mut after = vec![answer_line(ws, &response, t, lang, theme)];
    after.extend(earlier_lines(ws, &item.id, t, lang, theme));
    // Two rows each at most (a long note or reason ends in "…"), so they
    // can never push the descriptors off the first screen.
    for line in after {
        let mut rows = rewrap(&line, width);
        if rows.len() > HEAD_LINE_ROWS {
            rows.truncate(HEAD_LINE_ROWS);
            if let Some(last) = rows.last_mut() {
                let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
                *last = Line::styled(ellipsis(&text, width), last.style);
            }
        }
        lines.extend(rows);
    }
    let levels: Vec<Descriptor> = text
        .levels
        .iter()
        .enumerate()
        .map(|(level, descriptor)| {
            let level = level as u8;
            let name = ws.level_name(level, lang);
            let chosen = response.level() == Some(level);
            let prefix = format!("{}{level} {name}: ", if chosen { "▶" } else { "" });
            let rows = wrap(&format!("{prefix}{descriptor}"), width);
            Descriptor {
                level,
                chosen,
                prefix,
                rows,
            }
        })
        .collect();
    let budget = height.saturating_sub(lines.len()).max(levels.len());
    let shares = share_rows(&levels, budget);
    let mut shortened = false;
    for (d, &rows) in levels.iter().zip(&shares) {
        shortened |= rows < d.rows.len();
        lines.extend(descriptor_lines(d, rows, width, theme));
    }
    if shortened {
        lines.push(Line::raw(""));
        lines.push(Line::styled(t.levels, theme.heading()));
        for d in &levels {
            lines.extend(descriptor_lines(d, d.rows.len(), width, theme));
        }
    }
    lines.extend(tail_lines(ws, item, t, lang, theme));
    lines
}

/// One level descriptor, wrapped to the pane.
struct Descriptor {
    level: u8,
    chosen: bool,
    /// `▶3 Established: `, styled apart on the first row.
    prefix: String,
    rows: Vec<String>,
}

/// How many rows each descriptor gets out of `budget`: one each, then one
/// more at a time — the chosen level first, then from level 0 up — until
/// each has what it needs or the rows run out.
fn share_rows(levels: &[Descriptor], budget: usize) -> Vec<usize> {
    let mut shares = vec![1; levels.len()];
    let mut left = budget.saturating_sub(levels.len());
    let mut order: Vec<usize> = (0..levels.len()).collect();
    order.sort_by_key(|&i| !levels[i].chosen);
    // The chosen level is given in full when it can be.
    if let Some(&first) = order.first()
        && levels[first].chosen
    {
        let more = (levels[first].rows.len() - 1).min(left);
        shares[first] += more;
        left -= more;
    }
    while left > 0 {
        let mut gave = false;
        for &i in &order {
            if left > 0 && shares[i] < levels[i].rows.len() {
                shares[i] += 1;
                left -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
    shares
}

fn descriptor_lines(d: &Descriptor, rows: usize, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let body = if d.chosen {
        theme.chosen()
    } else {
        theme.plain()
    };
    let mut out = Vec::new();
    for (i, row) in d.rows.iter().take(rows.max(1)).enumerate() {
        let cut = i + 1 == rows && rows < d.rows.len();
        let row = if cut {
            ellipsis(row, width)
        } else {
            row.clone()
        };
        if i == 0 && row.starts_with(&d.prefix) {
            let rest = row[d.prefix.len()..].to_string();
            let (marker_digit, name) = d.prefix.split_at(d.prefix.find(' ').unwrap_or(0));
            out.push(Line::from(vec![
                Span::styled(marker_digit.to_string(), theme.level(d.level)),
                Span::styled(name.to_string(), body.add_modifier(Modifier::BOLD)),
                Span::styled(rest, body),
            ]));
        } else {
            out.push(Line::styled(row, body));
        }
    }
    out
}

/// `row` ending in "…", within `width` characters.
fn ellipsis(row: &str, width: usize) -> String {
    let keep: String = row.chars().take(width.saturating_sub(1)).collect();
    format!("{}…", keep.trim_end())
}

/// A styled line re-cut to `width`, its style taken from its first span.
fn rewrap(line: &Line<'_>, width: usize) -> Vec<Line<'static>> {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let style: Style = line
        .spans
        .first()
        .map_or(line.style, |s| line.style.patch(s.style));
    wrap(&text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// Words into rows of at most `width` characters (a longer word is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut rows = Vec::new();
    for paragraph in text.lines() {
        let mut row = String::new();
        for word in paragraph.split_whitespace() {
            let needed = row.chars().count() + usize::from(!row.is_empty()) + word.chars().count();
            if needed > width && !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            let mut word: String = word.to_string();
            while word.chars().count() > width {
                let head: String = word.chars().take(width).collect();
                word = word.chars().skip(width).collect();
                rows.push(head);
            }
            if !row.is_empty() {
                row.push(' ');
            }
            row.push_str(&word);
        }
        rows.push(row);
    }
    if rows.is_empty() {
        rows.push(String::new());
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_every_row_within_the_width() {
        let text = "Some officers verify the document and query the databases, others do not.";
        let rows = wrap(text, 20);
        assert!(rows.iter().all(|r| r.chars().count() <= 20), "{rows:?}");
        assert_eq!(rows.join(" "), text);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    fn descriptor(rows: usize, chosen: bool) -> Descriptor {
        Descriptor {
            level: 0,
            chosen,
            prefix: String::new(),
            rows: vec![String::new(); rows],
        }
    }

    #[test]
    fn rows_are_shared_with_the_chosen_level_in_full_and_none_left_empty() {
        let levels: Vec<_> = [3, 3, 4, 3, 3]
            .iter()
            .enumerate()
            .map(|(i, &r)| descriptor(r, i == 2))
            .collect();
        let shares = share_rows(&levels, 11);
        assert_eq!(shares.iter().sum::<usize>(), 11);
        assert_eq!(shares[2], 4, "the chosen level in full");
        assert!(shares.iter().all(|&s| s >= 1));
        // Room for all: each gets what it needs, no more.
        assert_eq!(share_rows(&levels, 40), [3, 3, 4, 3, 3]);
        // Less room than levels: still one row each.
        assert_eq!(share_rows(&levels, 2), [1, 1, 1, 1, 1]);
    }
}
