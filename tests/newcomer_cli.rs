//! The command line a newcomer expects: `items` and `equipment-types` to find
//! ids, "did you mean" on a mistyped one, completions and a man page.

use serde_json::Value;

use super::cli::Sandbox;
use frontera::domain::post::PostCode;

fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("a JSON array")
        .iter()
        .map(|v| v["id"].as_str().expect("an id"))
        .collect()
}

#[test]
fn items_for_a_post_are_the_packs_applicable_items() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let (_, pack) = frontera::content::load_current(None).expect("the built-in pack");
    let all = s.json(&["items", "--json"]);
    assert_eq!(ids(&all).len(), pack.items().count());
    let store = frontera::store::Store::open_existing(&s.db(), "tester").expect("the demo db");
    for code in ["DEMO-PE-DES", "DEMO-AR-AGB"] {
        let post = store.post(&PostCode::parse(code).unwrap()).unwrap();
        let expected: Vec<&str> = pack
            .applicable_items(&post)
            .map(|i| i.id.as_str())
            .collect();
        let listed = s.json(&["items", "--post", code, "--json"]);
        assert_eq!(ids(&listed), expected, "{code}");
    }
    // The filter filters: some item does not apply at the Argentine post.
    let agb = s.json(&["items", "--post", "DEMO-AR-AGB", "--json"]);
    assert!(ids(&agb).len() < ids(&all).len());
    s.fails(2, &["items", "--post", "NO-SUCH", "--json"]);
}

#[test]
fn items_filter_by_pillar_and_fit_80_columns() {
    let s = Sandbox::new();
    let p2 = s.json(&["items", "--pillar", "2", "--json"]);
    let list = p2.as_array().unwrap();
    assert!(!list.is_empty());
    assert!(list.iter().all(|i| i["pillar"] == 2), "{p2}");
    assert!(ids(&p2).contains(&"p2.checks.database-query"));
    let all = s.json(&["items", "--json"]);
    assert!(list.len() < all.as_array().unwrap().len());
    for field in ["section", "critical", "question"] {
        assert!(!list[0][field].is_null(), "{field} missing");
    }
    s.fails(2, &["items", "--pillar", "5"]);

    let text = s.ok(&["items", "--lang", "es"]);
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    assert!(text.contains("p2.checks.database-query"));
    assert!(text.contains('…'), "long questions are cut");
}

#[test]
fn equipment_types_lists_the_catalogue() {
    let s = Sandbox::new();
    let types = s.json(&["equipment-types", "--json"]);
    let list = types.as_array().unwrap();
    assert!(!list.is_empty());
    let reader = list
        .iter()
        .find(|t| t["id"] == "document-reader")
        .expect("document-reader is listed");
    assert!(reader["line"].is_string() && reader["criticality"].is_u64());
    let name_en = reader["name"].as_str().unwrap().to_string();
    let es = s.json(&["equipment-types", "--json", "--lang", "es"]);
    let reader_es = es
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "document-reader")
        .unwrap();
    assert_ne!(
        reader_es["name"].as_str().unwrap(),
        name_en,
        "named in Spanish"
    );
    assert!(s.ok(&["equipment-types"]).contains("document-reader"));
}

#[test]
fn a_misspelt_id_names_the_nearest_ones() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let id = s.new_assessment("DEMO-PE-DES");
    let err = s.fails(2, &["answer", &id, "p2.checks.databse-query", "3"]);
    assert!(err.contains("p2.checks.database-query"), "{err}");
    assert_eq!(err.lines().count(), 1, "one message: {err}");
    // Nothing near: where the ids are listed instead.
    let err = s.fails(2, &["answer", &id, "zzzz-qqqq-xxxx", "3"]);
    assert!(err.contains("frontera items"), "{err}");

    let err = s.fails(2, &["equipment", &id, "document-readr", "--present", "1"]);
    assert!(err.contains("document-reader"), "{err}");
    let err = s.fails(2, &["equipment", &id, "qqqqqqqqqqqq", "--present", "1"]);
    assert!(err.contains("frontera equipment-types"), "{err}");
    // Free names are still taken with --uncatalogued.
    s.ok(&[
        "equipment",
        &id,
        "document-readr",
        "--uncatalogued",
        "--present",
        "1",
    ]);
}

#[test]
fn completions_and_man_page_are_generated() {
    let s = Sandbox::new();
    let bash = s.ok(&["completions", "bash"]);
    assert!(
        bash.contains("frontera") && bash.contains("equipment-types"),
        "{bash}"
    );
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        assert!(
            s.ok(&["completions", shell]).contains("frontera"),
            "{shell}"
        );
    }
    s.fails(2, &["completions", "tcsh"]);
    let man = s.ok(&["man"]);
    assert!(man.starts_with(".TH") || man.starts_with(".ie"), "{man}");
    assert!(man.contains(".TH frontera 1"), "{man}");
}
