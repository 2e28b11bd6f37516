//! The home screen: the register of posts and the selected post's assessments.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::style::Theme;
use super::text::{cell as pad, fit, percent, right};
use crate::messages::count;

/// A column of `width` with one space after its text.
fn cell(text: &str, width: usize) -> String {
    format!("{} ", pad(text, width.saturating_sub(1)))
}
use super::hits::{Hits, Pane};
use super::{block, scroll_offset};
use crate::domain::post::Post;
use crate::tui::i18n::{Texts, texts};
use crate::tui::state::AppState;
use crate::tui::state::home::HomeFocus;

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: Theme, hits: &mut Hits) {
    let t = texts(state.lang);
    let home = &state.home;
    if home.loaded && home.posts.is_empty() {
        let text = vec![
            Line::raw(""),
            Line::styled(t.no_posts, theme.bold()),
            Line::raw(""),
            Line::raw(t.empty_hint),
        ];
        let paragraph = Paragraph::new(text).wrap(Wrap { trim: true }).block(block(
            format!(" {} ", t.posts),
            true,
            theme,
        ));
        frame.render_widget(paragraph, area);
        return;
    }
    let posts_height = (home.posts.len() as u16 + 3).clamp(5, area.height / 2);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(posts_height), Constraint::Min(0)]).areas(area);
    posts(frame, top, state, t, theme);
    assessments(frame, bottom, state, t, theme);
    // The rows start below each pane's border and headings (and profile).
    let focus = home.focus;
    let rows = |area: Rect, above: u16| {
        Rect::new(
            area.x + 1,
            area.y + 1 + above,
            area.width.saturating_sub(2),
            area.height.saturating_sub(2 + above),
        )
    };
    let posts_inner = rows(top, 1);
    let entries: Vec<Option<usize>> = (0..home.posts.len()).map(Some).collect();
    let offset = scroll_offset(home.post_index, entries.len(), posts_inner.height.into());
    let chosen = if focus == HomeFocus::Posts {
        home.post_index
    } else {
        usize::MAX
    };
    hits.rows(Pane::Posts, posts_inner, &entries, offset, chosen);
    let list_inner = rows(bottom, 2);
    let count = home.post_assessments().len();
    let entries: Vec<Option<usize>> = (0..count).map(Some).collect();
    let offset = scroll_offset(home.assessment_index, count, list_inner.height.into());
    let chosen = if focus == HomeFocus::Assessments {
        home.assessment_index
    } else {
        usize::MAX
    };
    hits.rows(Pane::Assessments, list_inner, &entries, offset, chosen);
}

fn posts(frame: &mut Frame<'_>, area: Rect, state: &AppState, t: &Texts, theme: Theme) {
    let home = &state.home;
    let focused = home.focus == HomeFocus::Posts;
    let title = format!(" {} ({}) ", t.posts, home.posts.len());
    let inner_width = area.width.saturating_sub(2) as usize;
    // Wide enough for a whole code such as DEMO-BR-FOZ: people type it.
    let (code_w, countries_w, kind_w) = (12, 8, 11);
    let model_w = if inner_width >= 100 { 27 } else { 20 };
    let name_w = inner_width.saturating_sub(code_w + countries_w + kind_w + model_w + 1);
    let mut lines = vec![Line::styled(
        format!(
            " {}{}{}{}{}",
            cell(t.col_code, code_w),
            cell(t.col_name, name_w),
            cell(t.col_countries, countries_w),
            cell(t.col_kind, kind_w),
            cell(t.col_model, model_w)
        ),
        theme.dim(),
    )];
    let height = area.height.saturating_sub(3) as usize;
    let offset = scroll_offset(home.post_index, home.posts.len(), height);
    for (i, post) in home.posts.iter().enumerate().skip(offset).take(height) {
        // Cargo shows in the post's profile line below, with its lanes.
        let kind = t.post_kind(post.kind);
        let text = format!(
            " {}{}{}{}{}",
            cell(post.code.as_str(), code_w),
            cell(&post.name, name_w),
            cell(&format!("{}→{}", post.country, post.neighbour), countries_w),
            cell(kind, kind_w),
            cell(t.model(post.model), model_w)
        );
        let style = match (i == home.post_index, focused) {
            (true, true) => theme.selected(),
            (true, false) => theme.selected_unfocused(),
            _ => theme.plain(),
        };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(
        Paragraph::new(lines).block(block(title, focused, theme)),
        area,
    );
}

fn profile(post: &Post, t: &Texts) -> String {
    let p = &post.profile;
    let mut text = format!(
        "{}, {}, {}",
        count(p.lanes, t.lanes),
        count(p.booths, t.booths),
        count(p.shifts, t.shifts)
    );
    if post.cargo {
        text.push_str(&format!(", {}", count(p.cargo_lanes, t.cargo_lanes)));
    }
    if !post.agencies.is_empty() {
        text.push_str(&format!(
            " · {}",
            crate::output::visible_line(&post.agencies.join(", "))
        ));
    }
    text
}

fn assessments(frame: &mut Frame<'_>, area: Rect, state: &AppState, t: &Texts, theme: Theme) {
    let home = &state.home;
    let focused = home.focus == HomeFocus::Assessments;
    let Some(post) = home.selected_post() else {
        frame.render_widget(block(format!(" {} ", t.assessments_of), false, theme), area);
        return;
    };
    let title = format!(" {} {} — {} ", t.assessments_of, post.code, post.name);
    let inner_width = area.width.saturating_sub(2) as usize;
    let title = fit(&title, inner_width);
    let mut lines = vec![Line::styled(
        format!(" {}", fit(&profile(post, t), inner_width.saturating_sub(1))),
        theme.dim(),
    )];
    let list = home.post_assessments();
    if list.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::raw(format!(" {}", t.no_assessments)));
        let paragraph = Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(title, focused, theme));
        frame.render_widget(paragraph, area);
        return;
    }
    let (id_w, date_w, status_w, score_w, level_w, done_w) = (14, 11, 10, 8, 6, 6);
    let kind_w = inner_width
        .saturating_sub(id_w + 2 * date_w + status_w + score_w + level_w + done_w + 1)
        .min(17);
    lines.push(Line::styled(
        format!(
            " {}{}{}{}{}{}{}{}",
            cell(t.col_id, id_w),
            cell(t.col_kind, kind_w),
            cell(t.col_created, date_w),
            cell(t.col_closed, date_w),
            cell(t.col_status, status_w),
            right(t.col_score, score_w - 1) + " ",
            right(t.col_level, level_w - 1) + " ",
            right(t.col_done, done_w)
        ),
        theme.dim(),
    ));
    let height = area.height.saturating_sub(4) as usize;
    let offset = scroll_offset(home.assessment_index, list.len(), height);
    for (i, a) in list.iter().enumerate().skip(offset).take(height) {
        let summary = home.summaries.get(&a.id);
        let score = summary
            .and_then(|s| s.overall_score)
            .map_or("—".to_string(), |s| state.lang.number(s, 2));
        let level = summary
            .and_then(|s| s.overall_level)
            .map_or("—".to_string(), |l| l.to_string());
        let done = percent(summary.and_then(|s| s.completeness));
        let date = |d: &str| d.chars().take(10).collect::<String>();
        let closed = a.finalised_at.as_deref().map_or("—".to_string(), date);
        let text = format!(
            " {}{}{}{}{}{}{}{}",
            cell(a.id.as_str(), id_w),
            cell(t.kind(a.kind), kind_w),
            cell(&date(&a.created_at), date_w),
            cell(&closed, date_w),
            cell(t.status(a.status), status_w),
            right(&score, score_w - 1) + " ",
            right(&level, level_w - 1) + " ",
            right(&done, done_w)
        );
        let style = match (i == home.assessment_index, focused) {
            (true, true) => theme.selected(),
            (true, false) => theme.selected_unfocused(),
            _ => theme.plain(),
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    frame.render_widget(
        Paragraph::new(lines).block(block(title, focused, theme)),
        area,
    );
}
