//! Fuzz target (issue 16 convention): the evidence file parser (type
//! sniffing, size limit, JPEG EXIF) fed random bytes and mutations of valid
//! samples. It must answer Ok or a clear Err, never panic; what it accepts is
//! stored and read back intact, and what it refuses leaves the database as it
//! was. Cases: FRONTERA_FUZZ_CASES (default 500: about 3 s in a debug build; 5,000 ran
//! clean in about 2 minutes, slower per case as the stored files pile up).

use std::path::Path;

use frontera::domain::assessment::AssessmentId;
use frontera::domain::evidence::Target;
use frontera::evidence::{BytesProblem, from_bytes};
use frontera::store::Store;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::cli::{Sandbox, add_desaguadero};

fn cases() -> u32 {
    std::env::var("FRONTERA_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500)
}

fn samples() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/evidence");
    let mut out: Vec<Vec<u8>> = ["scanner.jpg", "plain.jpg", "sop.png"]
        .iter()
        .map(|n| std::fs::read(dir.join(n)).expect("a fixture"))
        .collect();
    out.push(b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".to_vec());
    out.push(b"PK\x03\x04\x14\x00\x00\x00word/document.xml".to_vec());
    out.push("Acta de la visita\n".as_bytes().to_vec());
    out
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Truncate(usize),
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Flip(at, mask) if !bytes.is_empty() => bytes[at % len] ^= mask | 1,
            Mutation::Insert(at, byte) => bytes.insert(at % (bytes.len() + 1), byte),
            Mutation::Delete(at) if !bytes.is_empty() => {
                bytes.remove(at % len);
            }
            Mutation::Truncate(at) => bytes.truncate(at % len),
            _ => {}
        }
    }
    bytes
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Mutation::Flip(a, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Mutation::Insert(a, b)),
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn input() -> impl Strategy<Value = Vec<u8>> {
    let count = samples().len();
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..2048),
        (0..count, proptest::collection::vec(mutation(), 1..8))
            .prop_map(|(i, ms)| mutate(samples()[i].clone(), &ms)),
    ]
}

/// Counts that any stored change would move.
fn state(store: &Store, id: &AssessmentId) -> (usize, usize) {
    (
        store.evidence(id).expect("evidence reads").len(),
        store.change_log(id).expect("the log reads").len(),
    )
}

/// The command's path: parse, and store only what was accepted.
fn check(store: &mut Store, id: &AssessmentId, bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let before = state(store, id);
    match from_bytes("fuzz.bin", bytes.clone()) {
        Ok(file) => {
            if let (Some(lat), Some(lon)) = (file.photo.lat, file.photo.lon) {
                prop_assert!(lat.abs() <= 90.0 && lon.abs() <= 180.0);
            }
            let added = store
                .add_evidence(id, &Target::Assessment, std::slice::from_ref(&file), "")
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(store.evidence_content(&file.sha256).unwrap(), bytes);
            let listed = store.evidence(id).unwrap();
            prop_assert!(listed.iter().any(|e| e.id == added[0].id));
        }
        Err(problem) => {
            prop_assert!(matches!(
                problem,
                BytesProblem::Empty | BytesProblem::Unsupported(_) | BytesProblem::TooLarge(_)
            ));
            prop_assert_eq!(
                state(store, id),
                before,
                "a refused file changed the database"
            );
        }
    }
    Ok(())
}

#[test]
fn fuzz_evidence_files_never_panic_and_refusals_store_nothing() {
    let s = Sandbox::new();
    add_desaguadero(&s);
    let id = s.new_assessment("PE-DES");
    let store = Store::open_existing(&s.db(), "fuzz").expect("the database opens");
    let id = store.resolve(&id).expect("the assessment");
    // The runner takes a shared closure; one case runs at a time.
    let store = std::cell::RefCell::new(store);
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&input(), |bytes| check(&mut store.borrow_mut(), &id, bytes))
        .unwrap();
}

/// Every valid sample is accepted as itself (the fuzz target's seeds are real).
#[test]
fn fuzz_evidence_seeds_are_accepted() {
    for sample in samples() {
        assert!(from_bytes("seed", sample).is_ok());
    }
}
