//! The plan, the follow-up and the review pass as a person types them in the
//! interface, checked against what the store then holds.

use crate::domain::assessment::Status;
use crate::domain::lang::Lang;
use crate::domain::plan::{ActionStatus, Cite, Outcome};
use crate::tui::keys::Key;
use crate::tui::runner::Runner;
use crate::tui::state::workspace::Tab;
use crate::tui::state::{AppState, Overlay};
use crate::tui::test_support::{
    DRAFT_ID, SUBMITTED_ID, app, app_as, c, current_id, current_item, k, open, press, render,
    store, type_text,
};

fn go(state: &mut AppState, tab: Tab) {
    state.workspace.as_mut().unwrap().show(tab);
}

/// Replaces what a prompt holds with `text` and presses Enter.
fn answer_prompt(state: &mut AppState, runner: &mut Runner, text: &str) {
    if let Some(Overlay::Prompt(p)) = &mut state.overlay {
        p.input = crate::tui::state::input::LineInput::new("");
    }
    type_text(state, runner, text);
    press(state, runner, &[k(Key::Enter)]);
}

#[test]
fn the_plan_tab_proposes_edits_moves_and_filters_actions() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    go(&mut state, Tab::Plan);
    assert!(render(&state, 80, 24).contains("Press p to propose"));
    press(&mut state, &mut runner, &[c('p')]);
    let id = current_id(&state);
    let stored = runner.store().actions(&id).unwrap();
    assert!(!stored.is_empty());
    assert!(state.message.as_ref().unwrap().text.contains("added"));
    // Proposing again adds nothing.
    press(&mut state, &mut runner, &[c('p')]);
    assert_eq!(runner.store().actions(&id).unwrap().len(), stored.len());

    // Agency (fourth field), then a due date before the visit: refused in
    // the prompt, which stays open with why.
    press(
        &mut state,
        &mut runner,
        &[k(Key::Right), k(Key::Right), k(Key::Right), k(Key::Enter)],
    );
    answer_prompt(&mut state, &mut runner, "Policía Nacional");
    press(&mut state, &mut runner, &[k(Key::Right), k(Key::Enter)]);
    answer_prompt(&mut state, &mut runner, "2001-01-01");
    assert!(
        matches!(&state.overlay, Some(Overlay::Prompt(p)) if p.error.as_deref().is_some_and(|e| e.contains("before the visit"))),
        "{:?}",
        state.overlay
    );
    answer_prompt(&mut state, &mut runner, "2099-06-30");
    press(&mut state, &mut runner, &[k(Key::Right), k(Key::Enter)]);
    answer_prompt(&mut state, &mut runner, "18 500 usd");
    let first = runner.store().action(&id, stored[0].number).unwrap();
    assert_eq!(first.agency, "Policía Nacional");
    assert_eq!(first.due.as_deref(), Some("2099-06-30"));
    assert_eq!(first.cost.as_ref().map(|c| c.amount), Some(18_500));
    assert!(first.edited);

    // Status: the list offers agreed and dropped; dropping asks why.
    press(
        &mut state,
        &mut runner,
        &[k(Key::Left), k(Key::Left), k(Key::Left), k(Key::Enter)],
    );
    assert!(matches!(&state.overlay, Some(Overlay::Choice(ch)) if ch.options.len() == 2));
    press(&mut state, &mut runner, &[k(Key::Down), k(Key::Enter)]);
    assert!(
        matches!(&state.overlay, Some(Overlay::Prompt(_))),
        "asks the reason"
    );
    answer_prompt(&mut state, &mut runner, "covered by the national programme");
    let first = runner.store().action(&id, first.number).unwrap();
    assert_eq!(first.status, ActionStatus::Dropped);
    assert_eq!(
        first.status_reason.as_deref(),
        Some("covered by the national programme")
    );

    // The status filter: dropped only.
    let dropped_index = ActionStatus::ALL
        .iter()
        .position(|s| *s == ActionStatus::Dropped)
        .unwrap();
    for _ in 0..=dropped_index {
        press(&mut state, &mut runner, &[c('f')]);
    }
    let ws = state.workspace.as_ref().unwrap();
    assert_eq!(ws.plan.status_filter, Some(ActionStatus::Dropped));
    assert_eq!(ws.plan.visible().len(), 1);
    assert!(render(&state, 80, 24).contains("status: dropped"));
    // Going to the cited item (or equipment type) from the plan.
    press(&mut state, &mut runner, &[c('o')]);
    let ws = state.workspace.as_ref().unwrap();
    match &first.cites[0] {
        Cite::Item(item) => assert_eq!(ws.current_item().unwrap().id, *item),
        Cite::Equipment(type_id) => {
            assert_eq!(ws.tab(), Tab::Equipment);
            assert_eq!(ws.equipment.selected_type(), Some(type_id.as_str()));
        }
    }
}

#[test]
fn an_action_is_added_from_an_item_and_targets_are_set_from_the_plan() {
    let (mut state, mut runner) = app(store(true), Lang::Es);
    open(&mut state, &mut runner, DRAFT_ID);
    go(&mut state, Tab::Pillar(1));
    let item = current_item(&state);
    press(&mut state, &mut runner, &[c('A')]);
    let Some(Overlay::Prompt(p)) = &state.overlay else {
        panic!("asks the title");
    };
    assert!(
        !p.input.text().is_empty(),
        "the title starts from the recommendation"
    );
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    let id = current_id(&state);
    let actions = runner.store().actions(&id).unwrap();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].cites, [Cite::Item(item)]);
    assert_eq!(state.workspace.as_ref().unwrap().tab(), Tab::Plan);
    // Target of pillar 2 to 4: choose the pillar, then the level.
    press(
        &mut state,
        &mut runner,
        &[c('t'), k(Key::Down), k(Key::Enter)],
    );
    press(&mut state, &mut runner, &[k(Key::Down), k(Key::Enter)]);
    assert_eq!(runner.store().assessment(&id).unwrap().targets[1], 4);
    assert!(render(&state, 80, 24).contains("P2 3/4"));
}

#[test]
fn the_follow_up_tab_records_what_became_of_the_previous_plan() {
    let (mut state, mut runner) = app(store(true), Lang::Pt);
    open(&mut state, &mut runner, DRAFT_ID);
    go(&mut state, Tab::FollowUp);
    assert_eq!(state.workspace.as_ref().unwrap().tab(), Tab::FollowUp);
    let screen = render(&state, 80, 24);
    assert!(screen.contains("taxa de conclusão"), "{screen}");
    let id = current_id(&state);
    let before = runner.store().followup_review(&id).unwrap().unwrap();
    let (earlier, _) = &before.entries[0];
    // Choose "not relevant" (the fourth outcome) and write why.
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    assert!(matches!(&state.overlay, Some(Overlay::Choice(_))));
    press(
        &mut state,
        &mut runner,
        &[
            k(Key::Down),
            k(Key::Down),
            k(Key::Down),
            k(Key::Down),
            k(Key::Enter),
        ],
    );
    answer_prompt(&mut state, &mut runner, "Superado pela nova lei");
    let after = runner.store().followup_review(&id).unwrap().unwrap();
    let found = after
        .entries
        .iter()
        .find(|(a, _)| a.id == earlier.id)
        .unwrap();
    let found = found.1.as_ref().unwrap();
    assert_eq!(found.outcome, Outcome::NotRelevant);
    assert_eq!(found.note, "Superado pela nova lei");
    assert!(render(&state, 80, 24).contains("não mais pertinente"));
    // The summary tab shows the closure rate.
    go(&mut state, Tab::Summary);
    assert!(render(&state, 80, 24).contains("Plano anterior"));
}

#[test]
fn a_reviewer_flags_the_evaluator_answers_and_only_then_it_finalises() {
    let (mut state, mut runner) = app_as(store(true), Lang::En, "Beatriz");
    open(&mut state, &mut runner, SUBMITTED_ID);
    let id = current_id(&state);
    go(&mut state, Tab::Pillar(0));
    let item = current_item(&state);
    press(&mut state, &mut runner, &[c('v')]);
    assert!(
        matches!(&state.overlay, Some(Overlay::Prompt(_))),
        "asks the comment"
    );
    answer_prompt(&mut state, &mut runner, "Which law? Cite it in the note.");
    let open_flags = runner.store().review_flags(&id, true).unwrap();
    assert_eq!(open_flags.len(), 2, "the demo's open flag and this one");
    assert!(render(&state, 80, 24).contains('⚑'));
    // Only flagged items.
    press(&mut state, &mut runner, &[c('V')]);
    let ws = state.workspace.as_ref().unwrap();
    assert!(ws.flagged_only);
    assert_eq!(ws.items.iter().map(Vec::len).sum::<usize>(), 2);
    // Finalising waits, and says which flags.
    press(&mut state, &mut runner, &[c('F')]);
    if matches!(&state.overlay, Some(Overlay::Confirm(_))) {
        press(&mut state, &mut runner, &[k(Key::Enter)]);
    }
    assert_eq!(
        runner.store().assessment(&id).unwrap().status,
        Status::Submitted
    );
    let message = state.message.as_ref().unwrap().text.clone();
    assert!(
        message.contains(&item) && message.contains("Which law?"),
        "{message}"
    );

    // The evaluator answers both: a reply to one, a changed answer to the other.
    let (mut state, mut runner) = app_as(runner.into_store(), Lang::En, "Renata Souza");
    open(&mut state, &mut runner, SUBMITTED_ID);
    go(&mut state, Tab::Pillar(0));
    press(&mut state, &mut runner, &[c('V')]);
    let ws = state.workspace.as_ref().unwrap();
    let p = ws.items.iter().position(|v| !v.is_empty()).unwrap();
    go(&mut state, Tab::Pillar(p));
    press(&mut state, &mut runner, &[c('v')]);
    assert!(
        matches!(&state.overlay, Some(Overlay::Prompt(pr)) if matches!(pr.kind, crate::tui::state::PromptKind::FlagReply { .. })),
        "an evaluator answers"
    );
    answer_prompt(&mut state, &mut runner, "Lei 13.445/2017; cited now.");
    let left = runner.store().review_flags(&id, true).unwrap();
    assert_eq!(left.len(), 1);
    let Cite::Item(other) = &left[0].target else {
        panic!("an item");
    };
    let other = other.clone();
    let location = state.workspace.as_mut().unwrap().locate(&other).unwrap();
    state
        .workspace
        .as_mut()
        .unwrap()
        .go_to(location.0, location.1);
    press(&mut state, &mut runner, &[c('2')]);
    assert!(runner.store().review_flags(&id, true).unwrap().is_empty());
    press(&mut state, &mut runner, &[c('F')]);
    match &state.overlay {
        Some(Overlay::Confirm(_)) => press(&mut state, &mut runner, &[k(Key::Enter)]),
        Some(Overlay::Prompt(_)) => answer_prompt(&mut state, &mut runner, "pilot"),
        _ => {}
    }
    assert_eq!(
        runner.store().assessment(&id).unwrap().status,
        Status::Final
    );
}
