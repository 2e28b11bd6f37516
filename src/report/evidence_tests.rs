//! The report's evidence annex: one line per standing file with caption,
//! what it supports, short hash and EXIF time and place; removed files
//! counted; nothing when there is no evidence.

use super::model::{self, AssessmentInput, Block, ReportModel};
use super::tests::bundle;
use crate::domain::assessment::Status;
use crate::domain::evidence::{Evidence, PhotoInfo, Removal, Target};
use crate::domain::lang::Lang;

fn evidence(id: &str, target: Target, caption: &str, removed: bool) -> Evidence {
    Evidence {
        id: id.into(),
        assessment: "aaaa00000001".into(),
        target,
        sha256: format!("{id}{}", "0".repeat(64 - id.len())),
        size: 900,
        media_type: "image/jpeg".into(),
        file_name: format!("{id}.jpg"),
        caption: caption.into(),
        photo: PhotoInfo {
            time: Some("2026-03-14T10:22:05".into()),
            lat: Some(-16.5667),
            lon: Some(-69.0333),
        },
        added_at: "2026-03-14T12:00:00Z".into(),
        added_by: "ana".into(),
        removed: removed.then(|| Removal {
            at: "2026-03-15T09:00:00Z".into(),
            by: "ana".into(),
            reason: "duplicate".into(),
        }),
    }
}

fn model(files: &[Evidence], lang: Lang) -> ReportModel {
    let b = bundle(Status::Draft, [2, 1, 3], "2026-03-14T08:00:00Z");
    model::build_assessment(&AssessmentInput {
        finalisation_reason: None,
        bundle: &b,
        previous: None,
        lang,
        marking: None,
        date: "2026-11-28",
        plan: &crate::action_plan::PlanRecords::default(),
        detail: model::Detail::Summary,
        evidence: files,
    })
}

/// The rows of the table after the `heading` heading, as plain text.
fn table_after(m: &ReportModel, heading: &str) -> Option<Vec<Vec<String>>> {
    let at = m
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text, .. } if text == heading))?;
    m.blocks[at..].iter().find_map(|b| match b {
        Block::Table(t) => Some(
            t.rows
                .iter()
                .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
                .collect(),
        ),
        _ => None,
    })
}

#[test]
fn the_annex_lists_each_standing_file_with_caption_target_hash_time_and_place() {
    let files = [
        evidence(
            "a1b2c3d4e5f6",
            Target::Item("p1.a".into()),
            "Broken scanner",
            false,
        ),
        evidence(
            "0f0f0f0f0f0f",
            Target::Equipment("reader".into()),
            "",
            false,
        ),
        evidence("dddddddddddd", Target::Assessment, "Old photo", true),
    ];
    let m = model(&files, Lang::Es);
    let rows = table_after(&m, "Archivos de evidencia").expect("an evidence table");
    assert_eq!(rows.len(), 2, "the removed file is not listed: {rows:?}");
    assert_eq!(
        rows[0],
        [
            "Broken scanner",
            "p1.a",
            "a1b2c3d4e5f6",
            "2026-03-14 10:22:05",
            "-16.56670, -69.03330"
        ]
    );
    assert_eq!(rows[1][0], "(sin leyenda)");
    assert_eq!(rows[1][2], "0f0f0f0f0f0f");
    let note = m.blocks.iter().any(|b| {
        matches!(b, Block::Paragraph { text, .. } if text.contains("retirados del registro") && text.ends_with(": 1."))
    });
    assert!(note, "the removed file is counted");
}

#[test]
fn without_evidence_there_is_no_evidence_section() {
    for lang in Lang::ALL {
        let m = model(&[], lang);
        let named = m.blocks.iter().any(|b| {
            matches!(b, Block::Heading { text, .. } if text.contains("vidence") || text.contains("vidência") || text.contains("evidencia"))
        });
        assert!(!named, "{lang}");
    }
}
