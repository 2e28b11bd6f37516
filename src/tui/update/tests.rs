//! `update` as a pure function: given a state and an action, the new state and
//! the effects asked for. (The state is loaded once through the runner; the
//! effects returned here are inspected, not run.)

use crate::domain::assessment::Response;
use crate::domain::lang::Lang;
use crate::tui::action::{Action, Outcome};
use crate::tui::effect::Effect;
use crate::tui::keys::KeyPress;
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
fn a_count_is_saved_on_enter_and_esc_cancels_even_an_invalid_one() {
    let (mut state, _) = workspace(DRAFT_ID);
    state
        .workspace
        .as_mut()
        .unwrap()
        .show(crate::tui::state::workspace::Tab::Equipment);
    update(&mut state, Action::MoveRight);
    // A stray digit, then Esc: nothing is saved.
    update(&mut state, Action::Type(KeyPress::ch('7')));
    assert!(update(&mut state, Action::Cancel).is_empty());
    assert!(state.overlay.is_none());
    // An invalid value, then Esc: the prompt closes all the same.
    update(&mut state, Action::Type(KeyPress::ch('7')));
    update(&mut state, Action::Type(KeyPress::ch('x')));
    assert!(
        update(&mut state, Action::Confirm).is_empty(),
        "7x is not a number"
    );
    assert!(matches!(&state.overlay, Some(Overlay::Prompt(p)) if p.error.is_some()));
    assert!(update(&mut state, Action::Cancel).is_empty());
    assert!(state.overlay.is_none());
    // Enter saves (more present units than functional or maintained ones).
    update(&mut state, Action::Type(KeyPress::ch('2')));
    update(&mut state, Action::Type(KeyPress::ch('0')));
    let effects = update(&mut state, Action::Confirm);
    assert!(state.overlay.is_none(), "{:?}", state.overlay);
    assert!(matches!(
        effects.as_slice(),
        [Effect::UpdateEquipment { update, .. }] if update.present == Some(Some(20)) && update.functional.is_none()
    ));
    // Quitting with a count half typed does not save it.
    update(&mut state, Action::Type(KeyPress::ch('2')));
    assert!(update(&mut state, Action::Quit).is_empty());
    assert!(state.quit);
}

#[test]
fn a_count_that_contradicts_the_others_is_refused_in_the_prompt() {
    let (mut state, _) = workspace(DRAFT_ID);
    let equipment = crate::tui::state::workspace::Tab::Equipment;
    let ws = state.workspace.as_mut().unwrap();
    ws.show(equipment);
    // The first type with units present.
    let present = ws
        .equipment
        .rows
        .iter()
        .position(|t| {
            crate::tui::state::equipment::record(&ws.bundle, t)
                .is_some_and(|r| r.counts.present.is_some_and(|p| p > 0))
        })
        .unwrap();
    ws.equipment.selected = present;
    let type_id = ws.equipment.rows[present].clone();
    let present_count = crate::tui::state::equipment::record(&ws.bundle, &type_id)
        .and_then(|r| r.counts.present)
        .unwrap();
    ws.equipment.column = 2; // functional
    update(&mut state, Action::Open);
    if let Some(Overlay::Prompt(p)) = &mut state.overlay {
        p.input = crate::tui::state::input::LineInput::new(&(present_count + 5).to_string());
    }
    assert!(
        update(&mut state, Action::Confirm).is_empty(),
        "functional above present was sent"
    );
    match &state.overlay {
        Some(Overlay::Prompt(p)) => {
            let error = p.error.as_deref().unwrap_or_default();
            assert!(error.contains("is more than present"), "{error}");
        }
        other => panic!("the prompt should stay open: {other:?}"),
    }
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
    // Over the reader, help gives the reader back.
    let reader = crate::tui::state::Reader {
        procedures: vec!["refusal-of-entry".into()],
        index: 0,
        scroll: 0,
    };
    state.overlay = Some(Overlay::Reader(reader));
    update(&mut state, Action::ShowHelp);
    update(&mut state, Action::Back);
    assert!(
        matches!(state.overlay, Some(Overlay::Reader(_))),
        "{:?}",
        state.overlay
    );
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

#[test]
fn behind_the_too_small_notice_keys_do_nothing_but_quit() {
    let (mut state, _) = workspace(DRAFT_ID);
    let (_, _, item) = selected(&state);
    update(&mut state, Action::Resize(70, 20));
    for action in [
        Action::SetLevel(3),
        Action::NextOpen,
        Action::MarkNotApplicable,
        Action::EditNotes,
    ] {
        assert!(update(&mut state, action).is_empty());
    }
    assert!(state.overlay.is_none());
    assert!(state.workspace.as_ref().unwrap().response(&item).is_open());
    // Only q and Ctrl-C mean something there.
    use crate::tui::keymap::resolve_too_small;
    assert!(resolve_too_small(KeyPress::ch('3')).is_none());
    assert!(matches!(
        resolve_too_small(KeyPress::ch('q')),
        Some(Action::Quit)
    ));
    update(&mut state, Action::Resize(80, 24));
    assert_eq!(update(&mut state, Action::SetLevel(3)).len(), 1);
}

#[test]
fn life_cycle_keys_say_why_they_do_not_apply() {
    let (mut state, _) = workspace(FINAL_ID);
    for (action, words) in [
        (Action::Submit, "cannot be submitted"),
        (Action::Finalise, "already final"),
    ] {
        assert!(update(&mut state, action).is_empty());
        assert!(state.overlay.is_none());
        let text = &state.message.as_ref().unwrap().text;
        assert!(text.contains(words) && !text.contains("is now"), "{text}");
    }
    let (mut state, _) = workspace(DRAFT_ID);
    update(&mut state, Action::Reopen);
    assert!(
        state
            .message
            .as_ref()
            .unwrap()
            .text
            .contains("already a draft")
    );
    // The draft is half answered: finalising asks why, and sends the reason.
    update(&mut state, Action::Finalise);
    assert!(matches!(&state.overlay, Some(Overlay::Prompt(p))
        if matches!(p.kind, crate::tui::state::PromptKind::FinaliseReason { .. })));
    for c in "Visit cut short".chars() {
        update(&mut state, Action::Type(KeyPress::ch(c)));
    }
    let effects = update(&mut state, Action::Confirm);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Transition { transition: crate::domain::assessment::Transition::FinaliseIncomplete { reason }, .. }]
            if reason == "Visit cut short"
    ));
}

#[test]
fn next_open_finishes_the_pillar_before_moving_on() {
    let (mut state, _) = workspace(DRAFT_ID);
    let ws = state.workspace.as_mut().unwrap();
    // The last open item of pillar 2, as after a search jump into its middle.
    let p = 1;
    let open: Vec<usize> = (0..ws.items[p].len())
        .filter(|&pos| {
            ws.item_at(p, pos)
                .is_some_and(|i| ws.response(&i.id).is_open())
        })
        .collect();
    assert!(
        open.len() >= 2,
        "the draft needs two open items in pillar 2"
    );
    ws.go_to(p, *open.last().unwrap());
    update(&mut state, Action::NextOpen);
    let ws = state.workspace.as_ref().unwrap();
    assert_eq!(
        (ws.tab, ws.selected[ws.tab]),
        (p, open[0]),
        "it wraps within the pillar"
    );
}

#[test]
fn help_scrolls_no_further_than_its_end_and_end_goes_there() {
    let (mut state, _) = workspace(DRAFT_ID);
    update(&mut state, Action::ShowHelp);
    for _ in 0..200 {
        update(&mut state, Action::PageDown);
    }
    let max = super::scroll::help_max(&state);
    assert!(max > 0, "the help is longer than a screen at 80×24");
    assert!(matches!(state.overlay, Some(Overlay::Help { scroll, .. }) if scroll == max));
    update(&mut state, Action::MoveFirst);
    update(&mut state, Action::MoveLast);
    assert!(matches!(state.overlay, Some(Overlay::Help { scroll, .. }) if scroll == max));
}

#[test]
fn exporting_over_an_existing_file_asks_first() {
    let (mut state, _) = workspace(DRAFT_ID);
    let request = crate::report::ExportRequest {
        db_path: "x.db".into(),
        assessment: DRAFT_ID.into(),
        output: "old.pdf".into(),
        lang: Lang::En,
        marking: None,
        actor: "ana".into(),
        detail: crate::report::model::Detail::Summary,
    };
    update(
        &mut state,
        Action::Done(Outcome::ExportWouldOverwrite(Box::new(request))),
    );
    assert!(matches!(
        &state.overlay,
        Some(Overlay::Confirm(crate::tui::state::ConfirmKind::Overwrite(
            _
        )))
    ));
    let effects = update(&mut state, Action::Confirm);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Export {
            overwrite: true,
            ..
        }]
    ));
}
