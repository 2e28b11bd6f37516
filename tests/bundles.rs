//! Field teams end to end through the command line: three laptops and HQ
//! work on copies of one assessment, bundles go both ways and to HQ, the
//! same three items answered differently become exactly three conflicts,
//! resolved with reasons; re-imports change nothing; tampered bundles are
//! refused naming what failed; `log verify` finds edits made behind
//! frontera's back.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use crate::cli::{Sandbox, add_desaguadero};

/// One machine: its own database and its own config folder (device key).
struct Laptop {
    dir: tempfile::TempDir,
    person: &'static str,
}

impl Laptop {
    fn new(person: &'static str) -> Laptop {
        Laptop {
            dir: tempfile::tempdir().unwrap(),
            person,
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("frontera.db")
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_frontera"))
            .env("FRONTERA_DB", self.db())
            .env("FRONTERA_CONFIG_DIR", self.dir.path().join("config"))
            .env("FRONTERA_USER", self.person)
            .env_remove("FRONTERA_CONTENT")
            .env("LANG", "C")
            .args(args)
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{} {args:?} failed: {}",
            self.person,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs and expects failure; returns standard error.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "{} {args:?} succeeded", self.person);
        String::from_utf8(out.stderr).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// A copy of `from`'s database, as when a teammate copies the file.
    fn copy_db(&self, from: &Laptop) {
        std::fs::copy(from.db(), self.db()).unwrap();
    }

    fn sql(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.db()).unwrap()
    }

    fn count(&self, sql: &str) -> i64 {
        self.sql().query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

/// The answers of `id` as (item, level) pairs.
fn levels(l: &Laptop, id: &str) -> Vec<(String, Option<i64>)> {
    let conn = l.sql();
    let mut stmt = conn
        .prepare("SELECT item_id, level FROM answers WHERE assessment_id = ?1 ORDER BY item_id")
        .unwrap();
    stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

const SHARED: [&str; 3] = [
    "p2.checks.database-query",
    "p2.checks.thorough-check-entry",
    "p2.checks.minimum-check",
];

/// HQ makes the assessment; three teammates copy the file and each makes a key.
fn team() -> (Laptop, Laptop, Laptop, Laptop, String) {
    let hq = Laptop::new("hq");
    let s = Sandbox::new();
    add_desaguadero(&s);
    let id = s
        .ok(&["assess", "new", "--post", "PE-DES", "--evaluator", "Ana"])
        .trim()
        .to_string();
    std::fs::copy(s.db(), hq.db()).unwrap();
    let (legal, procedures, auditor) = (
        Laptop::new("ana"),
        Laptop::new("bruno"),
        Laptop::new("carla"),
    );
    for l in [&hq, &legal, &procedures, &auditor] {
        if l.person != "hq" {
            l.copy_db(&hq);
        }
        assert!(l.ok(&["key", "init"]).contains("created device key"));
    }
    (hq, legal, procedures, auditor, id)
}

#[test]
fn three_laptops_and_hq_merge_with_exactly_three_conflicts() {
    let (hq, legal, procedures, auditor, id) = team();
    // Pillar 1 by the legal expert, pillar 2 by the procedures evaluator;
    // both answer the same three items, differently.
    legal.ok(&["answer", &id, "p1.strategy.national-ibm-strategy", "3"]);
    legal.ok(&["answer", &id, "p1.strategy.operating-budget", "2"]);
    procedures.ok(&["answer", &id, "p2.checks.hit-handling", "4"]);
    procedures.ok(&["answer", &id, "p2.checks.separate-lanes", "1"]);
    for item in SHARED {
        legal.ok(&["answer", &id, item, "1"]);
        procedures.ok(&["answer", &id, item, "3"]);
    }
    auditor.ok(&[
        "equipment",
        &id,
        "light-source",
        "--required",
        "2",
        "--present",
        "2",
        "--functional",
        "1",
    ]);

    let export = |l: &Laptop, name: &str| {
        let path = l.file(name);
        l.ok(&["bundle", "export", &id, "-o", path.to_str().unwrap()]);
        path
    };
    let from_legal = export(&legal, "legal.frontera");
    let from_procedures = export(&procedures, "procedures.frontera");
    let from_auditor = export(&auditor, "auditor.frontera");

    // An unknown signer is refused until trusted; trusting says so.
    let refused = procedures.fails(&["bundle", "import", from_legal.to_str().unwrap()]);
    assert!(
        refused.contains("does not know") && refused.contains("--trust"),
        "{refused}"
    );
    assert!(
        levels(&procedures, &id)
            .iter()
            .all(|(i, _)| !i.starts_with("p1."))
    );
    let trusted = procedures.ok(&["bundle", "import", "--trust", from_legal.to_str().unwrap()]);
    assert!(trusted.contains("TRUSTED"), "{trusted}");
    legal.ok(&[
        "bundle",
        "import",
        "--trust",
        from_procedures.to_str().unwrap(),
    ]);

    for side in [&legal, &procedures] {
        let conflicts = side.json(&["conflicts", &id, "--json"]);
        let items: Vec<&str> = conflicts
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["item"].as_str().unwrap())
            .collect();
        let mut sorted = items.clone();
        sorted.sort_unstable();
        let mut shared = SHARED.to_vec();
        shared.sort_unstable();
        assert_eq!(sorted, shared, "{}: {conflicts}", side.person);
        // Each side keeps its own value until a person decides.
        let mine = &conflicts[0]["mine"]["value"];
        let expected = if side.person == "ana" {
            "level 1"
        } else {
            "level 3"
        };
        assert_eq!(mine, expected, "{}", side.person);
    }
    // Fields changed on one side only were taken.
    let merged = levels(&procedures, &id);
    assert!(
        merged.contains(&("p1.strategy.national-ibm-strategy".into(), Some(3))),
        "{merged:?}"
    );
    assert!(merged.contains(&("p2.checks.hit-handling".into(), Some(4))));

    // HQ gathers all three bundles.
    for bundle in [&from_legal, &from_procedures, &from_auditor] {
        hq.ok(&["bundle", "import", "--trust", bundle.to_str().unwrap()]);
    }
    let answers = levels(&hq, &id);
    for item in [
        "p1.strategy.national-ibm-strategy",
        "p1.strategy.operating-budget",
        "p2.checks.hit-handling",
        "p2.checks.separate-lanes",
    ]
    .iter()
    .chain(SHARED.iter())
    {
        assert!(
            answers.iter().any(|(i, l)| i == item && l.is_some()),
            "{item} missing: {answers:?}"
        );
    }
    let present = hq.count(&format!(
        "SELECT present FROM equipment WHERE assessment_id = '{id}' AND type_id = 'light-source'"
    ));
    assert_eq!(present, 2);
    let open = hq.count("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL");
    assert_eq!(open, 3);

    // Finalising waits for the conflicts.
    let refused = hq.fails(&["assess", "finalise", &id, "--reason", "mission over"]);
    assert!(refused.contains("3 merge conflicts are open"), "{refused}");

    // Re-importing every bundle changes nothing.
    let before = (
        hq.count("SELECT count(*) FROM change_log"),
        hq.count("SELECT count(*) FROM conflicts"),
        levels(&hq, &id),
    );
    for bundle in [&from_legal, &from_procedures, &from_auditor] {
        let again = hq.ok(&["bundle", "import", bundle.to_str().unwrap()]);
        assert!(again.contains("nothing changed"), "{again}");
    }
    let after = (
        hq.count("SELECT count(*) FROM change_log"),
        hq.count("SELECT count(*) FROM conflicts"),
        levels(&hq, &id),
    );
    assert_eq!(before, after);

    // Resolve: one each way and one with a new value, each with a reason.
    hq.ok(&[
        "conflicts",
        "resolve",
        &id,
        SHARED[0],
        "--take",
        "mine",
        "--reason",
        "seen on site",
    ]);
    hq.ok(&[
        "conflicts",
        "resolve",
        &id,
        SHARED[1],
        "--take",
        "theirs",
        "--reason",
        "SOP read",
    ]);
    hq.ok(&[
        "conflicts",
        "resolve",
        &id,
        SHARED[2],
        "--take",
        "2",
        "--reason",
        "team agreed",
    ]);
    let bad = hq.fails(&[
        "conflicts",
        "resolve",
        &id,
        SHARED[2],
        "--take",
        "2",
        "--reason",
        "x",
    ]);
    assert!(bad.contains("no open conflict"), "{bad}");
    let answers = levels(&hq, &id);
    let level = |item: &str| answers.iter().find(|(i, _)| i == item).unwrap().1;
    assert_eq!(level(SHARED[2]), Some(2));
    assert_ne!(
        level(SHARED[0]),
        level(SHARED[1]),
        "mine and theirs differ: {answers:?}"
    );
    let log = hq.json(&["log", &id, "--json"]);
    let reasons: Vec<String> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["entity"] == "conflict")
        .map(|c| c["new"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(reasons.len(), 3, "{log}");
    for reason in ["seen on site", "SOP read", "team agreed"] {
        assert!(reasons.iter().any(|r| r.contains(reason)), "{reasons:?}");
    }
    assert!(hq.ok(&["log", "verify"]).contains("intact"));
    assert_eq!(
        hq.count("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL"),
        0
    );
}

/// A copy of `bundle` changed by `change`, beside it.
fn tampered(bundle: &Path, name: &str, change: impl FnOnce(&Path)) -> PathBuf {
    let copy = bundle.with_file_name(name);
    std::fs::copy(bundle, &copy).unwrap();
    change(&copy);
    copy
}

#[test]
fn tampered_bundles_are_refused_naming_what_failed() {
    let (hq, legal, _, _, id) = team();
    for item in SHARED {
        legal.ok(&["answer", &id, item, "2"]);
    }
    let bundle = legal.file("legal.frontera");
    legal.ok(&["bundle", "export", &id, "-o", bundle.to_str().unwrap()]);
    let verified = legal.ok(&["bundle", "verify", bundle.to_str().unwrap()]);
    assert!(
        verified.contains("intact") && verified.contains("signed by device dev-"),
        "{verified}"
    );

    let one_byte = tampered(&bundle, "byte.frontera", |p| {
        let mut bytes = std::fs::read(p).unwrap();
        let at = bytes.windows(11).position(|w| w == b"Desaguadero").unwrap();
        bytes[at] = b'E';
        std::fs::write(p, bytes).unwrap();
    });
    let row_removed = tampered(&bundle, "removed.frontera", |p| {
        let conn = rusqlite::Connection::open(p).unwrap();
        conn.execute("DELETE FROM answers WHERE item_id = ?1", [SHARED[0]])
            .unwrap();
    });
    let reordered = tampered(&bundle, "reordered.frontera", |p| {
        let conn = rusqlite::Connection::open(p).unwrap();
        let device: String = conn
            .query_row(
                "SELECT device_id FROM change_log ORDER BY device_seq DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let top: i64 = conn
            .query_row(
                "SELECT max(device_seq) FROM change_log WHERE device_id = ?1",
                [&device],
                |r| r.get(0),
            )
            .unwrap();
        conn.execute_batch(&format!(
            "UPDATE change_log SET device_seq = -1 WHERE device_id = '{device}' AND device_seq = {top};
             UPDATE change_log SET device_seq = {top} WHERE device_id = '{device}' AND device_seq = {};
             UPDATE change_log SET device_seq = {} WHERE device_id = '{device}' AND device_seq = -1;",
            top - 1,
            top - 1
        ))
        .unwrap();
    });
    let cases = [
        (&one_byte, "differs from what was signed"),
        (&row_removed, "rows were removed"),
        (&reordered, "reordered"),
    ];
    let mut messages = Vec::new();
    for (file, expected) in cases {
        let verify = legal.fails(&["bundle", "verify", file.to_str().unwrap()]);
        assert!(verify.contains(expected), "{}: {verify}", file.display());
        let import = hq.fails(&["bundle", "import", "--trust", file.to_str().unwrap()]);
        assert!(import.contains(expected), "{import}");
        messages.push(verify);
    }
    messages.dedup();
    assert_eq!(messages.len(), 3, "each failure has its own message");
    // Nothing reached HQ, not even the signer's trust.
    assert_eq!(hq.count("SELECT count(*) FROM trusted_signers"), 0);
    assert_eq!(hq.count("SELECT count(*) FROM answers"), 0);
    let not_bundle = hq.fails(&["bundle", "import", hq.db().to_str().unwrap()]);
    assert!(not_bundle.contains("not a frontera bundle"), "{not_bundle}");
}

#[test]
fn log_verify_names_a_row_edited_behind_frontera() {
    let (_, legal, _, _, id) = team();
    for item in SHARED {
        legal.ok(&["answer", &id, item, "2"]);
    }
    assert!(legal.ok(&["log", "verify", &id]).contains("intact"));
    let seq: i64 = legal.count(&format!(
        "SELECT seq FROM change_log WHERE entity_id = '{}' AND field = 'response'",
        SHARED[1]
    ));
    legal
        .sql()
        .execute(
            "UPDATE change_log SET new_value = '4' WHERE seq = ?1",
            [seq],
        )
        .unwrap();
    let out = legal.run(&["log", "verify"]);
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("(change-log row {seq}) was changed")),
        "{text}"
    );
}

#[test]
fn a_final_assessment_is_never_changed_by_an_import() {
    let (hq, legal, _, _, id) = team();
    legal.ok(&["answer", &id, SHARED[0], "4"]);
    let bundle = legal.file("legal.frontera");
    legal.ok(&["bundle", "export", &id, "-o", bundle.to_str().unwrap()]);
    hq.ok(&["assess", "submit", &id]);
    hq.ok(&["assess", "finalise", &id, "--reason", "closing the mission"]);
    let before = levels(&hq, &id);
    hq.ok(&["bundle", "import", "--trust", bundle.to_str().unwrap()]);
    assert_eq!(levels(&hq, &id), before);
    let conflicts = hq.json(&["conflicts", &id, "--json"]);
    assert_eq!(conflicts.as_array().unwrap().len(), 1, "{conflicts}");
    let refused = hq.fails(&[
        "conflicts",
        "resolve",
        &id,
        SHARED[0],
        "--take",
        "theirs",
        "--reason",
        "x",
    ]);
    assert!(refused.contains("reopen"), "{refused}");
}

#[test]
fn a_resolution_travels_back_and_settles_the_other_side() {
    let (_, legal, procedures, _, id) = team();
    for item in SHARED {
        legal.ok(&["answer", &id, item, "1"]);
        procedures.ok(&["answer", &id, item, "3"]);
    }
    let a = legal.file("a.frontera");
    let b = procedures.file("b.frontera");
    legal.ok(&["bundle", "export", &id, "-o", a.to_str().unwrap()]);
    procedures.ok(&["bundle", "export", &id, "-o", b.to_str().unwrap()]);
    procedures.ok(&["bundle", "import", "--trust", a.to_str().unwrap()]);
    legal.ok(&["bundle", "import", "--trust", b.to_str().unwrap()]);
    for item in SHARED {
        legal.ok(&[
            "conflicts",
            "resolve",
            &id,
            item,
            "--take",
            "theirs",
            "--reason",
            "Bruno saw it",
        ]);
    }
    let back = legal.file("back.frontera");
    legal.ok(&["bundle", "export", &id, "-o", back.to_str().unwrap()]);
    procedures.ok(&["bundle", "import", back.to_str().unwrap()]);
    assert_eq!(
        procedures.count("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL"),
        0,
        "the resolution settled the same conflicts there"
    );
    assert_eq!(
        levels(&legal, &id),
        levels(&procedures, &id),
        "both sides agree"
    );
    assert!(levels(&legal, &id).iter().all(|(_, l)| *l == Some(3)));
    assert!(procedures.ok(&["log", "verify"]).contains("intact"));
}
