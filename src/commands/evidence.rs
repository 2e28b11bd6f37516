//! `frontera evidence add|list|caption|remove|extract`: files that back the
//! answers, kept in the database by SHA-256 (see `store/evidence.rs`).

use std::path::Path;

use anyhow::Result;

use super::{Context, invalid, print_json, suggest};
use crate::bundle::pinned_structure;
use crate::cli::{EvidenceAddArgs, EvidenceCommand};
use crate::domain::assessment::AssessmentId;
use crate::domain::evidence::{Evidence, MediaType, Target};
use crate::domain::post::PostCode;
use crate::evidence::{EvidenceFileError, read_file, sha256_hex, write_out};
use crate::messages::evidence_cli::texts;
use crate::messages::fill;
use crate::output::visible_line;
use crate::say;
use crate::store::Store;

pub fn run(ctx: &Context, command: &EvidenceCommand) -> Result<()> {
    match command {
        EvidenceCommand::Add(args) => add(ctx, args),
        EvidenceCommand::List { id, json } => list(ctx, id, json.json),
        EvidenceCommand::Caption {
            id,
            evidence,
            caption,
        } => {
            let mut store = ctx.open_store()?;
            let id = ctx.resolve(&store, id)?;
            store.set_evidence_caption(&id, evidence, caption.trim())?;
            ctx.say(
                texts(ctx.lang).caption_saved,
                &[("evidence", &visible_line(evidence)), ("id", id.as_str())],
            )
        }
        EvidenceCommand::Remove {
            id,
            evidence,
            reason,
        } => {
            let mut store = ctx.open_store()?;
            let id = ctx.resolve(&store, id)?;
            store.remove_evidence(&id, evidence, reason)?;
            ctx.say(
                texts(ctx.lang).removed,
                &[("evidence", &visible_line(evidence)), ("id", id.as_str())],
            )
        }
        EvidenceCommand::Extract { id, dir } => extract(ctx, id, dir),
    }
}

/// The target named by `--item` or `--equipment`, checked against the pack
/// the assessment was made with (with "did you mean" for a typo).
fn target(
    ctx: &Context,
    store: &Store,
    id: &AssessmentId,
    args: &EvidenceAddArgs,
) -> Result<Target> {
    if args.item.is_none() && args.equipment.is_none() {
        return Ok(Target::Assessment);
    }
    let t = ctx.t();
    let header = store.assessment(id)?;
    let pack = pinned_structure(store, &header)?;
    let post = store.post(&PostCode::parse(&header.post).map_err(invalid)?)?;
    if let Some(item) = &args.item {
        let applies = pack
            .item(item)
            .is_some_and(|i| pack.applicable_items(&post).any(|a| a.id == i.id));
        if !applies {
            let known = pack.applicable_items(&post).map(|i| i.id.as_str());
            let hint = suggest::hint(item, known, t.did_you_mean, t.items_lists_ids);
            return Err(invalid(fill(
                t.unknown_item,
                &[
                    ("item", &visible_line(item)),
                    ("pack", &pack.meta.id),
                    ("version", &pack.meta.version),
                    ("hint", &hint),
                ],
            )));
        }
        return Ok(Target::Item(item.clone()));
    }
    let kind = args.equipment.clone().unwrap_or_default();
    let catalogued = pack.catalogue.get(&kind).is_some();
    // Free-named equipment recorded in this audit is a target too.
    let recorded = store.equipment(id)?.iter().any(|r| r.type_id == kind);
    if !catalogued && !recorded {
        let known = pack.catalogue.types.iter().map(|k| k.id.as_str());
        let hint = suggest::hint(&kind, known, t.did_you_mean, t.types_lists_ids);
        return Err(invalid(fill(
            texts(ctx.lang).unknown_type,
            &[("type", &visible_line(&kind)), ("hint", &hint)],
        )));
    }
    Ok(Target::Equipment(kind))
}

fn add(ctx: &Context, args: &EvidenceAddArgs) -> Result<()> {
    let mut store = ctx.open_store()?;
    let id = ctx.resolve(&store, &args.id)?;
    let target = target(ctx, &store, &id, args)?;
    // Every file is read and checked before anything is stored, so one bad
    // file leaves the database as it was.
    let files = args
        .files
        .iter()
        .map(|path| read_file(path))
        .collect::<std::result::Result<Vec<_>, EvidenceFileError>>()?;
    let added = store.add_evidence(&id, &target, &files, args.caption.trim())?;
    let tx = texts(ctx.lang);
    let target_text = shown_target(ctx, &target);
    for (file, added) in files.iter().zip(&added) {
        let template = if added.new { tx.added } else { tx.already };
        ctx.say(
            template,
            &[
                ("file", &visible_line(&file.file_name)),
                ("target", &target_text),
                ("id", id.as_str()),
                ("evidence", &added.id),
            ],
        )?;
    }
    Ok(())
}

fn shown_target(ctx: &Context, target: &Target) -> String {
    match target.id() {
        Some(id) => visible_line(id).into_owned(),
        None => texts(ctx.lang).whole_assessment.to_string(),
    }
}

fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:.0} kB", (bytes as f64 / 1024.0).ceil())
    }
}

fn type_label(e: &Evidence) -> &str {
    match MediaType::from_mime(&e.media_type) {
        Some(m) => m.label(),
        None => &e.media_type,
    }
}

fn list(ctx: &Context, id: &str, json: bool) -> Result<()> {
    let store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    let files = store.evidence(&id)?;
    if json {
        return print_json(&crate::json::evidence::manifest(&files));
    }
    let tx = texts(ctx.lang);
    if files.is_empty() {
        return ctx.say(tx.list_empty, &[("id", id.as_str())]);
    }
    ctx.say(
        tx.list_title,
        &[("id", id.as_str()), ("n", &files.len().to_string())],
    )?;
    say!("{}", tx.columns.join(" | "))?;
    for e in &files {
        say!(
            "{} | {} | {} | {} | {} | {} | {} | {}",
            e.id,
            shown_target(ctx, &e.target),
            visible_line(&e.file_name),
            type_label(e),
            size(e.size),
            visible_line(&e.caption),
            e.photo.time.as_deref().unwrap_or("—"),
            e.photo.place().as_deref().unwrap_or("—"),
        )?;
        if let Some(r) = &e.removed {
            ctx.say(
                tx.removed_line,
                &[
                    ("at", &r.at),
                    ("by", &visible_line(&r.by)),
                    ("reason", &visible_line(&r.reason)),
                ],
            )?;
        }
    }
    Ok(())
}

/// The name a file is written under: its evidence id first (two files may
/// share a name), then its own name without any folder part or character a
/// file system refuses.
pub fn extract_name(e: &Evidence) -> String {
    let base: String = e
        .file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let base = base.trim_start_matches('.');
    if base.is_empty() {
        e.id.clone()
    } else {
        format!("{}-{base}", e.id)
    }
}

fn extract(ctx: &Context, id: &str, dir: &Path) -> Result<()> {
    let store = ctx.open_store()?;
    let id = ctx.resolve(&store, id)?;
    let tx = texts(ctx.lang);
    std::fs::create_dir_all(dir).map_err(|e| {
        invalid(fill(
            tx.no_folder,
            &[
                ("dir", &dir.display().to_string()),
                ("error", &e.to_string()),
            ],
        ))
    })?;
    let (mut written, mut same) = (0, 0);
    // Removed files are off the record: they are not written out.
    for e in store.evidence(&id)?.iter().filter(|e| !e.is_removed()) {
        let bytes = store.evidence_content(&e.sha256)?;
        if sha256_hex(&bytes) != e.sha256 {
            return Err(EvidenceFileError::HashMismatch {
                evidence: e.id.clone(),
                expected: e.sha256.clone(),
            }
            .into());
        }
        let path = dir.join(extract_name(e));
        if write_out(&path, &bytes, &e.id)? {
            written += 1;
        } else {
            same += 1;
        }
        // Read back: what is on disk is what was stored.
        let back = std::fs::read(&path).map_err(|source| EvidenceFileError::Unreadable {
            path: path.clone(),
            source,
        })?;
        if sha256_hex(&back) != e.sha256 {
            return Err(EvidenceFileError::HashMismatch {
                evidence: e.id.clone(),
                expected: e.sha256.clone(),
            }
            .into());
        }
    }
    ctx.say(
        tx.extracted,
        &[
            ("written", &written.to_string()),
            ("same", &same.to_string()),
            ("dir", &dir.display().to_string()),
        ],
    )
}
