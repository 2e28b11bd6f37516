//! Keys in whatever lies over the screen: help, confirmations, prompts, forms,
//! the notes editor, the procedure reader and the search.

use crate::domain::assessment::{EquipmentRecord, Response, Transition};
use crate::report::ExportRequest;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::i18n::texts;
use crate::tui::state::equipment;
use crate::tui::state::form::FormKind;
use crate::tui::state::{AppState, ConfirmKind, Overlay, Prompt, PromptKind};

use super::{save, save_editor};

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(overlay) = state.overlay.take() else {
        return Vec::new();
    };
    match overlay {
        Overlay::Help { scroll } => {
            let scroll = match action {
                Action::MoveUp => scroll.saturating_sub(1),
                Action::MoveDown => scroll.saturating_add(1),
                Action::PageUp => scroll.saturating_sub(10),
                Action::PageDown => scroll.saturating_add(10),
                Action::MoveFirst => 0,
                Action::Back | Action::ShowHelp => return Vec::new(),
                _ => scroll,
            };
            state.overlay = Some(Overlay::Help { scroll });
            Vec::new()
        }
        Overlay::Reader(mut reader) => {
            let count = reader.procedures.len().max(1);
            match action {
                Action::MoveUp => reader.scroll = reader.scroll.saturating_sub(1),
                Action::MoveDown => reader.scroll = reader.scroll.saturating_add(1),
                Action::PageUp => reader.scroll = reader.scroll.saturating_sub(10),
                Action::PageDown => reader.scroll = reader.scroll.saturating_add(10),
                Action::MoveFirst => reader.scroll = 0,
                Action::MoveRight => {
                    reader.index = (reader.index + 1) % count;
                    reader.scroll = 0;
                }
                Action::MoveLeft => {
                    reader.index = (reader.index + count - 1) % count;
                    reader.scroll = 0;
                }
                Action::Back => return Vec::new(),
                _ => {}
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
                prompt.input.handle(key);
                prompt.error = None;
                state.overlay = Some(Overlay::Prompt(prompt));
                Vec::new()
            }
            Action::Confirm => submit_prompt(state, prompt),
            // A count prompt is a small editor: leaving it keeps what was typed.
            Action::Cancel if matches!(prompt.kind, PromptKind::Count { .. }) => {
                submit_prompt(state, prompt)
            }
            Action::Cancel => Vec::new(),
            _ => {
                state.overlay = Some(Overlay::Prompt(prompt));
                Vec::new()
            }
        },
        Overlay::Form(mut form) => {
            match action {
                Action::Type(key) => form.type_key(key),
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
                        FormKind::Start { post } => {
                            let (kind, evaluators) = form.start_values();
                            Some(Effect::CreateAssessment {
                                post: post.clone(),
                                kind,
                                evaluators,
                            })
                        }
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
        Overlay::Editor(mut editor) => match action {
            Action::Type(key) => {
                editor.textarea.input(key.to_textarea_input());
                editor.idle_ticks = 0;
                state.overlay = Some(Overlay::Editor(editor));
                Vec::new()
            }
            Action::SaveEditor => {
                state.overlay = Some(Overlay::Editor(editor));
                save_editor(state)
            }
            Action::Back | Action::Cancel => {
                state.overlay = Some(Overlay::Editor(editor));
                let effects = save_editor(state);
                state.overlay = None;
                effects
            }
            _ => {
                state.overlay = Some(Overlay::Editor(editor));
                Vec::new()
            }
        },
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
    }
}

fn confirm(state: &mut AppState, kind: ConfirmKind) -> Vec<Effect> {
    let id = state.workspace.as_ref().map(|w| w.bundle.header.id.clone());
    match (kind, id) {
        (ConfirmKind::Delete { id, .. }, _) => vec![Effect::DeleteDraft(id)],
        (ConfirmKind::LoadDemo, _) => vec![Effect::LoadDemo],
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

/// Checks a prompt's answer; an invalid one keeps the prompt open with why.
fn submit_prompt(state: &mut AppState, mut prompt: Prompt) -> Vec<Effect> {
    let t = texts(state.lang);
    let text = prompt.input.text().trim().to_string();
    let required = match &prompt.kind {
        PromptKind::NotApplicable { .. } | PromptKind::Reopen => Some(t.reason_required),
        PromptKind::Uncatalogued | PromptKind::ExportPath { .. } => Some(t.name_required),
        PromptKind::Count { .. } => None,
    };
    if let Some(why) = required
        && text.is_empty()
    {
        prompt.error = Some(why.to_string());
        state.overlay = Some(Overlay::Prompt(prompt));
        return Vec::new();
    }
    if let PromptKind::ExportPath { id } = &prompt.kind {
        if state.export.is_some() {
            state.info(t.msg_export_running.into());
            return Vec::new();
        }
        let output = std::path::PathBuf::from(&text);
        state.export = Some(output.clone());
        return vec![Effect::Export(Box::new(ExportRequest {
            db_path: state.db_path.clone(),
            assessment: id.to_string(),
            output,
            lang: state.lang,
            marking: None,
            actor: state.actor.clone(),
        }))];
    }
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let id = ws.bundle.header.id.clone();
    let effect = match prompt.kind {
        PromptKind::NotApplicable { item } => {
            let response = Response::NotApplicable { reason: text };
            ws.set_local(&item, Some(response.clone()), None);
            Effect::SetResponse { id, item, response }
        }
        PromptKind::Reopen => Effect::Transition {
            id,
            transition: Transition::Reopen { reason: text },
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
            equipment::set_local(&mut ws.bundle, &type_id, Some((field, value)), None);
            ws.score = ws.bundle.score();
            Effect::UpdateEquipment {
                id,
                type_id,
                update: field.update(value),
            }
        }
        PromptKind::ExportPath { .. } => return Vec::new(),
    };
    save(state, effect)
}
