//! `frontera content check [DIR] [--json]`: validate a pack and show its coverage.

use std::collections::BTreeMap;

use anyhow::Result;
use serde_json::json;

use super::{Context, InvalidInput, invalid, print_json};
use crate::cli::ContentCommand;
use crate::content::{LoadReport, PackSource, load};
use crate::domain::pack::{Cooperation, IbmField, Pack};

pub fn run(ctx: &Context, cmd: &ContentCommand) -> Result<()> {
    let ContentCommand::Check { dir, json } = cmd;
    let dir = dir.as_ref().or(ctx.content_dir.as_ref());
    let source = match dir {
        Some(dir) => PackSource::from_dir(dir).map_err(|e| invalid(e.to_string()))?,
        None => PackSource::embedded(),
    };
    let report = load(&source);
    if json.json {
        print_json(&report_json(&report))?;
    } else {
        print_text(&source, &report);
    }
    let errors = report.errors().count();
    if errors > 0 {
        return Err(InvalidInput(format!("{} has {errors} error(s)", source.origin)).into());
    }
    Ok(())
}

/// Items per cooperation level × IBM field.
fn grid(pack: &Pack) -> BTreeMap<(Cooperation, IbmField), usize> {
    let mut cells = BTreeMap::new();
    for c in Cooperation::ALL {
        for f in IbmField::ALL {
            cells.insert((c, f), 0);
        }
    }
    for item in pack.items() {
        *cells.entry((item.cooperation, item.field)).or_default() += 1;
    }
    cells
}

fn report_json(report: &LoadReport) -> serde_json::Value {
    let pack = report.pack.as_ref();
    let pillars: Vec<_> = pack.map_or(vec![], |p| {
        p.pillars.iter().map(|x| json!({ "pillar": x.number, "items": x.items.len(), "sections": x.sections.len() })).collect()
    });
    let coverage = pack.map(|p| {
        let cells = grid(p);
        let by_cooperation: BTreeMap<_, _> = Cooperation::ALL
            .iter()
            .map(|c| (c.code(), p.items().filter(|i| i.cooperation == *c).count()))
            .collect();
        let by_field: BTreeMap<_, _> =
            IbmField::ALL.iter().map(|f| (f.code(), p.items().filter(|i| i.field == *f).count())).collect();
        json!({
            "by_cooperation": by_cooperation,
            "by_field": by_field,
            "grid": cells.iter().map(|((c, f), n)| json!({ "cooperation": c.code(), "field": f.code(), "items": n })).collect::<Vec<_>>(),
            "empty_cells": cells.iter().filter(|(_, n)| **n == 0).count(),
        })
    });
    json!({
        "ok": report.errors().next().is_none(),
        "version": report.version,
        "hash": report.hash,
        "pillars": pillars,
        "items": pack.map_or(0, |p| p.items().count()),
        "critical_items": pack.map_or(0, |p| p.items().filter(|i| i.critical).count()),
        "procedures": pack.map_or(0, |p| p.procedures.len()),
        "equipment_types": pack.map_or(0, |p| p.catalogue.types.len()),
        "missing_translations": report.missing_translations,
        "coverage": coverage,
        "errors": report.errors().map(ToString::to_string).collect::<Vec<_>>(),
        "warnings": report.warnings().map(ToString::to_string).collect::<Vec<_>>(),
    })
}

fn print_text(source: &PackSource, report: &LoadReport) {
    for d in report.errors() {
        eprintln!("{d}");
    }
    for d in report.warnings() {
        eprintln!("warning: {d}");
    }
    let Some(pack) = &report.pack else {
        return;
    };
    println!(
        "{} {} — {} ({})",
        pack.meta.id, pack.meta.version, pack.meta.title.en, source.origin
    );
    println!("hash {}", pack.meta.hash);
    for p in &pack.pillars {
        println!(
            "  pillar {}: {} items in {} sections",
            p.number,
            p.items.len(),
            p.sections.len()
        );
    }
    println!(
        "  {} procedures, {} equipment types",
        pack.procedures.len(),
        pack.catalogue.types.len()
    );
    println!("  missing translations: {}", report.missing_translations);
    println!("  coverage (items per cooperation level × IBM field):");
    print!("  {:<15}", "");
    for f in IbmField::ALL {
        print!("{:>16}", f.code());
    }
    println!();
    let cells = grid(pack);
    for c in Cooperation::ALL {
        print!("  {:<15}", c.code());
        for f in IbmField::ALL {
            print!("{:>16}", cells[&(c, f)]);
        }
        println!();
    }
    println!("ok");
}
