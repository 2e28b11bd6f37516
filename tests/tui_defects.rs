//! The interface's defects of issue 8, in a real terminal (tmux) with the real
//! binary and, where another writer matters, a second real process.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use frontera::domain::assessment::AssessmentId;
use frontera::store::Store;

use crate::tui::{BIN, DRAFT, Tmux, answers, command, demo_db};

/// The item the workspace opens on (the draft's first open item).
fn first_open_item(db: &Path) -> String {
    let (state, _runner) = frontera::tui::start(&frontera::tui::Options {
        db_path: db.to_path_buf(),
        content_dir: None,
        lang: frontera::domain::lang::Lang::En,
        actor: "reader".into(),
        open: Some(DRAFT.into()),
    })
    .unwrap();
    let ws = state.workspace.as_ref().unwrap();
    ws.current_item().unwrap().id.clone()
}

fn note(db: &Path, item: &str) -> String {
    answers(db)
        .into_iter()
        .find(|a| a.item == item)
        .map(|a| a.note)
        .unwrap_or_default()
}

/// The first line of text inside the notes editor's box.
fn editor_line(screen: &str) -> String {
    let line = screen.lines().nth(2).unwrap_or_default();
    line.trim_start_matches('│')
        .trim_end()
        .trim_end_matches('│')
        .trim_end()
        .to_string()
}

fn kill(tmux: &Tmux) {
    let pid = tmux.show("#{pane_pid}");
    assert!(
        Command::new("kill")
            .args(["-9", &pid])
            .status()
            .unwrap()
            .success()
    );
    tmux.wait_pane("#{pane_dead}", "1");
}

fn frontera(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .env("FRONTERA_DB", db)
        .env("FRONTERA_USER", "colleague")
        .output()
        .unwrap()
}

#[test]
fn a_note_typed_without_pause_is_in_the_database_up_to_the_last_saved_shown() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let item = first_open_item(&db);
    let tmux = Tmux::start("typing", &command(&db, &format!("open {DRAFT}")));
    tmux.wait("the workspace", |s| s.contains(DRAFT));
    tmux.keys(&["e"]);
    tmux.wait("the editor", |s| s.contains("saved as you type"));
    let text: String = "abcdefghijklmnopqrstuvwxyz"
        .chars()
        .cycle()
        .take(50)
        .collect();
    let mut last_saved = String::new();
    for c in text.chars() {
        tmux.literal(&c.to_string());
        // A key every ~100 ms: never a pause long enough for a save-on-pause.
        std::thread::sleep(Duration::from_millis(100));
        let screen = tmux.screen();
        if screen.contains("✓ saved") {
            last_saved = editor_line(&screen);
        }
    }
    kill(&tmux);
    assert!(
        last_saved.len() >= 40,
        "while typing, the screen said saved only up to {last_saved:?}"
    );
    let stored = note(&db, &item);
    assert!(
        stored.starts_with(&last_saved),
        "the screen showed {last_saved:?} as saved; the database holds {stored:?}"
    );
}

#[test]
fn keys_behind_the_too_small_notice_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = answers(&db);
    let tmux = Tmux::start("small", &command(&db, &format!("open {DRAFT}")));
    tmux.wait("the workspace", |s| s.contains(DRAFT));
    tmux.tmux(&["resize-window", "-t", "t", "-x", "70", "-y", "20"]);
    tmux.wait("the notice", |s| s.contains("needs at least 80×24"));
    tmux.keys(&["3", "n", "4", "n", "x"]);
    tmux.literal("blind");
    tmux.keys(&["Enter"]);
    tmux.tmux(&["resize-window", "-t", "t", "-x", "80", "-y", "24"]);
    let screen = tmux.wait("the workspace again", |s| s.contains(DRAFT));
    assert!(
        !screen.contains("Not applicable"),
        "a prompt opened blind:\n{screen}"
    );
    std::thread::sleep(Duration::from_millis(300));
    kill(&tmux);
    assert_eq!(answers(&db), before, "answers changed behind the notice");
}

#[test]
fn esc_in_the_count_prompt_cancels_and_enter_saves() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let id = AssessmentId::new(DRAFT.into());
    let rows = || Store::open(&db, "checker").unwrap().equipment(&id).unwrap();
    let before = rows();
    let tmux = Tmux::start("count", &command(&db, &format!("open {DRAFT}")));
    tmux.wait("the workspace", |s| s.contains(DRAFT));
    // Shift-Tab four times: from pillar 1 back past the summary, the
    // follow-up and the plan to the equipment tab.
    tmux.keys(&["BTab", "BTab", "BTab", "BTab"]);
    tmux.wait("the equipment tab", |s| s.contains("Pres"));
    tmux.keys(&["Right", "9"]);
    tmux.wait("the count prompt", |s| s.contains("Esc: cancel"));
    tmux.keys(&["Escape"]);
    tmux.wait("the prompt gone", |s| !s.contains("Esc: cancel"));
    tmux.keys(&["9", "9"]);
    tmux.wait("the count prompt", |s| s.contains("› 99"));
    tmux.keys(&["Enter"]);
    tmux.wait("the save", |s| {
        !s.contains("Esc: cancel") && s.contains("✓ saved")
    });
    kill(&tmux);
    let after = rows();
    let changed: Vec<_> = after
        .iter()
        .filter(|r| !before.contains(r))
        .map(|r| r.counts.present)
        .collect();
    assert_eq!(changed, [Some(99)], "only the confirmed count was saved");
}

#[test]
fn a_note_in_the_editor_survives_another_process_finalising_the_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let cmd = format!(
        "exec env TERM=xterm-256color NO_COLOR=1 FRONTERA_DB={} {BIN} --lang es --as tester open {DRAFT}",
        db.display()
    );
    let tmux = Tmux::start("finalised", &cmd);
    tmux.wait("the workspace", |s| s.contains(DRAFT));
    tmux.keys(&["e"]);
    tmux.wait("the editor", |s| s.contains("Observaciones sobre"));
    tmux.literal("abc");
    tmux.wait("the first save", |s| s.contains("✓ guardado"));
    let out = frontera(
        &db,
        &["assess", "finalise", DRAFT, "--reason", "Cierre en la sede"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    tmux.literal("def");
    let screen = tmux.wait("the refusal", |s| s.contains("está a salvo en"));
    assert!(screen.contains("No guardado"), "{screen}");
    assert!(
        !screen.contains("frontera assess reopen"),
        "a command-line hint:\n{screen}"
    );
    assert!(
        screen.contains("abcdef"),
        "the text left the screen:\n{screen}"
    );
    kill(&tmux);
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("frontera-recovered"))
        .expect("a recovery folder beside the database")
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(kept, ["abcdef"]);
}

#[test]
fn a_note_changed_by_another_process_is_never_overwritten_silently() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let item = first_open_item(&db);
    let tmux = Tmux::start("conflict", &command(&db, &format!("open {DRAFT}")));
    tmux.wait("the workspace", |s| s.contains(DRAFT));
    tmux.keys(&["e"]);
    tmux.wait("the editor", |s| s.contains("saved as you type"));
    tmux.literal("mine");
    tmux.wait("the save", |s| s.contains("✓ saved"));
    let out = frontera(&db, &["answer", DRAFT, &item, "note", "--note", "theirs"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    tmux.literal("X");
    let screen = tmux.wait("the conflict", |s| s.contains("changed this note"));
    assert!(
        screen.contains("colleague") && screen.contains("theirs"),
        "{screen}"
    );
    // Nothing was overwritten while the question stands.
    assert_eq!(note(&db, &item), "theirs");
    tmux.keys(&["C-b"]);
    tmux.wait("the save of both", |s| {
        s.contains("✓ saved") && !s.contains("changed this note")
    });
    kill(&tmux);
    assert_eq!(note(&db, &item), "theirs\n\nmineX");
}

#[test]
fn a_large_paste_arrives_at_once_and_a_huge_one_is_cut_at_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let item = first_open_item(&db);
    let tmux = Tmux::start("paste", &command(&db, &format!("open {DRAFT}")));
    tmux.wait("the workspace", |s| s.contains(DRAFT));
    tmux.keys(&["e"]);
    tmux.wait("the editor", |s| s.contains("saved as you type"));
    let paste = |text: &str| {
        let file = dir.path().join("clip.txt");
        std::fs::write(&file, text).unwrap();
        tmux.tmux(&["load-buffer", file.to_str().unwrap()]);
        // -p: as a terminal pastes, in brackets, since the program asks for it.
        tmux.tmux(&["paste-buffer", "-p", "-t", "t"]);
    };
    let five_k: String = "Registro de novedades revisado. "
        .chars()
        .cycle()
        .take(5_000)
        .collect();
    paste(&five_k);
    tmux.wait("the paste saved", |_| {
        note(&db, &item).chars().count() == 5_000
    });
    paste(&"x".repeat(8_000));
    let screen = tmux.wait("the cap", |s| s.contains("at most 10000 characters"));
    assert!(
        screen.contains("evidence file"),
        "the reason was cut off:\n{screen}"
    );
    tmux.wait("the capped note saved", |_| {
        note(&db, &item).chars().count() == 10_000
    });
    kill(&tmux);
    assert!(note(&db, &item).starts_with(&five_k));
}
