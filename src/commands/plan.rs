//! `frontera plan …`: propose, list, show, add, edit and move actions, follow
//! up the previous plan, and set pillar targets.

use anyhow::Result;
use serde_json::json;

use super::{Context, invalid, print_json};
use crate::action_plan::{self, PlanRecords, TargetView};
use crate::bundle::Bundle;
use crate::cli::{ActionFieldArgs, PlanCommand, PlanFollowupArgs, PlanFormat, PlanListArgs};
use crate::domain::lang::Lang;
use crate::domain::plan::check::{parse_amount, parse_currency};
use crate::domain::plan::{Action, ActionEdit, ActionStatus, Cite, Cost, Outcome, Priority};
use crate::domain::time;
use crate::json::plan as pj;
use crate::messages::plan_cli::{PlanCliTexts, texts};
use crate::messages::{fill, plan as words, terms};
use crate::output::visible_line;
use crate::say;
use crate::store::NewAction;

pub fn run(ctx: &Context, command: &PlanCommand) -> Result<()> {
    match command {
        PlanCommand::Propose { id, json } => propose(ctx, id, json.json),
        PlanCommand::List(args) => list(ctx, args),
        PlanCommand::Show { id, number, json } => show(ctx, id, *number, json.json),
        PlanCommand::Add(args) => add(ctx, &args.id, &args.fields),
        PlanCommand::Edit(args) => edit(ctx, &args.id, args.number, &args.fields),
        PlanCommand::SetStatus {
            id,
            number,
            status,
            reason,
        } => set_status(ctx, id, *number, status, reason.as_deref()),
        PlanCommand::Followup(args) => followup(ctx, args),
        PlanCommand::Target {
            id,
            pillar,
            level,
            json,
        } => target(ctx, id, *pillar, *level, json.json),
    }
}

fn pt(ctx: &Context) -> &'static PlanCliTexts {
    texts(ctx.lang)
}

fn today() -> String {
    time::date_of(&time::now()).to_string()
}

/// A code typed for one of the plan's vocabularies, or a message listing them.
fn parse_code<T: Copy + std::str::FromStr>(
    ctx: &Context,
    text: &str,
    all: &[T],
    what: [&str; 3],
    name: impl Fn(T) -> &'static str,
    code: impl Fn(T) -> &'static str,
) -> Result<T> {
    let typed = text.trim().to_lowercase().replace(' ', "-");
    if let Some(found) = all.iter().copied().find(|v| code(*v) == typed) {
        return Ok(found);
    }
    let list: Vec<String> = all
        .iter()
        .map(|v| {
            if ctx.lang == Lang::En {
                code(*v).to_string()
            } else {
                format!("{} ({})", code(*v), name(*v))
            }
        })
        .collect();
    Err(invalid(fill(
        pt(ctx).bad_value,
        &[
            ("value", text),
            ("what", crate::messages::pick(ctx.lang, what)),
            ("list", &list.join(", ")),
        ],
    )))
}

pub fn parse_priority(ctx: &Context, text: &str) -> Result<Priority> {
    parse_code(
        ctx,
        text,
        Priority::ALL,
        ["priority", "prioridad", "prioridade"],
        |p| terms::priority(ctx.lang, p),
        Priority::code,
    )
}

pub fn parse_status(ctx: &Context, text: &str) -> Result<ActionStatus> {
    parse_code(
        ctx,
        text,
        ActionStatus::ALL,
        ["status", "estado", "situação"],
        |s| terms::action_status(ctx.lang, s),
        ActionStatus::code,
    )
}

fn parse_outcome(ctx: &Context, text: &str) -> Result<Outcome> {
    parse_code(
        ctx,
        text,
        Outcome::ALL,
        [
            "follow-up result",
            "resultado del seguimiento",
            "resultado do acompanhamento",
        ],
        |o| terms::outcome(ctx.lang, o),
        Outcome::code,
    )
}

fn clears(text: &str) -> bool {
    matches!(text.trim(), "none" | "-" | "")
}

/// The edit the options ask for; `current` is the action being edited (its
/// cost's currency is kept when only the amount changes).
fn edit_of(ctx: &Context, f: &ActionFieldArgs, current: Option<&Action>) -> Result<ActionEdit> {
    let t = pt(ctx);
    let amount = match f.cost.as_deref() {
        None => None,
        Some(text) if clears(text) => Some(None),
        Some(text) => Some(Some(
            parse_amount(text).map_err(|p| invalid(words::problem(ctx.lang, &p)))?,
        )),
    };
    let currency = f
        .currency
        .as_deref()
        .map(|c| parse_currency(c).map_err(|p| invalid(words::problem(ctx.lang, &p))))
        .transpose()?;
    let old = current.and_then(|a| a.cost.clone());
    let cost = match (amount, currency) {
        (None, None) => None,
        (Some(None), _) => Some(None),
        (Some(Some(amount)), Some(currency)) => Some(Some(Cost { amount, currency })),
        (Some(Some(amount)), None) => match old {
            Some(old) => Some(Some(Cost {
                amount,
                currency: old.currency,
            })),
            None => return Err(invalid(t.cost_needs_currency)),
        },
        (None, Some(currency)) => match old {
            Some(old) => Some(Some(Cost {
                amount: old.amount,
                currency,
            })),
            None => return Err(invalid(t.currency_needs_cost)),
        },
    };
    Ok(ActionEdit {
        title: f.title.clone(),
        body: f.text.clone(),
        priority: f
            .priority
            .as_deref()
            .map(|p| parse_priority(ctx, p))
            .transpose()?,
        agency: f.agency.clone(),
        due: f.due.as_deref().map(|d| {
            if clears(d) {
                None
            } else {
                Some(d.trim().to_string())
            }
        }),
        cost,
        cites: f.cites.as_ref().map(|list| {
            list.iter()
                .filter(|c| !c.trim().is_empty())
                .map(|c| Cite::parse(c))
                .collect()
        }),
    })
}

/// Refuses an edit with every problem the plan's rules find in it.
fn check(ctx: &Context, bundle: &Bundle, edit: &ActionEdit, new: bool) -> Result<()> {
    let problems = action_plan::scope(bundle).problems(edit, new);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(invalid(words::problems(ctx.lang, &problems)))
    }
}

fn propose(ctx: &Context, id: &str, json: bool) -> Result<()> {
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    let bundle = Bundle::load(&store, &id)?;
    let summary = action_plan::propose_into(&mut store, &bundle, ctx.lang)?;
    if json {
        return print_json(&json!({
            "assessment": id.as_str(),
            "added": summary.added,
            "updated": summary.updated,
            "withdrawn": summary.withdrawn,
            "kept": summary.kept,
        }));
    }
    let n = |v: &Vec<u32>| v.len().to_string();
    ctx.say(
        pt(ctx).proposed,
        &[
            ("id", id.as_str()),
            ("added", &n(&summary.added)),
            ("updated", &n(&summary.updated)),
            ("withdrawn", &n(&summary.withdrawn)),
            ("kept", &n(&summary.kept)),
        ],
    )
}

/// The target lines of `plan list` and `plan target`.
fn print_targets(ctx: &Context, views: &[TargetView]) -> Result<()> {
    let t = pt(ctx);
    for v in views {
        let pillar = v.gap.pillar.to_string();
        let target = v.gap.target.to_string();
        let line = match v.gap.level {
            None => fill(
                t.target_no_level,
                &[("pillar", &pillar), ("target", &target)],
            ),
            Some(level) => {
                let template = if level >= v.gap.target {
                    t.target_reached
                } else if v.actions.is_empty() {
                    t.target_unplanned
                } else {
                    t.target_gap
                };
                let numbers: Vec<String> = v.actions.iter().map(u32::to_string).collect();
                fill(
                    template,
                    &[
                        ("pillar", &pillar),
                        ("level", &level.to_string()),
                        ("target", &target),
                        ("actions", &numbers.join(", ")),
                        ("n", &v.gap.needed.len().to_string()),
                    ],
                )
            }
        };
        say!("{line}")?;
        if !v.uncovered.is_empty() {
            say!(
                "{}",
                fill(t.target_uncovered, &[("items", &v.uncovered.join(", "))])
            )?;
        }
        if v.gap.unreachable {
            say!("{}", t.target_unreachable)?;
        }
    }
    Ok(())
}

fn list(ctx: &Context, args: &PlanListArgs) -> Result<()> {
    let store = ctx.open_store()?;
    let id = ctx.resolve(&store, &args.id)?;
    let bundle = Bundle::load(&store, &id)?;
    let mut records = PlanRecords::load(&store, &id)?;
    let score = bundle.score();
    let views = action_plan::targets(&bundle, &score, &records.actions);
    let needed = action_plan::needed_numbers(&views);
    if let Some(status) = &args.status {
        let status = parse_status(ctx, status)?;
        records.actions.retain(|a| a.status == status);
    }
    if let Some(agency) = &args.agency {
        let wanted = agency.trim().to_lowercase();
        records
            .actions
            .retain(|a| a.agency.trim().to_lowercase() == wanted);
    }
    let today = today();
    let format = if args.json {
        PlanFormat::Json
    } else {
        args.format
    };
    let text = match format {
        PlanFormat::Json => {
            let mut value = pj::plan(&records, &views, &today);
            value["assessment"] = json!(id.as_str());
            serde_json::to_string_pretty(&value)? + "\n"
        }
        PlanFormat::Csv => pj::csv(&records.actions, &needed, &today),
        PlanFormat::Text => {
            if args.output.is_some() {
                return Err(invalid(pt(ctx).output_needs_format));
            }
            return print_list(ctx, &bundle, &records, &views, &needed, &today);
        }
    };
    match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            crate::output::write_output(path, text.as_bytes())?;
            let line = fill(
                ctx.t().exported,
                &[("id", id.as_str()), ("path", &path.display().to_string())],
            );
            eprintln!("{line}");
            Ok(())
        }
        _ => {
            crate::say!("{}", text.trim_end())?;
            Ok(())
        }
    }
}

fn print_list(
    ctx: &Context,
    bundle: &Bundle,
    records: &PlanRecords,
    views: &[TargetView],
    needed: &std::collections::BTreeSet<u32>,
    today: &str,
) -> Result<()> {
    let t = pt(ctx);
    let lang = ctx.lang;
    let id = bundle.header.id.as_str();
    say!(
        "{}",
        fill(
            t.plan_title,
            &[
                ("id", id),
                ("post", &visible_line(&bundle.post.name)),
                ("code", bundle.post.code.as_str()),
                ("status", terms::status(lang, bundle.header.status)),
                (
                    "n",
                    &crate::messages::count(
                        records.actions.len() as u32,
                        crate::messages::pick(
                            lang,
                            [
                                ["action", "actions"],
                                ["acción", "acciones"],
                                ["ação", "ações"],
                            ],
                        ),
                    ),
                ),
            ],
        )
    )?;
    print_targets(ctx, views)?;
    if records.actions.is_empty() {
        return ctx.say(t.plan_empty, &[("id", id)]);
    }
    let c = &t.columns;
    say!(
        "{:>3}   {:<9} {:<12} {:<10} {:<14} {}",
        c[0],
        c[1],
        c[2],
        c[3],
        c[4],
        c[5]
    )?;
    for a in &records.actions {
        let mark = match (needed.contains(&a.number), a.overdue_on(today)) {
            (true, true) => "▲!",
            (true, false) => "▲ ",
            (false, true) => " !",
            (false, false) => "  ",
        };
        let agency: String = visible_line(&a.agency).chars().take(14).collect();
        say!(
            "{:>3} {mark}{:<9} {:<12} {:<10} {:<14} {}",
            a.number,
            terms::priority(lang, a.priority),
            terms::action_status(lang, a.status),
            a.due.as_deref().unwrap_or(t.none),
            if agency.is_empty() {
                t.none.to_string()
            } else {
                agency
            },
            visible_line(&a.title)
        )?;
        // Three cites are enough to recognise an action; `plan show` has all.
        let mut cites: Vec<String> = a.cites.iter().take(3).map(ToString::to_string).collect();
        if a.cites.len() > 3 {
            cites.push(format!("+{}", a.cites.len() - 3));
        }
        let cost = a
            .cost
            .as_ref()
            .map(|c| format!(" · {c}"))
            .unwrap_or_default();
        say!("{:>17}{}{cost}", "", visible_line(&cites.join(", ")))?;
    }
    say!("{}", t.needed_legend)?;
    Ok(())
}

fn show(ctx: &Context, id: &str, number: u32, json: bool) -> Result<()> {
    let store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    let bundle = Bundle::load(&store, &id)?;
    let action = store.action(&id, number)?;
    let history = store.action_history(&action.id)?;
    let score = bundle.score();
    let actions = store.actions(&id)?;
    let views = action_plan::targets(&bundle, &score, &actions);
    let needed = action_plan::needed_numbers(&views).contains(&number);
    let rule = action.proposal_key.as_ref().and_then(|key| {
        action_plan::proposals(&bundle, &score, ctx.lang)
            .into_iter()
            .find(|(p, _)| &p.key == key)
            .map(|(_, rule)| rule)
    });
    let today = today();
    if json {
        let mut value = pj::action(&action, needed, &today);
        value["assessment"] = json!(id.as_str());
        value["history"] = history.iter().map(crate::json::change).collect();
        return print_json(&value);
    }
    let t = pt(ctx);
    let lang = ctx.lang;
    let l = &t.labels;
    let none = t.none.to_string();
    say!("#{} {}", action.number, visible_line(&action.title))?;
    let priority = match rule {
        Some(rule) => format!(
            "{} ({})",
            terms::priority(lang, action.priority),
            words::rule_reason(lang, rule)
        ),
        None => terms::priority(lang, action.priority).to_string(),
    };
    let proposed = action
        .proposed_priority
        .map_or(none.clone(), |p| terms::priority(lang, p).to_string());
    let cites: Vec<String> = action.cites.iter().map(ToString::to_string).collect();
    let mut status = terms::action_status(lang, action.status).to_string();
    if action.overdue_on(&today) {
        status.push_str(&format!(" ({})", t.overdue));
    }
    let rows: Vec<(&str, String)> = vec![
        (l[2], priority),
        (l[3], proposed),
        (l[4], visible_line(&action.agency).into_owned()),
        (l[5], action.due.clone().unwrap_or_else(|| none.clone())),
        (
            l[6],
            action
                .cost
                .as_ref()
                .map_or(none.clone(), ToString::to_string),
        ),
        (l[7], status),
        (
            l[8],
            action
                .status_reason
                .as_deref()
                .map_or(none.clone(), |r| visible_line(r).into_owned()),
        ),
        (l[9], cites.join(", ")),
        (
            l[10],
            format!("{} {}", action.created_at, action.created_by),
        ),
        (
            l[11],
            format!("{} {}", action.updated_at, action.updated_by),
        ),
    ];
    for (label, value) in rows {
        say!(
            "  {label:<22} {}",
            if value.is_empty() { &none } else { &value }
        )?;
    }
    if !action.body.is_empty() {
        say!("")?;
        crate::output::print_text(&action.body)?;
    }
    say!("")?;
    say!("{}:", t.history)?;
    for change in history {
        say!(
            "  {} {} {}: {} → {}",
            change.at,
            visible_line(&change.actor),
            change.field,
            visible_line(change.old.as_deref().unwrap_or("—")),
            visible_line(change.new.as_deref().unwrap_or("—"))
        )?;
    }
    Ok(())
}

fn add(ctx: &Context, id: &str, fields: &ActionFieldArgs) -> Result<()> {
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    let bundle = Bundle::load(&store, &id)?;
    let edit = edit_of(ctx, fields, None)?;
    check(ctx, &bundle, &edit, true)?;
    let new = NewAction {
        title: edit.title.unwrap_or_default(),
        body: edit.body.unwrap_or_default(),
        priority: edit.priority.unwrap_or(Priority::Medium),
        cites: edit.cites.unwrap_or_default(),
        agency: edit.agency.unwrap_or_default(),
        due: edit.due.flatten(),
        cost: edit.cost.flatten(),
    };
    let number = store.add_action(&id, &new)?;
    ctx.say(
        pt(ctx).added,
        &[("number", &number.to_string()), ("id", id.as_str())],
    )
}

fn edit(ctx: &Context, id: &str, number: u32, fields: &ActionFieldArgs) -> Result<()> {
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    let bundle = Bundle::load(&store, &id)?;
    let current = store.action(&id, number)?;
    let edit = edit_of(ctx, fields, Some(&current))?;
    if edit.is_empty() {
        return Err(invalid(pt(ctx).nothing_to_edit));
    }
    check(ctx, &bundle, &edit, false)?;
    store.edit_action(&id, number, &edit)?;
    ctx.say(
        pt(ctx).saved,
        &[("number", &number.to_string()), ("id", id.as_str())],
    )
}

fn set_status(
    ctx: &Context,
    id: &str,
    number: u32,
    status: &str,
    reason: Option<&str>,
) -> Result<()> {
    let next = parse_status(ctx, status)?;
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    let action = store.set_action_status(&id, number, next, reason)?;
    ctx.say(
        pt(ctx).status_now,
        &[
            ("number", &number.to_string()),
            ("id", id.as_str()),
            ("status", terms::action_status(ctx.lang, action.status)),
        ],
    )
}

fn followup(ctx: &Context, args: &PlanFollowupArgs) -> Result<()> {
    let t = pt(ctx);
    let lang = ctx.lang;
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, &args.id)?;
    if let (Some(number), Some(outcome)) = (args.number, args.outcome.as_deref()) {
        let outcome = parse_outcome(ctx, outcome)?;
        store.record_followup(
            &id,
            number,
            outcome,
            args.note.as_deref().unwrap_or_default(),
        )?;
        let previous = store
            .previous_final(&id)?
            .map_or_else(String::new, |p| p.id.to_string());
        return ctx.say(
            t.followup_saved,
            &[
                ("number", &number.to_string()),
                ("previous", &previous),
                ("outcome", terms::outcome(lang, outcome)),
                ("id", id.as_str()),
            ],
        );
    }
    let Some(review) = store.followup_review(&id)? else {
        if args.json.json {
            return print_json(&json!({ "assessment": id.as_str(), "followup": null }));
        }
        return ctx.say(t.followup_none, &[("id", id.as_str())]);
    };
    if args.json.json {
        let mut value = pj::followup(&review);
        value["assessment"] = json!(id.as_str());
        return print_json(&value);
    }
    say!(
        "{}",
        fill(
            t.followup_title,
            &[("id", id.as_str()), ("previous", &review.previous)]
        )
    )?;
    let s = review.summary();
    let rate = s.closure_rate().map_or_else(
        || t.none.to_string(),
        |r| format!("{}%", lang.number(r * 100.0, 0)),
    );
    say!("{}", words::fill_followup(t.followup_figures, &s, &rate))?;
    for (action, found) in &review.entries {
        let outcome = found
            .as_ref()
            .map_or(t.followup_pending, |f| terms::outcome(lang, f.outcome));
        let overdue = review.is_overdue(action, found.as_ref());
        say!(
            "{:>3} {}{:<9} {:<12} {:<10} {:<20} {}",
            action.number,
            if overdue { "!" } else { " " },
            terms::priority(lang, action.priority),
            terms::action_status(lang, action.status),
            action.due.as_deref().unwrap_or(t.none),
            outcome,
            visible_line(&action.title)
        )?;
        if let Some(note) = found
            .as_ref()
            .map(|f| f.note.as_str())
            .filter(|n| !n.is_empty())
        {
            say!("{:>17}{}", "", visible_line(note))?;
        }
    }
    Ok(())
}

fn target(
    ctx: &Context,
    id: &str,
    pillar: Option<u8>,
    level: Option<u8>,
    json: bool,
) -> Result<()> {
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    if let (Some(pillar), Some(level)) = (pillar, level) {
        store.set_pillar_target(&id, pillar, level)?;
        if !json {
            ctx.say(
                pt(ctx).target_saved,
                &[
                    ("pillar", &pillar.to_string()),
                    ("id", id.as_str()),
                    ("level", &level.to_string()),
                ],
            )?;
        }
    }
    let bundle = Bundle::load(&store, &id)?;
    let actions = store.actions(&id)?;
    let views = action_plan::targets(&bundle, &bundle.score(), &actions);
    if json {
        return print_json(&json!({
            "assessment": id.as_str(),
            "targets": pj::targets(&views),
        }));
    }
    print_targets(ctx, &views)
}
