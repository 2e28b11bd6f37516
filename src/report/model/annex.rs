//! The methodology annex: the maturity scale, the scoring rules with the
//! actual weights of `scoring.toml`, the equipment index formula, the sources
//! cited by the items and the signature block.

use std::collections::BTreeSet;

use super::assessment::Ctx;
use super::{Align, Block, Cell, Column, Row, Table, TextStyle, Tone};
use crate::report::strings::percent;

fn paragraph(text: &str) -> Block {
    Block::Paragraph {
        text: text.to_string(),
        style: TextStyle::Body,
    }
}

fn heading(text: &str) -> Block {
    Block::Heading {
        level: 2,
        text: text.to_string(),
    }
}

fn scale(ctx: &Ctx<'_>) -> Table {
    let s = ctx.s;
    let rows = ctx
        .bundle
        .pack
        .scoring
        .levels
        .iter()
        .enumerate()
        .map(|(n, label)| {
            let level = n as u8;
            Row::new(vec![
                Cell::toned(level.to_string(), Tone::Level(level)),
                Cell::bold(label.name.get(ctx.lang).clone()),
                Cell::text(label.meaning.get(ctx.lang).clone()),
            ])
        })
        .collect();
    Table {
        columns: vec![
            Column::new(s.level, 0.7, Align::Center),
            Column::new("", 1.8, Align::Left),
            Column::new("", 6.5, Align::Left),
        ],
        rows,
    }
}

fn parameters(ctx: &Ctx<'_>) -> Table {
    let s = ctx.s;
    let lang = ctx.lang;
    let p = &ctx.bundle.pack.scoring;
    let w = &p.equipment_weights;
    let values = [
        percent(lang, p.provisional_below),
        lang.number(p.pillar4_equipment_share, 2),
        lang.number(p.idle_below, 2),
        if ctx.target == p.target_level {
            p.target_level.to_string()
        } else {
            format!("{} ({}: {})", p.target_level, s.target, ctx.target)
        },
        lang.number(p.uncatalogued_criticality, 2),
        lang.number(w.coverage, 2),
        lang.number(w.availability, 2),
        lang.number(w.use_, 2),
        lang.number(w.readiness, 2),
        lang.number(w.maintenance, 2),
    ];
    Table {
        columns: vec![
            Column::new(s.parameter, 5.0, Align::Left),
            Column::new(s.value, 1.5, Align::Right),
        ],
        rows: s
            .parameters
            .iter()
            .zip(values)
            .map(|(name, value)| Row::new(vec![Cell::text(*name), Cell::text(value)]))
            .collect(),
    }
}

pub fn annex(ctx: &Ctx<'_>) -> Vec<Block> {
    let s = ctx.s;
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: s.annex.into(),
        },
        heading(s.maturity_scale),
        Block::Table(scale(ctx)),
        heading(s.scoring_rules),
    ];
    blocks.extend(s.rules.iter().map(|r| paragraph(&format!("• {r}"))));
    blocks.push(paragraph(&format!("• {}", s.level_rule)));
    let params = &ctx.bundle.pack.scoring;
    if let Some(limit) = params.serious_deficiency_at_or_below {
        let rule =
            crate::messages::fill(s.serious_deficiency_rule, &[("limit", &limit.to_string())]);
        blocks.push(paragraph(&format!("• {rule}")));
    }
    let weights: Vec<String> = params
        .pillar_weights
        .iter()
        .enumerate()
        .map(|(i, w)| format!("{} {}", i + 1, ctx.lang.number(*w, 2)))
        .collect();
    let rule = crate::messages::fill(s.pillar_weights_rule, &[("weights", &weights.join(", "))]);
    blocks.push(paragraph(&format!("• {rule}")));
    if params.equipment_in_completeness {
        blocks.push(paragraph(&format!("• {}", s.equipment_completeness_rule)));
    }
    blocks.push(Block::Table(parameters(ctx)));
    blocks.push(heading(s.equipment_formula));
    blocks.extend(s.formula.iter().map(|r| paragraph(&format!("• {r}"))));
    blocks.push(heading(s.plan_rules));
    blocks.push(paragraph(s.plan_rules_intro));
    blocks.extend(
        crate::messages::plan::priority_rules(ctx.lang)
            .iter()
            .map(|r| paragraph(&format!("• {r}"))),
    );
    let sources: BTreeSet<&str> = ctx
        .bundle
        .applicable_items()
        .flat_map(|i| i.sources.iter().map(String::as_str))
        .collect();
    if !sources.is_empty() {
        blocks.push(heading(s.sources));
        blocks.push(Block::Paragraph {
            text: s.sources_intro.into(),
            style: TextStyle::Note,
        });
        blocks.extend(sources.iter().map(|src| paragraph(&format!("• {src}"))));
    }
    blocks.push(heading(s.signatures));
    blocks.push(Block::Signatures {
        roles: s.signature_roles.iter().map(|r| r.to_string()).collect(),
        fields: s.signature_fields.iter().map(|f| f.to_string()).collect(),
    });
    blocks
}
