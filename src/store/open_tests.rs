//! Opening under adversity: locks held elsewhere, read-only files, damaged
//! schemas, a write-ahead log from another database, values outside the
//! rules. Each case is refused with its own error and the file left as it was.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::domain::assessment::{AssessmentId, AssessmentKind, Response};

fn post() -> crate::domain::post::Post {
    crate::domain::fixtures::land_post(true)
}

/// A database file with one post and one answered assessment.
fn database(dir: &Path, name: &str) -> (PathBuf, AssessmentId) {
    let path = dir.join(name);
    let mut store = Store::open(&path, "ana").unwrap();
    store.add_post(&post()).unwrap();
    let source = crate::content::PackSource::embedded();
    let pack = crate::content::load(&source).pack.unwrap();
    let id = store
        .create_assessment(
            &NewAssessment {
                post: post().code,
                kind: AssessmentKind::Baseline,
                evaluators: vec![],
                id: None,
                created_at: None,
                depth: crate::domain::assessment::Depth::Full,
            },
            &source,
            &pack,
        )
        .unwrap();
    store
        .set_response(
            &id,
            "p1.strategy.national-ibm-strategy",
            &Response::Level(2),
        )
        .unwrap();
    (path, id)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_lock_held_by_another_program_is_busy_not_damage() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = database(dir.path(), "held.db");
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder
        .execute_batch(
            "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;
             UPDATE posts SET name = name;",
        )
        .unwrap();
    let err = Store::open(&path, "bea").err().expect("refused while held");
    assert!(matches!(err, StoreError::Busy { .. }), "{err}");
    assert!(!err.to_string().contains("damaged"), "{err}");
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(Store::open(&path, "bea").unwrap().posts().unwrap().len(), 1);
}

/// Makes `path` unwritable even for root (who ignores permission bits).
struct ReadOnlyFile(PathBuf);

impl ReadOnlyFile {
    fn new(path: &Path) -> ReadOnlyFile {
        let mut perms = fs::metadata(path).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(path, perms).unwrap();
        if fs::OpenOptions::new().write(true).open(path).is_ok() {
            let status = std::process::Command::new("chattr")
                .arg("+i")
                .arg(path)
                .status()
                .expect("as root this test needs chattr to make a file read-only");
            assert!(status.success(), "chattr +i failed");
        }
        ReadOnlyFile(path.to_path_buf())
    }
}

impl Drop for ReadOnlyFile {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .status();
        if let Ok(meta) = fs::metadata(&self.0) {
            let mut perms = meta.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perms.set_readonly(false);
            let _ = fs::set_permissions(&self.0, perms);
        }
    }
}

#[test]
fn a_read_only_file_opens_for_reading_and_refuses_writes_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let (path, id) = database(dir.path(), "ro.db");
    let before = fs::read(&path).unwrap();
    let _guard = ReadOnlyFile::new(&path);
    let mut store = Store::open_existing(&path, "bea").unwrap();
    assert!(store.is_read_only());
    assert_eq!(store.answers(&id).unwrap().len(), 1);
    let err = store
        .set_response(
            &id,
            "p1.strategy.national-ibm-strategy",
            &Response::Level(4),
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains("read-only"), "{err}");
    drop(store);
    assert!(fs::read(&path).unwrap() == before, "the file was changed");
}

#[test]
fn a_dropped_column_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = database(dir.path(), "cut.db");
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.execute_batch("ALTER TABLE equipment DROP COLUMN note")
            .unwrap();
        raw.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = fs::read(&path).unwrap();
    let names = files_in(dir.path());
    let err = Store::open(&path, "bea").err().expect("refused");
    assert!(
        matches!(&err, StoreError::Corrupt { detail, .. } if detail.contains("equipment.note")),
        "{err}"
    );
    assert!(fs::read(&path).unwrap() == before, "the file was changed");
    assert_eq!(files_in(dir.path()), names, "side files were left");
}

/// Copies the non-empty -wal file of `path` while a connection keeps it.
fn wal_of(path: &Path, change: &str) -> Vec<u8> {
    let raw = rusqlite::Connection::open(path).unwrap();
    raw.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
    raw.execute_batch(change).unwrap();
    let mut wal = path.as_os_str().to_os_string();
    wal.push("-wal");
    let bytes = fs::read(PathBuf::from(wal)).unwrap();
    assert!(!bytes.is_empty());
    // Closing would checkpoint and delete the log: keep it as it is.
    std::mem::forget(raw);
    bytes
}

#[test]
fn a_write_ahead_log_from_another_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = database(dir.path(), "a.db");
    let (b, _) = database(dir.path(), "b.db");
    let foreign_log = wal_of(
        &a,
        "UPDATE meta SET writes = writes + 1; UPDATE posts SET name = 'from A';",
    );
    let before = fs::read(&b).unwrap();
    let b_wal = dir.path().join("b.db-wal");
    fs::write(&b_wal, &foreign_log).unwrap();
    let err = Store::open(&b, "bea").err().expect("refused");
    assert!(matches!(err, StoreError::WalMismatch { .. }), "{err}");
    assert!(fs::read(&b).unwrap() == before, "the database was changed");
    assert!(
        fs::read(&b_wal).unwrap() == foreign_log,
        "the log was changed"
    );
    // Its own log (after a crash) is welcome.
    fs::remove_file(&b_wal).unwrap();
    let _ = fs::remove_file(dir.path().join("b.db-shm"));
    let own = wal_of(
        &b,
        "UPDATE meta SET writes = writes + 1; UPDATE posts SET name = 'from B';",
    );
    assert!(!own.is_empty());
    let store = Store::open(&b, "bea").unwrap();
    assert_eq!(store.posts().unwrap()[0].name, "from B");
}

#[test]
fn a_stored_level_outside_the_scale_is_an_error_naming_the_item() {
    let dir = tempfile::tempdir().unwrap();
    let (path, id) = database(dir.path(), "nine.db");
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.execute_batch("PRAGMA ignore_check_constraints = ON; UPDATE answers SET level = 9;")
            .unwrap();
    }
    let store = Store::open(&path, "bea").unwrap();
    let err = store.answers(&id).unwrap_err();
    assert!(
        matches!(&err, StoreError::Damaged { detail } if detail.contains("p1.strategy.national-ibm-strategy") && detail.contains("level 9")),
        "{err}"
    );
    let report = store.deep_check().unwrap();
    assert!(!report.is_sound());
    assert!(
        report.bad_values.iter().any(|v| v.contains("level 9")),
        "{:?}",
        report.bad_values
    );
}

#[test]
fn another_programs_wal_mode_database_is_refused_without_litter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.execute_batch(
            "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);",
        )
        .unwrap();
    }
    let before = fs::read(&path).unwrap();
    assert_eq!(files_in(dir.path()), ["other.db"]);
    let err = Store::open(&path, "bea").err().expect("refused");
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    assert!(fs::read(&path).unwrap() == before, "the file was changed");
    assert_eq!(files_in(dir.path()), ["other.db"], "side files were left");
}

#[test]
fn reading_commands_never_create_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.db");
    let err = Store::open_existing(&path, "ana").err().expect("refused");
    assert!(matches!(err, StoreError::Missing { .. }), "{err}");
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn contradictory_equipment_counts_are_refused_but_an_old_row_can_be_mended() {
    let dir = tempfile::tempdir().unwrap();
    let (path, id) = database(dir.path(), "eq.db");
    let mut store = Store::open(&path, "ana").unwrap();
    let set = |present, functional, maintained| EquipmentUpdate {
        present: Some(Some(present)),
        functional: Some(Some(functional)),
        maintained: Some(Some(maintained)),
        ..EquipmentUpdate::default()
    };
    let err = store
        .update_equipment(&id, "uv-lamp", &set(2, 5, 40))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("functional (5) is more than present (2)"),
        "{err}"
    );
    assert!(
        store.equipment(&id).unwrap().is_empty(),
        "nothing was saved"
    );
    // A row stored before the rule (written behind the store's back)…
    store
        .conn
        .execute(
            "INSERT INTO equipment (assessment_id, type_id, present, functional, maintained, updated_at, updated_by)
             VALUES (?1, 'uv-lamp', 2, 5, 40, 'x', 'x')",
            [id.as_str()],
        )
        .unwrap();
    assert_eq!(store.deep_check().unwrap().count_problems.len(), 1);
    // …can be mended one count at a time.
    let fix = EquipmentUpdate {
        maintained: Some(Some(2)),
        ..EquipmentUpdate::default()
    };
    store.update_equipment(&id, "uv-lamp", &fix).unwrap();
    let fix = EquipmentUpdate {
        functional: Some(Some(2)),
        ..EquipmentUpdate::default()
    };
    store.update_equipment(&id, "uv-lamp", &fix).unwrap();
    assert!(store.deep_check().unwrap().count_problems.is_empty());
}

#[test]
fn a_note_changed_elsewhere_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (path, id) = database(dir.path(), "notes.db");
    let item = "p1.strategy.national-ibm-strategy";
    let mut mine = Store::open(&path, "ana").unwrap();
    let mut theirs = Store::open(&path, "bea").unwrap();
    mine.save_note(&id, item, "Seen the plan", "").unwrap();
    theirs.set_note(&id, item, "Plan dated 2024").unwrap();
    let err = mine
        .save_note(&id, item, "Seen the plan; signed", "Seen the plan")
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::NoteChanged { stored, by, .. } if stored == "Plan dated 2024" && by == "bea"),
        "{err}"
    );
    assert_eq!(mine.answers(&id).unwrap()[0].note, "Plan dated 2024");
}

#[test]
fn a_run_of_note_edits_is_one_change() {
    let dir = tempfile::tempdir().unwrap();
    let (path, id) = database(dir.path(), "run.db");
    let item = "p1.strategy.national-ibm-strategy";
    let mut store = Store::open(&path, "ana").unwrap();
    let mut text = String::new();
    for c in "Registro".chars() {
        let before = text.clone();
        text.push(c);
        store.save_note(&id, item, &text, &before).unwrap();
    }
    let notes: Vec<_> = store
        .change_log(&id)
        .unwrap()
        .into_iter()
        .filter(|c| c.field == "note")
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(
        (notes[0].old.as_deref(), notes[0].new.as_deref()),
        (Some(""), Some("Registro"))
    );
    let long = "x".repeat(crate::domain::assessment::NOTE_MAX_CHARS + 1);
    assert!(matches!(
        store.set_note(&id, item, &long),
        Err(StoreError::NoteTooLong { .. })
    ));
}
