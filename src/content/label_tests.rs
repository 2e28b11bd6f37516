//! Item labels: optional short names for lists, checked to fit one.

use super::tests::{errors_of, mini};
use super::*;

/// `mini()` with pillar 1's item given `blocks` (TOML appended after its
/// `[items.en]` texts, e.g. a label line and further language blocks).
fn with_label_lines(en_label: &str, rest: &str) -> PackSource {
    let mut source = mini();
    let key = "checklists/pillar-1-x.toml".to_string();
    let text = source.files[&key].replace("[items.en]\n", &format!("[items.en]\n{en_label}"));
    source.files.insert(key, format!("{text}{rest}"));
    source
}

#[test]
fn a_label_is_read_per_language_and_lists_show_it() {
    let source = with_label_lines(
        "label = \"Refusal of entry\"\n",
        "[items.es]\nlabel = \"Denegación de entrada\"\n",
    );
    let report = load(&source);
    assert!(report.errors().next().is_none(), "{:?}", errors_of(&source));
    let pack = report.pack.expect("a pack");
    let item = pack.item("p1.s.one").unwrap();
    assert_eq!(item.text.en.list_text(), "Refusal of entry");
    assert_eq!(item.text.es.list_text(), "Denegación de entrada");
    // No Portuguese label: English is shown, and the pack says so.
    assert_eq!(item.text.pt.label, "Refusal of entry");
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.to_string().contains("label: no Portuguese")),
        "a missing Portuguese label is a warning"
    );
}

#[test]
fn without_a_label_a_list_shows_the_question() {
    let pack = load(&mini()).pack.expect("a pack");
    let item = pack.item("p1.s.one").unwrap();
    assert_eq!(item.text.en.label, "");
    assert_eq!(item.text.en.list_text(), "Q?");
}

#[test]
fn a_label_too_long_for_a_list_is_an_error_at_its_line() {
    let long = "x".repeat(crate::domain::pack::LABEL_MAX_CHARS + 1);
    let source = with_label_lines(&format!("label = \"{long}\"\n"), "");
    let errors = errors_of(&source);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("pillar-1-x.toml:") && e.contains("label has 29 characters")),
        "{errors:?}"
    );
}

#[test]
fn a_translated_label_without_an_english_one_is_an_error() {
    let source = with_label_lines("", "[items.es]\nlabel = \"Denegación\"\n");
    let errors = errors_of(&source);
    assert!(
        errors.iter().any(|e| e.contains("needs one in English")),
        "{errors:?}"
    );
}
