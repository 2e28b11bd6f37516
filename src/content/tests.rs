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

fn mini() -> PackSource {
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

fn errors_of(source: &PackSource) -> Vec<String> {
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
            .any(|e| e
                .contains("duplicate id 'p1.s.one' (first defined at checklists/pillar-1-x.toml:")),
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
