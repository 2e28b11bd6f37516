//! What goes on a report's pages, as plain data: built by pure code from
//! bundles, and knowing nothing of fonts, page sizes or PDF. The layout turns it
//! into pages; tests snapshot it.

mod annex;
mod assessment;
mod chapters;
mod compare;
mod equipment;
mod outline;
mod plan;
mod programme;
mod summary;

pub use assessment::{AssessmentInput, build_assessment};
pub use compare::{ItemChange, compare_items};
pub use plan::{PlanEntry, action_plan};
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
        }
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
        }
    }

    pub fn group(text: impl Into<String>) -> Row {
        Row {
            cells: vec![Cell::bold(text)],
            kind: RowKind::Group,
        }
    }
}

impl Column {
    pub fn new(title: impl Into<String>, width: f32, align: Align) -> Column {
        Column {
            title: title.into(),
            width,
            align,
        }
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
