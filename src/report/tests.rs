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
        method: crate::domain::assessment::Method::default(),
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
        note_lang: None,
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
pub(super) fn bundle(status: Status, levels: [u8; 3], created_at: &str) -> Bundle {
    let mut with_criteria = item("p1.a", 1, 3, true, LAND, false);
    with_criteria.text.en.levels = std::array::from_fn(|l| format!("descriptor {l}"));
    let items = vec![
        with_criteria,
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
        note_lang: None,
    };
    Bundle {
        carry: Default::default(),
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
    model_with(b, previous, lang, model::Detail::Summary)
}

fn model_with(
    b: &Bundle,
    previous: Option<&Bundle>,
    lang: Lang,
    detail: model::Detail,
) -> ReportModel {
    model::build_assessment(&AssessmentInput {
        finalisation_reason: None,
        bundle: b,
        previous,
        lang,
        marking: Some("CONFIDENCIAL"),
        date: "2026-11-28",
        plan: &crate::action_plan::PlanRecords::default(),
        detail,
        evidence: &[],
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
    assert!(!headings(&m).contains(&"Acompanhamento da avaliação anterior"));
    let m = model_of(&final_, Some(&before), Lang::Pt);
    assert_eq!(m.draft_mark, None);
    assert!(headings(&m).contains(&"Acompanhamento da avaliação anterior"));
}

#[test]
fn findings_put_critical_gaps_first_then_the_weighted_gap() {
    // Levels: p1.a 2 (critical, weight 3), p1.b 4 (at target, not a finding),
    // p2.c 0 (critical, weight 2: serious), p4.e 1 (weight 2 × gap 2 = 4).
    let b = bundle(Status::Draft, [2, 0, 1], "2026-10-06T13:30:00Z");
    let outline = model_of(&b, None, Lang::En).outline();
    let findings = outline
        .split("# Findings below target")
        .nth(1)
        .and_then(|rest| rest.split("\n# ").next())
        .unwrap();
    let anchors: Vec<&str> = findings
        .lines()
        .filter_map(|l| l.split("@item:").nth(1))
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(anchors, ["p1.a", "p2.c", "p4.e"], "{findings}");
    assert!(findings.contains("ALERT @item:p2.c"), "{findings}");
    // The finding is the evaluator's evidence, the criterion muted, no id in the text.
    assert!(findings.contains("Evidence: Seen at the booth in Desaguadero."));
    assert!(
        findings.contains("No evidence recorded."),
        "p4.e has no note"
    );
    assert!(
        findings.contains("~Criterion for level 3: descriptor 3~"),
        "{findings}"
    );
    assert!(!findings.contains("p1.a?\np1.a"));
}

#[test]
fn a_note_in_another_language_says_so_and_the_full_detail_keeps_every_chapter() {
    let mut b = bundle(Status::Final, [2, 2, 3], "2026-10-06T13:30:00Z");
    b.answers[2].note_lang = Some(Lang::Es);
    let outline = model_of(&b, None, Lang::En).outline();
    assert!(
        outline.contains("Evidence: Registro en aymara: jallalla. (written in Spanish)"),
        "{outline}"
    );
    let es = model_of(&b, None, Lang::Es).outline();
    assert!(es.contains("Evidencia: Registro en aymara: jallalla."));
    assert!(!es.contains("escrito en español"), "same language: no mark");
    let summary = model_of(&b, None, Lang::En);
    let full = model_with(&b, None, Lang::En, model::Detail::Full);
    assert!(
        !headings(&summary)
            .iter()
            .any(|h| h.starts_with("Pillar 1."))
    );
    assert!(headings(&full).iter().any(|h| h.starts_with("Pillar 1.")));
    assert!(headings(&summary).contains(&"At or above target"));
    assert!(!headings(&full).contains(&"At or above target"));
}

#[test]
fn an_item_about_equipment_recommends_what_the_audit_shows() {
    let mut b = bundle(Status::Final, [2, 2, 1], "2026-10-06T13:30:00Z");
    let e = b
        .pack
        .pillars
        .iter_mut()
        .flat_map(|p| p.items.iter_mut())
        .find(|i| i.id == "p4.e")
        .unwrap();
    e.equipment = vec!["reader".into()];
    let fresh = |b: &Bundle| {
        let outline = model_of(b, None, Lang::En).outline();
        outline
            .lines()
            .find(|l| l.contains("@item:p4.e"))
            .unwrap_or_default()
            .to_string()
    };
    // The reader: 2 required, 2 present, 1 functional: the audit says repair,
    // never the item's stock "fix p4.e".
    let row = fresh(&b);
    assert!(
        row.contains("repair or replace 1 unit out of service"),
        "{row}"
    );
    assert!(!row.contains("fix p4.e"), "{row}");
    // All working, in use, trained and maintained: no shortfall, and what
    // the target asks instead of "install".
    b.equipment[0].counts = EquipmentCounts {
        required: Some(2),
        present: Some(2),
        functional: Some(2),
        in_use: Some(2),
        trained: Some(6),
        needed: Some(6),
        maintained: Some(2),
    };
    let row = fresh(&b);
    assert!(row.contains("shows no shortfall in reader"), "{row}");
    assert!(!row.contains("fix p4.e"), "{row}");
    // One rule per flag: each shortfall alone gives its own action, named
    // with its counts, and never the stock "install" of the item.
    let full = b.equipment[0].counts.clone();
    let cases = [
        (
            EquipmentCounts {
                present: Some(0),
                functional: Some(0),
                in_use: Some(0),
                maintained: Some(0),
                ..full.clone()
            },
            "add 2 units (0 of 2 required are present)",
        ),
        (
            EquipmentCounts {
                functional: Some(1),
                in_use: Some(1),
                ..full.clone()
            },
            "repair or replace 1 unit out of service",
        ),
        (
            EquipmentCounts {
                in_use: Some(0),
                ..full.clone()
            },
            "put the idle units into regular use (0 of 2 in use)",
        ),
        (
            EquipmentCounts {
                trained: Some(1),
                ..full.clone()
            },
            "train 5 more operators (1 of 6 trained)",
        ),
        (
            EquipmentCounts {
                maintained: Some(0),
                ..full.clone()
            },
            "bring 2 units under planned maintenance (0 of 2 maintained)",
        ),
    ];
    for (counts, action) in cases {
        b.equipment[0].counts = counts;
        let row = fresh(&b);
        assert!(row.contains(action), "{action}: {row}");
        assert!(!row.contains("fix p4.e"), "{row}");
    }
    // Not audited: the item's own recommendation stands.
    b.equipment.clear();
    assert!(fresh(&b).contains("fix p4.e"));
}

#[test]
fn equipment_notes_print_in_the_equipment_chapter() {
    let mut b = bundle(Status::Final, [2, 2, 3], "2026-10-06T13:30:00Z");
    b.equipment[0].note = "Two readers wait for a spare lamp.".into();
    let outline = model_of(&b, None, Lang::En).outline();
    let chapter = outline.split("# Equipment audit").nth(1).unwrap();
    assert!(chapter.contains("Auditors' notes"), "{chapter}");
    assert!(chapter.contains("Two readers wait for a spare lamp."));
}

#[test]
fn unconfirmed_sources_are_listed_apart_and_duplicates_merged() {
    let mut b = bundle(Status::Final, [2, 2, 1], "2026-10-06T13:30:00Z");
    for item in b.pack.pillars.iter_mut().flat_map(|p| p.items.iter_mut()) {
        item.sources = match item.id.as_str() {
            "p1.a" => vec!["Handbook, §12".into(), "Regulation X, Art. 9 (?)".into()],
            "p2.c" => vec!["Handbook §12".into(), "Regulation X, Art. 8".into()],
            _ => vec!["Handbook, §12.".into()],
        };
    }
    let outline = model_of(&b, None, Lang::En).outline();
    let annex = outline.split("# Annex").nth(1).unwrap();
    assert!(!annex.contains("(?)"), "{annex}");
    let confirmed = annex.split("## Sources to be confirmed").next().unwrap();
    assert_eq!(confirmed.matches("Handbook").count(), 1, "{confirmed}");
    assert!(confirmed.contains("Regulation X — Art. 8"), "{confirmed}");
    let unconfirmed = annex.split("## Sources to be confirmed").nth(1).unwrap();
    assert!(
        unconfirmed.contains("Regulation X — Art. 9"),
        "{unconfirmed}"
    );
}

#[test]
fn a_source_lists_each_cited_part_once() {
    let mut b = bundle(Status::Final, [2, 2, 1], "2026-10-06T13:30:00Z");
    for item in b.pack.pillars.iter_mut().flat_map(|p| p.items.iter_mut()) {
        item.sources = match item.id.as_str() {
            "p1.a" => vec![
                "Agreement Y, Art. 8".into(),
                "Code Z — ethics; audit".into(),
            ],
            "p2.c" => vec![
                "Agreement Y, Art. 8 — cooperation".into(),
                "Code Z — audit; ethics".into(),
            ],
            _ => vec!["Agreement Y, Art. 80".into()],
        };
    }
    let outline = model_of(&b, None, Lang::En).outline();
    let annex = outline.split("# Annex").nth(1).unwrap();
    assert!(
        annex.contains("Agreement Y — Art. 8 — cooperation; Art. 80"),
        "{annex}"
    );
    assert!(annex.contains("Code Z — ethics; audit"), "{annex}");
    assert_eq!(annex.matches("ethics").count(), 1, "{annex}");
}

#[test]
fn the_summary_says_in_words_what_holds_the_level_and_what_changed() {
    let before = bundle(Status::Final, [1, 2, 1], "2025-05-12T14:00:00Z");
    let mut before = before;
    before.header.finalised_at = Some("2025-06-20T15:00:00Z".into());
    let mut now = bundle(Status::Final, [2, 1, 3], "2026-10-06T13:30:00Z");
    now.header.id = AssessmentId::new("bbbb00000002".into());
    for (lang, words) in [
        (
            Lang::En,
            [
                "Overall, the post is at level",
                "finalised on 20 June 2025",
                "Regressed:",
            ],
        ),
        (
            Lang::Es,
            [
                "En conjunto, el puesto está en el nivel",
                "finalizada el 20 de junio de 2025",
                "Retrocedieron:",
            ],
        ),
        (
            Lang::Pt,
            [
                "No conjunto, o posto está no nível",
                "finalizada em 20 de junho de 2025",
                "Regrediram:",
            ],
        ),
    ] {
        let outline = model_of(&now, Some(&before), lang).outline();
        for w in words {
            assert!(outline.contains(w), "{lang}: {w}\n{outline}");
        }
    }
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

#[test]
fn a_serious_deficiency_is_said_on_the_cover_and_in_the_conclusion_and_its_rule_in_the_annex() {
    let mut b = bundle(Status::Final, [1, 2, 3], "2026-10-06T13:30:00Z");
    b.pack.scoring.serious_deficiency_at_or_below = Some(1);
    let outline = model_of(&b, None, Lang::En).outline();
    let alerts: Vec<&str> = outline
        .lines()
        .filter(|l| l.starts_with("(Alert)") && l.contains("p1.a? (1)"))
        .collect();
    // Once on the title page, once in the conclusion.
    assert_eq!(alerts.len(), 2, "{outline}");
    let conclusion = outline.split("## Conclusion").nth(1).unwrap();
    assert!(conclusion.contains("p1.a? (1)"), "{conclusion}");
    let annex = outline.split("# Annex").nth(1).unwrap();
    assert!(annex.contains("serious"), "{annex}");
    // Without the rule in the pack, nothing is said.
    b.pack.scoring.serious_deficiency_at_or_below = None;
    let outline = model_of(&b, None, Lang::En).outline();
    assert!(!outline.contains("p1.a? (1)"), "{outline}");
}
