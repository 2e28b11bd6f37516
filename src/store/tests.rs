//! Store tests: refusal of unsafe files (left byte-for-byte as they were), the
//! life cycle lock, the change log, id prefixes, and two writers on one file.

use std::fs;

use super::*;
use crate::content::{PackSource, load};
use crate::domain::assessment::{AssessmentKind, Response, Status, Transition};
use crate::domain::post::PostCode;

fn embedded() -> (PackSource, crate::domain::pack::Pack) {
    let source = PackSource::embedded();
    let pack = load(&source).pack.expect("the embedded pack is valid");
    (source, pack)
}

fn post() -> crate::domain::post::Post {
    crate::domain::fixtures::land_post(true)
}

pub(super) fn store_with_assessment() -> (Store, AssessmentId) {
    let mut store = Store::open_in_memory("ana").unwrap();
    store.add_post(&post()).unwrap();
    let (source, pack) = embedded();
    let id = store
        .create_assessment(
            &NewAssessment {
                post: post().code,
                kind: AssessmentKind::Baseline,
                evaluators: vec!["Ana".into()],
                id: None,
                created_at: None,
                depth: crate::domain::assessment::Depth::Full,
            },
            &source,
            &pack,
        )
        .unwrap();
    (store, id)
}

use crate::domain::assessment::AssessmentId;

fn assert_refused_untouched(bytes: &[u8], expect: fn(&StoreError) -> bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.db");
    fs::write(&path, bytes).unwrap();
    let err = Store::open(&path, "ana").err().expect("refused");
    assert!(expect(&err), "unexpected error: {err}");
    assert_eq!(fs::read(&path).unwrap(), bytes, "the file was changed");
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "side files were left: {names:?}");
}

#[test]
fn random_bytes_are_refused_and_left_alone() {
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    // With encryption built in, noise is what an encrypted file looks like
    // without its passphrase.
    assert_refused_untouched(&bytes, |e| match e {
        StoreError::Encrypted { .. } => super::cipher::AVAILABLE,
        StoreError::NotADatabase { .. } => !super::cipher::AVAILABLE,
        _ => false,
    });
}

#[test]
fn another_programs_sqlite_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('hi');")
        .unwrap();
    drop(conn);
    let bytes = fs::read(&path).unwrap();
    assert_refused_untouched(&bytes, |e| matches!(e, StoreError::Foreign { .. }));
}

fn frontera_file_bytes(tweak: impl Fn(&rusqlite::Connection)) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.db");
    {
        let mut store = Store::open(&path, "ana").unwrap();
        store.add_post(&post()).unwrap();
        tweak(&store.conn);
        store
            .conn
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    fs::read(&path).unwrap()
}

#[test]
fn a_newer_schema_is_refused_and_left_alone() {
    let bytes = frontera_file_bytes(|c| c.pragma_update(None, "user_version", 99).unwrap());
    assert_refused_untouched(&bytes, |e| matches!(e, StoreError::Newer { found: 99, .. }));
}

#[test]
fn a_truncated_database_is_refused_and_left_alone() {
    let bytes = frontera_file_bytes(|_| {});
    assert!(bytes.len() > 4096);
    let truncated = &bytes[..bytes.len() - 4096];
    assert_refused_untouched(truncated, |e| {
        matches!(
            e,
            StoreError::Corrupt { .. } | StoreError::NotADatabase { .. }
        )
    });
    assert_refused_untouched(&bytes[..50], |e| {
        matches!(e, StoreError::NotADatabase { .. })
    });
}

#[test]
fn a_new_path_is_created_with_its_folders_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep/er/frontera.db");
    Store::open(&path, "ana")
        .unwrap()
        .add_post(&post())
        .unwrap();
    let again = Store::open(&path, "bea").unwrap();
    assert_eq!(again.posts().unwrap().len(), 1);
}

#[test]
fn answers_are_logged_and_a_final_assessment_is_locked() {
    let (mut store, id) = store_with_assessment();
    store
        .set_response(&id, "p1.x", &Response::Level(2))
        .unwrap();
    store.set_note(&id, "p1.x", "seen the register").unwrap();
    store
        .set_response(
            &id,
            "p1.x",
            &Response::NotApplicable {
                reason: "no cargo".into(),
            },
        )
        .unwrap();
    let answers = store.answers(&id).unwrap();
    assert_eq!(
        answers[0].response,
        Response::NotApplicable {
            reason: "no cargo".into()
        }
    );
    assert_eq!(answers[0].note, "seen the register");

    store.transition(&id, &Transition::Finalise).unwrap();
    let err = store
        .set_response(&id, "p1.x", &Response::Level(4))
        .unwrap_err();
    assert!(err.to_string().contains("frontera assess reopen"), "{err}");
    assert!(matches!(
        store.update_equipment(&id, "uv", &EquipmentUpdate::default()),
        Err(StoreError::Locked(_))
    ));
    assert_eq!(
        store.answers(&id).unwrap()[0].response,
        Response::NotApplicable {
            reason: "no cargo".into()
        }
    );

    store
        .transition(
            &id,
            &Transition::Reopen {
                reason: "wrong level".into(),
            },
        )
        .unwrap();
    assert_eq!(store.assessment(&id).unwrap().status, Status::Draft);
    let log = store.change_log(&id).unwrap();
    let fields: Vec<(&str, Option<&str>, Option<&str>)> = log
        .iter()
        .map(|c| (c.field.as_str(), c.old.as_deref(), c.new.as_deref()))
        .collect();
    assert_eq!(
        &fields[1..],
        &[
            ("response", Some("open"), Some("2")),
            ("note", Some(""), Some("seen the register")),
            ("response", Some("2"), Some("na: no cargo")),
            ("status", Some("draft"), Some("final")),
            ("status", Some("final"), Some("draft (reason: wrong level)")),
        ]
    );
    assert!(log.iter().all(|c| c.actor == "ana"));
}

#[test]
fn equipment_updates_merge_and_can_return_to_the_default() {
    let (mut store, id) = store_with_assessment();
    let set = EquipmentUpdate {
        present: Some(Some(3)),
        required: Some(Some(5)),
        ..Default::default()
    };
    store.update_equipment(&id, "uv-lamp", &set).unwrap();
    let more = EquipmentUpdate {
        functional: Some(Some(2)),
        required: Some(None),
        note: Some("one cracked".into()),
        ..Default::default()
    };
    store.update_equipment(&id, "uv-lamp", &more).unwrap();
    let rows = store.equipment(&id).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (
            rows[0].counts.present,
            rows[0].counts.functional,
            rows[0].counts.required
        ),
        (Some(3), Some(2), None)
    );
    assert_eq!(rows[0].note, "one cracked");
}

#[test]
fn ids_resolve_from_unique_prefixes_only() {
    let (mut store, id) = store_with_assessment();
    assert_eq!(store.resolve(&id.as_str()[..4]).unwrap(), id);
    assert!(matches!(
        store.resolve(&id.as_str()[..3]),
        Err(StoreError::UnknownAssessment(_))
    ));
    let (source, pack) = embedded();
    let twin = AssessmentId::new(format!("{}ffffffff", &id.as_str()[..4]));
    let new = NewAssessment {
        post: PostCode::parse("PE-DES").unwrap(),
        kind: AssessmentKind::FollowUp,
        evaluators: vec![],
        id: Some(twin),
        created_at: None,
        depth: crate::domain::assessment::Depth::Full,
    };
    store.create_assessment(&new, &source, &pack).unwrap();
    assert!(matches!(
        store.resolve(&id.as_str()[..4]),
        Err(StoreError::AmbiguousAssessment { .. })
    ));
    assert_eq!(store.resolve(id.as_str()).unwrap(), id);
}

#[test]
fn the_pinned_pack_is_kept_whole() {
    let (store, id) = store_with_assessment();
    let (source, _) = embedded();
    let header = store.assessment(&id).unwrap();
    let kept = store.pack_source(&header.pack_hash).unwrap();
    assert_eq!(kept.files, source.files);
    assert_eq!(kept.hash(), header.pack_hash);
}

#[test]
fn only_drafts_are_deleted_and_the_trail_stays() {
    let (mut store, id) = store_with_assessment();
    store.transition(&id, &Transition::Submit).unwrap();
    assert!(matches!(
        store.delete_draft(&id),
        Err(StoreError::NotDraft(_))
    ));
    store
        .transition(
            &id,
            &Transition::Reopen {
                reason: "redo".into(),
            },
        )
        .unwrap();
    store
        .set_response(&id, "p1.x", &Response::Level(1))
        .unwrap();
    store.delete_draft(&id).unwrap();
    assert!(store.assessments(None).unwrap().is_empty());
    assert!(
        store
            .change_log(&id)
            .unwrap()
            .iter()
            .any(|c| c.field == "deleted")
    );
}

#[test]
fn two_writers_on_one_file_keep_both_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let mut a = Store::open(&path, "ana").unwrap();
    a.add_post(&post()).unwrap();
    let (source, pack) = embedded();
    let new = NewAssessment {
        post: post().code,
        kind: AssessmentKind::Baseline,
        evaluators: vec![],
        id: None,
        created_at: None,
        depth: crate::domain::assessment::Depth::Full,
    };
    let id = a.create_assessment(&new, &source, &pack).unwrap();
    let mut b = Store::open(&path, "bea").unwrap();
    for i in 0..20 {
        a.set_response(&id, &format!("a{i}"), &Response::Level(1))
            .unwrap();
        b.set_response(&id, &format!("b{i}"), &Response::Level(2))
            .unwrap();
    }
    let answers = Store::open(&path, "cy").unwrap().answers(&id).unwrap();
    assert_eq!(answers.len(), 40);
}
