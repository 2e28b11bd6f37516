//! Review flags: raised by a reviewer on a submitted assessment, resolved by
//! the evaluator's reply or by a change to what was flagged; finalising waits
//! until none is open.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{Logger, Result, Store, StoreError};
use crate::domain::assessment::AssessmentId;
use crate::domain::plan::Cite;
use crate::domain::review::{ReviewFlag, may_raise};

const COLUMNS: &str = "id, assessment_id, kind, target, comment, raised_by, raised_at, \
     resolution, resolved_by, resolved_at";

fn flag_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ReviewFlag> {
    let kind: String = row.get(2)?;
    let target: String = row.get(3)?;
    Ok(ReviewFlag {
        id: row.get(0)?,
        assessment: row.get(1)?,
        target: Cite::from_parts(&kind, &target).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                2,
                rusqlite::types::Type::Text,
                format!("unknown flag kind '{kind}'").into(),
            )
        })?,
        comment: row.get(4)?,
        raised_by: row.get(5)?,
        raised_at: row.get(6)?,
        resolution: row.get(7)?,
        resolved_by: row.get(8)?,
        resolved_at: row.get(9)?,
    })
}

pub(super) fn flags(conn: &Connection, id: &str, open_only: bool) -> Result<Vec<ReviewFlag>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM review_flags WHERE assessment_id = ?1
           AND (?2 = 0 OR resolved_at IS NULL) ORDER BY id"
    ))?;
    let rows = stmt.query_map(params![id, open_only], flag_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Resolves the open flags on `target` because it was changed (inside the
/// change's transaction): the change is the evaluator's answer. A resolution
/// of NULL means "resolved by a change"; the log says what changed.
pub(super) fn resolve_by_change(
    tx: &Transaction<'_>,
    id: &AssessmentId,
    target: &Cite,
    actor: &str,
    at: &str,
) -> Result<()> {
    let open: Vec<i64> = {
        let mut stmt = tx.prepare_cached(
            "SELECT id FROM review_flags WHERE assessment_id = ?1 AND kind = ?2 AND target = ?3
               AND resolved_at IS NULL",
        )?;
        stmt.query_map(params![id.as_str(), target.kind(), target.target()], |r| {
            r.get(0)
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    for flag in open {
        tx.execute(
            "UPDATE review_flags SET resolved_by = ?2, resolved_at = ?3 WHERE id = ?1",
            params![flag, actor, at],
        )?;
        Logger {
            tx,
            actor,
            at,
            assessment: id.as_str(),
            entity: "review",
        }
        .row(
            &flag.to_string(),
            "resolved",
            Some("open".into()),
            Some(format!("changed {target}")),
        )?;
    }
    Ok(())
}

impl Store {
    /// Every flag of the assessment (or only the open ones), oldest first.
    pub fn review_flags(&self, id: &AssessmentId, open_only: bool) -> Result<Vec<ReviewFlag>> {
        flags(&self.conn, id.as_str(), open_only)
    }

    /// Flags `target` as needing review (the caller checked it belongs to the
    /// pack). Only on a submitted assessment, and only by someone who is not
    /// one of its evaluators.
    pub fn raise_flag(
        &mut self,
        id: &AssessmentId,
        target: &Cite,
        comment: &str,
    ) -> Result<ReviewFlag> {
        let comment = comment.trim();
        if comment.is_empty() {
            return Err(StoreError::EmptyComment);
        }
        super::answers::check_note_length(comment)?;
        let at = self.now();
        let actor = self.actor.clone();
        let header = self.assessment(id)?;
        let tx = self.write()?;
        may_raise(&header, &actor).map_err(|refusal| StoreError::ReviewRefused {
            id: id.to_string(),
            refusal,
        })?;
        tx.execute(
            "INSERT INTO review_flags (assessment_id, kind, target, comment, raised_by, raised_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id.as_str(),
                target.kind(),
                target.target(),
                comment,
                actor,
                at
            ],
        )?;
        let flag = tx.last_insert_rowid();
        Logger {
            tx: &tx,
            actor: &actor,
            at: &at,
            assessment: id.as_str(),
            entity: "review",
        }
        .row(
            &flag.to_string(),
            "flagged",
            None,
            Some(format!("{target}: {comment}")),
        )?;
        tx.commit()?;
        self.review_flag(id, flag)
    }

    /// One flag of the assessment.
    pub fn review_flag(&self, id: &AssessmentId, flag: i64) -> Result<ReviewFlag> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM review_flags WHERE assessment_id = ?1 AND id = ?2"),
                params![id.as_str(), flag],
                flag_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownFlag {
                id: id.to_string(),
                flag,
            })
    }

    /// Resolves an open flag with a reply: the evaluator's answer, or the
    /// reviewer's "settled". Anyone may reply; the log keeps who did.
    pub fn resolve_flag(
        &mut self,
        id: &AssessmentId,
        flag: i64,
        reply: &str,
    ) -> Result<ReviewFlag> {
        let reply = reply.trim();
        if reply.is_empty() {
            return Err(StoreError::EmptyComment);
        }
        super::answers::check_note_length(reply)?;
        let at = self.now();
        let actor = self.actor.clone();
        let current = self.review_flag(id, flag)?;
        if !current.is_open() {
            return Err(StoreError::FlagResolved { flag });
        }
        let tx = self.write()?;
        let changed = tx.execute(
            "UPDATE review_flags SET resolution = ?3, resolved_by = ?4, resolved_at = ?5
             WHERE assessment_id = ?1 AND id = ?2 AND resolved_at IS NULL",
            params![id.as_str(), flag, reply, actor, at],
        )?;
        if changed == 0 {
            // Resolved by someone else between the read and the write lock.
            return Err(StoreError::FlagResolved { flag });
        }
        Logger {
            tx: &tx,
            actor: &actor,
            at: &at,
            assessment: id.as_str(),
            entity: "review",
        }
        .row(
            &flag.to_string(),
            "resolved",
            Some("open".into()),
            Some(reply.to_string()),
        )?;
        tx.commit()?;
        self.review_flag(id, flag)
    }
}
