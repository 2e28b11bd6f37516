//! An exported spreadsheet of submissions as a grid of texts: CSV (`;` or `,`,
//! with or without a UTF-8 byte-order mark) or the first sheet of an XLSX.
//! Nothing here knows the form; `submissions` reads the grid.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

/// A header row and data rows, as texts. `first_row` is the spreadsheet row
/// number of the header (1 unless an XLSX sheet starts lower), so messages can
/// name the row a person sees.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub first_row: usize,
}

/// Why a file could not be read as a table at all.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum GridError {
    #[error("the file is empty")]
    Empty,
    #[error("row {row}: not UTF-8 text (save the export as UTF-8 CSV)")]
    NotUtf8 { row: u64 },
    #[error("row {row}: {message}")]
    Csv { row: u64, message: String },
    #[error("not a readable XLSX workbook: {0}")]
    Xlsx(String),
    #[error("the workbook has no sheet")]
    NoSheet,
}

/// The file's bytes as a grid; XLSX when they start as a ZIP archive does.
pub fn read(bytes: &[u8]) -> Result<Grid, GridError> {
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)
    } else {
        read_csv(bytes)
    }
}

/// The separator of the header line: Kobo offers `;` and `,`; ODK writes `,`.
fn separator(text: &[u8]) -> u8 {
    let line = text.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| line.iter().filter(|b| **b == c).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

pub fn read_csv(bytes: &[u8]) -> Result<Grid, GridError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(bytes))
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let row = n as u64 + 1;
        match record {
            Ok(r) => records.push(r.iter().map(str::to_string).collect::<Vec<_>>()),
            Err(e) => {
                return Err(match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => GridError::NotUtf8 { row },
                    _ => GridError::Csv {
                        row,
                        message: e.to_string(),
                    },
                });
            }
        }
    }
    grid(records, 1)
}

fn grid(mut records: Vec<Vec<String>>, first_row: usize) -> Result<Grid, GridError> {
    // Trailing blank lines are common at the end of a hand-edited file.
    while records
        .last()
        .is_some_and(|r| r.iter().all(|c| c.trim().is_empty()))
    {
        records.pop();
    }
    if records.is_empty() {
        return Err(GridError::Empty);
    }
    let headers = records
        .remove(0)
        .into_iter()
        .map(|h| h.trim().to_string())
        .collect();
    Ok(Grid {
        headers,
        rows: records,
        first_row,
    })
}

pub fn read_xlsx(bytes: &[u8]) -> Result<Grid, GridError> {
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| GridError::Xlsx(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or(GridError::NoSheet)?
        .map_err(|e| GridError::Xlsx(e.to_string()))?;
    let first_row = range.start().map_or(0, |(r, _)| r as usize) + 1;
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let records = range
        .rows()
        .map(|row| {
            // Columns left of the range are empty in the sheet a person sees.
            let mut cells = vec![String::new(); first_col];
            cells.extend(row.iter().map(text));
            cells
        })
        .collect();
    grid(records, first_row)
}

/// A cell as the text a CSV export of it would hold: whole numbers without
/// a decimal part (a level typed as 3 is read as the float 3.0).
fn text(cell: &Data) -> String {
    match cell {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_a_bom_and_quotes_are_read() {
        let g = read(b"\xEF\xBB\xBFa;b\n1;\"x;y\"\n\n").unwrap();
        assert_eq!(g.headers, ["a", "b"]);
        assert_eq!(g.rows, vec![vec!["1".to_string(), "x;y".to_string()]]);
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        assert_eq!(read(b""), Err(GridError::Empty));
        assert_eq!(read(b"a,b\n\xff,1\n"), Err(GridError::NotUtf8 { row: 2 }));
        assert!(matches!(
            read(b"PK\x03\x04garbage"),
            Err(GridError::Xlsx(_))
        ));
    }
}
