//! The notes editor: every change is saved at once through the store worker,
//! one save in flight at a time (the next takes the latest text), each save
//! conditional on the stored note still being what the editor built on. A note
//! changed elsewhere meanwhile is a conflict the person resolves; a note that
//! cannot be saved at all is kept on screen and in a recovery file.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::domain::assessment::NOTE_MAX_CHARS;
use crate::tui::action::{NoteFailure, Refresh};
use crate::tui::effect::Effect;
use crate::tui::i18n::{fill, texts};
use crate::tui::keys::{Key, KeyPress};
use crate::tui::state::{AppState, NoteConflict, NoteTarget, NotesEditor, Overlay, SaveState};

use super::save;

/// An editor over `text`, the note as stored.
pub fn editor(target: NoteTarget, text: &str) -> NotesEditor {
    let mut textarea = TextArea::new(text.split('\n').map(str::to_string).collect());
    textarea.set_wrap_mode(WrapMode::WordOrGlyph);
    move_to_end(&mut textarea);
    NotesEditor {
        target,
        textarea,
        base: text.to_string(),
        sent: None,
        conflict: None,
        refused: None,
        recovery: None,
    }
}

fn move_to_end(textarea: &mut TextArea<'static>) {
    textarea.move_cursor(CursorMove::Bottom);
    textarea.move_cursor(CursorMove::End);
}

fn editor_mut(state: &mut AppState) -> Option<&mut NotesEditor> {
    match &mut state.overlay {
        Some(Overlay::Editor(editor)) => Some(editor),
        _ => None,
    }
}

/// The save of `text` over `expected`, shown in advance on the workspace.
fn save_note(
    state: &mut AppState,
    target: NoteTarget,
    text: String,
    expected: String,
) -> Vec<Effect> {
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let id = ws.bundle.header.id.clone();
    match &target {
        NoteTarget::Item(item) => ws.set_local(item, None, Some(text.clone())),
        NoteTarget::Equipment(type_id) => {
            crate::tui::state::equipment::set_local(&mut ws.bundle, type_id, None, Some(&text));
        }
    }
    save(
        state,
        Effect::SetNote {
            id,
            target,
            note: text,
            expected,
        },
    )
}

/// Sends the editor's text when it differs from what is stored and nothing is
/// in flight; a conflict or a refusal holds saving until resolved.
pub fn sync(state: &mut AppState) -> Vec<Effect> {
    let Some(editor) = editor_mut(state) else {
        return Vec::new();
    };
    if editor.sent.is_some() || editor.conflict.is_some() || editor.refused.is_some() {
        return Vec::new();
    }
    let text = editor.text();
    if text == editor.base {
        return Vec::new();
    }
    editor.sent = Some(text.clone());
    let (target, expected) = (editor.target.clone(), editor.base.clone());
    save_note(state, target, text, expected)
}

/// A key typed into the editor; the note's length is capped.
pub fn type_key(state: &mut AppState, key: KeyPress) -> Vec<Effect> {
    let t = texts(state.lang);
    let Some(editor) = editor_mut(state) else {
        return Vec::new();
    };
    let adds = matches!(key.key, Key::Char(_) | Key::Enter | Key::Tab) && !key.ctrl && !key.alt;
    if adds && editor.text().chars().count() >= NOTE_MAX_CHARS {
        let max = NOTE_MAX_CHARS.to_string();
        state.error(fill(t.msg_note_cap, &[("max", &max)]));
        return Vec::new();
    }
    editor.textarea.input(key.to_textarea_input());
    sync(state)
}

/// A paste: one edit, cut to the cap, saved at once.
pub fn paste(state: &mut AppState, text: &str) -> Vec<Effect> {
    let t = texts(state.lang);
    let Some(editor) = editor_mut(state) else {
        return Vec::new();
    };
    let room = NOTE_MAX_CHARS.saturating_sub(editor.text().chars().count());
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let fits: String = text.chars().take(room).collect();
    editor.textarea.insert_str(&fits);
    if fits.chars().count() < text.chars().count() {
        let max = NOTE_MAX_CHARS.to_string();
        state.error(fill(t.msg_note_cap, &[("max", &max)]));
    }
    sync(state)
}

/// Leaves the editor. What is not saved yet is sent now (after the save in
/// flight, which the worker runs first); text that cannot be saved goes to a
/// recovery file.
pub fn close(state: &mut AppState) -> Vec<Effect> {
    let Some(Overlay::Editor(editor)) = state.overlay.take() else {
        return Vec::new();
    };
    let text = editor.text();
    let Some(ws) = state.workspace.as_ref() else {
        return Vec::new();
    };
    let id = ws.bundle.header.id.clone();
    if editor.refused.is_some() || editor.conflict.is_some() {
        // Theirs stays in the database; mine is kept in a file.
        return vec![Effect::WriteRecovery {
            id,
            target: editor.target,
            text,
            path: editor.recovery,
        }];
    }
    let expected = editor.sent.clone().unwrap_or_else(|| editor.base.clone());
    if text == expected {
        return Vec::new();
    }
    save_note(state, editor.target, text, expected)
}

/// A note's save was committed.
pub fn saved(
    state: &mut AppState,
    target: &NoteTarget,
    text: String,
    refresh: Refresh,
) -> Vec<Effect> {
    state.pending = state.pending.saturating_sub(1);
    if state.pending == 0 {
        state.save = SaveState::Saved;
        if let Some(ws) = state.workspace.as_mut() {
            ws.apply_refresh(refresh);
        }
    }
    match editor_mut(state) {
        Some(editor) if editor.target == *target => {
            editor.base = text;
            editor.sent = None;
            sync(state)
        }
        _ => Vec::new(),
    }
}

/// A note's save was refused.
pub fn not_saved(
    state: &mut AppState,
    target: &NoteTarget,
    text: String,
    failure: NoteFailure,
    refresh: Option<Refresh>,
) -> Vec<Effect> {
    let t = texts(state.lang);
    state.pending = state.pending.saturating_sub(1);
    if let (Some(refresh), Some(ws), 0) = (refresh, state.workspace.as_mut(), state.pending) {
        ws.apply_refresh(refresh);
    }
    let Some(id) = state.workspace.as_ref().map(|w| w.bundle.header.id.clone()) else {
        return Vec::new();
    };
    match editor_mut(state) {
        Some(editor) if editor.target == *target => {
            editor.sent = None;
            match failure {
                NoteFailure::Changed { stored, by, at } => {
                    editor.conflict = Some(NoteConflict {
                        theirs: stored,
                        by,
                        at,
                    });
                    Vec::new()
                }
                NoteFailure::Refused(why) => {
                    editor.refused = Some(why);
                    vec![Effect::WriteRecovery {
                        id,
                        target: target.clone(),
                        text: editor.text(),
                        path: editor.recovery.clone(),
                    }]
                }
            }
        }
        // The editor closed before its last save was refused: keep that text.
        _ => {
            let why = match failure {
                NoteFailure::Changed { by, at, .. } => {
                    fill(t.editor_conflict, &[("by", &by), ("at", &at)])
                }
                NoteFailure::Refused(why) => why,
            };
            state.save = SaveState::Failed(why.clone());
            state.error(fill(t.editor_refused, &[("why", &why)]));
            vec![Effect::WriteRecovery {
                id,
                target: target.clone(),
                text,
                path: None,
            }]
        }
    }
}

/// How a note conflict is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
    Both,
}

fn replace_text(editor: &mut NotesEditor, text: &str) {
    editor.textarea = TextArea::new(text.split('\n').map(str::to_string).collect());
    editor.textarea.set_wrap_mode(WrapMode::WordOrGlyph);
    move_to_end(&mut editor.textarea);
}

/// Resolves the open editor's conflict as the person chose.
pub fn resolve(state: &mut AppState, choice: Choice) -> Vec<Effect> {
    let Some(id) = state.workspace.as_ref().map(|w| w.bundle.header.id.clone()) else {
        return Vec::new();
    };
    let Some(editor) = editor_mut(state) else {
        return Vec::new();
    };
    let Some(conflict) = editor.conflict.take() else {
        return Vec::new();
    };
    let mine = editor.text();
    editor.base = conflict.theirs.clone();
    match choice {
        // Saving goes on with mine, now over theirs.
        Choice::Mine => {}
        Choice::Theirs => {
            replace_text(editor, &conflict.theirs);
            // Mine is not thrown away: it goes to a file.
            return vec![Effect::WriteRecovery {
                id,
                target: editor.target.clone(),
                text: mine,
                path: None,
            }];
        }
        Choice::Both => {
            let both = if conflict.theirs.trim().is_empty() {
                mine
            } else {
                format!("{}\n\n{mine}", conflict.theirs)
            };
            replace_text(editor, &both);
        }
    }
    sync(state)
}

/// Where text that could not be saved was kept.
pub fn recovery_written(state: &mut AppState, result: Result<std::path::PathBuf, String>) {
    let t = texts(state.lang);
    match result {
        Ok(path) => {
            let shown = path.display().to_string();
            // An open editor that can still save wrote the file because the
            // person took their text over theirs-not-chosen.
            let took_theirs = matches!(&state.overlay,
                Some(Overlay::Editor(e)) if e.conflict.is_none() && e.refused.is_none());
            if let Some(editor) = editor_mut(state)
                && !took_theirs
            {
                editor.recovery = Some(path);
            }
            let text = if took_theirs {
                fill(t.msg_kept_theirs, &[("path", &shown)])
            } else {
                fill(t.editor_recovery, &[("path", &shown)])
            };
            state.info(text);
        }
        Err(error) => state.error(fill(t.msg_recovery_failed, &[("error", &error)])),
    }
}
