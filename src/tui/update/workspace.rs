//! Keys in an open assessment: the pillar tabs (answering items), the equipment
//! audit and the summary.

use crate::domain::assessment::{AssessmentId, Response, Status};
use crate::domain::lang::Lang;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::i18n::{fill, texts};
use crate::tui::keys::Key;
use crate::tui::state::equipment::{self, CountField, record};
use crate::tui::state::input::LineInput;
use crate::tui::state::workspace::Tab;
use crate::tui::state::{
    AppState, ConfirmKind, NoteTarget, Overlay, Prompt, PromptKind, Reader, Screen, Search,
};

use super::editor::editor;
use super::{save, scroll};
use crate::tui::views::hits::Target;

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
        Action::Pick(Target::Tab(tab)) => {
            if tab < tab_count {
                ws.tab = tab;
                ws.detail_scroll = 0;
            }
            return Vec::new();
        }
        // Esc leaves the focused item view first, then the workspace.
        Action::Back if ws.focus && matches!(ws.tab(), Tab::Pillar(_)) => {
            ws.focus = false;
            ws.detail_scroll = 0;
            return Vec::new();
        }
        Action::ToggleFocus => {
            ws.focus = !ws.focus;
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
            life_cycle(state, &action);
            return Vec::new();
        }
        Action::EditMethod => {
            if locked(state) {
                return Vec::new();
            }
            let (method, team) = state
                .workspace
                .as_ref()
                .map(|w| {
                    (
                        w.bundle.header.method.clone(),
                        w.bundle.header.evaluators.join(", "),
                    )
                })
                .unwrap_or_default();
            state.overlay = Some(Overlay::Form(crate::tui::state::form::Form::method(
                &method, &team,
            )));
            return Vec::new();
        }
        Action::AddAction => return super::plan::add_action(state),
        Action::ReviewFlag => return super::plan::review_flag(state),
        Action::FlaggedOnly => return super::plan::flagged_only(state),
        Action::Filters => return super::filters::open_menu(state, 0),
        Action::Undo => return undo(state),
        Action::SectionNotApplicable => return section_not_applicable(state),
        _ => {}
    }
    match ws.tab() {
        Tab::Pillar(p) => items(state, p, action),
        Tab::Equipment => equipment_tab(state, action),
        Tab::Plan => super::plan::plan_tab(state, action),
        Tab::FollowUp => super::plan::followup_tab(state, action),
        Tab::Summary => summary_tab(state, action),
    }
}

/// `X`: asks one reason for marking every applicable item of the selected
/// item's section N/A; the prompt names how many items it will change.
fn section_not_applicable(state: &mut AppState) -> Vec<Effect> {
    if locked(state) {
        return Vec::new();
    }
    let Some(ws) = state.workspace.as_ref() else {
        return Vec::new();
    };
    let Some(current) = ws.current_item() else {
        return Vec::new();
    };
    let section = current.section.clone();
    let items: Vec<String> = ws
        .asked_in_section(&section)
        .iter()
        .map(|i| i.id.clone())
        .collect();
    state.overlay = Some(Overlay::Prompt(Prompt {
        kind: PromptKind::SectionNotApplicable { section, items },
        input: LineInput::new(""),
        error: None,
    }));
    Vec::new()
}

/// `u`: puts the last changed answer back as it was, on the screen and in
/// the database (a change like any other, so the log shows both), and goes
/// to the item.
fn undo(state: &mut AppState) -> Vec<Effect> {
    if locked(state) {
        return Vec::new();
    }
    let t = texts(state.lang);
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let Some((item, response, proposed)) = ws.undo.pop() else {
        state.info(t.msg_nothing_to_undo.into());
        return Vec::new();
    };
    ws.set_local(&item, Some(response.clone()), None);
    if let Some((pillar, position)) = ws.locate(&item) {
        ws.go_to(pillar, position);
    }
    let id = ws.bundle.header.id.clone();
    state.info(fill(t.msg_undone, &[("item", &item)]));
    let effect = if proposed {
        Effect::RestoreCarried { id, item }
    } else {
        Effect::SetResponse { id, item, response }
    };
    save(state, effect)
}

/// The Summary tab: ↑↓ (and Home/End) choose a line of its lists of critical
/// gaps and weakest items, Enter goes to that item in its pillar's tab;
/// PgUp/PgDn scroll the scores above.
fn summary_tab(state: &mut AppState, action: Action) -> Vec<Effect> {
    if matches!(action, Action::PageUp | Action::PageDown) {
        let max = scroll::summary_max(state);
        let page = scroll::page(state);
        if let Some(ws) = state.workspace.as_mut() {
            ws.summary_scroll = scroll::scrolled(ws.summary_scroll, &action, max, page);
        }
        return Vec::new();
    }
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let listed: Vec<String> = {
        let (gaps, weak) = ws.summary_items();
        gaps.iter()
            .chain(&weak)
            .map(|(i, _, _)| i.id.clone())
            .collect()
    };
    let last = listed.len().saturating_sub(1);
    let selected = &mut ws.summary_selected;
    match action {
        Action::MoveUp => *selected = selected.saturating_sub(1),
        Action::MoveDown => *selected = (*selected + 1).min(last),
        Action::MoveFirst => *selected = 0,
        Action::MoveLast => *selected = last,
        Action::Pick(Target::Row(_, index)) => *selected = index.min(last),
        Action::Open => {
            if let Some(item) = listed.get(*selected)
                && let Some((pillar, position)) = ws.locate(item)
            {
                ws.go_to(pillar, position);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// S, F and O: each asks first where it applies, and says why where it does
/// not. Finalising below the completeness threshold asks for a reason.
fn life_cycle(state: &mut AppState, action: &Action) {
    let t = texts(state.lang);
    let Some(ws) = state.workspace.as_ref() else {
        return;
    };
    let id = ws.bundle.header.id.to_string();
    let not_here = |template: &str| fill(template, &[("id", &id)]);
    let overlay = match (action, ws.bundle.header.status) {
        (Action::Submit, Status::Draft) => Overlay::Confirm(ConfirmKind::Submit),
        (Action::Submit, Status::Submitted) => {
            return state.info(not_here(t.msg_already_submitted));
        }
        (Action::Submit, Status::Final) => return state.info(not_here(t.msg_final_cannot_submit)),
        (Action::Finalise, Status::Draft | Status::Submitted) => {
            if ws.score.finalising_needs_reason(&ws.bundle.pack.scoring) {
                Overlay::Prompt(Prompt {
                    kind: PromptKind::FinaliseReason {
                        completeness: ws.score.completeness().unwrap_or(0.0),
                    },
                    input: LineInput::default(),
                    error: None,
                })
            } else {
                Overlay::Confirm(ConfirmKind::Finalise)
            }
        }
        (Action::Finalise, Status::Final) => return state.info(not_here(t.msg_already_final)),
        (Action::Reopen, Status::Submitted | Status::Final) => Overlay::Prompt(Prompt {
            kind: PromptKind::Reopen,
            input: LineInput::default(),
            error: None,
        }),
        (Action::Reopen, Status::Draft) => return state.info(not_here(t.msg_already_draft)),
        _ => return,
    };
    state.overlay = Some(overlay);
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
        Action::Pick(Target::Row(_, pos)) => *selected = pos.min(len.saturating_sub(1)),
        Action::NudgeDetail { down } => {
            // A wheel notch is a few rows, as in a pager.
            const NOTCH: u16 = 3;
            let max = scroll::detail_max(state);
            if let Some(ws) = state.workspace.as_mut() {
                let focus = ws.focus;
                let next = if down {
                    ws.detail_scroll.saturating_add(NOTCH)
                } else {
                    ws.detail_scroll.saturating_sub(NOTCH)
                };
                // The focused view bounds its own scroll as it draws.
                ws.detail_scroll = if focus { next } else { next.min(max) };
            }
            return Vec::new();
        }
        Action::ScrollDetailDown | Action::ScrollDetailUp => {
            let max = scroll::detail_max(state);
            let page = scroll::page(state);
            if let Some(ws) = state.workspace.as_mut() {
                ws.detail_scroll = scroll::scrolled(ws.detail_scroll, &action, max, page);
            }
            return Vec::new();
        }
        Action::NextOpen => match ws.next_open() {
            Some((p, pos)) => {
                ws.go_to(p, pos);
                if p != pillar {
                    let number = |i: usize| {
                        ws.bundle
                            .pack
                            .pillars
                            .get(i)
                            .map_or((i + 1).to_string(), |x| x.number.to_string())
                    };
                    let text = fill(
                        t.msg_next_pillar,
                        &[("done", &number(pillar)), ("next", &number(p))],
                    );
                    state.info(text);
                }
            }
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
        | Action::ConfirmCarried
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
    // An answer backed by a note is the evaluator's evidence: clearing its
    // level asks first (a stray `c` must not undo a finding).
    if matches!(action, Action::ClearResponse)
        && !ws.response(&item).is_open()
        && !ws.note(&item).trim().is_empty()
    {
        state.overlay = Some(Overlay::Confirm(ConfirmKind::ClearAnswer { item }));
        return Vec::new();
    }
    let response = match action {
        Action::SetLevel(level) => Response::Level(level.min(4)),
        // The same answer as the proposal: the store takes it as confirmed.
        Action::ConfirmCarried => match ws.carried(&item) {
            Some(carried) => carried.response.clone(),
            None => {
                state.info(texts(state.lang).msg_nothing_carried.into());
                return Vec::new();
            }
        },
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
    ws.change_response(&item, response.clone());
    // Confirming is the quick path through a follow-up: go on to the next
    // open item of the pillar (carried-over ones are open until confirmed).
    if matches!(action, Action::ConfirmCarried)
        && let Tab::Pillar(pillar) = ws.tab()
        && let Some((p, pos)) = ws.next_open()
        && p == pillar
    {
        ws.go_to(p, pos);
        ws.detail_scroll = 0;
    }
    save(state, Effect::SetResponse { id, item, response })
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
        Action::Pick(Target::Row(_, row)) => eq.selected = row.min(len.saturating_sub(1)),
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
