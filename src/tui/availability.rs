//! Which keys act in the situation at hand, so that the key bar shows only
//! those (no "0–4 set level" on a final assessment, no "open" without a post).

use crate::domain::assessment::Status;

use super::action::Action;
use super::keymap::Mode;
use super::state::{AppState, Overlay, Screen};

/// What decides whether a key acts now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KeyContext {
    /// The open assessment's status, in the workspace.
    pub status: Option<Status>,
    pub has_post: bool,
    pub has_assessment: bool,
    /// The selected assessment on the home screen is a draft.
    pub draft_selected: bool,
    /// The notes editor waits for a choice about a conflict.
    pub conflict: bool,
    /// The plan tab lists at least one action.
    pub plan_actions: bool,
    /// The selected item has a carried-over answer waiting.
    pub carried: bool,
}

impl KeyContext {
    pub fn of(state: &AppState) -> KeyContext {
        let in_workspace = state.screen == Screen::Workspace;
        KeyContext {
            status: state
                .workspace
                .as_ref()
                .filter(|_| in_workspace)
                .map(|w| w.bundle.header.status),
            has_post: state.home.selected_post().is_some(),
            has_assessment: state.home.selected_assessment().is_some(),
            draft_selected: state
                .home
                .selected_assessment()
                .is_some_and(|a| a.status == Status::Draft),
            conflict: matches!(&state.overlay, Some(Overlay::Editor(e)) if e.conflict.is_some()),
            plan_actions: state
                .workspace
                .as_ref()
                .is_some_and(|w| !w.plan.visible().is_empty()),
            carried: state.workspace.as_ref().is_some_and(|w| {
                w.current_item()
                    .is_some_and(|item| w.carried(&item.id).is_some())
            }),
        }
    }
}

/// Whether `action`, bound in `mode`, does something in `context`.
pub fn available(action: &Action, mode: Mode, context: &KeyContext) -> bool {
    let editable = !matches!(context.status, Some(Status::Final));
    match (mode, action) {
        (Mode::Home, Action::Open | Action::StartAssessment | Action::EditPost) => context.has_post,
        (Mode::Home, Action::ExportReport) => context.has_assessment,
        (Mode::Home, Action::DeleteDraft) => context.draft_selected,
        (
            Mode::Items,
            Action::SetLevel(_)
            | Action::MarkNotApplicable
            | Action::ClearResponse
            | Action::EditNotes,
        ) => editable,
        (Mode::Items, Action::ConfirmCarried) => editable && context.carried,
        (
            Mode::Equipment,
            Action::Open | Action::ClearResponse | Action::EditNotes | Action::AddUncatalogued,
        ) => editable,
        (Mode::Plan, Action::SetTarget)
        | (Mode::FollowUp, Action::Open)
        | (Mode::Summary, Action::EditMethod) => editable,
        (Mode::Plan, Action::Open | Action::MoveRight | Action::GoToCited) => context.plan_actions,
        (_, Action::Submit) => context.status == Some(Status::Draft),
        (_, Action::Finalise) => matches!(context.status, Some(Status::Draft | Status::Submitted)),
        (_, Action::Reopen) => matches!(context.status, Some(Status::Submitted | Status::Final)),
        (Mode::Editor, Action::KeepMine | Action::TakeTheirs | Action::KeepBoth) => {
            context.conflict
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_final_assessment_offers_reopen_and_no_editing() {
        let fin = KeyContext {
            status: Some(Status::Final),
            ..KeyContext::default()
        };
        assert!(!available(&Action::SetLevel(3), Mode::Items, &fin));
        assert!(!available(&Action::Finalise, Mode::Items, &fin));
        assert!(!available(&Action::Submit, Mode::Summary, &fin));
        assert!(available(&Action::Reopen, Mode::Items, &fin));
        let draft = KeyContext {
            status: Some(Status::Draft),
            ..KeyContext::default()
        };
        assert!(available(&Action::SetLevel(3), Mode::Items, &draft));
        assert!(!available(&Action::Reopen, Mode::Items, &draft));
        let empty = KeyContext::default();
        assert!(!available(&Action::Open, Mode::Home, &empty));
        assert!(!available(&Action::DeleteDraft, Mode::Home, &empty));
    }
}
