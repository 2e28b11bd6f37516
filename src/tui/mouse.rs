//! The mouse as the key table sees it: a click chooses the row, tab or pane
//! under the pointer (a click on the chosen row is Enter), the wheel moves as
//! ↑/↓ would, or scrolls the detail it is over. Nothing here is reachable only
//! by mouse; it is a shortcut to what keys already do.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::action::Action;
use super::keymap::{self, Mode};
use super::keys::{Key, KeyPress};
use super::views::hits::{Hits, Target};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    Click,
    WheelUp,
    WheelDown,
}

/// A mouse event, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MouseInput {
    pub pointer: Pointer,
    pub column: u16,
    pub row: u16,
}

impl MouseInput {
    pub const fn new(pointer: Pointer, column: u16, row: u16) -> Self {
        MouseInput {
            pointer,
            column,
            row,
        }
    }
}

/// The left button going down and the wheel; moves, drags and other
/// buttons mean nothing here.
pub fn from_crossterm(event: MouseEvent) -> Option<MouseInput> {
    let pointer = match event.kind {
        MouseEventKind::Down(MouseButton::Left) => Pointer::Click,
        MouseEventKind::ScrollUp => Pointer::WheelUp,
        MouseEventKind::ScrollDown => Pointer::WheelDown,
        _ => return None,
    };
    Some(MouseInput::new(pointer, event.column, event.row))
}

/// Where a list is on screen and nothing lies over it: clicks choose.
fn clicks_choose(mode: Mode) -> bool {
    matches!(
        mode,
        Mode::Home | Mode::Items | Mode::Equipment | Mode::Plan | Mode::FollowUp | Mode::Summary
    )
}

/// Where ↑/↓ move or scroll rather than edit: the wheel may stand for them.
fn wheel_moves(mode: Mode) -> bool {
    clicks_choose(mode)
        || matches!(
            mode,
            Mode::Help | Mode::Reader | Mode::Search | Mode::Choice
        )
}

/// The action a mouse event stands for in `mode`, given what was drawn where.
pub fn resolve(mode: Mode, hits: &Hits, input: MouseInput) -> Option<Action> {
    let zone = hits.at(input.column, input.row);
    match input.pointer {
        Pointer::WheelUp | Pointer::WheelDown => {
            let down = input.pointer == Pointer::WheelDown;
            if !wheel_moves(mode) {
                return None;
            }
            if mode == Mode::Items && zone.is_some_and(|z| z.target == Target::Detail) {
                return Some(Action::NudgeDetail { down });
            }
            let key = if down { Key::Down } else { Key::Up };
            keymap::resolve(mode, KeyPress::plain(key))
        }
        Pointer::Click => {
            if !clicks_choose(mode) {
                return None;
            }
            let zone = zone?;
            match zone.target {
                Target::Detail => None,
                Target::Tab(_) if zone.selected => None,
                Target::Row(..) if zone.selected => {
                    keymap::resolve(mode, KeyPress::plain(Key::Enter))
                }
                target => Some(Action::Pick(target)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;
    use crate::tui::views::hits::Pane;

    fn screen() -> Hits {
        let mut hits = Hits::default();
        hits.push(Rect::new(0, 0, 8, 1), Target::Tab(0), true);
        hits.push(Rect::new(9, 0, 8, 1), Target::Tab(1), false);
        hits.rows(
            Pane::Items,
            Rect::new(1, 2, 30, 4),
            &[Some(0), Some(1)],
            0,
            1,
        );
        hits.push(Rect::new(40, 2, 30, 10), Target::Detail, false);
        hits
    }

    #[test]
    fn a_click_chooses_and_a_click_on_the_chosen_row_is_enter() {
        let hits = screen();
        let click = |x, y| resolve(Mode::Items, &hits, MouseInput::new(Pointer::Click, x, y));
        assert!(matches!(
            click(3, 2),
            Some(Action::Pick(Target::Row(Pane::Items, 0)))
        ));
        assert!(matches!(click(3, 3), Some(Action::ToggleFocus)));
        assert!(matches!(click(10, 0), Some(Action::Pick(Target::Tab(1)))));
        assert!(click(2, 0).is_none(), "the open tab stays open");
        assert!(click(50, 5).is_none(), "a click on text does nothing");
        assert!(click(79, 23).is_none(), "nor on nothing");
    }

    #[test]
    fn the_wheel_moves_over_a_list_and_scrolls_over_the_detail() {
        let hits = screen();
        let wheel = |pointer, x, y| resolve(Mode::Items, &hits, MouseInput::new(pointer, x, y));
        assert!(matches!(
            wheel(Pointer::WheelDown, 3, 2),
            Some(Action::MoveDown)
        ));
        assert!(matches!(
            wheel(Pointer::WheelUp, 3, 2),
            Some(Action::MoveUp)
        ));
        assert!(matches!(
            wheel(Pointer::WheelDown, 50, 5),
            Some(Action::NudgeDetail { down: true })
        ));
    }

    #[test]
    fn under_a_form_or_editor_the_mouse_does_nothing() {
        let hits = screen();
        for mode in [Mode::Form, Mode::Editor, Mode::Prompt, Mode::Confirm] {
            for pointer in [Pointer::Click, Pointer::WheelDown] {
                let input = MouseInput::new(pointer, 3, 2);
                assert!(
                    resolve(mode, &hits, input).is_none(),
                    "{mode:?} {pointer:?}"
                );
            }
        }
    }
}
