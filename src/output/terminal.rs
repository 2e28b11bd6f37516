//! Standard output and terminal safety: every write is checked (a full disk
//! is an error, not a panic), and stored text never reaches a terminal with
//! its control characters raw.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};

/// Standard output could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write to standard output: {0}")]
pub struct OutputError(#[source] pub io::Error);

impl OutputError {
    /// The reader went away (`frontera … | head`): nothing to report.
    pub fn is_closed_pipe(&self) -> bool {
        self.0.kind() == io::ErrorKind::BrokenPipe
    }
}

/// Writes `args` and a newline to standard output and flushes it.
pub fn say(args: fmt::Arguments<'_>) -> Result<(), OutputError> {
    let mut out = io::stdout().lock();
    out.write_fmt(args)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
        .map_err(OutputError)
}

/// Writes `text` as it is (no newline added) to standard output and flushes it.
pub fn print_text(text: &str) -> Result<(), OutputError> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(OutputError)
}

/// Characters a terminal would act on rather than show: C0 and C1 controls,
/// DEL, and the bidirectional overrides that reorder what is displayed.
fn is_hazard(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The one place stored text is made safe to show: every hazardous character
/// becomes its visible escape (`\u{1b}`), except those in `keep`.
fn escape<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    if !text.chars().any(|c| is_hazard(c) && !keep.contains(&c)) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hazard(c) && !keep.contains(&c) {
            shown.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// Stored text for a terminal, keeping its line breaks (notes).
pub fn visible(text: &str) -> Cow<'_, str> {
    escape(text, &['\n'])
}

/// Stored text for one line of a terminal: line breaks and tabs escaped too.
pub fn visible_line(text: &str) -> Cow<'_, str> {
    escape(text, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_are_shown_not_sent() {
        assert_eq!(visible_line("Kasani\u{1b}[2J"), "Kasani\\u{1b}[2J");
        assert_eq!(visible_line("a\tb\nc\u{7}"), "a\\u{9}b\\u{a}c\\u{7}");
        assert_eq!(
            visible("line one\nline two\u{9b}"),
            "line one\nline two\\u{9b}"
        );
        assert_eq!(visible_line("RLO\u{202e}txt"), "RLO\\u{202e}txt");
        // Ordinary text, accents included, passes through unchanged.
        assert!(matches!(
            visible_line("Desaguadero – Perú, «CEBAF»"),
            Cow::Borrowed(_)
        ));
    }
}
