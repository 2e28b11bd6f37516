//! Action plans end to end through the command line: proposing (twice, and
//! after edits), editing with checks, statuses, targets, the follow-up at the
//! next assessment, the reviewer's pass and the plan's CSV and JSON.

use serde_json::Value;

use crate::cli::{Sandbox, add_desaguadero};

/// An assessment with a critical item at 1, a weighty item at 2 and one at
/// target.
fn assessed(s: &Sandbox) -> String {
    add_desaguadero(s);
    let id = s
        .ok(&["assess", "new", "--post", "PE-DES", "--evaluator", "Ana"])
        .trim()
        .to_string();
    s.ok(&["answer", &id, "p2.checks.database-query", "1"]);
    s.ok(&["answer", &id, "p2.checks.thorough-check-entry", "2"]);
    s.ok(&["answer", &id, "p2.checks.minimum-check", "3"]);
    id
}

fn actions(s: &Sandbox, id: &str) -> Vec<Value> {
    s.json(&["plan", "list", id, "--json"])["actions"]
        .as_array()
        .unwrap()
        .clone()
}

fn by_cite<'a>(actions: &'a [Value], item: &str) -> Option<&'a Value> {
    actions.iter().find(|a| {
        a["cites"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == item)
    })
}

#[test]
fn proposing_twice_adds_nothing_and_edited_actions_survive_reproposal() {
    let s = Sandbox::new();
    let id = assessed(&s);
    let first = s.json(&["plan", "propose", &id, "--json"]);
    assert_eq!(first["added"].as_array().unwrap().len(), 2, "{first}");
    let again = s.json(&["plan", "propose", &id, "--json"]);
    for key in ["added", "updated", "withdrawn", "kept"] {
        assert_eq!(again[key], serde_json::json!([]), "{key}: {again}");
    }
    let plan = actions(&s, &id);
    assert_eq!(plan.len(), 2);
    let critical = by_cite(&plan, "p2.checks.database-query").unwrap();
    assert_eq!(critical["priority"], "critical", "serious deficiency first");
    assert_eq!(critical["number"], 1);
    assert_eq!(critical["status"], "proposed");

    // A person edits action 1; the answers then change so that the scores
    // would propose it differently, and item 2 reaches the target.
    s.ok(&[
        "plan",
        "edit",
        &id,
        "1",
        "--title",
        "Mandatory SLTD query at every booth",
        "--agency",
        "Migraciones",
        "--due",
        "2099-06-30",
        "--cost",
        "12 500",
        "--currency",
        "pen",
    ]);
    s.ok(&["answer", &id, "p2.checks.database-query", "2"]);
    s.ok(&["answer", &id, "p2.checks.thorough-check-entry", "3"]);
    let third = s.json(&["plan", "propose", &id, "--json"]);
    assert_eq!(third["kept"], serde_json::json!([1]), "{third}");
    assert_eq!(third["withdrawn"], serde_json::json!([2]), "{third}");
    let plan = actions(&s, &id);
    assert_eq!(plan.len(), 1);
    let kept = &plan[0];
    assert_eq!(kept["title"], "Mandatory SLTD query at every booth");
    assert_eq!(kept["priority"], "critical", "the person's priority stays");
    assert_eq!(kept["agency"], "Migraciones");
    assert_eq!(kept["due"], "2099-06-30");
    assert_eq!(kept["cost"]["amount"], 12_500);
    assert_eq!(kept["cost"]["currency"], "PEN");
    assert_eq!(kept["edited"], true);

    // The change log has the edit and the withdrawal.
    let log = s.json(&["log", &id, "--json"]);
    let fields: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["entity"] == "action")
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    for field in ["proposed", "title", "agency", "due", "cost", "withdrawn"] {
        assert!(fields.contains(&field), "no {field} in {fields:?}");
    }
}

#[test]
fn typed_fields_are_checked_and_statuses_follow_the_life_cycle() {
    let s = Sandbox::new();
    let id = assessed(&s);
    s.ok(&["plan", "propose", &id]);
    let err = s.fails(2, &["plan", "edit", &id, "1", "--due", "2001-01-01"]);
    assert!(err.contains("before the visit"), "{err}");
    let err = s.fails(2, &["plan", "edit", &id, "1", "--due", "2027-02-30"]);
    assert!(err.contains("not a date"), "{err}");
    let err = s.fails(
        2,
        &[
            "plan",
            "add",
            &id,
            "--title",
            "X",
            "--cites",
            "p2.checks.nothing",
        ],
    );
    assert!(err.contains("p2.checks.nothing"), "{err}");
    let err = s.fails(2, &["plan", "edit", &id, "1", "--cost", "12.50"]);
    assert!(err.contains("whole units"), "{err}");
    let err = s.fails(2, &["plan", "edit", &id, "1", "--cost", "100"]);
    assert!(err.contains("currency"), "{err}");
    s.fails(2, &["plan", "edit", &id, "9", "--title", "x"]);
    s.fails(2, &["plan", "edit", &id, "1"]);

    let added = s.ok(&[
        "plan",
        "add",
        &id,
        "--title",
        "Radios for the night shift",
        "--cites",
        "equipment:handheld-radio,p2.checks.minimum-check",
        "--priority",
        "low",
    ]);
    assert!(added.contains("Added action 3"), "{added}");

    let err = s.fails(2, &["plan", "set-status", &id, "1", "done"]);
    assert!(err.contains("agreed, dropped"), "{err}");
    s.ok(&["plan", "set-status", &id, "1", "agreed"]);
    s.ok(&["plan", "set-status", &id, "1", "in-progress"]);
    s.ok(&["plan", "set-status", &id, "1", "done"]);
    let err = s.fails(2, &["plan", "set-status", &id, "1", "in-progress"]);
    assert!(err.contains("--reason"), "{err}");
    s.ok(&[
        "plan",
        "set-status",
        &id,
        "1",
        "in-progress",
        "--reason",
        "the query is not logged yet",
    ]);
    s.fails(2, &["plan", "set-status", &id, "2", "dropped"]);
    s.ok(&[
        "plan",
        "set-status",
        &id,
        "2",
        "dropped",
        "--reason",
        "merged into 1",
    ]);

    let shown = s.json(&["plan", "show", &id, "1", "--json"]);
    let statuses: Vec<&str> = shown["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["field"] == "status")
        .map(|c| c["new"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "agreed",
            "in-progress",
            "done",
            "in-progress (reason: the query is not logged yet)"
        ]
    );
    let dropped = s.json(&["plan", "list", &id, "--status", "dropped", "--json"]);
    assert_eq!(dropped["actions"][0]["status_reason"], "merged into 1");
    assert_eq!(dropped["actions"].as_array().unwrap().len(), 1);

    // Filters by agency, and the text view in Spanish.
    s.ok(&["plan", "edit", &id, "3", "--agency", "SUNAT"]);
    let sunat = s.json(&["plan", "list", &id, "--agency", "sunat", "--json"]);
    assert_eq!(sunat["actions"].as_array().unwrap().len(), 1);
    let es = s.ok(&["--lang", "es", "plan", "list", &id]);
    assert!(es.contains("en curso") && es.contains("descartada"), "{es}");
}

#[test]
fn targets_per_pillar_say_which_actions_reach_them() {
    let s = Sandbox::new();
    let id = assessed(&s);
    s.ok(&["plan", "propose", &id]);
    let targets = s.json(&["plan", "target", &id, "--json"])["targets"].clone();
    let p2 = &targets[1];
    assert_eq!(p2["target"], 3);
    assert_eq!(p2["level"], 2, "the critical gate at 1 holds pillar 2 at 2");
    // The gate item alone would give (3×3 + 3×2 + 3×3) / 9 < 3: the weighty
    // item at 2 is needed too.
    assert_eq!(p2["needed_actions"], serde_json::json!([1, 2]), "{p2}");
    assert_eq!(p2["gap"], 1);
    // Lowering pillar 2's target to 2 removes its need; raising it to 4
    // proposes the item at 3 as well.
    s.ok(&["plan", "target", &id, "--pillar", "2", "--level", "2"]);
    let targets = s.json(&["plan", "target", &id, "--json"])["targets"].clone();
    assert_eq!(targets[1]["needed_actions"], serde_json::json!([]));
    s.ok(&["plan", "target", &id, "--pillar", "2", "--level", "4"]);
    let proposed = s.json(&["plan", "propose", &id, "--json"]);
    assert_eq!(proposed["added"].as_array().unwrap().len(), 1, "{proposed}");
    let list = actions(&s, &id);
    assert!(by_cite(&list, "p2.checks.minimum-check").is_some());
    s.fails(2, &["plan", "target", &id, "--pillar", "5", "--level", "3"]);
    let exported = s.json(&["export", &id]);
    assert_eq!(
        exported["assessment"]["targets"],
        serde_json::json!([3, 4, 3, 3])
    );
}

#[test]
fn a_follow_up_reviews_the_previous_plan_with_its_statuses() {
    let s = Sandbox::new();
    let old = assessed(&s);
    s.ok(&["plan", "propose", &old]);
    s.ok(&["plan", "set-status", &old, "1", "agreed"]);
    s.ok(&[
        "plan",
        "set-status",
        &old,
        "2",
        "dropped",
        "--reason",
        "no budget",
    ]);
    s.ok(&["assess", "finalise", &old, "--reason", "pilot"]);
    // Actions stay editable after the assessment is final: they are followed up.
    s.ok(&["plan", "set-status", &old, "1", "in-progress"]);

    let new = s
        .ok(&["assess", "new", "--post", "PE-DES", "--kind", "follow-up"])
        .trim()
        .to_string();
    let review = s.json(&["plan", "followup", &new, "--json"]);
    assert_eq!(review["previous_assessment"], old.as_str());
    let listed = review["actions"].as_array().unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["status"], "in-progress");
    assert_eq!(listed[1]["status"], "dropped");
    assert_eq!(
        review["summary"]["actions"], 1,
        "dropped actions are not counted"
    );
    assert_eq!(review["summary"]["reviewed"], 0);

    s.ok(&[
        "plan",
        "followup",
        &new,
        "1",
        "--outcome",
        "partly",
        "--note",
        "logged at 2 of 4 booths",
    ]);
    let review = s.json(&["plan", "followup", &new, "--json"]);
    assert_eq!(review["actions"][0]["outcome"], "partly");
    assert_eq!(review["actions"][0]["note"], "logged at 2 of 4 booths");
    assert_eq!(review["summary"]["reviewed"], 1);
    assert_eq!(review["summary"]["closure_rate"], 0.0);
    let text = s.ok(&["--lang", "pt", "plan", "followup", &new]);
    assert!(text.contains("concluída em parte"), "{text}");
    s.fails(2, &["plan", "followup", &new, "9", "--outcome", "done"]);
    s.fails(2, &["plan", "followup", &new, "1", "--outcome", "finished"]);
    // The export carries the follow-up.
    let exported = s.json(&["export", &new]);
    assert_eq!(exported["plan"]["followup"]["summary"]["partly"], 1);
    // The first assessment of a post has nothing to follow up.
    s.fails(2, &["plan", "followup", &old, "1", "--outcome", "done"]);
}

#[test]
fn finalising_waits_for_the_review_flags_and_reviewers_are_not_evaluators() {
    let s = Sandbox::new();
    let id = assessed(&s);
    let err = s.fails(
        2,
        &[
            "--as",
            "Beatriz",
            "review",
            "flag",
            &id,
            "p2.checks.database-query",
            "--comment",
            "x",
        ],
    );
    assert!(err.contains("submitted"), "{err}");
    s.ok(&["assess", "submit", &id]);
    let err = s.fails(
        2,
        &[
            "--as",
            "ana",
            "review",
            "flag",
            &id,
            "p2.checks.database-query",
            "--comment",
            "x",
        ],
    );
    assert!(err.contains("evaluator"), "{err}");
    s.ok(&[
        "--as",
        "Beatriz",
        "review",
        "flag",
        &id,
        "p2.checks.database-query",
        "--comment",
        "Level 1 but the note says every booth queries SLTD?",
    ]);
    s.ok(&[
        "--as",
        "Beatriz",
        "review",
        "flag",
        &id,
        "p2.checks.minimum-check",
        "--comment",
        "Which evidence?",
    ]);
    s.fails(
        2,
        &[
            "--as",
            "Beatriz",
            "review",
            "flag",
            &id,
            "p9.none",
            "--comment",
            "x",
        ],
    );
    let err = s.fails(2, &["assess", "finalise", &id, "--reason", "pilot"]);
    assert!(
        err.contains("#1 p2.checks.database-query") && err.contains("#2 p2.checks.minimum-check"),
        "{err}"
    );
    // The evaluator answers one flag and changes the other item.
    s.ok(&[
        "--as",
        "Ana",
        "review",
        "resolve",
        &id,
        "1",
        "--reply",
        "Only one booth; level stays",
    ]);
    s.fails(2, &["review", "resolve", &id, "1", "--reply", "again"]);
    let err = s.fails(2, &["assess", "finalise", &id, "--reason", "pilot"]);
    assert!(!err.contains("#1") && err.contains("#2"), "{err}");
    s.ok(&["answer", &id, "p2.checks.minimum-check", "2"]);
    let flags = s.json(&["review", "list", &id, "--json"])["review_flags"].clone();
    assert_eq!(flags[0]["resolution"], "Only one booth; level stays");
    assert_eq!(flags[0]["resolved_by"], "Ana");
    assert_eq!(flags[1]["resolved_by_change"], true);
    assert_eq!(
        s.json(&["review", "list", &id, "--open", "--json"])["review_flags"],
        serde_json::json!([])
    );
    s.ok(&["assess", "finalise", &id, "--reason", "pilot"]);
    let log = s.json(&["log", &id, "--json"]);
    let review_rows = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["entity"] == "review")
        .count();
    assert_eq!(review_rows, 4, "two flags raised, two resolved: {log}");
    // The export carries the flags.
    let exported = s.json(&["export", &id]);
    assert_eq!(
        exported["plan"]["review_flags"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn the_plan_exports_as_csv_and_json_files() {
    let s = Sandbox::new();
    let id = assessed(&s);
    s.ok(&["plan", "propose", &id]);
    s.ok(&[
        "plan",
        "edit",
        &id,
        "1",
        "--title",
        "=HYPERLINK(\"http://x\")",
        "--agency",
        "Migraciones, PE",
    ]);
    let csv_path = s.dir.path().join("plan.csv");
    s.ok(&[
        "plan",
        "list",
        &id,
        "--format",
        "csv",
        "-o",
        csv_path.to_str().unwrap(),
    ]);
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("number,priority,status,title,agency,due")
    );
    let first = lines.next().unwrap();
    assert!(
        first.starts_with(
            "1,critical,proposed,\"'=HYPERLINK(\"\"http://x\"\")\",\"Migraciones, PE\","
        ),
        "{first}"
    );
    assert_eq!(csv.lines().count(), 3);
    let json_path = s.dir.path().join("plan.json");
    s.ok(&[
        "plan",
        "list",
        &id,
        "--format",
        "json",
        "-o",
        json_path.to_str().unwrap(),
    ]);
    let value: Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(value["actions"].as_array().unwrap().len(), 2);
    s.fails(2, &["plan", "list", &id, "-o", json_path.to_str().unwrap()]);
}
