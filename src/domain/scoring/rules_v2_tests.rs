//! The rules a pack may switch on (pack 2.0.0 does): serious deficiency,
//! pillar weights, the equipment audit in pillar 4's completeness, and the
//! core depth. Golden numbers worked out by hand; properties for the cap.

use proptest::prelude::*;

use super::*;
use crate::domain::assessment::{Depth, EquipmentCounts, EquipmentRecord};
use crate::domain::fixtures::*;
use crate::domain::post::PostKind::*;

fn answer(item: &str, level: u8) -> Answer {
    Answer {
        item: item.into(),
        response: Response::Level(level),
        note: String::new(),
        updated_at: String::new(),
        updated_by: String::new(),
        copied_from: None,
        note_lang: None,
    }
}

/// Pillars 1–4 with one plain and one critical item each; `p4.c` is core.
fn pack_v2() -> Pack {
    let all = [Land, Air, Sea, River];
    let mut items = Vec::new();
    for p in 1..=4u8 {
        items.push(item(&format!("p{p}.plain"), p, 1, false, &all, false));
        items.push(item(&format!("p{p}.crit"), p, 1, true, &all, false));
    }
    for i in &mut items {
        i.core = i.id.ends_with(".crit");
    }
    let mut pack = pack(
        items,
        vec![
            equipment_type("reader", 3, 1.0, 1.0),
            equipment_type("radio", 1, 0.0, 0.0),
        ],
    );
    pack.scoring.serious_deficiency_at_or_below = Some(1);
    pack
}

fn all_at(level: u8) -> Vec<Answer> {
    (1..=4)
        .flat_map(|p| {
            [
                answer(&format!("p{p}.plain"), level),
                answer(&format!("p{p}.crit"), level),
            ]
        })
        .collect()
}

#[test]
fn a_critical_item_at_level_one_caps_the_overall_level_at_two() {
    let pack = pack_v2();
    let post = land_post(false);
    let mut answers = all_at(4);
    // Every pillar scores 4, except pillar 2, whose critical item is at 1:
    // (1 × 4 + 1 × 1) ÷ 2 = 2.5, gated to level 2.
    answers.retain(|a| a.item != "p2.crit");
    answers.push(answer("p2.crit", 1));
    let s = score_assessment(&pack, &post, &answers, &[]);
    // Overall score: (4 + 2.5 + 4 + 4) ÷ 4 = 3.625 → level 3 by the score, but
    // a serious deficiency (critical item at 1 ≤ 1) caps it at 1 + 1 = 2.
    assert!((s.overall_score.unwrap() - 3.625).abs() < 1e-12);
    assert_eq!((s.overall_level, s.overall_capped), (Some(2), true));
    assert_eq!(
        s.serious_deficiency,
        vec![SeriousGap {
            item: "p2.crit".into(),
            pillar: 2,
            level: 1
        }]
    );
    // At 2 it is no serious deficiency: the level follows the score.
    answers.retain(|a| a.item != "p2.crit");
    answers.push(answer("p2.crit", 2));
    let s = score_assessment(&pack, &post, &answers, &[]);
    assert!(s.serious_deficiency.is_empty());
    assert_eq!((s.overall_level, s.overall_capped), (Some(3), false));
}

#[test]
fn without_the_key_a_pack_scores_as_before() {
    let mut pack = pack_v2();
    pack.scoring.serious_deficiency_at_or_below = None;
    let mut answers = all_at(4);
    answers.retain(|a| a.item != "p2.crit");
    answers.push(answer("p2.crit", 0));
    let s = score_assessment(&pack, &land_post(false), &answers, &[]);
    // (4 + 2 + 4 + 4) ÷ 4 = 3.5 → 3, no cap.
    assert_eq!((s.overall_level, s.overall_capped), (Some(3), false));
    assert!(s.serious_deficiency.is_empty());
}

#[test]
fn pillar_weights_weight_the_overall_score() {
    let mut pack = pack_v2();
    pack.scoring.serious_deficiency_at_or_below = None;
    pack.scoring.pillar_weights = [2.0, 1.0, 1.0, 0.0];
    let mut answers = all_at(2);
    answers.retain(|a| !a.item.starts_with("p1."));
    answers.extend([answer("p1.plain", 4), answer("p1.crit", 4)]);
    let s = score_assessment(&pack, &land_post(false), &answers, &[]);
    // Pillar scores 4, 2, 2, 2 with weights 2, 1, 1, 0:
    // (2×4 + 1×2 + 1×2 + 0×2) ÷ 4 = 12 ÷ 4 = 3.0.
    assert!((s.overall_score.unwrap() - 3.0).abs() < 1e-12);
}

#[test]
fn pillar_four_completeness_counts_the_equipment_audit_when_the_pack_says_so() {
    let mut pack = pack_v2();
    pack.scoring.equipment_in_completeness = true;
    let answers = vec![answer("p4.plain", 3), answer("p4.crit", 3)];
    let reader = EquipmentRecord {
        type_id: "reader".into(),
        counts: EquipmentCounts {
            present: Some(1),
            ..EquipmentCounts::default()
        },
        note: String::new(),
        updated_at: String::new(),
        updated_by: String::new(),
        note_lang: None,
    };
    let s = score_assessment(
        &pack,
        &land_post(false),
        &answers,
        std::slice::from_ref(&reader),
    );
    // 2 items answered of 2, 1 type audited of 2 applicable: 3 ÷ 4 = 0.75,
    // under 0.8, so provisional although the checklist is complete.
    let p4 = s.pillar(4).unwrap();
    assert_eq!(p4.completeness, Some(0.75));
    assert!(p4.provisional);
    pack.scoring.equipment_in_completeness = false;
    let s = score_assessment(&pack, &land_post(false), &answers, &[reader]);
    assert_eq!(s.pillar(4).unwrap().completeness, Some(1.0));
}

#[test]
fn a_core_assessment_counts_only_the_core_items() {
    let pack = pack_v2();
    let answers = vec![answer("p1.crit", 3), answer("p1.plain", 0)];
    let s = score_assessment_at(&pack, &land_post(false), Depth::Core, &answers, &[]);
    // Only p1.crit is asked at the core depth in pillar 1: score 3, complete.
    let p1 = s.pillar(1).unwrap();
    assert_eq!((p1.score, p1.completeness), (Some(3.0), Some(1.0)));
    assert_eq!(p1.checklist.applicable, 1);
    let full = score_assessment(&pack, &land_post(false), &answers, &[]);
    assert_eq!(full.pillar(1).unwrap().score, Some(1.5));
}

proptest! {
    #[test]
    fn the_overall_level_never_exceeds_the_lowest_serious_gap_plus_one(
        levels in proptest::collection::vec(0u8..=4, 8),
    ) {
        let pack = pack_v2();
        let ids: Vec<String> = (1..=4)
            .flat_map(|p| [format!("p{p}.plain"), format!("p{p}.crit")])
            .collect();
        let answers: Vec<Answer> = ids.iter().zip(&levels).map(|(i, l)| answer(i, *l)).collect();
        let s = score_assessment(&pack, &land_post(false), &answers, &[]);
        let lowest_critical = ids
            .iter()
            .zip(&levels)
            .filter(|(i, _)| i.ends_with(".crit"))
            .map(|(_, l)| *l)
            .min()
            .unwrap();
        let level = s.overall_level.unwrap();
        if lowest_critical <= 1 {
            prop_assert!(level <= lowest_critical + 1);
            prop_assert!(!s.serious_deficiency.is_empty());
        } else {
            prop_assert!(s.serious_deficiency.is_empty());
            prop_assert_eq!(Some(level), s.overall_score.map(level_of));
        }
    }
}
