//! The mouse on the real binary in tmux at 80×24: the terminal's own click
//! and wheel reports (SGR, as xterm sends them) choose tabs and rows, and the
//! terminal's mouse mode is given back on quitting.

use super::tui::{DRAFT, Tmux, command, demo_db};

/// The terminal's report of a left click at a 0-based column and row.
fn click(tmux: &Tmux, column: usize, row: usize) {
    let (x, y) = (column + 1, row + 1);
    tmux.literal(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
}

fn wheel_down(tmux: &Tmux, column: usize, row: usize) {
    tmux.literal(&format!("\x1b[<65;{};{}M", column + 1, row + 1));
}

/// Where `needle` is first on the screen, in columns and rows.
fn find(screen: &str, needle: &str) -> (usize, usize) {
    screen
        .lines()
        .enumerate()
        .find_map(|(y, line)| line.find(needle).map(|b| (line[..b].chars().count(), y)))
        .unwrap_or_else(|| panic!("{needle:?} is not on the screen:\n{screen}"))
}

/// The id in the detail pane's title: the selected item.
fn detail_item(screen: &str) -> String {
    let title = screen.lines().nth(1).unwrap_or_default();
    title
        .split(['┌', ' '])
        .find(|w| w.starts_with('p') && w.contains('.'))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn clicks_choose_tabs_and_items_and_the_wheel_moves_down_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let tmux = Tmux::start("mouse", &command(&db, &format!("open {DRAFT}")));
    let screen = tmux.wait("the workspace", |s| {
        s.contains("Summary") && s.contains(DRAFT)
    });
    assert_eq!(
        tmux.show("#{mouse_any_flag}"),
        "1",
        "the mouse is asked for"
    );
    let (x, y) = find(&screen, "Summary");
    click(&tmux, x + 2, y);
    let screen = tmux.wait("the summary", |s| s.contains("┌ Summary"));
    let (x, y) = find(&screen, "P2");
    click(&tmux, x, y);
    let screen = tmux.wait("pillar 2", |s| s.contains("┌ 2. "));
    let first = detail_item(&screen);
    assert!(first.starts_with("p2."), "{screen}");
    // The third row of the list: a section heading, then two items.
    wheel_down(&tmux, 10, 3);
    let screen = tmux.wait("the next item", |s| detail_item(s) != first);
    let second = detail_item(&screen);
    assert!(second.starts_with("p2."), "{screen}");
    // A click on the first item's row chooses it again.
    click(&tmux, 10, 3);
    tmux.wait("the first item again", |s| detail_item(s) == first);
    tmux.keys(&["q"]);
    tmux.wait_pane("#{pane_dead}", "1");
    assert_eq!(
        tmux.show("#{mouse_any_flag}"),
        "0",
        "the terminal's mouse mode is given back"
    );
}
