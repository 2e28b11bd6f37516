//! Helpers for the interface's tests: a demo database in memory, key presses
//! driven through key table → update → runner, and rendering at a size.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::action::Action;
use super::effect::Effect;
use super::keys::{Key, KeyPress};
use super::runner::Runner;
use super::state::AppState;
use super::{keymap, settle, update, views};
use crate::content::{self, PackSource};
use crate::domain::assessment::{AssessmentId, Response};
use crate::domain::lang::Lang;
use crate::store::Store;

pub const ACTOR: &str = "ana";
/// A final demo assessment (PE-DES follow-up) and a draft (EC-RUM follow-up).
pub const FINAL_ID: &str = "ec7fd7e81359";
pub const DRAFT_ID: &str = "74516aacb39a";
/// The submitted demo assessment (BR-FOZ), with one review flag open.
pub const SUBMITTED_ID: &str = "b131d10baeb5";

pub fn store(demo: bool) -> Store {
    let mut store = Store::open_in_memory(ACTOR).unwrap();
    if demo {
        let source = PackSource::embedded();
        let pack = content::load(&source).pack.unwrap();
        crate::demo::load_demo(&mut store, &source, &pack).unwrap();
    }
    store
}

/// The home screen over a store, loaded as at start-up.
pub fn app(store: Store, lang: Lang) -> (AppState, Runner) {
    app_as(store, lang, ACTOR)
}

/// [`app`] for someone else than the usual evaluator (a reviewer).
pub fn app_as(mut store: Store, lang: Lang, actor: &str) -> (AppState, Runner) {
    store.set_actor(actor);
    let mut runner = Runner::new(store, None, lang);
    let mut state = AppState::new(lang, actor, PathBuf::from("unused.db"), false);
    // A fixed day, so overdue actions are the same on every run.
    state.today = "2026-12-01".into();
    settle(
        &mut state,
        &mut runner,
        vec![Effect::LoadHome { select: None }],
    );
    steady(&mut state);
    (state, runner)
}

/// Replaces the timestamps that the demo stamps with "now", so screens are the
/// same on every run.
pub fn steady(state: &mut AppState) {
    for a in &mut state.home.assessments {
        if a.finalised_at.is_some() {
            a.finalised_at = Some("2026-11-20T10:00:00Z".into());
        }
    }
}

pub fn open(state: &mut AppState, runner: &mut Runner, id: &str) {
    let id = runner.store().resolve(id).unwrap();
    settle(state, runner, vec![Effect::OpenAssessment(id)]);
    steady(state);
}

/// Presses keys as a person would: key table → update → runner.
pub fn press(state: &mut AppState, runner: &mut Runner, keys: &[KeyPress]) {
    for key in keys {
        if let Some(action) = keymap::resolve(state.mode(), *key) {
            act(state, runner, action);
        }
    }
}

pub fn act(state: &mut AppState, runner: &mut Runner, action: Action) {
    let effects = update::update(state, action);
    settle(state, runner, effects);
    steady(state);
}

/// Types text, one character per key press.
pub fn type_text(state: &mut AppState, runner: &mut Runner, text: &str) {
    let keys: Vec<KeyPress> = text.chars().map(KeyPress::ch).collect();
    press(state, runner, &keys);
}

pub fn k(key: Key) -> KeyPress {
    KeyPress::plain(key)
}

pub fn c(ch: char) -> KeyPress {
    KeyPress::ch(ch)
}

pub fn render(state: &AppState, width: u16, height: u16) -> String {
    render_with_hits(state, width, height).0
}

/// The screen and where its rows went, for clicking on it.
pub fn render_with_hits(state: &AppState, width: u16, height: u16) -> (String, views::hits::Hits) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut hits = views::hits::Hits::default();
    terminal
        .draw(|frame| hits = views::draw(frame, state))
        .unwrap();
    (terminal.backend().to_string(), hits)
}

/// The selected item's id.
pub fn current_item(state: &AppState) -> String {
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
pub fn current_text(state: &AppState, lang: Lang) -> crate::domain::pack::ItemText {
    let ws = state.workspace.as_ref().unwrap();
    let item = ws.current_item().unwrap();
    item.text.get(lang).clone()
}

pub fn current_id(state: &AppState) -> AssessmentId {
    state.workspace.as_ref().unwrap().bundle.header.id.clone()
}

pub fn response(runner: &Runner, id: &AssessmentId, item: &str) -> Option<Response> {
    runner
        .store()
        .answers(id)
        .unwrap()
        .into_iter()
        .find(|a| a.item == item)
        .map(|a| a.response)
}

/// A follow-up of the demo's Desaguadero post carried over from its latest
/// final assessment ([`FINAL_ID`]), every proposal still to confirm.
pub fn carried_follow_up(store: &mut Store) -> AssessmentId {
    use crate::domain::assessment::{AssessmentKind, Depth};
    use crate::domain::post::PostCode;
    let source = PackSource::embedded();
    let pack = content::load(&source).pack.unwrap();
    let post = PostCode::parse("DEMO-PE-DES").unwrap();
    let id = store
        .create_assessment(
            &crate::store::NewAssessment {
                post: post.clone(),
                kind: AssessmentKind::FollowUp,
                evaluators: vec!["Ana".into()],
                id: Some(AssessmentId::new("cafe00000001".into())),
                created_at: Some("2026-11-30T09:00:00Z".into()),
                depth: Depth::Full,
            },
            &source,
            &pack,
        )
        .unwrap();
    let target = store.post(&post).unwrap();
    let items = pack.asked_items(&target, Depth::Full);
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    store.carry_over(&id, &items).unwrap();
    id
}
