//! The conflict queue an import leaves: listing it, resolving one conflict
//! (logged, with its reason), and the count that blocks finalising.

use rusqlite::{Connection, OptionalExtension, params};

use super::bundle::units;
use super::{LogEntry, Result, Store, StoreError, log};
use crate::domain::assessment::AssessmentId;

/// One field changed on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub number: i64,
    pub assessment_id: String,
    pub entity: String,
    pub entity_id: String,
    pub field: String,
    pub mine: Option<String>,
    pub mine_by: String,
    pub mine_at: String,
    pub mine_device: String,
    pub theirs: Option<String>,
    pub theirs_by: String,
    pub theirs_at: String,
    pub theirs_device: String,
    pub resolved_at: Option<String>,
    pub resolved_by: Option<String>,
    pub resolution: Option<String>,
    pub reason: Option<String>,
}

/// Which value a resolution keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Take {
    Mine,
    Theirs,
    /// A value typed by the person (a level 0–4 or `na: REASON` for a
    /// response, text for a note, a whole number or `-` for a count).
    Value(String),
}

impl Take {
    pub fn parse(text: &str) -> Take {
        match text {
            "mine" => Take::Mine,
            "theirs" => Take::Theirs,
            other => Take::Value(other.to_string()),
        }
    }
}

/// A unit's stored value (a JSON array of its columns) as a person reads it.
pub fn shown(field: &str, value: Option<&str>) -> String {
    let Some(values) = value.and_then(|v| serde_json::from_str::<Vec<serde_json::Value>>(v).ok())
    else {
        return "—".into();
    };
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::Null => "—".to_string(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match (field, values.as_slice()) {
        ("response", [level, na, ..]) if !level.is_null() => format!("level {}", text(level)),
        ("response", [_, na, ..]) if !na.is_null() => format!("n/a: {}", text(na)),
        ("response", _) => "unanswered".into(),
        (_, [first, ..]) => text(first),
        _ => "—".into(),
    }
}

const COLUMNS: &str = "number, assessment_id, entity, entity_id, field, mine, mine_by, mine_at, \
     mine_device, theirs, theirs_by, theirs_at, theirs_device, resolved_at, resolved_by, resolution, reason";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Conflict> {
    Ok(Conflict {
        number: r.get(0)?,
        assessment_id: r.get(1)?,
        entity: r.get(2)?,
        entity_id: r.get(3)?,
        field: r.get(4)?,
        mine: r.get(5)?,
        mine_by: r.get(6)?,
        mine_at: r.get(7)?,
        mine_device: r.get(8)?,
        theirs: r.get(9)?,
        theirs_by: r.get(10)?,
        theirs_at: r.get(11)?,
        theirs_device: r.get(12)?,
        resolved_at: r.get(13)?,
        resolved_by: r.get(14)?,
        resolution: r.get(15)?,
        reason: r.get(16)?,
    })
}

/// How many conflicts of `id` are open (finalising waits for none).
pub(crate) fn open_count(conn: &Connection, id: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM conflicts WHERE assessment_id = ?1 AND resolved_at IS NULL",
        [id],
        |r| r.get(0),
    )?)
}

/// The value a typed `Take::Value` stands for in `unit`, as a JSON array.
fn typed_value(field: &str, text: &str) -> Option<String> {
    let t = text.trim();
    let value = match field {
        "response" => {
            if let Some(reason) = t.strip_prefix("na:").or_else(|| t.strip_prefix("n/a:")) {
                let reason = reason.trim();
                if reason.is_empty() {
                    return None;
                }
                serde_json::json!([null, reason, null])
            } else {
                let level: i64 = t.parse().ok().filter(|l| (0..=4).contains(l))?;
                serde_json::json!([level, null, null])
            }
        }
        "note" => serde_json::json!([text, null]),
        _ if t == "-" => serde_json::json!([null]),
        _ => serde_json::json!([t.parse::<u32>().ok()?]),
    };
    Some(value.to_string())
}

impl Store {
    /// The conflicts of `id`, open ones first.
    pub fn conflicts(&self, id: &AssessmentId) -> Result<Vec<Conflict>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM conflicts WHERE assessment_id = ?1
             ORDER BY resolved_at IS NOT NULL, number"
        ))?;
        let rows = stmt.query_map([id.as_str()], read)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Resolves the open conflict `item` (its number, or the item or
    /// equipment id when one open conflict has it) by keeping `take`.
    pub fn resolve_conflict(
        &mut self,
        id: &AssessmentId,
        item: &str,
        take: &Take,
        reason: &str,
    ) -> Result<Conflict> {
        if reason.trim().is_empty() {
            return Err(StoreError::EmptyComment);
        }
        let actor = self.actor.clone();
        let at = self.now();
        let tx = self.write()?;
        if super::assessments::status_of(&tx, id)?.code() == "final" {
            return Err(StoreError::Locked(id.to_string()));
        }
        let open: Vec<Conflict> = {
            let mut stmt = tx.prepare(&format!(
                "SELECT {COLUMNS} FROM conflicts WHERE assessment_id = ?1 AND resolved_at IS NULL
                   AND (CAST(number AS TEXT) = ?2 OR entity_id = ?2) ORDER BY number"
            ))?;
            stmt.query_map(params![id.as_str(), item], read)?
                .collect::<rusqlite::Result<_>>()?
        };
        let conflict = match open.as_slice() {
            [one] => one.clone(),
            [] => {
                return Err(StoreError::UnknownConflict {
                    id: id.to_string(),
                    item: item.to_string(),
                });
            }
            many => {
                return Err(StoreError::AmbiguousConflict {
                    item: item.to_string(),
                    numbers: many.iter().map(|c| c.number.to_string()).collect(),
                });
            }
        };
        let unit = units::find(&conflict.entity, &conflict.field).ok_or_else(|| {
            StoreError::UnknownConflict {
                id: id.to_string(),
                item: item.to_string(),
            }
        })?;
        let (chosen, label) = match take {
            Take::Mine => (conflict.mine.clone(), "mine".to_string()),
            Take::Theirs => (conflict.theirs.clone(), "theirs".to_string()),
            Take::Value(text) => (
                Some(typed_value(&conflict.field, text).ok_or_else(|| {
                    StoreError::BadConflictValue {
                        field: conflict.field.clone(),
                        value: text.clone(),
                    }
                })?),
                "a new value".to_string(),
            ),
        };
        let current: Option<String> = tx
            .query_row(
                &format!(
                    "SELECT json_array({}) FROM {} WHERE assessment_id = ?1 AND {} = ?2",
                    unit.columns.join(", "),
                    unit.table,
                    unit.key
                ),
                params![id.as_str(), conflict.entity_id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(value) = &chosen {
            let sets: Vec<String> = unit
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c} = json_extract(?3, '$[{i}]')"))
                .collect();
            tx.execute(
                &format!(
                    "UPDATE {} SET {}, updated_at = ?4, updated_by = ?5 WHERE assessment_id = ?1 AND {} = ?2",
                    unit.table,
                    sets.join(", "),
                    unit.key
                ),
                params![id.as_str(), conflict.entity_id, value, at, actor],
            )?;
        }
        log(
            &tx,
            &actor,
            &at,
            LogEntry {
                assessment: Some(id.as_str()),
                entity: unit.entity,
                entity_id: &conflict.entity_id,
                field: unit.name,
                old: Some(shown(unit.name, current.as_deref())),
                new: Some(shown(unit.name, chosen.as_deref())),
            },
        )?;
        log(
            &tx,
            &actor,
            &at,
            LogEntry {
                assessment: Some(id.as_str()),
                entity: "conflict",
                entity_id: &units::conflict_target(unit, &conflict.entity_id),
                field: "resolution",
                old: None,
                new: Some(format!("took {label}: {reason}")),
            },
        )?;
        tx.execute(
            "UPDATE conflicts SET resolved_at = ?2, resolved_by = ?3, resolution = ?4, reason = ?5
             WHERE number = ?1",
            params![conflict.number, at, actor, label, reason],
        )?;
        tx.commit()?;
        let mut done = conflict;
        done.resolved_at = Some(at);
        done.resolved_by = Some(actor);
        done.resolution = Some(label);
        done.reason = Some(reason.to_string());
        Ok(done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_follow_the_field() {
        assert_eq!(
            typed_value("response", "3").as_deref(),
            Some("[3,null,null]")
        );
        assert_eq!(
            typed_value("response", "na: closed").as_deref(),
            Some("[null,\"closed\",null]")
        );
        assert_eq!(typed_value("response", "7"), None);
        assert_eq!(typed_value("response", "na:  "), None);
        assert_eq!(typed_value("present", "-").as_deref(), Some("[null]"));
        assert_eq!(typed_value("present", "x"), None);
        assert_eq!(shown("response", Some("[2,null,null]")), "level 2");
        assert_eq!(
            shown("response", Some("[null,\"closed\",null]")),
            "n/a: closed"
        );
        assert_eq!(shown("present", None), "—");
    }
}
