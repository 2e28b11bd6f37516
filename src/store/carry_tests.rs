//! Store tests of carry-over: proposals from the previous final assessment,
//! confirmed or replaced one by one, never counted as answers before; and
//! the other edits of a follow-up's context: the post's register entry, the team.

use super::*;
use crate::content::{PackSource, load};
use crate::domain::assessment::{AssessmentId, AssessmentKind, Depth, Response, Transition};

fn store() -> Store {
    let mut store = Store::open_in_memory("ana").unwrap();
    store
        .add_post(&crate::domain::fixtures::land_post(true))
        .unwrap();
    store
}

fn new_assessment(store: &mut Store, kind: AssessmentKind, created_at: &str) -> AssessmentId {
    let source = PackSource::embedded();
    let pack = load(&source).pack.expect("the embedded pack is valid");
    store
        .create_assessment(
            &NewAssessment {
                post: crate::domain::fixtures::land_post(true).code,
                kind,
                evaluators: vec!["Ana".into()],
                id: None,
                created_at: Some(created_at.into()),
                depth: Depth::Full,
            },
            &source,
            &pack,
        )
        .unwrap()
}

/// A final baseline with p2.a at 3 (noted), p2.b N/A, p2.c open with a note,
/// p2.d open without one; and a draft follow-up after it.
fn baseline_and_followup() -> (Store, AssessmentId, AssessmentId) {
    let mut store = store();
    let base = new_assessment(&mut store, AssessmentKind::Baseline, "2026-01-10T09:00:00Z");
    store
        .set_answer(
            &base,
            "p2.a",
            &Response::Level(3),
            Some("seen the register"),
        )
        .unwrap();
    let na = Response::NotApplicable {
        reason: "no cargo".into(),
    };
    store.set_response(&base, "p2.b", &na).unwrap();
    store.set_note(&base, "p2.c", "ask the chief").unwrap();
    store
        .transition(
            &base,
            &Transition::FinaliseIncomplete { reason: "t".into() },
        )
        .unwrap();
    let follow = new_assessment(&mut store, AssessmentKind::FollowUp, "2026-06-10T09:00:00Z");
    (store, base, follow)
}

const ITEMS: &[&str] = &["p2.a", "p2.b", "p2.c", "p2.d"];

#[test]
fn carrying_over_proposes_what_the_previous_final_answered_and_nothing_counts_yet() {
    let (mut store, base, follow) = baseline_and_followup();
    let (from, carried) = store.carry_over(&follow, ITEMS).unwrap().unwrap();
    assert_eq!(
        (from.clone(), carried),
        (base.clone(), 3),
        "p2.d had nothing"
    );
    let state = store.carry_over_state(&follow).unwrap();
    assert_eq!(state.from, Some(base));
    assert_eq!(state.confirmed.len(), 0);
    let items: Vec<_> = state.pending.iter().map(|c| c.item.as_str()).collect();
    assert_eq!(items, ["p2.a", "p2.b", "p2.c"]);
    assert_eq!(state.pending_for("p2.a").unwrap().note, "seen the register");
    assert!(
        store.answers(&follow).unwrap().is_empty(),
        "a proposal is not an answer: scores and completeness do not see it"
    );
    let log = store.change_log(&follow).unwrap();
    assert_eq!(log.iter().filter(|c| c.field == "carried").count(), 3);
    // Again: nothing new to carry.
    assert_eq!(store.carry_over(&follow, ITEMS).unwrap().unwrap().1, 0);
}

#[test]
fn confirming_makes_the_answer_with_its_note_and_is_counted_and_logged() {
    let (mut store, _, follow) = baseline_and_followup();
    store.carry_over(&follow, ITEMS).unwrap();
    assert!(store.confirm_carried(&follow, "p2.a").unwrap());
    assert!(!store.confirm_carried(&follow, "p2.a").unwrap(), "once");
    let answers = store.answers(&follow).unwrap();
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].response, Response::Level(3));
    assert_eq!(answers[0].note, "seen the register");
    let state = store.carry_over_state(&follow).unwrap();
    assert_eq!(state.confirmed.len(), 1);
    assert_eq!(state.pending.len(), 2);
    assert!(store.change_log(&follow).unwrap().iter().any(|c| {
        c.field == "response"
            && c.entity_id == "p2.a"
            && c.new.as_deref() == Some("3 (carried over, confirmed)")
    }));
    // Giving the same answer as the proposal also confirms it (one key).
    let na = Response::NotApplicable {
        reason: "no cargo".into(),
    };
    store.set_response(&follow, "p2.b", &na).unwrap();
    assert_eq!(store.carry_over_state(&follow).unwrap().confirmed.len(), 2);
}

#[test]
fn answering_another_way_drops_the_proposal_and_a_changed_answer_is_no_longer_confirmed() {
    let (mut store, _, follow) = baseline_and_followup();
    store.carry_over(&follow, ITEMS).unwrap();
    store
        .set_response(&follow, "p2.a", &Response::Level(1))
        .unwrap();
    let state = store.carry_over_state(&follow).unwrap();
    assert!(state.pending_for("p2.a").is_none());
    assert_eq!(state.confirmed.len(), 0);
    let answer = &store.answers(&follow).unwrap()[0];
    assert_eq!(answer.response, Response::Level(1));
    assert_eq!(
        answer.note, "",
        "the old note is not taken over by a new level"
    );
    assert!(store.change_log(&follow).unwrap().iter().any(|c| {
        c.field == "carried" && c.entity_id == "p2.a" && c.new.as_deref() == Some("replaced")
    }));
    // Confirmed, then changed: no longer counted as confirmed unchanged.
    store.confirm_carried(&follow, "p2.b").unwrap();
    assert_eq!(store.carry_over_state(&follow).unwrap().confirmed.len(), 1);
    store
        .set_response(&follow, "p2.b", &Response::Level(2))
        .unwrap();
    assert_eq!(store.carry_over_state(&follow).unwrap().confirmed.len(), 0);
}

#[test]
fn a_note_written_before_confirming_is_kept_and_keeps_the_proposal_waiting() {
    let (mut store, _, follow) = baseline_and_followup();
    store.carry_over(&follow, ITEMS).unwrap();
    store
        .set_note(&follow, "p2.a", "register now digital")
        .unwrap();
    let state = store.carry_over_state(&follow).unwrap();
    assert!(state.pending_for("p2.a").is_some(), "still to confirm");
    store.confirm_carried(&follow, "p2.a").unwrap();
    let answer = &store.answers(&follow).unwrap()[0];
    assert_eq!(answer.response, Response::Level(3));
    assert_eq!(answer.note, "register now digital");
}

#[test]
fn no_previous_final_means_nothing_to_carry_and_an_answered_item_is_left_alone() {
    let mut store = store();
    let first = new_assessment(&mut store, AssessmentKind::Baseline, "2026-01-10T09:00:00Z");
    assert_eq!(store.carry_over(&first, ITEMS).unwrap(), None);
    let (mut store, _, follow) = baseline_and_followup();
    store
        .set_response(&follow, "p2.a", &Response::Level(0))
        .unwrap();
    assert_eq!(store.carry_over(&follow, ITEMS).unwrap().unwrap().1, 2);
    assert!(
        store
            .carry_over_state(&follow)
            .unwrap()
            .pending_for("p2.a")
            .is_none()
    );
}

#[test]
fn a_final_assessment_takes_no_carry_over_and_deleting_a_draft_drops_its_proposals() {
    let (mut store, base, follow) = baseline_and_followup();
    assert!(matches!(
        store.carry_over(&base, ITEMS),
        Ok(None) | Err(StoreError::Locked(_))
    ));
    store.carry_over(&follow, ITEMS).unwrap();
    store.delete_draft(&follow).unwrap();
    let left: i64 = store
        .conn
        .query_row("SELECT count(*) FROM carried_answers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn a_post_edit_is_logged_and_refused_where_a_final_assessment_rests_on_it() {
    let (mut store, base, follow) = baseline_and_followup();
    let mut post = store
        .post(&crate::domain::fixtures::land_post(true).code)
        .unwrap();
    post.name = "Desaguadero (CEBAF)".into();
    post.agencies.push("SENASA".into());
    store.update_post(&post).unwrap();
    let again = store.post(&post.code).unwrap();
    assert_eq!(again.name, "Desaguadero (CEBAF)");
    assert!(again.agencies.contains(&"SENASA".to_string()));
    // The base is final: its scores rest on the lanes.
    post.profile.lanes += 2;
    let err = store.update_post(&post).unwrap_err();
    assert!(
        matches!(&err, StoreError::PostInUse { fields, .. } if fields == &["lanes"]),
        "{err}"
    );
    assert_eq!(
        store.post(&post.code).unwrap().profile.lanes,
        again.profile.lanes
    );
    // Reopened, it may change.
    store
        .transition(
            &base,
            &Transition::Reopen {
                reason: "profile".into(),
            },
        )
        .unwrap();
    store.update_post(&post).unwrap();
    let logged: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM change_log WHERE entity = 'post' AND field IN ('name', 'agencies', 'lanes')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(logged, 3);
    let _ = follow;
}

#[test]
fn the_team_is_replaced_and_logged_and_a_final_assessment_keeps_its_own() {
    let (mut store, base, follow) = baseline_and_followup();
    store
        .set_evaluators(&follow, &[" Ana ".into(), String::new(), "Luis".into()])
        .unwrap();
    assert_eq!(
        store.assessment(&follow).unwrap().evaluators,
        ["Ana", "Luis"]
    );
    assert!(store.change_log(&follow).unwrap().iter().any(|c| {
        c.field == "evaluators"
            && c.old.as_deref() == Some("Ana")
            && c.new.as_deref() == Some("Ana, Luis")
    }));
    let rows = store.change_log(&follow).unwrap().len();
    store
        .set_evaluators(&follow, &["Ana".into(), "Luis".into()])
        .unwrap();
    assert_eq!(
        store.change_log(&follow).unwrap().len(),
        rows,
        "the same team writes nothing"
    );
    assert!(matches!(
        store.set_evaluators(&base, &["Eve".into()]),
        Err(StoreError::Locked(_))
    ));
}

#[test]
fn restoring_a_carried_item_reopens_it_proposes_it_again_and_keeps_a_note_written_here() {
    let (mut store, _base, follow) = baseline_and_followup();
    store.carry_over(&follow, ITEMS).unwrap();
    // p2.a confirmed (the carried note comes in with it); p2.c replaced by a
    // level, with a note of the evaluator's own.
    assert!(store.confirm_carried(&follow, "p2.a").unwrap());
    store
        .set_answer(&follow, "p2.c", &Response::Level(1), Some("my own note"))
        .unwrap();
    assert!(
        store
            .carry_over_state(&follow)
            .unwrap()
            .pending_for("p2.c")
            .is_none()
    );
    let log_before = store.change_log(&follow).unwrap().len();
    assert!(store.restore_carried(&follow, "p2.a").unwrap());
    assert!(store.restore_carried(&follow, "p2.c").unwrap());
    let state = store.carry_over_state(&follow).unwrap();
    assert_eq!(
        state.pending_for("p2.a").unwrap().response,
        Response::Level(3)
    );
    assert_eq!(state.pending_for("p2.c").unwrap().note, "ask the chief");
    assert!(state.confirmed.is_empty());
    let answers = store.answers(&follow).unwrap();
    let of = |item: &str| answers.iter().find(|a| a.item == item);
    assert!(of("p2.a").is_none_or(|a| a.response.is_open() && a.note.is_empty()));
    let c = of("p2.c").expect("the note written here stays");
    assert!(c.response.is_open());
    assert_eq!(c.note, "my own note");
    assert_eq!(store.change_log(&follow).unwrap().len(), log_before + 2);
    // Nothing was carried for p2.d: nothing to restore.
    assert!(!store.restore_carried(&follow, "p2.d").unwrap());
}
