//! Golden tests of whole-assessment scoring, numbers worked out by hand.

use super::*;
use crate::domain::assessment::{EquipmentCounts, EquipmentRecord};
use crate::domain::fixtures::*;
use crate::domain::post::PostKind::*;

fn answer(item: &str, response: Response) -> Answer {
    Answer {
        item: item.into(),
        response,
        note: String::new(),
        updated_at: String::new(),
        updated_by: String::new(),
        copied_from: None,
        note_lang: None,
    }
}

fn record(type_id: &str, c: [Option<u32>; 7]) -> EquipmentRecord {
    EquipmentRecord {
        type_id: type_id.into(),
        counts: EquipmentCounts {
            required: c[0],
            present: c[1],
            functional: c[2],
            in_use: c[3],
            trained: c[4],
            needed: c[5],
            maintained: c[6],
        },
        note: String::new(),
        updated_at: String::new(),
        updated_by: String::new(),
        note_lang: None,
    }
}

fn golden_pack() -> Pack {
    let all = [Land, Air, Sea, River];
    pack(
        vec![
            item("p1.a", 1, 3, false, &all, false),
            item("p1.b", 1, 1, false, &all, false),
            item("p1.c", 1, 2, true, &all, false),
            item("p1.air", 1, 3, false, &[Air], false),
            item("p2.a", 2, 2, false, &all, false),
            item("p2.b", 2, 2, false, &all, false),
            item("p2.cargo", 2, 3, false, &[Land], true),
            item("p3.a", 3, 1, false, &all, false),
            item("p4.a", 4, 2, false, &all, false),
            item("p4.b", 4, 1, true, &all, false),
        ],
        vec![
            equipment_type("reader", 3, 1.0, 1.0),
            equipment_type("generator", 1, 0.0, 0.0),
        ],
    )
}

#[test]
fn golden_assessment_of_a_land_post_without_cargo() {
    let pack = golden_pack();
    let post = land_post(false);
    let answers = vec![
        answer("p1.a", Response::Level(4)),
        answer("p1.b", Response::Level(3)),
        answer("p1.c", Response::Level(1)),
        // Not asked at a land post: must be ignored even though answered.
        answer("p1.air", Response::Level(0)),
        answer("p2.a", Response::Level(2)),
        answer(
            "p2.b",
            Response::NotApplicable {
                reason: "no buses".into(),
            },
        ),
        // Cargo item at a post without cargo: ignored.
        answer("p2.cargo", Response::Level(0)),
        answer("p4.a", Response::Level(3)),
        answer("p4.b", Response::Level(2)),
    ];
    // The post has 2 booths and 3 shifts: the reader needs 2 units and
    // ⌈2 × 1⌉ × 3 = 6 operators. Recorded: present 2, functional 2, in use 2,
    // trained 3, maintained 2.
    let equipment = vec![record(
        "reader",
        [None, Some(2), Some(2), Some(2), Some(3), None, Some(2)],
    )];
    let s = score_assessment(&pack, &post, &answers, &equipment);

    // Pillar 1: (3×4 + 1×3 + 2×1) ÷ 6 = 17 ÷ 6 = 2.8333; floor 2; critical p1.c at 1
    // → gate 2, not lower than 2, so not gated. Complete: 3 of 3.
    let p1 = s.pillar(1).unwrap();
    assert!((p1.score.unwrap() - 17.0 / 6.0).abs() < 1e-12);
    assert_eq!(
        (p1.level, p1.gated, p1.provisional),
        (Some(2), false, false)
    );
    assert_eq!(p1.completeness, Some(1.0));

    // Pillar 2: only p2.a counts: 2.0, level 2; completeness (1 + 1 N/A) ÷ 2 = 1.
    let p2 = s.pillar(2).unwrap();
    assert_eq!(
        (p2.score, p2.level, p2.completeness),
        (Some(2.0), Some(2), Some(1.0))
    );

    // Pillar 3: nothing answered: no score, no level, provisional (0 %).
    let p3 = s.pillar(3).unwrap();
    assert_eq!((p3.score, p3.level, p3.provisional), (None, None, true));

    // Equipment: coverage 2/2 = 1, availability 1, use 1, readiness 3/6 = 0.5,
    // maintenance 1 → index = 0.3 + 0.25 + 0.2 + 0.075 + 0.1 = 0.925; EUI = 0.925.
    assert!((s.equipment.eui.unwrap() - 0.925).abs() < 1e-12);
    assert_eq!(s.equipment.types[0].flags, vec![Flag::Untrained]);

    // Pillar 4 checklist: (2×3 + 1×2) ÷ 3 = 8/3 = 2.6667; blend with α = 0.3:
    // 0.7 × 8/3 + 0.3 × 4 × 0.925 = 1.866667 + 1.11 = 2.976667 → floor 2;
    // critical p4.b at 2 → gate 3, above 2, not gated.
    let p4 = s.pillar(4).unwrap();
    let expected = 0.7 * 8.0 / 3.0 + 0.3 * 4.0 * 0.925;
    assert!((p4.score.unwrap() - expected).abs() < 1e-12);
    assert_eq!((p4.level, p4.gated), (Some(2), false));

    // Overall: mean of the three scores that exist:
    // (2.833333 + 2.0 + 2.976667) ÷ 3 = 2.603333 → level 2.
    let overall = (17.0 / 6.0 + 2.0 + expected) / 3.0;
    assert!((s.overall_score.unwrap() - overall).abs() < 1e-12);
    assert_eq!(s.overall_level, Some(2));
}

#[test]
fn a_critical_zero_gates_a_high_pillar_to_level_one() {
    let pack = golden_pack();
    let post = land_post(true);
    let answers = vec![
        answer("p1.a", Response::Level(4)),
        answer("p1.b", Response::Level(4)),
        answer("p1.c", Response::Level(0)),
    ];
    let s = score_assessment(&pack, &post, &answers, &[]);
    // (3×4 + 1×4 + 2×0) ÷ 6 = 16 ÷ 6 = 2.667 → floor 2, but the gate is 0 + 1 = 1.
    let p1 = s.pillar(1).unwrap();
    assert_eq!((p1.level, p1.gated), (Some(1), true));
    // With cargo, the cargo item is now applicable to pillar 2 (open): 0 of 3.
    assert_eq!(s.pillar(2).unwrap().checklist.applicable, 3);
}

#[test]
fn pillar4_uses_whichever_of_checklist_and_equipment_exists() {
    assert_eq!(blend_pillar4(None, None, 0.3), None);
    assert_eq!(blend_pillar4(Some(2.0), None, 0.3), Some(2.0));
    assert_eq!(blend_pillar4(None, Some(0.5), 0.3), Some(2.0));
    let pack = golden_pack();
    let equipment = vec![record(
        "generator",
        [Some(1), Some(1), Some(1), Some(1), None, None, Some(1)],
    )];
    let s = score_assessment(&pack, &land_post(false), &[], &equipment);
    // Only equipment: generator index 1.0 (every defined index is 1) → pillar 4 = 4.0.
    assert_eq!(s.pillar(4).unwrap().score, Some(4.0));
    assert_eq!(s.overall_score, Some(4.0));
}

#[test]
fn uncatalogued_equipment_counts_with_its_configured_weight() {
    let pack = golden_pack();
    let equipment = vec![
        record(
            "reader",
            [
                Some(1),
                Some(1),
                Some(1),
                Some(1),
                Some(1),
                Some(1),
                Some(1),
            ],
        ),
        record(
            "other:drone",
            [None, Some(2), Some(0), None, None, None, Some(0)],
        ),
    ];
    let s = score_assessment(&pack, &land_post(false), &[], &equipment);
    // reader: 1.0 × criticality 3; drone: availability 0, maintenance 0 → 0 × 1.
    // EUI = (3 × 1 + 1 × 0) ÷ 4 = 0.75.
    assert!((s.equipment.eui.unwrap() - 0.75).abs() < 1e-12);
    assert_eq!(
        s.equipment.types[1].flags,
        vec![Flag::Broken, Flag::Unmaintained]
    );
}
