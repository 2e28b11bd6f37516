//! The mouse on drawn screens: each click lands where the text is shown,
//! through the same zones the real loop records, key table and update.

use crate::domain::lang::Lang;
use crate::tui::keys::Key;
use crate::tui::mouse::{self, MouseInput, Pointer};
use crate::tui::runner::Runner;
use crate::tui::state::AppState;
use crate::tui::state::home::HomeFocus;
use crate::tui::state::workspace::Tab;
use crate::tui::test_support::{
    DRAFT_ID, act, app, c, current_item, k, open, press, render_with_hits, store,
};

/// Draws the screen at the state's size and points at `(x, y)`.
fn point(state: &mut AppState, runner: &mut Runner, pointer: Pointer, x: u16, y: u16) {
    let (width, height) = state.size;
    let (_, hits) = render_with_hits(state, width, height);
    if let Some(action) = mouse::resolve(state.mode(), &hits, MouseInput::new(pointer, x, y)) {
        act(state, runner, action);
    }
}

/// The column and row where `needle` is first drawn.
fn find(state: &AppState, needle: &str) -> (u16, u16) {
    let (width, height) = state.size;
    let (screen, _) = render_with_hits(state, width, height);
    for (y, line) in screen.lines().enumerate() {
        // The test backend quotes each row.
        let row: String = line.chars().skip(1).collect();
        if let Some(byte) = row.find(needle) {
            let x = row[..byte].chars().count();
            return (x as u16, y as u16);
        }
    }
    panic!("{needle:?} is not on the screen:\n{screen}");
}

fn click_on(state: &mut AppState, runner: &mut Runner, needle: &str) {
    let (x, y) = find(state, needle);
    point(state, runner, Pointer::Click, x, y);
}

/// The list text of the item `n` rows below the selected one, as drawn.
fn list_text_below(state: &AppState, n: usize) -> (String, String) {
    let ws = state.workspace.as_ref().unwrap();
    let Tab::Pillar(p) = ws.tab() else {
        panic!("not on a pillar tab")
    };
    let item = ws.item_at(p, ws.selected[p] + n).unwrap();
    let text: String = item
        .text
        .get(Lang::En)
        .list_text()
        .chars()
        .take(12)
        .collect();
    (item.id.clone(), text)
}

#[test]
fn clicking_an_item_selects_it_and_clicking_it_again_reads_it() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    let (id, text) = list_text_below(&state, 2);
    click_on(&mut state, &mut runner, &text);
    assert_eq!(current_item(&state), id);
    assert!(!state.workspace.as_ref().unwrap().focus);
    click_on(&mut state, &mut runner, &text);
    assert!(
        state.workspace.as_ref().unwrap().focus,
        "a click on the chosen row is Enter"
    );
}

#[test]
fn the_wheel_moves_in_the_list_and_scrolls_the_detail() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    let (next, text) = list_text_below(&state, 1);
    let (x, y) = find(&state, &text);
    point(&mut state, &mut runner, Pointer::WheelDown, x, y);
    assert_eq!(current_item(&state), next);
    point(&mut state, &mut runner, Pointer::WheelUp, x, y);
    let before = current_item(&state);
    assert_ne!(before, next);
    // Over the detail (right half), the wheel scrolls it and keeps the item.
    point(&mut state, &mut runner, Pointer::WheelDown, 60, 10);
    let ws = state.workspace.as_ref().unwrap();
    assert_eq!(ws.detail_scroll, 3, "one notch is three rows");
    assert_eq!(current_item(&state), before);
}

#[test]
fn clicking_a_tab_opens_it_and_a_summary_row_leads_to_its_item() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    click_on(&mut state, &mut runner, "Summary");
    let ws = state.workspace.as_ref().unwrap();
    assert!(matches!(ws.tab(), Tab::Summary));
    let (gaps, _) = ws.summary_items();
    assert!(gaps.len() > 1, "the demo draft has critical gaps");
    let second = gaps[1].0.clone();
    let text: String = second
        .text
        .get(Lang::En)
        .list_text()
        .chars()
        .take(12)
        .collect();
    click_on(&mut state, &mut runner, &text);
    assert_eq!(state.workspace.as_ref().unwrap().summary_selected, 1);
    click_on(&mut state, &mut runner, &text);
    let ws = state.workspace.as_ref().unwrap();
    assert!(
        matches!(ws.tab(), Tab::Pillar(_)),
        "Enter on a gap goes to it"
    );
    assert_eq!(current_item(&state), second.id);
}

#[test]
fn on_the_home_screen_a_click_chooses_a_post_then_opens_its_assessment() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    let second = state.home.posts[1].code.clone();
    click_on(&mut state, &mut runner, second.as_str());
    assert_eq!(state.home.selected_post().unwrap().code, second);
    assert_eq!(state.home.focus, HomeFocus::Posts);
    let first = state.home.post_assessments()[0].id.clone();
    click_on(&mut state, &mut runner, first.as_str());
    assert_eq!(state.home.focus, HomeFocus::Assessments);
    click_on(&mut state, &mut runner, first.as_str());
    let ws = state.workspace.as_ref().expect("the assessment opened");
    assert_eq!(ws.bundle.header.id, first);
}

#[test]
fn behind_a_menu_the_screen_underneath_does_not_take_clicks() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    let (_, text) = list_text_below(&state, 2);
    let before = current_item(&state);
    let (x, y) = find(&state, &text);
    press(&mut state, &mut runner, &[c('f')]);
    assert!(state.overlay.is_some());
    point(&mut state, &mut runner, Pointer::Click, x, y);
    press(&mut state, &mut runner, &[k(Key::Esc)]);
    assert_eq!(current_item(&state), before);
}

#[test]
fn the_help_says_what_the_mouse_does_in_each_language() {
    for (lang, word) in [
        (Lang::En, "the wheel"),
        (Lang::Es, "la rueda"),
        (Lang::Pt, "a roda"),
    ] {
        let (mut state, mut runner) = app(store(true), lang);
        press(&mut state, &mut runner, &[c('?'), k(Key::End)]);
        let (screen, _) = render_with_hits(&state, 120, 40);
        assert!(screen.contains(word), "{lang:?}:\n{screen}");
    }
}
