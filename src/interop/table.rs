//! The tables of one assessment (summary, items, equipment, plan, change log)
//! taken from its export document, so that every number is the one
//! `frontera score --json` and `frontera export --format json` give.

use serde_json::Value;

use super::headers::{Header, header};
use crate::domain::lang::Lang;

/// One spreadsheet cell: numbers stay numbers for the reader's formulas.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
}

impl Cell {
    /// A JSON value as a cell: null is empty, arrays are joined with ", ".
    pub fn from_json(value: &Value) -> Cell {
        match value {
            Value::Null => Cell::Empty,
            Value::Bool(b) => Cell::Bool(*b),
            Value::Number(n) => n.as_f64().map_or(Cell::Empty, Cell::Number),
            Value::String(s) => Cell::Text(s.clone()),
            Value::Array(a) => Cell::Text(
                a.iter()
                    .map(|v| match v {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            Value::Object(_) => Cell::Text(value.to_string()),
        }
    }
}

/// A named sheet: localised headers and rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Sheet name, the same in every language (tools look sheets up by name).
    pub name: &'static str,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

fn table(name: &'static str, lang: Lang, columns: &[Header]) -> Table {
    Table {
        name,
        headers: columns
            .iter()
            .map(|h| header(*h, lang).to_string())
            .collect(),
        rows: Vec::new(),
    }
}

fn cells(value: &Value, keys: &[&str]) -> Vec<Cell> {
    keys.iter().map(|k| Cell::from_json(&value[*k])).collect()
}

/// Scores per pillar, then the overall score and the equipment index.
pub fn summary(doc: &Value, lang: Lang) -> Table {
    use Header::*;
    let mut t = table(
        "summary",
        lang,
        &[
            Pillar,
            Score,
            ChecklistScore,
            Level,
            Completeness,
            Provisional,
            Gated,
            Applicable,
            Answered,
            NotApplicable,
            Open,
        ],
    );
    let scores = &doc["scores"];
    for p in scores["pillars"].as_array().into_iter().flatten() {
        t.rows.push(cells(
            p,
            &[
                "pillar",
                "score",
                "checklist_score",
                "level",
                "completeness",
                "provisional",
                "gated",
                "applicable",
                "answered",
                "not_applicable",
                "open",
            ],
        ));
    }
    let label = |h| Cell::Text(header(h, lang).to_string());
    let overall = &scores["overall"];
    let mut row = vec![label(Overall), Cell::from_json(&overall["score"])];
    row.push(Cell::Empty);
    row.push(Cell::from_json(&overall["level"]));
    t.rows.push(row);
    t.rows.push(vec![
        label(Eui),
        Cell::from_json(&scores["equipment"]["eui"]),
    ]);
    t
}

/// Every applicable item with its answer.
pub fn items(doc: &Value, lang: Lang) -> Table {
    use Header::*;
    let mut t = table(
        "items",
        lang,
        &[
            Pillar,
            Section,
            SectionTitle,
            Item,
            Question,
            Weight,
            Critical,
            Response,
            Level,
            NaReason,
            Note,
            UpdatedBy,
            UpdatedAt,
        ],
    );
    for item in doc["items"].as_array().into_iter().flatten() {
        t.rows.push(cells(
            item,
            &[
                "pillar",
                "section",
                "section_title",
                "id",
                "question",
                "weight",
                "critical",
                "response",
                "level",
                "na_reason",
                "note",
                "updated_by",
                "updated_at",
            ],
        ));
    }
    t
}

/// The equipment audit: counts, then the indices and flags the scoring gives.
pub fn equipment(doc: &Value, lang: Lang) -> Table {
    use Header::*;
    let mut t = table(
        "equipment",
        lang,
        &[
            EquipmentType,
            Name,
            Line,
            Criticality,
            Required,
            Present,
            Functional,
            InUse,
            Trained,
            Needed,
            Maintained,
            Coverage,
            Availability,
            Use,
            Readiness,
            Maintenance,
            Index,
            Flags,
            Note,
        ],
    );
    let scored = doc["scores"]["equipment"]["types"].as_array();
    for row in doc["equipment"].as_array().into_iter().flatten() {
        let mut r = cells(
            row,
            &[
                "type",
                "name",
                "line",
                "criticality",
                "required",
                "present",
                "functional",
                "in_use",
                "trained",
                "needed",
                "maintained",
            ],
        );
        let index = scored
            .into_iter()
            .flatten()
            .find(|s| s["type"] == row["type"])
            .cloned()
            .unwrap_or(Value::Null);
        r.extend(cells(
            &index,
            &[
                "coverage",
                "availability",
                "use",
                "readiness",
                "maintenance",
                "index",
                "flags",
            ],
        ));
        r.push(Cell::from_json(&row["note"]));
        t.rows.push(r);
    }
    t
}

/// The action plan, one row per action.
pub fn plan(doc: &Value, lang: Lang) -> Table {
    use Header::*;
    let mut t = table(
        "plan",
        lang,
        &[
            Number,
            Title,
            Text,
            Priority,
            Agency,
            Due,
            Status,
            Cites,
            NeededForTarget,
            Overdue,
        ],
    );
    for a in doc["plan"]["actions"].as_array().into_iter().flatten() {
        let mut r = cells(
            a,
            &[
                "number", "title", "text", "priority", "agency", "due", "status",
            ],
        );
        let cites: Vec<Value> = a["cites"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| c["id"].clone())
            .collect();
        r.push(Cell::from_json(&Value::Array(cites)));
        r.extend(cells(a, &["needed_for_target", "overdue"]));
        t.rows.push(r);
    }
    t
}

/// The change log, oldest first as stored.
pub fn change_log(doc: &Value, lang: Lang) -> Table {
    use Header::*;
    let mut t = table("log", lang, &[At, Actor, Entity, EntityId, Field, Old, New]);
    for c in doc["change_log"].as_array().into_iter().flatten() {
        t.rows.push(cells(
            c,
            &["at", "actor", "entity", "entity_id", "field", "old", "new"],
        ));
    }
    t
}

/// All five, in workbook order.
pub fn all(doc: &Value, lang: Lang) -> Vec<Table> {
    vec![
        summary(doc, lang),
        items(doc, lang),
        equipment(doc, lang),
        plan(doc, lang),
        change_log(doc, lang),
    ]
}
