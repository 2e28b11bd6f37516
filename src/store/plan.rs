//! The action plan's records: proposing from the scores (idempotently),
//! adding, editing and moving actions through their statuses, each change
//! logged. The plan stays editable once the assessment is final: it is
//! followed up for months after the visit.

use rusqlite::{Transaction, params};

use super::{Logger, Result, Store, StoreError, assessments};
use crate::domain::assessment::AssessmentId;
use crate::domain::plan::{Action, ActionEdit, ActionStatus, Cite, Cost, Priority, sort_for_plan};

/// An action as the proposer or a person writes it first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAction {
    pub title: String,
    pub body: String,
    pub priority: Priority,
    pub cites: Vec<Cite>,
    pub agency: String,
    pub due: Option<String>,
    pub cost: Option<Cost>,
}

/// One action the scores call for, in words (see `messages::plan`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedAction {
    pub key: String,
    pub action: NewAction,
}

/// What proposing changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProposeSummary {
    /// Numbers of the actions added.
    pub added: Vec<u32>,
    /// Unedited proposals brought up to date with the scores.
    pub updated: Vec<u32>,
    /// Unedited proposals the scores no longer call for, removed.
    pub withdrawn: Vec<u32>,
    /// Proposals a person has edited or moved on: left as they are.
    pub kept: Vec<u32>,
}

const COLUMNS: &str = "id, assessment_id, number, proposal_key, title, body, priority, \
     proposed_priority, agency, due, cost, currency, status, status_reason, edited, created_at, \
     created_by, updated_at, updated_by";

fn parsed<T: std::str::FromStr<Err = String>>(
    row: &rusqlite::Row<'_>,
    index: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    text.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, e.into())
    })
}

fn action_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Action> {
    let proposed: Option<String> = row.get(7)?;
    let cost: Option<i64> = row.get(10)?;
    let currency: Option<String> = row.get(11)?;
    Ok(Action {
        id: row.get(0)?,
        assessment: row.get(1)?,
        number: row.get(2)?,
        proposal_key: row.get(3)?,
        cites: Vec::new(),
        title: row.get(4)?,
        body: row.get(5)?,
        priority: parsed(row, 6)?,
        proposed_priority: match proposed {
            Some(text) => Some(text.parse().map_err(|e: String| {
                rusqlite::Error::FromSqlConversionFailure(7, rusqlite::types::Type::Text, e.into())
            })?),
            None => None,
        },
        agency: row.get(8)?,
        due: row.get(9)?,
        cost: match (cost, currency) {
            (Some(amount), Some(currency)) => Some(Cost {
                amount: u64::try_from(amount).unwrap_or(0),
                currency,
            }),
            _ => None,
        },
        status: parsed(row, 12)?,
        status_reason: row.get(13)?,
        edited: row.get(14)?,
        created_at: row.get(15)?,
        created_by: row.get(16)?,
        updated_at: row.get(17)?,
        updated_by: row.get(18)?,
    })
}

/// The actions of `assessment` (all when `number` is `None`), with their cites.
pub(super) fn load_actions(
    conn: &rusqlite::Connection,
    assessment: &str,
    number: Option<u32>,
) -> Result<Vec<Action>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM actions WHERE assessment_id = ?1 AND (?2 IS NULL OR number = ?2)
         ORDER BY number"
    ))?;
    let mut actions: Vec<Action> = stmt
        .query_map(params![assessment, number], action_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut cites = conn.prepare_cached(
        "SELECT kind, target FROM action_cites WHERE action_id = ?1 ORDER BY position",
    )?;
    for action in &mut actions {
        action.cites = cites
            .query_map([&action.id], |r| {
                Ok(Cite::from_parts(
                    &r.get::<_, String>(0)?,
                    &r.get::<_, String>(1)?,
                ))
            })?
            .filter_map(|c| c.transpose())
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(actions)
}

/// Action `number` of assessment `id`, or [`StoreError::UnknownAction`].
pub(super) fn one_action(
    conn: &rusqlite::Connection,
    id: &AssessmentId,
    number: u32,
) -> Result<Action> {
    load_actions(conn, id.as_str(), Some(number))?
        .pop()
        .ok_or_else(|| StoreError::UnknownAction {
            id: id.to_string(),
            number,
        })
}

fn write_cites(tx: &Transaction<'_>, action: &str, cites: &[Cite]) -> Result<()> {
    tx.execute("DELETE FROM action_cites WHERE action_id = ?1", [action])?;
    let mut seen = Vec::new();
    for cite in cites {
        if seen.contains(&cite) {
            continue;
        }
        tx.execute(
            "INSERT INTO action_cites (action_id, kind, target, position) VALUES (?1, ?2, ?3, ?4)",
            params![action, cite.kind(), cite.target(), seen.len() as i64],
        )?;
        seen.push(cite);
    }
    Ok(())
}

fn cites_text(cites: &[Cite]) -> String {
    cites
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn cost_text(cost: &Option<Cost>) -> Option<String> {
    cost.as_ref()
        .map(|c| format!("{} {}", c.amount, c.currency))
}

struct Inserted {
    number: u32,
}

fn insert_action(
    tx: &Transaction<'_>,
    assessment: &AssessmentId,
    key: Option<&str>,
    new: &NewAction,
    actor: &str,
    at: &str,
) -> Result<Inserted> {
    let number: u32 = tx.query_row(
        "UPDATE assessments SET last_action_number = last_action_number + 1 WHERE id = ?1
         RETURNING last_action_number",
        [assessment.as_str()],
        |r| r.get(0),
    )?;
    let id = assessments::fresh_hex(&format!("action {assessment} {number}"));
    let proposed = key.map(|_| new.priority.code());
    tx.execute(
        &format!(
            "INSERT INTO actions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
             'proposed', NULL, ?13, ?14, ?15, ?14, ?15)"
        ),
        params![
            id,
            assessment.as_str(),
            number,
            key,
            new.title.trim(),
            new.body,
            new.priority.code(),
            proposed,
            new.agency.trim(),
            new.due,
            new.cost.as_ref().map(|c| c.amount as i64),
            new.cost.as_ref().map(|c| c.currency.as_str()),
            key.is_none(),
            at,
            actor,
        ],
    )?;
    write_cites(tx, &id, &new.cites)?;
    Logger {
        tx,
        actor,
        at,
        assessment: assessment.as_str(),
        entity: "action",
    }
    .row(
        &id,
        if key.is_some() { "proposed" } else { "added" },
        None,
        Some(format!(
            "#{number} {} [{}] ({})",
            new.title.trim(),
            new.priority,
            cites_text(&new.cites)
        )),
    )?;
    Ok(Inserted { number })
}

impl Store {
    /// The plan of an assessment, most urgent first.
    pub fn actions(&self, id: &AssessmentId) -> Result<Vec<Action>> {
        let mut actions = load_actions(&self.conn, id.as_str(), None)?;
        sort_for_plan(&mut actions);
        Ok(actions)
    }

    /// Action `number` of the plan.
    pub fn action(&self, id: &AssessmentId, number: u32) -> Result<Action> {
        one_action(&self.conn, id, number)
    }

    /// Brings the plan in line with what the scores call for, in one
    /// transaction: a proposal whose key has no action yet is added; an
    /// action the proposer made and nobody has touched since is brought up to
    /// date, or removed when the scores no longer call for it; an action a
    /// person edited or moved on is never changed. Running it twice changes
    /// nothing the second time.
    pub fn propose_actions(
        &mut self,
        id: &AssessmentId,
        proposals: &[ProposedAction],
    ) -> Result<ProposeSummary> {
        let at = self.now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        if !assessments::exists(&tx, id)? {
            return Err(StoreError::UnknownAssessment(id.to_string()));
        }
        let existing = load_actions(&tx, id.as_str(), None)?;
        let mut summary = ProposeSummary::default();
        for proposal in proposals {
            let found = existing
                .iter()
                .find(|a| a.proposal_key.as_deref() == Some(proposal.key.as_str()));
            match found {
                None => {
                    let added =
                        insert_action(&tx, id, Some(&proposal.key), &proposal.action, &actor, &at)?;
                    summary.added.push(added.number);
                }
                Some(action) if action.edited || action.status != ActionStatus::Proposed => {
                    summary.kept.push(action.number);
                }
                Some(action) => {
                    let new = &proposal.action;
                    let same = action.title == new.title.trim()
                        && action.body == new.body
                        && action.priority == new.priority
                        && action.cites == new.cites;
                    if same {
                        continue;
                    }
                    tx.execute(
                        "UPDATE actions SET title = ?2, body = ?3, priority = ?4, proposed_priority = ?4,
                             updated_at = ?5, updated_by = ?6 WHERE id = ?1",
                        params![action.id, new.title.trim(), new.body, new.priority.code(), at, actor],
                    )?;
                    write_cites(&tx, &action.id, &new.cites)?;
                    Logger {
                        tx: &tx,
                        actor: &actor,
                        at: &at,
                        assessment: id.as_str(),
                        entity: "action",
                    }
                    .row(
                        &action.id,
                        "reproposed",
                        Some(format!("{} [{}]", action.title, action.priority)),
                        Some(format!("{} [{}]", new.title.trim(), new.priority)),
                    )?;
                    summary.updated.push(action.number);
                }
            }
        }
        for action in &existing {
            let Some(key) = action.proposal_key.as_deref() else {
                continue;
            };
            let still = proposals.iter().any(|p| p.key == key);
            if still || action.edited || action.status != ActionStatus::Proposed {
                if !still {
                    summary.kept.push(action.number);
                }
                continue;
            }
            tx.execute("DELETE FROM actions WHERE id = ?1", [&action.id])?;
            Logger {
                tx: &tx,
                actor: &actor,
                at: &at,
                assessment: id.as_str(),
                entity: "action",
            }
            .row(
                &action.id,
                "withdrawn",
                Some(format!("#{} {}", action.number, action.title)),
                None,
            )?;
            summary.withdrawn.push(action.number);
        }
        summary.kept.sort_unstable();
        summary.kept.dedup();
        tx.commit()?;
        Ok(summary)
    }

    /// Adds an action a person wrote (checked by the caller against the pack;
    /// see `domain::plan::check`). Returns its number.
    pub fn add_action(&mut self, id: &AssessmentId, new: &NewAction) -> Result<u32> {
        let at = self.now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        if !assessments::exists(&tx, id)? {
            return Err(StoreError::UnknownAssessment(id.to_string()));
        }
        let inserted = insert_action(&tx, id, None, new, &actor, &at)?;
        tx.commit()?;
        Ok(inserted.number)
    }

    /// Changes the fields `edit` sets (checked by the caller); the action
    /// counts as edited from then on, so proposing leaves it alone.
    pub fn edit_action(
        &mut self,
        id: &AssessmentId,
        number: u32,
        edit: &ActionEdit,
    ) -> Result<Action> {
        let at = self.now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        let before = one_action(&tx, id, number)?;
        let mut after = before.clone();
        if let Some(title) = &edit.title {
            after.title = title.trim().to_string();
        }
        if let Some(body) = &edit.body {
            after.body.clone_from(body);
        }
        if let Some(priority) = edit.priority {
            after.priority = priority;
        }
        if let Some(agency) = &edit.agency {
            after.agency = agency.trim().to_string();
        }
        if let Some(due) = &edit.due {
            after.due.clone_from(due);
        }
        if let Some(cost) = &edit.cost {
            after.cost.clone_from(cost);
        }
        if let Some(cites) = &edit.cites {
            after.cites.clone_from(cites);
        }
        if after == before {
            return Ok(before);
        }
        tx.execute(
            "UPDATE actions SET title = ?2, body = ?3, priority = ?4, agency = ?5, due = ?6, cost = ?7,
                 currency = ?8, edited = 1, updated_at = ?9, updated_by = ?10 WHERE id = ?1",
            params![
                after.id,
                after.title,
                after.body,
                after.priority.code(),
                after.agency,
                after.due,
                after.cost.as_ref().map(|c| c.amount as i64),
                after.cost.as_ref().map(|c| c.currency.as_str()),
                at,
                actor
            ],
        )?;
        if after.cites != before.cites {
            write_cites(&tx, &after.id, &after.cites)?;
        }
        let changes: [(&str, Option<String>, Option<String>); 7] = [
            (
                "title",
                Some(before.title.clone()),
                Some(after.title.clone()),
            ),
            ("text", Some(before.body.clone()), Some(after.body.clone())),
            (
                "priority",
                Some(before.priority.code().into()),
                Some(after.priority.code().into()),
            ),
            (
                "agency",
                Some(before.agency.clone()),
                Some(after.agency.clone()),
            ),
            ("due", before.due.clone(), after.due.clone()),
            ("cost", cost_text(&before.cost), cost_text(&after.cost)),
            (
                "cites",
                Some(cites_text(&before.cites)),
                Some(cites_text(&after.cites)),
            ),
        ];
        for (field, old, new) in changes {
            Logger {
                tx: &tx,
                actor: &actor,
                at: &at,
                assessment: id.as_str(),
                entity: "action",
            }
            .row(&after.id, field, old, new)?;
        }
        tx.commit()?;
        self.action(id, number)
    }

    /// Moves an action to `next` (see [`ActionStatus::check_move`]); the
    /// reason of a drop or a reopening is kept with it and in the log.
    pub fn set_action_status(
        &mut self,
        id: &AssessmentId,
        number: u32,
        next: ActionStatus,
        reason: Option<&str>,
    ) -> Result<Action> {
        let at = self.now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        let action = one_action(&tx, id, number)?;
        action
            .status
            .check_move(next, reason)
            .map_err(|refusal| StoreError::ActionMove {
                number,
                from: action.status,
                to: next,
                refusal,
            })?;
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        let kept_reason = if action.status.move_needs_reason(next) {
            reason
        } else {
            None
        };
        tx.execute(
            "UPDATE actions SET status = ?2, status_reason = ?3, edited = 1, updated_at = ?4,
                 updated_by = ?5 WHERE id = ?1",
            params![action.id, next.code(), kept_reason, at, actor],
        )?;
        let new = match reason {
            Some(r) => format!("{next} (reason: {r})"),
            None => next.code().to_string(),
        };
        Logger {
            tx: &tx,
            actor: &actor,
            at: &at,
            assessment: id.as_str(),
            entity: "action",
        }
        .row(
            &action.id,
            "status",
            Some(action.status.code().to_string()),
            Some(new),
        )?;
        tx.commit()?;
        self.action(id, number)
    }

    /// The status history of one action, oldest first: (when, who, from, to).
    pub fn action_history(
        &self,
        action_id: &str,
    ) -> Result<Vec<crate::domain::assessment::Change>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {} FROM change_log WHERE entity = 'action' AND entity_id = ?1 ORDER BY seq",
            super::convert::CHANGE_COLUMNS
        ))?;
        let rows = stmt.query_map([action_id], super::convert::change)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
