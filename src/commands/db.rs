//! `frontera db check [--json]`: reads the whole database, which opening
//! does not do (it stays constant-time on a large file).

use anyhow::Result;
use serde_json::json;

use super::{Context, print_json};
use crate::cli::DbCommand;
use crate::messages::{fill, terms};
use crate::output::visible_line;
use crate::say;
use crate::store::migrations::latest_version;

/// Found damage: a failure (exit 1), after the findings are printed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Damaged(pub String);

pub fn run(ctx: &Context, cmd: &DbCommand) -> Result<()> {
    let DbCommand::Check { json } = cmd;
    let store = ctx.open_store()?;
    let report = store.deep_check()?;
    let path = ctx.db_path.display().to_string();
    let t = ctx.t();
    let problems: Vec<String> = report
        .count_problems
        .iter()
        .map(|(id, type_id, problems)| {
            let list: Vec<String> = problems
                .iter()
                .map(|p| {
                    let [(a, x), (b, y)] = p.counts();
                    format!(
                        "{} {x} > {} {y}",
                        terms::count_field(ctx.lang, a),
                        terms::count_field(ctx.lang, b)
                    )
                })
                .collect();
            format!("{id} {}: {}", visible_line(type_id), list.join(", "))
        })
        .collect();
    if json.json {
        print_json(&json!({
            "database": path,
            "ok": report.is_sound(),
            "schema": latest_version(),
            "pages": report.pages.as_ref().err(),
            "broken_references": report.broken_references,
            "bad_values": report.bad_values,
            "count_problems": problems,
        }))?;
    } else if report.is_sound() {
        ctx.say(
            t.db_ok,
            &[("path", &path), ("version", &latest_version().to_string())],
        )?;
    }
    let mut findings: Vec<String> = Vec::new();
    if let Err(detail) = &report.pages {
        findings.push(detail.clone());
    }
    findings.extend(report.broken_references.iter().cloned());
    findings.extend(
        report
            .bad_values
            .iter()
            .map(|v| visible_line(v).into_owned()),
    );
    if !json.json && !problems.is_empty() {
        say!(
            "{}",
            fill(t.db_bad_rows, &[("n", &problems.len().to_string())])
        )?;
        for line in &problems {
            say!("  {line}")?;
        }
    }
    if findings.is_empty() {
        return Ok(());
    }
    Err(Damaged(fill(
        t.db_damaged,
        &[("path", &path), ("detail", &findings.join("; "))],
    ))
    .into())
}
