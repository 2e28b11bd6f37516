//! The equipment audit tab's rows, counts and selection.

use crate::bundle::Bundle;
use crate::domain::assessment::{EquipmentCounts, EquipmentRecord};
use crate::store::EquipmentUpdate;

/// One of the seven counts an auditor records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountField {
    Required,
    Present,
    Functional,
    InUse,
    Trained,
    Needed,
    Maintained,
}

impl CountField {
    pub const ALL: [CountField; 7] = [
        CountField::Required,
        CountField::Present,
        CountField::Functional,
        CountField::InUse,
        CountField::Trained,
        CountField::Needed,
        CountField::Maintained,
    ];

    pub fn get(self, counts: &EquipmentCounts) -> Option<u32> {
        match self {
            CountField::Required => counts.required,
            CountField::Present => counts.present,
            CountField::Functional => counts.functional,
            CountField::InUse => counts.in_use,
            CountField::Trained => counts.trained,
            CountField::Needed => counts.needed,
            CountField::Maintained => counts.maintained,
        }
    }

    pub fn set(self, counts: &mut EquipmentCounts, value: Option<u32>) {
        match self {
            CountField::Required => counts.required = value,
            CountField::Present => counts.present = value,
            CountField::Functional => counts.functional = value,
            CountField::InUse => counts.in_use = value,
            CountField::Trained => counts.trained = value,
            CountField::Needed => counts.needed = value,
            CountField::Maintained => counts.maintained = value,
        }
    }

    /// The store update that sets this count alone.
    pub fn update(self, value: Option<u32>) -> EquipmentUpdate {
        let mut update = EquipmentUpdate::default();
        let slot = match self {
            CountField::Required => &mut update.required,
            CountField::Present => &mut update.present,
            CountField::Functional => &mut update.functional,
            CountField::InUse => &mut update.in_use,
            CountField::Trained => &mut update.trained,
            CountField::Needed => &mut update.needed,
            CountField::Maintained => &mut update.maintained,
        };
        *slot = Some(value);
        update
    }
}

#[derive(Debug, Clone, Default)]
pub struct EquipmentState {
    /// Type ids in display order: catalogue types applicable to the post, by
    /// control line, then equipment found that the catalogue lacks.
    pub rows: Vec<String>,
    pub selected: usize,
    pub column: usize,
    /// A row to select once it exists (a free-named row being saved).
    pub want: Option<String>,
}

impl EquipmentState {
    pub fn new(bundle: &Bundle) -> Self {
        let mut state = EquipmentState::default();
        state.rebuild(bundle);
        state
    }

    /// Rebuilds the rows (a free-named row may have been added), keeping the
    /// selected type.
    pub fn rebuild(&mut self, bundle: &Bundle) {
        let keep = self
            .want
            .take()
            .or_else(|| self.selected_type().map(str::to_string));
        let catalogue = &bundle.pack.catalogue;
        let mut rows: Vec<String> = Vec::new();
        for line in &catalogue.lines {
            rows.extend(
                catalogue
                    .types
                    .iter()
                    .filter(|t| t.line == line.id)
                    .filter(|t| t.applicability.applies_to(&bundle.post))
                    .map(|t| t.id.clone()),
            );
        }
        let mut others: Vec<String> = bundle
            .equipment
            .iter()
            .filter(|r| r.uncatalogued_name().is_some())
            .map(|r| r.type_id.clone())
            .collect();
        others.sort();
        rows.extend(others);
        self.rows = rows;
        self.selected = keep
            .and_then(|id| self.rows.iter().position(|r| *r == id))
            .unwrap_or(self.selected)
            .min(self.rows.len().saturating_sub(1));
    }

    pub fn selected_type(&self) -> Option<&str> {
        self.rows.get(self.selected).map(String::as_str)
    }

    pub fn field(&self) -> CountField {
        CountField::ALL[self.column.min(CountField::ALL.len() - 1)]
    }

    pub fn select(&mut self, type_id: &str) {
        if let Some(index) = self.rows.iter().position(|r| r == type_id) {
            self.selected = index;
        }
    }
}

/// The recorded row of a type, if any.
pub fn record<'a>(bundle: &'a Bundle, type_id: &str) -> Option<&'a EquipmentRecord> {
    bundle.equipment.iter().find(|r| r.type_id == type_id)
}

/// Shows a count or note change before it is committed (the refresh after the
/// save replaces it with what the database holds).
pub fn set_local(
    bundle: &mut Bundle,
    type_id: &str,
    field: Option<(CountField, Option<u32>)>,
    note: Option<&str>,
) {
    let index = match bundle.equipment.iter().position(|r| r.type_id == type_id) {
        Some(index) => index,
        None => {
            bundle.equipment.push(EquipmentRecord {
                type_id: type_id.to_string(),
                counts: EquipmentCounts::default(),
                note: String::new(),
                updated_at: String::new(),
                updated_by: String::new(),
                note_lang: None,
            });
            bundle.equipment.len() - 1
        }
    };
    let record = &mut bundle.equipment[index];
    if let Some((field, value)) = field {
        field.set(&mut record.counts, value);
    }
    if let Some(note) = note {
        record.note = note.to_string();
    }
}
