//! The evaluation team of an assessment, edited after it was started.

use rusqlite::params;

use super::convert;
use super::{LogEntry, Result, Store, log, now};
use crate::domain::assessment::AssessmentId;

impl Store {
    /// Replaces the assessment's evaluators (names trimmed, empty ones
    /// dropped); logged with the team before and after. The same team again
    /// writes nothing.
    pub fn set_evaluators(&mut self, id: &AssessmentId, evaluators: &[String]) -> Result<()> {
        let at = now();
        let actor = self.actor.clone();
        let names: Vec<String> = evaluators
            .iter()
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty())
            .collect();
        let before = self.assessment(id)?.evaluators;
        if before == names {
            return Ok(());
        }
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        tx.execute(
            "UPDATE assessments SET evaluators = ?2 WHERE id = ?1",
            params![id.as_str(), convert::to_json_list(&names)],
        )?;
        log(
            &tx,
            &actor,
            &at,
            LogEntry {
                assessment: Some(id.as_str()),
                entity: "assessment",
                entity_id: id.as_str(),
                field: "evaluators",
                old: Some(before.join(", ")),
                new: Some(names.join(", ")),
            },
        )?;
        Self::touch(&tx, id, &at)?;
        tx.commit()?;
        Ok(())
    }
}
