//! Carry-over into a follow-up: the previous final assessment's answers kept
//! as proposals (`carried_answers`) until the evaluator confirms or replaces
//! each. A proposal is not an answer: scores and completeness never see it.

use rusqlite::{OptionalExtension, Transaction, params};

use super::convert;
use super::{LogEntry, Result, Store, log, now};
use crate::domain::assessment::{AssessmentId, Response};
use crate::domain::carry::{CarriedAnswer, CarryOver};
use crate::domain::lang::Lang;

/// An answer row as read: level, N/A reason, note, note language.
type StoredAnswer = (Option<i64>, Option<String>, String, Option<String>);

impl Store {
    /// Proposes to `id` the answers its post's previous final assessment gave
    /// to `items` (the items `id` asks). An item already answered here, or
    /// already proposed, is left as it is; an item the previous assessment left
    /// open without a note has nothing to carry. `None` when the post has no
    /// final assessment before `id`; otherwise where from and how many.
    pub fn carry_over(
        &mut self,
        id: &AssessmentId,
        items: &[&str],
    ) -> Result<Option<(AssessmentId, usize)>> {
        let Some(previous) = self.previous_final(id)? else {
            return Ok(None);
        };
        let from = previous.id;
        let at = now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        let mut carried = 0;
        for item in items {
            let source: Option<StoredAnswer> = tx
                .query_row(
                    "SELECT level, na_reason, note, note_lang FROM answers
                     WHERE assessment_id = ?1 AND item_id = ?2",
                    params![from.as_str(), item],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            let Some((level, reason, note, note_lang)) = source else {
                continue;
            };
            let response = convert::response(item, level, reason)?;
            if response.is_open() && note.is_empty() {
                continue;
            }
            let answered_here: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM answers WHERE assessment_id = ?1 AND item_id = ?2
                                AND (level IS NOT NULL OR na_reason IS NOT NULL OR note <> ''))",
                params![id.as_str(), item],
                |r| r.get(0),
            )?;
            if answered_here {
                continue;
            }
            let (level, reason) = convert::response_columns(&response);
            let inserted = tx.execute(
                "INSERT INTO carried_answers (assessment_id, item_id, level, na_reason, note,
                                              note_lang, carried_at, carried_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (assessment_id, item_id) DO NOTHING",
                params![id.as_str(), item, level, reason, note, note_lang, at, actor],
            )?;
            if inserted == 0 {
                continue;
            }
            carried += 1;
            log(
                &tx,
                &actor,
                &at,
                LogEntry {
                    assessment: Some(id.as_str()),
                    entity: "answer",
                    entity_id: item,
                    field: "carried",
                    old: None,
                    new: Some(format!("{} (from {from}, to confirm)", describe(&response))),
                },
            )?;
        }
        let before: Option<String> = tx.query_row(
            "SELECT carried_from FROM assessments WHERE id = ?1",
            [id.as_str()],
            |r| r.get(0),
        )?;
        // Proposing one item again (an undo) keeps the source: no new entry.
        if before.as_deref() != Some(from.as_str()) {
            tx.execute(
                "UPDATE assessments SET carried_from = ?2 WHERE id = ?1",
                params![id.as_str(), from.as_str()],
            )?;
            log(
                &tx,
                &actor,
                &at,
                LogEntry {
                    assessment: Some(id.as_str()),
                    entity: "assessment",
                    entity_id: id.as_str(),
                    field: "carried_from",
                    old: before,
                    new: Some(from.to_string()),
                },
            )?;
        }
        Self::touch(&tx, id, &at)?;
        tx.commit()?;
        Ok(Some((from, carried)))
    }

    /// Where `id`'s carry-over stands.
    pub fn carry_over_state(&self, id: &AssessmentId) -> Result<CarryOver> {
        let from: Option<String> = self
            .conn
            .query_row(
                "SELECT carried_from FROM assessments WHERE id = ?1",
                [id.as_str()],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let mut stmt = self.conn.prepare(
            "SELECT item_id, level, na_reason, note, note_lang FROM carried_answers
             WHERE assessment_id = ?1 ORDER BY item_id",
        )?;
        let pending = stmt
            .query_map([id.as_str()], |r| {
                let item: String = r.get(0)?;
                Ok(CarriedAnswer {
                    response: convert::response(&item, r.get(1)?, r.get(2)?)?,
                    item,
                    note: r.get(3)?,
                    note_lang: r
                        .get::<_, Option<String>>(4)?
                        .and_then(|c| Lang::from_code(&c)),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT item_id FROM answers
             WHERE assessment_id = ?1 AND confirmed_from IS NOT NULL ORDER BY item_id",
        )?;
        let confirmed = stmt
            .query_map([id.as_str()], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(CarryOver {
            from: from.map(AssessmentId::new),
            pending,
            confirmed,
        })
    }

    /// Makes `item`'s carried-over answer `id`'s own, unchanged. `false` when
    /// nothing was waiting for it.
    pub fn confirm_carried(&mut self, id: &AssessmentId, item: &str) -> Result<bool> {
        let at = now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        let confirmed = confirm_in(&tx, &actor, &at, id, item)?;
        if confirmed {
            Self::touch(&tx, id, &at)?;
            tx.commit()?;
        }
        Ok(confirmed)
    }
}

impl Store {
    /// Undoes the answer given to a carried-over item: the item is open
    /// again and the previous final assessment's answer is proposed again,
    /// as before it was confirmed or replaced. A note written here stays; the
    /// carried note a confirmation copied in goes back to the proposal.
    /// `false` when `id` carries nothing over for `item`.
    pub fn restore_carried(&mut self, id: &AssessmentId, item: &str) -> Result<bool> {
        let at = now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        let from: Option<String> = tx.query_row(
            "SELECT carried_from FROM assessments WHERE id = ?1",
            [id.as_str()],
            |r| r.get(0),
        )?;
        let Some(from) = from else {
            return Ok(false);
        };
        let source: Option<StoredAnswer> = tx
            .query_row(
                "SELECT level, na_reason, note, note_lang FROM answers
                 WHERE assessment_id = ?1 AND item_id = ?2",
                params![from, item],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((level, reason, carried_note, carried_lang)) = source else {
            return Ok(false);
        };
        let here: Option<(Option<i64>, Option<String>, String)> = tx
            .query_row(
                "SELECT level, na_reason, note FROM answers WHERE assessment_id = ?1 AND item_id = ?2",
                params![id.as_str(), item],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let old = here
            .as_ref()
            .map(|(l, n, _)| convert::response(item, *l, n.clone()))
            .transpose()?
            .unwrap_or(Response::Open);
        let own_note = here
            .map(|(_, _, note)| note)
            .filter(|note| *note != carried_note)
            .unwrap_or_default();
        tx.execute(
            "UPDATE answers SET level = NULL, na_reason = NULL, note = ?3, confirmed_from = NULL,
                                updated_at = ?4, updated_by = ?5
             WHERE assessment_id = ?1 AND item_id = ?2",
            params![id.as_str(), item, own_note, at, actor],
        )?;
        tx.execute(
            "INSERT INTO carried_answers (assessment_id, item_id, level, na_reason, note,
                                          note_lang, carried_at, carried_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (assessment_id, item_id) DO NOTHING",
            params![
                id.as_str(),
                item,
                level,
                reason,
                carried_note,
                carried_lang,
                at,
                actor
            ],
        )?;
        let proposal = convert::response(item, level, reason)?;
        log(
            &tx,
            &actor,
            &at,
            LogEntry {
                assessment: Some(id.as_str()),
                entity: "answer",
                entity_id: item,
                field: "response",
                old: Some(describe(&old)),
                new: Some(format!(
                    "{} (undone; {} carried over again, to confirm)",
                    Response::Open.code(),
                    describe(&proposal)
                )),
            },
        )?;
        Self::touch(&tx, id, &at)?;
        tx.commit()?;
        Ok(true)
    }
}

/// How a response is written in the log's values.
pub(super) fn describe(response: &Response) -> String {
    match response {
        Response::NotApplicable { reason } => format!("na: {reason}"),
        other => other.code(),
    }
}

/// The carried-over answer of `item`, if one waits: (response, note, note language).
pub(super) fn pending_in(
    tx: &Transaction<'_>,
    id: &AssessmentId,
    item: &str,
) -> Result<Option<(Response, String, Option<String>)>> {
    Ok(tx
        .query_row(
            "SELECT level, na_reason, note, note_lang FROM carried_answers
             WHERE assessment_id = ?1 AND item_id = ?2",
            params![id.as_str(), item],
            |r| {
                Ok((
                    convert::response(item, r.get(0)?, r.get(1)?)?,
                    r.get(2)?,
                    r.get(3)?,
                ))
            },
        )
        .optional()?)
}

/// Confirms inside the caller's transaction: the proposal becomes the answer
/// (a note written here meanwhile is kept over the carried one) and is logged.
pub(super) fn confirm_in(
    tx: &Transaction<'_>,
    actor: &str,
    at: &str,
    id: &AssessmentId,
    item: &str,
) -> Result<bool> {
    let Some((response, carried_note, carried_lang)) = pending_in(tx, id, item)? else {
        return Ok(false);
    };
    let from: Option<String> = tx.query_row(
        "SELECT carried_from FROM assessments WHERE id = ?1",
        [id.as_str()],
        |r| r.get(0),
    )?;
    let here: Option<(String, Option<String>)> = tx
        .query_row(
            "SELECT note, note_lang FROM answers WHERE assessment_id = ?1 AND item_id = ?2",
            params![id.as_str(), item],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (note, note_lang) = match here {
        Some((note, lang)) if !note.is_empty() => (note, lang),
        _ => (carried_note, carried_lang),
    };
    let (level, reason) = convert::response_columns(&response);
    tx.execute(
        "INSERT INTO answers (assessment_id, item_id, level, na_reason, note, updated_at,
                              updated_by, note_lang, confirmed_from)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (assessment_id, item_id) DO UPDATE SET
             level = excluded.level, na_reason = excluded.na_reason, note = excluded.note,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by,
             note_lang = excluded.note_lang, confirmed_from = excluded.confirmed_from,
             copied_from = NULL",
        params![
            id.as_str(),
            item,
            level,
            reason,
            note,
            at,
            actor,
            note_lang,
            from
        ],
    )?;
    tx.execute(
        "DELETE FROM carried_answers WHERE assessment_id = ?1 AND item_id = ?2",
        params![id.as_str(), item],
    )?;
    log(
        tx,
        actor,
        at,
        LogEntry {
            assessment: Some(id.as_str()),
            entity: "answer",
            entity_id: item,
            field: "response",
            old: Some(Response::Open.code()),
            new: Some(format!("{} (carried over, confirmed)", describe(&response))),
        },
    )?;
    Ok(true)
}

/// Drops `item`'s proposal, if any, when the evaluator answers it another way.
pub(super) fn drop_pending_in(
    tx: &Transaction<'_>,
    actor: &str,
    at: &str,
    id: &AssessmentId,
    item: &str,
) -> Result<()> {
    let Some((response, _, _)) = pending_in(tx, id, item)? else {
        return Ok(());
    };
    tx.execute(
        "DELETE FROM carried_answers WHERE assessment_id = ?1 AND item_id = ?2",
        params![id.as_str(), item],
    )?;
    log(
        tx,
        actor,
        at,
        LogEntry {
            assessment: Some(id.as_str()),
            entity: "answer",
            entity_id: item,
            field: "carried",
            old: Some(describe(&response)),
            new: Some("replaced".into()),
        },
    )
}
