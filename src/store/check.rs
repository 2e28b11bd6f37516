//! `frontera db check`: what opening leaves out to stay fast — every page
//! read, every reference followed, every stored value checked against the
//! rules the schema and the domain set.

use rusqlite::params;

use super::convert;
use super::{Result, Store};
use crate::domain::assessment::AssessmentId;
use crate::domain::counts::CountProblem;

/// What a full check found; empty lists and `pages: Ok` mean a sound file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// `PRAGMA quick_check`: "ok", or the damaged pages and indexes.
    pub pages: std::result::Result<(), String>,
    /// Rows whose reference leads nowhere (`PRAGMA foreign_key_check`).
    pub broken_references: Vec<String>,
    /// Stored values outside what frontera writes (a level of 9, a status
    /// no version knows), each naming its row.
    pub bad_values: Vec<String>,
    /// Equipment rows that break the count rules, stored before the rules.
    pub count_problems: Vec<(AssessmentId, String, Vec<CountProblem>)>,
}

impl CheckReport {
    pub fn is_sound(&self) -> bool {
        self.pages.is_ok() && self.broken_references.is_empty() && self.bad_values.is_empty()
    }
}

impl Store {
    /// Reads the whole file and every row (see [`CheckReport`]). A part that
    /// cannot be read (the file is damaged there) becomes a finding.
    pub fn deep_check(&self) -> Result<CheckReport> {
        let pages = self.full_check();
        let mut bad_values = Vec::new();
        let broken_references = self.broken_references().unwrap_or_else(|e| {
            bad_values.push(format!("references: {e}"));
            Vec::new()
        });
        if let Err(e) = self.check_answers(&mut bad_values) {
            bad_values.push(format!("answers: {e}"));
        }
        if let Err(e) = self.check_assessments(&mut bad_values) {
            bad_values.push(format!("assessments: {e}"));
        }
        let mut count_problems = Vec::new();
        if let Err(e) = self.check_equipment(&mut count_problems, &mut bad_values) {
            bad_values.push(format!("equipment: {e}"));
        }
        Ok(CheckReport {
            pages,
            broken_references,
            bad_values,
            count_problems,
        })
    }

    fn broken_references(&self) -> rusqlite::Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        stmt.query_map([], |r| {
            Ok(format!(
                "{} row {} refers to a missing {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                r.get::<_, String>(2)?
            ))
        })?
        .collect()
    }

    fn check_answers(&self, bad: &mut Vec<String>) -> rusqlite::Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT assessment_id, item_id, level, na_reason FROM answers")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        for row in rows {
            let (assessment, item, level, reason) = row?;
            if let Err(e) = convert::response(&item, level, reason) {
                bad.push(format!("assessment {assessment}: {e}"));
            }
        }
        Ok(())
    }

    fn check_assessments(&self, bad: &mut Vec<String>) -> rusqlite::Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT id, status, kind FROM assessments
             WHERE status NOT IN ('draft', 'submitted', 'final')
                OR kind NOT IN ('baseline', 'follow-up', 'thematic', 'unannounced')",
        )?;
        for row in stmt.query_map([], |r| {
            Ok(format!(
                "assessment {}: unknown status '{}' or kind '{}'",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?
            ))
        })? {
            bad.push(row?);
        }
        Ok(())
    }

    fn check_equipment(
        &self,
        found: &mut Vec<(AssessmentId, String, Vec<CountProblem>)>,
        bad: &mut Vec<String>,
    ) -> rusqlite::Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT assessment_id, {} FROM equipment ORDER BY assessment_id, type_id",
            convert::EQUIPMENT_COLUMNS
        ))?;
        let rows = stmt.query_map(params![], |r| {
            // The record's columns start after the assessment id.
            Ok((r.get::<_, String>(0)?, convert::equipment_at(r, 1)?))
        })?;
        for row in rows {
            match row {
                Ok((id, record)) => {
                    let problems = record.counts.problems();
                    if !problems.is_empty() {
                        found.push((AssessmentId::new(id), record.type_id, problems));
                    }
                }
                Err(e) => bad.push(format!("equipment: {e}")),
            }
        }
        Ok(())
    }
}
