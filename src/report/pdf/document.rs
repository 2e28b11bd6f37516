//! What a report's PDF carries besides its pages: metadata, the outline
//! (bookmarks), internal links and the attached data file. Built by the
//! report from its model and layout; written by `finish`.

use crate::domain::lang::Lang;

/// `frontera VERSION`, as the PDF names its creator and producer.
pub const PRODUCER: &str = concat!("frontera ", env!("CARGO_PKG_VERSION"));

/// The document's metadata and navigation.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentInfo {
    pub title: String,
    /// The evaluators, comma-separated (or the programme's name).
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// The document language (`/Lang` and the XMP `dc:language`).
    pub lang: Lang,
    /// Unix seconds: the assessment's dates, never the time of writing, so
    /// the same data gives the same file.
    pub created: i64,
    pub modified: i64,
    /// `frontera VERSION`: creator and producer.
    pub producer: String,
    /// The nested bookmarks, in reading order.
    pub outline: Vec<OutlineEntry>,
    /// Clickable areas that jump within the document.
    pub links: Vec<LinkArea>,
    /// A file carried inside the PDF (the assessment's JSON export).
    pub attachment: Option<Attachment>,
}

impl DocumentInfo {
    /// A document with only a title: English, no dates (left out rather
    /// than written as 1970 or as the time of writing), no navigation.
    pub fn titled(title: &str) -> DocumentInfo {
        DocumentInfo {
            title: title.to_string(),
            author: String::new(),
            subject: String::new(),
            keywords: Vec::new(),
            lang: Lang::En,
            created: 0,
            modified: 0,
            producer: PRODUCER.to_string(),
            outline: Vec::new(),
            links: Vec::new(),
            attachment: None,
        }
    }
}

/// One bookmark: where it points (page index from 0, `y` in layout points
/// from the page's top) and the bookmarks under it.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    pub page: usize,
    pub y: f32,
    pub children: Vec<OutlineEntry>,
}

/// A rectangle on `page` (layout points from the top-left corner) that jumps
/// to `target_page` at `target_y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkArea {
    pub page: usize,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub target_page: usize,
    pub target_y: f32,
}

/// An embedded file (PDF/A-3 associated file).
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// The file name, e.g. `DEMO-PE-DES-ec7fd7e81359.json`.
    pub name: String,
    pub description: String,
    /// e.g. `application/json`.
    pub mime: String,
    pub bytes: Vec<u8>,
    /// Unix seconds.
    pub modified: i64,
}
