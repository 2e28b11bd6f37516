//! Keys in an open assessment: the pillar tabs (answering items), the equipment
//! audit and the summary.

use ratatui_textarea::{TextArea, WrapMode};

use crate::domain::assessment::{AssessmentId, Response, Status};
use crate::domain::lang::Lang;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::i18n::texts;
use crate::tui::keys::Key;
use crate::tui::state::equipment::{self, CountField, record};
use crate::tui::state::input::LineInput;
use crate::tui::state::workspace::Tab;
use crate::tui::state::{
    AppState, ConfirmKind, NoteTarget, NotesEditor, Overlay, Prompt, PromptKind, Reader, Screen,
    Search,
};

use super::save;

const PAGE: usize = 10;

/// The export prompt, with `<post>-<id>-<lang>.pdf` in the current folder.
pub fn export_prompt(lang: Lang, post: &str, id: &AssessmentId) -> Prompt {
    Prompt {
        kind: PromptKind::ExportPath { id: id.clone() },
        input: LineInput::new(&format!("{post}-{id}-{}.pdf", lang.code())),
        error: None,
    }
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    let t = texts(state.lang);
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let tab_count = ws.tab_count();
    match action {
        Action::NextTab => {
            ws.tab = (ws.tab + 1) % tab_count;
            ws.detail_scroll = 0;
            return Vec::new();
        }
        Action::PrevTab => {
            ws.tab = (ws.tab + tab_count - 1) % tab_count;
            ws.detail_scroll = 0;
            return Vec::new();
        }
        Action::Back => {
            let select = Some(ws.bundle.post.code.clone());
            let id = ws.bundle.header.id.clone();
            state.home.summaries.remove(&id);
            state.screen = Screen::Home;
            state.workspace = None;
            return vec![Effect::LoadHome { select }];
        }
        Action::Search => {
            state.overlay = Some(Overlay::Search(Search {
                input: LineInput::default(),
                results: Vec::new(),
                selected: 0,
            }));
            return Vec::new();
        }
        Action::ExportReport => {
            let prompt = export_prompt(
                state.lang,
                ws.bundle.post.code.as_str(),
                &ws.bundle.header.id,
            );
            state.overlay = Some(Overlay::Prompt(prompt));
            return Vec::new();
        }
        Action::Submit | Action::Finalise | Action::Reopen => {
            let status = ws.bundle.header.status;
            match (&action, status) {
                (Action::Submit, Status::Draft) => {
                    state.overlay = Some(Overlay::Confirm(ConfirmKind::Submit))
                }
                (Action::Finalise, Status::Draft | Status::Submitted) => {
                    state.overlay = Some(Overlay::Confirm(ConfirmKind::Finalise))
                }
                (Action::Reopen, Status::Submitted | Status::Final) => {
                    state.overlay = Some(Overlay::Prompt(Prompt {
                        kind: PromptKind::Reopen,
                        input: LineInput::default(),
                        error: None,
                    }))
                }
                _ => {
                    let text = crate::tui::i18n::fill(
                        t.msg_status_now,
                        &[
                            ("id", ws.bundle.header.id.as_str()),
                            ("status", t.status(status)),
                        ],
                    );
                    state.info(text);
                }
            }
            return Vec::new();
        }
        _ => {}
    }
    match ws.tab() {
        Tab::Pillar(p) => items(state, p, action),
        Tab::Equipment => equipment_tab(state, action),
        Tab::Summary => {
            let ws = state.workspace.as_mut().map(|w| &mut w.summary_scroll);
            if let Some(scroll) = ws {
                *scroll = match action {
                    Action::MoveUp => scroll.saturating_sub(1),
                    Action::MoveDown => scroll.saturating_add(1),
                    Action::PageUp => scroll.saturating_sub(PAGE as u16),
                    Action::PageDown => scroll.saturating_add(PAGE as u16),
                    Action::MoveFirst => 0,
                    _ => *scroll,
                };
            }
            Vec::new()
        }
    }
}

fn locked(state: &mut AppState) -> bool {
    let locked = state.workspace.as_ref().is_some_and(|w| w.locked());
    if locked {
        state.info(texts(state.lang).msg_locked.into());
    }
    locked
}

fn items(state: &mut AppState, pillar: usize, action: Action) -> Vec<Effect> {
    let t = texts(state.lang);
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let len = ws.items[pillar].len();
    let selected = &mut ws.selected[pillar];
    let before = *selected;
    match action {
        Action::MoveUp => *selected = selected.saturating_sub(1),
        Action::MoveDown => *selected = (*selected + 1).min(len.saturating_sub(1)),
        Action::PageUp => *selected = selected.saturating_sub(PAGE),
        Action::PageDown => *selected = (*selected + PAGE).min(len.saturating_sub(1)),
        Action::MoveFirst => *selected = 0,
        Action::MoveLast => *selected = len.saturating_sub(1),
        Action::ScrollDetailDown => ws.detail_scroll = ws.detail_scroll.saturating_add(5),
        Action::ScrollDetailUp => ws.detail_scroll = ws.detail_scroll.saturating_sub(5),
        Action::NextOpen => match ws.next_open() {
            Some((p, pos)) => ws.go_to(p, pos),
            None => state.info(t.msg_all_answered.into()),
        },
        Action::OpenProcedure => match ws.current_item() {
            Some(item) if !item.procedures.is_empty() => {
                state.overlay = Some(Overlay::Reader(Reader {
                    procedures: item.procedures.clone(),
                    index: 0,
                    scroll: 0,
                }));
            }
            _ => state.info(t.msg_no_procedure.into()),
        },
        Action::SetLevel(_)
        | Action::MarkNotApplicable
        | Action::ClearResponse
        | Action::EditNotes => {
            return answer(state, action);
        }
        _ => {}
    }
    if let Some(ws) = state.workspace.as_mut()
        && ws.selected[pillar] != before
    {
        ws.detail_scroll = 0;
    }
    Vec::new()
}

/// Level, N/A, clear, notes: never moves the selection.
fn answer(state: &mut AppState, action: Action) -> Vec<Effect> {
    if locked(state) {
        return Vec::new();
    }
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let Some(item) = ws.current_item().map(|i| i.id.clone()) else {
        return Vec::new();
    };
    let id = ws.bundle.header.id.clone();
    let response = match action {
        Action::SetLevel(level) => Response::Level(level.min(4)),
        Action::ClearResponse => Response::Open,
        Action::MarkNotApplicable => {
            let reason = match ws.response(&item) {
                Response::NotApplicable { reason } => reason,
                _ => String::new(),
            };
            state.overlay = Some(Overlay::Prompt(Prompt {
                kind: PromptKind::NotApplicable { item },
                input: LineInput::new(&reason),
                error: None,
            }));
            return Vec::new();
        }
        _ => {
            let note = ws.note(&item).to_string();
            state.overlay = Some(Overlay::Editor(Box::new(editor(
                NoteTarget::Item(item),
                &note,
            ))));
            return Vec::new();
        }
    };
    ws.set_local(&item, Some(response.clone()), None);
    save(state, Effect::SetResponse { id, item, response })
}

pub fn editor(target: NoteTarget, text: &str) -> NotesEditor {
    let mut textarea = TextArea::new(text.split('\n').map(str::to_string).collect());
    textarea.set_wrap_mode(WrapMode::WordOrGlyph);
    textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
    textarea.move_cursor(ratatui_textarea::CursorMove::End);
    NotesEditor {
        target,
        textarea,
        saved_text: text.to_string(),
        idle_ticks: 0,
        dirty_ticks: 0,
    }
}

fn equipment_tab(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let eq = &mut ws.equipment;
    let len = eq.rows.len();
    let last_column = CountField::ALL.len() - 1;
    match action {
        Action::MoveUp => eq.selected = eq.selected.saturating_sub(1),
        Action::MoveDown => eq.selected = (eq.selected + 1).min(len.saturating_sub(1)),
        Action::PageUp => eq.selected = eq.selected.saturating_sub(PAGE),
        Action::PageDown => eq.selected = (eq.selected + PAGE).min(len.saturating_sub(1)),
        Action::MoveFirst => eq.selected = 0,
        Action::MoveLast => eq.selected = len.saturating_sub(1),
        Action::MoveLeft => eq.column = eq.column.saturating_sub(1),
        Action::MoveRight => eq.column = (eq.column + 1).min(last_column),
        Action::Open
        | Action::Type(_)
        | Action::ClearResponse
        | Action::EditNotes
        | Action::AddUncatalogued => {
            if locked(state) {
                return Vec::new();
            }
            return edit_equipment(state, action);
        }
        _ => {}
    }
    Vec::new()
}

fn edit_equipment(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    if let Action::AddUncatalogued = action {
        state.overlay = Some(Overlay::Prompt(Prompt {
            kind: PromptKind::Uncatalogued,
            input: LineInput::default(),
            error: None,
        }));
        return Vec::new();
    }
    let Some(type_id) = ws.equipment.selected_type().map(str::to_string) else {
        return Vec::new();
    };
    let field = ws.equipment.field();
    let current = record(&ws.bundle, &type_id);
    match action {
        Action::EditNotes => {
            let note = current.map_or("", |r| r.note.as_str()).to_string();
            let target = NoteTarget::Equipment(type_id);
            state.overlay = Some(Overlay::Editor(Box::new(editor(target, &note))));
            Vec::new()
        }
        Action::ClearResponse => {
            let id = ws.bundle.header.id.clone();
            equipment::set_local(&mut ws.bundle, &type_id, Some((field, None)), None);
            ws.score = ws.bundle.score();
            let update = field.update(None);
            save(
                state,
                Effect::UpdateEquipment {
                    id,
                    type_id,
                    update,
                },
            )
        }
        action => {
            let text = match action {
                Action::Type(key) => match key.key {
                    Key::Char(c) if c.is_ascii_digit() => c.to_string(),
                    _ => return Vec::new(),
                },
                _ => current
                    .and_then(|r| field.get(&r.counts))
                    .map_or(String::new(), |v| v.to_string()),
            };
            state.overlay = Some(Overlay::Prompt(Prompt {
                kind: PromptKind::Count { type_id, field },
                input: LineInput::new(&text),
                error: None,
            }));
            Vec::new()
        }
    }
}
