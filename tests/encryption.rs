//! Encryption at rest (`--features encryption`): an encrypted database is
//! noise to plain SQLite and opens with its passphrase; rekey and decrypt keep
//! every row; a wrong passphrase, and an encrypted file that is foreign, newer
//! or cut short, leave the file byte for byte as it was.

use crate::cli::Sandbox;

#[cfg(not(feature = "encryption"))]
#[test]
fn a_build_without_encryption_refuses_to_encrypt_and_changes_nothing() {
    let s = Sandbox::new();
    s.ok(&["demo"]);
    let before = std::fs::read(s.db()).unwrap();
    let err = s.fails(1, &["db", "encrypt"]);
    assert!(err.contains("--features encryption"), "{err}");
    assert_eq!(std::fs::read(s.db()).unwrap(), before);
}

#[cfg(feature = "encryption")]
mod sqlcipher {
    use std::path::{Path, PathBuf};
    use std::process::{Command, Output};

    use rusqlite::Connection;
    use rusqlite::types::Value;

    use super::Sandbox;
    use crate::tui::{Tmux, command};

    const PASS: &str = "correct horse battery staple";
    const NEW: &str = "tr0ub4dor & 3 'quotes'";

    /// Runs frontera with `pass` in FRONTERA_PASSPHRASE (none: unset) and no
    /// controlling terminal, so nothing can be asked.
    fn run(s: &Sandbox, pass: Option<&str>, new: Option<&str>, args: &[&str]) -> Output {
        use std::os::unix::process::CommandExt;
        let mut cmd = s.process();
        cmd.args(args)
            .env_remove("FRONTERA_PASSPHRASE")
            .env_remove("FRONTERA_NEW_PASSPHRASE");
        if let Some(pass) = pass {
            cmd.env("FRONTERA_PASSPHRASE", pass);
        }
        if let Some(new) = new {
            cmd.env("FRONTERA_NEW_PASSPHRASE", new);
        }
        // SAFETY: setsid only detaches the child from the terminal; it runs
        // between fork and exec and touches no memory of the parent.
        unsafe {
            cmd.pre_exec(|| {
                libc::setsid();
                Ok(())
            });
        }
        cmd.output().unwrap()
    }

    fn ok(s: &Sandbox, pass: Option<&str>, new: Option<&str>, args: &[&str]) -> String {
        let out = run(s, pass, new, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn fails(s: &Sandbox, code: i32, pass: Option<&str>, args: &[&str]) -> String {
        let out = run(s, pass, None, args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(err.trim().lines().count(), 1, "one clear message: {err}");
        err
    }

    /// Every row of every table, as text, sorted: what "keeps every row" means.
    fn dump(path: &Path, key: Option<&str>) -> rusqlite::Result<Vec<String>> {
        let conn = Connection::open(path)?;
        if let Some(key) = key {
            conn.pragma_update(None, "key", key)?;
        }
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut rows = Vec::new();
        for table in tables {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\""))?;
            let n = stmt.column_count();
            let mut found = stmt.query([])?;
            while let Some(row) = found.next()? {
                let values: Vec<Value> = (0..n)
                    .map(|i| row.get(i))
                    .collect::<rusqlite::Result<_>>()?;
                rows.push(format!("{table}: {values:?}"));
            }
        }
        rows.sort();
        Ok(rows)
    }

    fn side_files(path: &Path) -> Vec<PathBuf> {
        ["-wal", "-shm", ".frontera-rekey"]
            .iter()
            .map(|s| {
                let mut name = path.as_os_str().to_os_string();
                name.push(s);
                PathBuf::from(name)
            })
            .filter(|p| p.exists())
            .collect()
    }

    /// A demo database, encrypted with [`PASS`]; returns its rows from before.
    fn encrypted_demo(s: &Sandbox) -> Vec<String> {
        s.ok(&["demo"]);
        let rows = dump(&s.db(), None).unwrap();
        assert!(rows.len() > 500, "the demo has rows: {}", rows.len());
        ok(s, Some(PASS), None, &["db", "encrypt"]);
        rows
    }

    fn python_reads(path: &Path) -> Output {
        Command::new("python3")
            .args([
                "-c",
                "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from sqlite_master').fetchone()[0])",
            ])
            .arg(path)
            .output()
            .unwrap()
    }

    #[test]
    fn an_encrypted_database_is_noise_to_plain_sqlite_and_opens_with_its_passphrase() {
        let s = Sandbox::new();
        let rows = encrypted_demo(&s);
        let bytes = std::fs::read(s.db()).unwrap();
        assert!(!bytes.starts_with(b"SQLite format 3"));
        assert!(
            !bytes.windows(8).any(|w| w == b"Rumichac"),
            "a post name is readable in the file"
        );
        let python = python_reads(&s.db());
        assert!(!python.status.success(), "python3's sqlite3 read it");
        assert!(
            String::from_utf8_lossy(&python.stderr).contains("not a database"),
            "{python:?}"
        );
        assert!(dump(&s.db(), None).is_err(), "opened without a key");
        // No passphrase and no terminal to ask it on.
        let err = fails(&s, 1, None, &["post", "list"]);
        assert!(
            err.contains("encrypted") && err.contains("FRONTERA_PASSPHRASE"),
            "{err}"
        );
        let listed = ok(&s, Some(PASS), None, &["post", "list"]);
        assert!(listed.contains("EC-RUM"), "{listed}");
        assert_eq!(dump(&s.db(), Some(PASS)).unwrap(), rows);
        assert_eq!(side_files(&s.db()), Vec::<PathBuf>::new());
    }

    #[test]
    fn rekey_and_decrypt_keep_every_row() {
        let s = Sandbox::new();
        let rows = encrypted_demo(&s);
        ok(&s, Some(PASS), Some(NEW), &["db", "rekey"]);
        assert_eq!(dump(&s.db(), Some(NEW)).unwrap(), rows);
        assert!(
            dump(&s.db(), Some(PASS)).is_err(),
            "the old passphrase still opens it"
        );
        let err = fails(&s, 1, Some(PASS), &["post", "list"]);
        assert!(err.contains("does not open with this passphrase"), "{err}");
        // Writing works on the rekeyed file, and the change is kept.
        let id = ok(
            &s,
            Some(NEW),
            None,
            &["assess", "new", "--post", "DEMO-PE-DES"],
        );
        assert!(!id.trim().is_empty());
        let rows = dump(&s.db(), Some(NEW)).unwrap();
        ok(&s, Some(NEW), None, &["db", "decrypt"]);
        let python = python_reads(&s.db());
        assert!(python.status.success(), "{python:?}");
        assert_eq!(dump(&s.db(), None).unwrap(), rows);
        ok(&s, None, None, &["db", "check"]);
    }

    #[test]
    fn a_wrong_passphrase_leaves_the_file_byte_for_byte_unchanged() {
        let s = Sandbox::new();
        encrypted_demo(&s);
        let before = std::fs::read(s.db()).unwrap();
        for args in [
            vec!["post", "list"],
            vec!["db", "check"],
            vec!["db", "decrypt"],
            vec!["db", "rekey"],
            vec!["demo"],
            vec!["assess", "new", "--post", "DEMO-PE-DES"],
        ] {
            let out = run(&s, Some("wrong"), Some(NEW), &args);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("does not open with this passphrase"),
                "{args:?}: {err}"
            );
            assert_eq!(
                std::fs::read(s.db()).unwrap(),
                before,
                "{args:?} changed the file"
            );
            assert_eq!(side_files(&s.db()), Vec::<PathBuf>::new(), "{args:?}");
        }
        let err = fails(&s, 2, Some(PASS), &["db", "encrypt"]);
        assert!(err.contains("already encrypted"), "{err}");
    }

    /// Changes an encrypted copy through SQLCipher itself.
    fn keyed(path: &Path, sql: &str) {
        let conn = Connection::open(path).unwrap();
        conn.pragma_update(None, "key", PASS).unwrap();
        conn.execute_batch(sql).unwrap();
    }

    #[test]
    fn encrypted_files_that_are_foreign_newer_or_cut_short_are_refused_untouched() {
        let s = Sandbox::new();
        encrypted_demo(&s);
        let good = std::fs::read(s.db()).unwrap();
        let newer = s.dir.path().join("newer.db");
        std::fs::write(&newer, &good).unwrap();
        keyed(
            &newer,
            "PRAGMA user_version = 999; PRAGMA journal_mode = DELETE;",
        );
        let foreign = s.dir.path().join("foreign.db");
        keyed(&foreign, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
        let short = s.dir.path().join("short.db");
        std::fs::write(&short, &good[..good.len() / 2]).unwrap();
        for (file, says) in [
            (&newer, "newer frontera"),
            (&foreign, "another program"),
            (&short, "damaged"),
        ] {
            let before = std::fs::read(file).unwrap();
            let out = s
                .process()
                .env("FRONTERA_DB", file)
                .env("FRONTERA_PASSPHRASE", PASS)
                .args(["post", "list"])
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{}: {err}", file.display());
            assert!(err.contains(says), "{}: {err}", file.display());
            assert_eq!(std::fs::read(file).unwrap(), before, "{}", file.display());
            assert_eq!(side_files(file), Vec::<PathBuf>::new());
        }
    }

    #[test]
    fn the_interface_asks_for_the_passphrase_before_it_starts() {
        let s = Sandbox::new();
        encrypted_demo(&s);
        let tmux = Tmux::start("passphrase", &command(&s.db(), ""));
        tmux.wait("the question", |screen| screen.contains("Passphrase of"));
        tmux.literal(PASS);
        tmux.keys(&["Enter"]);
        let screen = tmux.wait("the home screen", |screen| {
            screen.contains("Border posts (4)")
        });
        assert!(!screen.contains(PASS), "the passphrase was echoed");
        tmux.keys(&["q"]);
        tmux.wait_pane("#{pane_dead}", "1");
        let after = tmux.screen();
        assert!(!after.contains(PASS), "the passphrase was echoed: {after}");
    }
}
