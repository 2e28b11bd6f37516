//! Unit tests of the submissions reader: field names, values, errors.
use std::collections::HashMap;

use super::grid::Grid;
use super::submissions::*;
use super::xlsform::{NOTE_SUFFIX, VERSION_FIELD, form_version};
use crate::domain::assessment::Response;
use crate::domain::fixtures::{item, land_post, pack};
use crate::domain::lang::Lang;
use crate::domain::post::PostKind::{Air, Land};

fn names<'a>(ids: &'a [&'a str]) -> HashMap<String, Field<'a>> {
    let mut m = HashMap::new();
    for id in ids {
        m.insert(id.to_string(), Field::Level(id));
        m.insert(format!("{id}{NOTE_SUFFIX}"), Field::Note(id));
    }
    m
}

#[test]
fn group_paths_of_both_tools_name_the_field_even_with_hyphens_in_ids() {
    let ids = ["p1.s.a-b", "p1.s.b"];
    let m = names(&ids);
    assert_eq!(field("p1/p1.s/p1.s.a-b", &m), Field::Level("p1.s.a-b"));
    assert_eq!(field("p1-p1.s-p1.s.a-b", &m), Field::Level("p1.s.a-b"));
    assert_eq!(field("p1-p1.s-p1.s.a-b__note", &m), Field::Note("p1.s.a-b"));
    assert_eq!(field("p1.s.b", &m), Field::Level("p1.s.b"));
    assert_eq!(field("_validation_status", &m), Field::Meta);
    assert_eq!(field("meta-instanceID", &m), Field::Meta);
    assert_eq!(field("p1/p1.s/p1.s.c", &m), Field::Unknown);
}

fn grid(headers: &[&str], rows: &[&[&str]]) -> Grid {
    Grid {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect(),
        first_row: 1,
    }
}

#[test]
fn levels_labels_na_and_notes_become_answers() {
    let p = pack(
        vec![
            item("p1.s.a", 1, 1, false, &[Land], false),
            item("p1.s.b", 1, 1, false, &[Land], false),
            item("p1.s.c", 1, 1, false, &[Air], false),
        ],
        vec![],
    );
    let version = form_version(&p);
    let label = format!("2 — {}", p.scoring.levels[2].name.get(Lang::Es));
    let g = grid(
        &[
            "_uuid",
            "_submission_time",
            "_submitted_by",
            VERSION_FIELD,
            "g/p1.s.a",
            "g/p1.s.b",
            "g/p1.s.b__reason",
            "g/p1.s.a__note",
        ],
        &[
            &[
                "u1",
                "2026-11-20T10:00:00",
                "ana",
                &version,
                &label,
                "na",
                "closed",
                "seen",
            ],
            &["u2", "2026-11-20T10:00:00", "", &version, "", "na", "", ""],
        ],
    );
    let r = read(&g, None, &p, &land_post(false));
    assert_eq!(r.source, Some(Source::Kobo));
    assert_eq!(r.submissions.len(), 1);
    let s = &r.submissions[0];
    assert_eq!(s.submitted_by, "ana");
    assert_eq!(s.answers[0].response, Some(Response::Level(2)));
    assert_eq!(s.answers[0].note.as_deref(), Some("seen"));
    assert_eq!(
        s.answers[1].response,
        Some(Response::NotApplicable {
            reason: "closed".into()
        })
    );
    assert_eq!(
        r.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["row 3, column g/p1.s.b: p1.s.b is N/A without a reason (p1.s.b__reason)"]
    );
}

#[test]
fn a_form_filled_in_for_another_kind_of_crossing_is_refused() {
    let p = pack(vec![item("p1.s.a", 1, 1, false, &[Land], false)], vec![]);
    let version = form_version(&p);
    let g = grid(
        &[
            "_uuid",
            "_submission_time",
            VERSION_FIELD,
            "post_kind",
            "g/p1.s.a",
        ],
        &[
            &["u1", "t", &version, "air", "2"],
            &["u2", "t", &version, "land", "2"],
        ],
    );
    let r = read(&g, None, &p, &land_post(false));
    assert_eq!(r.submissions.len(), 1);
    assert_eq!(
        r.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "row 2, column post_kind: the form was filled in for crossing kind 'air'; post PE-DES is 'land'"
        ]
    );
}

#[test]
fn a_file_of_neither_tool_is_one_error_on_the_header() {
    let p = pack(vec![item("p1.s.a", 1, 1, false, &[Land], false)], vec![]);
    let r = read(
        &grid(&["a", "b"], &[&["1", "2"]]),
        None,
        &p,
        &land_post(false),
    );
    assert!(r.submissions.is_empty());
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].row, 1);
}
