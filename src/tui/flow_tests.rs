//! Flows as a person types them: key presses through key table → update →
//! runner against a store in memory, then what the store holds is checked.

use crate::domain::assessment::{AssessmentId, Response, Status};
use crate::domain::lang::Lang;
use crate::domain::post::PostCode;
use crate::tui::keys::{Key, KeyPress};
use crate::tui::runner::Runner;
use crate::tui::state::{AppState, SaveState, Screen};
use crate::tui::test_support::{DRAFT_ID, FINAL_ID, app, c, k, open, press, store, type_text};

fn current_item(state: &AppState) -> String {
    state
        .workspace
        .as_ref()
        .unwrap()
        .current_item()
        .unwrap()
        .id
        .clone()
}

/// The selected item's texts in `lang`.
fn current_text(state: &AppState, lang: Lang) -> crate::domain::pack::ItemText {
    let ws = state.workspace.as_ref().unwrap();
    let item = ws.current_item().unwrap();
    item.text.get(lang).clone()
}

fn current_id(state: &AppState) -> AssessmentId {
    state.workspace.as_ref().unwrap().bundle.header.id.clone()
}

fn response(runner: &Runner, id: &AssessmentId, item: &str) -> Option<Response> {
    runner
        .store()
        .answers(id)
        .unwrap()
        .into_iter()
        .find(|a| a.item == item)
        .map(|a| a.response)
}

#[test]
fn a_new_post_is_registered_assessed_and_finalised_with_the_keyboard_alone() {
    let (mut state, mut runner) = app(store(false), Lang::En);
    // Register a post.
    press(&mut state, &mut runner, &[c('a')]);
    type_text(&mut state, &mut runner, "bo-kas");
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    type_text(&mut state, &mut runner, "Kasani");
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    type_text(&mut state, &mut runner, "bo");
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    type_text(&mut state, &mut runner, "pe");
    press(&mut state, &mut runner, &[KeyPress::ctrl('s')]);
    let post = runner
        .store()
        .post(&PostCode::parse("BO-KAS").unwrap())
        .unwrap();
    assert_eq!(
        (post.name.as_str(), post.neighbour.as_str()),
        ("Kasani", "PE")
    );
    assert!(state.overlay.is_none());
    // Start an assessment (kind, evaluators, depth): it opens on its first
    // open item.
    press(
        &mut state,
        &mut runner,
        &[c('s'), k(Key::Enter), k(Key::Enter), k(Key::Enter)],
    );
    assert_eq!(state.screen, Screen::Workspace);
    let id = current_id(&state);
    // A level, then the next open item, N/A with a reason, then notes.
    let first = current_item(&state);
    press(&mut state, &mut runner, &[c('3'), c('n')]);
    let second = current_item(&state);
    assert_ne!(first, second);
    press(&mut state, &mut runner, &[c('x')]);
    type_text(&mut state, &mut runner, "No such agreement applies");
    press(&mut state, &mut runner, &[k(Key::Enter), c('j'), c('e')]);
    let third = current_item(&state);
    type_text(&mut state, &mut runner, "Checked the logbook");
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    type_text(&mut state, &mut runner, "q and ? are text here");
    press(&mut state, &mut runner, &[k(Key::Esc), c('1')]);
    assert_eq!(response(&runner, &id, &first), Some(Response::Level(3)));
    assert_eq!(
        response(&runner, &id, &second),
        Some(Response::NotApplicable {
            reason: "No such agreement applies".into()
        })
    );
    let answers = runner.store().answers(&id).unwrap();
    let note = answers.iter().find(|a| a.item == third).unwrap();
    assert_eq!(note.note, "Checked the logbook\nq and ? are text here");
    assert_eq!(note.response, Response::Level(1));
    // Equipment: the present count of the first type, and one found elsewhere.
    let tabs = state.workspace.as_ref().unwrap().tab_count();
    // Back past the summary and the plan.
    press(
        &mut state,
        &mut runner,
        &[k(Key::BackTab), k(Key::BackTab), k(Key::BackTab)],
    );
    assert_eq!(state.workspace.as_ref().unwrap().tab, tabs - 3);
    press(
        &mut state,
        &mut runner,
        &[
            k(Key::Right),
            c('4'),
            k(Key::Enter),
            k(Key::Right),
            c('3'),
            k(Key::Enter),
        ],
    );
    press(&mut state, &mut runner, &[c('a')]);
    type_text(&mut state, &mut runner, "Drone");
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    let rows = runner.store().equipment(&id).unwrap();
    let first_type = state.workspace.as_ref().unwrap().equipment.rows[0].clone();
    let row = rows.iter().find(|r| r.type_id == first_type).unwrap();
    assert_eq!(
        (row.counts.present, row.counts.functional),
        (Some(4), Some(3))
    );
    assert!(rows.iter().any(|r| r.type_id == "other:Drone"));
    // Summary, then finalise: three items of many are answered, so it asks why.
    press(
        &mut state,
        &mut runner,
        &[k(Key::Tab), k(Key::Tab), c('F'), k(Key::Enter)],
    );
    assert!(
        matches!(&state.overlay, Some(crate::tui::state::Overlay::Prompt(p)) if p.error.is_some()),
        "finalising an incomplete assessment needs a reason"
    );
    type_text(&mut state, &mut runner, "Pilot visit, one day");
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    assert_eq!(
        runner.store().assessment(&id).unwrap().status,
        Status::Final
    );
    let log = runner.store().change_log(&id).unwrap();
    assert!(
        log.iter()
            .any(|c| c.new.as_deref() == Some("final (reason: Pilot visit, one day)"))
    );
    assert_eq!(state.save, SaveState::Saved);
    // Final is read-only: a level key changes nothing.
    press(&mut state, &mut runner, &[k(Key::Tab), c('0')]);
    assert_eq!(response(&runner, &id, &first), Some(Response::Level(3)));
}

#[test]
fn clearing_and_reopening_with_a_reason_are_logged() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, FINAL_ID);
    let id = current_id(&state);
    press(&mut state, &mut runner, &[c('O'), k(Key::Enter)]);
    assert_eq!(
        runner.store().assessment(&id).unwrap().status,
        Status::Final,
        "no reason, no reopening"
    );
    type_text(&mut state, &mut runner, "typo in a note");
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    assert_eq!(
        runner.store().assessment(&id).unwrap().status,
        Status::Draft
    );
    let log = runner.store().change_log(&id).unwrap();
    assert!(
        log.iter()
            .any(|c| c.new.as_deref() == Some("draft (reason: typo in a note)"))
    );
    let item = current_item(&state);
    // The item has a note: clearing its level asks first.
    press(&mut state, &mut runner, &[c('c'), c('y')]);
    assert_eq!(response(&runner, &id, &item), Some(Response::Open));
}

#[test]
fn a_draft_is_deleted_only_after_confirmation() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    let id = runner.store().resolve(DRAFT_ID).unwrap();
    // EC-RUM is the third post; its newest assessment is the draft.
    press(
        &mut state,
        &mut runner,
        &[c('j'), c('j'), k(Key::Tab), c('d'), k(Key::Esc)],
    );
    assert!(runner.store().assessment_exists(&id).unwrap());
    press(&mut state, &mut runner, &[c('d'), k(Key::Enter)]);
    assert!(!runner.store().assessment_exists(&id).unwrap());
    // A final one is not offered for deletion.
    press(&mut state, &mut runner, &[k(Key::Tab), c('d')]);
    assert!(state.overlay.is_none());
    assert_eq!(runner.store().assessments(None).unwrap().len(), 5);
}

#[test]
fn an_empty_database_loads_the_demo_on_request() {
    let (mut state, mut runner) = app(store(false), Lang::En);
    press(&mut state, &mut runner, &[c('D'), k(Key::Enter)]);
    assert_eq!(runner.store().posts().unwrap().len(), 4);
    assert_eq!(state.home.posts.len(), 4);
    assert!(
        !state.home.summaries.is_empty(),
        "the selected post's scores are loaded"
    );
}

#[test]
fn search_jumps_to_the_item_and_the_level_lands_there() {
    let (mut state, mut runner) = app(store(true), Lang::En);
    open(&mut state, &mut runner, DRAFT_ID);
    let id = current_id(&state);
    press(&mut state, &mut runner, &[c('/')]);
    type_text(&mut state, &mut runner, "unaccompanied");
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    let item = current_item(&state);
    let text = current_text(&state, Lang::En);
    assert!(
        format!("{} {}", text.question, text.guidance)
            .to_lowercase()
            .contains("unaccompanied")
    );
    press(&mut state, &mut runner, &[c('2')]);
    assert_eq!(response(&runner, &id, &item), Some(Response::Level(2)));
}

#[test]
fn search_ignores_accents_and_case_in_spanish() {
    let (mut state, mut runner) = app(store(true), Lang::Es);
    open(&mut state, &mut runner, DRAFT_ID);
    press(&mut state, &mut runner, &[c('/')]);
    // Typed without accents, as on a laptop without a Spanish keyboard.
    type_text(&mut state, &mut runner, "PROTECCION internacional");
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    let item = current_item(&state);
    let text = current_text(&state, Lang::Es);
    let found = format!("{} {}", text.question, text.guidance).to_lowercase();
    assert!(
        found.contains("protección") && found.contains("internacional"),
        "{item}: {found}"
    );
}

#[test]
fn open_starts_in_the_workspace_on_the_first_open_item() {
    let db = tempfile::tempdir().unwrap();
    let options = file_options(db.path(), &DRAFT_ID[..6]);
    let (state, _) = crate::tui::start(&options).unwrap();
    let ws = state.workspace.as_ref().unwrap();
    assert_eq!(ws.bundle.header.id.as_str(), DRAFT_ID);
    assert!(ws.response(&ws.current_item().unwrap().id).is_open());
    let bad = crate::tui::Options {
        open: Some("ffff".into()),
        ..options
    };
    assert!(crate::tui::start(&bad).is_err());
}

/// A demo database in a file (the report worker opens its own connection).
fn file_options(dir: &std::path::Path, open: &str) -> crate::tui::Options {
    let path = dir.join("f.db");
    {
        let mut store = crate::store::Store::open(&path, "ana").unwrap();
        let source = crate::content::PackSource::embedded();
        let pack = crate::content::load(&source).pack.unwrap();
        crate::demo::load_demo(&mut store, &source, &pack).unwrap();
    }
    crate::tui::Options {
        db_path: path,
        content_dir: None,
        lang: Lang::Es,
        actor: "ana".into(),
        open: Some(open.into()),
    }
}

fn file_app(dir: &std::path::Path) -> (AppState, Runner) {
    crate::tui::start(&file_options(dir, FINAL_ID)).unwrap()
}

#[test]
fn the_report_key_exports_to_the_file_named_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let (mut state, mut runner) = file_app(dir.path());
    press(&mut state, &mut runner, &[c('r')]);
    let proposed = match &state.overlay {
        Some(crate::tui::state::Overlay::Prompt(p)) => p.input.text().to_string(),
        other => panic!("expected the export prompt, got {other:?}"),
    };
    assert_eq!(proposed, format!("DEMO-PE-DES-{FINAL_ID}-es.pdf"));
    let output = dir.path().join("informe.pdf");
    press(&mut state, &mut runner, &[KeyPress::ctrl('u')]);
    type_text(&mut state, &mut runner, &output.display().to_string());
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    assert!(state.export.is_none(), "the export finished");
    let message = state.message.clone().unwrap().text;
    assert!(message.contains("informe.pdf"), "{message}");
    let bytes = std::fs::read(&output).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
}

#[test]
fn exports_run_on_another_thread_and_report_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut state, mut runner) = file_app(dir.path());
    let (tx, rx) = std::sync::mpsc::channel();
    runner.set_background(std::sync::Arc::new(move |outcome| {
        let _ = tx.send((std::thread::current().id(), outcome));
    }));
    press(&mut state, &mut runner, &[c('r'), KeyPress::ctrl('u')]);
    type_text(
        &mut state,
        &mut runner,
        &dir.path().join("r.pdf").display().to_string(),
    );
    press(&mut state, &mut runner, &[k(Key::Enter)]);
    assert!(
        state.export.is_some(),
        "still exporting: the key returned at once"
    );
    let (thread, outcome) = rx.recv().unwrap();
    assert_ne!(thread, std::thread::current().id());
    crate::tui::test_support::act(
        &mut state,
        &mut runner,
        crate::tui::action::Action::Done(outcome),
    );
    assert!(state.export.is_none());
    assert!(state.message.is_some());
}

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
            .map(|(i, _)| i.id.clone())
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
    let before = ws.section_progress(0, &section);
    assert!(before.0 > 0, "{before:?}");
    press(
        &mut state,
        &mut runner,
        &[c('f'), k(Key::Enter), k(Key::Esc)],
    );
    let ws = state.workspace.as_ref().unwrap();
    assert_eq!(ws.section_progress(0, &section), before);
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
