//! `update(&mut AppState, Action) → Vec<Effect>`: the only place state changes.
//! Pure: no database, file, clock or terminal; what must happen outside is
//! returned as effects.

mod home;
mod outcome;
mod overlay;
mod workspace;

use super::action::Action;
use super::effect::Effect;
use super::state::{AppState, NoteTarget, Overlay, SaveState};

/// Ticks (250 ms) of pause after which an open notes editor saves, and the
/// longest it keeps unsaved text while someone types without a pause.
const EDITOR_PAUSE_TICKS: u32 = 3;
const EDITOR_MAX_TICKS: u32 = 20;
/// How often (ticks) an open assessment is re-read, to show changes made by
/// another frontera on the same database.
const REFRESH_TICKS: u64 = 20;

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::Tick => tick(state),
        Action::Done(outcome) => outcome::apply(state, outcome),
        Action::Quit => quit(state),
        action => {
            state.message = None;
            let help_open = matches!(state.overlay, Some(Overlay::Help { .. }));
            if matches!(action, Action::ShowHelp) && !help_open {
                state.overlay = Some(Overlay::Help { scroll: 0 });
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

/// Quitting saves an open editor (notes, or a count being typed) first;
/// everything else is already saved.
fn quit(state: &mut AppState) -> Vec<Effect> {
    let mut effects = save_editor(state);
    if let Some(Overlay::Prompt(prompt)) = &state.overlay
        && matches!(prompt.kind, super::state::PromptKind::Count { .. })
    {
        effects.extend(overlay::update(state, Action::Confirm));
    }
    state.quit = true;
    effects
}

fn tick(state: &mut AppState) -> Vec<Effect> {
    state.ticks += 1;
    if let Some(Overlay::Editor(editor)) = &mut state.overlay
        && editor.text() != editor.saved_text
    {
        editor.idle_ticks += 1;
        editor.dirty_ticks += 1;
        if editor.idle_ticks >= EDITOR_PAUSE_TICKS || editor.dirty_ticks >= EDITOR_MAX_TICKS {
            return save_editor(state);
        }
        return Vec::new();
    }
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

/// Saves the open notes editor if its text changed (the editor stays open).
pub(super) fn save_editor(state: &mut AppState) -> Vec<Effect> {
    let Some(Overlay::Editor(editor)) = &mut state.overlay else {
        return Vec::new();
    };
    let text = editor.text();
    editor.idle_ticks = 0;
    editor.dirty_ticks = 0;
    if text == editor.saved_text {
        return Vec::new();
    }
    editor.saved_text = text.clone();
    let target = editor.target.clone();
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let id = ws.bundle.header.id.clone();
    let effect = match target {
        NoteTarget::Item(item) => {
            ws.set_local(&item, None, Some(text.clone()));
            Effect::SetNote {
                id,
                item,
                note: text,
            }
        }
        NoteTarget::Equipment(type_id) => {
            super::state::equipment::set_local(&mut ws.bundle, &type_id, None, Some(&text));
            ws.score = ws.bundle.score();
            Effect::UpdateEquipment {
                id,
                type_id,
                update: crate::store::EquipmentUpdate {
                    note: Some(text),
                    ..Default::default()
                },
            }
        }
    };
    save(state, effect)
}

#[cfg(test)]
mod tests;
