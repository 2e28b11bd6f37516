//! `frontera assess new|list|show|submit|finalise|reopen|delete`.

use anyhow::Result;
use serde_json::json;

use super::post::{label_width, post_code};
use super::{Context, invalid, print_json};
use crate::bundle::Bundle;
use crate::cli::{AssessCommand, AssessNewArgs};
use crate::json as j;
use std::io::Write as _;

use crate::domain::assessment::{AssessmentId, Depth, Transition};
use crate::domain::post::PostCode;
use crate::messages::{fill, terms};
use crate::output::visible_line;
use crate::say;
use crate::store::NewAssessment;

pub fn run(ctx: &Context, cmd: &AssessCommand) -> Result<()> {
    match cmd {
        AssessCommand::New(args) => new(ctx, args),
        AssessCommand::List { post, json } => list(ctx, post.as_deref(), json.json),
        AssessCommand::Show { id, json } => show(ctx, id, json.json),
        AssessCommand::Submit { id } => transition(ctx, id, Transition::Submit),
        AssessCommand::Finalise { id, reason } => finalise(ctx, id, reason.as_deref()),
        AssessCommand::Reopen { id, reason } => {
            if reason.trim().is_empty() {
                return Err(invalid(ctx.t().reopen_needs_reason));
            }
            transition(
                ctx,
                id,
                Transition::Reopen {
                    reason: reason.clone(),
                },
            )
        }
        AssessCommand::Method(args) => method(ctx, args),
        AssessCommand::Delete { id } => {
            let mut store = ctx.open_store()?;
            let id = ctx.resolve(&store, id)?;
            store.delete_draft(&id)?;
            ctx.say(ctx.t().deleted_draft, &[("id", id.as_str())])
        }
    }
}

fn new(ctx: &Context, args: &AssessNewArgs) -> Result<()> {
    let t = ctx.t();
    let post = post_code(ctx, &args.post)?;
    let kind = args
        .kind
        .parse()
        .map_err(|_| invalid(fill(t.bad_assessment_kind, &[("text", &args.kind)])))?;
    let depth: Depth = args
        .depth
        .parse()
        .map_err(|_| invalid(fill(t.bad_depth, &[("text", &args.depth)])))?;
    let mut store = ctx.open_store()?;
    let target = store.post(&post)?;
    // The national answers' source: an assessment of another post of the
    // same country (its national items describe the same law).
    let source = match &args.national_from {
        Some(text) => {
            let id = ctx.resolve(&store, text)?;
            let header = store.assessment(&id)?;
            let from = store.post(&PostCode::parse(&header.post).map_err(invalid)?)?;
            if from.country != target.country {
                return Err(invalid(fill(
                    t.national_other_country,
                    &[
                        ("id", id.as_str()),
                        ("post", from.code.as_str()),
                        ("country", from.country.as_str()),
                        ("here", target.country.as_str()),
                    ],
                )));
            }
            Some(id)
        }
        None => None,
    };
    // Refused before anything is created: nothing to carry over from.
    if args.carry_over
        && !store
            .assessments(Some(&post))?
            .iter()
            .any(|a| a.status == crate::domain::assessment::Status::Final)
    {
        return Err(invalid(fill(
            t.no_previous_final,
            &[("post", post.as_str())],
        )));
    }
    let (pack_source, pack) = ctx.current_pack(&store)?;
    let evaluators = args
        .evaluators
        .iter()
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty())
        .collect();
    let id = store.create_assessment(
        &NewAssessment {
            post,
            kind,
            evaluators,
            id: None,
            created_at: None,
            depth,
        },
        &pack_source,
        &pack,
    )?;
    if let Some(from) = &source {
        let copied =
            store.copy_national_answers(&id, from, &pack.national_items(&target, depth))?;
        // On standard error: standard output carries the id alone.
        let line = fill(
            t.national_copied,
            &[("n", &copied.to_string()), ("id", from.as_str())],
        );
        let _ = writeln!(std::io::stderr(), "{line}");
    }
    if args.carry_over
        && let Some((from, carried)) =
            store.carry_over(&id, &refs(&pack.asked_items(&target, depth)))?
    {
        let line = fill(
            t.carried_over,
            &[("n", &carried.to_string()), ("id", from.as_str())],
        );
        let _ = writeln!(std::io::stderr(), "{line}");
    }
    // The id alone, so that `$(frontera assess new …)` works.
    say!("{id}")?;
    Ok(())
}

fn list(ctx: &Context, post: Option<&str>, as_json: bool) -> Result<()> {
    let store = ctx.open_store()?;
    let post = post.map(|p| post_code(ctx, p)).transpose()?;
    if let Some(code) = &post {
        store.post(code)?;
    }
    let all = store.assessments(post.as_ref())?;
    if as_json {
        return print_json(&json!(all.iter().map(j::assessment).collect::<Vec<_>>()));
    }
    if all.is_empty() {
        say!("{}", ctx.t().no_assessments)?;
    }
    for a in &all {
        say!(
            "{}  {:<12} {:<14} {:<9} {}  {} {} {}",
            a.id,
            a.post,
            terms::kind(ctx.lang, a.kind),
            terms::status(ctx.lang, a.status),
            &a.created_at[..10.min(a.created_at.len())],
            ctx.t().pack,
            a.pack_id,
            a.pack_version
        )?;
    }
    Ok(())
}

fn show(ctx: &Context, id: &str, as_json: bool) -> Result<()> {
    let store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    let bundle = Bundle::load(&store, &id)?;
    let score = bundle.score();
    if as_json {
        let mut value = j::assessment(&bundle.header);
        value["score"] = j::score(id.as_str(), &score);
        return print_json(&value);
    }
    let (t, lang) = (ctx.t(), ctx.lang);
    let equipment = crate::messages::pick(lang, ["equipment", "equipamiento", "equipamento"]);
    let w = label_width(&[
        t.carried,
        t.kind,
        t.status,
        t.evaluators,
        t.pack,
        t.created,
        t.updated,
        equipment,
    ])
    .max(t.col_pillar.chars().count() + 4);
    let h = &bundle.header;
    say!(
        "{} {} — {} ({})",
        t.assessment,
        h.id,
        visible_line(&bundle.post.name),
        h.post
    )?;
    say!("  {:<w$}{}", t.kind, terms::kind(lang, h.kind))?;
    say!("  {:<w$}{}", t.depth, terms::depth(lang, h.depth))?;
    say!("  {:<w$}{}", t.status, terms::status(lang, h.status))?;
    let evaluators = if h.evaluators.is_empty() {
        "—".to_string()
    } else {
        visible_line(&h.evaluators.join(", ")).into_owned()
    };
    say!("  {:<w$}{evaluators}", t.evaluators)?;
    say!(
        "  {:<w$}{} {} ({})",
        t.pack,
        h.pack_id,
        h.pack_version,
        &h.pack_hash[..12.min(h.pack_hash.len())]
    )?;
    say!(
        "  {:<w$}{} {} {}",
        t.created,
        h.created_at,
        t.by,
        visible_line(&h.created_by)
    )?;
    say!("  {:<w$}{}", t.updated, h.updated_at)?;
    for p in &score.pillars {
        let progress = fill(
            t.pillar_progress,
            &[
                ("answered", &p.checklist.answered.to_string()),
                ("applicable", &p.checklist.applicable.to_string()),
                ("na", &p.checklist.not_applicable.to_string()),
                ("open", &p.checklist.open().to_string()),
            ],
        );
        say!(
            "  {:<w$}{progress}",
            format!("{} {}", t.col_pillar, p.pillar)
        )?;
    }
    let recorded = fill(
        t.equipment_recorded,
        &[("n", &bundle.equipment.len().to_string())],
    );
    say!("  {:<w$}{recorded}", equipment)?;
    if let Some(from) = &bundle.carry.from {
        let line = fill(
            t.carry_state,
            &[
                ("id", from.as_str()),
                ("pending", &bundle.carry.pending.len().to_string()),
                ("confirmed", &bundle.carry.confirmed.len().to_string()),
            ],
        );
        say!("  {:<w$}{line}", t.carried)?;
    }
    Ok(())
}

/// Finalising below the completeness threshold needs a reason, which the
/// change log keeps and the report prints.
fn finalise(ctx: &Context, id: &str, reason: Option<&str>) -> Result<()> {
    let mut store = ctx.open_store()?;
    let resolved = ctx.resolve(&store, id)?;
    let bundle = Bundle::load(&store, &resolved)?;
    let score = bundle.score();
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    let move_ = match (score.finalising_needs_reason(&bundle.pack.scoring), reason) {
        (false, _) => Transition::Finalise,
        (true, Some(reason)) => Transition::FinaliseIncomplete {
            reason: reason.to_string(),
        },
        (true, None) => {
            let percent = score.completeness().map_or(0.0, |c| c * 100.0);
            return Err(invalid(fill(
                ctx.t().finalise_needs_reason,
                &[
                    ("id", resolved.as_str()),
                    ("percent", &ctx.lang.number(percent, 0)),
                    (
                        "threshold",
                        &ctx.lang
                            .number(bundle.pack.scoring.provisional_below * 100.0, 0),
                    ),
                ],
            )));
        }
    };
    transition_resolved(ctx, &mut store, &resolved, move_)
}

fn transition(ctx: &Context, id: &str, transition: Transition) -> Result<()> {
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    transition_resolved(ctx, &mut store, &id, transition)
}

fn transition_resolved(
    ctx: &Context,
    store: &mut crate::store::Store,
    id: &AssessmentId,
    transition: Transition,
) -> Result<()> {
    let status = store.transition(id, &transition)?;
    ctx.say(
        ctx.t().status_now,
        &[
            ("id", id.as_str()),
            ("status", terms::status(ctx.lang, status)),
        ],
    )
}

/// Records the visit's dates, the people interviewed, the sites seen and the
/// traffic; prints them.
fn method(ctx: &Context, args: &crate::cli::MethodArgs) -> Result<()> {
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, &args.id)?;
    let mut m = store.assessment(&id)?.method;
    let date = |text: &str| {
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    };
    if let Some(from) = &args.visit_from {
        m.visit_from = date(from);
    }
    if let Some(to) = &args.visit_to {
        m.visit_to = date(to);
    }
    if let Some(text) = &args.interviewed {
        m.interviewed = text.trim().to_string();
    }
    if let Some(text) = &args.sites {
        m.sites_seen = text.trim().to_string();
    }
    if let Some(text) = &args.traffic {
        m.traffic = text.trim().to_string();
    }
    let problems = m.problems();
    if !problems.is_empty() {
        let words: Vec<&str> = problems
            .iter()
            .map(|p| crate::messages::plan::method_problem(ctx.lang, *p))
            .collect();
        return Err(invalid(words.join("; ")));
    }
    store.set_method(&id, &m)?;
    if !args.evaluators.is_empty() {
        store.set_evaluators(&id, &args.evaluators)?;
    }
    if args.json.json {
        return print_json(&j::assessment(&store.assessment(&id)?));
    }
    let t = crate::messages::plan_cli::texts(ctx.lang);
    ctx.say(t.method_saved, &[("id", id.as_str())])
}

fn refs(ids: &[String]) -> Vec<&str> {
    ids.iter().map(String::as_str).collect()
}
