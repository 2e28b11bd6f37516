//! The notes editor saves every change, one save in flight at a time, shows
//! "saved" only while the database holds the screen's text, never overwrites a
//! note changed elsewhere, and keeps text it cannot save.

use crate::domain::assessment::NOTE_MAX_CHARS;
use crate::domain::lang::Lang;
use crate::tui::action::{Action, NoteFailure, Outcome};
use crate::tui::effect::Effect;
use crate::tui::keys::KeyPress;
use crate::tui::runner::Runner;
use crate::tui::state::{AppState, NoteTarget, Overlay, SaveState};
use crate::tui::test_support::{DRAFT_ID, app, open, store};

use super::update;

fn editing() -> (AppState, Runner, String) {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    let item = state
        .workspace
        .as_ref()
        .unwrap()
        .current_item()
        .unwrap()
        .id
        .clone();
    update(&mut state, Action::EditNotes);
    (state, runner, item)
}

fn typed(state: &mut AppState, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| update(state, Action::Type(KeyPress::ch(c))))
        .collect()
}

/// Runs the effects through the runner and feeds the outcomes back.
fn deliver(state: &mut AppState, runner: &mut Runner, effects: Vec<Effect>) -> Vec<Effect> {
    let mut next = Vec::new();
    for effect in effects {
        for outcome in runner.run(effect) {
            next.extend(update(state, Action::Done(outcome)));
        }
    }
    next
}

fn note_of(effects: &[Effect]) -> Vec<(String, String)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SetNote { note, expected, .. } => Some((note.clone(), expected.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn every_change_is_sent_and_the_next_save_takes_the_latest_text() {
    let (mut state, mut runner, _) = editing();
    let first = typed(&mut state, "a");
    assert_eq!(note_of(&first), [("a".to_string(), String::new())]);
    // While that save is in flight, more typing sends nothing yet…
    assert!(typed(&mut state, "bc").is_empty());
    assert_eq!(state.save_shown(), SaveState::Saving);
    // …and when it is committed, the latest text goes, built on it.
    let second = deliver(&mut state, &mut runner, first);
    assert_eq!(note_of(&second), [("abc".to_string(), "a".to_string())]);
    assert_eq!(state.save_shown(), SaveState::Saving);
    let third = deliver(&mut state, &mut runner, second);
    assert!(third.is_empty());
    assert_eq!(state.save_shown(), SaveState::Saved);
    // One more key, and "saved" goes until it is committed.
    let fourth = typed(&mut state, "d");
    assert_eq!(state.save_shown(), SaveState::Saving);
    deliver(&mut state, &mut runner, fourth);
    assert_eq!(state.save_shown(), SaveState::Saved);
}

#[test]
fn leaving_sends_what_is_not_saved_yet_after_the_save_in_flight() {
    let (mut state, mut runner, item) = editing();
    let first = typed(&mut state, "Seen");
    let closing = update(&mut state, Action::Back);
    assert!(state.overlay.is_none());
    assert_eq!(
        note_of(&closing),
        [("Seen".to_string(), "S".to_string())],
        "the last text goes, built on the text in flight"
    );
    deliver(&mut state, &mut runner, first);
    deliver(&mut state, &mut runner, closing);
    let id = runner.store().resolve(DRAFT_ID).unwrap();
    let stored = runner.store().answers(&id).unwrap();
    assert_eq!(stored.iter().find(|a| a.item == item).unwrap().note, "Seen");
    assert_eq!(state.save_shown(), SaveState::Saved);
}

#[test]
fn a_note_changed_elsewhere_is_kept_and_a_choice_decides() {
    let (mut state, _, item) = editing();
    let target = NoteTarget::Item(item);
    let first = typed(&mut state, "mine");
    assert_eq!(note_of(&first).len(), 1);
    let conflict = NoteFailure::Changed {
        stored: "theirs".into(),
        by: "bea".into(),
        at: "2026-12-01T10:00:00Z".into(),
    };
    let outcome = Outcome::NoteNotSaved {
        target: target.clone(),
        text: "m".into(),
        failure: conflict,
        refresh: None,
    };
    assert!(update(&mut state, Action::Done(outcome)).is_empty());
    assert!(matches!(state.save_shown(), SaveState::Failed(_)));
    // Typing goes on, but nothing is sent while the conflict stands.
    assert!(typed(&mut state, "!").is_empty());
    let mut both = state.clone();
    let mut theirs = state.clone();
    let keep = update(&mut state, Action::KeepMine);
    assert_eq!(
        note_of(&keep),
        [("mine!".to_string(), "theirs".to_string())]
    );
    let keep = update(&mut both, Action::KeepBoth);
    assert_eq!(
        note_of(&keep),
        [("theirs\n\nmine!".to_string(), "theirs".to_string())]
    );
    let take = update(&mut theirs, Action::TakeTheirs);
    assert!(matches!(
        take.as_slice(),
        [Effect::WriteRecovery { text, .. }] if text == "mine!"
    ));
    match &theirs.overlay {
        Some(Overlay::Editor(e)) => assert_eq!(e.text(), "theirs"),
        other => panic!("the editor should stay open: {other:?}"),
    }
}

#[test]
fn a_refused_note_stays_on_screen_and_goes_to_a_recovery_file() {
    let (mut state, _, item) = editing();
    typed(&mut state, "late");
    let outcome = Outcome::NoteNotSaved {
        target: NoteTarget::Item(item),
        text: "l".into(),
        failure: NoteFailure::Refused("assessment x is final".into()),
        refresh: None,
    };
    let effects = update(&mut state, Action::Done(outcome));
    assert!(matches!(
        effects.as_slice(),
        [Effect::WriteRecovery { text, .. }] if text == "late"
    ));
    assert!(matches!(&state.overlay, Some(Overlay::Editor(e)) if e.text() == "late"));
    update(
        &mut state,
        Action::Done(Outcome::RecoveryWritten(Ok("/tmp/kept.txt".into()))),
    );
    assert!(
        state
            .message
            .as_ref()
            .unwrap()
            .text
            .contains("/tmp/kept.txt")
    );
    assert!(matches!(state.save_shown(), SaveState::Failed(_)));
}

#[test]
fn a_paste_is_one_edit_and_a_long_one_is_cut_at_the_cap_with_a_word_why() {
    let (mut state, _, _) = editing();
    let effects = update(&mut state, Action::Paste("line one\nline two".into()));
    assert_eq!(
        note_of(&effects),
        [("line one\nline two".to_string(), String::new())]
    );
    let (mut state, _, _) = editing();
    let huge = "x".repeat(NOTE_MAX_CHARS + 500);
    let effects = update(&mut state, Action::Paste(huge));
    let sent = note_of(&effects);
    assert_eq!(sent[0].0.chars().count(), NOTE_MAX_CHARS);
    let message = &state.message.as_ref().unwrap().text;
    assert!(
        message.contains("10000") && message.contains("evidence file"),
        "{message}"
    );
    // At the cap, typing adds nothing.
    update(&mut state, Action::Type(KeyPress::ch('y')));
    assert!(matches!(&state.overlay,
        Some(Overlay::Editor(e)) if e.text().chars().count() == NOTE_MAX_CHARS));
}
