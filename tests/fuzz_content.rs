//! Fuzz target: the content-pack loader. One file of the shipped pack is
//! replaced by random bytes or a mutation of itself; loading it in process
//! and `frontera content check DIR` must give the pack or clear diagnostics,
//! never a panic, and leave the database alone.

use std::path::Path;

use frontera::content::{self, PackSource};
use proptest::prelude::*;
use proptest::sample::Index;

use crate::cli::Sandbox;
use crate::fuzz_support::{bytes_of, config, input};

/// The shipped pack written out as a folder.
fn write_pack(dir: &Path) -> Vec<(String, String)> {
    let files: Vec<(String, String)> = PackSource::embedded().files.into_iter().collect();
    for (rel, text) in &files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    files
}

/// Loads the folder in process and checks the report is whole: a pack, or
/// errors that each name a file, a line and a message.
fn load_checked(dir: &Path) -> Result<bool, String> {
    let source = match PackSource::from_dir(dir) {
        Ok(source) => source,
        Err(e) => {
            let message = e.to_string();
            return if message.is_empty() {
                Err("an empty error".into())
            } else {
                Ok(false)
            };
        }
    };
    let report = content::load(&source);
    let errors: Vec<_> = report.errors().collect();
    if report.pack.is_some() != errors.is_empty() {
        return Err(format!(
            "pack {} with {} errors",
            report.pack.is_some(),
            errors.len()
        ));
    }
    for d in &report.diagnostics {
        if d.file.is_empty() || d.message.trim().is_empty() || d.line == 0 {
            return Err(format!("an unclear diagnostic: {d:?}"));
        }
    }
    Ok(report.pack.is_some())
}

/// Writes `bytes` as the pack's file `which`, runs `check`, puts the file back.
fn with_file<T>(
    dir: &Path,
    files: &[(String, String)],
    which: &Index,
    bytes: &[u8],
    check: impl FnOnce() -> T,
) -> T {
    let (rel, text) = &files[which.index(files.len())];
    let path = dir.join(rel);
    std::fs::write(&path, bytes).unwrap();
    let out = check();
    std::fs::write(&path, text).unwrap();
    out
}

#[test]
fn the_shipped_pack_written_out_loads_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    write_pack(dir.path());
    assert_eq!(load_checked(dir.path()), Ok(true));
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn a_mutated_pack_file_loads_or_is_reported_in_process(which in any::<Index>(), input in input(512)) {
        let dir = tempfile::tempdir().unwrap();
        let files = write_pack(dir.path());
        let sample = files[which.index(files.len())].1.clone();
        let bytes = bytes_of(&input, sample.as_bytes());
        let outcome = with_file(dir.path(), &files, &which, &bytes, || load_checked(dir.path()));
        prop_assert!(outcome.is_ok(), "{:?}", outcome);
    }
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn content_check_of_a_mutated_pack_exits_0_or_2_and_leaves_the_database(which in any::<Index>(), input in input(512)) {
        let s = Sandbox::new();
        drop(frontera::store::Store::open(&s.db(), "fuzz").unwrap());
        let before = std::fs::read(s.db()).unwrap();
        let pack = s.dir.path().join("pack");
        let files = write_pack(&pack);
        let sample = files[which.index(files.len())].1.clone();
        let bytes = bytes_of(&input, sample.as_bytes());
        let out = with_file(&pack, &files, &which, &bytes, || {
            s.run(&["content", "check", pack.to_str().unwrap()])
        });
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert!(matches!(out.status.code(), Some(0 | 2)), "{:?}: {}", out.status, stderr);
        prop_assert!(!stderr.contains("panicked"), "{}", stderr);
        if out.status.code() == Some(2) {
            let said = format!("{}{stderr}", String::from_utf8_lossy(&out.stdout));
            prop_assert!(said.contains("pack"), "the error names no file: {}", said);
        }
        prop_assert_eq!(std::fs::read(s.db()).unwrap(), before);
    }
}
