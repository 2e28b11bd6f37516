//! Every error variant, through the three languages and both surfaces.

use std::path::PathBuf;

use super::*;
use crate::domain::counts::CountProblem;
use crate::domain::plan::{ActionStatus, MoveRefusal};
use crate::domain::review::ReviewRefusal;

/// One of each [`StoreError`] variant, with the words each message must keep
/// (a path, an id, a count).
fn store_samples() -> Vec<(StoreError, &'static str)> {
    let p = || PathBuf::from("/data/frontera.db");
    let sql = || rusqlite::Error::QueryReturnedNoRows;
    vec![
        (StoreError::NotADatabase { path: p() }, "/data/frontera.db"),
        (StoreError::Encrypted { path: p() }, "FRONTERA_PASSPHRASE"),
        (
            StoreError::WrongPassphrase { path: p() },
            "/data/frontera.db",
        ),
        (StoreError::NoEncryption, "--features encryption"),
        (StoreError::Foreign { path: p() }, "/data/frontera.db"),
        (
            StoreError::Newer {
                path: p(),
                found: 9,
                supported: 2,
            },
            "9",
        ),
        (
            StoreError::Corrupt {
                path: p(),
                detail: "page 7".into(),
            },
            "page 7",
        ),
        (StoreError::WalMismatch { path: p() }, "-wal"),
        (StoreError::Missing { path: p() }, "/data/frontera.db"),
        (StoreError::NeedsUpgrade { path: p() }, "/data/frontera.db"),
        (StoreError::Busy { path: Some(p()) }, "/data/frontera.db"),
        (StoreError::ReadOnly { path: None }, ""),
        (
            StoreError::Damaged {
                detail: "level 9".into(),
            },
            "level 9",
        ),
        (
            StoreError::Io {
                path: p(),
                source: std::io::Error::other("boom"),
            },
            "boom",
        ),
        (
            StoreError::Open {
                path: p(),
                source: sql(),
            },
            "/data/frontera.db",
        ),
        (StoreError::Sql(sql()), ""),
        (StoreError::UnknownPost("PE-KAS".into()), "PE-KAS"),
        (StoreError::DuplicatePost("PE-KAS".into()), "PE-KAS"),
        (
            StoreError::PostInUse {
                code: "PE-KAS".into(),
                fields: vec!["lanes".into()],
            },
            "PE-KAS",
        ),
        (StoreError::UnknownAssessment("abcd".into()), "abcd"),
        (
            StoreError::AmbiguousAssessment {
                prefix: "abcd".into(),
                matches: vec!["abcd1".into(), "abcd2".into()],
            },
            "abcd2",
        ),
        (StoreError::Locked("828279be06a9".into()), "828279be06a9"),
        (
            StoreError::Transition {
                id: "828279be06a9".into(),
                action: "submitted".into(),
                why: "it is already submitted".into(),
            },
            "828279be06a9",
        ),
        (StoreError::NotDraft("828279be06a9".into()), "828279be06a9"),
        (StoreError::MissingPack("cafe".into()), "cafe"),
        (
            StoreError::NoteTooLong {
                chars: 12_000,
                max: 10_000,
            },
            "10000",
        ),
        (
            StoreError::NoteChanged {
                target: "p2.x".into(),
                stored: "theirs".into(),
                by: "bea".into(),
                at: "2026-12-01T10:00:00Z".into(),
            },
            "bea",
        ),
        (
            StoreError::InvalidCounts {
                type_id: "uv-lamp".into(),
                problems: vec![CountProblem::FunctionalAbovePresent {
                    functional: 5,
                    present: 2,
                }],
            },
            "5",
        ),
        (
            StoreError::UnknownAction {
                id: "828279be06a9".into(),
                number: 17,
            },
            "17",
        ),
        (
            StoreError::ActionMove {
                number: 4,
                from: ActionStatus::Proposed,
                to: ActionStatus::Done,
                refusal: MoveRefusal::NotAllowed,
            },
            "4",
        ),
        (
            StoreError::ReviewRefused {
                id: "828279be06a9".into(),
                refusal: ReviewRefusal::OwnWork("ana".into()),
            },
            "ana",
        ),
        (
            StoreError::UnknownFlag {
                id: "828279be06a9".into(),
                flag: 31,
            },
            "31",
        ),
        (StoreError::FlagResolved { flag: 31 }, "31"),
        (StoreError::EmptyComment, ""),
        (
            StoreError::OpenFlags {
                id: "828279be06a9".into(),
                flags: vec!["#3 p2.checks.x: evidence?".into()],
            },
            "evidence?",
        ),
        (
            StoreError::NoPreviousPlan {
                id: "828279be06a9".into(),
            },
            "828279be06a9",
        ),
        (StoreError::BadTarget, "4"),
        (
            StoreError::UnknownEvidence {
                id: "828279be06a9".into(),
                evidence: "a1b2c3d4e5f6".into(),
            },
            "a1b2c3d4e5f6",
        ),
        (
            StoreError::EvidenceRemoved {
                evidence: "a1b2c3d4e5f6".into(),
            },
            "a1b2c3d4e5f6",
        ),
        (StoreError::RemovalNeedsReason, ""),
        (
            StoreError::OpenConflicts {
                id: "828279be06a9".into(),
                count: 3,
            },
            "828279be06a9",
        ),
        (
            StoreError::UnknownConflict {
                id: "828279be06a9".into(),
                item: "p1.x".into(),
            },
            "p1.x",
        ),
        (
            StoreError::AmbiguousConflict {
                item: "p1.x".into(),
                numbers: vec!["4".into(), "5".into()],
            },
            "4, 5",
        ),
        (
            StoreError::BadConflictValue {
                field: "response".into(),
                value: "9".into(),
            },
            "9",
        ),
    ]
}

/// Fails to compile when a variant is added without a sample above.
fn variant(e: &StoreError) -> usize {
    match e {
        StoreError::NotADatabase { .. } => 0,
        StoreError::Encrypted { .. } => 37,
        StoreError::WrongPassphrase { .. } => 38,
        StoreError::NoEncryption => 39,
        StoreError::Foreign { .. } => 1,
        StoreError::Newer { .. } => 2,
        StoreError::Corrupt { .. } => 3,
        StoreError::WalMismatch { .. } => 4,
        StoreError::Missing { .. } => 5,
        StoreError::NeedsUpgrade { .. } => 6,
        StoreError::Busy { .. } => 7,
        StoreError::ReadOnly { .. } => 8,
        StoreError::Damaged { .. } => 9,
        StoreError::Io { .. } => 10,
        StoreError::Open { .. } => 11,
        StoreError::Sql(_) => 12,
        StoreError::UnknownPost(_) => 13,
        StoreError::DuplicatePost(_) => 14,
        StoreError::UnknownAssessment(_) => 15,
        StoreError::AmbiguousAssessment { .. } => 16,
        StoreError::Locked(_) => 17,
        StoreError::Transition { .. } => 18,
        StoreError::NotDraft(_) => 19,
        StoreError::MissingPack(_) => 20,
        StoreError::NoteTooLong { .. } => 21,
        StoreError::NoteChanged { .. } => 22,
        StoreError::InvalidCounts { .. } => 23,
        StoreError::UnknownAction { .. } => 24,
        StoreError::ActionMove { .. } => 25,
        StoreError::ReviewRefused { .. } => 26,
        StoreError::UnknownFlag { .. } => 27,
        StoreError::FlagResolved { .. } => 28,
        StoreError::EmptyComment => 29,
        StoreError::OpenFlags { .. } => 30,
        StoreError::NoPreviousPlan { .. } => 31,
        StoreError::BadTarget => 32,
        StoreError::UnknownEvidence { .. } => 33,
        StoreError::EvidenceRemoved { .. } => 34,
        StoreError::RemovalNeedsReason => 35,
        StoreError::PostInUse { .. } => 36,
        StoreError::OpenConflicts { .. } => 40,
        StoreError::UnknownConflict { .. } => 41,
        StoreError::AmbiguousConflict { .. } => 42,
        StoreError::BadConflictValue { .. } => 43,
    }
}

/// Checks one message: present, complete, with its key word, and (in es/pt)
/// not the English one.
fn check(text: &str, english: &str, keep: &str, lang: Lang, what: &str) {
    assert!(!text.trim().is_empty(), "{what} {lang}: empty");
    assert!(
        !text.contains("{}") && !text.contains("{id}"),
        "{what} {lang}: placeholder left: {text}"
    );
    assert!(text.contains(keep), "{what} {lang}: lost '{keep}': {text}");
    if lang != Lang::En {
        assert_ne!(text, english, "{what}: not translated into {lang}");
    }
}

#[test]
fn every_store_error_reads_in_every_language_on_both_surfaces() {
    let samples = store_samples();
    let mut seen: Vec<usize> = samples.iter().map(|(e, _)| variant(e)).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(
        seen,
        (0..=43).collect::<Vec<_>>(),
        "a variant has no sample"
    );
    for (error, keep) in &samples {
        for surface in [Surface::Cli, Surface::Tui] {
            let english = store(error, Lang::En, surface);
            for lang in Lang::ALL {
                let text = store(error, lang, surface);
                check(&text, &english, keep, lang, &format!("{error:?}"));
            }
        }
    }
}

#[test]
fn the_interface_is_not_told_to_type_commands() {
    for (error, _) in store_samples() {
        for lang in Lang::ALL {
            let text = store(&error, lang, Surface::Tui);
            assert!(
                !text.contains("frontera assess")
                    && !text.contains("frontera post list")
                    && !text.contains("frontera review")
                    && !text.contains("frontera plan"),
                "{lang}: a command-line hint in the interface: {text}"
            );
        }
    }
    let locked = store(&StoreError::Locked("x".into()), Lang::Es, Surface::Tui);
    assert!(locked.contains("pulse O"), "{locked}");
}

#[test]
fn every_other_error_type_reads_in_every_language() {
    let write_error = || WriteError {
        path: PathBuf::from("/reports/x.pdf"),
        source: std::io::Error::other("disk full"),
    };
    let cases: Vec<(anyhow::Error, &str)> = vec![
        (
            BundleError::Pack {
                id: "abcd".into(),
                first_error: "bad".into(),
            }
            .into(),
            "abcd",
        ),
        (ReportError::Pack.into(), "content check"),
        (ReportError::Write(write_error()).into(), "/reports/x.pdf"),
        (write_error().into(), "disk full"),
        (
            OutputError(std::io::Error::other("No space left on device")).into(),
            "No space",
        ),
        (
            PackError::Invalid {
                origin: "dir".into(),
                errors: vec![],
            }
            .into(),
            "content check",
        ),
        (
            SourceError::Folder {
                path: "/c".into(),
                reason: "gone".into(),
            }
            .into(),
            "/c",
        ),
        (
            SourceError::File {
                path: "/c/a.toml".into(),
                reason: "gone".into(),
            }
            .into(),
            "/c/a.toml",
        ),
        (StoreError::DuplicatePost("PE-KAS".into()).into(), "PE-KAS"),
        (
            crate::demo::DemoError::CodeTaken("DEMO-PE-DES".into()).into(),
            "DEMO-PE-DES",
        ),
    ];
    for (error, keep) in &cases {
        let english = describe(error, Lang::En, Surface::Cli);
        for lang in Lang::ALL {
            let text = describe(error, lang, Surface::Cli);
            check(&text, &english, keep, lang, &format!("{error:?}"));
        }
    }
}
