//! Row ↔ domain conversion: the one place that knows how columns map to types.

use rusqlite::Row;
use rusqlite::types::Type;

use crate::domain::assessment::{
    Answer, Assessment, AssessmentId, Change, EquipmentCounts, EquipmentRecord, Response,
};
use crate::domain::post::{CountryCode, Post, PostCode, PostProfile};

/// Turns a text column that failed to parse into a rusqlite conversion error.
fn bad(index: usize, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, Type::Text, message.into())
}

fn parsed<T: std::str::FromStr<Err = String>>(row: &Row<'_>, index: usize) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    text.parse().map_err(|e| bad(index, e))
}

pub fn json_list(row: &Row<'_>, index: usize) -> rusqlite::Result<Vec<String>> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text).map_err(|e| bad(index, e.to_string()))
}

pub fn to_json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

pub const POST_COLUMNS: &str = "code, name, country, neighbour, kind, cargo, model, lanes, cargo_lanes, booths, shifts, agencies";

pub fn post(row: &Row<'_>) -> rusqlite::Result<Post> {
    Ok(Post {
        code: PostCode::parse(&row.get::<_, String>(0)?).map_err(|e| bad(0, e))?,
        name: row.get(1)?,
        country: CountryCode::parse(&row.get::<_, String>(2)?).map_err(|e| bad(2, e))?,
        neighbour: CountryCode::parse(&row.get::<_, String>(3)?).map_err(|e| bad(3, e))?,
        kind: parsed(row, 4)?,
        cargo: row.get(5)?,
        model: parsed(row, 6)?,
        profile: PostProfile {
            lanes: row.get(7)?,
            cargo_lanes: row.get(8)?,
            booths: row.get(9)?,
            shifts: row.get(10)?,
        },
        agencies: json_list(row, 11)?,
    })
}

pub const ASSESSMENT_COLUMNS: &str = "a.id, a.post_code, a.kind, a.status, a.evaluators, a.target_level, \
     p.pack_id, p.version, a.pack_hash, a.created_at, a.created_by, a.updated_at, a.submitted_at, a.finalised_at, \
     a.depth, a.pillar_targets, a.visit_from, a.visit_to, a.interviewed, a.sites_seen, a.traffic";

pub fn assessment(row: &Row<'_>) -> rusqlite::Result<Assessment> {
    Ok(Assessment {
        id: AssessmentId::new(row.get(0)?),
        post: row.get(1)?,
        kind: parsed(row, 2)?,
        status: parsed(row, 3)?,
        evaluators: json_list(row, 4)?,
        target_level: row.get(5)?,
        pack_id: row.get(6)?,
        pack_version: row.get(7)?,
        pack_hash: row.get(8)?,
        created_at: row.get(9)?,
        created_by: row.get(10)?,
        updated_at: row.get(11)?,
        submitted_at: row.get(12)?,
        finalised_at: row.get(13)?,
        depth: parsed(row, 14)?,
        targets: targets(row, 15, row.get(5)?)?,
        method: crate::domain::assessment::Method {
            visit_from: row.get(16)?,
            visit_to: row.get(17)?,
            interviewed: row.get(18)?,
            sites_seen: row.get(19)?,
            traffic: row.get(20)?,
        },
    })
}

/// Pillar targets as stored (a JSON array of four levels 0–4), or for an
/// assessment made before per-pillar targets, `single` for every pillar.
fn targets(row: &Row<'_>, index: usize, single: u8) -> rusqlite::Result<[u8; 4]> {
    let Some(text) = row.get::<_, Option<String>>(index)? else {
        return Ok([single; 4]);
    };
    let levels: [u8; 4] = serde_json::from_str(&text).map_err(|e| bad(index, e.to_string()))?;
    if levels.iter().any(|l| *l > 4) {
        return Err(bad(index, format!("target levels out of range: {text}")));
    }
    Ok(levels)
}

/// Pillar targets as stored.
pub fn to_targets(targets: &[u8; 4]) -> String {
    serde_json::to_string(targets).unwrap_or_else(|_| "[3,3,3,3]".into())
}

pub const ANSWER_COLUMNS: &str =
    "item_id, level, na_reason, note, updated_at, updated_by, copied_from, note_lang";

/// A stored response; a level outside 0–4 (possible only if the file was
/// edited behind frontera's back) is an error naming the item, never a score.
pub fn response(
    item: &str,
    level: Option<i64>,
    na_reason: Option<String>,
) -> rusqlite::Result<Response> {
    Ok(match (level, na_reason) {
        (Some(level @ 0..=4), _) => Response::Level(level as u8),
        (Some(level), _) => {
            return Err(bad(
                1,
                format!("the stored answer to item {item} has level {level}, outside 0–4"),
            ));
        }
        (None, Some(reason)) => Response::NotApplicable { reason },
        (None, None) => Response::Open,
    })
}

/// (level, N/A reason) columns for a response.
pub fn response_columns(response: &Response) -> (Option<u8>, Option<&str>) {
    match response {
        Response::Open => (None, None),
        Response::Level(l) => (Some(*l), None),
        Response::NotApplicable { reason } => (None, Some(reason.as_str())),
    }
}

pub fn answer(row: &Row<'_>) -> rusqlite::Result<Answer> {
    let item: String = row.get(0)?;
    Ok(Answer {
        response: response(&item, row.get(1)?, row.get(2)?)?,
        item,
        note: row.get(3)?,
        updated_at: row.get(4)?,
        updated_by: row.get(5)?,
        copied_from: row.get::<_, Option<String>>(6)?.map(AssessmentId::new),
        note_lang: lang(row, 7)?,
    })
}

pub const EQUIPMENT_COLUMNS: &str = "type_id, required, present, functional, in_use, trained, needed, maintained, note, updated_at, updated_by, note_lang";

/// A stored language code; an unknown one reads as unknown, not as an error
/// (it only marks a note's language in the report).
fn lang(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<crate::domain::lang::Lang>> {
    Ok(row
        .get::<_, Option<String>>(index)?
        .and_then(|c| crate::domain::lang::Lang::from_code(&c)))
}

pub fn equipment(row: &Row<'_>) -> rusqlite::Result<EquipmentRecord> {
    equipment_at(row, 0)
}

/// An equipment record whose [`EQUIPMENT_COLUMNS`] start at column `at`.
pub fn equipment_at(row: &Row<'_>, at: usize) -> rusqlite::Result<EquipmentRecord> {
    Ok(EquipmentRecord {
        type_id: row.get(at)?,
        counts: EquipmentCounts {
            required: row.get(at + 1)?,
            present: row.get(at + 2)?,
            functional: row.get(at + 3)?,
            in_use: row.get(at + 4)?,
            trained: row.get(at + 5)?,
            needed: row.get(at + 6)?,
            maintained: row.get(at + 7)?,
        },
        note: row.get(at + 8)?,
        updated_at: row.get(at + 9)?,
        updated_by: row.get(at + 10)?,
        note_lang: lang(row, at + 11)?,
    })
}

pub const CHANGE_COLUMNS: &str =
    "at, actor, assessment_id, entity, entity_id, field, old_value, new_value";

pub fn change(row: &Row<'_>) -> rusqlite::Result<Change> {
    Ok(Change {
        at: row.get(0)?,
        actor: row.get(1)?,
        assessment: row.get(2)?,
        entity: row.get(3)?,
        entity_id: row.get(4)?,
        field: row.get(5)?,
        old: row.get(6)?,
        new: row.get(7)?,
    })
}
