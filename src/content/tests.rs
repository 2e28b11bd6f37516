//! Loader tests: a minimal valid pack, then one broken copy per kind of mistake.

use super::*;

const PACK_TOML: &str = r#"id = "mini"
version = "0.1.0"
[en]
title = "Mini"
[es]
title = "Mini"
[pt]
title = "Mini"
"#;

const SCORING_TOML: &str = r#"provisional_below = 0.8
pillar4_equipment_share = 0.3
idle_below = 0.5
target_level = 3
uncatalogued_criticality = 1
[equipment_weights]
coverage = 0.3
availability = 0.25
use = 0.2
readiness = 0.15
maintenance = 0.1
[[levels]]
level = 0
en = { name = "Absent", meaning = "none" }
[[levels]]
level = 1
en = { name = "Initial", meaning = "ad hoc" }
[[levels]]
level = 2
en = { name = "Developing", meaning = "partly" }
[[levels]]
level = 3
en = { name = "Established", meaning = "consistent" }
[[levels]]
level = 4
en = { name = "Advanced", meaning = "improved" }
"#;

const EQUIPMENT_TOML: &str = r#"[[lines]]
id = "first-line"
en = { name = "First line" }
[[types]]
id = "uv-lamp"
line = "first-line"
criticality = 2
per_booth = 1
operators_per_unit = 1
en = { name = "UV lamp", description = "A lamp." }
"#;

const PROCEDURE_TOML: &str = r#"id = "refusal-of-entry"
sources = ["SBC Art. 14"]
[en]
title = "Refusal"
purpose = "p"
basis = "b"
roles = ["r"]
steps = ["s"]
records = ["rec"]
common_failures = ["f"]
"#;

fn pillar(n: u8, weight: i64, procedure: &str) -> String {
    format!(
        r#"pillar = {n}
en = {{ title = "Pillar {n}" }}
[[sections]]
id = "p{n}.s"
en = {{ title = "S" }}
[[items]]
id = "p{n}.s.one"
section = "p{n}.s"
weight = {weight}
cooperation = "intra-service"
field = "legal"
procedures = ["{procedure}"]
sources = ["somewhere"]
[items.en]
question = "Q?"
guidance = "G"
recommendation = "R"
levels = ["a", "b", "c", "d", "e"]
"#
    )
}

pub(super) fn mini() -> PackSource {
    let mut files = BTreeMap::new();
    files.insert(PACK.to_string(), PACK_TOML.to_string());
    files.insert(SCORING.to_string(), SCORING_TOML.to_string());
    files.insert(EQUIPMENT.to_string(), EQUIPMENT_TOML.to_string());
    files.insert(
        "procedures/refusal-of-entry.toml".to_string(),
        PROCEDURE_TOML.to_string(),
    );
    for n in 1..=4 {
        files.insert(
            format!("checklists/pillar-{n}-x.toml"),
            pillar(n, 2, "refusal-of-entry"),
        );
    }
    PackSource::from_files("test", files)
}

pub(super) fn errors_of(source: &PackSource) -> Vec<String> {
    load(source).errors().map(ToString::to_string).collect()
}

#[test]
fn the_minimal_pack_loads_with_translation_warnings_only() {
    let report = load(&mini());
    let errors: Vec<_> = report.errors().collect();
    assert!(errors.is_empty(), "{errors:?}");
    let pack = report.pack.expect("a pack");
    assert_eq!(pack.pillars.len(), 4);
    assert_eq!(pack.meta.version, "0.1.0");
    // Items, levels, the procedure and the equipment give es/pt warnings.
    assert!(report.missing_translations > 0);
    let item = pack.item("p1.s.one").unwrap();
    assert_eq!(item.text.es.question, "Q?", "Spanish falls back to English");
}

#[test]
fn a_syntax_error_points_at_its_line() {
    let mut source = mini();
    source.files.insert(
        EQUIPMENT.into(),
        EQUIPMENT_TOML.replace("criticality = 2", "criticality = = 2"),
    );
    let errors = errors_of(&source);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("checklists/equipment.toml:7:"),
        "{}",
        errors[0]
    );
}

#[test]
fn an_unknown_key_is_an_error_at_that_key() {
    let mut source = mini();
    let text = pillar(2, 2, "refusal-of-entry").replace("weight = 2", "weight = 2\nwieght = 3");
    source
        .files
        .insert("checklists/pillar-2-x.toml".into(), text);
    let errors = errors_of(&source);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("checklists/pillar-2-x.toml:10:") && e.contains("wieght")),
        "{errors:?}"
    );
}

#[test]
fn duplicates_dangling_references_and_ranges_are_all_reported_together() {
    let mut source = mini();
    // Pillar 3 reuses pillar 1's item id, cites a missing procedure and has weight 5.
    let text = pillar(3, 5, "no-such-procedure").replace("p3.s.one", "p1.s.one");
    source
        .files
        .insert("checklists/pillar-3-x.toml".into(), text);
    let errors = errors_of(&source);
    assert!(
        errors
            .iter()
            // Line 7 of pillar-1-x.toml is `id = "p1.s.one"`, its value at column 6.
            .any(|e| e.starts_with("checklists/pillar-3-x.toml:7:6: ")
                && e.contains(
                    "duplicate id 'p1.s.one' (first defined at checklists/pillar-1-x.toml:7:6)"
                )),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("procedure 'no-such-procedure' does not exist")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("checklists/pillar-3-x.toml:9:")
                && e.contains("weight 5 is out of range")),
        "{errors:?}"
    );
    assert!(load(&source).pack.is_none());
}

#[test]
fn missing_english_and_empty_pillars_are_errors() {
    let mut source = mini();
    let no_english = pillar(1, 2, "refusal-of-entry").replace("[items.en]", "[items.es]");
    source
        .files
        .insert("checklists/pillar-1-x.toml".into(), no_english);
    let empty = "pillar = 4\nen = { title = \"P4\" }\n";
    source
        .files
        .insert("checklists/pillar-4-x.toml".into(), empty.into());
    let errors = errors_of(&source);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("item p1.s.one: missing English text")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("checklists/pillar-4-x.toml:1:10: pillar 4 has no items")),
        "{errors:?}"
    );
}

#[test]
fn missing_core_files_and_unknown_equipment_lines_are_errors() {
    let mut source = mini();
    source.files.remove(SCORING);
    source.files.insert(
        EQUIPMENT.into(),
        EQUIPMENT_TOML.replace("line = \"first-line\"", "line = \"nowhere\""),
    );
    let errors = errors_of(&source);
    assert!(
        errors
            .iter()
            .any(|e| e == "checklists/scoring.toml:1:1: file is missing"),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("control line 'nowhere' is not declared")),
        "{errors:?}"
    );
}

#[test]
fn folder_sources_name_files_with_their_folder() {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in &mini().files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::write(dir.path().join("checklists/pillar-2-x.toml"), "pillar = [").unwrap();
    let source = PackSource::from_dir(dir.path()).unwrap();
    let errors = errors_of(&source);
    let expected = format!("{}/checklists/pillar-2-x.toml:1:", dir.path().display());
    assert!(
        errors.iter().any(|e| e.starts_with(&expected)),
        "{errors:?}"
    );
    assert!(PackSource::from_dir(&dir.path().join("absent")).is_err());
}

/// The mini pack with pillar 1's item given extra lines after its `field`.
fn with_item_keys(keys: &str) -> PackSource {
    let mut source = mini();
    let text = pillar(1, 2, "refusal-of-entry").replace(
        "field = \"legal\"\n",
        &format!("field = \"legal\"\n{keys}\n"),
    );
    source
        .files
        .insert("checklists/pillar-1-x.toml".into(), text);
    source
}

#[test]
fn v2_item_keys_default_to_a_post_item_outside_the_core_asked_everywhere() {
    let pack = load(&mini()).pack.unwrap();
    let item = pack.item("p1.s.one").unwrap();
    assert_eq!(item.scope, crate::domain::pack::Scope::Post);
    assert!(!item.core);
    assert!(!item.applicability.shared_control_only);
}

#[test]
fn v2_item_keys_are_read() {
    let source = with_item_keys("scope = \"national\"\ncore = true\nshared_control_only = true");
    let report = load(&source);
    let errors: Vec<_> = report.errors().collect();
    assert!(errors.is_empty(), "{errors:?}");
    let pack = report.pack.unwrap();
    let item = pack.item("p1.s.one").unwrap();
    assert_eq!(item.scope, crate::domain::pack::Scope::National);
    assert_eq!(item.scope.code(), "national");
    assert!(item.core);
    assert!(item.applicability.shared_control_only);
    let other = pack.item("p2.s.one").unwrap();
    assert_eq!(other.scope, crate::domain::pack::Scope::Post);
}

#[test]
fn an_unknown_scope_is_an_error_at_its_value() {
    // `scope` lands on line 10 (after `field` on line 9... of pillar 1: id 7,
    // section 8, weight 9, cooperation 10, field 11), so line 12, value at column 9.
    let errors = errors_of(&with_item_keys("scope = \"regional\""));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "checklists/pillar-1-x.toml:12:9: unknown scope 'regional' (use post, national)"
        ),
        "{errors:?}"
    );
}

#[test]
fn a_critical_item_outside_a_core_subset_is_a_warning() {
    // No item is core: a 1.0.0-style pack, no warning.
    let plain = load(&with_item_keys("critical = true"));
    assert!(plain.errors().next().is_none());
    assert!(!plain.warnings().any(|w| w.message.contains("not core")));
    // Another item is core: the critical one left outside is warned about, at its id.
    let mut source = with_item_keys("critical = true");
    let core = pillar(2, 2, "refusal-of-entry")
        .replace("field = \"legal\"\n", "field = \"legal\"\ncore = true\n");
    source
        .files
        .insert("checklists/pillar-2-x.toml".into(), core);
    let report = load(&source);
    assert!(report.errors().next().is_none());
    let warned: Vec<String> = report
        .warnings()
        .filter(|w| w.message.contains("not core"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warned,
        [
            "checklists/pillar-1-x.toml:7:6: item p1.s.one is critical but not core: a core-depth visit would not ask it (add core = true)"
        ]
    );
    // Made core, the warning goes.
    let mut fixed = with_item_keys("critical = true\ncore = true");
    fixed.files.insert(
        "checklists/pillar-2-x.toml".into(),
        source.files["checklists/pillar-2-x.toml"].clone(),
    );
    assert!(
        !load(&fixed)
            .warnings()
            .any(|w| w.message.contains("not core"))
    );
}

#[test]
fn equipment_thresholds_are_read_and_must_be_whole_non_negative_numbers() {
    let mut source = mini();
    source.files.insert(
        EQUIPMENT.into(),
        EQUIPMENT_TOML.replace(
            "operators_per_unit = 1\n",
            "operators_per_unit = 1\nmin_lanes = 1\nmin_cargo_lanes = 2\nmin_booths = 3\nshared_control_only = true\n",
        ),
    );
    let pack = load(&source).pack.unwrap();
    let t = pack.catalogue.get("uv-lamp").unwrap();
    assert_eq!(
        (t.need.min_lanes, t.need.min_cargo_lanes, t.need.min_booths),
        (1, 2, 3)
    );
    assert!(t.applicability.shared_control_only);
    // Defaults: no thresholds, any control model.
    let t = load(&mini()).pack.unwrap().catalogue.types[0].clone();
    assert_eq!(
        (t.need.min_lanes, t.need.min_cargo_lanes, t.need.min_booths),
        (0, 0, 0)
    );
    assert!(!t.applicability.shared_control_only);

    let bad = |keys: &str| {
        let mut source = mini();
        source.files.insert(
            EQUIPMENT.into(),
            EQUIPMENT_TOML.replace(
                "operators_per_unit = 1\n",
                &format!("operators_per_unit = 1\n{keys}\n"),
            ),
        );
        errors_of(&source)
    };
    // Line 10 is the threshold, its value at column 19.
    assert_eq!(
        bad("min_cargo_lanes = -1"),
        [
            "checklists/equipment.toml:10:19: equipment type uv-lamp: min_cargo_lanes must be a whole number of 0 or more, not -1"
        ]
    );
    // 1.5 is not an integer at all: the parser says so at the value.
    let errors = bad("min_booths = 1.5");
    assert!(
        errors.len() == 1 && errors[0].starts_with("checklists/equipment.toml:10:14: "),
        "{errors:?}"
    );
}

#[test]
fn absent_v2_scoring_keys_keep_the_1_0_0_behaviour() {
    let s = load(&mini()).pack.unwrap().scoring;
    assert_eq!(s.serious_deficiency_at_or_below, None);
    assert!(!s.equipment_in_completeness);
    assert_eq!(s.pillar_weights, [1.0; 4]);
}

#[test]
fn v2_scoring_keys_are_read() {
    let mut source = mini();
    let text = SCORING_TOML.replace(
        "[equipment_weights]",
        "serious_deficiency_at_or_below = 1\nequipment_in_completeness = true\n[pillar_weights]\np1 = 1.5\np3 = 0.5\n[equipment_weights]",
    );
    source.files.insert(SCORING.into(), text);
    let s = load(&source).pack.unwrap().scoring;
    assert_eq!(s.serious_deficiency_at_or_below, Some(1));
    assert!(s.equipment_in_completeness);
    // p2 and p4 not given: 1.0.
    assert_eq!(s.pillar_weights, [1.5, 1.0, 0.5, 1.0]);
}

#[test]
fn v2_scoring_keys_out_of_range_are_errors_at_their_values() {
    let mut source = mini();
    let text = SCORING_TOML.replace(
        "[equipment_weights]",
        "serious_deficiency_at_or_below = 4\n[pillar_weights]\np2 = 0\np4 = -1\n[equipment_weights]",
    );
    source.files.insert(SCORING.into(), text);
    let errors = errors_of(&source);
    for expected in [
        "checklists/scoring.toml:6:34: serious_deficiency_at_or_below 4 is out of range (0 to 3)",
        "checklists/scoring.toml:8:6: pillar_weights.p2 must be a number greater than 0, not 0",
        "checklists/scoring.toml:9:6: pillar_weights.p4 must be a number greater than 0, not -1",
    ] {
        assert!(
            errors.iter().any(|e| e == expected),
            "{expected}\n{errors:#?}"
        );
    }
    let mut unknown = mini();
    unknown.files.insert(
        SCORING.into(),
        SCORING_TOML.replace(
            "[equipment_weights]",
            "[pillar_weights]\np5 = 1\n[equipment_weights]",
        ),
    );
    let errors = errors_of(&unknown);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("checklists/scoring.toml:7:") && e.contains("p5")),
        "{errors:?}"
    );
}

#[test]
fn a_file_that_is_not_utf8_is_an_error_at_its_first_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in &mini().files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    // "Sección" saved as Latin-1: 'ó' is the single byte 0xF3 on line 3, after
    // `title = "Secci` (14 characters), so column 15.
    let mut bytes = b"pillar = 2\nen = { title = \"P2\" }\ntitle = \"Secci".to_vec();
    bytes.push(0xF3);
    bytes.extend_from_slice(b"n\"\n");
    std::fs::write(dir.path().join("checklists/pillar-2-x.toml"), bytes).unwrap();
    let source = PackSource::from_dir(dir.path()).expect("the folder still reads");
    let errors = errors_of(&source);
    let expected = format!(
        "{}/checklists/pillar-2-x.toml:3:15: the file is not valid UTF-8 (byte 0xF3 cannot be read as text); save it as UTF-8",
        dir.path().display()
    );
    assert_eq!(errors, [expected]);
    assert!(load(&source).pack.is_none());
}
