//! An evaluator's day on the real binary in tmux at 80×24: a follow-up
//! carried over from the post's last final assessment, pillar 2 answered
//! whole with the "open" filter on, one key per item.

use std::process::Command;

use super::tui::{BIN, Tmux, command, demo_db};

/// The "done/total" of the pillar pane's title, e.g. `2. Procedures… 7/33`.
fn progress(screen: &str) -> Option<(usize, usize)> {
    let title = screen.lines().nth(1)?;
    let at = title.find("2. ")?;
    let counts = title[at..]
        .split_whitespace()
        .find(|w| w.contains('/') && w.chars().next().is_some_and(|c| c.is_ascii_digit()))?;
    let (done, total) = counts.split_once('/')?;
    Some((done.parse().ok()?, total.parse().ok()?))
}

#[test]
fn a_whole_pillar_is_confirmed_from_the_carried_over_answers_with_a_filter_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = Command::new(BIN)
        .args([
            "assess",
            "new",
            "--post",
            "DEMO-PE-DES",
            "--kind",
            "follow-up",
        ])
        .arg("--carry-over")
        .env("FRONTERA_DB", &db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();

    let tmux = Tmux::start("day", &command(&db, &format!("open {id}")));
    tmux.wait("the workspace", |s| s.contains("Equipment │"));
    // Pillar 2, the "open" filter on (f, Enter, Esc).
    tmux.keys(&["Tab"]);
    tmux.wait("pillar 2", |s| progress(s).is_some());
    tmux.keys(&["f"]);
    tmux.wait("the filters menu", |s| s.contains("critical"));
    tmux.keys(&["Enter", "Escape"]);
    let screen = tmux.wait("the filter in the title", |s| s.contains("filter: open"));
    let (done, total) = progress(&screen).expect("the pillar's progress");
    assert_eq!(done, 0, "carried answers count as open:\n{screen}");
    assert!(screen.contains('↺'), "proposals are marked:\n{screen}");
    // One key per item: y confirms and goes on to the next open one.
    for n in 1..=total {
        tmux.keys(&["y"]);
        tmux.wait(&format!("{n} of {total} confirmed"), |s| {
            progress(s).is_some_and(|(d, _)| d == n)
        });
    }
    let screen = tmux.screen();
    assert!(!screen.contains('↺'), "nothing left to confirm:\n{screen}");
    tmux.keys(&["q"]);
    tmux.wait_pane("#{pane_dead}", "1");

    // What the command line reads back: pillar 2 complete, every answer
    // confirmed unchanged from the previous final assessment.
    let read = |args: &[&str]| {
        let out = Command::new(BIN)
            .args(args)
            .env("FRONTERA_DB", &db)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let score: serde_json::Value = serde_json::from_str(&read(&["score", &id, "--json"])).unwrap();
    let p2 = &score["pillars"][1];
    assert_eq!(p2["pillar"], 2);
    let answered = p2["answered"].as_u64().unwrap() + p2["not_applicable"].as_u64().unwrap();
    assert_eq!(answered, total as u64, "{p2}");
    let show = read(&["assess", "show", &id]);
    assert!(
        show.contains(&format!("{total} confirmed unchanged")),
        "{show}"
    );
}
