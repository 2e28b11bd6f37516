//! `update` as a pure function: given a state and an action, the new state and
//! the effects asked for. (The state is loaded once through the runner; the
//! effects returned here are inspected, not run.)

use crate::domain::assessment::Response;
use crate::domain::lang::Lang;
use crate::tui::action::{Action, Outcome};
use crate::tui::effect::Effect;
use crate::tui::keys::{Key, KeyPress};
use crate::tui::runner::Runner;
use crate::tui::state::{AppState, Overlay, SaveState, Screen};
use crate::tui::test_support::{DRAFT_ID, FINAL_ID, app, open, store};

use super::update;

fn workspace(id: &str) -> (AppState, Runner) {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, id);
    (state, runner)
}

fn selected(state: &AppState) -> (usize, usize, String) {
    let ws = state.workspace.as_ref().unwrap();
    let item = ws.current_item().unwrap().id.clone();
    (ws.tab, ws.selected[ws.tab], item)
}

#[test]
fn opening_lands_on_the_first_open_item() {
    let (state, _) = workspace(DRAFT_ID);
    let ws = state.workspace.as_ref().unwrap();
    let item = ws.current_item().unwrap();
    assert!(ws.response(&item.id).is_open());
    assert_eq!(ws.first_open(), Some((ws.tab, ws.selected[ws.tab])));
    assert_eq!(state.screen, Screen::Workspace);
}

#[test]
fn a_level_key_answers_without_moving_and_asks_for_one_save() {
    let (mut state, _) = workspace(DRAFT_ID);
    let before = selected(&state);
    let effects = update(&mut state, Action::SetLevel(3));
    assert_eq!(selected(&state), before);
    let ws = state.workspace.as_ref().unwrap();
    assert_eq!(ws.response(&before.2), Response::Level(3));
    assert!(matches!(
        effects.as_slice(),
        [Effect::SetResponse { item, response: Response::Level(3), .. }] if *item == before.2
    ));
    assert_eq!((state.pending, &state.save), (1, &SaveState::Saving));
}

#[test]
fn saved_shows_only_when_every_pending_change_is_committed() {
    let (mut state, mut runner) = workspace(DRAFT_ID);
    let first = update(&mut state, Action::SetLevel(2));
    update(&mut state, Action::MoveDown);
    let second = update(&mut state, Action::SetLevel(4));
    let outcome = runner.run(first.into_iter().next().unwrap()).remove(0);
    update(&mut state, Action::Done(outcome));
    assert_eq!(
        state.save,
        SaveState::Saving,
        "one change is still in flight"
    );
    // The in-flight level stays on screen while the older refresh arrives.
    let (_, _, item) = selected(&state);
    assert_eq!(
        state.workspace.as_ref().unwrap().response(&item),
        Response::Level(4)
    );
    let outcome = runner.run(second.into_iter().next().unwrap()).remove(0);
    update(&mut state, Action::Done(outcome));
    assert_eq!((state.pending, &state.save), (0, &SaveState::Saved));
}

#[test]
fn a_final_assessment_is_read_only() {
    let (mut state, _) = workspace(FINAL_ID);
    let (_, _, item) = selected(&state);
    let before = state.workspace.as_ref().unwrap().response(&item);
    for action in [
        Action::SetLevel(0),
        Action::ClearResponse,
        Action::MarkNotApplicable,
        Action::EditNotes,
    ] {
        assert!(update(&mut state, action).is_empty());
        assert!(state.overlay.is_none());
    }
    assert_eq!(state.workspace.as_ref().unwrap().response(&item), before);
    assert!(state.message.as_ref().unwrap().text.contains("read-only"));
}

#[test]
fn not_applicable_needs_a_reason() {
    let (mut state, _) = workspace(DRAFT_ID);
    let (_, _, item) = selected(&state);
    assert!(update(&mut state, Action::MarkNotApplicable).is_empty());
    assert!(update(&mut state, Action::Confirm).is_empty());
    match &state.overlay {
        Some(Overlay::Prompt(p)) => assert!(p.error.is_some()),
        other => panic!("the prompt should stay open: {other:?}"),
    }
    for c in "No river crossing".chars() {
        update(&mut state, Action::Type(KeyPress::ch(c)));
    }
    let effects = update(&mut state, Action::Confirm);
    assert!(matches!(
        effects.as_slice(),
        [Effect::SetResponse { item: i, response: Response::NotApplicable { reason }, .. }]
            if *i == item && reason == "No river crossing"
    ));
    assert!(state.overlay.is_none());
}

#[test]
fn next_open_skips_answered_items_and_crosses_pillars() {
    let (mut state, _) = workspace(DRAFT_ID);
    let ws = state.workspace.as_ref().unwrap();
    let expected = ws.next_open().unwrap();
    update(&mut state, Action::NextOpen);
    let ws = state.workspace.as_ref().unwrap();
    assert_eq!((ws.tab, ws.selected[ws.tab]), expected);
    assert!(ws.response(&ws.current_item().unwrap().id).is_open());
    // From the last item of the last pillar it goes round to an earlier one.
    let last = ws.items.len() - 1;
    let end = ws.items[last].len() - 1;
    state.workspace.as_mut().unwrap().go_to(last, end);
    update(&mut state, Action::NextOpen);
    let ws = state.workspace.as_ref().unwrap();
    assert!((ws.tab, ws.selected[ws.tab]) < (last, end));
}

#[test]
fn leaving_the_notes_editor_saves_what_was_typed() {
    let (mut state, _) = workspace(DRAFT_ID);
    let (_, _, item) = selected(&state);
    update(&mut state, Action::EditNotes);
    for c in "Seen.".chars() {
        update(&mut state, Action::Type(KeyPress::ch(c)));
    }
    update(&mut state, Action::Type(KeyPress::plain(Key::Enter)));
    update(&mut state, Action::Type(KeyPress::ch('q')));
    let effects = update(&mut state, Action::Back);
    assert!(matches!(
        effects.as_slice(),
        [Effect::SetNote { item: i, note, .. }] if *i == item && note == "Seen.\nq"
    ));
    assert!(state.overlay.is_none());
}

#[test]
fn the_editor_saves_on_a_pause_and_quitting_saves_it_too() {
    let (mut state, _) = workspace(DRAFT_ID);
    update(&mut state, Action::EditNotes);
    update(&mut state, Action::Type(KeyPress::ch('a')));
    assert!(update(&mut state, Action::Tick).is_empty());
    assert!(update(&mut state, Action::Tick).is_empty());
    let effects = update(&mut state, Action::Tick);
    assert!(matches!(effects.as_slice(), [Effect::SetNote { note, .. }] if note == "a"));
    assert!(
        matches!(state.overlay, Some(Overlay::Editor(_))),
        "the editor stays open"
    );
    update(&mut state, Action::Type(KeyPress::ch('b')));
    let effects = update(&mut state, Action::Quit);
    assert!(matches!(effects.as_slice(), [Effect::SetNote { note, .. }] if note == "ab"));
    assert!(state.quit);
}

#[test]
fn a_count_is_saved_on_enter_or_esc_and_a_bad_one_is_refused() {
    let (mut state, _) = workspace(DRAFT_ID);
    let tabs = state.workspace.as_ref().unwrap().tab_count();
    state.workspace.as_mut().unwrap().tab = tabs - 2;
    update(&mut state, Action::MoveRight);
    update(&mut state, Action::Type(KeyPress::ch('7')));
    update(&mut state, Action::Type(KeyPress::ch('x')));
    assert!(
        update(&mut state, Action::Confirm).is_empty(),
        "7x is not a number"
    );
    update(&mut state, Action::Type(KeyPress::plain(Key::Backspace)));
    let effects = update(&mut state, Action::Cancel);
    assert!(matches!(
        effects.as_slice(),
        [Effect::UpdateEquipment { update, .. }] if update.present == Some(Some(7)) && update.functional.is_none()
    ));
    // Quitting with a count half typed keeps it too.
    update(&mut state, Action::Type(KeyPress::ch('2')));
    let effects = update(&mut state, Action::Quit);
    assert!(matches!(
        effects.as_slice(),
        [Effect::UpdateEquipment { update, .. }] if update.present == Some(Some(2))
    ));
    assert!(state.quit);
}

#[test]
fn going_back_reloads_the_home_screen_on_the_same_post() {
    let (mut state, _) = workspace(DRAFT_ID);
    let effects = update(&mut state, Action::Back);
    assert!(matches!(
        effects.as_slice(),
        [Effect::LoadHome { select: Some(code) }] if code.as_str() == "DEMO-EC-RUM"
    ));
    assert_eq!(state.screen, Screen::Home);
}

#[test]
fn help_opens_and_closes_and_export_results_are_shown() {
    let (mut state, _) = workspace(DRAFT_ID);
    update(&mut state, Action::ShowHelp);
    assert!(matches!(state.overlay, Some(Overlay::Help { .. })));
    update(&mut state, Action::Back);
    assert!(state.overlay.is_none());
    state.export = Some("x.pdf".into());
    update(
        &mut state,
        Action::Done(Outcome::ExportFinished(Err("not available".into()))),
    );
    assert!(state.export.is_none());
    assert!(
        state
            .message
            .as_ref()
            .unwrap()
            .text
            .contains("not available")
    );
}
