//! Keys of the plan and follow-up tabs, of the choice lists they open, and of
//! the plan's keys on items and equipment rows (add an action, review flags).

use crate::domain::assessment::Response;
use crate::domain::lang::Lang;
use crate::domain::plan::check::{parse_amount, parse_currency};
use crate::domain::plan::propose::{item_rule, target_of};
use crate::domain::plan::{ActionEdit, ActionStatus, Cite, Cost, Outcome, Priority};
use crate::domain::review::{ReviewRefusal, authors, may_raise, same_person};
use crate::messages::{plan as words, terms};
use crate::store::NewAction;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::i18n::{fill, plan_texts, texts};
use crate::tui::state::input::LineInput;
use crate::tui::state::plan::PlanField;
use crate::tui::state::workspace::{Tab, WorkspaceState};
use crate::tui::state::{AppState, Choice, ChoiceKind, Overlay, Prompt, PromptKind};

use super::save;
use crate::tui::views::hits::Target;

const PAGE: usize = 10;

fn moved(selected: usize, len: usize, action: &Action) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::MoveUp => selected.saturating_sub(1),
        Action::MoveDown => (selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(PAGE),
        Action::PageDown => (selected + PAGE).min(last),
        Action::MoveFirst => 0,
        Action::MoveLast => last,
        Action::Pick(Target::Row(_, index)) => (*index).min(last),
        _ => selected,
    }
}

fn prompt(kind: PromptKind, text: &str) -> Overlay {
    Overlay::Prompt(Prompt {
        kind,
        input: LineInput::new(text),
        error: None,
    })
}

/// The plan tab.
pub fn plan_tab(state: &mut AppState, action: Action) -> Vec<Effect> {
    let lang = state.lang;
    let p = plan_texts(lang);
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let plan = &mut ws.plan;
    let len = plan.visible().len();
    match action {
        Action::MoveUp
        | Action::MoveDown
        | Action::PageUp
        | Action::PageDown
        | Action::MoveFirst
        | Action::MoveLast
        | Action::Pick(_) => plan.selected = moved(plan.selected, len, &action),
        Action::MoveLeft => plan.column = plan.column.saturating_sub(1),
        Action::MoveRight => plan.column = (plan.column + 1).min(PlanField::ALL.len() - 1),
        Action::FilterStatus => plan.cycle_status(),
        Action::FilterAgency => {
            let any = plan.cycle_agency();
            if !any {
                state.info(p.msg_no_agencies.into());
            }
        }
        Action::ProposePlan => {
            let id = ws.bundle.header.id.clone();
            return save(state, Effect::ProposePlan(id));
        }
        Action::SetTarget => {
            if ws.locked() {
                state.info(texts(lang).msg_locked.into());
                return Vec::new();
            }
            let options = ws
                .bundle
                .pack
                .pillars
                .iter()
                .map(|pillar| {
                    format!(
                        "{} {} — {}: {}",
                        texts(lang).pillar,
                        pillar.number,
                        p.targets,
                        target_of(&ws.bundle.header.targets, pillar.number)
                    )
                })
                .collect();
            state.overlay = Some(Overlay::Choice(Choice {
                kind: ChoiceKind::TargetPillar,
                title: p.choose_pillar.into(),
                options,
                selected: 0,
            }));
        }
        Action::GoToCited => go_to_cited(state),
        Action::Open => return edit_field(state),
        _ => {}
    }
    Vec::new()
}

/// Opens the editor of the selected action's selected field.
fn edit_field(state: &mut AppState) -> Vec<Effect> {
    let lang = state.lang;
    let p = plan_texts(lang);
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let field = ws.plan.field();
    let Some(action) = ws.plan.selected_action().cloned() else {
        return Vec::new();
    };
    let number = action.number;
    let overlay = match field {
        PlanField::Priority => Overlay::Choice(Choice {
            kind: ChoiceKind::Priority { number },
            title: fill(p.choose_priority, &[("number", &number.to_string())]),
            options: Priority::ALL
                .iter()
                .map(|x| terms::priority(lang, *x).to_string())
                .collect(),
            selected: action.priority as usize,
        }),
        PlanField::Status => {
            let options = action.status.next_statuses();
            Overlay::Choice(Choice {
                title: fill(p.choose_status, &[("number", &number.to_string())]),
                options: options
                    .iter()
                    .map(|s| terms::action_status(lang, *s).to_string())
                    .collect(),
                kind: ChoiceKind::ActionStatus { number, options },
                selected: 0,
            })
        }
        PlanField::Title => prompt(PromptKind::ActionField { number, field }, &action.title),
        PlanField::Agency => prompt(PromptKind::ActionField { number, field }, &action.agency),
        PlanField::Due => prompt(
            PromptKind::ActionField { number, field },
            action.due.as_deref().unwrap_or_default(),
        ),
        PlanField::Cost => prompt(
            PromptKind::ActionField { number, field },
            &action
                .cost
                .as_ref()
                .map_or_else(String::new, |c| format!("{} {}", c.amount, c.currency)),
        ),
        // One line here; line breaks read as spaces.
        PlanField::Text => prompt(
            PromptKind::ActionField { number, field },
            &action.body.replace('\n', " "),
        ),
        PlanField::Cites => {
            let cites: Vec<String> = action.cites.iter().map(ToString::to_string).collect();
            prompt(PromptKind::ActionField { number, field }, &cites.join(", "))
        }
    };
    state.overlay = Some(overlay);
    Vec::new()
}

/// Jumps to the first item (or equipment type) the selected action cites.
fn go_to_cited(state: &mut AppState) {
    let p = plan_texts(state.lang);
    let Some(ws) = state.workspace.as_mut() else {
        return;
    };
    let Some(cite) = ws
        .plan
        .selected_action()
        .and_then(|a| a.cites.first().cloned())
    else {
        return state.info(p.msg_nothing_cited.into());
    };
    match cite {
        Cite::Item(item) => match ws.locate(&item) {
            Some((pillar, position)) => ws.go_to(pillar, position),
            None => state.info(p.msg_jump_hidden.into()),
        },
        Cite::Equipment(type_id) => {
            ws.equipment.select(&type_id);
            ws.show(Tab::Equipment);
        }
    }
}

/// The follow-up tab: record what became of each earlier action.
pub fn followup_tab(state: &mut AppState, action: Action) -> Vec<Effect> {
    let lang = state.lang;
    let p = plan_texts(lang);
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let len = ws
        .plan
        .records
        .followup
        .as_ref()
        .map_or(0, |f| f.entries.len());
    match action {
        Action::Open => {
            if ws.locked() {
                state.info(texts(lang).msg_locked.into());
                return Vec::new();
            }
            let Some((earlier, found)) = ws
                .plan
                .records
                .followup
                .as_ref()
                .and_then(|f| f.entries.get(ws.plan.followup_selected))
            else {
                return Vec::new();
            };
            let number = earlier.number;
            let selected = found
                .as_ref()
                .and_then(|f| Outcome::ALL.iter().position(|o| *o == f.outcome))
                .unwrap_or(0);
            state.overlay = Some(Overlay::Choice(Choice {
                kind: ChoiceKind::Outcome { number },
                title: fill(p.choose_outcome, &[("number", &number.to_string())]),
                options: Outcome::ALL
                    .iter()
                    .map(|o| terms::outcome(lang, *o).to_string())
                    .collect(),
                selected,
            }));
        }
        other => ws.plan.followup_selected = moved(ws.plan.followup_selected, len, &other),
    }
    Vec::new()
}

/// A choice list's keys.
pub fn choice(state: &mut AppState, mut choice: Choice, action: Action) -> Vec<Effect> {
    match action {
        Action::MoveUp => choice.selected = choice.selected.saturating_sub(1),
        Action::MoveDown => {
            choice.selected = (choice.selected + 1).min(choice.options.len().saturating_sub(1))
        }
        Action::Cancel => return Vec::new(),
        Action::Confirm => return chosen(state, choice),
        _ => {}
    }
    state.overlay = Some(Overlay::Choice(choice));
    Vec::new()
}

fn chosen(state: &mut AppState, choice: Choice) -> Vec<Effect> {
    let lang = state.lang;
    let p = plan_texts(lang);
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let id = ws.bundle.header.id.clone();
    let index = choice.selected;
    match choice.kind {
        ChoiceKind::Priority { number } => {
            let Some(priority) = Priority::ALL.get(index).copied() else {
                return Vec::new();
            };
            let edit = ActionEdit {
                priority: Some(priority),
                ..ActionEdit::default()
            };
            save(
                state,
                Effect::EditAction {
                    id,
                    number,
                    edit: Box::new(edit),
                },
            )
        }
        ChoiceKind::ActionStatus { number, options } => {
            let Some(status) = options.get(index).copied() else {
                return Vec::new();
            };
            let from = ws
                .plan
                .records
                .actions
                .iter()
                .find(|a| a.number == number)
                .map_or(ActionStatus::Proposed, |a| a.status);
            if from.move_needs_reason(status) {
                state.overlay = Some(prompt(PromptKind::ActionReason { number, status }, ""));
                return Vec::new();
            }
            save(
                state,
                Effect::SetActionStatus {
                    id,
                    number,
                    status,
                    reason: None,
                },
            )
        }
        ChoiceKind::Outcome { number } => {
            let Some(outcome) = Outcome::ALL.get(index).copied() else {
                return Vec::new();
            };
            let note = ws
                .plan
                .records
                .followup
                .as_ref()
                .and_then(|f| f.entries.iter().find(|(a, _)| a.number == number))
                .and_then(|(_, found)| found.as_ref().map(|f| f.note.clone()))
                .unwrap_or_default();
            state.overlay = Some(prompt(PromptKind::FollowUpNote { number, outcome }, &note));
            Vec::new()
        }
        ChoiceKind::ItemFilters => super::filters::toggle(state, index),
        ChoiceKind::TargetPillar => {
            let Some(pillar) = ws.bundle.pack.pillars.get(index).map(|x| x.number) else {
                return Vec::new();
            };
            let t = texts(lang);
            let current = target_of(&ws.bundle.header.targets, pillar);
            state.overlay = Some(Overlay::Choice(Choice {
                kind: ChoiceKind::TargetLevel { pillar },
                title: fill(p.choose_level, &[("pillar", &pillar.to_string())]),
                options: (0..=4u8)
                    .map(|l| format!("{l} — {}", t.level_name(l)))
                    .collect(),
                selected: usize::from(current),
            }));
            Vec::new()
        }
        ChoiceKind::TargetLevel { pillar } => save(
            state,
            Effect::SetTarget {
                id,
                pillar,
                level: index.min(4) as u8,
            },
        ),
    }
}

/// Reads "12500 EUR" (or "EUR 12500") into a cost.
fn parse_cost_line(lang: Lang, text: &str) -> Result<Option<Cost>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let is_code = |w: &str| w.len() == 3 && w.chars().all(|c| c.is_ascii_alphabetic());
    let (amount, currency) = match words.as_slice() {
        [first, rest @ ..] if is_code(first) && !rest.is_empty() => (rest.join(" "), *first),
        [rest @ .., last] if is_code(last) && !rest.is_empty() => (rest.join(" "), *last),
        _ => return Err(plan_texts(lang).err_bad_cost.to_string()),
    };
    let amount = parse_amount(&amount).map_err(|p| words::problem(lang, &p))?;
    let currency = parse_currency(currency).map_err(|p| words::problem(lang, &p))?;
    Ok(Some(Cost { amount, currency }))
}

/// The prompts the plan opens: checked with the plan's rules, then sent; a
/// refusal keeps the prompt open with why.
pub fn submit_prompt(state: &mut AppState, prompt: Prompt) -> Vec<Effect> {
    match prompt_effect(state, &prompt) {
        Ok(Some(effect)) => save(state, effect),
        Ok(None) => Vec::new(),
        Err(why) => {
            state.overlay = Some(Overlay::Prompt(Prompt {
                error: Some(why),
                ..prompt
            }));
            Vec::new()
        }
    }
}

fn prompt_effect(state: &mut AppState, prompt: &Prompt) -> Result<Option<Effect>, String> {
    let lang = state.lang;
    let t = texts(lang);
    let text = prompt.input.text().trim().to_string();
    let Some(ws) = state.workspace.as_mut() else {
        return Ok(None);
    };
    let id = ws.bundle.header.id.clone();
    let effect = match &prompt.kind {
        PromptKind::ActionField { number, field } => {
            let number = *number;
            let mut edit = ActionEdit::default();
            match field {
                PlanField::Title => edit.title = Some(text.clone()),
                PlanField::Agency => edit.agency = Some(text.clone()),
                PlanField::Text => edit.body = Some(text.clone()),
                PlanField::Due => edit.due = Some((!text.is_empty()).then(|| text.clone())),
                PlanField::Cost => edit.cost = Some(parse_cost_line(lang, &text)?),
                PlanField::Cites => {
                    edit.cites = Some(
                        text.split(',')
                            .filter(|c| !c.trim().is_empty())
                            .map(Cite::parse)
                            .collect(),
                    )
                }
                PlanField::Priority | PlanField::Status => return Ok(None),
            }
            let problems = citable(
                ws,
                crate::action_plan::scope(&ws.bundle).problems(&edit, false),
            );
            if !problems.is_empty() {
                return Err(words::problems(lang, &problems));
            }
            // Unchanged text is no edit (it would mark a proposal as edited).
            let unchanged = ws
                .plan
                .records
                .actions
                .iter()
                .find(|a| a.number == number)
                .is_some_and(|a| match field {
                    PlanField::Title => a.title == text,
                    PlanField::Agency => a.agency == text,
                    PlanField::Text => a.body.replace('\n', " ") == text,
                    _ => false,
                });
            if unchanged {
                return Ok(None);
            }
            Effect::EditAction {
                id,
                number,
                edit: Box::new(edit),
            }
        }
        PromptKind::ActionReason { number, status } => {
            if text.is_empty() {
                return Err(t.reason_required.into());
            }
            Effect::SetActionStatus {
                id,
                number: *number,
                status: *status,
                reason: Some(text),
            }
        }
        PromptKind::NewAction { cite } => {
            let new = new_action(ws, cite, &text, lang);
            let edit = ActionEdit {
                title: Some(new.title.clone()),
                cites: Some(new.cites.clone()),
                ..ActionEdit::default()
            };
            let problems = citable(
                ws,
                crate::action_plan::scope(&ws.bundle).problems(&edit, true),
            );
            if !problems.is_empty() {
                return Err(words::problems(lang, &problems));
            }
            ws.show(Tab::Plan);
            Effect::AddAction {
                id,
                action: Box::new(new),
            }
        }
        PromptKind::FollowUpNote { number, outcome } => Effect::RecordFollowUp {
            id,
            number: *number,
            outcome: *outcome,
            note: text,
        },
        PromptKind::FlagComment { target } => {
            if text.is_empty() {
                return Err(t.reason_required.into());
            }
            Effect::RaiseFlag {
                id,
                target: target.clone(),
                comment: text,
            }
        }
        PromptKind::FlagReply { flag, .. } => {
            if text.is_empty() {
                return Err(t.reason_required.into());
            }
            Effect::ResolveFlag {
                id,
                flag: *flag,
                reply: text,
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(effect))
}

/// Equipment the audit recorded under a free name is citable too.
fn citable(
    ws: &WorkspaceState,
    problems: Vec<crate::domain::plan::check::PlanProblem>,
) -> Vec<crate::domain::plan::check::PlanProblem> {
    use crate::domain::plan::check::PlanProblem;
    problems
        .into_iter()
        .filter(|p| {
            !matches!(p, PlanProblem::UnknownType(t) if ws.bundle.equipment.iter().any(|r| &r.type_id == t))
        })
        .collect()
}

/// A new action on `cite` titled `title`: an item's recommendation as its
/// text and the priority the rule would give (medium when the item is at
/// target or not answered).
fn new_action(ws: &WorkspaceState, cite: &Cite, title: &str, lang: Lang) -> NewAction {
    let mut priority = Priority::Medium;
    let mut body = String::new();
    if let Cite::Item(item) = cite
        && let Some(found) = ws.bundle.pack.item(item)
    {
        body = found.text.get(lang).recommendation.clone();
        if let Response::Level(level) = ws.response(item) {
            let target = target_of(&ws.bundle.header.targets, found.pillar);
            if level < target {
                priority = item_rule(
                    found.weight,
                    found.critical,
                    level,
                    target,
                    ws.bundle.pack.scoring.serious_deficiency_at_or_below,
                )
                .priority();
            }
        }
    }
    NewAction {
        title: title.to_string(),
        body,
        priority,
        cites: vec![cite.clone()],
        agency: String::new(),
        due: None,
        cost: None,
    }
}

/// What the item or equipment row under the cursor is, as a cite.
fn current_cite(ws: &WorkspaceState) -> Option<Cite> {
    match ws.tab() {
        Tab::Pillar(_) => ws.current_item().map(|i| Cite::Item(i.id.clone())),
        Tab::Equipment => ws
            .equipment
            .selected_type()
            .map(|t| Cite::Equipment(t.to_string())),
        _ => None,
    }
}

/// `A` on an item or equipment row: a new action citing it (asks its title).
pub fn add_action(state: &mut AppState) -> Vec<Effect> {
    let lang = state.lang;
    let Some(ws) = state.workspace.as_ref() else {
        return Vec::new();
    };
    let Some(cite) = current_cite(ws) else {
        return Vec::new();
    };
    let title = match &cite {
        Cite::Item(item) => ws
            .bundle
            .pack
            .item(item)
            .map(|i| words::short_title(&i.text.get(lang).recommendation))
            .unwrap_or_default(),
        Cite::Equipment(type_id) => crate::tui::views::type_name(ws, type_id, lang),
    };
    state.overlay = Some(prompt(PromptKind::NewAction { cite }, &title));
    Vec::new()
}

/// `v`: answer the open flag of the row (anyone may; the evaluator does), or
/// raise one (a reviewer on a submitted assessment).
pub fn review_flag(state: &mut AppState) -> Vec<Effect> {
    let lang = state.lang;
    let p = plan_texts(lang);
    let t = texts(lang);
    let Some(ws) = state.workspace.as_ref() else {
        return Vec::new();
    };
    let Some(target) = current_cite(ws) else {
        return Vec::new();
    };
    let open = ws
        .plan
        .records
        .open_flags()
        .find(|f| f.target == target)
        .cloned();
    let header = &ws.bundle.header;
    let is_author = authors(header).iter().any(|a| same_person(a, &state.actor));
    match (open, may_raise(header, &state.actor)) {
        (Some(flag), _) if is_author || flag.raised_by == state.actor => {
            state.overlay = Some(prompt(
                PromptKind::FlagReply {
                    flag: flag.id,
                    comment: flag.comment.clone(),
                },
                "",
            ));
        }
        (_, Ok(())) => {
            state.overlay = Some(prompt(PromptKind::FlagComment { target }, ""));
        }
        (Some(flag), Err(_)) => {
            state.overlay = Some(prompt(
                PromptKind::FlagReply {
                    flag: flag.id,
                    comment: flag.comment.clone(),
                },
                "",
            ));
        }
        (None, Err(ReviewRefusal::NotSubmitted(status))) => state.info(fill(
            p.msg_flag_not_submitted,
            &[("status", t.status(status))],
        )),
        (None, Err(ReviewRefusal::OwnWork(_))) => state.info(p.msg_flag_own_work.into()),
    }
    Vec::new()
}

/// `V`: only items that need review, or all again.
pub fn flagged_only(state: &mut AppState) -> Vec<Effect> {
    let p = plan_texts(state.lang);
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    if ws.flagged_only {
        ws.set_flagged_only(false);
        state.info(p.msg_all_items.into());
        return Vec::new();
    }
    let any = ws
        .plan
        .records
        .open_flags()
        .any(|f| matches!(f.target, Cite::Item(_)));
    if !any {
        state.info(p.msg_no_flags.into());
        return Vec::new();
    }
    let listed = ws.set_flagged_only(true);
    // Show a pillar that has flagged items.
    if let Some(pillar) = (0..ws.items.len()).find(|&p| !ws.items[p].is_empty())
        && !matches!(ws.tab(), Tab::Pillar(p) if !ws.items[p].is_empty())
    {
        ws.go_to(pillar, 0);
    }
    state.info(fill(p.msg_flagged_only, &[("n", &listed.to_string())]));
    Vec::new()
}
