//! Unit tests of the layout: nothing placed off the page or left alone at its
//! foot, on the demo data in every language and on long tables.

use crate::content::{self, PackSource};
use crate::domain::assessment::AssessmentId;
use crate::domain::lang::Lang;
use crate::report::model::{Align, Block, Cell, Column, ReportModel, Row, Table};
use crate::store::Store;

use super::{
    ACCENT, BODY_BOTTOM, BODY_TOP, Draw, Fonts, MARGIN_X, PAGE_HEIGHT, PAGE_WIDTH, Page, Rgb,
    layout,
};

fn demo_store() -> Store {
    let mut store = Store::open_in_memory("tester").unwrap();
    let source = PackSource::embedded();
    let pack = content::load(&source).pack.unwrap();
    crate::demo::load_demo(&mut store, &source, &pack).unwrap();
    store
}

/// The default report in `lang`, unmarked.
fn options(lang: Lang) -> crate::report::ReportOptions<'static> {
    crate::report::ReportOptions {
        lang,
        marking: None,
        date: "2026-11-28",
        detail: crate::report::model::Detail::Summary,
    }
}

/// Every text inside the body (or in the header and footer bands), none wider
/// than the page's margins.
fn assert_on_the_page(pages: &[Page], fonts: &Fonts, what: &str) {
    for (n, page) in pages.iter().enumerate() {
        for draw in &page.draws {
            if let Draw::Text {
                x,
                y,
                size,
                bold,
                text,
                angle,
                ..
            } = draw
            {
                if *angle != 0.0 {
                    continue;
                }
                let right = x + fonts.width(text, *bold, *size);
                assert!(
                    *x >= MARGIN_X - 0.01 && right <= PAGE_WIDTH - MARGIN_X + 0.01,
                    "{what} page {}: '{text}' runs from {x} to {right}",
                    n + 1
                );
                let in_body = *y >= BODY_TOP && *y <= BODY_BOTTOM;
                let in_bands = *y < 48.0 || *y > PAGE_HEIGHT - 48.0;
                assert!(
                    in_body || in_bands,
                    "{what} page {}: '{text}' at y {y}",
                    n + 1
                );
            }
        }
    }
}

/// The last thing in a page's body is neither a heading nor a table's header row.
fn assert_nothing_orphaned(pages: &[Page], what: &str) {
    for (n, page) in pages.iter().enumerate() {
        let last = page.draws.iter().rev().find_map(|d| match d {
            Draw::Text {
                y,
                size,
                color,
                bold,
                text,
                angle,
                ..
            } if *angle == 0.0 && *y >= BODY_TOP && *y <= BODY_BOTTOM => {
                Some((*size, *color, *bold, text.as_str()))
            }
            _ => None,
        });
        let Some((size, color, bold, text)) = last else {
            continue;
        };
        let heading = bold && size >= 10.5 && color == ACCENT;
        let table_header = bold && color == Rgb(0xff, 0xff, 0xff);
        assert!(
            !heading && !table_header,
            "{what} page {} ends with '{text}'",
            n + 1
        );
    }
}

#[test]
fn demo_reports_keep_every_text_on_the_page_in_every_language() {
    let store = demo_store();
    let fonts = Fonts::embedded().unwrap();
    let ids: Vec<AssessmentId> = store
        .assessments(None)
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids.len(), 6);
    for lang in Lang::ALL {
        for id in &ids {
            let detail = if id == &ids[0] {
                crate::report::model::Detail::Full
            } else {
                crate::report::model::Detail::Summary
            };
            let options = crate::report::ReportOptions {
                lang,
                marking: Some("CONFIDENCIAL"),
                date: "2026-11-28",
                detail,
            };
            let m = crate::report::assessment_model(&store, id, &options).unwrap();
            let pages = layout(&m, &fonts);
            assert!(pages.len() > 10, "{id} {lang}: {} pages", pages.len());
            assert_on_the_page(&pages, &fonts, &format!("{id} {lang}"));
            assert_nothing_orphaned(&pages, &format!("{id} {lang}"));
        }
        let m = crate::report::programme_model(&store, lang, None, "2026-11-28").unwrap();
        let pages = layout(&m, &fonts);
        assert_on_the_page(&pages, &fonts, &format!("programme {lang}"));
        assert_nothing_orphaned(&pages, &format!("programme {lang}"));
    }
}

#[test]
fn group_rows_stay_with_the_rows_they_head() {
    let fonts = Fonts::embedded().unwrap();
    let mut rows = Vec::new();
    for g in 0..40 {
        rows.push(Row::group(format!("Grupo {g}")));
        rows.push(Row::new(vec![
            Cell::text("fila"),
            Cell::text("una\ndos\ntres"),
        ]));
        rows.push(Row::new(vec![Cell::text("fila"), Cell::text("uno")]));
    }
    let m = bare_model(vec![Block::Table(Table {
        columns: vec![
            Column::new("A", 1.0, Align::Left),
            Column::new("B", 3.0, Align::Left),
        ],
        rows,
    })]);
    let pages = layout(&m, &fonts);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for (n, page) in pages.iter().enumerate() {
        let last = page.draws.iter().rev().find_map(|d| match d {
            Draw::Text { text, y, .. } if *y <= BODY_BOTTOM && *y >= BODY_TOP => {
                Some(text.as_str())
            }
            _ => None,
        });
        assert!(
            !last.unwrap_or("").starts_with("Grupo"),
            "page {} ends with a group heading",
            n + 1
        );
    }
}

#[test]
fn long_tables_repeat_their_header_on_every_page_they_reach() {
    let fonts = Fonts::embedded().unwrap();
    let long = "Una observación larga del evaluador sobre el puesto. ".repeat(200);
    let rows: Vec<Row> = (0..120)
        .map(|n| {
            Row::new(vec![
                Cell::text(format!("fila {n}")),
                Cell::text(if n == 7 { long.clone() } else { "corta".into() }),
            ])
        })
        .collect();
    let m = bare_model(vec![Block::Table(Table {
        columns: vec![
            Column::new("Cabecera", 1.0, Align::Left),
            Column::new("Texto", 3.0, Align::Left),
        ],
        rows,
    })]);
    let pages = layout(&m, &fonts);
    assert!(pages.len() >= 4, "{} pages", pages.len());
    for (n, page) in pages.iter().enumerate() {
        let has_header = page
            .draws
            .iter()
            .any(|d| matches!(d, Draw::Text { text, .. } if text == "Cabecera"));
        assert!(has_header, "page {} lacks the header row", n + 1);
    }
    assert_on_the_page(&pages, &fonts, "long table");
    // The long cell is split across pages, not cut: all its words are placed.
    let placed: usize = pages
        .iter()
        .flat_map(|p| &p.draws)
        .filter_map(|d| match d {
            Draw::Text { text, .. } => Some(text.matches("observación").count()),
            _ => None,
        })
        .sum();
    assert_eq!(placed, 200);
}

#[test]
fn the_draft_mark_is_a_shape_behind_every_page_and_not_text() {
    let store = demo_store();
    let fonts = Fonts::embedded().unwrap();
    let draft = store
        .assessments(None)
        .unwrap()
        .into_iter()
        .find(|a| a.status != crate::domain::assessment::Status::Final)
        .expect("the demo has a draft");
    let m = crate::report::assessment_model(&store, &draft.id, &options(Lang::Es)).unwrap();
    let mark = m.draft_mark.clone().expect("a draft is marked");
    let pages = layout(&m, &fonts);
    for (n, page) in pages.iter().enumerate() {
        let Some(Draw::Shape { rings, fill }) = page.draws.first() else {
            panic!("page {} does not start with the mark", n + 1);
        };
        assert_eq!(*fill, super::DRAFT_MARK);
        // One ring per contour of B-O-R-R-A-D-O-R: holes in B, O, R, A, D.
        assert!(rings.len() >= 8, "page {}: {} rings", n + 1, rings.len());
        // Centred on the page, as the text mark was.
        let points: Vec<&(f32, f32)> = rings.iter().flatten().collect();
        let mid = |f: fn(&&(f32, f32)) -> f32| {
            let lo = points.iter().map(f).fold(f32::MAX, f32::min);
            let hi = points.iter().map(f).fold(f32::MIN, f32::max);
            (lo + hi) / 2.0
        };
        assert!((mid(|p| p.0) - PAGE_WIDTH / 2.0).abs() < 15.0);
        assert!((mid(|p| p.1) - PAGE_HEIGHT / 2.0).abs() < 15.0);
        let as_text = page
            .draws
            .iter()
            .any(|d| matches!(d, Draw::Text { text, .. } if text.contains(&mark)));
        assert!(!as_text, "page {} has the mark as text", n + 1);
    }
}

/// A model of `blocks` alone, with neutral page furniture.
fn bare_model(blocks: Vec<Block>) -> ReportModel {
    ReportModel {
        lang: Lang::Es,
        title: "t".into(),
        running_head: "r".into(),
        marking: None,
        draft_mark: None,
        date: "d".into(),
        page_template: "{page}/{pages}".into(),
        reference: "ref".into(),
        blocks,
    }
}

#[test]
fn a_two_row_table_never_leaves_its_header_at_a_page_foot() {
    let fonts = Fonts::embedded().unwrap();
    // Push the table down the page a line at a time, so one position puts
    // its header and first row just above the foot with no room for the last.
    for filler in 40..80 {
        let mut blocks: Vec<Block> = (0..filler)
            .map(|n| Block::Paragraph {
                text: format!("line {n}"),
                style: crate::report::model::TextStyle::Body,
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Head A", 1.0, Align::Left),
                Column::new("Head B", 3.0, Align::Left),
            ],
            rows: vec![
                Row::new(vec![Cell::text("one"), Cell::text("a\nb\nc\nd")]),
                Row::new(vec![Cell::text("two"), Cell::text("e\nf\ng\nh")]),
            ],
        }));
        let pages = layout(&bare_model(blocks), &fonts);
        assert_nothing_orphaned(&pages, &format!("{filler} lines before"));
        let page_of = |word: &str| {
            pages.iter().position(|p| {
                p.draws
                    .iter()
                    .any(|d| matches!(d, Draw::Text { text, .. } if text == word))
            })
        };
        assert_eq!(page_of("one"), page_of("two"), "{filler} lines before");
    }
}

#[test]
fn a_list_ending_on_a_page_shares_its_entries_between_the_columns() {
    let fonts = Fonts::embedded().unwrap();
    let items: Vec<String> = (0..30).map(|n| format!("p{n}.entry")).collect();
    let pages = layout(
        &bare_model(vec![Block::List {
            items,
            numbered: false,
            columns: 2,
        }]),
        &fonts,
    );
    assert_eq!(pages.len(), 1);
    let entries: Vec<f32> = pages[0]
        .draws
        .iter()
        .filter_map(|d| match d {
            Draw::Text { text, x, .. } if text.ends_with(".entry") => Some(*x),
            _ => None,
        })
        .collect();
    assert_eq!(entries.len(), 30);
    let left = entries.iter().filter(|x| **x < PAGE_WIDTH / 2.0).count();
    assert_eq!(left, 15, "{left} of 30 entries in the left column");
}

#[test]
fn no_demo_finding_about_equipment_keeps_the_stock_recommendation() {
    // An item about equipment, audited, never recommends the pack's stock
    // text ("equip every booth…"): its recommendation comes from the audit.
    let store = demo_store();
    let source = PackSource::embedded();
    let pack = content::load(&source).pack.unwrap();
    let mut seen = 0;
    for summary in store.assessments(None).unwrap() {
        for lang in Lang::ALL {
            let m = crate::report::assessment_model(&store, &summary.id, &options(lang)).unwrap();
            let outline = m.outline();
            let audited: Vec<String> = store
                .equipment(&summary.id)
                .unwrap()
                .into_iter()
                .map(|r| r.type_id)
                .collect();
            for item in pack.pillars.iter().flat_map(|p| &p.items) {
                if !item.equipment.iter().any(|t| audited.contains(t)) {
                    continue;
                }
                let anchor = format!("@item:{} ", item.id);
                let Some(row) = outline.lines().find(|l| l.contains(&anchor)) else {
                    continue;
                };
                let stock = item.text.get(lang).recommendation.trim();
                let start: String = stock.chars().take(40).collect();
                if row.matches('|').count() < 4 {
                    // A compact row (at or above target) has no recommendation.
                    continue;
                }
                seen += 1;
                assert!(
                    !row.contains(&start),
                    "{} {lang} {}: {row}",
                    summary.id,
                    item.id
                );
            }
        }
    }
    assert!(seen > 0, "no finding about audited equipment in the demo");
}
