//! No network, proven: the real binary's demo, score, export, report, content
//! check and the interface (start, quit) run under `strace -f -e
//! trace=network`, and any socket call fails the test. The checker is shown to
//! catch a socket call on a program that makes one.

use std::path::Path;
use std::process::Command;

use crate::tui::{BIN, Tmux, command};

use std::collections::HashSet;

/// What `strace -e trace=network` prints besides system calls: signals
/// (`--- SIGCHLD ... ---`), exits (`+++ exited with 0 +++`) and the second
/// half of a call another thread interrupted (`<... recvfrom resumed>`), whose
/// first half was already read.
fn is_not_a_call(line: &str) -> bool {
    line.starts_with("---")
        || line.starts_with("+++")
        || line.starts_with("<...")
        || line.is_empty()
}

/// Calls that move data on a socket already made; allowed only on the two
/// ends of an unnamed `socketpair(AF_UNIX, …)`.
const DATA_CALLS: &[&str] = &[
    "recvfrom",
    "sendto",
    "recvmsg",
    "sendmsg",
    "recvmmsg",
    "sendmmsg",
    "shutdown",
    "getsockopt",
    "setsockopt",
    "getsockname",
];

/// The socket calls in a trace written with `-f -e trace=network`. The filter
/// lets only network calls through (socket, connect, bind, sendto…), so every
/// call is one too many, with one exception: an unnamed `socketpair(AF_UNIX)`
/// and the reads and writes on its two ends. That is a pipe inside the
/// process, reachable by nothing outside it; signal-hook (SIGTERM, SIGHUP in
/// the interface) and crossterm (SIGWINCH, through signal-hook-mio) wake their
/// threads with one. A `socket()` of any family, AF_UNIX included, fails.
pub fn network_calls(trace: &str) -> Vec<String> {
    let mut pair_ends: HashSet<String> = HashSet::new();
    let mut calls = Vec::new();
    for line in trace.lines() {
        let line = line
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start();
        if is_not_a_call(line) {
            continue;
        }
        let (name, args) = line.split_once('(').unwrap_or((line, ""));
        if name == "socketpair"
            && args.starts_with("AF_UNIX,")
            && let Some(fds) = args.split_once('[').and_then(|(_, r)| r.split_once(']'))
        {
            pair_ends.extend(fds.0.split(',').map(|fd| fd.trim().to_string()));
            continue;
        }
        let fd = args.split(',').next().unwrap_or("").trim();
        if DATA_CALLS.contains(&name) && pair_ends.contains(fd) {
            continue;
        }
        calls.push(line.to_string());
    }
    calls
}

/// Runs `program args` under strace with its trace in `log`; returns the
/// network calls of the program and all its children.
fn traced(log: &Path, program: &str, args: &[&str], env: &[(&str, &Path)]) -> Vec<String> {
    let mut cmd = Command::new("strace");
    cmd.args(["-f", "-q", "-e", "trace=network", "-o"])
        .arg(log)
        .arg(program)
        .args(args)
        .env("FRONTERA_USER", "tester")
        .env_remove("FRONTERA_CONTENT")
        .env("LANG", "C");
    for (key, value) in env {
        cmd.env(key, value);
    }
    let out = cmd
        .output()
        .expect("strace must be installed to run this test (.ci/run installs it)");
    assert!(
        out.status.success(),
        "{program} {args:?} failed under strace: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    network_calls(&std::fs::read_to_string(log).expect("strace wrote its trace"))
}

#[test]
fn the_checker_reads_calls_and_skips_signals_and_exits() {
    let trace = "\
1234  socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3
1234  --- SIGCHLD {si_signo=SIGCHLD} ---
1235  connect(3, {sa_family=AF_INET, sin_port=htons(80)}, 16 <unfinished ...>
1234  +++ exited with 0 +++
";
    let calls = network_calls(trace);
    assert_eq!(calls.len(), 2, "{calls:?}");
    assert!(calls[0].starts_with("socket("));
    assert!(calls[1].starts_with("connect("));
    assert!(network_calls("42 +++ exited with 0 +++\n").is_empty());
}

#[test]
fn only_an_unnamed_local_pair_and_its_own_ends_are_allowed() {
    let local = "\
77 socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [6, 7]) = 0
78 recvfrom(6,  <unfinished ...>
77 sendto(7, \"X\", 1, MSG_DONTWAIT, NULL, 0) = 1
78 <... recvfrom resumed> \"X\", 1024, MSG_DONTWAIT, NULL, NULL) = 1
";
    assert!(
        network_calls(local).is_empty(),
        "{:?}",
        network_calls(local)
    );
    let other = format!(
        "{local}77 recvfrom(9, 0x7f, 1024, 0, NULL, NULL) = 0
77 socket(AF_UNIX, SOCK_STREAM, 0) = 8
77 socketpair(AF_INET, SOCK_STREAM, 0, 0x7ffd) = -1 EOPNOTSUPP
77 bind(8, {{sa_family=AF_UNIX, sun_path=\"/tmp/s\"}}, 110) = 0
"
    );
    let calls = network_calls(&other);
    let names: Vec<&str> = calls.iter().map(|c| c.split('(').next().unwrap()).collect();
    assert_eq!(names, ["recvfrom", "socket", "socketpair", "bind"]);
}

#[test]
fn the_check_catches_a_program_that_opens_a_socket() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("python.trace");
    let calls = traced(
        &log,
        "python3",
        &["-c", "import socket; socket.socket()"],
        &[],
    );
    assert!(
        calls.iter().any(|c| c.starts_with("socket(")),
        "the socket call was not seen: {calls:?}"
    );
    let quiet = traced(&dir.path().join("true.trace"), "true", &[], &[]);
    assert!(quiet.is_empty(), "{quiet:?}");
}

#[test]
fn the_commands_open_no_socket() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("frontera.db");
    let env = [("FRONTERA_DB", db.as_path())];
    let trace = dir.path().join("trace");
    let run = |args: &[&str]| traced(&trace, BIN, args, &env);
    let demo = Command::new(BIN)
        .args(["demo", "--json"])
        .env("FRONTERA_DB", &db)
        .output()
        .unwrap();
    let ids: serde_json::Value = serde_json::from_slice(&demo.stdout).unwrap();
    let id = ids["assessments"][0].as_str().unwrap().to_string();
    let json = dir.path().join("export.json");
    let pdf = dir.path().join("report.pdf");
    let pack = env!("CARGO_MANIFEST_DIR");
    let runs: [Vec<&str>; 6] = [
        vec!["demo"],
        vec!["score", &id, "--json"],
        vec![
            "export",
            &id,
            "--format",
            "json",
            "-o",
            json.to_str().unwrap(),
        ],
        vec!["report", &id, "-o", pdf.to_str().unwrap()],
        vec!["content", "check"],
        vec!["content", "check", pack],
    ];
    for args in runs {
        let calls = run(&args);
        assert!(calls.is_empty(), "frontera {args:?} made {calls:?}");
    }
    assert!(
        std::fs::metadata(&pdf).is_ok_and(|m| m.len() > 1000),
        "the traced report was written"
    );
}

#[test]
fn the_interface_starts_and_quits_without_a_socket() {
    let dir = tempfile::tempdir().unwrap();
    let db = crate::tui::demo_db(dir.path());
    let log = dir.path().join("tui.trace");
    let traced = format!(
        "strace -f -q -e trace=network -o {} sh -c '{}'",
        log.display(),
        command(&db, "")
    );
    let tmux = Tmux::start("nonet", &traced);
    tmux.wait("the home screen", |s| s.contains("Border posts (4)"));
    tmux.keys(&["q"]);
    tmux.wait_pane("#{pane_dead}", "1");
    let trace = std::fs::read_to_string(&log).expect("strace wrote its trace");
    assert!(
        trace.contains("exited with 0"),
        "the trace covers the whole run:\n{trace}"
    );
    let calls = network_calls(&trace);
    assert!(calls.is_empty(), "the interface made {calls:?}");
}
