//! Pages from a report model: A4 pages of positioned text, rectangles and
//! paths, with text wrapped by real glyph widths, tables broken across pages
//! with their header repeated, and the header, footer and draft mark on every
//! page. Pure: no PDF here, so it can be tested by measuring what it places.

mod chart;
mod contents;
mod flow;
pub mod glyphs;
pub mod marks;
mod table;
#[cfg(test)]
mod tests;
pub mod text;

pub use marks::{HeadingMark, LinkMark, Marks};
pub use text::{FontError, Fonts};

use crate::report::model::{Block, ReportModel};

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN_X: f32 = 56.0;
/// Where the body starts and must end (from the top of the page).
pub const BODY_TOP: f32 = 72.0;
pub const BODY_BOTTOM: f32 = PAGE_HEIGHT - 60.0;
pub const BODY_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const BLACK: Rgb = Rgb(0x22, 0x22, 0x22);
pub const GREY: Rgb = Rgb(0x6b, 0x6b, 0x6b);
pub const RULE: Rgb = Rgb(0xc8, 0xcc, 0xd2);
pub const ACCENT: Rgb = Rgb(0x1f, 0x3a, 0x5f);
pub const ALERT: Rgb = Rgb(0xb0, 0x1e, 0x1e);
/// The draft mark's pale red: light enough to read the page through.
pub const DRAFT_MARK: Rgb = Rgb(0xee, 0xe4, 0xe4);

/// One thing placed on a page. Coordinates are points from the page's top-left
/// corner; `y` of a text is its baseline.
#[derive(Debug, Clone, PartialEq)]
pub enum Draw {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
        /// Degrees, counter-clockwise.
        angle: f32,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    Path {
        points: Vec<(f32, f32)>,
        closed: bool,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
        dashed: bool,
    },
    /// A filled shape of several closed outlines (non-zero winding, so the
    /// holes of letters stay open): text drawn as paths, which a text
    /// extractor does not read (the draft mark).
    Shape {
        rings: Vec<Vec<(f32, f32)>>,
        fill: Rgb,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub draws: Vec<Draw>,
}

/// The pages being filled, and where the next block goes.
pub struct Flow<'f> {
    pub fonts: &'f Fonts,
    pub pages: Vec<Page>,
    pub y: f32,
    /// Headings, anchors and links placed so far.
    pub marks: Marks,
    /// The page of every heading (in order), known from a first pass.
    pub contents_pages: Option<Vec<usize>>,
}

impl<'f> Flow<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Flow {
            fonts,
            pages: vec![Page::default()],
            y: BODY_TOP,
            marks: Marks::default(),
            contents_pages: None,
        }
    }

    /// The index of the page being filled.
    pub fn page_index(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    /// Notes that `anchor` is here (the first place it is drawn wins).
    pub fn anchor(&mut self, anchor: &str, y: f32) {
        let page = self.page_index();
        self.marks
            .anchors
            .entry(anchor.to_string())
            .or_insert((page, y));
    }

    /// Notes a clickable rectangle on this page.
    pub fn link(&mut self, x: f32, y: f32, w: f32, h: f32, anchor: &str) {
        let page = self.page_index();
        self.marks.links.push(LinkMark {
            page,
            x,
            y,
            w,
            h,
            anchor: anchor.to_string(),
        });
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = BODY_TOP;
    }

    pub fn at_top(&self) -> bool {
        self.y <= BODY_TOP + 0.01
    }

    pub fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn ensure(&mut self, height: f32) {
        if height > self.room() && !self.at_top() {
            self.new_page();
        }
    }

    pub fn push(&mut self, draw: Draw) {
        if let Some(page) = self.pages.last_mut() {
            page.draws.push(draw);
        }
    }

    pub fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, color: Rgb, text: &str) {
        if text.is_empty() {
            return;
        }
        self.push(Draw::Text {
            x,
            y,
            size,
            bold,
            color,
            text: text.to_string(),
            angle: 0.0,
        });
    }

    pub fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    ) {
        self.push(Draw::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        });
    }

    pub fn line(&mut self, points: Vec<(f32, f32)>, color: Rgb, width: f32) {
        self.push(Draw::Path {
            points,
            closed: false,
            fill: None,
            stroke: Some((color, width)),
            dashed: false,
        });
    }
}

/// A report's pages with what the layout noted on them.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub pages: Vec<Page>,
    pub marks: Marks,
}

/// Lays out the whole report.
pub fn layout(model: &ReportModel, fonts: &Fonts) -> Vec<Page> {
    layout_document(model, fonts).pages
}

/// Lays out the whole report in two passes when it has a table of contents:
/// the first finds each heading's page, the second prints them (the contents
/// has as many lines either way, so nothing moves between the passes).
pub fn layout_document(model: &ReportModel, fonts: &Fonts) -> Laid {
    let first = layout_pass(model, fonts, None);
    if !model
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Contents { .. }))
    {
        return first;
    }
    let pages: Vec<usize> = first.marks.headings.iter().map(|h| h.page).collect();
    layout_pass(model, fonts, Some(pages))
}

fn layout_pass(model: &ReportModel, fonts: &Fonts, contents_pages: Option<Vec<usize>>) -> Laid {
    let mut flow = Flow::new(fonts);
    flow.contents_pages = contents_pages;
    for (n, block) in model.blocks.iter().enumerate() {
        match block {
            Block::Title { title, subtitle } => flow::title(&mut flow, title, subtitle),
            Block::Heading { level, text } => {
                // Keep the heading with what follows, and with the block after a
                // short introduction.
                let next = model
                    .blocks
                    .get(n + 1)
                    .map_or(0.0, |b| lead_height(&flow, b));
                let after = match (model.blocks.get(n + 1), model.blocks.get(n + 2)) {
                    (Some(Block::Paragraph { .. }), Some(b))
                        if !matches!(b, Block::Heading { .. }) =>
                    {
                        lead_height(&flow, b)
                    }
                    _ => 0.0,
                };
                let keep = next + after;
                flow::heading(&mut flow, *level, text, keep);
            }
            Block::Paragraph { text, style } => flow::paragraph(&mut flow, text, *style),
            Block::KeyValues(pairs) => flow::key_values(&mut flow, pairs),
            Block::Table(t) => table::table(&mut flow, t),
            Block::Chart(c) => chart::chart(&mut flow, c),
            Block::Signatures { roles, fields } => flow::signatures(&mut flow, roles, fields),
            Block::PageBreak => {
                if !flow.at_top() {
                    flow.new_page();
                }
            }
            Block::Contents { title, depth } => {
                let entries = contents::entries(&model.blocks, n, *depth);
                contents::contents(&mut flow, title, &entries);
            }
            Block::List {
                items,
                numbered,
                columns,
            } => flow::list(&mut flow, items, *numbered, *columns),
        }
    }
    let marks = std::mem::take(&mut flow.marks);
    let mut pages = flow.pages;
    if pages.len() > 1 && pages.last().is_some_and(|p| p.draws.is_empty()) {
        pages.pop();
    }
    decorate(model, fonts, &mut pages);
    Laid { pages, marks }
}

/// The height of the start of `block` that must not be parted from the
/// heading before it.
fn lead_height(flow: &Flow<'_>, block: &Block) -> f32 {
    match block {
        Block::Table(t) => table::lead_height(flow, t),
        Block::Chart(c) => chart::height(flow, c),
        Block::Signatures { fields, .. } => 50.0 + fields.len() as f32 * 30.0,
        _ => 40.0,
    }
}

/// `mark` across the page's centre, slanted. Drawn as outlines, not text:
/// text extractors would read its letters into the page's text,
/// interleaved with the content.
fn draft_mark(fonts: &Fonts, mark: &str) -> Draw {
    let size = 96.0;
    let w = fonts.width(mark, true, size).min(PAGE_HEIGHT);
    let angle: f32 = 50.0;
    let (sin, cos) = angle.to_radians().sin_cos();
    let (cx, cy) = (PAGE_WIDTH / 2.0, PAGE_HEIGHT / 2.0);
    // Centre the word on the page: start half its length back along the slant,
    // and a third of the size across it so the letters' middle is on the centre.
    let across = size * 0.35;
    let at = glyphs::Placement {
        x: cx - w / 2.0 * cos + across * sin,
        y: cy + w / 2.0 * sin + across * cos,
        size,
        angle,
    };
    Draw::Shape {
        rings: glyphs::outline_text(fonts.face(true), mark, at),
        fill: DRAFT_MARK,
    }
}

/// The header, footer and draft mark of every page. The draft mark goes first
/// so the page's content is drawn over it and stays readable.
fn decorate(model: &ReportModel, fonts: &Fonts, pages: &mut [Page]) {
    let total = pages.len();
    let mark = model.draft_mark.as_deref().map(|m| draft_mark(fonts, m));
    for (n, page) in pages.iter_mut().enumerate() {
        let mut extra: Vec<Draw> = mark.iter().cloned().collect();
        extra.append(&mut page.draws);
        page.draws = extra;
        let mut head = Flow {
            fonts,
            pages: vec![std::mem::take(page)],
            y: 0.0,
            marks: Marks::default(),
            contents_pages: None,
        };
        let right = PAGE_WIDTH - MARGIN_X;
        // A protective marking is printed centred at the top and the foot of
        // every page, as classified documents carry it.
        let marking = model
            .marking
            .as_deref()
            .map(|m| (m, fonts.width(m, true, 8.5)));
        let head_width = match marking {
            Some((mark, w)) => {
                let x = (PAGE_WIDTH - w) / 2.0;
                head.text(x, 32.0, 8.5, true, ALERT, mark);
                head.text(x, PAGE_HEIGHT - 18.0, 8.5, true, ALERT, mark);
                BODY_WIDTH
            }
            None => BODY_WIDTH,
        };
        let running = fit(fonts, &model.running_head, false, 8.0, head_width);
        head.text(MARGIN_X, 42.0, 8.0, false, GREY, &running);
        head.line(vec![(MARGIN_X, 47.0), (right, 47.0)], RULE, 0.6);
        let foot_y = PAGE_HEIGHT - 34.0;
        head.line(
            vec![(MARGIN_X, foot_y - 12.0), (right, foot_y - 12.0)],
            RULE,
            0.6,
        );
        let label = model
            .page_template
            .replace("{page}", &(n + 1).to_string())
            .replace("{pages}", &total.to_string());
        let w = fonts.width(&label, false, 8.0);
        head.text(right - w, foot_y, 8.0, false, GREY, &label);
        // The document reference (post, assessment, pack version, status)
        // and the report date, so a loose page can be traced.
        let foot = if model.reference.is_empty() {
            model.date.clone()
        } else {
            format!("{} · {}", model.reference, model.date)
        };
        let foot = fit(fonts, &foot, false, 8.0, BODY_WIDTH - w - 12.0);
        head.text(MARGIN_X, foot_y, 8.0, false, GREY, &foot);
        *page = head.pages.pop().unwrap_or_default();
    }
}

/// `text` cut with an ellipsis to fit `width`.
pub fn fit(fonts: &Fonts, text: &str, bold: bool, size: f32, width: f32) -> String {
    if fonts.width(text, bold, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if fonts.width(&out, bold, size) + fonts.width("…", bold, size) > width {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}
