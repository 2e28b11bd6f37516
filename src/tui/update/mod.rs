//! `update(&mut AppState, Action) → Vec<Effect>`: the only place state changes.
//! Pure: no database, file, clock or terminal; what must happen outside is
//! returned as effects.

pub mod editor;
mod filters;
mod home;
mod outcome;
mod overlay;
mod plan;
mod scroll;
mod workspace;

use super::action::Action;
use super::effect::Effect;
use super::state::{AppState, Overlay, PromptKind, SaveState};

/// How often (ticks) an open assessment is re-read, to show changes made by
/// another frontera on the same database.
const REFRESH_TICKS: u64 = 20;

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::Tick => tick(state),
        Action::Done(outcome) => outcome::apply(state, outcome),
        Action::Resize(width, height) => {
            state.size = (width, height);
            scroll::clamp_all(state);
            Vec::new()
        }
        Action::Quit => quit(state),
        // Behind the "too small" notice nothing can be seen, so nothing acts
        // but resizing and quitting.
        _ if state.too_small() => Vec::new(),
        action => {
            state.message = None;
            if matches!(action, Action::ShowHelp)
                && !matches!(state.overlay, Some(Overlay::Help { .. }))
            {
                // Help lies over the reader or a question, and gives it back.
                let under = state.overlay.take().map(Box::new);
                state.overlay = Some(Overlay::Help { scroll: 0, under });
                return Vec::new();
            }
            route(state, action)
        }
    }
}

fn route(state: &mut AppState, action: Action) -> Vec<Effect> {
    if state.overlay.is_some() {
        overlay::update(state, action)
    } else if state.workspace.is_some() && state.screen == super::state::Screen::Workspace {
        workspace::update(state, action)
    } else {
        home::update(state, action)
    }
}

/// Quitting sends what an open notes editor holds; everything else is already
/// saved. A count being typed was never confirmed with Enter, so it is not
/// saved, as `Esc` would not save it either.
fn quit(state: &mut AppState) -> Vec<Effect> {
    let effects = match &state.overlay {
        Some(Overlay::Editor(_)) => editor::close(state),
        Some(Overlay::Prompt(p)) if matches!(p.kind, PromptKind::Count { .. }) => {
            state.overlay = None;
            Vec::new()
        }
        _ => Vec::new(),
    };
    state.quit = true;
    effects
}

fn tick(state: &mut AppState) -> Vec<Effect> {
    state.ticks += 1;
    match &state.workspace {
        Some(ws)
            if state.pending == 0
                && state.overlay.is_none()
                && state.ticks.is_multiple_of(REFRESH_TICKS) =>
        {
            vec![Effect::Refresh(ws.bundle.header.id.clone())]
        }
        _ => Vec::new(),
    }
}

/// Sends a change to the database: "saving…" until its commit is confirmed.
pub(super) fn save(state: &mut AppState, effect: Effect) -> Vec<Effect> {
    state.pending += 1;
    state.save = SaveState::Saving;
    vec![effect]
}

#[cfg(test)]
mod editor_tests;
#[cfg(test)]
mod tests;
