//! `export --format xlsx|csv` and `report --programme --format xlsx`: the
//! workbook read back with calamine must hold the numbers `score --json`
//! prints, and the CSV must parse with Python's csv module to the same rows.

use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::cli::Sandbox;

fn first_draft(s: &Sandbox) -> String {
    let list = s.json(&["assess", "list", "--json"]);
    list.as_array()
        .unwrap()
        .iter()
        .find(|a| a["status"] == "draft")
        .map(|a| a["id"].as_str().unwrap().to_string())
        .expect("the demo has a draft")
}

fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).expect("a workbook calamine opens");
    let range = book.worksheet_range(name).expect("the sheet exists");
    range.rows().map(<[Data]>::to_vec).collect()
}

/// A cell as an optional number (empty cells are JSON null).
fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        Data::Empty => None,
        other => panic!("expected a number, found {other:?}"),
    }
}

fn close(cell: &Data, json: &Value, what: &str) {
    let want = json.as_f64();
    let got = number(cell);
    match (got, want) {
        (Some(g), Some(w)) => assert!((g - w).abs() < 1e-12, "{what}: {g} ≠ {w}"),
        (g, w) => assert_eq!(g, w, "{what}"),
    }
}

#[test]
fn the_workbook_holds_the_numbers_score_json_prints() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let id = first_draft(&s);
    let path = s.dir.path().join("a.xlsx");
    s.ok(&[
        "export",
        &id,
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ]);
    let score = s.json(&["score", &id, "--json"]);
    let summary = sheet(&path, "summary");
    assert_eq!(summary[0][0], Data::String("Pillar".into()));
    let pillars = score["pillars"].as_array().unwrap();
    assert_eq!(pillars.len(), 4);
    for (row, p) in summary[1..].iter().zip(pillars) {
        close(&row[0], &p["pillar"], "pillar");
        close(&row[1], &p["score"], "score");
        close(&row[2], &p["checklist_score"], "checklist score");
        close(&row[3], &p["level"], "level");
        close(&row[4], &p["completeness"], "completeness");
        assert_eq!(row[5], Data::Bool(p["provisional"].as_bool().unwrap()));
        close(&row[7], &p["applicable"], "applicable");
        close(&row[8], &p["answered"], "answered");
    }
    close(&summary[5][1], &score["overall"]["score"], "overall");
    close(&summary[5][3], &score["overall"]["level"], "overall level");
    close(&summary[6][1], &score["equipment"]["eui"], "EUI");
    // The equipment sheet carries the scoring's index of every type.
    let equipment = sheet(&path, "equipment");
    let types = score["equipment"]["types"].as_array().unwrap();
    assert!(!types.is_empty());
    for t in types {
        let row = equipment
            .iter()
            .find(|r| r[0] == Data::String(t["type"].as_str().unwrap().into()))
            .expect("every scored type has a row");
        close(&row[16], &t["index"], "index");
        close(&row[11], &t["coverage"], "coverage");
    }
    // One item row per applicable item, levels as numbers.
    let export = s.json(&["export", &id]);
    let items = sheet(&path, "items");
    assert_eq!(items.len() - 1, export["items"].as_array().unwrap().len());
    for (row, item) in items[1..].iter().zip(export["items"].as_array().unwrap()) {
        assert_eq!(row[3], Data::String(item["id"].as_str().unwrap().into()));
        close(&row[8], &item["level"], "item level");
    }
    let log = sheet(&path, "log");
    assert_eq!(
        log.len() - 1,
        export["change_log"].as_array().unwrap().len()
    );
}

#[test]
fn headers_follow_the_language_and_sheet_names_do_not() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let id = first_draft(&s);
    let path = s.dir.path().join("es.xlsx");
    s.ok(&[
        "--lang",
        "es",
        "export",
        &id,
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(
        sheet(&path, "summary")[0][1],
        Data::String("Puntuación".into())
    );
    assert_eq!(sheet(&path, "items")[0][4], Data::String("Pregunta".into()));
}

/// Python's csv module reads the CSV back; the rows are the export's items.
#[test]
fn the_csv_round_trips_through_python() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let id = first_draft(&s);
    let path = s.dir.path().join("items.csv");
    s.ok(&[
        "export",
        &id,
        "--format",
        "csv",
        "-o",
        path.to_str().unwrap(),
    ]);
    let out = Command::new("python3")
        .args([
            "-c",
            "import csv, json, sys\n\
             with open(sys.argv[1], newline='', encoding='utf-8') as f:\n\
             \x20   print(json.dumps(list(csv.reader(f))))",
            path.to_str().unwrap(),
        ])
        .output()
        .expect("python3 is installed (see README: test needs)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Vec<String>> = serde_json::from_slice(&out.stdout).unwrap();
    let export = s.json(&["export", &id]);
    let items = export["items"].as_array().unwrap();
    assert_eq!(rows[0][3], "Item");
    assert_eq!(rows.len() - 1, items.len());
    let mut notes = 0;
    for (row, item) in rows[1..].iter().zip(items) {
        assert_eq!(row[3], item["id"].as_str().unwrap());
        assert_eq!(row[7], item["response"].as_str().unwrap());
        let level = item["level"]
            .as_u64()
            .map(|l| l.to_string())
            .unwrap_or_default();
        assert_eq!(row[8], level);
        let note = item["note"].as_str().unwrap();
        // Notes with commas, quotes and line breaks come back whole.
        if !note.is_empty() {
            assert_eq!(row[10].trim_start_matches('\''), note);
            notes += 1;
        }
    }
    assert!(notes > 0, "the demo has notes to round-trip");
    // The other tables, by --table.
    let plan = s.ok(&["export", &id, "--format", "csv", "--table", "log"]);
    assert!(plan.starts_with("At,By,Entity,"));
}

#[test]
fn the_programme_workbook_has_a_row_per_assessment_with_its_scores() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let path = s.dir.path().join("programme.xlsx");
    s.ok(&[
        "report",
        "--programme",
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ]);
    let rows = sheet(&path, "programme");
    let list = s.json(&["assess", "list", "--json"]);
    assert_eq!(rows.len() - 1, list.as_array().unwrap().len());
    for row in &rows[1..] {
        let Data::String(id) = &row[3] else {
            panic!("an id in column D: {row:?}")
        };
        let score = s.json(&["score", id, "--json"]);
        for (n, p) in score["pillars"].as_array().unwrap().iter().enumerate() {
            close(&row[6 + 3 * n], &p["score"], "pillar score");
            close(&row[7 + 3 * n], &p["level"], "pillar level");
        }
        close(&row[18], &score["overall"]["score"], "overall");
        close(&row[20], &score["equipment"]["eui"], "EUI");
    }
    // One assessment's xlsx is `export`; report --format xlsx needs --programme.
    let err = s.fails(2, &["report", "x", "--format", "xlsx", "-o", "x.xlsx"]);
    assert!(err.contains("--programme"), "{err}");
}

#[test]
fn an_unwritable_xlsx_path_is_one_clear_error() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let id = first_draft(&s);
    let path = s.dir.path().join("missing-folder").join("a.xlsx");
    let err = s.fails(
        1,
        &[
            "export",
            &id,
            "--format",
            "xlsx",
            "-o",
            path.to_str().unwrap(),
        ],
    );
    assert!(err.contains("a.xlsx"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}
