//! What goes on a report's pages, as plain data: built by pure code from
//! bundles, and knowing nothing of fonts, page sizes or PDF. The layout turns it
//! into pages; tests snapshot it.

mod annex;
mod assessment;
mod chapters;
mod compare;
mod cover;
mod equipment;
mod evidence;
mod findings;
mod followup;
mod narrative;
mod outline;
mod plan;
mod profile;
mod programme;
mod summary;

pub use assessment::{AssessmentInput, Detail, build_assessment};
pub use compare::{ItemChange, compare_items};
pub use programme::{FinalScore, ProgrammeEntry, ProgrammeInput, build_programme};

use crate::domain::lang::Lang;

/// A whole report: the running texts of every page and the blocks in order.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportModel {
    pub lang: Lang,
    /// The document title (also the PDF's metadata title).
    pub title: String,
    /// Left of the page header: the post (or the programme).
    pub running_head: String,
    /// Right of the page header, e.g. "CONFIDENCIAL".
    pub marking: Option<String>,
    /// Set when the assessment is not final: printed across every page.
    pub draft_mark: Option<String>,
    /// The report date as the footer prints it.
    pub date: String,
    /// "Page {page} of {pages}" in the report's language.
    pub page_template: String,
    /// The document reference printed in every footer (post code, assessment
    /// id, pack version, status).
    pub reference: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The cover's title lines.
    Title {
        title: String,
        subtitle: String,
    },
    /// Level 1 starts a chapter on a new page; 2 and 3 are sections.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
        style: TextStyle,
    },
    /// A label/value list (the cover, the equipment headline).
    KeyValues(Vec<(String, String)>),
    Table(Table),
    Chart(Chart),
    /// Signature boxes: one per role, each with the field labels.
    Signatures {
        roles: Vec<String>,
        fields: Vec<String>,
    },
    PageBreak,
    /// The table of contents: every heading after it down to `depth` (1: the
    /// chapters; 2: their sections too), with its page (filled by the
    /// layout). It stays on the current page when it fits there.
    Contents {
        title: String,
        depth: u8,
    },
    /// A compact list in small type (sources, identifiers), numbered or not,
    /// in one or two columns.
    List {
        items: Vec<String>,
        numbered: bool,
        columns: u8,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextStyle {
    Body,
    /// Smaller, grey: explanations and footnotes.
    Note,
    /// Stands out: critical gaps and warnings.
    Alert,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Share of the table's width, relative to the other columns.
    pub width: f32,
    pub align: Align,
    /// Cells keep to one line (and their muted part to one more), cut with
    /// an ellipsis: for long lists a reader scans.
    pub one_line: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub kind: RowKind,
    /// A name links can jump to (`item:ID` for an item's row).
    pub anchor: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Normal,
    /// A group heading: its first cell spans the whole table.
    Group,
    /// A row that must stand out (a critical gap).
    Alert,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
    pub bold: bool,
    /// Printed below the text, smaller and grey (a criterion, a caveat).
    pub muted: Option<String>,
    /// The anchor this cell jumps to when clicked.
    pub link: Option<String>,
}

/// The background a cell is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Coloured by maturity level 0..=4.
    Level(u8),
    Good,
    Bad,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// One axis per category (the pillars), values 0..=max.
    Radar {
        title: String,
        axes: Vec<String>,
        max: f64,
        ticks: Vec<(f64, String)>,
        series: Vec<Series>,
    },
    /// Horizontal bars, one group per category.
    Bars {
        title: String,
        categories: Vec<String>,
        max: f64,
        ticks: Vec<(f64, String)>,
        series: Vec<Series>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub style: SeriesStyle,
    pub values: Vec<Option<f64>>,
    /// Each value as printed beside its bar ("2.45", "—").
    pub labels: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesStyle {
    Current,
    Previous,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            tone: Tone::Plain,
            bold: false,
            muted: None,
            link: None,
        }
    }

    /// The same cell with a grey line below its text.
    pub fn with_muted(mut self, muted: impl Into<String>) -> Cell {
        let muted = muted.into();
        self.muted = (!muted.trim().is_empty()).then_some(muted);
        self
    }

    /// The same cell, jumping to `anchor` when clicked.
    pub fn with_link(mut self, anchor: impl Into<String>) -> Cell {
        self.link = Some(anchor.into());
        self
    }

    pub fn bold(text: impl Into<String>) -> Cell {
        Cell {
            bold: true,
            ..Cell::text(text)
        }
    }

    pub fn toned(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            tone,
            ..Cell::text(text)
        }
    }
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            kind: RowKind::Normal,
            anchor: None,
        }
    }

    pub fn group(text: impl Into<String>) -> Row {
        Row {
            cells: vec![Cell::bold(text)],
            kind: RowKind::Group,
            anchor: None,
        }
    }

    /// The same row, a target of links named `anchor`.
    pub fn with_anchor(mut self, anchor: impl Into<String>) -> Row {
        self.anchor = Some(anchor.into());
        self
    }
}

impl Column {
    pub fn new(title: impl Into<String>, width: f32, align: Align) -> Column {
        Column {
            title: title.into(),
            width,
            align,
            one_line: false,
        }
    }

    /// The same column, its cells cut to one line.
    pub fn one_line(mut self) -> Column {
        self.one_line = true;
        self
    }
}

/// Chart ticks 0, 1, … max with the language's number format.
pub fn ticks(lang: Lang, max: f64, step: f64, decimals: usize) -> Vec<(f64, String)> {
    let steps = (max / step).round() as usize;
    (0..=steps)
        .map(|i| {
            let v = step * i as f64;
            (v, lang.number(v, decimals))
        })
        .collect()
}
