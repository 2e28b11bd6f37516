//! `frontera items [--pillar N] [--post CODE] [--json]`: the item ids
//! `frontera answer` takes, so nobody has to read the pack's files to find one.

use anyhow::Result;
use serde_json::json;

use super::post::post_code;
use super::{Context, print_json};
use crate::cli::ItemsArgs;
use crate::domain::pack::{Item, Pack};
use crate::output::visible_line;
use crate::say;

/// The width the text lines fit: the narrowest terminal frontera supports.
const WIDTH: usize = 80;

pub fn run(ctx: &Context, args: &ItemsArgs) -> Result<()> {
    let (pack, items) = match &args.post {
        // Applicability needs the post's profile, so only then a database.
        Some(code) => {
            let store = ctx.open_store()?;
            let post = store.post(&post_code(ctx, code)?)?;
            let (_, pack) = ctx.current_pack(&store)?;
            let ids: Vec<String> = pack.applicable_items(&post).map(|i| i.id.clone()).collect();
            (pack, Some(ids))
        }
        None => {
            let (_, pack) = crate::content::load_current(ctx.content_dir.as_deref())
                .map_err(|e| super::invalid(crate::messages::errors::pack(&e, ctx.lang)))?;
            (pack, None)
        }
    };
    let chosen: Vec<&Item> = pack
        .items()
        .filter(|i| args.pillar.is_none_or(|p| i.pillar == p))
        .filter(|i| items.as_ref().is_none_or(|ids| ids.contains(&i.id)))
        .collect();
    if args.json.json {
        return print_json(&json!(
            chosen
                .iter()
                .map(|i| item_json(ctx, &pack, i))
                .collect::<Vec<_>>()
        ));
    }
    print_text(ctx, &pack, &chosen)
}

fn item_json(ctx: &Context, pack: &Pack, item: &Item) -> serde_json::Value {
    json!({
        "id": item.id,
        "pillar": item.pillar,
        "section": item.section,
        "section_title": pack.section_title(&item.section).map(|t| t.get(ctx.lang)),
        "critical": item.critical,
        "core": item.core,
        "scope": item.scope.code(),
        "question": item.text.get(ctx.lang).question,
    })
}

/// Under a heading per section (pillar, section id, title), one item a line:
/// `!` when critical, the id, and the question cut with … to end by column
/// 80. The id already holds its pillar and section, so repeating them on every
/// line would leave the question no room; scripts read `--json`.
fn print_text(ctx: &Context, pack: &Pack, items: &[&Item]) -> Result<()> {
    let id_width = items
        .iter()
        .map(|i| i.id.chars().count())
        .max()
        .unwrap_or(0);
    // "! ", the id, two spaces.
    let room = WIDTH.saturating_sub(2 + id_width + 2).max(20);
    let mut section = None;
    for item in items {
        if section != Some(&item.section) {
            section = Some(&item.section);
            let title = pack
                .section_title(&item.section)
                .map_or("", |t| t.get(ctx.lang).as_str());
            let heading = format!("P{} {} · {}", item.pillar, item.section, title);
            say!("{}", cut(&visible_line(&heading), WIDTH))?;
        }
        let question = visible_line(&item.text.get(ctx.lang).question).into_owned();
        say!(
            "{} {:<id_width$}  {}",
            if item.critical { '!' } else { ' ' },
            visible_line(&item.id),
            cut(&question, room)
        )?;
    }
    Ok(())
}

/// `text` in at most `width` characters, ending in … when it was cut.
pub fn cut(text: &str, width: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn cut_keeps_short_text_and_marks_a_cut() {
        assert_eq!(cut("Is it?", 10), "Is it?");
        assert_eq!(cut("abcdefghij", 10), "abcdefghij");
        assert_eq!(cut("abcdefghijk", 10), "abcdefghi…");
        assert_eq!(cut("abcd efghijk", 6), "abcd…");
        assert_eq!(cut("señalización", 5).chars().count(), 5);
    }
}
