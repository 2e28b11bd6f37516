//! `frontera` with no command, when the interface cannot start: what is in the
//! database and how to begin.

use anyhow::Result;

use super::Context;
use crate::messages::{count, fill, terms};
use crate::say;

pub fn run(ctx: &Context) -> Result<()> {
    let t = ctx.t();
    // No database yet is not an error here: the overview says how to begin,
    // without creating an empty file.
    let (posts, assessments) = if ctx.db_path.exists() {
        let store = ctx.open_store()?;
        (store.posts()?, store.assessments(None)?)
    } else {
        (Vec::new(), Vec::new())
    };
    say!("{}", t.overview_title)?;
    say!(
        "{}",
        fill(
            t.overview_database,
            &[("path", &ctx.db_path.display().to_string())]
        )
    )?;
    say!(
        "{}",
        fill(
            t.overview_counts,
            &[
                ("posts", &count(posts.len() as u32, t.posts_n)),
                (
                    "assessments",
                    &count(assessments.len() as u32, t.assessments_n)
                ),
            ]
        )
    )?;
    for a in assessments.iter().take(10) {
        say!(
            "  {}  {:<12} {:<14} {}",
            a.id,
            a.post,
            terms::kind(ctx.lang, a.kind),
            terms::status(ctx.lang, a.status)
        )?;
    }
    if posts.is_empty() {
        say!("\n{}", t.overview_start)?;
    }
    say!("\n{}", t.overview_help)?;
    Ok(())
}
