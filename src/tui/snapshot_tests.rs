//! Every screen at 80×24 and at 120×40, drawn into a test backend and kept as
//! insta snapshots (src/tui/snapshots/). Data: the deterministic demo.

use insta::assert_snapshot;

use super::keys::{Key, KeyPress};
use super::test_support::{DRAFT_ID, FINAL_ID, app, c, k, open, press, render, store, type_text};
use crate::domain::lang::Lang;

/// The screen as it is now, at the smallest supported size and a large one.
pub fn snap(name: &str, state: &super::state::AppState) {
    assert_snapshot!(name.to_string(), render(state, 80, 24));
    assert_snapshot!(format!("{name}_120x40"), render(state, 120, 40));
}

#[test]
fn home_lists_posts_and_the_selected_posts_assessments() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    press(&mut state, &mut runner, &[k(Key::Down), k(Key::Down)]);
    snap("home_en", &state);
}

#[test]
fn home_in_spanish_uses_decimal_commas_and_glossary_terms() {
    let (mut state, mut runner) = app(store(true), Lang::Es);
    press(&mut state, &mut runner, &[k(Key::End), k(Key::Tab)]);
    snap("home_es", &state);
}

#[test]
fn an_empty_database_offers_the_demo() {
    let (state, _runner) = app(store(false), Lang::En);
    snap("home_empty", &state);
}

#[test]
fn the_checklist_shows_marks_and_the_items_detail() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    snap("items_en", &state);
}

#[test]
fn the_checklist_in_spanish() {
    let (mut state, mut runner) = app(store(true), Lang::Es);
    open(&mut state, &mut runner, DRAFT_ID);
    press(&mut state, &mut runner, &[k(Key::Tab), c('g')]);
    snap("items_es", &state);
}

#[test]
fn the_equipment_tab_shows_counts_indices_and_flags() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, FINAL_ID);
    press(
        &mut state,
        &mut runner,
        &[
            k(Key::BackTab),
            k(Key::BackTab),
            k(Key::BackTab),
            k(Key::Down),
        ],
    );
    snap("equipment_en", &state);
}

#[test]
fn the_summary_compares_with_the_previous_final_assessment() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, FINAL_ID);
    press(&mut state, &mut runner, &[k(Key::BackTab)]);
    snap("summary_en", &state);
}

#[test]
fn the_plan_tab_lists_actions_with_targets_and_the_selected_fields() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, FINAL_ID);
    press(
        &mut state,
        &mut runner,
        &[k(Key::BackTab), k(Key::BackTab), k(Key::BackTab)],
    );
    snap("plan_en", &state);
}

#[test]
fn the_follow_up_tab_reviews_the_previous_plan() {
    let (mut state, mut runner) = app(store(true), Lang::Es);
    open(&mut state, &mut runner, DRAFT_ID);
    press(&mut state, &mut runner, &[k(Key::BackTab), k(Key::BackTab)]);
    snap("followup_es", &state);
}

#[test]
fn help_is_generated_from_the_key_table() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    press(&mut state, &mut runner, &[c('?')]);
    snap("help_en", &state);
}

#[test]
fn the_post_form_marks_invalid_fields() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    press(&mut state, &mut runner, &[c('a')]);
    type_text(&mut state, &mut runner, "x");
    press(&mut state, &mut runner, &[k(Key::Tab), k(Key::Tab)]);
    type_text(&mut state, &mut runner, "PER");
    press(&mut state, &mut runner, &[KeyPress::ctrl('s')]);
    snap("post_form_errors", &state);
}

#[test]
fn starting_an_assessment_asks_kind_and_evaluators() {
    let (mut state, mut runner) = app(store(true), Lang::Pt);
    press(&mut state, &mut runner, &[c('s')]);
    snap("start_form_pt", &state);
}

#[test]
fn deleting_a_draft_asks_for_confirmation() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    press(&mut state, &mut runner, &[k(Key::Tab), c('d')]);
    snap("confirm_delete", &state);
}

#[test]
fn not_applicable_asks_for_a_reason() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    press(&mut state, &mut runner, &[c('x'), k(Key::Enter)]);
    snap("na_prompt", &state);
}

#[test]
fn notes_open_in_an_editor() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    press(&mut state, &mut runner, &[c('e')]);
    type_text(&mut state, &mut runner, "Plan seen at the chief's office.");
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    type_text(&mut state, &mut runner, "No budget lines.");
    snap("editor", &state);
}

#[test]
fn cited_procedures_open_in_the_reader() {
    let (mut state, mut runner) = app(store(true), Lang::Es);
    open(&mut state, &mut runner, DRAFT_ID);
    let ws = state.workspace.as_ref().unwrap();
    let (p, pos) = (0..ws.items.len())
        .flat_map(|p| (0..ws.items[p].len()).map(move |pos| (p, pos)))
        .find(|&(p, pos)| !ws.item_at(p, pos).unwrap().procedures.is_empty())
        .unwrap();
    state.workspace.as_mut().unwrap().go_to(p, pos);
    press(&mut state, &mut runner, &[c('p')]);
    snap("reader_es", &state);
}

#[test]
fn search_lists_matching_items() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    press(&mut state, &mut runner, &[c('/')]);
    type_text(&mut state, &mut runner, "minor");
    snap("search", &state);
}

#[test]
fn the_export_prompt_proposes_a_file_name() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, FINAL_ID);
    press(&mut state, &mut runner, &[c('r')]);
    snap("export_prompt", &state);
}

#[test]
fn a_small_terminal_gets_a_polite_message() {
    let (state, _runner) = app(store(true), Lang::En);
    let screen = render(&state, 60, 20);
    assert!(screen.contains("frontera needs at least 80×24"), "{screen}");
    assert_snapshot!("too_small", screen);
}

/// Every screen and overlay, drawn at sizes from tiny to huge: nothing panics.
#[test]
fn every_screen_draws_at_any_size() {
    let (mut state, mut runner) = app(store(true), Lang::Pt);
    open(&mut state, &mut runner, DRAFT_ID);
    let sizes = [
        (1, 1),
        (20, 5),
        (79, 24),
        (80, 23),
        (80, 24),
        (123, 41),
        (250, 70),
    ];
    let mut screens = 0;
    for keys in [
        vec![],
        vec![k(Key::BackTab)],
        vec![k(Key::BackTab), k(Key::BackTab)],
        vec![k(Key::BackTab), k(Key::BackTab), k(Key::BackTab)],
        vec![k(Key::BackTab), k(Key::BackTab), k(Key::BackTab), c('p')],
        vec![k(Key::BackTab), k(Key::BackTab), k(Key::BackTab), c('t')],
        vec![c('?')],
        vec![c('x')],
        vec![c('e')],
        vec![c('/'), c('a')],
        vec![c('S')],
        vec![k(Key::Esc)],
        vec![c('a')],
        vec![c('s')],
    ] {
        let (mut s, mut r) = (
            state.clone(),
            super::test_support::app(store(true), Lang::Pt).1,
        );
        press(&mut s, &mut r, &keys);
        for (w, h) in sizes {
            render(&s, w, h);
            screens += 1;
        }
    }
    assert_eq!(screens, 98);
}

#[test]
fn without_colour_only_emphasis_is_used() {
    use ratatui::style::Color;
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, FINAL_ID);
    press(&mut state, &mut runner, &[k(Key::BackTab)]);
    let colours = |state: &crate::tui::state::AppState| {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|f| {
                super::views::draw(f, state);
            })
            .unwrap();
        let buffer = terminal.backend().buffer().clone();
        buffer
            .content
            .iter()
            .filter(|cell| cell.fg != Color::Reset || cell.bg != Color::Reset)
            .count()
    };
    assert_eq!(colours(&state), 0);
    state.color = true;
    assert!(colours(&state) > 0);
}

#[test]
fn stored_control_characters_are_shown_escaped_on_screen() {
    let mut store = store(false);
    let mut post = crate::domain::fixtures::land_post(true);
    post.name = "Kasani\u{1b}[2J\u{9b}".into();
    post.agencies = vec!["SUNAT\u{1b}]0;x\u{7}".into()];
    store.add_post(&post).unwrap();
    let (state, _) = app(store, Lang::En);
    let screen = render(&state, 80, 24);
    assert!(screen.contains("Kasani\\u{1b}[2J\\u{9b}"), "{screen}");
    assert!(screen.contains("SUNAT\\u{1b}]0;x\\u{7}"), "{screen}");
}
