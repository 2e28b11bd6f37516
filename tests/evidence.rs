//! Evidence files through the binary: attach with EXIF, list, the export's
//! manifest, extract byte for byte with hashes checked, and the limits
//! (size, type, unknown targets, a final assessment) leaving the database as it was.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::cli::{Sandbox, add_desaguadero};

const ITEM: &str = "p1.strategy.national-ibm-strategy";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/evidence")
        .join(name)
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn setup() -> (Sandbox, String) {
    let s = Sandbox::new();
    add_desaguadero(&s);
    let id = s.new_assessment("PE-DES");
    (s, id)
}

#[test]
fn a_photo_is_attached_with_its_exif_time_and_place_and_listed() {
    let (s, id) = setup();
    let photo = fixture("scanner.jpg");
    let out = s.ok(&[
        "evidence",
        "add",
        &id,
        arg(&photo),
        "--item",
        ITEM,
        "--caption",
        "Broken scanner",
    ]);
    assert!(out.contains("Added scanner.jpg to p1.strategy"), "{out}");
    let list = s.json(&["evidence", "list", &id, "--json"]);
    let e = &list[0];
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(e["target"]["kind"], "item");
    assert_eq!(e["target"]["id"], ITEM);
    assert_eq!(e["caption"], "Broken scanner");
    assert_eq!(e["media_type"], "image/jpeg");
    assert_eq!(e["taken_at"], "2026-03-14T10:22:05");
    let lat = e["latitude"].as_f64().unwrap();
    let lon = e["longitude"].as_f64().unwrap();
    assert!(
        (lat + 16.5667).abs() < 1e-4 && (lon + 69.0333).abs() < 1e-4,
        "{lat} {lon}"
    );
    let bytes = std::fs::read(&photo).unwrap();
    assert_eq!(e["sha256"], hex(&bytes));
    assert_eq!(e["size"], bytes.len());
    assert_eq!(e["added_by"], "tester");
    assert!(e["removed"].is_null());
    let text = s.ok(&["evidence", "list", &id]);
    assert!(text.contains("-16.56670, -69.03330"), "{text}");
    assert!(text.contains("2026-03-14T10:22:05"), "{text}");
    // Logged like any other change.
    let log = s.ok(&["log", &id]);
    assert!(
        log.contains("evidence") && log.contains("scanner.jpg sha256:"),
        "{log}"
    );
}

#[test]
fn the_export_lists_the_manifest_and_removal_keeps_the_entry() {
    let (s, id) = setup();
    s.ok(&[
        "evidence",
        "add",
        &id,
        arg(&fixture("sop.png")),
        "--equipment",
        "document-reader",
    ]);
    s.ok(&["evidence", "add", &id, arg(&fixture("plain.jpg"))]);
    let list = s.json(&["evidence", "list", &id, "--json"]);
    let photo = list[1]["id"].as_str().unwrap().to_string();
    assert!(
        list[1]["taken_at"].is_null(),
        "a photo without EXIF is fine"
    );
    let err = s.fails(2, &["evidence", "remove", &id, &photo, "--reason", " "]);
    assert!(err.contains("--reason"), "{err}");
    s.ok(&["evidence", "remove", &id, &photo, "--reason", "wrong post"]);
    let doc = s.json(&["export", &id]);
    let manifest = doc["evidence"].as_array().unwrap();
    assert_eq!(manifest.len(), 2, "the removed entry stays");
    assert_eq!(manifest[0]["target"]["kind"], "equipment");
    assert_eq!(manifest[0]["target"]["id"], "document-reader");
    assert_eq!(manifest[0]["media_type"], "image/png");
    assert_eq!(manifest[1]["removed"]["reason"], "wrong post");
    assert_eq!(manifest[1]["removed"]["by"], "tester");
    let schema: serde_json::Value = s.json(&["export", "--schema"]);
    let v = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn extract_writes_every_file_byte_for_byte_and_never_overwrites_another() {
    let (s, id) = setup();
    let names = ["scanner.jpg", "plain.jpg", "sop.png"];
    let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    let mut args = vec!["evidence", "add", &id];
    args.extend(paths.iter().map(|p| arg(p)));
    s.ok(&args);
    let out_dir = s.dir.path().join("out");
    let out = s.ok(&["evidence", "extract", &id, arg(&out_dir)]);
    assert!(out.contains("3 files written"), "{out}");
    let list = s.json(&["evidence", "list", &id, "--json"]);
    for (e, path) in list.as_array().unwrap().iter().zip(&paths) {
        let name = format!(
            "{}-{}",
            e["id"].as_str().unwrap(),
            e["file_name"].as_str().unwrap()
        );
        let written = std::fs::read(out_dir.join(&name)).unwrap();
        assert_eq!(written, std::fs::read(path).unwrap(), "{name}");
        assert_eq!(hex(&written), e["sha256"].as_str().unwrap());
    }
    // Again: identical files are left alone.
    let again = s.ok(&["evidence", "extract", &id, arg(&out_dir)]);
    assert!(
        again.contains("0 files written") && again.contains("3 already"),
        "{again}"
    );
    // A different file under the same name is refused and kept.
    let first = format!(
        "{}-{}",
        list[0]["id"].as_str().unwrap(),
        list[0]["file_name"].as_str().unwrap()
    );
    std::fs::write(out_dir.join(&first), b"mine").unwrap();
    let err = s.fails(1, &["evidence", "extract", &id, arg(&out_dir)]);
    assert!(err.contains("not overwritten"), "{err}");
    assert_eq!(std::fs::read(out_dir.join(&first)).unwrap(), b"mine");
}

/// The database file's bytes, to show a refusal changed nothing.
fn snapshot(s: &Sandbox) -> Vec<u8> {
    // Checkpointed by the last command's close, so the main file is complete.
    std::fs::read(s.db()).unwrap()
}

#[test]
fn limits_refuse_with_a_clear_message_and_store_nothing() {
    let (s, id) = setup();
    let dir = s.dir.path();
    let big = dir.join("video.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(25 * 1024 * 1024 + 1).unwrap();
    let gif = dir.join("photo.jpg");
    std::fs::write(&gif, b"GIF89a\x01\x00\x01\x00").unwrap();
    let good = fixture("sop.png");
    let before = snapshot(&s);
    let err = s.fails(2, &["evidence", "add", &id, arg(&good), arg(&big)]);
    assert!(
        err.contains("at most 25.0 MB") && err.contains("video.txt"),
        "{err}"
    );
    let err = s.fails(2, &["evidence", "add", &id, arg(&gif)]);
    assert!(
        err.contains("GIF image") && err.contains("not a supported"),
        "{err}"
    );
    let err = s.fails(1, &["evidence", "add", &id, arg(&dir.join("missing.pdf"))]);
    assert!(err.contains("missing.pdf"), "{err}");
    let err = s.fails(
        2,
        &[
            "evidence",
            "add",
            &id,
            arg(&good),
            "--item",
            "p1.strategy.national-ibm-strategi",
        ],
    );
    assert!(
        err.contains("did you mean p1.strategy.national-ibm-strategy"),
        "{err}"
    );
    let err = s.fails(
        2,
        &[
            "evidence",
            "add",
            &id,
            arg(&good),
            "--equipment",
            "documnt-reader",
        ],
    );
    assert!(err.contains("did you mean document-reader"), "{err}");
    let err = s.fails(2, &["--lang", "es", "evidence", "add", &id, arg(&gif)]);
    assert!(err.contains("no se admite"), "{err}");
    assert_eq!(snapshot(&s), before, "a refused add changed the database");
    assert_eq!(
        s.json(&["evidence", "list", &id, "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn a_final_assessment_refuses_new_evidence() {
    let (s, id) = setup();
    s.ok(&["assess", "finalise", &id, "--reason", "visit cut short"]);
    let err = s.fails(2, &["evidence", "add", &id, arg(&fixture("sop.png"))]);
    assert!(err.contains("is final") && err.contains("reopen"), "{err}");
    assert_eq!(
        s.json(&["evidence", "list", &id, "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn the_report_has_an_evidence_annex_with_hash_time_and_place() {
    let (s, id) = setup();
    let photo = fixture("scanner.jpg");
    s.ok(&[
        "evidence",
        "add",
        &id,
        arg(&photo),
        "--item",
        ITEM,
        "--caption",
        "Escáner roto",
    ]);
    let pdf = s.dir.path().join("report.pdf");
    s.ok(&["--lang", "es", "report", &id, "-o", arg(&pdf)]);
    let text = crate::report::pdf_text(&pdf);
    let short = &hex(&std::fs::read(&photo).unwrap())[..12];
    assert!(text.contains("Archivos de evidencia"), "no annex");
    for expected in ["Escáner roto", short, "2026-03-14", "-16.56670"] {
        assert!(text.contains(expected), "'{expected}' is not in the report");
    }
}
