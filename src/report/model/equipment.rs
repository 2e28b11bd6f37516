//! The equipment audit chapter: counts, indices and flags by control line, and
//! the utilisation index of each line.

use super::assessment::Ctx;
use super::{Align, Block, Cell, Chart, Column, Row, Series, SeriesStyle, Table, TextStyle, Tone};
use crate::domain::scoring::TypeScore;
use crate::report::strings::score;

/// Criticality-weighted mean of the type indices, as the EUI is over all types.
pub fn line_index(types: &[&TypeScore]) -> Option<f64> {
    let (sum, total) = types
        .iter()
        .filter_map(|t| t.index.map(|i| (i * t.criticality, t.criticality)))
        .fold((0.0, 0.0), |(s, w), (v, c)| (s + v, w + c));
    (total > 0.0).then(|| sum / total)
}

fn count(value: Option<u32>) -> String {
    value.map_or("—".into(), |v| v.to_string())
}

/// The type's name in the catalogue, or the auditor's name for equipment the
/// catalogue lacks.
fn type_name(ctx: &Ctx<'_>, t: &TypeScore) -> String {
    match ctx.bundle.pack.catalogue.get(&t.type_id) {
        Some(kind) => kind.name.get(ctx.lang).clone(),
        None => t
            .type_id
            .strip_prefix(crate::domain::assessment::EquipmentRecord::UNCATALOGUED_PREFIX)
            .unwrap_or(&t.type_id)
            .to_string(),
    }
}

fn type_row(ctx: &Ctx<'_>, t: &TypeScore) -> Row {
    let lang = ctx.lang;
    let name = type_name(ctx, t);
    let c = &t.counts;
    let flags: Vec<&str> = t.flags.iter().map(|f| ctx.s.flag(*f)).collect();
    let index_tone = match t.index {
        Some(i) if i < 0.5 => Tone::Bad,
        _ => Tone::Plain,
    };
    Row::new(vec![
        Cell::text(name),
        Cell::text(count(c.required)),
        Cell::text(count(c.present)),
        Cell::text(count(c.functional)),
        Cell::text(count(c.in_use)),
        Cell::text(format!("{} / {}", count(c.trained), count(c.needed))),
        Cell::text(count(c.maintained)),
        Cell::toned(score(lang, t.index), index_tone),
        Cell::toned(
            flags.join(", "),
            if flags.is_empty() {
                Tone::Plain
            } else {
                Tone::Bad
            },
        ),
    ])
}

/// The five indices of each type and its index, by control line.
fn indices_table(ctx: &Ctx<'_>, groups: &[(String, Vec<&TypeScore>)]) -> Table {
    let s = ctx.s;
    let lang = ctx.lang;
    let mut rows = Vec::new();
    for (name, members) in groups {
        rows.push(Row::group(name.clone()));
        for t in members {
            let mut cells = vec![Cell::text(type_name(ctx, t))];
            cells.extend(
                [
                    t.coverage,
                    t.availability,
                    t.use_,
                    t.readiness,
                    t.maintenance,
                    t.index,
                ]
                .iter()
                .map(|v| Cell::text(score(lang, *v))),
            );
            rows.push(Row::new(cells));
        }
    }
    let mut columns = vec![Column::new(s.equipment_type, 3.0, Align::Left)];
    columns.extend(
        s.index_names
            .iter()
            .map(|n| Column::new(*n, 1.0, Align::Right)),
    );
    columns.push(Column::new(s.index, 0.9, Align::Right));
    Table { columns, rows }
}

/// (line name, its types) in catalogue order, uncatalogued equipment last.
fn by_line<'a>(ctx: &'a Ctx<'a>) -> Vec<(String, Vec<&'a TypeScore>)> {
    let catalogue = &ctx.bundle.pack.catalogue;
    let types = &ctx.score.equipment.types;
    let mut groups: Vec<(String, Vec<&TypeScore>)> = catalogue
        .lines
        .iter()
        .map(|line| {
            let members = catalogue
                .types
                .iter()
                .filter(|k| k.line == line.id)
                .filter_map(|k| types.iter().find(|t| t.type_id == k.id))
                .collect();
            (line.name.get(ctx.lang).clone(), members)
        })
        .collect();
    let others: Vec<&TypeScore> = types
        .iter()
        .filter(|t| catalogue.get(&t.type_id).is_none())
        .collect();
    groups.push((ctx.s.not_in_catalogue.to_string(), others));
    groups.retain(|(_, members)| !members.is_empty());
    groups
}

/// The auditors' notes on each type, where they wrote one.
fn notes_table(ctx: &Ctx<'_>) -> Option<Table> {
    let w = ctx.w;
    let rows: Vec<Row> = ctx
        .bundle
        .equipment
        .iter()
        .filter(|r| !r.note.trim().is_empty())
        .map(|r| {
            let name = ctx.bundle.pack.catalogue.get(&r.type_id).map_or_else(
                || r.uncatalogued_name().unwrap_or(&r.type_id).to_string(),
                |k| k.name.get(ctx.lang).clone(),
            );
            let mut note = r.note.trim().to_string();
            if let Some(lang) = r.note_lang
                && lang != ctx.lang
            {
                note.push_str(&format!(
                    " ({})",
                    crate::messages::fill(w.written_in, &[("lang", w.language_name(lang))])
                ));
            }
            Row::new(vec![Cell::text(name), Cell::text(note)])
        })
        .collect();
    (!rows.is_empty()).then(|| Table {
        columns: vec![
            Column::new(ctx.s.equipment_type, 3.0, Align::Left),
            Column::new(ctx.s.notes, 6.0, Align::Left),
        ],
        rows,
    })
}

/// The index and how many types carry each flag (all five).
fn headline(ctx: &Ctx<'_>) -> Block {
    let s = ctx.s;
    let eq = &ctx.score.equipment;
    let total = eq.types.len();
    let mut pairs = vec![(s.eui.to_string(), score(ctx.lang, eq.eui))];
    if let Some(before) = ctx.previous.as_ref().and_then(|(_, sc)| sc.equipment.eui) {
        pairs.push((ctx.w.eui_before.into(), score(ctx.lang, Some(before))));
    }
    for flag in crate::domain::scoring::Flag::ALL {
        pairs.push((
            super::summary::capitalise(s.flag(flag)),
            format!("{} / {} {}", eq.count_flag(flag), total, s.types_flagged),
        ));
    }
    Block::KeyValues(pairs)
}

pub fn equipment_audit(ctx: &Ctx<'_>) -> Vec<Block> {
    let s = ctx.s;
    let lang = ctx.lang;
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: s.equipment_audit.into(),
        },
        Block::Paragraph {
            text: s.equipment_intro.into(),
            style: TextStyle::Note,
        },
    ];
    let groups = by_line(ctx);
    if groups.is_empty() {
        blocks.push(Block::Paragraph {
            text: s.no_equipment.into(),
            style: TextStyle::Body,
        });
        return blocks;
    }
    // The chart opens the chapter: the picture before the detail.
    let values: Vec<Option<f64>> = groups.iter().map(|(_, m)| line_index(m)).collect();
    blocks.push(Block::Chart(Chart::Bars {
        title: s.line_chart_title.into(),
        categories: groups.iter().map(|(name, _)| name.clone()).collect(),
        max: 1.0,
        ticks: super::ticks(lang, 1.0, 0.25, 2),
        series: vec![Series {
            name: s.this_assessment.into(),
            style: SeriesStyle::Current,
            labels: values.iter().map(|v| score(lang, *v)).collect(),
            values,
        }],
    }));
    blocks.push(headline(ctx));
    let mut rows = Vec::new();
    for (name, members) in &groups {
        rows.push(Row::group(format!(
            "{name} — {} {}",
            s.index,
            score(lang, line_index(members))
        )));
        rows.extend(members.iter().map(|t| type_row(ctx, t)));
    }
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new(s.equipment_type, 2.8, Align::Left).one_line(),
            Column::new(s.required, 0.75, Align::Right).one_line(),
            Column::new(s.present, 0.75, Align::Right).one_line(),
            Column::new(s.functional, 0.75, Align::Right).one_line(),
            Column::new(s.in_use, 0.8, Align::Right).one_line(),
            Column::new(s.trained_needed, 1.3, Align::Center).one_line(),
            Column::new(s.maintained, 0.95, Align::Right).one_line(),
            Column::new(s.index, 0.8, Align::Right).one_line(),
            Column::new(s.flag_column, 2.0, Align::Left).one_line(),
        ],
        rows,
    }));
    if let Some(table) = notes_table(ctx) {
        blocks.push(Block::Heading {
            level: 2,
            text: ctx.w.auditor_notes.into(),
        });
        blocks.push(Block::Table(table));
    }
    if ctx.detail == super::assessment::Detail::Full {
        blocks.push(Block::Heading {
            level: 2,
            text: s.indices_title.into(),
        });
        blocks.push(Block::Table(indices_table(ctx, &groups)));
    }
    blocks
}
