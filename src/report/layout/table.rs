//! Tables: cells wrapped to their column, rows moved whole to the next page
//! when they fit there and split line by line when they are taller than a page,
//! the header row repeated on every page the table reaches.

use super::{
    ACCENT, ALERT, BLACK, BODY_BOTTOM, BODY_TOP, BODY_WIDTH, Flow, GREY, MARGIN_X, RULE, Rgb,
};
use crate::report::model::{Align, Row, RowKind, Table, Tone};

const SIZE: f32 = 8.0;
const LINE: f32 = 10.2;
const PAD: f32 = 3.5;
/// Cell words up to this many characters widen their column rather than break.
const LONGEST_WORD: usize = 18;

/// The fill of a level 0..=4, from red to green.
pub fn level_colour(level: u8) -> Rgb {
    match level {
        0 => Rgb(0xf2, 0xa7, 0xa0),
        1 => Rgb(0xf7, 0xc6, 0x8f),
        2 => Rgb(0xfa, 0xe3, 0x8f),
        3 => Rgb(0xbd, 0xe0, 0xa8),
        _ => Rgb(0x86, 0xc9, 0x93),
    }
}

fn tone_colour(tone: Tone) -> Option<Rgb> {
    match tone {
        Tone::Plain => None,
        Tone::Level(l) => Some(level_colour(l)),
        Tone::Good => Some(Rgb(0xd8, 0xf0, 0xd8)),
        Tone::Bad => Some(Rgb(0xf8, 0xdc, 0xd8)),
    }
}

struct Geometry {
    widths: Vec<f32>,
    /// Whether each column keeps its cells to one line.
    one_line: Vec<bool>,
    header: Vec<Vec<String>>,
    header_height: f32,
    /// Padding above and below a row's text: less in a table of one-line
    /// cells, which a reader scans rather than reads.
    pad: f32,
}

/// The row padding of `table`.
fn pad_of(table: &Table) -> f32 {
    if !table.columns.is_empty() && table.columns.iter().all(|c| c.one_line) {
        DENSE_PAD
    } else {
        PAD
    }
}

const DENSE_PAD: f32 = 1.6;

/// One line of a wrapped cell, and whether it is the cell's muted part.
type CellLine = (String, bool);

/// A row's cells wrapped into lines: each cell's text, then its muted part.
fn wrap_row(flow: &Flow<'_>, g: &Geometry, row: &Row) -> Vec<Vec<CellLine>> {
    let plain = |lines: Vec<String>| lines.into_iter().map(|l| (l, false)).collect::<Vec<_>>();
    if row.kind == RowKind::Group {
        let text = row.cells.first().map_or("", |c| c.text.as_str());
        return vec![plain(flow.fonts.wrap(
            text,
            true,
            SIZE,
            BODY_WIDTH - 2.0 * PAD,
        ))];
    }
    row.cells
        .iter()
        .zip(&g.widths)
        .zip(&g.one_line)
        .map(|((cell, w), one_line)| {
            let room = w - 2.0 * PAD;
            let fitted = |text: &str, bold: bool, size: f32| -> Vec<String> {
                if *one_line {
                    let first = text.lines().next().unwrap_or("");
                    vec![super::fit(flow.fonts, first, bold, size, room)]
                } else {
                    flow.fonts.wrap(text, bold, size, room)
                }
            };
            let mut lines = if cell.text.is_empty() {
                Vec::new()
            } else {
                plain(fitted(&cell.text, cell.bold, SIZE))
            };
            if let Some(muted) = &cell.muted {
                lines.extend(
                    fitted(muted, false, MUTED_SIZE)
                        .into_iter()
                        .map(|l| (l, true)),
                );
            }
            lines
        })
        .collect()
}

/// The muted part of a cell is a little smaller, on tighter lines.
const MUTED_SIZE: f32 = 7.2;
const MUTED_LINE: f32 = 8.8;

fn line_height(line: &CellLine) -> f32 {
    if line.1 { MUTED_LINE } else { LINE }
}

/// The height of lines `start..start + count` of a row: its tallest cell's.
fn part_height(lines: &[Vec<CellLine>], start: usize, count: usize, pad: f32) -> f32 {
    let tallest = lines
        .iter()
        .map(|cell| {
            cell.iter()
                .skip(start)
                .take(count)
                .map(line_height)
                .sum::<f32>()
        })
        .fold(0.0, f32::max);
    tallest.max(LINE) + 2.0 * pad
}

fn height(lines: usize, pad: f32) -> f32 {
    lines.max(1) as f32 * LINE + 2.0 * pad
}

/// What must fit below a table's header: its first row, or three lines of it
/// when the row is taller than a page and will be split anyway.
fn lead(lines: &[Vec<CellLine>], page_room: f32, pad: f32) -> f32 {
    let whole = part_height(lines, 0, usize::MAX, pad);
    if whole <= page_room {
        whole
    } else {
        height(3, pad)
    }
}

/// The height of a table's header and first row, so a heading can be kept
/// with them.
pub fn lead_height(flow: &Flow<'_>, table: &Table) -> f32 {
    let widths = column_widths(flow, table);
    let header_lines = table
        .columns
        .iter()
        .zip(&widths)
        .map(|(c, w)| flow.fonts.wrap(&c.title, true, SIZE, w - 2.0 * PAD).len())
        .max()
        .unwrap_or(0);
    let header = if header_lines == 0 {
        0.0
    } else {
        height(header_lines, PAD)
    };
    let g = Geometry {
        widths,
        one_line: table.columns.iter().map(|c| c.one_line).collect(),
        header: Vec::new(),
        header_height: header,
        pad: pad_of(table),
    };
    let wrapped: Vec<Vec<Vec<CellLine>>> = table
        .rows
        .iter()
        .take(2)
        .map(|r| wrap_row(flow, &g, r))
        .collect();
    header + first_lead(table, &wrapped, BODY_BOTTOM - BODY_TOP - header, g.pad) + 4.0
}

/// What must fit under the header: the first row's lead, and the second
/// row's too when the first is a group heading or the table has only two
/// rows (the last row never goes to a page alone).
fn first_lead(table: &Table, wrapped: &[Vec<Vec<CellLine>>], page_room: f32, pad: f32) -> f32 {
    let first = wrapped.first().map_or(0.0, |w| lead(w, page_room, pad));
    let grouped = table.rows.first().is_some_and(|r| r.kind == RowKind::Group);
    match wrapped.get(1) {
        Some(w) if grouped || table.rows.len() == 2 => first + lead(w, page_room, pad),
        _ => first,
    }
}

fn draw_header(flow: &mut Flow<'_>, g: &Geometry, table: &Table) {
    if g.header_height <= 0.0 {
        return;
    }
    let top = flow.y;
    flow.rect(
        MARGIN_X,
        top,
        BODY_WIDTH,
        g.header_height,
        Some(ACCENT),
        None,
    );
    let mut x = MARGIN_X;
    for ((lines, w), column) in g.header.iter().zip(&g.widths).zip(&table.columns) {
        for (n, line) in lines.iter().enumerate() {
            let lx = aligned(flow, x, *w, line, true, column.align);
            let y = top + PAD + n as f32 * LINE + SIZE * 0.95;
            flow.text(lx, y, SIZE, true, Rgb(0xff, 0xff, 0xff), line);
        }
        x += w;
    }
    flow.y = top + g.header_height;
}

fn aligned(flow: &Flow<'_>, x: f32, w: f32, line: &str, bold: bool, align: Align) -> f32 {
    let tw = flow.fonts.width(line, bold, SIZE);
    match align {
        Align::Left => x + PAD,
        Align::Right => x + w - PAD - tw,
        Align::Center => x + (w - tw) / 2.0,
    }
}

/// Draws lines `start..start + count` of a row at the flow's position.
fn draw_part(
    flow: &mut Flow<'_>,
    g: &Geometry,
    table: &Table,
    row: &Row,
    lines: &[Vec<CellLine>],
    start: usize,
    count: usize,
) {
    let top = flow.y;
    let h = part_height(lines, start, count, g.pad);
    if start == 0
        && let Some(anchor) = &row.anchor
    {
        flow.anchor(anchor, top);
    }
    match row.kind {
        RowKind::Group => flow.rect(
            MARGIN_X,
            top,
            BODY_WIDTH,
            h,
            Some(Rgb(0xe4, 0xe9, 0xf0)),
            None,
        ),
        RowKind::Alert => {
            flow.rect(
                MARGIN_X,
                top,
                BODY_WIDTH,
                h,
                Some(Rgb(0xfd, 0xec, 0xea)),
                None,
            );
            flow.rect(MARGIN_X, top, 2.5, h, Some(ALERT), None);
        }
        RowKind::Normal => {}
    }
    let mut x = MARGIN_X;
    let spans: Vec<f32> = if row.kind == RowKind::Group {
        vec![BODY_WIDTH]
    } else {
        g.widths.clone()
    };
    for (n, w) in spans.iter().enumerate() {
        let cell = row.cells.get(n);
        if let Some(fill) = cell.and_then(|c| tone_colour(c.tone)) {
            flow.rect(x + 0.5, top + 0.5, w - 1.0, h - 1.0, Some(fill), None);
        }
        let bold = cell.is_some_and(|c| c.bold);
        let colour = if bold && row.kind == RowKind::Alert {
            ALERT
        } else {
            BLACK
        };
        let align = match row.kind {
            RowKind::Group => Align::Left,
            _ => table.columns.get(n).map_or(Align::Left, |c| c.align),
        };
        let cell_lines = lines.get(n).map_or(&[][..], |l| l.as_slice());
        let mut line_top = top + g.pad;
        for (line, muted) in cell_lines.iter().skip(start).take(count) {
            let size = if *muted { MUTED_SIZE } else { SIZE };
            let y = line_top + size * 0.95;
            line_top += if *muted { MUTED_LINE } else { LINE };
            if *muted {
                let lx = aligned(flow, x, *w, line, false, align);
                flow.text(lx, y, MUTED_SIZE, false, GREY, line);
            } else {
                let lx = aligned(flow, x, *w, line, bold, align);
                flow.text(lx, y, SIZE, bold, colour, line);
            }
        }
        if let Some(anchor) = cell.and_then(|c| c.link.as_deref()) {
            flow.link(x, top, *w, h, anchor);
        }
        x += w;
    }
    flow.line(
        vec![(MARGIN_X, top + h), (MARGIN_X + BODY_WIDTH, top + h)],
        RULE,
        0.5,
    );
    flow.y = top + h;
}

/// Column widths in points: the model's shares of the body width, widened
/// where a column's title has a word that would not fit (translations differ
/// in length), taking the room from the columns that have some to spare.
fn column_widths(flow: &Flow<'_>, table: &Table) -> Vec<f32> {
    let total: f32 = table
        .columns
        .iter()
        .map(|c| c.width)
        .sum::<f32>()
        .max(0.001);
    let mut widths: Vec<f32> = table
        .columns
        .iter()
        .map(|c| c.width / total * BODY_WIDTH)
        .collect();
    // Words of the cells must not break either (a level name, a number), unless
    // they are long identifiers, which break at their dots anyway.
    let short_cells = |n: usize| {
        table
            .rows
            .iter()
            .filter(|r| r.kind != RowKind::Group)
            .filter_map(move |r| r.cells.get(n))
            .flat_map(|c| c.text.split_whitespace().map(move |w| (w, c.bold)))
            .filter(|(w, _)| w.chars().count() <= LONGEST_WORD)
            .map(|(w, bold)| flow.fonts.width(w, bold, SIZE))
            .fold(0.0, f32::max)
    };
    let minimum: Vec<f32> = table
        .columns
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let word = c
                .title
                .split(' ')
                .map(|w| flow.fonts.width(w, true, SIZE))
                .fold(short_cells(n), f32::max);
            word + 2.0 * PAD + 1.0
        })
        .collect();
    let short: f32 = widths
        .iter()
        .zip(&minimum)
        .map(|(w, m)| (m - w).max(0.0))
        .sum();
    let spare: f32 = widths
        .iter()
        .zip(&minimum)
        .map(|(w, m)| (w - m).max(0.0))
        .sum();
    if short > 0.0 && spare > short {
        for (w, m) in widths.iter_mut().zip(&minimum) {
            if *w < *m {
                *w = *m;
            } else {
                *w -= (*w - m) / spare * short;
            }
        }
    }
    widths
}

/// The fewest lines of a split row left at the foot of a page, and carried
/// to the next.
const MIN_SPLIT_HEAD: usize = 4;
const MIN_SPLIT_TAIL: usize = 3;

pub fn table(flow: &mut Flow<'_>, table: &Table) {
    let widths = column_widths(flow, table);
    let header: Vec<Vec<String>> = table
        .columns
        .iter()
        .zip(&widths)
        .map(|(c, w)| flow.fonts.wrap(&c.title, true, SIZE, w - 2.0 * PAD))
        .collect();
    let header_lines = header.iter().map(Vec::len).max().unwrap_or(0);
    let g = Geometry {
        header_height: if header_lines == 0 {
            0.0
        } else {
            height(header_lines, PAD)
        },
        widths,
        one_line: table.columns.iter().map(|c| c.one_line).collect(),
        header,
        pad: pad_of(table),
    };
    let pad = g.pad;
    let page_room = BODY_BOTTOM - BODY_TOP - g.header_height;
    let wrapped: Vec<Vec<Vec<CellLine>>> =
        table.rows.iter().map(|r| wrap_row(flow, &g, r)).collect();
    let lines_of = |w: &Vec<Vec<CellLine>>| w.iter().map(Vec::len).max().unwrap_or(0).max(1);
    // Never leave a header alone at the foot of a page.
    let first = first_lead(table, &wrapped, page_room, pad);
    flow.ensure(g.header_height + first + 2.0);
    flow.y += 2.0;
    draw_header(flow, &g, table);
    for (n, (row, lines)) in table.rows.iter().zip(&wrapped).enumerate() {
        let total_lines = lines_of(lines);
        if row.kind == RowKind::Group {
            // A group heading goes with the start of its first row.
            let next = wrapped.get(n + 1).map_or(0.0, |w| lead(w, page_room, pad));
            if part_height(lines, 0, total_lines, pad) + next > flow.room()
                && flow.y > BODY_TOP + g.header_height + 0.01
            {
                flow.new_page();
                draw_header(flow, &g, table);
            }
        }
        // The last row of a table does not go alone to a new page: when it
        // would, the row before it goes with it.
        if n + 2 == table.rows.len()
            && n > 0
            && row.kind != RowKind::Group
            && flow.y > BODY_TOP + g.header_height + 0.01
        {
            let this = part_height(lines, 0, total_lines, pad);
            let last = part_height(&wrapped[n + 1], 0, usize::MAX, pad);
            if this <= flow.room() && this + last > flow.room() && this + last <= page_room {
                flow.new_page();
                draw_header(flow, &g, table);
            }
        }
        let mut start = 0;
        while start < total_lines {
            let left = total_lines - start;
            let rest = part_height(lines, start, left, pad);
            if rest <= flow.room() {
                draw_part(flow, &g, table, row, lines, start, left);
                break;
            }
            let fits = ((flow.room() - 2.0 * pad) / LINE).floor().max(0.0) as usize;
            // A tall row is split where it stands, as a word processor does,
            // when at least four of its lines fit here and three go over (no
            // lone line at either end); otherwise it goes whole to a fresh
            // page when it fits there.
            let splits_well = fits >= MIN_SPLIT_HEAD && left.saturating_sub(fits) >= MIN_SPLIT_TAIL;
            if (rest <= page_room && !splits_well) || fits < 2 {
                // The rest fits on a fresh page, or too little of it fits here.
                flow.new_page();
                draw_header(flow, &g, table);
                if rest > flow.room() {
                    let fits = ((flow.room() - 2.0 * pad) / LINE).floor().max(1.0) as usize;
                    draw_part(flow, &g, table, row, lines, start, fits);
                    start += fits;
                }
                continue;
            }
            draw_part(flow, &g, table, row, lines, start, fits);
            start += fits;
        }
    }
    flow.y += 10.0;
}
