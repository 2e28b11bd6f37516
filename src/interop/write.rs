//! Tables to bytes: an XLSX workbook (one sheet per table, frozen header,
//! autofilter, widths) or one table as CSV.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::{Cell, Table};

/// Why a table could not be written (a value Excel cannot hold, mostly).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("spreadsheet: {0}")]
    Xlsx(#[from] XlsxError),
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
}

/// Excel's limit on the text of one cell; longer notes are cut (the JSON
/// export keeps them whole).
const CELL_MAX_CHARS: usize = 32_767;

/// Widest column we set, in characters: long questions wrap in the reader.
const MAX_WIDTH: usize = 60;

/// A workbook holding `tables`, one sheet each, in order.
pub fn xlsx(tables: &[Table]) -> Result<Vec<u8>, WriteError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.name)?;
        write_sheet(sheet, table, &bold)?;
    }
    Ok(book.save_to_buffer()?)
}

fn write_sheet(sheet: &mut Worksheet, table: &Table, bold: &Format) -> Result<(), XlsxError> {
    let mut widths: Vec<usize> = table.headers.iter().map(|h| h.chars().count()).collect();
    for (c, h) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(0, col(c), h, bold)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            let len = match cell {
                Cell::Empty => 0,
                Cell::Text(s) => {
                    let text: String = s.chars().take(CELL_MAX_CHARS).collect();
                    sheet.write_string(r, col(c), &text)?;
                    text.chars().count()
                }
                Cell::Number(n) => {
                    sheet.write_number(r, col(c), *n)?;
                    8
                }
                Cell::Bool(b) => {
                    sheet.write_boolean(r, col(c), *b)?;
                    5
                }
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(len);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(col(c), (*w).clamp(6, MAX_WIDTH) as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_col = col(table.headers.len().saturating_sub(1));
    let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
    sheet.autofilter(0, 0, last_row, last_col)?;
    Ok(())
}

/// Column numbers are u16 in XLSX; our tables have a few dozen at most.
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// One table as CSV (UTF-8, comma, header row). Numbers are written as Rust
/// prints them (a point for decimals), booleans as true/false, and text a
/// spreadsheet would run as a formula gets a leading apostrophe.
pub fn csv(table: &Table) -> Result<Vec<u8>, WriteError> {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    w.write_record(&table.headers)?;
    for row in &table.rows {
        let fields: Vec<String> = (0..table.headers.len())
            .map(|c| match row.get(c).unwrap_or(&Cell::Empty) {
                Cell::Empty => String::new(),
                Cell::Text(s) => guard(s),
                Cell::Number(n) => n.to_string(),
                Cell::Bool(b) => b.to_string(),
            })
            .collect();
        w.write_record(&fields)?;
    }
    w.into_inner()
        .map_err(|e| WriteError::Csv(e.into_error().into()))
}

/// OWASP's advice for CSV: a leading = + - @ makes a formula in a spreadsheet.
fn guard(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_separators_and_guards_formulas() {
        let t = Table {
            name: "t",
            headers: vec!["a".into(), "b".into(), "c".into()],
            rows: vec![vec![
                Cell::Text("x, \"y\"".into()),
                Cell::Number(2.5),
                Cell::Text("=1+1".into()),
            ]],
        };
        let text = String::from_utf8(csv(&t).unwrap()).unwrap();
        assert_eq!(text, "a,b,c\n\"x, \"\"y\"\"\",2.5,'=1+1\n");
    }

    #[test]
    fn a_workbook_is_a_zip_file() {
        let t = Table {
            name: "summary",
            headers: vec!["a".into()],
            rows: vec![vec![Cell::Number(1.0)]],
        };
        let bytes = xlsx(&[t]).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
