//! Merge units: the groups of columns that one change-log field stands for
//! (an answer's response is its level, N/A reason and carry-over state
//! together), so the merge can tell which field each side changed.

/// One mergeable field of a row of a `Fields` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    pub table: &'static str,
    /// The key column besides `assessment_id`.
    pub key: &'static str,
    /// The change-log entity of the table's rows.
    pub entity: &'static str,
    /// The unit's name (the change-log field that stands for it).
    pub name: &'static str,
    pub columns: &'static [&'static str],
    /// The change-log fields that change it.
    pub fields: &'static [&'static str],
}

const fn count(
    name: &'static str,
    columns: &'static [&'static str],
    fields: &'static [&'static str],
) -> Unit {
    Unit {
        table: "equipment",
        key: "type_id",
        entity: "equipment",
        name,
        columns,
        fields,
    }
}

pub(crate) const UNITS: &[Unit] = &[
    Unit {
        table: "answers",
        key: "item_id",
        entity: "answer",
        name: "response",
        columns: &["level", "na_reason", "confirmed_from"],
        fields: &["response", "national"],
    },
    Unit {
        table: "answers",
        key: "item_id",
        entity: "answer",
        name: "note",
        columns: &["note", "note_lang"],
        fields: &["note"],
    },
    count("required", &["required"], &["required"]),
    count("present", &["present"], &["present"]),
    count("functional", &["functional"], &["functional"]),
    count("in_use", &["in_use"], &["in_use"]),
    count("trained", &["trained"], &["trained"]),
    count("needed", &["needed"], &["needed"]),
    count("maintained", &["maintained"], &["maintained"]),
    count("note", &["note", "note_lang"], &["note"]),
];

/// The unit a change-log row changes, and the row key it changes it in. A
/// conflict's resolution row (entity `conflict`, id `entity:key:unit`)
/// counts as a change of the unit it settled.
pub(crate) fn unit_of(
    entity: &str,
    entity_id: &str,
    field: &str,
) -> Option<(&'static Unit, String)> {
    if entity == "conflict" {
        // entity:key:unit, where the key itself may hold colons.
        let (e, rest) = entity_id.split_once(':')?;
        let (key, name) = rest.rsplit_once(':')?;
        return UNITS
            .iter()
            .find(|u| u.entity == e && u.name == name)
            .map(|u| (u, key.to_string()));
    }
    UNITS
        .iter()
        .find(|u| u.entity == entity && u.fields.contains(&field))
        .map(|u| (u, entity_id.to_string()))
}

/// The conflict row id naming `unit` of row `key`.
pub(crate) fn conflict_target(unit: &Unit, key: &str) -> String {
    format!("{}:{key}:{}", unit.entity, unit.name)
}

/// The unit called `name` of `entity`.
pub(crate) fn find(entity: &str, name: &str) -> Option<&'static Unit> {
    UNITS.iter().find(|u| u.entity == entity && u.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_fields_and_resolution_rows_map_to_their_unit() {
        let (u, key) = unit_of("answer", "1.2.3", "national").unwrap();
        assert_eq!((u.name, key.as_str()), ("response", "1.2.3"));
        let (u, key) = unit_of("conflict", "answer:1.2:3:note", "resolution").unwrap();
        assert_eq!(
            (u.name, u.table, key.as_str()),
            ("note", "answers", "1.2:3")
        );
        assert!(unit_of("action", "x", "title").is_none());
        let target = conflict_target(find("equipment", "present").unwrap(), "scanner");
        assert_eq!(target, "equipment:scanner:present");
    }
}
