//! The one list of tables a bundle carries: how each is chosen from the
//! assessments exported, the order its rows are hashed in, and how an import
//! merges it. Adding a table to bundles is adding one entry here.

/// How an import brings a table's rows in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Merge {
    /// Shared by many assessments, identical wherever it exists (posts, packs,
    /// evidence files): inserted when missing, never changed.
    Shared,
    /// The assessment's own row: inserted when the assessment is new.
    Header,
    /// Merged field by field over the change chains (see merge.rs).
    Fields,
    /// Rows are inserted when their key is not there yet.
    InsertMissing,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct BundleTable {
    pub name: &'static str,
    /// The rows to carry: an SQL condition over the table in schema `{s}`,
    /// with the exported ids in `temp.bundle_ids`.
    pub select: &'static str,
    /// Hashing order (a unique key, so the digest does not depend on storage).
    pub order: &'static str,
    /// The columns that identify a row across databases.
    pub key: &'static [&'static str],
    /// Local row numbers that are not carried (they differ per database).
    pub skip: &'static [&'static str],
    pub merge: Merge,
    /// A blob column and the column holding its SHA-256 (hex), checked on verify.
    pub blob: Option<(&'static str, &'static str)>,
    /// Whether the source may lack the table (the evidence tables come with
    /// schema 9; a bundle from before has none).
    pub optional: bool,
}

/// `COL IN (the exported ids)`.
macro_rules! in_ids {
    ($col:literal) => {
        concat!($col, " IN (SELECT id FROM temp.bundle_ids)")
    };
}

const fn table(
    name: &'static str,
    select: &'static str,
    order: &'static str,
    key: &'static [&'static str],
    merge: Merge,
) -> BundleTable {
    BundleTable {
        name,
        select,
        order,
        key,
        skip: &[],
        merge,
        blob: None,
        optional: false,
    }
}

/// Every table a bundle carries, parents before children (the import inserts
/// in this order, so foreign keys hold).
pub(crate) const TABLES: &[BundleTable] = &[
    table(
        "posts",
        "code IN (SELECT post_code FROM {s}.assessments WHERE id IN (SELECT id FROM temp.bundle_ids))",
        "code",
        &["code"],
        Merge::Shared,
    ),
    table(
        "content_packs",
        "hash IN (SELECT pack_hash FROM {s}.assessments WHERE id IN (SELECT id FROM temp.bundle_ids))",
        "hash",
        &["hash"],
        Merge::Shared,
    ),
    table("assessments", in_ids!("id"), "id", &["id"], Merge::Header),
    table(
        "answers",
        in_ids!("assessment_id"),
        "assessment_id, item_id",
        &["assessment_id", "item_id"],
        Merge::Fields,
    ),
    table(
        "equipment",
        in_ids!("assessment_id"),
        "assessment_id, type_id",
        &["assessment_id", "type_id"],
        Merge::Fields,
    ),
    table(
        "actions",
        in_ids!("assessment_id"),
        "id",
        &["id"],
        Merge::InsertMissing,
    ),
    table(
        "action_cites",
        "action_id IN (SELECT id FROM {s}.actions WHERE assessment_id IN (SELECT id FROM temp.bundle_ids))",
        "action_id, kind, target",
        &["action_id", "kind", "target"],
        Merge::InsertMissing,
    ),
    table(
        "action_followups",
        in_ids!("assessment_id"),
        "assessment_id, action_id",
        &["assessment_id", "action_id"],
        Merge::InsertMissing,
    ),
    BundleTable {
        skip: &["id"],
        ..table(
            "review_flags",
            in_ids!("assessment_id"),
            "assessment_id, kind, target, raised_at, raised_by, comment",
            &[
                "assessment_id",
                "kind",
                "target",
                "raised_at",
                "raised_by",
                "comment",
            ],
            Merge::InsertMissing,
        )
    },
    // Issue 14 point 1 (schema 8): carried when the source has them.
    BundleTable {
        blob: Some(("data", "sha256")),
        optional: true,
        ..table(
            "evidence_files",
            "sha256 IN (SELECT sha256 FROM {s}.evidence WHERE assessment_id IN (SELECT id FROM temp.bundle_ids))",
            "sha256",
            &["sha256"],
            Merge::Shared,
        )
    },
    BundleTable {
        optional: true,
        ..table(
            "evidence",
            in_ids!("assessment_id"),
            "id",
            &["id"],
            Merge::InsertMissing,
        )
    },
];

/// The condition choosing `table`'s rows in schema `schema`.
pub(crate) fn condition(table: &BundleTable, schema: &str) -> String {
    table.select.replace("{s}", schema)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_carried_table_exists_in_the_schema_or_is_optional() {
        for t in TABLES {
            let known = crate::store::migrations::SCHEMA
                .iter()
                .any(|(n, _)| *n == t.name);
            assert!(
                known || t.optional,
                "{} is neither in the schema nor optional",
                t.name
            );
            assert!(!t.key.is_empty(), "{} has no key", t.name);
        }
    }
}
