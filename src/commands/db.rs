//! `frontera db check [--json]`: reads the whole database, which opening
//! does not do (it stays constant-time on a large file); `frontera db
//! encrypt|decrypt|rekey`: encryption at rest (see SECURITY.md).

use anyhow::Result;
use serde_json::json;

use super::{Context, invalid, passphrase, print_json};
use crate::cli::DbCommand;
use crate::domain::lang::Lang;
use crate::messages::{fill, pick, terms};
use crate::output::visible_line;
use crate::say;
use crate::store::StoreError;
use crate::store::cipher;
use crate::store::migrations::latest_version;

/// Found damage: a failure (exit 1), after the findings are printed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Damaged(pub String);

pub fn run(ctx: &Context, cmd: &DbCommand) -> Result<()> {
    let json = match cmd {
        DbCommand::Check { json } => json,
        DbCommand::Encrypt => return encrypt(ctx),
        DbCommand::Decrypt => return decrypt(ctx),
        DbCommand::Rekey => return rekey(ctx),
    };
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

/// Refuses before any question when this build cannot encrypt, or when the
/// file is not in the state the command starts from.
fn precondition(ctx: &Context, want_encrypted: bool) -> Result<()> {
    if !cipher::AVAILABLE {
        return Err(StoreError::NoEncryption.into());
    }
    if !ctx.db_path.exists() {
        return Err(StoreError::Missing {
            path: ctx.db_path.clone(),
        }
        .into());
    }
    if cipher::looks_encrypted(&ctx.db_path) != want_encrypted {
        let path = ctx.db_path.display();
        return Err(invalid(match (want_encrypted, ctx.lang) {
            (false, Lang::En) => format!(
                "{path} is already encrypted; `frontera db rekey` changes its passphrase. Nothing was changed"
            ),
            (false, Lang::Es) => format!(
                "{path} ya está cifrada; `frontera db rekey` cambia su frase de paso. No se modificó nada"
            ),
            (false, Lang::Pt) => format!(
                "{path} já está criptografado; `frontera db rekey` muda sua frase-senha. Nada foi alterado"
            ),
            (true, Lang::En) => format!("{path} is not encrypted; nothing was changed"),
            (true, Lang::Es) => format!("{path} no está cifrada; no se modificó nada"),
            (true, Lang::Pt) => format!("{path} não está criptografado; nada foi alterado"),
        }));
    }
    Ok(())
}

fn done(ctx: &Context, [en, es, pt]: [&str; 3]) -> Result<()> {
    let path = ctx.db_path.display().to_string();
    say!("{}", pick(ctx.lang, [en, es, pt]).replace("{path}", &path))?;
    Ok(())
}

fn encrypt(ctx: &Context) -> Result<()> {
    precondition(ctx, false)?;
    let new = passphrase::new_one(ctx.lang, passphrase::ENV)?;
    cipher::rewrite(&ctx.db_path, None, Some(&new))?;
    done(
        ctx,
        [
            "{path} is encrypted; keep the passphrase safe: without it nothing can be recovered",
            "{path} está cifrada; guarde bien la frase de paso: sin ella no se recupera nada",
            "{path} está criptografado; guarde bem a frase-senha: sem ela nada pode ser recuperado",
        ],
    )
}

fn decrypt(ctx: &Context) -> Result<()> {
    precondition(ctx, true)?;
    let current = passphrase::current(ctx.lang, &ctx.db_path)?;
    cipher::rewrite(&ctx.db_path, Some(&current), None)?;
    done(
        ctx,
        [
            "{path} is no longer encrypted",
            "{path} ya no está cifrada",
            "{path} não está mais criptografado",
        ],
    )
}

fn rekey(ctx: &Context) -> Result<()> {
    precondition(ctx, true)?;
    let current = passphrase::current(ctx.lang, &ctx.db_path)?;
    let new = passphrase::new_one(ctx.lang, passphrase::NEW_ENV)?;
    cipher::rewrite(&ctx.db_path, Some(&current), Some(&new))?;
    done(
        ctx,
        [
            "{path} has its new passphrase",
            "{path} tiene su nueva frase de paso",
            "{path} tem sua nova frase-senha",
        ],
    )
}
