//! Key presses as the key table sees them, independent of the terminal library
//! (so the key table, `update` and tests never touch crossterm).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key, without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Backspace,
    Delete,
    Other,
}

/// A key with the Ctrl and Alt modifiers (Shift is already in the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyPress {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
}

impl KeyPress {
    pub const fn plain(key: Key) -> Self {
        KeyPress {
            key,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ch(c: char) -> Self {
        KeyPress::plain(Key::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        KeyPress {
            key: Key::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// How the key is written in the help and the footer.
    pub fn label(&self) -> String {
        let base = match self.key {
            Key::Char(' ') => "Space".to_string(),
            Key::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            Key::Char(c) => c.to_string(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Backspace => "Backspace".into(),
            Key::Delete => "Del".into(),
            Key::Other => "?".into(),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("Ctrl-{base}"),
            (_, true) => format!("Alt-{base}"),
            _ => base,
        }
    }

    /// The same key for the notes editor widget.
    pub fn to_textarea_input(self) -> ratatui_textarea::Input {
        use ratatui_textarea::Key as T;
        let key = match self.key {
            Key::Char(c) => T::Char(c),
            Key::Enter => T::Enter,
            Key::Esc => T::Esc,
            Key::Tab | Key::BackTab => T::Tab,
            Key::Up => T::Up,
            Key::Down => T::Down,
            Key::Left => T::Left,
            Key::Right => T::Right,
            Key::PageUp => T::PageUp,
            Key::PageDown => T::PageDown,
            Key::Home => T::Home,
            Key::End => T::End,
            Key::Backspace => T::Backspace,
            Key::Delete => T::Delete,
            Key::Other => T::Null,
        };
        ratatui_textarea::Input {
            key,
            ctrl: self.ctrl,
            alt: self.alt,
            shift: self.key == Key::BackTab,
        }
    }
}

/// Turns a terminal key event into a key press; releases and unknown keys are `None`.
pub fn from_crossterm(event: KeyEvent) -> Option<KeyPress> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = match event.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        _ => return None,
    };
    Some(KeyPress {
        key,
        ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        alt: event.modifiers.contains(KeyModifiers::ALT),
    })
}
