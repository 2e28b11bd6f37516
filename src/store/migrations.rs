//! The schema's migrations, append-only, and the runner that applies them.
//!
//! We use our own ~30-line runner instead of rusqlite_migration: its current
//! release pins an older rusqlite (0.40) than the one we build with (0.43), and
//! opening must inspect `user_version` and `application_id` *before* anything
//! writes to the file, which we do ourselves in `open.rs` anyway.

use rusqlite::Connection;

/// Marks a SQLite file as frontera's ("FRNT").
pub const APPLICATION_ID: i32 = 0x4652_4E54;

/// Every migration, in order. Never edit or reorder one that has been released.
pub const MIGRATIONS: &[(&str, &str)] = &[(
    "0001_initial.sql",
    include_str!("migrations/0001_initial.sql"),
)];

/// The schema version this build writes and reads.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Applies the migrations above `current`, each in its own transaction together
/// with the version bump, so a failure leaves the previous version intact.
pub fn migrate(conn: &mut Connection, current: i64) -> rusqlite::Result<()> {
    for (index, (_, sql)) in MIGRATIONS.iter().enumerate() {
        let version = index as i64 + 1;
        if version <= current {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_file_is_listed_once_in_order() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<String> = MIGRATIONS.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(files, listed);
        for (i, name) in listed.iter().enumerate() {
            assert!(
                name.starts_with(&format!("{:04}_", i + 1)),
                "{name} is out of sequence"
            );
        }
    }

    #[test]
    fn migrations_apply_from_empty_and_are_idempotent() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, 0).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, latest_version());
        let app: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(app, APPLICATION_ID);
        // Running again from the current version changes nothing.
        migrate(&mut conn, version).unwrap();
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 6);
    }
}
