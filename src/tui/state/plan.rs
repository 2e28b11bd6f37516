//! The plan and follow-up tabs: the stored plan records, the selection, the
//! field being edited and the filters by status and agency.

use crate::action_plan::{PlanRecords, TargetView};
use crate::domain::plan::{Action, ActionStatus};

/// The fields of an action the plan tab edits, in column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanField {
    Title,
    Priority,
    Status,
    Agency,
    Due,
    Cost,
    Text,
    Cites,
}

impl PlanField {
    pub const ALL: [PlanField; 8] = [
        PlanField::Title,
        PlanField::Priority,
        PlanField::Status,
        PlanField::Agency,
        PlanField::Due,
        PlanField::Cost,
        PlanField::Text,
        PlanField::Cites,
    ];

    pub fn index(self) -> usize {
        PlanField::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }
}

#[derive(Debug, Clone, Default)]
pub struct PlanState {
    pub records: PlanRecords,
    /// Each pillar against its target, recomputed with the score.
    pub targets: Vec<TargetView>,
    /// Position in the filtered list.
    pub selected: usize,
    pub column: usize,
    pub status_filter: Option<ActionStatus>,
    /// Compared without case.
    pub agency_filter: Option<String>,
    /// Position in the follow-up tab.
    pub followup_selected: usize,
}

impl PlanState {
    pub fn field(&self) -> PlanField {
        PlanField::ALL[self.column.min(PlanField::ALL.len() - 1)]
    }

    /// The actions the filters let through, most urgent first.
    pub fn visible(&self) -> Vec<&Action> {
        self.records
            .actions
            .iter()
            .filter(|a| self.status_filter.is_none_or(|s| a.status == s))
            .filter(|a| {
                self.agency_filter
                    .as_ref()
                    .is_none_or(|f| a.agency.trim().to_lowercase() == *f)
            })
            .collect()
    }

    pub fn selected_action(&self) -> Option<&Action> {
        self.visible().get(self.selected).copied()
    }

    /// Keeps the selection inside the filtered list.
    pub fn clamp(&mut self) {
        let len = self.visible().len();
        self.selected = self.selected.min(len.saturating_sub(1));
        let entries = self
            .records
            .followup
            .as_ref()
            .map_or(0, |f| f.entries.len());
        self.followup_selected = self.followup_selected.min(entries.saturating_sub(1));
    }

    /// The next status filter: all → proposed → … → dropped → all.
    pub fn cycle_status(&mut self) {
        let all = ActionStatus::ALL;
        self.status_filter = match self.status_filter {
            None => all.first().copied(),
            Some(s) => all
                .iter()
                .position(|x| *x == s)
                .and_then(|i| all.get(i + 1).copied()),
        };
        self.selected = 0;
    }

    /// The next agency filter among the agencies the actions name; `false`
    /// when none names one.
    pub fn cycle_agency(&mut self) -> bool {
        let mut agencies: Vec<String> = self
            .records
            .actions
            .iter()
            .map(|a| a.agency.trim().to_lowercase())
            .filter(|a| !a.is_empty())
            .collect();
        agencies.sort();
        agencies.dedup();
        if agencies.is_empty() {
            self.agency_filter = None;
            return false;
        }
        self.agency_filter = match &self.agency_filter {
            None => agencies.first().cloned(),
            Some(current) => agencies
                .iter()
                .position(|a| a == current)
                .and_then(|i| agencies.get(i + 1).cloned()),
        };
        self.selected = 0;
        true
    }

    /// The display name of the agency filter (as the first action wrote it).
    pub fn agency_shown(&self) -> Option<String> {
        let filter = self.agency_filter.as_ref()?;
        self.records
            .actions
            .iter()
            .find(|a| a.agency.trim().to_lowercase() == *filter)
            .map(|a| a.agency.trim().to_string())
    }
}
