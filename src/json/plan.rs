//! JSON and CSV shapes of the plan, its follow-up and the review flags,
//! shared by `frontera plan`/`review` and the export.

use serde_json::{Value, json};

use crate::action_plan::{PlanRecords, TargetView};
use crate::domain::plan::{Action, FollowUpReview};
use crate::domain::review::ReviewFlag;

pub fn action(a: &Action, needed: bool, today: &str) -> Value {
    json!({
        "number": a.number,
        "id": a.id,
        "title": a.title,
        "text": a.body,
        "priority": a.priority.code(),
        "proposed_priority": a.proposed_priority.map(|p| p.code()),
        "proposal_key": a.proposal_key,
        "cites": a.cites.iter().map(|c| json!({ "kind": c.kind(), "id": c.target() })).collect::<Vec<_>>(),
        "agency": a.agency,
        "due": a.due,
        "cost": a.cost.as_ref().map(|c| json!({ "amount": c.amount, "currency": c.currency })),
        "status": a.status.code(),
        "status_reason": a.status_reason,
        "edited": a.edited,
        "needed_for_target": needed,
        "overdue": a.overdue_on(today),
        "created_at": a.created_at,
        "created_by": a.created_by,
        "updated_at": a.updated_at,
        "updated_by": a.updated_by,
    })
}

pub fn targets(views: &[TargetView]) -> Value {
    views
        .iter()
        .map(|v| {
            json!({
                "pillar": v.gap.pillar,
                "level": v.gap.level,
                "target": v.gap.target,
                "gap": v.gap.gap(),
                "needed_items": v.gap.needed,
                "needed_actions": v.actions,
                "items_without_action": v.uncovered,
                "unreachable_by_checklist": v.gap.unreachable,
            })
        })
        .collect()
}

pub fn followup(review: &FollowUpReview) -> Value {
    let s = review.summary();
    json!({
        "previous_assessment": review.previous,
        "visit": review.visit,
        "summary": {
            "actions": s.actions,
            "reviewed": s.reviewed,
            "done": s.done,
            "partly": s.partly,
            "not_done": s.not_done,
            "not_relevant": s.not_relevant,
            "overdue": s.overdue,
            "closure_rate": s.closure_rate(),
        },
        "actions": review.entries.iter().map(|(a, found)| json!({
            "number": a.number,
            "id": a.id,
            "title": a.title,
            "priority": a.priority.code(),
            "agency": a.agency,
            "due": a.due,
            "status": a.status.code(),
            "outcome": found.as_ref().map(|f| f.outcome.code()),
            "note": found.as_ref().map(|f| f.note.clone()),
            "recorded_at": found.as_ref().map(|f| f.updated_at.clone()),
            "recorded_by": found.as_ref().map(|f| f.updated_by.clone()),
        })).collect::<Vec<_>>(),
    })
}

pub fn flag(f: &ReviewFlag) -> Value {
    json!({
        "number": f.id,
        "kind": f.target.kind(),
        "target": f.target.target(),
        "comment": f.comment,
        "raised_by": f.raised_by,
        "raised_at": f.raised_at,
        "open": f.is_open(),
        "resolution": f.resolution,
        "resolved_by_change": !f.is_open() && f.resolution.is_none(),
        "resolved_by": f.resolved_by,
        "resolved_at": f.resolved_at,
    })
}

/// The plan section of the export and of `plan list --format json`.
pub fn plan(records: &PlanRecords, views: &[TargetView], today: &str) -> Value {
    let needed = crate::action_plan::needed_numbers(views);
    json!({
        "targets": targets(views),
        "actions": records.actions.iter().map(|a| action(a, needed.contains(&a.number), today)).collect::<Vec<_>>(),
        "followup": records.followup.as_ref().map(followup),
        "review_flags": records.flags.iter().map(flag).collect::<Vec<_>>(),
    })
}

/// One CSV field (RFC 4180): quoted when it holds a separator, a quote or a
/// line break. A text that a spreadsheet would run as a formula (= + - @ at
/// the start) gets a leading apostrophe, as OWASP advises for CSV exports.
pub fn csv_field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The plan as CSV: one row per action, a header row first.
pub fn csv(actions: &[Action], needed: &std::collections::BTreeSet<u32>, today: &str) -> String {
    let mut out = String::from(
        "number,priority,status,title,agency,due,cost,currency,cites,needed_for_target,overdue,text,status_reason,updated_at,updated_by\r\n",
    );
    for a in actions {
        let cites: Vec<String> = a.cites.iter().map(ToString::to_string).collect();
        let fields = [
            a.number.to_string(),
            a.priority.code().to_string(),
            a.status.code().to_string(),
            csv_field(&a.title),
            csv_field(&a.agency),
            a.due.clone().unwrap_or_default(),
            a.cost
                .as_ref()
                .map_or(String::new(), |c| c.amount.to_string()),
            a.cost
                .as_ref()
                .map_or(String::new(), |c| c.currency.clone()),
            csv_field(&cites.join(" ")),
            needed.contains(&a.number).to_string(),
            a.overdue_on(today).to_string(),
            csv_field(&a.body),
            csv_field(a.status_reason.as_deref().unwrap_or_default()),
            a.updated_at.clone(),
            csv_field(&a.updated_by),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-1"), "'-1");
    }
}
