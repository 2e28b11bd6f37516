//! The evidence annex: one line per file kept with the assessment (caption,
//! what it supports, short hash, EXIF time and place). Files taken off the
//! record are counted, not listed: the change log holds their story.

use super::assessment::Ctx;
use super::{Align, Block, Cell, Column, Row, Table, TextStyle};
use crate::domain::evidence::{Evidence, Target};
use crate::report::strings::EvidenceWords;

fn supports(ctx: &Ctx<'_>, w: &EvidenceWords, target: &Target) -> String {
    match target {
        Target::Assessment => w.whole_assessment.to_string(),
        Target::Item(id) => id.clone(),
        Target::Equipment(id) => ctx
            .bundle
            .pack
            .catalogue
            .get(id)
            .map_or_else(|| id.clone(), |k| k.name.get(ctx.lang).clone()),
    }
}

pub fn evidence_annex(ctx: &Ctx<'_>, files: &[Evidence]) -> Vec<Block> {
    if files.is_empty() {
        return Vec::new();
    }
    let w = EvidenceWords::get(ctx.lang);
    let standing: Vec<&Evidence> = files.iter().filter(|e| !e.is_removed()).collect();
    let mut blocks = vec![
        Block::Heading {
            level: 2,
            text: w.heading.into(),
        },
        Block::Paragraph {
            text: w.intro.into(),
            style: TextStyle::Note,
        },
    ];
    if !standing.is_empty() {
        let [caption, target, hash, taken, place] = w.columns;
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(caption, 4.0, Align::Left),
                Column::new(target, 3.4, Align::Left),
                Column::new(hash, 1.9, Align::Left),
                Column::new(taken, 2.3, Align::Left),
                Column::new(place, 2.4, Align::Left),
            ],
            rows: standing
                .iter()
                .map(|e| {
                    let caption = if e.caption.is_empty() {
                        w.no_caption
                    } else {
                        &e.caption
                    };
                    Row::new(vec![
                        Cell::text(caption).with_muted(e.file_name.clone()),
                        Cell::text(supports(ctx, w, &e.target)),
                        Cell::text(e.short_hash()),
                        Cell::text(e.photo.time.as_deref().unwrap_or("—").replace('T', " ")),
                        Cell::text(e.photo.place().unwrap_or_else(|| "—".into())),
                    ])
                })
                .collect(),
        }));
    }
    let removed = files.len() - standing.len();
    if removed > 0 {
        blocks.push(Block::Paragraph {
            text: crate::messages::fill(w.removed_note, &[("n", &removed.to_string())]),
            style: TextStyle::Note,
        });
    }
    blocks
}
