//! Fuzz target (team convention, issue 16): the submissions import fed random
//! bytes and mutations of valid Kobo and ODK CSV files and of a valid XLSX
//! returns Ok or a clear Err, never panics, and an Err leaves the database
//! as it was. Cases: FRONTERA_FUZZ_CASES (default 2000: about 7 s in a debug
//! build on the shared 2-core machine; 5000 took 17 s).

use frontera::domain::assessment::AssessmentId;
use frontera::interop::import::{ImportError, import};
use frontera::store::Store;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::submissions::setup;

fn cases() -> u32 {
    std::env::var("FRONTERA_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

/// The grid of a CSV sample as an XLSX workbook, numbers as numbers.
fn xlsx(csv: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in csv.trim_start_matches('\u{feff}').lines().enumerate() {
        for (c, cell) in line.split(';').enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(n) => sheet.write_number(r, c, n).unwrap(),
                Err(_) => sheet.write_string(r, c, cell).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

#[derive(Debug, Clone)]
enum Edit {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Flip(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len().max(1);
        match *e {
            Edit::Flip(i, b) if !bytes.is_empty() => bytes[i % len] ^= b,
            Edit::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
            Edit::Delete(i) if !bytes.is_empty() => {
                bytes.remove(i % len);
            }
            Edit::Truncate(i) => bytes.truncate(i % len),
            _ => {}
        }
    }
    bytes
}

/// What an import may change: the answers and the change log.
fn state(store: &Store, id: &AssessmentId) -> (String, String) {
    (
        format!("{:?}", store.answers(id).unwrap()),
        format!("{:?}", store.change_log(id).unwrap()),
    )
}

#[test]
fn import_never_panics_and_an_error_writes_nothing() {
    let t = setup();
    let uuid = "6f000000-0000-4000-8000-000000000001";
    let kobo = t.kobo(&[["3", "na", "no lane", "1", "a; \"\"b\"\"", uuid]]);
    let odk = t.odk(&[[
        "2",
        "",
        "",
        "na",
        "",
        "6f000000-0000-4000-8000-000000000002",
    ]]);
    let samples = [kobo.clone().into_bytes(), odk.into_bytes(), xlsx(&kobo)];
    // The runner's closure is Fn: the store and the tallies sit in cells.
    let store = std::cell::RefCell::new(Store::open_existing(&t.s.db(), "fuzz").unwrap());
    let id = AssessmentId::new(t.id.clone());
    let input = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..2048),
        (0..samples.len(), proptest::collection::vec(edit(), 1..8))
            .prop_map(move |(s, edits)| mutate(samples[s].clone(), &edits)),
    ];
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let outcomes = std::cell::Cell::new([0usize; 2]);
    runner
        .run(&input, |bytes| {
            let mut store = store.borrow_mut();
            let before = state(&store, &id);
            let mut tally = outcomes.get();
            let result = import(&mut store, &id, &bytes, None, false);
            tally[usize::from(result.is_err())] += 1;
            outcomes.set(tally);
            match result {
                Ok(_) => {}
                Err(e) => {
                    // A clear error: one line that says something.
                    let text = e.to_string();
                    prop_assert!(!text.trim().is_empty());
                    if let ImportError::Rows(rows) = &e {
                        prop_assert!(rows.iter().all(|r| r.to_string().starts_with("row ")));
                    }
                    prop_assert_eq!(state(&store, &id), before);
                }
            }
            Ok(())
        })
        .unwrap();
    // Both outcomes happen: the mutations are not all rejected up front.
    let outcomes = outcomes.get();
    assert!(outcomes[1] > 0, "{outcomes:?}");
}

/// The valid samples themselves import (the fuzz starts from real files).
#[test]
fn the_fuzz_samples_are_valid() {
    let t = setup();
    let kobo = t.kobo(&[["3", "", "", "", "", "70000000-0000-4000-8000-000000000001"]]);
    let mut store = Store::open_existing(&t.s.db(), "fuzz").unwrap();
    let id = AssessmentId::new(t.id.clone());
    let done = import(&mut store, &id, &xlsx(&kobo), None, false).unwrap();
    assert_eq!(done.count.imported, 1);
    let done = import(&mut store, &id, kobo.as_bytes(), None, false).unwrap();
    assert_eq!(done.count.duplicates, 1, "the same submission from CSV");
}
