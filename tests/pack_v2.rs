//! Content pack 2.0.0 through the command line: its counts, the clusters it
//! merged, the core depth, national answers copied within a country, and the
//! serious deficiency.

use serde_json::Value;

use crate::cli::Sandbox;

fn add(s: &Sandbox, code: &str, country: &str, neighbour: &str) {
    s.ok(&[
        "post",
        "add",
        "--code",
        code,
        "--name",
        code,
        "--country",
        country,
        "--neighbour",
        neighbour,
        "--kind",
        "land",
        "--cargo",
        "--cargo-lanes",
        "1",
    ]);
}

#[test]
fn the_shipped_pack_is_2_0_0_with_scope_core_and_depth_counts() {
    let s = Sandbox::new();
    let check = s.json(&["content", "check", "--json"]);
    assert_eq!(check["version"], "2.0.0");
    assert_eq!(check["ok"], true);
    assert_eq!(check["missing_translations"], 0);
    assert_eq!(check["coverage"]["empty_cells"], 0, "a grid cell is empty");
    let items = check["items"].as_u64().unwrap();
    assert!((95..=115).contains(&items), "{items} items");
    let core = check["core"].as_u64().unwrap();
    assert!((35..=45).contains(&core), "{core} core items");
    assert_eq!(check["depth"]["core"], check["core"]);
    assert_eq!(check["depth"]["full"], check["items"]);
    assert_eq!(check["critical_not_core"], 0, "every critical item is core");
    let national = check["scope"]["national"].as_u64().unwrap();
    assert!((10..=20).contains(&national), "{national} national items");
    assert_eq!(check["scope"]["post"].as_u64().unwrap() + national, items);
}

#[test]
fn the_duplicate_clusters_of_the_review_are_gone() {
    let s = Sandbox::new();
    add(&s, "PE-KAS", "PE", "BO");
    let id = s.new_assessment("PE-KAS");
    // One item of each merged or removed pair: answering it is refused.
    for removed in [
        "p1.bilateral.contact-points",
        "p1.coordination.domestic-data-sharing",
        "p1.coordination.local-committee",
        "p1.rights.protection-referral",
        "p1.strategy.action-plan",
        "p3.staffing.agency-hours",
        "p4.layout.lane-signage",
        "p4.connectivity.offline-copy",
    ] {
        let err = s.fails(2, &["answer", &id, removed, "2"]);
        assert!(err.contains("no item"), "{removed}: {err}");
    }
    // What they merged into is there.
    for kept in [
        "p2.neighbour.contact-channel",
        "p4.connectivity.interagency-data-sharing",
        "p2.vulnerable.referral-directory",
        "p2.checks.separate-lanes",
        "p1.rights.nationals-entry",
    ] {
        s.ok(&["answer", &id, kept, "2"]);
    }
}

fn applicable(score: &Value) -> u64 {
    score["pillars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["applicable"].as_u64().unwrap())
        .sum()
}

#[test]
fn a_core_assessment_asks_only_the_core_subset() {
    let s = Sandbox::new();
    add(&s, "PE-KAS", "PE", "BO");
    let full = s.new_assessment("PE-KAS");
    let core = s
        .ok(&["assess", "new", "--post", "PE-KAS", "--depth", "core"])
        .trim()
        .to_string();
    let (full_n, core_n) = (
        applicable(&s.json(&["score", &full, "--json"])),
        applicable(&s.json(&["score", &core, "--json"])),
    );
    assert!(core_n * 2 < full_n, "core {core_n} of full {full_n}");
    let shown = s.json(&["assess", "show", &core, "--json"]);
    assert_eq!(shown["depth"], "core");
    // A non-core item is refused at the core depth; a core one is taken.
    let err = s.fails(2, &["answer", &core, "p2.checks.separate-lanes", "3"]);
    assert!(err.contains("core subset"), "{err}");
    s.ok(&["answer", &core, "p2.checks.database-query", "3"]);
    s.fails(2, &["assess", "new", "--post", "PE-KAS", "--depth", "half"]);
}

#[test]
fn national_answers_are_copied_within_a_country_with_their_provenance() {
    let s = Sandbox::new();
    add(&s, "PE-DES", "PE", "BO");
    add(&s, "PE-KAS", "PE", "BO");
    add(&s, "BO-KAS", "BO", "PE");
    let national = "p1.strategy.national-ibm-strategy";
    let first = s.new_assessment("PE-DES");
    s.ok(&[
        "answer",
        &first,
        national,
        "2",
        "--note",
        "Strategy 2024-2028, seen at HQ.",
    ]);
    s.ok(&["answer", &first, "p2.checks.database-query", "3"]);
    let out = s
        .cmd()
        .args([
            "assess",
            "new",
            "--post",
            "PE-KAS",
            "--national-from",
            &first,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let second = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(String::from_utf8_lossy(&out.stderr).contains("Copied 1 national"));
    let export = s.json(&["export", &second]);
    let item = |id: &str| {
        export["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(item(national)["level"], 2);
    assert_eq!(item(national)["note"], "Strategy 2024-2028, seen at HQ.");
    // Post items are never copied.
    assert_eq!(item("p2.checks.database-query")["response"], "open");
    let log = s.ok(&["log", &second]);
    assert!(log.contains(&format!("copied from {first}")), "{log}");
    // Another country's assessment is refused, naming why.
    let err = s.fails(
        2,
        &[
            "assess",
            "new",
            "--post",
            "BO-KAS",
            "--national-from",
            &first,
        ],
    );
    assert!(err.contains("only within one country"), "{err}");
}

#[test]
fn a_critical_item_at_level_one_is_a_serious_deficiency_that_caps_the_overall_level() {
    let s = Sandbox::new();
    add(&s, "PE-KAS", "PE", "BO");
    let id = s.new_assessment("PE-KAS");
    // Everything at 4 in pillar 2's checks, but the critical database query at 1.
    s.ok(&["answer", &id, "p2.checks.minimum-check", "4"]);
    s.ok(&["answer", &id, "p2.checks.separate-lanes", "4"]);
    s.ok(&["answer", &id, "p1.strategy.national-ibm-strategy", "4"]);
    s.ok(&["answer", &id, "p2.checks.database-query", "1"]);
    let score = s.json(&["score", &id, "--json"]);
    let gaps = score["serious_deficiency"].as_array().unwrap();
    assert_eq!(gaps.len(), 1, "{score}");
    assert_eq!(gaps[0]["item"], "p2.checks.database-query");
    assert!(score["overall"]["level"].as_u64().unwrap() <= 2);
    let text = s.ok(&["score", &id]);
    assert!(text.contains("serious deficiency"), "{text}");
}
