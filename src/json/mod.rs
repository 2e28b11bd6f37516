//! JSON shapes shared by the commands' `--json` output, the export and the
//! report's attached data.

pub mod evidence;
pub mod export;
pub mod plan;

use serde_json::{Value, json};

use crate::domain::assessment::{Assessment, Change, Response};
use crate::domain::post::Post;
use crate::domain::scoring::AssessmentScore;

pub fn post(p: &Post) -> Value {
    json!({
        "code": p.code.as_str(),
        "name": p.name,
        "country": p.country.as_str(),
        "neighbour": p.neighbour.as_str(),
        "kind": p.kind.code(),
        "cargo": p.cargo,
        "model": p.model.code(),
        "lanes": p.profile.lanes,
        "cargo_lanes": p.profile.cargo_lanes,
        "booths": p.profile.booths,
        "shifts": p.profile.shifts,
        "agencies": p.agencies,
    })
}

pub fn assessment(a: &Assessment) -> Value {
    json!({
        "id": a.id.as_str(),
        "post": a.post,
        "kind": a.kind.code(),
        "status": a.status.code(),
        "evaluators": a.evaluators,
        "target_level": a.target_level,
        "targets": a.targets,
        "pack": { "id": a.pack_id, "version": a.pack_version, "hash": a.pack_hash },
        "created_at": a.created_at,
        "created_by": a.created_by,
        "updated_at": a.updated_at,
        "submitted_at": a.submitted_at,
        "finalised_at": a.finalised_at,
        "depth": a.depth.code(),
        "method": {
            "visit_from": a.method.visit_from,
            "visit_to": a.method.visit_to,
            "interviewed": a.method.interviewed,
            "sites_seen": a.method.sites_seen,
            "traffic": a.method.traffic,
        },
    })
}

pub fn response(r: &Response) -> Value {
    match r {
        Response::Open => json!({ "response": "open", "level": null, "na_reason": null }),
        Response::Level(l) => json!({ "response": "level", "level": l, "na_reason": null }),
        Response::NotApplicable { reason } => {
            json!({ "response": "na", "level": null, "na_reason": reason })
        }
    }
}

/// The shape `frontera score --json` prints and the export embeds.
pub fn score(id: &str, s: &AssessmentScore) -> Value {
    json!({
        "assessment": id,
        "overall": {
            "score": s.overall_score,
            "level": s.overall_level,
            "capped_by_serious_deficiency": s.overall_capped,
        },
        "serious_deficiency": s.serious_deficiency.iter().map(|g| json!({
            "item": g.item, "pillar": g.pillar, "level": g.level,
        })).collect::<Vec<_>>(),
        "pillars": s.pillars.iter().map(|p| json!({
            "pillar": p.pillar,
            "score": p.score,
            "checklist_score": p.checklist.score,
            "level": p.level,
            "completeness": p.completeness,
            "provisional": p.provisional,
            "gated": p.gated,
            "gate": p.checklist.gate,
            "applicable": p.checklist.applicable,
            "answered": p.checklist.answered,
            "not_applicable": p.checklist.not_applicable,
            "open": p.checklist.open(),
        })).collect::<Vec<_>>(),
        "equipment": {
            "eui": s.equipment.eui,
            "types": s.equipment.types.iter().map(|t| json!({
                "type": t.type_id,
                "criticality": t.criticality,
                "required": t.counts.required,
                "needed": t.counts.needed,
                "coverage": t.coverage,
                "availability": t.availability,
                "use": t.use_,
                "readiness": t.readiness,
                "maintenance": t.maintenance,
                "index": t.index,
                "flags": t.flags.iter().map(|f| f.code()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        },
    })
}

pub fn change(c: &Change) -> Value {
    json!({
        "at": c.at,
        "actor": c.actor,
        "entity": c.entity,
        "entity_id": c.entity_id,
        "field": c.field,
        "old": c.old,
        "new": c.new,
    })
}
