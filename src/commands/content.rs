//! `frontera content check [DIR] [--json]`: validate a pack and show its coverage.

use std::collections::BTreeMap;

use std::io::Write as _;

use anyhow::Result;
use serde_json::json;

use super::{Context, InvalidInput, invalid, print_json};
use crate::cli::ContentCommand;
use crate::content::{LoadReport, PackSource, load};
use crate::domain::pack::{Cooperation, IbmField, Item, Pack, Scope};
use crate::messages::fill;
use crate::output::visible_line;
use crate::say;

pub fn run(ctx: &Context, cmd: &ContentCommand) -> Result<()> {
    let (dir, json) = match cmd {
        ContentCommand::Check { dir, json } => (dir, json),
        ContentCommand::ExportXlsform(args) => return super::xlsform::run(ctx, args),
    };
    let dir = dir.as_ref().or(ctx.content_dir.as_ref());
    let source = match dir {
        Some(dir) => PackSource::from_dir(dir)
            .map_err(|e| invalid(crate::messages::errors::source(&e, ctx.lang)))?,
        None => PackSource::embedded(),
    };
    let report = load(&source);
    if json.json {
        print_json(&report_json(&report))?;
    } else {
        print_text(ctx, &source, &report)?;
    }
    let errors = report.errors().count();
    if errors > 0 {
        return Err(InvalidInput(fill(
            ctx.t().content_errors,
            &[("origin", &source.origin), ("n", &errors.to_string())],
        ))
        .into());
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

/// Counts of the v2 item keys over some items: scope, core subset, depth.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Profile {
    items: usize,
    post: usize,
    national: usize,
    core: usize,
    shared_control_only: usize,
    critical_not_core: usize,
}

impl Profile {
    fn of<'a>(items: impl IntoIterator<Item = &'a Item>) -> Self {
        let mut p = Profile::default();
        for item in items {
            p.items += 1;
            match item.scope {
                Scope::Post => p.post += 1,
                Scope::National => p.national += 1,
            }
            p.core += usize::from(item.core);
            p.shared_control_only += usize::from(item.applicability.shared_control_only);
            p.critical_not_core += usize::from(item.critical && !item.core);
        }
        p
    }

    /// The keys shared by the whole pack and each pillar in `--json`.
    fn json(self) -> serde_json::Value {
        json!({
            "scope": { "post": self.post, "national": self.national },
            "core": self.core,
            // Items asked at each assessment depth: "core" asks the core subset only.
            "depth": { "core": self.core, "full": self.items },
            "shared_control_only": self.shared_control_only,
            "critical_not_core": self.critical_not_core,
        })
    }
}

/// `extra`'s keys added to the object `base`.
fn merged(mut base: serde_json::Value, extra: serde_json::Value) -> serde_json::Value {
    if let (Some(base), serde_json::Value::Object(extra)) = (base.as_object_mut(), extra) {
        base.extend(extra);
    }
    base
}

fn report_json(report: &LoadReport) -> serde_json::Value {
    let pack = report.pack.as_ref();
    let pillars: Vec<_> = pack.map_or(vec![], |p| {
        p.pillars
            .iter()
            .map(|x| {
                let counts = json!({ "pillar": x.number, "items": x.items.len(), "sections": x.sections.len() });
                merged(counts, Profile::of(&x.items).json())
            })
            .collect()
    });
    let profile = pack.map_or_else(Profile::default, |p| Profile::of(p.items()));
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
    let summary = json!({
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
    });
    merged(summary, profile.json())
}

fn print_text(ctx: &Context, source: &PackSource, report: &LoadReport) -> Result<()> {
    let t = ctx.t();
    // Findings go to standard error, which nobody can make fail usefully.
    let mut err = std::io::stderr();
    for d in report.errors() {
        let _ = writeln!(err, "{}", visible_line(&d.to_string()));
    }
    for d in report.warnings() {
        let _ = writeln!(err, "{}: {}", t.warning, visible_line(&d.to_string()));
    }
    let Some(pack) = &report.pack else {
        return Ok(());
    };
    say!(
        "{} {} — {} ({})",
        pack.meta.id,
        pack.meta.version,
        visible_line(pack.meta.title.get(ctx.lang)),
        source.origin
    )?;
    say!("hash {}", pack.meta.hash)?;
    let n = |v: usize| v.to_string();
    for p in &pack.pillars {
        let counts = Profile::of(&p.items);
        let line = fill(
            t.content_items,
            &[
                ("pillar", &p.number.to_string()),
                ("items", &n(p.items.len())),
                ("sections", &n(p.sections.len())),
                ("core", &n(counts.core)),
                ("national", &n(counts.national)),
                ("shared", &n(counts.shared_control_only)),
            ],
        );
        say!("  {line}")?;
    }
    let all = Profile::of(pack.items());
    let scope = fill(
        t.content_scope,
        &[
            ("post", &n(all.post)),
            ("national", &n(all.national)),
            ("core", &n(all.core)),
            ("items", &n(all.items)),
        ],
    );
    say!("  {scope}")?;
    let shared = fill(
        t.content_shared,
        &[
            ("shared", &n(all.shared_control_only)),
            ("critical", &n(all.critical_not_core)),
        ],
    );
    say!("  {shared}")?;
    let counts = fill(
        t.content_counts,
        &[
            ("procedures", &n(pack.procedures.len())),
            ("types", &n(pack.catalogue.types.len())),
        ],
    );
    say!("  {counts}")?;
    say!(
        "  {}",
        fill(t.content_missing, &[("n", &n(report.missing_translations))])
    )?;
    say!("  {}", t.content_coverage)?;
    let head: String = IbmField::ALL
        .iter()
        .map(|f| format!("{:>16}", f.code()))
        .collect();
    say!("  {:<15}{head}", "")?;
    let cells = grid(pack);
    for c in Cooperation::ALL {
        let row: String = IbmField::ALL
            .iter()
            .map(|f| format!("{:>16}", cells[&(c, *f)]))
            .collect();
        say!("  {:<15}{row}", c.code())?;
    }
    say!("ok")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures;
    use crate::domain::post::PostKind;

    #[test]
    fn the_profile_counts_scope_core_depth_and_shared_control() {
        let mut national = fixtures::item("a", 1, 2, true, &PostKind::ALL, false);
        national.scope = Scope::National;
        national.core = true;
        let critical = fixtures::item("b", 1, 2, true, &PostKind::ALL, false);
        let mut shared = fixtures::item("c", 2, 1, false, &PostKind::ALL, false);
        shared.applicability.shared_control_only = true;
        shared.core = true;
        let items = [national, critical, shared];
        let p = Profile::of(&items);
        assert_eq!(
            p,
            Profile {
                items: 3,
                post: 2,
                national: 1,
                core: 2,
                shared_control_only: 1,
                critical_not_core: 1,
            }
        );
        let j = p.json();
        assert_eq!(j["scope"]["post"], 2);
        assert_eq!(j["scope"]["national"], 1);
        assert_eq!(j["core"], 2);
        assert_eq!(j["depth"]["core"], 2);
        assert_eq!(j["depth"]["full"], 3);
        assert_eq!(j["shared_control_only"], 1);
        assert_eq!(j["critical_not_core"], 1);
    }

    #[test]
    fn the_json_report_has_the_counts_overall_and_per_pillar() {
        let mut a = fixtures::item("p1.a", 1, 2, true, &PostKind::ALL, false);
        a.core = true;
        a.scope = Scope::National;
        let b = fixtures::item("p1.b", 1, 2, false, &PostKind::ALL, false);
        let mut c = fixtures::item("p4.c", 4, 2, true, &PostKind::ALL, false);
        c.applicability.shared_control_only = true;
        let pack = fixtures::pack(vec![a, b, c], vec![]);
        let report = LoadReport {
            pack: Some(pack),
            version: Some("2.0.0".into()),
            hash: "0".repeat(64),
            diagnostics: vec![],
            missing_translations: 0,
        };
        let j = report_json(&report);
        assert_eq!(j["items"], 3);
        assert_eq!(j["scope"], json!({ "post": 2, "national": 1 }));
        assert_eq!(j["core"], 1);
        assert_eq!(j["depth"], json!({ "core": 1, "full": 3 }));
        assert_eq!(j["shared_control_only"], 1);
        assert_eq!(j["critical_not_core"], 1);
        let pillars = j["pillars"].as_array().unwrap();
        assert_eq!(pillars.len(), 4);
        assert_eq!(pillars[0]["depth"], json!({ "core": 1, "full": 2 }));
        assert_eq!(pillars[0]["scope"], json!({ "post": 1, "national": 1 }));
        assert_eq!(pillars[1]["depth"], json!({ "core": 0, "full": 0 }));
        assert_eq!(pillars[3]["shared_control_only"], 1);
        assert_eq!(pillars[3]["critical_not_core"], 1);
    }
}
