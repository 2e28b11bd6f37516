//! Fuzz target (issue 16 convention): `bundle import` fed random bytes and
//! mutations of a valid bundle (bytes flipped, inserted, deleted, the file
//! truncated) returns Ok or a clear error, never panics, and leaves the
//! receiving database as it was. Cases: FRONTERA_FUZZ_CASES (default 256, a few seconds in a debug build).

use std::path::{Path, PathBuf};

use frontera::store::Store;
use proptest::prelude::*;

use crate::cli::{Sandbox, add_desaguadero};

/// A valid bundle of one small assessment, and a database that has already
/// imported it (so an import that passes every check changes nothing).
fn sample() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let s = Sandbox::new();
    let config = s.dir.path().join("config");
    let run = |args: &[&str]| {
        let out = s
            .cmd()
            .env("FRONTERA_CONFIG_DIR", &config)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    add_desaguadero(&s);
    let id = run(&["assess", "new", "--post", "PE-DES"])
        .trim()
        .to_string();
    run(&["key", "init"]);
    run(&[
        "answer",
        &id,
        "p2.checks.minimum-check",
        "2",
        "--note",
        "seen",
    ]);
    run(&["equipment", &id, "light-source", "--present", "1"]);
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("sample.frontera");
    run(&["bundle", "export", &id, "-o", bundle.to_str().unwrap()]);
    let target = dir.path().join("hq.db");
    let mut store = Store::open(&target, "hq").unwrap();
    store.import_bundle(&bundle, true).unwrap();
    (dir, bundle, target)
}

/// Row counts and highest row ids of every table: any write shows.
fn snapshot(db: &Path) -> Vec<(String, i64, i64)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'meta' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables
        .into_iter()
        .map(|t| {
            let (n, max): (i64, i64) = conn
                .query_row(
                    &format!("SELECT count(*), coalesce(max(rowid), 0) FROM \"{t}\""),
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap_or((-1, -1));
            (t, n, max)
        })
        .collect()
}

#[derive(Debug, Clone)]
enum Mutation {
    Random(Vec<u8>),
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..4096).prop_map(Mutation::Random),
        (any::<usize>(), 1..=255u8).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(valid: &[u8], m: &Mutation) -> Vec<u8> {
    let mut bytes = valid.to_vec();
    let len = bytes.len().max(1);
    match m {
        Mutation::Random(r) => return r.clone(),
        Mutation::Flip(i, b) => bytes[i % len] ^= b,
        Mutation::Insert(i, b) => bytes.insert(i % len, *b),
        Mutation::Delete(i) => {
            bytes.remove(i % len);
        }
        Mutation::Truncate(n) => bytes.truncate(n % len),
    }
    bytes
}

fn cases() -> u32 {
    std::env::var("FRONTERA_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

#[test]
fn bundle_import_survives_random_and_mutated_files() {
    let (dir, bundle, target) = sample();
    let valid = std::fs::read(&bundle).unwrap();
    let before = snapshot(&target);
    let input = dir.path().join("input.frontera");
    let config = ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    proptest!(config, |(m in mutation())| {
        std::fs::write(&input, apply(&valid, &m)).unwrap();
        let mut store = Store::open(&target, "hq").unwrap();
        match store.import_bundle(&input, true) {
            Ok(summary) => prop_assert!(summary.is_noop(), "{m:?} imported something: {summary:?}"),
            Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
        }
        drop(store);
        prop_assert_eq!(snapshot(&target), before.clone(), "{:?} changed the database", m);
    });
}

/// A file that is not SQLite at all is named as not a bundle.
#[test]
fn a_text_file_is_not_a_bundle() {
    let (dir, _, target) = sample();
    let input = dir.path().join("notes.frontera");
    std::fs::write(&input, "hello").unwrap();
    let mut store = Store::open(&target, "hq").unwrap();
    let e = store.import_bundle(&input, true).unwrap_err();
    assert!(e.to_string().contains("not a frontera bundle"), "{e}");
}
