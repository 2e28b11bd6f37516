//! `frontera post add|list|show|edit`.

use anyhow::Result;
use serde_json::json;

use super::{Context, invalid, print_json};
use crate::cli::{PostAddArgs, PostCommand, PostEditArgs};
use crate::domain::post::{CountryCode, Post, PostCode, PostProblem, PostProfile, post_problems};
use crate::json as j;
use crate::messages::cli::CliTexts;
use crate::messages::{count, fill, terms};
use crate::output::visible_line;
use crate::say;

pub fn run(ctx: &Context, cmd: &PostCommand) -> Result<()> {
    match cmd {
        PostCommand::Add(args) => add(ctx, args),
        PostCommand::List(flag) => list(ctx, flag.json),
        PostCommand::Show { code, json } => show(ctx, code, json.json),
        PostCommand::Edit(args) => edit(ctx, args),
    }
}

/// A post code from the command line, or why it is not one.
pub fn post_code(ctx: &Context, text: &str) -> Result<PostCode> {
    PostCode::parse(text).map_err(|_| invalid(fill(ctx.t().bad_post_code, &[("text", text)])))
}

fn country(ctx: &Context, text: &str) -> Result<CountryCode> {
    CountryCode::parse(text).map_err(|_| invalid(fill(ctx.t().bad_country, &[("text", text)])))
}

fn problem_text(t: &CliTexts, problem: PostProblem) -> &'static str {
    match problem {
        PostProblem::EmptyName => t.post_needs_name,
        PostProblem::NeighbourIsCountry => t.neighbour_is_country,
        PostProblem::NoShifts => t.no_shifts,
        PostProblem::CargoLanesWithoutCargo => t.cargo_lanes_without_cargo,
    }
}

/// Builds a post from the options, checking every field.
pub fn post_from_args(ctx: &Context, args: &PostAddArgs) -> Result<Post> {
    let t = ctx.t();
    let code = post_code(ctx, &args.code)?;
    let country_code = country(ctx, &args.country)?;
    let neighbour = country(ctx, &args.neighbour)?;
    let profile = PostProfile {
        lanes: args.lanes,
        cargo_lanes: args.cargo_lanes,
        booths: args.booths.unwrap_or(args.lanes),
        shifts: args.shifts,
    };
    let problems = post_problems(
        &args.name,
        Some(&country_code),
        Some(&neighbour),
        args.cargo,
        &profile,
    );
    if let Some(problem) = problems.first() {
        return Err(invalid(problem_text(t, *problem)));
    }
    Ok(Post {
        code,
        name: args.name.trim().to_string(),
        country: country_code,
        neighbour,
        kind: args
            .kind
            .parse()
            .map_err(|_| invalid(fill(t.bad_post_kind, &[("text", &args.kind)])))?,
        cargo: args.cargo,
        model: args
            .model
            .parse()
            .map_err(|_| invalid(fill(t.bad_model, &[("text", &args.model)])))?,
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
    let post = post_from_args(ctx, args)?;
    ctx.create_store()?.add_post(&post)?;
    if args.json.json {
        return print_json(&j::post(&post));
    }
    ctx.say(
        ctx.t().registered_post,
        &[
            ("code", post.code.as_str()),
            ("name", &visible_line(&post.name)),
        ],
    )
}

/// `post edit CODE …`: the stored entry with the options given, checked as
/// `post add` checks a new one.
fn edit(ctx: &Context, args: &PostEditArgs) -> Result<()> {
    let t = ctx.t();
    let mut store = ctx.open_store()?;
    let code = post_code(ctx, &args.code)?;
    let mut post = store.post(&code)?;
    if let Some(name) = &args.name {
        post.name = name.trim().to_string();
    }
    if let Some(text) = &args.country {
        post.country = country(ctx, text)?;
    }
    if let Some(text) = &args.neighbour {
        post.neighbour = country(ctx, text)?;
    }
    if let Some(text) = &args.kind {
        post.kind = text
            .parse()
            .map_err(|_| invalid(fill(t.bad_post_kind, &[("text", text)])))?;
    }
    if let Some(cargo) = args.cargo {
        post.cargo = cargo;
    }
    if let Some(text) = &args.model {
        post.model = text
            .parse()
            .map_err(|_| invalid(fill(t.bad_model, &[("text", text)])))?;
    }
    let p = &mut post.profile;
    p.lanes = args.lanes.unwrap_or(p.lanes);
    p.cargo_lanes = args.cargo_lanes.unwrap_or(p.cargo_lanes);
    p.booths = args.booths.unwrap_or(p.booths);
    p.shifts = args.shifts.unwrap_or(p.shifts);
    if !args.agencies.is_empty() {
        post.agencies = args
            .agencies
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
    }
    let problems = post_problems(
        &post.name,
        Some(&post.country),
        Some(&post.neighbour),
        post.cargo,
        &post.profile,
    );
    if let Some(problem) = problems.first() {
        return Err(invalid(problem_text(t, *problem)));
    }
    store.update_post(&post)?;
    if args.json.json {
        return print_json(&j::post(&post));
    }
    ctx.say(t.post_updated, &[("code", post.code.as_str())])
}

fn list(ctx: &Context, as_json: bool) -> Result<()> {
    let posts = ctx.open_store()?.posts()?;
    if as_json {
        return print_json(&json!(posts.iter().map(j::post).collect::<Vec<_>>()));
    }
    let t = ctx.t();
    if posts.is_empty() {
        say!("{}", t.no_posts)?;
    }
    for p in &posts {
        say!(
            "{:<12} {:<36} {}→{}  {:<9} {}{}",
            p.code.as_str(),
            visible_line(&p.name),
            p.country,
            p.neighbour,
            terms::post_kind(ctx.lang, p.kind),
            terms::model(ctx.lang, p.model),
            if p.cargo {
                format!(", {}", t.cargo)
            } else {
                String::new()
            }
        )?;
    }
    Ok(())
}

fn show(ctx: &Context, code: &str, as_json: bool) -> Result<()> {
    let store = ctx.open_store()?;
    let code = post_code(ctx, code)?;
    let post = store.post(&code)?;
    let assessments = store.assessments(Some(&code))?;
    if as_json {
        let mut value = j::post(&post);
        value["assessments"] = json!(assessments.iter().map(j::assessment).collect::<Vec<_>>());
        return print_json(&value);
    }
    let (t, lang) = (ctx.t(), ctx.lang);
    let w = label_width(&[
        t.countries,
        t.crossing,
        t.profile,
        t.agencies,
        t.assessments,
    ]);
    say!("{} — {}", post.code, visible_line(&post.name))?;
    say!(
        "  {:<w$}{} ({} {})",
        t.countries,
        post.country,
        t.neighbour,
        post.neighbour
    )?;
    say!(
        "  {:<w$}{}{}, {} {}",
        t.crossing,
        terms::post_kind(lang, post.kind),
        if post.cargo { t.with_cargo } else { "" },
        t.control_model,
        terms::model(lang, post.model)
    )?;
    let profile = &post.profile;
    say!(
        "  {:<w$}{}, {}, {}, {}",
        t.profile,
        count(profile.lanes, t.lanes),
        count(profile.cargo_lanes, t.cargo_lanes),
        count(profile.booths, t.booths),
        count(profile.shifts, t.shifts_a_day)
    )?;
    if !post.agencies.is_empty() {
        say!(
            "  {:<w$}{}",
            t.agencies,
            visible_line(&post.agencies.join(", "))
        )?;
    }
    say!("  {:<w$}{}", t.assessments, assessments.len())?;
    for a in &assessments {
        say!(
            "    {}  {:<14} {:<9} {}",
            a.id,
            terms::kind(lang, a.kind),
            terms::status(lang, a.status),
            &a.created_at[..10.min(a.created_at.len())]
        )?;
    }
    Ok(())
}

/// The width of a column of labels: the longest one and two spaces.
pub fn label_width(labels: &[&str]) -> usize {
    labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 2
}
