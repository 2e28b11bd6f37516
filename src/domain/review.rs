//! The reviewer's pass between submitted and final: flags raised on items
//! or equipment types by someone who did not evaluate, and who may raise them.

use super::assessment::{Assessment, Status};
use super::plan::Cite;

/// One "needs review" flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewFlag {
    /// 1, 2, 3… in the database (what `review resolve` names).
    pub id: i64,
    pub assessment: String,
    pub target: Cite,
    pub comment: String,
    pub raised_by: String,
    pub raised_at: String,
    /// The evaluator's answer, or "withdrawn" by the reviewer; `None` while open.
    pub resolution: Option<String>,
    pub resolved_by: Option<String>,
    pub resolved_at: Option<String>,
}

impl ReviewFlag {
    pub fn is_open(&self) -> bool {
        self.resolved_at.is_none()
    }
}

/// Why someone may not raise a flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewRefusal {
    /// Flags are raised on a submitted assessment only.
    NotSubmitted(Status),
    /// A reviewer is not one of the evaluators (four eyes).
    OwnWork(String),
}

/// Whether two names are the same person's, as people type them.
pub fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The people whose work is reviewed: the evaluators, or when none were
/// named, whoever created the assessment.
pub fn authors(header: &Assessment) -> Vec<&str> {
    if header.evaluators.is_empty() {
        vec![header.created_by.as_str()]
    } else {
        header.evaluators.iter().map(String::as_str).collect()
    }
}

/// Checks that `actor` may raise a flag on `header`.
pub fn may_raise(header: &Assessment, actor: &str) -> Result<(), ReviewRefusal> {
    if header.status != Status::Submitted {
        return Err(ReviewRefusal::NotSubmitted(header.status));
    }
    if authors(header).iter().any(|a| same_person(a, actor)) {
        return Err(ReviewRefusal::OwnWork(actor.to_string()));
    }
    Ok(())
}
