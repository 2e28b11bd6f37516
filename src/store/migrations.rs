//! The schema's migrations, append-only, the runner that applies them, and the
//! tables and columns the latest schema must have (checked on every open).
//!
//! We use our own small runner instead of rusqlite_migration: its current
//! release pins an older rusqlite (0.40) than the one we build with (0.43), and
//! opening must inspect `user_version` and `application_id` *before* anything
//! writes to the file, which we do ourselves in `open.rs` anyway.

use rusqlite::{Connection, TransactionBehavior};

/// Marks a SQLite file as frontera's ("FRNT").
pub const APPLICATION_ID: i32 = 0x4652_4E54;

/// Every migration, in order. Never edit or reorder one that has been released.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_initial.sql",
        include_str!("migrations/0001_initial.sql"),
    ),
    (
        "0002_identity.sql",
        include_str!("migrations/0002_identity.sql"),
    ),
    (
        "0003_pack_cache.sql",
        include_str!("migrations/0003_pack_cache.sql"),
    ),
    (
        "0004_depth_and_national.sql",
        include_str!("migrations/0004_depth_and_national.sql"),
    ),
    (
        "0005_action_plans.sql",
        include_str!("migrations/0005_action_plans.sql"),
    ),
    (
        "0006_method_and_note_language.sql",
        include_str!("migrations/0006_method_and_note_language.sql"),
    ),
    (
        "0007_carry_over.sql",
        include_str!("migrations/0007_carry_over.sql"),
    ),
    (
        "0008_evidence.sql",
        include_str!("migrations/0008_evidence.sql"),
    ),
    (
        "0009_submissions.sql",
        include_str!("migrations/0009_submissions.sql"),
    ),
    (
        "0010_device_chain.sql",
        include_str!("migrations/0010_device_chain.sql"),
    ),
];

/// The version whose change-log rows are chained in Rust after its SQL runs.
const CHAIN_VERSION: i64 = 10;

/// Every table of the latest schema with every column it must have. A test
/// checks this list against what the migrations build, so the two cannot drift.
pub const SCHEMA: &[(&str, &[&str])] = &[
    (
        "posts",
        &[
            "code",
            "name",
            "country",
            "neighbour",
            "kind",
            "cargo",
            "model",
            "lanes",
            "cargo_lanes",
            "booths",
            "shifts",
            "agencies",
            "created_at",
            "created_by",
        ],
    ),
    (
        "content_packs",
        &["hash", "pack_id", "version", "files", "stored_at"],
    ),
    (
        "assessments",
        &[
            "id",
            "post_code",
            "kind",
            "status",
            "evaluators",
            "target_level",
            "pack_hash",
            "created_at",
            "created_by",
            "updated_at",
            "submitted_at",
            "finalised_at",
            "depth",
            "pillar_targets",
            "last_action_number",
            "visit_from",
            "visit_to",
            "interviewed",
            "sites_seen",
            "traffic",
            "carried_from",
        ],
    ),
    (
        "answers",
        &[
            "assessment_id",
            "item_id",
            "level",
            "na_reason",
            "note",
            "updated_at",
            "updated_by",
            "copied_from",
            "note_lang",
            "confirmed_from",
        ],
    ),
    (
        "equipment",
        &[
            "assessment_id",
            "type_id",
            "required",
            "present",
            "functional",
            "in_use",
            "trained",
            "needed",
            "maintained",
            "note",
            "updated_at",
            "updated_by",
            "note_lang",
        ],
    ),
    (
        "change_log",
        &[
            "seq",
            "at",
            "actor",
            "assessment_id",
            "entity",
            "entity_id",
            "field",
            "old_value",
            "new_value",
            "device_id",
            "device_seq",
            "prev_hash",
            "row_hash",
        ],
    ),
    ("meta", &["singleton", "database_id", "writes"]),
    ("pack_cache", &["hash", "format", "data", "structure"]),
    (
        "actions",
        &[
            "id",
            "assessment_id",
            "number",
            "proposal_key",
            "title",
            "body",
            "priority",
            "proposed_priority",
            "agency",
            "due",
            "cost",
            "currency",
            "status",
            "status_reason",
            "edited",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by",
        ],
    ),
    (
        "carried_answers",
        &[
            "assessment_id",
            "item_id",
            "level",
            "na_reason",
            "note",
            "note_lang",
            "carried_at",
            "carried_by",
        ],
    ),
    ("action_cites", &["action_id", "kind", "target", "position"]),
    (
        "action_followups",
        &[
            "assessment_id",
            "action_id",
            "outcome",
            "note",
            "updated_at",
            "updated_by",
        ],
    ),
    (
        "review_flags",
        &[
            "id",
            "assessment_id",
            "kind",
            "target",
            "comment",
            "raised_by",
            "raised_at",
            "resolution",
            "resolved_by",
            "resolved_at",
        ],
    ),
    (
        "evidence_files",
        &["sha256", "size", "media_type", "data", "stored_at"],
    ),
    (
        "evidence",
        &[
            "id",
            "assessment_id",
            "target_kind",
            "target_id",
            "sha256",
            "file_name",
            "caption",
            "exif_time",
            "exif_lat",
            "exif_lon",
            "added_at",
            "added_by",
            "removed_at",
            "removed_by",
            "removed_reason",
        ],
    ),
    (
        "submissions",
        &[
            "assessment_id",
            "uuid",
            "source",
            "form_version",
            "submitted_at",
            "submitted_by",
            "imported_at",
            "imported_by",
        ],
    ),
    (
        "chain_stubs",
        &["device_id", "device_seq", "prev_hash", "row_hash"],
    ),
    ("device_exports", &["device_id", "through_seq"]),
    (
        "trusted_signers",
        &["device_id", "public_key", "trusted_at", "trusted_by"],
    ),
    (
        "conflicts",
        &[
            "number",
            "uid",
            "assessment_id",
            "entity",
            "entity_id",
            "field",
            "mine",
            "mine_by",
            "mine_at",
            "mine_device",
            "theirs",
            "theirs_by",
            "theirs_at",
            "theirs_device",
            "created_at",
            "resolved_at",
            "resolved_by",
            "resolution",
            "reason",
        ],
    ),
];

/// The schema version this build writes and reads.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// The stored schema version.
pub fn stored_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Why a migration did not happen.
#[derive(Debug)]
pub enum MigrateError {
    Sql(rusqlite::Error),
    /// The migrated schema lacks a table or column: the file was damaged.
    Schema(String),
}

impl From<rusqlite::Error> for MigrateError {
    fn from(e: rusqlite::Error) -> Self {
        MigrateError::Sql(e)
    }
}

/// Brings the schema to the latest version in one transaction that takes the
/// write lock first and reads the version under it: of several processes
/// opening a new or old database at once, one migrates and the others find the
/// work done. The result is checked against [`SCHEMA`] before it is committed,
/// so a damaged file is never half-upgraded; any failure leaves the previous
/// version intact. Returns whether anything was applied.
pub fn migrate(conn: &mut Connection) -> Result<bool, MigrateError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = stored_version(&tx)?;
    if current >= latest_version() {
        return Ok(false);
    }
    for (index, (_, sql)) in MIGRATIONS.iter().enumerate() {
        let version = index as i64 + 1;
        if version > current {
            tx.execute_batch(sql)?;
            if version == CHAIN_VERSION {
                super::chain::seal_legacy(&tx)?;
            }
        }
    }
    if let Some(missing) = missing_schema(&tx)? {
        return Err(MigrateError::Schema(missing));
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", latest_version())?;
    tx.commit()?;
    Ok(true)
}

/// The first table or column of [`SCHEMA`] the database lacks, if any (one
/// query, on every open).
pub fn missing_schema(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let mut stmt = conn.prepare(
        "SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c
         WHERE m.type = 'table'",
    )?;
    let present: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (table, columns) in SCHEMA {
        if !present.iter().any(|(t, _)| t == table) {
            return Ok(Some(format!("table {table} is missing")));
        }
        if let Some(column) = columns
            .iter()
            .find(|c| !present.iter().any(|(t, name)| t == table && name == *c))
        {
            return Ok(Some(format!("column {table}.{column} is missing")));
        }
    }
    Ok(None)
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
        assert!(migrate(&mut conn).unwrap());
        assert_eq!(stored_version(&conn).unwrap(), latest_version());
        let app: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(app, APPLICATION_ID);
        // Running again from the current version changes nothing.
        assert!(!migrate(&mut conn).unwrap());
        let id: String = conn
            .query_row("SELECT database_id FROM meta", [], |r| r.get(0))
            .unwrap();
        assert!(
            id.starts_with("frontera-db:") && id.len() == 12 + 32,
            "{id}"
        );
    }

    #[test]
    fn the_schema_list_is_exactly_what_the_migrations_build() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table'
                 AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
            .unwrap();
        let mut tables: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut listed: Vec<String> = SCHEMA.iter().map(|(t, _)| t.to_string()).collect();
        tables.sort();
        listed.sort();
        assert_eq!(tables, listed);
        for (table, columns) in SCHEMA {
            let mut stmt = conn
                .prepare("SELECT name FROM pragma_table_info(?1)")
                .unwrap();
            let built: Vec<String> = stmt
                .query_map([table], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            assert_eq!(built, *columns, "columns of {table}");
        }
        assert_eq!(missing_schema(&conn).unwrap(), None);
        conn.execute_batch("ALTER TABLE answers DROP COLUMN note")
            .unwrap();
        assert_eq!(
            missing_schema(&conn).unwrap().as_deref(),
            Some("column answers.note is missing")
        );
    }
}
