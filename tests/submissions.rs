//! `import-submissions`: CSV files shaped as KoboToolbox and ODK Central
//! export them (their documented columns), an XLSX, bad rows, a submission
//! imported twice, and --partial.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::cli::{Sandbox, add_desaguadero};

pub struct Setup {
    pub s: Sandbox,
    pub id: String,
    version: String,
    /// Three items that apply at Desaguadero, and one that does not.
    items: [String; 3],
    foreign: String,
}

pub fn setup() -> Setup {
    let s = Sandbox::new();
    add_desaguadero(&s);
    let id = s.new_assessment("PE-DES");
    let export = s.json(&["export", &id]);
    let hash = export["pack"]["hash"].as_str().unwrap();
    let version = format!(
        "{}+{}",
        export["pack"]["version"].as_str().unwrap(),
        &hash[..12]
    );
    let here: Vec<Value> = s
        .json(&["items", "--post", "PE-DES", "--json"])
        .as_array()
        .unwrap()
        .clone();
    let ids: Vec<String> = here
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    let all = s.json(&["items", "--json"]);
    let foreign = all
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .find(|i| !ids.contains(i))
        .expect("an item that does not apply to a land post");
    Setup {
        s,
        id,
        version,
        items: [ids[1].clone(), ids[2].clone(), ids[3].clone()],
        foreign,
    }
}

/// `p1/p1.strategy/ITEM` (Kobo) or `p1-p1.strategy-ITEM` (ODK).
fn path(item: &str, sep: &str) -> String {
    let mut parts = item.split('.');
    let pillar = parts.next().unwrap();
    let section = format!("{pillar}.{}", parts.next().unwrap());
    format!("{pillar}{sep}{section}{sep}{item}")
}

impl Setup {
    /// A Kobo export: `;`, a UTF-8 BOM, group paths, Kobo's own columns.
    pub fn kobo(&self, rows: &[[&str; 6]]) -> String {
        let [a, b, c] = &self.items;
        let mut text = format!(
            "\u{feff}start;end;post_kind;post_cargo;post_shared;{};{};{}__reason;{};{}__note;frontera_version;_id;_uuid;_submission_time;_validation_status;_notes;_status;_submitted_by;__version__;_tags;_index\n",
            path(a, "/"),
            path(b, "/"),
            path(b, "/"),
            path(c, "/"),
            path(c, "/"),
        );
        for (n, [level_a, level_b, reason_b, level_c, note_c, uuid]) in rows.iter().enumerate() {
            text.push_str(&format!(
                "2026-11-20T09:00:00.000-05:00;2026-11-20T11:00:00.000-05:00;land;yes;yes;{level_a};{level_b};{reason_b};{level_c};\"{note_c}\";{};{};{uuid};2026-11-20T16:0{n}:11;;;submitted_via_web;ana.quispe;vGqkPjVFnRXkmDq3Y6;;{}\n",
                self.version,
                n + 100,
                n + 1
            ));
        }
        text
    }

    /// An ODK Central export: `,`, group paths with `-`, Central's columns.
    pub fn odk(&self, rows: &[[&str; 6]]) -> String {
        let [a, b, c] = &self.items;
        let mut text = format!(
            "SubmissionDate,post_kind,post_cargo,post_shared,{},{},{}__reason,{},{}__note,frontera_version,meta-instanceID,KEY,SubmitterID,SubmitterName,AttachmentsPresent,AttachmentsExpected,Status,ReviewState,DeviceID,Edits,FormVersion\n",
            path(a, "-"),
            path(b, "-"),
            path(b, "-"),
            path(c, "-"),
            path(c, "-"),
        );
        for [level_a, level_b, reason_b, level_c, note_c, uuid] in rows {
            text.push_str(&format!(
                "2026-11-21T14:03:11.512Z,land,yes,yes,{level_a},{level_b},{reason_b},{level_c},\"{note_c}\",{v},uuid:{uuid},uuid:{uuid},7,Joana Silva,0,0,,,collect:abc,0,{v}\n",
                v = self.version
            ));
        }
        text
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let p = self.s.dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    fn import(&self, file: &Path, extra: &[&str]) -> std::process::Output {
        let mut args = vec!["import-submissions", &self.id, file.to_str().unwrap()];
        args.extend(extra);
        self.s.run(&args)
    }

    fn item<'a>(&self, export: &'a Value, id: &str) -> &'a Value {
        export["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
    }
}

#[test]
fn a_kobo_csv_is_recorded_with_its_submitter_and_uuid_and_only_once() {
    let t = setup();
    let csv = t.kobo(&[
        [
            "3",
            "na",
            "No cargo lane at this gate",
            "",
            "",
            "1b1c7e1a-0000-4000-8000-000000000001",
        ],
        [
            "",
            "",
            "",
            "2",
            "Seen; \"\"roster\"\" checked",
            "1b1c7e1a-0000-4000-8000-000000000002",
        ],
    ]);
    let file = t.file("kobo.csv", &csv);
    let out = t.import(&file, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Recorded 2 submission(s)"));
    let export = t.s.json(&["export", &t.id]);
    let [a, b, c] = &t.items;
    assert_eq!(t.item(&export, a)["level"], 3);
    assert_eq!(t.item(&export, a)["updated_by"], "ana.quispe");
    assert_eq!(t.item(&export, b)["response"], "na");
    assert_eq!(
        t.item(&export, b)["na_reason"],
        "No cargo lane at this gate"
    );
    assert_eq!(t.item(&export, c)["level"], 2);
    assert_eq!(t.item(&export, c)["note"], "Seen; \"roster\" checked");
    let log = export["change_log"].as_array().unwrap();
    let imports: Vec<&Value> = log.iter().filter(|c| c["entity"] == "submission").collect();
    assert_eq!(imports.len(), 2);
    assert_eq!(
        imports[0]["entity_id"],
        "1b1c7e1a-0000-4000-8000-000000000001"
    );
    assert_eq!(imports[0]["actor"], "tester", "the importer is logged");
    let new = imports[0]["new"].as_str().unwrap();
    assert!(
        new.contains("2026-11-20T16:00:11") && new.contains("ana.quispe"),
        "{new}"
    );
    assert!(
        log.iter()
            .any(|c| c["entity"] == "answer" && c["actor"] == "ana.quispe")
    );
    // The same file again changes nothing.
    let again = t.import(&file, &[]);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("Recorded 0 submission(s)"));
    assert!(String::from_utf8_lossy(&again.stdout).contains("2 already recorded"));
    let after = t.s.json(&["export", &t.id]);
    assert_eq!(after["items"], export["items"]);
    assert_eq!(after["change_log"], export["change_log"]);
}

#[test]
fn an_odk_central_csv_is_recorded() {
    let t = setup();
    let csv = t.odk(&[[
        "4",
        "1",
        "",
        "na",
        "",
        "2c9d0000-0000-4000-8000-00000000000a",
    ]]);
    // N/A without its reason: refused, naming row and column.
    let file = t.file("odk.csv", &csv);
    let out = t.import(&file, &["--format", "odk"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let c = &t.items[2];
    assert!(
        err.contains(&format!(
            "row 2, column {}: {c} is N/A without a reason",
            path(c, "-")
        )),
        "{err}"
    );
    let csv = t.odk(&[[
        "4",
        "1",
        "",
        "0",
        "ok",
        "2c9d0000-0000-4000-8000-00000000000a",
    ]]);
    let file = t.file("odk.csv", &csv);
    let out = t.import(&file, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let export = t.s.json(&["export", &t.id]);
    let [a, b, c] = &t.items;
    assert_eq!(t.item(&export, a)["level"], 4);
    assert_eq!(t.item(&export, b)["level"], 1);
    assert_eq!(t.item(&export, c)["level"], 0);
    assert_eq!(t.item(&export, c)["updated_by"], "Joana Silva");
    let log = export["change_log"].as_array().unwrap();
    assert!(log.iter().any(|c| c["entity"] == "submission"
        && c["entity_id"] == "2c9d0000-0000-4000-8000-00000000000a"
        && c["new"].as_str().unwrap().starts_with("odk form")));
}

#[test]
fn bad_rows_are_reported_one_per_line_and_nothing_is_written_unless_partial() {
    let t = setup();
    let good = "3c000000-0000-4000-8000-000000000001";
    let mut csv = t.kobo(&[
        ["2", "", "", "", "", good],
        ["7", "", "", "", "", "3c000000-0000-4000-8000-000000000002"],
        ["1", "", "", "", "", ""],
    ]);
    // A row of another form version.
    csv.push_str(
        &t.kobo(&[["1", "", "", "", "", "3c000000-0000-4000-8000-000000000004"]])
            .lines()
            .nth(1)
            .unwrap()
            .replace(&t.version, "1.0.0+000000000000"),
    );
    csv.push('\n');
    let file = t.file("bad.csv", &csv);
    let before = t.s.json(&["export", &t.id]);
    let out = t.import(&file, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let a = path(&t.items[0], "/");
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines.contains(&format!("row 3, column {a}: '7' is not a level (0 to 4, or na)").as_str()),
        "{err}"
    );
    assert!(
        lines.contains(&"row 4, column _uuid: the submission has no uuid"),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l
                .starts_with("row 5, column frontera_version: form version '1.0.0+000000000000'")),
        "{err}"
    );
    assert!(
        err.contains("3 error(s)") && err.contains("nothing was recorded"),
        "{err}"
    );
    let after = t.s.json(&["export", &t.id]);
    assert_eq!(after["items"], before["items"]);
    assert_eq!(after["change_log"], before["change_log"]);
    // --partial records the valid row only.
    let out = t.import(&file, &["--partial"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Recorded 1 submission(s)"));
    let after = t.s.json(&["export", &t.id]);
    assert_eq!(t.item(&after, &t.items[0])["level"], 2);
}

#[test]
fn unknown_columns_and_items_that_do_not_apply_are_refused() {
    let t = setup();
    let csv = t.kobo(&[["2", "", "", "", "", "4d000000-0000-4000-8000-000000000001"]]);
    let mut lines: Vec<String> = csv.lines().map(str::to_string).collect();
    lines[0].push_str(&format!(";p9/p9.x/p9.x.nothing;{}", path(&t.foreign, "/")));
    lines[1].push_str(";3;3");
    let file = t.file("unknown.csv", &(lines.join("\n") + "\n"));
    let out = t.import(&file, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("row 1, column p9/p9.x/p9.x.nothing: not a field of frontera's form"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "row 2, column {}: item {} does not apply to post PE-DES",
            path(&t.foreign, "/"),
            t.foreign
        )),
        "{err}"
    );
}

#[test]
fn an_xlsx_export_is_read_with_numbers_as_levels() {
    let t = setup();
    let csv = t.kobo(&[["3", "", "", "", "", "5e000000-0000-4000-8000-000000000001"]]);
    let grid: Vec<Vec<String>> = csv
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split(';').map(str::to_string).collect())
        .collect();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in grid.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            // Kobo's XLSX holds numbers as numbers.
            match cell.parse::<f64>() {
                Ok(n) => sheet.write_number(r, c, n).unwrap(),
                Err(_) => sheet.write_string(r, c, cell).unwrap(),
            };
        }
    }
    let file = t.s.dir.path().join("kobo.xlsx");
    book.save(&file).unwrap();
    let out = t.import(&file, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let export = t.s.json(&["export", &t.id]);
    assert_eq!(t.item(&export, &t.items[0])["level"], 3);
}

#[test]
fn a_missing_or_binary_file_is_one_clear_error() {
    let t = setup();
    let missing = t.s.dir.path().join("nope.csv");
    let out = t.import(&missing, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot read") && err.contains("nope.csv"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let binary = t.file("bin.csv", "a,b\n\u{0}\u{1}");
    let out = t.import(&binary, &[]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
