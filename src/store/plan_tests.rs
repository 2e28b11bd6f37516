//! Store tests of the plan: proposing keeps what people changed, statuses and
//! their log, the follow-up of the previous plan, and review flags that hold
//! finalising until they are answered or the flagged answer changes.

use super::*;
use crate::content::{PackSource, load};
use crate::domain::assessment::{AssessmentId, AssessmentKind, Depth, Response, Transition};
use crate::domain::plan::{ActionEdit, ActionStatus, Cite, Outcome, Priority};

fn new_assessment(store: &mut Store, created_at: &str) -> AssessmentId {
    let source = PackSource::embedded();
    let pack = load(&source).pack.expect("the embedded pack is valid");
    store
        .create_assessment(
            &NewAssessment {
                post: crate::domain::fixtures::land_post(true).code,
                kind: AssessmentKind::Baseline,
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

fn store() -> Store {
    let mut store = Store::open_in_memory("ana").unwrap();
    store
        .add_post(&crate::domain::fixtures::land_post(true))
        .unwrap();
    store
}

fn proposal(key: &str, title: &str, priority: Priority) -> ProposedAction {
    ProposedAction {
        key: key.into(),
        action: NewAction {
            title: title.into(),
            body: format!("{title}, in full."),
            priority,
            cites: vec![Cite::Item(key.trim_start_matches("item:").into())],
            agency: String::new(),
            due: None,
            cost: None,
        },
    }
}

#[test]
fn proposing_adds_updates_and_withdraws_only_what_nobody_touched() {
    let mut store = store();
    let id = new_assessment(&mut store, "2026-01-10T09:00:00Z");
    let first = vec![
        proposal("item:p2.a", "Do A", Priority::Critical),
        proposal("item:p2.b", "Do B", Priority::High),
        proposal("item:p2.c", "Do C", Priority::Low),
    ];
    let summary = store.propose_actions(&id, &first).unwrap();
    assert_eq!(summary.added, [1, 2, 3]);
    assert_eq!(
        store.propose_actions(&id, &first).unwrap(),
        ProposeSummary::default(),
        "the same proposals change nothing"
    );
    store
        .edit_action(
            &id,
            2,
            &ActionEdit {
                agency: Some("SUNAT".into()),
                ..ActionEdit::default()
            },
        )
        .unwrap();
    store
        .set_action_status(&id, 3, ActionStatus::Agreed, None)
        .unwrap();
    // A: reworded by the scores; B: edited; C: agreed; both B and C are no
    // longer called for; D is new.
    let second = vec![
        proposal("item:p2.a", "Do A now", Priority::High),
        proposal("item:p2.d", "Do D", Priority::Medium),
    ];
    let summary = store.propose_actions(&id, &second).unwrap();
    assert_eq!(summary.added, [4]);
    assert_eq!(summary.updated, [1]);
    assert_eq!(summary.withdrawn, Vec::<u32>::new());
    assert_eq!(summary.kept, [2, 3]);
    let actions = store.actions(&id).unwrap();
    let numbers: Vec<u32> = actions.iter().map(|a| a.number).collect();
    assert_eq!(numbers, [1, 2, 4, 3], "by priority, then number");
    assert_eq!(store.action(&id, 1).unwrap().title, "Do A now");
    assert_eq!(store.action(&id, 2).unwrap().title, "Do B");
    // Without D, D (untouched) is withdrawn and its number not reused.
    let summary = store.propose_actions(&id, &second[..1]).unwrap();
    assert_eq!(summary.withdrawn, [4]);
    let added = store
        .add_action(&id, &proposal("item:p2.e", "By hand", Priority::Low).action)
        .unwrap();
    assert_eq!(added, 5);
    assert!(store.action(&id, 5).unwrap().edited);
    assert!(matches!(
        store.action(&id, 4),
        Err(StoreError::UnknownAction { number: 4, .. })
    ));
}

#[test]
fn status_moves_are_checked_and_logged_with_their_reasons() {
    let mut store = store();
    let id = new_assessment(&mut store, "2026-01-10T09:00:00Z");
    store
        .propose_actions(&id, &[proposal("item:p2.a", "Do A", Priority::High)])
        .unwrap();
    let err = store
        .set_action_status(&id, 1, ActionStatus::Done, None)
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::ActionMove {
            refusal: crate::domain::plan::MoveRefusal::NotAllowed,
            ..
        }
    ));
    store
        .set_action_status(&id, 1, ActionStatus::Dropped, Some("out of scope"))
        .unwrap();
    let action = store.action(&id, 1).unwrap();
    assert_eq!(action.status_reason.as_deref(), Some("out of scope"));
    let history = store.action_history(&action.id).unwrap();
    assert_eq!(
        history.last().unwrap().new.as_deref(),
        Some("dropped (reason: out of scope)")
    );
    // The plan stays editable after finalising.
    store
        .transition(
            &id,
            &Transition::FinaliseIncomplete {
                reason: "test".into(),
            },
        )
        .unwrap();
    store
        .set_action_status(&id, 1, ActionStatus::Proposed, Some("funded"))
        .unwrap();
    assert_eq!(
        store.action(&id, 1).unwrap().status_reason.as_deref(),
        Some("funded")
    );
}

#[test]
fn a_later_assessment_records_the_previous_plans_outcomes() {
    let mut store = store();
    let old = new_assessment(&mut store, "2025-01-10T09:00:00Z");
    store
        .propose_actions(&old, &[proposal("item:p2.a", "Do A", Priority::High)])
        .unwrap();
    // Not yet final: a later assessment has nothing to follow up.
    let new = new_assessment(&mut store, "2026-01-10T09:00:00Z");
    assert_eq!(store.followup_review(&new).unwrap(), None);
    store
        .transition(&old, &Transition::FinaliseIncomplete { reason: "t".into() })
        .unwrap();
    let review = store.followup_review(&new).unwrap().unwrap();
    assert_eq!(review.previous, old.as_str());
    assert_eq!(review.visit, "2026-01-10");
    assert_eq!(review.entries.len(), 1);
    assert!(review.entries[0].1.is_none());
    store
        .record_followup(&new, 1, Outcome::Done, "seen in the SOP binder")
        .unwrap();
    store.record_followup(&new, 1, Outcome::Partly, "").unwrap();
    let review = store.followup_review(&new).unwrap().unwrap();
    assert_eq!(
        review.entries[0].1.as_ref().unwrap().outcome,
        Outcome::Partly
    );
    assert!(matches!(
        store.record_followup(&new, 2, Outcome::Done, ""),
        Err(StoreError::UnknownAction { number: 2, .. })
    ));
    // The old assessment follows nothing up.
    assert!(matches!(
        store.record_followup(&old, 1, Outcome::Done, ""),
        Err(StoreError::NoPreviousPlan { .. })
    ));
}

#[test]
fn review_flags_hold_finalising_until_answered_or_changed() {
    let mut store = store();
    let id = new_assessment(&mut store, "2026-01-10T09:00:00Z");
    store
        .set_response(&id, "p2.checks.database-query", &Response::Level(3))
        .unwrap();
    let item = Cite::Item("p2.checks.database-query".into());
    assert!(matches!(
        store.raise_flag(&id, &item, "evidence?"),
        Err(StoreError::ReviewRefused { .. })
    ));
    store.transition(&id, &Transition::Submit).unwrap();
    // "ana" created it and "Ana" evaluates it.
    assert!(matches!(
        store.raise_flag(&id, &item, "evidence?"),
        Err(StoreError::ReviewRefused { .. })
    ));
    let mut reviewer = Store {
        conn: std::mem::replace(
            &mut store.conn,
            rusqlite::Connection::open_in_memory().unwrap(),
        ),
        actor: "Beatriz".into(),
        read_only: false,
        clock: None,
        lang: None,
    };
    let flag = reviewer.raise_flag(&id, &item, "evidence?").unwrap();
    assert!(matches!(
        reviewer.raise_flag(&id, &item, "  "),
        Err(StoreError::EmptyComment)
    ));
    let radios = Cite::Equipment("handheld-radio".into());
    reviewer.raise_flag(&id, &radios, "counts?").unwrap();
    let err = reviewer.transition(&id, &Transition::Finalise).unwrap_err();
    match err {
        StoreError::OpenFlags { flags, .. } => assert_eq!(flags.len(), 2, "{flags:?}"),
        other => panic!("{other}"),
    }
    reviewer
        .resolve_flag(&id, flag.id, "checked the log")
        .unwrap();
    assert!(matches!(
        reviewer.resolve_flag(&id, flag.id, "again"),
        Err(StoreError::FlagResolved { .. })
    ));
    // Changing the flagged type's counts answers the second flag.
    reviewer
        .update_equipment(
            &id,
            "handheld-radio",
            &EquipmentUpdate {
                present: Some(Some(4)),
                ..EquipmentUpdate::default()
            },
        )
        .unwrap();
    assert!(reviewer.review_flags(&id, true).unwrap().is_empty());
    let all = reviewer.review_flags(&id, false).unwrap();
    assert_eq!(all[1].resolution, None, "resolved by a change");
    assert_eq!(all[1].resolved_by.as_deref(), Some("Beatriz"));
    reviewer.transition(&id, &Transition::Finalise).unwrap();
}
