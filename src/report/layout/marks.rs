//! What the layout notes while it places blocks, for the PDF's navigation:
//! where each heading landed (contents, bookmarks), where each anchor is, and
//! which rectangles link to which anchor.

use std::collections::HashMap;

/// A heading as placed: its level, text, page (from 0) and top.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadingMark {
    pub level: u8,
    pub text: String,
    pub page: usize,
    pub y: f32,
}

/// A clickable rectangle on `page` that jumps to `anchor`.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkMark {
    pub page: usize,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub anchor: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    pub headings: Vec<HeadingMark>,
    /// Anchor → (page, top).
    pub anchors: HashMap<String, (usize, f32)>,
    pub links: Vec<LinkMark>,
}

impl Marks {
    /// The anchor of the report's `n`-th heading (counted from 0 over every
    /// level), which the contents links to.
    pub fn heading_anchor(n: usize) -> String {
        format!("heading:{n}")
    }

    /// Links whose anchor exists, as (link, target page, target top).
    pub fn resolved_links(&self) -> impl Iterator<Item = (&LinkMark, usize, f32)> {
        self.links
            .iter()
            .filter_map(|l| self.anchors.get(&l.anchor).map(|(page, y)| (l, *page, *y)))
    }
}
