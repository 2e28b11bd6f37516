//! `frontera` with no command, when the interface cannot start: what is in the
//! database and how to begin.

use anyhow::Result;

use super::Context;

pub fn run(ctx: &Context) -> Result<()> {
    let store = ctx.open_store()?;
    let posts = store.posts()?;
    let assessments = store.assessments(None)?;
    println!("frontera — border crossing point assessments");
    println!("database: {}", ctx.db_path.display());
    println!("{} posts, {} assessments", posts.len(), assessments.len());
    for a in assessments.iter().take(10) {
        println!("  {}  {:<10} {:<11} {}", a.id, a.post, a.kind, a.status);
    }
    if posts.is_empty() {
        println!("\nStart with `frontera demo` to load the four EUROFRONT pilot crossings,");
        println!(
            "or register a post: frontera post add --code PE-DES --name Desaguadero --country PE --neighbour BO --kind land"
        );
    }
    println!("\nSee `frontera --help` for every command.");
    Ok(())
}
