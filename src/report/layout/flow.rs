//! Running text: the cover title, headings, paragraphs, label/value lists and
//! the signature boxes, each kept on the page or moved whole to the next.

use super::{ACCENT, ALERT, BLACK, BODY_TOP, BODY_WIDTH, Flow, GREY, MARGIN_X, RULE};
use crate::report::model::TextStyle;

pub const BODY_SIZE: f32 = 9.5;
const LEADING: f32 = 1.32;

pub fn title(flow: &mut Flow<'_>, title: &str, subtitle: &str) {
    flow.y = BODY_TOP + 90.0;
    let fonts = flow.fonts;
    for line in fonts.wrap(title, true, 24.0, BODY_WIDTH) {
        flow.y += 30.0;
        flow.text(MARGIN_X, flow.y, 24.0, true, ACCENT, &line);
    }
    flow.y += 10.0;
    for line in fonts.wrap(subtitle, false, 15.0, BODY_WIDTH) {
        flow.y += 20.0;
        flow.text(MARGIN_X, flow.y, 15.0, false, BLACK, &line);
    }
    flow.y += 14.0;
    flow.rect(MARGIN_X, flow.y, BODY_WIDTH, 2.5, Some(ACCENT), None);
    flow.y += 36.0;
}

/// A heading; `keep` is the height of what follows that must share its page.
pub fn heading(flow: &mut Flow<'_>, level: u8, text: &str, keep: f32) {
    let (size, space_before) = match level {
        1 => (16.0, 0.0),
        2 => (12.0, 14.0),
        _ => (10.5, 10.0),
    };
    let fonts = flow.fonts;
    let lines = fonts.wrap(text, true, size, BODY_WIDTH);
    let height = lines.len() as f32 * size * 1.25 + 8.0;
    if level == 1 {
        // A chapter starts a page, unless more than a quarter of a page is
        // left and its start fits there: then it follows the previous one
        // after a gap (no pages left a third empty).
        let quarter = (super::BODY_BOTTOM - BODY_TOP) / 4.0;
        if !flow.at_top() {
            if flow.room() > quarter.max(24.0 + height + keep) {
                flow.y += 24.0;
            } else {
                flow.new_page();
            }
        }
    } else {
        // Keep the heading with a few lines of what follows it.
        flow.ensure(space_before + height + keep);
        if !flow.at_top() {
            flow.y += space_before;
        }
    }
    let top = flow.y;
    let page = flow.page_index();
    let n = flow.marks.headings.len();
    flow.anchor(&super::Marks::heading_anchor(n), top);
    flow.marks.headings.push(super::HeadingMark {
        level,
        text: text.to_string(),
        page,
        y: top,
    });
    for line in &lines {
        flow.y += size * 1.25;
        flow.text(MARGIN_X, flow.y, size, true, ACCENT, line);
    }
    if level == 1 {
        flow.y += 6.0;
        flow.rect(MARGIN_X, flow.y, BODY_WIDTH, 1.2, Some(ACCENT), None);
        flow.y += 12.0;
    } else {
        flow.y += 6.0;
    }
}

/// Paragraphs of up to this many lines are kept whole on one page.
const KEEP_LINES: usize = 4;

pub fn paragraph(flow: &mut Flow<'_>, text: &str, style: TextStyle) {
    let (size, color, bold) = match style {
        TextStyle::Body => (BODY_SIZE, BLACK, false),
        TextStyle::Note => (8.5, GREY, false),
        TextStyle::Alert => (BODY_SIZE, ALERT, true),
    };
    let fonts = flow.fonts;
    let line_height = size * LEADING;
    // A bulleted paragraph hangs its following lines under the text.
    let (bullet, body) = match text.strip_prefix("• ") {
        Some(rest) => ("• ", rest),
        None => ("", text),
    };
    let indent = fonts.width(bullet, bold, size);
    let lines = fonts.wrap(body, bold, size, BODY_WIDTH - indent);
    if lines.len() <= KEEP_LINES {
        flow.ensure(lines.len() as f32 * line_height);
    }
    for (n, line) in lines.iter().enumerate() {
        flow.ensure(line_height);
        flow.y += line_height;
        if n == 0 && !bullet.is_empty() {
            flow.text(MARGIN_X, flow.y, size, bold, color, bullet);
        }
        flow.text(MARGIN_X + indent, flow.y, size, bold, color, line);
    }
    flow.y += 5.0;
}

pub fn key_values(flow: &mut Flow<'_>, pairs: &[(String, String)]) {
    let fonts = flow.fonts;
    let key_width = BODY_WIDTH * 0.3;
    let value_width = BODY_WIDTH - key_width - 10.0;
    let line_height = BODY_SIZE * LEADING;
    for (key, value) in pairs {
        let keys = fonts.wrap(key, true, BODY_SIZE, key_width);
        let values = fonts.wrap(value, false, BODY_SIZE, value_width);
        let height = keys.len().max(values.len()).max(1) as f32 * line_height + 4.0;
        flow.ensure(height);
        let top = flow.y;
        for (n, line) in keys.iter().enumerate() {
            let y = top + (n + 1) as f32 * line_height;
            flow.text(MARGIN_X, y, BODY_SIZE, true, GREY, line);
        }
        for (n, line) in values.iter().enumerate() {
            let y = top + (n + 1) as f32 * line_height;
            flow.text(
                MARGIN_X + key_width + 10.0,
                y,
                BODY_SIZE,
                false,
                BLACK,
                line,
            );
        }
        flow.y = top + height;
    }
    flow.y += 8.0;
}

pub fn signatures(flow: &mut Flow<'_>, roles: &[String], fields: &[String]) {
    let fonts = flow.fonts;
    let count = roles.len().max(1) as f32;
    let gap = 12.0;
    let width = (BODY_WIDTH - gap * (count - 1.0)) / count;
    let height = 34.0 + fields.len() as f32 * 30.0;
    flow.ensure(height + 10.0);
    let top = flow.y + 6.0;
    for (n, role) in roles.iter().enumerate() {
        let x = MARGIN_X + n as f32 * (width + gap);
        flow.rect(x, top, width, height, None, Some((RULE, 0.8)));
        let role = super::fit(fonts, role, true, 9.0, width - 12.0);
        flow.text(x + 6.0, top + 16.0, 9.0, true, ACCENT, &role);
        for (i, field) in fields.iter().enumerate() {
            let y = top + 34.0 + i as f32 * 30.0 + 18.0;
            let label = super::fit(fonts, field, false, 7.5, width - 12.0);
            flow.text(x + 6.0, y - 11.0, 7.5, false, GREY, &label);
            flow.line(
                vec![(x + 6.0, y + 4.0), (x + width - 6.0, y + 4.0)],
                RULE,
                0.6,
            );
        }
    }
    flow.y = top + height + 10.0;
}

/// A compact list in small type, hanging indent after the number or bullet.
/// With several columns, each page's columns fill left to right, and the
/// page where the list ends shares what is left evenly between them, so no
/// column stands alone above an empty one.
pub fn list(flow: &mut Flow<'_>, items: &[String], numbered: bool, columns: u8) {
    const SIZE: f32 = 7.6;
    const GUTTER: f32 = 14.0;
    const GAP: f32 = 1.5;
    let line_height = SIZE * 1.28;
    let fonts = flow.fonts;
    let marks: Vec<String> = (1..=items.len())
        .map(|n| {
            if numbered {
                format!("{n}.")
            } else {
                "•".into()
            }
        })
        .collect();
    let indent = marks
        .iter()
        .map(|m| fonts.width(m, false, SIZE))
        .fold(0.0, f32::max)
        + 5.0;
    let columns = columns.clamp(1, 3);
    let width_of = |n: u8| (BODY_WIDTH - GUTTER * f32::from(n - 1)) / f32::from(n);
    let column_width = width_of(columns);
    let wrapped: Vec<Vec<String>> = items
        .iter()
        .map(|i| fonts.wrap(i, false, SIZE, column_width - indent))
        .collect();
    let heights: Vec<f32> = wrapped
        .iter()
        .map(|l| l.len() as f32 * line_height + GAP)
        .collect();
    let mut next = 0;
    while next < items.len() {
        if heights[next] > flow.room() && !flow.at_top() {
            flow.new_page();
        }
        let top = flow.y;
        let height = balanced_height(&heights[next..], columns, flow.room());
        let mut bottom = top;
        for column in 0..columns {
            let x = MARGIN_X + f32::from(column) * (column_width + GUTTER);
            let mut y = top;
            while next < items.len() {
                let h = heights[next];
                // An entry taller than a whole page still goes somewhere.
                if y + h > top + height + 0.01 && y > top {
                    break;
                }
                for (n, line) in wrapped[next].iter().enumerate() {
                    y += line_height;
                    if n == 0 {
                        flow.text(x, y, SIZE, false, GREY, &marks[next]);
                    }
                    flow.text(x + indent, y, SIZE, false, BLACK, line);
                }
                y += GAP;
                next += 1;
            }
            bottom = bottom.max(y);
        }
        flow.y = bottom;
        if next < items.len() {
            flow.new_page();
        }
    }
    flow.y += 6.0;
}

/// The column height for the entries left: `room` when they fill this page's
/// columns or more, else the least height at which they fit in `columns`
/// columns filled in turn.
fn balanced_height(heights: &[f32], columns: u8, room: f32) -> f32 {
    let fits = |limit: f32| {
        let mut used = 1u8;
        let mut y = 0.0;
        for &h in heights {
            if y + h > limit + 0.01 && y > 0.0 {
                used += 1;
                y = 0.0;
            }
            y += h;
        }
        used <= columns
    };
    if columns == 1 || !fits(room) {
        return room;
    }
    let tallest = heights.iter().copied().fold(0.0, f32::max);
    let (mut low, mut high) = (tallest, room.max(tallest));
    for _ in 0..24 {
        let mid = (low + high) / 2.0;
        if fits(mid) {
            high = mid;
        } else {
            low = mid;
        }
    }
    high
}
