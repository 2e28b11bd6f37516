//! The export document of one assessment: everything about it, described
//! well enough that a spreadsheet or BI tool needs nothing else. Written by
//! `frontera export` and attached to the assessment's PDF report.

use serde_json::{Value, json};

use super as j;
use crate::bundle::Bundle;
use crate::domain::lang::Lang;
use crate::domain::pack::Pack;
use crate::domain::scoring::equipment::effective_counts;

/// The JSON Schema of the export document (format version 1).
pub const SCHEMA: &str = include_str!("../../assets/schema/assessment-export.schema.json");

fn scoring_parameters(pack: &Pack) -> Value {
    let s = &pack.scoring;
    let mut formulas = json!({
        "pillar_score": "sum(weight * level) / sum(weight) over answered applicable items",
        "completeness": "(answered + na) / applicable",
        "gate": "lowest answered critical level + 1",
        "pillar_level": "min(floor(score + 1e-9), gate)",
        "pillar4_score": "(1 - pillar4_equipment_share) * checklist + pillar4_equipment_share * 4 * eui",
        "overall_score": "mean of existing pillar scores",
    });
    // Rules that a pack may switch on (2.0.0 does): described only when in force.
    if s.pillar_weights.iter().any(|w| (*w - 1.0).abs() > 1e-12) {
        formulas["overall_score"] = json!(
            "sum(pillar_weight * pillar score) / sum(pillar_weight) over existing pillar scores"
        );
    }
    if let Some(limit) = s.serious_deficiency_at_or_below {
        formulas["overall_level"] = json!(format!(
            "min(floor(overall score + 1e-9), lowest critical level + 1) when a critical item is at level {limit} or below (serious deficiency)"
        ));
    }
    if s.equipment_in_completeness {
        formulas["pillar4_completeness"] = json!(
            "(answered + na + audited applicable equipment types) / (applicable + applicable equipment types)"
        );
    }
    if s.readiness_needs_units {
        formulas["equipment_readiness"] = json!(
            "left out of a type's index when none of it is present (the index is then over the other four parts)"
        );
    }
    let mut value = json!({
        "provisional_below": s.provisional_below,
        "pillar4_equipment_share": s.pillar4_equipment_share,
        "idle_below": s.idle_below,
        "target_level": s.target_level,
        "target_levels": s.target_levels,
        "uncatalogued_criticality": s.uncatalogued_criticality,
        "equipment_weights": {
            "coverage": s.equipment_weights.coverage,
            "availability": s.equipment_weights.availability,
            "use": s.equipment_weights.use_,
            "readiness": s.equipment_weights.readiness,
            "maintenance": s.equipment_weights.maintenance,
        },
        "levels": s.levels.iter().enumerate().map(|(i, l)| json!({
            "level": i, "name": l.name.get(Lang::En), "meaning": l.meaning.get(Lang::En),
        })).collect::<Vec<_>>(),
        "formulas": formulas,
        "pillar_weights": s.pillar_weights,
        "equipment_in_completeness": s.equipment_in_completeness,
        "readiness_needs_units": s.readiness_needs_units,
    });
    if let Some(limit) = s.serious_deficiency_at_or_below {
        value["serious_deficiency_at_or_below"] = json!(limit);
    }
    value
}

/// The export document of one assessment.
/// `today` (YYYY-MM-DD) decides which actions are overdue.
pub fn document(
    bundle: &Bundle,
    store_log: &[crate::domain::assessment::Change],
    plan: &crate::action_plan::PlanRecords,
    evidence: &[crate::domain::evidence::Evidence],
    lang: Lang,
    today: &str,
) -> Value {
    let score = bundle.score();
    let targets = crate::action_plan::targets(bundle, &score, &plan.actions);
    let items: Vec<Value> = bundle
        .applicable_items()
        .map(|item| {
            let answer = bundle.answer(&item.id);
            let mut value = json!({
                "id": item.id,
                "pillar": item.pillar,
                "section": item.section,
                "section_title": bundle.pack.section_title(&item.section).map(|t| t.get(lang).clone()),
                "question": item.text.get(lang).question,
                "weight": item.weight,
                "critical": item.critical,
                "cooperation": item.cooperation.code(),
                "field": item.field.code(),
                "note": answer.map_or("", |a| a.note.as_str()),
                "updated_at": answer.map(|a| a.updated_at.clone()),
                "updated_by": answer.map(|a| a.updated_by.clone()),
                "copied_from": answer.and_then(|a| a.copied_from.as_ref().map(|c| c.to_string())),
                "carried_over": carried_over(bundle, &item.id),
            });
            let response = j::response(&bundle.response(&item.id));
            if let (Some(target), Some(source)) = (value.as_object_mut(), response.as_object()) {
                target.extend(source.clone());
            }
            value
        })
        .collect();
    let equipment: Vec<Value> = bundle
        .equipment
        .iter()
        .map(|row| {
            let kind = bundle.pack.catalogue.get(&row.type_id);
            let counts = effective_counts(&row.counts, &bundle.pack.catalogue, &row.type_id, &bundle.post.profile);
            json!({
                "type": row.type_id,
                "name": kind.map_or_else(|| row.uncatalogued_name().unwrap_or(&row.type_id).to_string(), |k| k.name.get(lang).clone()),
                "line": kind.map(|k| k.line.clone()),
                "catalogued": kind.is_some(),
                "criticality": kind.map_or(bundle.pack.scoring.uncatalogued_criticality, |k| f64::from(k.criticality)),
                "required": counts.required,
                "required_is_default": row.counts.required.is_none(),
                "present": counts.present,
                "functional": counts.functional,
                "in_use": counts.in_use,
                "trained": counts.trained,
                "needed": counts.needed,
                "needed_is_default": row.counts.needed.is_none(),
                "maintained": counts.maintained,
                "note": row.note,
                "updated_at": row.updated_at,
                "updated_by": row.updated_by,
            })
        })
        .collect();
    json!({
        "format": "frontera-assessment",
        "format_version": 1,
        "language": lang.code(),
        "assessment": j::assessment(&bundle.header),
        "depth": bundle.header.depth.code(),
        "post": j::post(&bundle.post),
        "pack": {
            "id": bundle.pack.meta.id,
            "version": bundle.pack.meta.version,
            "hash": bundle.pack.meta.hash,
            "title": bundle.pack.meta.title.get(lang),
        },
        "scoring_parameters": scoring_parameters(&bundle.pack),
        "items": items,
        "equipment": equipment,
        "scores": j::score(bundle.header.id.as_str(), &score),
        "plan": super::plan::plan(plan, &targets, today),
        "evidence": super::evidence::manifest(evidence),
        "change_log": store_log.iter().map(j::change).collect::<Vec<_>>(),
    })
}

/// An item's carry-over: `null`, or where its proposal stands — `pending`
/// (with the proposed answer, which is not the item's answer yet) or
/// `confirmed` (the answer was taken unchanged).
fn carried_over(bundle: &Bundle, item: &str) -> Value {
    let from = bundle.carry.from.as_ref().map(ToString::to_string);
    if let Some(pending) = bundle.carry.pending_for(item) {
        let mut value = json!({ "state": "pending", "from": from, "note": pending.note });
        if let (Some(target), Some(source)) = (
            value.as_object_mut(),
            j::response(&pending.response).as_object(),
        ) {
            target.extend(source.clone());
        }
        value
    } else if bundle.carry.is_confirmed(item) {
        json!({ "state": "confirmed", "from": from })
    } else {
        Value::Null
    }
}
