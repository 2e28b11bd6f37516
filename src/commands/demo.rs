//! `frontera demo`: loads the demo data (see `crate::demo`).

use anyhow::Result;
use serde_json::json;

use super::{Context, print_json};
use crate::demo::{demo_ids, load_demo};

pub fn run(ctx: &Context, as_json: bool) -> Result<()> {
    let mut store = ctx.create_store()?;
    let (source, pack) = ctx.current_pack(&store)?;
    let (posts, assessments) = load_demo(&mut store, &source, &pack)?;
    let ids: Vec<String> = demo_ids().iter().map(ToString::to_string).collect();
    if as_json {
        return print_json(
            &json!({ "posts_added": posts, "assessments_added": assessments, "assessments": ids }),
        );
    }
    ctx.say(
        ctx.t().demo_loaded,
        &[
            ("posts", &posts.to_string()),
            ("assessments", &assessments.to_string()),
        ],
    )?;
    ctx.say(ctx.t().demo_try, &[])
}
