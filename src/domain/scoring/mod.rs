//! Maturity scoring of a whole assessment, exactly as the product brief defines it:
//! pillar scores, critical gates, levels, the equipment blend into pillar 4 and the
//! overall score. Pure: the same inputs always give the same numbers.

pub mod checklist;
pub mod equipment;

use std::collections::HashMap;

pub use checklist::{ChecklistScore, ScoredItem, level_of, score_checklist};
pub use equipment::{EquipmentScore, Flag, TypeScore, score_equipment};

use super::assessment::{Answer, Depth, EquipmentRecord, Response};
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

/// A critical item answered at or below the serious-deficiency level
/// (Schengen practice: it caps the overall level and is named on the title
/// page of the report).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriousGap {
    pub item: String,
    pub pillar: u8,
    pub level: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentScore {
    pub pillars: Vec<PillarScore>,
    pub equipment: EquipmentScore,
    pub overall_score: Option<f64>,
    pub overall_level: Option<u8>,
    /// Critical items at or below the pack's serious-deficiency level (none
    /// when the pack sets no such level), lowest first.
    pub serious_deficiency: Vec<SeriousGap>,
    /// The serious deficiency, not the score, set the overall level.
    pub overall_capped: bool,
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

/// Scores an assessment of `post` made with `pack`, asking every item.
pub fn score_assessment(
    pack: &Pack,
    post: &Post,
    answers: &[Answer],
    equipment: &[EquipmentRecord],
) -> AssessmentScore {
    score_assessment_at(pack, post, Depth::Full, answers, equipment)
}

/// Equipment types of the catalogue that apply to `post`, and how many of
/// them the audit recorded (a row with a present count).
fn audit_coverage(pack: &Pack, post: &Post, equipment: &[EquipmentRecord]) -> (usize, usize) {
    let applicable: Vec<&str> = pack
        .catalogue
        .types
        .iter()
        .filter(|t| t.applicability.applies_to(post))
        .map(|t| t.id.as_str())
        .collect();
    let audited = equipment
        .iter()
        .filter(|r| r.counts.present.is_some() && applicable.contains(&r.type_id.as_str()))
        .count();
    (audited, applicable.len())
}

/// Scores an assessment of `post` made with `pack` at `depth`. Only items that
/// apply to the post (and are asked at that depth) count; answers to other
/// items (left from a changed profile) are ignored.
pub fn score_assessment_at(
    pack: &Pack,
    post: &Post,
    depth: Depth,
    answers: &[Answer],
    equipment: &[EquipmentRecord],
) -> AssessmentScore {
    let by_item: HashMap<&str, &Response> = answers
        .iter()
        .map(|a| (a.item.as_str(), &a.response))
        .collect();
    let open = Response::Open;
    let params = &pack.scoring;
    let equipment_score = score_equipment(equipment, &pack.catalogue, params, &post.profile);
    let mut gaps: Vec<SeriousGap> = Vec::new();
    let pillars: Vec<PillarScore> = pack
        .pillars
        .iter()
        .map(|pillar| {
            let asked: Vec<_> = pillar
                .items
                .iter()
                .filter(|i| i.applicability.applies_to(post) && depth.asks(i))
                .collect();
            let items: Vec<ScoredItem<'_>> = asked
                .iter()
                .map(|i| ScoredItem {
                    weight: i.weight,
                    critical: i.critical,
                    response: by_item.get(i.id.as_str()).copied().unwrap_or(&open),
                })
                .collect();
            if let Some(limit) = params.serious_deficiency_at_or_below {
                for (item, scored) in asked.iter().zip(&items) {
                    if let (true, Some(level)) = (item.critical, scored.response.level())
                        && level <= limit
                    {
                        gaps.push(SeriousGap {
                            item: item.id.clone(),
                            pillar: pillar.number,
                            level,
                        });
                    }
                }
            }
            let checklist = score_checklist(&items);
            let score = if pillar.number == EQUIPMENT_PILLAR {
                blend_pillar4(
                    checklist.score,
                    equipment_score.eui,
                    params.pillar4_equipment_share,
                )
            } else {
                checklist.score
            };
            let mut scored = pillar_score(pillar.number, checklist, score, params);
            if pillar.number == EQUIPMENT_PILLAR && params.equipment_in_completeness {
                // The audit is half of pillar 4's evidence: its completeness
                // counts the applicable equipment types recorded too.
                let (audited, types) = audit_coverage(pack, post, equipment);
                let c = &scored.checklist;
                let total = c.applicable + types;
                scored.completeness = (total > 0)
                    .then(|| (c.answered + c.not_applicable + audited) as f64 / total as f64);
                scored.provisional = scored
                    .completeness
                    .is_some_and(|x| x < params.provisional_below);
            }
            scored
        })
        .collect();
    // Overall: the mean of the pillar scores that exist, weighted as the pack
    // says (equally unless it says otherwise).
    let (sum, weights) = pillars
        .iter()
        .filter_map(|p| {
            let w = params
                .pillar_weights
                .get(usize::from(p.pillar).saturating_sub(1))
                .copied()
                .unwrap_or(1.0);
            p.score.map(|s| (s * w, w))
        })
        .fold((0.0, 0.0), |(s, t), (v, w)| (s + v, t + w));
    let overall_score = (weights > 0.0).then(|| sum / weights);
    gaps.sort_by_key(|g| (g.level, g.pillar));
    let by_score = overall_score.map(level_of);
    let cap = gaps.iter().map(|g| g.level + 1).min();
    let overall_level = match (by_score, cap) {
        (Some(l), Some(c)) => Some(l.min(c)),
        (l, _) => l,
    };
    AssessmentScore {
        overall_capped: matches!((by_score, cap), (Some(l), Some(c)) if c < l),
        overall_level,
        overall_score,
        pillars,
        equipment: equipment_score,
        serious_deficiency: gaps,
    }
}

#[cfg(test)]
mod rules_v2_tests;
#[cfg(test)]
mod tests;
