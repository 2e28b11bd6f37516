//! Editing a post's register entry and an assessment's team from the command
//! line: what changes, what is refused while a final assessment rests on it.

use super::cli::Sandbox;

#[test]
fn a_post_is_edited_in_place_and_its_scored_profile_is_kept_while_final() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    // Aguas Blancas has only a draft: everything may change.
    s.ok(&[
        "post",
        "edit",
        "DEMO-AR-AGB",
        "--lanes",
        "3",
        "--agency",
        "DNM",
        "--agency",
        "AFIP",
    ]);
    let post = s.json(&["post", "show", "DEMO-AR-AGB", "--json"]);
    assert_eq!(post["lanes"], 3, "{post}");
    assert_eq!(post["agencies"], serde_json::json!(["DNM", "AFIP"]));
    // Desaguadero has final assessments: its name may change, its lanes not.
    let before = s.json(&["post", "show", "DEMO-PE-DES", "--json"]);
    let err = s.fails(
        2,
        &["post", "edit", "DEMO-PE-DES", "--lanes", "9", "--name", "X"],
    );
    assert!(
        err.contains("final assessment") && err.contains("lanes"),
        "{err}"
    );
    assert_eq!(
        s.json(&["post", "show", "DEMO-PE-DES", "--json"]),
        before,
        "nothing changed"
    );
    s.ok(&[
        "post",
        "edit",
        "DEMO-PE-DES",
        "--name",
        "Desaguadero (CEBAF Perú–Bolivia)",
    ]);
    let after = s.json(&["post", "show", "DEMO-PE-DES", "--json"]);
    assert_eq!(after["name"], "Desaguadero (CEBAF Perú–Bolivia)");
    for field in [
        "lanes",
        "cargo_lanes",
        "booths",
        "shifts",
        "kind",
        "cargo",
        "model",
    ] {
        assert_eq!(after[field], before[field], "{field}");
    }
    // The same checks as `post add`.
    let err = s.fails(2, &["post", "edit", "DEMO-AR-AGB", "--shifts", "0"]);
    assert!(err.contains("shift"), "{err}");
    s.fails(2, &["post", "edit", "NO-SUCH", "--name", "x"]);
}

#[test]
fn the_team_is_replaced_with_the_method_and_logged() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let id = "74516aacb39a";
    s.ok(&[
        "assess",
        "method",
        id,
        "--evaluator",
        "Ana Quispe",
        "--evaluator",
        "Luis Mora",
    ]);
    let shown = s.json(&["assess", "show", id, "--json"]);
    assert_eq!(
        shown["evaluators"],
        serde_json::json!(["Ana Quispe", "Luis Mora"])
    );
    let log = s.ok(&["log", id]);
    assert!(log.contains("Ana Quispe, Luis Mora"), "{log}");
    // A final assessment's team is part of what was finalised.
    s.fails(
        2,
        &["assess", "method", "ec7fd7e81359", "--evaluator", "Eve"],
    );
}
