//! Maturity scoring of a whole assessment, exactly as the product brief defines it:
//! pillar scores, critical gates, levels, the equipment blend into pillar 4 and the
//! overall score. Pure: the same inputs always give the same numbers.

pub mod checklist;
pub mod equipment;

use std::collections::HashMap;

pub use checklist::{ChecklistScore, ScoredItem, level_of, score_checklist};
pub use equipment::{EquipmentScore, Flag, TypeScore, score_equipment};

use super::assessment::{Answer, EquipmentRecord, Response};
use super::pack::{EQUIPMENT_PILLAR, Pack, ScoringParams};
use super::post::Post;

/// One pillar's result.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarScore {
    pub pillar: u8,
    pub checklist: ChecklistScore,
    /// The checklist score, or for pillar 4 the blend with the equipment index.
    pub score: Option<f64>,
    pub level: Option<u8>,
    pub completeness: Option<f64>,
    pub provisional: bool,
    /// The critical gate, not the score, set the level.
    pub gated: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentScore {
    pub pillars: Vec<PillarScore>,
    pub equipment: EquipmentScore,
    pub overall_score: Option<f64>,
    pub overall_level: Option<u8>,
}

impl AssessmentScore {
    pub fn pillar(&self, number: u8) -> Option<&PillarScore> {
        self.pillars.iter().find(|p| p.pillar == number)
    }

    /// (answered + N/A) ÷ applicable over the whole checklist; `None` when
    /// nothing applies.
    pub fn completeness(&self) -> Option<f64> {
        let (done, applicable) = self.pillars.iter().fold((0, 0), |(d, a), p| {
            (
                d + p.checklist.answered + p.checklist.not_applicable,
                a + p.checklist.applicable,
            )
        });
        (applicable > 0).then(|| done as f64 / applicable as f64)
    }

    /// Whether finalising needs a reason: the checklist is less complete than
    /// the threshold under which pillars are provisional. An empty assessment
    /// must not enter comparisons and the programme report unexplained.
    pub fn finalising_needs_reason(&self, params: &ScoringParams) -> bool {
        self.completeness()
            .is_none_or(|c| c < params.provisional_below)
    }
}

/// Pillar 4's score: (1 − α) × checklist + α × 4 × EUI, or whichever exists.
pub fn blend_pillar4(checklist: Option<f64>, eui: Option<f64>, alpha: f64) -> Option<f64> {
    match (checklist, eui) {
        (Some(c), Some(e)) => Some((1.0 - alpha) * c + alpha * 4.0 * e),
        (Some(c), None) => Some(c),
        (None, Some(e)) => Some(4.0 * e),
        (None, None) => None,
    }
}

/// Levels a pillar from its (blended) score and checklist gate.
pub fn pillar_score(
    pillar: u8,
    checklist: ChecklistScore,
    score: Option<f64>,
    params: &ScoringParams,
) -> PillarScore {
    let completeness = checklist.completeness();
    let by_score = score.map(level_of);
    let level = match (by_score, checklist.gate) {
        (Some(l), Some(g)) => Some(l.min(g)),
        (l, _) => l,
    };
    let gated = matches!((by_score, checklist.gate), (Some(l), Some(g)) if g < l);
    PillarScore {
        pillar,
        provisional: completeness.is_some_and(|c| c < params.provisional_below),
        checklist,
        score,
        level,
        completeness,
        gated,
    }
}

/// Scores an assessment of `post` made with `pack`. Only items that apply to the
/// post count; answers to other items (left from a changed profile) are ignored.
pub fn score_assessment(
    pack: &Pack,
    post: &Post,
    answers: &[Answer],
    equipment: &[EquipmentRecord],
) -> AssessmentScore {
    let by_item: HashMap<&str, &Response> = answers
        .iter()
        .map(|a| (a.item.as_str(), &a.response))
        .collect();
    let open = Response::Open;
    let equipment = score_equipment(equipment, &pack.catalogue, &pack.scoring, &post.profile);
    let pillars: Vec<PillarScore> = pack
        .pillars
        .iter()
        .map(|pillar| {
            let items: Vec<ScoredItem<'_>> = pillar
                .items
                .iter()
                .filter(|i| i.applicability.applies_to(post))
                .map(|i| ScoredItem {
                    weight: i.weight,
                    critical: i.critical,
                    response: by_item.get(i.id.as_str()).copied().unwrap_or(&open),
                })
                .collect();
            let checklist = score_checklist(&items);
            let score = if pillar.number == EQUIPMENT_PILLAR {
                blend_pillar4(
                    checklist.score,
                    equipment.eui,
                    pack.scoring.pillar4_equipment_share,
                )
            } else {
                checklist.score
            };
            pillar_score(pillar.number, checklist, score, &pack.scoring)
        })
        .collect();
    let scores: Vec<f64> = pillars.iter().filter_map(|p| p.score).collect();
    let overall_score =
        (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
    AssessmentScore {
        overall_level: overall_score.map(level_of),
        overall_score,
        pillars,
        equipment,
    }
}

#[cfg(test)]
mod tests;
