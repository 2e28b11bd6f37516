//! The interface in a real terminal (tmux at 80×24): answers shown as saved
//! survive a SIGKILL, and SIGTERM gives the terminal back.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use frontera::domain::assessment::{AssessmentId, Response};
use frontera::store::Store;

pub const BIN: &str = env!("CARGO_BIN_EXE_frontera");
/// The demo's draft follow-up of EC-RUM.
pub const DRAFT: &str = "74516aacb39a";
/// Generous: the screen normally changes within milliseconds.
const PATIENCE: Duration = Duration::from_secs(20);

/// A tmux server of its own (a unique socket), killed when dropped.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(name: &str, command: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("frontera-test-{name}-{}", std::process::id()),
        };
        let status = Command::new("tmux")
            .args(["-L", &tmux.socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", "80", "-y", "24", "-s", "t", command])
            .args([";", "set", "-g", "remain-on-exit", "on"])
            .status()
            .expect("tmux must be installed to run this test (.ci/run installs it)");
        assert!(status.success(), "tmux did not start");
        tmux
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "t"])
    }

    pub fn show(&self, format: &str) -> String {
        self.tmux(&["display", "-p", "-t", "t", format])
            .trim()
            .to_string()
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    pub fn literal(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", text]);
    }

    /// Polls until `ready` holds for the screen, failing after [`PATIENCE`].
    pub fn wait(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {what}; the screen is:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_pane(&self, format: &str, value: &str) {
        let start = Instant::now();
        while self.show(format) != value {
            assert!(start.elapsed() < PATIENCE, "{format} never became {value}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

pub fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("frontera.db");
    let out = Command::new(BIN)
        .args(["demo"])
        .env("FRONTERA_DB", &db)
        .output()
        .unwrap();
    assert!(out.status.success());
    db
}

pub fn command(db: &Path, args: &str) -> String {
    format!(
        "exec env TERM=xterm-256color NO_COLOR=1 FRONTERA_DB={} {BIN} --lang en --as tester {args}",
        db.display()
    )
}

pub fn answers(db: &Path) -> Vec<frontera::domain::assessment::Answer> {
    let store = Store::open(db, "checker").unwrap();
    store.answers(&AssessmentId::new(DRAFT.into())).unwrap()
}

#[test]
fn answers_shown_as_saved_survive_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = answers(&db);
    let tmux = Tmux::start("kill", &command(&db, &format!("open {DRAFT}")));
    tmux.wait("the workspace", |s| {
        s.contains("Equipment │") && s.contains(DRAFT)
    });
    // A level, the next open item and another level, N/A with a reason, a
    // level with notes: each committed before the screen says saved.
    tmux.keys(&["3"]);
    tmux.wait("the first save", |s| s.contains("✓ saved"));
    tmux.keys(&["n", "2", "n", "x"]);
    tmux.wait("the N/A prompt", |s| s.contains("Not applicable: why?"));
    tmux.literal("No shared facility here");
    tmux.keys(&["Enter", "n", "4", "e"]);
    tmux.wait("the editor", |s| s.contains("saved as you type"));
    tmux.literal("Logbook checked on site");
    tmux.keys(&["Escape"]);
    // Leaving the editor closes it and marks the note as saving in one step,
    // so a closed editor with "saved" means the note is committed.
    let screen = tmux.wait("the note saved", |s| {
        !s.contains("saved as you type") && s.contains("✓ saved")
    });
    let pid = tmux.show("#{pane_pid}");
    let status = Command::new("kill").args(["-9", &pid]).status().unwrap();
    assert!(status.success());
    tmux.wait_pane("#{pane_dead}", "1");

    let after = answers(&db);
    let new: Vec<_> = after
        .iter()
        .filter(|a| {
            !before
                .iter()
                .any(|b| b.item == a.item && b.response == a.response)
        })
        .collect();
    let mut responses: Vec<String> = new.iter().map(|a| a.response.code()).collect();
    responses.sort();
    assert_eq!(
        responses,
        ["2", "3", "4", "na"],
        "screen before the kill:\n{screen}"
    );
    assert!(new.iter().any(|a| a.response
        == Response::NotApplicable {
            reason: "No shared facility here".into()
        }));
    let noted = new
        .iter()
        .find(|a| a.response == Response::Level(4))
        .unwrap();
    assert_eq!(noted.note, "Logbook checked on site");
    assert!(new.iter().all(|a| a.updated_by == "tester"));
}

#[test]
fn sigterm_gives_the_terminal_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let tmux = Tmux::start("term", &command(&db, ""));
    tmux.wait("the home screen", |s| s.contains("Border posts (4)"));
    assert_eq!(
        tmux.show("#{alternate_on}"),
        "1",
        "the interface draws on the alternate screen"
    );
    let pid = tmux.show("#{pane_pid}");
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    tmux.wait_pane("#{pane_dead}", "1");
    assert_eq!(
        tmux.show("#{alternate_on}"),
        "0",
        "the alternate screen was left"
    );
}

#[test]
fn a_second_frontera_on_the_same_database_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    // The first three open items, in the order the workspace walks them.
    let (state, _runner) = frontera::tui::start(&frontera::tui::Options {
        db_path: db.clone(),
        content_dir: None,
        lang: frontera::domain::lang::Lang::En,
        actor: "reader".into(),
        open: Some(DRAFT.into()),
    })
    .unwrap();
    let ws = state.workspace.as_ref().unwrap();
    let mut walk = ws.clone();
    let mut open = Vec::new();
    for _ in 0..3 {
        let item = walk.current_item().unwrap().id.clone();
        walk.set_local(&item, Some(Response::Level(0)), None);
        open.push(item);
        if let Some((p, pos)) = walk.next_open() {
            walk.go_to(p, pos);
        }
    }
    let tmux = Tmux::start("two", &command(&db, &format!("open {DRAFT}")));
    // Item ids show in the detail's title, shortened on a narrow screen.
    let shown = |id: &String| id.chars().take(30).collect::<String>();
    tmux.wait("the workspace", |s| s.contains(&shown(&open[0])));
    // Another frontera answers the second open item meanwhile.
    let status = Command::new(BIN)
        .args([
            "answer",
            DRAFT,
            &open[1],
            "1",
            "--note",
            "From the other laptop",
        ])
        .env("FRONTERA_DB", &db)
        .env("FRONTERA_USER", "colleague")
        .status()
        .unwrap();
    assert!(status.success());
    // This one answers the first; after its save it knows the second is
    // answered, so the next open item is the third.
    tmux.keys(&["3"]);
    tmux.wait("the first save", |s| s.contains("✓ saved"));
    tmux.keys(&["n"]);
    tmux.wait("the third item", |s| s.contains(&shown(&open[2])));
    tmux.keys(&["4"]);
    tmux.wait("the second save", |s| {
        s.contains("▶ 4") && s.contains("✓ saved")
    });
    let pid = tmux.show("#{pane_pid}");
    assert!(
        Command::new("kill")
            .args(["-9", &pid])
            .status()
            .unwrap()
            .success()
    );
    tmux.wait_pane("#{pane_dead}", "1");

    let after = answers(&db);
    let find = |item: &str| after.iter().find(|a| a.item == item).unwrap();
    assert_eq!(find(&open[0]).response, Response::Level(3));
    assert_eq!(find(&open[1]).response, Response::Level(1));
    assert_eq!(find(&open[1]).note, "From the other laptop");
    assert_eq!(find(&open[1]).updated_by, "colleague");
    assert_eq!(find(&open[2]).response, Response::Level(4));
}
