//! Errors and warnings about content files, each pointing at FILE:LINE:COL.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    // Step back to a char boundary so slicing cannot panic on a stray offset.
    let offset = (0..=offset)
        .rev()
        .find(|&o| text.is_char_boundary(o))
        .unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Collects the diagnostics of one file, turning spans into line and column.
pub struct FileDiagnostics<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub found: Vec<Diagnostic>,
    /// Texts missing in Spanish or Portuguese (each also a warning).
    pub missing_translations: usize,
}

impl<'a> FileDiagnostics<'a> {
    pub fn new(file: &'a str, text: &'a str) -> Self {
        FileDiagnostics {
            file,
            text,
            found: Vec::new(),
            missing_translations: 0,
        }
    }

    fn push(&mut self, severity: Severity, span: Range<usize>, message: String) {
        let (line, column) = line_col(self.text, span.start);
        self.found.push(Diagnostic {
            severity,
            file: self.file.to_string(),
            line,
            column,
            message,
        });
    }

    pub fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(Severity::Error, span, message.into());
    }

    pub fn warning(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(Severity::Warning, span, message.into());
    }

    pub fn missing_translation(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.missing_translations += 1;
        self.warning(span, message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_one_based_lines_and_columns() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        // 'é' is two bytes but one column.
        assert_eq!(line_col(text, 9), (2, 3));
        assert_eq!(line_col(text, 999), (3, 1));
    }
}
