//! Answers to checklist items: level, N/A with reason, notes.

use rusqlite::{OptionalExtension, params};

use super::convert::{self, ANSWER_COLUMNS};
use super::{LogEntry, Result, Store, StoreError, carry, log, log_note, now};
use crate::domain::assessment::{Answer, AssessmentId, NOTE_MAX_CHARS, Response};

impl Store {
    /// Sets an item's response (level, N/A or open), keeping its note.
    pub fn set_response(
        &mut self,
        id: &AssessmentId,
        item: &str,
        response: &Response,
    ) -> Result<()> {
        self.upsert_answer(id, item, Some(response), None, None)
    }

    /// Sets an item's evidence notes, keeping its response.
    pub fn set_note(&mut self, id: &AssessmentId, item: &str, note: &str) -> Result<()> {
        self.upsert_answer(id, item, None, Some(note), None)
    }

    /// Sets an item's notes only if the stored notes are still `expected` (what
    /// the editor started from); otherwise nothing is written and
    /// [`StoreError::NoteChanged`] says what is stored now. The interface saves
    /// this way, so a note changed meanwhile by someone else is never overwritten
    /// silently.
    pub fn save_note(
        &mut self,
        id: &AssessmentId,
        item: &str,
        note: &str,
        expected: &str,
    ) -> Result<()> {
        self.upsert_answer(id, item, None, Some(note), Some(expected))
    }

    /// Sets both at once (one transaction), e.g. `answer ID ITEM 3 --note …`.
    pub fn set_answer(
        &mut self,
        id: &AssessmentId,
        item: &str,
        response: &Response,
        note: Option<&str>,
    ) -> Result<()> {
        self.upsert_answer(id, item, Some(response), note, None)
    }

    fn upsert_answer(
        &mut self,
        id: &AssessmentId,
        item: &str,
        response: Option<&Response>,
        note: Option<&str>,
        expected_note: Option<&str>,
    ) -> Result<()> {
        if let Some(note) = note {
            check_note_length(note)?;
        }
        let at = now();
        let actor = self.actor.clone();
        let writer_lang = self.lang;
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        let change = AnswerChange {
            item,
            response,
            note,
            expected_note,
        };
        upsert_in(&tx, &actor, &at, writer_lang, id, &change)?;
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

/// Notes are capped so that one stray paste cannot bloat the database, the
/// change log and the report (see [`NOTE_MAX_CHARS`]).
pub(super) fn check_note_length(note: &str) -> Result<()> {
    let chars = note.chars().count();
    if chars > NOTE_MAX_CHARS {
        return Err(StoreError::NoteTooLong {
            chars,
            max: NOTE_MAX_CHARS,
        });
    }
    Ok(())
}

impl Store {
    /// Copies the answers of `items` (national items) from assessment `from`
    /// into `to`, where `to` has none yet: each copy keeps where it came
    /// from, and the change log says so. Returns how many were copied.
    pub fn copy_national_answers(
        &mut self,
        to: &AssessmentId,
        from: &AssessmentId,
        items: &[String],
    ) -> Result<usize> {
        let at = now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        Self::check_unlocked(&tx, to)?;
        let mut copied = 0;
        for item in items {
            let source: Option<(Option<i64>, Option<String>, String)> = tx
                .query_row(
                    "SELECT level, na_reason, note FROM answers WHERE assessment_id = ?1 AND item_id = ?2",
                    params![from.as_str(), item],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let Some((level, reason, note)) = source else {
                continue;
            };
            let response = convert::response(item, level, reason)?;
            if response.is_open() && note.is_empty() {
                continue;
            }
            let (level, reason) = convert::response_columns(&response);
            let inserted = tx.execute(
                "INSERT INTO answers (assessment_id, item_id, level, na_reason, note, updated_at,
                                      updated_by, copied_from)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (assessment_id, item_id) DO NOTHING",
                params![
                    to.as_str(),
                    item,
                    level,
                    reason,
                    note,
                    at,
                    actor,
                    from.as_str()
                ],
            )?;
            if inserted == 0 {
                continue;
            }
            copied += 1;
            log(
                &tx,
                &actor,
                &at,
                LogEntry {
                    assessment: Some(to.as_str()),
                    entity: "answer",
                    entity_id: item,
                    field: "national",
                    old: None,
                    new: Some(format!("{} (copied from {from})", response.code())),
                },
            )?;
        }
        Self::touch(&tx, to, &at)?;
        tx.commit()?;
        Ok(copied)
    }

    /// The assessment each copied national answer of `id` came from.
    pub fn copied_answers(&self, id: &AssessmentId) -> Result<Vec<(String, AssessmentId)>> {
        let mut stmt = self.conn.prepare(
            "SELECT item_id, copied_from FROM answers
             WHERE assessment_id = ?1 AND copied_from IS NOT NULL ORDER BY item_id",
        )?;
        let rows = stmt.query_map([id.as_str()], |r| {
            Ok((r.get::<_, String>(0)?, AssessmentId::new(r.get(1)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// One answer to write: `None` keeps what is stored.
pub(super) struct AnswerChange<'a> {
    pub item: &'a str,
    pub response: Option<&'a Response>,
    pub note: Option<&'a str>,
    /// Write the note only if the stored one is still this.
    pub expected_note: Option<&'a str>,
}

/// Writes one answer and its change-log rows inside the caller's transaction
/// (the caller checks the lock, touches the assessment and commits): the one
/// write path of answers, for the interface, the command line and imported
/// submissions.
pub(super) fn upsert_in(
    tx: &rusqlite::Transaction<'_>,
    actor: &str,
    at: &str,
    writer_lang: Option<crate::domain::lang::Lang>,
    id: &AssessmentId,
    change: &AnswerChange<'_>,
) -> Result<()> {
    let AnswerChange {
        item,
        response,
        note,
        expected_note,
    } = *change;
    if let Some(note) = note {
        check_note_length(note)?;
    }
    let old: Option<(Response, String, Option<String>)> = tx
        .query_row(
            "SELECT level, na_reason, note, note_lang FROM answers WHERE assessment_id = ?1 AND item_id = ?2",
            params![id.as_str(), item],
            |r| {
                Ok((
                    convert::response(item, r.get(0)?, r.get(1)?)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            },
        )
        .optional()?;
    let (old_response, old_note, old_lang) = old.unwrap_or((Response::Open, String::new(), None));
    if let Some(expected) = expected_note
        && expected != old_note
    {
        let (by, when) = tx
            .query_row(
                "SELECT updated_by, updated_at FROM answers WHERE assessment_id = ?1 AND item_id = ?2",
                params![id.as_str(), item],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .unwrap_or_default();
        return Err(StoreError::NoteChanged {
            target: item.to_string(),
            stored: old_note,
            by,
            at: when,
        });
    }
    // A carried-over answer given again as it was is confirmed (one key);
    // answered another way, its proposal is dropped.
    if let Some(given) = response {
        let same = carry::pending_in(tx, id, item)?.is_some_and(|(r, _, _)| &r == given);
        if same && note.is_none() {
            carry::confirm_in(tx, actor, at, id, item)?;
            return Ok(());
        }
        carry::drop_pending_in(tx, actor, at, id, item)?;
    }
    let new_response = response.cloned().unwrap_or_else(|| old_response.clone());
    let new_note = note.map_or_else(|| old_note.clone(), str::to_string);
    let (level, reason) = convert::response_columns(&new_response);
    // A note rewritten takes the writer's language; one left as it was keeps its own.
    let note_lang = if new_note != old_note {
        writer_lang.map(|l| l.code().to_string()).or(old_lang)
    } else {
        old_lang
    };
    tx.execute(
        "INSERT INTO answers (assessment_id, item_id, level, na_reason, note, updated_at, updated_by, note_lang)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (assessment_id, item_id) DO UPDATE SET
             level = excluded.level, na_reason = excluded.na_reason, note = excluded.note,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by,
             note_lang = excluded.note_lang, copied_from = NULL",
        params![id.as_str(), item, level, reason, new_note, at, actor, note_lang],
    )?;
    if new_response != old_response {
        // No longer the answer confirmed from the previous assessment.
        tx.execute(
            "UPDATE answers SET confirmed_from = NULL WHERE assessment_id = ?1 AND item_id = ?2",
            params![id.as_str(), item],
        )?;
    }
    log(
        tx,
        actor,
        at,
        LogEntry {
            assessment: Some(id.as_str()),
            entity: "answer",
            entity_id: item,
            field: "response",
            old: Some(carry::describe(&old_response)),
            new: Some(carry::describe(&new_response)),
        },
    )?;
    log_note(
        tx,
        actor,
        at,
        LogEntry {
            assessment: Some(id.as_str()),
            entity: "answer",
            entity_id: item,
            field: "note",
            old: Some(old_note.clone()),
            new: Some(new_note.clone()),
        },
    )?;
    if old_response != new_response || old_note != new_note {
        super::review::resolve_by_change(
            tx,
            id,
            &crate::domain::plan::Cite::Item(item.to_string()),
            actor,
            at,
        )?;
    }
    Ok(())
}
