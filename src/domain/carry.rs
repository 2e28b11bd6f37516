//! Carry-over: answers proposed to a follow-up from the post's previous final
//! assessment, which count for nothing until the evaluator confirms them.

use super::assessment::{AssessmentId, Response};
use super::lang::Lang;

/// One answer carried over and not yet confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarriedAnswer {
    pub item: String,
    pub response: Response,
    pub note: String,
    pub note_lang: Option<Lang>,
}

/// Where a follow-up's carry-over stands: the assessment it came from, the
/// proposals still waiting, and the items confirmed unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CarryOver {
    pub from: Option<AssessmentId>,
    pub pending: Vec<CarriedAnswer>,
    /// The items whose carried-over answer was confirmed unchanged.
    pub confirmed: Vec<String>,
}

impl CarryOver {
    pub fn pending_for(&self, item: &str) -> Option<&CarriedAnswer> {
        self.pending.iter().find(|c| c.item == item)
    }

    pub fn is_confirmed(&self, item: &str) -> bool {
        self.confirmed.iter().any(|c| c == item)
    }
}
