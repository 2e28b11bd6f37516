//! Unit tests of the report model: snapshots of small hand-made assessments,
//! the action plan's order and the comparison of items.

use crate::bundle::Bundle;
use crate::domain::assessment::{
    Answer, Assessment, AssessmentId, AssessmentKind, EquipmentCounts, EquipmentRecord, Response,
    Status,
};
use crate::domain::fixtures::{equipment_type, item, land_post, pack};
use crate::domain::lang::Lang;
use crate::domain::post::PostKind;

use super::model::{self, AssessmentInput, Block, ItemChange, ReportModel};

const LAND: &[PostKind] = &[PostKind::Land];

fn header(id: &str, status: Status, created_at: &str) -> Assessment {
    Assessment {
        id: AssessmentId::new(id.into()),
        post: "PE-DES".into(),
        kind: AssessmentKind::Baseline,
        status,
        evaluators: vec!["Lucía Mamani".into(), "Ñusta Quispe".into()],
        target_level: 3,
        targets: [3; 4],
        pack_id: "test".into(),
        pack_version: "0".into(),
        pack_hash: "0".repeat(64),
        created_at: created_at.into(),
        created_by: "tester".into(),
        updated_at: created_at.into(),
        submitted_at: None,
        finalised_at: None,
        depth: crate::domain::assessment::Depth::Full,
    }
}

fn answer(item: &str, response: Response, note: &str) -> Answer {
    Answer {
        item: item.into(),
        response,
        note: note.into(),
        updated_at: "2026-01-01T00:00:00Z".into(),
        updated_by: "tester".into(),
        copied_from: None,
    }
}

fn counts(v: [u32; 5]) -> EquipmentCounts {
    EquipmentCounts {
        required: Some(v[0]),
        present: Some(v[1]),
        functional: Some(v[2]),
        in_use: Some(v[3]),
        trained: Some(v[4]),
        needed: Some(6),
        maintained: Some(v[2]),
    }
}

/// A small assessment: two critical items, one N/A, one open, two equipment rows.
fn bundle(status: Status, levels: [u8; 3], created_at: &str) -> Bundle {
    let items = vec![
        item("p1.a", 1, 3, true, LAND, false),
        item("p1.b", 1, 1, false, LAND, false),
        item("p2.c", 2, 2, true, LAND, false),
        item("p3.d", 3, 1, false, LAND, false),
        item("p4.e", 4, 2, false, LAND, false),
        item("p4.air", 4, 2, false, &[PostKind::Air], false),
    ];
    let types = vec![
        equipment_type("reader", 3, 1.0, 1.0),
        equipment_type("lamp", 1, 1.0, 0.0),
    ];
    let record = |type_id: &str, c| EquipmentRecord {
        type_id: type_id.into(),
        counts: c,
        note: String::new(),
        updated_at: created_at.into(),
        updated_by: "tester".into(),
    };
    Bundle {
        header: header("aaaa00000001", status, created_at),
        post: land_post(true),
        pack: pack(items, types),
        answers: vec![
            answer(
                "p1.a",
                Response::Level(levels[0]),
                "Seen at the booth in Desaguadero.",
            ),
            answer("p1.b", Response::Level(4), ""),
            answer(
                "p2.c",
                Response::Level(levels[1]),
                "Registro en aymara: jallalla.",
            ),
            answer(
                "p3.d",
                Response::NotApplicable {
                    reason: "No river traffic.".into(),
                },
                "",
            ),
            answer("p4.e", Response::Level(levels[2]), ""),
        ],
        equipment: vec![
            record("reader", counts([2, 2, 1, 1, 3])),
            record("other:CCTV server", counts([1, 1, 1, 1, 6])),
        ],
    }
}

fn model_of(b: &Bundle, previous: Option<&Bundle>, lang: Lang) -> ReportModel {
    model::build_assessment(&AssessmentInput {
        finalisation_reason: None,
        bundle: b,
        previous,
        lang,
        marking: Some("CONFIDENCIAL"),
        date: "2026-11-28",
    })
}

fn headings(m: &ReportModel) -> Vec<&str> {
    m.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 1, text } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn assessment_model_in_spanish_with_a_previous_assessment() {
    let before = bundle(Status::Final, [1, 2, 1], "2025-05-12T14:00:00Z");
    let mut now = bundle(Status::Final, [2, 2, 3], "2026-10-06T13:30:00Z");
    now.header.id = AssessmentId::new("bbbb00000002".into());
    insta::assert_snapshot!(
        "assessment_es",
        model_of(&now, Some(&before), Lang::Es).outline()
    );
}

#[test]
fn draft_without_previous_in_english() {
    let draft = bundle(Status::Draft, [0, 3, 2], "2026-10-06T13:30:00Z");
    insta::assert_snapshot!(
        "assessment_en_draft",
        model_of(&draft, None, Lang::En).outline()
    );
}

#[test]
fn draft_mark_and_comparison_follow_the_inputs() {
    let before = bundle(Status::Final, [1, 2, 1], "2025-05-12T14:00:00Z");
    let draft = bundle(Status::Draft, [0, 3, 2], "2026-10-06T13:30:00Z");
    let final_ = bundle(Status::Final, [0, 3, 2], "2026-10-06T13:30:00Z");
    let m = model_of(&draft, None, Lang::Pt);
    assert_eq!(m.draft_mark.as_deref(), Some("RASCUNHO"));
    assert!(!headings(&m).contains(&"Comparação com a avaliação anterior"));
    let m = model_of(&final_, Some(&before), Lang::Pt);
    assert_eq!(m.draft_mark, None);
    assert!(headings(&m).contains(&"Comparação com a avaliação anterior"));
}

#[test]
fn action_plan_puts_critical_items_first_then_priority() {
    // Levels: p1.a 2 (critical, weight 3 → 3 × 1 = 3), p1.b 4 (at target, left out),
    // p2.c 0 (critical, weight 2 → 2 × 3 = 6), p4.e 1 (weight 2 → 2 × 2 = 4).
    let b = bundle(Status::Draft, [2, 0, 1], "2026-10-06T13:30:00Z");
    let plan = model::action_plan(&b, 3);
    let order: Vec<(&str, u32)> = plan.iter().map(|e| (e.item.as_str(), e.priority)).collect();
    assert_eq!(order, vec![("p2.c", 6), ("p1.a", 3), ("p4.e", 4)]);
    // With a lower target only what is below it remains.
    let plan = model::action_plan(&b, 1);
    assert_eq!(
        plan.iter().map(|e| e.item.as_str()).collect::<Vec<_>>(),
        vec!["p2.c"]
    );
}

#[test]
fn items_compare_as_improved_regressed_unchanged_or_new() {
    let mut before = bundle(Status::Final, [1, 2, 1], "2025-05-12T14:00:00Z");
    before.answers.retain(|a| a.item != "p4.e");
    let now = bundle(Status::Final, [2, 1, 3], "2026-10-06T13:30:00Z");
    let changes: Vec<(String, ItemChange)> = model::compare_items(&now, &before)
        .into_iter()
        .map(|(id, _, _, c)| (id, c))
        .collect();
    assert_eq!(
        changes,
        vec![
            ("p1.a".to_string(), ItemChange::Improved),
            ("p1.b".to_string(), ItemChange::Unchanged),
            ("p2.c".to_string(), ItemChange::Regressed),
            ("p4.e".to_string(), ItemChange::New),
        ]
    );
}
