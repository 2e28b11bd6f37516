//! The team's fuzz convention (issue 16, README "Tests", SECURITY.md): each
//! parser of outside input gets a `tests/fuzz_<target>.rs` proptest fed with
//! random bytes and with mutations of a valid sample. This module holds the
//! shared parts: the case count and the mutations.

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, FileFailurePersistence};

/// Cases per target: `FRONTERA_FUZZ_CASES` when set (a long local run),
/// otherwise the target's own default, sized to stay under 30 s in a debug
/// build on the 2-core CI machine.
pub fn cases(default: u32) -> u32 {
    std::env::var("FRONTERA_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

/// The proptest configuration of a fuzz target. Failures are not persisted in
/// a file: a crash found becomes a named regression test instead.
pub fn config(default_cases: u32) -> Config {
    Config {
        cases: cases(default_cases),
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}

/// Tokens that parsers of text formats trip on, inserted whole.
const TOKENS: &[&str] = &[
    "\"",
    "'",
    "[",
    "]",
    "[[",
    "]]",
    "=",
    "{",
    "}",
    ",",
    "\n",
    "\r\n",
    "\\",
    "\\u0000",
    "-1",
    "0",
    "99999999999999999999",
    "1e999",
    "nan",
    "inf",
    "-0.0",
    "true",
    "\u{0}",
    "\u{1b}[2J",
    "\u{202e}",
    "é",
    "😀",
    "\u{feff}",
    "#",
    "\"\"\"",
    ".",
    "a.b.c",
];

/// One change to a sample.
#[derive(Debug, Clone)]
pub enum Mutation {
    /// Flips one bit of the byte at a position.
    Flip(Index, u8),
    /// Inserts a byte.
    Insert(Index, u8),
    /// Inserts a token from [`TOKENS`].
    Token(Index, Index),
    /// Overwrites a run of bytes with the same byte.
    Overwrite(Index, u8, u8),
    /// Deletes up to 16 bytes.
    Delete(Index, u8),
    /// Cuts the sample at a position.
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip(at, bit)),
        (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<Index>(), any::<Index>()).prop_map(|(at, t)| Mutation::Token(at, t)),
        (any::<Index>(), any::<u8>(), 1u8..32).prop_map(|(at, b, n)| Mutation::Overwrite(at, b, n)),
        (any::<Index>(), 1u8..16).prop_map(|(at, n)| Mutation::Delete(at, n)),
        any::<Index>().prop_map(Mutation::Truncate),
    ]
}

/// A fuzz input: random bytes, or a few mutations of the valid sample.
#[derive(Debug, Clone)]
pub enum Input {
    Random(Vec<u8>),
    Mutated(Vec<Mutation>),
}

/// Random bytes one time in four, mutations of the sample otherwise (random
/// bytes are refused at the first byte; mutations reach deeper).
pub fn input(max_random: usize) -> impl Strategy<Value = Input> {
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..max_random).prop_map(Input::Random),
        3 => proptest::collection::vec(mutation(), 1..6).prop_map(Input::Mutated),
    ]
}

/// Applies one mutation in place.
pub fn apply_one(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len) };
    match mutation {
        Mutation::Flip(i, bit) => {
            if !bytes.is_empty() {
                let p = at(i, bytes.len());
                bytes[p] ^= 1 << bit;
            }
        }
        Mutation::Insert(i, b) => {
            let p = at(i, bytes.len() + 1);
            bytes.insert(p, *b);
        }
        Mutation::Token(i, t) => {
            let p = at(i, bytes.len() + 1);
            let token = TOKENS[t.index(TOKENS.len())].as_bytes();
            bytes.splice(p..p, token.iter().copied());
        }
        Mutation::Overwrite(i, b, n) => {
            if !bytes.is_empty() {
                let p = at(i, bytes.len());
                let end = (p + usize::from(*n)).min(bytes.len());
                bytes[p..end].fill(*b);
            }
        }
        Mutation::Delete(i, n) => {
            if !bytes.is_empty() {
                let p = at(i, bytes.len());
                let end = (p + usize::from(*n)).min(bytes.len());
                bytes.drain(p..end);
            }
        }
        Mutation::Truncate(i) => {
            let p = at(i, bytes.len() + 1);
            bytes.truncate(p);
        }
    }
}

/// The bytes an input stands for, given the valid sample.
pub fn bytes_of(input: &Input, sample: &[u8]) -> Vec<u8> {
    match input {
        Input::Random(bytes) => bytes.clone(),
        Input::Mutated(mutations) => {
            let mut bytes = sample.to_vec();
            for m in mutations {
                apply_one(&mut bytes, m);
            }
            bytes
        }
    }
}

#[test]
fn mutations_change_the_sample_and_stay_in_bounds() {
    let sample = b"key = \"value\"\n".to_vec();
    let mut runner = proptest::test_runner::TestRunner::new(config(64));
    let mut changed = 0;
    let cases = 200;
    for _ in 0..cases {
        let input = input(64).new_tree(&mut runner).unwrap().current();
        let out = bytes_of(&input, &sample);
        if out != sample {
            changed += 1;
        }
        // Every mutation applies to an empty sample too, without panicking.
        let _ = bytes_of(&input, &[]);
    }
    // A flip and its undo, or a truncation at the end, can give the sample
    // back; most inputs must differ from it.
    assert!(changed > cases * 3 / 4, "only {changed} of {cases} changed");
}
