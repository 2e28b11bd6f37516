//! Assessments: creation (pinning the pack), lookup by id prefix, life cycle.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::convert::{self, ASSESSMENT_COLUMNS};
use super::{LogEntry, Result, Store, StoreError, log, now, packs, posts};
use crate::content::PackSource;
use crate::domain::assessment::{
    Assessment, AssessmentId, AssessmentKind, Change, Depth, Method, Status, Transition,
};
use crate::domain::pack::Pack;
use crate::domain::post::PostCode;

/// What a new assessment starts with.
#[derive(Debug, Clone)]
pub struct NewAssessment {
    pub post: PostCode,
    pub kind: AssessmentKind,
    pub evaluators: Vec<String>,
    /// A fixed id (demo data); otherwise a fresh one is made.
    pub id: Option<AssessmentId>,
    /// When it was made, for data recorded elsewhere first; otherwise now.
    pub created_at: Option<String>,
    /// The core subset or every item.
    pub depth: Depth,
}

/// Hex digits unique to this moment, process and call, mixed with `seed`.
pub(super) fn fresh_hex(seed: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut hasher = Sha256::new();
    hasher.update(nanos.to_le_bytes());
    hasher.update(std::process::id().to_le_bytes());
    hasher.update(COUNTER.fetch_add(1, Ordering::Relaxed).to_le_bytes());
    hasher.update(seed.as_bytes());
    hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn fresh_id(post: &PostCode) -> AssessmentId {
    AssessmentId::from_hex(&fresh_hex(post.as_str()))
}

/// Whether the assessment exists (inside a transaction).
pub(super) fn exists(conn: &Connection, id: &AssessmentId) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM assessments WHERE id = ?1)",
        [id.as_str()],
        |r| r.get(0),
    )?)
}

/// The stored status of an assessment.
pub(crate) fn status_of(conn: &Connection, id: &AssessmentId) -> Result<Status> {
    let status: String = conn
        .query_row(
            "SELECT status FROM assessments WHERE id = ?1",
            [id.as_str()],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| StoreError::UnknownAssessment(id.to_string()))?;
    // The schema's CHECK constraint admits only the three known statuses.
    status.parse().map_err(|detail| StoreError::Corrupt {
        path: "database".into(),
        detail,
    })
}

const FROM: &str = "FROM assessments a JOIN content_packs p ON p.hash = a.pack_hash";

impl Store {
    /// Creates a draft assessment of `new.post`, pinning and keeping `pack`.
    pub fn create_assessment(
        &mut self,
        new: &NewAssessment,
        source: &PackSource,
        pack: &Pack,
    ) -> Result<AssessmentId> {
        let at = new.created_at.clone().unwrap_or_else(now);
        let actor = self.actor.clone();
        let id = new.id.clone().unwrap_or_else(|| fresh_id(&new.post));
        let tx = self.write()?;
        if !posts::exists(&tx, &new.post)? {
            return Err(StoreError::UnknownPost(new.post.to_string()));
        }
        packs::keep(&tx, source, pack, &at)?;
        tx.execute(
            "INSERT INTO assessments (id, post_code, kind, status, evaluators, target_level, pack_hash,
                                      created_at, created_by, updated_at, depth, pillar_targets)
             VALUES (?1, ?2, ?3, 'draft', ?4, ?5, ?6, ?7, ?8, ?7, ?9, ?10)",
            params![
                id.as_str(),
                new.post.as_str(),
                new.kind.code(),
                convert::to_json_list(&new.evaluators),
                pack.scoring.target_level,
                pack.meta.hash,
                at,
                actor,
                new.depth.code(),
                convert::to_targets(&pack.scoring.target_levels),
            ],
        )?;
        log(
            &tx,
            &actor,
            &at,
            LogEntry {
                assessment: Some(id.as_str()),
                entity: "assessment",
                entity_id: id.as_str(),
                field: "created",
                old: None,
                new: Some(format!(
                    "{} of {} with pack {} {}, depth {}",
                    new.kind, new.post, pack.meta.id, pack.meta.version, new.depth
                )),
            },
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// The assessment whose id is `text` or starts with it (at least 4 characters).
    pub fn resolve(&self, text: &str) -> Result<AssessmentId> {
        let prefix = text.trim().to_ascii_lowercase();
        if !AssessmentId::is_valid_prefix(&prefix) {
            return Err(StoreError::UnknownAssessment(text.to_string()));
        }
        let mut stmt = self.conn.prepare(
            "SELECT id FROM assessments WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id LIMIT 6",
        )?;
        let matches: Vec<String> = stmt
            .query_map([&prefix], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        match matches.as_slice() {
            [] => Err(StoreError::UnknownAssessment(text.to_string())),
            [one] => Ok(AssessmentId::new(one.clone())),
            _ => Err(StoreError::AmbiguousAssessment { prefix, matches }),
        }
    }

    pub fn assessment(&self, id: &AssessmentId) -> Result<Assessment> {
        self.conn
            .query_row(
                &format!("SELECT {ASSESSMENT_COLUMNS} {FROM} WHERE a.id = ?1"),
                [id.as_str()],
                convert::assessment,
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownAssessment(id.to_string()))
    }

    /// Assessments, newest first, of one post or of all.
    pub fn assessments(&self, post: Option<&PostCode>) -> Result<Vec<Assessment>> {
        let sql = format!(
            "SELECT {ASSESSMENT_COLUMNS} {FROM} WHERE ?1 IS NULL OR a.post_code = ?1
             ORDER BY a.created_at DESC, a.id DESC"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([post.map(PostCode::as_str)], convert::assessment)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn assessment_exists(&self, id: &AssessmentId) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM assessments WHERE id = ?1)",
            [id.as_str()],
            |r| r.get(0),
        )?)
    }

    /// Fails with [`StoreError::Locked`] when the assessment is final.
    pub(super) fn check_unlocked(tx: &rusqlite::Transaction<'_>, id: &AssessmentId) -> Result<()> {
        if status_of(tx, id)?.is_locked() {
            return Err(StoreError::Locked(id.to_string()));
        }
        Ok(())
    }

    pub(super) fn touch(tx: &rusqlite::Transaction<'_>, id: &AssessmentId, at: &str) -> Result<()> {
        tx.execute(
            "UPDATE assessments SET updated_at = ?2 WHERE id = ?1",
            params![id.as_str(), at],
        )?;
        Ok(())
    }

    /// Moves the assessment through its life cycle; the reason of a reopening is logged.
    pub fn transition(&mut self, id: &AssessmentId, transition: &Transition) -> Result<Status> {
        self.transition_at(id, transition, None)
    }

    /// [`Store::transition`] with the time it happened, for data recorded
    /// elsewhere first (the demo); `None` is now.
    pub fn transition_at(
        &mut self,
        id: &AssessmentId,
        transition: &Transition,
        at: Option<&str>,
    ) -> Result<Status> {
        let at = at.map_or_else(now, str::to_string);
        let actor = self.actor.clone();
        let tx = self.write()?;
        let current = status_of(&tx, id)?;
        if matches!(
            transition,
            Transition::Finalise | Transition::FinaliseIncomplete { .. }
        ) {
            let conflicts = super::conflicts::open_count(&tx, id.as_str())?;
            if conflicts > 0 {
                return Err(StoreError::OpenConflicts {
                    id: id.to_string(),
                    count: conflicts,
                });
            }
            let open = super::review::flags(&tx, id.as_str(), true)?;
            if !open.is_empty() {
                return Err(StoreError::OpenFlags {
                    id: id.to_string(),
                    flags: open
                        .iter()
                        .map(|f| format!("#{} {}: {}", f.id, f.target, f.comment))
                        .collect(),
                });
            }
        }
        let action = match transition {
            Transition::Submit => "submitted",
            Transition::Finalise | Transition::FinaliseIncomplete { .. } => "finalised",
            Transition::Reopen { .. } => "reopened",
        };
        let next = current
            .apply(transition)
            .map_err(|why| StoreError::Transition {
                id: id.to_string(),
                action: action.into(),
                why,
            })?;
        // A reopened draft is neither submitted nor final any more: its stamps
        // go (the change log keeps when each happened).
        let stamp = match transition {
            Transition::Submit => ", submitted_at = ?3",
            Transition::Finalise | Transition::FinaliseIncomplete { .. } => ", finalised_at = ?3",
            Transition::Reopen { .. } => ", submitted_at = NULL, finalised_at = NULL",
        };
        tx.execute(
            &format!("UPDATE assessments SET status = ?2, updated_at = ?3{stamp} WHERE id = ?1"),
            params![id.as_str(), next.code(), at],
        )?;
        let reason = transition
            .reason()
            .map_or_else(String::new, |r| format!(" (reason: {r})"));
        log(
            &tx,
            &actor,
            &at,
            LogEntry {
                assessment: Some(id.as_str()),
                entity: "assessment",
                entity_id: id.as_str(),
                field: "status",
                old: Some(current.code().to_string()),
                new: Some(format!("{}{reason}", next.code())),
            },
        )?;
        tx.commit()?;
        Ok(next)
    }

    /// Sets the target level of `pillar` (1–4). Part of the evaluation:
    /// refused once the assessment is final.
    pub fn set_pillar_target(&mut self, id: &AssessmentId, pillar: u8, level: u8) -> Result<()> {
        if !(1..=4).contains(&pillar) || level > 4 {
            return Err(StoreError::BadTarget);
        }
        let at = now();
        let actor = self.actor.clone();
        let mut targets = self.assessment(id)?.targets;
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        let old = targets[usize::from(pillar) - 1];
        targets[usize::from(pillar) - 1] = level;
        tx.execute(
            "UPDATE assessments SET pillar_targets = ?2, updated_at = ?3 WHERE id = ?1",
            params![id.as_str(), convert::to_targets(&targets), at],
        )?;
        log(
            &tx,
            &actor,
            &at,
            LogEntry {
                assessment: Some(id.as_str()),
                entity: "assessment",
                entity_id: id.as_str(),
                field: &format!("target p{pillar}"),
                old: Some(old.to_string()),
                new: Some(level.to_string()),
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records how the visit was carried out (checked by the caller: dates
    /// are YYYY-MM-DD, the first not after the last). Part of the evaluation:
    /// refused once the assessment is final.
    pub fn set_method(&mut self, id: &AssessmentId, method: &Method) -> Result<()> {
        let at = self.now();
        let actor = self.actor.clone();
        let before = self.assessment(id)?.method;
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        tx.execute(
            "UPDATE assessments SET visit_from = ?2, visit_to = ?3, interviewed = ?4, sites_seen = ?5,
                 traffic = ?6, updated_at = ?7 WHERE id = ?1",
            params![
                id.as_str(),
                method.visit_from,
                method.visit_to,
                method.interviewed.trim(),
                method.sites_seen.trim(),
                method.traffic.trim(),
                at
            ],
        )?;
        let fields = [
            ("visit_from", before.visit_from, method.visit_from.clone()),
            ("visit_to", before.visit_to, method.visit_to.clone()),
            (
                "interviewed",
                Some(before.interviewed),
                Some(method.interviewed.trim().to_string()),
            ),
            (
                "sites_seen",
                Some(before.sites_seen),
                Some(method.sites_seen.trim().to_string()),
            ),
            (
                "traffic",
                Some(before.traffic),
                Some(method.traffic.trim().to_string()),
            ),
        ];
        for (field, old, new) in fields {
            log(
                &tx,
                &actor,
                &at,
                LogEntry {
                    assessment: Some(id.as_str()),
                    entity: "assessment",
                    entity_id: id.as_str(),
                    field,
                    old,
                    new,
                },
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Deletes a draft with its answers and equipment rows; the change log keeps
    /// the trail.
    pub fn delete_draft(&mut self, id: &AssessmentId) -> Result<()> {
        let at = now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        if status_of(&tx, id)? != Status::Draft {
            return Err(StoreError::NotDraft(id.to_string()));
        }
        tx.execute("DELETE FROM assessments WHERE id = ?1", [id.as_str()])?;
        log(
            &tx,
            &actor,
            &at,
            LogEntry {
                assessment: Some(id.as_str()),
                entity: "assessment",
                entity_id: id.as_str(),
                field: "deleted",
                old: Some("draft".into()),
                new: None,
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The change log of one assessment, oldest first.
    pub fn change_log(&self, id: &AssessmentId) -> Result<Vec<Change>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {} FROM change_log WHERE assessment_id = ?1 ORDER BY seq",
            convert::CHANGE_COLUMNS
        ))?;
        let rows = stmt.query_map([id.as_str()], convert::change)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
