//! The table of contents: the headings down to a depth with their page
//! numbers, deeper levels indented, every line a link to its heading.

use super::{ACCENT, BLACK, BODY_WIDTH, Flow, GREY, MARGIN_X, Marks};
use crate::report::model::Block;

const SIZE: f32 = 9.5;
const LINE: f32 = 15.0;
/// The title when the contents open a page, and when they follow other text.
const TITLE_PAGE: f32 = 16.0;
const TITLE_INLINE: f32 = 12.0;

/// One line of the contents: the heading's index among all the report's
/// headings (which names its anchor and page), its level and text.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub heading: usize,
    pub level: u8,
    pub text: String,
}

/// The headings after `blocks[at]` down to `depth`, numbered over every
/// heading of the report, the ones before the contents included.
pub fn entries(blocks: &[Block], at: usize, depth: u8) -> Vec<Entry> {
    blocks
        .iter()
        .enumerate()
        .filter_map(|(n, b)| match b {
            Block::Heading { level, text } => Some((n, *level, text)),
            _ => None,
        })
        .enumerate()
        .filter(|(_, (n, level, _))| *n > at && *level <= depth)
        .map(|(heading, (_, level, text))| Entry {
            heading,
            level,
            text: text.clone(),
        })
        .collect()
}

pub fn contents(flow: &mut Flow<'_>, title: &str, entries: &[Entry]) {
    // After other text the contents stay on the page when they fit whole.
    let inline = !flow.at_top();
    let title_size = if inline { TITLE_INLINE } else { TITLE_PAGE };
    let height = title_size * 1.25 + 20.0 + LINE * entries.len() as f32 + 10.0;
    let inline = inline && height + 24.0 <= flow.room();
    if !inline && !flow.at_top() {
        flow.new_page();
    }
    let title_size = if inline { TITLE_INLINE } else { TITLE_PAGE };
    if inline {
        flow.y += 24.0;
    }
    flow.y += title_size * 1.25;
    flow.text(MARGIN_X, flow.y, title_size, true, ACCENT, title);
    flow.y += 6.0;
    flow.rect(MARGIN_X, flow.y, BODY_WIDTH, 1.2, Some(ACCENT), None);
    flow.y += 14.0;
    let fonts = flow.fonts;
    let right = MARGIN_X + BODY_WIDTH;
    let top_level = entries.iter().map(|e| e.level).min().unwrap_or(1);
    for entry in entries {
        flow.ensure(LINE);
        let bold = entry.level == top_level;
        let indent = 16.0 * f32::from(entry.level - top_level);
        // Pages count from 1 on paper; "00" holds the place in the first pass.
        let page = flow
            .contents_pages
            .as_ref()
            .and_then(|p| p.get(entry.heading))
            .map_or_else(|| "00".to_string(), |p| (p + 1).to_string());
        let number_w = fonts.width(&page, bold, SIZE);
        let room = BODY_WIDTH - indent - number_w - 24.0;
        let shown = super::fit(fonts, &entry.text, bold, SIZE, room);
        let top = flow.y;
        flow.y += LINE;
        let baseline = flow.y - 4.0;
        flow.text(MARGIN_X + indent, baseline, SIZE, bold, BLACK, &shown);
        // A dotted leader from the title to its page.
        let from = MARGIN_X + indent + fonts.width(&shown, bold, SIZE) + 6.0;
        let to = right - number_w - 6.0;
        if to > from {
            let dot = fonts.width(".", false, SIZE);
            let dots = ((to - from) / (dot * 2.0)).floor() as usize;
            let leader: String = ". ".repeat(dots);
            flow.text(from, baseline, SIZE, false, GREY, leader.trim_end());
        }
        flow.text(right - number_w, baseline, SIZE, bold, BLACK, &page);
        flow.link(
            MARGIN_X,
            top,
            BODY_WIDTH,
            LINE,
            &Marks::heading_anchor(entry.heading),
        );
    }
    flow.y += 10.0;
}
