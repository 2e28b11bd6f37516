//! Flows as a person types them: key presses through key table → update →
//! runner against a store in memory, then what the store holds is checked.

use crate::domain::assessment::{Response, Status};
use crate::domain::lang::Lang;
use crate::domain::post::PostCode;
use crate::tui::keys::{Key, KeyPress};
use crate::tui::runner::Runner;
use crate::tui::state::{AppState, SaveState, Screen};
use crate::tui::test_support::{
    DRAFT_ID, FINAL_ID, app, c, current_id, current_item, current_text, k, open, press, response,
    store, type_text,
};

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
