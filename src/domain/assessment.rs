//! Assessments, their answers and equipment audit rows, and the life-cycle rules.

use std::fmt;

/// An assessment's id: lowercase hex, shortened by users to a unique prefix.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AssessmentId(String);

impl AssessmentId {
    pub const LEN: usize = 12;
    /// The shortest prefix accepted when looking an assessment up.
    pub const MIN_PREFIX: usize = 4;

    /// Wraps a stored id. Ids are only made by [`AssessmentId::from_seed`] or read
    /// back from the store.
    pub fn new(id: String) -> Self {
        AssessmentId(id)
    }

    /// A new id derived from a seed that is unique to this creation (time, process,
    /// counter, post); the hex digits of its SHA-256-like digest are given by the caller.
    pub fn from_hex(hex: &str) -> Self {
        AssessmentId(hex.chars().take(Self::LEN).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `text` could be (a prefix of) an id.
    pub fn is_valid_prefix(text: &str) -> bool {
        text.len() >= Self::MIN_PREFIX
            && text.len() <= Self::LEN
            && text
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    }
}

impl fmt::Display for AssessmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

/// Why an assessment is made (Schengen evaluation types, adapted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AssessmentKind {
    Baseline,
    FollowUp,
    Thematic,
    Unannounced,
}

/// Where an assessment is in its life cycle: draft → submitted → final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Draft,
    Submitted,
    Final,
}

/// `ALL`, `code()`, `Display` and `FromStr` for an enum written as fixed
/// codes (in logs, exports and on the command line). Used by the plan too.
macro_rules! code_enum {
    ($t:ty, $what:literal, [$($v:ident => $c:literal),+]) => {
        impl $t {
            pub const ALL: &'static [$t] = &[$(<$t>::$v),+];
            pub fn code(self) -> &'static str {
                match self { $(<$t>::$v => $c),+ }
            }
        }
        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.code())
            }
        }
        impl ::std::str::FromStr for $t {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($c => Ok(<$t>::$v),)+
                    other => Err(format!(
                        concat!("unknown ", $what, " '{}' (use {})"),
                        other,
                        [$($c),+].join(", ")
                    )),
                }
            }
        }
    };
}

/// How much of the checklist an assessment asks: the core subset for a
/// one-day visit, or every item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Depth {
    Core,
    #[default]
    Full,
}

impl Depth {
    /// Whether an item of the pack is asked at this depth.
    pub fn asks(self, item: &crate::domain::pack::Item) -> bool {
        self == Depth::Full || item.core
    }
}

pub(crate) use code_enum;

code_enum!(Depth, "depth", [Core => "core", Full => "full"]);
code_enum!(AssessmentKind, "assessment kind", [
    Baseline => "baseline", FollowUp => "follow-up", Thematic => "thematic", Unannounced => "unannounced"
]);
code_enum!(Status, "status", [Draft => "draft", Submitted => "submitted", Final => "final"]);

/// A move in the life cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transition {
    Submit,
    Finalise,
    /// Finalising an assessment below the completeness threshold, which needs
    /// a reason (see [`crate::domain::scoring::AssessmentScore::completeness`]).
    FinaliseIncomplete {
        reason: String,
    },
    Reopen {
        reason: String,
    },
}

impl Transition {
    /// The reason given with the move, if any.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Transition::FinaliseIncomplete { reason } | Transition::Reopen { reason } => {
                Some(reason.trim())
            }
            _ => None,
        }
    }
}

impl Status {
    /// The status after `transition`, or why it is not allowed.
    pub fn apply(self, transition: &Transition) -> Result<Status, String> {
        match (self, transition) {
            (Status::Draft, Transition::Submit) => Ok(Status::Submitted),
            (Status::Draft | Status::Submitted, Transition::Finalise) => Ok(Status::Final),
            (Status::Draft | Status::Submitted, Transition::FinaliseIncomplete { reason }) => {
                if reason.trim().is_empty() {
                    Err("finalising an incomplete assessment needs a reason".to_string())
                } else {
                    Ok(Status::Final)
                }
            }
            (Status::Submitted | Status::Final, Transition::Reopen { reason }) => {
                if reason.trim().is_empty() {
                    Err("reopening needs a reason".to_string())
                } else {
                    Ok(Status::Draft)
                }
            }
            (Status::Submitted, Transition::Submit) => Err("it is already submitted".into()),
            (
                Status::Final,
                Transition::Submit | Transition::Finalise | Transition::FinaliseIncomplete { .. },
            ) => Err("it is already final; reopen it with a reason first".into()),
            (Status::Draft, Transition::Reopen { .. }) => Err("it is already a draft".into()),
        }
    }

    /// Only a final assessment is locked against edits.
    pub fn is_locked(self) -> bool {
        self == Status::Final
    }
}

/// How an item was answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    Open,
    Level(u8),
    NotApplicable { reason: String },
}

impl Response {
    pub fn level(&self) -> Option<u8> {
        match self {
            Response::Level(l) => Some(*l),
            _ => None,
        }
    }

    pub fn is_open(&self) -> bool {
        matches!(self, Response::Open)
    }

    /// How the response is written in logs and exports: `open`, `0`..`4`, `na`.
    pub fn code(&self) -> String {
        match self {
            Response::Open => "open".into(),
            Response::Level(l) => l.to_string(),
            Response::NotApplicable { .. } => "na".into(),
        }
    }
}

/// The longest note, in characters: about three printed pages. A note is the
/// evidence summarised for the report; longer material (an SOP, a register)
/// belongs in an evidence file, not in a note.
pub const NOTE_MAX_CHARS: usize = 10_000;

/// An item's answer with its evidence notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub item: String,
    pub response: Response,
    pub note: String,
    pub updated_at: String,
    pub updated_by: String,
    /// For a national item: the assessment (of another post of the same
    /// country) this answer was copied from, until it is changed here.
    pub copied_from: Option<AssessmentId>,
    /// The language the note was written in, when known.
    pub note_lang: Option<crate::domain::lang::Lang>,
}

/// The counts an auditor records for one equipment type. `None` = not recorded;
/// `required` and `needed` of `None` mean "what the catalogue asks of this post".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EquipmentCounts {
    pub required: Option<u32>,
    pub present: Option<u32>,
    pub functional: Option<u32>,
    pub in_use: Option<u32>,
    pub trained: Option<u32>,
    pub needed: Option<u32>,
    pub maintained: Option<u32>,
}

/// One row of the equipment audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EquipmentRecord {
    /// A catalogue type id, or for equipment found that the catalogue lacks,
    /// `other:` followed by the auditor's name for it.
    pub type_id: String,
    pub counts: EquipmentCounts,
    pub note: String,
    pub updated_at: String,
    pub updated_by: String,
    /// The language the note was written in, when known.
    pub note_lang: Option<crate::domain::lang::Lang>,
}

impl EquipmentRecord {
    pub const UNCATALOGUED_PREFIX: &'static str = "other:";

    pub fn uncatalogued_name(&self) -> Option<&str> {
        self.type_id.strip_prefix(Self::UNCATALOGUED_PREFIX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn life_cycle_moves_forward_and_reopens_only_with_a_reason() {
        assert_eq!(
            Status::Draft.apply(&Transition::Submit),
            Ok(Status::Submitted)
        );
        assert_eq!(
            Status::Submitted.apply(&Transition::Finalise),
            Ok(Status::Final)
        );
        assert!(Status::Final.apply(&Transition::Submit).is_err());
        let empty = Transition::Reopen {
            reason: "  ".into(),
        };
        assert!(Status::Final.apply(&empty).is_err());
        let reason = Transition::Reopen {
            reason: "typo in note".into(),
        };
        assert_eq!(Status::Final.apply(&reason), Ok(Status::Draft));
        assert!(Status::Draft.apply(&reason).is_err());
        assert!(Status::Final.is_locked() && !Status::Submitted.is_locked());
    }

    #[test]
    fn id_prefixes_need_four_lowercase_hex_digits() {
        assert!(AssessmentId::is_valid_prefix("a1b2"));
        assert!(!AssessmentId::is_valid_prefix("a1b"));
        assert!(!AssessmentId::is_valid_prefix("A1B2"));
        assert!(!AssessmentId::is_valid_prefix("zzzz"));
        assert_eq!(
            AssessmentId::from_hex("0123456789abcdef").as_str(),
            "0123456789ab"
        );
    }

    #[test]
    fn visit_dates_must_be_dates_in_order() {
        let method = |from: Option<&str>, to: Option<&str>| Method {
            visit_from: from.map(str::to_string),
            visit_to: to.map(str::to_string),
            ..Method::default()
        };
        assert_eq!(
            method(Some("2026-10-06"), Some("2026-10-08")).problems(),
            vec![]
        );
        assert_eq!(method(None, None).problems(), vec![]);
        assert_eq!(
            method(Some("2026-10-08"), Some("2026-10-06")).problems(),
            vec![MethodProblem::ToBeforeFrom]
        );
        assert_eq!(
            method(Some("6/10/2026"), Some("2026-02-30")).problems(),
            vec![MethodProblem::BadFrom, MethodProblem::BadTo]
        );
    }

    #[test]
    fn kinds_parse_from_their_codes() {
        for kind in AssessmentKind::ALL {
            assert_eq!(kind.code().parse::<AssessmentKind>().unwrap(), *kind);
        }
        assert!("audit".parse::<AssessmentKind>().is_err());
    }
}

/// An assessment's header: who, what, when, and the pack it was made with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub id: AssessmentId,
    pub post: String,
    pub kind: AssessmentKind,
    pub status: Status,
    pub depth: Depth,
    pub evaluators: Vec<String>,
    /// The single target level of assessments made before per-pillar targets.
    pub target_level: u8,
    /// The target level of pillars 1..=4.
    pub targets: [u8; 4],
    pub pack_id: String,
    pub pack_version: String,
    pub pack_hash: String,
    pub created_at: String,
    pub created_by: String,
    pub updated_at: String,
    pub submitted_at: Option<String>,
    pub finalised_at: Option<String>,
    /// How the visit was carried out (the report's method section).
    pub method: Method,
}

/// What is wrong with a method's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodProblem {
    /// The first day is not a date written YYYY-MM-DD.
    BadFrom,
    BadTo,
    /// The last day is before the first.
    ToBeforeFrom,
}

impl Method {
    /// Every problem with the dates; the texts are free.
    pub fn problems(&self) -> Vec<MethodProblem> {
        let mut found = Vec::new();
        let ok = |d: &Option<String>| d.as_deref().is_none_or(crate::domain::time::is_date);
        if !ok(&self.visit_from) {
            found.push(MethodProblem::BadFrom);
        }
        if !ok(&self.visit_to) {
            found.push(MethodProblem::BadTo);
        }
        if let (Some(from), Some(to), true) = (&self.visit_from, &self.visit_to, found.is_empty())
            && to < from
        {
            found.push(MethodProblem::ToBeforeFrom);
        }
        found
    }
}

/// How an assessment's visit was carried out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Method {
    /// First and last day of the visit (YYYY-MM-DD).
    pub visit_from: Option<String>,
    pub visit_to: Option<String>,
    /// Who was interviewed (functions, agencies; free text).
    pub interviewed: String,
    /// Which sites, lanes and rooms were seen.
    pub sites_seen: String,
    /// The post's traffic as recorded (e.g. travellers and lorries a day).
    pub traffic: String,
}

/// One row of the change log: who changed what, when, from what to what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub at: String,
    pub actor: String,
    pub assessment: Option<String>,
    pub entity: String,
    pub entity_id: String,
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}
