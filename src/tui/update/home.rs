//! Keys on the home screen: posts, their assessments, and what starts from there.

use crate::domain::assessment::Status;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::i18n::{fill, texts};
use crate::tui::state::form::Form;
use crate::tui::state::home::HomeFocus;
use crate::tui::state::{AppState, ConfirmKind, Overlay};

use super::workspace::export_prompt;
use crate::tui::views::hits::{Pane, Target};

const PAGE: isize = 10;

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    let t = texts(state.lang);
    let home = &mut state.home;
    let before = home.post_index;
    match action {
        Action::MoveUp => home.move_by(-1),
        Action::MoveDown => home.move_by(1),
        Action::PageUp => home.move_by(-PAGE),
        Action::PageDown => home.move_by(PAGE),
        Action::MoveFirst => home.move_by(-(isize::MAX / 2)),
        Action::MoveLast => home.move_by(isize::MAX / 2),
        Action::Pick(Target::Row(pane, index)) => {
            home.focus = match pane {
                Pane::Assessments => HomeFocus::Assessments,
                _ => HomeFocus::Posts,
            };
            let current = match home.focus {
                HomeFocus::Posts => home.post_index,
                HomeFocus::Assessments => home.assessment_index,
            };
            home.move_by(index as isize - current as isize);
        }
        Action::NextTab | Action::PrevTab => {
            home.focus = match home.focus {
                HomeFocus::Posts if !home.post_assessments().is_empty() => HomeFocus::Assessments,
                _ => HomeFocus::Posts,
            };
        }
        Action::Back => home.focus = HomeFocus::Posts,
        Action::Open => match home.focus {
            HomeFocus::Posts if home.posts.is_empty() => state.info(t.msg_no_post.into()),
            HomeFocus::Posts if home.post_assessments().is_empty() => {
                state.info(t.no_assessments.into())
            }
            HomeFocus::Posts => home.focus = HomeFocus::Assessments,
            HomeFocus::Assessments => {
                if let Some(a) = home.selected_assessment() {
                    return vec![Effect::OpenAssessment(a.id.clone())];
                }
            }
        },
        Action::NewPost => state.overlay = Some(Overlay::Form(Form::new_post())),
        Action::EditPost => match home.selected_post() {
            Some(post) => state.overlay = Some(Overlay::Form(Form::edit_post(post))),
            None => state.info(t.msg_no_post.into()),
        },
        Action::StartAssessment => match home.selected_post() {
            Some(post) => {
                let before = !home.post_assessments().is_empty();
                let national = home.national_sources(post);
                let previous_final = home.latest_final().map(|a| {
                    let date = a.finalised_at.as_deref().unwrap_or(&a.created_at);
                    format!("{} {}", a.id, date.chars().take(10).collect::<String>())
                });
                state.overlay = Some(Overlay::Form(Form::start(
                    post.code.clone(),
                    before,
                    &state.actor,
                    national,
                    previous_final,
                )));
            }
            None => state.info(t.msg_no_post.into()),
        },
        Action::ExportReport => match home.selected_assessment() {
            Some(a) => {
                let prompt = export_prompt(state.lang, &a.post, &a.id);
                state.overlay = Some(Overlay::Prompt(prompt));
            }
            None => state.info(t.msg_no_assessment.into()),
        },
        Action::DeleteDraft => match (home.selected_post(), home.selected_assessment()) {
            (Some(post), Some(a)) if a.status == Status::Draft => {
                let kind = ConfirmKind::Delete {
                    id: a.id.clone(),
                    post: post.code.clone(),
                };
                state.overlay = Some(Overlay::Confirm(kind));
            }
            (_, Some(a)) => {
                let status = t.status(a.status);
                state.info(fill(t.msg_not_draft, &[("status", status)]));
            }
            (_, None) => state.info(t.msg_no_assessment.into()),
        },
        Action::LoadDemo => state.overlay = Some(Overlay::Confirm(ConfirmKind::LoadDemo)),
        _ => {}
    }
    if state.home.post_index != before {
        state.home.focus = HomeFocus::Posts;
        if let Some(code) = state.home.needs_summaries() {
            return vec![Effect::LoadSummaries(code)];
        }
    }
    Vec::new()
}
