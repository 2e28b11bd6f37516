//! Equipment audit rows: counts per type, and free-named equipment the
//! catalogue lacks.

use rusqlite::{OptionalExtension, params};

use super::answers::check_note_length;
use super::convert::{self, EQUIPMENT_COLUMNS};
use super::{LogEntry, Result, Store, StoreError, log, log_note, now};
use crate::domain::assessment::{AssessmentId, EquipmentCounts, EquipmentRecord};

/// The fields an auditor changes; `None` leaves a field as it is. For `required`
/// and `needed`, `Some(None)` goes back to the catalogue's default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EquipmentUpdate {
    pub required: Option<Option<u32>>,
    pub present: Option<Option<u32>>,
    pub functional: Option<Option<u32>>,
    pub in_use: Option<Option<u32>>,
    pub trained: Option<Option<u32>>,
    pub needed: Option<Option<u32>>,
    pub maintained: Option<Option<u32>>,
    pub note: Option<String>,
}

fn show(value: Option<u32>) -> Option<String> {
    value.map(|v| v.to_string())
}

impl Store {
    /// Applies `update` to one type's row, creating it if needed.
    pub fn update_equipment(
        &mut self,
        id: &AssessmentId,
        type_id: &str,
        update: &EquipmentUpdate,
    ) -> Result<()> {
        self.write_equipment(id, type_id, update, None)
    }

    /// Sets a type's note only if the stored note is still `expected` (see
    /// [`Store::save_note`]).
    pub fn save_equipment_note(
        &mut self,
        id: &AssessmentId,
        type_id: &str,
        note: &str,
        expected: &str,
    ) -> Result<()> {
        let update = EquipmentUpdate {
            note: Some(note.to_string()),
            ..EquipmentUpdate::default()
        };
        self.write_equipment(id, type_id, &update, Some(expected))
    }

    fn write_equipment(
        &mut self,
        id: &AssessmentId,
        type_id: &str,
        update: &EquipmentUpdate,
        expected_note: Option<&str>,
    ) -> Result<()> {
        if let Some(note) = &update.note {
            check_note_length(note)?;
        }
        let at = now();
        let actor = self.actor.clone();
        let writer_lang = self.lang;
        let tx = self.write()?;
        Self::check_unlocked(&tx, id)?;
        let old = tx
            .query_row(
                &format!("SELECT {EQUIPMENT_COLUMNS} FROM equipment WHERE assessment_id = ?1 AND type_id = ?2"),
                params![id.as_str(), type_id],
                convert::equipment,
            )
            .optional()?;
        let (old_counts, old_note, by, when, old_lang) = old.map_or(
            (
                EquipmentCounts::default(),
                String::new(),
                String::new(),
                String::new(),
                None,
            ),
            |r| (r.counts, r.note, r.updated_by, r.updated_at, r.note_lang),
        );
        if let Some(expected) = expected_note
            && expected != old_note
        {
            return Err(StoreError::NoteChanged {
                target: type_id.to_string(),
                stored: old_note,
                by,
                at: when,
            });
        }
        let pick = |new: Option<Option<u32>>, old: Option<u32>| new.unwrap_or(old);
        let counts = EquipmentCounts {
            required: pick(update.required, old_counts.required),
            present: pick(update.present, old_counts.present),
            functional: pick(update.functional, old_counts.functional),
            in_use: pick(update.in_use, old_counts.in_use),
            trained: pick(update.trained, old_counts.trained),
            needed: pick(update.needed, old_counts.needed),
            maintained: pick(update.maintained, old_counts.maintained),
        };
        // Only contradictions this change introduces are refused.
        let problems = counts.new_problems(&old_counts);
        if !problems.is_empty() {
            return Err(StoreError::InvalidCounts {
                type_id: type_id.to_string(),
                problems,
            });
        }
        let note = update.note.clone().unwrap_or_else(|| old_note.clone());
        let note_lang = if note != old_note {
            writer_lang.or(old_lang)
        } else {
            old_lang
        }
        .map(|l| l.code());
        tx.execute(
            "INSERT INTO equipment (assessment_id, type_id, required, present, functional, in_use, trained,
                                    needed, maintained, note, updated_at, updated_by, note_lang)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT (assessment_id, type_id) DO UPDATE SET
                 required = excluded.required, present = excluded.present, functional = excluded.functional,
                 in_use = excluded.in_use, trained = excluded.trained, needed = excluded.needed,
                 maintained = excluded.maintained, note = excluded.note,
                 updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                 note_lang = excluded.note_lang",
            params![
                id.as_str(), type_id, counts.required, counts.present, counts.functional, counts.in_use,
                counts.trained, counts.needed, counts.maintained, note, at, actor, note_lang
            ],
        )?;
        let fields = [
            ("required", old_counts.required, counts.required),
            ("present", old_counts.present, counts.present),
            ("functional", old_counts.functional, counts.functional),
            ("in_use", old_counts.in_use, counts.in_use),
            ("trained", old_counts.trained, counts.trained),
            ("needed", old_counts.needed, counts.needed),
            ("maintained", old_counts.maintained, counts.maintained),
        ];
        for (field, old, new) in fields {
            log(
                &tx,
                &actor,
                &at,
                LogEntry {
                    assessment: Some(id.as_str()),
                    entity: "equipment",
                    entity_id: type_id,
                    field,
                    old: show(old),
                    new: show(new),
                },
            )?;
        }
        log_note(
            &tx,
            &actor,
            &at,
            LogEntry {
                assessment: Some(id.as_str()),
                entity: "equipment",
                entity_id: type_id,
                field: "note",
                old: Some(old_note.clone()),
                new: Some(note.clone()),
            },
        )?;
        if counts != old_counts || note != old_note {
            super::review::resolve_by_change(
                &tx,
                id,
                &crate::domain::plan::Cite::Equipment(type_id.to_string()),
                &actor,
                &at,
            )?;
        }
        Self::touch(&tx, id, &at)?;
        tx.commit()?;
        Ok(())
    }

    pub fn equipment(&self, id: &AssessmentId) -> Result<Vec<EquipmentRecord>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {EQUIPMENT_COLUMNS} FROM equipment WHERE assessment_id = ?1 ORDER BY type_id"
        ))?;
        let rows = stmt.query_map([id.as_str()], convert::equipment)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
