//! Fuzz target: opening a database file. Copies of a demo database, mutated
//! anywhere or in its first pages (header and schema), and files of random
//! bytes are opened: the open gives a clear error and leaves the file as it
//! was, or it opens and every read gives rows or a clear error, never a panic.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use frontera::store::Store;
use proptest::prelude::*;

use crate::fuzz_support::{Input, bytes_of, config, input};

/// A demo database's bytes, made once per test run by the real binary.
fn sample() -> &'static [u8] {
    static SAMPLE: OnceLock<Vec<u8>> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::tui::demo_db(dir.path());
        std::fs::read(db).unwrap()
    })
}

fn side_files(path: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|s| {
            let mut name = path.as_os_str().to_os_string();
            name.push(s);
            PathBuf::from(name)
        })
        .filter(|p| p.exists())
        .collect()
}

/// Reads everything a report would; any error is fine, a panic is not.
fn read_all(store: &Store) {
    let _ = store.posts();
    let _ = store.deep_check();
    if let Ok(list) = store.assessments(None) {
        for a in list.iter().take(3) {
            let _ = store.assessment(&a.id);
            let _ = store.answers(&a.id);
            let _ = store.equipment(&a.id);
            let _ = store.change_log(&a.id);
            let _ = store.actions(&a.id);
            let _ = store.previous_final(&a.id);
        }
    }
}

/// Opens `bytes` as a database file; an error must name the file and leave it
/// byte for byte as it was, with no side file left behind.
fn open_checked(bytes: &[u8]) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fuzzed.db");
    std::fs::write(&path, bytes).unwrap();
    match Store::open_existing(&path, "fuzz") {
        Ok(store) => {
            read_all(&store);
            Ok(())
        }
        Err(e) => {
            let message = e.to_string();
            if !message.contains("fuzzed.db") {
                return Err(format!("the error names no file: {message}"));
            }
            if std::fs::read(&path).unwrap() != bytes {
                return Err(format!("a refused file was changed ({message})"));
            }
            let litter = side_files(&path);
            if !litter.is_empty() {
                return Err(format!("a refused file left {litter:?} ({message})"));
            }
            Ok(())
        }
    }
}

/// Mutations confined to the first `pages` pages of the sample, where the
/// header and the schema live.
fn mutated_head(input: &Input, pages: usize) -> Vec<u8> {
    let sample = sample();
    let head = (4096 * pages).min(sample.len());
    let mut bytes = bytes_of(input, &sample[..head]);
    if matches!(input, Input::Mutated(_)) {
        bytes.extend_from_slice(&sample[head..]);
    }
    bytes
}

#[test]
fn the_demo_sample_opens_and_reads() {
    assert!(sample().starts_with(b"SQLite format 3\0"));
    assert_eq!(open_checked(sample()), Ok(()));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fuzzed.db");
    std::fs::write(&path, sample()).unwrap();
    let store = Store::open_existing(&path, "fuzz").unwrap();
    assert!(store.posts().unwrap().len() >= 4);
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn a_database_mutated_in_its_header_or_schema_opens_or_is_refused_untouched(input in input(8192)) {
        let bytes = mutated_head(&input, 2);
        let outcome = open_checked(&bytes);
        prop_assert!(outcome.is_ok(), "{:?}", outcome);
    }

    #[test]
    fn a_database_mutated_anywhere_opens_or_is_refused_untouched(input in input(8192)) {
        let bytes = bytes_of(&input, sample());
        let outcome = open_checked(&bytes);
        prop_assert!(outcome.is_ok(), "{:?}", outcome);
    }
}
