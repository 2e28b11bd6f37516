//! Evidence files and their records: adding (content stored once per
//! SHA-256), captions, removal that keeps the row, and reading them back.
//! Which items and equipment types exist is the caller's to check (it has
//! the pack); this file keeps the record honest and logged.

use rusqlite::{OptionalExtension, params};

use super::assessments::fresh_hex;
use super::{Logger, Result, Store, StoreError};
use crate::domain::assessment::AssessmentId;
use crate::domain::evidence::{Evidence, PhotoInfo, Removal, Target};
use crate::evidence::IncomingFile;

const COLUMNS: &str = "e.id, e.assessment_id, e.target_kind, e.target_id, e.sha256, f.size, \
     f.media_type, e.file_name, e.caption, e.exif_time, e.exif_lat, e.exif_lon, e.added_at, \
     e.added_by, e.removed_at, e.removed_by, e.removed_reason";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Evidence> {
    let kind: String = r.get(2)?;
    let target = Target::from_parts(&kind, r.get(3)?).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, e.into())
    })?;
    let removed = match (
        r.get::<_, Option<String>>(14)?,
        r.get::<_, Option<String>>(16)?,
    ) {
        (Some(at), Some(reason)) => Some(Removal {
            at,
            by: r.get::<_, Option<String>>(15)?.unwrap_or_default(),
            reason,
        }),
        _ => None,
    };
    Ok(Evidence {
        id: r.get(0)?,
        assessment: r.get(1)?,
        target,
        sha256: r.get(4)?,
        // The schema's CHECK keeps sizes non-negative.
        size: r.get::<_, i64>(5)?.max(0) as u64,
        media_type: r.get(6)?,
        file_name: r.get(7)?,
        caption: r.get(8)?,
        photo: PhotoInfo {
            time: r.get(9)?,
            lat: r.get(10)?,
            lon: r.get(11)?,
        },
        added_at: r.get(12)?,
        added_by: r.get(13)?,
        removed,
    })
}

/// What adding one file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub id: String,
    /// False when the same content was already attached to the same target
    /// (and not removed): nothing new was recorded.
    pub new: bool,
}

impl Store {
    /// Attaches `files` to `target` of the assessment, all in one transaction
    /// (all are added or none). Content already stored is not stored again.
    pub fn add_evidence(
        &mut self,
        id: &AssessmentId,
        target: &Target,
        files: &[IncomingFile],
        caption: &str,
    ) -> Result<Vec<Added>> {
        let at = self.now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        let logger = Logger {
            tx: &tx,
            actor: &actor,
            at: &at,
            assessment: id.as_str(),
            entity: "evidence",
        };
        let mut added = Vec::new();
        for file in files {
            let existing: Option<String> = tx
                .query_row(
                    "SELECT id FROM evidence WHERE assessment_id = ?1 AND target_kind = ?2
                     AND target_id IS ?3 AND sha256 = ?4 AND removed_at IS NULL",
                    params![id.as_str(), target.kind(), target.id(), file.sha256],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(existing) = existing {
                added.push(Added {
                    id: existing,
                    new: false,
                });
                continue;
            }
            tx.execute(
                "INSERT INTO evidence_files (sha256, size, media_type, data, stored_at)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (sha256) DO NOTHING",
                params![
                    file.sha256,
                    file.bytes.len() as i64,
                    file.media_type.mime(),
                    file.bytes,
                    at
                ],
            )?;
            let evidence_id = fresh_hex(&file.sha256)[..12].to_string();
            tx.execute(
                "INSERT INTO evidence (id, assessment_id, target_kind, target_id, sha256, file_name,
                                       caption, exif_time, exif_lat, exif_lon, added_at, added_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    evidence_id,
                    id.as_str(),
                    target.kind(),
                    target.id(),
                    file.sha256,
                    file.file_name,
                    caption,
                    file.photo.time,
                    file.photo.lat,
                    file.photo.lon,
                    at,
                    actor
                ],
            )?;
            logger.row(
                &evidence_id,
                "file",
                None,
                Some(format!("{} sha256:{}", file.file_name, file.sha256)),
            )?;
            logger.row(&evidence_id, "target", None, Some(target.to_string()))?;
            if !caption.is_empty() {
                logger.row(&evidence_id, "caption", None, Some(caption.to_string()))?;
            }
            added.push(Added {
                id: evidence_id,
                new: true,
            });
        }
        Self::touch(&tx, id, &at)?;
        tx.commit()?;
        Ok(added)
    }

    /// Sets the caption of one file (removed files keep theirs as they were).
    pub fn set_evidence_caption(
        &mut self,
        id: &AssessmentId,
        evidence_id: &str,
        caption: &str,
    ) -> Result<()> {
        let at = self.now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        let current = active(&tx, id, evidence_id)?;
        tx.execute(
            "UPDATE evidence SET caption = ?2 WHERE id = ?1",
            params![evidence_id, caption],
        )?;
        Logger {
            tx: &tx,
            actor: &actor,
            at: &at,
            assessment: id.as_str(),
            entity: "evidence",
        }
        .row(
            evidence_id,
            "caption",
            Some(current.caption),
            Some(caption.to_string()),
        )?;
        Self::touch(&tx, id, &at)?;
        tx.commit()?;
        Ok(())
    }

    /// Takes a file off the record with a reason; its row and content stay,
    /// marked removed, so what was once shown can still be accounted for.
    pub fn remove_evidence(
        &mut self,
        id: &AssessmentId,
        evidence_id: &str,
        reason: &str,
    ) -> Result<()> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StoreError::RemovalNeedsReason);
        }
        let at = self.now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        active(&tx, id, evidence_id)?;
        tx.execute(
            "UPDATE evidence SET removed_at = ?2, removed_by = ?3, removed_reason = ?4 WHERE id = ?1",
            params![evidence_id, at, actor, reason],
        )?;
        Logger {
            tx: &tx,
            actor: &actor,
            at: &at,
            assessment: id.as_str(),
            entity: "evidence",
        }
        .row(evidence_id, "removed", None, Some(reason.to_string()))?;
        Self::touch(&tx, id, &at)?;
        tx.commit()?;
        Ok(())
    }

    /// Every file of the assessment, removed ones included, in the order added.
    pub fn evidence(&self, id: &AssessmentId) -> Result<Vec<Evidence>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM evidence e JOIN evidence_files f ON f.sha256 = e.sha256
             WHERE e.assessment_id = ?1 ORDER BY e.added_at, e.rowid"
        ))?;
        let rows = stmt.query_map([id.as_str()], row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stored bytes of a file, by hash.
    pub fn evidence_content(&self, sha256: &str) -> Result<Vec<u8>> {
        Ok(self.conn.query_row(
            "SELECT data FROM evidence_files WHERE sha256 = ?1",
            [sha256],
            |r| r.get(0),
        )?)
    }
}

/// The record of `evidence_id` in the assessment, refused when unknown or
/// already removed.
fn active(conn: &rusqlite::Connection, id: &AssessmentId, evidence_id: &str) -> Result<Evidence> {
    let found = conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM evidence e JOIN evidence_files f ON f.sha256 = e.sha256
                 WHERE e.assessment_id = ?1 AND e.id = ?2"
            ),
            params![id.as_str(), evidence_id],
            row,
        )
        .optional()?;
    match found {
        None => Err(StoreError::UnknownEvidence {
            id: id.to_string(),
            evidence: evidence_id.to_string(),
        }),
        Some(e) if e.is_removed() => Err(StoreError::EvidenceRemoved {
            evidence: evidence_id.to_string(),
        }),
        Some(e) => Ok(e),
    }
}
