//! Action plans: actions with their priority, owner, due date, cost and
//! status, the moves a status may make, and how a later assessment records
//! what became of them. The proposer (`propose`), the target rule (`target`)
//! and the checks on what a person types (`check`) are beside this.

pub mod check;
pub mod propose;
pub mod target;

use std::fmt;

use crate::domain::assessment::code_enum;

/// How urgent an action is. Sorted most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Priority {
    Critical,
    High,
    Medium,
    Low,
}

/// Where an action is: proposed → agreed → in progress → done, or dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActionStatus {
    Proposed,
    Agreed,
    InProgress,
    Done,
    Dropped,
}

/// What a later assessment found of an earlier action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    Done,
    Partly,
    NotDone,
    NotRelevant,
}

code_enum!(Priority, "priority", [
    Critical => "critical", High => "high", Medium => "medium", Low => "low"
]);
code_enum!(ActionStatus, "action status", [
    Proposed => "proposed", Agreed => "agreed", InProgress => "in-progress", Done => "done",
    Dropped => "dropped"
]);
code_enum!(Outcome, "follow-up result", [
    Done => "done", Partly => "partly", NotDone => "not-done", NotRelevant => "not-relevant"
]);

/// Why a status move is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveRefusal {
    /// It already has that status.
    Same,
    /// Not a move the life cycle has (e.g. proposed → done without agreeing).
    NotAllowed,
    /// Dropping, and going back from done or dropped, need a reason.
    NeedsReason,
}

impl ActionStatus {
    /// Whether the action is still to be carried out.
    pub fn is_open(self) -> bool {
        !matches!(self, ActionStatus::Done | ActionStatus::Dropped)
    }

    /// Whether a move from `self` to `next` needs a reason.
    pub fn move_needs_reason(self, next: ActionStatus) -> bool {
        next == ActionStatus::Dropped || !self.is_open()
    }

    /// Checks a move. Forward one step at a time (agreed may go straight to
    /// done: small actions need no "in progress"), back one step, dropping from
    /// any open status; reopening a done or dropped action and dropping need a
    /// reason.
    pub fn check_move(self, next: ActionStatus, reason: Option<&str>) -> Result<(), MoveRefusal> {
        use ActionStatus::*;
        if self == next {
            return Err(MoveRefusal::Same);
        }
        let allowed = matches!(
            (self, next),
            (Proposed, Agreed)
                | (Agreed, Proposed | InProgress | Done)
                | (InProgress, Agreed | Done)
                | (Proposed | Agreed | InProgress, Dropped)
                | (Done, InProgress)
                | (Dropped, Proposed)
        );
        if !allowed {
            return Err(MoveRefusal::NotAllowed);
        }
        if self.move_needs_reason(next) && reason.is_none_or(|r| r.trim().is_empty()) {
            return Err(MoveRefusal::NeedsReason);
        }
        Ok(())
    }

    /// The statuses `self` may move to, in life-cycle order.
    pub fn next_statuses(self) -> Vec<ActionStatus> {
        ActionStatus::ALL
            .iter()
            .copied()
            .filter(|n| {
                self.check_move(*n, Some("reason")) != Err(MoveRefusal::NotAllowed) && *n != self
            })
            .collect()
    }
}

/// What an action answers: a checklist item or an equipment type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cite {
    Item(String),
    Equipment(String),
}

impl Cite {
    pub const EQUIPMENT_PREFIX: &'static str = "equipment:";

    /// `p2.checks.database-query` is an item; `equipment:document-reader` a type.
    pub fn parse(text: &str) -> Cite {
        let text = text.trim();
        match text.strip_prefix(Self::EQUIPMENT_PREFIX) {
            Some(id) => Cite::Equipment(id.trim().to_string()),
            None => Cite::Item(text.to_string()),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Cite::Item(_) => "item",
            Cite::Equipment(_) => "equipment",
        }
    }

    pub fn target(&self) -> &str {
        match self {
            Cite::Item(id) | Cite::Equipment(id) => id,
        }
    }

    pub fn from_parts(kind: &str, target: &str) -> Option<Cite> {
        match kind {
            "item" => Some(Cite::Item(target.to_string())),
            "equipment" => Some(Cite::Equipment(target.to_string())),
            _ => None,
        }
    }

    /// The key of the proposal this cite makes: one per item or type.
    pub fn proposal_key(&self) -> String {
        format!("{}:{}", self.kind(), self.target())
    }
}

impl fmt::Display for Cite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cite::Item(id) => f.write_str(id),
            Cite::Equipment(id) => write!(f, "{}{id}", Self::EQUIPMENT_PREFIX),
        }
    }
}

/// An estimated cost in whole units of a currency (ISO 4217 code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cost {
    pub amount: u64,
    pub currency: String,
}

impl fmt::Display for Cost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Thousands with a no-break space: neither comma nor point, so the
        // figure reads the same in English, Spanish and Portuguese.
        let digits = self.amount.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('\u{a0}');
            }
            grouped.push(c);
        }
        write!(f, "{grouped} {}", self.currency)
    }
}

/// One action of an assessment's plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// Random, unique across databases (for merging field teams' work).
    pub id: String,
    pub assessment: String,
    /// 1, 2, 3… within the assessment: what people call it.
    pub number: u32,
    /// `item:ID` or `equipment:TYPE` for an action proposed from the scores.
    pub proposal_key: Option<String>,
    pub cites: Vec<Cite>,
    pub title: String,
    pub body: String,
    pub priority: Priority,
    /// The priority the rule gave, for a proposed action.
    pub proposed_priority: Option<Priority>,
    /// The responsible agency or unit.
    pub agency: String,
    /// YYYY-MM-DD.
    pub due: Option<String>,
    pub cost: Option<Cost>,
    pub status: ActionStatus,
    /// Why it was dropped, or reopened.
    pub status_reason: Option<String>,
    /// A person changed it: proposing again leaves it alone.
    pub edited: bool,
    pub created_at: String,
    pub created_by: String,
    pub updated_at: String,
    pub updated_by: String,
}

impl Action {
    /// Open and past its due date on `date` (YYYY-MM-DD).
    pub fn overdue_on(&self, date: &str) -> bool {
        self.status.is_open() && self.due.as_deref().is_some_and(|due| due < date)
    }
}

/// The fields a person may set on an action; `None` leaves one as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionEdit {
    pub title: Option<String>,
    pub body: Option<String>,
    pub priority: Option<Priority>,
    pub agency: Option<String>,
    /// `Some(None)` clears the due date.
    pub due: Option<Option<String>>,
    /// `Some(None)` clears the cost.
    pub cost: Option<Option<Cost>>,
    pub cites: Option<Vec<Cite>>,
}

impl ActionEdit {
    pub fn is_empty(&self) -> bool {
        *self == ActionEdit::default()
    }
}

/// A later assessment's finding on one earlier action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub action: String,
    pub outcome: Outcome,
    pub note: String,
    pub updated_at: String,
    pub updated_by: String,
}

/// The earlier plan under review with what has been recorded of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpReview {
    /// The previous final assessment whose plan is reviewed.
    pub previous: String,
    /// The date of the later visit (YYYY-MM-DD): actions due before it and not
    /// found done are overdue.
    pub visit: String,
    pub entries: Vec<(Action, Option<FollowUp>)>,
}

/// The figures a manager asks of a follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FollowUpSummary {
    /// Actions of the earlier plan that were to be carried out (not dropped).
    pub actions: usize,
    pub reviewed: usize,
    pub done: usize,
    pub partly: usize,
    pub not_done: usize,
    pub not_relevant: usize,
    /// Due before the visit and not found done.
    pub overdue: usize,
}

impl FollowUpSummary {
    /// Done ÷ actions still relevant (partly counts as not closed); `None`
    /// when none is.
    pub fn closure_rate(&self) -> Option<f64> {
        let relevant = self.actions.saturating_sub(self.not_relevant);
        (relevant > 0).then(|| self.done as f64 / relevant as f64)
    }

    /// Still to be reviewed.
    pub fn pending(&self) -> usize {
        self.actions - self.reviewed
    }
}

impl FollowUpReview {
    /// Due before the later visit and not found done (nor no longer relevant).
    pub fn is_overdue(&self, action: &Action, found: Option<&FollowUp>) -> bool {
        action.status != ActionStatus::Dropped
            && action
                .due
                .as_deref()
                .is_some_and(|d| d < self.visit.as_str())
            && !found.is_some_and(|f| matches!(f.outcome, Outcome::Done | Outcome::NotRelevant))
    }

    pub fn summary(&self) -> FollowUpSummary {
        let mut s = FollowUpSummary::default();
        for (action, found) in &self.entries {
            if action.status == ActionStatus::Dropped {
                continue;
            }
            s.actions += 1;
            let outcome = found.as_ref().map(|f| f.outcome);
            match outcome {
                Some(Outcome::Done) => s.done += 1,
                Some(Outcome::Partly) => s.partly += 1,
                Some(Outcome::NotDone) => s.not_done += 1,
                Some(Outcome::NotRelevant) => s.not_relevant += 1,
                None => {}
            }
            if outcome.is_some() {
                s.reviewed += 1;
            }
            let due_before = action
                .due
                .as_deref()
                .is_some_and(|d| d < self.visit.as_str());
            if due_before && !matches!(outcome, Some(Outcome::Done | Outcome::NotRelevant)) {
                s.overdue += 1;
            }
        }
        s
    }
}

/// Sorts actions as the plan lists them: most urgent first, then by number.
pub fn sort_for_plan(actions: &mut [Action]) {
    actions.sort_by_key(|a| (a.priority, a.number));
}

#[cfg(test)]
mod tests;
