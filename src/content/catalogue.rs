//! The equipment catalogue file → control lines and equipment types.

use crate::domain::pack::{Catalogue, EquipmentLine, EquipmentNeed, EquipmentType};
use crate::domain::post::Applicability;

use super::diagnostics::FileDiagnostics;
use super::dto::{EquipmentFile, NameText, S, TypeDto};
use super::localize::{Versions, text};
use super::pillars::{in_range, kinds};

fn non_negative(value: &Option<S<f64>>, what: &str, diags: &mut FileDiagnostics<'_>) -> f64 {
    match value {
        None => 0.0,
        Some(v) if v.get_ref().is_finite() && *v.get_ref() >= 0.0 => *v.get_ref(),
        Some(v) => {
            diags.error(
                v.span(),
                format!("{what} must be a number of 0 or more, not {}", v.get_ref()),
            );
            0.0
        }
    }
}

/// A threshold: a whole number of 0 or more; absent is 0 (no threshold).
fn count(value: &Option<S<i64>>, what: &str, diags: &mut FileDiagnostics<'_>) -> u32 {
    match value {
        None => 0,
        Some(v) => u32::try_from(*v.get_ref()).unwrap_or_else(|_| {
            diags.error(
                v.span(),
                format!(
                    "{what} must be a whole number of 0 or more, not {}",
                    v.get_ref()
                ),
            );
            0
        }),
    }
}

fn equipment_type(
    dto: &TypeDto,
    lines: &[EquipmentLine],
    diags: &mut FileDiagnostics<'_>,
) -> Option<EquipmentType> {
    let id = dto.id.get_ref();
    if !lines.iter().any(|l| &l.id == dto.line.get_ref()) {
        diags.error(
            dto.line.span(),
            format!(
                "equipment type {id}: control line '{}' is not declared in [[lines]]",
                dto.line.get_ref()
            ),
        );
    }
    let criticality = in_range(
        &dto.criticality,
        1..=3,
        &format!("equipment type {id}: criticality"),
        diags,
    );
    let kinds = kinds(&dto.kinds, diags);
    let what = |f: &str| format!("equipment type {id}: {f}");
    let need = EquipmentNeed {
        per_post: non_negative(&dto.per_post, &what("per_post"), diags),
        per_booth: non_negative(&dto.per_booth, &what("per_booth"), diags),
        per_lane: non_negative(&dto.per_lane, &what("per_lane"), diags),
        per_cargo_lane: non_negative(&dto.per_cargo_lane, &what("per_cargo_lane"), diags),
        operators_per_unit: non_negative(
            &dto.operators_per_unit,
            &what("operators_per_unit"),
            diags,
        ),
        min_lanes: count(&dto.min_lanes, &what("min_lanes"), diags),
        min_cargo_lanes: count(&dto.min_cargo_lanes, &what("min_cargo_lanes"), diags),
        min_booths: count(&dto.min_booths, &what("min_booths"), diags),
    };
    let blocks = [dto.en.as_ref(), dto.es.as_ref(), dto.pt.as_ref()];
    let name = Versions::of(blocks, |b: &NameText| text(&b.name)).require(
        diags,
        dto.id.span(),
        &what("name"),
    );
    let description = Versions::of(blocks, |b: &NameText| text(&b.description)).require(
        diags,
        dto.id.span(),
        &what("description"),
    );
    Some(EquipmentType {
        id: id.clone(),
        line: dto.line.get_ref().clone(),
        criticality: criticality?,
        applicability: Applicability {
            kinds,
            cargo_only: dto.cargo_only,
            shared_control_only: dto.shared_control_only,
        },
        need,
        name: name?,
        description: description?,
    })
}

pub fn catalogue(file: &EquipmentFile, diags: &mut FileDiagnostics<'_>) -> Catalogue {
    let lines: Vec<EquipmentLine> = file
        .lines
        .iter()
        .filter_map(|l| {
            let blocks = [l.en.as_ref(), l.es.as_ref(), l.pt.as_ref()];
            let name = Versions::of(blocks, |b: &NameText| text(&b.name)).require(
                diags,
                l.id.span(),
                &format!("control line {}", l.id.get_ref()),
            )?;
            Some(EquipmentLine {
                id: l.id.get_ref().clone(),
                name,
            })
        })
        .collect();
    let types = file
        .types
        .iter()
        .filter_map(|t| equipment_type(t, &lines, diags))
        .collect();
    if file.types.is_empty() {
        diags.error(0..0, "the equipment catalogue has no [[types]]");
    }
    Catalogue { lines, types }
}
