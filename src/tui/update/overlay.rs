//! Keys in whatever lies over the screen: help, confirmations, prompts, forms,
//! the notes editor, the procedure reader and the search.

use crate::domain::assessment::{EquipmentRecord, Response, Transition};
use crate::report::ExportRequest;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::i18n::texts;
use crate::tui::keys::Key;
use crate::tui::state::equipment::{self, record};
use crate::tui::state::form::FormKind;
use crate::tui::state::{AppState, ConfirmKind, Overlay, Prompt, PromptKind};

use super::editor::{self, Choice};
use super::{save, scroll};

/// The longest text a one-line field takes (a reason, a path, a name).
const LINE_MAX_CHARS: usize = 2_000;

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    if let Some(Overlay::Editor(_)) = &state.overlay {
        return editor_keys(state, action);
    }
    let Some(overlay) = state.overlay.take() else {
        return Vec::new();
    };
    match overlay {
        Overlay::Help { scroll, under } => {
            if matches!(action, Action::Back | Action::ShowHelp) {
                state.overlay = under.map(|o| *o);
                return Vec::new();
            }
            let max = scroll::help_max(state);
            let scroll = scroll::scrolled(scroll, &action, max, scroll::page(state));
            state.overlay = Some(Overlay::Help { scroll, under });
            Vec::new()
        }
        Overlay::Reader(mut reader) => {
            let count = reader.procedures.len().max(1);
            match action {
                Action::MoveRight => {
                    reader.index = (reader.index + 1) % count;
                    reader.scroll = 0;
                }
                Action::MoveLeft => {
                    reader.index = (reader.index + count - 1) % count;
                    reader.scroll = 0;
                }
                Action::Back => return Vec::new(),
                action => {
                    let max = scroll::reader_max(state, &reader);
                    reader.scroll =
                        scroll::scrolled(reader.scroll, &action, max, scroll::page(state));
                }
            }
            state.overlay = Some(Overlay::Reader(reader));
            Vec::new()
        }
        Overlay::Confirm(kind) => match action {
            Action::Confirm => confirm(state, kind),
            Action::Cancel => Vec::new(),
            _ => {
                state.overlay = Some(Overlay::Confirm(kind));
                Vec::new()
            }
        },
        Overlay::Prompt(mut prompt) => match action {
            Action::Type(key) => {
                if !(matches!(key.key, Key::Char(_))
                    && prompt.input.text().chars().count() >= LINE_MAX_CHARS)
                {
                    prompt.input.handle(key);
                }
                prompt.error = None;
                state.overlay = Some(Overlay::Prompt(prompt));
                Vec::new()
            }
            Action::Paste(text) => {
                prompt.input.insert_str(&one_line(&text, &prompt.input));
                state.overlay = Some(Overlay::Prompt(prompt));
                Vec::new()
            }
            Action::Confirm => submit_prompt(state, prompt),
            // Esc cancels everywhere it says so, a count prompt included.
            Action::Cancel => Vec::new(),
            _ => {
                state.overlay = Some(Overlay::Prompt(prompt));
                Vec::new()
            }
        },
        Overlay::Form(mut form) => {
            match action {
                Action::Type(key) => form.type_key(key),
                Action::Paste(text) => {
                    for c in text
                        .chars()
                        .filter(|c| !c.is_control())
                        .take(LINE_MAX_CHARS)
                    {
                        form.type_key(crate::tui::keys::KeyPress::ch(c));
                    }
                }
                Action::NextField => form.next_field(),
                Action::PrevField => form.prev_field(),
                Action::Confirm if !form.on_last_field() => form.next_field(),
                Action::Confirm | Action::SaveEditor => {
                    form.failure = None;
                    let effect = match &form.kind {
                        FormKind::Post => match form.post() {
                            Ok(post) => Some(Effect::CreatePost(Box::new(post))),
                            Err(errors) => {
                                form.errors = errors;
                                None
                            }
                        },
                        FormKind::EditPost { .. } => match form.post() {
                            Ok(post) => Some(Effect::UpdatePost(Box::new(post))),
                            Err(errors) => {
                                form.errors = errors;
                                None
                            }
                        },
                        FormKind::Start { post, .. } => Some(Effect::CreateAssessment {
                            post: post.clone(),
                            values: form.start_values(),
                        }),
                        FormKind::Method => match form.method_values() {
                            // Saved like any change: the form closes, the
                            // status line says when it is committed.
                            Ok(method) => {
                                let Some(id) =
                                    state.workspace.as_ref().map(|w| w.bundle.header.id.clone())
                                else {
                                    return Vec::new();
                                };
                                let evaluators = form.evaluators();
                                return save(
                                    state,
                                    Effect::SetMethod {
                                        id,
                                        method: Box::new(method),
                                        evaluators,
                                    },
                                );
                            }
                            Err(errors) => {
                                form.errors = errors;
                                None
                            }
                        },
                    };
                    if effect.is_some() {
                        form.errors.clear();
                    }
                    // The form stays until the store confirms, so a refusal
                    // (a duplicate code) can be shown in it.
                    state.overlay = Some(Overlay::Form(form));
                    return effect.into_iter().collect();
                }
                Action::Cancel => return Vec::new(),
                _ => {}
            }
            state.overlay = Some(Overlay::Form(form));
            Vec::new()
        }
        Overlay::Search(mut search) => {
            match action {
                Action::Type(key) => {
                    search.input.handle(key);
                    search.results = state
                        .workspace
                        .as_ref()
                        .map_or_else(Vec::new, |ws| ws.search(search.input.text(), state.lang));
                    search.selected = 0;
                }
                Action::Paste(text) => {
                    search.input.insert_str(&one_line(&text, &search.input));
                    search.results = state
                        .workspace
                        .as_ref()
                        .map_or_else(Vec::new, |ws| ws.search(search.input.text(), state.lang));
                    search.selected = 0;
                }
                Action::MoveUp => search.selected = search.selected.saturating_sub(1),
                Action::MoveDown => {
                    search.selected =
                        (search.selected + 1).min(search.results.len().saturating_sub(1))
                }
                Action::Confirm => {
                    if let (Some(&(p, pos)), Some(ws)) = (
                        search.results.get(search.selected),
                        state.workspace.as_mut(),
                    ) {
                        ws.go_to(p, pos);
                        return Vec::new();
                    }
                }
                Action::Cancel => return Vec::new(),
                _ => {}
            }
            state.overlay = Some(Overlay::Search(search));
            Vec::new()
        }
        Overlay::Choice(choice) => super::plan::choice(state, choice, action),
        // Handled above, before the overlay was taken.
        Overlay::Editor(_) => Vec::new(),
    }
}

/// A paste into a one-line field: line breaks become spaces, within the cap.
fn one_line(text: &str, input: &crate::tui::state::input::LineInput) -> String {
    let room = LINE_MAX_CHARS.saturating_sub(input.text().chars().count());
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(room)
        .collect()
}

fn editor_keys(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::Type(key) => editor::type_key(state, key),
        Action::Paste(text) => editor::paste(state, &text),
        Action::SaveEditor => editor::sync(state),
        Action::KeepMine => editor::resolve(state, Choice::Mine),
        Action::TakeTheirs => editor::resolve(state, Choice::Theirs),
        Action::KeepBoth => editor::resolve(state, Choice::Both),
        Action::Back | Action::Cancel => editor::close(state),
        _ => Vec::new(),
    }
}

fn confirm(state: &mut AppState, kind: ConfirmKind) -> Vec<Effect> {
    let id = state.workspace.as_ref().map(|w| w.bundle.header.id.clone());
    match (kind, id) {
        (ConfirmKind::Delete { id, .. }, _) => vec![Effect::DeleteDraft(id)],
        (ConfirmKind::LoadDemo, _) => vec![Effect::LoadDemo],
        (ConfirmKind::ClearAnswer { item }, Some(id)) => {
            if let Some(ws) = state.workspace.as_mut() {
                ws.change_response(&item, Response::Open);
            }
            save(
                state,
                Effect::SetResponse {
                    id,
                    item,
                    response: Response::Open,
                },
            )
        }
        (ConfirmKind::Overwrite(request), _) => export(state, *request, true),
        (ConfirmKind::Submit, Some(id)) => save(
            state,
            Effect::Transition {
                id,
                transition: Transition::Submit,
            },
        ),
        (ConfirmKind::Finalise, Some(id)) => save(
            state,
            Effect::Transition {
                id,
                transition: Transition::Finalise,
            },
        ),
        _ => Vec::new(),
    }
}

/// Starts the export of `request` (one at a time).
fn export(state: &mut AppState, request: ExportRequest, overwrite: bool) -> Vec<Effect> {
    if state.export.is_some() {
        state.info(texts(state.lang).msg_export_running.into());
        return Vec::new();
    }
    state.export = Some(request.output.clone());
    vec![Effect::Export {
        request: Box::new(request),
        overwrite,
    }]
}

/// Checks a prompt's answer; an invalid one keeps the prompt open with why.
fn submit_prompt(state: &mut AppState, mut prompt: Prompt) -> Vec<Effect> {
    let t = texts(state.lang);
    let text = prompt.input.text().trim().to_string();
    if matches!(
        prompt.kind,
        PromptKind::ActionField { .. }
            | PromptKind::ActionReason { .. }
            | PromptKind::NewAction { .. }
            | PromptKind::FollowUpNote { .. }
            | PromptKind::FlagComment { .. }
            | PromptKind::FlagReply { .. }
    ) {
        return super::plan::submit_prompt(state, prompt);
    }
    let required = match &prompt.kind {
        PromptKind::NotApplicable { .. }
        | PromptKind::SectionNotApplicable { .. }
        | PromptKind::Reopen
        | PromptKind::FinaliseReason { .. } => Some(t.reason_required),
        PromptKind::Uncatalogued | PromptKind::ExportPath { .. } => Some(t.name_required),
        _ => None,
    };
    if let Some(why) = required
        && text.is_empty()
    {
        prompt.error = Some(why.to_string());
        state.overlay = Some(Overlay::Prompt(prompt));
        return Vec::new();
    }
    if let PromptKind::ExportPath { id } = &prompt.kind {
        let request = ExportRequest {
            db_path: state.db_path.clone(),
            assessment: id.to_string(),
            output: std::path::PathBuf::from(&text),
            lang: state.lang,
            marking: None,
            actor: state.actor.clone(),
            detail: crate::report::model::Detail::Summary,
        };
        return export(state, request, false);
    }
    let lang = state.lang;
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let id = ws.bundle.header.id.clone();
    let effect = match prompt.kind {
        PromptKind::NotApplicable { item } => {
            let response = Response::NotApplicable { reason: text };
            ws.change_response(&item, response.clone());
            Effect::SetResponse { id, item, response }
        }
        PromptKind::SectionNotApplicable { items, .. } => {
            // One change per item, each saved and logged on its own.
            let response = Response::NotApplicable { reason: text };
            let effects: Vec<Effect> = items
                .into_iter()
                .map(|item| {
                    ws.change_response(&item, response.clone());
                    Effect::SetResponse {
                        id: id.clone(),
                        item,
                        response: response.clone(),
                    }
                })
                .collect();
            state.pending += effects.len();
            state.save = crate::tui::state::SaveState::Saving;
            return effects;
        }
        PromptKind::Reopen => Effect::Transition {
            id,
            transition: Transition::Reopen { reason: text },
        },
        PromptKind::FinaliseReason { .. } => Effect::Transition {
            id,
            transition: Transition::FinaliseIncomplete { reason: text },
        },
        PromptKind::Uncatalogued => {
            let type_id = format!("{}{text}", EquipmentRecord::UNCATALOGUED_PREFIX);
            ws.equipment.want = Some(type_id.clone());
            Effect::UpdateEquipment {
                id,
                type_id,
                update: Default::default(),
            }
        }
        PromptKind::Count { type_id, field } => {
            let value = if text.is_empty() {
                None
            } else {
                match text.parse::<u32>() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        prompt.error = Some(t.err_number.to_string());
                        state.overlay = Some(Overlay::Prompt(Prompt {
                            kind: PromptKind::Count { type_id, field },
                            ..prompt
                        }));
                        return Vec::new();
                    }
                }
            };
            // The same rule the store applies, said here before anything is sent.
            let before = record(&ws.bundle, &type_id)
                .map(|r| r.counts.clone())
                .unwrap_or_default();
            let mut after = before.clone();
            field.set(&mut after, value);
            let problems = after.new_problems(&before);
            if !problems.is_empty() {
                prompt.error = Some(crate::messages::errors::counts(lang, &problems));
                state.overlay = Some(Overlay::Prompt(Prompt {
                    kind: PromptKind::Count { type_id, field },
                    ..prompt
                }));
                return Vec::new();
            }
            equipment::set_local(&mut ws.bundle, &type_id, Some((field, value)), None);
            ws.score = ws.bundle.score();
            Effect::UpdateEquipment {
                id,
                type_id,
                update: field.update(value),
            }
        }
        _ => return Vec::new(),
    };
    save(state, effect)
}
