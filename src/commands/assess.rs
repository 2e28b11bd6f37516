//! `frontera assess new|list|show|submit|finalise|reopen|delete`.

use anyhow::Result;
use serde_json::json;

use super::{Context, invalid, json as j, print_json};
use crate::bundle::Bundle;
use crate::cli::{AssessCommand, AssessNewArgs};
use crate::domain::assessment::Transition;
use crate::domain::post::PostCode;
use crate::store::NewAssessment;

pub fn run(ctx: &Context, cmd: &AssessCommand) -> Result<()> {
    match cmd {
        AssessCommand::New(args) => new(ctx, args),
        AssessCommand::List { post, json } => list(ctx, post.as_deref(), json.json),
        AssessCommand::Show { id, json } => show(ctx, id, json.json),
        AssessCommand::Submit { id } => transition(ctx, id, Transition::Submit),
        AssessCommand::Finalise { id } => transition(ctx, id, Transition::Finalise),
        AssessCommand::Reopen { id, reason } => {
            if reason.trim().is_empty() {
                return Err(invalid("--reason must say why the assessment is reopened"));
            }
            transition(
                ctx,
                id,
                Transition::Reopen {
                    reason: reason.clone(),
                },
            )
        }
        AssessCommand::Delete { id } => {
            let mut store = ctx.open_store()?;
            let id = ctx.resolve(&store, id)?;
            store.delete_draft(&id)?;
            println!("Deleted draft {id}.");
            Ok(())
        }
    }
}

fn new(ctx: &Context, args: &AssessNewArgs) -> Result<()> {
    let post = PostCode::parse(&args.post).map_err(invalid)?;
    let kind = args.kind.parse().map_err(invalid)?;
    let (source, pack) = ctx.current_pack()?;
    let mut store = ctx.open_store()?;
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
        },
        &source,
        &pack,
    )?;
    // The id alone, so that `$(frontera assess new …)` works.
    println!("{id}");
    Ok(())
}

fn list(ctx: &Context, post: Option<&str>, as_json: bool) -> Result<()> {
    let store = ctx.open_store()?;
    let post = post.map(PostCode::parse).transpose().map_err(invalid)?;
    if let Some(code) = &post {
        store.post(code)?;
    }
    let all = store.assessments(post.as_ref())?;
    if as_json {
        return print_json(&json!(all.iter().map(j::assessment).collect::<Vec<_>>()));
    }
    if all.is_empty() {
        println!("No assessments yet. Start one with `frontera assess new --post CODE`.");
    }
    for a in &all {
        println!(
            "{}  {:<10} {:<11} {:<9} {}  pack {} {}",
            a.id,
            a.post,
            a.kind,
            a.status,
            &a.created_at[..10.min(a.created_at.len())],
            a.pack_id,
            a.pack_version
        );
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
    let h = &bundle.header;
    println!("Assessment {} — {} ({})", h.id, bundle.post.name, h.post);
    println!("  kind        {}", h.kind);
    println!("  status      {}", h.status);
    println!(
        "  evaluators  {}",
        if h.evaluators.is_empty() {
            "—".into()
        } else {
            h.evaluators.join(", ")
        }
    );
    println!(
        "  pack        {} {} ({})",
        h.pack_id,
        h.pack_version,
        &h.pack_hash[..12]
    );
    println!("  created     {} by {}", h.created_at, h.created_by);
    println!("  updated     {}", h.updated_at);
    for p in &score.pillars {
        println!(
            "  pillar {}    {} of {} answered, {} N/A, {} open",
            p.pillar,
            p.checklist.answered,
            p.checklist.applicable,
            p.checklist.not_applicable,
            p.checklist.open()
        );
    }
    println!("  equipment   {} types recorded", bundle.equipment.len());
    Ok(())
}

fn transition(ctx: &Context, id: &str, transition: Transition) -> Result<()> {
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    let status = store.transition(&id, &transition)?;
    println!("Assessment {id} is now {status}.");
    Ok(())
}
