//! The JSON export against its documented schema: every demo assessment (each
//! state, with plans, follow-ups and review flags), in each language, must
//! validate, and the schema must refuse what it does not document.

use serde_json::Value;

use crate::cli::Sandbox;

fn validator(s: &Sandbox) -> jsonschema::Validator {
    let schema: Value = s.json(&["export", "--schema"]);
    jsonschema::draft202012::new(&schema).expect("the schema is valid JSON Schema")
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_demo_export_matches_the_documented_schema() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    // Plans on every assessment, so every part of the document is present.
    let list = s.json(&["assess", "list", "--json"]);
    let ids: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 6);
    for id in &ids {
        s.ok(&["plan", "propose", id]);
    }
    let v = validator(&s);
    let mut checked = 0;
    for id in &ids {
        for lang in ["en", "es", "pt"] {
            let doc = s.json(&["--lang", lang, "export", id]);
            let found = errors(&v, &doc);
            assert!(found.is_empty(), "{id} {lang}: {found:#?}");
            checked += 1;
        }
    }
    assert_eq!(checked, 18);
    let with_followup = ids
        .iter()
        .map(|id| s.json(&["export", id]))
        .filter(|d| !d["plan"]["followup"].is_null())
        .count();
    assert_eq!(
        with_followup, 2,
        "both demo follow-ups review a previous plan"
    );
}

#[test]
fn the_schema_refuses_an_undocumented_or_wrong_field() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let v = validator(&s);
    let doc = s.json(&["export", "b131"]);
    assert!(errors(&v, &doc).is_empty());
    let mut extra = doc.clone();
    extra["plan"]["surprise"] = Value::Bool(true);
    assert!(
        !errors(&v, &extra).is_empty(),
        "an undocumented field passes"
    );
    let mut wrong = doc.clone();
    wrong["assessment"]["status"] = Value::String("approved".into());
    assert!(!errors(&v, &wrong).is_empty(), "an unknown status passes");
    let mut missing = doc;
    missing["plan"]
        .as_object_mut()
        .unwrap()
        .remove("review_flags");
    assert!(!errors(&v, &missing).is_empty(), "a missing field passes");
}
