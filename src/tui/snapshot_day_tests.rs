//! Snapshots of the evaluator's-day screens at 80×24 and 120×40: the focused
//! item view, a carried-over follow-up, the start form offering carry-over,
//! the filters menu, section N/A, the clear-answer question, the visit form.

use super::keys::{Key, KeyPress};
use super::snapshot_tests::snap;
use super::test_support::{
    DRAFT_ID, FINAL_ID, app, c, carried_follow_up, k, open, press, store, type_text,
};
use crate::domain::lang::Lang;

#[test]
fn the_focused_item_shows_question_answer_and_five_levels() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, FINAL_ID);
    press(&mut state, &mut runner, &[k(Key::Tab), k(Key::Enter)]);
    snap("focus_en", &state);
}

#[test]
fn the_focused_item_in_spanish_on_a_carried_over_follow_up() {
    let mut db = store(true);
    let id = carried_follow_up(&mut db);
    let (mut state, mut runner) = app(db, Lang::Es);
    open(&mut state, &mut runner, id.as_str());
    press(
        &mut state,
        &mut runner,
        &[k(Key::Tab), k(Key::Down), k(Key::Enter)],
    );
    snap("focus_carried_es", &state);
}

#[test]
fn a_carried_over_follow_up_lists_its_proposals() {
    let mut db = store(true);
    let id = carried_follow_up(&mut db);
    let (mut state, mut runner) = app(db, Lang::En);
    open(&mut state, &mut runner, id.as_str());
    press(&mut state, &mut runner, &[k(Key::Tab), k(Key::Down)]);
    snap("carried_list_en", &state);
}

#[test]
fn starting_a_follow_up_offers_to_carry_answers_over() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    // DEMO-PE-DES, the last post, has final assessments.
    press(&mut state, &mut runner, &[k(Key::End), c('s')]);
    snap("start_form_carry_en", &state);
}

#[test]
fn the_filters_menu() {
    let (mut state, mut runner) = app(store(true), Lang::Pt);
    open(&mut state, &mut runner, DRAFT_ID);
    press(&mut state, &mut runner, &[c('f')]);
    snap("filters_pt", &state);
}

#[test]
fn a_whole_section_not_applicable_asks_one_reason() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    press(&mut state, &mut runner, &[c('X')]);
    snap("section_na_en", &state);
}

#[test]
fn clearing_an_answer_with_a_note_asks_first() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    press(&mut state, &mut runner, &[c('2'), c('e')]);
    type_text(&mut state, &mut runner, "Seen at booth 3");
    press(&mut state, &mut runner, &[k(Key::Esc), c('c')]);
    snap("clear_confirm_en", &state);
}

#[test]
fn the_visit_form_from_the_summary() {
    let (mut state, mut runner) = app(store(true), Lang::Es);
    open(&mut state, &mut runner, DRAFT_ID);
    press(&mut state, &mut runner, &[k(Key::BackTab), c('m')]);
    snap("method_form_es", &state);
}

#[test]
fn the_help_lists_every_key_at_the_large_size_too() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    press(&mut state, &mut runner, &[KeyPress::ch('?')]);
    snap("help_items_en", &state);
}
