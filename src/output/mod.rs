//! What frontera writes outside the database: lines on standard output (every
//! write checked), files (replaced atomically when they are regular files,
//! written in place when they are devices or pipes, `-` for standard output),
//! and text from the store made safe to show on a terminal.

mod files;
mod terminal;

pub use files::{WriteError, write_output};
pub use terminal::{OutputError, print_text, say, visible, visible_line};

/// Prints one line to standard output, checking the write (see [`say`]).
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::output::say(format_args!($($arg)*))
    };
}
