//! Follow-up of the previous plan: a later assessment of a post records, for
//! each action of the post's previous final assessment, what became of it.

use rusqlite::{OptionalExtension, params};

use super::convert::{self, ASSESSMENT_COLUMNS};
use super::{Logger, Result, Store, StoreError, plan};
use crate::domain::assessment::{Assessment, AssessmentId, Status};
use crate::domain::plan::{FollowUp, FollowUpReview, Outcome, sort_for_plan};
use crate::domain::time;

impl Store {
    /// The post's latest final assessment started before `id`: the one whose
    /// plan `id` follows up, and which its report compares with. Started in the
    /// same second (timestamps have seconds), the one made first counts as
    /// earlier.
    pub fn previous_final(&self, id: &AssessmentId) -> Result<Option<Assessment>> {
        let header = self.assessment(id)?;
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {ASSESSMENT_COLUMNS} FROM assessments a
                     JOIN content_packs p ON p.hash = a.pack_hash
                     WHERE a.post_code = ?1 AND a.status = ?2 AND a.id != ?4
                       AND (a.created_at < ?3 OR (a.created_at = ?3
                            AND a.rowid < (SELECT rowid FROM assessments WHERE id = ?4)))
                     ORDER BY a.created_at DESC, a.rowid DESC LIMIT 1"
                ),
                params![
                    header.post,
                    Status::Final.code(),
                    header.created_at,
                    id.as_str()
                ],
                convert::assessment,
            )
            .optional()?)
    }

    /// The previous plan with what `id` recorded of it; `None` when the post
    /// had no final assessment before, or its plan has no action.
    pub fn followup_review(&self, id: &AssessmentId) -> Result<Option<FollowUpReview>> {
        let header = self.assessment(id)?;
        let Some(previous) = self.previous_final(id)? else {
            return Ok(None);
        };
        let mut actions = plan::load_actions(&self.conn, previous.id.as_str(), None)?;
        if actions.is_empty() {
            return Ok(None);
        }
        sort_for_plan(&mut actions);
        let recorded = self.followups(id)?;
        let entries = actions
            .into_iter()
            .map(|a| {
                let found = recorded.iter().find(|f| f.action == a.id).cloned();
                (a, found)
            })
            .collect();
        Ok(Some(FollowUpReview {
            previous: previous.id.to_string(),
            visit: time::date_of(&header.created_at).to_string(),
            entries,
        }))
    }

    fn followups(&self, id: &AssessmentId) -> Result<Vec<FollowUp>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT action_id, outcome, note, updated_at, updated_by FROM action_followups
             WHERE assessment_id = ?1",
        )?;
        let rows = stmt.query_map([id.as_str()], |r| {
            let outcome: String = r.get(1)?;
            Ok(FollowUp {
                action: r.get(0)?,
                outcome: outcome.parse().map_err(|e: String| {
                    rusqlite::Error::FromSqlConversionFailure(
                        1,
                        rusqlite::types::Type::Text,
                        e.into(),
                    )
                })?,
                note: r.get(2)?,
                updated_at: r.get(3)?,
                updated_by: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records what became of action `number` of the previous plan. Part of
    /// the evaluation: refused once `id` is final.
    pub fn record_followup(
        &mut self,
        id: &AssessmentId,
        number: u32,
        outcome: Outcome,
        note: &str,
    ) -> Result<()> {
        super::answers::check_note_length(note)?;
        let previous = self
            .previous_final(id)?
            .ok_or_else(|| StoreError::NoPreviousPlan { id: id.to_string() })?;
        let action = plan::one_action(&self.conn, &previous.id, number)?;
        let at = self.now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        let old: Option<(String, String)> = tx
            .query_row(
                "SELECT outcome, note FROM action_followups WHERE assessment_id = ?1 AND action_id = ?2",
                params![id.as_str(), action.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        tx.execute(
            "INSERT INTO action_followups (assessment_id, action_id, outcome, note, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (assessment_id, action_id) DO UPDATE SET
                 outcome = excluded.outcome, note = excluded.note,
                 updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            params![id.as_str(), action.id, outcome.code(), note.trim(), at, actor],
        )?;
        let (old_outcome, old_note) = old.unzip();
        // A first record logs its note only when it has one.
        let old_note = old_note.or_else(|| Some(String::new()));
        for (field, old, new) in [
            ("outcome", old_outcome, Some(outcome.code().to_string())),
            ("note", old_note, Some(note.trim().to_string())),
        ] {
            Logger {
                tx: &tx,
                actor: &actor,
                at: &at,
                assessment: id.as_str(),
                entity: "followup",
            }
            .row(
                &format!("{}#{}", previous.id, action.number),
                field,
                old,
                new,
            )?;
        }
        Self::touch(&tx, id, &at)?;
        tx.commit()?;
        Ok(())
    }
}
