//! Integration tests: the scripting CLI end to end, through the real binary.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// A temporary database and a way to run `frontera` against it.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Default for Sandbox {
    fn default() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox::default()
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("frontera.db")
    }

    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("frontera").expect("the binary is built");
        cmd.env("FRONTERA_DB", self.db())
            .env("FRONTERA_USER", "tester")
            .env_remove("FRONTERA_CONTENT")
            .env("LANG", "C");
        cmd
    }

    /// The same, as a plain process (to redirect its streams or run several).
    pub fn process(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_frontera"));
        cmd.env("FRONTERA_DB", self.db())
            .env("FRONTERA_USER", "tester")
            .env_remove("FRONTERA_CONTENT")
            .env("LANG", "C");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("frontera runs")
    }

    /// Runs and expects success; returns standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    /// Starts an assessment of `post` and returns its id.
    pub fn new_assessment(&self, post: &str) -> String {
        self.ok(&["assess", "new", "--post", post])
            .trim()
            .to_string()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("valid JSON")
    }

    /// Runs and expects exit status `code`; returns standard error.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    }
}

/// Desaguadero (PE, land, cargo, single-head) with SUNAT and Migraciones.
pub fn add_desaguadero(s: &Sandbox) {
    s.ok(&[
        "post",
        "add",
        "--code",
        "PE-DES",
        "--name",
        "Desaguadero",
        "--country",
        "PE",
        "--neighbour",
        "BO",
        "--kind",
        "land",
        "--cargo",
        "--model",
        "single-head",
        "--lanes",
        "4",
        "--cargo-lanes",
        "2",
        "--agency",
        "SUNAT",
        "--agency",
        "Migraciones",
    ]);
}

#[test]
fn a_post_an_assessment_answers_and_scores_from_the_command_line() {
    let s = Sandbox::new();
    add_desaguadero(&s);
    let post = s.json(&["post", "show", "PE-DES", "--json"]);
    assert_eq!(post["booths"], 4, "booths default to one per lane");
    assert_eq!(post["agencies"][1], "Migraciones");

    let id = s
        .ok(&["assess", "new", "--post", "pe-des", "--evaluator", "Ana"])
        .trim()
        .to_string();
    assert_eq!(id.len(), 12, "the id alone on stdout: {id:?}");
    let short = &id[..5];
    s.ok(&[
        "answer",
        short,
        "p2.checks.database-query",
        "3",
        "--note",
        "All booths query SLTD.",
    ]);
    s.ok(&["answer", short, "p2.checks.thorough-check-entry", "1"]);
    s.ok(&[
        "answer",
        short,
        "p1.strategy.national-ibm-strategy",
        "na",
        "--reason",
        "Strategy is regional.",
    ]);

    let score = s.json(&["score", short, "--json"]);
    assert_eq!(score["assessment"], id.as_str());
    let p2 = &score["pillars"][1];
    // Both answered pillar-2 items weigh 3: (3×3 + 3×1) ÷ 6 = 2.0; critical item at 1 → gate 2.
    assert_eq!(p2["score"].as_f64(), Some(2.0));
    assert_eq!(p2["level"], 2);
    assert_eq!(p2["provisional"], true);
    // Pillar 1 has only an N/A: no score (null, not 0) and no level.
    assert!(score["pillars"][0]["score"].is_null());
    assert!(score["pillars"][2]["level"].is_null());

    let log = s.json(&["log", short, "--json"]);
    let fields: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["created", "response", "note", "response", "response"]
    );
    assert!(
        log.as_array()
            .unwrap()
            .iter()
            .all(|c| c["actor"] == "tester")
    );
}

#[test]
fn the_life_cycle_locks_a_final_assessment_until_reopened() {
    let s = Sandbox::new();
    add_desaguadero(&s);
    let id = s.new_assessment("PE-DES");
    s.ok(&["assess", "submit", &id]);
    // Nothing is answered: finalising needs a reason, which is logged.
    let err = s.fails(2, &["assess", "finalise", &id]);
    assert!(
        err.contains("0 % complete") && err.contains("--reason"),
        "{err}"
    );
    s.ok(&[
        "assess",
        "finalise",
        &id,
        "--reason",
        "Pilot visit cut short",
    ]);
    let err = s.fails(2, &["answer", &id, "p2.checks.database-query", "4"]);
    assert!(
        err.contains("is final") && err.contains("frontera assess reopen"),
        "{err}"
    );
    s.fails(2, &["assess", "reopen", &id, "--reason", "  "]);
    s.ok(&["assess", "reopen", &id, "--reason", "Typo in a note"]);
    s.ok(&["answer", &id, "p2.checks.database-query", "4"]);
    let shown = s.json(&["assess", "show", &id, "--json"]);
    assert_eq!(shown["status"], "draft");
    let log = s.ok(&["log", &id]);
    assert!(log.contains("draft (reason: Typo in a note)"), "{log}");
    assert!(
        log.contains("final (reason: Pilot visit cut short)"),
        "{log}"
    );
}

#[test]
fn unknown_names_are_clear_errors_with_status_2() {
    let s = Sandbox::new();
    add_desaguadero(&s);
    let id = s.new_assessment("PE-DES");
    assert!(
        s.fails(2, &["assess", "new", "--post", "XX-NOPE"])
            .contains("no post with code 'XX-NOPE'")
    );
    assert!(
        s.fails(2, &["score", "ffffffff"])
            .contains("no assessment with id 'ffffffff'")
    );
    assert!(
        s.fails(2, &["answer", &id, "p9.nothing", "2"])
            .contains("no item 'p9.nothing'")
    );
    assert!(
        s.fails(2, &["answer", &id, "p2.checks.database-query", "5"])
            .contains("not an answer")
    );
    assert!(
        s.fails(2, &["answer", &id, "p2.checks.database-query", "na"])
            .contains("needs a reason")
    );
    assert!(
        s.fails(2, &["equipment", &id, "flux-capacitor", "--present", "1"])
            .contains("no equipment type 'flux-capacitor'")
    );
    assert!(
        s.fails(
            2,
            &[
                "post",
                "add",
                "--code",
                "X",
                "--name",
                "n",
                "--country",
                "PE",
                "--neighbour",
                "BO",
                "--kind",
                "land"
            ]
        )
        .contains("post code")
    );
    assert!(
        s.fails(
            2,
            &[
                "post",
                "add",
                "--code",
                "PE-DES",
                "--name",
                "n",
                "--country",
                "PE",
                "--neighbour",
                "BO",
                "--kind",
                "land"
            ]
        )
        .contains("already exists")
    );
    assert!(
        s.fails(
            2,
            &[
                "post",
                "add",
                "--code",
                "AB-CD",
                "--name",
                "n",
                "--country",
                "PER",
                "--neighbour",
                "BO",
                "--kind",
                "land"
            ]
        )
        .contains("country code")
    );
    // clap's own usage errors are status 2 too.
    s.fails(2, &["answer"]);
}

#[test]
fn items_that_do_not_apply_to_the_post_are_refused() {
    let s = Sandbox::new();
    s.ok(&[
        "post",
        "add",
        "--code",
        "PE-LIM",
        "--name",
        "Lima airport",
        "--country",
        "PE",
        "--neighbour",
        "CL",
        "--kind",
        "air",
    ]);
    let id = s.new_assessment("PE-LIM");
    let err = s.fails(
        2,
        &["answer", &id, "p2.interagency.vehicle-cargo-selection", "2"],
    );
    assert!(err.contains("does not apply to PE-LIM"), "{err}");
}

#[test]
fn equipment_rows_default_to_the_catalogue_and_flag_problems() {
    let s = Sandbox::new();
    add_desaguadero(&s);
    let id = s.new_assessment("PE-DES");
    s.ok(&[
        "equipment",
        &id,
        "uv-lamp",
        "--present",
        "3",
        "--functional",
        "2",
        "--in-use",
        "0",
        "--maintained",
        "3",
    ]);
    s.ok(&[
        "equipment",
        &id,
        "Drone with thermal camera",
        "--uncatalogued",
        "--present",
        "1",
        "--functional",
        "1",
    ]);
    let score = s.json(&["score", &id, "--json"]);
    let types = score["equipment"]["types"].as_array().unwrap();
    let uv = types
        .iter()
        .find(|t| t["type"] == "uv-lamp")
        .expect("the UV lamp row");
    let flags: Vec<&str> = uv["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(
        flags.contains(&"broken") && flags.contains(&"idle"),
        "{flags:?}"
    );
    assert!(
        uv["required"].as_u64().unwrap() >= 1,
        "required comes from the catalogue"
    );
    assert!(
        types
            .iter()
            .any(|t| t["type"] == "other:Drone with thermal camera")
    );
    s.ok(&["equipment", &id, "uv-lamp", "--required", "7"]);
    let export = s.json(&["export", &id, "--format", "json"]);
    let row = export["equipment"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["type"] == "uv-lamp")
        .unwrap()
        .clone();
    assert_eq!(
        (
            row["required"].as_u64(),
            row["required_is_default"].as_bool()
        ),
        (Some(7), Some(false))
    );
    s.fails(2, &["equipment", &id, "uv-lamp", "--required", "lots"]);
}

#[test]
fn export_writes_a_whole_file_atomically_and_reports_unwritable_paths() {
    let s = Sandbox::new();
    add_desaguadero(&s);
    let id = s.new_assessment("PE-DES");
    let out = s.dir.path().join("export.json");
    s.ok(&[
        "export",
        &id,
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc["format"], "frontera-assessment");
    assert!(doc["items"].as_array().unwrap().len() > 80);
    let missing = s.dir.path().join("no/such/folder/x.json");
    let err = s.fails(1, &["export", &id, "-o", missing.to_str().unwrap()]);
    assert!(err.contains("cannot write"), "{err}");
    let leftovers: Vec<_> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        leftovers
            .iter()
            .all(|n| !n.to_string_lossy().ends_with(".tmp")),
        "{leftovers:?}"
    );
}

#[test]
fn demo_is_idempotent_and_has_every_state() {
    let s = Sandbox::new();
    let first = s.json(&["demo", "--json"]);
    assert_eq!(
        (
            first["posts_added"].as_u64(),
            first["assessments_added"].as_u64()
        ),
        (Some(4), Some(6))
    );
    let second = s.json(&["demo", "--json"]);
    assert_eq!(
        (
            second["posts_added"].as_u64(),
            second["assessments_added"].as_u64()
        ),
        (Some(0), Some(0))
    );
    let all = s.json(&["assess", "list", "--json"]);
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 6);
    for status in ["draft", "submitted", "final"] {
        assert!(
            all.iter().any(|a| a["status"] == status),
            "no {status} demo assessment"
        );
    }
    // Demo posts have codes of their own: they never mix with a real PE-DES.
    let des: Vec<_> = all.iter().filter(|a| a["post"] == "DEMO-PE-DES").collect();
    assert!(
        des.iter()
            .any(|a| a["kind"] == "baseline" && a["status"] == "final")
    );
    assert!(des.iter().any(|a| a["kind"] == "follow-up"));
}

/// Scores recomputed from an export: pillar scores, pillar levels, overall
/// score and level, EUI.
type Recomputed = (
    Vec<Option<f64>>,
    Vec<Option<u64>>,
    (Option<f64>, Option<u64>),
    Option<f64>,
);

/// Recomputes the brief's formulas from an export, independently of the engine.
fn recompute(export: &Value) -> Recomputed {
    let params = &export["scoring_parameters"];
    let alpha = params["pillar4_equipment_share"].as_f64().unwrap();
    let w = &params["equipment_weights"];
    let weights = [
        "coverage",
        "availability",
        "use",
        "readiness",
        "maintenance",
    ]
    .map(|k| w[k].as_f64().unwrap());
    let ratio = |n: &Value, d: &Value| match (n.as_f64(), d.as_f64()) {
        (Some(n), Some(d)) if d > 0.0 => Some(n / d),
        _ => None,
    };
    let needs_units = params["readiness_needs_units"].as_bool().unwrap();
    let (mut sum, mut total) = (0.0, 0.0);
    for row in export["equipment"].as_array().unwrap() {
        let none_present = row["present"].as_u64() == Some(0);
        let mut idx = [
            ratio(&row["functional"], &row["required"]).map(|v| v.min(1.0)),
            ratio(&row["functional"], &row["present"]),
            ratio(&row["in_use"], &row["functional"]),
            ratio(&row["trained"], &row["needed"]).map(|v| v.min(1.0)),
            ratio(&row["maintained"], &row["present"]),
        ];
        if needs_units && none_present {
            idx[3] = None;
        }
        let (s, t) = idx
            .iter()
            .zip(weights)
            .filter_map(|(v, w)| v.map(|v| (v * w, w)))
            .fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
        if t > 0.0 {
            let c = row["criticality"].as_f64().unwrap();
            sum += s / t * c;
            total += c;
        }
    }
    let eui = (total > 0.0).then(|| sum / total);
    let mut scores = Vec::new();
    let mut levels = Vec::new();
    for pillar in 1..=4u64 {
        let items: Vec<&Value> = export["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["pillar"] == pillar)
            .collect();
        let answered: Vec<&&Value> = items.iter().filter(|i| i["response"] == "level").collect();
        let wsum: f64 = answered.iter().map(|i| i["weight"].as_f64().unwrap()).sum();
        let checklist = (wsum > 0.0).then(|| {
            answered
                .iter()
                .map(|i| i["weight"].as_f64().unwrap() * i["level"].as_f64().unwrap())
                .sum::<f64>()
                / wsum
        });
        let score = if pillar == 4 {
            match (checklist, eui) {
                (Some(c), Some(e)) => Some((1.0 - alpha) * c + alpha * 4.0 * e),
                (Some(c), None) => Some(c),
                (None, Some(e)) => Some(4.0 * e),
                (None, None) => None,
            }
        } else {
            checklist
        };
        let gate = answered
            .iter()
            .filter(|i| i["critical"] == true)
            .map(|i| i["level"].as_u64().unwrap() + 1)
            .min();
        levels.push(score.map(|s| {
            let by_score = (s + 1e-9).floor() as u64;
            gate.map_or(by_score, |g| by_score.min(g))
        }));
        scores.push(score);
    }
    // The overall score: the pillar scores weighted by the pack's pillar
    // weights (1 each when it sets none).
    let pillar_weight = |p: usize| params["pillar_weights"][p].as_f64().unwrap_or(1.0);
    let (num, den) = scores
        .iter()
        .enumerate()
        .filter_map(|(p, s)| s.map(|s| (s * pillar_weight(p), pillar_weight(p))))
        .fold((0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1));
    let overall = (den > 0.0).then(|| num / den);
    // A serious deficiency (a critical item at the pack's level or below)
    // caps the overall level at that item's level + 1.
    let cap = params["serious_deficiency_at_or_below"]
        .as_u64()
        .and_then(|limit| {
            export["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| i["critical"] == true && i["response"] == "level")
                .map(|i| i["level"].as_u64().unwrap())
                .filter(|l| *l <= limit)
                .min()
        })
        .map(|l| l + 1);
    let level = overall.map(|o| {
        let by_score = (o + 1e-9).floor() as u64;
        cap.map_or(by_score, |c| by_score.min(c))
    });
    (scores, levels, (overall, level), eui)
}

#[test]
fn demo_scores_are_reproduced_from_the_export_by_an_independent_computation() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let all = s.json(&["assess", "list", "--json"]);
    for a in all.as_array().unwrap() {
        let id = a["id"].as_str().unwrap();
        let score = s.json(&["score", id, "--json"]);
        let export = s.json(&["export", id, "--format", "json"]);
        assert_eq!(export["scores"], score, "the export embeds the same scores");
        let (scores, levels, overall, eui) = recompute(&export);
        let close = |a: Option<f64>, b: &Value| match (a, b.as_f64()) {
            (None, None) => true,
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            _ => false,
        };
        for (i, p) in score["pillars"].as_array().unwrap().iter().enumerate() {
            assert!(
                close(scores[i], &p["score"]),
                "{id} pillar {}: {:?} vs {}",
                i + 1,
                scores[i],
                p["score"]
            );
            assert_eq!(
                levels[i],
                p["level"].as_u64(),
                "{id} pillar {} level",
                i + 1
            );
        }
        assert!(close(overall.0, &score["overall"]["score"]), "{id} overall");
        assert_eq!(
            overall.1,
            score["overall"]["level"].as_u64(),
            "{id} overall level"
        );
        assert!(close(eui, &score["equipment"]["eui"]), "{id} eui");
    }
}

fn write_pack(dir: &Path) {
    for (rel, text) in frontera::content::PackSource::embedded().files {
        let path = dir.join(&rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

#[test]
fn broken_content_packs_exit_2_naming_file_line_and_column() {
    let s = Sandbox::new();
    let cases: [(&str, &str, &str, &str); 5] = [
        (
            "syntax error",
            "checklists/scoring.toml",
            "idle_below = 0.5",
            "idle_below = = 0.5",
        ),
        (
            "unknown key",
            "checklists/scoring.toml",
            "idle_below = 0.5",
            "idle_below = 0.5\nidle_bellow = 0.4",
        ),
        (
            "duplicate id",
            "procedures/minimum-check.toml",
            "id = \"minimum-check\"",
            "id = \"refusal-of-entry\"",
        ),
        (
            "dangling reference",
            "checklists/pillar-2-procedures.toml",
            "\"database-query-and-hits\"",
            "\"database-query-and-hit\"",
        ),
        (
            "out-of-range weight",
            "checklists/pillar-1-legal.toml",
            "weight = 3",
            "weight = 7",
        ),
    ];
    for (what, file, from, to) in cases {
        let dir = s.dir.path().join(what.replace(' ', "-"));
        write_pack(&dir);
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{what}: fixture text not found");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        let err = s.fails(2, &["content", "check", dir.to_str().unwrap()]);
        let shown = format!("{}/", dir.display());
        let line = err
            .lines()
            .find(|l| l.starts_with(&shown))
            .unwrap_or_else(|| panic!("{what}: {err}"));
        let rest = line[shown.len()..].splitn(4, ':').collect::<Vec<_>>();
        assert!(
            rest.len() == 4 && rest[1].parse::<u32>().is_ok() && rest[2].parse::<u32>().is_ok(),
            "{what}: {line}"
        );
        assert!(!err.contains("panicked"), "{what}: {err}");
        // The same pack, used to create an assessment, is refused with status 2 too.
        let out = s
            .cmd()
            .args([
                "--content",
                dir.to_str().unwrap(),
                "assess",
                "new",
                "--post",
                "X1",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{what}");
    }
    let json = s
        .cmd()
        .args(["content", "check", "--json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["ok"], true);
    s.fails(
        2,
        &[
            "content",
            "check",
            s.dir.path().join("absent").to_str().unwrap(),
        ],
    );
}

#[test]
fn unsafe_database_files_are_refused_with_status_1_and_left_unchanged() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let good = std::fs::read(s.db()).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "random",
            (0..10_000u32).map(|i| (i * 31 % 253) as u8).collect(),
        ),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("text", b"not a database at all\n".to_vec()),
    ];
    for (what, bytes) in cases {
        let path = s.dir.path().join(format!("{what}.db"));
        std::fs::write(&path, &bytes).unwrap();
        let out = s
            .cmd()
            .env("FRONTERA_DB", &path)
            .args(["post", "list"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{what}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("left untouched") && !err.contains("panicked"),
            "{what}: {err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{what} was modified");
    }
}

#[test]
fn without_a_terminal_frontera_prints_an_overview_and_how_to_start() {
    let s = Sandbox::new();
    let empty = s.ok(&[]);
    assert!(
        empty.contains("0 posts, 0 assessments") && empty.contains("frontera demo"),
        "{empty}"
    );
    s.ok(&["demo"]);
    let full = s.ok(&[]);
    assert!(
        full.contains("4 posts, 6 assessments") && full.contains("PE-DES"),
        "{full}"
    );
}

#[test]
fn opening_an_unknown_assessment_fails_before_touching_the_terminal() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let err = s.fails(2, &["open", "ffffffff"]);
    assert!(err.contains("no assessment with id 'ffffffff'"), "{err}");
}
