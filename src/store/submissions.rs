//! Submissions imported from KoboToolbox or ODK Central: their answers go
//! through the answers' write path (so each is logged), the submitter is the
//! actor of those answers, and each submission is remembered by its uuid so
//! that importing it again changes nothing.

use rusqlite::{OptionalExtension, params};

use super::answers::{AnswerChange, check_note_length, upsert_in};
use super::{LogEntry, Result, Store, log, now};
use crate::domain::assessment::{AssessmentId, Response};

/// One submission to record, already checked against the pack and the post.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub uuid: String,
    /// `kobo` or `odk`.
    pub source: &'static str,
    pub form_version: String,
    pub submitted_at: String,
    /// Empty when the tool did not say (anonymous submission).
    pub submitted_by: String,
    pub answers: Vec<SubmittedAnswer>,
}

/// An item's answer in a submission; `None` leaves that part as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmittedAnswer {
    pub item: String,
    pub response: Option<Response>,
    pub note: Option<String>,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportCount {
    pub imported: usize,
    /// Submissions already recorded in this assessment, skipped.
    pub duplicates: usize,
}

impl Store {
    /// Records `submissions` in assessment `id`, all in one transaction: every
    /// one or none. One already recorded (same uuid) is skipped.
    pub fn import_submissions(
        &mut self,
        id: &AssessmentId,
        submissions: &[Submission],
    ) -> Result<ImportCount> {
        for s in submissions {
            for a in &s.answers {
                if let Some(note) = &a.note {
                    check_note_length(note)?;
                }
            }
        }
        let at = now();
        let importer = self.actor.clone();
        let writer_lang = self.lang;
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        let mut count = ImportCount::default();
        for s in submissions {
            let known: Option<i64> = tx
                .query_row(
                    "SELECT 1 FROM submissions WHERE assessment_id = ?1 AND uuid = ?2",
                    params![id.as_str(), s.uuid],
                    |r| r.get(0),
                )
                .optional()?;
            if known.is_some() {
                count.duplicates += 1;
                continue;
            }
            // The person who filled the form answered; the importer only carried it.
            let actor = if s.submitted_by.trim().is_empty() {
                importer.as_str()
            } else {
                s.submitted_by.as_str()
            };
            for a in &s.answers {
                let change = AnswerChange {
                    item: &a.item,
                    response: a.response.as_ref(),
                    note: a.note.as_deref(),
                    expected_note: None,
                };
                upsert_in(&tx, actor, &at, writer_lang, id, &change)?;
            }
            log(
                &tx,
                &importer,
                &at,
                LogEntry {
                    assessment: Some(id.as_str()),
                    entity: "submission",
                    entity_id: &s.uuid,
                    field: "imported",
                    old: None,
                    new: Some(format!(
                        "{} form {}, submitted {} by {}",
                        s.source,
                        s.form_version,
                        s.submitted_at,
                        if s.submitted_by.is_empty() {
                            "?"
                        } else {
                            &s.submitted_by
                        }
                    )),
                },
            )?;
            tx.execute(
                "INSERT INTO submissions (assessment_id, uuid, source, form_version, submitted_at,
                     submitted_by, imported_at, imported_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    id.as_str(),
                    s.uuid,
                    s.source,
                    s.form_version,
                    s.submitted_at,
                    s.submitted_by,
                    at,
                    importer
                ],
            )?;
            count.imported += 1;
        }
        if count.imported > 0 {
            Self::touch(&tx, id, &at)?;
            tx.commit()?;
        }
        Ok(count)
    }
}
