//! `scoring.toml` and `pack.toml` → scoring parameters and the pack's identity.

use crate::domain::pack::{EquipmentWeights, LevelLabel, ScoringParams};

use super::diagnostics::FileDiagnostics;
use super::dto::{LevelText, PillarWeightsDto, S, ScoringFile, TargetLevelsDto};
use super::localize::{Versions, text};
use super::pillars::in_range;

fn share(value: &S<f64>, what: &str, diags: &mut FileDiagnostics<'_>) -> f64 {
    let v = *value.get_ref();
    if !(0.0..=1.0).contains(&v) {
        diags.error(value.span(), format!("{what} {v} is out of range (0 to 1)"));
    }
    v
}

fn weight(value: &S<f64>, what: &str, diags: &mut FileDiagnostics<'_>) -> f64 {
    let v = *value.get_ref();
    if !(v.is_finite() && v >= 0.0) {
        diags.error(value.span(), format!("{what} must be 0 or more, not {v}"));
    }
    v
}

/// `[pillar_weights]`: positive numbers, 1.0 for any pillar not given.
fn pillar_weights(dto: Option<&PillarWeightsDto>, diags: &mut FileDiagnostics<'_>) -> [f64; 4] {
    let Some(dto) = dto else {
        return [1.0; 4];
    };
    let given = [&dto.p1, &dto.p2, &dto.p3, &dto.p4];
    let mut weights = [1.0; 4];
    for (n, (value, slot)) in given.into_iter().zip(weights.iter_mut()).enumerate() {
        if let Some(v) = value {
            let w = *v.get_ref();
            if w.is_finite() && w > 0.0 {
                *slot = w;
            } else {
                diags.error(
                    v.span(),
                    format!(
                        "pillar_weights.p{} must be a number greater than 0, not {w}",
                        n + 1
                    ),
                );
            }
        }
    }
    weights
}

/// `[target_levels]`: levels 0–4, `default` (the pack's `target_level`) for
/// any pillar not given.
fn target_levels(
    dto: Option<&TargetLevelsDto>,
    default: u8,
    diags: &mut FileDiagnostics<'_>,
) -> [u8; 4] {
    let mut targets = [default; 4];
    let Some(dto) = dto else {
        return targets;
    };
    let given = [&dto.p1, &dto.p2, &dto.p3, &dto.p4];
    for (n, (value, slot)) in given.into_iter().zip(targets.iter_mut()).enumerate() {
        if let Some(v) = value
            && let Some(level) = in_range(v, 0..=4, &format!("target_levels.p{}", n + 1), diags)
        {
            *slot = level;
        }
    }
    targets
}

pub fn scoring(file: &ScoringFile, diags: &mut FileDiagnostics<'_>) -> Option<ScoringParams> {
    let w = &file.equipment_weights;
    let equipment_weights = EquipmentWeights {
        coverage: weight(&w.coverage, "equipment_weights.coverage", diags),
        availability: weight(&w.availability, "equipment_weights.availability", diags),
        use_: weight(&w.use_, "equipment_weights.use", diags),
        readiness: weight(&w.readiness, "equipment_weights.readiness", diags),
        maintenance: weight(&w.maintenance, "equipment_weights.maintenance", diags),
    };
    let total = equipment_weights.coverage
        + equipment_weights.availability
        + equipment_weights.use_
        + equipment_weights.readiness
        + equipment_weights.maintenance;
    if total <= 0.0 {
        diags.error(w.coverage.span(), "equipment_weights must not all be 0");
    }
    let mut levels: Vec<Option<LevelLabel>> = vec![None; 5];
    for dto in &file.levels {
        let Some(level) = in_range(&dto.level, 0..=4, "level", diags) else {
            continue;
        };
        let blocks = [dto.en.as_ref(), dto.es.as_ref(), dto.pt.as_ref()];
        let what = format!("level {level}");
        let name = Versions::of(blocks, |b: &LevelText| text(&b.name)).require(
            diags,
            dto.level.span(),
            &what,
        );
        let meaning = Versions::of(blocks, |b: &LevelText| text(&b.meaning)).require(
            diags,
            dto.level.span(),
            &what,
        );
        if levels[usize::from(level)].is_some() {
            diags.error(dto.level.span(), format!("level {level} is given twice"));
        }
        if let (Some(name), Some(meaning)) = (name, meaning) {
            levels[usize::from(level)] = Some(LevelLabel { name, meaning });
        }
    }
    if levels.iter().any(Option::is_none) {
        diags.error(
            0..0,
            "scoring.toml must give [[levels]] 0, 1, 2, 3 and 4, each once",
        );
    }
    let uncatalogued = *file.uncatalogued_criticality.get_ref();
    if !(uncatalogued.is_finite() && uncatalogued >= 0.0) {
        diags.error(
            file.uncatalogued_criticality.span(),
            "uncatalogued_criticality must be 0 or more",
        );
    }
    // `Some(None)` when the value is out of range (an error is recorded).
    let serious = file
        .serious_deficiency_at_or_below
        .as_ref()
        .map(|v| in_range(v, 0..=3, "serious_deficiency_at_or_below", diags));
    let pillar_weights = pillar_weights(file.pillar_weights.as_ref(), diags);
    let target_level = in_range(&file.target_level, 0..=4, "target_level", diags)?;
    let target_levels = target_levels(file.target_levels.as_ref(), target_level, diags);
    let params = ScoringParams {
        provisional_below: share(&file.provisional_below, "provisional_below", diags),
        pillar4_equipment_share: share(
            &file.pillar4_equipment_share,
            "pillar4_equipment_share",
            diags,
        ),
        idle_below: share(&file.idle_below, "idle_below", diags),
        target_level,
        target_levels,
        uncatalogued_criticality: uncatalogued,
        equipment_weights,
        serious_deficiency_at_or_below: match serious {
            None => None,
            Some(level) => Some(level?),
        },
        equipment_in_completeness: file.equipment_in_completeness,
        readiness_needs_units: file.readiness_needs_units,
        pillar_weights,
        levels: levels.into_iter().collect::<Option<Vec<_>>>()?,
    };
    Some(params)
}
