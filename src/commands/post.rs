//! `frontera post add|list|show`.

use anyhow::Result;
use serde_json::json;

use super::{Context, invalid, json as j, print_json};
use crate::cli::{PostAddArgs, PostCommand};
use crate::domain::post::{CountryCode, Post, PostCode, PostProfile, post_problems};

pub fn run(ctx: &Context, cmd: &PostCommand) -> Result<()> {
    match cmd {
        PostCommand::Add(args) => add(ctx, args),
        PostCommand::List(flag) => list(ctx, flag.json),
        PostCommand::Show { code, json } => show(ctx, code, json.json),
    }
}

/// Builds a post from the options, checking every field.
pub fn post_from_args(args: &PostAddArgs) -> Result<Post> {
    let code = PostCode::parse(&args.code).map_err(invalid)?;
    let country = CountryCode::parse(&args.country).map_err(invalid)?;
    let neighbour = CountryCode::parse(&args.neighbour).map_err(invalid)?;
    let profile = PostProfile {
        lanes: args.lanes,
        cargo_lanes: args.cargo_lanes,
        booths: args.booths.unwrap_or(args.lanes),
        shifts: args.shifts,
    };
    let problems = post_problems(
        &args.name,
        Some(&country),
        Some(&neighbour),
        args.cargo,
        &profile,
    );
    if let Some(problem) = problems.first() {
        return Err(invalid(problem.message()));
    }
    Ok(Post {
        code,
        name: args.name.trim().to_string(),
        country,
        neighbour,
        kind: args.kind.parse().map_err(invalid)?,
        cargo: args.cargo,
        model: args.model.parse().map_err(invalid)?,
        profile,
        agencies: args
            .agencies
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect(),
    })
}

fn add(ctx: &Context, args: &PostAddArgs) -> Result<()> {
    let post = post_from_args(args)?;
    ctx.open_store()?.add_post(&post)?;
    if args.json.json {
        print_json(&j::post(&post))
    } else {
        println!("Registered {} ({}).", post.code, post.name);
        Ok(())
    }
}

fn list(ctx: &Context, as_json: bool) -> Result<()> {
    let posts = ctx.open_store()?.posts()?;
    if as_json {
        return print_json(&json!(posts.iter().map(j::post).collect::<Vec<_>>()));
    }
    if posts.is_empty() {
        println!(
            "No posts yet. Add one with `frontera post add …`, or load examples with `frontera demo`."
        );
    }
    for p in &posts {
        println!(
            "{:<10} {:<36} {}→{}  {:<5} {}{}",
            p.code.as_str(),
            p.name,
            p.country,
            p.neighbour,
            p.kind,
            p.model,
            if p.cargo { ", cargo" } else { "" }
        );
    }
    Ok(())
}

fn show(ctx: &Context, code: &str, as_json: bool) -> Result<()> {
    let store = ctx.open_store()?;
    let code = PostCode::parse(code).map_err(invalid)?;
    let post = store.post(&code)?;
    let assessments = store.assessments(Some(&code))?;
    if as_json {
        let mut value = j::post(&post);
        value["assessments"] = json!(assessments.iter().map(j::assessment).collect::<Vec<_>>());
        return print_json(&value);
    }
    println!("{} — {}", post.code, post.name);
    println!(
        "  countries   {} (neighbour {})",
        post.country, post.neighbour
    );
    println!(
        "  crossing    {}{}, control model {}",
        post.kind,
        if post.cargo { " with cargo" } else { "" },
        post.model
    );
    println!(
        "  profile     {} lanes, {} cargo lanes, {} booths, {} shifts a day",
        post.profile.lanes, post.profile.cargo_lanes, post.profile.booths, post.profile.shifts
    );
    if !post.agencies.is_empty() {
        println!("  agencies    {}", post.agencies.join(", "));
    }
    println!("  assessments {}", assessments.len());
    for a in &assessments {
        println!(
            "    {}  {:<11} {:<9} {}",
            a.id,
            a.kind,
            a.status,
            &a.created_at[..10.min(a.created_at.len())]
        );
    }
    Ok(())
}
