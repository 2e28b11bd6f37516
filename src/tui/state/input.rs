//! A one-line text field: the text and a cursor, edited key by key.

use crate::tui::keys::{Key, KeyPress};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// In characters, 0..=len.
    cursor: usize,
}

impl LineInput {
    pub fn new(text: &str) -> Self {
        LineInput {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Inserts `text` at the cursor (a paste).
    pub fn insert_str(&mut self, text: &str) {
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, text);
        self.cursor += text.chars().count();
    }

    /// Applies an editing key; returns whether it was one.
    pub fn handle(&mut self, key: KeyPress) -> bool {
        let len = self.text.chars().count();
        match key.key {
            Key::Char('u') if key.ctrl => {
                self.text.clear();
                self.cursor = 0;
            }
            Key::Char(c) if !key.ctrl && !key.alt && !c.is_control() => {
                let at = self.byte_at(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
            }
            Key::Backspace if self.cursor > 0 => {
                let at = self.byte_at(self.cursor - 1);
                self.text.remove(at);
                self.cursor -= 1;
            }
            Key::Delete if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            Key::Left => self.cursor = self.cursor.saturating_sub(1),
            Key::Right => self.cursor = (self.cursor + 1).min(len),
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = len,
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_inserts_at_the_cursor_and_keys_edit() {
        let mut input = LineInput::new("Perú");
        input.handle(KeyPress::plain(Key::Left));
        input.handle(KeyPress::ch('x'));
        assert_eq!(input.text(), "Perxú");
        input.handle(KeyPress::plain(Key::Backspace));
        input.handle(KeyPress::plain(Key::Delete));
        assert_eq!(input.text(), "Per");
        input.handle(KeyPress::plain(Key::Home));
        input.handle(KeyPress::ch('>'));
        assert_eq!((input.text(), input.cursor()), (">Per", 1));
        assert!(!input.handle(KeyPress::plain(Key::Enter)));
    }
}
