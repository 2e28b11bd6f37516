//! What the runner reports back: loaded data, committed saves, failures and the
//! report export's result.

use crate::tui::action::Outcome;
use crate::tui::effect::Effect;
use crate::tui::i18n::{fill, texts};
use crate::tui::state::workspace::WorkspaceState;
use crate::tui::state::{AppState, ConfirmKind, Overlay, SaveState, Screen};

use super::editor;

pub fn apply(state: &mut AppState, outcome: Outcome) -> Vec<Effect> {
    let t = texts(state.lang);
    match outcome {
        Outcome::HomeLoaded(data) => {
            state.home.load(data);
            if let Some(code) = state.home.needs_summaries() {
                return vec![Effect::LoadSummaries(code)];
            }
        }
        Outcome::SummariesLoaded(list) => state.home.summaries.extend(list),
        Outcome::WorkspaceOpened(bundle, previous, plan) => {
            let mut ws = WorkspaceState::new(*bundle, previous.map(|p| *p), *plan);
            if let Some((p, pos)) = ws.first_open() {
                ws.go_to(p, pos);
            }
            state.workspace = Some(Box::new(ws));
            state.screen = Screen::Workspace;
            state.overlay = None;
        }
        Outcome::Saved(refresh) => {
            state.pending = state.pending.saturating_sub(1);
            if state.pending == 0 {
                state.save = SaveState::Saved;
                if let Some(ws) = state.workspace.as_mut() {
                    let before = ws.bundle.header.status;
                    let after = refresh.header.status;
                    ws.apply_refresh(*refresh);
                    if before != after {
                        let id = ws.bundle.header.id.to_string();
                        state.info(fill(
                            t.msg_status_now,
                            &[("id", &id), ("status", t.status(after))],
                        ));
                    }
                }
            }
        }
        Outcome::SaveFailed(why, refresh) => {
            state.pending = state.pending.saturating_sub(1);
            state.save = SaveState::Failed(why.clone());
            state.error(format!("{} {why}", t.not_saved));
            if let (Some(refresh), Some(ws), 0) = (refresh, state.workspace.as_mut(), state.pending)
            {
                ws.apply_refresh(*refresh);
            }
        }
        Outcome::Refreshed(refresh) => {
            if let (Some(ws), 0) = (state.workspace.as_mut(), state.pending) {
                ws.apply_refresh(*refresh);
            }
        }
        Outcome::PostUpdated(code) => {
            state.overlay = None;
            state.info(fill(t.msg_post_updated, &[("code", code.as_str())]));
            return vec![Effect::LoadHome { select: Some(code) }];
        }
        Outcome::PostCreated(code) => {
            state.overlay = None;
            state.info(fill(t.msg_post_created, &[("code", code.as_str())]));
            return vec![Effect::LoadHome { select: Some(code) }];
        }
        Outcome::AssessmentCreated(id) => {
            state.overlay = None;
            let select = state.home.selected_post().map(|p| p.code.clone());
            return vec![Effect::LoadHome { select }, Effect::OpenAssessment(id)];
        }
        Outcome::DraftDeleted(id) => {
            state.home.summaries.remove(&id);
            state.info(fill(t.msg_deleted, &[("id", id.as_str())]));
            return vec![Effect::LoadHome { select: None }];
        }
        Outcome::DemoLoaded { posts, assessments } => {
            state.info(fill(
                t.msg_demo_loaded,
                &[
                    ("posts", &posts.to_string()),
                    ("assessments", &assessments.to_string()),
                ],
            ));
            return vec![Effect::LoadHome { select: None }];
        }
        Outcome::Failed(why) => match &mut state.overlay {
            Some(Overlay::Form(form)) => form.failure = Some(why),
            _ => state.error(why),
        },
        Outcome::NoteSaved {
            target,
            text,
            refresh,
        } => return editor::saved(state, &target, text, *refresh),
        Outcome::NoteNotSaved {
            target,
            text,
            failure,
            refresh,
        } => return editor::not_saved(state, &target, text, failure, refresh.map(|r| *r)),
        Outcome::RecoveryWritten(result) => editor::recovery_written(state, result),
        Outcome::PlanProposed(summary) => {
            let p = crate::tui::i18n::plan_texts(state.lang);
            let n = |v: &Vec<u32>| v.len().to_string();
            state.info(fill(
                p.msg_proposed,
                &[
                    ("added", &n(&summary.added)),
                    ("updated", &n(&summary.updated)),
                    ("withdrawn", &n(&summary.withdrawn)),
                    ("kept", &n(&summary.kept)),
                ],
            ));
        }
        Outcome::ExportWouldOverwrite(request) => {
            state.export = None;
            state.overlay = Some(Overlay::Confirm(ConfirmKind::Overwrite(request)));
        }
        Outcome::ExportFinished(result) => {
            state.export = None;
            match result {
                Ok(path) => {
                    let path = path.display().to_string();
                    state.info(fill(t.exported, &[("path", &path)]));
                }
                Err(why) => state.error(fill(t.export_failed, &[("error", &why)])),
            }
        }
    }
    Vec::new()
}
