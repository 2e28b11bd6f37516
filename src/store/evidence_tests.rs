//! Evidence in the store: content stored once, removal that keeps the row,
//! the lock of a final assessment, and every change in the log.

use super::tests::store_with_assessment;
use super::*;
use crate::domain::assessment::Transition;
use crate::domain::evidence::Target;
use crate::evidence::{IncomingFile, from_bytes};

fn text_file(name: &str, body: &str) -> IncomingFile {
    from_bytes(name, body.as_bytes().to_vec()).unwrap()
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_same_content_is_stored_once_however_often_it_is_attached() {
    let (mut store, id) = store_with_assessment();
    let sop = text_file("sop.txt", "Procedimiento de control, v3");
    let item = Target::Item("p1.a".into());
    let first = store
        .add_evidence(&id, &item, std::slice::from_ref(&sop), "SOP")
        .unwrap();
    let other = Target::Equipment("uv".into());
    let second = store
        .add_evidence(&id, &other, std::slice::from_ref(&sop), "")
        .unwrap();
    assert!(first[0].new && second[0].new);
    assert_ne!(first[0].id, second[0].id);
    assert_eq!(count(&store, "SELECT count(*) FROM evidence_files"), 1);
    assert_eq!(count(&store, "SELECT count(*) FROM evidence"), 2);
    // Again on the same target: nothing new, the existing record is named.
    let again = store.add_evidence(&id, &item, &[sop], "SOP").unwrap();
    assert_eq!(again[0].id, first[0].id);
    assert!(!again[0].new);
    assert_eq!(count(&store, "SELECT count(*) FROM evidence"), 2);
    let listed = store.evidence(&id).unwrap();
    assert_eq!(listed[0].caption, "SOP");
    assert_eq!(listed[0].target, item);
    assert_eq!(listed[1].target, other);
    assert_eq!(listed[0].media_type, "text/plain");
    assert_eq!(listed[0].size, 28);
    assert_eq!(
        store.evidence_content(&listed[0].sha256).unwrap(),
        b"Procedimiento de control, v3"
    );
}

#[test]
fn removal_keeps_the_row_and_needs_a_reason() {
    let (mut store, id) = store_with_assessment();
    let added = store
        .add_evidence(&id, &Target::Assessment, &[text_file("a.txt", "acta")], "")
        .unwrap();
    let eid = &added[0].id;
    assert!(matches!(
        store.remove_evidence(&id, eid, "  "),
        Err(StoreError::RemovalNeedsReason)
    ));
    store.remove_evidence(&id, eid, "wrong post").unwrap();
    let listed = store.evidence(&id).unwrap();
    assert_eq!(listed.len(), 1);
    let removed = listed[0].removed.as_ref().expect("marked removed");
    assert_eq!(removed.reason, "wrong post");
    assert_eq!(removed.by, "ana");
    assert!(matches!(
        store.remove_evidence(&id, eid, "again"),
        Err(StoreError::EvidenceRemoved { .. })
    ));
    assert!(matches!(
        store.set_evidence_caption(&id, eid, "x"),
        Err(StoreError::EvidenceRemoved { .. })
    ));
    assert!(matches!(
        store.remove_evidence(&id, "000000000000", "r"),
        Err(StoreError::UnknownEvidence { .. })
    ));
    assert_eq!(count(&store, "SELECT count(*) FROM evidence_files"), 1);
}

#[test]
fn a_final_assessment_refuses_evidence_and_nothing_is_stored() {
    let (mut store, id) = store_with_assessment();
    let added = store
        .add_evidence(&id, &Target::Assessment, &[text_file("a.txt", "acta")], "")
        .unwrap();
    store.transition(&id, &Transition::Finalise).unwrap();
    let before = count(&store, "SELECT count(*) FROM change_log");
    let refused = store.add_evidence(&id, &Target::Assessment, &[text_file("b.txt", "otra")], "");
    assert!(matches!(refused, Err(StoreError::Locked(_))));
    assert!(matches!(
        store.remove_evidence(&id, &added[0].id, "r"),
        Err(StoreError::Locked(_))
    ));
    assert!(matches!(
        store.set_evidence_caption(&id, &added[0].id, "c"),
        Err(StoreError::Locked(_))
    ));
    assert_eq!(count(&store, "SELECT count(*) FROM evidence_files"), 1);
    assert_eq!(count(&store, "SELECT count(*) FROM change_log"), before);
}

#[test]
fn adding_captioning_and_removing_are_logged() {
    let (mut store, id) = store_with_assessment();
    let file = text_file("acta.txt", "acta");
    let added = store
        .add_evidence(
            &id,
            &Target::Item("p1.a".into()),
            std::slice::from_ref(&file),
            "Acta",
        )
        .unwrap();
    let eid = added[0].id.clone();
    store
        .set_evidence_caption(&id, &eid, "Acta firmada")
        .unwrap();
    store.remove_evidence(&id, &eid, "duplicate").unwrap();
    let rows: Vec<(String, Option<String>, Option<String>)> = store
        .change_log(&id)
        .unwrap()
        .into_iter()
        .filter(|c| c.entity == "evidence" && c.entity_id == eid)
        .map(|c| (c.field, c.old, c.new))
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "file".into(),
                None,
                Some(format!("acta.txt sha256:{}", file.sha256))
            ),
            ("target".into(), None, Some("item:p1.a".into())),
            ("caption".into(), None, Some("Acta".into())),
            (
                "caption".into(),
                Some("Acta".into()),
                Some("Acta firmada".into())
            ),
            ("removed".into(), None, Some("duplicate".into())),
        ]
    );
}

#[test]
fn several_files_are_added_all_or_none() {
    let (mut store, id) = store_with_assessment();
    let good = text_file("a.txt", "a");
    let mut bad = text_file("b.txt", "b");
    // A hash the schema's CHECK refuses makes the second insert fail.
    bad.sha256 = "short".into();
    assert!(
        store
            .add_evidence(&id, &Target::Assessment, &[good, bad], "")
            .is_err()
    );
    assert_eq!(count(&store, "SELECT count(*) FROM evidence"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM evidence_files"), 0);
}

#[test]
fn deleting_a_draft_deletes_its_evidence_records() {
    let (mut store, id) = store_with_assessment();
    store
        .add_evidence(&id, &Target::Assessment, &[text_file("a.txt", "a")], "")
        .unwrap();
    store.delete_draft(&id).unwrap();
    assert_eq!(count(&store, "SELECT count(*) FROM evidence"), 0);
}
