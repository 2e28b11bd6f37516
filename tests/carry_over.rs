//! Carry-over on the command line: a follow-up prefilled from the post's
//! previous final assessment, its proposals counted as open until confirmed,
//! and what the export and the report say of them.

use serde_json::Value;

use super::cli::Sandbox;

/// The demo's final follow-up of Desaguadero: the post's latest final assessment.
const PREVIOUS: &str = "ec7fd7e81359";
const ITEM: &str = "p2.checks.minimum-check";

/// Items answered or N/A over every pillar, as `score --json` counts them.
fn done(score: &Value) -> u64 {
    score["pillars"]
        .as_array()
        .expect("pillars")
        .iter()
        .map(|p| p["answered"].as_u64().unwrap() + p["not_applicable"].as_u64().unwrap())
        .sum()
}

fn item<'a>(export: &'a Value, id: &str) -> &'a Value {
    export["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .expect("the item is exported")
}

#[test]
fn a_carried_over_follow_up_counts_proposals_as_open_until_each_is_confirmed() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let out = s.run(&[
        "assess",
        "new",
        "--post",
        "DEMO-PE-DES",
        "--kind",
        "follow-up",
        "--carry-over",
    ]);
    assert!(out.status.success());
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(said.contains(&format!("from {PREVIOUS}")), "{said}");

    // Nothing counts yet: the score is that of an empty assessment.
    let score = s.json(&["score", &id, "--json"]);
    assert_eq!(done(&score), 0, "{score}");
    let export = s.json(&["export", &id]);
    let previous = s.json(&["export", PREVIOUS]);
    let carried = &item(&export, ITEM)["carried_over"];
    assert_eq!(carried["state"], "pending");
    assert_eq!(carried["from"], PREVIOUS);
    assert_eq!(carried["level"], item(&previous, ITEM)["level"]);
    assert_eq!(item(&export, ITEM)["response"], "open");

    // Confirmed: the answer is the previous one, note included, and it counts.
    s.ok(&["answer", &id, ITEM, "confirm"]);
    let export = s.json(&["export", &id]);
    assert_eq!(item(&export, ITEM)["level"], item(&previous, ITEM)["level"]);
    assert_eq!(item(&export, ITEM)["note"], item(&previous, ITEM)["note"]);
    assert_eq!(item(&export, ITEM)["carried_over"]["state"], "confirmed");
    assert_eq!(done(&s.json(&["score", &id, "--json"])), 1);
    let again = s.fails(2, &["answer", &id, ITEM, "confirm"]);
    assert!(again.contains("no carried-over answer waits"), "{again}");

    // Answered another way: no longer carried, and the show line says so.
    let other = "p2.checks.database-query";
    s.ok(&["answer", &id, other, "0"]);
    assert!(item(&s.json(&["export", &id]), other)["carried_over"].is_null());
    let show = s.ok(&["assess", "show", &id]);
    let pending = export["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["carried_over"]["state"] == "pending")
        .count()
        - 1;
    assert!(
        show.contains(&format!(
            "from {PREVIOUS}: {pending} to confirm, 1 confirmed unchanged"
        )),
        "{show}"
    );
    let log = s.ok(&["log", &id]);
    assert!(log.contains("carried over, confirmed"), "{log}");
    assert!(log.contains("replaced"), "{log}");

    // The report's method section says how many were confirmed unchanged.
    let pdf = s.dir.path().join("follow-up.pdf");
    s.ok(&["report", &id, "-o", pdf.to_str().unwrap()]);
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(&format!(
            "1 confirmed unchanged by the team; {pending} not confirmed"
        )),
        "{text}"
    );
}

#[test]
fn carry_over_needs_a_previous_final_assessment_and_creates_nothing_without_one() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let before = s.json(&["assess", "list", "--json"]);
    let err = s.fails(
        2,
        &["assess", "new", "--post", "DEMO-AR-AGB", "--carry-over"],
    );
    assert!(
        err.contains("no final assessment to carry answers over from"),
        "{err}"
    );
    assert_eq!(s.json(&["assess", "list", "--json"]), before);
}
