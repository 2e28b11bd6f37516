//! Where events come from: the keyboard, the mouse and resizes (input thread, which also
//! ticks), the store worker's outcomes, and termination signals. All arrive on
//! one channel, so the loop handles them one at a time.

use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self as term, Event as TermEvent};

use super::action::Outcome;
use super::keys::{KeyPress, from_crossterm};
use super::mouse::{self, MouseInput};

pub const TICK: Duration = Duration::from_millis(250);

#[derive(Debug)]
pub enum Event {
    Key(KeyPress),
    /// A click or the wheel.
    Mouse(MouseInput),
    /// Text pasted at once (the terminal's bracketed paste).
    Paste(String),
    /// The terminal's new size, in columns and rows.
    Resize(u16, u16),
    Tick,
    Outcome(Box<Outcome>),
    /// SIGTERM or SIGHUP: leave cleanly.
    Signal,
}

/// Reads the terminal until the channel closes; a pause of [`TICK`] sends a tick.
pub fn spawn_input(tx: Sender<Event>) {
    thread::spawn(move || {
        loop {
            let event = match term::poll(TICK) {
                Ok(true) => match term::read() {
                    Ok(TermEvent::Key(key)) => from_crossterm(key).map(Event::Key),
                    Ok(TermEvent::Mouse(m)) => mouse::from_crossterm(m).map(Event::Mouse),
                    Ok(TermEvent::Paste(text)) => Some(Event::Paste(text)),
                    Ok(TermEvent::Resize(w, h)) => Some(Event::Resize(w, h)),
                    Ok(_) => None,
                    // The terminal is gone: ask the loop to leave.
                    Err(_) => Some(Event::Signal),
                },
                Ok(false) => Some(Event::Tick),
                Err(_) => Some(Event::Signal),
            };
            if let Some(event) = event
                && tx.send(event).is_err()
            {
                break;
            }
        }
    });
}

/// Turns SIGTERM and SIGHUP into an event, so the loop restores the terminal
/// and finishes pending saves before leaving.
pub fn spawn_signals(tx: Sender<Event>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    thread::spawn(move || {
        for _ in signals.forever() {
            if tx.send(Event::Signal).is_err() {
                break;
            }
        }
    });
    Ok(())
}
