//! Target levels per pillar, and which items must be raised for a pillar to
//! reach its target: every critical item that holds the pillar below it, then
//! the items that move the score most (weight × gap), until the pillar's level
//! would reach the target with those items at target level.

use crate::domain::assessment::{Answer, Depth, Response};
use crate::domain::pack::{EQUIPMENT_PILLAR, Pack};
use crate::domain::post::Post;
use crate::domain::scoring::{AssessmentScore, blend_pillar4, level_of};

use super::propose::target_of;

/// One pillar against its target.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarGap {
    pub pillar: u8,
    pub level: Option<u8>,
    pub target: u8,
    /// Items that must reach the target level for the pillar to reach it,
    /// in the order they help most.
    pub needed: Vec<String>,
    /// Raising every item below target would still not reach it (pillar 4:
    /// the equipment index holds it back).
    pub unreachable: bool,
}

impl PillarGap {
    /// Levels still missing: target − level (0 at or above target).
    pub fn gap(&self) -> Option<u8> {
        self.level.map(|l| self.target.saturating_sub(l))
    }
}

struct Answered {
    id: String,
    weight: u8,
    critical: bool,
    level: u8,
}

/// Every pillar of `score` against `targets`.
pub fn gaps_to_target(
    pack: &Pack,
    post: &Post,
    depth: Depth,
    answers: &[Answer],
    score: &AssessmentScore,
    targets: &[u8; 4],
) -> Vec<PillarGap> {
    pack.pillars
        .iter()
        .map(|pillar| {
            let target = target_of(targets, pillar.number);
            let level = score.pillar(pillar.number).and_then(|p| p.level);
            let mut gap = PillarGap {
                pillar: pillar.number,
                level,
                target,
                needed: Vec::new(),
                unreachable: false,
            };
            if level.is_none_or(|l| l >= target) {
                return gap;
            }
            let items: Vec<Answered> = pillar
                .items
                .iter()
                .filter(|i| i.applicability.applies_to(post) && depth.asks(i))
                .filter_map(|i| {
                    let found = answers.iter().find(|a| a.item == i.id)?;
                    match found.response {
                        Response::Level(level) => Some(Answered {
                            id: i.id.clone(),
                            weight: i.weight,
                            critical: i.critical,
                            level,
                        }),
                        _ => None,
                    }
                })
                .collect();
            let eui = (pillar.number == EQUIPMENT_PILLAR)
                .then_some(score.equipment.eui)
                .flatten();
            let alpha = pack.scoring.pillar4_equipment_share;
            let level_with = |raised: &[bool]| -> u8 {
                let (sum, weights) =
                    items
                        .iter()
                        .zip(raised)
                        .fold((0.0, 0.0), |(s, w), (item, up)| {
                            let l = if *up {
                                target.max(item.level)
                            } else {
                                item.level
                            };
                            (
                                s + f64::from(item.weight) * f64::from(l),
                                w + f64::from(item.weight),
                            )
                        });
                let checklist = (weights > 0.0).then(|| sum / weights);
                let blended = if pillar.number == EQUIPMENT_PILLAR {
                    blend_pillar4(checklist, eui, alpha)
                } else {
                    checklist
                };
                let gate = items
                    .iter()
                    .zip(raised)
                    .filter(|(i, _)| i.critical)
                    .map(|(i, up)| if *up { target.max(i.level) } else { i.level } + 1)
                    .min();
                let by_score = blended.map_or(0, level_of);
                gate.map_or(by_score, |g| by_score.min(g))
            };
            let mut raised: Vec<bool> = items
                .iter()
                .map(|i| i.critical && i.level + 1 < target)
                .collect();
            // The rest, most help first; a stable sort keeps pack order.
            let mut order: Vec<usize> = (0..items.len())
                .filter(|&n| !raised[n] && items[n].level < target)
                .collect();
            order.sort_by_key(|&n| {
                std::cmp::Reverse(u32::from(items[n].weight) * u32::from(target - items[n].level))
            });
            let mut next = order.into_iter();
            while level_with(&raised) < target {
                match next.next() {
                    Some(n) => raised[n] = true,
                    None => {
                        gap.unreachable = true;
                        break;
                    }
                }
            }
            // Gate items first, then in the order they were added.
            let mut needed: Vec<(usize, u32)> = items
                .iter()
                .enumerate()
                .filter(|(n, i)| raised[*n] && i.level < target)
                .map(|(n, i)| {
                    let first = u32::from(!(i.critical && i.level + 1 < target));
                    (n, first)
                })
                .collect();
            needed.sort_by_key(|(n, first)| {
                (
                    *first,
                    std::cmp::Reverse(
                        u32::from(items[*n].weight) * u32::from(target - items[*n].level),
                    ),
                )
            });
            gap.needed = needed
                .into_iter()
                .map(|(n, _)| items[n].id.clone())
                .collect();
            gap
        })
        .collect()
}
