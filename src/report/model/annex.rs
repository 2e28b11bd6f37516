//! The methodology annex: the maturity scale, the scoring rules with the
//! actual weights of `scoring.toml`, the equipment index formula, the sources
//! cited by the items and the signature block.

use std::collections::BTreeMap;

use super::assessment::{Ctx, Detail};
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
    blocks.extend(sources(ctx));
    blocks.extend(item_index(ctx));
    blocks.push(heading(ctx.w.content_pack_heading));
    let h = &ctx.bundle.header;
    blocks.push(Block::KeyValues(vec![
        (
            s.content_pack.into(),
            format!("{} {}", h.pack_id, h.pack_version),
        ),
        ("SHA-256".into(), h.pack_hash.clone()),
        (s.assessment_id.into(), h.id.to_string()),
    ]));
    blocks.push(heading(s.signatures));
    blocks.push(Block::Signatures {
        roles: s.signature_roles.iter().map(|r| r.to_string()).collect(),
        fields: s.signature_fields.iter().map(|f| f.to_string()).collect(),
    });
    blocks
}

/// The marker of a reference the content's authors could not confirm.
const UNCONFIRMED: &str = "(?)";

/// A source's form for spotting duplicates: letters and digits only, in
/// lower case, so "Handbook §12" and "Handbook, §12." are one source.
fn source_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || *c == '§')
        .flat_map(char::to_lowercase)
        .collect()
}

/// A source as (the document, the part cited): "Regulation X, Art. 8" is
/// (Regulation X, Art. 8), so the parts of one document share one entry.
fn split_source(text: &str) -> (&str, Option<&str>) {
    const PARTS: [&str; 9] = [
        " — ",
        ", Art",
        ", Guideline",
        ", Principle",
        ", §",
        " §",
        ", Chapter",
        ", para",
        ", Annex",
    ];
    let cut = PARTS
        .iter()
        .filter_map(|p| text.find(p).map(|i| (i, p.len())))
        .min_by_key(|(i, _)| *i);
    match cut {
        Some((i, _)) if i > 0 => {
            // The part keeps its own word ("Art. 8", "Guideline 2").
            let part = text[i..].trim_start_matches([',', ' ', '—']).trim();
            (text[..i].trim(), (!part.is_empty()).then_some(part))
        }
        _ => (text, None),
    }
}

/// Adds one cited part of a source to those already listed, once: a part
/// that an already listed one begins with ("Art. 8" after "Art. 8 — border
/// agency cooperation") adds nothing, and a longer one replaces it.
fn add_part(parts: &mut Vec<String>, piece: &str) {
    let words = part_words(piece);
    if words.is_empty() || parts.iter().any(|p| begins_with(&part_words(p), &words)) {
        return;
    }
    match parts
        .iter()
        .position(|p| begins_with(&words, &part_words(p)))
    {
        Some(n) => parts[n] = piece.to_string(),
        None => parts.push(piece.to_string()),
    }
}

/// A part's words in lower case, punctuation dropped: "Art. 8 —" is
/// ["art", "8"], so "Art. 8" begins "Art. 8 — cooperation" but not "Art. 80".
fn part_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '§'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn begins_with(words: &[String], start: &[String]) -> bool {
    words.len() >= start.len() && words[..start.len()] == *start
}

/// The sources cited by the items asked, merged where they differ only by
/// punctuation, numbered; those marked unconfirmed in a section of their own
/// (never printed with "(?)").
fn sources(ctx: &Ctx<'_>) -> Vec<Block> {
    let w = ctx.w;
    let mut confirmed: BTreeMap<String, String> = BTreeMap::new();
    let mut unconfirmed: BTreeMap<String, String> = BTreeMap::new();
    // Sources that name parts of one text ("Decision 502 — CEBAF", "Decision
    // 502 — board") become one entry listing the parts.
    let mut parts: BTreeMap<String, (String, Vec<String>, bool)> = BTreeMap::new();
    // The default report cites what its findings rest on; the full one, every
    // item's sources.
    let cited = ctx.bundle.applicable_items().filter(|i| {
        ctx.detail == super::assessment::Detail::Full
            || matches!(ctx.bundle.response(&i.id), crate::domain::assessment::Response::Level(l) if l < ctx.target_of(i.pillar))
    });
    for source in cited.flat_map(|i| i.sources.iter()) {
        let (text, sure) = match source.trim().strip_suffix(UNCONFIRMED) {
            Some(text) => (text.trim().trim_end_matches(',').trim(), false),
            None => (source.trim(), true),
        };
        let (base, part) = split_source(text);
        let entry = parts
            .entry(format!("{}{}", source_key(base), u8::from(sure)))
            .or_insert_with(|| (base.to_string(), Vec::new(), sure));
        for piece in part.into_iter().flat_map(|p| p.split(';')) {
            add_part(&mut entry.1, piece.trim());
        }
    }
    for (base, details, sure) in parts.into_values() {
        let text = if details.is_empty() {
            base.clone()
        } else {
            format!("{base} — {}", details.join("; "))
        };
        let map = if sure {
            &mut confirmed
        } else {
            &mut unconfirmed
        };
        map.entry(source_key(&text)).or_insert(text);
    }
    // A source confirmed elsewhere is confirmed.
    unconfirmed.retain(|key, _| !confirmed.contains_key(key));
    let mut blocks = Vec::new();
    let numbered = |map: &BTreeMap<String, String>| {
        let mut list: Vec<String> = map.values().cloned().collect();
        list.sort_by_key(|t| t.to_lowercase());
        Block::List {
            items: list,
            numbered: true,
            columns: 2,
        }
    };
    if !confirmed.is_empty() {
        blocks.push(heading(ctx.s.sources));
        blocks.push(Block::Paragraph {
            text: ctx.s.sources_intro.into(),
            style: TextStyle::Note,
        });
        blocks.push(numbered(&confirmed));
    }
    if !unconfirmed.is_empty() {
        blocks.push(heading(w.sources_to_confirm));
        blocks.push(Block::Paragraph {
            text: w.sources_to_confirm_intro.into(),
            style: TextStyle::Note,
        });
        blocks.push(numbered(&unconfirmed));
    }
    blocks
}

/// The items' identifiers, for whoever works with the data (exports, the
/// command line): the body of the report does not print them. The default
/// report lists them in two columns (they name their pillar and section);
/// the full one pairs each with its question.
fn item_index(ctx: &Ctx<'_>) -> Vec<Block> {
    let items: Vec<_> = ctx.bundle.applicable_items().collect();
    if items.is_empty() {
        return Vec::new();
    }
    let index = match ctx.detail {
        Detail::Summary => Block::List {
            items: items.iter().map(|i| i.id.clone()).collect(),
            numbered: false,
            columns: 2,
        },
        Detail::Full => Block::Table(Table {
            columns: vec![
                Column::new(ctx.w.identifier, 3.4, Align::Left).one_line(),
                Column::new(ctx.s.item, 6.0, Align::Left).one_line(),
            ],
            rows: items
                .iter()
                .map(|i| {
                    Row::new(vec![
                        Cell::text(i.id.clone()),
                        Cell::text(i.text.get(ctx.lang).question.clone()),
                    ])
                })
                .collect(),
        }),
    };
    vec![heading(ctx.w.item_index), index]
}
