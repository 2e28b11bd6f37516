//! Flows of an evaluator's day as they are typed: filters, undo, section
//! N/A, clearing with a note, the summary's jumps and the scroll marks.

use crate::domain::assessment::{AssessmentId, Response};
use crate::domain::lang::Lang;
use crate::tui::keys::Key;
use crate::tui::runner::Runner;
use crate::tui::state::AppState;
use crate::tui::test_support::{
    DRAFT_ID, FINAL_ID, app, c, current_id, current_item, k, open, press, response, store,
    type_text,
};

#[test]
fn filters_combine_and_show_in_the_pane_title() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    let all: usize = state
        .workspace
        .as_ref()
        .unwrap()
        .items
        .iter()
        .map(Vec::len)
        .sum();
    // f, Enter: "open" on; Down, Enter: "critical" on too; Esc closes.
    let open_and_critical = [
        c('f'),
        k(Key::Enter),
        k(Key::Down),
        k(Key::Enter),
        k(Key::Esc),
    ];
    press(&mut state, &mut runner, &open_and_critical);
    assert!(state.overlay.is_none());
    let ws = state.workspace.as_ref().unwrap();
    let listed: Vec<(usize, usize)> = (0..ws.items.len())
        .flat_map(|p| (0..ws.items[p].len()).map(move |pos| (p, pos)))
        .collect();
    assert!(
        !listed.is_empty() && listed.len() < all,
        "{} of {all}",
        listed.len()
    );
    for (p, pos) in &listed {
        let item = ws.item_at(*p, *pos).unwrap();
        assert!(item.critical, "{}", item.id);
        assert!(ws.response(&item.id).is_open(), "{}", item.id);
    }
    let (p, _) = listed[0];
    ws_go_to(&mut state, p);
    let screen = crate::tui::test_support::render(&state, 120, 40);
    assert!(screen.contains("filter: open, critical"), "{screen}");
    // Search looks only among the items listed.
    let ws = state.workspace.as_ref().unwrap();
    for (p, pos) in ws.search("the", Lang::En) {
        assert!(ws.item_at(p, pos).unwrap().critical);
    }
    // Off again: every item is back.
    press(&mut state, &mut runner, &open_and_critical);
    let ws = state.workspace.as_ref().unwrap();
    assert_eq!(ws.items.iter().map(Vec::len).sum::<usize>(), all);
}

fn ws_go_to(state: &mut AppState, pillar: usize) {
    state.workspace.as_mut().unwrap().go_to(pillar, 0);
}

#[test]
fn clearing_an_answer_with_a_note_asks_first_and_keeps_the_note() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    let id = current_id(&state);
    let item = current_item(&state);
    press(&mut state, &mut runner, &[c('3'), c('e')]);
    type_text(&mut state, &mut runner, "Seen at booth 2.");
    press(&mut state, &mut runner, &[k(Key::Esc)]);
    crate::tui::test_support::steady(&mut state);
    // `c`, then Esc: nothing changes.
    press(&mut state, &mut runner, &[c('c')]);
    assert!(matches!(
        state.overlay,
        Some(crate::tui::state::Overlay::Confirm(_))
    ));
    press(&mut state, &mut runner, &[k(Key::Esc)]);
    assert_eq!(response(&runner, &id, &item), Some(Response::Level(3)));
    // `c`, then y: the level goes, the note stays.
    press(&mut state, &mut runner, &[c('c'), c('y')]);
    assert_eq!(response(&runner, &id, &item), Some(Response::Open));
    let note = runner
        .store()
        .answers(&id)
        .unwrap()
        .into_iter()
        .find(|a| a.item == item)
        .map(|a| a.note);
    assert_eq!(note.as_deref(), Some("Seen at booth 2."));
    // Without a note, `c` clears at once.
    for _ in 0..40 {
        press(&mut state, &mut runner, &[k(Key::Down)]);
        let ws = state.workspace.as_ref().unwrap();
        if ws.note(&current_item(&state)).is_empty() {
            break;
        }
    }
    press(&mut state, &mut runner, &[c('2')]);
    let other = current_item(&state);
    assert_eq!(response(&runner, &id, &other), Some(Response::Level(2)));
    press(&mut state, &mut runner, &[c('c')]);
    assert!(state.overlay.is_none());
    assert_eq!(response(&runner, &id, &other), Some(Response::Open));
}

#[test]
fn the_detail_pane_says_when_it_goes_on_below_and_above() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    let detail_foot = |state: &AppState| {
        let screen = crate::tui::test_support::render(state, 80, 24);
        let row = |start: char| {
            screen
                .lines()
                .find(|l| l.trim_start_matches('"').starts_with(start))
                .unwrap_or_default()
                .to_string()
        };
        let (head, foot) = (row('┌'), row('└'));
        // The right-hand pane's part of the border rows.
        let right = |line: &str| line.chars().skip(35).collect::<String>();
        (right(&head), right(&foot))
    };
    let (head, foot) = detail_foot(&state);
    assert!(foot.contains("more ↓") && !foot.contains('↑'), "{foot}");
    press(&mut state, &mut runner, &[k(Key::PageDown)]);
    let (_, foot) = detail_foot(&state);
    assert!(foot.contains("↑ · more ↓"), "{foot}");
    for _ in 0..40 {
        press(&mut state, &mut runner, &[k(Key::PageDown)]);
    }
    let (after, foot) = detail_foot(&state);
    assert!(!foot.contains("more ↓"), "at the end: {foot}");
    assert!(foot.contains('↑'), "{foot}");
    // The title row is left alone.
    assert_eq!(head, after);
}

#[test]
fn enter_on_the_summary_goes_to_the_gap_or_weak_item_chosen() {
    use crate::tui::state::workspace::Tab;
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, FINAL_ID);
    for _ in 0..12 {
        if state.workspace.as_ref().unwrap().tab() == Tab::Summary {
            break;
        }
        press(&mut state, &mut runner, &[k(Key::Tab)]);
    }
    assert_eq!(state.workspace.as_ref().unwrap().tab(), Tab::Summary);
    let listed: Vec<String> = {
        let ws = state.workspace.as_ref().unwrap();
        let (gaps, weak) = ws.summary_items();
        assert!(
            !gaps.is_empty() && weak.len() > 8,
            "{} {}",
            gaps.len(),
            weak.len()
        );
        gaps.iter()
            .chain(&weak)
            .map(|(i, _, _)| i.id.clone())
            .collect()
    };
    // The last weak item: past what the pane shows, so the list scrolls.
    press(&mut state, &mut runner, &[k(Key::End)]);
    let screen = crate::tui::test_support::render(&state, 80, 24);
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    assert!(matches!(
        state.workspace.as_ref().unwrap().tab(),
        Tab::Pillar(_)
    ));
    assert_eq!(current_item(&state), *listed.last().unwrap(), "{screen}");
    // Back to the summary: Down from the first line goes to the second.
    for _ in 0..12 {
        if state.workspace.as_ref().unwrap().tab() == Tab::Summary {
            break;
        }
        press(&mut state, &mut runner, &[k(Key::Tab)]);
    }
    press(
        &mut state,
        &mut runner,
        &[k(Key::Home), k(Key::Down), k(Key::Enter)],
    );
    assert_eq!(current_item(&state), listed[1]);
}

#[test]
fn u_undoes_the_last_answers_in_turn_and_the_log_keeps_both() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    let id = current_id(&state);
    // No row and an open row read the same.
    let response = |runner: &Runner, id: &AssessmentId, item: &str| {
        response(runner, id, item).or(Some(Response::Open))
    };
    let first = current_item(&state);
    let was = response(&runner, &id, &first);
    press(&mut state, &mut runner, &[c('3'), k(Key::Down)]);
    let second = current_item(&state);
    let second_was = response(&runner, &id, &second);
    press(&mut state, &mut runner, &[c('1'), c('2')]);
    assert_eq!(response(&runner, &id, &second), Some(Response::Level(2)));
    // Undo 2, then 1: the second item is back as it was; then the first.
    press(&mut state, &mut runner, &[c('u'), c('u')]);
    assert_eq!(response(&runner, &id, &second), second_was);
    press(&mut state, &mut runner, &[c('u')]);
    assert_eq!(response(&runner, &id, &first), was);
    assert_eq!(current_item(&state), first, "undo goes to the item");
    // Nothing left: a message, no change.
    press(&mut state, &mut runner, &[c('u')]);
    assert_eq!(response(&runner, &id, &first), was);
    let log = runner.store().change_log(&id).unwrap();
    let on_second = log.iter().filter(|c| c.entity_id == second).count();
    assert!(
        on_second >= 4,
        "every change and undo is logged: {on_second}"
    );
}

#[test]
fn a_filter_narrows_the_list_not_the_sections_progress() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    let ws = state.workspace.as_ref().unwrap();
    let section = ws.current_item().unwrap().section.clone();
    let before = ws.section_progress(&section);
    assert!(before.0 > 0, "{before:?}");
    press(
        &mut state,
        &mut runner,
        &[c('f'), k(Key::Enter), k(Key::Esc)],
    );
    let ws = state.workspace.as_ref().unwrap();
    assert_eq!(ws.section_progress(&section), before);
}

#[test]
fn a_whole_section_goes_na_with_one_reason_logged_per_item() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    let id = current_id(&state);
    let (section, items): (String, Vec<String>) = {
        let ws = state.workspace.as_ref().unwrap();
        let section = ws.current_item().unwrap().section.clone();
        let items = ws
            .bundle
            .pack
            .pillars
            .iter()
            .flat_map(|p| &p.items)
            .filter(|i| i.section == section && i.applicability.applies_to(&ws.bundle.post))
            .map(|i| i.id.clone())
            .collect();
        (section, items)
    };
    assert!(items.len() > 1, "{section}: {items:?}");
    // Esc: nothing changes; an empty reason is refused.
    press(&mut state, &mut runner, &[c('X'), k(Key::Esc)]);
    press(&mut state, &mut runner, &[c('X'), k(Key::Enter)]);
    assert!(state.overlay.is_some(), "a reason is required");
    type_text(&mut state, &mut runner, "No cargo at this post.");
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    let na = Response::NotApplicable {
        reason: "No cargo at this post.".into(),
    };
    for item in &items {
        assert_eq!(response(&runner, &id, item), Some(na.clone()), "{item}");
    }
    let log = runner.store().change_log(&id).unwrap();
    for item in &items {
        assert!(
            log.iter()
                .any(|c| &c.entity_id == item
                    && c.new.as_deref() == Some("na: No cargo at this post.")),
            "{item} not logged"
        );
    }
}

#[test]
fn e_on_home_edits_the_post_and_the_visit_form_edits_the_team() {
    use crate::tui::keys::KeyPress;
    let (mut state, mut runner) = app(store(true), Lang::En);
    // The first post, DEMO-AR-AGB (only a draft): its name field comes first.
    press(&mut state, &mut runner, &[c('e'), k(Key::End)]);
    type_text(&mut state, &mut runner, " (paso)");
    press(&mut state, &mut runner, &[KeyPress::ctrl('s')]);
    assert!(state.overlay.is_none(), "saved and closed");
    let code = crate::domain::post::PostCode::parse("DEMO-AR-AGB").unwrap();
    let post = runner.store().post(&code).unwrap();
    assert_eq!(post.name, "Aguas Blancas – Bermejo (paso)");
    // The visit form's first field is the team.
    open(&mut state, &mut runner, DRAFT_ID);
    press(
        &mut state,
        &mut runner,
        &[k(Key::BackTab), c('m'), k(Key::End)],
    );
    type_text(&mut state, &mut runner, ", Luis Mora");
    press(&mut state, &mut runner, &[KeyPress::ctrl('s')]);
    let id = current_id(&state);
    let team = runner.store().assessment(&id).unwrap().evaluators;
    assert_eq!(
        team.last().map(String::as_str),
        Some("Luis Mora"),
        "{team:?}"
    );
}
