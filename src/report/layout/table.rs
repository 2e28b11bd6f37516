//! Tables: cells wrapped to their column, rows moved whole to the next page
//! when they fit there and split line by line when they are taller than a page,
//! the header row repeated on every page the table reaches.

use super::{ACCENT, ALERT, BLACK, BODY_BOTTOM, BODY_TOP, BODY_WIDTH, Flow, MARGIN_X, RULE, Rgb};
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
    header: Vec<Vec<String>>,
    header_height: f32,
}

/// A row's cells wrapped into lines.
fn wrap_row(flow: &Flow<'_>, g: &Geometry, row: &Row) -> Vec<Vec<String>> {
    if row.kind == RowKind::Group {
        let text = row.cells.first().map_or("", |c| c.text.as_str());
        return vec![flow.fonts.wrap(text, true, SIZE, BODY_WIDTH - 2.0 * PAD)];
    }
    row.cells
        .iter()
        .zip(&g.widths)
        .map(|(cell, w)| flow.fonts.wrap(&cell.text, cell.bold, SIZE, w - 2.0 * PAD))
        .collect()
}

fn height(lines: usize) -> f32 {
    lines.max(1) as f32 * LINE + 2.0 * PAD
}

/// What must fit below a table's header: its first row, or three lines of it
/// when the row is taller than a page and will be split anyway.
fn lead(lines: usize, page_room: f32) -> f32 {
    if height(lines) <= page_room {
        height(lines)
    } else {
        height(3)
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
        height(header_lines)
    };
    let g = Geometry {
        widths,
        header: Vec::new(),
        header_height: header,
    };
    let wrapped: Vec<Vec<Vec<String>>> = table
        .rows
        .iter()
        .take(2)
        .map(|r| wrap_row(flow, &g, r))
        .collect();
    header + first_lead(table, &wrapped, BODY_BOTTOM - BODY_TOP - header) + 4.0
}

/// What must fit under the header: the first row's lead, and when that row
/// is a group heading, the lead of the row it heads too.
fn first_lead(table: &Table, wrapped: &[Vec<Vec<String>>], page_room: f32) -> f32 {
    let lines = |w: &Vec<Vec<String>>| w.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let first = wrapped.first().map_or(0.0, |w| lead(lines(w), page_room));
    let grouped = table.rows.first().is_some_and(|r| r.kind == RowKind::Group);
    match wrapped.get(1) {
        Some(w) if grouped => first + lead(lines(w), page_room),
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
    lines: &[Vec<String>],
    start: usize,
    count: usize,
) {
    let top = flow.y;
    let h = height(count);
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
        for (k, line) in cell_lines.iter().skip(start).take(count).enumerate() {
            let lx = aligned(flow, x, *w, line, bold, align);
            let y = top + PAD + k as f32 * LINE + SIZE * 0.95;
            flow.text(lx, y, SIZE, bold, colour, line);
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
            height(header_lines)
        },
        widths,
        header,
    };
    let page_room = BODY_BOTTOM - BODY_TOP - g.header_height;
    let wrapped: Vec<Vec<Vec<String>>> = table.rows.iter().map(|r| wrap_row(flow, &g, r)).collect();
    let lines_of = |w: &Vec<Vec<String>>| w.iter().map(Vec::len).max().unwrap_or(0).max(1);
    // Never leave a header alone at the foot of a page.
    let first = first_lead(table, &wrapped, page_room);
    flow.ensure(g.header_height + first + 2.0);
    flow.y += 2.0;
    draw_header(flow, &g, table);
    for (n, (row, lines)) in table.rows.iter().zip(&wrapped).enumerate() {
        let total_lines = lines_of(lines);
        if row.kind == RowKind::Group {
            // A group heading goes with the start of its first row.
            let next = wrapped
                .get(n + 1)
                .map_or(0.0, |w| lead(lines_of(w), page_room));
            if height(total_lines) + next > flow.room()
                && flow.y > BODY_TOP + g.header_height + 0.01
            {
                flow.new_page();
                draw_header(flow, &g, table);
            }
        }
        let mut start = 0;
        while start < total_lines {
            let left = total_lines - start;
            if height(left) <= flow.room() {
                draw_part(flow, &g, table, row, lines, start, left);
                break;
            }
            let fits = ((flow.room() - 2.0 * PAD) / LINE).floor().max(0.0) as usize;
            if height(left) <= page_room || fits < 2 {
                // The rest fits on a fresh page, or too little of it fits here.
                flow.new_page();
                draw_header(flow, &g, table);
                if height(left) > flow.room() {
                    let fits = ((flow.room() - 2.0 * PAD) / LINE).floor().max(1.0) as usize;
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
