//! Answers to checklist items: level, N/A with reason, notes.

use rusqlite::{OptionalExtension, params};

use super::convert::{self, ANSWER_COLUMNS};
use super::{LogEntry, Result, Store, log, now};
use crate::domain::assessment::{Answer, AssessmentId, Response};

impl Store {
    /// Sets an item's response (level, N/A or open), keeping its note.
    pub fn set_response(
        &mut self,
        id: &AssessmentId,
        item: &str,
        response: &Response,
    ) -> Result<()> {
        self.upsert_answer(id, item, Some(response), None)
    }

    /// Sets an item's evidence notes, keeping its response.
    pub fn set_note(&mut self, id: &AssessmentId, item: &str, note: &str) -> Result<()> {
        self.upsert_answer(id, item, None, Some(note))
    }

    /// Sets both at once (one transaction), e.g. `answer ID ITEM 3 --note …`.
    pub fn set_answer(
        &mut self,
        id: &AssessmentId,
        item: &str,
        response: &Response,
        note: Option<&str>,
    ) -> Result<()> {
        self.upsert_answer(id, item, Some(response), note)
    }

    fn upsert_answer(
        &mut self,
        id: &AssessmentId,
        item: &str,
        response: Option<&Response>,
        note: Option<&str>,
    ) -> Result<()> {
        let at = now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        let old: Option<(Response, String)> = tx
            .query_row(
                "SELECT level, na_reason, note FROM answers WHERE assessment_id = ?1 AND item_id = ?2",
                params![id.as_str(), item],
                |r| Ok((convert::response(r.get(0)?, r.get(1)?), r.get::<_, String>(2)?)),
            )
            .optional()?;
        let (old_response, old_note) = old.unwrap_or((Response::Open, String::new()));
        let new_response = response.cloned().unwrap_or_else(|| old_response.clone());
        let new_note = note.map_or_else(|| old_note.clone(), str::to_string);
        let (level, reason) = convert::response_columns(&new_response);
        tx.execute(
            "INSERT INTO answers (assessment_id, item_id, level, na_reason, note, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (assessment_id, item_id) DO UPDATE SET
                 level = excluded.level, na_reason = excluded.na_reason, note = excluded.note,
                 updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            params![id.as_str(), item, level, reason, new_note, at, actor],
        )?;
        let describe = |r: &Response| match r {
            Response::NotApplicable { reason } => format!("na: {reason}"),
            other => other.code(),
        };
        log(
            &tx,
            &actor,
            &at,
            LogEntry {
                assessment: Some(id.as_str()),
                entity: "answer",
                entity_id: item,
                field: "response",
                old: Some(describe(&old_response)),
                new: Some(describe(&new_response)),
            },
        )?;
        log(
            &tx,
            &actor,
            &at,
            LogEntry {
                assessment: Some(id.as_str()),
                entity: "answer",
                entity_id: item,
                field: "note",
                old: Some(old_note),
                new: Some(new_note),
            },
        )?;
        Self::touch(&tx, id, &at)?;
        tx.commit()?;
        Ok(())
    }

    pub fn answers(&self, id: &AssessmentId) -> Result<Vec<Answer>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ANSWER_COLUMNS} FROM answers WHERE assessment_id = ?1 ORDER BY item_id"
        ))?;
        let rows = stmt.query_map([id.as_str()], convert::answer)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
