//! The defects of issue 8 that the command line can show, through the real
//! binary: each test failed before its fix.

use std::fs;
use std::path::Path;
use std::process::Stdio;

use serde_json::Value;

use crate::cli::Sandbox;

fn add_post(s: &Sandbox, code: &str, name: &str) {
    s.ok(&[
        "post",
        "add",
        "--code",
        code,
        "--name",
        name,
        "--country",
        "PE",
        "--neighbour",
        "BO",
        "--kind",
        "land",
        "--cargo",
        "--cargo-lanes",
        "1",
    ]);
}

/// A foreign SQLite file in `dir`, and its bytes.
fn foreign_file(dir: &Path) -> Vec<u8> {
    let conn = rusqlite::Connection::open(dir.join("other.db")).unwrap();
    conn.execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('keep');")
        .unwrap();
    drop(conn);
    fs::read(dir.join("other.db")).unwrap()
}

#[test]
fn an_sqlite_uri_is_a_plain_path_and_never_reaches_a_foreign_file() {
    let s = Sandbox::new();
    let before = foreign_file(s.dir.path());
    for spelling in ["file:other.db?mode=rw", "file:other.db", "./other.db"] {
        let out = s
            .cmd()
            .current_dir(s.dir.path())
            .env("FRONTERA_DB", spelling)
            .args(["post", "list"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if spelling.starts_with("file:") {
            // A file of that name, which does not exist: a plain path.
            assert!(stderr.contains("no database at"), "{spelling}: {stderr}");
        } else {
            assert!(stderr.contains("another program"), "{spelling}: {stderr}");
        }
        assert_eq!(fs::read(s.dir.path().join("other.db")).unwrap(), before);
    }
    // Writing through the URI spelling creates a file named just so.
    let out = s
        .cmd()
        .current_dir(s.dir.path())
        .env("FRONTERA_DB", "file:other.db?mode=rw")
        .args(["demo"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(s.dir.path().join("file:other.db?mode=rw").is_file());
    assert_eq!(fs::read(s.dir.path().join("other.db")).unwrap(), before);
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_standard_output_is_one_line_and_status_1() {
    let s = Sandbox::new();
    add_post(&s, "PE-KAS", "Kasani");
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = s
        .process()
        .args(["post", "list"])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("standard output"), "{stderr}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let mut child = s
        .process()
        .args(["export", "74516aacb39a"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before reading anything.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn control_characters_in_stored_text_reach_the_terminal_escaped() {
    let s = Sandbox::new();
    s.ok(&[
        "--as",
        "ev\u{1b}[31mil",
        "post",
        "add",
        "--code",
        "PE-KAS",
        "--name",
        "Kasani\u{1b}[2J\u{7}",
        "--country",
        "PE",
        "--neighbour",
        "BO",
        "--kind",
        "land",
        "--agency",
        "SUNAT\u{1b}]0;owned\u{7}",
    ]);
    let id = s.new_assessment("PE-KAS");
    s.ok(&[
        "--as",
        "ev\u{1b}[31mil",
        "answer",
        &id,
        "p2.checks.database-query",
        "2",
        "--note",
        "ok\u{1b}[1A\u{9b}",
    ]);
    for args in [
        vec!["post", "list"],
        vec!["post", "show", "PE-KAS"],
        vec!["log", id.as_str()],
        vec!["assess", "show", id.as_str()],
        vec!["score", id.as_str()],
    ] {
        let out = s.ok(&args);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{9b}'),
            "{args:?}: raw control characters in {out:?}"
        );
    }
    assert!(s.ok(&["post", "list"]).contains("Kasani\\u{1b}[2J\\u{7}"));
    assert!(
        s.ok(&["post", "show", "PE-KAS"])
            .contains("SUNAT\\u{1b}]0;owned\\u{7}")
    );
    let log = s.ok(&["log", &id]);
    assert!(
        log.contains("ev\\u{1b}[31mil") && log.contains("ok\\u{1b}[1A\\u{9b}"),
        "{log}"
    );
    // What was typed is stored as typed; JSON escapes it as JSON does.
    let json: Value = s.json(&["post", "show", "PE-KAS", "--json"]);
    assert_eq!(json["name"], "Kasani\u{1b}[2J\u{7}");
    assert!(
        s.ok(&["post", "show", "PE-KAS", "--json"])
            .contains("\\u001b[2J")
    );
}

#[cfg(unix)]
#[test]
fn devices_and_pipes_are_written_in_place_and_dash_is_standard_output() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let fifo = s.dir.path().join("pipe");
    let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path and an ordinary mode.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            fs::File::open(fifo)
                .unwrap()
                .read_to_end(&mut bytes)
                .unwrap();
            bytes
        })
    };
    s.ok(&["export", "74516aacb39a", "-o", fifo.to_str().unwrap()]);
    let exported: Value = serde_json::from_slice(&reader.join().unwrap()).unwrap();
    assert_eq!(exported["assessment"]["id"], "74516aacb39a");
    assert!(
        fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO was replaced"
    );
    let out = s
        .cmd()
        .args(["report", "74516aacb39a", "-o", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.starts_with(b"%PDF"),
        "the PDF did not go to standard output"
    );
    let json = s.ok(&["export", "74516aacb39a", "-o", "-"]);
    assert!(json.trim_start().starts_with('{'));
    // Nothing but the FIFO and the database was created.
    let mut names: Vec<String> = fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("frontera.db"))
        .collect();
    names.sort();
    assert_eq!(names, ["pipe"]);
}

#[test]
fn reading_commands_on_a_mistyped_path_say_so_and_create_nothing() {
    let s = Sandbox::new();
    for args in [
        vec!["post", "list"],
        vec!["score", "abcd"],
        vec!["assess", "list"],
    ] {
        let err = s.fails(2, &args);
        assert!(err.contains("no database at"), "{args:?}: {err}");
    }
    assert!(!s.db().exists(), "a database was created");
}

#[test]
fn contradictory_counts_are_refused_with_status_2_naming_them() {
    let s = Sandbox::new();
    add_post(&s, "PE-KAS", "Kasani");
    let id = s.new_assessment("PE-KAS");
    let err = s.fails(
        2,
        &[
            "equipment",
            &id,
            "uv-lamp",
            "--present",
            "2",
            "--functional",
            "5",
        ],
    );
    assert!(
        err.contains("functional (5) is more than present (2)"),
        "{err}"
    );
    let err = s.fails(
        2,
        &[
            "--lang",
            "es",
            "equipment",
            &id,
            "uv-lamp",
            "--present",
            "2",
            "--maintained",
            "40",
        ],
    );
    assert!(
        err.contains("con mantenimiento (40) es mayor que presentes (2)"),
        "{err}"
    );
    let export = s.json(&["export", &id]);
    assert!(
        export["equipment"].as_array().unwrap().is_empty(),
        "something was saved"
    );
}

#[test]
fn the_command_line_speaks_spanish_and_portuguese() {
    let s = Sandbox::new();
    add_post(&s, "PE-KAS", "Kasani");
    let id = s.new_assessment("PE-KAS");
    s.ok(&[
        "equipment",
        &id,
        "uv-lamp",
        "--present",
        "3",
        "--functional",
        "1",
    ]);
    let es = s
        .cmd()
        .env("LANG", "es_PE.UTF-8")
        .args(["score", &id])
        .output()
        .unwrap();
    let es = String::from_utf8(es.stdout).unwrap();
    assert!(es.contains("puntuación") && es.contains("borrador"), "{es}");
    assert!(es.contains("averiado") && !es.contains("broken"), "{es}");
    let show = s
        .cmd()
        .env("LANG", "pt_BR.UTF-8")
        .args(["post", "show", "PE-KAS"])
        .output()
        .unwrap();
    let show = String::from_utf8(show.stdout).unwrap();
    // One cargo lane, in the singular.
    assert!(
        show.contains("1 pista de carga,") && show.contains("turnos por dia"),
        "{show}"
    );
    let err = s
        .cmd()
        .env("LANG", "es_PE.UTF-8")
        .args([
            "post",
            "add",
            "--code",
            "PE-KAS",
            "--name",
            "x",
            "--country",
            "PE",
            "--neighbour",
            "BO",
            "--kind",
            "land",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8(err.stderr).unwrap();
    assert!(
        err.contains("ya existe un puesto con el código 'PE-KAS'"),
        "{err}"
    );
}

#[test]
fn demo_data_never_attaches_to_a_real_post() {
    let s = Sandbox::new();
    add_post(&s, "PE-DES", "Desaguadero (real)");
    s.ok(&["demo"]);
    let real = s.json(&["post", "show", "PE-DES", "--json"]);
    assert_eq!(real["name"], "Desaguadero (real)");
    assert!(real["assessments"].as_array().unwrap().is_empty(), "{real}");
    let demo = s.json(&["post", "show", "DEMO-PE-DES", "--json"]);
    assert_eq!(demo["assessments"].as_array().unwrap().len(), 2);
}

#[test]
fn several_processes_creating_one_database_at_once_all_succeed() {
    let s = Sandbox::new();
    let children: Vec<_> = (0..8)
        .map(|_| {
            s.process()
                .arg("demo")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(
        s.json(&["post", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(
        s.json(&["assess", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        6
    );
    // Each demo assessment was filled once: the logs hold one creation each.
    let log = s.json(&["log", "74516aacb39a", "--json"]);
    let created = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["field"] == "created")
        .count();
    assert_eq!(created, 1);
}

#[test]
fn a_damaged_page_in_the_middle_of_a_large_file_is_found_by_db_check() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    s.ok(&["db", "check"]);
    let len = fs::metadata(s.db()).unwrap().len();
    assert!(len > 1_000_000, "the demo database is {len} bytes");
    // Overwrite one page in the middle with noise.
    let page = 4096;
    let middle = (len / 2) / page * page;
    let mut bytes = fs::read(s.db()).unwrap();
    for (i, b) in bytes[middle as usize..(middle + page) as usize]
        .iter_mut()
        .enumerate()
    {
        *b = (i * 31 % 251) as u8;
    }
    fs::write(s.db(), &bytes).unwrap();
    // Opening stays constant-time and does not read that page…
    s.ok(&["post", "list"]);
    // …the full check does.
    let err = s.fails(1, &["db", "check"]);
    assert!(err.contains("is damaged"), "{err}");
    assert_eq!(
        fs::read(s.db()).unwrap(),
        bytes,
        "the check changed the file"
    );
}

#[test]
fn a_final_assessment_can_be_reopened_and_its_final_date_goes() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let final_baseline = "93c1dc9cdab8";
    let before = s.json(&["assess", "show", final_baseline, "--json"]);
    assert!(before["finalised_at"].is_string());
    s.ok(&[
        "assess",
        "reopen",
        final_baseline,
        "--reason",
        "Late evidence",
    ]);
    let after = s.json(&["assess", "show", final_baseline, "--json"]);
    assert_eq!(after["status"], "draft");
    assert!(after["finalised_at"].is_null(), "{after}");
}
